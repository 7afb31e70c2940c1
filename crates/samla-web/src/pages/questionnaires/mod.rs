//! Questionnaires and evaluations: the library, rounds, answering and results.

mod answering;
mod library;
pub(super) mod results;
mod rounds;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().merge(library::routes()).merge(rounds::routes()).merge(answering::routes()).merge(results::routes())
}
