//! Outgoing mail: queued in the outbox inside the business operation it belongs to,
//! delivered by [`crate::outbox_worker`], and shown to coordinators and secretaries,
//! who can send a failed message again.
//!
//! Subject and body are rendered when the message is queued, from the translation keys
//! `mail-<template>-subject` and `mail-<template>-body` in the recipient's language, so
//! the outbox shows exactly what was (or will be) sent. No mail may carry health,
//! substance-use or child-welfare details: the test at the end of this file holds the
//! names of the only values a mail text may contain.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::accounts::{Email, Language};
use samla_domain::audit::Outcome;
use samla_domain::messages::{is_template_name, subject_line, MessageStatus};
use samla_domain::{Action, Decision, FieldError, FieldErrors, RoleSet, Scope};
use samla_storage::outbox::{self, NewMessage, OutboxMessage, OutboxQuery};
use samla_storage::{audit, StoreError, WriteTx};

/// One mail to queue.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// The organisation whose outbox shows the message (`None`: no organisation's).
    pub organisation_id: Option<i64>,
    /// The recipient's address.
    pub to: String,
    /// The message key, e.g. `application-receipt`: the texts are
    /// `mail-application-receipt-subject` and `mail-application-receipt-body`.
    pub template: &'static str,
    /// The recipient's language.
    pub language: Language,
    /// Values for the texts' `{ $name }` placeables.
    pub args: Vec<(&'static str, String)>,
    /// The record the message is about, e.g. `("application", 12)`.
    pub related: Option<(&'static str, i64)>,
}

/// Queues a mail as part of the caller's business operation (`tx`): it is sent only if
/// that operation commits, and the delivery worker is woken once it has. Returns the
/// message's id.
///
/// A recipient address that is not an address is refused as the field `email`; a
/// template without texts in the language is a programming error (500).
pub async fn queue(tx: &mut WriteTx, state: &AppState, message: OutgoingMail) -> Result<i64, WebError> {
    let to = Email::parse("email", &message.to).map_err(FieldErrors::single)?;
    // The domain's check is deliberately lenient; the address must also be one the
    // SMTP side can put in an envelope, or the message could never leave.
    if to.as_str().parse::<lettre::Address>().is_err() {
        return Err(FieldErrors::single(FieldError::new("email", "error-email-invalid")).into());
    }
    let subject_key = format!("mail-{}-subject", message.template);
    let body_key = format!("mail-{}-body", message.template);
    if !is_template_name(message.template)
        || !state.i18n.has(message.language, &subject_key)
        || !state.i18n.has(message.language, &body_key)
    {
        return Err(WebError::Internal(format!(
            "mail template {:?} has no texts in {}",
            message.template,
            message.language.code()
        )));
    }
    let subject = subject_line(&state.i18n.text(message.language, &subject_key, &message.args));
    let body = state.i18n.text(message.language, &body_key, &message.args);
    let id = outbox::insert(
        &mut tx.tx,
        &NewMessage {
            organisation_id: message.organisation_id,
            to_address: to.as_str(),
            subject: &subject,
            body_text: &body,
            template: message.template,
            language: message.language.code(),
            related: message.related,
        },
        state.clock.now(),
    )
    .await?;
    // Woken before the commit, the worker could look before the row is visible and
    // then sleep a whole poll interval.
    let wakeup = state.outbox_wakeup.clone();
    tx.after_commit(move || wakeup.notify_one());
    Ok(id)
}

/// Whether these roles may see the outbox: it is the whole organisation's, so only a
/// role that manages intake for the whole organisation (coordinator, secretary) may; a
/// narrower grant (intake for one's own courses) is not enough.
pub fn may_see_outbox(roles: &RoleSet) -> bool {
    roles.decide(Action::ManageIntake) == Decision::Allow(Scope::Organisation)
}

/// [`Actor::authorize`] for the outbox, with the scope [`may_see_outbox`] asks for; a
/// refusal is audited like any other.
pub async fn authorize_outbox(state: &AppState, actor: &Actor) -> Result<(), WebError> {
    if actor.authorize(state, Action::ManageIntake).await? == Scope::Organisation {
        return Ok(());
    }
    crate::services::audit::record(state, actor.event(Action::ManageIntake.as_str(), Outcome::Denied)).await?;
    Err(WebError::Forbidden)
}

/// The most messages one list answer holds.
pub const MAX_PAGE: i64 = 200;

/// Which messages to list.
#[derive(Debug, Clone, Copy)]
pub struct OutboxFilter {
    pub status: Option<MessageStatus>,
    /// The previous page's last id (newest first).
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// The organisation's outbox, newest first. It shows recipients' addresses, so every
/// look is audited.
pub async fn list(state: &AppState, actor: &Actor, filter: OutboxFilter) -> Result<Vec<OutboxMessage>, WebError> {
    authorize_outbox(state, actor).await?;
    actor.record_read(state, "outbox.list", "organisation", actor.organisation.id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let query = OutboxQuery {
        organisation_id: actor.organisation.id,
        status: filter.status,
        before_id: filter.before_id,
        limit: filter.limit.clamp(1, MAX_PAGE),
    };
    Ok(outbox::list(&mut conn, &query).await?)
}

/// Until when a person can send `message` again, if they can at `now`: a failed message
/// whose text is kept, within its window ([`samla_domain::messages::RESEND_WINDOW_SECONDS`]).
pub fn resendable_until(message: &OutboxMessage, now: i64) -> Option<i64> {
    if message.status != MessageStatus::Failed || message.body_erased_at.is_some() {
        return None;
    }
    let until = samla_domain::messages::resendable_until(message.first_failed_at.unwrap_or(now));
    (until > now).then_some(until)
}

/// Sends a failed message again now. It gets one more attempt; if that fails too, it is
/// failed again (and can be retried again while its window lasts). A message that is
/// not failed, or whose text was erased because its window passed, is refused (409);
/// one of another organisation is not found.
pub async fn retry(state: &AppState, actor: &Actor, message_id: i64) -> Result<OutboxMessage, WebError> {
    authorize_outbox(state, actor).await?;
    let now = state.clock.now();
    let cutoff = samla_domain::messages::resend_cutoff(now);
    let mut tx = state.store.write().await?;
    let message = outbox::get(&mut tx.tx, actor.organisation.id, message_id).await?;
    if message.status != MessageStatus::Failed {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("status", "error-outbox-not-failed"))));
    }
    if !outbox::requeue(&mut tx.tx, actor.organisation.id, message_id, cutoff, now).await? {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("status", "error-outbox-erased"))));
    }
    audit::append(&mut tx, &actor.event("outbox.retry", Outcome::Success).record("outbox_message", message_id), now)
        .await?;
    let message = outbox::get(&mut tx.tx, actor.organisation.id, message_id).await?;
    let wakeup = state.outbox_wakeup.clone();
    tx.after_commit(move || wakeup.notify_one());
    tx.commit().await?;
    Ok(message)
}

