//! Attendance: the sheet of one session (saved whole, versioned), the absence notices
//! families give ahead of time, and who is expected at a session at all.

use crate::bulk::{insert, Value};
use crate::db;
use crate::{Result, StoreError};
use samla_domain::intake::enrolment::ParticipantStatus;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::programmes::Audience;
use samla_domain::running::attendance_scope::{
    expectation, guardians_expected, Candidate, Expectation, Gathering, SheetShape,
};
use samla_domain::running::meetings;
use sqlx::{AnyConnection, FromRow};

crate::courses::session_row! {
    /// A session or meeting with what running it needs beyond the planning columns.
    #[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
    pub struct RunningSession {
        /// The one participant a meeting is about (closing conversation, follow-up).
        pub participant_id: Option<i64>,
    }
}

const SESSION_COLUMNS: &str = "s.id, s.course_id, s.kind, s.programme_session, s.meeting_kind, s.title, s.audience, \
     s.date, s.start_time, s.end_time, s.room, s.status, s.cancel_reason, s.version, s.participant_id";

/// A session of one of the organisation's courses; another organisation's is not found.
pub async fn session(conn: &mut AnyConnection, organisation_id: i64, session_id: i64) -> Result<RunningSession> {
    db::one(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM course_sessions s JOIN courses c ON c.id = s.course_id
         WHERE s.id = $2 AND c.organisation_id = $1"
        ),
        (organisation_id, session_id),
    )
    .await
}

/// Every session and meeting of a course, in time order.
pub async fn course_sessions(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<RunningSession>> {
    db::all(
        conn,
        &format!(
        "SELECT {SESSION_COLUMNS} FROM course_sessions s WHERE s.course_id = $1 ORDER BY s.date, s.start_time, s.id"
    ),
        (course_id,),
    )
    .await
}

/// Sessions and meetings from `first_day` to `last_day` (inclusive) of the organisation's
/// courses that are under way or about to be (not drafts, cancelled or archived courses),
/// or only of those `user_id` works on.
pub async fn sessions_between(
    conn: &mut AnyConnection,
    organisation_id: i64,
    only_staff_user: Option<i64>,
    first_day: &str,
    last_day: &str,
) -> Result<Vec<RunningSession>> {
    db::all(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM course_sessions s JOIN courses c ON c.id = s.course_id
         WHERE c.organisation_id = $1 AND c.status IN ('ready', 'recruiting', 'running', 'completed')
           AND s.date >= $3 AND s.date <= $4
           AND ($2 < 0 OR EXISTS (SELECT 1 FROM course_staff st WHERE st.course_id = c.id AND st.user_id = $2))
         ORDER BY s.date, s.start_time, s.id"
        ),
        (organisation_id, only_staff_user.unwrap_or(-1), first_day, last_day),
    )
    .await
}

/// Whether the person works on any course of the organisation.
pub async fn works_on_any(conn: &mut AnyConnection, organisation_id: i64, user_id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT st.id FROM course_staff st JOIN courses c ON c.id = st.course_id
         WHERE c.organisation_id = $1 AND st.user_id = $2 LIMIT 1",
        (organisation_id, user_id),
    )
    .await
}

/// A participant expected at a session (a `course_participants` row with role
/// 'participant').
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct ExpectedParticipant {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub household_id: i64,
}

/// A guardian expected at a parent or family session: a grown-up of a child
/// participant's household with parental responsibility.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExpectedGuardian {
    pub person_id: i64,
    pub name: String,
    /// The participants (`course_participants` ids) they are a guardian of, in the course.
    pub guardian_of: Vec<i64>,
}

/// Who is expected at a session, and how many participants were left out because their
/// family has not agreed to share with the network (network meetings only).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Expected {
    /// What the session's sheet records, by its audience.
    pub shape: SheetShape,
    pub participants: Vec<ExpectedParticipant>,
    /// By name (parent and family sessions).
    pub guardians: Vec<ExpectedGuardian>,
    pub left_out_without_consent: i64,
    /// Participants whose family takes part, listed or not: at a parent session the
    /// children whose guardians are expected (a family's absence notice is given for them).
    pub families: Vec<ExpectedParticipant>,
}

/// What decides who is expected at a session.
#[derive(Debug, Clone, Copy)]
pub struct SessionScope<'a> {
    pub course_id: i64,
    /// YYYY-MM-DD.
    pub date: &'a str,
    pub meeting_kind: Option<&'a str>,
    pub audience: Audience,
    /// A meeting about one participant.
    pub participant_id: Option<i64>,
}

