//! Concern reports over JSON, the people designated to read them, and the review of
//! the audit rows their access leaves.
//!
//! A report reaches only a coordinator, the leader who wrote it and designated readers
//! whose role sees sensitive data; secretaries and user representatives are refused
//! every operation. Every access, refusals included, is audited and flagged for review.

use crate::api::conventions::{
    AuditReadersOnly, ConcernReportIfMatch, CourseNotFound, CoursePath, CourseWorkConfigProblems, MalformedRequest,
    NoValidToken, OrgSlug, OrganisationNotFound, ReportNotFound, ReportPath, Saved, VersionChecked,
};
use crate::api::courses::whole;
use crate::api::extract::{etag, Id};
use crate::api::{ApiJson, ApiQuery, IfMatch, Items, OrgCaller, Problem, Versioned};
use crate::error::WebError;
use crate::services::running::concerns::{self as service, DecisionForm};
use crate::AppState;
use axum::http::header::{ETAG, LOCATION};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use samla_domain::Action;
use samla_storage::running::concerns::{ConcernReport as StoredReport, Reader, Review};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    const ORG: &str = "/organisations/{org}";
    Router::new()
        .route(&format!("{ORG}/concern-reports"), get(list_concern_reports))
        .route(&format!("{ORG}/courses/{{course_id}}/concern-reports"), post(create_concern_report))
        .route(&format!("{ORG}/concern-reports/{{report_id}}"), get(get_concern_report).put(update_concern_report))
        .route(&format!("{ORG}/concern-readers"), get(get_concern_readers).put(put_concern_readers))
        .route(&format!("{ORG}/audit-reviews"), get(list_audit_reviews))
        .route(&format!("{ORG}/audit-reviews/{{seq}}/reviewed"), post(mark_audit_reviewed))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_concern_reports,
        create_concern_report,
        get_concern_report,
        update_concern_report,
        get_concern_readers,
        put_concern_readers,
        list_audit_reviews,
        mark_audit_reviewed,
    ),
    components(schemas(
        ConcernReport,
        ConcernDecisionName,
        NewConcernReport,
        ConcernDecision,
        ConcernReaders,
        ConcernReader,
        ConcernReadersUpdate,
        AuditReview,
        AuditReviews,
    ))
)]
pub struct Doc;

/// What was decided about notifying the child welfare service.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum ConcernDecisionName {
    /// Not decided yet.
    Pending,
    /// Sent to the child welfare service.
    Sent,
    /// Decided not to send.
    NotSent,
}

impl ConcernDecisionName {
    fn code(self) -> &'static str {
        match self {
            ConcernDecisionName::Pending => "pending",
            ConcernDecisionName::Sent => "sent",
            ConcernDecisionName::NotSent => "not_sent",
        }
    }

    fn parse(raw: &str) -> ConcernDecisionName {
        match raw {
            "sent" => ConcernDecisionName::Sent,
            "not_sent" => ConcernDecisionName::NotSent,
            _ => ConcernDecisionName::Pending,
        }
    }
}

/// A concern about a child and what was decided.
#[derive(Serialize, ToSchema)]
pub struct ConcernReport {
    pub id: i64,
    pub course_id: i64,
    pub course_name: String,
    /// The child (course participant id).
    pub participant_id: i64,
    pub participant_name: String,
    /// The concern as written (and corrected by its readers who report concerns).
    pub concern: String,
    pub decision: ConcernDecisionName,
    pub decision_note: String,
    /// The day it was sent, for a report that was.
    #[schema(value_type = Option<String>, format = Date)]
    pub sent_on: Option<String>,
    /// The child welfare service's reference (may be empty).
    pub reference: String,
    /// Who wrote it (user id and name).
    pub reported_by: i64,
    pub reported_by_name: String,
    /// Unix seconds.
    pub created_at: i64,
    pub updated_at: i64,
    pub version: i64,
}

