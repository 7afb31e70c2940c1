//! Meetings of a course: parent meetings, family sessions, the network meeting with the
//! school, closing conversations and the follow-up; scheduled, with a record (agenda,
//! minutes, agreements) and guests from outside.
//!
//! The whole working group sees when meetings are; a meeting about one participant
//! never shows the participant's name to anyone who may not see participants' names.
//! The record and guests go to those who may both see participants' contacts and read
//! session records for the course (the record may concern individual families; so a
//! secretary sees when a meeting is, never its minutes); reading them is audited. A network
//! meeting names only participants whose family consented to sharing with the network.

use super::access::is_closed;
use super::Replaces;
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::services::course_access::OnCourse;
use crate::services::courses::SessionForm;
use crate::AppState;
use samla_domain::intake::consent::{self as consent_rules, Capacity, Given, PersonForConsent, Purpose};
use samla_domain::intake::household::HouseholdRole;
use samla_domain::planning::commands::SessionChange;
use samla_domain::programmes::MeetingKind;
use samla_domain::running::meetings as rules;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::Course;
use samla_storage::intake::participants::{self, Participant};
use samla_storage::intake::{households, settings as intake_settings};
use samla_storage::running::meetings::{self as store, Guest, Meeting, NewMeeting, Record, RecordText};
use samla_storage::StoreError;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The course, for recording work on it: the actor records session work there and the
/// course is neither archived nor cancelled.
async fn work_course(state: &AppState, actor: &Actor, course_id: i64) -> Result<OnCourse, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?;
    let course = course.also(state, actor, Action::RecordSessionWork).await?;
    if is_closed(&course) {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("status", "error-course-closed"))));
    }
    Ok(course)
}

/// One meeting in a list, with the participant it is about named only for those who
/// may see participants' names.
#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub meeting: Meeting,
    pub about_one_participant: bool,
    pub participant_name: Option<String>,
}

/// A participant who can be chosen for a meeting about one participant.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Choice {
    pub id: i64,
    pub name: String,
    /// Their family consented to sharing with the network (school, health nurse).
    pub network_consent: bool,
}

pub struct MeetingsView {
    pub course: Course,
    pub meetings: Vec<MeetingRow>,
    pub may_see_names: bool,
    pub may_schedule: bool,
    /// Active participants, for the schedule form (only with names visible and writing allowed).
    pub choices: Vec<Choice>,
    /// Active participants without a planned closing conversation.
    pub without_closing: usize,
}

/// The course's meetings for anyone who sees the course; names only for those who may
/// see participants' names (then the read is audited).
pub async fn list(state: &AppState, actor: &Actor, course_id: i64) -> Result<MeetingsView, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?.into_course();
    let may_see_names =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, course_id).await?;
    let may_schedule = !is_closed(&course)
        && actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let rows = store::for_course(&mut conn, course_id).await?;
    let (names, choices, without_closing) = if may_see_names {
        let enrolled = active_participants(&mut conn, course_id).await?;
        let names: HashMap<i64, String> = participants::for_course(&mut conn, course_id)
            .await?
            .into_iter()
            .filter(|p| p.role.is_participant())
            .map(|p| (p.id, p.name))
            .collect();
        let with_closing = store::participants_with(&mut conn, course_id, "closing_conversation").await?;
        let without_closing = enrolled.iter().filter(|p| !with_closing.contains(&p.id)).count();
        let choices = if may_schedule {
            let consenting = network_sharing_in(&mut conn, actor.organisation.id, course_id).await?;
            enrolled
                .iter()
                .map(|p| Choice {
                    id: p.id,
                    name: p.name.clone(),
                    network_consent: consenting.shareable.iter().any(|(id, _)| *id == p.id),
                })
                .collect()
        } else {
            Vec::new()
        };
        (names, choices, without_closing)
    } else {
        (HashMap::new(), Vec::new(), 0)
    };
    drop(conn);
    if may_see_names {
        actor.record_read(state, "meeting.list", "course", course_id).await?;
    }
    let meetings = rows
        .into_iter()
        .map(|meeting| MeetingRow {
            about_one_participant: meeting.participant_id.is_some(),
            participant_name: meeting.participant_id.and_then(|id| names.get(&id).cloned()),
            meeting,
        })
        .collect();
    Ok(MeetingsView { course, meetings, may_see_names, may_schedule, choices, without_closing })
}

