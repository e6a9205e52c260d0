-- 双随机 draws (issue 7, ADR 0516): one row per draw of an inspection plan. The published record (pools, seed,
-- algorithm, assignments) with the entities' names, the objects left out and why, and the inspections created is kept
-- SM4-encrypted (pools may hold 身份证号) with the SM3 of its plain JSON; seed, algorithm and the pool digest are also
-- kept readable, and every inspection created cites them in its own chained InspectionPlanned event. No foreign key
-- to case_subject: this version runs before V20 creates it on a new database.
CREATE TABLE inspection_draw (
    id                    UUID          PRIMARY KEY,
    draw_number           VARCHAR(100)  NOT NULL UNIQUE,
    subject_id            VARCHAR(64)   NOT NULL,
    region_path           VARCHAR(200)  NOT NULL,
    item_code             VARCHAR(64)   NOT NULL,
    item_version          INT           NOT NULL,
    planned_on            DATE          NOT NULL,
    algorithm             VARCHAR(40)   NOT NULL,
    seed                  VARCHAR(200)  NOT NULL,
    entity_pool_sm3       CHAR(64)      NOT NULL,
    pool_size             INT           NOT NULL,
    entity_count          INT           NOT NULL,
    inspectors_per_entity INT           NOT NULL,
    record_enc            TEXT          NOT NULL,
    record_sm3            CHAR(64)      NOT NULL,
    drawn_by              VARCHAR(64)   NOT NULL,
    drawn_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inspection_draw_subject_idx ON inspection_draw (subject_id, drawn_at);
CREATE INDEX inspection_draw_region_idx ON inspection_draw (region_path, drawn_at);
