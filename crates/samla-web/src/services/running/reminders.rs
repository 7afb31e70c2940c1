//! Reminders through the outbox: to participants or guardians a set time before each
//! session of a course about to start or running, and before the meetings set for the
//! families (parent meetings, information meetings, family sessions, the follow-up; see
//! [`meeting_reminds_families`]), and to group leaders whose session log is still unwritten
//! some hours after the session. The server sends what is due every few minutes
//! ([`send_due`]); each reminder goes to each recipient once (`reminders_sent`).
//!
//! Each can be turned off per course (participant reminders, log reminders), per
//! participant (the whole household of a child), per grown-up who receives them (one
//! guardian, while the child's other guardians still get them), and by a leader for
//! themselves on one course. Who may change what is the policy's rule
//! ([`may_switch_reminders`]):
//! - the course's switches and a participant's or a grown-up's reminders: planners
//!   (coordinators) and those who record session work on the course (its group leaders) —
//!   the people who know whether a family wants the mails; a participant's or grown-up's
//!   switch also needs the right to see participants' names, since it is chosen by name;
//! - a leader's own log reminders: that leader, while they lead the course.
//!
//! A reminder names the organisation, the day and the time — never the course, the
//! programme or the child (see [`crate::services::outbox`]).

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContexts;
use crate::services::audit::commit_done;
use crate::services::outbox::{self, OutgoingMail};
use crate::AppState;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use samla_domain::accounts::Language;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::policy::{may_switch_reminders, CoursePlace, ReminderRefusal, ReminderSwitch};
use samla_domain::running::meetings as meeting_rules;
use samla_domain::running::reminders::{log_overdue, meeting_reminds_families, reminder_due};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::Course;
use samla_storage::running::reminders::{
    self as store, CourseReminderSettings, GrownUpReminders, ParticipantReminders, ReminderSession,
};
use samla_storage::{audit, courses, StoreError, WriteTx};
use sqlx::AnyConnection;

/// A log reminder long overdue helps nobody: sessions whose log fell due more than this
/// many days ago are left alone (also when reminders are first turned on).
const LOG_REMINDER_LOOKBACK_DAYS: i64 = 14;

/// A stored day and time (`YYYY-MM-DD`, `HH:MM`) as a wall-clock time.
pub fn wall_clock(date: &str, time: &str) -> Option<NaiveDateTime> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let time = NaiveTime::parse_from_str(time, "%H:%M").ok()?;
    Some(date.and_time(time))
}

/// The days (UTC) whose sessions may be due: a day's slack on each side covers every
/// organisation's time zone.
fn utc_day(state: &AppState, offset_days: i64) -> String {
    let today = chrono::DateTime::from_timestamp(state.clock.now(), 0).map(|t| t.date_naive()).unwrap_or_default();
    (today + Duration::days(offset_days)).to_string()
}

/// Sends every reminder that is due now: before sessions, and about unwritten logs.
/// Returns how many mails were queued. Run by the server's housekeeping; safe to run in
/// several places at once.
pub async fn send_due(state: &AppState) -> Result<usize, WebError> {
    Ok(send_session_reminders(state).await? + send_log_reminders(state).await?)
}

/// Queues one mail; an address the outbox refuses is left out (logged without the
/// address), so one bad address never holds back the others.
pub async fn queue_or_skip(tx: &mut WriteTx, state: &AppState, mail: OutgoingMail) -> Result<bool, WebError> {
    let template = mail.template;
    match outbox::queue(tx, state, mail).await {
        Ok(_) => Ok(true),
        Err(WebError::Invalid(_)) => {
            tracing::warn!(template, "reminders: a recipient's address cannot be used; left out");
            Ok(false)
        }
        Err(other) => Err(other),
    }
}