fn report_json(r: &StoredReport) -> ConcernReport {
    ConcernReport {
        id: r.id,
        course_id: r.course_id,
        course_name: r.course_name.clone(),
        participant_id: r.participant_id,
        participant_name: r.participant_name.clone(),
        concern: r.concern.clone(),
        decision: ConcernDecisionName::parse(&r.decision),
        decision_note: r.decision_note.clone(),
        sent_on: r.sent_on.clone(),
        reference: r.reference.clone(),
        reported_by: r.reported_by,
        reported_by_name: r.reported_by_name.clone(),
        created_at: r.created_at,
        updated_at: r.updated_at,
        version: r.version,
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConcernParams {
    /// Only this course's reports.
    #[param(minimum = 1)]
    pub course_id: Option<i64>,
}

/// The reports the caller may read, newest first: a coordinator's or designated reader's
/// all, a leader's own.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/concern-reports", operation_id = "listConcernReports", tag = "running",
    params(OrgSlug, ConcernParams),
    responses(
        (status = 200, description = "The reports the caller may read", body = Items<ConcernReport>),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed: never secretaries, user representatives or administrators; for one course, only its leaders, coordinators and designated readers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation of yours, or no such course", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_concern_reports(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<ConcernParams>,
) -> Result<Json<Items<ConcernReport>>, WebError> {
    let found = service::list(&state, &actor, params.course_id).await?;
    Ok(Json(found.reports.iter().map(report_json).collect()))
}

/// A concern to file.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewConcernReport {
    /// A participant of the course (course participant id).
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub participant_id: i64,
    /// What was seen and heard; several lines allowed.
    #[schema(min_length = 1, max_length = 20000, format = "required_text")]
    pub concern: String,
}

/// Files a concern about a child (the decision starts as pending).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/concern-reports", operation_id = "createConcernReport", tag = "running",
    params(CoursePath),
    request_body = NewConcernReport,
    responses(
        (status = 201, description = "Filed", body = ConcernReport,
            headers(("Location" = String, description = "The report"), ("ETag" = String, description = "Its version"))),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed to report concerns on the course", body = Problem, content_type = "application/problem+json"),
        CourseNotFound,
        (status = 422, description = "Not a participant of the course, or an empty, too long or malformed concern", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_concern_report(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewConcernReport>,
) -> Result<impl IntoResponse, WebError> {
    let id = service::create(&state, &actor, course_id, &body.participant_id.to_string(), &body.concern).await?;
    let report = service::read(&state, &actor, id).await?;
    Ok((
        StatusCode::CREATED,
        [
            (LOCATION, format!("/api/v1/organisations/{}/concern-reports/{id}", actor.organisation.slug)),
            (ETAG, etag(report.version)),
        ],
        Json(report_json(&report)),
    ))
}

/// One report; every read is audited and flagged for review.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/concern-reports/{report_id}", operation_id = "getConcernReport", tag = "running",
    params(ReportPath),
    responses(
        (status = 200, description = "The report", body = ConcernReport, headers(("ETag" = String, description = "Its version for If-Match"))),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not one of its readers", body = Problem, content_type = "application/problem+json"),
        ReportNotFound,
    ))]
pub async fn get_concern_report(
    OrgCaller(state, actor, Id(report_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    let report = service::read(&state, &actor, report_id).await?;
    Ok(Versioned(report.version, report_json(&report)))
}

/// What was decided, and the concern as it now reads.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcernDecision {
    /// The concern, corrected or added to; left out: unchanged.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 20000, format = "required_text")]
    pub concern: Option<String>,
    pub decision: ConcernDecisionName,
    /// For a report that was sent: the day, not after today. Otherwise left out.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub sent_on: Option<String>,
    /// For a report that was sent: the child welfare service's reference, when known.
    #[serde(default)]
    #[schema(max_length = 100, format = "optional_line")]
    pub reference: String,
    /// Why it was or was not sent; required when it was not sent.
    #[serde(default)]
    #[schema(max_length = 5000, format = "optional_text")]
    pub decision_note: String,
}

/// Records what was decided about a report.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/concern-reports/{report_id}", operation_id = "updateConcernReport", tag = "running",
    params(
        OrgSlug,
        ("report_id" = i64, Path, description = "The report's id"),
        ConcernReportIfMatch,
    ),
    request_body = ConcernDecision,
    responses(
        Saved<ConcernReport>,
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not one of its readers, or not reporting concerns on its course", body = Problem, content_type = "application/problem+json"),
        ReportNotFound,
        VersionChecked,
        (status = 422, description = "Invalid fields: an empty or malformed concern, sent without a day or with one after today, a day or reference on a report not sent, no note on one not sent", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_concern_report(
    OrgCaller(state, actor, Id(report_id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<ConcernDecision>,
) -> Result<impl IntoResponse, WebError> {
    let form = DecisionForm {
        concern: body.concern,
        decision: body.decision.code().to_string(),
        sent_on: body.sent_on.unwrap_or_default(),
        reference: body.reference,
        decision_note: body.decision_note,
    };
    service::decide(&state, &actor, report_id, &form, |current| if_match.expected(current)).await?;
    let report = service::read(&state, &actor, report_id).await?;
    Ok(Versioned(report.version, report_json(&report)))
}

#[derive(Serialize, ToSchema)]
pub struct ConcernReader {
    pub user_id: i64,
    pub name: String,
    pub email: String,
}

/// The people designated to read every concern report of the organisation.
#[derive(Serialize, ToSchema)]
pub struct ConcernReaders {
    pub readers: Vec<ConcernReader>,
}

fn readers_json(readers: &[Reader]) -> ConcernReaders {
    ConcernReaders {
        readers: readers
            .iter()
            .map(|r| ConcernReader { user_id: r.user_id, name: r.name.clone(), email: r.email.clone() })
            .collect(),
    }
}

/// Who is designated to read concern reports.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/concern-readers", operation_id = "getConcernReaders", tag = "running",
    params(OrgSlug),
    responses(
        (status = 200, description = "The designated readers", body = ConcernReaders),
        CourseWorkConfigProblems,
    ))]
pub async fn get_concern_readers(OrgCaller(state, actor, _): OrgCaller) -> Result<Json<ConcernReaders>, WebError> {
    let (readers, _) = service::readers(&state, &actor).await?;
    Ok(Json(readers_json(&readers)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcernReadersUpdate {
    /// Everyone designated (replaces the list): members of the organisation whose role
    /// sees sensitive data (coordinators, group leaders).
    #[schema(max_items = 500)]
    pub user_ids: Vec<ReaderId>,
}

/// A user id, as a whole number.
#[derive(Deserialize, ToSchema)]
#[serde(transparent)]
pub struct ReaderId(#[serde(deserialize_with = "whole::required")] i64);

/// Replaces who is designated to read concern reports.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/concern-readers", operation_id = "putConcernReaders", tag = "running",
    params(OrgSlug),
    request_body = ConcernReadersUpdate,
    responses(
        (status = 200, description = "Saved", body = ConcernReaders),
        CourseWorkConfigProblems,
        (status = 422, description = "Someone outside the organisation, or without a role that sees sensitive data", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_concern_readers(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<ConcernReadersUpdate>,
) -> Result<Json<ConcernReaders>, WebError> {
    let ids: Vec<i64> = body.user_ids.iter().map(|id| id.0).collect();
    let readers = service::set_readers(&state, &actor, &ids).await?;
    Ok(Json(readers_json(&readers)))
}

/// An audit row flagged for review.
#[derive(Serialize, ToSchema)]
pub struct AuditReview {
    /// The audit row's sequence number.
    pub seq: i64,
    /// Unix seconds.
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// success or denied.
    pub outcome: String,
    /// Unix seconds; none while it awaits review.
    pub reviewed_at: Option<i64>,
    pub reviewed_by: Option<i64>,
    pub reviewed_by_name: Option<String>,
}

fn review_json(r: &Review) -> AuditReview {
    AuditReview {
        seq: r.seq,
        at: r.at,
        actor_user_id: r.actor_user_id,
        actor_name: r.actor_name.clone(),
        actor_role: r.actor_role.clone(),
        action: r.action.clone(),
        record_type: r.record_type.clone(),
        record_id: r.record_id.clone(),
        outcome: r.outcome.clone(),
        reviewed_at: r.reviewed_at,
        reviewed_by: r.reviewed_by,
        reviewed_by_name: r.reviewed_by_name.clone(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditReviews {
    /// How many await review in all.
    pub open_count: i64,
    /// Those awaiting review, oldest first (at most 200).
    pub open: Vec<AuditReview>,
    /// The latest reviewed (at most 50).
    pub reviewed: Vec<AuditReview>,
}

/// The audit rows flagged for review (every access to a concern report).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/audit-reviews", operation_id = "listAuditReviews", tag = "audit",
    params(OrgSlug),
    responses(
        (status = 200, description = "Awaiting review and recently reviewed", body = AuditReviews),
        MalformedRequest, NoValidToken,
        AuditReadersOnly,
        OrganisationNotFound,
    ))]
pub async fn list_audit_reviews(OrgCaller(state, actor, _): OrgCaller) -> Result<Json<AuditReviews>, WebError> {
    let found = service::reviews(&state, &actor).await?;
    Ok(Json(AuditReviews {
        open_count: found.open_count,
        open: found.open.iter().map(review_json).collect(),
        reviewed: found.reviewed.iter().map(review_json).collect(),
    }))
}

/// Marks a flagged audit row reviewed by the caller; marking it again changes nothing.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/audit-reviews/{seq}/reviewed", operation_id = "markAuditReviewed", tag = "audit",
    params(OrgSlug, ("seq" = i64, Path, description = "The audit row's sequence number")),
    responses(
        (status = 200, description = "Reviewed", body = AuditReview),
        MalformedRequest, NoValidToken,
        AuditReadersOnly,
        (status = 404, description = "No such flagged row here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn mark_audit_reviewed(
    OrgCaller(state, actor, Id(seq)): OrgCaller<Id>,
) -> Result<Json<AuditReview>, WebError> {
    actor.authorize(&state, Action::ViewAuditLog).await?;
    let review = service::mark_reviewed(&state, &actor, seq).await?;
    Ok(Json(review_json(&review)))
}
