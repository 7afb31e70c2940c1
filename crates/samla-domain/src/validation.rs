//! One validation approach for pages and API alike: parse input into a domain type or
//! return every problem at once, each naming its field and a message key that the web
//! layer translates.

use serde::Serialize;

/// One problem with one field. `code` is a translation key (e.g. `error-email-invalid`);
/// `args` fill its placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str) -> Self {
        Self { field: field.into(), code, args: Vec::new() }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// All problems found in one input, in the order of the form's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// Records the error of a parse and returns its value, so a form parser can check
    /// every field before deciding.
    pub fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn single(error: FieldError) -> Self {
        Self(vec![error])
    }

    /// `Ok(value)` when nothing was recorded; otherwise every error.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> Self {
        Self::single(error)
    }
}

/// A required, trimmed piece of text of bounded length.
pub fn required_text(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    if value.chars().count() > max_chars {
        return Err(FieldError::new(field, "error-too-long").with_arg("max", max_chars));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(FieldError::new(field, "error-invalid-characters"));
    }
    Ok(value.to_string())
}

/// A required single line of text (a name, a label): at most `max_chars` as typed, no
/// control characters or line breaks anywhere, something besides spaces; kept trimmed.
/// The API's schemas state the same rule as [`SINGLE_LINE_PATTERN`].
pub fn required_line(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    if raw.chars().count() > max_chars {
        return Err(FieldError::new(field, "error-too-long").with_arg("max", max_chars));
    }
    if raw.chars().any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}') {
        return Err(FieldError::new(field, "error-invalid-characters"));
    }
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    Ok(value.to_string())
}

/// An optional single line: empty is `None`, otherwise as [`required_line`].
pub fn optional_line(field: &str, raw: &str, max_chars: usize) -> Result<Option<String>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    required_line(field, raw, max_chars).map(Some)
}

/// Optional free text: empty is an empty string, otherwise as [`required_text`].
pub fn optional_text(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    if raw.trim().is_empty() {
        return Ok(String::new());
    }
    required_text(field, raw, max_chars)
}

/// A telephone number as people write it: digits with spaces, dashes, dots,
/// parentheses and a leading `+`; 5 to 15 digits (E.164 allows at most 15). Kept as
/// typed, trimmed, because people read it out again.
pub fn phone(field: &str, raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    let allowed = value.char_indices().all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(5..=15).contains(&digits) || value.chars().count() > 30 {
        return Err(FieldError::new(field, "error-phone"));
    }
    Ok(value.to_string())
}

/// [`required_line`] as a regular expression for OpenAPI schemas.
pub const SINGLE_LINE_PATTERN: &str =
    r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*[^\s\x00-\x1F\x7F-\x9F\u2028\u2029][^\x00-\x1F\x7F-\x9F\u2028\u2029]*$";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_line_refuses_breaks_and_controls_and_counts_as_typed() {
        assert_eq!(required_line("n", "  Kari Nordmann ", 20).unwrap(), "Kari Nordmann");
        assert_eq!(required_line("n", "a\nb", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "a\u{86}b", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "a\u{2028}b", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "   ", 20).unwrap_err().code, "error-required");
        assert_eq!(required_line("n", "  abc  ", 5).unwrap_err().code, "error-too-long");
    }

    #[test]
    fn phone_numbers_are_kept_as_typed_and_checked() {
        assert_eq!(phone("p", " +47 912 34 567 ").unwrap(), "+47 912 34 567");
        assert_eq!(phone("p", "(22) 33-44.55").unwrap(), "(22) 33-44.55");
        assert_eq!(phone("p", "").unwrap_err().code, "error-required");
        assert_eq!(phone("p", "1234").unwrap_err().code, "error-phone");
        assert_eq!(phone("p", "12+345678").unwrap_err().code, "error-phone");
        assert_eq!(phone("p", "ring meg").unwrap_err().code, "error-phone");
        assert_eq!(phone("p", "1234567890123456").unwrap_err().code, "error-phone");
    }

    #[test]
    fn optional_values_accept_empty() {
        assert_eq!(optional_line("n", "  ", 5).unwrap(), None);
        assert_eq!(optional_line("n", " a ", 5).unwrap().as_deref(), Some("a"));
        assert_eq!(optional_text("n", "", 5).unwrap(), "");
    }

    #[test]
    fn required_text_trims_and_bounds() {
        assert_eq!(required_text("name", "  Kari  ", 10).unwrap(), "Kari");
        assert_eq!(required_text("name", "   ", 10).unwrap_err().code, "error-required");
        assert_eq!(required_text("name", "abcdefghijk", 10).unwrap_err().code, "error-too-long");
        assert_eq!(required_text("name", "a\u{0}b", 10).unwrap_err().code, "error-invalid-characters");
    }

    #[test]
    fn field_errors_collects_every_problem() {
        let mut errors = FieldErrors::new();
        let a = errors.take(required_text("a", "", 5));
        let b = errors.take(required_text("b", "ok", 5));
        assert!(a.is_none());
        assert_eq!(b.as_deref(), Some("ok"));
        assert_eq!(errors.0.len(), 1);
        assert!(errors.finish(|| ()).is_err());
    }
}
