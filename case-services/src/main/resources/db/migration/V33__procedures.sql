-- Coercive measures (行政强制措施) and inspections (行政检查), issue 7: one read table and one chained event log for
-- both procedures (ADR 0506), with the same guarantees as the penalty case (ADR 0501): the log is the source of truth,
-- SM3-chained over each event's canonical form, payloads SM4-encrypted; the read row anchors the head and carries
-- the optimistic-locking version. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE procedure_case (
    id                  UUID          PRIMARY KEY,
    procedure_type      VARCHAR(20)   NOT NULL,
    case_number         VARCHAR(100)  NOT NULL UNIQUE,
    subject_id          VARCHAR(64)   NOT NULL REFERENCES case_subject (id),
    region_path         VARCHAR(200)  NOT NULL,
    matter_code         VARCHAR(64)   NOT NULL,
    matter_version      INT           NOT NULL,
    matter_name         VARCHAR(300)  NOT NULL,
    domain              VARCHAR(64)   NOT NULL,
    kind                VARCHAR(30)   NOT NULL,
    stage               VARCHAR(30)   NOT NULL,
    party_kind          VARCHAR(20)   NOT NULL,
    party_name          VARCHAR(200)  NOT NULL,
    party_id_enc        VARCHAR(512)  NOT NULL,
    party_id_masked     VARCHAR(64)   NOT NULL,
    party_index         CHAR(64)      NOT NULL,
    place               VARCHAR(20)   NOT NULL,
    opened_on           DATE          NOT NULL,
    due_on              DATE,
    limit_year          INT,
    counts_toward_limit BOOLEAN       NOT NULL,
    follow_up_case_id   UUID          REFERENCES penalty_case (id),
    event_count         INT           NOT NULL,
    head_hash           CHAR(64)      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX procedure_case_subject_idx ON procedure_case (procedure_type, subject_id, updated_at);
CREATE INDEX procedure_case_region_idx ON procedure_case (procedure_type, region_path, updated_at);
-- The yearly inspection limit per entity and item (国办发〔2024〕54号) is counted on the keyed SM3 index of the
-- party's identifier, never on the identifier itself.
CREATE INDEX procedure_case_limit_idx ON procedure_case (party_index, matter_code, limit_year);

CREATE SEQUENCE procedure_event_position_seq;
CREATE TABLE procedure_case_event (
    case_id       UUID          NOT NULL REFERENCES procedure_case (id),
    sequence      INT           NOT NULL,
    event_id      UUID          NOT NULL UNIQUE,
    event_type    VARCHAR(60)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    payload_enc   TEXT          NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL,
    log_position  BIGINT        DEFAULT nextval('procedure_event_position_seq') NOT NULL,
    PRIMARY KEY (case_id, sequence)
);
CREATE UNIQUE INDEX procedure_case_event_position_idx ON procedure_case_event (log_position);
