//! Emergency accesses (break-the-glass): a course's records opened for a limited time by
//! someone who does not work on it, with the reason they gave and the review it awaits.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

/// One emergency access with the names the review list shows.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct EmergencyAccess {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub course_id: i64,
    pub course_name: String,
    pub reason: String,
    pub opened_at: i64,
    pub expires_at: i64,
    pub opened_seq: i64,
    pub reviewed_at: Option<i64>,
    pub reviewed_by_name: Option<String>,
    pub review_comment: Option<String>,
}

const SELECT: &str = "SELECT e.id, e.user_id, u.name AS user_name, e.course_id, c.name AS course_name, e.reason,
        e.opened_at, e.expires_at, e.opened_seq, e.reviewed_at, reviewer.name AS reviewed_by_name, e.review_comment
     FROM emergency_accesses e
     JOIN users u ON u.id = e.user_id
     JOIN courses c ON c.id = e.course_id
     LEFT JOIN users reviewer ON reviewer.id = e.reviewed_by";

/// Records an opened access; its id.
pub async fn open(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: i64,
    course_id: i64,
    reason: &str,
    (opened_at, expires_at): (i64, i64),
    opened_seq: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO emergency_accesses (organisation_id, user_id, course_id, reason, opened_at, expires_at, opened_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        (organisation_id, user_id, course_id, reason, opened_at, expires_at, opened_seq),
    )
    .await
}

/// Whether the person holds an access to the course that is open at `now`.
pub async fn holds(conn: &mut AnyConnection, user_id: i64, course_id: i64, now: i64) -> Result<bool> {
    let open: Option<i64> = db::scalar_optional(
        conn,
        "SELECT id FROM emergency_accesses
         WHERE user_id = $1 AND course_id = $2 AND opened_at <= $3 AND expires_at > $3 LIMIT 1",
        (user_id, course_id, now),
    )
    .await?;
    Ok(open.is_some())
}

/// One access of the organisation.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<EmergencyAccess> {
    db::one(conn, &format!("{SELECT} WHERE e.organisation_id = $1 AND e.id = $2"), (organisation_id, id)).await
}

/// The organisation's accesses awaiting review (oldest first) or reviewed (latest review
/// first), at most `limit`; only `user_id`'s when given.
pub async fn list(
    conn: &mut AnyConnection,
    organisation_id: i64,
    reviewed: bool,
    user_id: Option<i64>,
    limit: i64,
) -> Result<Vec<EmergencyAccess>> {
    let (filter, order) = if reviewed {
        ("e.reviewed_at IS NOT NULL", "e.reviewed_at DESC, e.id DESC")
    } else {
        ("e.reviewed_at IS NULL", "e.id")
    };
    db::all(
        conn,
        &format!(
            "{SELECT} WHERE e.organisation_id = $1 AND {filter} AND ($2 < 0 OR e.user_id = $2)
             ORDER BY {order} LIMIT $3"
        ),
        (organisation_id, user_id.unwrap_or(-1), limit),
    )
    .await
}

/// Signs an access off; false when it was signed off already (the first review stays).
/// NotFound when the organisation has no such access.
pub async fn sign_off(
    conn: &mut AnyConnection,
    organisation_id: i64,
    id: i64,
    reviewer: i64,
    comment: &str,
    now: i64,
) -> Result<bool> {
    let done = db::changed(
        &mut *conn,
        "UPDATE emergency_accesses SET reviewed_at = $1, reviewed_by = $2, review_comment = $3
         WHERE organisation_id = $4 AND id = $5 AND reviewed_at IS NULL",
        (now, reviewer, comment, organisation_id, id),
    )
    .await?;
    if done == 0 {
        get(conn, organisation_id, id).await?;
    }
    Ok(done > 0)
}

/// What the audit trail holds of the person's actions while the access was open: the
/// review shows what was read with it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ActionDuring {
    pub at: i64,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: String,
}

pub async fn actions_during(
    conn: &mut AnyConnection,
    organisation_id: i64,
    access: &EmergencyAccess,
    limit: i64,
) -> Result<Vec<ActionDuring>> {
    db::all(
        conn,
        "SELECT at, action, record_type, record_id, outcome FROM audit_log
         WHERE organisation_id = $1 AND seq >= $2 AND actor_user_id = $3 AND at < $4
         ORDER BY seq LIMIT $5",
        (organisation_id, access.opened_seq, access.user_id, access.expires_at, limit),
    )
    .await
}
