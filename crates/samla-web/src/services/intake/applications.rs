//! Applications: created from a public form, a phone call or the API; moved through the
//! stages; pre-conversations; duplicates and merging; the intake board.

use super::access::{course_limit, sees_sensitive, visible_application};
use super::input::{ApplicationForm, ApplicationInput, ApplicationKind, FormRules};
use super::{consents as consent_service, today};
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::outbox::{self, OutgoingMail};
use crate::AppState;
use samla_domain::accounts::Language;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::consent::{self as consent_rules, Missing, Purpose};
use samla_domain::intake::reference::reference_code;
use samla_domain::intake::stage::{self, Stage};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::validation::{optional_text, required_line};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::intake::applications::{self, Application, Event, Filter, PreConversation, Summary};
use samla_storage::intake::households::{self, NewPerson, Person};
use samla_storage::intake::offers::{self, Offer};
use samla_storage::intake::{channels, consents as consent_store, settings};
use samla_storage::organisations::Organisation;
use samla_storage::{audit, courses, programmes, StoreError, WriteTx};

/// Who is creating the application.
pub enum Origin<'a> {
    /// A public form: nobody signed in. `submission_key` makes a double submit one record.
    Public { kind: ApplicationKind, submission_key: Option<&'a str> },
    /// Staff entering a call or a paper form, or another system through the API.
    Staff { actor: &'a Actor, via_api: bool },
}

/// What the person who applied receives: the reference to quote on the phone, and the
/// link that lets them withdraw (shown once, sent by mail when an address was given).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Receipt {
    pub application_id: i64,
    pub reference: String,
    #[serde(skip)]
    pub withdraw_url: String,
    /// True when this answers a form or call that was already received.
    #[serde(skip)]
    pub repeated: bool,
}

/// Course statuses in which a course takes applications.
pub const OPEN_FOR_APPLICATIONS: [&str; 3] = ["draft", "ready", "recruiting"];

/// Creates an application with its household, persons and consents in one transaction.
pub async fn create(
    state: &AppState,
    organisation: &Organisation,
    origin: Origin<'_>,
    form: &ApplicationForm,
) -> Result<Receipt, WebError> {
    if let Origin::Staff { actor, .. } = &origin {
        actor.authorize(state, Action::ManageIntake).await?;
    }
    let mut tx = state.store.write().await?;
    let receipt = create_in(&mut tx, state, organisation, &origin, form).await?;
    tx.commit().await?;
    Ok(receipt)
}

