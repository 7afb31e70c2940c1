//! The item tree's problems, each found with its path, all in one pass.

use super::*;
use serde_json::{json, Value};

fn with_items(items: Value) -> Value {
    json!({
        "resourceType": "Questionnaire",
        "url": "urn:samla:questionnaire:test",
        "title": "Test",
        "status": "draft",
        "item": items
    })
}

fn problems(items: Value) -> Vec<(String, &'static str)> {
    import_value(&with_items(items)).unwrap_err().into_iter().map(|p| (p.path, p.code.as_str())).collect()
}

fn options(codes: &[&str]) -> Value {
    Value::Array(
        codes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                json!({
                    "valueCoding": { "code": c, "display": c.to_uppercase() },
                    "extension": [{ "url": ORDINAL_VALUE_URL, "valueDecimal": i }]
                })
            })
            .collect(),
    )
}

fn expect(found: Vec<(String, &'static str)>, expected: &[(&str, &str)]) {
    let expected: Vec<(String, &str)> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(found, expected);
}

#[test]
fn item_types_links_and_structure() {
    let found = problems(json!([
        { "linkId": "a", "type": "slider", "text": "A" },
        { "linkId": "b", "type": "open-choice", "text": "B" },
        { "linkId": "a", "type": "string", "text": "Again" },
        { "linkId": "g", "type": "group", "text": "Empty" },
        { "linkId": "d", "type": "display", "text": "Note", "required": true, "repeats": true },
        { "linkId": "c", "type": "choice", "text": "C" },
        { "linkId": "s", "type": "string", "text": "S", "item": [{ "linkId": "s1", "type": "string", "text": "x" }] },
        { "type": "integer" },
        { "linkId": "n", "type": "integer", "text": "N", "repeats": true, "requried": true }
    ]));
    expect(
        found,
        &[
            ("item[0].type", "error-questionnaire-item-type-unknown"),
            ("item[1].type", "error-questionnaire-item-type-unsupported"),
            ("item[2].linkId", "error-questionnaire-link-id-duplicate"),
            ("item[3]", "error-questionnaire-group-without-items"),
            ("item[4].required", "error-questionnaire-required-not-allowed"),
            ("item[4].repeats", "error-questionnaire-repeats-not-allowed"),
            ("item[5]", "error-questionnaire-choice-without-options"),
            ("item[6].item", "error-questionnaire-children-not-allowed"),
            ("item[7].linkId", "error-questionnaire-missing"),
            ("item[7].text", "error-questionnaire-missing"),
            ("item[8].requried", "error-questionnaire-unknown-property"),
            ("item[8].repeats", "error-questionnaire-repeats-not-allowed"),
        ],
    );
}

#[test]
fn nested_paths_name_the_exact_option() {
    let found = problems(json!([
        { "linkId": "g", "type": "group", "item": [
            { "linkId": "q", "type": "choice", "text": "Q", "answerOption": [
                { "valueCoding": { "code": "x", "display": "X" } },
                { "valueCoding": { "code": "y", "display": "Y" },
                  "extension": [{ "url": ORDINAL_VALUE_URL, "valueString": "three" }] },
                { "valueCoding": { "code": "x", "display": "X again" } },
                { "valueInteger": 3 },
                { "valueCoding": { "code": "z" } },
                { "valueCoding": { "code": "w", "display": "W",
                    "extension": [{ "url": ORDINAL_VALUE_URL, "valueDecimal": 2 }] },
                  "extension": [{ "url": ORDINAL_VALUE_URL, "valueDecimal": 1 }] }
            ] }
        ] }
    ]));
    expect(
        found,
        &[
            ("item[0].item[0].answerOption[1].extension[0]", "error-questionnaire-ordinal-not-number"),
            ("item[0].item[0].answerOption[2].valueCoding.code", "error-questionnaire-option-code-duplicate"),
            ("item[0].item[0].answerOption[3].valueInteger", "error-questionnaire-unsupported"),
            ("item[0].item[0].answerOption[4].valueCoding.display", "error-questionnaire-missing"),
            ("item[0].item[0].answerOption[5]", "error-questionnaire-ordinal-conflict"),
        ],
    );
}

#[test]
fn ordinal_on_the_coding_is_read_too() {
    let q = import_value(&with_items(json!([{ "linkId": "q", "type": "choice", "text": "Q", "answerOption": [
        { "valueCoding": { "code": "a", "display": "A",
            "extension": [{ "url": ORDINAL_VALUE_URL, "valueInteger": 4 }] } }
    ] }])))
    .unwrap();
    assert_eq!(q.items[0].option("a").unwrap().ordinal, Some(4.0));
}

#[test]
fn enable_when_points_back_to_a_question_of_the_right_type() {
    let found = problems(json!([
        { "linkId": "yes", "type": "boolean", "text": "Yes?" },
        { "linkId": "pick", "type": "choice", "text": "Pick", "answerOption": options(&["a", "b"]) },
        { "linkId": "info", "type": "display", "text": "Info" },
        { "linkId": "age", "type": "integer", "text": "Age" },
        { "linkId": "q1", "type": "string", "text": "1", "enableWhen": [
            { "question": "later", "operator": "exists", "answerBoolean": true },
            { "question": "nowhere", "operator": "exists", "answerBoolean": true },
            { "question": "q1", "operator": "exists", "answerBoolean": true }
        ], "enableBehavior": "any" },
        { "linkId": "q2", "type": "string", "text": "2", "enableWhen": [
            { "question": "info", "operator": "exists", "answerBoolean": true },
            { "question": "yes", "operator": ">", "answerBoolean": true },
            { "question": "age", "operator": ">=", "answerDecimal": 1.5 },
            { "question": "pick", "operator": "=", "answerCoding": { "code": "c" } },
            { "question": "pick", "operator": "exists", "answerString": "a" },
            { "question": "age", "operator": "~", "answerInteger": 3 },
            { "question": "age", "operator": "=" },
            { "question": "age", "operator": "=", "answerInteger": 1, "answerDecimal": 1 }
        ] },
        { "linkId": "later", "type": "string", "text": "Later" }
    ]));
    expect(
        found,
        &[
            ("item[4].enableWhen[0].question", "error-questionnaire-enable-when-later-question"),
            ("item[4].enableWhen[1].question", "error-questionnaire-enable-when-unknown-question"),
            ("item[4].enableWhen[2].question", "error-questionnaire-enable-when-later-question"),
            ("item[5].enableWhen[0].question", "error-questionnaire-enable-when-not-a-question"),
            ("item[5].enableWhen[1].operator", "error-questionnaire-enable-when-operator"),
            ("item[5].enableWhen[2].answerDecimal", "error-questionnaire-enable-when-answer-type"),
            ("item[5].enableWhen[3].answerCoding", "error-questionnaire-enable-when-unknown-option"),
            ("item[5].enableWhen[4].answerString", "error-questionnaire-enable-when-answer-type"),
            ("item[5].enableWhen[5].operator", "error-questionnaire-code-not-allowed"),
            ("item[5].enableWhen[6].answer[x]", "error-questionnaire-missing"),
            ("item[5].enableWhen[7].answer[x]", "error-questionnaire-several-values"),
            ("item[5].enableBehavior", "error-questionnaire-missing"),
        ],
    );
}

#[test]
fn a_question_inside_a_group_may_depend_on_one_before_the_group() {
    let q = import_value(&with_items(json!([
        { "linkId": "relative", "type": "boolean", "text": "Relative?" },
        { "linkId": "g", "type": "group", "enableWhen": [{ "question": "relative", "operator": "=", "answerBoolean": true }],
          "item": [{ "linkId": "who", "type": "string", "text": "Who?",
                     "enableWhen": [{ "question": "relative", "operator": "exists", "answerBoolean": true }] }] }
    ])))
    .unwrap();
    assert_eq!(q.items_in_order().len(), 3);
    let found = problems(json!([
        { "linkId": "g", "type": "group", "item": [
            { "linkId": "inner", "type": "string", "text": "x", "enableWhen": [{ "question": "g", "operator": "exists", "answerBoolean": true }] }
        ] }
    ]));
    expect(found, &[("item[0].item[0].enableWhen[0].question", "error-questionnaire-enable-when-not-a-question")]);
}

#[test]
fn bounds_belong_to_numbers_and_lengths_to_text() {
    let min = |value: Value| json!({ "url": MIN_VALUE_URL, "valueInteger": value });
    let found = problems(json!([
        { "linkId": "a", "type": "integer", "text": "A", "extension": [min(json!(5)), { "url": MAX_VALUE_URL, "valueInteger": 1 }] },
        { "linkId": "b", "type": "string", "text": "B", "extension": [min(json!(1))] },
        { "linkId": "c", "type": "decimal", "text": "C", "extension": [min(json!(1))] },
        { "linkId": "d", "type": "integer", "text": "D", "extension": [min(json!(1.5)), min(json!(1))] },
        { "linkId": "e", "type": "boolean", "text": "E", "maxLength": 3 },
        { "linkId": "f", "type": "text", "text": "F", "maxLength": 0 },
        { "linkId": "g", "type": "string", "text": "G", "extension": [{ "valueInteger": 1 }], "readOnly": true },
        { "linkId": "h", "type": "choice", "text": "H", "answerValueSet": "http://example.org/vs" }
    ]));
    expect(
        found,
        &[
            ("item[0]", "error-questionnaire-min-above-max"),
            ("item[1].extension[0]", "error-questionnaire-bound-not-allowed"),
            ("item[2].extension[0].valueInteger", "error-questionnaire-extension-value-type"),
            ("item[3].extension[0].valueInteger", "error-questionnaire-wrong-json-type"),
            ("item[4].maxLength", "error-questionnaire-bound-not-allowed"),
            ("item[5].maxLength", "error-questionnaire-max-length"),
            ("item[6].readOnly", "error-questionnaire-unsupported"),
            ("item[6].extension[0].url", "error-questionnaire-missing"),
            ("item[7].answerValueSet", "error-questionnaire-unsupported"),
        ],
    );
}

#[test]
fn a_second_bound_of_the_same_kind_is_refused() {
    let found = problems(json!([
        { "linkId": "a", "type": "decimal", "text": "A", "extension": [
            { "url": MAX_VALUE_URL, "valueDecimal": 2.5 },
            { "url": MAX_VALUE_URL, "valueDecimal": 3.5 },
            { "url": "http://example.org/other", "valueString": "ignored" }
        ] }
    ]));
    expect(found, &[("item[0].extension[1]", "error-questionnaire-several-values")]);
}

#[test]
fn wrong_json_types_are_named_not_fatal() {
    let found = problems(json!([
        "not an item",
        { "linkId": 7, "type": "string", "text": ["x"], "required": "yes" },
        { "linkId": "ok", "type": "group", "item": {} }
    ]));
    expect(
        found,
        &[
            ("item[0]", "error-questionnaire-wrong-json-type"),
            ("item[1].linkId", "error-questionnaire-wrong-json-type"),
            ("item[1].text", "error-questionnaire-wrong-json-type"),
            ("item[1].required", "error-questionnaire-wrong-json-type"),
            ("item[2].item", "error-questionnaire-wrong-json-type"),
        ],
    );
}

#[test]
fn a_full_item_reads_into_its_kind() {
    let q = import_value(&with_items(json!([
        { "linkId": "n", "type": "integer", "text": "N", "required": true,
          "extension": [{ "url": MIN_VALUE_URL, "valueInteger": 0 }, { "url": MAX_VALUE_URL, "valueInteger": 10 }] },
        { "linkId": "t", "type": "text", "text": "T", "maxLength": 200, "prefix": "2.",
          "enableWhen": [{ "question": "n", "operator": ">", "answerInteger": 5 }] },
        { "linkId": "d", "type": "date", "text": "D",
          "enableWhen": [{ "question": "n", "operator": "<=", "answerInteger": 5 }, { "question": "t", "operator": "exists", "answerBoolean": false }],
          "enableBehavior": "all" }
    ])))
    .unwrap();
    assert_eq!(q.items[0].kind, ItemKind::Integer { min: Some(0), max: Some(10) });
    assert!(q.items[0].required);
    assert_eq!(q.items[1].kind, ItemKind::Text { max_length: Some(200) });
    assert_eq!(
        q.items[1].enable_when,
        vec![EnableWhen { question: "n".into(), operator: Operator::Greater, answer: EnableAnswer::Integer(5) }]
    );
    assert_eq!(q.items[2].enable_behavior, Some(EnableBehavior::All));
}
