//! What families and referrers reach without an account: the catalogue of upcoming
//! courses, the registration and referral forms, the withdrawal link and the answer to an
//! offer. Answers never reveal whether a person is already known to the organisation.

use super::applications::{self as application_service, Origin, Receipt};
use super::consents::{self as consent_service, current_texts};
use super::input::{ApplicationForm, ApplicationKind};
use crate::error::WebError;
use crate::org::OrgContext;
use crate::AppState;
use samla_domain::accounts::throttle::{ThrottleState, PUBLIC_FORM_PER_ADDRESS};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::enrolment::OfferStatus;
use samla_domain::intake::stage::{EventKind, Stage};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::programmes::Manual;
use samla_domain::secrets::hash_secret;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::intake::channels::{self, Channel};
use samla_storage::intake::consents::ConsentText;
use samla_storage::intake::{applications, offers, settings};
use samla_storage::organisations;
use samla_storage::sessions::{self, Throttle};
use samla_storage::{audit, courses, programmes, StoreError};

/// Course statuses shown in the public catalogue.
pub const IN_CATALOGUE: [CourseStatus; 2] = [CourseStatus::Ready, CourseStatus::Recruiting];

/// One course in the public catalogue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CatalogueEntry {
    pub course_id: i64,
    pub name: String,
    pub programme_name: String,
    pub summary: String,
    pub target_groups: Vec<String>,
    pub age_bands: Vec<(u32, Option<u32>)>,
    pub venue: String,
    pub first_date: String,
    pub last_date: String,
    pub weekdays: String,
    pub start_time: String,
    pub session_count: i64,
    /// Children and families register through a guardian; adults themselves.
    pub for_children: bool,
}

pub struct Catalogue {
    pub organisation: OrgContext,
    pub public_phone: String,
    pub public_email: String,
    pub entries: Vec<CatalogueEntry>,
}

/// What a family is told about how long the organisation keeps their data, and whom to ask.
pub struct PrivacyNotice {
    pub organisation: OrgContext,
    pub public_phone: String,
    pub public_email: String,
    pub rules: Vec<crate::services::privacy::retention::Rule>,
}

/// The organisation's retention rules as its public pages tell them.
pub async fn privacy_notice(state: &AppState, slug: &str) -> Result<PrivacyNotice, WebError> {
    let organisation = organisation(state, slug).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let intake = settings::get(&mut conn, organisation.id).await?;
    let rules = crate::services::privacy::retention::rules_of(&mut conn, organisation.id).await?;
    Ok(PrivacyNotice { organisation, public_phone: intake.public_phone, public_email: intake.public_email, rules })
}

pub async fn organisation(state: &AppState, slug: &str) -> Result<OrgContext, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(organisations::find_by_slug(&mut conn, slug).await?.ok_or(WebError::NotFound)?.into())
}

/// Upcoming courses that take registrations, soonest first.
pub async fn catalogue(state: &AppState, slug: &str) -> Result<Catalogue, WebError> {
    let organisation = organisation(state, slug).await?;
    let today = organisation.today(&state.clock).to_string();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let intake = settings::get(&mut conn, organisation.id).await?;
    let mut entries = Vec::new();
    for course in courses::list(&mut conn, organisation.id, None).await? {
        if !IN_CATALOGUE.contains(&course.status) {
            continue;
        }
        let sessions = courses::sessions(&mut conn, course.id).await?;
        let dates: Vec<&str> = sessions
            .iter()
            .filter(|s| s.kind.is_session() && !s.status.is_cancelled())
            .map(|s| s.date.as_str())
            .collect();
        let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else { continue };
        if **first < *today.as_str() {
            continue;
        }
        let version = programmes::version_by_id(&mut conn, course.programme_version_id).await?;
        let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
        entries.push(CatalogueEntry {
            course_id: course.id,
            name: course.name.clone(),
            programme_name: manual.name.clone(),
            summary: manual.summary.clone(),
            target_groups: manual.target_groups.iter().map(|g| g.as_str().to_string()).collect(),
            age_bands: manual.age_bands.iter().map(|b| (b.min, b.max)).collect(),
            venue: course.venue.clone(),
            first_date: first.to_string(),
            last_date: last.to_string(),
            weekdays: course.weekdays.clone(),
            start_time: course.start_time.clone(),
            session_count: dates.len() as i64,
            for_children: for_children(&manual),
        });
    }
    entries.sort_by(|a, b| a.first_date.cmp(&b.first_date));
    Ok(Catalogue { organisation, public_phone: intake.public_phone, public_email: intake.public_email, entries })
}

fn for_children(manual: &Manual) -> bool {
    use samla_domain::programmes::TargetGroup;
    manual.target_groups.iter().any(|g| matches!(g, TargetGroup::Children | TargetGroup::Adolescents))
        || manual.age_bands.iter().any(|b| b.max.is_some_and(|max| max < 18))
}

