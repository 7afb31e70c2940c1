//! Applications: a registration, a referral or a call entered by staff, moving through
//! the intake stages with every step kept in `application_events`.

use crate::db;
use crate::Result;
use samla_domain::intake::stage::EventKind;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Application {
    pub id: i64,
    pub organisation_id: i64,
    pub reference: String,
    pub programme_id: i64,
    pub course_id: Option<i64>,
    pub participant_id: i64,
    pub household_id: i64,
    pub contact_person_id: i64,
    pub kind: String,
    pub channel_id: Option<i64>,
    pub stage: String,
    pub priority: i64,
    pub referrer_name: String,
    pub referrer_service: String,
    pub referrer_phone: String,
    pub referrer_email: String,
    pub reason: String,
    pub needs: String,
    pub waitlisted_at: Option<i64>,
    pub last_contact_at: i64,
    pub merged_into: Option<i64>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, organisation_id, reference, programme_id, course_id, participant_id, household_id, \
     contact_person_id, kind, channel_id, stage, priority, referrer_name, referrer_service, referrer_phone, \
     referrer_email, reason, needs, waitlisted_at, last_contact_at, merged_into, version, created_at, updated_at";

pub struct NewApplication<'a> {
    pub organisation_id: i64,
    pub reference: &'a str,
    pub programme_id: i64,
    pub course_id: Option<i64>,
    pub participant_id: i64,
    pub household_id: i64,
    pub contact_person_id: i64,
    pub kind: &'a str,
    pub channel_id: Option<i64>,
    pub referrer_name: &'a str,
    pub referrer_service: &'a str,
    pub referrer_phone: &'a str,
    pub referrer_email: &'a str,
    pub reason: &'a str,
    pub needs: &'a str,
    pub withdraw_token_hash: &'a str,
    pub submission_key: Option<&'a str>,
}

pub async fn create(conn: &mut AnyConnection, a: &NewApplication<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO applications (organisation_id, reference, programme_id, course_id, participant_id, household_id,
             contact_person_id, kind, channel_id, stage, referrer_name, referrer_service, referrer_phone,
             referrer_email, reason, needs, withdraw_token_hash, submission_key, last_contact_at, created_at,
             updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $12, $13, $14, $15, $16, $17, $18, $18,
             $18)
         RETURNING id",
        (
            a.organisation_id,
            a.reference,
            a.programme_id,
            a.course_id,
            a.participant_id,
            a.household_id,
            a.contact_person_id,
            a.kind,
            a.channel_id,
            a.referrer_name,
            a.referrer_service,
            a.referrer_phone,
            a.referrer_email,
            a.reason,
            a.needs,
            a.withdraw_token_hash,
            a.submission_key,
            now,
        ),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<Application> {
    db::one(
        conn,
        &format!("SELECT {COLUMNS} FROM applications WHERE organisation_id = $1 AND id = $2"),
        (organisation_id, id),
    )
    .await
}

/// The application a public form already created with this submission key, so a
/// double-submitted form answers with the first receipt.
pub async fn find_by_submission_key(conn: &mut AnyConnection, key: &str) -> Result<Option<Application>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM applications WHERE submission_key = $1"), (key,)).await
}

pub async fn find_by_withdraw_token(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Application>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM applications WHERE withdraw_token_hash = $1"), (token_hash,))
        .await
}

/// One line on the intake board or in a list.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Summary {
    pub id: i64,
    pub reference: String,
    pub stage: String,
    pub kind: String,
    pub priority: i64,
    pub programme_id: i64,
    pub programme_name: String,
    pub course_id: Option<i64>,
    pub channel_id: Option<i64>,
    pub participant_id: i64,
    pub participant_name: String,
    pub participant_birth_date: Option<String>,
    pub household_id: i64,
    pub waitlisted_at: Option<i64>,
    pub last_contact_at: i64,
    pub created_at: i64,
    pub version: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub stage: Option<String>,
    pub programme_id: Option<i64>,
    pub course_id: Option<i64>,
    pub channel_id: Option<i64>,
    /// Only the open stages (not closed, not merged).
    pub open_only: bool,
}

const SUMMARY_SELECT: &str = "SELECT a.id, a.reference, a.stage, a.kind, a.priority, a.programme_id,
        p.name AS programme_name, a.course_id, a.channel_id, a.participant_id, pe.name AS participant_name,
        pe.birth_date AS participant_birth_date, a.household_id, a.waitlisted_at, a.last_contact_at, a.created_at,
        a.version
     FROM applications a JOIN programmes p ON p.id = a.programme_id JOIN persons pe ON pe.id = a.participant_id";

