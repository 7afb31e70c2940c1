use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::{
    Anchor, AuditEntry, AuditEvent, ChainBreak, ChainVerifier, Outcome, SignedAnchor, VerifiedChain,
};
use samla_domain::Action;
use samla_storage::audit::{self, AuditQuery};
use samla_storage::{StoreError, WriteTx};

mod group_commit;

pub use group_commit::AuditWriter;

/// Writes one audit row of its own (reads, denials, failed logins), returning once it is
/// committed; rows written at the same moment share a commit ([`AuditWriter`]).
pub async fn record(state: &AppState, event: AuditEvent) -> Result<(), WebError> {
    state.audit_writer.write(event, state.clock.now()).await
}

/// [`record`] for several rows at once, e.g. one per session a page shows names of.
pub async fn record_all(state: &AppState, events: Vec<AuditEvent>) -> Result<(), WebError> {
    state.audit_writer.write_all(events, state.clock.now()).await
}

/// Ends a change made in `tx`: the actor's successful `action` on the record joins the
/// trail (at `now`) in the same transaction, which then commits (both or neither).
pub async fn commit_done(
    mut tx: WriteTx,
    actor: &Actor,
    action: &str,
    (record_type, record_id): (&str, impl ToString),
    now: i64,
) -> Result<(), WebError> {
    audit::append(&mut tx, &actor.event(action, Outcome::Success).record(record_type, record_id), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Searches the organisation's audit trail; the search itself is audited.
pub async fn search(state: &AppState, actor: &Actor, mut query: AuditQuery) -> Result<Vec<AuditEntry>, WebError> {
    actor.authorize(state, Action::ViewAuditLog).await?;
    query.organisation_id = actor.organisation.id;
    let mut tx = reading_tx(state, actor, "audit.search", "search").await?;
    let rows = audit::search(&mut tx.tx, &query).await?;
    tx.commit().await?;
    Ok(rows)
}

/// A transaction for reading the audit trail in which the reading itself (`action`, on
/// the trail's `what`) is recorded first, so it commits with what was read.
pub async fn reading_tx(state: &AppState, actor: &Actor, action: &str, what: &str) -> Result<WriteTx, WebError> {
    let mut tx = state.store.write().await?;
    audit::append(&mut tx, &actor.event(action, Outcome::Success).record("audit_log", what), state.clock.now()).await?;
    Ok(tx)
}

/// Rows read at a time while verifying.
const VERIFY_PAGE: i64 = 1000;

/// Checks the whole trail against the store's audit key, the seal and `anchors` (each
/// with its line number in the anchors file), a page of rows at a time; `Err` inside
/// names the first place where it breaks.
pub async fn verify(
    store: &samla_storage::Store,
    anchors: Vec<(usize, SignedAnchor)>,
) -> Result<Result<VerifiedChain, ChainBreak>, StoreError> {
    let key = store.audit_key().ok_or(StoreError::NoAuditKey)?;
    let mut conn = audit::snapshot(store).await?;
    let seal = audit::seal(&mut conn).await?;
    let mut verifier = match ChainVerifier::new(key, seal, anchors) {
        Ok(verifier) => verifier,
        Err(broken) => return Ok(Err(broken)),
    };
    let mut after = 0;
    loop {
        let page = audit::page_after(&mut conn, after, VERIFY_PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for row in &page {
            if let Err(broken) = verifier.push(row) {
                return Ok(Err(broken));
            }
        }
    }
    Ok(verifier.finish())
}

/// Every chain's head now, signed with the store's audit key, for the anchors file and the
/// log.
pub async fn anchor(store: &samla_storage::Store, now: i64) -> Result<SignedAnchor, StoreError> {
    let key = store.audit_key().ok_or(StoreError::NoAuditKey)?;
    let mut conn = audit::snapshot(store).await?;
    let keyed_from = audit::seal(&mut conn).await?.map_or(1, |seal| seal.keyed_from_seq);
    let chains = audit::chain_heads(&mut conn).await?;
    Ok(SignedAnchor::sign(key, Anchor { at: now, keyed_from, chains }))
}
