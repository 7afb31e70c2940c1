//! Meetings over JSON: a course's meetings, scheduling one, its record (agenda, minutes,
//! agreements) and its guests from outside.
//!
//! A meeting about one participant names them (`participant_id`, `participant_name`)
//! only to those who may see participants' names; the record and guests only to those who
//! may also read the course's session records (not a secretary). A meeting without a
//! record answers with an empty one at version 0 (ETag `"v0"`); the first write may come
//! without `If-Match` (or with `If-None-Match: *`), later ones need the ETag of the
//! version they change (428 without it, 412 when it is older), except that the first
//! write sent again unchanged by the same caller gets the first answer again.

use crate::api::conventions::{
    CourseClosed, CoursePath, CourseRecorderProblems, CourseWorkingGroupProblems, InvalidGuest, MalformedRequest,
    MeetingClosed, MeetingGuestPath, MeetingGuestRecorderProblems, MeetingNotFound, MeetingPath, MeetingRecordIfMatch,
    MeetingRecorderProblems, NoValidToken, OrgSlug, Saved,
};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, CreateOrReplace, Items, OrgCaller, Problem, Versioned};
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::running::meetings::{
    self as service, ClosingPlanForm, MeetingRow, MeetingView, RecordForm, ScheduleForm,
};
use crate::services::running::Replaces;
use crate::AppState;
use axum::http::header::LOCATION;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, put};
use axum::{Json, Router};
use samla_domain::validation::{optional_line, optional_text, required_line};
use samla_domain::{Action, FieldErrors};
use samla_storage::running::meetings::{Guest, Meeting as StoredMeeting};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const SESSION: &str = "/organisations/{org}/sessions/{session_id}";
    Router::new()
        .route("/organisations/{org}/courses/{course_id}/meetings", get(list_course_meetings).post(schedule_meeting))
        .route(
            "/organisations/{org}/courses/{course_id}/meetings/closing-conversations",
            axum::routing::post(plan_closing_conversations),
        )
        .route(&format!("{SESSION}/record"), get(get_meeting_record).put(put_meeting_record))
        .route(&format!("{SESSION}/guests"), axum::routing::post(add_meeting_guest))
        .route(&format!("{SESSION}/guests/{{guest_id}}"), put(update_meeting_guest).delete(remove_meeting_guest))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_course_meetings,
        schedule_meeting,
        plan_closing_conversations,
        get_meeting_record,
        put_meeting_record,
        add_meeting_guest,
        update_meeting_guest,
        remove_meeting_guest,
    ),
    components(schemas(
        Meeting,
        MeetingKindName,
        AudienceName,
        NewMeeting,
        ClosingConversationsPlan,
        ClosingConversationsPlanned,
        MeetingRecord,
        MeetingRecordUpdate,
        MeetingGuest,
        NewMeetingGuest,
        NetworkSharing,
        NamedParticipant,
    ))
)]
pub struct Doc;

/// What kind of meeting it is.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKindName {
    ParentMeeting,
    FamilySession,
    NetworkMeeting,
    ClosingConversation,
    FollowUp,
    InformationMeeting,
    PreConversation,
    Supervision,
}

impl MeetingKindName {
    const ALL: [MeetingKindName; 8] = [
        MeetingKindName::ParentMeeting,
        MeetingKindName::FamilySession,
        MeetingKindName::NetworkMeeting,
        MeetingKindName::ClosingConversation,
        MeetingKindName::FollowUp,
        MeetingKindName::InformationMeeting,
        MeetingKindName::PreConversation,
        MeetingKindName::Supervision,
    ];

    fn code(self) -> &'static str {
        match self {
            MeetingKindName::ParentMeeting => "parent_meeting",
            MeetingKindName::FamilySession => "family_session",
            MeetingKindName::NetworkMeeting => "network_meeting",
            MeetingKindName::ClosingConversation => "closing_conversation",
            MeetingKindName::FollowUp => "follow_up",
            MeetingKindName::InformationMeeting => "information_meeting",
            MeetingKindName::PreConversation => "pre_conversation",
            MeetingKindName::Supervision => "supervision",
        }
    }

    fn parse(raw: &str) -> Option<MeetingKindName> {
        Self::ALL.into_iter().find(|k| k.code() == raw)
    }
}

