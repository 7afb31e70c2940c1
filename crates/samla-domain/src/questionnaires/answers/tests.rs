use super::*;
use crate::questionnaires::definition::{import_value, MAX_VALUE_URL, MIN_VALUE_URL};
use serde_json::json;

fn definition() -> Questionnaire {
    import_value(&json!({
        "resourceType": "Questionnaire",
        "url": "urn:samla:questionnaire:test",
        "title": "Test",
        "status": "active",
        "item": [
            { "linkId": "intro", "type": "display", "text": "Welcome" },
            { "linkId": "heard", "type": "choice", "text": "How did you hear?", "repeats": true, "answerOption": [
                { "valueCoding": { "code": "gp", "display": "GP" } },
                { "valueCoding": { "code": "other", "display": "Other" } }
            ] },
            { "linkId": "heard-other", "type": "string", "text": "Describe", "required": true, "maxLength": 10,
              "enableWhen": [{ "question": "heard", "operator": "=", "answerCoding": { "code": "other" } }] },
            { "linkId": "age", "type": "integer", "text": "Age", "required": true,
              "extension": [{ "url": MIN_VALUE_URL, "valueInteger": 18 }, { "url": MAX_VALUE_URL, "valueInteger": 120 }] },
            { "linkId": "weight", "type": "decimal", "text": "Weight",
              "extension": [{ "url": MIN_VALUE_URL, "valueDecimal": 0.5 }] },
            { "linkId": "relative", "type": "boolean", "text": "Relative?" },
            { "linkId": "about", "type": "group", "text": "About the person you are close to",
              "enableWhen": [{ "question": "relative", "operator": "=", "answerBoolean": true }],
              "item": [
                { "linkId": "since", "type": "date", "text": "Since when?", "required": true },
                { "linkId": "story", "type": "text", "text": "Tell us", "required": true,
                  "enableWhen": [{ "question": "since", "operator": "<", "answerDate": "2020-01-01" }] }
              ] },
            { "linkId": "comments", "type": "text", "text": "Comments" }
        ]
    }))
    .unwrap()
}

