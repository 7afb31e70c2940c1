//! A course's attendance over JSON: per session (children, guardians, other parents,
//! family members, staff and the staffing rule) and per participant (with their guardians'
//! attendance at the gatherings for parents and families); dropouts; the follow-up tasks
//! that ask a leader to contact a family after absences in a row.

use crate::api::conventions::{CourseParticipantPath, CoursePath, CourseProblems, OrgSlug, StandardProblems};
use crate::api::courses::{CourseRoleName, Gap, SessionKind};
use crate::api::extract::Id;
use crate::api::{ApiJson, Items, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::running::overview::{
    self as service, DropoutForm, FollowUp, GuardianFigures, Mark, ParticipantFigures, SessionFigures,
};
use crate::AppState;
use axum::routing::{get, post};
use axum::{Json, Router};
use samla_domain::running::attendance::Attendance;
use samla_domain::running::dropout::DropoutReason;
use samla_storage::running::overview::{CourseParticipant, FollowUpTask as TaskRow};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const COURSE: &str = "/organisations/{org}/courses/{course_id}";
    Router::new()
        .route(&format!("{COURSE}/attendance"), get(get_course_attendance))
        .route(&format!("{COURSE}/participants/{{participant_id}}/dropout"), post(record_dropout))
        .route(&format!("{COURSE}/follow-up-tasks"), get(list_follow_up_tasks))
        .route("/organisations/{org}/follow-up-tasks/{task_id}/complete", post(complete_follow_up_task))
}

#[derive(OpenApi)]
#[openapi(
    paths(get_course_attendance, record_dropout, list_follow_up_tasks, complete_follow_up_task),
    components(schemas(GuardianAttendanceFigures))
)]
pub struct Doc;

/// How a participant took part in one session.
#[derive(Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RecordedAttendance {
    Present,
    AbsentWithNotice,
    AbsentWithoutNotice,
    Late,
    LeftEarly,
}

impl From<Attendance> for RecordedAttendance {
    fn from(attendance: Attendance) -> Self {
        match attendance {
            Attendance::Present => RecordedAttendance::Present,
            Attendance::AbsentWithNotice => RecordedAttendance::AbsentWithNotice,
            Attendance::AbsentWithoutNotice => RecordedAttendance::AbsentWithoutNotice,
            Attendance::Late => RecordedAttendance::Late,
            Attendance::LeftEarly => RecordedAttendance::LeftEarly,
        }
    }
}

/// A course's working group member who was at a session.
#[derive(Serialize, ToSchema)]
pub struct PresentStaff {
    pub staff_id: i64,
    pub name: String,
    pub course_role: CourseRoleName,
}

/// One held session or meeting (one with a saved attendance sheet) in figures.
#[derive(Serialize, ToSchema)]
pub struct SessionAttendanceFigures {
    pub session_id: i64,
    pub kind: SessionKind,
    /// 1, 2, 3 … among the course's sessions; none for meetings.
    pub number: Option<i64>,
    /// For meetings: parent_meeting, network_meeting, closing_conversation …
    pub meeting_kind: Option<String>,
    pub title: String,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    pub start_time: String,
    /// Participants who came (present, late or left early).
    #[schema(minimum = 0)]
    pub participants_attended: u32,
    /// Participants on the sheet: everyone expected (those who dropped out before are not;
    /// at a session for parents the children are not expected).
    #[schema(minimum = 0)]
    pub participants_expected: u32,
    /// participants, parents, family or network: who the session was for.
    pub audience: String,
    /// Guardians on the list who came (parent and family sessions).
    #[schema(minimum = 0)]
    pub guardians_attended: u32,
    /// Guardians on the sheet: every guardian expected.
    #[schema(minimum = 0)]
    pub guardians_expected: u32,
    /// Other parents and grown-ups of the families who came without a line of their own
    /// (parent, family and network sessions).
    #[schema(minimum = 0)]
    pub parents: i64,
    /// Other family members who came (family and network sessions).
    #[schema(minimum = 0)]
    pub family_members: i64,
    pub staff_present: Vec<PresentStaff>,
    /// What the programme's staffing rule found lacking among the staff who came; empty
    /// when staffed as required, and for meetings, which the rule does not cover.
    pub staffing_gaps: Vec<Gap>,
}