/// Whom a meeting is for.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum AudienceName {
    Participants,
    Parents,
    Family,
    Network,
}

impl AudienceName {
    fn code(self) -> &'static str {
        match self {
            AudienceName::Participants => "participants",
            AudienceName::Parents => "parents",
            AudienceName::Family => "family",
            AudienceName::Network => "network",
        }
    }
}

name_from!(samla_domain::programmes::Audience => AudienceName { Participants, Parents, Family, Network });

/// A meeting of a course.
#[derive(Serialize, ToSchema)]
pub struct Meeting {
    pub id: i64,
    pub course_id: i64,
    /// None for a meeting added without a kind (addSession with `meeting`).
    pub meeting_kind: Option<MeetingKindName>,
    /// Empty: show the kind's name. Never names a participant.
    pub title: String,
    pub audience: AudienceName,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    pub start_time: String,
    pub end_time: String,
    pub room: String,
    /// planned or cancelled.
    pub status: String,
    pub cancel_reason: Option<String>,
    /// Whether the meeting is about one participant and their family.
    pub about_one_participant: bool,
    /// Which participant (course participant id); only for those who may see
    /// participants' names, otherwise none.
    pub participant_id: Option<i64>,
    pub participant_name: Option<String>,
    pub version: i64,
}

fn meeting_json(meeting: &StoredMeeting, participant: Option<(i64, String)>) -> Meeting {
    Meeting {
        id: meeting.id,
        course_id: meeting.course_id,
        meeting_kind: meeting.meeting_kind.as_deref().and_then(MeetingKindName::parse),
        title: meeting.title.clone(),
        audience: meeting.audience.into(),
        date: meeting.date.clone(),
        start_time: meeting.start_time.clone(),
        end_time: meeting.end_time.clone(),
        room: meeting.room.clone(),
        status: meeting.status.as_str().to_string(),
        cancel_reason: meeting.cancel_reason.clone(),
        about_one_participant: meeting.participant_id.is_some(),
        participant_id: participant.as_ref().map(|(id, _)| *id),
        participant_name: participant.map(|(_, name)| name),
        version: meeting.version,
    }
}

fn row_json(row: &MeetingRow) -> Meeting {
    let participant = row.meeting.participant_id.zip(row.participant_name.clone());
    meeting_json(&row.meeting, participant)
}

/// The course's meetings, earliest first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/meetings", operation_id = "listCourseMeetings", tag = "running",
    params(CoursePath),
    responses(
        (status = 200, description = "The meetings; participants named only for those who may see their names", body = Items<Meeting>),
        CourseWorkingGroupProblems,
    ))]
pub async fn list_course_meetings(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<Meeting>>, WebError> {
    actor.authorize(&state, Action::ViewCourses).await?;
    let view = service::list(&state, &actor, course_id).await?;
    Ok(Json(view.meetings.iter().map(row_json).collect()))
}

/// A meeting to schedule.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMeeting {
    pub meeting_kind: MeetingKindName,
    /// Left out or empty: the kind's name is shown. Must not name the participant.
    #[serde(default)]
    #[schema(max_length = 200, format = "optional_line")]
    pub title: Option<String>,
    /// Left out: the kind's usual audience.
    #[serde(default)]
    pub audience: Option<AudienceName>,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub start_time: String,
    /// HH:MM, after the start.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub end_time: String,
    /// Left out or empty: the course's room.
    #[serde(default)]
    #[schema(max_length = 100, format = "optional_line")]
    pub room: Option<String>,
    /// For a meeting about one active participant of the course (closing conversation,
    /// follow-up, family session, network meeting, pre-conversation). For a network
    /// meeting the family must have consented to sharing with the network.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub participant_id: Option<i64>,
}

