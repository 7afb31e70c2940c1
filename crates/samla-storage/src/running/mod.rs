//! Storage for running a course: attendance, logs and homework, observations, meeting
//! records, concern reports, reminders, absence follow-up and dropouts.

pub mod attendance;
pub mod concerns;
pub mod homework;
pub mod logs;
pub mod meetings;
pub mod observations;
pub mod overview;
pub mod reminders;
pub mod settings;
