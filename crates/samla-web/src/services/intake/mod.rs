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

/// Today in an organisation of this country code (`NO`, `DK`): for tests, which set their
/// organisations up by code. Services ask the organisation
/// ([`crate::org::OrgContext::today`]).
pub fn today(state: &AppState, country: &str) -> NaiveDate {
    crate::org::today_in(Country::parse(country).unwrap_or(crate::org::HOME_COUNTRY), &state.clock)
}
