//! What a planner asks for, in the domain's terms: days, times, counts and choices, never
//! text still to be read. A page reads a command from its form and the API from its JSON,
//! each its own way; what they found goes through `read` here, which checks the rest in
//! one order, so both name the same fields with the same messages. What only the
//! programme knows (how many sessions, how long, how large a group) stays `None` until the
//! service fills it in from the manual.

pub use super::staffing::CourseRole;
use crate::planning::schedule::{Interval, MAX_SESSIONS};
use crate::validation::{optional_line, required_line, FieldError, FieldErrors};
use chrono::{NaiveDate, NaiveTime, Weekday};

/// Longest name and venue of a course, and the title of a session.
pub const NAME_MAX_CHARS: usize = 200;
pub const ROOM_MAX_CHARS: usize = 100;
/// Longest name and organisation of someone outside who joins a working group.
pub const OUTSIDER_MAX_CHARS: usize = 200;

/// Bounds of the whole numbers a planner types, both included.
pub const DURATION_MINUTES: (u32, u32) = (15, 600);
pub const SESSION_COUNT: (u32, u32) = (1, MAX_SESSIONS);
pub const CAPACITY: (u32, u32) = (1, 100);
pub const EVERY_WEEKS: (u32, u32) = (1, 8);

/// A whole number within `(min, max)`, or the problem naming the field and the bounds.
pub fn within(field: &str, n: u32, (min, max): (u32, u32)) -> Result<u32, FieldError> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::new(field, "error-number-range").with_arg("min", min).with_arg("max", max))
    }
}

/// A course to plan from a programme's current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCourse {
    pub name: String,
    pub venue: String,
    pub room: String,
    /// The first possible day.
    pub start_date: NaiveDate,
    /// When every session starts, local time.
    pub start_time: NaiveTime,
    pub weekdays: Vec<Weekday>,
    pub interval: Interval,
    /// The length of every session; None: each as long as the programme's plan says.
    pub duration_minutes: Option<u32>,
    /// None: the programme's number (hand-picked dates count themselves).
    pub session_count: Option<u32>,
    /// None: the programme's largest group.
    pub capacity: Option<u32>,
}

/// A new course as a reader found it: the texts as typed, everything else read already
/// (or the problem met reading it), in the order the problems are told.
pub struct PlanCourseFields<'a> {
    pub name: &'a str,
    pub venue: &'a str,
    pub room: &'a str,
    pub start_date: Result<NaiveDate, FieldError>,
    pub start_time: Result<NaiveTime, FieldError>,
    pub duration_minutes: Result<Option<u32>, FieldError>,
    pub session_count: Result<Option<u32>, FieldError>,
    pub capacity: Result<Option<u32>, FieldError>,
    pub weekdays: Result<Vec<Weekday>, FieldError>,
    pub interval: Result<Interval, FieldError>,
}

impl PlanCourse {
    /// The course, or every problem at once, each named by its field.
    pub fn read(fields: PlanCourseFields<'_>) -> Result<PlanCourse, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take(required_line("name", fields.name, NAME_MAX_CHARS));
        let venue = errors.take(required_line("venue", fields.venue, NAME_MAX_CHARS));
        let room = errors.take(required_line("room", fields.room, ROOM_MAX_CHARS));
        let start_date = errors.take(fields.start_date);
        let start_time = errors.take(fields.start_time);
        let duration_minutes = errors.take(fields.duration_minutes);
        let session_count = errors.take(fields.session_count);
        let capacity = errors.take(fields.capacity);
        let weekdays = errors.take(fields.weekdays);
        let interval = errors.take(fields.interval);
        match (name, venue, room, start_date, start_time, duration_minutes, session_count, capacity, weekdays, interval)
        {
            (
                Some(name),
                Some(venue),
                Some(room),
                Some(start_date),
                Some(start_time),
                Some(duration_minutes),
                Some(session_count),
                Some(capacity),
                Some(weekdays),
                Some(interval),
            ) if errors.is_empty() => Ok(PlanCourse {
                name,
                venue,
                room,
                start_date,
                start_time,
                weekdays,
                interval,
                duration_minutes,
                session_count,
                capacity,
            }),
            _ => Err(errors),
        }
    }
}

/// What can change on a course itself after planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseDetails {
    pub name: String,
    pub venue: String,
    pub room: String,
    pub capacity: u32,
}

