//! Recruitment channels: how a participant heard of the course or who referred them.

use crate::db;
use crate::Result;
use samla_domain::intake::ChannelKind;
use samla_domain::intake::ChannelKind::{Both, Heard, Referral};
use sqlx::{AnyConnection, FromRow};

/// The channels every organisation starts with, from the seeds' mapping form
/// ("how did you hear") and the referral sources named in the reports. Kept in step
/// with migration 0004, which gave them to the organisations that already existed.
pub const SEEDED: &[(&str, ChannelKind)] = &[
    ("user_organisation", Heard),
    ("poster_advert", Heard),
    ("internet", Heard),
    ("family_friends", Heard),
    ("municipality", Heard),
    ("hospital", Both),
    ("gp", Both),
    ("school_nurse", Referral),
    ("school", Referral),
    ("child_welfare", Referral),
    ("ppt", Referral),
    ("family_counselling", Referral),
    ("family_centre", Referral),
    ("mental_health_clinic", Referral),
    ("substance_abuse_service", Referral),
    ("nav", Referral),
    ("other", Both),
];

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Channel {
    pub id: i64,
    pub code: Option<String>,
    pub name: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: ChannelKind,
    pub position: i64,
    pub archived: i64,
}

const COLUMNS: &str = "id, code, name, kind, position, archived";

pub async fn seed(conn: &mut AnyConnection, organisation_id: i64) -> Result<()> {
    for (position, (code, kind)) in SEEDED.iter().enumerate() {
        db::execute(
            &mut *conn,
            "INSERT INTO recruitment_channels (organisation_id, code, kind, position) VALUES ($1, $2, $3, $4)",
            (organisation_id, *code, kind.as_str(), position as i64 + 1),
        )
        .await?;
    }
    Ok(())
}

pub async fn list(conn: &mut AnyConnection, organisation_id: i64, include_archived: bool) -> Result<Vec<Channel>> {
    db::all(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM recruitment_channels WHERE organisation_id = $1 AND (archived = 0 OR $2 = 1)
         ORDER BY position, id"
        ),
        (organisation_id, i64::from(include_archived)),
    )
    .await
}

pub async fn get(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<Channel> {
    db::one(
        conn,
        &format!("SELECT {COLUMNS} FROM recruitment_channels WHERE organisation_id = $1 AND id = $2"),
        (organisation_id, id),
    )
    .await
}

pub async fn add(conn: &mut AnyConnection, organisation_id: i64, name: &str, kind: ChannelKind) -> Result<i64> {
    let position: i64 = db::scalar(
        &mut *conn,
        "SELECT COALESCE(MAX(position), 0) + 1 FROM recruitment_channels WHERE organisation_id = $1",
        (organisation_id,),
    )
    .await?;
    db::scalar(
        conn,
        "INSERT INTO recruitment_channels (organisation_id, name, kind, position) VALUES ($1, $2, $3, $4) RETURNING id",
        (organisation_id, name, kind.as_str(), position),
    )
    .await
}

/// Archived channels stay on the records that name them but are no longer offered.
pub async fn set_archived(conn: &mut AnyConnection, organisation_id: i64, id: i64, archived: bool) -> Result<()> {
    let done = db::changed(
        conn,
        "UPDATE recruitment_channels SET archived = $1 WHERE organisation_id = $2 AND id = $3",
        (i64::from(archived), organisation_id, id),
    )
    .await?;
    if done == 0 {
        return Err(crate::StoreError::NotFound);
    }
    Ok(())
}

/// Participants of a course per channel: (channel id or none, count).
pub async fn count_for_course(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(Option<i64>, i64)>> {
    db::all(
        conn,
        "SELECT channel_id, COUNT(*) FROM course_participants WHERE course_id = $1 AND role = 'participant'
         GROUP BY channel_id ORDER BY COUNT(*) DESC",
        (course_id,),
    )
    .await
}
