//! The statistics of evaluation and outcome reports, as plain functions of the scores.
//!
//! Every figure is meant to agree with what an evaluator would get from numpy and scipy, so
//! a report made by samla can be checked by anyone with the data: descriptives as numpy
//! computes them (standard deviation with ddof = 1), the paired t-test as
//! `scipy.stats.ttest_rel`, the signed-rank test as `scipy.stats.wilcoxon` with its defaults.
//! `tests/python/statistics_reference.py` makes seeded datasets with scipy's figures and
//! `tests/statistics_reference.rs` holds every figure here to them within 1e-9.
//!
//! Where a figure is undefined (too few pairs, no variance, nothing changed) it is withheld
//! with a [`NotComputed`] reason: a report says why there is no p-value instead of printing
//! NaN, infinity, or a huge t made of rounding noise. Scores must be finite and within
//! ±[`MAX_MAGNITUDE`]; anything else is an [`InvalidScore`] naming the value, so no sum can
//! overflow and no NaN can enter.

mod descriptives;
mod paired;
mod wilcoxon;

pub use descriptives::{count_options, describe, Descriptives, OptionCount, Share, UnknownAnswer, ValueCount};
pub use paired::{
    paired_change, ConfidenceInterval, Pair, PairedChange, TTest, CONFIDENCE_LEVEL, NO_VARIANCE_RELATIVE,
};
pub use wilcoxon::{Wilcoxon, WilcoxonMethod, EXACT_MAX_PAIRS, EXACT_WITH_TIES_MAX_PAIRS};

use serde::Serialize;
use std::fmt;

/// Largest score magnitude accepted. Questionnaire scores are small numbers (item values,
/// sums, means); the bound keeps sums of squares far from overflow.
pub const MAX_MAGNITUDE: f64 = 1e9;

/// Why a figure is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum NotComputed {
    /// Fewer than two pairs with both scores: there is no spread to test against.
    #[error("fewer than two pairs have both scores")]
    TooFewPairs,
    /// Every pair has the same score before and after.
    #[error("no score changed")]
    AllDifferencesZero,
    /// The changes are all the same (up to rounding noise of the scores), so the standard
    /// deviation is zero and t, d_z and the interval would be infinite or meaningless.
    #[error("every score changed by the same amount")]
    NoVariance,
}

impl NotComputed {
    /// A stable code for translations and API responses.
    pub fn code(&self) -> &'static str {
        match self {
            NotComputed::TooFewPairs => "statistics-too-few-pairs",
            NotComputed::AllDifferencesZero => "statistics-all-differences-zero",
            NotComputed::NoVariance => "statistics-no-variance",
        }
    }
}

/// Which score of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Before,
    After,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Before => "before",
            Side::After => "after",
        })
    }
}

/// A score that is not a finite number within ±[`MAX_MAGNITUDE`], by its position in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum InvalidScore {
    #[error("value {index} is not a finite number within ±{MAX_MAGNITUDE}")]
    Value { index: usize },
    #[error("the {side} score of pair {index} is not a finite number within ±{MAX_MAGNITUDE}")]
    Pair { index: usize, side: Side },
}

impl InvalidScore {
    /// A stable code for translations and API responses.
    pub fn code(&self) -> &'static str {
        "statistics-invalid-score"
    }
}

fn is_score(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_MAGNITUDE
}

/// The arithmetic mean of a non-empty slice.
fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The sample standard deviation (ddof = 1) of at least two values, from their mean. Two
/// passes, as numpy does, rather than a running sum of squares that cancels badly.
fn sample_sd(values: &[f64], mean: f64) -> f64 {
    let squares: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (squares / (values.len() - 1) as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_finite_and_bounded() {
        assert!(is_score(0.0) && is_score(-4.5) && is_score(MAX_MAGNITUDE) && is_score(-MAX_MAGNITUDE));
        assert!(!is_score(f64::NAN) && !is_score(f64::INFINITY) && !is_score(f64::NEG_INFINITY));
        assert!(!is_score(MAX_MAGNITUDE * 1.5));
    }

    #[test]
    fn mean_and_sample_sd_follow_the_textbook() {
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let m = mean(&values);
        assert_eq!(m, 5.0);
        // Sum of squared deviations 32 over n - 1 = 7.
        assert!((sample_sd(&values, m) - (32.0f64 / 7.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn problems_name_where_they_are() {
        let problem = InvalidScore::Pair { index: 3, side: Side::After };
        assert_eq!(problem.to_string(), "the after score of pair 3 is not a finite number within ±1000000000");
        assert_eq!(
            serde_json::to_value(problem).unwrap(),
            serde_json::json!({"problem": "pair", "index": 3, "side": "after"})
        );
        assert_eq!(serde_json::to_value(NotComputed::NoVariance).unwrap(), serde_json::json!("no_variance"));
        assert_eq!(NotComputed::AllDifferencesZero.code(), "statistics-all-differences-zero");
    }
}
