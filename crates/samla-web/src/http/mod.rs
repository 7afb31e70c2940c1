//! Middleware every request passes, and the one place errors become HTTP responses.

mod cookies;
mod csrf;
mod errors;
mod headers;

pub use cookies::{cookie, CookieJar};
pub use csrf::CsrfToken;
pub use errors::not_found;

use crate::i18n::negotiate;
use crate::AppState;
use axum::extract::Request;
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::Response;
use axum::Router;
use samla_domain::accounts::Language;

pub const LANGUAGE_COOKIE: &str = "samla_lang";
/// The largest body samla reads; larger requests get 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A random id for each request, in logs, audit rows and the `X-Request-Id` header.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// The language this request is answered in.
#[derive(Debug, Clone, Copy)]
pub struct Lang(pub Language);

/// Wraps the router in the middleware every request passes; the first listed here
/// runs outermost.
pub fn apply(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router
        .layer(from_fn_with_state(state.clone(), csrf::csrf))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(from_fn_with_state(state.clone(), errors::render_errors))
        .layer(from_fn(language))
        .layer(from_fn_with_state(state, headers::security_headers))
        .layer(from_fn(request_id))
}

async fn request_id(mut request: Request, next: Next) -> Response {
    let id = samla_domain::secrets::random_token(12);
    request.extensions_mut().insert(RequestId(id.clone()));
    let started = std::time::Instant::now();
    let method = request.method().clone();
    // Paths name records by id only; query strings may hold search words, so they stay
    // out of the log.
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    tracing::info!(
        request_id = %id,
        %method,
        %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    if let Ok(value) = id.parse() {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

async fn language(mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let chosen = negotiate(
        None,
        cookie(headers, LANGUAGE_COOKIE),
        headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    request.extensions_mut().insert(Lang(chosen));
    next.run(request).await
}
