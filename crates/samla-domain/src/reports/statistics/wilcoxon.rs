//! The Wilcoxon signed-rank test of paired changes, exactly as `scipy.stats.wilcoxon` with
//! its defaults in scipy 1.17 (zero_method = "wilcox", correction = False,
//! alternative = "two-sided", method = "auto").
//!
//! Zero changes are dropped; the others are ranked by size with average ranks for ties.
//! "auto" chooses the p-value by N, the number of pairs *including* zero changes:
//! - N > 50: normal approximation;
//! - N ≤ 50 with no zero change and no tie: the exact distribution of the rank sum;
//! - N ≤ 13 otherwise: scipy's permutation test, which for N ≤ 13 enumerates all 2^N sign
//!   patterns and so is the exact distribution given the ties ([`WilcoxonMethod::ExactWithTies`]);
//! - otherwise: normal approximation.
//!
//! The normal approximation uses the tie-corrected variance and no continuity correction.
//! Ties are exact equality of the changes' sizes, as in scipy: 3.3 − 2.2 and 1.1 − 0.0 differ
//! in binary floating point, so scores that are not integers or binary fractions (quarters,
//! halves) may show fewer ties than on paper. Both exact cases count sign patterns with
//! integers (ranks doubled so that half ranks are whole), so their p-values are exact.

use super::NotComputed;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

/// Most pairs for the exact distribution when there are no ties and no zero changes.
pub const EXACT_MAX_PAIRS: usize = 50;

/// Most pairs for the exact distribution given ties or zero changes (scipy enumerates all
/// 2^N sign patterns when that is fewer than its 9999 resamples).
pub const EXACT_WITH_TIES_MAX_PAIRS: usize = 13;

/// How the p-value was found.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum WilcoxonMethod {
    Exact,
    ExactWithTies,
    /// `z` is positive when the changes are mostly upward. scipy reports `-|z|` as its
    /// `zstatistic` for a two-sided test.
    NormalApproximation {
        z: f64,
    },
}

/// The result of the signed-rank test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Wilcoxon {
    /// The smaller of the two rank sums, scipy's `statistic`.
    pub statistic: f64,
    /// Sum of the ranks of the upward changes.
    pub r_plus: f64,
    /// Sum of the ranks of the downward changes.
    pub r_minus: f64,
    /// Two-sided p-value.
    pub p: f64,
    pub method: WilcoxonMethod,
}

/// The ranks of the non-zero changes by size, doubled so that average ranks of ties are
/// whole numbers, with whether each change is upward, and the tie groups' sizes.
struct Ranked {
    doubled: Vec<u64>,
    upward: Vec<bool>,
    tie_sizes: Vec<u64>,
}

fn rank(differences: &[f64]) -> Ranked {
    let mut nonzero: Vec<f64> = differences.iter().copied().filter(|d| *d != 0.0).collect();
    nonzero.sort_by(|a, b| a.abs().total_cmp(&b.abs()));
    let mut ranked = Ranked { doubled: Vec::new(), upward: Vec::new(), tie_sizes: Vec::new() };
    let mut start = 0;
    while start < nonzero.len() {
        let size = nonzero[start].abs();
        let end = start + nonzero[start..].iter().take_while(|d| d.abs() == size).count();
        // Positions start..end hold ranks start+1 ..= end; twice their average is start+1+end.
        let doubled = (start + 1 + end) as u64;
        for d in &nonzero[start..end] {
            ranked.doubled.push(doubled);
            ranked.upward.push(*d > 0.0);
        }
        ranked.tie_sizes.push((end - start) as u64);
        start = end;
    }
    ranked
}