/// Erases the text of failed messages whose window to be sent again has passed (the
/// housekeeping loop); returns how many.
pub async fn erase_expired(state: &AppState) -> Result<u64, WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let erased = outbox::erase_expired_failures(&mut tx.tx, samla_domain::messages::resend_cutoff(now), now).await?;
    tx.commit().await?;
    Ok(erased)
}

/// The demo's outbox: one application receipt, so the outbox page has something to
/// show. Added only when the organisation's outbox is empty. Goes to a `.test` address
/// (a name that never resolves), so a demo with an SMTP server configured sends
/// nothing anywhere real.
pub async fn seed_demo(state: &AppState, organisation_id: i64, organisation_name: &str) -> Result<(), WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let query = OutboxQuery { organisation_id, limit: 1, ..Default::default() };
    if !outbox::list(&mut conn, &query).await?.is_empty() {
        return Ok(());
    }
    drop(conn);
    let mut tx = state.store.write().await?;
    queue(
        &mut tx,
        state,
        OutgoingMail {
            organisation_id: Some(organisation_id),
            to: "guardian@demo.samla.test".into(),
            template: "application-receipt",
            language: Language::NorwegianBokmal,
            args: vec![("organisation", organisation_name.to_string()), ("reference", "DEMO-7Q4K".into())],
            related: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::i18n::I18n;
    use samla_domain::accounts::Language;

    /// The only values a mail's text may contain. Mail leaves samla for inboxes that
    /// others may read, so none of these may ever tell about health, substance use or
    /// child welfare. Before adding a name here, make sure no value of it can: a
    /// course's or programme's name can ("group for children of parents with mental
    /// illness"), so neither is here.
    const ALLOWED_MAIL_VALUES: &[&str] = &["organisation", "reference", "name", "date", "time", "link", "days"];

    const SOURCES: [(Language, &str); 2] = [
        (Language::NorwegianBokmal, include_str!("../../locales/nb/main.ftl")),
        (Language::English, include_str!("../../locales/en/main.ftl")),
    ];

    /// Each `mail-…` message of a locale source with the `$names` it uses.
    fn mail_messages(source: &str) -> Vec<(String, Vec<String>)> {
        let mut messages: Vec<(String, Vec<String>)> = Vec::new();
        let mut current: Option<usize> = None;
        for line in source.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                current = None;
                if let Some((key, _)) = line.split_once(" =") {
                    if key.starts_with("mail-") {
                        messages.push((key.trim().to_string(), Vec::new()));
                        current = Some(messages.len() - 1);
                    }
                }
            } else if line.starts_with('#') {
                current = None;
            }
            if let Some(index) = current {
                for rest in line.split('$').skip(1) {
                    let name: String =
                        rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
                    messages[index].1.push(name);
                }
            }
        }
        messages
    }

    #[test]
    fn mail_texts_hold_only_values_without_health_details() {
        let mut checked = 0;
        for (language, source) in SOURCES {
            for (key, names) in mail_messages(source) {
                for name in names {
                    assert!(
                        ALLOWED_MAIL_VALUES.contains(&name.as_str()),
                        "{key} ({}) uses ${name}, which is not among the values a mail may hold",
                        language.code()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 4, "found only {checked} mail texts");
    }

    #[test]
    fn every_mail_template_has_a_subject_and_a_body_in_every_language() {
        let i18n = I18n::load();
        for (language, source) in SOURCES {
            for (key, _) in mail_messages(source) {
                let template = key
                    .strip_prefix("mail-")
                    .and_then(|k| k.strip_suffix("-subject").or_else(|| k.strip_suffix("-body")))
                    .unwrap_or_else(|| panic!("{key} is neither mail-<template>-subject nor -body"));
                assert!(samla_domain::messages::is_template_name(template), "{key}");
                for other in Language::ALL {
                    for part in ["subject", "body"] {
                        let wanted = format!("mail-{template}-{part}");
                        assert!(
                            i18n.has(other, &wanted),
                            "{wanted} missing in {} ({key} in {})",
                            other.code(),
                            language.code()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_application_receipt_renders_with_its_values() {
        let i18n = I18n::load();
        let args = [("organisation", "Kommune A".to_string()), ("reference", "K7-Q4M2".to_string())];
        for language in Language::ALL {
            let subject = i18n.text(language, "mail-application-receipt-subject", &args);
            let body = i18n.text(language, "mail-application-receipt-body", &args);
            assert!(!subject.contains('\n') && subject.contains("Kommune A"), "{subject}");
            assert!(body.contains("K7-Q4M2") && body.contains("Kommune A"), "{body}");
            assert!(body.contains("\n\n"), "paragraphs are kept: {body:?}");
        }
    }
}
