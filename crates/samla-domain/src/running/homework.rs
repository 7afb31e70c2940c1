//! Homework (a reflection task) given at one session and reviewed at a later one. Like the
//! log it is group-level: the same task for everyone, never about one participant.

use crate::validation::{optional_text, required_text, FieldError};

/// Most characters in a homework description.
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
/// Most characters in a review note.
pub const REVIEW_MAX_CHARS: usize = 2000;

/// A homework description as typed, made ready to store by the text rule (several lines):
/// required and bounded.
pub fn parse_description(raw: &str) -> Result<String, FieldError> {
    required_text("description", raw, DESCRIPTION_MAX_CHARS)
}

/// How reviewing the homework went; may be empty (reviewed, nothing to add).
pub fn parse_review_note(raw: &str) -> Result<String, FieldError> {
    optional_text("note", raw, REVIEW_MAX_CHARS)
}

/// Homework is reviewed at a session after the one it was given at. Positions are the
/// sessions' places in the course's time order.
pub fn check_review_order(given_at: usize, reviewed_at: usize) -> Result<(), FieldError> {
    if reviewed_at > given_at {
        Ok(())
    } else {
        Err(FieldError::new("session_id", "error-homework-review-order"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_is_required_bounded_and_normalised() {
        assert_eq!(
            parse_description("  Fyll ut skjemaet\r\nog ta det med.  ").unwrap(),
            "Fyll ut skjemaet\nog ta det med."
        );
        assert_eq!(parse_description(" \r\n ").unwrap_err().code, "error-required");
        assert_eq!(parse_description(&"x".repeat(DESCRIPTION_MAX_CHARS + 1)).unwrap_err().code, "error-too-long");
        assert!(parse_description(&"ø".repeat(DESCRIPTION_MAX_CHARS)).is_ok());
        assert_eq!(parse_description("a\u{7}b").unwrap_err().code, "error-invalid-characters");
        assert_eq!(parse_description("a\rb").unwrap(), "a\nb");
        assert_eq!(parse_description("a\u{c}b").unwrap_err().code, "error-invalid-characters");
        assert_eq!(parse_description("").unwrap_err().field, "description");
    }

    #[test]
    fn a_review_note_may_be_empty() {
        assert_eq!(parse_review_note("").unwrap(), "");
        assert_eq!(parse_review_note("  Alle hadde gjort den.\r\n ").unwrap(), "Alle hadde gjort den.");
        let error = parse_review_note(&"x".repeat(REVIEW_MAX_CHARS + 1)).unwrap_err();
        assert_eq!((error.field.as_str(), error.code), ("note", "error-too-long"));
    }

    #[test]
    fn review_comes_after_the_session_it_was_given_at() {
        assert!(check_review_order(2, 3).is_ok());
        assert!(check_review_order(0, 5).is_ok());
        assert_eq!(check_review_order(3, 3).unwrap_err().code, "error-homework-review-order");
        assert!(check_review_order(4, 1).is_err());
    }
}
