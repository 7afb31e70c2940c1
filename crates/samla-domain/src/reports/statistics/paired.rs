//! The change in one scale between two measurements of the same people (before the course
//! and at its end, or at the follow-up): how large, how certain, and how it compares with
//! no change.
//!
//! The change is after − before, so positive means the score rose; whether rising is
//! better depends on the scale and is for the report to say.

use super::wilcoxon::{signed_rank, Wilcoxon};
use super::{is_score, mean, sample_sd, InvalidScore, NotComputed, Side};
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// The confidence level of [`PairedChange::confidence_interval`].
pub const CONFIDENCE_LEVEL: f64 = 0.95;

/// Changes whose standard deviation is at most this times the largest score's magnitude are
/// treated as all the same: that is rounding noise (0.1 − 0.0 and 3.3 − 3.2 differ in the last
/// bits), and a t-test on it would report t in the trillions. The reference generator uses
/// the same constant.
pub const NO_VARIANCE_RELATIVE: f64 = 1e-12;

/// One person's scores; either may be missing (did not answer, or not yet).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pair {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A two-sided confidence interval for the mean change, from the t distribution with
/// n − 1 degrees of freedom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ConfidenceInterval {
    pub level: f64,
    pub lower: f64,
    pub upper: f64,
}

/// The paired t-test of mean change against zero, as `scipy.stats.ttest_rel(after, before)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TTest {
    pub t: f64,
    pub df: usize,
    /// Two-sided p-value.
    pub p: f64,
}

/// Everything a report says about the change in one scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairedChange {
    /// Pairs with both scores; the other pairs take no part.
    pub n: usize,
    /// `None` without any complete pair.
    pub mean_change: Option<f64>,
    /// Sample standard deviation of the changes (ddof = 1); `None` with fewer than two
    /// pairs, exactly 0 when the changes are all the same.
    pub sd_change: Option<f64>,
    pub confidence_interval: Result<ConfidenceInterval, NotComputed>,
    pub t_test: Result<TTest, NotComputed>,
    /// Cohen's d_z: mean change over the standard deviation of the changes.
    pub cohens_dz: Result<f64, NotComputed>,
    /// The Wilcoxon signed-rank test; computed also when the changes are all the same.
    pub wilcoxon: Result<Wilcoxon, NotComputed>,
}

/// The change from `before` to `after` over the pairs that have both scores.
pub fn paired_change(pairs: &[Pair]) -> Result<PairedChange, InvalidScore> {
    let mut differences = Vec::with_capacity(pairs.len());
    let mut largest_score = 0.0f64;
    for (index, pair) in pairs.iter().enumerate() {
        for (score, side) in [(pair.before, Side::Before), (pair.after, Side::After)] {
            if score.is_some_and(|s| !is_score(s)) {
                return Err(InvalidScore::Pair { index, side });
            }
        }
        if let (Some(before), Some(after)) = (pair.before, pair.after) {
            differences.push(after - before);
            largest_score = largest_score.max(before.abs()).max(after.abs());
        }
    }
    Ok(change_of(&differences, largest_score))
}

fn change_of(differences: &[f64], largest_score: f64) -> PairedChange {
    let n = differences.len();
    let mean_change = (n > 0).then(|| mean(differences));
    let withheld = |reason: NotComputed| PairedChange {
        n,
        mean_change,
        sd_change: None,
        confidence_interval: Err(reason),
        t_test: Err(reason),
        cohens_dz: Err(reason),
        wilcoxon: Err(reason),
    };
    let Some(mean) = mean_change.filter(|_| n >= 2) else {
        return withheld(NotComputed::TooFewPairs);
    };
    if differences.iter().all(|d| *d == 0.0) {
        return PairedChange { sd_change: Some(0.0), ..withheld(NotComputed::AllDifferencesZero) };
    }
    let wilcoxon = signed_rank(differences);
    let sd = sample_sd(differences, mean);
    if sd <= NO_VARIANCE_RELATIVE * largest_score {
        return PairedChange { sd_change: Some(0.0), wilcoxon, ..withheld(NotComputed::NoVariance) };
    }
    let (confidence_interval, t_test) = match t_inference(n, mean, sd) {
        Ok((interval, test)) => (Ok(interval), Ok(test)),
        Err(reason) => (Err(reason), Err(reason)),
    };
    PairedChange {
        n,
        mean_change,
        sd_change: Some(sd),
        confidence_interval,
        t_test,
        cohens_dz: Ok(mean / sd),
        wilcoxon,
    }
}

