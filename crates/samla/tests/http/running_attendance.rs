//! Attendance on the real server: the whole group saved from one page in one
//! transaction, every problem named with what was typed kept, a double submit giving one
//! result, two leaders saving at once getting a clear conflict (409 page, 412 API, 428
//! without If-Match), who sees names and who only counts, who may save, who is expected
//! (dropped out, network meetings, meetings about one child), absence notices (kept as
//! they are at a cancelled session or on a closed course), adults counted at parent and
//! family gatherings (and refused at children's sessions) and never dropped by the page, the today page and the session plan,
//! and the audit rows of it all. Both databases.

use crate::common::data::error_fields;
use crate::common::running::{
    self, put_sheet, RunningCourse, COORDINATOR, COURSE_NAME, LEADER, OTHER_LEADER, REPRESENTATIVE, SECRETARY,
};
use crate::common::*;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const OTHER_COURSE: &str = "Annen gruppe";

struct Fixture {
    app: TestApp,
    course: RunningCourse,
    /// The latest session on or before today (organisation time), and the first one.
    current: (i64, String),
    first: (i64, String),
    /// The first session after today.
    future: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let today = samla_web::services::intake::today(&app.state, "NO").to_string();
    let mut dated = Vec::new();
    for id in &course.session_ids {
        let date: String = app.scalar("SELECT date FROM course_sessions WHERE id = $1", (id,)).await;
        dated.push((*id, date));
    }
    let held: Vec<&(i64, String)> = dated.iter().filter(|(_, d)| *d <= today).collect();
    assert!(held.len() >= 2, "the course has met at least twice: {dated:?}");
    let current = held.last().map(|s| (*s).clone()).unwrap();
    let first = held[0].clone();
    let future = dated.iter().find(|(_, d)| *d > today).expect("a session ahead").0;
    Fixture { app, course, current, first, future }
}

impl Fixture {
    /// The sheet of the current session opened by `email`: their browser, the page's path,
    /// and what it answered.
    async fn current_sheet(&self, email: &str) -> (Browser, String, StatusCode, String) {
        let browser = self.app.logged_in(email).await;
        let page = self.course.attendance_page(self.current.0);
        let (status, html) = browser.get_html(&page).await;
        (browser, page, status, html)
    }

    fn name(&self, index: usize) -> &'static str {
        self.course.children[index].name
    }

    async fn api(&self, email: &str) -> Api {
        self.app.api(&self.app.token_for(email).await)
    }

    async fn count(&self, sql: &str, id: i64) -> i64 {
        self.app.scalar(sql, (id,)).await
    }

    async fn version(&self, session_id: i64) -> i64 {
        self.count("SELECT COALESCE(MAX(version), 0) FROM attendance_sheets WHERE session_id = $1", session_id).await
    }

    async fn staff_ids(&self) -> Vec<i64> {
        self.app.scalars(
            "SELECT id FROM course_staff WHERE course_id = $1 AND course_role IN ('group_leader', 'user_representative')
             ORDER BY id",
            (self.course.course_id,),
        )
        .await
    }
}

/// Text of a piece of HTML as a reader sees it: tags stripped, entities undone.
fn text_of(html: &str) -> String {
    unescape(&strip_tags(html))
}

/// The page's sheet form as a browser would send it, with `marks` changed:
/// (participant id, attendance, note).
fn sheet_body(html: &str, marks: &[(i64, &str, &str)], staff: &[i64]) -> Vec<(String, String)> {
    let mut body = vec![
        ("csrf".to_string(), csrf_in(html)),
        ("version".to_string(), input_value(html, "version").unwrap_or_default()),
        ("submission_key".to_string(), input_value(html, "submission_key").unwrap_or_default()),
    ];
    for (id, attendance, note) in marks {
        body.push(("participant".into(), id.to_string()));
        if !attendance.is_empty() {
            body.push((format!("attendance.{id}"), attendance.to_string()));
        }
        body.push((format!("note.{id}"), note.to_string()));
    }
    for id in staff {
        body.push(("staff_present".into(), id.to_string()));
    }
    body
}

async fn post(browser: &Browser, action: &str, body: &[(String, String)]) -> Response {
    browser.client.post(format!("{}{action}", browser.base_url)).form(body).send().await.unwrap()
}

fn whole_sheet(f: &Fixture, staff: &[i64]) -> Value {
    json!({
        "entries": [
            {"participant_id": f.course.child_id(0), "attendance": "present"},
            {"participant_id": f.course.child_id(1), "attendance": "late", "note": "Bussen var sen"},
            {"participant_id": f.course.child_id(2), "attendance": "absent_without_notice"},
        ],
        "staff_present": staff,
    })
}

#[tokio::test]
async fn a_leader_saves_the_whole_group_from_one_page() {
    let f = fixture().await;
    let (leader, page, status, html) = f.current_sheet(LEADER).await;
    assert_eq!(status, StatusCode::OK);
    for child in &f.course.children {
        assert!(html.contains(&format!("<legend>{}</legend>", child.name)), "{} on the sheet", child.name);
        // Nothing saved yet: everyone starts as present.
        assert!(is_checked(&html, &format!("attendance.{}-present", child.participant_id)));
    }
    let staff = f.staff_ids().await;
    assert!(staff.iter().all(|id| is_checked(&html, &format!("staff_present-{id}"))), "the planned staff ticked");
    let reads =
        f.app.audit_count("attendance.read", Some(("session", &f.current.0.to_string())), "success", None).await;
    assert_eq!(reads, 1, "reading the names is audited");

    let marks = [
        (f.course.child_id(0), "present", ""),
        (f.course.child_id(1), "late", "  Bussen var sen "),
        (f.course.child_id(2), "left_early", ""),
    ];
    let response = post(&leader, &page, &sheet_body(&html, &marks, &staff[..1])).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{page}?saved=attendance#saved"));

    let (_, saved) = leader.get_html(&format!("{page}?saved=attendance")).await;
    assert!(saved.contains("id=\"saved\""), "the saved notice");
    // The next step, writing the log, is one tap away.
    let log = page.replace("/attendance", "/log");
    assert!(saved.contains(&format!("id=\"next-step\" href=\"{log}\"")), "a link on to the log");
    assert!(is_checked(&saved, &format!("attendance.{}-late", f.course.child_id(1))));
    assert!(is_checked(&saved, &format!("attendance.{}-left_early", f.course.child_id(2))));
    assert_eq!(input_value(&saved, &format!("note.{}", f.course.child_id(1))).as_deref(), Some("Bussen var sen"));
    assert!(is_checked(&saved, &format!("staff_present-{}", staff[0])));
    assert!(!is_checked(&saved, &format!("staff_present-{}", staff[1])));
    assert!(element_text(&saved, "saved-by").is_some());
    assert_eq!(input_value(&saved, "version").as_deref(), Some("1"));

    let entries = f.count("SELECT COUNT(*) FROM attendance_entries WHERE session_id = $1", f.current.0).await;
    assert_eq!(entries, 3);
    let saves =
        f.app.audit_count("attendance.save", Some(("session", &f.current.0.to_string())), "success", None).await;
    assert_eq!(saves, 1);
}

