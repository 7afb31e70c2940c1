//! A course's reminders over JSON: the course's two switches (participant reminders,
//! log reminders), each participant's choice, each grown-up's own choice (one guardian
//! of a child), and the caller's own log reminders.

use crate::api::conventions::{CourseParticipantPath, CoursePath, CourseProblems, StandardProblems};
use crate::api::extract::Id;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::running::reminders::{self as service, CourseReminders as View};
use crate::AppState;
use axum::routing::{get, put};
use axum::{Json, Router};
use samla_storage::running::reminders::CourseReminderSettings;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const COURSE: &str = "/organisations/{org}/courses/{course_id}";
    Router::new()
        .route(&format!("{COURSE}/reminders"), get(get_course_reminder_settings).put(put_course_reminder_settings))
        .route(&format!("{COURSE}/participants/{{participant_id}}/reminders"), put(set_participant_reminders))
        .route(&format!("{COURSE}/reminder-recipients/{{person_id}}"), put(set_person_reminders))
        .route(&format!("{COURSE}/my-log-reminders"), put(set_my_log_reminders))
}

#[derive(OpenApi)]
#[openapi(paths(
    get_course_reminder_settings,
    put_course_reminder_settings,
    set_participant_reminders,
    set_person_reminders,
    set_my_log_reminders
))]
pub struct Doc;

/// One participant's reminders.
#[derive(Serialize, ToSchema)]
pub struct ParticipantReminder {
    pub participant_id: i64,
    pub name: String,
    /// A participant who dropped out gets no reminders, whatever the switch says.
    pub dropped_out: bool,
    /// Whether reminders before sessions go to the participant (or the guardians).
    pub reminders: bool,
    /// Who the reminders go to: the guardians with parental responsibility of a child, or
    /// an adult participant themself, each with their own switch.
    pub recipients: Vec<ReminderRecipient>,
}

/// A grown-up a participant's reminders go to, and whether they turned theirs off.
#[derive(Serialize, ToSchema)]
pub struct ReminderRecipient {
    pub person_id: i64,
    pub name: String,
    /// A guardian of a child participant (false: the adult participant themself).
    pub guardian: bool,
    /// Without an e-mail address nothing reaches them.
    pub has_email: bool,
    /// Whether this person gets reminders before the course's sessions (when the course's
    /// and the participant's switches are on too).
    pub reminders: bool,
}

/// A course's reminders.
#[derive(Serialize, ToSchema)]
pub struct CourseReminders {
    pub course_id: i64,
    /// Participants (or, for children, their guardians) are reminded before each session.
    pub participant_reminders: bool,
    /// The session's group leaders are reminded when its log is not written in time.
    pub log_reminders: bool,
    /// Participants still in the course.
    #[schema(minimum = 0)]
    pub active_participants: i64,
    /// How many of them have turned reminders off.
    #[schema(minimum = 0)]
    pub participants_with_reminders_off: i64,
    /// Each participant's choice by name; null for a caller who may not see participants'
    /// names on this course.
    pub participants: Option<Vec<ParticipantReminder>>,
    /// The caller's own log reminders for this course; null when the caller does not lead it.
    pub my_log_reminders: Option<bool>,
    /// Hours before a session that reminders go out (the organisation's setting).
    pub reminder_hours_before: i64,
    /// Hours after a session before its leaders are reminded of an unwritten log.
    pub log_grace_hours: i64,
}

fn reminders_json(view: &View) -> CourseReminders {
    CourseReminders {
        course_id: view.course.id,
        participant_reminders: view.settings.participant_reminders,
        log_reminders: view.settings.log_reminders,
        active_participants: view.active as i64,
        participants_with_reminders_off: view.active_off as i64,
        participants: view.participants.as_ref().map(|all| {
            all.iter()
                .map(|p| ParticipantReminder {
                    participant_id: p.id,
                    name: p.name.clone(),
                    dropped_out: !p.status.is_active(),
                    reminders: p.reminders_off == 0,
                    recipients: view
                        .grown_ups
                        .iter()
                        .flatten()
                        .filter(|g| g.participant_id == p.id)
                        .map(|g| ReminderRecipient {
                            person_id: g.person_id,
                            name: g.name.clone(),
                            guardian: g.guardian != 0,
                            has_email: g.has_email != 0,
                            reminders: g.reminders_off == 0,
                        })
                        .collect(),
                })
                .collect()
        }),
        my_log_reminders: view.my_log_reminders,
        reminder_hours_before: view.timing.reminder_hours_before,
        log_grace_hours: view.timing.log_grace_hours,
    }
}

