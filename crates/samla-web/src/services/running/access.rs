//! Whether a course is still open for running records (who may write them is
//! [`crate::services::course_access`]'s question).

use samla_storage::courses::Course;

/// Whether nothing more may be recorded on the course.
pub fn is_closed(course: &Course) -> bool {
    course.status.is_closed()
}