fn session_json(s: &SessionFigures) -> SessionAttendanceFigures {
    SessionAttendanceFigures {
        session_id: s.held.session_id,
        kind: s.held.kind.into(),
        number: s.number.map(|n| n as i64),
        meeting_kind: s.held.meeting_kind.clone(),
        title: s.held.title.clone(),
        date: s.held.date.clone(),
        start_time: s.held.start_time.clone(),
        participants_attended: s.attended,
        participants_expected: s.expected,
        audience: s.held.audience.as_str().to_string(),
        guardians_attended: s.guardians_attended,
        guardians_expected: s.guardians_expected,
        parents: s.held.parents,
        family_members: s.held.family_members,
        staff_present: s
            .staff_present
            .iter()
            .map(|m| PresentStaff { staff_id: m.id, name: m.name.clone(), course_role: m.course_role.into() })
            .collect(),
        staffing_gaps: s.gaps.iter().map(Gap::from).collect(),
    }
}

#[derive(Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationStatus {
    Active,
    DroppedOut,
}

name_from!(samla_domain::intake::enrolment::ParticipantStatus => ParticipationStatus { Active, DroppedOut });

/// Where contacting a participant's family stands, by the newest task.
#[derive(Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpState {
    /// No task has been made.
    None,
    /// A leader is asked to contact the family.
    Open,
    /// The family was contacted.
    Done,
}

/// A participant's mark at one held session.
#[derive(Serialize, ToSchema)]
pub struct ParticipantSessionMark {
    pub session_id: i64,
    /// None: the participant was not on that session's sheet.
    pub attendance: Option<RecordedAttendance>,
    pub note: String,
}

/// One participant's attendance over the course.
#[derive(Serialize, ToSchema)]
pub struct ParticipantAttendanceFigures {
    pub participant_id: i64,
    pub name: String,
    pub status: ParticipationStatus,
    #[schema(value_type = Option<String>, format = Date)]
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
    /// The reason's group, where one was given.
    pub dropout_reason_kind: Option<DropoutReasonName>,
    /// Sessions attended (present, late or left early): the x of "attended x of y".
    #[schema(minimum = 0)]
    pub attended: u32,
    /// Held sessions the participant was expected at: the y.
    #[schema(minimum = 0)]
    pub held: u32,
    #[schema(minimum = 0)]
    pub absent_with_notice: u32,
    #[schema(minimum = 0)]
    pub absent_without_notice: u32,
    #[schema(minimum = 0)]
    pub late: u32,
    #[schema(minimum = 0)]
    pub left_early: u32,
    /// Absences (with or without notice) in a row up to the latest held session.
    #[schema(minimum = 0)]
    pub absences_in_a_row: u32,
    pub follow_up: FollowUpState,
    /// The open follow-up task, for completeFollowUpTask.
    pub open_follow_up_task_id: Option<i64>,
    /// One per held session, in the order of `sessions`.
    pub sessions: Vec<ParticipantSessionMark>,
    /// Held sessions where the child's guardians were on the sheet (parent and family
    /// sessions).
    #[schema(minimum = 0)]
    pub family_sessions: u32,
    /// Of `family_sessions`: those at least one of the guardians came to.
    #[schema(minimum = 0)]
    pub family_sessions_attended: u32,
    /// The child's guardians who were on a sheet, each with their marks.
    pub guardians: Vec<GuardianAttendanceFigures>,
}

/// One guardian's attendance at the gatherings for parents and families.
#[derive(Serialize, ToSchema)]
pub struct GuardianAttendanceFigures {
    pub person_id: i64,
    pub name: String,
    #[schema(minimum = 0)]
    pub attended: u32,
    /// Held sessions the guardian was on the sheet of.
    #[schema(minimum = 0)]
    pub held: u32,
    /// One per held session, in the order of `sessions`.
    pub sessions: Vec<ParticipantSessionMark>,
}

fn marks_json(marks: &[Option<Mark>], sessions: &[SessionFigures]) -> Vec<ParticipantSessionMark> {
    sessions
        .iter()
        .zip(marks)
        .map(|(s, mark)| ParticipantSessionMark {
            session_id: s.held.session_id,
            attendance: mark.as_ref().map(|m| m.attendance.into()),
            note: mark.as_ref().map(|m| m.note.clone()).unwrap_or_default(),
        })
        .collect()
}

