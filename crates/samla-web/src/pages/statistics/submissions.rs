//! Statistics between installations in pages: sending the organisation's own counts of a
//! programme to its owner as a signed file, and, for the owner, registering the
//! installations that send and receiving their files.

use super::t;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::services::submissions::{self as service, HandedIn, NewInstallation, Registered};
use axum::extract::{Multipart, Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use minijinja::{context, Value};
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::validation::{FieldError, FieldErrors};
use serde::Deserialize;

/// The years a submission can be made of: the last ten that are over.
fn closed_years(page: &Page) -> Vec<Value> {
    let this_year = page.actor.organisation.today(&page.state.clock).year();
    (1..=10).map(|back| this_year - back).map(|y| context! { value => y, label => y.to_string() }).collect()
}

pub async fn send_page(page: Page, Path(programme): Path<String>) -> Result<Response, WebError> {
    let this_year = page.actor.organisation.today(&page.state.clock).year();
    let form = FormState::new().with_value("year", this_year - 1);
    render_send(&page, &programme, form, StatusCode::OK).await
}

async fn render_send(page: &Page, programme: &str, form: FormState, status: StatusCode) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let found = crate::services::programmes::find(state, actor, programme).await?;
    let public_key = service::public_key(state, actor).await?;
    let context = context! {
        programme => context! { id => found.id, name => found.name.clone(), slug => found.slug.clone() },
        public_key => public_key,
        years => closed_years(page),
        form => ui.form(state, &form),
    };
    ui.render_status(state, Some(actor), status, "statistics_send.html", "submission-send-title", context)
}

