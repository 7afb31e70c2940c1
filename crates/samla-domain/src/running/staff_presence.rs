//! Staff presence checked after the fact: the programme's staffing rule, the one planning
//! uses ([`staffing::check`]), applied to who actually came instead of who was assigned.

use crate::planning::staffing::{self, SessionStaff, StaffingGap, StaffingRule};
use serde::Serialize;
use std::collections::HashSet;

/// What a held session lacked under the rule, given the leaders who were there (one entry
/// each: whether they hold the programme's certification) and the number of user
/// representatives who were there. Empty when the session was staffed as the programme
/// requires.
pub fn presence_gaps(
    rule: &StaffingRule,
    present_leaders_certified: &[bool],
    present_user_representatives: u32,
) -> Vec<StaffingGap> {
    let staff = SessionStaff {
        leaders_certified: present_leaders_certified.to_vec(),
        user_representatives: present_user_representatives,
    };
    staffing::check(rule, &staff)
}

/// What a course's staff member does at sessions, as far as the staffing rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffKind {
    GroupLeader {
        certified: bool,
    },
    UserRepresentative,
    /// Coordinators, secretaries, network contacts: present, but not counted by the rule.
    Other,
}

/// Who was at a session, from the ids on its attendance sheet and the course's staff
/// (`roster`: id and kind). Each id counts once; ids not on the roster do not count
/// ([`super::attendance::validate_sheet`] refuses them before a sheet is saved).
pub fn staff_at_session(staff_present: &[i64], roster: &[(i64, StaffKind)]) -> SessionStaff {
    let mut counted = HashSet::new();
    let mut staff = SessionStaff::default();
    for id in staff_present {
        if !counted.insert(*id) {
            continue;
        }
        match roster.iter().find(|(member, _)| member == id).map(|(_, kind)| *kind) {
            Some(StaffKind::GroupLeader { certified }) => staff.leaders_certified.push(certified),
            Some(StaffKind::UserRepresentative) => staff.user_representatives += 1,
            Some(StaffKind::Other) | None => {}
        }
    }
    staff
}

/// One held session's gaps, for the course page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourseStaffing {
    pub session_id: i64,
    pub gaps: Vec<StaffingGap>,
}

/// The held sessions (id and who was there) that fell short of the rule, in the given
/// order; sessions that were fully staffed are left out.
pub fn sessions_short_staffed(rule: &StaffingRule, held: &[(i64, SessionStaff)]) -> Vec<CourseStaffing> {
    held.iter()
        .map(|(session_id, staff)| CourseStaffing { session_id: *session_id, gaps: staffing::check(rule, staff) })
        .filter(|s| !s.gaps.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::staffing::SMIL;

    #[test]
    fn presence_gaps_is_the_planning_rule_applied_to_who_came() {
        assert!(presence_gaps(&SMIL, &[false, false], 1).is_empty());
        assert_eq!(
            presence_gaps(&SMIL, &[true], 0),
            vec![StaffingGap::GroupLeaders { have: 1, need: 2 }, StaffingGap::UserRepresentatives { have: 0, need: 1 }]
        );
        let certified = StaffingRule { leaders_need_certification: true, ..SMIL };
        assert_eq!(
            presence_gaps(&certified, &[true, false, false], 2),
            vec![StaffingGap::CertifiedGroupLeaders { have: 1, need: 2 }]
        );
        assert!(presence_gaps(&StaffingRule::default(), &[], 0).is_empty());
    }

    #[test]
    fn staff_at_session_counts_each_known_person_once() {
        let roster = [
            (10, StaffKind::GroupLeader { certified: true }),
            (11, StaffKind::GroupLeader { certified: false }),
            (20, StaffKind::UserRepresentative),
            (30, StaffKind::Other),
        ];
        let staff = staff_at_session(&[10, 20, 10, 30, 99, 11], &roster);
        assert_eq!(staff, SessionStaff { leaders_certified: vec![true, false], user_representatives: 1 });
        assert_eq!(staff_at_session(&[], &roster), SessionStaff::default());
    }

    #[test]
    fn only_short_staffed_sessions_are_listed() {
        let held = [
            (1, SessionStaff { leaders_certified: vec![false, false], user_representatives: 1 }),
            (2, SessionStaff { leaders_certified: vec![false, false], user_representatives: 0 }),
            (3, SessionStaff { leaders_certified: vec![true, true], user_representatives: 2 }),
            (4, SessionStaff::default()),
        ];
        let short = sessions_short_staffed(&SMIL, &held);
        assert_eq!(
            short,
            vec![
                CourseStaffing { session_id: 2, gaps: vec![StaffingGap::UserRepresentatives { have: 0, need: 1 }] },
                CourseStaffing {
                    session_id: 4,
                    gaps: vec![
                        StaffingGap::GroupLeaders { have: 0, need: 2 },
                        StaffingGap::UserRepresentatives { have: 0, need: 1 }
                    ]
                },
            ]
        );
        assert!(sessions_short_staffed(&SMIL, &[]).is_empty());
    }
}
