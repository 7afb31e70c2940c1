use super::{ApiJson, IfMatch, OrgCaller, Versioned};
use crate::api::conventions::{
    InvalidFields, NoValidToken, NotAllowed, OrgSlug, OrganisationIfMatch, OrganisationNotFound, OrganisationProblems,
    Saved, VersionChecked,
};
use crate::error::WebError;
use crate::services::organisations;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Organisation {
    pub slug: String,
    pub name: String,
    /// NO or DK: decides public holidays, time zone and currency.
    pub country: String,
    /// Whether roles that see personal data must use a second factor.
    pub require_second_factor: bool,
    pub version: i64,
}

impl From<samla_storage::organisations::Organisation> for Organisation {
    fn from(o: samla_storage::organisations::Organisation) -> Self {
        Organisation {
            slug: o.slug,
            name: o.name,
            country: o.country.code().to_string(),
            require_second_factor: o.require_second_factor != 0,
            version: o.version,
        }
    }
}

fn with_etag(organisation: Organisation) -> impl IntoResponse {
    Versioned(organisation.version, organisation)
}

/// An organisation's settings (administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{org}", operation_id = "getOrganisation", tag = "organisations",
    params(OrgSlug),
    responses(
        (status = 200, description = "The settings; ETag carries the version", body = Organisation,
            headers(("ETag" = String, description = "Version for If-Match"))),
        NoValidToken, NotAllowed,
        OrganisationNotFound,
    ))]
pub async fn get_organisation(OrgCaller(state, actor, _): OrgCaller) -> Result<impl IntoResponse, WebError> {
    Ok(with_etag(organisations::settings(&state, &actor).await?.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationChange {
    #[schema(min_length = 1, max_length = 200, format = "required_line")]
    pub name: String,
    pub require_second_factor: bool,
}

/// Changes the settings; `If-Match` must carry the version last read.
#[utoipa::path(put, path = "/api/v1/organisations/{org}", operation_id = "updateOrganisation", tag = "organisations",
    params(OrgSlug, OrganisationIfMatch),
    request_body = OrganisationChange,
    responses(
        Saved<Organisation>,
        OrganisationProblems,
        VersionChecked,
        InvalidFields,
    ))]
pub async fn update_organisation(
    OrgCaller(state, actor, _): OrgCaller,
    if_match: IfMatch,
    ApiJson(body): ApiJson<OrganisationChange>,
) -> Result<impl IntoResponse, WebError> {
    let current = organisations::settings(&state, &actor).await?;
    let version = if_match.expected(current.version)?;
    let updated =
        organisations::update_settings(&state, &actor, &body.name, body.require_second_factor, None, version).await?;
    Ok(with_etag(updated.into()))
}