/// [`create`] inside the caller's transaction, for a caller that writes more in the
/// same transaction (the API keeps the answer to an `Idempotency-Key` with the new
/// application) and commits. A staff origin must be authorised for
/// [`Action::ManageIntake`] before the transaction begins.
pub async fn create_in(
    tx: &mut WriteTx,
    state: &AppState,
    organisation: &Organisation,
    origin: &Origin<'_>,
    form: &ApplicationForm,
) -> Result<Receipt, WebError> {
    let kind = match origin {
        Origin::Public { kind, .. } => *kind,
        Origin::Staff { .. } => ApplicationKind::Staff,
    };
    let submission_key = match origin {
        Origin::Public { submission_key, .. } => *submission_key,
        Origin::Staff { .. } => None,
    };
    let now = state.clock.now();
    if let Some(key) = submission_key {
        if let Some(earlier) = applications::find_by_submission_key(&mut tx.tx, key).await? {
            return Ok(Receipt {
                application_id: earlier.id,
                reference: earlier.reference,
                withdraw_url: String::new(),
                repeated: true,
            });
        }
    }
    let intake = settings::get(&mut tx.tx, organisation.id).await?;
    let rules = FormRules {
        kind,
        national_id_enabled: intake.national_id_enabled == 1,
        today: today(state, &organisation.country),
    };
    let input = form.parse(&rules)?;
    let (programme_id, course_id) = resolve_target(tx, organisation.id, &input, origin).await?;
    if let Some(channel) = input.channel_id {
        channels::get(&mut tx.tx, organisation.id, channel)
            .await
            .map_err(|_| FieldErrors::single(FieldError::new("channel_id", "error-choice")))?;
    }
    let household_id = match input.household_id {
        Some(id) if matches!(origin, Origin::Staff { .. }) => {
            households::exists(&mut tx.tx, organisation.id, id)
                .await
                .map_err(|_| FieldErrors::single(FieldError::new("household_id", "error-choice")))?;
            id
        }
        _ => households::create_household(&mut tx.tx, organisation.id, now).await?,
    };
    let existing = households::members(&mut tx.tx, household_id).await?;
    let birth_date = input.participant.birth_date.map(|d| d.to_string());
    let participant_id = households::add_person(
        &mut tx.tx,
        organisation.id,
        &NewPerson {
            household_id,
            household_role: if input.participant_is_child { "child" } else { "adult" },
            parental_responsibility: false,
            name: &input.participant.name,
            birth_date: birth_date.as_deref(),
            national_id: input.participant.national_id.as_ref().map(|n| n.as_str()),
            phone: &input.participant.phone,
            email: &input.participant.email,
        },
        now,
    )
    .await?;
    let mut guardian_ids = Vec::new();
    for guardian in &input.guardians {
        let known = existing
            .iter()
            .find(|p| p.household_role == "guardian" && p.name.to_lowercase() == guardian.name.to_lowercase());
        let id = match known {
            Some(person) => person.id,
            None => {
                households::add_person(
                    &mut tx.tx,
                    organisation.id,
                    &NewPerson {
                        household_id,
                        household_role: "guardian",
                        parental_responsibility: guardian.parental_responsibility,
                        name: &guardian.name,
                        birth_date: None,
                        national_id: None,
                        phone: &guardian.phone,
                        email: &guardian.email,
                    },
                    now,
                )
                .await?
            }
        };
        guardian_ids.push(id);
    }
    let contact_person_id = guardian_ids.first().copied().unwrap_or(participant_id);
    let reference = reference_code(rand::random());
    let withdraw_token = random_token(24);
    let referrer = input.referrer.as_ref();
    let application_id = applications::create(
        &mut tx.tx,
        &applications::NewApplication {
            organisation_id: organisation.id,
            reference: &reference,
            programme_id,
            course_id,
            participant_id,
            household_id,
            contact_person_id,
            kind: kind.as_str(),
            channel_id: input.channel_id,
            referrer_name: referrer.map_or("", |r| r.name.as_str()),
            referrer_service: referrer.map_or("", |r| r.service.as_str()),
            referrer_phone: referrer.map_or("", |r| r.phone.as_str()),
            referrer_email: referrer.map_or("", |r| r.email.as_str()),
            reason: &input.reason,
            needs: &input.needs,
            withdraw_token_hash: &hash_secret(&withdraw_token),
            submission_key,
        },
        now,
    )
    .await?;
    if input.priority != 2 {
        applications::update_details(&mut tx.tx, application_id, course_id, input.priority, input.channel_id, now)
            .await?;
    }
    let actor = match origin {
        Origin::Staff { actor, .. } => Some(*actor),
        Origin::Public { .. } => None,
    };
    applications::add_event(&mut tx.tx, application_id, now, actor.map(|a| a.user_id), None, "received", "").await?;
    let method = match origin {
        Origin::Public { .. } => "web",
        Origin::Staff { via_api: true, .. } => "api",
        Origin::Staff { .. } => match form.consent_method.trim() {
            "in_conversation" => "in_conversation",
            _ => "paper",
        },
    };
    for purpose in &input.consents {
        let capacity = if input.participant_is_child {
            consent_rules::Capacity::Guardian
        } else {
            consent_rules::Capacity::Participant
        };
        consent_service::record_in(
            tx,
            organisation.id,
            programme_id,
            consent_service::ConsentGiven {
                giver_id: contact_person_id,
                participant_id,
                purpose: *purpose,
                capacity,
                method,
                recorded_by: actor.map(|a| a.user_id),
            },
            now,
        )
        .await
        .map_err(|e| match e {
            WebError::NotFound => {
                WebError::Invalid(FieldErrors::single(FieldError::new("consents", "error-consent-text-missing")))
            }
            other => other,
        })?;
    }
    let language = organisation_language(organisation);
    let withdraw_url = format!("{}/withdraw/{}", state.config.public_url.trim_end_matches('/'), withdraw_token);
    let contact_email = if input.participant_is_child {
        input.guardians.first().map(|g| g.email.clone()).unwrap_or_default()
    } else {
        input.participant.email.clone()
    };
    if !contact_email.is_empty() {
        outbox::queue(
            tx,
            state,
            OutgoingMail {
                organisation_id: Some(organisation.id),
                to: contact_email,
                template: "application-receipt",
                language,
                args: vec![
                    ("organisation", organisation.name.clone()),
                    ("reference", reference.clone()),
                    ("link", withdraw_url.clone()),
                ],
                related: Some(("application", application_id)),
            },
        )
        .await?;
    }
    if let Some(referrer) = referrer.filter(|r| !r.email.is_empty()) {
        outbox::queue(
            tx,
            state,
            OutgoingMail {
                organisation_id: Some(organisation.id),
                to: referrer.email.clone(),
                template: "referral-receipt",
                language,
                args: vec![("organisation", organisation.name.clone()), ("reference", reference.clone())],
                related: Some(("application", application_id)),
            },
        )
        .await?;
    }
    // The second guardian gives their own consent through a link of their own.
    for (guardian, id) in input.guardians.iter().zip(&guardian_ids).skip(1) {
        if guardian.parental_responsibility && !guardian.email.is_empty() {
            consent_service::send_link_in(
                tx,
                state,
                organisation,
                application_id,
                *id,
                participant_id,
                &guardian.email,
                now,
            )
            .await?;
        }
    }
    let mut event = AuditEvent::new("application.create", Outcome::Success).record("application", application_id);
    event.organisation_id = Some(organisation.id);
    if let Some(actor) = actor {
        event = actor.event("application.create", Outcome::Success).record("application", application_id);
    }
    audit::append(tx, &event, now).await?;
    Ok(Receipt { application_id, reference, withdraw_url, repeated: false })
}