/// What a public form needs to show: the course, the channels to choose from, the
/// consent texts and whether to ask for a national identity number.
pub struct FormContext {
    pub organisation: OrgContext,
    pub course: CatalogueEntry,
    pub channels: Vec<Channel>,
    pub consent_texts: Vec<ConsentText>,
    pub national_id_enabled: bool,
    /// Where to call or write with questions (the catalogue's contact details).
    pub public_phone: String,
    pub public_email: String,
}

pub async fn form_context(
    state: &AppState,
    slug: &str,
    course_id: i64,
    kind: ApplicationKind,
) -> Result<FormContext, WebError> {
    let catalogue = catalogue(state, slug).await?;
    let course = catalogue.entries.into_iter().find(|e| e.course_id == course_id).ok_or(WebError::NotFound)?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let organisation = catalogue.organisation;
    let intake = settings::get(&mut conn, organisation.id).await?;
    let channels = channels::list(&mut conn, organisation.id, false)
        .await?
        .into_iter()
        .filter(|c| c.kind.offered_for(kind == ApplicationKind::Referral))
        .collect();
    let course_row = courses::get(&mut conn, organisation.id, course_id).await?;
    let version = programmes::version_by_id(&mut conn, course_row.programme_version_id).await?;
    let consent_texts = current_texts(&mut conn, organisation.id, version.programme_id).await?;
    Ok(FormContext {
        organisation,
        course,
        channels,
        consent_texts,
        national_id_enabled: intake.national_id_enabled == 1,
        public_phone: intake.public_phone,
        public_email: intake.public_email,
    })
}

/// What a public submission led to. A honeypot hit looks like success to the sender and
/// stores nothing.
pub enum Submitted {
    Received(Receipt),
    Ignored,
}

/// A registration or referral from a public form.
pub async fn submit(
    state: &AppState,
    slug: &str,
    kind: ApplicationKind,
    form: &ApplicationForm,
    submission_key: &str,
    honeypot: &str,
    address: &str,
) -> Result<Submitted, WebError> {
    let organisation = organisation(state, slug).await?;
    if !honeypot.trim().is_empty() {
        return Ok(Submitted::Ignored);
    }
    let key = format!("public-form:{}", hash_secret(address));
    let now = state.clock.now();
    {
        let mut tx = state.store.write().await?;
        let previous = sessions::throttle(&mut tx.tx, &key).await?.map(to_state);
        if PUBLIC_FORM_PER_ADDRESS.is_locked(previous, now) {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new("form", "error-too-many-submissions"))));
        }
        let next = PUBLIC_FORM_PER_ADDRESS.after_failure(previous, now);
        sessions::save_throttle(
            &mut tx.tx,
            &key,
            Throttle { failures: next.failures, window_start: next.window_start, locked_until: next.locked_until },
        )
        .await?;
        tx.commit().await?;
    }
    let submission_key = Some(submission_key.trim()).filter(|k| (16..=64).contains(&k.len()));
    let receipt =
        application_service::create(state, &organisation, Origin::Public { kind, submission_key }, form).await?;
    Ok(Submitted::Received(receipt))
}

fn to_state(t: Throttle) -> ThrottleState {
    ThrottleState { failures: t.failures, window_start: t.window_start, locked_until: t.locked_until }
}

/// What the withdrawal link shows.
pub enum WithdrawState {
    Open { reference: String, organisation_name: String },
    AlreadyClosed { reference: String },
    Unknown,
}

pub async fn withdraw_state(state: &AppState, token: &str) -> Result<WithdrawState, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let Some(application) = applications::find_by_withdraw_token(&mut conn, &hash_secret(token)).await? else {
        return Ok(WithdrawState::Unknown);
    };
    let stage = Stage::parse(&application.stage).unwrap_or(Stage::Received);
    if !stage.is_open() {
        return Ok(WithdrawState::AlreadyClosed { reference: application.reference });
    }
    let organisation = organisations::get(&mut conn, application.organisation_id).await?;
    Ok(WithdrawState::Open { reference: application.reference, organisation_name: organisation.name })
}

/// The applicant withdraws: takes effect at once, open offers are closed.
pub async fn withdraw(state: &AppState, token: &str) -> Result<WithdrawState, WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let Some(application) = applications::find_by_withdraw_token(&mut tx.tx, &hash_secret(token)).await? else {
        return Ok(WithdrawState::Unknown);
    };
    let from = Stage::parse(&application.stage).unwrap_or(Stage::Received);
    if !from.is_open() {
        return Ok(WithdrawState::AlreadyClosed { reference: application.reference });
    }
    offers::close_open(&mut tx.tx, application.id, OfferStatus::Withdrawn, now).await?;
    applications::set_stage(&mut tx.tx, application.id, Stage::Withdrawn.as_str(), None, now).await?;
    applications::add_event(&mut tx.tx, application.id, now, None, Some(from.as_str()), "withdrawn", "").await?;
    let mut event =
        AuditEvent::new("application.withdraw_by_link", Outcome::Success).record("application", application.id);
    event.organisation_id = Some(application.organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(WithdrawState::AlreadyClosed { reference: application.reference })
}

