//! Who is expected follows the session's audience (issue #13, "Parents' sessions expect
//! the children"): a parents' meeting lists the children's guardians by name and not the
//! children, a family gathering lists both and counts the siblings, a children's session
//! refuses a parents count (the page does not offer one). The guardians' names follow the
//! children's privacy; the sheet keeps its ETag, If-Match and Idempotency-Key. What was
//! marked reaches Today, the attendance overview (per session, per participant, printable)
//! and the course report. Both databases.

use crate::common::data::error_fields;
use crate::common::running::{self, put_sheet, RunningCourse, COORDINATOR, LEADER, REPRESENTATIVE};
use crate::common::*;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

struct Fixture {
    app: TestApp,
    course: RunningCourse,
    /// The programme's first parents' meeting (held already) and its day.
    parent_meeting: i64,
    /// A family evening added on the day of the latest held session.
    family: i64,
    /// The latest held children's session.
    current: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let pool = app.state.store.pool();
    let today = samla_web::services::intake::today(&app.state, "NO").to_string();
    let parent_meeting = course.meeting_ids[0];
    let (audience, date): (String, String) = sqlx::query_as("SELECT audience, date FROM course_sessions WHERE id = $1")
        .bind(parent_meeting)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(audience, "parents", "Mestringsgrupper's first parent meeting");
    assert!(date <= today, "held already: {date}");
    let current: i64 = sqlx::query_scalar(
        "SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'session' AND date <= $2
         ORDER BY date DESC, id DESC LIMIT 1",
    )
    .bind(course.course_id)
    .bind(&today)
    .fetch_one(pool)
    .await
    .unwrap();
    let current_day: String = sqlx::query_scalar("SELECT date FROM course_sessions WHERE id = $1")
        .bind(current)
        .fetch_one(pool)
        .await
        .unwrap();
    let family: i64 = sqlx::query_scalar(
        "INSERT INTO course_sessions (course_id, kind, meeting_kind, title, audience, date, start_time, end_time,
             room, status)
         VALUES ($1, 'meeting', 'family_session', 'Familiekveld', 'family', $2, '18:00', '19:30', 'Skolen', 'planned')
         RETURNING id",
    )
    .bind(course.course_id)
    .bind(&current_day)
    .fetch_one(pool)
    .await
    .unwrap();
    Fixture { app, course, parent_meeting, family, current }
}

impl Fixture {
    fn guardian_name(&self, index: usize) -> String {
        format!("Foresatt til {}", self.course.children[index].name)
    }

    async fn api(&self, email: &str) -> Api {
        self.app.api(&self.app.token_for(email).await)
    }

    /// The person id of each child's guardian, in the children's order.
    async fn guardians(&self) -> Vec<i64> {
        let mut found = Vec::new();
        for index in 0..self.course.children.len() {
            let id: i64 = self.app.scalar("SELECT id FROM persons WHERE name = $1", (self.guardian_name(index),)).await;
            found.push(id);
        }
        found
    }

    /// Adds a grown-up to the household of the first child.
    async fn add_to_first_household(&self, name: &str, responsibility: bool) -> i64 {
        let pool = self.app.state.store.pool();
        let household: i64 = sqlx::query_scalar("SELECT household_id FROM persons WHERE id = $1")
            .bind(self.course.children[0].person_id)
            .fetch_one(pool)
            .await
            .unwrap();
        sqlx::query_scalar(
            "INSERT INTO persons (organisation_id, household_id, household_role, parental_responsibility, name,
                 created_at)
             VALUES ($1, $2, 'guardian', $3, $4, 0) RETURNING id",
        )
        .bind(self.course.organisation_id)
        .bind(household)
        .bind(i64::from(responsibility))
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap()
    }

    async fn count(&self, sql: &str, id: i64) -> i64 {
        self.app.scalar(sql, (id,)).await
    }
}

fn ids(list: &Value, key: &str) -> Vec<i64> {
    list.as_array().unwrap().iter().map(|p| p[key].as_i64().unwrap()).collect()
}

async fn post(browser: &Browser, action: &str, body: &[(String, String)]) -> reqwest::Response {
    browser.client.post(format!("{}{action}", browser.base_url)).form(body).send().await.unwrap()
}

