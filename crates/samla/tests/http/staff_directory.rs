//! The staff directory: a coordinator finds the people to put on a course (names, roles,
//! certifications — no addresses, phones, account status or second factor), in the API
//! (`listStaff`, whose ids `addCourseStaff` takes) and on the pages.

use crate::common::{hrefs, nav_of, password_hash, send, Api, TestApp};
use reqwest::{Method, StatusCode};
use samla_web::services::setup;
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";

struct People {
    coordinator: Api,
    leader: i64,
    certified_leader: i64,
    disabled_leader: i64,
    representative: i64,
    smil_id: i64,
}

async fn person(app: &TestApp, org: &str, email: &str, name: &str, role: &str) -> i64 {
    setup::add_user(&app.state.store, org, email, name, role, password_hash(), app.now()).await.expect("person")
}

async fn seed(app: &TestApp) -> People {
    app.relax_second_factor("org-a").await;
    person(app, "org-a", "kari@a.no", "Kari Koordinator", "coordinator").await;
    let coordinator = app.api(&app.token_for("kari@a.no").await);
    let leader = person(app, "org-a", "gunnar@a.no", "Gunnar Gruppeleder", "group_leader").await;
    let certified_leader = person(app, "org-a", "sigrid@a.no", "Sigrid Sertifisert", "group_leader").await;
    let disabled_leader = person(app, "org-a", "sluttet@a.no", "Sluttet Leder", "group_leader").await;
    let representative = person(app, "org-a", "bjorn@a.no", "Bjørn Brukerrepresentant", "user_representative").await;
    person(app, "org-a", "sara@a.no", "Sara Sekretær", "secretary").await;
    app.add_organisation("org-b", "Kommune B", "NO").await;
    person(app, "org-b", "annen@b.no", "Annen Kommune", "group_leader").await;
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    samla_storage::accounts::set_disabled(&mut conn, disabled_leader, true).await.unwrap();
    drop(conn);

    let (_, smil) = coordinator.get_json(&format!("{A}/programmes/smil")).await;
    let smil_id = smil["id"].as_i64().unwrap();
    let path = format!("{A}/programmes/{smil_id}/certifications/{certified_leader}");
    let (status, _) = send(&coordinator, Method::PUT, &path, &json!({ "certified_on": "2024-05-02" })).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    People { coordinator, leader, certified_leader, disabled_leader, representative, smil_id }
}

fn entry(page: &Value, user_id: i64) -> Option<&Value> {
    page["items"].as_array().unwrap().iter().find(|p| p["user_id"] == user_id)
}

#[tokio::test]
async fn a_coordinator_finds_the_people_to_staff_a_course_and_no_more() {
    let app = TestApp::spawn().await;
    let people = seed(&app).await;
    let api = &people.coordinator;
    let response = api.get(&format!("{A}/staff")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    for private in ["@a.no", "@b.no", "email", "phone", "disabled", "second_factor", "totp"] {
        assert!(!text.contains(private), "the directory shows no {private}: {text}");
    }
    let page: Value = serde_json::from_str(&text).unwrap();
    let leader = entry(&page, people.leader).expect("the leader is listed");
    let mut keys: Vec<&str> = leader.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["certifications", "name", "roles", "user_id"]);
    assert_eq!(leader["name"], "Gunnar Gruppeleder");
    assert_eq!(leader["roles"], json!(["group_leader"]));
    assert_eq!(leader["certifications"], json!([]));
    let certified = entry(&page, people.certified_leader).expect("listed");
    assert_eq!(certified["certifications"][0]["programme_id"], people.smil_id);
    assert_eq!(certified["certifications"][0]["programme_slug"], "smil");
    assert_eq!(certified["certifications"][0]["certified_on"], "2024-05-02");
    assert!(entry(&page, people.representative).is_some());
    assert!(entry(&page, people.disabled_leader).is_none(), "a disabled account is nobody to staff a course with");
    assert!(!text.contains("Annen Kommune"), "only this organisation's people");

    // Only one role, a page at a time.
    let leaders = api.get_ok(&format!("{A}/staff?role=group_leader")).await;
    let names: Vec<&str> = leaders["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Gunnar Gruppeleder", "Sigrid Sertifisert"], "by name");
    api.assert_pages(&format!("{A}/staff"), 1, "user_id").await;
    let (status, _) = api.get_json(&format!("{A}/staff?role=boss")).await;
    assert!(status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY, "{status}");

    // The ids are the ones addCourseStaff takes.
    let course = json!({
        "programme": "smil", "name": "SMIL høst", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-01", "start_time": "14:15",
    });
    let (status, course) = send(api, Method::POST, &format!("{A}/courses"), &course).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    let staff = json!({ "user_id": certified["user_id"], "course_role": "group_leader", "on_every_session": true });
    let (status, added) = send(api, Method::POST, &format!("{A}/courses/{}/staff", course["id"]), &staff).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["name"], "Sigrid Sertifisert");
    assert!(app.audit_count("staff.directory", None, "success", None).await >= 1, "the read is audited");
}

#[tokio::test]
async fn only_coordinators_and_administrators_read_the_staff_directory() {
    let app = TestApp::spawn().await;
    seed(&app).await;
    for (email, role, expected) in [
        ("admin@a.no", "admin", StatusCode::OK),
        ("leder@a.no", "group_leader", StatusCode::FORBIDDEN),
        ("sekretar@a.no", "secretary", StatusCode::FORBIDDEN),
        ("rep@a.no", "user_representative", StatusCode::FORBIDDEN),
        ("analytiker@a.no", "analyst", StatusCode::FORBIDDEN),
    ] {
        app.add_user("org-a", email, role).await;
        let api = app.api(&app.token_for(email).await);
        assert_eq!(api.get(&format!("{A}/staff")).await.status(), expected, "{role}");
        let browser = app.logged_in(email).await;
        assert_eq!(browser.get("/staff").await.status(), expected, "{role} on the page");
    }
    let (_, other) = app.admin_api("org-b", "admin@b.no").await;
    assert_eq!(other.get(&format!("{A}/staff")).await.status(), StatusCode::NOT_FOUND, "another organisation's");
}

#[tokio::test]
async fn the_pages_show_the_directory_and_offer_people_by_name_role_and_certification() {
    let app = TestApp::spawn().await;
    let people = seed(&app).await;
    let browser = app.logged_in("kari@a.no").await;
    let (status, page) = browser.get_html("/staff").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Sigrid Sertifisert") && page.contains("Gunnar Gruppeleder"));
    assert!(!page.contains("sigrid@a.no") && !page.contains("Sluttet Leder"), "no addresses, no disabled accounts");
    let (_, home) = browser.get_html("/").await;
    assert!(hrefs(&nav_of(&home)).contains(&"/staff".to_string()), "the navigation leads there");

    let course = json!({
        "programme": "smil", "name": "SMIL vår", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-01", "start_time": "14:15",
    });
    let (status, course) = send(&people.coordinator, Method::POST, &format!("{A}/courses"), &course).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, page) = browser.get_html(&format!("/courses/{}", course["id"])).await;
    let option = page
        .split("<option")
        .find(|o| o.contains(&format!("value=\"{}\"", people.certified_leader)))
        .expect("the certified leader is offered");
    assert!(option.contains("Sigrid Sertifisert") && option.contains("SMIL"), "name and certification: {option}");
    assert!(!page.contains(&format!("value=\"{}\"", people.disabled_leader)));
}
