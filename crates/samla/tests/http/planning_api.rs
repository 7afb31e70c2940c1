//! The programme library and course planning over the JSON API, on the real server:
//! importing the shipped programmes, planning courses around public and school
//! holidays, changing single sessions, staffing rules, checklist, budget, bad input,
//! tenant isolation and the audit trail.

use crate::common::data::error_fields;
use crate::common::{refused_fields, send, send_if_match, Api, TestApp};
use chrono::{Datelike, Duration, NaiveDate};
use reqwest::{Method, Response, StatusCode};
use samla_domain::calendar::{public_holiday, Country};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

fn manual(slug: &str) -> Manual {
    let (_, source) = SHIPPED.iter().find(|(s, _)| *s == slug).expect("a shipped programme");
    Manual::from_toml(source).expect("shipped manuals are valid")
}

fn manual_json(slug: &str) -> Value {
    serde_json::to_value(manual(slug)).unwrap()
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

async fn json_of(response: Response) -> (StatusCode, Value) {
    Api::json_of(response).await
}

/// A coordinator's API client in an organisation.
async fn coordinator(app: &TestApp, org: &str, email: &str) -> Api {
    app.add_user(org, email, "coordinator").await;
    app.api(&app.token_for(email).await)
}

/// Imports a shipped manual: every organisation has it already, so nothing new is saved.
async fn import(api: &Api, org: &str, slug: &str) -> Value {
    let (status, body) = send(api, Method::POST, &format!("{org}/programmes"), &manual_json(slug)).await;
    assert_eq!(status, StatusCode::OK, "{slug}: {body}");
    body
}

/// A programme of the organisation's own, made from a shipped manual under another slug.
fn own_manual_json(from: &str, slug: &str) -> Value {
    let mut manual = manual_json(from);
    manual["slug"] = json!(slug);
    manual["name"] = json!(format!("{} (vår egen)", manual["name"].as_str().unwrap()));
    manual
}

async fn create_course(api: &Api, org: &str, body: Value) -> Value {
    let (status, course) = send(api, Method::POST, &format!("{org}/courses"), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    course
}

async fn sessions(api: &Api, org: &str, course_id: i64) -> Vec<Value> {
    let body = api.get_ok(&format!("{org}/courses/{course_id}/sessions")).await;
    body["items"].as_array().unwrap().clone()
}

/// The dates of the course's (not cancelled) sessions, meetings left out.
fn session_dates(items: &[Value]) -> Vec<NaiveDate> {
    items
        .iter()
        .filter(|s| s["kind"] == "session" && s["status"] == "planned")
        .map(|s| day(s["date"].as_str().unwrap()))
        .collect()
}

/// The coordinator of org-a, with a Mestringstreff course of theirs starting 2026-09-01
/// (`extra` added to the course's form): their client and the course's id.
async fn mestringstreff_course(app: &TestApp, extra: Value) -> (Api, i64) {
    let api = coordinator(app, "org-a", "koord@a.no").await;
    import(&api, A, "mestringstreff").await;
    let course = create_course(&api, A, course_body("mestringstreff", "2026-09-01", extra)).await;
    let id = course["id"].as_i64().unwrap();
    (api, id)
}

fn course_body(programme: &str, start: &str, extra: Value) -> Value {
    let mut body = json!({
        "programme": programme,
        "name": "Testkurs",
        "venue": "Rådhuset",
        "room": "Rom 1",
        "start_date": start,
        "start_time": "14:15",
    });
    for (key, value) in extra.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

fn assert_schedule_is_sound(dates: &[NaiveDate], country: Country, count: usize) {
    assert_eq!(dates.len(), count, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "ascending: {dates:?}");
    for date in dates {
        assert!(public_holiday(country, *date).is_none(), "{date} is a public holiday");
    }
}

#[tokio::test]
async fn every_shipped_programme_imports_reads_and_exports() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    for (slug, _) in SHIPPED {
        // In the library from the start; importing the same manual again saves nothing.
        let detail = import(&api, A, slug).await;
        assert_eq!(detail["slug"], *slug);
        assert_eq!(detail["version"], 1);
        assert_eq!(detail["shipped"], true);
        assert_eq!(detail["own"], true);
        assert_eq!(detail["manual"], manual_json(slug), "the manual comes back as sent");

        let response = api.get(&format!("{A}/programmes/{slug}/export?format=fhir")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/fhir+json");
        let plan: Value = response.json().await.unwrap();
        assert_eq!(plan["resourceType"], "PlanDefinition");
        assert_eq!(plan["id"], *slug);

        let response = api.get(&format!("{A}/programmes/{slug}/export?format=toml")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/toml"));
        let toml = response.text().await.unwrap();
        assert_eq!(Manual::from_toml(&toml).expect("the TOML export imports again"), manual(slug));

        let json = api.get_ok(&format!("{A}/programmes/{slug}/export")).await;
        assert_eq!(json, manual_json(slug));
    }
    let page = api.get_ok(&format!("{A}/programmes?limit=200")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), SHIPPED.len());
    assert_eq!(app.audit_count("programme.import", None, "success", None).await, SHIPPED.len() as i64);

    // Search and filter, and paging through the library.
    let (_, found) = api.get_json(&format!("{A}/programmes?q=mestring")).await;
    let slugs: Vec<&str> = found["items"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap()).collect();
    assert!(slugs.contains(&"mestringsgrupper") && slugs.contains(&"mestringstreff"), "{slugs:?}");
    let (_, adults) = api.get_json(&format!("{A}/programmes?target_group=adults")).await;
    assert!(adults["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["target_groups"].as_array().unwrap().contains(&json!("adults"))));
    api.assert_pages(&format!("{A}/programmes"), 4, "id").await;
    let (status, bad) = api.get_json(&format!("{A}/programmes?q=a%0Ab")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
}

#[tokio::test]
async fn editing_a_programme_makes_a_new_version_and_courses_keep_theirs() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let created = import(&api, A, "mestringstreff").await;
    let id = created["id"].as_i64().unwrap();
    let course = create_course(&api, A, course_body("mestringstreff", "2026-09-01", json!({}))).await;
    assert_eq!(course["programme"]["version"], 1);

    let response = api.get(&format!("{A}/programmes/{id}")).await;
    assert_eq!(response.headers()["etag"], "\"v1\"");
    let mut edited = manual_json("mestringstreff");
    edited["name"] = json!("Mestringstreff (revidert)");
    let path = format!("{A}/programmes/{id}");
    let (status, _) = send(&api, Method::PUT, &path, &edited).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, _) = send_if_match(&api, Method::PUT, &path, "\"v7\"", &edited).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let (status, saved) = send_if_match(&api, Method::PUT, &path, "\"v1\"", &edited).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["name"], "Mestringstreff (revidert)");
    let (status, _) = send_if_match(&api, Method::PUT, &path, "\"v1\"", &edited).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "v1 is stale now");

    // The slug is fixed; importing the same slug again adds a version.
    let mut renamed = edited.clone();
    renamed["slug"] = json!("noe-annet");
    let (status, problem) = send_if_match(&api, Method::PUT, &path, "*", &renamed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["slug"]);
    let (status, again) = send(&api, Method::POST, &format!("{A}/programmes"), &manual_json("mestringstreff")).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["version"], 3);

    let (_, versions) = api.get_json(&format!("{A}/programmes/mestringstreff/versions")).await;
    let numbers: Vec<i64> =
        versions["items"].as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [3, 2, 1]);
    let old = api.get_ok(&format!("{A}/programmes/mestringstreff?version=2")).await;
    assert_eq!(old["manual"]["name"], "Mestringstreff (revidert)");
    assert_eq!(old["current_version"], 3);
    let (status, _) = api.get_json(&format!("{A}/programmes/mestringstreff?version=9")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, course) = api.get_json(&format!("{A}/courses/{}", course["id"])).await;
    assert_eq!(course["programme"]["version"], 1, "a course keeps the version it was planned from");
    assert_eq!(app.audit_count("programme.update", Some(("programme", &id.to_string())), "success", None).await, 1);
}