impl<'a> SessionScope<'a> {
    pub fn of(session: &'a RunningSession) -> SessionScope<'a> {
        SessionScope {
            course_id: session.course_id,
            date: &session.date,
            meeting_kind: session.meeting_kind.as_deref(),
            audience: session.audience,
            participant_id: session.participant_id,
        }
    }
}

#[derive(FromRow)]
struct CandidateRow {
    id: i64,
    person_id: i64,
    name: String,
    household_id: i64,
    #[sqlx(try_from = "String")]
    household_role: HouseholdRole,
    #[sqlx(try_from = "String")]
    status: ParticipantStatus,
    dropped_out_on: Option<String>,
}

#[derive(FromRow)]
struct GuardianRow {
    person_id: i64,
    name: String,
    household_id: i64,
}

/// The course's participants and guardians expected at a session, by name, as
/// [`samla_domain::running::attendance_scope`] decides from the session's audience: the
/// network is told only about families who agreed (`network_shareable`: the participant
/// ids whose every required consent to share is in force, decided by the caller), the
/// others counted. Guardians are the grown-ups of a child's household with parental
/// responsibility (merged-away records left out), once each however many of their children
/// take part.
pub async fn expected(
    conn: &mut AnyConnection,
    scope: SessionScope<'_>,
    network_shareable: &[i64],
) -> Result<Expected> {
    let rows: Vec<CandidateRow> = db::all(
        &mut *conn,
        "SELECT cp.id, cp.person_id, p.name, p.household_id, p.household_role, cp.status, cp.dropped_out_on
         FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant'
         ORDER BY p.name, cp.id",
        (scope.course_id,),
    )
    .await?;
    let day = |raw: &str| chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    let Some(date) = day(scope.date) else { return Err(StoreError::NotFound) };
    let shape = SheetShape::of(scope.audience);
    let gathering = Gathering {
        date,
        about: scope.participant_id,
        shares_with_network: meetings::shares_with_network(
            scope.meeting_kind.and_then(meetings::parse_kind),
            Some(scope.audience),
        ),
        shape,
    };
    let mut expected = Expected {
        shape,
        participants: Vec::new(),
        guardians: Vec::new(),
        left_out_without_consent: 0,
        families: Vec::new(),
    };
    // (household, participant) of the children whose guardians are expected.
    let mut households: Vec<(i64, i64)> = Vec::new();
    for row in rows {
        let candidate = Candidate {
            participant_id: row.id,
            active: row.status.is_active(),
            dropped_out_on: row.dropped_out_on.as_deref().and_then(day),
            shares_with_network: network_shareable.contains(&row.id),
            child: row.household_role == HouseholdRole::Child,
        };
        let with_guardians = guardians_expected(&candidate, &gathering);
        let participant = ExpectedParticipant {
            id: row.id,
            person_id: row.person_id,
            name: row.name,
            household_id: row.household_id,
        };
        if with_guardians {
            households.push((row.household_id, row.id));
        }
        match expectation(&candidate, &gathering) {
            Expectation::Expected => {
                expected.families.push(participant.clone());
                expected.participants.push(participant);
            }
            Expectation::LeftOutWithoutConsent => expected.left_out_without_consent += 1,
            Expectation::NotExpected if with_guardians => expected.families.push(participant),
            Expectation::NotExpected => {}
        }
    }
    if !households.is_empty() {
        expected.guardians = guardians_of(conn, scope.course_id, &households).await?;
    }
    Ok(expected)
}

/// The guardians of these (household, participant) pairs, by name.
async fn guardians_of(
    conn: &mut AnyConnection,
    course_id: i64,
    households: &[(i64, i64)],
) -> Result<Vec<ExpectedGuardian>> {
    let rows: Vec<GuardianRow> = db::all(
        conn,
        "SELECT DISTINCT g.id AS person_id, g.name, g.household_id
         FROM course_participants cp JOIN persons c ON c.id = cp.person_id
         JOIN persons g ON g.household_id = c.household_id AND g.household_role <> 'child'
             AND g.parental_responsibility = 1 AND g.merged_into IS NULL
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND c.household_role = 'child'
         ORDER BY g.name, g.id",
        (course_id,),
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let guardian_of: Vec<i64> =
                households.iter().filter(|(household, _)| *household == row.household_id).map(|(_, p)| *p).collect();
            (!guardian_of.is_empty()).then_some(ExpectedGuardian {
                person_id: row.person_id,
                name: row.name,
                guardian_of,
            })
        })
        .collect())
}

