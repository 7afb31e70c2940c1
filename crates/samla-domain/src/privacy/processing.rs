//! The record of processing activities (GDPR art. 30) as samla can state it: what it
//! processes for an organisation, about whom, which data, who receives it and how long it
//! is kept. The activities are samla's own features; the organisation's settings, rules
//! and counts fill in the rest, and its legal basis is its own to state.

use super::retention::RetentionKind;

/// One processing activity: codes of whom it is about, which data, who receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    pub code: &'static str,
    pub persons: &'static [&'static str],
    pub data: &'static [&'static str],
    pub recipients: &'static [&'static str],
    /// Health, child-welfare or similar data (GDPR art. 9) is part of it.
    pub special_category: bool,
    /// The rule that removes its records, where one does.
    pub retention: Option<RetentionKind>,
}

pub const ACTIVITIES: [Activity; 6] = [
    Activity {
        code: "intake",
        persons: &["children", "guardians", "adult_participants", "referrers"],
        data: &[
            "identity",
            "contact",
            "birth_date",
            "national_id",
            "sex",
            "reason_and_needs",
            "consents",
            "pre_conversations",
        ],
        recipients: &["coordinators", "intake_staff", "group_leaders_own"],
        special_category: true,
        retention: Some(RetentionKind::UnplacedApplications),
    },
    Activity {
        code: "courses",
        persons: &["children", "guardians", "adult_participants", "network_contacts"],
        data: &["identity", "contact", "attendance", "observations", "meeting_minutes", "concern_reports"],
        recipients: &["coordinators", "group_leaders_own", "secretaries_contacts", "child_welfare"],
        special_category: true,
        retention: Some(RetentionKind::Observations),
    },
    Activity {
        code: "evaluation",
        persons: &["children", "guardians", "adult_participants"],
        data: &["answers", "scores"],
        recipients: &["working_group_aggregates"],
        special_category: true,
        retention: None,
    },
    Activity {
        code: "statistics",
        persons: &["children", "adult_participants"],
        data: &["aggregates"],
        recipients: &["programme_owner"],
        special_category: false,
        retention: None,
    },
    Activity {
        code: "mail",
        persons: &["guardians", "adult_participants", "referrers", "staff"],
        data: &["contact", "messages"],
        recipients: &["mail_relay"],
        special_category: false,
        retention: Some(RetentionKind::SentMail),
    },
    Activity {
        code: "staff",
        persons: &["staff"],
        data: &["identity", "contact", "roles", "sign_ins", "audit_trail"],
        recipients: &["administrators"],
        special_category: false,
        retention: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::retention::RetentionKind;

    #[test]
    fn every_retention_rule_belongs_to_an_activity_and_codes_are_unique() {
        for kind in RetentionKind::ALL.iter().copied() {
            assert_eq!(ACTIVITIES.iter().filter(|a| a.retention == Some(kind)).count(), 1, "{kind:?}");
        }
        let mut codes: Vec<&str> = ACTIVITIES.iter().map(|a| a.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ACTIVITIES.len());
    }

    #[test]
    fn special_category_data_is_marked_where_notes_about_a_person_are_kept() {
        let of = |code: &str| ACTIVITIES.iter().find(|a| a.code == code).unwrap();
        for code in ["intake", "courses", "evaluation"] {
            assert!(of(code).special_category, "{code}");
        }
        assert!(!of("statistics").special_category, "statistics are aggregates");
        assert_eq!(of("statistics").data, ["aggregates"]);
    }
}
