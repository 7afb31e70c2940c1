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
