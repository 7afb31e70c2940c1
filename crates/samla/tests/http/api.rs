//! The JSON API: bearer tokens, problem documents, optimistic locking, paging,
//! invitations, token management and the OpenAPI document.

use crate::common::{location, Api, TestApp};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::HashSet;

fn content_type(response: &Response) -> String {
    response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

/// Asserts a problem document with this status and returns its body.
async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert!(content_type(&response).starts_with("application/problem+json"), "{}", content_type(&response));
    let body: Value = response.json().await.expect("problem document is JSON");
    assert_eq!(body["status"], json!(status.as_u16()), "{body}");
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()), "{body}");
    assert!(body["detail"].as_str().is_some(), "{body}");
    body
}

async fn admin_app() -> (TestApp, i64, Api) {
    let app = TestApp::spawn().await;
    let (id, api) = app.admin_api("org-a", "admin@example.no").await;
    (app, id, api)
}

#[tokio::test]
async fn me_names_the_caller_and_their_roles() {
    let (app, id, api) = admin_app().await;
    app.add_user("org-a", "admin@example.no", "analyst").await;
    app.add_organisation("org-b", "Kommune B", "DK").await;
    app.add_user("org-b", "admin@example.no", "coordinator").await;
    let me = api.get_ok("/me").await;
    assert_eq!(me["id"], json!(id));
    assert_eq!(me["email"], "admin@example.no");
    assert_eq!(me["has_second_factor"], false);
    let organisations = me["organisations"].as_array().unwrap();
    assert_eq!(organisations.len(), 2, "{me}");
    let a = organisations.iter().find(|o| o["slug"] == "org-a").expect("org-a");
    assert_eq!(a["name"], "Kommune A");
    let mut roles: Vec<&str> = a["roles"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    roles.sort();
    assert_eq!(roles, ["admin", "analyst"]);
    let b = organisations.iter().find(|o| o["slug"] == "org-b").expect("org-b");
    assert_eq!(b["roles"], json!(["coordinator"]));
}

#[tokio::test]
async fn missing_or_bad_tokens_get_401_problems() {
    let (app, _, _) = admin_app().await;
    let client = app.bare_client();
    let url = app.url("/api/v1/me");
    let attempts = [
        client.get(&url),
        client.get(&url).bearer_auth("samla_not-a-real-token"),
        client.get(&url).header("Authorization", "Basic YWRtaW46YWRtaW4="),
        client.get(&url).header("Authorization", "Bearer "),
    ];
    for attempt in attempts {
        let response = attempt.send().await.unwrap();
        let challenge =
            response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        assert!(challenge.starts_with("Bearer"), "WWW-Authenticate: {challenge:?}");
        let body = problem(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["instance"], "/api/v1/me");
    }
    // The API never redirects to the login page.
    let response = client.get(app.url("/api/v1/organisations/org-a/users")).send().await.unwrap();
    assert!(location(&response).is_empty());
    problem(response, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let (_app, _, api) = admin_app().await;
    problem(api.get("/no-such-thing").await, StatusCode::NOT_FOUND).await;
    problem(api.get("/organisations/org-a/nothing/here").await, StatusCode::NOT_FOUND).await;
    let response = api.request(Method::DELETE, "/me").send().await.unwrap();
    let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    problem(response, StatusCode::METHOD_NOT_ALLOWED).await;
    assert!(allow.contains("GET"), "Allow: {allow}");
}

#[tokio::test]
async fn bad_json_is_a_400_naming_where() {
    let (_app, _, api) = admin_app().await;
    let malformed = api
        .request(Method::POST, "/me/tokens")
        .header("content-type", "application/json")
        .body("{\n  \"label\": \"x\",\n  oops\n}")
        .send()
        .await
        .unwrap();
    let body = problem(malformed, StatusCode::BAD_REQUEST).await;
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("line 3") && detail.contains("column"), "{detail}");

    let wrong_type = api.create_user("org-a", &json!({ "email": "x@example.no", "name": "X", "roles": [7] })).await;
    let body = problem(wrong_type, StatusCode::BAD_REQUEST).await;
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("roles[0]"), "the field path is named: {detail}");

    let wrong_type = api.send_json(Method::POST, "/me/tokens", &json!({ "label": 5 })).await;
    let body = problem(wrong_type, StatusCode::BAD_REQUEST).await;
    assert!(body["detail"].as_str().unwrap().contains("label"), "{body}");

    let unknown_field = api.send_json(Method::POST, "/me/tokens", &json!({ "label": "x", "admin": true })).await;
    problem(unknown_field, StatusCode::BAD_REQUEST).await;

    // serde would read a struct of optional fields from an empty array; every body is an object.
    for not_an_object in [json!([]), json!(["x"]), json!("label"), json!(null)] {
        let response = api.send_json(Method::POST, "/organisations/org-a/calendar-feeds", &not_an_object).await;
        let body = problem(response, StatusCode::BAD_REQUEST).await;
        assert!(body["detail"].as_str().unwrap().contains("JSON"), "{not_an_object}: {body}");
    }

    let bad_query = api.get("/organisations/org-a/users?limit=many").await;
    let body = problem(bad_query, StatusCode::BAD_REQUEST).await;
    assert!(body["detail"].as_str().unwrap().contains("limit"), "{body}");
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413() {
    let (app, _, api) = admin_app().await;
    let label = "x".repeat(1024 * 1024 + 10);
    let response = api
        .request(Method::POST, "/me/tokens")
        .header("content-type", "application/json")
        .body(format!("{{\"label\":\"{label}\"}}"))
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    let tokens: i64 = app.scalar("SELECT COUNT(*) FROM api_tokens", ()).await;
    assert_eq!(tokens, 1, "only the test's own token exists");
}

#[tokio::test]
async fn organisation_updates_need_the_current_etag() {
    let (_app, _, api) = admin_app().await;
    let response = api.get("/organisations/org-a").await;
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers().get("etag").unwrap().to_str().unwrap().to_string();
    let organisation: Value = response.json().await.unwrap();
    assert_eq!(organisation["slug"], "org-a");
    assert_eq!(organisation["require_second_factor"], true);
    let change = json!({ "name": "Kommune A (ny)", "require_second_factor": true });

    let missing = api.send_json(Method::PUT, "/organisations/org-a", &change).await;
    problem(missing, StatusCode::PRECONDITION_REQUIRED).await;

    let stale = api.send_json_with(Method::PUT, "/organisations/org-a", ("If-Match", "\"v0\""), &change).await;
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let garbage = api.send_json_with(Method::PUT, "/organisations/org-a", ("If-Match", "whatever"), &change).await;
    problem(garbage, StatusCode::PRECONDITION_FAILED).await;

    let saved = api.send_json_with(Method::PUT, "/organisations/org-a", ("If-Match", &etag), &change).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let new_etag = saved.headers().get("etag").unwrap().to_str().unwrap().to_string();
    assert_ne!(new_etag, etag);
    let saved: Value = saved.json().await.unwrap();
    assert_eq!(saved["name"], "Kommune A (ny)");

    // The old ETag is now stale; the new one works.
    let again = api.send_json_with(Method::PUT, "/organisations/org-a", ("If-Match", &etag), &change).await;
    problem(again, StatusCode::PRECONDITION_FAILED).await;
    let (_, read) = api.get_json("/organisations/org-a").await;
    assert_eq!(read["name"], "Kommune A (ny)");
    assert_eq!(format!("\"v{}\"", read["version"]), new_etag);

    let invalid = api
        .send_json_with(
            Method::PUT,
            "/organisations/org-a",
            ("If-Match", &new_etag),
            &json!({ "name": "   ", "require_second_factor": true }),
        )
        .await;
    let body = problem(invalid, StatusCode::UNPROCESSABLE_ENTITY).await;
    let errors = body["errors"].as_array().expect("errors list");
    assert_eq!(errors.len(), 1, "{body}");
    assert_eq!(errors[0]["field"], "name");
    assert!(errors[0]["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn users_are_listed_a_page_at_a_time() {
    let (_app, admin_id, api) = admin_app().await;
    let mut expected: HashSet<i64> = HashSet::from([admin_id]);
    for n in 0..5 {
        let response = api
            .create_user("org-a", &json!({ "email": format!("person{n}@example.no"), "name": format!("Person {n}"), "roles": ["analyst"] }))
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        expected.insert(created["user"]["id"].as_i64().unwrap());
    }
    assert_eq!(expected.len(), 6);

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/organisations/org-a/users?limit=2&cursor={c}"),
            None => "/organisations/org-a/users?limit=2".to_string(),
        };
        let page = api.get_ok(&path).await;
        pages += 1;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|u| u["id"].as_i64().unwrap()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => {
                assert!(page["next_cursor"].is_null(), "{page}");
                break;
            }
        }
        assert!(pages < 10, "paging must end");
    }
    assert_eq!(pages, 3);
    let unique: HashSet<i64> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "no duplicates: {seen:?}");
    assert_eq!(unique, expected);

    for bad in ["limit=0", "limit=201", "limit=-1"] {
        let body =
            problem(api.get(&format!("/organisations/org-a/users?{bad}")).await, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        assert_eq!(body["errors"][0]["field"], "limit", "{bad}: {body}");
    }
    let body = problem(api.get("/organisations/org-a/users?cursor=abc").await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["errors"][0]["field"], "cursor");
}

