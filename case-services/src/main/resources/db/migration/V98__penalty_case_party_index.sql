-- Search a party's penalty cases by its full identifier (当事人标识 search, issue 7, ADR 0530). party_index is the
-- HMAC-SM3 blind index of the normalised identifier (FieldCipher.index), as procedure_case.party_index (V33): one
-- value finds both. Flyway cannot see the index key, so existing rows keep NULL here until the start-up back-fill
-- (PartyIndexBackfill) has decrypted their party_id_enc; every write of a read row fills it.
-- A party has a handful of cases, so the index starts with party_index and the jurisdiction condition (subject_id or
-- region_path) filters those few rows; (updated_at, id) then gives the default order (updatedAt, either direction,
-- id tiebreaker) without a sort, and other sorts sort the party's few rows. The back-fill finds what is left through
-- the same index (party_index IS NULL, in (updated_at, id) order): a seek, also for the search's "incomplete" check.
-- VARCHAR, not CHAR as procedure_case.party_index: the list binds the value as a string (varchar), and a bpchar column
-- compared with it is cast to text, which its index cannot serve.
ALTER TABLE penalty_case ADD COLUMN party_index VARCHAR(64);
CREATE INDEX penalty_case_party_index_idx ON penalty_case (party_index, updated_at, id);
