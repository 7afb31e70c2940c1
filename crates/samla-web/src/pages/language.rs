use super::safe_next;
use crate::auth::PendingSession;
use crate::error::WebError;
use crate::forms::FormData;
use crate::http::{CookieJar, LANGUAGE_COOKIE};
use crate::services::accounts;
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::accounts::Language;

/// The language switcher on every page: remembered in a cookie, and on the account of
/// a signed-in person.
pub async fn choose(
    State(state): State<AppState>,
    pending: Option<PendingSession>,
    form: FormData,
) -> Result<Response, WebError> {
    let language = Language::parse(form.get("lang")).unwrap_or_default();
    if let Some(pending) = pending {
        accounts::set_language(&state, pending.user.id, language).await?;
    }
    let mut jar = CookieJar::default();
    jar.add(LANGUAGE_COOKIE, language.code(), Some(365 * 24 * 3600), state.config.uses_tls(), false);
    let mut response = Redirect::to(&return_path(form.get("return_to"))).into_response();
    jar.apply(response.headers_mut());
    Ok(response)
}

/// Back to the page the switcher was on. Unlike where a login leads ([`safe_next`]),
/// the login pages themselves are fine here: a person switching language half-way
/// through logging in stays where they were.
fn return_path(raw: &str) -> String {
    let on_login_page = raw == "/login" || raw.starts_with("/login/");
    if on_login_page && !raw.contains(['\\', '?', '#']) && !raw.chars().any(char::is_control) {
        raw.to_string()
    } else {
        safe_next(raw)
    }
}
