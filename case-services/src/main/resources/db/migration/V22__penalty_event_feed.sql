-- A position over the whole penalty event log (issue 7), in insert order: the supervision platform reads the log
-- as a feed "after position p" (SupervisedCaseFeed).
CREATE SEQUENCE penalty_event_position_seq;
ALTER TABLE penalty_case_event ADD COLUMN log_position BIGINT DEFAULT nextval('penalty_event_position_seq') NOT NULL;
CREATE UNIQUE INDEX penalty_case_event_position_idx ON penalty_case_event (log_position);
