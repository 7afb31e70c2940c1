use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::{FormPage, Page};
use crate::services::accounts::{self, MemberChange, NewMember};
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::{Action, FieldError, FieldErrors, Role};
use samla_storage::accounts::Member;
use std::collections::HashMap;

const PAGE_SIZE: i64 = 50;

fn member_value(member: &Member) -> minijinja::Value {
    minijinja::context! {
        id => member.id,
        email => member.email.clone(),
        name => member.name.clone(),
        disabled => member.disabled,
        has_second_factor => member.has_second_factor,
        roles => member.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        version => member.version,
    }
}

fn all_roles() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.as_str()).collect()
}

pub async fn list(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let after: i64 = query.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
    let members = accounts::members(&state, &actor, after, PAGE_SIZE + 1).await?;
    let more = members.len() as i64 > PAGE_SIZE;
    let shown = &members[..members.len().min(PAGE_SIZE as usize)];
    let context = minijinja::context! {
        members => shown.iter().map(member_value).collect::<Vec<_>>(),
        next_after => if more { shown.last().map(|m| m.id) } else { None },
    };
    ui.render(&state, Some(&actor), "admin_users.html", "users-title", context)
}

pub async fn new_form(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageUsers).await?;
    NEW_PAGE.show_with(&state, &ui, &actor, FormState::new(), StatusCode::OK, roles_data())
}

/// What the role check boxes of the new-person form offer.
fn roles_data() -> minijinja::Value {
    minijinja::context! { all_roles => all_roles() }
}

const NEW_PAGE: FormPage = FormPage { template: "admin_user_new.html", title_key: "user-new-title" };

pub async fn create(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    let result = match NewMember::parse(form.get("email"), form.get("name"), &form.all("roles")) {
        Ok(new) => accounts::invite(&state, &actor, new).await,
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok((user_id, secret)) => render_invitation(&state, &ui, &actor, user_id, &secret),
        Err(WebError::Invalid(errors)) => NEW_PAGE.show_with(
            &state,
            &ui,
            &actor,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
            roles_data(),
        ),
        Err(WebError::Taken(field)) => {
            let errors = FieldErrors::single(FieldError::new(field, "error-member-exists"));
            NEW_PAGE.show_with(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::CONFLICT, roles_data())
        }
        Err(other) => Err(other),
    }
}

/// Shows an invitation link once, for the administrator to pass on.
fn render_invitation(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    user_id: i64,
    secret: &str,
) -> Result<Response, WebError> {
    let link = format!("{}/welcome/{secret}", state.config.public_url.trim_end_matches('/'));
    let context =
        minijinja::context! { link => link, user_id => user_id, days => accounts::INVITATION_SECONDS / 86400 };
    ui.render(state, Some(actor), "invitation.html", "invitation-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    Path(id): Path<i64>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let member = accounts::member(&state, &actor, id).await?;
    let form = FormState::new()
        .with_value("name", &member.name)
        .with_values("roles", member.roles.iter().map(|r| r.as_str().to_string()).collect())
        .with_value("disabled", if member.disabled { "1" } else { "" })
        .with_value("version", member.version);
    render_member(&state, &ui, &actor, &member, form, StatusCode::OK, query.get("saved").map(String::as_str))
}

fn render_member(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    member: &Member,
    form: FormState,
    status: StatusCode,
    saved: Option<&str>,
) -> Result<Response, WebError> {
    let context = minijinja::context! {
        member => member_value(member),
        form => ui.form(state, &form),
        all_roles => all_roles(),
        saved => saved.filter(|s| ["saved", "second-factor-reset"].contains(s)),
        is_self => member.id == actor.user_id,
    };
    ui.render_status(state, Some(actor), status, "admin_user.html", "user-title", context)
}

pub async fn update(
    Page { state, ui, actor }: Page,
    Path(id): Path<i64>,
    form: FormData,
) -> Result<Response, WebError> {
    let expected = form.get("version").parse::<i64>().ok();
    let result = match MemberChange::parse(form.get("name"), &form.all("roles"), form.checked("disabled")) {
        Ok(change) => accounts::update_member(&state, &actor, id, change, expected.or(Some(0))).await,
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/admin/users/{id}?saved=saved")).into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let member = accounts::member(&state, &actor, id).await?;
            render_member(
                &state,
                &ui,
                &actor,
                &member,
                form.kept().with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
        }
        Err(WebError::Stale) => {
            let member = accounts::member(&state, &actor, id).await?;
            let errors = FieldErrors::single(FieldError::new("name", "error-changed-meanwhile"));
            let form = form.kept().with_errors(errors).with_value("version", member.version);
            render_member(&state, &ui, &actor, &member, form, StatusCode::CONFLICT, None)
        }
        Err(other) => Err(other),
    }
}

pub async fn reset_second_factor(Page { state, actor, .. }: Page, Path(id): Path<i64>) -> Result<Response, WebError> {
    accounts::reset_second_factor(&state, &actor, id).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}?saved=second-factor-reset")).into_response())
}

pub async fn reinvite(Page { state, ui, actor }: Page, Path(id): Path<i64>) -> Result<Response, WebError> {
    let secret = accounts::reinvite(&state, &actor, id).await?;
    render_invitation(&state, &ui, &actor, id, &secret)
}
