//! Course planning: creating a course from a programme version (schedule, meetings,
//! checklist and budget generated), changing it afterwards without regenerating, staff
//! and the staffing rules, and the lifecycle.

mod input;
mod view;

pub use input::{hand_picked, parse_day as input_day, CourseForm, DetailsForm, SessionForm, StaffForm};
pub use view::{accepted_in_domain, course_view, CourseView, SessionView};

// Kept here too for the callers that plan courses; their homes are below them.
pub use crate::services::dates::parse_date;
pub use crate::services::holidays::school_holidays;

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::services::course_access::OnCourse;
use crate::AppState;
use chrono::{Duration, NaiveDate, NaiveTime};
use samla_domain::audit::Outcome;
use samla_domain::planning::checklist::due_date;
use samla_domain::planning::commands::{CourseDetails, JoinWorkingGroup, Member, PlanCourse, SessionChange};
use samla_domain::planning::deviations::{self, Decision, Deviation, REASON_MAX_CHARS};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::planning::schedule::{self, ClosedDays, Interval};
use samla_domain::planning::session::SessionKind;
use samla_domain::planning::{budget, meetings};
use samla_domain::programmes::{Audience, Manual};
use samla_domain::validation::{optional_line, required_text};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::{self, Course, NewCourse, NewSession};
use samla_storage::{audit, budgets, checklists, course_deviations, course_staff, programmes, StoreError, WriteTx};

fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The day the course's age rules are measured on: its first session that is not
/// cancelled, or its start date while it has none.
pub async fn age_day(conn: &mut sqlx::AnyConnection, course: &Course) -> Result<NaiveDate, WebError> {
    let first = courses::first_session_date(conn, course.id).await?.as_deref().and_then(parse_date);
    let start = parse_date(&course.start_date).unwrap_or_default();
    Ok(samla_domain::intake::consent::course_age_day(first, start))
}

/// Which of these planned days (YYYY-MM-DD) lie before today in the actor's organisation:
/// planning them is allowed, with a warning.
pub fn in_the_past<'a>(state: &AppState, actor: &Actor, days: impl IntoIterator<Item = &'a str>) -> Vec<NaiveDate> {
    let today = actor.organisation.today(&state.clock);
    let days: Vec<NaiveDate> = days.into_iter().filter_map(parse_date).collect();
    schedule::days_in_the_past(&days, today)
}

/// The course's planned sessions and meetings (not cancelled) that lie before today.
pub fn planned_in_the_past(state: &AppState, actor: &Actor, view: &CourseView) -> Vec<NaiveDate> {
    in_the_past(
        state,
        actor,
        view.sessions.iter().filter(|s| !s.row.status.is_cancelled()).map(|s| s.row.date.as_str()),
    )
}

/// Courses the actor may see, newest first.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Course>, WebError> {
    let only = actor.course_scope(state, Action::ViewCourses).await?.limited_to(actor);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(courses::list(&mut conn, actor.organisation.id, only).await?)
}

/// Courses the actor may see, each with its programme's id, name and the version it
/// was planned from (none when that programme is no longer visible).
pub async fn list_with_programmes(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<(Course, Option<(i64, String, i64)>)>, WebError> {
    let found = list(state, actor).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut known: std::collections::HashMap<i64, Option<(i64, String, i64)>> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(found.len());
    for course in found {
        let programme = match known.get(&course.programme_version_id) {
            Some(found) => found.clone(),
            None => {
                let version = programmes::version_by_id(&mut conn, course.programme_version_id).await?;
                let programme =
                    programmes::get_visible(&mut conn, actor.organisation.id, version.programme_id).await.ok();
                let found = programme.map(|p| (p.id, p.name, version.version));
                known.insert(course.programme_version_id, found.clone());
                found
            }
        };
        out.push((course, programme));
    }
    Ok(out)
}

/// The people of the organisation a planner can put in a working group (active
/// accounts, by name), with their roles and certifications so the choice is by name.
pub async fn assignable_people(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<samla_storage::staff_directory::StaffPerson>, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::PlanCourses).await?;
    Ok(samla_storage::staff_directory::list(&mut conn, actor.organisation.id, None).await?)
}

