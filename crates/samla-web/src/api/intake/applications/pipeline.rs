//! Changing an application: details, stage moves, pre-conversations, merging; the waitlist.

use super::super::*;
use super::read::{answer, pre_conversation_json};
use crate::api::conventions::{
    ApplicationIfMatch, ApplicationPath, ApplicationProblems, InvalidFields, Moved, OrgSlug, ProgrammePath,
    ProgrammeProblems, Saved, StandardProblems, VersionChecked,
};
use crate::services::intake::applications::{self as service, DetailsForm, MoveForm};
/// What can change on an application without a stage move. A field left out keeps its
/// value; `null` clears a course or channel.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationChange {
    /// A course of the same programme that takes applications; null: the programme's
    /// waitlist only.
    #[serde(default, deserialize_with = "nullable_id")]
    #[schema(value_type = Option<i64>, minimum = 1)]
    pub course_id: Option<Option<i64>>,
    /// 1 (highest) to 3.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 3)]
    pub priority: Option<i64>,
    /// A recruitment channel; null: none.
    #[serde(default, deserialize_with = "nullable_id")]
    #[schema(value_type = Option<i64>, minimum = 1)]
    pub channel_id: Option<Option<i64>>,
}

/// An application the caller manages, and the version of it that `If-Match` lets them
/// change: what every change to an application checks first.
async fn application_to_change(
    state: &AppState,
    actor: &Actor,
    id: i64,
    if_match: &IfMatch,
) -> Result<(samla_storage::intake::applications::Application, i64), WebError> {
    actor.authorize(state, Action::ManageIntake).await?;
    let current = crate::services::intake::visible_application(state, actor, id).await?;
    let expected = if_match.expected(current.version)?;
    Ok((current, expected))
}

/// Left out: `None`; `null`: `Some(None)`; a number: `Some(Some(n))`.
fn nullable_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Option<i64>>, D::Error> {
    whole::optional(deserializer).map(Some)
}

