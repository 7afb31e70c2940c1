//! Who may reach an application and who may read its sensitive parts.
//!
//! Coordinators and secretaries work with every application of the organisation;
//! group leaders with those for their own courses. The referral's contents, notes from
//! pre-conversations and full national identity numbers go only to those the policy lets
//! see sensitive data for that course: the coordinator and the course's leaders.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::{Action, Decision, Scope};
use samla_storage::intake::applications::{self, Application};
use samla_storage::{courses, StoreError};

/// The application, if the actor may work with it; refusals are audited.
pub async fn visible_application(state: &AppState, actor: &Actor, id: i64) -> Result<Application, WebError> {
    let scope = actor.authorize(state, Action::ManageIntake).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let application = applications::get(&mut conn, actor.organisation.id, id).await?;
    if scope == Scope::AssignedCourses && !works_on(&mut conn, actor, application.course_id).await? {
        drop(conn);
        crate::services::audit::record(
            state,
            actor.event(Action::ManageIntake.as_str(), Outcome::Denied).record("application", id),
        )
        .await?;
        return Err(WebError::Forbidden);
    }
    Ok(application)
}

async fn works_on(conn: &mut sqlx::AnyConnection, actor: &Actor, course_id: Option<i64>) -> Result<bool, WebError> {
    Ok(match course_id {
        Some(course_id) => courses::works_on(conn, course_id, actor.user_id).await?,
        None => false,
    })
}

/// Whether the actor may read the sensitive parts of an application for `course_id`.
pub async fn sees_sensitive(state: &AppState, actor: &Actor, course_id: Option<i64>) -> Result<bool, WebError> {
    Ok(match actor.roles.decide(Action::ViewSensitivePersonalData) {
        Decision::Deny => false,
        Decision::Allow(Scope::Organisation) => true,
        Decision::Allow(Scope::AssignedCourses) => {
            let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
            works_on(&mut conn, actor, course_id).await?
        }
    })
}

/// The course ids a person limited to their own courses works on, or None for the
/// whole organisation.
pub async fn course_limit(state: &AppState, actor: &Actor, scope: Scope) -> Result<Option<Vec<i64>>, WebError> {
    if scope == Scope::Organisation {
        return Ok(None);
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mine = courses::list(&mut conn, actor.organisation.id, Some(actor.user_id)).await?;
    Ok(Some(mine.into_iter().map(|c| c.id).collect()))
}

/// Shows only the birth date part of a national identity number (the first six digits),
/// for those who need to tell people apart but not the full number.
pub fn mask_national_id(person: &mut samla_storage::intake::households::Person) {
    if let Some(number) = person.national_id.as_mut() {
        *number = format!("{}•••••", number.chars().take(6).collect::<String>());
    }
}
