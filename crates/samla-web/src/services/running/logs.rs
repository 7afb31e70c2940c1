//! The session log and homework. Both are group-level: the log (GJORT / LÆRT / LURT,
//! deviations, which planned parts were done, a note for next time) and the homework
//! given and reviewed are read by the course's working group, user representatives
//! included, and coordinators (`ViewSessionRecords`; not secretaries), and written by
//! those who record session work on the course (`RecordSessionWork`). Nothing here is about one participant; that is an observation.
//!
//! Reading a log is not audited: it holds no personal data by design (the page says so
//! where it is written). Every write is one transaction with its audit row.

use super::access::is_closed;
use super::Replaces;
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::services::course_access::OnCourse;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::programmes::{Manual, Segment, SessionPlan};
use samla_domain::running::homework as homework_rules;
use samla_domain::running::log::{self as log_rules, SessionLog};
use samla_domain::running::log_window::check_log_open;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::{self, Course, CourseSession};
use samla_storage::running::homework::{self as homework_store, Homework};
use samla_storage::running::logs::{self as store, LogText, StoredLog};
use samla_storage::{audit, programmes, StoreError};
use sqlx::AnyConnection;

/// The course a session of the organisation belongs to (for the API's session paths).
pub async fn course_of_session(state: &AppState, actor: &Actor, session_id: i64) -> Result<i64, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::course_of_session(&mut conn, actor.organisation.id, session_id).await?)
}

/// One session of a course, placed among the others.
#[derive(Debug, Clone)]
pub struct SessionInCourse {
    pub session: CourseSession,
    /// 1, 2, 3 … among the course's sessions (cancelled ones keep their number).
    pub number: usize,
    /// The session's plan from the programme's manual, if it follows one.
    pub plan: Option<SessionPlan>,
    /// The last session before this one that was not cancelled, with its number.
    pub previous: Option<(CourseSession, usize)>,
    /// Every session and meeting of the course, in time order.
    pub all: Vec<CourseSession>,
}

impl SessionInCourse {
    /// The planned elements: the plan's segments in order.
    pub fn elements(&self) -> &[Segment] {
        self.plan.as_ref().map(|p| p.segments.as_slice()).unwrap_or(&[])
    }

    pub fn position_of(&self, session_id: i64) -> Option<usize> {
        self.all.iter().position(|s| s.id == session_id)
    }
}

/// Places a session among the course's others; a meeting or another course's session is
/// not found (meetings have a record of their own, not a log).
pub async fn locate(conn: &mut AnyConnection, course: &OnCourse, session_id: i64) -> Result<SessionInCourse, WebError> {
    let all = courses::sessions(conn, course.id).await?;
    let index = all.iter().position(|s| s.id == session_id && s.kind.is_session()).ok_or(WebError::NotFound)?;
    let number_at = |i: usize| all[..=i].iter().filter(|s| s.kind.is_session()).count();
    let previous = all[..index]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, s)| s.kind.is_session() && !s.status.is_cancelled())
        .map(|(i, s)| (s.clone(), number_at(i)));
    let session = all[index].clone();
    let plan = match session.programme_session {
        Some(number) => {
            let version = programmes::version_by_id(conn, course.programme_version_id).await?;
            let manual: Manual =
                serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
            u32::try_from(number).ok().and_then(|n| manual.session(n)).cloned()
        }
        None => None,
    };
    Ok(SessionInCourse { number: number_at(index), session, plan, previous, all })
}

/// Whether the log of this session can be written now, as a field error when not.
pub fn log_window(state: &AppState, actor: &Actor, course: &Course, session: &CourseSession) -> Result<(), FieldError> {
    if is_closed(course) {
        return Err(FieldError::new("session", "error-course-closed"));
    }
    let date = crate::services::courses::parse_date(&session.date).unwrap_or_default();
    check_log_open(date, session.status.is_cancelled(), actor.organisation.today(&state.clock))
}

/// Everything the log page and the API show about one session's log and homework.
pub struct LogView {
    pub course: Course,
    pub at: SessionInCourse,
    pub log: Option<StoredLog>,
    /// In percent, once a log with planned elements is written.
    pub fidelity: Option<u32>,
    /// The previous session's note for next time, when it left one.
    pub previous_note: Option<String>,
    /// Homework given at this session.
    pub given: Vec<Homework>,
    /// Homework given at the previous session, to review at this one.
    pub to_review: Vec<Homework>,
    /// The plan's homework, offered when none has been given at this session yet.
    pub suggestion: Option<String>,
    /// Whether the actor records session work on this course.
    pub may_write: bool,
    /// Why the log cannot be written now (course closed, session cancelled or still to
    /// come), if so.
    pub closed: Option<FieldError>,
}

impl LogView {
    /// The stored log's version; 0 when none is written yet.
    pub fn version(&self) -> i64 {
        self.log.as_ref().map(|l| l.version).unwrap_or(0)
    }

