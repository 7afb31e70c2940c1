use super::{ApiQuery, OrgCaller, Page, Problem};
use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::error::WebError;
use crate::services::audit;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub seq: i64,
    /// Unix seconds.
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_role: Option<String>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// success, failure or denied.
    pub outcome: String,
    pub request_id: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeName {
    Success,
    Failure,
    Denied,
}

impl OutcomeName {
    fn as_str(self) -> &'static str {
        match self {
            OutcomeName::Success => "success",
            OutcomeName::Failure => "failure",
            OutcomeName::Denied => "denied",
        }
    }
}

page_params! {
    undocumented limit:
    pub struct AuditParams {
        /// Only this action, e.g. `login.password`.
        #[param(pattern = r"^[^\x00]*$")]
        pub action: Option<String>,
        #[param(pattern = r"^[^\x00]*$")]
        pub record_type: Option<String>,
        #[param(pattern = r"^[^\x00]*$")]
        pub record_id: Option<String>,
        /// Only rows by this person (their id).
        #[param(minimum = 1)]
        pub user: Option<i64>,
        pub outcome: Option<OutcomeName>,
        /// First day, YYYY-MM-DD, in the organisation's time zone.
        #[param(value_type = Option<String>, format = Date)]
        pub from: Option<String>,
        /// Last day, YYYY-MM-DD.
        #[param(value_type = Option<String>, format = Date)]
        pub to: Option<String>,
    }
}

/// Searches the organisation's audit trail, newest first (administrators). The search
/// is itself audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/audit", operation_id = "searchAudit", tag = "audit",
    params(OrgSlug, AuditParams),
    responses(
        (status = 200, description = "A page of audit rows", body = Page<AuditEntry>),
        OrganisationProblems,
        (status = 422, description = "Invalid filters", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search_audit(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<AuditParams>,
) -> Result<Json<Page<AuditEntry>>, WebError> {
    let (limit, cursor) = params.page_bounds()?;
    // No stored text holds U+0000 (PostgreSQL cannot store it), so no filter may.
    for (name, value) in
        [("action", &params.action), ("record_type", &params.record_type), ("record_id", &params.record_id)]
    {
        if value.as_deref().is_some_and(|v| v.contains('\0')) {
            return Err(WebError::Invalid(samla_domain::FieldErrors::single(samla_domain::FieldError::new(
                name,
                "error-invalid-characters",
            ))));
        }
    }
    // Ids start at 1, as the schema says.
    if params.user.is_some_and(|user| user < 1) {
        return Err(WebError::Invalid(samla_domain::FieldErrors::single(samla_domain::FieldError::new(
            "user",
            "error-number",
        ))));
    }
    // The page's filter form sends empty fields for "any"; the API names dates or nothing.
    for (name, value) in [("from", &params.from), ("to", &params.to)] {
        if value.as_deref() == Some("") {
            return Err(WebError::Invalid(samla_domain::FieldErrors::single(samla_domain::FieldError::new(
                name,
                "error-date",
            ))));
        }
    }
    let tz = actor.organisation.timezone();
    let mut filters = HashMap::new();
    let user = params.user.map(|u| u.to_string());
    let outcome = params.outcome.map(|o| o.as_str().to_string());
    for (name, value) in [
        ("action", &params.action),
        ("record_type", &params.record_type),
        ("record_id", &params.record_id),
        ("user", &user),
        ("outcome", &outcome),
        ("from", &params.from),
        ("to", &params.to),
    ] {
        if let Some(value) = value {
            filters.insert(name.to_string(), value.clone());
        }
    }
    let mut query = crate::pages::parse_audit_query(&filters, tz)?;
    query.limit = limit;
    query.before_seq = cursor;
    let rows = audit::search(&state, &actor, query).await?;
    let next_cursor = if rows.len() as i64 == limit { rows.last().map(|r| r.seq.to_string()) } else { None };
    Ok(Json(Page {
        items: rows
            .into_iter()
            .map(|r| AuditEntry {
                seq: r.seq,
                at: r.at,
                actor_user_id: r.actor_user_id,
                actor_role: r.actor_role,
                action: r.action,
                record_type: r.record_type,
                record_id: r.record_id,
                outcome: r.outcome,
                request_id: r.request_id,
            })
            .collect(),
        next_cursor,
    }))
}