#[tokio::test]
async fn every_problem_is_named_and_what_was_typed_is_kept() {
    let f = fixture().await;
    let (leader, page, _, html) = f.current_sheet(LEADER).await;
    let long = "x".repeat(501);
    let marks = [
        (f.course.child_id(0), "", "Ringte ikke"),
        (f.course.child_id(1), "late", long.as_str()),
        (f.course.child_id(2), "sometimes", ""),
    ];
    let response = post(&leader, &page, &sheet_body(&html, &marks, &[])).await;
    let (html, summary) = refused_form(response).await;
    for (index, _) in marks.iter().enumerate() {
        assert!(summary.contains(f.name(index)), "the summary names {}: {summary}", f.name(index));
    }
    for field in [
        format!("attendance.{}", f.course.child_id(0)),
        format!("note.{}", f.course.child_id(1)),
        format!("attendance.{}", f.course.child_id(2)),
    ] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "the summary links {field}");
        assert!(html.contains(&format!("id=\"{field}-error\"")), "the message at {field}");
    }
    assert_eq!(input_value(&html, &format!("note.{}", f.course.child_id(0))).as_deref(), Some("Ringte ikke"));
    assert_eq!(input_value(&html, &format!("note.{}", f.course.child_id(1))).as_deref(), Some(long.as_str()));
    assert!(is_checked(&html, &format!("attendance.{}-late", f.course.child_id(1))), "a choice made is kept");
    assert!(!is_checked(&html, &format!("attendance.{}-present", f.course.child_id(0))), "no choice is made up");
    assert_eq!(f.version(f.current.0).await, 0, "nothing saved");

    // The API names every problem too, each by its field.
    let api = f.api(LEADER).await;
    let body = json!({
        "entries": [
            {"participant_id": f.course.child_id(0), "attendance": "present", "note": "første\nandre"},
            {"participant_id": 999_999, "attendance": "present"},
        ],
        "parents": 101,
        "staff_present": [999_999],
    });
    let (status, problem, _) = put_sheet(&api, f.current.0, &[], &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields = error_fields(&problem);
    for expected in [
        format!("note.{}", f.course.child_id(0)),
        "attendance.999999".to_string(),
        format!("attendance.{}", f.course.child_id(1)),
        format!("attendance.{}", f.course.child_id(2)),
        "parents".to_string(),
        "staff_present".to_string(),
    ] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }
}

#[tokio::test]
async fn a_double_submit_gives_one_result() {
    let f = fixture().await;
    let (leader, page, _, html) = f.current_sheet(LEADER).await;
    let marks = [
        (f.course.child_id(0), "present", ""),
        (f.course.child_id(1), "present", ""),
        (f.course.child_id(2), "absent_with_notice", ""),
    ];
    let body = sheet_body(&html, &marks, &[]);
    let (first, second) = tokio::join!(post(&leader, &page, &body), post(&leader, &page, &body));
    let third = post(&leader, &page, &body).await;
    for response in [first, second, third] {
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "every copy answers as the save did");
    }
    assert_eq!(f.version(f.current.0).await, 1, "one save");
    let saves =
        f.app.audit_count("attendance.save", Some(("session", &f.current.0.to_string())), "success", None).await;
    assert_eq!(saves, 1);

    // A resend over the API with the same Idempotency-Key is one save as well.
    let api = f.api(LEADER).await;
    let body = whole_sheet(&f, &[]);
    let headers = [("If-Match", "\"v1\""), ("Idempotency-Key", "retry-1")];
    let (status, sheet, etag) = put_sheet(&api, f.current.0, &headers, &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v2\""), "{sheet}");
    let response = api
        .request(Method::PUT, &format!("{A}/sessions/{}/attendance", f.current.0))
        .header("If-Match", "\"v1\"")
        .header("Idempotency-Key", "retry-1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the resend is answered, not refused as stale");
    assert_eq!(response.headers()["idempotent-replayed"], "true");
    assert_eq!(response.headers()["etag"], "\"v2\"");
    assert_eq!(f.version(f.current.0).await, 2);
    // The same key with another sheet is a new save, and this one is stale.
    let mut other = body.clone();
    other["entries"][0]["attendance"] = json!("late");
    let (status, _, _) = put_sheet(&api, f.current.0, &headers, &other).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
}

/// `If-Match: *` replaces whatever sheet is saved when the save is made: saves sent at
/// the same moment are written one after the other, none refused as stale (as they were
/// when `*` was turned into the version read before the save's transaction). With no
/// sheet saved, `*` matches nothing.
#[tokio::test]
async fn saves_with_if_match_any_sent_at_once_are_each_written() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let body = whole_sheet(&f, &[]);
    let any = [("If-Match", "*")];
    let (status, _, _) = put_sheet(&api, f.current.0, &any, &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "nothing is saved for * to match");
    let (status, _, _) = put_sheet(&api, f.current.0, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "the first save");
    let save = || put_sheet(&api, f.current.0, &any, &body);
    let (a, b, c, d, e, g) = tokio::join!(save(), save(), save(), save(), save(), save());
    for (status, sheet, _) in [a, b, c, d, e, g] {
        assert_eq!(status, StatusCode::OK, "{sheet}");
    }
    assert_eq!(f.version(f.current.0).await, 7, "each save written");
}

#[tokio::test]
async fn two_leaders_saving_at_once_get_one_winner_and_a_clear_conflict() {
    let f = fixture().await;
    f.app.execute("UPDATE users SET name = 'Kari Koordinator' WHERE email = $1", (COORDINATOR,)).await;
    let leader = f.app.logged_in(LEADER).await;
    let coordinator = f.app.logged_in(COORDINATOR).await;
    let page = f.course.attendance_page(f.current.0);
    let (_, leader_html) = leader.get_html(&page).await;
    let (_, coordinator_html) = coordinator.get_html(&page).await;
    let mine = [
        (f.course.child_id(0), "present", ""),
        (f.course.child_id(1), "present", ""),
        (f.course.child_id(2), "present", ""),
    ];
    let theirs = [
        (f.course.child_id(0), "late", "Kom 17.10"),
        (f.course.child_id(1), "present", ""),
        (f.course.child_id(2), "left_early", ""),
    ];
    let first = post(&coordinator, &page, &sheet_body(&coordinator_html, &mine, &[])).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let second = post(&leader, &page, &sheet_body(&leader_html, &theirs, &[])).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let html = second.text().await.unwrap();
    let conflict = element_text(&html, "conflict").map(|_| strip_tags(&html[html.find("id=\"conflict\"").unwrap()..]));
    let conflict = conflict.expect("a conflict message");
    assert!(conflict.contains("Noen andre lagret oppmøtet samtidig"), "{conflict}");
    assert!(conflict.contains("Kari Koordinator"), "names who saved: {conflict}");
    // What the leader typed is kept, and what was saved is shown beside it.
    assert!(is_checked(&html, &format!("attendance.{}-late", f.course.child_id(0))));
    assert!(is_checked(&html, &format!("attendance.{}-left_early", f.course.child_id(2))));
    assert_eq!(input_value(&html, &format!("note.{}", f.course.child_id(0))).as_deref(), Some("Kom 17.10"));
    let saved = element_text(&html, &format!("attendance.{}-saved", f.course.child_id(0))).expect("the saved value");
    assert!(saved.contains("Til stede"), "{saved}");
    assert_eq!(input_value(&html, "version").as_deref(), Some("1"), "saving again replaces what is saved now");
    assert_eq!(f.version(f.current.0).await, 1, "the second save wrote nothing");

    let again = post(&leader, &page, &sheet_body(&html, &theirs, &[])).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER, "saving again on purpose works");
    assert_eq!(f.version(f.current.0).await, 2);
    let late: String = f
        .app
        .scalar(
            "SELECT attendance FROM attendance_entries WHERE session_id = $1 AND participant_id = $2",
            (f.current.0, f.course.child_id(0)),
        )
        .await;
    assert_eq!(late, "late");
}

