//! Break-the-glass: a group leader opens a course they do not work on, with a reason, for
//! a limited time; reads are then allowed (never writes), audited, and the opening waits
//! for the review of whoever oversees the audit trail. The attacks: no reason, a role that
//! never sees sensitive data, a write through the access, reading after it closed, a
//! reviewer in another organisation, a leader signing off their own access.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::services::courses::{self as course_service, StaffForm};
use serde_json::{json, Value};

const ACCESSES: &str = "/organisations/org-a/emergency-accesses";
const REASON: &str = "CANARY-REASON-k3v8: skolen meldte bekymring for Emil i dag";

struct Seeded {
    app: TestApp,
    /// Led by leader-b; leader-a works on another course.
    course_b: i64,
}

async fn seed() -> Seeded {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", "coordinator@a.test", "coordinator").await;
    let leader_a = app.add_user("org-a", "leader-a@a.test", "group_leader").await;
    let leader_b = app.add_user("org-a", "leader-b@a.test", "group_leader").await;
    app.add_user("org-a", "rep@a.test", "user_representative").await;
    app.add_user("org-a", "secretary@a.test", "secretary").await;
    app.add_user("org-a", "admin@a.test", "admin").await;
    let coordinator = running::actor(&app, coordinator_id, "coordinator@a.test", vec![Role::Coordinator]).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(2);
    let course_a = running::plan_course(&app, &coordinator, "Gruppe A", start).await;
    let course_b = running::plan_course(&app, &coordinator, "Gruppe B", start).await;
    for (course, leader) in [(course_a, leader_a), (course_b, leader_b)] {
        let form = StaffForm { user_id: Some(leader), course_role: "group_leader".into(), ..Default::default() };
        course_service::add_staff(&app.state, &coordinator, course, &form).await.expect("staff");
    }
    running::enrol_aged(&app, &coordinator, course_b, ("Emil Eriksen", 9), false).await;
    Seeded { app, course_b }
}

