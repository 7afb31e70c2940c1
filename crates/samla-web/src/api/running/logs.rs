//! The session log and homework over JSON. A session that has no log yet answers with an
//! empty log at version 0 (ETag `"v0"`), so a client can always read, then write with the
//! ETag it was given; the first write may also come without `If-Match` (or with
//! `If-None-Match: *`). Once a log exists, a write needs `If-Match` (428 without it, 412
//! when it names an older version).

use crate::api::conventions::{
    MalformedRequest, NoValidToken, OrgSlug, RecordersOnly, Saved, SessionLogIfMatch, SessionLogNotFound, SessionPath,
    SessionRecordReaderProblems, SessionRecordReadersOnly, SessionRecorderProblems,
};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, CreateOrReplace, Items, OrgCaller, Problem, Versioned};
use crate::error::WebError;
use crate::services::running::logs::{self as service, LogView};
use crate::services::running::Replaces;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, put};
use axum::{Json, Router};
use samla_domain::running::log::SessionLog;
use samla_domain::Action;
use samla_storage::running::homework::Homework as StoredHomework;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const SESSION: &str = "/organisations/{org}/sessions/{session_id}";
    Router::new()
        .route(&format!("{SESSION}/log"), get(get_session_log).put(put_session_log))
        .route(&format!("{SESSION}/homework"), get(list_homework).post(create_homework))
        .route("/organisations/{org}/homework/{homework_id}/review", put(review_homework))
}

#[derive(OpenApi)]
#[openapi(
    paths(get_session_log, put_session_log, list_homework, create_homework, review_homework),
    components(schemas(SessionLogDocument, PlannedElement, SessionLogUpdate, Homework, NewHomework, HomeworkReview))
)]
pub struct Doc;

/// One planned part of the session, from the programme's session plan.
#[derive(Serialize, ToSchema)]
pub struct PlannedElement {
    pub name: String,
    pub minutes: u32,
}

/// A session's log. Group-level: it never names a participant.
#[derive(Serialize, ToSchema)]
#[schema(as = SessionLog)]
pub struct SessionLogDocument {
    pub session_id: i64,
    pub course_id: i64,
    /// 1, 2, 3 … among the course's sessions.
    pub session_number: i64,
    /// 0 while no log is written; the ETag carries the same number.
    pub version: i64,
    pub written: bool,
    /// What we did (GJORT).
    pub done: String,
    /// What we learned (LÆRT).
    pub learned: String,
    /// What we noticed (LURT).
    pub noticed: String,
    /// Where the session departed from the plan, and why.
    pub deviations: String,
    /// A note for the next session.
    pub next_time: String,
    /// The session plan's parts, in order.
    pub planned_elements: Vec<PlannedElement>,
    /// One per planned element: whether it was done (all false while no log is written).
    pub elements_done: Vec<bool>,
    /// Percent of the planned elements done, rounded; none without planned elements or
    /// before the log is written.
    pub fidelity: Option<u32>,
    /// Unix seconds.
    pub written_at: Option<i64>,
    /// The name of the person who saved it last.
    pub written_by: Option<String>,
    /// The previous session's note for next time, if it left one.
    pub previous_note: Option<String>,
}

fn log_json(view: &LogView) -> SessionLogDocument {
    let current = view.current();
    SessionLogDocument {
        session_id: view.at.session.id,
        course_id: view.course.id,
        session_number: view.at.number as i64,
        version: view.version(),
        written: view.log.is_some(),
        done: current.done,
        learned: current.learned,
        noticed: current.noticed,
        deviations: current.deviations,
        next_time: current.next_time,
        planned_elements: view
            .at
            .elements()
            .iter()
            .map(|s| PlannedElement { name: s.name.clone(), minutes: s.minutes })
            .collect(),
        elements_done: current.elements_done,
        fidelity: view.fidelity,
        written_at: view.log.as_ref().map(|l| l.written_at),
        written_by: view.log.as_ref().and_then(|l| l.writer_name.clone()),
        previous_note: view.previous_note.clone(),
    }
}

/// The log of one session (an empty one at version 0 while none is written).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/sessions/{session_id}/log", operation_id = "getSessionLog", tag = "running",
    params(SessionPath),
    responses(
        (status = 200, description = "The log; version 0 while none is written", body = SessionLogDocument,
            headers(("ETag" = String, description = "The log's version for If-Match, \"v0\" while none is written"))),
        MalformedRequest, NoValidToken,
        SessionRecordReadersOnly,
        SessionLogNotFound,
    ))]
pub async fn get_session_log(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ViewCourses).await?;
    let course_id = service::course_of_session(&state, &actor, session_id).await?;
    let view = service::view(&state, &actor, course_id, session_id).await?;
    Ok(Versioned(view.version(), log_json(&view)))
}

/// A whole session log as written. Texts may span several lines.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionLogUpdate {
    /// What we did (GJORT).
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub done: String,
    /// What we learned (LÆRT).
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub learned: String,
    /// What we noticed (LURT).
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub noticed: String,
    /// Where the session departed from the plan, and why.
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub deviations: String,
    /// A note for the next session.
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub next_time: String,
    /// Exactly one per planned element of the session (see getSessionLog), in order.
    #[schema(max_items = 200)]
    pub elements_done: Vec<bool>,
}