#[tokio::test]
async fn an_import_with_errors_names_each_and_imports_nothing() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let mut bad = manual_json("mestringstreff");
    bad["slug"] = json!("Not A Slug");
    bad["name"] = json!("  ");
    bad["sessions"][1]["number"] = json!(7);
    bad["sessions"][0]["segments"][0]["minutes"] = json!(0);
    bad["budget"] = json!([{ "label": "Leie", "amount": "-5", "multiplier": { "per": "fixed", "count": 1 } }]);
    bad["checklist"][0]["responsible"] = json!("boss");
    let (status, problem) = send(&api, Method::POST, &format!("{A}/programmes"), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields = error_fields(&problem);
    for expected in ["slug", "name", "sessions[1].number", "sessions[0].segments[0].minutes", "budget[0].amount"] {
        assert!(fields.contains(&expected.to_string()), "{expected} in {fields:?}");
    }
    assert!(fields.iter().any(|f| f.starts_with("checklist[0]")), "{fields:?}");
    assert!(problem["errors"].as_array().unwrap().iter().all(|e| e["message"].as_str().unwrap().contains(':')));

    // A value of the wrong type names its place too.
    let mut wrong = manual_json("smil");
    wrong["sessions"][2]["duration_minutes"] = json!("lang");
    let (status, problem) = send(&api, Method::POST, &format!("{A}/programmes"), &wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["sessions[2].duration_minutes"]);

    let (_, page) = api.get_json(&format!("{A}/programmes?limit=200")).await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), SHIPPED.len(), "nothing was imported");
    assert!(items.iter().all(|p| p["current_version"] == 1 && p["slug"] != "Not A Slug"));
    assert_eq!(app.audit_count("programme.import", None, "success", None).await, 0);
}

/// A manual could once place a checklist task or a meeting billions of days from the
/// course's start, and planning a course from it then crashed (found by the fuzzer).
#[tokio::test]
async fn offsets_beyond_two_years_are_refused_and_the_furthest_allowed_plans_a_course() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let mut far = manual_json("boernegrupper");
    far["slug"] = json!("langt-unna");
    far["checklist"][0]["due_days"] = json!(i32::MAX);
    far["meetings"][0]["days"] = json!(i32::MIN);
    let (status, problem) = send(&api, Method::POST, &format!("{A}/programmes"), &far).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields = error_fields(&problem);
    for expected in ["checklist[0].due_days", "meetings[0].days"] {
        assert!(fields.contains(&expected.to_string()), "{expected} in {fields:?}");
    }

    far["checklist"][0]["due_days"] = json!(-730);
    far["meetings"][0]["days"] = json!(730);
    let (status, imported) = send(&api, Method::POST, &format!("{A}/programmes"), &far).await;
    assert_eq!(status, StatusCode::CREATED, "{imported}");
    let course = create_course(&api, A, course_body("langt-unna", "2027-02-01", json!({ "capacity": 8 }))).await;
    let checklist = api.get_ok(&format!("{A}/courses/{}/checklist", course["id"])).await;
    let due: Vec<&str> = checklist["items"].as_array().unwrap().iter().filter_map(|i| i["due_date"].as_str()).collect();
    assert!(due.contains(&"2025-02-01"), "two years before the start: {due:?}");
}

