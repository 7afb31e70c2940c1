-- Who is expected follows a session's audience: at parent and family sessions the
-- guardians of the children (household members with parental responsibility) are marked
-- by name, each on the session's sheet beside the children's lines. And a course may
-- deviate from its programme's rules (staffing) when a coordinator accepts that with a
-- written reason: kept with who accepted it, when, and what the deviations were.
-- Kept in step with ../postgres/0011_audiences_and_deviations.sql.

CREATE TABLE attendance_guardians (
    session_id INTEGER NOT NULL REFERENCES course_sessions(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'absent_with_notice', 'absent_without_notice', 'late', 'left_early')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX attendance_guardians_by_person ON attendance_guardians (person_id);

-- One acceptance: the reason, who gave it and when, and the status the course moved to.
CREATE TABLE course_deviation_acceptances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL,
    accepted_by INTEGER REFERENCES users(id),
    accepted_at INTEGER NOT NULL
);
CREATE INDEX course_deviation_acceptances_by_course ON course_deviation_acceptances (course_id, accepted_at);

-- The deviations one acceptance covered: by kind, how many sessions, and the fewest
-- people of that kind at one of them against the programme's need.
CREATE TABLE course_deviations (
    acceptance_id INTEGER NOT NULL REFERENCES course_deviation_acceptances(id),
    kind TEXT NOT NULL CHECK (kind IN ('group_leaders', 'certified_group_leaders', 'user_representatives')),
    sessions INTEGER NOT NULL,
    fewest INTEGER NOT NULL,
    needed INTEGER NOT NULL,
    PRIMARY KEY (acceptance_id, kind)
);