/// What an offer link shows.
pub enum OfferState {
    Open { course_name: String, first_date: String, venue: String, deadline_at: i64, organisation_name: String },
    Accepted { enrolled: bool, missing: Vec<String> },
    Declined,
    Expired,
    Unknown,
}

pub async fn offer_state(state: &AppState, token: &str) -> Result<OfferState, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let Some(offer) = offers::find_by_token(&mut conn, &hash_secret(token)).await? else {
        return Ok(OfferState::Unknown);
    };
    match offer.status {
        OfferStatus::Accepted => {
            // Accepted while a consent was missing: say so again until the family is enrolled.
            let application = applications::get_any(&mut conn, offer.application_id).await?;
            if application.stage == Stage::Enrolled.as_str() {
                return Ok(OfferState::Accepted { enrolled: true, missing: Vec::new() });
            }
            let organisation = OrgContext::load(&mut conn, application.organisation_id).await?;
            let intake = settings::get(&mut conn, organisation.id).await?;
            let missing = consent_service::missing_for(
                &mut conn,
                &application,
                samla_domain::intake::consent::Purpose::Participation,
                organisation.today(&state.clock),
                intake.child_own_say_from_age as u32,
            )
            .await?;
            let missing = missing.iter().map(|m| m.name.split_whitespace().next().unwrap_or("").to_string()).collect();
            return Ok(OfferState::Accepted { enrolled: false, missing });
        }
        OfferStatus::Declined => return Ok(OfferState::Declined),
        OfferStatus::Open if offer.deadline_at >= state.clock.now() => {}
        OfferStatus::Open | OfferStatus::Lapsed | OfferStatus::Withdrawn => return Ok(OfferState::Expired),
    }
    let application = applications::get_any(&mut conn, offer.application_id).await?;
    let organisation = organisations::get(&mut conn, application.organisation_id).await?;
    let course = courses::get(&mut conn, organisation.id, offer.course_id).await?;
    Ok(OfferState::Open {
        course_name: course.name,
        first_date: course.start_date,
        venue: course.venue,
        deadline_at: offer.deadline_at,
        organisation_name: organisation.name,
    })
}

/// The family answers an offer. Accepting enrols when every consent to take part is in
/// place; otherwise the acceptance is kept and the page says whose consent is missing.
/// Declining puts the application back on the waitlist when the family asks for that.
pub async fn respond_to_offer(
    state: &AppState,
    token: &str,
    accept: bool,
    keep_waiting: bool,
) -> Result<OfferState, WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let Some(offer) = offers::find_by_token(&mut tx.tx, &hash_secret(token)).await? else {
        return Ok(OfferState::Unknown);
    };
    if offer.status != OfferStatus::Open {
        drop(tx);
        return offer_state(state, token).await;
    }
    if offer.deadline_at < now {
        return Ok(OfferState::Expired);
    }
    let application = applications::get_any(&mut tx.tx, offer.application_id).await?;
    let organisation = OrgContext::load(&mut tx.tx, application.organisation_id).await?;
    let mut event = AuditEvent::new(if accept { "offer.accept" } else { "offer.decline" }, Outcome::Success)
        .record("application", application.id);
    event.organisation_id = Some(organisation.id);
    if !accept {
        offers::respond(&mut tx.tx, offer.id, OfferStatus::Declined, now).await?;
        let next = if keep_waiting { Stage::Waitlisted } else { Stage::Declined };
        applications::set_stage(&mut tx.tx, application.id, next.as_str(), None, now).await?;
        applications::add_event(&mut tx.tx, application.id, now, None, Some("offered"), next.as_str(), "").await?;
        audit::append(&mut tx, &event, now).await?;
        tx.commit().await?;
        return Ok(OfferState::Declined);
    }
    offers::respond(&mut tx.tx, offer.id, OfferStatus::Accepted, now).await?;
    let intake = settings::get(&mut tx.tx, organisation.id).await?;
    let missing = consent_service::missing_for(
        &mut tx.tx,
        &application,
        samla_domain::intake::consent::Purpose::Participation,
        organisation.today(&state.clock),
        intake.child_own_say_from_age as u32,
    )
    .await?;
    let enrolled = missing.is_empty();
    if enrolled {
        application_service::enrol_in(&mut tx, state, organisation.id, &application, None, now).await?;
        applications::set_stage(&mut tx.tx, application.id, Stage::Enrolled.as_str(), None, now).await?;
        applications::add_event(&mut tx.tx, application.id, now, None, Some("offered"), "enrolled", "").await?;
    } else {
        applications::add_system_event(&mut tx.tx, application.id, now, None, "offered", EventKind::OfferAccepted, "")
            .await?;
    }
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    // Only first names on a page reached by a link that may be forwarded.
    let missing = missing.into_iter().map(|m| m.name.split_whitespace().next().unwrap_or("").to_string()).collect();
    Ok(OfferState::Accepted { enrolled, missing })
}
