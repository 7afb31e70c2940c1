//! Break-the-glass. A group leader who does not work on a course opens its records for a
//! limited time after writing down why ([`open`]); while it is open the course-access
//! check lets them read the course as if they worked on it (never change it). The opening
//! is audited, and waits for the review of whoever oversees the audit trail, who sees the
//! reason and what was done while it was open, and signs it off with a comment.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::policy::{may_open_emergency_access, may_review_emergency_accesses};
use samla_domain::privacy::emergency::{review_comment, EmergencyRequest};
use samla_domain::{FieldError, FieldErrors};
use samla_storage::privacy::emergency::{self as store, ActionDuring, EmergencyAccess};
use samla_storage::{audit, courses, StoreError};

/// Most rows of the trail a review shows of one access.
pub const ACTIONS_SHOWN: i64 = 500;
/// Most accesses a list holds.
pub const LIST_LIMIT: i64 = 200;

/// Refuses, audited under `action`, and answers 403.
async fn refuse(state: &AppState, actor: &Actor, action: &str) -> WebError {
    match crate::services::audit::record(state, actor.event(action, Outcome::Denied)).await {
        Ok(()) => WebError::Forbidden,
        Err(error) => error,
    }
}

/// The courses the actor could open in an emergency: the organisation's, but their own
/// (by name and dates only; nothing of anyone on them).
pub async fn openable_courses(state: &AppState, actor: &Actor) -> Result<Vec<courses::Course>, WebError> {
    if !may_open_emergency_access(&actor.roles) {
        return Err(refuse(state, actor, "emergency_access.open").await);
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let every = courses::list(&mut conn, actor.organisation.id, None).await?;
    let own: Vec<i64> =
        courses::list(&mut conn, actor.organisation.id, Some(actor.user_id)).await?.into_iter().map(|c| c.id).collect();
    Ok(every.into_iter().filter(|c| !own.contains(&c.id)).collect())
}

/// Opens the course's records to the actor for the hours asked (a day when not said).
/// Refused (403, audited) for a role that may not; 404 for a course not of the
/// organisation; a field error when the actor works on the course already or gave no
/// reason.
pub async fn open(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    reason: &str,
    hours: Option<i64>,
) -> Result<EmergencyAccess, WebError> {
    if !may_open_emergency_access(&actor.roles) {
        return Err(refuse(state, actor, "emergency_access.open").await);
    }
    let request = EmergencyRequest::read(reason, hours);
    let mut tx = state.store.write().await?;
    let course = courses::get(&mut tx.tx, actor.organisation.id, course_id).await?;
    let mut errors = match &request {
        Err(errors) => errors.clone(),
        Ok(_) => FieldErrors::new(),
    };
    if courses::works_on(&mut tx.tx, course.id, actor.user_id).await? {
        errors.push(FieldError::new("course_id", "error-emergency-own-course"));
    }
    let request = match request {
        Ok(request) if errors.is_empty() => request,
        _ => return Err(errors.into()),
    };
    let now = state.clock.now();
    let event = actor.event("emergency_access.open", Outcome::Success).record("course", course.id);
    let seq = audit::append(&mut tx, &event, now).await?;
    let id = store::open(
        &mut tx.tx,
        actor.organisation.id,
        actor.user_id,
        course.id,
        &request.reason,
        (now, request.expires_at(now)),
        seq,
    )
    .await?;
    let access = store::get(&mut tx.tx, actor.organisation.id, id).await?;
    tx.commit().await?;
    Ok(access)
}

/// Which accesses a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    AwaitingReview,
    Reviewed,
}

/// The accesses of the organisation for a reviewer (the reading audited, since reasons
/// may speak of a person); a leader's own for the one who opened them.
pub async fn list(state: &AppState, actor: &Actor, listing: Listing) -> Result<Vec<EmergencyAccess>, WebError> {
    let reviewed = listing == Listing::Reviewed;
    if may_review_emergency_accesses(&actor.roles) {
        let mut tx =
            crate::services::audit::reading_tx(state, actor, "emergency_access.list", "emergency_accesses").await?;
        let accesses = store::list(&mut tx.tx, actor.organisation.id, reviewed, None, LIST_LIMIT).await?;
        tx.commit().await?;
        return Ok(accesses);
    }
    if may_open_emergency_access(&actor.roles) {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        return Ok(store::list(&mut conn, actor.organisation.id, reviewed, Some(actor.user_id), LIST_LIMIT).await?);
    }
    Err(refuse(state, actor, "emergency_access.list").await)
}

/// The organisation's accesses for the review list: only for a reviewer (a refusal is
/// audited), the reading audited.
pub async fn to_review(state: &AppState, actor: &Actor, listing: Listing) -> Result<Vec<EmergencyAccess>, WebError> {
    if !may_review_emergency_accesses(&actor.roles) {
        return Err(refuse(state, actor, "emergency_access.list").await);
    }
    list(state, actor, listing).await
}

/// One access with what its holder did while it was open, for a reviewer; audited.
pub async fn review(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<(EmergencyAccess, Vec<ActionDuring>), WebError> {
    if !may_review_emergency_accesses(&actor.roles) {
        return Err(refuse(state, actor, "emergency_access.read").await);
    }
    let mut tx = state.store.write().await?;
    let access = store::get(&mut tx.tx, actor.organisation.id, id).await?;
    let read = actor.event("emergency_access.read", Outcome::Success).record("emergency_access", id);
    audit::append(&mut tx, &read, state.clock.now()).await?;
    let actions = store::actions_during(&mut tx.tx, actor.organisation.id, &access, ACTIONS_SHOWN).await?;
    tx.commit().await?;
    Ok((access, actions))
}

/// Signs an access off with a comment; signing it again changes nothing (the first
/// review stays and is answered).
pub async fn sign_off(state: &AppState, actor: &Actor, id: i64, comment: &str) -> Result<EmergencyAccess, WebError> {
    if !may_review_emergency_accesses(&actor.roles) {
        return Err(refuse(state, actor, "emergency_access.sign_off").await);
    }
    let mut tx = state.store.write().await?;
    store::get(&mut tx.tx, actor.organisation.id, id).await?;
    let comment = review_comment(comment)?;
    let now = state.clock.now();
    if store::sign_off(&mut tx.tx, actor.organisation.id, id, actor.user_id, &comment, now).await? {
        let event = actor.event("emergency_access.sign_off", Outcome::Success).record("emergency_access", id);
        audit::append(&mut tx, &event, now).await?;
    }
    let access = store::get(&mut tx.tx, actor.organisation.id, id).await?;
    tx.commit().await?;
    Ok(access)
}
