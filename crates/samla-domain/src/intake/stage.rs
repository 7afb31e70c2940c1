//! The application pipeline: where an application is, and where it may go next.
//!
//! The allowed moves are written down here rather than in the board's UI so that the
//! API, the board and bulk actions all refuse the same impossible moves (an enrolled
//! person cannot be "contacted" again; a declined application is closed and a new
//! application is the way back in).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many pre-conversations one application may have before a decision is expected.
/// More than that usually means the programme is not the right fit, and the person is
/// better served by being referred elsewhere than by waiting.
pub const MAX_PRE_CONVERSATIONS: u32 = 3;

/// Where an application is in intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The application or referral has arrived; nobody has talked to the person yet.
    Received,
    /// Someone has been in touch.
    Contacted,
    /// At least one pre-conversation (suitability and expectations talk) has been held.
    PreConversation,
    /// A place in a specific group has been offered.
    Offered,
    /// Suitable, waiting for a group.
    Waitlisted,
    /// Closed: another service fits better, and the person was referred there.
    ReferredElsewhere,
    /// Closed: the person (or guardian) said no.
    Declined,
    /// Closed: has a place in a group.
    Enrolled,
    /// Closed: withdrawn by the applicant or the referrer.
    Withdrawn,
    /// Closed: a duplicate, folded into another application.
    Merged,
}

impl Stage {
    pub const ALL: [Stage; 10] = [
        Stage::Received,
        Stage::Contacted,
        Stage::PreConversation,
        Stage::Offered,
        Stage::Waitlisted,
        Stage::ReferredElsewhere,
        Stage::Declined,
        Stage::Enrolled,
        Stage::Withdrawn,
        Stage::Merged,
    ];

    /// The stable name used in storage, URLs and translations.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::Contacted => "contacted",
            Stage::PreConversation => "pre_conversation",
            Stage::Offered => "offered",
            Stage::Waitlisted => "waitlisted",
            Stage::ReferredElsewhere => "referred_elsewhere",
            Stage::Declined => "declined",
            Stage::Enrolled => "enrolled",
            Stage::Withdrawn => "withdrawn",
            Stage::Merged => "merged",
        }
    }

    pub fn parse(raw: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Whether the application still needs work from intake. Closed applications are
    /// kept for the record but leave the board and the waitlist.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::ReferredElsewhere | Stage::Declined | Stage::Enrolled | Stage::Withdrawn | Stage::Merged)
    }

    /// The intake board's columns, left to right in the order people usually move.
    /// Enrolled is shown so a coordinator sees the result of the offers; the other
    /// closed stages are reachable through filters, not columns.
    pub fn board_columns() -> [Stage; 6] {
        [Stage::Received, Stage::Contacted, Stage::PreConversation, Stage::Waitlisted, Stage::Offered, Stage::Enrolled]
    }

    /// The stages an application may move to from this one (see [`may_move`]).
    pub fn next(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Received => &[Contacted, PreConversation, Waitlisted, ReferredElsewhere, Declined, Withdrawn],
            Contacted => &[PreConversation, Waitlisted, Offered, ReferredElsewhere, Declined, Withdrawn],
            PreConversation => &[PreConversation, Waitlisted, Offered, ReferredElsewhere, Declined, Withdrawn],
            Waitlisted => &[Contacted, PreConversation, Offered, ReferredElsewhere, Declined, Withdrawn],
            Offered => &[Enrolled, Waitlisted, Declined, Withdrawn],
            ReferredElsewhere | Declined | Enrolled | Withdrawn | Merged => &[],
        }
    }
}

/// Whether an application may move from `from` to `to`.
///
/// - An offer can only follow a conversation, so Received cannot jump to Offered.
/// - PreConversation → PreConversation records another talk (see [`MAX_PRE_CONVERSATIONS`]).
/// - Offered → Waitlisted: the offer was declined or lapsed but the person still wants a place.
/// - Closed stages move nowhere; a new application is the way back in.
/// - Merged is only reached through merging duplicates, never as a plain move, so
///   `may_move(_, Merged)` is always false.
pub fn may_move(from: Stage, to: Stage) -> bool {
    from.next().contains(&to)
}

/// Whether another pre-conversation may be recorded when `held` have been held already.
pub fn may_hold_another_pre_conversation(held: u32) -> bool {
    held < MAX_PRE_CONVERSATIONS
}

