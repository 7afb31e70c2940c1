//! The questionnaire library over JSON: list, read, import (FHIR R4 Questionnaire JSON in
//! one or more languages with optional scoring rules) and export. Reading needs
//! `ViewProgrammes`, importing `ManageQuestionnaires`. An import with any problem stores
//! nothing and answers 422 with every problem under `errors`, `field` being the JSON path
//! in the request body (`definitions[0].item[2].linkId`, `scoring.scales[0].items[1]`).

use crate::api::conventions::{
    NoValidToken, NotAllowed, OrgSlug, OrganisationNotFound, OrganisationProblems, QuestionnairePath,
    QuestionnaireProblems, StandardProblems,
};
use crate::api::extract::Id;
use crate::api::{ApiJson, ApiQuery, Items, OrgCaller, OrgPath, Problem};
use crate::auth::ApiCaller;
use crate::error::WebError;
use crate::services::questionnaires::library::{self as service, Detail, Summary};
use crate::AppState;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use samla_domain::{Action, FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ONE: &str = "/organisations/{org}/questionnaires/{questionnaire_id}";
    Router::new()
        .route("/organisations/{org}/questionnaires", get(list_questionnaires).post(import_questionnaire))
        .route(ONE, get(get_questionnaire))
        .route(&format!("{ONE}/export"), get(export_questionnaire))
        .route(&format!("{ONE}/scoring"), get(export_questionnaire_scoring))
        .route(&format!("{ONE}/archive"), post(archive_questionnaire))
        .route(&format!("{ONE}/unarchive"), post(unarchive_questionnaire))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_questionnaires,
        get_questionnaire,
        import_questionnaire,
        export_questionnaire,
        export_questionnaire_scoring,
        archive_questionnaire,
        unarchive_questionnaire
    ),
    components(schemas(
        QuestionnaireSummary,
        QuestionnaireDetail,
        QuestionnaireVersion,
        VersionRef,
        QuestionnaireImport,
        ImportResult
    ))
)]
pub struct Doc;

/// A version by id and number.
#[derive(Serialize, ToSchema)]
pub struct VersionRef {
    pub id: i64,
    /// 1, 2, 3 … within the questionnaire.
    pub number: i64,
    /// Unix seconds.
    pub created_at: i64,
}

/// A questionnaire of the organisation's library.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireSummary {
    pub id: i64,
    /// The FHIR `url` that identifies it.
    pub url: String,
    /// Set on the questionnaires samla ships.
    pub slug: Option<String>,
    /// The newest version's title in the caller's language (else Norwegian).
    pub title: String,
    /// Archived questionnaires keep their versions but are not offered for new rounds.
    pub archived: bool,
    /// The languages of the newest version.
    pub languages: Vec<String>,
    pub latest_version: VersionRef,
}

fn summary_json(s: &Summary) -> QuestionnaireSummary {
    QuestionnaireSummary {
        id: s.id,
        url: s.url.clone(),
        slug: s.slug.clone(),
        title: s.title.clone(),
        archived: s.archived,
        languages: s.languages.clone(),
        latest_version: VersionRef {
            id: s.latest_version_id,
            number: s.latest_number,
            created_at: s.latest_created_at,
        },
    }
}

/// One version of a questionnaire.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireVersion {
    pub id: i64,
    pub number: i64,
    /// The definitions' FHIR `version`, if they give one.
    pub fhir_version: Option<String>,
    /// Whether scoring rules come with this version.
    pub scored: bool,
    /// Unix seconds.
    pub created_at: i64,
    /// Who imported it; none for the shipped versions.
    pub created_by: Option<String>,
}

/// A questionnaire with every version, newest first.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireDetail {
    pub id: i64,
    pub url: String,
    pub slug: Option<String>,
    /// The newest version's title in the caller's language (else Norwegian).
    pub title: String,
    pub description: Option<String>,
    pub archived: bool,
    /// The languages of the newest version.
    pub languages: Vec<String>,
    pub latest_version: VersionRef,
    pub versions: Vec<QuestionnaireVersion>,
}

