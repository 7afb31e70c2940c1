//! An organisation's intake settings, kept on the organisation's row.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct IntakeSettings {
    pub national_id_enabled: i64,
    /// Applications with no contact for longer than this become a task.
    pub stale_after_days: i64,
    /// From this age a child's own say is asked for besides the guardians' consent.
    pub child_own_say_from_age: i64,
    /// Days a family has to answer an offer.
    pub offer_days: i64,
    pub public_phone: String,
    pub public_email: String,
    pub version: i64,
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64) -> Result<IntakeSettings> {
    db::one(
        conn,
        "SELECT national_id_enabled, stale_after_days, child_own_say_from_age, offer_days, public_phone, public_email,
                version
         FROM organisations WHERE id = $1",
        (organisation_id,),
    )
    .await
}

/// Saves the settings if nobody changed the organisation since `expected_version`.
pub async fn update(
    conn: &mut AnyConnection,
    organisation_id: i64,
    settings: &IntakeSettings,
    expected_version: i64,
) -> Result<i64> {
    let updated: Option<i64> = db::scalar_optional(
        &mut *conn,
        "UPDATE organisations SET national_id_enabled = $1, stale_after_days = $2, child_own_say_from_age = $3,
             offer_days = $4, public_phone = $5, public_email = $6, version = version + 1
         WHERE id = $7 AND version = $8 RETURNING version",
        (
            settings.national_id_enabled,
            settings.stale_after_days,
            settings.child_own_say_from_age,
            settings.offer_days,
            &settings.public_phone,
            &settings.public_email,
            organisation_id,
            expected_version,
        ),
    )
    .await?;
    db::version_or_why(updated, get(conn, organisation_id)).await
}
