//! What a release pools across the network's courses, as JSON: the outcome change, the
//! evaluation answers and the attendance per session.

use super::national::checked;
use crate::api::conventions::{ProgrammePath, ProgrammeProblems};
use crate::api::{ApiQuery, OrgCaller};
use crate::error::WebError;
use crate::services::statistics as service;
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use samla_domain::questionnaires::scoring::Labels;
use samla_domain::reports::pooled::{PooledChange, PooledScale};
use samla_domain::reports::pooled_evaluation::PooledEvaluation;
use samla_domain::reports::session_attendance::SessionAttendance;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/releases/{year}/outcome-change",
            get(get_statistics_outcome_change),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/releases/{year}/evaluation",
            get(get_statistics_evaluation),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/releases/{year}/attendance-per-session",
            get(get_statistics_session_attendance),
        )
}

#[derive(OpenApi)]
#[openapi(paths(get_statistics_outcome_change, get_statistics_evaluation, get_statistics_session_attendance))]
pub struct Doc;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReleaseQuery {
    /// A release of the year by number; the latest by default.
    #[param(minimum = 1, maximum = 1000000)]
    pub release: Option<i64>,
}

/// One scale's pooled change; the figures are `null` under five pairs.
#[derive(Serialize, ToSchema)]
pub struct PooledScaleChange {
    pub scale: String,
    /// The scale a subscale belongs to.
    pub parent: Option<String>,
    /// The scale's name by language code.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub label: Labels,
    /// Pairs with a score before and after; `null` under five.
    pub pairs: Option<u64>,
    /// After − before.
    pub mean_change: Option<f64>,
    /// The 95 % confidence interval of the mean change.
    pub ci_lower: Option<f64>,
    pub ci_upper: Option<f64>,
    /// Cohen's d_z: the mean change over the standard deviation of the changes.
    pub cohens_dz: Option<f64>,
    /// The figures stand as the year's earlier release published them (the correction
    /// changed fewer than five pairs).
    pub as_first_published: bool,
}

/// One measure: a questionnaire answered by one audience, before the course and at its
/// end or follow-up.
#[derive(Serialize, ToSchema)]
pub struct PooledMeasure {
    /// The questionnaire's canonical URL.
    pub questionnaire: String,
    /// Its title by language code.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub title: Labels,
    /// participants, guardians or staff.
    pub audience: String,
    /// end or follow_up.
    pub to: String,
    pub scales: Vec<PooledScaleChange>,
}

/// A release's outcome change across the network's courses of the year.
#[derive(Serialize, ToSchema)]
pub struct StatisticsOutcomeChange {
    pub year: i64,
    pub release: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub measures: Vec<PooledMeasure>,
}

fn scale(scale: &PooledScale) -> PooledScaleChange {
    let f = scale.figures.as_ref();
    PooledScaleChange {
        scale: scale.scale_id.clone(),
        parent: scale.parent.clone(),
        label: scale.label.clone(),
        pairs: f.map(|f| f.n),
        mean_change: f.and_then(|f| f.mean_change),
        ci_lower: f.and_then(|f| f.ci_lower),
        ci_upper: f.and_then(|f| f.ci_upper),
        cohens_dz: f.and_then(|f| f.cohens_dz),
        as_first_published: scale.kept,
    }
}

fn measure(change: &PooledChange) -> PooledMeasure {
    PooledMeasure {
        questionnaire: change.questionnaire.clone(),
        title: change.title.clone(),
        audience: change.audience.as_str().to_string(),
        to: change.to.as_str().to_string(),
        scales: change.scales.iter().map(scale).collect(),
    }
}

/// The change in each outcome measure from before the course to its end or follow-up,
/// each participant paired with themselves and the pairs of every course in the network
/// pooled; only the network's own figures, per year, and only from five pairs.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases/{year}/outcome-change", operation_id = "getStatisticsOutcomeChange", tag = "statistics",
    params(
        ProgrammePath,
        ("year" = i32, Path, description = "The release's year", minimum = 2000, maximum = 9999),
        ReleaseQuery,
    ),
    responses(
        (status = 200, description = "The pooled change", body = StatisticsOutcomeChange),
        ProgrammeProblems,
    ))]
pub async fn get_statistics_outcome_change(
    OrgCaller(state, actor, (programme, year)): OrgCaller<(String, String)>,
    ApiQuery(query): ApiQuery<ReleaseQuery>,
) -> Result<Json<StatisticsOutcomeChange>, WebError> {
    let found = release(&state, &actor, (&programme, &year), &query).await?;
    Ok(Json(StatisticsOutcomeChange {
        year: found.release.year,
        release: found.release.number,
        published_at: found.release.published_at,
        measures: found.contents.outcomes.iter().map(measure).collect(),
    }))
}

/// The release asked for, or 404.
async fn release(
    state: &AppState,
    actor: &crate::auth::Actor,
    (programme, year): (&str, &str),
    query: &ReleaseQuery,
) -> Result<service::PublishedRelease, WebError> {
    let year: i32 = year.parse().ok().filter(|y| (2000..=9999).contains(y)).ok_or(WebError::NotFound)?;
    service::release(state, actor, checked(programme)?, year, query.release).await
}

/// One answer option of a question, with how many chose it; `null` where hidden.
#[derive(Serialize, ToSchema)]
pub struct PooledAnswer {
    pub code: String,
    /// Its text by language code.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub display: Labels,
    pub count: Option<u64>,
}

