-- Courses run before samla, imported from a spreadsheet so that they count in the
-- programme's statistics. Participants are pseudonymous codes the organisation chose,
-- with only what the statistics count. A course is known by the organisation's own
-- reference: importing it again replaces it.
-- Kept in step with ../postgres/0016_imported_courses.sql.

CREATE TABLE imported_courses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    reference TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    leaders INTEGER NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    imported_at INTEGER NOT NULL,
    imported_by INTEGER REFERENCES users(id),
    UNIQUE (organisation_id, reference)
);
CREATE INDEX imported_courses_by_programme ON imported_courses (programme_id, start_date);

CREATE TABLE imported_participants (
    imported_course_id INTEGER NOT NULL REFERENCES imported_courses(id),
    pseudonym TEXT NOT NULL,
    birth_year INTEGER,
    age INTEGER,
    sex TEXT CHECK (sex IN ('female', 'male', 'other')),
    channel TEXT,
    sessions_attended INTEGER,
    dropped_out INTEGER NOT NULL DEFAULT 0,
    dropout_reason_kind TEXT
        CHECK (dropout_reason_kind IN ('illness', 'practical', 'did_not_suit', 'family_situation', 'moved', 'other')),
    PRIMARY KEY (imported_course_id, pseudonym)
);
