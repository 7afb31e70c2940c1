//! Reading applications: one in full (sensitive parts only for those allowed), the board,
//! the waitlist and the stale ones.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::intake::access::{mask_national_id, sees_sensitive, visible_application};
use crate::services::intake::consents as consent_service;
use crate::AppState;
use samla_domain::intake::consent::{self as consent_rules, Missing, Purpose};
use samla_domain::intake::stage::{self, Stage};
use samla_domain::Action;
use samla_storage::intake::applications::{self, Application, Event, Filter, PreConversation, Summary};
use samla_storage::intake::households::{self, Person};
use samla_storage::intake::offers::{self, Offer};
use samla_storage::intake::{consents as consent_store, settings};
use samla_storage::{courses, programmes, StoreError};

/// Everything about one application that the actor may see.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApplicationView {
    pub application: Application,
    /// False: reason, needs, notes and the full national identity number are withheld.
    pub sensitive_visible: bool,
    pub stage: Stage,
    pub participant: Person,
    /// The participant's age on `age_day`.
    pub age: Option<u32>,
    /// The day ages count on for this application: its course's first session, or today.
    pub age_day: chrono::NaiveDate,
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
    let today = actor.organisation.today(&state.clock);
    let mut participant = households::get_person(&mut conn, actor.organisation.id, application.participant_id).await?;
    let mut household = households::members(&mut conn, application.household_id).await?;
    if !sensitive {
        mask_national_id(&mut participant);
        household.iter_mut().for_each(mask_national_id);
    }
    let age_day = consent_service::age_day_for(&mut conn, &application, today).await?;
    let age = participant
        .birth_date
        .as_deref()
        .and_then(crate::services::courses::parse_date)
        .map(|born| consent_rules::age_on(born, age_day));
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
        age_day,
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

/// The board: open applications by stage (or those matching the filter), audited as a
/// read of names.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: &Filter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Summary>, WebError> {
    let only = actor.course_scope(state, Action::ManageIntake).await?.course_ids(state, actor).await?;
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
    let only = actor.course_scope(state, Action::ManageIntake).await?.course_ids(state, actor).await?;
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
    let only = actor.course_scope(state, Action::ManageIntake).await?.course_ids(state, actor).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let intake = settings::get(&mut conn, actor.organisation.id).await?;
    let before = state.clock.now() - intake.stale_after_days * 86_400;
    let mut found = applications::stale(&mut conn, actor.organisation.id, before).await?;
    if let Some(mine) = only {
        found.retain(|a| a.course_id.is_some_and(|c| mine.contains(&c)));
    }
    Ok(found)
}
