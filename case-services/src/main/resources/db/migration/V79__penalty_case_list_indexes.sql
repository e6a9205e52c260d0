-- The officer's case list (案件列表) over 1,000,000 cases (issue 7, ADR 0517). An officer's list is always restricted
-- to the officer's subject (subject_id = ?), so each sort the list offers (CaseQuery.SORTABLE) has an index that
-- starts with subject_id and then the sort column and the id tiebreaker: the first page is read in index order,
-- forwards or backwards, instead of sorting all of a large subject's cases.
--   updatedAt    penalty_case_subject_idx (subject_id, updated_at), V20
--   fineFen      penalty_case_subject_fine_idx
--   discoveredOn penalty_case_subject_discovered_idx (also serves a discovery-date range)
--   caseNumber   penalty_case_subject_number_idx (case_number is unique: no tiebreaker needed)
-- The stage filter with the default sort, and its capped count, read penalty_case_subject_stage_idx.
-- The party-name search has a trigram index on PostgreSQL only (V80, a Java migration).
CREATE INDEX penalty_case_subject_fine_idx ON penalty_case (subject_id, fine_fen, id);
CREATE INDEX penalty_case_subject_discovered_idx ON penalty_case (subject_id, discovered_on, id);
CREATE INDEX penalty_case_subject_number_idx ON penalty_case (subject_id, case_number);
CREATE INDEX penalty_case_subject_stage_idx ON penalty_case (subject_id, stage, updated_at);
