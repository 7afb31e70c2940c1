//! Statistics between installations: the sending organisation's signing key, and on the
//! owner's side the installations registered to submit and what they submitted.

use crate::db;
use crate::Result;
use samla_domain::organisations::OrganisationKind;
use sqlx::{AnyConnection, FromRow};

/// The organisation's signing key (secret, public), if it has made one.
pub async fn signing_key(conn: &mut AnyConnection, organisation_id: i64) -> Result<Option<(String, String)>> {
    db::optional(
        conn,
        "SELECT secret_key, public_key FROM statistics_signing_keys WHERE organisation_id = $1",
        (organisation_id,),
    )
    .await
}

/// Keeps the organisation's first signing key: a key made at the same moment by another
/// request loses, so the organisation signs with one key only.
pub async fn keep_signing_key(
    conn: &mut AnyConnection,
    organisation_id: i64,
    secret: &str,
    public: &str,
    now: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO statistics_signing_keys (organisation_id, secret_key, public_key, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id) DO NOTHING",
        (organisation_id, secret, public, now),
    )
    .await
}

/// When the organisation's next submission is made: now, or just after the last one if
/// that was made at this second or later. Kept, so that every submission it signs is later
/// than the one before.
pub async fn next_made_at(conn: &mut AnyConnection, organisation_id: i64, now: i64) -> Result<i64> {
    let made_at: i64 = db::scalar(
        &mut *conn,
        "SELECT CASE WHEN last_made_at IS NOT NULL AND last_made_at >= $2 THEN last_made_at + 1 ELSE $2 END
         FROM statistics_signing_keys WHERE organisation_id = $1",
        (organisation_id, now),
    )
    .await?;
    db::execute(
        conn,
        "UPDATE statistics_signing_keys SET last_made_at = $2 WHERE organisation_id = $1",
        (organisation_id, made_at),
    )
    .await?;
    Ok(made_at)
}

/// An installation registered to submit a programme's statistics, with the organisation
/// it is counted as.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Installation {
    pub id: i64,
    pub programme_id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub region: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    pub public_key: String,
    pub registered_at: i64,
    /// 1 while it is in the programme's network (and counted); 0 once the owner removed it.
    pub member: i64,
}

const INSTALLATION: &str = "SELECT i.id, i.programme_id, i.organisation_id, o.name, o.region, o.kind, i.public_key,
        i.registered_at,
        CASE WHEN EXISTS (SELECT 1 FROM programme_network_members m
                          WHERE m.programme_id = i.programme_id AND m.organisation_id = i.organisation_id)
             THEN 1 ELSE 0 END AS member
     FROM submitting_installations i JOIN organisations o ON o.id = i.organisation_id";

pub async fn register(
    conn: &mut AnyConnection,
    programme_id: i64,
    organisation_id: i64,
    public_key: &str,
    token_hash: &str,
    by: i64,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO submitting_installations
             (programme_id, organisation_id, public_key, token_hash, registered_at, registered_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        (programme_id, organisation_id, public_key, token_hash, now, by),
    )
    .await
}

/// Gives the programme's installation counted as `organisation_id` a new token (the old one
/// stops working); whether there is such an installation that was not removed.
pub async fn replace_token(
    conn: &mut AnyConnection,
    programme_id: i64,
    organisation_id: i64,
    token_hash: &str,
) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE submitting_installations SET token_hash = $3
         WHERE programme_id = $1 AND organisation_id = $2 AND token_hash NOT LIKE 'removed:%'",
        (programme_id, organisation_id, token_hash),
    )
    .await
}

/// Takes the installation's token away for good (no token hashes to this text); whether
/// there is such an installation. Its submissions stay, as evidence of what was counted.
pub async fn disable_token(conn: &mut AnyConnection, programme_id: i64, organisation_id: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE submitting_installations SET token_hash = 'removed:' || CAST(id AS TEXT)
         WHERE programme_id = $1 AND organisation_id = $2",
        (programme_id, organisation_id),
    )
    .await
}

