//! The API for running a course. Each feature has its own routes and OpenAPI paths,
//! merged here into the one document.

mod attendance;
mod concerns;
mod logs;
mod meetings;
mod observations;
mod overview;

pub(in crate::api) use overview::DropoutReasonName;
mod reminders;
mod settings;

use crate::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(attendance::routes())
        .merge(logs::routes())
        .merge(observations::routes())
        .merge(meetings::routes())
        .merge(concerns::routes())
        .merge(reminders::routes())
        .merge(overview::routes())
        .merge(settings::routes())
}

/// The running-a-course part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut document = attendance::Doc::openapi();
    document.merge(logs::Doc::openapi());
    document.merge(observations::Doc::openapi());
    document.merge(meetings::Doc::openapi());
    document.merge(concerns::Doc::openapi());
    document.merge(reminders::Doc::openapi());
    document.merge(overview::Doc::openapi());
    document.merge(settings::Doc::openapi());
    document
}
