//! Sessions and meetings of a course: listed, moved, cancelled and added one at a time.

use super::*;
use crate::api::conventions::{
    CoursePath, CourseProblems, CourseSessionIfMatch, CourseSessionPath, CourseSessionProblems,
    InvalidFieldsOrCourseFinished, Moved, VersionChecked,
};
use crate::services::running::changes::CancelChoices;
use samla_domain::planning::commands::SessionChange;

/// The course's sessions and meetings in time order, with staff and staffing gaps.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions", operation_id = "listCourseSessions", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "Sessions and meetings, earliest first", body = Items<Session>),
        CourseProblems,
    ))]
pub async fn list_course_sessions(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<Session>>, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(view.sessions.iter().map(session_json).collect()))
}

/// One session or meeting; ETag carries its version.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions/{session_id}", operation_id = "getCourseSession", tag = "courses",
    params(CourseSessionPath),
    responses(
        (status = 200, description = "The session", body = Session, headers(("ETag" = String, description = "Version for If-Match"))),
        CourseSessionProblems,
    ))]
pub async fn get_course_session(
    OrgCaller(state, actor, (Id(course_id), Id(session_id))): OrgCaller<(Id, Id)>,
) -> Result<impl IntoResponse, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    let session = session_of(&view, session_id)?;
    Ok(Versioned(session.row.version, session_json(session)))
}

/// A session or meeting added to a course.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSession {
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
    #[serde(default)]
    #[schema(max_length = 200, format = "optional_line")]
    pub title: Option<String>,
    /// A meeting rather than a session.
    #[serde(default)]
    pub meeting: bool,
}

impl TryFrom<&NewSession> for SessionChange {
    type Error = FieldErrors;

    fn try_from(body: &NewSession) -> Result<SessionChange, FieldErrors> {
        SessionChange::read(
            service::input_day("date", &body.date),
            time_of_day("start_time", &body.start_time),
            time_of_day("end_time", &body.end_time),
            body.room.as_deref().unwrap_or_default(),
            body.title.as_deref().unwrap_or_default(),
            body.meeting,
        )
    }
}

/// A session just added or moved, with what the planner should look at.
#[derive(Serialize, ToSchema)]
pub struct PlannedSession {
    #[serde(flatten)]
    pub session: Session,
    /// E.g. `in_the_past` when the session lies before today; empty when there is
    /// nothing to look at.
    pub warnings: Vec<PlanningWarning>,
}

/// Adds a session or meeting; the others stay as they are. A day before today is
/// allowed (recording a course that has run), with an `in_the_past` warning.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions", operation_id = "addSession", tag = "courses",
    params(CoursePath),
    request_body = NewSession,
    responses(
        (status = 201, description = "Added", body = PlannedSession,
            headers(("Location" = String, description = "The new session"), ("ETag" = String, description = "Its version"))),
        CourseProblems,
        (status = 422, description = "Invalid fields, e.g. the end before the start", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_session(
    Extension(lang): Extension<Lang>,
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewSession>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    let mut errors = FieldErrors::new();
    optional_line(&mut errors, "room", body.room.as_deref().unwrap_or_default(), 100);
    optional_line(&mut errors, "title", body.title.as_deref().unwrap_or_default(), 200);
    errors.finish(|| ())?;
    let session_id = service::add_session(&state, &actor, course_id, &body).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let session = session_of(&view, session_id)?;
    let warnings = past_warnings(&state, lang, &service::in_the_past(&state, &actor, [session.row.date.as_str()]));
    Ok((
        StatusCode::CREATED,
        [
            (LOCATION, format!("{}/sessions/{session_id}", course_location(&actor.organisation.slug, course_id))),
            (ETAG, etag(session.row.version)),
        ],
        Json(PlannedSession { session: session_json(session), warnings }),
    ))
}

/// A session's new day, time and room.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionMove {
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub start_time: String,
    /// HH:MM, after the start.
    #[schema(pattern = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$")]
    pub end_time: String,
    /// Left out or empty: unchanged.
    #[serde(default)]
    #[schema(max_length = 100, format = "optional_line")]
    pub room: Option<String>,
}

impl TryFrom<&SessionMove> for SessionChange {
    type Error = FieldErrors;

    fn try_from(body: &SessionMove) -> Result<SessionChange, FieldErrors> {
        SessionChange::read(
            service::input_day("date", &body.date),
            time_of_day("start_time", &body.start_time),
            time_of_day("end_time", &body.end_time),
            body.room.as_deref().unwrap_or_default(),
            "",
            false,
        )
    }
}

/// Moves one session or meeting; the others stay as they are. A day before today is
/// allowed, with an `in_the_past` warning.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions/{session_id}", operation_id = "moveSession", tag = "courses",
    params(CourseSessionPath, CourseSessionIfMatch),
    request_body = SessionMove,
    responses(
        Moved<PlannedSession>,
        CourseSessionProblems,
        VersionChecked,
        InvalidFieldsOrCourseFinished,
    ))]
