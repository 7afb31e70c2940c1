//! Reports made from the data of a course.

mod course_report;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().merge(course_report::routes())
}
