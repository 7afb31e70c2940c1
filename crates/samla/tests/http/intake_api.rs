//! Intake over the JSON API, on the real server: another system takes a child all the
//! way from registration to a place in a group by API alone; retries with an
//! `Idempotency-Key` create nothing twice; who sees what (secretaries without the
//! referral's contents, user representatives without intake, group leaders with their
//! own courses only); and validation problems that name their fields.

use crate::common::data::{error_fields, national_id_born};
use crate::common::{location, refused_fields, send, send_if_match, Api, TestApp};
use chrono::{Datelike, NaiveDate};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

async fn json_of(response: Response) -> (StatusCode, Value) {
    Api::json_of(response).await
}

async fn api_for(app: &TestApp, email: &str, roles: &[&str]) -> (i64, Api) {
    let id = app.add_user_with_roles("org-a", email, roles).await;
    (id, app.api(&app.token_for(email).await))
}

fn today(app: &TestApp) -> NaiveDate {
    chrono::DateTime::from_timestamp(app.now(), 0).unwrap().date_naive()
}

/// A birth date `years` years before today.
fn born(app: &TestApp, years: i32) -> String {
    NaiveDate::from_ymd_opt(today(app).year() - years, 3, 15).unwrap().to_string()
}

/// A valid Norwegian national identity number for a birth date in 2000–2039.
fn national_id(birth_date: &str) -> String {
    let day = NaiveDate::parse_from_str(birth_date, "%Y-%m-%d").unwrap();
    assert!((2000..2040).contains(&day.year()));
    national_id_born(day)
}

/// The coordinator's client, the SMIL programme imported and a course planned.
async fn coordinator_with_course(app: &TestApp) -> (Api, i64) {
    let (_, api) = api_for(app, "koordinator@a.no", &["coordinator"]).await;
    let course_id = plan_course(&api, "SMIL vår").await;
    (api, course_id)
}

async fn plan_course(api: &Api, name: &str) -> i64 {
    let (status, list) = api.get_json(&format!("{A}/programmes/smil")).await;
    if status == StatusCode::NOT_FOUND {
        let (_, source) = samla_domain::programmes::shipped::SHIPPED.iter().find(|(s, _)| *s == "smil").unwrap();
        let manual = samla_domain::programmes::Manual::from_toml(source).unwrap();
        let (status, body) =
            send(api, Method::POST, &format!("{A}/programmes"), &serde_json::to_value(manual).unwrap()).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    } else {
        assert_eq!(status, StatusCode::OK, "{list}");
    }
    let course = json!({
        "programme": "smil", "name": name, "venue": "Frivilligsentralen", "room": "Sal 2",
        "start_date": "2027-01-11", "start_time": "17:00", "capacity": 8,
    });
    let (status, course) = send(api, Method::POST, &format!("{A}/courses"), &course).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    course["id"].as_i64().unwrap()
}

async fn channel_id(api: &Api, code: &str) -> i64 {
    let channels = api.get_ok(&format!("{A}/recruitment-channels")).await;
    channels["items"].as_array().unwrap().iter().find(|c| c["code"] == code).expect("a seeded channel")["id"]
        .as_i64()
        .unwrap()
}

/// A child with two guardians who both have parental responsibility; the first has
/// consented to taking part.
fn child_application(app: &TestApp, course_id: i64, channel: i64) -> Value {
    json!({
        "course_id": course_id,
        "participant_type": "child",
        "participant_name": "Nora Berg",
        "participant_birth_date": born(app, 10),
        "participant_sex": "female",
        "guardian_name": "Kari Berg",
        "guardian_phone": "+47 912 34 567",
        "guardian_email": "kari.berg@example.no",
        "guardian_responsibility": true,
        "second_guardian_name": "Ola Berg",
        "second_guardian_phone": "913 45 678",
        "second_guardian_email": "ola.berg@example.no",
        "second_guardian_responsibility": true,
        "channel_id": channel,
        "referrer_name": "Helsesykepleier Hansen",
        "referrer_service": "Skolehelsetjenesten",
        "reason": "Far er innlagt for rusbehandling.\nNora trenger noen å snakke med.",
        "needs": "Nøtteallergi",
        "consents": ["participation"],
    })
}

