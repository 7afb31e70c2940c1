//! The contract of the API for running a course: every operation the issue names is in
//! the served OpenAPI document under its stable operationId, with its method and path,
//! and saving a session's whole attendance documents its ETag and If-Match. Integrations
//! are written against these names; renaming one breaks them, so it breaks this test.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const RUNNING: [(&str, &str, &str); 42] = [
    ("getSession", "get", "/api/v1/organisations/{org}/sessions/{session_id}"),
    ("getSessionAttendance", "get", "/api/v1/organisations/{org}/sessions/{session_id}/attendance"),
    ("putSessionAttendance", "put", "/api/v1/organisations/{org}/sessions/{session_id}/attendance"),
    ("createAbsenceNotice", "post", "/api/v1/organisations/{org}/sessions/{session_id}/absence-notices"),
    (
        "deleteAbsenceNotice",
        "delete",
        "/api/v1/organisations/{org}/sessions/{session_id}/absence-notices/{participant_id}",
    ),
    ("getToday", "get", "/api/v1/organisations/{org}/today"),
    ("getSessionLog", "get", "/api/v1/organisations/{org}/sessions/{session_id}/log"),
    ("putSessionLog", "put", "/api/v1/organisations/{org}/sessions/{session_id}/log"),
    ("listHomework", "get", "/api/v1/organisations/{org}/sessions/{session_id}/homework"),
    ("createHomework", "post", "/api/v1/organisations/{org}/sessions/{session_id}/homework"),
    ("reviewHomework", "put", "/api/v1/organisations/{org}/homework/{homework_id}/review"),
    (
        "listObservations",
        "get",
        "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/observations",
    ),
    (
        "createObservation",
        "post",
        "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/observations",
    ),
    ("listCourseMeetings", "get", "/api/v1/organisations/{org}/courses/{course_id}/meetings"),
    ("scheduleMeeting", "post", "/api/v1/organisations/{org}/courses/{course_id}/meetings"),
    ("getMeetingRecord", "get", "/api/v1/organisations/{org}/sessions/{session_id}/record"),
    ("putMeetingRecord", "put", "/api/v1/organisations/{org}/sessions/{session_id}/record"),
    ("addMeetingGuest", "post", "/api/v1/organisations/{org}/sessions/{session_id}/guests"),
    ("updateMeetingGuest", "put", "/api/v1/organisations/{org}/sessions/{session_id}/guests/{guest_id}"),
    ("removeMeetingGuest", "delete", "/api/v1/organisations/{org}/sessions/{session_id}/guests/{guest_id}"),
    (
        "planClosingConversations",
        "post",
        "/api/v1/organisations/{org}/courses/{course_id}/meetings/closing-conversations",
    ),
    ("listConcernReports", "get", "/api/v1/organisations/{org}/concern-reports"),
    ("createConcernReport", "post", "/api/v1/organisations/{org}/courses/{course_id}/concern-reports"),
    ("getConcernReport", "get", "/api/v1/organisations/{org}/concern-reports/{report_id}"),
    ("updateConcernReport", "put", "/api/v1/organisations/{org}/concern-reports/{report_id}"),
    ("getConcernReaders", "get", "/api/v1/organisations/{org}/concern-readers"),
    ("putConcernReaders", "put", "/api/v1/organisations/{org}/concern-readers"),
    ("listAuditReviews", "get", "/api/v1/organisations/{org}/audit-reviews"),
    ("markAuditReviewed", "post", "/api/v1/organisations/{org}/audit-reviews/{seq}/reviewed"),
    ("getCourseAttendance", "get", "/api/v1/organisations/{org}/courses/{course_id}/attendance"),
    ("recordDropout", "post", "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/dropout"),
    ("listFollowUpTasks", "get", "/api/v1/organisations/{org}/courses/{course_id}/follow-up-tasks"),
    ("completeFollowUpTask", "post", "/api/v1/organisations/{org}/follow-up-tasks/{task_id}/complete"),
    ("getCourseReminderSettings", "get", "/api/v1/organisations/{org}/courses/{course_id}/reminders"),
    ("putCourseReminderSettings", "put", "/api/v1/organisations/{org}/courses/{course_id}/reminders"),
    (
        "setParticipantReminders",
        "put",
        "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/reminders",
    ),
    ("setPersonReminders", "put", "/api/v1/organisations/{org}/courses/{course_id}/reminder-recipients/{person_id}"),
    ("setMyLogReminders", "put", "/api/v1/organisations/{org}/courses/{course_id}/my-log-reminders"),
    ("getRunningSettings", "get", "/api/v1/organisations/{org}/running-settings"),
    ("putRunningSettings", "put", "/api/v1/organisations/{org}/running-settings"),
    ("cancelSession", "post", "/api/v1/organisations/{org}/courses/{course_id}/sessions/{session_id}/cancel"),
    ("addSession", "post", "/api/v1/organisations/{org}/courses/{course_id}/sessions"),
];

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/// The served document, fetched as an integration would (no token needed).
async fn served_document(app: &TestApp) -> Value {
    let response = app.bare_client().get(app.url("/api/v1/openapi.json")).send().await.expect("the document");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("JSON")
}

