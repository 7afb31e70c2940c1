//! Consent: versioned texts, consents given on the web or recorded by staff from paper,
//! withdrawal that takes effect at once, links for a second guardian, and the check
//! that names who has not consented when something needs it.

use super::access::visible_application;
use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::services::audit::commit_done;
use crate::services::outbox::{self, OutgoingMail};
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::consent::{
    self as rules, Capacity, Given, GuardianForConsent, Missing, PersonForConsent, Purpose,
};
use samla_domain::intake::household::HouseholdRole;
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::validation::required_text;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::intake::applications::{self, Application};
use samla_storage::intake::consents::{self as store, Consent, ConsentText, NewConsent};
use samla_storage::intake::households;
use samla_storage::{audit, StoreError, WriteTx};
use sqlx::AnyConnection;

/// Days a consent link stays valid.
pub const LINK_DAYS: i64 = 14;

pub struct ConsentGiven {
    pub giver_id: i64,
    pub participant_id: i64,
    pub purpose: Purpose,
    pub capacity: Capacity,
    /// web, paper, in_conversation or api.
    pub method: &'static str,
    pub recorded_by: Option<i64>,
}

/// Records a consent under the text that applies now; NotFound when the organisation
/// has no text for the purpose (nobody can consent to an unwritten text).
pub async fn record_in(
    tx: &mut WriteTx,
    organisation_id: i64,
    programme_id: i64,
    given: ConsentGiven,
    now: i64,
) -> Result<i64, WebError> {
    let text = store::current_text(&mut tx.tx, organisation_id, programme_id, given.purpose.as_str())
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(store::record(
        &mut tx.tx,
        &NewConsent {
            organisation_id,
            giver_id: given.giver_id,
            participant_id: given.participant_id,
            consent_text_id: text.id,
            purpose: given.purpose.as_str(),
            capacity: given.capacity.as_str(),
            method: given.method,
            recorded_by: given.recorded_by,
        },
        now,
    )
    .await?)
}

/// The day an application's age rules count on: the first session of its course, or
/// `today` while it waits for a programme without one.
pub async fn age_day_for(
    conn: &mut AnyConnection,
    application: &Application,
    today: NaiveDate,
) -> Result<NaiveDate, WebError> {
    match application.course_id {
        Some(course_id) => {
            let course = samla_storage::courses::get(conn, application.organisation_id, course_id).await?;
            crate::services::courses::age_day(conn, &course).await
        }
        None => Ok(today),
    }
}

/// The household's guardians, as the consent rules see them.
pub(crate) fn guardians_for_consent(household: &[households::Person]) -> Vec<GuardianForConsent> {
    household
        .iter()
        .filter(|p| p.household_role == HouseholdRole::Guardian)
        .map(|p| GuardianForConsent {
            person_id: p.id,
            name: p.name.clone(),
            parental_responsibility: p.parental_responsibility == 1,
        })
        .collect()
}

/// Who still has to consent to `purpose` for the application's participant; the child's
/// own say counts by the age on the course's first session ([`age_day_for`]).
pub async fn missing_for(
    conn: &mut AnyConnection,
    application: &Application,
    purpose: Purpose,
    today: NaiveDate,
    child_own_say_from_age: u32,
) -> Result<Vec<Missing>, WebError> {
    let age_day = age_day_for(conn, application, today).await?;
    let participant = households::get_person(conn, application.organisation_id, application.participant_id).await?;
    let household = households::members(conn, application.household_id).await?;
    let is_child = participant.household_role == HouseholdRole::Child;
    let age = participant
        .birth_date
        .as_deref()
        .and_then(crate::services::courses::parse_date)
        .map(|born| rules::age_on(born, age_day));
    let guardians = guardians_for_consent(&household);
    let given: Vec<Given> = store::for_participant(conn, participant.id)
        .await?
        .into_iter()
        .filter(|c| c.withdrawn_at.is_none())
        .filter_map(|c| {
            Some(Given {
                person_id: c.giver_id,
                capacity: Capacity::parse(&c.capacity)?,
                purpose: Purpose::parse(&c.purpose)?,
            })
        })
        .collect();
    let person = PersonForConsent { person_id: participant.id, name: participant.name.clone(), is_child, age };
    Ok(rules::missing(purpose, &person, &guardians, &given, child_own_say_from_age))
}