/// The programme's installations, by name.
pub async fn installations(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<Installation>> {
    db::all(conn, &format!("{INSTALLATION} WHERE i.programme_id = $1 ORDER BY o.name, i.id"), (programme_id,)).await
}

/// The installation whose token has this hash.
pub async fn by_token(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Installation>> {
    db::optional(conn, &format!("{INSTALLATION} WHERE i.token_hash = $1"), (token_hash,)).await
}

/// The programme's installation that signs with this key.
pub async fn by_key(conn: &mut AnyConnection, programme_id: i64, public_key: &str) -> Result<Option<Installation>> {
    db::optional(
        conn,
        &format!("{INSTALLATION} WHERE i.programme_id = $1 AND i.public_key = $2"),
        (programme_id, public_key),
    )
    .await
}

/// The submission of a year that counts now: the latest received (id, made at, digest).
pub async fn current(conn: &mut AnyConnection, installation_id: i64, year: i64) -> Result<Option<(i64, i64, String)>> {
    db::optional(
        conn,
        "SELECT id, made_at, digest FROM statistics_submissions
         WHERE installation_id = $1 AND year = $2 AND replaced_at IS NULL",
        (installation_id, year),
    )
    .await
}

/// A submission as received.
pub struct Received<'a> {
    pub installation_id: i64,
    pub year: i64,
    pub made_at: i64,
    pub digest: &'a str,
    pub envelope: &'a str,
    pub received_by: Option<i64>,
}

/// Keeps a submission, the year's earlier one (if any) marked replaced by it.
pub async fn receive(conn: &mut AnyConnection, received: &Received<'_>, now: i64) -> Result<i64> {
    db::execute(
        &mut *conn,
        "UPDATE statistics_submissions SET replaced_at = $3
         WHERE installation_id = $1 AND year = $2 AND replaced_at IS NULL",
        (received.installation_id, received.year, now),
    )
    .await?;
    db::scalar(
        conn,
        "INSERT INTO statistics_submissions
             (installation_id, year, made_at, digest, envelope, received_at, received_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        (
            received.installation_id,
            received.year,
            received.made_at,
            received.digest,
            received.envelope,
            now,
            received.received_by,
        ),
    )
    .await
}

/// The envelopes that count in a year's release: each installation's latest, for the
/// installations still in the programme's network.
pub async fn counted(conn: &mut AnyConnection, programme_id: i64, year: i64) -> Result<Vec<(i64, String)>> {
    db::all(
        conn,
        "SELECT i.organisation_id, s.envelope
         FROM statistics_submissions s
         JOIN submitting_installations i ON i.id = s.installation_id
         JOIN programme_network_members m ON m.programme_id = i.programme_id AND m.organisation_id = i.organisation_id
         WHERE i.programme_id = $1 AND s.year = $2 AND s.replaced_at IS NULL
         ORDER BY i.organisation_id",
        (programme_id, year),
    )
    .await
}

/// A submission as the owner's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Listed {
    pub id: i64,
    pub installation: String,
    pub year: i64,
    pub made_at: i64,
    pub received_at: i64,
    /// 1 when the installation pushed it with its token, 0 when staff uploaded the file.
    pub pushed: i64,
    pub replaced_at: Option<i64>,
}

/// The programme's submissions, the latest received first.
pub async fn received(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<Listed>> {
    db::all(
        conn,
        "SELECT s.id, o.name AS installation, s.year, s.made_at, s.received_at,
                CASE WHEN s.received_by IS NULL THEN 1 ELSE 0 END AS pushed, s.replaced_at
         FROM statistics_submissions s
         JOIN submitting_installations i ON i.id = s.installation_id
         JOIN organisations o ON o.id = i.organisation_id
         WHERE i.programme_id = $1
         ORDER BY s.received_at DESC, s.id DESC",
        (programme_id,),
    )
    .await
}
