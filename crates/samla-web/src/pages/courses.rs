//! Course planning pages: the list, a new course from a programme, the course overview
//! (schedule, rule warnings, working group, checklist, budget, calendar feed) and the
//! forms that change a course.

use super::programmes::budget_line_value;
use super::staffing::gap_value;
use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::{FormPage, Page, PathId, PathIds};
use crate::services::courses::{self, CourseForm, CourseView, DetailsForm, StaffForm, COURSE_ROLES};
use crate::services::{calendar, programmes};
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::planning::budget::{parse_amount, BudgetLine, Multiplier};
use samla_domain::planning::deviations::Deviation;
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use std::collections::HashMap;

pub(super) const WEEKDAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MULTIPLIERS: [&str; 4] = ["fixed", "leader", "session", "participant"];
/// Empty rows the budget form offers for new lines.
const EMPTY_BUDGET_ROWS: usize = 3;
/// Notices a redirect may ask the course page to show.
const NOTICES: [&str; 9] = [
    "created",
    "details",
    "status",
    "staff-added",
    "staff-removed",
    "checklist",
    "budget",
    "session-changed",
    "feed-revoked",
];

fn options(state: &AppState, ui: &Ui, prefix: &str, values: &[&str]) -> Vec<Value> {
    values
        .iter()
        .map(|v| minijinja::context! { value => v, label => state.i18n.text(ui.lang, &format!("{prefix}{v}"), &[]) })
        .collect()
}

pub async fn list(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    let found = courses::list_with_programmes(&state, &actor).await?;
    let rows: Vec<Value> = found
        .iter()
        .map(|(course, programme)| {
            minijinja::context! {
                id => course.id,
                name => course.name.clone(),
                venue => course.venue.clone(),
                start_date => course.start_date.clone(),
                status => course.status,
                programme => programme.as_ref().map(|(id, name, version)| minijinja::context! { id => id, name => name, version => version }),
            }
        })
        .collect();
    let context = minijinja::context! { courses => rows, may_plan => actor.roles.may(Action::PlanCourses) };
    ui.render(&state, Some(&actor), "courses.html", "courses-title", context)
}

/// The programme choices for a new course: every programme in the library, by id.
async fn programme_options(state: &AppState, ui: &Ui, actor: &Actor) -> Result<Vec<Value>, WebError> {
    let library = programmes::library(state, actor, "", "").await?;
    let mut out =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "course-choose-programme", &[]) }];
    out.extend(library.iter().map(|p| minijinja::context! { value => p.id.to_string(), label => p.name.clone() }));
    Ok(out)
}

fn render_new(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    programme_options: Vec<Value>,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let context = minijinja::context! {
        form => ui.form(state, &form),
        programme_options => programme_options,
        weekday_options => options(state, ui, "weekday-", &WEEKDAY_CODES),
        interval_options => options(state, ui, "interval-", &["weekly", "every_n_weeks", "dates"]),
    };
    ui.render_status(state, Some(actor), status, "course_new.html", "course-new-title", context)
}

pub async fn new_form(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    let library = programmes::library(&state, &actor, "", "").await?;
    let wanted = query.get("programme").map(String::as_str).unwrap_or("");
    // Prefer the organisation's own programme when a shared one has the same slug.
    let chosen = library
        .iter()
        .filter(|p| p.slug == wanted || p.id.to_string() == wanted)
        .min_by_key(|p| p.organisation_id != actor.organisation.id)
        .map(|p| p.id.to_string())
        .unwrap_or_default();
    let form = FormState::new().with_value("programme", chosen).with_value("interval", "weekly");
    let options = programme_options(&state, &ui, &actor).await?;
    render_new(&state, &ui, &actor, options, form, StatusCode::OK)
}

fn course_form(form: &FormData) -> CourseForm {
    CourseForm {
        programme: form.get("programme").to_string(),
        name: form.get("name").to_string(),
        venue: form.get("venue").to_string(),
        room: form.get("room").to_string(),
        start_date: form.get("start_date").to_string(),
        weekdays: form.all("weekdays"),
        start_time: form.get("start_time").to_string(),
        duration_minutes: form.get("duration_minutes").to_string(),
        interval: form.get("interval").to_string(),
        every_weeks: form.get("every_weeks").to_string(),
        dates: form.get("dates").to_string(),
        session_count: form.get("session_count").to_string(),
        capacity: form.get("capacity").to_string(),
    }
}

