use super::{Band, Method, Scale, ScoringRules};
use crate::questionnaires::answers::{AnswerValue, Answers};
use crate::questionnaires::definition::{Item, ItemKind, Questionnaire};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Scores of one response: each scale followed by its subscales, in the rules' order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub scales: Vec<ScaleScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleScore {
    pub id: String,
    /// The scale a subscale belongs to; `None` for a scale.
    pub parent: Option<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Scored {
        value: f64,
        answered: usize,
        /// Items without a usable answer; above 0 the value is prorated.
        missing: usize,
        /// The code of the band the value falls in.
        band: Option<String>,
    },
    /// More items missing than the scale's `max_missing`: no score.
    TooManyMissing { answered: usize, missing: usize },
}

impl Outcome {
    pub fn value(&self) -> Option<f64> {
        match self {
            Outcome::Scored { value, .. } => Some(*value),
            Outcome::TooManyMissing { .. } => None,
        }
    }
}

impl Scores {
    pub fn get(&self, id: &str) -> Option<&Outcome> {
        self.scales.iter().find(|s| s.id == id).map(|s| &s.outcome)
    }
}

/// The scores of one set of answers. The rules are expected to have passed
/// [`super::validate_rules`] for this definition and the answers
/// [`crate::questionnaires::answers::validate_answers`]; an answer that still cannot count
/// (a second value, an unknown option, a number outside the scale's min–max) counts as
/// missing rather than skewing the score.
pub fn score(rules: &ScoringRules, definition: &Questionnaire, answers: &Answers) -> Scores {
    let mut scales = Vec::new();
    for scale in &rules.scales {
        let values: HashMap<&str, f64> = scale
            .items
            .iter()
            .filter_map(|link_id| Some((link_id.as_str(), counted(scale, definition.item(link_id)?, answers)?)))
            .collect();
        let whole = outcome(&scale.items, &values, scale.method, scale.max_missing, &scale.bands);
        scales.push(ScaleScore { id: scale.id.clone(), parent: None, outcome: whole });
        for subscale in &scale.subscales {
            let outcome = outcome(&subscale.items, &values, subscale.method, subscale.max_missing, &subscale.bands);
            scales.push(ScaleScore { id: subscale.id.clone(), parent: Some(scale.id.clone()), outcome });
        }
    }
    Scores { scales }
}

/// The value an item counts with in a scale, reversed where the scale says so.
fn counted(scale: &Scale, item: &Item, answers: &Answers) -> Option<f64> {
    let [value] = answers.get(&item.link_id)?.as_slice() else { return None };
    let number = match (&item.kind, value) {
        (ItemKind::Choice(_), AnswerValue::Choice(code)) => item.option(code)?.ordinal?,
        (ItemKind::Integer { .. }, AnswerValue::Integer(v)) => *v as f64,
        (ItemKind::Decimal { .. }, AnswerValue::Decimal(v)) => *v,
        _ => return None,
    };
    if !(scale.min..=scale.max).contains(&number) {
        return None;
    }
    Some(if scale.reverse.contains(&item.link_id) { scale.min + scale.max - number } else { number })
}

fn outcome(
    items: &[String],
    values: &HashMap<&str, f64>,
    method: Method,
    max_missing: usize,
    bands: &[Band],
) -> Outcome {
    let counted: Vec<f64> = items.iter().filter_map(|id| values.get(id.as_str()).copied()).collect();
    let answered = counted.len();
    let missing = items.len() - answered;
    if answered == 0 || missing > max_missing {
        return Outcome::TooManyMissing { answered, missing };
    }
    let sum: f64 = counted.iter().sum();
    let value = match method {
        Method::Sum => sum * items.len() as f64 / answered as f64,
        Method::Mean => sum / answered as f64,
    };
    Outcome::Scored { value, answered, missing, band: band(bands, value) }
}

/// The last band the value reaches. The tolerance keeps a prorated or averaged value that
/// lands on a cut-off (7 × 2 / 3 × 3) from falling below it by a rounding error.
fn band(bands: &[Band], value: f64) -> Option<String> {
    bands.iter().rev().find(|b| value + 1e-9 >= b.from).map(|b| b.code.clone())
}
