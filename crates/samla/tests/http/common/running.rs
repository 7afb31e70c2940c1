//! A course that is running, for the tests of #6: an organisation with one person per
//! role, a Mestringsgrupper course that started two weeks before the test clock's today,
//! two certified group leaders and a user representative on every session, and three children enrolled
//! through the intake services (guardians with e-mail addresses; the first family has also
//! consented to sharing with the network). A second course has a leader of its own.
//!
//! Seeding goes through the services, as the people would; what the tests check goes
//! through HTTP.

use super::{actor_in, Api, Browser, TestApp};
use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::courses::{self as course_service, CourseForm, StaffForm};
use samla_web::services::intake::applications::{self as intake, Origin};
use samla_web::services::intake::ApplicationForm;
use serde_json::{json, Value};

pub const ORG: &str = "org-a";
pub const COORDINATOR: &str = "coordinator@a.test";
pub const LEADER: &str = "leader@a.test";
pub const CO_LEADER: &str = "co-leader@a.test";
pub const OTHER_LEADER: &str = "other-leader@a.test";
pub const SECRETARY: &str = "secretary@a.test";
pub const REPRESENTATIVE: &str = "rep@a.test";
pub const COURSE_NAME: &str = "Mestringsgruppe for barn";

pub struct Child {
    pub name: &'static str,
    pub guardian_email: &'static str,
    /// The `course_participants` id: the participant id of #6.
    pub participant_id: i64,
    pub person_id: i64,
}

pub struct RunningCourse {
    pub organisation_id: i64,
    pub course_id: i64,
    pub other_course_id: i64,
    pub coordinator_id: i64,
    pub leader_id: i64,
    pub co_leader_id: i64,
    pub other_leader_id: i64,
    pub secretary_id: i64,
    pub representative_id: i64,
    /// The course's sessions (kind 'session'), in date order.
    pub session_ids: Vec<i64>,
    /// The course's meetings (kind 'meeting'), in date order.
    pub meeting_ids: Vec<i64>,
    pub children: Vec<Child>,
}

impl RunningCourse {
    /// The page of a session's attendance sheet.
    pub fn attendance_page(&self, session_id: i64) -> String {
        format!("/courses/{}/sessions/{session_id}/attendance", self.course_id)
    }

    /// The participant id of the child at `index` (Ada, Brage, Cecilie).
    pub fn child_id(&self, index: usize) -> i64 {
        self.children[index].participant_id
    }
}

const CHILDREN: [(&str, &str, &str, bool); 3] = [
    ("Ada Fjellstad", "2016-03-14", "ada.guardian@example.test", true),
    ("Brage Lund", "2015-09-02", "brage.guardian@example.test", false),
    ("Cecilie Moe", "2017-01-20", "cecilie.guardian@example.test", false),
];

/// An actor for seeding through the services, as if this person were signed in.
pub async fn actor(app: &TestApp, user_id: i64, email: &str, roles: Vec<Role>) -> Actor {
    actor_in(app, ORG, user_id, email, email, roles, "test-seed").await
}

fn today(app: &TestApp) -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(app.now(), 0).expect("clock").date_naive()
}

/// The test clock's today, YYYY-MM-DD.
pub fn today_of(app: &TestApp) -> String {
    today(app).to_string()
}

/// A course of `programme` for eight, held weekly on `start`'s weekday from `start`.
pub fn course_form(
    programme: &str,
    name: &str,
    (venue, room): (&str, &str),
    start: chrono::NaiveDate,
    start_time: &str,
) -> CourseForm {
    CourseForm {
        programme: programme.into(),
        name: name.into(),
        venue: venue.into(),
        room: room.into(),
        start_date: start.to_string(),
        weekdays: vec![chrono::Datelike::weekday(&start).to_string().to_lowercase()],
        start_time: start_time.into(),
        capacity: "8".into(),
        ..Default::default()
    }
}

/// A Mestringsgrupper course at the school, planned by `coordinator`.
pub async fn plan_course(app: &TestApp, coordinator: &Actor, name: &str, start: chrono::NaiveDate) -> i64 {
    let form = course_form("mestringsgrupper", name, ("Skolen", "Rom 1"), start, "15:00");
    course_service::create(&app.state, coordinator, "mestringsgrupper", &form).await.expect("course")
}

