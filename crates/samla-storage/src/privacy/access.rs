//! A person's access requests (innsyn), and everything samla holds about one person,
//! gathered for the answer: what they gave and what was written about them, and who read
//! it. A person merged into another counts as that other.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

/// One request with the names its list shows.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AccessRequest {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub received_on: String,
    pub registered_at: i64,
    pub registered_by_name: Option<String>,
    pub answered_on: Option<String>,
    pub answered_by_name: Option<String>,
}

const REQUESTS: &str = "SELECT r.id, r.person_id, p.name AS person_name, r.received_on, r.registered_at,
        reg.name AS registered_by_name, r.answered_on, ans.name AS answered_by_name
     FROM access_requests r
     JOIN persons p ON p.id = r.person_id
     LEFT JOIN users reg ON reg.id = r.registered_by
     LEFT JOIN users ans ON ans.id = r.answered_by";

pub async fn register(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person_id: i64,
    received_on: &str,
    (by, at): (i64, i64),
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO access_requests (organisation_id, person_id, received_on, registered_by, registered_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        (organisation_id, person_id, received_on, by, at),
    )
    .await
}

/// The organisation's requests, those still to answer first, oldest first.
pub async fn list(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<AccessRequest>> {
    let sql = format!(
        "{REQUESTS} WHERE r.organisation_id = $1
         ORDER BY CASE WHEN r.answered_on IS NULL THEN 0 ELSE 1 END, r.received_on, r.id"
    );
    db::all(conn, &sql, (organisation_id,)).await
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<Option<AccessRequest>> {
    let sql = format!("{REQUESTS} WHERE r.organisation_id = $1 AND r.id = $2");
    db::optional(conn, &sql, (organisation_id, id)).await
}

/// The days the organisation's requests still to answer came.
pub async fn open_received(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<String>> {
    db::scalars(
        conn,
        "SELECT received_on FROM access_requests WHERE organisation_id = $1 AND answered_on IS NULL",
        (organisation_id,),
    )
    .await
}

/// Marks a request answered; false when it was answered already.
pub async fn mark_answered(
    conn: &mut AnyConnection,
    organisation_id: i64,
    id: i64,
    answered_on: &str,
    by: i64,
) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE access_requests SET answered_on = $1, answered_by = $2
         WHERE organisation_id = $3 AND id = $4 AND answered_on IS NULL",
        (answered_on, by, organisation_id, id),
    )
    .await
}

/// A person as the search lists them.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PersonListed {
    pub id: i64,
    pub name: String,
    pub birth_date: Option<String>,
    pub household_role: String,
}

/// Whether the organisation has this person, not merged into another (as the search lists).
pub async fn listed(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT 1 FROM persons WHERE organisation_id = $1 AND id = $2 AND merged_into IS NULL",
        (organisation_id, id),
    )
    .await
}