/// The page's form as a browser sends it: hidden fields, then these guardians' marks.
fn guardian_form(html: &str, guardians: &[(i64, &str)], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut body = vec![
        ("csrf".to_string(), csrf_in(html)),
        ("version".to_string(), input_value(html, "version").unwrap_or_default()),
        ("submission_key".to_string(), input_value(html, "submission_key").unwrap_or_default()),
    ];
    for (id, attendance) in guardians {
        body.push(("guardian".into(), id.to_string()));
        body.push((format!("guardian.{id}"), (*attendance).into()));
        body.push((format!("guardian_note.{id}"), String::new()));
    }
    body.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    body
}

#[tokio::test]
async fn a_parents_meeting_expects_the_guardians_by_name_and_not_the_children() {
    let f = fixture().await;
    let guardians = f.guardians().await;
    let api = f.api(LEADER).await;
    let session = api.get_ok(&format!("{A}/sessions/{}", f.parent_meeting)).await;
    assert_eq!(session["expected_count"], 0, "no child is expected: {session}");
    assert_eq!(session["expected"], json!([]));
    assert_eq!(session["expected_guardian_count"], 3);
    let mut listed = ids(&session["expected_guardians"], "person_id");
    listed.sort_unstable();
    let mut all = guardians.clone();
    all.sort_unstable();
    assert_eq!(listed, all);
    let first = session["expected_guardians"].as_array().unwrap().iter().find(|g| g["person_id"] == guardians[0]);
    assert_eq!(first.unwrap()["guardian_of"], json!([f.course.child_id(0)]));
    assert_eq!(
        session["sheet_shape"],
        json!({"children": false, "guardians": true, "parents_count": true, "family_members_count": false})
    );

    // The page lists the guardians to mark, not the children.
    let leader = f.app.logged_in(LEADER).await;
    let page = f.course.attendance_page(f.parent_meeting);
    let (status, html) = leader.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    for (index, child) in f.course.children.iter().enumerate() {
        assert!(html.contains(&format!("<legend>{}</legend>", f.guardian_name(index))), "the guardian by name");
        assert!(is_checked(&html, &format!("guardian.{}-present", guardians[index])));
        assert!(!html.contains(&format!("id=\"attendance.{}\"", child.participant_id)), "{} not marked", child.name);
    }
    assert!(input_value(&html, "parents").is_some(), "other parents are counted");
    assert!(input_value(&html, "family_members").is_none(), "no siblings at a parents' meeting");

    // Saved from the page: one line per guardian, and the parents' count.
    let marks = [(guardians[0], "present"), (guardians[1], "absent_with_notice"), (guardians[2], "late")];
    let response = post(&leader, &page, &guardian_form(&html, &marks, &[("parents", "1")])).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let lines = f.count("SELECT COUNT(*) FROM attendance_guardians WHERE session_id = $1", f.parent_meeting).await;
    assert_eq!(lines, 3);
    let children = f.count("SELECT COUNT(*) FROM attendance_entries WHERE session_id = $1", f.parent_meeting).await;
    assert_eq!(children, 0, "no child marked at the parents' meeting");
    let (_, sheet) = api.get_json(&format!("{A}/sessions/{}/attendance", f.parent_meeting)).await;
    assert_eq!(sheet["guardian_counts"]["present"], 1);
    assert_eq!(sheet["guardian_counts"]["late"], 1);
    assert_eq!(sheet["parents"], 1);
    let line = sheet["guardians"].as_array().unwrap().iter().find(|g| g["person_id"] == guardians[1]).unwrap();
    assert_eq!(
        (line["name"].as_str(), line["attendance"].as_str()),
        (Some(f.guardian_name(1).as_str()), Some("absent_with_notice"))
    );

    // The API refuses the children there, and a guardian left out, each by its field.
    let body = json!({
        "entries": [{"participant_id": f.course.child_id(0), "attendance": "present"}],
        "guardians": [
            {"participant_id_is_wrong": 1},
        ],
    });
    let (status, _, _) = put_sheet(&api, f.parent_meeting, &[("If-Match", "\"v1\"")], &body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an unknown field in a guardian's line");
    let body = json!({
        "entries": [{"participant_id": f.course.child_id(0), "attendance": "present"}],
        "guardians": [
            {"person_id": guardians[0], "attendance": "present"},
            {"person_id": guardians[1], "attendance": "present"},
        ],
    });
    let (status, problem, _) = put_sheet(&api, f.parent_meeting, &[("If-Match", "\"v1\"")], &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields = error_fields(&problem);
    assert!(fields.contains(&format!("attendance.{}", f.course.child_id(0))), "{fields:?}");
    assert!(fields.contains(&format!("guardian.{}", guardians[2])), "{fields:?}");
    assert_eq!(f.count("SELECT version FROM attendance_sheets WHERE session_id = $1", f.parent_meeting).await, 1);
}

#[tokio::test]
async fn the_guardians_sheet_keeps_etags_if_match_and_the_idempotency_key() {
    let f = fixture().await;
    let guardians = f.guardians().await;
    let api = f.api(LEADER).await;
    let body = json!({
        "guardians": guardians.iter().map(|id| json!({"person_id": id, "attendance": "present"})).collect::<Vec<_>>(),
        "parents": 2,
    });
    let key = [("Idempotency-Key", "parents-evening-1")];
    let (status, saved, etag) = put_sheet(&api, f.parent_meeting, &key, &body).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v1\""), "{saved}");
    assert_eq!(saved["guardian_counts"]["present"], 3);
    // The same save again (a lost answer): the first answer, nothing written.
    let response = api
        .send_json_with(
            Method::PUT,
            &format!("{A}/sessions/{}/attendance", f.parent_meeting),
            ("Idempotency-Key", "parents-evening-1"),
            &body,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["idempotent-replayed"], "true");
    // A changed sheet needs If-Match, and a stale one is refused.
    let mut changed = body.clone();
    changed["guardians"][0]["attendance"] = json!("absent_without_notice");
    let (status, _, _) = put_sheet(&api, f.parent_meeting, &[], &changed).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, _, etag) = put_sheet(&api, f.parent_meeting, &[("If-Match", "\"v1\"")], &changed).await;
    assert_eq!((status, etag.as_str()), (StatusCode::OK, "\"v2\""));
    let (status, _, _) = put_sheet(&api, f.parent_meeting, &[("If-Match", "\"v1\"")], &body).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let saves =
        f.app.audit_count("attendance.save", Some(("session", &f.parent_meeting.to_string())), "success", None).await;
    assert_eq!(saves, 2);
}

