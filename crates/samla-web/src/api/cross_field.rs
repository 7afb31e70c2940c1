//! Rules between two fields of one request body, stated in the schema so a client (and
//! the fuzzer) knows them before sending. OpenAPI 3.1 is JSON Schema, so a combination
//! the server refuses is written as a `not` on the body's schema; utoipa has no builder
//! for it, so it is added to the served document.

use serde_json::{json, Value};

/// (schema name, the combination refused, why — for the schema's description).
fn rules() -> [(&'static str, Value, &'static str); 1] {
    [(
        "NewHouseholdAdult",
        json!({
            "required": ["role", "parental_responsibility"],
            "properties": { "role": { "const": "adult" }, "parental_responsibility": { "const": true } }
        }),
        "Only a guardian has parental responsibility: `role` `adult` with `parental_responsibility` true is refused (422).",
    )]
}

pub fn add_rules(document: &mut Value) {
    for (name, refused, why) in rules() {
        let schema = &mut document["components"]["schemas"][name];
        let Some(schema) = schema.as_object_mut() else { continue };
        schema.insert("not".to_string(), refused);
        let description = match schema.get("description").and_then(Value::as_str) {
            Some(existing) => format!("{existing}\n\n{why}"),
            None => why.to_string(),
        };
        schema.insert("description".to_string(), Value::String(description));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_schema_of_the_document() {
        let document = crate::api::document_json();
        for (name, _, _) in rules() {
            assert!(document["components"]["schemas"][name]["not"].is_object(), "{name} carries its rule");
        }
    }
}
