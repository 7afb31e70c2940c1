//! A programme's statistics as JSON: its courses, and those run with accepted deviations
//! from its rules, by kind.

use crate::api::conventions::{ProgrammePath, ProgrammeProblems};
use crate::api::OrgCaller;
use crate::error::WebError;
use crate::services::reports::programme_statistics as service;
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use samla_domain::planning::deviations::DeviationKind;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/programmes/{programme}/statistics", get(get_programme_statistics))
}

#[derive(OpenApi)]
#[openapi(paths(get_programme_statistics))]
pub struct Doc;

/// Courses with an accepted deviation of one kind.
#[derive(Serialize, ToSchema)]
pub struct DeviationKindCount {
    /// group_leaders, certified_group_leaders or user_representatives.
    pub kind: String,
    #[schema(minimum = 0)]
    pub courses: u32,
}

/// A programme's courses in the organisation, counted.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeStatistics {
    pub programme_id: i64,
    pub slug: String,
    /// Courses planned from any version of the programme that left draft and were not
    /// cancelled (ready, recruiting, running, completed, archived).
    #[schema(minimum = 0)]
    pub courses: u32,
    /// Of `courses`: those that went ahead with deviations from the programme's rules a
    /// coordinator accepted with a written reason.
    #[schema(minimum = 0)]
    pub courses_with_accepted_deviations: u32,
    /// Every kind of deviation, with the courses that had one accepted (a course may
    /// count under several kinds).
    pub by_kind: Vec<DeviationKindCount>,
}

/// A programme's statistics: its courses in the organisation and those run with
/// accepted deviations from its rules, by kind. Counts only; for those who read aggregate
/// statistics (coordinators, analysts).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics", operation_id = "getProgrammeStatistics", tag = "reports",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The programme's statistics", body = ProgrammeStatistics),
        ProgrammeProblems,
    ))]
pub async fn get_programme_statistics(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<ProgrammeStatistics>, WebError> {
    if programme.is_empty() || programme.len() > 60 || programme.chars().any(char::is_control) {
        return Err(WebError::NotFound);
    }
    let (programme, found) = service::programme_statistics(&state, &actor, &programme).await?;
    Ok(Json(ProgrammeStatistics {
        programme_id: programme.id,
        slug: programme.slug.clone(),
        courses: found.courses,
        courses_with_accepted_deviations: found.with_accepted_deviations,
        by_kind: found
            .by_kind
            .iter()
            .map(|(kind, courses): &(DeviationKind, u32)| DeviationKindCount {
                kind: kind.as_str().to_string(),
                courses: *courses,
            })
            .collect(),
    }))
}
