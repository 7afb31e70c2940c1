//! What a course's attendance adds up to, read back from the saved sheets; dropouts,
//! recorded on the participant's place in the course; and the tasks that ask a leader
//! to contact a family after absences in a row.

use crate::db;
use crate::Result;
use samla_domain::intake::enrolment::ParticipantStatus;
use samla_domain::planning::session::SessionKind;
use samla_domain::programmes::Audience;
use samla_domain::running::dropout::DropoutReason;
use sqlx::{AnyConnection, FromRow};

/// A session or meeting with a saved attendance sheet (a held one).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct HeldSession {
    pub session_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: SessionKind,
    pub meeting_kind: Option<String>,
    pub programme_session: Option<i64>,
    pub title: String,
    pub date: String,
    pub start_time: String,
    /// The participant a meeting is about (closing conversation, follow-up); none for
    /// group sessions.
    pub participant_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub audience: Audience,
    pub parents: i64,
    pub family_members: i64,
    pub saved_at: i64,
}

/// The course's held sessions and meetings in time order.
pub async fn held_sessions(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<HeldSession>> {
    db::all(
        conn,
        "SELECT s.id AS session_id, s.kind, s.meeting_kind, s.programme_session, s.title, s.date, s.start_time,
                s.participant_id, s.audience, a.parents, a.family_members, a.saved_at
         FROM course_sessions s JOIN attendance_sheets a ON a.session_id = s.id
         WHERE s.course_id = $1 AND s.status <> 'cancelled'
         ORDER BY s.date, s.start_time, s.id",
        (course_id,),
    )
    .await
}

/// One participant's line on one held sheet.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct EntryRow {
    pub session_id: i64,
    pub participant_id: i64,
    /// present, absent_with_notice, absent_without_notice, late or left_early.
    pub attendance: String,
    pub note: String,
}

/// Every participant's line on the course's sheets. A child's line on the sheet of a
/// session for parents is left out: such sessions do not expect the children, and lines
/// saved there before they stopped doing so say nothing about the child's attendance.
pub async fn entries(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<EntryRow>> {
    db::all(
        conn,
        "SELECT e.session_id, e.participant_id, e.attendance, e.note
         FROM attendance_entries e JOIN course_sessions s ON s.id = e.session_id
         JOIN course_participants cp ON cp.id = e.participant_id JOIN persons p ON p.id = cp.person_id
         WHERE s.course_id = $1 AND NOT (s.audience = 'parents' AND p.household_role = 'child')
         ORDER BY e.session_id, e.participant_id",
        (course_id,),
    )
    .await
}

/// One guardian's line on one held sheet, with the participants of the course they are a
/// guardian of.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct GuardianEntryRow {
    pub session_id: i64,
    pub person_id: i64,
    pub name: String,
    /// present, absent_with_notice, absent_without_notice, late or left_early.
    pub attendance: String,
    pub note: String,
}

/// Every guardian's line on the course's sheets.
pub async fn guardian_entries(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<GuardianEntryRow>> {
    db::all(
        conn,
        "SELECT e.session_id, e.person_id, p.name, e.attendance, e.note
         FROM attendance_guardians e JOIN course_sessions s ON s.id = e.session_id JOIN persons p ON p.id = e.person_id
         WHERE s.course_id = $1 ORDER BY e.session_id, p.name, e.person_id",
        (course_id,),
    )
    .await
}

/// (participant id, guardian's person id) for each child participant of the course and
/// each grown-up of their household with parental responsibility.
pub async fn guardianships(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64)>> {
    db::all(
        conn,
        "SELECT cp.id, g.id FROM course_participants cp JOIN persons c ON c.id = cp.person_id
         JOIN persons g ON g.household_id = c.household_id AND g.household_role <> 'child'
             AND g.parental_responsibility = 1 AND g.merged_into IS NULL
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND c.household_role = 'child'
         ORDER BY cp.id, g.id",
        (course_id,),
    )
    .await
}

/// (session id, course staff id) for everyone marked present on the course's sheets.
pub async fn staff_present(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64)>> {
    db::all(
        conn,
        "SELECT a.session_id, a.staff_id FROM attendance_staff a JOIN course_sessions s ON s.id = a.session_id
         WHERE s.course_id = $1 ORDER BY a.session_id, a.staff_id",
        (course_id,),
    )
    .await
}

/// A participant's place in a course (guardians joining parent sessions are not these).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct CourseParticipant {
    pub id: i64,
    pub course_id: i64,
    pub person_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub status: ParticipantStatus,
    pub enrolled_at: i64,
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
    /// The reason's group (`illness`, `practical`, …), where the leader chose one.
    pub dropout_reason_kind: Option<String>,
}

/// Reads course participants with their names; the caller adds the condition.
const PARTICIPANTS: &str = "SELECT cp.id, cp.course_id, cp.person_id, p.name, cp.status, cp.enrolled_at, \
     cp.dropped_out_on, cp.dropout_reason, cp.dropout_reason_kind \
     FROM course_participants cp JOIN persons p ON p.id = cp.person_id";

