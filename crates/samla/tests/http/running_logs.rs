//! The session log, homework and observations: written on the page and through the API,
//! read by the whole working group (the log) or only by the course's leaders and the
//! coordinator (observations, every read audited), with version conflicts answered 409 on
//! the page and 412 in the API.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use serde_json::json;

const LEADER: &str = "leader@a.test";
const COORDINATOR: &str = "coordinator@a.test";
const REP: &str = "rep@a.test";
const SECRETARY: &str = "secretary@a.test";
const OTHER_LEADER: &str = "other-leader@a.test";
/// Written into observations; must never reach a user representative or a secretary.
const CANARY: &str = "CANARY-OBSERVATION-r4t8";

struct Fixture {
    app: TestApp,
    course_id: i64,
    /// The course's sessions (not meetings) in time order: (id, date).
    sessions: Vec<(i64, String)>,
    /// Participants of the course (role participant): (id, name).
    participants: Vec<(i64, String)>,
    /// A participant of the other course.
    stranger: i64,
    other_course_id: i64,
    leader_id: i64,
    rep_id: i64,
    secretary_id: i64,
    other_leader_id: i64,
}

impl Fixture {
    fn log_page(&self, index: usize) -> String {
        format!("/courses/{}/sessions/{}/log", self.course_id, self.sessions[index].0)
    }

    fn log_api(&self, index: usize) -> String {
        format!("/organisations/org-a/sessions/{}/log", self.sessions[index].0)
    }

    fn observations_page(&self, participant: i64) -> String {
        format!("/courses/{}/participants/{participant}/observations", self.course_id)
    }

    fn observations_api(&self, participant: i64) -> String {
        format!("/organisations/org-a/courses/{}/participants/{participant}/observations", self.course_id)
    }

    /// The index of the first session still to come.
    fn future(&self) -> usize {
        let today = samla_web::services::intake::today(&self.app.state, "NO").to_string();
        self.sessions.iter().position(|(_, date)| *date > today).expect("a session still to come")
    }

    async fn api(&self, email: &str) -> Api {
        self.app.api(&self.app.token_for(email).await)
    }
}

async fn coordinator(app: &TestApp, user_id: i64) -> Actor {
    actor_in(app, "org-a", user_id, COORDINATOR, "Coordinator", vec![Role::Coordinator], "test").await
}
/// An adult enrolled as a participant, straight into the tables intake would fill.
async fn enrol(app: &TestApp, course_id: i64, name: &str) -> i64 {
    let pool = app.state.store.pool();
    let organisation_id = app.organisation_id("org-a").await;
    let household: i64 =
        sqlx::query_scalar("INSERT INTO households (organisation_id, created_at) VALUES ($1, $2) RETURNING id")
            .bind(organisation_id)
            .bind(app.now())
            .fetch_one(pool)
            .await
            .expect("household");
    let person: i64 = sqlx::query_scalar(
        "INSERT INTO persons (organisation_id, household_id, household_role, name, created_at)
         VALUES ($1, $2, 'adult', $3, $4) RETURNING id",
    )
    .bind(organisation_id)
    .bind(household)
    .bind(name)
    .bind(app.now())
    .fetch_one(pool)
    .await
    .expect("person");
    sqlx::query_scalar(
        "INSERT INTO course_participants (course_id, person_id, role, enrolled_at) VALUES ($1, $2, 'participant', $3)
         RETURNING id",
    )
    .bind(course_id)
    .bind(person)
    .bind(app.now())
    .fetch_one(pool)
    .await
    .expect("participant")
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", COORDINATOR, "coordinator").await;
    let leader_id = app.add_user("org-a", LEADER, "group_leader").await;
    let rep_id = app.add_user("org-a", REP, "user_representative").await;
    let secretary_id = app.add_user("org-a", SECRETARY, "secretary").await;
    let other_leader_id = app.add_user("org-a", OTHER_LEADER, "group_leader").await;
    let actor = coordinator(&app, coordinator_id).await;
    let today = samla_web::services::intake::today(&app.state, "NO");
    let start = today - chrono::Duration::weeks(3);
    let staff = [(leader_id, "group_leader"), (rep_id, "user_representative")];
    let course_id = running::mestringstreff_course(&app, &actor, "Mestringstreff, høstkurs", start, &staff).await;
    let other_start = today + chrono::Duration::weeks(5);
    let other_course_id = running::mestringstreff_course(
        &app,
        &actor,
        "Mestringstreff, vår",
        other_start,
        &[(other_leader_id, "group_leader")],
    )
    .await;
    let sessions: Vec<(i64, String)> = app
        .rows(
            "SELECT id, date FROM course_sessions WHERE course_id = $1 AND kind = 'session' ORDER BY date, id",
            (course_id,),
        )
        .await;
    assert!(sessions.len() >= 4 && sessions[1].1 < today.to_string(), "two sessions in the past: {sessions:?}");
    let mut participants = Vec::new();
    for name in ["Ada Deltaker", "Bo Deltaker", "Cim Deltaker"] {
        participants.push((enrol(&app, course_id, name).await, name.to_string()));
    }
    let stranger = enrol(&app, other_course_id, "Dag Annenkurs").await;
    Fixture {
        app,
        course_id,
        sessions,
        participants,
        stranger,
        other_course_id,
        leader_id,
        rep_id,
        secretary_id,
        other_leader_id,
    }
}