fn guardian_json(g: &GuardianFigures, sessions: &[SessionFigures]) -> GuardianAttendanceFigures {
    GuardianAttendanceFigures {
        person_id: g.person_id,
        name: g.name.clone(),
        attended: g.summary.attended,
        held: g.summary.held,
        sessions: marks_json(&g.marks, sessions),
    }
}

fn participant_json(p: &ParticipantFigures, sessions: &[SessionFigures]) -> ParticipantAttendanceFigures {
    let (follow_up, open_follow_up_task_id) = match p.follow_up() {
        FollowUp::None => (FollowUpState::None, None),
        FollowUp::Open { task_id, .. } => (FollowUpState::Open, Some(task_id)),
        FollowUp::Done { .. } => (FollowUpState::Done, None),
    };
    ParticipantAttendanceFigures {
        participant_id: p.participant.id,
        name: p.participant.name.clone(),
        status: p.participant.status.into(),
        dropped_out_on: p.participant.dropped_out_on.clone(),
        dropout_reason: p.participant.dropout_reason.clone(),
        dropout_reason_kind: reason_kind(&p.participant),
        attended: p.summary.attended,
        held: p.summary.held,
        absent_with_notice: p.summary.absent_with_notice,
        absent_without_notice: p.summary.absent_without_notice,
        late: p.summary.late,
        left_early: p.summary.left_early,
        absences_in_a_row: p.absences_in_a_row,
        follow_up,
        open_follow_up_task_id,
        sessions: marks_json(&p.marks, sessions),
        family_sessions: p.family_came().1,
        family_sessions_attended: p.family_came().0,
        guardians: p.guardians.iter().map(|g| guardian_json(g, sessions)).collect(),
    }
}

/// A course's attendance.
#[derive(Serialize, ToSchema)]
pub struct CourseAttendance {
    pub course_id: i64,
    /// Absences in a row after which a leader is asked to contact the family (0: never).
    #[schema(minimum = 0)]
    pub follow_up_after_absences: u32,
    /// The held sessions and meetings, earliest first.
    pub sessions: Vec<SessionAttendanceFigures>,
    /// Each participant's attendance; null for a caller who may not see the course's
    /// participants (they get the counts per session only).
    pub participants: Option<Vec<ParticipantAttendanceFigures>>,
}

/// A course's attendance per session (with the adults and staff who came) and, for
/// those who may see the course's participants, per participant (audited).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/attendance", operation_id = "getCourseAttendance", tag = "running",
    params(CoursePath),
    responses(
        (status = 200, description = "The course's attendance", body = CourseAttendance),
        CourseProblems,
    ))]
pub async fn get_course_attendance(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<CourseAttendance>, WebError> {
    let found = service::course_attendance(&state, &actor, course_id).await?;
    Ok(Json(CourseAttendance {
        course_id: found.course.id,
        follow_up_after_absences: found.threshold,
        sessions: found.sessions.iter().map(session_json).collect(),
        participants: found
            .participants
            .as_ref()
            .map(|all| all.iter().map(|p| participant_json(p, &found.sessions)).collect()),
    }))
}

/// A participant who dropped out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DropoutRequest {
    /// The day they stopped: not in the future, not before they were enrolled. Left out:
    /// today.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub date: Option<String>,
    #[schema(max_length = 500, format = "required_line")]
    pub reason: String,
    /// The reason's group, counted in the programme's statistics; left out: none given.
    #[serde(default)]
    pub reason_kind: Option<DropoutReasonName>,
}

/// The group a reason for dropping out falls in.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum DropoutReasonName {
    Illness,
    Practical,
    DidNotSuit,
    FamilySituation,
    Moved,
    Other,
}

name_from!(DropoutReason => DropoutReasonName { Illness, Practical, DidNotSuit, FamilySituation, Moved, Other });

impl From<DropoutReasonName> for DropoutReason {
    fn from(name: DropoutReasonName) -> Self {
        match name {
            DropoutReasonName::Illness => DropoutReason::Illness,
            DropoutReasonName::Practical => DropoutReason::Practical,
            DropoutReasonName::DidNotSuit => DropoutReason::DidNotSuit,
            DropoutReasonName::FamilySituation => DropoutReason::FamilySituation,
            DropoutReasonName::Moved => DropoutReason::Moved,
            DropoutReasonName::Other => DropoutReason::Other,
        }
    }
}

