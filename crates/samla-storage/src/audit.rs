//! The append-only audit trail, one chain per organisation hashed with a key, and its
//! seal.

use crate::db;
use crate::{Backend, Result, Store, StoreError, WriteTx};
use samla_domain::audit::{
    chain_of, chained_hash, AuditEntry, AuditEvent, ChainHead, ChainSeal, Link, GENESIS_HASH, SINGLE_CHAIN,
};
use sqlx::{AnyConnection, FromRow};
use std::collections::{BTreeMap, BTreeSet};

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
    chain: Option<i64>,
    chain_seq: Option<i64>,
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
            chain: r.chain,
            chain_seq: r.chain_seq,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str = "seq, at, actor_user_id, actor_role, organisation_id, action, record_type, record_id, outcome, request_id, chain, chain_seq, prev_hash, hash";

/// Makes whoever seals the trail take turns across every instance sharing a PostgreSQL
/// database (SQLite's writers take turns anyway). Appending takes only its chains' locks.
async fn take_turn(tx: &mut WriteTx) -> Result<()> {
    if tx.backend() == Backend::Postgres {
        db::execute(&mut *tx.tx, "SELECT pg_advisory_xact_lock(7411)", ()).await?;
    }
    Ok(())
}

/// The last row of the single chain kept before chains per organisation: its sequence
/// number and hash (0 and the genesis hash when there is none).
pub async fn head(conn: &mut AnyConnection) -> Result<(i64, String)> {
    let last: Option<(i64, String)> =
        db::optional(conn, "SELECT seq, hash FROM audit_log WHERE chain IS NULL ORDER BY seq DESC LIMIT 1", ()).await?;
    Ok(last.unwrap_or((0, GENESIS_HASH.to_string())))
}

/// Every chain's head, the single chain (as [`SINGLE_CHAIN`]) first: what an anchor records.
pub async fn chain_heads(conn: &mut AnyConnection) -> Result<Vec<ChainHead>> {
    let (rows, head) = head(conn).await?;
    let mut heads = vec![ChainHead { chain: SINGLE_CHAIN, rows, head }];
    let chains: Vec<(i64, i64, String)> =
        db::all(conn, "SELECT chain, row_count, head FROM audit_chain_heads ORDER BY chain", ()).await?;
    heads.extend(chains.into_iter().map(|(chain, rows, head)| ChainHead { chain, rows, head }));
    Ok(heads)
}

/// Takes the chain's lock for the rest of the transaction (its row in
/// `audit_chain_heads`, FOR UPDATE on PostgreSQL; SQLite's writers take turns anyway) and
/// answers its rows so far and last hash. A chain's first row links to the single chain's
/// last row.
async fn lock_chain(tx: &mut WriteTx, chain: i64) -> Result<(i64, String)> {
    let lock = if tx.backend() == Backend::Postgres { " FOR UPDATE" } else { "" };
    let select = format!("SELECT row_count, head FROM audit_chain_heads WHERE chain = $1{lock}");
    if let Some(found) = db::optional(&mut *tx.tx, &select, (chain,)).await? {
        return Ok(found);
    }
    let (_, single_head) = head(&mut tx.tx).await?;
    db::execute(
        &mut *tx.tx,
        "INSERT INTO audit_chain_heads (chain, row_count, head) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING",
        (chain, single_head),
    )
    .await?;
    db::one(&mut *tx.tx, &select, (chain,)).await
}

/// `n` new sequence numbers, ascending: from PostgreSQL's sequence (rows of other chains
/// are numbered meanwhile, so there may be gaps), or after the highest on SQLite, whose
/// writers take turns.
async fn next_seqs(tx: &mut WriteTx, n: usize) -> Result<Vec<i64>> {
    if tx.backend() == Backend::Postgres {
        let mut seqs: Vec<i64> =
            db::scalars(&mut *tx.tx, "SELECT nextval('audit_log_seq') FROM generate_series(1, $1)", (n as i64,))
                .await?;
        seqs.sort_unstable();
        return Ok(seqs);
    }
    let last: i64 = db::scalar(&mut *tx.tx, "SELECT COALESCE(MAX(seq), 0) FROM audit_log", ()).await?;
    Ok((1..=n as i64).map(|i| last + i).collect())
}

