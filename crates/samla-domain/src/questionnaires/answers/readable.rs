//! One person's answers as they can be read back to them: each question answered, in the
//! questionnaire's order, with the text they were asked and what they chose or wrote.

use super::{AnswerValue, Answers};
use crate::questionnaires::definition::{Item, Questionnaire};

/// One answer as shown: yes and no are words of the reader's language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Shown {
    Yes,
    No,
    Text(String),
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReadableAnswer {
    pub link_id: String,
    /// The question as asked; its linkId where it has no text.
    pub question: String,
    pub answers: Vec<Shown>,
}

fn shown(item: Option<&Item>, value: &AnswerValue) -> Shown {
    match value {
        AnswerValue::Boolean(true) => Shown::Yes,
        AnswerValue::Boolean(false) => Shown::No,
        AnswerValue::Integer(n) => Shown::Text(n.to_string()),
        AnswerValue::Decimal(n) => Shown::Text(n.to_string()),
        AnswerValue::String(text) => Shown::Text(text.clone()),
        AnswerValue::Date(date) => Shown::Text(date.to_string()),
        AnswerValue::Choice(code) => {
            Shown::Text(item.and_then(|i| i.option(code)).map_or_else(|| code.clone(), |o| o.display.clone()))
        }
    }
}

/// Every answered question in the order the questionnaire asks them, then any answer to a
/// question the definition does not have (by its linkId; every answer, when the definition
/// cannot be read): nothing stored is left out.
pub fn readable(definition: Option<&Questionnaire>, answers: &Answers) -> Vec<ReadableAnswer> {
    let items = definition.map(Questionnaire::items_in_order).unwrap_or_default();
    let mut out: Vec<ReadableAnswer> = items
        .iter()
        .filter_map(|item| {
            let values = answers.get(&item.link_id).filter(|v| !v.is_empty())?;
            Some(ReadableAnswer {
                link_id: item.link_id.clone(),
                question: item.text.clone().unwrap_or_else(|| item.link_id.clone()),
                answers: values.iter().map(|v| shown(Some(item), v)).collect(),
            })
        })
        .collect();
    let known = |id: &str| items.iter().any(|item| item.link_id == id);
    out.extend(answers.iter().filter(|(id, values)| !values.is_empty() && !known(id)).map(|(id, values)| {
        ReadableAnswer {
            link_id: id.clone(),
            question: id.clone(),
            answers: values.iter().map(|v| shown(None, v)).collect(),
        }
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::definition::import;

    const FORM: &str = r#"{"resourceType": "Questionnaire", "url": "urn:test", "status": "active", "title": "T",
        "item": [
          {"linkId": "g", "type": "group", "text": "Group", "item": [
            {"linkId": "mood", "type": "choice", "text": "How are you?", "answerOption": [
              {"valueCoding": {"code": "1", "display": "Fine"}}, {"valueCoding": {"code": "2", "display": "Not fine"}}]},
            {"linkId": "again", "type": "boolean", "text": "Would you come again?"}]},
          {"linkId": "words", "type": "text", "text": "Anything else?"}]}"#;

    #[test]
    fn answers_are_read_in_the_questionnaires_order_with_the_options_words() {
        let definition = import(FORM).unwrap();
        let answers: Answers = serde_json::from_str(
            r#"{"words": [{"type": "string", "value": "Nice"}], "again": [{"type": "boolean", "value": false}],
                "mood": [{"type": "choice", "value": "2"}], "gone": [{"type": "integer", "value": 3}]}"#,
        )
        .unwrap();
        let read = readable(Some(&definition), &answers);
        let pairs: Vec<(&str, &Vec<Shown>)> = read.iter().map(|a| (a.question.as_str(), &a.answers)).collect();
        assert_eq!(
            pairs,
            vec![
                ("How are you?", &vec![Shown::Text("Not fine".into())]),
                ("Would you come again?", &vec![Shown::No]),
                ("Anything else?", &vec![Shown::Text("Nice".into())]),
                ("gone", &vec![Shown::Text("3".into())]),
            ]
        );
        // Without a definition that reads, every answer still shows, by its linkId.
        let bare = readable(None, &answers);
        assert_eq!(bare.len(), 4);
        assert!(bare.iter().any(|a| a.question == "mood" && a.answers == vec![Shown::Text("2".into())]));
    }
}
