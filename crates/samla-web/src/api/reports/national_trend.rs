//! A programme network's figures year by year, as JSON.

use super::national::checked;
use crate::api::conventions::{ProgrammePath, ProgrammeProblems};
use crate::api::OrgCaller;
use crate::error::WebError;
use crate::services::statistics as service;
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/programmes/{programme}/statistics/trend", get(get_statistics_trend))
}

#[derive(OpenApi)]
#[openapi(paths(get_statistics_trend))]
pub struct Doc;

/// One year at the network's own line, as the year's latest release published it;
/// `null` where the release hid the figure.
#[derive(Serialize, ToSchema)]
pub struct YearFigures {
    pub year: i32,
    /// Courses counted: planned, running, completed or cancelled.
    pub courses: Option<u64>,
    pub participants: Option<u64>,
    pub completed: Option<u64>,
    pub dropped_out: Option<u64>,
}

/// The network's courses and participants per year, oldest first, from each year's
/// latest release.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/trend", operation_id = "getStatisticsTrend", tag = "statistics",
    params(ProgrammePath),
    responses(
        (status = 200, description = "One entry per year with a release", body = Vec<YearFigures>),
        ProgrammeProblems,
    ))]
pub async fn get_statistics_trend(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<Vec<YearFigures>>, WebError> {
    let trend = service::trend(&state, &actor, checked(&programme)?).await?;
    Ok(Json(
        trend
            .into_iter()
            .map(|h| YearFigures {
                year: h.year,
                courses: h.courses,
                participants: h.participants,
                completed: h.completed,
                dropped_out: h.dropped_out,
            })
            .collect(),
    ))
}
