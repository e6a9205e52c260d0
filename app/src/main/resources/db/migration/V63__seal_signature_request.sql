-- Signatures municipal systems ask the hub for (POST /api/v1/seals/signatures, ADR 0211): written with the outbox
-- entry `seal.sign` in one transaction, keyed by the calling client's idempotency key; the durable handler stores the
-- provider's SES_Signature (or its refusal). The client reads it back with GET /api/v1/seals/signatures/{id}.
CREATE TABLE seal_signature_request (
    request_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id       VARCHAR(64)   NOT NULL,
    seal_id         VARCHAR(64)   NOT NULL,
    signer_id       VARCHAR(64)   NOT NULL,
    data_hash       CHAR(64)      NOT NULL,
    property_info   VARCHAR(512)  NOT NULL,
    matter_code     VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    signature_id    VARCHAR(64),
    ses_signature   BYTEA,
    problem         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT seal_signature_request_state_ck CHECK (state IN ('PENDING', 'SIGNED', 'REFUSED'))
);