pub fn organisation_language(organisation: &Organisation) -> Language {
    // Danish organisations get the English texts until samla speaks Danish.
    if organisation.country == "DK" {
        Language::English
    } else {
        Language::NorwegianBokmal
    }
}

async fn resolve_target(
    tx: &mut WriteTx,
    organisation_id: i64,
    input: &ApplicationInput,
    origin: &Origin<'_>,
) -> Result<(i64, Option<i64>), WebError> {
    let unknown_course = || FieldErrors::single(FieldError::new("course_id", "error-course-unknown"));
    if let Some(course_id) = input.course_id {
        let course = courses::get(&mut tx.tx, organisation_id, course_id).await.map_err(|_| unknown_course())?;
        let open = match origin {
            Origin::Public { .. } => crate::services::intake::public::IN_CATALOGUE.contains(&course.status.as_str()),
            Origin::Staff { .. } => OPEN_FOR_APPLICATIONS.contains(&course.status.as_str()),
        };
        if !open {
            return Err(unknown_course().into());
        }
        let version = programmes::version_by_id(&mut tx.tx, course.programme_version_id).await?;
        return Ok((version.programme_id, Some(course.id)));
    }
    if matches!(origin, Origin::Public { .. }) {
        return Err(unknown_course().into());
    }
    let programme = match input.programme.parse::<i64>() {
        Ok(id) => programmes::get_visible(&mut tx.tx, organisation_id, id).await.ok(),
        Err(_) => programmes::find_visible_by_slug(&mut tx.tx, organisation_id, &input.programme).await?,
    }
    .ok_or_else(|| FieldErrors::single(FieldError::new("programme", "error-programme-unknown")))?;
    Ok((programme.id, None))
}

/// Everything about one application that the actor may see.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApplicationView {
    pub application: Application,
    /// False: reason, needs, notes and the full national identity number are withheld.
    pub sensitive_visible: bool,
    pub stage: Stage,
    pub participant: Person,
    pub age: Option<u32>,
    pub household: Vec<Person>,
    pub programme_name: String,
    pub course_name: Option<String>,
    pub events: Vec<Event>,
    pub pre_conversations: Vec<PreConversation>,
    pub consents: Vec<consent_store::Consent>,
    /// Consents still needed before the participant can be enrolled.
    pub missing_for_enrolment: Vec<Missing>,
    pub offers: Vec<Offer>,
    /// Other open applications for the same person or a likely duplicate of them.
    pub possible_duplicates: Vec<Summary>,
    pub allowed_moves: Vec<Stage>,
}

