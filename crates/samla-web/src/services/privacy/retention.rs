//! Retention: how long each kind of personal data is kept, what goes next, legal holds,
//! and the daily run that removes what is due, one record per transaction, each removal
//! audited (which kind, which rule; never the content) and counted for the yearly report.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::AppState;
use chrono::{Datelike, Days, NaiveDate};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::reference::normalise_reference;
use samla_domain::privacy::retention::{self as rules, RetentionKind, PREVIEW_DAYS};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::privacy::retention::{self as store, Candidate, Hold, RemovalCount};
use samla_storage::{audit, StoreError};

/// One kind's rule as the organisation keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub kind: RetentionKind,
    pub months: u32,
    /// Whether the organisation chose it (or it is samla's default).
    pub chosen: bool,
}

/// A record that goes within the preview's days, or is held past its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRecord {
    pub kind: RetentionKind,
    pub record: Candidate,
    pub started_on: NaiveDate,
    pub due_on: NaiveDate,
    pub hold: Option<Hold>,
}

/// What the retention page and `getRetention` show.
#[derive(Debug, Clone)]
pub struct Overview {
    pub rules: Vec<Rule>,
    pub due: Vec<DueRecord>,
    pub report: Vec<(i32, Vec<RemovalCount>)>,
}

/// Years of the deletion report shown.
const REPORT_YEARS: i32 = 3;

/// The organisation's rule for every kind (samla's default where it chose none); public
/// facts, told to families too.
pub async fn rules_of(conn: &mut sqlx::AnyConnection, organisation_id: i64) -> Result<Vec<Rule>, WebError> {
    let set = store::rules(conn, organisation_id).await?;
    Ok(RetentionKind::ALL
        .iter()
        .map(|kind| {
            let chosen = set.iter().find(|r| r.kind == kind.as_str()).and_then(|r| u32::try_from(r.months).ok());
            Rule { kind: *kind, months: chosen.unwrap_or(kind.default_months()), chosen: chosen.is_some() }
        })
        .collect())
}

/// The last moment (Unix seconds) of the organisation's day `day`.
fn end_of(org: &OrgContext, day: NaiveDate) -> i64 {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX);
    let midnight = next.and_hms_opt(0, 0, 0).and_then(|t| t.and_local_timezone(org.timezone()).earliest());
    midnight.map_or(i64::MAX, |m| m.timestamp() - 1)
}

/// The organisation's records of a kind whose clock started at or before `started_by`.
async fn counted(
    conn: &mut sqlx::AnyConnection,
    org: &OrgContext,
    kind: RetentionKind,
    started_by: i64,
) -> Result<Vec<Candidate>, WebError> {
    Ok(match kind {
        RetentionKind::UnplacedApplications => store::unplaced_applications(conn, org.id, started_by).await?,
        RetentionKind::SentMail => store::sent_mail(conn, org.id, started_by).await?,
        RetentionKind::Observations => observed(conn, org, started_by).await?,
    })
}

/// Participants' observations on courses that are over, as records: the clock starts
/// when the course's last day ends; each is named by its course and counted.
async fn observed(
    conn: &mut sqlx::AnyConnection,
    org: &OrgContext,
    started_by: i64,
) -> Result<Vec<Candidate>, WebError> {
    let mut records = Vec::new();
    for observed in store::observed_participants(conn, org.id).await? {
        let last_day: NaiveDate = observed
            .last_day
            .parse()
            .map_err(|_| WebError::Internal(format!("retention: a course's last day {:?}", observed.last_day)))?;
        let started_at = end_of(org, last_day);
        if started_at <= started_by {
            records.push(Candidate {
                id: observed.id,
                label: observed.course_name,
                state: observed.observations.to_string(),
                started_at,
            });
        }
    }
    Ok(records)
}

async fn candidates(
    conn: &mut sqlx::AnyConnection,
    org: &OrgContext,
    rule: &Rule,
    today: NaiveDate,
) -> Result<Vec<(Candidate, NaiveDate, NaiveDate)>, WebError> {
    let started_by = end_of(org, rules::last_due_day(today, rule.months));
    Ok(counted(conn, org, rule.kind, started_by)
        .await?
        .into_iter()
        .map(|record| {
            let started_on = org.local_date(record.started_at);
            (record, started_on, rules::due_on(started_on, rule.months))
        })
        .collect())
}

