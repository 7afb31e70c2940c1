//! The outbox page: every mail of the organisation with its delivery state (subjects
//! only, never bodies), filtered by status, and "retry now" for failed messages while
//! their text is kept.

use crate::error::WebError;
use crate::forms::FormState;
use crate::pages::Page;
use crate::pages::PathId;
use crate::services::outbox::{self, OutboxFilter};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::messages::MessageStatus;
use samla_domain::{FieldError, FieldErrors};
use std::collections::HashMap;

const PAGE_SIZE: i64 = 50;

pub async fn list(
    Page { state, ui, actor }: Page,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let raw_status = params.get("status").map(|s| s.trim()).unwrap_or("");
    let mut form = FormState::new().with_value("status", raw_status);
    let before_id = params.get("before").and_then(|v| v.parse::<i64>().ok()).filter(|v| *v > 0);
    let status = match raw_status {
        "" => Ok(None),
        raw => MessageStatus::parse(raw).map(Some).ok_or(FieldError::new("status", "error-choice")),
    };
    let (messages, code) = match status {
        Ok(status) => {
            let filter = OutboxFilter { status, before_id, limit: PAGE_SIZE };
            (outbox::list(&state, &actor, filter).await?, StatusCode::OK)
        }
        Err(error) => {
            outbox::authorize_outbox(&state, &actor).await?;
            form = form.with_errors(FieldErrors::single(error));
            (Vec::new(), StatusCode::UNPROCESSABLE_ENTITY)
        }
    };
    let next_link = match messages.last() {
        Some(last) if messages.len() as i64 == PAGE_SIZE => {
            let mut query = vec![("before", last.id.to_string())];
            if !raw_status.is_empty() {
                query.insert(0, ("status", raw_status.to_string()));
            }
            Some(format!("/outbox?{}", serde_urlencoded::to_string(&query).unwrap_or_default()))
        }
        _ => None,
    };
    let statuses: Vec<minijinja::Value> =
        std::iter::once(minijinja::context! { value => "", label => state.i18n.text(ui.lang, "any", &[]) })
            .chain(MessageStatus::ALL.iter().map(|s| {
                minijinja::context! {
                    value => s.as_str(),
                    label => state.i18n.text(ui.lang, &format!("outbox-status-{}", s.as_str()), &[]),
                }
            }))
            .collect();
    let now = state.clock.now();
    let context = minijinja::context! {
        form => ui.form(&state, &form),
        statuses => statuses,
        messages => messages.iter().map(|m| minijinja::context! {
            resendable_until => outbox::resendable_until(m, now),
            body_erased_at => m.body_erased_at,
            id => m.id,
            created_at => m.created_at,
            to => m.to_address.clone(),
            subject => m.subject.clone(),
            status => m.status,
            attempts => m.attempts,
            next_attempt_at => (m.status == MessageStatus::Queued && m.attempts > 0).then_some(m.next_attempt_at),
            last_error => m.last_error.clone(),
            sent_at => m.sent_at,
        }).collect::<Vec<_>>(),
        next_link => next_link,
        notice => params.get("saved").map(String::as_str).filter(|n| *n == "retried"),
        sends_mail => crate::outbox_worker::sends_mail(&state),
    };
    ui.render_status(&state, Some(&actor), code, "outbox.html", "outbox-title", context)
}

pub async fn retry(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    outbox::retry(&state, &actor, id).await?;
    Ok(Redirect::to("/outbox?saved=retried").into_response())
}
