use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::Saved;
use crate::services::accounts;
use crate::AppState;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::Action;
use samla_storage::{sessions, tokens, StoreError};

/// Which form on the account page had errors.
enum Failed {
    None,
    Password(FormState),
    Token(FormState),
}

pub async fn show(Page { state, ui, actor }: Page, Saved(saved): Saved) -> Result<Response, WebError> {
    render(&state, &ui, &actor, Failed::None, saved.as_deref()).await
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    failed: Failed,
    saved: Option<&str>,
) -> Result<Response, WebError> {
    actor.authorize(state, Action::ManageOwnAccount).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let token_list = tokens::list_for_user(&mut conn, actor.user_id).await?;
    let session_list = sessions::list_for_user(&mut conn, actor.user_id).await?;
    let unused_codes = samla_storage::accounts::unused_recovery_codes(&mut conn, actor.user_id).await?;
    drop(conn);
    let (status, password_form, token_form) = match failed {
        Failed::None => (StatusCode::OK, FormState::new(), FormState::new()),
        Failed::Password(form) => (StatusCode::UNPROCESSABLE_ENTITY, form, FormState::new()),
        Failed::Token(form) => (StatusCode::UNPROCESSABLE_ENTITY, FormState::new(), form),
    };
    let current = actor.session_id_hash().unwrap_or("");
    let context = minijinja::context! {
        email => actor.email.clone(),
        has_second_factor => actor.has_second_factor,
        unused_codes => unused_codes,
        saved => saved.filter(|s| ["password", "token-revoked", "sessions", "calendar-revoked"].contains(s)),
        tokens => token_list.iter().map(|t| minijinja::context! {
            id => t.public_id.clone(), label => t.label.clone(), created_at => t.created_at,
            last_used_at => t.last_used_at, revoked => t.revoked_at.is_some(),
        }).collect::<Vec<_>>(),
        sessions => session_list.iter().map(|s| minijinja::context! {
            id => s.id_hash.clone(), created_at => s.created_at, last_seen_at => s.last_seen_at,
            user_agent => s.user_agent.clone(), current => s.id_hash == current,
        }).collect::<Vec<_>>(),
        password_form => ui.form(state, &password_form),
        token_form => ui.form(state, &token_form),
    };
    ui.render_status(state, Some(actor), status, "account.html", "account-title", context)
}

pub async fn change_password(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    match accounts::change_password(
        &state,
        &actor,
        form.get("current_password"),
        form.get("new_password"),
        form.get("repeat_password"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account?saved=password").into_response()),
        Err(WebError::Invalid(errors)) => {
            render(&state, &ui, &actor, Failed::Password(form.kept().with_errors(errors)), None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn create_token(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    match accounts::create_token(&state, &actor, form.get("label")).await {
        Ok((_, secret)) => {
            let context = minijinja::context! { token => secret, label => form.get("label").trim() };
            ui.render(&state, Some(&actor), "token_created.html", "token-created-title", context)
        }
        Err(WebError::Invalid(errors)) => {
            render(&state, &ui, &actor, Failed::Token(form.kept().with_errors(errors)), None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn revoke_token(Page { state, actor, .. }: Page, Path(id): Path<String>) -> Result<Response, WebError> {
    accounts::revoke_token(&state, &actor, &id).await?;
    Ok(Redirect::to("/account?saved=token-revoked").into_response())
}

pub async fn end_sessions(Page { state, actor, .. }: Page, form: FormData) -> Result<Response, WebError> {
    let which = Some(form.get("session")).filter(|s| !s.is_empty());
    accounts::end_sessions(&state, &actor, which).await?;
    Ok(Redirect::to("/account?saved=sessions").into_response())
}

/// A new secret address for the person's own calendar (their sessions on every course
/// they work on), shown once; the previous address stops working.
pub async fn create_calendar_feed(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    let url = crate::services::calendar::new_feed(&state, &actor, None).await?;
    let context = minijinja::context! { course => (), url => url };
    ui.render(&state, Some(&actor), "calendar_feed.html", "calendar-feed-title", context)
}

pub async fn revoke_calendar_feed(Page { state, actor, .. }: Page) -> Result<Response, WebError> {
    crate::services::calendar::revoke_feed(&state, &actor, None).await?;
    Ok(Redirect::to("/account?saved=calendar-revoked").into_response())
}