pub async fn overview(state: &AppState, actor: &Actor) -> Result<Overview, WebError> {
    actor.authorize(state, Action::ManageRetention).await?;
    let org = &actor.organisation;
    let today = org.today(&state.clock);
    let ahead = today.checked_add_days(Days::new(PREVIEW_DAYS)).unwrap_or(today);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let rules = rules_of(&mut conn, org.id).await?;
    let holds = store::holds(&mut conn, org.id).await?;
    let mut due = Vec::new();
    for rule in &rules {
        for (record, started_on, due_on) in candidates(&mut conn, org, rule, ahead).await? {
            let hold = holds.iter().find(|h| h.kind == rule.kind.as_str() && h.record_id == record.id).cloned();
            due.push(DueRecord { kind: rule.kind, record, started_on, due_on, hold });
        }
    }
    let year = today.year();
    let mut report = Vec::new();
    for year in (year - REPORT_YEARS + 1..=year).rev() {
        let from = end_of(org, NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap_or(NaiveDate::MIN)) + 1;
        let to = end_of(org, NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)) + 1;
        report.push((year, store::removals(&mut conn, org.id, (from, to)).await?));
    }
    drop(conn);
    let event = actor.event("retention.view", Outcome::Success).record("organisation", org.id);
    crate::services::audit::record(state, event).await?;
    Ok(Overview { rules, due, report })
}

fn kind_of(raw: &str) -> Result<RetentionKind, WebError> {
    RetentionKind::parse(raw).ok_or(WebError::NotFound)
}

