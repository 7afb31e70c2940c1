use super::{FormPage, Ui};
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::http::RequestId;
use crate::services::{accounts, setup};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

pub async fn show_first_admin(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if !setup::setup_link_valid(&state.store, &token, state.clock.now()).await? {
        return Err(WebError::Gone);
    }
    let form = FormState::new().with_value("country", "NO");
    FIRST_ADMIN_PAGE.show_signed_out(&state, &ui, form, StatusCode::OK, minijinja::context! {})
}

const FIRST_ADMIN_PAGE: FormPage = FormPage { template: "setup.html", title_key: "setup-title" };

pub async fn submit_first_admin(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let parsed = setup::FirstAdmin::parse(
        form.get("organisation_name"),
        form.get("slug"),
        form.get("country"),
        form.get("name"),
        form.get("email"),
        form.get("password"),
    );
    let result = match parsed {
        Ok(admin) => setup::create_first_admin(&state.store, &token, admin, state.clock.now()).await.map(|_| ()),
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/login?welcome=1").into_response()),
        Err(WebError::Invalid(errors)) => FIRST_ADMIN_PAGE.show_signed_out(
            &state,
            &ui,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
            minijinja::context! {},
        ),
        Err(WebError::Taken(field)) => {
            let errors = samla_domain::FieldErrors::single(samla_domain::FieldError::new(field, "error-taken"));
            FIRST_ADMIN_PAGE.show_signed_out(
                &state,
                &ui,
                form.kept().with_errors(errors),
                StatusCode::CONFLICT,
                minijinja::context! {},
            )
        }
        Err(other) => Err(other),
    }
}

/// An invited person chooses their password.
pub async fn show_welcome(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let user = accounts::invitation(&state, &token).await?;
    render_welcome(&state, &ui, &user.name, FormState::new(), StatusCode::OK)
}

const WELCOME_PAGE: FormPage = FormPage { template: "welcome.html", title_key: "welcome-title" };

fn render_welcome(
    state: &AppState,
    ui: &Ui,
    name: &str,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    WELCOME_PAGE.show_signed_out(state, ui, form, status, minijinja::context! { name => name })
}

pub async fn submit_welcome(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    Extension(request_id): Extension<RequestId>,
    form: FormData,
) -> Result<Response, WebError> {
    let user = accounts::invitation(&state, &token).await?;
    match accounts::accept_invitation(&state, &token, form.get("password"), form.get("repeat_password"), &request_id.0)
        .await
    {
        Ok(()) => Ok(Redirect::to("/login?welcome=1").into_response()),
        Err(WebError::Invalid(errors)) => {
            render_welcome(&state, &ui, &user.name, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(other) => Err(other),
    }
}
