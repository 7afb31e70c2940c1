-- Running a course: attendance, session logs, homework, observations, meeting records,
-- concern reports, absence follow-up, dropouts and reminders. Times are Unix seconds,
-- dates ISO text. Kept in step with ../postgres/0005_running.sql.

-- What a step of an application's history was: a stage move with the staff's note, or
-- something samla recorded itself ('merged': note holds the merged application's
-- reference; 'offer_accepted': accepted while a consent was missing), translated when shown.
ALTER TABLE application_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'stage';

-- Dropping out is recorded on the participant's place in the course.
ALTER TABLE course_participants ADD COLUMN dropped_out_on TEXT;
ALTER TABLE course_participants ADD COLUMN dropout_reason TEXT;
ALTER TABLE course_participants ADD COLUMN reminders_off INTEGER NOT NULL DEFAULT 0;

-- A meeting about one participant and their family (closing conversation, follow-up);
-- NULL for group sessions and group meetings.
ALTER TABLE course_sessions ADD COLUMN participant_id INTEGER REFERENCES course_participants(id);
-- The cancelled session this one replaces.
ALTER TABLE course_sessions ADD COLUMN replaces_session_id INTEGER REFERENCES course_sessions(id);

-- Organisation-wide settings for running courses.
CREATE TABLE running_settings (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    follow_up_after_absences INTEGER NOT NULL DEFAULT 2,
    reminder_hours_before INTEGER NOT NULL DEFAULT 24,
    log_grace_hours INTEGER NOT NULL DEFAULT 24
);

-- Per course: whether reminders go out at all.
CREATE TABLE course_reminder_settings (
    course_id INTEGER PRIMARY KEY REFERENCES courses(id),
    participant_reminders INTEGER NOT NULL DEFAULT 1,
    log_reminders INTEGER NOT NULL DEFAULT 1
);

-- A staff member who does not want log reminders for one course.
CREATE TABLE staff_reminder_opt_outs (
    course_id INTEGER NOT NULL REFERENCES courses(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (course_id, user_id)
);

-- One row per reminder sent, so each goes out once. recipient is 'person:<id>' or 'user:<id>'.
CREATE TABLE reminders_sent (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'log', 'cancelled')),
    recipient TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, kind, recipient)
);

-- The attendance sheet of one session or meeting, saved whole.
CREATE TABLE attendance_sheets (
    session_id INTEGER PRIMARY KEY REFERENCES course_sessions(id),
    parents INTEGER NOT NULL DEFAULT 0,
    family_members INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    saved_by INTEGER REFERENCES users(id),
    -- The submission key of the last save: the same save sent twice gives one result.
    submission_key TEXT
);

CREATE TABLE attendance_entries (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    participant_id INTEGER NOT NULL REFERENCES course_participants(id),
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'absent_with_notice', 'absent_without_notice', 'late', 'left_early')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_entries_by_participant ON attendance_entries (participant_id);

CREATE TABLE attendance_staff (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    staff_id INTEGER NOT NULL REFERENCES course_staff(id),
    PRIMARY KEY (session_id, staff_id)
);

-- A family has said beforehand that the participant will be away.
CREATE TABLE absence_notices (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    participant_id INTEGER NOT NULL REFERENCES course_participants(id),
    note TEXT NOT NULL DEFAULT '',
    recorded_at INTEGER NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    PRIMARY KEY (session_id, participant_id)
);

-- The group-level log of one session. elements_done is a JSON array of booleans,
-- one per planned segment of the session plan.
CREATE TABLE session_logs (
    session_id INTEGER PRIMARY KEY REFERENCES course_sessions(id),
    done TEXT NOT NULL,
    learned TEXT NOT NULL,
    noticed TEXT NOT NULL,
    deviations TEXT NOT NULL,
    next_time TEXT NOT NULL,
    elements_done TEXT NOT NULL,
    version INTEGER NOT NULL,
    written_at INTEGER NOT NULL,
    written_by INTEGER REFERENCES users(id)
);

-- Homework given at one session, reviewed at a later one.
CREATE TABLE homework (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    description TEXT NOT NULL,
    reviewed_session_id INTEGER REFERENCES course_sessions(id),
    review_note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX homework_by_session ON homework (session_id);

-- An observation about one participant: sensitive, read only by the course's leaders
-- and the coordinator.
CREATE TABLE observations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    participant_id INTEGER NOT NULL REFERENCES course_participants(id),
    session_id INTEGER REFERENCES course_sessions(id),
    body TEXT NOT NULL,
    written_at INTEGER NOT NULL,
    written_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX observations_by_participant ON observations (participant_id, written_at);

-- A task for a leader to contact a family after absences in a row.
CREATE TABLE follow_up_tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    participant_id INTEGER NOT NULL REFERENCES course_participants(id),
    absences INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    done_at INTEGER,
    done_by INTEGER REFERENCES users(id),
    outcome TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_up_tasks_by_course ON follow_up_tasks (course_id, done_at);

-- Agenda, minutes and agreements of a meeting (parent meeting, network meeting, closing
-- conversation, follow-up).
CREATE TABLE meeting_records (
    session_id INTEGER PRIMARY KEY REFERENCES course_sessions(id),
    agenda TEXT NOT NULL,
    minutes TEXT NOT NULL,
    agreements TEXT NOT NULL,
    version INTEGER NOT NULL,
    written_at INTEGER NOT NULL,
    written_by INTEGER REFERENCES users(id)
);

-- People from outside (school, health nurse, child welfare) at a meeting.
CREATE TABLE meeting_guests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    attended INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_guests_by_session ON meeting_guests (session_id);

-- A concern about a child (bekymringsmelding) and what was decided.
CREATE TABLE concern_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    course_id INTEGER NOT NULL REFERENCES courses(id),
    participant_id INTEGER NOT NULL REFERENCES course_participants(id),
    concern TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('pending', 'sent', 'not_sent')),
    decision_note TEXT NOT NULL DEFAULT '',
    sent_on TEXT,
    reference TEXT NOT NULL DEFAULT '',
    reported_by INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX concern_reports_by_course ON concern_reports (organisation_id, course_id);

-- People the organisation designates to read every concern report.
CREATE TABLE concern_readers (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (organisation_id, user_id)
);

-- Audit rows that call for review (every access to a concern report) and who reviewed them.
CREATE TABLE audit_reviews (
    seq INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL,
    reviewed_at INTEGER,
    reviewed_by INTEGER REFERENCES users(id)
);
CREATE INDEX audit_reviews_open ON audit_reviews (organisation_id, reviewed_at);
