//! What a course report reads beyond the attendance overview's reads
//! (`running::overview::entries`) and the recruitment counts
//! (`intake::applications::count_by_channel`): the participants without their names, and
//! every session with its sheet's adult counts, cancelled and unrecorded ones included.

use crate::db;
use crate::Result;
use samla_domain::intake::enrolment::ParticipantStatus;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::planning::session::{SessionKind, SessionStatus};
use samla_domain::programmes::Audience;
use sqlx::{AnyConnection, FromRow};

/// A participant's place in the course as the report counts it: no name, no contact.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReportParticipant {
    /// The `course_participants` id (as on the attendance sheets).
    pub id: i64,
    /// The person's place in their household.
    #[sqlx(try_from = "String")]
    pub household_role: HouseholdRole,
    /// YYYY-MM-DD, when known.
    pub birth_date: Option<String>,
    pub channel_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: ParticipantStatus,
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
}

/// The course's participants (not the guardians who join the parent sessions).
pub async fn participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<ReportParticipant>> {
    db::all(
        conn,
        "SELECT cp.id, p.household_role, p.birth_date, cp.channel_id, cp.status, cp.dropped_out_on, cp.dropout_reason
         FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' ORDER BY cp.id",
        (course_id,),
    )
    .await
}

/// The guardians enrolled to join the parent sessions.
pub async fn count_parents(conn: &mut AnyConnection, course_id: i64) -> Result<i64> {
    db::scalar(conn, "SELECT COUNT(*) FROM course_participants WHERE course_id = $1 AND role = 'parent'", (course_id,))
        .await
}

/// One session or meeting of the course with what its sheet, if any, counted.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReportSession {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: SessionKind,
    pub meeting_kind: Option<String>,
    #[sqlx(try_from = "String")]
    pub audience: Audience,
    pub title: String,
    pub date: String,
    pub start_time: String,
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    /// Set on a meeting about one participant and their family (closing conversation,
    /// follow-up).
    pub participant_id: Option<i64>,
    pub replaces_session_id: Option<i64>,
    /// 1 when an attendance sheet is saved.
    pub has_sheet: i64,
    pub parents: Option<i64>,
    pub family_members: Option<i64>,
}

/// Every session and meeting of the course in time order.
pub async fn sessions(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<ReportSession>> {
    db::all(
        conn,
        "SELECT s.id, s.kind, s.meeting_kind, s.audience, s.title, s.date, s.start_time, s.status, s.participant_id,
                s.replaces_session_id, CASE WHEN a.session_id IS NULL THEN 0 ELSE 1 END AS has_sheet,
                a.parents, a.family_members
         FROM course_sessions s LEFT JOIN attendance_sheets a ON a.session_id = s.id
         WHERE s.course_id = $1 ORDER BY s.date, s.start_time, s.id",
        (course_id,),
    )
    .await
}

/// The name of the programme the course was planned from.
pub async fn programme_name(conn: &mut AnyConnection, programme_version_id: i64) -> Result<String> {
    db::scalar(
        conn,
        "SELECT p.name FROM programme_versions v JOIN programmes p ON p.id = v.programme_id WHERE v.id = $1",
        (programme_version_id,),
    )
    .await
}
