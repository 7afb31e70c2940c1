-- A statistics release reads one programme's courses that started in one year, and each
-- participant's attendance marks. At national scale (30,000 courses, 3 million marks) the
-- courses of a programme's version are found by their start too (not read for ten years
-- and filtered), and the marks come from the index alone (not looked up row by row).
-- Each new index begins with the column of the one it replaces, which so still serves
-- the foreign key's lookups.

CREATE INDEX courses_by_programme_version_and_start ON courses (programme_version_id, start_date);
DROP INDEX courses_programme_version_id_fk;

CREATE INDEX attendance_entries_by_participant_and_mark ON attendance_entries (participant_id, attendance);
DROP INDEX attendance_entries_by_participant;
