//! A course's attendance as a whole, computed from the saved sheets: per held session
//! (children who came of those expected, guardians who came of those on the list, other
//! parents, family members, the staff who were there and what the programme's staffing
//! rule found lacking) and per participant ("attended x of y", absences in a row,
//! follow-up with the family, dropout, and how the child's guardians came to the
//! gatherings for parents and families).
//!
//! Everyone who sees the course sees the counts; the lines per participant name
//! children, so only those who may see participants' contact details for the course
//! get them, and each such read is audited.

mod dropout;
mod follow_up;

pub use dropout::{record_dropout, DropoutForm};
pub use follow_up::{complete_follow_up, follow_up_tasks, home_tasks, open_follow_up_tasks, HomeTasks};

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::course_access::OnCourse;
use crate::AppState;
use samla_domain::planning::session::SessionKind;
use samla_domain::planning::staffing::{CourseRole, StaffingGap, StaffingRule};
use samla_domain::programmes::Manual;
use samla_domain::running::attendance::{absences_in_a_row, summarise, Attendance, ParticipantSummary};
use samla_domain::running::staff_presence::{staff_at_session, StaffKind};
use samla_domain::Action;
use samla_storage::course_staff::{self, StaffMember};
use samla_storage::courses::{self, Course};
use samla_storage::running::overview::{self as store, CourseParticipant, FollowUpTask, GuardianEntryRow, HeldSession};
use samla_storage::running::settings;
use samla_storage::{programmes, StoreError};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// What the actor may do with one course's running records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Access {
    /// Participants' names and their attendance one by one.
    pub names: bool,
    /// Follow-ups and dropouts.
    pub record: bool,
    /// The observations about a participant.
    pub observations: bool,
    /// Concern reports.
    pub concerns: bool,
}

/// The course, if the actor may see it, and what they may do with its records.
pub async fn access(state: &AppState, actor: &Actor, course_id: i64) -> Result<(OnCourse, Access), WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?;
    let access = Access {
        names: actor
            .may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, course_id)
            .await?,
        record: actor.may_on_course(&state.clock, state.store.pool(), Action::RecordSessionWork, course_id).await?,
        observations: actor
            .may_on_course(&state.clock, state.store.pool(), Action::ViewSensitivePersonalData, course_id)
            .await?,
        concerns: actor.may_on_course(&state.clock, state.store.pool(), Action::ReportConcerns, course_id).await?,
    };
    Ok((course, access))
}

/// One held session or meeting in figures.
#[derive(Debug, Clone)]
pub struct SessionFigures {
    pub held: HeldSession,
    /// 1, 2, 3 … among the course's sessions (as on the course page); none for meetings.
    pub number: Option<usize>,
    /// Participants who came (present, late or left early).
    pub attended: u32,
    /// Participants on the sheet: everyone expected at the session.
    pub expected: u32,
    /// Guardians on the list who came (parent and family sessions).
    pub guardians_attended: u32,
    /// Guardians on the sheet: every guardian expected at the session.
    pub guardians_expected: u32,
    pub staff_present: Vec<StaffMember>,
    /// What the programme's staffing rule found lacking among those who came; always
    /// empty for meetings, which the rule does not cover.
    pub gaps: Vec<StaffingGap>,
}

/// One participant's mark on one sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub attendance: Attendance,
    pub note: String,
}

/// Where contacting the participant's family stands, by the newest task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    None,
    Open { task_id: i64, since: i64, absences: i64 },
    Done { task_id: i64, at: i64, by: Option<String>, outcome: String },
}

/// One participant's attendance over the course.
#[derive(Debug, Clone)]
pub struct ParticipantFigures {
    pub participant: CourseParticipant,
    /// One per held session, in the same order; none where they were not on the sheet.
    pub marks: Vec<Option<Mark>>,
    pub summary: ParticipantSummary,
    pub absences_in_a_row: u32,
    /// Newest first.
    pub tasks: Vec<FollowUpTask>,
    /// The child's guardians and their marks, by name.
    pub guardians: Vec<GuardianFigures>,
}

/// One guardian's attendance at the gatherings for parents and families.
#[derive(Debug, Clone)]
pub struct GuardianFigures {
    pub person_id: i64,
    pub name: String,
    /// One per held session, in the same order; none where they were not on the sheet.
    pub marks: Vec<Option<Mark>>,
    pub summary: ParticipantSummary,
}

impl ParticipantFigures {
    /// Held sessions where the child's guardians were on the sheet, and of those the
    /// sessions at least one of them came to.
    pub fn family_came(&self) -> (u32, u32) {
        let sessions = self.guardians.first().map_or(0, |g| g.marks.len());
        let (mut came, mut held) = (0, 0);
        for index in 0..sessions {
            let marks: Vec<&Mark> = self.guardians.iter().filter_map(|g| g.marks[index].as_ref()).collect();
            if !marks.is_empty() {
                held += 1;
                if marks.iter().any(|m| m.attendance.attended()) {
                    came += 1;
                }
            }
        }
        (came, held)
    }
}

