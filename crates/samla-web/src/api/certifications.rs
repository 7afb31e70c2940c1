//! Who holds a programme's certification in the organisation (planners).

use super::extract::Id;
use super::{ApiJson, OrgCaller, Problem};
use crate::api::conventions::{CertificationPath, CertificationProblems, OrgSlug, ProgrammeProblems};
use crate::error::WebError;
use crate::services::programmes;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Certification {
    pub user_id: i64,
    pub name: String,
    /// YYYY-MM-DD.
    pub certified_on: String,
}

/// The people certified to lead a programme; when the programme requires it, only they
/// count as group leaders in the staffing check.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/certifications", operation_id = "listCertifications", tag = "programmes",
    params(OrgSlug, ("programme" = i64, Path, description = "The programme's id")),
    responses(
        (status = 200, description = "Certified people", body = Vec<Certification>),
        ProgrammeProblems,
    ))]
pub async fn list_certifications(
    OrgCaller(state, actor, Id(programme)): OrgCaller<Id>,
) -> Result<Json<Vec<Certification>>, WebError> {
    let list = programmes::certifications(&state, &actor, programme).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| Certification { user_id: c.user_id, name: c.name, certified_on: c.certified_on })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationChange {
    /// YYYY-MM-DD.
    #[schema(format = Date)]
    pub certified_on: String,
}

/// Records that a person holds the programme's certification.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/programmes/{programme}/certifications/{user_id}", operation_id = "certifyLeader", tag = "programmes",
    params(CertificationPath),
    request_body = CertificationChange,
    responses(
        (status = 204, description = "Recorded"),
        CertificationProblems,
        (status = 422, description = "Invalid date", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn certify_leader(
    OrgCaller(state, actor, (Id(programme), Id(user_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<CertificationChange>,
) -> Result<StatusCode, WebError> {
    programmes::set_certification(&state, &actor, programme, user_id, Some(&body.certified_on)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a person's certification for the programme.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/programmes/{programme}/certifications/{user_id}", operation_id = "removeCertification", tag = "programmes",
    params(CertificationPath),
    responses(
        (status = 204, description = "Removed (or was not recorded)"),
        CertificationProblems,
    ))]
pub async fn remove_certification(
    OrgCaller(state, actor, (Id(programme), Id(user_id))): OrgCaller<(Id, Id)>,
) -> Result<StatusCode, WebError> {
    programmes::set_certification(&state, &actor, programme, user_id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}
