//! The public intake pages on the real server, as a family, a referrer or a robot meets
//! them: the catalogue, registering a child, double submits, the honeypot, kept values
//! and named errors, national identity numbers, the body limit, the per-address limit,
//! withdrawing, referrals, the second guardian's consent link and answering an offer.

use crate::common::{
    actor_in, element_text, error_summary, hrefs, input_value, link_secret, nav_of, send, strip_tags, unescape, Api,
    Browser, TestApp,
};
use chrono::{Datelike, Duration};
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::auth::Actor;
use samla_web::services::intake::applications::{self as application_service, MoveForm};
use samla_web::services::intake::group::{self, ConfirmForm, ProposalForm};
use samla_web::services::intake::settings::{self, SettingsForm};
use serde_json::json;

const A: &str = "/organisations/org-a";
const ARRIVAL: std::time::Duration = std::time::Duration::from_secs(20);

/// Today in Oslo, as the server sees it.
fn today(app: &TestApp) -> chrono::NaiveDate {
    samla_web::services::intake::today(&app.state, "NO")
}

/// Whether the check box with this id is ticked.
fn ticked(html: &str, id: &str) -> bool {
    let start = html.find(&format!("<input id=\"{id}\"")).unwrap_or_else(|| panic!("no check box {id}"));
    let tag = &html[start..start + html[start..].find('>').unwrap()];
    tag.contains(" checked")
}

/// A link with a token nobody was given: a "not found" page that says so kindly.
async fn assert_unknown_link(browser: &Browser, path: &str, says: &str) {
    let (status, page) = browser.get_html(path).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    assert!(strip_tags(&page).contains(says), "{path}: {page}");
}

/// The coordinator of org-a, with the SMIL programme imported, and an API client.
struct Org {
    api: Api,
    coordinator_id: i64,
    staff: Vec<i64>,
}

async fn organisation(app: &TestApp) -> Org {
    let coordinator_id = app.add_user("org-a", "koord@a.no", "coordinator").await;
    let api = app.api(&app.token_for("koord@a.no").await);
    // SMIL is in the library as every shipped manual is.
    let staff = vec![
        app.add_user("org-a", "leder1@a.no", "group_leader").await,
        app.add_user("org-a", "leder2@a.no", "group_leader").await,
        app.add_user("org-a", "bruker@a.no", "user_representative").await,
    ];
    Org { api, coordinator_id, staff }
}

