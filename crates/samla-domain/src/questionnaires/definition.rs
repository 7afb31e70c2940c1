//! The subset of the FHIR R4 Questionnaire resource that samla supports, as types that
//! cannot hold what samla would not know how to show or check.
//!
//! Supported: `url`, `version`, `name`, `title`, `status`, `language`, `description` and
//! an item tree of group, display, choice, integer, decimal, string, text, boolean and date
//! items with `linkId`, `text`, `required`, `repeats` (choices only: a form without
//! JavaScript shows them as checkboxes, while repeated numbers or texts would need an
//! "add another" button), `enableWhen`/`enableBehavior`, `answerOption` with a
//! `valueCoding` and the `ordinalValue` extension, `minValue`/`maxValue` extensions on
//! numbers and `maxLength` on text. Only groups hold items.
//!
//! [`import`] reads FHIR JSON and [`export`] writes it; `import(export(q)) == q`.

mod export;
mod import;
mod import_items;
#[cfg(test)]
mod import_tests;
mod import_values;
mod reader;
#[cfg(test)]
mod roundtrip_tests;

pub use export::export;
pub use import::{import, import_value};

use chrono::NaiveDate;

/// The extension on an answer option (or its coding) that gives the option a number.
pub const ORDINAL_VALUE_URL: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
/// The extension on an item that gives the least allowed answer.
pub const MIN_VALUE_URL: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
/// The extension on an item that gives the greatest allowed answer.
pub const MAX_VALUE_URL: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";

/// Longest `linkId` FHIR allows.
pub const LINK_ID_MAX_CHARS: usize = 255;
/// Longest title, name, version or url samla keeps.
pub const LINE_MAX_CHARS: usize = 500;
/// Longest item text, description or option display samla keeps.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// One version of one questionnaire in one language.
///
/// samla identifies a questionnaire by `url`; the nb and en forms of one questionnaire share
/// `url`, `version` and linkIds and differ only in `language` and texts, so answers in
/// either language are counted together and one set of scoring rules serves both.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub url: String,
    pub version: Option<String>,
    pub name: Option<String>,
    pub title: String,
    pub status: Status,
    pub language: Option<String>,
    pub description: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Draft,
    Active,
    Retired,
    Unknown,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::Active, Status::Retired, Status::Unknown];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Retired => "retired",
            Status::Unknown => "unknown",
        }
    }

    pub fn parse(raw: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub link_id: String,
    /// Always present on questions and display items; optional on groups.
    pub text: Option<String>,
    /// Never on groups and display items.
    pub required: bool,
    /// Only on choices.
    pub repeats: bool,
    pub enable_when: Vec<EnableWhen>,
    /// Always present when there is more than one condition.
    pub enable_behavior: Option<EnableBehavior>,
    pub kind: ItemKind,
}

/// An item's type with what belongs to that type only.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// Never empty.
    Group(Vec<Item>),
    Display,
    Boolean,
    /// Never empty; codes are unique within the item.
    Choice(Vec<AnswerOption>),
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Decimal {
        min: Option<f64>,
        max: Option<f64>,
    },
    String {
        max_length: Option<u32>,
    },
    Text {
        max_length: Option<u32>,
    },
    Date,
}

impl ItemKind {
    /// The FHIR `type` code.
    pub fn type_code(&self) -> &'static str {
        match self {
            ItemKind::Group(_) => "group",
            ItemKind::Display => "display",
            ItemKind::Boolean => "boolean",
            ItemKind::Choice(_) => "choice",
            ItemKind::Integer { .. } => "integer",
            ItemKind::Decimal { .. } => "decimal",
            ItemKind::String { .. } => "string",
            ItemKind::Text { .. } => "text",
            ItemKind::Date => "date",
        }
    }

    /// Whether the item takes answers (everything but groups and display items).
    pub fn is_question(&self) -> bool {
        !matches!(self, ItemKind::Group(_) | ItemKind::Display)
    }
}

/// The item types FHIR R4 has but samla does not support.
pub const UNSUPPORTED_TYPES: [&str; 7] =
    ["dateTime", "time", "url", "open-choice", "attachment", "reference", "quantity"];

/// One option of a choice. samla requires a display text: it is what the respondent reads.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption {
    pub system: Option<String>,
    pub code: String,
    pub display: String,
    /// The number the option counts as in scores.
    pub ordinal: Option<f64>,
}

/// A coding as an enableWhen answer names an option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub system: Option<String>,
    pub code: String,
    pub display: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnableWhen {
    /// The linkId of an earlier question.
    pub question: String,
    pub operator: Operator,
    /// Of the question's type; a boolean for `exists`.
    pub answer: EnableAnswer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    Exists,
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

impl Operator {
    pub const ALL: [Operator; 7] = [
        Operator::Exists,
        Operator::Equal,
        Operator::NotEqual,
        Operator::Greater,
        Operator::Less,
        Operator::GreaterOrEqual,
        Operator::LessOrEqual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Exists => "exists",
            Operator::Equal => "=",
            Operator::NotEqual => "!=",
            Operator::Greater => ">",
            Operator::Less => "<",
            Operator::GreaterOrEqual => ">=",
            Operator::LessOrEqual => "<=",
        }
    }

    pub fn parse(raw: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|o| o.as_str() == raw)
    }

    /// Whether the operator compares order (`>`, `<`, `>=`, `<=`).
    pub fn is_ordering(self) -> bool {
        matches!(self, Operator::Greater | Operator::Less | Operator::GreaterOrEqual | Operator::LessOrEqual)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum EnableAnswer {
    Boolean(bool),
    Integer(i64),
    Decimal(f64),
    Date(NaiveDate),
    String(String),
    Coding(Coding),
}

impl EnableAnswer {
    /// The FHIR element name (`answerBoolean`, …).
    pub fn element(&self) -> &'static str {
        match self {
            EnableAnswer::Boolean(_) => "answerBoolean",
            EnableAnswer::Integer(_) => "answerInteger",
            EnableAnswer::Decimal(_) => "answerDecimal",
            EnableAnswer::Date(_) => "answerDate",
            EnableAnswer::String(_) => "answerString",
            EnableAnswer::Coding(_) => "answerCoding",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnableBehavior {
    All,
    Any,
}

impl EnableBehavior {
    pub fn as_str(self) -> &'static str {
        match self {
            EnableBehavior::All => "all",
            EnableBehavior::Any => "any",
        }
    }

    pub fn parse(raw: &str) -> Option<EnableBehavior> {
        [EnableBehavior::All, EnableBehavior::Any].into_iter().find(|b| b.as_str() == raw)
    }
}

impl Questionnaire {
    /// Every item, depth first in document order (the order a respondent meets them).
    pub fn items_in_order(&self) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for item in items {
                out.push(item);
                if let ItemKind::Group(children) = &item.kind {
                    walk(children, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }

    pub fn item(&self, link_id: &str) -> Option<&Item> {
        self.items_in_order().into_iter().find(|item| item.link_id == link_id)
    }
}

impl Item {
    /// The option of a choice with this code.
    pub fn option(&self, code: &str) -> Option<&AnswerOption> {
        match &self.kind {
            ItemKind::Choice(options) => options.iter().find(|o| o.code == code),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_back() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        for operator in Operator::ALL {
            assert_eq!(Operator::parse(operator.as_str()), Some(operator));
        }
        assert_eq!(EnableBehavior::parse("any"), Some(EnableBehavior::Any));
        assert_eq!(Operator::parse("=="), None);
    }
}
