//! How long personal data is kept, in the browser: the rules, what goes in the next 30
//! days with the holds on it, and what each rule removed per year.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::{Page, PathId, Saved, Ui};
use crate::services::privacy::retention::{self as service, Overview};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::{context, Value};
use samla_domain::privacy::retention::{RetentionKind, MAXIMUM_MONTHS, PREVIEW_DAYS};
use samla_domain::{FieldError, FieldErrors};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/retention", get(show))
        .route("/retention/rules", post(save_rules))
        .route("/retention/holds", post(hold))
        .route("/retention/holds/{id}/release", post(release))
        .route("/retention/erase", post(erase))
}

/// The page's three forms, each as given or empty.
#[derive(Default)]
struct Forms {
    rules: FormState,
    hold: FormState,
    erase: FormState,
}

/// The value a due record is chosen by in the hold form.
fn record_key(kind: RetentionKind, id: i64) -> String {
    format!("{}:{id}", kind.as_str())
}

fn page_context(state: &AppState, ui: &Ui, overview: &Overview) -> Value {
    let rules: Vec<Value> = overview
        .rules
        .iter()
        .map(|rule| {
            let (minimum, law) = rule.kind.minimum_months();
            context! {
                kind => rule.kind.as_str(),
                months => rule.months,
                chosen => rule.chosen,
                default_months => rule.kind.default_months(),
                minimum => minimum,
                law => law,
            }
        })
        .collect();
    let due: Vec<Value> = overview
        .due
        .iter()
        .map(|d| {
            context! {
                kind => d.kind.as_str(),
                id => d.record.id,
                label => d.record.label.clone(),
                state => d.record.state.clone(),
                started_on => d.started_on.to_string(),
                due_on => d.due_on.to_string(),
                hold => d.hold.as_ref().map(|h| context! {
                    id => h.id, reason => h.reason.clone(), by => h.held_by_name.clone(), at => h.held_at,
                }),
            }
        })
        .collect();
    let mut choices = vec![context! { value => "", label => state.i18n.text(ui.lang, "retention-hold-choose", &[]) }];
    choices.extend(overview.due.iter().filter(|d| d.hold.is_none()).map(|d| {
        let kind = state.i18n.text(ui.lang, &format!("retention-kind-{}", d.kind.as_str()), &[]);
        context! { value => record_key(d.kind, d.record.id), label => format!("{kind}: {} ({})", d.record.label, d.due_on) }
    }));
    let report: Vec<Value> = overview
        .report
        .iter()
        .map(|(year, counts)| {
            let counts: Vec<Value> = counts
                .iter()
                .map(|c| context! { kind => c.kind.clone(), months => c.months, removed => c.removed })
                .collect();
            context! { year => year, counts => counts }
        })
        .collect();
    context! {
        rules => rules, due => due, choices => choices, report => report,
        preview_days => PREVIEW_DAYS, maximum => MAXIMUM_MONTHS,
    }
}

/// The page with the rules form and the hold form as given (the other as saved).
async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    forms: Forms,
    (status, notice): (StatusCode, Option<&str>),
) -> Result<Response, WebError> {
    let overview = service::overview(state, actor).await?;
    let rules_form = if forms.rules.is_empty() {
        overview.rules.iter().fold(forms.rules, |form, rule| form.with_value(rule.kind.as_str(), rule.months))
    } else {
        forms.rules
    };
    let context = context! {
        notice => notice,
        rules_form => ui.form(state, &rules_form),
        hold_form => ui.form(state, &forms.hold),
        erase_form => ui.form(state, &forms.erase),
        ..page_context(state, ui, &overview)
    };
    ui.render_status(state, Some(actor), status, "privacy_retention.html", "retention-title", context)
}

pub async fn show(Page { state, ui, actor }: Page, saved: Saved) -> Result<Response, WebError> {
    let notice = saved.known(&["rules", "held", "released", "erased"]);
    render(&state, &ui, &actor, Forms::default(), (StatusCode::OK, notice)).await
}

pub async fn save_rules(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let asked: Vec<(&str, &str)> = RetentionKind::ALL.iter().map(|k| (k.as_str(), form.get(k.as_str()))).collect();
    match service::set_rules(&state, &actor, &asked).await {
        Ok(_) => Ok(Redirect::to("/retention?saved=rules").into_response()),
        Err(WebError::Invalid(errors)) => {
            let forms = Forms { rules: form.kept().with_errors(errors), ..Forms::default() };
            render(&state, &ui, &actor, forms, (StatusCode::UNPROCESSABLE_ENTITY, None)).await
        }
        Err(other) => Err(other),
    }
}

pub async fn hold(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let chosen = form.get("record").split_once(':').and_then(|(kind, id)| Some((kind, id.parse::<i64>().ok()?)));
    let held = match chosen {
        Some((kind, id)) => service::hold(&state, &actor, kind, id, form.get("reason")).await,
        None => Err(WebError::NotFound),
    };
    let errors = match held {
        Ok(_) => return Ok(Redirect::to("/retention?saved=held").into_response()),
        Err(WebError::Invalid(errors)) if chosen.is_some() => errors,
        Err(WebError::Invalid(_) | WebError::NotFound | WebError::Refused(_)) => {
            let mut errors = FieldErrors::single(FieldError::new("record", "error-retention-record"));
            if form.get("reason").trim().is_empty() {
                errors.push(FieldError::new("reason", "error-required"));
            }
            errors
        }
        Err(other) => return Err(other),
    };
    let forms = Forms { hold: form.kept().with_errors(errors), ..Forms::default() };
    render(&state, &ui, &actor, forms, (StatusCode::UNPROCESSABLE_ENTITY, None)).await
}

pub async fn release(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    service::release(&state, &actor, id).await?;
    Ok(Redirect::to("/retention?saved=released").into_response())
}

/// Erases a closed application at once on the family's request, after the coordinator
/// confirms that nothing requires keeping it.
pub async fn erase(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let confirmed = form.get("confirm") == "1";
    let result = if confirmed {
        service::erase_on_request(&state, &actor, form.get("reference")).await.map(|_| ())
    } else {
        let mut errors = FieldErrors::single(FieldError::new("confirm", "error-retention-erase-confirm"));
        if form.get("reference").trim().is_empty() {
            errors.push(FieldError::new("reference", "error-required"));
        }
        Err(WebError::Invalid(errors))
    };
    match result {
        Ok(()) => Ok(Redirect::to("/retention?saved=erased").into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = Forms { erase: form.kept().with_errors(errors), ..Forms::default() };
            render(&state, &ui, &actor, forms, (StatusCode::UNPROCESSABLE_ENTITY, None)).await
        }
        Err(other) => Err(other),
    }
}
