use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::{AuditEntry, AuditEvent, Outcome};
use samla_domain::Action;
use samla_storage::audit::{self, AuditQuery};
use samla_storage::StoreError;

/// Writes one audit row in its own transaction (reads, denials, failed logins).
pub async fn record(state: &AppState, event: AuditEvent) -> Result<(), WebError> {
    let mut tx = state.store.write().await?;
    audit::append(&mut tx, &event, state.clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Searches the organisation's audit trail; the search itself is audited.
pub async fn search(state: &AppState, actor: &Actor, mut query: AuditQuery) -> Result<Vec<AuditEntry>, WebError> {
    actor.authorize(state, Action::ViewAuditLog).await?;
    query.organisation_id = actor.organisation.id;
    let mut tx = state.store.write().await?;
    audit::append(
        &mut tx,
        &actor.event("audit.search", Outcome::Success).record("audit_log", "search"),
        state.clock.now(),
    )
    .await?;
    let rows = audit::search(&mut tx.tx, &query).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Checks the whole chain; `Err` names the first row where it breaks.
pub async fn verify(
    store: &samla_storage::Store,
) -> Result<Result<usize, samla_domain::audit::ChainBreak>, StoreError> {
    let mut conn = store.pool().acquire().await?;
    let rows = audit::all(&mut conn).await?;
    Ok(samla_domain::audit::verify_chain(&rows))
}