/// A SMIL course (for children) starting in three weeks, left in draft.
async fn draft_course(app: &TestApp, org: &Org, name: &str) -> i64 {
    let start = today(app) + Duration::weeks(3);
    let body = json!({
        "programme": "smil",
        "name": name,
        "venue": "Rådhuset",
        "room": "Rom 1",
        "start_date": start.to_string(),
        "start_time": "14:15",
    });
    let (status, course) = send(&org.api, Method::POST, &format!("{A}/courses"), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{course}");
    course["id"].as_i64().unwrap()
}

/// A SMIL course staffed by the rules and open for registrations.
async fn recruiting_course(app: &TestApp, org: &Org, name: &str) -> i64 {
    let id = draft_course(app, org, name).await;
    for (user, role) in org.staff.iter().zip(["group_leader", "group_leader", "user_representative"]) {
        let body = json!({ "user_id": user, "course_role": role, "on_every_session": true });
        let (status, member) = send(&org.api, Method::POST, &format!("{A}/courses/{id}/staff"), &body).await;
        assert_eq!(status, StatusCode::CREATED, "{member}");
    }
    let path = format!("{A}/courses/{id}/status");
    for (version, status) in [("\"v1\"", "ready"), ("\"v2\"", "recruiting")] {
        let response =
            org.api.request(Method::PUT, &path).header("If-Match", version).json(&json!({ "status": status }));
        let (code, body) = Api::json_of(response.send().await.unwrap()).await;
        assert_eq!(code, StatusCode::OK, "{status}: {body}");
    }
    id
}

/// The coordinator as the services see them (for steps that have no public page).
async fn coordinator_actor(app: &TestApp, org: &Org) -> Actor {
    actor_in(app, "org-a", org.coordinator_id, "koord@a.no", "Test Person", vec![Role::Coordinator], "test").await
}

async fn set_intake_settings(app: &TestApp, org: &Org, national_id: bool, phone: &str) {
    let actor = coordinator_actor(app, org).await;
    let current = settings::get(&app.state, &actor).await.expect("settings");
    let form = SettingsForm {
        national_id_enabled: national_id.to_string(),
        stale_after_days: current.stale_after_days.to_string(),
        child_own_say_from_age: current.child_own_say_from_age.to_string(),
        offer_days: current.offer_days.to_string(),
        public_phone: phone.into(),
        public_email: "post@a.no".into(),
    };
    // Setting it needs the coordinator's own action (ConfigureIntake includes coordinators).
    settings::update(&app.state, &actor, &form, current.version).await.expect("settings saved");
}

/// A recruiting SMIL course of org-a and its registration form, opened in a browser.
struct Registration {
    org: Org,
    course: i64,
    path: String,
    browser: Browser,
    csrf: String,
    submission: String,
}

async fn registration(app: &TestApp) -> Registration {
    let org = organisation(app).await;
    let course = recruiting_course(app, &org, "SMIL for våren").await;
    let path = format!("/o/org-a/courses/{course}/register");
    let browser = app.browser();
    let (csrf, submission) = open_form(&browser, &path).await;
    Registration { org, course, path, browser, csrf, submission }
}

/// Opens a public form; returns its CSRF token and submission key.
async fn open_form(browser: &Browser, path: &str) -> (String, String) {
    let (status, html) = browser.get_html(path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {}", strip_tags(&html));
    let submission = input_value(&html, "submission").expect("a submission key");
    assert!(submission.len() >= 16, "{submission}");
    (crate::common::csrf_in(&html), submission)
}

/// A born date for a child of `age`.
fn born(app: &TestApp, age: i32) -> String {
    let today = today(app);
    format!("{}-03-15", today.year() - age)
}

fn child_fields(app: &TestApp, child: &str, guardian: &str, email: &str) -> Vec<(String, String)> {
    [
        ("participant_name", child.to_string()),
        ("participant_birth_date", born(app, 10)),
        ("guardian_name", guardian.to_string()),
        ("guardian_phone", "912 34 567".to_string()),
        ("guardian_email", email.to_string()),
        ("guardian_responsibility", "true".to_string()),
        ("needs", "Nøtteallergi".to_string()),
        ("consents", "participation".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Posts a public form with its CSRF token and submission key.
async fn post(
    browser: &Browser,
    action: &str,
    csrf: &str,
    submission: &str,
    fields: &[(String, String)],
) -> (StatusCode, String) {
    let mut body: Vec<(&str, &str)> = vec![("csrf", csrf), ("submission", submission), ("website", "")];
    body.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let response = browser.post_form(action, &body).await;
    let status = response.status();
    (status, response.text().await.unwrap())
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.scalar(sql, ()).await
}

async fn application(app: &TestApp, reference: &str) -> (i64, String, String, i64) {
    app.row("SELECT id, stage, kind, participant_id FROM applications WHERE reference = $1", (reference,)).await
}

fn reference_in(html: &str) -> String {
    element_text(html, "reference").expect("a reference on the receipt")
}

/// The path of the first link in a page or text that starts with `prefix`.
fn link_path(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in {text}"));
    text[start..].split(|c: char| c.is_whitespace() || c == '"' || c == '<').next().unwrap().to_string()
}

#[tokio::test]
async fn the_catalogue_shows_recruiting_courses_with_the_phone_first() {
    let app = TestApp::spawn().await;
    let org = organisation(&app).await;
    let open = recruiting_course(&app, &org, "SMIL for våren").await;
    draft_course(&app, &org, "Et kurs som ikke er klart").await;
    set_intake_settings(&app, &org, false, "22 33 44 55").await;

    let browser = app.browser();
    let (status, html) = browser.get_html("/o/org-a").await;
    assert_eq!(status, StatusCode::OK);
    let text = strip_tags(&html);
    assert!(text.contains("SMIL for våren"), "{text}");
    assert!(!text.contains("Et kurs som ikke er klart"), "a draft course is not public");
    assert!(text.contains("Kommune A"), "the organisation is named");
    assert!(nav_of(&html).is_empty(), "no staff navigation on public pages");
    let links = hrefs(&html);
    assert!(links.contains(&format!("/o/org-a/courses/{open}/register")), "{links:?}");
    assert!(links.contains(&format!("/o/org-a/courses/{open}/refer")), "{links:?}");
    assert!(links.contains(&"tel:22334455".to_string()), "{links:?}");
    assert!(text.contains("Barn"), "who it is for: {text}");
    assert!(text.contains("8–13 år"), "the age band: {text}");
    assert!(html.find("tel:").unwrap() < html.find("SMIL for våren").unwrap(), "the phone comes first");

    // An organisation without courses says so; an unknown one is the usual 404.
    app.add_organisation("org-b", "Kommune B", "NO").await;
    let (status, html) = browser.get_html("/o/org-b").await;
    assert_eq!(status, StatusCode::OK);
    assert!(strip_tags(&html).contains("ingen kurs som tar imot påmeldinger"), "{}", strip_tags(&html));
    let (status, _) = browser.get_html("/o/no-such-organisation").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let draft_form = browser.get("/o/org-a/courses/999999/register").await;
    assert_eq!(draft_form.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_guardian_registers_a_child_once_even_when_sending_twice() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;

    let fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "kari@example.no");
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK, "{}", strip_tags(&html));
    let reference = reference_in(&html);
    assert!(reference.len() >= 6, "{reference}");
    let text = strip_tags(&html);
    assert!(text.contains("bekreftelse på e-post"), "an e-mail was given: {text}");
    assert!(!text.contains("Nøtteallergi"), "the receipt shows no health details");
    assert!(hrefs(&html).iter().any(|h| h.contains("/withdraw/")), "the withdraw link is shown");

    let (id, stage, kind, participant) = application(&app, &reference).await;
    assert_eq!((stage.as_str(), kind.as_str()), ("received", "guardian"));
    let consents: Vec<(String, String, String)> =
        app.rows("SELECT purpose, capacity, method FROM consents WHERE participant_id = $1", (participant,)).await;
    assert_eq!(consents, vec![("participation".into(), "guardian".into(), "web".into())]);
    let needs: String = app.scalar("SELECT needs FROM applications WHERE id = $1", (id,)).await;
    assert_eq!(needs, "Nøtteallergi");
    let responsible: i64 = app
        .scalar(
            "SELECT parental_responsibility FROM persons WHERE household_role = 'guardian' AND name = 'Kari Nordmann'",
            (),
        )
        .await;
    assert_eq!(responsible, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox_messages WHERE template = 'application-receipt' AND to_address = 'kari@example.no'").await,
        1
    );

    // The same form sent again: the same reference, still one application.
    let (status, again) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reference_in(&again), reference);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

#[tokio::test]
async fn the_honeypot_stores_nothing_and_looks_like_success() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;
    let (_, html) = browser.get_html(&path).await;
    assert!(ticked(&html, "guardian_responsibility"), "parental responsibility is ticked to begin with");
    assert!(html.contains("name=\"website\""), "the form has the field robots fill in");
    assert!(html.contains("tabindex=\"-1\""));

    let mut fields = child_fields(&app, "Robot Robotsen", "Bot", "bot@example.no");
    fields.push(("website".into(), "https://spam.example".into()));
    let mut body: Vec<(&str, &str)> = vec![("csrf", &csrf), ("submission", &submission)];
    body.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let response = browser.post_form(&path, &body).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(!reference_in(&html).is_empty(), "a reference like any other");
    assert!(hrefs(&html).iter().any(|h| h.contains("/withdraw/")), "and a withdraw link like any other");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM persons").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox_messages").await, 0);
}

#[tokio::test]
async fn missing_fields_are_named_and_what_was_typed_is_kept() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;

    let fields = vec![
        ("participant_name".to_string(), "Ola Nordmann".to_string()),
        ("guardian_email".to_string(), "kari@example.no".to_string()),
        ("needs".to_string(), "Trenger tolk".to_string()),
    ];
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = error_summary(&html).expect("an error summary");
    for field in ["participant_birth_date", "guardian_name", "guardian_phone", "consents"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field} is named: {summary}");
        assert!(html.contains(&format!("id=\"{field}\"")), "{field} can be reached from the summary");
    }
    assert!(summary.contains("Samtykke til å delta trengs"), "{summary}");
    assert!(summary.contains("Telefonnummeret ditt: Fyll ut feltet"), "each message names its field: {summary}");
    assert_eq!(input_value(&html, "participant_name").as_deref(), Some("Ola Nordmann"));
    assert_eq!(input_value(&html, "guardian_email").as_deref(), Some("kari@example.no"));
    assert!(unescape(&html).contains("Trenger tolk"), "the text area keeps its text");
    assert_eq!(input_value(&html, "submission"), Some(submission), "the same submission key");
    assert!(!ticked(&html, "guardian_responsibility"), "a box the family unticked stays unticked");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
}

