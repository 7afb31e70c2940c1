-- A person's requests to see what samla holds about them (innsyn, GDPR art. 15): when
-- each was received, so the month the law gives is visible, and when it was answered.
-- Reads are found in the audit trail by the record they were of.
-- Kept in step with ../postgres/0021_access_requests.sql.
CREATE TABLE access_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    received_on TEXT NOT NULL,
    registered_by INTEGER REFERENCES users(id),
    registered_at INTEGER NOT NULL,
    answered_on TEXT,
    answered_by INTEGER REFERENCES users(id)
);
CREATE INDEX access_requests_by_organisation ON access_requests (organisation_id, received_on);
CREATE INDEX access_requests_by_person ON access_requests (person_id);
CREATE INDEX audit_log_by_record ON audit_log (record_type, record_id);