/// Applications in the organisation matching `filter`, oldest first, after `after_id`.
pub async fn list(
    conn: &mut AnyConnection,
    organisation_id: i64,
    filter: &Filter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Summary>> {
    db::all(
        conn,
        &format!(
            "{SUMMARY_SELECT}
         WHERE a.organisation_id = $1 AND a.id > $2 AND a.merged_into IS NULL
           AND ($3 = '' OR a.stage = $3)
           AND ($4 = 0 OR a.programme_id = $4)
           AND ($5 = 0 OR a.course_id = $5)
           AND ($6 = 0 OR a.channel_id = $6)
           AND ($7 = 0 OR a.stage IN ('received', 'contacted', 'pre_conversation', 'waitlisted', 'offered'))
         ORDER BY a.id LIMIT $8"
        ),
        (
            organisation_id,
            after_id,
            filter.stage.as_deref().unwrap_or(""),
            filter.programme_id.unwrap_or(0),
            filter.course_id.unwrap_or(0),
            filter.channel_id.unwrap_or(0),
            i64::from(filter.open_only),
            limit,
        ),
    )
    .await
}

/// The waitlist of a programme: highest priority first, then longest waiting.
pub async fn waitlist(conn: &mut AnyConnection, organisation_id: i64, programme_id: i64) -> Result<Vec<Summary>> {
    db::all(
        conn,
        &format!(
            "{SUMMARY_SELECT}
         WHERE a.organisation_id = $1 AND a.programme_id = $2 AND a.stage = 'waitlisted' AND a.merged_into IS NULL
         ORDER BY a.priority, a.waitlisted_at, a.id"
        ),
        (organisation_id, programme_id),
    )
    .await
}

/// Open applications of the household (siblings and the person themself).
pub async fn open_in_household(conn: &mut AnyConnection, household_id: i64) -> Result<Vec<Summary>> {
    db::all(
        conn,
        &format!(
            "{SUMMARY_SELECT}
         WHERE a.household_id = $1 AND a.merged_into IS NULL
           AND a.stage IN ('received', 'contacted', 'pre_conversation', 'waitlisted', 'offered', 'enrolled')
         ORDER BY a.id"
        ),
        (household_id,),
    )
    .await
}

/// Every application of the household, whatever its stage.
pub async fn in_household(conn: &mut AnyConnection, household_id: i64) -> Result<Vec<Summary>> {
    db::all(conn, &format!("{SUMMARY_SELECT} WHERE a.household_id = $1 ORDER BY a.id"), (household_id,)).await
}

/// Open applications of the given persons (other than `except_id`), for duplicates.
pub async fn open_for_person(conn: &mut AnyConnection, person_id: i64, except_id: i64) -> Result<Vec<Summary>> {
    db::all(
        conn,
        &format!(
            "{SUMMARY_SELECT}
         WHERE a.participant_id = $1 AND a.id <> $2 AND a.merged_into IS NULL
           AND a.stage IN ('received', 'contacted', 'pre_conversation', 'waitlisted', 'offered', 'enrolled')
         ORDER BY a.id"
        ),
        (person_id, except_id),
    )
    .await
}

/// Applications waiting for a first contact since before `contact_before`.
pub async fn stale(conn: &mut AnyConnection, organisation_id: i64, contact_before: i64) -> Result<Vec<Summary>> {
    db::all(
        conn,
        &format!(
            "{SUMMARY_SELECT}
         WHERE a.organisation_id = $1 AND a.stage IN ('received', 'contacted') AND a.last_contact_at < $2
           AND a.merged_into IS NULL
         ORDER BY a.last_contact_at, a.id"
        ),
        (organisation_id, contact_before),
    )
    .await
}

/// Moves the application to `stage` if its version is still `expected_version`
/// (any version when none is given); returns the new version.
pub async fn set_stage(
    conn: &mut AnyConnection,
    id: i64,
    stage: &str,
    expected_version: Option<i64>,
    now: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE applications SET stage = $1, updated_at = $2, last_contact_at = $2, version = version + 1,
             waitlisted_at = CASE WHEN $1 = 'waitlisted' AND waitlisted_at IS NULL THEN $2 ELSE waitlisted_at END
         WHERE id = $3 AND ($4 = 0 OR version = $4) RETURNING version",
        (stage, now, id, expected_version.unwrap_or(0)),
    )
    .await
}

/// Changes what the coordinator may adjust without a stage move.
pub async fn update_details(
    conn: &mut AnyConnection,
    id: i64,
    course_id: Option<i64>,
    priority: i64,
    channel_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "UPDATE applications SET course_id = $1, priority = $2, channel_id = $3, updated_at = $4, version = version + 1
         WHERE id = $5 RETURNING version",
        (course_id, priority, channel_id, now, id),
    )
    .await
}

pub async fn touch_contact(conn: &mut AnyConnection, id: i64, now: i64) -> Result<()> {
    db::execute(
        conn,
        "UPDATE applications SET last_contact_at = $1, updated_at = $1, version = version + 1 WHERE id = $2",
        (now, id),
    )
    .await
}

