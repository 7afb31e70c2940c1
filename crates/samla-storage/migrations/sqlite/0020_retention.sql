-- How long personal data is kept: the organisation's rule per kind of record (a kind
-- without a row keeps samla's default), legal holds that keep one record past its rule,
-- and one row per record removed, for the yearly deletion report (never its content).
-- Kept in step with ../postgres/0020_retention.sql.
CREATE TABLE retention_rules (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    months INTEGER NOT NULL,
    set_by INTEGER REFERENCES users(id),
    set_at INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, kind)
);
CREATE TABLE retention_holds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    held_by INTEGER REFERENCES users(id),
    held_at INTEGER NOT NULL,
    released_by INTEGER REFERENCES users(id),
    released_at INTEGER
);
-- One hold at a time per record.
CREATE UNIQUE INDEX retention_holds_current ON retention_holds (organisation_id, kind, record_id)
    WHERE released_at IS NULL;
CREATE TABLE retention_removals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    months INTEGER NOT NULL,
    removed_at INTEGER NOT NULL
);
CREATE INDEX retention_removals_by_organisation ON retention_removals (organisation_id, removed_at);
