use super::extract::{etag, Id};
use super::{ApiJson, ApiQuery, IfMatch, OrgCaller, Page, Problem};
use crate::api::conventions::{
    InvalidFields, InvalidPaging, OrgSlug, OrganisationProblems, PersonProblems, Saved, UserIfMatch, UserPath,
    VersionChecked,
};
use crate::error::WebError;
use crate::services::accounts::{self, MemberChange, NewMember};
use axum::http::header::ETAG;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::accounts::Member;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// How many to return, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    #[param(pattern = "^[0-9]{1,18}$")]
    pub cursor: Option<String>,
}

pub(super) fn page_bounds(limit: Option<i64>, cursor: Option<&str>) -> Result<(i64, Option<i64>), WebError> {
    let mut errors = FieldErrors::new();
    let limit = limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        errors.push(FieldError::new("limit", "error-limit").with_arg("max", 200));
    }
    let cursor = match cursor {
        Some(c) => match c.parse::<i64>() {
            Ok(v) if v >= 0 && c.len() <= 18 && c.bytes().all(|b| b.is_ascii_digit()) => Some(v),
            _ => {
                errors.push(FieldError::new("cursor", "error-cursor"));
                None
            }
        },
        None => None,
    };
    errors.finish(|| (limit, cursor)).map_err(WebError::Invalid)
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
    let (limit, after) = page_bounds(params.limit, params.cursor.as_deref())?;
    let mut members = accounts::members(&state, &actor, after.unwrap_or(0), limit + 1).await?;
    let next_cursor = if members.len() as i64 > limit {
        members.truncate(limit as usize);
        members.last().map(|m| m.id.to_string())
    } else {
        None
    };
    Ok(Json(Page { items: members.into_iter().map(User::from).collect(), next_cursor }))
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
    Ok(([(ETAG, etag(member.version))], Json(User::from(member))))
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
    Ok(([(ETAG, etag(member.version))], Json(User::from(member))))
}
