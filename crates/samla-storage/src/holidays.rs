//! School holidays an organisation enters (they differ per municipality).

use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SchoolHoliday {
    pub id: i64,
    pub name: String,
    pub first_day: String,
    pub last_day: String,
}

pub async fn list(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<SchoolHoliday>> {
    Ok(sqlx::query_as(
        "SELECT id, name, first_day, last_day FROM school_holidays WHERE organisation_id = $1 ORDER BY first_day, id",
    )
    .bind(organisation_id)
    .fetch_all(conn)
    .await?)
}

pub async fn add(
    conn: &mut AnyConnection,
    organisation_id: i64,
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO school_holidays (organisation_id, name, first_day, last_day) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(organisation_id)
    .bind(name)
    .bind(first_day)
    .bind(last_day)
    .fetch_one(conn)
    .await?)
}

pub async fn remove(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM school_holidays WHERE id = $1 AND organisation_id = $2")
        .bind(id)
        .bind(organisation_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
