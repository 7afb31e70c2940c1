//! The figures of one item or scale: how many answered, the mean, spread and middle, how
//! many gave each answer, and the share at or above a threshold ("80 % found it useful").

use super::{is_score, mean, sample_sd, InvalidScore};
use serde::Serialize;

/// Descriptives of the answers to one item, or the scores on one scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Descriptives {
    pub n: usize,
    /// `None` when nobody answered.
    pub mean: Option<f64>,
    /// Sample standard deviation (ddof = 1); `None` with fewer than two values.
    pub sd: Option<f64>,
    /// `None` when nobody answered; the mean of the middle two for an even count.
    pub median: Option<f64>,
    /// Each value given, in ascending order, with how many gave it.
    pub distribution: Vec<ValueCount>,
}

/// How many gave one value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ValueCount {
    pub value: f64,
    pub count: usize,
}

/// A part of the answers: `count` of `n`, and `count / n`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub count: usize,
    pub n: usize,
    pub proportion: f64,
}

impl Share {
    /// `None` for no answers, where a share has no meaning.
    fn of(count: usize, n: usize) -> Option<Share> {
        (n > 0).then(|| Share { count, n, proportion: count as f64 / n as f64 })
    }
}

/// Describes the answers to one item or the scores on one scale (unanswered ones left out
/// by the caller).
pub fn describe(values: &[f64]) -> Result<Descriptives, InvalidScore> {
    if let Some(index) = values.iter().position(|v| !is_score(*v)) {
        return Err(InvalidScore::Value { index });
    }
    let n = values.len();
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = (n > 0).then(|| mean(values));
    Ok(Descriptives {
        n,
        mean,
        sd: mean.filter(|_| n >= 2).map(|m| sample_sd(values, m)),
        median: median_of_sorted(&sorted),
        distribution: distribution_of_sorted(&sorted),
    })
}

impl Descriptives {
    /// The share of answers at or above `threshold`, e.g. 4 and 5 on a five-step scale
    /// where 4 is "agree". `None` when nobody answered.
    pub fn share_at_least(&self, threshold: f64) -> Option<Share> {
        let count = self.distribution.iter().filter(|c| c.value >= threshold).map(|c| c.count).sum();
        Share::of(count, self.n)
    }
}

fn median_of_sorted(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

fn distribution_of_sorted(sorted: &[f64]) -> Vec<ValueCount> {
    let mut counts: Vec<ValueCount> = Vec::new();
    for &value in sorted {
        match counts.last_mut() {
            // `==` so that -0.0 and 0.0 are one value, as for numpy's `unique`.
            Some(last) if last.value == value => last.count += 1,
            // Adding 0.0 turns -0.0 into 0.0, so a report never shows "-0".
            _ => counts.push(ValueCount { value: value + 0.0, count: 1 }),
        }
    }
    counts
}

/// How many chose one option of a choice item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCount<K> {
    pub option: K,
    pub count: usize,
    /// `None` when nobody answered.
    pub share: Option<Share>,
}

/// An answer that is none of the item's options, by its position in the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[error("answer {index} is not one of the item's options")]
pub struct UnknownAnswer {
    pub index: usize,
}