async fn send_session_reminders(state: &AppState) -> Result<usize, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let sessions = store::upcoming_sessions(&mut conn, &utc_day(state, -1), &utc_day(state, 8)).await?;
    drop(conn);
    let mut organisations = OrgContexts::default();
    let mut sent = 0;
    for session in sessions {
        if session.kind.is_meeting()
            && !meeting_reminds_families(session.meeting_kind.as_deref().and_then(meeting_rules::parse_kind))
        {
            continue;
        }
        let Some(start) = wall_clock(&session.date, &session.start_time) else { continue };
        let hours = u32::try_from(session.reminder_hours_before).unwrap_or(0);
        let organisation = organisations.get(state, session.organisation_id).await?;
        if !reminder_due(start, hours, organisation.local_now(&state.clock), false) {
            continue;
        }
        let language = organisation.language();
        sent += remind_families(state, &session, language).await?;
    }
    Ok(sent)
}

fn system_event(action: &str, organisation_id: i64, session_id: i64) -> AuditEvent {
    let mut event = AuditEvent::new(action, Outcome::Success).record("course_session", session_id);
    event.organisation_id = Some(organisation_id);
    event
}

async fn remind_families(state: &AppState, session: &ReminderSession, language: Language) -> Result<usize, WebError> {
    // Looked up first without writing: most rounds find everyone reminded already.
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let done = store::sent_to(&mut conn, session.session_id, "session").await?;
    // A meeting about one family reminds that family only.
    let pending: Vec<(String, String)> =
        store::family_recipients(&mut conn, session.course_id, session.participant_id, true)
            .await?
            .into_iter()
            .map(|r| (format!("person:{}", r.person_id), r.email))
            .filter(|(key, _)| !done.contains(key))
            .collect();
    drop(conn);
    if pending.is_empty() {
        return Ok(0);
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let mut sent = 0;
    for (key, email) in pending {
        // Another instance may have sent it meanwhile.
        if !store::mark_sent(&mut tx.tx, session.session_id, "session", &key, now).await? {
            continue;
        }
        let mail = OutgoingMail {
            organisation_id: Some(session.organisation_id),
            to: email,
            template: if session.kind.is_meeting() { "meeting-reminder" } else { "session-reminder" },
            language,
            args: vec![
                ("organisation", session.organisation_name.clone()),
                ("date", crate::views::format_date(language, &session.date)),
                ("time", session.start_time.clone()),
            ],
            related: Some(("course_session", session.session_id)),
        };
        if queue_or_skip(&mut tx, state, mail).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        audit::append(&mut tx, &system_event("reminder.session", session.organisation_id, session.session_id), now)
            .await?;
    }
    tx.commit().await?;
    Ok(sent)
}

async fn send_log_reminders(state: &AppState) -> Result<usize, WebError> {
    // Grace is at most a week, and older reminders are not sent.
    let from = utc_day(state, -(LOG_REMINDER_LOOKBACK_DAYS + 9));
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let sessions = store::sessions_without_log(&mut conn, &from, &utc_day(state, 1)).await?;
    drop(conn);
    let mut organisations = OrgContexts::default();
    let mut sent = 0;
    for session in sessions {
        let Some(end) = wall_clock(&session.date, &session.end_time) else { continue };
        let grace = u32::try_from(session.log_grace_hours).unwrap_or(0);
        let organisation = organisations.get(state, session.organisation_id).await?;
        let now = organisation.local_now(&state.clock);
        if !log_overdue(end, now, grace, false)
            || now - (end + Duration::hours(i64::from(grace))) > Duration::days(LOG_REMINDER_LOOKBACK_DAYS)
        {
            continue;
        }
        let fallback = organisation.language();
        sent += remind_leaders(state, &session, fallback).await?;
    }
    Ok(sent)
}

async fn remind_leaders(state: &AppState, session: &ReminderSession, fallback: Language) -> Result<usize, WebError> {
    let now = state.clock.now();
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let link = format!("{base}/courses/{}/sessions/{}/log", session.course_id, session.session_id);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let done = store::sent_to(&mut conn, session.session_id, "log").await?;
    let pending: Vec<_> = store::session_leaders(&mut conn, session.course_id, session.session_id)
        .await?
        .into_iter()
        .filter(|leader| !done.contains(&format!("user:{}", leader.user_id)))
        .collect();
    drop(conn);
    if pending.is_empty() {
        return Ok(0);
    }
    let mut tx = state.store.write().await?;
    let mut sent = 0;
    for leader in pending {
        let key = format!("user:{}", leader.user_id);
        if !store::mark_sent(&mut tx.tx, session.session_id, "log", &key, now).await? {
            continue;
        }
        let language = leader.language.as_deref().and_then(Language::parse).unwrap_or(fallback);
        let mail = OutgoingMail {
            organisation_id: Some(session.organisation_id),
            to: leader.email,
            template: "log-reminder",
            language,
            args: vec![
                ("organisation", session.organisation_name.clone()),
                ("date", crate::views::format_date(language, &session.date)),
                ("time", session.start_time.clone()),
                ("link", link.clone()),
            ],
            related: Some(("course_session", session.session_id)),
        };
        if queue_or_skip(&mut tx, state, mail).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        audit::append(&mut tx, &system_event("reminder.log", session.organisation_id, session.session_id), now).await?;
    }
    tx.commit().await?;
    Ok(sent)
}

// ---------------------------------------------------------------------------------
// The course's reminder settings
// ---------------------------------------------------------------------------------

/// What the reminders page and the API show for one course.
pub struct CourseReminders {
    pub course: Course,
    pub settings: CourseReminderSettings,
    /// The participants with their switches, when the actor may see participants' names.
    pub participants: Option<Vec<ParticipantReminders>>,
    /// The grown-ups each participant's reminders go to, with their own switches, when
    /// the actor may see participants' names.
    pub grown_ups: Option<Vec<GrownUpReminders>>,
    /// Participants still in the course, and how many of them have reminders off.
    pub active: usize,
    pub active_off: usize,
    /// Whether the actor may change the course's switches.
    pub may_change: bool,
    /// The actor's own log reminders for the course, when they lead it.
    pub my_log_reminders: Option<bool>,
    /// When reminders go out (the organisation's settings).
    pub timing: samla_storage::running::settings::RunningSettings,
}

/// The actor's place on the course, as the reminder rule reads it.
async fn place(conn: &mut AnyConnection, actor: &Actor, course_id: i64) -> Result<CoursePlace, WebError> {
    Ok(CoursePlace {
        works_on: courses::works_on(conn, course_id, actor.user_id).await?,
        leads: store::leads(conn, course_id, actor.user_id).await?,
    })
}

/// The course's reminder settings, as the actor may see them: the switches for everyone
/// who sees the course, participants by name only for those who may see participants'
/// names (an audited read), counts for the others.
pub async fn for_course(state: &AppState, actor: &Actor, course_id: i64) -> Result<CourseReminders, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?.into_course();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let settings = store::course_settings(&mut conn, course_id).await?;
    let timing = samla_storage::running::settings::get(&mut conn, actor.organisation.id).await?;
    let all = store::participants(&mut conn, course_id).await?;
    let sees_names = actor.may_on_course(&state.clock, &mut *conn, Action::ViewParticipantContacts, course_id).await?;
    let grown_ups = if sees_names { Some(store::grown_ups(&mut conn, course_id).await?) } else { None };
    let place = place(&mut conn, actor, course_id).await?;
    let may_change = may_switch_reminders(&actor.roles, ReminderSwitch::Course, place).is_ok();
    let my_log_reminders =
        if place.leads { Some(!store::opted_out(&mut conn, course_id, actor.user_id).await?) } else { None };
    drop(conn);
    let active: Vec<&ParticipantReminders> = all.iter().filter(|p| p.status.is_active()).collect();
    let active_off = active.iter().filter(|p| p.reminders_off != 0).count();
    let active = active.len();
    let participants = if sees_names {
        actor.record_read(state, "course.reminders.participants", "course", course_id).await?;
        Some(all)
    } else {
        None
    };
    Ok(CourseReminders {
        course,
        settings,
        participants,
        grown_ups,
        active,
        active_off,
        may_change,
        my_log_reminders,
        timing,
    })
}

