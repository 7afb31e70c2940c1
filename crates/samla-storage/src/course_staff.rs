//! The working group of a course and who staffs each session.

use crate::db;
use crate::Result;
use samla_domain::planning::staffing::CourseRole;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StaffMember {
    pub id: i64,
    pub course_id: i64,
    pub user_id: Option<i64>,
    /// The person's name: from their account, or as entered for someone outside.
    pub name: String,
    pub external_organisation: Option<String>,
    #[sqlx(try_from = "String")]
    pub course_role: CourseRole,
}

pub async fn add_member(
    conn: &mut AnyConnection,
    course_id: i64,
    user_id: Option<i64>,
    external_name: Option<&str>,
    external_organisation: Option<&str>,
    course_role: CourseRole,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO course_staff (course_id, user_id, external_name, external_organisation, course_role)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        (course_id, user_id, external_name, external_organisation, course_role.as_str()),
    )
    .await
}

pub async fn members(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<StaffMember>> {
    db::all(
        conn,
        "SELECT s.id, s.course_id, s.user_id, COALESCE(u.name, s.external_name, '') AS name, s.external_organisation,
                s.course_role
         FROM course_staff s LEFT JOIN users u ON u.id = s.user_id
         WHERE s.course_id = $1 ORDER BY s.course_role, name, s.id",
        (course_id,),
    )
    .await
}

/// What became of a request to take someone out of the working group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Removed,
    NotFound,
    /// They were marked present at a held session: that record keeps them.
    WasPresent,
}

pub async fn remove_member(conn: &mut AnyConnection, course_id: i64, staff_id: i64) -> Result<Removal> {
    let exists: Option<i64> = db::scalar_optional(
        &mut *conn,
        "SELECT id FROM course_staff WHERE id = $1 AND course_id = $2",
        (staff_id, course_id),
    )
    .await?;
    if exists.is_none() {
        return Ok(Removal::NotFound);
    }
    let present: Option<i64> = db::scalar_optional(
        &mut *conn,
        "SELECT session_id FROM attendance_staff WHERE staff_id = $1 LIMIT 1",
        (staff_id,),
    )
    .await?;
    if present.is_some() {
        return Ok(Removal::WasPresent);
    }
    db::execute(&mut *conn, "DELETE FROM session_staff WHERE staff_id = $1", (staff_id,)).await?;
    db::execute(
        &mut *conn,
        "UPDATE checklist_items SET assignee_staff_id = NULL WHERE assignee_staff_id = $1",
        (staff_id,),
    )
    .await?;
    db::execute(conn, "DELETE FROM course_staff WHERE id = $1", (staff_id,)).await?;
    Ok(Removal::Removed)
}

/// (session id, staff id, substitute) for every staffed session of the course.
pub async fn assignments(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64, i64)>> {
    db::all(
        conn,
        "SELECT ss.session_id, ss.staff_id, ss.substitute FROM session_staff ss
         JOIN course_sessions s ON s.id = ss.session_id WHERE s.course_id = $1",
        (course_id,),
    )
    .await
}

/// Replaces who staffs one session.
pub async fn set_session_staff(conn: &mut AnyConnection, session_id: i64, staff: &[(i64, bool)]) -> Result<()> {
    db::execute(&mut *conn, "DELETE FROM session_staff WHERE session_id = $1", (session_id,)).await?;
    for (staff_id, substitute) in staff {
        db::execute(
            &mut *conn,
            "INSERT INTO session_staff (session_id, staff_id, substitute) VALUES ($1, $2, $3)",
            (session_id, staff_id, i64::from(*substitute)),
        )
        .await?;
    }
    Ok(())
}