async fn active_participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<Participant>, WebError> {
    Ok(participants::for_course(conn, course_id)
        .await?
        .into_iter()
        .filter(|p| p.role.is_participant() && p.status.is_active())
        .collect())
}

/// Who may be named in a network meeting of the course.
#[derive(Debug, Clone, Default)]
pub struct NetworkSharing {
    /// Active participants whose family's consent to sharing with the network is in
    /// force: (participant id, name).
    pub shareable: Vec<(i64, String)>,
    /// How many active participants are left out for want of that consent.
    pub left_out: usize,
    /// Every participant (dropped out too) who may not be named.
    pub not_shareable_names: Vec<String>,
}

/// Which participants of the course may be named in a network meeting: those for whom
/// every consent the rules ask for to share with the network is given and not withdrawn
/// (an adult participant's own; for a child, every guardian with parental
/// responsibility, and the child's own say from the organisation's age, counted at the
/// course's first session as all of the course's age rules are).
pub async fn network_sharing_in(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course_id: i64,
) -> Result<NetworkSharing, WebError> {
    let own_say_from = intake_settings::get(conn, organisation_id).await?.child_own_say_from_age as u32;
    let course = samla_storage::courses::get(conn, organisation_id, course_id).await?;
    let age_day = crate::services::courses::age_day(conn, &course).await?;
    let enrolled: Vec<Participant> =
        participants::for_course(conn, course_id).await?.into_iter().filter(|p| p.role.is_participant()).collect();
    let mut given: HashMap<i64, Vec<Given>> = HashMap::new();
    for (person_id, giver_id, capacity) in store::network_consents(conn, course_id).await? {
        if let Some(capacity) = Capacity::parse(&capacity) {
            given.entry(person_id).or_default().push(Given {
                person_id: giver_id,
                capacity,
                purpose: Purpose::ShareWithNetwork,
            });
        }
    }
    let mut sharing = NetworkSharing::default();
    for participant in enrolled {
        let household = households::members(conn, participant.household_id).await?;
        let is_child =
            household.iter().any(|p| p.id == participant.person_id && p.household_role == HouseholdRole::Child);
        let guardians = crate::services::intake::consents::guardians_for_consent(&household);
        let age = participant
            .birth_date
            .as_deref()
            .and_then(crate::services::courses::parse_date)
            .map(|born| consent_rules::age_on(born, age_day));
        let person =
            PersonForConsent { person_id: participant.person_id, name: participant.name.clone(), is_child, age };
        let given = given.get(&participant.person_id).map(Vec::as_slice).unwrap_or(&[]);
        let complete =
            consent_rules::missing(Purpose::ShareWithNetwork, &person, &guardians, given, own_say_from).is_empty();
        match (complete, participant.status.is_active()) {
            (true, true) => sharing.shareable.push((participant.id, participant.name)),
            (true, false) => {}
            (false, active) => {
                sharing.left_out += usize::from(active);
                sharing.not_shareable_names.push(participant.name);
            }
        }
    }
    Ok(sharing)
}

/// A meeting scheduled by hand, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ScheduleForm {
    pub meeting_kind: String,
    /// Empty: the kind's name is shown.
    pub title: String,
    /// Empty: the kind's usual audience.
    pub audience: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    /// Empty: the course's room.
    pub room: String,
    /// Empty: the meeting is for the group.
    pub participant_id: String,
}

