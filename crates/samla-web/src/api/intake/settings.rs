//! The organisation's intake settings and its recruitment channels.

use super::*;
use crate::api::conventions::{
    IntakeSettingsIfMatch, InvalidFields, OrgSlug, OrganisationProblems, Saved, StandardProblems, VersionChecked,
};
use crate::services::intake::settings::{self as service, ChannelForm, SettingsForm};

/// How the organisation runs intake.
#[derive(Serialize, ToSchema)]
pub struct IntakeSettings {
    /// Whether national identity numbers are asked for and checked.
    pub national_id_enabled: bool,
    /// Days without contact before an application shows up as a task.
    pub stale_after_days: i64,
    /// The age from which a child's own say is recorded besides the guardians' consent.
    pub child_own_say_from_age: i64,
    /// Days a family has to answer an offer.
    pub offer_days: i64,
    /// The phone number the public catalogue shows for questions.
    pub public_phone: Option<String>,
    /// The e-mail address the public catalogue shows.
    pub public_email: Option<String>,
    /// The organisation's version (shared with getOrganisation), for If-Match.
    pub version: i64,
}

fn settings_json(s: &samla_storage::intake::settings::IntakeSettings) -> IntakeSettings {
    IntakeSettings {
        national_id_enabled: s.national_id_enabled == 1,
        stale_after_days: s.stale_after_days,
        child_own_say_from_age: s.child_own_say_from_age,
        offer_days: s.offer_days,
        public_phone: non_empty(&s.public_phone),
        public_email: non_empty(&s.public_email),
        version: s.version,
    }
}

/// The intake settings; ETag carries the version.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/intake-settings", operation_id = "getIntakeSettings", tag = "intake",
    params(OrgSlug),
    responses(
        (status = 200, description = "The settings", body = IntakeSettings, headers(("ETag" = String, description = "Version for If-Match"))),
        OrganisationProblems,
    ))]
pub async fn get_intake_settings(OrgCaller(state, actor, _): OrgCaller) -> Result<impl IntoResponse, WebError> {
    let settings = service::get(&state, &actor).await?;
    Ok(Versioned(settings.version, settings_json(&settings)))
}

/// Every intake setting, as getIntakeSettings shows them.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IntakeSettingsChange {
    pub national_id_enabled: bool,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 60)]
    pub stale_after_days: i64,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 7, maximum = 18)]
    pub child_own_say_from_age: i64,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 60)]
    pub offer_days: i64,
    /// Left out or null: none.
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub public_phone: Option<String>,
    /// Left out or null: none.
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub public_email: Option<String>,
}

/// Changes the intake settings (coordinators and administrators).
#[utoipa::path(put, path = "/api/v1/organisations/{org}/intake-settings", operation_id = "updateIntakeSettings", tag = "intake",
    params(OrgSlug, IntakeSettingsIfMatch),
    request_body = IntakeSettingsChange,
    responses(
        Saved<IntakeSettings>,
        OrganisationProblems,
        VersionChecked,
        InvalidFields,
    ))]
pub async fn update_intake_settings(
    OrgCaller(state, actor, _): OrgCaller,
    if_match: IfMatch,
    ApiJson(body): ApiJson<IntakeSettingsChange>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ConfigureIntake).await?;
    let current = service::get(&state, &actor).await?;
    let expected = if_match.expected(current.version)?;
    let mut errors = FieldErrors::new();
    check_phone(&mut errors, "public_phone", body.public_phone.as_deref());
    check_email(&mut errors, "public_email", body.public_email.as_deref());
    errors.finish(|| ())?;
    let form = SettingsForm {
        national_id_enabled: body.national_id_enabled.to_string(),
        stale_after_days: body.stale_after_days.to_string(),
        child_own_say_from_age: body.child_own_say_from_age.to_string(),
        offer_days: body.offer_days.to_string(),
        public_phone: opt(&body.public_phone).to_string(),
        public_email: opt(&body.public_email).to_string(),
    };
    let version = service::update(&state, &actor, &form, expected).await?;
    let settings = service::get(&state, &actor).await?;
    Ok(Versioned(version, settings_json(&settings)))
}

/// The organisation's recruitment channels in their order, archived ones included.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/recruitment-channels", operation_id = "listRecruitmentChannels", tag = "intake",
    params(OrgSlug),
    responses(
        (status = 200, description = "The channels", body = Items<RecruitmentChannel>),
        OrganisationProblems,
    ))]
pub async fn list_recruitment_channels(
    OrgCaller(state, actor, _): OrgCaller,
) -> Result<Json<Items<RecruitmentChannel>>, WebError> {
    let channels = service::channels(&state, &actor).await?;
    Ok(Json(channels.iter().map(channel_json).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRecruitmentChannel {
    #[schema(max_length = 100, format = "required_line")]
    pub name: String,
    pub kind: ChannelKindName,
}

/// Adds a recruitment channel at the end of the list.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/recruitment-channels", operation_id = "createRecruitmentChannel", tag = "intake",
    params(OrgSlug),
    request_body = NewRecruitmentChannel,
    responses(
        (status = 201, description = "Added", body = RecruitmentChannel),
        OrganisationProblems,
        InvalidFields,
    ))]
pub async fn create_recruitment_channel(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewRecruitmentChannel>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ConfigureIntake).await?;
    let form = ChannelForm { name: body.name, kind: body.kind.code().to_string() };
    let id = service::add_channel(&state, &actor, &form).await?;
    channel_answer(&state, &actor, id, StatusCode::CREATED).await
}

async fn channel_answer(
    state: &AppState,
    actor: &Actor,
    id: i64,
    status: StatusCode,
) -> Result<(StatusCode, Json<RecruitmentChannel>), WebError> {
    let channels = service::channels(state, actor).await?;
    let channel = channels.iter().find(|c| c.id == id).ok_or(WebError::NotFound)?;
    Ok((status, Json(channel_json(channel))))
}

/// Archives a channel: it stays on the records that name it but is no longer offered.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/recruitment-channels/{channel_id}/archive", operation_id = "archiveRecruitmentChannel", tag = "intake",
    params(OrgSlug, ("channel_id" = i64, Path, description = "The channel's id")),
    responses(
        (status = 200, description = "Archived", body = RecruitmentChannel),
        StandardProblems,
        (status = 404, description = "No such channel here", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn archive_recruitment_channel(
    OrgCaller(state, actor, Id(channel_id)): OrgCaller<Id>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ConfigureIntake).await?;
    service::set_channel_archived(&state, &actor, channel_id, true).await?;
    channel_answer(&state, &actor, channel_id, StatusCode::OK).await
}
