//! Course planning rules: the schedule, staffing, budget and checklist, each a plain
//! function of its inputs.

pub mod budget;
pub mod checklist;
pub mod commands;
pub mod deviations;
pub mod ical;
pub mod lifecycle;
pub mod meetings;
pub mod schedule;
pub mod session;
pub mod staffing;
