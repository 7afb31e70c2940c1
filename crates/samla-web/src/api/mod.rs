//! The JSON API under `/api/v1`: the same services as the pages, bearer tokens, errors
//! as `application/problem+json`, and an OpenAPI 3.1 document generated from the code.

mod audit;
mod extract;
mod me;
mod organisations;
mod users;

pub use extract::{ApiJson, ApiQuery, IfMatch};

use crate::AppState;
use axum::routing::{delete, get};
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
}

#[derive(OpenApi)]
#[openapi(
    info(title = "samla API", description = "Group-based learning and coping programmes: the JSON API. Every operation acts with the permissions of the token's owner."),
    paths(
        me::get_me, me::list_tokens, me::create_token, me::revoke_token,
        organisations::get_organisation, organisations::update_organisation,
        users::list_users, users::create_user, users::get_user, users::update_user,
        audit::search_audit,
    ),
    components(schemas(Problem, FieldProblem, audit::OutcomeName)),
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

/// A page of a list; pass `next_cursor` as `cursor` for the next page.
#[derive(Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}
