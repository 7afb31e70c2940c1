//! Answering questionnaires: through a round's QR code (a walk-in link) and through a
//! personal link, page by page with save and continue, the kind pages of used, expired
//! and closed links, the API's refusals (409, 410, 422 with every problem named), what an
//! anonymous response holds (nothing about the person, a day only), scores stored with the
//! version, and staff typing in a paper form.

use crate::common::running::{self, COORDINATOR, LEADER, ORG};
use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::secrets::hash_secret;
use serde_json::json;

struct Fixture {
    app: TestApp,
    course: running::RunningCourse,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    samla_web::services::questionnaires::library::install_shipped(&app.state, course.organisation_id)
        .await
        .expect("shipped questionnaires");
    Fixture { app, course }
}

fn day(app: &TestApp, offset_days: i64) -> String {
    (samla_web::services::intake::today(&app.state, "NO") + chrono::Duration::days(offset_days))
        .format("%Y-%m-%d")
        .to_string()
}

impl Fixture {
    async fn version_of(&self, slug: &str) -> i64 {
        self.app
            .scalar(
                "SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
             WHERE q.organisation_id = $1 AND q.shipped_slug = $2 ORDER BY v.number DESC LIMIT 1",
                (self.course.organisation_id, slug),
            )
            .await
    }

    /// A round open from yesterday for two weeks (rows written as the rounds feature does).
    async fn round(&self, slug: &str, mode: &str, open_token: Option<&str>) -> (i64, i64) {
        let version_id = self.version_of(slug).await;
        let id: i64 = self.app.scalar(
            "INSERT INTO questionnaire_rounds
                (organisation_id, course_id, version_id, audience, mode, timing, opens_on, closes_on, open_token, created_at)
             VALUES ($1, $2, $3, 'participants', $4, 'end', $5, $6, $7, $8) RETURNING id",
            (
                self.course.organisation_id,
                self.course.course_id,
                version_id,
                mode,
                day(&self.app, -1),
                day(&self.app, 14),
                open_token,
                self.app.now(),
            ),
        )
        .await;
        (id, version_id)
    }

    /// A personal link about `subject`, valid `seconds` from now.
    async fn personal_link(&self, round_id: i64, subject: Option<i64>, token: &str, seconds: i64) {
        self.app
            .execute(
                "INSERT INTO round_recipients (round_id, subject_participant_id, token_hash, expires_at)
             VALUES ($1, $2, $3, $4)",
                (round_id, subject, hash_secret(token), self.app.now() + seconds),
            )
            .await;
    }

    async fn responses(&self, round_id: i64) -> Vec<samla_storage::questionnaires::responses::StoredResponse> {
        let mut conn = self.app.state.store.pool().acquire().await.unwrap();
        samla_storage::questionnaires::responses::list_for_round(&mut conn, round_id).await.unwrap()
    }

    fn public(&self) -> Api {
        Api { client: self.app.bare_client(), base_url: self.app.base_url.clone(), token: String::new() }
    }
}

fn token_of(location: &str) -> String {
    location.trim_start_matches("/a/").split('?').next().unwrap().to_string()
}

async fn post_page(browser: &Browser, token: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    browser.submit(&format!("/a/{token}"), &format!("/a/{token}"), fields).await
}

