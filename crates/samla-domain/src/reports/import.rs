//! Courses run before samla, brought in from a spreadsheet so that they count in the
//! programme's statistics: one sheet with a row per course, one with a row per
//! participant of a course. Every problem is named with its sheet, row and column, and
//! nothing is imported until there are none.
//!
//! Participants are pseudonymous: a code the organisation chose, never a name or a
//! national identity number (an eleven-digit code is refused as one). Only what the
//! statistics count is kept: birth year or age, sex, recruitment channel, sessions
//! attended and dropout.

use crate::intake::household::Sex;
use crate::running::dropout::DropoutReason;
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};

/// The columns of the courses sheet, as the template names them.
pub const COURSE_COLUMNS: [&str; 7] =
    ["course", "programme", "start_date", "end_date", "sessions", "leaders", "cancelled"];
/// The columns of the participants sheet.
pub const PARTICIPANT_COLUMNS: [&str; 9] = [
    "course",
    "participant",
    "birth_year",
    "age",
    "sex",
    "channel",
    "sessions_attended",
    "dropped_out",
    "dropout_reason",
];

/// One sheet as text: its header row and its rows, cells trimmed by the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Which sheet a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Courses,
    Participants,
}

impl SheetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SheetKind::Courses => "courses",
            SheetKind::Participants => "participants",
        }
    }
}

/// One problem: where (the row as the spreadsheet numbers it, the header being row 1;
/// row 0 for the sheet as a whole) and what, as a translation key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub sheet: SheetKind,
    pub row: usize,
    pub column: String,
    pub code: &'static str,
}

