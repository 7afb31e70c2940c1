use super::{Actor, Via};
use crate::error::WebError;
use crate::http::{cookie, RequestId};
use crate::org::OrgContext;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samla_domain::secrets::hash_secret;
use samla_domain::RoleSet;
use samla_storage::accounts::{self, User};
use samla_storage::sessions::{self, LoginSession};

pub const SESSION_IDLE_SECONDS: i64 = 60 * 60;
pub const SESSION_ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// Activity is written back at most this often, to spare the database.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.config.uses_tls() {
        "__Host-samla_session"
    } else {
        "samla_session"
    }
}

/// A live session of a person who is not disabled, at any stage of logging in.
pub struct PendingSession {
    pub session: LoginSession,
    pub user: User,
}

impl PendingSession {
    async fn load(parts: &Parts, state: &AppState) -> Result<Option<PendingSession>, WebError> {
        let Some(secret) = cookie(&parts.headers, session_cookie_name(state)) else {
            return Ok(None);
        };
        let id_hash = hash_secret(secret);
        let now = state.clock.now();
        let mut conn = state.store.pool().acquire().await.map_err(samla_storage::StoreError::from)?;
        let Some(session) = sessions::get(&mut conn, &id_hash).await? else {
            return Ok(None);
        };
        let expired =
            now - session.last_seen_at > SESSION_IDLE_SECONDS || now - session.created_at > SESSION_ABSOLUTE_SECONDS;
        if expired {
            sessions::delete(&mut conn, &id_hash).await?;
            return Ok(None);
        }
        let user = accounts::get(&mut conn, session.user_id).await?;
        if user.is_disabled() {
            sessions::delete_for_user(&mut conn, user.id, None).await?;
            return Ok(None);
        }
        if now - session.last_seen_at > TOUCH_EVERY_SECONDS {
            sessions::touch(&mut conn, &id_hash, now).await?;
        }
        Ok(Some(PendingSession { session, user }))
    }
}

impl FromRequestParts<AppState> for PendingSession {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        PendingSession::load(parts, state).await?.ok_or(WebError::Unauthenticated)
    }
}

impl axum::extract::OptionalFromRequestParts<AppState> for PendingSession {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Option<Self>, Self::Rejection> {
        PendingSession::load(parts, state).await
    }
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let pending = PendingSession::load(parts, state).await?.ok_or(WebError::Unauthenticated)?;
        if pending.session.stage != "full" {
            return Err(WebError::Unauthenticated);
        }
        let organisation_id = pending.session.organisation_id.ok_or(WebError::Unauthenticated)?;
        let mut conn = state.store.pool().acquire().await.map_err(samla_storage::StoreError::from)?;
        let roles = RoleSet::new(accounts::roles_in(&mut conn, pending.user.id, organisation_id).await?);
        if roles.is_empty() {
            return Err(WebError::Unauthenticated);
        }
        let organisation = OrgContext::load(&mut conn, organisation_id).await?;
        let request_id = parts.extensions.get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
        Ok(Actor {
            user_id: pending.user.id,
            email: pending.user.email.clone(),
            name: pending.user.name.clone(),
            has_second_factor: pending.user.has_second_factor(),
            organisation,
            roles,
            via: Via::Session { id_hash: pending.session.id_hash },
            request_id,
        })
    }
}
