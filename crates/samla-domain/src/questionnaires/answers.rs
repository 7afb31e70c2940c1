//! A respondent's answers to one questionnaire, as a map from linkId to values, and the
//! check that they fit the definition before anything is stored.

mod enable;
mod readable;

pub use enable::{drop_disabled, enabled_items};
pub use readable::{readable, ReadableAnswer, Shown};

use super::definition::{Item, ItemKind, Questionnaire};
use super::problem::{Problem, ProblemCode};
use crate::validation::Lines;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Most characters in a one-line (`string`) answer when the item sets no `maxLength`.
pub const LINE_DEFAULT_MAX_CHARS: usize = 500;
/// Most characters in a free-text (`text`) answer when the item sets no `maxLength`.
pub const TEXT_DEFAULT_MAX_CHARS: usize = 5_000;
/// Most characters in any text answer, whatever `maxLength` says: a definition cannot make
/// samla store a book per answer.
pub const TEXT_HARD_MAX_CHARS: usize = 20_000;

/// One value given to one question. Both `string` and `text` items take [`AnswerValue::String`];
/// a choice takes the code of the chosen option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Boolean(bool),
    Integer(i64),
    Decimal(f64),
    String(String),
    Date(NaiveDate),
    Choice(String),
}

/// linkId → the values given; an absent key and an empty list both mean "not answered".
pub type Answers = BTreeMap<String, Vec<AnswerValue>>;

/// Every problem with the answers, in the questionnaire's order, then answers to linkIds
/// the questionnaire does not have. A problem's path is the item's linkId.
///
/// Conditions decide what is asked: a required item counts only where its enableWhen
/// conditions (and its groups') show it, and an answer to a hidden item is a problem, since
/// the respondent was not asked it. [`drop_disabled`] removes such answers first where a
/// form may send them (a page without JavaScript shows every field).
pub fn validate_answers(definition: &Questionnaire, answers: &Answers) -> Result<(), Vec<Problem>> {
    let enabled = enabled_items(definition, answers);
    let mut problems = Vec::new();
    let mut known = HashSet::new();
    for item in definition.items_in_order() {
        known.insert(item.link_id.as_str());
        let values = answers.get(&item.link_id).map(Vec::as_slice).unwrap_or_default();
        let push = |problems: &mut Vec<Problem>, code| add(problems, Problem::new(&item.link_id, code));
        if !item.kind.is_question() {
            if !values.is_empty() {
                push(&mut problems, ProblemCode::AnswerNotAQuestion);
            }
            continue;
        }
        if !enabled.contains(item.link_id.as_str()) {
            if !values.is_empty() {
                push(&mut problems, ProblemCode::AnswerNotEnabled);
            }
            continue;
        }
        if values.is_empty() && item.required {
            push(&mut problems, ProblemCode::AnswerRequired);
        }
        if values.len() > 1 && !item.repeats {
            push(&mut problems, ProblemCode::AnswerRepeats);
        }
        let mut chosen = HashSet::new();
        for value in values {
            if let AnswerValue::Choice(code) = value {
                if !chosen.insert(code) {
                    push(&mut problems, ProblemCode::AnswerDuplicate);
                }
            }
            if let Err(problem) = check_value(item, value) {
                add(&mut problems, problem);
            }
        }
    }
    for link_id in answers.keys().filter(|id| !known.contains(id.as_str())) {
        problems.push(Problem::new(link_id, ProblemCode::AnswerUnknownItem));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Each problem once, however many of an item's values have it.
fn add(problems: &mut Vec<Problem>, problem: Problem) {
    if !problems.contains(&problem) {
        problems.push(problem);
    }
}

fn check_value(item: &Item, value: &AnswerValue) -> Result<(), Problem> {
    let problem = |code| Problem::new(&item.link_id, code);
    let wrong_type = || problem(ProblemCode::AnswerType).with_arg("expected", item.kind.type_code());
    match (&item.kind, value) {
        (ItemKind::Boolean, AnswerValue::Boolean(_)) | (ItemKind::Date, AnswerValue::Date(_)) => Ok(()),
        (ItemKind::Choice(_), AnswerValue::Choice(code)) => match item.option(code) {
            Some(_) => Ok(()),
            None => Err(problem(ProblemCode::AnswerUnknownOption)),
        },
        (ItemKind::Integer { min, max }, AnswerValue::Integer(v)) => {
            // FHIR integers are 32-bit: the limits apply even where the item sets none.
            let min = min.unwrap_or(i32::MIN.into());
            let max = max.unwrap_or(i32::MAX.into());
            in_range(item, (*v < min).then_some(min as f64), (*v > max).then_some(max as f64))
        }
        (ItemKind::Decimal { min, max }, AnswerValue::Decimal(v)) if v.is_finite() => {
            in_range(item, min.filter(|m| v < m), max.filter(|m| v > m))
        }
        (ItemKind::String { max_length }, AnswerValue::String(text)) => {
            check_text(item, text, max_length.map(|m| m as usize).unwrap_or(LINE_DEFAULT_MAX_CHARS), true)
        }
        (ItemKind::Text { max_length }, AnswerValue::String(text)) => {
            check_text(item, text, max_length.map(|m| m as usize).unwrap_or(TEXT_DEFAULT_MAX_CHARS), false)
        }
        _ => Err(wrong_type()),
    }
}

fn in_range(item: &Item, below: Option<f64>, above: Option<f64>) -> Result<(), Problem> {
    if let Some(min) = below {
        return Err(Problem::new(&item.link_id, ProblemCode::AnswerBelowMin).with_arg("min", min));
    }
    if let Some(max) = above {
        return Err(Problem::new(&item.link_id, ProblemCode::AnswerAboveMax).with_arg("max", max));
    }
    Ok(())
}

/// A text answer under the text rule ([`crate::validation::text`]): one line for a
/// `string` item, several for a `text` item; empty after the rule is no answer.
fn check_text(item: &Item, text: &str, max: usize, one_line: bool) -> Result<(), Problem> {
    let max = max.min(TEXT_HARD_MAX_CHARS);
    let lines = if one_line { Lines::One } else { Lines::Several };
    match crate::validation::text(&item.link_id, text, lines, max) {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(Problem::new(&item.link_id, ProblemCode::AnswerEmpty)),
        Err(error) if error.code == "error-too-long" => {
            Err(Problem::new(&item.link_id, ProblemCode::AnswerTooLong).with_arg("max", max))
        }
        Err(_) => Err(Problem::new(&item.link_id, ProblemCode::AnswerInvalidCharacters)),
    }
}

/// The answers as they are stored: every text answer through the text rule (line breaks
/// as LF, white space at the ends removed). Apply it to answers [`validate_answers`]
/// accepted; other values are kept as they are.
pub fn normalise_texts(answers: &Answers) -> Answers {
    answers
        .iter()
        .map(|(link_id, values)| {
            let values = values
                .iter()
                .map(|value| match value {
                    AnswerValue::String(text) => AnswerValue::String(crate::validation::normalise(text)),
                    other => other.clone(),
                })
                .collect();
            (link_id.clone(), values)
        })
        .collect()
}

#[cfg(test)]
mod tests;