#[tokio::test]
async fn weekly_thursdays_over_easter_skip_maundy_thursday_and_ascension() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    import(&api, A, "smil").await;
    let course = create_course(
        &api,
        A,
        course_body("smil", "2026-03-19", json!({ "weekdays": ["thu"], "session_count": 10, "capacity": 8 })),
    )
    .await;
    assert_eq!(course["status"], "draft");
    assert_eq!(course["time_zone"], "Europe/Oslo");
    assert_eq!(course["currency"], "NOK");
    let items = sessions(&api, A, course["id"].as_i64().unwrap()).await;
    let dates = session_dates(&items);
    assert_schedule_is_sound(&dates, Country::Norway, 10);
    assert!(!dates.contains(&day("2026-04-02")), "Maundy Thursday");
    assert!(!dates.contains(&day("2026-05-14")), "Ascension Day");
    assert!(dates.iter().all(|d| d.weekday() == chrono::Weekday::Thu));
    assert_eq!(dates.last(), Some(&day("2026-06-04")));
    let first = &items.iter().find(|s| s["kind"] == "session").unwrap();
    assert_eq!(first["start_time"], "14:15");
    assert_eq!(first["number"], 1);
    assert_eq!(first["title"], manual("smil").sessions[0].title);
    // The programme's meetings are placed in the schedule too.
    assert_eq!(items.iter().filter(|s| s["kind"] == "meeting").count(), manual("smil").meetings.len());
}

