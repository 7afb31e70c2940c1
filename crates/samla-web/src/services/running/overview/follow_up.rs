//! Absence follow-up: a task for a leader to contact the family once a participant's
//! absences in a row reach the organisation's threshold, made in the same transaction as
//! the attendance save that reached it; completing it with what came of the contact.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::course_access::CourseScope;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::running::attendance::Attendance;
use samla_domain::running::follow_up::{task_due, KnownTask};
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::running::overview::{self as store, CourseParticipant, FollowUpTask, OpenTask};
use samla_storage::{audit, StoreError, WriteTx};

/// Most characters in what came of a contact.
pub const OUTCOME_MAX_CHARS: usize = 500;

/// Makes the follow-up tasks the course's attendance now calls for: one for each active
/// participant whose absences in a row reached the threshold, unless a task for this
/// run of absences exists (open, or done since they last came). Runs inside the
/// transaction that saves a sheet, so the task and the absence that caused it commit
/// together. Returns how many tasks were made.
pub async fn open_follow_up_tasks(
    tx: &mut WriteTx,
    organisation_id: i64,
    course_id: i64,
    now: i64,
) -> Result<usize, WebError> {
    let threshold = super::threshold(&mut tx.tx, organisation_id).await?;
    if threshold == 0 {
        return Ok(0);
    }
    let held = store::held_sessions(&mut tx.tx, course_id).await?;
    let entries = store::entries(&mut tx.tx, course_id).await?;
    let tasks = store::tasks(&mut tx.tx, course_id).await?;
    let mut made = 0;
    for participant in store::participants(&mut tx.tx, course_id).await?.iter().filter(|p| p.status.is_active()) {
        // (attendance, when its sheet was saved) for each held session they were on.
        let marks: Vec<(Attendance, i64)> = held
            .iter()
            .filter_map(|session| {
                let entry = entries
                    .iter()
                    .find(|e| e.session_id == session.session_id && e.participant_id == participant.id)?;
                Some((Attendance::parse(&entry.attendance)?, session.saved_at))
            })
            .collect();
        let history: Vec<Option<Attendance>> = marks.iter().map(|(a, _)| Some(*a)).collect();
        let last_attended = marks.iter().rev().find(|(a, _)| a.attended()).map(|(_, saved_at)| *saved_at);
        let known: Vec<KnownTask> = tasks
            .iter()
            .filter(|t| t.participant_id == participant.id)
            .map(|t| KnownTask { created_at: t.created_at, open: t.done_at.is_none() })
            .collect();
        if let Some(absences) = task_due(&history, threshold, last_attended, &known) {
            store::create_task(&mut tx.tx, course_id, participant.id, i64::from(absences), now).await?;
            made += 1;
        }
    }
    Ok(made)
}

/// Records that the family was contacted and what came of it (audited as
/// `follow_up.complete`); a task already done is refused. `about` is the course and
/// participant the task must be about, when the caller came through their page.
pub async fn complete_follow_up(
    state: &AppState,
    actor: &Actor,
    task_id: i64,
    outcome: &str,
    about: Option<(i64, i64)>,
) -> Result<(FollowUpTask, CourseParticipant), WebError> {
    let recording = actor.course_scope(state, Action::RecordSessionWork).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let task = store::task(&mut conn, actor.organisation.id, task_id).await?;
    drop(conn);
    if about.is_some_and(|expected| expected != (task.course_id, task.participant_id)) {
        return Err(WebError::NotFound);
    }
    recording.require(state, actor, &[Some(task.course_id)], ("course", task.course_id)).await?;
    let outcome = required_line("outcome", outcome, OUTCOME_MAX_CHARS).map_err(FieldErrors::single)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if !store::complete_task(&mut tx.tx, task_id, actor.user_id, &outcome, now).await? {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("outcome", "error-follow-up-done"))));
    }
    audit::append(&mut tx, &actor.event("follow_up.complete", Outcome::Success).record("follow_up_task", task_id), now)
        .await?;
    let task = store::task(&mut tx.tx, actor.organisation.id, task_id).await?;
    let participant = store::participant(&mut tx.tx, task.course_id, task.participant_id).await?;
    tx.commit().await?;
    Ok((task, participant))
}

/// Every follow-up task of a course with the participant it is about, newest first;
/// for those who may see the course's participants (audited as `follow_up.list`).
pub async fn follow_up_tasks(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
) -> Result<Vec<(FollowUpTask, CourseParticipant)>, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?;
    let course = course.also(state, actor, Action::ViewParticipantContacts).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let participants = store::participants(&mut conn, course.id).await?;
    let tasks = store::tasks(&mut conn, course.id).await?;
    drop(conn);
    actor.record_read(state, "follow_up.list", "course", course.id).await?;
    Ok(tasks
        .into_iter()
        .filter_map(|task| {
            let participant = participants.iter().find(|p| p.id == task.participant_id)?.clone();
            Some((task, participant))
        })
        .collect())
}

/// The open tasks on a person's home page.
pub struct HomeTasks {
    pub tasks: Vec<OpenTask>,
    /// Whether the participants may be named.
    pub names: bool,
}

/// Open follow-up tasks of the courses the actor records session work for: the whole
/// organisation's, or the courses they work on. A read of names is audited.
pub async fn home_tasks(state: &AppState, actor: &Actor) -> Result<HomeTasks, WebError> {
    let Some(recording) = CourseScope::decide(actor, Action::RecordSessionWork) else {
        return Ok(HomeTasks { tasks: Vec::new(), names: false });
    };
    let only = recording.limited_to(actor);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let tasks = store::open_tasks(&mut conn, actor.organisation.id, only).await?;
    drop(conn);
    let names = actor.roles.may(Action::ViewParticipantContacts);
    if names && !tasks.is_empty() {
        actor.record_read(state, "follow_up.list", "organisation", actor.organisation.id).await?;
    }
    Ok(HomeTasks { tasks, names })
}
