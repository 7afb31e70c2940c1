//! Retention over HTTP and through the daily run: closed applications and sent mail past
//! their rule are removed whole — no canary planted in them is left in any table, nor in
//! the SQLite file's bytes — while what is held, placed or still young stays, the removal
//! is audited and counted, and the audit trail still verifies.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::intake::applications::{self as intake, MoveForm, Origin, PreConversationForm};
use samla_web::services::intake::ApplicationForm;
use samla_web::services::privacy::retention;
use serde_json::{json, Value};

const CHILD: &str = "Nora Kanarifugl-r1x";
const GUARDIAN: &str = "Guro Kanarifugl-r2x";
const EMAIL: &str = "kanari-r3x@example.test";
const REFERRER: &str = "Kanari Henviser-r4x";
const REASON: &str = "KANARI-GRUNN-r5x";
const TALK: &str = "KANARI-SAMTALE-r6x";
const NOTE: &str = "KANARI-NOTAT-r7x";
const MAIL_TO: &str = "kanari-post-r8x@example.test";
const CANARIES: [&str; 8] = [CHILD, GUARDIAN, EMAIL, REFERRER, REASON, TALK, NOTE, MAIL_TO];

/// Two years before the test clock's now.
const LONG_AGO: i64 = 2 * 365 * 86_400;

async fn coordinator(app: &TestApp) -> Actor {
    let id = app.add_user("org-a", "coordinator@a.test", "coordinator").await;
    actor_in(app, "org-a", id, "coordinator@a.test", "Coordinator", vec![Role::Coordinator], "test").await
}

/// An application for `child` (with `guardian`), talked with, then moved to `stage`, its
/// every step `age` seconds ago; its id.
async fn application(
    app: &TestApp,
    coordinator: &Actor,
    course_id: i64,
    (child, guardian, email): (&str, &str, &str),
    (stage, age): (&str, i64),
) -> i64 {
    // Only the application to remove carries the canaries in its free text.
    let text = |canary: &str| if child == CHILD { canary.to_string() } else { format!("tekst om {child}") };
    let form = ApplicationForm {
        course_id: course_id.to_string(),
        participant_type: "child".into(),
        participant_name: child.into(),
        participant_birth_date: "2016-02-10".into(),
        guardian_name: guardian.into(),
        guardian_phone: "912 34 567".into(),
        guardian_email: email.into(),
        referrer_name: text(REFERRER),
        referrer_service: "Helsestasjonen".into(),
        reason: text(REASON),
        consents: vec!["participation".into()],
        consent_method: "paper".into(),
        ..Default::default()
    };
    let organisation = coordinator.organisation.clone();
    let receipt =
        intake::create(&app.state, &organisation, Origin::Staff { actor: coordinator, via_api: false }, &form)
            .await
            .expect("application");
    let id = receipt.application_id;
    let talk = PreConversationForm {
        held_on: chrono::Utc::now().date_naive().to_string(),
        participants: "Mor".into(),
        notes: text(TALK),
        outcome: "continue".into(),
    };
    intake::record_pre_conversation(&app.state, coordinator, id, &talk).await.expect("talk");
    let step = MoveForm { stage: stage.into(), note: text(NOTE) };
    intake::move_stage(&app.state, coordinator, id, &step, None).await.expect("move");
    let then = app.now() - age;
    app.execute("UPDATE application_events SET at = $1 WHERE application_id = $2", (then, id)).await;
    app.execute("UPDATE applications SET created_at = $1, updated_at = $1 WHERE id = $2", (then, id)).await;
    id
}

/// Every text value of every table, one line each.
async fn every_text(app: &TestApp) -> String {
    let columns: Vec<(String, String)> = if backend_is_postgres() {
        app.rows(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
            (),
        )
        .await
    } else {
        app.rows(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
            (),
        )
        .await
    };
    assert!(columns.len() > 100, "every table's columns are read: {}", columns.len());
    let mut all = String::new();
    for (table, column) in columns {
        let sql = format!("SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
        let values: Vec<String> = app.scalars(&sql, ()).await;
        for value in values {
            all.push_str(&value);
            all.push('\n');
        }
    }
    all
}

/// The SQLite database file and its write-ahead log, as text.
fn sqlite_bytes(app: &TestApp) -> String {
    let path = app.database_url.trim_start_matches("sqlite://");
    let mut bytes = std::fs::read(path).expect("the database file");
    bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
    String::from_utf8_lossy(&bytes).into_owned()
}

fn found(text: &str) -> Vec<&'static str> {
    CANARIES.into_iter().filter(|c| text.contains(c)).collect()
}