#[tokio::test]
async fn school_holidays_every_other_week_and_hand_picked_dates() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    import(&api, A, "mestringstreff").await;

    let (status, holiday) = send(
        &api,
        Method::POST,
        &format!("{A}/school-holidays"),
        &json!({ "name": "Vinterferie", "first_day": "2027-03-01", "last_day": "2027-03-05" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{holiday}");
    let course =
        create_course(&api, A, course_body("mestringstreff", "2027-02-22", json!({ "session_count": 3 }))).await;
    let dates = session_dates(&sessions(&api, A, course["id"].as_i64().unwrap()).await);
    assert_eq!(dates, [day("2027-02-22"), day("2027-03-08"), day("2027-03-15")], "the winter break is skipped");

    let course = create_course(
        &api,
        A,
        course_body(
            "mestringstreff",
            "2026-09-01",
            json!({ "weekdays": ["tue"], "interval": "every_n_weeks", "every_weeks": 2, "session_count": 4 }),
        ),
    )
    .await;
    assert_eq!(course["interval"], "every_n_weeks");
    let dates = session_dates(&sessions(&api, A, course["id"].as_i64().unwrap()).await);
    assert_eq!(dates, [day("2026-09-01"), day("2026-09-15"), day("2026-09-29"), day("2026-10-13")]);

    let course = create_course(
        &api,
        A,
        course_body(
            "mestringstreff",
            "2026-10-01",
            json!({ "interval": "dates", "dates": ["2026-10-12", "2026-10-01", "2026-10-05"] }),
        ),
    )
    .await;
    assert_eq!(course["session_count"], 3);
    let dates = session_dates(&sessions(&api, A, course["id"].as_i64().unwrap()).await);
    assert_eq!(dates, [day("2026-10-01"), day("2026-10-05"), day("2026-10-12")]);

    // A hand-picked day on Christmas Day, or in the school holiday, is refused.
    for date in ["2026-12-25", "2027-03-03"] {
        let body = course_body("mestringstreff", date, json!({ "interval": "dates", "dates": [date] }));
        let (status, problem) = send(&api, Method::POST, &format!("{A}/courses"), &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{date}: {problem}");
        assert_eq!(error_fields(&problem), ["dates"]);
    }

    let (_, list) = api.get_json(&format!("{A}/school-holidays")).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let body = json!({ "name": "Baklengs", "first_day": "2027-03-05", "last_day": "2027-03-01" });
    assert_eq!(refused_fields(&api, Method::POST, &format!("{A}/school-holidays"), &body).await, ["last_day"]);
    let id = holiday["id"].as_i64().unwrap();
    let response = api.request(Method::DELETE, &format!("{A}/school-holidays/{id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = api.request(Method::DELETE, &format!("{A}/school-holidays/{id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.audit_count("school_holiday.add", None, "success", None).await, 1);
    assert_eq!(app.audit_count("school_holiday.remove", None, "success", None).await, 1);
}

#[tokio::test]
async fn a_danish_course_follows_danish_holidays_and_the_guides_budget() {
    let app = TestApp::spawn().await;
    app.add_organisation("org-dk", "Rødovre Kommune", "DK").await;
    let api = coordinator(&app, "org-dk", "koord@dk.dk").await;
    let dk = "/organisations/org-dk";
    import(&api, dk, "boernegrupper").await;
    let course = create_course(
        &api,
        dk,
        course_body("boernegrupper", "2026-03-26", json!({ "weekdays": ["thu"], "capacity": 8 })),
    )
    .await;
    assert_eq!(course["time_zone"], "Europe/Copenhagen");
    assert_eq!(course["currency"], "DKK");
    assert_eq!(course["session_count"], 10, "the programme's number of sessions");
    let id = course["id"].as_i64().unwrap();
    let dates = session_dates(&sessions(&api, dk, id).await);
    assert_schedule_is_sound(&dates, Country::Denmark, 10);
    assert!(!dates.contains(&day("2026-04-02")) && !dates.contains(&day("2026-05-14")));

    // The guide's example: 10 sessions, two leaders, 350 DKK an hour: 176,100 in all.
    let budget = api.get_ok(&format!("{dk}/courses/{id}/budget")).await;
    assert_eq!(budget["currency"], "DKK");
    assert_eq!(budget["total"].as_str(), Some("176100"), "{budget}");
    assert_eq!(budget["per_participant"].as_str(), Some("22012.50"));
    let totals: Vec<&str> = budget["lines"].as_array().unwrap().iter().map(|l| l["total"].as_str().unwrap()).collect();
    assert_eq!(totals, ["6000", "63000", "90000", "6000", "2000", "5600", "500", "3000"]);
}

#[tokio::test]
async fn moving_cancelling_and_adding_a_session_leaves_the_others_alone() {
    let app = TestApp::spawn().await;
    let (api, id) = mestringstreff_course(&app, json!({})).await;
    let before = sessions(&api, A, id).await;
    let target = before.iter().filter(|s| s["kind"] == "session").nth(2).unwrap().clone();
    let sid = target["id"].as_i64().unwrap();
    let path = format!("{A}/courses/{id}/sessions/{sid}");
    let response = api.get(&path).await;
    let tag = response.headers()["etag"].to_str().unwrap().to_string();
    assert_eq!(tag, "\"v1\"");

    let moved = json!({ "date": "2026-09-18", "start_time": "10:00", "end_time": "12:30", "room": "Lille sal" });
    let (status, _) = send(&api, Method::PUT, &path, &moved).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, _) = send_if_match(&api, Method::PUT, &path, "\"v9\"", &moved).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let backwards = json!({ "date": "2026-09-18", "start_time": "12:00", "end_time": "10:00" });
    let (status, problem) = send_if_match(&api, Method::PUT, &path, &tag, &backwards).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["end_time"]);
    let (status, session) = send_if_match(&api, Method::PUT, &path, &tag, &moved).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!((session["date"].as_str(), session["start_time"].as_str()), (Some("2026-09-18"), Some("10:00")));
    assert_eq!(session["room"], "Lille sal");
    assert_eq!(session["version"], 2);

    let unchanged = |after: &[Value], except: &[i64]| {
        for old in &before {
            let id = old["id"].as_i64().unwrap();
            if except.contains(&id) {
                continue;
            }
            let new = after.iter().find(|s| s["id"] == old["id"]).expect("still there");
            for key in ["date", "start_time", "end_time", "room", "status", "version", "title"] {
                assert_eq!(old[key], new[key], "session {id}: {key}");
            }
        }
    };
    let after = sessions(&api, A, id).await;
    assert_eq!(after.len(), before.len());
    unchanged(&after, &[sid]);

    // Cancel another one.
    let other = before.iter().filter(|s| s["kind"] == "session").nth(4).unwrap();
    let oid = other["id"].as_i64().unwrap();
    let cancel = format!("{A}/courses/{id}/sessions/{oid}/cancel");
    let (status, problem) = send_if_match(&api, Method::POST, &cancel, "*", &json!({ "reason": " " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["reason"]);
    // Without a replacement at the end (that is tested in running_reminders.rs).
    let no_replacement = json!({ "reason": "Lederne er syke", "add_replacement": false });
    let (status, cancelled) = send_if_match(&api, Method::POST, &cancel, "\"v1\"", &no_replacement).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancel_reason"], "Lederne er syke");
    let after = sessions(&api, A, id).await;
    assert_eq!(after.len(), before.len(), "a cancelled session stays in the list");
    unchanged(&after, &[sid, oid]);

    // Add one.
    let new = json!({ "date": "2026-10-20", "start_time": "18:00", "end_time": "20:30", "title": "Ekstra samling" });
    let response = api.send_json(Method::POST, &format!("{A}/courses/{id}/sessions"), &new).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = crate::common::location(&response);
    let (_, added) = json_of(response).await;
    assert_eq!(location, format!("/api/v1{A}/courses/{id}/sessions/{}", added["id"]));
    assert_eq!(added["room"], "Rom 1", "the course's room by default");
    let after = sessions(&api, A, id).await;
    assert_eq!(after.len(), before.len() + 1);
    unchanged(&after, &[sid, oid]);
    let dates: Vec<&str> = after.iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in time order: {dates:?}");
    let body = json!({ "date": "2026-10-21", "start_time": "18:00", "end_time": "17:00" });
    assert_eq!(refused_fields(&api, Method::POST, &format!("{A}/courses/{id}/sessions"), &body).await, ["end_time"]);

    for action in ["course.session.move", "course.session.cancel", "course.session.add"] {
        assert_eq!(app.audit_count(action, Some(("course", &id.to_string())), "success", None).await, 1, "{action}");
    }
}

/// A course warns of another course of the organisation in the same room at the same
/// time, and of a leader on the staff of both; not of a course in another room, nor of
/// another organisation's course in a room of the same name.
#[tokio::test]
async fn a_course_warns_of_the_same_room_and_the_same_leader_at_the_same_time() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    app.add_organisation("org-b", "Nabokommunen", "NO").await;
    let other_organisation = coordinator(&app, "org-b", "koord@b.no").await;
    let leader = app.add_user("org-a", "leder1@a.no", "group_leader").await;
    import(&api, A, "smil").await;
    import(&other_organisation, "/organisations/org-b", "smil").await;
    let course = |name: &str, room: &str| {
        let mut body = course_body("smil", "2026-09-02", json!({ "session_count": 3 }));
        body["name"] = json!(name);
        body["room"] = json!(room);
        body
    };
    let id = |course: Value| course["id"].as_i64().unwrap();
    let mine = id(create_course(&api, A, course("Først", "Rom 1")).await);
    id(create_course(&api, A, course("Samme rom", "Rom 1")).await);
    let other_room = id(create_course(&api, A, course("Annet rom", "Rom 2")).await);
    id(create_course(&other_organisation, "/organisations/org-b", course("Nabokommunen", "Rom 1")).await);
    for course_id in [mine, other_room] {
        let body = json!({ "user_id": leader, "course_role": "group_leader", "on_every_session": true });
        let (status, member) = send(&api, Method::POST, &format!("{A}/courses/{course_id}/staff"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
    }
    let planned: Vec<Value> = sessions(&api, A, mine).await.into_iter().filter(|s| s["kind"] == "session").collect();
    assert_eq!(planned.len(), 3);
    for session in &planned {
        let conflicts: Vec<&str> = session["conflicts"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert_eq!(conflicts.len(), 2, "{conflicts:?}");
        assert!(conflicts.contains(&"Samme rom"), "the same room: {conflicts:?}");
        assert!(conflicts.iter().any(|c| c.ends_with(" – Annet rom")), "the same leader: {conflicts:?}");
    }
}

#[tokio::test]
async fn a_course_is_ready_only_when_every_session_is_staffed() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let leader_one = app.add_user("org-a", "leder1@a.no", "group_leader").await;
    let leader_two = app.add_user("org-a", "leder2@a.no", "group_leader").await;
    let representative = app.add_user("org-a", "bruker@a.no", "user_representative").await;
    import(&api, A, "smil").await;
    let course = create_course(&api, A, course_body("smil", "2026-09-02", json!({ "session_count": 10 }))).await;
    let id = course["id"].as_i64().unwrap();
    assert_eq!(course["sessions_lacking_staff"], 10);
    let status_path = format!("{A}/courses/{id}/status");

    let (status, problem) =
        send_if_match(&api, Method::PUT, &status_path, "\"v1\"", &json!({ "status": "ready" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    // How many sessions lack staff, each deviation, and the reason it would take.
    assert_eq!(error_fields(&problem), ["status", "status", "status", "deviation_reason"]);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("10"), "{problem}");
    let (_, check) = api.get_json(&format!("{A}/courses/{id}/staffing")).await;
    assert_eq!(check["fully_staffed"], false);
    assert_eq!(check["rule"]["min_group_leaders"], 2);
    assert_eq!(check["sessions"][0]["gaps"][0], json!({ "gap": "group_leaders", "have": 0, "need": 2 }));

    let staff_path = format!("{A}/courses/{id}/staff");
    let mut staff_ids = Vec::new();
    for (user, role) in
        [(leader_one, "group_leader"), (leader_two, "group_leader"), (representative, "user_representative")]
    {
        let body = json!({ "user_id": user, "course_role": role, "on_every_session": true });
        let (status, member) = send(&api, Method::POST, &staff_path, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
        assert_eq!(member["course_role"], role);
        staff_ids.push(member["id"].as_i64().unwrap());
    }
    let (status, _) =
        send(&api, Method::POST, &staff_path, &json!({ "user_id": leader_one, "course_role": "group_leader" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "already a group leader on the course");
    let (status, problem) = send(&api, Method::POST, &staff_path, &json!({ "course_role": "network_contact" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["user_id"]);
    let (status, school) = send(
        &api,
        Method::POST,
        &staff_path,
        &json!({ "external_name": "Nina Nettverk", "external_organisation": "Byskolen", "course_role": "network_contact" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(school["user_id"], Value::Null);
    let (_, group) = api.get_json(&staff_path).await;
    assert_eq!(group["items"].as_array().unwrap().len(), 4);

    // One session with a single leader blocks; staffing it again unblocks.
    let items = sessions(&api, A, id).await;
    let first = items.iter().find(|s| s["kind"] == "session").unwrap()["id"].as_i64().unwrap();
    let staff_one = format!("{A}/courses/{id}/sessions/{first}/staff");
    let only_one = json!({ "staff": [{ "staff_id": staff_ids[0] }, { "staff_id": staff_ids[2] }] });
    let (status, session) = send(&api, Method::PUT, &staff_one, &only_one).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["gaps"], json!([{ "gap": "group_leaders", "have": 1, "need": 2 }]));
    let (status, problem) = send_if_match(&api, Method::PUT, &status_path, "*", &json!({ "status": "ready" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains('1'));
    let everyone = json!({ "staff": staff_ids.iter().map(|id| json!({ "staff_id": id })).collect::<Vec<_>>() });
    let (status, session) = send(&api, Method::PUT, &staff_one, &everyone).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session["gaps"], json!([]));
    let outsider = json!({ "staff": [{ "staff_id": 999_999 }] });
    let (status, _) = send(&api, Method::PUT, &staff_one, &outsider).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (_, check) = api.get_json(&format!("{A}/courses/{id}/staffing")).await;
    assert_eq!(check["fully_staffed"], true, "{check}");
    let (status, ready) = send_if_match(&api, Method::PUT, &status_path, "\"v1\"", &json!({ "status": "ready" })).await;
    assert_eq!(status, StatusCode::OK, "{ready}");
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["version"], 2);
    let (status, problem) =
        send_if_match(&api, Method::PUT, &status_path, "\"v2\"", &json!({ "status": "completed" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "ready cannot jump to completed");
    assert_eq!(error_fields(&problem), ["status"]);
    let (status, _) = send_if_match(&api, Method::PUT, &status_path, "\"v2\"", &json!({ "status": "cancelled" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "cancelling needs a reason");
    let (status, cancelled) = send_if_match(
        &api,
        Method::PUT,
        &status_path,
        "\"v2\"",
        &json!({ "status": "cancelled", "reason": "For få påmeldte" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled["cancel_reason"], "For få påmeldte");
    let (status, problem) =
        send(&api, Method::POST, &staff_path, &json!({ "user_id": leader_two, "course_role": "secretary" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a cancelled course does not change");
    assert_eq!(error_fields(&problem), ["status"]);

    let course = id.to_string();
    for action in ["course.staff.add", "course.session.staff", "course.status.ready", "course.status.cancelled"] {
        assert!(app.audit_count(action, Some(("course", &course)), "success", None).await >= 1, "{action}");
    }
    // Removing a member takes them off every session.
    let response = api.request(Method::DELETE, &format!("{staff_path}/{}", staff_ids[1])).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "not on a cancelled course");
}

#[tokio::test]
async fn the_checklist_has_real_due_dates() {
    let app = TestApp::spawn().await;
    let (api, id) = mestringstreff_course(&app, json!({})).await;
    let list = api.get_ok(&format!("{A}/courses/{id}/checklist")).await;
    let items = list["items"].as_array().unwrap();
    let template = manual("mestringstreff").checklist;
    assert_eq!(items.len(), template.len());
    assert!(!items.is_empty());
    for item in &template {
        let expected = (day("2026-09-01") + Duration::days(item.due_days as i64)).to_string();
        assert!(
            items.iter().any(|i| i["task"] == item.task.as_str() && i["due_date"] == expected.as_str()),
            "{} due {expected}",
            item.task
        );
    }
    let dues: Vec<&str> = items.iter().map(|i| i["due_date"].as_str().unwrap()).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]));

    let item = items[0]["id"].as_i64().unwrap();
    let path = format!("{A}/courses/{id}/checklist/{item}");
    let (status, done) = send(&api, Method::PUT, &path, &json!({ "done": true })).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["done"], true);
    assert_eq!(done["overdue"], false);
    let (status, _) = send(&api, Method::PUT, &path, &json!({ "done": false, "assignee_staff_id": 424242 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the assignee must be on the working group");
    let (status, _) =
        send(&api, Method::PUT, &format!("{A}/courses/{id}/checklist/999999"), &json!({ "done": true })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(app.audit_count("course.checklist.update", Some(("course", &id.to_string())), "success", None).await, 1);
}

#[tokio::test]
async fn budgets_take_decimal_strings_with_a_dot() {
    let app = TestApp::spawn().await;
    let (api, id) = mestringstreff_course(&app, json!({ "capacity": 10 })).await;
    let path = format!("{A}/courses/{id}/budget");
    let line = |amount: Value| json!({ "lines": [{ "label": "Ledere", "amount": amount, "hours": "2", "multiplier": { "per": "fixed", "count": 1 } }] });

    let (status, problem) = send(&api, Method::PUT, &path, &line(json!("350,50"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "JSON takes a dot, not a comma: {problem}");
    assert_eq!(error_fields(&problem), ["lines[0].amount"]);
    let (status, problem) = send(&api, Method::PUT, &path, &line(json!("-5"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["lines[0].amount"]);
    let (status, _) = send(&api, Method::PUT, &path, &line(json!(350.5))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a JSON number is not a decimal string");
    let fixed_without_count = json!({ "lines": [{ "label": "X", "amount": "1", "multiplier": { "per": "fixed" } }] });
    let (status, problem) = send(&api, Method::PUT, &path, &fixed_without_count).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["lines[0].multiplier.count"]);
    let (_, unchanged) = api.get_json(&path).await;
    assert_eq!(unchanged["lines"].as_array().unwrap().len(), manual("mestringstreff").budget.len());

    let body = json!({ "lines": [
        { "label": "Ledere", "amount": "350.50", "hours": "2", "multiplier": { "per": "leader" } },
        { "label": "Servering", "amount": "150", "multiplier": { "per": "session" } },
        { "label": "Materiell", "amount": "99.99", "multiplier": { "per": "participant" } },
        { "label": "Leie", "amount": "1000", "multiplier": { "per": "fixed", "count": 2 } },
    ]});
    let (status, budget) = send(&api, Method::PUT, &path, &body).await;
    assert_eq!(status, StatusCode::OK, "{budget}");
    // Mestringstreff: one leader at least, 6 sessions, 10 participants.
    let totals: Vec<&str> = budget["lines"].as_array().unwrap().iter().map(|l| l["total"].as_str().unwrap()).collect();
    assert_eq!(totals, ["701", "900", "999.90", "2000"]);
    assert_eq!(budget["total"], "4600.90");
    assert_eq!(budget["per_participant"], "460.09");
    assert_eq!(budget["lines"][0]["amount"], "350.50");
    assert_eq!(app.audit_count("course.budget.update", Some(("course", &id.to_string())), "success", None).await, 1);
}

#[tokio::test]
async fn bad_course_input_names_each_field() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    import(&api, A, "mestringstreff").await;
    let courses = format!("{A}/courses");
    let cases = [
        (json!({ "weekdays": ["mon"] }), "start_date"),
        (json!({ "session_count": 0 }), "session_count"),
        (json!({ "session_count": 500 }), "session_count"),
        (json!({ "programme": "finnes-ikke" }), "programme"),
        (json!({ "start_time": "25:00" }), "start_time"),
        (json!({ "name": "" }), "name"),
        (json!({ "interval": "every_n_weeks" }), "every_weeks"),
        (json!({ "interval": "dates" }), "dates"),
    ];
    for (extra, field) in cases {
        let (status, problem) =
            send(&api, Method::POST, &courses, &course_body("mestringstreff", "2026-09-03", extra.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{extra}: {problem}");
        assert!(error_fields(&problem).contains(&field.to_string()), "{extra}: {problem}");
    }
    let (status, _) = send(
        &api,
        Method::POST,
        &courses,
        &course_body("mestringstreff", "2026-09-03", json!({ "weekdays": ["someday"] })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, list) = api.get_json(&courses).await;
    assert_eq!(list["items"], json!([]), "nothing was planned");
}

#[tokio::test]
async fn organisations_see_only_their_own_courses_and_programmes() {
    let app = TestApp::spawn().await;
    app.add_organisation("org-b", "Kommune B", "NO").await;
    let a = coordinator(&app, "org-a", "koord@a.no").await;
    let b = coordinator(&app, "org-b", "koord@b.no").await;
    let (status, own) = send(&a, Method::POST, &format!("{A}/programmes"), &own_manual_json("smil", "smil-a")).await;
    assert_eq!(status, StatusCode::CREATED, "{own}");
    let course = create_course(&a, A, course_body("smil-a", "2026-09-02", json!({}))).await;
    let id = course["id"].as_i64().unwrap();
    let org_b = "/organisations/org-b";

    // B cannot reach A's organisation, course or unshared programme.
    assert_eq!(b.get_json(&format!("{A}/courses/{id}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(b.get_json(&format!("{org_b}/courses/{id}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(b.get_json(&format!("{org_b}/courses/{id}/sessions")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(b.get_json(&format!("{org_b}/programmes/smil-a")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(b.get_json(&format!("{org_b}/programmes/{}", own["id"])).await.0, StatusCode::NOT_FOUND);
    let (_, b_library) = b.get_json(&format!("{org_b}/programmes?limit=200")).await;
    assert!(b_library["items"].as_array().unwrap().iter().all(|p| p["own"] == true), "only B's own: {b_library}");
    let (status, problem) =
        send(&b, Method::POST, &format!("{org_b}/courses"), &course_body("smil-a", "2026-09-02", json!({}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["programme"]);

    // A shared programme is visible and usable in B, but read-only there.
    let shared_manual = own_manual_json("mestringstreff", "mestringstreff-a");
    let (status, shared) = send(&a, Method::POST, &format!("{A}/programmes?shared=true"), &shared_manual).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(shared["shared"], true);
    let seen = b.get_ok(&format!("{org_b}/programmes/mestringstreff-a")).await;
    assert_eq!(seen["own"], false);
    let (status, _) =
        send_if_match(&b, Method::PUT, &format!("{org_b}/programmes/mestringstreff-a"), "*", &shared_manual).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = send(&b, Method::POST, &format!("{org_b}/programmes/mestringstreff-a/archive"), &json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another organisation's programme is theirs to archive");
    let b_course = create_course(&b, org_b, course_body("mestringstreff-a", "2026-09-01", json!({}))).await;
    assert_eq!(a.get_json(&format!("{A}/courses/{}", b_course["id"])).await.0, StatusCode::NOT_FOUND);
    let (_, a_list) = a.get_json(&format!("{A}/courses")).await;
    assert_eq!(a_list["items"].as_array().unwrap().len(), 1);

    // A group leader sees only the courses they work on.
    let leader = app.add_user("org-a", "leder@a.no", "group_leader").await;
    let leader_api = app.api(&app.token_for("leder@a.no").await);
    let other = create_course(&a, A, course_body("smil", "2026-10-07", json!({}))).await;
    let (status, _) = send(
        &a,
        Method::POST,
        &format!("{A}/courses/{id}/staff"),
        &json!({ "user_id": leader, "course_role": "group_leader", "on_every_session": true }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let list = leader_api.get_ok(&format!("{A}/courses")).await;
    let ids: Vec<i64> = list["items"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [id]);
    assert_eq!(leader_api.get_json(&format!("{A}/courses/{id}")).await.0, StatusCode::OK);
    assert_eq!(leader_api.get_json(&format!("{A}/courses/{id}/sessions")).await.0, StatusCode::OK);
    let other_id = other["id"].as_i64().unwrap();
    assert_eq!(leader_api.get_json(&format!("{A}/courses/{other_id}")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(leader_api.get_json(&format!("{A}/courses/{other_id}/budget")).await.0, StatusCode::FORBIDDEN);
    assert!(
        app.audit_count("view_courses", Some(("course", &other_id.to_string())), "denied", Some(leader)).await >= 1
    );
    // …and cannot plan.
    let (status, _) =
        send(&leader_api, Method::POST, &format!("{A}/courses"), &course_body("smil", "2026-09-02", json!({}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) =
        send(&leader_api, Method::PUT, &format!("{A}/courses/{id}/budget"), &json!({ "lines": [] })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn calendar_feeds_are_secret_and_revocable() {
    let app = TestApp::spawn().await;
    let (api, id) = mestringstreff_course(&app, json!({})).await;
    let (status, feed) = send(&api, Method::POST, &format!("{A}/calendar-feeds"), &json!({ "course_id": id })).await;
    assert_eq!(status, StatusCode::CREATED, "{feed}");
    let url = feed["url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&app.base_url) && url.ends_with(".ics"), "{url}");
    let response = app.bare_client().get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = response.text().await.unwrap();
    let items = sessions(&api, A, id).await;
    assert_eq!(text.matches("BEGIN:VEVENT").count(), items.len());
    assert!(text.contains("DTSTART;TZID=Europe/Oslo:20260901T141500"), "{text}");

    let response = api.request(Method::DELETE, &format!("{A}/calendar-feeds?course_id={id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.bare_client().get(&url).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(app.audit_count("calendar.feed.create", None, "success", None).await, 1);
    assert_eq!(app.audit_count("calendar.feed.revoke", None, "success", None).await, 1);

    // Anyone may have a feed of their own sessions.
    app.add_user("org-a", "bruker@a.no", "user_representative").await;
    let own = app.api(&app.token_for("bruker@a.no").await);
    let (status, mine) = send(&own, Method::POST, &format!("{A}/calendar-feeds"), &json!({})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(mine["course_id"], Value::Null);
    let (status, _) = send(&own, Method::POST, &format!("{A}/calendar-feeds"), &json!({ "course_id": id })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a course's feed is for planners");
}

#[tokio::test]
async fn every_planning_operation_is_in_the_openapi_document() {
    let app = TestApp::spawn().await;
    let (status, doc) = app.api("none").get_json("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let mut ids = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            if let Some(id) = operation["operationId"].as_str() {
                ids.push(id.to_string());
            }
        }
    }
    for expected in [
        "listProgrammes",
        "getProgramme",
        "listProgrammeVersions",
        "importProgramme",
        "updateProgramme",
        "exportProgramme",
        "listCourses",
        "createCourse",
        "getCourse",
        "updateCourse",
        "setCourseStatus",
        "listCourseSessions",
        "getCourseSession",
        "moveSession",
        "cancelSession",
        "addSession",
        "setSessionStaff",
        "listCourseStaff",
        "addCourseStaff",
        "removeCourseStaff",
        "getStaffingCheck",
        "getChecklist",
        "updateChecklistItem",
        "getBudget",
        "replaceBudget",
        "listSchoolHolidays",
        "addSchoolHoliday",
        "deleteSchoolHoliday",
        "createCalendarFeed",
        "revokeCalendarFeed",
    ] {
        assert!(ids.iter().any(|id| id == expected), "{expected} missing");
    }
}

#[tokio::test]
async fn a_course_can_be_renamed_with_its_etag() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    import(&api, A, "mestringstreff").await;
    let course = create_course(&api, A, course_body("mestringstreff", "2026-09-01", json!({}))).await;
    let path = format!("{A}/courses/{}", course["id"]);
    let response = api.get(&path).await;
    let tag = response.headers()["etag"].to_str().unwrap().to_string();
    let change = json!({ "name": "Nytt navn", "venue": "Biblioteket", "room": "Salen", "capacity": 9 });
    let (status, _) = send(&api, Method::PUT, &path, &change).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, updated) = send_if_match(&api, Method::PUT, &path, &tag, &change).await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!((updated["name"].as_str(), updated["capacity"].as_i64()), (Some("Nytt navn"), Some(9)));
    let (status, _) = send_if_match(&api, Method::PUT, &path, &tag, &change).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let bad = json!({ "name": "a\nb", "venue": "", "room": "Salen", "capacity": 0 });
    let (status, problem) = send_if_match(&api, Method::PUT, &path, "*", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_fields(&problem), ["name", "venue", "capacity"]);
    assert_eq!(app.audit_count("course.update", None, "success", None).await, 1);
}

#[tokio::test]
async fn a_programme_that_needs_certification_counts_only_certified_leaders() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let leaders = [
        app.add_user("org-a", "leder1@a.no", "group_leader").await,
        app.add_user("org-a", "leder2@a.no", "group_leader").await,
    ];
    let programme = import(&api, A, "mestringsgrupper").await;
    let programme_id = programme["id"].as_i64().unwrap();
    let course = create_course(&api, A, course_body("mestringsgrupper", "2026-09-02", json!({ "capacity": 8 }))).await;
    let id = course["id"].as_i64().unwrap();
    for user in leaders {
        let body = json!({ "user_id": user, "course_role": "group_leader", "on_every_session": true });
        let (status, member) = send(&api, Method::POST, &format!("{A}/courses/{id}/staff"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
    }
    let (_, check) = api.get_json(&format!("{A}/courses/{id}/staffing")).await;
    assert_eq!(check["fully_staffed"], false, "two uncertified leaders do not meet the rule: {check}");
    assert_eq!(check["sessions"][0]["gaps"][0], json!({ "gap": "certified_group_leaders", "have": 0, "need": 2 }));

    let certifications = format!("{A}/programmes/{programme_id}/certifications");
    for user in leaders {
        let response = api
            .send_json(Method::PUT, &format!("{certifications}/{user}"), &json!({ "certified_on": "2025-05-20" }))
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let (status, list) = api.get_json(&certifications).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["certified_on"], "2025-05-20");
    let (_, check) = api.get_json(&format!("{A}/courses/{id}/staffing")).await;
    assert_eq!(check["fully_staffed"], true, "{check}");

    let bad = api
        .send_json(Method::PUT, &format!("{certifications}/{}", leaders[0]), &json!({ "certified_on": "20.05" }))
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let stranger =
        api.send_json(Method::PUT, &format!("{certifications}/999999"), &json!({ "certified_on": "2025-05-20" })).await;
    assert_eq!(stranger.status(), StatusCode::NOT_FOUND);
    let removed = api.request(Method::DELETE, &format!("{certifications}/{}", leaders[1])).send().await.unwrap();
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let (_, check) = api.get_json(&format!("{A}/courses/{id}/staffing")).await;
    assert_eq!(check["fully_staffed"], false);
    assert!(app.audit_count("programme.certification.set", None, "success", None).await >= 2);
    assert!(app.audit_count("programme.certification.remove", None, "success", None).await >= 1);
}

#[tokio::test]
async fn a_leader_subscribes_to_their_own_sessions_from_the_account_page() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let api = coordinator(&app, "org-a", "koord@a.no").await;
    let leader = app.add_user("org-a", "leder@a.no", "group_leader").await;
    import(&api, A, "mestringstreff").await;
    let mine = create_course(&api, A, course_body("mestringstreff", "2026-09-01", json!({}))).await;
    let other = create_course(&api, A, course_body("mestringstreff", "2026-09-02", json!({}))).await;
    let mine_id = mine["id"].as_i64().unwrap();
    let body = json!({ "user_id": leader, "course_role": "group_leader", "on_every_session": true });
    let (status, _) = send(&api, Method::POST, &format!("{A}/courses/{mine_id}/staff"), &body).await;
    assert_eq!(status, StatusCode::CREATED);

    let browser = app.logged_in("leder@a.no").await;
    let (status, account) = browser.get_html("/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(account.contains("action=\"/account/calendar\""), "the account page offers a calendar address");
    let response = browser.submit("/account", "/account/calendar", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let start = page.find("class=\"secret\">").expect("the address is shown") + "class=\"secret\">".len();
    let url = page[start..].split('<').next().unwrap().replace("&#x2f;", "/");
    assert!(url.starts_with(&app.base_url) && url.ends_with(".ics"), "{url}");

    let text = app.bare_client().get(&url).send().await.unwrap().text().await.unwrap();
    let own_sessions = sessions(&api, A, mine_id).await.len();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), own_sessions, "only the course the leader works on");
    assert!(text.contains("20260901T"), "{text}");
    assert!(!text.contains("20260902T"), "not the other course ({})", other["id"]);

    let revoked = browser.submit("/account", "/account/calendar/revoke", &[]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.bare_client().get(&url).send().await.unwrap().status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_checklist_item_is_overdue_from_the_organisations_midnight() {
    let app = TestApp::spawn().await;
    let (api, id) = mestringstreff_course(&app, json!({})).await;
    // 23:30 UTC tomorrow: in Oslo it is already the day after.
    let now = chrono::DateTime::from_timestamp(app.now(), 0).unwrap();
    let utc_day = now.date_naive() + Duration::days(1);
    let late_evening = utc_day.and_hms_opt(23, 30, 0).unwrap().and_utc().timestamp();
    app.state.clock.advance(late_evening - app.now());
    let (_, list) = api.get_json(&format!("{A}/courses/{id}/checklist")).await;
    let item = list["items"][0]["id"].as_i64().unwrap();
    app.execute("UPDATE checklist_items SET due_date = $1 WHERE id = $2", (utc_day.to_string(), item)).await;
    let (_, list) = api.get_json(&format!("{A}/courses/{id}/checklist")).await;
    let listed = list["items"].as_array().unwrap().iter().find(|i| i["id"] == item).unwrap().clone();
    assert_eq!(listed["overdue"], true, "due yesterday in Oslo: {listed}");
}
