//! Reading course and session input as typed on the pages into the domain's planning
//! commands, and what the service adds from the programme.

use crate::error::WebError;
use chrono::{NaiveTime, Weekday};
use samla_domain::planning::commands::{
    within, CourseDetails, CourseRole, JoinWorkingGroup, PlanCourse, PlanCourseFields, SessionChange, CAPACITY,
    DURATION_MINUTES, EVERY_WEEKS, SESSION_COUNT,
};
use samla_domain::planning::schedule::{Interval, ScheduleRequest};
use samla_domain::programmes::Manual;
use samla_domain::validation::time_of_day;
use samla_domain::{FieldError, FieldErrors};
use serde::Deserialize;

pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub fn weekday_code(day: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(_, w)| *w == day).map(|(c, _)| *c).unwrap_or("mon")
}

/// A new course as typed: every value a string, so a form can be shown again unchanged.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CourseForm {
    /// The programme's slug or id.
    pub programme: String,
    pub name: String,
    pub venue: String,
    pub room: String,
    /// YYYY-MM-DD.
    pub start_date: String,
    /// mon, tue, wed, thu, fri, sat, sun.
    pub weekdays: Vec<String>,
    /// HH:MM, local time.
    pub start_time: String,
    /// The length of every session in minutes; empty: each session as long as the
    /// programme's plan for it says.
    pub duration_minutes: String,
    /// weekly, every_n_weeks or dates.
    pub interval: String,
    /// For every_n_weeks.
    pub every_weeks: String,
    /// For dates: YYYY-MM-DD separated by spaces, commas or new lines.
    pub dates: String,
    /// Empty: from the programme.
    pub session_count: String,
    /// Empty: the programme's largest group.
    pub capacity: String,
}

/// A course to plan with what the programme fills in: the service's working values.
pub struct CourseInput {
    pub name: String,
    pub venue: String,
    pub room: String,
    pub start_time: NaiveTime,
    /// The course's usual session length: the one asked for, or the programme's first.
    pub duration_minutes: u32,
    /// The length asked for, which every generated session takes.
    pub explicit_minutes: Option<u32>,
    pub capacity: u32,
    pub schedule: ScheduleRequest,
}

/// A whole number as typed within bounds; empty is `None`.
fn number(field: &str, raw: &str, bounds: (u32, u32)) -> Result<Option<u32>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let out_of_range =
        || FieldError::new(field, "error-number-range").with_arg("min", bounds.0).with_arg("max", bounds.1);
    raw.parse::<u32>().map_err(|_| out_of_range()).and_then(|n| within(field, n, bounds)).map(Some)
}

pub use samla_domain::validation::day as parse_day;

/// The days of a hand-picked schedule as typed, separated by spaces, commas, semicolons or
/// new lines; the first that is not a day is the problem.
pub fn hand_picked(pieces: &[&str]) -> Result<Interval, FieldError> {
    let mut dates = Vec::new();
    for piece in pieces.iter().flat_map(|raw| raw.split(|c: char| c.is_whitespace() || c == ',' || c == ';')) {
        if !piece.is_empty() {
            dates.push(parse_day("dates", piece)?);
        }
    }
    Ok(Interval::HandPicked(dates))
}

impl TryFrom<&CourseForm> for PlanCourse {
    type Error = FieldErrors;

    fn try_from(form: &CourseForm) -> Result<PlanCourse, FieldErrors> {
        let weekdays: Option<Vec<Weekday>> =
            form.weekdays.iter().map(|code| WEEKDAYS.iter().find(|(c, _)| c == code).map(|(_, w)| *w)).collect();
        let interval = match form.interval.as_str() {
            "" | "weekly" => Ok(Interval::Weekly),
            "every_n_weeks" => number("every_weeks", &form.every_weeks, EVERY_WEEKS)
                .and_then(|n| n.ok_or(FieldError::new("every_weeks", "error-required")))
                .map(Interval::EveryNWeeks),
            "dates" => hand_picked(&[&form.dates]),
            _ => Err(FieldError::new("interval", "error-choice")),
        };
        PlanCourse::read(PlanCourseFields {
            name: &form.name,
            venue: &form.venue,
            room: &form.room,
            start_date: parse_day("start_date", &form.start_date),
            start_time: time_of_day("start_time", &form.start_time),
            duration_minutes: number("duration_minutes", &form.duration_minutes, DURATION_MINUTES),
            session_count: number("session_count", &form.session_count, SESSION_COUNT),
            capacity: number("capacity", &form.capacity, CAPACITY),
            weekdays: weekdays.ok_or(FieldError::new("weekdays", "error-choice")),
            interval,
        })
    }
}

