//! Reading FHIR JSON by hand rather than through serde, so one pass finds every problem and
//! each keeps the exact path of the input.

use crate::questionnaires::problem::{index, join, Problem, ProblemCode};
use chrono::NaiveDate;
use serde_json::{Map, Value};

pub(super) type Object = Map<String, Value>;

/// What a reader knows about the properties of one kind of element.
pub(super) struct Properties<'a> {
    /// Read by samla.
    pub known: &'a [&'a str],
    /// FHIR's, safe to drop: metadata, narrative, ordinary extensions.
    pub ignored: &'a [&'a str],
    /// FHIR's, changing what the element means in a way samla cannot follow.
    pub unsupported: &'a [&'a str],
}

#[derive(Default)]
pub(super) struct Reader {
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn report(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    pub fn problem(&mut self, path: impl Into<String>, code: ProblemCode) {
        self.problems.push(Problem::new(path, code));
    }

    fn wrong_type(&mut self, path: &str, expected: &'static str) {
        self.report(Problem::new(path, ProblemCode::WrongJsonType).with_arg("expected", expected));
    }

    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Object> {
        let object = value.as_object();
        if object.is_none() {
            self.wrong_type(path, "object");
        }
        object
    }

    /// Reports every property that is neither known nor ignorable. `_name` elements carry
    /// extensions of primitive values (a translation, a rendering hint) and are dropped.
    /// Reported in name order, whatever order the JSON map keeps.
    pub fn check_properties(&mut self, object: &Object, path: &str, properties: &Properties) {
        let mut keys: Vec<&String> = object.keys().collect();
        keys.sort();
        for key in keys {
            if properties.unsupported.contains(&key.as_str()) {
                self.report(Problem::new(join(path, key), ProblemCode::Unsupported).with_arg("name", key));
            } else if !properties.known.contains(&key.as_str())
                && !properties.ignored.contains(&key.as_str())
                && !key.starts_with('_')
            {
                self.report(Problem::new(join(path, key), ProblemCode::UnknownProperty).with_arg("name", key));
            }
        }
    }

    fn string<'v>(&mut self, object: &'v Object, key: &str, path: &str) -> Option<&'v str> {
        let value = object.get(key)?;
        let text = value.as_str();
        if text.is_none() {
            self.wrong_type(&join(path, key), "string");
        }
        text
    }

    /// One line of text: no control characters at all.
    pub fn line(&mut self, object: &Object, key: &str, path: &str, required: bool, max: usize) -> Option<String> {
        self.checked_text(object, key, path, required, max, |c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    }

    /// Text that may run over several lines.
    pub fn text(&mut self, object: &Object, key: &str, path: &str, required: bool, max: usize) -> Option<String> {
        self.checked_text(object, key, path, required, max, |c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    }

    fn checked_text(
        &mut self,
        object: &Object,
        key: &str,
        path: &str,
        required: bool,
        max: usize,
        bad: impl Fn(char) -> bool,
    ) -> Option<String> {
        let here = join(path, key);
        let Some(text) = self.string(object, key, path) else {
            if required && !object.contains_key(key) {
                self.problem(here, ProblemCode::Missing);
            }
            return None;
        };
        // FHIR strings must not be empty; a blank one is a missing one.
        if text.trim().is_empty() {
            self.problem(here, ProblemCode::Missing);
            return None;
        }
        if text.chars().count() > max {
            self.report(Problem::new(here, ProblemCode::TooLong).with_arg("max", max));
            return None;
        }
        if text.chars().any(bad) {
            self.problem(here, ProblemCode::InvalidCharacters);
            return None;
        }
        Some(text.to_string())
    }

    /// A FHIR code: no whitespace but single spaces between words.
    pub fn code(&mut self, object: &Object, key: &str, path: &str, required: bool) -> Option<String> {
        let code = self.line(object, key, path, required, super::LINE_MAX_CHARS)?;
        if code.starts_with(' ')
            || code.ends_with(' ')
            || code.contains("  ")
            || code.chars().any(|c| c != ' ' && c.is_whitespace())
        {
            self.problem(join(path, key), ProblemCode::InvalidCharacters);
            return None;
        }
        Some(code)
    }

    pub fn boolean(&mut self, object: &Object, key: &str, path: &str) -> Option<bool> {
        let value = object.get(key)?;
        let flag = value.as_bool();
        if flag.is_none() {
            self.wrong_type(&join(path, key), "boolean");
        }
        flag
    }

    pub fn array<'v>(&mut self, object: &'v Object, key: &str, path: &str) -> &'v [Value] {
        match object.get(key) {
            None => &[],
            Some(Value::Array(values)) => values,
            Some(_) => {
                self.wrong_type(&join(path, key), "array");
                &[]
            }
        }
    }

    /// A FHIR integer: a JSON whole number within 32 bits.
    pub fn integer(&mut self, value: &Value, path: &str) -> Option<i64> {
        let number = value.as_i64().filter(|n| i32::try_from(*n).is_ok());
        if number.is_none() {
            self.wrong_type(path, "integer");
        }
        number
    }

    pub fn number(&mut self, value: &Value, path: &str) -> Option<f64> {
        let number = value.as_f64().filter(|n| n.is_finite());
        if number.is_none() {
            self.wrong_type(path, "number");
        }
        number
    }

    /// A full `YYYY-MM-DD` date; FHIR's partial dates (`2024`, `2024-05`) are refused.
    pub fn date(&mut self, value: &Value, path: &str) -> Option<NaiveDate> {
        let Some(text) = value.as_str() else {
            self.wrong_type(path, "string");
            return None;
        };
        let date = (text.len() == 10).then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()).flatten();
        if date.is_none() {
            self.problem(path, ProblemCode::Date);
        }
        date
    }

    /// The one `prefix[x]` of an element (`value[x]`, `answer[x]`): its name and value.
    /// Reports none as missing and several as a problem.
    pub fn choice_of_type<'v>(&mut self, object: &'v Object, prefix: &str, path: &str) -> Option<(&'v str, &'v Value)> {
        let found: Vec<(&str, &Value)> = object
            .iter()
            .filter(|(key, _)| key.len() > prefix.len() && key.starts_with(prefix))
            .filter(|(key, _)| key[prefix.len()..].starts_with(|c: char| c.is_ascii_uppercase()))
            .map(|(key, value)| (key.as_str(), value))
            .collect();
        match found.as_slice() {
            [] => {
                self.problem(join(path, &format!("{prefix}[x]")), ProblemCode::Missing);
                None
            }
            [one] => Some(*one),
            _ => {
                self.problem(join(path, &format!("{prefix}[x]")), ProblemCode::SeveralValues);
                None
            }
        }
    }

    /// The extensions of an element as (path, url, extension), each checked to be an
    /// object with a url.
    pub fn extensions<'v>(&mut self, object: &'v Object, path: &str) -> Vec<(String, &'v str, &'v Object)> {
        let mut out = Vec::new();
        for (i, value) in self.array(object, "extension", path).iter().enumerate() {
            let here = index(path, "extension", i);
            let Some(extension) = self.object(value, &here) else { continue };
            if let Some(url) = self.string(extension, "url", &here) {
                out.push((here, url, extension));
            } else if !extension.contains_key("url") {
                self.problem(join(&here, "url"), ProblemCode::Missing);
            }
        }
        out
    }
}

