//! Concern reports about a child, the people an organisation designates to read them,
//! and the audit rows flagged for review (every access to a concern report is).

use crate::{Result, StoreError};
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
    Ok(sqlx::query_scalar(
        "INSERT INTO concern_reports (organisation_id, course_id, participant_id, concern, decision, reported_by,
             created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $6, 1) RETURNING id",
    )
    .bind(r.organisation_id)
    .bind(r.course_id)
    .bind(r.participant_id)
    .bind(r.concern)
    .bind(r.reported_by)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<ConcernReport> {
    Ok(sqlx::query_as(&format!("{REPORT_SELECT} WHERE r.organisation_id = $1 AND r.id = $2"))
        .bind(organisation_id)
        .bind(id)
        .fetch_one(conn)
        .await?)
}

/// The organisation's reports, or one course's, newest first. The caller decides which
/// of them the reader may see.
pub async fn list(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course_id: Option<i64>,
) -> Result<Vec<ConcernReport>> {
    Ok(sqlx::query_as(&format!(
        "{REPORT_SELECT} WHERE r.organisation_id = $1 AND ($2 < 0 OR r.course_id = $2)
         ORDER BY r.created_at DESC, r.id DESC"
    ))
    .bind(organisation_id)
    .bind(course_id.unwrap_or(-1))
    .fetch_all(conn)
    .await?)
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
    let version: Option<i64> = sqlx::query_scalar(
        "UPDATE concern_reports SET decision = $1, decision_note = $2, sent_on = $3, reference = $4, updated_at = $5,
             version = version + 1, concern = COALESCE($8, concern)
         WHERE id = $6 AND version = $7 RETURNING version",
    )
    .bind(change.decision)
    .bind(change.decision_note)
    .bind(change.sent_on)
    .bind(change.reference)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .bind(change.concern)
    .fetch_optional(conn)
    .await?;
    version.ok_or(StoreError::Stale)
}

/// A person designated to read every concern report of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Reader {
    pub user_id: i64,
    pub name: String,
    pub email: String,
}

pub async fn readers(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<Reader>> {
    Ok(sqlx::query_as(
        "SELECT r.user_id, u.name, u.email FROM concern_readers r JOIN users u ON u.id = r.user_id
         WHERE r.organisation_id = $1 ORDER BY u.name, u.id",
    )
    .bind(organisation_id)
    .fetch_all(conn)
    .await?)
}

pub async fn is_reader(conn: &mut AnyConnection, organisation_id: i64, user_id: i64) -> Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT user_id FROM concern_readers WHERE organisation_id = $1 AND user_id = $2")
            .bind(organisation_id)
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

pub async fn replace_readers(conn: &mut AnyConnection, organisation_id: i64, user_ids: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM concern_readers WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut *conn)
        .await?;
    for user_id in user_ids {
        sqlx::query("INSERT INTO concern_readers (organisation_id, user_id) VALUES ($1, $2)")
            .bind(organisation_id)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Flags an audit row (by its sequence number) for review.
pub async fn flag_for_review(conn: &mut AnyConnection, organisation_id: i64, seq: i64) -> Result<()> {
    sqlx::query("INSERT INTO audit_reviews (seq, organisation_id) VALUES ($1, $2)")
        .bind(seq)
        .bind(organisation_id)
        .execute(conn)
        .await?;
    Ok(())
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
    Ok(sqlx::query_as(&format!("{REVIEW_SELECT} WHERE v.organisation_id = $1 AND {filter} ORDER BY {order} LIMIT $2"))
        .bind(organisation_id)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

pub async fn count_open_reviews(conn: &mut AnyConnection, organisation_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM audit_reviews WHERE organisation_id = $1 AND reviewed_at IS NULL")
        .bind(organisation_id)
        .fetch_one(conn)
        .await?)
}

pub async fn review(conn: &mut AnyConnection, organisation_id: i64, seq: i64) -> Result<Review> {
    Ok(sqlx::query_as(&format!("{REVIEW_SELECT} WHERE v.organisation_id = $1 AND v.seq = $2"))
        .bind(organisation_id)
        .bind(seq)
        .fetch_one(conn)
        .await?)
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
    let done = sqlx::query(
        "UPDATE audit_reviews SET reviewed_at = $1, reviewed_by = $2
         WHERE organisation_id = $3 AND seq = $4 AND reviewed_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(organisation_id)
    .bind(seq)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        review(conn, organisation_id, seq).await?;
        return Ok(false);
    }
    Ok(true)
}
