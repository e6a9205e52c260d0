-- Case platform (issue 7): administration tables, the penalty case event log (source of truth, SM3-chained,
-- payload SM4-encrypted) and its read table. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.

CREATE TABLE case_region (
    code        VARCHAR(20)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    parent_code VARCHAR(20)  REFERENCES case_region (code),
    path        VARCHAR(200) NOT NULL
);

CREATE TABLE case_subject (
    id          VARCHAR(64)   PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    region_code VARCHAR(20)   NOT NULL REFERENCES case_region (code),
    domains     VARCHAR(1000) NOT NULL,
    supervisory BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL
);

CREATE TABLE case_officer (
    id                     VARCHAR(64)   PRIMARY KEY,
    name                   VARCHAR(100)  NOT NULL,
    subject_id             VARCHAR(64)   NOT NULL REFERENCES case_subject (id),
    roles                  VARCHAR(200)  NOT NULL,
    staff_user_id          VARCHAR(128)  UNIQUE,
    id_number_enc          VARCHAR(512),
    phone_enc              VARCHAR(512),
    certificate_number     VARCHAR(64)   NOT NULL UNIQUE,
    certificate_domains    VARCHAR(1000) NOT NULL,
    certificate_valid_from DATE          NOT NULL,
    certificate_valid_to   DATE          NOT NULL,
    certificate_status     VARCHAR(20)   NOT NULL,
    version                BIGINT        NOT NULL
);
CREATE INDEX case_officer_subject_idx ON case_officer (subject_id);

CREATE TABLE case_matter (
    code           VARCHAR(64) PRIMARY KEY,
    latest_version INT         NOT NULL,
    version        BIGINT      NOT NULL
);

CREATE TABLE case_matter_version (
    code                  VARCHAR(64)   NOT NULL REFERENCES case_matter (code),
    version               INT           NOT NULL,
    effective_from        DATE          NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    name                  VARCHAR(300)  NOT NULL,
    kind                  VARCHAR(20)   NOT NULL,
    domain                VARCHAR(64)   NOT NULL,
    basis_law             VARCHAR(300)  NOT NULL,
    basis_article         VARCHAR(100)  NOT NULL,
    band_json             VARCHAR(4000) NOT NULL,
    supervision_item_code VARCHAR(64)   NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE case_number_counter (
    subject_id VARCHAR(64) NOT NULL,
    counter_year INT       NOT NULL,
    next_value INT         NOT NULL,
    PRIMARY KEY (subject_id, counter_year)
);

-- Read table: what lists and filters need. Rebuilt from the event log at any time.
CREATE TABLE penalty_case (
    id              UUID          PRIMARY KEY,
    case_number     VARCHAR(100)  NOT NULL UNIQUE,
    subject_id      VARCHAR(64)   NOT NULL REFERENCES case_subject (id),
    region_path     VARCHAR(200)  NOT NULL,
    matter_code     VARCHAR(64)   NOT NULL,
    matter_version  INT           NOT NULL,
    matter_name     VARCHAR(300)  NOT NULL,
    domain          VARCHAR(64)   NOT NULL,
    stage           VARCHAR(30)   NOT NULL,
    suspended       BOOLEAN       NOT NULL,
    summary         BOOLEAN       NOT NULL,
    party_kind      VARCHAR(20)   NOT NULL,
    party_name      VARCHAR(200)  NOT NULL,
    party_id_enc    VARCHAR(512)  NOT NULL,
    party_id_masked VARCHAR(64)   NOT NULL,
    place           VARCHAR(20)   NOT NULL,
    discovered_on   DATE          NOT NULL,
    fine_fen        BIGINT        NOT NULL,
    paid_fen        BIGINT        NOT NULL,
    event_count     INT           NOT NULL,
    head_hash       CHAR(64)      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL
);
CREATE INDEX penalty_case_subject_idx ON penalty_case (subject_id, updated_at);
CREATE INDEX penalty_case_region_idx ON penalty_case (region_path, updated_at);

-- The full-process record (全过程记录): append-only, one row per event, chained with SM3 over the canonical form.
CREATE TABLE penalty_case_event (
    case_id       UUID          NOT NULL REFERENCES penalty_case (id),
    sequence      INT           NOT NULL,
    event_id      UUID          NOT NULL UNIQUE,
    event_type    VARCHAR(60)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    payload_enc   TEXT          NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL,
    PRIMARY KEY (case_id, sequence)
);

-- Evidence files as received; their SM3 digest is also in the EvidenceRecorded event.
CREATE TABLE penalty_evidence_file (
    case_id      UUID          NOT NULL REFERENCES penalty_case (id),
    evidence_id  VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sm3          CHAR(64)      NOT NULL,
    content      BYTEA         NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, evidence_id)
);

-- The city and its county-level areas (ShanweiRegions); towns are added through the administration API.
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441500', '汕尾市', 'CITY', NULL, '/441500/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441502', '城区', 'COUNTY', '441500', '/441500/441502/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441521', '海丰县', 'COUNTY', '441500', '/441500/441521/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441523', '陆河县', 'COUNTY', '441500', '/441500/441523/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441581', '陆丰市', 'COUNTY', '441500', '/441500/441581/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441500-HQGLQ', '华侨管理区', 'COUNTY', '441500', '/441500/441500-HQGLQ/');
INSERT INTO case_region (code, name, level, parent_code, path) VALUES ('441500-HHW', '红海湾经济开发区', 'COUNTY', '441500', '/441500/441500-HHW/');
