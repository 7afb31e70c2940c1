//! Observations about one participant and concern reports never reach a user
//! representative or a secretary: canary strings are written into every free-text field of
//! them through the API, then everything those roles can reach is fetched and none may
//! contain a canary:
//!
//! - every page, following links from the home page, plus every running-the-course,
//!   evaluation and library address directly;
//! - every export: the course report, evaluation and round results as CSV and XLSX (XLSX
//!   files are unzipped and every entry searched), the attendance print view, questionnaire
//!   definitions and scoring rules, and the calendar feeds (the person's own and the
//!   course's);
//! - every GET operation of the OpenAPI document, each path parameter filled with every
//!   real id of its kind and each query parameter with every value it can take. A
//!   parameter the test cannot fill fails the test, so a new operation cannot escape.
//!
//! The coordinator, who may read both, sees every canary in the pages and in the API, so
//! their absence means something; every export that answers 200 must show a known,
//! harmless string (the course name, a questionnaire's free-text answer, the calendar
//! header), so the crawl proves it read real content.

use crate::common::data::zip_entries;
use crate::common::questionnaires::{add_personal_link, add_response, add_round, open_now, version_of};
use crate::common::running::{self, RunningCourse, COORDINATOR, COURSE_NAME, LEADER, ORG, REPRESENTATIVE, SECRETARY};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

const OBSERVATION: &str = "CANARY-OBSERVATION-r4t8";
const CONCERN: &str = "CANARY-CONCERN-m2c6";
const DECISION: &str = "CANARY-DECISION-h9j3";
const REFERENCE: &str = "CANARY-REFERENCE-w5k1";
const CANARIES: [&str; 4] = [OBSERVATION, CONCERN, DECISION, REFERENCE];

/// A free-text answer in an anonymous round with enough responses to be shown: the
/// positive control of the results exports.
const FREE_TEXT: &str = "kontroll-fritekst-q5";
/// The personal answer link of the crawl.
const ANSWER_TOKEN: &str = "privacy-crawl-answer-token-1";

fn leaks(body: &str) -> Vec<&'static str> {
    CANARIES.into_iter().filter(|c| body.contains(c)).collect()
}

struct Written {
    course: RunningCourse,
    concern_id: i64,
}

async fn write_canaries(app: &TestApp) -> Written {
    let course = running::seed(app).await;
    let leader = app.api(&app.token_for(LEADER).await);
    let child = &course.children[0];
    let observations =
        format!("/organisations/{ORG}/courses/{}/participants/{}/observations", course.course_id, child.participant_id);
    let response = leader
        .send_json(Method::POST, &observations, &json!({ "body": OBSERVATION, "session_id": course.session_ids[0] }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "observation: {}", response.text().await.unwrap_or_default());
    let reports = format!("/organisations/{ORG}/courses/{}/concern-reports", course.course_id);
    let response = leader
        .send_json(Method::POST, &reports, &json!({ "participant_id": child.participant_id, "concern": CONCERN }))
        .await;
    let (status, created) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "concern report: {created}");
    let concern_id = created["id"].as_i64().expect("report id");
    let report = format!("/organisations/{ORG}/concern-reports/{concern_id}");
    let response = leader.request(Method::GET, &report).send().await.expect("report");
    let etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string).expect("etag");
    let update = json!({
        "concern": CONCERN,
        "decision": "sent",
        "sent_on": course_start_plus(app, 1),
        "reference": REFERENCE,
        "decision_note": DECISION,
    });
    let response =
        leader.request(Method::PUT, &report).header("if-match", etag).json(&update).send().await.expect("put");
    assert_eq!(response.status(), StatusCode::OK, "decision: {}", response.text().await.unwrap_or_default());
    Written { course, concern_id }
}

fn course_start_plus(app: &TestApp, days: i64) -> String {
    (chrono::DateTime::from_timestamp(app.now(), 0).expect("clock").date_naive() - chrono::Duration::days(14)
        + chrono::Duration::days(days))
    .to_string()
}

