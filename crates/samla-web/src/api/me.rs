use super::{ApiJson, Problem};
use crate::api::conventions::{InvalidFields, MalformedRequest, NoValidToken};
use crate::auth::{Actor, ApiCaller, Via};
use crate::error::WebError;
use crate::services::accounts;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use samla_domain::RoleSet;
use samla_storage::{accounts as account_store, organisations, tokens, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// `nb` or `en`, when the person has chosen.
    pub language: Option<String>,
    pub has_second_factor: bool,
    pub organisations: Vec<Membership>,
}

#[derive(Serialize, ToSchema)]
pub struct Membership {
    pub slug: String,
    pub name: String,
    /// One or more of admin, coordinator, group_leader, secretary, user_representative, analyst.
    pub roles: Vec<String>,
}

/// The caller, their organisations and roles.
#[utoipa::path(get, path = "/api/v1/me", operation_id = "getMe", tag = "accounts",
    responses(
        (status = 200, description = "The caller", body = Me),
        NoValidToken,
    ))]
pub async fn get_me(State(state): State<AppState>, caller: ApiCaller) -> Result<Json<Me>, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut memberships = Vec::new();
    for (id, slug, name) in account_store::organisations_of(&mut conn, caller.user.id).await? {
        let roles = account_store::roles_in(&mut conn, caller.user.id, id).await?;
        memberships.push(Membership { slug, name, roles: roles.iter().map(|r| r.as_str().to_string()).collect() });
    }
    Ok(Json(Me {
        id: caller.user.id,
        email: caller.user.email.clone(),
        name: caller.user.name.clone(),
        language: caller.user.language.clone(),
        has_second_factor: caller.user.has_second_factor(),
        organisations: memberships,
    }))
}

/// The caller acting on their own account: in their first organisation, which only
/// matters for where the audit rows are filed.
async fn own_account(state: &AppState, caller: &ApiCaller) -> Result<Actor, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let (organisation_id, _, _) = account_store::organisations_of(&mut conn, caller.user.id)
        .await?
        .into_iter()
        .next()
        .ok_or(WebError::Forbidden)?;
    let organisation = organisations::get(&mut conn, organisation_id).await?;
    let roles = RoleSet::new(account_store::roles_in(&mut conn, caller.user.id, organisation_id).await?);
    Ok(Actor {
        user_id: caller.user.id,
        email: caller.user.email.clone(),
        name: caller.user.name.clone(),
        has_second_factor: caller.user.has_second_factor(),
        organisation: organisation.into(),
        roles,
        via: Via::Token { id: caller.token_id },
        request_id: caller.request_id.clone(),
    })
}

#[derive(Serialize, ToSchema)]
pub struct Token {
    /// The token's public id (not the secret).
    pub id: String,
    pub label: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// The caller's personal access tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/me/tokens", operation_id = "listTokens", tag = "accounts",
    responses(
        (status = 200, description = "Tokens, newest first", body = Vec<Token>),
        NoValidToken,
    ))]
pub async fn list_tokens(State(state): State<AppState>, caller: ApiCaller) -> Result<Json<Vec<Token>>, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let list = tokens::list_for_user(&mut conn, caller.user.id).await?;
    Ok(Json(
        list.into_iter()
            .map(|t| Token {
                id: t.public_id,
                label: t.label,
                created_at: t.created_at,
                last_used_at: t.last_used_at,
                revoked_at: t.revoked_at,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for, e.g. "reporting script".
    #[schema(min_length = 1, max_length = 100, format = "required_line")]
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub label: String,
    /// The secret: shown this once, stored only as a hash.
    pub token: String,
}

/// Creates a personal access token with the caller's permissions.
#[utoipa::path(post, path = "/api/v1/me/tokens", operation_id = "createToken", tag = "accounts",
    request_body = NewToken,
    responses(
        (status = 201, description = "Created; the secret is shown once", body = CreatedToken),
        MalformedRequest, NoValidToken,
        InvalidFields,
    ))]
pub async fn create_token(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiJson(body): ApiJson<NewToken>,
) -> Result<impl IntoResponse, WebError> {
    let actor = own_account(&state, &caller).await?;
    let (id, secret) = accounts::create_token(&state, &actor, &body.label).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken { id, label: samla_domain::validation::normalise(&body.label), token: secret }),
    ))
}

/// Revokes one of the caller's tokens at once.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{token_id}", operation_id = "revokeToken", tag = "accounts",
    params(("token_id" = String, Path, description = "The token's public id")),
    responses(
        (status = 204, description = "Revoked"),
        NoValidToken,
        (status = 404, description = "No such live token of yours", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn revoke_token(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(token_id): Path<String>,
) -> Result<StatusCode, WebError> {
    let actor = own_account(&state, &caller).await?;
    accounts::revoke_token(&state, &actor, &token_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
