//! Courses and their scheduled sessions and meetings.

use crate::db;
use crate::Result;
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::planning::session::SessionKind;
use samla_domain::programmes::Audience;
use sqlx::{AnyConnection, FromRow};

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Course {
    pub id: i64,
    pub organisation_id: i64,
    pub programme_version_id: i64,
    pub name: String,
    pub venue: String,
    pub room: String,
    pub start_date: String,
    pub weekdays: String,
    pub start_time: String,
    pub duration_minutes: i64,
    pub interval_kind: String,
    pub every_weeks: i64,
    pub session_count: i64,
    pub capacity: i64,
    #[sqlx(try_from = "String")]
    pub status: CourseStatus,
    pub cancel_reason: Option<String>,
    pub version: i64,
}

const COURSE_COLUMNS: &str = "id, organisation_id, programme_version_id, name, venue, room, start_date, weekdays, \
     start_time, duration_minutes, interval_kind, every_weeks, session_count, capacity, status, cancel_reason, version";

/// A course as planned, before it has an id.
pub struct NewCourse<'a> {
    pub organisation_id: i64,
    pub programme_version_id: i64,
    pub name: &'a str,
    pub venue: &'a str,
    pub room: &'a str,
    pub start_date: &'a str,
    pub weekdays: &'a str,
    pub start_time: &'a str,
    pub duration_minutes: i64,
    pub interval_kind: &'a str,
    pub every_weeks: i64,
    pub session_count: i64,
    pub capacity: i64,
}

pub async fn create(conn: &mut AnyConnection, c: &NewCourse<'_>, now: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO courses (organisation_id, programme_version_id, name, venue, room, start_date, weekdays, start_time,
             duration_minutes, interval_kind, every_weeks, session_count, capacity, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'draft', $14) RETURNING id",
        (
            c.organisation_id,
            c.programme_version_id,
            c.name,
            c.venue,
            c.room,
            c.start_date,
            c.weekdays,
            c.start_time,
            c.duration_minutes,
            c.interval_kind,
            c.every_weeks,
            c.session_count,
            c.capacity,
            now,
        ),
    )
    .await
}

/// A course of the organisation; another organisation's course is not found.
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, course_id: i64) -> Result<Course> {
    db::one(
        conn,
        &format!("SELECT {COURSE_COLUMNS} FROM courses WHERE id = $2 AND organisation_id = $1"),
        (organisation_id, course_id),
    )
    .await
}

/// Courses of the organisation, or only those `user_id` works on.
pub async fn list(conn: &mut AnyConnection, organisation_id: i64, only_staff_user: Option<i64>) -> Result<Vec<Course>> {
    db::all(
        conn,
        &format!(
            "SELECT {COURSE_COLUMNS} FROM courses c WHERE organisation_id = $1
           AND ($2 < 0 OR EXISTS (SELECT 1 FROM course_staff s WHERE s.course_id = c.id AND s.user_id = $2))
         ORDER BY start_date DESC, id DESC"
        ),
        (organisation_id, only_staff_user.unwrap_or(-1)),
    )
    .await
}

pub async fn works_on(conn: &mut AnyConnection, course_id: i64, user_id: i64) -> Result<bool> {
    db::exists(conn, "SELECT id FROM course_staff WHERE course_id = $1 AND user_id = $2 LIMIT 1", (course_id, user_id))
        .await
}

/// What can change on a course after it is created.
pub struct CourseChange<'a> {
    pub name: &'a str,
    pub venue: &'a str,
    pub room: &'a str,
    pub capacity: i64,
}

pub async fn update(
    conn: &mut AnyConnection,
    course_id: i64,
    change: &CourseChange<'_>,
    expected_version: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE courses SET name = $1, venue = $2, room = $3, capacity = $4, version = version + 1
         WHERE id = $5 AND version = $6 RETURNING version",
        (change.name, change.venue, change.room, change.capacity, course_id, expected_version),
    )
    .await
}

pub async fn set_status(
    conn: &mut AnyConnection,
    course_id: i64,
    status: CourseStatus,
    cancel_reason: Option<&str>,
    expected_version: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE courses SET status = $1, cancel_reason = $2, version = version + 1
         WHERE id = $3 AND version = $4 RETURNING version",
        (status.as_str(), cancel_reason, course_id, expected_version),
    )
    .await
}

/// Declares a row of `course_sessions`: the planning columns (as [`CourseSession`] has
/// them, in its order), then the fields given.
macro_rules! session_row {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        pub struct $name {
            pub id: i64,
            pub course_id: i64,
            #[sqlx(try_from = "String")]
            pub kind: samla_domain::planning::session::SessionKind,
            pub programme_session: Option<i64>,
            pub meeting_kind: Option<String>,
            pub title: String,
            #[sqlx(try_from = "String")]
            pub audience: samla_domain::programmes::Audience,
            pub date: String,
            pub start_time: String,
            pub end_time: String,
            pub room: String,
            #[sqlx(try_from = "String")]
            pub status: samla_domain::planning::session::SessionStatus,
            pub cancel_reason: Option<String>,
            pub version: i64,
            $($(#[$field_meta])* pub $field: $ty,)*
        }
    };
}
pub(crate) use session_row;

session_row! {
    #[derive(Debug, Clone, PartialEq, Eq, FromRow)]
    pub struct CourseSession {}
}

const SESSION_COLUMNS: &str =
    "id, course_id, kind, programme_session, meeting_kind, title, audience, date, start_time, \
     end_time, room, status, cancel_reason, version";

pub struct NewSession<'a> {
    pub kind: SessionKind,
    pub programme_session: Option<i64>,
    pub meeting_kind: Option<&'a str>,
    pub title: &'a str,
    pub audience: Audience,
    pub date: &'a str,
    pub start_time: &'a str,
    pub end_time: &'a str,
    pub room: &'a str,
}

