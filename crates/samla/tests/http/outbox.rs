//! The outbox: mail queued inside a business operation, delivered over real SMTP (an
//! aiosmtpd server on loopback) in the recipient's language, retried with backoff when
//! the server is away, marked failed after the last attempt, sent again by hand within a
//! week, shown only to the roles that manage intake for the whole organisation, and
//! never keeping a link in the table once delivered or past that week.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::accounts::Language;
use samla_domain::messages::{next_attempt_delay, MessageStatus, MAX_ATTEMPTS};
use samla_web::services::outbox::{self, OutgoingMail};
use samla_web::WebError;
use std::time::Duration;

const ARRIVAL: Duration = Duration::from_secs(20);

/// An application receipt for `to`, queued in one business operation of its own.
async fn queue_receipt(app: &TestApp, to: &str, language: Language, reference: &str) -> Result<i64, WebError> {
    queue_receipt_with(app, to, language, reference, Vec::new()).await
}

/// A receipt carrying a withdraw link with a fresh secret, as intake queues it; returns
/// the message's id and the secret.
async fn queue_receipt_with_link(app: &TestApp, to: &str) -> (i64, String) {
    let secret = samla_domain::secrets::random_token(32);
    let link = format!("{}/withdraw/{secret}", app.base_url);
    let id = queue_receipt_with(app, to, Language::NorwegianBokmal, "K7-Q4M2", vec![("link", link)]).await.unwrap();
    (id, secret)
}

