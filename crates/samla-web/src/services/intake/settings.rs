//! The organisation's intake settings and its list of recruitment channels.

use crate::auth::Actor;
use crate::error::WebError;
use crate::i18n::I18n;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::calendar::Country;
use samla_domain::intake::consent::Purpose;
use samla_domain::intake::ChannelKind;
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::intake::channels::{self, Channel};
use samla_storage::intake::consents;
use samla_storage::intake::settings::{self, IntakeSettings};
use samla_storage::{StoreError, WriteTx};

/// Reading the settings, channels and texts: those who work with intake and those who
/// configure it (an administrator needs the current version to change them).
pub(super) async fn may_read(state: &AppState, actor: &Actor) -> Result<(), WebError> {
    if actor.roles.may(Action::ConfigureIntake) {
        return Ok(());
    }
    actor.authorize(state, Action::ManageIntake).await.map(|_| ())
}

pub async fn get(state: &AppState, actor: &Actor) -> Result<IntakeSettings, WebError> {
    may_read(state, actor).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(settings::get(&mut conn, actor.organisation.id).await?)
}

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SettingsForm {
    /// "true" to ask for and check Norwegian national identity numbers.
    pub national_id_enabled: String,
    /// Days without contact before an application shows up as a task (1–60).
    pub stale_after_days: String,
    /// Age from which a child's own say is recorded besides the guardians' consent (7–18).
    pub child_own_say_from_age: String,
    /// Days a family has to answer an offer (1–60).
    pub offer_days: String,
    /// The phone number the public catalogue shows for questions.
    pub public_phone: String,
    /// The e-mail address the public catalogue shows.
    pub public_email: String,
}

fn bounded(field: &'static str, raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| FieldError::new(field, "error-number-range").with_arg("min", min).with_arg("max", max))
}

pub async fn update(
    state: &AppState,
    actor: &Actor,
    form: &SettingsForm,
    expected_version: i64,
) -> Result<i64, WebError> {
    actor.authorize(state, Action::ConfigureIntake).await?;
    let mut errors = FieldErrors::new();
    let stale = errors.take(bounded("stale_after_days", &form.stale_after_days, 1, 60));
    let own_say = errors.take(bounded("child_own_say_from_age", &form.child_own_say_from_age, 7, 18));
    let offer_days = errors.take(bounded("offer_days", &form.offer_days, 1, 60));
    let public_phone = if form.public_phone.trim().is_empty() {
        Some(String::new())
    } else {
        errors.take(samla_domain::validation::phone("public_phone", &form.public_phone))
    };
    let public_email = if form.public_email.trim().is_empty() {
        Some(String::new())
    } else {
        errors.take(
            samla_domain::accounts::Email::parse("public_email", &form.public_email).map(|e| e.as_str().to_string()),
        )
    };
    errors.finish(|| ())?;
    let settings = IntakeSettings {
        national_id_enabled: i64::from(matches!(form.national_id_enabled.trim(), "true" | "on")),
        stale_after_days: stale.unwrap_or(7),
        child_own_say_from_age: own_say.unwrap_or(12),
        offer_days: offer_days.unwrap_or(7),
        public_phone: public_phone.unwrap_or_default(),
        public_email: public_email.unwrap_or_default(),
        version: expected_version,
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let version = settings::update(&mut tx.tx, actor.organisation.id, &settings, expected_version).await?;
    commit_done(tx, actor, "intake_settings.update", ("organisation", actor.organisation.id), now).await?;
    Ok(version)
}

pub async fn channels(state: &AppState, actor: &Actor) -> Result<Vec<Channel>, WebError> {
    may_read(state, actor).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(channels::list(&mut conn, actor.organisation.id, true).await?)
}

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ChannelForm {
    pub name: String,
    /// heard (how people heard of us), referral (who refers) or both.
    pub kind: String,
}

pub async fn add_channel(state: &AppState, actor: &Actor, form: &ChannelForm) -> Result<i64, WebError> {
    actor.authorize(state, Action::ConfigureIntake).await?;
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", &form.name, 100));
    let kind = errors.take(ChannelKind::parse(form.kind.trim()).ok_or_else(|| FieldError::new("kind", "error-choice")));
    errors.finish(|| ())?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let id =
        channels::add(&mut tx.tx, actor.organisation.id, &name.unwrap_or_default(), kind.unwrap_or(ChannelKind::Both))
            .await?;
    commit_done(tx, actor, "channel.add", ("channel", id), now).await?;
    Ok(id)
}

pub async fn set_channel_archived(state: &AppState, actor: &Actor, id: i64, archived: bool) -> Result<(), WebError> {
    actor.authorize(state, Action::ConfigureIntake).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    channels::set_archived(&mut tx.tx, actor.organisation.id, id, archived).await?;
    commit_done(tx, actor, "channel.archive", ("channel", id), now).await?;
    Ok(())
}

/// Gives a new organisation the seeded recruitment channels and first consent texts in
/// its language, so registrations can be taken from the first day; the coordinator
/// adapts the texts (each change a new version).
pub async fn seed_organisation(
    tx: &mut WriteTx,
    organisation_id: i64,
    country: Country,
    now: i64,
) -> Result<(), WebError> {
    static TEXTS: std::sync::OnceLock<I18n> = std::sync::OnceLock::new();
    let i18n = TEXTS.get_or_init(I18n::load);
    let language = crate::org::language_of(country);
    channels::seed(&mut tx.tx, organisation_id).await?;
    for purpose in Purpose::ALL {
        let key = format!("consent-default-{}", purpose.as_str().replace('_', "-"));
        let body = i18n.text(language, &key, &[]);
        consents::add_text(&mut tx.tx, organisation_id, None, purpose.as_str(), &body, None, now).await?;
    }
    Ok(())
}
