//! Attendance at one session, taken for the whole group on one screen, and what a
//! participant's attendance history adds up to.

use super::attendance_scope::SheetShape;
use crate::validation::{required_line, FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Most characters in a note on one participant's attendance.
pub const NOTE_MAX_CHARS: usize = 500;

/// Most parents, and most family members, counted at one session.
pub const MAX_ADULTS: u32 = 100;

/// How one participant took part in one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    AbsentWithNotice,
    AbsentWithoutNotice,
    Late,
    LeftEarly,
}

impl Attendance {
    pub const ALL: [Attendance; 5] = [
        Attendance::Present,
        Attendance::AbsentWithNotice,
        Attendance::AbsentWithoutNotice,
        Attendance::Late,
        Attendance::LeftEarly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::AbsentWithNotice => "absent_with_notice",
            Attendance::AbsentWithoutNotice => "absent_without_notice",
            Attendance::Late => "late",
            Attendance::LeftEarly => "left_early",
        }
    }

    pub fn parse(raw: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.as_str() == raw)
    }

    /// Whether the participant was there for (some of) the session: present, late and
    /// left early all count as attended.
    pub fn attended(self) -> bool {
        !self.is_absence()
    }

    /// Whether the participant was away, with or without notice.
    pub fn is_absence(self) -> bool {
        matches!(self, Attendance::AbsentWithNotice | Attendance::AbsentWithoutNotice)
    }
}

/// One participant's line on the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetEntry {
    pub participant_id: i64,
    pub attendance: Attendance,
    /// Optional, single line; empty when there is nothing to say.
    pub note: String,
}

/// One guardian's line on the sheet of a parent or family session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianEntry {
    /// The guardian's person id.
    pub person_id: i64,
    pub attendance: Attendance,
    /// Optional, single line; empty when there is nothing to say.
    pub note: String,
}

/// The whole attendance of one session, saved at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// The participants' lines.
    pub entries: Vec<SheetEntry>,
    /// The guardians' lines (parent and family sessions; none otherwise).
    pub guardians: Vec<GuardianEntry>,
    /// Parents and other grown-ups of the families who came without a line of their own
    /// (parent, family and network sessions; 0 otherwise).
    pub parents: u32,
    /// Other family members who came (family and network sessions; 0 otherwise).
    pub family_members: u32,
    /// The course's staff who were there (leaders and user representatives), by the same
    /// ids as the `staff` given to [`validate_sheet`].
    pub staff_present: Vec<i64>,
}

impl Sheet {
    /// Participants who attended (present, late or left early).
    pub fn attended(&self) -> u32 {
        self.entries.iter().filter(|e| e.attendance.attended()).count() as u32
    }

    /// Guardians on the list who attended.
    pub fn guardians_attended(&self) -> u32 {
        self.guardians.iter().filter(|e| e.attendance.attended()).count() as u32
    }
}

/// Whom a sheet must have a line for, and what it may count: the participants and
/// guardians expected at the session, the course's staff (by the same ids as
/// [`Sheet::staff_present`]) and the shape the session's audience gives.
#[derive(Debug, Clone, Copy)]
pub struct SheetScope<'a> {
    pub participants: &'a [i64],
    pub guardians: &'a [i64],
    pub staff: &'a [i64],
    pub shape: SheetShape,
}

/// One thing wrong with a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum SheetProblem {
    /// An enrolled participant has no line.
    Missing { participant_id: i64 },
    /// A line for someone who is not enrolled in the course.
    Unknown { participant_id: i64 },
    /// More than one line for the same participant.
    Duplicate { participant_id: i64 },
    /// The note is longer than [`NOTE_MAX_CHARS`].
    NoteTooLong { participant_id: i64 },
    /// The note has a line break or another control character.
    NoteInvalid { participant_id: i64 },
    /// An expected guardian has no line.
    GuardianMissing { person_id: i64 },
    /// A line for someone who is not a guardian expected at the session.
    GuardianUnknown { person_id: i64 },
    /// More than one line for the same guardian.
    GuardianDuplicate { person_id: i64 },
    /// A guardian's note is longer than [`NOTE_MAX_CHARS`].
    GuardianNoteTooLong { person_id: i64 },
    /// A guardian's note has a line break or another control character.
    GuardianNoteInvalid { person_id: i64 },
    /// Parents counted at a session whose audience has none (a children's session).
    ParentsNotHere,
    /// Family members counted at a session whose audience has none.
    FamilyMembersNotHere,
    /// More than [`MAX_ADULTS`] parents.
    TooManyAdults,
    /// More than [`MAX_ADULTS`] family members.
    TooManyFamilyMembers,
    /// Someone marked present who is not staffed on the course. `user_id` is the id as
    /// given in `staff_present` (whatever kind of id the caller's `staff` holds).
    UnknownStaff { user_id: i64 },
    /// The same person marked present more than once.
    DuplicateStaff { user_id: i64 },
}

