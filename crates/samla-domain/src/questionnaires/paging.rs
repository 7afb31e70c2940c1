//! A questionnaire shown as a form without JavaScript: split into pages, each question a
//! field named after its linkId, and the typed values read back into [`Answers`].
//!
//! - [`pages`]: each top-level group is a page, and the loose items between groups make a
//!   page of their own; a short form (at most [`SHORT_FORM_QUESTIONS`] questions) is one
//!   page, since paging a handful of questions only adds clicks.
//! - [`parse_page`]: the values posted for a page's questions as answers, with a field
//!   error for every value that does not parse (a choice sends its code, a boolean `yes` or
//!   `no`, a number may use a decimal comma, a date is `YYYY-MM-DD` or `DD.MM.YYYY`).
//! - [`problem_fields`]: the problems [`super::answers::validate_answers`] finds, as field
//!   errors on the fields they belong to.

use super::answers::{AnswerValue, Answers};
use super::definition::{Item, ItemKind, Questionnaire};
use super::problem::Problem;
use crate::{FieldError, FieldErrors};
use chrono::NaiveDate;
use std::collections::HashSet;

/// At most this many questions are shown on one page without splitting.
pub const SHORT_FORM_QUESTIONS: usize = 6;

/// The prefix of every answer field's name, so a linkId can never clash with the form's own
/// fields (`csrf`, `page`, `action`).
pub const FIELD_PREFIX: &str = "a-";

/// One page of a form: top-level items in document order (a group brings its items along).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<'q> {
    /// The group's text when the page is one group.
    pub title: Option<&'q str>,
    pub items: Vec<&'q Item>,
}

impl<'q> Page<'q> {
    /// The linkIds of every item on the page, groups' items included.
    pub fn link_ids(&self) -> HashSet<&'q str> {
        let mut out = HashSet::new();
        for item in self.items.iter().copied() {
            walk(item, &mut |i| {
                out.insert(i.link_id.as_str());
            });
        }
        out
    }

    /// The questions on the page, depth first in document order.
    pub fn questions(&self) -> Vec<&'q Item> {
        let mut out = Vec::new();
        for item in self.items.iter().copied() {
            walk(item, &mut |i| {
                if i.kind.is_question() {
                    out.push(i);
                }
            });
        }
        out
    }
}

fn walk<'q>(item: &'q Item, visit: &mut impl FnMut(&'q Item)) {
    visit(item);
    if let ItemKind::Group(children) = &item.kind {
        for child in children {
            walk(child, visit);
        }
    }
}

/// The pages of a form; never empty (a definition has at least one item).
pub fn pages(definition: &Questionnaire) -> Vec<Page<'_>> {
    let questions = definition.items_in_order().into_iter().filter(|i| i.kind.is_question()).count();
    if questions <= SHORT_FORM_QUESTIONS {
        return vec![Page { title: None, items: definition.items.iter().collect() }];
    }
    let mut out: Vec<Page<'_>> = Vec::new();
    let mut loose: Vec<&Item> = Vec::new();
    for item in &definition.items {
        if matches!(item.kind, ItemKind::Group(_)) {
            if !loose.is_empty() {
                out.push(Page { title: None, items: std::mem::take(&mut loose) });
            }
            out.push(Page { title: item.text.as_deref(), items: vec![item] });
        } else {
            loose.push(item);
        }
    }
    if !loose.is_empty() {
        out.push(Page { title: None, items: loose });
    }
    // A page of display text alone asks nothing: it joins the page after it.
    let mut merged: Vec<Page<'_>> = Vec::new();
    let mut carried: Vec<&Item> = Vec::new();
    for mut page in out {
        if page.questions().is_empty() {
            carried.extend(page.items);
            continue;
        }
        if !carried.is_empty() {
            let mut items = std::mem::take(&mut carried);
            items.append(&mut page.items);
            page.items = items;
        }
        merged.push(page);
    }
    match merged.last_mut() {
        Some(last) => last.items.extend(carried),
        None => merged.push(Page { title: None, items: carried }),
    }
    merged
}

