//! Reminders before sessions and about unwritten logs, and the notices of a cancelled
//! session: the sessions that may call for one, who receives it, what each course and
//! person has turned off, and which reminders have gone out (`reminders_sent`, so each
//! goes out once). Also the link from a replacement session to the one it replaces.

use crate::db;
use crate::{Result, StoreError};
use samla_domain::intake::enrolment::ParticipantStatus;
use samla_domain::planning::session::SessionKind;
use sqlx::{AnyConnection, FromRow};

/// Whether a course sends reminders at all; a course without a row sends both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CourseReminderSettings {
    pub participant_reminders: bool,
    pub log_reminders: bool,
}

impl Default for CourseReminderSettings {
    fn default() -> Self {
        Self { participant_reminders: true, log_reminders: true }
    }
}

pub async fn course_settings(conn: &mut AnyConnection, course_id: i64) -> Result<CourseReminderSettings> {
    let found: Option<(i64, i64)> = db::optional(
        conn,
        "SELECT participant_reminders, log_reminders FROM course_reminder_settings WHERE course_id = $1",
        (course_id,),
    )
    .await?;
    Ok(found
        .map(|(participant, log)| CourseReminderSettings {
            participant_reminders: participant != 0,
            log_reminders: log != 0,
        })
        .unwrap_or_default())
}

pub async fn save_course_settings(
    conn: &mut AnyConnection,
    course_id: i64,
    settings: &CourseReminderSettings,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO course_reminder_settings (course_id, participant_reminders, log_reminders) VALUES ($1, $2, $3)
         ON CONFLICT (course_id) DO UPDATE SET participant_reminders = $2, log_reminders = $3",
        (course_id, i64::from(settings.participant_reminders), i64::from(settings.log_reminders)),
    )
    .await
}

/// A participant of a course and whether their reminders are on.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ParticipantReminders {
    /// The participant id (`course_participants.id`).
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub status: ParticipantStatus,
    pub reminders_off: i64,
}

/// The course's participants (not the parents who join parent sessions), by name.
pub async fn participants(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<ParticipantReminders>> {
    db::all(
        conn,
        "SELECT cp.id, p.name, cp.status, cp.reminders_off
         FROM course_participants cp JOIN persons p ON p.id = cp.person_id
         WHERE cp.course_id = $1 AND cp.role = 'participant' ORDER BY p.name, cp.id",
        (course_id,),
    )
    .await
}

/// Turns one participant's reminders on or off; a participant of another course (or a
/// parent) is not found.
pub async fn set_participant_reminders(
    conn: &mut AnyConnection,
    course_id: i64,
    participant_id: i64,
    on: bool,
) -> Result<()> {
    db::execute_found(
        conn,
        "UPDATE course_participants SET reminders_off = $1 WHERE id = $2 AND course_id = $3 AND role = 'participant'",
        (i64::from(!on), participant_id, course_id),
    )
    .await
}

/// A grown-up who hears about a participant's sessions (a guardian with parental
/// responsibility of a child participant, or an adult participant themself) and whether
/// they have turned reminders off for the course.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct GrownUpReminders {
    /// The participant they hear about (`course_participants.id`).
    pub participant_id: i64,
    pub person_id: i64,
    pub name: String,
    /// 1 for a guardian of a child participant, 0 for an adult participant.
    pub guardian: i64,
    /// 1 when they have an e-mail address (without one nothing reaches them).
    pub has_email: i64,
    /// 1 when they have turned reminders off for the course.
    pub reminders_off: i64,
}

