//! Course planning over JSON: courses planned from a programme, their sessions and
//! meetings (moved, cancelled or added one at a time), working group and staffing
//! check, checklist and budget. Handlers read the request, ask the course services and
//! shape the answer; the rules live in the services and the domain.

use super::extract::{etag, Id};
use super::{ApiJson, ApiQuery, IfMatch, Items, OrgCaller, Page, Problem, Versioned};
use crate::api::conventions::{
    CourseIfMatch, CoursePath, CourseProblems, CourseWorkerProblems, InvalidFieldsOrCourseFinished, InvalidPaging,
    OrgSlug, OrganisationProblems, Saved, VersionChecked,
};
use crate::auth::Actor;
use crate::error::WebError;
use crate::http::Lang;
use crate::services::courses::{self as service, CourseView, SessionView};
use crate::AppState;
use axum::http::header::{ETAG, LOCATION};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::Weekday;
use rust_decimal::Decimal;
use samla_domain::planning::budget::{self, BudgetLine};
use samla_domain::planning::commands::{
    within, CourseDetails, PlanCourse, PlanCourseFields, CAPACITY, DURATION_MINUTES, EVERY_WEEKS, SESSION_COUNT,
};
use samla_domain::planning::schedule::Interval;
use samla_domain::planning::staffing::StaffingGap;
use samla_domain::validation::{required_line, time_of_day};
use samla_domain::{Action, FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

mod budget_lines;
mod checklist;
mod deviations;
mod sessions;
mod staff;

pub use budget_lines::*;
pub use checklist::*;
pub use deviations::{AcceptedCourseDeviation, CourseDeviation};
pub use sessions::*;
pub use staff::*;

/// JSON numbers for integer fields: `4` and `4.0` alike (JSON Schema counts both as
/// integers), anything with a fraction or out of range refused.
pub(super) mod whole {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Signed(i64),
        Unsigned(u64),
        Float(f64),
    }

    fn integer<T: TryFrom<i64>>(number: Number) -> Option<T> {
        let value = match number {
            Number::Signed(n) => n,
            Number::Unsigned(n) => i64::try_from(n).ok()?,
            Number::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => f as i64,
            Number::Float(_) => return None,
        };
        T::try_from(value).ok()
    }

    fn refuse<E: Error>() -> E {
        E::custom("expected a whole number in range")
    }

    pub fn required<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<T, D::Error> {
        integer(Number::deserialize(deserializer)?).ok_or_else(refuse)
    }

    pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<Option<T>, D::Error> {
        match Option::<Number>::deserialize(deserializer)? {
            None => Ok(None),
            Some(number) => integer(number).map(Some).ok_or_else(refuse),
        }
    }

    /// A list of ids, each a whole number (`7.0` counts as 7, as JSON Schema says).
    pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<i64>, D::Error> {
        struct Whole(i64);
        impl<'de> Deserialize<'de> for Whole {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                required(deserializer).map(Whole)
            }
        }
        Ok(Vec::<Whole>::deserialize(deserializer)?.into_iter().map(|id| id.0).collect())
    }
}