/// Counts the answers to a choice item per option, in the options' order and including
/// options nobody chose, so a table or chart shows the whole scale. An answer outside the
/// options means the answers and the definition do not belong together, and is an error
/// rather than silently left out.
pub fn count_options<K: PartialEq + Clone>(options: &[K], answers: &[K]) -> Result<Vec<OptionCount<K>>, UnknownAnswer> {
    let mut counts = vec![0usize; options.len()];
    for (index, answer) in answers.iter().enumerate() {
        let position = options.iter().position(|o| o == answer).ok_or(UnknownAnswer { index })?;
        counts[position] += 1;
    }
    Ok(options
        .iter()
        .zip(counts)
        .map(|(option, count)| OptionCount { option: option.clone(), count, share: Share::of(count, answers.len()) })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_five_step_item() {
        let d = describe(&[4.0, 5.0, 3.0, 4.0, 5.0, 5.0, 2.0, 4.0]).unwrap();
        assert_eq!(d.n, 8);
        assert_eq!(d.mean, Some(4.0));
        // Squared deviations 0+1+1+0+1+1+4+0 = 8 over 7.
        assert!((d.sd.unwrap() - (8.0f64 / 7.0).sqrt()).abs() < 1e-15);
        assert_eq!(d.median, Some(4.0));
        let pairs: Vec<_> = d.distribution.iter().map(|c| (c.value, c.count)).collect();
        assert_eq!(pairs, [(2.0, 1), (3.0, 1), (4.0, 3), (5.0, 3)]);
        assert_eq!(d.share_at_least(4.0), Some(Share { count: 6, n: 8, proportion: 0.75 }));
        assert_eq!(d.share_at_least(6.0).unwrap().count, 0);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(describe(&[1.0, 4.0, 2.0, 3.0]).unwrap().median, Some(2.5));
    }

    #[test]
    fn no_answers_give_no_figures_and_one_answer_no_spread() {
        let none = describe(&[]).unwrap();
        assert_eq!((none.n, none.mean, none.sd, none.median), (0, None, None, None));
        assert!(none.distribution.is_empty());
        assert_eq!(none.share_at_least(1.0), None);

        let one = describe(&[3.0]).unwrap();
        assert_eq!((one.n, one.mean, one.sd, one.median), (1, Some(3.0), None, Some(3.0)));
        assert_eq!(one.share_at_least(3.0), Some(Share { count: 1, n: 1, proportion: 1.0 }));
    }

    #[test]
    fn identical_answers_have_zero_spread() {
        assert_eq!(describe(&[3.0; 5]).unwrap().sd, Some(0.0));
    }

    #[test]
    fn negative_zero_is_counted_as_zero() {
        let d = describe(&[-0.0, 0.0, 1.0]).unwrap();
        assert_eq!(d.distribution.len(), 2);
        assert!(d.distribution[0].value.is_sign_positive());
        assert_eq!(d.distribution[0].count, 2);
    }

    #[test]
    fn an_invalid_value_is_named_by_position() {
        assert_eq!(describe(&[1.0, 2.0, f64::NAN]), Err(InvalidScore::Value { index: 2 }));
        assert_eq!(describe(&[f64::INFINITY]), Err(InvalidScore::Value { index: 0 }));
        assert_eq!(describe(&[1.0, 2e9]), Err(InvalidScore::Value { index: 1 }));
    }

    #[test]
    fn options_are_counted_in_order_including_those_nobody_chose() {
        let options = ["not at all", "a little", "some", "a lot"];
        let counts = count_options(&options, &["a lot", "some", "a lot"]).unwrap();
        let pairs: Vec<_> = counts.iter().map(|c| (c.option, c.count)).collect();
        assert_eq!(pairs, [("not at all", 0), ("a little", 0), ("some", 1), ("a lot", 2)]);
        assert_eq!(counts[3].share, Some(Share { count: 2, n: 3, proportion: 2.0 / 3.0 }));
        assert_eq!(count_options(&options, &[]).unwrap()[0].share, None);
    }

    #[test]
    fn an_answer_outside_the_options_is_named() {
        assert_eq!(count_options(&[1, 2, 3], &[1, 3, 7, 9]), Err(UnknownAnswer { index: 2 }));
    }

    proptest! {
        #[test]
        fn figures_stay_within_the_values(values in prop::collection::vec(-1e6f64..1e6, 1..60)) {
            let d = describe(&values).unwrap();
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let slack = 1e-9 * high.abs().max(low.abs()).max(1.0);
            let mean = d.mean.unwrap();
            prop_assert!(mean >= low - slack && mean <= high + slack);
            let median = d.median.unwrap();
            prop_assert!(median >= low && median <= high);
            prop_assert_eq!(d.distribution.iter().map(|c| c.count).sum::<usize>(), values.len());
            prop_assert!(d.distribution.windows(2).all(|w| w[0].value < w[1].value));
            prop_assert_eq!(d.sd.is_some(), values.len() >= 2);
            prop_assert!(d.sd.is_none_or(|sd| sd.is_finite() && sd >= 0.0));
        }

        #[test]
        fn the_share_at_least_counts_exactly_those_values(
            values in prop::collection::vec(1u8..=5, 1..40),
            threshold in 0u8..=6,
        ) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let share = describe(&values).unwrap().share_at_least(f64::from(threshold)).unwrap();
            let expected = values.iter().filter(|v| **v >= f64::from(threshold)).count();
            prop_assert_eq!(share.count, expected);
            prop_assert_eq!(share.proportion, expected as f64 / values.len() as f64);
        }
    }
}
