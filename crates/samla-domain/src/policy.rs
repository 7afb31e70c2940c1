//! The one place that decides who may do what. Default deny: an action not granted to a
//! role below is refused. The same table is written out in `docs/policy.md`; a test
//! compares the two for every role and action.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A role a person holds in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Coordinator,
    GroupLeader,
    Secretary,
    UserRepresentative,
    Analyst,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Admin, Role::Coordinator, Role::GroupLeader, Role::Secretary, Role::UserRepresentative, Role::Analyst];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::GroupLeader => "group_leader",
            Role::Secretary => "secretary",
            Role::UserRepresentative => "user_representative",
            Role::Analyst => "analyst",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == raw)
    }

    /// Roles whose work shows personal data about participants; an organisation
    /// requires a second factor for them by default.
    pub fn sees_personal_data(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator | Role::GroupLeader | Role::Secretary)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything samla lets a person do, named once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Own account: password, language, second factor, tokens, sessions.
    ManageOwnAccount,
    ViewHome,
    ManageUsers,
    /// The staff directory: the names, roles and certifications of the organisation's
    /// people (no addresses, account status or second factor), to put a course's working
    /// group together.
    ViewStaffDirectory,
    ManageOrganisationSettings,
    ViewAuditLog,
    ViewProgrammes,
    ManageProgrammes,
    ViewCourses,
    PlanCourses,
    /// Names and contact details of participants and guardians.
    ViewParticipantContacts,
    /// Health, child-welfare and notes about a person.
    ViewSensitivePersonalData,
    RecordSessionWork,
    /// A course's session logs, homework and meeting minutes: the course's working group
    /// and coordinators, not everyone who may see the course.
    ViewSessionRecords,
    ManageIntake,
    /// Recruitment channels, consent texts and the intake settings.
    ConfigureIntake,
    /// Record a concern about a child (bekymringsmelding); reading one also needs
    /// [`may_read_concern_report`].
    ReportConcerns,
    /// Absence follow-up, reminder timing and who reads concern reports.
    ConfigureCourseWork,
    /// Import, edit and archive questionnaire definitions and their scoring rules.
    ManageQuestionnaires,
    /// Start questionnaire rounds, see who has been asked and has answered, type in
    /// paper forms.
    RunEvaluations,
    /// A course's evaluation results, outcome change and course report: aggregates only,
    /// never one person's answers.
    ViewEvaluationResults,
    ViewAggregateStatistics,
    /// How long personal data is kept: the retention rules, what goes next, legal holds
    /// and the deletion report. References and dates only, never a name.
    ManageRetention,
    /// A person's access to their data (innsyn): find a participant or guardian, register
    /// the request and read everything samla holds about them, with who has read it.
    AnswerAccessRequests,
    /// The record of processing activities (GDPR art. 30) samla generates: aggregates and
    /// settings, no one's data.
    ViewRecordOfProcessing,
}

impl Action {
    pub const ALL: [Action; 25] = [
        Action::ManageOwnAccount,
        Action::ViewHome,
        Action::ManageUsers,
        Action::ViewStaffDirectory,
        Action::ManageOrganisationSettings,
        Action::ViewAuditLog,
        Action::ViewProgrammes,
        Action::ManageProgrammes,
        Action::ViewCourses,
        Action::PlanCourses,
        Action::ViewParticipantContacts,
        Action::ViewSensitivePersonalData,
        Action::RecordSessionWork,
        Action::ViewSessionRecords,
        Action::ManageIntake,
        Action::ConfigureIntake,
        Action::ReportConcerns,
        Action::ConfigureCourseWork,
        Action::ManageQuestionnaires,
        Action::RunEvaluations,
        Action::ViewEvaluationResults,
        Action::ViewAggregateStatistics,
        Action::ManageRetention,
        Action::AnswerAccessRequests,
        Action::ViewRecordOfProcessing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::ManageOwnAccount => "manage_own_account",
            Action::ViewHome => "view_home",
            Action::ManageUsers => "manage_users",
            Action::ViewStaffDirectory => "view_staff_directory",
            Action::ManageOrganisationSettings => "manage_organisation_settings",
            Action::ViewAuditLog => "view_audit_log",
            Action::ViewProgrammes => "view_programmes",
            Action::ManageProgrammes => "manage_programmes",
            Action::ViewCourses => "view_courses",
            Action::PlanCourses => "plan_courses",
            Action::ViewParticipantContacts => "view_participant_contacts",
            Action::ViewSensitivePersonalData => "view_sensitive_personal_data",
            Action::RecordSessionWork => "record_session_work",
            Action::ViewSessionRecords => "view_session_records",
            Action::ManageIntake => "manage_intake",
            Action::ConfigureIntake => "configure_intake",
            Action::ReportConcerns => "report_concerns",
            Action::ConfigureCourseWork => "configure_course_work",
            Action::ManageQuestionnaires => "manage_questionnaires",
            Action::RunEvaluations => "run_evaluations",
            Action::ViewEvaluationResults => "view_evaluation_results",
            Action::ViewAggregateStatistics => "view_aggregate_statistics",
            Action::ManageRetention => "manage_retention",
            Action::AnswerAccessRequests => "answer_access_requests",
            Action::ViewRecordOfProcessing => "view_record_of_processing",
        }
    }
}

