//! Break-the-glass over JSON: opening a course's records in an emergency, and the review
//! of each opening by whoever oversees the audit trail.

use crate::api::conventions::{
    AuditReadersOnly, EmergencyAccessNotFound, EmergencyOpenersOnly, MalformedRequest, NoValidToken, OrgSlug,
    OrganisationNotFound,
};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, ApiQuery, Items, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::privacy::emergency::{self as service, Listing};
use crate::AppState;
use axum::http::header::LOCATION;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use samla_storage::privacy::emergency::{ActionDuring, EmergencyAccess as Stored};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ORG: &str = "/organisations/{org}";
    Router::new()
        .route(&format!("{ORG}/emergency-accesses"), get(list_emergency_accesses).post(open_emergency_access))
        .route(&format!("{ORG}/emergency-accesses/{{access_id}}"), get(get_emergency_access))
        .route(&format!("{ORG}/emergency-accesses/{{access_id}}/sign-off"), post(sign_off_emergency_access))
}

#[derive(OpenApi)]
#[openapi(
    paths(open_emergency_access, list_emergency_accesses, get_emergency_access, sign_off_emergency_access),
    components(schemas(NewEmergencyAccess, EmergencyAccess, EmergencyAccessReview, ActionWhileOpen, SignOff))
)]
pub struct Doc;

/// A course's records opened in an emergency.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEmergencyAccess {
    /// A course of the organisation the caller does not work on.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub course_id: i64,
    /// Why the records must be read now; required, kept for the review.
    #[schema(max_length = 2000, format = "required_text")]
    pub reason: String,
    /// How long it stays open, 1–24 hours (24 when left out).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 24)]
    pub hours: Option<i64>,
}

/// An emergency access: who opened which course, why, until when, and its review.
#[derive(Serialize, ToSchema)]
pub struct EmergencyAccess {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub course_id: i64,
    pub course_name: String,
    pub reason: String,
    /// Unix seconds.
    pub opened_at: i64,
    /// Unix seconds; the access ends by itself then.
    pub expires_at: i64,
    /// Unix seconds; none while it awaits review.
    pub reviewed_at: Option<i64>,
    pub reviewed_by_name: Option<String>,
    pub review_comment: Option<String>,
}

fn access_json(a: &Stored) -> EmergencyAccess {
    EmergencyAccess {
        id: a.id,
        user_id: a.user_id,
        user_name: a.user_name.clone(),
        course_id: a.course_id,
        course_name: a.course_name.clone(),
        reason: a.reason.clone(),
        opened_at: a.opened_at,
        expires_at: a.expires_at,
        reviewed_at: a.reviewed_at,
        reviewed_by_name: a.reviewed_by_name.clone(),
        review_comment: a.review_comment.clone(),
    }
}

/// Opens a course's records to the caller for a limited time: they may then read it as
/// if they worked on it (never change it). For group leaders on a course not their own;
/// audited, and awaits review. No reason answers 422, as does a course the caller works on.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/emergency-accesses", operation_id = "openEmergencyAccess", tag = "privacy",
    params(OrgSlug),
    request_body = NewEmergencyAccess,
    responses(
        (status = 201, description = "Opened", body = EmergencyAccess,
            headers(("Location" = String, description = "The access"))),
        MalformedRequest, NoValidToken, EmergencyOpenersOnly,
        (status = 404, description = "No such organisation of yours, or no such course in it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, hours out of range, or the caller's own course", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn open_emergency_access(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewEmergencyAccess>,
) -> Result<impl IntoResponse, WebError> {
    let access = service::open(&state, &actor, body.course_id, &body.reason, body.hours).await?;
    let location = format!("/api/v1/organisations/{}/emergency-accesses/{}", actor.organisation.slug, access.id);
    Ok((StatusCode::CREATED, [(LOCATION, location)], Json(access_json(&access))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListingParams {
    /// true: those signed off (latest first); false or left out: those awaiting review.
    #[serde(default)]
    pub reviewed: Option<bool>,
}

/// Emergency accesses: the organisation's for those who oversee the audit trail (the
/// reading is audited), the caller's own for a group leader. At most 200.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/emergency-accesses", operation_id = "listEmergencyAccesses", tag = "privacy",
    params(OrgSlug, ListingParams),
    responses(
        (status = 200, description = "The accesses", body = Items<EmergencyAccess>),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Neither opens nor reviews emergency accesses", body = Problem, content_type = "application/problem+json"),
        OrganisationNotFound,
    ))]
pub async fn list_emergency_accesses(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<ListingParams>,
) -> Result<Json<Items<EmergencyAccess>>, WebError> {
    let listing = if params.reviewed == Some(true) { Listing::Reviewed } else { Listing::AwaitingReview };
    let accesses = service::list(&state, &actor, listing).await?;
    Ok(Json(Items { items: accesses.iter().map(access_json).collect() }))
}

/// What the audit trail holds of the holder's actions while the access was open.
#[derive(Serialize, ToSchema)]
pub struct ActionWhileOpen {
    /// Unix seconds.
    pub at: i64,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// success or denied.
    pub outcome: String,
}

/// One access with what was done with it.
#[derive(Serialize, ToSchema)]
pub struct EmergencyAccessReview {
    pub access: EmergencyAccess,
    /// At most 500, oldest first.
    pub actions: Vec<ActionWhileOpen>,
}

fn action_json(a: &ActionDuring) -> ActionWhileOpen {
    ActionWhileOpen {
        at: a.at,
        action: a.action.clone(),
        record_type: a.record_type.clone(),
        record_id: a.record_id.clone(),
        outcome: a.outcome.clone(),
    }
}

/// One emergency access and the holder's actions while it was open, for the review;
/// audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/emergency-accesses/{access_id}", operation_id = "getEmergencyAccess", tag = "privacy",
    params(OrgSlug, ("access_id" = i64, Path, description = "The access's id", minimum = 1)),
    responses(
        (status = 200, description = "The access and what was done with it", body = EmergencyAccessReview),
        MalformedRequest, NoValidToken, AuditReadersOnly, EmergencyAccessNotFound,
    ))]
pub async fn get_emergency_access(
    OrgCaller(state, actor, Id(access_id)): OrgCaller<Id>,
) -> Result<Json<EmergencyAccessReview>, WebError> {
    let (access, actions) = service::review(&state, &actor, access_id).await?;
    Ok(Json(EmergencyAccessReview { access: access_json(&access), actions: actions.iter().map(action_json).collect() }))
}

/// A reviewer's sign-off.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// What the review found; required.
    #[schema(max_length = 2000, format = "required_text")]
    pub comment: String,
}

/// Signs an emergency access off with a comment; signing it again changes nothing.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/emergency-accesses/{access_id}/sign-off", operation_id = "signOffEmergencyAccess", tag = "privacy",
    params(OrgSlug, ("access_id" = i64, Path, description = "The access's id", minimum = 1)),
    request_body = SignOff,
    responses(
        (status = 200, description = "Signed off", body = EmergencyAccess),
        MalformedRequest, NoValidToken, AuditReadersOnly, EmergencyAccessNotFound,
        (status = 422, description = "No comment", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_off_emergency_access(
    OrgCaller(state, actor, Id(access_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<SignOff>,
) -> Result<Json<EmergencyAccess>, WebError> {
    let access = service::sign_off(&state, &actor, access_id, &body.comment).await?;
    Ok(Json(access_json(&access)))
}
