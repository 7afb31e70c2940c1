//! Age rules of a course are measured on the course's first session, not on the day
//! someone types: an organisation recording a course that ran years ago brings in the
//! children it had, a child who turns old enough for their own say before the course
//! starts is asked, and a group's age band holds at the first session. Planning in the
//! past is allowed, with a warning on the page and in the API answer.

use crate::common::data::problem_fields;
use crate::common::{location, send, send_if_match, Api, TestApp};
use chrono::{Datelike, Duration, NaiveDate};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const COORDINATOR: &str = "koordinator@a.no";

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

/// `years` whole years before `date` (29 February becomes 28 February).
fn years_before(date: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year() - years, date.month(), date.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(date.year() - years, date.month(), 28).unwrap())
}

/// Moves an application to another stage (any version).
async fn move_to(api: &Api, id: i64, stage: &str) -> (StatusCode, Value) {
    let response = api
        .send_json_with(
            Method::POST,
            &format!("{A}/applications/{id}/stage"),
            ("If-Match", "*"),
            &json!({ "stage": stage }),
        )
        .await;
    Api::json_of(response).await
}

async fn coordinator(app: &TestApp) -> Api {
    app.add_user("org-a", COORDINATOR, "coordinator").await;
    app.api(&app.token_for(COORDINATOR).await)
}

/// A course of a shipped programme (every organisation has them).
async fn plan(api: &Api, programme: &str, start: NaiveDate) -> Value {
    let body = json!({
        "programme": programme, "name": format!("{programme} {start}"), "venue": "Rådhuset", "room": "Rom 1",
        "start_date": start.to_string(), "start_time": "14:15",
    });
    let (status, course) = send(api, Method::POST, &format!("{A}/courses"), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    course
}

async fn sessions(api: &Api, course_id: i64) -> Vec<Value> {
    let body = api.get_ok(&format!("{A}/courses/{course_id}/sessions")).await;
    body["items"].as_array().unwrap().iter().filter(|s| s["kind"] == "session").cloned().collect()
}

fn child_application(course_id: i64, name: &str, born: NaiveDate) -> Value {
    json!({
        "course_id": course_id, "participant_type": "child", "participant_name": name,
        "participant_birth_date": born.to_string(), "guardian_name": format!("Forelder til {name}"),
        "guardian_phone": "912 34 567", "consents": ["participation"],
    })
}

#[tokio::test]
async fn a_course_that_already_ran_takes_the_children_and_adults_it_had() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app).await;
    // A SMIL group for children 8–13 that ran in the autumn of 2012.
    let course = plan(&api, "smil", day("2012-09-05")).await;
    let course_id = course["id"].as_i64().unwrap();
    let first = day(sessions(&api, course_id).await[0]["date"].as_str().unwrap());
    assert!(first < today());

    // Eight at the first session, long grown up today.
    let born = years_before(first, 8) - Duration::days(30);
    let (status, created) =
        send(&api, Method::POST, &format!("{A}/applications"), &child_application(course_id, "Ada", born)).await;
    assert_eq!(status, StatusCode::CREATED, "a child of 8 at the course is a child: {created}");
    let id = created["id"].as_i64().unwrap();
    let (_, application) = api.get_json(&format!("{A}/applications/{id}")).await;
    assert_eq!(application["age"], 8, "{application}");

    // Eighteen at the first session is an adult, even on a children's form.
    let adult = years_before(first, 18) - Duration::days(1);
    let (status, problem) =
        send(&api, Method::POST, &format!("{A}/applications"), &child_application(course_id, "Voksen", adult)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem_fields(&problem)[0].0, "participant_birth_date");

    // A Mestringstreff for adults in 2012: someone who was 17 then is refused as a child…
    let adults = plan(&api, "mestringstreff", day("2012-09-04")).await;
    let adults_id = adults["id"].as_i64().unwrap();
    let first = day(sessions(&api, adults_id).await[0]["date"].as_str().unwrap());
    let adult_form = |name: &str, born: NaiveDate| {
        json!({
            "course_id": adults_id, "participant_type": "adult", "participant_name": name,
            "participant_birth_date": born.to_string(), "participant_phone": "912 34 567",
            "consents": ["participation"],
        })
    };
    let seventeen = years_before(first, 18) + Duration::days(10);
    let (status, problem) =
        send(&api, Method::POST, &format!("{A}/applications"), &adult_form("Sytten", seventeen)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "17 at the course is a child: {problem}");
    assert_eq!(problem_fields(&problem)[0].0, "participant_birth_date");
    // …and someone who was 30 then is welcome.
    let (status, created) =
        send(&api, Method::POST, &format!("{A}/applications"), &adult_form("Tretti", years_before(first, 30))).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
}

