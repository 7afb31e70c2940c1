//! The programme library: programmes and their manual versions. A manual is stored as
//! one JSON document per version; a course keeps the version it was planned from.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Programme {
    pub id: i64,
    pub organisation_id: i64,
    pub slug: String,
    pub shared: i64,
    pub name: String,
    pub summary: String,
    /// Comma-separated target groups, for filtering.
    pub target_groups: String,
    pub current_version: i64,
    /// 1: installed from samla's shipped manual (kept up to date while left unchanged).
    pub shipped: i64,
    /// Unix seconds; archived programmes leave the library and take no new courses.
    pub archived_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ProgrammeVersion {
    pub id: i64,
    pub programme_id: i64,
    pub version: i64,
    pub manual: String,
    pub created_at: i64,
}

const COLUMNS: &str = "p.id, p.organisation_id, p.slug, p.shared, p.name, p.summary, p.target_groups, \
     p.current_version, p.shipped, p.archived_at";

/// What a programme's row shows of its current manual.
pub struct Listing<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub target_groups: &'a str,
}

pub async fn create(
    conn: &mut AnyConnection,
    organisation_id: i64,
    listing: &Listing<'_>,
    shared: bool,
    manual_json: &str,
    user_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    let id: i64 = db::scalar(
        &mut *conn,
        "INSERT INTO programmes (organisation_id, slug, shared, name, summary, target_groups, current_version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7) RETURNING id",
        (organisation_id, listing.slug, i64::from(shared), listing.name, listing.summary, listing.target_groups, now),
    )
    .await?;
    insert_version(conn, id, 1, manual_json, user_id, now).await?;
    Ok(id)
}

async fn insert_version(
    conn: &mut AnyConnection,
    programme_id: i64,
    version: i64,
    manual_json: &str,
    user_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO programme_versions (programme_id, version, manual, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        (programme_id, version, manual_json, now, user_id),
    )
    .await
}

/// Saves an edited manual as the next version, if the caller saw `expected_version`.
pub async fn add_version(
    conn: &mut AnyConnection,
    programme_id: i64,
    expected_version: i64,
    listing: &Listing<'_>,
    manual_json: &str,
    user_id: Option<i64>,
    now: i64,
) -> Result<i64> {
    let next: Option<i64> = db::scalar_optional(
        &mut *conn,
        "UPDATE programmes SET current_version = current_version + 1, name = $1, summary = $2, target_groups = $3
         WHERE id = $4 AND current_version = $5 RETURNING current_version",
        (listing.name, listing.summary, listing.target_groups, programme_id, expected_version),
    )
    .await?;
    let next = next.ok_or(crate::StoreError::Stale)?;
    insert_version(conn, programme_id, next, manual_json, user_id, now).await?;
    Ok(next)
}

pub async fn set_shared(conn: &mut AnyConnection, programme_id: i64, shared: bool) -> Result<()> {
    db::execute(conn, "UPDATE programmes SET shared = $1 WHERE id = $2", (i64::from(shared), programme_id)).await
}

/// Programmes an organisation can see: its own and those shared with everyone, without
/// archived ones unless `archived` (then only the organisation's own archived ones join).
/// `query` matches name or summary; `target_group` filters.
pub async fn list_visible(
    conn: &mut AnyConnection,
    organisation_id: i64,
    query: &str,
    target_group: &str,
    archived: bool,
) -> Result<Vec<Programme>> {
    let pattern = format!("%{}%", query.to_lowercase());
    let group = format!("%{target_group}%");
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM programmes p
         WHERE (p.organisation_id = $1 OR p.shared = 1)
           AND (LOWER(p.name) LIKE $2 OR LOWER(p.summary) LIKE $2 OR LOWER(p.slug) LIKE $2)
           AND p.target_groups LIKE $3
           AND (p.archived_at IS NULL OR ($4 = 1 AND p.organisation_id = $1))
         ORDER BY p.name, p.id"
        ),
        (organisation_id, pattern, group, i64::from(archived)),
    )
    .await
}

/// Archives the programme (`Some(when)`) or takes it back into use (`None`).
pub async fn set_archived(conn: &mut AnyConnection, programme_id: i64, at: Option<i64>) -> Result<()> {
    db::execute(conn, "UPDATE programmes SET archived_at = $1 WHERE id = $2", (at, programme_id)).await
}

/// An organisation's programme with a shipped manual's slug, with its current version.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ShippedSlugCopy {
    pub id: i64,
    pub organisation_id: i64,
    pub slug: String,
    pub shipped: i64,
    pub archived_at: Option<i64>,
    pub current_version: i64,
    /// The shipped content the current version was installed from.
    pub shipped_hash: Option<String>,
    /// The current manual, for a programme not (yet) known as samla's; empty otherwise.
    pub manual: String,
}

/// Every organisation's programmes whose slug is one of `slugs`.
pub async fn with_slugs(conn: &mut AnyConnection, slugs: &[&str]) -> Result<Vec<ShippedSlugCopy>> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=slugs.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT p.id, p.organisation_id, p.slug, p.shipped, p.archived_at, p.current_version, v.shipped_hash,
                CASE WHEN p.shipped = 0 THEN v.manual ELSE '' END AS manual
         FROM programmes p JOIN programme_versions v ON v.programme_id = p.id AND v.version = p.current_version
         WHERE p.slug IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for slug in slugs {
        query = query.bind(*slug);
    }
    Ok(query.fetch_all(conn).await?)
}

