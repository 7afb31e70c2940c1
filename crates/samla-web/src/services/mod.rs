//! The use cases pages and API share. Each public function is one business operation:
//! it checks its input through the domain, writes in one transaction and adds its audit
//! rows to that same transaction.

pub mod accounts;
pub mod audit;
pub mod calendar;
pub mod course_access;
pub mod courses;
pub mod dates;
pub mod holidays;
pub mod idempotency;
pub mod imports;
pub mod intake;
pub mod login;
pub mod organisations;
pub mod outbox;
pub mod privacy;
pub mod programmes;
pub mod questionnaires;
pub mod reports;
pub mod running;
pub mod setup;
pub mod staff_directory;
pub mod statistics;
pub mod submissions;

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::Action;

/// A connection for reading, once the actor is allowed `action`.
pub(crate) async fn authorized_conn(
    state: &AppState,
    actor: &Actor,
    action: Action,
) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, WebError> {
    actor.authorize(state, action).await?;
    Ok(state.store.pool().acquire().await.map_err(samla_storage::StoreError::from)?)
}