#[tokio::test]
async fn closed_applications_and_sent_mail_past_their_rule_leave_no_trace_and_nothing_else_goes() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;

    // Declined two years ago: goes, with everything only it refers to.
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", LONG_AGO)).await;
    // Withdrawn two years ago but held for a complaint: stays.
    let held = application(
        &app,
        &coordinator,
        course,
        ("Held Barn", "Held Forelder", "held@example.test"),
        ("withdrawn", LONG_AGO),
    )
    .await;
    // Declined last month: not yet.
    let young = application(
        &app,
        &coordinator,
        course,
        ("Ung Barn", "Ung Forelder", "ung@example.test"),
        ("declined", 30 * 86_400),
    )
    .await;
    // Waiting two years: never closed, stays.
    let waiting = application(
        &app,
        &coordinator,
        course,
        ("Vent Barn", "Vent Forelder", "vent@example.test"),
        ("waitlisted", LONG_AGO),
    )
    .await;
    // Mail sent two years ago to an address only it holds; one sent yesterday.
    for (to, age) in [(MAIL_TO, LONG_AGO), ("fersk@example.test", 86_400)] {
        let at = app.now() - age;
        app.execute(
            "INSERT INTO outbox_messages (organisation_id, to_address, subject, body_text, template, language, status,
                                          attempts, next_attempt_at, created_at, sent_at)
             SELECT id, $1, 'Kvittering', '', 'application-receipt', 'nb', 'sent', 1, $2, $2, $2
             FROM organisations WHERE slug = 'org-a'",
            (to, at),
        )
        .await;
    }
    assert_eq!(found(&every_text(&app).await).len(), CANARIES.len(), "every canary is planted");
    if !backend_is_postgres() {
        assert_eq!(found(&sqlite_bytes(&app)).len(), CANARIES.len(), "the file check can see them");
    }

    // The coordinator sees what goes in the next 30 days and holds one.
    let api = app.api(&app.token_for("coordinator@a.test").await);
    let preview = api.get_ok("/organisations/org-a/retention").await;
    let due: Vec<(String, i64)> = preview["due"]
        .as_array()
        .expect("due")
        .iter()
        .map(|d| (d["kind"].as_str().unwrap_or_default().to_string(), d["record_id"].as_i64().unwrap_or_default()))
        .collect();
    for application in [declined, held] {
        assert!(due.contains(&("unplaced_applications".into(), application)), "{preview}");
    }
    assert!(!due.iter().any(|(_, id)| *id == young || *id == waiting), "{preview}");
    assert_eq!(due.iter().filter(|(kind, _)| kind == "sent_mail").count(), 1, "{preview}");
    assert!(!preview.to_string().contains(CHILD), "the preview names no one");
    let mail = preview["due"].as_array().expect("due").iter().find(|d| d["kind"] == "sent_mail").cloned();
    assert_eq!(mail.map(|m| m["label"].clone()), Some(json!("Kvittering")), "a mail is named by its subject");
    let hold = |reason: &str| json!({ "kind": "unplaced_applications", "record_id": held, "reason": reason });
    let refused = refused_fields(&api, Method::POST, "/organisations/org-a/retention/holds", &hold("  ")).await;
    assert_eq!(refused, ["reason"], "a hold needs a reason");
    let (status, hold_made) = Api::json_of(
        api.send_json(Method::POST, "/organisations/org-a/retention/holds", &hold("Klagesak 2025/14")).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{hold_made}");
    let (status, _) =
        Api::json_of(api.send_json(Method::POST, "/organisations/org-a/retention/holds", &hold("Igjen")).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "held already");
    let young_hold = json!({ "kind": "unplaced_applications", "record_id": waiting, "reason": "x" });
    let (status, _) =
        Api::json_of(api.send_json(Method::POST, "/organisations/org-a/retention/holds", &young_hold).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "only a record a rule counts can be held");

    let removed = retention::remove_due(&app.state).await.expect("the daily run");
    assert_eq!(removed, 2, "the declined application and the old mail");
    let left = every_text(&app).await;
    assert_eq!(found(&left), Vec::<&str>::new(), "no canary is left in any table");
    for kept in [held, young, waiting] {
        let there: i64 = app.scalar("SELECT COUNT(*) FROM applications WHERE id = $1", (kept,)).await;
        assert_eq!(there, 1, "application {kept} stays");
    }
    assert!(left.contains("Held Barn") && left.contains("fersk@example.test"), "what is held or young is untouched");
    let placed_persons: i64 = app.scalar("SELECT COUNT(*) FROM persons WHERE name = 'Vent Barn'", ()).await;
    assert_eq!(placed_persons, 1);

    // Audited without content, counted for the report, the trail intact.
    let rows = app.audit_rows("retention.remove").await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().any(|r| r.2.as_deref() == Some(&*declined.to_string())), "{rows:?}");
    let report = api.get_ok("/organisations/org-a/retention").await;
    let this_year = &report["removed"][0]["rules"];
    assert_eq!(
        this_year,
        &json!([
            { "kind": "sent_mail", "months": 6, "removed": 1 },
            { "kind": "unplaced_applications", "months": 12, "removed": 1 },
        ]),
        "{report}"
    );
    assert!(
        matches!(samla_web::services::audit::verify(&app.state.store, Vec::new()).await, Ok(Ok(_))),
        "the audit trail verifies after the removals"
    );

    // The SQLite file itself: nothing left in free pages, before and after VACUUM.
    if !backend_is_postgres() {
        for step in ["PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"] {
            let _: Vec<(i64, i64, i64)> = if step.starts_with("PRAGMA") {
                app.rows(step, ()).await
            } else {
                app.execute(step, ()).await;
                Vec::new()
            };
            assert_eq!(found(&sqlite_bytes(&app)), Vec::<&str>::new(), "after {step}");
        }
    }

    // Lifting the hold lets the next run take it.
    let hold_id = hold_made["id"].as_i64().expect("id");
    let response = api
        .request(Method::DELETE, &format!("/organisations/org-a/retention/holds/{hold_id}"))
        .send()
        .await
        .expect("lift");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(retention::remove_due(&app.state).await.expect("the next run"), 1);
    let gone: i64 = app.scalar("SELECT COUNT(*) FROM applications WHERE id = $1", (held,)).await;
    assert_eq!(gone, 0);
}