const GROWN_UPS: &str = "SELECT cp.id AS participant_id, r.id AS person_id, r.name,
         CAST(CASE WHEN p.household_role = 'child' THEN 1 ELSE 0 END AS BIGINT) AS guardian,
         CAST(CASE WHEN r.email <> '' THEN 1 ELSE 0 END AS BIGINT) AS has_email,
         CAST(CASE WHEN o.person_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS reminders_off
     FROM course_participants cp
     JOIN persons p ON p.id = cp.person_id
     JOIN persons r ON (p.household_role <> 'child' AND r.id = p.id)
         OR (p.household_role = 'child' AND r.household_id = p.household_id AND r.household_role <> 'child'
             AND r.parental_responsibility = 1)
     LEFT JOIN person_reminder_opt_outs o ON o.course_id = cp.course_id AND o.person_id = r.id
     WHERE cp.course_id = $1 AND cp.role = 'participant' AND r.merged_into IS NULL";

/// The grown-ups each participant's reminders go to (see [`family_recipients`]), with
/// and without an e-mail address, by participant and name.
pub async fn grown_ups(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<GrownUpReminders>> {
    db::all(conn, &format!("{GROWN_UPS} ORDER BY cp.id, r.name, r.id"), (course_id,)).await
}

/// Turns one grown-up's reminders for the course on or off; someone who hears about none
/// of the course's participants is not found.
pub async fn set_person_reminders(conn: &mut AnyConnection, course_id: i64, person_id: i64, on: bool) -> Result<()> {
    let found: Option<i64> = db::scalar_optional(
        &mut *conn,
        &format!("SELECT x.person_id FROM ({GROWN_UPS}) x WHERE x.person_id = $2 LIMIT 1"),
        (course_id, person_id),
    )
    .await?;
    if found.is_none() {
        return Err(StoreError::NotFound);
    }
    let sql = if on {
        "DELETE FROM person_reminder_opt_outs WHERE course_id = $1 AND person_id = $2"
    } else {
        "INSERT INTO person_reminder_opt_outs (course_id, person_id) VALUES ($1, $2)
         ON CONFLICT (course_id, person_id) DO NOTHING"
    };
    db::execute(conn, sql, (course_id, person_id)).await
}

/// Whether the person has turned off log reminders for the course.
pub async fn opted_out(conn: &mut AnyConnection, course_id: i64, user_id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT user_id FROM staff_reminder_opt_outs WHERE course_id = $1 AND user_id = $2",
        (course_id, user_id),
    )
    .await
}

pub async fn set_opted_out(conn: &mut AnyConnection, course_id: i64, user_id: i64, out: bool) -> Result<()> {
    let sql = if out {
        "INSERT INTO staff_reminder_opt_outs (course_id, user_id) VALUES ($1, $2) ON CONFLICT (course_id, user_id) DO NOTHING"
    } else {
        "DELETE FROM staff_reminder_opt_outs WHERE course_id = $1 AND user_id = $2"
    };
    db::execute(conn, sql, (course_id, user_id)).await
}

/// Whether the person is a group leader in the course's working group.
pub async fn leads(conn: &mut AnyConnection, course_id: i64, user_id: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT id FROM course_staff WHERE course_id = $1 AND user_id = $2 AND course_role = 'group_leader' LIMIT 1",
        (course_id, user_id),
    )
    .await
}

/// A planned session of a course, with what a reminder about it needs.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ReminderSession {
    pub session_id: i64,
    pub course_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    /// The organisation's settings (the defaults when it has none saved).
    pub reminder_hours_before: i64,
    pub log_grace_hours: i64,
    #[sqlx(try_from = "String")]
    pub kind: SessionKind,
    /// For a meeting, its kind (`parent_meeting`, …); none for sessions and for meetings
    /// added without a kind.
    pub meeting_kind: Option<String>,
    /// The participant a meeting about one family is about.
    pub participant_id: Option<i64>,
}

const REMINDER_SESSION_COLUMNS: &str = "s.id AS session_id, c.id AS course_id, o.id AS organisation_id, \
     o.name AS organisation_name, s.date, s.start_time, s.end_time, s.kind, s.meeting_kind, \
     s.participant_id, \
     COALESCE(rs.reminder_hours_before, 24) AS reminder_hours_before, COALESCE(rs.log_grace_hours, 24) AS log_grace_hours";

