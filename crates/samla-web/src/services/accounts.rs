//! A person's own account, and the administration of people in an organisation.

use super::login::{start_session, Stage};
use crate::auth::{Actor, PendingSession};
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::accounts::totp::TotpSecret;
use samla_domain::accounts::{recovery, Email, Language, NewPassword, PasswordHash, PersonName};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors, Role};
use samla_storage::accounts::{self, Member};
use samla_storage::{audit, sessions, tokens, StoreError};

/// How long an invitation link works.
pub const INVITATION_SECONDS: i64 = 7 * 24 * 60 * 60;
/// Stored in place of a password for someone who has not chosen one yet: no password
/// ever verifies against it.
const NO_PASSWORD: &str = "!";

/// Saves a second factor the person has proved they can use, with fresh recovery
/// codes (returned once). A login that was waiting for enrolment becomes a full session.
pub async fn enrol_second_factor(
    state: &AppState,
    pending: &PendingSession,
    secret_base32: &str,
    code: &str,
    user_agent: &str,
    request_id: &str,
) -> Result<(Vec<String>, Option<String>), WebError> {
    let now = state.clock.now();
    let secret = TotpSecret::from_base32(secret_base32)
        .filter(|s| s.to_base32().len() >= 32)
        .ok_or_else(|| FieldErrors::single(FieldError::new("code", "error-code-wrong")))?;
    let Some(step) = secret.verify(code, now, None) else {
        return Err(FieldErrors::single(FieldError::new("code", "error-code-wrong")).into());
    };
    let codes = recovery::generate_codes();
    let hashes: Vec<String> = codes.iter().map(|c| hash_secret(&recovery::normalise(c))).collect();
    let mut tx = state.store.write().await?;
    accounts::set_totp(&mut tx.tx, pending.user.id, Some(&secret.to_base32()), &hashes).await?;
    accounts::advance_totp_step(&mut tx.tx, pending.user.id, step).await?;
    let mut event = AuditEvent::new("account.second_factor.enrol", Outcome::Success).record("user", pending.user.id);
    event.actor_user_id = Some(pending.user.id);
    event.organisation_id = pending.session.organisation_id;
    event.request_id = Some(request_id.to_string());
    audit::append(&mut tx, &event, now).await?;
    let new_session = if pending.session.stage == Stage::EnrolSecondFactor.as_str() {
        sessions::delete(&mut tx.tx, &pending.session.id_hash).await?;
        Some(
            start_session(&mut tx, pending.user.id, pending.session.organisation_id, Stage::Full, now, user_agent)
                .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    Ok((codes, new_session))
}

/// The person's new password, checked against the current one. Other sessions end.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current: &str,
    new: &str,
    repeat: &str,
) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageOwnAccount).await?;
    let mut errors = FieldErrors::new();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let user = accounts::get(&mut conn, actor.user_id).await?;
    drop(conn);
    if !PasswordHash::from_stored(user.password_hash).verify(current) {
        errors.push(FieldError::new("current_password", "error-password-wrong"));
    }
    let password = errors.take(NewPassword::parse("new_password", new));
    if password.as_ref().is_some_and(|p| !p.matches(repeat)) {
        errors.push(FieldError::new("repeat_password", "error-password-mismatch"));
    }
    let password = errors.finish(|| password)?.expect("checked above");
    let mut tx = state.store.write().await?;
    accounts::set_password(&mut tx.tx, actor.user_id, password.hash().as_str()).await?;
    sessions::delete_for_user(&mut tx.tx, actor.user_id, actor.session_id_hash()).await?;
    commit_done(tx, actor, "account.password.change", ("user", actor.user_id), state.clock.now()).await?;
    Ok(())
}

pub async fn set_language(state: &AppState, user_id: i64, language: Language) -> Result<(), WebError> {
    let mut tx = state.store.write().await?;
    accounts::set_language(&mut tx.tx, user_id, language.code()).await?;
    tx.commit().await?;
    Ok(())
}

pub fn parse_token_label(raw: &str) -> Result<String, FieldErrors> {
    required_line("label", raw, 100).map_err(FieldErrors::single)
}

/// A new personal access token; the secret is returned once and stored only as a hash.
/// Returns the token's public id and its secret.
pub async fn create_token(state: &AppState, actor: &Actor, label: &str) -> Result<(String, String), WebError> {
    actor.authorize(state, Action::ManageOwnAccount).await?;
    let label = parse_token_label(label)?;
    let secret = format!("samla_{}", random_token(32));
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let hash = hash_secret(&secret);
    tokens::create(&mut tx.tx, actor.user_id, &label, &hash, now).await?;
    // Audit rows name a token by its public id, the one its revocation names too.
    let public_id = hash[..16].to_string();
    commit_done(tx, actor, "account.token.create", ("api_token", &public_id), now).await?;
    Ok((public_id, secret))
}

