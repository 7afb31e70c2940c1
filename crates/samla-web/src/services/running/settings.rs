//! The organisation's settings for running courses: after how many absences in a row a
//! leader is asked to contact the family, how long before a session participants are
//! reminded, and how long after a session its leaders are reminded of an unwritten log.
//! Read and changed by those who configure course work (coordinators, administrators).
//! The settings have no version: a save replaces all three values at once.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::running::settings::{self, RunningSettings};

/// The bounds of each value: (field, smallest, largest). A follow-up threshold of 0 turns
/// follow-up tasks off.
pub const FOLLOW_UP_AFTER_ABSENCES: (&str, i64, i64) = ("follow_up_after_absences", 0, 10);
pub const REMINDER_HOURS_BEFORE: (&str, i64, i64) = ("reminder_hours_before", 1, 168);
pub const LOG_GRACE_HOURS: (&str, i64, i64) = ("log_grace_hours", 1, 168);

pub async fn get(state: &AppState, actor: &Actor) -> Result<RunningSettings, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ConfigureCourseWork).await?;
    Ok(settings::get(&mut conn, actor.organisation.id).await?)
}

/// The settings as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SettingsForm {
    pub follow_up_after_absences: String,
    pub reminder_hours_before: String,
    pub log_grace_hours: String,
}

fn bounded((field, min, max): (&'static str, i64, i64), raw: &str) -> Result<i64, FieldError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| FieldError::new(field, "error-number-range").with_arg("min", min).with_arg("max", max))
}

impl SettingsForm {
    /// Every value checked; each problem named by its field.
    pub fn parse(&self) -> Result<RunningSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let follow_up = errors.take(bounded(FOLLOW_UP_AFTER_ABSENCES, &self.follow_up_after_absences));
        let hours_before = errors.take(bounded(REMINDER_HOURS_BEFORE, &self.reminder_hours_before));
        let grace = errors.take(bounded(LOG_GRACE_HOURS, &self.log_grace_hours));
        let defaults = RunningSettings::default();
        errors.finish(|| RunningSettings {
            follow_up_after_absences: follow_up.unwrap_or(defaults.follow_up_after_absences),
            reminder_hours_before: hours_before.unwrap_or(defaults.reminder_hours_before),
            log_grace_hours: grace.unwrap_or(defaults.log_grace_hours),
        })
    }
}

pub async fn update(state: &AppState, actor: &Actor, form: &SettingsForm) -> Result<RunningSettings, WebError> {
    actor.authorize(state, Action::ConfigureCourseWork).await?;
    let settings = form.parse()?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    settings::save(&mut tx.tx, actor.organisation.id, &settings).await?;
    commit_done(tx, actor, "running_settings.update", ("organisation", actor.organisation.id), now).await?;
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(follow_up: &str, before: &str, grace: &str) -> SettingsForm {
        SettingsForm {
            follow_up_after_absences: follow_up.into(),
            reminder_hours_before: before.into(),
            log_grace_hours: grace.into(),
        }
    }

    #[test]
    fn values_within_bounds_are_taken() {
        let parsed = form(" 3 ", "48", "168").parse().unwrap();
        assert_eq!(
            parsed,
            RunningSettings { follow_up_after_absences: 3, reminder_hours_before: 48, log_grace_hours: 168 }
        );
        assert!(form("1", "1", "1").parse().is_ok());
        assert!(form("10", "168", "168").parse().is_ok());
        assert_eq!(form("0", "24", "24").parse().unwrap().follow_up_after_absences, 0, "0: follow-up off");
    }

    #[test]
    fn each_bad_value_is_named_by_its_field() {
        let errors = form("-1", "169", "soon").parse().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["follow_up_after_absences", "reminder_hours_before", "log_grace_hours"]);
        assert!(errors.0.iter().all(|e| e.code == "error-number-range"));
        let errors = form("11", "", "-1").parse().unwrap_err();
        assert_eq!(errors.0.len(), 3);
        let errors = form("11", "0", "0").parse().unwrap_err();
        assert_eq!(errors.0.len(), 3, "only the threshold may be 0");
    }
}
