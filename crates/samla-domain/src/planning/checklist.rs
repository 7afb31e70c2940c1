//! The planning checklist: tasks with a responsible role and a due date relative to the
//! course's start ("8 weeks before").

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistTemplateItem {
    pub task: String,
    /// The course role that usually does it (coordinator, group_leader, …).
    pub responsible: String,
    /// Days relative to the first session: negative before, positive after.
    pub due_days: i32,
}

/// The real due date of a template item for a course starting on `start` (an offset
/// beyond what manuals may hold counts as the furthest they may).
pub fn due_date(item: &ChecklistTemplateItem, start: NaiveDate) -> NaiveDate {
    let limit = crate::programmes::MAX_OFFSET_DAYS;
    let days = Duration::days(item.due_days.clamp(-limit, limit) as i64);
    start.checked_add_signed(days).unwrap_or(start)
}

/// Whether an open task is overdue on `today`.
pub fn is_overdue(due: NaiveDate, done: bool, today: NaiveDate) -> bool {
    !done && due < today
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_beyond_the_limit_gives_a_date_instead_of_a_panic() {
        let item = |due_days| ChecklistTemplateItem { task: "x".into(), responsible: "coordinator".into(), due_days };
        let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        assert_eq!(due_date(&item(i32::MAX), start), start + Duration::days(730));
        assert_eq!(due_date(&item(i32::MIN), start), start - Duration::days(730));
    }

    #[test]
    fn eight_weeks_before_start() {
        let item = ChecklistTemplateItem { task: "Book room".into(), responsible: "coordinator".into(), due_days: -56 };
        let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        assert_eq!(due_date(&item, start), NaiveDate::from_ymd_opt(2026, 7, 7).unwrap());
        assert!(is_overdue(
            NaiveDate::from_ymd_opt(2026, 7, 7).unwrap(),
            false,
            NaiveDate::from_ymd_opt(2026, 7, 8).unwrap()
        ));
        assert!(!is_overdue(
            NaiveDate::from_ymd_opt(2026, 7, 7).unwrap(),
            true,
            NaiveDate::from_ymd_opt(2026, 7, 8).unwrap()
        ));
    }
}