/// "Page `page` of `of`", 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub page: usize,
    pub of: usize,
}

/// Where page `index` (0-based, clamped to the pages there are) stands.
pub fn progress(page_count: usize, index: usize) -> Progress {
    let of = page_count.max(1);
    Progress { page: index.min(of - 1) + 1, of }
}

/// The form field of a question.
pub fn field_name(link_id: &str) -> String {
    format!("{FIELD_PREFIX}{link_id}")
}

/// The question a form field belongs to.
pub fn link_id_of(field: &str) -> Option<&str> {
    field.strip_prefix(FIELD_PREFIX)
}

/// Reads the values posted for the page's questions. `values(field)` gives every value
/// posted under that name. Unanswered questions are left out; a value that does not parse
/// is left out too and named by a field error, so the page can be shown again with it.
pub fn parse_page<'q>(
    questions: impl IntoIterator<Item = &'q Item>,
    values: impl Fn(&str) -> Vec<String>,
) -> (Answers, FieldErrors) {
    let mut answers = Answers::new();
    let mut errors = FieldErrors::new();
    for item in questions {
        if !item.kind.is_question() {
            continue;
        }
        let field = field_name(&item.link_id);
        let mut parsed = Vec::new();
        for raw in values(&field) {
            match parse_value(item, &raw) {
                Ok(Some(value)) => parsed.push(value),
                Ok(None) => {}
                Err(code) => {
                    errors.push(FieldError::new(field.clone(), code));
                    break;
                }
            }
        }
        if !parsed.is_empty() {
            answers.insert(item.link_id.clone(), parsed);
        }
    }
    (answers, errors)
}

/// One typed value; `Ok(None)` when nothing was typed. The error is a message key.
pub fn parse_value(item: &Item, raw: &str) -> Result<Option<AnswerValue>, &'static str> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let value = match &item.kind {
        ItemKind::Choice(_) => AnswerValue::Choice(trimmed.to_string()),
        ItemKind::Boolean => match trimmed {
            "yes" => AnswerValue::Boolean(true),
            "no" => AnswerValue::Boolean(false),
            _ => return Err("qans-error-boolean"),
        },
        ItemKind::Integer { .. } => {
            let digits: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
            AnswerValue::Integer(digits.parse().map_err(|_| "qans-error-integer")?)
        }
        ItemKind::Decimal { .. } => {
            let number: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(',', ".");
            match number.parse::<f64>() {
                Ok(v) if v.is_finite() && number.chars().all(|c| c.is_ascii_digit() || "+-.".contains(c)) => {
                    AnswerValue::Decimal(v)
                }
                _ => return Err("qans-error-decimal"),
            }
        }
        ItemKind::Date => AnswerValue::Date(
            NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(trimmed, "%d.%m.%Y"))
                .map_err(|_| "qans-error-date")?,
        ),
        // Text keeps what was typed; the text rule is applied when the answers are checked
        // and stored (see `answers::normalise_texts`).
        ItemKind::String { .. } | ItemKind::Text { .. } => AnswerValue::String(raw.to_string()),
        ItemKind::Group(_) | ItemKind::Display => return Ok(None),
    };
    Ok(Some(value))
}

/// Values as a form shows them again: what [`parse_value`] reads back to the same value.
pub fn raw_values(values: &[AnswerValue]) -> Vec<String> {
    values
        .iter()
        .map(|value| match value {
            AnswerValue::Boolean(true) => "yes".to_string(),
            AnswerValue::Boolean(false) => "no".to_string(),
            AnswerValue::Integer(v) => v.to_string(),
            AnswerValue::Decimal(v) => v.to_string(),
            AnswerValue::String(s) | AnswerValue::Choice(s) => s.clone(),
            AnswerValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        })
        .collect()
}