fn detail_json(detail: &Detail, language: &str) -> QuestionnaireDetail {
    let latest = &detail.versions[0];
    let definition = detail.shown.definition(language);
    QuestionnaireDetail {
        id: detail.questionnaire.id,
        url: detail.questionnaire.url.clone(),
        slug: detail.questionnaire.shipped_slug.clone(),
        title: definition.title.clone(),
        description: definition.description.clone(),
        archived: detail.questionnaire.is_archived(),
        languages: detail.shown.definitions.keys().cloned().collect(),
        latest_version: VersionRef { id: latest.id, number: latest.number, created_at: latest.created_at },
        versions: detail
            .versions
            .iter()
            .map(|v| QuestionnaireVersion {
                id: v.id,
                number: v.number,
                fhir_version: v.fhir_version.clone(),
                scored: v.scoring.is_some(),
                created_at: v.created_at,
                created_by: v.creator_name.clone(),
            })
            .collect(),
    }
}

/// The caller's chosen language, else Norwegian. Kept on the token owner's account, not
/// on the actor, so the handlers that answer in it take `ApiCaller` and `OrgPath` rather
/// than `OrgCaller`.
fn language_of(caller: &ApiCaller) -> String {
    caller.user.language.clone().unwrap_or_else(|| "nb".to_string())
}

/// The organisation's questionnaires with their newest version, shipped ones included.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaires", operation_id = "listQuestionnaires", tag = "questionnaires",
    params(OrgSlug),
    responses(
        (status = 200, description = "The library", body = Items<QuestionnaireSummary>),
        NoValidToken, NotAllowed,
        OrganisationNotFound,
    ))]
pub async fn list_questionnaires(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, _): OrgPath,
) -> Result<Json<Items<QuestionnaireSummary>>, WebError> {
    let actor = caller.in_organisation(&state, &org).await?;
    let found = service::list(&state, &actor, &language_of(&caller)).await?;
    Ok(Json(found.iter().map(summary_json).collect()))
}

/// One questionnaire with its versions.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaires/{questionnaire_id}", operation_id = "getQuestionnaire", tag = "questionnaires",
    params(QuestionnairePath),
    responses(
        (status = 200, description = "The questionnaire", body = QuestionnaireDetail),
        QuestionnaireProblems,
    ))]
pub async fn get_questionnaire(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, Id(questionnaire_id)): OrgPath<Id>,
) -> Result<Json<QuestionnaireDetail>, WebError> {
    let actor = caller.in_organisation(&state, &org).await?;
    let detail = service::detail(&state, &actor, questionnaire_id, None).await?;
    Ok(Json(detail_json(&detail, &language_of(&caller))))
}

/// One import: the questionnaire in one or more languages, and its scoring rules.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireImport {
    /// FHIR R4 Questionnaire resources, one per language (each with its `language`). They
    /// must share `url`, `version`, linkIds, types, options and codes.
    #[schema(value_type = Vec<Object>, min_items = 1, max_items = 10)]
    pub definitions: Vec<serde_json::Value>,
    /// samla's scoring rules for the questionnaire, or null.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub scoring: Option<serde_json::Value>,
}

/// What an import did.
#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    /// False when the content was the same as the newest version's: no version was added.
    pub created: bool,
    pub version: VersionRef,
    pub questionnaire: QuestionnaireDetail,
}

