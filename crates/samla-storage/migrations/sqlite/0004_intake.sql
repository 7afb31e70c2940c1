-- Recruitment, referral and intake: channels, households and persons, applications
-- and their history, pre-conversations, versioned consent texts and consents, offers
-- and course participants. Kept in step with ../postgres/0004_intake.sql.

ALTER TABLE organisations ADD COLUMN national_id_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN stale_after_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE organisations ADD COLUMN child_own_say_from_age INTEGER NOT NULL DEFAULT 12;
ALTER TABLE organisations ADD COLUMN offer_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE organisations ADD COLUMN public_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN public_email TEXT NOT NULL DEFAULT '';

-- A seeded channel has a code (its name comes from the translations); one the
-- organisation adds has a name.
CREATE TABLE recruitment_channels (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT,
    name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('heard', 'referral', 'both')),
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, code)
);

INSERT INTO recruitment_channels (organisation_id, code, kind, position)
SELECT o.id, c.code, c.kind, c.position FROM organisations o CROSS JOIN (
    SELECT 'user_organisation' AS code, 'heard' AS kind, 1 AS position
    UNION ALL SELECT 'poster_advert', 'heard', 2
    UNION ALL SELECT 'internet', 'heard', 3
    UNION ALL SELECT 'family_friends', 'heard', 4
    UNION ALL SELECT 'municipality', 'heard', 5
    UNION ALL SELECT 'hospital', 'both', 6
    UNION ALL SELECT 'gp', 'both', 7
    UNION ALL SELECT 'school_nurse', 'referral', 8
    UNION ALL SELECT 'school', 'referral', 9
    UNION ALL SELECT 'child_welfare', 'referral', 10
    UNION ALL SELECT 'ppt', 'referral', 11
    UNION ALL SELECT 'family_counselling', 'referral', 12
    UNION ALL SELECT 'family_centre', 'referral', 13
    UNION ALL SELECT 'mental_health_clinic', 'referral', 14
    UNION ALL SELECT 'substance_abuse_service', 'referral', 15
    UNION ALL SELECT 'nav', 'referral', 16
    UNION ALL SELECT 'other', 'both', 17
) c;

CREATE TABLE households (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    merged_into INTEGER REFERENCES households(id),
    created_at INTEGER NOT NULL
);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    household_role TEXT NOT NULL CHECK (household_role IN ('child', 'guardian', 'adult')),
    parental_responsibility INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    birth_date TEXT,
    national_id TEXT,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    merged_into INTEGER REFERENCES persons(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX persons_by_household ON persons (household_id);
CREATE INDEX persons_by_organisation ON persons (organisation_id, name);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    reference TEXT NOT NULL UNIQUE,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    course_id INTEGER REFERENCES courses(id),
    participant_id INTEGER NOT NULL REFERENCES persons(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    contact_person_id INTEGER NOT NULL REFERENCES persons(id),
    kind TEXT NOT NULL CHECK (kind IN ('self', 'guardian', 'referral', 'staff')),
    channel_id INTEGER REFERENCES recruitment_channels(id),
    stage TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 2,
    referrer_name TEXT NOT NULL DEFAULT '',
    referrer_service TEXT NOT NULL DEFAULT '',
    referrer_phone TEXT NOT NULL DEFAULT '',
    referrer_email TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    waitlisted_at INTEGER,
    last_contact_at INTEGER NOT NULL,
    withdraw_token_hash TEXT UNIQUE,
    submission_key TEXT UNIQUE,
    merged_into INTEGER REFERENCES applications(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX applications_by_stage ON applications (organisation_id, stage, created_at);
CREATE INDEX applications_by_course ON applications (course_id);
CREATE INDEX applications_by_household ON applications (household_id);

CREATE TABLE application_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    at INTEGER NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    stage_from TEXT,
    stage_to TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_events_by_application ON application_events (application_id, at);

CREATE TABLE pre_conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    number INTEGER NOT NULL,
    held_on TEXT NOT NULL,
    participants TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL CHECK (outcome IN ('continue', 'offer', 'waitlist', 'not_suitable', 'referred_elsewhere')),
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX pre_conversations_by_application ON pre_conversations (application_id, number);

-- scope_key is 'organisation' or 'programme:<id>' so that uniqueness holds without NULLs.
CREATE TABLE consent_texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    programme_id INTEGER REFERENCES programmes(id),
    scope_key TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('participation', 'share_with_network', 'evaluation')),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    UNIQUE (organisation_id, scope_key, purpose, version)
);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    giver_id INTEGER NOT NULL REFERENCES persons(id),
    participant_id INTEGER NOT NULL REFERENCES persons(id),
    consent_text_id INTEGER NOT NULL REFERENCES consent_texts(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('participation', 'share_with_network', 'evaluation')),
    capacity TEXT NOT NULL CHECK (capacity IN ('participant', 'guardian', 'child_own_say')),
    method TEXT NOT NULL CHECK (method IN ('web', 'paper', 'in_conversation', 'api')),
    given_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    withdrawn_at INTEGER,
    withdrawn_by INTEGER REFERENCES users(id),
    withdrawal_method TEXT
);
CREATE INDEX consents_by_participant ON consents (participant_id);

-- A link that lets one person (e.g. the second guardian) give their own consent.
CREATE TABLE consent_links (
    token_hash TEXT PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    giver_id INTEGER NOT NULL REFERENCES persons(id),
    participant_id INTEGER NOT NULL REFERENCES persons(id),
    application_id INTEGER NOT NULL REFERENCES applications(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE offers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    course_id INTEGER NOT NULL REFERENCES courses(id),
    token_hash TEXT NOT NULL UNIQUE,
    deadline_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'lapsed', 'withdrawn')),
    created_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    responded_at INTEGER
);
CREATE INDEX offers_by_application ON offers (application_id);

CREATE TABLE course_participants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    application_id INTEGER REFERENCES applications(id),
    role TEXT NOT NULL CHECK (role IN ('participant', 'parent')),
    channel_id INTEGER REFERENCES recruitment_channels(id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dropped_out')),
    enrolled_at INTEGER NOT NULL,
    UNIQUE (course_id, person_id)
);
