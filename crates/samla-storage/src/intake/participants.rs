//! The people enrolled on a course: participants, and the guardians who join the
//! parent sessions while their child is in the children's group.

use crate::db;
use crate::Result;
use samla_domain::intake::enrolment::{ParticipantRole, ParticipantStatus};
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Participant {
    pub id: i64,
    pub course_id: i64,
    pub person_id: i64,
    pub name: String,
    pub birth_date: Option<String>,
    pub household_id: i64,
    pub application_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub role: ParticipantRole,
    pub channel_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: ParticipantStatus,
    pub enrolled_at: i64,
}

pub async fn enrol(
    conn: &mut AnyConnection,
    course_id: i64,
    person_id: i64,
    application_id: Option<i64>,
    role: ParticipantRole,
    channel_id: Option<i64>,
    now: i64,
) -> Result<()> {
    // A guardian of two enrolled siblings joins the parent sessions once.
    let exists: Option<i64> = db::scalar_optional(
        &mut *conn,
        "SELECT id FROM course_participants WHERE course_id = $1 AND person_id = $2",
        (course_id, person_id),
    )
    .await?;
    if exists.is_some() {
        return Ok(());
    }
    db::execute(
        conn,
        "INSERT INTO course_participants (course_id, person_id, application_id, role, channel_id, enrolled_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        (course_id, person_id, application_id, role.as_str(), channel_id, now),
    )
    .await
}

pub async fn for_course(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<Participant>> {
    db::all(
        conn,
        "SELECT cp.id, cp.course_id, cp.person_id, p.name, p.birth_date, p.household_id, cp.application_id, cp.role,
                cp.channel_id, cp.status, cp.enrolled_at
         FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 ORDER BY cp.role DESC, p.name, cp.id",
        (course_id,),
    )
    .await
}

pub async fn count_participants(conn: &mut AnyConnection, course_id: i64) -> Result<i64> {
    db::scalar(
        conn,
        "SELECT COUNT(*) FROM course_participants WHERE course_id = $1 AND role = 'participant' AND status = 'active'",
        (course_id,),
    )
    .await
}

/// Whether the person is enrolled on any course (a merge must not fold two enrolments).
pub async fn is_enrolled_anywhere(conn: &mut AnyConnection, person_id: i64) -> Result<bool> {
    db::exists(conn, "SELECT id FROM course_participants WHERE person_id = $1 LIMIT 1", (person_id,)).await
}
