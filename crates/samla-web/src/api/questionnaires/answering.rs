//! Answering over JSON: the public link's form and its submission (no login; the link's
//! token is the only key), a walk-in link from a round's QR code, and staff's paper entry.
//!
//! Refusals to schema-valid input: 404 unknown link, 409 a used link (or a round not open
//! yet), 410 an expired link or closed round, 422 answers that do not fit the form (every
//! problem listed, `path` = the question's linkId).

use crate::api::conventions::{LinkNotFound, MalformedRequest, RoundNotFound, RoundPath, StandardProblems};
use crate::api::extract::Id;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::http::{Lang, RequestId};
use crate::services::questionnaires::answering::{self as service, Opened};
use crate::AppState;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use chrono::NaiveDate;
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use samla_domain::questionnaires::export;
use samla_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/answers/{token}", get(get_answer_form).post(submit_answers))
        .route("/open-links/{open_token}", post(open_anonymous_form))
        .route("/organisations/{org}/questionnaire-rounds/{round_id}/paper-responses", post(enter_paper_response))
}

#[derive(OpenApi)]
#[openapi(
    paths(get_answer_form, submit_answers, open_anonymous_form, enter_paper_response),
    components(schemas(
        AnswerForm,
        AnswerSubmission,
        AnswerEntry,
        AnswerType,
        Submitted,
        OpenedLink,
        PaperResponse,
        PaperEntered,
        AnswerProblem
    ))
)]
pub struct Doc;

/// What a link's form is: `open` with the questionnaire, else why it takes no answers.
#[derive(Serialize, ToSchema)]
pub struct AnswerForm {
    /// `open`, `answered`, `expired`, `closed` or `not-yet-open`.
    pub state: String,
    /// The language the questionnaire is given in (open links only).
    pub language: Option<String>,
    /// Every language the questionnaire has (open links only).
    pub languages: Vec<String>,
    /// The FHIR R4 Questionnaire (open links only).
    #[schema(value_type = Option<Object>)]
    pub questionnaire: Option<serde_json::Value>,
    /// The answers saved so far with "save and continue" (open links only).
    #[schema(value_type = Object)]
    pub draft: BTreeMap<String, Vec<serde_json::Value>>,
}

#[derive(Deserialize)]
pub struct LanguageQuery {
    pub language: Option<String>,
}

/// The form behind a personal or walk-in link, in the asked language (`?language=en`, else
/// the request's) when the questionnaire has it.
#[utoipa::path(get, path = "/api/v1/answers/{token}", operation_id = "getAnswerForm", tag = "questionnaires",
    params(("token" = String, Path, description = "The link's token"),
        ("language" = Option<String>, Query, description = "nb or en")),
    responses(
        (status = 200, description = "The form, or the state of a link that takes no answers", body = AnswerForm),
        MalformedRequest,
        LinkNotFound,
    ))]
pub async fn get_answer_form(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Path(token): Path<String>,
    Query(query): Query<LanguageQuery>,
) -> Result<Json<AnswerForm>, WebError> {
    let asked = query.language.unwrap_or_else(|| lang.0.code().to_string());
    match service::open(&state, &token).await? {
        Opened::Unknown => Err(WebError::NotFound),
        Opened::Closed { state: link_state, .. } => Ok(Json(AnswerForm {
            state: link_state.as_str().to_string(),
            language: None,
            languages: Vec::new(),
            questionnaire: None,
            draft: BTreeMap::new(),
        })),
        Opened::Open(form) => {
            let language = form.version.language_for(&asked);
            let draft = form
                .draft
                .iter()
                .map(|(k, v)| (k.clone(), v.iter().filter_map(|a| serde_json::to_value(a).ok()).collect()))
                .collect();
            Ok(Json(AnswerForm {
                state: "open".into(),
                questionnaire: Some(export(form.version.definition(&language))),
                languages: form.version.definitions.keys().cloned().collect(),
                language: Some(language),
                draft,
            }))
        }
    }
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AnswerType {
    Choice,
    Boolean,
    Integer,
    Decimal,
    String,
    Date,
}

/// One value: a choice's option code, a boolean, a whole number, a number, a text
/// (`string` and `text` questions) or a date `YYYY-MM-DD`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerEntry {
    pub r#type: AnswerType,
    pub value: serde_json::Value,
}

