//! Organisations: municipalities, hospital learning-and-coping centres, national
//! competence centres. Every other record belongs to one.

use crate::{Result, StoreError};
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub require_second_factor: i64,
    pub version: i64,
}

const COLUMNS: &str = "id, slug, name, country, require_second_factor, version";

pub async fn create(conn: &mut AnyConnection, slug: &str, name: &str, country: &str, now: i64) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, country, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(country)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn get(conn: &mut AnyConnection, id: i64) -> Result<Organisation> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM organisations WHERE id = $1")).bind(id).fetch_one(conn).await?)
}

pub async fn find_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<Organisation>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM organisations WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(conn)
        .await?)
}

pub async fn count(conn: &mut AnyConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(conn).await?)
}

/// Changes the settings if nobody else changed them since `expected_version`.
pub async fn update_settings(
    conn: &mut AnyConnection,
    id: i64,
    name: &str,
    require_second_factor: bool,
    expected_version: i64,
) -> Result<i64> {
    let updated: Option<i64> = sqlx::query_scalar(
        "UPDATE organisations SET name = $1, require_second_factor = $2, version = version + 1
         WHERE id = $3 AND version = $4 RETURNING version",
    )
    .bind(name)
    .bind(i64::from(require_second_factor))
    .bind(id)
    .bind(expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    match updated {
        Some(version) => Ok(version),
        None => {
            get(conn, id).await?;
            Err(StoreError::Stale)
        }
    }
}
