//! Middleware every request passes, and the one place errors become HTTP responses.

mod cookies;
mod csrf;
mod errors;
mod headers;
pub mod ids;

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

/// `raw` as one value of a query string (`next=…`).
pub fn query_value(raw: &str) -> String {
    form_urlencoded::byte_serialize(raw.as_bytes()).collect()
}

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
    let path = loggable_path(request.uri().path());
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

/// The path as it may appear in logs: records are named by id only, query strings (which
/// may hold search words) are left out, and secret link tokens are masked.
fn loggable_path(path: &str) -> String {
    // A questionnaire link in the log beside its time would join who was sent the link to
    // when an anonymous answer arrived.
    const SECRET_PREFIXES: [&str; 10] = [
        "/setup/",
        "/welcome/",
        "/calendar/",
        "/withdraw/",
        "/offer/",
        "/consent/",
        "/a/",
        "/q/",
        "/api/v1/answers/",
        "/api/v1/open-links/",
    ];
    match SECRET_PREFIXES.iter().find(|prefix| path.starts_with(*prefix)) {
        Some(prefix) => format!("{prefix}…"),
        None => path.to_string(),
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn secret_links_are_masked_in_logs() {
        assert_eq!(super::loggable_path("/welcome/abcdef123"), "/welcome/…");
        assert_eq!(super::loggable_path("/setup/abcdef123"), "/setup/…");
        assert_eq!(super::loggable_path("/admin/users/4"), "/admin/users/4");
        assert_eq!(super::loggable_path("/withdraw/abcdef123"), "/withdraw/…");
        assert_eq!(super::loggable_path("/offer/abcdef123"), "/offer/…");
        assert_eq!(super::loggable_path("/consent/abcdef123"), "/consent/…");
        assert_eq!(super::loggable_path("/a/abcdef123"), "/a/…");
        assert_eq!(super::loggable_path("/q/abcdef123"), "/q/…");
        assert_eq!(super::loggable_path("/api/v1/answers/abcdef123"), "/api/v1/answers/…");
        assert_eq!(super::loggable_path("/api/v1/open-links/abcdef123"), "/api/v1/open-links/…");
    }
}
