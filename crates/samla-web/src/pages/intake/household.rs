//! A household: its members, every application of theirs (siblings too), another adult
//! and a sibling's registration.

use super::{coded_key, coded_options, option, text, Context, NOTICES};
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{Page, PathId, Saved};
use crate::services::intake::households::{self, AdultForm};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::intake::household::HouseholdRole;

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    id: i64,
    form: FormState,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let view = households::view(state, actor, id).await?;
    let context = Context::load(state, actor).await?;
    let members: Vec<Value> = view
        .members
        .iter()
        .map(|p| {
            minijinja::context! {
                name => p.name.clone(),
                role => text(state, ui, &coded_key("intake-role-", p.household_role.as_str())),
                guardian => p.household_role == HouseholdRole::Guardian,
                responsibility => p.parental_responsibility == 1,
                age => super::age_on(p.birth_date.as_deref(), context.today),
                national_id => p.national_id.clone(),
                phone => p.phone.clone(),
                email => p.email.clone(),
            }
        })
        .collect();
    let applications: Vec<Value> = view.applications.iter().map(|a| context.summary(state, ui, actor, a)).collect();
    let form = if form.is_empty() {
        FormState::new().with_value("role", "guardian").with_value("parental_responsibility", "true")
    } else {
        form
    };
    let data = minijinja::context! {
        household_id => view.id,
        notice => notice.filter(|n| NOTICES.contains(n)),
        members => members,
        applications => applications,
        form => ui.form(state, &form),
        role_options => coded_options(state, ui, "intake-role-", &["guardian", "adult"]),
        responsibility_options => vec![option("true", text(state, ui, "intake-yes")), option("false", text(state, ui, "intake-no"))],
    };
    ui.render_status(state, Some(actor), status, "intake_household.html", "intake-household-title", data)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Saved(notice): Saved,
) -> Result<Response, WebError> {
    render(&state, &ui, &actor, id, FormState::new(), StatusCode::OK, notice.as_deref()).await
}

pub async fn add_adult(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let adult = AdultForm {
        name: form.get("name").to_string(),
        phone: form.get("phone").to_string(),
        email: form.get("email").to_string(),
        role: form.get("role").to_string(),
        parental_responsibility: form.get("parental_responsibility").to_string(),
    };
    match households::add_adult(&state, &actor, id, &adult).await {
        Ok(_) => Ok(Redirect::to(&format!("/intake/households/{id}?saved=adult#members-heading")).into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let kept = form.kept().with_errors(errors);
            render(&state, &ui, &actor, id, kept, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}
