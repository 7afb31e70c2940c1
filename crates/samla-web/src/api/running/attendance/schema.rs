//! The JSON shapes of running a session, and how the service's views become them.

use crate::api::courses::whole;
use crate::services::running::attendance::{PlanView, SessionView, TodayView};
use samla_domain::running::attendance::{Attendance, GuardianEntry, Sheet, SheetEntry};
use samla_domain::running::attendance_scope::SheetShape;
use samla_storage::running::attendance::AbsenceNotice as StoredNotice;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The most days `getToday` looks ahead.
pub const MAX_DAYS: i64 = 31;

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SessionKindName {
    Session,
    Meeting,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatusName {
    Planned,
    Cancelled,
}

name_from!(samla_domain::planning::session::SessionKind => SessionKindName { Session, Meeting });
name_from!(samla_domain::planning::session::SessionStatus => SessionStatusName { Planned, Cancelled });

/// How a participant took part: present, late and left early count as attended.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceName {
    Present,
    AbsentWithNotice,
    AbsentWithoutNotice,
    Late,
    LeftEarly,
}

impl From<AttendanceName> for Attendance {
    fn from(name: AttendanceName) -> Self {
        match name {
            AttendanceName::Present => Attendance::Present,
            AttendanceName::AbsentWithNotice => Attendance::AbsentWithNotice,
            AttendanceName::AbsentWithoutNotice => Attendance::AbsentWithoutNotice,
            AttendanceName::Late => Attendance::Late,
            AttendanceName::LeftEarly => Attendance::LeftEarly,
        }
    }
}