#[tokio::test]
async fn a_wrong_national_identity_number_is_refused_when_asked_for() {
    let app = TestApp::spawn().await;
    let org = organisation(&app).await;
    let course = recruiting_course(&app, &org, "SMIL for våren").await;
    let path = format!("/o/org-a/courses/{course}/register");
    let browser = app.browser();
    let (_, html) = browser.get_html(&path).await;
    assert!(!html.contains("name=\"participant_national_id\""), "not asked for unless turned on");

    set_intake_settings(&app, &org, true, "").await;
    let (csrf, submission) = open_form(&browser, &path).await;
    let mut fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "");
    fields.push(("participant_national_id".into(), "12345678901".into()));
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#participant_national_id\""), "{:?}", error_summary(&html));
    assert_eq!(input_value(&html, "participant_national_id").as_deref(), Some("12345678901"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
}

#[tokio::test]
async fn a_huge_post_gets_413() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;
    let mut fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "");
    fields.push(("reason".into(), "x".repeat(70 * 1024)));
    let (status, _) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
}

#[tokio::test]
async fn the_twenty_first_submission_in_an_hour_is_refused() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;
    for n in 0..20 {
        let fields = vec![("participant_name".to_string(), format!("Forsøk {n}"))];
        let (status, _) = post(&browser, &path, &csrf, &submission, &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "submission {n} is read");
    }
    let fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "");
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(error_summary(&html).unwrap_or_default().contains("for mange skjemaer"), "{}", strip_tags(&html));
    assert_eq!(input_value(&html, "participant_name").as_deref(), Some("Ola Nordmann"), "kept");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);

    app.state.clock.advance(3601);
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK, "{}", strip_tags(&html));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

