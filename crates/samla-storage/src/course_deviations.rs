//! Deviations from a programme's rules a coordinator accepted for a course, each
//! acceptance with its reason, who gave it and when.

use crate::db;
use crate::Result;
use samla_domain::planning::deviations::DeviationKind;
use samla_domain::planning::lifecycle::CourseStatus;
use sqlx::{AnyConnection, FromRow};

/// One accepted deviation with the acceptance it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AcceptedDeviation {
    pub acceptance_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: DeviationKind,
    pub sessions: i64,
    pub fewest: i64,
    pub needed: i64,
    pub reason: String,
    /// The status the course moved to when the deviation was accepted.
    #[sqlx(try_from = "String")]
    pub to_status: CourseStatus,
    pub accepted_by: Option<i64>,
    pub accepted_by_name: Option<String>,
    pub accepted_at: i64,
}

/// The course's accepted deviations, the oldest acceptance first.
pub async fn accepted(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<AcceptedDeviation>> {
    db::all(
        conn,
        "SELECT a.id AS acceptance_id, d.kind, d.sessions, d.fewest, d.needed, a.reason, a.to_status, a.accepted_by,
                u.name AS accepted_by_name, a.accepted_at
         FROM course_deviation_acceptances a JOIN course_deviations d ON d.acceptance_id = a.id
         LEFT JOIN users u ON u.id = a.accepted_by
         WHERE a.course_id = $1 ORDER BY a.accepted_at, a.id, d.kind",
        (course_id,),
    )
    .await
}

/// A deviation to record: (kind, sessions, fewest, needed).
pub type NewDeviation = (DeviationKind, i64, i64, i64);

/// Records one acceptance and the deviations it covers; returns its id.
pub async fn record(
    conn: &mut AnyConnection,
    course_id: i64,
    to_status: CourseStatus,
    reason: &str,
    accepted_by: i64,
    now: i64,
    deviations: &[NewDeviation],
) -> Result<i64> {
    let id: i64 = db::scalar(
        &mut *conn,
        "INSERT INTO course_deviation_acceptances (course_id, to_status, reason, accepted_by, accepted_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        (course_id, to_status.as_str(), reason, accepted_by, now),
    )
    .await?;
    for (kind, sessions, fewest, needed) in deviations {
        db::execute(
            &mut *conn,
            "INSERT INTO course_deviations (acceptance_id, kind, sessions, fewest, needed) VALUES ($1, $2, $3, $4, $5)",
            (id, kind.as_str(), *sessions, *fewest, *needed),
        )
        .await?;
    }
    Ok(id)
}

#[derive(FromRow)]
struct CourseWithStatus {
    id: i64,
    #[sqlx(try_from = "String")]
    status: CourseStatus,
}

#[derive(FromRow)]
struct DeviationOfCourse {
    course_id: i64,
    #[sqlx(try_from = "String")]
    kind: DeviationKind,
}

/// The organisation's courses planned from any version of a programme: (course id,
/// status), and (course id, kind) for every deviation accepted on them.
pub async fn of_programme(
    conn: &mut AnyConnection,
    organisation_id: i64,
    programme_id: i64,
) -> Result<(Vec<(i64, CourseStatus)>, Vec<(i64, DeviationKind)>)> {
    let courses: Vec<CourseWithStatus> = db::all(
        &mut *conn,
        "SELECT c.id, c.status FROM courses c JOIN programme_versions v ON v.id = c.programme_version_id
         WHERE c.organisation_id = $1 AND v.programme_id = $2 ORDER BY c.id",
        (organisation_id, programme_id),
    )
    .await?;
    let kinds: Vec<DeviationOfCourse> = db::all(
        conn,
        "SELECT a.course_id, d.kind FROM course_deviation_acceptances a
         JOIN course_deviations d ON d.acceptance_id = a.id JOIN courses c ON c.id = a.course_id
         JOIN programme_versions v ON v.id = c.programme_version_id
         WHERE c.organisation_id = $1 AND v.programme_id = $2 ORDER BY a.course_id",
        (organisation_id, programme_id),
    )
    .await?;
    Ok((
        courses.into_iter().map(|c| (c.id, c.status)).collect(),
        kinds.into_iter().map(|d| (d.course_id, d.kind)).collect(),
    ))
}
