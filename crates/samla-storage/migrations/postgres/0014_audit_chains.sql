-- The audit trail in one chain per organisation (rows without an organisation in chain
-- 0), so that writers of different organisations never wait for each other; each
-- chain's first row links to the last row of the single chain kept until now, whose rows
-- keep chain and chain_seq empty. audit_chain_heads keeps each chain's row count and
-- last hash for the next append (its row, locked FOR UPDATE, is the chain's lock in
-- place of one advisory lock for the whole trail); the rows themselves are what `samla
-- audit verify` checks. Sequence numbers come from a sequence, so rows of different
-- chains are numbered without waiting for each other.
-- Kept in step with ../sqlite/0014_audit_chains.sql.

ALTER TABLE audit_log ADD COLUMN chain BIGINT;
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
CREATE UNIQUE INDEX audit_log_by_chain ON audit_log (chain, chain_seq) WHERE chain IS NOT NULL;
CREATE INDEX audit_log_single_chain ON audit_log (seq) WHERE chain IS NULL;

CREATE TABLE audit_chain_heads (
    chain BIGINT PRIMARY KEY,
    row_count BIGINT NOT NULL,
    head TEXT NOT NULL
);

CREATE SEQUENCE audit_log_seq;
SELECT setval('audit_log_seq', COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1, false);