/// A whole response: linkId → values (several only for questions that repeat).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerSubmission {
    /// The language the form was answered in (nb or en); the questionnaire's first
    /// language when it lacks this one.
    #[serde(default)]
    #[schema(max_length = 10)]
    pub language: Option<String>,
    pub answers: BTreeMap<String, Vec<AnswerEntry>>,
}

/// The answers as the domain reads them; a value of the wrong JSON type is named by its
/// question.
fn to_answers(raw: BTreeMap<String, Vec<AnswerEntry>>) -> Result<Answers, WebError> {
    let mut answers = Answers::new();
    let mut errors = FieldErrors::new();
    for (link_id, entries) in raw {
        let mut values = Vec::new();
        for entry in entries {
            let value = match (entry.r#type, &entry.value) {
                (AnswerType::Choice, serde_json::Value::String(code)) => Some(AnswerValue::Choice(code.clone())),
                (AnswerType::String, serde_json::Value::String(text)) => Some(AnswerValue::String(text.clone())),
                (AnswerType::Boolean, serde_json::Value::Bool(b)) => Some(AnswerValue::Boolean(*b)),
                (AnswerType::Integer, serde_json::Value::Number(n)) => n
                    .as_i64()
                    .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15).map(|f| f as i64))
                    .map(AnswerValue::Integer),
                (AnswerType::Decimal, serde_json::Value::Number(n)) => n.as_f64().map(AnswerValue::Decimal),
                (AnswerType::Date, serde_json::Value::String(text)) => {
                    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().map(AnswerValue::Date)
                }
                _ => None,
            };
            match value {
                Some(value) => values.push(value),
                None => {
                    errors.push(FieldError::new(link_id.clone(), "qans-error-value-type"));
                    break;
                }
            }
        }
        answers.insert(link_id, values);
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(WebError::Invalid(errors))
    }
}

/// One problem with the answers.
#[derive(Serialize, ToSchema)]
pub struct AnswerProblem {
    /// The question's linkId (`answers` for the response as a whole).
    pub path: String,
    pub code: String,
    pub detail: String,
}

