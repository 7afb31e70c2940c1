//! The staff directory over JSON: whom a coordinator can put on a course, by id for
//! `addCourseStaff`.

use super::users::RoleName;
use super::{ApiQuery, OrgCaller, Page, Problem};
use crate::api::conventions::{InvalidPaging, NoValidToken, NotAllowed, OrgSlug, OrganisationNotFound};
use crate::error::WebError;
use crate::services::staff_directory as service;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

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

page_params! {
    pub struct StaffParams {
        /// Only people who hold this role.
        pub role: Option<RoleName>,
    }
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
    let (limit, offset) = params.page_bounds()?;
    let role = params.role.map(RoleName::role);
    let people = service::list(&state, &actor, role).await?;
    Ok(Json(Page::of_slice(&people, offset, limit, |p| StaffPerson {
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
    })))
}