/// Everything beyond the canaries that the crawl needs ids of: evaluation rounds with
/// responses, a personal answer link, intake records and a course calendar feed.
struct World {
    written: Written,
    /// An anonymous session round with five responses (results shown), an identified
    /// guardians round with three (count only) and an open round holding [`ANSWER_TOKEN`].
    rounds: Vec<i64>,
    questionnaire_ids: Vec<i64>,
    application_ids: Vec<i64>,
    household_ids: Vec<i64>,
    /// An emergency access the leader opened on the other course, its reason a canary.
    access_id: i64,
    /// `/calendar/SECRET.ics` of the course's feed (made by the coordinator).
    course_feed: String,
    /// The coordinator's access request from the first child.
    request_id: i64,
}

fn session_answer(benefit: &str, important: &str) -> Answers {
    let mut answers = Answers::new();
    answers.insert("benefit".into(), vec![AnswerValue::Choice(benefit.into())]);
    answers.insert("important".into(), vec![AnswerValue::String(important.into())]);
    answers
}

fn parent_answer(step: &str) -> Answers {
    let mut answers = Answers::new();
    for item in ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"] {
        answers.insert(item.to_string(), vec![AnswerValue::Choice(step.into())]);
    }
    answers
}

/// The path of a new calendar feed made over the API by `email` (their own, or a course's).
async fn new_feed(app: &TestApp, email: &str, course_id: Option<i64>) -> String {
    let api = app.api(&app.token_for(email).await);
    let path = format!("/organisations/{ORG}/calendar-feeds");
    let response = api.send_json(Method::POST, &path, &json!({ "course_id": course_id })).await;
    let (status, feed) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "{email}'s calendar feed: {feed}");
    let url = feed["url"].as_str().expect("feed address");
    url.strip_prefix(&app.base_url).expect("feed on this server").to_string()
}

async fn seed_world(app: &TestApp) -> World {
    let written = write_canaries(app).await;
    let course = &written.course;
    let org = course.organisation_id;
    let session_version = version_of(app, org, "session-evaluation").await;
    let session_round =
        add_round(app, org, course.course_id, session_version, "participants", "anonymous", "session").await;
    for (benefit, text) in
        [("very-good", FREE_TEXT), ("good", "Leikene"), ("some", ""), ("very-good", "Å snakke"), ("good", "")]
    {
        add_response(app, session_round, session_version, None, &session_answer(benefit, text)).await;
    }
    let parents_version = version_of(app, org, "smil-parents").await;
    let before = add_round(app, org, course.course_id, parents_version, "guardians", "identified", "before").await;
    for child in &course.children {
        add_response(app, before, parents_version, Some(child.participant_id), &parent_answer("some")).await;
    }
    let open = add_round(app, org, course.course_id, parents_version, "guardians", "identified", "end").await;
    open_now(app, open).await;
    add_personal_link(app, open, Some(course.children[0].participant_id), ANSWER_TOKEN, 86_400).await;
    let mut questionnaire_ids = Vec::new();
    for version in [session_version, parents_version] {
        let id: i64 = app.scalar("SELECT questionnaire_id FROM questionnaire_versions WHERE id = $1", (version,)).await;
        questionnaire_ids.push(id);
    }
    let (application_ids, household_ids) = running::intake_ids(app, course).await;
    let course_feed = new_feed(app, COORDINATOR, Some(course.course_id)).await;
    let leader = app.api(&app.token_for(LEADER).await);
    let reason = format!("{CONCERN}: skolen ringte");
    let body = json!({ "course_id": course.other_course_id, "reason": reason, "hours": 1 });
    let (status, access) =
        Api::json_of(leader.send_json(Method::POST, &format!("/organisations/{ORG}/emergency-accesses"), &body).await)
            .await;
    assert_eq!(status, StatusCode::CREATED, "emergency access: {access}");
    let coordinator = app.api(&app.token_for(COORDINATOR).await);
    let body = json!({ "person_id": course.children[0].person_id });
    let (status, request) = Api::json_of(
        coordinator.send_json(Method::POST, &format!("/organisations/{ORG}/access-requests"), &body).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "access request: {request}");
    World {
        request_id: request["id"].as_i64().expect("an id"),
        access_id: access["id"].as_i64().expect("an id"),
        rounds: vec![session_round, before, open],
        questionnaire_ids,
        application_ids,
        household_ids,
        course_feed,
        written,
    }
}

