-- Case-file review (案卷评查), issue 8. Templates are versioned: an edit inserts a new version, reviews keep the
-- version they were scored against. Written by JdbcReviewRepository (supervision-services).
CREATE TABLE supervision_review_template (
    code        VARCHAR(32)  NOT NULL,
    version     INT          NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE supervision_review_template_item (
    template_code    VARCHAR(32)   NOT NULL,
    template_version INT           NOT NULL,
    ordinal          INT           NOT NULL,
    item_code        VARCHAR(32)   NOT NULL,
    section          VARCHAR(100)  NOT NULL,
    item_text        VARCHAR(1000) NOT NULL,
    max_points       INT           NOT NULL CHECK (max_points BETWEEN 1 AND 100),
    PRIMARY KEY (template_code, template_version, item_code),
    FOREIGN KEY (template_code, template_version) REFERENCES supervision_review_template (code, version)
);

CREATE TABLE supervision_case_review (
    id                VARCHAR(64)   PRIMARY KEY,
    case_number       VARCHAR(100)  NOT NULL,
    reviewed_subject  VARCHAR(64)   NOT NULL,
    template_code     VARCHAR(32)   NOT NULL,
    template_version  INT           NOT NULL,
    reviewer          VARCHAR(64)   NOT NULL,
    reviewer_subject  VARCHAR(64)   NOT NULL,
    assigned_on       DATE          NOT NULL,
    draw_id           VARCHAR(64),
    status            VARCHAR(32)   NOT NULL,
    scored_on         DATE,
    total_points      INT           NOT NULL,
    rectification     VARCHAR(2000),
    rectify_by        DATE,
    response          VARCHAR(4000),
    responded_on      DATE,
    verification_note VARCHAR(2000),
    closed_on         DATE,
    version           INT           NOT NULL,
    CHECK (reviewer_subject <> reviewed_subject),
    FOREIGN KEY (template_code, template_version) REFERENCES supervision_review_template (code, version)
);

CREATE INDEX supervision_case_review_by_subject ON supervision_case_review (reviewed_subject, status);
CREATE INDEX supervision_case_review_by_case ON supervision_case_review (case_number);
CREATE INDEX supervision_case_review_by_reviewer ON supervision_case_review (reviewer, status);

CREATE TABLE supervision_review_score (
    review_id VARCHAR(64) NOT NULL REFERENCES supervision_case_review (id),
    item_code VARCHAR(32) NOT NULL,
    points    INT         NOT NULL,
    PRIMARY KEY (review_id, item_code)
);

CREATE TABLE supervision_review_finding (
    review_id VARCHAR(64)   NOT NULL REFERENCES supervision_case_review (id),
    ordinal   INT           NOT NULL,
    item_code VARCHAR(32)   NOT NULL,
    finding_text VARCHAR(2000) NOT NULL,
    PRIMARY KEY (review_id, ordinal)
);
