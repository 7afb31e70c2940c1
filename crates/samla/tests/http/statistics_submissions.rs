//! Statistics between installations, with two real installations (two servers, two
//! databases): one makes a signed submission of its counts, the programme's owner registers
//! it and receives it, pushed with its token or uploaded; the owner's release counts it.
//! And the attacks: a changed count, another key, the same file again, an older file after
//! a correction, the installation's token used for anything else.

use crate::common::{Api, TestApp};
use data_encoding::BASE64;
use reqwest::{Method, StatusCode};
use samla_domain::reports::submission::{self, Envelope, Submission};
use serde_json::{json, Value};

const ORG: &str = "org-a";

/// `n` children of one course that started in February 2024: the first `dropped` dropped out.
fn import(n: usize, dropped: usize) -> Value {
    let children: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "course": "V24", "participant": format!("B{i:02}"), "birth_year": 2014, "sex": "female",
                    "channel": "school", "sessions_attended": 8, "dropped_out": i < dropped })
        })
        .collect();
    json!({
        "courses": [{ "course": "V24", "programme": "smil", "start_date": "2024-02-05", "end_date": "2024-04-15",
                      "sessions": 10, "leaders": 2 }],
        "participants": children,
    })
}

/// An installation of its own: a coordinator's API, its courses of 2024 imported.
async fn sender(children: usize, dropped: usize) -> (TestApp, Api) {
    let app = TestApp::spawn().await;
    app.add_user(ORG, "coordinator@voss.test", "coordinator").await;
    let api = app.api(&app.token_for("coordinator@voss.test").await);
    let imports = format!("/organisations/{ORG}/statistics/imports");
    let (status, body) = Api::json_of(api.send_json(Method::POST, &imports, &import(children, dropped)).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (app, api)
}

async fn smil(app: &TestApp) -> i64 {
    app.scalar(
        "SELECT p.id FROM programmes p JOIN organisations o ON o.id = p.organisation_id WHERE o.slug = $1 AND p.slug = 'smil'",
        (ORG,),
    )
    .await
}

async fn make(app: &TestApp, api: &Api, year: i64) -> Value {
    let path = format!("/organisations/{ORG}/programmes/{}/statistics/outgoing-submissions", smil(app).await);
    let (status, envelope) = Api::json_of(api.send_json(Method::POST, &path, &json!({ "year": year })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{envelope}");
    envelope
}

/// The status and the problem's first message (in bokmål, the API's default language).
async fn refusal(response: reqwest::Response) -> (StatusCode, String) {
    let (status, problem) = Api::json_of(response).await;
    (status, problem["errors"][0]["message"].as_str().unwrap_or_default().to_string())
}

/// Whether a refusal is the one expected: its status, and its message says `words`.
fn is(refused: &(StatusCode, String), status: StatusCode, words: &str) -> bool {
    refused.0 == status && refused.1.contains(words)
}

fn forged(envelope: &Value, change: impl Fn(&mut Submission)) -> Value {
    let envelope: Envelope = serde_json::from_value(envelope.clone()).expect("an envelope");
    let mut counts: Submission =
        serde_json::from_slice(&BASE64.decode(envelope.payload.as_bytes()).expect("base64")).expect("a submission");
    change(&mut counts);
    let payload = BASE64.encode(&serde_json::to_vec(&counts).expect("json"));
    serde_json::to_value(Envelope { payload, ..envelope }).expect("json")
}

#[tokio::test]
async fn a_submission_from_another_installation_counts_in_the_owners_release_and_attacks_on_it_fail() {
    let (voss, voss_api) = sender(14, 6).await;
    let owner = TestApp::spawn().await;
    owner.execute("UPDATE organisations SET region = 'oslo' WHERE slug = $1", (ORG,)).await;
    owner.add_user(ORG, "coordinator@owner.test", "coordinator").await;
    let owner_api = owner.api(&owner.token_for("coordinator@owner.test").await);
    owner.add_user(ORG, "rep@owner.test", "user_representative").await;
    let representative = owner.api(&owner.token_for("rep@owner.test").await);
    let programme = smil(&owner).await;
    let installations = format!("/organisations/{ORG}/programmes/{programme}/statistics/installations");

    // The sender's key, and its signed counts of 2024.
    let key = voss_api.get_ok(&format!("/organisations/{ORG}/statistics/signing-key")).await;
    let public_key = key["public_key"].as_str().expect("a key").to_string();
    let first = make(&voss, &voss_api, 2024).await;
    assert_eq!(first["key"], json!(public_key));
    assert_eq!(voss.audit_count("statistics.submission.make", None, "success", None).await, 1);
    let future = format!("/organisations/{ORG}/programmes/{}/statistics/outgoing-submissions", smil(&voss).await);
    let refused = refusal(voss_api.send_json(Method::POST, &future, &json!({ "year": 2999 })).await).await;
    assert!(
        is(&refused, StatusCode::UNPROCESSABLE_ENTITY, "Velg et år som er over"),
        "error-statistics-year-open: {refused:?}"
    );

    // The owner registers the installation; only the owner's staff who manage programmes may.
    let new = json!({ "name": "Voss kommune", "kind": "municipality", "region": "vestland", "public_key": public_key });
    let refused = representative.send_json(Method::POST, &installations, &new).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let not_a_key = json!({ "name": "X", "kind": "municipality", "region": "vestland", "public_key": "bm90IGEga2V5" });
    let refused = refusal(owner_api.send_json(Method::POST, &installations, &not_a_key).await).await;
    assert!(
        is(&refused, StatusCode::UNPROCESSABLE_ENTITY, "ikke en offentlig nøkkel"),
        "submission-error-key: {refused:?}"
    );
    let (status, registered) = Api::json_of(owner_api.send_json(Method::POST, &installations, &new).await).await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    let token = registered["token"].as_str().expect("a token").to_string();
    let refused = refusal(owner_api.send_json(Method::POST, &installations, &new).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "allerede registrert"), "submission-error-key-taken: {refused:?}");
    let listed = owner_api.get_ok(&installations).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    // The owner's own key would count its own courses twice.
    let own_key = owner_api.get_ok(&format!("/organisations/{ORG}/statistics/signing-key")).await["public_key"].clone();
    let itself = json!({ "name": "Ourselves", "kind": "national_centre", "region": "oslo", "public_key": own_key });
    let refused = refusal(owner_api.send_json(Method::POST, &installations, &itself).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "egen organisasjons nøkkel"), "{refused:?}");

    // The installation's token pushes; it opens nothing else, and a person's token does not push.
    let installation = owner.api(&token);
    assert_eq!(installation.get("/me").await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(installation.get(&installations).await.status(), StatusCode::UNAUTHORIZED);
    let push = "/statistics/submissions";
    assert_eq!(owner_api.send_json(Method::POST, push, &first).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(owner.api("not-a-token").send_json(Method::POST, push, &first).await.status(), StatusCode::UNAUTHORIZED);

    // A changed count under the old signature; the same counts signed with another key.
    let raised = forged(&first, |s| s.tables[0].cells[0].count += 5);
    let refused = refusal(installation.send_json(Method::POST, push, &raised).await).await;
    assert!(
        is(&refused, StatusCode::UNPROCESSABLE_ENTITY, "Signaturen holder ikke"),
        "submission-error-signature: {refused:?}"
    );
    let (other_secret, _) = submission::new_signing_key();
    let counts: Submission =
        serde_json::from_slice(&BASE64.decode(first["payload"].as_str().expect("payload").as_bytes()).expect("base64"))
            .expect("a submission");
    let someone_else = serde_json::to_value(submission::sign(&counts, &other_secret)).expect("json");
    let refused = refusal(installation.send_json(Method::POST, push, &someone_else).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "ingen installasjon"), "submission-error-unknown-key: {refused:?}");
    let receive = format!("/organisations/{ORG}/programmes/{programme}/statistics/submissions");
    let refused = refusal(owner_api.send_json(Method::POST, &receive, &someone_else).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "ingen installasjon"), "submission-error-unknown-key: {refused:?}");
    assert_eq!(owner.scalar::<i64>("SELECT COUNT(*) FROM statistics_submissions", ()).await, 0);

    let (status, accepted) = Api::json_of(installation.send_json(Method::POST, push, &first).await).await;
    assert_eq!(status, StatusCode::CREATED, "{accepted}");
    assert_eq!((accepted["year"].clone(), accepted["corrects"].clone()), (json!(2024), json!(false)));
    let refused = refusal(installation.send_json(Method::POST, push, &first).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "allerede mottatt"), "submission-error-already-received: {refused:?}");

    // The owner's release of 2024 counts the installation's fourteen children as its own line.
    let releases = format!("/organisations/{ORG}/programmes/{programme}/statistics/releases");
    let (status, published) =
        Api::json_of(owner_api.send_json(Method::POST, &releases, &json!({ "year": 2024 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let outcome = owner_api.get_ok(&format!("{releases}/2024/tables/participants_by_outcome")).await;
    assert_eq!(outcome["total"]["cells"], json!([8, 6, 0, 14]), "{outcome}");
    let by_kind = owner_api.get_ok(&format!("{releases}/2024/tables/participants_by_service_kind")).await;
    assert_eq!(by_kind["total"]["cells"][0], 14, "counted as the municipality it was registered as: {by_kind}");
    let courses = owner_api.get_ok(&format!("{releases}/2024/tables/courses_by_status")).await;
    assert_eq!(courses["total"]["cells"], json!([0, 0, 1, 0, 1]), "{courses}");

    // A correction at the sender: two more children. The newer file replaces the first; the
    // first again is a replay.
    let imports = format!("/organisations/{ORG}/statistics/imports");
    let (status, _) = Api::json_of(voss_api.send_json(Method::POST, &imports, &import(16, 6)).await).await;
    assert_eq!(status, StatusCode::CREATED);
    let corrected = make(&voss, &voss_api, 2024).await;
    let (status, accepted) = Api::json_of(owner_api.send_json(Method::POST, &receive, &corrected).await).await;
    assert_eq!(status, StatusCode::CREATED, "{accepted}");
    assert_eq!(accepted["corrects"], json!(true));
    let refused = refusal(installation.send_json(Method::POST, push, &first).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "En nyere innsending"), "submission-error-replayed: {refused:?}");
    let received = owner_api.get_ok(&receive).await;
    let replaced: Vec<bool> =
        received.as_array().expect("a list").iter().map(|s| s["replaced_at"].is_number()).collect();
    assert_eq!(replaced, vec![false, true], "both kept, the first replaced: {received}");
    let (status, _) = Api::json_of(owner_api.send_json(Method::POST, &releases, &json!({ "year": 2024 })).await).await;
    assert_eq!(status, StatusCode::CREATED);
    let outcome = owner_api.get_ok(&format!("{releases}/2024/tables/participants_by_outcome?release=2")).await;
    assert_eq!(outcome["total"]["cells"], json!([10, 6, 0, 16]), "{outcome}");

    // A token that may have leaked is replaced: the old one stops working at once.
    let organisation = registered["organisation_id"].as_i64().expect("an id");
    let rotate = format!("{installations}/{organisation}/token");
    assert_eq!(representative.send_json(Method::POST, &rotate, &json!({})).await.status(), StatusCode::FORBIDDEN);
    let missing = format!("{installations}/987654/token");
    assert_eq!(owner_api.send_json(Method::POST, &missing, &json!({})).await.status(), StatusCode::NOT_FOUND);
    let (status, rotated) = Api::json_of(owner_api.send_json(Method::POST, &rotate, &json!({})).await).await;
    assert_eq!(status, StatusCode::CREATED, "{rotated}");
    let refused = refusal(installation.send_json(Method::POST, push, &corrected).await).await;
    assert_eq!(refused.0, StatusCode::UNAUTHORIZED, "the old token: {refused:?}");
    let fresh = owner.api(rotated["token"].as_str().expect("a token"));
    let refused = refusal(fresh.send_json(Method::POST, push, &corrected).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "allerede mottatt"), "the new token pushes: {refused:?}");
    assert_eq!(owner.audit_count("network.installation.token", None, "success", None).await, 1);

    // Removed from the network: not counted from the next release on, its token dead, its
    // submissions kept.
    let remove = format!("{installations}/{organisation}");
    assert_eq!(representative.send_json(Method::DELETE, &remove, &json!({})).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(owner_api.send_json(Method::DELETE, &remove, &json!({})).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(owner_api.get_ok(&installations).await[0]["counted"], json!(false));
    assert_eq!(fresh.send_json(Method::POST, push, &corrected).await.status(), StatusCode::UNAUTHORIZED);
    let (status, _) = Api::json_of(owner_api.send_json(Method::POST, &releases, &json!({ "year": 2024 })).await).await;
    assert_eq!(status, StatusCode::CREATED);
    let outcome = owner_api.get_ok(&format!("{releases}/2024/tables/participants_by_outcome?release=3")).await;
    assert_eq!(outcome["total"]["cells"], json!([0, 0, 0, 0]), "{outcome}");
    assert_eq!(owner_api.get_ok(&receive).await.as_array().map(Vec::len), Some(2), "the files are kept");
    let revived = owner_api.send_json(Method::POST, &rotate, &json!({})).await;
    assert_eq!(revived.status(), StatusCode::NOT_FOUND, "a removed installation gets no new token");
    let newest = make(&voss, &voss_api, 2024).await;
    let refused = refusal(owner_api.send_json(Method::POST, &receive, &newest).await).await;
    assert!(is(&refused, StatusCode::CONFLICT, "fjernet"), "nor are its files received: {refused:?}");

    assert_eq!(owner.audit_count("statistics.submission.receive", None, "success", None).await, 1);
    assert_eq!(owner.audit_count("statistics.submission.correct", None, "success", None).await, 1);
    assert_eq!(owner.audit_count("network.installation.register", None, "success", None).await, 1);
    assert_eq!(owner.audit_count("network.installation.remove", None, "success", None).await, 1);
}

#[tokio::test]
async fn a_submission_whose_tables_disagree_or_name_another_programme_is_refused_cell_by_cell() {
    let (voss, voss_api) = sender(6, 0).await;
    let owner = TestApp::spawn().await;
    owner.add_user(ORG, "coordinator@owner.test", "coordinator").await;
    let owner_api = owner.api(&owner.token_for("coordinator@owner.test").await);
    let programme = smil(&owner).await;
    let public_key =
        voss_api.get_ok(&format!("/organisations/{ORG}/statistics/signing-key")).await["public_key"].clone();
    let (status, _) = Api::json_of(
        owner_api
            .send_json(
                Method::POST,
                &format!("/organisations/{ORG}/programmes/{programme}/statistics/installations"),
                &json!({ "name": "Voss", "kind": "municipality", "region": "vestland", "public_key": public_key }),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let envelope: Envelope = serde_json::from_value(make(&voss, &voss_api, 2024).await).expect("an envelope");
    let mut counts: Submission =
        serde_json::from_slice(&BASE64.decode(envelope.payload.as_bytes()).expect("base64")).expect("a submission");
    // Signed by the sender's own key (as a broken or hostile sender could), but wrong inside.
    let secret: String = voss.scalar("SELECT secret_key FROM statistics_signing_keys", ()).await;
    let secret: [u8; 32] = BASE64.decode(secret.as_bytes()).expect("base64").try_into().expect("32 bytes");
    counts.tables[0].cells[0].count += 1;
    counts.tables[1].cells[0].category = "everyone".into();
    counts.made_at += 10;
    let receive = format!("/organisations/{ORG}/programmes/{programme}/statistics/submissions");
    let wrong = serde_json::to_value(submission::sign(&counts, &secret)).expect("json");
    let (status, problem) = Api::json_of(owner_api.send_json(Method::POST, &receive, &wrong).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem["errors"][0]["message"].as_str().unwrap_or_default().contains("ikke en kolonne"), "{problem}");
    counts.tables[1].cells[0].category = "completed".into();
    let wrong = serde_json::to_value(submission::sign(&counts, &secret)).expect("json");
    let (status, problem) = Api::json_of(owner_api.send_json(Method::POST, &receive, &wrong).await).await;
    let message = problem["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(status == StatusCode::UNPROCESSABLE_ENTITY && message.contains("teller ulikt"), "{problem}");
    counts.tables[0].cells[0].count -= 1;
    counts.programme = "mestringsgrupper".into();
    let wrong = serde_json::to_value(submission::sign(&counts, &secret)).expect("json");
    let (status, problem) = Api::json_of(owner_api.send_json(Method::POST, &receive, &wrong).await).await;
    let message = problem["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(status == StatusCode::UNPROCESSABLE_ENTITY && message.contains("annet program"), "{problem}");
    assert_eq!(owner.scalar::<i64>("SELECT COUNT(*) FROM statistics_submissions", ()).await, 0, "nothing kept");
}

#[tokio::test]
async fn the_pages_make_the_file_register_the_installation_and_receive_the_file() {
    let (voss, _) = sender(7, 1).await;
    voss.relax_second_factor(ORG).await;
    let sending = voss.logged_in("coordinator@voss.test").await;
    let programme = smil(&voss).await;
    let (status, page) = sending.get_html(&format!("/statistics/{programme}/send")).await;
    assert_eq!(status, StatusCode::OK);
    let public_key =
        crate::common::unescape(&crate::common::element_text(&page, "public-key").expect("the key is shown"));
    let file = sending
        .submit(&format!("/statistics/{programme}/send"), &format!("/statistics/{programme}/send"), &[("year", "2024")])
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert!(file.headers()["content-disposition"]
        .to_str()
        .unwrap_or_default()
        .contains("samla-statistics-smil-2024.json"));
    let file = file.bytes().await.expect("the file").to_vec();
    assert!(submission::open(&file).is_ok(), "the downloaded file opens with its signature");

    let owner = TestApp::spawn().await;
    owner.relax_second_factor(ORG).await;
    owner.add_user(ORG, "coordinator@owner.test", "coordinator").await;
    owner.add_user(ORG, "rep@owner.test", "user_representative").await;
    let receiving = owner.logged_in("coordinator@owner.test").await;
    let own = smil(&owner).await;
    let page_path = format!("/statistics/{own}/installations");
    let (_, programme_page) = receiving.get_html(&format!("/statistics/{own}")).await;
    assert!(programme_page.contains(&page_path), "the programme's page leads to its installations");
    let registered = receiving
        .submit(
            &page_path,
            &page_path,
            &[("name", "Voss kommune"), ("kind", "municipality"), ("region", "vestland"), ("public_key", &public_key)],
        )
        .await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let html = registered.text().await.expect("html");
    assert!(crate::common::element_text(&html, "token").is_some_and(|t| t.len() > 30), "the token is shown once");
    let (_, again) = receiving.get_html(&page_path).await;
    assert!(crate::common::element_text(&again, "token").is_none(), "and only once");
    let installation: i64 = owner.scalar("SELECT organisation_id FROM submitting_installations", ()).await;
    let rotated = receiving.submit(&page_path, &format!("{page_path}/{installation}/token"), &[]).await;
    assert_eq!(rotated.status(), StatusCode::CREATED);
    let html = rotated.text().await.expect("html");
    let token = crate::common::element_text(&html, "token").expect("the new token is shown");
    assert!(token.len() > 30, "{token}");

    let bad = receiving
        .submit(
            &page_path,
            &page_path,
            &[("name", ""), ("kind", "municipality"), ("region", "mars"), ("public_key", "x")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("html");
    assert!(crate::common::error_summary(&html).is_some(), "an error summary");
    for field in ["name", "region", "public_key"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field} is named: {html}");
    }
    assert_eq!(crate::common::input_value(&html, "name").as_deref(), Some(""), "what was typed is kept");

    let uploaded = receiving
        .upload(&page_path, &format!("/statistics/{own}/submissions"), &[("submission", "voss.json", file.clone())])
        .await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let done = crate::common::location(&uploaded);
    let (_, page) = receiving.get_html(&done).await;
    assert!(page.contains("id=\"received\""), "the page says it was received");
    assert!(crate::common::section(&page, "submissions", "</table>").contains("Voss kommune"));
    let again = receiving
        .upload(&page_path, &format!("/statistics/{own}/submissions"), &[("submission", "voss.json", file)])
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    let removed = receiving.submit(&page_path, &format!("{page_path}/{installation}/remove"), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let (_, page) = receiving.get_html(&page_path).await;
    assert!(crate::common::section(&page, "installations", "</ul>").contains("Fjernet"), "shown as removed");

    let representative = owner.logged_in("rep@owner.test").await;
    assert_eq!(representative.get(&page_path).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn two_submissions_of_a_year_at_the_same_moment_leave_one_that_counts() {
    let (voss, voss_api) = sender(6, 0).await;
    let owner = TestApp::spawn().await;
    owner.add_user(ORG, "coordinator@owner.test", "coordinator").await;
    let owner_api = owner.api(&owner.token_for("coordinator@owner.test").await);
    let programme = smil(&owner).await;
    let public_key =
        voss_api.get_ok(&format!("/organisations/{ORG}/statistics/signing-key")).await["public_key"].clone();
    let installations = format!("/organisations/{ORG}/programmes/{programme}/statistics/installations");
    let new = json!({ "name": "Voss", "kind": "municipality", "region": "vestland", "public_key": public_key });
    let (status, registered) = Api::json_of(owner_api.send_json(Method::POST, &installations, &new).await).await;
    assert_eq!(status, StatusCode::CREATED);
    let installation = owner.api(registered["token"].as_str().expect("a token"));
    for round in 0..3 {
        let files: Vec<Value> = files_made(&voss, &voss_api, 4).await;
        let push = |file| installation.send_json(Method::POST, "/statistics/submissions", file);
        let (a, b, c, d) = tokio::join!(push(&files[0]), push(&files[1]), push(&files[2]), push(&files[3]));
        let statuses: Vec<StatusCode> = [a, b, c, d].iter().map(|answer| answer.status()).collect();
        assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
        assert!(statuses.contains(&StatusCode::CREATED), "newer files than the one held: {statuses:?}");
        let current: i64 = owner
            .scalar("SELECT COUNT(*) FROM statistics_submissions WHERE year = 2024 AND replaced_at IS NULL", ())
            .await;
        assert_eq!(current, 1, "one submission of the year counts, round {round}: {statuses:?}");
    }
}

/// `n` files of 2024 made one after the other (each later than the one before).
async fn files_made(app: &TestApp, api: &Api, n: usize) -> Vec<Value> {
    let mut files = Vec::new();
    for _ in 0..n {
        files.push(make(app, api, 2024).await);
    }
    files
}
