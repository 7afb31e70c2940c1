//! Everything a course page or API answer shows, computed in one place: schedule with
//! staff, staffing gaps and conflicts, checklist with overdue items, budget totals.

use super::{line_from_row, school_holidays};
use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use samla_domain::planning::budget::{self, CourseFigures};
use samla_domain::planning::checklist::is_overdue;
use samla_domain::planning::deviations::{self, Deviation};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::planning::staffing::{self, CourseRole, SessionStaff, StaffingGap};
use samla_domain::programmes::Manual;
use samla_storage::budgets::BudgetLineRow;
use samla_storage::checklists::ChecklistItem;
use samla_storage::course_deviations::{self, AcceptedDeviation};
use samla_storage::course_staff::StaffMember;
use samla_storage::courses::{Course, CourseSession};
use samla_storage::programmes::Programme;
use samla_storage::{budgets, checklists, course_staff, courses, programmes, StoreError};

pub struct SessionView {
    pub row: CourseSession,
    /// 1, 2, 3 … among the course's sessions (meetings have none).
    pub number: Option<usize>,
    pub staff: Vec<(StaffMember, bool)>,
    pub gaps: Vec<StaffingGap>,
    /// Other courses using the same room, or the same staff, at the same time.
    pub conflicts: Vec<String>,
}

pub struct CourseView {
    pub course: Course,
    pub status: CourseStatus,
    pub programme: Programme,
    pub programme_version: i64,
    pub manual: Manual,
    pub sessions: Vec<SessionView>,
    pub staff: Vec<StaffMember>,
    pub checklist: Vec<(ChecklistItem, bool)>,
    pub budget: Vec<(BudgetLineRow, Decimal)>,
    pub budget_total: Decimal,
    pub per_participant: Option<Decimal>,
    pub currency: &'static str,
    pub school_holidays: usize,
    /// The numbers the budget follows (leaders, planned sessions, participants).
    pub figures: CourseFigures,
    /// How the planned sessions differ from the programme's rules now, one per kind.
    pub deviations: Vec<Deviation>,
    /// Deviations a coordinator accepted, with the reason, who and when; oldest first.
    pub accepted_deviations: Vec<AcceptedDeviation>,
}

impl CourseView {
    /// The accepted deviations in the domain's terms.
    pub fn accepted(&self) -> Vec<Deviation> {
        accepted_in_domain(&self.accepted_deviations)
    }

    /// Current deviations no acceptance covers: what a move to ready, recruiting or
    /// running would need a reason for.
    pub fn open_deviations(&self) -> Vec<Deviation> {
        deviations::uncovered(&self.deviations, &self.accepted())
    }
}

/// Stored acceptances as domain deviations.
pub fn accepted_in_domain(rows: &[AcceptedDeviation]) -> Vec<Deviation> {
    let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    rows.iter()
        .map(|row| Deviation {
            kind: row.kind,
            sessions: count(row.sessions),
            fewest: count(row.fewest),
            needed: count(row.needed),
        })
        .collect()
}

pub async fn course_view(state: &AppState, actor: &Actor, course_id: i64) -> Result<CourseView, WebError> {
    let course = actor.on_course(state, samla_domain::Action::ViewCourses, course_id).await?.into_course();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let version = programmes::version_by_id(&mut conn, course.programme_version_id).await?;
    let programme = programmes::get_visible(&mut conn, actor.organisation.id, version.programme_id).await?;
    let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let staff = course_staff::members(&mut conn, course_id).await?;
    let assignments = course_staff::assignments(&mut conn, course_id).await?;
    let certified = programmes::certified_users(&mut conn, actor.organisation.id, programme.id).await?;
    let rows = courses::sessions(&mut conn, course_id).await?;
    let room_conflicts = courses::room_conflicts(&mut conn, actor.organisation.id, course_id, &course.venue).await?;
    let staff_conflicts = courses::staff_conflicts(&mut conn, course_id).await?;
    let mut sessions = Vec::with_capacity(rows.len());
    let mut number = 0;
    for row in rows {
        let assigned: Vec<(StaffMember, bool)> = assignments
            .iter()
            .filter(|(sid, _, _)| *sid == row.id)
            .filter_map(|(_, staff_id, sub)| staff.iter().find(|m| m.id == *staff_id).map(|m| (m.clone(), *sub != 0)))
            .collect();
        let is_session = row.kind.is_session();
        if is_session {
            number += 1;
        }
        let gaps = if is_session && row.status.is_planned() {
            let present = SessionStaff {
                leaders_certified: assigned
                    .iter()
                    .filter(|(m, _)| m.course_role == CourseRole::GroupLeader)
                    .map(|(m, _)| m.user_id.is_some_and(|u| certified.contains(&u)))
                    .collect(),
                user_representatives: assigned
                    .iter()
                    .filter(|(m, _)| m.course_role == CourseRole::UserRepresentative)
                    .count() as u32,
            };
            staffing::check(&manual.staffing, &present)
        } else {
            Vec::new()
        };
        let mut conflicts: Vec<String> =
            room_conflicts.iter().filter(|(session, _)| *session == row.id).map(|(_, name)| name.clone()).collect();
        for (member, _) in &assigned {
            let theirs =
                staff_conflicts.iter().filter(|(session, user, _)| *session == row.id && Some(*user) == member.user_id);
            conflicts.extend(theirs.map(|(_, _, name)| format!("{} – {name}", member.name)));
        }
        sessions.push(SessionView { number: is_session.then_some(number), row, staff: assigned, gaps, conflicts });
    }
    // Overdue from the organisation's midnight, not UTC's.
    let today = actor.organisation.today(&state.clock);
    let checklist = checklists::items(&mut conn, course_id)
        .await?
        .into_iter()
        .map(|item| {
            let due = NaiveDate::parse_from_str(&item.due_date, "%Y-%m-%d").unwrap_or(today);
            let overdue = is_overdue(due, item.done_at.is_some(), today);
            (item, overdue)
        })
        .collect();
    let figures = CourseFigures {
        leaders: staff
            .iter()
            .filter(|m| m.course_role == CourseRole::GroupLeader)
            .count()
            .max(manual.staffing.min_group_leaders as usize) as u32,
        sessions: sessions.iter().filter(|s| s.row.kind.is_session() && s.row.status.is_planned()).count() as u32,
        participants: course.capacity as u32,
    };
    let rows = budgets::lines(&mut conn, course_id).await?;
    let lines: Vec<budget::BudgetLine> = rows.iter().filter_map(line_from_row).collect();
    let totals = budget::totals(&lines, &figures);
    let budget = rows.into_iter().zip(totals.lines.iter().copied()).collect();
    let school_holidays = school_holidays(&mut conn, actor.organisation.id).await?.len();
    let accepted_deviations = course_deviations::accepted(&mut conn, course_id).await?;
    drop(conn);
    let current_deviations = deviations::deviations(sessions.iter().map(|s| s.gaps.as_slice()));
    actor.read_personal(state, samla_domain::Action::ViewCourses, "course.view", "course", course_id).await?;
    Ok(CourseView {
        status: course.status,
        course,
        programme_version: version.version,
        programme,
        manual,
        sessions,
        staff,
        checklist,
        budget,
        budget_total: totals.total,
        per_participant: totals.per_participant,
        currency: actor.organisation.country.currency(),
        school_holidays,
        figures,
        deviations: current_deviations,
        accepted_deviations,
    })
}