/// The course's reminders. Participants' names only for those who may see them (audited).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/reminders", operation_id = "getCourseReminderSettings", tag = "running",
    params(CoursePath),
    responses(
        (status = 200, description = "The course's reminders", body = CourseReminders),
        CourseProblems,
    ))]
pub async fn get_course_reminder_settings(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<CourseReminders>, WebError> {
    let view = service::for_course(&state, &actor, course_id).await?;
    Ok(Json(reminders_json(&view)))
}

/// The course's two switches, both given.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseRemindersChange {
    pub participant_reminders: bool,
    pub log_reminders: bool,
}

/// Turns the course's participant reminders and log reminders on or off (planners and
/// the course's group leaders).
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/reminders", operation_id = "putCourseReminderSettings", tag = "running",
    params(CoursePath),
    request_body = CourseRemindersChange,
    responses(
        (status = 200, description = "Saved; the course's reminders", body = CourseReminders),
        CourseProblems,
    ))]
pub async fn put_course_reminder_settings(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<CourseRemindersChange>,
) -> Result<Json<CourseReminders>, WebError> {
    let settings =
        CourseReminderSettings { participant_reminders: body.participant_reminders, log_reminders: body.log_reminders };
    service::set_course_settings(&state, &actor, course_id, settings).await?;
    let view = service::for_course(&state, &actor, course_id).await?;
    Ok(Json(reminders_json(&view)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantRemindersChange {
    /// Whether the participant (or the guardians) get reminders before sessions.
    pub reminders: bool,
}

/// One participant's reminders, as saved.
#[derive(Serialize, ToSchema)]
pub struct ParticipantRemindersSaved {
    pub participant_id: i64,
    pub reminders: bool,
}

/// Turns one participant's reminders on or off (planners and the course's group leaders
/// who may see participants' names).
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/reminders", operation_id = "setParticipantReminders", tag = "running",
    params(CourseParticipantPath),
    request_body = ParticipantRemindersChange,
    responses(
        (status = 200, description = "Saved", body = ParticipantRemindersSaved),
        StandardProblems,
        (status = 404, description = "No such course, or no such participant in it", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_participant_reminders(
    OrgCaller(state, actor, (Id(course_id), Id(participant_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<ParticipantRemindersChange>,
) -> Result<Json<ParticipantRemindersSaved>, WebError> {
    service::set_participant(&state, &actor, course_id, participant_id, body.reminders).await?;
    Ok(Json(ParticipantRemindersSaved { participant_id, reminders: body.reminders }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRemindersChange {
    /// Whether this person gets reminders before the course's sessions.
    pub reminders: bool,
}

/// One grown-up's reminders, as saved.
#[derive(Serialize, ToSchema)]
pub struct PersonRemindersSaved {
    pub person_id: i64,
    pub reminders: bool,
}

/// Turns one grown-up's reminders for the course on or off: a guardian of a child
/// participant (the child's other guardians keep theirs) or an adult participant. The
/// same people as a participant's switch may change it; 404 for someone the course's
/// reminders do not go to.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/reminder-recipients/{person_id}", operation_id = "setPersonReminders", tag = "running",
    params(
        CoursePath,
        ("person_id" = i64, Path, description = "The person's id (a guardian or an adult participant)"),
    ),
    request_body = PersonRemindersChange,
    responses(
        (status = 200, description = "Saved", body = PersonRemindersSaved),
        StandardProblems,
        (status = 404, description = "No such course, or the course's reminders do not go to this person", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_person_reminders(
    OrgCaller(state, actor, (Id(course_id), Id(person_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<PersonRemindersChange>,
) -> Result<Json<PersonRemindersSaved>, WebError> {
    service::set_person(&state, &actor, course_id, person_id, body.reminders).await?;
    Ok(Json(PersonRemindersSaved { person_id, reminders: body.reminders }))
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MyLogReminders {
    /// Whether the caller is reminded of this course's unwritten logs.
    pub log_reminders: bool,
}

/// Turns the caller's own log reminders for the course on or off; only a group leader of
/// the course has any (409 otherwise).
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/my-log-reminders", operation_id = "setMyLogReminders", tag = "running",
    params(CoursePath),
    request_body = MyLogReminders,
    responses(
        (status = 200, description = "Saved", body = MyLogReminders),
        CourseProblems,
        (status = 409, description = "The caller does not lead this course", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_my_log_reminders(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<MyLogReminders>,
) -> Result<Json<MyLogReminders>, WebError> {
    service::set_my_log_reminders(&state, &actor, course_id, body.log_reminders).await?;
    Ok(Json(MyLogReminders { log_reminders: body.log_reminders }))
}
