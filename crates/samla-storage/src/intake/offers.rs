//! Offers of a place on a course, answered by the family through a link before a deadline.

use crate::db;
use crate::Result;
use samla_domain::intake::enrolment::OfferStatus;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Offer {
    pub id: i64,
    pub application_id: i64,
    pub course_id: i64,
    pub deadline_at: i64,
    #[sqlx(try_from = "String")]
    pub status: OfferStatus,
    pub created_at: i64,
    pub responded_at: Option<i64>,
}

const COLUMNS: &str = "id, application_id, course_id, deadline_at, status, created_at, responded_at";

pub async fn create(
    conn: &mut AnyConnection,
    application_id: i64,
    course_id: i64,
    token_hash: &str,
    deadline_at: i64,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO offers (application_id, course_id, token_hash, deadline_at, status, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id",
        (application_id, course_id, token_hash, deadline_at, created_by, now),
    )
    .await
}

pub async fn find_by_token(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Offer>> {
    db::optional(conn, &format!("SELECT {COLUMNS} FROM offers WHERE token_hash = $1"), (token_hash,)).await
}

pub async fn for_application(conn: &mut AnyConnection, application_id: i64) -> Result<Vec<Offer>> {
    db::all(
        conn,
        &format!("SELECT {COLUMNS} FROM offers WHERE application_id = $1 ORDER BY id DESC"),
        (application_id,),
    )
    .await
}

/// Answers an open offer; false when it was no longer open.
pub async fn respond(conn: &mut AnyConnection, id: i64, status: OfferStatus, now: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE offers SET status = $1, responded_at = $2 WHERE id = $3 AND status = 'open'",
        (status.as_str(), now, id),
    )
    .await
}

/// Closes the open offers of an application (it was withdrawn or moved on).
pub async fn close_open(conn: &mut AnyConnection, application_id: i64, status: OfferStatus, now: i64) -> Result<()> {
    db::execute(
        conn,
        "UPDATE offers SET status = $1, responded_at = $2 WHERE application_id = $3 AND status = 'open'",
        (status.as_str(), now, application_id),
    )
    .await
}

/// Open offers of the organisation whose deadline has passed.
pub async fn lapsed(conn: &mut AnyConnection, organisation_id: i64, now: i64) -> Result<Vec<Offer>> {
    db::all(
        conn,
        "SELECT o.id, o.application_id, o.course_id, o.deadline_at, o.status, o.created_at, o.responded_at
         FROM offers o JOIN applications a ON a.id = o.application_id
         WHERE a.organisation_id = $1 AND o.status = 'open' AND o.deadline_at < $2 ORDER BY o.deadline_at",
        (organisation_id, now),
    )
    .await
}

/// Open offers for a course (places promised but not yet answered).
pub async fn open_for_course(conn: &mut AnyConnection, course_id: i64) -> Result<i64> {
    db::scalar(conn, "SELECT COUNT(*) FROM offers WHERE course_id = $1 AND status = 'open'", (course_id,)).await
}

/// Open offers of every organisation whose deadline has passed.
pub async fn overdue(conn: &mut AnyConnection, now: i64) -> Result<Vec<Offer>> {
    db::all(
        conn,
        &format!("SELECT {COLUMNS} FROM offers WHERE status = 'open' AND deadline_at < $1 ORDER BY deadline_at, id"),
        (now,),
    )
    .await
}
