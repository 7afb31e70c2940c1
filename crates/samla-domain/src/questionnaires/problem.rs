//! What can be wrong with a questionnaire, its scoring rules or a set of answers: one
//! [`Problem`] per finding, at a path into the input, with a translation key.

use crate::validation::FieldError;
use serde::Serialize;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// A translation key. Every key is in [`ProblemCode::ALL`], so a test in the web
        /// layer can check that each has an nb and an en message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ProblemCode {
            $($(#[$doc])* $variant,)*
        }

        impl ProblemCode {
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemCode::$variant => $code,)*
                }
            }
        }
    };
}

codes! {
    /// The text is not JSON at all (args `line`, `column`).
    Json => "error-questionnaire-json",
    /// A value has the wrong JSON type (arg `expected`: object, array, string, boolean,
    /// number or integer).
    WrongJsonType => "error-questionnaire-wrong-json-type",
    /// `resourceType` is not `Questionnaire` (arg `found`).
    ResourceType => "error-questionnaire-resource-type",
    /// A property FHIR does not have at this place; often a typo (arg `name`).
    UnknownProperty => "error-questionnaire-unknown-property",
    /// A FHIR property or value samla cannot honour and must not ignore (arg `name`).
    Unsupported => "error-questionnaire-unsupported",
    /// A required value is absent or empty.
    Missing => "error-questionnaire-missing",
    /// Text longer than samla keeps (arg `max`).
    TooLong => "error-questionnaire-too-long",
    /// Text with control characters (or a line break where one line is expected).
    InvalidCharacters => "error-questionnaire-invalid-characters",
    /// A code outside its value set (args `value`, `allowed`).
    CodeNotAllowed => "error-questionnaire-code-not-allowed",
    /// `url` is not an absolute URI.
    Url => "error-questionnaire-url",
    /// `name` is not a computable name (a capital letter, then letters, digits or `_`).
    Name => "error-questionnaire-name",
    /// `language` is not a language tag such as `nb` or `en-GB`.
    Language => "error-questionnaire-language",
    /// A date that is not a full `YYYY-MM-DD` date.
    Date => "error-questionnaire-date",
    /// The questionnaire has no items.
    NoItems => "error-questionnaire-no-items",
    /// An item `type` that FHIR R4 does not have (arg `type`).
    ItemTypeUnknown => "error-questionnaire-item-type-unknown",
    /// An item `type` FHIR has but samla does not support (arg `type`).
    ItemTypeUnsupported => "error-questionnaire-item-type-unsupported",
    /// A `linkId` used by an earlier item too (arg `link_id`).
    LinkIdDuplicate => "error-questionnaire-link-id-duplicate",
    /// A group with no items under it.
    GroupWithoutItems => "error-questionnaire-group-without-items",
    /// Items under an item that is not a group.
    ChildrenNotAllowed => "error-questionnaire-children-not-allowed",
    /// `required` on a display item or a group.
    RequiredNotAllowed => "error-questionnaire-required-not-allowed",
    /// `repeats` on anything but a choice.
    RepeatsNotAllowed => "error-questionnaire-repeats-not-allowed",
    /// A choice without answer options.
    ChoiceWithoutOptions => "error-questionnaire-choice-without-options",
    /// Answer options on an item that is not a choice.
    OptionsNotAllowed => "error-questionnaire-options-not-allowed",
    /// Two options of one item with the same code (arg `code`).
    OptionCodeDuplicate => "error-questionnaire-option-code-duplicate",
    /// An ordinal value that is not a number.
    OrdinalNotNumber => "error-questionnaire-ordinal-not-number",
    /// Different ordinal values on an option and on its coding.
    OrdinalConflict => "error-questionnaire-ordinal-conflict",
    /// `minValue`/`maxValue` on an item that is not a number, or `maxLength` on one that is
    /// not text (arg `name`).
    BoundNotAllowed => "error-questionnaire-bound-not-allowed",
    /// An extension with the wrong `value[x]` for the item (arg `expected`, e.g.
    /// `valueInteger`).
    ExtensionValueType => "error-questionnaire-extension-value-type",
    /// `minValue` above `maxValue`.
    MinAboveMax => "error-questionnaire-min-above-max",
    /// `maxLength` below 1.
    MaxLength => "error-questionnaire-max-length",
    /// More than one `value[x]`/`answer[x]` in one element.
    SeveralValues => "error-questionnaire-several-values",
    /// enableWhen names a linkId no item has (arg `question`).
    EnableWhenUnknownQuestion => "error-questionnaire-enable-when-unknown-question",
    /// enableWhen names the item itself or a later one: answers flow forwards only (arg
    /// `question`).
    EnableWhenLaterQuestion => "error-questionnaire-enable-when-later-question",
    /// enableWhen names a group or display item, which has no answer (arg `question`).
    EnableWhenNotAQuestion => "error-questionnaire-enable-when-not-a-question",
    /// The operator does not apply to the question's type (args `operator`, `type`).
    EnableWhenOperator => "error-questionnaire-enable-when-operator",
    /// The answer[x] type does not match the question (arg `expected`).
    EnableWhenAnswerType => "error-questionnaire-enable-when-answer-type",
    /// answerCoding is not among the question's options (arg `code`).
    EnableWhenUnknownOption => "error-questionnaire-enable-when-unknown-option",

    /// The rules are not valid JSON for samla's scoring format (arg `detail`).
    ScoringJson => "error-scoring-json",
    /// The rules name another questionnaire (args `expected`, `found`).
    ScoringQuestionnaire => "error-scoring-questionnaire",
    /// No scales.
    ScoringNoScales => "error-scoring-no-scales",
    /// An id that is not 1–60 lower-case letters, digits and dashes.
    ScoringId => "error-scoring-id",
    /// An id used twice (arg `id`).
    ScoringIdDuplicate => "error-scoring-id-duplicate",
    /// A label map without a text, or with an empty one.
    ScoringLabel => "error-scoring-label",
    /// A scale or subscale without items.
    ScoringNoItems => "error-scoring-no-items",
    /// A linkId the questionnaire does not have (arg `link_id`).
    ScoringUnknownItem => "error-scoring-unknown-item",
    /// The same item twice in one scale (arg `link_id`).
    ScoringItemDuplicate => "error-scoring-item-duplicate",
    /// An item that is neither integer, decimal nor a choice with an ordinal value on every
    /// option (arg `link_id`).
    ScoringItemNotNumeric => "error-scoring-item-not-numeric",
    /// A repeating item, which has no single value to count (arg `link_id`).
    ScoringItemRepeats => "error-scoring-item-repeats",
    /// An integer or decimal item without both minValue and maxValue (arg `link_id`).
    ScoringItemUnbounded => "error-scoring-item-unbounded",
    /// An item whose values reach outside the scale's min–max (args `link_id`, `min`,
    /// `max`).
    ScoringItemOutOfRange => "error-scoring-item-out-of-range",
    /// The scale's `min` is not below its `max`.
    ScoringMinAboveMax => "error-scoring-min-above-max",
    /// A reverse-scored item that is not in the scale (arg `link_id`).
    ScoringReverseNotInScale => "error-scoring-reverse-not-in-scale",
    /// `max_missing` allows every item to be missing (arg `max`).
    ScoringMissingTooMany => "error-scoring-missing-too-many",
    /// A subscale item that is not in its scale (arg `link_id`).
    ScoringSubscaleItem => "error-scoring-subscale-item",
    /// Bands not in rising order of `from`.
    ScoringBandOrder => "error-scoring-band-order",
    /// A band starting outside the scores the scale can have (args `min`, `max`).
    ScoringBandOutOfRange => "error-scoring-band-out-of-range",

    /// An answer to a linkId the questionnaire does not have.
    AnswerUnknownItem => "error-answer-unknown-item",
    /// An answer to a group or display item.
    AnswerNotAQuestion => "error-answer-not-a-question",
    /// An answer to a question its conditions hide.
    AnswerNotEnabled => "error-answer-not-enabled",
    /// A required question shown to the respondent without an answer.
    AnswerRequired => "error-answer-required",
    /// More than one answer to a question that takes one.
    AnswerRepeats => "error-answer-repeats",
    /// An answer of the wrong kind (arg `expected`).
    AnswerType => "error-answer-type",
    /// A number below the least allowed (arg `min`).
    AnswerBelowMin => "error-answer-below-min",
    /// A number above the most allowed (arg `max`).
    AnswerAboveMax => "error-answer-above-max",
    /// A choice that is not among the options.
    AnswerUnknownOption => "error-answer-unknown-option",
    /// The same option chosen twice.
    AnswerDuplicate => "error-answer-duplicate",
    /// Text that is empty or only spaces.
    AnswerEmpty => "error-answer-empty",
    /// Text longer than allowed (arg `max`).
    AnswerTooLong => "error-answer-too-long",
    /// Text with control characters, or a line break in a one-line answer.
    AnswerInvalidCharacters => "error-answer-invalid-characters",
}

