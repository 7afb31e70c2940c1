//! Break-the-glass: a course's records opened in an emergency by someone who does not work
//! on it (who may, the policy says), for a limited time and only with a written reason.

use crate::validation::{required_text, FieldError, FieldErrors};

/// How long an emergency access stays open when nothing else is asked for, and the most.
pub const DEFAULT_HOURS: u32 = 24;
/// Most characters in the reason.
pub const REASON_MAX_CHARS: usize = 2000;

/// An emergency access as asked for, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyRequest {
    pub reason: String,
    pub hours: u32,
}

impl EmergencyRequest {
    /// The reason is required (there is no access without one); hours from 1 to
    /// [`DEFAULT_HOURS`], that many when not given. Every problem at once, by field.
    pub fn read(reason: &str, hours: Option<i64>) -> Result<EmergencyRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = errors.take(required_text("reason", reason, REASON_MAX_CHARS));
        let hours = errors.take(match hours {
            None => Ok(DEFAULT_HOURS),
            Some(h) => u32::try_from(h)
                .ok()
                .filter(|h| (1..=DEFAULT_HOURS).contains(h))
                .ok_or_else(|| FieldError::new("hours", "error-emergency-hours").with_arg("max", DEFAULT_HOURS)),
        });
        match (reason, hours) {
            (Some(reason), Some(hours)) => Ok(EmergencyRequest { reason, hours }),
            _ => Err(errors),
        }
    }

    /// When an access opened at `opened_at` (Unix seconds) closes by itself.
    pub fn expires_at(&self, opened_at: i64) -> i64 {
        opened_at + i64::from(self.hours) * 3600
    }
}

/// A sign-off's comment: required, so a review says what was found.
pub fn review_comment(raw: &str) -> Result<String, FieldErrors> {
    required_text("comment", raw, REASON_MAX_CHARS).map_err(FieldErrors::single)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: FieldErrors) -> Vec<(String, &'static str)> {
        errors.0.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn without_a_reason_there_is_no_access() {
        let refused = EmergencyRequest::read("   \n ", None).unwrap_err();
        assert_eq!(fields(refused), vec![("reason".to_string(), "error-required")]);
    }

    #[test]
    fn an_access_lasts_a_day_unless_less_is_asked_for() {
        let request = EmergencyRequest::read("Bekymring meldt fra skolen", None).unwrap();
        assert_eq!((request.hours, request.expires_at(1_000)), (24, 1_000 + 24 * 3600));
        assert_eq!(EmergencyRequest::read("Grunn", Some(2)).unwrap().hours, 2);
        for wrong in [0, 25, -1, i64::MAX] {
            let refused = EmergencyRequest::read("Grunn", Some(wrong)).unwrap_err();
            assert_eq!(fields(refused), vec![("hours".to_string(), "error-emergency-hours")], "{wrong}");
        }
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let refused = EmergencyRequest::read("", Some(99)).unwrap_err();
        assert_eq!(fields(refused).len(), 2);
    }

    #[test]
    fn a_sign_off_says_what_was_found() {
        assert!(review_comment(" ").is_err());
        assert_eq!(review_comment(" Begrunnet. ").unwrap(), "Begrunnet.");
    }
}
