//! A person's right of access (innsyn, GDPR art. 15): a request is answered within one
//! month of its receipt (art. 12(3)); the person is found by name among the
//! organisation's participants and guardians.

use crate::validation::{day, FieldError};
use chrono::{Months, NaiveDate};

/// Where a request stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestState {
    /// Not answered, its last day not passed.
    Open,
    /// Not answered and past its last day.
    Overdue,
    Answered,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::Open => "open",
            RequestState::Overdue => "overdue",
            RequestState::Answered => "answered",
        }
    }
}

/// The last day to answer a request received on `received_on`: the same date a month
/// later, or that month's last day where it has no such date (31 January → 28 or 29
/// February).
pub fn answer_by(received_on: NaiveDate) -> NaiveDate {
    received_on.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX)
}

pub fn state(received_on: NaiveDate, answered_on: Option<NaiveDate>, today: NaiveDate) -> RequestState {
    match answered_on {
        Some(_) => RequestState::Answered,
        None if today > answer_by(received_on) => RequestState::Overdue,
        None => RequestState::Open,
    }
}

/// Days ahead within which a request still to answer is called due soon.
pub const DUE_SOON_DAYS: u64 = 7;

/// Of the requests still to answer (by the day each came): how many are overdue, and how
/// many must be answered within [`DUE_SOON_DAYS`].
pub fn due_counts(received: &[NaiveDate], today: NaiveDate) -> (usize, usize) {
    let soon = today.checked_add_days(chrono::Days::new(DUE_SOON_DAYS)).unwrap_or(NaiveDate::MAX);
    let by: Vec<NaiveDate> = received.iter().map(|day| answer_by(*day)).collect();
    (by.iter().filter(|d| **d < today).count(), by.iter().filter(|d| **d >= today && **d <= soon).count())
}

/// A day a request was received or answered, as typed: a date, not after today (a
/// request is registered when it has come) and not before `earliest` (for an answer,
/// the day the request came).
pub fn read_day(
    field: &str,
    raw: &str,
    earliest: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let date = day(field, raw)?;
    if date > today {
        return Err(FieldError::new(field, "error-access-day-future"));
    }
    match earliest {
        Some(earliest) if date < earliest => {
            Err(FieldError::new(field, "error-access-day-before").with_arg("date", earliest))
        }
        _ => Ok(date),
    }
}

/// Fewest characters a search for a person must have, so that one letter does not list
/// everyone.
pub const SEARCH_MIN_CHARS: usize = 2;

/// The words of a search, lower-cased; empty when it is too short to search by.
pub fn search_words(query: &str) -> Vec<String> {
    let query = query.trim();
    if query.chars().count() < SEARCH_MIN_CHARS {
        return Vec::new();
    }
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether a name has every word of a search in it, in any order and case ("ola nord"
/// finds "Ola Nordmann"; "Øy" finds "Kari Øyen").
pub fn name_matches(name: &str, words: &[String]) -> bool {
    let name = name.to_lowercase();
    !words.is_empty() && words.iter().all(|word| name.contains(word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_request_is_answered_within_a_month_of_its_receipt() {
        assert_eq!(answer_by(date("2026-03-10")), date("2026-04-10"));
        assert_eq!(answer_by(date("2026-01-31")), date("2026-02-28"));
        assert_eq!(answer_by(date("2028-01-31")), date("2028-02-29"));
        assert_eq!(answer_by(date("2026-12-15")), date("2027-01-15"));
    }

    #[test]
    fn a_request_is_overdue_the_day_after_its_last_day_until_it_is_answered() {
        let received = date("2026-03-10");
        assert_eq!(state(received, None, date("2026-04-10")), RequestState::Open);
        assert_eq!(state(received, None, date("2026-04-11")), RequestState::Overdue);
        assert_eq!(state(received, Some(date("2026-05-01")), date("2026-06-01")), RequestState::Answered);
    }

    #[test]
    fn requests_are_counted_overdue_or_due_within_a_week() {
        let today = date("2026-04-20");
        // Last days: 04-19 (overdue), 04-20 and 04-27 (due soon), 04-28 (later).
        let received = [date("2026-03-19"), date("2026-03-20"), date("2026-03-27"), date("2026-03-28")];
        assert_eq!(due_counts(&received, today), (1, 2));
        assert_eq!(due_counts(&[], today), (0, 0));
    }

    #[test]
    fn a_day_cannot_be_in_the_future_nor_before_the_request() {
        let today = date("2026-03-10");
        assert_eq!(read_day("received_on", "2026-03-10", None, today), Ok(today));
        assert_eq!(read_day("received_on", "2026-03-11", None, today).unwrap_err().code, "error-access-day-future");
        let before = read_day("answered_on", "2026-03-01", Some(date("2026-03-02")), today).unwrap_err();
        assert_eq!((before.field.as_str(), before.code), ("answered_on", "error-access-day-before"));
        assert_eq!(read_day("received_on", "10.03", None, today).unwrap_err().field, "received_on");
    }

    #[test]
    fn a_search_finds_every_word_in_any_case_and_order() {
        let words = search_words("  nordm OLA ");
        assert!(name_matches("Ola Nordmann", &words));
        assert!(!name_matches("Kari Nordmann", &words));
        assert!(name_matches("Kari Øyen", &search_words("øy")));
        assert!(search_words("k").is_empty(), "one letter would list everyone");
        assert!(!name_matches("Kari", &search_words("")));
    }
}
