-- Documents of coercive measures and inspections (issue 7, ADR 0515): 查封/扣押/冻结决定书, 解除决定书 and 现场检查笔录,
-- from the unsealed OFD written with the step to the sealed and verified one, as decision_document (V62) keeps the
-- penalty decisions. The document id says the kind (MD-, MR-, IR- + the id of the event it records). No foreign key to
-- procedure_case: this version runs before V33 creates it on a new database.
CREATE TABLE procedure_document (
    document_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id           UUID          NOT NULL,
    subject_id        VARCHAR(64)   NOT NULL,
    case_number       VARCHAR(100)  NOT NULL,
    document_number   VARCHAR(120)  NOT NULL,
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
    CONSTRAINT procedure_document_state_ck CHECK (state IN ('PENDING', 'SEALED', 'VERIFICATION_FAILED',
                                                            'SEAL_REFUSED', 'NO_SEAL'))
);
CREATE INDEX procedure_document_case_ix ON procedure_document (case_id, created_at);
