//! Rounds of asking (`questionnaire_rounds`) and who each round asks (`round_recipients`).
//! A recipient's one-time link is kept only as the sha256 hash of its token; the QR
//! code's `open_token` is kept plain (see the migration for why).

use crate::db;
use crate::Result;
use samla_domain::questionnaires::rounds::{Audience, Mode, Timing};
use sqlx::{AnyConnection, FromRow};

/// One round: every column of `questionnaire_rounds`.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Round {
    pub id: i64,
    pub organisation_id: i64,
    pub course_id: i64,
    pub session_id: Option<i64>,
    pub version_id: i64,
    #[sqlx(try_from = "String")]
    pub audience: Audience,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    #[sqlx(try_from = "String")]
    pub timing: Timing,
    pub opens_on: String,
    pub closes_on: String,
    pub follow_up_months: Option<i64>,
    pub open_token: Option<String>,
    pub invitations_sent_at: Option<i64>,
    pub reminder_sent_at: Option<i64>,
    /// When staff closed the round; a round past its closing day is closed without it.
    pub closed_at: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: i64,
    /// When the round's results were released (frozen): at the close, by staff or by the
    /// closing day passing. From then on the round takes no response.
    pub results_released_at: Option<i64>,
}

pub(crate) const ROUND_COLUMNS: &str =
    "id, organisation_id, course_id, session_id, version_id, audience, mode, timing, \
     opens_on, closes_on, follow_up_months, open_token, invitations_sent_at, reminder_sent_at, closed_at, \
     created_by, created_at, results_released_at";

/// The round of the organisation; a round of another organisation is not found.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, round_id: i64) -> Result<Round> {
    db::one(
        conn,
        &format!("SELECT {ROUND_COLUMNS} FROM questionnaire_rounds WHERE id = $1 AND organisation_id = $2"),
        (round_id, organisation_id),
    )
    .await
}

/// A round before it has an id.
pub struct NewRound<'a> {
    pub organisation_id: i64,
    pub course_id: i64,
    pub session_id: Option<i64>,
    pub version_id: i64,
    pub audience: Audience,
    pub mode: Mode,
    pub timing: Timing,
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub follow_up_months: Option<i64>,
    pub open_token: Option<&'a str>,
    pub created_by: Option<i64>,
}

pub async fn create(conn: &mut AnyConnection, r: &NewRound<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO questionnaire_rounds (organisation_id, course_id, session_id, version_id, audience, mode, timing,
             opens_on, closes_on, follow_up_months, open_token, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        (
            r.organisation_id,
            r.course_id,
            r.session_id,
            r.version_id,
            r.audience.as_str(),
            r.mode.as_str(),
            r.timing.as_str(),
            r.opens_on,
            r.closes_on,
            r.follow_up_months,
            r.open_token,
            r.created_by,
            now,
        ),
    )
    .await
}

/// Someone a round asks, before they have a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipient {
    pub subject_participant_id: Option<i64>,
    pub person_id: Option<i64>,
    pub user_id: Option<i64>,
}

pub async fn add_recipient(
    conn: &mut AnyConnection,
    round_id: i64,
    recipient: &NewRecipient,
    token_hash: &str,
    expires_at: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO round_recipients (round_id, subject_participant_id, person_id, user_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        (round_id, recipient.subject_participant_id, recipient.person_id, recipient.user_id, token_hash, expires_at),
    )
    .await
}

/// The course's active participants who answer for themselves: (participant id, person id).
pub async fn active_participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64)>> {
    db::all(
        conn,
        "SELECT cp.id, cp.person_id FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND cp.status = 'active' AND p.merged_into IS NULL
         ORDER BY cp.id",
        (course_id,),
    )
    .await
}

/// The guardians asked about the course's children: for each active child participant,
/// the grown-ups of the household with parental responsibility (participant id, person
/// id); then the course's active parents (role `parent`) who are not such a guardian of a
/// child on the course (a guardian of a child who dropped out is not asked), each about
/// their own place in the course.
pub async fn guardians(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64)>> {
    let mut found: Vec<(i64, i64)> = db::all(
        &mut *conn,
        "SELECT cp.id, g.id FROM course_participants cp
         JOIN persons c ON c.id = cp.person_id
         JOIN persons g ON g.household_id = c.household_id AND g.household_role <> 'child'
             AND g.parental_responsibility = 1 AND g.merged_into IS NULL
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND cp.status = 'active' AND c.household_role = 'child'
         ORDER BY cp.id, g.id",
        (course_id,),
    )
    .await?;
    let parents: Vec<(i64, i64)> = db::all(
        &mut *conn,
        "SELECT cp.id, cp.person_id FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'parent' AND cp.status = 'active' AND p.merged_into IS NULL
           AND NOT (p.parental_responsibility = 1 AND EXISTS (
               SELECT 1 FROM course_participants cc JOIN persons c ON c.id = cc.person_id
               WHERE cc.course_id = cp.course_id AND cc.role = 'participant'
                 AND c.household_role = 'child' AND c.household_id = p.household_id))
         ORDER BY cp.id",
        (course_id,),
    )
    .await?;
    found.extend(parents);
    Ok(found)
}

