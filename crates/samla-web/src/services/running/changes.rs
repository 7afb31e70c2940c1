//! What follows when a session is cancelled, inside the same transaction as the
//! cancellation ([`crate::services::courses::cancel_session`]): the participants or their
//! guardians are told through the outbox, and a replacement is added at the end of the
//! course, so the group still gets every session of the programme.
//!
//! The notice is not a reminder: it goes out even where reminders are turned off (the
//! family would otherwise come to a closed door), but only for a session still ahead, and
//! only when the person cancelling asks for it. It names the organisation, the day and
//! the time, never the course. Meetings are not replaced at the end (a parent meeting in
//! the middle of a course makes no sense after it); they are moved instead. A replacement
//! makes the course longer, so the meetings its programme anchors to the end (the
//! follow-up) move with it, in the same transaction, unless someone has moved them by hand
//! to a day still after the new end.

use super::reminders::{queue_or_skip, wall_clock};
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::dates::parse_date;
use crate::services::holidays::school_holidays;
use crate::services::outbox::OutgoingMail;
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::audit::Outcome;
use samla_domain::planning::schedule::ClosedDays;
use samla_domain::planning::session::SessionKind;
use samla_domain::programmes::Manual;
use samla_domain::running::changes::{
    end_meetings_to_move, replacement_date, weekdays_from_codes, PlacedMeeting, Repeat,
};
use samla_domain::running::meetings::parse_kind;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::courses::{self, Course, CourseSession, NewSession};
use samla_storage::running::reminders as store;
use samla_storage::{audit, course_staff, programmes, WriteTx};

/// What the person cancelling chose besides the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CancelChoices {
    /// Tell the participants or their guardians by e-mail.
    pub notify: bool,
    /// Add a replacement at the end of the course (sessions only).
    pub add_replacement: bool,
}

impl Default for CancelChoices {
    fn default() -> Self {
        Self { notify: true, add_replacement: true }
    }
}

/// Runs the chosen follow-ups of a cancellation already written in `tx`; returns the
/// replacement's id when one was added.
pub async fn after_cancel(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    course: &Course,
    cancelled: &CourseSession,
    choices: CancelChoices,
) -> Result<Option<i64>, WebError> {
    if choices.notify {
        notify(tx, state, actor, course, cancelled).await?;
    }
    if choices.add_replacement && cancelled.kind.is_session() {
        return Ok(Some(add_replacement(tx, state, actor, course, cancelled).await?));
    }
    Ok(None)
}

