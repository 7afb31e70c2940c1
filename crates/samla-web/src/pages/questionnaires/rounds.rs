//! A course's evaluations: its rounds of asking with how many were asked and have
//! answered, the form to start a round (questionnaire, audience, mode, timing, session,
//! days, QR code) and the one to schedule an outcome measure's three rounds; and a
//! round's own page (the QR code big enough to scan and its short link, printable; who
//! was asked for those who may see names; closing). Works without JavaScript.
//!
//! Links onward: a round's results at `/questionnaire-rounds/{round_id}/results`, paper
//! entry at `/questionnaire-rounds/{round_id}/paper`, and the course's evaluation summary
//! and outcome change at `/courses/{id}/evaluation` and `/courses/{id}/outcome-change`.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::PathIds;
use crate::pages::Ui;
use crate::services::questionnaires::rounds::{self as service, CourseRounds, StartRound};
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::questionnaires::rounds::{Audience, Mode, RoundRequest, Timing, SESSION_WINDOW_DAYS};
use samla_domain::{FieldError, FieldErrors};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/evaluations", get(hub).post(start))
        .route("/courses/{id}/evaluations/outcome", post(schedule_outcome))
        .route("/courses/{id}/questionnaire-rounds/{round_id}", get(round_page))
        .route("/courses/{id}/questionnaire-rounds/{round_id}/close", post(close))
}

fn options(state: &AppState, ui: &Ui, prefix: &str, codes: &[&str]) -> Vec<Value> {
    codes
        .iter()
        .map(|code| minijinja::context! { value => *code, label => state.i18n.text(ui.lang, &format!("{prefix}{code}"), &[]) })
        .collect()
}

fn session_label(state: &AppState, ui: &Ui, number: usize, date: &str) -> String {
    format!(
        "{}, {}",
        state.i18n.text(ui.lang, "session-number", &[("number", number.to_string())]),
        crate::views::format_date(ui.lang, date)
    )
}

fn round_value(state: &AppState, ui: &Ui, actor: &Actor, view: &CourseRounds, index: usize) -> Value {
    let summary = &view.rounds[index];
    let r = &summary.round;
    let session = r
        .session_id
        .and_then(|id| view.sessions.iter().find(|(s, _)| s.id == id))
        .map(|(s, n)| session_label(state, ui, *n, &s.date));
    minijinja::context! {
        id => r.id,
        title => summary.title.clone(),
        audience => r.audience,
        mode => r.mode,
        timing => r.timing,
        session => session,
        opens_on => r.opens_on.clone(),
        closes_on => r.closes_on.clone(),
        qr => r.open_token.is_some(),
        state => service::state_of(state, actor, r).code(),
        asked => summary.asked,
        answered => summary.answered,
        walk_ins => summary.walk_ins,
    }
}

#[allow(clippy::too_many_arguments)]
fn render_hub(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    view: &CourseRounds,
    form: FormState,
    outcome: FormState,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let rounds: Vec<Value> = (0..view.rounds.len()).map(|i| round_value(state, ui, actor, view, i)).collect();
    let mut questionnaires = vec![
        minijinja::context! { value => "", label => state.i18n.text(ui.lang, "qround-choose-questionnaire", &[]) },
    ];
    questionnaires
        .extend(view.questionnaires.iter().map(|(id, title)| minijinja::context! { value => id, label => title }));
    let mut sessions =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "qround-no-session", &[]) }];
    // Only sessions whose evaluation can still be answered (a week after the day).
    let earliest = (view.today - chrono::Duration::days(SESSION_WINDOW_DAYS)).to_string();
    sessions.extend(
        view.sessions
            .iter()
            .filter(|(s, _)| s.date >= earliest)
            .map(|(s, n)| minijinja::context! { value => s.id, label => session_label(state, ui, *n, &s.date) }),
    );
    let audiences: Vec<&str> = Audience::ALL.iter().map(|a| a.as_str()).collect();
    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
    let timings: Vec<&str> = Timing::ALL.iter().map(|t| t.as_str()).collect();
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        rounds => rounds,
        may_run => view.may_run,
        form => ui.form(state, &form),
        outcome => ui.form(state, &outcome),
        questionnaire_options => questionnaires,
        session_options => sessions,
        audience_options => options(state, ui, "qround-audience-", &audiences),
        mode_options => options(state, ui, "qround-mode-", &modes),
        timing_options => options(state, ui, "qround-timing-", &timings),
        notice => notice,
    };
    ui.render_status(state, Some(actor), status, "questionnaire_rounds.html", "qround-title", context)
}

