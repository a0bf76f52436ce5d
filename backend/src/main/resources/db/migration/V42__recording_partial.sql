-- A recording salvaged from the spool after the server stopped while recording (docs/decisions/058): its files
-- hold every track up to at most 2 s before the stop. Not in seed 000.
ALTER TABLE recordings ADD COLUMN IF NOT EXISTS partial BOOLEAN NOT NULL DEFAULT FALSE;