/// Who saved a sheet last, when, and as which version.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct SheetHeader {
    pub session_id: i64,
    pub parents: i64,
    pub family_members: i64,
    pub version: i64,
    pub saved_at: i64,
    pub saved_by: Option<i64>,
    pub saved_by_name: Option<String>,
    /// The key of the last save, so the same save sent twice gives one result.
    pub submission_key: Option<String>,
}

/// One participant's line as stored, with their name.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct StoredEntry {
    pub participant_id: i64,
    pub name: String,
    pub attendance: String,
    pub note: String,
}

/// One guardian's line as stored, with their name.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct StoredGuardianEntry {
    pub person_id: i64,
    pub name: String,
    pub attendance: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredSheet {
    pub header: SheetHeader,
    pub entries: Vec<StoredEntry>,
    pub guardians: Vec<StoredGuardianEntry>,
    /// `course_staff` ids.
    pub staff_present: Vec<i64>,
}

/// The version the sheet of a session has; 0 when none is saved.
pub async fn version(conn: &mut AnyConnection, session_id: i64) -> Result<i64> {
    let found: Option<i64> =
        db::scalar_optional(conn, "SELECT version FROM attendance_sheets WHERE session_id = $1", (session_id,)).await?;
    Ok(found.unwrap_or(0))
}

/// Holds the session's saved sheet, if any, until the transaction ends.
pub async fn hold_sheet(tx: &mut crate::WriteTx, session_id: i64) -> Result<()> {
    super::hold_session_row(tx, "attendance_sheets", session_id).await
}

pub async fn sheet(conn: &mut AnyConnection, session_id: i64) -> Result<Option<StoredSheet>> {
    let header: Option<SheetHeader> = db::optional(
        &mut *conn,
        "SELECT a.session_id, a.parents, a.family_members, a.version, a.saved_at, a.saved_by, u.name AS saved_by_name,
                a.submission_key
         FROM attendance_sheets a LEFT JOIN users u ON u.id = a.saved_by WHERE a.session_id = $1",
        (session_id,),
    )
    .await?;
    let Some(header) = header else { return Ok(None) };
    let entries = db::all(
        &mut *conn,
        "SELECT e.participant_id, p.name, e.attendance, e.note
         FROM attendance_entries e JOIN course_participants cp ON cp.id = e.participant_id
         JOIN persons p ON p.id = cp.person_id
         WHERE e.session_id = $1 ORDER BY p.name, e.participant_id",
        (session_id,),
    )
    .await?;
    let guardians = db::all(
        &mut *conn,
        "SELECT e.person_id, p.name, e.attendance, e.note
         FROM attendance_guardians e JOIN persons p ON p.id = e.person_id
         WHERE e.session_id = $1 ORDER BY p.name, e.person_id",
        (session_id,),
    )
    .await?;
    let staff_present = db::scalars(
        conn,
        "SELECT staff_id FROM attendance_staff WHERE session_id = $1 ORDER BY staff_id",
        (session_id,),
    )
    .await?;
    Ok(Some(StoredSheet { header, entries, guardians, staff_present }))
}

/// A whole sheet to store, already checked.
pub struct NewSheet<'a> {
    pub parents: i64,
    pub family_members: i64,
    /// (participant id, attendance, note).
    pub entries: &'a [(i64, &'a str, &'a str)],
    /// (guardian's person id, attendance, note).
    pub guardians: &'a [(i64, &'a str, &'a str)],
    /// `course_staff` ids.
    pub staff_present: &'a [i64],
    pub submission_key: Option<&'a str>,
    pub saved_by: Option<i64>,
}

