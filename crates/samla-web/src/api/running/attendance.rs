//! A session for running it, its attendance sheet, absence notices and the caller's
//! sessions of today, over JSON.
//!
//! A session without a sheet answers with an empty one at version 0 (ETag `"v0"`). The
//! first save may come without `If-Match` (or with `If-None-Match: *`); once a sheet is
//! saved a save needs `If-Match` (428 without it, 412 when it names an older version).
//! An `Idempotency-Key` makes a resend after a lost connection safe: the same key with
//! the same sheet answers as the first save did and writes nothing, also when the first
//! save needed no `If-Match` and the resend has none. Names of participants
//! are shown only to those who may see participants' contacts; others get counts.

mod schema;

pub use schema::*;

use crate::api::conventions::{
    AttendanceIfMatch, MalformedOrIdempotencyKey, MalformedRequest, NoValidToken, OrgSlug, OrganisationNotFound,
    RecordersOnly, SessionNotFound, SessionPath, SessionRecorderProblems, SessionWorkingGroupProblems,
};
use crate::api::extract::Id;
use crate::api::{ApiJson, ApiQuery, CreateOrReplace, OrgCaller, OrgPath, Problem, Versioned};
use crate::auth::{Actor, ApiCaller};
use crate::error::WebError;
use crate::services::running::attendance::{self as service, NoticeInput, Replaces, SheetInput, TODAY_DAYS};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use samla_domain::{FieldError, FieldErrors};
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    const SESSION: &str = "/organisations/{org}/sessions/{session_id}";
    Router::new()
        .route(SESSION, get(get_session))
        .route(&format!("{SESSION}/attendance"), get(get_session_attendance).put(put_session_attendance))
        .route(&format!("{SESSION}/absence-notices"), post(create_absence_notice))
        .route(&format!("{SESSION}/absence-notices/{{participant_id}}"), delete(delete_absence_notice))
        .route("/organisations/{org}/today", get(get_today))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        get_session,
        get_session_attendance,
        put_session_attendance,
        create_absence_notice,
        delete_absence_notice,
        get_today,
    ),
    components(schemas(
        RunningSession,
        SessionCourse,
        SessionKindName,
        SessionStatusName,
        ExpectedParticipant,
        ExpectedGuardian,
        AttendanceShape,
        AbsenceNotice,
        AttendanceName,
        AttendanceSheet,
        AttendanceCounts,
        AttendanceEntry,
        GuardianAttendanceEntry,
        AttendanceUpdate,
        AttendanceLine,
        GuardianLine,
        NewAbsenceNotice,
        Today,
        service::PlanView,
        service::Segment,
    ))
)]
pub struct Doc;

async fn load(state: &AppState, actor: Actor, session_id: i64) -> Result<(Actor, service::SessionView), WebError> {
    let view = service::load(state, &actor, None, session_id).await?;
    Ok((actor, view))
}

/// A session or meeting for running it: the plan, who is expected by the session's
/// audience (the children, their guardians, or both; names only for those who may see
/// participants' contacts, a count for everyone), absence notices, and whether attendance
/// and the log are recorded.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/sessions/{session_id}", operation_id = "getSession", tag = "running",
    params(SessionPath),
    responses(
        (status = 200, description = "The session", body = RunningSession),
        SessionWorkingGroupProblems,
    ))]
pub async fn get_session(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
) -> Result<Json<RunningSession>, WebError> {
    let (_, view) = load(&state, actor, session_id).await?;
    Ok(Json(session_json(&view)))
}

/// The attendance sheet of a session: an empty one at version 0 while nothing is saved.
/// Lines name participants only for those who may see participants' contacts; others get
/// the counts.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/sessions/{session_id}/attendance", operation_id = "getSessionAttendance", tag = "running",
    params(SessionPath),
    responses(
        (status = 200, description = "The sheet; version 0 while nothing is saved", body = AttendanceSheet,
            headers(("ETag" = String, description = "The sheet's version for If-Match, \"v0\" while nothing is saved"))),
        SessionWorkingGroupProblems,
    ))]