/// A change to one of the course's reminder switches, for someone who sees the course
/// and whom [`may_switch_reminders`] lets change it. Refusals are audited like any other
/// (under `course.reminders.update`, or the right to see names a person's switch needs);
/// someone who leads no group on the course has no log reminders of their own to change.
async fn change_tx(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    switch: ReminderSwitch,
) -> Result<WriteTx, WebError> {
    actor.on_course(state, Action::ViewCourses, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let place = place(&mut conn, actor, course_id).await?;
    drop(conn);
    let refused_as = match may_switch_reminders(&actor.roles, switch, place) {
        Ok(()) => return Ok(state.store.write().await?),
        Err(ReminderRefusal::NotOnCourse) => "course.reminders.update",
        Err(ReminderRefusal::NamesHidden) => Action::ViewParticipantContacts.as_str(),
        Err(ReminderRefusal::NotALeader) => {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new(
                "log_reminders",
                "error-reminders-not-a-leader",
            ))));
        }
    };
    crate::services::audit::record(state, actor.event(refused_as, Outcome::Denied).record("course", course_id)).await?;
    Err(WebError::Forbidden)
}

/// Turns the course's participant reminders and log reminders on or off.
pub async fn set_course_settings(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    settings: CourseReminderSettings,
) -> Result<(), WebError> {
    let mut tx = change_tx(state, actor, course_id, ReminderSwitch::Course).await?;
    store::save_course_settings(&mut tx.tx, course_id, &settings).await?;
    commit_done(tx, actor, "course.reminders.update", ("course", course_id), state.clock.now()).await
}