/// An optional single line under the text rule, as the schema states it.
fn check_line(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) {
    errors.take(optional_line(field, raw, max));
}

/// Optional text on several lines under the text rule, as the schema states it.
fn check_text(errors: &mut FieldErrors, field: &str, raw: &str, max: usize) {
    errors.take(optional_text(field, raw, max));
}

/// Plans a meeting.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/meetings", operation_id = "scheduleMeeting", tag = "running",
    params(CoursePath),
    request_body = NewMeeting,
    responses(
        (status = 201, description = "Planned", body = Meeting, headers(("Location" = String, description = "The meeting's record"))),
        CourseRecorderProblems,
        CourseClosed,
        (status = 422, description = "Invalid fields: a date or time that does not exist, the end before the start, a participant not active on the course, a kind of meeting for the whole group, no consent to share with the network, or a title that names the participant", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn schedule_meeting(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewMeeting>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let title = body.title.unwrap_or_default();
    let room = body.room.unwrap_or_default();
    let mut errors = FieldErrors::new();
    check_line(&mut errors, "title", &title, 200);
    check_line(&mut errors, "room", &room, 100);
    errors.finish(|| ())?;
    let form = ScheduleForm {
        meeting_kind: body.meeting_kind.code().to_string(),
        title,
        audience: body.audience.map(|a| a.code().to_string()).unwrap_or_default(),
        date: body.date,
        start_time: body.start_time,
        end_time: body.end_time,
        room,
        participant_id: body.participant_id.map(|id| id.to_string()).unwrap_or_default(),
    };
    let session_id = service::schedule(&state, &actor, course_id, &form).await?;
    let view = service::view(&state, &actor, course_id, session_id).await?;
    let participant = view.meeting.participant_id.zip(view.participant_name.clone());
    Ok((
        StatusCode::CREATED,
        [(LOCATION, format!("/api/v1/organisations/{}/sessions/{session_id}/record", actor.organisation.slug))],
        Json(meeting_json(&view.meeting, participant)),
    ))
}

/// Closing conversations to plan, back to back from a start time, one with each active
/// participant of the course who has no planned one yet.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosingConversationsPlan {
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time: when the first conversation starts.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub start_time: String,
    /// Minutes per conversation; all must end before midnight.
    #[schema(minimum = 15, maximum = 240)]
    #[serde(deserialize_with = "whole::required")]
    pub minutes: u32,
    /// Left out or empty: the course's room.
    #[serde(default)]
    #[schema(max_length = 100, format = "optional_line")]
    pub room: Option<String>,
}

/// What planning closing conversations did.
#[derive(Serialize, ToSchema)]
pub struct ClosingConversationsPlanned {
    /// How many conversations were planned now (0 when every active participant had one).
    pub planned: usize,
    /// The course's planned closing conversations, earliest first; participants named
    /// only for those who may see their names.
    pub items: Vec<Meeting>,
}

/// Plans a closing conversation with each active participant who has no planned one,
/// back to back on one day, as the meetings page does. Sending it again plans nothing
/// more (every participant then has one).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/meetings/closing-conversations", operation_id = "planClosingConversations", tag = "running",
    params(CoursePath),
    request_body = ClosingConversationsPlan,
    responses(
        (status = 200, description = "Planned (`planned` says how many were added)", body = ClosingConversationsPlanned),
        CourseRecorderProblems,
        CourseClosed,
        (status = 422, description = "Invalid fields: a date or time that does not exist, minutes out of range, or conversations that would run past midnight", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn plan_closing_conversations(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<ClosingConversationsPlan>,
) -> Result<Json<ClosingConversationsPlanned>, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let room = body.room.unwrap_or_default();
    let mut errors = FieldErrors::new();
    check_line(&mut errors, "room", &room, 100);
    errors.finish(|| ())?;
    let form =
        ClosingPlanForm { date: body.date, start_time: body.start_time, minutes: body.minutes.to_string(), room };
    let planned = service::plan_closing_conversations(&state, &actor, course_id, &form).await?;
    let view = service::list(&state, &actor, course_id).await?;
    let items = view
        .meetings
        .iter()
        .filter(|row| {
            row.meeting.status.is_planned() && row.meeting.meeting_kind.as_deref() == Some("closing_conversation")
        })
        .map(row_json)
        .collect();
    Ok(Json(ClosingConversationsPlanned { planned, items }))
}

/// A guest from outside the organisation.
#[derive(Serialize, ToSchema)]
pub struct MeetingGuest {
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub attended: bool,
}

fn guest_json(guest: &Guest) -> MeetingGuest {
    MeetingGuest {
        id: guest.id,
        name: guest.name.clone(),
        organisation: guest.organisation.clone(),
        attended: guest.attended != 0,
    }
}

#[derive(Serialize, ToSchema)]
pub struct NamedParticipant {
    pub id: i64,
    pub name: String,
}

/// Who may be named in a meeting shared with the network.
#[derive(Serialize, ToSchema)]
pub struct NetworkSharing {
    /// Active participants whose family consented to sharing with the network.
    pub shareable: Vec<NamedParticipant>,
    /// How many active participants are left out for want of that consent.
    pub left_out: usize,
}

/// A meeting's record and guests.
#[derive(Serialize, ToSchema)]
pub struct MeetingRecord {
    pub meeting: Meeting,
    /// 0 while nothing is written; the ETag carries the same number.
    pub version: i64,
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
    /// Unix seconds.
    pub written_at: Option<i64>,
    /// The name of the person who saved it last.
    pub written_by: Option<String>,
    pub guests: Vec<MeetingGuest>,
    /// For a network meeting (or one for the network): who may be named in it.
    pub network: Option<NetworkSharing>,
}

fn record_json(view: &MeetingView) -> MeetingRecord {
    let participant = view.meeting.participant_id.zip(view.participant_name.clone());
    let record = view.record.as_ref();
    MeetingRecord {
        meeting: meeting_json(&view.meeting, participant),
        version: record.map(|r| r.version).unwrap_or(0),
        agenda: record.map(|r| r.agenda.clone()).unwrap_or_default(),
        minutes: record.map(|r| r.minutes.clone()).unwrap_or_default(),
        agreements: record.map(|r| r.agreements.clone()).unwrap_or_default(),
        written_at: record.map(|r| r.written_at),
        written_by: record.and_then(|r| r.written_by_name.clone()),
        guests: view.guests.iter().map(guest_json).collect(),
        network: view.network.as_ref().map(|n| NetworkSharing {
            shareable: n.shareable.iter().map(|(id, name)| NamedParticipant { id: *id, name: name.clone() }).collect(),
            left_out: n.left_out,
        }),
    }
}

/// The meeting with its record, for someone who may read records: who may see the
/// course's participants and read its session records (a refusal is audited). A
/// secretary sees that a meeting is and when, never its minutes.
async fn readable(state: &AppState, actor: &Actor, session_id: i64) -> Result<MeetingView, WebError> {
    let course_id = service::course_of(state, actor, session_id).await?;
    let course = actor.on_course(state, Action::ViewParticipantContacts, course_id).await?;
    course.also(state, actor, Action::ViewSessionRecords).await?;
    service::view(state, actor, course_id, session_id).await
}

/// The agenda, minutes, agreements and guests of a meeting (an empty record at version
/// 0 while nothing is written). Every read is audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/sessions/{session_id}/record", operation_id = "getMeetingRecord", tag = "running",
    params(OrgSlug, ("session_id" = i64, Path, description = "The meeting's id (a session of kind meeting)")),
    responses(
        (status = 200, description = "The record; version 0 while nothing is written", body = MeetingRecord,
            headers(("ETag" = String, description = "The record's version for If-Match, \"v0\" while nothing is written"))),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed: records are for those who may see the course's participants and read its session records", body = Problem, content_type = "application/problem+json"),
        MeetingNotFound,
    ))]
