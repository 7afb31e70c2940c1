//! Logging in: password, then the second factor (or its enrolment when the
//! organisation requires one), each step ending in a fresh session id.

use crate::auth::PendingSession;
use crate::error::WebError;
use crate::AppState;
use samla_domain::accounts::throttle::{ThrottleRule, ThrottleState, PER_ACCOUNT, PER_ADDRESS};
use samla_domain::accounts::totp::TotpSecret;
use samla_domain::accounts::{recovery, Email, PasswordHash};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{FieldError, FieldErrors, RoleSet};
use samla_storage::accounts::{self, User};
use samla_storage::sessions::{self, Throttle};
use samla_storage::{audit, organisations, WriteTx};

/// Where the person goes after a step of logging in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SecondFactor,
    EnrolSecondFactor,
    Full,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SecondFactor => "second_factor",
            Stage::EnrolSecondFactor => "enrol_second_factor",
            Stage::Full => "full",
        }
    }
}

/// A new session: the secret goes into the cookie, only its hash into the database.
pub struct NewSession {
    pub secret: String,
    pub stage: Stage,
    pub language: Option<String>,
}

/// The same answer for every failed login, whatever the reason.
fn refused() -> FieldErrors {
    FieldErrors::single(FieldError::new("email", "error-login-failed"))
}

fn throttle_keys(email: &str, address: &str) -> [(String, ThrottleRule); 2] {
    [
        (format!("account:{}", hash_secret(email)), PER_ACCOUNT),
        (format!("address:{}", hash_secret(address)), PER_ADDRESS),
    ]
}

