//! Meetings of a course: scheduling, the record with its conflict handling, guests, the
//! network meeting's consent filter, and what a user representative may see (that a
//! meeting exists and when, never its minutes or the participant it is about).

use crate::common::data::problem_fields;
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::courses as course_service;
use serde_json::{json, Value};

const MINUTES: &str = "CANARY-MINUTES-r4t8";

struct Seeded {
    app: TestApp,
    course_id: i64,
    /// Consent to share with the network.
    nora: i64,
    /// No such consent.
    emil: i64,
}

async fn actor(app: &TestApp, user_id: i64, roles: Vec<Role>) -> Actor {
    actor_in(app, "org-a", user_id, "coordinator@a.test", "Kari Koordinator", roles, "test").await
}

/// A course with a leader and a user representative on its working group, and two
/// children: Nora (consent to share with the network) and Emil (none).
async fn seed() -> Seeded {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator_id = app.add_user("org-a", "coordinator@a.test", "coordinator").await;
    let leader_id = app.add_user("org-a", "leader@a.test", "group_leader").await;
    let rep_id = app.add_user("org-a", "rep@a.test", "user_representative").await;
    app.add_user("org-a", "other-leader@a.test", "group_leader").await;
    let coordinator = actor(&app, coordinator_id, vec![Role::Coordinator]).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(2);
    let course_id = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    for (user_id, course_role) in [(leader_id, "group_leader"), (rep_id, "user_representative")] {
        running::add_staff(&app, &coordinator, course_id, user_id, course_role).await;
    }
    let nora = running::enrol_aged(&app, &coordinator, course_id, ("Nora Nordmann", 10), true).await;
    let emil = running::enrol_aged(&app, &coordinator, course_id, ("Emil Eriksen", 10), false).await;
    Seeded { app, course_id, nora, emil }
}

async fn api_of(app: &TestApp, email: &str) -> Api {
    app.api(&app.token_for(email).await)
}

fn day(weeks: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::weeks(weeks)).to_string()
}

async fn schedule(api: &Api, course_id: i64, body: Value) -> (StatusCode, Value) {
    Api::json_of(
        api.send_json(Method::POST, &format!("/organisations/org-a/courses/{course_id}/meetings"), &body).await,
    )
    .await
}

/// The value of the hidden `version` in the form that posts to `action`.
fn version_in(html: &str, action: &str) -> String {
    let form = html.find(&format!("action=\"{action}\"")).expect("the form");
    input_value(&html[form..], "version").expect("a version field")
}