pub async fn add_staff(app: &TestApp, coordinator: &Actor, course_id: i64, user_id: i64, role: &str) {
    let staff =
        StaffForm { user_id: Some(user_id), course_role: role.into(), on_every_session: true, ..Default::default() };
    course_service::add_staff(&app.state, coordinator, course_id, &staff).await.expect("staff");
}

/// Moves a course through these statuses, as a coordinator would.
pub async fn move_through(app: &TestApp, coordinator: &Actor, course_id: i64, statuses: &[&str]) {
    let mut version =
        course_service::course_view(&app.state, coordinator, course_id).await.expect("view").course.version;
    for status in statuses {
        version = course_service::set_status(&app.state, coordinator, course_id, status, "", version)
            .await
            .unwrap_or_else(|e| panic!("course to {status}: {e:?}"));
    }
}

/// Moves a planned course to running.
pub async fn run(app: &TestApp, coordinator: &Actor, course_id: i64) {
    move_through(app, coordinator, course_id, &["ready", "recruiting", "running"]).await;
}

/// A Mestringstreff course (adults; its manual plans segments, goals, materials and
/// homework) on `start`'s weekday, with these (user id, course role) on every session.
pub async fn mestringstreff_course(
    app: &TestApp,
    actor: &Actor,
    name: &str,
    start: chrono::NaiveDate,
    staff: &[(i64, &str)],
) -> i64 {
    let form = course_form("mestringstreff", name, ("Frivilligsentralen", "Storsalen"), start, "17:30");
    let course_id = course_service::create(&app.state, actor, &form.programme, &form).await.expect("course");
    for (user_id, role) in staff {
        let member = StaffForm {
            user_id: Some(*user_id),
            course_role: (*role).into(),
            on_every_session: true,
            ..Default::default()
        };
        course_service::add_staff(&app.state, actor, course_id, &member).await.expect("staff");
    }
    course_id
}

/// A staff member's paper application for a child (name, birth date) with one guardian
/// who has parental responsibility: consent to taking part and, when `shares`, to sharing
/// with the network.
pub fn child_application(
    course_id: i64,
    (name, birth_date): (&str, &str),
    guardian_name: &str,
    guardian_email: &str,
    shares: bool,
) -> ApplicationForm {
    let mut consents = vec!["participation".to_string()];
    if shares {
        consents.push("share_with_network".into());
    }
    ApplicationForm {
        course_id: course_id.to_string(),
        participant_type: "child".into(),
        participant_name: name.into(),
        participant_birth_date: birth_date.into(),
        guardian_name: guardian_name.into(),
        guardian_phone: "912 34 567".into(),
        guardian_email: guardian_email.into(),
        guardian_responsibility: "true".into(),
        consents,
        consent_method: "paper".into(),
        ..Default::default()
    }
}

/// Sends `form` as a staff member's application and places its participant on the
/// course straight in storage (no offer first); returns the participant id.
pub async fn enrol_application(app: &TestApp, coordinator: &Actor, course_id: i64, form: &ApplicationForm) -> i64 {
    let organisation = coordinator.organisation.clone();
    let receipt = intake::create(&app.state, &organisation, Origin::Staff { actor: coordinator, via_api: false }, form)
        .await
        .expect("application");
    let view = intake::view(&app.state, coordinator, receipt.application_id).await.expect("view");
    let person_id = view.application.participant_id;
    let mut conn = app.state.store.pool().acquire().await.expect("connection");
    samla_storage::intake::participants::enrol(
        &mut conn,
        course_id,
        person_id,
        Some(receipt.application_id),
        samla_domain::intake::enrolment::ParticipantRole::Participant,
        None,
        app.now(),
    )
    .await
    .expect("enrol");
    app.scalar("SELECT id FROM course_participants WHERE course_id = $1 AND person_id = $2", (course_id, person_id))
        .await
}

/// A child (name, age in years of 365 days) enrolled on the course with their guardian's
/// consent to take part, and to share with the network when `shares` says so; returns the
/// participant id.
pub async fn enrol_aged(
    app: &TestApp,
    coordinator: &Actor,
    course_id: i64,
    (name, years): (&str, i64),
    shares: bool,
) -> i64 {
    let born = chrono::Utc::now().date_naive() - chrono::Duration::days(365 * years);
    let guardian = format!("Forelder til {name}");
    let form = child_application(course_id, (name, &born.to_string()), &guardian, "", shares);
    enrol_application(app, coordinator, course_id, &form).await
}