#[tokio::test]
async fn a_family_gathering_expects_children_and_guardians_and_counts_the_others() {
    let f = fixture().await;
    let guardians = f.guardians().await;
    // Ada's household also has a second parent with parental responsibility, and a
    // step-parent without it: the first is expected by name, the second is counted.
    let second = f.add_to_first_household("Andre forelder Fjellstad", true).await;
    let step = f.add_to_first_household("Steforelder Fjellstad", false).await;
    let api = f.api(LEADER).await;
    let (_, session) = api.get_json(&format!("{A}/sessions/{}", f.family)).await;
    let mut children = ids(&session["expected"], "participant_id");
    children.sort_unstable();
    let mut all: Vec<i64> = (0..3).map(|i| f.course.child_id(i)).collect();
    all.sort_unstable();
    assert_eq!(children, all, "the children come to a family gathering");
    let listed = ids(&session["expected_guardians"], "person_id");
    assert_eq!(listed.len(), 4, "{session}");
    assert!(listed.contains(&second) && !listed.contains(&step), "only those with parental responsibility");

    let mut lines: Vec<Value> = guardians.iter().map(|id| json!({"person_id": id, "attendance": "present"})).collect();
    let body = json!({
        "entries": (0..3).map(|i| json!({"participant_id": f.course.child_id(i), "attendance": "present"})).collect::<Vec<_>>(),
        "guardians": lines.clone(),
        "parents": 1,
        "family_members": 11,
    });
    let (status, problem, _) = put_sheet(&api, f.family, &[], &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), [format!("guardian.{second}")], "the second parent has no line");
    lines.push(json!({"person_id": second, "attendance": "absent_with_notice", "note": "På jobb"}));
    let body = json!({
        "entries": (0..3).map(|i| json!({"participant_id": f.course.child_id(i), "attendance": "present"})).collect::<Vec<_>>(),
        "guardians": lines,
        "parents": 1,
        "family_members": 11,
    });
    let (status, sheet, _) = put_sheet(&api, f.family, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!((sheet["counts"]["present"].as_i64(), sheet["guardian_counts"]["present"].as_i64()), (Some(3), Some(3)));
    assert_eq!((sheet["parents"].as_i64(), sheet["family_members"].as_i64()), (Some(1), Some(11)));

    // The page shows both lists and both counts.
    let leader = f.app.logged_in(LEADER).await;
    let (_, html) = leader.get_html(&f.course.attendance_page(f.family)).await;
    assert!(html.contains(&format!("<legend>{}</legend>", f.course.children[0].name)));
    assert!(html.contains("<legend>Andre forelder Fjellstad</legend>"));
    assert!(is_checked(&html, &format!("guardian.{second}-absent_with_notice")));
    assert_eq!(input_value(&html, &format!("guardian_note.{second}")).as_deref(), Some("På jobb"));
    assert_eq!(input_value(&html, "family_members").as_deref(), Some("11"));
    assert_eq!(input_value(&html, "parents").as_deref(), Some("1"));
}