pub async fn revoke_token(state: &AppState, actor: &Actor, public_id: &str) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageOwnAccount).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if !tokens::revoke(&mut tx.tx, actor.user_id, public_id, now).await? {
        return Err(WebError::NotFound);
    }
    commit_done(tx, actor, "account.token.revoke", ("api_token", public_id), now).await?;
    Ok(())
}

/// Ends one of the person's own sessions, or all but the current one.
pub async fn end_sessions(state: &AppState, actor: &Actor, which: Option<&str>) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageOwnAccount).await?;
    let mut tx = state.store.write().await?;
    match which {
        Some(id_hash) => {
            if !sessions::delete_one_of_user(&mut tx.tx, actor.user_id, id_hash).await? {
                return Err(WebError::NotFound);
            }
        }
        None => {
            sessions::delete_for_user(&mut tx.tx, actor.user_id, actor.session_id_hash()).await?;
        }
    }
    commit_done(tx, actor, "account.sessions.end", ("user", actor.user_id), state.clock.now()).await?;
    Ok(())
}

/// A person to add, as typed into the form or the API.
pub struct NewMember {
    pub email: Email,
    pub name: PersonName,
    pub roles: Vec<Role>,
}

pub fn parse_roles(raw: &[String]) -> Result<Vec<Role>, FieldError> {
    let roles: Option<Vec<Role>> = raw.iter().map(|r| Role::parse(r)).collect();
    match roles {
        Some(roles) if !roles.is_empty() => Ok(roles),
        Some(_) => Err(FieldError::new("roles", "error-roles-required")),
        None => Err(FieldError::new("roles", "error-role-unknown")),
    }
}

impl NewMember {
    pub fn parse(email: &str, name: &str, roles: &[String]) -> Result<NewMember, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take(PersonName::parse("name", name));
        let email = errors.take(Email::parse("email", email));
        let roles = errors.take(parse_roles(roles));
        errors.finish(|| NewMember { email: email.unwrap(), name: name.unwrap(), roles: roles.unwrap() })
    }
}

/// Adds a person who will choose their own password through a one-time invitation
/// link (returned as its secret); no administrator ever knows it.
pub async fn invite(state: &AppState, actor: &Actor, new: NewMember) -> Result<(i64, String), WebError> {
    actor.authorize(state, Action::ManageUsers).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let user_id = match accounts::find_by_email(&mut tx.tx, new.email.as_str()).await? {
        // Someone with an account elsewhere joins this organisation too; an existing
        // member is a conflict.
        Some(existing) => {
            if !accounts::roles_in(&mut tx.tx, existing.id, actor.organisation.id).await?.is_empty() {
                return Err(WebError::Taken("email"));
            }
            existing.id
        }
        None => accounts::create(&mut tx.tx, new.email.as_str(), new.name.as_str(), NO_PASSWORD, now).await?,
    };
    accounts::set_roles(&mut tx.tx, user_id, actor.organisation.id, &new.roles).await?;
    let secret = random_token(32);
    sessions::create_setup_link(&mut tx.tx, &hash_secret(&secret), Some(user_id), now + INVITATION_SECONDS).await?;
    commit_done(tx, actor, "user.invite", ("user", user_id), now).await?;
    Ok((user_id, secret))
}

/// A fresh invitation for an existing member, e.g. after a forgotten password.
pub async fn reinvite(state: &AppState, actor: &Actor, user_id: i64) -> Result<String, WebError> {
    actor.authorize(state, Action::ManageUsers).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    accounts::get_member(&mut tx.tx, actor.organisation.id, user_id).await?;
    let secret = random_token(32);
    sessions::create_setup_link(&mut tx.tx, &hash_secret(&secret), Some(user_id), now + INVITATION_SECONDS).await?;
    commit_done(tx, actor, "user.reinvite", ("user", user_id), now).await?;
    Ok(secret)
}

/// Reads one member of the actor's organisation (audited once found).
pub async fn member(state: &AppState, actor: &Actor, user_id: i64) -> Result<Member, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ManageUsers).await?;
    let member = accounts::get_member(&mut conn, actor.organisation.id, user_id).await?;
    drop(conn);
    actor.record_read(state, "user.view", "user", user_id).await?;
    Ok(member)
}

