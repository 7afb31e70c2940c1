//! The item tree: each item read and checked in document order, so an enableWhen can be
//! checked against the questions before it.

use super::import_values::{answer_options, bounds, max_length, system, Type, CODING};
use super::reader::{Object, Properties, Reader};
use super::{
    AnswerOption, Coding, EnableAnswer, EnableBehavior, EnableWhen, Item, ItemKind, Operator, LINE_MAX_CHARS,
    LINK_ID_MAX_CHARS, TEXT_MAX_CHARS, UNSUPPORTED_TYPES,
};
use crate::questionnaires::problem::{index, join, Problem, ProblemCode};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

const ITEM: Properties = Properties {
    known: &[
        "linkId",
        "text",
        "type",
        "required",
        "repeats",
        "readOnly",
        "enableWhen",
        "enableBehavior",
        "answerOption",
        "item",
        "maxLength",
        "extension",
    ],
    // `initial` only pre-fills a form; `prefix` only numbers a question.
    ignored: &["id", "definition", "code", "prefix", "initial"],
    unsupported: &["modifierExtension", "answerValueSet"],
};

const ENABLE_WHEN: Properties = Properties {
    known: &[
        "question",
        "operator",
        "answerBoolean",
        "answerDecimal",
        "answerInteger",
        "answerDate",
        "answerString",
        "answerCoding",
    ],
    ignored: &["id", "extension"],
    unsupported: &["modifierExtension", "answerDateTime", "answerTime", "answerQuantity", "answerReference"],
};

/// The type of an item read so far, as a later enableWhen needs it.
#[derive(Clone)]
enum Seen {
    /// An item whose type could not be read; that problem is reported already.
    Unreadable,
    NotAQuestion,
    Boolean,
    Choice(Vec<(Option<String>, String)>),
    Integer,
    Decimal,
    Text,
    Date,
}

pub(super) struct Items {
    /// Every linkId anywhere in the document, to tell a later question from an unknown one.
    everywhere: HashSet<String>,
    seen: HashMap<String, Seen>,
}

impl Items {
    pub fn new(document: &Value) -> Self {
        fn collect(value: &Value, out: &mut HashSet<String>) {
            for item in value.get("item").and_then(Value::as_array).into_iter().flatten() {
                if let Some(link_id) = item.get("linkId").and_then(Value::as_str) {
                    out.insert(link_id.to_string());
                }
                collect(item, out);
            }
        }
        let mut everywhere = HashSet::new();
        collect(document, &mut everywhere);
        Items { everywhere, seen: HashMap::new() }
    }

