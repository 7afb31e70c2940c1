//! Evaluation answers pooled across a programme network's courses of one year: every
//! round of the same questionnaire version (the same content, whichever organisation's
//! copy), audience and time in the course is counted together, so that the seeds' small
//! groups count.
//!
//! Each question's answers are a small table of persons (one count per option under the
//! question's total) under the same rules as the national tables: a count of 1–4 is
//! hidden, so is a count whose complement in the total is 1–4, and enough others that no
//! hidden count can be worked out. The share answering positively and the mean are shown
//! only where no option is hidden (either would tell a hidden count), and only from five
//! answers. Free text is never pooled: it may name someone. Questions that take several
//! answers are left out, since their counts do not add up to their total.
//!
//! Only the network's line is published, per year. A correction whose responses differ
//! from the earlier release's by one to four keeps the measure as first published.

use super::disclosure::{suppress, Cube, Given, Hierarchy, Publication, Shown, MIN_PERSONS};
use super::evaluation::{summarise, ItemSummary};
use crate::questionnaires::answers::Answers;
use crate::questionnaires::definition::Questionnaire;
use crate::questionnaires::rounds::{Audience, Timing};
use crate::questionnaires::scoring::Labels;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every response to one questionnaire version, audience and time across the year's courses.
#[derive(Debug, Clone)]
pub struct EvaluationFacts {
    /// The version's content hash: the same in every organisation that has the version.
    pub version: String,
    pub audience: Audience,
    pub timing: Timing,
    /// The version's definition by language (never empty).
    pub definitions: BTreeMap<String, Questionnaire>,
    pub answers: Vec<Answers>,
    /// The courses the responses came from.
    pub courses: usize,
}

/// One measure as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledEvaluation {
    pub version: String,
    pub title: Labels,
    pub audience: Audience,
    pub timing: Timing,
    pub courses: u64,
    /// `None` under five.
    pub responses: Option<u64>,
    pub items: Vec<PooledItem>,
    /// The measure stands as the year's earlier release published it.
    #[serde(default)]
    pub kept: bool,
}

/// One question's pooled answers; every figure `None` where hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledItem {
    pub link_id: String,
    pub text: Labels,
    /// Those who answered the question.
    pub answered: Option<u64>,
    pub options: Vec<PooledOption>,
    /// The share choosing a positive answer (the top steps of a scale, yes, true).
    pub share_positive: Option<f64>,
    /// The mean of an ordinal or numeric answer.
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledOption {
    pub code: String,
    pub display: Labels,
    pub count: Option<u64>,
}

/// Pools each measure; a measure whose responses differ from `earlier`'s by one to four
/// (or that changed without changing its count) stays as `earlier` published it.
pub fn pool_evaluations(measures: &[EvaluationFacts], earlier: &[PooledEvaluation]) -> Vec<PooledEvaluation> {
    measures
        .iter()
        .filter_map(|measure| {
            let pooled = pool_one(measure)?;
            let before = earlier
                .iter()
                .find(|e| (&e.version, e.audience, e.timing) == (&pooled.version, pooled.audience, pooled.timing));
            Some(match before {
                Some(before) if before.responses.is_some() && close(&pooled, before) && *before != pooled => {
                    PooledEvaluation { kept: true, ..before.clone() }
                }
                _ => pooled,
            })
        })
        .collect()
}

/// Whether two publications of a measure are close enough to subtract.
fn close(now: &PooledEvaluation, then: &PooledEvaluation) -> bool {
    now.responses.unwrap_or(0).abs_diff(then.responses.unwrap_or(0)) < MIN_PERSONS
}

fn pool_one(measure: &EvaluationFacts) -> Option<PooledEvaluation> {
    let definition = measure.definitions.get("nb").or_else(|| measure.definitions.values().next())?;
    let labels = |text: &dyn Fn(&Questionnaire) -> Option<String>| -> Labels {
        measure.definitions.iter().filter_map(|(lang, d)| Some((lang.clone(), text(d)?))).collect()
    };
    let title = labels(&|d| Some(d.title.clone()));
    let responses = measure.answers.len() as u64;
    let shown = responses >= MIN_PERSONS;
    // Summarised as released so every item is counted; what is shown is decided below.
    let summary = summarise(definition, None, "nb", true, &measure.answers, &[]);
    let items = if shown {
        summary
            .items
            .iter()
            .filter(|item| counts_add_up(definition, item))
            .map(|item| {
                let text =
                    labels(&|d| d.items_in_order().into_iter().find(|i| i.link_id == item.link_id)?.text.clone());
                let option_label = |code: &str| {
                    labels(&|d| {
                        let found = d.items_in_order().into_iter().find(|i| i.link_id == item.link_id)?;
                        found.option(code).map(|o| o.display.clone())
                    })
                };
                protect_item(item, text, option_label)
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(PooledEvaluation {
        version: measure.version.clone(),
        title,
        audience: measure.audience,
        timing: measure.timing,
        courses: measure.courses as u64,
        responses: shown.then_some(responses),
        items,
        kept: false,
    })
}

/// Single-answer choices and booleans (one option per answer), and numbers; never free text.
fn counts_add_up(definition: &Questionnaire, item: &ItemSummary) -> bool {
    let repeats = definition.items_in_order().into_iter().any(|i| i.link_id == item.link_id && i.repeats);
    let numeric = item.options.is_empty() && item.descriptives.is_some();
    let counted: usize = item.options.iter().map(|o| o.count).sum();
    !repeats && (numeric || (!item.options.is_empty() && counted == item.n))
}

fn protect_item(item: &ItemSummary, text: Labels, option_label: impl Fn(&str) -> Labels) -> PooledItem {
    let n = item.n as u64;
    let counts: Vec<u64> = item.options.iter().map(|o| o.count as u64).collect();
    // Node 0 is the question's total, node i its option i − 1; a number has no options.
    let shown: Vec<bool> = if counts.is_empty() {
        vec![true]
    } else {
        let cube = Cube::from_leaves(vec![Hierarchy::flat(counts.len())], |nodes| counts[nodes[0] - 1]);
        match suppress(&cube, &Given::default()) {
            Publication::Withheld => vec![false; cube.len()],
            Publication::Cells { shown, .. } => shown.iter().map(|s| *s == Shown::Published).collect(),
        }
    };
    let answered = (n >= MIN_PERSONS && shown[0]).then_some(n);
    let every_option_shown = shown.iter().all(|s| *s);
    let whole = answered.is_some() && every_option_shown;
    PooledItem {
        link_id: item.link_id.clone(),
        text,
        answered,
        options: item
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| PooledOption {
                code: o.code.clone(),
                display: option_label(&o.code),
                count: shown[i + 1].then_some(o.count as u64).filter(|_| answered.is_some()),
            })
            .collect(),
        share_positive: item.share_positive.as_ref().map(|s| s.proportion).filter(|_| whole),
        mean: item.descriptives.as_ref().and_then(|d| d.mean).filter(|_| whole),
    }
}

#[cfg(test)]
mod tests;
