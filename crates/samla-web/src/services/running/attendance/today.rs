//! A person's sessions of today and the days ahead, each with its plan, who is expected
//! and who said they will be away: the page a leader opens in the corridor.

use super::{course_context, session_view, CourseContext, SessionView};
use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use chrono::{Duration, NaiveDate};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::{Action, Scope};
use samla_storage::courses;
use samla_storage::running::attendance as store;
use samla_storage::StoreError;
use std::collections::HashMap;

/// How many days after today the page looks ahead.
pub const TODAY_DAYS: i64 = 14;

pub struct TodayView {
    pub today: NaiveDate,
    pub last_day: NaiveDate,
    /// The person works on no course and sees the whole organisation's sessions.
    pub whole_organisation: bool,
    pub sessions: Vec<SessionView>,
}

/// The sessions of the courses the person works on, from today to `days` days ahead;
/// someone who may see every course and works on none sees the organisation's. Names
/// shown are audited, one row per session.
pub async fn today(state: &AppState, actor: &Actor, days: i64) -> Result<TodayView, WebError> {
    let seeing = actor.course_scope(state, Action::ViewCourses).await?;
    let today = actor.organisation.today(&state.clock);
    let last_day = today + Duration::days(days.clamp(0, 60));
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let works_somewhere = store::works_on_any(&mut conn, actor.organisation.id, actor.user_id).await?;
    let whole_organisation = !works_somewhere && seeing.scope() == Scope::Organisation;
    let only = (!whole_organisation).then_some(actor.user_id);
    let rows =
        store::sessions_between(&mut conn, actor.organisation.id, only, &today.to_string(), &last_day.to_string())
            .await?;
    let mut courses = Vec::new();
    for course_id in rows.iter().map(|s| s.course_id) {
        if !courses.iter().any(|c: &courses::Course| c.id == course_id) {
            courses.push(courses::get(&mut conn, actor.organisation.id, course_id).await?);
        }
    }
    // The scope is checked, and a refusal audited, with no connection held: a request that
    // waits for a second connection while it holds one starves the pool under load.
    drop(conn);
    let mut allowed = Vec::with_capacity(courses.len());
    for course in courses {
        let id = course.id;
        allowed.push(seeing.found(state, actor, course, ("course", id)).await?);
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut contexts: HashMap<i64, CourseContext> = HashMap::new();
    for course in allowed {
        let id = course.id;
        contexts.insert(id, course_context(state, &mut conn, actor, course).await?);
    }
    let mut sessions = Vec::with_capacity(rows.len());
    for session in rows {
        let context = contexts.get(&session.course_id).ok_or(WebError::NotFound)?;
        sessions.push(session_view(&mut conn, context, session, today).await?);
    }
    drop(conn);
    // Audited with the reads of other requests (group commit), not in a write of its own.
    let named: Vec<AuditEvent> = sessions
        .iter()
        .filter(|s| s.access.names)
        .map(|s| actor.event("attendance.read", Outcome::Success).record("session", s.session.id))
        .collect();
    if !named.is_empty() {
        crate::services::audit::record_all(state, named).await?;
    }
    Ok(TodayView { today, last_day, whole_organisation, sessions })
}
