//! The reads results are made from: a round's responses (answers and scores as stored,
//! with their version and language), a course's rounds with their response counts, and
//! identified scores by subject for pairing rounds before and after a course.
//!
//! Nothing here returns who answered an anonymous round: such responses carry no person,
//! and these reads never join `round_recipients`.

use super::rounds::{Round, ROUND_COLUMNS};
use crate::db;
use crate::Result;
use sqlx::AnyConnection;

/// How many responses a round has.
pub async fn response_count(conn: &mut AnyConnection, round_id: i64) -> Result<i64> {
    let (count,): (i64,) =
        db::one(conn, "SELECT COUNT(*) FROM questionnaire_responses WHERE round_id = $1", (round_id,)).await?;
    Ok(count)
}

/// The course's rounds (of the organisation), in the order they open.
pub async fn rounds_of_course(conn: &mut AnyConnection, organisation_id: i64, course_id: i64) -> Result<Vec<Round>> {
    db::all(
        conn,
        &format!(
            "SELECT {ROUND_COLUMNS} FROM questionnaire_rounds WHERE organisation_id = $1 AND course_id = $2 \
         ORDER BY opens_on, id"
        ),
        (organisation_id, course_id),
    )
    .await
}

/// The questionnaire a version belongs to.
pub async fn questionnaire_of_version(conn: &mut AnyConnection, version_id: i64) -> Result<i64> {
    let (id,): (i64,) =
        db::one(conn, "SELECT questionnaire_id FROM questionnaire_versions WHERE id = $1", (version_id,)).await?;
    Ok(id)
}

/// An identified round's scores by the participant they are about, oldest first, so that
/// a later response of the same subject comes after an earlier one. Responses without a
/// subject or without scores are left out.
pub async fn scores_by_subject(conn: &mut AnyConnection, round_id: i64) -> Result<Vec<(i64, String)>> {
    db::all(
        conn,
        "SELECT subject_participant_id, scores FROM questionnaire_responses \
         WHERE round_id = $1 AND subject_participant_id IS NOT NULL AND scores IS NOT NULL \
         ORDER BY submitted_on, id",
        (round_id,),
    )
    .await
}
