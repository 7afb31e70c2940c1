-- The shipped programme manuals are installed into every organisation and kept up to
-- date: `shipped` marks a programme that came from samla's own manual, and each version
-- installed from a shipped file keeps that file's content hash (an organisation's own
-- edit has none, so it is never overwritten). An organisation may archive a programme it
-- does not run: it leaves the library, takes no new courses and no shipped updates.
-- Kept in step with ../sqlite/0010_shipped_programmes.sql.
ALTER TABLE programmes ADD COLUMN shipped BIGINT NOT NULL DEFAULT 0;
ALTER TABLE programmes ADD COLUMN archived_at BIGINT;
ALTER TABLE programme_versions ADD COLUMN shipped_hash TEXT;
