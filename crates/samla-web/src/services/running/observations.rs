//! Observations about one participant: sensitive notes a leader makes about one person.
//! Read only by those who see sensitive personal data on the course (its group leaders,
//! the coordinator), every read audited as `observation.read` with the participant's id;
//! written by those who record session work on the course. User representatives and
//! secretaries never reach them, nor any count of them.

use super::access::is_closed;
use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::running::observation::parse_observation;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::{self, Course, CourseSession};
use samla_storage::running::observations::{self as store, NewObservation, Observation, Observed};
use samla_storage::{audit, StoreError};

/// What the observations page shows about one participant.
pub struct ObservationsView {
    pub course: Course,
    pub participant: Observed,
    /// Newest first.
    pub observations: Vec<Observation>,
    /// The course's sessions and meetings that have not been cancelled, in time order,
    /// each with its number among the sessions (meetings have none): what an observation
    /// can be about.
    pub sessions: Vec<(CourseSession, Option<usize>)>,
    pub may_write: bool,
}

async fn participant_of(state: &AppState, course_id: i64, participant_id: i64) -> Result<Observed, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    store::participants(&mut conn, course_id)
        .await?
        .into_iter()
        .find(|p| p.id == participant_id)
        .ok_or(WebError::NotFound)
}

/// The observations about one participant; the read is audited.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
) -> Result<ObservationsView, WebError> {
    let course = actor.on_course(state, Action::ViewSensitivePersonalData, course_id).await?.into_course();
    let participant = participant_of(state, course_id, participant_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let observations = store::about(&mut conn, course_id, participant_id).await?;
    let mut number = 0;
    let mut sessions = Vec::new();
    for session in courses::sessions(&mut conn, course_id).await? {
        let is_session = session.kind.is_session();
        if is_session {
            number += 1;
        }
        if !session.status.is_cancelled() {
            sessions.push((session, is_session.then_some(number)));
        }
    }
    drop(conn);
    actor.record_read(state, "observation.read", "participant", participant_id).await?;
    let may_write = actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?;
    Ok(ObservationsView { course, participant, observations, sessions, may_write })
}

/// Writes an observation about a participant, optionally about one session or meeting
/// of the course.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
    body: &str,
    session_id: Option<i64>,
) -> Result<i64, WebError> {
    let course = actor.on_course(state, Action::RecordSessionWork, course_id).await?;
    participant_of(state, course_id, participant_id).await?;
    let mut errors = FieldErrors::new();
    if is_closed(&course) {
        errors.push(FieldError::new("body", "error-course-closed"));
    }
    let body = errors.take(parse_observation(body));
    let mut tx = state.store.write().await?;
    if let Some(session_id) = session_id {
        let found = courses::session(&mut tx.tx, course_id, session_id).await;
        if !matches!(found, Ok(ref s) if !s.status.is_cancelled()) {
            errors.push(FieldError::new("session_id", "error-observation-session"));
        }
    }
    errors.finish(|| ())?;
    let now = state.clock.now();
    let new = NewObservation {
        course_id,
        participant_id,
        session_id,
        body: body.as_deref().unwrap_or_default(),
        written_by: actor.user_id,
    };
    let id = store::add(&mut tx.tx, &new, now).await?;
    let event = actor.event("observation.create", Outcome::Success).record("participant", participant_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The observation the actor has just written, as stored (its text is what they sent, so
/// handing it back is not a read of someone else's note).
pub async fn written(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
    id: i64,
) -> Result<Observation, WebError> {
    actor.on_course(state, Action::RecordSessionWork, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let found = store::get(&mut conn, course_id, participant_id, id).await?;
    if found.written_by != actor.user_id {
        return Err(WebError::NotFound);
    }
    Ok(found)
}

/// Whether the actor may both read and write observations on the course (what a page
/// needs before it offers the way to them).
pub async fn may_observe(state: &AppState, actor: &Actor, course_id: i64) -> Result<bool, WebError> {
    Ok(actor.may_on_course(&state.clock, state.store.pool(), Action::ViewSensitivePersonalData, course_id).await?
        && actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?)
}

/// The participants expected at a session (not those who dropped out before its day),
/// by name, for a leader choosing whom to write an observation about. Showing the names is
/// audited as a read of the course's participants.
pub async fn participants_at(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session: &CourseSession,
) -> Result<Vec<Observed>, WebError> {
    actor.on_course(state, Action::ViewSensitivePersonalData, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let expected: Vec<Observed> = store::participants(&mut conn, course_id)
        .await?
        .into_iter()
        .filter(|p| {
            !p.status.is_dropped_out() || p.dropped_out_on.as_deref().is_none_or(|day| day > session.date.as_str())
        })
        .collect();
    drop(conn);
    actor.record_read(state, "course.participants", "course", course_id).await?;
    Ok(expected)
}
