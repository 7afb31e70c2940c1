//! Rounds of asking on a running course, through the API and the pages: a session
//! evaluation with a QR code, who each audience asks, invitations and the one reminder
//! through the outbox with the controllable clock (to a real SMTP server), the outcome
//! schedule's days, closing, 422s naming every field, and who may see what (user
//! representatives see counts, never names; nobody sees answers here).

use crate::common::running::{self, COORDINATOR, LEADER, OTHER_LEADER, REPRESENTATIVE, SECRETARY};
use crate::common::*;
use chrono::{Duration, NaiveDate};
use reqwest::{Method, StatusCode};
use samla_web::services::questionnaires::rounds as service;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const A: &str = "/organisations/org-a";
const ARRIVAL: std::time::Duration = std::time::Duration::from_secs(20);

struct Fixture {
    app: TestApp,
    course: running::RunningCourse,
}

impl Fixture {
    async fn new(app: TestApp) -> Fixture {
        let course = running::seed(&app).await;
        Fixture { app, course }
    }

    async fn api(&self, email: &str) -> Api {
        self.app.api(&self.app.token_for(email).await)
    }

    async fn questionnaire(&self, slug: &str) -> i64 {
        questionnaires::shipped(&self.app, self.course.organisation_id, slug).await
    }

    async fn start(&self, api: &Api, body: Value) -> (StatusCode, Value) {
        send(api, Method::POST, &format!("{A}/courses/{}/questionnaire-rounds", self.course.course_id), &body).await
    }

    async fn session_date(&self, session_id: i64) -> NaiveDate {
        let raw: String = self.app.scalar("SELECT date FROM course_sessions WHERE id = $1", (session_id,)).await;
        day(&raw)
    }

