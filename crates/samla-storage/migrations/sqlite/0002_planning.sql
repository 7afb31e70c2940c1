-- Programme library and course planning. Dates are ISO 'YYYY-MM-DD' text, times
-- 'HH:MM' in the organisation's time zone, money decimal text. Kept in step with
-- ../postgres/0002_planning.sql.

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    slug TEXT NOT NULL,
    shared INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (organisation_id, slug)
);

CREATE TABLE programme_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    version INTEGER NOT NULL,
    manual TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (programme_id, version)
);

CREATE TABLE certifications (
    user_id INTEGER NOT NULL REFERENCES users(id),
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    certified_on TEXT NOT NULL,
    PRIMARY KEY (user_id, programme_id, organisation_id)
);

CREATE TABLE school_holidays (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL
);
CREATE INDEX school_holidays_by_organisation ON school_holidays (organisation_id, first_day);

CREATE TABLE courses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    programme_version_id INTEGER NOT NULL REFERENCES programme_versions(id),
    name TEXT NOT NULL,
    venue TEXT NOT NULL,
    room TEXT NOT NULL,
    start_date TEXT NOT NULL,
    weekdays TEXT NOT NULL,
    start_time TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    interval_kind TEXT NOT NULL CHECK (interval_kind IN ('weekly', 'every_n_weeks', 'dates')),
    every_weeks INTEGER NOT NULL DEFAULT 1,
    session_count INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'recruiting', 'running', 'completed', 'archived', 'cancelled')),
    cancel_reason TEXT,
    calendar_token_hash TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
CREATE INDEX courses_by_organisation ON courses (organisation_id, start_date);

CREATE TABLE course_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'meeting')),
    programme_session INTEGER,
    meeting_kind TEXT,
    title TEXT NOT NULL,
    audience TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    room TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'cancelled')),
    cancel_reason TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX course_sessions_by_course ON course_sessions (course_id, date, start_time);
CREATE INDEX course_sessions_by_date ON course_sessions (date, room);

CREATE TABLE course_staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    user_id INTEGER REFERENCES users(id),
    external_name TEXT,
    external_organisation TEXT,
    course_role TEXT NOT NULL CHECK (course_role IN ('coordinator', 'group_leader', 'user_representative', 'secretary', 'network_contact')),
    UNIQUE (course_id, user_id, course_role)
);
CREATE INDEX course_staff_by_user ON course_staff (user_id);

CREATE TABLE session_staff (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    staff_id INTEGER NOT NULL REFERENCES course_staff(id),
    substitute INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, staff_id)
);

CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    position INTEGER NOT NULL,
    task TEXT NOT NULL,
    responsible_role TEXT NOT NULL,
    assignee_staff_id INTEGER REFERENCES course_staff(id),
    due_date TEXT NOT NULL,
    done_at INTEGER,
    done_by INTEGER REFERENCES users(id)
);
CREATE INDEX checklist_items_by_course ON checklist_items (course_id, position);

CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    amount TEXT NOT NULL,
    hours TEXT,
    multiplier TEXT NOT NULL CHECK (multiplier IN ('fixed', 'leader', 'session', 'participant')),
    count INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX budget_lines_by_course ON budget_lines (course_id, position);

CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER REFERENCES users(id),
    course_id INTEGER REFERENCES courses(id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
