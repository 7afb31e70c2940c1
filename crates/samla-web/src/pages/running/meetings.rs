//! Running a course: the course's meetings (list, scheduling, closing conversations for
//! everyone) and one meeting (details, record with conflict handling, guests).

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{Page, PathId, PathIds, Saved};
use crate::services::running::concerns as concern_service;
use crate::services::running::meetings::{self as service, ClosingPlanForm, MeetingView, RecordForm, ScheduleForm};
use crate::services::running::Replaces;
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::running::meetings::{AUDIENCES, KINDS};
use samla_domain::{FieldError, FieldErrors};
use samla_storage::running::meetings::{Meeting, Record};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/meetings", get(list).post(schedule))
        .route("/courses/{id}/meetings/closing-conversations", post(plan_closing))
        .route("/courses/{id}/meetings/{session_id}", get(show))
        .route("/courses/{id}/meetings/{session_id}/record", post(save_record))
        .route("/courses/{id}/meetings/{session_id}/guests", post(add_guest))
        .route("/courses/{id}/meetings/{session_id}/guests/{guest_id}", post(mark_guest))
        .route("/courses/{id}/meetings/{session_id}/guests/{guest_id}/remove", post(remove_guest))
}

/// The notices a redirect back to the list or a meeting may ask for.
const NOTICES: [&str; 7] =
    ["scheduled", "closing-planned", "closing-none", "record", "guest-added", "guest-changed", "guest-removed"];

/// A meeting as the templates see it (`session_label` in planning.html names it).
fn meeting_value(meeting: &Meeting, about_one: bool, participant_name: Option<&str>) -> Value {
    minijinja::context! {
        id => meeting.id,
        kind => "meeting",
        meeting_kind => meeting.meeting_kind.clone(),
        title => meeting.title.clone(),
        audience => meeting.audience,
        date => meeting.date.clone(),
        start_time => meeting.start_time.clone(),
        end_time => meeting.end_time.clone(),
        room => meeting.room.clone(),
        status => meeting.status,
        cancel_reason => meeting.cancel_reason.clone(),
        about_one => about_one,
        participant_name => participant_name,
    }
}

fn option(value: impl ToString, label: impl ToString) -> Value {
    minijinja::context! { value => value.to_string(), label => label.to_string() }
}

/// The list page's forms that can come back with errors.
#[derive(Default)]
struct ListForms {
    schedule: Option<FormState>,
    closing: Option<FormState>,
}

async fn render_list(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
    forms: ListForms,
    status: StatusCode,
    (notice, planned): (Option<&str>, Option<usize>),
) -> Result<Response, WebError> {
    let view = service::list(state, actor, course_id).await?;
    let text = |key: &str| state.i18n.text(ui.lang, key, &[]);
    let meetings: Vec<Value> = view
        .meetings
        .iter()
        .map(|row| meeting_value(&row.meeting, row.about_one_participant, row.participant_name.as_deref()))
        .collect();
    let mut kinds = vec![option("", text("meeting-choose-kind"))];
    kinds.extend(KINDS.iter().map(|k| option(k.as_str(), text(&format!("meeting-kind-{}", k.as_str())))));
    let mut audiences = vec![option("", text("meeting-audience-usual"))];
    audiences.extend(AUDIENCES.iter().map(|a| option(a.as_str(), text(&format!("audience-{}", a.as_str())))));
    let mut participants = vec![option("", text("meeting-for-the-group"))];
    participants.extend(view.choices.iter().map(|c| {
        let label = if c.network_consent {
            c.name.clone()
        } else {
            state.i18n.text(ui.lang, "meeting-participant-no-network-consent", &[("name", c.name.clone())])
        };
        option(c.id, label)
    }));
    let schedule = forms.schedule.unwrap_or_else(|| FormState::new().with_value("start_time", &view.course.start_time));
    let closing = forms.closing.unwrap_or_else(|| {
        FormState::new().with_value("closing_start_time", &view.course.start_time).with_value("closing_minutes", 45)
    });
    let may_report = concern_service::shows_concerns(state, actor).await?;
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone(), room => view.course.room.clone() },
        meetings => meetings,
        may_schedule => view.may_schedule,
        may_see_names => view.may_see_names,
        without_closing => view.without_closing,
        kinds => kinds,
        audiences => audiences,
        participants => participants,
        schedule_form => ui.form(state, &schedule),
        closing_form => ui.form(state, &closing),
        notice => notice,
        planned => planned,
        may_report => may_report,
    };
    ui.render_status(state, Some(actor), status, "running_meetings.html", "meetings-title", context)
}

