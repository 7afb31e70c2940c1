//! Programme networks: the organisations that run a programme another organisation owns
//! and report their statistics to it.

use crate::db;
use crate::Result;
use sqlx::AnyConnection;

/// A member of a programme's network.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Member {
    pub organisation_id: i64,
    pub slug: String,
    pub name: String,
    pub region: Option<String>,
    pub joined_at: i64,
}

/// Joins the organisation to the programme's network; `Taken` if it is a member already.
pub async fn join(
    conn: &mut AnyConnection,
    programme_id: i64,
    organisation_id: i64,
    joined_by: i64,
    now: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO programme_network_members (programme_id, organisation_id, joined_at, joined_by)
         VALUES ($1, $2, $3, $4)",
        (programme_id, organisation_id, now, joined_by),
    )
    .await
}

/// Leaves the network; whether the organisation was a member.
pub async fn leave(conn: &mut AnyConnection, programme_id: i64, organisation_id: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "DELETE FROM programme_network_members WHERE programme_id = $1 AND organisation_id = $2",
        (programme_id, organisation_id),
    )
    .await
}

pub async fn is_member(conn: &mut AnyConnection, programme_id: i64, organisation_id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT 1 FROM programme_network_members WHERE programme_id = $1 AND organisation_id = $2",
        (programme_id, organisation_id),
    )
    .await
}

/// The network's members, by name.
pub async fn members(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<Member>> {
    db::all(
        conn,
        "SELECT o.id AS organisation_id, o.slug, o.name, o.region, m.joined_at
         FROM programme_network_members m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.programme_id = $1 ORDER BY o.name, o.id",
        (programme_id,),
    )
    .await
}
