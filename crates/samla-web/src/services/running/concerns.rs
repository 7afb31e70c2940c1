//! Concern reports (bekymringsmelding): a leader's concern about a child and what was
//! decided about notifying the child welfare service.
//!
//! A report reaches only those [`may_read_concern_report`] allows: a coordinator, the
//! leader who wrote it and the people the organisation designates (if their role sees
//! sensitive data). Writing needs [`Action::ReportConcerns`] for the course. Every access
//! (list, read, write, and every refusal) writes an audit row and flags it for review in
//! the same transaction, so an administrator goes through each one.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::policy::{may_read_concern_report, may_work_with_concerns};
use samla_domain::running::concerns as rules;
use samla_domain::{Action, FieldError, FieldErrors, Role, RoleSet};
use samla_storage::running::concerns::{self as store, ConcernReport, DecisionChange, NewReport, Reader, Review};
use samla_storage::{accounts, audit, courses, StoreError, WriteTx};

/// Appends the audit row of one access and flags it for review, in the caller's
/// transaction.
async fn audit_access(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    action: &str,
    outcome: Outcome,
    (record_type, record_id): (&str, String),
) -> Result<(), WebError> {
    let event = actor.event(action, outcome).record(record_type, record_id);
    let seq = audit::append(tx, &event, state.clock.now()).await?;
    store::flag_for_review(&mut tx.tx, actor.organisation.id, seq).await?;
    Ok(())
}

/// Records a refused access (audited and flagged) and answers 403.
async fn refuse(state: &AppState, actor: &Actor, action: &str, record: (&str, String)) -> WebError {
    let recorded = async {
        let mut tx = state.store.write().await?;
        audit_access(&mut tx, state, actor, action, Outcome::Denied, record).await?;
        tx.commit().await?;
        Ok::<(), WebError>(())
    };
    match recorded.await {
        Ok(()) => WebError::Forbidden,
        Err(error) => error,
    }
}

async fn is_designated(state: &AppState, actor: &Actor) -> Result<bool, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::is_reader(&mut conn, actor.organisation.id, actor.user_id).await?)
}

/// The first check of every operation; refusals are audited and flagged.
async fn gate(state: &AppState, actor: &Actor, action: &str, record: (&str, String)) -> Result<bool, WebError> {
    let designated = is_designated(state, actor).await?;
    if !may_work_with_concerns(&actor.roles, designated) {
        return Err(refuse(state, actor, action, record).await);
    }
    Ok(designated)
}

fn may_read(actor: &Actor, report: &ConcernReport, designated: bool) -> bool {
    may_read_concern_report(&actor.roles, report.reported_by == actor.user_id, designated)
}

/// Whether a link to concern reports belongs on the actor's pages (no access check
/// behind it: every page checks again).
pub async fn shows_concerns(state: &AppState, actor: &Actor) -> Result<bool, WebError> {
    Ok(may_work_with_concerns(&actor.roles, is_designated(state, actor).await?))
}

/// The reports of one course, or of the whole organisation, that the actor may read.
pub struct ReportList {
    pub reports: Vec<ConcernReport>,
    /// For one course: whether the actor may file a new report there.
    pub may_report: bool,
}

pub async fn list(state: &AppState, actor: &Actor, course_id: Option<i64>) -> Result<ReportList, WebError> {
    let record = match course_id {
        Some(id) => ("course", id.to_string()),
        None => ("concern_report", "all".to_string()),
    };
    let designated = gate(state, actor, "concern.list", record.clone()).await?;
    let may_report = match course_id {
        Some(course_id) => {
            let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
            courses::get(&mut conn, actor.organisation.id, course_id).await?;
            drop(conn);
            let may_report =
                actor.may_on_course(&state.clock, state.store.pool(), Action::ReportConcerns, course_id).await?;
            let reads_all = may_read_concern_report(&actor.roles, false, designated);
            if !may_report && !reads_all {
                return Err(refuse(state, actor, "concern.list", record).await);
            }
            may_report
        }
        None => false,
    };
    let mut tx = state.store.write().await?;
    let reports: Vec<ConcernReport> = store::list(&mut tx.tx, actor.organisation.id, course_id)
        .await?
        .into_iter()
        .filter(|r| may_read(actor, r, designated))
        .collect();
    audit_access(&mut tx, state, actor, "concern.list", Outcome::Success, record).await?;
    tx.commit().await?;
    Ok(ReportList { reports, may_report })
}