/// A command given as typed (a page's form, an API body) or already in the domain's terms.
/// Services read it where they checked the same input before, so a refusal or a missing
/// course is still answered ahead of what was typed wrong.
fn read<C, E: Into<WebError>>(given: impl TryInto<C, Error = E>) -> Result<C, WebError> {
    given.try_into().map_err(Into::into)
}

/// Plans a course from the current version of a programme (by slug or id); what the
/// planner left open comes from the programme's manual.
pub async fn create<E: Into<WebError>>(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    plan: impl TryInto<PlanCourse, Error = E>,
) -> Result<i64, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let programme = crate::services::programmes::find(state, actor, programme.trim())
        .await
        .map_err(|_| FieldErrors::single(FieldError::new("programme", "error-programme-unknown")))?;
    if programme.archived_at.is_some() {
        return Err(FieldErrors::single(FieldError::new("programme", "error-programme-archived")).into());
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let version = programmes::version(&mut tx.tx, programme.id, programme.current_version).await?;
    let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let input = input::with_programme(read(plan)?, &manual)?;
    let periods = school_holidays(&mut tx.tx, actor.organisation.id).await?;
    let closed = ClosedDays { country: actor.organisation.country, periods: &periods };
    let planned = schedule::generate(&input.schedule, &closed)?;
    let weekdays: Vec<String> = input.schedule.weekdays.iter().map(|w| input::weekday_code(*w).to_string()).collect();
    let (interval_kind, every_weeks) = match &input.schedule.interval {
        Interval::Weekly => ("weekly", 1),
        Interval::EveryNWeeks(n) => ("every_n_weeks", *n as i64),
        Interval::HandPicked(_) => ("dates", 1),
    };
    let start_date = planned.dates.first().copied().unwrap_or(input.schedule.start);
    let course_id = courses::create(
        &mut tx.tx,
        &NewCourse {
            organisation_id: actor.organisation.id,
            programme_version_id: version.id,
            name: &input.name,
            venue: &input.venue,
            room: &input.room,
            start_date: &start_date.to_string(),
            weekdays: &weekdays.join(","),
            start_time: &hhmm(input.start_time),
            duration_minutes: input.duration_minutes as i64,
            interval_kind,
            every_weeks,
            session_count: planned.dates.len() as i64,
            capacity: input.capacity as i64,
        },
        now,
    )
    .await?;
    for (index, date) in planned.dates.iter().enumerate() {
        let number = index as u32 + 1;
        let plan = manual.session(number);
        // A length asked for holds for every session; otherwise each keeps its plan's.
        let minutes = input.explicit_minutes.or(plan.map(|p| p.duration_minutes)).unwrap_or(input.duration_minutes);
        courses::add_session(
            &mut tx.tx,
            course_id,
            &NewSession {
                kind: SessionKind::Session,
                programme_session: plan.map(|p| p.number as i64),
                meeting_kind: None,
                title: plan.map(|p| p.title.as_str()).unwrap_or(""),
                audience: plan.map_or(Audience::Participants, |p| p.audience),
                date: &date.to_string(),
                start_time: &hhmm(input.start_time),
                end_time: &hhmm(input.start_time + Duration::minutes(minutes as i64)),
                room: &input.room,
            },
        )
        .await?;
    }
    for meeting in &manual.meetings {
        let Some(date) = meetings::place(meeting, &planned.dates, &closed) else { continue };
        courses::add_session(
            &mut tx.tx,
            course_id,
            &NewSession {
                kind: SessionKind::Meeting,
                programme_session: None,
                meeting_kind: Some(meeting.kind.as_str()),
                title: &meeting.title,
                audience: meeting.audience,
                date: &date.to_string(),
                start_time: &hhmm(input.start_time),
                end_time: &hhmm(input.start_time + Duration::minutes(meeting.duration_minutes as i64)),
                room: &input.room,
            },
        )
        .await?;
    }
    for (position, item) in manual.checklist.iter().enumerate() {
        let due = due_date(item, start_date).to_string();
        checklists::add(&mut tx.tx, course_id, position as i64, &item.task, &item.responsible, &due).await?;
    }
    let lines: Vec<StoredLine> = manual.budget.iter().map(StoredLine::from_domain).collect();
    budgets::replace(&mut tx.tx, course_id, &lines.iter().map(StoredLine::as_new).collect::<Vec<_>>()).await?;
    commit_done(tx, actor, "course.create", ("course", course_id), now).await?;
    Ok(course_id)
}

