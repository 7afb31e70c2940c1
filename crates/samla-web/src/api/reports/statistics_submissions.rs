//! Statistics between installations as JSON: on the sending side the organisation's
//! public key and a signed submission of its counts; on the owner's side registering an
//! installation, receiving its submissions (uploaded by staff, or pushed by the
//! installation with its own token) and listing them.

use super::national::checked;
use crate::api::conventions::{MalformedRequest, OrgSlug, OrganisationProblems, ProgrammePath, ProgrammeProblems};
use crate::api::extract::Id;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::submissions::{self as service, HandedIn, NewInstallation};
use crate::AppState;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::reports::submission::Envelope;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisations/{org}/statistics/signing-key", get(get_signing_key))
        .route("/organisations/{org}/programmes/{programme}/statistics/outgoing-submissions", post(make_submission))
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/installations",
            get(list_installations).post(register_installation),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/submissions",
            get(list_submissions).post(receive_submission),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/installations/{organisation_id}/token",
            post(replace_installation_token),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/installations/{organisation_id}",
            delete(remove_installation),
        )
        .route("/statistics/submissions", post(push_submission))
}

#[derive(OpenApi)]
#[openapi(paths(
    get_signing_key,
    make_submission,
    list_installations,
    register_installation,
    replace_installation_token,
    remove_installation,
    list_submissions,
    receive_submission,
    push_submission
))]
pub struct Doc;

/// The organisation's public key, which a programme's owner registers to receive its
/// submissions.
#[derive(Serialize, ToSchema)]
pub struct SigningKey {
    /// Ed25519, base64.
    pub public_key: String,
}

/// The organisation's public key for statistics submissions (made on first use).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/statistics/signing-key", operation_id = "getStatisticsSigningKey", tag = "statistics",
    params(OrgSlug),
    responses((status = 200, description = "The public key", body = SigningKey), OrganisationProblems))]
pub async fn get_signing_key(OrgCaller(state, actor, ()): OrgCaller) -> Result<Json<SigningKey>, WebError> {
    Ok(Json(SigningKey { public_key: service::public_key(&state, &actor).await? }))
}

/// A signed submission as it travels: the submission's JSON (base64) exactly as signed,
/// the sender's public key and the signature.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionEnvelope {
    /// samla-statistics-submission/1
    #[schema(max_length = 60, format = "required_line")]
    pub format: String,
    /// Base64 of the submission's JSON: format, programme (slug), year, sender, made_at
    /// (Unix seconds) and tables of cells (term, category, count). No person.
    #[schema(max_length = 1000000, format = "required_line")]
    pub payload: String,
    /// Ed25519 public key, base64.
    #[schema(max_length = 100, format = "required_line")]
    pub key: String,
    /// Ed25519 signature of the payload's bytes, base64.
    #[schema(max_length = 200, format = "required_line")]
    pub signature: String,
}

impl From<Envelope> for SubmissionEnvelope {
    fn from(e: Envelope) -> Self {
        SubmissionEnvelope { format: e.format, payload: e.payload, key: e.key, signature: e.signature }
    }
}

/// A year to submit.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionYear {
    /// A year that is over.
    #[serde(deserialize_with = "crate::api::courses::whole::required")]
    #[schema(minimum = 2000, maximum = 9999)]
    pub year: i32,
}

/// The organisation's own exact counts of the programme in a year that is over, signed
/// with its key, to send to the programme's owner (as a file, or pushed with the token the
/// owner gave). No person is in it. Audited.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/outgoing-submissions", operation_id = "makeStatisticsSubmission", tag = "statistics",
    params(ProgrammePath),
    request_body = SubmissionYear,
    responses(
        (status = 201, description = "The signed submission", body = SubmissionEnvelope),
        ProgrammeProblems,
        (status = 422, description = "A year that is not over", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn make_submission(
    OrgCaller(state, actor, programme): OrgCaller<String>,
    ApiJson(body): ApiJson<SubmissionYear>,
) -> Result<(StatusCode, Json<SubmissionEnvelope>), WebError> {
    let made = service::make(&state, &actor, checked(&programme)?, body.year).await?;
    Ok((StatusCode::CREATED, Json(made.envelope.into())))
}

/// An installation of the programme's network that runs samla of its own.
#[derive(Serialize, ToSchema)]
pub struct SubmittingInstallation {
    /// The organisation it is counted as here.
    pub organisation_id: i64,
    pub name: String,
    pub region: Option<String>,
    pub kind: String,
    pub public_key: String,
    /// Unix seconds.
    pub registered_at: i64,
    /// Whether it is in the network and counted (false once removed).
    pub counted: bool,
}

/// The installations registered to submit the programme's statistics (its owner).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/installations", operation_id = "listSubmittingInstallations", tag = "statistics",
    params(ProgrammePath),
    responses((status = 200, description = "The installations", body = Vec<SubmittingInstallation>), ProgrammeProblems))]