/// Every running-the-course and evaluation address of the seeded course, whether or not
/// it is linked.
fn start_addresses(world: &World) -> Vec<String> {
    let written = &world.written;
    let course = &written.course;
    let id = course.course_id;
    let mut out = vec![
        "/".to_string(),
        "/today".into(),
        "/account".into(),
        "/courses".into(),
        format!("/courses/{id}"),
        format!("/courses/{id}/group"),
        format!("/courses/{id}/attendance"),
        format!("/courses/{id}/meetings"),
        format!("/courses/{id}/concerns"),
        format!("/courses/{id}/reminders"),
        format!("/courses/{id}/evaluations"),
        format!("/courses/{id}/evaluation"),
        format!("/courses/{id}/outcome-change"),
        "/concerns".into(),
        format!("/concerns/{}", written.concern_id),
        "/concerns/readers".into(),
        "/running/settings".into(),
        "/admin/audit/reviews".into(),
        "/questionnaires".into(),
        format!("/a/{ANSWER_TOKEN}"),
        "/access-requests".into(),
        format!("/access-requests/{}", world.request_id),
        format!("/access-requests/{}/copy.json", world.request_id),
        "/record-of-processing".into(),
    ];
    for child in &course.children {
        out.push(format!("/courses/{id}/participants/{}", child.participant_id));
        out.push(format!("/courses/{id}/participants/{}/observations", child.participant_id));
    }
    for session in &course.session_ids[..2] {
        out.push(format!("/courses/{id}/sessions/{session}"));
        out.push(format!("/courses/{id}/sessions/{session}/attendance"));
        out.push(format!("/courses/{id}/sessions/{session}/log"));
    }
    for meeting in &course.meeting_ids {
        out.push(format!("/courses/{id}/meetings/{meeting}"));
    }
    for round in &world.rounds {
        out.push(format!("/courses/{id}/questionnaire-rounds/{round}"));
        out.push(format!("/questionnaire-rounds/{round}/results"));
        out.push(format!("/questionnaire-rounds/{round}/paper"));
    }
    for questionnaire in &world.questionnaire_ids {
        out.push(format!("/questionnaires/{questionnaire}"));
    }
    for application in &world.application_ids {
        out.push(format!("/intake/applications/{application}"));
    }
    for household in &world.household_ids {
        out.push(format!("/intake/households/{household}"));
    }
    out
}

/// Every download of the web pages with the harmless text a 200 answer must contain.
fn exports(world: &World, own_feed: &str) -> Vec<(String, &'static str)> {
    let id = world.written.course.course_id;
    let shown_round = world.rounds[0];
    let mut out = vec![
        (format!("/courses/{id}/report"), COURSE_NAME),
        (format!("/courses/{id}/attendance/print"), COURSE_NAME),
        (own_feed.to_string(), "BEGIN:VCALENDAR"),
        (world.course_feed.clone(), COURSE_NAME),
    ];
    for format in ["csv", "xlsx"] {
        out.push((format!("/courses/{id}/evaluation/export?format={format}"), FREE_TEXT));
        out.push((format!("/questionnaire-rounds/{shown_round}/results/export?format={format}"), FREE_TEXT));
    }
    for questionnaire in &world.questionnaire_ids {
        out.push((format!("/questionnaires/{questionnaire}/export"), "\"resourceType\""));
    }
    out.push((format!("/questionnaires/{}/scoring", world.questionnaire_ids[1]), "\"scales\""));
    out
}

/// The text of a body: a zip file (XLSX) is opened and every entry's text joined;
/// iCalendar's folded lines are also unfolded, so a canary split over two lines is found.
fn readable(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK\x03\x04") {
        let entries = zip_entries(bytes);
        assert!(!entries.is_empty(), "an empty zip file");
        return entries.iter().map(|entry| format!("{entry}\n")).collect();
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.contains("BEGIN:VCALENDAR") {
        let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        return format!("{text}\n{unfolded}");
    }
    text
}

struct Fetched {
    path: String,
    status: StatusCode,
    text: String,
}

async fn fetched(path: &str, response: reqwest::Response) -> Fetched {
    let status = response.status();
    let html = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let bytes = response.bytes().await.expect("body");
    let text = if html { String::from_utf8_lossy(&bytes).into_owned() } else { readable(&bytes) };
    Fetched { path: path.to_string(), status, text }
}

