-- Break-the-glass: a member of staff who does not work on a course opens its records for
-- a limited time after writing down why. Each opening is kept with its reason and waits
-- for the review of the one who oversees privacy, who signs it off with a comment.
-- Kept in step with ../postgres/0019_emergency_access.sql.
CREATE TABLE emergency_accesses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    course_id INTEGER NOT NULL REFERENCES courses(id),
    reason TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    -- The audit row of the opening: what was done with the access is read from there on.
    opened_seq INTEGER NOT NULL,
    reviewed_at INTEGER,
    reviewed_by INTEGER REFERENCES users(id),
    review_comment TEXT
);
CREATE INDEX emergency_accesses_by_course ON emergency_accesses (course_id);
-- Whether a person holds an open access to a course, asked when the policy's answer
-- reaches only their own courses and this is not one.
CREATE INDEX emergency_accesses_held ON emergency_accesses (user_id, course_id, expires_at);
CREATE INDEX emergency_accesses_to_review ON emergency_accesses (organisation_id, reviewed_at);