async fn locked(tx: &mut WriteTx, keys: &[(String, ThrottleRule)], now: i64) -> Result<bool, WebError> {
    for (key, rule) in keys {
        let state = sessions::throttle(&mut tx.tx, key).await?.map(to_state);
        if rule.is_locked(state, now) {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn count_failure(tx: &mut WriteTx, keys: &[(String, ThrottleRule)], now: i64) -> Result<(), WebError> {
    for (key, rule) in keys {
        let state = sessions::throttle(&mut tx.tx, key).await?.map(to_state);
        let next = rule.after_failure(state, now);
        sessions::save_throttle(
            &mut tx.tx,
            key,
            Throttle { failures: next.failures, window_start: next.window_start, locked_until: next.locked_until },
        )
        .await?;
    }
    Ok(())
}

fn to_state(t: Throttle) -> ThrottleState {
    ThrottleState { failures: t.failures, window_start: t.window_start, locked_until: t.locked_until }
}

/// The organisation a person starts in and the stage the login reaches there.
async fn landing(tx: &mut WriteTx, user: &User) -> Result<Option<(i64, Stage)>, WebError> {
    let Some((organisation_id, _, _)) = accounts::organisations_of(&mut tx.tx, user.id).await?.into_iter().next()
    else {
        return Ok(None);
    };
    if user.has_second_factor() {
        return Ok(Some((organisation_id, Stage::SecondFactor)));
    }
    let organisation = organisations::get(&mut tx.tx, organisation_id).await?;
    let roles = RoleSet::new(accounts::roles_in(&mut tx.tx, user.id, organisation_id).await?);
    let stage = if organisation.require_second_factor != 0 && roles.needs_second_factor() {
        Stage::EnrolSecondFactor
    } else {
        Stage::Full
    };
    Ok(Some((organisation_id, stage)))
}

pub async fn start_session(
    tx: &mut WriteTx,
    user_id: i64,
    organisation_id: Option<i64>,
    stage: Stage,
    now: i64,
    user_agent: &str,
) -> Result<String, WebError> {
    let secret = random_token(32);
    let agent: String = user_agent.chars().take(200).collect();
    sessions::create(&mut tx.tx, &hash_secret(&secret), user_id, organisation_id, stage.as_str(), now, &agent).await?;
    Ok(secret)
}

fn login_event(user_id: Option<i64>, outcome: Outcome, request_id: &str) -> AuditEvent {
    let mut event = AuditEvent::new("login.password", outcome);
    event.actor_user_id = user_id;
    event.request_id = Some(request_id.to_string());
    if let Some(id) = user_id {
        event = event.record("user", id);
    }
    event
}

/// Checks e-mail and password. Unknown accounts, wrong passwords, disabled accounts and
/// throttled tries all get the same answer after the same work. A session the browser
/// still held (`previous_id_hash`) ends when the new one starts.
pub async fn with_password(
    state: &AppState,
    email_raw: &str,
    password: &str,
    address: &str,
    user_agent: &str,
    request_id: &str,
    previous_id_hash: Option<&str>,
) -> Result<NewSession, WebError> {
    let now = state.clock.now();
    let email = Email::parse("email", email_raw).map(|e| e.as_str().to_string()).unwrap_or_default();
    let keys = throttle_keys(&email, address);
    let mut tx = state.store.write().await?;
    let is_locked = locked(&mut tx, &keys, now).await?;
    let user = accounts::find_by_email(&mut tx.tx, &email).await?;
    let verified = match &user {
        Some(user) if !is_locked => PasswordHash::from_stored(user.password_hash.clone()).verify(password),
        _ => {
            PasswordHash::verify_nothing(password);
            false
        }
    };
    let usable = verified && user.as_ref().is_some_and(|u| !u.is_disabled());
    let landing = match (&user, usable) {
        (Some(user), true) => landing(&mut tx, user).await?,
        _ => None,
    };
    let (Some(user), Some((organisation_id, stage))) = (user.as_ref().filter(|_| usable), landing) else {
        count_failure(&mut tx, &keys, now).await?;
        audit::append(&mut tx, &login_event(user.as_ref().map(|u| u.id), Outcome::Failure, request_id), now).await?;
        tx.commit().await?;
        return Err(WebError::Invalid(refused()));
    };
    sessions::clear_throttle(&mut tx.tx, &keys[0].0).await?;
    if let Some(previous) = previous_id_hash {
        sessions::delete(&mut tx.tx, previous).await?;
    }
    let secret = start_session(&mut tx, user.id, Some(organisation_id), stage, now, user_agent).await?;
    let mut event = login_event(Some(user.id), Outcome::Success, request_id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(NewSession { secret, stage, language: user.language.clone() })
}

/// Completes a login with a TOTP code or an unused recovery code; the half-way session
/// is replaced by a new one.
pub async fn with_second_factor(
    state: &AppState,
    pending: &PendingSession,
    code: &str,
    address: &str,
    user_agent: &str,
    request_id: &str,
) -> Result<NewSession, WebError> {
    let now = state.clock.now();
    let user = &pending.user;
    let keys = throttle_keys(&user.email, address);
    let mut tx = state.store.write().await?;
    let accepted = !locked(&mut tx, &keys, now).await? && second_factor_matches(&mut tx, user, code, now).await?;
    let mut event = AuditEvent::new("login.second_factor", if accepted { Outcome::Success } else { Outcome::Failure })
        .record("user", user.id);
    event.actor_user_id = Some(user.id);
    event.organisation_id = pending.session.organisation_id;
    event.request_id = Some(request_id.to_string());
    audit::append(&mut tx, &event, now).await?;
    if !accepted {
        count_failure(&mut tx, &keys, now).await?;
        tx.commit().await?;
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new("code", "error-code-wrong"))));
    }
    sessions::clear_throttle(&mut tx.tx, &keys[0].0).await?;
    sessions::delete(&mut tx.tx, &pending.session.id_hash).await?;
    let secret = start_session(&mut tx, user.id, pending.session.organisation_id, Stage::Full, now, user_agent).await?;
    tx.commit().await?;
    Ok(NewSession { secret, stage: Stage::Full, language: user.language.clone() })
}

async fn second_factor_matches(tx: &mut WriteTx, user: &User, code: &str, now: i64) -> Result<bool, WebError> {
    let Some(secret) = user.totp_secret.as_deref().and_then(TotpSecret::from_base32) else {
        return Ok(false);
    };
    if let Some(step) = secret.verify(code, now, user.totp_last_step) {
        return Ok(accounts::advance_totp_step(&mut tx.tx, user.id, step).await?);
    }
    let normalised = recovery::normalise(code);
    if normalised.len() == 12 {
        return Ok(accounts::use_recovery_code(&mut tx.tx, user.id, &hash_secret(&normalised), now).await?);
    }
    Ok(false)
}

/// Ends one session on the server.
pub async fn logout(state: &AppState, pending: &PendingSession, request_id: &str) -> Result<(), WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    sessions::delete(&mut tx.tx, &pending.session.id_hash).await?;
    let mut event = AuditEvent::new("logout", Outcome::Success).record("user", pending.user.id);
    event.actor_user_id = Some(pending.user.id);
    event.organisation_id = pending.session.organisation_id;
    event.request_id = Some(request_id.to_string());
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}
