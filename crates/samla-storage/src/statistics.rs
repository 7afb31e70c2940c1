//! What a programme's statistics release is made of, and the releases themselves.
//!
//! The facts are read for the courses of one programme that started in one year, run by
//! the programme's owner or a member of its network that has a region (statistics place
//! every organisation in one). Drafts are read too; the domain leaves them out.

use crate::db;
use crate::Result;
use samla_domain::calendar::Country;
use samla_domain::intake::stage::Stage;
use samla_domain::organisations::OrganisationKind;
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::planning::staffing::CourseRole;
use samla_domain::questionnaires::rounds::{Audience, Mode, Timing};
use samla_domain::running::attendance::Attendance;
use sqlx::AnyConnection;

/// Where the counted courses are: the owner and the network's members. Asked per course
/// as the owner (found once) or a member's key: PostgreSQL's generic plan of an `IN
/// (… UNION …)` list scanned the whole list again for every participant.
const COUNTED: &str = "(c.organisation_id = (SELECT owner.organisation_id FROM programmes owner WHERE owner.id = $1)
    OR EXISTS (SELECT 1 FROM programme_network_members m
               WHERE m.programme_id = $1 AND m.organisation_id = c.organisation_id))";

/// An organisation counted, as the release names it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CountedOrganisation {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub region: Option<String>,
}

/// The owner and the members, with their regions (none where not set).
pub async fn counted_organisations(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<CountedOrganisation>> {
    db::all(
        conn,
        "SELECT o.id, o.name, o.kind, o.region FROM organisations o
         WHERE o.id IN (SELECT p.organisation_id FROM programmes p WHERE p.id = $1
                        UNION SELECT m.organisation_id FROM programme_network_members m WHERE m.programme_id = $1)
         ORDER BY o.id",
        (programme_id,),
    )
    .await
}

/// One participant of a counted course (not a guardian enrolled beside a child).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ParticipantRow {
    /// The place on the course (`course_participants.id`).
    pub participant_id: i64,
    pub organisation_id: i64,
    pub course_start: String,
    #[sqlx(try_from = "String")]
    pub course_status: CourseStatus,
    pub birth_date: Option<String>,
    /// 1 when the participant dropped out.
    pub dropped_out: i64,
    /// The recruitment channel's code.
    pub channel: Option<String>,
    /// As stated (`female`, `male`, `other`), if stated.
    pub sex: Option<String>,
    /// The group of the reason for a dropout, where one was given.
    pub dropout_reason_kind: Option<String>,
    /// When the application that brought the participant came (Unix seconds), if any.
    pub applied_at: Option<i64>,
    /// The organisation's country, whose time zone gives the application's day.
    #[sqlx(try_from = "String")]
    pub country: Country,
}

/// One counted course.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CourseRow {
    pub organisation_id: i64,
    pub start_date: String,
    #[sqlx(try_from = "String")]
    pub status: CourseStatus,
}

