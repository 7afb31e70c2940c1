//! Every figure of `reports::statistics` agrees with numpy and scipy on the seeded datasets of
//! tests/python/statistics_reference.py (regenerate the data file with that script).
//!
//! Tolerances, both 1e-9:
//! - p-values relative to scipy's (|ours − scipy| ≤ 1e-9 · scipy), so a p of 1e-27 is held to
//!   its own digits and not merely to "close to zero";
//! - every other figure (means, SDs, medians, interval bounds, t, z, d_z, rank sums,
//!   proportions) relative above 1 and absolute below: |ours − numpy| ≤ 1e-9 · max(1, |numpy|),
//!   since a mean change of 0 is 1e-17 in one summation order and 0 in another.
//!
//! Counts, n, df, the Wilcoxon method and the reasons for withheld figures must be equal.

use samla_domain::reports::statistics::{
    describe, paired_change, NotComputed, Pair, PairedChange, WilcoxonMethod, CONFIDENCE_LEVEL,
};
use serde::Deserialize;

const REFERENCE: &str = include_str!("../data/statistics_reference.json");
const TOLERANCE: f64 = 1e-9;

#[derive(Deserialize)]
struct Reference {
    scipy: String,
    descriptives: Vec<DescriptiveCase>,
    paired: Vec<PairedCase>,
}

#[derive(Deserialize)]
struct DescriptiveCase {
    name: String,
    threshold: f64,
    values: Vec<f64>,
    expected: ExpectedDescriptives,
}

#[derive(Deserialize)]
struct ExpectedDescriptives {
    n: usize,
    mean: Option<f64>,
    sd: Option<f64>,
    median: Option<f64>,
    distribution: Vec<(f64, usize)>,
    share_at_least: Option<ExpectedShare>,
}

#[derive(Deserialize)]
struct ExpectedShare {
    count: usize,
    proportion: f64,
}

#[derive(Deserialize)]
struct PairedCase {
    name: String,
    before: Vec<Option<f64>>,
    after: Vec<Option<f64>>,
    expected: ExpectedChange,
}

#[derive(Deserialize)]
struct ExpectedChange {
    n: usize,
    mean_change: Option<f64>,
    sd_change: Option<f64>,
    ci95: Outcome<ExpectedInterval>,
    t_test: Outcome<ExpectedTTest>,
    cohens_dz: Outcome<ExpectedValue>,
    wilcoxon: Outcome<ExpectedWilcoxon>,
}

/// A figure as the generator wrote it: scipy's numbers, or why samla withholds it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Outcome<T> {
    Withheld { not_computed: String },
    Computed(T),
}

#[derive(Deserialize)]
struct ExpectedInterval {
    lower: f64,
    upper: f64,
}

#[derive(Deserialize)]
struct ExpectedTTest {
    t: f64,
    df: usize,
    p: f64,
}

#[derive(Deserialize)]
struct ExpectedValue {
    value: f64,
}

#[derive(Deserialize)]
struct ExpectedWilcoxon {
    method: String,
    statistic: f64,
    r_plus: f64,
    r_minus: f64,
    p: f64,
    /// scipy's `zstatistic` (−|z|) for the normal approximation.
    z: Option<f64>,
}

/// Whether `ours` is within `bound` of `reference`; false for NaN, so a NaN never passes.
fn within(ours: f64, reference: f64, bound: f64) -> bool {
    (ours - reference).abs() <= bound
}

/// Collects every disagreement, so one run shows them all.
#[derive(Default)]
struct Check {
    failures: Vec<String>,
}

impl Check {
    fn figure(&mut self, case: &str, what: &str, ours: f64, reference: f64) {
        if !within(ours, reference, TOLERANCE * reference.abs().max(1.0)) {
            self.failures.push(format!("{case}: {what} is {ours:e}, numpy/scipy {reference:e}"));
        }
    }

    fn p_value(&mut self, case: &str, what: &str, ours: f64, reference: f64) {
        if !within(ours, reference, TOLERANCE * reference.abs()) {
            self.failures.push(format!("{case}: {what} is {ours:e}, scipy {reference:e}"));
        }
    }

    fn optional(&mut self, case: &str, what: &str, ours: Option<f64>, reference: Option<f64>) {
        match (ours, reference) {
            (Some(o), Some(r)) => self.figure(case, what, o, r),
            (None, None) => {}
            _ => self.failures.push(format!("{case}: {what} is {ours:?}, expected {reference:?}")),
        }
    }

    fn equal<T: PartialEq + std::fmt::Debug>(&mut self, case: &str, what: &str, ours: T, reference: T) {
        if ours != reference {
            self.failures.push(format!("{case}: {what} is {ours:?}, expected {reference:?}"));
        }
    }

    /// Both withheld for the same reason, or both computed (then `compare` checks the figures).
    fn outcome<O, E>(
        &mut self,
        case: &str,
        what: &str,
        ours: &Result<O, NotComputed>,
        reference: &Outcome<E>,
        compare: impl FnOnce(&mut Check, &O, &E),
    ) {
        match (ours, reference) {
            (Ok(o), Outcome::Computed(e)) => compare(self, o, e),
            (Err(reason), Outcome::Withheld { not_computed }) => {
                let ours = serde_json::to_value(reason).unwrap();
                self.equal(case, what, ours.as_str().unwrap_or_default(), not_computed.as_str());
            }
            (Ok(_), Outcome::Withheld { not_computed }) => {
                self.failures.push(format!("{case}: {what} computed, expected withheld as {not_computed}"))
            }
            (Err(reason), Outcome::Computed(_)) => {
                self.failures.push(format!("{case}: {what} withheld as {reason:?}, scipy computes it"))
            }
        }
    }

