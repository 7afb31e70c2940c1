//! Writing many rows at once, for data made in bulk (`samla demo-data national`): the same
//! rows the feature modules write one at a time, inserted with multi-row statements so a
//! national data set of millions of rows is written in minutes. Nothing here checks a rule;
//! the caller writes only what the services would have written.

use crate::budgets::NewLine;
use crate::courses::{NewCourse, NewSession};
use crate::db;
use crate::intake::consents::NewConsent;
use crate::intake::households::NewPerson;
use crate::Result;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Row};

/// One column's value in a row to insert.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Int(i64),
    MaybeInt(Option<i64>),
    Text(&'a str),
    MaybeText(Option<&'a str>),
}

/// Bound values per statement: below SQLite's and PostgreSQL's limits, and large enough
/// that the cost of a statement is spread over hundreds of rows.
const VALUES_PER_STATEMENT: usize = 6000;
const ROWS_PER_STATEMENT: usize = 500;

/// How values are named in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholders {
    /// `$1, $2, …` (PostgreSQL).
    Numbered,
    /// `?, ?, …` in order (SQLite): it finds a numbered value by scanning every name in
    /// the statement, so binding thousands of them took most of the time of a write.
    InOrder,
}

fn insert_sql(table: &str, columns: &[&str], rows: usize, returning_id: bool, placeholders: Placeholders) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut number = 0;
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns.len() {
            if column > 0 {
                sql.push_str(", ");
            }
            number += 1;
            match placeholders {
                Placeholders::Numbered => sql.push_str(&format!("${number}")),
                Placeholders::InOrder => sql.push('?'),
            }
        }
        sql.push(')');
    }
    if returning_id {
        sql.push_str(" RETURNING id");
    }
    sql
}

fn bind<'q>(query: Query<'q, Any, AnyArguments<'q>>, value: Value<'q>) -> Query<'q, Any, AnyArguments<'q>> {
    match value {
        Value::Int(v) => query.bind(v),
        Value::MaybeInt(v) => query.bind(v),
        Value::Text(v) => query.bind(v),
        Value::MaybeText(v) => query.bind(v),
    }
}

