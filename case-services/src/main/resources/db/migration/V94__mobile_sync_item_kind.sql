-- Mobile sync carries coercive measures, inspections and evidence (ADR 0505, amended): an applied item remembers its
-- kind, and an evidence item the SM3 of its file, so that an id re-sent with another kind of item or another file is
-- a CONFLICT instead of a DUPLICATE that would silently drop it. Rows applied before stay NULL (a lead or a step).
ALTER TABLE case_sync_item ADD COLUMN item_kind VARCHAR(20);
ALTER TABLE case_sync_item ADD COLUMN content_sm3 VARCHAR(64);