const NOTICES: [&str; 3] = ["started", "scheduled", "closed"];

async fn hub(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let view = service::course_rounds(&state, &actor, id, ui.lang.code()).await?;
    let form = FormState::new().with_value("mode", "anonymous").with_value("audience", "participants");
    let outcome =
        FormState::new().with_value("outcome_audience", "guardians").with_value("outcome_follow_up_months", 3);
    let notice = query.get("saved").map(String::as_str).filter(|n| NOTICES.contains(n));
    render_hub(&state, &ui, &actor, &view, form, outcome, StatusCode::OK, notice)
}

fn optional_number(form: &FormData, name: &str, errors: &mut FieldErrors) -> Option<i64> {
    let raw = form.get(name).trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(FieldError::new(name, "error-qround-number"));
            None
        }
    }
}

async fn start(
    Page { state, ui, actor }: Page,
    PathId(course_id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let mut parse_errors = FieldErrors::new();
    let questionnaire_id = optional_number(&form, "questionnaire_id", &mut parse_errors);
    let session_id = optional_number(&form, "session_id", &mut parse_errors);
    let follow_up_months = optional_number(&form, "follow_up_months", &mut parse_errors);
    let timing = form.get("timing");
    let request = RoundRequest {
        audience: form.get("audience"),
        mode: form.get("mode"),
        timing,
        // A session chosen with another timing is ignored on the page: the list is
        // always shown, and the choice only counts for a session round.
        session_id: session_id.filter(|_| Timing::parse(timing) == Some(Timing::Session)),
        opens_on: form.get("opens_on"),
        closes_on: form.get("closes_on"),
        follow_up_months: follow_up_months.filter(|_| Timing::parse(timing) == Some(Timing::FollowUp)),
        qr_code: form.checked("qr_code"),
    };
    let result = if parse_errors.is_empty() {
        service::start(&state, &actor, course_id, &StartRound { questionnaire_id, request }).await
    } else {
        Err(parse_errors.into())
    };
    match result {
        Ok(round_id) => {
            Ok(Redirect::to(&format!("/courses/{course_id}/questionnaire-rounds/{round_id}?saved=started"))
                .into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let view = service::course_rounds(&state, &actor, course_id, ui.lang.code()).await?;
            let outcome =
                FormState::new().with_value("outcome_audience", "guardians").with_value("outcome_follow_up_months", 3);
            let kept = form.kept().with_errors(errors);
            render_hub(&state, &ui, &actor, &view, kept, outcome, StatusCode::UNPROCESSABLE_ENTITY, None)
        }
        Err(other) => Err(other),
    }
}

async fn schedule_outcome(
    Page { state, ui, actor }: Page,
    PathId(course_id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let mut parse_errors = FieldErrors::new();
    let questionnaire_id = optional_number(&form, "outcome_questionnaire_id", &mut parse_errors);
    let months = optional_number(&form, "outcome_follow_up_months", &mut parse_errors);
    let result = if parse_errors.is_empty() {
        service::schedule_outcome(&state, &actor, course_id, questionnaire_id, form.get("outcome_audience"), months)
            .await
    } else {
        Err(parse_errors.into())
    };
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/courses/{course_id}/evaluations?saved=scheduled#rounds-heading"))
                .into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let view = service::course_rounds(&state, &actor, course_id, ui.lang.code()).await?;
            // The outcome form's fields carry a prefix, so both forms can be on one page.
            let renamed = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        if !e.field.starts_with("outcome_") {
                            e.field = format!("outcome_{}", e.field);
                        }
                        e
                    })
                    .collect(),
            );
            let form_state = FormState::new().with_value("mode", "anonymous").with_value("audience", "participants");
            let kept = form.kept().with_errors(renamed);
            render_hub(&state, &ui, &actor, &view, form_state, kept, StatusCode::UNPROCESSABLE_ENTITY, None)
        }
        Err(other) => Err(other),
    }
}

