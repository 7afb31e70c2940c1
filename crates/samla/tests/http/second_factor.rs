//! The second factor: enrolment with recovery codes, the code step at login, one use
//! per code, and organisations that require it for roles seeing personal data.

use crate::common::{cookie_value, input_value, location, totp_code, wrong_totp_code, Browser, TestApp, PASSWORD};
use reqwest::StatusCode;

/// Enrols the logged-in (or half-way logged-in) browser; returns the secret, the
/// recovery codes and the new session cookie the enrolment set, if any.
async fn enrol(app: &TestApp, browser: &Browser) -> (String, Vec<String>, Option<String>) {
    let (status, page) = browser.get_html("/account/second-factor").await;
    assert_eq!(status, StatusCode::OK);
    let secret = input_value(&page, "secret").expect("the enrolment form carries the secret");
    assert!(secret.len() >= 32, "a secret of at least 160 bits: {secret}");
    let code = totp_code(&secret, app.now());
    let response = browser
        .submit("/account/second-factor", "/account/second-factor", &[("secret", &secret), ("code", &code)])
        .await;
    assert_eq!(response.status(), StatusCode::OK, "enrolment with a correct code succeeds");
    let session = cookie_value(&response, "samla_session");
    let html = response.text().await.unwrap();
    let list_start = html.find("id=\"recovery-codes\"").expect("the page lists recovery codes");
    let list_end = list_start + html[list_start..].find("</ul>").unwrap();
    let list = &html[list_start..list_end];
    let codes: Vec<String> = list
        .split("<li>")
        .skip(1)
        .map(|item| crate::common::strip_tags(item.split("</li>").next().unwrap_or("")))
        .collect();
    assert_eq!(list.matches("<li>").count(), 10, "ten recovery codes");
    (secret, codes, session)
}

async fn submit_code(browser: &Browser, code: &str) -> reqwest::Response {
    browser.submit("/login/second-factor", "/login/second-factor", &[("code", code), ("next", "/")]).await
}