/// The signed file of a year, or the page again naming what is wrong.
pub async fn send(page: Page, Path(programme): Path<String>, form: FormData) -> Result<Response, WebError> {
    let year: i32 = form.get("year").trim().parse().unwrap_or(0);
    match service::make(&page.state, &page.actor, &programme, year).await {
        Ok(made) => {
            let json = serde_json::to_vec_pretty(&made.envelope).map_err(|e| WebError::Internal(e.to_string()))?;
            let name = format!("samla-statistics-{}-{}.json", made.programme.slug, year);
            Ok((
                [
                    (header::CONTENT_TYPE, "application/json".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                ],
                json,
            )
                .into_response())
        }
        Err(WebError::Invalid(errors)) => {
            render_send(&page, &programme, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}

/// What the owner's page says after a file was received.
#[derive(Deserialize)]
pub struct Done {
    received: Option<String>,
    year: Option<i32>,
    corrects: Option<bool>,
}

pub async fn installations_page(
    page: Page,
    Path(programme): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let form = FormState::new().with_value("kind", OrganisationKind::Municipality.as_str());
    render_installations(&page, &programme, form, StatusCode::OK, None, Some(done)).await
}

async fn render_installations(
    page: &Page,
    programme: &str,
    form: FormState,
    status: StatusCode,
    registered: Option<Registered>,
    done: Option<Done>,
) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let (found, installations, received) = service::received(state, actor, programme).await?;
    let zone = actor.organisation.timezone();
    let when = |unix: i64| crate::views::format_datetime(ui.lang, zone, unix);
    let region_name = |code: Option<&str>| code.and_then(Region::parse).map(|r| r.name()).unwrap_or_default();
    let installations: Vec<Value> = installations
        .iter()
        .map(|i| {
            context! {
                id => i.organisation_id, name => i.name.clone(), region => region_name(i.region.as_deref()),
                kind => t(state, ui, &format!("organisation-kind-{}", i.kind.as_str())),
                key => i.public_key.clone(), registered => when(i.registered_at), counted => i.member == 1,
            }
        })
        .collect();
    let received: Vec<Value> = received
        .iter()
        .map(|s| {
            context! {
                installation => s.installation.clone(), year => s.year, made => when(s.made_at),
                received => when(s.received_at), pushed => s.pushed == 1,
                replaced => s.replaced_at.map(when),
            }
        })
        .collect();
    let kinds: Vec<Value> = OrganisationKind::ALL
        .iter()
        .map(|k| context! { value => k.as_str(), label => t(state, ui, &format!("organisation-kind-{}", k.as_str())) })
        .collect();
    let regions: Vec<Value> =
        std::iter::once(context! { value => "", label => t(state, ui, "organisation-region-none") })
            .chain(Region::ALL.iter().map(|r| context! { value => r.as_str(), label => r.name() }))
            .collect();
    let done = done.and_then(|d| {
        Some(context! { installation => d.received?, year => d.year?, corrects => d.corrects.unwrap_or(false) })
    });
    let context = context! {
        programme => context! { id => found.id, name => found.name.clone() },
        installations => installations,
        received => received,
        kinds => kinds,
        regions => regions,
        form => ui.form(state, &form),
        registered => registered.map(|r| context! { name => r.name, token => r.token, replaced => r.replaced }),
        done => done,
        push_url => format!("{}/api/v1/statistics/submissions", state.config.public_url.trim_end_matches('/')),
    };
    ui.render_status(
        state,
        Some(actor),
        status,
        "statistics_installations.html",
        "submission-installations-title",
        context,
    )
}

/// Registers an installation; the page then shows its token, once.
pub async fn register(page: Page, Path(programme): Path<String>, form: FormData) -> Result<Response, WebError> {
    let refused = |errors: FieldErrors, status| {
        render_installations(&page, &programme, form.kept().with_errors(errors), status, None, None)
    };
    let new = NewInstallation {
        name: form.get("name"),
        kind: OrganisationKind::parse(form.get("kind")),
        region: Region::parse(form.get("region")),
        public_key: form.get("public_key"),
    };
    match service::register(&page.state, &page.actor, &programme, &new).await {
        Ok(registered) => {
            render_installations(&page, &programme, FormState::new(), StatusCode::CREATED, Some(registered), None).await
        }
        Err(WebError::Invalid(errors)) => refused(errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(WebError::Refused(errors)) => refused(errors, StatusCode::CONFLICT).await,
        Err(other) => Err(other),
    }
}

/// A new token for an installation, shown once on the page.
pub async fn replace_token(
    page: Page,
    Path((programme, organisation_id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let organisation_id: i64 = organisation_id.parse().map_err(|_| WebError::NotFound)?;
    let replaced = service::replace_token(&page.state, &page.actor, &programme, organisation_id).await?;
    render_installations(&page, &programme, FormState::new(), StatusCode::CREATED, Some(replaced), None).await
}

/// Removes an installation from the network, then shows the page again.
pub async fn remove(
    page: Page,
    Path((programme, organisation_id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let organisation_id: i64 = organisation_id.parse().map_err(|_| WebError::NotFound)?;
    service::remove(&page.state, &page.actor, &programme, organisation_id).await?;
    let programme: String = form_urlencoded::byte_serialize(programme.as_bytes()).collect();
    Ok(Redirect::to(&format!("/statistics/{programme}/installations")).into_response())
}

/// Receives an uploaded submission file.
pub async fn upload(page: Page, Path(programme): Path<String>, mut form: Multipart) -> Result<Response, WebError> {
    let mut file = Vec::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest { detail_key: "problem-bad-request-detail", location: String::new() })?
    {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| WebError::PayloadTooLarge)?;
        if name == "submission" {
            file = bytes.to_vec();
        }
    }
    let refused = |errors: FieldErrors, status| {
        render_installations(&page, &programme, FormState::new().with_errors(errors), status, None, None)
    };
    if file.is_empty() {
        let errors = FieldErrors::single(FieldError::new("submission", "submission-error-no-file"));
        return refused(errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let from = HandedIn::Upload { actor: &page.actor, programme: &programme };
    match service::receive(&page.state, from, &file).await {
        Ok(accepted) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("received", &accepted.installation)
                .append_pair("year", &accepted.year.to_string())
                .append_pair("corrects", &accepted.corrects.to_string())
                .finish();
            let programme: String = form_urlencoded::byte_serialize(programme.as_bytes()).collect();
            Ok(Redirect::to(&format!("/statistics/{programme}/installations?{query}")).into_response())
        }
        Err(WebError::Invalid(errors)) => refused(errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(WebError::Refused(errors)) => refused(errors, StatusCode::CONFLICT).await,
        Err(other) => Err(other),
    }
}
