-- The audit trail in one chain per organisation (rows without an organisation in chain
-- 0), so that writers of different organisations never wait for each other; each
-- chain's first row links to the last row of the single chain kept until now, whose rows
-- keep chain and chain_seq empty. audit_chain_heads keeps each chain's row count and
-- last hash for the next append (its row is the chain's lock on PostgreSQL); the rows
-- themselves are what `samla audit verify` checks.
-- Kept in step with ../postgres/0014_audit_chains.sql.

ALTER TABLE audit_log ADD COLUMN chain INTEGER;
ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER;
CREATE UNIQUE INDEX audit_log_by_chain ON audit_log (chain, chain_seq) WHERE chain IS NOT NULL;
CREATE INDEX audit_log_single_chain ON audit_log (seq) WHERE chain IS NULL;

CREATE TABLE audit_chain_heads (
    chain INTEGER PRIMARY KEY,
    row_count INTEGER NOT NULL,
    head TEXT NOT NULL
);
