//! The attendance overview of a running course, on the real server: figures per session
//! and per participant computed from sheets saved through putSessionAttendance; the
//! follow-up task that comes after the organisation's number of absences in a row, once
//! per run; dropouts; who sees names and who sees counts only; the printable summary.

use crate::common::running::{
    reach, save_attendance, seed, submit_running_settings, RunningCourse, COORDINATOR, LEADER, OTHER_LEADER,
    REPRESENTATIVE, SECRETARY,
};
use crate::common::{error_summary, hrefs, location, send, strip_tags, unescape, Api, Browser, TestApp};
use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

async fn api_for(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

/// The course's staff ids: (group leaders, user representatives).
async fn staff_ids(api: &Api, course_id: i64) -> (Vec<i64>, Vec<i64>) {
    let staff = api.get_ok(&format!("{A}/courses/{course_id}/staff")).await;
    let of = |role: &str| -> Vec<i64> {
        staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["course_role"] == role)
            .map(|m| m["id"].as_i64().unwrap())
            .collect()
    };
    (of("group_leader"), of("user_representative"))
}

/// How the server answers a dropout of the participant from the course (reason "Nei").
async fn dropout_status(api: &Api, course_id: i64, participant_id: i64) -> StatusCode {
    let path = format!("{A}/courses/{course_id}/participants/{participant_id}/dropout");
    send(api, Method::POST, &path, &json!({ "reason": "Nei" })).await.0
}

/// How the server answers completing the follow-up task (outcome "Ok").
async fn complete_status(api: &Api, task_id: i64) -> StatusCode {
    send(api, Method::POST, &format!("{A}/follow-up-tasks/{task_id}/complete"), &json!({ "outcome": "Ok" })).await.0
}

async fn attendance(api: &Api, course_id: i64) -> Value {
    api.get_ok(&format!("{A}/courses/{course_id}/attendance")).await
}

fn participant(overview: &Value, participant_id: i64) -> &Value {
    overview["participants"]
        .as_array()
        .expect("participants listed")
        .iter()
        .find(|p| p["participant_id"] == participant_id)
        .expect("the participant")
}

async fn tasks(api: &Api, course_id: i64) -> Vec<Value> {
    let body = api.get_ok(&format!("{A}/courses/{course_id}/follow-up-tasks")).await;
    body["items"].as_array().unwrap().clone()
}

/// Who a session expects, by participant id.
async fn expected(api: &Api, session_id: i64) -> Vec<i64> {
    let session = api.get_ok(&format!("{A}/sessions/{session_id}")).await;
    session["expected"].as_array().unwrap().iter().map(|p| p["participant_id"].as_i64().unwrap()).collect()
}

/// A seeded course, its group leader's client and the ids of its leaders.
struct Led {
    app: TestApp,
    course: RunningCourse,
    leader: Api,
    leaders: Vec<i64>,
}

async fn led() -> Led {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let leader = api_for(&app, LEADER).await;
    let (leaders, _) = staff_ids(&leader, course.course_id).await;
    Led { app, course, leader, leaders }
}

impl Led {
    /// Saves a session's sheet with these marks, every leader present and no adults counted.
    async fn save(&self, session_id: i64, marks: &[(i64, &str)]) {
        save_attendance(&self.app, &self.leader, session_id, marks, &self.leaders, (0, 0)).await;
    }
}

/// The three children's ids.
fn kids(course: &RunningCourse) -> (i64, i64, i64) {
    (course.children[0].participant_id, course.children[1].participant_id, course.children[2].participant_id)
}