/// What the organisation may import into: the programmes it runs (by slug) and its
/// recruitment channels (by code), and today in its time zone.
#[derive(Debug, Clone)]
pub struct Known {
    pub programmes: Vec<String>,
    pub channels: Vec<String>,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCourse {
    pub reference: String,
    pub programme: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub sessions: u32,
    pub leaders: u32,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedParticipant {
    pub course: String,
    pub pseudonym: String,
    pub birth_year: Option<i32>,
    pub age: Option<u32>,
    pub sex: Option<Sex>,
    pub channel: Option<String>,
    pub sessions_attended: Option<u32>,
    pub dropped_out: bool,
    pub dropout_reason: Option<DropoutReason>,
}

impl ImportedParticipant {
    pub fn birth_date(&self, course_start: NaiveDate) -> Option<NaiveDate> {
        birth_date(self.age, self.birth_year, course_start)
    }
}

/// A birth day for counting an imported participant's age band: from their age at the
/// course's start, else the middle of their birth year.
pub fn birth_date(age: Option<u32>, birth_year: Option<i32>, course_start: NaiveDate) -> Option<NaiveDate> {
    match (age, birth_year) {
        (Some(age), _) => {
            let year = course_start.year() - i32::try_from(age).ok()?;
            course_start.with_year(year).or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        }
        (None, Some(year)) => NaiveDate::from_ymd_opt(year, 7, 1),
        (None, None) => None,
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Import {
    pub courses: Vec<ImportedCourse>,
    pub participants: Vec<ImportedParticipant>,
}

/// Reads both sheets; every problem of either, or the courses and participants.
pub fn read(courses: &Sheet, participants: &Sheet, known: &Known) -> Result<Import, Vec<Problem>> {
    let mut problems = Vec::new();
    let course_rows = rows(SheetKind::Courses, courses, &COURSE_COLUMNS, &mut problems);
    let participant_rows = rows(SheetKind::Participants, participants, &PARTICIPANT_COLUMNS, &mut problems);
    let mut import = Import::default();
    let mut sessions_of: HashMap<String, u32> = HashMap::new();
    for row in course_rows {
        let mut at = Cells { sheet: SheetKind::Courses, row: &row, problems: &mut problems };
        let reference = at.required("course");
        let programme = at.required("programme");
        if !programme.is_empty() && !known.programmes.contains(&programme) {
            at.problem("programme", "import-error-programme");
        }
        let start = at.date("start_date");
        let end = at.date("end_date");
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                at.problem("end_date", "import-error-end-before-start");
            }
            if start >= known.today {
                at.problem("start_date", "import-error-not-past");
            }
        }
        let sessions = at.number("sessions", 1, 200, true).flatten();
        let leaders = at.number("leaders", 0, 20, true).flatten();
        let cancelled = at.yes_no("cancelled");
        if !reference.is_empty() && sessions_of.insert(reference.clone(), sessions.unwrap_or(0)).is_some() {
            at.problem("course", "import-error-duplicate");
        }
        if let (Some(start), Some(end), Some(sessions), Some(leaders), Some(cancelled)) =
            (start, end, sessions, leaders, cancelled)
        {
            import.courses.push(ImportedCourse { reference, programme, start, end, sessions, leaders, cancelled });
        }
    }
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for row in participant_rows {
        let mut at = Cells { sheet: SheetKind::Participants, row: &row, problems: &mut problems };
        let course = at.required("course");
        let sessions = sessions_of.get(&course).copied();
        if !course.is_empty() && sessions.is_none() {
            at.problem("course", "import-error-course-unknown");
        }
        let pseudonym = at.required("participant");
        if pseudonym.len() > 40 {
            at.problem("participant", "import-error-too-long");
        } else if pseudonym.chars().filter(char::is_ascii_digit).count() >= 11 {
            at.problem("participant", "import-error-identity-number");
        }
        if !pseudonym.is_empty() && !seen.insert((course.clone(), pseudonym.clone())) {
            at.problem("participant", "import-error-duplicate");
        }
        let this_year = known.today.year();
        let birth_year = at.number("birth_year", 1900, u32::try_from(this_year).unwrap_or(0), false);
        let age = at.number("age", 0, 120, false);
        let sex = at.choice("sex", Sex::parse);
        let channel = at.optional("channel");
        if let Some(code) = &channel {
            if !known.channels.contains(code) {
                at.problem("channel", "import-error-channel");
            }
        }
        let attended = at.number("sessions_attended", 0, sessions.unwrap_or(200), false);
        let dropped_out = at.yes_no("dropped_out");
        let reason = at.choice("dropout_reason", DropoutReason::parse);
        if dropped_out == Some(false) && reason.flatten().is_some() {
            at.problem("dropout_reason", "import-error-reason-without-dropout");
        }
        if let (Some(birth_year), Some(age), Some(sex), Some(attended), Some(dropped_out), Some(reason)) =
            (birth_year, age, sex, attended, dropped_out, reason)
        {
            import.participants.push(ImportedParticipant {
                course,
                pseudonym,
                birth_year: birth_year.map(|y| y as i32),
                age,
                sex,
                channel,
                sessions_attended: attended,
                dropped_out,
                dropout_reason: reason,
            });
        }
    }
    if problems.is_empty() {
        Ok(import)
    } else {
        Err(problems)
    }
}

/// One row by column name, its number in the spreadsheet beside it.
struct Row {
    number: usize,
    cells: HashMap<&'static str, String>,
}

/// The sheet's rows by column name; a missing column is one problem for the sheet, and
/// rows with nothing in them are passed over.
fn rows(kind: SheetKind, sheet: &Sheet, columns: &[&'static str], problems: &mut Vec<Problem>) -> Vec<Row> {
    let header: Vec<String> = sheet.header.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut at = Vec::new();
    for column in columns {
        match header.iter().position(|h| h == column) {
            Some(index) => at.push((*column, index)),
            None => problems.push(Problem {
                sheet: kind,
                row: 1,
                column: column.to_string(),
                code: "import-error-column-missing",
            }),
        }
    }
    // Courses without participants (cancelled ones) may come alone.
    if kind == SheetKind::Courses && sheet.rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        problems.push(Problem { sheet: kind, row: 0, column: String::new(), code: "import-error-empty" });
    }
    sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| Row {
            number: i + 2,
            cells: at
                .iter()
                .map(|(name, index)| (*name, cells.get(*index).map(|c| c.trim().to_string()).unwrap_or_default()))
                .collect(),
        })
        .collect()
}

/// Reading one row's cells, each problem named where it is.
struct Cells<'a> {
    sheet: SheetKind,
    row: &'a Row,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    fn problem(&mut self, column: &str, code: &'static str) {
        self.problems.push(Problem { sheet: self.sheet, row: self.row.number, column: column.to_string(), code });
    }

    fn text(&self, column: &str) -> String {
        self.row.cells.get(column).cloned().unwrap_or_default()
    }

    fn optional(&mut self, column: &str) -> Option<String> {
        let text = self.text(column);
        if text.chars().count() > 60 {
            self.problem(column, "import-error-too-long");
        }
        (!text.is_empty()).then_some(text)
    }

    fn required(&mut self, column: &str) -> String {
        let text = self.text(column);
        if text.is_empty() {
            self.problem(column, "import-error-required");
        } else if text.chars().count() > 60 {
            self.problem(column, "import-error-too-long");
        }
        text
    }

    /// A day as 2024-03-01 or 01.03.2024.
    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        let text = self.required(column);
        if text.is_empty() {
            return None;
        }
        let day =
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(&text, "%d.%m.%Y"));
        match day {
            Ok(day) if day.year() >= 1990 => Some(day),
            _ => {
                self.problem(column, "import-error-date");
                None
            }
        }
    }

    /// A whole number in `min..=max`: `Some(None)` where empty and not required, `None`
    /// where there is a problem.
    fn number(&mut self, column: &str, min: u32, max: u32, required: bool) -> Option<Option<u32>> {
        let text = self.text(column);
        if text.is_empty() {
            if required {
                self.problem(column, "import-error-required");
                return None;
            }
            return Some(None);
        }
        match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(Some(n)),
            _ => {
                self.problem(column, "import-error-number");
                None
            }
        }
    }

    /// yes or no (ja/nei, true/false, 1/0); empty is no.
    fn yes_no(&mut self, column: &str) -> Option<bool> {
        match self.text(column).to_lowercase().as_str() {
            "" | "no" | "nei" | "false" | "0" => Some(false),
            "yes" | "ja" | "true" | "1" => Some(true),
            _ => {
                self.problem(column, "import-error-yes-no");
                None
            }
        }
    }

    /// One of a list of codes, or empty: `Some(None)`; `None` where it is none of them.
    fn choice<T>(&mut self, column: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
        let text = self.text(column);
        if text.is_empty() {
            return Some(None);
        }
        match parse(&text) {
            Some(value) => Some(Some(value)),
            None => {
                self.problem(column, "import-error-choice");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