/// One question's answers across the courses.
#[derive(Serialize, ToSchema)]
pub struct PooledQuestion {
    pub link_id: String,
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub text: Labels,
    /// How many answered it; `null` where hidden.
    pub answered: Option<u64>,
    pub options: Vec<PooledAnswer>,
    /// The share answering positively (0–1), where no count is hidden.
    pub share_positive: Option<f64>,
    /// The mean of an ordinal or numeric answer, where no count is hidden.
    pub mean: Option<f64>,
}

/// The answers to one questionnaire version, audience and time in the course.
#[derive(Serialize, ToSchema)]
pub struct PooledQuestionnaire {
    /// The version's content hash: the same version in every organisation.
    pub version: String,
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub title: Labels,
    /// participants, guardians or staff.
    pub audience: String,
    /// session, before, end, follow_up or other.
    pub timing: String,
    pub courses: u64,
    /// `null` under five; then no question is shown.
    pub responses: Option<u64>,
    pub questions: Vec<PooledQuestion>,
    /// Stands as the year's earlier release published it.
    pub as_first_published: bool,
}

/// A release's evaluation answers across the network's courses.
#[derive(Serialize, ToSchema)]
pub struct StatisticsEvaluation {
    pub year: i64,
    pub release: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub questionnaires: Vec<PooledQuestionnaire>,
}

fn questionnaire(pooled: &PooledEvaluation) -> PooledQuestionnaire {
    PooledQuestionnaire {
        version: pooled.version.clone(),
        title: pooled.title.clone(),
        audience: pooled.audience.as_str().to_string(),
        timing: pooled.timing.as_str().to_string(),
        courses: pooled.courses,
        responses: pooled.responses,
        questions: pooled
            .items
            .iter()
            .map(|item| PooledQuestion {
                link_id: item.link_id.clone(),
                text: item.text.clone(),
                answered: item.answered,
                options: item
                    .options
                    .iter()
                    .map(|o| PooledAnswer { code: o.code.clone(), display: o.display.clone(), count: o.count })
                    .collect(),
                share_positive: item.share_positive,
                mean: item.mean,
            })
            .collect(),
        as_first_published: pooled.kept,
    }
}

/// The answers to each questionnaire version the network's courses of the year used,
/// counted together per audience and time in the course; counts of 1–4 persons, and what
/// would tell them, are `null`; written answers are never included.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases/{year}/evaluation", operation_id = "getStatisticsEvaluation", tag = "statistics",
    params(
        ProgrammePath,
        ("year" = i32, Path, description = "The release's year", minimum = 2000, maximum = 9999),
        ReleaseQuery,
    ),
    responses(
        (status = 200, description = "The pooled answers", body = StatisticsEvaluation),
        ProgrammeProblems,
    ))]
pub async fn get_statistics_evaluation(
    OrgCaller(state, actor, (programme, year)): OrgCaller<(String, String)>,
    ApiQuery(query): ApiQuery<ReleaseQuery>,
) -> Result<Json<StatisticsEvaluation>, WebError> {
    let found = release(&state, &actor, (&programme, &year), &query).await?;
    Ok(Json(StatisticsEvaluation {
        year: found.release.year,
        release: found.release.number,
        published_at: found.release.published_at,
        questionnaires: found.contents.evaluations.iter().map(questionnaire).collect(),
    }))
}

/// One session of the manual across the network's courses.
#[derive(Serialize, ToSchema)]
pub struct PooledSessionAttendance {
    /// The session's number in the programme's manual.
    pub session: u32,
    /// The courses that recorded attendance at it.
    pub courses: u64,
    /// Participants on the list when attendance was taken; `null` under five.
    pub recorded: Option<u64>,
    /// Of those, how many came (late and leaving early count); `null` where it, or those
    /// who did not come, are one to four.
    pub attended: Option<u64>,
    /// attended / recorded, 0–1; `null` with `attended`.
    pub rate: Option<f64>,
    /// Stands as the year's earlier release published it.
    pub as_first_published: bool,
}

/// A release's attendance per session across the network's courses.
#[derive(Serialize, ToSchema)]
pub struct StatisticsSessionAttendance {
    pub year: i64,
    pub release: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub sessions: Vec<PooledSessionAttendance>,
}

fn session(s: &SessionAttendance) -> PooledSessionAttendance {
    PooledSessionAttendance {
        session: s.number,
        courses: s.courses,
        recorded: s.recorded,
        attended: s.attended,
        rate: s.rate,
        as_first_published: s.kept,
    }
}

/// For each session of the manual, how many participants the network's courses of the
/// year recorded and how many of them came; only the network's own figures, per year.
/// Imported courses and other installations' counts have no attendance per session.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases/{year}/attendance-per-session", operation_id = "getStatisticsSessionAttendance", tag = "statistics",
    params(
        ProgrammePath,
        ("year" = i32, Path, description = "The release's year", minimum = 2000, maximum = 9999),
        ReleaseQuery,
    ),
    responses(
        (status = 200, description = "The attendance per session", body = StatisticsSessionAttendance),
        ProgrammeProblems,
    ))]
pub async fn get_statistics_session_attendance(
    OrgCaller(state, actor, (programme, year)): OrgCaller<(String, String)>,
    ApiQuery(query): ApiQuery<ReleaseQuery>,
) -> Result<Json<StatisticsSessionAttendance>, WebError> {
    let found = release(&state, &actor, (&programme, &year), &query).await?;
    Ok(Json(StatisticsSessionAttendance {
        year: found.release.year,
        release: found.release.number,
        published_at: found.release.published_at,
        sessions: found.contents.sessions.iter().map(session).collect(),
    }))
}