    /// The stored log as the domain knows it (an empty one with no marks ticked when none
    /// is written yet).
    pub fn current(&self) -> SessionLog {
        match &self.log {
            Some(log) => as_domain(log),
            None => SessionLog { elements_done: vec![false; self.at.elements().len()], ..SessionLog::default() },
        }
    }
}

pub fn as_domain(log: &StoredLog) -> SessionLog {
    SessionLog {
        done: log.done.clone(),
        learned: log.learned.clone(),
        noticed: log.noticed.clone(),
        deviations: log.deviations.clone(),
        next_time: log.next_time.clone(),
        elements_done: log.elements_done(),
    }
}

/// A session's log and homework, for anyone in the course's working group.
pub async fn view(state: &AppState, actor: &Actor, course_id: i64, session_id: i64) -> Result<LogView, WebError> {
    let course = actor.on_course(state, Action::ViewSessionRecords, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let at = locate(&mut conn, &course, session_id).await?;
    let log = store::get(&mut conn, session_id).await?;
    let previous_note = match &at.previous {
        Some((previous, _)) => store::get(&mut conn, previous.id).await?.map(|l| l.next_time).filter(|n| !n.is_empty()),
        None => None,
    };
    let given = homework_store::given_at(&mut conn, session_id).await?;
    let to_review = match &at.previous {
        Some((previous, _)) => homework_store::given_at(&mut conn, previous.id).await?,
        None => Vec::new(),
    };
    drop(conn);
    let suggestion = at.plan.as_ref().and_then(|p| p.homework.clone()).filter(|_| given.is_empty());
    let fidelity = log.as_ref().and_then(|l| log_rules::fidelity(&l.elements_done()));
    let may_write = actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?;
    let closed = log_window(state, actor, &course, &at.session).err();
    Ok(LogView {
        course: course.into_course(),
        at,
        log,
        fidelity,
        previous_note,
        given,
        to_review,
        suggestion,
        may_write,
        closed,
    })
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub version: i64,
    pub fidelity: Option<u32>,
}

/// Saves the whole log of a session. `expected_version` is the version the writer saw
/// (0: none written yet); if someone saved in between, the answer is [`WebError::Stale`]
/// and nothing is written, unless the stored log is already exactly this one (the same
/// save sent twice), which answers as the first did. `None` (an API caller named no
/// version although a log is written) is [`WebError::PreconditionRequired`], again unless
/// the stored log is exactly this one.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    typed: SessionLog,
    expected_version: Option<Replaces>,
) -> Result<Saved, WebError> {
    let course = actor.on_course(state, Action::RecordSessionWork, course_id).await?;
    let mut tx = state.store.write().await?;
    let at = locate(&mut tx.tx, &course, session_id).await?;
    log_window(state, actor, &course, &at.session).map_err(FieldErrors::single)?;
    let log = log_rules::parse_log(typed, at.elements().len()).map_err(FieldErrors)?;
    if log.is_blank() {
        return Err(FieldErrors::single(FieldError::new("done", "error-log-blank")).into());
    }
    let text = LogText {
        done: &log.done,
        learned: &log.learned,
        noticed: &log.noticed,
        deviations: &log.deviations,
        next_time: &log.next_time,
        elements_done: &log.elements_done,
    };
    let now = state.clock.now();
    let fidelity = log_rules::fidelity(&log.elements_done);
    let expected_version = match expected_version {
        Some(Replaces::Version(version)) => version,
        Some(Replaces::AnySaved) => {
            store::hold(&mut tx, session_id).await?;
            store::get(&mut tx.tx, session_id).await?.map(|stored| stored.version).ok_or(WebError::Stale)?
        }
        None => match store::get(&mut tx.tx, session_id).await? {
            Some(stored) if as_domain(&stored) == log => return Ok(Saved { version: stored.version, fidelity }),
            Some(_) => return Err(WebError::PreconditionRequired),
            None => 0,
        },
    };
    let version = match store::save(&mut tx.tx, session_id, &text, expected_version, actor.user_id, now).await {
        Ok(version) => version,
        Err(StoreError::Stale) => {
            return match store::get(&mut tx.tx, session_id).await? {
                Some(stored) if as_domain(&stored) == log => Ok(Saved { version: stored.version, fidelity }),
                _ => Err(WebError::Stale),
            };
        }
        Err(other) => return Err(other.into()),
    };
    let event = actor.event("session_log.write", Outcome::Success).record("session", session_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(Saved { version, fidelity })
}

/// Per session of a course: whether its log is written, and how faithful to the plan it
/// was. For overviews and reminders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogStatus {
    pub session_id: i64,
    pub written_at: Option<i64>,
    pub fidelity: Option<u32>,
}

