//! What a round's answers add up to, and how scores changed between rounds of the same
//! people: the figures evaluation pages, exports and the course report show.
//!
//! - [`summarise`]: for one round, per item how many answered, how many gave each option
//!   (with its ordinal value), the mean where answers are numbers, the share positive, and
//!   the free text; per scale the scores described. Nothing but the count is shown until
//!   the round's results are released (when it closes: see
//!   `questionnaires::rounds::results_release_due`), nor below [`MIN_ANSWERS_SHOWN`]
//!   responses.
//! - [`outcome_change`]: per scale, scores before paired by subject with scores at the end
//!   (or at the follow-up), through [`statistics::paired_change`].
//!
//! **Share positive** is defined per item kind:
//! - a choice whose options all carry an ordinal value, higher meaning better (as every
//!   shipped scale is written): answers in the top two steps when the scale has four or
//!   more steps ("good" or "very good" of four; "agree" or "strongly agree" of five), the
//!   top step when it has two or three;
//! - a choice without ordinal values that has an option coded `yes`: the share choosing it;
//! - a boolean: the share answering yes;
//! - anything else has none.
//!
//! The threshold and the release hold for every round, anonymous or identified: a
//! distribution of three answers tells staff who know who answered what each one said, and
//! results that change with every answer tell, read before and after one more answer (and
//! who has answered is known, for reminders), what that answer was.

use super::statistics::{self, count_options, describe, paired_change, Descriptives, InvalidScore, Pair};
use crate::questionnaires::answers::{AnswerValue, Answers};
use crate::questionnaires::definition::{Item, ItemKind, Questionnaire};
use crate::questionnaires::scoring::{Labels, Scores, ScoringRules};
use serde::Serialize;
use std::collections::BTreeMap;

/// Results (and free text) are shown from this many responses on; below it only the count.
pub const MIN_ANSWERS_SHOWN: usize = 5;

/// How many steps a scale needs before "positive" means its top two steps rather than its top one.
const TOP_TWO_FROM_STEPS: usize = 4;

/// Why a round's results show the count only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Withheld {
    /// The round still takes answers: results are released when it closes.
    NotReleased,
    /// The round closed with fewer than [`MIN_ANSWERS_SHOWN`] responses.
    TooFewResponses,
}

/// One round's answers summarised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Responses received.
    pub responses: usize,
    /// Whether the round's results are released (it has closed); they never change after.
    pub released: bool,
    /// Whether anything but the count is shown: released, and from `threshold` responses.
    pub shown: bool,
    /// Why only the count is shown, when it is.
    pub withheld: Option<Withheld>,
    pub threshold: usize,
    /// Every question in the questionnaire's order; empty when not shown.
    pub items: Vec<ItemSummary>,
    /// Every scale and subscale of the scoring rules; empty when not shown.
    pub scales: Vec<ScaleSummary>,
}

/// The answers to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemSummary {
    pub link_id: String,
    /// The question's text (its linkId when it has none).
    pub text: String,
    /// The FHIR item type.
    pub kind: &'static str,
    /// Responses that answered it.
    pub n: usize,
    /// Choices and booleans: every option in order, including those nobody chose.
    pub options: Vec<OptionSummary>,
    /// Numbers and ordinal choices: the values described.
    pub descriptives: Option<Descriptives>,
    pub share_positive: Option<PositiveShare>,
    /// Text answers, sorted so their order says nothing about who wrote them.
    pub free_text: Vec<String>,
}

/// How many chose one option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionSummary {
    pub code: String,
    pub display: String,
    pub ordinal: Option<f64>,
    pub count: usize,
    /// `count` over the responses that answered the item; `None` when none did.
    pub proportion: Option<f64>,
}

/// Which answers count as positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PositiveRule {
    /// The two highest ordinal steps.
    TopTwo,
    /// The highest ordinal step.
    TopOne,
    /// The option coded `yes`.
    Yes,
    /// A boolean's yes.
    True,
}

/// The share positive of one item: `count` of `n` answers, per [`PositiveRule`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositiveShare {
    pub rule: PositiveRule,
    /// The options counted as positive.
    pub options: Vec<String>,
    pub count: usize,
    pub n: usize,
    pub proportion: f64,
}

/// One scale's scores in a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleSummary {
    pub id: String,
    /// The scale a subscale belongs to.
    pub parent: Option<String>,
    pub label: String,
    /// Scores described (responses with too many missing items are left out).
    pub descriptives: Descriptives,
    /// Responses without a score (too many items missing).
    pub not_scored: usize,
}

