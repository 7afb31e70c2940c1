//! Referral contents never reach a user representative or a secretary: canary strings are
//! written into every sensitive intake field, then every page those roles can reach (by
//! following links, and the intake addresses directly) and every API GET operation in the
//! OpenAPI document is fetched, and none may contain a canary.

use crate::common::*;
use reqwest::StatusCode;
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::intake::applications::{self as intake, MoveForm, Origin, PreConversationForm};
use samla_web::services::intake::ApplicationForm;
use std::collections::{BTreeSet, VecDeque};

const REASON: &str = "CANARY-REASON-q7x2";
const NEEDS: &str = "CANARY-NEEDS-k3m9";
const TALK: &str = "CANARY-TALK-p5v1";
const NOTE: &str = "CANARY-NOTE-z8w4";
const CANARIES: [&str; 4] = [REASON, NEEDS, TALK, NOTE];

fn leaks(body: &str) -> Vec<&'static str> {
    CANARIES.into_iter().filter(|c| body.contains(c)).collect()
}

async fn actor(app: &TestApp, user_id: i64, roles: Vec<Role>) -> Actor {
    actor_in(app, "org-a", user_id, "coordinator@a.test", "Coordinator", roles, "test").await
}

struct Seeded {
    application_id: i64,
    household_id: i64,
    course_id: i64,
}

async fn seed(app: &TestApp) -> Seeded {
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", "coordinator@a.test", "coordinator").await;
    app.add_user("org-a", "secretary@a.test", "secretary").await;
    let representative_id = app.add_user("org-a", "rep@a.test", "user_representative").await;
    let coordinator = actor(app, coordinator_id, vec![Role::Coordinator]).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course_id = running::plan_course(app, &coordinator, "Mestringsgruppe", start).await;
    running::add_staff(app, &coordinator, course_id, representative_id, "user_representative").await;
    let form = ApplicationForm {
        course_id: course_id.to_string(),
        participant_type: "child".into(),
        participant_name: "Nora Canary".into(),
        participant_birth_date: "2016-02-10".into(),
        guardian_name: "Guro Canary".into(),
        guardian_phone: "912 34 567".into(),
        guardian_email: "guro@example.test".into(),
        referrer_name: "Helse Søster".into(),
        referrer_service: "Helsestasjonen".into(),
        reason: REASON.into(),
        needs: NEEDS.into(),
        consents: vec!["participation".into()],
        consent_method: "paper".into(),
        ..Default::default()
    };
    let organisation = coordinator.organisation.clone();
    let receipt =
        intake::create(&app.state, &organisation, Origin::Staff { actor: &coordinator, via_api: false }, &form)
            .await
            .expect("application");
    let talk = PreConversationForm {
        held_on: chrono::Utc::now().date_naive().to_string(),
        participants: "Mor og begge ledere".into(),
        notes: TALK.into(),
        outcome: "continue".into(),
    };
    intake::record_pre_conversation(&app.state, &coordinator, receipt.application_id, &talk).await.expect("talk");
    let step = MoveForm { stage: "waitlisted".into(), note: NOTE.into() };
    intake::move_stage(&app.state, &coordinator, receipt.application_id, &step, None).await.expect("move");
    let view = intake::view(&app.state, &coordinator, receipt.application_id).await.expect("view");
    assert!(view.sensitive_visible, "the coordinator sees the referral's contents");
    assert_eq!(view.application.reason, REASON);
    Seeded { application_id: receipt.application_id, household_id: view.application.household_id, course_id }
}

