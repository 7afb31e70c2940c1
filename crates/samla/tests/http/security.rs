//! Cross-site request forgery protection and the security headers on every answer.

use crate::common::{csrf_in, TestApp, PASSWORD};
use reqwest::{Response, StatusCode};

fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

async fn assert_html_error(response: Response, status: StatusCode) {
    assert_eq!(response.status(), status);
    assert!(header(&response, "content-type").starts_with("text/html"), "an error page, not a bare status");
    let body = response.text().await.unwrap();
    assert!(body.contains("<html"), "a full page");
    assert!(!body.contains("samla_session"), "no session was started");
}

#[tokio::test]
async fn a_login_post_without_the_csrf_field_is_refused() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.browser();
    browser.get("/login").await; // the browser holds a CSRF cookie
    let response = browser.post_form("/login", &[("email", "kari@example.no"), ("password", PASSWORD)]).await;
    assert!(crate::common::set_cookie_header(&response, "samla_session").is_none());
    assert_html_error(response, StatusCode::BAD_REQUEST).await;

    // A client that never opened a page (no cookie) is refused the same way.
    let bare = app.bare_client();
    let response = bare
        .post(app.url("/login"))
        .form(&[("csrf", "x".repeat(43).as_str()), ("email", "kari@example.no"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_html_error(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_login_post_with_a_wrong_csrf_token_is_refused() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.browser();
    let real = browser.csrf("/login").await;
    let mut wrong: Vec<char> = real.chars().collect();
    wrong[0] = if wrong[0] == 'A' { 'B' } else { 'A' };
    let wrong: String = wrong.into_iter().collect();
    let response = browser
        .post_form("/login", &[("csrf", &wrong), ("email", "kari@example.no"), ("password", PASSWORD), ("next", "/")])
        .await;
    assert_html_error(response, StatusCode::BAD_REQUEST).await;
    // The right token with the same browser works.
    let response = browser
        .post_form("/login", &[("csrf", &real), ("email", "kari@example.no"), ("password", PASSWORD), ("next", "/")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_cross_site_origin_is_refused() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.browser();
    let (_, page) = browser.get_html("/login").await;
    let csrf = csrf_in(&page);
    let fields = [("csrf", csrf.as_str()), ("email", "kari@example.no"), ("password", PASSWORD), ("next", "/")];
    let response = browser
        .client
        .post(app.url("/login"))
        .header("Origin", "http://evil.example")
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_html_error(response, StatusCode::FORBIDDEN).await;

    // The site's own origin is fine.
    let response = browser
        .client
        .post(app.url("/login"))
        .header("Origin", app.base_url.clone())
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // A logged-in person's state-changing form from elsewhere is refused too.
    let csrf = browser.csrf("/account").await;
    let response = browser
        .client
        .post(app.url("/account/tokens"))
        .header("Origin", "http://evil.example")
        .form(&[("csrf", csrf.as_str()), ("label", "stolen")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let tokens: i64 = app.scalar("SELECT COUNT(*) FROM api_tokens", ()).await;
    assert_eq!(tokens, 0, "no token was created");
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let anonymous = app.browser().get("/login").await;
    let browser = app.logged_in("kari@example.no").await;
    let home = browser.get("/").await;
    let api = app.bare_client().get(app.url("/api/v1/me")).send().await.unwrap();
    for (name, response) in [("/login", &anonymous), ("/", &home), ("/api/v1/me", &api)] {
        let csp = header(response, "content-security-policy");
        assert!(!csp.is_empty(), "{name}: CSP present");
        let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
        let script_src = directives.iter().find(|d| d.starts_with("script-src"));
        let default_src = directives.iter().find(|d| d.starts_with("default-src"));
        match script_src {
            Some(script) => {
                assert!(!script.contains("'unsafe-inline'") && !script.contains("'unsafe-eval'"), "{name}: {csp}")
            }
            None => assert_eq!(default_src.copied(), Some("default-src 'none'"), "{name}: scripts fall back to none"),
        }
        assert!(directives.contains(&"frame-ancestors 'none'"), "{name}: {csp}");
        assert_eq!(header(response, "x-content-type-options"), "nosniff", "{name}");
        assert!(!header(response, "referrer-policy").is_empty(), "{name}");
        assert_eq!(header(response, "x-frame-options"), "DENY", "{name}");
        assert!(header(response, "cache-control").contains("no-store"), "{name}");
        assert!(header(response, "strict-transport-security").is_empty(), "{name}: no HSTS over plain http");
    }
}

#[tokio::test]
async fn every_response_has_a_request_id() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let mut responses = vec![
        ("health", browser.get("/healthz").await),
        ("ready", browser.get("/readyz").await),
        ("stylesheet", browser.get("/static/samla.css").await),
        ("login page", browser.get("/login").await),
        ("redirect", browser.get("/admin/users").await),
        ("page not found", browser.get("/no/such/page").await),
        ("api 401", browser.get("/api/v1/me").await),
        ("api 404", browser.get("/api/v1/nothing-here").await),
        ("csrf failure", browser.post_form("/login", &[]).await),
    ];
    responses.push(("method not allowed", browser.client.delete(app.url("/login")).send().await.unwrap()));
    let mut seen = std::collections::HashSet::new();
    for (name, response) in &responses {
        let id = header(response, "x-request-id");
        assert!(id.len() >= 12, "{name}: X-Request-Id present ({id:?})");
        assert!(seen.insert(id), "{name}: request ids are unique");
    }
}

#[tokio::test]
async fn after_login_the_person_stays_on_this_site() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let cases = [
        ("/account", "/account"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("/login", "/"),
        ("/account\r\nSet-Cookie: x=1", "/"),
        ("/account\n", "/"),
    ];
    for (next, expected) in cases {
        let browser = app.browser();
        let response = browser
            .submit("/login", "/login", &[("email", "kari@example.no"), ("password", PASSWORD), ("next", next)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "next={next:?}");
        assert_eq!(crate::common::location(&response), expected, "next={next:?}");
        assert!(response.headers().get("x").is_none());
    }
}