#[tokio::test]
async fn a_child_answers_through_the_qr_code_page_by_page_and_the_response_is_anonymous() {
    let f = fixture().await;
    let (round_id, version_id) = f.round("smil-children", "anonymous", Some("qr-open-token-1")).await;
    let browser = f.app.browser();

    // The QR code makes a fresh one-time link and goes there.
    let response = browser.get("/q/qr-open-token-1").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let first = location(&response);
    assert!(first.starts_with("/a/"), "{first}");
    let token = token_of(&first);
    let walk_in: (i64, Option<i64>) = f
        .app
        .row(
            "SELECT walk_in, subject_participant_id FROM round_recipients WHERE token_hash = $1",
            (hash_secret(&token),),
        )
        .await;
    assert_eq!(walk_in, (1, None));

    let (status, html) = browser.get_html(&first).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Side 1 av 3"), "progress shown");
    assert!(html.contains("<fieldset"), "each question a fieldset");
    assert!(html.contains("<legend>"), "with a legend");
    assert!(html.contains("type=\"checkbox\""), "a question that repeats takes several");

    // Save and continue, twice; the draft is kept with the link.
    let response = post_page(
        &browser,
        &token,
        &[("page", "0"), ("action", "continue"), ("a-before", "excited"), ("a-before", "scared")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/a/{token}?page=1"));
    let response = post_page(
        &browser,
        &token,
        &[("page", "1"), ("action", "continue"), ("a-liked", "really-good"), ("a-others", "good")],
    )
    .await;
    assert_eq!(location(&response), format!("/a/{token}?page=2"));

    // Coming back later with the same link (another browser) opens where it was left.
    let later = f.app.browser();
    let (_, html) = later.get_html(&format!("/a/{token}")).await;
    assert!(html.contains("Side 3 av 3"), "left off on the last page");
    let response = post_page(&later, &token, &[("page", "2"), ("action", "back"), ("a-best", "The trips")]).await;
    assert_eq!(location(&response), format!("/a/{token}?page=1"));
    let (_, html) = later.get_html(&format!("/a/{token}?page=1")).await;
    assert!(html.contains("value=\"really-good\" checked"), "answers kept: {html}");
    let (_, html) = later.get_html(&format!("/a/{token}?page=2")).await;
    assert!(html.contains("The trips"), "text kept");

    // Switching language keeps the answers and shows the English form.
    let response = post_page(&later, &token, &[("page", "2"), ("action", "lang-en"), ("a-best", "The trips")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = later.get_html(&format!("/a/{token}?page=2")).await;
    assert!(html.contains("Page 3 of 3"), "English page");
    assert!(html.contains("The trips"));

    let response =
        post_page(&later, &token, &[("page", "2"), ("action", "send"), ("a-best", "The trips"), ("a-go-on", "yes")])
            .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/a/{token}?sent=1"));
    let (status, html) = later.get_html(&format!("/a/{token}?sent=1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Thank you"), "a kind thank-you page");

    // The response: no subject, no typist, a day only, the version and its scores.
    let rows = f.responses(round_id).await;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.version_id, version_id);
    assert_eq!(row.subject_participant_id, None);
    assert_eq!(row.submitted_on, day(&f.app, 0));
    assert_eq!(row.language, "en");
    let answers: serde_json::Value = serde_json::from_str(&row.answers).unwrap();
    assert_eq!(
        answers["before"],
        json!([{"type": "choice", "value": "excited"}, {"type": "choice", "value": "scared"}])
    );
    assert_eq!(answers["best"], json!([{"type": "string", "value": "The trips"}]));
    assert!(row.scores.is_some(), "scored with the version's rules");
    let scores: serde_json::Value = serde_json::from_str(row.scores.as_ref().unwrap()).unwrap();
    assert!(scores["scales"].as_array().is_some_and(|s| !s.is_empty()));
    let (entered_by, on_paper): (Option<i64>, i64) =
        f.app.row("SELECT entered_by, on_paper FROM questionnaire_responses WHERE id = $1", (row.id,)).await;
    assert_eq!((entered_by, on_paper), (None, 0));
    // The response holds nothing from the token.
    let raw = format!("{row:?}");
    assert!(!raw.contains(&token) && !raw.contains(&hash_secret(&token)));
    let (answered_on, draft): (Option<String>, Option<String>) = f
        .app
        .row("SELECT answered_on, draft FROM round_recipients WHERE token_hash = $1", (hash_secret(&token),))
        .await;
    assert_eq!(answered_on.as_deref(), Some(day(&f.app, 0).as_str()));
    assert_eq!(draft, None, "the draft goes once the form is sent");

    // A second submit of the one-time link: a kind page, then 409, and nothing changes.
    let response = later
        .post_form(
            &format!("/a/{token}"),
            &[("csrf", &later.csrf("/login").await), ("page", "2"), ("action", "send"), ("a-go-on", "no")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("already"), "says the link is used");
    let body = json!({"language": "nb", "answers": {"go-on": [{"type": "choice", "value": "no"}]}});
    let (status, problem) =
        Api::json_of(f.public().send_json(Method::POST, &format!("/answers/{token}"), &body).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(f.responses(round_id).await.len(), 1, "nothing more stored");
    let (status, form) = f.public().get_json(&format!("/answers/{token}")).await;
    assert_eq!((status, form["state"].as_str()), (StatusCode::OK, Some("answered")));

    // The API opens walk-in links too.
    let (status, opened) =
        Api::json_of(f.public().send_json(Method::POST, "/open-links/qr-open-token-1", &json!({})).await).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    assert!(opened["link"].as_str().unwrap().ends_with(&format!("/a/{}", opened["token"].as_str().unwrap())));
    let (status, _) =
        Api::json_of(f.public().send_json(Method::POST, "/open-links/no-such-token", &json!({})).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_personal_link_names_every_problem_stores_nothing_half_and_refuses_a_second_submit() {
    let f = fixture().await;
    let (round_id, version_id) = f.round("mestringstreff-pre-course", "identified", None).await;
    let child = f.course.children[0].participant_id;
    f.personal_link(round_id, Some(child), "personal-token-1", 86_400).await;

    let (status, form) = f.public().get_json("/answers/personal-token-1?language=en").await;
    assert_eq!(status, StatusCode::OK, "{form}");
    assert_eq!(form["state"], "open");
    assert_eq!(form["language"], "en");
    assert_eq!(form["questionnaire"]["resourceType"], "Questionnaire");

    // Out of range, an unknown option, a question that does not exist, a wrong value type.
    let bad = json!({"language": "en", "answers": {
        "age": [{"type": "integer", "value": 150}],
        "earlier-courses": [{"type": "boolean", "value": "yes"}],
        "nonsense": [{"type": "string", "value": "x"}]
    }});
    let response = f.public().send_json(Method::POST, "/answers/personal-token-1", &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let (_, problem) = Api::json_of(response).await;
    let paths: Vec<&str> =
        problem["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["earlier-courses"], "a wrong JSON type is found first: {problem}");
    let bad = json!({"language": "en", "answers": {
        "age": [{"type": "integer", "value": 150}],
        "nonsense": [{"type": "string", "value": "x"}]
    }});
    let (status, problem) =
        Api::json_of(f.public().send_json(Method::POST, "/answers/personal-token-1", &bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = problem["problems"].as_array().unwrap();
    let age = problems.iter().find(|p| p["path"] == "age").expect("age named");
    assert_eq!(age["code"], "error-answer-above-max");
    assert!(age["detail"].as_str().unwrap().contains("120"), "{age}");
    assert!(problems.iter().any(|p| p["path"] == "nonsense" && p["code"] == "error-answer-unknown-item"));
    // An empty response is refused too.
    let (status, problem) =
        Api::json_of(f.public().send_json(Method::POST, "/answers/personal-token-1", &json!({"answers": {}})).await)
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["problems"][0]["path"], "answers");
    assert!(f.responses(round_id).await.is_empty(), "nothing stored");
    let answered: Option<String> =
        f.app.scalar("SELECT answered_on FROM round_recipients WHERE round_id = $1", (round_id,)).await;
    assert_eq!(answered, None, "the link is still unused");

    let good = json!({"language": "en", "answers": {"age": [{"type": "integer", "value": 42}]}});
    let (status, body) =
        Api::json_of(f.public().send_json(Method::POST, "/answers/personal-token-1", &good).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["submitted_on"], day(&f.app, 0));
    let rows = f.responses(round_id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].subject_participant_id, Some(child), "identified: about the child");
    assert_eq!(rows[0].version_id, version_id);
    assert_eq!(rows[0].scores, None, "no scoring rules for this questionnaire");

    let (status, problem) =
        Api::json_of(f.public().send_json(Method::POST, "/answers/personal-token-1", &good).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["errors"][0]["field"], "token", "{problem}");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("allerede"), "{problem}");
    assert_eq!(f.responses(round_id).await.len(), 1);
}

#[tokio::test]
async fn missing_required_answers_are_named_on_the_page_with_the_input_kept() {
    let f = fixture().await;
    let (round_id, _) = f.round("session-evaluation", "anonymous", Some("qr-session")).await;
    let browser = f.app.browser();
    let token = token_of(&location(&browser.get("/q/qr-session").await));
    let (_, html) = browser.get_html(&format!("/a/{token}")).await;
    assert!(html.contains("Side 1 av 1"), "a short form is one page");
    let response =
        post_page(&browser, &token, &[("page", "0"), ("action", "send"), ("a-important", "Å bli hørt")]).await;
    let (html, summary) = refused_form(response).await;
    assert!(summary.contains("må besvares") || summary.contains("besvar"), "{summary}");
    assert!(html.contains("href=\"#a-benefit\""), "the summary links to the question");
    assert!(html.contains("id=\"a-benefit-error\""), "the error stands at the question");
    assert!(html.contains("Å bli hørt"), "what was typed is kept");
    assert!(f.responses(round_id).await.is_empty());
    // Fixed: sent.
    let response = post_page(
        &browser,
        &token,
        &[("page", "0"), ("action", "send"), ("a-important", "Å bli hørt"), ("a-benefit", "good")],
    )
    .await;
    assert_eq!(location(&response), format!("/a/{token}?sent=1"));
    assert_eq!(f.responses(round_id).await.len(), 1);
}

#[tokio::test]
async fn used_expired_closed_and_unknown_links_get_kind_pages_and_clear_api_answers() {
    let f = fixture().await;
    let (round_id, _) = f.round("session-evaluation", "identified", Some("qr-identified")).await;
    f.personal_link(round_id, None, "expired-token", -10).await;
    let browser = f.app.browser();

    let (status, html) = browser.get_html("/a/expired-token").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("utløpt"), "{html}");
    assert!(!html.contains("error-summary"));
    let answer = json!({"answers": {"benefit": [{"type": "choice", "value": "good"}]}});
    let (status, _) = Api::json_of(f.public().send_json(Method::POST, "/answers/expired-token", &answer).await).await;
    assert_eq!(status, StatusCode::GONE);

    let (status, html) = browser.get_html("/a/never-made").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("fant ikke"), "a kind page for an unknown link");
    let (status, _) = Api::json_of(f.public().send_json(Method::POST, "/answers/never-made", &answer).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The QR code of an identified round opens nothing.
    let (status, _) = browser.get_html("/q/qr-identified").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A closed round: personal links and the QR code say so.
    let (anon_round, _) = f.round("session-evaluation", "anonymous", Some("qr-closing")).await;
    f.personal_link(anon_round, None, "closing-token", 86_400).await;
    f.app.execute("UPDATE questionnaire_rounds SET closed_at = $1 WHERE id = $2", (f.app.now(), anon_round)).await;
    let (status, html) = browser.get_html("/a/closing-token").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("stengt"));
    let (status, html) = browser.get_html("/q/qr-closing").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("stengt"));
    let (status, _) = Api::json_of(f.public().send_json(Method::POST, "/answers/closing-token", &answer).await).await;
    assert_eq!(status, StatusCode::GONE);
    let (status, _) =
        Api::json_of(f.public().send_json(Method::POST, "/open-links/qr-closing", &json!({})).await).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(f.responses(anon_round).await.is_empty());
}

#[tokio::test]
async fn staff_type_in_paper_forms() {
    let f = fixture().await;
    let (round_id, version_id) = f.round("smil-parents", "identified", None).await;
    let child = f.course.children[1].participant_id;
    f.personal_link(round_id, Some(child), "paper-child-token", 86_400).await;
    let leader = f.app.api(&f.app.token_for(LEADER).await);
    let path = format!("/organisations/{ORG}/questionnaire-rounds/{round_id}/paper-responses");
    let definition: serde_json::Value = {
        let (_, form) = f.public().get_json("/answers/paper-child-token").await;
        form["questionnaire"].clone()
    };
    // The first choice question and its first option.
    fn first_choice(items: &serde_json::Value) -> Option<(String, String)> {
        for item in items.as_array()? {
            if item["type"] == "choice" {
                return Some((
                    item["linkId"].as_str()?.to_string(),
                    item["answerOption"][0]["valueCoding"]["code"].as_str()?.to_string(),
                ));
            }
            if let Some(found) = first_choice(&item["item"]) {
                return Some(found);
            }
        }
        None
    }
    let (link_id, code) = first_choice(&definition["item"]).expect("a choice");
    let answers = json!({ link_id.clone(): [{"type": "choice", "value": code}] });

    // Identified: the participant is needed.
    let (status, problem) =
        Api::json_of(leader.send_json(Method::POST, &path, &json!({"answers": answers})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["problems"][0]["path"], "subject_participant_id");
    let (status, body) = Api::json_of(
        leader.send_json(Method::POST, &path, &json!({"answers": answers, "subject_participant_id": child})).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (subject, entered_by, on_paper, stored_version): (Option<i64>, Option<i64>, i64, i64) = f.app.row(
        "SELECT subject_participant_id, entered_by, on_paper, version_id FROM questionnaire_responses WHERE id = $1",
        (body["id"].as_i64().unwrap(),),
    )
    .await;
    assert_eq!((subject, entered_by, on_paper, stored_version), (Some(child), Some(f.course.leader_id), 1, version_id));
    // The child's own link is spent, and a second form about the child is refused.
    let (_, form) = f.public().get_json("/answers/paper-child-token").await;
    assert_eq!(form["state"], "answered");
    let (status, _) = Api::json_of(
        leader.send_json(Method::POST, &path, &json!({"answers": answers, "subject_participant_id": child})).await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // On the page, with the same checks.
    let browser = f.app.logged_in(COORDINATOR).await;
    let page = format!("/questionnaire-rounds/{round_id}/paper");
    let (status, html) = browser.get_html(&page).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("subject_participant_id"));
    let field = format!("a-{link_id}");
    let response = browser.submit(&page, &page, &[(field.as_str(), code.as_str())]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let other = f.course.children[2].participant_id.to_string();
    let response = browser
        .submit(&page, &page, &[("subject_participant_id", other.as_str()), (field.as_str(), code.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(f.responses(round_id).await.len(), 2);

    // Anonymous rounds keep nothing about the typist and take no participant.
    let (anon_round, _) = f.round("session-evaluation", "anonymous", None).await;
    let anon_path = format!("/organisations/{ORG}/questionnaire-rounds/{anon_round}/paper-responses");
    let benefit = json!({"benefit": [{"type": "choice", "value": "good"}]});
    let (status, _) = Api::json_of(
        leader.send_json(Method::POST, &anon_path, &json!({"answers": benefit, "subject_participant_id": child})).await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) =
        Api::json_of(leader.send_json(Method::POST, &anon_path, &json!({"answers": benefit})).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (subject, entered_by): (Option<i64>, Option<i64>) = f
        .app
        .row(
            "SELECT subject_participant_id, entered_by FROM questionnaire_responses WHERE id = $1",
            (body["id"].as_i64().unwrap(),),
        )
        .await;
    assert_eq!((subject, entered_by), (None, None));

    // Someone not on the course's working group may not.
    let other_leader = f.app.api(&f.app.token_for(running::OTHER_LEADER).await);
    let (status, _) =
        Api::json_of(other_leader.send_json(Method::POST, &anon_path, &json!({"answers": benefit})).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