#[tokio::test]
async fn a_leader_schedules_a_parent_meeting_and_records_it_with_guests() {
    let Seeded { app, course_id, .. } = seed().await;
    let leader = app.logged_in("leader@a.test").await;
    let list = format!("/courses/{course_id}/meetings");
    let (status, page) = leader.get_html(&list).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Planlegg et møte"), "the leader may schedule");

    // A mistake names its field and keeps what was typed.
    let bad = [
        ("meeting_kind", "parent_meeting"),
        ("title", "Foreldremøte om vennskap"),
        ("date", ""),
        ("start_time", "18:00"),
        ("end_time", "17:00"),
    ];
    let response = leader.submit(&list, &list, &bad).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("date") || html.contains("href=\"#date\""), "{summary}");
    assert!(html.contains("href=\"#end_time\""));
    assert_eq!(input_value(&html, "title").as_deref(), Some("Foreldremøte om vennskap"));

    let date = day(3);
    let good = [
        ("meeting_kind", "parent_meeting"),
        ("title", "Foreldremøte om vennskap"),
        ("date", date.as_str()),
        ("start_time", "18:00"),
        ("end_time", "19:30"),
    ];
    let response = leader.submit(&list, &list, &good).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let meeting_page = location(&response).split('?').next().unwrap().to_string();
    let session_id: i64 = meeting_page.rsplit('/').next().unwrap().parse().unwrap();
    let (kind, audience): (String, String) = app
        .row("SELECT meeting_kind, audience FROM course_sessions WHERE id = $1 AND kind = 'meeting'", (session_id,))
        .await;
    assert_eq!((kind.as_str(), audience.as_str()), ("parent_meeting", "parents"), "the usual audience");

    // The record: the first save, then a second leader's stale save gets a conflict.
    let (_, html) = leader.get_html(&meeting_page).await;
    assert!(html.contains(&format!("/courses/{course_id}/sessions/{session_id}/attendance")), "a link to attendance");
    let record = format!("{meeting_page}/record");
    assert_eq!(version_in(&html, &record), "0");
    let first = [
        ("agenda", "1. Velkommen\r\n2. Vennskap"),
        ("minutes", MINUTES),
        ("agreements", "Neste møte i mai"),
        ("version", "0"),
    ];
    let response = leader.submit(&meeting_page, &record, &first).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = leader.get_html(&meeting_page).await;
    assert!(html.contains(MINUTES));
    assert!(html.contains("1. Velkommen\n2. Vennskap"), "line breaks are kept, as line feeds");
    assert_eq!(version_in(&html, &record), "1");

    let stale = [("agenda", ""), ("minutes", "Min egen versjon"), ("agreements", ""), ("version", "0")];
    let response = leader.submit(&meeting_page, &record, &stale).await;
    assert_eq!(response.status(), StatusCode::CONFLICT, "no silent overwrite");
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"record-conflict\""), "the other person's record is shown");
    assert!(html.contains(MINUTES));
    assert!(
        html.contains(">\nMin egen versjon</textarea>") || html.contains("Min egen versjon</textarea>"),
        "typed text kept"
    );
    assert_eq!(version_in(&html, &record), "1", "the form now carries the current version");
    assert!(error_summary(&html).is_some());

    // Guests from outside: added, marked as present, removed.
    let guests = format!("{meeting_page}/guests");
    let response = leader.submit(&meeting_page, &guests, &[("name", ""), ("organisation", "Skolen")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response =
        leader.submit(&meeting_page, &guests, &[("name", "Lærer Lise"), ("organisation", "Bakke skole")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let guest_id: i64 = app.scalar("SELECT id FROM meeting_guests WHERE session_id = $1", (session_id,)).await;
    let response = leader.submit(&meeting_page, &format!("{guests}/{guest_id}"), &[("attended", "1")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = leader.get_html(&meeting_page).await;
    assert!(html.contains("Lærer Lise") && html.contains("Bakke skole") && html.contains(">kom<"));
    let response = leader.submit(&meeting_page, &format!("{guests}/{guest_id}/remove"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(!leader.get_html(&meeting_page).await.1.contains("Lærer Lise"));

    // The list shows the new meeting; every read of its record was audited.
    assert!(leader.get_html(&list).await.1.contains("Foreldremøte om vennskap"));
    assert!(
        app.audit_count("meeting.record.read", Some(("meeting", &session_id.to_string())), "success", None).await >= 3
    );
    assert_eq!(
        app.audit_count("meeting.record.write", Some(("meeting", &session_id.to_string())), "success", None).await,
        1
    );
    assert_eq!(app.audit_count("meeting.guest.add", None, "success", None).await, 1);
}

/// `If-Match: *` replaces whatever record is written when the save is made: saves sent
/// at once are written one after the other, none refused as stale.
#[tokio::test]
async fn record_saves_with_if_match_any_sent_at_once_are_each_written() {
    let Seeded { app, course_id, .. } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let body = json!({ "meeting_kind": "parent_meeting", "date": day(3), "start_time": "18:00", "end_time": "19:00" });
    let (status, meeting) = schedule(&api, course_id, body).await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    let path = format!("/organisations/org-a/sessions/{}/record", meeting["id"]);
    let any = ("If-Match", "*");
    let first = json!({ "agenda": "Velkommen", "minutes": "Første", "agreements": "" });
    let nothing_yet = api.send_json_with(Method::PUT, &path, any, &first).await;
    assert_eq!(nothing_yet.status(), StatusCode::PRECONDITION_FAILED, "no record for * to match");
    assert_eq!(api.send_json(Method::PUT, &path, &first).await.status(), StatusCode::OK, "the first save");
    let bodies: Vec<serde_json::Value> = ["To", "Tre", "Fire", "Fem", "Seks"]
        .iter()
        .map(|minutes| json!({ "agenda": "Velkommen", "minutes": minutes, "agreements": "" }))
        .collect();
    let save = |body| crate::common::put_over_any(&api, &path, body);
    let (a, b, c, d, e) =
        tokio::join!(save(&bodies[0]), save(&bodies[1]), save(&bodies[2]), save(&bodies[3]), save(&bodies[4]));
    assert_eq!([a, b, c, d, e], [StatusCode::OK; 5]);
    let (_, record) = api.get_json(&path).await;
    assert_eq!(record["version"], 6, "each save written: {record}");
}

#[tokio::test]
async fn the_record_over_the_api_needs_the_current_version() {
    let Seeded { app, course_id, .. } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let (status, meeting) = schedule(
        &api,
        course_id,
        json!({ "meeting_kind": "parent_meeting", "date": day(3), "start_time": "18:00", "end_time": "19:00" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    assert_eq!(meeting["audience"], "parents");
    let id = meeting["id"].as_i64().unwrap();
    let path = format!("/organisations/org-a/sessions/{id}/record");

    let response = api.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"v0\"");
    let body = json!({ "agenda": "Velkommen", "minutes": MINUTES, "agreements": "" });
    let response = api.request(Method::PUT, &path).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the first save needs no If-Match");
    assert_eq!(response.headers()["etag"], "\"v1\"");
    // The first save sent again (its answer lost): the same answer, nothing saved twice.
    for resend in [api.request(Method::PUT, &path), api.request(Method::PUT, &path).header("If-None-Match", "*")] {
        let response = resend.json(&body).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "a resend of the first save");
        assert_eq!(response.headers()["etag"], "\"v1\"");
        let again: Value = response.json().await.unwrap();
        assert_eq!((again["version"].as_i64(), again["minutes"].as_str()), (Some(1), Some(MINUTES)));
    }
    // Other text without If-Match is no resend: it needs the version it changes.
    let other_text = json!({ "agenda": "Velkommen", "minutes": "Noe annet", "agreements": "" });
    let response = api.request(Method::PUT, &path).json(&other_text).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PRECONDITION_REQUIRED);
    let response = api.send_json_with(Method::PUT, &path, ("If-None-Match", "*"), &other_text).await;
    assert_eq!(response.status(), StatusCode::PRECONDITION_FAILED, "a record exists");
    // Nor is the same text from someone else who records on the course.
    let coordinator = api_of(&app, "coordinator@a.test").await;
    let response = coordinator.request(Method::PUT, &path).json(&body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(
        app.audit_count("meeting.record.write", Some(("meeting", &id.to_string())), "success", None).await,
        1,
        "the resends saved nothing"
    );
    // An older version with other text is stale (the same text from the same caller is a
    // resend, answered as above).
    let response = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v0\""), &other_text).await;
    assert_eq!(response.status(), StatusCode::PRECONDITION_FAILED);
    let changed = json!({ "agenda": "Velkommen", "minutes": "Oppdatert", "agreements": "Avtalt" });
    let response = api.send_json_with(Method::PUT, &path, ("If-Match", "\"v1\""), &changed).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"v2\"");
    let (_, record) = api.get_json(&path).await;
    assert_eq!((record["version"].as_i64(), record["minutes"].as_str()), (Some(2), Some("Oppdatert")));
    let bad = json!({ "minutes": "a\u{b}b" });
    let (status, problem) = Api::json_of(api.send_json_with(Method::PUT, &path, ("If-Match", "*"), &bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem_fields(&problem)[0].0, "minutes");

    // Guests.
    let guests = format!("/organisations/org-a/sessions/{id}/guests");
    let (status, guest) = Api::json_of(
        api.send_json(
            Method::POST,
            &guests,
            &json!({ "name": "Helsesykepleier Hege", "organisation": "Helsestasjonen" }),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{guest}");
    assert_eq!(guest["attended"], false);
    let guest_path = format!("{guests}/{}", guest["id"]);
    let (status, guest) = Api::json_of(
        api.send_json(
            Method::PUT,
            &guest_path,
            &json!({ "name": "Hege Hansen", "organisation": "Helsestasjonen", "attended": true }),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((guest["name"].as_str(), guest["attended"].as_bool()), (Some("Hege Hansen"), Some(true)));
    let (_, record) = api.get_json(&path).await;
    assert_eq!(record["guests"][0]["name"], "Hege Hansen");
    assert_eq!(api.request(Method::DELETE, &guest_path).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(api.request(Method::DELETE, &guest_path).send().await.unwrap().status(), StatusCode::NOT_FOUND);

    // A leader of another course reaches neither the meetings nor the record.
    let other = api_of(&app, "other-leader@a.test").await;
    assert_eq!(
        other.get(&format!("/organisations/org-a/courses/{course_id}/meetings")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(other.get(&path).await.status(), StatusCode::FORBIDDEN);
    let response = other.send_json_with(Method::PUT, &path, ("If-Match", "*"), &body).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A session is not a meeting.
    let session_id: i64 = app
        .scalar("SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'session' LIMIT 1", (course_id,))
        .await;
    assert_eq!(
        api.get(&format!("/organisations/org-a/sessions/{session_id}/record")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_network_meeting_names_only_participants_with_consent() {
    let Seeded { app, course_id, nora, emil } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let network = |participant: Option<i64>| {
        let mut body =
            json!({ "meeting_kind": "network_meeting", "date": day(4), "start_time": "09:00", "end_time": "10:00" });
        if let Some(id) = participant {
            body["participant_id"] = json!(id);
        }
        body
    };
    let (status, problem) = schedule(&api, course_id, network(Some(emil))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem_fields(&problem)[0].0, "participant_id");
    let (status, about_nora) = schedule(&api, course_id, network(Some(nora))).await;
    assert_eq!(status, StatusCode::CREATED, "{about_nora}");
    assert_eq!(about_nora["participant_name"], "Nora Nordmann");

    // A group network meeting: the record may name Nora, never Emil.
    let (_, group) = schedule(&api, course_id, network(None)).await;
    let id = group["id"].as_i64().unwrap();
    let path = format!("/organisations/org-a/sessions/{id}/record");
    let (_, record) = api.get_json(&path).await;
    assert_eq!(record["network"]["shareable"], json!([{ "id": nora, "name": "Nora Nordmann" }]));
    assert_eq!(record["network"]["left_out"], 1);
    let naming = |text: &str| json!({ "agenda": "", "minutes": text, "agreements": "" });
    let (status, problem) = Api::json_of(
        api.request(Method::PUT, &path).json(&naming("Emil trenger mer støtte i friminuttene")).send().await.unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (field, message) = &problem_fields(&problem)[0];
    assert_eq!(field, "minutes");
    assert!(!message.contains("Emil"), "the refusal does not name the child: {message}");
    let (status, _) =
        Api::json_of(api.request(Method::PUT, &path).json(&naming("Nora trives i gruppen")).send().await.unwrap())
            .await;
    assert_eq!(status, StatusCode::OK);

    // The meeting page names Nora, counts Emil, never names him.
    let leader = app.logged_in("leader@a.test").await;
    let (status, html) = leader.get_html(&format!("/courses/{course_id}/meetings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Nora Nordmann"));
    assert!(element_text(&html, "network-left-out").is_some_and(|t| t.contains("1 deltaker vises ikke")), "{html}");
    assert!(!html.contains("Emil"), "a child without consent is not named in a network meeting");

    // Withdrawn consent counts at once.
    let consent_id: i64 = app
        .scalar(
            "SELECT c.id FROM consents c JOIN course_participants cp ON cp.person_id = c.participant_id
         WHERE cp.id = $1 AND c.purpose = 'share_with_network'",
            (nora,),
        )
        .await;
    app.execute("UPDATE consents SET withdrawn_at = $1 WHERE id = $2", (app.now(), consent_id)).await;
    let (_, record) = api.get_json(&path).await;
    assert_eq!(record["network"]["shareable"], json!([]));
    assert_eq!(record["network"]["left_out"], 2);
}

#[tokio::test]
async fn a_meeting_about_one_child_never_shows_the_name_to_a_user_representative() {
    let Seeded { app, course_id, nora, emil } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let closing = |title: &str| {
        json!({ "meeting_kind": "closing_conversation", "title": title, "date": day(10), "start_time": "14:00",
                "end_time": "14:45", "participant_id": nora })
    };
    let (status, problem) = schedule(&api, course_id, closing("Avslutning med Nora")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem_fields(&problem)[0].0, "title");
    let (status, meeting) = schedule(&api, course_id, closing("")).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = meeting["id"].as_i64().unwrap();
    let record = format!("/organisations/org-a/sessions/{id}/record");
    let response = api.request(Method::PUT, &record).json(&json!({ "minutes": MINUTES })).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (status, problem) = schedule(
        &api,
        course_id,
        json!({ "meeting_kind": "parent_meeting", "date": day(3), "start_time": "18:00", "end_time": "19:00", "participant_id": emil }),
    )
    .await;
    assert_eq!((status, problem_fields(&problem)[0].0.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "participant_id"));

    // Closing conversations for everyone who has none: Emil only, right after each other.
    let leader = app.logged_in("leader@a.test").await;
    let list = format!("/courses/{course_id}/meetings");
    let date = day(10);
    let plan = [
        ("closing_date", date.as_str()),
        ("closing_start_time", "15:00"),
        ("closing_minutes", "45"),
        ("closing_room", ""),
    ];
    let response = leader.submit(&list, &format!("{list}/closing-conversations"), &plan).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).contains("saved=closing-planned&count=1"));
    let planned: Vec<(Option<i64>, String, String)> = app
        .rows(
            "SELECT participant_id, start_time, end_time FROM course_sessions
         WHERE course_id = $1 AND meeting_kind = 'closing_conversation' AND participant_id IS NOT NULL ORDER BY id",
            (course_id,),
        )
        .await;
    assert_eq!(planned.len(), 2);
    assert_eq!(planned[1], (Some(emil), "15:00".to_string(), "15:45".to_string()));
    let response = leader.submit(&list, &format!("{list}/closing-conversations"), &plan).await;
    assert!(location(&response).contains("saved=closing-none"), "nobody is planned twice");
    let (_, html) = leader.get_html(&list).await;
    assert!(html.contains("Gjelder Nora Nordmann") && html.contains("Gjelder Emil Eriksen"), "the leader sees whom");

    // The user representative sees that the meetings exist and when, nothing more.
    let rep = app.logged_in("rep@a.test").await;
    for page in [
        list.clone(),
        format!("{list}/{id}"),
        format!("/courses/{course_id}"),
        format!("/courses/{course_id}/sessions/{id}"),
    ] {
        let (status, html) = rep.get_html(&page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for secret in ["Nora", "Emil", MINUTES] {
            assert!(!html.contains(secret), "{page} shows {secret} to a user representative");
        }
    }
    let (_, html) = rep.get_html(&format!("{list}/{id}")).await;
    assert!(html.contains("Gjelder én deltaker") && html.contains("Avslutningssamtale"));
    assert!(!html.contains("/attendance"), "no way to the names on the sheet");
    assert!(!html.contains("Planlegg et møte") && !rep.get_html(&list).await.1.contains("closing-conversations"));
    assert!(!rep.get_html(&list).await.1.contains("/concerns"), "no link to concern reports");

    let rep_api = api_of(&app, "rep@a.test").await;
    let (status, meetings) = rep_api.get_json(&format!("/organisations/org-a/courses/{course_id}/meetings")).await;
    assert_eq!(status, StatusCode::OK);
    let about_one: Vec<&Value> =
        meetings["items"].as_array().unwrap().iter().filter(|m| m["about_one_participant"] == true).collect();
    assert_eq!(about_one.len(), 2);
    assert!(about_one.iter().all(|m| m["participant_id"].is_null() && m["participant_name"].is_null()));
    assert!(!meetings.to_string().contains("Nora") && !meetings.to_string().contains(MINUTES));
    assert_eq!(rep_api.get(&record).await.status(), StatusCode::FORBIDDEN);
    assert!(app.audit_count("view_participant_contacts", None, "denied", None).await >= 1, "the refusal is audited");
    let response = rep_api.send_json_with(Method::PUT, &record, ("If-Match", "*"), &json!({ "minutes": "x" })).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (status, _) = schedule(&rep_api, course_id, closing("")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_family_session_is_scheduled_with_its_family_and_recorded() {
    let Seeded { app, course_id, nora, .. } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let (status, meeting) = schedule(
        &api,
        course_id,
        json!({ "meeting_kind": "family_session", "date": day(4), "start_time": "17:00", "end_time": "18:30",
                "participant_id": nora }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    assert_eq!(meeting["meeting_kind"], "family_session");
    assert_eq!(meeting["audience"], "family", "the kind's usual audience");
    assert_eq!(
        (meeting["about_one_participant"].as_bool(), meeting["participant_id"].as_i64()),
        (Some(true), Some(nora))
    );
    assert_eq!(meeting["participant_name"], "Nora Nordmann");
    let id = meeting["id"].as_i64().unwrap();

    let path = format!("/organisations/org-a/sessions/{id}/record");
    let record =
        json!({ "agenda": "Hvordan har uka vært?", "minutes": MINUTES, "agreements": "Ny familiesamtale om to uker" });
    let response = api.request(Method::PUT, &path).json(&record).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let guests = format!("/organisations/org-a/sessions/{id}/guests");
    let (status, _) = Api::json_of(
        api.send_json(Method::POST, &guests, &json!({ "name": "Helsesykepleier Hege", "attended": true })).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let stored = api.get_ok(&path).await;
    assert_eq!(stored["minutes"], MINUTES);
    assert_eq!(stored["agreements"], "Ny familiesamtale om to uker");
    assert_eq!(stored["meeting"]["participant_name"], "Nora Nordmann");
    assert_eq!(stored["guests"][0]["attended"], true);
    assert!(stored["written_at"].as_i64().is_some());

    // Listed with the course's meetings, and its page shows the record to the leader.
    let (_, list) = api.get_json(&format!("/organisations/org-a/courses/{course_id}/meetings")).await;
    let listed = list["items"].as_array().unwrap().iter().find(|m| m["id"] == id).expect("listed").clone();
    assert_eq!(
        (listed["meeting_kind"].as_str(), listed["date"].as_str()),
        (Some("family_session"), Some(day(4).as_str()))
    );
    let leader = app.logged_in("leader@a.test").await;
    let (status, html) = leader.get_html(&format!("/courses/{course_id}/meetings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(MINUTES) && html.contains("Nora Nordmann"));
    // A parent meeting is for the whole group, never about one family.
    let (status, problem) = schedule(
        &api,
        course_id,
        json!({ "meeting_kind": "parent_meeting", "date": day(4), "start_time": "19:00", "end_time": "20:00",
                "participant_id": nora }),
    )
    .await;
    assert_eq!((status, problem_fields(&problem)[0].0.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "participant_id"));
}

#[tokio::test]
async fn the_follow_up_is_placed_weeks_after_the_last_session() {
    let Seeded { app, .. } = seed().await;
    let coordinator_id: i64 = app.scalar("SELECT id FROM users WHERE email = $1", ("coordinator@a.test",)).await;
    let coordinator = actor(&app, coordinator_id, vec![Role::Coordinator]).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(2);
    let course_id = course_service::create(
        &app.state,
        &coordinator,
        "smil",
        &running::course_form("smil", "SMIL-gruppe", ("Skolen", "Rom 2"), start, "14:15"),
    )
    .await
    .expect("a SMIL course");
    let last: String = app
        .scalar(
            "SELECT MAX(date) FROM course_sessions WHERE course_id = $1 AND kind = 'session' AND status = 'planned'",
            (course_id,),
        )
        .await;
    let last = chrono::NaiveDate::parse_from_str(&last, "%Y-%m-%d").unwrap();
    let api = api_of(&app, "coordinator@a.test").await;
    let (status, list) = api.get_json(&format!("/organisations/org-a/courses/{course_id}/meetings")).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let follow_ups: Vec<&Value> =
        list["items"].as_array().unwrap().iter().filter(|m| m["meeting_kind"] == "follow_up").collect();
    assert_eq!(follow_ups.len(), 1, "{list}");
    let on = chrono::NaiveDate::parse_from_str(follow_ups[0]["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let weeks_after = (on - last).num_days();
    assert!(
        (14..=21).contains(&weeks_after),
        "the follow-up on {on}, {weeks_after} days after the last session {last}"
    );
    assert_eq!(follow_ups[0]["status"], "planned");
    assert_eq!(follow_ups[0]["about_one_participant"], false);
}

#[tokio::test]
async fn a_secretary_sees_when_meetings_are_but_not_their_minutes() {
    let Seeded { app, course_id, .. } = seed().await;
    let secretary_id = app.add_user("org-a", "secretary@a.test", "secretary").await;
    let api = api_of(&app, "leader@a.test").await;
    let (status, meeting) = schedule(
        &api,
        course_id,
        json!({ "meeting_kind": "parent_meeting", "title": "Foreldremøte i mai", "date": day(3),
                "start_time": "18:00", "end_time": "19:00" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let path = format!("/organisations/org-a/sessions/{id}/record");
    let body = json!({ "agenda": "Velkommen", "minutes": MINUTES, "agreements": "" });
    assert_eq!(api.request(Method::PUT, &path).json(&body).send().await.unwrap().status(), StatusCode::OK);

    // The secretary: the list, with when; never the minutes.
    let secretary_api = api_of(&app, "secretary@a.test").await;
    let (status, list) = secretary_api.get_json(&format!("/organisations/org-a/courses/{course_id}/meetings")).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let listed = list["items"].as_array().unwrap().iter().find(|m| m["id"] == id).expect("listed").clone();
    assert_eq!((listed["date"].as_str(), listed["start_time"].as_str()), (Some(day(3).as_str()), Some("18:00")));
    let response = secretary_api.get(&path).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(!response.text().await.unwrap().contains(MINUTES));
    assert!(app.audit_count("view_session_records", None, "denied", Some(secretary_id)).await >= 1);
    let secretary = app.logged_in("secretary@a.test").await;
    let (status, html) = secretary.get_html(&format!("/courses/{course_id}/meetings")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Foreldremøte i mai"), "the secretary sees the meeting in the list");
    let (status, html) = secretary.get_html(&format!("/courses/{course_id}/meetings/{id}")).await;
    assert_eq!(status, StatusCode::OK, "the meeting itself: when and where");
    assert!(html.contains("Foreldremøte i mai") && html.contains("18:00"));
    assert!(!html.contains(MINUTES), "no minutes on the meeting's page for a secretary");
    assert!(!html.contains("Velkommen</textarea>"));

    // The course's leader reads them, on the page and over the API.
    let (status, record) = api.get_json(&path).await;
    assert_eq!((status, record["minutes"].as_str()), (StatusCode::OK, Some(MINUTES)));
    let leader = app.logged_in("leader@a.test").await;
    assert!(leader.get_html(&format!("/courses/{course_id}/meetings/{id}")).await.1.contains(MINUTES));
}

#[tokio::test]
async fn closing_conversations_are_planned_over_the_api() {
    let Seeded { app, course_id, nora, emil } = seed().await;
    let api = api_of(&app, "leader@a.test").await;
    let path = format!("/organisations/org-a/courses/{course_id}/meetings/closing-conversations");
    let plan = |date: &str, start: &str, minutes: u32| json!({ "date": date, "start_time": start, "minutes": minutes });
    let date = day(10);

    for (body, field) in [
        (plan(&date, "15:00", 5), "minutes"),
        (plan(&date, "23:30", 60), "start_time"),
        (plan("2027-02-30", "15:00", 45), "date"),
        (plan(&date, "25:00", 45), "start_time"),
    ] {
        let (status, problem) = Api::json_of(api.send_json(Method::POST, &path, &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(problem_fields(&problem)[0].0, field, "{body}: {problem}");
    }
    let (status, _) =
        Api::json_of(api.send_json(Method::POST, &path, &json!({ "date": date, "start_time": "15:00" })).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "minutes are required");

    let (status, planned) = Api::json_of(api.send_json(Method::POST, &path, &plan(&date, "15:00", 45)).await).await;
    assert_eq!(status, StatusCode::OK, "{planned}");
    assert_eq!(planned["planned"], 2);
    let mut slots: Vec<(i64, String, String, String)> = planned["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["meeting_kind"], "closing_conversation");
            assert_eq!(m["date"], date.as_str());
            (
                m["participant_id"].as_i64().unwrap(),
                m["participant_name"].as_str().unwrap().to_string(),
                m["start_time"].as_str().unwrap().to_string(),
                m["end_time"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    slots.sort_by(|a, b| a.2.cmp(&b.2));
    let people: Vec<i64> = slots.iter().map(|s| s.0).collect();
    assert!(people.contains(&nora) && people.contains(&emil), "{slots:?}");
    let times: Vec<(&str, &str)> = slots.iter().map(|s| (s.2.as_str(), s.3.as_str())).collect();
    assert_eq!(times, [("15:00", "15:45"), ("15:45", "16:30")]);
    assert!(slots.iter().any(|s| s.1 == "Nora Nordmann"));

    // Sent again: nobody is planned twice.
    let (status, again) = Api::json_of(api.send_json(Method::POST, &path, &plan(&date, "15:00", 45)).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((again["planned"].as_u64(), again["items"].as_array().map(Vec::len)), (Some(0), Some(2)));
    assert_eq!(
        app.audit_count("meeting.plan_closing", Some(("course", &course_id.to_string())), "success", None).await,
        2
    );

    // A user representative may not plan them; another course's leader neither.
    for email in ["rep@a.test", "other-leader@a.test"] {
        let other = api_of(&app, email).await;
        let (status, _) = Api::json_of(other.send_json(Method::POST, &path, &plan(&date, "09:00", 30)).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
    }
    let count: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM course_sessions WHERE course_id = $1 AND meeting_kind = 'closing_conversation'",
            (course_id,),
        )
        .await;
    assert_eq!(count, 2);
}