/// Members of the actor's organisation, a page at a time (audited).
pub async fn members(state: &AppState, actor: &Actor, after_id: i64, limit: i64) -> Result<Vec<Member>, WebError> {
    actor.read_personal(state, Action::ManageUsers, "user.list", "organisation", actor.organisation.id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(accounts::list_members(&mut conn, actor.organisation.id, after_id, limit).await?)
}

/// A change to a member: name, roles here, and whether the account is disabled.
pub struct MemberChange {
    pub name: PersonName,
    pub roles: Vec<Role>,
    pub disabled: bool,
}

impl MemberChange {
    pub fn parse(name: &str, roles: &[String], disabled: bool) -> Result<MemberChange, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take(PersonName::parse("name", name));
        let roles = errors.take(parse_roles(roles));
        errors.finish(|| MemberChange { name: name.unwrap(), roles: roles.unwrap(), disabled })
    }
}

/// Saves a member's changes if nobody changed them since `expected_version`. Removing a
/// role or disabling the account ends their live sessions at once.
pub async fn update_member(
    state: &AppState,
    actor: &Actor,
    user_id: i64,
    change: MemberChange,
    expected_version: Option<i64>,
) -> Result<Member, WebError> {
    actor.authorize(state, Action::ManageUsers).await?;
    if user_id == actor.user_id && (change.disabled || !change.roles.contains(&Role::Admin)) {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("roles", "error-cannot-demote-self"))));
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let before = accounts::get_member(&mut tx.tx, actor.organisation.id, user_id).await?;
    accounts::bump_version(&mut tx.tx, user_id, expected_version).await?;
    accounts::set_name(&mut tx.tx, user_id, change.name.as_str()).await?;
    accounts::set_roles(&mut tx.tx, user_id, actor.organisation.id, &change.roles).await?;
    accounts::set_disabled(&mut tx.tx, user_id, change.disabled).await?;
    let lost_role = before.roles.iter().any(|r| !change.roles.contains(r));
    if change.disabled || lost_role {
        sessions::delete_for_user(&mut tx.tx, user_id, None).await?;
    }
    audit::append(&mut tx, &actor.event("user.update", Outcome::Success).record("user", user_id), now).await?;
    let after = accounts::get_member(&mut tx.tx, actor.organisation.id, user_id).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a member's second factor (a lost phone); they enrol again at next login.
pub async fn reset_second_factor(state: &AppState, actor: &Actor, user_id: i64) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageUsers).await?;
    let mut tx = state.store.write().await?;
    accounts::get_member(&mut tx.tx, actor.organisation.id, user_id).await?;
    accounts::set_totp(&mut tx.tx, user_id, None, &[]).await?;
    sessions::delete_for_user(&mut tx.tx, user_id, None).await?;
    commit_done(tx, actor, "user.second_factor.reset", ("user", user_id), state.clock.now()).await?;
    Ok(())
}

/// Whether an invitation link can still be used; returns the invited person.
pub async fn invitation(state: &AppState, secret: &str) -> Result<accounts::User, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    match sessions::find_setup_link(&mut conn, &hash_secret(secret), state.clock.now()).await? {
        Some(Some(user_id)) => Ok(accounts::get(&mut conn, user_id).await?),
        _ => Err(WebError::Gone),
    }
}

/// The invited person chooses a password; the link is then used up.
pub async fn accept_invitation(
    state: &AppState,
    secret: &str,
    password: &str,
    repeat: &str,
    request_id: &str,
) -> Result<(), WebError> {
    let mut errors = FieldErrors::new();
    let password = errors.take(NewPassword::parse("password", password));
    if password.as_ref().is_some_and(|p| !p.matches(repeat)) {
        errors.push(FieldError::new("repeat_password", "error-password-mismatch"));
    }
    let password = errors.finish(|| password)?.expect("checked above");
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let Some(Some(user_id)) = sessions::find_setup_link(&mut tx.tx, &hash_secret(secret), now).await? else {
        return Err(WebError::Gone);
    };
    if !sessions::use_setup_link(&mut tx.tx, &hash_secret(secret), now).await? {
        return Err(WebError::Gone);
    }
    accounts::set_password(&mut tx.tx, user_id, password.hash().as_str()).await?;
    let mut event = AuditEvent::new("user.invitation.accept", Outcome::Success).record("user", user_id);
    event.actor_user_id = Some(user_id);
    event.request_id = Some(request_id.to_string());
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}
