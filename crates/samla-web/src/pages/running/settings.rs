//! The organisation's settings for running courses: the absence follow-up threshold,
//! when participants are reminded before a session, and when leaders are reminded of an
//! unwritten log. For those who configure course work.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::Saved;
use crate::pages::Ui;
use crate::services::running::settings::{self, SettingsForm};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/running/settings", get(show).post(update))
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    form: Option<FormState>,
    status: StatusCode,
    saved: bool,
) -> Result<Response, WebError> {
    let current = settings::get(state, actor).await?;
    let form = form.unwrap_or_else(|| {
        FormState::new()
            .with_value("follow_up_after_absences", current.follow_up_after_absences)
            .with_value("reminder_hours_before", current.reminder_hours_before)
            .with_value("log_grace_hours", current.log_grace_hours)
    });
    let bounds = |(_, min, max): (&str, i64, i64)| minijinja::context! { min => min, max => max };
    let context = minijinja::context! {
        form => ui.form(state, &form),
        saved => saved,
        follow_up => bounds(settings::FOLLOW_UP_AFTER_ABSENCES),
        hours_before => bounds(settings::REMINDER_HOURS_BEFORE),
        grace => bounds(settings::LOG_GRACE_HOURS),
    };
    ui.render_status(state, Some(actor), status, "running_settings.html", "running-settings-title", context)
}

async fn show(Page { state, ui, actor }: Page, Saved(saved): Saved) -> Result<Response, WebError> {
    let saved = saved.as_deref() == Some("settings");
    render(&state, &ui, &actor, None, StatusCode::OK, saved).await
}

async fn update(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let input = SettingsForm {
        follow_up_after_absences: form.get("follow_up_after_absences").to_string(),
        reminder_hours_before: form.get("reminder_hours_before").to_string(),
        log_grace_hours: form.get("log_grace_hours").to_string(),
    };
    match settings::update(&state, &actor, &input).await {
        Ok(_) => Ok(Redirect::to("/running/settings?saved=settings").into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let kept = Some(form.kept().with_errors(errors));
            render(&state, &ui, &actor, kept, StatusCode::UNPROCESSABLE_ENTITY, false).await
        }
        Err(other) => Err(other),
    }
}