/// Inserts `rows` (each with one value per column), several hundred to a statement; with
/// `returning_id`, returns the new rows' ids in the order of `rows`.
pub(crate) async fn insert<const N: usize>(
    conn: &mut AnyConnection,
    table: &str,
    columns: [&str; N],
    rows: &[[Value<'_>; N]],
    returning_id: bool,
) -> Result<Vec<i64>> {
    let per_statement = (VALUES_PER_STATEMENT / N).clamp(1, ROWS_PER_STATEMENT);
    let mut ids = Vec::with_capacity(if returning_id { rows.len() } else { 0 });
    let placeholders = if conn.backend_name() == "SQLite" { Placeholders::InOrder } else { Placeholders::Numbered };
    // The statement for a full chunk is built once and stays prepared on the connection.
    let full = insert_sql(table, &columns, per_statement, returning_id, placeholders);
    for chunk in rows.chunks(per_statement) {
        let last;
        let sql = if chunk.len() == per_statement {
            &full
        } else {
            last = insert_sql(table, &columns, chunk.len(), returning_id, placeholders);
            &last
        };
        let mut query = sqlx::query(sql);
        for row in chunk {
            for value in row {
                query = bind(query, *value);
            }
        }
        if returning_id {
            let made: std::result::Result<Vec<i64>, sqlx::Error> =
                query.fetch_all(&mut *conn).await?.iter().map(|row| row.try_get::<i64, _>(0)).collect();
            let mut made = made?;
            // Ids are handed out in the order of the VALUES list on both databases, but
            // neither promises RETURNING in that order.
            made.sort_unstable();
            ids.extend(made);
        } else {
            query.execute(&mut *conn).await?;
        }
    }
    Ok(ids)
}

/// A course as it stands after its history: its status and version already moved on.
pub struct PlannedCourse<'a> {
    pub course: NewCourse<'a>,
    pub status: &'a str,
    pub cancel_reason: Option<&'a str>,
    pub version: i64,
    pub created_at: i64,
}

pub async fn add_courses(conn: &mut AnyConnection, courses: &[PlannedCourse<'_>]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 17]> = courses
        .iter()
        .map(|p| {
            let c = &p.course;
            [
                Value::Int(c.organisation_id),
                Value::Int(c.programme_version_id),
                Value::Text(c.name),
                Value::Text(c.venue),
                Value::Text(c.room),
                Value::Text(c.start_date),
                Value::Text(c.weekdays),
                Value::Text(c.start_time),
                Value::Int(c.duration_minutes),
                Value::Text(c.interval_kind),
                Value::Int(c.every_weeks),
                Value::Int(c.session_count),
                Value::Int(c.capacity),
                Value::Text(p.status),
                Value::MaybeText(p.cancel_reason),
                Value::Int(p.version),
                Value::Int(p.created_at),
            ]
        })
        .collect();
    let columns = [
        "organisation_id",
        "programme_version_id",
        "name",
        "venue",
        "room",
        "start_date",
        "weekdays",
        "start_time",
        "duration_minutes",
        "interval_kind",
        "every_weeks",
        "session_count",
        "capacity",
        "status",
        "cancel_reason",
        "version",
        "created_at",
    ];
    insert(conn, "courses", columns, &rows, true).await
}

/// Planned sessions and meetings: (course id, session).
pub async fn add_sessions(conn: &mut AnyConnection, sessions: &[(i64, NewSession<'_>)]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 11]> = sessions
        .iter()
        .map(|(course_id, s)| {
            [
                Value::Int(*course_id),
                Value::Text(s.kind.as_str()),
                Value::MaybeInt(s.programme_session),
                Value::MaybeText(s.meeting_kind),
                Value::Text(s.title),
                Value::Text(s.audience.as_str()),
                Value::Text(s.date),
                Value::Text(s.start_time),
                Value::Text(s.end_time),
                Value::Text(s.room),
                Value::Text("planned"),
            ]
        })
        .collect();
    let columns = [
        "course_id",
        "kind",
        "programme_session",
        "meeting_kind",
        "title",
        "audience",
        "date",
        "start_time",
        "end_time",
        "room",
        "status",
    ];
    insert(conn, "course_sessions", columns, &rows, true).await
}

/// A checklist item, done or not.
pub struct ChecklistItem<'a> {
    pub course_id: i64,
    pub position: i64,
    pub task: &'a str,
    pub responsible_role: &'a str,
    pub due_date: &'a str,
    /// When and by whom it was ticked off.
    pub done: Option<(i64, i64)>,
}

pub async fn add_checklist_items(conn: &mut AnyConnection, items: &[ChecklistItem<'_>]) -> Result<()> {
    let rows: Vec<[Value; 7]> = items
        .iter()
        .map(|i| {
            [
                Value::Int(i.course_id),
                Value::Int(i.position),
                Value::Text(i.task),
                Value::Text(i.responsible_role),
                Value::Text(i.due_date),
                Value::MaybeInt(i.done.map(|(at, _)| at)),
                Value::MaybeInt(i.done.map(|(_, by)| by)),
            ]
        })
        .collect();
    let columns = ["course_id", "position", "task", "responsible_role", "due_date", "done_at", "done_by"];
    insert(conn, "checklist_items", columns, &rows, false).await?;
    Ok(())
}

/// Budget lines: (course id, position, line).
pub async fn add_budget_lines(conn: &mut AnyConnection, lines: &[(i64, i64, NewLine<'_>)]) -> Result<()> {
    let rows: Vec<[Value; 7]> = lines
        .iter()
        .map(|(course_id, position, l)| {
            [
                Value::Int(*course_id),
                Value::Int(*position),
                Value::Text(l.label),
                Value::Text(l.amount),
                Value::MaybeText(l.hours),
                Value::Text(l.multiplier),
                Value::Int(l.count),
            ]
        })
        .collect();
    let columns = ["course_id", "position", "label", "amount", "hours", "multiplier", "count"];
    insert(conn, "budget_lines", columns, &rows, false).await?;
    Ok(())
}

/// Members of working groups with an account: (course id, user id, course role).
pub async fn add_course_staff(conn: &mut AnyConnection, staff: &[(i64, i64, &str)]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 3]> = staff
        .iter()
        .map(|(course_id, user_id, role)| [Value::Int(*course_id), Value::Int(*user_id), Value::Text(role)])
        .collect();
    insert(conn, "course_staff", ["course_id", "user_id", "course_role"], &rows, true).await
}

/// Who staffs which session (none of them substitutes): (session id, staff id).
pub async fn add_session_staff(conn: &mut AnyConnection, assignments: &[(i64, i64)]) -> Result<()> {
    let rows: Vec<[Value; 2]> = assignments.iter().map(|(s, st)| [Value::Int(*s), Value::Int(*st)]).collect();
    insert(conn, "session_staff", ["session_id", "staff_id"], &rows, false).await?;
    Ok(())
}

/// New households of one organisation, each made at its time.
pub async fn add_households(conn: &mut AnyConnection, organisation_id: i64, made_at: &[i64]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 2]> = made_at.iter().map(|at| [Value::Int(organisation_id), Value::Int(*at)]).collect();
    insert(conn, "households", ["organisation_id", "created_at"], &rows, true).await
}

/// Persons of one organisation: (person, created at).
pub async fn add_persons(
    conn: &mut AnyConnection,
    organisation_id: i64,
    persons: &[(NewPerson<'_>, i64)],
) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 10]> = persons
        .iter()
        .map(|(p, at)| {
            [
                Value::Int(organisation_id),
                Value::Int(p.household_id),
                Value::Text(p.household_role.as_str()),
                Value::Int(i64::from(p.parental_responsibility)),
                Value::Text(p.name),
                Value::MaybeText(p.birth_date),
                Value::MaybeText(p.national_id),
                Value::Text(p.phone),
                Value::Text(p.email),
                Value::Int(*at),
            ]
        })
        .collect();
    let columns = [
        "organisation_id",
        "household_id",
        "household_role",
        "parental_responsibility",
        "name",
        "birth_date",
        "national_id",
        "phone",
        "email",
        "created_at",
    ];
    insert(conn, "persons", columns, &rows, true).await
}

/// Consents in force: (consent, given at).
pub async fn add_consents(conn: &mut AnyConnection, consents: &[(NewConsent<'_>, i64)]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 9]> = consents
        .iter()
        .map(|(c, at)| {
            [
                Value::Int(c.organisation_id),
                Value::Int(c.giver_id),
                Value::Int(c.participant_id),
                Value::Int(c.consent_text_id),
                Value::Text(c.purpose),
                Value::Text(c.capacity),
                Value::Text(c.method),
                Value::Int(*at),
                Value::MaybeInt(c.recorded_by),
            ]
        })
        .collect();
    let columns = [
        "organisation_id",
        "giver_id",
        "participant_id",
        "consent_text_id",
        "purpose",
        "capacity",
        "method",
        "given_at",
        "recorded_by",
    ];
    insert(conn, "consents", columns, &rows, true).await
}

/// A person's place on a course, and whether they dropped out (on which day, why).
pub struct Enrolment<'a> {
    pub course_id: i64,
    pub person_id: i64,
    /// `participant` or `parent`.
    pub role: &'a str,
    pub enrolled_at: i64,
    pub dropped_out: Option<(&'a str, &'a str)>,
}

pub async fn add_enrolments(conn: &mut AnyConnection, enrolments: &[Enrolment<'_>]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 7]> = enrolments
        .iter()
        .map(|e| {
            [
                Value::Int(e.course_id),
                Value::Int(e.person_id),
                Value::Text(e.role),
                Value::Int(e.enrolled_at),
                Value::Text(if e.dropped_out.is_some() { "dropped_out" } else { "active" }),
                Value::MaybeText(e.dropped_out.map(|(day, _)| day)),
                Value::MaybeText(e.dropped_out.map(|(_, reason)| reason)),
            ]
        })
        .collect();
    let columns = ["course_id", "person_id", "role", "enrolled_at", "status", "dropped_out_on", "dropout_reason"];
    insert(conn, "course_participants", columns, &rows, true).await
}

/// An attendance sheet saved once (version 1).
pub struct Sheet {
    pub session_id: i64,
    pub parents: i64,
    pub family_members: i64,
    pub saved_at: i64,
    pub saved_by: i64,
}

pub async fn add_sheets(conn: &mut AnyConnection, sheets: &[Sheet]) -> Result<()> {
    let rows: Vec<[Value; 6]> = sheets
        .iter()
        .map(|s| {
            [
                Value::Int(s.session_id),
                Value::Int(s.parents),
                Value::Int(s.family_members),
                Value::Int(1),
                Value::Int(s.saved_at),
                Value::Int(s.saved_by),
            ]
        })
        .collect();
    let columns = ["session_id", "parents", "family_members", "version", "saved_at", "saved_by"];
    insert(conn, "attendance_sheets", columns, &rows, false).await?;
    Ok(())
}

/// Participants' lines of saved sheets: (session id, participant id, attendance).
pub async fn add_attendance(conn: &mut AnyConnection, lines: &[(i64, i64, &str)]) -> Result<()> {
    let rows: Vec<[Value; 3]> =
        lines.iter().map(|(s, p, a)| [Value::Int(*s), Value::Int(*p), Value::Text(a)]).collect();
    insert(conn, "attendance_entries", ["session_id", "participant_id", "attendance"], &rows, false).await?;
    Ok(())
}

/// Guardians' lines of saved sheets: (session id, person id, attendance).
pub async fn add_guardian_attendance(conn: &mut AnyConnection, lines: &[(i64, i64, &str)]) -> Result<()> {
    let rows: Vec<[Value; 3]> =
        lines.iter().map(|(s, p, a)| [Value::Int(*s), Value::Int(*p), Value::Text(a)]).collect();
    insert(conn, "attendance_guardians", ["session_id", "person_id", "attendance"], &rows, false).await?;
    Ok(())
}

/// Staff who were at sessions: (session id, staff id).
pub async fn add_staff_attendance(conn: &mut AnyConnection, present: &[(i64, i64)]) -> Result<()> {
    let rows: Vec<[Value; 2]> = present.iter().map(|(s, st)| [Value::Int(*s), Value::Int(*st)]).collect();
    insert(conn, "attendance_staff", ["session_id", "staff_id"], &rows, false).await?;
    Ok(())
}

/// A follow-up task, and what came of it once done.
pub struct FollowUpTask<'a> {
    pub course_id: i64,
    pub participant_id: i64,
    pub absences: i64,
    pub created_at: i64,
    /// (when, by whom, what came of it).
    pub done: Option<(i64, i64, &'a str)>,
}

pub async fn add_follow_up_tasks(conn: &mut AnyConnection, tasks: &[FollowUpTask<'_>]) -> Result<Vec<i64>> {
    let rows: Vec<[Value; 7]> = tasks
        .iter()
        .map(|t| {
            [
                Value::Int(t.course_id),
                Value::Int(t.participant_id),
                Value::Int(t.absences),
                Value::Int(t.created_at),
                Value::MaybeInt(t.done.map(|(at, _, _)| at)),
                Value::MaybeInt(t.done.map(|(_, by, _)| by)),
                Value::Text(t.done.map_or("", |(_, _, outcome)| outcome)),
            ]
        })
        .collect();
    let columns = ["course_id", "participant_id", "absences", "created_at", "done_at", "done_by", "outcome"];
    insert(conn, "follow_up_tasks", columns, &rows, true).await
}

/// Whether any organisation has a course: bulk data goes only into a database without.
pub async fn has_courses(conn: &mut AnyConnection) -> Result<bool> {
    db::exists(conn, "SELECT id FROM courses LIMIT 1", ()).await
}

/// The tables a data set is measured by, in the order they are reported.
pub const COUNTED_TABLES: [&str; 16] = [
    "organisations",
    "users",
    "programmes",
    "courses",
    "course_sessions",
    "course_staff",
    "session_staff",
    "households",
    "persons",
    "consents",
    "course_participants",
    "attendance_sheets",
    "attendance_entries",
    "attendance_guardians",
    "follow_up_tasks",
    "audit_log",
];

/// (table, rows) for each of [`COUNTED_TABLES`].
pub async fn counts(conn: &mut AnyConnection) -> Result<Vec<(&'static str, i64)>> {
    let mut out = Vec::with_capacity(COUNTED_TABLES.len());
    for table in COUNTED_TABLES {
        let rows: i64 = db::scalar(&mut *conn, &format!("SELECT COUNT(*) FROM {table}"), ()).await?;
        out.push((table, rows));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_name_every_value() {
        assert_eq!(
            insert_sql("t", &["a", "b"], 2, false, Placeholders::Numbered),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
        assert_eq!(
            insert_sql("t", &["a"], 1, true, Placeholders::Numbered),
            "INSERT INTO t (a) VALUES ($1) RETURNING id"
        );
        assert_eq!(
            insert_sql("t", &["a", "b"], 2, false, Placeholders::InOrder),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }
}