/// One field error per missing consent, naming the person and the consent, so the
/// refusal says exactly what is missing.
pub fn missing_errors(field: &str, missing: &[Missing]) -> FieldErrors {
    FieldErrors(
        missing
            .iter()
            .map(|m| {
                FieldError::new(field, "error-consent-missing")
                    .with_arg("name", m.name.clone())
                    .with_arg("known", if m.name.is_empty() { "no" } else { "yes" })
                    .with_arg("capacity", m.capacity.as_str())
                    .with_arg("purpose", m.purpose.as_str())
            })
            .collect(),
    )
}

/// The consents recorded for an application's participant, withdrawn ones included.
pub async fn list(state: &AppState, actor: &Actor, application_id: i64) -> Result<Vec<Consent>, WebError> {
    let application = visible_application(state, actor, application_id).await?;
    actor.record_read(state, "consent.list", "application", application_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::for_participant(&mut conn, application.participant_id).await?)
}

/// A consent recorded by staff (from paper or a conversation) or by another system.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RecordForm {
    /// The person giving it (a guardian, the participant) — a person id in the household.
    pub giver_id: String,
    /// participation, share_with_network or evaluation.
    pub purpose: String,
    /// participant, guardian or child_own_say.
    pub capacity: String,
    /// paper or in_conversation (the API may also say api).
    pub method: String,
}

pub async fn record(
    state: &AppState,
    actor: &Actor,
    application_id: i64,
    form: &RecordForm,
    via_api: bool,
) -> Result<i64, WebError> {
    let application = visible_application(state, actor, application_id).await?;
    let mut errors = FieldErrors::new();
    let giver_id =
        errors.take(form.giver_id.trim().parse::<i64>().map_err(|_| FieldError::new("giver_id", "error-choice")));
    let purpose =
        errors.take(Purpose::parse(form.purpose.trim()).ok_or_else(|| FieldError::new("purpose", "error-choice")));
    let capacity =
        errors.take(Capacity::parse(form.capacity.trim()).ok_or_else(|| FieldError::new("capacity", "error-choice")));
    let method = errors.take(match (form.method.trim(), via_api) {
        ("paper", _) => Ok("paper"),
        ("in_conversation", _) => Ok("in_conversation"),
        ("api", true) | ("", true) => Ok("api"),
        _ => Err(FieldError::new("method", "error-choice")),
    });
    errors.finish(|| ())?;
    let (giver_id, purpose, capacity, method) = (
        giver_id.unwrap_or(0),
        purpose.unwrap_or(Purpose::Participation),
        capacity.unwrap_or(Capacity::Guardian),
        method.unwrap_or("paper"),
    );
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let household = households::members(&mut tx.tx, application.household_id).await?;
    let Some(giver) = household.iter().find(|p| p.id == giver_id) else {
        return Err(FieldErrors::single(FieldError::new("giver_id", "error-consent-giver")).into());
    };
    let fits = match capacity {
        Capacity::Participant => giver.id == application.participant_id && giver.household_role != HouseholdRole::Child,
        Capacity::Guardian => giver.household_role == HouseholdRole::Guardian,
        Capacity::ChildOwnSay => giver.id == application.participant_id && giver.household_role == HouseholdRole::Child,
    };
    if !fits {
        return Err(FieldErrors::single(FieldError::new("capacity", "error-consent-capacity")).into());
    }
    let id = record_in(
        &mut tx,
        actor.organisation.id,
        application.programme_id,
        ConsentGiven {
            giver_id,
            participant_id: application.participant_id,
            purpose,
            capacity,
            method,
            recorded_by: Some(actor.user_id),
        },
        now,
    )
    .await
    .map_err(|e| match e {
        WebError::NotFound => FieldErrors::single(FieldError::new("purpose", "error-consent-text-missing")).into(),
        other => other,
    })?;
    commit_done(tx, actor, "consent.record", ("consent", id), now).await?;
    Ok(id)
}

