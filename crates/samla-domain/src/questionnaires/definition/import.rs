use super::import_items::Items;
use super::reader::{is_absolute_uri, is_computable_name, is_language_tag, Properties, Reader};
use super::{Questionnaire, Status, LINE_MAX_CHARS, TEXT_MAX_CHARS};
use crate::questionnaires::problem::{Problem, ProblemCode};
use serde_json::Value;

const PROPERTIES: Properties = Properties {
    known: &["resourceType", "url", "version", "name", "title", "status", "language", "description", "item"],
    ignored: &[
        "id",
        "meta",
        "text",
        "contained",
        "extension",
        "identifier",
        "derivedFrom",
        "experimental",
        "subjectType",
        "date",
        "publisher",
        "contact",
        "useContext",
        "jurisdiction",
        "purpose",
        "copyright",
        "approvalDate",
        "lastReviewDate",
        "effectivePeriod",
        "code",
    ],
    unsupported: &["implicitRules", "modifierExtension"],
};

/// Parses and checks a FHIR R4 Questionnaire. On any problem nothing is imported and every
/// problem is returned, each with its path; a document that is not JSON, or not a
/// Questionnaire, gives that one problem only (the rest would be noise).
pub fn import(json: &str) -> Result<Questionnaire, Vec<Problem>> {
    match serde_json::from_str::<Value>(json) {
        Ok(value) => import_value(&value),
        Err(error) => Err(vec![Problem::new("", ProblemCode::Json)
            .with_arg("line", error.line())
            .with_arg("column", error.column())]),
    }
}

/// [`import`] of JSON already parsed (an API body).
pub fn import_value(value: &Value) -> Result<Questionnaire, Vec<Problem>> {
    let mut reader = Reader::default();
    let Some(object) = reader.object(value, "") else { return Err(reader.problems) };
    match object.get("resourceType") {
        Some(Value::String(kind)) if kind == "Questionnaire" => {}
        found => {
            let found = found.map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()));
            let problem = Problem::new("resourceType", ProblemCode::ResourceType);
            return Err(vec![problem.with_arg("found", found.unwrap_or_default())]);
        }
    }
    reader.check_properties(object, "", &PROPERTIES);

    let url = reader.line(object, "url", "", true, LINE_MAX_CHARS);
    if url.as_deref().is_some_and(|u| !is_absolute_uri(u)) {
        reader.problem("url", ProblemCode::Url);
    }
    let version = reader.line(object, "version", "", false, LINE_MAX_CHARS);
    let name = reader.line(object, "name", "", false, LINE_MAX_CHARS);
    if name.as_deref().is_some_and(|n| !is_computable_name(n)) {
        reader.problem("name", ProblemCode::Name);
    }
    let title = reader.line(object, "title", "", true, LINE_MAX_CHARS);
    let status = reader.code(object, "status", "", true).and_then(|raw| {
        let status = Status::parse(&raw);
        if status.is_none() {
            let allowed = Status::ALL.map(Status::as_str).join(", ");
            let problem = Problem::new("status", ProblemCode::CodeNotAllowed).with_arg("value", raw);
            reader.report(problem.with_arg("allowed", allowed));
        }
        status
    });
    let language = reader.code(object, "language", "", false);
    if language.as_deref().is_some_and(|l| !is_language_tag(l)) {
        reader.problem("language", ProblemCode::Language);
    }
    let description = reader.text(object, "description", "", false, TEXT_MAX_CHARS);

    let raw_items = reader.array(object, "item", "");
    if raw_items.is_empty() && object.get("item").is_none_or(Value::is_array) {
        reader.problem("item", ProblemCode::NoItems);
    }
    let items = Items::new(value).read_all(&mut reader, raw_items, "");

    match (url, title, status, reader.problems.is_empty()) {
        (Some(url), Some(title), Some(status), true) => {
            Ok(Questionnaire { url, version, name, title, status, language, description, items })
        }
        _ => Err(reader.problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(value: Value) -> Vec<(String, &'static str)> {
        import_value(&value).unwrap_err().into_iter().map(|p| (p.path, p.code.as_str())).collect()
    }

    fn minimal() -> Value {
        json!({
            "resourceType": "Questionnaire",
            "url": "urn:samla:questionnaire:test",
            "title": "Test",
            "status": "active",
            "item": [{ "linkId": "a", "type": "string", "text": "A?" }]
        })
    }

    #[test]
    fn a_minimal_questionnaire_imports() {
        let q = import(&minimal().to_string()).unwrap();
        assert_eq!(q.url, "urn:samla:questionnaire:test");
        assert_eq!(q.status, Status::Active);
        assert_eq!(q.items.len(), 1);
        assert_eq!(q.version, None);
    }

    #[test]
    fn not_json_and_not_a_questionnaire_are_single_problems() {
        let error = import("{ \"resourceType\": ").unwrap_err();
        assert_eq!(error.len(), 1);
        assert_eq!(error[0].code, ProblemCode::Json);
        assert_eq!(error[0].arg("line"), Some("1"));
        assert_eq!(
            problems(json!({ "resourceType": "Patient", "name": [] })),
            [("resourceType".into(), "error-questionnaire-resource-type")]
        );
        assert_eq!(problems(json!({ "url": "x" })), [("resourceType".into(), "error-questionnaire-resource-type")]);
        assert_eq!(problems(json!([1])), [("".into(), "error-questionnaire-wrong-json-type")]);
    }

    #[test]
    fn every_top_level_problem_is_listed() {
        let found = problems(json!({
            "resourceType": "Questionnaire",
            "url": "not a uri",
            "name": "lower",
            "status": "published",
            "language": "norsk",
            "titel": "typo",
            "implicitRules": "http://example.org/rules",
            "publisher": "ignored",
            "_title": { "extension": [] },
            "item": []
        }));
        let expected = [
            ("implicitRules", "error-questionnaire-unsupported"),
            ("titel", "error-questionnaire-unknown-property"),
            ("url", "error-questionnaire-url"),
            ("name", "error-questionnaire-name"),
            ("title", "error-questionnaire-missing"),
            ("status", "error-questionnaire-code-not-allowed"),
            ("language", "error-questionnaire-language"),
            ("item", "error-questionnaire-no-items"),
        ];
        assert_eq!(found, expected.map(|(p, c)| (p.to_string(), c)));
    }

    #[test]
    fn metadata_fhir_has_is_dropped_without_complaint() {
        let mut value = minimal();
        value["id"] = json!("abc");
        value["meta"] = json!({ "versionId": "3" });
        value["publisher"] = json!("NK LMH");
        value["text"] = json!({ "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"/>" });
        assert!(import_value(&value).is_ok());
    }
}