/// One step of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Event {
    pub id: i64,
    pub application_id: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub stage_from: Option<String>,
    pub stage_to: String,
    pub note: String,
    /// A move, or a step samla recorded itself.
    #[sqlx(try_from = "String")]
    pub kind: EventKind,
}

/// A step samla records itself, shown translated by its kind.
pub async fn add_system_event(
    conn: &mut AnyConnection,
    application_id: i64,
    at: i64,
    actor_user_id: Option<i64>,
    stage: &str,
    kind: EventKind,
    detail: &str,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO application_events (application_id, at, actor_user_id, stage_from, stage_to, note, kind)
         VALUES ($1, $2, $3, $4, $4, $5, $6)",
        (application_id, at, actor_user_id, stage, detail, kind.as_str()),
    )
    .await
}

pub async fn add_event(
    conn: &mut AnyConnection,
    application_id: i64,
    at: i64,
    actor_user_id: Option<i64>,
    stage_from: Option<&str>,
    stage_to: &str,
    note: &str,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO application_events (application_id, at, actor_user_id, stage_from, stage_to, note)
         VALUES ($1, $2, $3, $4, $5, $6)",
        (application_id, at, actor_user_id, stage_from, stage_to, note),
    )
    .await
}

pub async fn events(conn: &mut AnyConnection, application_id: i64) -> Result<Vec<Event>> {
    db::all(
        conn,
        "SELECT e.id, e.application_id, e.at, e.actor_user_id, u.name AS actor_name, e.stage_from, e.stage_to, e.note,
                e.kind
         FROM application_events e LEFT JOIN users u ON u.id = e.actor_user_id
         WHERE e.application_id = $1 ORDER BY e.at, e.id",
        (application_id,),
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct PreConversation {
    pub id: i64,
    pub application_id: i64,
    pub number: i64,
    pub held_on: String,
    pub participants: String,
    pub notes: String,
    pub outcome: String,
    pub recorded_by: i64,
    pub recorded_by_name: String,
    pub created_at: i64,
}

pub async fn pre_conversations(conn: &mut AnyConnection, application_id: i64) -> Result<Vec<PreConversation>> {
    db::all(
        conn,
        "SELECT c.id, c.application_id, c.number, c.held_on, c.participants, c.notes, c.outcome, c.recorded_by,
                u.name AS recorded_by_name, c.created_at
         FROM pre_conversations c JOIN users u ON u.id = c.recorded_by
         WHERE c.application_id = $1 ORDER BY c.number",
        (application_id,),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn add_pre_conversation(
    conn: &mut AnyConnection,
    application_id: i64,
    number: i64,
    held_on: &str,
    participants: &str,
    notes: &str,
    outcome: &str,
    recorded_by: i64,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO pre_conversations (application_id, number, held_on, participants, notes, outcome, recorded_by,
             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        (application_id, number, held_on, participants, notes, outcome, recorded_by, now),
    )
    .await
}

/// Folds application `from` into `into`: its history, talks and offers follow, and
/// `from` stays as a merged record pointing at `into`.
pub async fn merge(conn: &mut AnyConnection, from: i64, into: i64, now: i64) -> Result<()> {
    let talks: i64 =
        db::scalar(&mut *conn, "SELECT COUNT(*) FROM pre_conversations WHERE application_id = $1", (into,)).await?;
    db::execute(
        &mut *conn,
        "UPDATE pre_conversations SET application_id = $2, number = number + $3 WHERE application_id = $1",
        (from, into, talks),
    )
    .await?;
    for statement in [
        "UPDATE application_events SET application_id = $2 WHERE application_id = $1",
        "UPDATE offers SET application_id = $2 WHERE application_id = $1",
        "UPDATE consent_links SET application_id = $2 WHERE application_id = $1",
        "UPDATE course_participants SET application_id = $2 WHERE application_id = $1",
    ] {
        db::execute(&mut *conn, statement, (from, into)).await?;
    }
    db::execute(
        conn,
        "UPDATE applications SET stage = 'merged', merged_into = $2, updated_at = $3, version = version + 1,
             withdraw_token_hash = NULL
         WHERE id = $1",
        (from, into, now),
    )
    .await
}

/// Stage counts per channel for a course's applications, for the recruitment figures.
pub async fn count_by_channel(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(Option<i64>, i64)>> {
    db::all(
        conn,
        "SELECT channel_id, COUNT(*) FROM applications WHERE course_id = $1 AND merged_into IS NULL
         GROUP BY channel_id ORDER BY COUNT(*) DESC",
        (course_id,),
    )
    .await
}

/// An application by id whatever its organisation, for links that carry no organisation
/// (the token found it; the caller has no other way in).
pub async fn get_any(conn: &mut AnyConnection, id: i64) -> Result<Application> {
    db::one(conn, &format!("SELECT {COLUMNS} FROM applications WHERE id = $1"), (id,)).await
}
