//! Logging in with a password: one answer for every refusal, throttling, disabled
//! accounts, the session cookie and its lifetime.

use crate::common::{cookie_value, error_summary, input_value, location, set_cookie_header, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::json;

const SESSION: &str = "samla_session";

/// An app whose org-a lets people in with a password alone, with one coordinator.
async fn app_with_kari() -> (TestApp, i64) {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let id = app.add_user("org-a", "kari@example.no", "coordinator").await;
    (app, id)
}

/// Logs in and returns the response's session cookie value.
async fn session_after_login(browser: &crate::common::Browser, email: &str) -> String {
    let response = browser.login(email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "login of {email}");
    cookie_value(&response, SESSION).expect("login sets the session cookie")
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let (app, _) = app_with_kari().await;
    let browser = app.browser();

    let wrong = browser.login("kari@example.no", "not the password at all").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(set_cookie_header(&wrong, SESSION).is_none(), "a refused login sets no session");
    let wrong_html = wrong.text().await.unwrap();

    let unknown = browser.login("nobody@example.no", "not the password at all").await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown_html = unknown.text().await.unwrap();

    let wrong_summary = error_summary(&wrong_html).expect("error summary for a wrong password");
    let unknown_summary = error_summary(&unknown_html).expect("error summary for an unknown e-mail");
    assert!(!wrong_summary.is_empty());
    assert_eq!(wrong_summary.as_bytes(), unknown_summary.as_bytes(), "the two refusals must read alike");

    // The form comes back with the e-mail as typed and never the password.
    assert_eq!(input_value(&wrong_html, "email").as_deref(), Some("kari@example.no"));
    assert_eq!(input_value(&unknown_html, "email").as_deref(), Some("nobody@example.no"));
    assert_eq!(input_value(&wrong_html, "password"), None, "the password field has no value");
    assert!(!wrong_html.contains("not the password at all"), "the typed password is not echoed");
}

#[tokio::test]
async fn five_failures_lock_the_account_even_for_the_right_password() {
    let (app, _) = app_with_kari().await;
    let browser = app.browser();
    let mut summaries = Vec::new();
    for attempt in 0..5 {
        let response = browser.login("kari@example.no", &format!("wrong password {attempt}")).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}");
        summaries.push(error_summary(&response.text().await.unwrap()).expect("summary"));
    }
    let locked = browser.login("kari@example.no", PASSWORD).await;
    assert_eq!(locked.status(), StatusCode::UNPROCESSABLE_ENTITY, "the right password is refused while locked");
    assert!(set_cookie_header(&locked, SESSION).is_none());
    let locked_summary = error_summary(&locked.text().await.unwrap()).expect("summary");
    for summary in &summaries {
        assert_eq!(summary, &locked_summary, "a locked account reads like a wrong password");
    }

    // Another person is not affected, and the lock ends after its time.
    app.add_user("org-a", "ola@example.no", "analyst").await;
    assert_eq!(app.browser().login("ola@example.no", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    app.state.clock.advance(15 * 60 + 1);
    let later = browser.login("kari@example.no", PASSWORD).await;
    assert_eq!(later.status(), StatusCode::SEE_OTHER, "the lock ends after 15 minutes");
}

#[tokio::test]
async fn a_disabled_account_cannot_log_in() {
    let (app, kari) = app_with_kari().await;
    let (_, admin) = app.admin_api("org-a", "admin@example.no").await;
    let (status, user) = admin.get_json(&format!("/organisations/org-a/users/{kari}")).await;
    assert_eq!(status, StatusCode::OK);
    let response = admin
        .update_user(
            "org-a",
            kari,
            &format!("\"v{}\"", user["version"]),
            &json!({ "name": "Kari", "roles": ["coordinator"], "disabled": true }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let browser = app.browser();
    let refused = browser.login("kari@example.no", PASSWORD).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(set_cookie_header(&refused, SESSION).is_none());
    let refused_summary = error_summary(&refused.text().await.unwrap()).unwrap();
    let wrong = browser.login("nobody@example.no", PASSWORD).await;
    assert_eq!(error_summary(&wrong.text().await.unwrap()).unwrap(), refused_summary);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let (app, _) = app_with_kari().await;
    let browser = app.browser();
    let secret = session_after_login(&browser, "kari@example.no").await;

    // The cookie works by hand from another client while the session lives.
    let replay = app.bare_client();
    let before = replay.get(app.url("/")).header("cookie", format!("{SESSION}={secret}")).send().await.unwrap();
    assert_eq!(before.status(), StatusCode::OK);

    let out = browser.logout().await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&out), "/login");
    let cleared = set_cookie_header(&out, SESSION).expect("logout clears the cookie");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    let after = replay.get(app.url("/")).header("cookie", format!("{SESSION}={secret}")).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "the old cookie no longer opens pages");
    assert!(location(&after).starts_with("/login"), "{}", location(&after));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let (app, _) = app_with_kari().await;
    let response = app.browser().login("kari@example.no", PASSWORD).await;
    let cookie = set_cookie_header(&response, SESSION).expect("session cookie");
    let attributes: Vec<String> = cookie.split(';').map(|a| a.trim().to_ascii_lowercase()).collect();
    assert!(attributes.iter().any(|a| a == "httponly"), "{cookie}");
    assert!(attributes.iter().any(|a| a == "samesite=lax" || a == "samesite=strict"), "{cookie}");
    assert!(attributes.iter().any(|a| a == "path=/"), "{cookie}");
    assert!(!attributes.iter().any(|a| a.starts_with("max-age") || a.starts_with("expires")), "ends with the browser");
}

#[tokio::test]
async fn each_login_gets_a_new_session_id_and_ends_the_one_it_replaces() {
    let (app, _) = app_with_kari().await;
    let browser = app.browser();
    let first = session_after_login(&browser, "kari@example.no").await;
    // The browser now sends `first` with its second login.
    let second = session_after_login(&browser, "kari@example.no").await;
    assert_ne!(first, second, "login must issue a fresh session id");
    assert!(first.len() >= 32 && second.len() >= 32, "session ids are long random tokens");

    let replay = app.bare_client();
    let old = replay.get(app.url("/")).header("cookie", format!("{SESSION}={first}")).send().await.unwrap();
    assert_eq!(old.status(), StatusCode::SEE_OTHER, "the replaced session is over");
    let new = replay.get(app.url("/")).header("cookie", format!("{SESSION}={second}")).send().await.unwrap();
    assert_eq!(new.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_session_ends_after_an_idle_hour() {
    let (app, _) = app_with_kari().await;
    let browser = app.logged_in("kari@example.no").await;
    app.state.clock.advance(59 * 60);
    assert_eq!(browser.get("/").await.status(), StatusCode::OK, "59 idle minutes are fine");
    app.state.clock.advance(3601);
    let response = browser.get("/account").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?next=%2Faccount");
    // Logging in again works at once.
    assert_eq!(browser.login("kari@example.no", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_session_ends_after_twelve_hours_even_when_active() {
    let (app, _) = app_with_kari().await;
    let browser = app.logged_in("kari@example.no").await;
    let mut elapsed = 0;
    // 14 steps of 50 minutes: 11 h 40 min, every step with a request.
    for _ in 0..14 {
        app.state.clock.advance(50 * 60);
        elapsed += 50 * 60;
        let response = browser.get("/").await;
        assert_eq!(response.status(), StatusCode::OK, "still logged in after {} minutes", elapsed / 60);
    }
    app.state.clock.advance(50 * 60);
    let response = browser.get("/").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "12 h 30 min after login the session is over");
    assert!(location(&response).starts_with("/login"));
}