/// The course page's address after a change, warning about the days planned before today.
pub(super) fn course_address(course_id: i64, saved: &str, past: &[chrono::NaiveDate], anchor: &str) -> String {
    let past: Vec<String> = past.iter().map(|d| d.to_string()).collect();
    let past = if past.is_empty() { String::new() } else { format!("&past={}", past.join(",")) };
    let anchor = if anchor.is_empty() { String::new() } else { format!("#{anchor}") };
    format!("/courses/{course_id}?saved={saved}{past}{anchor}")
}

/// The days of a `past` query (as [`course_address`] writes them); anything else is dropped.
fn past_days(query: &HashMap<String, String>) -> Vec<String> {
    query
        .get("past")
        .map(|raw| raw.split(',').filter_map(courses::parse_date).take(100).map(|d| d.to_string()).collect())
        .unwrap_or_default()
}

pub async fn create(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    match courses::create(&state, &actor, form.get("programme"), &course_form(&form)).await {
        Ok(id) => {
            let view = courses::course_view(&state, &actor, id).await?;
            let past = courses::planned_in_the_past(&state, &actor, &view);
            Ok(Redirect::to(&course_address(id, "created", &past, "")).into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let options = programme_options(&state, &ui, &actor).await?;
            render_new(&state, &ui, &actor, options, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(other) => Err(other),
    }
}

/// What a redirect asks the course page to say: a saved change, and the days planned
/// before today.
#[derive(Default)]
struct Notice<'a> {
    saved: Option<&'a str>,
    past: Vec<String>,
}

/// The forms on the course page that can come back with errors.
#[derive(Default)]
struct PageForms {
    status: FormState,
    staff: FormState,
    checklist: FormState,
}

/// A session or meeting of the course as the pages show it.
pub(super) fn session_value(session: &courses::SessionView) -> Value {
    let row = &session.row;
    minijinja::context! {
        id => row.id,
        kind => row.kind,
        number => session.number,
        title => row.title.clone(),
        meeting_kind => row.meeting_kind.clone(),
        audience => row.audience,
        date => row.date.clone(),
        start_time => row.start_time.clone(),
        end_time => row.end_time.clone(),
        room => row.room.clone(),
        status => row.status,
        cancel_reason => row.cancel_reason.clone(),
        version => row.version,
        staff => session.staff.iter().map(|(m, substitute)| minijinja::context! {
            id => m.id, name => m.name.clone(), role => m.course_role, substitute => substitute,
        }).collect::<Vec<_>>(),
        gaps => session.gaps.iter().map(gap_value).collect::<Vec<_>>(),
        conflicts => unique(&session.conflicts),
    }
}

/// A person as the working-group form offers them: "Name – Group leader, certified for
/// this programme", so the planner chooses by name and sees who fits.
fn person_label(
    state: &AppState,
    ui: &Ui,
    person: &samla_storage::staff_directory::StaffPerson,
    programme_id: i64,
) -> String {
    let roles: Vec<String> =
        person.roles.iter().map(|r| state.i18n.text(ui.lang, &format!("role-{}", r.as_str()), &[])).collect();
    let mut label = format!("{} – {}", person.name, roles.join(", "));
    if let Some(certified) = person.certifications.iter().find(|c| c.programme_id == programme_id) {
        let args = [("programme", certified.programme_name.clone())];
        label = format!("{label} · {}", state.i18n.text(ui.lang, "staff-certified-for", &args));
    }
    label
}

/// An archived or cancelled course can no longer be changed.
pub(super) fn is_closed(view: &CourseView) -> bool {
    matches!(view.status, CourseStatus::Archived | CourseStatus::Cancelled)
}

/// Each text once, in the order first seen.
fn unique(texts: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(texts.len());
    for text in texts {
        if !out.contains(text) {
            out.push(text.clone());
        }
    }
    out
}

pub(super) fn staff_values(view: &CourseView) -> Vec<Value> {
    view.staff
        .iter()
        .map(|m| {
            minijinja::context! {
                id => m.id,
                name => m.name.clone(),
                role => m.course_role,
                user_id => m.user_id,
                external_organisation => m.external_organisation.clone(),
            }
        })
        .collect()
}

pub(super) fn course_value(view: &CourseView) -> Value {
    let course = &view.course;
    minijinja::context! {
        id => course.id,
        name => course.name.clone(),
        venue => course.venue.clone(),
        room => course.room.clone(),
        capacity => course.capacity,
        start_date => course.start_date.clone(),
        start_time => course.start_time.clone(),
        weekdays => course.weekdays.split(',').filter(|w| !w.is_empty()).collect::<Vec<_>>(),
        interval_kind => course.interval_kind.clone(),
        every_weeks => course.every_weeks,
        status => view.status.as_str(),
        cancel_reason => course.cancel_reason.clone(),
        version => course.version,
        programme => minijinja::context! {
            id => view.programme.id,
            name => view.programme.name.clone(),
            version => view.programme_version,
        },
    }
}

async fn render_course(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
    forms: PageForms,
    status: StatusCode,
    notice: Notice<'_>,
) -> Result<Response, WebError> {
    let view = courses::course_view(state, actor, course_id).await?;
    let may_plan = actor.roles.may(Action::PlanCourses) && !is_closed(&view);
    let people = if may_plan { courses::assignable_people(state, actor).await? } else { Vec::new() };
    let sessions: Vec<Value> = view.sessions.iter().map(session_value).collect();
    let gaps: Vec<Value> = view.sessions.iter().filter(|s| !s.gaps.is_empty()).map(session_value).collect();
    let conflicts: Vec<Value> = view.sessions.iter().filter(|s| !s.conflicts.is_empty()).map(session_value).collect();
    let status_form = if forms.status.is_empty() {
        FormState::new().with_value("version", view.course.version)
    } else {
        forms.status
    };
    let staff_form =
        if forms.staff.is_empty() { FormState::new().with_value("course_role", "group_leader") } else { forms.staff };
    let mut people_options =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "course-staff-external", &[]) }];
    people_options.extend(people.iter().map(|person| {
        minijinja::context! {
            value => person.user_id.to_string(),
            label => person_label(state, ui, person, view.programme.id),
        }
    }));
    let next: Vec<&str> = view.status.next().iter().map(|s| s.as_str()).collect();
    let lines: Vec<BudgetLine> = view.budget.iter().filter_map(|(row, _)| courses::line_from_row(row)).collect();
    let budget: Vec<Value> = view
        .budget
        .iter()
        .zip(lines.iter())
        .map(|((_, total), line)| budget_line_value(line, line.units(&view.figures), total.to_string()))
        .collect();
    let participants = super::intake::participants::course_section(state, ui, actor, course_id).await?;
    let running = super::running::overview::course_section(state, actor, course_id).await?;
    let evaluation = evaluation_section(state, actor, course_id).await?;
    let context = minijinja::context! {
        course => course_value(&view),
        notice => notice.saved.filter(|n| NOTICES.contains(n)),
        past_dates => notice.past,
        participants => participants,
        running => running,
        evaluation => evaluation,
        may_plan => may_plan,
        sessions => sessions,
        session_count => view.sessions.iter().filter(|s| s.row.kind.is_session()).count(),
        gaps => gaps,
        conflicts => conflicts,
        staff => staff_values(&view),
        status_options => options(state, ui, "status-", &next),
        status_form => ui.form(state, &status_form),
        staff_form => ui.form(state, &staff_form),
        checklist_form => ui.form(state, &forms.checklist),
        people_options => people_options,
        role_options => options(state, ui, "course-role-", &COURSE_ROLES),
        checklist => view.checklist.iter().map(|(item, overdue)| minijinja::context! {
            id => item.id,
            task => item.task.clone(),
            responsible => item.responsible_role.clone(),
            assignee => item.assignee_staff_id,
            due_date => item.due_date.clone(),
            done => item.done_at.is_some(),
            done_at => item.done_at,
            overdue => overdue,
        }).collect::<Vec<_>>(),
        budget => budget,
        budget_total => view.budget_total.to_string(),
        per_participant => view.per_participant.map(|d| d.to_string()),
        currency => view.currency,
        figures => minijinja::context! { leaders => view.figures.leaders, sessions => view.figures.sessions, participants => view.figures.participants },
        school_holidays => view.school_holidays,
        deviations => deviation_values(&view),
        open_deviations => view.open_deviations().len(),
        accepted_deviations => accepted_deviation_values(&view),
    };
    ui.render_status(state, Some(actor), status, "course.html", "course-title", context)
}