/// One report, for someone who may read it.
pub async fn read(state: &AppState, actor: &Actor, id: i64) -> Result<ConcernReport, WebError> {
    let record = ("concern_report", id.to_string());
    let designated = gate(state, actor, "concern.read", record.clone()).await?;
    let mut tx = state.store.write().await?;
    let report = store::get(&mut tx.tx, actor.organisation.id, id).await?;
    if !may_read(actor, &report, designated) {
        audit_access(&mut tx, state, actor, "concern.read", Outcome::Denied, record).await?;
        tx.commit().await?;
        return Err(WebError::Forbidden);
    }
    audit_access(&mut tx, state, actor, "concern.read", Outcome::Success, record).await?;
    tx.commit().await?;
    Ok(report)
}

/// Whether the actor may change the decision on a report they can read: they must also
/// report concerns on its course.
pub async fn may_decide(state: &AppState, actor: &Actor, report: &ConcernReport) -> Result<bool, WebError> {
    actor.may_on_course(&state.clock, state.store.pool(), Action::ReportConcerns, report.course_id).await
}

/// A participant of the course a concern can be about: (participant id, name).
pub async fn participants_of(state: &AppState, course_id: i64) -> Result<Vec<(i64, String)>, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(samla_storage::intake::participants::for_course(&mut conn, course_id)
        .await?
        .into_iter()
        .filter(|p| p.role.is_participant())
        .map(|p| (p.id, p.name))
        .collect())
}

/// Files a new report (decision pending) about a participant of the course.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: &str,
    concern: &str,
) -> Result<i64, WebError> {
    let record = ("course", course_id.to_string());
    gate(state, actor, "concern.create", record.clone()).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    courses::get(&mut conn, actor.organisation.id, course_id).await?;
    drop(conn);
    if !actor.may_on_course(&state.clock, state.store.pool(), Action::ReportConcerns, course_id).await? {
        return Err(refuse(state, actor, "concern.create", record).await);
    }
    let mut errors = FieldErrors::new();
    let participants = participants_of(state, course_id).await?;
    let participant = participant_id.trim().parse::<i64>().ok().filter(|id| participants.iter().any(|(p, _)| p == id));
    if participant.is_none() {
        errors.push(FieldError::new("participant_id", "error-concern-participant-unknown"));
    }
    let concern = errors.take(rules::parse_concern(concern));
    errors.finish(|| ())?;
    let (Some(participant_id), Some(concern)) = (participant, concern) else {
        return Err(WebError::Internal("concern parsed without values".into()));
    };
    let mut tx = state.store.write().await?;
    let id = store::create(
        &mut tx.tx,
        &NewReport {
            organisation_id: actor.organisation.id,
            course_id,
            participant_id,
            concern: &concern,
            reported_by: actor.user_id,
        },
        state.clock.now(),
    )
    .await?;
    audit_access(&mut tx, state, actor, "concern.create", Outcome::Success, ("concern_report", id.to_string())).await?;
    tx.commit().await?;
    Ok(id)
}

/// A decision as typed.
#[derive(Debug, Clone, Default)]
pub struct DecisionForm {
    /// None: the concern stays as it reads.
    pub concern: Option<String>,
    pub decision: String,
    pub sent_on: String,
    pub reference: String,
    pub decision_note: String,
}

/// Records what was decided (and the concern as corrected, if given), over the version `expected` gives for the current one (the
/// API's If-Match is resolved only once the report is known to exist and be readable).
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: &DecisionForm,
    expected: impl FnOnce(i64) -> Result<i64, WebError>,
) -> Result<i64, WebError> {
    let record = ("concern_report", id.to_string());
    let designated = gate(state, actor, "concern.update", record.clone()).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let report = store::get(&mut conn, actor.organisation.id, id).await?;
    drop(conn);
    if !may_read(actor, &report, designated) || !may_decide(state, actor, &report).await? {
        return Err(refuse(state, actor, "concern.update", record).await);
    }
    let expected_version = expected(report.version)?;
    let today = actor.organisation.today(&state.clock);
    let mut errors = FieldErrors::new();
    let concern = form.concern.as_deref().and_then(|raw| errors.take(rules::parse_concern(raw)));
    let decision =
        match rules::parse_decision(&form.decision, &form.sent_on, &form.reference, &form.decision_note, today) {
            Ok(decision) => errors.finish(|| decision)?,
            Err(more) => {
                errors.0.extend(more.0);
                return Err(errors.into());
            }
        };
    let sent_on = decision.sent_on.map(|d| d.to_string());
    let mut tx = state.store.write().await?;
    let change = DecisionChange {
        concern: concern.as_deref(),
        decision: decision.decision.as_str(),
        decision_note: &decision.note,
        sent_on: sent_on.as_deref(),
        reference: &decision.reference,
    };
    let version = store::decide(&mut tx.tx, id, &change, expected_version, state.clock.now()).await?;
    audit_access(&mut tx, state, actor, "concern.update", Outcome::Success, record).await?;
    tx.commit().await?;
    Ok(version)
}