/// Replaces the sheet of a session if the caller saw `expected_version` (0: nothing was
/// saved yet); returns the new version. Someone else's save in between is
/// [`StoreError::Stale`].
pub async fn save(
    conn: &mut AnyConnection,
    session_id: i64,
    expected_version: i64,
    sheet: &NewSheet<'_>,
    now: i64,
) -> Result<i64> {
    let version: Option<i64> = if expected_version == 0 {
        // Two first saves at once: the second finds the row and inserts nothing.
        db::scalar_optional(
            &mut *conn,
            "INSERT INTO attendance_sheets (session_id, parents, family_members, version, saved_at, saved_by,
                 submission_key)
             VALUES ($1, $2, $3, 1, $4, $5, $6) ON CONFLICT (session_id) DO NOTHING RETURNING version",
            (session_id, sheet.parents, sheet.family_members, now, sheet.saved_by, sheet.submission_key),
        )
        .await?
    } else {
        db::scalar_optional(
            &mut *conn,
            "UPDATE attendance_sheets SET parents = $1, family_members = $2, version = version + 1, saved_at = $3,
                 saved_by = $4, submission_key = $5
             WHERE session_id = $6 AND version = $7 RETURNING version",
            (
                sheet.parents,
                sheet.family_members,
                now,
                sheet.saved_by,
                sheet.submission_key,
                session_id,
                expected_version,
            ),
        )
        .await?
    };
    let version = version.ok_or(StoreError::Stale)?;
    db::execute(&mut *conn, "DELETE FROM attendance_entries WHERE session_id = $1", (session_id,)).await?;
    db::execute(&mut *conn, "DELETE FROM attendance_staff WHERE session_id = $1", (session_id,)).await?;
    db::execute(&mut *conn, "DELETE FROM attendance_guardians WHERE session_id = $1", (session_id,)).await?;
    // The participants' lines, then the guardians': (table, whose id, lines), each table
    // in one statement, so the write lock is held for three inserts, not one per line.
    for (table, who, lines) in [
        ("attendance_entries", "participant_id", sheet.entries),
        ("attendance_guardians", "person_id", sheet.guardians),
    ] {
        let rows: Vec<[Value; 4]> = lines
            .iter()
            .map(|(id, attendance, note)| {
                [Value::Int(session_id), Value::Int(*id), Value::Text(attendance), Value::Text(note)]
            })
            .collect();
        insert(&mut *conn, table, ["session_id", who, "attendance", "note"], &rows, false).await?;
    }
    let staff: Vec<[Value; 2]> =
        sheet.staff_present.iter().map(|id| [Value::Int(session_id), Value::Int(*id)]).collect();
    insert(&mut *conn, "attendance_staff", ["session_id", "staff_id"], &staff, false).await?;
    Ok(version)
}

/// A family's word that a participant will be away from a session.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct AbsenceNotice {
    pub session_id: i64,
    pub participant_id: i64,
    pub name: String,
    pub note: String,
    pub recorded_at: i64,
    pub recorded_by: Option<i64>,
    pub recorded_by_name: Option<String>,
}

/// Records a notice, or replaces the note of the one already there; true when it is new.
pub async fn record_notice(
    conn: &mut AnyConnection,
    session_id: i64,
    participant_id: i64,
    note: &str,
    recorded_by: Option<i64>,
    now: i64,
) -> Result<bool> {
    let replaced = db::changed(
        &mut *conn,
        "UPDATE absence_notices SET note = $1, recorded_at = $2, recorded_by = $3
         WHERE session_id = $4 AND participant_id = $5",
        (note, now, recorded_by, session_id, participant_id),
    )
    .await?;
    if replaced > 0 {
        return Ok(false);
    }
    db::execute(
        conn,
        "INSERT INTO absence_notices (session_id, participant_id, note, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5)",
        (session_id, participant_id, note, now, recorded_by),
    )
    .await?;
    Ok(true)
}

/// Removes a notice; false when there was none.
pub async fn remove_notice(conn: &mut AnyConnection, session_id: i64, participant_id: i64) -> Result<bool> {
    let done = db::changed(
        conn,
        "DELETE FROM absence_notices WHERE session_id = $1 AND participant_id = $2",
        (session_id, participant_id),
    )
    .await?;
    Ok(done > 0)
}

/// The notices for a session, by the participant's name.
pub async fn notices(conn: &mut AnyConnection, session_id: i64) -> Result<Vec<AbsenceNotice>> {
    db::all(
        conn,
        "SELECT n.session_id, n.participant_id, p.name, n.note, n.recorded_at, n.recorded_by,
                u.name AS recorded_by_name
         FROM absence_notices n JOIN course_participants cp ON cp.id = n.participant_id
         JOIN persons p ON p.id = cp.person_id LEFT JOIN users u ON u.id = n.recorded_by
         WHERE n.session_id = $1 ORDER BY p.name, n.participant_id",
        (session_id,),
    )
    .await
}

/// Whether the session has a written log (the log itself belongs to the log pages).
pub async fn has_log(conn: &mut AnyConnection, session_id: i64) -> Result<bool> {
    db::exists(conn, "SELECT session_id FROM session_logs WHERE session_id = $1", (session_id,)).await
}
