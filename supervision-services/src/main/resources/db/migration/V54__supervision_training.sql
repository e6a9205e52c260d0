-- Training records of enforcement officers (执法人员培训, issue 8): hours per course, summed per officer and year
-- against the required yearly hours (hub.supervision.training.required-hours-per-year).
CREATE TABLE supervision_training_record (
    id           VARCHAR(64)   PRIMARY KEY,
    officer_id   VARCHAR(64)   NOT NULL,
    course       VARCHAR(300)  NOT NULL,
    completed_on DATE          NOT NULL,
    hours        DECIMAL(6, 1) NOT NULL CHECK (hours > 0),
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX supervision_training_officer_year ON supervision_training_record (officer_id, completed_on);
