use super::*;
use crate::questionnaires::answers::AnswerValue;
use crate::questionnaires::definition::import;

fn definition() -> Questionnaire {
    let option = |code: &str, display: &str, ordinal: u32| serde_json::json!({"valueCoding": {"code": code, "display": display}, "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": ordinal}]});
    let json = serde_json::json!({
        "resourceType": "Questionnaire", "url": "urn:test:evaluation", "status": "active", "title": "Evaluering",
        "item": [
            {"linkId": "benefit", "type": "choice", "text": "Nytte", "answerOption": [
                option("none", "Ingen", 1), option("some", "Noe", 2), option("much", "Mye", 3), option("very", "Svært mye", 4)
            ]},
            {"linkId": "again", "type": "boolean", "text": "Igjen?"},
            {"linkId": "topics", "type": "choice", "text": "Tema", "repeats": true, "answerOption": [
                {"valueCoding": {"code": "a", "display": "A"}}, {"valueCoding": {"code": "b", "display": "B"}}
            ]},
            {"linkId": "hours", "type": "integer", "text": "Timer"},
            {"linkId": "comment", "type": "text", "text": "Kommentar"}
        ]
    });
    import(&json.to_string()).expect("a definition")
}

fn answer(benefit: &str, again: bool, comment: &str) -> Answers {
    let mut answers = Answers::new();
    answers.insert("benefit".into(), vec![AnswerValue::Choice(benefit.into())]);
    answers.insert("again".into(), vec![AnswerValue::Boolean(again)]);
    answers.insert("topics".into(), vec![AnswerValue::Choice("a".into()), AnswerValue::Choice("b".into())]);
    answers.insert("hours".into(), vec![AnswerValue::Integer(2)]);
    answers.insert("comment".into(), vec![AnswerValue::String(comment.into())]);
    answers
}

/// `counts` answers of each benefit step (none, some, much, very).
fn facts(counts: [usize; 4]) -> EvaluationFacts {
    let mut answers = Vec::new();
    for (step, n) in ["none", "some", "much", "very"].iter().zip(counts) {
        for i in 0..n {
            answers.push(answer(step, i % 2 == 0, "Kari i gruppa var lei seg"));
        }
    }
    EvaluationFacts {
        version: "hash-1".into(),
        audience: Audience::Participants,
        timing: Timing::End,
        definitions: BTreeMap::from([("nb".to_string(), definition())]),
        answers,
        courses: 4,
    }
}

fn item<'a>(pooled: &'a PooledEvaluation, link_id: &str) -> Option<&'a PooledItem> {
    pooled.items.iter().find(|i| i.link_id == link_id)
}

#[test]
fn pooled_answers_show_counts_shares_and_means_where_nothing_is_hidden() {
    let pooled = pool_evaluations(&[facts([5, 6, 10, 9])], &[]);
    let benefit = item(&pooled[0], "benefit").expect("benefit");
    assert_eq!(pooled[0].responses, Some(30));
    assert_eq!(benefit.answered, Some(30));
    assert_eq!(benefit.options.iter().map(|o| o.count).collect::<Vec<_>>(), [Some(5), Some(6), Some(10), Some(9)]);
    assert_eq!(benefit.options[2].display["nb"], "Mye");
    assert_eq!(benefit.share_positive, Some(19.0 / 30.0), "the top two of four steps");
    assert!(benefit.mean.is_some_and(|m| (m - 83.0 / 30.0).abs() < 1e-12));
    assert_eq!(item(&pooled[0], "hours").and_then(|i| i.mean), Some(2.0), "numbers by their mean");
    assert_eq!(pooled[0].title["nb"], "Evaluering");
}

#[test]
fn free_text_and_questions_with_several_answers_are_never_pooled() {
    let pooled = pool_evaluations(&[facts([5, 6, 10, 9])], &[]);
    assert!(item(&pooled[0], "comment").is_none());
    assert!(item(&pooled[0], "topics").is_none());
    let stored = serde_json::to_string(&pooled).expect("JSON");
    assert!(!stored.contains("Kari"), "{stored}");
}

#[test]
fn small_counts_are_hidden_and_so_is_what_would_tell_them() {
    let pooled = pool_evaluations(&[facts([2, 8, 10, 9])], &[]);
    let benefit = item(&pooled[0], "benefit").unwrap();
    let counts: Vec<Option<u64>> = benefit.options.iter().map(|o| o.count).collect();
    assert_eq!(counts[0], None, "two answered none");
    assert!(counts.iter().filter(|c| c.is_none()).count() >= 2, "a second is hidden too: {counts:?}");
    for count in counts.iter().flatten() {
        assert!(*count >= MIN_PERSONS, "{counts:?}");
    }
    assert_eq!((benefit.share_positive, benefit.mean), (None, None), "either would tell a hidden count");

    // Four responses in all: nothing but that there were some.
    let few = pool_evaluations(&[facts([1, 1, 1, 1])], &[]);
    assert_eq!(few[0].responses, None);
    assert!(few[0].items.is_empty());
}

#[test]
fn a_correction_of_fewer_than_five_responses_keeps_the_measure_as_published() {
    let first = pool_evaluations(&[facts([5, 6, 10, 9])], &[]);
    let second = pool_evaluations(&[facts([5, 6, 10, 11])], &first);
    assert!(second[0].kept);
    assert_eq!(second[0].responses, Some(30));
    assert_eq!(second[0].items, first[0].items);
    let third = pool_evaluations(&[facts([5, 6, 10, 14])], &first);
    assert!(!third[0].kept);
    assert_eq!(third[0].responses, Some(35));
    let unchanged = pool_evaluations(&[facts([5, 6, 10, 9])], &first);
    assert!(!unchanged[0].kept, "the same figures are not a correction");
}