/// The course's current deviations from its programme's rules, each with whether an
/// acceptance covers it.
fn deviation_values(view: &CourseView) -> Vec<Value> {
    let open = view.open_deviations();
    view.deviations.iter().map(|d| deviation_value(d, minijinja::context! { accepted => !open.contains(d) })).collect()
}

/// A deviation as the templates name its figures, with `more` about it besides.
fn deviation_value(d: &Deviation, more: Value) -> Value {
    minijinja::context! {
        key => d.kind.message_key(),
        kind => d.kind.as_str(),
        sessions => d.sessions,
        fewest => d.fewest,
        needed => d.needed,
        ..more
    }
}

/// The deviations a coordinator accepted, with the reason, who and when.
pub(super) fn accepted_deviation_values(view: &CourseView) -> Vec<Value> {
    view.accepted_deviations
        .iter()
        .zip(courses::accepted_in_domain(&view.accepted_deviations))
        .map(|(row, d)| {
            let acceptance = minijinja::context! {
                reason => row.reason.clone(),
                status => row.to_status,
                by => row.accepted_by_name.clone(),
                at => row.accepted_at,
            };
            deviation_value(&d, acceptance)
        })
        .collect()
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let notice = query.get("saved").map(String::as_str);
    let notice = Notice { saved: notice, past: past_days(&query) };
    render_course(&state, &ui, &actor, id, PageForms::default(), StatusCode::OK, notice).await
}

