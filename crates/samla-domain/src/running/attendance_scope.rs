//! Who a session's attendance sheet is about, and when it can be taken.
//!
//! Who is expected follows the session's audience (the programme manual's
//! [`Audience`]): the children at the children's sessions, their guardians (the grown-ups
//! of the household with parental responsibility) by name at parent sessions, children and
//! guardians at family sessions. An adult participant is their own grown-up and is
//! expected at every gathering of their course. What the seeds count beside the names is
//! counted: other parents at parent and family gatherings ("10 foreldre deltok på
//! foreldresamlingen"), other family members such as siblings at family gatherings ("8 barn
//! og 11 familiemedlemmer"); a children's session counts neither.
//!
//! A family is in scope unless the participant dropped out before the session's day (they
//! stay on the sheets of the sessions before). A meeting about one participant concerns
//! only that family. A gathering that shares information with the participants' network
//! (the school, the health nurse) may only name participants whose family agreed to that;
//! the others are left out and only counted.

use crate::programmes::Audience;
use crate::validation::FieldError;
use chrono::NaiveDate;
use serde::Serialize;

/// What a session's sheet records, by its audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SheetShape {
    /// Child participants have a line each (adult participants always do).
    pub children: bool,
    /// The guardians of the children in scope have a line each.
    pub guardians: bool,
    /// Parents and other grown-ups of the families who came and are not on the list by
    /// name (a parent without parental responsibility, a step-parent) are counted.
    pub parents_count: bool,
    /// Other family members who came (siblings, grandparents) are counted.
    pub family_members_count: bool,
}

impl SheetShape {
    /// The sheet of a gathering for this audience.
    pub fn of(audience: Audience) -> SheetShape {
        let children_only =
            SheetShape { children: true, guardians: false, parents_count: false, family_members_count: false };
        match audience {
            Audience::Parents => {
                SheetShape { children: false, guardians: true, parents_count: true, family_members_count: false }
            }
            Audience::Family => {
                SheetShape { children: true, guardians: true, parents_count: true, family_members_count: true }
            }
            // The network's guests are kept in the meeting record; the families are counted.
            Audience::Network => SheetShape { parents_count: true, family_members_count: true, ..children_only },
            Audience::Participants => children_only,
        }
    }

    /// Whether the sheet counts adults at all.
    pub fn counts_adults(self) -> bool {
        self.parents_count || self.family_members_count
    }
}

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
    /// A child (their guardians answer for them); an adult participant is their own
    /// grown-up.
    pub child: bool,
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
    /// Whom the gathering is for.
    pub shape: SheetShape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    Expected,
    /// Would be expected, but may not be named here: counted, never listed.
    LeftOutWithoutConsent,
    NotExpected,
}

/// Whether the candidate's family is part of the gathering at all, before the audience
/// decides who of the family has a line.
fn family_in_scope(candidate: &Candidate, gathering: &Gathering) -> Expectation {
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

/// Whether the participant themself has a line on the gathering's sheet.
pub fn expectation(candidate: &Candidate, gathering: &Gathering) -> Expectation {
    match family_in_scope(candidate, gathering) {
        Expectation::Expected if candidate.child && !gathering.shape.children => Expectation::NotExpected,
        other => other,
    }
}

/// Whether the guardians of a child participant have lines on the gathering's sheet.
pub fn guardians_expected(candidate: &Candidate, gathering: &Gathering) -> bool {
    candidate.child && gathering.shape.guardians && family_in_scope(candidate, gathering) == Expectation::Expected
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
        Candidate { participant_id: id, active: true, dropped_out_on: None, shares_with_network: false, child: true }
    }

    fn session(d: u32) -> Gathering {
        Gathering {
            date: day(d),
            about: None,
            shares_with_network: false,
            shape: SheetShape::of(Audience::Participants),
        }
    }

    fn for_audience(d: u32, audience: Audience) -> Gathering {
        Gathering { shape: SheetShape::of(audience), ..session(d) }
    }

    #[test]
    fn a_parent_session_expects_the_guardians_and_not_the_children() {
        let parents = for_audience(8, Audience::Parents);
        assert_eq!(expectation(&child(1), &parents), Expectation::NotExpected);
        assert!(guardians_expected(&child(1), &parents));
        // An adult participant is their own grown-up: expected, with no guardians.
        let adult = Candidate { child: false, ..child(2) };
        assert_eq!(expectation(&adult, &parents), Expectation::Expected);
        assert!(!guardians_expected(&adult, &parents));
    }

    #[test]
    fn a_family_session_expects_children_and_guardians_and_a_childrens_session_only_the_children() {
        let family = for_audience(8, Audience::Family);
        assert_eq!(expectation(&child(1), &family), Expectation::Expected);
        assert!(guardians_expected(&child(1), &family));
        let children = for_audience(8, Audience::Participants);
        assert_eq!(expectation(&child(1), &children), Expectation::Expected);
        assert!(!guardians_expected(&child(1), &children));
        assert!(!guardians_expected(&child(1), &for_audience(8, Audience::Network)));
    }

    #[test]
    fn the_guardians_of_a_dropout_or_of_another_family_are_not_expected() {
        let parents = for_audience(17, Audience::Parents);
        let gone = Candidate { active: false, dropped_out_on: Some(day(10)), ..child(1) };
        assert!(!guardians_expected(&gone, &parents));
        assert!(guardians_expected(&gone, &for_audience(3, Audience::Parents)), "still there before");
        let closing = Gathering { about: Some(2), ..for_audience(17, Audience::Family) };
        assert!(guardians_expected(&child(2), &closing));
        assert!(!guardians_expected(&child(1), &closing));
    }

    #[test]
    fn only_gatherings_with_grown_ups_count_them() {
        let shape = SheetShape::of;
        assert!(!shape(Audience::Participants).counts_adults());
        assert!(shape(Audience::Parents).parents_count && !shape(Audience::Parents).family_members_count);
        assert!(shape(Audience::Family).parents_count && shape(Audience::Family).family_members_count);
        assert!(shape(Audience::Network).counts_adults());
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
