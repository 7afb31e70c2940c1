//! Concern reports: a course's reports and a new one, every report the reader may see,
//! one report with its decision, who the organisation designates to read them, and the
//! review of the audit rows their access leaves.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{Page, PathId, Saved};
use crate::services::running::concerns::{self as service, DecisionForm};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::running::concerns::Decision;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses;
use samla_storage::running::concerns::{ConcernReport, Review};
use samla_storage::StoreError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/concerns", get(course_list).post(create))
        .route("/concerns", get(all))
        .route("/concerns/readers", get(readers).post(save_readers))
        .route("/concerns/{id}", get(show).post(decide))
        .route("/admin/audit/reviews", get(reviews))
        .route("/admin/audit/reviews/{seq}/reviewed", post(mark_reviewed))
}

const NOTICES: [&str; 4] = ["created", "decided", "readers", "reviewed"];

fn report_value(report: &ConcernReport) -> Value {
    minijinja::context! {
        id => report.id,
        course_id => report.course_id,
        course_name => report.course_name.clone(),
        participant_name => report.participant_name.clone(),
        concern => report.concern.clone(),
        decision => report.decision.clone(),
        decision_note => report.decision_note.clone(),
        sent_on => report.sent_on.clone(),
        reference => report.reference.clone(),
        reported_by => report.reported_by_name.clone(),
        created_at => report.created_at,
        updated_at => report.updated_at,
        version => report.version,
    }
}

async fn render_list(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: Option<i64>,
    form: FormState,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let found = service::list(state, actor, course_id).await?;
    let course = match course_id {
        Some(id) => {
            let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
            let course = courses::get(&mut conn, actor.organisation.id, id).await?;
            Some(minijinja::context! { id => course.id, name => course.name })
        }
        None => None,
    };
    let participants: Vec<Value> = match (course_id, found.may_report) {
        (Some(id), true) => {
            let mut options = vec![
                minijinja::context! { value => "", label => state.i18n.text(ui.lang, "concerns-choose-participant", &[]) },
            ];
            options.extend(
                service::participants_of(state, id)
                    .await?
                    .into_iter()
                    .map(|(id, name)| minijinja::context! { value => id.to_string(), label => name }),
            );
            options
        }
        _ => Vec::new(),
    };
    let context = minijinja::context! {
        course => course,
        reports => found.reports.iter().map(report_value).collect::<Vec<_>>(),
        may_report => found.may_report,
        participants => participants,
        form => ui.form(state, &form),
        may_configure => actor.roles.may(Action::ConfigureCourseWork),
        notice => notice,
    };
    ui.render_status(state, Some(actor), status, "running_concerns.html", "concerns-title", context)
}

pub async fn course_list(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    render_list(&state, &ui, &actor, Some(id), FormState::new(), StatusCode::OK, None).await
}

pub async fn all(Page { state, ui, actor }: Page, saved: Saved) -> Result<Response, WebError> {
    render_list(&state, &ui, &actor, None, FormState::new(), StatusCode::OK, saved.known(&NOTICES)).await
}