/// The text inside `<textarea name="name">`, unescaped.
fn textarea(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("<textarea id=\"{name}\""))?;
    let open_end = at + html[at..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</textarea>")?;
    Some(unescape(html[open_end..close].trim_start_matches('\n')))
}

fn log_form<'a>(version: &'a str, ticked: &[&'a str], texts: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![("version", version), ("elements", "3")];
    fields.extend(ticked.iter().map(|t| ("element", *t)));
    fields.extend_from_slice(texts);
    fields
}

#[tokio::test]
async fn a_leader_writes_the_log_on_the_page_and_the_working_group_reads_it() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let page = f.log_page(1);
    let (status, html) = leader.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("GJORT") && html.contains("LÆRT") && html.contains("LURT"), "the Mestringstreff words");
    assert_eq!(html.matches("name=\"element\"").count(), 3, "one box per planned part");
    assert!(html.contains("Oppstart") && html.contains("Hoveddel") && html.contains("Avslutning"));
    assert_eq!(input_value(&html, "version").as_deref(), Some("0"));
    assert!(html.contains("id=\"log-not-written\""));

    let fields = log_form(
        "0",
        &["0", "2"],
        &[
            ("done", "Helsekoppen og skoa.\r\nRunde om uka."),
            ("learned", "Pauser hjelper."),
            ("noticed", "Godt med kaffe først."),
            ("deviations", "Hoveddelen ble kortere."),
            ("next_time", "Start med runden om uka."),
        ],
    );
    let response = leader.submit(&page, &page, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{page}?saved=log#log-status"));
    let (_, html) = leader.get_html(&format!("{page}?saved=log")).await;
    let fidelity = element_text(&html, "fidelity").expect("fidelity shown after saving");
    assert!(fidelity.contains("67 %") && fidelity.contains("2 av 3"), "{fidelity}");
    assert_eq!(textarea(&html, "done").as_deref(), Some("Helsekoppen og skoa.\nRunde om uka."));
    assert_eq!(input_value(&html, "version").as_deref(), Some("1"));
    assert!(html.contains("id=\"element-0\" name=\"element\" type=\"checkbox\" value=\"0\" checked"));
    assert!(!html.contains("value=\"1\" checked"));
    assert_eq!(
        f.app
            .audit_count(
                "session_log.write",
                Some(("session", &f.sessions[1].0.to_string())),
                "success",
                Some(f.leader_id)
            )
            .await,
        1
    );

    // The next session's log starts with the note left for it.
    let (_, next) = leader.get_html(&f.log_page(2)).await;
    assert_eq!(element_text(&next, "previous-note").as_deref(), Some("Start med runden om uka."));

    // The user representative reads the log, without a form and without participants' names.
    let rep = f.app.logged_in(REP).await;
    let (status, html) = rep.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Pauser hjelper.") && html.contains("67 %"));
    assert!(!html.contains(&format!("action=\"{page}\"")), "no log form for a user representative");
    for (_, name) in &f.participants {
        assert!(!html.contains(name.as_str()), "a participant's name on the user representative's log page");
    }
    assert!(!html.contains("/observations"), "no way to observations");
    // The leader is offered a way to write an observation about each participant.
    let (_, html) = leader.get_html(&page).await;
    for (id, name) in &f.participants {
        assert!(html.contains(name.as_str()));
        assert!(html
            .contains(&format!("/courses/{}/participants/{id}/observations?session={}", f.course_id, f.sessions[1].0)));
    }
    // The session page leads to the log.
    let (_, session) = rep.get_html(&format!("/courses/{}/sessions/{}", f.course_id, f.sessions[1].0)).await;
    assert!(hrefs(&session).contains(&page));

    // In English too.
    rep.submit(&page, "/language", &[("lang", "en"), ("return_to", &page)]).await;
    let (_, html) = rep.get_html(&page).await;
    assert!(html.contains("Log of session 2") && html.contains("Done as planned: 67 %"), "English page");
}

