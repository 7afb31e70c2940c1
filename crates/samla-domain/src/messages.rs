//! Outgoing mail: the states of a message in the outbox and the retry policy.
//!
//! Delivery can fail for a while (the mail server is down, the network is out), so a
//! message is tried again with growing pauses and given up after the last one; a person
//! can then send it again from the outbox.

/// Pauses (seconds) after the 1st, 2nd, … failed attempt: 1 min, 5 min, 30 min, 2 h,
/// 6 h. Together about 8.5 hours: long enough to ride out a mail server's restart or an
/// evening's outage, short enough that a receipt that cannot go out shows up as failed
/// the same day.
pub const RETRY_DELAYS: [i64; 5] = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60];

/// How many attempts a message gets before it is `failed`.
pub const MAX_ATTEMPTS: i64 = RETRY_DELAYS.len() as i64 + 1;

/// How long a failed message can be sent again by hand, counted from the first time it
/// failed: a week, so a coordinator who looks at the outbox once a week still can. Then
/// its text, which may hold a one-time link (consent, withdrawal, an offer, a
/// questionnaire), is erased, so no link lives on in the database; a sent message's text
/// is erased as it is marked sent.
pub const RESEND_WINDOW_SECONDS: i64 = 7 * 24 * 60 * 60;

/// Until when (unix seconds, exclusive) a message that first failed at `first_failed_at`
/// can be sent again.
pub fn resendable_until(first_failed_at: i64) -> i64 {
    first_failed_at.saturating_add(RESEND_WINDOW_SECONDS)
}

/// The first failure time whose message is past its window at `now`: messages that
/// first failed at or before it have their text erased.
pub fn resend_cutoff(now: i64) -> i64 {
    now.saturating_sub(RESEND_WINDOW_SECONDS)
}

/// Seconds to wait before trying again after `failed_attempts` attempts have failed
/// (counting the one that just failed); `None` when that was the last attempt.
pub fn next_attempt_delay(failed_attempts: i64) -> Option<i64> {
    let index = usize::try_from(failed_attempts.checked_sub(1)?).ok()?;
    RETRY_DELAYS.get(index).copied()
}

/// Where a message is in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Waiting to be sent (for the first time or again after a failed attempt).
    Queued,
    Sent,
    /// Every attempt failed; waits for a person to send it again.
    Failed,
}

impl MessageStatus {
    pub const ALL: [MessageStatus; 3] = [MessageStatus::Queued, MessageStatus::Sent, MessageStatus::Failed];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Queued => "queued",
            MessageStatus::Sent => "sent",
            MessageStatus::Failed => "failed",
        }
    }

    pub fn parse(raw: &str) -> Option<MessageStatus> {
        MessageStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

try_from_text!(MessageStatus, "message status");

/// A message template's name (`application-receipt`): lower-case words joined by `-`,
/// as it appears in the translation keys `mail-<template>-subject` and `-body`.
pub fn is_template_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 60
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A subject line as it may go into a mail header: one line, no control characters,
/// runs of white space made one space.
pub fn subject_line(raw: &str) -> String {
    raw.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_gives_up() {
        assert_eq!(next_attempt_delay(1), Some(60));
        assert_eq!(next_attempt_delay(2), Some(300));
        assert_eq!(next_attempt_delay(3), Some(1800));
        assert_eq!(next_attempt_delay(4), Some(7200));
        assert_eq!(next_attempt_delay(5), Some(21600));
        assert_eq!(next_attempt_delay(6), None);
        assert_eq!(MAX_ATTEMPTS, 6);
        let delays: Vec<i64> = (1..MAX_ATTEMPTS).filter_map(next_attempt_delay).collect();
        assert!(delays.windows(2).all(|w| w[0] < w[1]), "each pause longer than the one before: {delays:?}");
    }

    #[test]
    fn nonsense_attempt_counts_give_up_instead_of_panicking() {
        for n in [i64::MIN, -1, 0, 7, 100, i64::MAX] {
            assert_eq!(next_attempt_delay(n), None, "{n}");
        }
    }

    #[test]
    fn a_message_retried_by_hand_that_fails_again_is_failed_at_once() {
        // A person's retry gives one more attempt; it does not restart the schedule.
        assert_eq!(next_attempt_delay(MAX_ATTEMPTS + 1), None);
    }

    #[test]
    fn a_failed_message_can_be_sent_again_for_a_week_and_then_no_more() {
        let failed_at = 1_000_000;
        let until = resendable_until(failed_at);
        assert_eq!(until - failed_at, 7 * 24 * 3600);
        assert!(resend_cutoff(until - 1) < failed_at, "still within its window a second before");
        assert_eq!(resend_cutoff(until), failed_at, "erased from its end on");
        assert_eq!(resendable_until(i64::MAX), i64::MAX);
        assert_eq!(resend_cutoff(i64::MIN), i64::MIN);
    }

    #[test]
    fn statuses_round_trip() {
        for status in MessageStatus::ALL {
            assert_eq!(MessageStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(MessageStatus::parse("sending"), None);
        assert_eq!(MessageStatus::parse(""), None);
    }

    #[test]
    fn template_names_are_kebab_case() {
        assert!(is_template_name("application-receipt"));
        assert!(is_template_name("reminder2"));
        for bad in ["", "-x", "x-", "a--b", "Application", "a_b", "a b", "æ"] {
            assert!(!is_template_name(bad), "{bad}");
        }
    }

    #[test]
    fn subjects_are_one_clean_line() {
        assert_eq!(subject_line("  Thanks,\r\nwe have\tit \u{7}"), "Thanks, we have it");
        assert_eq!(subject_line("Kvittering: søknad"), "Kvittering: søknad");
    }
}