/// Sets how many months kinds of record are kept (kind code, months as typed), all or
/// none; a rule shorter than the law allows is refused, naming the law. Errors are named
/// by the kind's code.
pub async fn set_rules(state: &AppState, actor: &Actor, asked: &[(&str, &str)]) -> Result<Vec<Rule>, WebError> {
    actor.authorize(state, Action::ManageRetention).await?;
    let mut errors = FieldErrors::new();
    let mut rules = Vec::new();
    for (kind, months) in asked {
        let kind = kind_of(kind)?;
        match rules::read_months(kind, months) {
            Ok(months) => rules.push(Rule { kind, months, chosen: true }),
            Err(found) => {
                for error in found.0 {
                    errors.push(FieldError { field: kind.as_str().to_string(), ..error });
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(WebError::Invalid(errors));
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    for rule in &rules {
        let kind = rule.kind.as_str();
        store::set_rule(&mut tx.tx, actor.organisation.id, (kind, i64::from(rule.months)), actor.user_id, now).await?;
        let event = actor.event("retention.rule", Outcome::Success).record("retention_rule", kind);
        audit::append(&mut tx, &event, now).await?;
    }
    tx.commit().await?;
    Ok(rules)
}

/// What a hold may be put on: a record of the organisation that a rule counts.
fn record_type(kind: RetentionKind) -> &'static str {
    match kind {
        RetentionKind::UnplacedApplications => "application",
        RetentionKind::SentMail => "outbox_message",
        RetentionKind::Observations => "course_participant",
    }
}

/// Holds a record past its rule, with the reason; 404 for a record the kind does not
/// count in the organisation, 409 when it is held already.
pub async fn hold(state: &AppState, actor: &Actor, kind: &str, record_id: i64, reason: &str) -> Result<i64, WebError> {
    actor.authorize(state, Action::ManageRetention).await?;
    let kind = kind_of(kind)?;
    let reason = rules::hold_reason(reason)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    store::lock_record(&mut tx, kind.as_str(), record_id).await?;
    let counted = counted(&mut tx.tx, &actor.organisation, kind, i64::MAX).await?;
    if !counted.iter().any(|c| c.id == record_id) {
        return Err(WebError::NotFound);
    }
    let held = store::hold(&mut tx.tx, actor.organisation.id, (kind.as_str(), record_id), &reason, actor.user_id, now)
        .await?
        .ok_or_else(|| WebError::Refused(FieldErrors::single(FieldError::new("record_id", "error-retention-held"))))?;
    crate::services::audit::commit_done(tx, actor, "retention.hold", (record_type(kind), record_id), now).await?;
    Ok(held)
}

/// Lifts a hold: the record goes at the next run if its day has passed.
pub async fn release(state: &AppState, actor: &Actor, hold_id: i64) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageRetention).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    store::release(&mut tx.tx, actor.organisation.id, hold_id, actor.user_id, now).await?;
    crate::services::audit::commit_done(tx, actor, "retention.release", ("retention_hold", hold_id), now).await
}

/// The months a removal on request is counted under in the report: none waited for.
pub const ON_REQUEST: i64 = 0;

/// Erases a closed application at once, on the family's request (by its reference), with
/// what belongs only to it. A reference that is not a closed application of the
/// organisation is named at the field; a held one answers 409 naming the hold.
pub async fn erase_on_request(state: &AppState, actor: &Actor, reference: &str) -> Result<i64, WebError> {
    actor.authorize(state, Action::ManageRetention).await?;
    let field = |code: &'static str| FieldErrors::single(FieldError::new("reference", code));
    if reference.trim().is_empty() {
        return Err(WebError::Invalid(field("error-required")));
    }
    let reference =
        normalise_reference(reference).ok_or_else(|| WebError::Invalid(field("error-retention-erase-unknown")))?;
    let kind = RetentionKind::UnplacedApplications;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let closed = store::unplaced_applications(&mut tx.tx, actor.organisation.id, i64::MAX).await?;
    let Some(record) = closed.into_iter().find(|c| c.label == reference) else {
        return Err(WebError::Invalid(field("error-retention-erase-unknown")));
    };
    store::lock_record(&mut tx, kind.as_str(), record.id).await?;
    let holds = store::holds(&mut tx.tx, actor.organisation.id).await?;
    if let Some(hold) = holds.iter().find(|h| h.kind == kind.as_str() && h.record_id == record.id) {
        let error = FieldError::new("reference", "error-retention-erase-held").with_arg("reason", &hold.reason);
        return Err(WebError::Refused(FieldErrors::single(error)));
    }
    if !store::remove_application(&mut tx.tx, actor.organisation.id, record.id).await? {
        return Err(WebError::Invalid(field("error-retention-erase-unknown")));
    }
    store::note_removal(&mut tx.tx, actor.organisation.id, kind.as_str(), ON_REQUEST, now).await?;
    crate::services::audit::commit_done(tx, actor, "retention.erase", (record_type(kind), record.id), now).await?;
    Ok(record.id)
}

/// Removes one record under its rule in a transaction of its own, unless a hold was put
/// on it meanwhile or it is no longer one to remove; whether it went.
async fn remove_one(state: &AppState, organisation_id: i64, rule: &Rule, id: i64) -> Result<bool, WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    store::lock_record(&mut tx, rule.kind.as_str(), id).await?;
    let held = store::holds(&mut tx.tx, organisation_id).await?;
    if held.iter().any(|h| h.kind == rule.kind.as_str() && h.record_id == id) {
        return Ok(false);
    }
    let gone = match rule.kind {
        RetentionKind::UnplacedApplications => store::remove_application(&mut tx.tx, organisation_id, id).await?,
        RetentionKind::SentMail => store::remove_mail(&mut tx.tx, organisation_id, id).await?,
        RetentionKind::Observations => store::remove_observations(&mut tx.tx, organisation_id, id).await?,
    };
    if !gone {
        return Ok(false);
    }
    store::note_removal(&mut tx.tx, organisation_id, rule.kind.as_str(), i64::from(rule.months), now).await?;
    let mut event = AuditEvent::new("retention.remove", Outcome::Success).record(record_type(rule.kind), id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Removes every record that is due and not held, in every organisation (the housekeeping
/// loop, daily); how many.
pub async fn remove_due(state: &AppState) -> Result<u64, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let organisations = store::organisations(&mut conn).await?;
    drop(conn);
    let mut removed = 0;
    for id in organisations {
        match remove_due_in(state, id).await {
            Ok(count) => removed += count,
            Err(error) => tracing::error!(organisation_id = id, ?error, "retention: the organisation's run failed"),
        }
    }
    Ok(removed)
}

async fn remove_due_in(state: &AppState, organisation_id: i64) -> Result<u64, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let org = OrgContext::load(&mut conn, organisation_id).await?;
    let today = org.today(&state.clock);
    let rules = rules_of(&mut conn, organisation_id).await?;
    let holds = store::holds(&mut conn, organisation_id).await?;
    let mut due = Vec::new();
    for rule in rules {
        for (record, ..) in candidates(&mut conn, &org, &rule, today).await? {
            if !holds.iter().any(|h| h.kind == rule.kind.as_str() && h.record_id == record.id) {
                due.push((rule.clone(), record.id));
            }
        }
    }
    drop(conn);
    let mut removed = 0;
    for (rule, id) in due {
        // One record that cannot go (a reference samla does not know of) must not keep
        // the others: it is logged and tried again tomorrow.
        match remove_one(state, organisation_id, &rule, id).await {
            Ok(true) => removed += 1,
            Ok(false) => {}
            Err(error) => tracing::error!(
                organisation_id,
                kind = rule.kind.as_str(),
                record = id,
                ?error,
                "retention: a record could not be removed; trying again tomorrow"
            ),
        }
    }
    Ok(removed)
}