impl ParticipantFigures {
    pub fn follow_up(&self) -> FollowUp {
        match self.tasks.first() {
            None => FollowUp::None,
            Some(task) => match task.done_at {
                None => FollowUp::Open { task_id: task.id, since: task.created_at, absences: task.absences },
                Some(at) => FollowUp::Done {
                    task_id: task.id,
                    at,
                    by: task.done_by_name.clone(),
                    outcome: task.outcome.clone(),
                },
            },
        }
    }

    pub fn dropped_out(&self) -> bool {
        self.participant.status.is_dropped_out()
    }
}

/// A participant's attendance history as the rules read it: the held sessions they were
/// on the sheet for, in order.
fn history(marks: &[Option<Mark>]) -> Vec<Option<Attendance>> {
    marks.iter().flatten().map(|m| Some(m.attendance)).collect()
}

/// The course's attendance for the overview.
pub struct CourseAttendance {
    pub course: Course,
    pub access: Access,
    pub sessions: Vec<SessionFigures>,
    /// None when the actor sees counts only.
    pub participants: Option<Vec<ParticipantFigures>>,
    /// The organisation's absences in a row before a follow-up (0: off).
    pub threshold: u32,
}

/// The attendance overview: counts for everyone who sees the course, the lines per
/// participant for those who may see participants (audited as `attendance.read`).
pub async fn course_attendance(state: &AppState, actor: &Actor, course_id: i64) -> Result<CourseAttendance, WebError> {
    let (course, access) = access(state, actor, course_id).await?;
    let read = async {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let sessions = session_figures(&mut conn, actor.organisation.id, &course).await?;
        let participants = match access.names {
            true => Some(participant_figures(&mut conn, &course, &sessions).await?),
            false => None,
        };
        let threshold = threshold(&mut conn, actor.organisation.id).await?;
        Ok::<_, WebError>((sessions, participants, threshold))
    };
    let (sessions, participants, threshold) = match access.names {
        true => actor.recording_read(state, "attendance.read", ("course", course.id), read).await?,
        false => read.await?,
    };
    Ok(CourseAttendance { course: course.into_course(), access, sessions, participants, threshold })
}

/// The printable summary: the lines per participant, for those who may see them
/// (audited as `attendance.print`).
pub async fn printable(state: &AppState, actor: &Actor, course_id: i64) -> Result<CourseAttendance, WebError> {
    let (course, access) = access(state, actor, course_id).await?;
    let course = course.also(state, actor, Action::ViewParticipantContacts).await?;
    let read = async {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let sessions = session_figures(&mut conn, actor.organisation.id, &course).await?;
        let participants = participant_figures(&mut conn, &course, &sessions).await?;
        let threshold = threshold(&mut conn, actor.organisation.id).await?;
        Ok::<_, WebError>((sessions, participants, threshold))
    };
    let (sessions, participants, threshold) =
        actor.recording_read(state, "attendance.print", ("course", course.id), read).await?;
    Ok(CourseAttendance { course: course.into_course(), access, sessions, participants: Some(participants), threshold })
}

/// One participant in a course, for their page.
pub struct ParticipantInCourse {
    pub course: Course,
    pub access: Access,
    pub sessions: Vec<SessionFigures>,
    pub figures: ParticipantFigures,
    pub threshold: u32,
}

/// A participant's page: for those who may see the course's participants (audited as
/// `attendance.read` of the participant).
pub async fn participant(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
) -> Result<ParticipantInCourse, WebError> {
    let (course, access) = access(state, actor, course_id).await?;
    let course = course.also(state, actor, Action::ViewParticipantContacts).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    store::participant(&mut conn, course.id, participant_id).await?;
    let sessions = session_figures(&mut conn, actor.organisation.id, &course).await?;
    let figures = participant_figures(&mut conn, &course, &sessions)
        .await?
        .into_iter()
        .find(|p| p.participant.id == participant_id)
        .ok_or(WebError::NotFound)?;
    let threshold = threshold(&mut conn, actor.organisation.id).await?;
    drop(conn);
    actor.record_read(state, "attendance.read", "course_participant", participant_id).await?;
    Ok(ParticipantInCourse { course: course.into_course(), access, sessions, figures, threshold })
}

async fn threshold(conn: &mut AnyConnection, organisation_id: i64) -> Result<u32, WebError> {
    let found = settings::get(conn, organisation_id).await?.follow_up_after_absences;
    Ok(u32::try_from(found.max(0)).unwrap_or(u32::MAX))
}

/// The programme's staffing rule and who holds its certification.
async fn staffing_rule(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course: &Course,
) -> Result<(StaffingRule, Vec<i64>), WebError> {
    let version = programmes::version_by_id(conn, course.programme_version_id).await?;
    let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let certified = programmes::certified_users(conn, organisation_id, version.programme_id).await?;
    Ok((manual.staffing, certified))
}

