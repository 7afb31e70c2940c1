//! Households and the persons in them: children, guardians and other adults. Siblings
//! are the children of one household. Participants and guardians have no accounts.

use crate::db;
use crate::{Result, StoreError};
use samla_domain::intake::household::{HouseholdRole, Sex};
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Person {
    pub id: i64,
    pub household_id: i64,
    /// An adult is an adult participant or another adult at home.
    #[sqlx(try_from = "String")]
    pub household_role: HouseholdRole,
    pub parental_responsibility: i64,
    pub name: String,
    pub birth_date: Option<String>,
    pub national_id: Option<String>,
    pub phone: String,
    pub email: String,
    /// `female`, `male` or `other` as stated; none where not stated.
    pub sex: Option<String>,
}

const COLUMNS: &str =
    "id, household_id, household_role, parental_responsibility, name, birth_date, national_id, phone, email, sex";

pub struct NewPerson<'a> {
    pub household_id: i64,
    pub household_role: HouseholdRole,
    pub parental_responsibility: bool,
    pub name: &'a str,
    pub birth_date: Option<&'a str>,
    pub national_id: Option<&'a str>,
    pub phone: &'a str,
    pub email: &'a str,
    pub sex: Option<Sex>,
}

pub async fn create_household(conn: &mut AnyConnection, organisation_id: i64, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO households (organisation_id, created_at) VALUES ($1, $2) RETURNING id",
        (organisation_id, now),
    )
    .await
}

/// The household, if it belongs to the organisation and was not merged into another.
pub async fn exists(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<()> {
    let found: Option<i64> = db::scalar_optional(
        conn,
        "SELECT id FROM households WHERE organisation_id = $1 AND id = $2 AND merged_into IS NULL",
        (organisation_id, id),
    )
    .await?;
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

pub async fn add_person(conn: &mut AnyConnection, organisation_id: i64, p: &NewPerson<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO persons (organisation_id, household_id, household_role, parental_responsibility, name,
             birth_date, national_id, phone, email, sex, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        (
            organisation_id,
            p.household_id,
            p.household_role.as_str(),
            i64::from(p.parental_responsibility),
            p.name,
            p.birth_date,
            p.national_id,
            p.phone,
            p.email,
            p.sex.map(Sex::as_str),
            now,
        ),
    )
    .await
}

pub async fn get_person(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<Person> {
    db::one(
        conn,
        &format!("SELECT {COLUMNS} FROM persons WHERE organisation_id = $1 AND id = $2"),
        (organisation_id, id),
    )
    .await
}

/// The persons of a household, children first (oldest first), then adults.
pub async fn members(conn: &mut AnyConnection, household_id: i64) -> Result<Vec<Person>> {
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM persons WHERE household_id = $1 AND merged_into IS NULL
         ORDER BY CASE household_role WHEN 'child' THEN 0 ELSE 1 END, birth_date, id"
        ),
        (household_id,),
    )
    .await
}

pub async fn update_contact(
    conn: &mut AnyConnection,
    organisation_id: i64,
    id: i64,
    name: &str,
    phone: &str,
    email: &str,
) -> Result<()> {
    db::execute_found(
        conn,
        "UPDATE persons SET name = $1, phone = $2, email = $3 WHERE organisation_id = $4 AND id = $5",
        (name, phone, email, organisation_id, id),
    )
    .await
}

/// Persons who may be the same as the one described: the same national identity
/// number, or the same name with the same birth date, phone or e-mail.
pub async fn possible_duplicates(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person: &Person,
) -> Result<Vec<Person>> {
    db::all(
        conn,
        &format!(
        "SELECT {COLUMNS} FROM persons
         WHERE organisation_id = $1 AND id <> $2 AND merged_into IS NULL AND (
             ($3 <> '' AND national_id = $3)
             OR (LOWER(name) = LOWER($4) AND (
                 ($5 <> '' AND birth_date = $5) OR ($6 <> '' AND phone = $6) OR ($7 <> '' AND LOWER(email) = LOWER($7))))
         )
         ORDER BY id"
    ),
        (
            organisation_id,
            person.id,
            person.national_id.as_deref().unwrap_or(""),
            &person.name,
            person.birth_date.as_deref().unwrap_or(""),
            &person.phone,
            &person.email,
        ),
    )
    .await
}

/// Moves everything that names person `from` to person `into` and marks `from` merged.
pub async fn merge_person(conn: &mut AnyConnection, from: i64, into: i64) -> Result<()> {
    for statement in [
        "UPDATE applications SET participant_id = $2 WHERE participant_id = $1",
        "UPDATE applications SET contact_person_id = $2 WHERE contact_person_id = $1",
        "UPDATE consents SET giver_id = $2 WHERE giver_id = $1",
        "UPDATE consents SET participant_id = $2 WHERE participant_id = $1",
        "UPDATE consent_links SET giver_id = $2 WHERE giver_id = $1",
        "UPDATE consent_links SET participant_id = $2 WHERE participant_id = $1",
        "UPDATE persons SET merged_into = $2 WHERE id = $1",
    ] {
        db::execute(&mut *conn, statement, (from, into)).await?;
    }
    Ok(())
}

/// Moves every person and application of household `from` into `into`.
pub async fn merge_household(conn: &mut AnyConnection, from: i64, into: i64) -> Result<()> {
    if from == into {
        return Ok(());
    }
    for statement in [
        "UPDATE persons SET household_id = $2 WHERE household_id = $1",
        "UPDATE applications SET household_id = $2 WHERE household_id = $1",
        "UPDATE households SET merged_into = $2 WHERE id = $1",
    ] {
        db::execute(&mut *conn, statement, (from, into)).await?;
    }
    Ok(())
}