fn saved(course_id: i64, what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/courses/{course_id}?saved={what}#{anchor}")).into_response()
}

pub async fn set_status(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    let change = courses::StatusChange {
        status: form.get("status"),
        reason: form.get("reason"),
        // The page shows the field only when a reason is needed; left empty, none is given.
        deviation_reason: Some(form.get("deviation_reason")).filter(|raw| !raw.trim().is_empty()),
    };
    match courses::change_status(&state, &actor, id, &change, expected).await {
        Ok(_) => Ok(saved(id, "status", "details")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = PageForms { status: form.kept().with_errors(errors), ..Default::default() };
            render_course(&state, &ui, &actor, id, forms, StatusCode::UNPROCESSABLE_ENTITY, Notice::default()).await
        }
        Err(WebError::Stale) => {
            let course = actor.on_course(&state, Action::ViewCourses, id).await?;
            let errors = FieldErrors::single(FieldError::new("status", "error-changed-meanwhile"));
            let forms = PageForms {
                status: form.kept().with_errors(errors).with_value("version", course.version),
                ..Default::default()
            };
            render_course(&state, &ui, &actor, id, forms, StatusCode::CONFLICT, Notice::default()).await
        }
        Err(other) => Err(other),
    }
}

pub async fn add_staff(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let new = StaffForm {
        user_id: form.get("user_id").trim().parse().ok(),
        external_name: form.get("external_name").to_string(),
        external_organisation: form.get("external_organisation").to_string(),
        course_role: form.get("course_role").to_string(),
        on_every_session: form.checked("on_every_session"),
    };
    match courses::add_staff(&state, &actor, id, &new).await {
        Ok(_) => Ok(saved(id, "staff-added", "working-group")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = PageForms { staff: form.kept().with_errors(errors), ..Default::default() };
            render_course(&state, &ui, &actor, id, forms, StatusCode::UNPROCESSABLE_ENTITY, Notice::default()).await
        }
        Err(other) => Err(other),
    }
}

pub async fn remove_staff(
    Page { state, actor, .. }: Page,
    PathIds([id, staff_id]): PathIds<2>,
) -> Result<Response, WebError> {
    courses::remove_staff(&state, &actor, id, staff_id).await?;
    Ok(saved(id, "staff-removed", "working-group"))
}

pub async fn update_checklist_item(
    Page { state, ui, actor }: Page,
    PathIds([id, item_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let assignee = form.get("assignee").trim().parse::<i64>().ok();
    match courses::update_checklist_item(&state, &actor, id, item_id, form.checked("done"), assignee).await {
        Ok(()) => Ok(saved(id, "checklist", &format!("item-{item_id}"))),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            // Each item has its own form: the message goes to this item's field.
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        e.field = if e.field == "assignee" {
                            format!("assignee-{item_id}")
                        } else {
                            format!("done-{item_id}")
                        };
                        e
                    })
                    .collect(),
            );
            let forms = PageForms { checklist: FormState::new().with_errors(errors), ..Default::default() };
            render_course(&state, &ui, &actor, id, forms, StatusCode::UNPROCESSABLE_ENTITY, Notice::default()).await
        }
        Err(other) => Err(other),
    }
}

const EDIT_PAGE: FormPage = FormPage { template: "course_edit.html", title_key: "course-edit-title" };

