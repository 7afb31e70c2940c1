//! One session or meeting of a course: move it, cancel it, choose who staffs it; and
//! adding a session or meeting to a course.

use super::courses::{course_form_page, course_value, is_closed, plannable, session_value, staff_values};
use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::FormPage;
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::PathIds;
use crate::services::courses::{self, SessionForm};
use crate::services::running::attendance::{session_plan, PlannedSlot};
use crate::services::running::changes::CancelChoices;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::{Action, FieldError, FieldErrors};

/// The forms on the session page that can come back with errors.
#[derive(Default)]
struct SessionForms {
    moving: Option<FormState>,
    cancel: Option<FormState>,
    staff: Option<FormState>,
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    forms: SessionForms,
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = courses::course_view(state, actor, course_id).await?;
    let session = view.sessions.iter().find(|s| s.row.id == session_id).ok_or(WebError::NotFound)?;
    let row = &session.row;
    let moving = forms.moving.unwrap_or_else(|| {
        FormState::new()
            .with_value("date", &row.date)
            .with_value("start_time", &row.start_time)
            .with_value("end_time", &row.end_time)
            .with_value("room", &row.room)
            .with_value("version", row.version)
    });
    // Telling the families and making the session up at the end are what is usually wanted.
    let cancel = forms.cancel.unwrap_or_else(|| {
        FormState::new().with_value("version", row.version).with_value("notify", "1").with_value("add_replacement", "1")
    });
    let staff = forms.staff.unwrap_or_else(|| {
        FormState::new()
            .with_values("staff", session.staff.iter().map(|(m, _)| m.id.to_string()).collect())
            .with_values(
                "substitute",
                session.staff.iter().filter(|(_, sub)| *sub).map(|(m, _)| m.id.to_string()).collect(),
            )
    });
    let slots: Vec<PlannedSlot> = view.sessions.iter().map(|s| PlannedSlot::from(&s.row)).collect();
    let may_read_log =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewSessionRecords, course_id).await?;
    let may_cancel = courses::may_cancel_sessions(state, actor, course_id).await? && !is_closed(&view);
    let context = minijinja::context! {
        course => course_value(&view),
        session => session_value(session),
        plan => minijinja::Value::from_serialize(session_plan(&view.manual, &slots, session_id)),
        staff => staff_values(&view),
        may_plan => actor.roles.may(Action::PlanCourses) && !is_closed(&view),
        may_read_log,
        may_cancel,
        move_form => ui.form(state, &moving),
        cancel_form => ui.form(state, &cancel),
        staff_form => ui.form(state, &staff),
    };
    ui.render_status(state, Some(actor), status, "course_session.html", "session-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
) -> Result<Response, WebError> {
    render(&state, &ui, &actor, id, session_id, SessionForms::default(), StatusCode::OK).await
}

fn changed(course_id: i64, session_id: i64) -> Response {
    Redirect::to(&format!("/courses/{course_id}?saved=session-changed#session-{session_id}")).into_response()
}

/// Back to the course page after a session was planned on a day, warning when that day
/// lies before today.
async fn planned(state: &AppState, actor: &Actor, course_id: i64, session_id: i64) -> Result<Response, WebError> {
    let view = courses::course_view(state, actor, course_id).await?;
    let date = view.sessions.iter().find(|s| s.row.id == session_id).map(|s| s.row.date.as_str());
    let past = courses::in_the_past(state, actor, date);
    let address = super::courses::course_address(course_id, "session-changed", &past, &format!("session-{session_id}"));
    Ok(Redirect::to(&address).into_response())
}

pub async fn move_session(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let change = SessionForm {
        date: form.get("date").to_string(),
        start_time: form.get("start_time").to_string(),
        end_time: form.get("end_time").to_string(),
        room: form.get("room").to_string(),
        ..Default::default()
    };
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    match courses::move_session(&state, &actor, id, session_id, &change, expected).await {
        Ok(()) => planned(&state, &actor, id, session_id).await,
        Err(error) => refused(&state, &ui, &actor, (id, session_id), Sent::Move(form), error).await,
    }
}

