//! The text rule (issue 13): every text field, on the pages and in the API, follows one
//! rule. Line breaks CR LF and CR become LF; control characters (and line breaks on one
//! line) are refused wherever they are; Unicode white space at the ends is removed; a
//! required field with nothing left is refused naming the field. Nothing else is changed,
//! and a JSON body sent as another media type is answered 415.

use crate::common::data::error_fields;
use crate::common::running::{self, COORDINATOR, LEADER, ORG};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use serde_json::{json, Value};

const HOLIDAYS: &str = "/organisations/org-a/school-holidays";

async fn holiday_names(api: &Api) -> Vec<String> {
    let list = api.get_ok(HOLIDAYS).await;
    list["items"].as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap().to_string()).collect()
}

async fn add_holiday(api: &Api, name: &str) -> (StatusCode, Value) {
    let body = json!({ "name": name, "first_day": "2027-10-04", "last_day": "2027-10-08" });
    Api::json_of(api.send_json(Method::POST, HOLIDAYS, &body).await).await
}

/// The `<textarea>` with this id, as the page shows it again.
fn textarea(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("<textarea id=\"{name}\""))?;
    let open_end = at + html[at..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</textarea>")?;
    Some(unescape(html[open_end..close].strip_prefix('\n').unwrap_or(&html[open_end..close])))
}

#[tokio::test]
async fn a_single_line_through_the_api_is_trimmed_as_documented_or_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    app.add_user(ORG, COORDINATOR, "coordinator").await;
    let api = app.api(&app.token_for(COORDINATOR).await);

    // White space of any kind at the ends is removed, as the rule says; the answer and the
    // stored text agree.
    let (status, holiday) = add_holiday(&api, "\u{a0}Høstferie\u{2003}").await;
    assert_eq!(status, StatusCode::CREATED, "{holiday}");
    assert_eq!(holiday["name"], "Høstferie");
    assert_eq!(holiday_names(&api).await, ["Høstferie"]);

    // Control characters and line breaks are refused wherever they are, not trimmed away.
    for name in
        ["Høstferie\u{b}", "\u{c}Høstferie", "Høstferie\u{2029}", "Høst\r\nferie", "Høstferie\r\n", "Høst\tferie"]
    {
        let (status, problem) = add_holiday(&api, name).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}: {problem}");
        assert_eq!(error_fields(&problem), ["name"], "{name:?}");
    }
    // Nothing left after the rule: required, as other fields are.
    for name in [" ", "\u{a0}", "\u{3000}\u{2002} "] {
        let (status, problem) = add_holiday(&api, name).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}: {problem}");
        assert_eq!(error_fields(&problem), ["name"], "{name:?}");
    }
    assert_eq!(holiday_names(&api).await, ["Høstferie"], "nothing refused was stored");

    // A programme's manual: its texts were stored as sent, control characters and all.
    let (_, source) = SHIPPED.iter().find(|(slug, _)| *slug == "mestringstreff").expect("shipped");
    let manual = serde_json::to_value(Manual::from_toml(source).expect("valid")).unwrap();
    let programmes = "/organisations/org-a/programmes";
    for (place, value) in [
        ("name", json!("Mestringstreff\u{b}")),
        ("sessions[0].title", json!("Hva er\r\nmestring?")),
        ("sessions[0].goals[0]", json!("\u{a0}")),
        ("summary", json!("Kurs\u{c}")),
    ] {
        let mut sent = manual.clone();
        match place {
            "sessions[0].title" => sent["sessions"][0]["title"] = value,
            "sessions[0].goals[0]" => sent["sessions"][0]["goals"][0] = value,
            field => sent[field] = value,
        }
        let (status, problem) = Api::json_of(api.send_json(Method::POST, programmes, &sent).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{place}: {problem}");
        assert_eq!(error_fields(&problem), [place]);
    }
    let mut sent = manual.clone();
    // A slug of its own: the shipped Mestringstreff is already in every library.
    sent["slug"] = json!("mestringstreff-tekstregel");
    sent["name"] = json!("\u{a0}Mestringstreff\u{2003}");
    sent["summary"] = json!("Et kurs\r\nfor voksne.\u{2029}");
    sent["sessions"][0]["title"] = json!(" Hva er mestring? ");
    let (status, imported) = Api::json_of(api.send_json(Method::POST, programmes, &sent).await).await;
    assert_eq!(status, StatusCode::CREATED, "{imported}");
    assert_eq!(imported["name"], "Mestringstreff");
    assert_eq!(imported["manual"]["summary"], "Et kurs\nfor voksne.");
    assert_eq!(imported["manual"]["sessions"][0]["title"], "Hva er mestring?");
}