#[tokio::test]
async fn the_withdraw_link_works_once() {
    let app = TestApp::spawn().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;
    let fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "");
    let (_, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    let reference = reference_in(&html);
    assert!(!strip_tags(&html).contains("bekreftelse på e-post"), "no e-mail given, none promised");
    let withdraw = link_path(&unescape(&html), "/withdraw/");

    let (status, page) = browser.get_html(&withdraw).await;
    assert_eq!(status, StatusCode::OK);
    assert!(strip_tags(&page).contains(&format!("Trekke påmelding {reference}?")), "{}", strip_tags(&page));
    let response = browser.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(strip_tags(&response.text().await.unwrap()).contains("er trukket"));
    let (_, stage, _, _) = application(&app, &reference).await;
    assert_eq!(stage, "withdrawn");
    assert_eq!(app.audit_count("application.withdraw_by_link", None, "success", None).await, 1);

    // Again: a kind page, nothing changes.
    let (status, page) = browser.get_html(&withdraw).await;
    assert_eq!(status, StatusCode::OK);
    assert!(strip_tags(&page).contains("allerede trukket eller avsluttet"), "{}", strip_tags(&page));
    let response = browser.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(strip_tags(&response.text().await.unwrap()).contains("allerede trukket"));
    assert_eq!(app.audit_count("application.withdraw_by_link", None, "success", None).await, 1);

    assert_unknown_link(&browser, "/withdraw/not-a-real-token", "Vi fant ikke denne lenken").await;
}