/// Every page reachable from the home page by links, plus the given addresses.
async fn crawl(browser: &Browser, extra: &[String]) -> Vec<(String, StatusCode, String)> {
    let mut queue: VecDeque<String> = VecDeque::from(vec!["/".to_string()]);
    queue.extend(extra.iter().cloned());
    let mut seen = BTreeSet::new();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 400 {
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

fn intake_addresses(seeded: &Seeded) -> Vec<String> {
    vec![
        "/intake".into(),
        format!("/intake/applications/{}", seeded.application_id),
        format!("/intake/households/{}", seeded.household_id),
        "/intake/waitlist".into(),
        format!("/courses/{}", seeded.course_id),
        format!("/courses/{}/group", seeded.course_id),
        "/outbox".into(),
        "/o/org-a".into(),
    ]
}

/// Fills the path parameters of an OpenAPI path with the seeded records.
fn concrete(path: &str, seeded: &Seeded) -> Option<String> {
    let mut out = path.replace("{org}", "org-a");
    for (name, value) in [
        ("{application_id}", seeded.application_id.to_string()),
        ("{household_id}", seeded.household_id.to_string()),
        ("{course_id}", seeded.course_id.to_string()),
        ("{programme}", "mestringsgrupper".to_string()),
    ] {
        out = out.replace(name, &value);
    }
    (!out.contains('{')).then_some(out)
}

async fn api_bodies(app: &TestApp, token: &str, seeded: &Seeded) -> Vec<(String, StatusCode, String)> {
    let (_, document) = app.api(token).get_json("/openapi.json").await;
    let document = if document.is_null() {
        reqwest::get(app.url("/api/v1/openapi.json")).await.expect("openapi").json().await.expect("json")
    } else {
        document
    };
    let paths = document["paths"].as_object().expect("paths").clone();
    let mut out = Vec::new();
    for (path, operations) in paths {
        if operations.get("get").is_none() {
            continue;
        }
        let Some(path) = concrete(&path, seeded) else { continue };
        let path = path.trim_start_matches("/api/v1").to_string();
        let response = app.api(token).get(&path).await;
        let status = response.status();
        out.push((path, status, response.text().await.unwrap_or_default()));
    }
    out
}

#[tokio::test]
async fn referral_contents_never_reach_a_secretary_or_a_user_representative() {
    let app = TestApp::spawn().await;
    let seeded = seed(&app).await;
    // The canaries are on the page for the coordinator, so their absence below means something.
    let coordinator = app.logged_in("coordinator@a.test").await;
    let (status, page) = coordinator.get_html(&format!("/intake/applications/{}", seeded.application_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(leaks(&page).len(), CANARIES.len(), "the coordinator sees every sensitive field");
    for (email, may_work_with_intake) in [("secretary@a.test", true), ("rep@a.test", false)] {
        let browser = app.logged_in(email).await;
        let pages = crawl(&browser, &intake_addresses(&seeded)).await;
        assert!(pages.len() > 5, "{email} crawled only {} pages", pages.len());
        for (path, status, body) in &pages {
            assert!(status.as_u16() < 500, "{email}: {path} answered {status}");
            assert!(leaks(body).is_empty(), "{email}: {path} shows {:?}", leaks(body));
        }
        let application_page = pages
            .iter()
            .find(|(path, _, _)| *path == format!("/intake/applications/{}", seeded.application_id))
            .expect("application page visited");
        if may_work_with_intake {
            assert_eq!(application_page.1, StatusCode::OK, "{email} works with the application");
            assert!(application_page.2.contains("Nora Canary"), "the secretary sees the name");
        } else {
            assert_eq!(application_page.1, StatusCode::FORBIDDEN, "{email} is refused the application");
            assert!(!application_page.2.contains("Nora Canary"));
        }
        let token = app.token_for(email).await;
        let bodies = api_bodies(&app, &token, &seeded).await;
        assert!(bodies.len() > 10, "the API has GET operations to try");
        for (path, status, body) in &bodies {
            assert!(status.as_u16() < 500, "{email}: GET {path} answered {status}");
            assert!(leaks(body).is_empty(), "{email}: GET {path} shows {:?}", leaks(body));
        }
    }
}

#[tokio::test]
async fn mail_about_an_application_carries_no_referral_contents() {
    let app = TestApp::spawn().await;
    seed(&app).await;
    for (_, body) in app.mails_without(leaks, "the guardian was sent a receipt").await {
        assert!(!body.contains("Nora"), "the receipt does not name the child");
    }
}
