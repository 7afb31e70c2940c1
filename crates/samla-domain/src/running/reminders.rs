//! When reminders go out: to participants or guardians before a session, and to leaders
//! about a log not yet written. The clock is an argument, so a worker asks "is it due
//! now?" and tests choose "now". All times are wall-clock times in the same zone (the
//! organisation's); the caller converts.
//!
//! Whether a reminder is wanted at all (turned off per course or per person) is the
//! caller's decision; these functions only place it in time.

use crate::programmes::MeetingKind;
use chrono::{Duration, NaiveDateTime};

/// Whether the families are reminded before a meeting of this kind, as before a session.
/// Parent meetings, information meetings, family sessions and the follow-up are set for
/// the families by the course's plan, so they get the same reminder. Network meetings,
/// closing and pre-conversations are agreed with each family in person (and a network
/// meeting's time is the school's as much as the family's); supervision is for the staff.
/// A meeting added without a kind is not reminded of: nobody said who comes.
pub fn meeting_reminds_families(kind: Option<MeetingKind>) -> bool {
    matches!(
        kind,
        Some(
            MeetingKind::ParentMeeting
                | MeetingKind::InformationMeeting
                | MeetingKind::FamilySession
                | MeetingKind::FollowUp
        )
    )
}

/// Whether the reminder before a session should be sent now: once (`already_sent` is
/// false), from `hours_before` hours before the start until the start; never at or after
/// the start, since a reminder after the fact helps nobody. With `hours_before` 0 the
/// window is empty and no reminder is ever due.
pub fn reminder_due(session_start: NaiveDateTime, hours_before: u32, now: NaiveDateTime, already_sent: bool) -> bool {
    if already_sent || now >= session_start {
        return false;
    }
    match session_start.checked_sub_signed(Duration::hours(i64::from(hours_before))) {
        Some(from) => now >= from,
        // The window reaches back past the calendar's beginning: it has begun.
        None => true,
    }
}

/// Whether a session's log is overdue: not written, and at least `grace_hours` hours have
/// passed since the session ended (a grace of 0 makes it overdue as soon as the session
/// ends).
pub fn log_overdue(session_end: NaiveDateTime, now: NaiveDateTime, grace_hours: u32, log_written: bool) -> bool {
    if log_written {
        return false;
    }
    match session_end.checked_add_signed(Duration::hours(i64::from(grace_hours))) {
        Some(due) => now >= due,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap().and_hms_opt(hour, minute, 0).unwrap()
    }

    #[test]
    fn reminder_window_opens_at_start_minus_hours_and_closes_at_start() {
        // Tuesday 10 March 14:15, reminder 24 hours before.
        let start = at(10, 14, 15);
        assert!(!reminder_due(start, 24, at(9, 14, 14), false));
        assert!(reminder_due(start, 24, at(9, 14, 15), false));
        assert!(reminder_due(start, 24, at(10, 9, 0), false));
        assert!(reminder_due(start, 24, start - Duration::seconds(1), false));
        assert!(!reminder_due(start, 24, start, false));
        assert!(!reminder_due(start, 24, at(10, 17, 0), false));
    }

    #[test]
    fn families_are_reminded_of_the_meetings_set_for_them() {
        assert!(meeting_reminds_families(Some(MeetingKind::ParentMeeting)));
        assert!(meeting_reminds_families(Some(MeetingKind::FamilySession)));
        assert!(meeting_reminds_families(Some(MeetingKind::FollowUp)));
        assert!(!meeting_reminds_families(Some(MeetingKind::NetworkMeeting)));
        assert!(!meeting_reminds_families(Some(MeetingKind::ClosingConversation)));
        assert!(!meeting_reminds_families(Some(MeetingKind::PreConversation)));
        assert!(!meeting_reminds_families(Some(MeetingKind::Supervision)));
        assert!(!meeting_reminds_families(None));
    }

    #[test]
    fn reminder_goes_out_once() {
        let start = at(10, 14, 15);
        assert!(!reminder_due(start, 24, at(10, 9, 0), true));
    }

    #[test]
    fn reminder_with_no_lead_time_is_never_due() {
        let start = at(10, 14, 15);
        assert!(!reminder_due(start, 0, start - Duration::seconds(1), false));
        assert!(!reminder_due(start, 0, start, false));
    }

    #[test]
    fn reminder_far_ahead_does_not_overflow() {
        let start = NaiveDateTime::MIN + Duration::hours(1);
        assert!(reminder_due(start, u32::MAX, NaiveDateTime::MIN, false));
        assert!(!reminder_due(start, u32::MAX, start, false));
    }

    #[test]
    fn log_is_overdue_from_end_plus_grace_until_written() {
        let end = at(10, 17, 0);
        assert!(!log_overdue(end, at(10, 17, 0), 24, false));
        assert!(!log_overdue(end, at(11, 16, 59), 24, false));
        assert!(log_overdue(end, at(11, 17, 0), 24, false));
        assert!(log_overdue(end, at(20, 8, 0), 24, false));
        assert!(!log_overdue(end, at(20, 8, 0), 24, true));
    }

    #[test]
    fn log_without_grace_is_overdue_when_the_session_ends() {
        let end = at(10, 17, 0);
        assert!(!log_overdue(end, end - Duration::seconds(1), 0, false));
        assert!(log_overdue(end, end, 0, false));
        assert!(!log_overdue(NaiveDateTime::MAX, NaiveDateTime::MAX, 1, false));
    }
}
