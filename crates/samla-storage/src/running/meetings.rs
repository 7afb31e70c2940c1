//! Meetings of a course (rows of `course_sessions` with kind 'meeting'), their records
//! (agenda, minutes, agreements) and the guests from outside who come to them.

use crate::db;
use crate::{Result, StoreError};
use samla_domain::planning::session::SessionStatus;
use samla_domain::programmes::Audience;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Meeting {
    pub id: i64,
    pub course_id: i64,
    pub meeting_kind: Option<String>,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub audience: Audience,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub room: String,
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    /// The participant a closing conversation or follow-up is about; none for the group.
    pub participant_id: Option<i64>,
    pub version: i64,
}

const MEETING_COLUMNS: &str = "s.id, s.course_id, s.meeting_kind, s.title, s.audience, s.date, s.start_time, \
     s.end_time, s.room, s.status, s.cancel_reason, s.participant_id, s.version";

/// The course's meetings in time order.
pub async fn for_course(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<Meeting>> {
    db::all(
        conn,
        &format!(
            "SELECT {MEETING_COLUMNS} FROM course_sessions s WHERE s.course_id = $1 AND s.kind = 'meeting'
         ORDER BY s.date, s.start_time, s.id"
        ),
        (course_id,),
    )
    .await
}

/// One meeting of a course of the organisation; a session, or another organisation's
/// meeting, is not found.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, session_id: i64) -> Result<Meeting> {
    db::one(
        conn,
        &format!(
            "SELECT {MEETING_COLUMNS} FROM course_sessions s JOIN courses c ON c.id = s.course_id
         WHERE s.id = $1 AND s.kind = 'meeting' AND c.organisation_id = $2"
        ),
        (session_id, organisation_id),
    )
    .await
}

pub struct NewMeeting<'a> {
    pub meeting_kind: &'a str,
    pub title: &'a str,
    pub audience: Audience,
    pub date: &'a str,
    pub start_time: &'a str,
    pub end_time: &'a str,
    pub room: &'a str,
    pub participant_id: Option<i64>,
}

pub async fn schedule(conn: &mut AnyConnection, course_id: i64, m: &NewMeeting<'_>) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO course_sessions (course_id, kind, programme_session, meeting_kind, title, audience, date,
             start_time, end_time, room, status, participant_id)
         VALUES ($1, 'meeting', NULL, $2, $3, $4, $5, $6, $7, $8, 'planned', $9) RETURNING id",
        (
            course_id,
            m.meeting_kind,
            m.title,
            m.audience.as_str(),
            m.date,
            m.start_time,
            m.end_time,
            m.room,
            m.participant_id,
        ),
    )
    .await
}

/// Participants of the course who already have a planned meeting of this kind about them.
pub async fn participants_with(conn: &mut AnyConnection, course_id: i64, meeting_kind: &str) -> Result<Vec<i64>> {
    db::scalars(
        conn,
        "SELECT DISTINCT participant_id FROM course_sessions
         WHERE course_id = $1 AND kind = 'meeting' AND meeting_kind = $2 AND status = 'planned'
           AND participant_id IS NOT NULL",
        (course_id, meeting_kind),
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Record {
    pub session_id: i64,
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
    pub version: i64,
    pub written_at: i64,
    pub written_by: Option<i64>,
    pub written_by_name: Option<String>,
}

pub async fn record(conn: &mut AnyConnection, session_id: i64) -> Result<Option<Record>> {
    db::optional(
        conn,
        "SELECT r.session_id, r.agenda, r.minutes, r.agreements, r.version, r.written_at, r.written_by,
                u.name AS written_by_name
         FROM meeting_records r LEFT JOIN users u ON u.id = r.written_by WHERE r.session_id = $1",
        (session_id,),
    )
    .await
}

pub struct RecordText<'a> {
    pub agenda: &'a str,
    pub minutes: &'a str,
    pub agreements: &'a str,
}

/// Saves the record: the first save when `expected_version` is None (Stale if someone
/// saved one meanwhile), otherwise only over that version. Returns the new version.
pub async fn save_record(
    conn: &mut AnyConnection,
    session_id: i64,
    text: &RecordText<'_>,
    expected_version: Option<i64>,
    written_by: i64,
    now: i64,
) -> Result<i64> {
    let saved: Option<i64> =
        match expected_version {
            None => db::scalar_optional(
                conn,
                "INSERT INTO meeting_records (session_id, agenda, minutes, agreements, version, written_at, written_by)
                 VALUES ($1, $2, $3, $4, 1, $5, $6)
                 ON CONFLICT (session_id) DO NOTHING RETURNING version",
                (session_id, text.agenda, text.minutes, text.agreements, now, written_by),
            )
            .await?,
            Some(expected) => {
                db::scalar_optional(
                    conn,
                    "UPDATE meeting_records SET agenda = $1, minutes = $2, agreements = $3, version = version + 1,
                     written_at = $4, written_by = $5
                 WHERE session_id = $6 AND version = $7 RETURNING version",
                    (text.agenda, text.minutes, text.agreements, now, written_by, session_id, expected),
                )
                .await?
            }
        };
    saved.ok_or(StoreError::Stale)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Guest {
    pub id: i64,
    pub session_id: i64,
    pub name: String,
    pub organisation: String,
    pub attended: i64,
}

pub async fn guests(conn: &mut AnyConnection, session_id: i64) -> Result<Vec<Guest>> {
    db::all(
        conn,
        "SELECT id, session_id, name, organisation, attended FROM meeting_guests WHERE session_id = $1 ORDER BY id",
        (session_id,),
    )
    .await
}

pub async fn add_guest(
    conn: &mut AnyConnection,
    session_id: i64,
    name: &str,
    organisation: &str,
    attended: bool,
) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO meeting_guests (session_id, name, organisation, attended) VALUES ($1, $2, $3, $4) RETURNING id",
        (session_id, name, organisation, attended as i64),
    )
    .await
}

/// Changes a guest of this meeting; NotFound for anyone else's guest.
pub async fn update_guest(
    conn: &mut AnyConnection,
    session_id: i64,
    guest_id: i64,
    name: &str,
    organisation: &str,
    attended: bool,
) -> Result<()> {
    db::execute_found(
        conn,
        "UPDATE meeting_guests SET name = $1, organisation = $2, attended = $3 WHERE id = $4 AND session_id = $5",
        (name, organisation, attended as i64, guest_id, session_id),
    )
    .await
}

pub async fn remove_guest(conn: &mut AnyConnection, session_id: i64, guest_id: i64) -> Result<()> {
    db::execute_found(conn, "DELETE FROM meeting_guests WHERE id = $1 AND session_id = $2", (guest_id, session_id))
        .await
}

/// Whether a participant's family has given consent to sharing with the network that is
/// still in force, by who gave it: (participant's person id, giver id, capacity).
pub async fn network_consents(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64, String)>> {
    db::all(
        conn,
        "SELECT c.participant_id, c.giver_id, c.capacity FROM consents c
         JOIN course_participants cp ON cp.person_id = c.participant_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND c.purpose = 'share_with_network'
           AND c.withdrawn_at IS NULL",
        (course_id,),
    )
    .await
}

/// Holds the meeting's record, if any, until the transaction ends.
pub async fn hold_record(tx: &mut crate::WriteTx, session_id: i64) -> Result<()> {
    super::hold_session_row(tx, "meeting_records", session_id).await
}
