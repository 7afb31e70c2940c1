//! Programme networks: the organisations that run a programme another organisation owns
//! and report their statistics to it.

use crate::db;
use crate::Result;
use samla_domain::planning::lifecycle::CourseStatus;
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

/// A programme as the statistics overview lists it for one organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NetworkProgramme {
    pub programme_id: i64,
    pub slug: String,
    pub name: String,
    pub owner_id: i64,
    pub owner_name: String,
    /// 1 when the organisation is a member of the programme's network.
    pub member: i64,
    /// 1 when the owner shares the programme (others may join its network).
    pub shared: i64,
    /// How many releases the programme has.
    pub releases: i64,
}

/// The programmes the organisation owns and shares or has published, those whose
/// network it is in, and the shared programmes of others it could join; by name.
pub async fn visible(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<NetworkProgramme>> {
    db::all(
        conn,
        "SELECT p.id AS programme_id, p.slug, p.name, p.organisation_id AS owner_id, o.name AS owner_name,
                CASE WHEN m.organisation_id IS NULL THEN 0 ELSE 1 END AS member, p.shared,
                (SELECT COUNT(*) FROM statistics_releases r WHERE r.programme_id = p.id) AS releases
         FROM programmes p
         JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN programme_network_members m ON m.programme_id = p.id AND m.organisation_id = $1
         WHERE p.shared = 1 OR m.organisation_id IS NOT NULL
            OR (p.organisation_id = $1
                AND EXISTS (SELECT 1 FROM statistics_releases r WHERE r.programme_id = p.id))
         ORDER BY p.name, o.name, p.id",
        (organisation_id,),
    )
    .await
}

/// A course of the programme in its network, as the programme's owner follows it: where,
/// when and how far it came, never who takes part.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NetworkCourse {
    pub organisation_id: i64,
    pub organisation_slug: String,
    pub organisation_name: String,
    pub name: String,
    pub start_date: String,
    #[sqlx(try_from = "String")]
    pub status: CourseStatus,
    /// Deviations from the staffing rules accepted for the course (each kind once).
    pub deviations: i64,
}

/// The courses of the programme run by its owner or a member that start on `from` or
/// later (drafts left out), by organisation and start.
pub async fn courses(conn: &mut AnyConnection, programme_id: i64, from: &str) -> Result<Vec<NetworkCourse>> {
    db::all(
        conn,
        "SELECT c.organisation_id, o.slug AS organisation_slug, o.name AS organisation_name, c.name, c.start_date,
                c.status,
                (SELECT COUNT(DISTINCT d.kind) FROM course_deviation_acceptances a
                 JOIN course_deviations d ON d.acceptance_id = a.id WHERE a.course_id = c.id) AS deviations
         FROM courses c
         JOIN programme_versions v ON v.id = c.programme_version_id
         JOIN organisations o ON o.id = c.organisation_id
         WHERE v.programme_id = $1 AND c.status <> 'draft' AND c.start_date >= $2
           AND c.organisation_id IN (SELECT p.organisation_id FROM programmes p WHERE p.id = $1
                                     UNION SELECT m.organisation_id FROM programme_network_members m
                                     WHERE m.programme_id = $1)
         ORDER BY o.name, c.organisation_id, c.start_date, c.name",
        (programme_id, from),
    )
    .await
}

/// How many leaders each organisation of the network has certified for the programme:
/// (organisation id, leaders).
pub async fn certified_leaders(conn: &mut AnyConnection, programme_id: i64) -> Result<Vec<(i64, i64)>> {
    db::all(
        conn,
        "SELECT organisation_id, COUNT(*) FROM certifications WHERE programme_id = $1 GROUP BY organisation_id",
        (programme_id,),
    )
    .await
}
