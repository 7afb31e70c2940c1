//! The JSON API under `/api/v1`: the same services as the pages, bearer tokens, errors
//! as `application/problem+json`, and an OpenAPI 3.1 document generated from the code.

/// The API's name of a domain value, variant by variant (the two enums spell their
/// variants alike): a value added to the domain does not compile until the API names it.
macro_rules! name_from {
    ($domain:ty => $name:ident { $($variant:ident),+ $(,)? }) => {
        impl From<$domain> for $name {
            fn from(value: $domain) -> Self {
                match value {
                    $(<$domain>::$variant => $name::$variant),+
                }
            }
        }
    };
}

#[macro_use]
mod paging;

mod access_requests;
mod audit;
mod calendar;
mod certifications;
pub mod conventions;
mod courses;
mod cross_field;
mod extract;
mod holidays;
mod intake;
mod links;
mod me;
mod organisations;
mod outbox;
mod privacy;
mod processing;
mod programmes;
mod questionnaires;
mod reports;
mod retention;
mod running;
mod staff_directory;
mod users;

pub use extract::{ApiJson, ApiQuery, CreateOrReplace, IfMatch, OrgCaller, OrgPath, Versioned};

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
        .route("/organisations/{org}/staff", get(staff_directory::list_staff))
        .route("/organisations/{org}/audit", get(audit::search_audit))
        .route("/organisations/{org}/outbox", get(outbox::list_outbox_messages))
        .route("/organisations/{org}/outbox/{message_id}/retry", axum::routing::post(outbox::retry_outbox_message))
        .merge(planning_routes())
        .merge(intake_routes())
        .merge(running::routes())
        .merge(questionnaires::routes())
        .merge(reports::routes())
        .merge(privacy::routes())
        .merge(access_requests::routes())
        .merge(processing::routes())
        .merge(retention::routes())
}