#[tokio::test]
async fn the_api_uses_etags_and_if_match() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let session = f.current.0;
    let response = api.get(&format!("{A}/sessions/{session}/attendance")).await;
    assert_eq!(response.headers()["etag"], "\"v0\"");
    let (status, empty) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((empty["version"].as_i64(), empty["recorded"].as_bool()), (Some(0), Some(false)));

    let staff = f.staff_ids().await;
    let body = whole_sheet(&f, &staff);
    let session_record = session.to_string();
    let record = Some(("session", session_record.as_str()));
    let reads_before = f.app.audit_count("attendance.read", record, "success", None).await;
    let (status, sheet, etag) = put_sheet(&api, session, &[], &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""), "the first save needs no If-Match: {sheet}");
    // The answer shows the names: its read is audited beside the save (in its transaction).
    assert_eq!(f.app.audit_count("attendance.save", record, "success", None).await, 1);
    assert_eq!(f.app.audit_count("attendance.read", record, "success", None).await, reads_before + 1);
    assert_eq!(sheet["counts"]["late"], 1);
    assert_eq!(sheet["entries"].as_array().unwrap().len(), 3);
    assert_eq!(sheet["staff_present"], json!(staff));

    let (status, problem, _) = put_sheet(&api, session, &[], &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{problem}");
    let (status, _, _) = put_sheet(&api, session, &[("If-None-Match", "*")], &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "a sheet exists");
    let (status, _, _) = put_sheet(&api, session, &[("If-Match", "\"v0\"")], &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let (status, _, etag) = put_sheet(&api, session, &[("If-Match", "\"v1\"")], &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v2\""));

    // The first save of another session may say If-None-Match: *.
    let (status, _, etag) = put_sheet(&api, f.first.0, &[("If-None-Match", "*")], &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""));

    let found = api.get_ok(&format!("{A}/sessions/{session}")).await;
    assert_eq!(found["course"]["id"], f.course.course_id);
    assert_eq!(found["attendance_recorded"], true);
    assert_eq!(found["attendance_version"], 2);
    assert_eq!(found["expected_count"], 3);
    assert_eq!(found["expected"].as_array().unwrap().len(), 3);
    assert!(found["plan"]["title"].is_string(), "the session plan: {found}");

    // Sessions still to come take no attendance; families give notice instead.
    let (status, problem, _) = put_sheet(&api, f.future, &[], &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["session"]);
    let saves = f.app.audit_count("attendance.save", None, "success", Some(f.course.leader_id)).await;
    assert_eq!(saves, 3);
}

