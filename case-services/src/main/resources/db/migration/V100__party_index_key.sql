-- Which index key made each party_index (issue 7, ADR 0503 "re-index"): the id (FieldCipher.keyId, 8 hex characters,
-- not the key) of hub.cases.crypto.index-key when the value was written. After the index key is rotated, the re-index
-- pass of the key-rotation run finds what is left with a plain comparison (party_index_key <> the current id) instead
-- of decrypting every row, and GET /api/v1/ops/key-rotation counts it the same way. NULL: written before V100 (which
-- key is unknown to the database); the next run checks such a row once (decrypts, compares) and labels it.
ALTER TABLE penalty_case ADD COLUMN party_index_key VARCHAR(8);
ALTER TABLE procedure_case ADD COLUMN party_index_key VARCHAR(8);