pub async fn get_meeting_record(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ViewParticipantContacts).await?;
    let view = readable(&state, &actor, session_id).await?;
    let document = record_json(&view);
    Ok(Versioned(document.version, document))
}

/// A meeting's whole record as written. Texts may span several lines.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecordUpdate {
    #[serde(default)]
    #[schema(max_length = 20000, format = "optional_text")]
    pub agenda: String,
    /// For a network meeting: must not name a participant whose family has not consented
    /// to sharing with the network.
    #[serde(default)]
    #[schema(max_length = 20000, format = "optional_text")]
    pub minutes: String,
    #[serde(default)]
    #[schema(max_length = 20000, format = "optional_text")]
    pub agreements: String,
}

/// Saves the whole record of a meeting. The first save may come without If-Match (or
/// with If-None-Match: *); later ones need the ETag of the version they change. A first
/// save sent again unchanged by the same caller (its answer lost) gets the same answer.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/sessions/{session_id}/record", operation_id = "putMeetingRecord", tag = "running",
    params(
        MeetingPath,
        MeetingRecordIfMatch,
        ("If-None-Match" = Option<String>, Header, description = "* to save only if no record exists yet"),
    ),
    request_body = MeetingRecordUpdate,
    responses(
        Saved<MeetingRecord>,
        MeetingRecorderProblems,
        MeetingClosed,
        (status = 412, description = "Someone saved the record since the given version was read (or one exists, with If-None-Match: *)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: a text too long or with control characters, nothing written in any of the three after the text rule, or, in a network meeting, naming a participant without consent to share with the network", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "A record exists and If-Match is missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_meeting_record(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
    precondition: CreateOrReplace,
    ApiJson(body): ApiJson<MeetingRecordUpdate>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of(&state, &actor, session_id).await?;
    actor.on_course(&state, Action::RecordSessionWork, course_id).await?;
    let before = readable(&state, &actor, session_id).await?;
    let current = before.record.as_ref().map(|r| r.version).unwrap_or(0);
    let mut errors = FieldErrors::new();
    check_text(&mut errors, "agenda", &body.agenda, 20_000);
    check_text(&mut errors, "minutes", &body.minutes, 20_000);
    check_text(&mut errors, "agreements", &body.agreements, 20_000);
    errors.finish(|| ())?;
    // A first save sent again after its answer was lost (without If-Match, or with
    // If-None-Match: *) finds the record this caller saved first with exactly these
    // texts: the answer is the same as the first time, not 428 or 412.
    let expected = precondition.expected(current);
    let first_save_again = match expected {
        Err(WebError::PreconditionRequired) | Ok(0) => current != 0 && is_first_save_again(&before, &actor, &body),
        _ => false,
    };
    if first_save_again {
        let document = record_json(&service::view(&state, &actor, course_id, session_id).await?);
        return Ok(Versioned(document.version, document));
    }
    let replaces = if precondition.any_saved() { Replaces::AnySaved } else { Replaces::Version(expected?) };
    let form = RecordForm { agenda: body.agenda, minutes: body.minutes, agreements: body.agreements };
    service::save_record(&state, &actor, course_id, session_id, &form, replaces).await?;
    let view = service::view(&state, &actor, course_id, session_id).await?;
    let document = record_json(&view);
    Ok(Versioned(document.version, document))
}

/// Whether the stored record is the first version, saved by this caller, with exactly
/// these texts (as the service stores them: trimmed).
fn is_first_save_again(view: &MeetingView, actor: &Actor, body: &MeetingRecordUpdate) -> bool {
    let Some(record) = view.record.as_ref() else { return false };
    let Ok(typed) = samla_domain::running::meetings::parse_record(&body.agenda, &body.minutes, &body.agreements, None)
    else {
        return false;
    };
    record.version == 1
        && record.written_by == Some(actor.user_id)
        && record.agenda == typed.agenda
        && record.minutes == typed.minutes
        && record.agreements == typed.agreements
}

/// A guest from outside (the school, the health station, child welfare).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMeetingGuest {
    #[schema(min_length = 1, max_length = 200, format = "required_line")]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 200, format = "optional_line")]
    pub organisation: String,
    /// Whether they came (left out: not yet marked).
    #[serde(default)]
    pub attended: bool,
}

