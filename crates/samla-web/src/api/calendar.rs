//! Secret, revocable iCalendar feed addresses: one per course, one per person.

use super::{ApiJson, ApiQuery, OrgCaller};
use crate::api::conventions::{OrgSlug, OrganisationCourseProblems};
use crate::error::WebError;
use crate::services::calendar;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCalendarFeed {
    /// A course's feed (planners); left out or null: the caller's own sessions across
    /// the courses they work on.
    #[serde(default, deserialize_with = "super::courses::whole::optional")]
    pub course_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CalendarFeed {
    pub course_id: Option<i64>,
    /// The secret address for calendar apps, shown this once (only a hash is kept).
    /// It carries times, titles and places, never participant data.
    pub url: String,
}

/// A new secret feed address; the previous address of the same feed stops working.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/calendar-feeds", operation_id = "createCalendarFeed", tag = "courses",
    params(OrgSlug),
    request_body = NewCalendarFeed,
    responses(
        (status = 201, description = "Created; the address is shown once", body = CalendarFeed),
        OrganisationCourseProblems,
    ))]
pub async fn create_calendar_feed(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewCalendarFeed>,
) -> Result<impl IntoResponse, WebError> {
    let url = calendar::new_feed(&state, &actor, body.course_id).await?;
    Ok((StatusCode::CREATED, Json(CalendarFeed { course_id: body.course_id, url })))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// A course's feed; left out: the caller's own.
    pub course_id: Option<i64>,
}

/// Revokes a feed address at once (a course's, or the caller's own).
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/calendar-feeds", operation_id = "revokeCalendarFeed", tag = "courses",
    params(OrgSlug, FeedParams),
    responses(
        (status = 204, description = "Revoked (or there was none)"),
        OrganisationCourseProblems,
    ))]
pub async fn revoke_calendar_feed(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<FeedParams>,
) -> Result<StatusCode, WebError> {
    calendar::revoke_feed(&state, &actor, params.course_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