/// Every (operationId, method, path) in the document.
fn operations(document: &Value) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(id) = item.get(method).and_then(|op| op["operationId"].as_str()) {
                found.push((id.to_string(), method.to_string(), path.clone()));
            }
        }
    }
    found
}

#[tokio::test]
async fn every_running_operation_keeps_its_operation_id_method_and_path() {
    let app = TestApp::spawn().await;
    let document = served_document(&app).await;
    let operations = operations(&document);
    let mut missing = Vec::new();
    for (id, method, path) in RUNNING {
        let with_id: Vec<&(String, String, String)> = operations.iter().filter(|(found, _, _)| found == id).collect();
        assert!(with_id.len() <= 1, "{id} is used {} times", with_id.len());
        match with_id.first() {
            Some((_, found_method, found_path)) => {
                assert_eq!((found_method.as_str(), found_path.as_str()), (method, path), "{id} moved");
            }
            None => missing.push(id),
        }
    }
    assert!(missing.is_empty(), "not in the document: {missing:?}");
    // operationIds are unique across the whole document.
    let mut ids: Vec<&str> = operations.iter().map(|(id, _, _)| id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "an operationId is used twice");
}

#[tokio::test]
async fn saving_a_sessions_attendance_documents_its_etag_and_if_match() {
    let app = TestApp::spawn().await;
    let document = served_document(&app).await;
    let put = &document["paths"]["/api/v1/organisations/{org}/sessions/{session_id}/attendance"]["put"];
    assert_eq!(put["operationId"], "putSessionAttendance");
    let parameters = put["parameters"].as_array().expect("parameters");
    let if_match = parameters.iter().find(|p| p["name"] == "If-Match").expect("an If-Match parameter");
    assert_eq!(if_match["in"], "header");
    let ok = &put["responses"]["200"];
    assert!(ok.is_object(), "a 200 answer: {put}");
    let headers = ok["headers"].as_object().expect("headers on the 200 answer");
    assert!(headers.keys().any(|name| name.eq_ignore_ascii_case("etag")), "an ETag header: {headers:?}");
    // A stale save and a missing precondition are part of the contract.
    for status in ["412", "428"] {
        assert!(put["responses"][status].is_object(), "{status} documented: {put}");
    }
    // Reading it gives the ETag to send.
    let get = &document["paths"]["/api/v1/organisations/{org}/sessions/{session_id}/attendance"]["get"];
    let headers = get["responses"]["200"]["headers"].as_object().expect("headers on getSessionAttendance");
    assert!(headers.keys().any(|name| name.eq_ignore_ascii_case("etag")));
}
