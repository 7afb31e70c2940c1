use super::{Actor, Via};
use crate::error::WebError;
use crate::http::RequestId;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use samla_domain::secrets::hash_secret;
use samla_domain::RoleSet;
use samla_storage::accounts::{self, User};
use samla_storage::{organisations, tokens, StoreError};

/// The token of an `Authorization: Bearer …` header, if the request has one of a
/// token's length.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() < 200)
}

/// An API caller identified by a personal access token; the token acts with exactly
/// its owner's permissions.
pub struct ApiCaller {
    pub user: User,
    pub token_id: i64,
    pub request_id: String,
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let secret = bearer_token(&parts.headers).ok_or(WebError::Unauthenticated)?;
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let token = tokens::find_live(&mut conn, &hash_secret(secret)).await?.ok_or(WebError::Unauthenticated)?;
        let user = accounts::get(&mut conn, token.user_id).await?;
        if user.is_disabled() {
            return Err(WebError::Unauthenticated);
        }
        let now = state.clock.now();
        if token.last_used_at.is_none_or(|at| now - at > 60) {
            tokens::touch(&mut conn, token.id, now).await?;
        }
        let request_id = parts.extensions.get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        Ok(ApiCaller { user, token_id: token.id, request_id })
    }
}

impl ApiCaller {
    /// The caller acting in the organisation with this slug; an organisation they do
    /// not belong to is answered as not found.
    pub async fn in_organisation(&self, state: &AppState, slug: &str) -> Result<Actor, WebError> {
        // No slug holds control characters (PostgreSQL cannot even compare with U+0000).
        if slug.len() > 100 || slug.chars().any(char::is_control) {
            return Err(WebError::NotFound);
        }
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let organisation = organisations::find_by_slug(&mut conn, slug).await?.ok_or(WebError::NotFound)?;
        let roles = RoleSet::new(accounts::roles_in(&mut conn, self.user.id, organisation.id).await?);
        if roles.is_empty() {
            return Err(WebError::NotFound);
        }
        Ok(Actor {
            user_id: self.user.id,
            email: self.user.email.clone(),
            name: self.user.name.clone(),
            has_second_factor: self.user.has_second_factor(),
            organisation: organisation.into(),
            roles,
            via: Via::Token { id: self.token_id },
            request_id: self.request_id.clone(),
        })
    }
}