#[tokio::test]
async fn figures_per_session_and_per_participant_follow_the_saved_sheets() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let (ada, brage, cecilie) = kids(&course);
    let coordinator = api_for(&app, COORDINATOR).await;
    let leader = api_for(&app, LEADER).await;

    // At least two leaders on the course, every one certified for the programme, so a
    // session where they all came is staffed as the programme requires.
    let (leaders, _) = staff_ids(&leader, course.course_id).await;
    if leaders.len() < 2 {
        let (status, added) = send(
            &coordinator,
            Method::POST,
            &format!("{A}/courses/{}/staff", course.course_id),
            &json!({ "user_id": course.coordinator_id, "course_role": "group_leader" }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{added}");
    }
    let (_, about) = coordinator.get_json(&format!("{A}/courses/{}", course.course_id)).await;
    let programme = about["programme"]["id"].as_i64().unwrap();
    let (_, staff) = coordinator.get_json(&format!("{A}/courses/{}/staff", course.course_id)).await;
    for member in staff["items"].as_array().unwrap().iter().filter(|m| m["course_role"] == "group_leader") {
        let user_id = member["user_id"].as_i64().expect("leaders with accounts");
        let response = coordinator
            .send_json(
                Method::PUT,
                &format!("{A}/programmes/{programme}/certifications/{user_id}"),
                &json!({ "certified_on": "2024-05-01" }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let (leaders, representatives) = staff_ids(&leader, course.course_id).await;

    let [first, second] = [course.session_ids[0], course.session_ids[1]];
    let mut everyone = leaders.clone();
    everyone.extend(&representatives);
    save_attendance(
        &app,
        &leader,
        first,
        &[(ada, "present"), (brage, "late"), (cecilie, "absent_with_notice")],
        &everyone,
        (0, 0),
    )
    .await;
    save_attendance(
        &app,
        &leader,
        second,
        &[(ada, "left_early"), (brage, "absent_without_notice"), (cecilie, "absent_without_notice")],
        &leaders[..1],
        (0, 0),
    )
    .await;

    let overview = attendance(&coordinator, course.course_id).await;
    assert_eq!(overview["follow_up_after_absences"], 2);
    let sessions = overview["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "only held sessions: {sessions:?}");
    assert_eq!(sessions[0]["session_id"], first);
    assert_eq!(sessions[0]["number"], 1);
    assert_eq!(sessions[0]["participants_attended"], 2);
    assert_eq!(sessions[0]["participants_expected"], 3);
    assert_eq!(sessions[0]["staff_present"].as_array().unwrap().len(), everyone.len());
    assert_eq!(sessions[0]["staffing_gaps"], json!([]), "the certified leaders came");
    assert_eq!(sessions[1]["participants_attended"], 1);
    assert_eq!(sessions[1]["audience"], "participants");
    assert_eq!((sessions[1]["guardians_expected"].clone(), sessions[1]["parents"].clone()), (json!(0), json!(0)));
    let gaps = sessions[1]["staffing_gaps"].as_array().unwrap();
    assert!(gaps.contains(&json!({ "gap": "group_leaders", "have": 1, "need": 2 })), "one leader came: {gaps:?}");

    let line = participant(&overview, ada);
    assert_eq!((line["attended"].clone(), line["held"].clone()), (json!(2), json!(2)));
    assert_eq!(line["left_early"], 1);
    assert_eq!(line["absences_in_a_row"], 0);
    assert_eq!(line["follow_up"], "none");
    assert_eq!(line["name"], "Ada Fjellstad");
    let line = participant(&overview, brage);
    assert_eq!((line["attended"].clone(), line["late"].clone()), (json!(1), json!(1)));
    assert_eq!(line["absent_without_notice"], 1);
    assert_eq!(line["absences_in_a_row"], 1);
    let line = participant(&overview, cecilie);
    assert_eq!(line["attended"], 0);
    assert_eq!((line["absent_with_notice"].clone(), line["absent_without_notice"].clone()), (json!(1), json!(1)));
    assert_eq!(line["absences_in_a_row"], 2);
    assert_eq!(line["follow_up"], "open");
    let marks: Vec<&Value> = line["sessions"].as_array().unwrap().iter().map(|m| &m["attendance"]).collect();
    assert_eq!(marks, [&json!("absent_with_notice"), &json!("absent_without_notice")]);
    assert!(
        app.audit_count("attendance.read", Some(("course", &course.course_id.to_string())), "success", None).await >= 1
    );

    // The pages say the same.
    let browser = app.logged_in(COORDINATOR).await;
    let (status, page) = browser.get_html(&format!("/courses/{}/attendance", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 av 3") && page.contains("Ada Fjellstad"), "{page}");
    assert!(page.contains("deltok på 0 av 2"), "Cecilie's line");
    assert!(page.contains("1 samling hadde færre ansatte enn programmet krever."), "the staffing summary");
    let (_, course_page) = browser.get_html(&format!("/courses/{}", course.course_id)).await;
    assert!(hrefs(&course_page).contains(&format!("/courses/{}/attendance#session-{second}", course.course_id)));
    assert!(course_page.contains("1 samling som er holdt, hadde færre ansatte enn programmet krever"));
    assert!(hrefs(&course_page).contains(&format!("/courses/{}/concerns", course.course_id)));
}

#[tokio::test]
async fn a_follow_up_comes_at_the_threshold_once_per_run_of_absences() {
    let Led { app, course, leader, leaders } = led().await;
    let (ada, brage, cecilie) = kids(&course);
    let week = |n: usize, cecilie_was: &'static str| {
        (course.session_ids[n], [(ada, "present"), (brage, "present"), (cecilie, cecilie_was)])
    };

    // One absence: not yet.
    let (session, marks) = week(0, "absent_without_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    assert!(tasks(&leader, course.course_id).await.is_empty(), "one absence is below the threshold of two");

    // The second in a row: a task, once, however often the sheet is saved.
    let (session, marks) = week(1, "absent_with_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    let found = tasks(&leader, course.course_id).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["participant_id"], cecilie);
    assert_eq!(found[0]["participant_name"], "Cecilie Moe");
    assert_eq!(found[0]["absences"], 2);
    assert_eq!(found[0]["done"], false);
    let task_id = found[0]["id"].as_i64().unwrap();

    // On the leader's home page, by first name.
    let browser = app.logged_in(LEADER).await;
    let (_, home) = browser.get_html("/").await;
    assert!(home.contains("Kontakt familien til Cecilie: 2 fravær på rad"), "{home}");
    assert!(hrefs(&home).contains(&format!("/courses/{}/participants/{cecilie}#follow-up", course.course_id)));

    // Completing it needs an outcome, and happens once.
    let complete = format!("{A}/follow-up-tasks/{task_id}/complete");
    let (status, problem) = send(&leader, Method::POST, &complete, &json!({ "outcome": "  " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "outcome");
    let outcome = "Snakket med mor, kommer neste uke";
    let (status, done) = send(&leader, Method::POST, &complete, &json!({ "outcome": outcome })).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!((done["done"].clone(), done["outcome"].clone()), (json!(true), json!(outcome)));
    assert_eq!(done["done_by"], course.leader_id);
    let (status, _) = send(&leader, Method::POST, &complete, &json!({ "outcome": outcome })).await;
    assert_eq!(status, StatusCode::CONFLICT, "a task is done once");
    assert_eq!(
        app.audit_count("follow_up.complete", Some(("follow_up_task", &task_id.to_string())), "success", None).await,
        1
    );
    let (_, home) = browser.get_html("/").await;
    assert!(!home.contains("Kontakt familien til Cecilie"), "a done task leaves the home page");

    // A third absence in the same run: the family has been contacted about it already.
    let (session, marks) = week(2, "absent_without_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    assert_eq!(tasks(&leader, course.course_id).await.len(), 1);

    // She comes back, then is away twice: a new run, a new task.
    let (session, marks) = week(3, "present");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    let (session, marks) = week(4, "absent_without_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    assert_eq!(tasks(&leader, course.course_id).await.len(), 1, "one absence of the new run");
    let (session, marks) = week(5, "absent_without_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    let found = tasks(&leader, course.course_id).await;
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0]["done"].clone(), found[0]["absences"].clone()), (json!(false), json!(2)));
    let second_task = found[0]["id"].as_i64().unwrap();

    // Done through the participant's page this time (signed in again: weeks have passed).
    let browser = app.logged_in(LEADER).await;
    let page = format!("/courses/{}/participants/{cecilie}", course.course_id);
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Kontakt familien til Cecilie: 2 fravær på rad"), "{html}");
    let action = format!("{page}/follow-ups/{second_task}");
    let response = browser.submit(&page, &action, &[("outcome", "")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).is_some_and(|s| s.contains("Fyll ut")), "{html}");
    assert!(html.contains(&format!("href=\"#outcome-{second_task}\"")), "the summary links to the field");
    let response = browser.submit(&page, &action, &[("outcome", "Far ringte tilbake")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("{page}?saved=contacted#follow-up"));
    let (_, html) = browser.get_html(&page).await;
    assert!(html.contains("Far ringte tilbake"));
    let overview = attendance(&leader, course.course_id).await;
    assert_eq!(participant(&overview, cecilie)["follow_up"], "done");

    // The threshold is the organisation's: at 0 nobody is asked.
    set_threshold(&api_for(&app, COORDINATOR).await, 0).await;
    let (session, marks) = week(6, "absent_without_notice");
    save_attendance(&app, &leader, session, &[marks[0], (brage, "absent_without_notice"), marks[2]], &leaders, (0, 0))
        .await;
    let (session, marks) = week(7, "absent_without_notice");
    save_attendance(&app, &leader, session, &[marks[0], (brage, "absent_without_notice"), marks[2]], &leaders, (0, 0))
        .await;
    assert_eq!(tasks(&leader, course.course_id).await.len(), 2, "follow-up is off");
}

/// Sets the organisation's follow-up threshold through the settings API.
async fn set_threshold(coordinator: &Api, threshold: i64) {
    let settings = json!({ "follow_up_after_absences": threshold, "reminder_hours_before": 24, "log_grace_hours": 24 });
    let (status, saved) = send(coordinator, Method::PUT, &format!("{A}/running-settings"), &settings).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["follow_up_after_absences"], threshold);
}

#[tokio::test]
async fn the_settings_turn_follow_up_off_or_move_its_threshold() {
    let Led { app, course, leader, leaders } = led().await;
    let (ada, brage, cecilie) = kids(&course);
    let coordinator = api_for(&app, COORDINATOR).await;
    let week = |n: usize, cecilie_was: &'static str| {
        (course.session_ids[n], [(ada, "present"), (brage, "present"), (cecilie, cecilie_was)])
    };

    // 0 through the API: follow-up is off, however many absences come.
    set_threshold(&coordinator, 0).await;
    let (_, settings) = coordinator.get_json(&format!("{A}/running-settings")).await;
    assert_eq!(settings["follow_up_after_absences"], 0);
    for n in 0..2 {
        let (session, marks) = week(n, "absent_without_notice");
        save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    }
    assert!(tasks(&leader, course.course_id).await.is_empty(), "two absences in a row, and no task");
    let overview = attendance(&coordinator, course.course_id).await;
    assert_eq!(overview["follow_up_after_absences"], 0);
    assert_eq!(participant(&overview, cecilie)["follow_up"], "none");
    let browser = app.logged_in(COORDINATOR).await;
    let (_, page) = browser.get_html(&format!("/courses/{}/attendance", course.course_id)).await;
    assert!(page.contains("Organisasjonen har slått av oppfølging etter fravær."), "{page}");

    // The settings page says what 0 means, shows it, and refuses what is out of range.
    let (status, page) = browser.get_html("/running/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("0 slår av oppfølgingsoppgavene. Fra 0 til 10."), "the hint: {page}");
    assert_eq!(crate::common::input_value(&page, "follow_up_after_absences").as_deref(), Some("0"));
    let response = submit_running_settings(&browser, ("11", "24", "24")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#follow_up_after_absences\""), "the field is named");
    let (status, _) = send(
        &coordinator,
        Method::PUT,
        &format!("{A}/running-settings"),
        &json!({ "follow_up_after_absences": -1, "reminder_hours_before": 24, "log_grace_hours": 24 }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // 3 on the page: two absences in a row are not enough any more, the third is.
    let response = submit_running_settings(&browser, ("3", "24", "24")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/running/settings?saved=settings");
    let (_, settings) = coordinator.get_json(&format!("{A}/running-settings")).await;
    assert_eq!(settings["follow_up_after_absences"], 3);
    let (session, marks) = week(1, "absent_without_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    assert!(tasks(&leader, course.course_id).await.is_empty(), "two absences are below a threshold of three");
    let (session, marks) = week(2, "absent_with_notice");
    save_attendance(&app, &leader, session, &marks, &leaders, (0, 0)).await;
    let found = tasks(&leader, course.course_id).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0]["participant_id"].as_i64(), found[0]["absences"].as_i64()), (Some(cecilie), Some(3)));
    assert_eq!(attendance(&coordinator, course.course_id).await["follow_up_after_absences"], 3);

    // 1 through the API: Brage's first absence is enough.
    set_threshold(&coordinator, 1).await;
    let (session, _) = week(3, "present");
    save_attendance(
        &app,
        &leader,
        session,
        &[(ada, "present"), (brage, "absent_without_notice"), (cecilie, "present")],
        &leaders,
        (0, 0),
    )
    .await;
    let found = tasks(&leader, course.course_id).await;
    let brages: Vec<&Value> = found.iter().filter(|t| t["participant_id"] == brage).collect();
    assert_eq!(brages.len(), 1, "{found:?}");
    assert_eq!(brages[0]["absences"], 1);
    assert_eq!(app.audit_count("running_settings.update", None, "success", Some(course.coordinator_id)).await, 3);
}

#[tokio::test]
async fn a_dropout_takes_the_participant_off_later_sheets() {
    let led = led().await;
    let (ada, brage, cecilie) = kids(&led.course);
    let all = |a: &'static str, b: &'static str, c: &'static str| [(ada, a), (brage, b), (cecilie, c)];
    led.save(led.course.session_ids[0], &all("present", "absent_without_notice", "present")).await;
    led.save(led.course.session_ids[1], &all("present", "absent_without_notice", "present")).await;
    let Led { app, course, leader, leaders } = led;
    assert_eq!(tasks(&leader, course.course_id).await.len(), 1, "Brage's follow-up is open");

    // Through the API: a reason is required; then recorded once.
    let path = format!("{A}/courses/{}/participants/{brage}/dropout", course.course_id);
    let (status, problem) = send(&leader, Method::POST, &path, &json!({ "reason": "" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "reason");
    let (status, problem) = send(&leader, Method::POST, &path, &json!({ "reason": "x", "date": "2999-01-01" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "date");
    let body = json!({ "reason": "Familien har flyttet", "reason_kind": "moved" });
    let (status, dropped) = send(&leader, Method::POST, &path, &body).await;
    assert_eq!(status, StatusCode::OK, "{dropped}");
    assert_eq!(dropped["status"], "dropped_out");
    assert_eq!(dropped["dropout_reason"], "Familien har flyttet");
    assert_eq!(dropped["dropout_reason_kind"], "moved", "the reason's group, for the statistics");
    let today = dropped["dropped_out_on"].as_str().unwrap().to_string();
    let (status, _) = send(&leader, Method::POST, &path, &json!({ "reason": "Igjen" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "a dropout is recorded once");
    assert_eq!(
        app.audit_count("participant.dropout", Some(("course_participant", &brage.to_string())), "success", None).await,
        1
    );
    let found = tasks(&leader, course.course_id).await;
    assert_eq!((found[0]["done"].clone(), found[0]["outcome"].clone()), (json!(true), json!("Familien har flyttet")));

    // Earlier sessions keep him; the next session after the day does not expect him.
    assert!(expected(&leader, course.session_ids[0]).await.contains(&brage));
    let day = NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap();
    let mut later = None;
    for session in &course.session_ids[2..] {
        let (_, found) = leader.get_json(&format!("{A}/sessions/{session}")).await;
        if NaiveDate::parse_from_str(found["date"].as_str().unwrap(), "%Y-%m-%d").unwrap() > day {
            later = Some(*session);
            break;
        }
    }
    let later = later.expect("a session after today");
    reach(&app, &leader, later).await;
    assert_eq!(expected(&leader, later).await, [ada, cecilie]);
    let sheet_path = format!("{A}/sessions/{later}/attendance");
    let (status, refused) = send(
        &leader,
        Method::PUT,
        &sheet_path,
        &json!({ "entries": [
            { "participant_id": ada, "attendance": "present" },
            { "participant_id": brage, "attendance": "present" },
            { "participant_id": cecilie, "attendance": "present" },
        ], "staff_present": leaders }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "he is not on the sheet any more: {refused}");
    save_attendance(&app, &leader, later, &[(ada, "present"), (cecilie, "present")], &leaders, (0, 0)).await;

    let overview = attendance(&leader, course.course_id).await;
    let sessions = overview["sessions"].as_array().unwrap();
    let expected_counts: Vec<i64> = sessions.iter().map(|s| s["participants_expected"].as_i64().unwrap()).collect();
    assert_eq!(expected_counts, [3, 3, 2]);
    let line = participant(&overview, brage);
    assert_eq!(line["status"], "dropped_out");
    assert_eq!(line["dropped_out_on"], today);
    assert_eq!(line["held"], 2, "his earlier sessions stay");
    assert_eq!(line["sessions"][2]["attendance"], Value::Null);

    // On the page: the form names what is missing and keeps what was typed.
    let browser = app.logged_in(LEADER).await;
    let page = format!("/courses/{}/participants/{cecilie}", course.course_id);
    let (_, html) = browser.get_html(&page).await;
    assert!(html.contains("name=\"reason\"") && html.contains("type=\"date\""), "the dropout form");
    assert!(hrefs(&html).contains(&format!("/courses/{}/participants/{cecilie}/observations", course.course_id)));
    let response = browser.submit(&page, &format!("{page}/dropout"), &[("date", &today), ("reason", " ")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(error_summary(&html).is_some_and(|s| s.contains("Fyll ut")), "{html}");
    assert!(html.contains(&format!("value=\"{today}\"")), "the date is kept");
    let response =
        browser.submit(&page, &format!("{page}/dropout"), &[("date", &today), ("reason", "Ville ikke mer")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = browser.get_html(&location(&response)).await;
    assert!(html.contains("Ville ikke mer") && !html.contains("name=\"reason\""), "recorded, the form gone");

    // The course page shows the attendance too: per session with the adults, and per
    // participant with attended x of y and each dropout's reason.
    let (status, course_page) = browser.get_html(&format!("/courses/{}", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    let per_session = text_of_element(&course_page, "course-per-session", "</table>").expect("the per-session table");
    assert!(per_session.contains("Foresatte") && per_session.contains("Andre foreldre"), "{per_session}");
    assert!(per_session.contains("Familiemedlemmer"), "{per_session}");
    assert!(per_session.contains("2 av 2"), "the last session: {per_session}");
    let line = text_of_element(&course_page, &format!("course-participant-{brage}"), "</tr>").expect("Brage's line");
    assert!(line.contains("Brage Lund") && line.contains("deltok på 0 av 2"), "{line}");
    assert!(line.contains("Familien har flyttet"), "the dropout's reason: {line}");
    let line =
        text_of_element(&course_page, &format!("course-participant-{cecilie}"), "</tr>").expect("Cecilie's line");
    assert!(line.contains("Ville ikke mer"), "{line}");
}

/// The text of the element with this id, up to `end` (its closing tag), tags stripped.
fn text_of_element(html: &str, id: &str, end: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let stop = start + html[start..].find(end)?;
    Some(unescape(&strip_tags(&html[start..stop])))
}

async fn counts_only_everywhere(course: &RunningCourse, api: &Api, browser: &Browser) {
    let (ada, brage, _) = kids(course);
    let overview = attendance(api, course.course_id).await;
    assert_eq!(overview["participants"], Value::Null);
    assert_eq!(overview["sessions"][0]["participants_attended"], 2);
    let text = overview.to_string();
    for child in &course.children {
        assert!(!text.contains(child.name), "{text}");
    }
    let (status, page) = browser.get_html(&format!("/courses/{}/attendance", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 av 3") && page.contains("Du ser bare tallene"), "{page}");
    for child in &course.children {
        assert!(!page.contains(child.name), "{page}");
    }
    for path in [
        format!("/courses/{}/attendance/print", course.course_id),
        format!("/courses/{}/participants/{ada}", course.course_id),
    ] {
        assert_eq!(browser.get(&path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let (status, _) = api.get_json(&format!("{A}/courses/{}/follow-up-tasks", course.course_id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(dropout_status(api, course.course_id, brage).await, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_user_representative_sees_counts_only() {
    let led = led().await;
    let (ada, brage, cecilie) = kids(&led.course);
    led.save(led.course.session_ids[0], &[(ada, "present"), (brage, "late"), (cecilie, "absent_with_notice")]).await;
    let Led { app, course, .. } = led;
    let representative = api_for(&app, REPRESENTATIVE).await;
    let browser = app.logged_in(REPRESENTATIVE).await;
    counts_only_everywhere(&course, &representative, &browser).await;
    let (_, course_page) = browser.get_html(&format!("/courses/{}", course.course_id)).await;
    assert!(hrefs(&course_page).contains(&format!("/courses/{}/attendance", course.course_id)));
    let per_session = text_of_element(&course_page, "course-per-session", "</table>").expect("the per-session table");
    assert!(per_session.contains("2 av 3"), "counts on the course page: {per_session}");
    assert!(course_page.contains("Du ser bare tallene"));
    for child in &course.children {
        assert!(!course_page.contains(child.name), "{} on the course page", child.name);
    }
    assert!(!hrefs(&course_page).contains(&format!("/courses/{}/concerns", course.course_id)), "no concerns for them");
}

#[tokio::test]
async fn a_secretary_reads_the_overview_and_prints_the_summary() {
    let led = led().await;
    let (ada, brage, cecilie) = kids(&led.course);
    for session in &led.course.session_ids[..2] {
        led.save(*session, &[(ada, "present"), (brage, "absent_with_notice"), (cecilie, "absent_without_notice")])
            .await;
    }
    let Led { app, course, .. } = led;
    let secretary = api_for(&app, SECRETARY).await;
    let overview = attendance(&secretary, course.course_id).await;
    assert_eq!(participant(&overview, ada)["attended"], 2);

    let browser = app.logged_in(SECRETARY).await;
    let (status, page) = browser.get_html(&format!("/courses/{}/attendance", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Brage Lund") && page.contains("/attendance/print"));
    let (status, print) = browser.get_html(&format!("/courses/{}/attendance/print", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(print.matches("class=\"print-participant\"").count(), 3, "one block per participant");
    for child in &course.children {
        assert!(print.contains(child.name));
    }
    assert!(print.contains("deltok på 2 av 2") && print.contains("Borte uten melding"), "{print}");
    assert_eq!(app.audit_count("attendance.print", None, "success", Some(course.secretary_id)).await, 1);

    // Reading is not recording: no forms, and the API refuses.
    let (status, html) = browser.get_html(&format!("/courses/{}/participants/{brage}", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("name=\"reason\"") && !html.contains("name=\"outcome\""));
    assert!(!html.contains("/observations"), "observations are not for secretaries");
    let found = tasks(&secretary, course.course_id).await;
    let task_id = found[0]["id"].as_i64().unwrap();
    assert_eq!(complete_status(&secretary, task_id).await, StatusCode::FORBIDDEN);
    assert_eq!(dropout_status(&secretary, course.course_id, brage).await, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn another_courses_leader_is_refused() {
    let led = led().await;
    let (ada, brage, cecilie) = kids(&led.course);
    for session in &led.course.session_ids[..2] {
        led.save(*session, &[(ada, "present"), (brage, "present"), (cecilie, "absent_without_notice")]).await;
    }
    let Led { app, course, leader, .. } = led;
    let task_id = tasks(&leader, course.course_id).await[0]["id"].as_i64().unwrap();

    let other = api_for(&app, OTHER_LEADER).await;
    let denied_before = app.audit_count("view_courses", None, "denied", Some(course.other_leader_id)).await;
    let (status, _) = other.get_json(&format!("{A}/courses/{}/attendance", course.course_id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(app.audit_count("view_courses", None, "denied", Some(course.other_leader_id)).await > denied_before);
    let (status, _) = other.get_json(&format!("{A}/courses/{}/follow-up-tasks", course.course_id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(complete_status(&other, task_id).await, StatusCode::FORBIDDEN);
    assert_eq!(dropout_status(&other, course.course_id, ada).await, StatusCode::FORBIDDEN);

    let browser = app.logged_in(OTHER_LEADER).await;
    for path in ["attendance", "attendance/print", &format!("participants/{ada}")] {
        let path = format!("/courses/{}/{path}", course.course_id);
        assert_eq!(browser.get(&path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let (_, home) = browser.get_html("/").await;
    assert!(!home.contains("Cecilie"), "another course's task is not on their home page");

    // Their own course is theirs: a participant of this course is not found there.
    assert_eq!(dropout_status(&other, course.other_course_id, ada).await, StatusCode::NOT_FOUND);
    let overview = attendance(&other, course.other_course_id).await;
    assert_eq!(overview["sessions"], json!([]));
    assert_eq!(overview["participants"], json!([]));
}
