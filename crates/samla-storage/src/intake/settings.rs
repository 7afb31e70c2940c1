//! An organisation's intake settings, kept on the organisation's row.

use crate::{Result, StoreError};
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
    Ok(sqlx::query_as(
        "SELECT national_id_enabled, stale_after_days, child_own_say_from_age, offer_days, public_phone, public_email,
                version
         FROM organisations WHERE id = $1",
    )
    .bind(organisation_id)
    .fetch_one(conn)
    .await?)
}

/// Saves the settings if nobody changed the organisation since `expected_version`.
pub async fn update(
    conn: &mut AnyConnection,
    organisation_id: i64,
    settings: &IntakeSettings,
    expected_version: i64,
) -> Result<i64> {
    let updated: Option<i64> = sqlx::query_scalar(
        "UPDATE organisations SET national_id_enabled = $1, stale_after_days = $2, child_own_say_from_age = $3,
             offer_days = $4, public_phone = $5, public_email = $6, version = version + 1
         WHERE id = $7 AND version = $8 RETURNING version",
    )
    .bind(settings.national_id_enabled)
    .bind(settings.stale_after_days)
    .bind(settings.child_own_say_from_age)
    .bind(settings.offer_days)
    .bind(&settings.public_phone)
    .bind(&settings.public_email)
    .bind(organisation_id)
    .bind(expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    match updated {
        Some(version) => Ok(version),
        None => {
            get(conn, organisation_id).await?;
            Err(StoreError::Stale)
        }
    }
}