impl SheetProblem {
    /// The form field the problem belongs to: `attendance.<participant_id>`,
    /// `note.<participant_id>`, `guardian.<person_id>`, `guardian_note.<person_id>`,
    /// `parents`, `family_members` or `staff_present`.
    pub fn field(&self) -> String {
        match self {
            SheetProblem::Missing { participant_id }
            | SheetProblem::Unknown { participant_id }
            | SheetProblem::Duplicate { participant_id } => format!("attendance.{participant_id}"),
            SheetProblem::NoteTooLong { participant_id } | SheetProblem::NoteInvalid { participant_id } => {
                format!("note.{participant_id}")
            }
            SheetProblem::GuardianMissing { person_id }
            | SheetProblem::GuardianUnknown { person_id }
            | SheetProblem::GuardianDuplicate { person_id } => guardian_field(*person_id),
            SheetProblem::GuardianNoteTooLong { person_id } | SheetProblem::GuardianNoteInvalid { person_id } => {
                guardian_note_field(*person_id)
            }
            SheetProblem::TooManyAdults | SheetProblem::ParentsNotHere => "parents".to_string(),
            SheetProblem::TooManyFamilyMembers | SheetProblem::FamilyMembersNotHere => "family_members".to_string(),
            SheetProblem::UnknownStaff { .. } | SheetProblem::DuplicateStaff { .. } => "staff_present".to_string(),
        }
    }

    /// A translation key.
    pub fn code(&self) -> &'static str {
        match self {
            SheetProblem::Missing { .. } => "error-attendance-missing",
            SheetProblem::Unknown { .. } => "error-attendance-unknown",
            SheetProblem::Duplicate { .. } => "error-attendance-duplicate",
            SheetProblem::NoteTooLong { .. } => "error-attendance-note-too-long",
            SheetProblem::NoteInvalid { .. } => "error-attendance-note-invalid",
            SheetProblem::GuardianMissing { .. } => "error-attendance-guardian-missing",
            SheetProblem::GuardianUnknown { .. } => "error-attendance-guardian-unknown",
            SheetProblem::GuardianDuplicate { .. } => "error-attendance-guardian-duplicate",
            SheetProblem::GuardianNoteTooLong { .. } => "error-attendance-note-too-long",
            SheetProblem::GuardianNoteInvalid { .. } => "error-attendance-note-invalid",
            SheetProblem::ParentsNotHere => "error-attendance-parents-not-here",
            SheetProblem::FamilyMembersNotHere => "error-attendance-family-members-not-here",
            SheetProblem::TooManyAdults => "error-attendance-too-many-adults",
            SheetProblem::TooManyFamilyMembers => "error-attendance-too-many-family-members",
            SheetProblem::UnknownStaff { .. } => "error-attendance-unknown-staff",
            SheetProblem::DuplicateStaff { .. } => "error-attendance-duplicate-staff",
        }
    }

    /// The problem as a [`FieldError`], with the limit as `max` where there is one.
    pub fn to_field_error(&self) -> FieldError {
        let error = FieldError::new(self.field(), self.code());
        match self {
            SheetProblem::NoteTooLong { .. } | SheetProblem::GuardianNoteTooLong { .. } => {
                error.with_arg("max", NOTE_MAX_CHARS)
            }
            SheetProblem::TooManyAdults | SheetProblem::TooManyFamilyMembers => error.with_arg("max", MAX_ADULTS),
            _ => error,
        }
    }
}

/// The form field of a guardian's mark.
pub fn guardian_field(person_id: i64) -> String {
    format!("guardian.{person_id}")
}

/// The form field of a guardian's note.
pub fn guardian_note_field(person_id: i64) -> String {
    format!("guardian_note.{person_id}")
}

