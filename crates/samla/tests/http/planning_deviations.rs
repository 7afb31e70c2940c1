//! A rule of the programme can be bent when reality differs, but never silently (issue
//! #13): a SMIL course whose user representative can come to one session only (as in Mo i
//! Rana) is refused "ready" with the deviations listed, and goes ahead when a coordinator
//! writes why; the acceptance is kept with who and when, audited, shown on the course
//! page and in the course report, covers the next steps until the deviations grow, and is
//! counted in the programme's statistics. Both databases.

use crate::common::data::error_fields;
use crate::common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const COORDINATOR: &str = "koord@a.test";
const LEADER: &str = "leder1@a.test";
const REASON: &str = "Brukerrepresentanten kan bare komme første gang; en tredje gruppeleder er med resten.";

struct Fixture {
    app: TestApp,
    api: Api,
    coordinator_id: i64,
    course_id: i64,
    /// The course's sessions, in order.
    sessions: Vec<i64>,
    /// Course staff ids: two leaders and the user representative.
    staff: Vec<i64>,
}

async fn send(api: &Api, method: Method, path: &str, if_match: Option<&str>, body: &Value) -> (StatusCode, Value) {
    let mut request = api.request(method, path).json(body);
    if let Some(tag) = if_match {
        request = request.header("If-Match", tag);
    }
    Api::json_of(request.send().await.unwrap()).await
}

fn messages(problem: &Value) -> String {
    problem["errors"].as_array().unwrap().iter().map(|e| e["message"].as_str().unwrap()).collect::<Vec<_>>().join(" | ")
}

/// A SMIL course of nine sessions with two leaders at every session and the user
/// representative at the first only.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", COORDINATOR, "coordinator").await;
    let leaders = [
        app.add_user("org-a", LEADER, "group_leader").await,
        app.add_user("org-a", "leder2@a.test", "group_leader").await,
    ];
    let representative = app.add_user("org-a", "bruker@a.test", "user_representative").await;
    app.add_user("org-a", "analytiker@a.test", "analyst").await;
    // The shipped programmes (SMIL among them) are in every organisation's library.
    let api = app.api(&app.token_for(COORDINATOR).await);
    let body = json!({
        "programme": "smil", "name": "SMIL Mo i Rana", "venue": "Familiesenteret", "room": "Stua",
        "start_date": "2026-09-01", "start_time": "14:15", "session_count": 9,
    });
    let (status, course) = send(&api, Method::POST, &format!("{A}/courses"), None, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    let course_id = course["id"].as_i64().unwrap();
    let mut staff = Vec::new();
    for (user, role, every) in [
        (leaders[0], "group_leader", true),
        (leaders[1], "group_leader", true),
        (representative, "user_representative", false),
    ] {
        let body = json!({ "user_id": user, "course_role": role, "on_every_session": every });
        let (status, member) = send(&api, Method::POST, &format!("{A}/courses/{course_id}/staff"), None, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
        staff.push(member["id"].as_i64().unwrap());
    }
    let (_, listed) = api.get_json(&format!("{A}/courses/{course_id}/sessions")).await;
    let sessions: Vec<i64> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "session")
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(sessions.len(), 9);
    let everyone = json!({ "staff": staff.iter().map(|id| json!({ "staff_id": id })).collect::<Vec<_>>() });
    let path = format!("{A}/courses/{course_id}/sessions/{}/staff", sessions[0]);
    let (status, first) = send(&api, Method::PUT, &path, None, &everyone).await;
    assert_eq!((status, first["gaps"].clone()), (StatusCode::OK, json!([])), "{first}");
    Fixture { app, api, coordinator_id, course_id, sessions, staff }
}

impl Fixture {
    fn status_path(&self) -> String {
        format!("{A}/courses/{}/status", self.course_id)
    }

    async fn course(&self) -> Value {
        self.api.get_ok(&format!("{A}/courses/{}", self.course_id)).await
    }

    async fn change(&self, body: Value) -> (StatusCode, Value) {
        send(&self.api, Method::PUT, &self.status_path(), Some("*"), &body).await
    }
}