    pub fn read_all(&mut self, reader: &mut Reader, values: &[Value], parent: &str) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, value) in values.iter().enumerate() {
            if let Some(item) = self.read(reader, value, &index(parent, "item", i)) {
                items.push(item);
            }
        }
        items
    }

    fn read(&mut self, reader: &mut Reader, value: &Value, path: &str) -> Option<Item> {
        let object = reader.object(value, path)?;
        reader.check_properties(object, path, &ITEM);
        let link_id = reader.line(object, "linkId", path, true, LINK_ID_MAX_CHARS);
        let kind = self.item_type(reader, object, path);
        let text = reader.text(object, "text", path, kind.is_some_and(|k| k != Type::Group), TEXT_MAX_CHARS);
        let required = reader.boolean(object, "required", path).unwrap_or(false);
        let repeats = reader.boolean(object, "repeats", path).unwrap_or(false);
        if reader.boolean(object, "readOnly", path) == Some(true) {
            reader.report(Problem::new(join(path, "readOnly"), ProblemCode::Unsupported).with_arg("name", "readOnly"));
        }
        let enable_when = self.enable_when(reader, object, path);
        let enable_behavior = enable_behavior(reader, object, path, enable_when.len());
        let bounds = bounds(reader, object, path, kind);
        let options = answer_options(reader, object, path);
        let max_length = max_length(reader, object, path);

        if let Some(link_id) = &link_id {
            if self.seen.contains_key(link_id) {
                let problem = Problem::new(join(path, "linkId"), ProblemCode::LinkIdDuplicate);
                reader.report(problem.with_arg("link_id", link_id));
            } else {
                self.seen.insert(link_id.clone(), kind.map_or(Seen::Unreadable, |k| seen(k, &options)));
            }
        }
        let raw_children = reader.array(object, "item", path);
        let children = self.read_all(reader, raw_children, path);

        let kind = kind?;
        let flags = Flags {
            required,
            repeats,
            has_options: object.contains_key("answerOption"),
            has_children: object.contains_key("item"),
        };
        check_flags(reader, path, kind, &flags);
        if kind == Type::Choice && options.is_empty() && !object.contains_key("answerValueSet") {
            reader.problem(path, ProblemCode::ChoiceWithoutOptions);
        }
        // An `item` that is not an array has been reported already.
        if kind == Type::Group && object.get("item").is_none_or(|v| v.as_array().is_some_and(Vec::is_empty)) {
            reader.problem(path, ProblemCode::GroupWithoutItems);
        }
        if !matches!(kind, Type::String | Type::Text) && max_length.is_some() {
            reader.report(
                Problem::new(join(path, "maxLength"), ProblemCode::BoundNotAllowed).with_arg("name", "maxLength"),
            );
        }
        let item_kind = match kind {
            Type::Group => ItemKind::Group(children),
            Type::Display => ItemKind::Display,
            Type::Boolean => ItemKind::Boolean,
            Type::Choice => ItemKind::Choice(options),
            Type::Integer => ItemKind::Integer { min: bounds.integer(0), max: bounds.integer(1) },
            Type::Decimal => ItemKind::Decimal { min: bounds.decimal(0), max: bounds.decimal(1) },
            Type::String => ItemKind::String { max_length },
            Type::Text => ItemKind::Text { max_length },
            Type::Date => ItemKind::Date,
        };
        Some(Item { link_id: link_id?, text, required, repeats, enable_when, enable_behavior, kind: item_kind })
    }

    fn item_type(&self, reader: &mut Reader, object: &Object, path: &str) -> Option<Type> {
        let raw = reader.code(object, "type", path, true)?;
        let kind = Type::parse(&raw);
        if kind.is_none() {
            let code = if UNSUPPORTED_TYPES.contains(&raw.as_str()) {
                ProblemCode::ItemTypeUnsupported
            } else {
                ProblemCode::ItemTypeUnknown
            };
            reader.report(Problem::new(join(path, "type"), code).with_arg("type", raw));
        }
        kind
    }

    fn enable_when(&self, reader: &mut Reader, object: &Object, path: &str) -> Vec<EnableWhen> {
        let mut out = Vec::new();
        for (i, value) in reader.array(object, "enableWhen", path).iter().enumerate() {
            let here = index(path, "enableWhen", i);
            let Some(condition) = reader.object(value, &here) else { continue };
            reader.check_properties(condition, &here, &ENABLE_WHEN);
            let question = reader.line(condition, "question", &here, true, LINK_ID_MAX_CHARS);
            let operator = reader.code(condition, "operator", &here, true).and_then(|raw| {
                let operator = Operator::parse(&raw);
                if operator.is_none() {
                    let allowed = Operator::ALL.map(Operator::as_str).join(", ");
                    let problem = Problem::new(join(&here, "operator"), ProblemCode::CodeNotAllowed);
                    reader.report(problem.with_arg("value", raw).with_arg("allowed", allowed));
                }
                operator
            });
            let answer = enable_answer(reader, condition, &here);
            let (Some(question), Some(operator), Some(answer)) = (question, operator, answer) else { continue };
            self.check_condition(reader, &here, &question, operator, &answer);
            out.push(EnableWhen { question, operator, answer });
        }
        out
    }

    fn check_condition(
        &self,
        reader: &mut Reader,
        path: &str,
        question: &str,
        operator: Operator,
        answer: &EnableAnswer,
    ) {
        let Some(seen) = self.seen.get(question) else {
            let code = if self.everywhere.contains(question) {
                ProblemCode::EnableWhenLaterQuestion
            } else {
                ProblemCode::EnableWhenUnknownQuestion
            };
            reader.report(Problem::new(join(path, "question"), code).with_arg("question", question));
            return;
        };
        let (type_name, expected, ordered) = match seen {
            Seen::Unreadable => return,
            Seen::NotAQuestion => {
                let problem = Problem::new(join(path, "question"), ProblemCode::EnableWhenNotAQuestion);
                reader.report(problem.with_arg("question", question));
                return;
            }
            Seen::Boolean => ("boolean", "answerBoolean", false),
            Seen::Choice(_) => ("choice", "answerCoding", false),
            Seen::Integer => ("integer", "answerInteger", true),
            Seen::Decimal => ("decimal", "answerDecimal", true),
            Seen::Text => ("string", "answerString", false),
            Seen::Date => ("date", "answerDate", true),
        };
        let expected = if operator == Operator::Exists { "answerBoolean" } else { expected };
        if operator.is_ordering() && !ordered {
            let problem = Problem::new(join(path, "operator"), ProblemCode::EnableWhenOperator);
            reader.report(problem.with_arg("operator", operator.as_str()).with_arg("type", type_name));
        }
        if answer.element() != expected {
            let problem = Problem::new(join(path, answer.element()), ProblemCode::EnableWhenAnswerType);
            reader.report(problem.with_arg("expected", expected));
            return;
        }
        if let (Seen::Choice(options), EnableAnswer::Coding(coding)) = (seen, answer) {
            let known = options
                .iter()
                .any(|(system, code)| *code == coding.code && (coding.system.is_none() || *system == coding.system));
            if !known {
                let problem = Problem::new(join(path, "answerCoding"), ProblemCode::EnableWhenUnknownOption);
                reader.report(problem.with_arg("code", &coding.code));
            }
        }
    }
}

