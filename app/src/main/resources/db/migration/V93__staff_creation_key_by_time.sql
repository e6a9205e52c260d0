-- The hourly retention purge deletes the staff API's creation keys older than hub.cases.creation-key-retention
-- (RetentionPurge: DELETE ... WHERE created_at < :cutoff); without an index on created_at each purge read the whole
-- table (V90 has only the primary key on officer and key).
CREATE INDEX staff_creation_key_by_time ON staff_creation_key (created_at);
