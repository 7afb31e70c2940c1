//! An organisation's settings for running courses. An organisation without a row has the
//! defaults (those of the migration); the first save creates the row.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct RunningSettings {
    /// Absences in a row after which a leader is asked to contact the family.
    pub follow_up_after_absences: i64,
    /// Hours before a session that participants and guardians are reminded.
    pub reminder_hours_before: i64,
    /// Hours after a session's end before its leaders are reminded of an unwritten log.
    pub log_grace_hours: i64,
}

impl Default for RunningSettings {
    fn default() -> Self {
        Self { follow_up_after_absences: 2, reminder_hours_before: 24, log_grace_hours: 24 }
    }
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64) -> Result<RunningSettings> {
    let found: Option<RunningSettings> = db::optional(
        conn,
        "SELECT follow_up_after_absences, reminder_hours_before, log_grace_hours
         FROM running_settings WHERE organisation_id = $1",
        (organisation_id,),
    )
    .await?;
    Ok(found.unwrap_or_default())
}

pub async fn save(conn: &mut AnyConnection, organisation_id: i64, settings: &RunningSettings) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO running_settings (organisation_id, follow_up_after_absences, reminder_hours_before, log_grace_hours)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id) DO UPDATE
         SET follow_up_after_absences = $2, reminder_hours_before = $3, log_grace_hours = $4",
        (organisation_id, settings.follow_up_after_absences, settings.reminder_hours_before, settings.log_grace_hours),
    )
    .await
}
