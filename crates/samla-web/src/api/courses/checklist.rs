//! A course's planning checklist.

use super::*;
use crate::api::conventions::{CoursePath, CourseProblems, StandardProblems};

/// The planning checklist with real due dates, earliest first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/checklist", operation_id = "getChecklist", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "The checklist", body = Items<ChecklistItem>),
        CourseProblems,
    ))]
pub async fn get_checklist(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<ChecklistItem>>, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(view.checklist.iter().map(checklist_json).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistChange {
    pub done: bool,
    /// A member of the working group, or null for nobody.
    #[serde(default, deserialize_with = "whole::optional")]
    pub assignee_staff_id: Option<i64>,
}

/// Ticks a checklist item off (or opens it again) and sets who does it.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/checklist/{item_id}", operation_id = "updateChecklistItem", tag = "courses",
    params(
        CoursePath,
        ("item_id" = i64, Path, description = "The item's id"),
    ),
    request_body = ChecklistChange,
    responses(
        (status = 200, description = "Saved", body = ChecklistItem),
        StandardProblems,
        (status = 404, description = "No such course or item here", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An assignee outside the working group, or the course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_checklist_item(
    OrgCaller(state, actor, (Id(course_id), Id(item_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<ChecklistChange>,
) -> Result<Json<ChecklistItem>, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    service::update_checklist_item(&state, &actor, course_id, item_id, body.done, body.assignee_staff_id).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let item = view.checklist.iter().find(|(item, _)| item.id == item_id).ok_or(WebError::NotFound)?;
    Ok(Json(checklist_json(item)))
}