/// The course as the service plans it: what the planner left open filled in from the
/// programme's manual (every problem at once), and the schedule checked.
pub fn with_programme(plan: PlanCourse, manual: &Manual) -> Result<CourseInput, WebError> {
    let mut errors = FieldErrors::new();
    let count = match (&plan.interval, plan.session_count) {
        (Interval::HandPicked(dates), _) => Some(dates.len() as u32),
        (_, Some(n)) => Some(n),
        (_, None) => manual.session_count().or_else(|| {
            errors.push(FieldError::new("session_count", "error-required"));
            None
        }),
    };
    let capacity = plan.capacity.or(manual.group_size.map(|g| g.max)).or_else(|| {
        errors.push(FieldError::new("capacity", "error-required"));
        None
    });
    let explicit_minutes = plan.duration_minutes;
    let duration_minutes = explicit_minutes.or(manual.sessions.first().map(|s| s.duration_minutes)).unwrap_or(120);
    let (Some(count), Some(capacity)) = (count, capacity) else { return Err(errors.into()) };
    let schedule = ScheduleRequest { start: plan.start_date, weekdays: plan.weekdays, interval: plan.interval, count };
    schedule.validate()?;
    Ok(CourseInput {
        name: plan.name,
        venue: plan.venue,
        room: plan.room,
        start_time: plan.start_time,
        duration_minutes,
        explicit_minutes,
        capacity,
        schedule,
    })
}

/// A course's own details as typed.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DetailsForm {
    pub name: String,
    pub venue: String,
    pub room: String,
    pub capacity: String,
}

impl TryFrom<&DetailsForm> for CourseDetails {
    type Error = FieldErrors;

    fn try_from(form: &DetailsForm) -> Result<CourseDetails, FieldErrors> {
        let capacity = number("capacity", &form.capacity, CAPACITY)
            .and_then(|c| c.ok_or(FieldError::new("capacity", "error-required")));
        CourseDetails::read(&form.name, &form.venue, &form.room, capacity)
    }
}

/// Someone joining a course's working group.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct StaffForm {
    /// A person with an account in the organisation…
    pub user_id: Option<i64>,
    /// …or someone outside it (school and network contacts), by name.
    pub external_name: String,
    pub external_organisation: String,
    /// coordinator, group_leader, user_representative, secretary or network_contact.
    pub course_role: String,
    /// Puts a group leader or user representative on every planned session.
    pub on_every_session: bool,
}

impl TryFrom<&StaffForm> for JoinWorkingGroup {
    type Error = FieldErrors;

    fn try_from(form: &StaffForm) -> Result<JoinWorkingGroup, FieldErrors> {
        JoinWorkingGroup::read(
            form.user_id,
            &form.external_name,
            &form.external_organisation,
            CourseRole::parse(&form.course_role),
            form.on_every_session,
        )
    }
}

/// A session or meeting moved or added, as typed.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SessionForm {
    /// YYYY-MM-DD.
    pub date: String,
    /// HH:MM.
    pub start_time: String,
    /// HH:MM, after the start.
    pub end_time: String,
    /// Empty: unchanged (moving) or the course's room (adding).
    pub room: String,
    /// For an added session; empty gives it a number.
    pub title: String,
    /// Adds a meeting rather than a session.
    pub meeting: bool,
}

impl TryFrom<&SessionForm> for SessionChange {
    type Error = FieldErrors;

    fn try_from(form: &SessionForm) -> Result<SessionChange, FieldErrors> {
        SessionChange::read(
            parse_day("date", &form.date),
            time_of_day("start_time", &form.start_time),
            time_of_day("end_time", &form.end_time),
            &form.room,
            &form.title,
            form.meeting,
        )
    }
}