#[tokio::test]
async fn a_guardian_who_stays_for_a_sibling_keeps_the_household_and_the_consent_given_for_the_sibling() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", LONG_AGO)).await;
    let household: i64 = app.scalar("SELECT household_id FROM applications WHERE id = $1", (declined,)).await;
    let guardian: i64 = app.scalar("SELECT contact_person_id FROM applications WHERE id = $1", (declined,)).await;
    // The sibling's application, waiting, in the same household with the same guardian.
    let sibling = application(
        &app,
        &coordinator,
        course,
        ("Søsken Barn", "Annen Forelder", "annen@example.test"),
        ("waitlisted", 0),
    )
    .await;
    app.execute(
        "UPDATE applications SET household_id = $1, contact_person_id = $2 WHERE id = $3",
        (household, guardian, sibling),
    )
    .await;
    let sibling_child: i64 = app.scalar("SELECT participant_id FROM applications WHERE id = $1", (sibling,)).await;
    app.execute("UPDATE persons SET household_id = $1 WHERE id = $2", (household, sibling_child)).await;
    app.execute(
        "INSERT INTO consents (organisation_id, giver_id, participant_id, consent_text_id, purpose, capacity, method, given_at)
         SELECT organisation_id, giver_id, $1, consent_text_id, purpose, capacity, method, given_at
         FROM consents WHERE giver_id = $2 LIMIT 1",
        (sibling_child, guardian),
    )
    .await;

    assert_eq!(retention::remove_due(&app.state).await.expect("the run"), 1);
    let names: Vec<String> =
        app.scalars("SELECT name FROM persons WHERE household_id = $1 ORDER BY name", (household,)).await;
    assert_eq!(names, [GUARDIAN, "Søsken Barn"], "the declined child goes; the guardian stays for the sibling");
    let consents: Vec<i64> = app.scalars("SELECT participant_id FROM consents WHERE giver_id = $1", (guardian,)).await;
    assert_eq!(consents, [sibling_child], "the consent about the declined child goes, the sibling's stays");
}