/// The label in `language`, else nb, else the first, else `fallback`.
pub fn label_in(labels: &Labels, language: &str, fallback: &str) -> String {
    labels
        .get(language)
        .or_else(|| labels.get("nb"))
        .or_else(|| labels.values().next())
        .cloned()
        .unwrap_or_else(|| fallback.to_string())
}

/// The summary of a round whose results are not released yet: its count of responses only.
pub fn unreleased(responses: usize) -> Summary {
    Summary {
        responses,
        released: false,
        shown: false,
        withheld: Some(Withheld::NotReleased),
        threshold: MIN_ANSWERS_SHOWN,
        items: Vec::new(),
        scales: Vec::new(),
    }
}

/// Summarises one round's responses (answers, and the scores stored with them) to
/// `definition`; `released` says whether the round's results are released. Answers are
/// expected to fit the definition; one that does not (an option an older version had) is
/// left out of the counts rather than failing the page.
pub fn summarise(
    definition: &Questionnaire,
    rules: Option<&ScoringRules>,
    language: &str,
    released: bool,
    answers: &[Answers],
    scores: &[Scores],
) -> Summary {
    let responses = answers.len();
    if !released {
        return unreleased(responses);
    }
    if responses < MIN_ANSWERS_SHOWN {
        return Summary {
            responses,
            released,
            shown: false,
            withheld: Some(Withheld::TooFewResponses),
            threshold: MIN_ANSWERS_SHOWN,
            items: Vec::new(),
            scales: Vec::new(),
        };
    }
    let items = definition
        .items_in_order()
        .into_iter()
        .filter(|i| i.kind.is_question())
        .map(|i| summarise_item(i, answers))
        .collect();
    let scales = rules.map(|r| summarise_scales(r, language, scores)).unwrap_or_default();
    Summary { responses, released, shown: true, withheld: None, threshold: MIN_ANSWERS_SHOWN, items, scales }
}

fn summarise_item(item: &Item, answers: &[Answers]) -> ItemSummary {
    let given: Vec<&[AnswerValue]> =
        answers.iter().filter_map(|a| a.get(&item.link_id)).map(Vec::as_slice).filter(|v| !v.is_empty()).collect();
    let n = given.len();
    let mut summary = ItemSummary {
        link_id: item.link_id.clone(),
        text: item.text.clone().unwrap_or_else(|| item.link_id.clone()),
        kind: item.kind.type_code(),
        n,
        options: Vec::new(),
        descriptives: None,
        share_positive: None,
        free_text: Vec::new(),
    };
    let proportion = |count: usize| (n > 0).then(|| count as f64 / n as f64);
    match &item.kind {
        ItemKind::Choice(options) => {
            let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
            let chosen: Vec<&str> = given
                .iter()
                .flat_map(|values| values.iter())
                .filter_map(|v| match v {
                    AnswerValue::Choice(code) => codes.iter().copied().find(|c| *c == code.as_str()),
                    _ => None,
                })
                .collect();
            let counts = count_options(&codes, &chosen).unwrap_or_default();
            summary.options = options
                .iter()
                .zip(&counts)
                .map(|(o, c)| OptionSummary {
                    code: o.code.clone(),
                    display: o.display.clone(),
                    ordinal: o.ordinal,
                    count: c.count,
                    proportion: proportion(c.count),
                })
                .collect();
            let ordinal = options.iter().all(|o| o.ordinal.is_some());
            if ordinal {
                // One value per response: a repeating ordinal item has no single value to average.
                let values: Vec<f64> = given
                    .iter()
                    .filter_map(|values| match values {
                        [AnswerValue::Choice(code)] => item.option(code).and_then(|o| o.ordinal),
                        _ => None,
                    })
                    .collect();
                if let Ok(descriptives) = describe(&values) {
                    summary.share_positive =
                        positive_by_ordinal(options.iter().filter_map(|o| o.ordinal), &descriptives).map(
                            |(rule, from, share)| PositiveShare {
                                rule,
                                options: options
                                    .iter()
                                    .filter(|o| o.ordinal.is_some_and(|v| v >= from))
                                    .map(|o| o.code.clone())
                                    .collect(),
                                count: share.count,
                                n: share.n,
                                proportion: share.proportion,
                            },
                        );
                    summary.descriptives = Some(descriptives);
                }
            } else if let Some(yes) = summary.options.iter().find(|o| o.code == "yes") {
                summary.share_positive = proportion(yes.count).map(|p| PositiveShare {
                    rule: PositiveRule::Yes,
                    options: vec!["yes".into()],
                    count: yes.count,
                    n,
                    proportion: p,
                });
            }
        }
        ItemKind::Boolean => {
            let values: Vec<bool> = given
                .iter()
                .filter_map(|v| match v {
                    [AnswerValue::Boolean(b)] => Some(*b),
                    _ => None,
                })
                .collect();
            let counts = count_options(&[true, false], &values).unwrap_or_default();
            summary.options = counts
                .iter()
                .map(|c| OptionSummary {
                    code: c.option.to_string(),
                    display: c.option.to_string(),
                    ordinal: None,
                    count: c.count,
                    proportion: proportion(c.count),
                })
                .collect();
            if let Some(share) = counts.first().and_then(|c| c.share) {
                summary.share_positive = Some(PositiveShare {
                    rule: PositiveRule::True,
                    options: vec!["true".into()],
                    count: share.count,
                    n: share.n,
                    proportion: share.proportion,
                });
            }
        }
        ItemKind::Integer { .. } | ItemKind::Decimal { .. } => {
            let values: Vec<f64> = given
                .iter()
                .flat_map(|values| values.iter())
                .filter_map(|v| match v {
                    AnswerValue::Integer(i) => Some(*i as f64),
                    AnswerValue::Decimal(d) => Some(*d),
                    _ => None,
                })
                .collect();
            summary.descriptives = describe(&values).ok();
        }
        ItemKind::String { .. } | ItemKind::Text { .. } => {
            let mut texts: Vec<String> = given
                .iter()
                .flat_map(|values| values.iter())
                .filter_map(|v| match v {
                    AnswerValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    _ => None,
                })
                .collect();
            // Sorted, not in the order received: the order of submission could point to a person.
            texts.sort();
            summary.free_text = texts;
        }
        ItemKind::Group(_) | ItemKind::Display | ItemKind::Date => {}
    }
    summary
}