/// Changes an application's course, priority or recruitment channel.
#[utoipa::path(patch, path = "/api/v1/organisations/{org}/applications/{application_id}", operation_id = "updateApplication", tag = "intake",
    params(ApplicationPath, ApplicationIfMatch),
    request_body = ApplicationChange,
    responses(
        Saved<Application>,
        ApplicationProblems,
        VersionChecked,
        (status = 422, description = "Invalid fields, e.g. a course of another programme or an unknown channel", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_application(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<ApplicationChange>,
) -> Result<impl IntoResponse, WebError> {
    let (current, expected) = application_to_change(&state, &actor, id, &if_match).await?;
    let mut errors = FieldErrors::new();
    for (field, value) in [("course_id", body.course_id), ("channel_id", body.channel_id)] {
        if value.flatten().is_some_and(|id| id < 1) {
            errors.push(FieldError::new(field, "error-choice"));
        }
    }
    errors.finish(|| ())?;
    let form = DetailsForm {
        course_id: number(body.course_id.unwrap_or(current.course_id)),
        priority: body.priority.unwrap_or(current.priority).to_string(),
        channel_id: number(body.channel_id.unwrap_or(current.channel_id)),
    };
    service::update_details(&state, &actor, id, &form, Some(expected)).await?;
    answer(&state, &actor, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageMove {
    pub stage: MoveTarget,
    /// What happened (a call, a letter); seen only by those who see sensitive data.
    #[serde(default)]
    #[schema(max_length = 2000, format = "optional_text")]
    pub note: Option<String>,
}

/// Moves an application to another stage (allowed_moves in getApplication). Enrolment
/// needs a course and every consent to taking part: a refusal (409) names each missing
/// consent in `errors`, field `stage`.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/stage", operation_id = "moveApplication", tag = "intake",
    params(ApplicationPath, ApplicationIfMatch),
    request_body = StageMove,
    responses(
        Moved<Application>,
        ApplicationProblems,
        (status = 409, description = "Not a possible move from the current stage, no course to enrol on, or consents missing (each named)", body = Problem, content_type = "application/problem+json"),
        VersionChecked,
        InvalidFields,
    ))]
pub async fn move_application(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<StageMove>,
) -> Result<impl IntoResponse, WebError> {
    let (_, expected) = application_to_change(&state, &actor, id, &if_match).await?;
    let mut errors = FieldErrors::new();
    check_text(&mut errors, "note", body.note.as_deref(), 2000, false);
    errors.finish(|| ())?;
    let form = MoveForm { stage: body.stage.code().to_string(), note: opt(&body.note).to_string() };
    service::move_stage(&state, &actor, id, &form, Some(expected)).await?;
    answer(&state, &actor, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPreConversation {
    /// The day it was held (not after tomorrow).
    #[schema(value_type = String, format = Date)]
    pub held_on: String,
    /// Who took part, e.g. "referrer, both leaders, mother".
    #[schema(max_length = 300, format = "required_line")]
    pub participants: String,
    /// Seen only by the coordinator and the course's group leaders.
    #[serde(default)]
    #[schema(max_length = 8000, format = "optional_text")]
    pub notes: Option<String>,
    /// waitlist, not_suitable and referred_elsewhere move the application on.
    pub outcome: PreConversationOutcomeName,
}

/// Records a pre-conversation (at most three) and moves the application to
/// pre_conversation, or on as the outcome says.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/pre-conversations", operation_id = "recordPreConversation", tag = "intake",
    params(ApplicationPath),
    request_body = NewPreConversation,
    responses(
        (status = 201, description = "Recorded; notes are null for a caller who may not read them", body = PreConversation),
        ApplicationProblems,
        (status = 409, description = "Not possible at the current stage, or three already held", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a day after tomorrow", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_pre_conversation(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewPreConversation>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    crate::services::intake::visible_application(&state, &actor, id).await?;
    let mut errors = FieldErrors::new();
    check_day(&mut errors, "held_on", Some(&body.held_on));
    check_line(&mut errors, "participants", Some(&body.participants), 300);
    check_text(&mut errors, "notes", body.notes.as_deref(), 8000, false);
    errors.finish(|| ())?;
    let form = service::PreConversationForm {
        held_on: body.held_on,
        participants: body.participants,
        notes: opt(&body.notes).to_string(),
        outcome: body.outcome.code().to_string(),
    };
    let talk_id = service::record_pre_conversation(&state, &actor, id, &form).await?;
    let view = service::view(&state, &actor, id).await?;
    let talk = view.pre_conversations.iter().find(|c| c.id == talk_id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(pre_conversation_json(talk, view.sensitive_visible))))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The duplicate to fold into this application: its history, talks, offers and
    /// consents follow, and the two persons and households become one.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub from: i64,
}

/// Merges a duplicate application into this one.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/applications/{application_id}/merge", operation_id = "mergeApplication", tag = "intake",
    params(OrgSlug, ("application_id" = i64, Path, description = "The application that stays")),
    request_body = MergeRequest,
    responses(
        (status = 200, description = "Merged; the application that stays", body = Application, headers(("ETag" = String, description = "The new version"))),
        StandardProblems,
        (status = 404, description = "No such application here (either of them)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused: the same application, one already merged, or a duplicate already enrolled", body = Problem, content_type = "application/problem+json"),
        InvalidFields,
    ))]
pub async fn merge_application(
    OrgCaller(state, actor, Id(id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<MergeRequest>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    crate::services::intake::visible_application(&state, &actor, id).await?;
    if body.from < 1 {
        return Err(FieldErrors::single(FieldError::new("from", "error-choice")).into());
    }
    service::merge(&state, &actor, id, body.from).await?;
    answer(&state, &actor, id).await
}

/// A programme's waitlist in the order places are offered: priority, then waiting time.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/waitlist", operation_id = "listWaitlist", tag = "intake",
    params(ProgrammePath),
    responses(
        (status = 200, description = "Waitlisted applications, next in line first", body = Items<ApplicationSummary>),
        ProgrammeProblems,
    ))]
pub async fn list_waitlist(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<Items<ApplicationSummary>>, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let programme = programme_of(&state, &actor, &programme).await?;
    let found = service::waitlist(&state, &actor, programme.id).await?;
    Ok(Json(found.iter().map(summary_json).collect()))
}
