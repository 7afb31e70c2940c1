//! The outbox: mail waiting to be sent, sent, or given up on.
//!
//! A message is inserted in the same transaction as the change it is about, so a mail
//! goes out exactly when that change commits. Delivery workers claim due messages with
//! a lease (see [`claim_due`]), so several instances sharing one PostgreSQL database
//! never send the same message at the same time.

use crate::db;
use crate::Result;
use samla_domain::messages::MessageStatus;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub organisation_id: Option<i64>,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub template: String,
    pub language: String,
    #[sqlx(try_from = "String")]
    pub status: MessageStatus,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub related_type: Option<String>,
    pub related_id: Option<i64>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    /// When the message first became `failed` (kept when it is sent again by hand).
    pub first_failed_at: Option<i64>,
    /// When its text was erased (sent, or past the time it could be sent again); the
    /// text is then empty.
    pub body_erased_at: Option<i64>,
}

const COLUMNS: &str = "id, organisation_id, to_address, subject, body_text, template, language, status, attempts, \
     next_attempt_at, last_error, related_type, related_id, created_at, sent_at, first_failed_at, body_erased_at";

/// A message as rendered, before it has an id.
pub struct NewMessage<'a> {
    pub organisation_id: Option<i64>,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub template: &'a str,
    pub language: &'a str,
    pub related: Option<(&'a str, i64)>,
}

/// Queues a message, due at once; called inside the caller's transaction.
pub async fn insert(conn: &mut AnyConnection, m: &NewMessage<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO outbox_messages (organisation_id, to_address, subject, body_text, template, language, status,
             attempts, next_attempt_at, related_type, related_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $8, $9, $7) RETURNING id",
        (
            m.organisation_id,
            m.to_address,
            m.subject,
            m.body_text,
            m.template,
            m.language,
            now,
            m.related.map(|(kind, _)| kind),
            m.related.map(|(_, id)| id),
        ),
    )
    .await
}

/// Claims up to `limit` queued messages that are due at `now`, oldest first, for one
/// delivery attempt: each claimed message's `next_attempt_at` moves to `lease_until`,
/// so no other worker sees it as due until the lease runs out (a worker that dies
/// mid-send leaves the message to be tried again then).
///
/// Each row is taken with a compare-and-set on the `next_attempt_at` it was read with:
/// when two workers read the same row, only the first update matches it (PostgreSQL
/// re-checks the condition after the other's commit; SQLite writers take turns), and
/// the other gets nothing back for that row. Works the same on both backends, without
/// `FOR UPDATE SKIP LOCKED`, which SQLite lacks.
pub async fn claim_due(conn: &mut AnyConnection, now: i64, lease_until: i64, limit: i64) -> Result<Vec<OutboxMessage>> {
    let candidates: Vec<(i64, i64)> = db::all(
        &mut *conn,
        "SELECT id, next_attempt_at FROM outbox_messages
         WHERE status = 'queued' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2",
        (now, limit),
    )
    .await?;
    let mut claimed = Vec::with_capacity(candidates.len());
    for (id, seen_next_attempt_at) in candidates {
        let row: Option<OutboxMessage> = db::optional(
            &mut *conn,
            &format!(
                "UPDATE outbox_messages SET next_attempt_at = $1
             WHERE id = $2 AND status = 'queued' AND next_attempt_at = $3
             RETURNING {COLUMNS}"
            ),
            (lease_until, id, seen_next_attempt_at),
        )
        .await?;
        claimed.extend(row);
    }
    Ok(claimed)
}

/// Records a delivered message and erases its text in the same statement: a link in it
/// has reached its recipient and is not kept here. False when it was no longer queued
/// (e.g. already marked by a worker whose lease ran out meanwhile).
pub async fn mark_sent(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE outbox_messages SET status = 'sent', sent_at = $1, attempts = attempts + 1,
             body_text = '', body_erased_at = $1
         WHERE id = $2 AND status = 'queued'",
        (now, id),
    )
    .await
}

/// Records a failed attempt: tried again at `retry_at`, or, when `None` (that was the
/// last attempt), the message becomes `failed` and waits for a person to retry it; the
/// first time it fails starts the window in which that is possible.
pub async fn record_failure(
    conn: &mut AnyConnection,
    id: i64,
    error: &str,
    retry_at: Option<i64>,
    now: i64,
) -> Result<bool> {
    let status = if retry_at.is_some() { MessageStatus::Queued } else { MessageStatus::Failed };
    db::changed_one(
        conn,
        "UPDATE outbox_messages SET attempts = attempts + 1, last_error = $1, status = $2, next_attempt_at = $3,
             first_failed_at = CASE WHEN $2 = 'failed' THEN COALESCE(first_failed_at, $5) ELSE first_failed_at END
         WHERE id = $4 AND status = 'queued'",
        (error, status.as_str(), retry_at.unwrap_or(now), id, now),
    )
    .await
}

/// What to list of one organisation's outbox.
#[derive(Debug, Clone, Default)]
pub struct OutboxQuery {
    pub organisation_id: i64,
    /// Only messages with this status.
    pub status: Option<MessageStatus>,
    /// Newest first: only messages with a smaller id (the previous page's last id).
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// The organisation's messages, newest first.
pub async fn list(conn: &mut AnyConnection, q: &OutboxQuery) -> Result<Vec<OutboxMessage>> {
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM outbox_messages
         WHERE organisation_id = $1 AND ($2 = '' OR status = $2) AND id < $3
         ORDER BY id DESC LIMIT $4"
        ),
        (q.organisation_id, q.status.map_or("", MessageStatus::as_str), q.before_id.unwrap_or(i64::MAX), q.limit),
    )
    .await
}

/// One message of the organisation; another organisation's message is not found.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<OutboxMessage> {
    db::one(
        conn,
        &format!("SELECT {COLUMNS} FROM outbox_messages WHERE id = $1 AND organisation_id = $2"),
        (id, organisation_id),
    )
    .await
}

/// Puts a failed message back in the queue, due at `now`. False when the message is
/// not the organisation's, not failed, or its text is erased or due to be (it first
/// failed at or before `cutoff`).
pub async fn requeue(conn: &mut AnyConnection, organisation_id: i64, id: i64, cutoff: i64, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE outbox_messages SET status = 'queued', next_attempt_at = $1
         WHERE id = $2 AND organisation_id = $3 AND status = 'failed'
           AND body_erased_at IS NULL AND COALESCE(first_failed_at, $1) > $4",
        (now, id, organisation_id, cutoff),
    )
    .await
}

/// Erases the text of every failed message that first failed at or before `cutoff`
/// (it can no longer be sent again); returns how many.
pub async fn erase_expired_failures(conn: &mut AnyConnection, cutoff: i64, now: i64) -> Result<u64> {
    db::changed(
        conn,
        "UPDATE outbox_messages SET body_text = '', body_erased_at = $1
         WHERE status = 'failed' AND body_erased_at IS NULL AND first_failed_at <= $2",
        (now, cutoff),
    )
    .await
}
