use super::{
    AnswerOption, Coding, EnableAnswer, EnableWhen, Item, ItemKind, Questionnaire, MAX_VALUE_URL, MIN_VALUE_URL,
    ORDINAL_VALUE_URL,
};
use serde_json::{json, Map, Value};

/// The questionnaire as FHIR R4 JSON. Optional elements that are absent (or `false`) are
/// left out, as FHIR asks.
pub fn export(questionnaire: &Questionnaire) -> Value {
    let mut out = Map::new();
    out.insert("resourceType".into(), json!("Questionnaire"));
    out.insert("url".into(), json!(questionnaire.url));
    put(&mut out, "version", questionnaire.version.as_ref().map(|v| json!(v)));
    put(&mut out, "name", questionnaire.name.as_ref().map(|v| json!(v)));
    out.insert("title".into(), json!(questionnaire.title));
    out.insert("status".into(), json!(questionnaire.status.as_str()));
    put(&mut out, "language", questionnaire.language.as_ref().map(|v| json!(v)));
    put(&mut out, "description", questionnaire.description.as_ref().map(|v| json!(v)));
    out.insert("item".into(), Value::Array(questionnaire.items.iter().map(item).collect()));
    Value::Object(out)
}

fn put(out: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        out.insert(key.into(), value);
    }
}

fn item(item: &Item) -> Value {
    let mut out = Map::new();
    out.insert("linkId".into(), json!(item.link_id));
    put(&mut out, "text", item.text.as_ref().map(|t| json!(t)));
    out.insert("type".into(), json!(item.kind.type_code()));
    if !item.enable_when.is_empty() {
        out.insert("enableWhen".into(), Value::Array(item.enable_when.iter().map(enable_when).collect()));
    }
    put(&mut out, "enableBehavior", item.enable_behavior.map(|b| json!(b.as_str())));
    if item.required {
        out.insert("required".into(), json!(true));
    }
    if item.repeats {
        out.insert("repeats".into(), json!(true));
    }
    let mut extensions = Vec::new();
    match &item.kind {
        ItemKind::Group(children) => {
            out.insert("item".into(), Value::Array(children.iter().map(self::item).collect()));
        }
        ItemKind::Choice(options) => {
            out.insert("answerOption".into(), Value::Array(options.iter().map(answer_option).collect()));
        }
        ItemKind::Integer { min, max } => {
            extensions.extend(min.map(|v| json!({ "url": MIN_VALUE_URL, "valueInteger": v })));
            extensions.extend(max.map(|v| json!({ "url": MAX_VALUE_URL, "valueInteger": v })));
        }
        ItemKind::Decimal { min, max } => {
            extensions.extend(min.map(|v| json!({ "url": MIN_VALUE_URL, "valueDecimal": v })));
            extensions.extend(max.map(|v| json!({ "url": MAX_VALUE_URL, "valueDecimal": v })));
        }
        ItemKind::String { max_length } | ItemKind::Text { max_length } => {
            put(&mut out, "maxLength", max_length.map(|l| json!(l)));
        }
        ItemKind::Display | ItemKind::Boolean | ItemKind::Date => {}
    }
    if !extensions.is_empty() {
        out.insert("extension".into(), Value::Array(extensions));
    }
    Value::Object(out)
}

fn answer_option(option: &AnswerOption) -> Value {
    let mut out = Map::new();
    if let Some(ordinal) = option.ordinal {
        out.insert("extension".into(), json!([{ "url": ORDINAL_VALUE_URL, "valueDecimal": ordinal }]));
    }
    out.insert("valueCoding".into(), coding_of(option.system.as_deref(), &option.code, Some(&option.display)));
    Value::Object(out)
}

fn coding(coding: &Coding) -> Value {
    coding_of(coding.system.as_deref(), &coding.code, coding.display.as_deref())
}

/// A FHIR Coding, with a system and a display only where there are ones.
fn coding_of(system: Option<&str>, code: &str, display: Option<&str>) -> Value {
    let mut out = Map::new();
    put(&mut out, "system", system.map(|s| json!(s)));
    out.insert("code".into(), json!(code));
    put(&mut out, "display", display.map(|d| json!(d)));
    Value::Object(out)
}

fn enable_when(condition: &EnableWhen) -> Value {
    let answer = match &condition.answer {
        EnableAnswer::Boolean(v) => json!(v),
        EnableAnswer::Integer(v) => json!(v),
        EnableAnswer::Decimal(v) => json!(v),
        EnableAnswer::Date(v) => json!(v.format("%Y-%m-%d").to_string()),
        EnableAnswer::String(v) => json!(v),
        EnableAnswer::Coding(c) => coding(c),
    };
    let mut out = Map::new();
    out.insert("question".into(), json!(condition.question));
    out.insert("operator".into(), json!(condition.operator.as_str()));
    out.insert(condition.answer.element().into(), answer);
    Value::Object(out)
}
