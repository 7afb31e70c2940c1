//! What the record of processing activities reads of an organisation: its settings, the
//! networks that receive its statistics, and how many records each activity holds now.

use crate::db;
use crate::Result;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Controller {
    pub name: String,
    pub public_phone: String,
    pub public_email: String,
    pub require_second_factor: i64,
    pub national_id_enabled: i64,
}

pub async fn controller(conn: &mut AnyConnection, organisation_id: i64) -> Result<Controller> {
    db::one(
        conn,
        "SELECT name, public_phone, public_email, require_second_factor, national_id_enabled
         FROM organisations WHERE id = $1",
        (organisation_id,),
    )
    .await
}

/// The owners of the programme networks the organisation has joined (other than itself):
/// they receive its statistics, as aggregates.
pub async fn network_owners(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<String>> {
    db::scalars(
        conn,
        "SELECT DISTINCT o.name FROM programme_network_members m
         JOIN programmes p ON p.id = m.programme_id JOIN organisations o ON o.id = p.organisation_id
         WHERE m.organisation_id = $1 AND p.organisation_id <> $1 ORDER BY o.name",
        (organisation_id,),
    )
    .await
}

/// How many records an activity (by its code) holds for the organisation now; none for an
/// activity that keeps aggregates only.
pub async fn records_held(conn: &mut AnyConnection, organisation_id: i64, activity: &str) -> Result<Option<i64>> {
    let sql = match activity {
        "intake" => "SELECT COUNT(*) FROM applications WHERE organisation_id = $1",
        "courses" => {
            "SELECT COUNT(*) FROM course_participants cp JOIN courses c ON c.id = cp.course_id
             WHERE c.organisation_id = $1"
        }
        "evaluation" => {
            "SELECT COUNT(*) FROM questionnaire_responses r JOIN questionnaire_rounds q ON q.id = r.round_id
             WHERE q.organisation_id = $1"
        }
        "mail" => "SELECT COUNT(*) FROM outbox_messages WHERE organisation_id = $1",
        "staff" => "SELECT COUNT(DISTINCT user_id) FROM memberships WHERE organisation_id = $1",
        _ => return Ok(None),
    };
    Ok(Some(db::scalar(conn, sql, (organisation_id,)).await?))
}
