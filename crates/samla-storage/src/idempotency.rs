//! Saved responses for retried API calls carrying an `Idempotency-Key`.

use crate::db;
use crate::Result;
use sqlx::AnyConnection;

pub async fn find(conn: &mut AnyConnection, user_id: i64, key: &str) -> Result<Option<(i64, String)>> {
    db::optional(conn, "SELECT status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2", (user_id, key))
        .await
}

pub async fn save(conn: &mut AnyConnection, user_id: i64, key: &str, status: i64, body: &str, now: i64) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO idempotency_keys (user_id, key, status, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        (user_id, key, status, body, now),
    )
    .await
}

/// Forgets the saved responses created before `cutoff` (unix seconds); returns how many.
pub async fn forget_before(conn: &mut AnyConnection, cutoff: i64) -> Result<u64> {
    db::changed(conn, "DELETE FROM idempotency_keys WHERE created_at < $1", (cutoff,)).await
}
