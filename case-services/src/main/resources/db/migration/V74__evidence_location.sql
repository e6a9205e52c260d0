-- Evidence placed on 粤政图 (issue 7, ADR 0513): the read row of each evidence item's place. What the officer gave
-- (address and/or CGCS2000 coordinates) and, once the map answered, the point, the matched address and the 12-digit
-- division code; the answer is also the case's EvidenceLocated event. PENDING rows wait for their durable request.
-- No foreign key to penalty_case: this version runs before the case platform's tables are created (V20).
CREATE TABLE penalty_evidence_location (
    case_id         UUID                     NOT NULL,
    evidence_id     VARCHAR(64)              NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    given_address   VARCHAR(200),
    given_lon       DOUBLE PRECISION,
    given_lat       DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    lat             DOUBLE PRECISION,
    matched_address VARCHAR(500),
    division_code   VARCHAR(12),
    match_precision VARCHAR(16),
    stale           BOOLEAN                  NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    PRIMARY KEY (case_id, evidence_id),
    CONSTRAINT penalty_evidence_location_state CHECK (state IN ('PENDING', 'LOCATED', 'NOT_FOUND')),
    CONSTRAINT penalty_evidence_location_given CHECK (given_address IS NOT NULL OR given_lon IS NOT NULL)
);
CREATE INDEX penalty_evidence_location_pending ON penalty_evidence_location (state, requested_at);
