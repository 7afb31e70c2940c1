//! Observations about one participant and concern reports never reach a user
//! representative or a secretary: canary strings are written into them through the API,
//! then every page those roles can reach (following links from the home page, plus every
//! running-the-course address directly) and every API GET operation in the OpenAPI
//! document is fetched, and none may contain a canary. The coordinator, who may read
//! both, sees every canary, so their absence means something.

mod common;

use common::running::{self, RunningCourse, COORDINATOR, LEADER, ORG, REPRESENTATIVE, SECRETARY};
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::collections::{BTreeSet, VecDeque};

const OBSERVATION: &str = "CANARY-OBSERVATION-r4t8";
const CONCERN: &str = "CANARY-CONCERN-m2c6";
const DECISION: &str = "CANARY-DECISION-h9j3";
const CANARIES: [&str; 3] = [OBSERVATION, CONCERN, DECISION];

fn leaks(body: &str) -> Vec<&'static str> {
    CANARIES.into_iter().filter(|c| body.contains(c)).collect()
}

struct Written {
    course: RunningCourse,
    concern_id: i64,
}

async fn write_canaries(app: &TestApp) -> Written {
    let course = running::seed(app).await;
    let leader = app.api(&app.token_for(LEADER).await);
    let child = &course.children[0];
    let observations =
        format!("/organisations/{ORG}/courses/{}/participants/{}/observations", course.course_id, child.participant_id);
    let response = leader
        .send_json(Method::POST, &observations, &json!({ "body": OBSERVATION, "session_id": course.session_ids[0] }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "observation: {}", response.text().await.unwrap_or_default());
    let reports = format!("/organisations/{ORG}/courses/{}/concern-reports", course.course_id);
    let response = leader
        .send_json(Method::POST, &reports, &json!({ "participant_id": child.participant_id, "concern": CONCERN }))
        .await;
    let (status, created) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "concern report: {created}");
    let concern_id = created["id"].as_i64().expect("report id");
    let report = format!("/organisations/{ORG}/concern-reports/{concern_id}");
    let response = leader.request(Method::GET, &report).send().await.expect("report");
    let etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string).expect("etag");
    let update = json!({
        "concern": CONCERN,
        "decision": "sent",
        "sent_on": course_start_plus(app, 1),
        "reference": "BV-2026-118",
        "decision_note": DECISION,
    });
    let response =
        leader.request(Method::PUT, &report).header("if-match", etag).json(&update).send().await.expect("put");
    assert_eq!(response.status(), StatusCode::OK, "decision: {}", response.text().await.unwrap_or_default());
    Written { course, concern_id }
}

fn course_start_plus(app: &TestApp, days: i64) -> String {
    (chrono::DateTime::from_timestamp(app.now(), 0).expect("clock").date_naive() - chrono::Duration::days(14)
        + chrono::Duration::days(days))
    .to_string()
}

/// Every running-the-course address of the seeded course, whether or not it is linked.
fn running_addresses(written: &Written) -> Vec<String> {
    let course = &written.course;
    let id = course.course_id;
    let mut out = vec![
        "/".to_string(),
        "/today".into(),
        format!("/courses/{id}"),
        format!("/courses/{id}/attendance"),
        format!("/courses/{id}/attendance/print"),
        format!("/courses/{id}/meetings"),
        format!("/courses/{id}/concerns"),
        format!("/courses/{id}/reminders"),
        "/concerns".into(),
        format!("/concerns/{}", written.concern_id),
        "/concerns/readers".into(),
        "/running/settings".into(),
        "/admin/audit/reviews".into(),
    ];
    for child in &course.children {
        out.push(format!("/courses/{id}/participants/{}", child.participant_id));
        out.push(format!("/courses/{id}/participants/{}/observations", child.participant_id));
    }
    for session in &course.session_ids[..2] {
        out.push(format!("/courses/{id}/sessions/{session}"));
        out.push(format!("/courses/{id}/sessions/{session}/attendance"));
        out.push(format!("/courses/{id}/sessions/{session}/log"));
    }
    for meeting in &course.meeting_ids {
        out.push(format!("/courses/{id}/meetings/{meeting}"));
    }
    out
}

async fn crawl(browser: &Browser, start: &[String]) -> Vec<(String, StatusCode, String)> {
    let mut queue: VecDeque<String> = start.iter().cloned().collect();
    let mut seen = BTreeSet::new();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 500 {
            continue;
        }
        let (status, body) = browser.get_html(&path).await;
        for href in hrefs(&body) {
            let href = unescape(&href);
            if href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/static/") {
                queue.push_back(href.split('#').next().unwrap_or("").to_string());
            }
        }
        pages.push((path, status, body));
    }
    pages
}