fn qr_data_uri(link: &str) -> Result<String, WebError> {
    let svg = qrcode::QrCode::new(link.as_bytes())
        .map(|code| code.render::<qrcode::render::svg::Color>().min_dimensions(320, 320).build())
        .map_err(|e| WebError::Internal(format!("QR code: {e}")))?;
    Ok(format!("data:image/svg+xml;base64,{}", data_encoding::BASE64.encode(svg.as_bytes())))
}

async fn round_page(
    Page { state, ui, actor }: Page,
    PathIds([course_id, round_id]): PathIds<2>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let view = service::round_view(&state, &actor, round_id, ui.lang.code()).await?;
    if view.course.id != course_id {
        return Err(WebError::NotFound);
    }
    let recipients = if view.may_see_names {
        let rows = service::recipients(&state, &actor, round_id).await?;
        Some(
            rows.into_iter()
                .map(|r| {
                    minijinja::context! {
                        name => r.name,
                        role => r.role,
                        about => r.subject_name,
                        has_email => r.has_email != 0,
                        invited => r.invited_at.is_some(),
                        reminded => r.reminded_at.is_some(),
                        answered_on => r.answered_on,
                    }
                })
                .collect::<Vec<_>>(),
        )
    } else {
        None
    };
    let qr = match &view.open_link {
        Some(link) => Some(qr_data_uri(link)?),
        None => None,
    };
    let r = &view.summary.round;
    let notice = query.get("saved").map(String::as_str).filter(|n| NOTICES.contains(n));
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        round => minijinja::context! {
            id => r.id,
            title => view.summary.title.clone(),
            audience => r.audience,
            mode => r.mode,
            timing => r.timing,
            opens_on => r.opens_on.clone(),
            closes_on => r.closes_on.clone(),
            follow_up_months => r.follow_up_months,
            state => view.state.code(),
            asked => view.summary.asked,
            invited => view.summary.invited,
            reminded => view.summary.reminded,
            answered => view.summary.answered,
            walk_ins => view.summary.walk_ins,
            qr_round => r.open_token.is_some(),
            session => view.session.as_ref().map(|(s, n)| session_label(&state, &ui, *n, &s.date)),
        },
        open_link => view.open_link.clone(),
        qr => qr,
        recipients => recipients,
        may_run => view.may_run,
        notice => notice,
        threshold => samla_domain::reports::evaluation::MIN_ANSWERS_SHOWN,
    };
    ui.render(&state, Some(&actor), "questionnaire_round.html", "qround-round-title", context)
}

async fn close(
    Page { state, actor, .. }: Page,
    PathIds([course_id, round_id]): PathIds<2>,
) -> Result<Response, WebError> {
    let (course, _) = service::round_for(&state, &actor, samla_domain::Action::RunEvaluations, round_id).await?;
    if course.id != course_id {
        return Err(WebError::NotFound);
    }
    match service::close(&state, &actor, round_id).await {
        Ok(()) | Err(WebError::Invalid(_) | WebError::Refused(_)) => {
            Ok(Redirect::to(&format!("/courses/{course_id}/questionnaire-rounds/{round_id}?saved=closed"))
                .into_response())
        }
        Err(other) => Err(other),
    }
}