/// Enrols a child with one guardian (who has parental responsibility and an e-mail
/// address) through the intake services, with consent to taking part and, when `shares`,
/// to sharing with the network.
pub async fn enrol_child(
    app: &TestApp,
    coordinator: &Actor,
    course_id: i64,
    (name, birth_date, guardian_email): (&'static str, &str, &'static str),
    shares: bool,
) -> Child {
    let organisation_id = coordinator.organisation.id;
    let guardian = format!("Foresatt til {name}");
    let form = child_application(course_id, (name, birth_date), &guardian, guardian_email, shares);
    let receipt = intake::create(
        &app.state,
        &coordinator.organisation,
        Origin::Staff { actor: coordinator, via_api: false },
        &form,
    )
    .await
    .expect("application");
    let mut tx = app.state.store.write().await.expect("tx");
    let application = samla_storage::intake::applications::get(&mut tx.tx, organisation_id, receipt.application_id)
        .await
        .expect("application");
    intake::enrol_in(&mut tx, &app.state, organisation_id, &application, Some(coordinator.user_id), app.now())
        .await
        .expect("enrolled");
    tx.commit().await.expect("commit");
    let (participant_id, person_id): (i64, i64) = app
        .row(
            "SELECT cp.id, cp.person_id FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND p.name = $2",
            (course_id, name),
        )
        .await;
    Child { name, guardian_email, participant_id, person_id }
}

/// Seeds the organisation, both courses and the three children.
pub async fn seed(app: &TestApp) -> RunningCourse {
    app.relax_second_factor(ORG).await;
    let coordinator_id = app.add_user(ORG, COORDINATOR, "coordinator").await;
    let leader_id = app.add_user(ORG, LEADER, "group_leader").await;
    let co_leader_id = app.add_user(ORG, CO_LEADER, "group_leader").await;
    let other_leader_id = app.add_user(ORG, OTHER_LEADER, "group_leader").await;
    let secretary_id = app.add_user(ORG, SECRETARY, "secretary").await;
    let representative_id = app.add_user(ORG, REPRESENTATIVE, "user_representative").await;
    let coordinator = actor(app, coordinator_id, COORDINATOR, vec![Role::Coordinator]).await;
    let organisation_id = coordinator.organisation.id;
    // The programme wants two certified leaders at every session.
    let mut conn = app.state.store.pool().acquire().await.expect("connection");
    let programme = samla_storage::programmes::own_by_slug(&mut conn, organisation_id, "mestringsgrupper")
        .await
        .expect("query")
        .expect("programme");
    for user_id in [leader_id, co_leader_id, other_leader_id, coordinator_id] {
        samla_storage::programmes::set_certified(&mut conn, user_id, programme.id, organisation_id, Some("2025-01-10"))
            .await
            .expect("certified");
    }
    drop(conn);
    let start = today(app) - chrono::Duration::days(14);
    let course_id = plan_course(app, &coordinator, COURSE_NAME, start).await;
    add_staff(app, &coordinator, course_id, leader_id, "group_leader").await;
    add_staff(app, &coordinator, course_id, co_leader_id, "group_leader").await;
    add_staff(app, &coordinator, course_id, representative_id, "user_representative").await;
    let other_course_id = plan_course(app, &coordinator, "Annen gruppe", start).await;
    add_staff(app, &coordinator, other_course_id, other_leader_id, "group_leader").await;
    let other_co_leader_id = app.add_user(ORG, "other-co-leader@a.test", "group_leader").await;
    let mut conn = app.state.store.pool().acquire().await.expect("connection");
    samla_storage::programmes::set_certified(
        &mut conn,
        other_co_leader_id,
        programme.id,
        organisation_id,
        Some("2025-01-10"),
    )
    .await
    .expect("certified");
    drop(conn);
    add_staff(app, &coordinator, other_course_id, other_co_leader_id, "group_leader").await;

    let mut children = Vec::new();
    for (name, birth_date, guardian_email, shares) in CHILDREN {
        children.push(enrol_child(app, &coordinator, course_id, (name, birth_date, guardian_email), shares).await);
    }
    run(app, &coordinator, course_id).await;
    run(app, &coordinator, other_course_id).await;

    let ids = |kind: &'static str| async move {
        let rows: Vec<(i64,)> = app
            .rows(
                "SELECT id FROM course_sessions WHERE course_id = $1 AND kind = $2 ORDER BY date, start_time, id",
                (course_id, kind),
            )
            .await;
        rows.into_iter().map(|(id,)| id).collect::<Vec<i64>>()
    };
    let session_ids = ids("session").await;
    let meeting_ids = ids("meeting").await;
    RunningCourse {
        organisation_id,
        course_id,
        other_course_id,
        coordinator_id,
        leader_id,
        co_leader_id,
        other_leader_id,
        secretary_id,
        representative_id,
        session_ids,
        meeting_ids,
        children,
    }
}