/// A budget line in the form the store keeps.
pub struct StoredLine {
    pub label: String,
    pub amount: String,
    pub hours: Option<String>,
    pub multiplier: &'static str,
    pub count: i64,
}

impl StoredLine {
    pub fn from_domain(line: &budget::BudgetLine) -> StoredLine {
        let (multiplier, count) = match line.multiplier {
            budget::Multiplier::Fixed(n) => ("fixed", n as i64),
            budget::Multiplier::Leader => ("leader", 1),
            budget::Multiplier::Session => ("session", 1),
            budget::Multiplier::Participant => ("participant", 1),
        };
        StoredLine {
            label: line.label.clone(),
            amount: line.amount.to_string(),
            hours: line.hours.map(|h| h.to_string()),
            multiplier,
            count,
        }
    }

    fn as_new(&self) -> budgets::NewLine<'_> {
        budgets::NewLine {
            label: &self.label,
            amount: &self.amount,
            hours: self.hours.as_deref(),
            multiplier: self.multiplier,
            count: self.count,
        }
    }
}

pub fn line_from_row(row: &budgets::BudgetLineRow) -> Option<budget::BudgetLine> {
    let multiplier = match row.multiplier.as_str() {
        "fixed" => budget::Multiplier::Fixed(row.count.max(0) as u32),
        "leader" => budget::Multiplier::Leader,
        "session" => budget::Multiplier::Session,
        "participant" => budget::Multiplier::Participant,
        _ => return None,
    };
    Some(budget::BudgetLine {
        label: row.label.clone(),
        amount: row.amount.parse().ok()?,
        hours: match &row.hours {
            Some(h) => Some(h.parse().ok()?),
            None => None,
        },
        multiplier,
    })
}

/// Starts a change to a course the actor plans: the course must be theirs to plan and
/// not finished.
async fn planning_tx(state: &AppState, actor: &Actor, course_id: i64) -> Result<(WriteTx, OnCourse), WebError> {
    open_course_tx(state, actor.on_course(state, Action::PlanCourses, course_id).await?).await
}

/// A write transaction on a course that is not archived or cancelled, the course read
/// again inside it.
async fn open_course_tx(state: &AppState, mut course: OnCourse) -> Result<(WriteTx, OnCourse), WebError> {
    let mut tx = state.store.write().await?;
    course.reread(&mut tx.tx).await?;
    if course.status.is_closed() {
        return Err(FieldErrors::single(FieldError::new("status", "error-course-closed")).into());
    }
    Ok((tx, course))
}

/// Whether the actor may cancel the course's sessions: planners, and the course's own
/// group leaders (who are the ones to know in the morning that a session cannot be held).
pub async fn may_cancel_sessions(state: &AppState, actor: &Actor, course_id: i64) -> Result<bool, WebError> {
    Ok(actor.roles.may(Action::PlanCourses)
        || actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?)
}

/// [`planning_tx`] for cancelling, which the course's group leaders may do too.
async fn cancelling_tx(state: &AppState, actor: &Actor, course_id: i64) -> Result<(WriteTx, OnCourse), WebError> {
    if actor.roles.may(Action::PlanCourses) {
        return planning_tx(state, actor, course_id).await;
    }
    let recording = actor.course_scope(state, Action::RecordSessionWork).await?;
    // Refused before the course is looked up, so a course elsewhere is refused too.
    recording.require(state, actor, &[Some(course_id)], ("course", course_id)).await?;
    open_course_tx(state, recording.course(state, actor, course_id).await?).await
}

/// What can change on a course itself: name, place and capacity.
pub async fn update<E: Into<WebError>>(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    details: impl TryInto<CourseDetails, Error = E>,
    expected_version: i64,
) -> Result<i64, WebError> {
    let details: CourseDetails = read(details)?;
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    let change = courses::CourseChange {
        name: &details.name,
        venue: &details.venue,
        room: &details.room,
        capacity: i64::from(details.capacity),
    };
    let version = courses::update(&mut tx.tx, course_id, &change, expected_version).await?;
    commit_done(tx, actor, "course.update", ("course", course_id), state.clock.now()).await?;
    Ok(version)
}

