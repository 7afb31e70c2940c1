//! Moving an application through the pipeline: stage moves, enrolment, pre-conversations,
//! details, merging duplicates.

use super::create::OPEN_FOR_APPLICATIONS;
use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::services::audit::commit_done;
use crate::services::intake::access::visible_application;
use crate::services::intake::consents as consent_service;
use crate::AppState;
use samla_domain::intake::consent::Purpose;
use samla_domain::intake::enrolment::{OfferStatus, ParticipantRole};
use samla_domain::intake::household::HouseholdRole;
use samla_domain::intake::stage::{self, EventKind, Stage};
use samla_domain::validation::{optional_text, required_line};
use samla_domain::{FieldError, FieldErrors};
use samla_storage::intake::applications::{self, Application};
use samla_storage::intake::households::{self};
use samla_storage::intake::offers::{self};
use samla_storage::intake::{channels, settings};
use samla_storage::{courses, programmes, WriteTx};

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
        offers::close_open(&mut tx.tx, id, OfferStatus::Withdrawn, now).await?;
    }
    let version = applications::set_stage(&mut tx.tx, id, target.as_str(), Some(current.version), now).await?;
    applications::add_event(&mut tx.tx, id, now, Some(actor.user_id), Some(from.as_str()), target.as_str(), &note)
        .await?;
    commit_done(tx, actor, "application.move", ("application", id), now).await?;
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
    let organisation = OrgContext::load(&mut tx.tx, organisation_id).await?;
    let intake = settings::get(&mut tx.tx, organisation_id).await?;
    let missing = consent_service::missing_for(
        &mut tx.tx,
        application,
        Purpose::Participation,
        organisation.today(&state.clock),
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
        ParticipantRole::Participant,
        application.channel_id,
        now,
    )
    .await?;
    let participant = households::get_person(&mut tx.tx, organisation_id, application.participant_id).await?;
    if participant.household_role == HouseholdRole::Child {
        for guardian in households::members(&mut tx.tx, application.household_id).await? {
            if guardian.household_role == HouseholdRole::Guardian {
                samla_storage::intake::participants::enrol(
                    &mut tx.tx,
                    course_id,
                    guardian.id,
                    Some(application.id),
                    ParticipantRole::Parent,
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
    let held_on = errors.take(samla_domain::validation::day("held_on", &form.held_on));
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
        if day > actor.organisation.today(&state.clock) + chrono::Duration::days(1) {
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
    commit_done(tx, actor, "application.pre_conversation", ("application", id), now).await?;
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
        if version.programme_id != current.programme_id || !OPEN_FOR_APPLICATIONS.contains(&course.status) {
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
    commit_done(tx, actor, "application.update", ("application", id), now).await?;
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
    applications::add_system_event(
        &mut tx.tx,
        into,
        now,
        Some(actor.user_id),
        &keep.stage,
        EventKind::Merged,
        &fold.reference,
    )
    .await?;
    commit_done(tx, actor, "application.merge", ("application", into), now).await?;
    Ok(())
}