/// Tells each family of the course (or, for a meeting about one participant, that
/// family) that the session is cancelled; returns how many mails were queued.
async fn notify(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    course: &Course,
    cancelled: &CourseSession,
) -> Result<usize, WebError> {
    let Some(start) = wall_clock(&cancelled.date, &cancelled.start_time) else { return Ok(0) };
    if start <= actor.organisation.local_now(&state.clock) {
        return Ok(0);
    }
    let now = state.clock.now();
    let language = actor.organisation.language();
    let only = store::session_participant(&mut tx.tx, cancelled.id).await?;
    let mut sent = 0;
    for recipient in store::family_recipients(&mut tx.tx, course.id, only, false).await? {
        let key = format!("person:{}", recipient.person_id);
        if !store::mark_sent(&mut tx.tx, cancelled.id, "cancelled", &key, now).await? {
            continue;
        }
        let mail = OutgoingMail {
            organisation_id: Some(actor.organisation.id),
            to: recipient.email,
            template: "session-cancelled",
            language,
            args: vec![
                ("organisation", actor.organisation.name.clone()),
                ("date", crate::views::format_date(language, &cancelled.date)),
                ("time", cancelled.start_time.clone()),
            ],
            related: Some(("course_session", cancelled.id)),
        };
        if queue_or_skip(tx, state, mail).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Adds the replacement on the next free day in the course's rhythm after its last
/// session, with the cancelled session's time, room, plan and staff.
async fn add_replacement(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    course: &Course,
    cancelled: &CourseSession,
) -> Result<i64, WebError> {
    let sessions = courses::sessions(&mut tx.tx, course.id).await?;
    let planned: Vec<(&CourseSession, NaiveDate)> = sessions
        .iter()
        .filter(|s| s.status.is_planned())
        .filter_map(|s| parse_date(&s.date).map(|date| (s, date)))
        .collect();
    let cancelled_on = parse_date(&cancelled.date).ok_or_else(|| WebError::Internal("a stored date".into()))?;
    let last = planned.iter().filter(|(s, _)| s.kind.is_session()).map(|(_, date)| *date).max();
    let after = last.map_or(cancelled_on, |last| last.max(cancelled_on));
    let taken: Vec<NaiveDate> = planned.iter().map(|(_, date)| *date).collect();
    let periods = school_holidays(&mut tx.tx, actor.organisation.id).await?;
    let closed = ClosedDays { country: actor.organisation.country, periods: &periods };
    let repeat = Repeat::from_stored(&course.interval_kind, course.every_weeks);
    let date = replacement_date(after, repeat, &weekdays_from_codes(&course.weekdays), &taken, &closed)
        .ok_or_else(|| FieldErrors::single(FieldError::new("add_replacement", "error-replacement-no-date")))?;
    let replacement = courses::add_session(
        &mut tx.tx,
        course.id,
        &NewSession {
            kind: SessionKind::Session,
            programme_session: cancelled.programme_session,
            meeting_kind: None,
            title: &cancelled.title,
            audience: cancelled.audience,
            date: &date.to_string(),
            start_time: &cancelled.start_time,
            end_time: &cancelled.end_time,
            room: &cancelled.room,
        },
    )
    .await?;
    store::set_replaces(&mut tx.tx, replacement, cancelled.id).await?;
    follow_the_new_end(tx, state, actor, course, &sessions, cancelled_on, date, &closed).await?;
    let staff: Vec<(i64, bool)> = course_staff::assignments(&mut tx.tx, course.id)
        .await?
        .into_iter()
        .filter(|(session_id, _, _)| *session_id == cancelled.id)
        .map(|(_, staff_id, substitute)| (staff_id, substitute != 0))
        .collect();
    course_staff::set_session_staff(&mut tx.tx, replacement, &staff).await?;
    audit::append(
        tx,
        &actor.event("course.session.replace", Outcome::Success).record("course_session", replacement),
        state.clock.now(),
    )
    .await?;
    Ok(replacement)
}

/// Moves the planned meetings the programme anchors to the course's end after the
/// replacement on `replacement_on` (see [`end_meetings_to_move`]); each move is audited.
/// `sessions` are the course's sessions and meetings as they were before the replacement.
#[allow(clippy::too_many_arguments)]
async fn follow_the_new_end(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    course: &Course,
    sessions: &[CourseSession],
    cancelled_on: NaiveDate,
    replacement_on: NaiveDate,
    closed: &ClosedDays<'_>,
) -> Result<(), WebError> {
    let version = programmes::version_by_id(&mut tx.tx, course.programme_version_id).await?;
    let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let session_dates: Vec<NaiveDate> = sessions
        .iter()
        .filter(|s| s.kind.is_session() && s.status.is_planned())
        .filter_map(|s| parse_date(&s.date))
        .collect();
    let mut before = session_dates.clone();
    before.push(cancelled_on);
    let mut after = session_dates;
    after.push(replacement_on);
    let meetings: Vec<PlacedMeeting> = sessions
        .iter()
        .filter(|s| s.kind.is_meeting() && s.status.is_planned())
        .filter_map(|s| {
            Some(PlacedMeeting {
                id: s.id,
                kind: s.meeting_kind.as_deref().and_then(parse_kind),
                title: s.title.clone(),
                date: parse_date(&s.date)?,
            })
        })
        .collect();
    let now = state.clock.now();
    for (meeting_id, date) in end_meetings_to_move(&manual.meetings, &meetings, &before, &after, closed) {
        let Some(meeting) = sessions.iter().find(|s| s.id == meeting_id) else { continue };
        courses::move_session(
            &mut tx.tx,
            meeting.id,
            &date.to_string(),
            &meeting.start_time,
            &meeting.end_time,
            &meeting.room,
            meeting.version,
        )
        .await?;
        audit::append(
            tx,
            &actor.event("course.session.move", Outcome::Success).record("course_session", meeting.id),
            now,
        )
        .await?;
    }
    Ok(())
}
