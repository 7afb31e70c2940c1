//! Reminders and changes while a course runs, on the real server with a real SMTP server
//! (aiosmtpd) and the controllable clock: reminders before a session reach the guardians
//! with parental responsibility and adult participants once, when due and not before;
//! switches per course and per participant; dropped-out participants; log reminders to the
//! session's leaders after the grace period, not once the log is written and not after
//! opting out; cancelling tells the families and adds a replacement at the end of the
//! course past a school holiday; the organisation's settings and their validation. No
//! mail ever names the course, the programme or a child.

use crate::common::running::submit_running_settings;
use crate::common::*;
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use reqwest::{Method, StatusCode};
use samla_domain::calendar::{public_holiday, Country};
use samla_domain::intake::enrolment::ParticipantRole;
use samla_domain::intake::household::HouseholdRole::{self, Adult, Child, Guardian};
use samla_storage::intake::households::{self, NewPerson};
use samla_storage::intake::participants;
use samla_web::services::running::reminders;
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const ARRIVAL: std::time::Duration = std::time::Duration::from_secs(20);
/// A course name that says what the families struggle with: it must never reach a mail.
const COURSE_NAME: &str = "Gruppe for barn av foreldre med rusproblemer";
const CHILD: &str = "Ola Testbarn";

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
}

