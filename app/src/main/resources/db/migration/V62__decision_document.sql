-- Sealed decision documents (issues 4 + 6 + 7, ADR 0210). One row per decision event: the 行政处罚决定书 laid out
-- as OFD is written with the decision (same transaction as the outbox entry `seal.sign-decision`); the durable
-- handler keeps what it sends to be signed (signed_path/signed_content, before the request leaves: reconcile
-- before retry), then stores the sealed OFD and the hub's verification report.
-- state: PENDING (waiting for the seal service), SEALED (sealed and verified), VERIFICATION_FAILED (a task for
-- staff: the seal came back but failed a check), SEAL_REFUSED (the seal service refused the request, e.g. an expired
-- seal: a task too; the outbox entry is dead-lettered for ops), NO_SEAL (no seal is configured for the subject).
CREATE TABLE decision_document (
    document_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id           UUID          NOT NULL,
    subject_id        VARCHAR(64)   NOT NULL,
    case_number       VARCHAR(64)   NOT NULL,
    decision_number   VARCHAR(64)   NOT NULL,
    collecting_unit   VARCHAR(200)  NOT NULL,
    seal_id           VARCHAR(64),
    signer_id         VARCHAR(64)   NOT NULL,
    state             VARCHAR(24)   NOT NULL,
    unsealed_ofd      BYTEA         NOT NULL,
    unsealed_sm3      CHAR(64)      NOT NULL,
    signed_path       VARCHAR(256),
    signed_content    BYTEA,
    sealed_ofd        BYTEA,
    sealed_sm3        CHAR(64),
    report            TEXT,
    problem           VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT decision_document_state_ck CHECK (state IN ('PENDING', 'SEALED', 'VERIFICATION_FAILED', 'SEAL_REFUSED',
                                                         'NO_SEAL'))
);
CREATE INDEX decision_document_case_ix ON decision_document (case_id, created_at);
