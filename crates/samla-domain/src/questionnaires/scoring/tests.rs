//! Scores computed by hand and compared, and rules checked against a definition.

use super::*;
use crate::questionnaires::answers::{AnswerValue, Answers};
use crate::questionnaires::definition::{import_value, Questionnaire, MAX_VALUE_URL, MIN_VALUE_URL, ORDINAL_VALUE_URL};
use crate::questionnaires::problem::ProblemCode;
use serde_json::{json, Value};

/// Four 0–2 choices (never, sometimes, often), a 1–10 integer, a decimal without bounds,
/// a text and a repeating choice.
fn definition() -> Questionnaire {
    let frequency = |link_id: &str| {
        let options: Vec<Value> = ["never", "sometimes", "often"]
            .iter()
            .enumerate()
            .map(|(i, code)| {
                json!({ "valueCoding": { "code": code, "display": code },
                        "extension": [{ "url": ORDINAL_VALUE_URL, "valueDecimal": i }] })
            })
            .collect();
        json!({ "linkId": link_id, "type": "choice", "text": link_id, "answerOption": options })
    };
    import_value(&json!({
        "resourceType": "Questionnaire", "url": "urn:samla:questionnaire:test", "title": "T", "status": "active",
        "item": [
            { "linkId": "g", "type": "group", "item": [frequency("q1"), frequency("q2"), frequency("q3"), frequency("q4")] },
            { "linkId": "n", "type": "integer", "text": "n",
              "extension": [{ "url": MIN_VALUE_URL, "valueInteger": 1 }, { "url": MAX_VALUE_URL, "valueInteger": 10 }] },
            { "linkId": "d", "type": "decimal", "text": "d" },
            { "linkId": "t", "type": "text", "text": "t" },
            { "linkId": "many", "type": "choice", "text": "many", "repeats": true, "answerOption": [
                { "valueCoding": { "code": "a", "display": "A" }, "extension": [{ "url": ORDINAL_VALUE_URL, "valueDecimal": 1 }] }
            ] },
            { "linkId": "plain", "type": "choice", "text": "plain", "answerOption": [
                { "valueCoding": { "code": "a", "display": "A" } }
            ] }
        ]
    }))
    .unwrap()
}

fn rules() -> ScoringRules {
    import_rules(
        &json!({
            "questionnaire": "urn:samla:questionnaire:test",
            "scales": [{
                "id": "total",
                "label": { "nb": "Totalt", "en": "Total" },
                "items": ["q1", "q2", "q3", "q4"],
                "method": "sum",
                "min": 0, "max": 2,
                "reverse": ["q3"],
                "max_missing": 1,
                "bands": [
                    { "code": "low", "label": { "en": "Low" }, "from": 0 },
                    { "code": "raised", "label": { "en": "Raised" }, "from": 5 },
                    { "code": "high", "label": { "en": "High" }, "from": 7 }
                ],
                "subscales": [
                    { "id": "first", "label": { "en": "First" }, "items": ["q1", "q2"], "method": "mean", "max_missing": 1 },
                    { "id": "second", "label": { "en": "Second" }, "items": ["q3", "q4"], "method": "sum" }
                ]
            }]
        })
        .to_string(),
        &definition(),
    )
    .unwrap()
}

fn answers(codes: &[(&str, &str)]) -> Answers {
    codes.iter().map(|(id, code)| (id.to_string(), vec![AnswerValue::Choice(code.to_string())])).collect()
}

fn scored(value: f64, answered: usize, missing: usize, band: Option<&str>) -> Outcome {
    Outcome::Scored { value, answered, missing, band: band.map(str::to_string) }
}

