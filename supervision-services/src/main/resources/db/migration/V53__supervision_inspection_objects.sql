-- 检查对象名录库 (issue 8): per subject, the objects it is to inspect for each inspection item; the denominator of
-- inspection coverage (docs/indicators.md, INSPECTION_COVERAGE).
CREATE TABLE supervision_inspection_object (
    subject_id   VARCHAR(64)  NOT NULL,
    object_id    VARCHAR(64)  NOT NULL,
    matter_code  VARCHAR(64)  NOT NULL,
    object_name  VARCHAR(300) NOT NULL,
    listed_on    DATE         NOT NULL,
    delisted_on  DATE,
    PRIMARY KEY (subject_id, object_id, matter_code),
    CHECK (delisted_on IS NULL OR delisted_on > listed_on)
);
