//! Questionnaires and evaluations: the library, rounds, answering and results.

mod answering;
mod library;
mod results;
mod rounds;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().merge(library::routes()).merge(rounds::routes()).merge(answering::routes()).merge(results::routes())
}

/// The questionnaires part of the OpenAPI document.
pub fn document() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut document = library::Doc::openapi();
    document.merge(rounds::Doc::openapi());
    document.merge(answering::Doc::openapi());
    document.merge(results::Doc::openapi());
    document
}