    fn finish(self, checked: &str) {
        assert!(
            self.failures.is_empty(),
            "{checked}: {} disagreements:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

fn reference() -> Reference {
    serde_json::from_str(REFERENCE).expect("tests/data/statistics_reference.json parses")
}

#[test]
fn the_reference_covers_the_cases_it_is_meant_to() {
    let reference = reference();
    assert!(
        reference.scipy.starts_with("1.17."),
        "regenerated with scipy {}: recheck the Wilcoxon rule",
        reference.scipy
    );
    let sizes: Vec<usize> = reference.paired.iter().map(|c| c.expected.n).collect();
    assert!(sizes.contains(&2) && sizes.iter().any(|n| *n >= 80), "n from 2 to 80");
    for method in ["exact", "exact_with_ties", "normal_approximation"] {
        let count = reference
            .paired
            .iter()
            .filter(|c| matches!(&c.expected.wilcoxon, Outcome::Computed(w) if w.method == method))
            .count();
        assert!(count >= 5, "only {count} cases for the Wilcoxon method {method}");
    }
    for reason in ["too_few_pairs", "all_differences_zero", "no_variance"] {
        assert!(
            reference
                .paired
                .iter()
                .any(|c| matches!(&c.expected.t_test, Outcome::Withheld { not_computed } if not_computed == reason)),
            "no case withholds the t-test as {reason}"
        );
    }
}

#[test]
fn descriptives_agree_with_numpy() {
    let mut check = Check::default();
    let cases = reference().descriptives;
    for case in &cases {
        let name = case.name.as_str();
        let ours = describe(&case.values).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &case.expected;
        check.equal(name, "n", ours.n, expected.n);
        check.optional(name, "mean", ours.mean, expected.mean);
        check.optional(name, "sd", ours.sd, expected.sd);
        check.optional(name, "median", ours.median, expected.median);
        let distribution: Vec<(f64, usize)> = ours.distribution.iter().map(|c| (c.value, c.count)).collect();
        check.equal(name, "distribution", distribution, expected.distribution.clone());
        match (ours.share_at_least(case.threshold), &expected.share_at_least) {
            (Some(share), Some(e)) => {
                check.equal(name, "share count", share.count, e.count);
                check.figure(name, "share", share.proportion, e.proportion);
            }
            (None, None) => {}
            (ours, _) => check.failures.push(format!("{name}: share is {ours:?}")),
        }
    }
    check.finish(&format!("{} descriptive cases", cases.len()));
}

fn pairs(case: &PairedCase) -> Vec<Pair> {
    assert_eq!(case.before.len(), case.after.len(), "{}", case.name);
    case.before.iter().zip(&case.after).map(|(b, a)| Pair { before: *b, after: *a }).collect()
}

fn compare_change(check: &mut Check, name: &str, ours: &PairedChange, expected: &ExpectedChange) {
    check.equal(name, "n", ours.n, expected.n);
    check.optional(name, "mean change", ours.mean_change, expected.mean_change);
    check.optional(name, "sd of the change", ours.sd_change, expected.sd_change);
    check.outcome(name, "95 % CI", &ours.confidence_interval, &expected.ci95, |check, o, e| {
        check.equal(name, "CI level", o.level, CONFIDENCE_LEVEL);
        check.figure(name, "CI lower", o.lower, e.lower);
        check.figure(name, "CI upper", o.upper, e.upper);
    });
    check.outcome(name, "t-test", &ours.t_test, &expected.t_test, |check, o, e| {
        check.figure(name, "t", o.t, e.t);
        check.equal(name, "df", o.df, e.df);
        check.p_value(name, "t-test p", o.p, e.p);
    });
    check.outcome(name, "Cohen's d_z", &ours.cohens_dz, &expected.cohens_dz, |check, o, e| {
        check.figure(name, "d_z", *o, e.value);
    });
    check.outcome(name, "Wilcoxon", &ours.wilcoxon, &expected.wilcoxon, |check, o, e| {
        let (method, z) = match o.method {
            WilcoxonMethod::Exact => ("exact", None),
            WilcoxonMethod::ExactWithTies => ("exact_with_ties", None),
            WilcoxonMethod::NormalApproximation { z } => ("normal_approximation", Some(-z.abs())),
        };
        check.equal(name, "Wilcoxon method", method, e.method.as_str());
        check.figure(name, "Wilcoxon statistic", o.statistic, e.statistic);
        check.figure(name, "r+", o.r_plus, e.r_plus);
        check.figure(name, "r-", o.r_minus, e.r_minus);
        check.p_value(name, "Wilcoxon p", o.p, e.p);
        check.optional(name, "Wilcoxon z", z, e.z);
    });
}

#[test]
fn paired_change_agrees_with_scipy() {
    let mut check = Check::default();
    let cases = reference().paired;
    for case in &cases {
        let ours = paired_change(&pairs(case)).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        compare_change(&mut check, &case.name, &ours, &case.expected);
    }
    check.finish(&format!("{} paired cases", cases.len()));
}
