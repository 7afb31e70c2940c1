-- The outbox: every mail samla sends is first a row here, written in the same
-- transaction as the change it is about, and then delivered by a worker over SMTP
-- (queued → sent, or failed after the last retry). Times are unix seconds. Kept in step
-- with ../postgres/0003_outbox.sql.

CREATE TABLE outbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- NULL for mail that belongs to no organisation (none yet; kept possible).
    organisation_id INTEGER REFERENCES organisations(id),
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    -- The message key, e.g. 'application-receipt' (texts mail-<template>-subject/-body).
    template TEXT NOT NULL,
    language TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    -- When a queued message is due; while a worker holds it, the end of its lease.
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    -- The record the message is about, e.g. ('application', 12).
    related_type TEXT,
    related_id INTEGER,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
);
-- The worker's question: what is queued and due?
CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);
-- The coordinator's list: newest first, a page at a time by id.
CREATE INDEX outbox_messages_by_organisation ON outbox_messages (organisation_id, id);
