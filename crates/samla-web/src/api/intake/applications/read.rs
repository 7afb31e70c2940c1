//! Listing and reading applications; sensitive parts are null for those who may not see them.

use super::super::*;
use crate::api::conventions::{
    ApplicationNotFound, ApplicationPath, MalformedRequest, NoValidToken, OrgSlug, OrganisationProblems,
};
use crate::services::intake::applications::{self as service, ApplicationView};
use samla_storage::intake::applications::Filter;
page_params! {
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
    }
}

/// Applications the caller works with, oldest first (merged duplicates left out):
/// the whole organisation for coordinators and secretaries, those for their own
/// courses for group leaders. A read of names, so each call is audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/applications", operation_id = "listApplications", tag = "intake",
    params(OrgSlug, ApplicationParams),
    responses(
        (status = 200, description = "A page of applications", body = Page<ApplicationSummary>),
        OrganisationProblems,
        (status = 422, description = "Invalid filter or paging", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_applications(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<ApplicationParams>,
) -> Result<Json<Page<ApplicationSummary>>, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let (limit, after) = params.page_bounds()?;
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
    let found = service::list(&state, &actor, &filter, after.unwrap_or(0), limit + 1).await?;
    Ok(Json(Page::after_key(found, limit, |a| a.id, |a| summary_json(&a))))
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
    /// `stage`: a move, with the staff's note; `merged`: another application was merged
    /// into this one (the note is its reference); `offer_accepted`: the family accepted an
    /// offer while a consent was still missing.
    #[schema(example = "stage")]
    pub kind: String,
    /// The staff's note on a move, or the merged application's reference; null for those
    /// who may not see the application's sensitive parts.
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
    /// The participant's age on `age_on`.
    pub age: Option<u32>,
    /// The day ages count on: the first session of the application's course (who is a
    /// child and the child's own say are measured there), or today without a course.
    #[schema(value_type = String, format = Date)]
    pub age_on: String,
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

pub(super) fn pre_conversation_json(
    c: &samla_storage::intake::applications::PreConversation,
    sensitive: bool,
) -> PreConversation {
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
        age_on: view.age_day.to_string(),
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
                kind: e.kind.as_str().to_string(),
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
                status: o.status.into(),
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

pub(super) type Answer = Versioned<Application>;

/// The application as the caller may see it, with its ETag.
pub(super) async fn answer(state: &AppState, actor: &Actor, id: i64) -> Result<Answer, WebError> {
    let view = service::view(state, actor, id).await?;
    Ok(Versioned(view.application.version, application_json(&view)))
}

/// One application with its household, history, consents and offers. A read of
/// personal data, audited (as a sensitive read when the caller sees the sensitive parts).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/applications/{application_id}", operation_id = "getApplication", tag = "intake",
    params(ApplicationPath),
    responses(
        (status = 200, description = "The application", body = Application, headers(("ETag" = String, description = "Version for If-Match"))),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed, e.g. a group leader and an application for another course", body = Problem, content_type = "application/problem+json"),
        ApplicationNotFound,
    ))]
pub async fn get_application(
    OrgCaller(state, actor, Id(application_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    answer(&state, &actor, application_id).await
}