/// The course's staff who are asked: its group leaders and user representatives with an
/// account that is not disabled (user ids, each once).
pub async fn staff(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<i64>> {
    db::scalars(
        conn,
        "SELECT DISTINCT u.id FROM course_staff st JOIN users u ON u.id = st.user_id
         WHERE st.course_id = $1 AND st.course_role IN ('group_leader', 'user_representative') AND u.disabled = 0
         ORDER BY u.id",
        (course_id,),
    )
    .await
}

/// A round with its questionnaire's title and how far it has come.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct RoundSummary {
    #[sqlx(flatten)]
    pub round: Round,
    pub questionnaire_id: i64,
    pub version_number: i64,
    /// In the language asked for, else nb, else any.
    pub title: String,
    /// Personal links (not made from the QR code).
    pub asked: i64,
    pub invited: i64,
    pub reminded: i64,
    /// Everyone who has sent the form, QR-code answers included.
    pub answered: i64,
    pub walk_ins: i64,
}

fn summary_sql(filter: &str) -> String {
    let columns: Vec<String> = ROUND_COLUMNS.split(", ").map(|c| format!("r.{c}")).collect();
    format!(
        "SELECT {}, v.questionnaire_id, v.number AS version_number,
             COALESCE((SELECT t.title FROM questionnaire_texts t WHERE t.version_id = r.version_id
                 ORDER BY CASE WHEN t.language = $1 THEN 0 WHEN t.language = 'nb' THEN 1 ELSE 2 END, t.language
                 LIMIT 1), '') AS title,
             (SELECT COUNT(*) FROM round_recipients x WHERE x.round_id = r.id AND x.walk_in = 0) AS asked,
             (SELECT COUNT(*) FROM round_recipients x WHERE x.round_id = r.id AND x.invited_at IS NOT NULL) AS invited,
             (SELECT COUNT(*) FROM round_recipients x WHERE x.round_id = r.id AND x.reminded_at IS NOT NULL) AS reminded,
             (SELECT COUNT(*) FROM round_recipients x WHERE x.round_id = r.id AND x.answered_on IS NOT NULL) AS answered,
             (SELECT COUNT(*) FROM round_recipients x WHERE x.round_id = r.id AND x.walk_in = 1) AS walk_ins
         FROM questionnaire_rounds r JOIN questionnaire_versions v ON v.id = r.version_id
         WHERE {filter}",
        columns.join(", ")
    )
}

/// The course's rounds, by opening day (newest last).
pub async fn list_for_course(conn: &mut AnyConnection, course_id: i64, language: &str) -> Result<Vec<RoundSummary>> {
    db::all(conn, &summary_sql("r.course_id = $2 ORDER BY r.opens_on, r.id"), (language, course_id)).await
}

pub async fn summary(conn: &mut AnyConnection, round_id: i64, language: &str) -> Result<RoundSummary> {
    db::one(conn, &summary_sql("r.id = $2"), (language, round_id)).await
}

/// Who a round asked, for the list of recipients: never anything they answered.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct RecipientRow {
    pub id: i64,
    /// The person's or user's name; none for a link made from the QR code.
    pub name: Option<String>,
    /// `participant`, `guardian`, `parent`, `staff` or `walk_in`.
    pub role: String,
    /// The participant the answers are about (identified rounds), by name.
    pub subject_name: Option<String>,
    pub has_email: i64,
    pub invited_at: Option<i64>,
    pub reminded_at: Option<i64>,
    pub answered_on: Option<String>,
}

