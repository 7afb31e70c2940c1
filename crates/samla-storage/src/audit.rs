//! The append-only, hash-chained audit trail.

use crate::{Backend, Result, WriteTx};
use samla_domain::audit::{chain_hash, AuditEntry, AuditEvent, GENESIS_HASH};
use sqlx::{AnyConnection, FromRow};

#[derive(FromRow)]
struct Row {
    seq: i64,
    at: i64,
    actor_user_id: Option<i64>,
    actor_role: Option<String>,
    organisation_id: Option<i64>,
    action: String,
    record_type: Option<String>,
    record_id: Option<String>,
    outcome: String,
    request_id: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<Row> for AuditEntry {
    fn from(r: Row) -> Self {
        AuditEntry {
            seq: r.seq,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_role: r.actor_role,
            organisation_id: r.organisation_id,
            action: r.action,
            record_type: r.record_type,
            record_id: r.record_id,
            outcome: r.outcome,
            request_id: r.request_id,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str = "seq, at, actor_user_id, actor_role, organisation_id, action, record_type, record_id, outcome, request_id, prev_hash, hash";

/// Appends one row inside the operation's transaction, linked to the one before.
pub async fn append(tx: &mut WriteTx, event: &AuditEvent, now: i64) -> Result<i64> {
    if tx.backend() == Backend::Postgres {
        // Appends take turns across every instance sharing the database, so the chain
        // never forks.
        sqlx::query("SELECT pg_advisory_xact_lock(7411)").execute(&mut *tx.tx).await?;
    }
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_optional(&mut *tx.tx).await?;
    let (prev_seq, prev_hash) = last.unwrap_or((0, GENESIS_HASH.to_string()));
    let seq = prev_seq + 1;
    let hash = chain_hash(&prev_hash, seq, now, event);
    sqlx::query(&format!(
        "INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(seq)
    .bind(now)
    .bind(event.actor_user_id)
    .bind(event.actor_role.as_deref())
    .bind(event.organisation_id)
    .bind(event.action.as_str())
    .bind(event.record_type.as_deref())
    .bind(event.record_id.as_deref())
    .bind(event.outcome.as_str())
    .bind(event.request_id.as_deref())
    .bind(prev_hash)
    .bind(hash)
    .execute(&mut *tx.tx)
    .await?;
    Ok(seq)
}

/// What to look for in the audit trail of one organisation.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub organisation_id: i64,
    pub actor_user_id: Option<i64>,
    pub action: Option<String>,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Newest first: only rows with a smaller sequence number.
    pub before_seq: Option<i64>,
    pub limit: i64,
}

pub async fn search(conn: &mut AnyConnection, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log
         WHERE organisation_id = $1
           AND ($2 < 0 OR actor_user_id = $2)
           AND ($3 = '' OR action = $3)
           AND ($4 = '' OR record_type = $4)
           AND ($5 = '' OR record_id = $5)
           AND ($6 = '' OR outcome = $6)
           AND at >= $7 AND at <= $8 AND seq < $9
         ORDER BY seq DESC LIMIT $10"
    ))
    .bind(q.organisation_id)
    .bind(q.actor_user_id.unwrap_or(-1))
    .bind(q.action.clone().unwrap_or_default())
    .bind(q.record_type.clone().unwrap_or_default())
    .bind(q.record_id.clone().unwrap_or_default())
    .bind(q.outcome.clone().unwrap_or_default())
    .bind(q.from.unwrap_or(i64::MIN))
    .bind(q.to.unwrap_or(i64::MAX))
    .bind(q.before_seq.unwrap_or(i64::MAX))
    .bind(q.limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}

/// Every row in order, for verification.
pub async fn all(conn: &mut AnyConnection) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq")).fetch_all(conn).await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}
