//! Creating an application, with `Idempotency-Key` for retried calls.

use super::super::*;
use crate::api::conventions::{MalformedOrIdempotencyKey, NoValidToken, NotAllowed, OrgSlug, OrganisationNotFound};
use crate::services::intake::applications::{self as service, Origin};
use crate::services::intake::ApplicationForm;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use samla_domain::secrets::hash_secret;
use samla_storage::{idempotency, StoreError};

/// An application entered by staff or another system. Field names are those of the
/// registration forms, so a problem names the field as sent. Guardians are for a child;
/// the referrer for a referral.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApplication {
    /// The course applied for. Left out: the programme's waitlist (give `programme`).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub course_id: Option<i64>,
    /// The programme's slug or id, when no course is chosen.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 60, pattern = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    pub programme: Option<String>,
    pub participant_type: ParticipantTypeName,
    #[schema(max_length = 200, format = "required_line")]
    pub participant_name: String,
    /// Required for a child (age bands), not in the future.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub participant_birth_date: Option<String>,
    /// 11 digits. Only where the organisation has turned national identity numbers on
    /// (getIntakeSettings); it must match the birth date.
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{11}$")]
    pub participant_national_id: Option<String>,
    /// Left out when the family does not state it.
    #[serde(default)]
    pub participant_sex: Option<SexName>,
    /// An adult participant's own phone (required for an adult).
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub participant_phone: Option<String>,
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub participant_email: Option<String>,
    /// The guardian the family is reached through (required for a child).
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub guardian_name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub guardian_phone: Option<String>,
    /// Receipts and offers go here.
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub guardian_email: Option<String>,
    /// Left out: true.
    #[serde(default)]
    pub guardian_responsibility: Option<bool>,
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub second_guardian_name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub second_guardian_phone: Option<String>,
    /// With parental responsibility and an address, the second guardian is sent a link
    /// to give their own consent.
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub second_guardian_email: Option<String>,
    /// Left out: false. A guardian with parental responsibility must consent too.
    #[serde(default)]
    pub second_guardian_responsibility: Option<bool>,
    /// How they heard of the course, or who referred (listRecruitmentChannels).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub channel_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub referrer_name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub referrer_service: Option<String>,
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub referrer_phone: Option<String>,
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub referrer_email: Option<String>,
    /// The referral's reason: health or child-welfare details, seen only by the
    /// coordinator and the course's group leaders.
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub reason: Option<String>,
    /// Practical needs (allergies, access, language); seen like `reason`.
    #[serde(default)]
    #[schema(max_length = 2000, format = "optional_text")]
    pub needs: Option<String>,
    /// Purposes the contact person (the guardian, or an adult participant) has
    /// consented to; recorded with method `api` under the current consent texts.
    #[serde(default)]
    pub consents: Vec<PurposeName>,
    /// Adds the participant to this existing household (siblings).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub household_id: Option<i64>,
    /// 1 (highest) to 3; left out: 2.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 3)]
    pub priority: Option<i64>,
}

