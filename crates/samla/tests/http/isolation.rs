//! Organisations never see each other's people: another organisation's records look
//! exactly like records that do not exist.

use crate::common::{Api, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct TwoOrganisations {
    app: TestApp,
    a_admin: i64,
    a_api: Api,
    b_admin: i64,
    b_person: i64,
    b_api: Api,
}

async fn two_organisations() -> TwoOrganisations {
    let app = TestApp::spawn().await;
    app.add_organisation("org-b", "Kommune B", "DK").await;
    app.relax_second_factor("org-a").await;
    app.relax_second_factor("org-b").await;
    let (a_admin, a_api) = app.admin_api("org-a", "admin-a@example.no").await;
    app.add_user("org-a", "kari@a.example.no", "coordinator").await;
    let (b_admin, b_api) = app.admin_api("org-b", "admin-b@example.dk").await;
    let b_person = app.add_user("org-b", "birgitte@b.example.dk", "coordinator").await;
    TwoOrganisations { app, a_admin, a_api, b_admin, b_person, b_api }
}

fn is_problem(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .starts_with("application/problem+json")
}

#[tokio::test]
async fn another_organisations_person_is_not_found_on_pages() {
    let t = two_organisations().await;
    let admin_a = t.app.logged_in("admin-a@example.no").await;
    for id in [t.b_admin, t.b_person] {
        let (status, html) = admin_a.get_html(&format!("/admin/users/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "user {id} of org-b");
        assert!(!html.contains("example.dk"), "nothing of org-b's people shows");
    }
    // The same page for a missing id reads the same (no difference to probe).
    let (missing_status, _) = admin_a.get_html("/admin/users/999999").await;
    assert_eq!(missing_status, StatusCode::NOT_FOUND);

    // Changing org-b's person through A's form is not found either, and changes nothing.
    let csrf = admin_a.csrf("/admin/users").await;
    let response = admin_a
        .post_form(
            &format!("/admin/users/{}", t.b_person),
            &[("csrf", &csrf), ("version", "1"), ("name", "Taken over"), ("roles", "admin")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (status, user) = t.b_api.get_json(&format!("/organisations/org-b/users/{}", t.b_person)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(user["name"], "Test Person");
    assert_eq!(user["roles"], json!(["coordinator"]));

    // Switching the session to org-b is refused.
    let csrf = admin_a.csrf("/").await;
    let org_b: i64 = t.app.scalar("SELECT id FROM organisations WHERE slug = 'org-b'", ()).await;
    let response =
        admin_a.post_form("/organisation", &[("csrf", &csrf), ("organisation_id", &org_b.to_string())]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (_, home) = admin_a.get_html("/").await;
    assert!(home.contains("Kommune A") && !home.contains("Kommune B"));
}

#[tokio::test]
async fn another_organisations_person_is_not_found_in_the_api() {
    let t = two_organisations().await;
    let b_id = t.b_person;
    let (status, _) = t.a_api.get_json(&format!("/organisations/org-a/users/{b_id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let put = t
        .a_api
        .update_user("org-a", b_id, "\"v1\"", &json!({ "name": "Taken over", "roles": ["admin"], "disabled": true }))
        .await;
    assert_eq!(put.status(), StatusCode::NOT_FOUND);
    assert!(is_problem(&put));

    // Org-b's own addresses: A is no member there, so nothing exists for A.
    for path in [
        "/organisations/org-b".to_string(),
        "/organisations/org-b/users".to_string(),
        format!("/organisations/org-b/users/{b_id}"),
        format!("/organisations/org-b/users/{}", t.a_admin),
        "/organisations/org-b/audit".to_string(),
        "/organisations/org-nowhere/users".to_string(),
    ] {
        let response = t.a_api.get(&path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(is_problem(&response), "{path}");
    }
    let put_org = t
        .a_api
        .send_json_with(
            Method::PUT,
            "/organisations/org-b",
            ("If-Match", "\"v1\""),
            &json!({ "name": "Mine now", "require_second_factor": false }),
        )
        .await;
    assert_eq!(put_org.status(), StatusCode::NOT_FOUND);
    let create = t
        .a_api
        .request(Method::POST, "/organisations/org-b/users")
        .json(&json!({ "email": "spy@example.no", "name": "Spy", "roles": ["admin"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(create.status(), StatusCode::NOT_FOUND);

    // Nothing in org-b changed.
    let (_, user) = t.b_api.get_json(&format!("/organisations/org-b/users/{b_id}")).await;
    assert_eq!(user["name"], "Test Person");
    assert_eq!(user["disabled"], false);
    let (_, org) = t.b_api.get_json("/organisations/org-b").await;
    assert_eq!(org["name"], "Kommune B");
    let (_, list) = t.b_api.get_json("/organisations/org-b/users").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn lists_show_only_the_organisations_own_people() {
    let t = two_organisations().await;
    let admin_a = t.app.logged_in("admin-a@example.no").await;
    let (status, html) = admin_a.get_html("/admin/users").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("kari@a.example.no") && html.contains("admin-a@example.no"));
    assert!(!html.contains("example.dk"), "no person of org-b in A's list page");
    let links = crate::common::hrefs(&html);
    assert!(links.contains(&format!("/admin/users/{}", t.a_admin)), "A's own people are linked: {links:?}");
    for id in [t.b_admin, t.b_person] {
        assert!(!links.contains(&format!("/admin/users/{id}")), "no link to org-b's user {id}: {links:?}");
    }

    let list = t.a_api.get_ok("/organisations/org-a/users?limit=200").await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{list}");
    for item in items {
        assert!(item["email"].as_str().unwrap().ends_with(".no"), "{item}");
        assert!(item["id"] != json!(t.b_admin) && item["id"] != json!(t.b_person));
    }

    // Paging from a cursor beyond org-b's ids still shows only org-a.
    let (_, after) = t.a_api.get_json(&format!("/organisations/org-a/users?cursor={}", t.b_admin - 1)).await;
    for item in after["items"].as_array().unwrap() {
        assert!(item["email"].as_str().unwrap().ends_with(".no"), "{item}");
    }

    // Org-b's audit rows are not in A's audit search (page or API).
    let (_, audit) = t.a_api.get_json("/organisations/org-a/audit?limit=200").await;
    let rows = audit["items"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row["actor_user_id"] != json!(t.b_admin) && row["actor_user_id"] != json!(t.b_person), "{row}");
        assert!(row["record_id"] != json!(t.b_person.to_string()), "{row}");
    }
    let me: Value = t.b_api.get_json("/me").await.1;
    assert_eq!(me["organisations"].as_array().unwrap().len(), 1);
    assert_eq!(me["organisations"][0]["slug"], "org-b");
}