#[tokio::test]
async fn a_childrens_sheet_refuses_a_parents_count_and_the_page_does_not_offer_one() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let entries: Vec<Value> =
        (0..3).map(|i| json!({"participant_id": f.course.child_id(i), "attendance": "present"})).collect();
    for (field, count) in [("parents", 2), ("family_members", 1)] {
        let mut body = json!({"entries": entries});
        body[field] = json!(count);
        let (status, problem, _) = put_sheet(&api, f.current, &[], &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {problem}");
        assert_eq!(error_fields(&problem), [field], "{problem}");
    }
    let guardians = f.guardians().await;
    let body = json!({"entries": entries, "guardians": [{"person_id": guardians[0], "attendance": "present"}]});
    let (status, problem, _) = put_sheet(&api, f.current, &[], &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), [format!("guardian.{}", guardians[0])], "no guardians at a children's session");
    assert_eq!(f.count("SELECT COUNT(*) FROM attendance_sheets WHERE session_id = $1", f.current).await, 0);
    let (status, saved, _) = put_sheet(&api, f.current, &[], &json!({"entries": entries, "parents": 0})).await;
    assert_eq!(status, StatusCode::OK, "0 is no count: {saved}");

    let (_, session) = api.get_json(&format!("{A}/sessions/{}", f.current)).await;
    assert_eq!(session["sheet_shape"]["parents_count"], false);
    assert_eq!(session["expected_guardians"], json!([]));
    let leader = f.app.logged_in(LEADER).await;
    let (_, html) = leader.get_html(&f.course.attendance_page(f.current)).await;
    assert_eq!(input_value(&html, "parents"), None, "the page does not ask for parents");
    assert_eq!(input_value(&html, "family_members"), None);
    assert!(!html.contains("Foresatt til"), "no guardians on a children's sheet");
    // A page sent with a parents count anyway is refused at the field, nothing saved.
    let mut form = vec![
        ("csrf".to_string(), csrf_in(&html)),
        ("version".to_string(), "1".to_string()),
        ("submission_key".to_string(), "k".to_string()),
        ("parents".to_string(), "4".to_string()),
    ];
    for i in 0..3 {
        form.push(("participant".into(), f.course.child_id(i).to_string()));
        form.push((format!("attendance.{}", f.course.child_id(i)), "present".into()));
    }
    let response = post(&leader, &f.course.attendance_page(f.current), &form).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).unwrap().contains("foreldre telles ikke her"), "{:?}", error_summary(&html));
    assert_eq!(f.count("SELECT version FROM attendance_sheets WHERE session_id = $1", f.current).await, 1);
}