pub async fn create(
    Page { state, ui, actor }: Page,
    PathId(course_id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    match service::create(&state, &actor, course_id, form.get("participant_id"), form.get("concern")).await {
        Ok(report_id) => Ok(Redirect::to(&format!("/concerns/{report_id}?saved=created")).into_response()),
        Err(WebError::Invalid(errors)) => {
            render_list(
                &state,
                &ui,
                &actor,
                Some(course_id),
                form.kept().with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

fn decision_form(report: &ConcernReport) -> FormState {
    FormState::new()
        .with_value("decision", &report.decision)
        .with_value("sent_on", report.sent_on.as_deref().unwrap_or(""))
        .with_value("reference", &report.reference)
        .with_value("decision_note", &report.decision_note)
        .with_value("version", report.version)
}

async fn render_report(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    id: i64,
    form: Option<FormState>,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let report = service::read(state, actor, id).await?;
    let may_decide = service::may_decide(state, actor, &report).await?;
    let form = form.unwrap_or_else(|| decision_form(&report));
    let decisions: Vec<Value> = Decision::ALL
        .iter()
        .map(|d| minijinja::context! { value => d.as_str(), label => state.i18n.text(ui.lang, &format!("concern-decision-{}", d.as_str()), &[]) })
        .collect();
    let context = minijinja::context! {
        report => report_value(&report),
        may_decide => may_decide,
        decisions => decisions,
        form => ui.form(state, &form),
        notice => notice,
    };
    ui.render_status(state, Some(actor), status, "running_concern.html", "concern-title", context)
}

pub async fn show(Page { state, ui, actor }: Page, PathId(id): PathId, saved: Saved) -> Result<Response, WebError> {
    render_report(&state, &ui, &actor, id, None, StatusCode::OK, saved.known(&NOTICES)).await
}

pub async fn decide(Page { state, ui, actor }: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    let typed = DecisionForm {
        concern: None,
        decision: form.get("decision").to_string(),
        sent_on: form.get("sent_on").to_string(),
        reference: form.get("reference").to_string(),
        decision_note: form.get("decision_note").to_string(),
    };
    let expected = form.get("version").trim().parse::<i64>().unwrap_or(0);
    match service::decide(&state, &actor, id, &typed, |_| Ok(expected)).await {
        Ok(_) => Ok(Redirect::to(&format!("/concerns/{id}?saved=decided")).into_response()),
        Err(WebError::Invalid(errors)) => {
            let kept = form.kept().with_errors(errors);
            render_report(&state, &ui, &actor, id, Some(kept), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(WebError::Stale) => {
            // The page shows the decision now on record above the form; the form keeps
            // what this person chose, against the current version.
            let current = service::read(&state, &actor, id).await?.version;
            let errors = FieldErrors::single(FieldError::new("decision", "error-concern-changed-meanwhile"));
            let kept = form.kept().with_errors(errors).with_value("version", current);
            render_report(&state, &ui, &actor, id, Some(kept), StatusCode::CONFLICT, None).await
        }
        Err(other) => Err(other),
    }
}

async fn render_readers(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    form: Option<FormState>,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let (_, candidates) = service::readers(state, actor).await?;
    let form = form.unwrap_or_else(|| {
        FormState::new().with_values(
            "user_ids",
            candidates.iter().filter(|c| c.designated).map(|c| c.user_id.to_string()).collect(),
        )
    });
    let people: Vec<Value> = candidates
        .iter()
        .map(|c| {
            let roles: Vec<String> =
                c.roles.iter().map(|r| state.i18n.text(ui.lang, &format!("role-{}", r.as_str()), &[])).collect();
            minijinja::context! { id => c.user_id, name => c.name.clone(), roles => roles.join(", "), eligible => c.eligible }
        })
        .collect();
    let context = minijinja::context! { people => people, form => ui.form(state, &form), notice => notice };
    ui.render_status(state, Some(actor), status, "running_concern_readers.html", "concern-readers-title", context)
}

pub async fn readers(Page { state, ui, actor }: Page, saved: Saved) -> Result<Response, WebError> {
    render_readers(&state, &ui, &actor, None, StatusCode::OK, saved.known(&NOTICES)).await
}

pub async fn save_readers(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let chosen: Option<Vec<i64>> = form.all("user_ids").iter().map(|v| v.parse::<i64>().ok()).collect();
    let result = match chosen {
        Some(ids) => service::set_readers(&state, &actor, &ids).await.map(|_| ()),
        None => Err(WebError::Invalid(FieldErrors::single(FieldError::new("user_ids", "error-choice")))),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/concerns/readers?saved=readers").into_response()),
        Err(WebError::Invalid(errors)) => {
            render_readers(
                &state,
                &ui,
                &actor,
                Some(form.kept().with_errors(errors)),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

fn review_value(review: &Review) -> Value {
    minijinja::context! {
        seq => review.seq,
        at => review.at,
        actor_name => review.actor_name.clone(),
        actor_role => review.actor_role.clone(),
        action => review.action.clone(),
        record_type => review.record_type.clone(),
        record_id => review.record_id.clone(),
        outcome => review.outcome.clone(),
        reviewed_at => review.reviewed_at,
        reviewed_by => review.reviewed_by_name.clone(),
    }
}

pub async fn reviews(Page { state, ui, actor }: Page, saved: Saved) -> Result<Response, WebError> {
    let found = service::reviews(&state, &actor).await?;
    let context = minijinja::context! {
        open => found.open.iter().map(review_value).collect::<Vec<_>>(),
        open_count => found.open_count,
        reviewed => found.reviewed.iter().map(review_value).collect::<Vec<_>>(),
        notice => saved.known(&NOTICES),
    };
    ui.render(&state, Some(&actor), "running_audit_reviews.html", "audit-reviews-title", context)
}

pub async fn mark_reviewed(Page { state, actor, .. }: Page, PathId(seq): PathId) -> Result<Response, WebError> {
    service::mark_reviewed(&state, &actor, seq).await?;
    Ok(Redirect::to("/admin/audit/reviews?saved=reviewed").into_response())
}