// ---------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayName {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl WeekdayName {
    const ALL: [WeekdayName; 7] = [
        WeekdayName::Mon,
        WeekdayName::Tue,
        WeekdayName::Wed,
        WeekdayName::Thu,
        WeekdayName::Fri,
        WeekdayName::Sat,
        WeekdayName::Sun,
    ];

    fn code(self) -> &'static str {
        match self {
            WeekdayName::Mon => "mon",
            WeekdayName::Tue => "tue",
            WeekdayName::Wed => "wed",
            WeekdayName::Thu => "thu",
            WeekdayName::Fri => "fri",
            WeekdayName::Sat => "sat",
            WeekdayName::Sun => "sun",
        }
    }

    fn weekday(self) -> Weekday {
        match self {
            WeekdayName::Mon => Weekday::Mon,
            WeekdayName::Tue => Weekday::Tue,
            WeekdayName::Wed => Weekday::Wed,
            WeekdayName::Thu => Weekday::Thu,
            WeekdayName::Fri => Weekday::Fri,
            WeekdayName::Sat => Weekday::Sat,
            WeekdayName::Sun => Weekday::Sun,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IntervalName {
    /// Every week on the chosen weekdays.
    Weekly,
    /// Every `every_weeks` weeks on the chosen weekdays.
    EveryNWeeks,
    /// The hand-picked `dates`.
    Dates,
}

impl IntervalName {
    fn code(self) -> &'static str {
        match self {
            IntervalName::Weekly => "weekly",
            IntervalName::EveryNWeeks => "every_n_weeks",
            IntervalName::Dates => "dates",
        }
    }

    fn parse(raw: &str) -> IntervalName {
        match raw {
            "every_n_weeks" => IntervalName::EveryNWeeks,
            "dates" => IntervalName::Dates,
            _ => IntervalName::Weekly,
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CourseStatusName {
    Draft,
    Ready,
    Recruiting,
    Running,
    Completed,
    Archived,
    Cancelled,
}

impl CourseStatusName {
    fn code(self) -> &'static str {
        match self {
            CourseStatusName::Draft => "draft",
            CourseStatusName::Ready => "ready",
            CourseStatusName::Recruiting => "recruiting",
            CourseStatusName::Running => "running",
            CourseStatusName::Completed => "completed",
            CourseStatusName::Archived => "archived",
            CourseStatusName::Cancelled => "cancelled",
        }
    }
}

name_from!(samla_domain::planning::lifecycle::CourseStatus => CourseStatusName {
    Draft, Ready, Recruiting, Running, Completed, Archived, Cancelled,
});

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CourseRoleName {
    Coordinator,
    GroupLeader,
    UserRepresentative,
    Secretary,
    /// School and network contacts, often outside the organisation.
    NetworkContact,
}

impl CourseRoleName {
    fn role(self) -> samla_domain::planning::commands::CourseRole {
        use samla_domain::planning::commands::CourseRole;
        match self {
            CourseRoleName::Coordinator => CourseRole::Coordinator,
            CourseRoleName::GroupLeader => CourseRole::GroupLeader,
            CourseRoleName::UserRepresentative => CourseRole::UserRepresentative,
            CourseRoleName::Secretary => CourseRole::Secretary,
            CourseRoleName::NetworkContact => CourseRole::NetworkContact,
        }
    }
}

name_from!(samla_domain::planning::staffing::CourseRole => CourseRoleName {
    Coordinator, GroupLeader, UserRepresentative, Secretary, NetworkContact,
});

/// A day, YYYY-MM-DD.
#[derive(Deserialize, Serialize, ToSchema, Clone)]
#[schema(format = Date)]
pub struct Day(pub String);

#[derive(Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PlanningWarningCode {
    /// Sessions or meetings planned on days before today: right when an organisation
    /// records a course that has already run, a slip otherwise.
    InThePast,
}

/// Something in what was just planned that the planner should look at; the change is
/// saved all the same.
#[derive(Serialize, ToSchema)]
pub struct PlanningWarning {
    pub code: PlanningWarningCode,
    /// The days concerned, earliest first.
    #[schema(value_type = Vec<String>)]
    pub dates: Vec<String>,
    /// The warning in the caller's language.
    pub message: String,
}

/// The warnings about days planned before today (none when there are none).
fn past_warnings(state: &AppState, lang: Lang, days: &[chrono::NaiveDate]) -> Vec<PlanningWarning> {
    if days.is_empty() {
        return Vec::new();
    }
    let message = state.i18n.text(lang.0, "planning-warning-in-the-past", &[("count", days.len().to_string())]);
    vec![PlanningWarning {
        code: PlanningWarningCode::InThePast,
        dates: days.iter().map(|d| d.to_string()).collect(),
        message,
    }]
}

// ---------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct ProgrammeRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The manual version the course was planned from.
    pub version: i64,
}

/// A course: one run of a programme.
#[derive(Serialize, ToSchema)]
pub struct Course {
    pub id: i64,
    pub name: String,
    pub venue: String,
    pub room: String,
    pub programme: ProgrammeRef,
    /// The first session's day.
    #[schema(value_type = String, format = Date)]
    pub start_date: String,
    pub weekdays: Vec<WeekdayName>,
    /// HH:MM, local time.
    pub start_time: String,
    pub duration_minutes: i64,
    pub interval: IntervalName,
    pub every_weeks: i64,
    /// Sessions as planned (meetings not counted).
    pub session_count: i64,
    pub capacity: i64,
    pub status: CourseStatusName,
    pub cancel_reason: Option<String>,
    pub version: i64,
    /// The organisation's currency (NOK, DKK).
    pub currency: String,
    /// The time zone of every date and time (Europe/Oslo, Europe/Copenhagen).
    pub time_zone: String,
    /// Planned sessions that lack staff under the programme's rules.
    pub sessions_lacking_staff: i64,
    /// How the planned sessions differ from the programme's rules now, one entry per kind.
    pub deviations: Vec<CourseDeviation>,
    /// The deviations a coordinator accepted, each with the reason, who and when.
    pub accepted_deviations: Vec<AcceptedCourseDeviation>,
}

fn weekdays(raw: &str) -> Vec<WeekdayName> {
    raw.split(',').filter_map(|code| WeekdayName::ALL.into_iter().find(|w| w.code() == code.trim())).collect()
}

fn course_json(actor: &Actor, view: &CourseView) -> Course {
    let c = &view.course;
    Course {
        id: c.id,
        name: c.name.clone(),
        venue: c.venue.clone(),
        room: c.room.clone(),
        programme: ProgrammeRef {
            id: view.programme.id,
            slug: view.programme.slug.clone(),
            name: view.manual.name.clone(),
            version: view.programme_version,
        },
        start_date: c.start_date.clone(),
        weekdays: weekdays(&c.weekdays),
        start_time: c.start_time.clone(),
        duration_minutes: c.duration_minutes,
        interval: IntervalName::parse(&c.interval_kind),
        every_weeks: c.every_weeks,
        session_count: c.session_count,
        capacity: c.capacity,
        status: view.status.into(),
        cancel_reason: c.cancel_reason.clone(),
        version: c.version,
        currency: view.currency.to_string(),
        time_zone: actor.organisation.timezone().to_string(),
        sessions_lacking_staff: view.sessions.iter().filter(|s| !s.gaps.is_empty()).count() as i64,
        deviations: deviations::current(view),
        accepted_deviations: deviations::accepted(view),
    }
}

/// A course just planned, with what the planner should look at.
#[derive(Serialize, ToSchema)]
pub struct PlannedCourse {
    #[serde(flatten)]
    pub course: Course,
    /// E.g. sessions on days before today; empty when there is nothing to look at.
    pub warnings: Vec<PlanningWarning>,
}

#[derive(Serialize, ToSchema)]
pub struct CourseSummary {
    pub id: i64,
    pub name: String,
    pub venue: String,
    pub room: String,
    #[schema(value_type = String, format = Date)]
    pub start_date: String,
    pub session_count: i64,
    pub capacity: i64,
    pub status: CourseStatusName,
    pub version: i64,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// One of the course's sessions.
    Session,
    /// A meeting around them (parent meeting, network meeting, closing conversation …).
    Meeting,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Planned,
    Cancelled,
}

name_from!(samla_domain::planning::session::SessionKind => SessionKind { Session, Meeting });
name_from!(samla_domain::planning::session::SessionStatus => SessionStatus { Planned, Cancelled });

#[derive(Serialize, ToSchema)]
pub struct SessionStaff {
    pub staff_id: i64,
    pub name: String,
    pub course_role: CourseRoleName,
    pub substitute: bool,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    GroupLeaders,
    CertifiedGroupLeaders,
    UserRepresentatives,
}

/// What a session lacks under the programme's staffing rule.
#[derive(Serialize, ToSchema)]
pub struct Gap {
    pub gap: GapKind,
    #[schema(minimum = 0)]
    pub have: u32,
    #[schema(minimum = 0)]
    pub need: u32,
}

impl From<&StaffingGap> for Gap {
    fn from(gap: &StaffingGap) -> Gap {
        match *gap {
            StaffingGap::GroupLeaders { have, need } => Gap { gap: GapKind::GroupLeaders, have, need },
            StaffingGap::CertifiedGroupLeaders { have, need } => {
                Gap { gap: GapKind::CertifiedGroupLeaders, have, need }
            }
            StaffingGap::UserRepresentatives { have, need } => Gap { gap: GapKind::UserRepresentatives, have, need },
        }
    }
}

/// A session or meeting of a course.
#[derive(Serialize, ToSchema)]
pub struct Session {
    pub id: i64,
    /// 1, 2, 3 … among the course's sessions; none for meetings.
    pub number: Option<i64>,
    pub kind: SessionKind,
    /// For meetings: pre_conversation, parent_meeting, network_meeting …
    pub meeting_kind: Option<String>,
    pub title: String,
    /// participants, parents, family or network.
    pub audience: String,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    pub start_time: String,
    /// HH:MM, local time.
    pub end_time: String,
    pub room: String,
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    /// For If-Match when moving or cancelling.
    pub version: i64,
    pub staff: Vec<SessionStaff>,
    /// Empty when the session is staffed by the rules (meetings and cancelled sessions
    /// have none).
    pub gaps: Vec<Gap>,
    /// Other courses using the same room, or the same people, at the same time.
    pub conflicts: Vec<String>,
}

fn session_json(s: &SessionView) -> Session {
    Session {
        id: s.row.id,
        number: s.number.map(|n| n as i64),
        kind: s.row.kind.into(),
        meeting_kind: s.row.meeting_kind.clone(),
        title: s.row.title.clone(),
        audience: s.row.audience.as_str().to_string(),
        date: s.row.date.clone(),
        start_time: s.row.start_time.clone(),
        end_time: s.row.end_time.clone(),
        room: s.row.room.clone(),
        status: s.row.status.into(),
        cancel_reason: s.row.cancel_reason.clone(),
        version: s.row.version,
        staff: s
            .staff
            .iter()
            .map(|(m, substitute)| SessionStaff {
                staff_id: m.id,
                name: m.name.clone(),
                course_role: m.course_role.into(),
                substitute: *substitute,
            })
            .collect(),
        gaps: s.gaps.iter().map(Gap::from).collect(),
        conflicts: s.conflicts.clone(),
    }
}

/// A member of the course's working group.
#[derive(Serialize, ToSchema)]
pub struct StaffMember {
    pub id: i64,
    /// The person's account here; none for someone outside the organisation.
    pub user_id: Option<i64>,
    pub name: String,
    pub external_organisation: Option<String>,
    pub course_role: CourseRoleName,
}

fn staff_json(m: &samla_storage::course_staff::StaffMember) -> StaffMember {
    StaffMember {
        id: m.id,
        user_id: m.user_id,
        name: m.name.clone(),
        external_organisation: m.external_organisation.clone(),
        course_role: m.course_role.into(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ChecklistItem {
    pub id: i64,
    pub task: String,
    /// The course role that usually does it.
    pub responsible_role: String,
    /// The working-group member who does it.
    pub assignee_staff_id: Option<i64>,
    /// The course's start plus the template's offset.
    #[schema(value_type = String, format = Date)]
    pub due_date: String,
    pub done: bool,
    /// Unix seconds.
    pub done_at: Option<i64>,
    /// Open and past its due date.
    pub overdue: bool,
}

fn checklist_json((item, overdue): &(samla_storage::checklists::ChecklistItem, bool)) -> ChecklistItem {
    ChecklistItem {
        id: item.id,
        task: item.task.clone(),
        responsible_role: item.responsible_role.clone(),
        assignee_staff_id: item.assignee_staff_id,
        due_date: item.due_date.clone(),
        done: item.done_at.is_some(),
        done_at: item.done_at,
        overdue: *overdue,
    }
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MultiplierKind {
    /// `count` units (1 for a lump sum).
    Fixed,
    /// Once per group leader on the course (at least the programme's minimum).
    Leader,
    /// Once per planned session.
    Session,
    /// Once per participant (the course's capacity).
    Participant,
}

/// How many units a line counts.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct BudgetMultiplier {
    pub per: MultiplierKind,
    /// Units, with `fixed` (required there, ignored otherwise).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 10000)]
    pub count: Option<u32>,
}

/// Money and hours are decimal strings with a dot: "350", "350.50".
#[derive(Serialize, ToSchema)]
pub struct BudgetLineOut {
    pub label: String,
    pub amount: String,
    pub hours: Option<String>,
    pub multiplier: BudgetMultiplier,
    /// amount × hours × units.
    pub total: String,
}

#[derive(Serialize, ToSchema)]
pub struct Budget {
    pub currency: String,
    pub lines: Vec<BudgetLineOut>,
    pub total: String,
    /// The total divided by the course's capacity, to whole øre.
    pub per_participant: Option<String>,
    pub participants: i64,
}

/// Money as people read it: whole amounts without decimals, others with two.
fn money(value: Decimal) -> String {
    let rounded = value.round_dp(2);
    if rounded.fract().is_zero() {
        rounded.trunc().normalize().to_string()
    } else {
        format!("{rounded:.2}")
    }
}

fn budget_json(view: &CourseView) -> Budget {
    Budget {
        currency: view.currency.to_string(),
        lines: view
            .budget
            .iter()
            .map(|(row, total)| BudgetLineOut {
                label: row.label.clone(),
                amount: row.amount.clone(),
                hours: row.hours.clone(),
                multiplier: BudgetMultiplier {
                    per: match row.multiplier.as_str() {
                        "leader" => MultiplierKind::Leader,
                        "session" => MultiplierKind::Session,
                        "participant" => MultiplierKind::Participant,
                        _ => MultiplierKind::Fixed,
                    },
                    count: (row.multiplier == "fixed").then_some(row.count.max(0) as u32),
                },
                total: money(*total),
            })
            .collect(),
        total: money(view.budget_total),
        per_participant: view.per_participant.map(money),
        participants: view.course.capacity,
    }
}

// ---------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------

fn course_location(org: &str, course_id: i64) -> String {
    format!("/api/v1/organisations/{org}/courses/{course_id}")
}

fn session_of(view: &CourseView, session_id: i64) -> Result<&SessionView, WebError> {
    view.sessions.iter().find(|s| s.row.id == session_id).ok_or(WebError::NotFound)
}

/// Free text on one line that may be empty (a room, a title): the text rule, as the
/// schemas say.
fn optional_line(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) {
    errors.take(samla_domain::validation::optional_line(field, raw, max));
}

// ---------------------------------------------------------------------------------
// Courses
// ---------------------------------------------------------------------------------

page_params! {
    pub struct CourseParams {
        /// Only courses with this status.
        pub status: Option<CourseStatusName>,
    }
}

/// The courses the caller may see, latest start first: everyone's for coordinators,
/// secretaries and administrators, only their own for group leaders and user
/// representatives.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses", operation_id = "listCourses", tag = "courses",
    params(OrgSlug, CourseParams),
    responses(
        (status = 200, description = "A page of courses", body = Page<CourseSummary>),
        OrganisationProblems,
        InvalidPaging,
    ))]
pub async fn list_courses(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<CourseParams>,
) -> Result<Json<Page<CourseSummary>>, WebError> {
    let (limit, offset) = params.page_bounds()?;
    let all: Vec<_> = service::list(&state, &actor)
        .await?
        .into_iter()
        .filter(|c| params.status.is_none_or(|s| s == CourseStatusName::from(c.status)))
        .collect();
    Ok(Json(Page::of_slice(&all, offset, limit, |c| CourseSummary {
        id: c.id,
        name: c.name.clone(),
        venue: c.venue.clone(),
        room: c.room.clone(),
        start_date: c.start_date.clone(),
        session_count: c.session_count,
        capacity: c.capacity,
        status: c.status.into(),
        version: c.version,
    })))
}

/// A new course, planned from the current version of a programme.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCourse {
    /// The programme's slug or id.
    #[schema(min_length = 1, max_length = 60, pattern = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    pub programme: String,
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    #[schema(max_length = 200, format = "required_line")]
    pub venue: String,
    #[schema(max_length = 100, format = "required_line")]
    pub room: String,
    /// The first possible day; it must fall on one of `weekdays`.
    #[schema(value_type = String, format = Date)]
    pub start_date: String,
    /// Left out: the start date's weekday. Not used with `dates`.
    #[serde(default)]
    #[schema(max_items = 7)]
    pub weekdays: Vec<WeekdayName>,
    /// HH:MM, local time.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub start_time: String,
    /// The length of every session, in minutes. Left out: each session as long as the
    /// programme's plan for it says (sessions beyond the plan as long as its first).
    /// Meetings keep the programme's lengths.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 15, maximum = 600)]
    pub duration_minutes: Option<u32>,
    /// Left out: weekly.
    #[serde(default)]
    pub interval: Option<IntervalName>,
    /// With `every_n_weeks`.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 8)]
    pub every_weeks: Option<u32>,
    /// With `dates`: the sessions' days, none on a public or school holiday.
    #[serde(default)]
    #[schema(max_items = 60)]
    pub dates: Vec<Day>,
    /// Left out: the programme's number of sessions. Not used with `dates`.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 60)]
    pub session_count: Option<u32>,
    /// Left out: the programme's largest group.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 100)]
    pub capacity: Option<u32>,
}

impl NewCourse {
    /// Fields the chosen interval does not use are refused rather than dropped.
    fn check_interval(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let interval = self.interval.unwrap_or(IntervalName::Weekly);
        let only_with = |field: &str, with: IntervalName| {
            FieldError::new(field, "error-only-with-interval").with_arg("interval", with.code())
        };
        if self.every_weeks.is_some() && interval != IntervalName::EveryNWeeks {
            errors.push(only_with("every_weeks", IntervalName::EveryNWeeks));
        }
        if !self.dates.is_empty() && interval != IntervalName::Dates {
            errors.push(only_with("dates", IntervalName::Dates));
        }
        if interval == IntervalName::Dates {
            if !self.weekdays.is_empty() {
                errors.push(FieldError::new("weekdays", "error-not-with-dates"));
            }
            if self.session_count.is_some_and(|n| n as usize != self.dates.len()) {
                errors.push(
                    FieldError::new("session_count", "error-session-count-dates").with_arg("count", self.dates.len()),
                );
            }
        }
        errors.finish(|| ())
    }
}

/// A whole number the API was given, within its bounds.
fn within_bounds(field: &str, given: Option<u32>, bounds: (u32, u32)) -> Result<Option<u32>, FieldError> {
    given.map(|n| within(field, n, bounds)).transpose()
}

impl TryFrom<&NewCourse> for PlanCourse {
    type Error = FieldErrors;

    fn try_from(body: &NewCourse) -> Result<PlanCourse, FieldErrors> {
        let start_date = service::input_day("start_date", &body.start_date);
        let mut weekdays: Vec<Weekday> = body.weekdays.iter().map(|w| w.weekday()).collect();
        if let (true, Ok(start)) = (weekdays.is_empty(), &start_date) {
            weekdays.push(chrono::Datelike::weekday(start));
        }
        let interval = match body.interval.unwrap_or(IntervalName::Weekly) {
            IntervalName::Weekly => Ok(Interval::Weekly),
            IntervalName::EveryNWeeks => within_bounds("every_weeks", body.every_weeks, EVERY_WEEKS)
                .and_then(|n| n.ok_or(FieldError::new("every_weeks", "error-required")))
                .map(Interval::EveryNWeeks),
            IntervalName::Dates => service::hand_picked(&body.dates.iter().map(|d| d.0.as_str()).collect::<Vec<_>>()),
        };
        PlanCourse::read(PlanCourseFields {
            name: &body.name,
            venue: &body.venue,
            room: &body.room,
            start_date,
            start_time: time_of_day("start_time", &body.start_time),
            duration_minutes: within_bounds("duration_minutes", body.duration_minutes, DURATION_MINUTES),
            session_count: within_bounds("session_count", body.session_count, SESSION_COUNT),
            capacity: within_bounds("capacity", body.capacity, CAPACITY),
            weekdays: Ok(weekdays),
            interval,
        })
    }
}

/// Plans a course: its sessions skip public holidays and the organisation's school
/// holidays; meetings, checklist and budget come from the programme. A course may be
/// planned in the past (an organisation recording a course that has already run): the
/// answer then carries an `in_the_past` warning naming the days.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses", operation_id = "createCourse", tag = "courses",
    params(OrgSlug),
    request_body = NewCourse,
    responses(
        (status = 201, description = "Planned", body = PlannedCourse,
            headers(("Location" = String, description = "The new course"), ("ETag" = String, description = "Its version"))),
        OrganisationProblems,
        (status = 422, description = "Invalid fields, e.g. a start date on another weekday or an unknown programme", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_course(
    Extension(lang): Extension<Lang>,
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewCourse>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    body.check_interval()?;
    let course_id = service::create(&state, &actor, &body.programme, &body).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let warnings = past_warnings(&state, lang, &service::planned_in_the_past(&state, &actor, &view));
    Ok((
        StatusCode::CREATED,
        [(LOCATION, course_location(&actor.organisation.slug, course_id)), (ETAG, etag(view.course.version))],
        Json(PlannedCourse { course: course_json(&actor, &view), warnings }),
    ))
}

/// One course; ETag carries its version.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}", operation_id = "getCourse", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "The course", body = Course, headers(("ETag" = String, description = "Version for If-Match"))),
        CourseWorkerProblems,
    ))]
