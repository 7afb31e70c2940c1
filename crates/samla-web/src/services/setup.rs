//! Bringing up an installation: the first administrator (by the command line or a
//! one-time link printed at start), organisations and people from the command line,
//! and the demo.

use crate::error::WebError;
use crate::services::organisations::{parse_country, parse_name, parse_slug};
use samla_domain::accounts::{Email, NewPassword, PersonName};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{FieldErrors, Role};
use samla_storage::{accounts, audit, organisations, sessions, Store, StoreError};

/// How long the first-administrator link printed at start works.
pub const SETUP_LINK_SECONDS: i64 = 60 * 60;

/// A one-time link to create the first administrator, if there is none yet.
pub async fn setup_link_if_needed(store: &Store, now: i64) -> Result<Option<String>, StoreError> {
    let mut tx = store.write().await?;
    if accounts::count_admins(&mut tx.tx).await? > 0 {
        return Ok(None);
    }
    let secret = random_token(32);
    sessions::create_setup_link(&mut tx.tx, &hash_secret(&secret), None, now + SETUP_LINK_SECONDS).await?;
    tx.commit().await?;
    Ok(Some(secret))
}

pub async fn setup_link_valid(store: &Store, secret: &str, now: i64) -> Result<bool, StoreError> {
    let mut conn = store.pool().acquire().await?;
    Ok(matches!(sessions::find_setup_link(&mut conn, &hash_secret(secret), now).await?, Some(None)))
}

/// What the first-administrator form (and the CLI) asks for.
pub struct FirstAdmin {
    pub organisation_name: String,
    pub slug: String,
    pub country: String,
    pub name: PersonName,
    pub email: Email,
    pub password: NewPassword,
}

impl FirstAdmin {
    pub fn parse(
        organisation_name: &str,
        slug: &str,
        country: &str,
        name: &str,
        email: &str,
        password: &str,
    ) -> Result<FirstAdmin, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organisation_name = errors.take(parse_name(organisation_name).map_err(|mut e| {
            e.field = "organisation_name".into();
            e
        }));
        let slug = errors.take(parse_slug(slug));
        let country = errors.take(parse_country(country));
        let name = errors.take(PersonName::parse("name", name));
        let email = errors.take(Email::parse("email", email));
        let password = errors.take(NewPassword::parse("password", password));
        errors.finish(|| FirstAdmin {
            organisation_name: organisation_name.unwrap(),
            slug: slug.unwrap(),
            country: country.unwrap(),
            name: name.unwrap(),
            email: email.unwrap(),
            password: password.unwrap(),
        })
    }
}