/// A reminder session's tables: the session, its course and organisation, and their
/// reminder settings.
const REMINDER_SESSION_FROM: &str =
    "FROM course_sessions s JOIN courses c ON c.id = s.course_id JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN running_settings rs ON rs.organisation_id = o.id
         LEFT JOIN course_reminder_settings crs ON crs.course_id = c.id";

/// Planned sessions and meetings from `from` to `to` (dates, inclusive) whose course
/// sends participant reminders: of courses about to start or running (`ready`,
/// `recruiting`, `running`: the first session comes before the course is set running),
/// and, for meetings only, of completed courses too (the follow-up comes weeks after the
/// end). Which meetings call for a reminder is the caller's decision.
pub async fn upcoming_sessions(conn: &mut AnyConnection, from: &str, to: &str) -> Result<Vec<ReminderSession>> {
    db::all(
        conn,
        &format!(
            "SELECT {REMINDER_SESSION_COLUMNS}
         {REMINDER_SESSION_FROM}
         WHERE s.status = 'planned'
           AND (c.status IN ('ready', 'recruiting', 'running') OR (s.kind = 'meeting' AND c.status = 'completed'))
           AND COALESCE(crs.participant_reminders, 1) = 1 AND s.date >= $1 AND s.date <= $2
         ORDER BY s.date, s.start_time, s.id"
        ),
        (from, to),
    )
    .await
}

/// Planned sessions (not meetings) from `from` to `to` of courses that are running or
/// just completed, without a written log, whose course sends log reminders.
pub async fn sessions_without_log(conn: &mut AnyConnection, from: &str, to: &str) -> Result<Vec<ReminderSession>> {
    db::all(
        conn,
        &format!(
            "SELECT {REMINDER_SESSION_COLUMNS}
         {REMINDER_SESSION_FROM}
         WHERE s.kind = 'session' AND s.status = 'planned' AND c.status IN ('running', 'completed')
           AND COALESCE(crs.log_reminders, 1) = 1 AND s.date >= $1 AND s.date <= $2
           AND NOT EXISTS (SELECT 1 FROM session_logs l WHERE l.session_id = s.id)
         ORDER BY s.date, s.start_time, s.id"
        ),
        (from, to),
    )
    .await
}

/// Someone a mail about a session goes to: an adult participant, or a guardian of a
/// child participant.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct FamilyRecipient {
    pub person_id: i64,
    pub email: String,
}

/// Who hears about the course's sessions: for each active participant (dropped-out ones
/// are not expected any more), an adult at their own address, a child through the
/// guardians in their household who have parental responsibility; only those with an
/// e-mail address, each once. With `only_participant`, for that participant alone (a
/// meeting about one family); with `respect_reminders_off`, leaving out participants
/// whose reminders are turned off and grown-ups who turned theirs off for the course.
pub async fn family_recipients(
    conn: &mut AnyConnection,
    course_id: i64,
    only_participant: Option<i64>,
    respect_reminders_off: bool,
) -> Result<Vec<FamilyRecipient>> {
    db::all(
        conn,
        "SELECT DISTINCT r.id AS person_id, r.email
         FROM course_participants cp
         JOIN persons p ON p.id = cp.person_id
         JOIN persons r ON (p.household_role <> 'child' AND r.id = p.id)
             OR (p.household_role = 'child' AND r.household_id = p.household_id AND r.household_role <> 'child'
                 AND r.parental_responsibility = 1)
         WHERE cp.course_id = $1 AND cp.role = 'participant' AND cp.status = 'active'
           AND ($2 = 0 OR cp.reminders_off = 0) AND ($3 < 0 OR cp.id = $3)
           AND ($2 = 0 OR NOT EXISTS (SELECT 1 FROM person_reminder_opt_outs o
                                      WHERE o.course_id = cp.course_id AND o.person_id = r.id))
           AND r.email <> '' AND r.merged_into IS NULL
         ORDER BY person_id",
        (course_id, i64::from(respect_reminders_off), only_participant.unwrap_or(-1)),
    )
    .await
}