/// Moves the course along its lifecycle. Cancelling needs a reason; see
/// [`change_status`] for deviations from the programme's rules.
pub async fn set_status(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    status: &str,
    reason: &str,
    expected_version: i64,
) -> Result<i64, WebError> {
    let change = StatusChange { status, reason, deviation_reason: None };
    change_status(state, actor, course_id, &change, expected_version).await
}

/// A status change as asked for.
pub struct StatusChange<'a> {
    pub status: &'a str,
    /// Why the course is cancelled (required for cancelled).
    pub reason: &'a str,
    /// Why the course goes ahead although it differs from its programme's rules; `None`
    /// when none is given. One given must say something, needed or not.
    pub deviation_reason: Option<&'a str>,
}

/// The errors of a status change refused for deviations: how many sessions lack staff,
/// each deviation, and the reason that is missing.
fn deviation_errors(view: &CourseView, open: &[Deviation], reason_error: FieldError) -> FieldErrors {
    let unstaffed = view.sessions.iter().filter(|s| !s.gaps.is_empty()).count();
    let mut errors = FieldErrors::single(FieldError::new("status", "error-staffing-gaps").with_arg("count", unstaffed));
    for deviation in open {
        errors.push(
            FieldError::new("status", deviation.kind.message_key())
                .with_arg("sessions", deviation.sessions)
                .with_arg("fewest", deviation.fewest)
                .with_arg("needed", deviation.needed),
        );
    }
    errors.push(reason_error);
    errors
}

/// Moves the course along its lifecycle. Cancelling needs a reason. Ready, recruiting and
/// running need the programme's rules met (every session staffed as it says), or the
/// deviations accepted: a change with deviations no earlier acceptance covers is refused
/// with each of them listed, unless `deviation_reason` says why the course goes ahead
/// anyway; the acceptance is then kept with who gave it and when, in the same
/// transaction, and audited.
pub async fn change_status(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    change: &StatusChange<'_>,
    expected_version: i64,
) -> Result<i64, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let next = CourseStatus::parse(change.status)
        .ok_or_else(|| FieldErrors::single(FieldError::new("status", "error-choice")))?;
    let view = course_view(state, actor, course_id).await?;
    let current = view.status;
    if !current.may_become(next) {
        return Err(FieldErrors::single(
            FieldError::new("status", "error-status-transition")
                .with_arg("from", current.as_str())
                .with_arg("to", next.as_str()),
        )
        .into());
    }
    let reason = optional_line("reason", change.reason, 500).map_err(FieldErrors::single)?.unwrap_or_default();
    if next == CourseStatus::Cancelled && reason.is_empty() {
        return Err(FieldErrors::single(FieldError::new("reason", "error-cancel-reason")).into());
    }
    let open = match next.needs_full_staffing() {
        true => view.open_deviations(),
        false => Vec::new(),
    };
    let given = match change.deviation_reason.map(|raw| required_text("deviation_reason", raw, REASON_MAX_CHARS)) {
        Some(Err(error)) if open.is_empty() => return Err(FieldErrors::single(error).into()),
        Some(Err(error)) => return Err(deviation_errors(&view, &open, error).into()),
        Some(Ok(text)) => text,
        None => String::new(),
    };
    let acceptance = match next.needs_full_staffing() {
        false => None,
        true => match deviations::decide(&view.deviations, &view.accepted(), &given) {
            Decision::Proceed => None,
            Decision::Accept { deviations, reason } => Some((deviations, reason)),
            Decision::Refuse { deviations, reason_error } => {
                return Err(deviation_errors(&view, &deviations, reason_error).into())
            }
        },
    };
    let mut tx = state.store.write().await?;
    let version = courses::set_status(
        &mut tx.tx,
        course_id,
        next,
        (next == CourseStatus::Cancelled).then_some(reason.as_str()),
        expected_version,
    )
    .await?;
    if let Some((accepted, reason)) = acceptance {
        let rows: Vec<course_deviations::NewDeviation> = accepted
            .iter()
            .map(|d| (d.kind, i64::from(d.sessions), i64::from(d.fewest), i64::from(d.needed)))
            .collect();
        let now = state.clock.now();
        course_deviations::record(&mut tx.tx, course_id, next, &reason, actor.user_id, now, &rows).await?;
        let event = actor.event("course.deviations.accept", Outcome::Success).record("course", course_id);
        audit::append(&mut tx, &event, now).await?;
    }
    commit_done(tx, actor, &format!("course.status.{}", next.as_str()), ("course", course_id), state.clock.now())
        .await?;
    Ok(version)
}