#[test]
fn reverse_scored_items_count_from_the_other_end() {
    // q1 often (2) + q2 sometimes (1) + q3 never reversed (2 - 0 = 2) + q4 often (2) = 7.
    let given = answers(&[("q1", "often"), ("q2", "sometimes"), ("q3", "never"), ("q4", "often")]);
    let scores = score(&rules(), &definition(), &given);
    assert_eq!(scores.get("total"), Some(&scored(7.0, 4, 0, Some("high"))));
    assert_eq!(scores.get("first"), Some(&scored(1.5, 2, 0, None)));
    assert_eq!(scores.get("second"), Some(&scored(4.0, 2, 0, None)));
    assert_eq!(scores.scales[1].parent.as_deref(), Some("total"));
    // q3 often counts 0.
    let given = answers(&[("q1", "never"), ("q2", "never"), ("q3", "often"), ("q4", "never")]);
    assert_eq!(score(&rules(), &definition(), &given).get("total"), Some(&scored(0.0, 4, 0, Some("low"))));
}

#[test]
fn one_missing_item_is_prorated() {
    // q1 2 + q2 2 + q3 reversed 2 - 1 = 1 → 5 of three items; × 4 / 3 = 6.67, in "raised".
    let given = answers(&[("q1", "often"), ("q2", "often"), ("q3", "sometimes")]);
    let scores = score(&rules(), &definition(), &given);
    let Some(Outcome::Scored { value, answered: 3, missing: 1, band: Some(band) }) = scores.get("total") else {
        panic!("{scores:?}")
    };
    assert!((value - 20.0 / 3.0).abs() < 1e-12);
    assert_eq!(band, "raised");
    // The subscale without q4 allows no missing item.
    assert_eq!(scores.get("second"), Some(&Outcome::TooManyMissing { answered: 1, missing: 1 }));
    // A mean prorates as the mean of what was answered.
    let given = answers(&[("q1", "often")]);
    assert_eq!(score(&rules(), &definition(), &given).get("first"), Some(&scored(2.0, 1, 1, None)));
}

#[test]
fn too_many_missing_gives_no_score() {
    let given = answers(&[("q1", "often"), ("q2", "often")]);
    let scores = score(&rules(), &definition(), &given);
    assert_eq!(scores.get("total"), Some(&Outcome::TooManyMissing { answered: 2, missing: 2 }));
    assert_eq!(scores.get("total").and_then(Outcome::value), None);
    let none = score(&rules(), &definition(), &Answers::new());
    assert_eq!(none.get("first"), Some(&Outcome::TooManyMissing { answered: 0, missing: 2 }));
}

#[test]
fn a_band_starts_at_its_cut_off() {
    // 1 + 1 + (2 - 1) + 2 = 5: exactly the cut-off of "raised".
    let given = answers(&[("q1", "sometimes"), ("q2", "sometimes"), ("q3", "sometimes"), ("q4", "often")]);
    assert_eq!(score(&rules(), &definition(), &given).get("total"), Some(&scored(5.0, 4, 0, Some("raised"))));
    // 4 is just below it.
    let given = answers(&[("q1", "sometimes"), ("q2", "never"), ("q3", "sometimes"), ("q4", "often")]);
    assert_eq!(score(&rules(), &definition(), &given).get("total"), Some(&scored(4.0, 4, 0, Some("low"))));
}

#[test]
fn answers_that_cannot_count_are_missing() {
    let mut given = answers(&[("q1", "often"), ("q2", "unknown-code"), ("q3", "never"), ("q4", "often")]);
    given.insert("q1".into(), vec![AnswerValue::Choice("often".into()), AnswerValue::Choice("never".into())]);
    let scores = score(&rules(), &definition(), &given);
    assert_eq!(scores.get("total"), Some(&Outcome::TooManyMissing { answered: 2, missing: 2 }));
}

#[test]
fn integer_items_count_their_value_and_out_of_range_values_are_missing() {
    let rules: ScoringRules = serde_json::from_value(json!({
        "questionnaire": "urn:samla:questionnaire:test",
        "scales": [{ "id": "n", "label": { "en": "N" }, "items": ["n"], "method": "sum", "min": 1, "max": 10, "reverse": ["n"] }]
    }))
    .unwrap();
    assert_eq!(validate_rules(&rules, &definition()), Ok(()));
    let given: Answers = [("n".to_string(), vec![AnswerValue::Integer(3)])].into();
    assert_eq!(score(&rules, &definition(), &given).get("n"), Some(&scored(8.0, 1, 0, None)));
    let given: Answers = [("n".to_string(), vec![AnswerValue::Integer(11)])].into();
    assert_eq!(score(&rules, &definition(), &given).get("n").and_then(Outcome::value), None);
}

