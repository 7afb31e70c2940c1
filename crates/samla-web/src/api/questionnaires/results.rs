//! Results over JSON: one round's results, a course's evaluation summary (every round),
//! the outcome change between identified rounds, and the same as CSV or XLSX downloads.
//! All need `ViewEvaluationResults` on the course. A round that is still open, or closed
//! below the threshold, answers with its count and `shown: false`, never with items.

use crate::api::conventions::{
    CourseNotFound, CoursePath, CourseWorkingGroupProblems, MalformedExportFormat, NoValidToken, RoundNotFound,
    RoundPath, RoundWorkingGroupProblems, WorkingGroupOnly,
};
use crate::api::extract::{ApiQuery, Id};
use crate::api::OrgCaller;
use crate::error::WebError;
use crate::export::Format;
use crate::services::questionnaires::results::{
    self as service, Comparison, CourseEvaluation, OutcomeChange, PendingRound, RoundInfo, RoundResults,
};
use crate::AppState;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ROUND: &str = "/organisations/{org}/questionnaire-rounds/{round_id}";
    const COURSE: &str = "/organisations/{org}/courses/{course_id}";
    Router::new()
        .route(&format!("{ROUND}/results"), get(get_round_results))
        .route(&format!("{ROUND}/results/export"), get(export_round_results))
        .route(&format!("{COURSE}/evaluation"), get(get_course_evaluation_summary))
        .route(&format!("{COURSE}/evaluation/export"), get(export_course_evaluation))
        .route(&format!("{COURSE}/outcome-change"), get(get_course_outcome_change))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        get_round_results,
        get_course_evaluation_summary,
        get_course_outcome_change,
        export_round_results,
        export_course_evaluation
    ),
    components(schemas(
        RoundResults,
        RoundInfo,
        CourseEvaluation,
        OutcomeChange,
        Comparison,
        PendingRound,
        ResultsLanguage,
        ExportFormat
    ))
)]
pub struct Doc;

/// The language of questionnaire and scale texts in results.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum ResultsLanguage {
    Nb,
    En,
}

impl ResultsLanguage {
    fn code(language: Option<ResultsLanguage>) -> &'static str {
        match language {
            Some(ResultsLanguage::En) => "en",
            _ => "nb",
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ResultsParams {
    /// Language of the texts (default nb).
    pub language: Option<ResultsLanguage>,
}

/// A download's file format.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    pub format: ExportFormat,
    /// Language of the texts (default nb).
    pub language: Option<ResultsLanguage>,
}

impl ExportParams {
    fn format(&self) -> Format {
        match self.format {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// One round's results: the number of responses always; once the round has closed and
/// from 5 responses on, per item the distribution, mean and share positive, the free text,
/// and the scales' scores described. Results are released when the round closes: its last
/// day (`closes_on`) has passed in the organisation's time zone, or staff closed it. Until
/// then only the count is given (`summary.released` false, `summary.withheld`
/// `not_released`), anonymous or identified, so comparing two reads cannot tell what one
/// person answered; released results never change, as a closed round takes no answers.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}/results", operation_id = "getRoundResults", tag = "questionnaires",
    params(RoundPath, ResultsParams),
    responses(
        (status = 200, description = "The round's results", body = RoundResults),
        RoundWorkingGroupProblems,
    ))]
pub async fn get_round_results(
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ResultsParams>,
) -> Result<Json<RoundResults>, WebError> {
    Ok(Json(service::round_results_in(&state, &actor, round_id, ResultsLanguage::code(params.language)).await?))
}

/// Every round of a course with its results (as getRoundResults, per round: rounds still
/// open give their count only).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/evaluation", operation_id = "getCourseEvaluationSummary", tag = "questionnaires",
    params(CoursePath, ResultsParams),
    responses(
        (status = 200, description = "The course's evaluation summary", body = CourseEvaluation),
        CourseWorkingGroupProblems,
    ))]
pub async fn get_course_evaluation_summary(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ResultsParams>,
) -> Result<Json<CourseEvaluation>, WebError> {
    Ok(Json(service::course_evaluation_in(&state, &actor, course_id, ResultsLanguage::code(params.language)).await?))
}

/// The change per scale from the identified rounds before the course to those at its end
/// and at the follow-up, paired by participant: n, mean change with 95 % confidence
/// interval, paired t-test, Wilcoxon signed-rank test and Cohen's d_z. A figure that cannot
/// be computed is null with the reason's code (`*_withheld`). Only rounds that have closed
/// take part; those still open are listed in `pending_rounds`.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/outcome-change", operation_id = "getCourseOutcomeChange", tag = "questionnaires",
    params(CoursePath, ResultsParams),
    responses(
        (status = 200, description = "The course's outcome change", body = OutcomeChange),
        CourseWorkingGroupProblems,
    ))]
pub async fn get_course_outcome_change(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ResultsParams>,
) -> Result<Json<OutcomeChange>, WebError> {
    Ok(Json(
        service::course_outcome_change_in(&state, &actor, course_id, ResultsLanguage::code(params.language)).await?,
    ))
}

/// One round's results as CSV or XLSX: per item a row (n, mean, sd, median, share
/// positive), a row per option and per free text, a row per scale. A round still open, or
/// closed with fewer than 5 responses, is one `withheld` row with the count and the reason
/// (`not_released` or `too_few_responses`) in the `answer` column. Text that would start a
/// formula is prefixed with an apostrophe.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}/results/export", operation_id = "exportRoundResults", tag = "questionnaires",
    params(RoundPath, ExportParams),
    responses(
        (status = 200, description = "The results file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ), headers(("Content-Disposition" = String, description = "attachment; filename=..."))),
        MalformedExportFormat,
        NoValidToken,
        WorkingGroupOnly,
        RoundNotFound,
    ))]
pub async fn export_round_results(
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, WebError> {
    let language = ResultsLanguage::code(params.language);
    Ok(service::export_round(&state, &actor, round_id, params.format(), language).await?.into_response())
}

/// A course's evaluation as CSV (every round in one table) or XLSX (that table, a sheet per
/// round and a sheet with the outcome change), by the same rules as exportRoundResults and
/// getCourseOutcomeChange: rounds still open give their count only.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/evaluation/export", operation_id = "exportCourseEvaluation", tag = "questionnaires",
    params(CoursePath, ExportParams),
    responses(
        (status = 200, description = "The evaluation file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ), headers(("Content-Disposition" = String, description = "attachment; filename=..."))),
        MalformedExportFormat,
        NoValidToken,
        WorkingGroupOnly,
        CourseNotFound,
    ))]
pub async fn export_course_evaluation(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, WebError> {
    let language = ResultsLanguage::code(params.language);
    Ok(service::export_course(&state, &actor, course_id, params.format(), language).await?.into_response())
}
