//! The route × role table: every operation of the OpenAPI document called as every role,
//! on a running course that the group leader and the user representative work on.
//!
//! The policy decides by action, and every refusal is audited with the action it named; so
//! a 403 must come with one `denied` audit row whose action the policy denies that role,
//! and a role the policy allows every action an operation has refused others must never be
//! refused it. The whole table (the actions each operation needs, and every role's answer)
//! is a snapshot (`snapshots/`), so a change of who may do what shows in review.
//!
//! Roles go from the least to the most trusted, and within a role reads before writes
//! and deletions last, so the refusals are seen before anyone allowed changes the data.

use crate::common::running::{self, RunningCourse, COORDINATOR, LEADER, REPRESENTATIVE, SECRETARY};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::policy::{
    decide_for_role, may_open_emergency_access, may_review_emergency_accesses, may_work_with_concerns, Decision,
};
use samla_domain::{Action, Role, RoleSet, Scope};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

const ADMIN: &str = "admin@a.test";
const ANALYST: &str = "analyst@a.test";
const MISSING: i64 = 987_654;

/// Who plays each role, least trusted first.
const PLAYERS: [(Role, &str); 6] = [
    (Role::Analyst, ANALYST),
    (Role::UserRepresentative, REPRESENTATIVE),
    (Role::Secretary, SECRETARY),
    (Role::GroupLeader, LEADER),
    (Role::Coordinator, COORDINATOR),
    (Role::Admin, ADMIN),
];

struct Operation {
    method: Method,
    /// Path parameters whose schema is an integer (a programme is named by slug or id).
    integers: BTreeSet<String>,
    path: String,
    id: String,
    body: Option<Value>,
    query: Vec<(String, String)>,
}

fn method_rank(method: &Method) -> u8 {
    match *method {
        Method::GET => 0,
        Method::DELETE => 2,
        _ => 1,
    }
}

/// The operations that need a signed-in caller, reads first and deletions last.
fn operations(document: &Value) -> Vec<Operation> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (name, method) in [
            ("get", Method::GET),
            ("post", Method::POST),
            ("put", Method::PUT),
            ("patch", Method::PATCH),
            ("delete", Method::DELETE),
        ] {
            let operation = &item[name];
            // Links for families and guardians (answering, open links) take no token; an
            // installation's token is no person's, and plays no role.
            let installation_only = operation["security"] == json!([{ "installation": [] }]);
            if operation.is_null() || operation["responses"]["401"].is_null() || installation_only {
                continue;
            }
            let body = operation["requestBody"]["content"]["application/json"]["schema"]
                .as_object()
                .map(|schema| instance(document, &Value::Object(schema.clone()), "", 0));
            let query = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query" && p["required"] == true)
                .map(|p| {
                    let name = p["name"].as_str().unwrap().to_string();
                    let value = instance(document, &p["schema"], &name, 0);
                    (name, value.as_str().map(str::to_string).unwrap_or_else(|| value.to_string()))
                })
                .collect();
            let integers = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "path" && p["schema"]["type"] == "integer")
                .map(|p| p["name"].as_str().unwrap().to_string())
                .collect();
            found.push(Operation {
                method,
                integers,
                path: path.clone(),
                id: operation["operationId"].as_str().unwrap().to_string(),
                body,
                query,
            });
        }
    }
    found.sort_by(|a, b| (method_rank(&a.method), &a.path).cmp(&(method_rank(&b.method), &b.path)));
    found
}

fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => resolve(document, &document["components"]["schemas"][name]),
        None => schema,
    }
}

