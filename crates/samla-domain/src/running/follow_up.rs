//! When a leader is asked to contact a family: once per run of absences that reaches the
//! organisation's threshold ([`super::attendance::needs_follow_up`]), not again while
//! that task is open, and not again for the same run after it was done.

use super::attendance::{absences_in_a_row, needs_follow_up, Attendance};

/// What is known of a task already made for the participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownTask {
    /// Unix seconds.
    pub created_at: i64,
    pub open: bool,
}

/// The number of absences in a row to put on a new task, or `None` when no task is due.
///
/// `history` is the participant's attendance at the held sessions they were on the sheet
/// for, in order. `last_attended_recorded_at` is when the sheet of the latest session
/// they attended was saved (`None` if they have attended none): a task made after that
/// moment belongs to the current run of absences, so the family has been, or is being,
/// contacted about it already. A tie counts as an earlier run, so a run is never left
/// without a task.
pub fn task_due(
    history: &[Option<Attendance>],
    threshold: u32,
    last_attended_recorded_at: Option<i64>,
    tasks: &[KnownTask],
) -> Option<u32> {
    if !needs_follow_up(history, threshold) {
        return None;
    }
    let asked_this_run = tasks.iter().any(|task| match last_attended_recorded_at {
        Some(at) => task.created_at > at,
        None => true,
    });
    if asked_this_run || tasks.iter().any(|task| task.open) {
        return None;
    }
    Some(absences_in_a_row(history))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Attendance::*;

    const AWAY: Option<Attendance> = Some(AbsentWithoutNotice);
    const NOTICE: Option<Attendance> = Some(AbsentWithNotice);
    const HERE: Option<Attendance> = Some(Present);

    fn task(created_at: i64, open: bool) -> KnownTask {
        KnownTask { created_at, open }
    }

    #[test]
    fn due_at_the_threshold_and_not_before() {
        assert_eq!(task_due(&[HERE, AWAY], 2, Some(10), &[]), None);
        assert_eq!(task_due(&[HERE, AWAY, NOTICE], 2, Some(10), &[]), Some(2));
        assert_eq!(task_due(&[HERE, AWAY, NOTICE, AWAY], 2, Some(10), &[]), Some(3));
        assert_eq!(task_due(&[AWAY, AWAY], 2, None, &[]), Some(2));
        assert_eq!(task_due(&[AWAY, AWAY, AWAY], 0, None, &[]), None, "0 turns follow-up off");
        assert_eq!(task_due(&[AWAY, Some(Late)], 1, Some(10), &[]), None, "late is attending");
    }

    #[test]
    fn not_while_a_task_is_open() {
        assert_eq!(task_due(&[HERE, AWAY, AWAY], 2, Some(10), &[task(5, true)]), None);
    }

    #[test]
    fn once_per_run_of_absences() {
        let run = [HERE, AWAY, AWAY, AWAY];
        // Asked (and done) during this run: not again.
        assert_eq!(task_due(&run, 2, Some(10), &[task(20, false)]), None);
        // Asked during an earlier run, before the latest attendance was recorded: again.
        assert_eq!(task_due(&run, 2, Some(10), &[task(5, false)]), Some(3));
        // Recorded in the same second: counted as the earlier run.
        assert_eq!(task_due(&run, 2, Some(10), &[task(10, false)]), Some(3));
        // Never attended: every task was about this one run.
        assert_eq!(task_due(&[AWAY, AWAY], 2, None, &[task(1, false)]), None);
    }
}
