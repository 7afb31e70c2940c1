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

// ---------------------------------------------------------------------------------
// The text rule. Every piece of free text samla takes in (pages' forms and the API's
// JSON alike) goes through `text`, so what is stored is what the rule says, never a
// silent surprise. The README and the API's `SingleLineText` / `MultiLineText`
// schemas state the same rule in words, and the patterns below state it for JSON
// Schema; the tests check the patterns against the code.
// ---------------------------------------------------------------------------------

/// Whether a text field takes one line (a name, a label, a reason) or several (notes,
/// minutes, descriptions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Several,
}

/// The rule in words, for people reading the API's description of single-line text.
pub const SINGLE_LINE_RULE: &str = "Single-line text. Refused (422, the field named): control characters \
(U+0000-U+001F and U+007F-U+009F, so also tab, line feed, carriage return, vertical tab, form feed and NEL) \
and the line and paragraph separators U+2028 and U+2029, wherever they are. Then white space (Unicode \
White_Space: space, no-break space U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) is removed at the \
start and the end; a required field empty after that is refused. maxLength counts characters (Unicode code \
points) as sent, before the ends are trimmed. The stored text is the trimmed one; nothing else is changed.";

/// The rule in words, for people reading the API's description of multi-line text.
pub const MULTI_LINE_RULE: &str = "Multi-line text. A carriage return followed by a line feed (CR LF), and a \
carriage return alone, become one line feed (LF). Refused (422, the field named): control characters other \
than tab, line feed and carriage return (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+007F-U+009F). Then \
white space (Unicode White_Space: also line breaks, tabs, U+2028, U+2029 and the no-break space U+00A0) is \
removed at the start and the end; inner line breaks and tabs are kept. A required field empty after that is \
refused. maxLength counts characters (Unicode code points) as sent, before the ends are trimmed, a CR LF pair \
counting as one. The stored text is the result; nothing else is changed.";

/// Characters refused wherever they are: control characters, and on one line also the
/// Unicode line and paragraph separators. Tab and the line breaks LF and CR are allowed
/// on several lines.
fn refused(c: char, lines: Lines) -> bool {
    match (lines, c) {
        (Lines::Several, '\t' | '\n' | '\r') => false,
        (Lines::One, '\u{2028}' | '\u{2029}') => true,
        _ => c.is_control(),
    }
}

