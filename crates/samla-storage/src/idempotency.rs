//! Saved responses for retried API calls carrying an `Idempotency-Key`.

use crate::Result;
use sqlx::AnyConnection;

pub async fn find(conn: &mut AnyConnection, user_id: i64, key: &str) -> Result<Option<(i64, String)>> {
    Ok(sqlx::query_as("SELECT status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2")
        .bind(user_id)
        .bind(key)
        .fetch_optional(conn)
        .await?)
}

pub async fn save(conn: &mut AnyConnection, user_id: i64, key: &str, status: i64, body: &str, now: i64) -> Result<()> {
    sqlx::query("INSERT INTO idempotency_keys (user_id, key, status, body, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(user_id)
        .bind(key)
        .bind(status)
        .bind(body)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets the saved responses created before `cutoff` (unix seconds); returns how many.
pub async fn forget_before(conn: &mut AnyConnection, cutoff: i64) -> Result<u64> {
    let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1").bind(cutoff).execute(conn).await?;
    Ok(done.rows_affected())
}