fn answers(pairs: &[(&str, Vec<AnswerValue>)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn problems(answers: &Answers) -> Vec<(String, &'static str)> {
    match validate_answers(&definition(), answers) {
        Ok(()) => Vec::new(),
        Err(problems) => problems.into_iter().map(|p| (p.path, p.code.as_str())).collect(),
    }
}

fn date(raw: &str) -> AnswerValue {
    AnswerValue::Date(NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap())
}

use AnswerValue::{Boolean, Choice, Decimal, Integer};

fn text(raw: &str) -> AnswerValue {
    AnswerValue::String(raw.into())
}

#[test]
fn a_complete_response_passes() {
    let given = answers(&[
        ("heard", vec![Choice("gp".into()), Choice("other".into())]),
        ("heard-other", vec![text("A poster")]),
        ("age", vec![Integer(44)]),
        ("weight", vec![Decimal(0.5)]),
        ("relative", vec![Boolean(true)]),
        ("since", vec![date("2019-03-01")]),
        ("story", vec![text("Line one\nline two")]),
        ("comments", vec![]),
    ]);
    assert_eq!(problems(&given), []);
}

#[test]
fn required_counts_only_where_the_item_is_shown() {
    assert_eq!(problems(&answers(&[("age", vec![Integer(30)])])), []);
    let other = answers(&[("heard", vec![Choice("other".into())]), ("age", vec![Integer(30)])]);
    assert_eq!(problems(&other), [("heard-other".to_string(), "error-answer-required")]);
    let relative = answers(&[("relative", vec![Boolean(true)])]);
    assert_eq!(
        problems(&relative),
        [("age".to_string(), "error-answer-required"), ("since".to_string(), "error-answer-required")]
    );
    let recent =
        answers(&[("age", vec![Integer(30)]), ("relative", vec![Boolean(true)]), ("since", vec![date("2021-05-01")])]);
    assert_eq!(problems(&recent), []);
    let long_ago =
        answers(&[("age", vec![Integer(30)]), ("relative", vec![Boolean(true)]), ("since", vec![date("2010-05-01")])]);
    assert_eq!(problems(&long_ago), [("story".to_string(), "error-answer-required")]);
}

#[test]
fn answers_to_hidden_items_are_problems_and_can_be_dropped() {
    let given = answers(&[
        ("age", vec![Integer(30)]),
        ("heard", vec![Choice("gp".into())]),
        ("heard-other", vec![text("typed anyway")]),
        ("relative", vec![Boolean(false)]),
        ("since", vec![date("2010-01-01")]),
        ("story", vec![text("also typed")]),
    ]);
    assert_eq!(
        problems(&given),
        [
            ("heard-other".to_string(), "error-answer-not-enabled"),
            ("since".to_string(), "error-answer-not-enabled"),
            ("story".to_string(), "error-answer-not-enabled"),
        ]
    );
    let kept = drop_disabled(&definition(), &given);
    assert_eq!(kept.keys().map(String::as_str).collect::<Vec<_>>(), ["age", "heard", "relative"]);
    assert_eq!(problems(&kept), []);
}

#[test]
fn a_hidden_question_hides_what_depends_on_it() {
    let q = definition();
    let given = answers(&[("relative", vec![Boolean(false)]), ("since", vec![date("2010-01-01")])]);
    let shown = enabled_items(&q, &given);
    assert!(!shown.contains("since"));
    assert!(!shown.contains("story"), "story depends on since, which is hidden");
    assert!(shown.contains("comments") && shown.contains("intro"));
}

#[test]
fn values_out_of_range_of_the_wrong_type_or_unknown() {
    let given = answers(&[
        ("intro", vec![text("no")]),
        ("heard", vec![Choice("radio".into()), Choice("gp".into()), Choice("gp".into())]),
        ("age", vec![Integer(17), Integer(30)]),
        ("weight", vec![Decimal(0.25)]),
        ("relative", vec![text("yes")]),
        ("comments", vec![text("   ")]),
        ("unknown", vec![Boolean(true)]),
    ]);
    assert_eq!(
        problems(&given),
        [
            ("intro".to_string(), "error-answer-not-a-question"),
            ("heard".to_string(), "error-answer-unknown-option"),
            ("heard".to_string(), "error-answer-duplicate"),
            ("age".to_string(), "error-answer-repeats"),
            ("age".to_string(), "error-answer-below-min"),
            ("weight".to_string(), "error-answer-below-min"),
            ("relative".to_string(), "error-answer-type"),
            ("comments".to_string(), "error-answer-empty"),
            ("unknown".to_string(), "error-answer-unknown-item"),
        ]
    );
    let over = validate_answers(&definition(), &answers(&[("age", vec![Integer(121)])])).unwrap_err();
    assert_eq!(over[0].code, ProblemCode::AnswerAboveMax);
    assert_eq!(over[0].arg("max"), Some("120"));
}

#[test]
fn text_answers_keep_to_their_length_and_lines() {
    let base = [("age", vec![Integer(30)]), ("heard", vec![Choice("other".into())])];
    let with = |other: AnswerValue, comments: AnswerValue| {
        let mut given = answers(&base);
        given.insert("heard-other".into(), vec![other]);
        given.insert("comments".into(), vec![comments]);
        problems(&given)
    };
    assert_eq!(with(text("ten chars!"), text(&"x".repeat(TEXT_DEFAULT_MAX_CHARS))), []);
    assert_eq!(
        with(text("eleven char"), text(&"x".repeat(TEXT_DEFAULT_MAX_CHARS + 1))),
        [("heard-other".to_string(), "error-answer-too-long"), ("comments".to_string(), "error-answer-too-long")]
    );
    assert_eq!(
        with(text("two\nlines"), text("tab\tand\r\nbreaks are fine\u{7}")),
        [
            ("heard-other".to_string(), "error-answer-invalid-characters"),
            ("comments".to_string(), "error-answer-invalid-characters")
        ]
    );
}

#[test]
fn text_answers_follow_the_text_rule() {
    let base = [("age", vec![Integer(30)]), ("heard", vec![Choice("other".into())])];
    let with = |other: &str, comments: &str| {
        let mut given = answers(&base);
        given.insert("heard-other".into(), vec![text(other)]);
        given.insert("comments".into(), vec![text(comments)]);
        (problems(&given), normalise_texts(&given))
    };
    let (found, stored) = with("\u{a0}Annet\u{a0}", "\r\nFørste\r\nandre\rtredje\u{2029}");
    assert_eq!(found, []);
    assert_eq!(stored["heard-other"], vec![text("Annet")]);
    assert_eq!(stored["comments"], vec![text("Første\nandre\ntredje")]);
    assert_eq!(stored["age"], vec![Integer(30)]);
    let (found, _) = with("Annet\u{2029}", "a\u{b}b\u{c}");
    assert_eq!(
        found,
        [
            ("heard-other".to_string(), "error-answer-invalid-characters"),
            ("comments".to_string(), "error-answer-invalid-characters")
        ]
    );
    let (found, _) = with("\u{a0}", "\u{3000}\r\n");
    assert_eq!(
        found,
        [("heard-other".to_string(), "error-answer-empty"), ("comments".to_string(), "error-answer-empty")]
    );
}

#[test]
fn conditions_follow_the_r4_operators() {
    let q = import_value(&json!({
        "resourceType": "Questionnaire", "url": "urn:x", "title": "T", "status": "active",
        "item": [
            { "linkId": "n", "type": "integer", "text": "N" },
            { "linkId": "gt", "type": "boolean", "text": "gt", "enableWhen": [{ "question": "n", "operator": ">", "answerInteger": 5 }] },
            { "linkId": "ne", "type": "boolean", "text": "ne", "enableWhen": [{ "question": "n", "operator": "!=", "answerInteger": 5 }] },
            { "linkId": "none", "type": "boolean", "text": "none", "enableWhen": [{ "question": "n", "operator": "exists", "answerBoolean": false }] },
            { "linkId": "any", "type": "boolean", "text": "any", "enableBehavior": "any", "enableWhen": [
                { "question": "n", "operator": "<=", "answerInteger": 1 }, { "question": "n", "operator": ">=", "answerInteger": 9 }
            ] },
            { "linkId": "all", "type": "boolean", "text": "all", "enableBehavior": "all", "enableWhen": [
                { "question": "n", "operator": ">=", "answerInteger": 1 }, { "question": "n", "operator": "<", "answerInteger": 9 }
            ] }
        ]
    }))
    .unwrap();
    let shown = |n: Option<i64>| {
        let given: Answers = n.map(|n| ("n".to_string(), vec![Integer(n)])).into_iter().collect();
        let mut ids: Vec<&str> = enabled_items(&q, &given).into_iter().filter(|id| *id != "n").collect();
        ids.sort();
        ids.join(" ")
    };
    assert_eq!(shown(None), "none");
    assert_eq!(shown(Some(5)), "all");
    assert_eq!(shown(Some(6)), "all gt ne");
    assert_eq!(shown(Some(9)), "any gt ne");
    assert_eq!(shown(Some(1)), "all any ne");
}

#[test]
fn answers_serialise_with_their_type() {
    let value = serde_json::to_value(Choice("gp".into())).unwrap();
    assert_eq!(value, json!({ "type": "choice", "value": "gp" }));
    let back: AnswerValue = serde_json::from_value(json!({ "type": "date", "value": "2024-05-01" })).unwrap();
    assert_eq!(back, date("2024-05-01"));
}
