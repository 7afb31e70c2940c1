//! Session logs: one per session, saved whole with optimistic locking. `elements_done` is
//! kept as a JSON array of booleans, one per planned segment of the session plan.

use crate::db;
use crate::{Result, StoreError};
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StoredLog {
    pub session_id: i64,
    pub done: String,
    pub learned: String,
    pub noticed: String,
    pub deviations: String,
    pub next_time: String,
    /// JSON array of booleans; see [`elements_done`].
    pub elements_done: String,
    pub version: i64,
    pub written_at: i64,
    pub written_by: Option<i64>,
    /// The writer's name; none once the account is gone.
    pub writer_name: Option<String>,
}

impl StoredLog {
    /// The stored marks; a malformed array reads as no marks.
    pub fn elements_done(&self) -> Vec<bool> {
        serde_json::from_str(&self.elements_done).unwrap_or_default()
    }
}

/// A log as it is written.
pub struct LogText<'a> {
    pub done: &'a str,
    pub learned: &'a str,
    pub noticed: &'a str,
    pub deviations: &'a str,
    pub next_time: &'a str,
    pub elements_done: &'a [bool],
}

const COLUMNS: &str = "l.session_id, l.done, l.learned, l.noticed, l.deviations, l.next_time, l.elements_done, \
     l.version, l.written_at, l.written_by, u.name AS writer_name";

pub async fn get(conn: &mut AnyConnection, session_id: i64) -> Result<Option<StoredLog>> {
    db::optional(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM session_logs l LEFT JOIN users u ON u.id = l.written_by WHERE l.session_id = $1"
        ),
        (session_id,),
    )
    .await
}

/// Saves the whole log. `expected_version` 0 writes the first log of the session; any
/// other number must be the stored version. Either way a mismatch is [`StoreError::Stale`].
/// Returns the new version.
pub async fn save(
    conn: &mut AnyConnection,
    session_id: i64,
    log: &LogText<'_>,
    expected_version: i64,
    user_id: i64,
    now: i64,
) -> Result<i64> {
    let elements = marks_json(log.elements_done);
    let version: Option<i64> = if expected_version == 0 {
        // Two first saves at once: the second finds the row and is told it is stale.
        db::scalar_optional(
            conn,
            "INSERT INTO session_logs (session_id, done, learned, noticed, deviations, next_time, elements_done,
                 version, written_at, written_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
             ON CONFLICT (session_id) DO NOTHING RETURNING version",
            (session_id, log.done, log.learned, log.noticed, log.deviations, log.next_time, &elements, now, user_id),
        )
        .await?
    } else {
        db::scalar_optional(
            conn,
            "UPDATE session_logs SET done = $1, learned = $2, noticed = $3, deviations = $4, next_time = $5,
                 elements_done = $6, version = version + 1, written_at = $7, written_by = $8
             WHERE session_id = $9 AND version = $10 RETURNING version",
            (
                log.done,
                log.learned,
                log.noticed,
                log.deviations,
                log.next_time,
                &elements,
                now,
                user_id,
                session_id,
                expected_version,
            ),
        )
        .await?
    };
    version.ok_or(StoreError::Stale)
}

fn marks_json(marks: &[bool]) -> String {
    let items: Vec<&str> = marks.iter().map(|done| if *done { "true" } else { "false" }).collect();
    format!("[{}]", items.join(","))
}

/// Whether the session's log has been written (for reminders about unwritten logs).
pub async fn is_written(conn: &mut AnyConnection, session_id: i64) -> Result<bool> {
    db::exists(conn, "SELECT version FROM session_logs WHERE session_id = $1", (session_id,)).await
}

/// What a course overview needs of each written log: when, and the element marks.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LogSummary {
    pub session_id: i64,
    pub elements_done: String,
    pub version: i64,
    pub written_at: i64,
}

impl LogSummary {
    pub fn elements_done(&self) -> Vec<bool> {
        serde_json::from_str(&self.elements_done).unwrap_or_default()
    }
}

/// The written logs of a course's sessions, in the sessions' time order.
pub async fn summaries(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<LogSummary>> {
    db::all(
        conn,
        "SELECT l.session_id, l.elements_done, l.version, l.written_at
         FROM session_logs l JOIN course_sessions s ON s.id = l.session_id
         WHERE s.course_id = $1 ORDER BY s.date, s.start_time, s.id",
        (course_id,),
    )
    .await
}

/// The course a session belongs to, if it is one of the organisation's.
pub async fn course_of_session(conn: &mut AnyConnection, organisation_id: i64, session_id: i64) -> Result<i64> {
    db::scalar(
        conn,
        "SELECT s.course_id FROM course_sessions s JOIN courses c ON c.id = s.course_id
         WHERE s.id = $1 AND c.organisation_id = $2",
        (session_id, organisation_id),
    )
    .await
}

/// Holds the session's log, if any, until the transaction ends.
pub async fn hold(tx: &mut crate::WriteTx, session_id: i64) -> Result<()> {
    super::hold_session_row(tx, "session_logs", session_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_stored_as_a_json_array() {
        assert_eq!(marks_json(&[]), "[]");
        assert_eq!(marks_json(&[true, false, true]), "[true,false,true]");
        let parsed: Vec<bool> = serde_json::from_str(&marks_json(&[false, true])).unwrap();
        assert_eq!(parsed, vec![false, true]);
    }
}
