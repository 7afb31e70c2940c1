//! A person's access to their data (innsyn), in the browser: the requests with their last
//! days, finding the person and registering a request, the printable report with its
//! JSON copy, and marking a request answered.

use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::{Page, PathId, Saved};
use crate::services::privacy::access as service;
use crate::AppState;
use axum::extract::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::{context, Value};
use samla_domain::privacy::access::search_words;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/access-requests", get(list).post(register))
        .route("/access-requests/{id}", get(show))
        .route("/access-requests/{id}/answered", post(answered))
        .route("/access-requests/{id}/copy.json", get(copy))
}

/// The list with the search for `query` and the register form as given.
async fn render_list(
    page: &Page,
    query: &str,
    form: FormState,
    (status, notice): (StatusCode, Option<&str>),
) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let requests = service::list(state, actor).await?;
    let searched = !query.trim().is_empty();
    // A search that is not one line of text (typed into the address) finds no one.
    let found = match service::find_persons(state, actor, query).await {
        Ok(found) => found,
        Err(WebError::Invalid(_)) => Vec::new(),
        Err(other) => return Err(other),
    };
    let people: Vec<Value> = found
        .iter()
        .map(|p| {
            let role = state.i18n.text(ui.lang, &format!("intake-role-{}", p.household_role), &[]);
            let label = match p.birth_year {
                Some(year) => state.i18n.text(
                    ui.lang,
                    "access-person-born",
                    &[("name", p.name.clone()), ("year", year.to_string()), ("role", role)],
                ),
                None => state.i18n.text(ui.lang, "access-person", &[("name", p.name.clone()), ("role", role)]),
            };
            context! { value => p.id.to_string(), label => label }
        })
        .collect();
    let context = context! {
        notice => notice,
        requests => Value::from_serialize(&requests),
        query => query,
        searched => searched,
        too_short => searched && search_words(query).is_empty(),
        people => people,
        register_form => ui.form(state, &form),
    };
    ui.render_status(state, Some(actor), status, "privacy_access_requests.html", "access-title", context)
}

pub async fn list(
    page: Page,
    saved: Saved,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let notice = saved.known(&["answered"]);
    let query = params.get("q").map(String::as_str).unwrap_or("");
    render_list(&page, query, FormState::new(), (StatusCode::OK, notice)).await
}

pub async fn register(page: Page, form: FormData) -> Result<Response, WebError> {
    let person_id = form.get("person_id").trim().parse::<i64>().unwrap_or(0);
    match service::register(&page.state, &page.actor, person_id, form.get("received_on")).await {
        Ok(id) => Ok(Redirect::to(&format!("/access-requests/{id}?saved=registered")).into_response()),
        Err(WebError::Invalid(errors)) => {
            let kept = form.kept().with_errors(errors);
            render_list(&page, form.get("q"), kept, (StatusCode::UNPROCESSABLE_ENTITY, None)).await
        }
        Err(other) => Err(other),
    }
}

async fn render_report(
    Page { state, ui, actor }: &Page,
    id: i64,
    form: FormState,
    (status, notice): (StatusCode, Option<&str>),
) -> Result<Response, WebError> {
    let report = service::report(state, actor, id).await?;
    // The readers' roles in words.
    let reads: Vec<Value> = report
        .reads
        .iter()
        .map(|read| {
            let codes = read.role.as_deref().unwrap_or("").split(',').filter(|code| !code.is_empty());
            let roles: Vec<String> = codes.map(|code| state.i18n.text(ui.lang, &format!("role-{code}"), &[])).collect();
            context! { roles => roles.join(", "), ..Value::from_serialize(read) }
        })
        .collect();
    let context = context! {
        notice => notice,
        reads => reads,
        report => Value::from_serialize(&report),
        answer_form => ui.form(state, &form),
    };
    ui.render_status(state, Some(actor), status, "privacy_access_report.html", "access-report-title", context)
}

pub async fn show(page: Page, saved: Saved, PathId(id): PathId) -> Result<Response, WebError> {
    let notice = saved.known(&["registered"]);
    render_report(&page, id, FormState::new(), (StatusCode::OK, notice)).await
}

pub async fn answered(page: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    match service::mark_answered(&page.state, &page.actor, id, form.get("answered_on")).await {
        Ok(()) => Ok(Redirect::to("/access-requests?saved=answered").into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let kept = form.kept().with_errors(errors);
            render_report(&page, id, kept, (StatusCode::UNPROCESSABLE_ENTITY, None)).await
        }
        Err(other) => Err(other),
    }
}

/// The report as a JSON file: the machine-readable copy the person may ask for.
pub async fn copy(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let report = service::report(&state, &actor, id).await?;
    let json = serde_json::to_vec_pretty(&report).map_err(|e| WebError::Internal(e.to_string()))?;
    let name = format!("samla-access-request-{id}.json");
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        json,
    )
        .into_response())
}
