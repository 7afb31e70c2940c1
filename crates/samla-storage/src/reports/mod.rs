//! Storage reads for reports made from the data of a course.

pub mod course_report;
