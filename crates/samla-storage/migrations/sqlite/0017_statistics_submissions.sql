-- Statistics between installations. An organisation that runs a programme on its own
-- samla sends the programme's owner its exact yearly counts (no person), signed with the
-- organisation's key; the owner registers that installation (its public key and a token
-- that may do nothing but submit) and counts the latest submission of each year in its
-- releases. Every submission received is kept, as evidence of what was counted.
-- Kept in step with ../postgres/0017_statistics_submissions.sql.

-- The sending side: the organisation's signing key, made on first use, and when it last
-- signed a submission (each is made later than the one before, even within a second).
CREATE TABLE statistics_signing_keys (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    secret_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_made_at INTEGER
);

-- The owner's side: an installation counted as an organisation of the programme's network.
CREATE TABLE submitting_installations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    organisation_id INTEGER NOT NULL UNIQUE REFERENCES organisations(id),
    public_key TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    registered_at INTEGER NOT NULL,
    registered_by INTEGER REFERENCES users(id),
    UNIQUE (programme_id, public_key)
);

CREATE TABLE statistics_submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    installation_id INTEGER NOT NULL REFERENCES submitting_installations(id),
    year INTEGER NOT NULL,
    made_at INTEGER NOT NULL,
    digest TEXT NOT NULL,
    envelope TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    -- Nobody when the installation pushed it with its token.
    received_by INTEGER REFERENCES users(id),
    replaced_at INTEGER,
    UNIQUE (installation_id, year, made_at)
);
-- One submission of a year counts: two received at the same moment cannot both be current.
CREATE UNIQUE INDEX statistics_submissions_current ON statistics_submissions (installation_id, year)
    WHERE replaced_at IS NULL;
