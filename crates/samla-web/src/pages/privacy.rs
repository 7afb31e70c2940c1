//! Break-the-glass in the browser: a group leader opens a course that is not theirs in an
//! emergency; whoever oversees the audit trail reviews each opening and signs it off.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::{Page, PathId, Saved, Ui};
use crate::services::privacy::emergency::{self as service, Listing};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;
use samla_domain::privacy::emergency::DEFAULT_HOURS;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::privacy::emergency::{ActionDuring, EmergencyAccess};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/emergency-access", get(show).post(open))
        .route("/admin/emergency-accesses", get(reviews))
        .route("/admin/emergency-accesses/{id}", get(review).post(sign_off))
}

fn access_value(access: &EmergencyAccess) -> Value {
    minijinja::context! {
        id => access.id,
        user_name => access.user_name.clone(),
        course_id => access.course_id,
        course_name => access.course_name.clone(),
        reason => access.reason.clone(),
        opened_at => access.opened_at,
        expires_at => access.expires_at,
        reviewed_at => access.reviewed_at,
        reviewed_by => access.reviewed_by_name.clone(),
        comment => access.review_comment.clone(),
    }
}

async fn render_form(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let courses = service::openable_courses(state, actor).await?;
    let mut options =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "emergency-choose-course", &[]) }];
    options.extend(courses.iter().map(|c| {
        minijinja::context! { value => c.id.to_string(), label => format!("{} ({})", c.name, c.start_date) }
    }));
    let hours: Vec<Value> = (1..=DEFAULT_HOURS)
        .rev()
        .map(|h| minijinja::context! { value => h.to_string(), label => state.i18n.text(ui.lang, "emergency-hours-option", &[("hours", h.to_string())]) })
        .collect();
    let form = if form.is_empty() { form.with_value("hours", DEFAULT_HOURS) } else { form };
    let mine = service::list(state, actor, Listing::AwaitingReview).await?;
    let now = state.clock.now();
    let context = minijinja::context! {
        courses => options,
        hours => hours,
        form => ui.form(state, &form),
        open => mine.iter().filter(|a| a.expires_at > now).map(access_value).collect::<Vec<_>>(),
    };
    ui.render_status(state, Some(actor), status, "privacy_emergency.html", "emergency-title", context)
}

pub async fn show(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    render_form(&state, &ui, &actor, FormState::new(), StatusCode::OK).await
}

pub async fn open(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let course_id = form.get("course_id").trim().parse::<i64>().ok();
    // A value that is no number is out of range, never the default.
    let hours = match form.get("hours").trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().unwrap_or(0)),
    };
    // No course chosen, or none of the organisation's: the same as any unknown id.
    let opened = match course_id {
        Some(course_id) => service::open(&state, &actor, course_id, form.get("reason"), hours).await,
        None => Err(WebError::NotFound),
    };
    let errors = match opened {
        Ok(access) => return Ok(Redirect::to(&format!("/courses/{}", access.course_id)).into_response()),
        Err(WebError::Invalid(errors)) => errors,
        Err(WebError::NotFound) => FieldErrors::single(FieldError::new("course_id", "error-emergency-course")),
        Err(other) => return Err(other),
    };
    render_form(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
}

pub async fn reviews(Page { state, ui, actor }: Page, saved: Saved) -> Result<Response, WebError> {
    let open = service::to_review(&state, &actor, Listing::AwaitingReview).await?;
    let reviewed = service::to_review(&state, &actor, Listing::Reviewed).await?;
    let context = minijinja::context! {
        open => open.iter().map(access_value).collect::<Vec<_>>(),
        reviewed => reviewed.iter().map(access_value).collect::<Vec<_>>(),
        notice => saved.known(&["signed"]),
    };
    ui.render(&state, Some(&actor), "privacy_emergency_reviews.html", "emergency-reviews-title", context)
}

fn action_value(action: &ActionDuring) -> Value {
    minijinja::context! {
        at => action.at,
        action => action.action.clone(),
        record_type => action.record_type.clone(),
        record_id => action.record_id.clone(),
        outcome => action.outcome.clone(),
    }
}

async fn render_review(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    id: i64,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let (access, actions) = service::review(state, actor, id).await?;
    let context = minijinja::context! {
        access => access_value(&access),
        actions => actions.iter().map(action_value).collect::<Vec<_>>(),
        form => ui.form(state, &form),
    };
    ui.render_status(state, Some(actor), status, "privacy_emergency_review.html", "emergency-review-title", context)
}

pub async fn review(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    render_review(&state, &ui, &actor, id, FormState::new(), StatusCode::OK).await
}

pub async fn sign_off(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    match service::sign_off(&state, &actor, id, form.get("comment")).await {
        Ok(_) => Ok(Redirect::to("/admin/emergency-accesses?saved=signed").into_response()),
        Err(WebError::Invalid(errors)) => {
            render_review(&state, &ui, &actor, id, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(other) => Err(other),
    }
}