/// A form page about one course: the template finds its id, name and room in `course`.
pub(super) fn course_form_page(
    page: &FormPage,
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course: &samla_storage::courses::Course,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let course = minijinja::context! { id => course.id, name => course.name.clone(), room => course.room.clone() };
    page.show_with(state, ui, actor, form, status, minijinja::context! { course => course })
}

/// A course the actor may plan and that can still change (not archived or cancelled).
pub(super) async fn plannable(
    state: &AppState,
    actor: &Actor,
    id: i64,
) -> Result<samla_storage::courses::Course, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let course = actor.on_course(state, Action::ViewCourses, id).await?.into_course();
    if course.status.is_closed() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("status", "error-course-closed"))));
    }
    Ok(course)
}

pub async fn edit(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let course = plannable(&state, &actor, id).await?;
    let form = FormState::new()
        .with_value("name", &course.name)
        .with_value("venue", &course.venue)
        .with_value("room", &course.room)
        .with_value("capacity", course.capacity)
        .with_value("version", course.version);
    course_form_page(&EDIT_PAGE, &state, &ui, &actor, &course, form, StatusCode::OK)
}

pub async fn update(Page { state, ui, actor }: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    let course = plannable(&state, &actor, id).await?;
    let details = DetailsForm {
        name: form.get("name").to_string(),
        venue: form.get("venue").to_string(),
        room: form.get("room").to_string(),
        capacity: form.get("capacity").to_string(),
    };
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    match courses::update(&state, &actor, id, &details, expected).await {
        Ok(_) => Ok(saved(id, "details", "details")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => course_form_page(
            &EDIT_PAGE,
            &state,
            &ui,
            &actor,
            &course,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(WebError::Stale) => {
            let errors = FieldErrors::single(FieldError::new("name", "error-changed-meanwhile"));
            let form = form.kept().with_errors(errors).with_value("version", course.version);
            course_form_page(&EDIT_PAGE, &state, &ui, &actor, &course, form, StatusCode::CONFLICT)
        }
        Err(other) => Err(other),
    }
}

fn render_budget(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    view: &CourseView,
    rows: usize,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        currency => view.currency,
        rows => (0..rows).collect::<Vec<_>>(),
        form => ui.form(state, &form),
        multiplier_options => options(state, ui, "budget-per-", &MULTIPLIERS),
    };
    ui.render_status(state, Some(actor), status, "course_budget.html", "course-budget-title", context)
}

async fn budget_view(state: &AppState, actor: &Actor, id: i64) -> Result<CourseView, WebError> {
    plannable(state, actor, id).await?;
    courses::course_view(state, actor, id).await
}

pub async fn budget_form(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let view = budget_view(&state, &actor, id).await?;
    let mut form = FormState::new();
    let mut rows = 0;
    for (row, _) in &view.budget {
        let i = rows;
        let amount = row.amount.replace('.', decimal_sign(&ui));
        let hours = row.hours.as_deref().unwrap_or("").replace('.', decimal_sign(&ui));
        form = form
            .with_value(&format!("label_{i}"), &row.label)
            .with_value(&format!("amount_{i}"), amount)
            .with_value(&format!("hours_{i}"), hours)
            .with_value(&format!("per_{i}"), &row.multiplier)
            .with_value(
                &format!("count_{i}"),
                if row.multiplier == "fixed" { row.count.to_string() } else { String::new() },
            );
        rows += 1;
    }
    for i in rows..rows + EMPTY_BUDGET_ROWS {
        form = form.with_value(&format!("per_{i}"), "fixed");
    }
    render_budget(&state, &ui, &actor, &view, rows + EMPTY_BUDGET_ROWS, form, StatusCode::OK)
}

fn decimal_sign(ui: &Ui) -> &'static str {
    match ui.lang {
        samla_domain::accounts::Language::NorwegianBokmal => ",",
        samla_domain::accounts::Language::English => ".",
    }
}

