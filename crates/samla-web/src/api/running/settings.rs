//! The organisation's settings for running courses over JSON. They have no version: a
//! PUT replaces all three values.

use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::api::courses::whole;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::running::settings::{self as service, SettingsForm};
use crate::AppState;
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/running-settings", get(get_running_settings).put(put_running_settings))
}

#[derive(OpenApi)]
#[openapi(paths(get_running_settings, put_running_settings))]
pub struct Doc;

/// How the organisation runs its courses.
#[derive(Serialize, ToSchema)]
pub struct RunningSettings {
    /// Absences in a row after which a leader is asked to contact the family; 0: never
    /// (follow-up tasks are off).
    #[schema(minimum = 0, maximum = 10)]
    pub follow_up_after_absences: i64,
    /// Hours before a session that participants or guardians are reminded.
    #[schema(minimum = 1, maximum = 168)]
    pub reminder_hours_before: i64,
    /// Hours after a session's end before its leaders are reminded of an unwritten log.
    #[schema(minimum = 1, maximum = 168)]
    pub log_grace_hours: i64,
}

fn settings_json(s: &samla_storage::running::settings::RunningSettings) -> RunningSettings {
    RunningSettings {
        follow_up_after_absences: s.follow_up_after_absences,
        reminder_hours_before: s.reminder_hours_before,
        log_grace_hours: s.log_grace_hours,
    }
}

/// The settings for running courses (coordinators and administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/running-settings", operation_id = "getRunningSettings", tag = "running",
    params(OrgSlug),
    responses(
        (status = 200, description = "The settings", body = RunningSettings),
        OrganisationProblems,
    ))]
pub async fn get_running_settings(OrgCaller(state, actor, _): OrgCaller) -> Result<Json<RunningSettings>, WebError> {
    Ok(Json(settings_json(&service::get(&state, &actor).await?)))
}

/// All three settings. A value out of its range is refused (422) and named.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RunningSettingsChange {
    /// Absences in a row after which a leader is asked to contact the family; 0 turns
    /// follow-up tasks off.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 0, maximum = 10)]
    pub follow_up_after_absences: i64,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 168)]
    pub reminder_hours_before: i64,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 168)]
    pub log_grace_hours: i64,
}

/// Changes the settings for running courses (coordinators and administrators).
#[utoipa::path(put, path = "/api/v1/organisations/{org}/running-settings", operation_id = "putRunningSettings", tag = "running",
    params(OrgSlug),
    request_body = RunningSettingsChange,
    responses(
        (status = 200, description = "Saved", body = RunningSettings),
        OrganisationProblems,
        (status = 422, description = "A value out of its range", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_running_settings(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<RunningSettingsChange>,
) -> Result<Json<RunningSettings>, WebError> {
    let form = SettingsForm {
        follow_up_after_absences: body.follow_up_after_absences.to_string(),
        reminder_hours_before: body.reminder_hours_before.to_string(),
        log_grace_hours: body.log_grace_hours.to_string(),
    };
    Ok(Json(settings_json(&service::update(&state, &actor, &form).await?)))
}
