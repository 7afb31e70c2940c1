//! The organisation's school holidays, which course schedules skip.

use super::extract::Id;
use super::{ApiJson, Items, OrgCaller, Problem};
use crate::api::conventions::{
    NoValidToken, NotAllowed, OrgSlug, OrganisationNotFound, OrganisationProblems, StandardProblems,
};
use crate::error::WebError;
use crate::services::holidays;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use samla_domain::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A school holiday (or any period without sessions); both days included.
#[derive(Serialize, ToSchema)]
pub struct SchoolHoliday {
    pub id: i64,
    pub name: String,
    #[schema(value_type = String, format = Date)]
    pub first_day: String,
    #[schema(value_type = String, format = Date)]
    pub last_day: String,
}

impl From<samla_storage::holidays::SchoolHoliday> for SchoolHoliday {
    fn from(h: samla_storage::holidays::SchoolHoliday) -> Self {
        SchoolHoliday { id: h.id, name: h.name, first_day: h.first_day, last_day: h.last_day }
    }
}

/// The organisation's school holidays, earliest first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/school-holidays", operation_id = "listSchoolHolidays", tag = "courses",
    params(OrgSlug),
    responses(
        (status = 200, description = "The school holidays", body = Items<SchoolHoliday>),
        NoValidToken, NotAllowed,
        OrganisationNotFound,
    ))]
pub async fn list_school_holidays(
    OrgCaller(state, actor, _): OrgCaller,
) -> Result<Json<Items<SchoolHoliday>>, WebError> {
    let items = holidays::list(&state, &actor).await?.into_iter().map(SchoolHoliday::from).collect();
    Ok(Json(Items { items }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSchoolHoliday {
    #[schema(max_length = 100, format = "required_line")]
    pub name: String,
    #[schema(value_type = String, format = Date)]
    pub first_day: String,
    /// Not before the first day, and at most 120 days after it.
    #[schema(value_type = String, format = Date)]
    pub last_day: String,
}

/// Adds a school holiday. Courses planned afterwards skip it; existing schedules stay.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/school-holidays", operation_id = "addSchoolHoliday", tag = "courses",
    params(OrgSlug),
    request_body = NewSchoolHoliday,
    responses(
        (status = 201, description = "Added", body = SchoolHoliday),
        OrganisationProblems,
        (status = 422, description = "Invalid fields, e.g. the last day before the first", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_school_holiday(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewSchoolHoliday>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    let id = holidays::add(&state, &actor, &body.name, &body.first_day, &body.last_day).await?;
    let holiday = holidays::list(&state, &actor).await?.into_iter().find(|h| h.id == id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(SchoolHoliday::from(holiday))))
}

/// Removes a school holiday.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/school-holidays/{holiday_id}", operation_id = "deleteSchoolHoliday", tag = "courses",
    params(OrgSlug, ("holiday_id" = i64, Path, description = "The holiday's id")),
    responses(
        (status = 204, description = "Removed"),
        StandardProblems,
        (status = 404, description = "No such holiday here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_school_holiday(
    OrgCaller(state, actor, Id(holiday_id)): OrgCaller<Id>,
) -> Result<StatusCode, WebError> {
    holidays::remove(&state, &actor, holiday_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
