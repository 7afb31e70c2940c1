//! A course's planning checklist.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ChecklistItem {
    pub id: i64,
    pub course_id: i64,
    pub position: i64,
    pub task: String,
    pub responsible_role: String,
    pub assignee_staff_id: Option<i64>,
    pub due_date: String,
    pub done_at: Option<i64>,
    pub done_by: Option<i64>,
}

pub async fn add(
    conn: &mut AnyConnection,
    course_id: i64,
    position: i64,
    task: &str,
    responsible_role: &str,
    due_date: &str,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO checklist_items (course_id, position, task, responsible_role, due_date) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
        (course_id, position, task, responsible_role, due_date),
    )
    .await
}

pub async fn items(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<ChecklistItem>> {
    db::all(
        conn,
        "SELECT id, course_id, position, task, responsible_role, assignee_staff_id, due_date, done_at, done_by
         FROM checklist_items WHERE course_id = $1 ORDER BY due_date, position, id",
        (course_id,),
    )
    .await
}

/// Marks an item done (by whom, when) or open again, and sets who is assigned.
pub async fn update(
    conn: &mut AnyConnection,
    course_id: i64,
    item_id: i64,
    done: Option<(i64, i64)>,
    assignee_staff_id: Option<i64>,
) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE checklist_items SET done_at = $1, done_by = $2, assignee_staff_id = $3 WHERE id = $4 AND course_id = $5",
        (done.map(|(at, _)| at), done.map(|(_, by)| by), assignee_staff_id, item_id, course_id),
    )
    .await
}
