//! The working group of a course, who staffs each session, and the staffing check.

use super::*;
use crate::api::conventions::{CoursePath, CourseProblems, StandardProblems};
use samla_domain::planning::commands::{JoinWorkingGroup, OUTSIDER_MAX_CHARS};

/// The course's working group.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/staff", operation_id = "listCourseStaff", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "The working group", body = Items<StaffMember>),
        CourseProblems,
    ))]
pub async fn list_course_staff(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<StaffMember>>, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(view.staff.iter().map(staff_json).collect()))
}

/// Someone joining the working group: a person with an account here (`user_id`), or
/// someone outside by name (school and network contacts).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStaff {
    #[serde(default, deserialize_with = "whole::optional")]
    pub user_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub external_name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200, format = "required_line")]
    pub external_organisation: Option<String>,
    pub course_role: CourseRoleName,
    /// Puts a group leader or user representative on every planned session at once.
    #[serde(default)]
    pub on_every_session: bool,
}

impl TryFrom<&NewStaff> for JoinWorkingGroup {
    type Error = FieldErrors;

    /// A name or organisation sent must say something: sent empty is refused, not taken
    /// for left out.
    fn try_from(body: &NewStaff) -> Result<JoinWorkingGroup, FieldErrors> {
        let mut errors = FieldErrors::new();
        for (field, value) in
            [("external_name", &body.external_name), ("external_organisation", &body.external_organisation)]
        {
            if let Some(raw) = value {
                errors.take(required_line(field, raw, OUTSIDER_MAX_CHARS));
            }
        }
        errors.finish(|| ())?;
        JoinWorkingGroup::read(
            body.user_id,
            body.external_name.as_deref().unwrap_or_default(),
            body.external_organisation.as_deref().unwrap_or_default(),
            Some(body.course_role.role()),
            body.on_every_session,
        )
    }
}

/// Adds someone to the working group.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/staff", operation_id = "addCourseStaff", tag = "courses",
    params(CoursePath),
    request_body = NewStaff,
    responses(
        (status = 201, description = "Added", body = StaffMember),
        CourseProblems,
        (status = 409, description = "The person has that role on the course already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Nobody named, someone from elsewhere, or the course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_course_staff(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewStaff>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    let staff_id = service::add_staff(&state, &actor, course_id, &body).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    let member = view.staff.iter().find(|m| m.id == staff_id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(staff_json(member))))
}

/// Takes someone off the working group and every session, unless the attendance record
/// has them present at a held session.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/courses/{course_id}/staff/{staff_id}", operation_id = "removeCourseStaff", tag = "courses",
    params(
        CoursePath,
        ("staff_id" = i64, Path, description = "The working-group member's id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        StandardProblems,
        (status = 404, description = "No such course or member here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person was marked present at a held session and stays in the working group; take them off the coming sessions instead", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn remove_course_staff(
    OrgCaller(state, actor, (Id(course_id), Id(staff_id))): OrgCaller<(Id, Id)>,
) -> Result<StatusCode, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    service::remove_staff(&state, &actor, course_id, staff_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct StaffingRule {
    pub min_group_leaders: u32,
    pub min_user_representatives: u32,
    pub leaders_need_certification: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SessionStaffingCheck {
    pub session_id: i64,
    pub number: Option<i64>,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// Empty when staffed by the rule.
    pub gaps: Vec<Gap>,
}

#[derive(Serialize, ToSchema)]
pub struct StaffingCheck {
    /// The programme's rule, per session.
    pub rule: StaffingRule,
    /// Whether every planned session is staffed by the rule (needed to leave draft, unless
    /// a coordinator accepts the deviations with a reason; see setCourseStatus).
    pub fully_staffed: bool,
    pub sessions_lacking_staff: i64,
    /// Every planned session (meetings are not checked).
    pub sessions: Vec<SessionStaffingCheck>,
}

/// The programme's staffing rule checked for every planned session.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/staffing", operation_id = "getStaffingCheck", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "The check, session by session", body = StaffingCheck),
        CourseProblems,
    ))]
pub async fn get_staffing_check(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<StaffingCheck>, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    let rule = view.manual.staffing;
    let sessions: Vec<SessionStaffingCheck> = view
        .sessions
        .iter()
        .filter(|s| s.row.kind.is_session() && s.row.status.is_planned())
        .map(|s| SessionStaffingCheck {
            session_id: s.row.id,
            number: s.number.map(|n| n as i64),
            date: s.row.date.clone(),
            gaps: s.gaps.iter().map(Gap::from).collect(),
        })
        .collect();
    let lacking = sessions.iter().filter(|s| !s.gaps.is_empty()).count() as i64;
    Ok(Json(StaffingCheck {
        rule: StaffingRule {
            min_group_leaders: rule.min_group_leaders,
            min_user_representatives: rule.min_user_representatives,
            leaders_need_certification: rule.leaders_need_certification,
        },
        fully_staffed: lacking == 0,
        sessions_lacking_staff: lacking,
        sessions,
    }))
}
