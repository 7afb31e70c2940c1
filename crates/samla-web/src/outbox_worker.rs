//! Delivery of the outbox over SMTP.
//!
//! Mail is queued by services in the same transaction as the change it is about
//! ([`crate::services::outbox::queue`]); this worker sends what is due, one SMTP
//! connection per message, and records the outcome: sent, or a failed attempt that is
//! tried again later (the domain's retry policy) until the last one, after which the
//! message is `failed` and waits for a person to send it again.
//!
//! Delivery is at least once: a message whose SMTP send succeeded but whose "sent" mark
//! could not be written (the process died in between) is sent again when its lease runs
//! out. That is rare and better than losing a receipt.

use crate::error::WebError;
use crate::AppState;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use samla_domain::messages::next_attempt_delay;
use samla_storage::outbox::{self, OutboxMessage};
use std::future::Future;
use std::time::{Duration, SystemTime};

/// The sender when `SAMLA_MAIL_FROM` is not set.
pub const DEFAULT_FROM: &str = "samla <noreply@localhost>";
/// How often the worker looks for due mail when nobody wakes it.
pub const DEFAULT_POLL_SECONDS: u64 = 30;
/// Per SMTP command; a server that does not answer in this time counts as a failed
/// attempt (tried again later).
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// Messages claimed at a time.
const BATCH: i64 = 10;
/// How long a claimed message is left to its worker before another may try it. A
/// batch is sent one message after the other, each within a few SMTP timeouts, so this
/// is far above what a batch takes even against a server that stalls.
const LEASE_SECONDS: i64 = 30 * 60;
/// The longest error text kept with a message (the SMTP server's answer can be long).
const MAX_ERROR_CHARS: usize = 500;

/// How the outbox is delivered (from `SAMLA_SMTP_URL`, `SAMLA_MAIL_FROM`,
/// `SAMLA_OUTBOX_POLL_SECONDS`).
#[derive(Clone)]
pub struct MailSettings {
    /// `smtp://host:port` (plain SMTP, for a relay on the same host or network),
    /// `smtp://host:587?tls=required` (STARTTLS) or `smtps://host:465` (TLS), with
    /// `user:password@` when the server wants a login. `None`: mail stays queued.
    pub smtp_url: Option<String>,
    /// The `From` of every mail, e.g. `Kommune A <noreply@kommune.no>`.
    pub from: String,
    pub poll_seconds: u64,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self { smtp_url: None, from: DEFAULT_FROM.to_string(), poll_seconds: DEFAULT_POLL_SECONDS }
    }
}

impl std::fmt::Debug for MailSettings {
    // The SMTP address may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "(set)"))
            .field("from", &self.from)
            .field("poll_seconds", &self.poll_seconds)
            .finish()
    }
}

/// The SMTP transport and sender, made once at start.
pub(crate) struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// Why one attempt did not deliver.
struct Failure {
    /// Kept with the message for the coordinator.
    text: String,
    /// For the log, which never holds the server's text (it may name the recipient).
    kind: &'static str,
    /// Trying again cannot help (an address that is no address, a 5xx answer).
    permanent: bool,
}

impl Mailer {
    /// `None` without an SMTP address. The errors never repeat the address, which may
    /// hold a password.
    pub(crate) fn new(settings: &MailSettings) -> Result<Option<Mailer>, String> {
        let from: Mailbox =
            settings.from.trim().parse().map_err(|e| format!("SAMLA_MAIL_FROM is not a usable sender: {e}"))?;
        let Some(url) = settings.smtp_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SAMLA_SMTP_URL cannot be used: {e}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Some(Mailer { transport, from }))
    }

    async fn send(&self, message: &OutboxMessage, now: i64) -> Result<(), Failure> {
        let to: Mailbox = message.to_address.parse().map_err(|e| Failure {
            text: truncate(&format!("invalid recipient address: {e}")),
            kind: "address",
            permanent: true,
        })?;
        // The id and creation time make the Message-ID unique per message and the same
        // for every attempt, so a receiving server can drop a repeat.
        let domain = self.from.email.domain().to_string();
        let mail = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(format!("<samla-outbox-{}.{}@{domain}>", message.id, message.created_at)))
            .date(SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(now).unwrap_or(0)))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body_text.clone())
            .map_err(|e| Failure {
                text: truncate(&format!("cannot build the message: {e}")),
                kind: "build",
                permanent: true,
            })?;
        self.transport.send(mail).await.map(|_| ()).map_err(|e| Failure {
            text: truncate(&e.to_string()),
            kind: if e.is_timeout() {
                "timeout"
            } else if e.is_tls() {
                "tls"
            } else if e.is_permanent() {
                "permanent"
            } else if e.is_transient() {
                "transient"
            } else {
                "connection"
            },
            permanent: e.is_permanent(),
        })
    }
}