/// Marks a programme as samla's shipped manual and its `version` as installed from the
/// shipped content with this hash.
pub async fn mark_shipped(conn: &mut AnyConnection, programme_id: i64, version: i64, hash: &str) -> Result<()> {
    db::execute(&mut *conn, "UPDATE programmes SET shipped = 1 WHERE id = $1", (programme_id,)).await?;
    db::execute(
        conn,
        "UPDATE programme_versions SET shipped_hash = $1 WHERE programme_id = $2 AND version = $3",
        (hash, programme_id, version),
    )
    .await
}

/// Every organisation's id.
pub async fn organisation_ids(conn: &mut AnyConnection) -> Result<Vec<i64>> {
    db::scalars(conn, "SELECT id FROM organisations ORDER BY id", ()).await
}

/// One programme, whoever owns it: for callers that are no organisation's staff.
pub async fn get(conn: &mut AnyConnection, programme_id: i64) -> Result<Programme> {
    db::one(conn, &format!("SELECT {COLUMNS} FROM programmes p WHERE p.id = $1"), (programme_id,)).await
}

/// One programme the organisation can see; others are not found.
pub async fn get_visible(conn: &mut AnyConnection, organisation_id: i64, programme_id: i64) -> Result<Programme> {
    db::one(
        conn,
        &format!("SELECT {COLUMNS} FROM programmes p WHERE p.id = $2 AND (p.organisation_id = $1 OR p.shared = 1)"),
        (organisation_id, programme_id),
    )
    .await
}

/// A visible programme by slug, the organisation's own first.
pub async fn find_visible_by_slug(
    conn: &mut AnyConnection,
    organisation_id: i64,
    slug: &str,
) -> Result<Option<Programme>> {
    db::optional(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM programmes p WHERE p.slug = $2 AND (p.organisation_id = $1 OR p.shared = 1)
         ORDER BY CASE WHEN p.organisation_id = $1 THEN 0 ELSE 1 END, p.id LIMIT 1"
        ),
        (organisation_id, slug),
    )
    .await
}

pub async fn own_by_slug(conn: &mut AnyConnection, organisation_id: i64, slug: &str) -> Result<Option<Programme>> {
    db::optional(
        conn,
        &format!("SELECT {COLUMNS} FROM programmes p WHERE p.slug = $2 AND p.organisation_id = $1"),
        (organisation_id, slug),
    )
    .await
}

pub async fn version(conn: &mut AnyConnection, programme_id: i64, version: i64) -> Result<ProgrammeVersion> {
    db::one(
        conn,
        "SELECT id, programme_id, version, manual, created_at FROM programme_versions WHERE programme_id = $1 AND version = $2",
        (programme_id, version),
    )
    .await
}

pub async fn version_by_id(conn: &mut AnyConnection, version_id: i64) -> Result<ProgrammeVersion> {
    db::one(
        conn,
        "SELECT id, programme_id, version, manual, created_at FROM programme_versions WHERE id = $1",
        (version_id,),
    )
    .await
}

/// Every version, newest first (without their manuals).
pub async fn versions(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<(i64, i64)>> {
    db::all(
        conn,
        "SELECT version, created_at FROM programme_versions WHERE programme_id = $1 ORDER BY version DESC",
        (programme_id,),
    )
    .await
}

pub async fn set_certified(
    conn: &mut AnyConnection,
    user_id: i64,
    programme_id: i64,
    organisation_id: i64,
    certified_on: Option<&str>,
) -> Result<()> {
    db::execute(
        &mut *conn,
        "DELETE FROM certifications WHERE user_id = $1 AND programme_id = $2 AND organisation_id = $3",
        (user_id, programme_id, organisation_id),
    )
    .await?;
    if let Some(day) = certified_on {
        db::execute(
            conn,
            "INSERT INTO certifications (user_id, programme_id, organisation_id, certified_on) VALUES ($1, $2, $3, $4)",
            (user_id, programme_id, organisation_id, day),
        )
        .await?;
    }
    Ok(())
}

/// The people in an organisation certified for a programme.
pub async fn certified_users(conn: &mut AnyConnection, organisation_id: i64, programme_id: i64) -> Result<Vec<i64>> {
    db::scalars(
        conn,
        "SELECT user_id FROM certifications WHERE organisation_id = $1 AND programme_id = $2",
        (organisation_id, programme_id),
    )
    .await
}

/// (user id, name, certified on) of the people certified for a programme here.
pub async fn certifications(
    conn: &mut AnyConnection,
    organisation_id: i64,
    programme_id: i64,
) -> Result<Vec<(i64, String, String)>> {
    db::all(
        conn,
        "SELECT c.user_id, u.name, c.certified_on FROM certifications c JOIN users u ON u.id = c.user_id
         WHERE c.organisation_id = $1 AND c.programme_id = $2 ORDER BY u.name, c.user_id",
        (organisation_id, programme_id),
    )
    .await
}

/// Lets instances that start at the same time on one PostgreSQL database install the
/// shipped manuals one after the other (SQLite has one writer already).
pub async fn lock_shipped_install(tx: &mut crate::WriteTx) -> Result<()> {
    if tx.backend() == crate::Backend::Postgres {
        db::execute(&mut *tx.tx, "SELECT pg_advisory_xact_lock(74112)", ()).await?;
    }
    Ok(())
}
