-- Idempotency keys of the staff API's creation calls (lead, on-the-spot penalty, coercive measure, inspection):
-- written in the transaction that creates, so a resent request with the same key finds what the first one created
-- instead of registering it twice (ADR 0519). One row per officer and key.
CREATE TABLE staff_creation_key (
    officer_id       VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(128)  NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    request_sm3      CHAR(64)      NOT NULL,
    created_id       UUID          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT staff_creation_key_pk PRIMARY KEY (officer_id, idempotency_key)
);
