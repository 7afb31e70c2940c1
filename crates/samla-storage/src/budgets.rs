//! A course's budget lines (copied from the programme's template, then edited).

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct BudgetLineRow {
    pub id: i64,
    pub course_id: i64,
    pub position: i64,
    pub label: String,
    pub amount: String,
    pub hours: Option<String>,
    pub multiplier: String,
    pub count: i64,
}

pub struct NewLine<'a> {
    pub label: &'a str,
    pub amount: &'a str,
    pub hours: Option<&'a str>,
    pub multiplier: &'a str,
    pub count: i64,
}

pub async fn lines(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<BudgetLineRow>> {
    db::all(
        conn,
        "SELECT id, course_id, position, label, amount, hours, multiplier, count FROM budget_lines
         WHERE course_id = $1 ORDER BY position, id",
        (course_id,),
    )
    .await
}

/// Replaces every line of the course's budget.
pub async fn replace(conn: &mut AnyConnection, course_id: i64, lines: &[NewLine<'_>]) -> Result<()> {
    db::execute(&mut *conn, "DELETE FROM budget_lines WHERE course_id = $1", (course_id,)).await?;
    for (position, line) in lines.iter().enumerate() {
        db::execute(
            &mut *conn,
            "INSERT INTO budget_lines (course_id, position, label, amount, hours, multiplier, count)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            (course_id, position as i64, line.label, line.amount, line.hours, line.multiplier, line.count),
        )
        .await?;
    }
    Ok(())
}
