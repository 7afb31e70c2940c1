use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::calendar::Country;
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::audit;
use samla_storage::organisations::{self, Organisation};

/// An organisation's slug: 2–40 lower-case letters, digits and dashes.
pub fn parse_slug(raw: &str) -> Result<String, FieldError> {
    let slug = raw.trim().to_ascii_lowercase();
    let valid = (2..=40).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if valid {
        Ok(slug)
    } else {
        Err(FieldError::new("slug", "error-slug-invalid"))
    }
}

pub fn parse_country(raw: &str) -> Result<Country, FieldError> {
    Country::parse(raw).ok_or_else(|| FieldError::new("country", "error-country-unknown"))
}

pub fn parse_name(raw: &str) -> Result<String, FieldError> {
    required_line("name", raw, 200)
}

pub async fn settings(state: &AppState, actor: &Actor) -> Result<Organisation, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ManageOrganisationSettings).await?;
    Ok(organisations::get(&mut conn, actor.organisation.id).await?)
}

/// Saves the settings if nobody changed them since `expected_version`.
pub async fn update_settings(
    state: &AppState,
    actor: &Actor,
    name: &str,
    require_second_factor: bool,
    expected_version: i64,
) -> Result<Organisation, WebError> {
    actor.authorize(state, Action::ManageOrganisationSettings).await?;
    let name = parse_name(name).map_err(FieldErrors::single)?;
    let mut tx = state.store.write().await?;
    organisations::update_settings(&mut tx.tx, actor.organisation.id, &name, require_second_factor, expected_version)
        .await?;
    audit::append(
        &mut tx,
        &actor.event("organisation.update", Outcome::Success).record("organisation", actor.organisation.id),
        state.clock.now(),
    )
    .await?;
    let updated = organisations::get(&mut tx.tx, actor.organisation.id).await?;
    tx.commit().await?;
    Ok(updated)
}