/// The interval and the t-test for n ≥ 2 changes with a positive standard deviation.
fn t_inference(n: usize, mean: f64, sd: f64) -> Result<(ConfidenceInterval, TTest), NotComputed> {
    let df = n - 1;
    // statrs refuses only degrees of freedom that are not positive, i.e. fewer than two pairs.
    let t_distribution = StudentsT::new(0.0, 1.0, df as f64).map_err(|_| NotComputed::TooFewPairs)?;
    let standard_error = sd / (n as f64).sqrt();
    let half_width = t_distribution.inverse_cdf(0.5 + CONFIDENCE_LEVEL / 2.0) * standard_error;
    let t = mean / standard_error;
    let interval = ConfidenceInterval { level: CONFIDENCE_LEVEL, lower: mean - half_width, upper: mean + half_width };
    Ok((interval, TTest { t, df, p: 2.0 * t_distribution.sf(t.abs()) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::statistics::WilcoxonMethod;
    use proptest::prelude::*;

    fn pairs(before: &[f64], after: &[f64]) -> Vec<Pair> {
        before.iter().zip(after).map(|(b, a)| Pair { before: Some(*b), after: Some(*a) }).collect()
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= 1e-12 * expected.abs().max(1.0)
    }

    #[test]
    fn a_small_improvement_matches_scipy() {
        // scipy.stats.ttest_rel([3, 4, 5, 4, 5], [2, 4, 3, 3, 4]): t = 3.162277660168379,
        // p = 0.03410942316740963, confidence_interval() = (0.1220109669149172, 1.8779890330850828);
        // scipy.stats.wilcoxon of the same: statistic 0.0, p 0.125.
        let change = paired_change(&pairs(&[2.0, 4.0, 3.0, 3.0, 4.0], &[3.0, 4.0, 5.0, 4.0, 5.0])).unwrap();
        assert_eq!(change.n, 5);
        assert_eq!(change.mean_change, Some(1.0));
        // Changes 1, 0, 2, 1, 1: squared deviations add up to 2, over n − 1 = 4.
        assert!(close(change.sd_change.unwrap(), 0.5f64.sqrt()));
        let test = change.t_test.unwrap();
        assert!(close(test.t, 3.162277660168379) && test.df == 4 && close(test.p, 0.03410942316740963));
        let interval = change.confidence_interval.unwrap();
        assert_eq!(interval.level, 0.95);
        assert!(close(interval.lower, 0.1220109669149172) && close(interval.upper, 1.8779890330850828));
        assert!(close(change.cohens_dz.unwrap(), 2f64.sqrt()));
        // A zero among five pairs → the exact distribution given the ties.
        let wilcoxon = change.wilcoxon.unwrap();
        assert_eq!((wilcoxon.statistic, wilcoxon.p, wilcoxon.method), (0.0, 0.125, WilcoxonMethod::ExactWithTies));
    }

    #[test]
    fn only_complete_pairs_count() {
        let input = [
            Pair { before: Some(2.0), after: Some(4.0) },
            Pair { before: None, after: Some(1.0) },
            Pair { before: Some(3.0), after: None },
            Pair { before: Some(1.0), after: Some(4.0) },
            Pair { before: None, after: None },
        ];
        let change = paired_change(&input).unwrap();
        assert_eq!((change.n, change.mean_change), (2, Some(2.5)));
    }

    #[test]
    fn fewer_than_two_pairs_withhold_everything_but_the_mean() {
        let none = paired_change(&[Pair { before: Some(1.0), after: None }]).unwrap();
        assert_eq!((none.n, none.mean_change, none.sd_change), (0, None, None));
        assert_eq!(none.t_test, Err(NotComputed::TooFewPairs));

        let one = paired_change(&pairs(&[2.0], &[5.0])).unwrap();
        assert_eq!((one.n, one.mean_change, one.sd_change), (1, Some(3.0), None));
        assert_eq!(one.confidence_interval, Err(NotComputed::TooFewPairs));
        assert_eq!(one.cohens_dz, Err(NotComputed::TooFewPairs));
        assert_eq!(one.wilcoxon, Err(NotComputed::TooFewPairs));
    }

    #[test]
    fn no_change_at_all_is_withheld_as_such() {
        let change = paired_change(&pairs(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0])).unwrap();
        assert_eq!((change.mean_change, change.sd_change), (Some(0.0), Some(0.0)));
        assert_eq!(change.t_test, Err(NotComputed::AllDifferencesZero));
        assert_eq!(change.wilcoxon, Err(NotComputed::AllDifferencesZero));
    }

    #[test]
    fn the_same_change_for_everyone_has_no_variance_but_a_signed_rank_test() {
        let change = paired_change(&pairs(&[1.0, 2.0, 3.0, 2.0, 1.0, 3.0], &[2.0, 3.0, 4.0, 3.0, 2.0, 4.0])).unwrap();
        assert_eq!((change.mean_change, change.sd_change), (Some(1.0), Some(0.0)));
        assert_eq!(change.confidence_interval, Err(NotComputed::NoVariance));
        assert_eq!(change.t_test, Err(NotComputed::NoVariance));
        assert_eq!(change.cohens_dz, Err(NotComputed::NoVariance));
        assert_eq!(change.wilcoxon.unwrap().p, 0.03125);
    }

    #[test]
    fn rounding_noise_is_not_variance() {
        // 1.1 − 1.0, 2.2 − 2.1 and 3.3 − 3.2 are 0.1 on paper but three different floats;
        // scipy's t-test reports t ≈ 6.75e14 for them.
        let change = paired_change(&pairs(&[1.0, 2.1, 3.2], &[1.1, 2.2, 3.3])).unwrap();
        assert_eq!(change.t_test, Err(NotComputed::NoVariance));
        assert_eq!(change.sd_change, Some(0.0));
    }

    #[test]
    fn an_invalid_score_is_named_by_pair_and_side() {
        let mut input = pairs(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]);
        input[1].after = Some(f64::NAN);
        assert_eq!(paired_change(&input), Err(InvalidScore::Pair { index: 1, side: Side::After }));
        input[0].before = Some(-f64::INFINITY);
        assert_eq!(paired_change(&input), Err(InvalidScore::Pair { index: 0, side: Side::Before }));
        // Even in a pair that would be left out for lack of the other score.
        let lone = [Pair { before: Some(1e10), after: None }];
        assert_eq!(paired_change(&lone), Err(InvalidScore::Pair { index: 0, side: Side::Before }));
    }

    fn finite(value: f64) -> bool {
        value.is_finite()
    }

    proptest! {
        #[test]
        fn every_figure_is_finite_or_withheld(
            raw in prop::collection::vec((prop::option::of(0u8..=40), prop::option::of(0u8..=40)), 0..70),
            scale in prop::sample::select(vec![1.0, 0.25, 1.0 / 7.0, 0.1]),
        ) {
            let input: Vec<Pair> = raw
                .iter()
                .map(|(b, a)| Pair { before: b.map(|v| f64::from(v) * scale), after: a.map(|v| f64::from(v) * scale) })
                .collect();
            let change = paired_change(&input).unwrap();
            prop_assert!(change.mean_change.is_none_or(finite) && change.sd_change.is_none_or(finite));
            if let Ok(interval) = change.confidence_interval {
                let mean = change.mean_change.unwrap();
                prop_assert!(finite(interval.lower) && finite(interval.upper));
                prop_assert!(interval.lower < mean && mean < interval.upper);
            }
            if let Ok(test) = change.t_test {
                prop_assert!(finite(test.t) && (0.0..=1.0).contains(&test.p));
            }
            if let Ok(dz) = change.cohens_dz {
                prop_assert!(finite(dz));
            }
            if let Ok(w) = change.wilcoxon {
                prop_assert!((0.0..=1.0).contains(&w.p) && w.statistic == w.r_plus.min(w.r_minus));
                let nonzero = input
                    .iter()
                    .filter(|p| matches!((p.before, p.after), (Some(b), Some(a)) if a != b))
                    .count() as f64;
                prop_assert_eq!(w.r_plus + w.r_minus, nonzero * (nonzero + 1.0) / 2.0);
            }
        }

        #[test]
        fn swapping_before_and_after_mirrors_the_change(
            raw in prop::collection::vec((1u8..=5, 1u8..=5), 2..60),
        ) {
            let forward: Vec<Pair> =
                raw.iter().map(|(b, a)| Pair { before: Some(f64::from(*b)), after: Some(f64::from(*a)) }).collect();
            let backward: Vec<Pair> = forward.iter().map(|p| Pair { before: p.after, after: p.before }).collect();
            let (f, b) = (paired_change(&forward).unwrap(), paired_change(&backward).unwrap());
            prop_assert_eq!(f.mean_change.map(|m| -m), b.mean_change);
            prop_assert_eq!(f.sd_change, b.sd_change);
            match (f.t_test, b.t_test) {
                (Ok(x), Ok(y)) => prop_assert!(x.t == -y.t && x.p == y.p),
                (x, y) => prop_assert_eq!(x, y),
            }
            match (f.wilcoxon, b.wilcoxon) {
                (Ok(x), Ok(y)) => prop_assert!(x.r_plus == y.r_minus && x.statistic == y.statistic && x.p == y.p),
                (x, y) => prop_assert_eq!(x, y),
            }
        }
    }
}