pub async fn list_installations(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<Vec<SubmittingInstallation>>, WebError> {
    let (_, installations, _) = service::received(&state, &actor, checked(&programme)?).await?;
    Ok(Json(
        installations
            .into_iter()
            .map(|i| SubmittingInstallation {
                organisation_id: i.organisation_id,
                name: i.name,
                region: i.region,
                kind: i.kind.as_str().to_string(),
                public_key: i.public_key,
                registered_at: i.registered_at,
                counted: i.member == 1,
            })
            .collect(),
    ))
}

/// An installation to register: how to count it, and its public key.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSubmittingInstallation {
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    #[schema(schema_with = super::national::kind_schema)]
    pub kind: OrganisationKind,
    #[schema(schema_with = super::national::region_schema)]
    pub region: Region,
    /// The installation's public key (getStatisticsSigningKey there), base64.
    #[schema(max_length = 100, format = "required_line")]
    pub public_key: String,
}

/// A registered installation, with the token it pushes its submissions with.
#[derive(Serialize, ToSchema)]
pub struct RegisteredInstallation {
    pub organisation_id: i64,
    pub name: String,
    /// Shown only now: it may do nothing but push submissions of this programme
    /// (pushStatisticsSubmission).
    pub token: String,
}

impl From<service::Registered> for RegisteredInstallation {
    fn from(r: service::Registered) -> Self {
        RegisteredInstallation { organisation_id: r.organisation_id, name: r.name, token: r.token }
    }
}

/// Registers an installation of the programme's network that runs samla of its own (the
/// programme's owner): counted as an organisation of its own, placed by kind and region,
/// known by its public key.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/installations", operation_id = "registerSubmittingInstallation", tag = "statistics",
    params(ProgrammePath),
    request_body = NewSubmittingInstallation,
    responses(
        (status = 201, description = "Registered", body = RegisteredInstallation),
        ProgrammeProblems,
        (status = 409, description = "An installation with this key is registered already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a key that is not one", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_installation(
    OrgCaller(state, actor, programme): OrgCaller<String>,
    ApiJson(body): ApiJson<NewSubmittingInstallation>,
) -> Result<(StatusCode, Json<RegisteredInstallation>), WebError> {
    let new = NewInstallation {
        name: &body.name,
        kind: Some(body.kind),
        region: Some(body.region),
        public_key: &body.public_key,
    };
    let registered = service::register(&state, &actor, checked(&programme)?, &new).await?;
    Ok((StatusCode::CREATED, Json(registered.into())))
}

/// Gives an installation a new token (e.g. when the old one may have leaked); the old one
/// stops working at once. Audited.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/installations/{organisation_id}/token", operation_id = "replaceInstallationToken", tag = "statistics",
    params(ProgrammePath, ("organisation_id" = i64, Path, description = "The organisation the installation is counted as")),
    responses(
        (status = 201, description = "The new token", body = RegisteredInstallation),
        ProgrammeProblems,
    ))]
pub async fn replace_installation_token(
    OrgCaller(state, actor, (programme, Id(organisation_id))): OrgCaller<(String, Id)>,
) -> Result<(StatusCode, Json<RegisteredInstallation>), WebError> {
    let replaced = service::replace_token(&state, &actor, checked(&programme)?, organisation_id).await?;
    Ok((StatusCode::CREATED, Json(replaced.into())))
}

/// Removes an installation from the programme's network: releases made from now on do not
/// count it, its token stops working, and its submissions are kept. Audited.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/installations/{organisation_id}", operation_id = "removeSubmittingInstallation", tag = "statistics",
    params(ProgrammePath, ("organisation_id" = i64, Path, description = "The organisation the installation is counted as")),
    responses((status = 204, description = "Removed"), ProgrammeProblems))]