#[tokio::test]
async fn the_staff_form_takes_a_child_of_a_course_that_already_ran() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let api = coordinator(&app).await;
    let course = plan(&api, "smil", day("2012-09-05")).await;
    let course_id = course["id"].to_string();
    let first = day(sessions(&api, course["id"].as_i64().unwrap()).await[0]["date"].as_str().unwrap());
    let born = (years_before(first, 8) - Duration::days(30)).to_string();
    let browser = app.logged_in(COORDINATOR).await;
    let response = browser
        .submit(
            "/intake/new",
            "/intake/new",
            &[
                ("course_id", course_id.as_str()),
                ("participant_type", "child"),
                ("participant_name", "Ada"),
                ("participant_birth_date", born.as_str()),
                ("guardian_name", "Kari"),
                ("guardian_phone", "912 34 567"),
                ("guardian_responsibility", "true"),
                ("consents", "participation"),
                ("consent_method", "paper"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", response.text().await.unwrap_or_default());
    let (_, page) = browser.get_html(&location(&response)).await;
    assert!(page.contains("8 år ved kursets første samling"), "the age at the course is shown");
}

#[tokio::test]
async fn the_childs_own_say_follows_the_age_at_the_first_session() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app).await;
    let (_, settings) = api.get_json(&format!("{A}/intake-settings")).await;
    let own_say_from = settings["child_own_say_from_age"].as_i64().expect("the organisation's age") as i32;
    let course = plan(&api, "smil", today() + Duration::days(120)).await;
    let course_id = course["id"].as_i64().unwrap();
    let first = day(sessions(&api, course_id).await[0]["date"].as_str().unwrap());

    // One year too young today, old enough for their own say when the course starts.
    let born = years_before(first, own_say_from) - Duration::days(1);
    assert!(years_before(today(), own_say_from) < born, "too young today");
    let (status, created) =
        send(&api, Method::POST, &format!("{A}/applications"), &child_application(course_id, "Bo", born)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let (_, application) = api.get_json(&format!("{A}/applications/{id}")).await;
    assert_eq!(application["age"], own_say_from, "the age on the course's first session: {application}");
    let missing: Vec<&str> = application["missing_for_enrolment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["capacity"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["child_own_say"], "the child is asked too: {application}");
    let (status, problem) = move_to(&api, id, "enrolled").await;
    assert_eq!(status, StatusCode::CONFLICT, "not enrolled without the child's own say: {problem}");
}

#[tokio::test]
async fn a_groups_age_band_holds_at_the_first_session() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app).await;
    let course = plan(&api, "smil", today() + Duration::days(60)).await;
    let course_id = course["id"].as_i64().unwrap();
    let listed = sessions(&api, course_id).await;
    let planned_start = day(listed[0]["date"].as_str().unwrap());
    // The first session moves five days later; the child has a birthday in between.
    let first = planned_start + Duration::days(5);
    let path = format!("{A}/courses/{course_id}/sessions/{}", listed[0]["id"]);
    let moved = api
        .send_json_with(
            Method::PUT,
            &path,
            ("If-Match", "*"),
            &json!({ "date": first.to_string(), "start_time": "14:15", "end_time": "16:15" }),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let born = years_before(planned_start + Duration::days(3), 11);
    let (status, created) =
        send(&api, Method::POST, &format!("{A}/applications"), &child_application(course_id, "Eli", born)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let (status, body) = move_to(&api, id, "waitlisted").await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let path = format!("{A}/courses/{course_id}/group-proposal");
    let (status, proposal) = send(&api, Method::POST, &path, &json!({ "age_min": 8, "age_max": 10 })).await;
    assert_eq!(status, StatusCode::OK, "{proposal}");
    let placement = &proposal["placements"][0];
    assert_eq!(placement["age"], 11, "eleven at the first session: {proposal}");
    assert_eq!(placement["reason"], "outside-age-band");
    assert_eq!(placement["included"], false);
}

fn warning_dates(answer: &Value) -> Vec<String> {
    let warnings = answer["warnings"].as_array().unwrap_or_else(|| panic!("a warnings field: {answer}"));
    warnings
        .iter()
        .filter(|w| w["code"] == "in_the_past")
        .flat_map(|w| w["dates"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string()))
        .collect()
}

#[tokio::test]
async fn planning_in_the_past_is_allowed_with_a_warning_in_the_api() {
    let app = TestApp::spawn().await;
    let api = coordinator(&app).await;
    let ahead = plan(&api, "mestringstreff", today() + Duration::days(30)).await;
    assert_eq!(ahead["warnings"], json!([]), "nothing to warn about ahead: {ahead}");
    let course_id = ahead["id"].as_i64().unwrap();

    let past = plan(&api, "mestringstreff", today() - Duration::days(7 * 10)).await;
    let dates = warning_dates(&past);
    assert!(!dates.is_empty(), "{past}");
    assert!(past["warnings"][0]["message"].as_str().is_some_and(|m| !m.is_empty()), "{past}");
    for date in &dates {
        assert!(day(date) < today(), "{date}");
    }

    let yesterday = (today() - Duration::days(1)).to_string();
    let (status, added) = send(
        &api,
        Method::POST,
        &format!("{A}/courses/{course_id}/sessions"),
        &json!({ "date": yesterday, "start_time": "18:00", "end_time": "20:00" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(warning_dates(&added), std::slice::from_ref(&yesterday));

    let first = sessions(&api, course_id).await[0].clone();
    let first_path = format!("{A}/courses/{course_id}/sessions/{}", first["id"]);
    let evening = |date: &str| json!({ "date": date, "start_time": "17:00", "end_time": "19:00" });
    let (status, moved) = send_if_match(&api, Method::PUT, &first_path, "*", &evening(&yesterday)).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(warning_dates(&moved), [yesterday]);
    let tomorrow = (today() + Duration::days(1)).to_string();
    let (_, moved) = send_if_match(&api, Method::PUT, &first_path, "*", &evening(&tomorrow)).await;
    assert_eq!(moved["warnings"], json!([]));
}

#[tokio::test]
async fn planning_in_the_past_is_allowed_with_a_warning_on_the_page() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let api = coordinator(&app).await;
    let (_, programme) = api.get_json(&format!("{A}/programmes/mestringstreff")).await;
    let browser = app.logged_in(COORDINATOR).await;
    let start = today() - Duration::days(7 * 20);
    let weekday = start.weekday().to_string().to_lowercase();
    let programme_id = programme["id"].to_string();
    let response = browser
        .submit(
            "/courses/new",
            "/courses",
            &[
                ("programme", programme_id.as_str()),
                ("name", "Mestringstreff 2025"),
                ("venue", "Rådhuset"),
                ("room", "Rom 1"),
                ("start_date", &start.to_string()),
                ("weekdays", &weekday),
                ("start_time", "18:00"),
                ("interval", "weekly"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "planned, not refused");
    let (status, page) = browser.get_html(&location(&response)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"planned-in-the-past\""), "the page warns about the past");

    // Moving a session of a course ahead to yesterday warns too.
    let ahead = plan(&api, "mestringstreff", today() + Duration::days(30)).await;
    let course_id = ahead["id"].as_i64().unwrap();
    let first = sessions(&api, course_id).await[0].clone();
    let page_path = format!("/courses/{course_id}/sessions/{}", first["id"]);
    let yesterday = (today() - Duration::days(1)).to_string();
    let version = first["version"].to_string();
    let response = browser
        .submit(
            &page_path,
            &format!("{page_path}/move"),
            &[
                ("date", &yesterday),
                ("start_time", "18:00"),
                ("end_time", "20:00"),
                ("room", ""),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = browser.get_html(&location(&response)).await;
    assert!(page.contains("id=\"planned-in-the-past\""), "the page warns about the past");
}
