//! (being written)

use crate::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
}

#[derive(OpenApi)]
#[openapi()]
pub struct Doc;