/// The budget's lines as typed: a row left empty is dropped; every problem is named by
/// its row's field.
fn parse_budget(form: &FormData, rows: usize) -> Result<Vec<BudgetLine>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut lines = Vec::new();
    for i in 0..rows {
        let field = |name: &str| format!("{name}_{i}");
        let (label, amount, hours, count) = (
            form.get(&field("label")),
            form.get(&field("amount")),
            form.get(&field("hours")),
            form.get(&field("count")),
        );
        if [label, amount, hours, count].iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let label = errors.take(required_line(&field("label"), label, 200));
        let amount = errors.take(parse_amount(&field("amount"), amount));
        let hours = match hours.trim() {
            "" => Some(None),
            raw => errors.take(parse_amount(&field("hours"), raw)).map(Some),
        };
        let multiplier = match form.get(&field("per")) {
            "leader" => Some(Multiplier::Leader),
            "session" => Some(Multiplier::Session),
            "participant" => Some(Multiplier::Participant),
            "fixed" | "" => match count.trim() {
                "" => Some(Multiplier::Fixed(1)),
                raw => match raw.parse::<u32>() {
                    Ok(n) if n <= 10_000 => Some(Multiplier::Fixed(n)),
                    _ => {
                        errors.push(
                            FieldError::new(field("count"), "error-number-range")
                                .with_arg("min", 0)
                                .with_arg("max", 10_000),
                        );
                        None
                    }
                },
            },
            _ => {
                errors.push(FieldError::new(field("per"), "error-choice"));
                None
            }
        };
        if let (Some(label), Some(amount), Some(hours), Some(multiplier)) = (label, amount, hours, multiplier) {
            lines.push(BudgetLine { label, amount, hours, multiplier });
        }
    }
    errors.finish(|| lines)
}

pub async fn save_budget(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let view = budget_view(&state, &actor, id).await?;
    let rows = form.get("rows").parse::<usize>().unwrap_or(0).min(200);
    let result = match parse_budget(&form, rows) {
        Ok(lines) => courses::replace_budget(&state, &actor, id, &lines).await,
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(saved(id, "budget", "budget")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            // "Line 2: …" so the summary says which row each message is about.
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|e| {
                        let row = e.field.rsplit_once('_').and_then(|(_, n)| n.parse::<usize>().ok());
                        match row {
                            Some(row) => {
                                let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
                                let message = state.i18n.text(ui.lang, e.code, &args);
                                FieldError::new(e.field, "error-budget-row")
                                    .with_arg("row", row + 1)
                                    .with_arg("message", message)
                            }
                            None => e,
                        }
                    })
                    .collect(),
            );
            render_budget(
                &state,
                &ui,
                &actor,
                &view,
                rows,
                form.kept().with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn create_feed(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let url = calendar::new_feed(&state, &actor, Some(id)).await?;
    let course = actor.on_course(&state, Action::ViewCourses, id).await?;
    let context = minijinja::context! {
        course => minijinja::context! { id => course.id, name => course.name.clone() },
        url => url,
    };
    ui.render(&state, Some(&actor), "calendar_feed.html", "calendar-feed-title", context)
}

pub async fn revoke_feed(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    calendar::revoke_feed(&state, &actor, Some(id)).await?;
    Ok(saved(id, "feed-revoked", "calendar"))
}

/// What the course page's "Evaluation" section may offer: rounds for those who run
/// evaluations or read their counts, results and the report for those who read results.
async fn evaluation_section(state: &AppState, actor: &Actor, course_id: i64) -> Result<Value, WebError> {
    let may_run = actor.may_on_course(&state.clock, state.store.pool(), Action::RunEvaluations, course_id).await?;
    let may_read =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewEvaluationResults, course_id).await?;
    Ok(minijinja::context! { may_run => may_run, may_read => may_read })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        let encoded = serde_urlencoded::to_string(pairs).unwrap();
        serde_urlencoded::from_str::<Vec<(String, String)>>(&encoded).map(FormData::from_pairs).unwrap()
    }

    #[test]
    fn budget_rows_accept_a_comma_and_drop_empty_rows() {
        let data = form(&[
            ("label_0", "Servering"),
            ("amount_0", "350,50"),
            ("hours_0", ""),
            ("per_0", "session"),
            ("count_0", ""),
            ("label_1", ""),
            ("amount_1", ""),
            ("per_1", "fixed"),
            ("label_2", "Lokale"),
            ("amount_2", "1 200"),
            ("per_2", "fixed"),
            ("count_2", "2"),
        ]);
        let lines = parse_budget(&data, 3).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].amount.to_string(), "350.50");
        assert_eq!(lines[0].multiplier, Multiplier::Session);
        assert_eq!(lines[1].multiplier, Multiplier::Fixed(2));
    }

    #[test]
    fn budget_errors_name_their_row() {
        let data = form(&[
            ("label_0", ""),
            ("amount_0", "-5"),
            ("per_0", "fixed"),
            ("label_1", "x"),
            ("amount_1", "1"),
            ("per_1", "nope"),
        ]);
        let errors = parse_budget(&data, 2).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["label_0", "amount_0", "per_1"]);
    }
}