async fn crawl(browser: &Browser, start: &[String]) -> Vec<Fetched> {
    let mut queue: VecDeque<String> = start.iter().cloned().collect();
    let mut seen = BTreeSet::new();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 600 {
            continue;
        }
        let page = fetched(&path, browser.get(&path).await).await;
        for href in hrefs(&page.text) {
            let href = unescape(&href);
            if href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/static/") {
                queue.push_back(href.split('#').next().unwrap_or("").to_string());
            }
        }
        pages.push(page);
    }
    pages
}

/// The values the crawl tries for a parameter, by name: every real record of that kind.
fn candidates(world: &World) -> BTreeMap<&'static str, Vec<String>> {
    let course = &world.written.course;
    let strings = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>();
    let mut sessions = strings(&course.session_ids[..2]);
    sessions.extend(strings(&course.meeting_ids[..1]));
    let children: Vec<i64> = course.children.iter().map(|c| c.participant_id).collect();
    BTreeMap::from([
        ("org", vec![ORG.to_string()]),
        ("course_id", strings(&[course.course_id, course.other_course_id])),
        ("session_id", sessions),
        ("participant_id", strings(&children)),
        ("report_id", strings(&[world.written.concern_id])),
        ("concern_id", strings(&[world.written.concern_id])),
        ("programme", vec!["mestringsgrupper".to_string()]),
        ("round_id", strings(&world.rounds)),
        ("questionnaire_id", strings(&world.questionnaire_ids)),
        ("application_id", strings(&world.application_ids)),
        ("household_id", strings(&world.household_ids)),
        ("user_id", strings(&[course.coordinator_id, course.leader_id, course.secretary_id, course.representative_id])),
        ("token", vec![ANSWER_TOKEN.to_string()]),
        ("language", vec!["nb".to_string(), "en".to_string()]),
        ("year", vec!["2025".to_string()]),
        ("table", vec!["participants_by_age".to_string()]),
        ("access_id", strings(&[world.access_id])),
        ("access_request_id", strings(&[world.request_id])),
    ])
}

/// The values a query parameter's schema allows, when it names them (enums, booleans).
fn schema_values(document: &Value, schema: &Value) -> Vec<String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return schema_values(document, &document["components"]["schemas"][name]);
    }
    if let Some(values) = schema["enum"].as_array() {
        return values.iter().filter_map(Value::as_str).map(str::to_string).collect();
    }
    if schema["type"] == "boolean" || schema["type"].as_array().is_some_and(|t| t.iter().any(|t| t == "boolean")) {
        return vec!["true".into(), "false".into()];
    }
    ["oneOf", "anyOf", "allOf"]
        .iter()
        .filter_map(|k| schema[*k].as_array())
        .flatten()
        .flat_map(|s| schema_values(document, s))
        .collect()
}

/// Every concrete address of one operation: each path parameter filled with each of its
/// candidates, then the address bare and once per value of each query parameter.
fn addresses(
    document: &Value,
    path: &str,
    operation: &Value,
    candidates: &BTreeMap<&'static str, Vec<String>>,
) -> Result<Vec<String>, String> {
    let mut concrete = vec![path.trim_start_matches("/api/v1").to_string()];
    while let Some(start) = concrete[0].find('{') {
        let end = start + concrete[0][start..].find('}').expect("closing brace");
        let name = concrete[0][start + 1..end].to_string();
        let values = candidates.get(name.as_str()).ok_or(name.clone())?;
        let placeholder = format!("{{{name}}}");
        concrete = concrete.iter().flat_map(|c| values.iter().map(|v| c.replacen(&placeholder, v, 1))).collect();
    }
    let mut variants = Vec::new();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        if parameter["in"] != "query" {
            continue;
        }
        let name = parameter["name"].as_str().expect("parameter name");
        let mut values = schema_values(document, &parameter["schema"]);
        if values.is_empty() {
            values = candidates.get(name).cloned().unwrap_or_default();
        }
        variants.extend(values.into_iter().map(|v| format!("{name}={v}")));
    }
    Ok(concrete
        .iter()
        .flat_map(|c| std::iter::once(c.clone()).chain(variants.iter().map(move |q| format!("{c}?{q}"))))
        .collect())
}