#[test]
fn every_problem_with_the_rules_is_listed_with_its_path() {
    let bad: ScoringRules = serde_json::from_value(json!({
        "questionnaire": "urn:samla:questionnaire:other",
        "scales": [
            {
                "id": "Total",
                "label": {},
                "items": ["q1", "q1", "nope", "n", "d", "t", "many", "plain"],
                "method": "mean",
                "min": 0, "max": 2,
                "reverse": ["q2"],
                "max_missing": 8,
                "bands": [
                    { "code": "b", "label": { "en": "B" }, "from": 1 },
                    { "code": "b", "label": { "en": " " }, "from": 1 },
                    { "code": "c", "label": { "en": "C" }, "from": 3 }
                ],
                "subscales": [{ "id": "sub", "label": { "en": "Sub" }, "items": ["q2"], "method": "sum" }]
            },
            { "id": "sub", "label": { "en": "Again" }, "items": [], "method": "sum", "min": 2, "max": 2 }
        ]
    }))
    .unwrap();
    let found: Vec<(String, &str)> =
        validate_rules(&bad, &definition()).unwrap_err().into_iter().map(|p| (p.path, p.code.as_str())).collect();
    let expected = [
        ("questionnaire", "error-scoring-questionnaire"),
        ("scales[0].id", "error-scoring-id"),
        ("scales[0].label", "error-scoring-label"),
        ("scales[0].items[1]", "error-scoring-item-duplicate"),
        ("scales[0].items[2]", "error-scoring-unknown-item"),
        ("scales[0].items[3]", "error-scoring-item-out-of-range"),
        ("scales[0].items[4]", "error-scoring-item-unbounded"),
        ("scales[0].items[5]", "error-scoring-item-not-numeric"),
        ("scales[0].items[6]", "error-scoring-item-repeats"),
        ("scales[0].items[7]", "error-scoring-item-not-numeric"),
        ("scales[0].reverse[0]", "error-scoring-reverse-not-in-scale"),
        ("scales[0].max_missing", "error-scoring-missing-too-many"),
        ("scales[0].bands[1].code", "error-scoring-id-duplicate"),
        ("scales[0].bands[1].label", "error-scoring-label"),
        ("scales[0].bands[1].from", "error-scoring-band-order"),
        ("scales[0].bands[2].from", "error-scoring-band-out-of-range"),
        ("scales[0].subscales[0].items[0]", "error-scoring-subscale-item"),
        ("scales[1].id", "error-scoring-id-duplicate"),
        ("scales[1].min", "error-scoring-min-above-max"),
        ("scales[1].items", "error-scoring-no-items"),
    ];
    assert_eq!(found, expected.map(|(p, c)| (p.to_string(), c)));
}

#[test]
fn rules_that_do_not_fit_the_format_name_where() {
    let error = parse_rules(r#"{ "questionnaire": "x", "scales": [{ "id": "a", "method": "median" }] }"#).unwrap_err();
    assert_eq!(error.len(), 1);
    assert_eq!(error[0].code, ProblemCode::ScoringJson);
    assert_eq!(error[0].path, "scales[0].method");
    let error = parse_rules(r#"{ "questionnaire": "x", "scales": [], "extra": 1 }"#).unwrap_err();
    assert_eq!(error[0].code, ProblemCode::ScoringJson);
    let error = import_rules(r#"{ "questionnaire": "urn:samla:questionnaire:test", "scales": [] }"#, &definition());
    assert_eq!(error.unwrap_err()[0].code, ProblemCode::ScoringNoScales);
}

#[test]
fn rules_survive_a_json_round_trip() {
    let rules = rules();
    let back = parse_rules(&serde_json::to_string(&rules).unwrap()).unwrap();
    assert_eq!(back, rules);
}