/// How far an allowed action reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// Only the courses the person works on.
    AssignedCourses,
    /// Everything in the organisation.
    Organisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Deny,
    Allow(Scope),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow(_))
    }

    /// Whether the decision reaches one course: everywhere in the organisation, or only
    /// a course the person works on.
    pub fn reaches_course(self, works_on_course: bool) -> bool {
        match self {
            Decision::Deny => false,
            Decision::Allow(Scope::Organisation) => true,
            Decision::Allow(Scope::AssignedCourses) => works_on_course,
        }
    }

    /// The wider of two decisions: a person with two roles may do what either may.
    fn widest(self, other: Decision) -> Decision {
        match (self, other) {
            (Decision::Deny, d) | (d, Decision::Deny) => d,
            (Decision::Allow(a), Decision::Allow(b)) => Decision::Allow(a.max(b)),
        }
    }
}

/// What one role may do. Every arm not listed is a denial.
pub fn decide_for_role(role: Role, action: Action) -> Decision {
    use Action::*;
    use Decision::{Allow, Deny};
    use Role::*;
    use Scope::{AssignedCourses, Organisation};
    match (role, action) {
        (_, ManageOwnAccount | ViewHome) => Allow(Organisation),

        (Admin, ManageUsers | ManageOrganisationSettings | ViewAuditLog) => Allow(Organisation),
        (Admin | Coordinator, ViewStaffDirectory) => Allow(Organisation),
        (Admin, ViewProgrammes | ViewCourses | ConfigureIntake | ConfigureCourseWork) => Allow(Organisation),
        (Admin, ManageQuestionnaires) => Allow(Organisation),
        (Admin | Coordinator, ManageRetention | ViewRecordOfProcessing) => Allow(Organisation),

        (Coordinator, ViewProgrammes | ManageProgrammes | ViewCourses | PlanCourses) => Allow(Organisation),
        (Coordinator, ViewParticipantContacts | ViewSensitivePersonalData) => Allow(Organisation),
        (Coordinator, RecordSessionWork | ManageIntake | ConfigureIntake | ViewAggregateStatistics) => {
            Allow(Organisation)
        }
        (Coordinator, ReportConcerns | ConfigureCourseWork | ViewSessionRecords) => Allow(Organisation),
        (Coordinator, ManageQuestionnaires | RunEvaluations | ViewEvaluationResults) => Allow(Organisation),
        (Coordinator, AnswerAccessRequests) => Allow(Organisation),

        (GroupLeader, ViewProgrammes) => Allow(Organisation),
        (GroupLeader, ViewCourses | ViewParticipantContacts | ViewSensitivePersonalData) => Allow(AssignedCourses),
        (GroupLeader, RecordSessionWork | ViewSessionRecords | ManageIntake | ReportConcerns) => Allow(AssignedCourses),
        (GroupLeader, RunEvaluations | ViewEvaluationResults) => Allow(AssignedCourses),

        (Secretary, ViewProgrammes | ViewCourses | ViewParticipantContacts | ManageIntake) => Allow(Organisation),
        (Secretary, RunEvaluations) => Allow(Organisation),

        (UserRepresentative, ViewProgrammes) => Allow(Organisation),
        (UserRepresentative, ViewCourses | ViewSessionRecords | ViewEvaluationResults) => Allow(AssignedCourses),

        (Analyst, ViewProgrammes | ViewEvaluationResults | ViewAggregateStatistics) => Allow(Organisation),

        _ => Deny,
    }
}