#[tokio::test]
async fn a_referral_needs_a_reason_and_an_informed_family() {
    let app = TestApp::spawn().await;
    let org = organisation(&app).await;
    let course = recruiting_course(&app, &org, "SMIL for våren").await;
    let path = format!("/o/org-a/courses/{course}/refer");
    let browser = app.browser();
    let (csrf, submission) = open_form(&browser, &path).await;
    let (_, form) = browser.get_html(&path).await;
    assert!(!form.contains("name=\"consents\""), "the family consents later, not the referrer");
    assert!(strip_tags(&form).contains("Bare koordinatoren og gruppelederne"), "who sees the reason");
    assert!(strip_tags(&form).contains("Helsesykepleier"), "referral sources have names");

    let nurse: i64 = count(&app, "SELECT id FROM recruitment_channels WHERE code = 'school_nurse'").await;
    let mut fields: Vec<(String, String)> = [
        ("referrer_name", "Hanne Helsesøster"),
        ("referrer_service", "Helsestasjonen i Sentrum"),
        ("referrer_phone", "22 11 22 11"),
        ("referrer_email", "hanne@kommune.example"),
        ("participant_name", "Per Hansen"),
        ("guardian_name", "Pål Hansen"),
        ("guardian_phone", "934 56 789"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    fields.push(("participant_birth_date".into(), born(&app, 9)));
    fields.push(("channel_id".into(), nurse.to_string()));
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#reason\""), "{:?}", error_summary(&html));
    assert!(html.contains("href=\"#family_informed\""), "{:?}", error_summary(&html));
    assert_eq!(input_value(&html, "referrer_service").as_deref(), Some("Helsestasjonen i Sentrum"));
    assert!(html.contains(&format!("<option value=\"{nurse}\" selected>")), "the source stays chosen");

    fields.push(("reason".into(), "Mor er innlagt; barnet trenger noen å snakke med.".into()));
    fields.push(("family_informed".into(), "true".into()));
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK, "{}", strip_tags(&html));
    assert!(!strip_tags(&html).contains("innlagt"), "the receipt repeats no reason");
    let reference = reference_in(&html);
    let (id, stage, kind, participant) = application(&app, &reference).await;
    assert_eq!((stage.as_str(), kind.as_str()), ("received", "referral"));
    let (reason, channel): (String, Option<i64>) =
        app.row("SELECT reason, channel_id FROM applications WHERE id = $1", (id,)).await;
    assert!(reason.contains("innlagt"));
    assert_eq!(channel, Some(nurse));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM consents WHERE participant_id = {participant}")).await, 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox_messages WHERE template = 'referral-receipt' AND to_address = 'hanne@kommune.example'").await,
        1
    );
}

