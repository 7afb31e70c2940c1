//! A session's plan from the programme's manual, as a leader needs it before and during
//! the session: theme, segments with minutes, goals, what to do, the homework to give and
//! the homework from last time to review, materials.

use samla_domain::planning::session::{SessionKind, SessionStatus};
use samla_domain::programmes::Manual;
use samla_storage::courses::CourseSession;
use samla_storage::running::attendance::RunningSession;
use serde::Serialize;

/// One planned part of a session, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = SessionPlanSegment)]
pub struct Segment {
    pub name: String,
    pub minutes: u32,
}

/// A session's plan from the programme's manual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = SessionPlan)]
pub struct PlanView {
    /// The session's number in the programme.
    pub number: u32,
    pub title: String,
    pub duration_minutes: u32,
    /// The planned elements, in order.
    pub segments: Vec<Segment>,
    pub goals: Vec<String>,
    pub content: Vec<String>,
    /// Homework to give at this session.
    pub homework: Option<String>,
    /// Homework given at the previous session, to review at this one.
    pub review_homework: Option<String>,
    pub materials: Vec<String>,
}

/// One of a course's sessions, as far as the plan cares; a course's slots are given in
/// time order.
#[derive(Debug, Clone, Copy)]
pub struct PlannedSlot {
    pub id: i64,
    pub kind: SessionKind,
    pub status: SessionStatus,
    pub programme_session: Option<i64>,
}

impl From<&CourseSession> for PlannedSlot {
    fn from(row: &CourseSession) -> Self {
        PlannedSlot { id: row.id, kind: row.kind, status: row.status, programme_session: row.programme_session }
    }
}

impl From<&RunningSession> for PlannedSlot {
    fn from(row: &RunningSession) -> Self {
        PlannedSlot { id: row.id, kind: row.kind, status: row.status, programme_session: row.programme_session }
    }
}

fn number_of(slot: &PlannedSlot) -> Option<u32> {
    slot.programme_session.and_then(|n| u32::try_from(n).ok())
}

/// The plan of session `session_id` among the course's `slots`: none for meetings and for
/// sessions the manual does not describe. The homework to review is the one the manual
/// gives for the last session held before this one (cancelled sessions were not held).
pub fn session_plan(manual: &Manual, slots: &[PlannedSlot], session_id: i64) -> Option<PlanView> {
    let at = slots.iter().position(|s| s.id == session_id)?;
    let slot = slots[at];
    if !slot.kind.is_session() {
        return None;
    }
    let plan = manual.session(number_of(&slot)?)?;
    let review_homework = slots[..at]
        .iter()
        .rev()
        .filter(|s| s.kind.is_session() && !s.status.is_cancelled())
        .find_map(|s| manual.session(number_of(s)?))
        .and_then(|previous| previous.homework.clone());
    Some(PlanView {
        number: plan.number,
        title: plan.title.clone(),
        duration_minutes: plan.duration_minutes,
        segments: plan.segments.iter().map(|s| Segment { name: s.name.clone(), minutes: s.minutes }).collect(),
        goals: plan.goals.clone(),
        content: plan.content.clone(),
        homework: plan.homework.clone(),
        review_homework,
        materials: plan.materials.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use SessionKind::{Meeting, Session};
    use SessionStatus::{Cancelled, Planned};

    fn manual() -> Manual {
        let (_, source) =
            samla_domain::programmes::shipped::SHIPPED.iter().find(|(slug, _)| *slug == "mestringstreff").unwrap();
        Manual::from_toml(source).unwrap()
    }

    fn slot(id: i64, kind: SessionKind, status: SessionStatus, number: Option<i64>) -> PlannedSlot {
        PlannedSlot { id, kind, status, programme_session: number }
    }

    #[test]
    fn a_session_gets_its_plan_and_last_times_homework() {
        let manual = manual();
        let slots = [
            slot(10, Session, Planned, Some(1)),
            slot(11, Meeting, Planned, None),
            slot(12, Session, Planned, Some(2)),
        ];
        let first = session_plan(&manual, &slots, 10).unwrap();
        assert_eq!(first.title, manual.sessions[0].title);
        assert_eq!(first.review_homework, None, "nothing to review at the first session");
        assert!(!first.segments.is_empty(), "Mestringstreff plans its segments");
        let second = session_plan(&manual, &slots, 12).unwrap();
        assert_eq!(second.number, 2);
        assert_eq!(second.review_homework, manual.sessions[0].homework);
        assert_eq!(session_plan(&manual, &slots, 11), None, "meetings have no session plan");
        assert_eq!(session_plan(&manual, &slots, 99), None);
    }

    #[test]
    fn a_cancelled_session_gave_no_homework() {
        let manual = manual();
        let slots = [
            slot(1, Session, Planned, Some(1)),
            slot(2, Session, Cancelled, Some(2)),
            slot(3, Session, Planned, Some(3)),
        ];
        assert_eq!(session_plan(&manual, &slots, 3).unwrap().review_homework, manual.sessions[0].homework);
        let unplanned = [slot(4, Session, Planned, None), slot(5, Session, Planned, Some(40))];
        assert_eq!(session_plan(&manual, &unplanned, 4), None);
        assert_eq!(session_plan(&manual, &unplanned, 5), None, "a number the manual does not have");
    }
}
