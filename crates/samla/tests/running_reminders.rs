//! Reminders and changes while a course runs, on the real server with a real SMTP server
//! (aiosmtpd) and the controllable clock: reminders before a session reach the guardians
//! with parental responsibility and adult participants once, when due and not before;
//! switches per course and per participant; dropped-out participants; log reminders to the
//! session's leaders after the grace period, not once the log is written and not after
//! opting out; cancelling tells the families and adds a replacement at the end of the
//! course past a school holiday; the organisation's settings and their validation. No
//! mail ever names the course, the programme or a child.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use common::*;
use reqwest::{Method, StatusCode};
use samla_domain::calendar::{public_holiday, Country};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use samla_storage::intake::households::{self, NewPerson};
use samla_storage::intake::participants;
use samla_web::services::running::reminders;
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const ARRIVAL: std::time::Duration = std::time::Duration::from_secs(20);
/// A course name that says what the families struggle with: it must never reach a mail.
const COURSE_NAME: &str = "Gruppe for barn av foreldre med rusproblemer";
const CHILD: &str = "Ola Testbarn";

fn manual_json(slug: &str) -> Value {
    let (_, source) = SHIPPED.iter().find(|(s, _)| *s == slug).expect("a shipped programme");
    serde_json::to_value(Manual::from_toml(source).expect("valid manual")).unwrap()
}

