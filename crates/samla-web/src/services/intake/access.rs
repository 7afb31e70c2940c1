//! Who may reach an application and who may read its sensitive parts.
//!
//! Coordinators and secretaries work with every application of the organisation;
//! group leaders with those for their own courses. The referral's contents, notes from
//! pre-conversations and full national identity numbers go only to those the policy lets
//! see sensitive data for that course: the coordinator and the course's leaders.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::Action;
use samla_storage::intake::applications::{self, Application};
use samla_storage::StoreError;

/// The application, if the actor may work with it; refusals are audited.
pub async fn visible_application(state: &AppState, actor: &Actor, id: i64) -> Result<Application, WebError> {
    let intake = actor.course_scope(state, Action::ManageIntake).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let application = applications::get(&mut conn, actor.organisation.id, id).await?;
    drop(conn);
    intake.require(state, actor, &[application.course_id], ("application", id)).await?;
    Ok(application)
}

/// Whether the actor may read the sensitive parts of an application for `course_id`.
pub async fn sees_sensitive(state: &AppState, actor: &Actor, course_id: Option<i64>) -> Result<bool, WebError> {
    actor.may_on_course(&state.clock, state.store.pool(), Action::ViewSensitivePersonalData, course_id).await
}

/// Shows only the birth date part of a national identity number (the first six digits),
/// for those who need to tell people apart but not the full number.
pub fn mask_national_id(person: &mut samla_storage::intake::households::Person) {
    if let Some(number) = person.national_id.as_mut() {
        *number = format!("{}•••••", number.chars().take(6).collect::<String>());
    }
}
