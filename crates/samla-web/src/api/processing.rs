//! The record of processing activities (GDPR art. 30), over JSON.

use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::api::OrgCaller;
use crate::error::WebError;
use crate::services::privacy::processing::{self as service, RecordOfProcessing};
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/record-of-processing", get(get_record_of_processing))
}

#[derive(OpenApi)]
#[openapi(paths(get_record_of_processing))]
pub struct Doc;

/// What samla processes for the organisation (GDPR art. 30): per activity whom it is about,
/// which data, who receives it, how long it is kept and how many records it holds; the
/// recipients of its statistics and the security measures in force. Codes, settings and
/// counts; no one's data. The legal basis is the organisation's to state.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/record-of-processing", operation_id = "getRecordOfProcessing", tag = "privacy",
    params(OrgSlug),
    responses(
        (status = 200, description = "The record", body = RecordOfProcessing),
        OrganisationProblems,
    ))]
pub async fn get_record_of_processing(
    OrgCaller(state, actor, _): OrgCaller,
) -> Result<Json<RecordOfProcessing>, WebError> {
    Ok(Json(service::record(&state, &actor).await?))
}