#[tokio::test]
async fn guardians_names_are_for_those_who_see_contacts_and_reading_them_is_audited() {
    let f = fixture().await;
    let rep = f.api(REPRESENTATIVE).await;
    let session = rep.get_ok(&format!("{A}/sessions/{}", f.parent_meeting)).await;
    assert_eq!(
        (session["expected_guardians"].clone(), session["expected_guardian_count"].as_i64()),
        (Value::Null, Some(3))
    );
    let guardians = f.guardians().await;
    let body = json!({
        "guardians": guardians.iter().map(|id| json!({"person_id": id, "attendance": "present", "note": "Hemmelig"})).collect::<Vec<_>>(),
    });
    let (status, _, _) = put_sheet(&f.api(LEADER).await, f.parent_meeting, &[], &body).await;
    assert_eq!(status, StatusCode::OK);
    let (_, sheet) = rep.get_json(&format!("{A}/sessions/{}/attendance", f.parent_meeting)).await;
    assert_eq!(sheet["guardians"], Value::Null);
    assert_eq!(sheet["guardian_counts"]["present"], 3, "counts only");
    let browser = f.app.logged_in(REPRESENTATIVE).await;
    for page in [
        f.course.attendance_page(f.parent_meeting),
        "/today".to_string(),
        format!("/courses/{}/attendance", f.course.course_id),
    ] {
        let (_, html) = browser.get_html(&page).await;
        assert!(!html.contains("Foresatt til") && !html.contains("Hemmelig"), "no guardian named on {page}");
    }
    let (_, overview) = rep.get_json(&format!("{A}/courses/{}/attendance", f.course.course_id)).await;
    assert_eq!(overview["participants"], Value::Null);
    assert!(!overview.to_string().contains("Foresatt til"));

    let leader = f.api(LEADER).await;
    let before =
        f.app.audit_count("attendance.read", Some(("session", &f.parent_meeting.to_string())), "success", None).await;
    let (_, session) = leader.get_json(&format!("{A}/sessions/{}", f.parent_meeting)).await;
    assert!(session["expected_guardians"].to_string().contains(&f.guardian_name(0)));
    let after =
        f.app.audit_count("attendance.read", Some(("session", &f.parent_meeting.to_string())), "success", None).await;
    assert_eq!(after, before + 1, "reading the guardians' names is audited");
}

#[tokio::test]
async fn a_familys_notice_marks_its_guardians_away_at_a_parents_meeting() {
    let f = fixture().await;
    let guardians = f.guardians().await;
    let api = f.api(LEADER).await;
    let notices = format!("{A}/sessions/{}/absence-notices", f.parent_meeting);
    let body = json!({"participant_id": f.course.child_id(1), "note": "Syk"});
    let (status, notice) = Api::json_of(api.send_json(Method::POST, &notices, &body).await).await;
    assert_eq!(status, StatusCode::CREATED, "a family's notice at the parents' meeting: {notice}");
    let leader = f.app.logged_in(LEADER).await;
    let (_, html) = leader.get_html(&f.course.attendance_page(f.parent_meeting)).await;
    assert!(is_checked(&html, &format!("guardian.{}-absent_with_notice", guardians[1])));
    assert!(is_checked(&html, &format!("guardian.{}-present", guardians[0])));
}

#[tokio::test]
async fn today_lists_the_guardians_expected_at_a_parents_meeting() {
    let f = fixture().await;
    let today = samla_web::services::intake::today(&f.app.state, "NO").to_string();
    f.app.execute("UPDATE course_sessions SET date = $1 WHERE id = $2", (&today, f.parent_meeting)).await;
    let leader = f.app.logged_in(LEADER).await;
    let (status, html) = leader.get_html("/today").await;
    assert_eq!(status, StatusCode::OK);
    let article = section(&html, &format!("session-{}", f.parent_meeting), "</article>");
    let text = unescape(&strip_tags(&article));
    for (index, child) in f.course.children.iter().enumerate() {
        assert!(text.contains(&f.guardian_name(index)), "{} expected: {text}", f.guardian_name(index));
        assert!(!text.contains(&format!(" {}\n", child.name)), "the child is not listed: {text}");
    }
    assert!(!article.contains(&format!("id=\"expected-{}\"", f.parent_meeting)), "no list of children");
    let (_, today_json) = f.api(LEADER).await.get_json(&format!("{A}/today")).await;
    let meeting = today_json["sessions"].as_array().unwrap().iter().find(|s| s["id"] == f.parent_meeting).unwrap();
    assert_eq!(meeting["expected_guardian_count"], 3);
}