/// Every person of the organisation not merged into another, by name.
pub async fn persons(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<PersonListed>> {
    db::all(
        conn,
        "SELECT id, name, birth_date, household_role FROM persons
         WHERE organisation_id = $1 AND merged_into IS NULL ORDER BY name, id",
        (organisation_id,),
    )
    .await
}

/// The person and those merged into them; `$1` is the person.
const ME: &str = "(SELECT id FROM persons WHERE id = $1 OR merged_into = $1)";
/// Their places on courses.
const PLACES: &str = "(SELECT id FROM course_participants WHERE person_id IN (SELECT id FROM persons WHERE id = $1 OR merged_into = $1))";
/// The applications they are the participant or the contact of.
const APPLICATIONS: &str =
    "(SELECT id FROM applications WHERE participant_id IN (SELECT id FROM persons WHERE id = $1 OR merged_into = $1)
        OR contact_person_id IN (SELECT id FROM persons WHERE id = $1 OR merged_into = $1))";

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub household_role: String,
    pub parental_responsibility: i64,
    pub name: String,
    pub birth_date: Option<String>,
    pub national_id: Option<String>,
    pub phone: String,
    pub email: String,
    pub sex: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub reference: String,
    pub programme_name: String,
    pub course_name: Option<String>,
    pub kind: String,
    pub stage: String,
    /// 1 when the application is for them, 0 when they are its contact.
    pub about_them: i64,
    pub referrer_name: String,
    pub referrer_service: String,
    pub referrer_phone: String,
    pub referrer_email: String,
    pub reason: String,
    pub needs: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ApplicationEventRow {
    pub application_id: i64,
    pub at: i64,
    pub kind: String,
    pub stage_to: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PreConversationRow {
    pub application_id: i64,
    pub number: i64,
    pub held_on: String,
    pub participants: String,
    pub notes: String,
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct OfferRow {
    pub application_id: i64,
    pub course_name: String,
    pub status: String,
    pub created_at: i64,
    pub deadline_at: i64,
    pub responded_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ConsentRow {
    pub giver_name: String,
    pub participant_name: String,
    pub purpose: String,
    pub capacity: String,
    pub method: String,
    pub given_at: i64,
    pub withdrawn_at: Option<i64>,
    pub text_version: i64,
    pub text_body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PlaceRow {
    pub course_name: String,
    pub start_date: String,
    pub role: String,
    pub status: String,
    pub enrolled_at: i64,
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
}

/// A mark on an attendance sheet, or an absence notice (`kind` "notice").
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AttendanceRow {
    pub course_name: String,
    pub date: String,
    pub title: String,
    pub kind: String,
    pub attendance: String,
    pub note: String,
}

/// An observation about them, or the follow-up of their absences (`kind` "follow_up",
/// the outcome as its text).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct NoteRow {
    pub course_name: String,
    pub kind: String,
    pub written_at: i64,
    pub written_by: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MeetingRow {
    pub course_name: String,
    pub date: String,
    pub title: String,
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ResponseRow {
    pub course_name: String,
    pub title: String,
    pub timing: String,
    pub submitted_on: String,
    pub answers: String,
    pub scores: Option<String>,
    pub definition: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MailRow {
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

/// One audited read of a record that shows their data.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReadRow {
    pub at: i64,
    pub action: String,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub organisation_name: Option<String>,
}

/// Everything samla holds about one person, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonData {
    pub person: PersonRow,
    pub applications: Vec<ApplicationRow>,
    pub events: Vec<ApplicationEventRow>,
    pub pre_conversations: Vec<PreConversationRow>,
    pub offers: Vec<OfferRow>,
    pub consents: Vec<ConsentRow>,
    pub places: Vec<PlaceRow>,
    pub attendance: Vec<AttendanceRow>,
    pub notes: Vec<NoteRow>,
    pub meetings: Vec<MeetingRow>,
    pub responses: Vec<ResponseRow>,
    pub mail: Vec<MailRow>,
    pub reads: Vec<ReadRow>,
}

/// The audit actions that show a person's data, and the records each is of.
const READS: &str = "a.outcome = 'success' AND a.action IN ('application.read', 'application.read_sensitive',
        'household.read', 'attendance.read', 'observation.read', 'course.view', 'access_request.read')";

/// Everything samla holds about one person of the organisation; `None` for a person it
/// does not have.
pub async fn person_data(conn: &mut AnyConnection, organisation_id: i64, person_id: i64) -> Result<Option<PersonData>> {
    let me = (person_id, organisation_id);
    let person: Option<PersonRow> = db::optional(
        &mut *conn,
        "SELECT id, household_role, parental_responsibility, name, birth_date, national_id, phone, email, sex, created_at
         FROM persons WHERE id = $1 AND organisation_id = $2",
        me,
    )
    .await?;
    let Some(person) = person else { return Ok(None) };
    let applications = db::all(
        &mut *conn,
        &format!(
            "SELECT a.id, a.reference, p.name AS programme_name, c.name AS course_name, a.kind, a.stage,
                 CAST(CASE WHEN a.participant_id IN {ME} THEN 1 ELSE 0 END AS BIGINT) AS about_them,
                 a.referrer_name, a.referrer_service, a.referrer_phone, a.referrer_email, a.reason, a.needs, a.created_at
             FROM applications a JOIN programmes p ON p.id = a.programme_id LEFT JOIN courses c ON c.id = a.course_id
             WHERE a.organisation_id = $2 AND a.id IN {APPLICATIONS} ORDER BY a.created_at, a.id"
        ),
        me,
    )
    .await?;
    let events = db::all(
        &mut *conn,
        &format!(
            "SELECT e.application_id, e.at, e.kind, e.stage_to, e.note FROM application_events e
             JOIN applications a ON a.id = e.application_id
             WHERE a.organisation_id = $2 AND e.application_id IN {APPLICATIONS} ORDER BY e.at, e.id"
        ),
        me,
    )
    .await?;
    let pre_conversations = db::all(
        &mut *conn,
        &format!(
            "SELECT pc.application_id, pc.number, pc.held_on, pc.participants, pc.notes, pc.outcome
             FROM pre_conversations pc JOIN applications a ON a.id = pc.application_id
             WHERE a.organisation_id = $2 AND pc.application_id IN {APPLICATIONS} ORDER BY pc.held_on, pc.id"
        ),
        me,
    )
    .await?;
    let offers = db::all(
        &mut *conn,
        &format!(
            "SELECT o.application_id, c.name AS course_name, o.status, o.created_at, o.deadline_at, o.responded_at
             FROM offers o JOIN courses c ON c.id = o.course_id
             WHERE c.organisation_id = $2 AND o.application_id IN {APPLICATIONS} ORDER BY o.created_at, o.id"
        ),
        me,
    )
    .await?;
    let consents = db::all(
        &mut *conn,
        &format!(
            "SELECT g.name AS giver_name, pp.name AS participant_name, co.purpose, co.capacity, co.method, co.given_at,
                 co.withdrawn_at, ct.version AS text_version, ct.body AS text_body
             FROM consents co JOIN persons g ON g.id = co.giver_id JOIN persons pp ON pp.id = co.participant_id
             JOIN consent_texts ct ON ct.id = co.consent_text_id
             WHERE co.organisation_id = $2 AND (co.giver_id IN {ME} OR co.participant_id IN {ME})
             ORDER BY co.given_at, co.id"
        ),
        me,
    )
    .await?;
    let places = db::all(
        &mut *conn,
        &format!(
            "SELECT c.name AS course_name, c.start_date, cp.role, cp.status, cp.enrolled_at, cp.dropped_out_on,
                 cp.dropout_reason
             FROM course_participants cp JOIN courses c ON c.id = cp.course_id
             WHERE c.organisation_id = $2 AND cp.id IN {PLACES} ORDER BY c.start_date, cp.id"
        ),
        me,
    )
    .await?;
    let attendance = db::all(
        &mut *conn,
        &format!(
            "SELECT c.name AS course_name, s.date, s.title, 'mark' AS kind, e.attendance, e.note
             FROM attendance_entries e JOIN course_sessions s ON s.id = e.session_id JOIN courses c ON c.id = s.course_id
             WHERE c.organisation_id = $2 AND e.participant_id IN {PLACES}
             UNION ALL
             SELECT c.name AS course_name, s.date, s.title, 'mark' AS kind, g.attendance, g.note
             FROM attendance_guardians g JOIN course_sessions s ON s.id = g.session_id JOIN courses c ON c.id = s.course_id
             WHERE c.organisation_id = $2 AND g.person_id IN {ME}
             UNION ALL
             SELECT c.name AS course_name, s.date, s.title, 'notice' AS kind, 'absent_with_notice' AS attendance, n.note
             FROM absence_notices n JOIN course_sessions s ON s.id = n.session_id JOIN courses c ON c.id = s.course_id
             WHERE c.organisation_id = $2 AND n.participant_id IN {PLACES}
             ORDER BY 2, 1, 4"
        ),
        me,
    )
    .await?;
    let notes = db::all(
        &mut *conn,
        &format!(
            "SELECT c.name AS course_name, 'observation' AS kind, o.written_at, u.name AS written_by, o.body
             FROM observations o JOIN courses c ON c.id = o.course_id LEFT JOIN users u ON u.id = o.written_by
             WHERE c.organisation_id = $2 AND o.participant_id IN {PLACES}
             UNION ALL
             SELECT c.name AS course_name, 'follow_up' AS kind, f.created_at AS written_at, u.name AS written_by,
                 f.outcome AS body
             FROM follow_up_tasks f JOIN courses c ON c.id = f.course_id LEFT JOIN users u ON u.id = f.done_by
             WHERE c.organisation_id = $2 AND f.participant_id IN {PLACES}
             ORDER BY 3, 2"
        ),
        me,
    )
    .await?;
    let meetings = db::all(
        &mut *conn,
        &format!(
            "SELECT c.name AS course_name, s.date, s.title, m.agenda, m.minutes, m.agreements
             FROM meeting_records m JOIN course_sessions s ON s.id = m.session_id JOIN courses c ON c.id = s.course_id
             WHERE c.organisation_id = $2 AND (s.participant_id IN {PLACES}
                 OR s.id IN (SELECT session_id FROM attendance_guardians WHERE person_id IN {ME}))
             ORDER BY s.date, s.id"
        ),
        me,
    )
    .await?;
    let responses = db::all(
        &mut *conn,
        &format!(
            "SELECT c.name AS course_name,
                 COALESCE((SELECT t.title FROM questionnaire_texts t WHERE t.version_id = r.version_id AND t.language = r.language),
                     (SELECT t.title FROM questionnaire_texts t WHERE t.version_id = r.version_id ORDER BY t.language LIMIT 1),
                     '') AS title,
                 q.timing, r.submitted_on, r.answers, r.scores,
                 COALESCE((SELECT t.definition FROM questionnaire_texts t WHERE t.version_id = r.version_id AND t.language = r.language),
                     (SELECT t.definition FROM questionnaire_texts t WHERE t.version_id = r.version_id ORDER BY t.language LIMIT 1))
                     AS definition
             FROM questionnaire_responses r JOIN questionnaire_rounds q ON q.id = r.round_id
             JOIN courses c ON c.id = q.course_id
             WHERE q.organisation_id = $2 AND q.mode = 'identified' AND r.subject_participant_id IN {PLACES}
             ORDER BY r.submitted_on, r.id"
        ),
        me,
    )
    .await?;
    let mail = db::all(
        &mut *conn,
        &format!(
            "SELECT o.to_address, o.subject, CASE WHEN o.body_erased_at IS NULL THEN o.body_text ELSE '' END AS body_text,
                 o.status, o.created_at, o.sent_at
             FROM outbox_messages o
             WHERE o.organisation_id = $2 AND (
                 o.to_address IN (SELECT email FROM persons WHERE id IN {ME} AND email <> '')
                 OR (o.related_type = 'application' AND o.related_id IN {APPLICATIONS}))
             ORDER BY o.created_at, o.id"
        ),
        me,
    )
    .await?;
    let reads = reads_of(conn, person_id).await?;
    Ok(Some(PersonData {
        person,
        applications,
        events,
        pre_conversations,
        offers,
        consents,
        places,
        attendance,
        notes,
        meetings,
        responses,
        mail,
        reads,
    }))
}

/// The audited reads of the records that show the person's data: their applications, their
/// household, their places on courses (a course's page and its attendance sheets list
/// them), the sessions they were marked on, and this person's own access requests.
async fn reads_of(conn: &mut AnyConnection, person_id: i64) -> Result<Vec<ReadRow>> {
    let sql = format!(
        "SELECT a.at, a.action, u.name AS actor_name, a.actor_role, o.name AS organisation_name
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
         WHERE {READS} AND (
             (a.record_type = 'application' AND a.record_id IN (SELECT CAST(id AS TEXT) FROM applications WHERE id IN {APPLICATIONS}))
             OR (a.record_type = 'household' AND a.record_id IN (SELECT CAST(household_id AS TEXT) FROM persons WHERE id IN {ME}))
             OR (a.record_type IN ('course_participant', 'participant')
                 AND a.record_id IN (SELECT CAST(id AS TEXT) FROM course_participants WHERE id IN {PLACES}))
             OR (a.record_type = 'course'
                 AND a.record_id IN (SELECT CAST(course_id AS TEXT) FROM course_participants WHERE id IN {PLACES}))
             OR (a.record_type = 'session' AND a.record_id IN (
                 SELECT CAST(s.id AS TEXT) FROM course_sessions s JOIN course_participants cp ON cp.course_id = s.course_id
                 WHERE cp.id IN {PLACES}
                 UNION SELECT CAST(session_id AS TEXT) FROM attendance_guardians WHERE person_id IN {ME}))
             OR (a.record_type = 'person' AND a.record_id IN (SELECT CAST(id AS TEXT) FROM persons WHERE id IN {ME})))
         ORDER BY a.seq DESC"
    );
    db::all(conn, &sql, (person_id,)).await
}
