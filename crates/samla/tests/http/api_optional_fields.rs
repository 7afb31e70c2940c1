//! Every field the API accepts is honoured or refused: each optional field of each
//! create operation (every POST whose body has optional properties) is sent and read
//! back. The list of what is checked is compared with the OpenAPI document, so a new
//! optional field without a read-back fails here.

use crate::common::data::national_id_born;
use crate::common::running::{self, RunningCourse, COORDINATOR};
use crate::common::{send, Api, TestApp};
use reqwest::{Method, StatusCode};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const A: &str = "/organisations/org-a";

/// cancelSession over any version of the session: what the API answers, which must be OK.
async fn cancel_any_version(api: &Api, running_path: &str, session: &Value, body: &Value) -> Value {
    let path = format!("{running_path}/sessions/{}/cancel", session["id"]);
    let (status, cancelled) =
        Api::json_of(api.send_json_with(Method::POST, &path, ("If-Match", "*"), body).await).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    cancelled
}

/// Sends a create request and insists on its success status.
async fn create(api: &Api, path: &str, body: &Value, status: StatusCode) -> Value {
    let (got, answer) = send(api, Method::POST, path, body).await;
    assert_eq!(got, status, "POST {path} {body}: {answer}");
    answer
}

async fn read(api: &Api, path: &str) -> Value {
    api.get_ok(path).await
}

/// Every key of `body` that the check is about, so a test sends all it says it sends.
fn assert_sends(body: &Value, fields: &[&str]) {
    for field in fields {
        assert!(body.get(*field).is_some_and(|v| !v.is_null()), "the request sends {field}: {body}");
    }
}

/// A running course (children enrolled, sessions and meetings planned) and its
/// coordinator's API client.
struct Fixture {
    app: TestApp,
    course: RunningCourse,
    api: Api,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let api = app.api(&app.token_for(COORDINATOR).await);
    Fixture { app, course, api }
}

fn shipped_manual(slug: &str) -> Manual {
    Manual::from_toml(SHIPPED.iter().find(|(s, _)| *s == slug).expect("shipped").1).expect("valid")
}

async fn coordinator(app: &TestApp) -> Api {
    app.add_user("org-a", "koordinator@a.no", "coordinator").await;
    app.api(&app.token_for("koordinator@a.no").await)
}

