//! The staff's intake pages on the real server: a coordinator takes a phone call through
//! consent, pre-conversations, a refused and then granted enrolment and the group
//! proposal for a course; what a secretary, a group leader elsewhere and a user
//! representative see; merging a duplicate keeps both histories.

use crate::common::{location, strip_tags, unescape, Api, Browser, TestApp};
use chrono::{Datelike, Duration};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const A: &str = "/organisations/org-a";
const REASON: &str = "Mor har en alvorlig psykisk lidelse (testgrunn 7731)";

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A ten-year-old's birth date (inside SMIL's age band of 8–13 for a course soon).
fn child_birth_date() -> String {
    format!("{}-03-15", today().year() - 10)
}

/// Plans a course of SMIL (in the library as every shipped manual is) through the API.
async fn smil_course(api: &Api) -> i64 {
    let start = (today() + Duration::days(42)).to_string();
    let course = json!({
        "programme": "smil", "name": "SMIL høsten", "venue": "Rådhuset", "room": "Rom 1",
        "start_date": start, "start_time": "14:15",
    });
    let (status, body): (StatusCode, Value) =
        Api::json_of(api.send_json(Method::POST, &format!("{A}/courses"), &course).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_i64().unwrap()
}

/// The id in a redirect to `/intake/applications/{id}?…`.
fn application_id(location: &str) -> i64 {
    let rest = location.strip_prefix("/intake/applications/").unwrap_or_else(|| panic!("redirect to {location}"));
    rest.split(['?', '#']).next().unwrap().parse().unwrap()
}

/// The value of the `<option>` whose text contains `label`, inside the `<select id=…>`.
fn option_value(html: &str, select_id: &str, label: &str) -> String {
    let start = html.find(&format!("<select id=\"{select_id}\"")).unwrap_or_else(|| panic!("no select {select_id}"));
    let end = start + html[start..].find("</select>").unwrap();
    for option in html[start..end].split("<option value=\"").skip(1) {
        let (value, rest) = option.split_once('"').unwrap();
        let text = rest.split_once('>').unwrap().1.split("</option>").next().unwrap();
        if unescape(text).contains(label) {
            return value.to_string();
        }
    }
    panic!("no option {label} in {select_id}");
}

/// Every value of the hidden inputs with this name.
fn hidden_values(html: &str, name: &str) -> Vec<String> {
    let marker = format!("type=\"hidden\" name=\"{name}\" value=\"");
    html.split(&marker).skip(1).map(|rest| unescape(rest.split('"').next().unwrap())).collect()
}

/// The text of the section whose heading has this id (up to the section's end).
fn section(html: &str, heading_id: &str) -> String {
    let start = html.find(&format!("id=\"{heading_id}\"")).unwrap_or_else(|| panic!("no {heading_id}"));
    let end = start + html[start..].find("</section>").unwrap();
    strip_tags(&html[start..end])
}

async fn page(browser: &Browser, path: &str) -> String {
    let (status, html) = browser.get_html(path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {}", strip_tags(&html));
    html
}

/// Posts a form of the application page and expects to come back to it.
async fn post_ok(browser: &Browser, id: i64, action: &str, fields: &[(&str, &str)]) -> String {
    let path = format!("/intake/applications/{id}");
    let response = browser.submit(&path, &format!("{path}/{action}"), fields).await;
    let status = response.status();
    let to = location(&response);
    let body = response.text().await.unwrap();
    assert_eq!(status, StatusCode::SEE_OTHER, "{action}: {}", strip_tags(&body));
    assert!(to.starts_with(&format!("{path}?saved=")), "{action} went to {to}");
    page(browser, &path).await
}

/// A phone call entered by the coordinator; returns the application's id.
async fn phone_call(browser: &Browser, fields: &[(&str, &str)]) -> i64 {
    let response = browser.submit("/intake/new", "/intake/new", fields).await;
    let status = response.status();
    let to = location(&response);
    let body = response.text().await.unwrap();
    assert_eq!(status, StatusCode::SEE_OTHER, "the phone call is registered: {}", strip_tags(&body));
    application_id(&to)
}

#[tokio::test]
async fn a_coordinator_takes_a_phone_call_through_consent_conversations_and_the_group() {
    let app = TestApp::spawn_with_user("koord@a.no", "coordinator").await;
    app.add_user("org-a", "sekr@a.no", "secretary").await;
    app.add_user("org-a", "leder@a.no", "group_leader").await;
    let representative_id = app.add_user("org-a", "bruker@a.no", "user_representative").await;
    let api = app.api(&app.token_for("koord@a.no").await);
    let course_id = smil_course(&api).await;
    // The user representative is on the course's working group (and so sees the course).
    let staff = json!({ "user_id": representative_id, "course_role": "user_representative" });
    let response = api.send_json(Method::POST, &format!("{A}/courses/{course_id}/staff"), &staff).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap());
    let coordinator = app.logged_in("koord@a.no").await;

    // The board and the form are there for the coordinator, with the channels named.
    let board = page(&coordinator, "/intake").await;
    assert!(unescape(&crate::common::nav_of(&board)).contains("href=\"/intake\""), "Inntak is in the menu");
    let form = page(&coordinator, "/intake/new").await;
    let nurse = option_value(&form, "channel_id", "Helsesykepleier");
    let course = course_id.to_string();

    // A form with a mistake comes back with the field named and everything kept.
    let birth = child_birth_date();
    let response = coordinator
        .submit(
            "/intake/new",
            "/intake/new",
            &[("course_id", &course), ("participant_type", "child"), ("participant_name", "Ola Nordmann")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    let summary = crate::common::error_summary(&html).expect("an error summary");
    assert!(html.contains("href=\"#guardian_name\""), "the summary links to the guardian's name: {summary}");
    assert_eq!(crate::common::input_value(&html, "participant_name").as_deref(), Some("Ola Nordmann"));

    let id = phone_call(
        &coordinator,
        &[
            ("course_id", &course),
            ("participant_type", "child"),
            ("participant_name", "Ola Nordmann"),
            ("participant_birth_date", &birth),
            ("guardian_name", "Kari Nordmann"),
            ("guardian_phone", "912 34 567"),
            ("guardian_email", "kari@example.no"),
            ("guardian_responsibility", "true"),
            ("second_guardian_name", "Per Nordmann"),
            ("second_guardian_phone", "934 56 789"),
            ("second_guardian_responsibility", "true"),
            ("channel_id", &nurse),
            ("reason", REASON),
            ("priority", "1"),
            ("consent_method", "paper"),
        ],
    )
    .await;
    let path = format!("/intake/applications/{id}");
    let html = page(&coordinator, &format!("{path}?saved=created")).await;
    assert!(html.contains("Søknaden er registrert."));
    assert!(html.contains(REASON), "the coordinator sees the reason");
    assert!(section(&html, "people-heading").contains("Per Nordmann"), "both guardians are in the household");
    let missing = section(&html, "consents-heading");
    assert!(missing.contains("Kari Nordmann") && missing.contains("Per Nordmann"), "both consents missing: {missing}");
    assert!(page(&coordinator, "/intake").await.contains("Ola Nordmann"), "the board lists the application");

    // Kari's consent from paper.
    let kari = option_value(&html, "giver_id", "Kari Nordmann");
    let html = post_ok(
        &coordinator,
        id,
        "consents",
        &[("giver_id", &kari), ("purpose", "participation"), ("capacity", "guardian"), ("method", "paper")],
    )
    .await;
    let consents = section(&html, "consents-heading");
    assert!(consents.contains("Kari Nordmann") && consents.contains("På papir"), "{consents}");
    assert!(consents.contains("Gjelder"), "the consent is in force: {consents}");

    // Two pre-conversations; the second puts the application on the waiting list.
    let day = today().to_string();
    post_ok(
        &coordinator,
        id,
        "pre-conversations",
        &[
            ("held_on", &day),
            ("participants", "Mor, begge gruppeledere"),
            ("notes", "Ola gleder seg"),
            ("outcome", "continue"),
        ],
    )
    .await;
    let html = post_ok(
        &coordinator,
        id,
        "pre-conversations",
        &[("held_on", &day), ("participants", "Far og mor"), ("notes", ""), ("outcome", "waitlist")],
    )
    .await;
    let talks = section(&html, "talks-heading");
    assert!(talks.contains("Samtale 1") && talks.contains("Samtale 2"), "{talks}");
    assert!(talks.contains("Ola gleder seg"), "the coordinator sees the notes");
    assert!(strip_tags(&html).contains("Venteliste"), "the application is on the waiting list");
    let waitlist = page(&coordinator, "/intake/waitlist").await;
    assert!(waitlist.contains("Ola Nordmann") && waitlist.contains("SMIL høsten"), "{}", strip_tags(&waitlist));

    // The secretary sees names and contacts, never the referral's contents.
    let secretary = app.logged_in("sekr@a.no").await;
    let seen = page(&secretary, &path).await;
    assert!(seen.contains("Kari Nordmann") && seen.contains("912 34 567"));
    assert!(!seen.contains(REASON), "the secretary does not see the reason");
    assert!(!seen.contains("Ola gleder seg"), "nor the conversation notes");
    assert!(seen.contains("id=\"sensitive-hidden\""), "a note says who sees the contents");
    // A group leader who is not on the course gets nothing; a user representative no intake at all.
    let leader = app.logged_in("leder@a.no").await;
    assert_eq!(leader.get(&path).await.status(), StatusCode::FORBIDDEN);
    let representative = app.logged_in("bruker@a.no").await;
    assert_eq!(representative.get("/intake").await.status(), StatusCode::FORBIDDEN);
    let (_, home) = representative.get_html("/").await;
    assert!(!unescape(&crate::common::nav_of(&home)).contains("/intake"), "no Inntak in a user representative's menu");
    let course_page = page(&representative, &format!("/courses/{course_id}")).await;
    assert!(!course_page.contains("id=\"participants-heading\""), "no participants section for them");

    // The group proposal for the course: the age band comes from the manual, Ola is in.
    let course_page = page(&coordinator, &format!("/courses/{course_id}")).await;
    assert!(course_page.contains(&format!("href=\"/courses/{course_id}/group\"")), "the course page links the group");
    let group_path = format!("/courses/{course_id}/group");
    let proposal = page(&coordinator, &group_path).await;
    assert_eq!(crate::common::input_value(&proposal, "age_min").as_deref(), Some("8"));
    assert_eq!(crate::common::input_value(&proposal, "age_max").as_deref(), Some("13"));
    let row_start = proposal.find(&format!("id=\"candidate-{id}\"")).expect("Ola is a candidate");
    let row = &proposal[row_start..row_start + proposal[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("data-included=\"true\""));
    assert!(strip_tags(row).contains("MED") && strip_tags(row).contains("nummer 1"), "{}", strip_tags(row));
    assert_eq!(hidden_values(&proposal, "expected"), vec![id.to_string()]);
    // Outside a narrower band he is out, and the reason names his age.
    let narrow = page(&coordinator, &format!("{group_path}?age_min=12&age_max=13&siblings=together")).await;
    let row_start = narrow.find(&format!("id=\"candidate-{id}\"")).unwrap();
    let row = strip_tags(&narrow[row_start..row_start + narrow[row_start..].find("</tr>").unwrap()]);
    assert!(row.contains("IKKE MED") && row.contains("aldersspenn"), "{row}");

    let mut fields: Vec<(&str, String)> = vec![("deadline", String::new())];
    for name in ["age_min", "age_max", "siblings", "include", "exclude", "expected"] {
        for value in hidden_values(&proposal, name) {
            fields.push((name, value));
        }
    }
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = coordinator.submit(&group_path, &format!("{group_path}/confirm"), &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", strip_tags(&response.text().await.unwrap()));
    let to = location(&response);
    assert_eq!(to, format!("/intake?course={course_id}&offers=1"));
    assert!(page(&coordinator, &to).await.contains("1 tilbud er sendt."));
    let html = page(&coordinator, &path).await;
    assert!(strip_tags(&html).contains("Tilbudt plass"), "the application is offered");
    let offers = section(&html, "offers-heading");
    assert!(offers.contains("SMIL høsten") && offers.contains("Venter på svar"), "an open offer: {offers}");

    // Enrolment is refused while Per's consent is missing, and the message names him.
    let version = crate::common::input_value(&html, "version").unwrap();
    let response =
        coordinator.submit(&path, &format!("{path}/move"), &[("stage", "enrolled"), ("version", &version)]).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let refused = response.text().await.unwrap();
    let summary = crate::common::error_summary(&refused).expect("an error summary");
    assert!(summary.contains("Per Nordmann"), "the refusal names the guardian: {summary}");
    assert!(!summary.contains("Kari Nordmann"), "Kari has consented: {summary}");
    assert!(section(&refused, "stage-heading").contains("Per Nordmann"), "the message is at the stage field");

    let per = option_value(&refused, "giver_id", "Per Nordmann");
    let html = post_ok(
        &coordinator,
        id,
        "consents",
        &[("giver_id", &per), ("purpose", "participation"), ("capacity", "guardian"), ("method", "in_conversation")],
    )
    .await;
    assert!(html.contains("id=\"missing\" class=\"state state-done\""), "nothing is missing now");
    let version = crate::common::input_value(&html, "version").unwrap();
    let html = post_ok(&coordinator, id, "move", &[("stage", "enrolled"), ("version", &version)]).await;
    assert_eq!(crate::common::element_text(&html, "current-stage").as_deref(), Some("Påmeldt"));
    // The course page lists Ola and his parents with the channel they came through.
    let course_page = page(&coordinator, &format!("/courses/{course_id}")).await;
    let participants = section(&course_page, "participants-heading");
    assert!(participants.contains("Ola Nordmann") && participants.contains("Kari Nordmann"), "{participants}");
    assert!(participants.contains("Helsesykepleier: 1"), "channel counts: {participants}");

    // A stale version is refused with the "changed meanwhile" message.
    let response = coordinator
        .submit(&path, &format!("{path}/details"), &[("course_id", &course), ("priority", "2"), ("version", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.unwrap();
    assert!(
        crate::common::error_summary(&html).unwrap().contains("Noen andre"),
        "{}",
        crate::common::error_summary(&html).unwrap()
    );
}

#[tokio::test]
async fn merging_a_duplicate_keeps_both_histories() {
    let app = TestApp::spawn_with_user("koord@a.no", "coordinator").await;
    let api = app.api(&app.token_for("koord@a.no").await);
    smil_course(&api).await;
    let coordinator = app.logged_in("koord@a.no").await;
    let birth = child_birth_date();
    let call = |guardian: &'static str| {
        vec![
            ("programme", "smil".to_string()),
            ("participant_type", "child".to_string()),
            ("participant_name", "Lise Hansen".to_string()),
            ("participant_birth_date", birth.clone()),
            ("guardian_name", guardian.to_string()),
            ("guardian_phone", "955 55 555".to_string()),
            ("guardian_responsibility", "true".to_string()),
        ]
    };
    let as_fields = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let first = as_fields(&call("Anne Hansen"));
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let keep = phone_call(&coordinator, &first).await;
    let second = as_fields(&call("Arne Hansen"));
    let second: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let duplicate = phone_call(&coordinator, &second).await;

    // Each has its own history: a move with a note, and a pre-conversation on the duplicate.
    let html = page(&coordinator, &format!("/intake/applications/{keep}")).await;
    let version = crate::common::input_value(&html, "version").unwrap();
    post_ok(
        &coordinator,
        keep,
        "move",
        &[("stage", "contacted"), ("note", "Ringte Anne (notat 5521)"), ("version", &version)],
    )
    .await;
    let day = today().to_string();
    post_ok(
        &coordinator,
        duplicate,
        "pre-conversations",
        &[("held_on", &day), ("participants", "Arne og Lise (samtale 8813)"), ("outcome", "continue")],
    )
    .await;
    let duplicate_reference = crate::common::element_text(
        &page(&coordinator, &format!("/intake/applications/{duplicate}")).await,
        "reference",
    )
    .unwrap();

    // The duplicate is offered for merging on the application's page.
    let html = page(&coordinator, &format!("/intake/applications/{keep}")).await;
    assert!(html.contains(&format!("name=\"from\" value=\"{duplicate}\"")), "the duplicate is proposed");
    let html = post_ok(&coordinator, keep, "merge", &[("from", &duplicate.to_string())]).await;
    let history = section(&html, "history-heading");
    assert!(history.contains("Ringte Anne (notat 5521)"), "the kept application's history: {history}");
    assert!(history.contains("Forsamtale"), "the duplicate's history came along: {history}");
    assert!(
        history.contains(&format!("Søknad {duplicate_reference} er slått sammen med denne.")),
        "the merge is noted, in the page's language: {history}"
    );
    assert!(!history.contains("merged "), "no untranslated system note: {history}");
    assert!(history.matches("Mottatt").count() >= 2, "both were received: {history}");
    let talks = section(&html, "talks-heading");
    assert!(talks.contains("Arne og Lise (samtale 8813)"), "the duplicate's conversation came along: {talks}");
    assert!(
        section(&html, "people-heading").contains("Arne Hansen"),
        "the households are one: {}",
        section(&html, "people-heading")
    );
    let merged = page(&coordinator, &format!("/intake/applications/{duplicate}")).await;
    assert_eq!(crate::common::element_text(&merged, "current-stage").as_deref(), Some("Slått sammen"));
}
