//! Answer options and the extensions of items and options: what a choice offers and the
//! numbers that bound or score it.

use super::reader::{is_absolute_uri, Object, Properties, Reader};
use super::{AnswerOption, LINE_MAX_CHARS, MAX_VALUE_URL, MIN_VALUE_URL, ORDINAL_VALUE_URL};
use crate::questionnaires::problem::{index, join, Problem, ProblemCode};
use serde_json::Value;

const ANSWER_OPTION: Properties = Properties {
    known: &["valueCoding", "extension"],
    ignored: &["id", "initialSelected"],
    unsupported: &["modifierExtension", "valueInteger", "valueDate", "valueTime", "valueString", "valueReference"],
};

pub(super) fn answer_options(reader: &mut Reader, object: &Object, path: &str) -> Vec<AnswerOption> {
    let mut out: Vec<AnswerOption> = Vec::new();
    for (i, value) in reader.array(object, "answerOption", path).iter().enumerate() {
        let here = index(path, "answerOption", i);
        let Some(option) = reader.object(value, &here) else { continue };
        reader.check_properties(option, &here, &ANSWER_OPTION);
        let own_ordinal = ordinal(reader, option, &here);
        let Some(coding_value) = option.get("valueCoding") else {
            if !ANSWER_OPTION.unsupported.iter().any(|k| k.starts_with("value") && option.contains_key(*k)) {
                reader.problem(join(&here, "valueCoding"), ProblemCode::Missing);
            }
            continue;
        };
        let coding_path = join(&here, "valueCoding");
        let Some(coding) = reader.object(coding_value, &coding_path) else { continue };
        reader.check_properties(coding, &coding_path, &CODING);
        let system = system(reader, coding, &coding_path);
        let code = reader.code(coding, "code", &coding_path, true);
        let display = reader.line(coding, "display", &coding_path, true, LINE_MAX_CHARS);
        let coding_ordinal = ordinal(reader, coding, &coding_path);
        let ordinal = match (own_ordinal, coding_ordinal) {
            (Some(a), Some(b)) if a != b => {
                reader.problem(&here, ProblemCode::OrdinalConflict);
                None
            }
            (a, b) => a.or(b),
        };
        let (Some(code), Some(display)) = (code, display) else { continue };
        if out.iter().any(|o| o.code == code) {
            let problem = Problem::new(join(&coding_path, "code"), ProblemCode::OptionCodeDuplicate);
            reader.report(problem.with_arg("code", &code));
            continue;
        }
        out.push(AnswerOption { system, code, display, ordinal });
    }
    out
}

pub(super) fn system(reader: &mut Reader, coding: &Object, path: &str) -> Option<String> {
    let system = reader.line(coding, "system", path, false, LINE_MAX_CHARS)?;
    if !is_absolute_uri(&system) {
        reader.problem(join(path, "system"), ProblemCode::Url);
        return None;
    }
    Some(system)
}

/// The ordinalValue extension of an option or coding.
fn ordinal(reader: &mut Reader, element: &Object, path: &str) -> Option<f64> {
    let mut found = None;
    for (here, url, extension) in reader.extensions(element, path) {
        if url != ORDINAL_VALUE_URL {
            continue;
        }
        if found.is_some() {
            reader.problem(&here, ProblemCode::SeveralValues);
            continue;
        }
        let Some((_, value)) = reader.choice_of_type(extension, "value", &here) else { continue };
        match value.as_f64() {
            Some(number) if number.is_finite() => found = Some(number),
            _ => reader.problem(&here, ProblemCode::OrdinalNotNumber),
        }
    }
    found
}

/// The minValue and maxValue extensions as read, before the item's type picks a kind.
#[derive(Default)]
pub(super) struct Bounds([Option<Value>; 2]);

impl Bounds {
    pub(super) fn integer(&self, which: usize) -> Option<i64> {
        self.0[which].as_ref().and_then(Value::as_i64)
    }

    pub(super) fn decimal(&self, which: usize) -> Option<f64> {
        self.0[which].as_ref().and_then(Value::as_f64)
    }
}

pub(super) fn bounds(reader: &mut Reader, object: &Object, path: &str, kind: Option<Type>) -> Bounds {
    let mut out = Bounds::default();
    for (here, url, extension) in reader.extensions(object, path) {
        let (which, name) = match url {
            MIN_VALUE_URL => (0, "minValue"),
            MAX_VALUE_URL => (1, "maxValue"),
            _ => continue,
        };
        let expected = match kind {
            Some(Type::Integer) => "valueInteger",
            Some(Type::Decimal) => "valueDecimal",
            Some(_) => {
                reader.report(Problem::new(&here, ProblemCode::BoundNotAllowed).with_arg("name", name));
                continue;
            }
            None => continue,
        };
        if out.0[which].is_some() {
            reader.problem(&here, ProblemCode::SeveralValues);
            continue;
        }
        let Some((element, value)) = reader.choice_of_type(extension, "value", &here) else { continue };
        let value_path = join(&here, element);
        if element != expected {
            reader.report(Problem::new(value_path, ProblemCode::ExtensionValueType).with_arg("expected", expected));
            continue;
        }
        let read = if expected == "valueInteger" {
            reader.integer(value, &value_path).map(Value::from)
        } else {
            reader.number(value, &value_path).map(Value::from)
        };
        out.0[which] = read;
    }
    if let (Some(min), Some(max)) = (out.decimal(0), out.decimal(1)) {
        if min > max {
            reader.problem(path, ProblemCode::MinAboveMax);
        }
    }
    out
}

pub(super) fn max_length(reader: &mut Reader, object: &Object, path: &str) -> Option<u32> {
    let here = join(path, "maxLength");
    let length = reader.integer(object.get("maxLength")?, &here)?;
    if length < 1 {
        reader.problem(here, ProblemCode::MaxLength);
        return None;
    }
    u32::try_from(length).ok()
}

pub(super) const CODING: Properties = Properties {
    known: &["system", "code", "display", "extension"],
    ignored: &["id", "version", "userSelected"],
    unsupported: &[],
};

/// An item's `type` before its details are read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Type {
    Group,
    Display,
    Boolean,
    Choice,
    Integer,
    Decimal,
    String,
    Text,
    Date,
}

impl Type {
    pub(super) fn parse(raw: &str) -> Option<Type> {
        Some(match raw {
            "group" => Type::Group,
            "display" => Type::Display,
            "boolean" => Type::Boolean,
            "choice" => Type::Choice,
            "integer" => Type::Integer,
            "decimal" => Type::Decimal,
            "string" => Type::String,
            "text" => Type::Text,
            "date" => Type::Date,
            _ => return None,
        })
    }
}
