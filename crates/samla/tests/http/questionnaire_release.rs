//! Results of a round are released once, when the round has closed, and never change
//! after: reading them before and after one more answer must not tell what that answer
//! was. On SQLite and PostgreSQL:
//!
//! - the attack of issue 13: a group leader reads an open anonymous round's results (and who
//!   has answered) after the fifth answer and again after the sixth; the difference must
//!   not give the sixth person's ratings or free text, on the results page, the API, the
//!   course evaluation, the course report (page and JSON) or the CSV and XLSX downloads;
//! - closing (by staff, or by the closing day passing in the organisation's time zone)
//!   releases them, from five answers only;
//! - after that nothing is added: a personal link (also one whose draft was saved before
//!   the close), the QR code's walk-in link, the API and staff's paper entry are refused
//!   kindly, and the database itself refuses a response to a closed round;
//! - identified rounds follow the same rule, and the outcome change uses closed rounds only.

use crate::common::data::zip_entries;
use crate::common::running::{self, RunningCourse, COORDINATOR, LEADER};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const A: &str = "/organisations/org-a";
/// What the sixth guardian writes: it must not appear before the round closes.
const SIXTH_TEXT: &str = "Sjette svar: jeg følte meg alene";

/// The seven children of the course the tests ask: seven guardians with an address.
const CHILDREN: [(&str, &str, &str); 7] = [
    ("Dina Sand", "2016-06-01", "dina.guardian@example.test"),
    ("Even Ås", "2015-02-02", "even.guardian@example.test"),
    ("Frida Li", "2016-08-08", "frida.guardian@example.test"),
    ("Gard Vik", "2015-11-11", "gard.guardian@example.test"),
    ("Hedda Bø", "2016-04-04", "hedda.guardian@example.test"),
    ("Isak Ness", "2015-07-07", "isak.guardian@example.test"),
    ("Julie Dahl", "2017-02-02", "julie.guardian@example.test"),
];

struct Fixture {
    app: TestApp,
    course: RunningCourse,
    /// A running course with the seeded course's staff and [`CHILDREN`].
    course_id: i64,
    leader: Api,
    coordinator: Api,
    /// The seven guardians' e-mail addresses, in the order they answer.
    guardians: Vec<String>,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let actor = running::actor(&app, course.coordinator_id, COORDINATOR, vec![Role::Coordinator]).await;
    let start = samla_web::services::intake::today(&app.state, "NO") - chrono::Duration::days(14);
    let course_id = running::plan_course(&app, &actor, "Gruppe med sju", start).await;
    for (user_id, role) in [
        (course.leader_id, "group_leader"),
        (course.co_leader_id, "group_leader"),
        (course.representative_id, "user_representative"),
    ] {
        running::add_staff(&app, &actor, course_id, user_id, role).await;
    }
    let mut guardians = Vec::new();
    for child in CHILDREN {
        guardians.push(running::enrol_child(&app, &actor, course_id, child, false).await.guardian_email.to_string());
    }
    running::run(&app, &actor, course_id).await;
    let leader = app.api(&app.token_for(LEADER).await);
    let coordinator = app.api(&app.token_for(COORDINATOR).await);
    Fixture { app, course, course_id, leader, coordinator, guardians }
}

impl Fixture {
    fn public(&self) -> Api {
        Api { client: self.app.bare_client(), base_url: self.app.base_url.clone(), token: String::new() }
    }

    async fn questionnaire(&self, slug: &str) -> i64 {
        questionnaires::shipped(&self.app, self.course.organisation_id, slug).await
    }

    /// Starts a round over the API as the group leader; returns it.
    async fn start(&self, body: Value) -> Value {
        let path = format!("{A}/courses/{}/questionnaire-rounds", self.course_id);
        let (status, round) = Api::json_of(self.leader.send_json(Method::POST, &path, &body).await).await;
        assert_eq!(status, StatusCode::CREATED, "{round}");
        round
    }

