//! The course report, on the real server: participants by age band at the course's
//! start, recruitment channels (seeded codes and the organisation's own names), attendance
//! per session with guardians, other parents and family members from sheets saved through
//! putSessionAttendance, cancelled sessions marked, "attended x of y" as a distribution,
//! dropouts with their reasons; who may read it; that it names nobody and is not audited.

use crate::common::questionnaires::{add_response, add_round, version_of};
use crate::common::running::{
    save_attendance, seed, RunningCourse, COORDINATOR, LEADER, OTHER_LEADER, REPRESENTATIVE, SECRETARY,
};
use crate::common::{Api, TestApp};
use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

async fn api_for(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

/// The course's group leaders' staff ids.
async fn leader_staff_ids(api: &Api, course_id: i64) -> Vec<i64> {
    let staff = api.get_ok(&format!("{A}/courses/{course_id}/staff")).await;
    staff["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["course_role"] == "group_leader")
        .map(|m| m["id"].as_i64().unwrap())
        .collect()
}

async fn report(api: &Api, course_id: i64) -> (StatusCode, Value) {
    api.get_json(&format!("{A}/courses/{course_id}/report")).await
}

/// Gives the children's applications and places recruitment channels: Ada and Brage
/// through the school nurse (a seeded channel), Cecilie through one the organisation
/// added. The intake services record a channel when the form names one; the seed's
/// forms name none, so the rows are set here.
async fn set_channels(app: &TestApp, course: &RunningCourse) -> (i64, i64) {
    let pool = app.state.store.pool();
    let (nurse,): (i64,) =
        sqlx::query_as("SELECT id FROM recruitment_channels WHERE organisation_id = $1 AND code = 'school_nurse'")
            .bind(course.organisation_id)
            .fetch_one(pool)
            .await
            .unwrap();
    let (own,): (i64,) = sqlx::query_as(
        "INSERT INTO recruitment_channels (organisation_id, name, kind, position) VALUES ($1, 'Frivilligsentralen', 'heard', 99)
         RETURNING id",
    )
    .bind(course.organisation_id)
    .fetch_one(pool)
    .await
    .unwrap();
    for (child, channel) in course.children.iter().zip([nurse, nurse, own]) {
        for table in ["course_participants", "applications"] {
            let column = if table == "applications" { "participant_id" } else { "person_id" };
            sqlx::query(&format!("UPDATE {table} SET channel_id = $1 WHERE {column} = $2"))
                .bind(channel)
                .bind(child.person_id)
                .execute(pool)
                .await
                .unwrap();
        }
    }
    (nurse, own)
}

fn age_on(birth: &str, day: NaiveDate) -> u32 {
    let birth = NaiveDate::parse_from_str(birth, "%Y-%m-%d").unwrap();
    day.years_since(birth).unwrap()
}

fn band_of(age: u32) -> &'static str {
    match age {
        0..=5 => "0-5",
        6..=8 => "6-8",
        9..=10 => "9-10",
        11..=12 => "11-12",
        13..=15 => "13-15",
        _ => "16-17",
    }
}

/// Names that must never be in the report: the children and their guardians.
fn assert_names_nobody(text: &str, course: &RunningCourse) {
    for child in &course.children {
        assert!(!text.contains(child.name), "the report names {}", child.name);
        let first = child.name.split(' ').next().unwrap();
        assert!(!text.contains(first), "the report names {first}");
        assert!(!text.contains(child.guardian_email), "the report has {}", child.guardian_email);
    }
    assert!(!text.contains("Foresatt til"), "the report names a guardian");
}

#[tokio::test]
async fn the_report_counts_ages_channels_attendance_and_dropouts() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let (nurse, own) = set_channels(&app, &course).await;
    let [ada, brage, cecilie] = [0, 1, 2].map(|i| course.children[i].participant_id);
    let coordinator = api_for(&app, COORDINATOR).await;
    let leader = api_for(&app, LEADER).await;
    let leaders = leader_staff_ids(&leader, course.course_id).await;

    // Before anything is held: every session waits for its sheet.
    let (status, before) = report(&coordinator, course.course_id).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    assert_eq!(before["attendance"]["totals"]["held"], 0);
    assert!(before["attendance"]["per_participant"].as_array().unwrap().is_empty());
    assert!(before["attendance"]["sessions"].as_array().unwrap().iter().all(|s| s["state"] == "not_recorded"));
    assert_eq!(before["attendance"]["totals"]["mean_participants_attended"], Value::Null);

    // Session 1: a family gathering (children and guardians by name, a step-parent and
    // siblings counted); session 2: the children's own.
    app.execute("UPDATE course_sessions SET audience = 'family' WHERE id = $1", (course.session_ids[0],)).await;
    save_attendance(
        &app,
        &leader,
        course.session_ids[0],
        &[(ada, "present"), (brage, "late"), (cecilie, "absent_with_notice")],
        &leaders,
        (1, 5),
    )
    .await;
    save_attendance(
        &app,
        &leader,
        course.session_ids[1],
        &[(ada, "present"), (brage, "absent_without_notice"), (cecilie, "left_early")],
        &leaders,
        (0, 0),
    )
    .await;
    // Cecilie drops out after the second session; a later session is cancelled.
    let path = format!("{A}/courses/{}/participants/{cecilie}/dropout", course.course_id);
    let response = leader.send_json(Method::POST, &path, &json!({ "reason": "Familien har flyttet " })).await;
    let (status, dropped) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::OK, "{dropped}");
    let cancelled_id = course.session_ids[4];
    let response = coordinator
        .request(Method::POST, &format!("{A}/courses/{}/sessions/{cancelled_id}/cancel", course.course_id))
        .header("If-Match", "*")
        .json(&json!({ "reason": "Lederne er syke", "notify": false, "add_replacement": false }));
    let (status, cancelled) = Api::json_of(response.send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");

    let audit_before: i64 = app.scalar("SELECT COUNT(*) FROM audit_log", ()).await;
    let (status, found) = report(&coordinator, course.course_id).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let audit_after: i64 = app.scalar("SELECT COUNT(*) FROM audit_log", ()).await;
    assert_eq!(audit_before, audit_after, "reading counts is not audited");
    assert_names_nobody(&found.to_string(), &course);

    assert_eq!(found["course"]["id"], course.course_id);
    assert_eq!(found["course"]["name"], crate::common::running::COURSE_NAME);

    // Participants, and their ages on the course's first day.
    let p = &found["participants"];
    assert_eq!(
        (p["started"].as_i64(), p["completed"].as_i64(), p["dropped_out"].as_i64()),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(p["children"], 3);
    assert_eq!(p["parents_enrolled"], 3, "each child's guardian joins the parent sessions");
    let start = NaiveDate::parse_from_str(found["course"]["start_date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert_eq!(p["ages_on"], start.to_string());
    let mut expected_bands: Vec<&str> =
        ["2016-03-14", "2015-09-02", "2017-01-20"].iter().map(|b| band_of(age_on(b, start))).collect();
    expected_bands.sort();
    let bands = p["age_bands"].as_array().unwrap();
    let mut counted: Vec<&str> = Vec::new();
    for band in bands {
        for _ in 0..band["participants"].as_u64().unwrap() {
            counted.push(band["band"].as_str().unwrap());
        }
    }
    counted.sort();
    assert_eq!(counted, expected_bands);
    assert_eq!(p["age_unknown"], 0);
    assert_eq!(bands.iter().map(|b| b["participants"].as_u64().unwrap()).sum::<u64>(), 3);
    assert!(bands.first().unwrap()["participants"].as_u64().unwrap() > 0, "bands start at the youngest");
    assert!(bands.last().unwrap()["participants"].as_u64().unwrap() > 0, "and end at the oldest");

    // Recruitment: the seeded channel by its code, the organisation's own by its name.
    let channels = found["recruitment"]["channels"].as_array().unwrap();
    assert_eq!(channels.len(), 2, "{channels:?}");
    assert_eq!(channels[0]["channel_id"], nurse);
    assert_eq!(channels[0]["code"], "school_nurse");
    assert_eq!(channels[0]["name"], Value::Null);
    assert_eq!((channels[0]["applications"].as_i64(), channels[0]["participants"].as_i64()), (Some(2), Some(2)));
    assert_eq!(channels[1]["channel_id"], own);
    assert_eq!(channels[1]["code"], Value::Null);
    assert_eq!(channels[1]["name"], "Frivilligsentralen");
    assert_eq!(channels[1]["participants"], 1);
    assert_eq!(found["recruitment"]["applications"], 3);

    // Attendance per session: children of those expected, parents, family members.
    let attendance = &found["attendance"];
    let sessions = attendance["sessions"].as_array().unwrap();
    let row = |id: i64| sessions.iter().find(|s| s["session_id"] == id).unwrap_or_else(|| panic!("session {id}"));
    let first = row(course.session_ids[0]);
    assert_eq!(first["state"], "held");
    assert_eq!(first["number"], 1);
    assert_eq!((first["participants_attended"].as_i64(), first["participants_expected"].as_i64()), (Some(2), Some(3)));
    assert_eq!((first["parents"].as_i64(), first["family_members"].as_i64()), (Some(1), Some(5)));
    assert_eq!((first["audience"].as_str(), first["guardians_attended"].as_i64()), (Some("family"), Some(3)));
    assert_eq!(first["guardians_expected"], 3);
    let second = row(course.session_ids[1]);
    assert_eq!(
        (second["participants_attended"].as_i64(), second["participants_expected"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!((second["parents"].as_i64(), second["family_members"].as_i64()), (Some(0), Some(0)));
    let cancelled = row(cancelled_id);
    assert_eq!(cancelled["state"], "cancelled");
    assert_eq!(cancelled["number"], 5, "a cancelled session keeps its number");
    assert_eq!(cancelled["participants_attended"], Value::Null);
    let later = row(course.session_ids[2]);
    assert_eq!(later["state"], "not_recorded");
    let totals = &attendance["totals"];
    assert_eq!(totals["planned"], course.session_ids.len());
    assert_eq!((totals["held"].as_i64(), totals["cancelled"].as_i64()), (Some(2), Some(1)));
    assert_eq!(totals["not_recorded"], course.session_ids.len() - 3);
    assert_eq!(
        (totals["participants_attended"].as_i64(), totals["participants_expected"].as_i64()),
        (Some(4), Some(6))
    );
    assert_eq!((totals["parents"].as_i64(), totals["family_members"].as_i64()), (Some(1), Some(5)));
    assert_eq!((totals["guardians_attended"].as_i64(), totals["guardians_expected"].as_i64()), (Some(3), Some(3)));
    assert_eq!(totals["mean_participants_attended"], 2.0);
    assert_eq!(totals["attendance_percent"], 67);

    // Attended x of y, as a distribution: Ada 2 of 2; Brage and Cecilie 1 of 2.
    assert_eq!(
        attendance["per_participant"],
        json!([{ "attended": 2, "held": 2, "participants": 1 }, { "attended": 1, "held": 2, "participants": 2 }])
    );

    // Dropouts: the reason as typed, tidied; after the two held sessions.
    let dropouts = &found["dropouts"];
    assert_eq!(dropouts["count"], 1);
    assert_eq!(dropouts["percent_of_started"], 33);
    assert_eq!(dropouts["reasons"], json!([{ "reason": "Familien har flyttet", "count": 1 }]));
    assert_eq!(dropouts["timing"], json!([{ "after_sessions": 2, "count": 1 }]));
    // The user representative gets the counts, not the reason.
    let (status, counted) = report(&api_for(&app, REPRESENTATIVE).await, course.course_id).await;
    assert_eq!(status, StatusCode::OK, "{counted}");
    assert_eq!(counted["dropouts"]["count"], 1);
    assert_eq!(counted["dropouts"]["reasons"], Value::Null);
    assert_eq!(counted["attendance"], found["attendance"]);
    let representative = app.logged_in(REPRESENTATIVE).await;
    let (_, html) = representative.get_html(&format!("/courses/{}/report", course.course_id)).await;
    assert!(html.contains("id=\"crep-reasons-withheld\"") && !html.contains("Familien har flyttet"));

    // No questionnaire rounds yet: the evaluation parts are there, and empty.
    assert_eq!(found["evaluation"]["course_id"], course.course_id);
    assert_eq!(found["evaluation"]["rounds"], json!([]));
    assert_eq!(found["outcome_change"]["comparisons"], json!([]));

    // The page shows the same, in tables, naming nobody.
    let browser = app.logged_in(COORDINATOR).await;
    let (status, html) = browser.get_html(&format!("/courses/{}/report", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_names_nobody(&html, &course);
    for id in ["crep-totals", "crep-ages", "crep-channels", "crep-sessions", "crep-per-participant", "crep-reasons"] {
        assert!(html.contains(&format!("<table id=\"{id}\"")), "table {id}");
        assert!(html.contains(&format!("<caption id=\"{id}-caption\">")), "caption of {id}");
    }
    assert!(html.contains("<th scope=\"col\">") && html.contains("<th scope=\"row\">"));
    assert!(html.contains("Helsesykepleier"), "a seeded channel by its translated name");
    assert!(html.contains("Frivilligsentralen"));
    assert!(html.contains("Familien har flyttet"));
    assert!(html.contains(&format!("id=\"crep-session-{cancelled_id}\" data-state=\"cancelled\"")));
    assert!(html.contains("href=\"/static/course-report.css\""));
    assert!(html.contains("id=\"crep-print-hint\""), "the print hint");
    assert!(html.contains("id=\"crep-no-rounds\"") && html.contains("id=\"crep-no-comparisons\""));
    let css = browser.get("/static/course-report.css").await;
    assert_eq!(css.status(), StatusCode::OK);
    assert!(css.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    let css = css.text().await.unwrap();
    assert!(css.contains("@media print") && css.contains("break-before: page"));
}

#[tokio::test]
async fn who_may_read_the_report() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let id = course.course_id;
    // The course's user representative and group leader, the coordinator and an analyst.
    app.add_user("org-a", "analyst@a.test", "analyst").await;
    for email in [COORDINATOR, LEADER, REPRESENTATIVE, "analyst@a.test"] {
        let (status, body) = report(&api_for(&app, email).await, id).await;
        assert_eq!(status, StatusCode::OK, "{email}: {body}");
        assert_names_nobody(&body.to_string(), &course);
    }
    // A secretary runs evaluations but does not read results; a leader of another course
    // does not read this one's.
    for email in [SECRETARY, OTHER_LEADER] {
        let (status, body) = report(&api_for(&app, email).await, id).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}: {body}");
    }
    assert!(
        app.audit_count(
            "view_evaluation_results",
            Some(("course", &id.to_string())),
            "denied",
            Some(course.other_leader_id)
        )
        .await
            >= 1,
        "the refusal is audited"
    );
    // A course that does not exist, and one of another organisation: not found.
    let (status, _) = report(&api_for(&app, COORDINATOR).await, id + 1000).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.add_organisation("org-b", "Kommune B", "NO").await;
    app.relax_second_factor("org-b").await;
    app.add_user("org-b", "coordinator@b.test", "coordinator").await;
    let other = api_for(&app, "coordinator@b.test").await;
    let (status, _) = other.get_json(&format!("/organisations/org-b/courses/{id}/report")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another organisation's course is not found");

    // The page: the user representative reads it, the secretary is refused.
    let representative = app.logged_in(REPRESENTATIVE).await;
    let (status, html) = representative.get_html(&format!("/courses/{id}/report")).await;
    assert_eq!(status, StatusCode::OK);
    assert_names_nobody(&html, &course);
    let secretary = app.logged_in(SECRETARY).await;
    let (status, _) = secretary.get_html(&format!("/courses/{id}/report")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let other = app.logged_in(OTHER_LEADER).await;
    let (status, _) = other.get_html(&format!("/courses/{}/report", course.other_course_id)).await;
    assert_eq!(status, StatusCode::OK, "a leader reads their own course's report");
}

#[tokio::test]
async fn the_report_is_in_the_openapi_document() {
    let app = TestApp::spawn().await;
    let response = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    let operation = &document["paths"]["/api/v1/organisations/{org}/courses/{course_id}/report"]["get"];
    assert_eq!(operation["operationId"], "getCourseReport");
    let schemas = &document["components"]["schemas"];
    for name in ["CourseReport", "CourseReportSession", "CourseReportChannel", "CourseReportAgeBand"] {
        assert!(schemas[name].is_object(), "{name} is documented");
    }
}

#[tokio::test]
async fn the_report_embeds_the_evaluation_summary_and_outcome_change() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let org = course.organisation_id;

    // Five anonymous session evaluations (shown from five on), free text among them.
    let session_version = version_of(&app, org, "session-evaluation").await;
    let round = add_round(
        &app,
        course.organisation_id,
        course.course_id,
        session_version,
        "participants",
        "anonymous",
        "session",
    )
    .await;
    for (benefit, text) in
        [("very-good", "Leikene"), ("good", ""), ("some", ""), ("very-good", "Å snakke sammen"), ("good", "")]
    {
        let mut answers = Answers::new();
        answers.insert("benefit".into(), vec![AnswerValue::Choice(benefit.into())]);
        if !text.is_empty() {
            answers.insert("important".into(), vec![AnswerValue::String(text.into())]);
        }
        add_response(&app, round, session_version, None, &answers).await;
    }
    // Parents before and at the end, paired by child.
    let parents_version = version_of(&app, org, "smil-parents").await;
    let before =
        add_round(&app, course.organisation_id, course.course_id, parents_version, "guardians", "identified", "before")
            .await;
    let end =
        add_round(&app, course.organisation_id, course.course_id, parents_version, "guardians", "identified", "end")
            .await;
    let items = ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"];
    let steps = ["very-small", "small", "some", "large", "very-large"];
    let form = |levels: [usize; 6]| {
        let mut answers = Answers::new();
        for (item, level) in items.iter().zip(levels) {
            answers.insert(item.to_string(), vec![AnswerValue::Choice(steps[level - 1].into())]);
        }
        answers
    };
    let before_levels = [[2, 2, 3, 2, 2, 3], [1, 2, 2, 2, 1, 2], [3, 3, 3, 4, 3, 3]];
    let end_levels = [[4, 3, 4, 4, 3, 4], [2, 2, 3, 2, 2, 2], [4, 4, 5, 4, 4, 5]];
    for (i, child) in course.children.iter().enumerate() {
        add_response(&app, before, parents_version, Some(child.participant_id), &form(before_levels[i])).await;
        add_response(&app, end, parents_version, Some(child.participant_id), &form(end_levels[i])).await;
    }

    // The report's parts are the results features' own answers.
    let representative = api_for(&app, REPRESENTATIVE).await;
    let (status, found) = report(&representative, course.course_id).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let (_, evaluation) = representative.get_json(&format!("{A}/courses/{}/evaluation", course.course_id)).await;
    let (_, change) = representative.get_json(&format!("{A}/courses/{}/outcome-change", course.course_id)).await;
    assert_eq!(found["evaluation"], evaluation);
    assert_eq!(found["outcome_change"], change);
    assert_eq!(found["evaluation"]["rounds"].as_array().unwrap().len(), 3);
    assert_eq!(found["outcome_change"]["comparisons"].as_array().unwrap().len(), 1);
    assert_names_nobody(&found.to_string(), &course);
    let (status, english) =
        representative.get_json(&format!("{A}/courses/{}/report?language=en", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, evaluation_en) =
        representative.get_json(&format!("{A}/courses/{}/evaluation?language=en", course.course_id)).await;
    assert_eq!(english["evaluation"], evaluation_en);
    let (status, _) = representative.get_json(&format!("{A}/courses/{}/report?language=de", course.course_id)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // On the page: the round's figures with the results pages' partial, the change table.
    let browser = app.logged_in(REPRESENTATIVE).await;
    let (status, html) = browser.get_html(&format!("/courses/{}/report", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("id=\"crep-round-{round}\"")));
    assert!(html.contains(&format!("id=\"round-{round}-count\" data-responses=\"5\"")));
    assert!(html.contains("Å snakke sammen"), "free text, from five answers on");
    assert!(html.contains("id=\"crep-comparison-0-table\""));
    assert!(!html.contains("crep-no-rounds") && !html.contains("crep-no-comparisons"));
    assert_names_nobody(&html, &course);
}

#[tokio::test]
async fn the_course_page_offers_evaluation_to_those_who_may_use_it() {
    let app = TestApp::spawn().await;
    let course = seed(&app).await;
    let id = course.course_id;
    let page = |email: &'static str| {
        let app = &app;
        async move {
            let (status, html) = app.logged_in(email).await.get_html(&format!("/courses/{id}")).await;
            assert_eq!(status, StatusCode::OK, "{email}");
            html
        }
    };
    let rounds = format!("href=\"/courses/{id}/evaluations\"");
    let report = format!("href=\"/courses/{id}/report\"");
    let change = format!("href=\"/courses/{id}/outcome-change\"");
    for email in [COORDINATOR, LEADER] {
        let html = page(email).await;
        assert!(html.contains(&rounds) && html.contains(&report) && html.contains(&change), "{email}");
    }
    // A secretary starts rounds and types in paper forms but reads no results.
    let html = page(SECRETARY).await;
    assert!(html.contains(&rounds) && !html.contains(&report) && !html.contains(&change));
    // A user representative reads results and the report.
    let html = page(REPRESENTATIVE).await;
    assert!(html.contains(&report) && html.contains(&change));
}