/// Appends one row inside the operation's transaction, linked to the one before in its
/// organisation's chain and hashed with the store's audit key; answers its sequence
/// number.
pub async fn append(tx: &mut WriteTx, event: &AuditEvent, now: i64) -> Result<i64> {
    append_in_order(tx, &[(event, now)]).await
}

/// Appends `events` ((event, time) pairs) in order inside the operation's transaction,
/// each chained exactly as [`append`] does, with one look at each chain's head and
/// multi-row inserts: for data written in bulk and for audit rows committed in groups.
/// Returns the last row's sequence number (0 for none).
pub async fn append_all(tx: &mut WriteTx, events: &[(AuditEvent, i64)]) -> Result<i64> {
    let events: Vec<(&AuditEvent, i64)> = events.iter().map(|(event, at)| (event, *at)).collect();
    append_in_order(tx, &events).await
}

async fn append_in_order(tx: &mut WriteTx, events: &[(&AuditEvent, i64)]) -> Result<i64> {
    use crate::bulk::{insert, Value};
    let key = tx.audit_key.clone().ok_or(StoreError::NoAuditKey)?;
    if events.is_empty() {
        return Ok(0);
    }
    // Chains are locked in ascending order, so two transactions that write to several
    // never wait for each other in a circle; numbers are taken once the locks are held,
    // so within a chain they rise with its rows.
    let chains: BTreeSet<i64> = events.iter().map(|(event, _)| chain_of(event)).collect();
    let mut heads: BTreeMap<i64, (i64, String)> = BTreeMap::new();
    for chain in chains {
        heads.insert(chain, lock_chain(tx, chain).await?);
    }
    let seqs = next_seqs(tx, events.len()).await?;
    let mut chained = Vec::with_capacity(events.len());
    for ((event, at), seq) in events.iter().zip(&seqs) {
        let chain = chain_of(event);
        let (rows, head) = heads.get_mut(&chain).ok_or(StoreError::NotFound)?;
        *rows += 1;
        let link = Link { chain, chain_seq: *rows, seq: *seq };
        let hash = chained_hash(&key, head, link, *at, event);
        chained.push((link, *at, *event, std::mem::replace(head, hash.clone()), hash));
    }
    let rows: Vec<[Value; 14]> = chained
        .iter()
        .map(|(link, at, event, prev_hash, hash)| {
            [
                Value::Int(link.seq),
                Value::Int(*at),
                Value::MaybeInt(event.actor_user_id),
                Value::MaybeText(event.actor_role.as_deref()),
                Value::MaybeInt(event.organisation_id),
                Value::Text(event.action.as_str()),
                Value::MaybeText(event.record_type.as_deref()),
                Value::MaybeText(event.record_id.as_deref()),
                Value::Text(event.outcome.as_str()),
                Value::MaybeText(event.request_id.as_deref()),
                Value::Int(link.chain),
                Value::Int(link.chain_seq),
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
        "chain",
        "chain_seq",
        "prev_hash",
        "hash",
    ];
    insert(&mut tx.tx, "audit_log", columns, &rows, false).await?;
    for (chain, (rows, head)) in heads {
        db::execute(
            &mut *tx.tx,
            "UPDATE audit_chain_heads SET row_count = $1, head = $2 WHERE chain = $3",
            (rows, head, chain),
        )
        .await?;
    }
    Ok(seqs.last().copied().unwrap_or(0))
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

/// A read transaction that sees the trail as of one moment, so that a check paging
/// through it meets every chain whole up to that moment, however its writers
/// interleave: REPEATABLE READ on PostgreSQL, a read transaction on SQLite.
pub async fn snapshot(store: &Store) -> Result<crate::Tx> {
    let mut tx = store.pool().begin().await?;
    if store.backend() == Backend::Postgres {
        db::execute(&mut *tx, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", ()).await?;
    }
    Ok(tx)
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

/// Sets PostgreSQL's sequence past the highest row, should rows have been written
/// without it (restored from elsewhere, or by a samla from before the sequence).
async fn continue_numbering(tx: &mut WriteTx) -> Result<()> {
    if tx.backend() == Backend::Postgres {
        db::execute(
            &mut *tx.tx,
            "SELECT setval('audit_log_seq', m) FROM (SELECT MAX(seq) AS m FROM audit_log) highest
             WHERE m >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM audit_log_seq)",
            (),
        )
        .await?;
    }
    Ok(())
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
    continue_numbering(&mut tx).await?;
    if let Some(existing) = seal(&mut tx.tx).await? {
        tx.commit().await?;
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