pub async fn remove_installation(
    OrgCaller(state, actor, (programme, Id(organisation_id))): OrgCaller<(String, Id)>,
) -> Result<StatusCode, WebError> {
    service::remove(&state, &actor, checked(&programme)?, organisation_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A submission as received.
#[derive(Serialize, ToSchema)]
pub struct ReceivedSubmission {
    pub id: i64,
    pub installation: String,
    pub year: i64,
    /// Unix seconds, as the installation made it.
    pub made_at: i64,
    /// Unix seconds.
    pub received_at: i64,
    /// Pushed by the installation with its token (or uploaded by staff).
    pub pushed: bool,
    /// When a later submission of the year replaced it (Unix seconds).
    pub replaced_at: Option<i64>,
}

/// The submissions received for the programme, the latest first (its owner).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/submissions", operation_id = "listStatisticsSubmissions", tag = "statistics",
    params(ProgrammePath),
    responses((status = 200, description = "The submissions", body = Vec<ReceivedSubmission>), ProgrammeProblems))]
pub async fn list_submissions(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<Vec<ReceivedSubmission>>, WebError> {
    let (_, _, listed) = service::received(&state, &actor, checked(&programme)?).await?;
    Ok(Json(
        listed
            .into_iter()
            .map(|s| ReceivedSubmission {
                id: s.id,
                installation: s.installation,
                year: s.year,
                made_at: s.made_at,
                received_at: s.received_at,
                pushed: s.pushed == 1,
                replaced_at: s.replaced_at,
            })
            .collect(),
    ))
}

/// What a received submission counts for.
#[derive(Serialize, ToSchema)]
pub struct AcceptedSubmission {
    pub id: i64,
    pub installation: String,
    pub year: i32,
    /// Whether it replaced the year's earlier submission (a correction).
    pub corrects: bool,
}

fn accepted(a: service::Accepted) -> (StatusCode, Json<AcceptedSubmission>) {
    let answer = AcceptedSubmission { id: a.id, installation: a.installation, year: a.year, corrects: a.corrects };
    (StatusCode::CREATED, Json(answer))
}

fn bytes(body: &SubmissionEnvelope) -> Result<Vec<u8>, WebError> {
    serde_json::to_vec(body).map_err(|e| WebError::Internal(e.to_string()))
}

/// Receives a submission file of a registered installation (the programme's owner): its
/// signature must hold under the installation's key; a later submission of a year
/// replaces the earlier, the same one again or an older one is refused. Audited.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/submissions", operation_id = "receiveStatisticsSubmission", tag = "statistics",
    params(ProgrammePath),
    request_body = SubmissionEnvelope,
    responses(
        (status = 201, description = "Received; it counts in the year's next release", body = AcceptedSubmission),
        ProgrammeProblems,
        (status = 413, description = "The request is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An unregistered key, the same submission again, or one older than the one held", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A changed or unreadable submission, every problem named", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn receive_submission(
    OrgCaller(state, actor, programme): OrgCaller<String>,
    ApiJson(body): ApiJson<SubmissionEnvelope>,
) -> Result<(StatusCode, Json<AcceptedSubmission>), WebError> {
    let from = HandedIn::Upload { actor: &actor, programme: checked(&programme)? };
    Ok(accepted(service::receive(&state, from, &bytes(&body)?).await?))
}

/// Pushes a submission from the installation that made it, with the token its
/// registration gave (not a person's token: this token may do nothing else). The same
/// rules as receiveStatisticsSubmission.
#[utoipa::path(post, path = "/api/v1/statistics/submissions", operation_id = "pushStatisticsSubmission", tag = "statistics",
    security(("installation" = [])),
    request_body = SubmissionEnvelope,
    responses(
        (status = 201, description = "Received; it counts in the year's next release", body = AcceptedSubmission),
        MalformedRequest,
        (status = 401, description = "No installation's token", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The request is larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Signed with another key than the one registered, the same submission again, or one older than the one held", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A changed or unreadable submission, every problem named", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn push_submission(
    axum::extract::State(state): axum::extract::State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SubmissionEnvelope>,
) -> Result<(StatusCode, Json<AcceptedSubmission>), WebError> {
    let token = crate::auth::bearer_token(&headers).ok_or(WebError::Unauthenticated)?;
    Ok(accepted(service::receive(&state, HandedIn::Push { token }, &bytes(&body)?).await?))
}