/// Every GET operation of the API at every address [`addresses`] makes, as `token` sees
/// them, each with its operation id. An operation with a path parameter the crawl cannot
/// fill fails the test, so a new operation cannot slip past.
async fn api_bodies(app: &TestApp, token: &str, world: &World) -> Vec<(String, Fetched)> {
    let document: Value =
        reqwest::get(app.url("/api/v1/openapi.json")).await.expect("openapi").json().await.expect("json");
    let candidates = candidates(world);
    let api = app.api(token);
    let mut out = Vec::new();
    let mut unfilled = Vec::new();
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        let Some(operation) = item.get("get") else { continue };
        operations += 1;
        let id = operation["operationId"].as_str().unwrap_or(path).to_string();
        match addresses(&document, path, operation, &candidates) {
            Ok(concrete) => {
                for address in concrete {
                    let body = fetched(&address, api.get(&address).await).await;
                    out.push((id.clone(), body));
                }
            }
            Err(parameter) => unfilled.push(format!("{id} ({path}: {{{parameter}}})")),
        }
    }
    assert!(
        unfilled.is_empty(),
        "GET operations the crawl could not fill, name their ids in `candidates`: {unfilled:?}"
    );
    assert!(operations > 50, "the API has GET operations to try, found {operations}");
    out
}

/// What an export of the API that answers 200 must contain, by operation id: results
/// with shown free text (the course's and its anonymous round's) hold [`FREE_TEXT`], other
/// results their header at least.
fn api_control(world: &World, operation: &str, path: &str) -> Option<&'static str> {
    let shown = [
        format!("/courses/{}/evaluation/export?", world.written.course.course_id),
        format!("/questionnaire-rounds/{}/results/export?", world.rounds[0]),
    ];
    match operation {
        "getCourseReport" => Some(COURSE_NAME),
        "exportQuestionnaire" => Some("\"resourceType\""),
        "exportQuestionnaireScoring" => Some("\"scales\""),
        "exportRoundResults" | "exportCourseEvaluation" if path.contains("format=") => {
            Some(if shown.iter().any(|s| path.contains(s.as_str())) { FREE_TEXT } else { "round_id" })
        }
        _ => None,
    }
}