/// The application as the actor may see it; the read is audited.
pub async fn view(state: &AppState, actor: &Actor, id: i64) -> Result<ApplicationView, WebError> {
    let application = visible_application(state, actor, id).await?;
    let sensitive = sees_sensitive(state, actor, application.course_id).await?;
    actor
        .record_read(
            state,
            if sensitive { "application.read_sensitive" } else { "application.read" },
            "application",
            id,
        )
        .await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let intake = settings::get(&mut conn, actor.organisation.id).await?;
    let today = today(state, &actor.organisation.country);
    let mut participant = households::get_person(&mut conn, actor.organisation.id, application.participant_id).await?;
    let mut household = households::members(&mut conn, application.household_id).await?;
    if !sensitive {
        mask(&mut participant);
        household.iter_mut().for_each(mask);
    }
    let age = participant
        .birth_date
        .as_deref()
        .and_then(crate::services::courses::parse_date)
        .map(|born| consent_rules::age_on(born, today));
    let programme_name = programmes::get_visible(&mut conn, actor.organisation.id, application.programme_id)
        .await
        .map(|p| p.name)
        .unwrap_or_default();
    let course_name = match application.course_id {
        Some(course_id) => Some(courses::get(&mut conn, actor.organisation.id, course_id).await?.name),
        None => None,
    };
    let mut events = applications::events(&mut conn, id).await?;
    let mut pre_conversations = applications::pre_conversations(&mut conn, id).await?;
    let consents = consent_store::for_participant(&mut conn, application.participant_id).await?;
    let missing_for_enrolment = consent_service::missing_for(
        &mut conn,
        &application,
        Purpose::Participation,
        today,
        intake.child_own_say_from_age as u32,
    )
    .await?;
    let offers = offers::for_application(&mut conn, id).await?;
    let mut possible_duplicates = applications::open_for_person(&mut conn, application.participant_id, id).await?;
    let full_participant = households::get_person(&mut conn, actor.organisation.id, application.participant_id).await?;
    for person in households::possible_duplicates(&mut conn, actor.organisation.id, &full_participant).await? {
        for other in applications::open_for_person(&mut conn, person.id, id).await? {
            if !possible_duplicates.iter().any(|d| d.id == other.id) {
                possible_duplicates.push(other);
            }
        }
    }
    let mut application = application;
    if !sensitive {
        application.reason = String::new();
        application.needs = String::new();
        events.iter_mut().for_each(|e| e.note = String::new());
        pre_conversations.iter_mut().for_each(|c| c.notes = String::new());
    }
    let current = Stage::parse(&application.stage).unwrap_or(Stage::Received);
    let allowed_moves = Stage::ALL.into_iter().filter(|to| stage::may_move(current, *to)).collect();
    Ok(ApplicationView {
        application,
        sensitive_visible: sensitive,
        stage: current,
        participant,
        age,
        household,
        programme_name,
        course_name,
        events,
        pre_conversations,
        consents,
        missing_for_enrolment,
        offers,
        possible_duplicates,
        allowed_moves,
    })
}

fn mask(person: &mut Person) {
    if let Some(id) = person.national_id.as_mut() {
        let shown: String = id.chars().take(6).collect();
        *id = format!("{shown}•••••");
    }
}

/// The board: open applications by stage (or those matching the filter), audited as a
/// read of names.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: &Filter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Summary>, WebError> {
    let scope = actor.authorize(state, Action::ManageIntake).await?;
    let only = course_limit(state, actor, scope).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    // Those limited to their own courses get full pages too: read on past the others'.
    let mut found = Vec::new();
    let mut after = after_id;
    loop {
        let batch = applications::list(&mut conn, actor.organisation.id, filter, after, limit).await?;
        let exhausted = (batch.len() as i64) < limit;
        after = batch.last().map_or(after, |a| a.id);
        found.extend(
            batch
                .into_iter()
                .filter(|a| only.as_ref().is_none_or(|mine| a.course_id.is_some_and(|c| mine.contains(&c)))),
        );
        if exhausted || found.len() as i64 >= limit {
            break;
        }
    }
    found.truncate(limit.max(0) as usize);
    drop(conn);
    actor.record_read(state, "application.list", "organisation", actor.organisation.id).await?;
    Ok(found)
}

