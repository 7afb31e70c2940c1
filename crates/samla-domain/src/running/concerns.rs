//! Concern reports (bekymringsmelding): a leader's concern about a child, and what was
//! decided about notifying the child welfare service. Who may read one is
//! [`crate::policy::may_read_concern_report`]; this module decides what a report holds.

use crate::validation::{optional_line, optional_text, required_text, FieldError, FieldErrors};
use chrono::NaiveDate;

/// Most characters in the concern itself.
pub const CONCERN_MAX_CHARS: usize = 20_000;
/// Most characters in the note on the decision.
pub const NOTE_MAX_CHARS: usize = 5_000;
/// Most characters in the child welfare service's reference.
pub const REFERENCE_MAX_CHARS: usize = 100;

/// What was decided about notifying the child welfare service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Not decided yet.
    Pending,
    /// Sent to the child welfare service.
    Sent,
    /// Decided not to send.
    NotSent,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Pending, Decision::Sent, Decision::NotSent];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pending => "pending",
            Decision::Sent => "sent",
            Decision::NotSent => "not_sent",
        }
    }

    pub fn parse(raw: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == raw)
    }
}

/// The concern as written: required, free text on several lines (the text rule).
pub fn parse_concern(raw: &str) -> Result<String, FieldError> {
    required_text("concern", raw, CONCERN_MAX_CHARS)
}

/// A decision as it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub decision: Decision,
    /// The day it was sent; only for [`Decision::Sent`].
    pub sent_on: Option<NaiveDate>,
    /// The child welfare service's reference; only for [`Decision::Sent`], may be empty
    /// until the service answers.
    pub reference: String,
    pub note: String,
}

/// Reads a decision as typed. A report that was sent says when (not after today); one
/// that was not sent says why in the note; a sending day and a reference belong only to
/// a report that was sent.
pub fn parse_decision(
    decision: &str,
    sent_on: &str,
    reference: &str,
    note: &str,
    today: NaiveDate,
) -> Result<DecisionRecord, FieldErrors> {
    let mut errors = FieldErrors::new();
    let decision =
        errors.take(Decision::parse(decision.trim()).ok_or_else(|| FieldError::new("decision", "error-choice")));
    let note = errors.take(optional_text("decision_note", note, NOTE_MAX_CHARS));
    let reference =
        errors.take(optional_line("reference", reference, REFERENCE_MAX_CHARS).map(Option::unwrap_or_default));
    let sent_on = match sent_on.trim() {
        "" => None,
        raw => errors
            .take(NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| FieldError::new("sent_on", "error-date"))),
    };
    match decision {
        Some(Decision::Sent) => match sent_on {
            None if errors.0.iter().all(|e| e.field != "sent_on") => {
                errors.push(FieldError::new("sent_on", "error-concern-sent-on-required"))
            }
            Some(day) if day > today => errors.push(FieldError::new("sent_on", "error-concern-sent-on-future")),
            _ => {}
        },
        Some(other) => {
            if sent_on.is_some() {
                errors.push(FieldError::new("sent_on", "error-concern-only-when-sent"));
            }
            if reference.as_deref().is_some_and(|r| !r.is_empty()) {
                errors.push(FieldError::new("reference", "error-concern-only-when-sent"));
            }
            if other == Decision::NotSent && note.as_deref().is_some_and(str::is_empty) {
                errors.push(FieldError::new("decision_note", "error-concern-why-not-sent"));
            }
        }
        None => {}
    }
    errors.finish(|| DecisionRecord {
        decision: decision.unwrap_or(Decision::Pending),
        sent_on,
        reference: reference.unwrap_or_default(),
        note: note.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
    }

    fn codes(result: Result<DecisionRecord, FieldErrors>) -> Vec<(String, &'static str)> {
        result.unwrap_err().0.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn decisions_round_trip() {
        for decision in Decision::ALL {
            assert_eq!(Decision::parse(decision.as_str()), Some(decision));
        }
        assert_eq!(Decision::parse("maybe"), None);
    }

    #[test]
    fn a_concern_is_required_text() {
        assert_eq!(parse_concern("  Bekymret for Nora\n\tigjen  ").unwrap(), "Bekymret for Nora\n\tigjen");
        assert_eq!(parse_concern(" ").unwrap_err().code, "error-required");
        // Judged as sent: a control character is refused even where trimming would drop it.
        assert_eq!(parse_concern("Bekymret\u{b}").unwrap_err().code, "error-invalid-characters");
        assert_eq!(parse_concern(&format!("x{}", " ".repeat(CONCERN_MAX_CHARS))).unwrap_err().code, "error-too-long");
    }

    #[test]
    fn a_sent_report_says_when() {
        let today = day("2026-03-10");
        let sent = parse_decision("sent", "2026-03-09", " BV-2026-17 ", "", today).unwrap();
        assert_eq!(sent.decision, Decision::Sent);
        assert_eq!(sent.sent_on, Some(day("2026-03-09")));
        assert_eq!(sent.reference, "BV-2026-17");
        assert_eq!(
            codes(parse_decision("sent", "", "", "", today)),
            vec![("sent_on".to_string(), "error-concern-sent-on-required")]
        );
        assert_eq!(
            codes(parse_decision("sent", "2026-03-11", "", "", today)),
            vec![("sent_on".to_string(), "error-concern-sent-on-future")]
        );
        assert_eq!(
            codes(parse_decision("sent", "10.03.2026", "", "", today)),
            vec![("sent_on".to_string(), "error-date")]
        );
    }

    #[test]
    fn a_report_not_sent_says_why_and_has_no_sending_details() {
        let today = day("2026-03-10");
        let not_sent = parse_decision("not_sent", "", "", "Snakket med mor; følges opp.", today).unwrap();
        assert_eq!(not_sent.decision, Decision::NotSent);
        assert_eq!(
            codes(parse_decision("not_sent", "", "", " ", today)),
            vec![("decision_note".to_string(), "error-concern-why-not-sent")]
        );
        assert_eq!(
            codes(parse_decision("pending", "2026-03-01", "X-1", "", today)),
            vec![
                ("sent_on".to_string(), "error-concern-only-when-sent"),
                ("reference".to_string(), "error-concern-only-when-sent"),
            ]
        );
        assert_eq!(parse_decision("pending", "", "", "", today).unwrap().decision, Decision::Pending);
        assert_eq!(
            codes(parse_decision("sent", "2026-03-09", "BV\n17", "", today)),
            vec![("reference".to_string(), "error-invalid-characters")]
        );
        assert_eq!(codes(parse_decision("later", "", "", "", today)), vec![("decision".to_string(), "error-choice")]);
    }
}