#[tokio::test]
async fn create_course_honours_duration_minutes_for_every_session() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app).await;
    let body = json!({
        "programme": "mestringstreff", "name": "Korte treff", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-07", "start_time": "18:00", "duration_minutes": 90,
    });
    let (status, course) = send(&api, Method::POST, &format!("{A}/courses"), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    assert_eq!(course["duration_minutes"], 90);
    let (_, sessions) = api.get_json(&format!("{A}/courses/{}/sessions", course["id"])).await;
    let ends: BTreeSet<&str> = sessions["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "session")
        .map(|s| s["end_time"].as_str().unwrap())
        .collect();
    assert_eq!(ends, BTreeSet::from(["19:30"]), "every session 90 minutes from 18:00");

    // Without it, each session keeps its plan's length (Mestringstreff: 150 minutes).
    let mut body = body;
    body.as_object_mut().unwrap().remove("duration_minutes");
    let (_, course) = send(&api, Method::POST, &format!("{A}/courses"), &body).await;
    let (_, sessions) = api.get_json(&format!("{A}/courses/{}/sessions", course["id"])).await;
    assert!(sessions["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "session")
        .all(|s| s["end_time"] == "20:30"));
}

fn session_items(sessions: &Value) -> Vec<Value> {
    sessions["items"].as_array().unwrap().iter().filter(|s| s["kind"] == "session").cloned().collect()
}

fn strings(values: &[Value], key: &str) -> Vec<String> {
    values.iter().map(|v| v[key].as_str().unwrap_or_default().to_string()).collect()
}

#[tokio::test]
async fn planning_operations_honour_every_optional_field() {
    let f = fixture().await;
    let api = &f.api;

    // createCourse: two weekdays a week, four sessions of 90 minutes, seven places.
    let body = json!({
        "programme": "mestringstreff", "name": "Treff", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-07", "start_time": "18:00", "weekdays": ["tue", "thu"], "interval": "weekly",
        "session_count": 4, "capacity": 7, "duration_minutes": 90,
    });
    assert_sends(&body, &["weekdays", "interval", "session_count", "capacity", "duration_minutes"]);
    let course = create(api, &format!("{A}/courses"), &body, StatusCode::CREATED).await;
    let course_path = format!("{A}/courses/{}", course["id"]);
    let stored = read(api, &course_path).await;
    assert_eq!(stored["weekdays"], json!(["tue", "thu"]));
    assert_eq!(stored["interval"], "weekly");
    assert_eq!(stored["session_count"], 4);
    assert_eq!(stored["capacity"], 7);
    assert_eq!(stored["duration_minutes"], 90);
    let sessions = session_items(&read(api, &format!("{course_path}/sessions")).await);
    assert_eq!(strings(&sessions, "date"), ["2027-09-07", "2027-09-09", "2027-09-14", "2027-09-16"]);
    assert!(sessions.iter().all(|s| s["end_time"] == "19:30"), "90 minutes each");
    // The course page names the days as a sentence does: the second in lower case.
    f.app.relax_second_factor("org-a").await;
    let (_, page) = f.app.logged_in(COORDINATOR).await.get_html(&format!("/courses/{}", course["id"])).await;
    assert!(page.contains("Tirsdag, torsdag, hver uke"), "weekdays mid-sentence");

    // Every second week.
    let body = json!({
        "programme": "mestringstreff", "name": "Treff", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-07", "start_time": "18:00", "interval": "every_n_weeks", "every_weeks": 2,
        "session_count": 3,
    });
    assert_sends(&body, &["every_weeks"]);
    let course = create(api, &format!("{A}/courses"), &body, StatusCode::CREATED).await;
    let stored = read(api, &format!("{A}/courses/{}", course["id"])).await;
    assert_eq!((stored["interval"].as_str(), stored["every_weeks"].as_i64()), (Some("every_n_weeks"), Some(2)));
    let sessions = session_items(&read(api, &format!("{A}/courses/{}/sessions", course["id"])).await);
    assert_eq!(strings(&sessions, "date"), ["2027-09-07", "2027-09-21", "2027-10-05"]);

    // Hand-picked dates.
    let body = json!({
        "programme": "mestringstreff", "name": "Treff", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-08", "start_time": "18:00", "interval": "dates",
        "dates": ["2027-09-08", "2027-09-15", "2027-10-01"],
    });
    assert_sends(&body, &["dates"]);
    let course = create(api, &format!("{A}/courses"), &body, StatusCode::CREATED).await;
    let stored = read(api, &format!("{A}/courses/{}", course["id"])).await;
    assert_eq!((stored["interval"].as_str(), stored["session_count"].as_i64()), (Some("dates"), Some(3)));
    let sessions = session_items(&read(api, &format!("{A}/courses/{}/sessions", course["id"])).await);
    assert_eq!(strings(&sessions, "date"), ["2027-09-08", "2027-09-15", "2027-10-01"]);
    // A field the chosen interval does not use is refused, not dropped.
    for (extra, field) in [
        (json!({ "interval": "weekly", "every_weeks": 2 }), "every_weeks"),
        (json!({ "interval": "weekly", "dates": ["2027-09-07"] }), "dates"),
        (json!({ "interval": "dates", "dates": ["2027-09-08"], "weekdays": ["wed"] }), "weekdays"),
        (json!({ "interval": "dates", "dates": ["2027-09-08"], "session_count": 4 }), "session_count"),
    ] {
        let mut body = json!({
            "programme": "mestringstreff", "name": "Treff", "venue": "Rådhuset", "room": "Rom 1",
            "start_date": "2027-09-07", "start_time": "18:00",
        });
        for (key, value) in extra.as_object().unwrap() {
            body[key] = value.clone();
        }
        let (status, problem) = send(api, Method::POST, &format!("{A}/courses"), &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }

    // addSession: a meeting with a title in another room.
    let body = json!({
        "date": "2027-09-28", "start_time": "17:00", "end_time": "18:00",
        "room": "Møterom 3", "title": "Ekstra samtale", "meeting": true,
    });
    assert_sends(&body, &["room", "title", "meeting"]);
    let added = create(api, &format!("{course_path}/sessions"), &body, StatusCode::CREATED).await;
    let stored = read(api, &format!("{course_path}/sessions/{}", added["id"])).await;
    assert_eq!(
        (stored["room"].as_str(), stored["title"].as_str(), stored["kind"].as_str()),
        (Some("Møterom 3"), Some("Ekstra samtale"), Some("meeting"))
    );

    // addCourseStaff: a colleague on every session, and someone from outside.
    let running_path = format!("{A}/courses/{}", f.course.course_id);
    let body = json!({ "user_id": f.course.other_leader_id, "course_role": "group_leader", "on_every_session": true });
    assert_sends(&body, &["user_id", "on_every_session"]);
    let member = create(api, &format!("{running_path}/staff"), &body, StatusCode::CREATED).await;
    let body = json!({
        "external_name": "Siri Skole", "external_organisation": "Nordby skole", "course_role": "network_contact",
    });
    assert_sends(&body, &["external_name", "external_organisation"]);
    let outsider = create(api, &format!("{running_path}/staff"), &body, StatusCode::CREATED).await;
    let staff = read(api, &format!("{running_path}/staff")).await;
    let find = |id: &Value| staff["items"].as_array().unwrap().iter().find(|m| m["id"] == *id).cloned().unwrap();
    assert_eq!(find(&member["id"])["user_id"], f.course.other_leader_id);
    let stored = find(&outsider["id"]);
    assert_eq!(
        (stored["name"].as_str(), stored["external_organisation"].as_str()),
        (Some("Siri Skole"), Some("Nordby skole"))
    );
    let sessions = session_items(&read(api, &format!("{running_path}/sessions")).await);
    for session in sessions.iter().filter(|s| s["status"] == "planned") {
        let on: Vec<&Value> = session["staff"].as_array().unwrap().iter().map(|s| &s["staff_id"]).collect();
        assert!(on.contains(&&member["id"]), "on every session: {session}");
        assert!(!on.contains(&&outsider["id"]), "left off: {session}");
    }
    // What the person cannot be is refused, not dropped.
    for (body, field) in [
        (
            json!({ "user_id": f.course.secretary_id, "external_name": "Navn", "course_role": "secretary" }),
            "external_name",
        ),
        (
            json!({ "external_name": "Navn", "course_role": "network_contact", "on_every_session": true }),
            "on_every_session",
        ),
    ] {
        let (status, problem) = send(api, Method::POST, &format!("{running_path}/staff"), &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }

    // cancelSession: told and replaced by default; neither when asked not to.
    let ahead: Vec<Value> = sessions
        .iter()
        .filter(|s| s["status"] == "planned" && s["date"].as_str().unwrap() > running::today_of(&f.app).as_str())
        .cloned()
        .collect();
    assert!(ahead.len() >= 2, "two sessions ahead");
    let outbox = |api: &Api| {
        let api = Api { client: api.client.clone(), base_url: api.base_url.clone(), token: api.token.clone() };
        async move { read(&api, &format!("{A}/outbox?limit=200")).await["items"].as_array().unwrap().len() }
    };
    let before = outbox(api).await;
    let body = json!({ "reason": "Syk leder", "notify": false, "add_replacement": false });
    assert_sends(&body, &["notify", "add_replacement"]);
    let cancelled = cancel_any_version(api, &running_path, &ahead[0], &body).await;
    assert_eq!(cancelled["replacement_session_id"], Value::Null);
    assert_eq!(outbox(api).await, before, "nobody told");
    let body = json!({ "reason": "Stengt", "notify": true, "add_replacement": true });
    let cancelled = cancel_any_version(api, &running_path, &ahead[1], &body).await;
    let replacement = &cancelled["replacement_session_id"];
    assert_eq!(read(api, &format!("{running_path}/sessions/{replacement}")).await["status"], "planned");
    assert!(outbox(api).await > before, "the families are told");

    // createCalendarFeed: a course's feed holds that course.
    let body = json!({ "course_id": f.course.course_id });
    assert_sends(&body, &["course_id"]);
    let feed = create(api, &format!("{A}/calendar-feeds"), &body, StatusCode::CREATED).await;
    assert_eq!(feed["course_id"], f.course.course_id);
    let calendar = reqwest::get(feed["url"].as_str().unwrap()).await.unwrap().text().await.unwrap();
    assert!(calendar.contains(running::COURSE_NAME) && !calendar.contains("Annen gruppe"), "{calendar}");

    // importProgramme: a manual with every optional part comes back whole.
    let mut manual = shipped_manual("smil");
    manual.slug = "alt-i-ett".into();
    manual.budget = shipped_manual("boernegrupper").budget;
    manual.checklist = shipped_manual("mestringstreff").checklist;
    manual.evidence = shipped_manual("mestringsgrupper").evidence;
    manual.certification = Some("Todagers kurs for gruppeledere".into());
    let body = serde_json::to_value(&manual).unwrap();
    assert_sends(&body, &MANUAL_OPTIONAL_FIELDS);
    for field in MANUAL_OPTIONAL_FIELDS {
        assert!(body[field].as_array().is_none_or(|a| !a.is_empty()), "{field} has content");
    }
    create(api, &format!("{A}/programmes"), &body, StatusCode::CREATED).await;
    assert_eq!(read(api, &format!("{A}/programmes/alt-i-ett")).await["manual"], body);
}

fn day(raw: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

/// A birth date that makes someone `years` old (and a month) on `on`.
fn born(on: chrono::NaiveDate, years: i32) -> String {
    use chrono::Datelike;
    let birthday = chrono::NaiveDate::from_ymd_opt(on.year() - years, on.month(), on.day().min(28)).unwrap();
    (birthday - chrono::Duration::days(30)).to_string()
}

/// A valid Norwegian national identity number for a birth date in 2000–2039.
fn national_id(birth_date: &str) -> String {
    national_id_born(day(birth_date))
}

fn digits(raw: &Value) -> String {
    raw.as_str().unwrap_or_default().chars().filter(char::is_ascii_digit).collect()
}

async fn with_if_match(api: &Api, method: Method, path: &str, body: &Value) -> (StatusCode, Value) {
    Api::json_of(api.request(method, path).header("If-Match", "*").json(body).send().await.unwrap()).await
}

/// A child's application with only what is required.
fn child(course_id: &Value, name: &str, birth_date: &str, guardian: &str) -> Value {
    json!({
        "course_id": course_id, "participant_type": "child", "participant_name": name,
        "participant_birth_date": birth_date, "guardian_name": guardian, "guardian_phone": "912 34 567",
        "consents": ["participation"],
    })
}

#[tokio::test]
async fn intake_operations_honour_every_optional_field() {
    let f = fixture().await;
    let api = &f.api;
    let start = (chrono::Utc::now().date_naive() + chrono::Duration::days(70)).to_string();
    let course = json!({
        "programme": "mestringsgrupper", "name": "Gruppe", "venue": "Skolen", "room": "Rom 2",
        "start_date": start, "start_time": "15:00", "weekdays": [], "capacity": 8,
    });
    let course = create(api, &format!("{A}/courses"), &course, StatusCode::CREATED).await;
    let course_id = course["id"].clone();
    let first =
        day(session_items(&read(api, &format!("{A}/courses/{course_id}/sessions")).await)[0]["date"].as_str().unwrap());
    let programme = read(api, &format!("{A}/programmes/mestringsgrupper")).await;
    let channels = read(api, &format!("{A}/recruitment-channels")).await;
    let channel = channels["items"][1]["id"].clone();
    let applications = format!("{A}/applications");

    // A sibling first, so the full application can join the household.
    let sibling = create(
        api,
        &applications,
        &child(&course_id, "Sara Søsken", &born(first, 10), "Kari Mor"),
        StatusCode::CREATED,
    )
    .await;
    let sibling_view = read(api, &format!("{applications}/{}", sibling["id"])).await;
    let household = sibling_view["household_id"].clone();

    // createApplication with every optional field a child's application takes.
    let birth = born(first, 9);
    let full = json!({
        "course_id": course_id, "programme": "mestringsgrupper", "participant_type": "child",
        "participant_name": "Ole Barn", "participant_birth_date": birth, "participant_national_id": national_id(&birth),
        "participant_sex": "male",
        "guardian_name": "Per Far", "guardian_phone": "913 00 001", "guardian_email": "per@example.test",
        "guardian_responsibility": false,
        "second_guardian_name": "Liv Mor", "second_guardian_phone": "917 00 005",
        "second_guardian_email": "liv@example.test", "second_guardian_responsibility": true,
        "channel_id": channel, "referrer_name": "Helse Søster", "referrer_service": "Helsestasjonen",
        "referrer_phone": "914 00 002", "referrer_email": "helse@example.test",
        "reason": "Mor er syk.", "needs": "Nøtteallergi.", "consents": ["participation", "evaluation"],
        "household_id": household, "priority": 1,
    });
    // National identity numbers are refused until the organisation records them.
    let (status, problem) = send(api, Method::POST, &applications, &full).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "participant_national_id");
    let settings = read(api, &format!("{A}/intake-settings")).await;
    let mut change = json!({
        "national_id_enabled": true, "stale_after_days": settings["stale_after_days"],
        "child_own_say_from_age": settings["child_own_say_from_age"], "offer_days": settings["offer_days"],
    });
    let (status, body) = with_if_match(api, Method::PUT, &format!("{A}/intake-settings"), &change).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    change["national_id_enabled"] = json!(false);
    let child_fields = [
        "course_id",
        "programme",
        "participant_birth_date",
        "participant_national_id",
        "participant_sex",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
        "guardian_responsibility",
        "second_guardian_name",
        "second_guardian_phone",
        "second_guardian_email",
        "second_guardian_responsibility",
        "channel_id",
        "referrer_name",
        "referrer_service",
        "referrer_phone",
        "referrer_email",
        "reason",
        "needs",
        "consents",
        "household_id",
        "priority",
    ];
    assert_sends(&full, &child_fields);
    let created = create(api, &applications, &full, StatusCode::CREATED).await;
    let id = created["id"].clone();
    let view = read(api, &format!("{applications}/{id}")).await;
    assert_eq!(view["course"]["id"], course_id);
    assert_eq!(view["programme"]["id"], programme["id"]);
    assert_eq!(view["participant"]["birth_date"], birth);
    assert_eq!(view["participant"]["national_id"], full["participant_national_id"]);
    assert_eq!(view["participant"]["sex"], "male");
    assert_eq!(view["household_id"], household);
    let person =
        |name: &str| view["household"].as_array().unwrap().iter().find(|p| p["name"] == name).cloned().unwrap();
    let father = person("Per Far");
    assert_eq!(
        (digits(&father["phone"]), father["email"].as_str()),
        ("91300001".to_string(), Some("per@example.test"))
    );
    assert_eq!(father["parental_responsibility"], false);
    let mother = person("Liv Mor");
    assert_eq!(
        (digits(&mother["phone"]), mother["email"].as_str()),
        ("91700005".to_string(), Some("liv@example.test"))
    );
    assert_eq!(mother["parental_responsibility"], true);
    assert_eq!(view["channel_id"], channel);
    assert_eq!(view["referrer"]["name"], "Helse Søster");
    assert_eq!(view["referrer"]["service"], "Helsestasjonen");
    assert_eq!(digits(&view["referrer"]["phone"]), "91400002");
    assert_eq!(view["referrer"]["email"], "helse@example.test");
    assert_eq!((view["reason"].as_str(), view["needs"].as_str()), (Some("Mor er syk."), Some("Nøtteallergi.")));
    assert_eq!(view["priority"], 1);
    let mut purposes = strings(view["consents"].as_array().unwrap(), "purpose");
    purposes.sort();
    assert_eq!(purposes, ["evaluation", "participation"]);
    // A guardian already in the household keeps the details on record: others are refused.
    let mut again = child(&course_id, "Tor Bror", &born(first, 8), "Kari Mor");
    again["household_id"] = household.clone();
    again["guardian_phone"] = json!("919 99 999");
    let (status, problem) = send(api, Method::POST, &applications, &again).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "guardian_phone");

    // An adult's own phone and e-mail, on a programme's waitlist without a course.
    let adult = json!({
        "programme": "mestringstreff", "participant_type": "adult", "participant_name": "Anne Voksen",
        "participant_phone": "915 00 003", "participant_email": "anne@example.test", "consents": ["participation"],
    });
    assert_sends(&adult, &["participant_phone", "participant_email"]);
    let created = create(api, &applications, &adult, StatusCode::CREATED).await;
    let view = read(api, &format!("{applications}/{}", created["id"])).await;
    assert_eq!(view["course"], Value::Null);
    assert_eq!(view["programme"]["id"], read(api, &format!("{A}/programmes/mestringstreff")).await["id"]);
    assert_eq!(digits(&view["participant"]["phone"]), "91500003");
    assert_eq!(view["participant"]["email"], "anne@example.test");
    // What does not fit the participant is refused, not dropped.
    for (body, field) in [
        (json!({ "participant_phone": "915 00 003" }), "participant_phone"),
        (json!({ "programme": "mestringstreff" }), "programme"),
    ] {
        let mut body_full = child(&course_id, "Feil", &born(first, 9), "Foresatt");
        for (key, value) in body.as_object().unwrap() {
            body_full[key] = value.clone();
        }
        let (status, problem) = send(api, Method::POST, &applications, &body_full).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body_full}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    for (key, value) in [("guardian_name", json!("Foresatt")), ("guardian_responsibility", json!(true))] {
        let mut body = adult.clone();
        body[key] = value;
        let (status, problem) = send(api, Method::POST, &applications, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(problem["errors"][0]["field"], key, "{problem}");
    }

    // recordConsent: the method given.
    let body =
        json!({ "giver_id": mother["id"], "purpose": "participation", "capacity": "guardian", "method": "paper" });
    assert_sends(&body, &["method"]);
    let consent = create(api, &format!("{applications}/{id}/consents"), &body, StatusCode::CREATED).await;
    let consents = read(api, &format!("{applications}/{id}/consents")).await;
    let stored = consents["items"].as_array().unwrap().iter().find(|c| c["id"] == consent["id"]).cloned().unwrap();
    assert_eq!(stored["method"], "paper");

    // recordPreConversation: its notes.
    let today = chrono::Utc::now().date_naive().to_string();
    let body = json!({ "held_on": today, "participants": "Mor, begge ledere", "outcome": "continue", "notes": "Trygg start." });
    assert_sends(&body, &["notes"]);
    create(api, &format!("{applications}/{id}/pre-conversations"), &body, StatusCode::CREATED).await;
    let view = read(api, &format!("{applications}/{id}")).await;
    assert_eq!(view["pre_conversations"][0]["notes"], "Trygg start.");

    // moveApplication: the note.
    let body = json!({ "stage": "waitlisted", "note": "Venter på plass." });
    assert_sends(&body, &["note"]);
    let (status, moved) = with_if_match(api, Method::POST, &format!("{applications}/{id}/stage"), &body).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let view = read(api, &format!("{applications}/{id}")).await;
    assert!(view["events"].as_array().unwrap().iter().any(|e| e["note"] == "Venter på plass."), "{view}");

    // createConsentText: a programme's own text.
    let body =
        json!({ "purpose": "evaluation", "body": "Svarene brukes i evalueringen.", "programme": "mestringsgrupper" });
    assert_sends(&body, &["programme"]);
    let text = create(api, &format!("{A}/consent-texts"), &body, StatusCode::CREATED).await;
    let texts = read(api, &format!("{A}/consent-texts")).await;
    let stored = texts["items"].as_array().unwrap().iter().find(|t| t["id"] == text["id"]).cloned().unwrap();
    assert_eq!(stored["programme_id"], programme["id"]);

    // addHouseholdAdult: a guardian with parental responsibility, phone and address.
    let body = json!({
        "name": "Bo Bonusfar", "phone": "916 00 004", "email": "bo@example.test", "role": "guardian",
        "parental_responsibility": true,
    });
    assert_sends(&body, &["phone", "email", "role", "parental_responsibility"]);
    let added = create(api, &format!("{A}/households/{household}/adults"), &body, StatusCode::CREATED).await;
    let members = read(api, &format!("{A}/households/{household}")).await;
    let stored = members["members"].as_array().unwrap().iter().find(|p| p["id"] == added["id"]).cloned().unwrap();
    assert_eq!(
        (stored["household_role"].as_str(), stored["parental_responsibility"].as_bool()),
        (Some("guardian"), Some(true))
    );
    assert_eq!((digits(&stored["phone"]), stored["email"].as_str()), ("91600004".to_string(), Some("bo@example.test")));
    let body = json!({ "name": "Onkel", "role": "adult", "parental_responsibility": true });
    let (status, problem) = send(api, Method::POST, &format!("{A}/households/{household}/adults"), &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "parental_responsibility");

    // proposeGroup and confirmGroup: age band, siblings apart, pins and the deadline.
    let applications_path = applications.as_str();
    let waitlisted = |name: &'static str, years: i32, guardian: &'static str| {
        let body = child(&course_id, name, &born(first, years), guardian);
        async move {
            let created = create(api, applications_path, &body, StatusCode::CREATED).await;
            let (status, moved) = with_if_match(
                api,
                Method::POST,
                &format!("{applications_path}/{}/stage", created["id"]),
                &json!({ "stage": "waitlisted" }),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{moved}");
            created["id"].clone()
        }
    };
    let (status, _) = with_if_match(
        api,
        Method::POST,
        &format!("{applications}/{}/stage", sibling["id"]),
        &json!({ "stage": "waitlisted" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let too_old = waitlisted("Eldre", 12, "Foresatt A").await;
    let too_young = waitlisted("Yngre", 7, "Foresatt B").await;
    let pinned_out = waitlisted("Ute", 10, "Foresatt C").await;
    let choices = json!({ "age_min": 8, "age_max": 11, "siblings": "apart", "include": [id], "exclude": [pinned_out] });
    assert_sends(&choices, &["age_min", "age_max", "siblings", "include", "exclude"]);
    let proposal = create(api, &format!("{A}/courses/{course_id}/group-proposal"), &choices, StatusCode::OK).await;
    let reason = |application: &Value| {
        proposal["placements"].as_array().unwrap().iter().find(|p| p["application_id"] == *application).unwrap()
            ["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(reason(&id), "pinned-in");
    assert_eq!(reason(&sibling["id"]), "sibling-already-in-group", "siblings apart");
    assert_eq!(reason(&too_old), "outside-age-band");
    assert_eq!(reason(&too_young), "outside-age-band");
    assert_eq!(reason(&pinned_out), "pinned-out");
    let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    let mut confirm = choices.clone();
    confirm["expected"] = proposal["included"].clone();
    confirm["deadline"] = json!(deadline);
    assert_sends(&confirm, &["age_min", "age_max", "siblings", "include", "exclude", "deadline"]);
    let confirmed =
        create(api, &format!("{A}/courses/{course_id}/group-proposal/confirm"), &confirm, StatusCode::OK).await;
    assert_eq!(confirmed["offers"], 1, "only the one pinned in: {confirmed}");
    let view = read(api, &format!("{applications}/{id}")).await;
    let deadline_at = view["offers"][0]["deadline_at"].as_i64().unwrap();
    let offered_until = chrono::DateTime::from_timestamp(deadline_at, 0).unwrap().date_naive().to_string();
    assert_eq!(offered_until, deadline, "the deadline asked for");
    for other in [&sibling["id"], &too_old, &too_young, &pinned_out] {
        assert_eq!(read(api, &format!("{applications}/{other}")).await["stage"], "waitlisted");
    }
}

#[tokio::test]
async fn running_operations_honour_every_optional_field() {
    let f = fixture().await;
    let api = &f.api;
    let course_path = format!("{A}/courses/{}", f.course.course_id);
    let today = chrono::DateTime::from_timestamp(f.app.now(), 0).unwrap().date_naive();
    let child = f.course.children[1].participant_id;

    // scheduleMeeting: a follow-up with one family, its own title, audience and room.
    let body = json!({
        "meeting_kind": "follow_up", "title": "Oppfølgingssamtale", "audience": "parents",
        "date": (today + chrono::Duration::days(40)).to_string(), "start_time": "16:00", "end_time": "17:00",
        "room": "Samtalerom 1", "participant_id": child,
    });
    assert_sends(&body, &["title", "audience", "room", "participant_id"]);
    let meeting = create(api, &format!("{course_path}/meetings"), &body, StatusCode::CREATED).await;
    let record = read(api, &format!("{A}/sessions/{}/record", meeting["id"])).await;
    let stored = &record["meeting"];
    assert_eq!(
        (stored["title"].as_str(), stored["audience"].as_str(), stored["room"].as_str()),
        (Some("Oppfølgingssamtale"), Some("parents"), Some("Samtalerom 1"))
    );
    assert_eq!(stored["participant_id"], child);

    // planClosingConversations: the room.
    let body = json!({
        "date": (today + chrono::Duration::days(60)).to_string(), "start_time": "15:00", "minutes": 30,
        "room": "Samtalerom 2",
    });
    assert_sends(&body, &["room"]);
    create(api, &format!("{course_path}/meetings/closing-conversations"), &body, StatusCode::OK).await;
    let meetings = read(api, &format!("{course_path}/meetings")).await;
    let closing: Vec<&Value> = meetings["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["meeting_kind"] == "closing_conversation" && m["status"] == "planned")
        .collect();
    assert!(!closing.is_empty() && closing.iter().all(|m| m["room"] == "Samtalerom 2"), "{meetings}");

    // createObservation: about one session.
    let session_id = f.course.session_ids[0];
    let body = json!({ "body": "Var stille i dag.", "session_id": session_id });
    assert_sends(&body, &["session_id"]);
    let observations = format!("{course_path}/participants/{child}/observations");
    let observation = create(api, &observations, &body, StatusCode::CREATED).await;
    let stored = read(api, &observations).await;
    let stored = stored["items"].as_array().unwrap().iter().find(|o| o["id"] == observation["id"]).cloned().unwrap();
    assert_eq!(stored["session_id"], session_id);

    // createAbsenceNotice: the note, on a session ahead.
    let ahead = read(api, &format!("{course_path}/sessions")).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "session" && s["status"] == "planned" && day(s["date"].as_str().unwrap()) > today)
        .cloned()
        .unwrap();
    let body = json!({ "participant_id": f.course.children[0].participant_id, "note": "Bursdag i familien" });
    assert_sends(&body, &["note"]);
    create(api, &format!("{A}/sessions/{}/absence-notices", ahead["id"]), &body, StatusCode::CREATED).await;
    let session = read(api, &format!("{A}/sessions/{}", ahead["id"])).await;
    assert_eq!(session["absence_notices"][0]["note"], "Bursdag i familien", "{session}");

    // addMeetingGuest: from an organisation, and whether they came.
    let held_meeting = f.course.meeting_ids[0];
    let body = json!({ "name": "Siri Lærer", "organisation": "Nordby skole", "attended": true });
    assert_sends(&body, &["organisation", "attended"]);
    let guest = create(api, &format!("{A}/sessions/{held_meeting}/guests"), &body, StatusCode::CREATED).await;
    let record = read(api, &format!("{A}/sessions/{held_meeting}/record")).await;
    let stored = record["guests"].as_array().unwrap().iter().find(|g| g["id"] == guest["id"]).cloned().unwrap();
    assert_eq!((stored["organisation"].as_str(), stored["attended"].as_bool()), (Some("Nordby skole"), Some(true)));

    // recordDropout: the day they stopped, not today (two days on, the day after enrolment).
    f.app.state.clock.advance(2 * 86_400);
    let stopped = (today + chrono::Duration::days(1)).to_string();
    let body = json!({ "reason": "Flyttet", "date": stopped, "reason_kind": "moved" });
    assert_sends(&body, &["date", "reason_kind"]);
    let dropout = format!("{course_path}/participants/{}/dropout", f.course.children[2].participant_id);
    create(api, &dropout, &body, StatusCode::OK).await;
    let attendance = read(api, &format!("{course_path}/attendance")).await;
    let stored = attendance["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["participant_id"] == f.course.children[2].participant_id)
        .cloned()
        .unwrap_or_else(|| panic!("{attendance}"));
    assert_eq!(stored["dropped_out_on"], stopped.as_str());
    assert_eq!(stored["dropout_reason_kind"], "moved");
}

/// The value with every number as a float, so 1 and 1.0 compare equal.
fn as_floats(value: &Value) -> Value {
    match value {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.iter().map(as_floats).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), as_floats(v))).collect()),
        other => other.clone(),
    }
}

async fn questionnaire_id(api: &Api, slug: &str) -> Value {
    let listed = read(api, &format!("{A}/questionnaires")).await;
    listed["items"].as_array().unwrap().iter().find(|q| q["slug"] == slug).unwrap_or_else(|| panic!("{listed}"))["id"]
        .clone()
}

/// (language, subject) of the responses stored for a round.
async fn stored_responses(app: &TestApp, round_id: &Value) -> Vec<(String, Option<i64>)> {
    app.rows(
        "SELECT language, subject_participant_id FROM questionnaire_responses WHERE round_id = $1",
        (round_id.as_i64().unwrap(),),
    )
    .await
}

#[tokio::test]
async fn evaluation_operations_honour_every_optional_field() {
    let f = fixture().await;
    let api = &f.api;
    let rounds = format!("{A}/courses/{}/questionnaire-rounds", f.course.course_id);
    let today = chrono::DateTime::from_timestamp(f.app.now(), 0).unwrap().date_naive();
    let in_days = |n: i64| (today + chrono::Duration::days(n)).to_string();

    // startQuestionnaireRound: a session's evaluation by QR code, open as asked.
    let session_id = f.course.session_ids[3];
    let body = json!({
        "questionnaire_id": questionnaire_id(api, "session-evaluation").await, "audience": "participants",
        "mode": "anonymous", "timing": "session", "session_id": session_id, "opens_on": in_days(0),
        "closes_on": in_days(10), "qr_code": true,
    });
    assert_sends(&body, &["session_id", "opens_on", "closes_on", "qr_code"]);
    let round = create(api, &rounds, &body, StatusCode::CREATED).await;
    let stored = read(api, &format!("{A}/questionnaire-rounds/{}", round["id"])).await;
    assert_eq!(stored["session_id"], session_id);
    assert_eq!(
        (stored["opens_on"].as_str(), stored["closes_on"].as_str()),
        (Some(in_days(0).as_str()), Some(in_days(10).as_str()))
    );
    assert_eq!(stored["qr_code"], true);
    let follow_up = json!({
        "questionnaire_id": questionnaire_id(api, "smil-parents").await, "audience": "guardians",
        "mode": "anonymous", "timing": "follow_up", "follow_up_months": 6,
    });
    assert_sends(&follow_up, &["follow_up_months"]);
    let later = create(api, &rounds, &follow_up, StatusCode::CREATED).await;
    assert_eq!(read(api, &format!("{A}/questionnaire-rounds/{}", later["id"])).await["follow_up_months"], 6);

    // submitAnswers: the language the form was answered in.
    let open_link = stored["open_link"].as_str().expect("a QR code's link");
    let open_token = open_link.rsplit("/q/").next().unwrap();
    let public = Api { client: f.app.bare_client(), base_url: f.app.base_url.clone(), token: String::new() };
    let opened = create(&public, &format!("/open-links/{open_token}"), &json!({}), StatusCode::CREATED).await;
    let body = json!({ "language": "en", "answers": { "benefit": [{ "type": "choice", "value": "some" }] } });
    assert_sends(&body, &["language"]);
    create(&public, &format!("/answers/{}", opened["token"].as_str().unwrap()), &body, StatusCode::CREATED).await;
    assert_eq!(stored_responses(&f.app, &round["id"]).await, [("en".to_string(), None)]);

    // scheduleOutcomeRounds: the follow-up's months.
    let body = json!({
        "questionnaire_id": questionnaire_id(api, "smil-parents").await, "audience": "guardians", "follow_up_months": 9,
    });
    assert_sends(&body, &["follow_up_months"]);
    create(api, &format!("{A}/courses/{}/outcome-rounds", f.course.course_id), &body, StatusCode::CREATED).await;
    let listed = read(api, &rounds).await;
    let outcome_follow_up = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["timing"] == "follow_up" && r["mode"] == "identified")
        .cloned()
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(outcome_follow_up["follow_up_months"], 9);

    // enterPaperResponse: a form in English about one child.
    let body = json!({
        "questionnaire_id": questionnaire_id(api, "mestringstreff-pre-course").await, "audience": "participants",
        "mode": "identified", "timing": "other", "opens_on": in_days(0), "closes_on": in_days(14),
    });
    let paper_round = create(api, &rounds, &body, StatusCode::CREATED).await;
    let child = f.course.children[0].participant_id;
    let body = json!({
        "answers": { "age": [{ "type": "integer", "value": 41 }] }, "language": "en", "subject_participant_id": child,
    });
    assert_sends(&body, &["language", "subject_participant_id"]);
    create(api, &format!("{A}/questionnaire-rounds/{}/paper-responses", paper_round["id"]), &body, StatusCode::CREATED)
        .await;
    assert_eq!(stored_responses(&f.app, &paper_round["id"]).await, [("en".to_string(), Some(child))]);

    // importQuestionnaire: its scoring rules.
    let copy = |language: &str| {
        let source = std::fs::read_to_string(format!(
            "{}/../../data/questionnaires/smil-children.{language}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        source.replace("urn:samla:questionnaire:smil-children", "urn:test:questionnaire:smil-copy")
    };
    let definitions: Vec<Value> = ["nb", "en"].iter().map(|l| serde_json::from_str(&copy(l)).unwrap()).collect();
    let scoring: Value = serde_json::from_str(&copy("scoring")).unwrap();
    let body = json!({ "definitions": definitions, "scoring": scoring });
    assert_sends(&body, &["scoring"]);
    let imported = create(api, &format!("{A}/questionnaires"), &body, StatusCode::CREATED).await;
    let exported = read(api, &format!("{A}/questionnaires/{}/scoring", imported["questionnaire"]["id"])).await;
    assert_eq!(exported["questionnaire"], "urn:test:questionnaire:smil-copy");
    assert_eq!(as_floats(&exported["scales"]), as_floats(&scoring["scales"]), "the rules as sent (1 is 1.0)");
}

/// (operation, its optional request fields that the read-back checks above cover).
const READ_BACK: &[(&str, &[&str])] = &[
    (
        "createCourse",
        &["capacity", "dates", "duration_minutes", "every_weeks", "interval", "session_count", "weekdays"],
    ),
    ("addSession", &["meeting", "room", "title"]),
    ("addCourseStaff", &["external_name", "external_organisation", "on_every_session", "user_id"]),
    ("cancelSession", &["add_replacement", "notify"]),
    ("createCalendarFeed", &["course_id"]),
    (
        "createApplication",
        &[
            "channel_id",
            "consents",
            "course_id",
            "guardian_email",
            "guardian_name",
            "guardian_phone",
            "guardian_responsibility",
            "household_id",
            "needs",
            "participant_birth_date",
            "participant_email",
            "participant_national_id",
            "participant_phone",
            "participant_sex",
            "priority",
            "programme",
            "reason",
            "referrer_email",
            "referrer_name",
            "referrer_phone",
            "referrer_service",
            "second_guardian_email",
            "second_guardian_name",
            "second_guardian_phone",
            "second_guardian_responsibility",
        ],
    ),
    ("recordConsent", &["method"]),
    ("recordPreConversation", &["notes"]),
    ("moveApplication", &["note"]),
    ("createConsentText", &["programme"]),
    ("addHouseholdAdult", &["email", "parental_responsibility", "phone", "role"]),
    ("proposeGroup", &["age_max", "age_min", "exclude", "include", "siblings"]),
    ("confirmGroup", &["age_max", "age_min", "deadline", "exclude", "include", "siblings"]),
    ("scheduleMeeting", &["audience", "participant_id", "room", "title"]),
    ("planClosingConversations", &["room"]),
    ("createObservation", &["session_id"]),
    ("createAbsenceNotice", &["note"]),
    ("addMeetingGuest", &["attended", "organisation"]),
    ("recordDropout", &["date", "reason_kind"]),
    ("startQuestionnaireRound", &["closes_on", "follow_up_months", "opens_on", "qr_code", "session_id"]),
    ("submitAnswers", &["language"]),
    ("scheduleOutcomeRounds", &["follow_up_months"]),
    ("enterPaperResponse", &["language", "subject_participant_id"]),
    ("importQuestionnaire", &["scoring"]),
    ("importProgramme", &MANUAL_OPTIONAL_FIELDS),
    // Read back in statistics_network (the release list gives the correction's note).
    ("publishStatisticsRelease", &["note"]),
    // Read back in emergency_access (expires_at − opened_at, and the access closing then).
    ("openEmergencyAccess", &["hours"]),
    // Read back in access_requests (the request's received_on and answered_on).
    ("registerAccessRequest", &["received_on"]),
    ("markAccessRequestAnswered", &["answered_on"]),
];

/// The optional parts of a programme's manual.
const MANUAL_OPTIONAL_FIELDS: [&str; 12] = [
    "age_bands",
    "budget",
    "certification",
    "checklist",
    "default_session_count",
    "evidence",
    "group_size",
    "meetings",
    "notes",
    "owner",
    "sessions",
    "staffing",
];

/// Every POST operation whose request body has optional properties, with those properties.
async fn optional_fields_of_posts(app: &TestApp) -> BTreeMap<String, BTreeSet<String>> {
    let document: Value = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap().json().await.unwrap();
    let schemas = document["components"]["schemas"].clone();
    let resolve = |schema: &Value| {
        let mut schema = schema.clone();
        while let Some(reference) = schema["$ref"].as_str().map(str::to_string) {
            schema = schemas[reference.rsplit('/').next().unwrap()].clone();
        }
        schema
    };
    let mut out = BTreeMap::new();
    for (_, operations) in document["paths"].as_object().unwrap() {
        let Some(post) = operations.get("post") else { continue };
        let Some(content) = post["requestBody"]["content"].as_object() else { continue };
        for (_, media) in content {
            let schema = resolve(&media["schema"]);
            let required: BTreeSet<&str> =
                schema["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            let optional: BTreeSet<String> = schema["properties"]
                .as_object()
                .map(|p| p.keys().filter(|k| !required.contains(k.as_str())).cloned().collect())
                .unwrap_or_default();
            if !optional.is_empty() {
                out.insert(post["operationId"].as_str().unwrap().to_string(), optional);
            }
        }
    }
    out
}

#[tokio::test]
async fn every_optional_field_of_every_create_operation_has_a_read_back() {
    let app = TestApp::spawn().await;
    let documented = optional_fields_of_posts(&app).await;
    assert!(documented.contains_key("createCourse"), "{documented:?}");
    let checked: BTreeMap<String, BTreeSet<String>> =
        READ_BACK.iter().map(|(op, fields)| (op.to_string(), fields.iter().map(|f| f.to_string()).collect())).collect();
    let mut missing = Vec::new();
    for (operation, fields) in &documented {
        let covered = checked.get(operation).cloned().unwrap_or_default();
        for field in fields.difference(&covered) {
            missing.push(format!("{operation}.{field}"));
        }
    }
    assert!(missing.is_empty(), "optional fields nobody reads back: {missing:?}");
    let stale: Vec<String> = checked
        .iter()
        .flat_map(|(operation, fields)| {
            let known = documented.get(operation).cloned().unwrap_or_default();
            fields.difference(&known).map(|field| format!("{operation}.{field}")).collect::<Vec<_>>()
        })
        .collect();
    assert!(stale.is_empty(), "checked here but no optional field of a POST: {stale:?}");
}
