//! Whether a person may see a course at all: the first check of every service that works
//! on one. It imports no feature service, so every feature may use it.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::{Action, Scope};
use samla_storage::courses::{self, Course};
use samla_storage::StoreError;

/// The course, if the actor may see it: everyone with the scope of the whole
/// organisation, and people limited to their own courses only for those.
pub async fn visible_course(state: &AppState, actor: &Actor, course_id: i64) -> Result<Course, WebError> {
    let scope = actor.authorize(state, Action::ViewCourses).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let course = courses::get(&mut conn, actor.organisation.id, course_id).await?;
    if scope == Scope::AssignedCourses && !courses::works_on(&mut conn, course_id, actor.user_id).await? {
        drop(conn);
        crate::services::audit::record(
            state,
            actor.event(Action::ViewCourses.as_str(), Outcome::Denied).record("course", course_id),
        )
        .await?;
        return Err(WebError::Forbidden);
    }
    Ok(course)
}
