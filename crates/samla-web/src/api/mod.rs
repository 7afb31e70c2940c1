//! The JSON API under `/api/v1`: the same services as the pages, bearer tokens, errors
//! as `application/problem+json`, and an OpenAPI 3.1 document generated from the code.

mod audit;
mod calendar;
mod certifications;
mod courses;
mod extract;
mod holidays;
mod me;
mod organisations;
mod programmes;
mod users;

pub use extract::{ApiJson, ApiQuery, IfMatch};

use crate::AppState;
use axum::routing::{delete, get, put};
use axum::{Json, Router};
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi_json))
        .route("/me", get(me::get_me))
        .route("/me/tokens", get(me::list_tokens).post(me::create_token))
        .route("/me/tokens/{token_id}", delete(me::revoke_token))
        .route("/organisations/{org}", get(organisations::get_organisation).put(organisations::update_organisation))
        .route("/organisations/{org}/users", get(users::list_users).post(users::create_user))
        .route("/organisations/{org}/users/{user_id}", get(users::get_user).put(users::update_user))
        .route("/organisations/{org}/audit", get(audit::search_audit))
        .merge(planning_routes())
}

/// The programme library and course planning.
fn planning_routes() -> Router<AppState> {
    const ORG: &str = "/organisations/{org}";
    const COURSE: &str = "/organisations/{org}/courses/{course_id}";
    Router::new()
        .route(&format!("{ORG}/programmes"), get(programmes::list_programmes).post(programmes::import_programme))
        .route(
            &format!("{ORG}/programmes/{{programme}}"),
            get(programmes::get_programme).put(programmes::update_programme),
        )
        .route("/organisations/{org}/programmes/{programme}/certifications", get(certifications::list_certifications))
        .route(
            "/organisations/{org}/programmes/{programme}/certifications/{user_id}",
            axum::routing::put(certifications::certify_leader).delete(certifications::remove_certification),
        )
        .route(&format!("{ORG}/programmes/{{programme}}/versions"), get(programmes::list_programme_versions))
        .route(&format!("{ORG}/programmes/{{programme}}/export"), get(programmes::export_programme))
        .route(&format!("{ORG}/courses"), get(courses::list_courses).post(courses::create_course))
        .route(COURSE, get(courses::get_course).put(courses::update_course))
        .route(&format!("{COURSE}/status"), put(courses::set_course_status))
        .route(&format!("{COURSE}/sessions"), get(courses::list_course_sessions).post(courses::add_session))
        .route(
            &format!("{COURSE}/sessions/{{session_id}}"),
            get(courses::get_course_session).put(courses::move_session),
        )
        .route(&format!("{COURSE}/sessions/{{session_id}}/cancel"), axum::routing::post(courses::cancel_session))
        .route(&format!("{COURSE}/sessions/{{session_id}}/staff"), put(courses::set_session_staff))
        .route(&format!("{COURSE}/staff"), get(courses::list_course_staff).post(courses::add_course_staff))
        .route(&format!("{COURSE}/staff/{{staff_id}}"), delete(courses::remove_course_staff))
        .route(&format!("{COURSE}/staffing"), get(courses::get_staffing_check))
        .route(&format!("{COURSE}/checklist"), get(courses::get_checklist))
        .route(&format!("{COURSE}/checklist/{{item_id}}"), put(courses::update_checklist_item))
        .route(&format!("{COURSE}/budget"), get(courses::get_budget).put(courses::replace_budget))
        .route(
            &format!("{ORG}/school-holidays"),
            get(holidays::list_school_holidays).post(holidays::add_school_holiday),
        )
        .route(&format!("{ORG}/school-holidays/{{holiday_id}}"), delete(holidays::delete_school_holiday))
        .route(
            &format!("{ORG}/calendar-feeds"),
            axum::routing::post(calendar::create_calendar_feed).delete(calendar::revoke_calendar_feed),
        )
}

#[derive(OpenApi)]
#[openapi(
    info(title = "samla API", description = "Group-based learning and coping programmes: the JSON API. Every operation acts with the permissions of the token's owner."),
    paths(
        me::get_me, me::list_tokens, me::create_token, me::revoke_token,
        organisations::get_organisation, organisations::update_organisation,
        users::list_users, users::create_user, users::get_user, users::update_user,
        audit::search_audit,
        programmes::list_programmes, programmes::get_programme, programmes::list_programme_versions,
        certifications::list_certifications, certifications::certify_leader, certifications::remove_certification,
        programmes::import_programme, programmes::update_programme, programmes::export_programme,
        courses::list_courses, courses::create_course, courses::get_course, courses::update_course,
        courses::set_course_status, courses::list_course_sessions, courses::get_course_session,
        courses::add_session, courses::move_session, courses::cancel_session, courses::set_session_staff,
        courses::list_course_staff, courses::add_course_staff, courses::remove_course_staff,
        courses::get_staffing_check, courses::get_checklist, courses::update_checklist_item,
        courses::get_budget, courses::replace_budget,
        holidays::list_school_holidays, holidays::add_school_holiday, holidays::delete_school_holiday,
        calendar::create_calendar_feed, calendar::revoke_calendar_feed,
    ),
    components(schemas(Problem, FieldProblem, audit::OutcomeName, programmes::ProgrammeManual)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("samla personal access token").build(),
            ),
        );
    }
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// An RFC 9457 problem document.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub instance: String,
    pub request_id: String,
    /// One entry per field that could not be accepted.
    pub errors: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field's name, as in the request body.
    pub field: String,
    pub message: String,
}

/// A whole list, short enough to come in one answer.
#[derive(Serialize, ToSchema)]
pub struct Items<T: ToSchema> {
    pub items: Vec<T>,
}

/// A page of a list; pass `next_cursor` as `cursor` for the next page.
#[derive(Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}