/// Every problem as a [`FieldError`], in order.
pub fn field_errors(problems: &[SheetProblem]) -> FieldErrors {
    FieldErrors(problems.iter().map(SheetProblem::to_field_error).collect())
}

/// Checks a sheet against whom it must have a line for and what its audience counts.
/// Reports every problem at once, each once: first the participants' lines in the sheet's
/// order, then expected participants without a line, then the same for the guardians,
/// then the adult counts, then the staff.
///
/// A note may be empty (or only spaces); otherwise it follows the rule of
/// [`required_line`]: at most [`NOTE_MAX_CHARS`] characters, no line breaks or other
/// control characters. A count of 0 is no count, so it is never refused.
pub fn validate_sheet(sheet: &Sheet, scope: &SheetScope<'_>) -> Result<(), Vec<SheetProblem>> {
    let mut problems = Vec::new();
    let mut push = |problem: SheetProblem| {
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    };

    let lines = sheet.entries.iter().map(|e| (e.participant_id, e.note.as_str()));
    for problem in line_problems(lines, scope.participants, Who::Participant) {
        push(problem);
    }
    let lines = sheet.guardians.iter().map(|e| (e.person_id, e.note.as_str()));
    for problem in line_problems(lines, scope.guardians, Who::Guardian) {
        push(problem);
    }

    if sheet.parents > 0 && !scope.shape.parents_count {
        push(SheetProblem::ParentsNotHere);
    } else if sheet.parents > MAX_ADULTS {
        push(SheetProblem::TooManyAdults);
    }
    if sheet.family_members > 0 && !scope.shape.family_members_count {
        push(SheetProblem::FamilyMembersNotHere);
    } else if sheet.family_members > MAX_ADULTS {
        push(SheetProblem::TooManyFamilyMembers);
    }

    let staff_set: HashSet<i64> = scope.staff.iter().copied().collect();
    let mut seen_staff = HashSet::new();
    for &user_id in &sheet.staff_present {
        if !staff_set.contains(&user_id) {
            push(SheetProblem::UnknownStaff { user_id });
        } else if !seen_staff.insert(user_id) {
            push(SheetProblem::DuplicateStaff { user_id });
        }
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[derive(Clone, Copy)]
enum Who {
    Participant,
    Guardian,
}

/// The problems of one list of lines (id, note) against the ids expected: unknown and
/// duplicate lines and bad notes in order, then the expected without a line.
fn line_problems<'a>(lines: impl Iterator<Item = (i64, &'a str)>, expected: &[i64], who: Who) -> Vec<SheetProblem> {
    let problem = |kind: LineProblem, id: i64| match (who, kind) {
        (Who::Participant, LineProblem::Missing) => SheetProblem::Missing { participant_id: id },
        (Who::Participant, LineProblem::Unknown) => SheetProblem::Unknown { participant_id: id },
        (Who::Participant, LineProblem::Duplicate) => SheetProblem::Duplicate { participant_id: id },
        (Who::Participant, LineProblem::NoteTooLong) => SheetProblem::NoteTooLong { participant_id: id },
        (Who::Participant, LineProblem::NoteInvalid) => SheetProblem::NoteInvalid { participant_id: id },
        (Who::Guardian, LineProblem::Missing) => SheetProblem::GuardianMissing { person_id: id },
        (Who::Guardian, LineProblem::Unknown) => SheetProblem::GuardianUnknown { person_id: id },
        (Who::Guardian, LineProblem::Duplicate) => SheetProblem::GuardianDuplicate { person_id: id },
        (Who::Guardian, LineProblem::NoteTooLong) => SheetProblem::GuardianNoteTooLong { person_id: id },
        (Who::Guardian, LineProblem::NoteInvalid) => SheetProblem::GuardianNoteInvalid { person_id: id },
    };
    let mut problems = Vec::new();
    let expected_set: HashSet<i64> = expected.iter().copied().collect();
    let mut seen = HashSet::new();
    for (id, note) in lines {
        if !expected_set.contains(&id) {
            problems.push(problem(LineProblem::Unknown, id));
        } else if !seen.insert(id) {
            problems.push(problem(LineProblem::Duplicate, id));
        }
        if let Some(kind) = note_problem(note) {
            problems.push(problem(kind, id));
        }
    }
    for &id in expected {
        if !seen.contains(&id) {
            problems.push(problem(LineProblem::Missing, id));
        }
    }
    problems
}

