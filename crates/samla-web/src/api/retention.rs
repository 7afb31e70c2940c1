//! How long personal data is kept, over JSON: the rules, what goes in the next 30 days
//! with its holds, the deletion report; setting a rule, holding a record, lifting a hold.

use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::privacy::retention::{self as service, DueRecord, Rule};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use samla_domain::privacy::retention::RetentionKind;
use samla_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ORG: &str = "/organisations/{org}/retention";
    Router::new()
        .route(ORG, get(get_retention))
        .route(&format!("{ORG}/rules/{{kind}}"), put(set_retention_rule))
        .route(&format!("{ORG}/holds"), post(hold_retention_record))
        .route(&format!("{ORG}/holds/{{hold_id}}"), delete(release_retention_hold))
        .route(&format!("{ORG}/erasures"), post(erase_application_on_request))
}

#[derive(OpenApi)]
#[openapi(paths(
    get_retention,
    set_retention_rule,
    hold_retention_record,
    release_retention_hold,
    erase_application_on_request
))]
pub struct Doc;

/// A kind of record and how long it is kept.
#[derive(Serialize, ToSchema)]
pub struct RetentionRule {
    /// unplaced_applications or sent_mail.
    pub kind: String,
    pub months: u32,
    /// Whether the organisation chose it; false: samla's default.
    pub chosen: bool,
    pub default_months: u32,
    /// The shortest rule accepted, and the law it follows from where one is known.
    pub minimum_months: u32,
    pub law: Option<String>,
}

fn rule_json(rule: &Rule) -> RetentionRule {
    let (minimum_months, law) = rule.kind.minimum_months();
    RetentionRule {
        kind: rule.kind.as_str().to_string(),
        months: rule.months,
        chosen: rule.chosen,
        default_months: rule.kind.default_months(),
        minimum_months,
        law: law.map(str::to_string),
    }
}

/// A hold that keeps a record past its rule.
#[derive(Serialize, ToSchema)]
pub struct RetentionHold {
    pub id: i64,
    pub reason: String,
    pub held_by_name: Option<String>,
    /// Unix seconds.
    pub held_at: i64,
}

/// A record that goes within 30 days, or is held past its day.
#[derive(Serialize, ToSchema)]
pub struct DueRetentionRecord {
    pub kind: String,
    pub record_id: i64,
    /// The application's reference, the mail's subject, or the course of the observations
    /// (never a person's name).
    pub label: String,
    /// The application's stage, the mail's status, or how many observations.
    pub state: String,
    #[schema(format = Date)]
    pub counted_from: String,
    #[schema(format = Date)]
    pub removed_on: String,
    pub hold: Option<RetentionHold>,
}

fn due_json(due: &DueRecord) -> DueRetentionRecord {
    DueRetentionRecord {
        kind: due.kind.as_str().to_string(),
        record_id: due.record.id,
        label: due.record.label.clone(),
        state: due.record.state.clone(),
        counted_from: due.started_on.to_string(),
        removed_on: due.due_on.to_string(),
        hold: due.hold.as_ref().map(|h| RetentionHold {
            id: h.id,
            reason: h.reason.clone(),
            held_by_name: h.held_by_name.clone(),
            held_at: h.held_at,
        }),
    }
}

/// How many records a rule removed in a year.
#[derive(Serialize, ToSchema)]
pub struct RemovedUnderRule {
    pub kind: String,
    pub months: i64,
    pub removed: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RemovedInYear {
    pub year: i32,
    pub rules: Vec<RemovedUnderRule>,
}

#[derive(Serialize, ToSchema)]
pub struct Retention {
    pub rules: Vec<RetentionRule>,
    pub due: Vec<DueRetentionRecord>,
    /// This year and the two before.
    pub removed: Vec<RemovedInYear>,
}

/// The retention rules, what they remove in the next 30 days (and what is held past its
/// day), and what each rule removed per year. References and dates, never a name.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/retention", operation_id = "getRetention", tag = "privacy",
    params(OrgSlug),
    responses(
        (status = 200, description = "The rules, what goes next and the report", body = Retention),
        OrganisationProblems,
    ))]