/// An absolute URI: a scheme, a colon and something after it, without spaces.
pub(super) fn is_absolute_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        && !rest.is_empty()
        && !text.chars().any(char::is_whitespace)
}

/// FHIR's computable name: a capital letter, then up to 254 letters, digits and `_`.
pub(super) fn is_computable_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && text.len() <= 255
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A BCP 47 tag as FHIR uses it: `nb`, `en`, `en-GB`, `se-Latn-NO`.
pub(super) fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_names_and_languages() {
        assert!(is_absolute_uri("urn:samla:questionnaire:x"));
        assert!(is_absolute_uri("https://example.org/q"));
        assert!(!is_absolute_uri("example.org/q"));
        assert!(!is_absolute_uri("urn:a b"));
        assert!(!is_absolute_uri("1a:b"));
        assert!(is_computable_name("MestringstreffPostCourse"));
        assert!(!is_computable_name("mestringstreff"));
        assert!(!is_computable_name("Mestrings-treff"));
        assert!(is_language_tag("nb") && is_language_tag("en-GB") && is_language_tag("se-Latn-NO"));
        assert!(!is_language_tag("norsk bokmål") && !is_language_tag("n") && !is_language_tag("en-"));
    }

    #[test]
    fn blank_text_is_missing_and_lines_refuse_breaks() {
        let object: Object = serde_json::from_str(r#"{"a": "  ", "b": "x\ny", "c": 3, "d": "ok"}"#).unwrap();
        let mut reader = Reader::default();
        assert_eq!(reader.line(&object, "a", "item[0]", true, 10), None);
        assert_eq!(reader.line(&object, "b", "item[0]", true, 10), None);
        assert_eq!(reader.text(&object, "b", "", true, 10).as_deref(), Some("x\ny"));
        assert_eq!(reader.line(&object, "c", "", true, 10), None);
        assert_eq!(reader.line(&object, "d", "", true, 1), None);
        assert_eq!(reader.line(&object, "e", "", true, 10), None);
        assert_eq!(reader.line(&object, "f", "", false, 10), None);
        let found: Vec<(&str, &str)> = reader.problems.iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
        assert_eq!(
            found,
            [
                ("item[0].a", "error-questionnaire-missing"),
                ("item[0].b", "error-questionnaire-invalid-characters"),
                ("c", "error-questionnaire-wrong-json-type"),
                ("d", "error-questionnaire-too-long"),
                ("e", "error-questionnaire-missing"),
            ]
        );
    }

    #[test]
    fn one_value_of_a_choice_type() {
        let mut reader = Reader::default();
        let none: Object = serde_json::from_str(r#"{"url": "x", "valueset": 1}"#).unwrap();
        assert!(reader.choice_of_type(&none, "value", "e").is_none());
        let two: Object = serde_json::from_str(r#"{"valueInteger": 1, "valueDecimal": 1.5}"#).unwrap();
        assert!(reader.choice_of_type(&two, "value", "e").is_none());
        let one: Object = serde_json::from_str(r#"{"valueInteger": 1}"#).unwrap();
        assert_eq!(reader.choice_of_type(&one, "value", "e").map(|(k, _)| k), Some("valueInteger"));
        let codes: Vec<&str> = reader.problems.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["error-questionnaire-missing", "error-questionnaire-several-values"]);
    }

    #[test]
    fn integers_are_32_bit_and_dates_are_whole() {
        let mut reader = Reader::default();
        assert_eq!(reader.integer(&serde_json::json!(2147483647), "a"), Some(2147483647));
        assert_eq!(reader.integer(&serde_json::json!(2147483648_i64), "a"), None);
        assert_eq!(reader.integer(&serde_json::json!(1.5), "a"), None);
        assert!(reader.date(&serde_json::json!("2024-02-29"), "d").is_some());
        assert!(reader.date(&serde_json::json!("2023-02-29"), "d").is_none());
        assert!(reader.date(&serde_json::json!("2024-05"), "d").is_none());
        assert!(reader.date(&serde_json::json!("2024-5-01"), "d").is_none());
        assert_eq!(reader.problems.len(), 5);
    }
}
