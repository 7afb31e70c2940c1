//! Courses run before samla, imported from a spreadsheet through the API and the page:
//! every problem named and nothing written until there are none, a course imported again
//! replaced, and the imported courses counted in the next release.

use crate::common::{Api, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const ORG: &str = "org-a";

fn course(reference: &str, start: &str, end: &str, cancelled: bool) -> Value {
    json!({ "course": reference, "programme": "smil", "start_date": start, "end_date": end,
            "sessions": 10, "leaders": 2.0, "cancelled": cancelled })
}

/// Twelve children on V24: six came to all ten sessions, six to four; five dropped out.
fn children() -> Vec<Value> {
    (0..12)
        .map(|i| {
            let sex = ["female", "male"][i % 2];
            json!({ "course": "V24", "participant": format!("B{i:02}"), "birth_year": 2014.0,
                    "sex": sex, "channel": "school",
                    "sessions_attended": if i < 6 { 10 } else { 4 }, "dropped_out": i >= 7,
                    "dropout_reason": if i >= 7 { Some("moved") } else { None } })
        })
        .collect()
}

/// The children, one of them changed by `change`, as an import body.
fn good_children_with(change: impl Fn(&mut Value)) -> Value {
    let mut children = children();
    change(&mut children[0]);
    json!({ "participants": children })
}

async fn imported_count(app: &TestApp) -> (i64, i64) {
    let courses: i64 = app.scalar("SELECT COUNT(*) FROM imported_courses", ()).await;
    let participants: i64 = app.scalar("SELECT COUNT(*) FROM imported_participants", ()).await;
    (courses, participants)
}

#[tokio::test]
async fn an_import_names_every_problem_writes_nothing_until_none_and_counts_in_the_next_release() {
    let app = TestApp::spawn().await;
    app.execute("UPDATE organisations SET region = 'oslo' WHERE slug = $1", (ORG,)).await;
    app.add_user(ORG, "coordinator@a.test", "coordinator").await;
    let coordinator = app.api(&app.token_for("coordinator@a.test").await);
    app.add_user(ORG, "rep@a.test", "user_representative").await;
    let representative = app.api(&app.token_for("rep@a.test").await);
    let imports = format!("/organisations/{ORG}/statistics/imports");

    // Problems in both sheets: all named, nothing written.
    let mut bad_children = children();
    bad_children[0]["participant"] = json!("01017012345");
    bad_children[1]["birth_year"] = json!(1850);
    bad_children[2]["course"] = json!("X99");
    let bad = json!({
        "courses": [course("V24", "2024-02-05", "2024-04-15", false), course("V24", "2030-01-06", "2030-03-01", false)],
        "participants": bad_children,
    });
    let (status, problem) = Api::json_of(coordinator.send_json(Method::POST, &imports, &bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields: Vec<&str> =
        problem["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
    for expected in [
        "courses[3].course",
        "courses[3].start_date",
        "participants[2].participant",
        "participants[3].birth_year",
        "participants[4].course",
    ] {
        assert!(fields.contains(&expected), "{expected} in {fields:?}");
    }
    let message = problem["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("rad") || message.contains("row"), "the message says where: {message}");
    assert_eq!(imported_count(&app).await, (0, 0), "nothing imported while a row has a problem");
    let mut unknown_sex = good_children_with(|child| child["sex"] = json!("f"));
    unknown_sex["courses"] = json!([course("V24", "2024-02-05", "2024-04-15", false)]);
    let (status, _) = Api::json_of(coordinator.send_json(Method::POST, &imports, &unknown_sex).await).await;
    assert!(status.is_client_error(), "a sex the document does not list: {status}");

    // Only those who plan courses import.
    let good = json!({
        "courses": [course("V24", "2024-02-05", "2024-04-15", false), course("H24", "2024-09-02", "2024-11-11", true)],
        "participants": children(),
    });
    let refused = representative.send_json(Method::POST, &imports, &good).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let (status, done) = Api::json_of(coordinator.send_json(Method::POST, &imports, &good).await).await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(done, json!({ "courses": 2, "participants": 12 }));
    // The same again replaces, not doubles.
    let (status, _) = Api::json_of(coordinator.send_json(Method::POST, &imports, &good).await).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(imported_count(&app).await, (2, 12));
    assert_eq!(app.audit_count("statistics.import", None, "success", None).await, 2);

    // The owner's release of 2024 counts them.
    let programme: i64 = app
        .scalar("SELECT p.id FROM programmes p JOIN organisations o ON o.id = p.organisation_id WHERE o.slug = $1 AND p.slug = 'smil'", (ORG,))
        .await;
    let releases = format!("/organisations/{ORG}/programmes/{programme}/statistics/releases");
    let (status, published) =
        Api::json_of(coordinator.send_json(Method::POST, &releases, &json!({ "year": 2024 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let table = |kind: &str| format!("{releases}/2024/tables/{kind}");
    let outcome = coordinator.get_ok(&table("participants_by_outcome")).await;
    assert_eq!(outcome["total"]["cells"], json!([7, 5, 0, 12]), "{outcome}");
    assert_eq!(outcome["imported_courses"], 2);
    let ages = coordinator.get_ok(&table("participants_by_age")).await;
    assert_eq!(
        ages["total"]["cells"][1], 12,
        "born 2014: 9 in February 2024, counted from the middle of the year: {ages}"
    );
    let attendance = coordinator.get_ok(&table("participants_by_attendance")).await;
    assert_eq!(attendance["total"]["cells"], json!([6, 0, 0, 6, 0, 12]), "{attendance}");
    let courses = coordinator.get_ok(&table("courses_by_status")).await;
    assert_eq!(courses["total"]["cells"], json!([0, 0, 1, 1, 2]), "{courses}");
    let leaders = coordinator.get_ok(&table("leaders_by_certification")).await;
    assert_eq!(leaders["total"]["cells"], json!([0, 0, 0, 4, 4]), "two per course, standing not known: {leaders}");
}

#[tokio::test]
async fn the_page_offers_the_template_and_imports_it_back_or_names_the_problems() {
    let app = TestApp::spawn().await;
    app.relax_second_factor(ORG).await;
    app.add_user(ORG, "coordinator@a.test", "coordinator").await;
    let browser = app.logged_in("coordinator@a.test").await;
    let (status, page) = browser.get_html("/statistics/import").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("enctype=\"multipart/form-data\""), "a file upload: {page}");
    let (_, overview) = browser.get_html("/statistics").await;
    assert!(overview.contains("id=\"import-link\""), "the statistics page leads here");

    // The template, as it is downloaded, imports: one course with two participants.
    let template = browser.get("/statistics/import/template?format=xlsx").await;
    assert_eq!(template.status(), StatusCode::OK);
    let workbook = template.bytes().await.expect("XLSX").to_vec();
    let uploaded =
        browser.upload("/statistics/import", "/statistics/import", &[("workbook", "mal.xlsx", workbook)]).await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let done = crate::common::location(&uploaded);
    assert_eq!(done, "/statistics/import?courses=1&participants=2");
    let (_, page) = browser.get_html(&done).await;
    assert!(page.contains("id=\"import-done\""), "the page says what was imported");
    assert!(crate::common::section(&page, "imported", "</table>").contains("V24-1"), "and lists it");

    // Two CSV files, semicolon separated as a Norwegian Excel saves them, with problems.
    let courses =
        "course;programme;start_date;end_date;sessions;leaders;cancelled\nH23;smil;31.02.2023;01.12.2023;8;2;nei\n";
    let participants = "course;participant;birth_year;age;sex;channel;sessions_attended;dropped_out;dropout_reason\nH23;A1;;9;;;9;nei;\n";
    let refused = browser
        .upload(
            "/statistics/import",
            "/statistics/import",
            &[("courses", "courses.csv", courses.into()), ("participants", "participants.csv", participants.into())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    let courses_error = crate::common::section(&page, "courses-error", "</div>");
    assert!(courses_error.contains("rad 2") && courses_error.contains("start_date"), "{courses_error}");
    let participants_error = crate::common::section(&page, "participants-error", "</div>");
    assert!(participants_error.contains("sessions_attended"), "nine of eight sessions: {participants_error}");
    let count: i64 = app.scalar("SELECT COUNT(*) FROM imported_courses WHERE reference = 'H23'", ()).await;
    assert_eq!(count, 0);

    // Not a workbook at all.
    let garbage = browser
        .upload("/statistics/import", "/statistics/import", &[("workbook", "x.xlsx", b"not a zip".to_vec())])
        .await;
    assert_eq!(garbage.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(garbage.text().await.unwrap().contains("id=\"workbook-error\""));
    // Without the CSRF token the upload is refused before it is read.
    let forged = reqwest::multipart::Form::new().part("workbook", reqwest::multipart::Part::bytes(b"x".to_vec()));
    let response =
        browser.client.post(format!("{}/statistics/import", browser.base_url)).multipart(forged).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
