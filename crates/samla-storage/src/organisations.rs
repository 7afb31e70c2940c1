//! Organisations: municipalities, hospital learning-and-coping centres, national
//! competence centres. Every other record belongs to one.

use crate::db;
use crate::Result;
use samla_domain::calendar::Country;
use samla_domain::organisations::{OrganisationKind, Region};
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
    /// What statistics count the organisation as.
    pub kind: OrganisationKind,
    /// Where statistics place it; none until its administrator says.
    pub region: Option<Region>,
}

// Written out rather than derived: the derive's `try_from` needs a sqlx feature samla does
// not build with, and the country is read back typed so no caller handles country codes.
impl<'r> FromRow<'r, AnyRow> for Organisation {
    fn from_row(row: &'r AnyRow) -> std::result::Result<Self, sqlx::Error> {
        fn decode(column: &str, e: impl std::error::Error + Send + Sync + 'static) -> sqlx::Error {
            sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) }
        }
        let country = Country::try_from(row.try_get::<String, _>("country")?).map_err(|e| decode("country", e))?;
        let kind = OrganisationKind::try_from(row.try_get::<String, _>("kind")?).map_err(|e| decode("kind", e))?;
        let region = match row.try_get::<Option<String>, _>("region")? {
            Some(code) => Some(Region::try_from(code).map_err(|e| decode("region", e))?),
            None => None,
        };
        Ok(Organisation {
            id: row.try_get("id")?,
            slug: row.try_get("slug")?,
            name: row.try_get("name")?,
            country,
            require_second_factor: row.try_get("require_second_factor")?,
            version: row.try_get("version")?,
            kind,
            region,
        })
    }
}

const COLUMNS: &str = "id, slug, name, country, require_second_factor, version, kind, region";

pub async fn create(conn: &mut AnyConnection, slug: &str, name: &str, country: Country, now: i64) -> Result<i64> {
    let id: i64 = db::scalar(
        conn,
        "INSERT INTO organisations (slug, name, country, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        (slug, name, country.code(), now),
    )
    .await?;
    Ok(id)
}

pub async fn get(conn: &mut AnyConnection, id: i64) -> Result<Organisation> {
    db::one(conn, &format!("SELECT {COLUMNS} FROM organisations WHERE id = $1"), (id,)).await
}

pub async fn find_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<Organisation>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM organisations WHERE slug = $1"), (slug,)).await
}

pub async fn count(conn: &mut AnyConnection) -> Result<i64> {
    db::scalar(conn, "SELECT COUNT(*) FROM organisations", ()).await
}

/// Changes the settings (and, given, the kind and region; a region of none keeps the
/// one set) if nobody else changed them since `expected_version`.
pub async fn update_settings(
    conn: &mut AnyConnection,
    id: i64,
    name: &str,
    require_second_factor: bool,
    placement: Option<(OrganisationKind, Option<Region>)>,
    expected_version: i64,
) -> Result<i64> {
    let kind = placement.map(|(kind, _)| kind.as_str());
    let region = placement.and_then(|(_, region)| region).map(Region::as_str);
    let updated: Option<i64> = db::scalar_optional(
        &mut *conn,
        "UPDATE organisations SET name = $1, require_second_factor = $2, kind = COALESCE($3, kind),
                region = COALESCE($4, region), version = version + 1
         WHERE id = $5 AND version = $6 RETURNING version",
        (name, i64::from(require_second_factor), kind, region, id, expected_version),
    )
    .await?;
    db::version_or_why(updated, get(conn, id)).await
}

/// Sets what statistics count the organisation as and where they place it.
pub async fn set_placement(conn: &mut AnyConnection, id: i64, kind: OrganisationKind, region: Region) -> Result<()> {
    db::execute(
        conn,
        "UPDATE organisations SET kind = $1, region = $2 WHERE id = $3",
        (kind.as_str(), region.as_str(), id),
    )
    .await
}
