//! Countries, their public holidays (computed, including the Easter-dependent ones) and
//! the school holidays an organisation enters.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "NO")]
    Norway,
    #[serde(rename = "DK")]
    Denmark,
}

impl Country {
    pub const ALL: [Country; 2] = [Country::Norway, Country::Denmark];

    pub fn code(self) -> &'static str {
        match self {
            Country::Norway => "NO",
            Country::Denmark => "DK",
        }
    }

    pub fn parse(raw: &str) -> Option<Country> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "NO" => Some(Country::Norway),
            "DK" => Some(Country::Denmark),
            _ => None,
        }
    }

    pub fn timezone(self) -> chrono_tz::Tz {
        match self {
            Country::Norway => chrono_tz::Europe::Oslo,
            Country::Denmark => chrono_tz::Europe::Copenhagen,
        }
    }

    pub fn currency(self) -> &'static str {
        match self {
            Country::Norway => "NOK",
            Country::Denmark => "DKK",
        }
    }
}

/// A country code samla does not serve (the database allows only those it does).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code {0:?}")]
pub struct UnknownCountry(pub String);

/// How a stored country code is read back: strictly, since a code the database let in
/// but samla cannot place in a time zone is a fault, not a Norwegian organisation.
impl TryFrom<String> for Country {
    type Error = UnknownCountry;

    fn try_from(code: String) -> Result<Country, UnknownCountry> {
        Country::parse(&code).ok_or(UnknownCountry(code))
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("the algorithm yields a valid date")
}

/// A public holiday: its date and a translation key for its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicHoliday {
    pub date: NaiveDate,
    pub key: &'static str,
}

fn fixed(year: i32, month: u32, day: u32, key: &'static str) -> PublicHoliday {
    PublicHoliday { date: NaiveDate::from_ymd_opt(year, month, day).expect("fixed holidays exist"), key }
}

/// The public holidays of a country in one year, in date order.
pub fn public_holidays(country: Country, year: i32) -> Vec<PublicHoliday> {
    let easter = easter_sunday(year);
    let relative = |days: i64, key: &'static str| PublicHoliday { date: easter + Duration::days(days), key };
    let mut days = vec![
        fixed(year, 1, 1, "holiday-new-year"),
        relative(-3, "holiday-maundy-thursday"),
        relative(-2, "holiday-good-friday"),
        relative(0, "holiday-easter-sunday"),
        relative(1, "holiday-easter-monday"),
        relative(39, "holiday-ascension"),
        relative(49, "holiday-whit-sunday"),
        relative(50, "holiday-whit-monday"),
        fixed(year, 12, 25, "holiday-christmas-day"),
        fixed(year, 12, 26, "holiday-boxing-day"),
    ];
    match country {
        Country::Norway => {
            days.push(fixed(year, 5, 1, "holiday-labour-day"));
            days.push(fixed(year, 5, 17, "holiday-constitution-day-no"));
        }
        Country::Denmark => {
            // Store bededag was abolished as a public holiday from 2024.
            if year <= 2023 {
                days.push(relative(26, "holiday-great-prayer-day"));
            }
        }
    }
    days.sort_by_key(|h| h.date);
    days
}

pub fn public_holiday(country: Country, date: NaiveDate) -> Option<PublicHoliday> {
    public_holidays(country, date.year()).into_iter().find(|h| h.date == date)
}

/// A school holiday (or any closed period) as the organisation enters it; both days
/// included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedPeriod {
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl ClosedPeriod {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn stored_codes_read_back_and_others_are_refused() {
        assert_eq!(Country::try_from("NO".to_string()), Ok(Country::Norway));
        assert_eq!(Country::try_from("DK".to_string()), Ok(Country::Denmark));
        assert_eq!(Country::try_from("SE".to_string()), Err(UnknownCountry("SE".into())));
    }

    #[test]
    fn easter_known_dates() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
        assert_eq!(easter_sunday(2285), d(2285, 3, 22));
    }

    #[test]
    fn norway_has_twelve_holidays_and_constitution_day() {
        let days = public_holidays(Country::Norway, 2026);
        assert_eq!(days.len(), 12);
        assert!(public_holiday(Country::Norway, d(2026, 5, 17)).is_some());
        assert!(public_holiday(Country::Norway, d(2026, 5, 14)).is_some(), "Ascension 2026");
        assert!(public_holiday(Country::Norway, d(2026, 5, 18)).is_none());
    }

    #[test]
    fn denmark_dropped_great_prayer_day_in_2024() {
        assert!(public_holiday(Country::Denmark, d(2023, 5, 5)).is_some());
        assert_eq!(public_holidays(Country::Denmark, 2024).len(), 10);
        assert!(public_holiday(Country::Denmark, d(2026, 5, 17)).is_none());
    }

    #[test]
    fn closed_period_includes_both_ends() {
        let autumn = ClosedPeriod { name: "Høstferie".into(), first_day: d(2026, 10, 5), last_day: d(2026, 10, 9) };
        assert!(autumn.contains(d(2026, 10, 5)));
        assert!(autumn.contains(d(2026, 10, 9)));
        assert!(!autumn.contains(d(2026, 10, 10)));
    }
}