/// Every GET operation of the API with its path parameters filled from the seeded records;
/// a parameter we cannot fill is a test failure, so a new operation cannot slip past.
async fn api_bodies(app: &TestApp, token: &str, written: &Written) -> Vec<(String, StatusCode, String)> {
    let document: serde_json::Value =
        reqwest::get(app.url("/api/v1/openapi.json")).await.expect("openapi").json().await.expect("json");
    let course = &written.course;
    let child = course.children[0].participant_id.to_string();
    let fill = [
        ("{org}", ORG.to_string()),
        ("{course_id}", course.course_id.to_string()),
        ("{session_id}", course.session_ids[0].to_string()),
        ("{participant_id}", child),
        ("{concern_id}", written.concern_id.to_string()),
        ("{report_id}", written.concern_id.to_string()),
        ("{programme}", "mestringsgrupper".to_string()),
    ];
    let mut out = Vec::new();
    let mut unfilled = Vec::new();
    for (path, operations) in document["paths"].as_object().expect("paths") {
        if operations.get("get").is_none() {
            continue;
        }
        let mut concrete = path.trim_start_matches("/api/v1").to_string();
        for (name, value) in &fill {
            concrete = concrete.replace(name, value);
        }
        if concrete.contains('{') {
            unfilled.push(path.clone());
            continue;
        }
        let response = app.api(token).get(&concrete).await;
        let status = response.status();
        out.push((concrete, status, response.text().await.unwrap_or_default()));
    }
    // Operations on records the crawl cannot name (one application, household, user …) are
    // covered by the intake crawl; every running-the-course operation must be tried here.
    let running_unfilled: Vec<&String> = unfilled
        .iter()
        .filter(|p| {
            ["session", "participant", "concern", "attendance", "meeting", "homework"].iter().any(|w| p.contains(w))
        })
        .collect();
    assert!(running_unfilled.is_empty(), "GET operations the crawl could not fill: {running_unfilled:?}");
    out
}

#[tokio::test]
async fn observations_and_concern_reports_never_reach_a_secretary_or_a_user_representative() {
    let app = TestApp::spawn().await;
    let written = write_canaries(&app).await;
    let addresses = running_addresses(&written);

    let coordinator = app.logged_in(COORDINATOR).await;
    let mut seen_by_coordinator = BTreeSet::new();
    for (path, status, body) in crawl(&coordinator, &addresses).await {
        assert!(status.as_u16() < 500, "coordinator: {path} answered {status}");
        seen_by_coordinator.extend(leaks(&body));
    }
    assert_eq!(seen_by_coordinator.len(), CANARIES.len(), "the coordinator reads observations and concerns");

    for email in [SECRETARY, REPRESENTATIVE] {
        let browser = app.logged_in(email).await;
        let pages = crawl(&browser, &addresses).await;
        assert!(pages.len() >= addresses.len(), "{email} crawled only {} pages", pages.len());
        for (path, status, body) in &pages {
            assert!(status.as_u16() < 500, "{email}: {path} answered {status}");
            assert!(leaks(body).is_empty(), "{email}: {path} shows {:?}", leaks(body));
        }
        let refused = |suffix: String| {
            let page = pages.iter().find(|(path, _, _)| *path == suffix).expect("visited");
            assert_eq!(page.1, StatusCode::FORBIDDEN, "{email} is refused {suffix}");
        };
        refused(format!("/concerns/{}", written.concern_id));
        refused(format!(
            "/courses/{}/participants/{}/observations",
            written.course.course_id, written.course.children[0].participant_id
        ));
        let token = app.token_for(email).await;
        let bodies = api_bodies(&app, &token, &written).await;
        assert!(bodies.len() > 20, "the API has GET operations to try");
        for (path, status, body) in &bodies {
            assert!(status.as_u16() < 500, "{email}: GET {path} answered {status}");
            assert!(leaks(body).is_empty(), "{email}: GET {path} shows {:?}", leaks(body));
        }
    }
}

#[tokio::test]
async fn no_mail_carries_an_observation_or_a_concern() {
    let app = TestApp::spawn().await;
    write_canaries(&app).await;
    let bodies: Vec<(String, String)> = sqlx::query_as("SELECT subject, body_text FROM outbox_messages")
        .fetch_all(app.state.store.pool())
        .await
        .expect("outbox");
    assert!(!bodies.is_empty(), "the guardians were sent receipts");
    for (subject, body) in bodies {
        assert!(leaks(&subject).is_empty() && leaks(&body).is_empty(), "mail carries {:?}", leaks(&body));
    }
}
