//! The intake settings: numbers and contact details, recruitment channels and the
//! versioned consent texts. Only for those who configure intake.

use super::{coded_key, coded_options, option, text, with_empty, NOTICES, PURPOSES};
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::intake_labels::channel_label;
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::Saved;
use crate::pages::Ui;
use crate::services::intake::consents::{self, TextForm};
use crate::services::intake::settings::{self, ChannelForm, SettingsForm};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::{Action, FieldError, FieldErrors};
use std::collections::HashMap;

#[derive(Default)]
struct Forms {
    settings: FormState,
    channel: FormState,
    text: FormState,
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    forms: Forms,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    actor.authorize(state, Action::ConfigureIntake).await?;
    let current = settings::get(state, actor).await?;
    let settings_form = if forms.settings.is_empty() {
        FormState::new()
            .with_value("national_id_enabled", if current.national_id_enabled == 1 { "true" } else { "" })
            .with_value("stale_after_days", current.stale_after_days)
            .with_value("child_own_say_from_age", current.child_own_say_from_age)
            .with_value("offer_days", current.offer_days)
            .with_value("public_phone", &current.public_phone)
            .with_value("public_email", &current.public_email)
            .with_value("version", current.version)
    } else {
        forms.settings
    };
    let channel_form =
        if forms.channel.is_empty() { FormState::new().with_value("kind", "both") } else { forms.channel };
    let text_form =
        if forms.text.is_empty() { FormState::new().with_value("purpose", "participation") } else { forms.text };
    let channels: Vec<Value> = settings::channels(state, actor)
        .await?
        .iter()
        .map(|c| {
            minijinja::context! {
                id => c.id,
                name => channel_label(&state.i18n, ui.lang, c),
                kind => text(state, ui, &format!("intake-channel-kind-{}", c.kind.as_str())),
                archived => c.archived == 1,
            }
        })
        .collect();
    let library = crate::services::programmes::library(state, actor, "", "").await?;
    let names: HashMap<i64, String> = library.iter().map(|p| (p.id, p.name.clone())).collect();
    let programme_name = |id: Option<i64>| -> String {
        match id {
            None => text(state, ui, "intake-text-whole-organisation"),
            Some(id) => names.get(&id).cloned().unwrap_or_default(),
        }
    };
    // The texts by (programme, purpose), the newest version first.
    let mut all = consents::texts(state, actor).await?;
    all.sort_by(|a, b| {
        (a.programme_id, &a.purpose, std::cmp::Reverse(a.version)).cmp(&(
            b.programme_id,
            &b.purpose,
            std::cmp::Reverse(b.version),
        ))
    });
    let mut groups: Vec<Value> = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let end = all[start..]
            .iter()
            .position(|t| t.programme_id != all[start].programme_id || t.purpose != all[start].purpose)
            .map_or(all.len(), |n| start + n);
        let versions: Vec<Value> = all[start..end]
            .iter()
            .map(|t| minijinja::context! { version => t.version, body => t.body.clone(), created_at => t.created_at })
            .collect();
        groups.push(minijinja::context! {
            id => format!("text-{}-{}", all[start].programme_id.unwrap_or(0), all[start].purpose),
            purpose => text(state, ui, &coded_key("intake-purpose-", &all[start].purpose)),
            programme => programme_name(all[start].programme_id),
            current => versions[0].clone(),
            older => versions[1..].to_vec(),
        });
        start = end;
    }
    let data = minijinja::context! {
        notice => notice.filter(|n| NOTICES.contains(n)),
        settings_form => ui.form(state, &settings_form),
        channel_form => ui.form(state, &channel_form),
        text_form => ui.form(state, &text_form),
        channels => channels,
        texts => groups,
        kind_options => coded_options(state, ui, "intake-channel-kind-", &["heard", "referral", "both"]),
        purpose_options => coded_options(state, ui, "intake-purpose-", &PURPOSES),
        programme_options => with_empty(
            text(state, ui, "intake-text-whole-organisation"),
            library.iter().map(|p| option(p.id, &p.name)).collect(),
        ),
        national_id_options => vec![option("true", text(state, ui, "intake-field-national-id-enabled"))],
    };
    ui.render_status(state, Some(actor), status, "intake_settings.html", "intake-settings-title", data)
}

pub async fn show(Page { state, ui, actor }: Page, Saved(notice): Saved) -> Result<Response, WebError> {
    render(&state, &ui, &actor, Forms::default(), StatusCode::OK, notice.as_deref()).await
}

fn saved(what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/intake/settings?saved={what}#{anchor}")).into_response()
}

pub async fn update(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let input = SettingsForm {
        national_id_enabled: form.get("national_id_enabled").to_string(),
        stale_after_days: form.get("stale_after_days").to_string(),
        child_own_say_from_age: form.get("child_own_say_from_age").to_string(),
        offer_days: form.get("offer_days").to_string(),
        public_phone: form.get("public_phone").to_string(),
        public_email: form.get("public_email").to_string(),
    };
    let expected = form.get("version").trim().parse::<i64>().unwrap_or(0);
    match settings::update(&state, &actor, &input, expected).await {
        Ok(_) => Ok(saved("settings", "settings-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = Forms { settings: form.kept().with_errors(errors), ..Default::default() };
            render(&state, &ui, &actor, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(WebError::Stale) => {
            let current = settings::get(&state, &actor).await?;
            let errors = FieldErrors::single(FieldError::new("stale_after_days", "error-changed-meanwhile"));
            let forms = Forms {
                settings: form.kept().with_errors(errors).with_value("version", current.version),
                ..Default::default()
            };
            render(&state, &ui, &actor, forms, StatusCode::CONFLICT, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn add_channel(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let input = ChannelForm { name: form.get("name").to_string(), kind: form.get("kind").to_string() };
    match settings::add_channel(&state, &actor, &input).await {
        Ok(_) => Ok(saved("channel", "channels-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = Forms { channel: form.kept().with_errors(errors), ..Default::default() };
            render(&state, &ui, &actor, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}

pub async fn archive_channel(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    settings::set_channel_archived(&state, &actor, id, true).await?;
    Ok(saved("channel-archived", "channels-heading"))
}

pub async fn unarchive_channel(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    settings::set_channel_archived(&state, &actor, id, false).await?;
    Ok(saved("channel", "channels-heading"))
}

pub async fn add_text(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let input = TextForm {
        purpose: form.get("purpose").to_string(),
        programme: form.get("programme").to_string(),
        body: form.get("body").to_string(),
    };
    match consents::add_text(&state, &actor, &input).await {
        Ok(_) => Ok(saved("text", "texts-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let forms = Forms { text: form.kept().with_errors(errors), ..Default::default() };
            render(&state, &ui, &actor, forms, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(other) => Err(other),
    }
}