#[tokio::test]
async fn multi_line_text_through_the_api_keeps_its_lines_and_refuses_controls() {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let api = app.api(&app.token_for(LEADER).await);
    let log = format!("/organisations/{ORG}/sessions/{}/log", course.session_ids[0]);
    let empty = api.get_ok(&log).await;
    let marks = empty["elements_done"].clone();

    // A control character at the end was trimmed away before; now it is refused, naming
    // the field, and nothing is saved.
    for (field, text) in [("learned", "Pauser hjelper\u{b}"), ("noticed", "\u{c}"), ("deviations", "Kortere\u{85}")] {
        let mut body = json!({ "done": "Runde.", "elements_done": marks });
        body[field] = json!(text);
        let (status, problem) = Api::json_of(api.send_json(Method::PUT, &log, &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {problem}");
        assert_eq!(error_fields(&problem), [field]);
    }
    assert_eq!(app.audit_count("session_log.write", None, "success", None).await, 0);

    let body = json!({
        "done": "\u{a0}Runde\r\nLek\rPause\u{2029}",
        "learned": "\r\n\tFørste\tandre\r\n",
        "noticed": " \u{a0}",
        "elements_done": marks,
    });
    let (status, saved) = Api::json_of(api.send_json(Method::PUT, &log, &body).await).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, read) = api.get_json(&log).await;
    assert_eq!(read["done"], "Runde\nLek\nPause");
    assert_eq!(read["learned"], "Første\tandre", "inner tabs are kept");
    assert_eq!(read["noticed"], "");
    assert_eq!(saved["done"], read["done"], "the answer shows what is stored");

    // A log of nothing but white space (of every kind) is refused, not saved blank.
    let blank_log = format!("/organisations/{ORG}/sessions/{}/log", course.session_ids[1]);
    let (_, second) = api.get_json(&blank_log).await;
    let blank = json!({
        "done": " ",
        "learned": "\u{a0}",
        "noticed": "\r\n",
        "deviations": "\u{2029}\u{2028}",
        "next_time": "\u{3000}\t",
        "elements_done": second["elements_done"],
    });
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &blank_log, &blank).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["done"]);
    let (_, second) = api.get_json(&blank_log).await;
    assert_eq!(second["version"], 0, "no log was written");

    // A required multi-line field with nothing left after the rule.
    let homework = format!("/organisations/{ORG}/sessions/{}/homework", course.session_ids[0]);
    for description in [" ", "\u{a0}\r\n\u{2029}"] {
        let body = json!({ "description": description });
        let (status, problem) = Api::json_of(api.send_json(Method::POST, &homework, &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{description:?}: {problem}");
        assert_eq!(error_fields(&problem), ["description"]);
    }

    // A meeting's title on one line, its record on several; a record of nothing is no record.
    let in_three_days = samla_web::services::intake::today(&app.state, "NO") + chrono::Duration::days(3);
    let meeting = json!({
        "meeting_kind": "parent_meeting",
        "title": "\u{a0}Foreldremøte\u{a0}",
        "date": in_three_days.to_string(),
        "start_time": "18:00",
        "end_time": "19:00",
    });
    let meetings = format!("/organisations/{ORG}/courses/{}/meetings", course.course_id);
    let (status, meeting) = Api::json_of(api.send_json(Method::POST, &meetings, &meeting).await).await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    assert_eq!(meeting["title"], "Foreldremøte");
    let record = format!("/organisations/{ORG}/sessions/{}/record", meeting["id"]);
    let blank = json!({ "agenda": " ", "minutes": "\u{a0}\r\n", "agreements": "\u{2029}" });
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &record, &blank).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["agenda"]);
    let written = json!({ "agenda": "\u{a0}Velkommen\r\n", "minutes": "", "agreements": "" });
    let (status, saved) = Api::json_of(api.send_json(Method::PUT, &record, &written).await).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["agenda"], "Velkommen");
}