/// A programme's waitlist in the order places are offered (priority, then waiting
/// time); audited as a read of names.
pub async fn waitlist(state: &AppState, actor: &Actor, programme_id: i64) -> Result<Vec<Summary>, WebError> {
    let scope = actor.authorize(state, Action::ManageIntake).await?;
    let only = course_limit(state, actor, scope).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut found = applications::waitlist(&mut conn, actor.organisation.id, programme_id).await?;
    if let Some(mine) = only {
        found.retain(|a| a.course_id.is_some_and(|c| mine.contains(&c)));
    }
    drop(conn);
    actor.record_read(state, "application.waitlist", "programme", programme_id).await?;
    Ok(found)
}

/// Applications waiting too long for a first contact (the organisation sets how long).
pub async fn stale(state: &AppState, actor: &Actor) -> Result<Vec<Summary>, WebError> {
    let scope = actor.authorize(state, Action::ManageIntake).await?;
    let only = course_limit(state, actor, scope).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let intake = settings::get(&mut conn, actor.organisation.id).await?;
    let before = state.clock.now() - intake.stale_after_days * 86_400;
    let mut found = applications::stale(&mut conn, actor.organisation.id, before).await?;
    if let Some(mine) = only {
        found.retain(|a| a.course_id.is_some_and(|c| mine.contains(&c)));
    }
    Ok(found)
}

/// A stage move as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MoveForm {
    /// The stage to move to.
    pub stage: String,
    /// What happened (a call, a letter); seen only by those who see the application's contents.
    pub note: String,
}

/// Moves an application to another stage; `expected_version` guards against two people
/// moving it at once. Enrolment needs the participation consents and a course.
pub async fn move_stage(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: &MoveForm,
    expected_version: Option<i64>,
) -> Result<i64, WebError> {
    let application = visible_application(state, actor, id).await?;
    let mut errors = FieldErrors::new();
    let target = errors.take(Stage::parse(form.stage.trim()).ok_or_else(|| FieldError::new("stage", "error-choice")));
    let note = errors.take(optional_text("note", &form.note, 2000));
    errors.finish(|| ())?;
    let (target, note) = (target.unwrap_or(Stage::Received), note.unwrap_or_default());
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let current = applications::get(&mut tx.tx, actor.organisation.id, id).await?;
    if expected_version.is_some_and(|v| v != current.version) {
        return Err(WebError::Stale);
    }
    let from = Stage::parse(&current.stage).unwrap_or(Stage::Received);
    if !stage::may_move(from, target) {
        return Err(WebError::Refused(FieldErrors::single(
            FieldError::new("stage", "error-stage-move")
                .with_arg("from", from.as_str())
                .with_arg("to", target.as_str()),
        )));
    }
    if target == Stage::Offered {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("stage", "error-offer-through-group"))));
    }
    if target == Stage::Enrolled {
        enrol_in(&mut tx, state, actor.organisation.id, &current, Some(actor.user_id), now).await?;
    }
    if matches!(target, Stage::Withdrawn | Stage::Declined | Stage::ReferredElsewhere | Stage::Waitlisted) {
        offers::close_open(&mut tx.tx, id, "withdrawn", now).await?;
    }
    let version = applications::set_stage(&mut tx.tx, id, target.as_str(), Some(current.version), now).await?;
    applications::add_event(&mut tx.tx, id, now, Some(actor.user_id), Some(from.as_str()), target.as_str(), &note)
        .await?;
    audit::append(&mut tx, &actor.event("application.move", Outcome::Success).record("application", id), now).await?;
    tx.commit().await?;
    let _ = application;
    Ok(version)
}