pub async fn get_retention(OrgCaller(state, actor, _): OrgCaller) -> Result<Json<Retention>, WebError> {
    let overview = service::overview(&state, &actor).await?;
    Ok(Json(Retention {
        rules: overview.rules.iter().map(rule_json).collect(),
        due: overview.due.iter().map(due_json).collect(),
        removed: overview
            .report
            .into_iter()
            .map(|(year, counts)| RemovedInYear {
                year,
                rules: counts
                    .into_iter()
                    .map(|c| RemovedUnderRule { kind: c.kind, months: c.months, removed: c.removed })
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionRuleChange {
    /// From the kind's minimum to 120.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 120)]
    pub months: i64,
}

/// Sets how many months a kind of record is kept. Shorter than the law allows answers 422
/// naming the law.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/retention/rules/{kind}", operation_id = "setRetentionRule", tag = "privacy",
    params(OrgSlug, ("kind" = String, Path, description = "unplaced_applications, sent_mail or observations", max_length = 40)),
    request_body = RetentionRuleChange,
    responses(
        (status = 200, description = "Saved", body = RetentionRule),
        OrganisationProblems,
        (status = 422, description = "Months out of range, e.g. shorter than the law allows", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn set_retention_rule(
    OrgCaller(state, actor, kind): OrgCaller<String>,
    ApiJson(body): ApiJson<RetentionRuleChange>,
) -> Result<Json<RetentionRule>, WebError> {
    // The service names a refused rule by its kind (the page has a field per kind); here
    // the field is the body's `months`.
    let rules =
        service::set_rules(&state, &actor, &[(&kind, &body.months.to_string())]).await.map_err(
            |error| match error {
                WebError::Invalid(errors) => WebError::Invalid(FieldErrors(
                    errors.0.into_iter().map(|e| FieldError { field: "months".into(), ..e }).collect(),
                )),
                other => other,
            },
        )?;
    rules.first().map(|rule| Json(rule_json(rule))).ok_or(WebError::NotFound)
}

/// A kind of record a retention rule covers.
#[derive(Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RetentionKindName {
    UnplacedApplications,
    SentMail,
    Observations,
}

impl From<RetentionKindName> for RetentionKind {
    fn from(name: RetentionKindName) -> Self {
        match name {
            RetentionKindName::UnplacedApplications => RetentionKind::UnplacedApplications,
            RetentionKindName::SentMail => RetentionKind::SentMail,
            RetentionKindName::Observations => RetentionKind::Observations,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRetentionHold {
    pub kind: RetentionKindName,
    /// A record of that kind that a rule counts (see getRetention).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub record_id: i64,
    /// Why it must be kept; required, shown with the hold.
    #[schema(max_length = 1000, format = "required_text")]
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct HeldRecord {
    pub id: i64,
}

/// Holds a record past its rule, with the reason (a legal hold).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/retention/holds", operation_id = "holdRetentionRecord", tag = "privacy",
    params(OrgSlug),
    request_body = NewRetentionHold,
    responses(
        (status = 201, description = "Held", body = HeldRecord),
        OrganisationProblems,
        (status = 409, description = "Held already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn hold_retention_record(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewRetentionHold>,
) -> Result<impl IntoResponse, WebError> {
    let kind = RetentionKind::from(body.kind).as_str();
    let id = service::hold(&state, &actor, kind, body.record_id, &body.reason).await?;
    Ok((StatusCode::CREATED, Json(HeldRecord { id })))
}

/// Lifts a hold: the record goes at the next daily run if its day has passed.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/retention/holds/{hold_id}", operation_id = "releaseRetentionHold", tag = "privacy",
    params(OrgSlug, ("hold_id" = i64, Path, description = "The hold's id", minimum = 1)),
    responses(
        (status = 204, description = "Lifted"),
        OrganisationProblems,
    ))]
pub async fn release_retention_hold(
    OrgCaller(state, actor, Id(hold_id)): OrgCaller<Id>,
) -> Result<StatusCode, WebError> {
    service::release(&state, &actor, hold_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ErasureRequest {
    /// The application's reference (K7QM-3XHT; case, spaces and dashes do not matter).
    #[schema(max_length = 40, format = "required_line")]
    pub reference: String,
}

/// Erases an application that did not lead to a place at once, on the family's request,
/// with everything that belongs only to it (as its rule would later). Cannot be undone.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/retention/erasures", operation_id = "eraseApplicationOnRequest", tag = "privacy",
    params(OrgSlug),
    request_body = ErasureRequest,
    responses(
        (status = 204, description = "Erased"),
        OrganisationProblems,
        (status = 409, description = "The application is held; the problem names the hold", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No application that did not lead to a place has that reference", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn erase_application_on_request(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<ErasureRequest>,
) -> Result<StatusCode, WebError> {
    service::erase_on_request(&state, &actor, &body.reference).await?;
    Ok(StatusCode::NO_CONTENT)
}
