//! OpenAPI links: where one operation's answer gives another operation's path parameter.
//!
//! A client (and the fuzzer's stateful phase) follows them from a created or listed
//! resource to the operations on it. They are derived from the paths, so a new operation
//! gets its links without being listed here:
//!
//! - a `POST` on a collection (`…/courses`) whose answer has an `id` links to every
//!   operation under `…/courses/{course_id}`, the id taken from the answer's `id`;
//! - a `GET` of a page (`{"items": [...]}`) links the same way from its first item;
//! - an answer field named like a path parameter (`household_id`) links to the
//!   operations whose path needs only that parameter and ones the request already had.

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const METHODS: [&str; 5] = ["get", "put", "post", "patch", "delete"];

struct Operation {
    path: String,
    method: &'static str,
    id: String,
    parameters: Vec<String>,
}

fn path_parameters(path: &str) -> Vec<String> {
    path.split('/').filter_map(|s| s.strip_prefix('{')?.strip_suffix('}')).map(str::to_string).collect()
}

fn operations(document: &Value) -> Vec<Operation> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            if let Some(id) = item[method]["operationId"].as_str() {
                found.push(Operation {
                    path: path.clone(),
                    method,
                    id: id.to_string(),
                    parameters: path_parameters(path),
                });
            }
        }
    }
    found
}

/// A schema with its `$ref`s followed.
fn resolve<'a>(document: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..4 {
        match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
            Some(name) => schema = &document["components"]["schemas"][name],
            None => break,
        }
    }
    schema
}

/// The properties of an operation's JSON answer.
fn answer_properties<'a>(document: &'a Value, response: &'a Value) -> Option<&'a Map<String, Value>> {
    resolve(document, &response["content"]["application/json"]["schema"])["properties"].as_object()
}

/// The properties of the items of a page (`{"items": [...]}`).
fn item_properties<'a>(document: &'a Value, page: &'a Map<String, Value>) -> Option<&'a Map<String, Value>> {
    resolve(document, &page.get("items")?["items"])["properties"].as_object()
}

/// A link to `target`: its parameters from the request's path where both have them, the
/// one in `from_answer` from the answer.
fn link(source: &Operation, target: &Operation, parameter: &str, pointer: &str) -> Option<Value> {
    let mut parameters = Map::new();
    for name in &target.parameters {
        if name == parameter {
            parameters.insert(name.clone(), json!(format!("$response.body#{pointer}")));
        } else if source.parameters.contains(name) {
            parameters.insert(name.clone(), json!(format!("$request.path.{name}")));
        } else {
            return None;
        }
    }
    Some(json!({ "operationId": target.id, "parameters": parameters }))
}

/// Adds the links to every success answer of `document` (an OpenAPI 3.1 document).
pub fn add_links(document: &mut Value) {
    let all = operations(document);
    let mut additions: Vec<(String, &'static str, String, String, Value)> = Vec::new();
    for source in &all {
        let operation = &document["paths"][&source.path][source.method];
        for (status, response) in operation["responses"].as_object().into_iter().flatten() {
            if !status.starts_with('2') {
                continue;
            }
            let Some(properties) = answer_properties(document, response) else { continue };
            let mut pointers: Vec<(String, String, bool)> = Vec::new();
            let collection = source.path.trim_end_matches('/');
            let targets_under = |pointer: &str, out: &mut Vec<(String, String, bool)>| {
                for target in &all {
                    let Some(rest) = target.path.strip_prefix(collection) else { continue };
                    let Some(first) = rest.strip_prefix("/{").and_then(|r| r.split('}').next()) else { continue };
                    out.push((first.to_string(), pointer.to_string(), true));
                }
            };
            if source.method == "post" && properties.contains_key("id") {
                targets_under("/id", &mut pointers);
            }
            if source.method == "get" {
                if let Some(item) = item_properties(document, properties) {
                    if item.contains_key("id") {
                        targets_under("/items/0/id", &mut pointers);
                    }
                }
            }
            for field in properties.keys().filter(|k| k.ends_with("_id")) {
                pointers.push((field.clone(), format!("/{field}"), false));
            }
            let mut seen = BTreeSet::new();
            for (parameter, pointer, under_collection) in pointers {
                for target in &all {
                    if !target.parameters.contains(&parameter) || target.id == source.id {
                        continue;
                    }
                    let nested = target.path.starts_with(&format!("{collection}/{{{parameter}}}"));
                    if under_collection != nested {
                        continue;
                    }
                    if !seen.insert(target.id.clone()) {
                        continue;
                    }
                    if let Some(value) = link(source, target, &parameter, &pointer) {
                        additions.push((source.path.clone(), source.method, status.clone(), target.id.clone(), value));
                    }
                }
            }
        }
    }
    for (path, method, status, name, value) in additions {
        let response = &mut document["paths"][&path][method]["responses"][&status];
        if let Some(object) = response.as_object_mut() {
            let links = object.entry("links").or_insert_with(|| json!({}));
            links[name] = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Value {
        json!({
            "paths": {
                "/o/{org}/courses": {
                    "get": { "operationId": "listCourses", "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Page" } } } } } },
                    "post": { "operationId": "createCourse", "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Course" } } } } } }
                },
                "/o/{org}/courses/{course_id}": {
                    "get": { "operationId": "getCourse", "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Course" } } } } } }
                },
                "/o/{org}/courses/{course_id}/sessions/{session_id}": {
                    "get": { "operationId": "getSession", "responses": { "200": {} } }
                },
                "/o/{org}/households/{household_id}": {
                    "get": { "operationId": "getHousehold", "responses": { "200": {} } }
                }
            },
            "components": { "schemas": {
                "Course": { "properties": { "id": {}, "household_id": {} } },
                "Page": { "properties": { "items": { "items": { "$ref": "#/components/schemas/Course" } } } }
            } }
        })
    }

    #[test]
    fn a_created_resource_links_to_the_operations_on_it() {
        let mut doc = document();
        add_links(&mut doc);
        let links = &doc["paths"]["/o/{org}/courses"]["post"]["responses"]["201"]["links"];
        assert_eq!(links["getCourse"]["parameters"]["course_id"], "$response.body#/id");
        assert_eq!(links["getCourse"]["parameters"]["org"], "$request.path.org");
        // getSession needs a session id that the answer does not give.
        assert!(links.get("getSession").is_none());
        assert_eq!(links["getHousehold"]["parameters"]["household_id"], "$response.body#/household_id");
    }

    #[test]
    fn a_page_links_from_its_first_item() {
        let mut doc = document();
        add_links(&mut doc);
        let links = &doc["paths"]["/o/{org}/courses"]["get"]["responses"]["200"]["links"];
        assert_eq!(links["getCourse"]["parameters"]["course_id"], "$response.body#/items/0/id");
    }
}
