-- The officer's case list (案件列表) over 1,000,000 cases (issue 7, ADR 0517). An officer's list is always restricted
-- to the officer's subject (subject_id = ?), so each sort the list offers (CaseQuery.SORTABLE) has an index that
-- starts with subject_id and then the sort column and the id tiebreaker: the first page is read in index order,
-- forwards or backwards, instead of sorting all of a large subject's cases.
--   updatedAt    penalty_case_subject_idx (subject_id, updated_at), V20
--   fineFen      penalty_case_subject_fine_idx
--   discoveredOn penalty_case_subject_discovered_idx (also serves a discovery-date range)
--   caseNumber   penalty_case_subject_number_idx (case_number is unique: no tiebreaker needed)
-- The stage filter with the default sort, and its capped count, read penalty_case_subject_stage_idx.
-- The party-name search (lower(party_name) LIKE '%…%') cannot seek in a B-tree, but its count can read
-- penalty_case_subject_party_idx alone (an index-only scan on PostgreSQL: 38 ms for a subject of 100,000 cases
-- instead of 700 ms through the table) whatever the length of the text; a text of three characters or more can also
-- use the trigram index PostgreSQL gets in V80 (a Java migration: H2 has none).
CREATE INDEX penalty_case_subject_fine_idx ON penalty_case (subject_id, fine_fen, id);
CREATE INDEX penalty_case_subject_discovered_idx ON penalty_case (subject_id, discovered_on, id);
CREATE INDEX penalty_case_subject_number_idx ON penalty_case (subject_id, case_number);
CREATE INDEX penalty_case_subject_stage_idx ON penalty_case (subject_id, stage, updated_at);
CREATE INDEX penalty_case_subject_party_idx ON penalty_case (subject_id, party_name);
