-- Reminders turned off for one grown-up on one course: a guardian (or an adult
-- participant) who does not want reminders before its sessions, while the child's other
-- guardians still get them. The participant's own switch (course_participants.reminders_off)
-- still silences the whole household. Kept in step with ../sqlite/0007_reminder_opt_outs.sql.
CREATE TABLE person_reminder_opt_outs (
    course_id BIGINT NOT NULL REFERENCES courses(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (course_id, person_id)
);
