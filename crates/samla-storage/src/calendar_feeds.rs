//! Secret, revocable calendar feed addresses: one per course and one per staff member.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Feed {
    pub organisation_id: i64,
    pub user_id: Option<i64>,
    pub course_id: Option<i64>,
}

/// Revokes any live feed for the same course or person, then stores the new one.
pub async fn replace(
    conn: &mut AnyConnection,
    token_hash: &str,
    organisation_id: i64,
    user_id: Option<i64>,
    course_id: Option<i64>,
    now: i64,
) -> Result<()> {
    db::execute(
        &mut *conn,
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE organisation_id = $2 AND revoked_at IS NULL
           AND COALESCE(user_id, -1) = $3 AND COALESCE(course_id, -1) = $4",
        (now, organisation_id, user_id.unwrap_or(-1), course_id.unwrap_or(-1)),
    )
    .await?;
    db::execute(
        conn,
        "INSERT INTO calendar_feeds (token_hash, organisation_id, user_id, course_id, created_at) VALUES ($1, $2, $3, $4, $5)",
        (token_hash, organisation_id, user_id, course_id, now),
    )
    .await
}

pub async fn find_live(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Feed>> {
    db::optional(
        conn,
        "SELECT organisation_id, user_id, course_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL",
        (token_hash,),
    )
    .await
}

pub async fn revoke(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: Option<i64>,
    course_id: Option<i64>,
    now: i64,
) -> Result<u64> {
    db::changed(
        conn,
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE organisation_id = $2 AND revoked_at IS NULL
           AND COALESCE(user_id, -1) = $3 AND COALESCE(course_id, -1) = $4",
        (now, organisation_id, user_id.unwrap_or(-1), course_id.unwrap_or(-1)),
    )
    .await
}
