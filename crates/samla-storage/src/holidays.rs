//! School holidays an organisation enters (they differ per municipality).

use crate::db;
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
    db::all(
        conn,
        "SELECT id, name, first_day, last_day FROM school_holidays WHERE organisation_id = $1 ORDER BY first_day, id",
        (organisation_id,),
    )
    .await
}

pub async fn add(
    conn: &mut AnyConnection,
    organisation_id: i64,
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO school_holidays (organisation_id, name, first_day, last_day) VALUES ($1, $2, $3, $4) RETURNING id",
        (organisation_id, name, first_day, last_day),
    )
    .await
}

pub async fn remove(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<bool> {
    db::changed_one(conn, "DELETE FROM school_holidays WHERE id = $1 AND organisation_id = $2", (id, organisation_id))
        .await
}
