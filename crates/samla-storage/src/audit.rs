//! The append-only audit trail, chained with a keyed hash, and its seal.

use crate::db;
use crate::{Backend, Result, Store, StoreError, WriteTx};
use samla_domain::audit::{keyed_hash, AuditEntry, AuditEvent, ChainSeal, GENESIS_HASH};
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

/// Makes the trail's writers take turns across every instance sharing a PostgreSQL
/// database, so the chain never forks (SQLite's writers take turns anyway).
async fn take_turn(tx: &mut WriteTx) -> Result<()> {
    if tx.backend() == Backend::Postgres {
        db::execute(&mut *tx.tx, "SELECT pg_advisory_xact_lock(7411)", ()).await?;
    }
    Ok(())
}

/// The last row's sequence number and hash (0 and the genesis hash for an empty trail).
pub async fn head(conn: &mut AnyConnection) -> Result<(i64, String)> {
    let last: Option<(i64, String)> =
        db::optional(conn, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", ()).await?;
    Ok(last.unwrap_or((0, GENESIS_HASH.to_string())))
}

/// Appends one row inside the operation's transaction, linked to the one before and
/// hashed with the store's audit key.
pub async fn append(tx: &mut WriteTx, event: &AuditEvent, now: i64) -> Result<i64> {
    let key = tx.audit_key.clone().ok_or(StoreError::NoAuditKey)?;
    take_turn(tx).await?;
    let (prev_seq, prev_hash) = head(&mut tx.tx).await?;
    let seq = prev_seq + 1;
    let hash = keyed_hash(&key, &prev_hash, seq, now, event);
    db::execute(
        &mut *tx.tx,
        &format!("INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"),
        (
            seq,
            now,
            event.actor_user_id,
            event.actor_role.as_deref(),
            event.organisation_id,
            event.action.as_str(),
            event.record_type.as_deref(),
            event.record_id.as_deref(),
            event.outcome.as_str(),
            event.request_id.as_deref(),
            prev_hash,
            hash,
        ),
    )
    .await?;
    Ok(seq)
}

/// Appends `events` ((event, time) pairs) in order inside the operation's transaction,
/// each linked to the one before and hashed with the store's audit key exactly as
/// [`append`] does, but with one look at the head and multi-row inserts: for data written
/// in bulk. Returns the last row's sequence number.
pub async fn append_all(tx: &mut WriteTx, events: &[(AuditEvent, i64)]) -> Result<i64> {
    use crate::bulk::{insert, Value};
    let key = tx.audit_key.clone().ok_or(StoreError::NoAuditKey)?;
    take_turn(tx).await?;
    let (mut seq, mut prev_hash) = head(&mut tx.tx).await?;
    let mut chained = Vec::with_capacity(events.len());
    for (event, at) in events {
        seq += 1;
        let hash = keyed_hash(&key, &prev_hash, seq, *at, event);
        chained.push((seq, *at, event, std::mem::replace(&mut prev_hash, hash.clone()), hash));
    }
    let rows: Vec<[Value; 12]> = chained
        .iter()
        .map(|(seq, at, event, prev_hash, hash)| {
            [
                Value::Int(*seq),
                Value::Int(*at),
                Value::MaybeInt(event.actor_user_id),
                Value::MaybeText(event.actor_role.as_deref()),
                Value::MaybeInt(event.organisation_id),
                Value::Text(event.action.as_str()),
                Value::MaybeText(event.record_type.as_deref()),
                Value::MaybeText(event.record_id.as_deref()),
                Value::Text(event.outcome.as_str()),
                Value::MaybeText(event.request_id.as_deref()),
                Value::Text(prev_hash),
                Value::Text(hash),
            ]
        })
        .collect();
    let columns = [
        "seq",
        "at",
        "actor_user_id",
        "actor_role",
        "organisation_id",
        "action",
        "record_type",
        "record_id",
        "outcome",
        "request_id",
        "prev_hash",
        "hash",
    ];
    insert(&mut tx.tx, "audit_log", columns, &rows, false).await?;
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
    let rows: Vec<Row> = db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM audit_log
         WHERE organisation_id = $1
           AND ($2 < 0 OR actor_user_id = $2)
           AND ($3 = '' OR action = $3)
           AND ($4 = '' OR record_type = $4)
           AND ($5 = '' OR record_id = $5)
           AND ($6 = '' OR outcome = $6)
           AND at >= $7 AND at <= $8 AND seq < $9
         ORDER BY seq DESC LIMIT $10"
        ),
        (
            q.organisation_id,
            q.actor_user_id.unwrap_or(-1),
            q.action.clone().unwrap_or_default(),
            q.record_type.clone().unwrap_or_default(),
            q.record_id.clone().unwrap_or_default(),
            q.outcome.clone().unwrap_or_default(),
            q.from.unwrap_or(i64::MIN),
            q.to.unwrap_or(i64::MAX),
            q.before_seq.unwrap_or(i64::MAX),
            q.limit,
        ),
    )
    .await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}

/// Up to `limit` rows after `after_seq`, in order: verification pages through the trail
/// instead of loading it whole.
pub async fn page_after(conn: &mut AnyConnection, after_seq: i64, limit: i64) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = db::all(
        conn,
        &format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"),
        (after_seq, limit),
    )
    .await?;
    Ok(rows.into_iter().map(AuditEntry::from).collect())
}

/// The database's seal, if the key has been introduced.
pub async fn seal(conn: &mut AnyConnection) -> Result<Option<ChainSeal>> {
    let row: Option<(i64, String, i64, String)> =
        db::optional(conn, "SELECT keyed_from_seq, legacy_head, sealed_at, mac FROM audit_chain_seal WHERE id = 1", ())
            .await?;
    Ok(row.map(|(keyed_from_seq, legacy_head, sealed_at, mac)| ChainSeal {
        keyed_from_seq,
        legacy_head,
        sealed_at,
        mac,
    }))
}

/// What [`adopt_key`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Adoption {
    /// The database was sealed with this key before.
    Known(ChainSeal),
    /// The key is new to the database and sealed it now: rows from here on are keyed.
    Sealed(ChainSeal),
}

/// Checks that the store's audit key is the database's, sealing the trail with it when
/// the database has no seal yet (a new database, or one an older samla wrote, whose
/// rows keep their plain hashes and are pinned by the seal). A key that cannot verify
/// the seal is refused ([`StoreError::AuditKeyMismatch`]).
pub async fn adopt_key(store: &Store, now: i64) -> Result<Adoption> {
    let mut tx = store.write().await?;
    let key = tx.audit_key.clone().ok_or(StoreError::NoAuditKey)?;
    take_turn(&mut tx).await?;
    if let Some(existing) = seal(&mut tx.tx).await? {
        return if existing.is_signed_by(&key) {
            Ok(Adoption::Known(existing))
        } else {
            Err(StoreError::AuditKeyMismatch)
        };
    }
    let (last_seq, last_hash) = head(&mut tx.tx).await?;
    let new = ChainSeal::new(&key, last_seq + 1, &last_hash, now);
    db::execute(
        &mut *tx.tx,
        "INSERT INTO audit_chain_seal (id, keyed_from_seq, legacy_head, sealed_at, mac) VALUES (1, $1, $2, $3, $4)",
        (new.keyed_from_seq, new.legacy_head.as_str(), new.sealed_at, new.mac.as_str()),
    )
    .await?;
    tx.commit().await?;
    Ok(Adoption::Sealed(new))
}
