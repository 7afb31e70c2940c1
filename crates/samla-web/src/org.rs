//! The organisation a request or a job acts for, and the one place where the clock's
//! "now" becomes the organisation's day and wall-clock time.
//!
//! Days and times are stored as the organisation lives them (a session at 17:00 is 17:00
//! where it is held), so "today", "now" and the day of a stored moment must all be read in
//! the same time zone: the one its country gives. The clock stays a parameter so tests can
//! move it.

use crate::clock::Clock;
use crate::error::WebError;
use crate::AppState;
use chrono::{NaiveDate, NaiveDateTime};
use samla_domain::accounts::Language;
use samla_domain::calendar::Country;
use samla_storage::organisations::{self, Organisation};
use samla_storage::StoreError;
use sqlx::AnyConnection;
use std::collections::hash_map::{Entry, HashMap};

/// Where samla stands when no organisation is known (pages before sign-in, the demo).
pub const HOME_COUNTRY: Country = Country::Norway;

/// An organisation as the services act for it: who it is and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgContext {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: Country,
}

impl From<Organisation> for OrgContext {
    fn from(row: Organisation) -> Self {
        OrgContext { id: row.id, slug: row.slug, name: row.name, country: row.country }
    }
}

impl OrgContext {
    /// The organisation with this id, for work that starts from a record rather than a
    /// signed-in person (public links, calendar feeds, the housekeeping jobs).
    pub async fn load(conn: &mut AnyConnection, id: i64) -> Result<OrgContext, WebError> {
        Ok(organisations::get(conn, id).await?.into())
    }

    /// Dates and times are shown and read in this zone.
    pub fn timezone(&self) -> chrono_tz::Tz {
        self.country.timezone()
    }

    pub fn today(&self, clock: &Clock) -> NaiveDate {
        self.local_date(clock.now())
    }

    /// The wall-clock time now where the organisation is.
    pub fn local_now(&self, clock: &Clock) -> NaiveDateTime {
        self.local_time(clock.now())
    }

    /// The organisation's day of a stored moment (Unix seconds).
    pub fn local_date(&self, unix: i64) -> NaiveDate {
        self.local_time(unix).date()
    }

    /// The organisation's wall-clock time of a stored moment (Unix seconds).
    pub fn local_time(&self, unix: i64) -> NaiveDateTime {
        local_time(self.country, unix)
    }

    /// The language of mail and seeded texts when nobody chose one.
    pub fn language(&self) -> Language {
        language_of(self.country)
    }
}

/// Today in an organisation of `country`, for callers that know only the country (tests
/// set their organisations up by country code).
pub fn today_in(country: Country, clock: &Clock) -> NaiveDate {
    local_time(country, clock.now()).date()
}

/// The language of an organisation in `country`: Danish organisations get the English
/// texts until samla speaks Danish.
pub fn language_of(country: Country) -> Language {
    match country {
        Country::Denmark => Language::English,
        Country::Norway => Language::NorwegianBokmal,
    }
}

fn local_time(country: Country, unix: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.with_timezone(&country.timezone()).naive_local())
        .unwrap_or_default()
}

/// Organisations read once per run of a job that goes through many of them.
#[derive(Default)]
pub struct OrgContexts(HashMap<i64, OrgContext>);

impl OrgContexts {
    pub async fn get(&mut self, state: &AppState, id: i64) -> Result<&OrgContext, WebError> {
        match self.0.entry(id) {
            Entry::Occupied(known) => Ok(known.into_mut()),
            Entry::Vacant(slot) => {
                let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
                Ok(slot.insert(OrgContext::load(&mut conn, id).await?))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(country: Country) -> OrgContext {
        OrgContext { id: 1, slug: "org".into(), name: "Org".into(), country }
    }

    #[test]
    fn a_moment_is_read_in_the_organisations_zone() {
        // 2026-03-28 23:30 UTC: already Sunday in Oslo and Copenhagen (UTC+1 in winter).
        let unix = 1_774_740_600;
        assert_eq!(org(Country::Norway).local_date(unix), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
        assert_eq!(org(Country::Denmark).local_time(unix).to_string(), "2026-03-29 00:30:00");
        // Summer time: 2026-06-30 22:30 UTC is 00:30 the next day.
        assert_eq!(org(Country::Norway).local_date(1_782_858_600), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }

    #[test]
    fn danish_organisations_are_written_to_in_english() {
        assert_eq!(org(Country::Denmark).language(), Language::English);
        assert_eq!(org(Country::Norway).language(), Language::NorwegianBokmal);
    }
}