#[tokio::test]
async fn the_api_writes_and_reads_the_log_with_versions() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let path = f.log_api(0);
    let response = api.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"v0\"");
    let (_, empty) = Api::json_of(response).await;
    assert_eq!(empty["version"], 0);
    assert_eq!(empty["written"], false);
    assert_eq!(empty["planned_elements"].as_array().map(Vec::len), Some(3));
    assert_eq!(empty["planned_elements"][0]["name"], "Oppstart");
    assert_eq!(empty["elements_done"], json!([false, false, false]));
    assert_eq!(empty["session_number"], 1);

    let body = json!({"done": "Runde og helsekopp.", "learned": "Mye.", "elements_done": [true, true, false]});
    let response = api.send_json(Method::PUT, &path, &body).await;
    assert_eq!(response.status(), StatusCode::OK, "the first save needs no If-Match");
    assert_eq!(response.headers()["etag"], "\"v1\"");
    let (_, saved) = Api::json_of(response).await;
    assert_eq!(saved["fidelity"], 67);
    assert_eq!(saved["written"], true);
    assert_eq!(saved["written_by"], "Test Person");

    let changed = json!({"done": "Runde, helsekopp og skoa.", "elements_done": [true, true, true]});
    let missing = api.send_json(Method::PUT, &path, &changed).await;
    assert_eq!(missing.status(), StatusCode::PRECONDITION_REQUIRED, "once a log exists, If-Match is required");
    let stale = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v0\""), &changed).await;
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.headers()["content-type"], "application/problem+json");
    let create_only = api.send_json_with(Method::PUT, &path, ("If-None-Match", "*"), &changed).await;
    assert_eq!(create_only.status(), StatusCode::PRECONDITION_FAILED);
    let response = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v1\""), &changed).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"v2\"");
    // The same save sent again (a lost answer) changes nothing and is not a conflict.
    let again = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v1\""), &changed).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.headers()["etag"], "\"v2\"");

    let (status, read) = api.get_json(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["version"], 2);
    assert_eq!(read["fidelity"], 100);
    assert_eq!(read["done"], "Runde, helsekopp og skoa.");
    assert_eq!(read["learned"], "", "a save replaces the whole log");
    assert_eq!(
        f.app.audit_count("session_log.write", Some(("session", &f.sessions[0].0.to_string())), "success", None).await,
        2
    );

    // A meeting has no log; another organisation's session is not found.
    let meeting: Option<i64> =
        sqlx::query_scalar("SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'meeting' LIMIT 1")
            .bind(f.course_id)
            .fetch_optional(f.app.state.store.pool())
            .await
            .unwrap();
    if let Some(meeting) = meeting {
        assert_eq!(
            api.get(&format!("/organisations/org-a/sessions/{meeting}/log")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(api.get("/organisations/org-a/sessions/999999/log").await.status(), StatusCode::NOT_FOUND);
}

/// `If-Match: *` replaces whatever log is written when the save is made: saves sent at
/// once are written one after the other, none refused as stale; with no log, `*` matches
/// nothing.
#[tokio::test]
async fn log_saves_with_if_match_any_sent_at_once_are_each_written() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let path = f.log_api(0);
    let body = json!({"done": "Runde og helsekopp.", "elements_done": [true, true, false]});
    let any = ("If-Match", "*");
    let nothing_yet = api.send_json_with(Method::PUT, &path, any, &body).await;
    assert_eq!(nothing_yet.status(), StatusCode::PRECONDITION_FAILED, "no log for * to match");
    assert_eq!(api.send_json(Method::PUT, &path, &body).await.status(), StatusCode::OK, "the first save");
    let bodies: Vec<serde_json::Value> = ["To", "Tre", "Fire", "Fem", "Seks"]
        .iter()
        .map(|done| json!({"done": done, "elements_done": [true, true, true]}))
        .collect();
    let save = |body| crate::common::put_over_any(&api, &path, body);
    let (a, b, c, d, e) =
        tokio::join!(save(&bodies[0]), save(&bodies[1]), save(&bodies[2]), save(&bodies[3]), save(&bodies[4]));
    assert_eq!([a, b, c, d, e], [StatusCode::OK; 5]);
    let (_, read) = api.get_json(&path).await;
    assert_eq!(read["version"], 6, "each save written: {read}");
}

#[tokio::test]
async fn invalid_logs_are_refused_with_the_input_kept() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let page = f.log_page(0);
    let long = "x".repeat(4001);
    let fields = log_form("0", &["0", "4"], &[("done", long.as_str()), ("learned", "Dette skal stå igjen.")]);
    let response = leader.submit(&page, &page, &fields).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("høyst 4000 tegn"), "{summary}");
    assert!(summary.contains("de 3 planlagte delene"), "{summary}");
    assert!(html.contains("href=\"#done\"") && html.contains("href=\"#elements_done\""));
    assert_eq!(textarea(&html, "learned").as_deref(), Some("Dette skal stå igjen."));
    assert_eq!(textarea(&html, "done").map(|t| t.len()), Some(4001));
    assert!(html.contains("id=\"element-0\" name=\"element\" type=\"checkbox\" value=\"0\" checked"));

    // Nothing but ticks is not a log.
    let response = leader.submit(&page, &page, &log_form("0", &["1"], &[("done", "  ")])).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error_summary(&response.text().await.unwrap()).unwrap().contains("minst ett av tekstfeltene"));
    assert_eq!(f.app.audit_count("session_log.write", None, "success", None).await, 0);

    let api = f.api(LEADER).await;
    let wrong_count = json!({"done": "Runde.", "elements_done": [true]});
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &f.log_api(0), &wrong_count).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "elements_done");
    let too_long = json!({"done": long, "elements_done": [true, false, false]});
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &f.log_api(0), &too_long).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "done");
    let unknown = json!({"done": "Runde.", "elements_done": [true, false, false], "child": "x"});
    assert_eq!(api.send_json(Method::PUT, &f.log_api(0), &unknown).await.status(), StatusCode::BAD_REQUEST);

    // A session still to come: no form on the page, refused in the API.
    let future = f.future();
    let (_, html) = leader.get_html(&f.log_page(future)).await;
    assert!(element_text(&html, "session").is_some_and(|t| t.contains("samme dag som samlingen")), "closed notice");
    assert!(!html.contains("name=\"done\""));
    let early = json!({"done": "For tidlig.", "elements_done": [false, false, false]});
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &f.log_api(future), &early).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "session");
}