/// The rule, the lowest positive ordinal value and the share for an ordinal scale.
fn positive_by_ordinal(
    ordinals: impl Iterator<Item = f64>,
    descriptives: &Descriptives,
) -> Option<(PositiveRule, f64, statistics::Share)> {
    let mut steps: Vec<f64> = ordinals.collect();
    steps.sort_by(f64::total_cmp);
    steps.dedup();
    if steps.len() < 2 {
        return None;
    }
    let (rule, from) = if steps.len() >= TOP_TWO_FROM_STEPS {
        (PositiveRule::TopTwo, steps[steps.len() - 2])
    } else {
        (PositiveRule::TopOne, steps[steps.len() - 1])
    };
    descriptives.share_at_least(from).map(|share| (rule, from, share))
}

fn summarise_scales(rules: &ScoringRules, language: &str, scores: &[Scores]) -> Vec<ScaleSummary> {
    let mut out = Vec::new();
    for scale in &rules.scales {
        let mut ids = vec![(scale.id.as_str(), None, &scale.label)];
        ids.extend(scale.subscales.iter().map(|s| (s.id.as_str(), Some(scale.id.clone()), &s.label)));
        for (id, parent, label) in ids {
            let values: Vec<f64> = scores.iter().filter_map(|s| s.get(id).and_then(|o| o.value())).collect();
            let Ok(descriptives) = describe(&values) else { continue };
            out.push(ScaleSummary {
                id: id.to_string(),
                parent,
                label: label_in(label, language, id),
                not_scored: scores.len() - values.len(),
                descriptives,
            });
        }
    }
    out
}

/// The change in one scale between two rounds of the same people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleChange {
    pub scale_id: String,
    pub parent: Option<String>,
    pub label: String,
    /// People with a score in only one of the two rounds (they take no part).
    pub unpaired: usize,
    pub figures: ChangeFigures,
}

/// [`statistics::PairedChange`] flattened for JSON, tables and exports: every withheld
/// figure is `None` with the reason's code beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeFigures {
    /// Pairs with both scores.
    pub n: usize,
    /// Mean score before and after over those pairs.
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// After − before.
    pub mean_change: Option<f64>,
    pub sd_change: Option<f64>,
    pub ci_level: f64,
    pub ci_lower: Option<f64>,
    pub ci_upper: Option<f64>,
    pub ci_withheld: Option<&'static str>,
    pub t: Option<f64>,
    pub df: Option<usize>,
    pub t_p: Option<f64>,
    pub t_withheld: Option<&'static str>,
    /// scipy's statistic: the smaller rank sum.
    pub wilcoxon_statistic: Option<f64>,
    pub wilcoxon_p: Option<f64>,
    /// `exact`, `exact_with_ties` or `normal_approximation`.
    pub wilcoxon_method: Option<&'static str>,
    pub wilcoxon_withheld: Option<&'static str>,
    pub cohens_dz: Option<f64>,
    pub cohens_dz_withheld: Option<&'static str>,
}