pub async fn get_session_attendance(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    let (_, view) = load(&state, actor, session_id).await?;
    Ok(Versioned(view.version(), sheet_json(&view)))
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

/// Saves the whole attendance of a session in one transaction: a line for every expected
/// participant and guardian (as the session's audience has it, see `sheet_shape` of
/// getSession), the adults counted where the audience counts them, and the staff present. The first save may come
/// without If-Match (or with If-None-Match: *); later ones need the ETag of the version
/// they replace. A resend with the same Idempotency-Key and the same sheet answers as the
/// first save did and writes nothing, with or without the preconditions the first save
/// was sent with.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/sessions/{session_id}/attendance", operation_id = "putSessionAttendance", tag = "running",
    params(
        SessionPath,
        AttendanceIfMatch,
        ("If-None-Match" = Option<String>, Header, description = "* to save only if no sheet is saved yet"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, max_length = 255, pattern = r"^[!-~]+$",
            description = "A key of the caller's choosing (e.g. a UUID), new for each sheet the caller means to save. A resend with the same key and the same sheet answers 200 with the saved sheet (header Idempotent-Replayed: true) and writes nothing."),
    ),
    request_body = AttendanceUpdate,
    responses(
        (status = 200, description = "Saved (or, for a resend with the same Idempotency-Key, saved before)", body = AttendanceSheet,
            headers(
                ("ETag" = String, description = "The new version"),
                ("Idempotent-Replayed" = String, description = "`true` when this repeats the answer to an earlier save"),
            )),
        MalformedOrIdempotencyKey,
        NoValidToken,
        RecordersOnly,
        SessionNotFound,
        (status = 412, description = "Someone saved the sheet since the given version was read (or one is saved, with If-None-Match: *)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid sheet, every problem named by field: a participant or guardian missing, not expected or twice (`attendance.<participant_id>`, `guardian.<person_id>`), a note too long or with control characters, parents or family members counted where the session's audience has none (`parents`, `family_members`: a children's session counts neither) or too many, someone not on the course's staff; or a session that is cancelled, still to come or on a closed course", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "A sheet is saved and If-Match is missing (and the request is no resend of that save with its Idempotency-Key)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_session_attendance(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, Id(session_id)): OrgPath<Id>,
    precondition: CreateOrReplace,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AttendanceUpdate>,
) -> Result<Response, WebError> {
    // Not `OrgCaller`: a malformed Idempotency-Key is refused before the organisation is
    // looked up, as it always was.
    let key = idempotency_key(&headers)?;
    let actor = caller.in_organisation(&state, &org).await?;
    service::recordable(&state, &actor, None, session_id).await?;
    let current = service::current_version(&state, session_id).await?;
    let input = SheetInput {
        sheet: body.into_sheet(),
        // Without If-Match over a saved sheet: 428, unless this repeats the saved submission
        // (the service checks that first).
        expected_version: match precondition.any_saved() {
            true => Some(Replaces::AnySaved),
            false => precondition.expected_unless_repeat(current)?.map(Replaces::Version),
        },
        // Kept per caller, so one caller's key never answers for another's save.
        submission_key: key.map(|k| format!("api:{}:{k}", actor.user_id)),
    };
    let (outcome, view) = service::save_sheet_and_read(&state, &actor, session_id, &input).await?;
    let mut response = Versioned(view.version(), sheet_json(&view)).into_response();
    if outcome.repeated {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

/// Records that a participant will be away from a session (replacing the note of a
/// notice already given). At a session for parents it says the child's family will be
/// away: their guardians start as away with notice on the sheet.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/sessions/{session_id}/absence-notices", operation_id = "createAbsenceNotice", tag = "running",
    params(SessionPath),
    request_body = NewAbsenceNotice,
    responses(
        (status = 201, description = "Recorded", body = AbsenceNotice),
        (status = 200, description = "A notice was already recorded; its note is replaced", body = AbsenceNotice),
        SessionRecorderProblems,
        (status = 422, description = "Not a participant whose family takes part in the session (at a session for parents, a notice for a child marks the child's guardians away), a note too long or with control characters, or a cancelled session or closed course", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_absence_notice(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewAbsenceNotice>,
) -> Result<Response, WebError> {
    let input = NoticeInput { participant_id: Some(body.participant_id), note: body.note.unwrap_or_default() };
    let created = service::record_notice(&state, &actor, None, session_id, &input).await?;
    let view = service::load(&state, &actor, None, session_id).await?;
    let notice = view.notice_for(body.participant_id).ok_or(WebError::NotFound)?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(notice_json(notice))).into_response())
}

/// Removes an absence notice (the participant will come after all).
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/sessions/{session_id}/absence-notices/{participant_id}", operation_id = "deleteAbsenceNotice", tag = "running",
    params(
        SessionPath,
        ("participant_id" = i64, Path, description = "The participant's id in the course"),
    ),
    responses(
        (status = 204, description = "Removed"),
        MalformedRequest, NoValidToken,
        RecordersOnly,
        (status = 404, description = "No such session here, or no notice for the participant", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A cancelled session or a closed course: its notices stay as they are", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_absence_notice(
    OrgCaller(state, actor, (Id(session_id), Id(participant_id))): OrgCaller<(Id, Id)>,
) -> Result<StatusCode, WebError> {
    service::remove_notice(&state, &actor, None, session_id, participant_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's sessions and meetings from today on: those of the courses they work on
/// (someone who may see every course and works on none gets the organisation's).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/today", operation_id = "getToday", tag = "running",
    params(OrgSlug, TodayParams),
    responses(
        (status = 200, description = "The sessions, earliest first", body = Today),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed to see courses", body = Problem, content_type = "application/problem+json"),
        OrganisationNotFound,
        (status = 422, description = "days out of range", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_today(
    State(state): State<AppState>,
    caller: ApiCaller,
    OrgPath(org, _): OrgPath,
    ApiQuery(params): ApiQuery<TodayParams>,
) -> Result<Json<Today>, WebError> {
    // Not `OrgCaller`: a wrong `days` is refused before the organisation is looked up, as
    // it always was.
    let days = params.days.unwrap_or(TODAY_DAYS);
    if !(0..=MAX_DAYS).contains(&days) {
        let error = FieldError::new("days", "error-number-range").with_arg("min", 0).with_arg("max", MAX_DAYS);
        return Err(FieldErrors::single(error).into());
    }
    let actor = caller.in_organisation(&state, &org).await?;
    let view = service::today(&state, &actor, days).await?;
    Ok(Json(today_json(&view)))
}