/// Imports a questionnaire: a new version of the organisation's questionnaire with the
/// definitions' `url` (a new questionnaire if there is none). The same content as the
/// newest version adds nothing (200, `created` false). Older versions stay, and rounds and
/// responses keep theirs. With any problem nothing is stored, and the answer lists every
/// problem with its JSON path under `errors`.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/questionnaires", operation_id = "importQuestionnaire", tag = "questionnaires",
    params(OrgSlug),
    request_body = QuestionnaireImport,
    responses(
        (status = 200, description = "The same content as the newest version: nothing added", body = ImportResult),
        (status = 201, description = "A new version", body = ImportResult,
            headers(("Location" = String, description = "The questionnaire"))),
        OrganisationProblems,
        (status = 422, description = "The definitions or rules have problems; each is listed with its path", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_questionnaire(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, _): OrgPath,
    ApiJson(body): ApiJson<QuestionnaireImport>,
) -> Result<Response, WebError> {
    let actor = caller.in_organisation(&state, &org).await?;
    actor.authorize(&state, Action::ManageQuestionnaires).await?;
    if body.definitions.len() > service::MAX_DEFINITIONS {
        return Err(FieldErrors::single(
            FieldError::new("definitions", "qlib-error-too-many-definitions").with_arg("max", service::MAX_DEFINITIONS),
        )
        .into());
    }
    let definitions: Vec<String> = body.definitions.iter().map(|d| d.to_string()).collect();
    let scoring = body.scoring.filter(|s| !s.is_null()).map(|s| s.to_string());
    let imported = service::import(&state, &actor, &definitions, scoring.as_deref()).await?;
    let detail = service::detail(&state, &actor, imported.questionnaire_id, None).await?;
    let version = detail
        .versions
        .iter()
        .find(|v| v.id == imported.version_id)
        .map(|v| VersionRef { id: v.id, number: v.number, created_at: v.created_at })
        .ok_or(WebError::NotFound)?;
    let body = Json(ImportResult {
        created: imported.created,
        version,
        questionnaire: detail_json(&detail, &language_of(&caller)),
    });
    Ok(if imported.created {
        let location = format!("/api/v1/organisations/{org}/questionnaires/{}", imported.questionnaire_id);
        (StatusCode::CREATED, [(LOCATION, location)], body).into_response()
    } else {
        body.into_response()
    })
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// A language of the version, such as `nb` or `en`; Norwegian (else the first) when left out.
    #[param(max_length = 35)]
    pub language: Option<String>,
    /// A version number; the newest when left out.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

/// One version of a questionnaire in one language as a FHIR R4 Questionnaire.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaires/{questionnaire_id}/export", operation_id = "exportQuestionnaire", tag = "questionnaires",
    params(QuestionnairePath, ExportParams),
    responses(
        (status = 200, description = "The FHIR R4 Questionnaire", content((Object = "application/fhir+json"))),
        StandardProblems,
        (status = 404, description = "No such questionnaire, version or language here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_questionnaire(
    OrgCaller(state, actor, Id(questionnaire_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, WebError> {
    let detail = service::detail(&state, &actor, questionnaire_id, params.version).await?;
    let definition = match &params.language {
        Some(language) => detail.shown.definitions.get(language).ok_or(WebError::NotFound)?,
        None => detail.shown.definition("nb"),
    };
    let body = serde_json::to_string_pretty(&samla_domain::questionnaires::export(definition))
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(([(CONTENT_TYPE, "application/fhir+json")], body).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScoringParams {
    /// A version number; the newest when left out.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

/// The scoring rules of one version, in the format importQuestionnaire takes.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaires/{questionnaire_id}/scoring", operation_id = "exportQuestionnaireScoring", tag = "questionnaires",
    params(QuestionnairePath, ScoringParams),
    responses(
        (status = 200, description = "The scoring rules", body = Object),
        StandardProblems,
        (status = 404, description = "No such questionnaire or version here, or the version has no scoring rules", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_questionnaire_scoring(
    OrgCaller(state, actor, Id(questionnaire_id)): OrgCaller<Id>,
    ApiQuery(params): ApiQuery<ScoringParams>,
) -> Result<Response, WebError> {
    let detail = service::detail(&state, &actor, questionnaire_id, params.version).await?;
    let rules = detail.shown.scoring.as_ref().ok_or(WebError::NotFound)?;
    Ok(Json(rules).into_response())
}

/// Archives a questionnaire: its versions stay (rounds use them), but it is not offered
/// for new rounds.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/questionnaires/{questionnaire_id}/archive", operation_id = "archiveQuestionnaire", tag = "questionnaires",
    params(QuestionnairePath),
    responses(
        (status = 200, description = "Archived", body = QuestionnaireDetail),
        QuestionnaireProblems,
    ))]
pub async fn archive_questionnaire(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, Id(questionnaire_id)): OrgPath<Id>,
) -> Result<Json<QuestionnaireDetail>, WebError> {
    set_archived(state, caller, org, questionnaire_id, true).await
}

/// Brings an archived questionnaire back.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/questionnaires/{questionnaire_id}/unarchive", operation_id = "unarchiveQuestionnaire", tag = "questionnaires",
    params(QuestionnairePath),
    responses(
        (status = 200, description = "Back in use", body = QuestionnaireDetail),
        QuestionnaireProblems,
    ))]
pub async fn unarchive_questionnaire(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, Id(questionnaire_id)): OrgPath<Id>,
) -> Result<Json<QuestionnaireDetail>, WebError> {
    set_archived(state, caller, org, questionnaire_id, false).await
}

async fn set_archived(
    state: AppState,
    caller: ApiCaller,
    org: String,
    questionnaire_id: i64,
    archived: bool,
) -> Result<Json<QuestionnaireDetail>, WebError> {
    let actor = caller.in_organisation(&state, &org).await?;
    service::set_archived(&state, &actor, questionnaire_id, archived).await?;
    let detail = service::detail(&state, &actor, questionnaire_id, None).await?;
    Ok(Json(detail_json(&detail, &language_of(&caller))))
}
