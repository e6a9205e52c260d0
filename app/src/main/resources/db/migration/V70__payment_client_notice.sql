-- Payment notices (缴款书) municipal systems issue through the hub for their own business records
-- (POST /api/v1/payments/notices, ADR 0913). One notice per client and business key: the row is written with the
-- outbox entry `payment.issue-client-notice` in one transaction; the durable handler fills in the provider's notice
-- number (or its refusal). The payer is personal data and kept SM4-encrypted (hub.cases.crypto.sm4-key); the
-- payment itself is the notice's row in payment_result, shared with the case platform's notices.
CREATE TABLE payment_client_notice (
    notice_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id       VARCHAR(64)   NOT NULL,
    business_key    VARCHAR(64)   NOT NULL,
    decision_number VARCHAR(64)   NOT NULL,
    payer_sealed    VARCHAR(1000) NOT NULL,
    items           VARCHAR(4000) NOT NULL,
    total_fen       BIGINT        NOT NULL,
    due_on          DATE          NOT NULL,
    unit_code       VARCHAR(64)   NOT NULL,
    region_code     VARCHAR(6)    NOT NULL,
    matter_code     VARCHAR(64)   NOT NULL,
    case_number     VARCHAR(64),
    officer_id      VARCHAR(64),
    state           VARCHAR(16)   NOT NULL,
    notice_number   VARCHAR(20),
    pay_code        VARCHAR(20),
    pay_url         VARCHAR(512),
    problem         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_client_notice_key_uk UNIQUE (client_id, business_key),
    CONSTRAINT payment_client_notice_number_uk UNIQUE (notice_number),
    CONSTRAINT payment_client_notice_total_ck CHECK (total_fen > 0),
    CONSTRAINT payment_client_notice_state_ck CHECK (state IN ('PENDING', 'ISSUED', 'REFUSED'))
);
