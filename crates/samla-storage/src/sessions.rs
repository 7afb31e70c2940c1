//! Server-side login sessions, login throttling and one-time setup links.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LoginSession {
    pub id_hash: String,
    pub user_id: i64,
    pub organisation_id: Option<i64>,
    pub stage: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

const COLUMNS: &str = "id_hash, user_id, organisation_id, stage, created_at, last_seen_at, user_agent";

pub async fn create(
    conn: &mut AnyConnection,
    id_hash: &str,
    user_id: i64,
    organisation_id: Option<i64>,
    stage: &str,
    now: i64,
    user_agent: &str,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO login_sessions (id_hash, user_id, organisation_id, stage, created_at, last_seen_at, user_agent)
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
        (id_hash, user_id, organisation_id, stage, now, user_agent),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, id_hash: &str) -> Result<Option<LoginSession>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM login_sessions WHERE id_hash = $1"), (id_hash,)).await
}

pub async fn touch(conn: &mut AnyConnection, id_hash: &str, now: i64) -> Result<()> {
    db::execute(conn, "UPDATE login_sessions SET last_seen_at = $1 WHERE id_hash = $2", (now, id_hash)).await
}

pub async fn set_organisation(conn: &mut AnyConnection, id_hash: &str, organisation_id: i64) -> Result<()> {
    db::execute(conn, "UPDATE login_sessions SET organisation_id = $1 WHERE id_hash = $2", (organisation_id, id_hash))
        .await
}

pub async fn delete(conn: &mut AnyConnection, id_hash: &str) -> Result<()> {
    db::execute(conn, "DELETE FROM login_sessions WHERE id_hash = $1", (id_hash,)).await
}

/// Ends a person's sessions, all of them or all but one.
pub async fn delete_for_user(conn: &mut AnyConnection, user_id: i64, except_id_hash: Option<&str>) -> Result<u64> {
    db::changed(
        conn,
        "DELETE FROM login_sessions WHERE user_id = $1 AND id_hash <> $2",
        (user_id, except_id_hash.unwrap_or("")),
    )
    .await
}

pub async fn delete_one_of_user(conn: &mut AnyConnection, user_id: i64, id_hash: &str) -> Result<bool> {
    db::changed_one(conn, "DELETE FROM login_sessions WHERE user_id = $1 AND id_hash = $2", (user_id, id_hash)).await
}

pub async fn list_for_user(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<LoginSession>> {
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM login_sessions WHERE user_id = $1 AND stage = 'full' ORDER BY last_seen_at DESC"
        ),
        (user_id,),
    )
    .await
}

pub async fn delete_expired(conn: &mut AnyConnection, idle_before: i64, created_before: i64) -> Result<u64> {
    db::changed(
        conn,
        "DELETE FROM login_sessions WHERE last_seen_at < $1 OR created_at < $2",
        (idle_before, created_before),
    )
    .await
}

/// Throttle state for one key (an account or an address, hashed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow)]
pub struct Throttle {
    pub failures: i64,
    pub window_start: i64,
    pub locked_until: Option<i64>,
}

pub async fn throttle(conn: &mut AnyConnection, key: &str) -> Result<Option<Throttle>> {
    db::optional(conn, "SELECT failures, window_start, locked_until FROM login_throttle WHERE key = $1", (key,)).await
}

pub async fn save_throttle(conn: &mut AnyConnection, key: &str, state: Throttle) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET failures = $2, window_start = $3, locked_until = $4",
        (key, state.failures, state.window_start, state.locked_until),
    )
    .await
}

pub async fn clear_throttle(conn: &mut AnyConnection, key: &str) -> Result<()> {
    db::execute(conn, "DELETE FROM login_throttle WHERE key = $1", (key,)).await
}

/// A one-time link; `user_id` is the invited person, or none for the first administrator.
pub async fn create_setup_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: Option<i64>,
    expires_at: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO setup_links (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        (token_hash, user_id, expires_at),
    )
    .await
}

/// A usable link: exists, unused and unexpired. `Some(None)` is a first-administrator
/// link, `Some(Some(user))` an invitation.
pub async fn find_setup_link(conn: &mut AnyConnection, token_hash: &str, now: i64) -> Result<Option<Option<i64>>> {
    let found: Option<(Option<i64>,)> = db::optional(
        conn,
        "SELECT user_id FROM setup_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        (token_hash, now),
    )
    .await?;
    Ok(found.map(|(user,)| user))
}

/// Marks the link used; false if someone used it first.
pub async fn use_setup_link(conn: &mut AnyConnection, token_hash: &str, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE setup_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
        (now, token_hash),
    )
    .await
}
