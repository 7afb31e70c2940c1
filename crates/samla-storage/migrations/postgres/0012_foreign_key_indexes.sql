-- Every foreign key is the first column of an index (a test checks it), so looking rows up
-- by what they belong to, and the checks a delete of the row they point at makes, do not
-- scan the table: at national scale these tables hold millions of rows. References to
-- users (who wrote, recorded or created a row) are left out: accounts are disabled, never
-- deleted, and nothing is looked up by its author.

CREATE INDEX login_sessions_organisation_id_fk ON login_sessions (organisation_id);
CREATE INDEX certifications_organisation_id_fk ON certifications (organisation_id);
CREATE INDEX certifications_programme_id_fk ON certifications (programme_id);
CREATE INDEX courses_programme_version_id_fk ON courses (programme_version_id);
CREATE INDEX course_sessions_replaces_session_id_fk ON course_sessions (replaces_session_id);
CREATE INDEX course_sessions_participant_id_fk ON course_sessions (participant_id);
CREATE INDEX session_staff_staff_id_fk ON session_staff (staff_id);
CREATE INDEX checklist_items_assignee_staff_id_fk ON checklist_items (assignee_staff_id);
CREATE INDEX calendar_feeds_course_id_fk ON calendar_feeds (course_id);
CREATE INDEX calendar_feeds_organisation_id_fk ON calendar_feeds (organisation_id);
CREATE INDEX households_merged_into_fk ON households (merged_into);
CREATE INDEX households_organisation_id_fk ON households (organisation_id);
CREATE INDEX persons_merged_into_fk ON persons (merged_into);
CREATE INDEX applications_merged_into_fk ON applications (merged_into);
CREATE INDEX applications_channel_id_fk ON applications (channel_id);
CREATE INDEX applications_contact_person_id_fk ON applications (contact_person_id);
CREATE INDEX applications_participant_id_fk ON applications (participant_id);
CREATE INDEX applications_programme_id_fk ON applications (programme_id);
CREATE INDEX consent_texts_programme_id_fk ON consent_texts (programme_id);
CREATE INDEX consents_consent_text_id_fk ON consents (consent_text_id);
CREATE INDEX consents_giver_id_fk ON consents (giver_id);
CREATE INDEX consents_organisation_id_fk ON consents (organisation_id);
CREATE INDEX consent_links_application_id_fk ON consent_links (application_id);
CREATE INDEX consent_links_participant_id_fk ON consent_links (participant_id);
CREATE INDEX consent_links_giver_id_fk ON consent_links (giver_id);
CREATE INDEX consent_links_organisation_id_fk ON consent_links (organisation_id);
CREATE INDEX offers_course_id_fk ON offers (course_id);
CREATE INDEX course_participants_channel_id_fk ON course_participants (channel_id);
CREATE INDEX course_participants_application_id_fk ON course_participants (application_id);
CREATE INDEX course_participants_person_id_fk ON course_participants (person_id);
CREATE INDEX attendance_staff_staff_id_fk ON attendance_staff (staff_id);
CREATE INDEX absence_notices_participant_id_fk ON absence_notices (participant_id);
CREATE INDEX homework_reviewed_session_id_fk ON homework (reviewed_session_id);
CREATE INDEX observations_session_id_fk ON observations (session_id);
CREATE INDEX observations_course_id_fk ON observations (course_id);
CREATE INDEX follow_up_tasks_participant_id_fk ON follow_up_tasks (participant_id);
CREATE INDEX concern_reports_participant_id_fk ON concern_reports (participant_id);
CREATE INDEX concern_reports_course_id_fk ON concern_reports (course_id);
CREATE INDEX questionnaire_rounds_version_id_fk ON questionnaire_rounds (version_id);
CREATE INDEX questionnaire_rounds_session_id_fk ON questionnaire_rounds (session_id);
CREATE INDEX questionnaire_rounds_organisation_id_fk ON questionnaire_rounds (organisation_id);
CREATE INDEX round_recipients_person_id_fk ON round_recipients (person_id);
CREATE INDEX round_recipients_subject_participant_id_fk ON round_recipients (subject_participant_id);
CREATE INDEX questionnaire_responses_subject_participant_id_fk ON questionnaire_responses (subject_participant_id);
CREATE INDEX questionnaire_responses_version_id_fk ON questionnaire_responses (version_id);
CREATE INDEX person_reminder_opt_outs_person_id_fk ON person_reminder_opt_outs (person_id);

-- Offers past their deadline are looked for every few minutes by the housekeeping.
CREATE INDEX offers_by_status_and_deadline ON offers (status, deadline_at);