/// The signed-rank test of finite `differences` (after − before). Callers check that there
/// are at least two pairs; the function still answers [`NotComputed::TooFewPairs`] below that.
pub(super) fn signed_rank(differences: &[f64]) -> Result<Wilcoxon, NotComputed> {
    let pairs = differences.len();
    if pairs < 2 {
        return Err(NotComputed::TooFewPairs);
    }
    let ranked = rank(differences);
    if ranked.doubled.is_empty() {
        return Err(NotComputed::AllDifferencesZero);
    }
    let doubled_plus: u64 = ranked.doubled.iter().zip(&ranked.upward).filter(|(_, up)| **up).map(|(r, _)| r).sum();
    let doubled_total: u64 = ranked.doubled.iter().sum();
    let r_plus = doubled_plus as f64 / 2.0;
    let r_minus = (doubled_total - doubled_plus) as f64 / 2.0;

    let has_zeros = ranked.doubled.len() < pairs;
    let has_ties = ranked.tie_sizes.iter().any(|t| *t > 1);
    let (p, method) = if pairs > EXACT_MAX_PAIRS {
        normal_approximation(&ranked, r_plus)
    } else if !has_zeros && !has_ties {
        (exact_p(&ranked.doubled, doubled_plus), WilcoxonMethod::Exact)
    } else if pairs <= EXACT_WITH_TIES_MAX_PAIRS {
        (exact_p(&ranked.doubled, doubled_plus), WilcoxonMethod::ExactWithTies)
    } else {
        normal_approximation(&ranked, r_plus)
    };
    Ok(Wilcoxon { statistic: r_plus.min(r_minus), r_plus, r_minus, p, method })
}

/// Two-sided p-value from the distribution of the (doubled) rank sum of the upward changes
/// over all 2^n equally likely sign patterns: twice the smaller tail, at most 1.
///
/// Zero changes are left out here although scipy's permutation test flips their signs too:
/// a zero contributes nothing to the sum, so every count and 2^N grow by the same factor.
fn exact_p(doubled: &[u64], observed: u64) -> f64 {
    let total: u64 = doubled.iter().sum();
    // ways[s]: the number of sign patterns whose upward ranks sum to s. At most 2^50 ways,
    // and 2 × 2^50 is still exact in a u64 and in an f64.
    let mut ways = vec![0u64; total as usize + 1];
    ways[0] = 1;
    let mut reached = 0usize;
    for &r in doubled {
        let r = r as usize;
        reached += r;
        for s in (r..=reached).rev() {
            ways[s] += ways[s - r];
        }
    }
    let observed = observed as usize;
    let at_most: u64 = ways[..=observed].iter().sum();
    let at_least: u64 = ways[observed..].iter().sum();
    let patterns = 2f64.powi(doubled.len() as i32);
    (2.0 * at_most.min(at_least) as f64 / patterns).min(1.0)
}