/// Logs out and logs in again with the password; the next step is the code.
/// A new person of org-a with this role gives their password in a new browser: the
/// browser, and where the login sent it.
async fn password_step_of_new(app: &TestApp, email: &str, role: &str) -> (Browser, String) {
    app.add_user("org-a", email, role).await;
    let browser = app.browser();
    let response = browser.login(email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    (browser, location(&response))
}

async fn password_step(browser: &Browser, email: &str) {
    browser.logout().await;
    let response = browser.login(email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login/second-factor?next=%2F", "a person with a second factor is asked for it");
    // Half-way is not logged in.
    let home = browser.get("/").await;
    assert_eq!(home.status(), StatusCode::SEE_OTHER);
    assert!(location(&home).starts_with("/login"));
}

#[tokio::test]
async fn enrolment_then_login_with_codes_used_once() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.logged_in("kari@example.no").await;
    let (secret, recovery, _) = enrol(&app, &browser).await;
    assert_eq!(recovery.len(), 10);
    let unique: std::collections::HashSet<_> = recovery.iter().collect();
    assert_eq!(unique.len(), 10, "recovery codes differ");

    // A wrong code is refused and the half-way session stays half-way.
    password_step(&browser, "kari@example.no").await;
    let wrong = submit_code(&browser, &wrong_totp_code(&secret, app.now())).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crate::common::error_summary(&wrong.text().await.unwrap()).is_some());
    assert_eq!(browser.get("/").await.status(), StatusCode::SEE_OTHER);

    // The code used for enrolment is spent; the next step's code lets the person in.
    app.state.clock.advance(30);
    let code = totp_code(&secret, app.now());
    let right = submit_code(&browser, &code).await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&right), "/");
    assert_eq!(browser.get("/").await.status(), StatusCode::OK);

    // The same code again (same step) is refused.
    password_step(&browser, "kari@example.no").await;
    let reused = submit_code(&browser, &code).await;
    assert_eq!(reused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a TOTP code works only once");

    // A recovery code works, once.
    let by_recovery = submit_code(&browser, &recovery[3]).await;
    assert_eq!(by_recovery.status(), StatusCode::SEE_OTHER, "a recovery code lets the person in");
    assert_eq!(browser.get("/").await.status(), StatusCode::OK);
    password_step(&browser, "kari@example.no").await;
    let again = submit_code(&browser, &recovery[3]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "a recovery code works only once");
    // Typed in capitals and without dashes, another code still works.
    let typed = recovery[4].replace('-', " ").to_uppercase();
    assert_eq!(submit_code(&browser, &typed).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_half_way_session_ends_when_the_code_is_accepted() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.logged_in("kari@example.no").await;
    let (secret, _, _) = enrol(&app, &browser).await;
    browser.logout().await;
    let response = browser.login("kari@example.no", PASSWORD).await;
    let half_way = cookie_value(&response, "samla_session").expect("half-way session");
    app.state.clock.advance(30);
    let done = submit_code(&browser, &totp_code(&secret, app.now())).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let full = cookie_value(&done, "samla_session").expect("a new session after the code");
    assert_ne!(half_way, full);
    // The half-way cookie cannot be used to try more codes.
    let replay = app.bare_client();
    let csrf = browser.csrf("/login").await;
    let attempt = replay
        .post(app.url("/login/second-factor"))
        .header("cookie", format!("samla_session={half_way}; samla_csrf={csrf}"))
        .form(&[("csrf", csrf.as_str()), ("code", "123456")])
        .send()
        .await
        .unwrap();
    assert_eq!(attempt.status(), StatusCode::SEE_OTHER);
    assert!(location(&attempt).starts_with("/login"), "{}", location(&attempt));
}

#[tokio::test]
async fn an_organisation_requiring_a_second_factor_sends_a_coordinator_to_enrol() {
    let app = TestApp::spawn().await; // org-a requires a second factor
    let (browser, sent_to) = password_step_of_new(&app, "kari@example.no", "coordinator").await;
    assert_eq!(sent_to, "/account/second-factor");

    for page in ["/", "/account", "/admin/users"] {
        let closed = browser.get(page).await;
        assert_eq!(closed.status(), StatusCode::SEE_OTHER, "{page} stays closed until enrolled");
        assert!(location(&closed).starts_with("/login"), "{page} → {}", location(&closed));
    }
    let (_, _, session) = enrol(&app, &browser).await;
    assert!(session.is_some(), "completing enrolment starts a full session");
    let (status, home) = browser.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Kommune A"));
}

#[tokio::test]
async fn an_analyst_is_let_in_without_a_second_factor() {
    let app = TestApp::spawn().await; // org-a requires a second factor
    let (browser, sent_to) = password_step_of_new(&app, "anne@example.no", "analyst").await;
    assert_eq!(sent_to, "/", "an analyst sees no personal data and needs no second factor");
    assert_eq!(browser.get("/").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_password_alone_cannot_replace_an_enrolled_second_factor() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.logged_in("kari@example.no").await;
    let (secret, _, _) = enrol(&app, &browser).await;
    password_step(&browser, "kari@example.no").await;

    // Someone with only the password tries to enrol a secret of their own.
    let (_, page) = browser.get_html("/account/second-factor").await;
    let their_secret = input_value(&page, "secret").unwrap();
    let response = browser
        .submit(
            "/account/second-factor",
            "/account/second-factor",
            &[("secret", &their_secret), ("code", &totp_code(&their_secret, app.now()))],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login/second-factor"), "{}", location(&response));
    assert_eq!(browser.get("/").await.status(), StatusCode::SEE_OTHER, "still not logged in");

    // Their code does not work; the real one does.
    app.state.clock.advance(30);
    assert_eq!(
        submit_code(&browser, &totp_code(&their_secret, app.now())).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(submit_code(&browser, &totp_code(&secret, app.now())).await.status(), StatusCode::SEE_OTHER);
}
