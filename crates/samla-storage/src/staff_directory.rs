//! The staff directory: the people of an organisation with an active account, their
//! roles and programme certifications — and nothing else about them.

use crate::db;
use crate::Result;
use samla_domain::Role;
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffCertification {
    pub programme_id: i64,
    pub programme_slug: String,
    pub programme_name: String,
    /// YYYY-MM-DD.
    pub certified_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffPerson {
    pub user_id: i64,
    pub name: String,
    pub roles: Vec<Role>,
    pub certifications: Vec<StaffCertification>,
}

/// The organisation's people with an active account, by name; with `role`, only those
/// who hold it.
pub async fn list(conn: &mut AnyConnection, organisation_id: i64, role: Option<Role>) -> Result<Vec<StaffPerson>> {
    let people: Vec<(i64, String)> = db::all(
        &mut *conn,
        "SELECT u.id, u.name FROM users u
         WHERE u.disabled = 0
           AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organisation_id = $1
                       AND ($2 = '' OR m.role = $2))",
        (organisation_id, role.map(Role::as_str).unwrap_or("")),
    )
    .await?;
    let roles: Vec<(i64, String)> = db::all(
        &mut *conn,
        "SELECT user_id, role FROM memberships WHERE organisation_id = $1 ORDER BY role",
        (organisation_id,),
    )
    .await?;
    let certifications: Vec<(i64, i64, String, String, String)> = db::all(
        conn,
        "SELECT c.user_id, p.id, p.slug, p.name, c.certified_on FROM certifications c
         JOIN programmes p ON p.id = c.programme_id
         WHERE c.organisation_id = $1 ORDER BY p.name, p.id",
        (organisation_id,),
    )
    .await?;
    let mut out: Vec<StaffPerson> = people
        .into_iter()
        .map(|(user_id, name)| {
            let mut held: Vec<Role> =
                roles.iter().filter(|(id, _)| *id == user_id).filter_map(|(_, r)| Role::parse(r)).collect();
            held.sort();
            StaffPerson {
                user_id,
                name,
                roles: held,
                certifications: certifications
                    .iter()
                    .filter(|c| c.0 == user_id)
                    .map(|(_, programme_id, slug, name, on)| StaffCertification {
                        programme_id: *programme_id,
                        programme_slug: slug.clone(),
                        programme_name: name.clone(),
                        certified_on: on.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.user_id.cmp(&b.user_id)));
    Ok(out)
}
