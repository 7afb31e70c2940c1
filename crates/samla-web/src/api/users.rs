use super::extract::Id;
use super::{ApiJson, ApiQuery, IfMatch, OrgCaller, Page, Problem, Versioned};
use crate::api::conventions::{
    InvalidFields, InvalidPaging, OrgSlug, OrganisationProblems, PersonProblems, Saved, UserIfMatch, UserPath,
    VersionChecked,
};
use crate::error::WebError;
use crate::services::accounts::{self, MemberChange, NewMember};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use samla_storage::accounts::Member;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<String>,
    pub disabled: bool,
    pub has_second_factor: bool,
    pub version: i64,
}

impl From<Member> for User {
    fn from(m: Member) -> Self {
        User {
            id: m.id,
            email: m.email,
            name: m.name,
            roles: m.roles.iter().map(|r| r.as_str().to_string()).collect(),
            disabled: m.disabled,
            has_second_factor: m.has_second_factor,
            version: m.version,
        }
    }
}

page_params! {
    pub struct PageParams {
    }
}

/// People in the organisation (administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/users", operation_id = "listUsers", tag = "users",
    params(OrgSlug, PageParams),
    responses(
        (status = 200, description = "A page of people", body = Page<User>),
        OrganisationProblems,
        InvalidPaging,
    ))]
pub async fn list_users(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<PageParams>,
) -> Result<Json<Page<User>>, WebError> {
    let (limit, after) = params.page_bounds()?;
    let members = accounts::members(&state, &actor, after.unwrap_or(0), limit + 1).await?;
    Ok(Json(Page::after_key(members, limit, |m| m.id, User::from)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    #[schema(format = "email", max_length = 254)]
    pub email: String,
    #[schema(min_length = 1, max_length = 200, format = "required_line")]
    pub name: String,
    /// At least one of admin, coordinator, group_leader, secretary, user_representative, analyst.
    #[schema(min_items = 1)]
    pub roles: Vec<RoleName>,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RoleName {
    Admin,
    Coordinator,
    GroupLeader,
    Secretary,
    UserRepresentative,
    Analyst,
}

impl RoleName {
    pub(super) fn role(self) -> samla_domain::Role {
        use samla_domain::Role;
        match self {
            RoleName::Admin => Role::Admin,
            RoleName::Coordinator => Role::Coordinator,
            RoleName::GroupLeader => Role::GroupLeader,
            RoleName::Secretary => Role::Secretary,
            RoleName::UserRepresentative => Role::UserRepresentative,
            RoleName::Analyst => Role::Analyst,
        }
    }

    pub(super) fn of(role: samla_domain::Role) -> RoleName {
        use samla_domain::Role;
        match role {
            Role::Admin => RoleName::Admin,
            Role::Coordinator => RoleName::Coordinator,
            Role::GroupLeader => RoleName::GroupLeader,
            Role::Secretary => RoleName::Secretary,
            Role::UserRepresentative => RoleName::UserRepresentative,
            Role::Analyst => RoleName::Analyst,
        }
    }

    fn names(roles: &[RoleName]) -> Vec<String> {
        roles
            .iter()
            .map(|r| serde_json::to_value(r).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
            .collect()
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedUser {
    pub user: User,
    /// A one-time link, valid for 7 days, where the person chooses their password.
    pub invitation_url: String,
}

/// Adds a person, who chooses their own password through the invitation link.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/users", operation_id = "createUser", tag = "users",
    params(OrgSlug),
    request_body = NewUser,
    responses(
        (status = 201, description = "Added", body = CreatedUser),
        OrganisationProblems,
        (status = 409, description = "Already a member", body = Problem, content_type = "application/problem+json"),
        InvalidFields,
    ))]
pub async fn create_user(
    OrgCaller(state, actor, _): OrgCaller,
    ApiJson(body): ApiJson<NewUser>,
) -> Result<impl IntoResponse, WebError> {
    let new = NewMember::parse(&body.email, &body.name, &RoleName::names(&body.roles))?;
    let (user_id, secret) = accounts::invite(&state, &actor, new).await?;
    let member = accounts::member(&state, &actor, user_id).await?;
    let invitation_url = format!("{}/welcome/{secret}", state.config.public_url.trim_end_matches('/'));
    Ok((StatusCode::CREATED, Json(CreatedUser { user: member.into(), invitation_url })))
}

/// One person in the organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/users/{user_id}", operation_id = "getUser", tag = "users",
    params(UserPath),
    responses(
        (status = 200, description = "The person; ETag carries the version", body = User,
            headers(("ETag" = String, description = "Version for If-Match"))),
        PersonProblems,
    ))]
pub async fn get_user(OrgCaller(state, actor, Id(user_id)): OrgCaller<Id>) -> Result<impl IntoResponse, WebError> {
    let member = accounts::member(&state, &actor, user_id).await?;
    Ok(Versioned(member.version, User::from(member)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChange {
    #[schema(min_length = 1, max_length = 200, format = "required_line")]
    pub name: String,
    #[schema(min_items = 1)]
    pub roles: Vec<RoleName>,
    /// A disabled person cannot log in; their sessions and tokens stop working at once.
    pub disabled: bool,
}

/// Changes a person's name, roles here, and whether they are disabled.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/users/{user_id}", operation_id = "updateUser", tag = "users",
    params(UserPath, UserIfMatch),
    request_body = UserChange,
    responses(
        Saved<User>,
        PersonProblems,
        (status = 409, description = "Refused, e.g. removing your own administrator role", body = Problem, content_type = "application/problem+json"),
        VersionChecked,
        InvalidFields,
    ))]
pub async fn update_user(
    OrgCaller(state, actor, Id(user_id)): OrgCaller<Id>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<UserChange>,
) -> Result<impl IntoResponse, WebError> {
    let current = accounts::member(&state, &actor, user_id).await?;
    let version = if_match.expected(current.version)?;
    let change = MemberChange::parse(&body.name, &RoleName::names(&body.roles), body.disabled)?;
    let member = accounts::update_member(&state, &actor, user_id, change, Some(version)).await?;
    Ok(Versioned(member.version, User::from(member)))
}
