//! Who a session's attendance sheet is about, and when it can be taken.
//!
//! Everyone enrolled as a participant is expected, except someone who dropped out before
//! the session's day (they stay on the sheets of the sessions before). A meeting about
//! one participant expects only them. A gathering that shares information with the
//! participants' network (the school, the health nurse) may only name participants whose
//! family agreed to that; the others are left out and only counted.

use crate::validation::FieldError;
use chrono::NaiveDate;

/// A participant of the course, as far as being expected goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub participant_id: i64,
    /// Still taking part (not dropped out).
    pub active: bool,
    /// The day they dropped out, when known.
    pub dropped_out_on: Option<NaiveDate>,
    /// Their family has an active consent to share with the network.
    pub shares_with_network: bool,
}

/// What about a session or meeting decides who is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gathering {
    pub date: NaiveDate,
    /// The one participant a meeting is about.
    pub about: Option<i64>,
    /// The meeting shares information with the network (see
    /// [`super::meetings::shares_with_network`]).
    pub shares_with_network: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    Expected,
    /// Would be expected, but may not be named here: counted, never listed.
    LeftOutWithoutConsent,
    NotExpected,
}

pub fn expectation(candidate: &Candidate, gathering: &Gathering) -> Expectation {
    if gathering.about.is_some_and(|id| id != candidate.participant_id) {
        return Expectation::NotExpected;
    }
    // A dropout without a known day has left for every session still to be recorded.
    let still_there = candidate.active || candidate.dropped_out_on.is_some_and(|day| day >= gathering.date);
    if !still_there {
        return Expectation::NotExpected;
    }
    if gathering.shares_with_network && !candidate.shares_with_network {
        return Expectation::LeftOutWithoutConsent;
    }
    Expectation::Expected
}

/// Whether attendance for a session on `date` can be taken `today` (both in the
/// organisation's time zone): never at a cancelled session or on a closed course, and
/// not before the session's day — attendance is what happened; ahead of time, families
/// give absence notices instead.
pub fn check_attendance_open(
    date: NaiveDate,
    cancelled: bool,
    course_closed: bool,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if cancelled {
        Err(FieldError::new("session", "error-attendance-session-cancelled"))
    } else if course_closed {
        Err(FieldError::new("session", "error-course-closed"))
    } else if date > today {
        Err(FieldError::new("session", "error-attendance-not-yet"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    fn child(id: i64) -> Candidate {
        Candidate { participant_id: id, active: true, dropped_out_on: None, shares_with_network: false }
    }

    fn session(d: u32) -> Gathering {
        Gathering { date: day(d), about: None, shares_with_network: false }
    }

    #[test]
    fn everyone_taking_part_is_expected() {
        assert_eq!(expectation(&child(1), &session(8)), Expectation::Expected);
    }

    #[test]
    fn a_dropout_stays_on_the_sessions_before_and_leaves_the_ones_after() {
        let gone = Candidate { active: false, dropped_out_on: Some(day(10)), ..child(1) };
        assert_eq!(expectation(&gone, &session(3)), Expectation::Expected);
        assert_eq!(expectation(&gone, &session(10)), Expectation::Expected, "dropping out that day");
        assert_eq!(expectation(&gone, &session(17)), Expectation::NotExpected);
        let unknown = Candidate { active: false, ..child(1) };
        assert_eq!(expectation(&unknown, &session(3)), Expectation::NotExpected);
    }

    #[test]
    fn a_meeting_about_one_child_expects_that_child() {
        let about = Gathering { about: Some(2), ..session(8) };
        assert_eq!(expectation(&child(2), &about), Expectation::Expected);
        assert_eq!(expectation(&child(1), &about), Expectation::NotExpected);
    }

    #[test]
    fn the_network_sees_only_families_who_agreed() {
        let network = Gathering { shares_with_network: true, ..session(8) };
        let agreed = Candidate { shares_with_network: true, ..child(1) };
        assert_eq!(expectation(&agreed, &network), Expectation::Expected);
        assert_eq!(expectation(&child(2), &network), Expectation::LeftOutWithoutConsent);
        let gone = Candidate { active: false, dropped_out_on: Some(day(1)), ..child(3) };
        assert_eq!(expectation(&gone, &network), Expectation::NotExpected, "a dropout is not counted as left out");
        let about_other = Gathering { about: Some(1), ..network };
        assert_eq!(expectation(&child(2), &about_other), Expectation::NotExpected);
    }

    #[test]
    fn attendance_opens_on_the_sessions_day() {
        assert!(check_attendance_open(day(8), false, false, day(8)).is_ok());
        assert!(check_attendance_open(day(1), false, false, day(8)).is_ok());
        let code = |r: Result<(), FieldError>| r.unwrap_err().code;
        assert_eq!(code(check_attendance_open(day(9), false, false, day(8))), "error-attendance-not-yet");
        assert_eq!(code(check_attendance_open(day(1), true, false, day(8))), "error-attendance-session-cancelled");
        assert_eq!(code(check_attendance_open(day(1), false, true, day(8))), "error-course-closed");
        assert_eq!(code(check_attendance_open(day(9), true, true, day(8))), "error-attendance-session-cancelled");
    }
}