impl From<Attendance> for AttendanceName {
    fn from(attendance: Attendance) -> Self {
        match attendance {
            Attendance::Present => AttendanceName::Present,
            Attendance::AbsentWithNotice => AttendanceName::AbsentWithNotice,
            Attendance::AbsentWithoutNotice => AttendanceName::AbsentWithoutNotice,
            Attendance::Late => AttendanceName::Late,
            Attendance::LeftEarly => AttendanceName::LeftEarly,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionCourse {
    pub id: i64,
    pub name: String,
}

/// A participant expected at a session: the id is the participant's place in the course.
#[derive(Serialize, ToSchema)]
pub struct ExpectedParticipant {
    pub participant_id: i64,
    pub name: String,
}

/// A guardian expected at a parent or family session: a grown-up of a child
/// participant's household with parental responsibility.
#[derive(Serialize, ToSchema)]
pub struct ExpectedGuardian {
    /// The guardian's person id (as in the intake's households).
    pub person_id: i64,
    pub name: String,
    /// The participants of the course they are a guardian of.
    pub guardian_of: Vec<i64>,
}

/// Who has a line on a session's sheet and what it counts, by the session's audience:
/// children's sessions list the children and count nobody else; parent sessions list the
/// guardians and count other parents; family sessions list both and count other parents
/// and family members; network gatherings list the children whose family agreed and count
/// parents and family members.
#[derive(Serialize, ToSchema)]
pub struct AttendanceShape {
    /// Child participants have a line each (adult participants have one at every session).
    pub children: bool,
    /// The guardians of the children have a line each.
    pub guardians: bool,
    /// `parents` may be counted.
    pub parents_count: bool,
    /// `family_members` may be counted.
    pub family_members_count: bool,
}

impl From<SheetShape> for AttendanceShape {
    fn from(shape: SheetShape) -> Self {
        AttendanceShape {
            children: shape.children,
            guardians: shape.guardians,
            parents_count: shape.parents_count,
            family_members_count: shape.family_members_count,
        }
    }
}

/// A family's word that a participant will be away.
#[derive(Serialize, ToSchema)]
pub struct AbsenceNotice {
    pub participant_id: i64,
    pub name: String,
    pub note: String,
    /// Unix seconds.
    pub recorded_at: i64,
    pub recorded_by: Option<String>,
}

pub fn notice_json(n: &StoredNotice) -> AbsenceNotice {
    AbsenceNotice {
        participant_id: n.participant_id,
        name: n.name.clone(),
        note: n.note.clone(),
        recorded_at: n.recorded_at,
        recorded_by: n.recorded_by_name.clone(),
    }
}

/// A session or meeting as a leader runs it.
#[derive(Serialize, ToSchema)]
#[schema(as = RunningSession)]
pub struct RunningSession {
    pub id: i64,
    pub course: SessionCourse,
    pub kind: SessionKindName,
    /// 1, 2, 3 … among the course's sessions; none for meetings.
    pub number: Option<i64>,
    /// The session plan's number in the programme.
    pub programme_session: Option<i64>,
    pub meeting_kind: Option<String>,
    pub title: String,
    /// participants, parents, family or network.
    pub audience: String,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    pub start_time: String,
    pub end_time: String,
    pub room: String,
    pub status: SessionStatusName,
    pub cancel_reason: Option<String>,
    /// The one participant a meeting is about.
    pub participant_id: Option<i64>,
    pub plan: Option<PlanView>,
    /// Who has a line on the sheet and what it counts, by the audience.
    pub sheet_shape: AttendanceShape,
    pub expected_count: i64,
    /// Who is expected, by name; null for those who may not see participants' names.
    pub expected: Option<Vec<ExpectedParticipant>>,
    pub expected_guardian_count: i64,
    /// The guardians expected (parent and family sessions), by name; null for those who
    /// may not see participants' names.
    pub expected_guardians: Option<Vec<ExpectedGuardian>>,
    /// Participants a network meeting leaves out because their family has not agreed to
    /// share with the network.
    pub left_out_without_consent: i64,
    pub absence_notice_count: i64,
    /// Null for those who may not see participants' names.
    pub absence_notices: Option<Vec<AbsenceNotice>>,
    pub attendance_recorded: bool,
    /// 0 while nothing is saved (see getSessionAttendance).
    pub attendance_version: i64,
    pub log_written: bool,
    /// The caller may take attendance and record absence notices here.
    pub may_record: bool,
    /// Attendance can be taken now (not cancelled, its day has come, the course open).
    pub attendance_open: bool,
}

pub fn session_json(view: &SessionView) -> RunningSession {
    let s = &view.session;
    let names = view.access.names;
    RunningSession {
        id: s.id,
        course: SessionCourse { id: view.course.id, name: view.course.name.clone() },
        kind: s.kind.into(),
        number: view.number.map(|n| n as i64),
        programme_session: s.programme_session,
        meeting_kind: s.meeting_kind.clone(),
        title: s.title.clone(),
        audience: s.audience.as_str().to_string(),
        date: s.date.clone(),
        start_time: s.start_time.clone(),
        end_time: s.end_time.clone(),
        room: s.room.clone(),
        status: s.status.into(),
        cancel_reason: s.cancel_reason.clone(),
        participant_id: s.participant_id,
        plan: view.plan.clone(),
        sheet_shape: view.expected.shape.into(),
        expected_count: view.expected.participants.len() as i64,
        expected: names.then(|| {
            view.expected
                .participants
                .iter()
                .map(|p| ExpectedParticipant { participant_id: p.id, name: p.name.clone() })
                .collect()
        }),
        expected_guardian_count: view.expected.guardians.len() as i64,
        expected_guardians: names.then(|| {
            view.expected
                .guardians
                .iter()
                .map(|g| ExpectedGuardian {
                    person_id: g.person_id,
                    name: g.name.clone(),
                    guardian_of: g.guardian_of.clone(),
                })
                .collect()
        }),
        left_out_without_consent: view.expected.left_out_without_consent,
        absence_notice_count: view.notices.len() as i64,
        absence_notices: names.then(|| view.notices.iter().map(notice_json).collect()),
        attendance_recorded: view.sheet.is_some(),
        attendance_version: view.version(),
        log_written: view.has_log,
        may_record: view.access.record,
        attendance_open: view.closed.is_none(),
    }
}

/// How many took part how.
#[derive(Serialize, ToSchema, Default)]
pub struct AttendanceCounts {
    pub present: i64,
    pub absent_with_notice: i64,
    pub absent_without_notice: i64,
    pub late: i64,
    pub left_early: i64,
}

impl AttendanceCounts {
    fn add(&mut self, attendance: Attendance) {
        *match attendance {
            Attendance::Present => &mut self.present,
            Attendance::AbsentWithNotice => &mut self.absent_with_notice,
            Attendance::AbsentWithoutNotice => &mut self.absent_without_notice,
            Attendance::Late => &mut self.late,
            Attendance::LeftEarly => &mut self.left_early,
        } += 1;
    }
}

/// One guardian's line.
#[derive(Serialize, ToSchema)]
pub struct GuardianAttendanceEntry {
    pub person_id: i64,
    pub name: String,
    pub attendance: AttendanceName,
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceEntry {
    pub participant_id: i64,
    pub name: String,
    pub attendance: AttendanceName,
    pub note: String,
}

/// The attendance of one session.
#[derive(Serialize, ToSchema)]
pub struct AttendanceSheet {
    pub session_id: i64,
    /// 0 while nothing is saved; the ETag carries the same number.
    pub version: i64,
    pub recorded: bool,
    /// Unix seconds.
    pub saved_at: Option<i64>,
    pub saved_by: Option<String>,
    /// Parents and other grown-ups of the families who came without a line of their own.
    pub parents: i64,
    /// Other family members who came (siblings and others).
    pub family_members: i64,
    /// Staff ids (see listCourseStaff) of the leaders and user representatives present.
    pub staff_present: Vec<i64>,
    /// The participants' lines, counted.
    pub counts: AttendanceCounts,
    /// One line per participant; null for those who may not see participants' names.
    pub entries: Option<Vec<AttendanceEntry>>,
    /// The guardians' lines, counted.
    pub guardian_counts: AttendanceCounts,
    /// One line per guardian (parent and family sessions); null for those who may not see
    /// participants' names.
    pub guardians: Option<Vec<GuardianAttendanceEntry>>,
}

pub fn sheet_json(view: &SessionView) -> AttendanceSheet {
    let mut counts = AttendanceCounts::default();
    let mut entries = Vec::new();
    let mut guardian_counts = AttendanceCounts::default();
    let mut guardians = Vec::new();
    if let Some(sheet) = &view.sheet {
        for e in &sheet.entries {
            let Some(attendance) = Attendance::parse(&e.attendance) else { continue };
            counts.add(attendance);
            entries.push(AttendanceEntry {
                participant_id: e.participant_id,
                name: e.name.clone(),
                attendance: attendance.into(),
                note: e.note.clone(),
            });
        }
        for e in &sheet.guardians {
            let Some(attendance) = Attendance::parse(&e.attendance) else { continue };
            guardian_counts.add(attendance);
            guardians.push(GuardianAttendanceEntry {
                person_id: e.person_id,
                name: e.name.clone(),
                attendance: attendance.into(),
                note: e.note.clone(),
            });
        }
    }
    let header = view.sheet.as_ref().map(|s| &s.header);
    AttendanceSheet {
        session_id: view.session.id,
        version: view.version(),
        recorded: header.is_some(),
        saved_at: header.map(|h| h.saved_at),
        saved_by: header.and_then(|h| h.saved_by_name.clone()),
        parents: header.map_or(0, |h| h.parents),
        family_members: header.map_or(0, |h| h.family_members),
        staff_present: view.sheet.as_ref().map(|s| s.staff_present.clone()).unwrap_or_default(),
        counts,
        entries: view.access.names.then_some(entries),
        guardian_counts,
        guardians: view.access.names.then_some(guardians),
    }
}

/// One guardian's line.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardianLine {
    /// The guardian's person id (see `expected_guardians` of getSession).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub person_id: i64,
    pub attendance: AttendanceName,
    /// Optional, one line.
    #[serde(default)]
    #[schema(max_length = 500, format = "optional_line")]
    pub note: Option<String>,
}

/// One participant's line.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceLine {
    /// The participant's id in the course (see getSession).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub participant_id: i64,
    pub attendance: AttendanceName,
    /// Optional, one line.
    #[serde(default)]
    #[schema(max_length = 500, format = "optional_line")]
    pub note: Option<String>,
}

/// The whole attendance of a session, replacing what was saved.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceUpdate {
    /// Exactly one line per participant expected at the session (none at a session for
    /// parents, whose children are not expected). Left out: none.
    #[serde(default)]
    #[schema(max_items = 200)]
    pub entries: Vec<AttendanceLine>,
    /// Exactly one line per guardian expected at the session (parent and family
    /// sessions; see `expected_guardians` of getSession). Left out: none.
    #[serde(default)]
    #[schema(max_items = 400)]
    pub guardians: Vec<GuardianLine>,
    /// Parents and other grown-ups of the families who came without a line of their own
    /// (a parent without parental responsibility, a step-parent). Only at sessions whose
    /// `sheet_shape.parents_count` is true: above 0 at a children's session is refused
    /// (422, field `parents`). Left out: 0.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 100)]
    pub parents: Option<u32>,
    /// Other family members who came (siblings and others). Only at sessions whose
    /// `sheet_shape.family_members_count` is true: above 0 elsewhere is refused (422,
    /// field `family_members`). Left out: 0.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 100)]
    pub family_members: Option<u32>,
    /// Staff ids (see listCourseStaff) of the leaders and user representatives present.
    #[serde(default, deserialize_with = "whole::list")]
    #[schema(max_items = 100)]
    pub staff_present: Vec<i64>,
}

impl AttendanceUpdate {
    pub fn into_sheet(self) -> Sheet {
        Sheet {
            entries: self
                .entries
                .into_iter()
                .map(|line| SheetEntry {
                    participant_id: line.participant_id,
                    attendance: line.attendance.into(),
                    note: line.note.unwrap_or_default(),
                })
                .collect(),
            guardians: self
                .guardians
                .into_iter()
                .map(|line| GuardianEntry {
                    person_id: line.person_id,
                    attendance: line.attendance.into(),
                    note: line.note.unwrap_or_default(),
                })
                .collect(),
            parents: self.parents.unwrap_or(0),
            family_members: self.family_members.unwrap_or(0),
            staff_present: self.staff_present,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAbsenceNotice {
    /// The participant's id in the course (see getSession).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub participant_id: i64,
    /// Optional, one line.
    #[serde(default)]
    #[schema(max_length = 500, format = "optional_line")]
    pub note: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TodayParams {
    /// How many days after today to include, 0–31 (default 14).
    #[param(minimum = 0, maximum = 31)]
    pub days: Option<i64>,
}

/// The caller's sessions from today on.
#[derive(Serialize, ToSchema)]
pub struct Today {
    #[schema(value_type = String, format = Date)]
    pub from: String,
    #[schema(value_type = String, format = Date)]
    pub to: String,
    /// The caller works on no course and gets the whole organisation's sessions.
    pub whole_organisation: bool,
    pub sessions: Vec<RunningSession>,
}

pub fn today_json(view: &TodayView) -> Today {
    Today {
        from: view.today.to_string(),
        to: view.last_day.to_string(),
        whole_organisation: view.whole_organisation,
        sessions: view.sessions.iter().map(session_json).collect(),
    }
}