enum LineProblem {
    Missing,
    Unknown,
    Duplicate,
    NoteTooLong,
    NoteInvalid,
}

fn note_problem(note: &str) -> Option<LineProblem> {
    if note.is_empty() {
        return None;
    }
    match required_line("note", note, NOTE_MAX_CHARS) {
        Ok(_) => None,
        // Only spaces: no note.
        Err(error) if error.code == "error-required" => None,
        Err(error) if error.code == "error-too-long" => Some(LineProblem::NoteTooLong),
        Err(_) => Some(LineProblem::NoteInvalid),
    }
}

/// The number of absences (with or without notice) in a row at the end of a participant's
/// history. `history` lists the held sessions in order; `None` is a session without a
/// record, which ends the count (not knowing is not an absence).
pub fn absences_in_a_row(history: &[Option<Attendance>]) -> u32 {
    history.iter().rev().take_while(|a| a.is_some_and(Attendance::is_absence)).count() as u32
}

/// Whether the participant's absences in a row have reached the organisation's threshold,
/// so a leader should contact the family. A threshold of 0 turns follow-up off.
pub fn needs_follow_up(history: &[Option<Attendance>], threshold: u32) -> bool {
    threshold > 0 && absences_in_a_row(history) >= threshold
}

/// A participant's attendance over a course: "attended x of y".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantSummary {
    /// Present, late or left early.
    pub attended: u32,
    /// Held sessions with a record for this participant.
    pub held: u32,
    pub absent_with_notice: u32,
    pub absent_without_notice: u32,
    /// Of `attended`: came late.
    pub late: u32,
    /// Of `attended`: left early.
    pub left_early: u32,
}

impl ParticipantSummary {
    /// Absences of either kind.
    pub fn absent(&self) -> u32 {
        self.absent_with_notice + self.absent_without_notice
    }
}

