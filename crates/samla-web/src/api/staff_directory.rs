//! The staff directory over JSON: whom a coordinator can put on a course, by id for
//! `addCourseStaff`.

use super::users::{page_bounds, RoleName};
use super::{ApiQuery, OrgCaller, Page, Problem};
use crate::api::conventions::{InvalidPaging, NoValidToken, NotAllowed, OrgSlug, OrganisationNotFound};
use crate::error::WebError;
use crate::services::staff_directory as service;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A programme the person is certified to lead.
#[derive(Serialize, ToSchema)]
pub struct StaffCertification {
    pub programme_id: i64,
    pub programme_slug: String,
    pub programme_name: String,
    #[schema(value_type = String, format = Date)]
    pub certified_on: String,
}

/// A person in the staff directory: nothing but what staffing a course needs.
#[derive(Serialize, ToSchema)]
pub struct StaffPerson {
    /// The id `addCourseStaff` and `certifyLeader` take.
    pub user_id: i64,
    pub name: String,
    /// Their roles in the organisation.
    pub roles: Vec<RoleName>,
    pub certifications: Vec<StaffCertification>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffParams {
    /// Only people who hold this role.
    pub role: Option<RoleName>,
    /// How many to return, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[0-9]{1,18}$")]
    pub cursor: Option<String>,
}

/// The people of the organisation with an active account, by name, with their roles and
/// programme certifications (no addresses, phones, account status or second factor), so
/// a coordinator can put a course's working group together. Coordinators and
/// administrators; audited as a read.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/staff", operation_id = "listStaff", tag = "users",
    params(OrgSlug, StaffParams),
    responses(
        (status = 200, description = "A page of people, by name", body = Page<StaffPerson>),
        (status = 400, description = "Malformed request, e.g. an unknown role", body = Problem, content_type = "application/problem+json"),
        NoValidToken, NotAllowed,
        OrganisationNotFound,
        InvalidPaging,
    ))]
pub async fn list_staff(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<StaffParams>,
) -> Result<Json<Page<StaffPerson>>, WebError> {
    let (limit, offset) = page_bounds(params.limit, params.cursor.as_deref())?;
    let role = params.role.map(RoleName::role);
    let people = service::list(&state, &actor, role).await?;
    let offset = offset.unwrap_or(0).min(people.len() as i64) as usize;
    let end = (offset + limit as usize).min(people.len());
    let items = people[offset..end]
        .iter()
        .map(|p| StaffPerson {
            user_id: p.user_id,
            name: p.name.clone(),
            roles: p.roles.iter().map(|r| RoleName::of(*r)).collect(),
            certifications: p
                .certifications
                .iter()
                .map(|c| StaffCertification {
                    programme_id: c.programme_id,
                    programme_slug: c.programme_slug.clone(),
                    programme_name: c.programme_name.clone(),
                    certified_on: c.certified_on.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(Json(Page { items, next_cursor: (end < people.len()).then(|| end.to_string()) }))
}