impl Serialize for ProblemCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One finding. `path` points into the input: a JSON path such as
/// `item[2].item[0].answerOption[1]` for a questionnaire, `scales[0].items[3]` for scoring
/// rules, the linkId for answers, and the empty string for the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub code: ProblemCode,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(path: impl Into<String>, code: ProblemCode) -> Self {
        Self { path: path.into(), code, args: Vec::new() }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The problem as a form error, with the path as the field.
    pub fn to_field_error(&self) -> FieldError {
        let mut error = FieldError::new(self.path.clone(), self.code.as_str());
        error.args = self.args.clone();
        error
    }
}

/// `parent.key`, or `key` at the top.
pub(crate) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent.key[index]`.
pub(crate) fn index(parent: &str, key: &str, index: usize) -> String {
    format!("{}[{index}]", join(parent, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_follow_the_error_key_pattern() {
        let mut seen = HashSet::new();
        for code in ProblemCode::ALL {
            let key = code.as_str();
            assert!(seen.insert(key), "{key} twice");
            assert!(key.starts_with("error-"), "{key}");
            assert!(key.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{key}");
            assert!(crate::messages::is_template_name(key), "{key}");
        }
    }

    #[test]
    fn paths_join_like_json_paths() {
        assert_eq!(join("", "url"), "url");
        assert_eq!(index("", "item", 2), "item[2]");
        assert_eq!(index(&index("", "item", 2), "answerOption", 1), "item[2].answerOption[1]");
    }

    #[test]
    fn a_problem_becomes_a_field_error_with_its_args() {
        let problem = Problem::new("item[0]", ProblemCode::AnswerTooLong).with_arg("max", 5);
        let error = problem.to_field_error();
        assert_eq!(error.field, "item[0]");
        assert_eq!(error.code, "error-answer-too-long");
        assert_eq!(error.args, vec![("max", "5".to_string())]);
        assert_eq!(problem.arg("max"), Some("5"));
    }
}
