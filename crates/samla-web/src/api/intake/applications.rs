//! Applications: created by another system (with an `Idempotency-Key` so a retry
//! creates nothing twice), listed, read as the caller may see them, changed, moved
//! through the stages, pre-conversations, merging duplicates, and a programme's waitlist.

use super::*;
use crate::services::intake::applications::{self as service, ApplicationView, DetailsForm, MoveForm, Origin};
use crate::services::intake::ApplicationForm;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use samla_domain::secrets::hash_secret;
use samla_storage::intake::applications::Filter;
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
    #[schema(
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
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
    /// An adult participant's own phone (required for an adult).
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub participant_phone: Option<String>,
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub participant_email: Option<String>,
    /// The guardian the family is reached through (required for a child).
    #[serde(default)]
    #[schema(
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
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
    #[schema(
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
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
    #[schema(
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
    pub referrer_name: Option<String>,
    #[serde(default)]
    #[schema(
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
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
    #[schema(max_length = 4000, pattern = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$")]
    pub reason: Option<String>,
    /// Practical needs (allergies, access, language); seen like `reason`.
    #[serde(default)]
    #[schema(max_length = 2000, pattern = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$")]
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
        errors.finish(|| ())?;
        let flag = |value: Option<bool>, default: bool| value.unwrap_or(default).to_string();
        Ok(ApplicationForm {
            course_id: number(self.course_id),
            programme: opt(&self.programme).to_string(),
            participant_type: self.participant_type.code().to_string(),
            participant_name: self.participant_name.clone(),
            participant_birth_date: opt(&self.participant_birth_date).to_string(),
            participant_national_id: opt(&self.participant_national_id).to_string(),
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
        ("org" = String, Path, description = "The organisation's slug"),
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
        (status = 400, description = "Malformed request or Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation of yours", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a child without a guardian or birth date, a course that takes no applications, no consent text for a purpose, or an Idempotency-Key used for another request", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(org): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewApplication>,
) -> Result<Response, WebError> {
    let actor = intake_worker(&state, &caller, &org).await?;
    let key = idempotency_key(&headers)?;
    let form = body.form()?;
    let origin = Origin::Staff { actor: &actor, via_api: true };
    let Some(key) = key else {
        refuse_national_id_when_off(&state, &actor, &body).await?;
        let receipt = service::create(&state, &actor.organisation, origin, &form).await?;
        let answer = CreatedApplication { id: receipt.application_id, reference: receipt.reference };
        return Ok(created(&org, &answer, false));
    };
    let key = format!("{}:createApplication:{key}", actor.organisation.id);
    let fingerprint = hash_secret(&serde_json::to_string(&body).map_err(|e| WebError::Internal(e.to_string()))?);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let earlier = idempotency::find(&mut conn, actor.user_id, &key).await?;
    drop(conn);
    if let Some((status, kept)) = earlier {
        return replay(&org, status, &kept, &fingerprint);
    }
    refuse_national_id_when_off(&state, &actor, &body).await?;
    let mut tx = state.store.write().await?;
    if let Some((status, kept)) = idempotency::find(&mut tx.tx, actor.user_id, &key).await? {
        drop(tx);
        return replay(&org, status, &kept, &fingerprint);
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
            return replay(&org, status, &kept, &fingerprint);
        }
        return Err(error.into());
    }
    let kept: Kept = serde_json::from_str(&kept).map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(created(&org, &kept.response, false))
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationParams {
    /// Only applications at this stage.
    pub stage: Option<StageName>,
    /// Only applications for this programme (its slug or id); none match an unknown one.
    #[param(min_length = 1, max_length = 60, pattern = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    pub programme: Option<String>,
    /// Only applications for this course.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub course_id: Option<Id>,
    /// Only applications from this recruitment channel.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub channel_id: Option<Id>,
    /// Only open applications (received, contacted, pre_conversation, waitlisted, offered).
    pub open_only: Option<bool>,
    /// How many to return, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[0-9]{1,18}$")]
    pub cursor: Option<String>,
}

/// Applications the caller works with, oldest first (merged duplicates left out):
/// the whole organisation for coordinators and secretaries, those for their own
/// courses for group leaders. A read of names, so each call is audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/applications", operation_id = "listApplications", tag = "intake",
    params(("org" = String, Path, description = "The organisation's slug"), ApplicationParams),
    responses(
        (status = 200, description = "A page of applications", body = Page<ApplicationSummary>),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation of yours", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filter or paging", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_applications(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(org): Path<String>,
    ApiQuery(params): ApiQuery<ApplicationParams>,
) -> Result<Json<Page<ApplicationSummary>>, WebError> {
    let actor = intake_worker(&state, &caller, &org).await?;
    let (limit, after) = page_bounds(params.limit, params.cursor.as_deref())?;
    let mut errors = FieldErrors::new();
    check_programme(&mut errors, "programme", params.programme.as_deref());
    for (field, id) in [("course_id", params.course_id), ("channel_id", params.channel_id)] {
        if id.is_some_and(|id| id.0 < 1) {
            errors.push(FieldError::new(field, "error-choice"));
        }
    }
    errors.finish(|| ())?;
    let programme_id = match params.programme.as_deref() {
        Some(key) => match crate::services::programmes::find(&state, &actor, key).await {
            Ok(programme) => Some(programme.id),
            Err(WebError::NotFound) => return Ok(Json(Page { items: Vec::new(), next_cursor: None })),
            Err(other) => return Err(other),
        },
        None => None,
    };
    let filter = Filter {
        stage: params.stage.map(|s| s.code().to_string()),
        programme_id,
        course_id: params.course_id.map(|id| id.0),
        channel_id: params.channel_id.map(|id| id.0),
        open_only: params.open_only.unwrap_or(false),
    };
    let mut found = service::list(&state, &actor, &filter, after.unwrap_or(0), limit + 1).await?;
    let next_cursor = if found.len() as i64 > limit {
        found.truncate(limit as usize);
        found.last().map(|a| a.id.to_string())
    } else {
        None
    };
    Ok(Json(Page { items: found.iter().map(summary_json).collect(), next_cursor }))
}

/// A referrer (a professional who referred the participant).
#[derive(Serialize, ToSchema)]
pub struct Referrer {
    pub name: String,
    pub service: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One step of an application's history.
#[derive(Serialize, ToSchema)]
pub struct ApplicationEvent {
    /// Unix seconds.
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub stage_from: Option<StageName>,
    pub stage_to: StageName,
    /// What happened; null for those who may not see the application's sensitive parts.
    pub note: Option<String>,
}

/// A pre-conversation: the suitability and expectations talk before a place.
#[derive(Serialize, ToSchema)]
pub struct PreConversation {
    pub id: i64,
    /// 1, 2 or 3.
    pub number: i64,
    #[schema(value_type = String, format = Date)]
    pub held_on: String,
    pub participants: String,
    /// Null for those who may not see the application's sensitive parts.
    pub notes: Option<String>,
    pub outcome: PreConversationOutcomeName,
    pub recorded_by: i64,
    pub recorded_by_name: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// A consent still needed before the participant can be enrolled. `person_id` is the
/// participant and `name` empty when a guardian with parental responsibility is not
/// registered yet.
#[derive(Serialize, ToSchema)]
pub struct MissingConsent {
    pub person_id: i64,
    pub name: String,
    pub capacity: CapacityName,
    pub purpose: PurposeName,
}

/// A place offered in a course, with the family's deadline to answer.
#[derive(Serialize, ToSchema)]
pub struct Offer {
    pub id: i64,
    pub course_id: i64,
    /// Unix seconds.
    pub deadline_at: i64,
    pub status: OfferStatusName,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub responded_at: Option<i64>,
}

/// An application as the caller may see it. Those who may not see sensitive data
/// (secretaries; group leaders of other courses cannot reach it at all) get
/// `sensitive_visible: false`: `reason`, `needs`, notes are null and national
/// identity numbers masked.
#[derive(Serialize, ToSchema)]
pub struct Application {
    pub id: i64,
    pub reference: String,
    pub stage: StageName,
    pub kind: ApplicationKindName,
    /// 1 (highest) to 3.
    pub priority: i64,
    pub programme: NamedRef,
    /// None: on the programme's waitlist without a course.
    pub course: Option<NamedRef>,
    pub channel_id: Option<i64>,
    pub participant: HouseholdPerson,
    /// The participant's age today.
    pub age: Option<u32>,
    pub household_id: i64,
    /// The person receipts and offers go to.
    pub contact_person_id: i64,
    /// Everyone in the participant's household, the participant included.
    pub household: Vec<HouseholdPerson>,
    pub referrer: Option<Referrer>,
    /// Whether the caller sees the sensitive parts (reason, needs, notes, full national
    /// identity numbers).
    pub sensitive_visible: bool,
    pub reason: Option<String>,
    pub needs: Option<String>,
    pub events: Vec<ApplicationEvent>,
    pub pre_conversations: Vec<PreConversation>,
    pub consents: Vec<Consent>,
    /// Consents still needed before enrolment; empty when it may go ahead.
    pub missing_for_enrolment: Vec<MissingConsent>,
    pub offers: Vec<Offer>,
    /// Other open applications for the same person, or likely the same person.
    pub possible_duplicates: Vec<ApplicationSummary>,
    /// Stages moveApplication can move it to now (offered only through a group proposal).
    pub allowed_moves: Vec<StageName>,
    /// Unix seconds.
    pub waitlisted_at: Option<i64>,
    /// Unix seconds.
    pub last_contact_at: i64,
    /// The application this one was merged into.
    pub merged_into: Option<i64>,
    /// For If-Match.
    pub version: i64,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

fn pre_conversation_json(c: &samla_storage::intake::applications::PreConversation, sensitive: bool) -> PreConversation {
    PreConversation {
        id: c.id,
        number: c.number,
        held_on: c.held_on.clone(),
        participants: c.participants.clone(),
        notes: sensitive.then(|| c.notes.clone()),
        outcome: PreConversationOutcomeName::parse(&c.outcome),
        recorded_by: c.recorded_by,
        recorded_by_name: c.recorded_by_name.clone(),
        created_at: c.created_at,
    }
}

fn application_json(view: &ApplicationView) -> Application {
    let a = &view.application;
    let sensitive = view.sensitive_visible;
    Application {
        id: a.id,
        reference: a.reference.clone(),
        stage: StageName::parse(&a.stage),
        kind: ApplicationKindName::parse(&a.kind),
        priority: a.priority,
        programme: NamedRef { id: a.programme_id, name: view.programme_name.clone() },
        course: a.course_id.map(|id| NamedRef { id, name: view.course_name.clone().unwrap_or_default() }),
        channel_id: a.channel_id,
        participant: person_json(&view.participant),
        age: view.age,
        household_id: a.household_id,
        contact_person_id: a.contact_person_id,
        household: view.household.iter().map(person_json).collect(),
        referrer: non_empty(&a.referrer_name).map(|name| Referrer {
            name,
            service: non_empty(&a.referrer_service),
            phone: non_empty(&a.referrer_phone),
            email: non_empty(&a.referrer_email),
        }),
        sensitive_visible: sensitive,
        reason: sensitive.then(|| a.reason.clone()),
        needs: sensitive.then(|| a.needs.clone()),
        events: view
            .events
            .iter()
            .map(|e| ApplicationEvent {
                at: e.at,
                actor_user_id: e.actor_user_id,
                actor_name: e.actor_name.clone(),
                stage_from: e.stage_from.as_deref().map(StageName::parse),
                stage_to: StageName::parse(&e.stage_to),
                note: sensitive.then(|| e.note.clone()),
            })
            .collect(),
        pre_conversations: view.pre_conversations.iter().map(|c| pre_conversation_json(c, sensitive)).collect(),
        consents: view.consents.iter().map(consent_json).collect(),
        missing_for_enrolment: view
            .missing_for_enrolment
            .iter()
            .map(|m| MissingConsent {
                person_id: m.person_id,
                name: m.name.clone(),
                capacity: CapacityName::parse(m.capacity.as_str()),
                purpose: PurposeName::parse(m.purpose.as_str()),
            })
            .collect(),
        offers: view
            .offers
            .iter()
            .map(|o| Offer {
                id: o.id,
                course_id: o.course_id,
                deadline_at: o.deadline_at,
                status: OfferStatusName::parse(&o.status),
                created_at: o.created_at,
                responded_at: o.responded_at,
            })
            .collect(),
        possible_duplicates: view.possible_duplicates.iter().map(summary_json).collect(),
        allowed_moves: view.allowed_moves.iter().map(|s| StageName::parse(s.as_str())).collect(),
        waitlisted_at: a.waitlisted_at,
        last_contact_at: a.last_contact_at,
        merged_into: a.merged_into,
        version: a.version,
        created_at: a.created_at,
        updated_at: a.updated_at,
    }
}

type Answer = ([(axum::http::HeaderName, String); 1], Json<Application>);

/// The application as the caller may see it, with its ETag.
async fn answer(state: &AppState, actor: &Actor, id: i64) -> Result<Answer, WebError> {
    let view = service::view(state, actor, id).await?;
    Ok(([(ETAG, etag(view.application.version))], Json(application_json(&view))))
}

/// One application with its household, history, consents and offers. A read of
/// personal data, audited (as a sensitive read when the caller sees the sensitive parts).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/applications/{application_id}", operation_id = "getApplication", tag = "intake",
    params(("org" = String, Path, description = "The organisation's slug"), ("application_id" = i64, Path, description = "The application's id")),
    responses(
        (status = 200, description = "The application", body = Application, headers(("ETag" = String, description = "Version for If-Match"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed, e.g. a group leader and an application for another course", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, application_id)): Path<(String, Id)>,
) -> Result<impl IntoResponse, WebError> {
    let actor = intake_worker(&state, &caller, &org).await?;
    answer(&state, &actor, application_id.0).await
}

/// What can change on an application without a stage move. A field left out keeps its
/// value; `null` clears a course or channel.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationChange {
    /// A course of the same programme that takes applications; null: the programme's
    /// waitlist only.
    #[serde(default, deserialize_with = "nullable_id")]
    #[schema(value_type = Option<i64>, minimum = 1)]
    pub course_id: Option<Option<i64>>,
    /// 1 (highest) to 3.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 3)]
    pub priority: Option<i64>,
    /// A recruitment channel; null: none.
    #[serde(default, deserialize_with = "nullable_id")]
    #[schema(value_type = Option<i64>, minimum = 1)]
    pub channel_id: Option<Option<i64>>,
}

/// Left out: `None`; `null`: `Some(None)`; a number: `Some(Some(n))`.
fn nullable_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Option<i64>>, D::Error> {
    whole::optional(deserializer).map(Some)
}

/// Changes an application's course, priority or recruitment channel.
#[utoipa::path(patch, path = "/api/v1/organisations/{org}/applications/{application_id}", operation_id = "updateApplication", tag = "intake",
    params(
        ("org" = String, Path, description = "The organisation's slug"),
        ("application_id" = i64, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag from getApplication, or *"),
    ),
    request_body = ApplicationChange,
    responses(
        (status = 200, description = "Saved", body = Application, headers(("ETag" = String, description = "The new version"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application here", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a course of another programme or an unknown channel", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, application_id)): Path<(String, Id)>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<ApplicationChange>,
) -> Result<impl IntoResponse, WebError> {
    let id = application_id.0;
    let actor = intake_worker(&state, &caller, &org).await?;
    let current = crate::services::intake::visible_application(&state, &actor, id).await?;
    let expected = if_match.expected(current.version)?;
    let mut errors = FieldErrors::new();
    for (field, value) in [("course_id", body.course_id), ("channel_id", body.channel_id)] {
        if value.flatten().is_some_and(|id| id < 1) {
            errors.push(FieldError::new(field, "error-choice"));
        }
    }
    errors.finish(|| ())?;
    let form = DetailsForm {
        course_id: number(body.course_id.unwrap_or(current.course_id)),
        priority: body.priority.unwrap_or(current.priority).to_string(),
        channel_id: number(body.channel_id.unwrap_or(current.channel_id)),
    };
    service::update_details(&state, &actor, id, &form, Some(expected)).await?;
    answer(&state, &actor, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageMove {
    pub stage: MoveTarget,
    /// What happened (a call, a letter); seen only by those who see sensitive data.
    #[serde(default)]
    #[schema(max_length = 2000, pattern = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$")]
    pub note: Option<String>,
}

/// Moves an application to another stage (allowed_moves in getApplication). Enrolment
/// needs a course and every consent to taking part: a refusal (409) names each missing
/// consent in `errors`, field `stage`.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/stage", operation_id = "moveApplication", tag = "intake",
    params(
        ("org" = String, Path, description = "The organisation's slug"),
        ("application_id" = i64, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag from getApplication, or *"),
    ),
    request_body = StageMove,
    responses(
        (status = 200, description = "Moved", body = Application, headers(("ETag" = String, description = "The new version"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a possible move from the current stage, no course to enrol on, or consents missing (each named)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else since read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn move_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, application_id)): Path<(String, Id)>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<StageMove>,
) -> Result<impl IntoResponse, WebError> {
    let id = application_id.0;
    let actor = intake_worker(&state, &caller, &org).await?;
    let current = crate::services::intake::visible_application(&state, &actor, id).await?;
    let expected = if_match.expected(current.version)?;
    let mut errors = FieldErrors::new();
    check_text(&mut errors, "note", body.note.as_deref(), 2000, false);
    errors.finish(|| ())?;
    let form = MoveForm { stage: body.stage.code().to_string(), note: opt(&body.note).to_string() };
    service::move_stage(&state, &actor, id, &form, Some(expected)).await?;
    answer(&state, &actor, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPreConversation {
    /// The day it was held (not after tomorrow).
    #[schema(value_type = String, format = Date)]
    pub held_on: String,
    /// Who took part, e.g. "referrer, both leaders, mother".
    #[schema(
        max_length = 300,
        pattern = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
    )]
    pub participants: String,
    /// Seen only by the coordinator and the course's group leaders.
    #[serde(default)]
    #[schema(max_length = 8000, pattern = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F]*$")]
    pub notes: Option<String>,
    /// waitlist, not_suitable and referred_elsewhere move the application on.
    pub outcome: PreConversationOutcomeName,
}

/// Records a pre-conversation (at most three) and moves the application to
/// pre_conversation, or on as the outcome says.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/pre-conversations", operation_id = "recordPreConversation", tag = "intake",
    params(("org" = String, Path, description = "The organisation's slug"), ("application_id" = i64, Path, description = "The application's id")),
    request_body = NewPreConversation,
    responses(
        (status = 201, description = "Recorded; notes are null for a caller who may not read them", body = PreConversation),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not possible at the current stage, or three already held", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a day after tomorrow", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_pre_conversation(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, application_id)): Path<(String, Id)>,
    ApiJson(body): ApiJson<NewPreConversation>,
) -> Result<impl IntoResponse, WebError> {
    let id = application_id.0;
    let actor = intake_worker(&state, &caller, &org).await?;
    crate::services::intake::visible_application(&state, &actor, id).await?;
    let mut errors = FieldErrors::new();
    check_day(&mut errors, "held_on", Some(&body.held_on));
    check_line(&mut errors, "participants", Some(&body.participants), 300);
    check_text(&mut errors, "notes", body.notes.as_deref(), 8000, false);
    errors.finish(|| ())?;
    let form = service::PreConversationForm {
        held_on: body.held_on,
        participants: body.participants,
        notes: opt(&body.notes).to_string(),
        outcome: body.outcome.code().to_string(),
    };
    let talk_id = service::record_pre_conversation(&state, &actor, id, &form).await?;
    let view = service::view(&state, &actor, id).await?;
    let talk = view.pre_conversations.iter().find(|c| c.id == talk_id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(pre_conversation_json(talk, view.sensitive_visible))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The duplicate to fold into this application: its history, talks, offers and
    /// consents follow, and the two persons and households become one.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub from: i64,
}

/// Merges a duplicate application into this one.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/merge", operation_id = "mergeApplication", tag = "intake",
    params(("org" = String, Path, description = "The organisation's slug"), ("application_id" = i64, Path, description = "The application that stays")),
    request_body = MergeRequest,
    responses(
        (status = 200, description = "Merged; the application that stays", body = Application, headers(("ETag" = String, description = "The new version"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application here (either of them)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused: the same application, one already merged, or a duplicate already enrolled", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn merge_application(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, application_id)): Path<(String, Id)>,
    ApiJson(body): ApiJson<MergeRequest>,
) -> Result<impl IntoResponse, WebError> {
    let id = application_id.0;
    let actor = intake_worker(&state, &caller, &org).await?;
    crate::services::intake::visible_application(&state, &actor, id).await?;
    if body.from < 1 {
        return Err(FieldErrors::single(FieldError::new("from", "error-choice")).into());
    }
    service::merge(&state, &actor, id, body.from).await?;
    answer(&state, &actor, id).await
}

/// A programme's waitlist in the order places are offered: priority, then waiting time.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/waitlist", operation_id = "listWaitlist", tag = "intake",
    params(
        ("org" = String, Path, description = "The organisation's slug"),
        ("programme" = String, Path, description = "The programme's id or slug"),
    ),
    responses(
        (status = 200, description = "Waitlisted applications, next in line first", body = Items<ApplicationSummary>),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such programme here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_waitlist(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path((org, programme)): Path<(String, String)>,
) -> Result<Json<Items<ApplicationSummary>>, WebError> {
    let actor = intake_worker(&state, &caller, &org).await?;
    let programme = programme_of(&state, &actor, &programme).await?;
    let found = service::waitlist(&state, &actor, programme.id).await?;
    Ok(Json(Items { items: found.iter().map(summary_json).collect() }))
}