pub async fn schedule(state: &AppState, actor: &Actor, course_id: i64, form: &ScheduleForm) -> Result<i64, WebError> {
    let course = work_course(state, actor, course_id).await?;
    let mut errors = FieldErrors::new();
    let kind = errors.take(
        rules::parse_kind(form.meeting_kind.trim()).ok_or_else(|| FieldError::new("meeting_kind", "error-choice")),
    );
    let audience = match form.audience.trim() {
        "" => kind.map(rules::default_audience),
        raw => errors.take(rules::parse_audience(raw).ok_or_else(|| FieldError::new("audience", "error-choice"))),
    };
    let slot = match SessionChange::try_from(&SessionForm {
        date: form.date.clone(),
        start_time: form.start_time.clone(),
        end_time: form.end_time.clone(),
        room: form.room.clone(),
        title: String::new(),
        meeting: true,
    }) {
        Ok(slot) => Some(slot),
        Err(more) => {
            errors.0.extend(more.0);
            None
        }
    };
    let participant_id = match form.participant_id.trim() {
        "" => None,
        raw => errors.take(
            raw.parse::<i64>().map_err(|_| FieldError::new("participant_id", "error-meeting-participant-unknown")),
        ),
    };
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let about = match participant_id {
        Some(id) => {
            let found = active_participants(&mut conn, course_id).await?.into_iter().find(|p| p.id == id);
            match (found, kind) {
                (None, _) => {
                    errors.push(FieldError::new("participant_id", "error-meeting-participant-unknown"));
                    None
                }
                (Some(_), Some(kind)) if !rules::may_be_about_one_participant(kind) => {
                    errors.push(FieldError::new("participant_id", "error-meeting-not-about-one"));
                    None
                }
                (Some(p), _) if rules::shares_with_network(kind, audience) => {
                    let sharing = network_sharing_in(&mut conn, actor.organisation.id, course_id).await?;
                    if sharing.shareable.iter().any(|(id, _)| *id == p.id) {
                        Some(p)
                    } else {
                        errors.push(FieldError::new("participant_id", "error-meeting-no-network-consent"));
                        None
                    }
                }
                (Some(p), _) => Some(p),
            }
        }
        None => None,
    };
    drop(conn);
    let title = errors.take(rules::parse_title(&form.title, about.as_ref().map(|p| p.name.as_str())));
    errors.finish(|| ())?;
    let (Some(kind), Some(audience), Some(slot)) = (kind, audience, slot) else {
        return Err(WebError::Internal("schedule form parsed without values".into()));
    };
    let mut tx = state.store.write().await?;
    let session_id = store::schedule(
        &mut tx.tx,
        course_id,
        &NewMeeting {
            meeting_kind: kind.as_str(),
            title: title.as_deref().unwrap_or(""),
            audience,
            date: &slot.date.to_string(),
            start_time: &slot.start.format("%H:%M").to_string(),
            end_time: &slot.end.format("%H:%M").to_string(),
            room: slot.room.as_deref().unwrap_or(&course.room),
            participant_id: about.map(|p| p.id),
        },
    )
    .await?;
    commit_done(tx, actor, "meeting.schedule", ("meeting", session_id), state.clock.now()).await?;
    Ok(session_id)
}

/// Closing conversations planned for every participant who has none, back to back.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ClosingPlanForm {
    pub date: String,
    pub start_time: String,
    /// Minutes per conversation.
    pub minutes: String,
    /// Empty: the course's room.
    pub room: String,
}

/// Plans a closing conversation with each active participant who has no planned one;
/// returns how many were planned.
pub async fn plan_closing_conversations(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    form: &ClosingPlanForm,
) -> Result<usize, WebError> {
    let course = work_course(state, actor, course_id).await?;
    let mut errors = FieldErrors::new();
    let date = errors.take(samla_domain::validation::day("date", &form.date));
    let start = errors.take(
        chrono::NaiveTime::parse_from_str(form.start_time.trim(), "%H:%M")
            .map_err(|_| FieldError::new("start_time", "error-time")),
    );
    let (min, max) = rules::CONVERSATION_MINUTES;
    let minutes = errors.take(
        form.minutes
            .trim()
            .parse::<u32>()
            .map_err(|_| FieldError::new("minutes", "error-number-range").with_arg("min", min).with_arg("max", max)),
    );
    let room = errors.take(samla_domain::validation::optional_line("room", &form.room, 100)).flatten();
    errors.finish(|| ())?;
    let (Some(date), Some(start), Some(minutes)) = (date, start, minutes) else {
        return Err(WebError::Internal("closing plan parsed without values".into()));
    };
    let room = room.unwrap_or_else(|| course.room.clone());
    let mut tx = state.store.write().await?;
    let planned = store::participants_with(&mut tx.tx, course_id, "closing_conversation").await?;
    let waiting: Vec<Participant> =
        active_participants(&mut tx.tx, course_id).await?.into_iter().filter(|p| !planned.contains(&p.id)).collect();
    let slots = rules::back_to_back(start, minutes, waiting.len()).map_err(FieldErrors::single)?;
    for (participant, (from, to)) in waiting.iter().zip(slots) {
        store::schedule(
            &mut tx.tx,
            course_id,
            &NewMeeting {
                meeting_kind: MeetingKind::ClosingConversation.as_str(),
                title: "",
                audience: rules::default_audience(MeetingKind::ClosingConversation),
                date: &date.to_string(),
                start_time: &from.format("%H:%M").to_string(),
                end_time: &to.format("%H:%M").to_string(),
                room: &room,
                participant_id: Some(participant.id),
            },
        )
        .await?;
    }
    commit_done(tx, actor, "meeting.plan_closing", ("course", course_id), state.clock.now()).await?;
    Ok(waiting.len())
}