fn check_guest(body: &NewMeetingGuest) -> Result<(), WebError> {
    let mut errors = FieldErrors::new();
    errors.take(required_line("name", &body.name, 200));
    check_line(&mut errors, "organisation", &body.organisation, 200);
    Ok(errors.finish(|| ())?)
}

/// The meeting's guests after a change.
async fn guests_of(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    session_id: i64,
) -> Result<Vec<MeetingGuest>, WebError> {
    Ok(service::view(state, actor, course_id, session_id).await?.guests.iter().map(guest_json).collect())
}

/// Adds a guest to a meeting.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/sessions/{session_id}/guests", operation_id = "addMeetingGuest", tag = "running",
    params(MeetingPath),
    request_body = NewMeetingGuest,
    responses(
        (status = 201, description = "Added", body = MeetingGuest),
        MeetingRecorderProblems,
        MeetingClosed,
        InvalidGuest,
    ))]
pub async fn add_meeting_guest(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewMeetingGuest>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of(&state, &actor, session_id).await?;
    actor.on_course(&state, Action::RecordSessionWork, course_id).await?;
    check_guest(&body)?;
    let guest = (body.name.as_str(), body.organisation.as_str(), body.attended);
    let id = service::add_guest(&state, &actor, course_id, session_id, guest).await?;
    let guest = guests_of(&state, &actor, course_id, session_id).await?.into_iter().find(|g| g.id == id);
    Ok((StatusCode::CREATED, Json(guest.ok_or(WebError::NotFound)?)))
}