fn normal_approximation(ranked: &Ranked, r_plus: f64) -> (f64, WilcoxonMethod) {
    let n = ranked.doubled.len() as f64;
    let expected = n * (n + 1.0) / 4.0;
    let ties: f64 = ranked.tie_sizes.iter().map(|&t| (t * t * t - t) as f64).sum();
    // Positive for any n ≥ 1: the tie term is largest when all n tie, and (n³ − n)/2 is
    // still less than n(n + 1)(2n + 1); so there is no division by zero.
    let sd = ((n * (n + 1.0) * (2.0 * n + 1.0) - ties / 2.0) / 24.0).sqrt();
    let z = (r_plus - expected) / sd;
    let p = 2.0 * Normal::standard().sf(z.abs());
    (p, WilcoxonMethod::NormalApproximation { z })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(differences: &[f64]) -> f64 {
        signed_rank(differences).unwrap().p
    }

    #[test]
    fn ranks_are_averaged_over_ties_and_zeros_are_dropped() {
        let ranked = rank(&[0.0, -2.0, 1.0, 2.0, 0.0, 3.0, -1.0, 2.0]);
        // |d| sorted: 1, 1, 2, 2, 2, 3 → ranks 1.5, 1.5, 4, 4, 4, 6.
        assert_eq!(ranked.doubled, [3, 3, 8, 8, 8, 12]);
        assert_eq!(ranked.tie_sizes, [2, 3, 1]);
        assert_eq!(ranked.upward.iter().filter(|u| **u).count(), 4);
    }

    #[test]
    fn five_increases_have_the_textbook_exact_p() {
        // One pattern of 32 has all five up, one all down: p = 2/32.
        let w = signed_rank(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!((w.statistic, w.r_plus, w.r_minus, w.p, w.method), (0.0, 15.0, 0.0, 0.0625, WilcoxonMethod::Exact));
    }

    #[test]
    fn the_exact_distribution_counts_sign_patterns() {
        // n = 3: sums 0..=6 are reached by 1,1,1,2,1,1,1 patterns. r+ = 2 → P(T ≤ 2) = 3/8.
        assert_eq!(p(&[-1.0, 2.0, -3.0]), 0.75);
        // r+ = 3 sits in the middle: both tails exceed one half, so p is capped at 1.
        assert_eq!(p(&[1.0, 2.0, -3.0]), 1.0);
    }

    #[test]
    fn ties_and_zeros_up_to_13_pairs_use_the_exact_distribution_given_the_ties() {
        // Six equal increases: only the all-up pattern of 64 reaches r+ = 21 (scipy: 0.03125).
        let w = signed_rank(&[1.0; 6]).unwrap();
        assert_eq!((w.p, w.method), (0.03125, WilcoxonMethod::ExactWithTies));
        // A zero among distinct changes counts as "ties or zeros" too.
        assert_eq!(signed_rank(&[0.0, 1.0, 2.0]).unwrap().method, WilcoxonMethod::ExactWithTies);
    }

    #[test]
    fn the_method_follows_the_number_of_pairs_including_zeros() {
        let distinct: Vec<f64> = (1..=50).map(f64::from).collect();
        assert_eq!(signed_rank(&distinct).unwrap().method, WilcoxonMethod::Exact);
        let distinct: Vec<f64> = (1..=51).map(f64::from).collect();
        assert!(matches!(signed_rank(&distinct).unwrap().method, WilcoxonMethod::NormalApproximation { .. }));

        let mut with_zero: Vec<f64> = (1..=13).map(f64::from).collect();
        with_zero[0] = 0.0;
        assert_eq!(signed_rank(&with_zero).unwrap().method, WilcoxonMethod::ExactWithTies);
        with_zero.push(14.0);
        assert!(matches!(signed_rank(&with_zero).unwrap().method, WilcoxonMethod::NormalApproximation { .. }));
    }

    #[test]
    fn the_normal_approximation_uses_the_tie_corrected_variance() {
        // 16 changes of −2: n = 16, E = 68, variance (16·17·33 − (16³ − 16)/2)/24 = 289,
        // so z = (0 − 68)/17 = −4 exactly (scipy: zstatistic −4.0, p 6.334248366623973e-05).
        let w = signed_rank(&[-2.0; 16]).unwrap();
        assert_eq!(w.method, WilcoxonMethod::NormalApproximation { z: -4.0 });
        assert!((w.p - 6.334248366623973e-05).abs() < 1e-14);
    }

    #[test]
    fn nothing_to_rank_is_withheld() {
        assert_eq!(signed_rank(&[0.0, 0.0, -0.0]), Err(NotComputed::AllDifferencesZero));
        assert_eq!(signed_rank(&[0.0; 30]), Err(NotComputed::AllDifferencesZero));
        assert_eq!(signed_rank(&[2.0]), Err(NotComputed::TooFewPairs));
    }

    #[test]
    fn a_single_nonzero_change_among_zeros_is_not_significant() {
        assert_eq!(p(&[0.0, 1.0]), 1.0);
    }

    #[test]
    fn fifty_distinct_changes_do_not_overflow_the_counts() {
        let all_up: Vec<f64> = (1..=50).map(f64::from).collect();
        assert_eq!(p(&all_up), 2.0 / 2f64.powi(50));
    }
}