/// One meeting as a page or API answer shows it.
pub struct MeetingView {
    pub course: Course,
    pub meeting: Meeting,
    pub about_one_participant: bool,
    /// The participant's name, for those who may read the record.
    pub participant_name: Option<String>,
    /// Whether the actor may read the record and guests (and so sees them below).
    pub may_read_record: bool,
    pub may_write: bool,
    pub record: Option<Record>,
    pub guests: Vec<Guest>,
    /// For a meeting shared with the network, who may be named in it.
    pub network: Option<NetworkSharing>,
}

/// The meeting as the actor may see it; a read of its record is audited.
pub async fn view(state: &AppState, actor: &Actor, course_id: i64, session_id: i64) -> Result<MeetingView, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?.into_course();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let meeting = store::get(&mut conn, actor.organisation.id, session_id).await?;
    if meeting.course_id != course_id {
        return Err(WebError::NotFound);
    }
    drop(conn);
    let may_read_record =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, course_id).await?
            && actor.may_on_course(&state.clock, state.store.pool(), Action::ViewSessionRecords, course_id).await?;
    let may_write = !is_closed(&course)
        && meeting.status.is_planned()
        && actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?;
    let mut view = MeetingView {
        about_one_participant: meeting.participant_id.is_some(),
        participant_name: None,
        may_read_record,
        may_write,
        record: None,
        guests: Vec::new(),
        network: None,
        course,
        meeting,
    };
    if !may_read_record {
        return Ok(view);
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    view.record = store::record(&mut conn, session_id).await?;
    view.guests = store::guests(&mut conn, session_id).await?;
    if let Some(participant_id) = view.meeting.participant_id {
        view.participant_name = participants::for_course(&mut conn, course_id)
            .await?
            .into_iter()
            .find(|p| p.id == participant_id)
            .map(|p| p.name);
    }
    if shares_with_network(&view.meeting) {
        view.network = Some(network_sharing_in(&mut conn, actor.organisation.id, course_id).await?);
    }
    drop(conn);
    actor.record_read(state, "meeting.record.read", "meeting", session_id).await?;
    Ok(view)
}

pub fn shares_with_network(meeting: &Meeting) -> bool {
    rules::shares_with_network(meeting.meeting_kind.as_deref().and_then(rules::parse_kind), Some(meeting.audience))
}

/// The meeting, for a change by someone who records session work on the course.
async fn writable_meeting(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
) -> Result<Meeting, WebError> {
    work_course(state, actor, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let meeting = store::get(&mut conn, actor.organisation.id, session_id).await?;
    if meeting.course_id != course_id {
        return Err(WebError::NotFound);
    }
    if !meeting.status.is_planned() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("minutes", "error-meeting-cancelled"))));
    }
    Ok(meeting)
}

/// The course of a meeting found by its id alone (the API names meetings by session id).
pub async fn course_of(state: &AppState, actor: &Actor, session_id: i64) -> Result<i64, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::get(&mut conn, actor.organisation.id, session_id).await?.course_id)
}

/// A meeting's record as typed.
#[derive(Debug, Clone, Default)]
pub struct RecordForm {
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
}