fn staff_kind(member: &StaffMember, certified: &[i64]) -> StaffKind {
    match member.course_role {
        CourseRole::GroupLeader => {
            StaffKind::GroupLeader { certified: member.user_id.is_some_and(|u| certified.contains(&u)) }
        }
        CourseRole::UserRepresentative => StaffKind::UserRepresentative,
        CourseRole::Coordinator | CourseRole::Secretary | CourseRole::NetworkContact => StaffKind::Other,
    }
}

/// Every held session of the course in figures, in time order.
async fn session_figures(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course: &OnCourse,
) -> Result<Vec<SessionFigures>, WebError> {
    let held = store::held_sessions(conn, course.id).await?;
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let numbers: HashMap<i64, usize> = courses::sessions(conn, course.id)
        .await?
        .iter()
        .filter(|s| s.kind.is_session())
        .enumerate()
        .map(|(i, s)| (s.id, i + 1))
        .collect();
    let (rule, certified) = staffing_rule(conn, organisation_id, course).await?;
    let roster = course_staff::members(conn, course.id).await?;
    let kinds: Vec<(i64, StaffKind)> = roster.iter().map(|m| (m.id, staff_kind(m, &certified))).collect();
    let present = store::staff_present(conn, course.id).await?;
    let entries = store::entries(conn, course.id).await?;
    let guardian_entries = store::guardian_entries(conn, course.id).await?;
    Ok(held
        .into_iter()
        .map(|held| {
            let marks: Vec<Attendance> = entries
                .iter()
                .filter(|e| e.session_id == held.session_id)
                .filter_map(|e| Attendance::parse(&e.attendance))
                .collect();
            let guardian_marks: Vec<Attendance> = guardian_entries
                .iter()
                .filter(|e| e.session_id == held.session_id)
                .filter_map(|e| Attendance::parse(&e.attendance))
                .collect();
            let ids: Vec<i64> =
                present.iter().filter(|(session, _)| *session == held.session_id).map(|(_, id)| *id).collect();
            let gaps = match held.kind {
                SessionKind::Session => samla_domain::planning::staffing::check(&rule, &staff_at_session(&ids, &kinds)),
                SessionKind::Meeting => Vec::new(),
            };
            SessionFigures {
                number: numbers.get(&held.session_id).copied(),
                attended: marks.iter().filter(|a| a.attended()).count() as u32,
                expected: marks.len() as u32,
                guardians_attended: guardian_marks.iter().filter(|a| a.attended()).count() as u32,
                guardians_expected: guardian_marks.len() as u32,
                staff_present: roster.iter().filter(|m| ids.contains(&m.id)).cloned().collect(),
                gaps,
                held,
            }
        })
        .collect())
}

/// Every participant of the course with their marks on the given sessions.
async fn participant_figures(
    conn: &mut AnyConnection,
    course: &OnCourse,
    sessions: &[SessionFigures],
) -> Result<Vec<ParticipantFigures>, WebError> {
    let course_id = course.id;
    let entries = store::entries(conn, course_id).await?;
    let guardian_entries = store::guardian_entries(conn, course_id).await?;
    let guardianships = store::guardianships(conn, course_id).await?;
    let tasks = store::tasks(conn, course_id).await?;
    let participants = store::participants(conn, course_id).await?;
    Ok(participants
        .into_iter()
        .map(|participant| {
            let marks: Vec<Option<Mark>> = sessions
                .iter()
                .map(|s| {
                    entries
                        .iter()
                        .find(|e| e.session_id == s.held.session_id && e.participant_id == participant.id)
                        .and_then(|e| {
                            Some(Mark { attendance: Attendance::parse(&e.attendance)?, note: e.note.clone() })
                        })
                })
                .collect();
            let history = history(&marks);
            let guardians = guardianships
                .iter()
                .filter(|(participant_id, _)| *participant_id == participant.id)
                .filter_map(|(_, person_id)| guardian_figures(*person_id, sessions, &guardian_entries))
                .collect();
            ParticipantFigures {
                summary: summarise(&history),
                absences_in_a_row: absences_in_a_row(&history),
                tasks: tasks.iter().filter(|t| t.participant_id == participant.id).cloned().collect(),
                marks,
                participant,
                guardians,
            }
        })
        .collect())
}

/// A guardian's marks on the held sessions; none when they were on no sheet.
fn guardian_figures(
    person_id: i64,
    sessions: &[SessionFigures],
    entries: &[GuardianEntryRow],
) -> Option<GuardianFigures> {
    let name = entries.iter().find(|e| e.person_id == person_id)?.name.clone();
    let marks: Vec<Option<Mark>> = sessions
        .iter()
        .map(|s| {
            entries
                .iter()
                .find(|e| e.session_id == s.held.session_id && e.person_id == person_id)
                .and_then(|e| Some(Mark { attendance: Attendance::parse(&e.attendance)?, note: e.note.clone() }))
        })
        .collect();
    let summary = summarise(&history(&marks));
    Some(GuardianFigures { person_id, name, marks, summary })
}
