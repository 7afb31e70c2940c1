//! People with accounts and the roles they hold in organisations.

use crate::db;
use crate::{Result, StoreError};
use samla_domain::Role;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub language: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub disabled: i64,
    pub version: i64,
}

impl User {
    pub fn is_disabled(&self) -> bool {
        self.disabled != 0
    }

    pub fn has_second_factor(&self) -> bool {
        self.totp_secret.is_some()
    }
}

const COLUMNS: &str = "id, email, name, password_hash, language, totp_secret, totp_last_step, disabled, version";

/// A person as seen from one organisation, with the roles they hold there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub disabled: bool,
    pub has_second_factor: bool,
    pub roles: Vec<Role>,
    pub version: i64,
}

pub async fn create(conn: &mut AnyConnection, email: &str, name: &str, password_hash: &str, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        (email, name, password_hash, now),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, id: i64) -> Result<User> {
    db::one(conn, &format!("SELECT {COLUMNS} FROM users WHERE id = $1"), (id,)).await
}

pub async fn find_by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<User>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM users WHERE email = $1"), (email,)).await
}

pub async fn add_role(conn: &mut AnyConnection, user_id: i64, organisation_id: i64, role: Role) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, organisation_id, role) DO NOTHING",
        (user_id, organisation_id, role.as_str()),
    )
    .await
}

/// Replaces a person's roles in one organisation.
pub async fn set_roles(conn: &mut AnyConnection, user_id: i64, organisation_id: i64, roles: &[Role]) -> Result<()> {
    db::execute(
        &mut *conn,
        "DELETE FROM memberships WHERE user_id = $1 AND organisation_id = $2",
        (user_id, organisation_id),
    )
    .await?;
    for role in roles {
        add_role(conn, user_id, organisation_id, *role).await?;
    }
    Ok(())
}

pub async fn roles_in(conn: &mut AnyConnection, user_id: i64, organisation_id: i64) -> Result<Vec<Role>> {
    let names: Vec<String> = db::scalars(
        conn,
        "SELECT role FROM memberships WHERE user_id = $1 AND organisation_id = $2 ORDER BY role",
        (user_id, organisation_id),
    )
    .await?;
    Ok(names.iter().filter_map(|name| Role::parse(name)).collect())
}

/// The organisations a person belongs to, by name.
pub async fn organisations_of(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<(i64, String, String)>> {
    db::all(
        conn,
        "SELECT DISTINCT o.id, o.slug, o.name FROM organisations o
         JOIN memberships m ON m.organisation_id = o.id WHERE m.user_id = $1 ORDER BY o.name",
        (user_id,),
    )
    .await
}

pub async fn count_admins(conn: &mut AnyConnection) -> Result<i64> {
    db::scalar(
        conn,
        "SELECT COUNT(DISTINCT m.user_id) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.role = 'admin' AND u.disabled = 0",
        (),
    )
    .await
}

#[derive(FromRow)]
struct MemberRow {
    id: i64,
    email: String,
    name: String,
    disabled: i64,
    totp_secret: Option<String>,
    version: i64,
}

async fn with_roles(conn: &mut AnyConnection, organisation_id: i64, rows: Vec<MemberRow>) -> Result<Vec<Member>> {
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        let roles = roles_in(conn, row.id, organisation_id).await?;
        members.push(Member {
            id: row.id,
            email: row.email,
            name: row.name,
            disabled: row.disabled != 0,
            has_second_factor: row.totp_secret.is_some(),
            roles,
            version: row.version,
        });
    }
    Ok(members)
}

/// Members of one organisation ordered by id, after `after_id`, at most `limit`.
pub async fn list_members(
    conn: &mut AnyConnection,
    organisation_id: i64,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Member>> {
    let rows: Vec<MemberRow> = db::all(
        &mut *conn,
        "SELECT u.id, u.email, u.name, u.disabled, u.totp_secret, u.version FROM users u
         WHERE u.id > $2 AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = $1)
         ORDER BY u.id LIMIT $3",
        (organisation_id, after_id, limit),
    )
    .await?;
    with_roles(conn, organisation_id, rows).await
}

/// One member of one organisation; someone outside it is not found.
pub async fn get_member(conn: &mut AnyConnection, organisation_id: i64, user_id: i64) -> Result<Member> {
    let rows: Vec<MemberRow> = db::all(
        &mut *conn,
        "SELECT u.id, u.email, u.name, u.disabled, u.totp_secret, u.version FROM users u
         WHERE u.id = $2 AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = $1)",
        (organisation_id, user_id),
    )
    .await?;
    with_roles(conn, organisation_id, rows).await?.pop().ok_or(StoreError::NotFound)
}

/// Bumps the version of a person, refusing if someone changed them meanwhile.
pub async fn bump_version(conn: &mut AnyConnection, user_id: i64, expected_version: Option<i64>) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE users SET version = version + 1 WHERE id = $1 AND ($2 < 0 OR version = $2) RETURNING version",
        (user_id, expected_version.unwrap_or(-1)),
    )
    .await
}

pub async fn set_disabled(conn: &mut AnyConnection, user_id: i64, disabled: bool) -> Result<()> {
    db::execute(conn, "UPDATE users SET disabled = $1 WHERE id = $2", (i64::from(disabled), user_id)).await
}

pub async fn set_name(conn: &mut AnyConnection, user_id: i64, name: &str) -> Result<()> {
    db::execute(conn, "UPDATE users SET name = $1 WHERE id = $2", (name, user_id)).await
}

pub async fn set_password(conn: &mut AnyConnection, user_id: i64, password_hash: &str) -> Result<()> {
    db::execute(conn, "UPDATE users SET password_hash = $1 WHERE id = $2", (password_hash, user_id)).await
}

pub async fn set_language(conn: &mut AnyConnection, user_id: i64, language: &str) -> Result<()> {
    db::execute(conn, "UPDATE users SET language = $1 WHERE id = $2", (language, user_id)).await
}

/// Sets or clears the second factor; recovery codes are replaced alongside.
pub async fn set_totp(
    conn: &mut AnyConnection,
    user_id: i64,
    secret: Option<&str>,
    code_hashes: &[String],
) -> Result<()> {
    db::execute(
        &mut *conn,
        "UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE id = $2",
        (secret, user_id),
    )
    .await?;
    db::execute(&mut *conn, "DELETE FROM recovery_codes WHERE user_id = $1", (user_id,)).await?;
    for hash in code_hashes {
        db::execute(&mut *conn, "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", (user_id, hash))
            .await?;
    }
    Ok(())
}

/// Records the TOTP step just used, only if it is later than the last one (no replay).
pub async fn advance_totp_step(conn: &mut AnyConnection, user_id: i64, step: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        (step, user_id),
    )
    .await
}

/// Uses up one recovery code; false when it is unknown or already used.
pub async fn use_recovery_code(conn: &mut AnyConnection, user_id: i64, code_hash: &str, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        (now, user_id, code_hash),
    )
    .await
}

pub async fn unused_recovery_codes(conn: &mut AnyConnection, user_id: i64) -> Result<i64> {
    db::scalar(conn, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", (user_id,)).await
}