#[tokio::test]
async fn two_leaders_saving_at_once_get_one_winner_and_a_clear_conflict() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let coordinator = f.app.logged_in(COORDINATOR).await;
    let page = f.log_page(1);
    // Both open the empty log; the leader saves first.
    let coordinator_csrf = coordinator.csrf(&page).await;
    let first = log_form("0", &["0"], &[("done", "Lederens versjon.")]);
    assert_eq!(leader.submit(&page, &page, &first).await.status(), StatusCode::SEE_OTHER);
    let mut second = vec![("csrf", coordinator_csrf.as_str())];
    second.extend(log_form("0", &["1"], &[("done", "Koordinatorens versjon."), ("learned", "Noe annet.")]));
    let response = coordinator.post_form(&page, &second).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).unwrap().contains("Noen andre har lagret loggen"));
    assert_eq!(textarea(&html, "done").as_deref(), Some("Koordinatorens versjon."), "the typed text is kept");
    assert_eq!(element_text(&html, "saved-done").as_deref(), Some("Lederens versjon."), "the saved log is shown");
    assert_eq!(input_value(&html, "version").as_deref(), Some("1"), "saving again overwrites knowingly");
    assert!(html.contains("id=\"element-1\" name=\"element\" type=\"checkbox\" value=\"1\" checked"));

    // The stored log is the leader's until the coordinator saves again.
    let api = f.api(COORDINATOR).await;
    assert_eq!(api.get_json(&f.log_api(1)).await.1["done"], "Lederens versjon.");
    let again = log_form("1", &["1"], &[("done", "Koordinatorens versjon.")]);
    assert_eq!(coordinator.submit(&page, &page, &again).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(api.get_json(&f.log_api(1)).await.1["done"], "Koordinatorens versjon.");
}

