-- Integrity (issue 13). Kept in step with ../postgres/0009_integrity.sql.

-- The outbox keeps no live links: a message's text (which may hold a one-time link) is
-- erased once it is sent, and a week after it first failed (until then a person can send
-- it again). Recipient, subject, kind and times stay.
ALTER TABLE outbox_messages ADD COLUMN first_failed_at INTEGER;
ALTER TABLE outbox_messages ADD COLUMN body_erased_at INTEGER;
-- A failed message's last attempt set its next_attempt_at to the time it failed.
UPDATE outbox_messages SET first_failed_at = next_attempt_at WHERE status = 'failed';
UPDATE outbox_messages SET body_text = '', body_erased_at = COALESCE(sent_at, created_at) WHERE status = 'sent';
-- The housekeeping loop's question: which failed messages still have their text?
CREATE INDEX outbox_messages_unerased_failures ON outbox_messages (first_failed_at)
    WHERE status = 'failed' AND body_erased_at IS NULL;

-- The audit chain is kept with a key outside the database (HMAC-SHA256). The seal,
-- written once with that key when it is introduced, says from which row on rows are
-- keyed and pins the hash of the last row before it: rows an older samla wrote keep
-- their plain SHA-256 hashes and are covered from that day on. A key that cannot verify
-- the seal is not this database's key. Like the trail itself, the seal is never changed.
CREATE TABLE audit_chain_seal (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_from_seq INTEGER NOT NULL,
    legacy_head TEXT NOT NULL,
    sealed_at INTEGER NOT NULL,
    mac TEXT NOT NULL
);

CREATE TRIGGER audit_chain_seal_no_update BEFORE UPDATE ON audit_chain_seal
BEGIN
    SELECT RAISE(ABORT, 'audit_chain_seal is append-only');
END;

CREATE TRIGGER audit_chain_seal_no_delete BEFORE DELETE ON audit_chain_seal
BEGIN
    SELECT RAISE(ABORT, 'audit_chain_seal is append-only');
END;
