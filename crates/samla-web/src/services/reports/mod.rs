//! Reports made from the data of a course, and a programme's statistics over its courses.

pub mod course_report;
pub mod programme_statistics;