/// Which of the session page's forms with a version came back refused, as typed.
enum Sent {
    Move(FormData),
    Cancel(FormData),
}

/// The session page again after a change to it was refused: the form with its errors, or
/// when someone changed the session meanwhile, with the current version and a message at
/// its first field.
async fn refused(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    (id, session_id): (i64, i64),
    sent: Sent,
    error: WebError,
) -> Result<Response, WebError> {
    let (form, field) = match &sent {
        Sent::Move(form) => (form.kept(), "date"),
        Sent::Cancel(form) => (form.kept(), "reason"),
    };
    let (form, status) = match error {
        WebError::Invalid(errors) | WebError::Refused(errors) => {
            (form.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        WebError::Stale => {
            let current = current_version(state, actor, id, session_id).await?;
            let errors = FieldErrors::single(FieldError::new(field, "error-changed-meanwhile"));
            (form.with_errors(errors).with_value("version", current), StatusCode::CONFLICT)
        }
        other => return Err(other),
    };
    let forms = match sent {
        Sent::Move(_) => SessionForms { moving: Some(form), ..Default::default() },
        Sent::Cancel(_) => SessionForms { cancel: Some(form), ..Default::default() },
    };
    render(state, ui, actor, id, session_id, forms, status).await
}

async fn current_version(state: &AppState, actor: &Actor, course_id: i64, session_id: i64) -> Result<i64, WebError> {
    let view = courses::course_view(state, actor, course_id).await?;
    view.sessions.iter().find(|s| s.row.id == session_id).map(|s| s.row.version).ok_or(WebError::NotFound)
}

pub async fn cancel_session(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    let choices = CancelChoices { notify: form.checked("notify"), add_replacement: form.checked("add_replacement") };
    match courses::cancel_session(&state, &actor, id, session_id, form.get("reason"), choices, expected).await {
        Ok(_) => Ok(changed(id, session_id)),
        Err(error) => refused(&state, &ui, &actor, (id, session_id), Sent::Cancel(form), error).await,
    }
}

pub async fn set_staff(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let parse = |name: &str| -> Option<Vec<i64>> { form.all(name).iter().map(|v| v.parse::<i64>().ok()).collect() };
    let result = match (parse("staff"), parse("substitute")) {
        (Some(present), Some(substitutes)) => {
            // Ticking "substitute" alone also puts the person on the session.
            let mut chosen: Vec<i64> = present.iter().chain(substitutes.iter()).copied().collect();
            chosen.sort_unstable();
            chosen.dedup();
            let staff: Vec<(i64, bool)> = chosen.iter().map(|id| (*id, substitutes.contains(id))).collect();
            courses::set_session_staff(&state, &actor, id, session_id, &staff).await
        }
        _ => Err(WebError::Invalid(FieldErrors::single(FieldError::new("staff", "error-staff-who")))),
    };
    match result {
        Ok(()) => Ok(changed(id, session_id)),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = SessionForms { staff: Some(form.kept().with_errors(errors)), ..Default::default() };
            render(&state, &ui, &actor, id, session_id, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}

const NEW_PAGE: FormPage = FormPage { template: "course_session_new.html", title_key: "session-new-title" };

pub async fn new_form(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let course = plannable(&state, &actor, id).await?;
    let form = FormState::new().with_value("start_time", &course.start_time);
    course_form_page(&NEW_PAGE, &state, &ui, &actor, &course, form, StatusCode::OK)
}

pub async fn add(Page { state, ui, actor }: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    let course = plannable(&state, &actor, id).await?;
    let new = SessionForm {
        date: form.get("date").to_string(),
        start_time: form.get("start_time").to_string(),
        end_time: form.get("end_time").to_string(),
        room: form.get("room").to_string(),
        title: form.get("title").to_string(),
        meeting: form.checked("meeting"),
    };
    match courses::add_session(&state, &actor, course.id, &new).await {
        Ok(session_id) => planned(&state, &actor, course.id, session_id).await,
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => course_form_page(
            &NEW_PAGE,
            &state,
            &ui,
            &actor,
            &course,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other),
    }
}