#[tokio::test]
async fn what_the_guardians_did_reaches_the_overview_the_participant_page_the_summary_and_the_report() {
    let f = fixture().await;
    let guardians = f.guardians().await;
    let api = f.api(LEADER).await;
    // Mestringsgrupper's parents' meeting: Ada's and Brage's guardians came, Cecilie's did not.
    let body = json!({
        "guardians": [
            {"person_id": guardians[0], "attendance": "present"},
            {"person_id": guardians[1], "attendance": "late"},
            {"person_id": guardians[2], "attendance": "absent_without_notice"},
        ],
        "parents": 1,
    });
    let (status, saved, _) = put_sheet(&api, f.parent_meeting, &[], &body).await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let coordinator = f.api(COORDINATOR).await;
    let (_, overview) = coordinator.get_json(&format!("{A}/courses/{}/attendance", f.course.course_id)).await;
    let row = overview["sessions"].as_array().unwrap().iter().find(|s| s["session_id"] == f.parent_meeting).unwrap();
    assert_eq!(row["audience"], "parents");
    assert_eq!((row["participants_expected"].as_i64(), row["guardians_attended"].as_i64()), (Some(0), Some(2)));
    assert_eq!((row["guardians_expected"].as_i64(), row["parents"].as_i64()), (Some(3), Some(1)));
    let cecilie = overview["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["participant_id"] == f.course.child_id(2))
        .unwrap();
    assert_eq!((cecilie["family_sessions"].as_i64(), cecilie["family_sessions_attended"].as_i64()), (Some(1), Some(0)));
    assert_eq!(cecilie["held"], 0, "the parents' meeting is not the child's absence");
    assert_eq!(cecilie["guardians"][0]["name"], f.guardian_name(2));
    assert_eq!(
        (cecilie["guardians"][0]["attended"].as_i64(), cecilie["guardians"][0]["held"].as_i64()),
        (Some(0), Some(1))
    );
    let ada = overview["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["participant_id"] == f.course.child_id(0))
        .unwrap();
    assert_eq!(ada["family_sessions_attended"], 1);

    let browser = f.app.logged_in(COORDINATOR).await;
    let (_, html) = browser.get_html(&format!("/courses/{}/attendance", f.course.course_id)).await;
    let row = section(&html, &format!("session-{}", f.parent_meeting), "</tr>");
    assert!(row.contains("data-guardians-attended=\"2\"") && row.contains("data-guardians-expected=\"3\""), "{row}");
    assert!(unescape(&strip_tags(&row)).contains("2 av 3"), "{row}");
    let line = unescape(&strip_tags(&section(&html, &format!("participant-{}", f.course.child_id(2)), "</tr>")));
    assert!(line.contains("0 av 1"), "Cecilie's guardians came to none of one: {line}");
    let (_, page) =
        browser.get_html(&format!("/courses/{}/participants/{}", f.course.course_id, f.course.child_id(2))).await;
    let text = unescape(&strip_tags(&page));
    assert!(text.contains(&format!("Foresatt {}", f.guardian_name(2))), "{text}");
    assert!(text.contains(&format!("{}: borte uten melding", f.guardian_name(2))), "the guardian's mark: {text}");
    assert!(text.contains("Samling for foreldrene"), "the child was not expected there: {text}");
    let (_, print) = browser.get_html(&format!("/courses/{}/attendance/print", f.course.course_id)).await;
    let text = unescape(&strip_tags(&print));
    assert!(text.contains(&format!("{}: kom for sent", f.guardian_name(1))), "{text}");

    let report = coordinator.get_ok(&format!("{A}/courses/{}/report", f.course.course_id)).await;
    let rows = report["attendance"]["sessions"].as_array().unwrap();
    let row = rows.iter().find(|s| s["session_id"] == f.parent_meeting).unwrap();
    assert_eq!((row["guardians_attended"].as_i64(), row["guardians_expected"].as_i64()), (Some(2), Some(3)));
    assert_eq!((row["participants_expected"].as_i64(), row["parents"].as_i64()), (Some(0), Some(1)));
    let (_, html) = browser.get_html(&format!("/courses/{}/report", f.course.course_id)).await;
    let row = unescape(&strip_tags(&section(&html, &format!("crep-session-{}", f.parent_meeting), "</tr>")));
    assert!(row.contains("2 av 3"), "the guardians in the report: {row}");
    assert!(!row.contains("0 av 0"), "no children's figure at a parents' meeting: {row}");
}
