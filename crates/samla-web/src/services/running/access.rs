//! Whether a course is still open for running records (who may write them is
//! [`crate::services::course_access`]'s question).

use samla_domain::planning::lifecycle::CourseStatus;
use samla_storage::courses::Course;

/// Whether nothing more may be recorded on the course.
pub fn is_closed(course: &Course) -> bool {
    matches!(CourseStatus::parse(&course.status), Some(CourseStatus::Archived | CourseStatus::Cancelled))
}