/// The course's participants by name.
pub async fn participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<CourseParticipant>> {
    db::all(
        conn,
        &format!("{PARTICIPANTS} WHERE cp.course_id = $1 AND cp.role = 'participant' ORDER BY p.name, cp.id"),
        (course_id,),
    )
    .await
}

/// One participant of the course; anyone else (a guardian, another course's
/// participant) is not found.
pub async fn participant(conn: &mut AnyConnection, course_id: i64, participant_id: i64) -> Result<CourseParticipant> {
    db::one(
        conn,
        &format!("{PARTICIPANTS} WHERE cp.course_id = $1 AND cp.id = $2 AND cp.role = 'participant'"),
        (course_id, participant_id),
    )
    .await
}

/// Records that an active participant dropped out; false when they already had.
pub async fn record_dropout(
    conn: &mut AnyConnection,
    participant_id: i64,
    date: &str,
    (reason, kind): (&str, Option<DropoutReason>),
) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE course_participants SET status = 'dropped_out', dropped_out_on = $1, dropout_reason = $2,
             dropout_reason_kind = $3
         WHERE id = $4 AND role = 'participant' AND status = 'active'",
        (date, reason, kind.map(DropoutReason::as_str), participant_id),
    )
    .await
}

/// A task asking a leader to contact a participant's family.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct FollowUpTask {
    pub id: i64,
    pub course_id: i64,
    pub participant_id: i64,
    /// Absences in a row when the task was made.
    pub absences: i64,
    pub created_at: i64,
    pub done_at: Option<i64>,
    pub done_by: Option<i64>,
    pub done_by_name: Option<String>,
    /// What came of the contact; empty while open.
    pub outcome: String,
}

const TASK_COLUMNS: &str = "t.id, t.course_id, t.participant_id, t.absences, t.created_at, t.done_at, t.done_by, \
     u.name AS done_by_name, t.outcome";

/// The course's tasks, newest first.
pub async fn tasks(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<FollowUpTask>> {
    db::all(
        conn,
        &format!(
            "SELECT {TASK_COLUMNS} FROM follow_up_tasks t LEFT JOIN users u ON u.id = t.done_by
         WHERE t.course_id = $1 ORDER BY t.created_at DESC, t.id DESC"
        ),
        (course_id,),
    )
    .await
}

/// One task of the organisation; another organisation's task is not found.
pub async fn task(conn: &mut AnyConnection, organisation_id: i64, task_id: i64) -> Result<FollowUpTask> {
    db::one(
        conn,
        &format!(
            "SELECT {TASK_COLUMNS} FROM follow_up_tasks t JOIN courses c ON c.id = t.course_id
         LEFT JOIN users u ON u.id = t.done_by
         WHERE c.organisation_id = $1 AND t.id = $2"
        ),
        (organisation_id, task_id),
    )
    .await
}

pub async fn create_task(
    conn: &mut AnyConnection,
    course_id: i64,
    participant_id: i64,
    absences: i64,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO follow_up_tasks (course_id, participant_id, absences, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id",
        (course_id, participant_id, absences, now),
    )
    .await
}

/// Marks an open task done with what came of it; false when it was done already.
pub async fn complete_task(
    conn: &mut AnyConnection,
    task_id: i64,
    user_id: i64,
    outcome: &str,
    now: i64,
) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE follow_up_tasks SET done_at = $1, done_by = $2, outcome = $3 WHERE id = $4 AND done_at IS NULL",
        (now, user_id, outcome, task_id),
    )
    .await
}

/// Closes a participant's open tasks (e.g. when they drop out); how many were open.
pub async fn close_open_tasks(
    conn: &mut AnyConnection,
    participant_id: i64,
    user_id: i64,
    outcome: &str,
    now: i64,
) -> Result<u64> {
    db::changed(
        conn,
        "UPDATE follow_up_tasks SET done_at = $1, done_by = $2, outcome = $3
         WHERE participant_id = $4 AND done_at IS NULL",
        (now, user_id, outcome, participant_id),
    )
    .await
}

/// An open task with what a to-do list shows of it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct OpenTask {
    pub id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub participant_id: i64,
    pub participant_name: String,
    pub absences: i64,
    pub created_at: i64,
}

/// Open tasks of the organisation's courses, or only of those `user_id` works on,
/// oldest first.
pub async fn open_tasks(
    conn: &mut AnyConnection,
    organisation_id: i64,
    only_staff_user: Option<i64>,
) -> Result<Vec<OpenTask>> {
    db::all(
        conn,
        "SELECT t.id, t.course_id, c.name AS course_name, t.participant_id, p.name AS participant_name, t.absences,
                t.created_at
         FROM follow_up_tasks t
         JOIN courses c ON c.id = t.course_id
         JOIN course_participants cp ON cp.id = t.participant_id
         JOIN persons p ON p.id = cp.person_id
         WHERE c.organisation_id = $1 AND t.done_at IS NULL
           AND ($2 < 0 OR EXISTS (SELECT 1 FROM course_staff s WHERE s.course_id = c.id AND s.user_id = $2))
         ORDER BY t.created_at, t.id",
        (organisation_id, only_staff_user.unwrap_or(-1)),
    )
    .await
}