fn truncate(text: &str) -> String {
    match text.char_indices().nth(MAX_ERROR_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Whether mail leaves this instance at all (`SAMLA_SMTP_URL` set).
pub fn sends_mail(state: &AppState) -> bool {
    state.mailer.is_some()
}

/// Sends every message that is due now and returns how many went out. Without an SMTP
/// address nothing happens (mail stays queued). Safe to run in several places at once:
/// each message is claimed by one caller.
pub async fn deliver_due(state: &AppState) -> Result<usize, WebError> {
    let Some(mailer) = state.mailer.clone() else {
        return Ok(0);
    };
    let mut sent = 0;
    loop {
        let now = state.clock.now();
        let mut tx = state.store.write().await?;
        let batch = outbox::claim_due(&mut tx.tx, now, now + LEASE_SECONDS, BATCH).await?;
        tx.commit().await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        // A failed attempt moves the message's next attempt into the future, so the
        // next claim does not return it again and this loop ends.
        for message in batch {
            let outcome = mailer.send(&message, state.clock.now()).await;
            let now = state.clock.now();
            let mut tx = state.store.write().await?;
            match outcome {
                Ok(()) => {
                    if outbox::mark_sent(&mut tx.tx, message.id, now).await? {
                        sent += 1;
                    }
                }
                Err(failure) => {
                    let attempts = message.attempts + 1;
                    let retry_at =
                        if failure.permanent { None } else { next_attempt_delay(attempts).map(|delay| now + delay) };
                    outbox::record_failure(&mut tx.tx, message.id, &failure.text, retry_at, now).await?;
                    tracing::warn!(
                        message_id = message.id,
                        attempts,
                        kind = failure.kind,
                        gave_up = retry_at.is_none(),
                        "outbox: delivery attempt failed"
                    );
                }
            }
            tx.commit().await?;
        }
    }
}

/// Runs until `shutdown` resolves: delivers what is due, then waits until a service
/// queues mail ([`crate::services::outbox::queue`] wakes it after its commit) or
/// `poll_seconds` pass (retries that have become due, messages queued by another
/// instance). Returns at once when this instance sends no mail.
pub async fn run(state: AppState, shutdown: impl Future<Output = ()>) {
    if state.mailer.is_none() {
        return;
    }
    let poll = Duration::from_secs(state.mail.poll_seconds.max(1));
    tokio::pin!(shutdown);
    loop {
        match deliver_due(&state).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "outbox: mail sent"),
            Err(error) => tracing::error!(?error, "outbox: delivery stopped; trying again at the next poll"),
        }
        tokio::select! {
            biased;
            _ = &mut shutdown => break,
            _ = state.outbox_wakeup.notified() => {}
            _ = tokio::time::sleep(poll) => {}
        }
    }
    tracing::info!("outbox worker stopped");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(url: Option<&str>, from: &str) -> MailSettings {
        MailSettings { smtp_url: url.map(str::to_string), from: from.to_string(), poll_seconds: 30 }
    }

    #[test]
    fn the_default_sender_and_the_documented_addresses_are_accepted() {
        assert!(Mailer::new(&settings(None, DEFAULT_FROM)).unwrap().is_none());
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://mail.example.org:587?tls=required",
            "smtps://user:secret@mail.example.org",
        ] {
            assert!(Mailer::new(&settings(Some(url), DEFAULT_FROM)).unwrap().is_some(), "{url}");
        }
        assert!(Mailer::new(&settings(Some("  "), DEFAULT_FROM)).unwrap().is_none(), "blank means unset");
    }

    #[test]
    fn unusable_settings_are_refused_without_repeating_a_password() {
        let error = Mailer::new(&settings(Some("imap://user:hunter2@mail.example.org"), DEFAULT_FROM)).err().unwrap();
        assert!(error.contains("SAMLA_SMTP_URL") && !error.contains("hunter2"), "{error}");
        let error = Mailer::new(&settings(None, "not an address")).err().unwrap();
        assert!(error.contains("SAMLA_MAIL_FROM"), "{error}");
        let shown = format!("{:?}", settings(Some("smtps://user:hunter2@mail.example.org"), DEFAULT_FROM));
        assert!(!shown.contains("hunter2"), "{shown}");
    }

    #[test]
    fn long_errors_are_cut_on_a_character_boundary() {
        let long = "æ".repeat(MAX_ERROR_CHARS + 10);
        let cut = truncate(&long);
        assert_eq!(cut.chars().count(), MAX_ERROR_CHARS + 1);
        assert_eq!(truncate("short"), "short");
    }
}
