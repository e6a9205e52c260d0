-- ADR 0919: refused ops requests (401/403/429 that never reach a controller) are written as one row per caller and
-- kind of refusal per window, not one per request. A row of such a tally says how many refusals it stands for, when
-- the first of them came (`at` is the last) and from which address. The three columns stay NULL on every other row
-- (one row per ops action, as before).
ALTER TABLE ops_audit ADD COLUMN refusals BIGINT;
ALTER TABLE ops_audit ADD COLUMN first_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ops_audit ADD COLUMN remote_address VARCHAR(64);
