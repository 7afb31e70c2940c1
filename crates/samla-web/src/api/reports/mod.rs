//! Reports made from the data of a course, and a programme's statistics.

mod course_report;
mod national;
mod national_pooled;
mod national_trend;
mod programme_statistics;
mod statistics_imports;
mod statistics_submissions;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(course_report::routes())
        .merge(programme_statistics::routes())
        .merge(national::routes())
        .merge(national_pooled::routes())
        .merge(national_trend::routes())
        .merge(statistics_imports::routes())
        .merge(statistics_submissions::routes())
}

/// The reports part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut document = course_report::Doc::openapi();
    document.merge(programme_statistics::Doc::openapi());
    document.merge(national::Doc::openapi());
    document.merge(national_pooled::Doc::openapi());
    document.merge(national_trend::Doc::openapi());
    document.merge(statistics_imports::Doc::openapi());
    document.merge(statistics_submissions::Doc::openapi());
    document
}