pub async fn get_course(OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>) -> Result<impl IntoResponse, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Versioned(view.course.version, course_json(&actor, &view)))
}

/// What can change on a course after planning.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseChange {
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    #[schema(max_length = 200, format = "required_line")]
    pub venue: String,
    #[schema(max_length = 100, format = "required_line")]
    pub room: String,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 100)]
    pub capacity: u32,
}

impl TryFrom<&CourseChange> for CourseDetails {
    type Error = FieldErrors;

    fn try_from(body: &CourseChange) -> Result<CourseDetails, FieldErrors> {
        CourseDetails::read(&body.name, &body.venue, &body.room, within("capacity", body.capacity, CAPACITY))
    }
}

/// Changes a course's name, venue, room and capacity; the schedule stays.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}", operation_id = "updateCourse", tag = "courses",
    params(CoursePath, CourseIfMatch),
    request_body = CourseChange,
    responses(
        Saved<Course>,
        CourseProblems,
        VersionChecked,
        InvalidFieldsOrCourseFinished,
    ))]
pub async fn update_course(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<CourseChange>,
) -> Result<impl IntoResponse, WebError> {
    let expected = version_to_plan(&state, &actor, course_id, &if_match).await?;
    let version = service::update(&state, &actor, course_id, &body, expected).await?;
    changed_course(&state, &actor, course_id, version).await
}