/// Whether someone could ever read a concern report, and so may open the concern pages
/// at all: a coordinator, someone who reports concerns, or a designated reader whose role
/// sees sensitive data. Secretaries and user representatives never can, designated or not.
pub fn may_work_with_concerns(roles: &RoleSet, is_designated_reader: bool) -> bool {
    roles.contains(Role::Coordinator)
        || roles.may(Action::ReportConcerns)
        || may_read_concern_report(roles, false, is_designated_reader)
}

/// Who may read one concern report about a child: a coordinator, the leader who wrote it
/// (while they still may report concerns) and the people the organisation designates, as
/// long as they hold a role that sees sensitive data. Never a secretary, user
/// representative or analyst by those roles alone, designated or not.
pub fn may_read_concern_report(roles: &RoleSet, is_author: bool, is_designated_reader: bool) -> bool {
    if roles.contains(Role::Coordinator) {
        return true;
    }
    let sees_sensitive = roles.may(Action::ViewSensitivePersonalData);
    (is_author && roles.may(Action::ReportConcerns)) || (is_designated_reader && sees_sensitive)
}

/// Break-the-glass: who may open a course they do not work on in an emergency. Those
/// whose role sees sensitive personal data only on their own courses (group leaders); a
/// coordinator reaches every course already, and a role that never sees sensitive data
/// (secretary, user representative, administrator, analyst) gets none by an emergency.
pub fn may_open_emergency_access(roles: &RoleSet) -> bool {
    roles.decide(Action::ViewSensitivePersonalData) == Decision::Allow(Scope::AssignedCourses)
}

/// What an open emergency access reaches on its course, beyond the person's own courses:
/// reading, never changing. Only where the person's roles allow the action on their own
/// courses (so it widens where, not what).
pub fn emergency_access_reaches(roles: &RoleSet, action: Action) -> bool {
    const READS: [Action; 5] = [
        Action::ViewCourses,
        Action::ViewParticipantContacts,
        Action::ViewSensitivePersonalData,
        Action::ViewSessionRecords,
        Action::ViewEvaluationResults,
    ];
    may_open_emergency_access(roles)
        && READS.contains(&action)
        && roles.decide(action) == Decision::Allow(Scope::AssignedCourses)
}

/// Who signs emergency accesses off: the one who oversees the audit trail.
pub fn may_review_emergency_accesses(roles: &RoleSet) -> bool {
    roles.may(Action::ViewAuditLog)
}

/// A reminder switch of one course (see `services/running/reminders.rs` for what each
/// turns off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderSwitch {
    /// The course's own switches: reminders to families, and log reminders to leaders.
    Course,
    /// One participant's or one grown-up's reminders, chosen by name.
    Person,
    /// A leader's own log reminders for the course.
    OwnLogReminders,
}

/// Why a reminder switch may not be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderRefusal {
    /// Neither plans courses nor records session work on this course.
    NotOnCourse,
    /// May change the course's reminders, but not see the participants' names that a
    /// person's switch is chosen by.
    NamesHidden,
    /// Leads no group on this course, so has no log reminders of their own.
    NotALeader,
}

/// A person's place on one course.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoursePlace {
    /// In the course's working group, in any course role.
    pub works_on: bool,
    /// One of the course's group leaders.
    pub leads: bool,
}

/// Who may change which reminder switch of a course: planners and those who record
/// session work on it (the people who know whether a family wants the mails); a person's
/// switch also needs the right to see participants' names on the course, since it is
/// chosen by name; a leader's own log reminders only that leader, while they lead the
/// course.
pub fn may_switch_reminders(
    roles: &RoleSet,
    switch: ReminderSwitch,
    place: CoursePlace,
) -> Result<(), ReminderRefusal> {
    let reaches = |action| roles.decide(action).reaches_course(place.works_on);
    match switch {
        ReminderSwitch::OwnLogReminders if place.leads => Ok(()),
        ReminderSwitch::OwnLogReminders => Err(ReminderRefusal::NotALeader),
        _ if !reaches(Action::PlanCourses) && !reaches(Action::RecordSessionWork) => Err(ReminderRefusal::NotOnCourse),
        ReminderSwitch::Person if !reaches(Action::ViewParticipantContacts) => Err(ReminderRefusal::NamesHidden),
        ReminderSwitch::Course | ReminderSwitch::Person => Ok(()),
    }
}