pub async fn recipients(conn: &mut AnyConnection, round_id: i64) -> Result<Vec<RecipientRow>> {
    db::all(
        conn,
        "SELECT x.id, COALESCE(p.name, u.name) AS name,
             CASE WHEN x.walk_in = 1 THEN 'walk_in' WHEN x.user_id IS NOT NULL THEN 'staff'
                  WHEN r.audience = 'participants' THEN 'participant'
                  WHEN p.parental_responsibility = 1 THEN 'guardian' ELSE 'parent' END AS role,
             sp.name AS subject_name,
             CAST(CASE WHEN COALESCE(p.email, u.email, '') <> '' THEN 1 ELSE 0 END AS BIGINT) AS has_email,
             x.invited_at, x.reminded_at, x.answered_on
         FROM round_recipients x
         JOIN questionnaire_rounds r ON r.id = x.round_id
         LEFT JOIN persons p ON p.id = x.person_id
         LEFT JOIN users u ON u.id = x.user_id
         LEFT JOIN course_participants cs ON cs.id = x.subject_participant_id
         LEFT JOIN persons sp ON sp.id = cs.person_id
         WHERE x.round_id = $1
         ORDER BY x.walk_in, COALESCE(p.name, u.name), x.id",
        (round_id,),
    )
    .await
}

/// Closes a round by hand and releases its results (unless they were already); its links
/// stop working now. False when it was closed already.
pub async fn close(conn: &mut AnyConnection, round_id: i64, now: i64) -> Result<bool> {
    let done = db::changed(
        &mut *conn,
        "UPDATE questionnaire_rounds SET closed_at = $1, results_released_at = COALESCE(results_released_at, $1)
         WHERE id = $2 AND closed_at IS NULL",
        (now, round_id),
    )
    .await?;
    if done == 0 {
        return Ok(false);
    }
    db::execute(
        conn,
        "UPDATE round_recipients SET expires_at = $1 WHERE round_id = $2 AND expires_at > $1",
        (now, round_id),
    )
    .await?;
    Ok(true)
}

/// Releases a closed round's results: from now on they never change. False when they were
/// released already (by another request, or another instance).
pub async fn release(conn: &mut AnyConnection, round_id: i64, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE questionnaire_rounds SET results_released_at = $1 WHERE id = $2 AND results_released_at IS NULL",
        (now, round_id),
    )
    .await
}

/// Holds an open round for a response being stored in this transaction: true when the
/// round still takes answers on `today` (not closed, not released, its closing day not
/// passed). The update takes the round's row lock, so on PostgreSQL a release or a close
/// waits for this transaction, and one that came first is seen: a response is never
/// added after the results were released.
pub async fn hold_open(conn: &mut AnyConnection, round_id: i64, today: &str) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE questionnaire_rounds SET closes_on = closes_on
         WHERE id = $1 AND closed_at IS NULL AND results_released_at IS NULL AND closes_on >= $2",
        (round_id, today),
    )
    .await
}

/// A round whose results may be due for release.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct UnreleasedRound {
    pub id: i64,
    pub organisation_id: i64,
    pub closes_on: String,
    pub closed_at: Option<i64>,
}

/// Rounds not released yet that were closed by staff or whose closing day is before
/// `until` (a day after the earliest today of any organisation's time zone).
pub async fn awaiting_release(conn: &mut AnyConnection, until: &str) -> Result<Vec<UnreleasedRound>> {
    db::all(
        conn,
        "SELECT r.id, r.organisation_id, r.closes_on, r.closed_at
         FROM questionnaire_rounds r
         WHERE r.results_released_at IS NULL AND (r.closed_at IS NOT NULL OR r.closes_on < $1)
         ORDER BY r.id",
        (until,),
    )
    .await
}

/// A round whose invitations or reminder may be due, with what a mail needs.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct DueRound {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub opens_on: String,
    pub closes_on: String,
    pub invitations_sent_at: Option<i64>,
}

const DUE_COLUMNS: &str = "r.id, r.organisation_id, o.name AS organisation_name, r.opens_on, r.closes_on, \
     r.invitations_sent_at";

/// The statement reading the [`DueRound`]s not closed by hand that meet `condition`, in
/// the order they were made.
fn due_rounds(condition: &str) -> String {
    format!(
        "SELECT {DUE_COLUMNS} FROM questionnaire_rounds r JOIN organisations o ON o.id = r.organisation_id
         WHERE r.closed_at IS NULL AND {condition}
         ORDER BY r.id"
    )
}

/// Open rounds (not closed by hand) whose invitations have not gone out and that open by
/// `until` and close on or after `from`.
pub async fn awaiting_invitations(conn: &mut AnyConnection, from: &str, until: &str) -> Result<Vec<DueRound>> {
    let sql = due_rounds("r.invitations_sent_at IS NULL AND r.opens_on <= $1 AND r.closes_on >= $2");
    db::all(conn, &sql, (until, from)).await
}

