use crate::error::WebError;
use crate::forms::FormState;
use crate::pages::Page;
use crate::services::audit;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, TimeZone};
use samla_domain::audit::Outcome;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::audit::AuditQuery;
use std::collections::HashMap;

const PAGE_SIZE: i64 = 100;

/// Parses the search form (all fields optional) into a query; every bad field is named.
pub fn parse_query(params: &HashMap<String, String>, tz: chrono_tz::Tz) -> Result<AuditQuery, FieldErrors> {
    let text = |name: &str| params.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let mut errors = FieldErrors::new();
    let actor = errors.take(match text("user") {
        Some(v) => v.parse::<i64>().map(Some).map_err(|_| FieldError::new("user", "error-number")),
        None => Ok(None),
    });
    let outcome = errors.take(match text("outcome") {
        Some(v) => {
            Outcome::parse(&v).map(|o| Some(o.as_str().to_string())).ok_or(FieldError::new("outcome", "error-choice"))
        }
        None => Ok(None),
    });
    let mut day = |name: &str, end_of_day: bool| {
        errors.take(match text(name) {
            Some(v) => NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .ok()
                .and_then(|d| if end_of_day { d.and_hms_opt(23, 59, 59) } else { d.and_hms_opt(0, 0, 0) })
                .and_then(|dt| tz.from_local_datetime(&dt).earliest())
                .map(|dt| Some(dt.timestamp()))
                .ok_or(FieldError::new(name, "error-date")),
            None => Ok(None),
        })
    };
    let from = day("from", false);
    let to = day("to", true);
    let before = params.get("before").and_then(|v| v.parse::<i64>().ok());
    errors.finish(|| AuditQuery {
        organisation_id: 0,
        actor_user_id: actor.flatten(),
        action: text("action"),
        record_type: text("record_type"),
        record_id: text("record_id"),
        outcome: outcome.flatten(),
        from: from.flatten(),
        to: to.flatten(),
        before_seq: before,
        limit: PAGE_SIZE,
    })
}

pub async fn search(
    Page { state, ui, actor }: Page,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let tz = actor.organisation.timezone();
    let mut form = FormState::new();
    for name in ["user", "action", "record_type", "record_id", "outcome", "from", "to"] {
        if let Some(value) = params.get(name) {
            form = form.with_value(name, value);
        }
    }
    let (rows, status) = match parse_query(&params, tz) {
        Ok(query) => (audit::search(&state, &actor, query).await?, StatusCode::OK),
        Err(errors) => {
            actor.authorize(&state, samla_domain::Action::ViewAuditLog).await?;
            form = form.with_errors(errors);
            (Vec::new(), StatusCode::UNPROCESSABLE_ENTITY)
        }
    };
    let next_before = if rows.len() as i64 == PAGE_SIZE { rows.last().map(|r| r.seq) } else { None };
    let mut next_query: Vec<(String, String)> =
        params.iter().filter(|(k, _)| k.as_str() != "before").map(|(k, v)| (k.clone(), v.clone())).collect();
    next_query.sort();
    if let Some(before) = next_before {
        next_query.push(("before".into(), before.to_string()));
    }
    let context = minijinja::context! {
        form => ui.form(&state, &form),
        rows => rows,
        next_link => next_before.map(|_| format!("/admin/audit?{}", serde_urlencoded::to_string(&next_query).unwrap_or_default())),
        outcomes => ["success", "failure", "denied"],
    };
    ui.render_status(&state, Some(&actor), status, "admin_audit.html", "audit-title", context)
}
