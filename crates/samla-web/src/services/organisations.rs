use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::calendar::Country;
use samla_domain::organisations::{OrganisationKind, Region};
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

/// Where statistics place the organisation, as typed in the settings form: a kind and a
/// region (empty: keep the one set).
#[derive(Debug, Clone, Default)]
pub struct PlacementForm {
    pub kind: String,
    pub region: String,
}

impl PlacementForm {
    fn parse(&self, country: Country, errors: &mut FieldErrors) -> Option<(OrganisationKind, Option<Region>)> {
        let kind = OrganisationKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(FieldError::new("kind", "error-choice"));
        }
        let region = match self.region.as_str() {
            "" => Some(None),
            code => match Region::parse(code) {
                Some(region) if region.country() == country => Some(Some(region)),
                Some(_) => {
                    errors.push(FieldError::new("region", "error-region-country"));
                    None
                }
                None => {
                    errors.push(FieldError::new("region", "error-choice"));
                    None
                }
            },
        };
        Some((kind?, region?))
    }
}

/// Saves the settings (and, from the settings page, where statistics place the
/// organisation) if nobody changed them since `expected_version`.
pub async fn update_settings(
    state: &AppState,
    actor: &Actor,
    name: &str,
    require_second_factor: bool,
    placement: Option<&PlacementForm>,
    expected_version: i64,
) -> Result<Organisation, WebError> {
    actor.authorize(state, Action::ManageOrganisationSettings).await?;
    let mut errors = FieldErrors::new();
    let name = errors.take(parse_name(name));
    let placement = placement.map(|p| p.parse(actor.organisation.country, &mut errors));
    let (name, placement) = errors.finish(|| (name.unwrap_or_default(), placement.flatten()))?;
    let mut tx = state.store.write().await?;
    organisations::update_settings(
        &mut tx.tx,
        actor.organisation.id,
        &name,
        require_second_factor,
        placement,
        expected_version,
    )
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
