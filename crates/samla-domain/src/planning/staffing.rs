//! A programme's staffing rules, checked per session.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct StaffingRule {
    /// Group leaders who must be present at each session.
    pub min_group_leaders: u32,
    /// User representatives who must be present at each session.
    pub min_user_representatives: u32,
    /// Whether a leader counts only with the programme's certification.
    pub leaders_need_certification: bool,
}

stored_enum! {
    /// What a person does in a course's working group.
    pub enum CourseRole("course role") {
        Coordinator = "coordinator",
        GroupLeader = "group_leader",
        UserRepresentative = "user_representative",
        Secretary = "secretary",
        /// Someone outside (the school, the health nurse) the course works with.
        NetworkContact = "network_contact",
    }
}

impl CourseRole {
    /// Whether the role is put on sessions (and so can be put on every one at once).
    pub fn staffs_sessions(self) -> bool {
        matches!(self, CourseRole::GroupLeader | CourseRole::UserRepresentative)
    }
}

/// Who is (or was) at one session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionStaff {
    /// One entry per leader: whether they hold the programme's certification.
    pub leaders_certified: Vec<bool>,
    pub user_representatives: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "gap", rename_all = "snake_case")]
pub enum StaffingGap {
    GroupLeaders { have: u32, need: u32 },
    CertifiedGroupLeaders { have: u32, need: u32 },
    UserRepresentatives { have: u32, need: u32 },
}

impl StaffingGap {
    pub fn message_key(&self) -> &'static str {
        match self {
            StaffingGap::GroupLeaders { .. } => "gap-group-leaders",
            StaffingGap::CertifiedGroupLeaders { .. } => "gap-certified-group-leaders",
            StaffingGap::UserRepresentatives { .. } => "gap-user-representatives",
        }
    }
}

/// What a session lacks under the rule; empty when it is fully staffed.
pub fn check(rule: &StaffingRule, staff: &SessionStaff) -> Vec<StaffingGap> {
    let mut gaps = Vec::new();
    let leaders = staff.leaders_certified.len() as u32;
    if leaders < rule.min_group_leaders {
        gaps.push(StaffingGap::GroupLeaders { have: leaders, need: rule.min_group_leaders });
    } else if rule.leaders_need_certification {
        let certified = staff.leaders_certified.iter().filter(|c| **c).count() as u32;
        if certified < rule.min_group_leaders {
            gaps.push(StaffingGap::CertifiedGroupLeaders { have: certified, need: rule.min_group_leaders });
        }
    }
    if staff.user_representatives < rule.min_user_representatives {
        gaps.push(StaffingGap::UserRepresentatives {
            have: staff.user_representatives,
            need: rule.min_user_representatives,
        });
    }
    gaps
}

/// SMIL's rule, the tests' example: two group leaders and a user representative, with no
/// certification required.
#[cfg(test)]
pub(crate) const SMIL: StaffingRule =
    StaffingRule { min_group_leaders: 2, min_user_representatives: 1, leaders_need_certification: false };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fully_staffed_session_has_no_gaps() {
        let staff = SessionStaff { leaders_certified: vec![false, false], user_representatives: 1 };
        assert!(check(&SMIL, &staff).is_empty());
    }

    #[test]
    fn each_missing_kind_is_named() {
        let staff = SessionStaff { leaders_certified: vec![true], user_representatives: 0 };
        assert_eq!(
            check(&SMIL, &staff),
            vec![StaffingGap::GroupLeaders { have: 1, need: 2 }, StaffingGap::UserRepresentatives { have: 0, need: 1 }]
        );
    }

    #[test]
    fn certification_counts_when_required() {
        let rule = StaffingRule { leaders_need_certification: true, ..SMIL };
        let staff = SessionStaff { leaders_certified: vec![true, false], user_representatives: 1 };
        assert_eq!(check(&rule, &staff), vec![StaffingGap::CertifiedGroupLeaders { have: 1, need: 2 }]);
    }
}
