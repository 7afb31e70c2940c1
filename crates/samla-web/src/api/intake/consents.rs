//! Consent: the consents recorded for an application's participant, recording one
//! given on paper, in a conversation or in another system, withdrawing one, sending a
//! person of the household a link to consent themself, and the consent texts.

use super::*;
use crate::api::conventions::{ApplicationPath, ApplicationProblems, OrgSlug, OrganisationProblems, StandardProblems};
use crate::services::intake::consents::{self as service, RecordForm, TextForm};

/// The consents recorded for the participant, withdrawn ones included.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/applications/{application_id}/consents", operation_id = "listConsents", tag = "intake",
    params(ApplicationPath),
    responses(
        (status = 200, description = "The consents, oldest first", body = Items<Consent>),
        ApplicationProblems,
    ))]
pub async fn list_consents(
    OrgCaller(state, actor, Id(application_id)): OrgCaller<Id>,
) -> Result<Json<Items<Consent>>, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let found = service::list(&state, &actor, application_id).await?;
    Ok(Json(found.iter().map(consent_json).collect()))
}

/// A consent given outside samla's own forms.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewConsent {
    /// The person giving it: someone in the participant's household (see getApplication).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub giver_id: i64,
    pub purpose: PurposeName,
    /// participant: an adult participant for themself; guardian: a guardian for a
    /// child; child_own_say: the child themself.
    pub capacity: CapacityName,
    /// Left out: api.
    #[serde(default)]
    pub method: Option<RecordMethodName>,
}

/// Records a consent under the consent text that applies now.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/consents", operation_id = "recordConsent", tag = "intake",
    params(ApplicationPath),
    request_body = NewConsent,
    responses(
        (status = 201, description = "Recorded", body = Consent),
        ApplicationProblems,
        (status = 422, description = "Not a person of the household, a capacity the person does not have, or no consent text for the purpose", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_consent(
    OrgCaller(state, actor, Id(application_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewConsent>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let form = RecordForm {
        giver_id: body.giver_id.to_string(),
        purpose: body.purpose.code().to_string(),
        capacity: body.capacity.code().to_string(),
        method: body.method.unwrap_or(RecordMethodName::Api).code().to_string(),
    };
    let consent_id = service::record(&state, &actor, application_id, &form, true).await?;
    let found = service::list(&state, &actor, application_id).await?;
    let consent = found.iter().find(|c| c.id == consent_id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(consent_json(consent))))
}

/// Withdraws a consent at once; the record stays, with who withdrew it and when.
/// Withdrawing a withdrawn consent changes nothing.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/consents/{consent_id}/withdraw", operation_id = "withdrawConsent", tag = "intake",
    params(
        ApplicationPath,
        ("consent_id" = i64, Path, description = "The consent's id"),
    ),
    responses(
        (status = 200, description = "Withdrawn", body = Consent),
        StandardProblems,
        (status = 404, description = "No such application, or no such consent for its participant", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn withdraw_consent(
    OrgCaller(state, actor, (Id(application_id), Id(consent_id))): OrgCaller<(Id, Id)>,
) -> Result<Json<Consent>, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    service::withdraw(&state, &actor, application_id, consent_id).await?;
    let found = service::list(&state, &actor, application_id).await?;
    let consent = found.iter().find(|c| c.id == consent_id).ok_or(WebError::NotFound)?;
    Ok(Json(consent_json(consent)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentLinkRequest {
    /// A guardian or other adult of the household, with an e-mail address.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub giver_id: i64,
}

/// Sends a person of the household a link (valid 14 days) where they give their own
/// consent. The mail goes through the outbox.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/consent-links", operation_id = "sendConsentLink", tag = "intake",
    params(ApplicationPath),
    request_body = ConsentLinkRequest,
    responses(
        (status = 202, description = "The link is on its way"),
        ApplicationProblems,
        (status = 422, description = "Not an adult of the household, or no e-mail address", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn send_consent_link(
    OrgCaller(state, actor, Id(application_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<ConsentLinkRequest>,
) -> Result<StatusCode, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    service::send_link(&state, &actor, application_id, body.giver_id).await?;
    Ok(StatusCode::ACCEPTED)
}

/// One version of a consent text.
#[derive(Serialize, ToSchema)]
pub struct ConsentText {
    pub id: i64,
    pub purpose: PurposeName,
    /// A programme's own text; none: the organisation's text for every programme.
    pub programme_id: Option<i64>,
    /// 1, 2, 3 … per purpose and programme; consents keep the version they were given under.
    pub version: i64,
    pub body: String,
    /// Unix seconds.
    pub created_at: i64,
}

fn text_json(t: &samla_storage::intake::consents::ConsentText) -> ConsentText {
    ConsentText {
        id: t.id,
        purpose: PurposeName::parse(&t.purpose),
        programme_id: t.programme_id,
        version: t.version,
        body: t.body.clone(),
        created_at: t.created_at,
    }
}

/// Every version of the organisation's consent texts, the newest version of each first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/consent-texts", operation_id = "listConsentTexts", tag = "intake",
    params(OrgSlug),
    responses(
        (status = 200, description = "The texts", body = Items<ConsentText>),
        OrganisationProblems,
    ))]
pub async fn list_consent_texts(OrgCaller(state, actor, _): OrgCaller) -> Result<Json<Items<ConsentText>>, WebError> {
    let texts = service::texts(&state, &actor).await?;
    Ok(Json(texts.iter().map(text_json).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewConsentText {
    pub purpose: PurposeName,
    /// A programme's slug or id for a text of that programme only; left out: the
    /// organisation's text.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 60, pattern = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    pub programme: Option<String>,
    /// What is recorded, why, who sees it, how long it is kept, how to withdraw.
    #[schema(max_length = 20000, format = "required_text")]
    pub body: String,
}

/// Adds the next version of a consent text; from now on consents are given under it.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/consent-texts", operation_id = "createConsentText", tag = "intake",
    params(OrgSlug),
    request_body = NewConsentText,
    responses(
        (status = 201, description = "The new version", body = ConsentText),
        OrganisationProblems,
        (status = 422, description = "Invalid fields, e.g. an unknown programme", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_consent_text(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewConsentText>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ConfigureIntake).await?;
    let mut errors = FieldErrors::new();
    check_programme(&mut errors, "programme", body.programme.as_deref());
    check_text(&mut errors, "body", Some(&body.body), 20_000, true);
    errors.finish(|| ())?;
    let form = TextForm {
        purpose: body.purpose.code().to_string(),
        programme: opt(&body.programme).to_string(),
        body: body.body,
    };
    let (id, _) = service::add_text(&state, &actor, &form).await?;
    let texts = service::texts(&state, &actor).await?;
    let text = texts.iter().find(|t| t.id == id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(text_json(text))))
}
