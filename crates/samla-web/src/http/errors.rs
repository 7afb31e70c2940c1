//! The one mapping from errors to HTTP: `application/problem+json` (RFC 9457) under
//! `/api/`, a translated page everywhere else. Errors raised by axum itself (unknown
//! route, wrong method, body too large) pass through here too, so no error ever leaves
//! in another shape.

use super::{CsrfToken, Lang, RequestId};
use crate::error::{keys_for, ErrorInfo, WebError};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use samla_domain::accounts::Language;
use serde_json::json;

pub async fn not_found() -> WebError {
    WebError::NotFound
}

pub async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let path_and_query = request.uri().path_and_query().map(|p| p.to_string()).unwrap_or_else(|| path.clone());
    let is_api = path.starts_with("/api/");
    let lang = request.extensions().get::<Lang>().map(|l| l.0).unwrap_or_default();
    let request_id = request.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let csrf = request.extensions().get::<CsrfToken>().map(|c| c.0.clone());
    let mut response = next.run(request).await;
    let status = response.status();
    if status.as_u16() < 400 || path == "/healthz" || path == "/readyz" {
        return response;
    }
    let info = response.extensions_mut().remove::<ErrorInfo>();
    let content_type =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    if is_api {
        if content_type.starts_with("application/problem+json") {
            return response;
        }
        let info = info.unwrap_or_else(|| fallback_info(status));
        let mut problem = problem_response(&state, lang, status, &info, &path, &request_id);
        carry_headers(&response, &mut problem);
        return problem;
    }
    if content_type.starts_with("text/html") {
        return response;
    }
    if status == StatusCode::UNAUTHORIZED {
        let next_path = super::query_value(&path_and_query);
        return Redirect::to(&format!("/login?next={next_path}")).into_response();
    }
    let info = info.unwrap_or_else(|| fallback_info(status));
    let mut page = error_page(&state, lang, csrf, status, &info, &request_id);
    carry_headers(&response, &mut page);
    page
}

fn carry_headers(from: &Response, to: &mut Response) {
    for name in [header::ALLOW, header::SET_COOKIE, header::RETRY_AFTER] {
        for value in from.headers().get_all(&name) {
            to.headers_mut().append(name.clone(), value.clone());
        }
    }
}

fn fallback_info(status: StatusCode) -> ErrorInfo {
    let (title_key, detail_key) = keys_for(status);
    ErrorInfo { title_key, detail_key, location: None, field_errors: Default::default() }
}

/// An RFC 9457 problem document, with every field error under `errors`.
pub fn problem_response(
    state: &AppState,
    lang: Language,
    status: StatusCode,
    info: &ErrorInfo,
    instance: &str,
    request_id: &str,
) -> Response {
    let text = |key: &str, args: &[(&str, String)]| state.i18n.text(lang, key, args);
    let location_args: Vec<(&str, String)> = info.location.iter().map(|l| ("location", l.clone())).collect();
    let errors: Vec<_> = info
        .field_errors
        .0
        .iter()
        .map(|e| {
            let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            json!({ "field": e.field, "message": text(e.code, &args) })
        })
        .collect();
    let mut body = json!({
        "type": "about:blank",
        "title": text(info.title_key, &[]),
        "status": status.as_u16(),
        "detail": text(info.detail_key, &location_args),
        "instance": instance,
        "request_id": request_id,
    });
    if !errors.is_empty() {
        body["errors"] = json!(errors);
    }
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    if status == StatusCode::UNAUTHORIZED {
        headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"samla\""));
    }
    response
}

fn error_page(
    state: &AppState,
    lang: Language,
    csrf: Option<String>,
    status: StatusCode,
    info: &ErrorInfo,
    request_id: &str,
) -> Response {
    // A rule that refused the request says why in its own words; the page shows them.
    let reasons: Vec<String> = info
        .field_errors
        .0
        .iter()
        .map(|e| {
            let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            state.i18n.text(lang, e.code, &args)
        })
        .collect();
    let context = minijinja::context! {
        lang => lang.code(),
        reasons => reasons,
        csrf => csrf.unwrap_or_default(),
        user => (),
        path => "/",
        title_key => info.title_key,
        detail_key => info.detail_key,
        status => status.as_u16(),
        request_id => request_id,
    };
    match state.views.render("error.html", context) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "error page did not render");
            (status, "samla").into_response()
        }
    }
}
