//! The session log page: the log (GJORT / LÆRT / LURT, deviations, the plan's parts done,
//! a note for next time), the homework given at the session and the review of the
//! previous session's homework. The working group reads it; leaders write it. A stale
//! save answers 409 with the typed text kept and the saved log shown beside it.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::PathIds;
use crate::pages::Saved;
use crate::pages::Ui;
use crate::services::running::logs::{self, LogView};
use crate::services::running::observations;
use crate::services::running::Replaces;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::running::log::SessionLog;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::courses::CourseSession;
use samla_storage::running::homework::Homework;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/sessions/{session_id}/log", get(show).post(save))
        .route("/courses/{id}/sessions/{session_id}/homework", post(add_homework))
        .route("/courses/{id}/sessions/{session_id}/homework/{homework_id}/review", post(review_homework))
}

/// More marks than any plan has: a form claiming more is refused, not allocated.
const MAX_ELEMENTS: usize = 200;

/// The notices a redirect after saving may ask for.
const NOTICES: [&str; 3] = ["log", "homework", "review"];

/// The forms on the page that can come back with what was typed.
#[derive(Default)]
struct LogForms {
    log: Option<FormState>,
    /// The log was saved by someone else meanwhile: show their log beside the typed one.
    conflict: bool,
    homework: Option<FormState>,
    review: Option<(i64, FormState)>,
}

fn log_path(course_id: i64, session_id: i64) -> String {
    format!("/courses/{course_id}/sessions/{session_id}/log")
}

/// 1, 2, 3 … of each session (meetings have none).
fn session_numbers(all: &[CourseSession]) -> HashMap<i64, usize> {
    let mut number = 0;
    let mut out = HashMap::new();
    for session in all.iter().filter(|s| s.kind.is_session()) {
        number += 1;
        out.insert(session.id, number);
    }
    out
}

fn homework_value(h: &Homework, numbers: &HashMap<i64, usize>) -> Value {
    minijinja::context! {
        id => h.id,
        description => h.description.clone(),
        creator => h.creator_name.clone(),
        created_at => h.created_at,
        reviewed => h.reviewed_session_id.is_some(),
        reviewed_at => h.reviewed_session_id.and_then(|id| numbers.get(&id).copied()),
        review_note => h.review_note.clone(),
    }
}

fn log_value(log: &SessionLog) -> Value {
    minijinja::context! {
        done => log.done.clone(),
        learned => log.learned.clone(),
        noticed => log.noticed.clone(),
        deviations => log.deviations.clone(),
        next_time => log.next_time.clone(),
        elements_done => log.elements_done.clone(),
    }
}

/// The log form filled with the stored log (or empty), as first shown.
fn stored_form(view: &LogView) -> FormState {
    let current = view.current();
    let ticked = current.elements_done.iter().enumerate().filter(|(_, d)| **d).map(|(i, _)| i.to_string()).collect();
    FormState::new()
        .with_value("done", &current.done)
        .with_value("learned", &current.learned)
        .with_value("noticed", &current.noticed)
        .with_value("deviations", &current.deviations)
        .with_value("next_time", &current.next_time)
        .with_values("element", ticked)
        .with_value("version", view.version())
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    forms: LogForms,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let view = logs::view(state, actor, course_id, session_id).await?;
    let numbers = session_numbers(&view.at.all);
    let session = &view.at.session;
    let elements: Vec<Value> = view
        .at
        .elements()
        .iter()
        .enumerate()
        .map(|(index, segment)| minijinja::context! { index => index, name => segment.name.clone(), minutes => segment.minutes })
        .collect();
    let planned = elements.len();
    let current = view.current();
    let done_count = view.log.as_ref().map(|_| current.elements_done.iter().filter(|d| **d).count());
    let log_form = forms.log.unwrap_or_else(|| stored_form(&view));
    let suggested = forms.homework.is_none() && view.suggestion.is_some();
    let homework_form = forms.homework.unwrap_or_else(|| match &view.suggestion {
        Some(suggestion) => FormState::new().with_value("description", suggestion),
        None => FormState::new(),
    });
    let to_review: Vec<Value> = view
        .to_review
        .iter()
        .map(|h| {
            let form = match &forms.review {
                Some((id, form)) if *id == h.id => form.clone(),
                _ => FormState::new().with_value(&format!("note-{}", h.id), &h.review_note),
            };
            minijinja::context! { item => homework_value(h, &numbers), form => ui.form(state, &form) }
        })
        .collect();
    let review_summary = forms.review.as_ref().map(|(_, form)| ui.form(state, form));
    let observe = if observations::may_observe(state, actor, course_id).await? {
        let people = observations::participants_at(state, actor, course_id, session).await?;
        people.iter().map(|p| minijinja::context! { id => p.id, name => p.name.clone() }).collect()
    } else {
        Vec::new()
    };
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        session => minijinja::context! {
            id => session.id,
            kind => session.kind,
            number => view.at.number,
            title => session.title.clone(),
            date => session.date.clone(),
            start_time => session.start_time.clone(),
            end_time => session.end_time.clone(),
            status => session.status,
        },
        elements => elements,
        planned => planned,
        written => view.log.is_some(),
        writer => view.log.as_ref().and_then(|l| l.writer_name.clone()),
        written_at => view.log.as_ref().map(|l| l.written_at),
        fidelity => view.fidelity,
        done_count => done_count,
        saved_log => log_value(&current),
        previous => view.at.previous.as_ref().map(|(_, number)| *number),
        previous_note => view.previous_note.clone(),
        may_write => view.may_write,
        closed => view.closed.as_ref().map(|e| e.code),
        log_form => ui.form(state, &log_form),
        conflict => forms.conflict,
        homework_given => view.given.iter().map(|h| homework_value(h, &numbers)).collect::<Vec<_>>(),
        homework_form => ui.form(state, &homework_form),
        suggested => suggested,
        homework_closed => crate::services::running::access::is_closed(&view.course) || session.status.is_cancelled(),
        to_review => to_review,
        review_summary => review_summary,
        observe => observe,
        notice => notice.filter(|n| NOTICES.contains(n)),
    };
    ui.render_status(state, Some(actor), status, "running_log.html", "log-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    Saved(notice): Saved,
) -> Result<Response, WebError> {
    render(&state, &ui, &actor, id, session_id, LogForms::default(), StatusCode::OK, notice.as_deref()).await
}

