//! Secret, revocable calendar feed addresses: one per course and one per staff member.

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
    sqlx::query(
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE organisation_id = $2 AND revoked_at IS NULL
           AND COALESCE(user_id, -1) = $3 AND COALESCE(course_id, -1) = $4",
    )
    .bind(now)
    .bind(organisation_id)
    .bind(user_id.unwrap_or(-1))
    .bind(course_id.unwrap_or(-1))
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO calendar_feeds (token_hash, organisation_id, user_id, course_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(organisation_id)
    .bind(user_id)
    .bind(course_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_live(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Feed>> {
    Ok(sqlx::query_as(
        "SELECT organisation_id, user_id, course_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}

pub async fn revoke(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: Option<i64>,
    course_id: Option<i64>,
    now: i64,
) -> Result<u64> {
    let done = sqlx::query(
        "UPDATE calendar_feeds SET revoked_at = $1 WHERE organisation_id = $2 AND revoked_at IS NULL
           AND COALESCE(user_id, -1) = $3 AND COALESCE(course_id, -1) = $4",
    )
    .bind(now)
    .bind(organisation_id)
    .bind(user_id.unwrap_or(-1))
    .bind(course_id.unwrap_or(-1))
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