/// Turns one participant's reminders on or off; chosen by name, so it also needs the
/// right to see participants' names on the course.
pub async fn set_participant(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
    on: bool,
) -> Result<(), WebError> {
    let mut tx = change_tx(state, actor, course_id, ReminderSwitch::Person).await?;
    store::set_participant_reminders(&mut tx.tx, course_id, participant_id, on).await?;
    let action = if on { "course.reminders.participant.on" } else { "course.reminders.participant.off" };
    commit_done(tx, actor, action, ("course_participant", participant_id), state.clock.now()).await?;
    Ok(())
}

/// Turns one grown-up's reminders for the course on or off — a guardian of a child
/// participant (the child's other guardians keep theirs) or an adult participant; chosen
/// by name like a participant's switch. Someone who hears about none of the course's
/// participants is not found.
pub async fn set_person(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    person_id: i64,
    on: bool,
) -> Result<(), WebError> {
    let mut tx = change_tx(state, actor, course_id, ReminderSwitch::Person).await?;
    store::set_person_reminders(&mut tx.tx, course_id, person_id, on).await?;
    let action = if on { "course.reminders.person.on" } else { "course.reminders.person.off" };
    commit_done(tx, actor, action, ("person", person_id), state.clock.now()).await?;
    Ok(())
}

/// Turns the actor's own log reminders for the course on or off; only a group leader of
/// the course has any.
pub async fn set_my_log_reminders(state: &AppState, actor: &Actor, course_id: i64, on: bool) -> Result<(), WebError> {
    let mut tx = change_tx(state, actor, course_id, ReminderSwitch::OwnLogReminders).await?;
    store::set_opted_out(&mut tx.tx, course_id, actor.user_id, !on).await?;
    let action = if on { "course.reminders.mine.on" } else { "course.reminders.mine.off" };
    commit_done(tx, actor, action, ("course", course_id), state.clock.now()).await
}