/// A member of the organisation who could be designated, with whether they may be.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub user_id: i64,
    pub name: String,
    pub roles: Vec<Role>,
    pub designated: bool,
    /// Their role sees sensitive data, so designating them lets them read.
    pub eligible: bool,
}

/// The people designated to read every concern report, and everyone who could be.
pub async fn readers(state: &AppState, actor: &Actor) -> Result<(Vec<Reader>, Vec<Candidate>), WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ConfigureCourseWork).await?;
    let readers = store::readers(&mut conn, actor.organisation.id).await?;
    let members = accounts::list_members(&mut conn, actor.organisation.id, 0, 1000).await?;
    let mut candidates: Vec<Candidate> = members
        .into_iter()
        .filter(|m| !m.disabled)
        .map(|m| Candidate {
            designated: readers.iter().any(|r| r.user_id == m.id),
            eligible: may_read_concern_report(&RoleSet::new(m.roles.clone()), false, true),
            user_id: m.id,
            name: m.name,
            roles: m.roles,
        })
        .collect();
    candidates.sort_by_key(|c| c.name.to_lowercase());
    Ok((readers, candidates))
}

/// Replaces who is designated. Someone outside the organisation, or without a role that
/// sees sensitive data (a secretary, a user representative), is refused by name.
pub async fn set_readers(state: &AppState, actor: &Actor, user_ids: &[i64]) -> Result<Vec<Reader>, WebError> {
    actor.authorize(state, Action::ConfigureCourseWork).await?;
    let mut chosen = user_ids.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    let mut tx = state.store.write().await?;
    let mut errors = FieldErrors::new();
    for user_id in &chosen {
        let roles = RoleSet::new(accounts::roles_in(&mut tx.tx, *user_id, actor.organisation.id).await?);
        if roles.is_empty() {
            errors.push(FieldError::new("user_ids", "error-concern-reader-unknown").with_arg("id", user_id));
        } else if !may_read_concern_report(&roles, false, true) {
            let name = accounts::get(&mut tx.tx, *user_id).await?.name;
            errors.push(FieldError::new("user_ids", "error-concern-reader-role").with_arg("name", name));
        }
    }
    errors.finish(|| ())?;
    store::replace_readers(&mut tx.tx, actor.organisation.id, &chosen).await?;
    audit_access(
        &mut tx,
        state,
        actor,
        "concern.readers.update",
        Outcome::Success,
        ("organisation", actor.organisation.id.to_string()),
    )
    .await?;
    let readers = store::readers(&mut tx.tx, actor.organisation.id).await?;
    tx.commit().await?;
    Ok(readers)
}

/// Flagged audit rows: those awaiting review and the latest reviewed.
pub struct Reviews {
    pub open: Vec<Review>,
    pub open_count: i64,
    pub reviewed: Vec<Review>,
}

pub const REVIEW_PAGE: i64 = 200;

pub async fn reviews(state: &AppState, actor: &Actor) -> Result<Reviews, WebError> {
    actor.authorize(state, Action::ViewAuditLog).await?;
    let mut tx = crate::services::audit::reading_tx(state, actor, "audit.reviews.list", "reviews").await?;
    let open = store::reviews(&mut tx.tx, actor.organisation.id, false, REVIEW_PAGE).await?;
    let open_count = store::count_open_reviews(&mut tx.tx, actor.organisation.id).await?;
    let reviewed = store::reviews(&mut tx.tx, actor.organisation.id, true, 50).await?;
    tx.commit().await?;
    Ok(Reviews { open, open_count, reviewed })
}

/// Marks one flagged row reviewed by the actor; marking it again changes nothing.
pub async fn mark_reviewed(state: &AppState, actor: &Actor, seq: i64) -> Result<Review, WebError> {
    actor.authorize(state, Action::ViewAuditLog).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if store::mark_reviewed(&mut tx.tx, actor.organisation.id, seq, actor.user_id, now).await? {
        audit::append(&mut tx, &actor.event("audit.review.mark", Outcome::Success).record("audit_log", seq), now)
            .await?;
    }
    let review = store::review(&mut tx.tx, actor.organisation.id, seq).await?;
    tx.commit().await?;
    Ok(review)
}