pub async fn add_session(conn: &mut AnyConnection, course_id: i64, s: &NewSession<'_>) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO course_sessions (course_id, kind, programme_session, meeting_kind, title, audience, date, start_time,
             end_time, room, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'planned') RETURNING id",
        (
            course_id,
            s.kind.as_str(),
            s.programme_session,
            s.meeting_kind,
            s.title,
            s.audience.as_str(),
            s.date,
            s.start_time,
            s.end_time,
            s.room,
        ),
    )
    .await
}

/// The course's sessions and meetings in time order.
pub async fn sessions(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<CourseSession>> {
    db::all(
        conn,
        &format!("SELECT {SESSION_COLUMNS} FROM course_sessions WHERE course_id = $1 ORDER BY date, start_time, id"),
        (course_id,),
    )
    .await
}

/// The day of the course's first session that is not cancelled (meetings left out).
pub async fn first_session_date(conn: &mut AnyConnection, course_id: i64) -> Result<Option<String>> {
    db::scalar(
        conn,
        "SELECT MIN(date) FROM course_sessions WHERE course_id = $1 AND kind = 'session' AND status <> 'cancelled'",
        (course_id,),
    )
    .await
}

pub async fn session(conn: &mut AnyConnection, course_id: i64, session_id: i64) -> Result<CourseSession> {
    db::one(
        conn,
        &format!("SELECT {SESSION_COLUMNS} FROM course_sessions WHERE course_id = $1 AND id = $2"),
        (course_id, session_id),
    )
    .await
}

pub async fn move_session(
    conn: &mut AnyConnection,
    session_id: i64,
    date: &str,
    start_time: &str,
    end_time: &str,
    room: &str,
    expected_version: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE course_sessions SET date = $1, start_time = $2, end_time = $3, room = $4, version = version + 1
         WHERE id = $5 AND version = $6 RETURNING version",
        (date, start_time, end_time, room, session_id, expected_version),
    )
    .await
}

pub async fn cancel_session(
    conn: &mut AnyConnection,
    session_id: i64,
    reason: &str,
    expected_version: i64,
) -> Result<i64> {
    db::next_version(
        conn,
        "UPDATE course_sessions SET status = 'cancelled', cancel_reason = $1, version = version + 1
         WHERE id = $2 AND version = $3 RETURNING version",
        (reason, session_id, expected_version),
    )
    .await
}

/// For each planned session of the course, the other courses of the organisation with a
/// planned session in the same venue and room overlapping it: (session id, the other
/// course's name). One query for the whole course, starting from its own sessions, so it
/// costs the same however many courses the country has.
pub async fn room_conflicts(
    conn: &mut AnyConnection,
    organisation_id: i64,
    course_id: i64,
    venue: &str,
) -> Result<Vec<(i64, String)>> {
    db::all(
        conn,
        // From the organisation's other courses at the venue, not from every session in
        // the country in a room of the same name.
        "WITH here AS MATERIALIZED (
             SELECT id FROM courses WHERE organisation_id = $1 AND venue = $3 AND status <> 'cancelled' AND id <> $2
         )
         SELECT DISTINCT s.id, c.name FROM course_sessions s
         JOIN course_sessions o ON o.course_id IN (SELECT id FROM here) AND o.date = s.date AND o.room = s.room
           AND o.status = 'planned' AND o.start_time < s.end_time AND o.end_time > s.start_time
         JOIN courses c ON c.id = o.course_id
         WHERE s.course_id = $2 AND s.status = 'planned'
         ORDER BY s.id, c.name",
        (organisation_id, course_id, venue),
    )
    .await
}

/// For each planned session of the course, the people on its staff who are on the staff
/// of another course's planned session overlapping it: (session id, user id, the other
/// course's name). One query for the whole course.
pub async fn staff_conflicts(conn: &mut AnyConnection, course_id: i64) -> Result<Vec<(i64, i64, String)>> {
    db::all(
        conn,
        // Materialised in this order (the course's staffed sessions, then those people's
        // other sessions, matched on the day last), so neither planner starts from every
        // session in the country in a stretch of days.
        "WITH mine AS MATERIALIZED (
             SELECT s.id AS session_id, s.date, s.start_time, s.end_time, st.user_id
             FROM course_sessions s
             JOIN session_staff ss ON ss.session_id = s.id
             JOIN course_staff st ON st.id = ss.staff_id
             WHERE s.course_id = $1 AND s.status = 'planned' AND st.user_id IS NOT NULL
         ), theirs AS MATERIALIZED (
             SELECT st.user_id, o.date, o.start_time, o.end_time, o.course_id
             FROM course_staff st
             JOIN session_staff ss ON ss.staff_id = st.id
             JOIN course_sessions o ON o.id = ss.session_id
             WHERE st.user_id IN (SELECT user_id FROM mine) AND st.course_id <> $1 AND o.status = 'planned'
         )
         SELECT DISTINCT m.session_id, m.user_id, c.name FROM mine m
         JOIN theirs t ON t.user_id = m.user_id AND t.date = m.date
           AND t.start_time < m.end_time AND t.end_time > m.start_time
         JOIN courses c ON c.id = t.course_id AND c.status <> 'cancelled'
         ORDER BY m.session_id, m.user_id, c.name",
        (course_id,),
    )
    .await
}