/// The answers with the page's answers put in place of what was there for its items
/// (a question left empty on the page loses its earlier answer).
pub fn merge_page(draft: &Answers, page: &Page<'_>, page_answers: Answers) -> Answers {
    let on_page = page.link_ids();
    let mut merged: Answers =
        draft.iter().filter(|(id, _)| !on_page.contains(id.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect();
    merged.extend(page_answers);
    merged
}

/// Validation problems as field errors on their questions' fields; a problem without a
/// question (the whole response) goes to `whole_field`.
pub fn problem_fields(problems: &[Problem], whole_field: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for problem in problems {
        let field = if problem.path.is_empty() { whole_field.to_string() } else { field_name(&problem.path) };
        let mut error = problem.to_field_error();
        error.field = field;
        errors.push(error);
    }
    errors
}

/// The index of the first page holding one of the problems' questions.
pub fn page_of_first_problem(pages: &[Page<'_>], problems: &[Problem]) -> Option<usize> {
    pages.iter().position(|page| {
        let ids = page.link_ids();
        problems.iter().any(|p| ids.contains(p.path.as_str()))
    })
}

/// Whether a response answers nothing at all: such a form is not counted.
pub fn is_empty(answers: &Answers) -> bool {
    answers.values().all(Vec::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::problem::ProblemCode;
    use crate::questionnaires::shipped::SHIPPED;
    use crate::questionnaires::{import, Questionnaire};

    fn shipped(slug: &str, language: &str) -> Questionnaire {
        let entry = SHIPPED.iter().find(|s| s.slug == slug).unwrap();
        let json = entry.definitions.iter().find(|(l, _)| *l == language).unwrap().1;
        import(json).unwrap()
    }

    fn form(json: serde_json::Value) -> Questionnaire {
        import(&json.to_string()).unwrap()
    }

    fn all_kinds() -> Questionnaire {
        form(serde_json::json!({
            "resourceType": "Questionnaire", "url": "urn:test:kinds", "title": "Kinds", "status": "active",
            "item": [
                {"linkId": "c", "type": "choice", "text": "C", "repeats": true, "answerOption": [
                    {"valueCoding": {"code": "x", "display": "X"}}, {"valueCoding": {"code": "y", "display": "Y"}}]},
                {"linkId": "b", "type": "boolean", "text": "B"},
                {"linkId": "i", "type": "integer", "text": "I"},
                {"linkId": "d", "type": "decimal", "text": "D"},
                {"linkId": "t", "type": "date", "text": "T"},
                {"linkId": "s", "type": "text", "text": "S"}
            ]
        }))
    }

    #[test]
    fn a_short_form_is_one_page() {
        let q = shipped("session-evaluation", "nb");
        let pages = pages(&q);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].items.len(), q.items.len());
    }

    #[test]
    fn each_top_level_group_is_a_page_and_loose_items_between_make_pages() {
        let q = shipped("smil-children", "en");
        let pages = pages(&q);
        assert_eq!(pages.len(), 3);
        // The greeting (display) stays with the first question.
        assert_eq!(pages[0].items.iter().map(|i| i.link_id.as_str()).collect::<Vec<_>>(), ["intro", "before"]);
        assert_eq!(pages[1].items[0].link_id, "in-group");
        assert_eq!(pages[1].title, Some("In the group"));
        assert!(pages[1].link_ids().contains("liked"));
        assert_eq!(pages[2].questions().len(), 4);
        // Every question is on exactly one page.
        let total: usize = pages.iter().map(|p| p.questions().len()).sum();
        assert_eq!(total, q.items_in_order().iter().filter(|i| i.kind.is_question()).count());
    }

    #[test]
    fn progress_counts_from_one_and_clamps() {
        assert_eq!(progress(3, 0), Progress { page: 1, of: 3 });
        assert_eq!(progress(3, 2), Progress { page: 3, of: 3 });
        assert_eq!(progress(3, 9), Progress { page: 3, of: 3 });
        assert_eq!(progress(0, 0), Progress { page: 1, of: 1 });
    }

    #[test]
    fn fields_are_named_after_link_ids() {
        assert_eq!(field_name("q1"), "a-q1");
        assert_eq!(link_id_of("a-q1"), Some("q1"));
        assert_eq!(link_id_of("csrf"), None);
    }

    #[test]
    fn values_parse_by_kind_with_decimal_comma_and_yes_no() {
        let q = all_kinds();
        let posted = |field: &str| -> Vec<String> {
            match field {
                "a-c" => vec!["x".into(), "y".into()],
                "a-b" => vec!["no".into()],
                "a-i" => vec![" 12 ".into()],
                "a-d" => vec!["3,5".into()],
                "a-t" => vec!["24.12.2026".into()],
                "a-s" => vec!["line one\r\nline two".into()],
                _ => vec![],
            }
        };
        let (answers, errors) = parse_page(q.items_in_order(), posted);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(answers["c"], vec![AnswerValue::Choice("x".into()), AnswerValue::Choice("y".into())]);
        assert_eq!(answers["b"], vec![AnswerValue::Boolean(false)]);
        assert_eq!(answers["i"], vec![AnswerValue::Integer(12)]);
        assert_eq!(answers["d"], vec![AnswerValue::Decimal(3.5)]);
        assert_eq!(answers["t"], vec![AnswerValue::Date(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())]);
        // Kept as typed; the text rule applies when the answers are checked and stored.
        assert_eq!(answers["s"], vec![AnswerValue::String("line one\r\nline two".into())]);
        // Shown again, the values read back the same.
        for item in q.items_in_order() {
            let again: Vec<AnswerValue> =
                raw_values(&answers[&item.link_id]).iter().filter_map(|r| parse_value(item, r).unwrap()).collect();
            assert_eq!(again, answers[&item.link_id]);
        }
    }

    #[test]
    fn empty_fields_are_unanswered_and_bad_values_are_named() {
        let q = all_kinds();
        let posted = |field: &str| -> Vec<String> {
            match field {
                "a-b" => vec!["maybe".into()],
                "a-i" => vec!["1.5".into()],
                "a-d" => vec!["1e400".into()],
                "a-t" => vec!["31.02.2026".into()],
                "a-s" => vec!["   ".into()],
                _ => vec![String::new()],
            }
        };
        let (answers, errors) = parse_page(q.items_in_order(), posted);
        assert!(answers.is_empty());
        let named: Vec<(&str, &str)> = errors.0.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            named,
            [
                ("a-b", "qans-error-boolean"),
                ("a-i", "qans-error-integer"),
                ("a-d", "qans-error-decimal"),
                ("a-t", "qans-error-date")
            ]
        );
    }

    #[test]
    fn a_page_replaces_its_own_answers_only() {
        let q = shipped("smil-children", "en");
        let pages = pages(&q);
        let mut draft = Answers::new();
        draft.insert("before".into(), vec![AnswerValue::Choice("excited".into())]);
        draft.insert("liked".into(), vec![AnswerValue::Choice("good".into())]);
        let mut page_answers = Answers::new();
        page_answers.insert("others".into(), vec![AnswerValue::Choice("so-so".into())]);
        let merged = merge_page(&draft, &pages[1], page_answers);
        assert!(merged.contains_key("before"));
        assert!(!merged.contains_key("liked"), "emptied on the page");
        assert!(merged.contains_key("others"));
    }

    #[test]
    fn problems_map_to_their_fields_and_pages() {
        let q = shipped("smil-children", "en");
        let pages = pages(&q);
        let problems = vec![
            Problem::new("others", ProblemCode::AnswerUnknownOption),
            Problem::new("", ProblemCode::AnswerRequired),
        ];
        let errors = problem_fields(&problems, "answers");
        assert_eq!(errors.0[0].field, "a-others");
        assert_eq!(errors.0[0].code, "error-answer-unknown-option");
        assert_eq!(errors.0[1].field, "answers");
        assert_eq!(page_of_first_problem(&pages, &problems), Some(1));
        assert_eq!(page_of_first_problem(&pages, &[]), None);
    }

    #[test]
    fn an_empty_response_is_empty() {
        let mut answers = Answers::new();
        assert!(is_empty(&answers));
        answers.insert("x".into(), vec![]);
        assert!(is_empty(&answers));
        answers.insert("y".into(), vec![AnswerValue::Boolean(true)]);
        assert!(!is_empty(&answers));
    }
}
