//! The organisation's outbox: outgoing mail and its delivery state (coordinators and
//! secretaries). Bodies are not part of the API, only subjects; samla erases a body once
//! the message is sent, and a week after it failed.

use super::extract::Id;
use super::{ApiQuery, OrgCaller, Page, Problem};
use crate::api::conventions::{InvalidPaging, OrgSlug, OrganisationProblems, StandardProblems};
use crate::error::WebError;
use crate::services::outbox::{self, OutboxFilter};
use axum::Json;
use samla_domain::messages::MessageStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting to be sent, for the first time or again after a failed attempt.
    Queued,
    Sent,
    /// Every attempt failed; retryOutboxMessage sends it again until `resendable_until`.
    Failed,
}

impl From<OutboxStatus> for MessageStatus {
    fn from(status: OutboxStatus) -> Self {
        match status {
            OutboxStatus::Queued => MessageStatus::Queued,
            OutboxStatus::Sent => MessageStatus::Sent,
            OutboxStatus::Failed => MessageStatus::Failed,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OutboxMessage {
    pub id: i64,
    /// The recipient's address.
    pub to: String,
    pub subject: String,
    /// The message key, e.g. `application-receipt`.
    pub template: String,
    /// nb or en.
    pub language: String,
    /// queued, sent or failed.
    pub status: String,
    /// Delivery attempts so far.
    pub attempts: i64,
    /// Unix seconds of the next attempt, while queued.
    pub next_attempt_at: Option<i64>,
    pub last_error: Option<String>,
    /// The kind of record the message is about, e.g. `application`.
    pub related_type: Option<String>,
    pub related_id: Option<i64>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub sent_at: Option<i64>,
    /// Unix seconds: until when a failed message can be sent again (retryOutboxMessage).
    /// Absent when it cannot (not failed, or failed more than 7 days ago).
    pub resendable_until: Option<i64>,
    /// Unix seconds: when samla erased the message's text, which may hold a personal
    /// link. A message's text is erased when it is sent, and 7 days after it failed.
    pub body_erased_at: Option<i64>,
}

impl OutboxMessage {
    fn at(m: samla_storage::outbox::OutboxMessage, now: i64) -> Self {
        OutboxMessage {
            resendable_until: outbox::resendable_until(&m, now),
            body_erased_at: m.body_erased_at,
            next_attempt_at: (m.status == MessageStatus::Queued).then_some(m.next_attempt_at),
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            template: m.template,
            language: m.language,
            status: m.status.as_str().to_string(),
            attempts: m.attempts,
            last_error: m.last_error,
            related_type: m.related_type,
            related_id: m.related_id,
            created_at: m.created_at,
            sent_at: m.sent_at,
        }
    }
}

page_params! {
    pub struct OutboxParams {
        /// Only messages with this status.
        pub status: Option<OutboxStatus>,
    }
}

/// The organisation's outgoing mail, newest first. Shows recipients' addresses, so each
/// call is audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/outbox", operation_id = "listOutboxMessages", tag = "outbox",
    params(OrgSlug, OutboxParams),
    responses(
        (status = 200, description = "A page of messages", body = Page<OutboxMessage>),
        OrganisationProblems,
        InvalidPaging,
    ))]
pub async fn list_outbox_messages(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<OutboxParams>,
) -> Result<Json<Page<OutboxMessage>>, WebError> {
    let (limit, cursor) = params.page_bounds()?;
    let filter = OutboxFilter { status: params.status.map(MessageStatus::from), before_id: cursor, limit };
    let messages = outbox::list(&state, &actor, filter).await?;
    let next_cursor = if messages.len() as i64 == limit { messages.last().map(|m| m.id.to_string()) } else { None };
    let now = state.clock.now();
    Ok(Json(Page { items: messages.into_iter().map(|m| OutboxMessage::at(m, now)).collect(), next_cursor }))
}

/// Sends a failed message again now: it gets one more attempt. Possible for 7 days after
/// the message first failed; then its text is erased (409).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/outbox/{message_id}/retry", operation_id = "retryOutboxMessage", tag = "outbox",
    params(OrgSlug, ("message_id" = i64, Path, description = "The message's id")),
    responses(
        (status = 200, description = "Queued again", body = OutboxMessage),
        StandardProblems,
        (status = 404, description = "No such message here", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The message has not failed (queued or sent), or failed more than 7 days ago and its text is erased", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn retry_outbox_message(
    OrgCaller(state, actor, Id(message_id)): OrgCaller<Id>,
) -> Result<Json<OutboxMessage>, WebError> {
    let message = outbox::retry(&state, &actor, message_id).await?;
    Ok(Json(OutboxMessage::at(message, state.clock.now())))
}
