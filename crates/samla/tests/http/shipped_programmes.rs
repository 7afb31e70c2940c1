//! The shipped programme manuals are in every organisation's library from its first day,
//! as the shipped questionnaires are, and stay up to date: a new version samla ships
//! reaches every copy the organisation left as it was (a new programme version; courses
//! keep theirs), never a copy it changed or archived.

use crate::common::{send, Api, TestApp, PASSWORD};
use reqwest::{Method, StatusCode};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use samla_web::services::{programmes, setup};
use serde_json::{json, Value};

fn manual_json(slug: &str) -> Value {
    let (_, source) = SHIPPED.iter().find(|(s, _)| *s == slug).expect("shipped");
    serde_json::to_value(Manual::from_toml(source).unwrap()).unwrap()
}

async fn coordinator(app: &TestApp, org: &str) -> Api {
    let email = format!("koordinator@{org}.no");
    app.add_user(org, &email, "coordinator").await;
    app.api(&app.token_for(&email).await)
}

async fn library(api: &Api, org: &str) -> Vec<Value> {
    let page = api.get_ok(&format!("/organisations/{org}/programmes?limit=200")).await;
    page["items"].as_array().unwrap().clone()
}

async fn programme_count(app: &TestApp, organisation_id: i64) -> i64 {
    app.scalar("SELECT COUNT(*) FROM programmes WHERE organisation_id = $1", (organisation_id,)).await
}

#[tokio::test]
async fn a_new_organisation_has_every_shipped_programme() {
    let app = TestApp::spawn().await;
    app.add_organisation("org-b", "Kommune B", "NO").await;
    let api = coordinator(&app, "org-b").await;
    let listed = library(&api, "org-b").await;
    assert_eq!(listed.len(), SHIPPED.len(), "{listed:?}");
    for (slug, _) in SHIPPED {
        let programme = api.get_ok(&format!("/organisations/org-b/programmes/{slug}")).await;
        assert_eq!(programme["own"], true, "the organisation's own copy: {slug}");
        assert_eq!(programme["shipped"], true, "{slug}");
        assert_eq!(programme["version"], 1);
        assert_eq!(programme["manual"], manual_json(slug), "{slug}");
    }
    // A course is planned from one at once, without importing anything.
    let course = json!({
        "programme": "mestringstreff", "name": "Mestringstreff", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-07", "start_time": "18:00",
    });
    let (status, body) = send(&api, Method::POST, "/organisations/org-b/courses", &course).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // The first organisation, made through the one-time setup link, has them too.
    let empty = TestApp::spawn().await;
    let secret = setup::setup_link_if_needed(&empty.state.store, empty.now()).await.unwrap().expect("a link");
    let first = setup::FirstAdmin::parse("Kommune C", "org-c", "NO", "Ada Admin", "ada@c.no", PASSWORD).unwrap();
    setup::create_first_admin(&empty.state.store, &secret, first, empty.now()).await.expect("first admin");
    let org_c = empty.organisation_id("org-c").await;
    assert_eq!(programme_count(&empty, org_c).await, SHIPPED.len() as i64);
}

/// The shipped manuals as if samla shipped a new edition of SMIL.
fn with_new_smil() -> Vec<(&'static str, String)> {
    SHIPPED
        .iter()
        .map(|(slug, source)| {
            let text = if *slug == "smil" {
                source.replacen("default_session_count = 12", "default_session_count = 14", 1)
            } else {
                source.to_string()
            };
            (*slug, text)
        })
        .collect()
}