async fn create(api: &Api, body: &Value) -> Value {
    let (status, created) = send(api, Method::POST, &format!("{A}/applications"), body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn get_application(api: &Api, id: i64) -> Value {
    api.get_ok(&format!("{A}/applications/{id}")).await
}

fn person<'a>(application: &'a Value, name: &str) -> &'a Value {
    application["household"].as_array().unwrap().iter().find(|p| p["name"] == name).expect("in the household")
}

async fn application_count(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) FROM applications", ()).await
}

#[tokio::test]
async fn another_system_takes_a_child_from_registration_to_a_place_by_api_alone() {
    let app = TestApp::spawn().await;
    let (api, course_id) = coordinator_with_course(&app).await;
    let nurse = channel_id(&api, "school_nurse").await;

    // Registration, with the guardian's consent to taking part.
    let response =
        api.send_json(Method::POST, &format!("{A}/applications"), &child_application(&app, course_id, nurse)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created_at = location(&response);
    let created: Value = response.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created_at, format!("/api/v1{A}/applications/{id}"));
    assert!(created["reference"].as_str().is_some_and(|r| !r.is_empty()), "{created}");

    let response = api.get(&format!("{A}/applications/{id}")).await;
    assert_eq!(response.headers()["etag"], "\"v1\"");
    let application: Value = response.json().await.unwrap();
    assert_eq!(application["stage"], "received");
    assert_eq!(application["kind"], "staff");
    assert_eq!(application["sensitive_visible"], true);
    assert_eq!(application["reason"], "Far er innlagt for rusbehandling.\nNora trenger noen å snakke med.");
    assert_eq!(application["needs"], "Nøtteallergi");
    assert_eq!(application["course"]["id"], course_id);
    assert_eq!(application["channel_id"], nurse);
    assert_eq!(application["referrer"]["service"], "Skolehelsetjenesten");
    let ola = person(&application, "Ola Berg")["id"].as_i64().unwrap();
    let kari = person(&application, "Kari Berg")["id"].as_i64().unwrap();
    assert_eq!(person(&application, "Ola Berg")["parental_responsibility"], true);
    assert_eq!(
        application["missing_for_enrolment"],
        json!([{
            "person_id": ola, "name": "Ola Berg", "capacity": "guardian", "purpose": "participation"
        }])
    );

    // The consents: the first guardian's, recorded as given through the API.
    let consents = api.get_ok(&format!("{A}/applications/{id}/consents")).await;
    let consents = consents["items"].as_array().unwrap();
    assert_eq!(consents.len(), 1, "{consents:?}");
    assert_eq!(consents[0]["giver_id"], kari);
    assert_eq!(consents[0]["purpose"], "participation");
    assert_eq!(consents[0]["capacity"], "guardian");
    assert_eq!(consents[0]["method"], "api");
    assert_eq!(consents[0]["withdrawn"], false);

    // A pre-conversation, then the waitlist.
    let talk = json!({
        "held_on": today(&app).to_string(), "participants": "Kari Berg, begge gruppeledere",
        "notes": "Nora gleder seg.", "outcome": "continue",
    });
    let (status, recorded) = send(&api, Method::POST, &format!("{A}/applications/{id}/pre-conversations"), &talk).await;
    assert_eq!(status, StatusCode::CREATED, "{recorded}");
    assert_eq!(recorded["number"], 1);
    assert_eq!(recorded["notes"], "Nora gleder seg.");
    let stage = format!("{A}/applications/{id}/stage");
    let (status, _) = send(&api, Method::POST, &stage, &json!({ "stage": "waitlisted" })).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let etag = api.get(&format!("{A}/applications/{id}")).await.headers()["etag"].to_str().unwrap().to_string();
    let (status, moved) =
        send_if_match(&api, Method::POST, &stage, &etag, &json!({ "stage": "waitlisted", "note": "Ringte mor." }))
            .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["stage"], "waitlisted");
    let (status, _) = send_if_match(&api, Method::POST, &stage, &etag, &json!({ "stage": "contacted" })).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "the ETag is stale now");
    let waitlist = api.get_ok(&format!("{A}/programmes/smil/waitlist")).await;
    assert_eq!(waitlist["items"][0]["id"], id);

    // The group proposal includes Nora, chosen first; confirming offers her the place.
    let proposal_path = format!("{A}/courses/{course_id}/group-proposal");
    let (status, proposal) = send(&api, Method::POST, &proposal_path, &json!({ "age_min": 8, "age_max": 13 })).await;
    assert_eq!(status, StatusCode::OK, "{proposal}");
    let placement = proposal["placements"].as_array().unwrap().iter().find(|p| p["application_id"] == id).unwrap();
    assert_eq!(placement["included"], true, "{proposal}");
    assert_eq!(placement["reason"], "chosen");
    assert_eq!(placement["rank"], 1);
    assert_eq!(proposal["size"], 1);
    assert_eq!(proposal["meets_minimum"], false, "SMIL needs five children");
    assert_eq!(proposal["places_left"], 8);
    let confirm = json!({ "age_min": 8, "age_max": 13, "expected": proposal["included"] });
    let (status, confirmed) = send(&api, Method::POST, &format!("{proposal_path}/confirm"), &confirm).await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed, json!({ "offers": 1 }));
    let application = get_application(&api, id).await;
    assert_eq!(application["stage"], "offered");
    let offers = application["offers"].as_array().unwrap();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0]["course_id"], course_id);
    assert_eq!(offers[0]["status"], "open");
    let queued: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM outbox_messages WHERE template = 'offer' AND to_address = 'kari.berg@example.no'",
            (),
        )
        .await;
    assert_eq!(queued, 1, "the offer goes to the family by mail");

    // Enrolment is refused while the second guardian has not consented, naming him.
    let etag = format!("\"v{}\"", application["version"]);
    let (status, refused) = send_if_match(&api, Method::POST, &stage, &etag, &json!({ "stage": "enrolled" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(error_fields(&refused), ["stage"]);
    assert!(refused["errors"][0]["message"].as_str().unwrap().contains("Ola Berg"), "{refused}");

    let (status, consent) = send(
        &api,
        Method::POST,
        &format!("{A}/applications/{id}/consents"),
        &json!({ "giver_id": ola, "purpose": "participation", "capacity": "guardian", "method": "paper" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{consent}");
    assert_eq!(consent["giver_name"], "Ola Berg");
    assert_eq!(consent["method"], "paper");
    assert_eq!(get_application(&api, id).await["missing_for_enrolment"], json!([]));
    let (status, enrolled) = send_if_match(&api, Method::POST, &stage, "*", &json!({ "stage": "enrolled" })).await;
    assert_eq!(status, StatusCode::OK, "{enrolled}");
    assert_eq!(enrolled["stage"], "enrolled");

    // The course's people: Nora and both parents, recruited through the school nurse.
    let people = api.get_ok(&format!("{A}/courses/{course_id}/participants")).await;
    let people = people["items"].as_array().unwrap();
    assert_eq!(people.len(), 3, "{people:?}");
    let nora = people.iter().find(|p| p["name"] == "Nora Berg").unwrap();
    assert_eq!(nora["role"], "participant");
    assert_eq!(nora["channel"]["code"], "school_nurse");
    for parent in people.iter().filter(|p| p["role"] == "parent") {
        assert_eq!(parent["channel"]["id"], nurse, "{parent}");
    }
    assert_eq!(people.iter().find(|p| p["name"] == "Kari Berg").unwrap()["phone"], "+47 912 34 567");

    // Withdrawing a consent takes effect at once and stays on record.
    let consent_id = consent["id"].as_i64().unwrap();
    let (status, withdrawn) =
        send(&api, Method::POST, &format!("{A}/applications/{id}/consents/{consent_id}/withdraw"), &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{withdrawn}");
    assert_eq!(withdrawn["withdrawn"], true);

    // Every step is in the audit trail.
    for action in ["application.create", "application.move", "application.pre_conversation", "group.confirm"] {
        assert!(app.audit_count(action, None, "success", None).await >= 1, "{action}");
    }
    assert!(app.audit_count("application.read_sensitive", None, "success", None).await >= 1);
}

#[tokio::test]
async fn an_idempotency_key_makes_a_retry_create_nothing() {
    let app = TestApp::spawn().await;
    let (api, course_id) = coordinator_with_course(&app).await;
    let nurse = channel_id(&api, "school_nurse").await;
    let body = child_application(&app, course_id, nurse);
    let post = |key: &str| {
        api.request(Method::POST, &format!("{A}/applications")).header("Idempotency-Key", key).json(&body).send()
    };

    let first = post("intake-7f3a").await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first_location = location(&first);
    let first: Value = first.json().await.unwrap();
    let again = post("intake-7f3a").await.unwrap();
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(location(&again), first_location);
    let again: Value = again.json().await.unwrap();
    assert_eq!(again, first, "the same answer");
    assert_eq!(application_count(&app).await, 1, "one record");

    // Another key is another application.
    let other: Value = post("intake-8b11").await.unwrap().json().await.unwrap();
    assert_ne!(other["id"], first["id"]);
    assert_eq!(application_count(&app).await, 2);

    // The same key with another body is refused, naming the header.
    let mut changed = body.clone();
    changed["participant_name"] = json!("Nils Berg");
    let response = api
        .send_json_with(Method::POST, &format!("{A}/applications"), ("Idempotency-Key", "intake-7f3a"), &changed)
        .await;
    let (status, problem) = json_of(response).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["Idempotency-Key"]);
    assert_eq!(application_count(&app).await, 2);

    // Two calls racing with one key: one application, both answered with it.
    let (a, b) = tokio::join!(post("intake-race"), post("intake-race"));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.status(), b.status()), (StatusCode::CREATED, StatusCode::CREATED));
    let (a, b): (Value, Value) = (a.json().await.unwrap(), b.json().await.unwrap());
    assert_eq!(a["id"], b["id"]);
    assert_eq!(application_count(&app).await, 3);

    // Keys belong to their caller: someone else's identical key is their own.
    let (_, secretary) = api_for(&app, "sekretaer@a.no", &["secretary"]).await;
    let response = secretary
        .send_json_with(Method::POST, &format!("{A}/applications"), ("Idempotency-Key", "intake-7f3a"), &body)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let theirs: Value = response.json().await.unwrap();
    assert_ne!(theirs["id"], first["id"]);
    assert_eq!(application_count(&app).await, 4);

    // A malformed key is a bad request, and creates nothing.
    let long = "k".repeat(256);
    for key in [long.as_str(), "has space"] {
        let response =
            api.request(Method::POST, &format!("{A}/applications")).header("Idempotency-Key", key).json(&body).send();
        let (status, problem) = json_of(response.await.unwrap()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{key}: {problem}");
    }
    assert_eq!(application_count(&app).await, 4);

    // A saved answer is kept for a day: housekeeping within the day keeps it, after it
    // the key is forgotten and the same call is a new application.
    app.state.clock.advance(samla_web::services::idempotency::KEEP_SECONDS - 60);
    assert_eq!(samla_web::services::idempotency::forget_expired(&app.state).await.unwrap(), 0);
    let again = post("intake-7f3a").await.unwrap();
    assert_eq!(again.headers()["idempotent-replayed"], "true", "still remembered");
    assert_eq!(application_count(&app).await, 4);
    app.state.clock.advance(120);
    assert!(samla_web::services::idempotency::forget_expired(&app.state).await.unwrap() >= 4);
    let later = post("intake-7f3a").await.unwrap();
    assert_eq!(later.status(), StatusCode::CREATED);
    assert!(later.headers().get("idempotent-replayed").is_none(), "forgotten after a day");
    let later: Value = later.json().await.unwrap();
    assert_ne!(later["id"], first["id"]);
    assert_eq!(application_count(&app).await, 5);
}

#[tokio::test]
async fn secretaries_never_see_the_referral_and_user_representatives_see_no_intake() {
    let app = TestApp::spawn().await;
    let (api, course_id) = coordinator_with_course(&app).await;
    let settings = api.get(&format!("{A}/intake-settings")).await;
    let etag = settings.headers()["etag"].to_str().unwrap().to_string();
    let change = json!({
        "national_id_enabled": true, "stale_after_days": 7, "child_own_say_from_age": 12, "offer_days": 7,
        "public_phone": "22 33 44 55",
    });
    let (status, saved) = send_if_match(&api, Method::PUT, &format!("{A}/intake-settings"), &etag, &change).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["national_id_enabled"], true);
    assert_eq!(saved["public_email"], Value::Null);

    let nurse = channel_id(&api, "school_nurse").await;
    let mut body = child_application(&app, course_id, nurse);
    let birth_date = born(&app, 10);
    let number = national_id(&birth_date);
    body["participant_national_id"] = json!(number);
    let id = create(&api, &body).await["id"].as_i64().unwrap();
    let talk =
        json!({ "held_on": today(&app).to_string(), "participants": "Mor", "notes": "Sårbar.", "outcome": "continue" });
    let (status, _) = send(&api, Method::POST, &format!("{A}/applications/{id}/pre-conversations"), &talk).await;
    assert_eq!(status, StatusCode::CREATED);
    let full = get_application(&api, id).await;
    assert_eq!(full["participant"]["national_id"], number);

    // A secretary works with the application but not its sensitive parts.
    let (_, secretary) = api_for(&app, "sekretaer@a.no", &["secretary"]).await;
    let seen = get_application(&secretary, id).await;
    assert_eq!(seen["sensitive_visible"], false);
    assert_eq!(seen["reason"], Value::Null, "{seen}");
    assert_eq!(seen["needs"], Value::Null);
    assert_eq!(seen["pre_conversations"][0]["notes"], Value::Null);
    assert!(seen["events"].as_array().unwrap().iter().all(|e| e["note"].is_null()));
    assert_eq!(seen["participant"]["national_id"], format!("{}•••••", &number[..6]));
    assert_eq!(seen["participant"]["name"], "Nora Berg", "names and contacts are theirs to see");
    assert_eq!(person(&seen, "Kari Berg")["phone"], "+47 912 34 567");
    let page = secretary.get_ok(&format!("{A}/applications")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let household_id = seen["household_id"].as_i64().unwrap();
    let household = secretary.get_ok(&format!("{A}/households/{household_id}")).await;
    let members = household["members"].as_array().unwrap();
    assert!(members.iter().any(|m| m["national_id"] == format!("{}•••••", &number[..6])), "{household}");
    let sexes: Vec<(&str, &Value)> = members.iter().map(|m| (m["name"].as_str().unwrap_or(""), &m["sex"])).collect();
    assert!(sexes.contains(&("Nora Berg", &json!("female"))), "the child's sex as stated: {sexes:?}");
    assert!(sexes.iter().filter(|(name, _)| *name != "Nora Berg").all(|(_, sex)| sex.is_null()), "{sexes:?}");

    // A user representative gets no intake list at all.
    let (_, representative) = api_for(&app, "brukerrep@a.no", &["user_representative"]).await;
    for path in [
        format!("{A}/applications"),
        format!("{A}/applications/{id}"),
        format!("{A}/applications/{id}/consents"),
        format!("{A}/programmes/smil/waitlist"),
        format!("{A}/households/{household_id}"),
        format!("{A}/courses/{course_id}/participants"),
        format!("{A}/recruitment-channels"),
        format!("{A}/consent-texts"),
        format!("{A}/intake-settings"),
    ] {
        let (status, problem) = representative.get_json(&path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {problem}");
    }
    let (status, _) = send(&representative, Method::POST, &format!("{A}/applications"), &body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(application_count(&app).await, 1);
}

#[tokio::test]
async fn a_group_leader_sees_only_applications_for_courses_they_staff() {
    let app = TestApp::spawn().await;
    let (api, mine) = coordinator_with_course(&app).await;
    let other = plan_course(&api, "SMIL høst").await;
    let (leader_id, leader) = api_for(&app, "leder@a.no", &["group_leader"]).await;
    let (status, staff) = send(
        &api,
        Method::POST,
        &format!("{A}/courses/{mine}/staff"),
        &json!({ "user_id": leader_id, "course_role": "group_leader" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{staff}");
    let nurse = channel_id(&api, "school_nurse").await;
    let ours = create(&api, &child_application(&app, mine, nurse)).await["id"].as_i64().unwrap();
    let mut elsewhere = child_application(&app, other, nurse);
    elsewhere["participant_name"] = json!("Even Dahl");
    let theirs = create(&api, &elsewhere).await["id"].as_i64().unwrap();
    let mut waiting = child_application(&app, mine, nurse);
    waiting.as_object_mut().unwrap().remove("course_id");
    waiting["programme"] = json!("smil");
    waiting["participant_name"] = json!("Tuva Lie");
    let unplaced = create(&api, &waiting).await["id"].as_i64().unwrap();

    let page = leader.get_ok(&format!("{A}/applications")).await;
    let ids: Vec<i64> = page["items"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [ours]);
    let seen = get_application(&leader, ours).await;
    assert_eq!(seen["sensitive_visible"], true, "the course's own leaders see the referral");
    assert!(seen["reason"].as_str().is_some());
    for id in [theirs, unplaced] {
        let (status, _) = leader.get_json(&format!("{A}/applications/{id}")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "application {id}");
    }
    let (status, _) = leader.get_json(&format!("{A}/courses/{other}/participants")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let _ = leader.get_ok(&format!("{A}/courses/{mine}/participants")).await;

    // Paging goes past the applications of other courses.
    let (_, first) = api.get_json(&format!("{A}/applications?limit=2")).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let (_, second) = api.get_json(&format!("{A}/applications?limit=2&cursor={cursor}")).await;
    assert_eq!(second["items"][0]["id"], unplaced);
    assert_eq!(second["next_cursor"], Value::Null);
    let (_, filtered) = api.get_json(&format!("{A}/applications?course_id={other}")).await;
    assert_eq!(filtered["items"][0]["id"], theirs);
    let (_, unknown) = api.get_json(&format!("{A}/applications?programme=ukjent")).await;
    assert_eq!(unknown["items"], json!([]));
}

#[tokio::test]
async fn problems_name_the_fields() {
    let app = TestApp::spawn().await;
    let (api, course_id) = coordinator_with_course(&app).await;
    let path = format!("{A}/applications");

    // A child without a guardian or birth date, and a phone that is not one.
    let body = json!({
        "course_id": course_id, "participant_type": "child", "participant_name": "Nora",
        "second_guardian_phone": "ring meg",
    });
    assert_eq!(refused_fields(&api, Method::POST, &path, &body).await, ["second_guardian_phone"]);
    let (status, problem) = send(
        &api,
        Method::POST,
        &path,
        &json!({ "course_id": course_id, "participant_type": "child", "participant_name": "Nora" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields = error_fields(&problem);
    for field in ["participant_birth_date", "guardian_name", "guardian_phone"] {
        assert!(fields.contains(&field.to_string()), "{field} in {fields:?}");
    }
    assert!(problem["errors"].as_array().unwrap().iter().all(|e| e["message"].as_str().is_some_and(|m| !m.is_empty())));

    // Line breaks in a name, a date that is not one, an e-mail address without @.
    let mut body = child_application(&app, course_id, channel_id(&api, "gp").await);
    body["guardian_name"] = json!("Kari\nBerg");
    body["participant_birth_date"] = json!("15.03.2016");
    body["guardian_email"] = json!("kari.example.no");
    let mut fields = refused_fields(&api, Method::POST, &path, &body).await;
    fields.sort();
    assert_eq!(fields, ["guardian_email", "guardian_name", "participant_birth_date"]);

    // A national identity number where the organisation records none.
    let mut body = child_application(&app, course_id, channel_id(&api, "gp").await);
    body["participant_national_id"] = json!(national_id(&born(&app, 10)));
    assert_eq!(refused_fields(&api, Method::POST, &path, &body).await, ["participant_national_id"]);

    // Unknown fields and wrong types are malformed requests.
    let mut body = child_application(&app, course_id, 1);
    body["colour"] = json!("blue");
    let (status, _) = send(&api, Method::POST, &path, &body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) =
        send(&api, Method::POST, &path, &json!({ "participant_type": "teen", "participant_name": "X" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(application_count(&app).await, 0);

    // Elsewhere too: a pre-conversation in the future, an upside-down age band, a
    // consent from someone outside the household, an unknown channel.
    let id =
        create(&api, &child_application(&app, course_id, channel_id(&api, "gp").await)).await["id"].as_i64().unwrap();
    let later = (today(&app) + chrono::Duration::days(10)).to_string();
    let body = json!({ "held_on": later, "participants": "Mor", "outcome": "continue" });
    assert_eq!(
        refused_fields(&api, Method::POST, &format!("{A}/applications/{id}/pre-conversations"), &body).await,
        ["held_on"]
    );
    let body = json!({ "age_min": 12, "age_max": 9 });
    assert_eq!(
        refused_fields(&api, Method::POST, &format!("{A}/courses/{course_id}/group-proposal"), &body).await,
        ["age_max"]
    );
    let body = json!({ "giver_id": 999_999, "purpose": "evaluation", "capacity": "guardian" });
    assert_eq!(
        refused_fields(&api, Method::POST, &format!("{A}/applications/{id}/consents"), &body).await,
        ["giver_id"]
    );
    let (status, problem) =
        send_if_match(&api, Method::PATCH, &format!("{A}/applications/{id}"), "*", &json!({ "channel_id": 999_999 }))
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(error_fields(&problem), ["channel_id"]);
    let (status, changed) = send_if_match(
        &api,
        Method::PATCH,
        &format!("{A}/applications/{id}"),
        "*",
        &json!({ "priority": 1, "channel_id": null }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["priority"], 1);
    assert_eq!(changed["channel_id"], Value::Null);
    assert_eq!(changed["course"]["id"], course_id, "left out, kept");
}