/// Uses the link to create the organisation and its administrator in one transaction.
pub async fn create_first_admin(store: &Store, secret: &str, admin: FirstAdmin, now: i64) -> Result<i64, WebError> {
    let mut tx = store.write().await?;
    if !sessions::use_setup_link(&mut tx.tx, &hash_secret(secret), now).await?
        || accounts::count_admins(&mut tx.tx).await? > 0
    {
        return Err(WebError::Gone);
    }
    let organisation_id =
        organisations::create(&mut tx.tx, &admin.slug, &admin.organisation_name, &admin.country, now).await?;
    let user_id =
        accounts::create(&mut tx.tx, admin.email.as_str(), admin.name.as_str(), admin.password.hash().as_str(), now)
            .await?;
    accounts::add_role(&mut tx.tx, user_id, organisation_id, Role::Admin).await?;
    let mut event = AuditEvent::new("setup.first_admin", Outcome::Success).record("user", user_id);
    event.actor_user_id = Some(user_id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(user_id)
}

/// `samla org add`.
pub async fn add_organisation(store: &Store, slug: &str, name: &str, country: &str, now: i64) -> Result<i64, WebError> {
    let mut errors = FieldErrors::new();
    let slug = errors.take(parse_slug(slug));
    let name = errors.take(parse_name(name));
    let country = errors.take(parse_country(country));
    let (slug, name, country) = errors.finish(|| (slug.unwrap(), name.unwrap(), country.unwrap()))?;
    let mut tx = store.write().await?;
    let id = organisations::create(&mut tx.tx, &slug, &name, &country, now).await?;
    audit::append(
        &mut tx,
        &AuditEvent::new("cli.organisation.create", Outcome::Success).record("organisation", id),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// `samla user add`: creates the person (or adds a role to an existing one).
pub async fn add_user(
    store: &Store,
    organisation_slug: &str,
    email: &str,
    name: &str,
    role: &str,
    password: &str,
    now: i64,
) -> Result<i64, WebError> {
    let mut errors = FieldErrors::new();
    let email = errors.take(Email::parse("email", email));
    let name = errors.take(PersonName::parse("name", name));
    let role =
        errors.take(Role::parse(role).ok_or_else(|| samla_domain::FieldError::new("role", "error-role-unknown")));
    let password = errors.take(NewPassword::parse("password", password));
    let (email, name, role, password) =
        errors.finish(|| (email.unwrap(), name.unwrap(), role.unwrap(), password.unwrap()))?;
    let mut tx = store.write().await?;
    let organisation = organisations::find_by_slug(&mut tx.tx, organisation_slug).await?.ok_or(WebError::NotFound)?;
    let user_id = match accounts::find_by_email(&mut tx.tx, email.as_str()).await? {
        Some(user) => user.id,
        None => accounts::create(&mut tx.tx, email.as_str(), name.as_str(), password.hash().as_str(), now).await?,
    };
    accounts::add_role(&mut tx.tx, user_id, organisation.id, role).await?;
    let mut event = AuditEvent::new("cli.user.add", Outcome::Success).record("user", user_id);
    event.organisation_id = Some(organisation.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(user_id)
}

/// `samla token create`: a token for the person with this e-mail; the secret once.
pub async fn create_token_for(store: &Store, email: &str, label: &str, now: i64) -> Result<String, WebError> {
    let email = Email::parse("email", email).map_err(FieldErrors::single)?;
    let label = crate::services::accounts::parse_token_label(label)?;
    let secret = format!("samla_{}", random_token(32));
    let mut tx = store.write().await?;
    let user = accounts::find_by_email(&mut tx.tx, email.as_str()).await?.ok_or(WebError::NotFound)?;
    let id = samla_storage::tokens::create(&mut tx.tx, user.id, &label, &hash_secret(&secret), now).await?;
    let mut event = AuditEvent::new("cli.token.create", Outcome::Success).record("api_token", id);
    event.actor_user_id = Some(user.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(secret)
}

pub const DEMO_SLUG: &str = "demo";

/// One account per role in a demo organisation. Each start gives the demo accounts
/// fresh random passwords, which are returned for printing.
pub async fn seed_demo(store: &Store, now: i64) -> Result<Vec<(Role, String, String)>, WebError> {
    let mut tx = store.write().await?;
    let organisation_id = match organisations::find_by_slug(&mut tx.tx, DEMO_SLUG).await? {
        Some(organisation) => organisation.id,
        None => {
            let id = organisations::create(&mut tx.tx, DEMO_SLUG, "Demo kommune", "NO", now).await?;
            // The demo lets people in with a password alone so a newcomer can look
            // around at once; real organisations require a second factor.
            organisations::update_settings(&mut tx.tx, id, "Demo kommune", false, 1).await?;
            id
        }
    };
    let mut accounts_out = Vec::new();
    for role in Role::ALL {
        let email = format!("{}@demo.samla.test", role.as_str().replace('_', "-"));
        let name = demo_name(role);
        let password = format!("demo-{}", random_token(9));
        let hash = NewPassword::parse("password", &password)
            .map_err(|_| WebError::Internal("demo password refused".into()))?
            .hash();
        let user_id = match accounts::find_by_email(&mut tx.tx, &email).await? {
            Some(user) => {
                // A restarted demo starts over: new password, no second factor, enabled.
                accounts::set_password(&mut tx.tx, user.id, hash.as_str()).await?;
                accounts::set_totp(&mut tx.tx, user.id, None, &[]).await?;
                accounts::set_disabled(&mut tx.tx, user.id, false).await?;
                samla_storage::sessions::delete_for_user(&mut tx.tx, user.id, None).await?;
                user.id
            }
            None => accounts::create(&mut tx.tx, &email, name, hash.as_str(), now).await?,
        };
        accounts::add_role(&mut tx.tx, user_id, organisation_id, role).await?;
        accounts_out.push((role, email, password));
    }
    let mut event = AuditEvent::new("demo.seed", Outcome::Success).record("organisation", organisation_id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(accounts_out)
}

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Ada Administrator",
        Role::Coordinator => "Kari Koordinator",
        Role::GroupLeader => "Gunnar Gruppeleder",
        Role::Secretary => "Sara Sekretær",
        Role::UserRepresentative => "Bjørn Brukerrepresentant",
        Role::Analyst => "Anne Analytiker",
    }
}
