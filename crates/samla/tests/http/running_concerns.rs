//! Concern reports: who may read one (the author, coordinators, designated readers with a
//! role that sees sensitive data; never secretaries or user representatives), that every
//! access is audited and flagged for review, and the review itself.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::courses::{self as course_service, StaffForm};
use serde_json::{json, Value};

const CONCERN: &str = "CANARY-CONCERN-m2k7";
const NOTE: &str = "CANARY-DECISION-w9q3";

struct Seeded {
    app: TestApp,
    /// Leaders of course A: the author and another.
    course_a: i64,
    course_b: i64,
    nora: i64,
    emil_in_b: i64,
}

async fn actor(app: &TestApp, user_id: i64) -> Actor {
    actor_in(app, "org-a", user_id, "coordinator@a.test", "Kari Koordinator", vec![Role::Coordinator], "test").await
}

async fn course(app: &TestApp, coordinator: &Actor, name: &str, staff: &[(i64, &str)]) -> i64 {
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(2);
    let id = running::plan_course(app, coordinator, name, start).await;
    for (user_id, course_role) in staff {
        let form = StaffForm { user_id: Some(*user_id), course_role: (*course_role).into(), ..Default::default() };
        course_service::add_staff(&app.state, coordinator, id, &form).await.expect("staff");
    }
    id
}

/// Course A: the author and a second leader, a user representative, the child Nora.
/// Course B: a leader who is also designated to read concern reports, the child Emil.
/// Besides: a coordinator, a secretary, an administrator.
async fn seed() -> Seeded {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", "coordinator@a.test", "coordinator").await;
    let author = app.add_user("org-a", "author@a.test", "group_leader").await;
    let colleague = app.add_user("org-a", "colleague@a.test", "group_leader").await;
    let leader_b = app.add_user("org-a", "leader-b@a.test", "group_leader").await;
    let designated = app.add_user("org-a", "designated@a.test", "group_leader").await;
    let rep = app.add_user("org-a", "rep@a.test", "user_representative").await;
    app.add_user("org-a", "secretary@a.test", "secretary").await;
    app.add_user("org-a", "admin@a.test", "admin").await;
    let coordinator = actor(&app, coordinator_id).await;
    let course_a = course(
        &app,
        &coordinator,
        "Gruppe A",
        &[(author, "group_leader"), (colleague, "group_leader"), (rep, "user_representative")],
    )
    .await;
    let course_b =
        course(&app, &coordinator, "Gruppe B", &[(leader_b, "group_leader"), (designated, "group_leader")]).await;
    let nora = running::enrol_aged(&app, &coordinator, course_a, ("Nora Nordmann", 9), false).await;
    let emil_in_b = running::enrol_aged(&app, &coordinator, course_b, ("Emil Eriksen", 9), false).await;
    Seeded { app, course_a, course_b, nora, emil_in_b }
}

async fn api_of(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    app.scalar("SELECT id FROM users WHERE email = $1", (email,)).await
}

const REPORTS: &str = "/organisations/org-a/concern-reports";

async fn file(api: &Api, course_id: i64, participant_id: i64, concern: &str) -> (StatusCode, Value) {
    let body = json!({ "participant_id": participant_id, "concern": concern });
    let path = format!("/organisations/org-a/courses/{course_id}/concern-reports");
    Api::json_of(api.send_json(Method::POST, &path, &body).await).await
}

