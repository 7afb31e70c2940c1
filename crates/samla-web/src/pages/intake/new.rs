//! Staff entering a phone call or a paper form (also a sibling in a known household).

use super::{
    channel_options, channels, coded_options, course_options, option, programme_options, text, with_empty, PURPOSES,
};
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::Ui;
use crate::services::intake::applications::{self, Origin};
use crate::services::intake::households::{self, HouseholdView};
use crate::services::intake::{settings, ApplicationForm};
use crate::AppState;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::intake::household::HouseholdRole;
use std::collections::HashMap;

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    form: FormState,
    household: Option<&HouseholdView>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let intake = settings::get(state, actor).await?;
    let household_members: Vec<String> =
        household.map(|h| h.members.iter().map(|p| p.name.clone()).collect()).unwrap_or_default();
    let all_channels = channels(state, actor).await?;
    let context = minijinja::context! {
        form => ui.form(state, &form),
        household_id => household.map(|h| h.id),
        household_members => household_members,
        national_id => intake.national_id_enabled == 1,
        course_options => with_empty(text(state, ui, "intake-course-none"), course_options(state, actor, true).await?),
        programme_options => with_empty(text(state, ui, "intake-programme-choose"), programme_options(state, actor).await?),
        channel_options => with_empty(text(state, ui, "intake-channel-none"), channel_options(state, ui, &all_channels, None)),
        type_options => coded_options(state, ui, "intake-participant-", &["child", "adult"]),
        sex_options => super::sex_options(state, ui),
        responsibility_options => vec![option("true", text(state, ui, "intake-yes")), option("false", text(state, ui, "intake-no"))],
        priority_options => (1..=3).map(|p| option(p, text(state, ui, &format!("intake-priority-{p}")))).collect::<Vec<_>>(),
        purpose_options => coded_options(state, ui, "intake-purpose-", &PURPOSES),
        method_options => coded_options(state, ui, "intake-method-", &["paper", "in_conversation"]),
    };
    ui.render_status(state, Some(actor), status, "intake_new.html", "intake-new-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let household = match super::parse_id(query.get("household")) {
        Some(id) => Some(households::view(&state, &actor, id).await?),
        None => None,
    };
    let mut form = FormState::new()
        .with_value("participant_type", "child")
        .with_value("guardian_responsibility", "true")
        .with_value("second_guardian_responsibility", "true")
        .with_value("priority", "2")
        .with_value("consent_method", "paper");
    if let Some(view) = &household {
        // A sibling: the guardians are known; the same name links to the same person.
        let mut guardians = view.members.iter().filter(|p| p.household_role == HouseholdRole::Guardian);
        if let Some(first) = guardians.next() {
            form = form
                .with_value("guardian_name", &first.name)
                .with_value("guardian_phone", &first.phone)
                .with_value("guardian_email", &first.email)
                .with_value("guardian_responsibility", first.parental_responsibility == 1);
        }
        if let Some(second) = guardians.next() {
            form = form
                .with_value("second_guardian_name", &second.name)
                .with_value("second_guardian_phone", &second.phone)
                .with_value("second_guardian_email", &second.email)
                .with_value("second_guardian_responsibility", second.parental_responsibility == 1);
        }
        form = form.with_value("household_id", view.id);
    }
    render(&state, &ui, &actor, form, household.as_ref(), StatusCode::OK).await
}

fn application_form(form: &FormData) -> ApplicationForm {
    let get = |name: &str| form.get(name).to_string();
    ApplicationForm {
        course_id: get("course_id"),
        programme: get("programme"),
        participant_type: get("participant_type"),
        participant_name: get("participant_name"),
        participant_birth_date: get("participant_birth_date"),
        participant_national_id: get("participant_national_id"),
        participant_sex: get("participant_sex"),
        participant_phone: get("participant_phone"),
        participant_email: get("participant_email"),
        guardian_name: get("guardian_name"),
        guardian_phone: get("guardian_phone"),
        guardian_email: get("guardian_email"),
        guardian_responsibility: get("guardian_responsibility"),
        second_guardian_name: get("second_guardian_name"),
        second_guardian_phone: get("second_guardian_phone"),
        second_guardian_email: get("second_guardian_email"),
        second_guardian_responsibility: get("second_guardian_responsibility"),
        channel_id: get("channel_id"),
        referrer_name: get("referrer_name"),
        referrer_service: get("referrer_service"),
        referrer_phone: get("referrer_phone"),
        referrer_email: get("referrer_email"),
        reason: get("reason"),
        needs: get("needs"),
        consents: form.all("consents"),
        consent_method: get("consent_method"),
        household_id: get("household_id"),
        family_informed: String::new(),
        priority: get("priority"),
    }
}

pub async fn submit(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let application = application_form(&form);
    let origin = Origin::Staff { actor: &actor, via_api: false };
    match applications::create(&state, &actor.organisation, origin, &application).await {
        Ok(receipt) => {
            Ok(Redirect::to(&format!("/intake/applications/{}?saved=created", receipt.application_id)).into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let household = match super::parse_id(Some(&application.household_id)) {
                Some(id) => households::view(&state, &actor, id).await.ok(),
                None => None,
            };
            let kept = form.kept().with_errors(errors);
            render(&state, &ui, &actor, kept, household.as_ref(), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}