/// The roles one person holds in the organisation they are working in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleSet(Vec<Role>);

impl RoleSet {
    pub fn new(mut roles: Vec<Role>) -> Self {
        roles.sort();
        roles.dedup();
        Self(roles)
    }

    pub fn roles(&self) -> &[Role] {
        &self.0
    }

    pub fn contains(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The decision for a person: the widest of their roles' decisions; none → deny.
    pub fn decide(&self, action: Action) -> Decision {
        self.0.iter().map(|role| decide_for_role(*role, action)).fold(Decision::Deny, Decision::widest)
    }

    pub fn may(&self, action: Action) -> bool {
        self.decide(action).is_allowed()
    }

    /// Whether sensitive personal fields may be included in what this person receives.
    pub fn may_see_sensitive(&self) -> bool {
        self.may(Action::ViewSensitivePersonalData)
    }

    /// Whether a second factor is required by an organisation that requires it for
    /// roles that see personal data.
    pub fn needs_second_factor(&self) -> bool {
        self.0.iter().any(|role| role.sees_personal_data())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_roles_means_nothing_is_allowed() {
        let nobody = RoleSet::default();
        for action in Action::ALL {
            assert_eq!(nobody.decide(action), Decision::Deny, "{action:?}");
        }
    }

    #[test]
    fn user_representative_never_sees_sensitive_data() {
        let rep = RoleSet::new(vec![Role::UserRepresentative]);
        assert!(!rep.may_see_sensitive());
        assert!(!rep.may(Action::ViewParticipantContacts));
    }

    #[test]
    fn group_leader_is_limited_to_assigned_courses() {
        let leader = RoleSet::new(vec![Role::GroupLeader]);
        assert_eq!(leader.decide(Action::ViewCourses), Decision::Allow(Scope::AssignedCourses));
    }

    #[test]
    fn analyst_sees_only_aggregates() {
        let analyst = RoleSet::new(vec![Role::Analyst]);
        assert!(analyst.may(Action::ViewAggregateStatistics));
        assert!(!analyst.may(Action::ViewCourses));
        assert!(!analyst.may(Action::ViewParticipantContacts));
    }

    #[test]
    fn concern_reports_reach_only_their_readers() {
        let leader = RoleSet::new(vec![Role::GroupLeader]);
        let rep = RoleSet::new(vec![Role::UserRepresentative]);
        let secretary = RoleSet::new(vec![Role::Secretary]);
        let coordinator = RoleSet::new(vec![Role::Coordinator]);
        assert!(may_read_concern_report(&coordinator, false, false));
        assert!(may_read_concern_report(&leader, true, false));
        assert!(may_read_concern_report(&leader, false, true));
        assert!(!may_read_concern_report(&leader, false, false));
        for never in [rep, secretary, RoleSet::new(vec![Role::Analyst]), RoleSet::new(vec![Role::Admin])] {
            assert!(!may_read_concern_report(&never, true, true), "{never:?}");
        }
    }

    #[test]
    fn only_those_who_put_working_groups_together_read_the_staff_directory() {
        for role in Role::ALL {
            let expected = matches!(role, Role::Admin | Role::Coordinator);
            assert_eq!(RoleSet::new(vec![role]).may(Action::ViewStaffDirectory), expected, "{role}");
        }
    }

    #[test]
    fn two_roles_take_the_wider_scope() {
        let both = RoleSet::new(vec![Role::GroupLeader, Role::Coordinator]);
        assert_eq!(both.decide(Action::ViewCourses), Decision::Allow(Scope::Organisation));
    }

    #[test]
    fn a_decision_reaches_the_courses_of_its_scope() {
        assert!(Decision::Allow(Scope::Organisation).reaches_course(false));
        assert!(Decision::Allow(Scope::AssignedCourses).reaches_course(true));
        assert!(!Decision::Allow(Scope::AssignedCourses).reaches_course(false));
        assert!(!Decision::Deny.reaches_course(true));
    }

    /// Places on a course: not in its working group, in it, and leading it.
    const AWAY: CoursePlace = CoursePlace { works_on: false, leads: false };
    const IN_GROUP: CoursePlace = CoursePlace { works_on: true, leads: false };
    const LEADING: CoursePlace = CoursePlace { works_on: true, leads: true };

    #[test]
    fn planners_and_the_course_s_leaders_switch_its_reminders() {
        use ReminderSwitch::Course;
        let coordinator = RoleSet::new(vec![Role::Coordinator]);
        let leader = RoleSet::new(vec![Role::GroupLeader]);
        assert_eq!(may_switch_reminders(&coordinator, Course, AWAY), Ok(()));
        assert_eq!(may_switch_reminders(&leader, Course, LEADING), Ok(()));
        assert_eq!(may_switch_reminders(&leader, Course, AWAY), Err(ReminderRefusal::NotOnCourse));
        for role in [Role::Admin, Role::Secretary, Role::UserRepresentative, Role::Analyst] {
            let refused = may_switch_reminders(&RoleSet::new(vec![role]), Course, IN_GROUP);
            assert_eq!(refused, Err(ReminderRefusal::NotOnCourse), "{role}");
        }
    }

    #[test]
    fn a_person_s_reminders_are_switched_only_by_those_who_see_names() {
        use ReminderSwitch::Person;
        let coordinator = RoleSet::new(vec![Role::Coordinator]);
        let leader = RoleSet::new(vec![Role::GroupLeader]);
        let secretary = RoleSet::new(vec![Role::Secretary]);
        assert_eq!(may_switch_reminders(&coordinator, Person, AWAY), Ok(()));
        assert_eq!(may_switch_reminders(&leader, Person, IN_GROUP), Ok(()));
        assert_eq!(may_switch_reminders(&leader, Person, AWAY), Err(ReminderRefusal::NotOnCourse));
        assert_eq!(may_switch_reminders(&secretary, Person, IN_GROUP), Err(ReminderRefusal::NotOnCourse));
        // Every role that may switch the course's reminders sees names today; the rule
        // still asks, so a role given the one without the other is refused by name.
        for role in Role::ALL {
            let roles = RoleSet::new(vec![role]);
            for place in [AWAY, IN_GROUP] {
                let names = roles.decide(Action::ViewParticipantContacts).reaches_course(place.works_on);
                let expected = match may_switch_reminders(&roles, ReminderSwitch::Course, place) {
                    Ok(()) if !names => Err(ReminderRefusal::NamesHidden),
                    other => other,
                };
                assert_eq!(may_switch_reminders(&roles, Person, place), expected, "{role}");
            }
        }
    }

    #[test]
    fn only_a_leader_of_the_course_switches_their_own_log_reminders() {
        use ReminderSwitch::OwnLogReminders;
        for role in Role::ALL {
            let roles = RoleSet::new(vec![role]);
            assert_eq!(may_switch_reminders(&roles, OwnLogReminders, LEADING), Ok(()), "{role}");
            let refused = may_switch_reminders(&roles, OwnLogReminders, IN_GROUP);
            assert_eq!(refused, Err(ReminderRefusal::NotALeader), "{role}");
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn only_those_limited_to_their_own_courses_break_the_glass() {
        let roles = |r: &[Role]| RoleSet::new(r.to_vec());
        assert!(may_open_emergency_access(&roles(&[Role::GroupLeader])));
        for never in [Role::UserRepresentative, Role::Secretary, Role::Admin, Role::Analyst] {
            assert!(!may_open_emergency_access(&roles(&[never])), "{never:?} sees no sensitive data");
        }
        assert!(!may_open_emergency_access(&roles(&[Role::Coordinator])), "reaches every course already");
        assert!(!may_open_emergency_access(&roles(&[Role::GroupLeader, Role::Coordinator])));
    }

    #[test]
    fn an_emergency_access_reads_and_never_changes() {
        let leader = RoleSet::new(vec![Role::GroupLeader]);
        for action in Action::ALL {
            let reads = matches!(
                action,
                Action::ViewCourses
                    | Action::ViewParticipantContacts
                    | Action::ViewSensitivePersonalData
                    | Action::ViewSessionRecords
                    | Action::ViewEvaluationResults
            );
            assert_eq!(emergency_access_reaches(&leader, action), reads, "{action:?}");
        }
        let representative = RoleSet::new(vec![Role::UserRepresentative]);
        assert!(Action::ALL.iter().all(|a| !emergency_access_reaches(&representative, *a)));
    }
}
