-- What the national statistics count that samla did not record before: a participant's
-- sex as the family states it (female, male or other; empty where not stated), and the
-- main reason for a dropout in groups (the leader's own words stay in dropout_reason).
-- Kept in step with ../sqlite/0015_statistics_fields.sql.

ALTER TABLE persons ADD COLUMN sex TEXT CHECK (sex IN ('female', 'male', 'other'));
ALTER TABLE course_participants ADD COLUMN dropout_reason_kind TEXT
    CHECK (dropout_reason_kind IN ('illness', 'practical', 'did_not_suit', 'family_situation', 'moved', 'other'));