impl NewApplication {
    /// The form the services read, once every value is as the schema states.
    fn form(&self) -> Result<ApplicationForm, FieldErrors> {
        let mut errors = FieldErrors::new();
        check_programme(&mut errors, "programme", self.programme.as_deref());
        check_line(&mut errors, "participant_name", Some(&self.participant_name), 200);
        check_day(&mut errors, "participant_birth_date", self.participant_birth_date.as_deref());
        if let Some(raw) = &self.participant_national_id {
            if raw.len() != 11 || !raw.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(FieldError::new("participant_national_id", "error-national-id-format"));
            }
        }
        for (field, value) in [
            ("guardian_name", &self.guardian_name),
            ("second_guardian_name", &self.second_guardian_name),
            ("referrer_name", &self.referrer_name),
            ("referrer_service", &self.referrer_service),
        ] {
            check_line(&mut errors, field, value.as_deref(), 200);
        }
        for (field, value) in [
            ("participant_phone", &self.participant_phone),
            ("guardian_phone", &self.guardian_phone),
            ("second_guardian_phone", &self.second_guardian_phone),
            ("referrer_phone", &self.referrer_phone),
        ] {
            check_phone(&mut errors, field, value.as_deref());
        }
        for (field, value) in [
            ("participant_email", &self.participant_email),
            ("guardian_email", &self.guardian_email),
            ("second_guardian_email", &self.second_guardian_email),
            ("referrer_email", &self.referrer_email),
        ] {
            check_email(&mut errors, field, value.as_deref());
        }
        check_text(&mut errors, "reason", self.reason.as_deref(), 4000, false);
        check_text(&mut errors, "needs", self.needs.as_deref(), 2000, false);
        // A guardian's yes or no to parental responsibility means nothing for an adult.
        if self.participant_type == ParticipantTypeName::Adult {
            for (field, value) in [
                ("guardian_responsibility", self.guardian_responsibility),
                ("second_guardian_responsibility", self.second_guardian_responsibility),
            ] {
                if value.is_some() {
                    errors.push(FieldError::new(field, "error-adult-no-guardian"));
                }
            }
        }
        errors.finish(|| ())?;
        let flag = |value: Option<bool>, default: bool| value.unwrap_or(default).to_string();
        Ok(ApplicationForm {
            course_id: number(self.course_id),
            programme: opt(&self.programme).to_string(),
            participant_type: self.participant_type.code().to_string(),
            participant_name: self.participant_name.clone(),
            participant_birth_date: opt(&self.participant_birth_date).to_string(),
            participant_national_id: opt(&self.participant_national_id).to_string(),
            participant_sex: self.participant_sex.map(SexName::code).unwrap_or_default().to_string(),
            participant_phone: opt(&self.participant_phone).to_string(),
            participant_email: opt(&self.participant_email).to_string(),
            guardian_name: opt(&self.guardian_name).to_string(),
            guardian_phone: opt(&self.guardian_phone).to_string(),
            guardian_email: opt(&self.guardian_email).to_string(),
            guardian_responsibility: flag(self.guardian_responsibility, true),
            second_guardian_name: opt(&self.second_guardian_name).to_string(),
            second_guardian_phone: opt(&self.second_guardian_phone).to_string(),
            second_guardian_email: opt(&self.second_guardian_email).to_string(),
            second_guardian_responsibility: flag(self.second_guardian_responsibility, false),
            channel_id: number(self.channel_id),
            referrer_name: opt(&self.referrer_name).to_string(),
            referrer_service: opt(&self.referrer_service).to_string(),
            referrer_phone: opt(&self.referrer_phone).to_string(),
            referrer_email: opt(&self.referrer_email).to_string(),
            reason: opt(&self.reason).to_string(),
            needs: opt(&self.needs).to_string(),
            consents: self.consents.iter().map(|p| p.code().to_string()).collect(),
            consent_method: String::new(),
            household_id: number(self.household_id),
            family_informed: String::new(),
            priority: number(self.priority),
        })
    }
}

/// The new application: its id and the reference the family quotes on the phone.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct CreatedApplication {
    pub id: i64,
    pub reference: String,
}

/// What an `Idempotency-Key` keeps: a fingerprint of the request and the answer given.
#[derive(Serialize, Deserialize)]
struct Kept {
    request: String,
    response: CreatedApplication,
}

/// The `Idempotency-Key` header: 1–255 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, WebError> {
    let Some(raw) = headers.get("idempotency-key") else { return Ok(None) };
    let bytes = raw.as_bytes();
    if bytes.is_empty() || bytes.len() > 255 || !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(WebError::BadRequest { detail_key: "problem-query-detail", location: "Idempotency-Key".into() });
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

fn created(org: &str, answer: &CreatedApplication, replayed: bool) -> Response {
    let mut response =
        (StatusCode::CREATED, [(LOCATION, application_location(org, answer.id))], Json(answer)).into_response();
    if replayed {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

/// The answer kept for a key: given again for the same request, refused for another.
fn replay(org: &str, status: i64, kept: &str, fingerprint: &str) -> Result<Response, WebError> {
    let kept: Kept = serde_json::from_str(kept).map_err(|e| WebError::Internal(format!("idempotency record: {e}")))?;
    if kept.request != fingerprint {
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new(
            "Idempotency-Key",
            "error-idempotency-key-reused",
        ))));
    }
    if status != 201 {
        return Err(WebError::Internal(format!("idempotency record with status {status}")));
    }
    Ok(created(org, &kept.response, true))
}

