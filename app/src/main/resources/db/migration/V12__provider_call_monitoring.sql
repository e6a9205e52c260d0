-- Issue 6: the monitoring record gets the rest of X-Road's operational-monitoring fields: when the hub's request
-- left for the provider and its answer came back, sizes, the hub-level status, and the idempotency key of a side
-- effect. Older rows keep NULL in these columns.
ALTER TABLE provider_call ADD COLUMN provider_request_ts TIMESTAMP WITH TIME ZONE;
ALTER TABLE provider_call ADD COLUMN provider_response_ts TIMESTAMP WITH TIME ZONE;
ALTER TABLE provider_call ADD COLUMN request_bytes BIGINT;
ALTER TABLE provider_call ADD COLUMN response_bytes BIGINT;
ALTER TABLE provider_call ADD COLUMN status VARCHAR(24);
ALTER TABLE provider_call ADD COLUMN idempotency_key VARCHAR(64);

CREATE INDEX provider_call_by_time ON provider_call (request_in_ts);
