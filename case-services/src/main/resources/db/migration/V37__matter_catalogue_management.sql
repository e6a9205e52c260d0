-- 执法事项库动态管理 (seed task 7, issue 8): every change of a matter audited, and the sync from the provincial
-- 执法事项库 (its entries as last read, the catalogue version reached, and the conflicts with local adjustments).

-- One row per matter version written: who, when, what changed and why (local administrators or the province).
CREATE TABLE case_matter_change (
    code         VARCHAR(64)              NOT NULL REFERENCES case_matter (code),
    version      INT                      NOT NULL,
    change_kind  VARCHAR(20)              NOT NULL,
    source       VARCHAR(20)              NOT NULL,
    changed_by   VARCHAR(64)              NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(2000)            NOT NULL,
    what         VARCHAR(4000)            NOT NULL,
    PRIMARY KEY (code, version)
);

-- The provincial 执法事项库 entries as last synced (the province leads on name, kind and repeal).
CREATE TABLE case_matter_provincial (
    code               VARCHAR(64)              PRIMARY KEY,
    name               VARCHAR(300)             NOT NULL,
    kind               VARCHAR(32)              NOT NULL,
    active             BOOLEAN                  NOT NULL,
    provincial_version BIGINT                   NOT NULL,
    synced_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The catalogue version the sync has reached (one row); locked while a page is applied.
CREATE TABLE case_matter_sync_state (
    id                INT                      PRIMARY KEY,
    catalogue_version BIGINT                   NOT NULL,
    synced_at         TIMESTAMP WITH TIME ZONE
);
INSERT INTO case_matter_sync_state (id, catalogue_version, synced_at) VALUES (1, 0, NULL);

-- What the sync could not apply, or applied over a local adjustment; one row per entry version and kind.
CREATE TABLE case_matter_sync_conflict (
    code               VARCHAR(64)              NOT NULL,
    provincial_version BIGINT                   NOT NULL,
    conflict_kind      VARCHAR(40)              NOT NULL,
    detail             VARCHAR(2000)            NOT NULL,
    found_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, provincial_version, conflict_kind)
);
