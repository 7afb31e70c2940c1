//! How long personal data is kept: a rule per kind of record, set per organisation within
//! bounds, with defaults a Norwegian municipality can defend. A record whose clock started
//! longer ago than its rule's months is due, unless it is held (a legal hold with a reason).
//!
//! The kinds so far, each deleted whole when due:
//! - applications that never led to a place (declined, withdrawn, referred elsewhere or
//!   folded into another), with their history, pre-conversations, offers and consent links,
//!   and the persons and household nobody else refers to; counted from the application's
//!   last step. An application still open whose every consent to take part has been
//!   withdrawn counts too, from the withdrawal: withdrawing stops the processing and
//!   starts the clock;
//! - mail sent or given up on: the address and subject samla keeps of it; counted from
//!   the last attempt;
//! - observations written about one participant on a course that is over (completed,
//!   archived or cancelled): a record is one participant's observations on one course,
//!   counted from the course's last session. Attendance stays: the course's reports and
//!   statistics count it.

use crate::validation::{required_text, FieldError, FieldErrors};
use chrono::{Months, NaiveDate};

stored_enum! {
    /// A kind of record that a retention rule covers.
    pub enum RetentionKind ("kind of record") {
        /// Applications closed without a place, and what belongs only to them.
        UnplacedApplications = "unplaced_applications",
        /// The outbox's record of mail sent or given up on.
        SentMail = "sent_mail",
        /// What the leaders wrote down about one participant on a course that is over.
        Observations = "observations",
    }
}

impl RetentionKind {
    /// How long a record is kept when the organisation has not chosen: a year for an
    /// application (long enough to answer a complaint or a new application from the same
    /// family), half a year for the record of a mail (long enough to answer "did you send it?"),
    /// a year for observations (the follow-up after a course, and a family coming back to
    /// the next course, are within it).
    pub fn default_months(self) -> u32 {
        match self {
            RetentionKind::UnplacedApplications => 12,
            RetentionKind::SentMail => 6,
            RetentionKind::Observations => 12,
        }
    }

    /// The shortest rule samla accepts and the law it follows from, where one is known.
    /// A closed application is kept at least three months: a refusal may be complained of
    /// within three weeks of being told (forvaltningsloven § 29), and the complaint needs
    /// the case. Observations are kept at least three months after the course, for its
    /// follow-up conversations.
    pub fn minimum_months(self) -> (u32, Option<&'static str>) {
        match self {
            RetentionKind::UnplacedApplications => (3, Some("forvaltningsloven § 29")),
            RetentionKind::SentMail => (1, None),
            RetentionKind::Observations => (3, None),
        }
    }
}

/// The longest any rule may keep a record: ten years.
pub const MAXIMUM_MONTHS: u32 = 120;
/// How far ahead the preview looks.
pub const PREVIEW_DAYS: u64 = 30;
/// Most characters in a hold's reason.
pub const REASON_MAX_CHARS: usize = 1000;

/// The months a rule keeps its records, as asked for: a whole number from the kind's
/// minimum (the law named in the error where there is one) to [`MAXIMUM_MONTHS`].
pub fn read_months(kind: RetentionKind, raw: &str) -> Result<u32, FieldErrors> {
    let (minimum, law) = kind.minimum_months();
    let error = || {
        let error = FieldError::new("months", "error-retention-months")
            .with_arg("min", minimum)
            .with_arg("max", MAXIMUM_MONTHS);
        FieldErrors::single(match law {
            Some(law) => error.with_arg("law", law),
            None => error.with_arg("law", "-"),
        })
    };
    let months: u32 = raw.trim().parse().map_err(|_| error())?;
    if (minimum..=MAXIMUM_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(error())
    }
}

/// A legal hold's reason: required, so a hold says why the record outlives its rule.
pub fn hold_reason(raw: &str) -> Result<String, FieldErrors> {
    required_text("reason", raw, REASON_MAX_CHARS).map_err(FieldErrors::single)
}

/// The last day whose records are due on `today` under a rule of `months`: a record whose
/// clock started on that day or before goes.
pub fn last_due_day(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

/// The day a record whose clock started on `started` becomes due under `months`.
pub fn due_on(started: NaiveDate, months: u32) -> NaiveDate {
    started.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a day")
    }

    #[test]
    fn a_rule_shorter_than_the_law_allows_is_refused_with_the_law() {
        let refused = read_months(RetentionKind::UnplacedApplications, "2").unwrap_err();
        let error = &refused.0[0];
        assert_eq!((error.field.as_str(), error.code), ("months", "error-retention-months"));
        assert!(error.args.iter().any(|(name, value)| *name == "law" && value.contains("§ 29")), "{error:?}");
        assert_eq!(read_months(RetentionKind::UnplacedApplications, " 3 "), Ok(3));
        assert_eq!(read_months(RetentionKind::SentMail, "1"), Ok(1));
        for bad in ["", "0", "121", "twelve", "-4", "6.5"] {
            assert!(read_months(RetentionKind::SentMail, bad).is_err(), "{bad:?}");
        }
        for kind in RetentionKind::ALL {
            let default = kind.default_months();
            assert_eq!(read_months(*kind, &default.to_string()), Ok(default), "the default is a rule one may set");
        }
    }

    #[test]
    fn a_record_is_due_the_day_its_months_have_passed() {
        assert_eq!(last_due_day(day("2026-12-07"), 12), day("2025-12-07"));
        assert_eq!(due_on(day("2025-12-07"), 12), day("2026-12-07"));
        // The end of a longer month lands on the end of a shorter one.
        assert_eq!(last_due_day(day("2026-02-28"), 3), day("2025-11-28"));
        assert_eq!(due_on(day("2025-11-30"), 3), day("2026-02-28"));
    }

    #[test]
    fn a_hold_needs_a_reason() {
        assert!(hold_reason("  ").is_err());
        assert_eq!(hold_reason(" Klagesak ").as_deref(), Ok("Klagesak"));
    }

    #[test]
    fn kinds_round_trip() {
        assert_names_round_trip!(RetentionKind);
    }
}
