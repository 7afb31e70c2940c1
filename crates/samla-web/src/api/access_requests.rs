//! A person's access to their data (innsyn), over JSON: finding the person, registering
//! the request, the report of everything samla holds about them, marking it answered.

use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::api::courses::whole;
use crate::api::extract::{ApiQuery, Id};
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::privacy::access::{self as service, AccessReport, PersonFound, RequestSummary};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ORG: &str = "/organisations/{org}";
    Router::new()
        .route(&format!("{ORG}/persons"), get(find_persons))
        .route(&format!("{ORG}/access-requests"), get(list_access_requests).post(register_access_request))
        .route(&format!("{ORG}/access-requests/{{access_request_id}}"), get(get_access_request_report))
        .route(&format!("{ORG}/access-requests/{{access_request_id}}/answered"), post(mark_access_request_answered))
}

#[derive(OpenApi)]
#[openapi(paths(
    find_persons,
    list_access_requests,
    register_access_request,
    get_access_request_report,
    mark_access_request_answered
))]
pub struct Doc;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PersonSearch {
    /// Words of the name, in any order and case; fewer than two characters finds no one.
    #[param(max_length = 200, format = "optional_line")]
    pub q: String,
}

/// The organisation's participants and guardians whose name has every word searched for
/// (at most 50), to register an access request from. The search is audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/persons", operation_id = "findPersons", tag = "privacy",
    params(OrgSlug, PersonSearch),
    responses(
        (status = 200, description = "The persons found", body = [PersonFound]),
        OrganisationProblems,
        (status = 422, description = "A search that is not one line of text", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn find_persons(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(search): ApiQuery<PersonSearch>,
) -> Result<Json<Vec<PersonFound>>, WebError> {
    Ok(Json(service::find_persons(&state, &actor, &search.q).await?))
}

/// The organisation's access requests, those still to answer first, each with its last day
/// (a month after it came) and whether it is open, overdue or answered.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/access-requests", operation_id = "listAccessRequests", tag = "privacy",
    params(OrgSlug),
    responses(
        (status = 200, description = "The requests", body = [RequestSummary]),
        OrganisationProblems,
    ))]
pub async fn list_access_requests(
    OrgCaller(state, actor, _): OrgCaller,
) -> Result<Json<Vec<RequestSummary>>, WebError> {
    Ok(Json(service::list(&state, &actor).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAccessRequest {
    /// The participant or guardian asking (see findPersons).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub person_id: i64,
    /// The day the request came; today when left out. Not in the future.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub received_on: Option<String>,
}

/// Registers a person's request to see what samla holds about them.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/access-requests", operation_id = "registerAccessRequest", tag = "privacy",
    params(OrgSlug),
    request_body = NewAccessRequest,
    responses(
        (status = 201, description = "Registered", body = RequestSummary),
        OrganisationProblems,
        (status = 422, description = "A person the organisation does not have, or a day in the future", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_access_request(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewAccessRequest>,
) -> Result<impl IntoResponse, WebError> {
    let id = service::register(&state, &actor, body.person_id, body.received_on.as_deref().unwrap_or("")).await?;
    Ok((StatusCode::CREATED, Json(service::one(&state, &actor, id).await?)))
}

/// Everything samla holds about the person of a request — the person, applications with
/// their history, pre-conversations and offers, consents with their texts, places on
/// courses, attendance, observations, meeting minutes, identified questionnaire answers
/// with scores, mail — and who read records showing their data, per day. Concern reports
/// are not in it. Reading it is audited against the person.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/access-requests/{access_request_id}", operation_id = "getAccessRequestReport", tag = "privacy",
    params(OrgSlug, ("access_request_id" = i64, Path, description = "The request's id", minimum = 1)),
    responses(
        (status = 200, description = "The report", body = AccessReport),
        OrganisationProblems,
    ))]
pub async fn get_access_request_report(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
) -> Result<Json<AccessReport>, WebError> {
    Ok(Json(service::report(&state, &actor, id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessRequestAnswer {
    /// The day it was answered; today when left out. Not before the request came, not in
    /// the future.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<String>,
}

/// Marks a request answered.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/access-requests/{access_request_id}/answered", operation_id = "markAccessRequestAnswered", tag = "privacy",
    params(OrgSlug, ("access_request_id" = i64, Path, description = "The request's id", minimum = 1)),
    request_body = AccessRequestAnswer,
    responses(
        (status = 200, description = "Answered", body = RequestSummary),
        OrganisationProblems,
        (status = 409, description = "Answered already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A day before the request came or in the future", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn mark_access_request_answered(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<AccessRequestAnswer>,
) -> Result<Json<RequestSummary>, WebError> {
    service::mark_answered(&state, &actor, id, body.answered_on.as_deref().unwrap_or("")).await?;
    Ok(Json(service::one(&state, &actor, id).await?))
}