#[tokio::test]
async fn a_user_representative_reads_the_log_but_cannot_write_it() {
    let f = fixture().await;
    let leader_api = f.api(LEADER).await;
    let body = json!({"done": "Runde.", "elements_done": [true, false, true]});
    assert_eq!(leader_api.send_json(Method::PUT, &f.log_api(0), &body).await.status(), StatusCode::OK);

    let rep_api = f.api(REP).await;
    let (status, log) = rep_api.get_json(&f.log_api(0)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(log["done"], "Runde.");
    let attempt = json!({"done": "Brukerrepresentantens.", "elements_done": [true, true, true]});
    let response = rep_api.request(Method::PUT, &f.log_api(0)).header("If-Match", "\"v1\"").json(&attempt).send().await;
    assert_eq!(response.unwrap().status(), StatusCode::FORBIDDEN);
    let rep = f.app.logged_in(REP).await;
    let page = f.log_page(0);
    let response = rep.submit(&page, &page, &log_form("1", &[], &[("done", "Brukerrepresentantens.")])).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(f.app.audit_count("record_session_work", None, "denied", Some(f.rep_id)).await >= 2, "denials audited");
    assert_eq!(leader_api.get_json(&f.log_api(0)).await.1["done"], "Runde.");
    let homework = json!({"description": "Skriv ned tre ting."});
    let path = format!("/organisations/org-a/sessions/{}/homework", f.sessions[0].0);
    assert_eq!(rep_api.send_json(Method::POST, &path, &homework).await.status(), StatusCode::FORBIDDEN);

    // A leader of another course neither reads nor writes this course's log.
    let other = f.api(OTHER_LEADER).await;
    assert_eq!(other.get(&f.log_api(0)).await.status(), StatusCode::FORBIDDEN);
    let (status, _) = f.app.logged_in(OTHER_LEADER).await.get_html(&page).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        f.app
            .audit_count(
                "view_session_records",
                Some(("course", &f.course_id.to_string())),
                "denied",
                Some(f.other_leader_id)
            )
            .await
            >= 2
    );
}