    /// Each invited guardian's personal token, read from the invitation queued for them.
    async fn tokens(&self, round_id: i64) -> BTreeMap<String, String> {
        let mails: Vec<(String, String)> = self
            .app
            .rows(
                "SELECT to_address, body_text FROM outbox_messages
             WHERE template = 'qround-invitation' AND related_type = 'questionnaire_round' AND related_id = $1",
                (round_id,),
            )
            .await;
        mails
            .into_iter()
            .map(|(to, body)| {
                let token = body.split("/a/").nth(1).expect("a link").split_whitespace().next().unwrap().to_string();
                (to, token)
            })
            .collect()
    }

    async fn answer(&self, token: &str, benefit: &str, important: &str) -> (StatusCode, Value) {
        let body = json!({
            "language": "nb",
            "answers": {
                "benefit": [{ "type": "choice", "value": benefit }],
                "important": [{ "type": "string", "value": important }],
            },
        });
        Api::json_of(self.public().send_json(Method::POST, &format!("/answers/{token}"), &body).await).await
    }

    async fn close(&self, round_id: i64) {
        let path = format!("{A}/questionnaire-rounds/{round_id}/close");
        let (status, body) = Api::json_of(self.leader.send_json(Method::POST, &path, &json!({})).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    /// Everything the leader can read of the round's results, each as text: the API's
    /// round results, course evaluation, outcome change and course report, the pages, and
    /// the CSV and XLSX downloads (the XLSX unzipped).
    async fn every_read(&self, round_id: i64) -> BTreeMap<&'static str, String> {
        let course = self.course_id;
        let browser = self.app.logged_in(LEADER).await;
        let mut reads = BTreeMap::new();
        let json_reads = [
            ("api results", format!("{A}/questionnaire-rounds/{round_id}/results")),
            ("api evaluation", format!("{A}/courses/{course}/evaluation")),
            ("api course report", format!("{A}/courses/{course}/report")),
        ];
        for (name, path) in json_reads {
            let (status, body) = self.leader.get_json(&path).await;
            assert_eq!(status, StatusCode::OK, "{name}: {body}");
            reads.insert(name, body.to_string());
        }
        let downloads = [
            ("api round csv", format!("{A}/questionnaire-rounds/{round_id}/results/export?format=csv")),
            ("api round xlsx", format!("{A}/questionnaire-rounds/{round_id}/results/export?format=xlsx")),
            ("api course csv", format!("{A}/courses/{course}/evaluation/export?format=csv")),
            ("api course xlsx", format!("{A}/courses/{course}/evaluation/export?format=xlsx")),
        ];
        for (name, path) in downloads {
            let response = self.leader.get(&path).await;
            assert_eq!(response.status(), StatusCode::OK, "{name}");
            reads.insert(name, text_of(&response.bytes().await.unwrap()));
        }
        let pages = [
            ("page results", format!("/questionnaire-rounds/{round_id}/results")),
            ("page evaluation", format!("/courses/{course}/evaluation")),
            ("page course report", format!("/courses/{course}/report")),
            ("page round csv", format!("/questionnaire-rounds/{round_id}/results/export?format=csv")),
            ("page course xlsx", format!("/courses/{course}/evaluation/export?format=xlsx")),
        ];
        for (name, path) in pages {
            let response = browser.get(&path).await;
            assert_eq!(response.status(), StatusCode::OK, "{name}");
            reads.insert(name, unescape(&text_of(&response.bytes().await.unwrap())));
        }
        reads
    }
}

/// A body as text: a zip file (XLSX) has every entry's text joined.
fn text_of(bytes: &[u8]) -> String {
    if !bytes.starts_with(b"PK") {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    zip_entries(bytes).concat()
}

/// The round's results without the count of answers (which is no secret).
fn figures(results: &Value) -> Value {
    let mut summary = results["summary"].clone();
    summary.as_object_mut().unwrap().remove("responses");
    summary
}

/// What comparing two reads of a round's results gives away: free text that appeared, and
/// per option how many more chose it.
fn difference(before: &Value, after: &Value) -> (Vec<String>, Vec<(String, i64)>) {
    let texts = |r: &Value| -> BTreeSet<String> {
        r["summary"]["items"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|i| i["free_text"].as_array().cloned().unwrap_or_default())
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect()
    };
    let counts = |r: &Value| -> BTreeMap<String, i64> {
        r["summary"]["items"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|i| {
                let link_id = i["link_id"].as_str().unwrap_or_default().to_string();
                i["options"].as_array().cloned().unwrap_or_default().into_iter().map(move |o| {
                    (format!("{link_id}={}", o["code"].as_str().unwrap_or_default()), o["count"].as_i64().unwrap_or(0))
                })
            })
            .collect()
    };
    let new_texts = texts(after).difference(&texts(before)).cloned().collect();
    let (was, now) = (counts(before), counts(after));
    let changed = now
        .iter()
        .filter(|(k, n)| was.get(*k) != Some(n))
        .map(|(k, n)| (k.clone(), n - was.get(k).unwrap_or(&0)))
        .collect();
    (new_texts, changed)
}

#[tokio::test]
async fn reading_results_before_and_after_one_answer_does_not_reveal_it() {
    let f = fixture().await;
    let questionnaire = f.questionnaire("session-evaluation").await;
    let round = f
        .start(json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "anonymous", "timing": "other" }))
        .await;
    let round_id = round["id"].as_i64().unwrap();
    let tokens = f.tokens(round_id).await;
    assert_eq!(tokens.len(), 7, "every guardian is invited");
    let results_path = format!("{A}/questionnaire-rounds/{round_id}/results");
    let recipients_path = format!("{A}/questionnaire-rounds/{round_id}/recipients");

