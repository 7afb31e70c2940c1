//! Whether the policy's answer for an action reaches one course: everywhere in the
//! organisation, or only the courses the person works on. Every running service asks
//! here, so the rule is written once.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::{Action, Decision, Scope};
use samla_storage::courses::{self, Course};
use samla_storage::StoreError;
use sqlx::AnyConnection;

/// Whether the actor may do `action` on this course, without auditing (for deciding what
/// a page offers).
pub async fn allowed_on(
    conn: &mut AnyConnection,
    actor: &Actor,
    action: Action,
    course_id: i64,
) -> Result<bool, WebError> {
    Ok(match actor.roles.decide(action) {
        Decision::Deny => false,
        Decision::Allow(Scope::Organisation) => true,
        Decision::Allow(Scope::AssignedCourses) => courses::works_on(conn, course_id, actor.user_id).await?,
    })
}

/// [`allowed_on`] on a connection of its own.
pub async fn allowed_on_course(
    state: &AppState,
    actor: &Actor,
    action: Action,
    course_id: i64,
) -> Result<bool, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    allowed_on(&mut conn, actor, action, course_id).await
}

/// As [`allowed_on_course`], but a refusal is audited and answers 403.
pub async fn require_on_course(
    state: &AppState,
    actor: &Actor,
    action: Action,
    course_id: i64,
) -> Result<(), WebError> {
    actor.authorize(state, action).await?;
    if !allowed_on_course(state, actor, action, course_id).await? {
        refuse(state, actor, action, course_id).await?;
        return Err(WebError::Forbidden);
    }
    Ok(())
}

/// The course, if the actor may do `action` on it; a refusal is audited and answers 403,
/// a course of another organisation 404.
pub async fn course_for(state: &AppState, actor: &Actor, action: Action, course_id: i64) -> Result<Course, WebError> {
    let scope = actor.authorize(state, action).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let course = courses::get(&mut conn, actor.organisation.id, course_id).await?;
    if scope == Scope::AssignedCourses && !courses::works_on(&mut conn, course_id, actor.user_id).await? {
        drop(conn);
        refuse(state, actor, action, course_id).await?;
        return Err(WebError::Forbidden);
    }
    Ok(course)
}

async fn refuse(state: &AppState, actor: &Actor, action: Action, course_id: i64) -> Result<(), WebError> {
    crate::services::audit::record(state, actor.event(action.as_str(), Outcome::Denied).record("course", course_id))
        .await
}

/// Whether nothing more may be recorded on the course.
pub fn is_closed(course: &Course) -> bool {
    course.status.is_closed()
}