/// A 422 that lists the answers' problems both as every other problem document does
/// (`errors`) and with their codes (`problems`).
fn problems_response(
    state: &AppState,
    lang: &Lang,
    request_id: Option<&RequestId>,
    instance: &str,
    errors: &FieldErrors,
) -> Response {
    let text = |e: &FieldError| {
        let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        state.i18n.text(lang.0, e.code, &args)
    };
    let body = serde_json::json!({
        "type": "about:blank",
        "title": state.i18n.text(lang.0, "problem-invalid", &[]),
        "status": 422,
        "detail": state.i18n.text(lang.0, "problem-invalid-detail", &[]),
        "instance": instance,
        "request_id": request_id.map(|r| r.0.clone()).unwrap_or_default(),
        "errors": errors.0.iter().map(|e| serde_json::json!({"field": e.field, "message": text(e)})).collect::<Vec<_>>(),
        "problems": errors.0.iter().map(|e| serde_json::json!({"path": e.field, "code": e.code, "detail": text(e)})).collect::<Vec<_>>(),
    });
    let mut response = (StatusCode::UNPROCESSABLE_ENTITY, body.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}

fn with_problems(
    result: Result<Response, WebError>,
    state: &AppState,
    lang: &Lang,
    request_id: Option<&RequestId>,
    instance: &str,
) -> Response {
    match result {
        Ok(response) => response,
        Err(WebError::Invalid(errors)) => problems_response(state, lang, request_id, instance, &errors),
        Err(other) => other.into_response(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct Submitted {
    /// Always `answered`.
    pub state: String,
    /// The day the answers were stored.
    pub submitted_on: String,
}

/// Sends the answers of a personal or walk-in link. The link is used up; nothing is stored
/// when anything is refused.
#[utoipa::path(post, path = "/api/v1/answers/{token}", operation_id = "submitAnswers", tag = "questionnaires",
    params(("token" = String, Path, description = "The link's token")),
    request_body = AnswerSubmission,
    responses(
        (status = 201, description = "Stored", body = Submitted),
        MalformedRequest,
        LinkNotFound,
        (status = 409, description = "The link was already used, or the round is not open yet", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The link has expired or the round is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that do not fit the form: every problem under `problems` with the question's linkId as `path`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn submit_answers(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    request_id: Option<Extension<RequestId>>,
    OriginalUri(uri): OriginalUri,
    Path(token): Path<String>,
    ApiJson(body): ApiJson<AnswerSubmission>,
) -> Response {
    let instance = uri.path().to_string();
    let result = async {
        let answers = to_answers(body.answers)?;
        let language = body.language.unwrap_or_else(|| lang.0.code().to_string());
        let (_, day) = service::submit(&state, &token, &language, &answers).await?;
        Ok((StatusCode::CREATED, Json(Submitted { state: "answered".into(), submitted_on: day })).into_response())
    }
    .await;
    with_problems(result, &state, &lang, request_id.as_ref().map(|e| &e.0), &instance)
}

#[derive(Serialize, ToSchema)]
pub struct OpenedLink {
    /// A new one-time token for one respondent.
    pub token: String,
    /// The form's address, `{base}/a/{token}`.
    pub link: String,
}

/// Opens a new empty form of an anonymous round from its QR code's token: a one-time link
/// for one respondent.
#[utoipa::path(post, path = "/api/v1/open-links/{open_token}", operation_id = "openAnonymousForm", tag = "questionnaires",
    params(("open_token" = String, Path, description = "The token in the round's QR code")),
    responses(
        (status = 201, description = "A new link", body = OpenedLink),
        (status = 404, description = "No such open round", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The round is not open yet", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The round is closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn open_anonymous_form(
    State(state): State<AppState>,
    Path(open_token): Path<String>,
) -> Result<(StatusCode, Json<OpenedLink>), WebError> {
    let token = service::open_walk_in(&state, &open_token).await?;
    let link = format!("{}/a/{token}", state.config.public_url.trim_end_matches('/'));
    Ok((StatusCode::CREATED, Json(OpenedLink { token, link })))
}

/// One paper form typed in: the answers as in submitAnswers, and in identified rounds the
/// participant the form is about.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperResponse {
    #[serde(default)]
    #[schema(max_length = 10)]
    pub language: Option<String>,
    pub answers: BTreeMap<String, Vec<AnswerEntry>>,
    /// Identified rounds only: the course participant the form is about.
    #[serde(default, deserialize_with = "crate::api::courses::whole::optional")]
    pub subject_participant_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct PaperEntered {
    pub id: i64,
}

/// Stores one paper form of a round (RunEvaluations on its course). In anonymous rounds
/// nothing about who typed it is kept with the response.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}/paper-responses",
    operation_id = "enterPaperResponse", tag = "questionnaires",
    params(RoundPath),
    request_body = PaperResponse,
    responses(
        (status = 201, description = "Stored", body = PaperEntered),
        StandardProblems,
        RoundNotFound,
        (status = 409, description = "The round is closed, or the participant's answers are already stored", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that do not fit the form, or a participant missing (identified) or given (anonymous)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn enter_paper_response(
    Extension(lang): Extension<Lang>,
    request_id: Option<Extension<RequestId>>,
    OriginalUri(uri): OriginalUri,
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<PaperResponse>,
) -> Response {
    let instance = uri.path().to_string();
    let result = async {
        let answers = to_answers(body.answers)?;
        let language = body.language.unwrap_or_else(|| lang.0.code().to_string());
        let id =
            service::enter_paper(&state, &actor, round_id, &language, &answers, body.subject_participant_id).await?;
        Ok((StatusCode::CREATED, Json(PaperEntered { id })).into_response())
    }
    .await;
    with_problems(result, &state, &lang, request_id.as_ref().map(|e| &e.0), &instance)
}