/// The log as the form sent it. The marks are one per planned element: `elements` says
/// how many the form offered, each ticked `element` names its index.
fn typed_log(form: &FormData) -> SessionLog {
    let ticked: Vec<usize> = form.all("element").iter().filter_map(|v| v.parse::<usize>().ok()).collect();
    let offered = form.get("elements").parse::<usize>().unwrap_or(0);
    let count = ticked.iter().map(|i| i.saturating_add(1)).chain([offered]).max().unwrap_or(0).min(MAX_ELEMENTS + 1);
    SessionLog {
        done: form.get("done").to_string(),
        learned: form.get("learned").to_string(),
        noticed: form.get("noticed").to_string(),
        deviations: form.get("deviations").to_string(),
        next_time: form.get("next_time").to_string(),
        elements_done: (0..count).map(|i| ticked.contains(&i)).collect(),
    }
}

fn saved(course_id: i64, session_id: i64, what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}?saved={what}#{anchor}", log_path(course_id, session_id))).into_response()
}

pub async fn save(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let expected = form.get("version").parse::<i64>().unwrap_or(-1);
    match logs::save(&state, &actor, id, session_id, typed_log(&form), Some(Replaces::Version(expected))).await {
        Ok(_) => Ok(saved(id, session_id, "log", "log-status")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = LogForms { log: Some(form.kept().with_errors(errors)), ..Default::default() };
            render(&state, &ui, &actor, id, session_id, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(WebError::Stale) => {
            let current = logs::view(&state, &actor, id, session_id).await?.version();
            let errors = FieldErrors::single(FieldError::new("conflict", "error-log-conflict"));
            let kept = form.kept().with_errors(errors).with_value("version", current);
            let forms = LogForms { log: Some(kept), conflict: true, ..Default::default() };
            render(&state, &ui, &actor, id, session_id, forms, StatusCode::CONFLICT, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn add_homework(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    match logs::add_homework(&state, &actor, id, session_id, form.get("description")).await {
        Ok(_) => Ok(saved(id, session_id, "homework", "homework-given")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = LogForms { homework: Some(form.kept().with_errors(errors)), ..Default::default() };
            render(&state, &ui, &actor, id, session_id, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn review_homework(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id, homework_id]): PathIds<3>,
    form: FormData,
) -> Result<Response, WebError> {
    let (_, course_id) = logs::homework(&state, &actor, homework_id).await?;
    if course_id != id {
        return Err(WebError::NotFound);
    }
    let field = format!("note-{homework_id}");
    match logs::review_homework(&state, &actor, homework_id, Some(session_id), form.get(&field)).await {
        Ok(_) => Ok(saved(id, session_id, "review", &format!("review-{homework_id}"))),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            // Each review form has its own field id on the page.
            let named = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        e.field = if e.field == "note" { field.clone() } else { format!("review-{homework_id}") };
                        e
                    })
                    .collect(),
            );
            let forms = LogForms { review: Some((homework_id, form.kept().with_errors(named))), ..Default::default() };
            render(&state, &ui, &actor, id, session_id, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn marks_follow_the_offered_elements() {
        let log = typed_log(&form(&[("elements", "3"), ("element", "0"), ("element", "2"), ("done", "Runde")]));
        assert_eq!(log.elements_done, vec![true, false, true]);
        assert_eq!(log.done, "Runde");
        assert_eq!(typed_log(&form(&[("elements", "2")])).elements_done, vec![false, false]);
    }

    #[test]
    fn a_mark_past_the_offered_elements_makes_the_count_wrong() {
        let log = typed_log(&form(&[("elements", "2"), ("element", "4")]));
        assert_eq!(log.elements_done.len(), 5);
        let huge = typed_log(&form(&[("elements", "99999999999"), ("element", "18446744073709551615")]));
        assert_eq!(huge.elements_done.len(), MAX_ELEMENTS + 1);
    }
}