/// Adds up a participant's history (held sessions in order; `None` = not recorded and not
/// counted).
pub fn summarise(history: &[Option<Attendance>]) -> ParticipantSummary {
    let mut summary = ParticipantSummary::default();
    for attendance in history.iter().flatten() {
        summary.held += 1;
        if attendance.attended() {
            summary.attended += 1;
        }
        match attendance {
            Attendance::Present => {}
            Attendance::AbsentWithNotice => summary.absent_with_notice += 1,
            Attendance::AbsentWithoutNotice => summary.absent_without_notice += 1,
            Attendance::Late => summary.late += 1,
            Attendance::LeftEarly => summary.left_early += 1,
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Attendance::*;

    fn entry(participant_id: i64, attendance: Attendance) -> SheetEntry {
        SheetEntry { participant_id, attendance, note: String::new() }
    }

    fn sheet(entries: Vec<SheetEntry>) -> Sheet {
        Sheet { entries, guardians: vec![], parents: 0, family_members: 0, staff_present: vec![100, 101] }
    }

    const ENROLLED: [i64; 3] = [1, 2, 3];
    const STAFF: [i64; 3] = [100, 101, 102];

    /// A gathering for the whole family (everyone has a line, everyone is counted), where
    /// `expected` participants and no guardians are expected.
    fn validate_sheet(s: &Sheet, expected: &[i64], staff: &[i64]) -> Result<(), Vec<SheetProblem>> {
        let shape = SheetShape { guardians: false, ..SheetShape::of(crate::programmes::Audience::Family) };
        super::validate_sheet(s, &SheetScope { participants: expected, guardians: &[], staff, shape })
    }

    fn guardian(person_id: i64, attendance: Attendance) -> GuardianEntry {
        GuardianEntry { person_id, attendance, note: String::new() }
    }

    fn at(audience: crate::programmes::Audience, guardians: &[i64], s: &Sheet) -> Result<(), Vec<SheetProblem>> {
        let shape = SheetShape::of(audience);
        let participants: &[i64] = if shape.children { &ENROLLED } else { &[] };
        super::validate_sheet(s, &SheetScope { participants, guardians, staff: &STAFF, shape })
    }

    #[test]
    fn a_parent_sessions_sheet_has_the_guardians_by_name_and_no_children() {
        use crate::programmes::Audience::Parents;
        let mut s = sheet(vec![]);
        s.guardians = vec![guardian(21, Present), guardian(22, AbsentWithNotice)];
        s.parents = 2;
        assert_eq!(at(Parents, &[21, 22], &s), Ok(()));
        assert_eq!(s.guardians_attended(), 1);
        // The children are not expected there, a guardian missing or unknown is named.
        s.entries = vec![entry(1, Present)];
        s.guardians = vec![guardian(21, Present), guardian(99, Present), guardian(21, Late)];
        assert_eq!(
            at(Parents, &[21, 22], &s),
            Err(vec![
                SheetProblem::Unknown { participant_id: 1 },
                SheetProblem::GuardianUnknown { person_id: 99 },
                SheetProblem::GuardianDuplicate { person_id: 21 },
                SheetProblem::GuardianMissing { person_id: 22 },
            ])
        );
        // Siblings are not counted at a parents' meeting.
        let mut s = sheet(vec![]);
        s.guardians = vec![guardian(21, Present), guardian(22, Present)];
        s.family_members = 1;
        assert_eq!(at(Parents, &[21, 22], &s), Err(vec![SheetProblem::FamilyMembersNotHere]));
    }

    #[test]
    fn a_family_sessions_sheet_has_children_and_guardians_and_counts_the_rest() {
        use crate::programmes::Audience::Family;
        let mut s = sheet(vec![entry(1, Present), entry(2, Present), entry(3, AbsentWithNotice)]);
        s.guardians = vec![guardian(21, Present)];
        s.parents = 1;
        s.family_members = 11;
        assert_eq!(at(Family, &[21], &s), Ok(()));
        s.guardians.clear();
        assert_eq!(at(Family, &[21], &s), Err(vec![SheetProblem::GuardianMissing { person_id: 21 }]));
    }

    #[test]
    fn a_childrens_session_refuses_counts_of_parents_and_family_members() {
        use crate::programmes::Audience::Participants;
        let mut s = sheet(vec![entry(1, Present), entry(2, Present), entry(3, Present)]);
        assert_eq!(at(Participants, &[], &s), Ok(()), "0 is no count");
        s.parents = 10;
        s.family_members = 1;
        s.guardians = vec![guardian(21, Present)];
        assert_eq!(
            at(Participants, &[], &s),
            Err(vec![
                SheetProblem::GuardianUnknown { person_id: 21 },
                SheetProblem::ParentsNotHere,
                SheetProblem::FamilyMembersNotHere
            ])
        );
        let errors = field_errors(&[SheetProblem::ParentsNotHere, SheetProblem::FamilyMembersNotHere]);
        assert_eq!(errors.0[0].field, "parents");
        assert_eq!(errors.0[0].code, "error-attendance-parents-not-here");
        assert_eq!(errors.0[1].field, "family_members");
    }

    #[test]
    fn guardians_notes_follow_the_same_rule() {
        use crate::programmes::Audience::Parents;
        let mut s = sheet(vec![]);
        s.guardians = vec![guardian(21, Present), guardian(22, Present)];
        s.guardians[0].note = "x".repeat(NOTE_MAX_CHARS + 1);
        s.guardians[1].note = "a\nb".into();
        assert_eq!(
            at(Parents, &[21, 22], &s),
            Err(vec![
                SheetProblem::GuardianNoteTooLong { person_id: 21 },
                SheetProblem::GuardianNoteInvalid { person_id: 22 }
            ])
        );
        assert_eq!(SheetProblem::GuardianNoteTooLong { person_id: 21 }.field(), "guardian_note.21");
        assert_eq!(SheetProblem::GuardianMissing { person_id: 21 }.field(), "guardian.21");
    }

    #[test]
    fn names_round_trip_and_serde_matches() {
        assert_names_round_trip!(Attendance);
        assert_eq!(Attendance::parse("Present"), None);
        assert_eq!(Attendance::parse(""), None);
    }

    #[test]
    fn late_and_left_early_count_as_attended() {
        assert!(Present.attended() && Late.attended() && LeftEarly.attended());
        assert!(!AbsentWithNotice.attended() && !AbsentWithoutNotice.attended());
        for a in Attendance::ALL {
            assert_ne!(a.attended(), a.is_absence());
        }
    }

    #[test]
    fn a_complete_sheet_is_valid() {
        let mut s = sheet(vec![entry(3, Late), entry(1, Present), entry(2, AbsentWithNotice)]);
        s.entries[0].note = "  Bussen var sen  ".into();
        s.entries[1].note = "   ".into();
        s.parents = 4;
        s.family_members = MAX_ADULTS;
        assert_eq!(validate_sheet(&s, &ENROLLED, &STAFF), Ok(()));
        assert_eq!(s.attended(), 2);
    }

    #[test]
    fn an_empty_course_takes_an_empty_sheet() {
        let s = Sheet::default();
        assert_eq!(validate_sheet(&s, &[], &[]), Ok(()));
        assert_eq!(validate_sheet(&s, &[7], &[]), Err(vec![SheetProblem::Missing { participant_id: 7 }]));
    }

    #[test]
    fn missing_unknown_and_duplicate_lines_are_named_once_each() {
        let s = sheet(vec![entry(1, Present), entry(9, Present), entry(1, Late), entry(1, Present), entry(9, Late)]);
        assert_eq!(
            validate_sheet(&s, &ENROLLED, &STAFF),
            Err(vec![
                SheetProblem::Unknown { participant_id: 9 },
                SheetProblem::Duplicate { participant_id: 1 },
                SheetProblem::Missing { participant_id: 2 },
                SheetProblem::Missing { participant_id: 3 },
            ])
        );
    }

    #[test]
    fn notes_are_single_lines_of_bounded_length() {
        let mut s = sheet(vec![entry(1, Present), entry(2, Present), entry(3, Present)]);
        s.entries[0].note = "a".repeat(NOTE_MAX_CHARS);
        assert_eq!(validate_sheet(&s, &ENROLLED, &STAFF), Ok(()));
        s.entries[0].note = "ø".repeat(NOTE_MAX_CHARS + 1);
        s.entries[1].note = "første linje\nandre".into();
        s.entries[2].note = "\t".into();
        assert_eq!(
            validate_sheet(&s, &ENROLLED, &STAFF),
            Err(vec![
                SheetProblem::NoteTooLong { participant_id: 1 },
                SheetProblem::NoteInvalid { participant_id: 2 },
                SheetProblem::NoteInvalid { participant_id: 3 },
            ])
        );
        s.entries[1].note = "a\u{2028}b".into();
        s.entries[2].note = "\u{0}".into();
        assert_eq!(validate_sheet(&s, &ENROLLED, &STAFF).unwrap_err().len(), 3);
    }

    #[test]
    fn adult_counts_are_bounded() {
        let mut s = sheet(vec![entry(1, Present), entry(2, Present), entry(3, Present)]);
        s.parents = MAX_ADULTS + 1;
        s.family_members = u32::MAX;
        assert_eq!(
            validate_sheet(&s, &ENROLLED, &STAFF),
            Err(vec![SheetProblem::TooManyAdults, SheetProblem::TooManyFamilyMembers])
        );
    }

    #[test]
    fn only_the_course_staff_once_each() {
        let mut s = sheet(vec![entry(1, Present), entry(2, Present), entry(3, Present)]);
        s.staff_present = vec![100, 555, 100, 555, 102];
        assert_eq!(
            validate_sheet(&s, &ENROLLED, &STAFF),
            Err(vec![SheetProblem::UnknownStaff { user_id: 555 }, SheetProblem::DuplicateStaff { user_id: 100 }])
        );
        s.staff_present.clear();
        assert_eq!(validate_sheet(&s, &ENROLLED, &STAFF), Ok(()));
    }

    #[test]
    fn problems_name_their_field_and_key() {
        let cases = [
            (SheetProblem::Missing { participant_id: 5 }, "attendance.5", "error-attendance-missing"),
            (SheetProblem::Unknown { participant_id: 6 }, "attendance.6", "error-attendance-unknown"),
            (SheetProblem::Duplicate { participant_id: 7 }, "attendance.7", "error-attendance-duplicate"),
            (SheetProblem::NoteTooLong { participant_id: 8 }, "note.8", "error-attendance-note-too-long"),
            (SheetProblem::NoteInvalid { participant_id: 9 }, "note.9", "error-attendance-note-invalid"),
            (SheetProblem::TooManyAdults, "parents", "error-attendance-too-many-adults"),
            (SheetProblem::TooManyFamilyMembers, "family_members", "error-attendance-too-many-family-members"),
            (SheetProblem::UnknownStaff { user_id: 1 }, "staff_present", "error-attendance-unknown-staff"),
            (SheetProblem::DuplicateStaff { user_id: 1 }, "staff_present", "error-attendance-duplicate-staff"),
        ];
        for (problem, field, code) in cases {
            assert_eq!(problem.field(), field);
            assert_eq!(problem.code(), code);
        }
        let errors = field_errors(&[SheetProblem::NoteTooLong { participant_id: 8 }, SheetProblem::TooManyAdults]);
        assert_eq!(errors.0[0].args, vec![("max", NOTE_MAX_CHARS.to_string())]);
        assert_eq!(errors.0[1].field, "parents");
        assert_eq!(errors.0[1].args, vec![("max", MAX_ADULTS.to_string())]);
    }

    #[test]
    fn absences_in_a_row_count_from_the_end() {
        assert_eq!(absences_in_a_row(&[]), 0);
        assert_eq!(absences_in_a_row(&[Some(Present)]), 0);
        assert_eq!(absences_in_a_row(&[Some(AbsentWithNotice), Some(Present), Some(AbsentWithoutNotice)]), 1);
        assert_eq!(
            absences_in_a_row(&[
                Some(Present),
                Some(AbsentWithNotice),
                Some(AbsentWithoutNotice),
                Some(AbsentWithNotice)
            ]),
            3
        );
        // Late and left early are attendance and end a run.
        assert_eq!(absences_in_a_row(&[Some(AbsentWithNotice), Some(Late)]), 0);
        assert_eq!(absences_in_a_row(&[Some(AbsentWithNotice), Some(LeftEarly), Some(AbsentWithNotice)]), 1);
        // Not recorded is not an absence, and ends the count.
        assert_eq!(absences_in_a_row(&[Some(AbsentWithNotice), None, Some(AbsentWithoutNotice)]), 1);
        assert_eq!(absences_in_a_row(&[Some(AbsentWithNotice), None]), 0);
    }

    #[test]
    fn follow_up_at_the_threshold_and_never_when_off() {
        let two = [Some(Present), Some(AbsentWithoutNotice), Some(AbsentWithNotice)];
        assert!(needs_follow_up(&two, 1));
        assert!(needs_follow_up(&two, 2));
        assert!(!needs_follow_up(&two, 3));
        assert!(!needs_follow_up(&two, 0));
        assert!(!needs_follow_up(&[], 0));
        assert!(!needs_follow_up(&[], 1));
    }

    #[test]
    fn summary_counts_each_kind() {
        let history =
            [Some(Present), None, Some(Late), Some(LeftEarly), Some(AbsentWithNotice), Some(AbsentWithoutNotice), None];
        assert_eq!(
            summarise(&history),
            ParticipantSummary {
                attended: 3,
                held: 5,
                absent_with_notice: 1,
                absent_without_notice: 1,
                late: 1,
                left_early: 1,
            }
        );
        assert_eq!(summarise(&history).absent(), 2);
        assert_eq!(summarise(&[]), ParticipantSummary::default());
    }

    fn history() -> impl Strategy<Value = Vec<Option<Attendance>>> {
        proptest::collection::vec(proptest::option::of(proptest::sample::select(Attendance::ALL.to_vec())), 0..30)
    }

    proptest! {
        #[test]
        fn summaries_add_up(history in history()) {
            let s = summarise(&history);
            prop_assert_eq!(s.attended + s.absent(), s.held);
            prop_assert_eq!(s.held as usize, history.iter().flatten().count());
            prop_assert!(s.late + s.left_early <= s.attended);
            prop_assert!(absences_in_a_row(&history) <= s.held);
            prop_assert!(absences_in_a_row(&history) <= s.absent());
        }

        #[test]
        fn a_sheet_with_every_enrolled_participant_once_is_valid(
            ids in proptest::collection::hash_set(any::<i64>(), 0..20),
            marks in proptest::collection::vec(proptest::sample::select(Attendance::ALL.to_vec()), 20),
        ) {
            let enrolled: Vec<i64> = ids.into_iter().collect();
            let entries = enrolled.iter().zip(&marks).rev().map(|(id, a)| entry(*id, *a)).collect();
            let s = Sheet { entries, guardians: vec![], parents: 0, family_members: 0, staff_present: vec![] };
            prop_assert_eq!(validate_sheet(&s, &enrolled, &[]), Ok(()));
        }
    }
}