#[tokio::test]
async fn a_user_representative_sees_counts_and_never_names() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let staff = f.staff_ids().await;
    let (status, _, _) = put_sheet(&api, f.current.0, &[], &whole_sheet(&f, &staff)).await;
    assert_eq!(status, StatusCode::OK);

    let rep = f.app.logged_in(REPRESENTATIVE).await;
    for path in [f.course.attendance_page(f.current.0), "/today".to_string()] {
        let (status, html) = rep.get_html(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        for child in &f.course.children {
            assert!(!html.contains(child.name), "{path} names {}", child.name);
        }
        assert!(!html.contains("Bussen var sen"), "{path} shows a note");
        assert!(html.contains("3 deltakere er forventet"), "{path} counts");
    }
    let (_, html) = rep.get_html(&f.course.attendance_page(f.current.0)).await;
    assert!(html.contains("id=\"attendance-counts\""), "the counts of the saved sheet");
    assert!(!html.contains("name=\"attendance."), "no sheet to fill in");
    let response = rep
        .submit(&f.course.attendance_page(f.current.0), &f.course.attendance_page(f.current.0), &[("participant", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let rep_api = f.api(REPRESENTATIVE).await;
    let (_, session) = rep_api.get_json(&format!("{A}/sessions/{}", f.current.0)).await;
    assert_eq!(session["expected_count"], 3);
    assert!(session["expected"].is_null() && session["absence_notices"].is_null(), "{session}");
    let (_, sheet) = rep_api.get_json(&format!("{A}/sessions/{}/attendance", f.current.0)).await;
    assert!(sheet["entries"].is_null(), "{sheet}");
    assert_eq!(sheet["counts"]["late"], 1);
    let (_, today) = rep_api.get_json(&format!("{A}/today")).await;
    for child in &f.course.children {
        assert!(!today.to_string().contains(child.name));
    }
    let reads = f.app.audit_count("attendance.read", None, "success", Some(f.course.representative_id)).await;
    assert_eq!(reads, 0, "no names read, nothing to audit");
}

#[tokio::test]
async fn a_secretary_reads_the_sheet_but_cannot_save_it() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let (status, _, _) = put_sheet(&api, f.current.0, &[], &whole_sheet(&f, &[])).await;
    assert_eq!(status, StatusCode::OK);

    let (secretary, page, status, html) = f.current_sheet(SECRETARY).await;
    assert_eq!(status, StatusCode::OK);
    let table =
        element_text(&html, "attendance-entries").map(|_| &html[html.find("id=\"attendance-entries\"").unwrap()..]);
    let table = strip_tags(table.expect("the saved lines"));
    assert!(table.contains(f.name(1)) && table.contains("Kom for sent"), "{table}");
    assert!(!html.contains("name=\"attendance."), "no form to save");
    let response = post(&secretary, &page, &sheet_body(&html, &[(f.course.child_id(0), "present", "")], &[])).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let secretary_api = f.api(SECRETARY).await;
    let (status, _, _) = put_sheet(&secretary_api, f.current.0, &[("If-Match", "\"v1\"")], &whole_sheet(&f, &[])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(f.version(f.current.0).await, 1);
    let denied = f.app.audit_count("record_session_work", None, "denied", Some(f.course.secretary_id)).await;
    assert_eq!(denied, 2);
    let reads = f.app.audit_count("attendance.read", None, "success", Some(f.course.secretary_id)).await;
    assert_eq!(reads, 1);
}

#[tokio::test]
async fn another_courses_leader_is_refused_and_audited() {
    let f = fixture().await;
    let (other, page, status, _) = f.current_sheet(OTHER_LEADER).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, own_page) = other.get_html("/today").await;
    let response = post(&other, &page, &sheet_body(&own_page, &[(f.course.child_id(0), "present", "")], &[])).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let api = f.api(OTHER_LEADER).await;
    let (status, _, _) = put_sheet(&api, f.current.0, &[], &whole_sheet(&f, &[])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = api.get_json(&format!("{A}/sessions/{}", f.current.0)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let notice = json!({"participant_id": f.course.child_id(0)});
    let (status, _) = Api::json_of(
        api.send_json(Method::POST, &format!("{A}/sessions/{}/absence-notices", f.current.0), &notice).await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(f.version(f.current.0).await, 0);
    let session = f.current.0.to_string();
    let record_denied =
        f.app.audit_count("record_session_work", Some(("session", &session)), "denied", Some(f.course.other_leader_id));
    assert_eq!(record_denied.await, 3);
    let course = f.course.course_id.to_string();
    let view_denied =
        f.app.audit_count("view_courses", Some(("course", &course)), "denied", Some(f.course.other_leader_id));
    assert_eq!(view_denied.await, 2);
}

#[tokio::test]
async fn who_is_expected_follows_dropouts_consent_and_meetings() {
    let f = fixture().await;
    let pool = f.app.state.store.pool();
    let dropped = f.course.child_id(1);
    let day_before: String = {
        let date = chrono::NaiveDate::parse_from_str(&f.current.1, "%Y-%m-%d").unwrap();
        (date - chrono::Duration::days(1)).to_string()
    };
    sqlx::query("UPDATE course_participants SET status = 'dropped_out', dropped_out_on = $1 WHERE id = $2")
        .bind(&day_before)
        .bind(dropped)
        .execute(pool)
        .await
        .unwrap();
    let api = f.api(LEADER).await;
    let expected = |session: Value| -> Vec<i64> {
        session["expected"].as_array().unwrap().iter().map(|p| p["participant_id"].as_i64().unwrap()).collect()
    };
    let (_, earlier) = api.get_json(&format!("{A}/sessions/{}", f.first.0)).await;
    assert!(expected(earlier).contains(&dropped), "on the sheets before the dropout");
    let (_, later) = api.get_json(&format!("{A}/sessions/{}", f.current.0)).await;
    assert!(!expected(later).contains(&dropped), "not expected after");
    let leader = f.app.logged_in(LEADER).await;
    let (_, html) = leader.get_html(&f.course.attendance_page(f.current.0)).await;
    assert!(!html.contains(f.name(1)), "not on the sheet");
    let body = json!({"entries": [
        {"participant_id": f.course.child_id(0), "attendance": "present"},
        {"participant_id": f.course.child_id(2), "attendance": "present"},
    ]});
    let (status, sheet, _) = put_sheet(&api, f.current.0, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "a sheet without the dropout is whole: {sheet}");

    // A network meeting names only the children whose family agreed to share.
    let add_meeting = |kind: &'static str, audience: &'static str, participant: Option<i64>| {
        let date = f.current.1.clone();
        let course_id = f.course.course_id;
        async move {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO course_sessions (course_id, kind, meeting_kind, title, audience, date, start_time,
                     end_time, room, status, participant_id)
                 VALUES ($1, 'meeting', $2, '', $3, $4, '08:30', '09:30', 'Skolen', 'planned', $5)
                 RETURNING id",
            )
            .bind(course_id)
            .bind(kind)
            .bind(audience)
            .bind(date)
            .bind(participant)
            .fetch_one(pool)
            .await
            .unwrap();
            id
        }
    };
    let network = add_meeting("network_meeting", "network", None).await;
    let (_, meeting) = api.get_json(&format!("{A}/sessions/{network}")).await;
    assert_eq!(expected(meeting.clone()), vec![f.course.child_id(0)], "only the family that consented: {meeting}");
    assert_eq!(meeting["left_out_without_consent"], 1, "the dropout is not counted either");
    let (_, html) = leader.get_html(&f.course.attendance_page(network)).await;
    assert!(html.contains(f.name(0)) && !html.contains(f.name(2)));
    assert!(html.contains("1 deltaker vises ikke"), "says how many are left out");
    let closing = add_meeting("closing_conversation", "family", Some(f.course.child_id(2))).await;
    let (_, meeting) = api.get_json(&format!("{A}/sessions/{closing}")).await;
    assert_eq!(expected(meeting), vec![f.course.child_id(2)], "a meeting about one child expects that child");
    // With the school there, that child may not be named: the family did not agree.
    let with_school = add_meeting("follow_up", "network", Some(f.course.child_id(2))).await;
    let (_, meeting) = api.get_json(&format!("{A}/sessions/{with_school}")).await;
    assert_eq!((expected(meeting.clone()), meeting["left_out_without_consent"].as_i64()), (vec![], Some(1)));
}

#[tokio::test]
async fn absence_notices_are_recorded_ahead_and_preselected() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let page = f.course.attendance_page(f.current.0);
    let action = format!("/courses/{}/sessions/{}/absence-notices", f.course.course_id, f.current.0);
    let child = f.course.child_id(2).to_string();
    let response = leader.submit(&page, &action, &[("participant_id", ""), ("note", "Syk")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#participant_id\""), "names the field");
    assert_eq!(input_value(&html, "note").as_deref(), Some("Syk"));
    let response = leader.submit(&page, &action, &[("participant_id", &child), ("note", "Syk")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = leader.get_html(&page).await;
    assert!(is_checked(&html, &format!("attendance.{child}-absent_with_notice")), "preselected from the notice");
    assert!(element_text(&html, &format!("attendance.{child}-notice")).unwrap().contains("Syk"));

    let api = f.api(LEADER).await;
    let notices = format!("{A}/sessions/{}/absence-notices", f.future);
    let body = json!({"participant_id": f.course.child_id(0), "note": "Ferie"});
    let (status, notice) = Api::json_of(api.send_json(Method::POST, &notices, &body).await).await;
    assert_eq!(status, StatusCode::CREATED, "{notice}");
    assert_eq!(notice["name"], f.name(0));
    let (status, _) = Api::json_of(api.send_json(Method::POST, &notices, &body).await).await;
    assert_eq!(status, StatusCode::OK, "a second notice replaces the note");
    let (status, problem) =
        Api::json_of(api.send_json(Method::POST, &notices, &json!({"participant_id": 999_999})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["participant_id"]);
    let (_, session) = api.get_json(&format!("{A}/sessions/{}", f.future)).await;
    assert_eq!(session["absence_notices"][0]["note"], "Ferie");
    let one = format!("{notices}/{}", f.course.child_id(0));
    assert_eq!(api.request(Method::DELETE, &one).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(api.request(Method::DELETE, &one).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let recorded = f.app.audit_count("attendance.notice.record", None, "success", Some(f.course.leader_id)).await;
    assert_eq!(recorded, 3);
    let removed = f.app.audit_count("attendance.notice.remove", None, "success", Some(f.course.leader_id)).await;
    assert_eq!(removed, 1);

    // The page's remove button.
    let remove = format!("{action}/{child}/remove");
    let response = leader.submit(&page, &remove, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = leader.get_html(&page).await;
    assert!(is_checked(&html, &format!("attendance.{child}-present")));
}

#[tokio::test]
async fn today_shows_the_leaders_sessions_with_plan_and_links() {
    let f = fixture().await;
    // The server's today is the organisation's (Oslo) day, which the fixture's UTC-based
    // dates may miss around midnight: the latest held session is put on that day.
    let today = samla_web::services::intake::today(&f.app.state, "NO").to_string();
    let session = f.current.0;
    f.app.execute("UPDATE course_sessions SET date = $1 WHERE id = $2", (&today, session)).await;
    let room: String = f.app.scalar("SELECT room FROM course_sessions WHERE id = $1", (session,)).await;
    assert_eq!(room, "Rom 1", "the course's room");
    let api = f.api(LEADER).await;
    let notices = format!("{A}/sessions/{session}/absence-notices");
    let notice = json!({"participant_id": f.course.child_id(1), "note": "Tannlege"});
    assert_eq!(api.send_json(Method::POST, &notices, &notice).await.status(), StatusCode::CREATED);

    let leader = f.app.logged_in(LEADER).await;
    let record = Some(("session", &*session.to_string()));
    let reads_before = f.app.audit_count("attendance.read", record, "success", None).await;
    let (status, html) = leader.get_html("/today").await;
    assert_eq!(status, StatusCode::OK);
    let reads = f.app.audit_count("attendance.read", record, "success", None).await;
    assert_eq!(reads, reads_before + 1, "the names Today shows of the session are audited by the time it answers");
    assert!(hrefs(&nav_of(&html)).contains(&"/today".to_string()), "Today is in the menu");
    assert!(html.contains(COURSE_NAME));
    assert!(!html.contains(OTHER_COURSE), "not another leader's course");
    let day = section(&html, &format!("day-{today}"), "</section>");
    assert!(strip_tags(&day).starts_with("I dag,"), "today is named today: {}", strip_tags(&day));
    let article = section(&html, &format!("session-{session}"), "</article>");
    let links = hrefs(&article);
    assert!(links.contains(&f.course.attendance_page(session)), "attendance link for today's session");
    assert!(links.contains(&format!("/courses/{}/sessions/{session}/log", f.course.course_id)), "and the log");
    let text = strip_tags(&article);
    assert!(text.contains(&format!("rom {room}")), "the room: {text}");
    for child in &f.course.children {
        assert!(text.contains(child.name), "{} expected, by name: {text}", child.name);
    }
    assert!(text.contains(&format!("Meldt fravær {}: Tannlege", f.name(1))), "who said they will be away: {text}");
    assert!(text.contains("Plan for samlingen"), "{text}");
    assert!(html.contains(&format!("id=\"session-{}\"", f.future)), "the next sessions too");
    let (_, today_json) = api.get_json(&format!("{A}/today?days=7")).await;
    let sessions = today_json["sessions"].as_array().unwrap();
    assert!(sessions.iter().all(|s| s["course"]["id"] == f.course.course_id));
    let first = &sessions[0];
    assert_eq!((first["id"].as_i64(), first["date"].as_str()), (Some(session), Some(today.as_str())));
    assert_eq!(first["room"], "Rom 1");
    assert_eq!(first["absence_notices"][0]["note"], "Tannlege");
    let (status, _) = api.get_json(&format!("{A}/today?days=99")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A coordinator who works on no course sees the organisation's.
    let coordinator = f.app.logged_in(COORDINATOR).await;
    let (_, html) = coordinator.get_html("/today").await;
    assert!(html.contains(COURSE_NAME) && html.contains(OTHER_COURSE));

    // A secretary sees the organisation's sessions and their attendance, never a way to
    // the log; the user representative on the course reads the log from here.
    let secretary = f.app.logged_in(SECRETARY).await;
    let (status, html) = secretary.get_html("/today").await;
    assert_eq!(status, StatusCode::OK);
    let article = section(&html, &format!("session-{session}"), "</article>");
    assert!(hrefs(&article).contains(&f.course.attendance_page(session)), "the attendance of the day");
    let log_links: Vec<String> =
        hrefs(&html).into_iter().filter(|h| h.contains("/sessions/") && h.ends_with("/log")).collect();
    assert!(log_links.is_empty(), "no log link for a secretary: {log_links:?}");
    let representative = f.app.logged_in(REPRESENTATIVE).await;
    let (_, html) = representative.get_html("/today").await;
    let log = format!("/courses/{}/sessions/{session}/log", f.course.course_id);
    let article = section(&html, &format!("session-{session}"), "</article>");
    assert!(hrefs(&article).contains(&log), "the user representative's way to the log");
    let (status, log_page) = representative.get_html(&log).await;
    assert_eq!(status, StatusCode::OK);
    assert!(log_page.contains("Logg for samling"), "the log page");
}

#[tokio::test]
async fn the_session_page_shows_the_plan_and_links_to_attendance() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let second = f.course.session_ids[1];
    let (status, html) = leader.get_html(&format!("/courses/{}/sessions/{second}", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Plan for samlingen"));
    assert!(html.contains("Gjenkjennelse av følelser"), "session 2's theme in Mestringsgrupper");
    assert!(html.contains("Hjemmelekse å gå gjennom"), "last time's homework to review");
    assert!(hrefs(&html).contains(&f.course.attendance_page(second)));
}

#[tokio::test]
async fn a_resent_first_save_without_if_match_gets_the_first_answer() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let session = f.current.0;
    let body = whole_sheet(&f, &[]);
    let key = [("Idempotency-Key", "first-save-7")];
    let (status, first, etag) = put_sheet(&api, session, &key, &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""), "{first}");

    // The answer was lost; the client sends exactly the same request again.
    let response = api
        .send_json_with(
            Method::PUT,
            &format!("{A}/sessions/{session}/attendance"),
            ("Idempotency-Key", "first-save-7"),
            &body,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "a resend is answered as the save was, not with 428");
    assert_eq!(response.headers()["idempotent-replayed"], "true");
    assert_eq!(response.headers()["etag"], "\"v1\"");
    let (_, again) = Api::json_of(response).await;
    assert_eq!(again, first, "the same answer");
    assert_eq!(f.version(session).await, 1, "nothing written again");
    let saves = f.app.audit_count("attendance.save", Some(("session", &session.to_string())), "success", None).await;
    assert_eq!(saves, 1);

    // Anything else without If-Match is still refused: another sheet under the same key,
    // the same sheet without a key, the same key from another caller.
    let mut other = body.clone();
    other["entries"][0]["attendance"] = json!("late");
    let (status, problem, _) = put_sheet(&api, session, &key, &other).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{problem}");
    let (status, _, _) = put_sheet(&api, session, &[], &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "without a key a resend cannot be told from a new save");
    let coordinator = f.api(COORDINATOR).await;
    let (status, _, _) = put_sheet(&coordinator, session, &key, &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "a key answers only for its own caller");
    // A stale If-Match is 412, a current one saves.
    let (status, _, _) = put_sheet(&api, session, &[("If-Match", "\"v0\""), ("Idempotency-Key", "k2")], &other).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(f.version(session).await, 1);
    let (status, _, etag) =
        put_sheet(&api, session, &[("If-Match", "\"v1\""), ("Idempotency-Key", "k2")], &other).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v2\""));
    // An old key does not answer for a sheet saved since.
    let (status, _, _) = put_sheet(&api, session, &key, &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);

    // A first save sent with If-None-Match: * is resent the same way, and answered.
    let create_only = [("If-None-Match", "*"), ("Idempotency-Key", "first-of-another")];
    let (status, _, etag) = put_sheet(&api, f.first.0, &create_only, &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""));
    let (status, _, etag) = put_sheet(&api, f.first.0, &create_only, &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""), "the resend of a create-only save");
    assert_eq!(f.version(f.first.0).await, 1);
}

/// The form fields a browser sends for the adults' counts, as the page shows them.
fn adult_fields(html: &str, parents: &str, family_members: &str) -> Vec<(String, String)> {
    assert!(input_value(html, "parents").is_some(), "the page asks for the adults");
    let mut fields = vec![("parents".into(), parents.into())];
    if input_value(html, "family_members").is_some() {
        fields.push(("family_members".into(), family_members.into()));
    }
    fields
}

/// The person ids of the children's guardians, in the children's order.
async fn guardian_ids(f: &Fixture) -> Vec<i64> {
    let mut found = Vec::new();
    for child in &f.course.children {
        let id: i64 =
            f.app.scalar("SELECT id FROM persons WHERE name = $1", (format!("Foresatt til {}", child.name),)).await;
        found.push(id);
    }
    found
}

/// The form fields for the guardians' lines, each marked present.
fn guardian_fields(guardians: &[i64]) -> Vec<(String, String)> {
    guardians
        .iter()
        .flat_map(|id| [("guardian".to_string(), id.to_string()), (format!("guardian.{id}"), "present".to_string())])
        .collect()
}

fn guardian_lines(guardians: &[i64]) -> Value {
    json!(guardians.iter().map(|id| json!({"person_id": id, "attendance": "present"})).collect::<Vec<_>>())
}

/// [`whole_sheet`] at a family gathering: every guardian came, and (parents, family
/// members) counted.
fn family_sheet(f: &Fixture, guardians: &[i64], (parents, family_members): (u32, u32)) -> Value {
    let mut body = whole_sheet(f, &[]);
    body["guardians"] = guardian_lines(guardians);
    body["parents"] = json!(parents);
    body["family_members"] = json!(family_members);
    body
}

async fn sheet_of(api: &Api, session_id: i64) -> Value {
    api.get_ok(&format!("{A}/sessions/{session_id}/attendance")).await
}

/// A family evening on the day of the latest held session.
async fn family_evening(f: &Fixture) -> i64 {
    f.app
        .scalar(
            "INSERT INTO course_sessions (course_id, kind, meeting_kind, title, audience, date, start_time, end_time,
             room, status)
         VALUES ($1, 'meeting', 'family_session', 'Familiekveld', 'family', $2, '18:00', '19:30', 'Skolen', 'planned')
         RETURNING id",
            (f.course.course_id, &f.current.1),
        )
        .await
}

#[tokio::test]
async fn adults_counted_through_the_api_are_shown_on_the_page_and_kept_by_its_save() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let leader = f.app.logged_in(LEADER).await;
    let guardians = guardian_ids(&f).await;
    let family = family_evening(&f).await;
    let marks = [
        (f.course.child_id(0), "present", ""),
        (f.course.child_id(1), "present", ""),
        (f.course.child_id(2), "present", ""),
    ];

    // A children's session does not ask for adults.
    let (_, html) = leader.get_html(&f.course.attendance_page(f.first.0)).await;
    assert_eq!(input_value(&html, "parents"), None, "no adults asked at a children's session");

    // A family evening's counts, saved through the API, are on the page, and its save keeps them.
    let body = family_sheet(&f, &guardians, (2, 1));
    let (status, saved, _) = put_sheet(&api, family, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let page = f.course.attendance_page(family);
    let (_, html) = leader.get_html(&page).await;
    assert_eq!(input_value(&html, "parents").as_deref(), Some("2"));
    assert_eq!(input_value(&html, "family_members").as_deref(), Some("1"));
    let mut form = sheet_body(&html, &marks, &[]);
    form.extend(guardian_fields(&guardians));
    form.extend(adult_fields(&html, "2", "1"));
    let response = post(&leader, &page, &form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let sheet = sheet_of(&api, family).await;
    assert_eq!((sheet["version"].as_i64(), sheet["counts"]["present"].as_i64()), (Some(2), Some(3)));
    assert_eq!((sheet["parents"].as_i64(), sheet["family_members"].as_i64()), (Some(2), Some(1)), "kept: {sheet}");

    // Those who see counts only see the adults too.
    let rep = f.app.logged_in(REPRESENTATIVE).await;
    let (_, html) = rep.get_html(&page).await;
    let counts = text_of(&section(&html, "attendance-counts", "</dl>"));
    assert!(counts.contains("Andre foreldre og voksne i familiene 2"), "{counts}");
    assert!(counts.contains("Andre familiemedlemmer 1"), "{counts}");
    assert!(counts.contains("Foresatte: til stede 3"), "the guardians counted: {counts}");

    // A leader whose page was opened before the API saved gets the conflict page, which
    // starts from the saved counts, not from nothing.
    let (_, before) = leader.get_html(&page).await;
    let mut body = whole_sheet(&f, &[]);
    body["guardians"] = guardian_lines(&guardians);
    body["parents"] = json!(3);
    let (status, _, _) = put_sheet(&api, family, &[("If-Match", "\"v2\"")], &body).await;
    assert_eq!(status, StatusCode::OK);
    let mut form = sheet_body(&before, &marks, &[]);
    form.extend(guardian_fields(&guardians));
    let response = post(&leader, &page, &form).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert_eq!(input_value(&html, "parents").as_deref(), Some("3"), "the saved count, not 0");
    assert_eq!(sheet_of(&api, family).await["parents"], 3, "the conflict wrote nothing");
}

#[tokio::test]
async fn notices_stay_as_they_are_at_a_cancelled_session_and_on_a_closed_course() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let leader = f.app.logged_in(LEADER).await;
    let session = f.future;
    let notices = format!("{A}/sessions/{session}/absence-notices");
    for (index, note) in [(0, "Ferie"), (1, "Bursdag")] {
        let body = json!({"participant_id": f.course.child_id(index), "note": note});
        assert_eq!(api.send_json(Method::POST, &notices, &body).await.status(), StatusCode::CREATED);
    }
    let count = || f.count("SELECT COUNT(*) FROM absence_notices WHERE session_id = $1", session);
    assert_eq!(count().await, 2);
    let page = f.course.attendance_page(session);
    let remove_page = |index: usize| {
        format!(
            "/courses/{}/sessions/{session}/absence-notices/{}/remove",
            f.course.course_id,
            f.course.child_id(index)
        )
    };

    // The session is cancelled: its notices are kept as they were.
    f.app
        .execute(
            "UPDATE course_sessions SET status = 'cancelled', cancel_reason = 'Snøstorm' WHERE id = $1",
            (session,),
        )
        .await;
    let (_, html) = leader.get_html(&page).await;
    assert!(!html.contains("/remove\""), "no remove button at a cancelled session");
    let response = api.request(Method::DELETE, &format!("{notices}/{}", f.course.child_id(0))).send().await.unwrap();
    let (status, problem) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["session"]);
    let response = leader.submit(&page, &remove_page(0), &[]).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("avlyst"), "{summary}");
    assert!(html.contains("href=\"#session\""));
    assert_eq!(count().await, 2, "nothing removed");

    // Held again, on a course that is closed: the same.
    f.app
        .execute("UPDATE course_sessions SET status = 'planned', cancel_reason = NULL WHERE id = $1", (session,))
        .await;
    f.app.execute("UPDATE courses SET status = 'archived' WHERE id = $1", (f.course.course_id,)).await;
    let response = api.request(Method::DELETE, &format!("{notices}/{}", f.course.child_id(1))).send().await.unwrap();
    let (status, problem) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["session"]);
    let response = leader.submit(&page, &remove_page(1), &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json!({"participant_id": f.course.child_id(2)});
    assert_eq!(api.send_json(Method::POST, &notices, &body).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count().await, 2, "nothing removed or added");
    let removed = f.app.audit_count("attendance.notice.remove", None, "success", None).await;
    assert_eq!(removed, 0);

    // Open again, the notice can go.
    f.app.execute("UPDATE courses SET status = 'running' WHERE id = $1", (f.course.course_id,)).await;
    let response = api.request(Method::DELETE, &format!("{notices}/{}", f.course.child_id(1))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(count().await, 1);
}

#[tokio::test]
async fn a_mestringstreff_session_shows_its_whole_plan() {
    let f = fixture().await;
    let app = &f.app;
    let coordinator =
        running::actor(app, f.course.coordinator_id, COORDINATOR, vec![samla_domain::Role::Coordinator]).await;
    // Started a week ago (the organisation's today): its second session is today.
    let today = samla_web::services::intake::today(&app.state, "NO");
    let start = today - chrono::Duration::days(7);
    let staff = [(f.course.leader_id, "group_leader"), (f.course.representative_id, "user_representative")];
    let course_id = running::mestringstreff_course(app, &coordinator, "Mestringstreff, høst", start, &staff).await;
    running::run(app, &coordinator, course_id).await;
    let sessions: Vec<(i64, String)> = app
        .rows(
            "SELECT id, date FROM course_sessions WHERE course_id = $1 AND kind = 'session' ORDER BY date, id",
            (course_id,),
        )
        .await;
    let (second, date) = sessions[1].clone();
    assert_eq!(date, today.to_string(), "the second session is today");

    let (_, source) =
        samla_domain::programmes::shipped::SHIPPED.iter().find(|(slug, _)| *slug == "mestringstreff").unwrap();
    let manual = samla_domain::programmes::Manual::from_toml(source).unwrap();
    let plan = manual.sessions.iter().find(|s| s.number == 2).expect("session 2 of the manual");
    let reviewed = manual.sessions[0].homework.clone().expect("session 1 gives homework");
    let homework = plan.homework.clone().expect("session 2 gives homework");
    assert!(!plan.segments.is_empty() && !plan.goals.is_empty() && !plan.materials.is_empty());
    let shows_the_plan = |where_: &str, text: &str| {
        assert!(text.contains(&format!("Tema {}", plan.title)), "{where_}: the theme in {text}");
        assert!(text.contains(&format!("Varighet {} min", plan.duration_minutes)), "{where_}: {text}");
        for segment in &plan.segments {
            assert!(
                text.contains(&format!("{} ({} min)", segment.name, segment.minutes)),
                "{where_}: {}",
                segment.name
            );
        }
        for goal in &plan.goals {
            assert!(text.contains(goal.as_str()), "{where_}: the goal {goal}");
        }
        for material in &plan.materials {
            assert!(text.contains(material.as_str()), "{where_}: the material {material}");
        }
        assert!(text.contains(&format!("Hjemmelekse å gå gjennom {reviewed}")), "{where_}: last time's homework");
        assert!(text.contains(&format!("Hjemmelekse til neste gang {homework}")), "{where_}: the homework to give");
    };

    let leader = app.logged_in(LEADER).await;
    let (status, html) = leader.get_html(&format!("/courses/{course_id}/sessions/{second}")).await;
    assert_eq!(status, StatusCode::OK);
    shows_the_plan("the session page", &text_of(&section(&html, "plan", "</section>")));
    let (status, html) = leader.get_html("/today").await;
    assert_eq!(status, StatusCode::OK);
    let article = section(&html, &format!("session-{second}"), "</article>");
    assert!(article.contains("<details class=\"plan-details\" open>"), "today's plan is open");
    shows_the_plan("the today page", &text_of(&article));

    let (status, session) = f.api(LEADER).await.get_json(&format!("{A}/sessions/{second}")).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let found = &session["plan"];
    assert_eq!(found["number"], 2);
    assert_eq!(found["title"], plan.title.as_str());
    assert_eq!(found["duration_minutes"], plan.duration_minutes);
    let segments: Vec<(String, u32)> = plan.segments.iter().map(|s| (s.name.clone(), s.minutes)).collect();
    let given: Vec<(String, u32)> = found["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["minutes"].as_u64().unwrap() as u32))
        .collect();
    assert_eq!(given, segments);
    assert_eq!(found["goals"], json!(plan.goals));
    assert_eq!(found["materials"], json!(plan.materials));
    assert_eq!(found["content"], json!(plan.content));
    assert_eq!(found["homework"], homework.as_str());
    assert_eq!(found["review_homework"], reviewed.as_str());
}

#[tokio::test]
async fn adults_at_parent_and_family_gatherings_reach_the_course_overview() {
    let f = fixture().await;
    let pool = f.app.state.store.pool();
    let parent_meeting = f.course.meeting_ids[0];
    let (kind, audience, date): (String, String, String) =
        sqlx::query_as("SELECT meeting_kind, audience, date FROM course_sessions WHERE id = $1")
            .bind(parent_meeting)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!((kind.as_str(), audience.as_str()), ("parent_meeting", "parents"), "the first parent meeting");
    assert!(date <= f.current.1, "held already: {date}");
    let family = family_evening(&f).await;
    let guardians = guardian_ids(&f).await;

    // The parent meeting on the page: the guardians, and other parents counted.
    let leader = f.app.logged_in(LEADER).await;
    let page = f.course.attendance_page(parent_meeting);
    let (status, html) = leader.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    let mut form = sheet_body(&html, &[], &[]);
    form.extend(guardian_fields(&guardians));
    form.extend(adult_fields(&html, "4", "2"));
    let response = post(&leader, &page, &form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The family evening through the API.
    let api = f.api(LEADER).await;
    let body = family_sheet(&f, &guardians, (3, 5));
    let (status, saved, _) = put_sheet(&api, family, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, overview) =
        f.api(COORDINATOR).await.get_json(&format!("{A}/courses/{}/attendance", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK, "{overview}");
    let figures = |id: i64| -> (i64, i64, i64) {
        let row = overview["sessions"].as_array().unwrap().iter().find(|s| s["session_id"] == id);
        let row = row.unwrap_or_else(|| panic!("session {id} in {overview}"));
        (
            row["guardians_attended"].as_i64().unwrap(),
            row["parents"].as_i64().unwrap(),
            row["family_members"].as_i64().unwrap(),
        )
    };
    assert_eq!(figures(parent_meeting), (3, 4, 0), "no siblings are counted at a parents' meeting");
    assert_eq!(figures(family), (3, 3, 5));

    let coordinator = f.app.logged_in(COORDINATOR).await;
    let (status, html) = coordinator.get_html(&format!("/courses/{}/attendance", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    for (id, parents, family_members) in [(parent_meeting, 4, 0), (family, 3, 5)] {
        let row = section(&html, &format!("session-{id}"), "</tr>");
        let cells: Vec<String> = row
            .split("<td class=\"num\">")
            .skip(1)
            .map(|cell| cell.split("</td>").next().unwrap().trim().to_string())
            .collect();
        assert_eq!(cells[1], "3 av 3", "the guardians of the row of {id}: {row}");
        assert_eq!(cells[2..4], [parents.to_string(), family_members.to_string()], "the row of {id}: {row}");
    }
}

#[tokio::test]
async fn the_courses_own_leader_cancels_a_session_and_others_may_not() {
    let f = fixture().await;
    let course_id = f.course.course_id;
    let page = format!("/courses/{course_id}/sessions/{}", f.future);
    let cancel = format!("{A}/courses/{course_id}/sessions/{}/cancel", f.future);
    let post_cancel = |api: Api| {
        let cancel = cancel.clone();
        async move {
            let request = api.request(Method::POST, &cancel).header("If-Match", "*");
            Api::json_of(
                request.json(&json!({ "reason": "Syk leder", "add_replacement": false })).send().await.unwrap(),
            )
            .await
        }
    };

    // Someone else's course, a user representative and a secretary: refused and audited.
    for (email, user_id) in [
        (OTHER_LEADER, f.course.other_leader_id),
        (REPRESENTATIVE, f.course.representative_id),
        (SECRETARY, f.course.secretary_id),
    ] {
        let (status, problem) = post_cancel(f.api(email).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}: {problem}");
        let mut denied = 0;
        for action in ["view_courses", "record_session_work", "plan_courses"] {
            denied += f.app.audit_count(action, None, "denied", Some(user_id)).await;
        }
        assert!(denied >= 1, "{email}'s refusal is audited");
    }
    let browser = f.app.logged_in(REPRESENTATIVE).await;
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("/cancel\""), "no cancel form for a user representative");

    // The course's leader sees the form on the session page and cancels through the API.
    let browser = f.app.logged_in(LEADER).await;
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("{page}/cancel\"")), "the leader gets the cancel form");
    assert!(!html.contains(&format!("{page}/move\"")), "moving stays with planners");
    let (status, cancelled) = post_cancel(f.api(LEADER).await).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancel_reason"], "Syk leder");
    assert!(cancelled["replacement_session_id"].is_null(), "no replacement was asked for");
    assert_eq!(f.app.audit_count("course.session.cancel", None, "success", Some(f.course.leader_id)).await, 1);
    let (_, html) = browser.get_html(&page).await;
    assert!(!html.contains(&format!("{page}/cancel\"")), "a cancelled session has no form");
}

#[tokio::test]
async fn someone_marked_present_stays_in_the_working_group_and_the_record_holds() {
    let f = fixture().await;
    let staff = f.staff_ids().await;
    let (present, absent) = (staff[0], staff[1]);
    let leader = f.api(LEADER).await;
    let (status, _, _) = put_sheet(&leader, f.current.0, &[], &whole_sheet(&f, &[present])).await;
    assert_eq!(status, StatusCode::OK);

    let coordinator = f.api(COORDINATOR).await;
    let course = f.course.course_id;
    let response =
        coordinator.request(Method::DELETE, &format!("{A}/courses/{course}/staff/{present}")).send().await.unwrap();
    let (status, problem) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(error_fields(&problem), ["staff"]);
    let kept = f.count("SELECT COUNT(*) FROM attendance_staff WHERE staff_id = $1", present).await;
    assert_eq!(kept, 1, "the attendance record keeps them");

    let browser = f.app.logged_in(COORDINATOR).await;
    let page = format!("/courses/{course}");
    let refused = browser.submit(&page, &format!("/courses/{course}/staff/{present}/remove"), &[]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let html = refused.text().await.unwrap();
    assert!(text_of(&html).contains("blir stående i arbeidsgruppen"), "the page says why");
    assert_eq!(f.count("SELECT COUNT(*) FROM course_staff WHERE id = $1", present).await, 1);

    // Someone never marked present leaves the group and every session.
    let response =
        coordinator.request(Method::DELETE, &format!("{A}/courses/{course}/staff/{absent}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(f.count("SELECT COUNT(*) FROM course_staff WHERE id = $1", absent).await, 0);
    assert_eq!(f.count("SELECT COUNT(*) FROM session_staff WHERE staff_id = $1", absent).await, 0);
}

/// Many requests for Today at once are each answered: the page never waits for a second
/// database connection while it holds one, which starved the pool (eight leaders at once
/// waited ten seconds, and some were answered 500).
#[tokio::test]
async fn today_answers_many_requests_at_once() {
    let f = fixture().await;
    let api = std::sync::Arc::new(f.api(LEADER).await);
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let api = api.clone();
        requests.spawn(async move { api.get_json(&format!("{A}/today")).await });
    }
    while let Some(answer) = requests.join_next().await {
        let (status, today) = answer.expect("the request ran");
        assert_eq!(status, StatusCode::OK, "{today}");
        assert!(today["sessions"].as_array().is_some_and(|s| !s.is_empty()), "{today}");
    }
}

/// Many audited reads of one sheet at once are each answered, each with its audit row: a
/// read gives its connection back before it waits for its row's commit, which needs a
/// connection of its own (held, eight reads at once would starve the pool and the commit).
#[tokio::test]
async fn many_audited_sheet_reads_at_once_are_each_answered_and_audited() {
    let f = fixture().await;
    let api = std::sync::Arc::new(f.api(LEADER).await);
    const READS: &str = "SELECT COUNT(*) FROM audit_log WHERE action = 'attendance.read' AND record_id = $1";
    let before: i64 = f.app.scalar(READS, (f.current.0.to_string(),)).await;
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let api = api.clone();
        let path = format!("{A}/sessions/{}/attendance", f.current.0);
        requests.spawn(async move { api.get_json(&path).await });
    }
    while let Some(answer) = requests.join_next().await {
        let (status, sheet) = answer.expect("the request ran");
        assert_eq!(status, StatusCode::OK, "{sheet}");
    }
    let after: i64 = f.app.scalar(READS, (f.current.0.to_string(),)).await;
    assert_eq!(after - before, 40, "every read has its row");
}