fn ids(list: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = list["items"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids
}

/// Audit rows about concern reports that are not flagged for review (should be none).
async fn unflagged(app: &TestApp) -> i64 {
    app.scalar(
        "SELECT COUNT(*) FROM audit_log a WHERE a.action LIKE 'concern.%'
           AND NOT EXISTS (SELECT 1 FROM audit_reviews v WHERE v.seq = a.seq)",
        (),
    )
    .await
}

async fn flagged(app: &TestApp, action: &str, outcome: &str, actor: i64) -> i64 {
    app.scalar(
        "SELECT COUNT(*) FROM audit_log a JOIN audit_reviews v ON v.seq = a.seq
         WHERE a.action = $1 AND a.outcome = $2 AND a.actor_user_id = $3 AND v.reviewed_at IS NULL",
        (action, outcome, actor),
    )
    .await
}

#[tokio::test]
async fn only_the_author_coordinators_and_designated_readers_read_a_report() {
    let Seeded { app, course_a, course_b, nora, emil_in_b } = seed().await;
    let author = api_of(&app, "author@a.test").await;
    let colleague = api_of(&app, "colleague@a.test").await;
    let leader_b = api_of(&app, "leader-b@a.test").await;
    let designated = api_of(&app, "designated@a.test").await;
    let coordinator = api_of(&app, "coordinator@a.test").await;
    let secretary = api_of(&app, "secretary@a.test").await;
    let rep = api_of(&app, "rep@a.test").await;
    let admin = api_of(&app, "admin@a.test").await;

    // Filing: the course's leaders, never someone else's course or a child not on it.
    let (status, report) = file(&author, course_a, nora, CONCERN).await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    assert_eq!(
        (report["decision"].as_str(), report["participant_name"].as_str()),
        (Some("pending"), Some("Nora Nordmann"))
    );
    let by_author = report["id"].as_i64().unwrap();
    let (status, report) = file(&colleague, course_a, nora, "Colleague's own concern").await;
    assert_eq!(status, StatusCode::CREATED);
    let by_colleague = report["id"].as_i64().unwrap();
    assert_eq!(file(&leader_b, course_a, nora, "x").await.0, StatusCode::FORBIDDEN);
    let (status, problem) = file(&author, course_a, emil_in_b, "x").await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("participant_id"))
    );
    for never in [&secretary, &rep, &admin] {
        assert_eq!(file(never, course_a, nora, "x").await.0, StatusCode::FORBIDDEN);
    }

    // Designating: only a role that sees sensitive data.
    let secretary_id = user_id(&app, "secretary@a.test").await;
    let rep_id = user_id(&app, "rep@a.test").await;
    let designated_id = user_id(&app, "designated@a.test").await;
    let readers = "/organisations/org-a/concern-readers";
    for refused in [secretary_id, rep_id] {
        let (status, problem) = Api::json_of(
            coordinator.send_json(Method::PUT, readers, &json!({ "user_ids": [designated_id, refused] })).await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(problem["errors"][0]["field"], "user_ids");
    }
    assert_eq!(
        author.send_json(Method::PUT, readers, &json!({ "user_ids": [] })).await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, saved) =
        Api::json_of(admin.send_json(Method::PUT, readers, &json!({ "user_ids": [designated_id] })).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["readers"][0]["user_id"], designated_id);
    // Even put on the list behind the policy's back, a secretary reads nothing.
    app.execute(
        "INSERT INTO concern_readers (organisation_id, user_id) SELECT organisation_id, $1 FROM concern_readers LIMIT 1",
        (secretary_id,),
    )
    .await;

    // Reading one report.
    let one = format!("{REPORTS}/{by_author}");
    for (who, api, expected) in [
        ("author", &author, StatusCode::OK),
        ("coordinator", &coordinator, StatusCode::OK),
        ("designated reader on another course", &designated, StatusCode::OK),
        ("other leader of the same course", &colleague, StatusCode::FORBIDDEN),
        ("leader of another course", &leader_b, StatusCode::FORBIDDEN),
        ("designated secretary", &secretary, StatusCode::FORBIDDEN),
        ("user representative", &rep, StatusCode::FORBIDDEN),
        ("administrator", &admin, StatusCode::FORBIDDEN),
    ] {
        let (status, body) = api.get_json(&one).await;
        assert_eq!(status, expected, "{who}");
        assert_eq!(body.to_string().contains(CONCERN), expected == StatusCode::OK, "{who}");
    }

    // Lists hold only what each may read.
    let course_list = format!("{REPORTS}?course_id={course_a}");
    assert_eq!(ids(&author.get_json(&course_list).await.1), vec![by_author]);
    assert_eq!(ids(&colleague.get_json(&course_list).await.1), vec![by_colleague]);
    assert_eq!(ids(&coordinator.get_json(REPORTS).await.1), vec![by_author, by_colleague]);
    assert_eq!(ids(&designated.get_json(REPORTS).await.1), vec![by_author, by_colleague]);
    assert_eq!(ids(&leader_b.get_json(REPORTS).await.1), Vec::<i64>::new());
    assert_eq!(leader_b.get(&course_list).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(ids(&leader_b.get_json(&format!("{REPORTS}?course_id={course_b}")).await.1), Vec::<i64>::new());
    for never in [&secretary, &rep, &admin] {
        assert_eq!(never.get(REPORTS).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(never.get(&course_list).await.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(coordinator.get(&format!("{REPORTS}?course_id=999999")).await.status(), StatusCode::NOT_FOUND);

    // Deciding: a reader who also reports concerns on the course.
    let decision = json!({ "decision": "sent", "sent_on": chrono::Utc::now().date_naive().to_string(), "reference": "BV-17", "decision_note": NOTE });
    let send = |api: &Api, tag: &str| {
        api.request(Method::PUT, &one).header("If-Match", tag.to_string()).json(&decision).send()
    };
    assert_eq!(
        author.request(Method::PUT, &one).json(&decision).send().await.unwrap().status(),
        StatusCode::PRECONDITION_REQUIRED
    );
    let response = send(&author, "\"v1\"").await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"v2\"");
    assert_eq!(send(&coordinator, "\"v1\"").await.unwrap().status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(
        send(&designated, "*").await.unwrap().status(),
        StatusCode::FORBIDDEN,
        "reads, but is not on the course"
    );
    assert_eq!(send(&colleague, "*").await.unwrap().status(), StatusCode::FORBIDDEN);
    let not_sent = json!({ "concern": " ", "decision": "not_sent", "reference": "BV-17" });
    let (status, problem) =
        Api::json_of(coordinator.send_json_with(Method::PUT, &one, ("If-Match", "*"), &not_sent).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["concern", "reference", "decision_note"]);
    let corrected = format!("{CONCERN} Rettet: det var torsdag.");
    let mut correction = decision.clone();
    correction["concern"] = json!(corrected);
    let response = author.send_json_with(Method::PUT, &one, ("If-Match", "*"), &correction).await;
    assert_eq!(response.status(), StatusCode::OK, "the author corrects the concern");
    let (_, report) = coordinator.get_json(&one).await;
    assert_eq!(
        (report["decision"].as_str(), report["reference"].as_str(), report["concern"].as_str()),
        (Some("sent"), Some("BV-17"), Some(corrected.as_str()))
    );

    // Every access, refusals included, is audited and flagged for review.
    assert_eq!(unflagged(&app).await, 0, "every concern audit row is flagged");
    let author_id = user_id(&app, "author@a.test").await;
    assert_eq!(flagged(&app, "concern.create", "success", author_id).await, 1);
    assert_eq!(flagged(&app, "concern.update", "success", author_id).await, 2, "the decision and the correction");
    assert!(flagged(&app, "concern.read", "success", designated_id).await >= 1);
    assert!(flagged(&app, "concern.list", "success", designated_id).await >= 1);
    for (email, action) in
        [("secretary@a.test", "concern.read"), ("rep@a.test", "concern.list"), ("colleague@a.test", "concern.read")]
    {
        assert!(flagged(&app, action, "denied", user_id(&app, email).await).await >= 1, "{email} {action}");
    }
    let texts: Vec<String> = app.scalars("SELECT COALESCE(record_id, '') || action FROM audit_log", ()).await;
    assert!(texts.iter().all(|t| !t.contains(CONCERN) && !t.contains(NOTE)), "the audit trail holds no concern text");
}

#[tokio::test]
async fn pages_for_leaders_and_refusals_for_secretaries_and_user_representatives() {
    let Seeded { app, course_a, nora, .. } = seed().await;
    let author = app.logged_in("author@a.test").await;
    let list = format!("/courses/{course_a}/concerns");
    let (status, html) = author.get_html(&format!("/courses/{course_a}/meetings")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"{list}\"")), "the leader finds the course's concerns");

    // Filing through the page.
    let response = author.submit(&list, &list, &[("participant_id", ""), ("concern", "")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#participant_id\"") && html.contains("href=\"#concern\""));
    let nora_value = nora.to_string();
    let text = format!("{CONCERN}\r\nSa at hun ikke får mat hjemme.");
    let response =
        author.submit(&list, &list, &[("participant_id", nora_value.as_str()), ("concern", text.as_str())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let report_page = location(&response).split('?').next().unwrap().to_string();
    let (status, html) = author.get_html(&report_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(CONCERN) && html.contains("Nora Nordmann") && html.contains("Ikke bestemt ennå"));

    // Deciding: what is missing is named; a stale save is a conflict, not an overwrite.
    let version = input_value(&html, "version").unwrap();
    let response = author
        .submit(&report_page, &report_page, &[("decision", "sent"), ("sent_on", ""), ("version", version.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("href=\"#sent_on\""));
    let today = chrono::Utc::now().date_naive().to_string();
    let sent = [
        ("decision", "sent"),
        ("sent_on", today.as_str()),
        ("reference", "BV-2026-3"),
        ("decision_note", NOTE),
        ("version", version.as_str()),
    ];
    assert_eq!(author.submit(&report_page, &report_page, &sent).await.status(), StatusCode::SEE_OTHER);
    let response = author.submit(&report_page, &report_page, &sent).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).is_some_and(|s| s.contains("Noen andre endret")));
    assert!(html.contains("Sendt til barnevernet"));

    // Secretaries and user representatives: 403 everywhere, audited, and no link.
    let report_id = report_page.rsplit('/').next().unwrap().to_string();
    for email in ["secretary@a.test", "rep@a.test"] {
        let browser = app.logged_in(email).await;
        for page in ["/concerns".to_string(), list.clone(), report_page.clone(), "/concerns/readers".to_string()] {
            let (status, html) = browser.get_html(&page).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{email} {page}");
            assert!(!html.contains(CONCERN) && !html.contains(NOTE));
        }
        let response = browser.submit("/", &list, &[("participant_id", nora_value.as_str()), ("concern", "x")]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = browser.submit("/", &report_page, &sent).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let (_, home) = browser.get_html("/").await;
        assert!(!home.contains("/concerns"), "{email} gets no link to concerns");
        let uid = user_id(&app, email).await;
        assert!(flagged(&app, "concern.read", "denied", uid).await >= 1, "{email}");
        assert!(flagged(&app, "concern.update", "denied", uid).await >= 1, "{email}");
    }
    let rep = app.logged_in("rep@a.test").await;
    assert!(!rep.get_html(&format!("/courses/{course_a}/meetings")).await.1.contains("/concerns"));
    assert!(!rep.get_html(&format!("/courses/{course_a}")).await.1.contains("/concerns"));
    assert_eq!(unflagged(&app).await, 0);

    // Designated readers through the page: a secretary is refused by name.
    let coordinator = app.logged_in("coordinator@a.test").await;
    let (status, html) = coordinator.get_html("/concerns").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("/concerns/{report_id}")) && html.contains("href=\"/concerns/readers\""));
    let secretary_id = user_id(&app, "secretary@a.test").await.to_string();
    let response =
        coordinator.submit("/concerns/readers", "/concerns/readers", &[("user_ids", secretary_id.as_str())]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).is_some_and(|s| s.contains("kan ikke utpekes")), "{html}");
    let colleague_id = user_id(&app, "colleague@a.test").await.to_string();
    let response =
        coordinator.submit("/concerns/readers", "/concerns/readers", &[("user_ids", colleague_id.as_str())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let colleague = app.logged_in("colleague@a.test").await;
    let (status, html) = colleague.get_html(&report_page).await;
    assert_eq!(status, StatusCode::OK, "designated now");
    assert!(html.contains(CONCERN));
}

#[tokio::test]
async fn flagged_accesses_are_reviewed_by_an_administrator() {
    let Seeded { app, course_a, nora, .. } = seed().await;
    let author = api_of(&app, "author@a.test").await;
    let (_, report) = file(&author, course_a, nora, CONCERN).await;
    let id = report["id"].as_i64().unwrap();
    assert_eq!(author.get(&format!("{REPORTS}/{id}")).await.status(), StatusCode::OK);
    let rep = api_of(&app, "rep@a.test").await;
    assert_eq!(rep.get(&format!("{REPORTS}/{id}")).await.status(), StatusCode::FORBIDDEN);

    let admin = app.logged_in("admin@a.test").await;
    let (_, audit_page) = admin.get_html("/admin/audit").await;
    assert!(audit_page.contains("href=\"/admin/audit/reviews\""));
    let (status, html) = admin.get_html("/admin/audit/reviews").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("concern.create") && html.contains("concern.read"));
    assert!(!html.contains(CONCERN), "the review shows who and what, never the concern");
    let open: Vec<i64> = app.scalars("SELECT seq FROM audit_reviews WHERE reviewed_at IS NULL ORDER BY seq", ()).await;
    assert!(open.len() >= 3, "create, read and the refused read");
    let first = open[0];
    let response = admin.submit("/admin/audit/reviews", &format!("/admin/audit/reviews/{first}/reviewed"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let admin_id = user_id(&app, "admin@a.test").await;
    let (reviewed_by, reviewed_at): (Option<i64>, Option<i64>) =
        app.row("SELECT reviewed_by, reviewed_at FROM audit_reviews WHERE seq = $1", (first,)).await;
    assert_eq!(reviewed_by, Some(admin_id));
    assert!(reviewed_at.is_some());

    // Over the API: the rest, once each; marking twice keeps the first review.
    let api = api_of(&app, "admin@a.test").await;
    let reviews = api.get_ok("/organisations/org-a/audit-reviews").await;
    assert_eq!(reviews["open_count"].as_i64(), Some(open.len() as i64 - 1));
    assert_eq!(reviews["reviewed"][0]["seq"], first);
    let second = open[1];
    let mark = format!("/organisations/org-a/audit-reviews/{second}/reviewed");
    let (status, marked) = Api::json_of(api.request(Method::POST, &mark).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(marked["reviewed_by"], admin_id);
    app.state.clock.advance(60);
    let (_, again) = Api::json_of(api.request(Method::POST, &mark).send().await.unwrap()).await;
    assert_eq!(again["reviewed_at"], marked["reviewed_at"]);
    assert_eq!(app.audit_count("audit.review.mark", None, "success", Some(admin_id)).await, 2);
    // The first audit row (the organisation's creation) is in the trail but not flagged.
    let unflagged_row = "/organisations/org-a/audit-reviews/1/reviewed";
    assert_eq!(api.request(Method::POST, unflagged_row).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let coordinator = api_of(&app, "coordinator@a.test").await;
    assert_eq!(coordinator.get("/organisations/org-a/audit-reviews").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(coordinator.request(Method::POST, &mark).send().await.unwrap().status(), StatusCode::FORBIDDEN);
}
