//! The record of processing activities (GDPR art. 30), as a page to print.

use crate::error::WebError;
use crate::pages::Page;
use crate::services::privacy::processing as service;
use axum::response::Response;
use minijinja::{context, Value};

pub async fn show(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    let record = service::record(&state, &actor).await?;
    let context = context! { record => Value::from_serialize(&record) };
    ui.render(&state, Some(&actor), "privacy_processing.html", "processing-title", context)
}