impl ChangeFigures {
    fn of(pairs: &[Pair]) -> Result<ChangeFigures, InvalidScore> {
        let change = paired_change(pairs)?;
        let complete: Vec<(f64, f64)> = pairs.iter().filter_map(|p| Some((p.before?, p.after?))).collect();
        let before: Vec<f64> = complete.iter().map(|p| p.0).collect();
        let after: Vec<f64> = complete.iter().map(|p| p.1).collect();
        let ci = change.confidence_interval.as_ref();
        let t = change.t_test.as_ref();
        let w = change.wilcoxon.as_ref();
        Ok(ChangeFigures {
            n: change.n,
            mean_before: describe(&before)?.mean,
            mean_after: describe(&after)?.mean,
            mean_change: change.mean_change,
            sd_change: change.sd_change,
            ci_level: statistics::CONFIDENCE_LEVEL,
            ci_lower: ci.ok().map(|c| c.lower),
            ci_upper: ci.ok().map(|c| c.upper),
            ci_withheld: ci.err().map(|e| e.code()),
            t: t.ok().map(|t| t.t),
            df: t.ok().map(|t| t.df),
            t_p: t.ok().map(|t| t.p),
            t_withheld: t.err().map(|e| e.code()),
            wilcoxon_statistic: w.ok().map(|w| w.statistic),
            wilcoxon_p: w.ok().map(|w| w.p),
            wilcoxon_method: w.ok().map(|w| match w.method {
                statistics::WilcoxonMethod::Exact => "exact",
                statistics::WilcoxonMethod::ExactWithTies => "exact_with_ties",
                statistics::WilcoxonMethod::NormalApproximation { .. } => "normal_approximation",
            }),
            wilcoxon_withheld: w.err().map(|e| e.code()),
            cohens_dz: change.cohens_dz.ok(),
            cohens_dz_withheld: change.cohens_dz.err().map(|e| e.code()),
        })
    }
}

