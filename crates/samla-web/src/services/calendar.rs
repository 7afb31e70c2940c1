//! Calendar feeds (iCalendar) of a course, or of one staff member's sessions across
//! courses, at secret addresses that can be replaced (revoking the old one). Feeds
//! carry times, titles and places only: never participant data.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::AppState;
use chrono::{NaiveDate, NaiveTime};
use samla_domain::audit::Outcome;
use samla_domain::planning::ical::{calendar, CalendarEvent};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::Action;
use samla_storage::calendar_feeds::{self, Feed};
use samla_storage::courses::{self, CourseSession};
use samla_storage::{audit, StoreError};

/// A new secret feed address for a course (planners) or for the actor's own sessions.
/// The previous address of the same feed stops working.
pub async fn new_feed(state: &AppState, actor: &Actor, course_id: Option<i64>) -> Result<String, WebError> {
    let user_id = match course_id {
        Some(id) => {
            actor.authorize(state, Action::PlanCourses).await?;
            actor.on_course(state, Action::ViewCourses, id).await?;
            None
        }
        None => {
            actor.authorize(state, Action::ManageOwnAccount).await?;
            Some(actor.user_id)
        }
    };
    let secret = random_token(32);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    calendar_feeds::replace(&mut tx.tx, &hash_secret(&secret), actor.organisation.id, user_id, course_id, now).await?;
    let record = course_id.map(|id| ("course", id)).unwrap_or(("user", actor.user_id));
    audit::append(&mut tx, &actor.event("calendar.feed.create", Outcome::Success).record(record.0, record.1), now)
        .await?;
    tx.commit().await?;
    Ok(format!("{}/calendar/{secret}.ics", state.config.public_url.trim_end_matches('/')))
}

pub async fn revoke_feed(state: &AppState, actor: &Actor, course_id: Option<i64>) -> Result<(), WebError> {
    let user_id = match course_id {
        Some(id) => {
            actor.authorize(state, Action::PlanCourses).await?;
            actor.on_course(state, Action::ViewCourses, id).await?;
            None
        }
        None => Some(actor.user_id),
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    calendar_feeds::revoke(&mut tx.tx, actor.organisation.id, user_id, course_id, now).await?;
    let record = course_id.map(|id| ("course", id)).unwrap_or(("user", actor.user_id));
    audit::append(&mut tx, &actor.event("calendar.feed.revoke", Outcome::Success).record(record.0, record.1), now)
        .await?;
    tx.commit().await?;
    Ok(())
}

fn event(
    course_name: &str,
    venue: &str,
    session: &CourseSession,
    number: Option<usize>,
    stamp: i64,
) -> Option<CalendarEvent> {
    let title = match (session.title.is_empty(), number) {
        (false, _) => session.title.clone(),
        (true, Some(n)) => format!("{n}"),
        (true, None) => String::new(),
    };
    Some(CalendarEvent {
        uid: format!("course-session-{}@samla", session.id),
        summary: if title.is_empty() { course_name.to_string() } else { format!("{course_name}: {title}") },
        location: format!("{venue}, {}", session.room),
        date: NaiveDate::parse_from_str(&session.date, "%Y-%m-%d").ok()?,
        start: NaiveTime::parse_from_str(&session.start_time, "%H:%M").ok()?,
        end: NaiveTime::parse_from_str(&session.end_time, "%H:%M").ok()?,
        cancelled: session.status.is_cancelled(),
        stamp,
    })
}

/// The feed behind a secret address, as iCalendar text; an unknown or revoked address
/// is not found.
pub async fn feed(state: &AppState, secret: &str) -> Result<String, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let Some(Feed { organisation_id, user_id, course_id }) =
        calendar_feeds::find_live(&mut conn, &hash_secret(secret)).await?
    else {
        return Err(WebError::NotFound);
    };
    let organisation = OrgContext::load(&mut conn, organisation_id).await?;
    let tz = organisation.timezone().name();
    let stamp = state.clock.now();
    let course_ids: Vec<i64> = match (course_id, user_id) {
        (Some(id), _) => vec![id],
        (None, Some(user)) => {
            courses::list(&mut conn, organisation_id, Some(user)).await?.iter().map(|c| c.id).collect()
        }
        (None, None) => Vec::new(),
    };
    let mut events = Vec::new();
    let mut name = organisation.name.clone();
    for id in course_ids {
        let course = courses::get(&mut conn, organisation_id, id).await?;
        if course_id.is_some() {
            name = course.name.clone();
        }
        let sessions = courses::sessions(&mut conn, id).await?;
        let mut number = 0;
        for session in &sessions {
            let n = session.kind.is_session().then(|| {
                number += 1;
                number
            });
            if let Some(event) = event(&course.name, &course.venue, session, n, stamp) {
                events.push(event);
            }
        }
    }
    Ok(calendar(&name, tz, &events))
}
