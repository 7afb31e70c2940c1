//! A person's access to their data (innsyn) over HTTP: the coordinator finds a child,
//! registers the request, and the report holds what samla keeps about that child — the
//! application, consents, attendance, observations, identified answers — with who read it,
//! and nothing of the other children on the same course. Every reading is audited; other
//! roles and other organisations get nothing.

use crate::common::data::error_fields;
use crate::common::questionnaires::{add_response, add_round, version_of};
use crate::common::running::{save_attendance, seed, RunningCourse, COORDINATOR, LEADER, SECRETARY};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const OBSERVATION: &str = "Ada var stille i dag, tegnet mye.";

async fn api_for(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

/// The running course with Ada marked present at the first session by the leader, an
/// observation about her, and her guardian's identified answers before the course.
async fn course_with_records(app: &TestApp) -> RunningCourse {
    let course = seed(app).await;
    app.execute("UPDATE users SET name = 'Line Leder' WHERE email = $1", (LEADER,)).await;
    let leader = api_for(app, LEADER).await;
    let [ada, brage, cecilie] = [0, 1, 2].map(|i| course.child_id(i));
    let marks = [(ada, "present"), (brage, "absent_with_notice"), (cecilie, "late")];
    save_attendance(app, &leader, course.session_ids[0], &marks, &[], (0, 0)).await;
    let path = format!("{A}/courses/{}/participants/{ada}/observations", course.course_id);
    let response = leader.send_json(Method::POST, &path, &json!({ "body": OBSERVATION })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let version = version_of(app, course.organisation_id, "smil-parents").await;
    let round =
        add_round(app, course.organisation_id, course.course_id, version, "guardians", "identified", "before").await;
    let mut answers = Answers::new();
    answers.insert("child-benefit".into(), vec![AnswerValue::Choice("large".into())]);
    add_response(app, round, version, Some(ada), &answers).await;
    course
}

async fn register(api: &Api, person_id: i64, received_on: &str) -> (StatusCode, Value) {
    let body = json!({ "person_id": person_id, "received_on": received_on });
    Api::json_of(api.send_json(Method::POST, &format!("{A}/access-requests"), &body).await).await
}

/// A day counted back from today in the organisation (Norway's day, not UTC's: the two
/// differ for an hour or two around midnight).
fn days_ago(app: &TestApp, days: i64) -> String {
    let today = samla_web::org::today_in(samla_domain::calendar::Country::Norway, &app.state.clock);
    (today - chrono::Duration::days(days)).to_string()
}

#[tokio::test]
async fn a_coordinator_gets_everything_kept_about_one_child_and_who_read_it_and_nothing_of_the_others() {
    let app = TestApp::spawn().await;
    let course = course_with_records(&app).await;
    let coordinator = api_for(&app, COORDINATOR).await;
    let ada = &course.children[0];

    // Found by any words of the name, in any case.
    let found = coordinator.get_ok(&format!("{A}/persons?q=fjellstad%20ADA")).await;
    let found = found.as_array().unwrap();
    let names: Vec<&str> = found.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec![ada.name, "Foresatt til Ada Fjellstad"], "the child and her guardian");
    assert_eq!(found[0]["id"], ada.person_id);
    assert_eq!(found[0]["household_role"], "child");
    assert_eq!(found[0]["birth_year"], 2016);
    assert!(coordinator.get_ok(&format!("{A}/persons?q=a")).await.as_array().unwrap().is_empty(), "one letter");

    let received = days_ago(&app, 3);
    let (status, request) = register(&coordinator, ada.person_id, &received).await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    assert_eq!(request["person_name"], ada.name);
    assert_eq!(request["received_on"], received);
    assert_eq!(request["state"], "open");
    let answer_by = chrono::NaiveDate::parse_from_str(&received, "%Y-%m-%d").unwrap() + chrono::Months::new(1);
    assert_eq!(request["answer_by"], answer_by.to_string());
    let id = request["id"].as_i64().unwrap();

    let report = coordinator.get_ok(&format!("{A}/access-requests/{id}")).await;
    assert_eq!(report["person"]["name"], ada.name);
    assert_eq!(report["person"]["birth_date"], "2016-03-14");
    let applications = report["applications"].as_array().unwrap();
    assert_eq!(applications.len(), 1, "{applications:?}");
    assert_eq!(applications[0]["about_them"], true);
    assert!(!report["consents"].as_array().unwrap().is_empty(), "the consents with their texts");
    assert!(report["consents"][0]["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(report["places"][0]["course"], crate::common::running::COURSE_NAME);
    let marks = report["attendance"].as_array().unwrap();
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0]["attendance"], "present");
    assert_eq!(report["notes"][0]["text"], OBSERVATION);
    assert_eq!(report["notes"][0]["kind"], "observation");
    let answered = &report["questionnaires"][0]["answers"][0];
    assert_ne!(answered["question"], "child-benefit", "the question as asked: {answered}");
    let chosen = answered["answers"][0]["text"].as_str().unwrap();
    assert!(!chosen.is_empty() && chosen != "large", "the option's words: {answered}");
    // The leader's reading of the attendance sheet names the leader, on the day.
    let reads = report["reads"].as_array().unwrap();
    assert!(
        reads
            .iter()
            .any(|r| r["what"] == "attendance.read" && r["name"] == "Line Leder" && r["role"] == "group_leader"),
        "the leader's read of the sheet: {reads:?}"
    );
    // Nothing of the other children on the course.
    let text = report.to_string();
    for other in &course.children[1..] {
        assert!(!text.contains(other.name), "{} is in Ada's report", other.name);
        assert!(!text.contains(other.guardian_email), "{} is in Ada's report", other.guardian_email);
    }
    // Reading it is audited against the person, and shows the next time.
    let rows = app.audit_rows("access_request.read").await;
    assert_eq!(rows.last().unwrap().1.as_deref(), Some("person"));
    assert_eq!(rows.last().unwrap().2, Some(ada.person_id.to_string()));
    let again = coordinator.get_ok(&format!("{A}/access-requests/{id}")).await;
    assert!(again["reads"].as_array().unwrap().iter().any(|r| r["what"] == "access_request.read"));

    // Answered: not before it came, not after today; once.
    let path = format!("{A}/access-requests/{id}/answered");
    let early = json!({ "answered_on": days_ago(&app, 4) });
    assert_eq!(refused_fields(&coordinator, Method::POST, &path, &early).await, vec!["answered_on"]);
    let late = json!({ "answered_on": days_ago(&app, -1) });
    assert_eq!(refused_fields(&coordinator, Method::POST, &path, &late).await, vec!["answered_on"]);
    let yesterday = days_ago(&app, 1);
    let body = json!({ "answered_on": yesterday });
    let (status, done) = Api::json_of(coordinator.send_json(Method::POST, &path, &body).await).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["state"], "answered");
    assert_eq!(done["answered_on"], yesterday);
    let twice = coordinator.send_json(Method::POST, &path, &json!({})).await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert_eq!(app.audit_rows("access_request.answer").await.len(), 1);
}