/// Saves the record over the one it replaces (`Replaces::Version(0)`: the first save).
/// For a meeting shared with the network, text naming a participant without consent is
/// refused.
pub async fn save_record(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    form: &RecordForm,
    replaces: Replaces,
) -> Result<i64, WebError> {
    let meeting = writable_meeting(state, actor, course_id, session_id).await?;
    let sharing = if shares_with_network(&meeting) {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        Some(network_sharing_in(&mut conn, actor.organisation.id, course_id).await?)
    } else {
        None
    };
    let shareable: Vec<&str> = sharing.iter().flat_map(|s| s.shareable.iter().map(|(_, name)| name.as_str())).collect();
    let not_shareable: Vec<&str> =
        sharing.iter().flat_map(|s| s.not_shareable_names.iter().map(String::as_str)).collect();
    let record = rules::parse_record(
        &form.agenda,
        &form.minutes,
        &form.agreements,
        sharing.as_ref().map(|_| (&shareable[..], &not_shareable[..])),
    )?;
    let mut tx = state.store.write().await?;
    let expected_version = match replaces {
        Replaces::Version(0) => None,
        Replaces::Version(version) => Some(version),
        Replaces::AnySaved => {
            store::hold_record(&mut tx, session_id).await?;
            Some(store::record(&mut tx.tx, session_id).await?.map(|stored| stored.version).ok_or(WebError::Stale)?)
        }
    };
    let text = RecordText { agenda: &record.agenda, minutes: &record.minutes, agreements: &record.agreements };
    let version =
        store::save_record(&mut tx.tx, session_id, &text, expected_version, actor.user_id, state.clock.now()).await?;
    commit_done(tx, actor, "meeting.record.write", ("meeting", session_id), state.clock.now()).await?;
    Ok(version)
}

/// The stored record (for a conflict: what the other person saved), read by someone
/// allowed to, and audited.
pub async fn current_record(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
) -> Result<Option<Record>, WebError> {
    Ok(view(state, actor, course_id, session_id).await?.record)
}

pub async fn add_guest(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    (name, organisation, attended): (&str, &str, bool),
) -> Result<i64, WebError> {
    writable_meeting(state, actor, course_id, session_id).await?;
    let (name, organisation) = rules::parse_guest(name, organisation)?;
    let mut tx = state.store.write().await?;
    let id = store::add_guest(&mut tx.tx, session_id, &name, &organisation, attended).await?;
    commit_done(tx, actor, "meeting.guest.add", ("meeting", session_id), state.clock.now()).await?;
    Ok(id)
}

pub async fn update_guest(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    guest_id: i64,
    (name, organisation, attended): (&str, &str, bool),
) -> Result<(), WebError> {
    writable_meeting(state, actor, course_id, session_id).await?;
    let (name, organisation) = rules::parse_guest(name, organisation)?;
    let mut tx = state.store.write().await?;
    store::update_guest(&mut tx.tx, session_id, guest_id, &name, &organisation, attended).await?;
    commit_done(tx, actor, "meeting.guest.update", ("meeting", session_id), state.clock.now()).await
}

/// Marks whether a guest came, keeping their name and organisation.
pub async fn set_guest_attended(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    guest_id: i64,
    attended: bool,
) -> Result<(), WebError> {
    writable_meeting(state, actor, course_id, session_id).await?;
    let mut tx = state.store.write().await?;
    let guest = store::guests(&mut tx.tx, session_id).await?.into_iter().find(|g| g.id == guest_id);
    let guest = guest.ok_or(WebError::NotFound)?;
    store::update_guest(&mut tx.tx, session_id, guest_id, &guest.name, &guest.organisation, attended).await?;
    commit_done(tx, actor, "meeting.guest.update", ("meeting", session_id), state.clock.now()).await
}

pub async fn remove_guest(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
    guest_id: i64,
) -> Result<(), WebError> {
    writable_meeting(state, actor, course_id, session_id).await?;
    let mut tx = state.store.write().await?;
    store::remove_guest(&mut tx.tx, session_id, guest_id).await?;
    commit_done(tx, actor, "meeting.guest.remove", ("meeting", session_id), state.clock.now()).await
}