/// Moves one session or meeting (date, time, room) without touching the others.
pub async fn move_session<E: Into<WebError>>(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    change: impl TryInto<SessionChange, Error = E>,
    expected_version: i64,
) -> Result<(), WebError> {
    let (mut tx, course) = planning_tx(state, actor, course_id).await?;
    let existing = courses::session(&mut tx.tx, course_id, session_id).await?;
    let change: SessionChange = read(change)?;
    courses::move_session(
        &mut tx.tx,
        session_id,
        &change.date.to_string(),
        &hhmm(change.start),
        &hhmm(change.end),
        change.room.as_deref().unwrap_or(&existing.room),
        expected_version,
    )
    .await?;
    let _ = course;
    commit_done(tx, actor, "course.session.move", ("course", course_id), state.clock.now()).await
}

/// Cancels a session or meeting with a reason and, as chosen, tells the families and adds
/// a replacement at the end ([`crate::services::running::changes`]), all in one
/// transaction. Returns the replacement's id when one was added.
pub async fn cancel_session(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    reason: &str,
    choices: crate::services::running::changes::CancelChoices,
    expected_version: i64,
) -> Result<Option<i64>, WebError> {
    let reason = samla_domain::validation::required_line("reason", reason, 500).map_err(FieldErrors::single)?;
    let (mut tx, course) = cancelling_tx(state, actor, course_id).await?;
    let session = courses::session(&mut tx.tx, course_id, session_id).await?;
    // Cancelling twice would tell the families twice and add a second replacement.
    if session.status.is_cancelled() {
        return Err(FieldErrors::single(FieldError::new("reason", "error-session-already-cancelled")).into());
    }
    courses::cancel_session(&mut tx.tx, session_id, &reason, expected_version).await?;
    let replacement =
        crate::services::running::changes::after_cancel(&mut tx, state, actor, &course, &session, choices).await?;
    commit_done(tx, actor, "course.session.cancel", ("course", course_id), state.clock.now()).await?;
    Ok(replacement)
}

/// Adds a session (or meeting) to the course; the others stay as they are.
pub async fn add_session<E: Into<WebError>>(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    new: impl TryInto<SessionChange, Error = E>,
) -> Result<i64, WebError> {
    let (mut tx, course) = planning_tx(state, actor, course_id).await?;
    let new: SessionChange = read(new)?;
    let session_id = courses::add_session(
        &mut tx.tx,
        course_id,
        &NewSession {
            kind: if new.meeting { SessionKind::Meeting } else { SessionKind::Session },
            programme_session: None,
            meeting_kind: None,
            title: new.title.as_deref().unwrap_or(""),
            audience: Audience::Participants,
            date: &new.date.to_string(),
            start_time: &hhmm(new.start),
            end_time: &hhmm(new.end),
            room: new.room.as_deref().unwrap_or(&course.room),
        },
    )
    .await?;
    commit_done(tx, actor, "course.session.add", ("course", course_id), state.clock.now()).await?;
    Ok(session_id)
}

pub const COURSE_ROLES: [&str; 5] =
    ["coordinator", "group_leader", "user_representative", "secretary", "network_contact"];