/// Sets the test clock to an hour before the planned session starts (14:15 in Oslo).
fn an_hour_before(app: &TestApp, session: &Value) {
    set_clock(app, oslo(session["date"].as_str().unwrap(), "14:15") - 3600);
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
    /// Turns a participant's reminders on or off through the API.
    async fn set_reminders(&self, participant_id: i64, on: bool) {
        let path = format!("{A}/courses/{}/participants/{participant_id}/reminders", self.course_id);
        assert_eq!(send(&self.api, Method::PUT, &path, &json!({ "reminders": on })).await.0, StatusCode::OK);
    }

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

/// Writes households and their people straight to the store, as intake would have.
struct Households {
    conn: sqlx::pool::PoolConnection<sqlx::Any>,
    organisation_id: i64,
    now: i64,
}

impl Households {
    async fn create(&mut self) -> i64 {
        households::create_household(&mut self.conn, self.organisation_id, self.now).await.unwrap()
    }

    /// A person of the household (a child born 2016-05-01): their person id.
    async fn add(
        &mut self,
        household_id: i64,
        role: HouseholdRole,
        parental_responsibility: bool,
        name: &str,
        email: &str,
    ) -> i64 {
        let person = NewPerson {
            household_id,
            household_role: role,
            parental_responsibility,
            name,
            birth_date: (role == Child).then_some("2016-05-01"),
            national_id: None,
            phone: "",
            email,
            sex: None,
        };
        households::add_person(&mut self.conn, self.organisation_id, &person, self.now).await.unwrap()
    }
}

async fn setup(app: &TestApp) -> Setup {
    setup_until(app, "running").await
}

/// The same course, taken through its statuses only as far as `last` (`draft` leaves it
/// where planning left it).
async fn setup_until(app: &TestApp, last: &str) -> Setup {
    app.relax_second_factor("org-a").await;
    app.add_user("org-a", "koord@a.no", "coordinator").await;
    let api = app.api(&app.token_for("koord@a.no").await);
    // SMIL is in the library as every shipped manual is.
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
    let mut homes = Households { conn: app.state.store.pool().acquire().await.unwrap(), organisation_id, now };
    let home = homes.create().await;
    let ola = homes.add(home, Child, false, CHILD, "").await;
    homes.add(home, Guardian, true, "Kari Foresatt", "kari@example.org").await;
    let per = homes.add(home, Guardian, false, "Per Uten", "per@example.org").await;
    homes.add(home, Guardian, true, "Lise Utenpost", "").await;
    let other = homes.create().await;
    let anne = homes.add(other, Adult, false, "Anne Voksen", "anne@example.org").await;
    let third = homes.create().await;
    let siri = homes.add(third, Child, false, "Siri Sluttet", "").await;
    homes.add(third, Guardian, true, "Dag Foresatt", "dag@example.org").await;
    let mut conn = homes.conn;
    let (participant, parent) = (ParticipantRole::Participant, ParticipantRole::Parent);
    for (person_id, role) in [(ola, participant), (per, parent), (anne, participant), (siri, participant)] {
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
    let steps = [("\"v1\"", "ready"), ("\"v2\"", "recruiting"), ("\"v3\"", "running")];
    let until = steps.iter().position(|(_, status)| *status == last).map_or(0, |at| at + 1);
    for &(version, status) in &steps[..until] {
        let response = api.request(Method::PUT, &path).header("If-Match", version).json(&json!({ "status": status }));
        let (code, body) = Api::json_of(response.send().await.unwrap()).await;
        assert_eq!(code, StatusCode::OK, "{status}: {body}");
    }
    Setup { api, course_id, leaders, ola, anne, siri }
}

/// (to, subject, body, template) of every queued or sent mail, oldest first.
async fn outbox(app: &TestApp) -> Vec<(String, String, String, String)> {
    app.rows("SELECT to_address, subject, body_text, template FROM outbox_messages ORDER BY id", ()).await
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
    let sent: i64 = app.scalar("SELECT COUNT(*) FROM reminders_sent WHERE kind = 'session'", ()).await;
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

    let view = setup.api.get_ok(&reminders_path).await;
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
    an_hour_before(&app, &planned[1]);
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
    setup.set_reminders(setup.siri, true).await;
    an_hour_before(&app, &planned[2]);
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
    app.execute(
        "INSERT INTO session_logs (session_id, done, learned, noticed, deviations, next_time, elements_done, version, written_at, written_by)
         VALUES ($1, 'Vi lekte', 'Mye', 'Lite', '', '', '[]', 1, $2, $3)",
        (session_id, app.now(), user_id),
    )
    .await;
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
    let (replaces, programme_session): (Option<i64>, Option<i64>) = app
        .row("SELECT replaces_session_id, programme_session FROM course_sessions WHERE id = $1", (replacement_id,))
        .await;
    assert_eq!(replaces, Some(sid));
    let original: Option<i64> = app.scalar("SELECT programme_session FROM course_sessions WHERE id = $1", (sid,)).await;
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
    let settings = setup.api.get_ok(&path).await;
    assert_eq!(settings, json!({ "follow_up_after_absences": 2, "reminder_hours_before": 24, "log_grace_hours": 24 }));

    // (A threshold of 0 turns follow-up tasks off; 11 is too many.)
    let bad = json!({ "follow_up_after_absences": 11, "reminder_hours_before": 169, "log_grace_hours": 24 });
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
    let response = submit_running_settings(&coordinator, ("11", "mange", "12")).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("Skriv et tall fra 0 til 10"), "{summary}");
    assert!(summary.contains("Skriv et tall fra 1 til 168"), "{summary}");
    assert!(html.contains("href=\"#follow_up_after_absences\"") && html.contains("href=\"#reminder_hours_before\""));
    assert_eq!(input_value(&html, "follow_up_after_absences").as_deref(), Some("11"));
    assert_eq!(input_value(&html, "reminder_hours_before").as_deref(), Some("mange"));
    assert_eq!(input_value(&html, "log_grace_hours").as_deref(), Some("12"));
    assert_eq!(setup.api.get_json(&path).await.1, good, "nothing saved");
    let response = submit_running_settings(&coordinator, ("4", "24", "12")).await;
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

/// (id, date, start time, version) of the course's planned meetings of one kind, earliest first.
async fn meetings_of(app: &TestApp, course_id: i64, kind: &str) -> Vec<(i64, String, String, i64)> {
    app.rows(
        "SELECT id, date, start_time, version FROM course_sessions
         WHERE course_id = $1 AND kind = 'meeting' AND meeting_kind = $2 AND status = 'planned' ORDER BY date, id",
        (course_id, kind),
    )
    .await
}

#[tokio::test]
async fn families_are_reminded_of_parent_meetings_and_family_sessions_not_of_network_meetings() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup(&app).await;
    let leader = app.api(&app.token_for("leder1@a.no").await);

    // The programme's first parent meeting: every family, like a session.
    let (parent_id, parent_date, parent_time, _) =
        meetings_of(&app, setup.course_id, "parent_meeting").await[0].clone();
    set_clock(&app, oslo(&parent_date, &parent_time) - 24 * 3600 - 60);
    reminders::send_due(&app.state).await.unwrap();
    assert!(outbox_of(&app, "meeting-reminder").await.is_empty(), "not before its 24 hours");
    set_clock(&app, oslo(&parent_date, &parent_time) - 3600);
    reminders::send_due(&app.state).await.unwrap();
    let mails = outbox_of(&app, "meeting-reminder").await;
    assert_eq!(recipients(&mails), ["anne@example.org", "kari@example.org"], "not Per, not Dag");
    assert_eq!(
        app.audit_count("reminder.session", Some(("course_session", &parent_id.to_string())), "success", None).await,
        1
    );

    // A family session about Ola, a network meeting for the group and a closing
    // conversation with Anne, all on the next day.
    let next_day = (day(&parent_date) + Duration::days(1)).to_string();
    let meetings = format!("{A}/courses/{}/meetings", setup.course_id);
    for body in [
        json!({ "meeting_kind": "family_session", "date": next_day, "start_time": "10:00", "end_time": "11:00",
                "participant_id": setup.ola }),
        json!({ "meeting_kind": "network_meeting", "date": next_day, "start_time": "12:00", "end_time": "13:00" }),
        json!({ "meeting_kind": "closing_conversation", "date": next_day, "start_time": "13:00", "end_time": "13:45",
                "participant_id": setup.anne }),
    ] {
        let (status, meeting) = send(&leader, Method::POST, &meetings, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{meeting}");
    }
    set_clock(&app, oslo(&next_day, "09:00"));
    reminders::send_due(&app.state).await.unwrap();
    set_clock(&app, oslo(&next_day, "11:59"));
    reminders::send_due(&app.state).await.unwrap();
    let mails = outbox_of(&app, "meeting-reminder").await;
    assert_eq!(
        recipients(&mails[2..]),
        ["kari@example.org"],
        "the family session reaches Ola's family alone; the network meeting and the closing conversation are arranged in person"
    );

    // Ola's reminders off: the next family session about Ola reminds nobody.
    setup.set_reminders(setup.ola, false).await;
    let later = (day(&parent_date) + Duration::days(2)).to_string();
    let body = json!({ "meeting_kind": "family_session", "date": later, "start_time": "10:00", "end_time": "11:00",
                       "participant_id": setup.ola });
    assert_eq!(send(&leader, Method::POST, &meetings, &body).await.0, StatusCode::CREATED);
    set_clock(&app, oslo(&later, "09:00"));
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(outbox_of(&app, "meeting-reminder").await.len(), 3);

    // At the test SMTP server: every mail queued arrives; the meeting reminders say "møte".
    let total = outbox(&app).await.len();
    let received = server.wait_for(total, ARRIVAL).await;
    let about_meetings: Vec<&ReceivedMail> =
        received.iter().filter(|m| m.subject.starts_with("Kommune A: påminnelse om møte ")).collect();
    assert_eq!(about_meetings.len(), 3, "{:?}", received.iter().map(|m| &m.subject).collect::<Vec<_>>());
    let family_day = day(&next_day).format("%d.%m.%Y").to_string();
    let family = about_meetings.iter().find(|m| m.subject.ends_with(&family_day)).expect("the family session's");
    assert_eq!(family.envelope_to, "kari@example.org");
    assert!(family.body.contains(&format!("{family_day} klokka 10:00")), "{}", family.body);
    assert_mails_tell_nothing(&app).await;

    // The reminders page says which meetings are reminded of.
    let page = app.logged_in("leder1@a.no").await;
    let (status, html) = page.get_html(&format!("/courses/{}/reminders", setup.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Foreldremøter, informasjonsmøter, familiesamlinger og oppfølgingsmøtet"), "{html}");
    assert!(html.contains("gjelder det alle foresatte til barnet"));
}

#[tokio::test]
async fn a_course_about_to_start_reminds_before_its_first_session_and_a_draft_does_not() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup_until(&app, "ready").await;
    let planned = setup.planned().await;
    let first = oslo(planned[0]["date"].as_str().unwrap(), "14:15");

    // The day before the first session the course is still "ready": the families hear of it.
    set_clock(&app, first - 24 * 3600 + 60);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 2);
    let received = server.wait_for(2, ARRIVAL).await;
    let mut to: Vec<&str> = received.iter().map(|m| m.envelope_to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["anne@example.org", "kari@example.org"]);
    assert!(received.iter().all(|m| m.subject.starts_with("Kommune A: påminnelse om gruppa ")));

    // Back to draft: no more reminders.
    let path = format!("{A}/courses/{}/status", setup.course_id);
    let response = setup.api.request(Method::PUT, &path).header("If-Match", "*").json(&json!({ "status": "draft" }));
    let (status, body) = Api::json_of(response.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    an_hour_before(&app, &planned[1]);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 0);
    assert_eq!(outbox_of(&app, "session-reminder").await.len(), 2);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(server.received().len(), 2);
}

#[tokio::test]
async fn the_follow_up_moves_with_the_replacement_unless_moved_by_hand_after_the_end() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let planned = setup.planned().await;
    let last = day(planned.last().unwrap()["date"].as_str().unwrap());
    let follow_ups = meetings_of(&app, setup.course_id, "follow_up").await;
    assert_eq!(follow_ups.len(), 1, "SMIL has one follow-up, 14 days after the end");
    let (follow_up, placed, _, _) = follow_ups[0].clone();
    assert!(day(&placed) >= last + Duration::days(14), "{placed} after {last}");

    let cancel = |sid: &Value| {
        let path = format!("{A}/courses/{}/sessions/{sid}/cancel", setup.course_id);
        setup
            .api
            .request(Method::POST, &path)
            .header("If-Match", "*")
            .json(&json!({ "reason": "Stengt", "notify": false }))
    };
    let (status, cancelled) = Api::json_of(cancel(&planned[1]["id"]).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    let replacement_id = cancelled["replacement_session_id"].as_i64().expect("a replacement");
    let replacement: String = app.scalar("SELECT date FROM course_sessions WHERE id = $1", (replacement_id,)).await;
    let replacement = day(&replacement);
    assert!(replacement > last);
    let (_, moved, _, version) = meetings_of(&app, setup.course_id, "follow_up").await[0].clone();
    let moved = day(&moved);
    let after = (moved - replacement).num_days();
    assert!(
        (14..=21).contains(&after),
        "the follow-up {moved} is 14 days (or the next open weekday) after {replacement}"
    );
    assert!(!matches!(chrono::Datelike::weekday(&moved), chrono::Weekday::Sat | chrono::Weekday::Sun));
    assert_eq!(
        app.audit_count("course.session.move", Some(("course_session", &follow_up.to_string())), "success", None).await,
        1
    );

    // Moved by hand to a later day: the next replacement leaves it there.
    let by_hand = moved + Duration::days(21);
    let path = format!("{A}/courses/{}/sessions/{follow_up}", setup.course_id);
    let response = setup
        .api
        .request(Method::PUT, &path)
        .header("If-Match", format!("\"v{version}\""))
        .json(&json!({ "date": by_hand.to_string(), "start_time": "14:15", "end_time": "15:15" }));
    let (status, body) = Api::json_of(response.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, cancelled) = Api::json_of(cancel(&planned[2]["id"]).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert!(cancelled["replacement_session_id"].as_i64().is_some());
    let (_, kept, _, _) = meetings_of(&app, setup.course_id, "follow_up").await[0].clone();
    assert_eq!(kept, by_hand.to_string(), "moved by hand to after the new end: left alone");

    // Moved by hand to before the end: the next replacement puts it after the end again.
    let early = day(planned[4]["date"].as_str().unwrap()) + Duration::days(1);
    let (_, _, _, version) = meetings_of(&app, setup.course_id, "follow_up").await[0].clone();
    let response = setup
        .api
        .request(Method::PUT, &path)
        .header("If-Match", format!("\"v{version}\""))
        .json(&json!({ "date": early.to_string(), "start_time": "14:15", "end_time": "15:15" }));
    assert_eq!(Api::json_of(response.send().await.unwrap()).await.0, StatusCode::OK);
    let (status, cancelled) = Api::json_of(cancel(&planned[3]["id"]).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    let newest: String = app
        .scalar(
            "SELECT date FROM course_sessions WHERE id = $1",
            (cancelled["replacement_session_id"].as_i64().unwrap(),),
        )
        .await;
    let (_, again, _, _) = meetings_of(&app, setup.course_id, "follow_up").await[0].clone();
    assert!(day(&again) > day(&newest), "{again} after the new last session {newest}");
}

/// The person id of someone in the fixture, by name.
async fn person_named(app: &TestApp, name: &str) -> i64 {
    app.scalar("SELECT id FROM persons WHERE name = $1", (name,)).await
}

/// Adds Jon, a second guardian of Ola with parental responsibility and an address
/// (jon@example.org); returns (Kari, Jon) as person ids.
async fn second_guardian(app: &TestApp) -> (i64, i64) {
    let kari = person_named(app, "Kari Foresatt").await;
    let household_id: i64 = app.scalar("SELECT household_id FROM persons WHERE id = $1", (kari,)).await;
    let organisation_id = app.organisation_id("org-a").await;
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    let jon = households::add_person(
        &mut conn,
        organisation_id,
        &NewPerson {
            household_id,
            household_role: Guardian,
            parental_responsibility: true,
            name: "Jon Foresatt",
            birth_date: None,
            national_id: None,
            phone: "",
            email: "jon@example.org",
            sex: None,
        },
        app.now(),
    )
    .await
    .unwrap();
    (kari, jon)
}

/// The family mails (not the leaders' log reminders) the SMTP server has received, sorted
/// by address, once there are `count` of them.
async fn family_mail(server: &MailServer, count: usize) -> Vec<String> {
    let until = std::time::Instant::now() + ARRIVAL;
    loop {
        let mut to: Vec<String> =
            server.received().into_iter().map(|m| m.envelope_to).filter(|to| to.ends_with("@example.org")).collect();
        to.sort();
        if to.len() >= count || std::time::Instant::now() > until {
            return to;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// (name, has_email, reminders) of the grown-ups a participant's reminders go to, as the
/// API shows them.
fn recipients_of(view: &Value, participant_id: i64) -> Vec<(String, bool, bool)> {
    let participant = view["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["participant_id"] == participant_id)
        .unwrap_or_else(|| panic!("{participant_id} in {view}"));
    participant["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["has_email"].as_bool().unwrap(),
                r["reminders"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn one_guardian_turns_reminders_off_while_the_childs_other_guardian_still_gets_them() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let setup = setup(&app).await;
    let (kari, jon) = second_guardian(&app).await;
    let planned = setup.planned().await;
    let reminders_path = format!("{A}/courses/{}/reminders", setup.course_id);
    let kari_path = format!("{A}/courses/{}/reminder-recipients/{kari}", setup.course_id);

    let view = setup.api.get_ok(&reminders_path).await;
    let s = |name: &str, email: bool, on: bool| (name.to_string(), email, on);
    assert_eq!(
        recipients_of(&view, setup.ola),
        [s("Jon Foresatt", true, true), s("Kari Foresatt", true, true), s("Lise Utenpost", false, true)],
        "Per has no parental responsibility"
    );
    assert_eq!(recipients_of(&view, setup.anne), [s("Anne Voksen", true, true)]);

    // Kari turns hers off: Jon (and Anne) are still reminded of the first session.
    let (status, saved) = send(&setup.api, Method::PUT, &kari_path, &json!({ "reminders": false })).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, json!({ "person_id": kari, "reminders": false }));
    let (_, view) = setup.api.get_json(&reminders_path).await;
    assert_eq!(
        recipients_of(&view, setup.ola),
        [s("Jon Foresatt", true, true), s("Kari Foresatt", true, false), s("Lise Utenpost", false, true)]
    );
    assert_eq!(view["participants_with_reminders_off"], 0, "Ola's own switch is still on: {view}");
    an_hour_before(&app, &planned[0]);
    assert_eq!(reminders::send_due(&app.state).await.unwrap(), 2, "Jon and Anne");
    assert_eq!(family_mail(&server, 2).await, ["anne@example.org", "jon@example.org"]);

    // On again: the second session reaches Kari too.
    let (status, saved) = send(&setup.api, Method::PUT, &kari_path, &json!({ "reminders": true })).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    an_hour_before(&app, &planned[1]);
    reminders::send_due(&app.state).await.unwrap();
    assert_eq!(
        family_mail(&server, 5).await,
        ["anne@example.org", "anne@example.org", "jon@example.org", "jon@example.org", "kari@example.org"]
    );

    // The child's own switch still silences the whole household, Jon included.
    setup.set_reminders(setup.ola, false).await;
    an_hour_before(&app, &planned[2]);
    reminders::send_due(&app.state).await.unwrap();
    let all = outbox_of(&app, "session-reminder").await;
    assert_eq!(
        recipients(&all),
        [
            "anne@example.org",
            "anne@example.org",
            "anne@example.org",
            "jon@example.org",
            "jon@example.org",
            "kari@example.org"
        ]
    );

    // Someone the course's reminders do not go to is not found: Per (no parental
    // responsibility), the child himself, nobody at all. Nonsense is malformed.
    let ola_person = person_named(&app, CHILD).await;
    for id in [person_named(&app, "Per Uten").await, ola_person, 999_999] {
        let path = format!("{A}/courses/{}/reminder-recipients/{id}", setup.course_id);
        assert_eq!(send(&setup.api, Method::PUT, &path, &json!({ "reminders": false })).await.0, StatusCode::NOT_FOUND);
    }
    assert_eq!(
        send(&setup.api, Method::PUT, &kari_path, &json!({ "reminders": "no" })).await.0,
        StatusCode::BAD_REQUEST
    );
    let stored: i64 = app.scalar("SELECT COUNT(*) FROM person_reminder_opt_outs", ()).await;
    assert_eq!(stored, 0, "nothing refused was stored, and Kari is on again");

    for (action, count) in [("course.reminders.person.off", 1), ("course.reminders.person.on", 1)] {
        assert_eq!(
            app.audit_count(action, Some(("person", &kari.to_string())), "success", None).await,
            count,
            "{action}"
        );
    }
    assert_eq!(
        app.audit_count("course.reminders.person.off", Some(("person", &jon.to_string())), "success", None).await,
        0
    );
    assert_mails_tell_nothing(&app).await;
}

#[tokio::test]
async fn a_user_representative_or_secretary_cannot_switch_a_guardian_and_the_refusal_is_audited() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let (kari, _) = second_guardian(&app).await;
    let kari_path = format!("{A}/courses/{}/reminder-recipients/{kari}", setup.course_id);
    app.add_user("org-a", "sekretar@a.no", "secretary").await;

    let representative = app.api(&app.token_for("bruker@a.no").await);
    let (status, body) = send(&representative, Method::PUT, &kari_path, &json!({ "reminders": false })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(app.audit_count("course.reminders.update", None, "denied", None).await, 1);
    let secretary = app.api(&app.token_for("sekretar@a.no").await);
    let (status, body) = send(&secretary, Method::PUT, &kari_path, &json!({ "reminders": false })).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let denied: i64 = app.scalar("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'", ()).await;
    assert!(denied >= 2, "both refusals are audited: {denied}");
    // The representative sees the course's reminders, but no guardian by name.
    let view = representative.get_ok(&format!("{A}/courses/{}/reminders", setup.course_id)).await;
    assert!(view["participants"].is_null() && !view.to_string().contains("Kari"), "{view}");

    let stored: i64 = app.scalar("SELECT COUNT(*) FROM person_reminder_opt_outs", ()).await;
    assert_eq!(stored, 0);
    assert_eq!(app.audit_count("course.reminders.person.off", None, "success", None).await, 0);
}

#[tokio::test]
async fn the_reminders_page_lists_each_guardian_with_a_switch_that_saves() {
    let app = TestApp::spawn().await;
    let setup = setup(&app).await;
    let (kari, jon) = second_guardian(&app).await;
    let page = format!("/courses/{}/reminders", setup.course_id);

    let coordinator = app.logged_in("koord@a.no").await;
    let (status, html) = coordinator.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    let jon_item = element_of(&html, &format!("person-{jon}")).expect("Jon is listed");
    assert!(jon_item.contains("Jon Foresatt") && jon_item.contains("Slå av påminnelser"), "{jon_item}");
    assert!(jon_item.contains(&format!("action=\"{page}/persons/{jon}\"")), "{jon_item}");
    assert!(element_of(&html, &format!("person-{kari}")).is_some());
    assert!(strip_tags(&html).contains(&format!("Foresatte som får påminnelser om {CHILD}")), "{}", strip_tags(&html));
    assert!(!html.contains("Per Uten") && !html.contains("Lise Utenpost"), "no responsibility / no address");

    let response = coordinator.submit(&page, &format!("{page}/persons/{jon}"), &[("reminders", "off")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{page}?saved=person#participant-heading"));
    let (_, html) = coordinator.get_html(&format!("{page}?saved=person")).await;
    assert!(strip_tags(&html).contains("Påminnelsene til den foresatte er lagret."));
    assert!(element_of(&html, &format!("person-{jon}")).unwrap().contains("Slå på påminnelser"));
    assert!(element_of(&html, &format!("person-{kari}")).unwrap().contains("Slå av påminnelser"), "Kari keeps hers");
    let (_, view) = setup.api.get_json(&format!("{A}/courses/{}/reminders", setup.course_id)).await;
    let on = |name: &str| recipients_of(&view, setup.ola).into_iter().find(|r| r.0 == name).unwrap().2;
    assert!(!on("Jon Foresatt") && on("Kari Foresatt"), "{view}");
    assert_eq!(
        app.audit_count("course.reminders.person.off", Some(("person", &jon.to_string())), "success", None).await,
        1
    );
    // A malformed switch changes nothing.
    let response = coordinator.submit(&page, &format!("{page}/persons/{jon}"), &[("reminders", "maybe")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // The user representative sees no guardian and cannot switch one.
    let representative = app.logged_in("bruker@a.no").await;
    let (_, html) = representative.get_html(&page).await;
    assert!(!html.contains("Jon Foresatt") && !html.contains("/persons/"), "{html}");
    let response = representative.submit(&page, &format!("{page}/persons/{jon}"), &[("reminders", "on")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
