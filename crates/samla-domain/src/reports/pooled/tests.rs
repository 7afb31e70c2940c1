use super::*;
use crate::questionnaires::scoring::{Outcome, ScaleScore};

fn scores(value: f64) -> Scores {
    let outcome = Outcome::Scored { value, answered: 10, missing: 0, band: None };
    Scores { scales: vec![ScaleScore { id: "total".into(), parent: None, outcome }] }
}

/// `n` subjects from `first`, each `change` better at the end than before (plus a
/// little spread so that a confidence interval exists).
fn measure(first: i64, n: i64, change: f64) -> MeasureFacts {
    let subjects = first..first + n;
    MeasureFacts {
        questionnaire: "urn:test:coping".into(),
        title: Labels::from([("nb".to_string(), "Mestring".to_string()), ("en".to_string(), "Coping".to_string())]),
        audience: Audience::Participants,
        to: Timing::End,
        rules: None,
        before: subjects.clone().map(|s| (s, scores(10.0))).collect(),
        after: subjects.map(|s| (s, scores(10.0 + change + (s % 3) as f64))).collect(),
    }
}

fn pooled_n(change: &PooledChange) -> Option<u64> {
    change.scales[0].figures.as_ref().map(|f| f.n)
}

#[test]
fn small_groups_are_pooled_and_shown_from_five_pairs() {
    // Three courses of three children each: no course could show its change alone.
    let facts: Vec<MeasureFacts> = (0..3).map(|course| measure(course * 100, 3, 2.0)).collect();
    let pooled_facts = MeasureFacts {
        before: facts.iter().flat_map(|m| m.before.clone()).collect(),
        after: facts.iter().flat_map(|m| m.after.clone()).collect(),
        ..facts[0].clone()
    };
    let pooled = pool(&[pooled_facts], &[]);
    assert_eq!(pooled_n(&pooled[0]), Some(9));
    let figures = pooled[0].scales[0].figures.as_ref().expect("nine pairs are shown");
    assert_eq!(figures.mean_change, Some(3.0), "2 plus the spread of 0, 1, 2");
    assert!(figures.ci_lower.is_some_and(|l| l < 3.0) && figures.ci_upper.is_some_and(|u| u > 3.0));
    assert!(figures.cohens_dz.is_some());
    assert_eq!(pooled[0].scales[0].label["nb"], "total", "a scale without rules is named by its id");

    let few = pool(&[measure(0, 4, 2.0)], &[]);
    assert_eq!(few[0].scales[0].figures, None, "four pairs show nothing");
}

#[test]
fn only_pairs_count_and_each_subject_once() {
    let mut facts = measure(0, 6, 1.0);
    // Two answered only before, one only after: no pairs.
    facts.before.push((50, scores(3.0)));
    facts.before.push((51, scores(3.0)));
    facts.after.push((52, scores(30.0)));
    let pooled = pool(&[facts], &[]);
    assert_eq!(pooled_n(&pooled[0]), Some(6));
}

#[test]
fn a_correction_by_fewer_than_five_pairs_keeps_the_earlier_figures() {
    let first = pool(&[measure(0, 20, 2.0)], &[]);
    // Two late pairs with a large change: publishing both means would tell theirs.
    let mut late = measure(0, 20, 2.0);
    late.before.extend([(900, scores(0.0)), (901, scores(0.0))]);
    late.after.extend([(900, scores(40.0)), (901, scores(40.0))]);
    let second = pool(&[late.clone()], &first);
    assert_eq!(second[0].scales[0].figures, first[0].scales[0].figures);
    assert!(second[0].scales[0].kept);

    // The same number of pairs with one answer corrected: kept too.
    let mut changed = measure(0, 20, 2.0);
    changed.after[0].1 = scores(0.0);
    let third = pool(&[changed], &first);
    assert_eq!(third[0].scales[0].figures, first[0].scales[0].figures);

    // Five more pairs: the new figures are published.
    let mut more = measure(0, 25, 2.0);
    more.after.iter_mut().for_each(|(_, s)| *s = scores(20.0));
    let fourth = pool(&[more], &second);
    assert_eq!(pooled_n(&fourth[0]), Some(25));
    assert!(!fourth[0].scales[0].kept);
    assert_ne!(fourth[0].scales[0].figures, first[0].scales[0].figures);

    // A scale hidden before (four pairs) is shown once five are behind it.
    let hidden = pool(&[measure(0, 4, 2.0)], &[]);
    let shown = pool(&[measure(0, 5, 2.0)], &hidden);
    assert_eq!(pooled_n(&shown[0]), Some(5));
}

#[test]
fn measures_are_kept_apart_by_questionnaire_audience_and_time() {
    let end = measure(0, 6, 1.0);
    let follow_up = MeasureFacts { to: Timing::FollowUp, ..measure(0, 7, 1.0) };
    let guardians = MeasureFacts { audience: Audience::Guardians, ..measure(0, 8, 1.0) };
    let first = pool(&[end.clone(), follow_up.clone(), guardians.clone()], &[]);
    assert_eq!(first.iter().map(pooled_n).collect::<Vec<_>>(), [Some(6), Some(7), Some(8)]);
    // A correction adding two pairs to the end measure only keeps that one.
    let mut end_later = end;
    end_later.before.extend([(900, scores(1.0)), (901, scores(1.0))]);
    end_later.after.extend([(900, scores(9.0)), (901, scores(9.0))]);
    let second = pool(&[end_later, follow_up, guardians], &first);
    assert!(second[0].scales[0].kept);
    assert!(!second[1].scales[0].kept && !second[2].scales[0].kept);
}