#[tokio::test]
async fn invalid_new_users_are_422_with_every_field_named() {
    let (_app, _, api) = admin_app().await;
    let response = api.create_user("org-a", &json!({ "email": "not-an-address", "name": "", "roles": [] })).await;
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let mut fields: Vec<&str> =
        body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort();
    assert_eq!(fields, ["email", "name", "roles"]);

    let created =
        api.create_user("org-a", &json!({ "email": "ola@example.no", "name": "Ola", "roles": ["analyst"] })).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let again =
        api.create_user("org-a", &json!({ "email": "OLA@example.no", "name": "Ola", "roles": ["analyst"] })).await;
    problem(again, StatusCode::CONFLICT).await;
}

#[tokio::test]
async fn an_invited_person_chooses_a_password_once() {
    let (app, _, api) = admin_app().await;
    let response =
        api.create_user("org-a", &json!({ "email": "ny@example.no", "name": "Nina Ny", "roles": ["analyst"] })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    assert_eq!(created["user"]["email"], "ny@example.no");
    assert_eq!(created["user"]["roles"], json!(["analyst"]));
    let url = created["invitation_url"].as_str().expect("an invitation url");
    let path = url.strip_prefix(&app.base_url).expect("the link points at this site").to_string();
    assert!(path.starts_with("/welcome/"), "{path}");

    // No password works before the person chooses one.
    assert_eq!(app.browser().login("ny@example.no", "!").await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let browser = app.browser();
    let (status, page) = browser.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Nina Ny"), "the welcome page greets the person");

    let weak = browser.submit(&path, &path, &[("password", "password1"), ("repeat_password", "password1")]).await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY, "a common password is refused");

    let chosen = "tre blå båter i havna";
    let response = browser.submit(&path, &path, &[("password", chosen), ("repeat_password", chosen)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?welcome=1");

    let login = app.browser().login("ny@example.no", chosen).await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&login), "/");

    let (status, _) = browser.get_html(&path).await;
    assert_eq!(status, StatusCode::GONE, "the link is used up");
    let csrf = browser.csrf("/login").await;
    let reuse = browser
        .post_form(&path, &[("csrf", &csrf), ("password", "noe helt annet"), ("repeat_password", "noe helt annet")])
        .await;
    assert_eq!(reuse.status(), StatusCode::GONE);
    assert_eq!(app.browser().login("ny@example.no", "noe helt annet").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn tokens_are_shown_once_and_revoked_at_once() {
    let (app, _, api) = admin_app().await;
    let response = api.send_json(Method::POST, "/me/tokens", &json!({ "label": "reporting script" })).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    let secret = created["token"].as_str().expect("the secret").to_string();
    let id = created["id"].as_str().expect("the public id").to_string();
    assert_eq!(created["label"], "reporting script");
    assert!(secret.len() >= 40 && !secret.contains(&id), "a long secret, not derived from the id");

    let new_api = app.api(&secret);
    let (status, me) = new_api.get_json("/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["email"], "admin@example.no");

    let listing = api.get("/me/tokens").await;
    assert_eq!(listing.status(), StatusCode::OK);
    let text = listing.text().await.unwrap();
    assert!(!text.contains(&secret), "the list never shows secrets");
    let secret_body = secret.trim_start_matches("samla_");
    assert!(!text.contains(secret_body));
    let list: Value = serde_json::from_str(&text).unwrap();
    let entry = list.as_array().unwrap().iter().find(|t| t["id"] == json!(id)).expect("the new token is listed");
    assert_eq!(entry["label"], "reporting script");
    assert!(entry["revoked_at"].is_null());

    let revoke = api.request(Method::DELETE, &format!("/me/tokens/{id}")).send().await.unwrap();
    assert_eq!(revoke.status(), StatusCode::NO_CONTENT);
    problem(new_api.get("/me").await, StatusCode::UNAUTHORIZED).await;
    assert_eq!(api.get("/me").await.status(), StatusCode::OK, "other tokens keep working");
    let (_, list) = api.get_json("/me/tokens").await;
    let entry = list.as_array().unwrap().iter().find(|t| t["id"] == json!(id)).unwrap();
    assert!(entry["revoked_at"].is_i64(), "{entry}");

    // Revoking again, or someone else's token, is not found.
    problem(api.request(Method::DELETE, &format!("/me/tokens/{id}")).send().await.unwrap(), StatusCode::NOT_FOUND)
        .await;
    app.add_user("org-a", "other@example.no", "admin").await;
    let other = app.api(&app.token_for("other@example.no").await);
    let (_, other_list) = other.get_json("/me/tokens").await;
    let other_id = other_list[0]["id"].as_str().unwrap().to_string();
    problem(
        api.request(Method::DELETE, &format!("/me/tokens/{other_id}")).send().await.unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(other.get("/me").await.status(), StatusCode::OK);

    let empty = api.send_json(Method::POST, "/me/tokens", &json!({ "label": " " })).await;
    let body = problem(empty, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["errors"][0]["field"], "label");
}

#[tokio::test]
async fn the_openapi_document_is_3_1_with_unique_operation_ids() {
    let app = TestApp::spawn().await;
    let response = app.bare_client().get(app.url("/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("application/json"));
    let document: Value = response.json().await.unwrap();
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.1.")), "{}", document["openapi"]);
    let paths = document["paths"].as_object().expect("paths");
    let mut ids = HashSet::new();
    let mut operations = 0;
    for (path, item) in paths {
        assert!(path.starts_with("/api/v1/"), "{path}");
        for (method, operation) in item.as_object().unwrap() {
            if !["get", "put", "post", "delete", "patch", "head", "options", "trace"].contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let id = operation["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has an operationId"));
            assert!(ids.insert(id.to_string()), "operationId {id} is used twice");
            assert!(operation["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path}");
        }
    }
    assert!(operations >= 11, "every operation is documented ({operations})");
    for id in ["getMe", "listUsers", "createUser", "getUser", "updateUser", "createToken", "revokeToken", "searchAudit"]
    {
        assert!(ids.contains(id), "{id}");
    }
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}