    fn today(&self) -> NaiveDate {
        samla_web::services::intake::today(&self.app.state, "NO")
    }
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

fn fields(problem: &Value) -> BTreeSet<String> {
    problem["errors"]
        .as_array()
        .map(|all| all.iter().map(|e| e["field"].as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// (to, subject, body) of queued mails of a template.
async fn outbox_of(app: &TestApp, template: &str) -> Vec<(String, String, String)> {
    app.rows("SELECT to_address, subject, body_text FROM outbox_messages WHERE template = $1 ORDER BY id", (template,))
        .await
}

#[tokio::test]
async fn a_leader_starts_a_session_evaluation_with_a_qr_code() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let leader = f.api(LEADER).await;
    let questionnaire = f.questionnaire("session-evaluation").await;
    let session = f.course.session_ids[2];
    let (status, round) = f
        .start(
            &leader,
            json!({ "questionnaire_id": questionnaire, "audience": "participants", "mode": "anonymous",
                    "timing": "session", "session_id": session, "qr_code": true }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{round}");
    let link = round["open_link"].as_str().expect("an open link");
    assert!(link.starts_with(&f.app.url("/q/")), "{link}");
    let session_day = f.session_date(session).await;
    assert_eq!(round["opens_on"], session_day.to_string());
    assert_eq!(round["closes_on"], (session_day + Duration::days(7)).to_string());
    assert_eq!(round["session_id"], session);
    assert_eq!(round["qr_code"], true);
    assert_eq!(round["counts"]["asked"], 0, "a QR round makes no personal links");
    let latest: i64 =
        f.app.scalar("SELECT MAX(id) FROM questionnaire_versions WHERE questionnaire_id = $1", (questionnaire,)).await;
    assert_eq!(round["version_id"], latest);
    assert_eq!(f.app.audit_rows("questionnaire_round.start").await.len(), 1);

    // Listed on the course, and readable on its own.
    let list = leader.get_ok(&format!("{A}/courses/{}/questionnaire-rounds", f.course.course_id)).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let id = round["id"].as_i64().unwrap();
    let one = leader.get_ok(&format!("{A}/questionnaire-rounds/{id}")).await;
    assert_eq!(one["title"], round["title"]);
    assert!(!one["title"].as_str().unwrap().is_empty());

    // The hub and the round's page show it, with a QR code big enough to scan.
    let browser = f.app.logged_in(LEADER).await;
    let (status, html) = browser.get_html(&format!("/courses/{}/evaluations", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let html = unescape(&html);
    assert!(html.contains(&format!("/courses/{}/questionnaire-rounds/{id}", f.course.course_id)));
    let (status, html) = browser.get_html(&format!("/courses/{}/questionnaire-rounds/{id}", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let html = unescape(&html);
    assert!(html.contains("data:image/svg+xml;base64,"), "a QR code");
    assert!(html.contains(link), "the short link");
}

#[tokio::test]
async fn each_audience_asks_its_people_and_the_list_holds_no_answers() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let coordinator = f.api(COORDINATOR).await;
    let questionnaire = f.questionnaire("smil-parents").await;
    let later = (f.today() + Duration::days(3)).to_string();
    let mut ids = Vec::new();
    for (audience, mode) in [("participants", "anonymous"), ("guardians", "identified"), ("staff", "anonymous")] {
        let (status, round) = f
            .start(
                &coordinator,
                json!({ "questionnaire_id": questionnaire, "audience": audience, "mode": mode, "timing": "other",
                        "opens_on": later }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{audience}: {round}");
        assert_eq!(round["state"], "scheduled");
        assert_eq!(round["counts"]["asked"], 3, "{audience}");
        assert_eq!(round["counts"]["invited"], 0, "{audience}: not before the opening day");
        ids.push(round["id"].as_i64().unwrap());
    }
    let names = |items: &Value| -> BTreeSet<String> {
        items["items"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
    };
    let (status, children) = coordinator.get_json(&format!("{A}/questionnaire-rounds/{}/recipients", ids[0])).await;
    assert_eq!(status, StatusCode::OK, "{children}");
    assert_eq!(names(&children), f.course.children.iter().map(|c| c.name.to_string()).collect());
    assert!(children["items"].as_array().unwrap().iter().all(|r| r["role"] == "participant" && r["about"].is_null()));

    let (_, guardians) = coordinator.get_json(&format!("{A}/questionnaire-rounds/{}/recipients", ids[1])).await;
    let expected: BTreeSet<String> = f.course.children.iter().map(|c| format!("Foresatt til {}", c.name)).collect();
    assert_eq!(names(&guardians), expected);
    for r in guardians["items"].as_array().unwrap() {
        assert_eq!(r["role"], "guardian");
        assert_eq!(r["has_email"], true);
        assert_eq!(format!("Foresatt til {}", r["about"].as_str().unwrap()), r["name"].as_str().unwrap());
        let keys: BTreeSet<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["about", "answered", "answered_on", "has_email", "id", "invited", "name", "reminded", "role"].into(),
            "nothing about answers but whether and when"
        );
    }
    let (_, staff) = coordinator.get_json(&format!("{A}/questionnaire-rounds/{}/recipients", ids[2])).await;
    assert_eq!(staff["items"].as_array().unwrap().len(), 3, "two leaders and the user representative");
    assert!(staff["items"].as_array().unwrap().iter().all(|r| r["role"] == "staff"));
    assert_eq!(f.app.audit_rows("questionnaire_round.recipients").await.len(), 3, "every look is audited");

    // A dropped-out child is not asked.
    f.app
        .execute(
            "UPDATE course_participants SET status = 'dropped_out' WHERE id = $1",
            (f.course.children[0].participant_id,),
        )
        .await;
    let (status, round) = f
        .start(
            &coordinator,
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "identified",
                    "timing": "end" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{round}");
    assert_eq!(round["counts"]["asked"], 2);
}

/// The mails carrying a round's personal link (seeding sends application receipts too).
async fn invitations(server: &MailServer, count: usize) -> Vec<ReceivedMail> {
    let until = std::time::Instant::now() + ARRIVAL;
    loop {
        let found: Vec<ReceivedMail> = server.received().into_iter().filter(|m| m.body.contains("/a/")).collect();
        if found.len() >= count || std::time::Instant::now() > until {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn invitations_go_out_on_the_opening_day_and_one_reminder_later() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let f = Fixture::new(app).await;
    let coordinator = f.api(COORDINATOR).await;
    let questionnaire = f.questionnaire("smil-parents").await;

    // Opening today: invitations at once.
    let (status, now_round) = f
        .start(
            &coordinator,
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "anonymous", "timing": "other" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{now_round}");
    assert_eq!(now_round["counts"]["invited"], 3);
    assert!(now_round["invitations_sent_at"].is_i64());
    let received = invitations(&server, 3).await;
    let mut to: Vec<String> = received.iter().map(|m| m.envelope_to.clone()).collect();
    to.sort();
    let mut expected: Vec<String> = f.course.children.iter().map(|c| c.guardian_email.to_string()).collect();
    expected.sort();
    assert_eq!(to, expected);
    for mail in &received {
        assert!(mail.body.contains(&f.app.url("/a/")), "{}", mail.body);
        for secret in [running::COURSE_NAME, "Mestringsgrupper", "Ada", "Brage", "Cecilie", "SMIL"] {
            assert!(!mail.body.contains(secret) && !mail.subject.contains(secret), "tells {secret}: {}", mail.body);
        }
    }
    // The link in the mail is the recipient's: its hash is stored, not the token.
    let token = received[0].body.split("/a/").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    let stored: i64 = f
        .app
        .scalar(
            "SELECT COUNT(*) FROM round_recipients WHERE token_hash = $1",
            (samla_domain::secrets::hash_secret(&token),),
        )
        .await;
    assert_eq!(stored, 1);
    let plain: i64 = f.app.scalar("SELECT COUNT(*) FROM round_recipients WHERE token_hash = $1", (&token,)).await;
    assert_eq!(plain, 0);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0, "once");

    // Opening in three days: nothing before, then the invitations.
    let opens = f.today() + Duration::days(3);
    let closes = opens + Duration::days(20);
    let (status, later) = f
        .start(
            &coordinator,
            json!({ "questionnaire_id": questionnaire, "audience": "staff", "mode": "anonymous", "timing": "other",
                    "opens_on": opens.to_string(), "closes_on": closes.to_string() }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{later}");
    let later_id = later["id"].as_i64().unwrap();
    f.app.state.clock.advance(2 * 86_400);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0);
    assert!(outbox_of(&f.app, "qround-invitation").await.len() == 3);
    f.app.state.clock.advance(86_400);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 3, "leaders and the user representative");
    let invited: BTreeSet<String> =
        outbox_of(&f.app, "qround-invitation").await.into_iter().skip(3).map(|m| m.0).collect();
    assert_eq!(invited, ["co-leader@a.test", "leader@a.test", "rep@a.test"].map(String::from).into());

    // One of them answers; the reminder, seven days after the invitation, goes to the others once.
    f.app
        .execute(
            "UPDATE round_recipients SET answered_on = $1
         WHERE round_id = $2 AND user_id = (SELECT id FROM users WHERE email = 'leader@a.test')",
            (f.today().to_string(), later_id),
        )
        .await;
    f.app.state.clock.advance(6 * 86_400);
    // The first round, invited nine days ago, has its reminder due as well: its 3 guardians.
    let first_reminders = service::send_due(&f.app.state).await.unwrap();
    assert_eq!(first_reminders, 3, "the first round's guardians, a week after their invitation");
    assert!(outbox_of(&f.app, "qround-reminder").await.iter().all(|m| m.0.contains("guardian")));
    f.app.state.clock.advance(86_400);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 2, "not the one who answered");
    let reminded: BTreeSet<String> =
        outbox_of(&f.app, "qround-reminder").await.into_iter().skip(3).map(|m| m.0).collect();
    assert_eq!(reminded, ["co-leader@a.test", "rep@a.test"].map(String::from).into());
    f.app.state.clock.advance(86_400);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0, "the reminder goes once");
    let (_, round) = coordinator.get_json(&format!("{A}/questionnaire-rounds/{later_id}")).await;
    assert_eq!(round["counts"]["reminded"], 2);
    assert_eq!(round["counts"]["answered"], 1);
}

#[tokio::test]
async fn people_who_join_after_the_invitations_are_asked_while_the_round_is_open() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let f = Fixture::new(app).await;
    let coordinator = f.api(COORDINATOR).await;
    let actor =
        running::actor(&f.app, f.course.coordinator_id, COORDINATOR, vec![samla_domain::Role::Coordinator]).await;
    let questionnaire = f.questionnaire("smil-parents").await;
    let window =
        json!({ "opens_on": f.today().to_string(), "closes_on": (f.today() + Duration::days(14)).to_string() });
    let start = |course_id: i64, audience: &str, extra: Value| {
        let mut body = json!({ "questionnaire_id": questionnaire, "audience": audience, "mode": "identified",
                               "timing": "other" });
        for (k, v) in window.as_object().unwrap().iter().chain(extra.as_object().unwrap()) {
            body[k] = v.clone();
        }
        let path = format!("{A}/courses/{course_id}/questionnaire-rounds");
        let coordinator = &coordinator;
        async move { send(coordinator, Method::POST, &path, &body).await }
    };

    // A course still recruiting asks its families before it starts; a child enrolled after
    // the invitations went out is asked too.
    let next = running::plan_course(&f.app, &actor, "Neste gruppe", f.today() + Duration::days(21)).await;
    running::add_staff(&f.app, &actor, next, f.course.leader_id, "group_leader").await;
    running::add_staff(&f.app, &actor, next, f.course.co_leader_id, "group_leader").await;
    running::move_through(&f.app, &actor, next, &["ready", "recruiting"]).await;
    running::enrol_child(&f.app, &actor, next, ("Dina Sand", "2016-06-01", "dina.guardian@example.test"), false).await;
    let (status, before) = start(next, "guardians", json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{before}");
    // A round about one session asks only those who were there.
    let (status, session_round) = start(
        f.course.course_id,
        "staff",
        json!({ "mode": "anonymous", "timing": "session", "session_id": f.course.session_ids[0] }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session_round}");
    let (status, staff_round) = start(f.course.course_id, "staff", json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{staff_round}");
    assert_eq!(invitations(&server, 7).await.len(), 7, "one guardian, three staff twice");
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0, "nobody new");

    let late =
        running::enrol_child(&f.app, &actor, next, ("Even Ås", "2015-02-02", "even.guardian@example.test"), false)
            .await;
    running::add_staff(&f.app, &actor, f.course.course_id, f.course.other_leader_id, "group_leader").await;
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 2, "the new child's guardian and the new leader");
    let received = invitations(&server, 9).await;
    for to in [late.guardian_email, running::OTHER_LEADER] {
        assert_eq!(received.iter().filter(|m| m.envelope_to == to).count(), 1, "{to}");
    }
    let asked = |id: &Value| {
        let path = format!("{A}/questionnaire-rounds/{id}");
        let coordinator = &coordinator;
        async move { coordinator.get_json(&path).await.1["counts"]["asked"].clone() }
    };
    assert_eq!(asked(&before["id"]).await, 2);
    assert_eq!(asked(&staff_round["id"]).await, 4);
    assert_eq!(asked(&session_round["id"]).await, 3, "the session's round stays as it was");
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0, "asked once");

    // Once a round is closed, nobody is added to it.
    let path = format!("{A}/questionnaire-rounds/{}/close", before["id"]);
    assert_eq!(send(&coordinator, Method::POST, &path, &json!({})).await.0, StatusCode::OK);
    running::enrol_child(&f.app, &actor, next, ("Frida Li", "2016-08-08", "frida.guardian@example.test"), false).await;
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0);
    assert_eq!(asked(&before["id"]).await, 2);
}

#[tokio::test]
async fn outcome_rounds_are_before_at_the_end_and_months_after() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let leader = f.api(LEADER).await;
    let questionnaire = f.questionnaire("smil-parents").await;
    let path = format!("{A}/courses/{}/outcome-rounds", f.course.course_id);
    let (status, body) = send(
        &leader,
        Method::POST,
        &path,
        &json!({ "questionnaire_id": questionnaire, "audience": "guardians", "follow_up_months": 3 }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let rounds = body["items"].as_array().unwrap();
    assert_eq!(rounds.len(), 3);
    let last = f.session_date(*f.course.session_ids.last().unwrap()).await;
    let today = f.today();
    // The course began two weeks ago: a late baseline from today, for a week.
    assert_eq!(
        (rounds[0]["timing"].as_str(), rounds[0]["opens_on"].as_str()),
        (Some("before"), Some(&*today.to_string()))
    );
    assert_eq!(rounds[0]["closes_on"], (today + Duration::days(7)).to_string());
    assert_eq!(rounds[1]["timing"], "end");
    assert_eq!(rounds[1]["opens_on"], last.to_string());
    assert_eq!(rounds[1]["closes_on"], (last + Duration::days(14)).to_string());
    assert_eq!(rounds[2]["timing"], "follow_up");
    assert_eq!(rounds[2]["follow_up_months"], 3);
    let follow_up = last.checked_add_months(chrono::Months::new(3)).unwrap();
    assert_eq!(rounds[2]["opens_on"], follow_up.to_string());
    for round in rounds {
        assert_eq!(round["mode"], "identified");
        assert_eq!(round["counts"]["asked"], 3);
        assert_eq!(round["qr_code"], false);
    }
    // Invitations of the round that opens today went out at once; the others wait.
    assert_eq!(rounds[0]["counts"]["invited"], 3);
    assert_eq!(rounds[1]["counts"]["invited"], 0);

    // Months out of range, an unknown questionnaire: nothing is made.
    let (status, problem) = send(
        &leader,
        Method::POST,
        &path,
        &json!({ "questionnaire_id": 999_999, "audience": "guardians", "follow_up_months": 30 }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(fields(&problem), ["follow_up_months", "questionnaire_id"].map(String::from).into());
    let (_, list) = leader.get_json(&format!("{A}/courses/{}/questionnaire-rounds", f.course.course_id)).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_closed_round_stops_its_links() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let leader = f.api(LEADER).await;
    let questionnaire = f.questionnaire("smil-children").await;
    let (status, round) = f
        .start(
            &leader,
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "identified", "timing": "end" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{round}");
    let id = round["id"].as_i64().unwrap();
    let path = format!("{A}/questionnaire-rounds/{id}/close");
    let (status, closed) = send(&leader, Method::POST, &path, &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!(closed["state"], "closed");
    assert!(closed["closed_at"].is_i64());
    let live: i64 = f
        .app
        .scalar("SELECT COUNT(*) FROM round_recipients WHERE round_id = $1 AND expires_at > $2", (id, f.app.now()))
        .await;
    assert_eq!(live, 0, "no link works after closing");
    let (status, problem) = send(&leader, Method::POST, &path, &json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(fields(&problem), ["round".to_string()].into());
    assert_eq!(f.app.audit_rows("questionnaire_round.close").await.len(), 1);
    // Closed rounds get no mail.
    f.app.state.clock.advance(90 * 86_400);
    assert_eq!(service::send_due(&f.app.state).await.unwrap(), 0);
}

#[tokio::test]
async fn bad_requests_name_every_field_and_make_nothing() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let leader = f.api(LEADER).await;
    let questionnaire = f.questionnaire("session-evaluation").await;
    let other_session: i64 = f
        .app
        .scalar(
            "SELECT MIN(id) FROM course_sessions WHERE course_id = $1 AND kind = 'session'",
            (f.course.other_course_id,),
        )
        .await;
    let cases = [
        (
            json!({ "questionnaire_id": questionnaire, "audience": "participants", "mode": "anonymous", "timing": "session" }),
            vec!["session_id"],
        ),
        (
            json!({ "questionnaire_id": questionnaire, "audience": "participants", "mode": "identified",
                    "timing": "session", "session_id": other_session, "qr_code": true }),
            vec!["qr_code", "session_id"],
        ),
        (
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "anonymous", "timing": "other",
                    "opens_on": "2099-05-10", "closes_on": "2099-05-01" }),
            vec!["closes_on"],
        ),
        (
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "anonymous", "timing": "end",
                    "follow_up_months": 3 }),
            vec!["follow_up_months"],
        ),
        (
            json!({ "questionnaire_id": 987_654, "audience": "guardians", "mode": "anonymous", "timing": "other",
                    "closes_on": "2001-01-01" }),
            vec!["closes_on", "questionnaire_id"],
        ),
    ];
    for (body, expected) in cases {
        let (status, problem) = f.start(&leader, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(fields(&problem), expected.into_iter().map(String::from).collect(), "{body}: {problem}");
    }
    // Malformed: not one of the codes.
    let (status, _) = f
        .start(
            &leader,
            json!({ "questionnaire_id": questionnaire, "audience": "pupils", "mode": "anonymous", "timing": "end" }),
        )
        .await;
    assert!(status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY, "{status}");
    let count: i64 = f.app.scalar("SELECT COUNT(*) FROM questionnaire_rounds", ()).await;
    assert_eq!(count, 0);

    // The page keeps what was typed and names the fields.
    let browser = f.app.logged_in(LEADER).await;
    let page = format!("/courses/{}/evaluations", f.course.course_id);
    let response = browser
        .submit(
            &page,
            &page,
            &[
                ("questionnaire_id", &questionnaire.to_string()),
                ("audience", "participants"),
                ("mode", "identified"),
                ("timing", "session"),
                ("session_id", ""),
                ("opens_on", ""),
                ("closes_on", ""),
                ("follow_up_months", ""),
                ("qr_code", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = unescape(&response.text().await.unwrap());
    let summary = error_summary(&html).expect("an error summary");
    assert!(summary.contains("QR"), "{summary}");
    assert!(html.contains("href=\"#session_id\""), "{html}");
}

#[tokio::test]
async fn who_may_see_and_do_what() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let leader = f.api(LEADER).await;
    let questionnaire = f.questionnaire("smil-staff").await;
    let body = json!({ "questionnaire_id": questionnaire, "audience": "staff", "mode": "anonymous", "timing": "end" });
    let (status, round) = f.start(&leader, body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{round}");
    let id = round["id"].as_i64().unwrap();
    let list = format!("{A}/courses/{}/questionnaire-rounds", f.course.course_id);
    let recipients = format!("{A}/questionnaire-rounds/{id}/recipients");

    // The user representative sees the rounds and their counts, never who was asked.
    let representative = f.api(REPRESENTATIVE).await;
    assert_eq!(representative.get_json(&list).await.0, StatusCode::OK);
    assert_eq!(representative.get_json(&format!("{A}/questionnaire-rounds/{id}")).await.0, StatusCode::OK);
    assert_eq!(representative.get_json(&recipients).await.0, StatusCode::FORBIDDEN);
    assert_eq!(f.start(&representative, body.clone()).await.0, StatusCode::FORBIDDEN);
    let browser = f.app.logged_in(REPRESENTATIVE).await;
    let (status, html) = browser.get_html(&format!("/courses/{}/questionnaire-rounds/{id}", f.course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    let html = unescape(&html);
    assert!(!html.contains("id=\"recipients\""), "no names for the user representative");
    assert!(html.contains("id=\"round-counts\""), "counts only");
    assert!(!html.contains("/close"), "no closing");

    // The secretary runs evaluations everywhere and sees names.
    let secretary = f.api(SECRETARY).await;
    assert_eq!(secretary.get_json(&recipients).await.0, StatusCode::OK);
    assert_eq!(f.start(&secretary, body.clone()).await.0, StatusCode::CREATED);

    // A leader of another course sees nothing of this one.
    let other = f.api(OTHER_LEADER).await;
    assert_eq!(other.get_json(&list).await.0, StatusCode::FORBIDDEN);
    assert_eq!(other.get_json(&recipients).await.0, StatusCode::FORBIDDEN);
    assert_eq!(f.start(&other, body.clone()).await.0, StatusCode::FORBIDDEN);
    let (status, _) = send(&other, Method::POST, &format!("{A}/questionnaire-rounds/{id}/close"), &json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Another organisation does not find the round at all.
    f.app.add_organisation("org-b", "Kommune B", "NO").await;
    f.app.relax_second_factor("org-b").await;
    f.app.add_user("org-b", "coordinator@b.test", "coordinator").await;
    let stranger = f.api("coordinator@b.test").await;
    let (status, _) = stranger.get_json(&format!("/organisations/org-b/questionnaire-rounds/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = stranger.get_json(&format!("/organisations/org-b/questionnaire-rounds/{id}/recipients")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_pages_schedule_an_outcome_measure_and_close_a_round() {
    let f = Fixture::new(TestApp::spawn().await).await;
    let questionnaire = f.questionnaire("smil-parents").await;
    let browser = f.app.logged_in(LEADER).await;
    let hub = format!("/courses/{}/evaluations", f.course.course_id);

    // Months out of range: the outcome form names its own field and keeps the choice.
    let q = questionnaire.to_string();
    let response = browser
        .submit(
            &hub,
            &format!("{hub}/outcome"),
            &[("outcome_questionnaire_id", &q), ("outcome_audience", "guardians"), ("outcome_follow_up_months", "40")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = unescape(&response.text().await.unwrap());
    assert!(html.contains("href=\"#outcome_follow_up_months\""), "{html}");
    assert_eq!(input_value(&html, "outcome_follow_up_months").as_deref(), Some("40"));

    let response = browser
        .submit(
            &hub,
            &format!("{hub}/outcome"),
            &[("outcome_questionnaire_id", &q), ("outcome_audience", "guardians"), ("outcome_follow_up_months", "6")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", response.text().await.unwrap());
    let (status, html) = browser.get_html(&format!("{hub}?saved=scheduled")).await;
    assert_eq!(status, StatusCode::OK);
    let html = unescape(&html);
    let ids: Vec<i64> = f
        .app
        .scalars("SELECT id FROM questionnaire_rounds WHERE course_id = $1 ORDER BY id", (f.course.course_id,))
        .await;
    assert_eq!(ids.len(), 3);
    for id in &ids {
        assert!(html.contains(&format!("id=\"round-{id}\"")), "round {id} is listed");
    }
    let months: Option<i64> =
        f.app.scalar("SELECT follow_up_months FROM questionnaire_rounds WHERE id = $1", (ids[2],)).await;
    assert_eq!(months, Some(6));

    // The round's page lists who was asked (the leader may see names) and closes it.
    let page = format!("/courses/{}/questionnaire-rounds/{}", f.course.course_id, ids[0]);
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    let html = unescape(&html);
    assert!(html.contains("id=\"recipients\""));
    assert!(html.contains("Foresatt til Ada Fjellstad"));
    let response = browser.submit(&page, &format!("{page}/close"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = browser.get_html(&format!("{page}?saved=closed")).await;
    let html = unescape(&html);
    assert!(!html.contains("/close\""), "no close button on a closed round");
    let closed: Option<i64> = f.app.scalar("SELECT closed_at FROM questionnaire_rounds WHERE id = $1", (ids[0],)).await;
    assert!(closed.is_some());
}
