-- Evidence files of coercive measures and inspections (issue 7), stored as received; each file's SM3 digest is also
-- in the procedure's EvidenceRecorded event (its chained log). No foreign key to procedure_case: this version runs
-- before V33 creates it on a new database; the service writes a file only together with its event.
CREATE TABLE procedure_evidence_file (
    case_id      UUID          NOT NULL,
    evidence_id  VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sm3          CHAR(64)      NOT NULL,
    content      BYTEA         NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, evidence_id)
);