/// Enrols the participant (and the guardians, for the parent sessions) on the
/// application's course, refusing with the missing consents named.
pub async fn enrol_in(
    tx: &mut WriteTx,
    state: &AppState,
    organisation_id: i64,
    application: &Application,
    _by: Option<i64>,
    now: i64,
) -> Result<(), WebError> {
    let Some(course_id) = application.course_id else {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("stage", "error-enrol-needs-course"))));
    };
    let organisation = samla_storage::organisations::get(&mut tx.tx, organisation_id).await?;
    let intake = settings::get(&mut tx.tx, organisation_id).await?;
    let missing = consent_service::missing_for(
        &mut tx.tx,
        application,
        Purpose::Participation,
        today(state, &organisation.country),
        intake.child_own_say_from_age as u32,
    )
    .await?;
    if !missing.is_empty() {
        return Err(WebError::Refused(consent_service::missing_errors("stage", &missing)));
    }
    samla_storage::intake::participants::enrol(
        &mut tx.tx,
        course_id,
        application.participant_id,
        Some(application.id),
        "participant",
        application.channel_id,
        now,
    )
    .await?;
    let participant = households::get_person(&mut tx.tx, organisation_id, application.participant_id).await?;
    if participant.household_role == "child" {
        for guardian in households::members(&mut tx.tx, application.household_id).await? {
            if guardian.household_role == "guardian" {
                samla_storage::intake::participants::enrol(
                    &mut tx.tx,
                    course_id,
                    guardian.id,
                    Some(application.id),
                    "parent",
                    None,
                    now,
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// A pre-conversation as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PreConversationForm {
    /// YYYY-MM-DD.
    pub held_on: String,
    /// Who took part, e.g. "referrer, both leaders, mother".
    pub participants: String,
    /// Seen only by the coordinator and the course's leaders.
    pub notes: String,
    /// continue, offer, waitlist, not_suitable or referred_elsewhere.
    pub outcome: String,
}

pub const PRE_CONVERSATION_OUTCOMES: [&str; 5] =
    ["continue", "offer", "waitlist", "not_suitable", "referred_elsewhere"];

/// Records a pre-conversation (up to three, as SMIL recommends) and moves the
/// application to the pre-conversation stage, or on as the outcome says.
pub async fn record_pre_conversation(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: &PreConversationForm,
) -> Result<i64, WebError> {
    visible_application(state, actor, id).await?;
    let mut errors = FieldErrors::new();
    let held_on = errors.take(crate::services::courses::input_day("held_on", &form.held_on));
    let participants = errors.take(required_line("participants", &form.participants, 300));
    let notes = errors.take(optional_text("notes", &form.notes, 8000));
    let outcome = errors.take(
        PRE_CONVERSATION_OUTCOMES
            .iter()
            .find(|o| **o == form.outcome.trim())
            .copied()
            .ok_or_else(|| FieldError::new("outcome", "error-choice")),
    );
    if let Some(day) = held_on {
        if day > today(state, &actor.organisation.country) + chrono::Duration::days(1) {
            errors.push(FieldError::new("held_on", "error-date-future"));
        }
    }
    errors.finish(|| ())?;
    let (held_on, participants, notes, outcome) = (
        held_on.unwrap_or_default(),
        participants.unwrap_or_default(),
        notes.unwrap_or_default(),
        outcome.unwrap_or("continue"),
    );
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let current = applications::get(&mut tx.tx, actor.organisation.id, id).await?;
    let from = Stage::parse(&current.stage).unwrap_or(Stage::Received);
    if !stage::may_move(from, Stage::PreConversation) {
        return Err(WebError::Refused(FieldErrors::single(
            FieldError::new("outcome", "error-stage-move")
                .with_arg("from", from.as_str())
                .with_arg("to", Stage::PreConversation.as_str()),
        )));
    }
    let held = applications::pre_conversations(&mut tx.tx, id).await?;
    if held.len() as u32 >= stage::MAX_PRE_CONVERSATIONS {
        return Err(WebError::Refused(FieldErrors::single(
            FieldError::new("held_on", "error-pre-conversations-max").with_arg("max", stage::MAX_PRE_CONVERSATIONS),
        )));
    }
    let number = held.len() as i64 + 1;
    let talk_id = applications::add_pre_conversation(
        &mut tx.tx,
        id,
        number,
        &held_on.to_string(),
        &participants,
        &notes,
        outcome,
        actor.user_id,
        now,
    )
    .await?;
    let next = match outcome {
        "waitlist" => Stage::Waitlisted,
        "not_suitable" => Stage::Declined,
        "referred_elsewhere" => Stage::ReferredElsewhere,
        _ => Stage::PreConversation,
    };
    applications::set_stage(&mut tx.tx, id, next.as_str(), None, now).await?;
    applications::add_event(&mut tx.tx, id, now, Some(actor.user_id), Some(from.as_str()), next.as_str(), "").await?;
    audit::append(
        &mut tx,
        &actor.event("application.pre_conversation", Outcome::Success).record("application", id),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(talk_id)
}

/// What the coordinator may change without a stage move.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DetailsForm {
    /// A course id, or empty for the programme's waitlist only.
    pub course_id: String,
    /// 1 (highest) to 3.
    pub priority: String,
    /// A recruitment channel id, or empty.
    pub channel_id: String,
}

pub async fn update_details(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: &DetailsForm,
    expected_version: Option<i64>,
) -> Result<i64, WebError> {
    visible_application(state, actor, id).await?;
    let mut errors = FieldErrors::new();
    let parse_id = |field: &str, raw: &str| -> Result<Option<i64>, FieldError> {
        match raw.trim() {
            "" => Ok(None),
            raw => raw.parse::<i64>().map(Some).map_err(|_| FieldError::new(field, "error-choice")),
        }
    };
    let course_id = errors.take(parse_id("course_id", &form.course_id)).flatten();
    let channel_id = errors.take(parse_id("channel_id", &form.channel_id)).flatten();
    let priority = errors.take(
        form.priority
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=3).contains(p))
            .ok_or_else(|| FieldError::new("priority", "error-priority")),
    );
    errors.finish(|| ())?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let current = applications::get(&mut tx.tx, actor.organisation.id, id).await?;
    if expected_version.is_some_and(|v| v != current.version) {
        return Err(WebError::Stale);
    }
    if let Some(course_id) = course_id {
        let course = courses::get(&mut tx.tx, actor.organisation.id, course_id)
            .await
            .map_err(|_| FieldErrors::single(FieldError::new("course_id", "error-course-unknown")))?;
        let version = programmes::version_by_id(&mut tx.tx, course.programme_version_id).await?;
        if version.programme_id != current.programme_id || !OPEN_FOR_APPLICATIONS.contains(&course.status.as_str()) {
            return Err(FieldErrors::single(FieldError::new("course_id", "error-course-other-programme")).into());
        }
    }
    if let Some(channel_id) = channel_id {
        channels::get(&mut tx.tx, actor.organisation.id, channel_id)
            .await
            .map_err(|_| FieldErrors::single(FieldError::new("channel_id", "error-choice")))?;
    }
    let version =
        applications::update_details(&mut tx.tx, id, course_id, priority.unwrap_or(2), channel_id, now).await?;
    audit::append(&mut tx, &actor.event("application.update", Outcome::Success).record("application", id), now).await?;
    tx.commit().await?;
    Ok(version)
}

/// Folds the duplicate application `from` into `into`: the history, talks, offers and
/// consents follow; persons and households are merged when they differ.
pub async fn merge(state: &AppState, actor: &Actor, into: i64, from: i64) -> Result<(), WebError> {
    visible_application(state, actor, into).await?;
    visible_application(state, actor, from).await?;
    if into == from {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("from", "error-merge-self"))));
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let keep = applications::get(&mut tx.tx, actor.organisation.id, into).await?;
    let fold = applications::get(&mut tx.tx, actor.organisation.id, from).await?;
    if keep.merged_into.is_some() || fold.merged_into.is_some() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("from", "error-merge-merged"))));
    }
    if fold.participant_id != keep.participant_id {
        if samla_storage::intake::participants::is_enrolled_anywhere(&mut tx.tx, fold.participant_id).await? {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new("from", "error-merge-enrolled"))));
        }
        households::merge_person(&mut tx.tx, fold.participant_id, keep.participant_id).await?;
    }
    households::merge_household(&mut tx.tx, fold.household_id, keep.household_id).await?;
    applications::merge(&mut tx.tx, from, into, now).await?;
    applications::add_event(
        &mut tx.tx,
        into,
        now,
        Some(actor.user_id),
        None,
        &keep.stage,
        &format!("merged {}", fold.reference),
    )
    .await?;
    audit::append(&mut tx, &actor.event("application.merge", Outcome::Success).record("application", into), now)
        .await?;
    tx.commit().await?;
    Ok(())
}