/// A participant's place in the course after a dropout.
#[derive(Serialize, ToSchema)]
pub struct DropoutRecorded {
    pub participant_id: i64,
    pub status: ParticipationStatus,
    #[schema(value_type = Option<String>, format = Date)]
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
    pub dropout_reason_kind: Option<DropoutReasonName>,
}

fn dropout_json(p: &CourseParticipant) -> DropoutRecorded {
    DropoutRecorded {
        participant_id: p.id,
        status: p.status.into(),
        dropped_out_on: p.dropped_out_on.clone(),
        dropout_reason: p.dropout_reason.clone(),
        dropout_reason_kind: reason_kind(p),
    }
}

fn reason_kind(p: &CourseParticipant) -> Option<DropoutReasonName> {
    p.dropout_reason_kind.as_deref().and_then(DropoutReason::parse).map(Into::into)
}

/// Records that a participant dropped out, with the day and a reason. From then on they
/// are not expected at the course's sessions; their open follow-up task closes.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/dropout", operation_id = "recordDropout", tag = "running",
    params(CourseParticipantPath),
    request_body = DropoutRequest,
    responses(
        (status = 200, description = "Recorded", body = DropoutRecorded),
        StandardProblems,
        (status = 404, description = "No such course or participant here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The participant has dropped out already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: no reason, or a day in the future or before the enrolment", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_dropout(
    OrgCaller(state, actor, (Id(course_id), Id(participant_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<DropoutRequest>,
) -> Result<Json<DropoutRecorded>, WebError> {
    let reason_kind = body.reason_kind.map_or("", |name| DropoutReason::from(name).as_str()).to_string();
    let form = DropoutForm { date: body.date.unwrap_or_default(), reason: body.reason, reason_kind };
    let participant = service::record_dropout(&state, &actor, course_id, participant_id, &form).await?;
    Ok(Json(dropout_json(&participant)))
}

/// A task asking a leader to contact a participant's family.
#[derive(Serialize, ToSchema)]
pub struct FollowUpTask {
    pub id: i64,
    pub course_id: i64,
    pub participant_id: i64,
    pub participant_name: String,
    /// Absences in a row when the task was made.
    #[schema(minimum = 0)]
    pub absences: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub done: bool,
    /// Unix seconds; null while open.
    pub done_at: Option<i64>,
    /// The user who recorded the contact.
    pub done_by: Option<i64>,
    /// What came of the contact; empty while open.
    pub outcome: String,
}

fn task_json(task: &TaskRow, participant: &CourseParticipant) -> FollowUpTask {
    FollowUpTask {
        id: task.id,
        course_id: task.course_id,
        participant_id: task.participant_id,
        participant_name: participant.name.clone(),
        absences: task.absences,
        created_at: task.created_at,
        done: task.done_at.is_some(),
        done_at: task.done_at,
        done_by: task.done_by,
        outcome: task.outcome.clone(),
    }
}

/// The course's follow-up tasks, open and done, newest first; for those who may see the
/// course's participants (audited).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/follow-up-tasks", operation_id = "listFollowUpTasks", tag = "running",
    params(CoursePath),
    responses(
        (status = 200, description = "The tasks", body = Items<FollowUpTask>),
        CourseProblems,
    ))]
pub async fn list_follow_up_tasks(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<FollowUpTask>>, WebError> {
    let tasks = service::follow_up_tasks(&state, &actor, course_id).await?;
    Ok(Json(tasks.iter().map(|(task, participant)| task_json(task, participant)).collect()))
}

/// What came of contacting the family.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpOutcome {
    /// For example "Spoke with the mother, back next week".
    #[schema(max_length = 500, format = "required_line")]
    pub outcome: String,
}

/// Records that the family was contacted and what came of it.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/follow-up-tasks/{task_id}/complete", operation_id = "completeFollowUpTask", tag = "running",
    params(OrgSlug, ("task_id" = i64, Path, description = "The task's id")),
    request_body = FollowUpOutcome,
    responses(
        (status = 200, description = "Done", body = FollowUpTask),
        StandardProblems,
        (status = 404, description = "No such task here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The task is done already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No outcome", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn complete_follow_up_task(
    OrgCaller(state, actor, Id(task_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<FollowUpOutcome>,
) -> Result<Json<FollowUpTask>, WebError> {
    let (task, participant) = service::complete_follow_up(&state, &actor, task_id, &body.outcome, None).await?;
    Ok(Json(task_json(&task, &participant)))
}
