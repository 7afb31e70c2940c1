//! Which items a respondent is shown, given the answers so far (FHIR R4's enableWhen).

use super::{AnswerValue, Answers};
use crate::questionnaires::definition::{
    EnableAnswer, EnableBehavior, EnableWhen, Item, ItemKind, Operator, Questionnaire,
};
use std::cmp::Ordering;
use std::collections::HashSet;

/// The linkIds of the items shown. An item is shown when its group is shown and its
/// conditions hold; a condition on a hidden question sees no answer, so hiding one question
/// hides what depends on it.
///
/// As FHIR R4 defines the operators, a condition other than `exists` holds when at least one
/// of the question's values meets it, and never for an unanswered question.
pub fn enabled_items<'q>(definition: &'q Questionnaire, answers: &Answers) -> HashSet<&'q str> {
    let mut enabled = HashSet::new();
    walk(&definition.items, true, answers, &mut enabled);
    enabled
}

/// The answers without those to items the conditions hide.
pub fn drop_disabled(definition: &Questionnaire, answers: &Answers) -> Answers {
    let enabled = enabled_items(definition, answers);
    let hidden: HashSet<&str> = definition
        .items_in_order()
        .into_iter()
        .map(|i| i.link_id.as_str())
        .filter(|id| !enabled.contains(id))
        .collect();
    answers.iter().filter(|(id, _)| !hidden.contains(id.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn walk<'q>(items: &'q [Item], parent_shown: bool, answers: &Answers, enabled: &mut HashSet<&'q str>) {
    for item in items {
        // Conditions refer to earlier items only (the import checks it), so their state is final.
        let shown = parent_shown && conditions_hold(item, answers, enabled);
        if shown {
            enabled.insert(&item.link_id);
        }
        if let ItemKind::Group(children) = &item.kind {
            walk(children, shown, answers, enabled);
        }
    }
}

fn conditions_hold(item: &Item, answers: &Answers, enabled: &HashSet<&str>) -> bool {
    let mut results = item.enable_when.iter().map(|condition| {
        let values = match enabled.contains(condition.question.as_str()) {
            true => answers.get(&condition.question).map(Vec::as_slice).unwrap_or_default(),
            false => &[],
        };
        holds(condition, values)
    });
    match item.enable_behavior {
        Some(EnableBehavior::Any) => item.enable_when.is_empty() || results.any(|r| r),
        Some(EnableBehavior::All) | None => results.all(|r| r),
    }
}

fn holds(condition: &EnableWhen, values: &[AnswerValue]) -> bool {
    if condition.operator == Operator::Exists {
        return matches!(condition.answer, EnableAnswer::Boolean(b) if b != values.is_empty());
    }
    values.iter().any(|value| compare(value, condition.operator, &condition.answer))
}

fn compare(value: &AnswerValue, operator: Operator, answer: &EnableAnswer) -> bool {
    let order = match (value, answer) {
        (AnswerValue::Integer(a), EnableAnswer::Integer(b)) => a.partial_cmp(b),
        (AnswerValue::Decimal(a), EnableAnswer::Decimal(b)) => a.partial_cmp(b),
        (AnswerValue::Date(a), EnableAnswer::Date(b)) => a.partial_cmp(b),
        (AnswerValue::Boolean(a), EnableAnswer::Boolean(b)) => return equality(operator, a == b),
        (AnswerValue::String(a), EnableAnswer::String(b)) => return equality(operator, a == b),
        (AnswerValue::Choice(a), EnableAnswer::Coding(b)) => return equality(operator, *a == b.code),
        _ => return false,
    };
    let Some(order) = order else { return false };
    match operator {
        Operator::Equal => order == Ordering::Equal,
        Operator::NotEqual => order != Ordering::Equal,
        Operator::Greater => order == Ordering::Greater,
        Operator::Less => order == Ordering::Less,
        Operator::GreaterOrEqual => order != Ordering::Less,
        Operator::LessOrEqual => order != Ordering::Greater,
        Operator::Exists => false,
    }
}

/// `=` and `!=` on values without an order; the import refuses the other operators there.
fn equality(operator: Operator, equal: bool) -> bool {
    match operator {
        Operator::Equal => equal,
        Operator::NotEqual => !equal,
        _ => false,
    }
}