/// Line breaks as LF: CR LF and a lone CR each become one LF.
fn unify_line_breaks(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('\r') {
        std::borrow::Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// What the text rule stores for an accepted text: line breaks as LF, and white space
/// (Unicode White_Space, which includes the no-break space and U+2028/U+2029) removed at
/// both ends. Applying it twice gives what applying it once gives.
pub fn normalise(raw: &str) -> String {
    unify_line_breaks(raw).trim_matches(char::is_whitespace).to_string()
}

/// The text rule: refuses control characters (and, on one line, line breaks) anywhere,
/// checks the length in characters with line breaks unified but before the ends are
/// trimmed (what the API's `maxLength` counts, a CR LF pair as one, so a client may send
/// exactly what the schema allows), and returns the [`normalise`]d text; `None` when
/// nothing is left. A required field uses
/// [`required_line`] or [`required_text`], which refuse `None`.
pub fn text(field: &str, raw: &str, lines: Lines, max_chars: usize) -> Result<Option<String>, FieldError> {
    if raw.chars().any(|c| refused(c, lines)) {
        return Err(FieldError::new(field, "error-invalid-characters"));
    }
    let unified = unify_line_breaks(raw);
    if unified.chars().count() > max_chars {
        return Err(FieldError::new(field, "error-too-long").with_arg("max", max_chars));
    }
    let value = unified.trim_matches(char::is_whitespace);
    Ok((!value.is_empty()).then(|| value.to_string()))
}

/// Required text on several lines (the text rule, [`Lines::Several`]): empty after the
/// rule is `error-required`.
pub fn required_text(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    text(field, raw, Lines::Several, max_chars)?.ok_or_else(|| FieldError::new(field, "error-required"))
}

/// A required single line (a name, a label): the text rule with [`Lines::One`]; empty
/// after the rule is `error-required`. The API's schemas state the same as
/// [`SINGLE_LINE_PATTERN`].
pub fn required_line(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    text(field, raw, Lines::One, max_chars)?.ok_or_else(|| FieldError::new(field, "error-required"))
}

/// An optional single line: empty after the text rule is `None`.
pub fn optional_line(field: &str, raw: &str, max_chars: usize) -> Result<Option<String>, FieldError> {
    text(field, raw, Lines::One, max_chars)
}

/// Optional text on several lines: empty after the text rule is an empty string.
pub fn optional_text(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    Ok(text(field, raw, Lines::Several, max_chars)?.unwrap_or_default())
}

/// A day as typed: ISO (`2026-09-01`) or Norwegian (`01.09.2026`).
pub fn day(field: &str, raw: &str) -> Result<chrono::NaiveDate, FieldError> {
    let raw = raw.trim();
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(raw, "%d.%m.%Y"))
        .map_err(|_| FieldError::new(field, if raw.is_empty() { "error-required" } else { "error-date" }))
}

/// A time of day as people write it: `HH:MM`, or `HH.MM`.
pub fn time_of_day(field: &str, raw: &str) -> Result<chrono::NaiveTime, FieldError> {
    chrono::NaiveTime::parse_from_str(raw.trim(), "%H:%M")
        .or_else(|_| chrono::NaiveTime::parse_from_str(raw.trim(), "%H.%M"))
        .map_err(|_| FieldError::new(field, "error-time"))
}

/// A telephone number as people write it: digits with spaces, dashes, dots,
/// parentheses and a leading `+`; 5 to 15 digits (E.164 allows at most 15). Kept as
/// typed after the single-line text rule (trimmed), because people read it out again.
pub fn phone(field: &str, raw: &str) -> Result<String, FieldError> {
    let value = text(field, raw, Lines::One, usize::MAX)?.ok_or_else(|| FieldError::new(field, "error-required"))?;
    let allowed = value.char_indices().all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(5..=15).contains(&digits) || value.chars().count() > 30 {
        return Err(FieldError::new(field, "error-phone"));
    }
    Ok(value)
}

/// The text rule as JSON Schema patterns (ECMA-262, also read alike by Python's `re` and
/// Rust's `regex`), judged on the text as sent: which characters may appear, and for a
/// required field at least one that is not white space. [`required_line`] as a pattern.
pub const SINGLE_LINE_PATTERN: &str = concat!(
    r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*",
    r"[^\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
    r"[^\x00-\x1F\x7F-\x9F\u2028\u2029]*$"
);
/// [`optional_line`] as a pattern.
pub const OPTIONAL_SINGLE_LINE_PATTERN: &str = r"^[^\x00-\x1F\x7F-\x9F\u2028\u2029]*$";
/// [`required_text`] as a pattern.
pub const MULTI_LINE_PATTERN: &str = concat!(
    r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*",
    r"[^\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
    r"[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
);
/// [`optional_text`] as a pattern.
pub const OPTIONAL_MULTI_LINE_PATTERN: &str = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$";

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn required_line_refuses_breaks_and_controls_and_counts_as_typed() {
        assert_eq!(required_line("n", "  Kari Nordmann ", 20).unwrap(), "Kari Nordmann");
        assert_eq!(required_line("n", "a\nb", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "a\u{86}b", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "a\u{2028}b", 20).unwrap_err().code, "error-invalid-characters");
        assert_eq!(required_line("n", "   ", 20).unwrap_err().code, "error-required");
        assert_eq!(required_line("n", "  abc  ", 5).unwrap_err().code, "error-too-long");
    }

    /// The cases outside testing found changed without a word: each is now either refused
    /// or changed as the rule states.
    #[test]
    fn the_findings_cases_on_one_line() {
        let code = |raw: &str| required_line("name", raw, 50).map_err(|e| (e.field, e.code));
        let invalid = Err(("name".to_string(), "error-invalid-characters"));
        assert_eq!(code("\u{a0}Kari\u{a0}"), Ok("Kari".to_string()));
        assert_eq!(code("Kari\u{b}"), invalid);
        assert_eq!(code("\u{c}Kari"), invalid);
        assert_eq!(code("Kari\u{2029}"), invalid);
        assert_eq!(code("Kari\r\nNordmann"), invalid);
        assert_eq!(code("Kari\t"), invalid);
        assert_eq!(code(" "), Err(("name".to_string(), "error-required")));
        assert_eq!(code("\u{a0}\u{3000}\u{2003}"), Err(("name".to_string(), "error-required")));
        assert_eq!(optional_line("name", "\u{a0} ", 5), Ok(None));
        assert_eq!(optional_line("name", "Kari\u{85}", 50).unwrap_err().code, "error-invalid-characters");
    }

    #[test]
    fn the_findings_cases_on_several_lines() {
        let code = |raw: &str| required_text("body", raw, 50).map_err(|e| (e.field, e.code));
        let invalid = Err(("body".to_string(), "error-invalid-characters"));
        assert_eq!(code("\u{a0}Var stille.\u{a0}"), Ok("Var stille.".to_string()));
        assert_eq!(code("Var stille.\u{2029}"), Ok("Var stille.".to_string()));
        assert_eq!(code("a\u{2029}b"), Ok("a\u{2029}b".to_string()));
        assert_eq!(code("Runde\r\nLek\rPause\n"), Ok("Runde\nLek\nPause".to_string()));
        assert_eq!(code("\r\n\tInnrykk\tbeholdes\r\n"), Ok("Innrykk\tbeholdes".to_string()));
        assert_eq!(code("a\u{b}b"), invalid);
        assert_eq!(code("a\u{c}"), invalid);
        assert_eq!(code("\u{85}"), invalid);
        assert_eq!(code(" "), Err(("body".to_string(), "error-required")));
        assert_eq!(code("\r\n \u{2029}\u{a0}"), Err(("body".to_string(), "error-required")));
        assert_eq!(optional_text("body", " \r\n ", 5), Ok(String::new()));
    }

    #[test]
    fn length_counts_characters_as_sent_with_a_line_break_as_one() {
        assert_eq!(required_text("t", &"ø".repeat(10), 10).unwrap(), "ø".repeat(10));
        assert_eq!(required_text("t", &"a\r\n".repeat(5), 10).unwrap(), "a\na\na\na\na");
        assert_eq!(required_text("t", &format!("{} ", "a".repeat(10)), 10).unwrap_err().code, "error-too-long");
        assert_eq!(optional_line("t", &" ".repeat(11), 10).unwrap_err().code, "error-too-long");
        assert_eq!(required_line("t", "😀😀", 2).unwrap(), "😀😀");
    }

    /// Strings rich in what the rule is about: white space of every kind, line breaks,
    /// controls, look-alikes that are not white space (zero-width space, BOM), and
    /// ordinary and astral characters.
    fn tricky_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            ' ',
            '\t',
            '\n',
            '\r',
            '\u{b}',
            '\u{c}',
            '\u{0}',
            '\u{1f}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{a0}',
            '\u{1680}',
            '\u{2000}',
            '\u{200a}',
            '\u{200b}',
            '\u{2028}',
            '\u{2029}',
            '\u{202f}',
            '\u{205f}',
            '\u{3000}',
            '\u{feff}',
            'a',
            'Z',
            'æ',
            '\u{1F600}',
        ]);
        prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..24)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn pattern(source: &str) -> regex::Regex {
        regex::Regex::new(source).expect("a valid pattern")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_rule_is_idempotent_and_leaves_no_white_space_at_the_ends(raw in tricky_text()) {
            let once = normalise(&raw);
            prop_assert_eq!(normalise(&once), once.clone());
            prop_assert!(!once.starts_with(char::is_whitespace) && !once.ends_with(char::is_whitespace));
            prop_assert!(!once.contains('\r'));
            for lines in [Lines::One, Lines::Several] {
                if let Ok(Some(kept)) = text("t", &raw, lines, usize::MAX) {
                    prop_assert_eq!(&kept, &once);
                    prop_assert_eq!(text("t", &kept, lines, usize::MAX), Ok(Some(kept.clone())));
                    prop_assert!(!kept.is_empty());
                }
            }
        }

        #[test]
        fn a_single_line_never_holds_a_line_break_or_control(raw in tricky_text()) {
            if let Ok(Some(kept)) = optional_line("t", &raw, usize::MAX) {
                let breaks = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
                prop_assert!(!kept.chars().any(breaks), "{:?}", kept);
            }
        }

        #[test]
        fn several_lines_hold_only_tabs_and_line_feeds_among_controls(raw in tricky_text()) {
            if let Ok(Some(kept)) = text("t", &raw, Lines::Several, usize::MAX) {
                prop_assert!(kept.chars().all(|c| !c.is_control() || c == '\t' || c == '\n'));
            }
        }

        /// The OpenAPI document's patterns accept exactly what the code accepts (length
        /// aside, which the schemas state as maxLength).
        #[test]
        fn the_patterns_state_the_rule(raw in tricky_text()) {
            let max = usize::MAX;
            prop_assert_eq!(pattern(SINGLE_LINE_PATTERN).is_match(&raw), required_line("t", &raw, max).is_ok());
            prop_assert_eq!(pattern(OPTIONAL_SINGLE_LINE_PATTERN).is_match(&raw), optional_line("t", &raw, max).is_ok());
            prop_assert_eq!(pattern(MULTI_LINE_PATTERN).is_match(&raw), required_text("t", &raw, max).is_ok());
            prop_assert_eq!(pattern(OPTIONAL_MULTI_LINE_PATTERN).is_match(&raw), optional_text("t", &raw, max).is_ok());
        }
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
        assert_eq!(required_text("name", "\u{0}", 10).unwrap_err().code, "error-invalid-characters");
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