/// Registers an application as staff would from a phone call or a paper form, with
/// origin `staff` and consents recorded with method `api`. Send an `Idempotency-Key`
/// to make retries safe: a repeated call with the same key (by the same caller, with the
/// same body) answers as the first did and creates nothing.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications", operation_id = "createApplication", tag = "intake",
    params(
        OrgSlug,
        ("Idempotency-Key" = Option<String>, Header, nullable = false, max_length = 255, pattern = r"^[!-~]+$",
            description = "A key of the caller's choosing (e.g. a UUID), unique per application. A retry with the same key and the same body answers 201 with the first application (header Idempotent-Replayed: true) and creates nothing; the same key with another body is refused (422). Keys are kept per caller and organisation."),
    ),
    request_body = NewApplication,
    responses(
        (status = 201, description = "Registered (or, for a repeated Idempotency-Key, registered before)", body = CreatedApplication,
            headers(
                ("Location" = String, description = "The application"),
                ("Idempotent-Replayed" = String, description = "`true` when this repeats the answer to an earlier call with the same Idempotency-Key"),
            )),
        MalformedOrIdempotencyKey,
        NoValidToken, NotAllowed,
        OrganisationNotFound,
        (status = 422, description = "Invalid fields, e.g. a child without a guardian or birth date, a course that takes no applications, no consent text for a purpose, or an Idempotency-Key used for another request", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_application(
    OrgCaller(state, actor, _): OrgCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewApplication>,
) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let key = idempotency_key(&headers)?;
    let form = body.form()?;
    let origin = Origin::Staff { actor: &actor, via_api: true };
    let Some(key) = key else {
        refuse_national_id_when_off(&state, &actor, &body).await?;
        let receipt = service::create(&state, &actor.organisation, origin, &form).await?;
        let answer = CreatedApplication { id: receipt.application_id, reference: receipt.reference };
        return Ok(created(&actor.organisation.slug, &answer, false));
    };
    let key = format!("{}:createApplication:{key}", actor.organisation.id);
    let fingerprint = hash_secret(&serde_json::to_string(&body).map_err(|e| WebError::Internal(e.to_string()))?);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let earlier = idempotency::find(&mut conn, actor.user_id, &key).await?;
    drop(conn);
    if let Some((status, kept)) = earlier {
        return replay(&actor.organisation.slug, status, &kept, &fingerprint);
    }
    refuse_national_id_when_off(&state, &actor, &body).await?;
    let mut tx = state.store.write().await?;
    if let Some((status, kept)) = idempotency::find(&mut tx.tx, actor.user_id, &key).await? {
        drop(tx);
        return replay(&actor.organisation.slug, status, &kept, &fingerprint);
    }
    // The answer is kept in the transaction that creates the application: both or neither.
    let receipt = service::create_in(&mut tx, &state, &actor.organisation, &origin, &form).await?;
    let answer = CreatedApplication { id: receipt.application_id, reference: receipt.reference };
    let kept = serde_json::to_string(&Kept { request: fingerprint.clone(), response: answer })
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let saved = match idempotency::save(&mut tx.tx, actor.user_id, &key, 201, &kept, state.clock.now()).await {
        Ok(()) => tx.commit().await,
        Err(error) => {
            drop(tx);
            Err(error)
        }
    };
    if let Err(error) = saved {
        // A concurrent call with the same key got there first (PostgreSQL answers the
        // second insert with a unique violation once the first commits): answer as it did.
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        if let Some((status, kept)) = idempotency::find(&mut conn, actor.user_id, &key).await? {
            return replay(&actor.organisation.slug, status, &kept, &fingerprint);
        }
        return Err(error.into());
    }
    let kept: Kept = serde_json::from_str(&kept).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(created(&actor.organisation.slug, &kept.response, false))
}

/// A national identity number where the organisation does not record them is refused
/// rather than dropped without a word.
async fn refuse_national_id_when_off(state: &AppState, actor: &Actor, body: &NewApplication) -> Result<(), WebError> {
    if body.participant_national_id.is_some() {
        let settings = crate::services::intake::settings::get(state, actor).await?;
        if settings.national_id_enabled != 1 {
            return Err(FieldErrors::single(FieldError::new("participant_national_id", "error-national-id-off")).into());
        }
    }
    Ok(())
}
