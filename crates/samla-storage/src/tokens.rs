//! Personal access tokens for the API, kept only as hashes.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct ApiToken {
    pub id: i64,
    /// The public name of a token: the start of its hash, which reveals nothing and
    /// cannot be guessed from the sequence of ids.
    pub public_id: String,
    pub user_id: i64,
    pub label: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const COLUMNS: &str =
    "id, substr(token_hash, 1, 16) AS public_id, user_id, label, created_at, last_used_at, revoked_at";

pub async fn create(conn: &mut AnyConnection, user_id: i64, label: &str, token_hash: &str, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        (user_id, label, token_hash, now),
    )
    .await
}

/// The live token with this hash, if any.
pub async fn find_live(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<ApiToken>> {
    db::optional(
        conn,
        &format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"),
        (token_hash,),
    )
    .await
}

pub async fn touch(conn: &mut AnyConnection, id: i64, now: i64) -> Result<()> {
    db::execute(conn, "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", (now, id)).await
}

pub async fn list_for_user(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<ApiToken>> {
    db::all(conn, &format!("SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC"), (user_id,)).await
}

/// Revokes one of the person's own tokens by its public id; false when there is no
/// such live token.
pub async fn revoke(conn: &mut AnyConnection, user_id: i64, public_id: &str, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE api_tokens SET revoked_at = $1
         WHERE substr(token_hash, 1, 16) = $2 AND user_id = $3 AND revoked_at IS NULL",
        (now, public_id, user_id),
    )
    .await
}
