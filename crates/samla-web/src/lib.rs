//! samla's web layer: server-rendered pages and the JSON API over the same services.
//!
//! - `http`: middleware (request ids, security headers, CSRF, error rendering) and the
//!   one mapping from [`WebError`] to HTTP.
//! - `auth`: who is asking (session cookie or bearer token) and the audited policy check.
//! - `services`: the use cases pages and API share; each is one transaction with its
//!   audit rows.
//! - `pages` and `api`: thin handlers per feature.

pub mod api;
pub mod auth;
pub mod charts;
mod clock;
mod error;
pub mod export;
mod forms;
mod http;
mod i18n;
pub mod org;
pub mod outbox_worker;
mod pages;
pub mod services;
mod spreadsheets;
mod state;
mod views;

pub use clock::Clock;
pub use error::WebError;
pub use i18n::I18n;
pub use outbox_worker::MailSettings;
pub use state::{AppState, WebConfig};

use axum::Router;

/// The whole application, as `main` and the tests start it.
pub fn app(state: AppState) -> Router {
    let router = Router::new().merge(pages::routes()).nest("/api/v1", api::routes()).fallback(http::not_found);
    http::apply(router, state.clone()).with_state(state)
}