/// A leader a log reminder goes to.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct LeaderRecipient {
    pub user_id: i64,
    pub email: String,
    /// The person's chosen language, if any.
    pub language: Option<String>,
}

/// The group leaders a session's log is asked of: those staffing the session, or, when
/// none is put on it, the course's group leaders; without those who turned log reminders
/// off for the course and without disabled accounts.
pub async fn session_leaders(
    conn: &mut AnyConnection,
    course_id: i64,
    session_id: i64,
) -> Result<Vec<LeaderRecipient>> {
    let on_session: Vec<(i64, String, Option<String>, i64)> = db::all(
        &mut *conn,
        "SELECT DISTINCT u.id, u.email, u.language, u.disabled FROM session_staff ss
         JOIN course_staff st ON st.id = ss.staff_id JOIN users u ON u.id = st.user_id
         WHERE ss.session_id = $1 AND st.course_id = $2 AND st.course_role = 'group_leader'",
        (session_id, course_id),
    )
    .await?;
    let leaders = if on_session.is_empty() {
        db::all(
            &mut *conn,
            "SELECT DISTINCT u.id, u.email, u.language, u.disabled FROM course_staff st JOIN users u ON u.id = st.user_id
             WHERE st.course_id = $1 AND st.course_role = 'group_leader'",
            (course_id,),
        )
        .await?
    } else {
        on_session
    };
    let mut out = Vec::new();
    for (user_id, email, language, disabled) in leaders {
        if disabled == 0 && !opted_out(conn, course_id, user_id).await? {
            out.push(LeaderRecipient { user_id, email, language });
        }
    }
    out.sort_by_key(|l| l.user_id);
    Ok(out)
}

/// Records that a reminder (`session`, `log` or `cancelled`) about a session went to a
/// recipient (`person:<id>` or `user:<id>`). False when it already had: the caller then
/// sends nothing, so each goes out once even with two instances at work.
pub async fn mark_sent(
    conn: &mut AnyConnection,
    session_id: i64,
    kind: &str,
    recipient: &str,
    now: i64,
) -> Result<bool> {
    db::changed_one(
        conn,
        "INSERT INTO reminders_sent (session_id, kind, recipient, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_id, kind, recipient) DO NOTHING",
        (session_id, kind, recipient, now),
    )
    .await
}

/// Who has had a reminder of this kind about the session (`person:<id>`, `user:<id>`).
pub async fn sent_to(conn: &mut AnyConnection, session_id: i64, kind: &str) -> Result<Vec<String>> {
    db::scalars(conn, "SELECT recipient FROM reminders_sent WHERE session_id = $1 AND kind = $2", (session_id, kind))
        .await
}

/// The participant a meeting is about (`None` for group sessions and group meetings).
pub async fn session_participant(conn: &mut AnyConnection, session_id: i64) -> Result<Option<i64>> {
    let found: Option<Option<i64>> =
        db::scalar_optional(conn, "SELECT participant_id FROM course_sessions WHERE id = $1", (session_id,)).await?;
    found.ok_or(StoreError::NotFound)
}

/// Marks a session as the replacement of a cancelled one.
pub async fn set_replaces(conn: &mut AnyConnection, session_id: i64, replaces_session_id: i64) -> Result<()> {
    db::execute(
        conn,
        "UPDATE course_sessions SET replaces_session_id = $1 WHERE id = $2",
        (replaces_session_id, session_id),
    )
    .await
}

/// The session a replacement replaces, if it is one.
pub async fn replaces(conn: &mut AnyConnection, session_id: i64) -> Result<Option<i64>> {
    let found: Option<Option<i64>> =
        db::scalar_optional(conn, "SELECT replaces_session_id FROM course_sessions WHERE id = $1", (session_id,))
            .await?;
    found.ok_or(StoreError::NotFound)
}
