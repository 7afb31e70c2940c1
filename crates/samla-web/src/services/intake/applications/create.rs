//! Creating an application: household, persons, consents, receipts, in one transaction.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::services::intake::consents as consent_service;
use crate::services::intake::input::{ApplicationForm, ApplicationInput, ApplicationKind, FormRules};
use crate::services::outbox::{self, OutgoingMail};
use crate::AppState;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::consent::{self as consent_rules};
use samla_domain::intake::household as household_rules;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::intake::reference::reference_code;
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::intake::applications::{self};
use samla_storage::intake::households::{self, NewPerson};
use samla_storage::intake::{channels, settings};
use samla_storage::{audit, courses, programmes, WriteTx};

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
pub const OPEN_FOR_APPLICATIONS: [CourseStatus; 3] =
    [CourseStatus::Draft, CourseStatus::Ready, CourseStatus::Recruiting];

/// Creates an application with its household, persons and consents in one transaction.
pub async fn create(
    state: &AppState,
    organisation: &OrgContext,
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
    organisation: &OrgContext,
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
    let today = organisation.today(&state.clock);
    let rules = FormRules {
        kind,
        national_id_enabled: intake.national_id_enabled == 1,
        today,
        age_day: age_day_of(tx, organisation.id, &form.course_id, today).await?,
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
            household_role: if input.participant_is_child { HouseholdRole::Child } else { HouseholdRole::Adult },
            parental_responsibility: false,
            name: &input.participant.name,
            birth_date: birth_date.as_deref(),
            national_id: input.participant.national_id.as_ref().map(|n| n.as_str()),
            phone: &input.participant.phone,
            email: &input.participant.email,
            sex: input.participant.sex,
        },
        now,
    )
    .await?;
    let mut guardian_ids = Vec::new();
    for (index, guardian) in input.guardians.iter().enumerate() {
        let known = existing.iter().find(|p| {
            p.household_role == HouseholdRole::Guardian && p.name.to_lowercase() == guardian.name.to_lowercase()
        });
        let id = match known {
            Some(person) => {
                // The guardian is in the household already; other details are refused
                // rather than dropped (they are changed on the household page).
                let prefix = if index == 0 { "guardian" } else { "second_guardian" };
                let contradicted =
                    household_rules::contradicts(&person.phone, &person.email, &guardian.phone, &guardian.email);
                if !contradicted.is_empty() {
                    return Err(FieldErrors(
                        contradicted
                            .into_iter()
                            .map(|field| {
                                FieldError::new(format!("{prefix}_{field}"), "error-guardian-known")
                                    .with_arg("name", person.name.clone())
                            })
                            .collect(),
                    )
                    .into());
                }
                person.id
            }
            None => {
                households::add_person(
                    &mut tx.tx,
                    organisation.id,
                    &NewPerson {
                        household_id,
                        household_role: HouseholdRole::Guardian,
                        parental_responsibility: guardian.parental_responsibility,
                        name: &guardian.name,
                        birth_date: None,
                        national_id: None,
                        phone: &guardian.phone,
                        email: &guardian.email,
                        sex: None,
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
    let language = organisation.language();
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

/// The day the participant's age counts on: the first session of the course applied for;
/// today for a programme's waitlist (an unknown course is reported by [`resolve_target`]).
async fn age_day_of(
    tx: &mut WriteTx,
    organisation_id: i64,
    course_id: &str,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, WebError> {
    let Some(course_id) = course_id.trim().parse::<i64>().ok().filter(|id| *id > 0) else {
        return Ok(today);
    };
    match courses::get(&mut tx.tx, organisation_id, course_id).await {
        Ok(course) => crate::services::courses::age_day(&mut tx.tx, &course).await,
        Err(samla_storage::StoreError::NotFound) => Ok(today),
        Err(other) => Err(other.into()),
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
            Origin::Public { .. } => crate::services::intake::public::IN_CATALOGUE.contains(&course.status),
            Origin::Staff { .. } => OPEN_FOR_APPLICATIONS.contains(&course.status),
        };
        if !open {
            return Err(unknown_course().into());
        }
        let version = programmes::version_by_id(&mut tx.tx, course.programme_version_id).await?;
        // A programme given with a course must be the course's, or one of them is wrong.
        if !input.programme.is_empty() {
            let named = match input.programme.parse::<i64>() {
                Ok(id) => programmes::get_visible(&mut tx.tx, organisation_id, id).await.ok(),
                Err(_) => programmes::find_visible_by_slug(&mut tx.tx, organisation_id, &input.programme).await?,
            };
            if named.is_none_or(|p| p.id != version.programme_id) {
                return Err(FieldErrors::single(FieldError::new("programme", "error-programme-not-the-courses")).into());
            }
        }
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
