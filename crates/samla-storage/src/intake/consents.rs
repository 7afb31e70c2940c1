//! Versioned consent texts and the consents given under them. A consent is never
//! deleted: a withdrawal is recorded on it and kept as evidence.

use crate::db;
use crate::{Result, StoreError};
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct ConsentText {
    pub id: i64,
    pub programme_id: Option<i64>,
    pub purpose: String,
    pub version: i64,
    pub body: String,
    pub created_at: i64,
}

const TEXT_COLUMNS: &str = "id, programme_id, purpose, version, body, created_at";

fn scope_key(programme_id: Option<i64>) -> String {
    programme_id.map_or_else(|| "organisation".to_string(), |id| format!("programme:{id}"))
}

/// Adds the next version of the text for the purpose (organisation-wide or for one
/// programme); returns (id, version).
pub async fn add_text(
    conn: &mut AnyConnection,
    organisation_id: i64,
    programme_id: Option<i64>,
    purpose: &str,
    body: &str,
    created_by: Option<i64>,
    now: i64,
) -> Result<(i64, i64)> {
    let scope = scope_key(programme_id);
    let version: i64 = db::scalar(
        &mut *conn,
        "SELECT COALESCE(MAX(version), 0) + 1 FROM consent_texts
         WHERE organisation_id = $1 AND scope_key = $2 AND purpose = $3",
        (organisation_id, &scope, purpose),
    )
    .await?;
    let id: i64 = db::scalar(
        conn,
        "INSERT INTO consent_texts (organisation_id, programme_id, scope_key, purpose, version, body, created_by,
             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        (organisation_id, programme_id, &scope, purpose, version, body, created_by, now),
    )
    .await?;
    Ok((id, version))
}

/// The text that applies now: the programme's own latest version if it has one,
/// otherwise the organisation's latest.
pub async fn current_text(
    conn: &mut AnyConnection,
    organisation_id: i64,
    programme_id: i64,
    purpose: &str,
) -> Result<Option<ConsentText>> {
    db::optional(
        conn,
        &format!(
            "SELECT {TEXT_COLUMNS} FROM consent_texts
         WHERE organisation_id = $1 AND purpose = $2 AND (scope_key = 'organisation' OR scope_key = $3)
         ORDER BY CASE scope_key WHEN 'organisation' THEN 1 ELSE 0 END, version DESC LIMIT 1"
        ),
        (organisation_id, purpose, scope_key(Some(programme_id))),
    )
    .await
}

/// Every version of every text, newest first.
pub async fn texts(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<ConsentText>> {
    db::all(
        conn,
        &format!(
            "SELECT {TEXT_COLUMNS} FROM consent_texts WHERE organisation_id = $1
         ORDER BY scope_key, purpose, version DESC"
        ),
        (organisation_id,),
    )
    .await
}

pub async fn text(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<ConsentText> {
    db::one(
        conn,
        &format!("SELECT {TEXT_COLUMNS} FROM consent_texts WHERE organisation_id = $1 AND id = $2"),
        (organisation_id, id),
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Consent {
    pub id: i64,
    pub giver_id: i64,
    pub giver_name: String,
    pub participant_id: i64,
    pub consent_text_id: i64,
    pub text_version: i64,
    pub purpose: String,
    pub capacity: String,
    pub method: String,
    pub given_at: i64,
    pub recorded_by: Option<i64>,
    pub recorded_by_name: Option<String>,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_by: Option<i64>,
    /// The name of the staff member who recorded the withdrawal, if one did.
    pub withdrawn_by_name: Option<String>,
    pub withdrawal_method: Option<String>,
}

const CONSENT_SELECT: &str = "SELECT c.id, c.giver_id, g.name AS giver_name, c.participant_id, c.consent_text_id,
        t.version AS text_version, c.purpose, c.capacity, c.method, c.given_at, c.recorded_by,
        u.name AS recorded_by_name, c.withdrawn_at, c.withdrawn_by, w.name AS withdrawn_by_name, c.withdrawal_method
     FROM consents c JOIN persons g ON g.id = c.giver_id JOIN consent_texts t ON t.id = c.consent_text_id
     LEFT JOIN users u ON u.id = c.recorded_by LEFT JOIN users w ON w.id = c.withdrawn_by";

pub struct NewConsent<'a> {
    pub organisation_id: i64,
    pub giver_id: i64,
    pub participant_id: i64,
    pub consent_text_id: i64,
    pub purpose: &'a str,
    pub capacity: &'a str,
    pub method: &'a str,
    pub recorded_by: Option<i64>,
}

pub async fn record(conn: &mut AnyConnection, c: &NewConsent<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO consents (organisation_id, giver_id, participant_id, consent_text_id, purpose, capacity, method,
             given_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        (
            c.organisation_id,
            c.giver_id,
            c.participant_id,
            c.consent_text_id,
            c.purpose,
            c.capacity,
            c.method,
            now,
            c.recorded_by,
        ),
    )
    .await
}

/// Every consent about a participant, withdrawn ones included, newest first.
pub async fn for_participant(conn: &mut AnyConnection, participant_id: i64) -> Result<Vec<Consent>> {
    db::all(
        conn,
        &format!("{CONSENT_SELECT} WHERE c.participant_id = $1 ORDER BY c.given_at DESC, c.id DESC"),
        (participant_id,),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<Consent> {
    db::one(conn, &format!("{CONSENT_SELECT} WHERE c.organisation_id = $1 AND c.id = $2"), (organisation_id, id)).await
}

/// Records the withdrawal; a consent already withdrawn stays as it was.
pub async fn withdraw(
    conn: &mut AnyConnection,
    organisation_id: i64,
    id: i64,
    withdrawn_by: Option<i64>,
    method: &str,
    now: i64,
) -> Result<bool> {
    let done = db::changed(
        &mut *conn,
        "UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2, withdrawal_method = $3
         WHERE organisation_id = $4 AND id = $5 AND withdrawn_at IS NULL",
        (now, withdrawn_by, method, organisation_id, id),
    )
    .await?;
    if done == 0 {
        get(conn, organisation_id, id).await?;
        return Ok(false);
    }
    Ok(true)
}

pub async fn create_link(
    conn: &mut AnyConnection,
    organisation_id: i64,
    token_hash: &str,
    giver_id: i64,
    participant_id: i64,
    application_id: i64,
    expires_at: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO consent_links (token_hash, organisation_id, giver_id, participant_id, application_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        (token_hash, organisation_id, giver_id, participant_id, application_id, expires_at),
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ConsentLink {
    pub organisation_id: i64,
    pub giver_id: i64,
    pub participant_id: i64,
    pub application_id: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn find_link(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<ConsentLink>> {
    db::optional(
        conn,
        "SELECT organisation_id, giver_id, participant_id, application_id, expires_at, used_at
         FROM consent_links WHERE token_hash = $1",
        (token_hash,),
    )
    .await
}

/// Marks the link used; false when it was used already (a second submit).
pub async fn use_link(conn: &mut AnyConnection, token_hash: &str, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE consent_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        (now, token_hash),
    )
    .await
}

pub fn not_found_if_none<T>(found: Option<T>) -> Result<T> {
    found.ok_or(StoreError::NotFound)
}