async fn send(api: &Api, method: Method, path: &str, body: &Value) -> (StatusCode, Value) {
    Api::json_of(api.send_json(method, path, body).await).await
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

/// Unix seconds of a wall-clock time in Oslo.
fn oslo(date: &str, time: &str) -> i64 {
    let naive = NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").unwrap();
    Country::Norway.timezone().from_local_datetime(&naive).single().unwrap().timestamp()
}

fn set_clock(app: &TestApp, unix: i64) {
    app.state.clock.advance(unix - app.now());
}

/// A running SMIL course with two group leaders and a user representative on every
/// session, and its families:
/// - Ola (a child): Kari, guardian with parental responsibility (kari@example.org);
///   Per, a guardian without it (per@example.org), who joins the parent sessions;
///   Lise, with responsibility but no address;
/// - Anne, an adult participant (anne@example.org);
/// - Siri (a child) who dropped out, with her guardian Dag (dag@example.org).
struct Setup {
    api: Api,
    course_id: i64,
    leaders: [i64; 2],
    ola: i64,
    anne: i64,
    siri: i64,
}

impl Setup {
    async fn sessions(&self) -> Vec<Value> {
        let (status, body) = self.api.get_json(&format!("{A}/courses/{}/sessions", self.course_id)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["items"].as_array().unwrap().clone()
    }

    /// The planned sessions (not meetings), earliest first.
    async fn planned(&self) -> Vec<Value> {
        self.sessions().await.into_iter().filter(|s| s["kind"] == "session" && s["status"] == "planned").collect()
    }
}

async fn setup(app: &TestApp) -> Setup {
    app.relax_second_factor("org-a").await;
    app.add_user("org-a", "koord@a.no", "coordinator").await;
    let api = app.api(&app.token_for("koord@a.no").await);
    let (status, body) = send(&api, Method::POST, &format!("{A}/programmes"), &manual_json("smil")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let leaders = [
        app.add_user("org-a", "leder1@a.no", "group_leader").await,
        app.add_user("org-a", "leder2@a.no", "group_leader").await,
    ];
    let representative = app.add_user("org-a", "bruker@a.no", "user_representative").await;
    let today = samla_web::services::intake::today(&app.state, "NO");
    let start = today + Duration::days(14);
    let body = json!({
        "programme": "smil", "name": COURSE_NAME, "venue": "Rådhuset", "room": "Rom 1",
        "start_date": start.to_string(), "start_time": "14:15",
    });
    let (status, course) = send(&api, Method::POST, &format!("{A}/courses"), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    let course_id = course["id"].as_i64().unwrap();
    for (user, role) in
        [(leaders[0], "group_leader"), (leaders[1], "group_leader"), (representative, "user_representative")]
    {
        let body = json!({ "user_id": user, "course_role": role, "on_every_session": true });
        let (status, member) = send(&api, Method::POST, &format!("{A}/courses/{course_id}/staff"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
    }

    let organisation_id = app.organisation_id("org-a").await;
    let now = app.now();
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    let person =
        |household_id: i64, role: &'static str, responsibility: bool, name: &'static str, email: &'static str| {
            NewPerson {
                household_id,
                household_role: role,
                parental_responsibility: responsibility,
                name,
                birth_date: (role == "child").then_some("2016-05-01"),
                national_id: None,
                phone: "",
                email,
            }
        };
    let home = households::create_household(&mut conn, organisation_id, now).await.unwrap();
    let ola = households::add_person(&mut conn, organisation_id, &person(home, "child", false, CHILD, ""), now)
        .await
        .unwrap();
    households::add_person(
        &mut conn,
        organisation_id,
        &person(home, "guardian", true, "Kari Foresatt", "kari@example.org"),
        now,
    )
    .await
    .unwrap();
    let per = households::add_person(
        &mut conn,
        organisation_id,
        &person(home, "guardian", false, "Per Uten", "per@example.org"),
        now,
    )
    .await
    .unwrap();
    households::add_person(&mut conn, organisation_id, &person(home, "guardian", true, "Lise Utenpost", ""), now)
        .await
        .unwrap();
    let other = households::create_household(&mut conn, organisation_id, now).await.unwrap();
    let anne = households::add_person(
        &mut conn,
        organisation_id,
        &person(other, "adult", false, "Anne Voksen", "anne@example.org"),
        now,
    )
    .await
    .unwrap();
    let third = households::create_household(&mut conn, organisation_id, now).await.unwrap();
    let siri =
        households::add_person(&mut conn, organisation_id, &person(third, "child", false, "Siri Sluttet", ""), now)
            .await
            .unwrap();
    households::add_person(
        &mut conn,
        organisation_id,
        &person(third, "guardian", true, "Dag Foresatt", "dag@example.org"),
        now,
    )
    .await
    .unwrap();
    for (person_id, role) in [(ola, "participant"), (per, "parent"), (anne, "participant"), (siri, "participant")] {
        participants::enrol(&mut conn, course_id, person_id, None, role, None, now).await.unwrap();
    }
    let participant_id = |person_id: i64| {
        sqlx::query_scalar::<sqlx::Any, i64>(
            "SELECT id FROM course_participants WHERE course_id = $1 AND person_id = $2",
        )
        .bind(course_id)
        .bind(person_id)
    };
    let ola = participant_id(ola).fetch_one(&mut *conn).await.unwrap();
    let anne = participant_id(anne).fetch_one(&mut *conn).await.unwrap();
    let siri = participant_id(siri).fetch_one(&mut *conn).await.unwrap();
    sqlx::query(
        "UPDATE course_participants SET status = 'dropped_out', dropped_out_on = $1, dropout_reason = 'Flyttet' WHERE id = $2",
    )
    .bind(today.to_string())
    .bind(siri)
    .execute(&mut *conn)
    .await
    .unwrap();
    drop(conn);

    let path = format!("{A}/courses/{course_id}/status");
    for (version, status) in [("\"v1\"", "ready"), ("\"v2\"", "recruiting"), ("\"v3\"", "running")] {
        let response = api.request(Method::PUT, &path).header("If-Match", version).json(&json!({ "status": status }));
        let (code, body) = Api::json_of(response.send().await.unwrap()).await;
        assert_eq!(code, StatusCode::OK, "{status}: {body}");
    }
    Setup { api, course_id, leaders, ola, anne, siri }
}

/// (to, subject, body, template) of every queued or sent mail, oldest first.
async fn outbox(app: &TestApp) -> Vec<(String, String, String, String)> {
    sqlx::query_as("SELECT to_address, subject, body_text, template FROM outbox_messages ORDER BY id")
        .fetch_all(app.state.store.pool())
        .await
        .unwrap()
}

async fn outbox_of(app: &TestApp, template: &str) -> Vec<(String, String, String, String)> {
    outbox(app).await.into_iter().filter(|m| m.3 == template).collect()
}

fn recipients(mails: &[(String, String, String, String)]) -> Vec<String> {
    let mut to: Vec<String> = mails.iter().map(|m| m.0.clone()).collect();
    to.sort();
    to
}

/// No mail names the course, the programme or a child.
async fn assert_mails_tell_nothing(app: &TestApp) {
    let mails = outbox(app).await;
    assert!(!mails.is_empty());
    for (to, subject, body, template) in mails {
        for secret in [COURSE_NAME, "rusproblemer", "SMIL", "Smil", CHILD, "Ola", "Siri", "Anne Voksen"] {
            assert!(
                !subject.contains(secret) && !body.contains(secret),
                "{template} to {to} tells {secret}: {subject}\n{body}"
            );
        }
    }
}

#[tokio::test]
async fn a_reminder_reaches_each_guardian_and_adult_once_when_due_and_not_before() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup(&app).await;
    let planned = setup.planned().await;
    let first = &planned[0];
    let (date, time) = (first["date"].as_str().unwrap(), first["start_time"].as_str().unwrap());
    assert_eq!(time, "14:15");
    let start = oslo(date, time);

    // A minute before the default 24 hours: nothing.
    set_clock(&app, start - 24 * 3600 - 60);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    assert!(outbox_of(&app, "session-reminder").await.is_empty());

    set_clock(&app, start - 24 * 3600 + 60);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 2, "Kari and Anne");
    let received = server.wait_for(2, ARRIVAL).await;
    let mut to: Vec<&str> = received.iter().map(|m| m.envelope_to.as_str()).collect();
    to.sort();
    assert_eq!(
        to,
        ["anne@example.org", "kari@example.org"],
        "not Per (no parental responsibility), not Dag (dropped out)"
    );
    let expected_date = day(date).format("%d.%m.%Y").to_string();
    for mail in &received {
        assert_eq!(mail.subject, format!("Kommune A: påminnelse om gruppa {expected_date}"));
        assert!(mail.body.contains(&format!("{expected_date} klokka 14:15")), "{}", mail.body);
        assert!(mail.body.contains("Kommune A"), "{}", mail.body);
    }

    // Exactly once: later rounds, also closer to the start, send nothing more.
    set_clock(&app, start - 3600);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    // After the start there is nothing to remind of.
    set_clock(&app, start + 60);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(server.received().len(), 2);
    let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reminders_sent WHERE kind = 'session'")
        .fetch_one(app.state.store.pool())
        .await
        .unwrap();
    assert_eq!(sent, 2);
    assert_eq!(
        app.audit_count("reminder.session", Some(("course_session", &first["id"].to_string())), "success", None).await,
        1
    );
    assert_mails_tell_nothing(&app).await;
}

#[tokio::test]
async fn no_reminders_once_the_course_or_a_participant_turns_them_off() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let planned = setup.planned().await;
    let reminders_path = format!("{A}/courses/{}/reminders", setup.course_id);

    let (status, view) = setup.api.get_json(&reminders_path).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!((view["participant_reminders"].as_bool(), view["log_reminders"].as_bool()), (Some(true), Some(true)));
    assert_eq!(view["active_participants"], 2, "Siri dropped out; Per is a parent: {view}");
    let names: Vec<&str> =
        view["participants"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Anne Voksen", CHILD, "Siri Sluttet"]);

    // The whole course off: nothing for the first session.
    let off = json!({ "participant_reminders": false, "log_reminders": true });
    let (status, view) = send(&setup.api, Method::PUT, &reminders_path, &off).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["participant_reminders"], false);
    let first = oslo(planned[0]["date"].as_str().unwrap(), "14:15");
    set_clock(&app, first - 3600);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    assert!(outbox_of(&app, "session-reminder").await.is_empty());

    // On again, but Ola's family has turned them off: only Anne for the second session.
    let on = json!({ "participant_reminders": true, "log_reminders": true });
    assert_eq!(send(&setup.api, Method::PUT, &reminders_path, &on).await.0, StatusCode::OK);
    let ola_path = format!("{A}/courses/{}/participants/{}/reminders", setup.course_id, setup.ola);
    let (status, saved) = send(&setup.api, Method::PUT, &ola_path, &json!({ "reminders": false })).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, json!({ "participant_id": setup.ola, "reminders": false }));
    let (_, view) = setup.api.get_json(&reminders_path).await;
    assert_eq!(view["participants_with_reminders_off"], 1);
    let second = oslo(planned[1]["date"].as_str().unwrap(), "14:15");
    set_clock(&app, second - 3600);
    // (The first session's log is overdue by now, so its leaders are reminded too.)
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(recipients(&outbox_of(&app, "session-reminder").await), ["anne@example.org"]);

    // A participant of another course, a parent, or nonsense is not found / refused.
    let parent = sqlx::query_scalar::<_, i64>("SELECT id FROM course_participants WHERE role = 'parent'")
        .fetch_one(app.state.store.pool())
        .await
        .unwrap();
    for id in [parent, 999_999] {
        let path = format!("{A}/courses/{}/participants/{id}/reminders", setup.course_id);
        assert_eq!(send(&setup.api, Method::PUT, &path, &json!({ "reminders": true })).await.0, StatusCode::NOT_FOUND);
    }
    let (status, _) = send(&setup.api, Method::PUT, &ola_path, &json!({ "reminders": "yes" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Ola's on again: the third session reaches Kari too. Siri, dropped out, never.
    assert_eq!(send(&setup.api, Method::PUT, &ola_path, &json!({ "reminders": true })).await.0, StatusCode::OK);
    let siri_path = format!("{A}/courses/{}/participants/{}/reminders", setup.course_id, setup.siri);
    assert_eq!(send(&setup.api, Method::PUT, &siri_path, &json!({ "reminders": true })).await.0, StatusCode::OK);
    let third = oslo(planned[2]["date"].as_str().unwrap(), "14:15");
    set_clock(&app, third - 3600);
    reminders::send_due(&app.state).await.unwrap();
    let all = outbox_of(&app, "session-reminder").await;
    assert_eq!(recipients(&all), ["anne@example.org", "anne@example.org", "kari@example.org"]);
    assert!(!all.iter().any(|m| m.0 == "dag@example.org" || m.0 == "per@example.org"));
    assert_eq!(
        app.audit_count("course.reminders.update", Some(("course", &setup.course_id.to_string())), "success", None)
            .await,
        2
    );
    assert_eq!(
        app.audit_count(
            "course.reminders.participant.off",
            Some(("course_participant", &setup.ola.to_string())),
            "success",
            None
        )
        .await,
        1
    );
    assert_mails_tell_nothing(&app).await;
    let _ = setup.anne;
}

/// Writes a session's log as the log feature stores it (one row in `session_logs`).
async fn write_log(app: &TestApp, session_id: i64, user_id: i64) {
    sqlx::query(
        "INSERT INTO session_logs (session_id, done, learned, noticed, deviations, next_time, elements_done, version, written_at, written_by)
         VALUES ($1, 'Vi lekte', 'Mye', 'Lite', '', '', '[]', 1, $2, $3)",
    )
    .bind(session_id)
    .bind(app.now())
    .bind(user_id)
    .execute(app.state.store.pool())
    .await
    .unwrap();
}

#[tokio::test]
async fn leaders_are_reminded_of_an_unwritten_log_after_the_grace_period() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup(&app).await;
    let planned = setup.planned().await;
    let (first, second, third) = (&planned[0], &planned[1], &planned[2]);
    let end = |s: &Value| oslo(s["date"].as_str().unwrap(), s["end_time"].as_str().unwrap());

    // The first session: both leaders are on it. Not before the 24 hours of grace.
    set_clock(&app, end(first) + 24 * 3600 - 60);
    reminders::send_due(&app.state).await.unwrap();
    assert!(outbox_of(&app, "log-reminder").await.is_empty());
    set_clock(&app, end(first) + 24 * 3600 + 60);
    reminders::send_due(&app.state).await.unwrap();
    let mails = outbox_of(&app, "log-reminder").await;
    assert_eq!(recipients(&mails), ["leder1@a.no", "leder2@a.no"]);
    let link = format!("{}/courses/{}/sessions/{}/log", app.base_url, setup.course_id, first["id"]);
    for (_, subject, body, _) in &mails {
        assert!(body.contains(&link), "{body}");
        assert!(subject.starts_with("Kommune A: loggen for "), "{subject}");
    }
    let received = server.wait_for(2, ARRIVAL).await;
    assert!(received.iter().all(|m| m.body.contains(&link)));
    // Once per leader.
    set_clock(&app, end(first) + 30 * 3600);
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(outbox_of(&app, "log-reminder").await.len(), 2);

    // The second session's log is written in time: no reminder.
    write_log(&app, second["id"].as_i64().unwrap(), setup.leaders[0]).await;
    set_clock(&app, end(second) + 25 * 3600);
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(outbox_of(&app, "log-reminder").await.len(), 2);

    // The second leader opts out for this course (on the page); only the first is reminded.
    let leader = app.logged_in("leder2@a.no").await;
    let page = format!("/courses/{}/reminders", setup.course_id);
    let (status, html) = leader.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(element_text(&html, "my-log-reminders-state").unwrap().contains("Du får en påminnelse"), "{html}");
    let response = leader.submit(&page, &format!("{page}/mine"), &[("log_reminders", "off")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{page}?saved=mine#mine-heading"));
    let (_, html) = leader.get_html(&page).await;
    assert!(element_text(&html, "my-log-reminders-state").unwrap().contains("slått av"), "{html}");
    set_clock(&app, end(third) + 25 * 3600);
    reminders::send_due(&app.state).await.unwrap();
    let mails = outbox_of(&app, "log-reminder").await;
    assert_eq!(recipients(&mails[2..]), ["leder1@a.no"]);

    // The API answers the same; someone who does not lead the course has no log reminders.
    let leader_api = app.api(&app.token_for("leder2@a.no").await);
    let mine = format!("{A}/courses/{}/my-log-reminders", setup.course_id);
    let (_, view) = leader_api.get_json(&format!("{A}/courses/{}/reminders", setup.course_id)).await;
    assert_eq!(view["my_log_reminders"], false);
    let (status, body) = send(&leader_api, Method::PUT, &mine, &json!({ "log_reminders": true })).await;
    assert_eq!((status, body), (StatusCode::OK, json!({ "log_reminders": true })));
    let (status, problem) = send(&setup.api, Method::PUT, &mine, &json!({ "log_reminders": false })).await;
    assert_eq!(status, StatusCode::CONFLICT, "the coordinator does not lead it: {problem}");
    assert_eq!(problem["errors"][0]["field"], "log_reminders");

    // With the course's log reminders off, nobody is reminded.
    let reminders_path = format!("{A}/courses/{}/reminders", setup.course_id);
    let off = json!({ "participant_reminders": true, "log_reminders": false });
    assert_eq!(
        send(&leader_api, Method::PUT, &reminders_path, &off).await.0,
        StatusCode::OK,
        "a leader of the course may"
    );
    let fourth = &planned[3];
    set_clock(&app, end(fourth) + 25 * 3600);
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(outbox_of(&app, "log-reminder").await.len(), 3);
    assert_mails_tell_nothing(&app).await;
}

#[tokio::test]
async fn a_cancelled_session_is_told_to_the_families_and_replaced_after_a_school_holiday() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup(&app).await;
    let planned = setup.planned().await;
    let last = day(planned.last().unwrap()["date"].as_str().unwrap());
    // A school holiday the week after the last session.
    let holiday = json!({ "name": "Vinterferie", "first_day": (last + Duration::days(5)).to_string(),
                          "last_day": (last + Duration::days(9)).to_string() });
    let (status, body) = send(&setup.api, Method::POST, &format!("{A}/school-holidays"), &holiday).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Two weeks on, unless a public holiday or a meeting of the course is that day.
    let taken: Vec<NaiveDate> = setup
        .sessions()
        .await
        .iter()
        .filter(|s| s["status"] == "planned")
        .map(|s| day(s["date"].as_str().unwrap()))
        .collect();
    let mut expected = last + Duration::days(14);
    while public_holiday(Country::Norway, expected).is_some() || taken.contains(&expected) {
        expected += Duration::days(7);
    }

    let target = &planned[1];
    let sid = target["id"].as_i64().unwrap();
    let cancel = format!("{A}/courses/{}/sessions/{sid}/cancel", setup.course_id);
    let response = setup
        .api
        .request(Method::POST, &cancel)
        .header("If-Match", "\"v1\"")
        .json(&json!({ "reason": "Lederne er syke" }));
    let (status, cancelled) = Api::json_of(response.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    let replacement_id = cancelled["replacement_session_id"].as_i64().expect("a replacement");

    let sessions = setup.sessions().await;
    let replacement = sessions.iter().find(|s| s["id"] == replacement_id).expect("listed");
    assert_eq!(replacement["date"].as_str().unwrap(), expected.to_string(), "past the school holiday");
    for key in ["start_time", "end_time", "room", "title", "audience", "kind"] {
        assert_eq!(replacement[key], target[key], "{key}");
    }
    assert_eq!(replacement["status"], "planned");
    let staff = |s: &Value| {
        let mut names: Vec<String> = s["staff"].as_array().unwrap().iter().map(|m| m["name"].to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(staff(replacement), staff(target));
    assert_eq!(staff(replacement).len(), 3);
    let (replaces, programme_session): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT replaces_session_id, programme_session FROM course_sessions WHERE id = $1")
            .bind(replacement_id)
            .fetch_one(app.state.store.pool())
            .await
            .unwrap();
    assert_eq!(replaces, Some(sid));
    let original: Option<i64> = sqlx::query_scalar("SELECT programme_session FROM course_sessions WHERE id = $1")
        .bind(sid)
        .fetch_one(app.state.store.pool())
        .await
        .unwrap();
    assert_eq!(programme_session, original);

    // The families are told at once (the worker is woken by the commit).
    let received = server.wait_for(2, ARRIVAL).await;
    let mut to: Vec<&str> = received.iter().map(|m| m.envelope_to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["anne@example.org", "kari@example.org"]);
    let cancelled_on = day(target["date"].as_str().unwrap()).format("%d.%m.%Y").to_string();
    for mail in &received {
        assert_eq!(mail.subject, format!("Kommune A: gruppa {cancelled_on} er avlyst"));
        assert!(mail.body.contains(&format!("{cancelled_on} klokka 14:15 er avlyst")), "{}", mail.body);
    }

    // Cancelling it again is refused: no second notice, no second replacement.
    let again = setup.api.request(Method::POST, &cancel).header("If-Match", "*").json(&json!({ "reason": "Igjen" }));
    let (status, problem) = Api::json_of(again.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "reason");

    // On the page, both choices are ticked; unticked, nobody is told and nothing is added.
    let coordinator = app.logged_in("koord@a.no").await;
    let other = &planned[2];
    let page = format!("/courses/{}/sessions/{}", setup.course_id, other["id"]);
    let (status, html) = coordinator.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    for id in ["notify", "add_replacement"] {
        let at = html.find(&format!("<input id=\"{id}\"")).unwrap_or_else(|| panic!("no {id} check box"));
        assert!(html[at..at + html[at..].find('>').unwrap()].contains(" checked"), "{id} is ticked by default");
    }
    let response =
        coordinator.submit(&page, &format!("{page}/cancel"), &[("reason", "Stengt skole"), ("version", "1")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = setup.sessions().await;
    assert_eq!(after.len(), sessions.len(), "no replacement");
    assert_eq!(after.iter().find(|s| s["id"] == other["id"]).unwrap()["status"], "cancelled");
    // Without a reason the form comes back with the choices as they were.
    let fourth = &planned[3];
    let page = format!("/courses/{}/sessions/{}", setup.course_id, fourth["id"]);
    let response = coordinator
        .submit(&page, &format!("{page}/cancel"), &[("reason", " "), ("version", "1"), ("notify", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).is_some());
    let at = html.find("<input id=\"add_replacement\"").unwrap();
    assert!(!html[at..at + html[at..].find('>').unwrap()].contains(" checked"), "kept as typed");

    // Through the page with both ticked: a notice and a replacement after the first one.
    let response = coordinator
        .submit(
            &page,
            &format!("{page}/cancel"),
            &[("reason", "Stengt skole"), ("version", "1"), ("notify", "1"), ("add_replacement", "1")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = setup.sessions().await;
    assert_eq!(after.len(), sessions.len() + 1);
    let newest =
        after.iter().filter(|s| s["kind"] == "session").map(|s| day(s["date"].as_str().unwrap())).max().unwrap();
    assert!(newest > expected, "after the first replacement: {newest}");
    server.wait_for(4, ARRIVAL).await;
    assert_eq!(outbox_of(&app, "session-cancelled").await.len(), 4);
    assert_eq!(app.audit_count("course.session.replace", None, "success", None).await, 2);
    assert_mails_tell_nothing(&app).await;
}

#[tokio::test]
async fn the_reminders_page_shows_names_only_to_those_who_may_see_them() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let page = format!("/courses/{}/reminders", setup.course_id);

    let coordinator = app.logged_in("koord@a.no").await;
    let (status, html) = coordinator.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(CHILD) && html.contains("Anne Voksen"));
    assert!(hrefs(&html).contains(&"/running/settings".to_string()), "the coordinator may change the timing");
    let response =
        coordinator.submit(&page, &format!("{page}/participants/{}", setup.anne), &[("reminders", "off")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = coordinator.get_html(&page).await;
    assert!(strip_tags(&html).contains("1 av 2 deltakere har slått av påminnelser"), "{}", strip_tags(&html));
    assert!(element_of(&html, &format!("participant-{}", setup.anne)).unwrap().contains("Slå på påminnelser"));
    // The course's switches: unticked is off.
    let response = coordinator.submit(&page, &page, &[("log_reminders", "1")]).await;
    assert_eq!(location(&response), format!("{page}?saved=course#course-heading"));
    let (_, view) = setup.api.get_json(&format!("{A}/courses/{}/reminders", setup.course_id)).await;
    assert_eq!((view["participant_reminders"].as_bool(), view["log_reminders"].as_bool()), (Some(false), Some(true)));
    assert!(
        app.audit_count(
            "course.reminders.participants",
            Some(("course", &setup.course_id.to_string())),
            "success",
            None
        )
        .await
            >= 2
    );

    // The user representative sees the switches and counts, never a name, and changes nothing.
    let representative = app.logged_in("bruker@a.no").await;
    let (status, html) = representative.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains(CHILD) && !html.contains("Anne Voksen") && !html.contains("Siri"), "{html}");
    assert!(strip_tags(&html).contains("1 av 2 deltakere"));
    assert!(!html.contains(&format!("action=\"{page}\"")), "no form for the switches");
    let response = representative.submit(&page, &page, &[("participant_reminders", "1")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response =
        representative.submit(&page, &format!("{page}/participants/{}", setup.anne), &[("reminders", "on")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let rep_api = app.api(&app.token_for("bruker@a.no").await);
    let (status, view) = rep_api.get_json(&format!("{A}/courses/{}/reminders", setup.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(view["participants"].is_null() && view["my_log_reminders"].is_null(), "{view}");
    assert_eq!(view["participants_with_reminders_off"], 1);

    // A group leader of another course does not see this one.
    app.add_user("org-a", "annen@a.no", "group_leader").await;
    let stranger = app.logged_in("annen@a.no").await;
    assert_eq!(stranger.get(&page).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.audit_count("course.reminders.update", None, "denied", None).await, 2);
}

#[tokio::test]
async fn the_organisations_settings_are_checked_and_decide_the_timing() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let path = format!("{A}/running-settings");
    let (status, settings) = setup.api.get_json(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(settings, json!({ "follow_up_after_absences": 2, "reminder_hours_before": 24, "log_grace_hours": 24 }));

    let bad = json!({ "follow_up_after_absences": 0, "reminder_hours_before": 169, "log_grace_hours": 24 });
    let (status, problem) = send(&setup.api, Method::PUT, &path, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["follow_up_after_absences", "reminder_hours_before"]);
    let (status, _) = send(&setup.api, Method::PUT, &path, &json!({ "follow_up_after_absences": 2 })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "all three are needed");
    let good = json!({ "follow_up_after_absences": 3, "reminder_hours_before": 2, "log_grace_hours": 48 });
    let (status, saved) = send(&setup.api, Method::PUT, &path, &good).await;
    assert_eq!((status, &saved), (StatusCode::OK, &good));
    assert_eq!(setup.api.get_json(&path).await.1, good);

    // Two hours before, not 24.
    let planned = setup.planned().await;
    let start = oslo(planned[0]["date"].as_str().unwrap(), "14:15");
    set_clock(&app, start - 3 * 3600);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    set_clock(&app, start - 2 * 3600 + 60);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 2);

    // The page: errors named, what was typed kept.
    let coordinator = app.logged_in("koord@a.no").await;
    let (status, html) = coordinator.get_html("/running/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(input_value(&html, "reminder_hours_before").as_deref(), Some("2"));
    let response = coordinator
        .submit(
            "/running/settings",
            "/running/settings",
            &[("follow_up_after_absences", "11"), ("reminder_hours_before", "mange"), ("log_grace_hours", "12")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let summary = error_summary(&html).expect("an error summary");
    assert!(summary.contains("Skriv et tall fra 1 til 10"), "{summary}");
    assert!(summary.contains("Skriv et tall fra 1 til 168"), "{summary}");
    assert!(html.contains("href=\"#follow_up_after_absences\"") && html.contains("href=\"#reminder_hours_before\""));
    assert_eq!(input_value(&html, "follow_up_after_absences").as_deref(), Some("11"));
    assert_eq!(input_value(&html, "reminder_hours_before").as_deref(), Some("mange"));
    assert_eq!(input_value(&html, "log_grace_hours").as_deref(), Some("12"));
    assert_eq!(setup.api.get_json(&path).await.1, good, "nothing saved");
    let response = coordinator
        .submit(
            "/running/settings",
            "/running/settings",
            &[("follow_up_after_absences", "4"), ("reminder_hours_before", "24"), ("log_grace_hours", "12")],
        )
        .await;
    assert_eq!(location(&response), "/running/settings?saved=settings");
    assert_eq!(setup.api.get_json(&path).await.1["log_grace_hours"], 12);
    assert_eq!(app.audit_count("running_settings.update", None, "success", None).await, 2);

    // Group leaders and user representatives may not.
    for email in ["leder1@a.no", "bruker@a.no"] {
        let browser = app.logged_in(email).await;
        assert_eq!(browser.get("/running/settings").await.status(), StatusCode::FORBIDDEN, "{email}");
        let api = app.api(&app.token_for(email).await);
        assert_eq!(api.get_json(&path).await.0, StatusCode::FORBIDDEN, "{email}");
        assert_eq!(send(&api, Method::PUT, &path, &good).await.0, StatusCode::FORBIDDEN, "{email}");
    }
}

/// The HTML of the element with this id, up to its closing `</li>`.
fn element_of(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let end = start + html[start..].find("</li>")?;
    Some(html[start..end].to_string())
}