/// Withdraws a consent at once; the record stays, with who and when.
pub async fn withdraw(state: &AppState, actor: &Actor, application_id: i64, consent_id: i64) -> Result<(), WebError> {
    let application = visible_application(state, actor, application_id).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let consent = store::get(&mut tx.tx, actor.organisation.id, consent_id).await?;
    if consent.participant_id != application.participant_id {
        return Err(WebError::NotFound);
    }
    store::withdraw(&mut tx.tx, actor.organisation.id, consent_id, Some(actor.user_id), "staff", now).await?;
    commit_done(tx, actor, "consent.withdraw", ("consent", consent_id), now).await?;
    Ok(())
}

/// Sends a person of the household a link to give their own consent.
#[allow(clippy::too_many_arguments)]
pub async fn send_link_in(
    tx: &mut WriteTx,
    state: &AppState,
    organisation: &OrgContext,
    application_id: i64,
    giver_id: i64,
    participant_id: i64,
    email: &str,
    now: i64,
) -> Result<(), WebError> {
    let token = random_token(24);
    store::create_link(
        &mut tx.tx,
        organisation.id,
        &hash_secret(&token),
        giver_id,
        participant_id,
        application_id,
        now + LINK_DAYS * 86_400,
    )
    .await?;
    let url = format!("{}/consent/{}", state.config.public_url.trim_end_matches('/'), token);
    outbox::queue(
        tx,
        state,
        OutgoingMail {
            organisation_id: Some(organisation.id),
            to: email.to_string(),
            template: "consent-request",
            language: organisation.language(),
            args: vec![("organisation", organisation.name.clone()), ("link", url), ("days", LINK_DAYS.to_string())],
            related: Some(("application", application_id)),
        },
    )
    .await?;
    Ok(())
}

/// Staff sends a consent link to a person in the household who has an e-mail address.
pub async fn send_link(state: &AppState, actor: &Actor, application_id: i64, giver_id: i64) -> Result<(), WebError> {
    let application = visible_application(state, actor, application_id).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let household = households::members(&mut tx.tx, application.household_id).await?;
    let Some(giver) = household.iter().find(|p| p.id == giver_id && p.household_role != HouseholdRole::Child) else {
        return Err(FieldErrors::single(FieldError::new("giver_id", "error-consent-giver")).into());
    };
    if giver.email.is_empty() {
        return Err(FieldErrors::single(FieldError::new("giver_id", "error-no-email")).into());
    }
    let email = giver.email.clone();
    send_link_in(
        &mut tx,
        state,
        &actor.organisation,
        application_id,
        giver_id,
        application.participant_id,
        &email,
        now,
    )
    .await?;
    commit_done(tx, actor, "consent.link", ("application", application_id), now).await?;
    Ok(())
}

/// What a consent link shows: whose consent, about whom, and the texts.
pub struct LinkView {
    pub organisation_name: String,
    pub giver_name: String,
    pub participant_first_name: String,
    pub texts: Vec<ConsentText>,
}

pub enum LinkState {
    Open(LinkView),
    Used,
    Expired,
    Unknown,
}

pub async fn open_link(state: &AppState, token: &str) -> Result<LinkState, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let Some(link) = store::find_link(&mut conn, &hash_secret(token)).await? else { return Ok(LinkState::Unknown) };
    if link.used_at.is_some() {
        return Ok(LinkState::Used);
    }
    if link.expires_at < state.clock.now() {
        return Ok(LinkState::Expired);
    }
    let organisation = samla_storage::organisations::get(&mut conn, link.organisation_id).await?;
    let giver = households::get_person(&mut conn, link.organisation_id, link.giver_id).await?;
    let participant = households::get_person(&mut conn, link.organisation_id, link.participant_id).await?;
    let application = applications::get(&mut conn, link.organisation_id, link.application_id).await?;
    let mut texts = Vec::new();
    for purpose in Purpose::ALL {
        if let Some(text) =
            store::current_text(&mut conn, link.organisation_id, application.programme_id, purpose.as_str()).await?
        {
            texts.push(text);
        }
    }
    Ok(LinkState::Open(LinkView {
        organisation_name: organisation.name,
        giver_name: giver.name,
        // The link may be forwarded: show only the child's first name.
        participant_first_name: participant.name.split_whitespace().next().unwrap_or("").to_string(),
        texts,
    }))
}