/// Changes a guest: name, organisation and whether they came.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/sessions/{session_id}/guests/{guest_id}", operation_id = "updateMeetingGuest", tag = "running",
    params(MeetingGuestPath),
    request_body = NewMeetingGuest,
    responses(
        (status = 200, description = "Changed", body = MeetingGuest),
        MeetingGuestRecorderProblems,
        MeetingClosed,
        InvalidGuest,
    ))]
pub async fn update_meeting_guest(
    OrgCaller(state, actor, (Id(session_id), Id(guest_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<NewMeetingGuest>,
) -> Result<Json<MeetingGuest>, WebError> {
    let (session_id, guest_id) = (session_id, guest_id);
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of(&state, &actor, session_id).await?;
    actor.on_course(&state, Action::RecordSessionWork, course_id).await?;
    check_guest(&body)?;
    let change = (body.name.as_str(), body.organisation.as_str(), body.attended);
    service::update_guest(&state, &actor, course_id, session_id, guest_id, change).await?;
    let guest = guests_of(&state, &actor, course_id, session_id).await?.into_iter().find(|g| g.id == guest_id);
    Ok(Json(guest.ok_or(WebError::NotFound)?))
}

/// Removes a guest from a meeting.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/sessions/{session_id}/guests/{guest_id}", operation_id = "removeMeetingGuest", tag = "running",
    params(MeetingGuestPath),
    responses(
        (status = 204, description = "Removed"),
        MeetingGuestRecorderProblems,
        MeetingClosed,
    ))]
pub async fn remove_meeting_guest(
    OrgCaller(state, actor, (Id(session_id), Id(guest_id))): OrgCaller<(Id, Id)>,
) -> Result<StatusCode, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of(&state, &actor, session_id).await?;
    service::remove_guest(&state, &actor, course_id, session_id, guest_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_domain() {
        for kind in samla_domain::running::meetings::KINDS {
            assert_eq!(MeetingKindName::parse(kind.as_str()).map(MeetingKindName::code), Some(kind.as_str()));
        }
        for audience in samla_domain::running::meetings::AUDIENCES {
            assert_eq!(AudienceName::from(audience).code(), audience.as_str());
        }
    }
}