/// Saves the whole log of a session. The first save may come without If-Match (or with
/// If-None-Match: *); later ones need the ETag of the version they change. Sending the
/// stored log again (with or without the preconditions it was first sent with) changes
/// nothing and answers as the save did.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/sessions/{session_id}/log", operation_id = "putSessionLog", tag = "running",
    params(
        SessionPath,
        SessionLogIfMatch,
        ("If-None-Match" = Option<String>, Header, description = "* to save only if no log exists yet"),
    ),
    request_body = SessionLogUpdate,
    responses(
        Saved<SessionLogDocument>,
        MalformedRequest, NoValidToken,
        RecordersOnly,
        SessionLogNotFound,
        (status = 412, description = "Someone saved the log since the given version was read (or one exists, with If-None-Match: *)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: a text too long or with control characters, not one mark per planned element, no text at all, or a session that is cancelled, still to come or on a closed course", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "A log exists, If-Match is missing and the log sent is not the one stored", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_session_log(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
    precondition: CreateOrReplace,
    ApiJson(body): ApiJson<SessionLogUpdate>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of_session(&state, &actor, session_id).await?;
    let current = service::view(&state, &actor, course_id, session_id).await?.version();
    // Without If-Match over a written log: 428, unless this is the stored log sent again
    // (a resend after a lost answer; the service checks that first).
    let expected = match precondition.any_saved() {
        true => Some(Replaces::AnySaved),
        false => precondition.expected_unless_repeat(current)?.map(Replaces::Version),
    };
    let typed = SessionLog {
        done: body.done,
        learned: body.learned,
        noticed: body.noticed,
        deviations: body.deviations,
        next_time: body.next_time,
        elements_done: body.elements_done,
    };
    service::save(&state, &actor, course_id, session_id, typed, expected).await?;
    let view = service::view(&state, &actor, course_id, session_id).await?;
    Ok(Versioned(view.version(), log_json(&view)))
}

/// Homework given at a session, and how reviewing it went.
#[derive(Serialize, ToSchema)]
pub struct Homework {
    pub id: i64,
    /// The session it was given at.
    pub session_id: i64,
    pub description: String,
    /// The session it was reviewed at; none until reviewed.
    pub reviewed_session_id: Option<i64>,
    pub review_note: String,
    /// Unix seconds.
    pub created_at: i64,
    pub created_by: Option<String>,
}

fn homework_json(h: &StoredHomework) -> Homework {
    Homework {
        id: h.id,
        session_id: h.session_id,
        description: h.description.clone(),
        reviewed_session_id: h.reviewed_session_id,
        review_note: h.review_note.clone(),
        created_at: h.created_at,
        created_by: h.creator_name.clone(),
    }
}

/// The homework given at a session, in the order it was added.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/sessions/{session_id}/homework", operation_id = "listHomework", tag = "running",
    params(SessionPath),
    responses(
        (status = 200, description = "The homework given at the session", body = Items<Homework>),
        SessionRecordReaderProblems,
    ))]
pub async fn list_homework(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
) -> Result<Json<Items<Homework>>, WebError> {
    actor.authorize(&state, Action::ViewCourses).await?;
    let course_id = service::course_of_session(&state, &actor, session_id).await?;
    let found = service::homework_at(&state, &actor, course_id, session_id).await?;
    Ok(Json(found.iter().map(homework_json).collect()))
}

/// Homework given to the whole group.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHomework {
    /// The task; several lines allowed.
    #[schema(min_length = 1, max_length = 2000, format = "required_text")]
    pub description: String,
}

/// Gives homework at a session.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/sessions/{session_id}/homework", operation_id = "createHomework", tag = "running",
    params(SessionPath),
    request_body = NewHomework,
    responses(
        (status = 201, description = "Added", body = Homework),
        SessionRecorderProblems,
        (status = 422, description = "No description, too long, control characters, or the session is cancelled or the course closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_homework(
    OrgCaller(state, actor, Id(session_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewHomework>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let course_id = service::course_of_session(&state, &actor, session_id).await?;
    let id = service::add_homework(&state, &actor, course_id, session_id, &body.description).await?;
    let (homework, _) = service::homework(&state, &actor, id).await?;
    Ok((StatusCode::CREATED, Json(homework_json(&homework))))
}

/// How reviewing a piece of homework went.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HomeworkReview {
    /// May be empty; several lines allowed. Replaces an earlier note.
    #[serde(default)]
    #[schema(max_length = 2000, format = "optional_text")]
    pub note: String,
    /// The session it was reviewed at: a later session of the same course that is not
    /// cancelled. Left out: the next session after the one it was given at.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub session_id: Option<i64>,
}

/// Records that homework was reviewed, and how it went.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/homework/{homework_id}/review", operation_id = "reviewHomework", tag = "running",
    params(OrgSlug, ("homework_id" = i64, Path, description = "The homework's id")),
    request_body = HomeworkReview,
    responses(
        (status = 200, description = "Reviewed", body = Homework),
        MalformedRequest, NoValidToken,
        RecordersOnly,
        (status = 404, description = "No such homework here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Note too long or with control characters, a session that is not a later one of the course, no later session, or the course closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn review_homework(
    OrgCaller(state, actor, Id(homework_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<HomeworkReview>,
) -> Result<Json<Homework>, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let homework = service::review_homework(&state, &actor, homework_id, body.session_id, &body.note).await?;
    Ok(Json(homework_json(&homework)))
}
