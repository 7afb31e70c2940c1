use super::{login_cookies, redirect_with, safe_next, user_agent, ClientAddress, FormPage, Ui};
use crate::auth::{session_cookie_name, PendingSession};
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::http::{CookieJar, RequestId};
use crate::services::login::{self, Stage};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use std::collections::HashMap;

pub async fn show(
    State(state): State<AppState>,
    ui: Ui,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let form = FormState::new().with_value("next", safe_next(query.get("next").map(String::as_str).unwrap_or("/")));
    render(&state, &ui, form, StatusCode::OK, query.contains_key("welcome"))
}

const LOGIN_PAGE: FormPage = FormPage { template: "login.html", title_key: "login-title" };

fn render(state: &AppState, ui: &Ui, form: FormState, status: StatusCode, welcome: bool) -> Result<Response, WebError> {
    LOGIN_PAGE.show_signed_out(state, ui, form, status, minijinja::context! { welcome => welcome })
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    Extension(request_id): Extension<RequestId>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    previous: Option<PendingSession>,
    form: FormData,
) -> Result<Response, WebError> {
    let next = safe_next(form.get("next"));
    let outcome = login::with_password(
        &state,
        form.get("email"),
        form.get("password"),
        &address,
        user_agent(&headers),
        &request_id.0,
        previous.as_ref().map(|p| p.session.id_hash.as_str()),
    )
    .await;
    match outcome {
        Ok(session) => {
            let to = match session.stage {
                Stage::SecondFactor => format!("/login/second-factor?next={}", crate::http::query_value(&next)),
                Stage::EnrolSecondFactor => "/account/second-factor".to_string(),
                Stage::Full => next,
            };
            Ok(redirect_with(login_cookies(&state, &session.secret, session.language.as_deref()), &to))
        }
        Err(WebError::Invalid(errors)) => {
            render(&state, &ui, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY, false)
        }
        Err(other) => Err(other),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    pending: Option<PendingSession>,
) -> Result<Response, WebError> {
    if let Some(pending) = pending {
        login::logout(&state, &pending, &request_id.0).await?;
    }
    let mut jar = CookieJar::default();
    jar.add(session_cookie_name(&state), "", Some(0), state.config.uses_tls(), false);
    let mut response = Redirect::to("/login").into_response();
    jar.apply(response.headers_mut());
    Ok(response)
}