pub async fn list(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    saved: Saved,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let planned = query.get("count").and_then(|c| c.parse::<usize>().ok());
    render_list(&state, &ui, &actor, id, ListForms::default(), StatusCode::OK, (saved.known(&NOTICES), planned)).await
}

pub async fn schedule(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let typed = ScheduleForm {
        meeting_kind: form.get("meeting_kind").to_string(),
        title: form.get("title").to_string(),
        audience: form.get("audience").to_string(),
        date: form.get("date").to_string(),
        start_time: form.get("start_time").to_string(),
        end_time: form.get("end_time").to_string(),
        room: form.get("room").to_string(),
        participant_id: form.get("participant_id").to_string(),
    };
    match service::schedule(&state, &actor, id, &typed).await {
        Ok(session_id) => {
            Ok(Redirect::to(&format!("/courses/{id}/meetings/{session_id}?saved=scheduled")).into_response())
        }
        Err(WebError::Invalid(errors)) => {
            let forms = ListForms { schedule: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_list(&state, &ui, &actor, id, forms, StatusCode::UNPROCESSABLE_ENTITY, (None, None)).await
        }
        Err(other) => Err(other),
    }
}

/// The closing-conversation form's fields carry a prefix so they do not share ids with
/// the schedule form on the same page.
fn closing_field(field: &str) -> String {
    format!("closing_{field}")
}

pub async fn plan_closing(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let typed = ClosingPlanForm {
        date: form.get("closing_date").to_string(),
        start_time: form.get("closing_start_time").to_string(),
        minutes: form.get("closing_minutes").to_string(),
        room: form.get("closing_room").to_string(),
    };
    match service::plan_closing_conversations(&state, &actor, id, &typed).await {
        Ok(0) => Ok(Redirect::to(&format!("/courses/{id}/meetings?saved=closing-none")).into_response()),
        Ok(count) => {
            Ok(Redirect::to(&format!("/courses/{id}/meetings?saved=closing-planned&count={count}")).into_response())
        }
        Err(WebError::Invalid(errors)) => {
            let errors =
                FieldErrors(errors.0.into_iter().map(|e| FieldError { field: closing_field(&e.field), ..e }).collect());
            let forms = ListForms { closing: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_list(&state, &ui, &actor, id, forms, StatusCode::UNPROCESSABLE_ENTITY, (None, None)).await
        }
        Err(other) => Err(other),
    }
}

/// The meeting page's forms that can come back with errors, and for a conflict what the
/// other person saved.
#[derive(Default)]
struct MeetingForms {
    record: Option<FormState>,
    guest: Option<FormState>,
    theirs: Option<Record>,
}

fn record_value(record: &Record) -> Value {
    minijinja::context! {
        agenda => record.agenda.clone(),
        minutes => record.minutes.clone(),
        agreements => record.agreements.clone(),
        version => record.version,
        written_at => record.written_at,
        written_by => record.written_by_name.clone(),
    }
}

async fn render_meeting(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    (course_id, session_id): (i64, i64),
    forms: MeetingForms,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let view: MeetingView = service::view(state, actor, course_id, session_id).await?;
    let record_form = forms.record.unwrap_or_else(|| match &view.record {
        Some(r) => FormState::new()
            .with_value("agenda", &r.agenda)
            .with_value("minutes", &r.minutes)
            .with_value("agreements", &r.agreements)
            .with_value("version", r.version),
        None => FormState::new().with_value("version", 0),
    });
    let guests: Vec<Value> = view
        .guests
        .iter()
        .map(|g| minijinja::context! { id => g.id, name => g.name.clone(), organisation => g.organisation.clone(), attended => g.attended != 0 })
        .collect();
    let network = view.network.as_ref().map(|n| {
        minijinja::context! {
            shareable => n.shareable.iter().map(|(_, name)| name.clone()).collect::<Vec<_>>(),
            left_out => n.left_out,
        }
    });
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        meeting => meeting_value(&view.meeting, view.about_one_participant, view.participant_name.as_deref()),
        may_read_record => view.may_read_record,
        may_write => view.may_write,
        record => view.record.as_ref().map(record_value),
        theirs => forms.theirs.as_ref().map(record_value),
        guests => guests,
        network => network,
        record_form => ui.form(state, &record_form),
        guest_form => ui.form(state, &forms.guest.unwrap_or_default()),
        notice => notice,
    };
    ui.render_status(state, Some(actor), status, "running_meeting.html", "meeting-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    saved: Saved,
) -> Result<Response, WebError> {
    let ids = (id, session_id);
    render_meeting(&state, &ui, &actor, ids, MeetingForms::default(), StatusCode::OK, saved.known(&NOTICES)).await
}

fn back_to(course_id: i64, session_id: i64, what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/courses/{course_id}/meetings/{session_id}?saved={what}#{anchor}")).into_response()
}

pub async fn save_record(
    Page { state, ui, actor }: Page,
    PathIds([course_id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    // As typed: the text rule (CR LF as LF, the ends trimmed) is the domain's.
    let text = |name: &str| form.get(name).to_string();
    let typed = RecordForm { agenda: text("agenda"), minutes: text("minutes"), agreements: text("agreements") };
    // The page says 0 while nothing is stored: then this is the first save.
    let expected = form.get("version").trim().parse::<i64>().unwrap_or(-1);
    match service::save_record(&state, &actor, course_id, session_id, &typed, Replaces::Version(expected)).await {
        Ok(_) => Ok(back_to(course_id, session_id, "record", "record-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = MeetingForms { record: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_meeting(&state, &ui, &actor, (course_id, session_id), forms, StatusCode::UNPROCESSABLE_ENTITY, None)
                .await
        }
        Err(WebError::Stale) => {
            let theirs = service::current_record(&state, &actor, course_id, session_id).await?;
            let current = theirs.as_ref().map(|r| r.version).unwrap_or(0);
            let errors = FieldErrors::single(FieldError::new("minutes", "error-meeting-record-conflict"));
            let forms = MeetingForms {
                record: Some(form.kept().with_errors(errors).with_value("version", current)),
                theirs,
                ..Default::default()
            };
            render_meeting(&state, &ui, &actor, (course_id, session_id), forms, StatusCode::CONFLICT, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn add_guest(
    Page { state, ui, actor }: Page,
    PathIds([course_id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    match service::add_guest(&state, &actor, course_id, session_id, (form.get("name"), form.get("organisation"), false))
        .await
    {
        Ok(_) => Ok(back_to(course_id, session_id, "guest-added", "guests-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = MeetingForms { guest: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_meeting(&state, &ui, &actor, (course_id, session_id), forms, StatusCode::UNPROCESSABLE_ENTITY, None)
                .await
        }
        Err(other) => Err(other),
    }
}

pub async fn mark_guest(
    Page { state, actor, .. }: Page,
    PathIds([course_id, session_id, guest_id]): PathIds<3>,
    form: FormData,
) -> Result<Response, WebError> {
    let attended = form.get("attended") == "1";
    service::set_guest_attended(&state, &actor, course_id, session_id, guest_id, attended).await?;
    Ok(back_to(course_id, session_id, "guest-changed", &format!("guest-{guest_id}")))
}

pub async fn remove_guest(
    Page { state, actor, .. }: Page,
    PathIds([course_id, session_id, guest_id]): PathIds<3>,
) -> Result<Response, WebError> {
    service::remove_guest(&state, &actor, course_id, session_id, guest_id).await?;
    Ok(back_to(course_id, session_id, "guest-removed", "guests-heading"))
}
