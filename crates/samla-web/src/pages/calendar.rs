use crate::error::WebError;
use crate::services::calendar;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;

/// A calendar feed for calendar apps, at its secret address (`/calendar/SECRET.ics`).
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Result<impl IntoResponse, WebError> {
    let secret = file.strip_suffix(".ics").ok_or(WebError::NotFound)?;
    let body = calendar::feed(&state, secret).await?;
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body))
}