async fn api_of(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

async fn open(api: &Api, body: Value) -> (StatusCode, Value) {
    Api::json_of(api.send_json(Method::POST, ACCESSES, &body).await).await
}

fn participants(course: i64) -> String {
    format!("/organisations/org-a/courses/{course}/participants")
}

#[tokio::test]
async fn a_leader_reads_another_course_for_a_day_after_giving_a_reason_and_the_opening_is_reviewed() {
    let Seeded { app, course_b } = seed().await;
    let leader = api_of(&app, "leader-a@a.test").await;

    // Not their course: refused, as before.
    assert_eq!(leader.get(&participants(course_b)).await.status(), StatusCode::FORBIDDEN);

    // Without a reason there is no access.
    let (status, problem) = open(&leader, json!({ "course_id": course_b, "reason": "  " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "reason", "{problem}");
    let (status, problem) = open(&leader, json!({ "course_id": course_b, "reason": REASON, "hours": 25 })).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("hours")));
    assert_eq!(leader.get(&participants(course_b)).await.status(), StatusCode::FORBIDDEN, "nothing was opened");

    let (status, access) = open(&leader, json!({ "course_id": course_b, "reason": REASON })).await;
    assert_eq!(status, StatusCode::CREATED, "{access}");
    assert_eq!(access["expires_at"].as_i64().unwrap() - access["opened_at"].as_i64().unwrap(), 24 * 3600);
    let id = access["id"].as_i64().unwrap();

    // Now the course reads as if the leader worked on it: names included, and audited.
    let read = leader.get_ok(&participants(course_b)).await;
    assert!(read.to_string().contains("Emil"), "{read}");
    let audited: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.actor_user_id
             WHERE u.email = 'leader-a@a.test' AND a.outcome = 'success' AND a.record_id = $1",
            (course_b.to_string(),),
        )
        .await;
    assert!(audited >= 2, "the opening and the read are both in the trail ({audited})");

    // Reading, never changing: filing on the course stays refused.
    let (status, _) = Api::json_of(
        leader
            .send_json(
                Method::POST,
                &format!("/organisations/org-a/courses/{course_b}/concern-reports"),
                &json!({ "participant_id": 1, "concern": "x" }),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "filing a concern on the course is a change");

    // The access ends by itself.
    app.state.clock.advance(24 * 3600);
    assert_eq!(leader.get(&participants(course_b)).await.status(), StatusCode::FORBIDDEN, "closed after a day");

    // The leader sees their own, and cannot review.
    let own = leader.get_ok(ACCESSES).await;
    assert_eq!(own["items"].as_array().unwrap().len(), 1, "{own}");
    assert_eq!(leader.get(&format!("{ACCESSES}/{id}")).await.status(), StatusCode::FORBIDDEN);
    let (status, _) = Api::json_of(
        leader.send_json(Method::POST, &format!("{ACCESSES}/{id}/sign-off"), &json!({ "comment": "Fint" })).await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "nobody signs off their own access");

    // The administrator reviews it: the reason, and what was done while it was open.
    let admin = api_of(&app, "admin@a.test").await;
    let waiting = admin.get_ok(ACCESSES).await;
    assert_eq!(waiting["items"][0]["reason"], REASON);
    let review = admin.get_ok(&format!("{ACCESSES}/{id}")).await;
    let actions: Vec<&str> =
        review["actions"].as_array().unwrap().iter().map(|a| a["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"emergency_access.open"), "{actions:?}");
    assert!(actions.len() >= 2, "the reads while it was open are listed: {actions:?}");
    let (status, problem) = Api::json_of(
        admin.send_json(Method::POST, &format!("{ACCESSES}/{id}/sign-off"), &json!({ "comment": "" })).await,
    )
    .await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("comment")));
    let (status, signed) = Api::json_of(
        admin.send_json(Method::POST, &format!("{ACCESSES}/{id}/sign-off"), &json!({ "comment": "Begrunnet." })).await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{signed}");
    assert_eq!(signed["review_comment"], "Begrunnet.");
    let (_, again) = Api::json_of(
        admin.send_json(Method::POST, &format!("{ACCESSES}/{id}/sign-off"), &json!({ "comment": "Endret" })).await,
    )
    .await;
    assert_eq!(again["review_comment"], "Begrunnet.", "the first sign-off stays");
    assert_eq!(admin.get_ok(ACCESSES).await["items"].as_array().unwrap().len(), 0, "nothing waits any more");
    assert_eq!(admin.get_ok(&format!("{ACCESSES}?reviewed=true")).await["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn roles_that_never_see_sensitive_data_cannot_break_the_glass() {
    let Seeded { app, course_b } = seed().await;
    for email in ["rep@a.test", "secretary@a.test", "admin@a.test", "coordinator@a.test"] {
        let api = api_of(&app, email).await;
        let (status, answer) = open(&api, json!({ "course_id": course_b, "reason": REASON })).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}: {answer}");
    }
    let denied: i64 = app
        .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'emergency_access.open' AND outcome = 'denied'", ())
        .await;
    assert_eq!(denied, 4, "every refusal is audited");
    let opened: i64 = app.scalar("SELECT COUNT(*) FROM emergency_accesses", ()).await;
    assert_eq!(opened, 0);
}

#[tokio::test]
async fn an_access_reaches_only_its_own_organisation_and_not_ones_own_course() {
    let Seeded { app, course_b } = seed().await;
    let leader_b = api_of(&app, "leader-b@a.test").await;
    let (status, problem) = open(&leader_b, json!({ "course_id": course_b, "reason": REASON })).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("course_id")));
    let leader_a = api_of(&app, "leader-a@a.test").await;
    let (status, _) = open(&leader_a, json!({ "course_id": 999_999, "reason": REASON })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An administrator of another organisation sees nothing of this one's accesses.
    // Whole numbers written with a zero fraction are whole numbers (JSON Schema says so).
    let body = json!({ "course_id": course_b as f64, "reason": REASON, "hours": 2.0 });
    let (status, access) = open(&leader_a, body).await;
    assert_eq!(status, StatusCode::CREATED);
    app.add_organisation("org-b", "Kommune B", "NO").await;
    app.add_user("org-b", "admin@b.test", "admin").await;
    let other = api_of(&app, "admin@b.test").await;
    let id = access["id"].as_i64().unwrap();
    assert_eq!(
        other.get(&format!("/organisations/org-b/emergency-accesses/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(other.get_ok("/organisations/org-b/emergency-accesses").await["items"], json!([]));
    // Two hours asked for, two hours given.
    app.state.clock.advance(2 * 3600);
    assert_eq!(leader_a.get(&participants(course_b)).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_pages_open_a_course_with_a_reason_and_keep_what_was_typed() {
    let Seeded { app, course_b } = seed().await;
    let browser = app.logged_in("leader-a@a.test").await;
    let (status, home) = browser.get_html("/").await;
    assert_eq!(status, StatusCode::OK, "{home}");
    assert!(home.contains("emergency-access\""), "the home offers it to a leader");
    let (_, form) = browser.get_html("/emergency-access").await;
    assert!(form.contains("Gruppe B") && !form.contains("Gruppe A"), "only courses not their own");
    let course = course_b.to_string();
    let refused = browser
        .submit("/emergency-access", "/emergency-access", &[("course_id", &course), ("reason", ""), ("hours", "24")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("error-summary") || html.contains("Fyll ut"), "the problem is named");
    let opened = browser
        .submit("/emergency-access", "/emergency-access", &[("course_id", &course), ("reason", REASON), ("hours", "3")])
        .await;
    assert!(opened.status().is_success() || opened.status().is_redirection(), "{}", opened.status());
    let hours: i64 = app.scalar("SELECT (expires_at - opened_at) / 3600 FROM emergency_accesses", ()).await;
    assert_eq!(hours, 3);
    // A tampered duration is refused, not taken as the default day.
    let tampered = browser
        .submit(
            "/emergency-access",
            "/emergency-access",
            &[("course_id", &course), ("reason", REASON), ("hours", "abc")],
        )
        .await;
    assert_eq!(tampered.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let opened: i64 = app.scalar("SELECT COUNT(*) FROM emergency_accesses", ()).await;
    assert_eq!(opened, 1, "nothing more was opened");

    let admin = app.logged_in("admin@a.test").await;
    let (status, list) = admin.get_html("/admin/emergency-accesses").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Gruppe B"));
    let id: i64 = app.scalar("SELECT id FROM emergency_accesses", ()).await;
    let page = format!("/admin/emergency-accesses/{id}");
    let (status, review) = admin.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(review.contains("CANARY-REASON-k3v8"));
    let signed = admin.submit(&page, &page, &[("comment", "Begrunnet.")]).await;
    assert!(signed.status().is_success() || signed.status().is_redirection());
    let comment: String = app.scalar("SELECT review_comment FROM emergency_accesses WHERE id = $1", (id,)).await;
    assert_eq!(comment, "Begrunnet.");
    let (status, _) = browser.get_html("/admin/emergency-accesses").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the review list is the reviewers'");
    let refusals: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.actor_user_id
             WHERE u.email = 'leader-a@a.test' AND a.action = 'emergency_access.list' AND a.outcome = 'denied'",
            (),
        )
        .await;
    assert_eq!(refusals, 1, "the refusal is audited");
}