/// Recruitment, referral and intake.
fn intake_routes() -> Router<AppState> {
    use axum::routing::post;
    const ORG: &str = "/organisations/{org}";
    const APPLICATION: &str = "/organisations/{org}/applications/{application_id}";
    Router::new()
        .route(&format!("{ORG}/applications"), get(intake::list_applications).post(intake::create_application))
        .route(APPLICATION, get(intake::get_application).patch(intake::update_application))
        .route(&format!("{APPLICATION}/stage"), post(intake::move_application))
        .route(&format!("{APPLICATION}/pre-conversations"), post(intake::record_pre_conversation))
        .route(&format!("{APPLICATION}/merge"), post(intake::merge_application))
        .route(&format!("{APPLICATION}/consents"), get(intake::list_consents).post(intake::record_consent))
        .route(&format!("{APPLICATION}/consents/{{consent_id}}/withdraw"), post(intake::withdraw_consent))
        .route(&format!("{APPLICATION}/consent-links"), post(intake::send_consent_link))
        .route(&format!("{ORG}/households/{{household_id}}"), get(intake::get_household))
        .route(&format!("{ORG}/households/{{household_id}}/adults"), post(intake::add_household_adult))
        .route(&format!("{ORG}/programmes/{{programme}}/waitlist"), get(intake::list_waitlist))
        .route(&format!("{ORG}/courses/{{course_id}}/group-proposal"), post(intake::propose_group))
        .route(&format!("{ORG}/courses/{{course_id}}/group-proposal/confirm"), post(intake::confirm_group))
        .route(&format!("{ORG}/courses/{{course_id}}/participants"), get(intake::list_course_participants))
        .route(
            &format!("{ORG}/recruitment-channels"),
            get(intake::list_recruitment_channels).post(intake::create_recruitment_channel),
        )
        .route(&format!("{ORG}/recruitment-channels/{{channel_id}}/archive"), post(intake::archive_recruitment_channel))
        .route(&format!("{ORG}/consent-texts"), get(intake::list_consent_texts).post(intake::create_consent_text))
        .route(&format!("{ORG}/intake-settings"), get(intake::get_intake_settings).put(intake::update_intake_settings))
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
        .route(&format!("{ORG}/programmes/{{programme}}/archive"), axum::routing::post(programmes::archive_programme))
        .route(
            &format!("{ORG}/programmes/{{programme}}/unarchive"),
            axum::routing::post(programmes::unarchive_programme),
        )
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
        staff_directory::list_staff,
        audit::search_audit,
        outbox::list_outbox_messages, outbox::retry_outbox_message,
        programmes::list_programmes, programmes::get_programme, programmes::list_programme_versions,
        certifications::list_certifications, certifications::certify_leader, certifications::remove_certification,
        programmes::import_programme, programmes::update_programme, programmes::export_programme,
        programmes::archive_programme, programmes::unarchive_programme,
        courses::list_courses, courses::create_course, courses::get_course, courses::update_course,
        courses::set_course_status, courses::list_course_sessions, courses::get_course_session,
        courses::add_session, courses::move_session, courses::cancel_session, courses::set_session_staff,
        courses::list_course_staff, courses::add_course_staff, courses::remove_course_staff,
        courses::get_staffing_check, courses::get_checklist, courses::update_checklist_item,
        courses::get_budget, courses::replace_budget,
        holidays::list_school_holidays, holidays::add_school_holiday, holidays::delete_school_holiday,
        calendar::create_calendar_feed, calendar::revoke_calendar_feed,
        intake::create_application, intake::list_applications, intake::get_application,
        intake::update_application, intake::move_application, intake::record_pre_conversation,
        intake::merge_application, intake::list_consents, intake::record_consent, intake::withdraw_consent,
        intake::send_consent_link, intake::get_household, intake::add_household_adult, intake::list_waitlist,
        intake::propose_group, intake::confirm_group, intake::list_course_participants,
        intake::list_recruitment_channels, intake::create_recruitment_channel,
        intake::archive_recruitment_channel, intake::list_consent_texts, intake::create_consent_text,
        intake::get_intake_settings, intake::update_intake_settings,
    ),
    components(schemas(Problem, FieldProblem, audit::OutcomeName, outbox::OutboxStatus, programmes::ProgrammeManual)),
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
        // The token a programme's owner gives an installation of its own: it only pushes
        // that installation's statistics submissions.
        components.add_security_scheme(
            "installation",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("samla installation token").build(),
            ),
        );
    }
}

/// The whole OpenAPI document: the operations listed on [`ApiDoc`] and those of running a
/// course, questionnaires and reports, which each feature lists beside its handlers; then
/// what they all share ([`conventions`]).
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
    document.merge(running::document());
    document.merge(questionnaires::document());
    document.merge(reports::document());
    document.merge(privacy::Doc::openapi());
    document.merge(access_requests::Doc::openapi());
    document.merge(processing::Doc::openapi());
    document.merge(retention::Doc::openapi());
    conventions::apply(&mut document);
    document
}

/// The served document: [`document`] with the links between operations (see `links`),
/// made once.
pub fn document_json() -> &'static serde_json::Value {
    static DOCUMENT: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut json = serde_json::to_value(document()).expect("the OpenAPI document serialises");
        links::add_links(&mut json);
        cross_field::add_rules(&mut json);
        json
    })
}

async fn openapi_json() -> Json<&'static serde_json::Value> {
    Json(document_json())
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

/// A list collected straight into an answer: `Json(rows.iter().map(row_json).collect())`.
impl<T: ToSchema> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Items { items: iter.into_iter().collect() }
    }
}

/// A page of a list; pass `next_cursor` as `cursor` for the next page.
#[derive(Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    /// The served document as reviewed: any change to the API (an operation, a field, a
    /// status, a description) shows as a change of `snapshots/`, to be read and accepted
    /// on purpose (`cargo insta review`, or `INSTA_UPDATE=always` and read the diff).
    #[test]
    fn the_openapi_document_is_as_reviewed() {
        insta::assert_json_snapshot!("openapi", super::document_json());
    }
}