    let first_five = [
        ("very-good", "Leikene"),
        ("good", "Praten"),
        ("good", "Maten"),
        ("very-good", "Rollespill"),
        ("some", "Tegning"),
    ];
    for (guardian, (benefit, text)) in f.guardians.iter().zip(first_five) {
        let (status, body) = f.answer(&tokens[guardian], benefit, text).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }

    // The attack: read the results and who has answered, let one more answer, read again.
    let after_five = f.leader.get_ok(&results_path).await;
    let (_, who_after_five) = f.leader.get_json(&recipients_path).await;
    let reads_after_five = f.every_read(round_id).await;
    let sixth = &f.guardians[5];
    let (status, body) = f.answer(&tokens[sixth], "none", SIXTH_TEXT).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, after_six) = f.leader.get_json(&results_path).await;
    let (_, who_after_six) = f.leader.get_json(&recipients_path).await;
    let reads_after_six = f.every_read(round_id).await;

    // Who answered in between is known (the list is for reminders and names who answered)...
    let answered = |list: &Value| -> BTreeSet<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["answered"] == true)
            .map(|r| r["name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(answered(&who_after_six).len(), answered(&who_after_five).len() + 1);
    // ...so the results must say nothing about what they answered.
    assert_eq!(after_five["summary"]["responses"], 5, "the count is shown");
    assert_eq!(after_six["summary"]["responses"], 6, "the count is shown");
    assert_eq!(difference(&after_five, &after_six), (vec![], vec![]), "the sixth answer is readable by differencing");
    assert_eq!(figures(&after_five), figures(&after_six), "nothing but the count changes while the round is open");
    assert_eq!(after_six["summary"]["shown"], false);
    assert_eq!(after_six["summary"]["released"], false);
    assert_eq!(after_six["round"]["results_released"], false);
    for (name, text) in reads_after_six.iter().chain(&reads_after_five) {
        for written in [SIXTH_TEXT, "Leikene", "Rollespill"] {
            assert!(!text.contains(written), "{name} shows free text of an open round: {written}");
        }
    }
    let page = &reads_after_six["page results"];
    assert!(page.contains(&format!("id=\"round-{round_id}-not-released\"")), "the page says when results come");
    assert!(page.contains("6 svar"), "and how many have answered: {page}");

    // Closing releases them, once.
    f.close(round_id).await;
    let (_, released) = f.leader.get_json(&results_path).await;
    assert_eq!(released["summary"]["shown"], true, "{released}");
    assert_eq!(released["summary"]["released"], true);
    assert_eq!(released["round"]["results_released"], true);
    assert_eq!(released["summary"]["responses"], 6);
    let important =
        released["summary"]["items"].as_array().unwrap().iter().find(|i| i["link_id"] == "important").unwrap();
    assert!(important["free_text"].as_array().unwrap().contains(&json!(SIXTH_TEXT)));
    let reads_released = f.every_read(round_id).await;
    for (name, text) in &reads_released {
        assert!(text.contains("Rollespill"), "{name} shows the released results");
    }

    // The seventh guardian is too late: refused kindly, and the results stay as released.
    let seventh = &tokens[&f.guardians[6]];
    let (status, problem) = f.answer(seventh, "very-good", "For sent").await;
    assert_eq!(status, StatusCode::GONE, "{problem}");
    let (status, html) = f.app.browser().get_html(&format!("/a/{seventh}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Spørreskjemaet er stengt"), "a kind page: {html}");
    let (_, again) = f.leader.get_json(&results_path).await;
    assert_eq!(again, released, "released results never change");
    // Pages carry a CSRF token and XLSX files their time of writing; the rest is compared whole.
    let comparable = |reads: BTreeMap<&'static str, String>| -> BTreeMap<&'static str, String> {
        reads.into_iter().filter(|(name, _)| name.starts_with("api") && !name.ends_with("xlsx")).collect()
    };
    assert_eq!(comparable(f.every_read(round_id).await), comparable(reads_released));
}

#[tokio::test]
async fn results_wait_for_the_closing_day_in_the_organisations_time_zone() {
    let f = fixture().await;
    let questionnaire = f.questionnaire("session-evaluation").await;
    let today = samla_web::services::intake::today(&f.app.state, "NO");
    let round = f
        .start(
            json!({ "questionnaire_id": questionnaire, "audience": "guardians", "mode": "anonymous", "timing": "other",
                       "opens_on": today.to_string(), "closes_on": today.to_string() }),
        )
        .await;
    let round_id = round["id"].as_i64().unwrap();
    let tokens = f.tokens(round_id).await;
    for guardian in &f.guardians[..5] {
        assert_eq!(f.answer(&tokens[guardian], "good", "Samtalene").await.0, StatusCode::CREATED);
    }
    // A draft saved on the last day...
    let late = &tokens[&f.guardians[5]];
    let browser = f.app.browser();
    let page = format!("/a/{late}");
    let response = browser.submit(&page, &page, &[("page", "0"), ("action", "back"), ("a-benefit", "none")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let draft: Option<String> = f
        .app
        .scalar("SELECT draft FROM round_recipients WHERE token_hash = $1", (samla_domain::secrets::hash_secret(late),))
        .await;
    assert!(draft.is_some_and(|d| d.contains("none")), "the draft is kept");
    let results_path = format!("{A}/questionnaire-rounds/{round_id}/results");
    let (_, open) = f.leader.get_json(&results_path).await;
    assert_eq!(open["summary"]["shown"], false, "open until the end of its closing day");
    assert_eq!(open["round"]["closes_on"], today.to_string());

    // ...and the clock passes midnight in Oslo: the round has closed and its results are out.
    let oslo = samla_domain::calendar::Country::Norway.timezone();
    let midnight = samla_domain::questionnaires::rounds::link_expiry(today, &oslo);
    f.app.state.clock.advance(midnight - f.app.now() + 60);
    let round_path = format!("{A}/questionnaire-rounds/{round_id}");
    assert!(f.leader.get_json(&round_path).await.1["results_released_at"].is_null());
    let release = samla_web::services::questionnaires::rounds::release_due(&f.app.state).await.unwrap();
    assert_eq!(release, 1, "the server's housekeeping releases it");
    assert_eq!(samla_web::services::questionnaires::rounds::release_due(&f.app.state).await.unwrap(), 0, "once");
    let (_, stored) = f.leader.get_json(&round_path).await;
    assert!(stored["results_released_at"].is_i64(), "{stored}");
    assert_eq!(stored["state"], "closed");
    assert_eq!(f.app.audit_rows("questionnaire_round.release").await.len(), 1);
    let (_, closed) = f.leader.get_json(&results_path).await;
    assert_eq!(closed["summary"]["shown"], true, "{closed}");
    assert_eq!(closed["summary"]["responses"], 5);
    assert_eq!(closed["round"]["closed"], true);

    // The draft cannot be sent now, on the page or over the API.
    let response = browser
        .submit(
            &page,
            &page,
            &[("page", "0"), ("action", "send"), ("a-benefit", "none"), ("a-important", "Etter fristen")],
        )
        .await;
    let html = response.text().await.unwrap();
    assert!(html.contains("Spørreskjemaet er stengt"), "{html}");
    assert_eq!(f.answer(late, "none", "Etter fristen").await.0, StatusCode::GONE);
    let (_, after) = f.leader.get_json(&results_path).await;
    assert_eq!(after, closed);
}

#[tokio::test]
async fn nothing_is_added_to_a_closed_round_by_qr_code_paper_or_the_database() {
    let f = fixture().await;
    let questionnaire = f.questionnaire("session-evaluation").await;
    let round = f
        .start(json!({ "questionnaire_id": questionnaire, "audience": "participants", "mode": "anonymous",
                       "timing": "other", "qr_code": true }))
        .await;
    let round_id = round["id"].as_i64().unwrap();
    let today = samla_web::services::intake::today(&f.app.state, "NO");
    let open_token = round["open_link"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
    let public = f.public();
    let (status, walk_in) =
        Api::json_of(public.send_json(Method::POST, &format!("/open-links/{open_token}"), &json!({})).await).await;
    assert_eq!(status, StatusCode::CREATED, "{walk_in}");
    let kept = walk_in["token"].as_str().unwrap().to_string();
    let paper = format!("{A}/questionnaire-rounds/{round_id}/paper-responses");
    let paper_body = json!({ "language": "nb", "answers": { "benefit": [{ "type": "choice", "value": "good" }] } });
    for _ in 0..5 {
        let (status, body) = Api::json_of(f.leader.send_json(Method::POST, &paper, &paper_body).await).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    f.close(round_id).await;

    // The QR code's address and the API's open link: a kind page, 410.
    let (status, html) = f.app.browser().get_html(&format!("/q/{open_token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Spørreskjemaet er stengt"), "{html}");
    let response = public.send_json(Method::POST, &format!("/open-links/{open_token}"), &json!({})).await;
    assert_eq!(response.status(), StatusCode::GONE);
    // A walk-in link made before the close.
    assert_eq!(f.answer(&kept, "good", "").await.0, StatusCode::GONE);

    // Paper forms: 409 with a clear message in the API; the page says so instead of a form.
    let (status, problem) = Api::json_of(f.leader.send_json(Method::POST, &paper, &paper_body).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "answers");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("avsluttet"), "{problem}");
    let browser = f.app.logged_in(LEADER).await;
    let (status, html) = browser.get_html(&format!("/questionnaire-rounds/{round_id}/paper")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"round-closed\""), "{html}");
    assert!(!html.contains("name=\"a-benefit\""), "no form to fill in");
    let response = browser
        .submit(
            &format!("/courses/{}", f.course_id),
            &format!("/questionnaire-rounds/{round_id}/paper"),
            &[("a-benefit", "good")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = unescape(&response.text().await.unwrap());
    assert!(html.contains("Runden er avsluttet"), "{html}");

    // A round past its closing day takes no paper form either, even before anyone has read it.
    let other = f
        .start(json!({ "questionnaire_id": questionnaire, "audience": "participants", "mode": "anonymous", "timing": "other", "qr_code": true }))
        .await;
    let other_id = other["id"].as_i64().unwrap();
    f.app
        .execute(
            "UPDATE questionnaire_rounds SET opens_on = $1, closes_on = $1 WHERE id = $2",
            ((today - chrono::Duration::days(1)).to_string(), other_id),
        )
        .await;
    let path = format!("{A}/questionnaire-rounds/{other_id}/paper-responses");
    let (status, problem) = Api::json_of(f.leader.send_json(Method::POST, &path, &paper_body).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");

    // The database refuses a response to a closed round, and keeps a released round released.
    let version: i64 = f.app.scalar("SELECT version_id FROM questionnaire_rounds WHERE id = $1", (round_id,)).await;
    let inserted = sqlx::query(
        "INSERT INTO questionnaire_responses (round_id, version_id, language, submitted_on, answers)
         VALUES ($1, $2, 'nb', '2026-01-01', '{}')",
    )
    .bind(round_id)
    .bind(version)
    .execute(f.app.state.store.pool())
    .await;
    assert!(inserted.is_err(), "a response inserted into a closed round");
    let changed = sqlx::query("UPDATE questionnaire_responses SET answers = '{}' WHERE round_id = $1")
        .bind(round_id)
        .execute(f.app.state.store.pool())
        .await;
    assert!(changed.is_err(), "a closed round's answers changed");
    let reopened =
        sqlx::query("UPDATE questionnaire_rounds SET results_released_at = NULL, closed_at = NULL WHERE id = $1")
            .bind(round_id)
            .execute(f.app.state.store.pool())
            .await;
    assert!(reopened.is_err(), "a closed round opened again");
    let results = f.leader.get_ok(&format!("{A}/questionnaire-rounds/{round_id}/results")).await;
    assert_eq!(results["summary"]["responses"], 5);
}

#[tokio::test]
async fn identified_rounds_and_the_outcome_change_wait_for_the_close_too() {
    let f = fixture().await;
    let questionnaire = f.questionnaire("smil-parents").await;
    let path = format!("{A}/courses/{}/outcome-rounds", f.course_id);
    let body = json!({ "questionnaire_id": questionnaire, "audience": "guardians" });
    let (status, scheduled) = Api::json_of(f.coordinator.send_json(Method::POST, &path, &body).await).await;
    assert_eq!(status, StatusCode::CREATED, "{scheduled}");
    let ids: BTreeMap<String, i64> = scheduled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["timing"].as_str().unwrap().to_string(), r["id"].as_i64().unwrap()))
        .collect();
    let steps = ["very-small", "small", "some", "large", "very-large"];
    let items = ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"];
    let form = |step: usize, child: i64| {
        let answers: serde_json::Map<String, Value> =
            items.iter().map(|i| (i.to_string(), json!([{ "type": "choice", "value": steps[step] }]))).collect();
        json!({ "language": "nb", "subject_participant_id": child, "answers": answers })
    };
    let children: Vec<i64> = {
        let (_, attendance) = f.coordinator.get_json(&format!("{A}/courses/{}/attendance", f.course_id)).await;
        attendance["participants"].as_array().unwrap().iter().map(|p| p["participant_id"].as_i64().unwrap()).collect()
    };
    assert_eq!(children.len(), 7);
    for (timing, step) in [("before", 1), ("end", 3)] {
        let paper = format!("{A}/questionnaire-rounds/{}/paper-responses", ids[timing]);
        for (n, child) in children.iter().enumerate() {
            let (status, body) =
                Api::json_of(f.coordinator.send_json(Method::POST, &paper, &form((step + n % 2).min(4), *child)).await)
                    .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
    }
    let change_path = format!("{A}/courses/{}/outcome-change", f.course_id);
    let before_path = format!("{A}/questionnaire-rounds/{}/results", ids["before"]);
    let (_, before) = f.leader.get_json(&before_path).await;
    assert_eq!(before["summary"]["shown"], false, "an open identified round shows its count only");
    assert_eq!(before["summary"]["responses"], 7);
    let (_, change) = f.leader.get_json(&change_path).await;
    assert_eq!(change["comparisons"], json!([]), "no change from rounds still open: {change}");
    let pending: BTreeSet<i64> =
        change["pending_rounds"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(pending, ids.values().copied().collect(), "{change}");

    f.close(ids["before"]).await;
    f.close(ids["end"]).await;
    let (_, before) = f.leader.get_json(&before_path).await;
    assert_eq!(before["summary"]["shown"], true);
    let (_, change) = f.leader.get_json(&change_path).await;
    let comparisons = change["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 1, "{change}");
    assert_eq!(comparisons[0]["to"], "end");
    assert_eq!(comparisons[0]["scales"][0]["figures"]["n"], 7);
    let pending: Vec<i64> =
        change["pending_rounds"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(pending, vec![ids["follow_up"]]);
    let browser = f.app.logged_in(LEADER).await;
    let (status, html) = browser.get_html(&format!("/courses/{}/outcome-change", f.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"pending-rounds\""), "the page names the measurement still open");
}
