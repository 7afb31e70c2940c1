//! Running a course: what leaders record before, during and after each session, and
//! what follows from it (tasks, reminders, summaries). Rules live in
//! `samla_domain::running`; access is decided by the policy.

pub mod access;
pub mod attendance;
pub mod changes;
pub mod concerns;
pub mod logs;
pub mod meetings;
pub mod observations;
pub mod overview;
pub mod reminders;
pub mod settings;

/// Which saved record (an attendance sheet, a session log, a meeting record) a save
/// replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaces {
    /// The version the sender saw (0: nothing saved yet).
    Version(i64),
    /// Whatever is saved when the save is made (`If-Match: *`), nothing saved being refused:
    /// compared inside the save's transaction, so saves at the same moment do not refuse
    /// each other.
    AnySaved,
}