#[tokio::test]
async fn forms_follow_the_same_rule_and_show_the_typed_text_again() {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;

    // One line: a school holiday's name.
    let coordinator = app.logged_in(COORDINATOR).await;
    let api = app.api(&app.token_for(COORDINATOR).await);
    let mut names = holiday_names(&api).await;
    let fields = |name: &'static str| [("name", name), ("first_day", "2027-10-04"), ("last_day", "2027-10-08")];
    let response = coordinator.submit("/school-holidays", "/school-holidays", &fields("\u{a0}Høstferie\u{a0}")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    names.push("Høstferie".to_string());
    names.sort();
    let sorted = || async {
        let mut now = holiday_names(&api).await;
        now.sort();
        now
    };
    assert_eq!(sorted().await, names);
    for (typed, message) in [(" ", "Fyll ut feltet"), ("Vinter\u{b}ferie", "tegn som ikke kan brukes")] {
        let response = coordinator.submit("/school-holidays", "/school-holidays", &fields(typed)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{typed:?}");
        let html = response.text().await.unwrap();
        let summary = error_summary(&html).expect("an error summary");
        assert!(summary.contains(message), "{typed:?}: {summary}");
        assert!(html.contains("href=\"#name\""), "the field is named");
        assert_eq!(input_value(&html, "name").as_deref(), Some(typed), "what was typed is kept");
    }
    assert_eq!(sorted().await, names, "nothing refused was stored");

    // One line that the add-session form stored with its line break or trimmed away
    // its control character.
    let new_session = format!("/courses/{}/sessions/new", course.course_id);
    let add = format!("/courses/{}/sessions", course.course_id);
    let in_a_week = (samla_web::services::intake::today(&app.state, "NO") + chrono::Duration::days(7)).to_string();
    let session = |title: &'static str, room: &'static str| {
        vec![
            ("date", in_a_week.clone()),
            ("start_time", "10:00".into()),
            ("end_time", "11:00".into()),
            ("title", title.into()),
            ("room", room.into()),
        ]
    };
    for (title, room, field) in [("Ekstra\r\nsamling", "Rom 2", "title"), ("Ekstra samling", "Rom 2\u{b}", "room")] {
        let fields = session(title, room);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = coordinator.submit(&new_session, &add, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{title:?} {room:?}");
        let html = response.text().await.unwrap();
        assert!(error_summary(&html).expect("summary").contains("tegn som ikke kan brukes"));
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field} is named");
        assert_eq!(input_value(&html, "room").as_deref(), Some(room), "what was typed is kept");
    }
    let fields = session("\u{a0}Ekstra samling\u{a0}", " Rom 2 ");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(coordinator.submit(&new_session, &add, &fields).await.status(), StatusCode::SEE_OTHER);
    let (_, sessions) = api.get_json(&format!("/organisations/{ORG}/courses/{}/sessions", course.course_id)).await;
    let added = sessions["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["date"] == in_a_week.as_str() && s["start_time"] == "10:00");
    let added = added.expect("the added session");
    assert_eq!((added["title"].as_str(), added["room"].as_str()), (Some("Ekstra samling"), Some("Rom 2")));

    // Several lines: the session log, as browsers send it (CR LF).
    let leader = app.logged_in(LEADER).await;
    let page = format!("/courses/{}/sessions/{}/log", course.course_id, course.session_ids[0]);
    let (status, html) = leader.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    let elements = input_value(&html, "elements").unwrap_or_else(|| "0".into());
    let form = |done: &'static str, learned: &'static str| {
        vec![("version", "0"), ("elements", elements.as_str()), ("done", done), ("learned", learned)]
    };
    for (done, learned, message) in [
        (" \r\n", "\u{a0}\u{2029}", "minst ett av tekstfeltene"),
        ("Runde\r\nLek", "Pauser\u{c}", "tegn som ikke kan brukes"),
    ] {
        let response = leader.submit(&page, &page, &form(done, learned)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{done:?} {learned:?}");
        let html = response.text().await.unwrap();
        let summary = error_summary(&html).expect("an error summary");
        assert!(summary.contains(message), "{summary}");
        assert_eq!(
            textarea(&html, "learned").as_deref().map(|t| t.replace("\r\n", "\n")),
            Some(learned.replace("\r\n", "\n"))
        );
        assert_eq!(
            textarea(&html, "done").as_deref().map(|t| t.replace("\r\n", "\n")),
            Some(done.replace("\r\n", "\n"))
        );
    }
    let response = leader.submit(&page, &page, &form("\u{a0}Runde\r\nLek\r\n", "\tFørste\tandre\u{2029}")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let leader_api = app.api(&app.token_for(LEADER).await);
    let (_, read) = leader_api.get_json(&format!("/organisations/{ORG}/sessions/{}/log", course.session_ids[0])).await;
    assert_eq!(read["done"], "Runde\nLek");
    assert_eq!(read["learned"], "Første\tandre");
}

#[tokio::test]
async fn a_json_body_sent_as_another_media_type_is_415() {
    let app = TestApp::spawn().await;
    app.add_user(ORG, COORDINATOR, "coordinator").await;
    let api = app.api(&app.token_for(COORDINATOR).await);
    let body = json!({ "name": "Høstferie", "first_day": "2027-10-04", "last_day": "2027-10-08" }).to_string();
    for content_type in [Some("text/plain"), Some("application/x-www-form-urlencoded"), None] {
        let mut request = api.request(Method::POST, HOLIDAYS).body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type:?}");
        let media = response.headers()["content-type"].to_str().unwrap().to_string();
        assert!(media.starts_with("application/problem+json"), "{media}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["status"], 415);
    }
    assert!(holiday_names(&api).await.is_empty());
    let accepted = api.request(Method::POST, HOLIDAYS).header("content-type", "application/json; charset=utf-8");
    assert_eq!(accepted.body(body).send().await.unwrap().status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_openapi_document_states_the_rule_and_the_415() {
    let app = TestApp::spawn().await;
    let document: Value =
        app.bare_client().get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let schemas = &document["components"]["schemas"];
    let single = schemas["SingleLineText"]["description"].as_str().expect("SingleLineText");
    let multi = schemas["MultiLineText"]["description"].as_str().expect("MultiLineText");
    assert!(single.contains("U+00A0") && single.contains("U+2029") && single.contains("removed"), "{single}");
    assert!(multi.contains("CR LF") && multi.contains("become one line feed"), "{multi}");
    let refers_to = |field: &Value| field["allOf"][0]["$ref"].as_str().unwrap_or("").to_string();
    assert_eq!(refers_to(&schemas["NewSchoolHoliday"]["properties"]["name"]), "#/components/schemas/SingleLineText");
    assert_eq!(refers_to(&schemas["SessionLogUpdate"]["properties"]["done"]), "#/components/schemas/MultiLineText");
    assert_eq!(schemas["SessionLogUpdate"]["properties"]["done"]["allOf"][1]["maxLength"], 4000);

    let mut with_body = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if operation.get("requestBody").is_some() {
                with_body += 1;
                let answer = &operation["responses"]["415"];
                assert!(answer["content"]["application/problem+json"].is_object(), "{method} {path} documents 415");
            }
        }
    }
    assert!(with_body > 50, "{with_body} operations take a body");
}
