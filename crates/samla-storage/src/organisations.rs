//! Organisations: municipalities, hospital learning-and-coping centres, national
//! competence centres. Every other record belongs to one.

use crate::{Result, StoreError};
use samla_domain::calendar::Country;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, FromRow, Row};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub country: Country,
    pub require_second_factor: i64,
    pub version: i64,
}

// Written out rather than derived: the derive's `try_from` needs a sqlx feature samla does
// not build with, and the country is read back typed so no caller handles country codes.
impl<'r> FromRow<'r, AnyRow> for Organisation {
    fn from_row(row: &'r AnyRow) -> std::result::Result<Self, sqlx::Error> {
        let country = Country::try_from(row.try_get::<String, _>("country")?)
            .map_err(|e| sqlx::Error::ColumnDecode { index: "country".into(), source: Box::new(e) })?;
        Ok(Organisation {
            id: row.try_get("id")?,
            slug: row.try_get("slug")?,
            name: row.try_get("name")?,
            country,
            require_second_factor: row.try_get("require_second_factor")?,
            version: row.try_get("version")?,
        })
    }
}

const COLUMNS: &str = "id, slug, name, country, require_second_factor, version";

pub async fn create(conn: &mut AnyConnection, slug: &str, name: &str, country: Country, now: i64) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, country, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(slug)
    .bind(name)
    .bind(country.code())
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