impl CourseDetails {
    /// The details, or every problem at once; `capacity` as the reader found it.
    pub fn read(
        name: &str,
        venue: &str,
        room: &str,
        capacity: Result<u32, FieldError>,
    ) -> Result<CourseDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take(required_line("name", name, NAME_MAX_CHARS));
        let venue = errors.take(required_line("venue", venue, NAME_MAX_CHARS));
        let room = errors.take(required_line("room", room, ROOM_MAX_CHARS));
        let capacity = errors.take(capacity);
        match (name, venue, room, capacity) {
            (Some(name), Some(venue), Some(room), Some(capacity)) => Ok(CourseDetails { name, venue, room, capacity }),
            _ => Err(errors),
        }
    }
}

/// Who joins a working group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Member {
    /// Someone with an account in the organisation.
    Account { user_id: i64 },
    /// Someone outside it (school and network contacts), by name.
    Outside { name: String, organisation: Option<String> },
}

/// Someone joining a course's working group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinWorkingGroup {
    pub member: Member,
    pub role: CourseRole,
    /// Put on every planned session at once (group leaders and user representatives).
    pub on_every_session: bool,
}

impl JoinWorkingGroup {
    /// The newcomer, or every problem at once: a role (`None`: not one of the roles), and
    /// either an account or a name from outside, never both, so nothing given is lost.
    pub fn read(
        user_id: Option<i64>,
        external_name: &str,
        external_organisation: &str,
        role: Option<CourseRole>,
        on_every_session: bool,
    ) -> Result<JoinWorkingGroup, FieldErrors> {
        let mut errors = FieldErrors::new();
        if role.is_none() {
            errors.push(FieldError::new("course_role", "error-choice"));
        }
        let name = errors.take(optional_line("external_name", external_name, OUTSIDER_MAX_CHARS));
        let organisation =
            errors.take(optional_line("external_organisation", external_organisation, OUTSIDER_MAX_CHARS)).flatten();
        if user_id.is_none() && matches!(name, Some(None)) {
            errors.push(FieldError::new("user_id", "error-staff-who"));
        }
        let name = name.flatten();
        if user_id.is_some() {
            for (field, given) in [("external_name", name.is_some()), ("external_organisation", organisation.is_some())]
            {
                if given {
                    errors.push(FieldError::new(field, "error-staff-one-of"));
                }
            }
        }
        if on_every_session && !role.is_some_and(CourseRole::staffs_sessions) {
            errors.push(FieldError::new("on_every_session", "error-on-every-session-role"));
        }
        let member = match (user_id, name) {
            (Some(user_id), _) => Some(Member::Account { user_id }),
            (None, Some(name)) => Some(Member::Outside { name, organisation }),
            (None, None) => None,
        };
        match (member, role) {
            (Some(member), Some(role)) if errors.is_empty() => Ok(JoinWorkingGroup { member, role, on_every_session }),
            _ => Err(errors),
        }
    }
}

/// A session or meeting moved or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionChange {
    pub date: NaiveDate,
    pub start: NaiveTime,
    /// After the start.
    pub end: NaiveTime,
    /// None: unchanged (moving) or the course's room (adding).
    pub room: Option<String>,
    /// For an added session; None gives it a number.
    pub title: Option<String>,
    /// Adds a meeting rather than a session.
    pub meeting: bool,
}

