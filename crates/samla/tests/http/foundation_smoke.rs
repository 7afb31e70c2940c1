//! Health, readiness and the first login, on whichever backend the run uses.

use crate::common::{location, TestApp, PASSWORD};
use reqwest::StatusCode;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let health = browser.get("/healthz").await;
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.text().await.unwrap(), "ok");
    assert_eq!(browser.get("/readyz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_person_logs_in_and_out() {
    let app = TestApp::spawn_with_user("kari@example.no", "coordinator").await;
    let browser = app.browser();

    let response = browser.login("kari@example.no", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let (status, home) = browser.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Kommune A"), "home names the organisation");

    let out = browser.submit("/", "/logout", &[]).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = browser.get("/").await;
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
    assert!(location(&after).starts_with("/login"));
}
