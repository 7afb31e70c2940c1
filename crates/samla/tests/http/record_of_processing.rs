//! The record of processing activities (GDPR art. 30) over HTTP: generated from the
//! organisation's settings, rules and counts, for its administrator and coordinator only,
//! with no one's data in it.

use crate::common::running::{seed, COORDINATOR, LEADER, SECRETARY};
use crate::common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const PATH: &str = "/organisations/org-a/record-of-processing";

fn activity<'a>(record: &'a Value, code: &str) -> &'a Value {
    record["activities"].as_array().unwrap().iter().find(|a| a["code"] == code).expect(code)
}

#[tokio::test]
async fn the_record_states_each_activity_with_the_organisations_rules_and_counts_and_names_no_one() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let coordinator = app.api(&app.token_for(COORDINATOR).await);
    let rule = json!({ "months": 18 });
    let response =
        coordinator.send_json(Method::PUT, "/organisations/org-a/retention/rules/unplaced_applications", &rule).await;
    assert_eq!(response.status(), StatusCode::OK);

    let record = coordinator.get_ok(PATH).await;
    let intake = activity(&record, "intake");
    assert_eq!(intake["records_held"], 3, "the three children's applications");
    assert_eq!(intake["retention_months"], 18, "the organisation's own rule");
    assert_eq!(intake["special_category"], true);
    assert!(
        !intake["data"].as_array().unwrap().iter().any(|d| d == "national_id"),
        "national identity numbers are not asked for here"
    );
    assert_eq!(activity(&record, "mail")["retention_months"], 6, "samla's default");
    assert_eq!(
        activity(&record, "courses")["records_held"],
        6,
        "three children and their guardians at the parent sessions"
    );
    assert_eq!(activity(&record, "courses")["retention_months"], 12, "the observations' rule, samla's default");
    assert!(activity(&record, "statistics")["records_held"].is_null(), "aggregates");
    let measures = record["security_measures"].as_array().unwrap();
    assert!(measures.iter().any(|m| m == "audit_hash_chain"));
    let text = record.to_string();
    for child in &course.children {
        assert!(!text.contains(child.name), "{} is named", child.name);
    }

    // Asking for national identity numbers shows in the record.
    app.execute("UPDATE organisations SET national_id_enabled = 1 WHERE slug = 'org-a'", ()).await;
    let record = coordinator.get_ok(PATH).await;
    assert!(activity(&record, "intake")["data"].as_array().unwrap().iter().any(|d| d == "national_id"));

    // The administrator too; not those who work with the courses.
    let (_, admin) = app.admin_api("org-a", "admin@a.test").await;
    assert_eq!(admin.get(PATH).await.status(), StatusCode::OK);
    for email in [LEADER, SECRETARY] {
        let api = app.api(&app.token_for(email).await);
        assert_eq!(api.get(PATH).await.status(), StatusCode::FORBIDDEN, "{email}");
    }

    let browser = app.logged_in(COORDINATOR).await;
    let (status, html) = browser.get_html("/record-of-processing").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"activity-intake\""), "a section per activity");
    assert!(html.contains("18"), "the rule's months");
}
