//! Languages: bokmål by default, English on request, the choice remembered in a
//! cookie and on the person's account, and API problems in the caller's language.

use crate::common::{cookie_value, json_body, TestApp, PASSWORD};
use reqwest::StatusCode;

async fn login_page(app: &TestApp, accept_language: Option<&str>) -> String {
    let mut request = app.bare_client().get(app.url("/login"));
    if let Some(value) = accept_language {
        request = request.header("Accept-Language", value);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

fn is_english(html: &str) -> bool {
    html.contains("<html lang=\"en\">") && html.contains("<h1>Log in</h1>")
}

fn is_bokmal(html: &str) -> bool {
    html.contains("<html lang=\"nb\">") && html.contains("<h1>Logg inn</h1>")
}

#[tokio::test]
async fn the_browser_language_decides_without_a_cookie() {
    let app = TestApp::spawn().await;
    assert!(is_bokmal(&login_page(&app, None).await), "bokmål is the default");
    assert!(is_english(&login_page(&app, Some("en")).await));
    assert!(is_english(&login_page(&app, Some("en-GB,en;q=0.9")).await));
    assert!(is_bokmal(&login_page(&app, Some("nb-NO,nb;q=0.9,en;q=0.5")).await));
    assert!(is_bokmal(&login_page(&app, Some("de-DE")).await), "an unknown language falls back to bokmål");
    assert!(is_english(&login_page(&app, Some("de;q=1, en;q=0.8, nb;q=0.2")).await));
}

#[tokio::test]
async fn the_language_switcher_sets_a_cookie() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let (_, page) = browser.get_html("/login").await;
    assert!(is_bokmal(&page));
    let response = browser.submit("/login", "/language", &[("lang", "en"), ("return_to", "/login")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(crate::common::location(&response), "/login", "back to the page the person was on");
    assert_eq!(cookie_value(&response, "samla_lang").as_deref(), Some("en"));
    let (_, page) = browser.get_html("/login").await;
    assert!(is_english(&page), "pages follow the cookie");
    // The cookie beats the browser's own language.
    let response = browser.client.get(app.url("/login")).header("Accept-Language", "nb").send().await.unwrap();
    assert!(is_english(&response.text().await.unwrap()));

    // Switching back works too, and an error page follows the choice.
    browser.submit("/login", "/language", &[("lang", "nb"), ("return_to", "/login")]).await;
    assert!(is_bokmal(&browser.get_html("/login").await.1));
    browser.submit("/login", "/language", &[("lang", "en"), ("return_to", "/login")]).await;
    let (status, missing) = browser.get_html("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("<html lang=\"en\">") && missing.contains("Page not found"));
}

#[tokio::test]
async fn a_persons_choice_comes_back_at_the_next_login() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.logged_in("kari@example.no").await;
    let (_, home) = browser.get_html("/").await;
    assert!(home.contains("<html lang=\"nb\">"));
    let response = browser.submit("/", "/language", &[("lang", "en"), ("return_to", "/")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, home) = browser.get_html("/").await;
    assert!(home.contains("<html lang=\"en\">") && home.contains("My account"), "the home page in English");

    // A fresh browser, asking for bokmål: after login the saved choice wins.
    let fresh = app.browser();
    let response = fresh.client.get(app.url("/login")).header("Accept-Language", "nb").send().await.unwrap();
    assert!(is_bokmal(&response.text().await.unwrap()));
    let login = fresh.login("kari@example.no", PASSWORD).await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(cookie_value(&login, "samla_lang").as_deref(), Some("en"), "login restores the saved language");
    let (_, home) = fresh.get_html("/").await;
    assert!(home.contains("<html lang=\"en\">") && home.contains("My account"));

    // The API reports the saved choice as well.
    let api = app.api(&app.token_for("kari@example.no").await);
    let (_, me) = api.get_json("/me").await;
    assert_eq!(me["language"], "en");
}

#[tokio::test]
async fn api_problems_follow_accept_language() {
    let app = TestApp::spawn().await;
    let client = app.bare_client();
    let english: serde_json::Value =
        client.get(app.url("/api/v1/me")).header("Accept-Language", "en").send().await.unwrap().json().await.unwrap();
    assert_eq!(english["title"], "You need to log in");
    let bokmal: serde_json::Value =
        client.get(app.url("/api/v1/me")).header("Accept-Language", "nb").send().await.unwrap().json().await.unwrap();
    assert_eq!(bokmal["title"], "Du må logge inn");
    let default: serde_json::Value = client.get(app.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(default["title"], bokmal["title"]);

    // Field messages too.
    let (_, api) = app.admin_api("org-a", "admin@example.no").await;
    let mut messages = Vec::new();
    for language in ["en", "nb"] {
        let users = api.request(reqwest::Method::GET, "/organisations/org-a/users?limit=0");
        let body = json_body(users.header("Accept-Language", language)).await;
        assert_eq!(body["errors"][0]["field"], "limit");
        messages.push((body["title"].clone(), body["errors"][0]["message"].clone()));
    }
    assert_eq!(messages[0].0, "Something needs fixing");
    assert_eq!(messages[1].0, "Noe må rettes");
    assert_ne!(messages[0].1, messages[1].1, "the field message is translated");
}

#[tokio::test]
async fn switching_language_half_way_through_logging_in_stays_on_the_page() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.browser();
    for page in ["/login", "/login/second-factor"] {
        let response = browser.submit("/login", "/language", &[("lang", "en"), ("return_to", page)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(crate::common::location(&response), page, "the switcher returns to {page}");
    }
    for evil in ["//evil.example", "/login/../\\evil.example", "https://evil.example/login"] {
        let response = browser.submit("/login", "/language", &[("lang", "en"), ("return_to", evil)]).await;
        assert_eq!(crate::common::location(&response), "/", "{evil}");
    }
}