#[tokio::test]
async fn a_course_short_of_its_user_representative_is_refused_with_the_deviations_listed() {
    let f = fixture().await;
    let course = f.course().await;
    assert_eq!(course["sessions_lacking_staff"], 8);
    assert_eq!(
        course["deviations"],
        json!([{ "kind": "user_representatives", "sessions": 8, "fewest": 0, "needed": 1, "accepted": false }])
    );
    assert_eq!(course["accepted_deviations"], json!([]));

    for body in [json!({ "status": "ready" }), json!({ "status": "ready", "deviation_reason": " \n " })] {
        let (status, problem) = f.change(body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        let fields = error_fields(&problem);
        assert_eq!(fields.last().map(String::as_str), Some("deviation_reason"), "{problem}");
        assert!(fields.contains(&"status".to_string()));
        let text = messages(&problem);
        assert!(text.contains("8 samlinger mangler bemanning"), "{text}");
        assert!(text.contains("8 samlinger har færre brukerrepresentanter enn programmet krever"), "{text}");
    }
    assert_eq!(f.course().await["status"], "draft", "nothing bent silently");
    let accepted: i64 = f.app.scalar("SELECT COUNT(*) FROM course_deviation_acceptances", ()).await;
    assert_eq!(accepted, 0);
}

#[tokio::test]
async fn a_written_reason_lets_the_course_go_ahead_and_is_kept_with_who_and_when() {
    let f = fixture().await;
    let before = f.app.now();
    let (status, ready) = f.change(json!({ "status": "ready", "deviation_reason": format!("  {REASON}  ") })).await;
    let after = f.app.now();
    assert_eq!(status, StatusCode::OK, "{ready}");
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["deviations"][0]["accepted"], true);
    let accepted = &ready["accepted_deviations"][0];
    assert_eq!((accepted["kind"].as_str(), accepted["sessions"].as_i64()), (Some("user_representatives"), Some(8)));
    assert_eq!((accepted["reason"].as_str(), accepted["accepted_for"].as_str()), (Some(REASON), Some("ready")));
    assert_eq!(accepted["accepted_by"], f.coordinator_id);
    // Kept with the time it was given: the clock may tick between the request and here.
    let accepted_at = accepted["accepted_at"].as_i64().expect("a time");
    assert!((before..=after).contains(&accepted_at), "{accepted_at} not in {before}..={after}");
    let audited = f
        .app
        .audit_count("course.deviations.accept", Some(("course", &f.course_id.to_string())), "success", None)
        .await;
    assert_eq!(audited, 1, "the acceptance is audited");

    // The next step needs no new reason while the deviations stay as accepted ...
    let (status, recruiting) = f.change(json!({ "status": "recruiting" })).await;
    assert_eq!(status, StatusCode::OK, "{recruiting}");
    assert_eq!(recruiting["accepted_deviations"].as_array().unwrap().len(), 1, "nothing new to keep");

    // ... but a new one does: a leader is away from the last session.
    let path = format!("{A}/courses/{}/sessions/{}/staff", f.course_id, f.sessions[8]);
    let (status, _) = send(&f.api, Method::PUT, &path, None, &json!({ "staff": [{ "staff_id": f.staff[0] }] })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, problem) = f.change(json!({ "status": "running" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let text = messages(&problem);
    assert!(text.contains("1 samling har færre gruppeledere"), "{text}");
    assert!(!text.contains("brukerrepresentanter enn"), "the accepted deviation is not asked again: {text}");
    let (status, running) =
        f.change(json!({ "status": "running", "deviation_reason": "Vikar er ikke funnet for siste samling." })).await;
    assert_eq!(status, StatusCode::OK, "{running}");
    assert_eq!(running["accepted_deviations"].as_array().unwrap().len(), 3, "both deviations with the second reason");
    assert_eq!(
        f.app
            .audit_count("course.deviations.accept", Some(("course", &f.course_id.to_string())), "success", None)
            .await,
        2
    );
}

#[tokio::test]
async fn the_course_page_lists_the_deviations_and_asks_for_the_reason() {
    let f = fixture().await;
    let browser = f.app.logged_in(COORDINATOR).await;
    let page = format!("/courses/{}", f.course_id);
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"deviation_reason\""), "the reason is asked");
    let deviations = unescape(&strip_tags(&html[html.find("id=\"current-deviations\"").expect("deviations")..]));
    assert!(deviations.contains("8 samlinger har færre brukerrepresentanter"), "{deviations}");
    assert!(deviations.contains("Ikke godtatt"));

    let action = format!("{page}/status");
    let response = browser.submit(&page, &action, &[("status", "ready"), ("version", "1"), ("reason", "")]).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("færre brukerrepresentanter") && summary.contains("Skriv hvorfor"), "{summary}");
    assert!(html.contains("id=\"deviation_reason-error\""), "the message at the reason");
    let fields = [("status", "ready"), ("version", "1"), ("reason", ""), ("deviation_reason", REASON)];
    let response = browser.submit(&page, &action, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = browser.get_html(&page).await;
    let accepted = unescape(&strip_tags(&html[html.find("id=\"accepted-deviations\"").expect("accepted")..]));
    assert!(accepted.contains(REASON) && accepted.contains("Godtatt av Test Person"), "{accepted}");
    assert!(!html.contains("id=\"deviation_reason\""), "nothing left to accept");

    // The course report shows the acceptance, without naming who gave it.
    let (_, report) = f.api.get_json(&format!("{A}/courses/{}/report", f.course_id)).await;
    let in_report = &report["accepted_deviations"][0];
    assert_eq!(
        (in_report["kind"].as_str(), in_report["reason"].as_str()),
        (Some("user_representatives"), Some(REASON))
    );
    assert_eq!(in_report["sessions"], 8);
    assert!(in_report.get("accepted_by").is_none(), "the report names nobody");
    let (_, html) = browser.get_html(&format!("/courses/{}/report", f.course_id)).await;
    let section = unescape(&strip_tags(&html[html.find("id=\"crep-deviations\"").expect("report section")..]));
    assert!(section.contains("8 samlinger har færre brukerrepresentanter") && section.contains(REASON), "{section}");
}

#[tokio::test]
async fn the_programmes_statistics_count_courses_run_with_accepted_deviations_by_kind() {
    let f = fixture().await;
    let path = format!("{A}/programmes/smil/statistics");
    let before = f.api.get_ok(&path).await;
    assert_eq!((before["courses"].as_i64(), before["courses_with_accepted_deviations"].as_i64()), (Some(0), Some(0)));
    let (status, _) = f.change(json!({ "status": "ready", "deviation_reason": REASON })).await;
    assert_eq!(status, StatusCode::OK);
    let (_, after) = f.api.get_json(&path).await;
    assert_eq!((after["courses"].as_i64(), after["courses_with_accepted_deviations"].as_i64()), (Some(1), Some(1)));
    assert_eq!(
        after["by_kind"],
        json!([
            { "kind": "group_leaders", "courses": 0 },
            { "kind": "certified_group_leaders", "courses": 0 },
            { "kind": "user_representatives", "courses": 1 },
        ])
    );
    let analyst = f.app.api(&f.app.token_for("analytiker@a.test").await);
    assert_eq!(analyst.get_json(&path).await.0, StatusCode::OK, "aggregates for analysts");
    let leader = f.app.api(&f.app.token_for(LEADER).await);
    assert_eq!(leader.get_json(&path).await.0, StatusCode::FORBIDDEN);
    assert_eq!(f.api.get_json(&format!("{A}/programmes/no-such/statistics")).await.0, StatusCode::NOT_FOUND);

    // On the programme's page, for those who read statistics.
    let programme_id = after["programme_id"].as_i64().unwrap();
    let browser = f.app.logged_in(COORDINATOR).await;
    let (_, html) = browser.get_html(&format!("/programmes/{programme_id}")).await;
    let summary = unescape(&strip_tags(&html[html.find("id=\"programme-statistics\"").expect("statistics")..]));
    assert!(
        summary.contains("1 kurs etter programmet") && summary.contains("1 av dem har godtatte avvik"),
        "{summary}"
    );
    assert!(html.contains("<tr data-kind=\"user_representatives\">"), "by kind");
    let browser = f.app.logged_in(LEADER).await;
    let (_, html) = browser.get_html(&format!("/programmes/{programme_id}")).await;
    assert!(!html.contains("id=\"programme-statistics\""), "not for a group leader");
}
