//! Concern reports about a child, the people an organisation designates to read them,
//! and the audit rows flagged for review (every access to a concern report is).

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ConcernReport {
    pub id: i64,
    pub organisation_id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub participant_id: i64,
    pub participant_name: String,
    pub concern: String,
    pub decision: String,
    pub decision_note: String,
    pub sent_on: Option<String>,
    pub reference: String,
    pub reported_by: i64,
    pub reported_by_name: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub version: i64,
}

const REPORT_SELECT: &str = "SELECT r.id, r.organisation_id, r.course_id, c.name AS course_name, r.participant_id,
        p.name AS participant_name, r.concern, r.decision, r.decision_note, r.sent_on, r.reference, r.reported_by,
        u.name AS reported_by_name, r.created_at, r.updated_at, r.version
     FROM concern_reports r
     JOIN courses c ON c.id = r.course_id
     JOIN course_participants cp ON cp.id = r.participant_id
     JOIN persons p ON p.id = cp.person_id
     JOIN users u ON u.id = r.reported_by";

pub struct NewReport<'a> {
    pub organisation_id: i64,
    pub course_id: i64,
    pub participant_id: i64,
    pub concern: &'a str,
    pub reported_by: i64,
}

pub async fn create(conn: &mut AnyConnection, r: &NewReport<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO concern_reports (organisation_id, course_id, participant_id, concern, decision, reported_by,
             created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $6, 1) RETURNING id",
        (r.organisation_id, r.course_id, r.participant_id, r.concern, r.reported_by, now),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<ConcernReport> {
    db::one(conn, &format!("{REPORT_SELECT} WHERE r.organisation_id = $1 AND r.id = $2"), (organisation_id, id)).await
}

/// The organisation's reports, or one course's, newest first. The caller decides which
/// of them the reader may see.
pub async fn list(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course_id: Option<i64>,
) -> Result<Vec<ConcernReport>> {
    db::all(
        conn,
        &format!(
            "{REPORT_SELECT} WHERE r.organisation_id = $1 AND ($2 < 0 OR r.course_id = $2)
         ORDER BY r.created_at DESC, r.id DESC"
        ),
        (organisation_id, course_id.unwrap_or(-1)),
    )
    .await
}

pub struct DecisionChange<'a> {
    /// None: the concern stays as it reads.
    pub concern: Option<&'a str>,
    pub decision: &'a str,
    pub decision_note: &'a str,
    pub sent_on: Option<&'a str>,
    pub reference: &'a str,
}

pub async fn decide(
    conn: &mut AnyConnection,
    id: i64,
    change: &DecisionChange<'_>,
    expected_version: i64,
    now: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE concern_reports SET decision = $1, decision_note = $2, sent_on = $3, reference = $4, updated_at = $5,
             version = version + 1, concern = COALESCE($8, concern)
         WHERE id = $6 AND version = $7 RETURNING version",
        (
            change.decision,
            change.decision_note,
            change.sent_on,
            change.reference,
            now,
            id,
            expected_version,
            change.concern,
        ),
    )
    .await
}

/// A person designated to read every concern report of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Reader {
    pub user_id: i64,
    pub name: String,
    pub email: String,
}

pub async fn readers(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<Reader>> {
    db::all(
        conn,
        "SELECT r.user_id, u.name, u.email FROM concern_readers r JOIN users u ON u.id = r.user_id
         WHERE r.organisation_id = $1 ORDER BY u.name, u.id",
        (organisation_id,),
    )
    .await
}

pub async fn is_reader(conn: &mut AnyConnection, organisation_id: i64, user_id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT user_id FROM concern_readers WHERE organisation_id = $1 AND user_id = $2",
        (organisation_id, user_id),
    )
    .await
}

pub async fn replace_readers(conn: &mut AnyConnection, organisation_id: i64, user_ids: &[i64]) -> Result<()> {
    db::execute(&mut *conn, "DELETE FROM concern_readers WHERE organisation_id = $1", (organisation_id,)).await?;
    for user_id in user_ids {
        db::execute(
            &mut *conn,
            "INSERT INTO concern_readers (organisation_id, user_id) VALUES ($1, $2)",
            (organisation_id, user_id),
        )
        .await?;
    }
    Ok(())
}

/// Flags an audit row (by its sequence number) for review.
pub async fn flag_for_review(conn: &mut AnyConnection, organisation_id: i64, seq: i64) -> Result<()> {
    db::execute(conn, "INSERT INTO audit_reviews (seq, organisation_id) VALUES ($1, $2)", (seq, organisation_id)).await
}

/// A flagged audit row with what the audit trail says about it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Review {
    pub seq: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: String,
    pub reviewed_at: Option<i64>,
    pub reviewed_by: Option<i64>,
    pub reviewed_by_name: Option<String>,
}

const REVIEW_SELECT: &str = "SELECT v.seq, a.at, a.actor_user_id, actor.name AS actor_name, a.actor_role, a.action,
        a.record_type, a.record_id, a.outcome, v.reviewed_at, v.reviewed_by, reviewer.name AS reviewed_by_name
     FROM audit_reviews v
     JOIN audit_log a ON a.seq = v.seq
     LEFT JOIN users actor ON actor.id = a.actor_user_id
     LEFT JOIN users reviewer ON reviewer.id = v.reviewed_by";

/// Flagged rows of the organisation: awaiting review (oldest first, so nothing waits
/// forever) or already reviewed (most recently reviewed first), at most `limit`.
pub async fn reviews(
    conn: &mut AnyConnection,
    organisation_id: i64,
    reviewed: bool,
    limit: i64,
) -> Result<Vec<Review>> {
    let (filter, order) = if reviewed {
        ("v.reviewed_at IS NOT NULL", "v.reviewed_at DESC, v.seq DESC")
    } else {
        ("v.reviewed_at IS NULL", "v.seq")
    };
    db::all(
        conn,
        &format!("{REVIEW_SELECT} WHERE v.organisation_id = $1 AND {filter} ORDER BY {order} LIMIT $2"),
        (organisation_id, limit),
    )
    .await
}

pub async fn count_open_reviews(conn: &mut AnyConnection, organisation_id: i64) -> Result<i64> {
    db::scalar(
        conn,
        "SELECT COUNT(*) FROM audit_reviews WHERE organisation_id = $1 AND reviewed_at IS NULL",
        (organisation_id,),
    )
    .await
}

pub async fn review(conn: &mut AnyConnection, organisation_id: i64, seq: i64) -> Result<Review> {
    db::one(conn, &format!("{REVIEW_SELECT} WHERE v.organisation_id = $1 AND v.seq = $2"), (organisation_id, seq)).await
}

/// Marks a flagged row reviewed; false when it was reviewed already (the first review
/// stays as it was). NotFound when the organisation flagged no such row.
pub async fn mark_reviewed(
    conn: &mut AnyConnection,
    organisation_id: i64,
    seq: i64,
    user_id: i64,
    now: i64,
) -> Result<bool> {
    let done = db::changed(
        &mut *conn,
        "UPDATE audit_reviews SET reviewed_at = $1, reviewed_by = $2
         WHERE organisation_id = $3 AND seq = $4 AND reviewed_at IS NULL",
        (now, user_id, organisation_id, seq),
    )
    .await?;
    if done == 0 {
        review(conn, organisation_id, seq).await?;
        return Ok(false);
    }
    Ok(true)
}