fn seen(kind: Type, options: &[AnswerOption]) -> Seen {
    match kind {
        Type::Group | Type::Display => Seen::NotAQuestion,
        Type::Boolean => Seen::Boolean,
        Type::Choice => Seen::Choice(options.iter().map(|o| (o.system.clone(), o.code.clone())).collect()),
        Type::Integer => Seen::Integer,
        Type::Decimal => Seen::Decimal,
        Type::String | Type::Text => Seen::Text,
        Type::Date => Seen::Date,
    }
}

struct Flags {
    required: bool,
    repeats: bool,
    has_options: bool,
    has_children: bool,
}

fn check_flags(reader: &mut Reader, path: &str, kind: Type, flags: &Flags) {
    let structural = matches!(kind, Type::Group | Type::Display);
    if flags.required && structural {
        reader.problem(join(path, "required"), ProblemCode::RequiredNotAllowed);
    }
    if flags.repeats && kind != Type::Choice {
        reader.problem(join(path, "repeats"), ProblemCode::RepeatsNotAllowed);
    }
    if flags.has_options && kind != Type::Choice {
        reader.problem(join(path, "answerOption"), ProblemCode::OptionsNotAllowed);
    }
    if flags.has_children && kind != Type::Group {
        reader.problem(join(path, "item"), ProblemCode::ChildrenNotAllowed);
    }
}

fn enable_behavior(reader: &mut Reader, object: &Object, path: &str, conditions: usize) -> Option<EnableBehavior> {
    let Some(raw) = reader.code(object, "enableBehavior", path, false) else {
        if conditions > 1 && !object.contains_key("enableBehavior") {
            reader.problem(join(path, "enableBehavior"), ProblemCode::Missing);
        }
        return None;
    };
    let behavior = EnableBehavior::parse(&raw);
    if behavior.is_none() {
        let problem = Problem::new(join(path, "enableBehavior"), ProblemCode::CodeNotAllowed).with_arg("value", raw);
        reader.report(problem.with_arg("allowed", "all, any"));
    }
    behavior
}

fn enable_answer(reader: &mut Reader, condition: &Object, path: &str) -> Option<EnableAnswer> {
    let (element, value) = reader.choice_of_type(condition, "answer", path)?;
    let here = join(path, element);
    Some(match element {
        "answerBoolean" => EnableAnswer::Boolean(reader.boolean(condition, element, path)?),
        "answerInteger" => EnableAnswer::Integer(reader.integer(value, &here)?),
        "answerDecimal" => EnableAnswer::Decimal(reader.number(value, &here)?),
        "answerDate" => EnableAnswer::Date(reader.date(value, &here)?),
        "answerString" => EnableAnswer::String(reader.line(condition, element, path, true, LINE_MAX_CHARS)?),
        "answerCoding" => {
            let coding = reader.object(value, &here)?;
            reader.check_properties(coding, &here, &CODING);
            let system = system(reader, coding, &here);
            let display = reader.line(coding, "display", &here, false, LINE_MAX_CHARS);
            EnableAnswer::Coding(Coding { system, code: reader.code(coding, "code", &here, true)?, display })
        }
        // Unsupported answer types are reported by the property check.
        _ => return None,
    })
}