/// Per scale (the rules' scales and subscales in order, else every scale the scores name),
/// scores `before` paired by subject with scores `after`. A subject with two responses in a
/// round counts with the last one given.
pub fn outcome_change(
    rules: Option<&ScoringRules>,
    language: &str,
    before: &[(i64, Scores)],
    after: &[(i64, Scores)],
) -> Result<Vec<ScaleChange>, InvalidScore> {
    let before: BTreeMap<i64, &Scores> = before.iter().map(|(s, sc)| (*s, sc)).collect();
    let after: BTreeMap<i64, &Scores> = after.iter().map(|(s, sc)| (*s, sc)).collect();
    let mut scales: Vec<(String, Option<String>, String)> = Vec::new();
    match rules {
        Some(rules) => {
            for scale in &rules.scales {
                scales.push((scale.id.clone(), None, label_in(&scale.label, language, &scale.id)));
                for sub in &scale.subscales {
                    scales.push((sub.id.clone(), Some(scale.id.clone()), label_in(&sub.label, language, &sub.id)));
                }
            }
        }
        None => {
            for scores in before.values().chain(after.values()) {
                for s in &scores.scales {
                    if !scales.iter().any(|(id, _, _)| *id == s.id) {
                        scales.push((s.id.clone(), s.parent.clone(), s.id.clone()));
                    }
                }
            }
        }
    }
    let mut subjects: Vec<i64> = before.keys().chain(after.keys()).copied().collect();
    subjects.sort_unstable();
    subjects.dedup();
    let mut out = Vec::new();
    for (id, parent, label) in scales {
        let value = |side: &BTreeMap<i64, &Scores>, subject: i64| {
            side.get(&subject).and_then(|s| s.get(&id)).and_then(|o| o.value())
        };
        let pairs: Vec<Pair> =
            subjects.iter().map(|s| Pair { before: value(&before, *s), after: value(&after, *s) }).collect();
        let unpaired = pairs.iter().filter(|p| p.before.is_some() != p.after.is_some()).count();
        out.push(ScaleChange { scale_id: id, parent, label, unpaired, figures: ChangeFigures::of(&pairs)? });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::definition::import;
    use crate::questionnaires::scoring::{parse_rules, score};

    fn definition() -> Questionnaire {
        let json = serde_json::json!({
            "resourceType": "Questionnaire", "url": "urn:test:eval", "status": "active", "title": "T",
            "item": [
                {"linkId": "benefit", "type": "choice", "text": "Benefit", "answerOption": [
                    {"valueCoding": {"code": "none", "display": "None"}, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1}]},
                    {"valueCoding": {"code": "some", "display": "Some"}, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2}]},
                    {"valueCoding": {"code": "good", "display": "Good"}, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 3}]},
                    {"valueCoding": {"code": "very-good", "display": "Very good"}, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 4}]}
                ]},
                {"linkId": "again", "type": "choice", "text": "Again?", "answerOption": [
                    {"valueCoding": {"code": "yes", "display": "Yes"}}, {"valueCoding": {"code": "no", "display": "No"}}
                ]},
                {"linkId": "liked", "type": "boolean", "text": "Liked"},
                {"linkId": "hours", "type": "integer", "text": "Hours"},
                {"linkId": "comment", "type": "text", "text": "Comment"}
            ]
        });
        import(&json.to_string()).expect("definition")
    }

    fn rules() -> ScoringRules {
        parse_rules(
            r#"{"questionnaire":"urn:test:eval","scales":[{"id":"benefit","label":{"nb":"Nytte","en":"Benefit"},"items":["benefit"],"method":"sum","min":1,"max":4}]}"#,
        )
        .expect("rules")
    }

    fn answer(benefit: &str, again: &str, liked: bool, hours: i64, comment: &str) -> Answers {
        let mut a = Answers::new();
        a.insert("benefit".into(), vec![AnswerValue::Choice(benefit.into())]);
        a.insert("again".into(), vec![AnswerValue::Choice(again.into())]);
        a.insert("liked".into(), vec![AnswerValue::Boolean(liked)]);
        a.insert("hours".into(), vec![AnswerValue::Integer(hours)]);
        if !comment.is_empty() {
            a.insert("comment".into(), vec![AnswerValue::String(comment.into())]);
        }
        a
    }

    fn sample(n: usize) -> (Vec<Answers>, Vec<Scores>) {
        let all = [
            answer("very-good", "yes", true, 2, "Zebra"),
            answer("good", "yes", true, 3, ""),
            answer("some", "no", false, 1, "apple"),
            answer("very-good", "yes", true, 4, "Middle"),
            answer("none", "no", true, 2, "  "),
            answer("good", "yes", false, 5, "Beta"),
        ];
        let d = definition();
        let r = rules();
        let answers: Vec<Answers> = all.into_iter().take(n).collect();
        let scores = answers.iter().map(|a| score(&r, &d, a)).collect();
        (answers, scores)
    }

    #[test]
    fn below_the_threshold_only_the_count_is_given() {
        let (answers, scores) = sample(4);
        let s = summarise(&definition(), Some(&rules()), "nb", true, &answers, &scores);
        assert_eq!(s.responses, 4);
        assert!(!s.shown);
        assert_eq!(s.withheld, Some(Withheld::TooFewResponses));
        assert!(s.items.is_empty() && s.scales.is_empty());
    }

    #[test]
    fn before_the_release_only_the_count_is_given_however_many_answered() {
        let (answers, scores) = sample(5);
        let s = summarise(&definition(), Some(&rules()), "nb", false, &answers, &scores);
        assert_eq!((s.responses, s.released, s.shown), (5, false, false));
        assert_eq!(s.withheld, Some(Withheld::NotReleased));
        assert!(s.items.is_empty() && s.scales.is_empty());
        let (fewer, fewer_scores) = sample(4);
        let before = summarise(&definition(), Some(&rules()), "nb", false, &fewer, &fewer_scores);
        assert_eq!(Summary { responses: 5, ..before }, s, "one more answer changes nothing but the count");
    }

    #[test]
    fn distributions_means_and_shares_are_exact() {
        let (answers, scores) = sample(5);
        let s = summarise(&definition(), Some(&rules()), "en", true, &answers, &scores);
        assert!(s.shown);
        let benefit = &s.items[0];
        assert_eq!(benefit.n, 5);
        let counts: Vec<(&str, usize, Option<f64>)> =
            benefit.options.iter().map(|o| (o.code.as_str(), o.count, o.ordinal)).collect();
        assert_eq!(
            counts,
            vec![("none", 1, Some(1.0)), ("some", 1, Some(2.0)), ("good", 1, Some(3.0)), ("very-good", 2, Some(4.0))]
        );
        let d = benefit.descriptives.as_ref().unwrap();
        assert_eq!(d.mean, Some(14.0 / 5.0));
        let positive = benefit.share_positive.as_ref().unwrap();
        assert_eq!((positive.rule, positive.count, positive.n), (PositiveRule::TopTwo, 3, 5));
        assert_eq!(positive.options, vec!["good".to_string(), "very-good".to_string()]);
        assert_eq!(positive.proportion, 0.6);

        let again = &s.items[1];
        assert!(again.descriptives.is_none());
        assert_eq!(again.share_positive.as_ref().map(|p| (p.rule, p.count)), Some((PositiveRule::Yes, 3)));

        let liked = &s.items[2];
        assert_eq!(liked.options.iter().map(|o| o.count).collect::<Vec<_>>(), vec![4, 1]);
        assert_eq!(liked.share_positive.as_ref().unwrap().proportion, 0.8);

        let hours = &s.items[3];
        assert_eq!(hours.descriptives.as_ref().unwrap().mean, Some(12.0 / 5.0));
        assert_eq!(hours.descriptives.as_ref().unwrap().median, Some(2.0));

        let comment = &s.items[4];
        assert_eq!(comment.n, 4);
        assert_eq!(comment.free_text, vec!["Middle", "Zebra", "apple"]);

        assert_eq!(s.scales.len(), 1);
        assert_eq!(s.scales[0].label, "Benefit");
        assert_eq!(s.scales[0].descriptives.mean, Some(14.0 / 5.0));
    }

    #[test]
    fn three_step_scales_count_the_top_step() {
        let d = Descriptives {
            n: 3,
            mean: None,
            sd: None,
            median: None,
            distribution: vec![
                statistics::ValueCount { value: 1.0, count: 1 },
                statistics::ValueCount { value: 3.0, count: 2 },
            ],
        };
        let (rule, from, share) = positive_by_ordinal([1.0, 2.0, 3.0].into_iter(), &d).unwrap();
        assert_eq!((rule, from, share.count), (PositiveRule::TopOne, 3.0, 2));
    }

    fn scores_of(value: Option<f64>) -> Scores {
        use crate::questionnaires::scoring::{Outcome, ScaleScore};
        let outcome = match value {
            Some(value) => Outcome::Scored { value, answered: 1, missing: 0, band: None },
            None => Outcome::TooManyMissing { answered: 0, missing: 1 },
        };
        Scores { scales: vec![ScaleScore { id: "benefit".into(), parent: None, outcome }] }
    }

    #[test]
    fn outcome_change_pairs_by_subject() {
        let before = vec![
            (1, scores_of(Some(1.0))),
            (2, scores_of(Some(2.0))),
            (3, scores_of(Some(2.0))),
            (4, scores_of(Some(3.0))),
        ];
        // Subject 4 has no end score, subject 5 no before score, subject 3 none usable.
        let after =
            vec![(2, scores_of(Some(4.0))), (1, scores_of(Some(2.0))), (3, scores_of(None)), (5, scores_of(Some(1.0)))];
        let change = outcome_change(Some(&rules()), "nb", &before, &after).unwrap();
        assert_eq!(change.len(), 1);
        let c = &change[0];
        assert_eq!(c.label, "Nytte");
        assert_eq!(c.figures.n, 2);
        assert_eq!(c.unpaired, 3);
        assert_eq!(c.figures.mean_change, Some(1.5));
        assert_eq!(c.figures.mean_before, Some(1.5));
        assert_eq!(c.figures.mean_after, Some(3.0));
        let direct = paired_change(&[
            Pair { before: Some(1.0), after: Some(2.0) },
            Pair { before: Some(2.0), after: Some(4.0) },
        ])
        .unwrap();
        assert_eq!(c.figures.t, direct.t_test.ok().map(|t| t.t));
        assert_eq!(c.figures.cohens_dz, direct.cohens_dz.ok());
    }

    #[test]
    fn withheld_figures_carry_their_reason() {
        let before = vec![(1, scores_of(Some(1.0)))];
        let after = vec![(1, scores_of(Some(2.0)))];
        let c = &outcome_change(None, "nb", &before, &after).unwrap()[0];
        assert_eq!(c.figures.n, 1);
        assert_eq!(c.figures.t, None);
        assert_eq!(c.figures.t_withheld, Some("statistics-too-few-pairs"));
        assert_eq!(c.figures.ci_withheld, Some("statistics-too-few-pairs"));
    }
}
