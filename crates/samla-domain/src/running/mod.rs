//! The rules of running a course: what a leader records before, during and after each
//! session, and what follows from it.
//!
//! This layer decides
//! - whether an attendance sheet is complete and consistent ([`attendance::validate_sheet`]):
//!   every enrolled participant exactly once, nobody else, only the course's staff, sane adult
//!   counts; so one save is the whole group and a half-filled sheet is never stored;
//! - what counts as attending and as an absence, how many absences in a row call for a
//!   follow-up with the family, and a participant's "attended x of y"
//!   ([`attendance::summarise`]);
//! - what a session log (GJORT / LÆRT / LURT, deviations, next time) may contain and how
//!   faithful to the plan a session was ([`log::fidelity`]);
//! - whether the staff who actually came met the programme's staffing rules
//!   ([`staff_presence`], the same rule as planning uses, applied after the fact);
//! - when a reminder is due before a session and when a session's log is overdue
//!   ([`reminders`]), given the clock as an argument so tests control time.
//!
//! It does not decide who may see or record any of this (that is [`crate::policy`]) and it
//! stores nothing.

pub mod attendance;
pub mod attendance_scope;
pub mod changes;
pub mod concerns;
pub mod dropout;
pub mod follow_up;
pub mod homework;
pub mod log;
pub mod log_window;
pub mod meetings;
pub mod observation;
pub mod reminders;
pub mod staff_presence;
