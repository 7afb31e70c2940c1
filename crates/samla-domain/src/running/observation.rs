//! An observation about one participant: what a leader noticed about that person. It is
//! sensitive (read only by the course's leaders and the coordinator, every read audited),
//! unlike the group-level session log.

use crate::validation::{required_text, FieldError};

/// Most characters in one observation.
pub const BODY_MAX_CHARS: usize = 4000;

/// An observation as typed, made ready to store by the text rule (several lines):
/// required and bounded.
pub fn parse_observation(raw: &str) -> Result<String, FieldError> {
    required_text("body", raw, BODY_MAX_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_observation_is_required_bounded_and_normalised() {
        assert_eq!(
            parse_observation("  Var stille i dag.\r\nSnakket i pausen. ").unwrap(),
            "Var stille i dag.\nSnakket i pausen."
        );
        let empty = parse_observation("\r\n\t ").unwrap_err();
        assert_eq!((empty.field.as_str(), empty.code), ("body", "error-required"));
        assert_eq!(parse_observation(&"x".repeat(BODY_MAX_CHARS + 1)).unwrap_err().code, "error-too-long");
        assert!(parse_observation(&"å".repeat(BODY_MAX_CHARS)).is_ok());
        assert_eq!(parse_observation("null\u{0}byte").unwrap_err().code, "error-invalid-characters");
    }
}