/// The intake records behind the seeded children: (application ids, household ids).
pub async fn intake_ids(app: &TestApp, course: &RunningCourse) -> (Vec<i64>, Vec<i64>) {
    let mut applications = Vec::new();
    let mut households = Vec::new();
    for child in &course.children {
        let (application, household): (i64, i64) = app
            .row(
                "SELECT id, household_id FROM applications WHERE organisation_id = $1 AND participant_id = $2",
                (course.organisation_id, child.person_id),
            )
            .await;
        applications.push(application);
        households.push(household);
    }
    (applications, households)
}

/// Sends a session's attendance sheet with these headers (`If-Match`, `Idempotency-Key`):
/// the status, the answer and the ETag it carries ("" when none).
pub async fn put_sheet(
    api: &Api,
    session_id: i64,
    headers: &[(&str, &str)],
    body: &Value,
) -> (StatusCode, Value, String) {
    let mut request =
        api.request(Method::PUT, &format!("/organisations/{ORG}/sessions/{session_id}/attendance")).json(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let (status, json) = Api::json_of(response).await;
    (status, json, etag)
}

/// Moves the test clock on until the session's day has come (attendance is taken on the
/// day or after), and always by a minute, so two saves never share a second. Returns the
/// session as getSession shows it.
pub async fn reach(app: &TestApp, api: &Api, session_id: i64) -> Value {
    app.state.clock.advance(60);
    let session = api.get_ok(&format!("/organisations/{ORG}/sessions/{session_id}")).await;
    let day = NaiveDate::parse_from_str(session["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    // UTC's day is never ahead of Oslo's, so once it has come, it has come there too.
    while chrono::DateTime::from_timestamp(app.now(), 0).unwrap().date_naive() < day {
        app.state.clock.advance(24 * 3600);
    }
    session
}

/// Saves a session's whole attendance through the attendance API, as a leader's phone
/// would, once the session's day has come ([`reach`]): reads the sheet's ETag first. Every
/// guardian the session expects (at a parents' or family gathering) came; `adults` counts
/// other parents and family members.
pub async fn save_attendance(
    app: &TestApp,
    api: &Api,
    session_id: i64,
    marks: &[(i64, &str)],
    staff_present: &[i64],
    adults: (u32, u32),
) -> Value {
    let session = reach(app, api, session_id).await;
    let path = format!("/organisations/{ORG}/sessions/{session_id}/attendance");
    let response = api.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK, "the sheet of session {session_id}");
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let entries: Vec<Value> = marks.iter().map(|(id, a)| json!({ "participant_id": id, "attendance": a })).collect();
    let guardians: Vec<Value> = session["expected_guardians"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| json!({ "person_id": g["person_id"], "attendance": "present" }))
        .collect();
    let body = json!({
        "entries": entries, "guardians": guardians, "parents": adults.0, "family_members": adults.1,
        "staff_present": staff_present,
    });
    let response = api.send_json_with(Method::PUT, &path, ("If-Match", etag), &body).await;
    let (status, saved) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::OK, "saving session {session_id}: {saved}");
    saved
}

/// Sends the running settings page's form as typed: (follow-up after absences in a row,
/// reminder hours before a session, log grace hours).
pub async fn submit_running_settings(
    browser: &Browser,
    (follow_up, reminder, grace): (&str, &str, &str),
) -> reqwest::Response {
    let fields =
        [("follow_up_after_absences", follow_up), ("reminder_hours_before", reminder), ("log_grace_hours", grace)];
    browser.submit("/running/settings", "/running/settings", &fields).await
}