/// The participants of the programme's counted courses that started from `first_day`
/// up to but not including `next_first_day` (ISO dates).
pub async fn participants(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<ParticipantRow>> {
    db::all(
        conn,
        &format!(
            "SELECT cp.id AS participant_id, c.organisation_id, c.start_date AS course_start, c.status AS course_status,
                    p.birth_date, CASE WHEN cp.status = 'dropped_out' THEN 1 ELSE 0 END AS dropped_out,
                    rc.code AS channel, p.sex, cp.dropout_reason_kind, a.created_at AS applied_at, o.country
             FROM course_participants cp
             JOIN courses c ON c.id = cp.course_id
             JOIN organisations o ON o.id = c.organisation_id
             LEFT JOIN applications a ON a.id = cp.application_id
             JOIN programme_versions v ON v.id = c.programme_version_id
             JOIN persons p ON p.id = cp.person_id
             LEFT JOIN recruitment_channels rc ON rc.id = cp.channel_id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3
               AND cp.role = 'participant' AND {COUNTED}"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// How often each participant of the same courses was recorded with each kind of
/// attendance: (place on the course, attendance as stored, sessions).
pub async fn attendance(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<(i64, String, i64)>> {
    db::all(
        conn,
        &format!(
            "SELECT e.participant_id, e.attendance, COUNT(*) AS sessions
             FROM attendance_entries e
             JOIN course_participants cp ON cp.id = e.participant_id
             JOIN courses c ON c.id = cp.course_id
             JOIN programme_versions v ON v.id = c.programme_version_id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3
               AND cp.role = 'participant' AND {COUNTED}
             GROUP BY e.participant_id, e.attendance"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// Attendance recorded at one session number of the manual across the counted courses.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionAttendanceRow {
    pub number: i64,
    pub courses: i64,
    /// Participants on the list when it was recorded.
    pub recorded: i64,
    pub attended: i64,
}

/// Per session number of the manual (sessions, not meetings, cancelled ones included
/// where attendance was recorded), the courses, participants recorded and participants
/// who came, of the same courses as [`participants`].
pub async fn session_attendance(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<SessionAttendanceRow>> {
    let came: Vec<String> =
        Attendance::ALL.iter().filter(|a| a.attended()).map(|a| format!("'{}'", a.as_str())).collect();
    db::all(
        conn,
        &format!(
            "SELECT s.programme_session AS number, COUNT(DISTINCT s.course_id) AS courses, COUNT(*) AS recorded,
                    SUM(CASE WHEN e.attendance IN ({came}) THEN 1 ELSE 0 END) AS attended
             FROM attendance_entries e
             JOIN course_sessions s ON s.id = e.session_id
             JOIN course_participants cp ON cp.id = e.participant_id
             JOIN courses c ON c.id = cp.course_id
             JOIN programme_versions v ON v.id = c.programme_version_id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3
               AND s.kind = 'session' AND s.programme_session IS NOT NULL
               AND cp.role = 'participant' AND {COUNTED}
             GROUP BY s.programme_session
             ORDER BY s.programme_session",
            came = came.join(", ")
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// A group leader of a counted course.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LeaderRow {
    pub organisation_id: i64,
    pub start_date: String,
    #[sqlx(try_from = "String")]
    pub course_status: CourseStatus,
    /// The leader's account; none for a leader from outside the organisation.
    pub user_id: Option<i64>,
    pub external_name: Option<String>,
    /// When the organisation certified the leader for the programme, if it did.
    pub certified_on: Option<String>,
}

/// The group leaders of the programme's counted courses that started in the days given.
pub async fn leaders(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<LeaderRow>> {
    db::all(
        conn,
        &format!(
            "SELECT c.organisation_id, c.start_date, c.status AS course_status, s.user_id, s.external_name,
                    cert.certified_on
             FROM course_staff s
             JOIN courses c ON c.id = s.course_id
             JOIN programme_versions v ON v.id = c.programme_version_id
             LEFT JOIN certifications cert
                    ON cert.user_id = s.user_id AND cert.programme_id = $1 AND cert.organisation_id = c.organisation_id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3 AND {COUNTED}
               AND s.course_role = $4"
        ),
        (programme_id, first_day, next_first_day, CourseRole::GroupLeader.as_str()),
    )
    .await
}

/// One response in a released round of a counted course.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub course_id: i64,
    pub version_id: i64,
    /// The questionnaire's canonical URL.
    pub url: String,
    /// The version's content hash, the same in every organisation's copy.
    pub content_hash: String,
    #[sqlx(try_from = "String")]
    pub audience: Audience,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    #[sqlx(try_from = "String")]
    pub timing: Timing,
    /// The place on the course the answers are about (identified rounds).
    pub subject: Option<i64>,
    /// The answers as JSON.
    pub answers: String,
    /// The scores as JSON, where the questionnaire has scoring rules.
    pub scores: Option<String>,
}

/// The responses in released rounds of the programme's counted courses that started in
/// the days given, oldest round first and within a round oldest response first (so that
/// a later answer of the same subject comes later).
pub async fn released_responses(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<ResponseRow>> {
    db::all(
        conn,
        &format!(
            "SELECT r.course_id, r.version_id, q.url, qv.content_hash, r.audience, r.mode, r.timing,
                    resp.subject_participant_id AS subject, resp.answers, resp.scores
             FROM questionnaire_rounds r
             JOIN courses c ON c.id = r.course_id
             JOIN programme_versions v ON v.id = c.programme_version_id
             JOIN questionnaire_versions qv ON qv.id = r.version_id
             JOIN questionnaires q ON q.id = qv.questionnaire_id
             JOIN questionnaire_responses resp ON resp.round_id = r.id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3 AND {COUNTED}
               AND r.results_released_at IS NOT NULL
             ORDER BY r.opens_on, r.id, resp.submitted_on, resp.id"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// Someone waiting for a place in the programme at a moment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WaitingRow {
    pub organisation_id: i64,
    pub person_id: i64,
    /// When their application came (Unix seconds).
    pub applied_at: i64,
}

/// The applications to the programme, at counted organisations of `country`, whose
/// stage at the moment `at` (Unix seconds) was the waitlist: the last step of their
/// history before it went there.
pub async fn waiting_at(
    conn: &mut AnyConnection,
    programme_id: i64,
    country: Country,
    at: i64,
) -> Result<Vec<WaitingRow>> {
    db::all(
        conn,
        "SELECT a.organisation_id, a.participant_id AS person_id, a.created_at AS applied_at
         FROM applications a
         JOIN organisations o ON o.id = a.organisation_id
         WHERE a.programme_id = $1 AND o.country = $2 AND a.created_at < $3
           AND a.organisation_id IN (
               SELECT p.organisation_id FROM programmes p WHERE p.id = $1
               UNION SELECT m.organisation_id FROM programme_network_members m WHERE m.programme_id = $1)
           AND (SELECT e.stage_to FROM application_events e
                WHERE e.application_id = a.id AND e.at < $3
                ORDER BY e.at DESC, e.id DESC LIMIT 1) = $4",
        (programme_id, country.code(), at, Stage::Waitlisted.as_str()),
    )
    .await
}

/// The programme's counted courses that started in the same days.
pub async fn courses(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<CourseRow>> {
    db::all(
        conn,
        &format!(
            "SELECT c.organisation_id, c.start_date, c.status
             FROM courses c JOIN programme_versions v ON v.id = c.programme_version_id
             WHERE v.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3 AND {COUNTED}"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// A release, without its tables.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReleaseSummary {
    pub id: i64,
    pub year: i64,
    pub number: i64,
    pub published_at: i64,
    pub note: String,
}

/// A release with its tables (JSON, as the domain writes them).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Release {
    pub id: i64,
    pub year: i64,
    pub number: i64,
    pub published_at: i64,
    pub note: String,
    pub tables: String,
}

/// Stores a release as the year's next; its number.
pub async fn insert(
    conn: &mut AnyConnection,
    programme_id: i64,
    year: i64,
    tables: &str,
    note: &str,
    published_by: i64,
    now: i64,
) -> Result<i64> {
    let number: i64 = db::scalar(
        &mut *conn,
        "SELECT COALESCE(MAX(number), 0) + 1 FROM statistics_releases WHERE programme_id = $1 AND year = $2",
        (programme_id, year),
    )
    .await?;
    db::execute(
        conn,
        "INSERT INTO statistics_releases (programme_id, year, number, published_at, published_by, note, tables)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        (programme_id, year, number, now, published_by, note, tables),
    )
    .await?;
    Ok(number)
}

/// Every release of the programme, newest year first, each year's releases newest first.
pub async fn list(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<ReleaseSummary>> {
    db::all(
        conn,
        "SELECT id, year, number, published_at, note FROM statistics_releases
         WHERE programme_id = $1 ORDER BY year DESC, number DESC",
        (programme_id,),
    )
    .await
}

/// A year's release by number, or its latest.
pub async fn get(
    conn: &mut AnyConnection,
    programme_id: i64,
    year: i64,
    number: Option<i64>,
) -> Result<Option<Release>> {
    let columns = "id, year, number, published_at, note, tables";
    match number {
        Some(number) => {
            db::optional(
                conn,
                &format!(
                    "SELECT {columns} FROM statistics_releases WHERE programme_id = $1 AND year = $2 AND number = $3"
                ),
                (programme_id, year, number),
            )
            .await
        }
        None => {
            db::optional(
                conn,
                &format!(
                    "SELECT {columns} FROM statistics_releases WHERE programme_id = $1 AND year = $2
                     ORDER BY number DESC LIMIT 1"
                ),
                (programme_id, year),
            )
            .await
        }
    }
}