#[tokio::test]
async fn observations_and_concern_reports_never_reach_a_secretary_or_a_user_representative() {
    let started = std::time::Instant::now();
    let app = TestApp::spawn().await;
    let world = seed_world(&app).await;
    let written = &world.written;
    let addresses = start_addresses(&world);

    // The coordinator reads every canary, in pages and in the API.
    let coordinator = app.logged_in(COORDINATOR).await;
    let mut seen_by_coordinator = BTreeSet::new();
    for page in crawl(&coordinator, &addresses).await {
        assert!(page.status.as_u16() < 500, "coordinator: {} answered {}", page.path, page.status);
        seen_by_coordinator.extend(leaks(&page.text));
    }
    assert_eq!(seen_by_coordinator.len(), CANARIES.len(), "the coordinator's pages show observations and concerns");
    let bodies = api_bodies(&app, &app.token_for(COORDINATOR).await, &world).await;
    let seen: BTreeSet<&str> = bodies.iter().flat_map(|(_, b)| leaks(&b.text)).collect();
    assert_eq!(seen.len(), CANARIES.len(), "the coordinator's API shows observations and concerns");
    let record = format!("/organisations/{ORG}/sessions/{}/record", written.course.meeting_ids[0]);
    let meeting = bodies.iter().find(|(_, b)| b.path == record).expect("the meeting record was tried");
    assert_eq!(meeting.1.status, StatusCode::OK, "the meeting record is fetched with a meeting's id");

    let mut summary = Vec::new();
    for email in [SECRETARY, REPRESENTATIVE] {
        let browser = app.logged_in(email).await;
        let own_feed = new_feed(&app, email, None).await;
        let exports = exports(&world, &own_feed);

        // Pages, following every link.
        let mut start = addresses.clone();
        start.extend(exports.iter().map(|(path, _)| path.clone()));
        let pages = crawl(&browser, &start).await;
        assert!(pages.len() >= start.len(), "{email} crawled only {} pages", pages.len());
        for page in &pages {
            assert!(page.status.as_u16() < 500, "{email}: {} answered {}", page.path, page.status);
            assert!(leaks(&page.text).is_empty(), "{email}: {} shows {:?}", page.path, leaks(&page.text));
        }
        let status_of = |path: &str| pages.iter().find(|p| p.path == path).expect("visited").status;
        assert_eq!(status_of(&format!("/concerns/{}", written.concern_id)), StatusCode::FORBIDDEN, "{email}");
        let observations = format!(
            "/courses/{}/participants/{}/observations",
            written.course.course_id, written.course.children[0].participant_id
        );
        assert_eq!(status_of(&observations), StatusCode::FORBIDDEN, "{email}");
        let pages_ok = pages.iter().filter(|p| p.status == StatusCode::OK).count();

        // Exports: the feeds as a calendar app fetches them (no login), the rest signed in.
        let mut exports_ok = BTreeSet::new();
        for (path, control) in &exports {
            let response = if path.starts_with("/calendar/") {
                app.bare_client().get(app.url(path)).send().await.expect("feed")
            } else {
                browser.get(path).await
            };
            let export = fetched(path, response).await;
            assert!(export.status.as_u16() < 500, "{email}: {path} answered {}", export.status);
            assert!(leaks(&export.text).is_empty(), "{email}: {path} shows {:?}", leaks(&export.text));
            if export.status == StatusCode::OK {
                assert!(export.text.contains(control), "{email}: {path} answered 200 without {control:?}");
                exports_ok.insert(path.clone());
            }
        }

        // The API, every GET operation with every id and query value.
        let bodies = api_bodies(&app, &app.token_for(email).await, &world).await;
        for (operation, body) in &bodies {
            assert!(body.status.as_u16() < 500, "{email}: {operation} GET {} answered {}", body.path, body.status);
            assert!(
                leaks(&body.text).is_empty(),
                "{email}: {operation} GET {} shows {:?}",
                body.path,
                leaks(&body.text)
            );
            if let (StatusCode::OK, Some(control)) = (body.status, api_control(&world, operation, &body.path)) {
                assert!(body.text.contains(control), "{email}: {operation} GET {} lacks {control:?}", body.path);
                exports_ok.insert(format!("api {}", body.path));
            }
        }
        let answered = |wanted: &str| bodies.iter().any(|(op, b)| op == wanted && b.status == StatusCode::OK);
        assert!(answered("getAnswerForm"), "{email}: the personal answer link opens its form");
        assert!(
            answered("getRoundResults") == (email == REPRESENTATIVE),
            "{email}: results only for the representative"
        );
        let api_ok = bodies.iter().filter(|(_, b)| b.status == StatusCode::OK).count();
        summary.push((email, pages.len(), pages_ok, bodies.len(), api_ok, exports_ok));
    }

    // Each role really read content: pages, API answers and exports that answered 200.
    let id = written.course.course_id;
    let shown_round = world.rounds[0];
    for (email, pages, pages_ok, api, api_ok, exports_ok) in &summary {
        eprintln!("{email}: {pages_ok}/{pages} pages, {api_ok}/{api} API answers, exports with 200: {exports_ok:?}");
        assert!(*pages_ok >= 60, "{email} reached only {pages_ok} pages with 200");
        assert!(*api_ok >= 50, "{email} reached only {api_ok} API answers with 200");
        assert!(exports_ok.contains(&world.course_feed), "{email} read the course's calendar feed: {exports_ok:?}");
        assert!(
            exports_ok.contains(&format!("/questionnaires/{}/export", world.questionnaire_ids[0])),
            "{email} exported a questionnaire: {exports_ok:?}"
        );
    }
    let representative = &summary[1].5;
    for path in [
        format!("/courses/{id}/report"),
        format!("/courses/{id}/evaluation/export?format=xlsx"),
        format!("/questionnaire-rounds/{shown_round}/results/export?format=csv"),
        format!("/questionnaire-rounds/{shown_round}/results/export?format=xlsx"),
        format!("api /organisations/{ORG}/courses/{id}/report"),
        format!("api /organisations/{ORG}/questionnaire-rounds/{shown_round}/results/export?format=xlsx"),
    ] {
        assert!(representative.contains(&path), "the user representative read {path}: {representative:?}");
    }
    let secretary = &summary[0].5;
    assert!(
        secretary.contains(&format!("/courses/{id}/attendance/print")),
        "the secretary read the attendance print view: {secretary:?}"
    );
    eprintln!("privacy crawl took {:.1} s", started.elapsed().as_secs_f64());
}

#[tokio::test]
async fn no_mail_carries_an_observation_or_a_concern() {
    let app = TestApp::spawn().await;
    write_canaries(&app).await;
    app.mails_without(leaks, "the guardians were sent receipts").await;
}