#[tokio::test]
async fn the_second_guardian_consents_through_their_link() {
    let (app, mail) = TestApp::spawn_with_mail().await;
    let Registration { path, browser, csrf, submission, .. } = registration(&app).await;
    let mut fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "kari@example.no");
    fields.push(("second_guardian_name".into(), "Per Nordmann".into()));
    fields.push(("second_guardian_email".into(), "per@example.no".into()));
    fields.push(("second_guardian_responsibility".into(), "true".into()));
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK, "{}", strip_tags(&html));
    // Both mails arrive at the real SMTP server: Kari's receipt and Per's consent link.
    let received = mail.wait_for(2, ARRIVAL).await;
    let receipt = received.iter().find(|m| m.envelope_to == "kari@example.no").expect("Kari's receipt");
    assert!(receipt.body.contains(&reference_in(&html)), "{}", receipt.body);
    assert!(receipt.body.contains("/withdraw/"), "the receipt carries the withdraw link: {}", receipt.body);
    let request = received.iter().find(|m| m.envelope_to == "per@example.no").expect("Per's consent link");
    for private in ["Ola", "Nøtteallergi", "SMIL"] {
        assert!(!request.body.contains(private), "no names or details in mail: {}", request.body);
    }
    let link = link_path(&request.body, "/consent/");
    // Delivered, the links live only in the inboxes: the outbox keeps no copy.
    app.wait_until_outbox_is_empty().await;
    let outbox = app.outbox_table_text().await;
    for secret in [link_secret(&receipt.body, "/withdraw/"), link_secret(&request.body, "/consent/")] {
        assert!(!outbox.contains(&secret), "the outbox keeps no link once delivered: {outbox}");
    }

    let other = app.browser();
    let (status, page) = other.get_html(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"consents\" type=\"checkbox\" value=\"participation\""));
    assert!(page.contains("<legend>"), "each consent in a fieldset with a legend");
    let response = other.submit(&link, &link, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("href=\"#consents\""), "none chosen is named");
    let response = other.submit(&link, &link, &[("consents", "participation")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(strip_tags(&response.text().await.unwrap()).contains("Samtykket er registrert"));
    let given: i64 = count(
        &app,
        "SELECT COUNT(*) FROM consents c JOIN persons p ON p.id = c.giver_id WHERE p.name = 'Per Nordmann' AND c.method = 'web'",
    )
    .await;
    assert_eq!(given, 1);
    let (status, page) = other.get_html(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(strip_tags(&page).contains("allerede registrert"), "a used link is a kind page");
    assert_unknown_link(&other, "/consent/not-a-real-token", "Vi fant ikke denne lenken").await;
}

#[tokio::test]
async fn families_answer_their_offers() {
    let (app, mail) = TestApp::spawn_with_mail().await;
    let org = organisation(&app).await;
    let course = recruiting_course(&app, &org, "SMIL for våren").await;
    let path = format!("/o/org-a/courses/{course}/register");
    let families = [
        ("Ola Nordmann", "Kari Nordmann", "kari@example.no", None),
        ("Ali Khan", "Amina Khan", "amina@example.no", Some("Imran Khan")),
        ("Sara Hansen", "Pål Hansen", "paal@example.no", None),
    ];
    let mut ids = Vec::new();
    for (child, guardian, email, second) in families {
        let browser = app.browser();
        let (csrf, submission) = open_form(&browser, &path).await;
        let mut fields = child_fields(&app, child, guardian, email);
        if let Some(second) = second {
            fields.push(("second_guardian_name".into(), second.into()));
            fields.push(("second_guardian_phone".into(), "955 55 555".into()));
            fields.push(("second_guardian_responsibility".into(), "true".into()));
        }
        let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
        assert_eq!(status, StatusCode::OK, "{}", strip_tags(&html));
        ids.push(application(&app, &reference_in(&html)).await.0);
    }
    let actor = coordinator_actor(&app, &org).await;
    for id in &ids {
        let step = MoveForm { stage: "waitlisted".into(), note: String::new() };
        application_service::move_stage(&app.state, &actor, *id, &step, None).await.expect("waitlisted");
    }
    let include: Vec<String> = ids.iter().map(i64::to_string).collect();
    let view =
        group::propose(&app.state, &actor, course, &ProposalForm { include: include.clone(), ..Default::default() })
            .await
            .expect("a proposal");
    let expected: Vec<String> = view.proposal.included_ids().map(|id| id.to_string()).collect();
    assert_eq!(expected.len(), 3, "everyone is pinned in");
    let confirm = ConfirmForm { include, expected, ..Default::default() };
    assert_eq!(group::confirm(&app.state, &actor, course, &confirm).await.expect("offers"), 3);

    // Three receipts and three offers arrive at the real SMTP server.
    let received = mail.wait_for(6, ARRIVAL).await;
    let offer_link = |email: &'static str| {
        let offer = received
            .iter()
            .find(|m| m.envelope_to == email && m.body.contains("/offer/"))
            .unwrap_or_else(|| panic!("an offer mail to {email}"));
        assert!(!offer.body.contains("SMIL"), "an offer does not name the course: {}", offer.body);
        let link = link_path(&offer.body, "/offer/");
        async move { link }
    };
    app.wait_until_outbox_is_empty().await;
    let outbox = app.outbox_table_text().await;
    for mail in received.iter().filter(|m| m.body.contains("/offer/")) {
        assert!(!outbox.contains(&link_secret(&mail.body, "/offer/")), "no offer link kept: {outbox}");
    }
    let browser = app.browser();

    // One guardian with parental responsibility who consented: enrolled at once.
    let link = offer_link("kari@example.no").await;
    let (status, page) = browser.get_html(&link).await;
    assert_eq!(status, StatusCode::OK);
    let text = strip_tags(&page);
    assert!(text.contains("SMIL for våren") && text.contains("Rådhuset") && text.contains("Svar innen"), "{text}");
    let response = browser.submit(&link, &link, &[("answer", "accept")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(strip_tags(&response.text().await.unwrap()).contains("Velkommen"));
    let stage: String = app.scalar("SELECT stage FROM applications WHERE id = $1", (ids[0],)).await;
    assert_eq!(stage, "enrolled");

    // The other parent's consent is missing: accepted, and the page says whose.
    let link = offer_link("amina@example.no").await;
    let response = browser.submit(&link, &link, &[("answer", "accept")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = strip_tags(&response.text().await.unwrap());
    assert!(text.contains("Imran") && !text.contains("Imran Khan"), "first names only: {text}");

    // Declining, staying on the waiting list.
    let link = offer_link("paal@example.no").await;
    let response = browser.submit(&link, &link, &[("answer", "decline"), ("keep_waiting", "1")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(strip_tags(&response.text().await.unwrap()).contains("takker nei"));
    let stage: String = app.scalar("SELECT stage FROM applications WHERE id = $1", (ids[2],)).await;
    assert_eq!(stage, "waitlisted");
    let (status, page) = browser.get_html(&link).await;
    assert_eq!(status, StatusCode::OK, "an answered offer is a kind page");
    assert!(strip_tags(&page).contains("takker nei"));

    assert_unknown_link(&browser, "/offer/not-a-real-token", "Vi fant ikke dette tilbudet").await;
}

#[tokio::test]
async fn an_unanswered_offer_lapses_and_the_family_is_back_on_the_waitlist() {
    let (app, mail) = TestApp::spawn_with_mail().await;
    let Registration { org, course, path, browser, csrf, submission } = registration(&app).await;
    let fields = child_fields(&app, "Ola Nordmann", "Kari Nordmann", "kari@example.no");
    let (status, html) = post(&browser, &path, &csrf, &submission, &fields).await;
    assert_eq!(status, StatusCode::OK);
    let (id, _, _, _) = application(&app, &reference_in(&html)).await;
    let actor = coordinator_actor(&app, &org).await;
    let step = MoveForm { stage: "waitlisted".into(), note: String::new() };
    application_service::move_stage(&app.state, &actor, id, &step, None).await.expect("waitlisted");
    let waiting_since: Option<i64> = app.scalar("SELECT waitlisted_at FROM applications WHERE id = $1", (id,)).await;
    let confirm = ConfirmForm { expected: vec![id.to_string()], ..Default::default() };
    assert_eq!(group::confirm(&app.state, &actor, course, &confirm).await.expect("an offer"), 1);
    let received = mail.wait_for(2, ARRIVAL).await;
    let offer = received.iter().find(|m| m.body.contains("/offer/")).expect("the offer mail");
    let link = link_path(&offer.body, "/offer/");

    assert_eq!(group::lapse_overdue_offers(&app.state).await.unwrap(), 0, "nothing lapses before the deadline");
    app.state.clock.advance(8 * 86_400);
    assert_eq!(group::lapse_overdue_offers(&app.state).await.unwrap(), 1);
    let (stage, waitlisted_at): (String, Option<i64>) =
        app.row("SELECT stage, waitlisted_at FROM applications WHERE id = $1", (id,)).await;
    assert_eq!(stage, "waitlisted");
    assert_eq!(waitlisted_at, waiting_since, "the family keeps its place in the queue");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM offers WHERE status = 'lapsed'").await, 1);
    let (status, page) = app.browser().get_html(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("value=\"accept\""), "a lapsed offer cannot be accepted");
    assert!(page.contains("Fristen for å svare på dette tilbudet er ute."), "the kind expired page");
    assert_eq!(group::lapse_overdue_offers(&app.state).await.unwrap(), 0, "lapsing happens once");
}
