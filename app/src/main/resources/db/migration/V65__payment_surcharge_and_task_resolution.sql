-- 加处罚款 (issue 5 / 7, ADR 0801, 0507): one late-payment surcharge notice per unpaid penalty notice, opened by the
-- daily overdue run in the transaction that enqueues its durable issue; the handler fills in the provider's notice.
CREATE TABLE payment_surcharge (
    request_no             VARCHAR(64)   NOT NULL PRIMARY KEY,
    original_notice_number VARCHAR(20)   NOT NULL,
    case_id                UUID          NOT NULL,
    subject_id             VARCHAR(64)   NOT NULL,
    case_number            VARCHAR(64)   NOT NULL,
    surcharge_fen          BIGINT        NOT NULL,
    accrued_until          DATE          NOT NULL,
    due_on                 DATE          NOT NULL,
    notice_number          VARCHAR(20),
    pay_code               VARCHAR(20),
    pay_url                VARCHAR(512),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payment_surcharge_original_uk UNIQUE (original_notice_number),
    CONSTRAINT payment_surcharge_number_uk UNIQUE (notice_number),
    CONSTRAINT payment_surcharge_fen_ck CHECK (surcharge_fen > 0)
);

-- Payment reviews and reconciliation tasks are resolved by a person through the staff API (who, when, how).
ALTER TABLE payment_review ADD COLUMN state VARCHAR(16) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE payment_review ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE payment_review ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_review ADD COLUMN resolution_note VARCHAR(2000);
ALTER TABLE payment_reconciliation_task ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE payment_reconciliation_task ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_reconciliation_task ADD COLUMN resolution_note VARCHAR(2000);