/// A small value the schema accepts, so the body parses and the request reaches the
/// policy check (a refusal comes before any rule about the values).
fn instance(document: &Value, schema: &Value, field: &str, depth: usize) -> Value {
    let schema = resolve(document, schema);
    if depth > 6 {
        return Value::Null;
    }
    // The first alternative (or part) that gives a value: text fields are an `allOf` of
    // the rule's description (no type) and the string itself.
    for combinator in ["oneOf", "anyOf", "allOf"] {
        let parts = schema[combinator].as_array().into_iter().flatten().filter(|s| s["type"] != "null");
        if let Some(value) = parts.map(|part| instance(document, part, field, depth + 1)).find(|v| !v.is_null()) {
            return value;
        }
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.iter().find(|v| !v.is_null())) {
        return first.clone();
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds.iter().find(|k| *k != "null").cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    match kind.as_str().unwrap_or(if schema["properties"].is_object() { "object" } else { "" }) {
        "object" => {
            let mut object = Map::new();
            for required in schema["required"].as_array().into_iter().flatten() {
                let name = required.as_str().unwrap();
                object.insert(name.to_string(), instance(document, &schema["properties"][name], name, depth + 1));
            }
            Value::Object(object)
        }
        "array" => {
            let items = schema["minItems"].as_u64().unwrap_or(0);
            Value::Array((0..items).map(|_| instance(document, &schema["items"], field, depth + 1)).collect())
        }
        "integer" | "number" => json!(schema["minimum"].as_i64().unwrap_or(1).max(1)),
        "boolean" => json!(false),
        "string" => json!(match (schema["format"].as_str(), field) {
            (Some("date"), _) => "2030-01-07".to_string(),
            (Some("email"), _) => "someone@example.org".to_string(),
            (Some("time"), _) | (_, "start_time" | "starts_at" | "time") => "17:00".to_string(),
            (_, f) if f.contains("phone") => "912 34 567".to_string(),
            _ => "Tekst".to_string(),
        }),
        _ => Value::Null,
    }
}

async fn first_id(app: &TestApp, sql: &str) -> String {
    let found: Option<i64> = sqlx::query_scalar(sql).fetch_optional(app.state.store.pool()).await.unwrap_or(None);
    found.unwrap_or(MISSING).to_string()
}

/// A value for every path parameter: the running course and what belongs to it.
async fn path_values(app: &TestApp, course: &RunningCourse) -> BTreeMap<&'static str, String> {
    let course_id = course.course_id;
    let mut values = BTreeMap::from([
        ("org", running::ORG.to_string()),
        ("course_id", course_id.to_string()),
        ("session_id", course.session_ids[0].to_string()),
        ("meeting_id", course.meeting_ids.first().copied().unwrap_or(MISSING).to_string()),
        ("participant_id", course.children[0].participant_id.to_string()),
        ("person_id", course.children[0].person_id.to_string()),
        ("user_id", course.leader_id.to_string()),
        ("token", "no-such-token".to_string()),
        ("open_token", "no-such-token".to_string()),
        ("year", "2025".to_string()),
        ("table", "participants_by_age".to_string()),
        ("kind", "sent_mail".to_string()),
    ]);
    let (programme_id, slug): (i64, String) = app
        .row(
            "SELECT id, slug FROM programmes WHERE organisation_id = $1 ORDER BY id LIMIT 1",
            (course.organisation_id,),
        )
        .await;
    values.insert("programme", slug);
    values.insert("programme_id", programme_id.to_string());
    let by_sql: [(&'static str, String); 20] = [
        ("application_id", "SELECT MIN(id) FROM applications".into()),
        ("household_id", "SELECT MIN(household_id) FROM persons".into()),
        ("round_id", "SELECT MIN(id) FROM questionnaire_rounds".into()),
        ("questionnaire_id", "SELECT MIN(id) FROM questionnaires".into()),
        ("report_id", "SELECT MIN(id) FROM concern_reports".into()),
        ("guest_id", "SELECT MIN(id) FROM meeting_guests".into()),
        ("token_id", "SELECT MIN(id) FROM api_tokens".into()),
        ("task_id", "SELECT MIN(id) FROM follow_up_tasks".into()),
        ("staff_id", format!("SELECT MIN(id) FROM course_staff WHERE course_id = {course_id}")),
        ("seq", "SELECT MIN(seq) FROM audit_log".into()),
        ("message_id", "SELECT MIN(id) FROM outbox_messages".into()),
        ("item_id", format!("SELECT MIN(id) FROM checklist_items WHERE course_id = {course_id}")),
        ("homework_id", "SELECT MIN(id) FROM homework".into()),
        ("holiday_id", "SELECT MIN(id) FROM school_holidays".into()),
        ("consent_id", "SELECT MIN(id) FROM consents".into()),
        ("channel_id", "SELECT MIN(id) FROM recruitment_channels".into()),
        ("organisation_id", "SELECT MIN(organisation_id) FROM submitting_installations".into()),
        ("access_id", "SELECT MIN(id) FROM emergency_accesses".into()),
        ("hold_id", "SELECT MIN(id) FROM retention_holds".into()),
        ("access_request_id", "SELECT MIN(id) FROM access_requests".into()),
    ];
    for (name, sql) in by_sql {
        values.insert(name, first_id(app, &sql).await);
    }
    values
}

fn fill(operation: &Operation, values: &BTreeMap<&'static str, String>) -> String {
    let path = &operation.path;
    path.split('/')
        .map(|segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some("programme") if operation.integers.contains("programme") => values["programme_id"].clone(),
            // A meeting's record and guests: the course's first meeting.
            Some("session_id") if path.ends_with("/record") || path.contains("/guests") => values["meeting_id"].clone(),
            Some(name) => values.get(name).cloned().unwrap_or_else(|| panic!("no value for {{{name}}} in {path}")),
            None => segment.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn denials(app: &TestApp, user_id: i64) -> Vec<String> {
    app.scalars("SELECT action FROM audit_log WHERE outcome = 'denied' AND actor_user_id = $1 ORDER BY seq", (user_id,))
        .await
}

/// Whether the policy refuses `role` what a refusal audited as `event` names. A policy
/// action is refused unless allowed across the organisation, or (for a role allowed on
/// its own courses only) on an operation of the course it works on. The rules that
/// combine actions are audited under the operation's own name.
fn refusal_follows_policy(role: Role, event: &str, path: &str) -> bool {
    let roles = RoleSet::new(vec![role]);
    let on_own_course = path.contains("{course_id}");
    let refuses = |action: Action| match decide_for_role(role, action) {
        Decision::Deny => true,
        Decision::Allow(Scope::AssignedCourses) => !on_own_course,
        Decision::Allow(Scope::Organisation) => false,
    };
    if let Some(action) = Action::ALL.into_iter().find(|a| a.as_str() == event) {
        return refuses(action);
    }
    if event.starts_with("concern.") {
        return !may_work_with_concerns(&roles, false);
    }
    match event {
        "emergency_access.open" => return !may_open_emergency_access(&roles),
        "emergency_access.list" => {
            return !may_open_emergency_access(&roles) && !may_review_emergency_accesses(&roles);
        }
        "emergency_access.read" | "emergency_access.sign_off" => return !may_review_emergency_accesses(&roles),
        _ => {}
    }
    match event {
        "course.reminders.update" => refuses(Action::PlanCourses) && refuses(Action::RecordSessionWork),
        _ => panic!("a refusal audited as {event}, which names no policy rule"),
    }
}

fn answer(status: StatusCode) -> String {
    match status.as_u16() {
        200..=399 => "ok".to_string(),
        code => code.to_string(),
    }
}

#[tokio::test]
async fn every_operation_answers_every_role_as_the_policy_decides() {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    app.relax_second_factor(running::ORG).await;
    app.add_user(running::ORG, ADMIN, "admin").await;
    app.add_user(running::ORG, ANALYST, "analyst").await;
    let values = path_values(&app, &course).await;
    let operations = operations(samla_web::api::document_json());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();

    // operation id → role → answer; operation id → actions its refusals named.
    let mut table: BTreeMap<String, BTreeMap<Role, String>> = BTreeMap::new();
    let mut needs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (role, email) in PLAYERS {
        let user_id: i64 = app.scalar("SELECT id FROM users WHERE email = $1", (email,)).await;
        let token = app.token_for(email).await;
        for operation in &operations {
            let before = denials(&app, user_id).await.len();
            let url = format!("{}{}", app.base_url, fill(operation, &values));
            let mut request = client.request(operation.method.clone(), url).bearer_auth(&token).query(&operation.query);
            if let Some(body) = &operation.body {
                request = request.json(body);
            }
            if matches!(operation.method, Method::PUT | Method::PATCH) {
                request = request.header("If-Match", "\"v1\"");
            }
            let status = request.send().await.expect("an answer").status();
            let named = denials(&app, user_id).await.split_off(before);
            let who = format!("{} {} as {role}", operation.method, operation.path);
            if status.is_server_error() || status == StatusCode::UNAUTHORIZED {
                wrong.push(format!("{who}: {status}"));
            }
            if status == StatusCode::FORBIDDEN {
                match named.as_slice() {
                    [event] => {
                        if !refusal_follows_policy(role, event, &operation.path) {
                            wrong.push(format!("{who}: refused for {event}, which the policy allows"));
                        }
                        needs.entry(operation.id.clone()).or_default().insert(event.clone());
                    }
                    other => wrong.push(format!("{who}: 403 with {} denied audit rows", other.len())),
                }
            } else if !named.is_empty() {
                wrong.push(format!("{who}: {status} but audited as denied ({named:?})"));
            }
            table.entry(operation.id.clone()).or_default().insert(role, answer(status));
        }
    }
    // A role the policy allows everything an operation refused others was not refused.
    for operation in &operations {
        let Some(events) = needs.get(&operation.id) else { continue };
        for (role, _) in PLAYERS {
            let allowed = events.iter().all(|event| !refusal_follows_policy(role, event, &operation.path));
            if allowed && table[&operation.id][&role] == "403" {
                wrong.push(format!(
                    "{} {} as {role}: refused though the policy allows {events:?}",
                    operation.method, operation.path
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} answers disagree with the policy:\n{}", wrong.len(), wrong.join("\n"));

    let mut rendered = String::from("operation | needs |");
    for (role, _) in PLAYERS {
        rendered.push_str(&format!(" {role} |"));
    }
    rendered.push('\n');
    for operation in &operations {
        let actions: Vec<&str> = needs.get(&operation.id).into_iter().flatten().map(String::as_str).collect();
        rendered.push_str(&format!("{} {} | {} |", operation.method, operation.path, actions.join(", ")));
        for (role, _) in PLAYERS {
            rendered.push_str(&format!(" {} |", table[&operation.id][&role]));
        }
        rendered.push('\n');
    }
    insta::assert_snapshot!("route_roles", rendered);
}
