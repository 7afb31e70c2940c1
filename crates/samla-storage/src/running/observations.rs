//! Observations about one participant. Sensitive: nothing here counts or lists them for
//! anyone but the callers the web layer has checked.

use crate::db;
use crate::Result;
use samla_domain::intake::enrolment::ParticipantStatus;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Observation {
    pub id: i64,
    pub course_id: i64,
    pub participant_id: i64,
    pub session_id: Option<i64>,
    pub body: String,
    pub written_at: i64,
    pub written_by: i64,
    pub writer_name: Option<String>,
}

pub struct NewObservation<'a> {
    pub course_id: i64,
    pub participant_id: i64,
    pub session_id: Option<i64>,
    pub body: &'a str,
    pub written_by: i64,
}

pub async fn add(conn: &mut AnyConnection, new: &NewObservation<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO observations (course_id, participant_id, session_id, body, written_at, written_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        (new.course_id, new.participant_id, new.session_id, new.body, now, new.written_by),
    )
    .await
}

/// Reads observations with their writer's name; the caller adds the condition.
const OBSERVATIONS: &str =
    "SELECT o.id, o.course_id, o.participant_id, o.session_id, o.body, o.written_at, o.written_by, \
     u.name AS writer_name \
     FROM observations o LEFT JOIN users u ON u.id = o.written_by";

/// The observations about one participant of a course, newest first.
pub async fn about(conn: &mut AnyConnection, course_id: i64, participant_id: i64) -> Result<Vec<Observation>> {
    db::all(
        conn,
        &format!(
            "{OBSERVATIONS} WHERE o.course_id = $1 AND o.participant_id = $2 ORDER BY o.written_at DESC, o.id DESC"
        ),
        (course_id, participant_id),
    )
    .await
}

/// One observation, by id, about this participant of this course.
pub async fn get(conn: &mut AnyConnection, course_id: i64, participant_id: i64, id: i64) -> Result<Observation> {
    db::one(
        conn,
        &format!("{OBSERVATIONS} WHERE o.course_id = $1 AND o.participant_id = $2 AND o.id = $3"),
        (course_id, participant_id, id),
    )
    .await
}

/// A participant of the course (not a parent) that observations can be about.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Observed {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub status: ParticipantStatus,
    pub dropped_out_on: Option<String>,
}

/// The course's participants, by name; parents are not among them.
pub async fn participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<Observed>> {
    db::all(
        conn,
        "SELECT cp.id, p.name, cp.status, cp.dropped_out_on FROM course_participants cp
         JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' ORDER BY p.name, cp.id",
        (course_id,),
    )
    .await
}