/// The person behind a consent link gives the consents they ticked; the link is then used.
pub async fn give_by_link(state: &AppState, token: &str, purposes: &[String]) -> Result<LinkState, WebError> {
    let mut chosen = Vec::new();
    for raw in purposes {
        let purpose = Purpose::parse(raw.trim())
            .ok_or_else(|| FieldErrors::single(FieldError::new("consents", "error-choice")))?;
        if !chosen.contains(&purpose) {
            chosen.push(purpose);
        }
    }
    if chosen.is_empty() {
        return Err(FieldErrors::single(FieldError::new("consents", "error-consent-none-chosen")).into());
    }
    let now = state.clock.now();
    let hash = hash_secret(token);
    let mut tx = state.store.write().await?;
    let Some(link) = store::find_link(&mut tx.tx, &hash).await? else { return Ok(LinkState::Unknown) };
    if link.expires_at < now {
        return Ok(LinkState::Expired);
    }
    if !store::use_link(&mut tx.tx, &hash, now).await? {
        return Ok(LinkState::Used);
    }
    let application = applications::get(&mut tx.tx, link.organisation_id, link.application_id).await?;
    let giver = households::get_person(&mut tx.tx, link.organisation_id, link.giver_id).await?;
    let capacity = if giver.id == link.participant_id { Capacity::Participant } else { Capacity::Guardian };
    for purpose in chosen {
        record_in(
            &mut tx,
            link.organisation_id,
            application.programme_id,
            ConsentGiven {
                giver_id: giver.id,
                participant_id: link.participant_id,
                purpose,
                capacity,
                method: "web",
                recorded_by: None,
            },
            now,
        )
        .await?;
    }
    let mut event = AuditEvent::new("consent.give_by_link", Outcome::Success).record("application", application.id);
    event.organisation_id = Some(link.organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(LinkState::Used)
}

/// Every version of the organisation's consent texts.
pub async fn texts(state: &AppState, actor: &Actor) -> Result<Vec<ConsentText>, WebError> {
    super::settings::may_read(state, actor).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::texts(&mut conn, actor.organisation.id).await?)
}

/// A new version of a consent text as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TextForm {
    /// participation, share_with_network or evaluation.
    pub purpose: String,
    /// A programme's id or slug for a programme's own text; empty for the whole organisation.
    pub programme: String,
    /// What is recorded, why, who sees it, how long it is kept, how to withdraw.
    pub body: String,
}

/// Adds the next version; consents already given keep the version they were given under.
pub async fn add_text(state: &AppState, actor: &Actor, form: &TextForm) -> Result<(i64, i64), WebError> {
    actor.authorize(state, Action::ConfigureIntake).await?;
    let mut errors = FieldErrors::new();
    let purpose =
        errors.take(Purpose::parse(form.purpose.trim()).ok_or_else(|| FieldError::new("purpose", "error-choice")));
    let body = errors.take(required_text("body", &form.body, 20_000));
    errors.finish(|| ())?;
    let programme_id = match form.programme.trim() {
        "" => None,
        raw => Some(
            crate::services::programmes::find(state, actor, raw)
                .await
                .map_err(|_| FieldErrors::single(FieldError::new("programme", "error-programme-unknown")))?
                .id,
        ),
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let (id, version) = store::add_text(
        &mut tx.tx,
        actor.organisation.id,
        programme_id,
        purpose.unwrap_or(Purpose::Participation).as_str(),
        &body.unwrap_or_default(),
        Some(actor.user_id),
        now,
    )
    .await?;
    commit_done(tx, actor, "consent_text.add", ("consent_text", id), now).await?;
    Ok((id, version))
}

/// The texts a public form shows for a programme: (purpose, text), those that exist.
pub async fn current_texts(
    conn: &mut AnyConnection,
    organisation_id: i64,
    programme_id: i64,
) -> Result<Vec<ConsentText>, WebError> {
    let mut found = Vec::new();
    for purpose in Purpose::ALL {
        if let Some(text) = store::current_text(conn, organisation_id, programme_id, purpose.as_str()).await? {
            found.push(text);
        }
    }
    Ok(found)
}
