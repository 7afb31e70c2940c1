//! A course's report as JSON: the same figures as the printable page.

use crate::api::conventions::{CoursePath, CourseProblems};
use crate::api::extract::Id;
use crate::api::{ApiQuery, OrgCaller};
use crate::error::WebError;
use crate::services::reports::course_report::{self as service, CourseReport};
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/courses/{course_id}/report", get(get_course_report))
}

#[derive(OpenApi)]
#[openapi(paths(get_course_report), components(schemas(CourseReportLanguage)))]
pub struct Doc;

/// The language of questionnaire and scale texts in the report's evaluation parts.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum CourseReportLanguage {
    Nb,
    En,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CourseReportParams {
    /// Language of the questionnaires' texts (default nb).
    pub language: Option<CourseReportLanguage>,
}

/// A course's report: participants by age band, recruitment channels, attendance per
/// session (participants, parents, family members) and per participant as a
/// distribution, dropouts with their reasons, and the evaluation summary and outcome change
/// (getCourseEvaluationSummary and getCourseOutcomeChange). Counts only: it names no
/// participant, and reading it is not audited. For those who may read the course's evaluation results
/// (the coordinator, the course's group leaders and user representatives, analysts).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/report", operation_id = "getCourseReport", tag = "reports",
    params(CoursePath, CourseReportParams),
    responses(
        (status = 200, description = "The course's report", body = CourseReport),
        CourseProblems,
    ))]
pub async fn get_course_report(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<CourseReportParams>,
) -> Result<Json<CourseReport>, WebError> {
    let language = match params.language {
        Some(CourseReportLanguage::En) => "en",
        _ => "nb",
    };
    Ok(Json(service::course_report(&state, &actor, course_id, language).await?))
}
