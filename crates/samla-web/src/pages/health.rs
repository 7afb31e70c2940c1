use crate::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;

/// The process is alive; the database is not asked.
pub async fn healthz() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ok")
}

/// The database answers and its migrations are current.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let (status, body) = if state.store.is_ready().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    };
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
}

pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../static/samla.css"),
    )
}
