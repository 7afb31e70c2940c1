//! The observations about one participant: the list (newest first) and a form to add one.
//! Only for those who see sensitive data on the course; every showing is audited.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::PathIds;
use crate::pages::Ui;
use crate::services::running::observations::{self, ObservationsView};
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::courses::CourseSession;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new().route("/courses/{id}/participants/{participant_id}/observations", get(show).post(create))
}

/// A session or meeting as the form's choice names it: "Session 3, Thu 12.03.2026".
fn session_label(state: &AppState, ui: &Ui, session: &CourseSession, number: Option<usize>) -> String {
    let name = match number {
        Some(number) => state.i18n.text(ui.lang, "session-number", &[("number", number.to_string())]),
        None if !session.title.is_empty() => session.title.clone(),
        None => match &session.meeting_kind {
            Some(kind) => state.i18n.text(ui.lang, &format!("meeting-kind-{kind}"), &[]),
            None => state.i18n.text(ui.lang, "session-meeting", &[]),
        },
    };
    format!("{name}, {}", crate::views::format_date(ui.lang, &session.date))
}

#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    view: &ObservationsView,
    form: FormState,
    back_session: Option<i64>,
    status: StatusCode,
    notice: bool,
) -> Result<Response, WebError> {
    let labels: HashMap<i64, String> =
        view.sessions.iter().map(|(s, number)| (s.id, session_label(state, ui, s, *number))).collect();
    let mut options =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "observations-no-session", &[]) }];
    options.extend(
        view.sessions.iter().map(|(s, _)| minijinja::context! { value => s.id, label => labels[&s.id].clone() }),
    );
    let observations: Vec<Value> = view
        .observations
        .iter()
        .map(|o| {
            minijinja::context! {
                body => o.body.clone(),
                writer => o.writer_name.clone(),
                written_at => o.written_at,
                session => o.session_id.and_then(|id| labels.get(&id).cloned()),
            }
        })
        .collect();
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        participant => minijinja::context! {
            id => view.participant.id,
            name => view.participant.name.clone(),
            dropped_out => view.participant.status.is_dropped_out(),
        },
        observations => observations,
        may_write => view.may_write,
        form => ui.form(state, &form),
        session_options => options,
        back_session => back_session.filter(|id| labels.contains_key(id)),
        notice => notice,
    };
    ui.render_status(state, Some(actor), status, "running_observations.html", "observations-title", context)
}

fn session_param(raw: Option<&String>) -> Option<i64> {
    raw.and_then(|s| s.parse::<i64>().ok())
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathIds([id, participant_id]): PathIds<2>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let view = observations::list(&state, &actor, id, participant_id).await?;
    let back = session_param(query.get("session"));
    let mut form = FormState::new();
    if let Some(session) = back.filter(|s| view.sessions.iter().any(|(row, _)| row.id == *s)) {
        form = form.with_value("session_id", session);
    }
    let notice = query.get("saved").is_some_and(|s| s == "observation");
    render(&state, &ui, &actor, &view, form, back, StatusCode::OK, notice)
}

pub async fn create(
    Page { state, ui, actor }: Page,
    PathIds([id, participant_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let raw_session = form.get("session_id").trim();
    let session_id = raw_session.parse::<i64>().ok();
    let result = if raw_session.is_empty() || session_id.is_some() {
        observations::create(&state, &actor, id, participant_id, form.get("body"), session_id).await
    } else {
        Err(FieldErrors::single(FieldError::new("session_id", "error-observation-session")).into())
    };
    match result {
        Ok(_) => {
            let session = session_id.map(|s| format!("&session={s}")).unwrap_or_default();
            let to = format!(
                "/courses/{id}/participants/{participant_id}/observations?saved=observation{session}#observations"
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let view = observations::list(&state, &actor, id, participant_id).await?;
            let kept = form.kept().with_errors(errors);
            render(&state, &ui, &actor, &view, kept, session_id, StatusCode::UNPROCESSABLE_ENTITY, false)
        }
        Err(other) => Err(other),
    }
}