impl SessionChange {
    /// The change, or every problem at once; the day and times as the reader found them.
    pub fn read(
        date: Result<NaiveDate, FieldError>,
        start: Result<NaiveTime, FieldError>,
        end: Result<NaiveTime, FieldError>,
        room: &str,
        title: &str,
        meeting: bool,
    ) -> Result<SessionChange, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = errors.take(date);
        let start = errors.take(start);
        let end = errors.take(end);
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                errors.push(FieldError::new("end_time", "error-end-before-start"));
            }
        }
        let room = errors.take(optional_line("room", room, ROOM_MAX_CHARS));
        let title = errors.take(optional_line("title", title, NAME_MAX_CHARS));
        match (date, start, end, room, title) {
            (Some(date), Some(start), Some(end), Some(room), Some(title)) if errors.is_empty() => {
                Ok(SessionChange { date, start, end, room, title, meeting })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
    }

    fn time(raw: &str) -> NaiveTime {
        NaiveTime::parse_from_str(raw, "%H:%M").unwrap()
    }

    fn fields<'a>() -> PlanCourseFields<'a> {
        PlanCourseFields {
            name: "Høst",
            venue: "Huset",
            room: "Salen",
            start_date: Ok(day("2026-09-01")),
            start_time: Ok(time("17:00")),
            duration_minutes: Ok(None),
            session_count: Ok(None),
            capacity: Ok(Some(8)),
            weekdays: Ok(vec![Weekday::Tue]),
            interval: Ok(Interval::Weekly),
        }
    }

    fn named(errors: &FieldErrors) -> Vec<&str> {
        errors.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_course_reads_with_the_programme_s_defaults_left_open() {
        let plan = PlanCourse::read(fields()).unwrap();
        assert_eq!((plan.session_count, plan.duration_minutes, plan.capacity), (None, None, Some(8)));
        assert_eq!(plan.name, "Høst");
    }

    #[test]
    fn every_problem_of_a_course_is_named_in_the_form_s_order() {
        let mut bad = fields();
        bad.name = " ";
        bad.start_time = Err(FieldError::new("start_time", "error-time"));
        bad.interval = Err(FieldError::new("every_weeks", "error-required"));
        bad.room = "a\u{7}b";
        let errors = PlanCourse::read(bad).unwrap_err();
        assert_eq!(named(&errors), ["name", "room", "start_time", "every_weeks"]);
    }

    #[test]
    fn numbers_outside_their_bounds_name_the_bounds() {
        let error = within("capacity", 0, CAPACITY).unwrap_err();
        assert_eq!((error.field.as_str(), error.code), ("capacity", "error-number-range"));
        assert_eq!(within("capacity", 100, CAPACITY), Ok(100));
        assert!(within("session_count", MAX_SESSIONS + 1, SESSION_COUNT).is_err());
    }

    #[test]
    fn details_need_every_text_and_a_capacity() {
        let details = CourseDetails::read("Vår", "Huset", "Salen", Ok(12)).unwrap();
        assert_eq!(details.capacity, 12);
        let errors =
            CourseDetails::read("", "Huset", "", Err(FieldError::new("capacity", "error-required"))).unwrap_err();
        assert_eq!(named(&errors), ["name", "room", "capacity"]);
    }

    #[test]
    fn a_newcomer_is_an_account_or_someone_outside_never_both() {
        let leader = JoinWorkingGroup::read(Some(7), "", "", Some(CourseRole::GroupLeader), true).unwrap();
        assert_eq!(leader.member, Member::Account { user_id: 7 });
        let contact =
            JoinWorkingGroup::read(None, "Rektor", "Skolen", Some(CourseRole::NetworkContact), false).unwrap();
        assert_eq!(contact.member, Member::Outside { name: "Rektor".into(), organisation: Some("Skolen".into()) });
        let nobody = JoinWorkingGroup::read(None, " ", "", Some(CourseRole::Secretary), false).unwrap_err();
        assert_eq!(named(&nobody), ["user_id"]);
        let both = JoinWorkingGroup::read(Some(7), "Rektor", "Skolen", Some(CourseRole::Secretary), false).unwrap_err();
        assert_eq!(named(&both), ["external_name", "external_organisation"]);
    }

    #[test]
    fn only_those_who_staff_sessions_go_on_every_session() {
        let errors = JoinWorkingGroup::read(Some(7), "", "", Some(CourseRole::Secretary), true).unwrap_err();
        assert_eq!(named(&errors), ["on_every_session"]);
        let errors = JoinWorkingGroup::read(Some(7), "", "", None, true).unwrap_err();
        assert_eq!(named(&errors), ["course_role", "on_every_session"]);
        for &role in CourseRole::ALL {
            assert_eq!(CourseRole::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn a_session_ends_after_it_starts() {
        let change =
            SessionChange::read(Ok(day("2026-09-01")), Ok(time("17:00")), Ok(time("19:00")), " ", "", false).unwrap();
        assert_eq!((change.room, change.title), (None, None));
        let errors = SessionChange::read(Ok(day("2026-09-01")), Ok(time("17:00")), Ok(time("17:00")), "", "", false)
            .unwrap_err();
        assert_eq!(named(&errors), ["end_time"]);
    }
}
