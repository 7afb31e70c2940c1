//! Courses run before samla, imported from a spreadsheet, and their pseudonymous
//! participants: written in one transaction per import, read for the statistics.

use crate::db;
use crate::Result;
use samla_domain::reports::import::{ImportedCourse, ImportedParticipant};
use sqlx::AnyConnection;

/// Where the counted courses are: the owner and the network's members.
const COUNTED: &str = "c.organisation_id IN (
    SELECT p.organisation_id FROM programmes p WHERE p.id = $1
    UNION SELECT m.organisation_id FROM programme_network_members m WHERE m.programme_id = $1)";

/// Writes one course (replacing one of the same reference) with its participants; the
/// course's id.
pub async fn replace(
    conn: &mut AnyConnection,
    (organisation_id, programme_id): (i64, i64),
    course: &ImportedCourse,
    participants: &[&ImportedParticipant],
    (now, by): (i64, i64),
) -> Result<i64> {
    let earlier: Option<i64> = db::scalar_optional(
        &mut *conn,
        "SELECT id FROM imported_courses WHERE organisation_id = $1 AND reference = $2",
        (organisation_id, course.reference.as_str()),
    )
    .await?;
    if let Some(id) = earlier {
        db::execute(&mut *conn, "DELETE FROM imported_participants WHERE imported_course_id = $1", (id,)).await?;
        db::execute(&mut *conn, "DELETE FROM imported_courses WHERE id = $1", (id,)).await?;
    }
    let id: i64 = db::scalar(
        &mut *conn,
        "INSERT INTO imported_courses (organisation_id, programme_id, reference, start_date, end_date, sessions, leaders,
                                       cancelled, imported_at, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        (
            organisation_id,
            programme_id,
            course.reference.as_str(),
            course.start.to_string(),
            course.end.to_string(),
            i64::from(course.sessions),
            i64::from(course.leaders),
            i64::from(course.cancelled),
            now,
            by,
        ),
    )
    .await?;
    for p in participants {
        db::execute(
            &mut *conn,
            "INSERT INTO imported_participants (imported_course_id, pseudonym, birth_year, age, sex, channel,
                                                sessions_attended, dropped_out, dropout_reason_kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            (
                id,
                p.pseudonym.as_str(),
                p.birth_year.map(i64::from),
                p.age.map(i64::from),
                p.sex.map(|s| s.as_str()),
                p.channel.as_deref(),
                p.sessions_attended.map(i64::from),
                i64::from(p.dropped_out),
                p.dropout_reason.map(|r| r.as_str()),
            ),
        )
        .await?;
    }
    Ok(id)
}

/// An imported course as the import page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Listed {
    pub reference: String,
    pub programme: String,
    pub start_date: String,
    pub end_date: String,
    pub participants: i64,
    pub cancelled: i64,
    pub imported_at: i64,
}

/// The organisation's imported courses, the latest first.
pub async fn list(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<Listed>> {
    db::all(
        conn,
        "SELECT c.reference, p.name AS programme, c.start_date, c.end_date, c.cancelled, c.imported_at,
                (SELECT COUNT(*) FROM imported_participants ip WHERE ip.imported_course_id = c.id) AS participants
         FROM imported_courses c JOIN programmes p ON p.id = c.programme_id
         WHERE c.organisation_id = $1 ORDER BY c.start_date DESC, c.reference",
        (organisation_id,),
    )
    .await
}

/// An imported course the statistics count.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CountedCourse {
    pub organisation_id: i64,
    pub start_date: String,
    pub cancelled: i64,
    pub sessions: i64,
    pub leaders: i64,
}

/// The imported courses of the programme at counted organisations that started in the
/// days given.
pub async fn counted_courses(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<CountedCourse>> {
    db::all(
        conn,
        &format!(
            "SELECT c.organisation_id, c.start_date, c.cancelled, c.sessions, c.leaders FROM imported_courses c
             WHERE c.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3 AND {COUNTED}"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}

/// An imported participant the statistics count, with their course's start.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CountedParticipant {
    pub organisation_id: i64,
    pub start_date: String,
    pub cancelled: i64,
    pub sessions: i64,
    pub birth_year: Option<i64>,
    pub age: Option<i64>,
    pub sex: Option<String>,
    pub channel: Option<String>,
    pub sessions_attended: Option<i64>,
    pub dropped_out: i64,
    pub dropout_reason_kind: Option<String>,
}

/// The participants of the same imported courses.
pub async fn counted_participants(
    conn: &mut AnyConnection,
    programme_id: i64,
    first_day: &str,
    next_first_day: &str,
) -> Result<Vec<CountedParticipant>> {
    db::all(
        conn,
        &format!(
            "SELECT c.organisation_id, c.start_date, c.cancelled, c.sessions, ip.birth_year, ip.age, ip.sex, ip.channel,
                    ip.sessions_attended, ip.dropped_out, ip.dropout_reason_kind
             FROM imported_participants ip JOIN imported_courses c ON c.id = ip.imported_course_id
             WHERE c.programme_id = $1 AND c.start_date >= $2 AND c.start_date < $3 AND {COUNTED}"
        ),
        (programme_id, first_day, next_first_day),
    )
    .await
}