#[tokio::test]
async fn rules_are_set_within_the_law_on_the_page_and_in_the_api() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    coordinator(&app).await;
    app.add_user("org-a", "leader@a.test", "group_leader").await;
    let api = app.api(&app.token_for("coordinator@a.test").await);
    let path = "/organisations/org-a/retention/rules/unplaced_applications";
    let (status, problem) = Api::json_of(api.send_json(Method::PUT, path, &json!({ "months": 2 })).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("§ 29"), "the law is named: {problem}");
    assert_eq!(problem["errors"][0]["field"], "months", "the body's field is named: {problem}");
    let (status, rule) = Api::json_of(api.send_json(Method::PUT, path, &json!({ "months": 24 })).await).await;
    assert_eq!((status, rule["months"].as_u64(), rule["chosen"].as_bool()), (StatusCode::OK, Some(24), Some(true)));
    let (status, _) = Api::json_of(
        api.send_json(Method::PUT, "/organisations/org-a/retention/rules/audit", &json!({ "months": 24 })).await,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no such kind");

    let browser = app.logged_in("coordinator@a.test").await;
    let (status, html) = browser.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("retention\""), "the coordinator's home leads to the rules");
    let response = browser
        .submit(
            "/retention",
            "/retention/rules",
            &[("unplaced_applications", "2"), ("sent_mail", "abc"), ("observations", "1")],
        )
        .await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("forvaltningsloven"), "{summary}");
    assert_eq!(input_value(&html, "sent_mail").as_deref(), Some("abc"), "what was typed stays");
    let response = browser
        .submit(
            "/retention",
            "/retention/rules",
            &[("unplaced_applications", "18"), ("sent_mail", "3"), ("observations", "12")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let months: Vec<i64> = app.scalars("SELECT months FROM retention_rules ORDER BY kind", ()).await;
    assert_eq!(months, [12, 3, 18], "observations, sent mail, applications");
    assert_eq!(app.audit_rows("retention.rule").await.len(), 4);

    let leader = app.logged_in("leader@a.test").await;
    assert_eq!(leader.get("/retention").await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_coordinator_holds_a_record_on_the_page_with_a_reason_and_lifts_it_again() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    // Declined eleven months ago: goes within the next 30 days under the default year.
    let application = application(
        &app,
        &coordinator,
        course,
        ("Snart Barn", "Snart Forelder", "snart@example.test"),
        ("declined", 335 * 86_400),
    )
    .await;
    let reference: String = app.scalar("SELECT reference FROM applications WHERE id = $1", (application,)).await;
    let browser = app.logged_in("coordinator@a.test").await;
    let (status, html) = browser.get_html("/retention").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&reference), "the application is listed by its reference");
    assert!(!html.contains("Snart Barn"), "never by a name");
    let record = format!("unplaced_applications:{application}");
    let response = browser.submit("/retention", "/retention/holds", &[("record", &record), ("reason", " ")]).await;
    let (html, summary) = refused_form(response).await;
    assert!(!summary.is_empty() && html.contains("href=\"#reason\""), "the reason is named: {summary}");
    let response =
        browser.submit("/retention", "/retention/holds", &[("record", &record), ("reason", "Klage på avslaget")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = browser.get_html("/retention?saved=held").await;
    assert!(html.contains("Klage på avslaget"), "the hold shows its reason");
    let hold: i64 = app.scalar("SELECT id FROM retention_holds WHERE record_id = $1", (application,)).await;
    let response = browser.submit("/retention", &format!("/retention/holds/{hold}/release"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let released: Option<i64> = app.scalar("SELECT released_at FROM retention_holds WHERE id = $1", (hold,)).await;
    assert!(released.is_some(), "lifted, and kept as a record of the hold");
    assert_eq!(app.audit_rows("retention.hold").await.len(), 1);
    assert_eq!(app.audit_rows("retention.release").await.len(), 1);
}

#[tokio::test]
async fn withdrawing_every_consent_to_take_part_starts_the_clock_of_an_open_application() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let withdrawn = application(
        &app,
        &coordinator,
        course,
        ("Trukket Barn", "Trukket Forelder", "t@example.test"),
        ("waitlisted", LONG_AGO),
    )
    .await;
    let recent = application(
        &app,
        &coordinator,
        course,
        ("Nylig Barn", "Nylig Forelder", "n@example.test"),
        ("waitlisted", LONG_AGO),
    )
    .await;
    let still = application(
        &app,
        &coordinator,
        course,
        ("Fortsatt Barn", "To Foreldre", "f@example.test"),
        ("waitlisted", LONG_AGO),
    )
    .await;
    let withdraw = |application: i64, age: i64| {
        let app = &app;
        async move {
            app.execute(
                "UPDATE consents SET withdrawn_at = $1, withdrawal_method = 'staff'
                 WHERE participant_id = (SELECT participant_id FROM applications WHERE id = $2)",
                (app.now() - age, application),
            )
            .await;
        }
    };
    withdraw(withdrawn, 400 * 86_400).await;
    withdraw(recent, 60 * 86_400).await;
    // The second guardian's consent still stands for this child.
    app.execute(
        "INSERT INTO consents (organisation_id, giver_id, participant_id, consent_text_id, purpose, capacity, method, given_at)
         SELECT organisation_id, giver_id, participant_id, consent_text_id, purpose, capacity, method, given_at
         FROM consents WHERE participant_id = (SELECT participant_id FROM applications WHERE id = $1)",
        (still,),
    )
    .await;
    app.execute(
        "UPDATE consents SET withdrawn_at = $1 WHERE id = (SELECT MIN(id) FROM consents
           WHERE participant_id = (SELECT participant_id FROM applications WHERE id = $2))",
        (app.now() - 400 * 86_400, still),
    )
    .await;

    assert_eq!(retention::remove_due(&app.state).await.expect("the run"), 1);
    let left: Vec<i64> = app.scalars("SELECT id FROM applications ORDER BY id", ()).await;
    assert_eq!(left, [recent, still], "only the one withdrawn over a year ago goes");
}

#[tokio::test]
async fn families_read_the_organisations_own_rules_on_a_public_page() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    coordinator(&app).await;
    let public = app.browser();
    let (status, catalogue) = public.get_html("/o/org-a").await;
    assert_eq!(status, StatusCode::OK);
    assert!(catalogue.contains("id=\"privacy-link\""), "the catalogue leads to it");
    let (status, page) = public.get_html("/o/org-a/privacy").await;
    assert_eq!(status, StatusCode::OK, "no sign-in needed");
    assert_eq!(element_text(&page, "keep-applications").map(|t| t.contains("12 måneder")), Some(true), "{page}");
    assert_eq!(element_text(&page, "keep-mail").map(|t| t.contains("6 måneder")), Some(true));
    assert_eq!(element_text(&page, "keep-observations").map(|t| t.contains("12 måneder")), Some(true));

    let api = app.api(&app.token_for("coordinator@a.test").await);
    let path = "/organisations/org-a/retention/rules/unplaced_applications";
    let (status, _) = Api::json_of(api.send_json(Method::PUT, path, &json!({ "months": 18 })).await).await;
    assert_eq!(status, StatusCode::OK);
    let (_, page) = public.get_html("/o/org-a/privacy").await;
    assert_eq!(
        element_text(&page, "keep-applications").map(|t| t.contains("18 måneder")),
        Some(true),
        "the rule as set"
    );
    assert_eq!(public.get("/o/no-such-place/privacy").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_family_asks_and_a_closed_application_is_erased_at_once_unless_it_is_held() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", 86_400)).await;
    let held = application(
        &app,
        &coordinator,
        course,
        ("Held Barn", "Held Forelder", "h@example.test"),
        ("withdrawn", 86_400),
    )
    .await;
    let open = application(
        &app,
        &coordinator,
        course,
        ("Åpen Barn", "Åpen Forelder", "a@example.test"),
        ("waitlisted", 86_400),
    )
    .await;
    let reference = |id: i64| {
        let app = &app;
        async move { app.scalar::<String>("SELECT reference FROM applications WHERE id = $1", (id,)).await }
    };
    let api = app.api(&app.token_for("coordinator@a.test").await);
    let path = "/organisations/org-a/retention/erasures";
    let hold = json!({ "kind": "unplaced_applications", "record_id": held, "reason": "Klagesak 2026/3" });
    let (status, _) =
        Api::json_of(api.send_json(Method::POST, "/organisations/org-a/retention/holds", &hold).await).await;
    assert_eq!(status, StatusCode::CREATED);

    let (status, problem) =
        Api::json_of(api.send_json(Method::POST, path, &json!({ "reference": reference(held).await })).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "held: {problem}");
    assert!(problem.to_string().contains("Klagesak 2026/3"), "the hold is named: {problem}");
    let refused = refused_fields(&api, Method::POST, path, &json!({ "reference": reference(open).await })).await;
    assert_eq!(refused, ["reference"], "an application still open is withdrawn first");

    // Typed as people do: lower case, spaces for the dash.
    let typed = reference(declined).await.to_lowercase().replace('-', " ");
    let response = api.send_json(Method::POST, path, &json!({ "reference": typed })).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(found(&every_text(&app).await), Vec::<&str>::new(), "nothing of it is left");
    assert_eq!(app.audit_rows("retention.erase").await.len(), 1);
    let report = api.get_ok("/organisations/org-a/retention").await;
    assert_eq!(report["removed"][0]["rules"], json!([{ "kind": "unplaced_applications", "months": 0, "removed": 1 }]));

    // On the page: confirmation required, what was typed kept; then erased.
    let browser = app.logged_in("coordinator@a.test").await;
    app.execute("UPDATE retention_holds SET released_at = $1", (app.now(),)).await;
    let held_reference = reference(held).await;
    let response = browser.submit("/retention", "/retention/erase", &[("reference", &held_reference)]).await;
    let (html, _) = refused_form(response).await;
    assert!(html.contains("href=\"#confirm\""), "the confirmation is named");
    assert_eq!(input_value(&html, "reference").as_deref(), Some(held_reference.as_str()));
    let response =
        browser.submit("/retention", "/retention/erase", &[("reference", &held_reference), ("confirm", "1")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let left: Vec<i64> = app.scalars("SELECT id FROM applications ORDER BY id", ()).await;
    assert_eq!(left, [open]);
}

#[tokio::test]
async fn another_organisation_can_neither_see_hold_release_nor_erase_our_records() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", LONG_AGO)).await;
    let reference: String = app.scalar("SELECT reference FROM applications WHERE id = $1", (declined,)).await;
    let ours = app.api(&app.token_for("coordinator@a.test").await);
    let hold = json!({ "kind": "unplaced_applications", "record_id": declined, "reason": "Klage" });
    let (status, made) =
        Api::json_of(ours.send_json(Method::POST, "/organisations/org-a/retention/holds", &hold).await).await;
    assert_eq!(status, StatusCode::CREATED);

    app.add_organisation("org-b", "Kommune B", "NO").await;
    app.add_user("org-b", "coordinator@b.test", "coordinator").await;
    let theirs = app.api(&app.token_for("coordinator@b.test").await);
    let preview = theirs.get_ok("/organisations/org-b/retention").await;
    assert_eq!(preview["due"], json!([]), "our records are not in theirs: {preview}");
    let (status, _) =
        Api::json_of(theirs.send_json(Method::POST, "/organisations/org-b/retention/holds", &hold).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "our application is not one of theirs");
    let hold_id = made["id"].as_i64().expect("id");
    let response = theirs
        .request(Method::DELETE, &format!("/organisations/org-b/retention/holds/{hold_id}"))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "our hold is not theirs to lift");
    let refused = refused_fields(
        &theirs,
        Method::POST,
        "/organisations/org-b/retention/erasures",
        &json!({ "reference": reference }),
    )
    .await;
    assert_eq!(refused, ["reference"], "our reference names nothing of theirs");
    // Through our organisation's address they are not let in at all.
    let (status, _) = Api::json_of(
        theirs
            .send_json(Method::POST, "/organisations/org-a/retention/erasures", &json!({ "reference": reference }))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let still: i64 = app.scalar("SELECT COUNT(*) FROM applications WHERE id = $1", (declined,)).await;
    assert_eq!(still, 1);
    let hold_open: Option<i64> = app.scalar("SELECT released_at FROM retention_holds WHERE id = $1", (hold_id,)).await;
    assert_eq!(hold_open, None, "the hold stands");
    // Their daily run leaves ours alone too: the held one stays.
    retention::remove_due(&app.state).await.expect("the run");
    let still: i64 = app.scalar("SELECT COUNT(*) FROM applications WHERE id = $1", (declined,)).await;
    assert_eq!(still, 1);
}

#[tokio::test]
async fn a_person_whose_access_request_is_still_to_answer_stays_until_it_is_answered() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", LONG_AGO)).await;
    let child: i64 = app.scalar("SELECT participant_id FROM applications WHERE id = $1", (declined,)).await;
    let api = app.api(&app.token_for("coordinator@a.test").await);
    let (status, request) = Api::json_of(
        api.send_json(Method::POST, "/organisations/org-a/access-requests", &json!({ "person_id": child })).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{request}");

    // The application goes; the child, whose request waits for its answer, stays.
    assert_eq!(retention::remove_due(&app.state).await.expect("the run"), 1);
    let left: Vec<String> = app.scalars("SELECT name FROM persons WHERE id = $1", (child,)).await;
    assert_eq!(left, [CHILD], "kept for the answer");
    let report = api.get_ok(&format!("/organisations/org-a/access-requests/{}", request["id"])).await;
    assert_eq!(report["person"]["name"], CHILD);
    assert!(report["applications"].as_array().unwrap().is_empty(), "the application has gone: {report}");

    // Answered, the person is removed with the next application of the household that goes,
    // and the request with them; nothing refers to a person who is gone.
    let path = format!("/organisations/org-a/access-requests/{}/answered", request["id"]);
    assert_eq!(api.send_json(Method::POST, &path, &json!({})).await.status(), StatusCode::OK);
    let household: i64 = app.scalar("SELECT household_id FROM persons WHERE id = $1", (child,)).await;
    let again = application(
        &app,
        &coordinator,
        course,
        ("Andre Barn", "Annen Forelder", "x@example.test"),
        ("declined", LONG_AGO),
    )
    .await;
    app.execute("UPDATE applications SET household_id = $1 WHERE id = $2", (household, again)).await;
    assert_eq!(retention::remove_due(&app.state).await.expect("the next run"), 1);
    let left: Vec<String> = app.scalars("SELECT name FROM persons WHERE id = $1", (child,)).await;
    assert!(left.is_empty(), "the child goes once the request is answered");
    let requests: i64 = app.scalar("SELECT COUNT(*) FROM access_requests", ()).await;
    assert_eq!(requests, 0);
}

#[tokio::test]
async fn a_hold_put_on_while_its_record_is_being_removed_waits_and_then_finds_it_gone() {
    use samla_storage::privacy::retention as store;
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let start = chrono::Utc::now().date_naive() + chrono::Duration::weeks(8);
    let course = running::plan_course(&app, &coordinator, "Mestringsgruppe", start).await;
    let declined = application(&app, &coordinator, course, (CHILD, GUARDIAN, EMAIL), ("declined", LONG_AGO)).await;
    let organisation_id = coordinator.organisation.id;

    // The daily run's removal, not yet committed.
    let mut removal = app.state.store.write().await.expect("transaction");
    store::lock_record(&mut removal, "unplaced_applications", declined).await.expect("lock");
    assert!(store::remove_application(&mut removal.tx, organisation_id, declined).await.expect("removed"));
    let (state, actor) = (app.state.clone(), coordinator.clone());
    let hold = tokio::spawn(async move {
        retention::hold(&state, &actor, "unplaced_applications", declined, "Klagesak 2026/14").await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!hold.is_finished(), "the hold waits for the removal");
    removal.commit().await.expect("commit");
    let held = hold.await.expect("the hold's task");
    assert!(matches!(held, Err(samla_web::WebError::NotFound)), "{held:?}");
    let holds: i64 = app.scalar("SELECT COUNT(*) FROM retention_holds", ()).await;
    assert_eq!(holds, 0, "no hold points at a record that is gone");
}

const OBSERVED: &str = "KANARI-OBSERVASJON-r9x";

#[tokio::test]
async fn observations_go_a_rule_after_their_course_ended_and_attendance_stays() {
    let app = TestApp::spawn().await;
    let f = running::seed(&app).await;
    let (ada, brage) = (f.child_id(0), f.child_id(1));
    let leader = app.api(&app.token_for(running::LEADER).await);
    let observations = |participant: i64| {
        format!("/organisations/org-a/courses/{}/participants/{participant}/observations", f.course_id)
    };
    for (participant, body) in [(ada, OBSERVED), (ada, "Andre gang."), (brage, "Om Brage.")] {
        let (status, made) =
            Api::json_of(leader.send_json(Method::POST, &observations(participant), &json!({ "body": body })).await)
                .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
    }
    running::save_attendance(
        &app,
        &leader,
        f.session_ids[0],
        &[(ada, "present"), (brage, "absent_without_notice"), (f.child_id(2), "present")],
        &[],
        (0, 0),
    )
    .await;
    let coordinator = app.api(&app.token_for(running::COORDINATOR).await);
    let due_observations = || async {
        let preview = coordinator.get_ok("/organisations/org-a/retention").await;
        let due: Vec<Value> =
            preview["due"].as_array().expect("due").iter().filter(|d| d["kind"] == "observations").cloned().collect();
        assert!(!preview.to_string().contains("Ada"), "the preview names no one: {preview}");
        due
    };
    assert_eq!(due_observations().await, Vec::<Value>::new(), "a running course's observations stay");

    // The course ended two years ago; the other (running) course is untouched.
    let today: chrono::NaiveDate = running::today_of(&app).parse().expect("today");
    let long_ago = (today - chrono::Duration::days(730)).to_string();
    app.execute("UPDATE course_sessions SET date = $1 WHERE course_id = $2", (long_ago.as_str(), f.course_id)).await;
    app.execute("UPDATE courses SET status = 'completed' WHERE id = $1", (f.course_id,)).await;
    let due = due_observations().await;
    let by_participant: Vec<(i64, String, String, String)> = due
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            (d["record_id"].as_i64().unwrap_or_default(), text("label"), text("state"), text("counted_from"))
        })
        .collect();
    assert_eq!(
        by_participant,
        [
            (ada, running::COURSE_NAME.to_string(), "2".to_string(), long_ago.clone()),
            (brage, running::COURSE_NAME.to_string(), "1".to_string(), long_ago.clone()),
        ],
        "one record per participant, named by the course, counted from its last session"
    );

    // Brage's are held; the daily run takes Ada's.
    let hold = json!({ "kind": "observations", "record_id": brage, "reason": "Sak 2026/3" });
    let (status, made) =
        Api::json_of(coordinator.send_json(Method::POST, "/organisations/org-a/retention/holds", &hold).await).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(retention::remove_due(&app.state).await.expect("the run"), 1);
    let left: Vec<(i64,)> = app.rows("SELECT participant_id FROM observations ORDER BY id", ()).await;
    assert_eq!(left, [(brage,)], "Ada's observations are gone, the held ones stay");
    assert!(!every_text(&app).await.contains(OBSERVED), "no trace of the observation in any table");
    let marks: i64 = app.scalar("SELECT COUNT(*) FROM attendance_entries WHERE participant_id = $1", (ada,)).await;
    assert_eq!(marks, 1, "attendance stays for the course's reports and statistics");
    let rows = app.audit_rows("retention.remove").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some(&*ada.to_string()), "{rows:?}");
    let report = coordinator.get_ok("/organisations/org-a/retention").await;
    assert_eq!(report["removed"][0]["rules"], json!([{ "kind": "observations", "months": 12, "removed": 1 }]));

    // A rule shorter than the follow-up is refused; the page shows the kind in words.
    let refused = refused_fields(
        &coordinator,
        Method::PUT,
        "/organisations/org-a/retention/rules/observations",
        &json!({ "months": 2 }),
    )
    .await;
    assert_eq!(refused, ["months"], "at least three months");
    let (status, page) = app.logged_in(running::COORDINATOR).await.get_html("/retention").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Observasjoner") && page.contains("én observasjon"), "{page}");
}