pub async fn move_session(
    Extension(lang): Extension<Lang>,
    OrgCaller(state, actor, (Id(course_id), Id(session_id))): OrgCaller<(Id, Id)>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<SessionMove>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    let expected = session_version(&state, &actor, (course_id, session_id), &if_match).await?;
    let mut errors = FieldErrors::new();
    optional_line(&mut errors, "room", body.room.as_deref().unwrap_or_default(), 100);
    errors.finish(|| ())?;
    service::move_session(&state, &actor, course_id, session_id, &body, expected).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let session = session_of(&view, session_id)?;
    let warnings = past_warnings(&state, lang, &service::in_the_past(&state, &actor, [session.row.date.as_str()]));
    Ok(Versioned(session.row.version, PlannedSession { session: session_json(session), warnings }))
}

/// The version of one session of a course that `If-Match` lets the caller change.
async fn session_version(
    state: &AppState,
    actor: &Actor,
    (course_id, session_id): (i64, i64),
    if_match: &IfMatch,
) -> Result<i64, WebError> {
    let view = service::course_view(state, actor, course_id).await?;
    if_match.expected(session_of(&view, session_id)?.row.version)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionCancellation {
    #[schema(max_length = 500, format = "required_line")]
    pub reason: String,
    /// Tell the participants or their guardians by e-mail (only for a session still
    /// ahead; the mail names the day and time, not the course). Default true.
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub notify: bool,
    /// Add a replacement at the end of the course, on the next free day in the course's
    /// rhythm, with this session's time, room, plan and staff (sessions only; meetings are
    /// moved instead). Default true.
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub add_replacement: bool,
}

fn yes() -> bool {
    true
}

/// The cancelled session, and its replacement's id when one was added.
#[derive(Serialize, ToSchema)]
pub struct CancelledSession {
    #[serde(flatten)]
    pub session: Session,
    /// The session added at the end of the course in its place; none when no
    /// replacement was asked for or the cancelled one is a meeting.
    pub replacement_session_id: Option<i64>,
}

/// Cancels one session or meeting (it stays in the list, marked cancelled); the others
/// stay as they are. Unless told otherwise, the participants or their guardians are told
/// by e-mail and a replacement is added at the end of the course, in the same transaction.
/// Planners and the course's own group leaders may cancel.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions/{session_id}/cancel", operation_id = "cancelSession", tag = "courses",
    params(CourseSessionPath, CourseSessionIfMatch),
    request_body = SessionCancellation,
    responses(
        (status = 200, description = "Cancelled", body = CancelledSession, headers(("ETag" = String, description = "The new version"))),
        CourseSessionProblems,
        VersionChecked,
        (status = 422, description = "No reason, already cancelled, no day for a replacement, or the course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel_session(
    OrgCaller(state, actor, (Id(course_id), Id(session_id))): OrgCaller<(Id, Id)>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<SessionCancellation>,
) -> Result<impl IntoResponse, WebError> {
    // The service decides: planners, or the course's own group leaders.
    let expected = session_version(&state, &actor, (course_id, session_id), &if_match).await?;
    let choices = CancelChoices { notify: body.notify, add_replacement: body.add_replacement };
    let replacement =
        service::cancel_session(&state, &actor, course_id, session_id, &body.reason, choices, expected).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let session = session_of(&view, session_id)?;
    let cancelled = CancelledSession { session: session_json(session), replacement_session_id: replacement };
    Ok(Versioned(session.row.version, cancelled))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionStaffEntry {
    /// A member of the course's working group.
    #[serde(deserialize_with = "whole::required")]
    pub staff_id: i64,
    /// Standing in for someone.
    #[serde(default)]
    pub substitute: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionStaffing {
    /// Everyone at the session (replaces the list; a repeated member counts once).
    #[schema(max_items = 100)]
    pub staff: Vec<SessionStaffEntry>,
}

/// Sets who staffs one session, from the course's working group.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/sessions/{session_id}/staff", operation_id = "setSessionStaff", tag = "courses",
    params(CourseSessionPath),
    request_body = SessionStaffing,
    responses(
        (status = 200, description = "Saved; the session with its staffing gaps", body = Session),
        CourseSessionProblems,
        (status = 422, description = "Someone outside the working group, or the course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_session_staff(
    OrgCaller(state, actor, (Id(course_id), Id(session_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<SessionStaffing>,
) -> Result<Json<Session>, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    let mut staff: Vec<(i64, bool)> = Vec::new();
    for entry in &body.staff {
        if !staff.iter().any(|(id, _)| *id == entry.staff_id) {
            staff.push((entry.staff_id, entry.substitute));
        }
    }
    service::set_session_staff(&state, &actor, course_id, session_id, &staff).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(session_json(session_of(&view, session_id)?)))
}
