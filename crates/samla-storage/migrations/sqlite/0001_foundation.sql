-- Organisations, accounts, sessions, tokens, throttling and the audit trail.
-- Times are Unix seconds (UTC). Kept in step with ../postgres/0001_foundation.sql.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('NO', 'DK')),
    require_second_factor INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language TEXT,
    totp_secret TEXT,
    totp_last_step INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'group_leader', 'secretary', 'user_representative', 'analyst')),
    PRIMARY KEY (user_id, organisation_id, role)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at INTEGER
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

CREATE TABLE login_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    organisation_id INTEGER REFERENCES organisations(id),
    stage TEXT NOT NULL CHECK (stage IN ('second_factor', 'enrol_second_factor', 'full')),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_sessions_by_user ON login_sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER
);

-- One-time links: without user_id, to create the first administrator; with it, for
-- an invited person to choose a password.
CREATE TABLE setup_links (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE idempotency_keys (
    user_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_user_id INTEGER,
    actor_role TEXT,
    organisation_id INTEGER,
    action TEXT NOT NULL,
    record_type TEXT,
    record_id TEXT,
    outcome TEXT NOT NULL,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
