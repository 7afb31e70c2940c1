//! Reading course and session input as typed (pages and API share it).

use crate::error::WebError;
use chrono::{NaiveDate, NaiveTime, Weekday};
use samla_domain::planning::schedule::{Interval, ScheduleRequest};
use samla_domain::programmes::Manual;
use samla_domain::validation::{optional_line, required_line};
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

fn number(field: &str, raw: &str, min: u32, max: u32) -> Result<Option<u32>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(FieldError::new(field, "error-number-range").with_arg("min", min).with_arg("max", max)),
    }
}

pub fn parse_time(field: &str, raw: &str) -> Result<NaiveTime, FieldError> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(raw.trim(), "%H.%M"))
        .map_err(|_| FieldError::new(field, "error-time"))
}

pub use samla_domain::validation::day as parse_day;

/// Name, venue, room and capacity, as typed.
pub fn parse_details(
    name: &str,
    venue: &str,
    room: &str,
    capacity: &str,
) -> Result<(String, String, String, u32), FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", name, 200));
    let venue = errors.take(required_line("venue", venue, 200));
    let room = errors.take(required_line("room", room, 100));
    let capacity = errors.take(
        number("capacity", capacity, 1, 100).and_then(|c| c.ok_or(FieldError::new("capacity", "error-required"))),
    );
    errors.finish(|| (name.unwrap(), venue.unwrap(), room.unwrap(), capacity.unwrap()))
}

impl CourseForm {
    pub fn parse(&self, manual: &Manual) -> Result<CourseInput, WebError> {
        let mut errors = FieldErrors::new();
        let name = errors.take(required_line("name", &self.name, 200));
        let venue = errors.take(required_line("venue", &self.venue, 200));
        let room = errors.take(required_line("room", &self.room, 100));
        let start = errors.take(parse_day("start_date", &self.start_date));
        let start_time = errors.take(parse_time("start_time", &self.start_time));
        let duration = errors.take(number("duration_minutes", &self.duration_minutes, 15, 600)).flatten();
        let count = errors
            .take(number("session_count", &self.session_count, 1, samla_domain::planning::schedule::MAX_SESSIONS))
            .flatten();
        let capacity = errors.take(number("capacity", &self.capacity, 1, 100)).flatten();
        let weekdays: Option<Vec<Weekday>> = {
            let parsed: Option<Vec<Weekday>> =
                self.weekdays.iter().map(|code| WEEKDAYS.iter().find(|(c, _)| c == code).map(|(_, w)| *w)).collect();
            if parsed.is_none() {
                errors.push(FieldError::new("weekdays", "error-choice"));
            }
            parsed
        };
        let interval = match self.interval.as_str() {
            "" | "weekly" => Some(Interval::Weekly),
            "every_n_weeks" => errors.take(
                number("every_weeks", &self.every_weeks, 1, 8)
                    .and_then(|n| n.ok_or(FieldError::new("every_weeks", "error-required")))
                    .map(Interval::EveryNWeeks),
            ),
            "dates" => {
                let mut dates = Vec::new();
                for piece in
                    self.dates.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|p| !p.is_empty())
                {
                    match errors.take(parse_day("dates", piece)) {
                        Some(date) => dates.push(date),
                        None => break,
                    }
                }
                Some(Interval::HandPicked(dates))
            }
            _ => {
                errors.push(FieldError::new("interval", "error-choice"));
                None
            }
        };
        let count = match (&interval, count) {
            (Some(Interval::HandPicked(dates)), _) => Some(dates.len() as u32),
            (_, Some(n)) => Some(n),
            (_, None) => manual.session_count().or_else(|| {
                errors.push(FieldError::new("session_count", "error-required"));
                None
            }),
        };
        let capacity = capacity.or(manual.group_size.map(|g| g.max)).or_else(|| {
            errors.push(FieldError::new("capacity", "error-required"));
            None
        });
        let explicit_minutes = duration;
        let duration = duration.or(manual.sessions.first().map(|s| s.duration_minutes)).unwrap_or(120);
        errors.finish(|| ())?;
        let schedule = ScheduleRequest {
            start: start.unwrap(),
            weekdays: weekdays.unwrap_or_default(),
            interval: interval.unwrap(),
            count: count.unwrap(),
        };
        schedule.validate()?;
        Ok(CourseInput {
            name: name.unwrap(),
            venue: venue.unwrap(),
            room: room.unwrap(),
            start_time: start_time.unwrap(),
            duration_minutes: duration,
            explicit_minutes,
            capacity: capacity.unwrap(),
            schedule,
        })
    }
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

pub struct SessionFields {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub room: String,
    /// Empty when none was typed.
    pub title: String,
}

impl SessionForm {
    pub fn parse(&self, default_room: &str) -> Result<SessionFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = errors.take(parse_day("date", &self.date));
        let start = errors.take(parse_time("start_time", &self.start_time));
        let end = errors.take(parse_time("end_time", &self.end_time));
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                errors.push(FieldError::new("end_time", "error-end-before-start"));
            }
        }
        let room = errors.take(optional_line("room", &self.room, 100)).flatten();
        let title = errors.take(optional_line("title", &self.title, 200)).flatten();
        errors.finish(|| SessionFields {
            date: date.unwrap(),
            start: start.unwrap(),
            end: end.unwrap(),
            room: room.unwrap_or_else(|| default_room.to_string()),
            title: title.unwrap_or_default(),
        })
    }
}
