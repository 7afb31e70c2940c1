//! Recruitment, referral and intake: from the first contact to a formed group, with
//! consent. Public forms (no login) and staff share the same operations; who may see
//! what is decided here through the policy, and every read of personal data is audited.

mod access;
pub mod applications;
pub mod consents;
pub mod group;
pub mod households;
mod input;
pub mod participants;
pub mod public;
pub mod settings;

pub use access::{sees_sensitive, visible_application};
pub use input::{ApplicationForm, ApplicationInput, ApplicationKind, FormRules};

use crate::AppState;
use chrono::NaiveDate;
use samla_domain::calendar::Country;

/// Today in the organisation's time zone.
pub fn today(state: &AppState, country: &str) -> NaiveDate {
    let tz = Country::parse(country).unwrap_or(Country::Norway).timezone();
    chrono::DateTime::from_timestamp(state.clock.now(), 0)
        .map(|t| t.with_timezone(&tz).date_naive())
        .unwrap_or_default()
}
