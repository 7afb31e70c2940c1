use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::services::organisations::{self, PlacementForm};
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::{FieldError, FieldErrors};
use samla_storage::organisations::Organisation;
use std::collections::HashMap;

pub async fn show(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let organisation = organisations::settings(&state, &actor).await?;
    let form = FormState::new()
        .with_value("name", &organisation.name)
        .with_value("require_second_factor", if organisation.require_second_factor != 0 { "1" } else { "" })
        .with_value("kind", organisation.kind.as_str())
        .with_value("region", organisation.region.map(Region::as_str).unwrap_or_default())
        .with_value("version", organisation.version);
    render(&state, &ui, &actor, &organisation, form, StatusCode::OK, query.contains_key("saved"))
}

fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    organisation: &Organisation,
    form: FormState,
    status: StatusCode,
    saved: bool,
) -> Result<Response, WebError> {
    let t = |key: &str| state.i18n.text(ui.lang, key, &[]);
    let kinds: Vec<_> = OrganisationKind::ALL
        .iter()
        .map(|kind| minijinja::context! { value => kind.as_str(), label => t(&format!("organisation-kind-{}", kind.as_str())) })
        .collect();
    let regions: Vec<_> = std::iter::once(minijinja::context! { value => "", label => t("organisation-region-none") })
        .chain(Region::of(organisation.country).map(|r| minijinja::context! { value => r.as_str(), label => r.name() }))
        .collect();
    let context = minijinja::context! {
        kinds => kinds,
        regions => regions,
        organisation => organisation.clone(),
        form => ui.form(state, &form),
        saved => saved,
    };
    ui.render_status(state, Some(actor), status, "admin_organisation.html", "organisation-title", context)
}

pub async fn update(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    match organisations::update_settings(
        &state,
        &actor,
        form.get("name"),
        form.checked("require_second_factor"),
        Some(&PlacementForm { kind: form.get("kind").to_string(), region: form.get("region").to_string() }),
        expected,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/admin/organisation?saved=1").into_response()),
        Err(WebError::Invalid(errors)) => {
            let organisation = organisations::settings(&state, &actor).await?;
            render(
                &state,
                &ui,
                &actor,
                &organisation,
                form.kept().with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        }
        Err(WebError::Stale) => {
            let organisation = organisations::settings(&state, &actor).await?;
            let errors = FieldErrors::single(FieldError::new("name", "error-changed-meanwhile"));
            let form = form.kept().with_errors(errors).with_value("version", organisation.version);
            render(&state, &ui, &actor, &organisation, form, StatusCode::CONFLICT, false)
        }
        Err(other) => Err(other),
    }
}