async fn queue_receipt_with(
    app: &TestApp,
    to: &str,
    language: Language,
    reference: &str,
    extra: Vec<(&'static str, String)>,
) -> Result<i64, WebError> {
    let organisation_id = app.organisation_id("org-a").await;
    let mut args = vec![("organisation", "Kommune A".to_string()), ("reference", reference.to_string())];
    args.extend(extra);
    let mut tx = app.state.store.write().await?;
    let id = outbox::queue(
        &mut tx,
        &app.state,
        OutgoingMail {
            organisation_id: Some(organisation_id),
            to: to.to_string(),
            template: "application-receipt",
            language,
            args,
            related: Some(("application", 12)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An app that sends its mail to a port where no server listens (yet): the app and the port.
async fn mail_server_down() -> (TestApp, u16) {
    let port = free_port();
    (TestApp::spawn_with_smtp(&format!("smtp://127.0.0.1:{port}")).await, port)
}

#[tokio::test]
async fn a_receipt_arrives_over_smtp_in_the_recipients_language() {
    let (app, server) = TestApp::spawn_with_mail().await;
    let nb = queue_receipt(&app, "Kari.Nordmann@Example.org", Language::NorwegianBokmal, "K7-Q4M2").await.unwrap();
    let en = queue_receipt(&app, "john@example.org", Language::English, "B3-X9PZ").await.unwrap();

    // Nobody calls the delivery round here: the worker was woken by the commits.
    let received = server.wait_for(2, ARRIVAL).await;
    assert_eq!(received.len(), 2, "each message once: {received:?}");
    let to_kari = received.iter().find(|m| m.to.contains("kari.nordmann@example.org")).expect("Kari's receipt");
    assert_eq!(to_kari.envelope_to, "kari.nordmann@example.org");
    assert_eq!(to_kari.subject, "Kommune A: Vi har mottatt påmeldingen eller henvisningen");
    assert!(
        to_kari.body.starts_with("Hei,\n\ntakk! Kommune A har mottatt påmeldingen eller henvisningen."),
        "{}",
        to_kari.body
    );
    assert!(to_kari.body.contains("Referansekoden er K7-Q4M2."), "{}", to_kari.body);
    assert_eq!(to_kari.content_type, "text/plain");
    assert!(to_kari.from.contains("noreply@localhost"), "the default sender: {}", to_kari.from);
    assert!(to_kari.message_id.starts_with(&format!("<samla-outbox-{nb}.")), "{}", to_kari.message_id);

    let to_john = received.iter().find(|m| m.to.contains("john@example.org")).expect("John's receipt");
    assert_eq!(to_john.subject, "Kommune A: We have received your registration or referral");
    assert!(to_john.body.contains("Your reference code is B3-X9PZ."), "{}", to_john.body);
    assert!(to_john.body.contains("We will contact you."), "{}", to_john.body);

    for id in [nb, en] {
        // The worker marks the message right after the server accepted it.
        let mut message = app.outbox_message(id).await;
        for _ in 0..100 {
            if message.status == MessageStatus::Sent {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            message = app.outbox_message(id).await;
        }
        assert_eq!(message.status, MessageStatus::Sent);
        assert_eq!(message.attempts, 1);
        assert!(message.sent_at.is_some_and(|at| at >= message.created_at));
        assert_eq!((message.related_type.as_deref(), message.related_id), (Some("application"), Some(12)));
        assert_eq!(message.template, "application-receipt");
    }
    assert_eq!(app.deliver_due().await, 0, "nothing is sent twice");
    assert_eq!(server.received().len(), 2);
}

#[tokio::test]
async fn a_server_that_refuses_means_retries_with_backoff_until_it_answers() {
    let (app, port) = mail_server_down().await;
    let id = queue_receipt(&app, "kari@example.org", Language::NorwegianBokmal, "K7-Q4M2").await.unwrap();

    assert_eq!(app.deliver_due().await, 0, "nothing listens on port {port}");
    let message = app.outbox_message(id).await;
    assert_eq!(message.status, MessageStatus::Queued);
    assert_eq!(message.attempts, 1);
    let error = message.last_error.clone().expect("the error is kept");
    assert!(error.to_lowercase().contains("connect"), "{error}");
    let first_pause = next_attempt_delay(1).unwrap();
    assert!((first_pause - 5..=first_pause).contains(&(message.next_attempt_at - app.now())), "{message:?}");

    // The server comes up, but the message is not due yet: nothing is tried.
    let server = MailServer::start_on(port).await;
    assert_eq!(app.deliver_due().await, 0);
    assert_eq!(app.outbox_message(id).await.attempts, 1);
    assert!(server.received().is_empty());

    app.state.clock.advance(first_pause + 1);
    assert_eq!(app.deliver_due().await, 1);
    let received = server.wait_for(1, ARRIVAL).await;
    assert_eq!(received[0].envelope_to, "kari@example.org");
    assert!(received[0].body.contains("K7-Q4M2"));
    let message = app.outbox_message(id).await;
    assert_eq!((message.status.as_str(), message.attempts), ("sent", 2));
}

#[tokio::test]
async fn after_the_last_attempt_the_message_is_failed_shown_and_sent_again_by_hand() {
    let (app, port) = mail_server_down().await;
    app.relax_second_factor("org-a").await;
    app.add_user("org-a", "coordinator@example.no", "coordinator").await;
    let id = queue_receipt(&app, "kari@example.org", Language::NorwegianBokmal, "K7-Q4M2").await.unwrap();

    for attempt in 1..=MAX_ATTEMPTS {
        assert_eq!(app.deliver_due().await, 0);
        let message = app.outbox_message(id).await;
        assert_eq!(message.attempts, attempt);
        match next_attempt_delay(attempt) {
            Some(pause) => {
                assert_eq!(message.status, MessageStatus::Queued, "after attempt {attempt}");
                app.state.clock.advance(pause + 1);
            }
            None => assert_eq!(message.status, MessageStatus::Failed, "after the last attempt"),
        }
    }
    // A failed message waits for a person (for a week, see below).
    app.state.clock.advance(6 * 24 * 3600);
    assert_eq!(app.deliver_due().await, 0);
    assert_eq!(app.outbox_message(id).await.attempts, MAX_ATTEMPTS);

    let coordinator = app.logged_in("coordinator@example.no").await;
    let (status, page) = coordinator.get_html("/outbox?status=failed").await;
    assert_eq!(status, StatusCode::OK);
    let row = element_of(&page, &format!("message-{id}")).expect("the failed message is listed");
    assert!(row.contains("data-status=\"failed\"") && row.contains("kari@example.org"), "{row}");
    assert!(row.contains(&format!("action=\"/outbox/{id}/retry\"")), "a retry button: {row}");
    assert!(strip_tags(&row).contains("Feilet"), "{row}");
    assert!(strip_tags(&row).contains("Kan sendes på nytt til"), "until when: {row}");
    assert!(!page.contains("K7-Q4M2"), "the page shows subjects, never bodies");
    let (_, sent_only) = coordinator.get_html("/outbox?status=sent").await;
    assert!(element_of(&sent_only, &format!("message-{id}")).is_none());
    let (status, _) = coordinator.get_html("/outbox?status=lost").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let response = coordinator.submit("/outbox", &format!("/outbox/{id}/retry"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/outbox?saved=retried");
    let message = app.outbox_message(id).await;
    assert_eq!(message.status, MessageStatus::Queued);
    assert!(message.next_attempt_at <= app.now());
    assert_eq!(app.audit_count("outbox.retry", Some(("outbox_message", &id.to_string())), "success", None).await, 1);

    let server = MailServer::start_on(port).await;
    assert_eq!(app.deliver_due().await, 1);
    let received = server.wait_for(1, ARRIVAL).await;
    assert_eq!(received.len(), 1);
    let message = app.outbox_message(id).await;
    assert_eq!((message.status.as_str(), message.attempts), ("sent", MAX_ATTEMPTS + 1));

    // Only a failed message can be sent again.
    let again = coordinator.submit("/outbox", &format!("/outbox/{id}/retry"), &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn a_message_that_fails_again_after_a_retry_by_hand_is_failed_at_once() {
    let (app, _) = mail_server_down().await;
    app.add_user("org-a", "coordinator@example.no", "coordinator").await;
    let api = app.api(&app.token_for("coordinator@example.no").await);
    let id = queue_receipt(&app, "kari@example.org", Language::English, "B3-X9PZ").await.unwrap();
    for attempt in 1..=MAX_ATTEMPTS {
        app.deliver_due().await;
        if let Some(pause) = next_attempt_delay(attempt) {
            app.state.clock.advance(pause + 1);
        }
    }
    assert_eq!(app.outbox_message(id).await.status, MessageStatus::Failed);

    let first_failed_at = app.outbox_message(id).await.first_failed_at.expect("when it failed");

    app.state.clock.advance(3600);
    let (status, body) = Api::json_of(
        api.request(Method::POST, &format!("/organisations/org-a/outbox/{id}/retry")).send().await.unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "queued");
    assert_eq!(body["to"], "kari@example.org");
    app.deliver_due().await;
    let message = app.outbox_message(id).await;
    assert_eq!((message.status.as_str(), message.attempts), ("failed", MAX_ATTEMPTS + 1));
    assert_eq!(message.first_failed_at, Some(first_failed_at), "sending again does not restart the week");
}

#[tokio::test]
async fn a_delivered_message_keeps_no_link_in_the_outbox() {
    let (app, server) = TestApp::spawn_with_mail().await;
    app.add_user("org-a", "coordinator@example.no", "coordinator").await;
    let api = app.api(&app.token_for("coordinator@example.no").await);
    let (id, secret) = queue_receipt_with_link(&app, "kari@example.org").await;
    let queued = app.outbox_message(id).await;
    assert!(queued.body_text.contains(&secret), "kept until it is sent");

    let received = server.wait_for(1, ARRIVAL).await;
    assert!(received[0].body.contains(&format!("/withdraw/{secret}")), "the link arrives: {}", received[0].body);
    app.wait_until_outbox_is_empty().await;
    let table = app.outbox_table_text().await;
    assert!(!table.contains(&secret), "no link is kept once delivered: {table}");

    // Who, what, which kind and when are kept.
    let sent = app.outbox_message(id).await;
    assert_eq!(sent.status, MessageStatus::Sent);
    assert_eq!(sent.body_text, "");
    assert_eq!(sent.body_erased_at, sent.sent_at);
    assert_eq!(
        (sent.to_address.as_str(), sent.subject.as_str(), sent.template.as_str(), sent.created_at),
        ("kari@example.org", queued.subject.as_str(), "application-receipt", queued.created_at)
    );
    let (_, list) = api.get_json("/organisations/org-a/outbox").await;
    let item = &list["items"][0];
    assert_eq!((item["id"].as_i64(), item["status"].as_str()), (Some(id), Some("sent")), "{list}");
    assert_eq!(item["body_erased_at"], item["sent_at"]);
    assert!(item["resendable_until"].is_null(), "{item}");
}

#[tokio::test]
async fn a_failed_message_can_be_sent_again_for_a_week_and_then_its_text_is_erased() {
    let (app, port) = mail_server_down().await;
    app.relax_second_factor("org-a").await;
    app.add_user("org-a", "coordinator@example.no", "coordinator").await;
    let api = app.api(&app.token_for("coordinator@example.no").await);
    let (early, early_secret) = queue_receipt_with_link(&app, "kari@example.org").await;
    let (late, late_secret) = queue_receipt_with_link(&app, "per@example.org").await;
    for attempt in 1..=MAX_ATTEMPTS {
        assert_eq!(app.deliver_due().await, 0);
        if let Some(pause) = next_attempt_delay(attempt) {
            app.state.clock.advance(pause + 1);
        }
    }
    let failed = app.outbox_message(late).await;
    assert_eq!(failed.status, MessageStatus::Failed);
    let first_failed_at = failed.first_failed_at.expect("when it failed");
    let week = samla_domain::messages::RESEND_WINDOW_SECONDS;
    assert!(failed.body_text.contains(&late_secret), "kept while it can be sent again");

    // Six days on: nothing is erased, both can be sent again, and the page says until when.
    app.state.clock.advance(6 * 24 * 3600);
    assert_eq!(outbox::erase_expired(&app.state).await.unwrap(), 0);
    let (_, list) = api.get_json("/organisations/org-a/outbox?status=failed").await;
    for item in list["items"].as_array().unwrap() {
        assert_eq!(item["resendable_until"].as_i64(), Some(first_failed_at + week), "{item}");
        assert!(item["body_erased_at"].is_null());
    }
    let coordinator = app.logged_in("coordinator@example.no").await;
    let response = coordinator.submit("/outbox", &format!("/outbox/{early}/retry"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let server = MailServer::start_on(port).await;
    assert_eq!(app.deliver_due().await, 1);
    let received = server.wait_for(1, ARRIVAL).await;
    assert!(received[0].body.contains(&early_secret), "{}", received[0].body);

    // A week after it failed, the other can no longer be sent, even before the
    // housekeeping loop has erased it; then its text is gone.
    app.state.clock.advance(24 * 3600);
    let retry = api.request(Method::POST, &format!("/organisations/org-a/outbox/{late}/retry")).send().await.unwrap();
    let (status, problem) = Api::json_of(retry).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "status", "{problem}");
    assert!(problem.to_string().contains("7 dager"), "the answer says why: {problem}");
    let before_erasing = app.now();
    assert_eq!(outbox::erase_expired(&app.state).await.unwrap(), 1);
    let erased_by = app.now();
    let table = app.outbox_table_text().await;
    for secret in [&early_secret, &late_secret] {
        assert!(!table.contains(secret.as_str()), "no link is kept: {table}");
    }
    let erased = app.outbox_message(late).await;
    assert_eq!((erased.status.as_str(), erased.body_text.as_str()), ("failed", ""));
    // The clock is the wall clock plus the test's offset, so a second may pass meanwhile.
    let erased_at = erased.body_erased_at.expect("when it was erased");
    assert!((before_erasing..=erased_by).contains(&erased_at), "{erased_at}");
    assert_eq!((erased.to_address.as_str(), erased.subject.as_str()), ("per@example.org", failed.subject.as_str()));

    let coordinator = app.logged_in("coordinator@example.no").await;
    let (_, page) = coordinator.get_html("/outbox?status=failed").await;
    let row = element_of(&page, &format!("message-{late}")).expect("still listed");
    assert!(!row.contains("/retry"), "no retry button: {row}");
    assert!(strip_tags(&row).contains("kan ikke sendes på nytt"), "the page says why: {row}");
    let (_, list) = api.get_json("/organisations/org-a/outbox?status=failed").await;
    let item = &list["items"][0];
    assert!(item["resendable_until"].is_null() && item["body_erased_at"].as_i64() == Some(erased_at), "{item}");
    let again = coordinator.submit("/outbox", &format!("/outbox/{late}/retry"), &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(app.deliver_due().await, 0);
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn only_coordinators_and_secretaries_see_the_outbox() {
    // No SMTP server: mail stays queued, which the page says.
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let id = queue_receipt(&app, "kari@example.org", Language::NorwegianBokmal, "K7-Q4M2").await.unwrap();
    assert_eq!(app.deliver_due().await, 0);
    assert_eq!(app.outbox_message(id).await.attempts, 0, "without SMTP nothing is attempted");

    for (role, allowed) in [
        ("coordinator", true),
        ("secretary", true),
        ("group_leader", false),
        ("user_representative", false),
        ("admin", false),
        ("analyst", false),
    ] {
        let email = format!("{role}@example.no");
        let user_id = app.add_user("org-a", &email, role).await;
        let browser = app.logged_in(&email).await;
        let (status, page) = browser.get_html("/outbox").await;
        let (_, home) = browser.get_html("/").await;
        let in_nav = hrefs(&nav_of(&home)).contains(&"/outbox".to_string());
        let api = app.api(&app.token_for(&email).await);
        let (api_status, list) = api.get_json("/organisations/org-a/outbox").await;
        let retry = api.request(Method::POST, &format!("/organisations/org-a/outbox/{id}/retry")).send().await.unwrap();
        if allowed {
            assert_eq!(status, StatusCode::OK, "{role}");
            assert!(page.contains("kari@example.org"), "{role} sees the recipient");
            assert!(
                element_of(&page, &format!("message-{id}")).is_some_and(|row| row.contains("data-status=\"queued\""))
            );
            assert!(strip_tags(&page).contains("SAMLA_SMTP_URL"), "the page says mail stays queued");
            assert!(in_nav, "{role} has the outbox in the navigation");
            assert_eq!(api_status, StatusCode::OK, "{role}: {list}");
            let item = list["items"].as_array().and_then(|items| items.iter().find(|m| m["id"] == id)).expect("listed");
            assert_eq!(item["to"], "kari@example.org");
            assert_eq!(item["subject"], "Kommune A: Vi har mottatt påmeldingen eller henvisningen");
            assert_eq!(item["status"], "queued");
            assert_eq!(item["template"], "application-receipt");
            assert_eq!(item["related_type"], "application");
            assert!(item.get("body").is_none() && item.get("body_text").is_none(), "no bodies in the API: {item}");
            assert_eq!(retry.status(), StatusCode::CONFLICT, "{role}: a queued message is not retried");
            // Each look at the list is audited: page and API.
            let organisation = app.organisation_id("org-a").await.to_string();
            let reads =
                app.audit_count("outbox.list", Some(("organisation", &organisation)), "success", Some(user_id)).await;
            assert_eq!(reads, 2, "{role}");
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{role}");
            assert!(!page.contains("kari@example.org"), "{role}");
            assert!(!in_nav, "{role} is not offered the outbox");
            assert_eq!(api_status, StatusCode::FORBIDDEN, "{role}: {list}");
            assert_eq!(retry.status(), StatusCode::FORBIDDEN, "{role}");
            let denials = app.audit_count("manage_intake", None, "denied", Some(user_id)).await;
            assert_eq!(denials, 3, "{role}: page, list and retry refusals are audited");
            assert_eq!(app.audit_count("outbox.list", None, "success", Some(user_id)).await, 0, "{role}");
        }
    }
}

#[tokio::test]
async fn the_api_lists_a_page_at_a_time_with_a_status_filter() {
    let app = TestApp::spawn().await;
    app.add_organisation("org-b", "Kommune B", "NO").await;
    app.add_user("org-a", "secretary@example.no", "secretary").await;
    let api = app.api(&app.token_for("secretary@example.no").await);
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(queue_receipt(&app, &format!("person{n}@example.org"), Language::NorwegianBokmal, "R").await.unwrap());
    }

    let (status, first) = api.get_json("/organisations/org-a/outbox?limit=2").await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let first_ids: Vec<i64> = first["items"].as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
    assert_eq!(first_ids, vec![ids[2], ids[1]], "newest first");
    let cursor = first["next_cursor"].as_str().expect("a next page").to_string();
    let (_, second) = api.get_json(&format!("/organisations/org-a/outbox?limit=2&cursor={cursor}")).await;
    let second_ids: Vec<i64> = second["items"].as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
    assert_eq!(second_ids, vec![ids[0]]);
    assert!(second["next_cursor"].is_null());

    let (_, queued) = api.get_json("/organisations/org-a/outbox?status=queued").await;
    assert_eq!(queued["items"].as_array().unwrap().len(), 3);
    let (_, sent) = api.get_json("/organisations/org-a/outbox?status=sent").await;
    assert_eq!(sent["items"].as_array().unwrap().len(), 0);
    let (status, _) = api.get_json("/organisations/org-a/outbox?status=lost").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = api.get_json("/organisations/org-a/outbox?limit=0").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Another organisation's outbox is another organisation's.
    let (status, _) = api.get_json("/organisations/org-b/outbox").await;
    assert!(status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN, "{status}");
    let response = api.request(Method::POST, "/organisations/org-a/outbox/999999/retry").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_never_send_the_same_message_twice() {
    let server = MailServer::start().await;
    let app = TestApp::spawn_with_smtp(&server.url()).await;
    let count = 12;
    for n in 0..count {
        queue_receipt(&app, &format!("person{n}@example.org"), Language::English, &format!("R{n}")).await.unwrap();
    }
    let (a, b) = tokio::join!(
        samla_web::outbox_worker::deliver_due(&app.state),
        samla_web::outbox_worker::deliver_due(&app.state)
    );
    assert_eq!(a.unwrap() + b.unwrap(), count);
    let received = server.wait_for(count, ARRIVAL).await;
    let mut recipients: Vec<String> = received.iter().map(|m| m.envelope_to.clone()).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(received.len(), count, "each message once");
    assert_eq!(recipients.len(), count);
}

#[tokio::test]
async fn an_address_that_is_no_address_is_refused_when_queued() {
    let app = TestApp::spawn().await;
    for bad in ["", "kari", "kari@example", "kari nordmann@example.org"] {
        match queue_receipt(&app, bad, Language::NorwegianBokmal, "R").await {
            Err(WebError::Invalid(errors)) => assert_eq!(errors.0[0].field, "email", "{bad}"),
            other => panic!("{bad:?} was accepted: {other:?}"),
        }
    }
    let rows: i64 = app.scalar("SELECT COUNT(*) FROM outbox_messages", ()).await;
    assert_eq!(rows, 0, "nothing queued");
}

/// `samla serve` as an operator runs it: the binary at `db`, mail settings from the
/// environment.
fn serve_command(db: &ScratchDatabase, smtp_url: &str) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_samla"));
    command.arg("--data-dir").arg(&db.dir.0).args(["serve", "--bind", &format!("127.0.0.1:{}", free_port()), "--demo"]);
    for name in ["SAMLA_DATA_DIR", "SAMLA_DATABASE_URL", "SAMLA_BIND", "SAMLA_PUBLIC_URL", "SAMLA_OUTBOX_POLL_SECONDS"]
    {
        command.env_remove(name);
    }
    if let Some(url) = &db.url {
        command.env("SAMLA_DATABASE_URL", url);
    }
    command
        .env("SAMLA_SMTP_URL", smtp_url)
        .env("SAMLA_MAIL_FROM", "Kommune Demo <post@demo.samla.test>")
        .env("SAMLA_LOG", "warn")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true);
    command
}

#[tokio::test]
async fn samla_serve_sends_the_outbox_to_the_configured_server_and_stops_cleanly() {
    let server = MailServer::start().await;
    let db = ScratchDatabase::new().await;
    let mut child = serve_command(&db, &server.url()).spawn().expect("serve starts");
    // The demo queues one receipt; the worker started by `serve` sends it. (The demo's
    // running course may have reminders due as well; they are not counted here.)
    let is_receipt = |m: &ReceivedMail| m.envelope_to == "guardian@demo.samla.test";
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let receipt = loop {
        if let Some(receipt) = server.received().into_iter().find(is_receipt) {
            break receipt;
        }
        assert!(std::time::Instant::now() < deadline, "the demo's receipt arrives within 60 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(receipt.from.contains("post@demo.samla.test"), "SAMLA_MAIL_FROM is the sender: {}", receipt.from);
    assert!(receipt.subject.ends_with("Vi har mottatt påmeldingen eller henvisningen"), "{}", receipt.subject);

    let pid = child.id().expect("running").to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("serve and its outbox worker stop within 20 s of SIGTERM")
        .expect("status");
    assert_eq!(status.code(), Some(0));
    let receipts = server.received().iter().filter(|m| is_receipt(m)).count();
    assert_eq!(receipts, 1, "the demo's receipt once, also across the stop");
}

#[tokio::test]
async fn samla_serve_refuses_an_smtp_address_it_cannot_use_without_repeating_its_password() {
    let db = ScratchDatabase::new().await;
    let output = tokio::time::timeout(
        Duration::from_secs(60),
        serve_command(&db, "imap://mailer:hunter2@mail.example.org").output(),
    )
    .await
    .expect("serve ends")
    .expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("SAMLA_SMTP_URL") && !stderr.contains("hunter2"), "{stderr}");
}

/// The start tag and content of the element with this id (up to its closing `</tr>`),
/// or `None`.
fn element_of(html: &str, id: &str) -> Option<String> {
    let start = html.find(&format!("id=\"{id}\""))?;
    let tag_start = html[..start].rfind('<')?;
    let end = start + html[start..].find("</tr>")?;
    Some(html[tag_start..end].to_string())
}
