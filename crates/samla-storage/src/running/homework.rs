//! Homework given at a session and reviewed at a later one.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Homework {
    pub id: i64,
    pub session_id: i64,
    pub description: String,
    /// The session it was reviewed at; none until reviewed.
    pub reviewed_session_id: Option<i64>,
    pub review_note: String,
    pub created_at: i64,
    pub created_by: Option<i64>,
    pub creator_name: Option<String>,
}

const COLUMNS: &str = "h.id, h.session_id, h.description, h.reviewed_session_id, h.review_note, h.created_at, \
     h.created_by, u.name AS creator_name";

pub async fn add(conn: &mut AnyConnection, session_id: i64, description: &str, user_id: i64, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO homework (session_id, description, created_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id",
        (session_id, description, now, user_id),
    )
    .await
}

/// The homework given at a session, in the order it was added.
pub async fn given_at(conn: &mut AnyConnection, session_id: i64) -> Result<Vec<Homework>> {
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM homework h LEFT JOIN users u ON u.id = h.created_by
         WHERE h.session_id = $1 ORDER BY h.id"
        ),
        (session_id,),
    )
    .await
}

/// One piece of homework of the organisation, with the course it belongs to.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, homework_id: i64) -> Result<(Homework, i64)> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        homework: Homework,
        course_id: i64,
    }
    let row: Row = db::one(
        conn,
        &format!(
            "SELECT {COLUMNS}, s.course_id FROM homework h
         JOIN course_sessions s ON s.id = h.session_id
         JOIN courses c ON c.id = s.course_id
         LEFT JOIN users u ON u.id = h.created_by
         WHERE h.id = $1 AND c.organisation_id = $2"
        ),
        (homework_id, organisation_id),
    )
    .await?;
    Ok((row.homework, row.course_id))
}

/// Records that the homework was reviewed at `session_id` and how it went.
pub async fn review(conn: &mut AnyConnection, homework_id: i64, session_id: i64, note: &str) -> Result<()> {
    db::execute(
        conn,
        "UPDATE homework SET reviewed_session_id = $1, review_note = $2 WHERE id = $3",
        (session_id, note, homework_id),
    )
    .await
}
