//! Outcome change pooled across a programme network's courses of one year, so that the
//! seeds' small groups count: each measure (a questionnaire, answered by one audience,
//! before the course and at its end or follow-up) pairs each participant's scores within
//! their own course, and the pairs of every course are pooled.
//!
//! Only the network's own line is published, per year: a breakdown by region or
//! organisation beside it would let one subtract a small group's change. A scale's
//! figures (pairs, mean change, its 95 % confidence interval, d_z) are shown from five
//! pairs. A correction of the year keeps a scale as the earlier release published it
//! when the pairs changed by one to four, since the two means would tell those few
//! persons' change.

use super::disclosure::MIN_PERSONS;
use super::evaluation::{outcome_change, ScaleChange};
use crate::questionnaires::rounds::{Audience, Timing};
use crate::questionnaires::scoring::{Labels, Scores, ScoringRules};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One measure's scores across the year's courses: by subject (a place on a course, so
/// the same person on two courses is two subjects), before and after.
#[derive(Debug, Clone)]
pub struct MeasureFacts {
    /// The questionnaire's canonical URL: each organisation keeps its own copy of a
    /// shipped questionnaire, and the URL is what the copies share.
    pub questionnaire: String,
    /// The questionnaire's title by language.
    pub title: Labels,
    pub audience: Audience,
    /// `End` or `FollowUp`: what the scores before are compared with.
    pub to: Timing,
    /// The rules of the latest version used before the course; they name the scales.
    pub rules: Option<ScoringRules>,
    pub before: Vec<(i64, Scores)>,
    pub after: Vec<(i64, Scores)>,
}

/// A measure's pooled change as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledChange {
    pub questionnaire: String,
    pub title: Labels,
    pub audience: Audience,
    pub to: Timing,
    pub scales: Vec<PooledScale>,
}

/// One scale of a measure: its figures where at least five pairs are behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledScale {
    pub scale_id: String,
    pub parent: Option<String>,
    pub label: Labels,
    /// `None`: fewer than five pairs, nothing shown.
    pub figures: Option<PooledFigures>,
    /// The figures stand as the year's earlier release published them.
    #[serde(default)]
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PooledFigures {
    /// Pairs with a score before and after.
    pub n: u64,
    /// After − before.
    pub mean_change: Option<f64>,
    pub ci_lower: Option<f64>,
    pub ci_upper: Option<f64>,
    pub cohens_dz: Option<f64>,
}

impl PooledChange {
    fn same_measure(&self, other: &PooledChange) -> bool {
        (&self.questionnaire, self.audience, self.to) == (&other.questionnaire, other.audience, other.to)
    }
}

/// The label of each scale and subscale the rules name, by language.
fn scale_labels(rules: Option<&ScoringRules>) -> BTreeMap<String, Labels> {
    let mut labels = BTreeMap::new();
    for scale in rules.iter().flat_map(|r| r.scales.iter()) {
        labels.insert(scale.id.clone(), scale.label.clone());
        for sub in &scale.subscales {
            labels.insert(sub.id.clone(), sub.label.clone());
        }
    }
    labels
}

fn figures(change: &ScaleChange) -> Option<PooledFigures> {
    let f = &change.figures;
    let n = u64::try_from(f.n).ok().filter(|n| *n >= MIN_PERSONS)?;
    Some(PooledFigures {
        n,
        mean_change: f.mean_change,
        ci_lower: f.ci_lower,
        ci_upper: f.ci_upper,
        cohens_dz: f.cohens_dz,
    })
}

/// Pools each measure's pairs and publishes its scales from five pairs; a scale whose
/// pairs differ from `earlier`'s by one to four stays as `earlier` published it.
pub fn pool(measures: &[MeasureFacts], earlier: &[PooledChange]) -> Vec<PooledChange> {
    let mut pooled = Vec::new();
    for measure in measures {
        // Stored scores are in range (they were scored by samla); one that is not is
        // left out rather than failing the whole release.
        let Ok(changes) = outcome_change(measure.rules.as_ref(), "nb", &measure.before, &measure.after) else {
            continue;
        };
        let labels = scale_labels(measure.rules.as_ref());
        let mut change = PooledChange {
            questionnaire: measure.questionnaire.clone(),
            title: measure.title.clone(),
            audience: measure.audience,
            to: measure.to,
            scales: changes
                .iter()
                .map(|scale| PooledScale {
                    scale_id: scale.scale_id.clone(),
                    parent: scale.parent.clone(),
                    label: labels
                        .get(&scale.scale_id)
                        .cloned()
                        .unwrap_or_else(|| Labels::from([("nb".to_string(), scale.label.clone())])),
                    figures: figures(scale),
                    kept: false,
                })
                .collect(),
        };
        if let Some(before) = earlier.iter().find(|e| e.same_measure(&change)) {
            keep_close_figures(&mut change, before);
        }
        pooled.push(change);
    }
    pooled
}

/// Publishing both the earlier figures over n pairs and new ones over n ± 1…4 (or over n
/// pairs of which some changed) would tell those few's change: such scales keep the
/// earlier figures. A scale the earlier release hid had nothing to subtract from.
fn keep_close_figures(change: &mut PooledChange, earlier: &PooledChange) {
    for scale in &mut change.scales {
        let Some(before) = earlier.scales.iter().find(|s| s.scale_id == scale.scale_id) else { continue };
        let Some(published) = &before.figures else { continue };
        let now = scale.figures.as_ref().map_or(0, |f| f.n);
        if now.abs_diff(published.n) < MIN_PERSONS && scale.figures.as_ref() != Some(published) {
            scale.figures = Some(published.clone());
            scale.kept = true;
        }
    }
}

#[cfg(test)]
mod tests;
