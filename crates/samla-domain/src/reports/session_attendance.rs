//! Attendance per session of the programme, pooled across a network's courses of one
//! year: of the participants on the list when session 1, 2, 3 … of the manual was
//! recorded in any of the courses, how many came (late and leaving early count).
//!
//! Each session is a small table of persons: those recorded, those who came and those
//! who did not. Like the pooled measures, only the network's line is published, per year:
//! a row per organisation or region beside it would let one subtract a small group. A
//! session recorded with fewer than five shows nothing; where those who came or those who
//! did not are one to four, only how many were recorded is shown (either count, or the
//! rate, would tell the other). A correction that moves any of the three counts by one
//! to four keeps the session as the earlier release published it, so that the two
//! releases cannot be subtracted.

use super::disclosure::MIN_PERSONS;
use serde::{Deserialize, Serialize};

/// What was recorded at one session number across the year's courses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFacts {
    /// The session's number in the programme's manual.
    pub number: u32,
    /// The courses that recorded attendance at it.
    pub courses: u64,
    /// Participants recorded (on the list when attendance was taken).
    pub recorded: u64,
    /// Of those, participants who came.
    pub attended: u64,
}

/// One session as published.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SessionAttendance {
    pub number: u32,
    pub courses: u64,
    /// `None` under five.
    pub recorded: Option<u64>,
    /// `None` where it, or those who did not come, are one to four.
    pub attended: Option<u64>,
    /// The share who came, 0–1, shown with `attended`.
    pub rate: Option<f64>,
    /// The session stands as the year's earlier release published it.
    #[serde(default)]
    pub kept: bool,
}

/// Publishes each session number in order; a session that a correction changed by too
/// few persons stays as `earlier` published it.
pub fn attendance_per_session(facts: &[SessionFacts], earlier: &[SessionAttendance]) -> Vec<SessionAttendance> {
    let mut sessions: Vec<SessionAttendance> = facts
        .iter()
        .filter(|f| f.recorded > 0)
        .map(|f| {
            let now = publish(f);
            match earlier.iter().find(|e| e.number == f.number) {
                Some(before) if !same(&now, before) && !may_replace(f, before) => {
                    SessionAttendance { kept: true, ..*before }
                }
                _ => now,
            }
        })
        .collect();
    sessions.sort_by_key(|s| s.number);
    sessions
}

fn few(count: u64) -> bool {
    (1..MIN_PERSONS).contains(&count)
}

fn publish(facts: &SessionFacts) -> SessionAttendance {
    let SessionFacts { number, courses, recorded, attended } = *facts;
    let absent = recorded.saturating_sub(attended);
    let shown = recorded >= MIN_PERSONS;
    let counts_shown = shown && !few(attended) && !few(absent);
    SessionAttendance {
        number,
        courses,
        recorded: shown.then_some(recorded),
        attended: counts_shown.then_some(attended),
        rate: counts_shown.then(|| attended as f64 / recorded as f64),
        kept: false,
    }
}

fn same(now: &SessionAttendance, before: &SessionAttendance) -> bool {
    (now.recorded, now.attended, now.courses) == (before.recorded, before.attended, before.courses)
}

/// Whether a correction may replace what an earlier release published: only when the
/// list grew or shrank by five or more, and so did each count the earlier one showed (a
/// changed mark on the same list is a change of one to four persons).
fn may_replace(now: &SessionFacts, before: &SessionAttendance) -> bool {
    let Some(recorded_before) = before.recorded else {
        // Nothing of it was published; its suppression told no count.
        return true;
    };
    let apart = |a: u64, b: u64| a == b || a.abs_diff(b) >= MIN_PERSONS;
    if now.recorded.abs_diff(recorded_before) < MIN_PERSONS {
        return false;
    }
    match before.attended {
        Some(attended_before) => {
            let absent_before = recorded_before - attended_before;
            apart(now.attended, attended_before) && apart(now.recorded.saturating_sub(now.attended), absent_before)
        }
        None => true,
    }
}

#[cfg(test)]
mod tests;