async fn install(app: &TestApp, shipped: &[(&'static str, String)]) {
    let list: Vec<(&str, &str)> = shipped.iter().map(|(slug, text)| (*slug, text.as_str())).collect();
    programmes::install_shipped_everywhere(&app.state.store, &list, app.now()).await.expect("install");
}

#[tokio::test]
async fn a_new_shipped_version_reaches_the_copies_left_as_they_were() {
    let app = TestApp::spawn().await;
    for org in ["org-b", "org-c"] {
        app.add_organisation(org, org, "NO").await;
    }
    let a = coordinator(&app, "org-a").await;
    let b = coordinator(&app, "org-b").await;
    let c = coordinator(&app, "org-c").await;
    let (_, smil_a) = a.get_json("/organisations/org-a/programmes/smil").await;
    let course = json!({
        "programme": "smil", "name": "SMIL", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-01", "start_time": "14:15",
    });
    let (status, course) = send(&a, Method::POST, "/organisations/org-a/courses", &course).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");

    // B makes SMIL its own; C archives it.
    let mut edited = manual_json("smil");
    edited["name"] = json!("SMIL slik vi gjør det");
    let response =
        b.send_json_with(Method::PUT, "/organisations/org-b/programmes/smil", ("If-Match", "*"), &edited).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, smil_c) = c.get_json("/organisations/org-c/programmes/smil").await;
    let (status, archived) =
        send(&c, Method::POST, &format!("/organisations/org-c/programmes/{}/archive", smil_c["id"]), &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{archived}");
    assert_eq!(archived["archived"], true);
    assert!(library(&c, "org-c").await.iter().all(|p| p["slug"] != "smil"), "out of the library");

    let shipped = with_new_smil();
    install(&app, &shipped).await;
    let (_, now_a) = a.get_json("/organisations/org-a/programmes/smil").await;
    assert_eq!(now_a["id"], smil_a["id"]);
    assert_eq!(now_a["version"], 2, "the new edition is a new version: {now_a}");
    assert_eq!(now_a["manual"]["default_session_count"], 14);
    let (_, course) = a.get_json(&format!("/organisations/org-a/courses/{}", course["id"])).await;
    assert_eq!(course["programme"]["version"], 1, "a course keeps the version it was planned from");
    let (_, now_b) = b.get_json("/organisations/org-b/programmes/smil").await;
    assert_eq!(now_b["version"], 2, "the organisation's own edit stays");
    assert_eq!(now_b["manual"]["name"], "SMIL slik vi gjør det");
    let (_, now_c) = c.get_json("/organisations/org-c/programmes/smil").await;
    assert_eq!(now_c["version"], 1, "an archived copy is left alone");
    assert_eq!(now_c["archived"], true);
    // The other programmes were unchanged and stay at version 1.
    let (_, cos) = a.get_json("/organisations/org-a/programmes/cos").await;
    assert_eq!(cos["version"], 1);

    // Starting again with the same files changes nothing.
    install(&app, &shipped).await;
    let (_, again) = a.get_json("/organisations/org-a/programmes/smil").await;
    assert_eq!(again["version"], 2);

    // An archived programme cannot be planned from until it is taken back.
    let plan = json!({
        "programme": "smil", "name": "SMIL", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": "2027-09-01", "start_time": "14:15",
    });
    let (status, problem) = send(&c, Method::POST, "/organisations/org-c/courses", &plan).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, back) =
        send(&c, Method::POST, &format!("/organisations/org-c/programmes/{}/unarchive", smil_c["id"]), &json!({}))
            .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["archived"], false);
    let (status, body) = send(&c, Method::POST, "/organisations/org-c/courses", &plan).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn organisations_from_before_get_the_library_at_start_and_keep_their_imports() {
    let app = TestApp::spawn().await;
    // An organisation made before samla installed programmes, which imported SMIL by hand.
    let id: i64 = app
        .scalar(
            "INSERT INTO organisations (slug, name, country, created_at) VALUES ('org-old', 'Gammel', 'NO', $1)
         RETURNING id",
            (app.now(),),
        )
        .await;
    let smil = Manual::from_toml(SHIPPED.iter().find(|(s, _)| *s == "smil").unwrap().1).unwrap();
    programmes::import_file(&app.state.store, "org-old", smil, false, app.now()).await.expect("import");
    assert_eq!(programme_count(&app, id).await, 1);

    let shipped: Vec<(&'static str, String)> = SHIPPED.iter().map(|(s, t)| (*s, t.to_string())).collect();
    install(&app, &shipped).await;
    assert_eq!(programme_count(&app, id).await, SHIPPED.len() as i64, "the rest of the library arrives");
    let versions: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM programme_versions v JOIN programmes p ON p.id = v.programme_id
         WHERE p.organisation_id = $1 AND p.slug = 'smil'",
            (id,),
        )
        .await;
    assert_eq!(versions, 1, "the imported copy is samla's own manual: no second version");
    // …so it is kept up to date like the others.
    install(&app, &with_new_smil()).await;
    let current: i64 =
        app.scalar("SELECT current_version FROM programmes WHERE organisation_id = $1 AND slug = 'smil'", (id,)).await;
    assert_eq!(current, 2);
}
