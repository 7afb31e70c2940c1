//! How long a retried API call with an `Idempotency-Key` gets its first answer back.

use crate::error::WebError;
use crate::AppState;
use samla_storage::idempotency;

/// A client retrying after a lost answer does so within minutes; a day leaves room for a
/// phone that was offline overnight, and then the saved answer (which may hold personal
/// data) is dropped.
pub const KEEP_SECONDS: i64 = 24 * 60 * 60;

/// Drops the saved answers older than [`KEEP_SECONDS`]; returns how many.
pub async fn forget_expired(state: &AppState) -> Result<u64, WebError> {
    let mut tx = state.store.write().await?;
    let forgotten = idempotency::forget_before(&mut tx.tx, state.clock.now() - KEEP_SECONDS).await?;
    tx.commit().await?;
    Ok(forgotten)
}
