//! Pages for running a course: today, the session (attendance, log, homework),
//! participants, meetings, concerns, the attendance overview and settings.

mod attendance;
mod concerns;
mod logs;
mod meetings;
mod observations;
pub(super) mod overview;
mod reminders;
mod settings;

use crate::AppState;
use axum::Router;

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
