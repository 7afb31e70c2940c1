//! Cross-site request forgery protection for every state-changing form: a random token
//! in a SameSite=Strict cookie must come back in the form's `csrf` field, and a
//! cross-origin `Origin` header is refused outright. The JSON API uses bearer tokens,
//! which a browser never sends on its own, so it needs neither.

use super::cookies::{cookie, CookieJar};
use super::MAX_BODY_BYTES;
use crate::error::WebError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The token to put into this page's forms.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

pub fn cookie_name(state: &AppState) -> &'static str {
    if state.config.uses_tls() {
        "__Host-samla_csrf"
    } else {
        "samla_csrf"
    }
}

pub async fn csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path.starts_with("/static/") || path == "/healthz" || path == "/readyz" {
        return next.run(request).await;
    }
    let name = cookie_name(&state);
    let existing = cookie(request.headers(), name).filter(|v| v.len() >= 32).map(str::to_string);
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe {
        let (token, fresh) = match existing {
            Some(token) => (token, false),
            None => (samla_domain::secrets::random_token(32), true),
        };
        let mut request = request;
        request.extensions_mut().insert(CsrfToken(token.clone()));
        let mut response = next.run(request).await;
        if fresh {
            let mut jar = CookieJar::default();
            jar.add(name, &token, None, state.config.uses_tls(), true);
            jar.apply(response.headers_mut());
        }
        return response;
    }

    if !same_origin(&request) {
        return WebError::Forbidden.into_response();
    }
    let Some(expected) = existing else {
        return csrf_failure();
    };
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return WebError::PayloadTooLarge.into_response(),
    };
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let sent = if content_type.starts_with("multipart/form-data") {
        multipart_value(&bytes, content_type, "csrf").await
    } else {
        form_urlencoded_value(&bytes, "csrf")
    };
    if !sent.is_some_and(|sent| samla_domain::secrets::constant_time_eq(&sent, &expected)) {
        return csrf_failure();
    }
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(CsrfToken(expected));
    next.run(request).await
}

fn csrf_failure() -> Response {
    WebError::BadRequest { detail_key: "problem-csrf-detail", location: String::new() }.into_response()
}

/// A browser names the page's origin on every POST; one from elsewhere is refused. A
/// browser that hides the origin (`Origin: null`) is believed only when it also says
/// the request comes from the same site.
fn same_origin(request: &Request) -> bool {
    let Some(origin) = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin == "null" {
        return request.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("same-origin");
    }
    let host = request.headers().get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    !host.is_empty() && origin_host == host
}

/// A text field of a multipart form (a file upload's), read from the body in memory.
async fn multipart_value(body: &axum::body::Bytes, content_type: &str, key: &str) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let body = body.clone();
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(key) {
            return field.text().await.ok();
        }
    }
    None
}

fn form_urlencoded_value(body: &[u8], key: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}