/// The version of the course that `If-Match` lets a planner change: what every change to
/// a course checks first.
async fn version_to_plan(state: &AppState, actor: &Actor, course_id: i64, if_match: &IfMatch) -> Result<i64, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let current = actor.on_course(state, Action::ViewCourses, course_id).await?;
    if_match.expected(current.version)
}

/// The answer to a change of a course: the course as it is now, and its new version.
async fn changed_course(state: &AppState, actor: &Actor, course_id: i64, version: i64) -> Result<Response, WebError> {
    let view = service::course_view(state, actor, course_id).await?;
    Ok(Versioned(version, course_json(actor, &view)).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// draft → ready → recruiting → running → completed → archived, or cancelled
    /// before completed. Ready, recruiting and running need every session staffed as the
    /// programme says, or the deviations accepted with `deviation_reason`.
    pub status: CourseStatusName,
    /// Why the course is cancelled (required for `cancelled`).
    #[serde(default)]
    #[schema(max_length = 500, format = "required_line")]
    pub reason: Option<String>,
    /// Why the course goes ahead although it differs from its programme's rules (see
    /// `deviations` of getCourse): required when moving to ready, recruiting or running
    /// with deviations no earlier acceptance covers, and then kept with who gave it and
    /// when. Not needed (and not kept) otherwise. Up to 2000 characters; lines allowed;
    /// one sent must not be blank.
    #[serde(default)]
    #[schema(max_length = 2000, format = "required_text")]
    pub deviation_reason: Option<String>,
}

/// Moves a course along its lifecycle. A course becomes ready (or recruiting, or
/// running) while sessions lack staff under the programme's rules only when a coordinator
/// accepts the deviations with a written `deviation_reason`; without one the answer is
/// 422 naming `status` (how many sessions lack staff, and each deviation) and
/// `deviation_reason`. An acceptance covers later steps as long as the deviations do not
/// grow.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/status", operation_id = "setCourseStatus", tag = "courses",
    params(CoursePath, CourseIfMatch),
    request_body = StatusChange,
    responses(
        (status = 200, description = "Changed", body = Course, headers(("ETag" = String, description = "The new version"))),
        CourseProblems,
        VersionChecked,
        (status = 422, description = "Not a possible next status, no reason to cancel, or deviations from the programme's rules without a deviation_reason (each deviation named under `status`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_course_status(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<StatusChange>,
) -> Result<impl IntoResponse, WebError> {
    let expected = version_to_plan(&state, &actor, course_id, &if_match).await?;
    let reason = match body.reason.as_deref() {
        Some(raw) => required_line("reason", raw, 500).map_err(FieldErrors::single)?,
        None => String::new(),
    };
    let change = service::StatusChange {
        status: body.status.code(),
        reason: &reason,
        deviation_reason: body.deviation_reason.as_deref(),
    };
    let version = service::change_status(&state, &actor, course_id, &change, expected).await?;
    changed_course(&state, &actor, course_id, version).await
}

#[cfg(test)]
mod tests {
    use super::whole;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Ids {
        #[serde(deserialize_with = "whole::list")]
        ids: Vec<i64>,
    }

    #[test]
    fn whole_numbers_written_as_floats_are_accepted() {
        let body = r#"{"ids": [324807090, 11081.0, -274877906944, -96842942.0, 2009, 5037240737669685248, -521696905.0, -2251799813685247.0, -391691976.0]}"#;
        let ids: Ids = serde_json::from_str(body).unwrap();
        assert_eq!(ids.ids[7], -2251799813685247);
    }
}