/// Whether an application has waited too long for someone to get in touch.
///
/// Only Received and Contacted can be stale: those are the stages where the next step
/// is ours and a person is waiting to hear from us. On the waitlist waiting is the
/// expected state, and closed stages need nothing. Stale means strictly more than
/// `stale_after_days` whole days since the last contact.
pub fn is_stale(stage: Stage, last_contact_day: NaiveDate, today: NaiveDate, stale_after_days: u32) -> bool {
    matches!(stage, Stage::Received | Stage::Contacted)
        && (today - last_contact_day).num_days() > i64::from(stale_after_days)
}

stored_enum! {
    /// What an entry in an application's history records.
    pub enum EventKind("application event kind") {
        /// A move from one stage to another (or another pre-conversation), with a note.
        Stage = "stage",
        /// Another application was folded into this one; the note is its reference.
        Merged = "merged",
        /// The family accepted an offer while a consent was still missing.
        OfferAccepted = "offer_accepted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    #[test]
    fn names_round_trip() {
        assert_names_round_trip!(Stage);
        assert_eq!(Stage::parse("Received"), None);
        assert_eq!(Stage::parse("pre-conversation"), None);
        assert_eq!(Stage::parse(""), None);
    }

    #[test]
    fn open_and_closed() {
        let open = [Received, Contacted, PreConversation, Offered, Waitlisted];
        for stage in Stage::ALL {
            assert_eq!(stage.is_open(), open.contains(&stage), "{stage:?}");
        }
    }

    #[test]
    fn board_columns() {
        assert_eq!(Stage::board_columns(), [Received, Contacted, PreConversation, Waitlisted, Offered, Enrolled]);
    }

    #[test]
    fn allowed_moves_table() {
        // Every (from, to) pair that is allowed; everything else must be refused.
        let allowed: &[(Stage, &[Stage])] = &[
            (Received, &[Contacted, PreConversation, Waitlisted, ReferredElsewhere, Declined, Withdrawn]),
            (Contacted, &[PreConversation, Waitlisted, Offered, ReferredElsewhere, Declined, Withdrawn]),
            (PreConversation, &[PreConversation, Waitlisted, Offered, ReferredElsewhere, Declined, Withdrawn]),
            (Waitlisted, &[Contacted, PreConversation, Offered, ReferredElsewhere, Declined, Withdrawn]),
            (Offered, &[Enrolled, Waitlisted, Declined, Withdrawn]),
            (ReferredElsewhere, &[]),
            (Declined, &[]),
            (Enrolled, &[]),
            (Withdrawn, &[]),
            (Merged, &[]),
        ];
        assert_eq!(allowed.len(), Stage::ALL.len());
        for &(from, targets) in allowed {
            for to in Stage::ALL {
                assert_eq!(may_move(from, to), targets.contains(&to), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn notable_moves() {
        let cases = [
            (Received, Offered, false),               // an offer follows a conversation
            (PreConversation, PreConversation, true), // another talk
            (Received, Received, false),
            (Offered, Waitlisted, true),         // offer lapsed, back on the list
            (Offered, ReferredElsewhere, false), // decided before the offer
            (Enrolled, Withdrawn, false),        // leaving a group is the group's business
            (Declined, Received, false),
        ];
        for (from, to, expected) in cases {
            assert_eq!(may_move(from, to), expected, "{from:?} → {to:?}");
        }
        for from in Stage::ALL {
            assert!(!may_move(from, Merged), "{from:?} → Merged is only through merging");
            if !from.is_open() {
                assert!(from.next().is_empty(), "{from:?} is closed");
            }
        }
    }

    #[test]
    fn pre_conversation_limit() {
        assert!(may_hold_another_pre_conversation(0));
        assert!(may_hold_another_pre_conversation(MAX_PRE_CONVERSATIONS - 1));
        assert!(!may_hold_another_pre_conversation(MAX_PRE_CONVERSATIONS));
    }

    #[test]
    fn staleness() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let cases = [
            (Received, day(1), day(15), 14, false), // exactly 14 days: not yet
            (Received, day(1), day(16), 14, true),
            (Contacted, day(1), day(16), 14, true),
            (Contacted, day(10), day(10), 0, false),
            (Contacted, day(9), day(10), 0, true),
            (PreConversation, day(1), day(31), 14, false),
            (Waitlisted, day(1), day(31), 14, false),
            (Offered, day(1), day(31), 14, false),
            (Enrolled, day(1), day(31), 14, false),
            (Received, day(20), day(10), 0, false), // contact recorded "in the future"
        ];
        for (stage, last, today, after, expected) in cases {
            assert_eq!(is_stale(stage, last, today, after), expected, "{stage:?} {last} {today} {after}");
        }
    }
}
