//! The session log: a group-level record of one session, written by its leaders and read
//! by the course's working group (user representatives included). Nothing about one
//! participant belongs here; that is an observation.

use crate::validation::{optional_text, FieldError};
use serde::{Deserialize, Serialize};

/// Most characters in each of the log's texts.
pub const TEXT_MAX_CHARS: usize = 4000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLog {
    /// What we did (GJORT).
    pub done: String,
    /// What we learned (LÆRT).
    pub learned: String,
    /// What we noticed, what was smart (LURT).
    pub noticed: String,
    /// Where the session departed from the plan, and why.
    pub deviations: String,
    /// A note for the next session.
    pub next_time: String,
    /// One per planned element of the session plan, in order: whether it was done.
    pub elements_done: Vec<bool>,
}

impl SessionLog {
    /// Whether nothing has been written: every text empty after the text rule (white
    /// space of any kind, line breaks included, is nothing). Ticked elements alone do not
    /// make a log; a blank log is refused rather than saved.
    pub fn is_blank(&self) -> bool {
        self.texts().iter().all(|(_, text)| crate::validation::normalise(text).is_empty())
    }

    fn texts(&self) -> [(&'static str, &str); 5] {
        [
            ("done", &self.done),
            ("learned", &self.learned),
            ("noticed", &self.noticed),
            ("deviations", &self.deviations),
            ("next_time", &self.next_time),
        ]
    }
}

/// How much of the plan was done, in percent rounded half up; `None` when nothing was
/// planned.
pub fn fidelity(elements_done: &[bool]) -> Option<u32> {
    let planned = elements_done.len() as u64;
    if planned == 0 {
        return None;
    }
    let done = elements_done.iter().filter(|d| **d).count() as u64;
    Some(((done * 200 + planned) / (planned * 2)) as u32)
}

/// A log as typed, made ready to store: each text through the text rule (several lines,
/// optional), and checked as [`validate_log`] does. Every problem is reported at once.
pub fn parse_log(log: SessionLog, planned_elements: usize) -> Result<SessionLog, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut clean = |field: &str, raw: String| -> String {
        match optional_text(field, &raw, TEXT_MAX_CHARS) {
            Ok(text) => text,
            Err(error) => {
                errors.push(error);
                String::new()
            }
        }
    };
    let parsed = SessionLog {
        done: clean("done", log.done),
        learned: clean("learned", log.learned),
        noticed: clean("noticed", log.noticed),
        deviations: clean("deviations", log.deviations),
        next_time: clean("next_time", log.next_time),
        elements_done: log.elements_done,
    };
    if parsed.elements_done.len() != planned_elements {
        errors.push(FieldError::new("elements_done", "error-log-elements").with_arg("expected", planned_elements));
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// Checks a log against the session plan: each text optional and at most
/// [`TEXT_MAX_CHARS`] characters under the text rule (several lines); one `elements_done`
/// entry per planned element. To store a log,
/// use [`parse_log`], which also normalises the texts.
pub fn validate_log(log: &SessionLog, planned_elements: usize) -> Result<(), Vec<FieldError>> {
    parse_log(log.clone(), planned_elements).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> SessionLog {
        SessionLog {
            done: "Helsekoppen og skoen.\nRunde om uka som gikk.".into(),
            learned: "Pauser hjelper.".into(),
            noticed: String::new(),
            deviations: "Kortere pause.".into(),
            next_time: String::new(),
            elements_done: vec![true, true, false],
        }
    }

    #[test]
    fn fidelity_rounds_half_up() {
        assert_eq!(fidelity(&[]), None);
        assert_eq!(fidelity(&[false]), Some(0));
        assert_eq!(fidelity(&[true]), Some(100));
        assert_eq!(fidelity(&[true, false, false]), Some(33));
        assert_eq!(fidelity(&[true, true, false]), Some(67));
        // 1 of 8 is 12.5 %, 3 of 8 is 37.5 %.
        assert_eq!(fidelity(&[true, false, false, false, false, false, false, false]), Some(13));
        assert_eq!(fidelity(&[true, true, true, false, false, false, false, false]), Some(38));
        assert_eq!(fidelity(&[true, false]), Some(50));
    }

    #[test]
    fn fidelity_stays_within_bounds() {
        for planned in 1..40usize {
            for done in 0..=planned {
                let elements: Vec<bool> = (0..planned).map(|i| i < done).collect();
                let percent = fidelity(&elements).unwrap();
                assert!(percent <= 100);
                let exact = done as f64 * 100.0 / planned as f64;
                assert!((percent as f64 - exact).abs() <= 0.5, "{done}/{planned}: {percent}");
            }
        }
    }

    #[test]
    fn a_plain_log_is_valid_and_every_text_optional() {
        assert_eq!(validate_log(&log(), 3), Ok(()));
        assert_eq!(validate_log(&SessionLog::default(), 0), Ok(()));
    }

    #[test]
    fn texts_are_bounded_and_free_of_control_characters() {
        let mut bad = log();
        bad.done = "x".repeat(TEXT_MAX_CHARS + 1);
        bad.noticed = "bell\u{7}".into();
        bad.next_time = "a\u{b}b".into();
        let errors = validate_log(&bad, 3).unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            found,
            vec![
                ("done", "error-too-long"),
                ("noticed", "error-invalid-characters"),
                ("next_time", "error-invalid-characters")
            ]
        );
        let mut ok = log();
        ok.done = "æ".repeat(TEXT_MAX_CHARS);
        ok.learned = "tabs\tand\r\nbrowser lines".into();
        assert_eq!(validate_log(&ok, 3), Ok(()));
    }

    #[test]
    fn one_element_mark_per_planned_element() {
        let errors = validate_log(&log(), 4).unwrap_err();
        assert_eq!(errors, vec![FieldError::new("elements_done", "error-log-elements").with_arg("expected", 4)]);
        assert!(validate_log(&log(), 2).is_err());
        let mut bad = log();
        bad.learned = "\u{0}".into();
        assert_eq!(validate_log(&bad, 0).unwrap_err().len(), 2);
    }

    #[test]
    fn parsing_normalises_what_is_stored() {
        let mut typed = log();
        typed.done = "  Runde\r\nLek  ".into();
        typed.noticed = " \r\n ".into();
        let parsed = parse_log(typed, 3).unwrap();
        assert_eq!(parsed.done, "Runde\nLek");
        assert_eq!(parsed.noticed, "");
        assert_eq!(parsed.elements_done, vec![true, true, false]);
    }

    #[test]
    fn a_blank_log_has_no_text() {
        assert!(SessionLog::default().is_blank());
        assert!(SessionLog { noticed: " \n ".into(), elements_done: vec![true], ..SessionLog::default() }.is_blank());
        let white = SessionLog { done: "\u{a0}".into(), learned: "\r\n".into(), noticed: "\u{2029}".into(), ..log() };
        assert!(SessionLog { deviations: "\u{3000}".into(), next_time: " ".into(), ..white }.is_blank());
        assert!(!log().is_blank());
    }
}