#[tokio::test]
async fn a_request_needs_a_person_of_the_organisation_and_a_day_that_has_come() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let coordinator = api_for(&app, COORDINATOR).await;
    let ada = course.children[0].person_id;
    let (status, problem) = register(&coordinator, ada, &days_ago(&app, -1)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), vec!["received_on"]);
    // A person of another organisation is no person here.
    app.add_organisation("org-b", "Org B", "NO").await;
    let other: i64 = app
        .scalar(
            "INSERT INTO households (organisation_id, created_at) VALUES ((SELECT id FROM organisations WHERE slug = 'org-b'), 0) RETURNING id",
            (),
        )
        .await;
    let stranger: i64 = app
        .scalar(
            "INSERT INTO persons (organisation_id, household_id, household_role, name, created_at)
             VALUES ((SELECT id FROM organisations WHERE slug = 'org-b'), $1, 'adult', 'Fremmed Person', 0) RETURNING id",
            (other,),
        )
        .await;
    let (status, problem) = register(&coordinator, stranger, "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), vec!["person_id"]);
    assert!(coordinator.get_ok(&format!("{A}/persons?q=fremmed")).await.as_array().unwrap().is_empty());
    // A person merged into another is found, and asked about, as that other only.
    let household: i64 = app.scalar("SELECT household_id FROM persons WHERE id = $1", (ada,)).await;
    let merged: i64 = app
        .scalar(
            "INSERT INTO persons (organisation_id, household_id, household_role, name, merged_into, created_at)
             VALUES ($1, $2, 'child', 'Ada Dobbeltregistrert', $3, 0) RETURNING id",
            (course.organisation_id, household, ada),
        )
        .await;
    let (status, problem) = register(&coordinator, merged, "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), vec!["person_id"]);
    assert!(coordinator.get_ok(&format!("{A}/persons?q=dobbelt")).await.as_array().unwrap().is_empty());
    assert!(app.audit_rows("access_request.register").await.is_empty(), "nothing registered");
}

#[tokio::test]
async fn only_the_coordinator_answers_requests_and_another_organisation_gets_nothing() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let coordinator = api_for(&app, COORDINATOR).await;
    let (_, request) = register(&coordinator, course.children[0].person_id, "").await;
    let id = request["id"].as_i64().unwrap();
    let paths = [format!("{A}/persons?q=ada"), format!("{A}/access-requests"), format!("{A}/access-requests/{id}")];
    app.add_user("org-a", "admin@a.test", "admin").await;
    for email in [LEADER, SECRETARY, "admin@a.test"] {
        let api = api_for(&app, email).await;
        for path in &paths {
            assert_eq!(api.get(path).await.status(), StatusCode::FORBIDDEN, "{email} {path}");
        }
        let response = api.send_json(Method::POST, &format!("{A}/access-requests/{id}/answered"), &json!({})).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
    }
    // Another organisation's coordinator: not through our address, nor by the id through theirs.
    app.add_organisation("org-b", "Org B", "NO").await;
    app.add_user("org-b", "coordinator@b.test", "coordinator").await;
    let theirs = api_for(&app, "coordinator@b.test").await;
    for path in &paths {
        assert!(theirs.get(path).await.status().is_client_error(), "{path}");
    }
    let (status, _) = theirs.get_json(&format!("/organisations/org-b/access-requests/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let listed = theirs.get_ok("/organisations/org-b/access-requests").await;
    assert!(listed.as_array().unwrap().is_empty());
    let (status, _) = register(&theirs, course.children[0].person_id, "").await;
    assert!(status.is_client_error());
    assert_eq!(app.audit_rows("access_request.read").await.len(), 0, "nobody read the report");
}

#[tokio::test]
async fn the_pages_find_register_show_and_answer_a_request_keeping_what_was_typed() {
    let app = TestApp::spawn().await;
    let course = course_with_records(&app).await;
    let browser = app.logged_in(COORDINATOR).await;
    let ada = &course.children[0];

    let (status, html) = browser.get_html("/access-requests?q=ada").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("id=\"person_id-{}\"", ada.person_id)), "Ada is offered");
    let (_, html) = browser.get_html("/access-requests?q=x").await;
    assert!(html.contains("id=\"search-too-short\""));

    // No person chosen, a day in the future: both named, the day kept.
    // The home tells of a request due within the week, and of one past its day.
    let coordinator = api_for(&app, COORDINATOR).await;
    register(&coordinator, ada.person_id, &days_ago(&app, 25)).await;
    let (_, home) = browser.get_html("/").await;
    let due = element_text(&home, "access-requests-due").expect("the home's notice");
    assert!(due.contains("innen en uke") && !due.contains("passert"), "{due}");
    register(&coordinator, course.children[1].person_id, &days_ago(&app, 40)).await;
    let (_, home) = browser.get_html("/").await;
    let due = element_text(&home, "access-requests-due").expect("the home's notice");
    assert!(due.contains("innen en uke") && due.contains("passert"), "{due}");

    let tomorrow = days_ago(&app, -1);
    let response =
        browser.submit("/access-requests?q=ada", "/access-requests", &[("q", "ada"), ("received_on", &tomorrow)]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#person_id\"") && html.contains("href=\"#received_on\""), "both named");
    assert_eq!(input_value(&html, "received_on").as_deref(), Some(tomorrow.as_str()));

    let person = ada.person_id.to_string();
    let response =
        browser.submit("/access-requests?q=ada", "/access-requests", &[("q", "ada"), ("person_id", &person)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let report_page = location(&response);
    let (status, html) = browser.get_html(&report_page).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(OBSERVATION));
    assert!(element_text(&html, "request-state").is_some());
    let id: i64 = report_page.trim_start_matches("/access-requests/").split('?').next().unwrap().parse().unwrap();

    // The JSON copy is a file of the same report.
    let response = browser.get(&format!("/access-requests/{id}/copy.json")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let copy: Value = response.json().await.unwrap();
    assert_eq!(copy["person"]["name"], ada.name);

    let page = format!("/access-requests/{id}");
    let response = browser.submit(&page, &format!("{page}/answered"), &[("answered_on", "2001-01-01")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#answered_on\""), "the day is named");
    let response = browser.submit(&page, &format!("{page}/answered"), &[("answered_on", "")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = browser.get_html("/access-requests").await;
    assert!(html.contains(&format!("id=\"request-{id}\"")) && html.contains(ada.name));
}