/// Adds a person to the working group: someone with an account here, or (for school and
/// network contacts) someone outside by name. Leaders and user representatives can be
/// put on every planned session at once.
pub async fn add_staff<E: Into<WebError>>(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    new: impl TryInto<JoinWorkingGroup, Error = E>,
) -> Result<i64, WebError> {
    let new: JoinWorkingGroup = read(new)?;
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    let (user_id, name, organisation) = match &new.member {
        Member::Account { user_id } => (Some(*user_id), None, None),
        Member::Outside { name, organisation } => (None, Some(name.as_str()), organisation.as_deref()),
    };
    if let Some(user_id) = user_id {
        if samla_storage::accounts::roles_in(&mut tx.tx, user_id, actor.organisation.id).await?.is_empty() {
            return Err(FieldErrors::single(FieldError::new("user_id", "error-staff-who")).into());
        }
    }
    let staff_id = course_staff::add_member(&mut tx.tx, course_id, user_id, name, organisation, new.role).await?;
    if new.on_every_session && new.role.staffs_sessions() {
        let assignments = course_staff::assignments(&mut tx.tx, course_id).await?;
        for session in courses::sessions(&mut tx.tx, course_id)
            .await?
            .iter()
            .filter(|s| s.kind.is_session() && s.status.is_planned())
        {
            let mut staff: Vec<(i64, bool)> = assignments
                .iter()
                .filter(|(sid, _, _)| *sid == session.id)
                .map(|(_, st, sub)| (*st, *sub != 0))
                .collect();
            staff.push((staff_id, false));
            course_staff::set_session_staff(&mut tx.tx, session.id, &staff).await?;
        }
    }
    commit_done(tx, actor, "course.staff.add", ("course", course_id), state.clock.now()).await?;
    Ok(staff_id)
}

pub async fn remove_staff(state: &AppState, actor: &Actor, course_id: i64, staff_id: i64) -> Result<(), WebError> {
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    match course_staff::remove_member(&mut tx.tx, course_id, staff_id).await? {
        course_staff::Removal::Removed => {}
        course_staff::Removal::NotFound => return Err(WebError::NotFound),
        course_staff::Removal::WasPresent => {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new("staff", "error-staff-was-present"))))
        }
    }
    commit_done(tx, actor, "course.staff.remove", ("course", course_id), state.clock.now()).await
}

/// Replaces who staffs one session: (staff id, substitute) pairs from the working group.
pub async fn set_session_staff(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    staff: &[(i64, bool)],
) -> Result<(), WebError> {
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    courses::session(&mut tx.tx, course_id, session_id).await?;
    let members: Vec<i64> = course_staff::members(&mut tx.tx, course_id).await?.iter().map(|m| m.id).collect();
    if staff.iter().any(|(id, _)| !members.contains(id)) {
        return Err(FieldErrors::single(FieldError::new("staff", "error-staff-who")).into());
    }
    course_staff::set_session_staff(&mut tx.tx, session_id, staff).await?;
    commit_done(tx, actor, "course.session.staff", ("course", course_id), state.clock.now()).await
}

/// Ticks a checklist item off (or opens it again) and sets who does it.
pub async fn update_checklist_item(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    item_id: i64,
    done: bool,
    assignee_staff_id: Option<i64>,
) -> Result<(), WebError> {
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    if let Some(staff_id) = assignee_staff_id {
        if !course_staff::members(&mut tx.tx, course_id).await?.iter().any(|m| m.id == staff_id) {
            return Err(FieldErrors::single(FieldError::new("assignee", "error-staff-who")).into());
        }
    }
    let done = done.then(|| (state.clock.now(), actor.user_id));
    if !checklists::update(&mut tx.tx, course_id, item_id, done, assignee_staff_id).await? {
        return Err(WebError::NotFound);
    }
    commit_done(tx, actor, "course.checklist.update", ("course", course_id), state.clock.now()).await
}

/// Replaces the course's budget lines.
pub async fn replace_budget(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    lines: &[budget::BudgetLine],
) -> Result<(), WebError> {
    let (mut tx, _) = planning_tx(state, actor, course_id).await?;
    let stored: Vec<StoredLine> = lines.iter().map(StoredLine::from_domain).collect();
    budgets::replace(&mut tx.tx, course_id, &stored.iter().map(StoredLine::as_new).collect::<Vec<_>>()).await?;
    commit_done(tx, actor, "course.budget.update", ("course", course_id), state.clock.now()).await
}