#[tokio::test]
async fn homework_is_given_and_reviewed_at_the_next_session() {
    let f = fixture().await;
    let leader = f.app.logged_in(LEADER).await;
    let first = f.log_page(0);
    let (_, html) = leader.get_html(&first).await;
    let suggestion = textarea(&html, "description").expect("homework form");
    assert!(suggestion.starts_with("Velg ett område du gjerne vil mestre bedre"), "the plan's homework: {suggestion}");
    let action = format!("/courses/{}/sessions/{}/homework", f.course_id, f.sessions[0].0);
    let response = leader.submit(&first, &action, &[("description", " ")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = leader.submit(&first, &action, &[("description", "Velg ett område å mestre bedre.")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = leader.get_html(&first).await;
    assert!(html.contains("Velg ett område å mestre bedre."));
    assert_eq!(textarea(&html, "description").as_deref(), Some(""), "no suggestion once homework is given");

    // At the next session it is there to review.
    let second = f.log_page(1);
    let (_, html) = leader.get_html(&second).await;
    let homework_id: i64 = f.app.scalar("SELECT id FROM homework WHERE session_id = $1", (f.sessions[0].0,)).await;
    assert!(html.contains(&format!("id=\"review-{homework_id}\"")));
    let review = format!("/courses/{}/sessions/{}/homework/{homework_id}/review", f.course_id, f.sessions[1].0);
    let field = format!("note-{homework_id}");
    let long = "y".repeat(2001);
    let response = leader.submit(&second, &review, &[(field.as_str(), long.as_str())]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(&format!("href=\"#{field}\"")));
    assert_eq!(textarea(&html, &field).map(|t| t.len()), Some(2001));
    let response = leader.submit(&second, &review, &[(field.as_str(), "De fleste hadde gjort den.")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let rep = f.app.logged_in(REP).await;
    let (_, html) = rep.get_html(&first).await;
    assert!(html.contains("Gjennomgått på samling 2") && html.contains("De fleste hadde gjort den."));
    assert!(!html.contains("name=\"description\""), "no homework form for a user representative");

    // The API: list, give, review (by default at the next session; never at an earlier one).
    let api = f.api(LEADER).await;
    let path = format!("/organisations/org-a/sessions/{}/homework", f.sessions[1].0);
    let (status, created) =
        Api::json_of(api.send_json(Method::POST, &path, &json!({"description": "Fyll ut skjemaet."})).await).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(created["session_id"], f.sessions[1].0);
    assert_eq!(created["reviewed_session_id"], serde_json::Value::Null);
    let (_, list) = f.api(REP).await.get_json(&path).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    let review_path = format!("/organisations/org-a/homework/{}/review", created["id"]);
    let earlier = json!({"note": "Feil samling.", "session_id": f.sessions[0].0});
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &review_path, &earlier).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "session_id");
    let (status, reviewed) =
        Api::json_of(api.send_json(Method::PUT, &review_path, &json!({"note": "Bra."})).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reviewed["reviewed_session_id"], f.sessions[2].0);
    assert_eq!(reviewed["review_note"], "Bra.");
    assert_eq!(f.app.audit_count("homework.review", None, "success", Some(f.leader_id)).await, 2);
    assert_eq!(
        api.send_json(Method::PUT, "/organisations/org-a/homework/999999/review", &json!({})).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn reads(app: &TestApp, participant: i64) -> i64 {
    app.audit_count("observation.read", Some(("participant", &participant.to_string())), "success", None).await
}

#[tokio::test]
async fn observations_reach_only_the_courses_leaders_and_every_read_is_audited() {
    let f = fixture().await;
    let (participant, name) = f.participants[0].clone();
    let page = f.observations_page(participant);
    let leader = f.app.logged_in(LEADER).await;

    let (status, html) = leader.get_html(&format!("{page}?session={}", f.sessions[1].0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&name) && html.contains("id=\"observations-sensitive\""));
    assert!(html.contains(&format!("<option value=\"{}\" selected>", f.sessions[1].0)), "the session it came from");
    assert_eq!(reads(&f.app, participant).await, 1);
    let session = f.sessions[1].0.to_string();
    let response = leader.submit(&page, &page, &[("body", " "), ("session_id", session.as_str())]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = format!("{CANARY}: stille i dag, snakket i pausen.");
    let response = leader.submit(&page, &page, &[("body", body.as_str()), ("session_id", session.as_str())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let reads_before = reads(&f.app, participant).await;
    let (_, html) = leader.get_html(&location(&response)).await;
    assert!(html.contains(CANARY) && html.contains("Samling 2"));
    assert_eq!(reads(&f.app, participant).await, reads_before + 1, "every showing is a read");
    assert_eq!(
        f.app
            .audit_count(
                "observation.create",
                Some(("participant", &participant.to_string())),
                "success",
                Some(f.leader_id)
            )
            .await,
        1
    );

    // The API: the coordinator reads (audited) and writes.
    let api = f.api(COORDINATOR).await;
    let before = reads(&f.app, participant).await;
    let list = api.get_ok(&f.observations_api(participant)).await;
    assert_eq!(list["items"][0]["session_id"], f.sessions[1].0);
    assert!(list["items"][0]["body"].as_str().unwrap().starts_with(CANARY));
    assert_eq!(reads(&f.app, participant).await, before + 1);
    let (status, created) = Api::json_of(
        api.send_json(Method::POST, &f.observations_api(participant), &json!({"body": "Ny observasjon."})).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(created["session_id"], serde_json::Value::Null);
    let (_, list) = api.get_json(&f.observations_api(participant)).await;
    assert_eq!(list["items"][0]["body"], "Ny observasjon.", "newest first");
    let wrong_session = json!({"body": "Feil.", "session_id": 999999});
    let (status, problem) =
        Api::json_of(api.send_json(Method::POST, &f.observations_api(participant), &wrong_session).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "session_id");
    // A participant of another course is not found through this one.
    assert_eq!(api.get(&f.observations_api(f.stranger)).await.status(), StatusCode::NOT_FOUND);

    // Never for a user representative or a secretary, nor a leader of another course.
    let reads_before = reads(&f.app, participant).await;
    for (email, user_id) in [(REP, f.rep_id), (SECRETARY, f.secretary_id), (OTHER_LEADER, f.other_leader_id)] {
        let browser = f.app.logged_in(email).await;
        let (status, html) = browser.get_html(&page).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email} on the page");
        assert!(!html.contains(CANARY));
        let response = browser.submit("/", &page, &[("body", "Forsøk.")]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email} writing on the page");
        let api = f.api(email).await;
        let response = api.get(&f.observations_api(participant)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email} in the API");
        assert!(!response.text().await.unwrap().contains(CANARY));
        let attempt = api.send_json(Method::POST, &f.observations_api(participant), &json!({"body": "Forsøk."})).await;
        assert_eq!(attempt.status(), StatusCode::FORBIDDEN, "{email} writing in the API");
        let denied = f.app.audit_count("view_sensitive_personal_data", None, "denied", Some(user_id)).await;
        assert!(denied >= 2, "{email}: denials audited");
        // Nor on the log page, nor in the log's API answer (a secretary reads no log at all).
        let (status, log) = browser.get_html(&f.log_page(1)).await;
        assert!(!log.contains(CANARY) && !log.contains("/observations"), "{email}'s log page");
        let (api_status, json) = api.get_json(&f.log_api(1)).await;
        assert!(!json.to_string().contains(CANARY));
        let expected = if email == REP { StatusCode::OK } else { StatusCode::FORBIDDEN };
        assert_eq!((status, api_status), (expected, expected), "{email} and the log");
    }
    assert_eq!(reads(&f.app, participant).await, reads_before, "a refused read is not a read");
    let count: i64 = f.app.scalar("SELECT COUNT(*) FROM observations", ()).await;
    assert_eq!(count, 2, "no refused write was stored");
    let _ = f.other_course_id;
}

#[tokio::test]
async fn a_resent_first_save_without_if_match_gets_the_first_answer() {
    let f = fixture().await;
    let api = f.api(LEADER).await;
    let path = f.log_api(0);
    let body = json!({"done": "Runde og helsekopp.", "learned": "Mye.", "elements_done": [true, true, false]});
    let first = api.send_json(Method::PUT, &path, &body).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["etag"], "\"v1\"");
    let (_, first) = Api::json_of(first).await;

    // The answer was lost; the client sends exactly the same request again.
    let again = api.send_json(Method::PUT, &path, &body).await;
    assert_eq!(again.status(), StatusCode::OK, "a resend is answered as the save was, not with 428");
    assert_eq!(again.headers()["etag"], "\"v1\"");
    let (_, again) = Api::json_of(again).await;
    assert_eq!(again, first, "the same answer");
    let session = f.sessions[0].0.to_string();
    let writes = || f.app.audit_count("session_log.write", Some(("session", &session)), "success", None);
    assert_eq!(writes().await, 1, "nothing written again");

    // Another log without If-Match is still 428; with an old version, 412.
    let other = json!({"done": "Noe annet.", "elements_done": [true, true, true]});
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, &path, &other).await).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{problem}");
    let stale = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v0\""), &other).await;
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
    // A resend of a save made with If-None-Match: * is answered too.
    let create_only = api.send_json_with(Method::PUT, &path, ("If-None-Match", "*"), &body).await;
    assert_eq!(create_only.status(), StatusCode::OK);
    assert_eq!(create_only.headers()["etag"], "\"v1\"");
    assert_eq!(writes().await, 1);
    let (_, read) = api.get_json(&path).await;
    assert_eq!((read["version"].as_i64(), read["done"].as_str()), (Some(1), Some("Runde og helsekopp.")));
}

#[tokio::test]
async fn a_secretary_reads_no_log_and_no_homework() {
    let f = fixture().await;
    let leader = f.api(LEADER).await;
    let body = json!({"done": "Runde.", "elements_done": [true, false, true]});
    assert_eq!(leader.send_json(Method::PUT, &f.log_api(0), &body).await.status(), StatusCode::OK);
    let homework_path = format!("/organisations/org-a/sessions/{}/homework", f.sessions[0].0);
    let homework = json!({"description": "Skriv ned tre ting."});
    assert_eq!(leader.send_json(Method::POST, &homework_path, &homework).await.status(), StatusCode::CREATED);
    let session_page = format!("/courses/{}/sessions/{}", f.course_id, f.sessions[0].0);

    let secretary = f.app.logged_in(SECRETARY).await;
    let (status, html) = secretary.get_html(&f.log_page(0)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the log page");
    assert!(!html.contains("Runde.") && !html.contains("Skriv ned tre ting."));
    let (status, html) = secretary.get_html(&session_page).await;
    assert_eq!(status, StatusCode::OK, "the session itself is theirs to see");
    assert!(!hrefs(&html).contains(&f.log_page(0)), "no way to the log");
    let api = f.api(SECRETARY).await;
    let (status, log) = api.get_json(&f.log_api(0)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "getSessionLog: {log}");
    assert!(!log.to_string().contains("Runde."));
    let (status, list) = api.get_json(&homework_path).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "listHomework: {list}");
    assert!(!list.to_string().contains("Skriv ned"));
    let denied = f.app.audit_count("view_session_records", None, "denied", Some(f.secretary_id)).await;
    assert!(denied >= 3, "the refusals are audited: {denied}");

    // The user representative on the course reads both.
    let rep = f.app.logged_in(REP).await;
    let (status, html) = rep.get_html(&f.log_page(0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Runde.") && html.contains("Skriv ned tre ting."));
    let (_, html) = rep.get_html(&session_page).await;
    assert!(hrefs(&html).contains(&f.log_page(0)), "the way to the log");
    let rep_api = f.api(REP).await;
    let (status, log) = rep_api.get_json(&f.log_api(0)).await;
    assert_eq!((status, log["done"].as_str()), (StatusCode::OK, Some("Runde.")));
    let (status, list) = rep_api.get_json(&homework_path).await;
    assert_eq!((status, list["items"][0]["description"].as_str()), (StatusCode::OK, Some("Skriv ned tre ting.")));
}