/// Rounds whose invitations went out by personal link to the whole course (not one
/// session, not a QR code), not closed by hand, closing on or after `from`: the rounds
/// someone who joins the course now should still be asked in.
pub async fn invited_and_open(conn: &mut AnyConnection, from: &str) -> Result<Vec<DueRound>> {
    let sql = due_rounds(
        "r.invitations_sent_at IS NOT NULL AND r.closes_on >= $1 AND r.open_token IS NULL AND r.session_id IS NULL",
    );
    db::all(conn, &sql, (from,)).await
}

/// Who a round asks, as (subject participant, person, user), walk-ins left out.
pub async fn asked(conn: &mut AnyConnection, round_id: i64) -> Result<Vec<(Option<i64>, Option<i64>, Option<i64>)>> {
    db::all(
        conn,
        "SELECT subject_participant_id, person_id, user_id FROM round_recipients WHERE round_id = $1 AND walk_in = 0",
        (round_id,),
    )
    .await
}

/// Rounds invited but not yet reminded, not closed by hand, closing on or after `from`.
pub async fn awaiting_reminder(conn: &mut AnyConnection, from: &str) -> Result<Vec<DueRound>> {
    let sql = due_rounds("r.invitations_sent_at IS NOT NULL AND r.reminder_sent_at IS NULL AND r.closes_on >= $1");
    db::all(conn, &sql, (from,)).await
}

/// Marks the round's invitations as sent; false when another run got there first.
pub async fn mark_invitations_sent(conn: &mut AnyConnection, round_id: i64, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE questionnaire_rounds SET invitations_sent_at = $1 WHERE id = $2 AND invitations_sent_at IS NULL",
        (now, round_id),
    )
    .await
}

/// Marks the round's reminder as sent; false when another run got there first.
pub async fn mark_reminder_sent(conn: &mut AnyConnection, round_id: i64, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE questionnaire_rounds SET reminder_sent_at = $1 WHERE id = $2 AND reminder_sent_at IS NULL",
        (now, round_id),
    )
    .await
}

/// Someone a mail goes to: a recipient with an address.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MailRecipient {
    pub id: i64,
    pub email: String,
    /// The user's chosen language (staff), if any.
    pub language: Option<String>,
}

/// Recipients with an address who are to get a mail: for the invitation those not yet
/// invited, for the reminder those invited who have neither answered nor been reminded.
pub async fn to_mail(conn: &mut AnyConnection, round_id: i64, reminder: bool) -> Result<Vec<MailRecipient>> {
    let state = if reminder {
        "x.invited_at IS NOT NULL AND x.reminded_at IS NULL AND x.answered_on IS NULL"
    } else {
        "x.invited_at IS NULL AND x.answered_on IS NULL"
    };
    db::all(
        conn,
        &format!(
            "SELECT x.id, COALESCE(p.email, u.email, '') AS email, u.language FROM round_recipients x
         LEFT JOIN persons p ON p.id = x.person_id LEFT JOIN users u ON u.id = x.user_id
         WHERE x.round_id = $1 AND x.walk_in = 0 AND {state} AND COALESCE(p.email, u.email, '') <> ''
         ORDER BY x.id"
        ),
        (round_id,),
    )
    .await
}

/// Gives a recipient a fresh link (the old one stops working) and records the mail.
/// Only the hash of the new token is kept, so each mail carries a new link.
pub async fn renew_link(
    conn: &mut AnyConnection,
    recipient_id: i64,
    token_hash: &str,
    reminder: bool,
    now: i64,
) -> Result<()> {
    let column = if reminder { "reminded_at" } else { "invited_at" };
    db::execute(
        conn,
        &format!("UPDATE round_recipients SET token_hash = $1, {column} = $2 WHERE id = $3"),
        (token_hash, now, recipient_id),
    )
    .await
}

/// The questionnaires a round can use: the organisation's, not archived, with their
/// newest version's title (id, title).
pub async fn questionnaire_choices(
    conn: &mut AnyConnection,
    organisation_id: i64,
    language: &str,
) -> Result<Vec<(i64, String)>> {
    db::all(
        conn,
        "SELECT q.id, COALESCE((SELECT t.title FROM questionnaire_texts t
                 JOIN questionnaire_versions v ON v.id = t.version_id
                 WHERE v.questionnaire_id = q.id
                 ORDER BY v.number DESC, CASE WHEN t.language = $2 THEN 0 WHEN t.language = 'nb' THEN 1 ELSE 2 END
                 LIMIT 1), q.url) AS title
         FROM questionnaires q
         WHERE q.organisation_id = $1 AND q.archived = 0
           AND EXISTS (SELECT 1 FROM questionnaire_versions v WHERE v.questionnaire_id = q.id)
         ORDER BY title, q.id",
        (organisation_id, language),
    )
    .await
}
