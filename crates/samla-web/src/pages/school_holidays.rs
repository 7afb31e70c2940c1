//! The organisation's school holidays, which course schedules skip.

use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::Saved;
use crate::services::holidays;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::Action;

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    form: FormState,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let list = holidays::list(state, actor).await?;
    let context = minijinja::context! {
        holidays => list.iter().map(|h| minijinja::context! {
            id => h.id, name => h.name.clone(), first_day => h.first_day.clone(), last_day => h.last_day.clone(),
        }).collect::<Vec<_>>(),
        may_plan => actor.roles.may(Action::PlanCourses),
        form => ui.form(state, &form),
        notice => notice.filter(|n| ["added", "removed"].contains(n)),
    };
    ui.render_status(state, Some(actor), status, "school_holidays.html", "holidays-title", context)
}

pub async fn list(Page { state, ui, actor }: Page, Saved(saved): Saved) -> Result<Response, WebError> {
    render(&state, &ui, &actor, FormState::new(), StatusCode::OK, saved.as_deref()).await
}

pub async fn add(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    match holidays::add(&state, &actor, form.get("name"), form.get("first_day"), form.get("last_day")).await {
        Ok(_) => Ok(Redirect::to("/school-holidays?saved=added").into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            render(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn remove(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    holidays::remove(&state, &actor, id).await?;
    Ok(Redirect::to("/school-holidays?saved=removed").into_response())
}
