//! Days as samla stores them (ISO `YYYY-MM-DD` text).

use chrono::NaiveDate;

/// A stored day; `None` for anything else.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}