/// The log status of every session (not meetings) of a course, in time order; allowed to
/// the course's working group.
pub async fn log_statuses(state: &AppState, actor: &Actor, course_id: i64) -> Result<Vec<LogStatus>, WebError> {
    let course = actor.on_course(state, Action::ViewSessionRecords, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    log_statuses_in(&mut conn, &course).await
}

/// [`log_statuses`] on a connection of the caller's.
pub async fn log_statuses_in(conn: &mut AnyConnection, course: &OnCourse) -> Result<Vec<LogStatus>, WebError> {
    let written = store::summaries(conn, course.id).await?;
    Ok(courses::sessions(conn, course.id)
        .await?
        .into_iter()
        .filter(|s| s.kind.is_session())
        .map(|s| {
            let log = written.iter().find(|l| l.session_id == s.id);
            LogStatus {
                session_id: s.id,
                written_at: log.map(|l| l.written_at),
                fidelity: log.and_then(|l| log_rules::fidelity(&l.elements_done())),
            }
        })
        .collect())
}

// ---------------------------------------------------------------------------------
// Homework
// ---------------------------------------------------------------------------------

/// The homework given at a session, for the course's working group.
pub async fn homework_at(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
) -> Result<Vec<Homework>, WebError> {
    let course = actor.on_course(state, Action::ViewSessionRecords, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    locate(&mut conn, &course, session_id).await?;
    Ok(homework_store::given_at(&mut conn, session_id).await?)
}

/// One piece of homework of the organisation, with its course, for the working group.
pub async fn homework(state: &AppState, actor: &Actor, homework_id: i64) -> Result<(Homework, i64), WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let (homework, course_id) = homework_store::get(&mut conn, actor.organisation.id, homework_id).await?;
    drop(conn);
    actor.on_course(state, Action::ViewSessionRecords, course_id).await?;
    Ok((homework, course_id))
}

/// Gives homework at a session: the same task for the whole group.
pub async fn add_homework(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    description: &str,
) -> Result<i64, WebError> {
    let course = actor.on_course(state, Action::RecordSessionWork, course_id).await?;
    let mut tx = state.store.write().await?;
    let at = locate(&mut tx.tx, &course, session_id).await?;
    let mut errors = FieldErrors::new();
    if is_closed(&course) {
        errors.push(FieldError::new("description", "error-course-closed"));
    } else if at.session.status.is_cancelled() {
        errors.push(FieldError::new("description", "error-homework-cancelled"));
    }
    let description = errors.take(homework_rules::parse_description(description));
    errors.finish(|| ())?;
    let now = state.clock.now();
    let id = homework_store::add(&mut tx.tx, session_id, &description.unwrap_or_default(), actor.user_id, now).await?;
    commit_done(tx, actor, "homework.create", ("homework", id), now).await?;
    Ok(id)
}

/// Records how reviewing a piece of homework went, at `reviewed_at` (a later session of
/// the same course; none: the next session after the one it was given at). Reviewing
/// again replaces the earlier note.
pub async fn review_homework(
    state: &AppState,
    actor: &Actor,
    homework_id: i64,
    reviewed_at: Option<i64>,
    note: &str,
) -> Result<Homework, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let (_, course_id) = homework_store::get(&mut conn, actor.organisation.id, homework_id).await?;
    drop(conn);
    let course = actor.on_course(state, Action::RecordSessionWork, course_id).await?;
    let mut tx = state.store.write().await?;
    let (homework, _) = homework_store::get(&mut tx.tx, actor.organisation.id, homework_id).await?;
    let at = locate(&mut tx.tx, &course, homework.session_id).await?;
    let mut errors = FieldErrors::new();
    if is_closed(&course) {
        errors.push(FieldError::new("note", "error-course-closed"));
    }
    let note = errors.take(homework_rules::parse_review_note(note));
    let given_at = at.position_of(homework.session_id).unwrap_or_default();
    let reviewed = match reviewed_at {
        Some(id) => {
            match at.position_of(id).filter(|i| at.all[*i].kind.is_session() && !at.all[*i].status.is_cancelled()) {
                Some(position) => errors.take(homework_rules::check_review_order(given_at, position).map(|_| id)),
                None => {
                    errors.push(FieldError::new("session_id", "error-homework-review-session"));
                    None
                }
            }
        }
        None => {
            let next = at.all[given_at + 1..].iter().find(|s| s.kind.is_session() && !s.status.is_cancelled());
            if next.is_none() {
                errors.push(FieldError::new("session_id", "error-homework-review-order"));
            }
            next.map(|s| s.id)
        }
    };
    errors.finish(|| ())?;
    let (Some(note), Some(reviewed)) = (note, reviewed) else {
        return Err(WebError::Internal("review checked but incomplete".into()));
    };
    homework_store::review(&mut tx.tx, homework_id, reviewed, &note).await?;
    let now = state.clock.now();
    let event = actor.event("homework.review", Outcome::Success).record("homework", homework_id);
    audit::append(&mut tx, &event, now).await?;
    let (updated, _) = homework_store::get(&mut tx.tx, actor.organisation.id, homework_id).await?;
    tx.commit().await?;
    Ok(updated)
}
