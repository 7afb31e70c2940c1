//! Storage for running a course: attendance, logs and homework, observations, meeting
//! records, concern reports, reminders, absence follow-up and dropouts.

pub mod attendance;
pub mod concerns;
pub mod homework;
pub mod logs;
pub mod meetings;
pub mod observations;
pub mod overview;
pub mod reminders;
pub mod settings;

/// Holds the row of `table` (one per session: a sheet, a log, a meeting record) until
/// the transaction ends, so that a save compares its version with the one it replaces
/// and saves at the same moment take turns (FOR UPDATE on PostgreSQL; SQLite's writers
/// take turns anyway).
async fn hold_session_row(tx: &mut crate::WriteTx, table: &'static str, session_id: i64) -> crate::Result<()> {
    if tx.backend() == crate::Backend::Postgres {
        let sql = format!("SELECT version FROM {table} WHERE session_id = $1 FOR UPDATE");
        crate::db::execute(&mut *tx.tx, &sql, (session_id,)).await?;
    }
    Ok(())
}
