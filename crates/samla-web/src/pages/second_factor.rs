use super::{login_cookies, redirect_with, safe_next, user_agent, ClientAddress, FormPage, Ui};
use crate::auth::PendingSession;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::http::RequestId;
use crate::services::{accounts, login};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use samla_domain::accounts::totp::TotpSecret;
use std::collections::HashMap;

pub async fn show_check(
    State(state): State<AppState>,
    ui: Ui,
    pending: PendingSession,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    if pending.session.stage != "second_factor" {
        return Ok(Redirect::to("/").into_response());
    }
    let next = safe_next(query.get("next").map(String::as_str).unwrap_or("/"));
    CHECK_PAGE.show_signed_out(
        &state,
        &ui,
        FormState::new().with_value("next", next),
        StatusCode::OK,
        minijinja::context! {},
    )
}

const CHECK_PAGE: FormPage = FormPage { template: "second_factor.html", title_key: "second-factor-title" };

pub async fn submit_check(
    State(state): State<AppState>,
    ui: Ui,
    pending: PendingSession,
    Extension(request_id): Extension<RequestId>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    form: FormData,
) -> Result<Response, WebError> {
    if pending.session.stage != "second_factor" {
        return Ok(Redirect::to("/").into_response());
    }
    let next = safe_next(form.get("next"));
    match login::with_second_factor(&state, &pending, form.get("code"), &address, user_agent(&headers), &request_id.0)
        .await
    {
        Ok(session) => Ok(redirect_with(login_cookies(&state, &session.secret, session.language.as_deref()), &next)),
        Err(WebError::Invalid(errors)) => CHECK_PAGE.show_signed_out(
            &state,
            &ui,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
            minijinja::context! {},
        ),
        Err(other) => Err(other),
    }
}

/// The enrolment page: a fresh secret as a QR code and as text, and a field for the
/// first code. Reachable from the account page and, when the organisation requires a
/// second factor, straight after the password.
pub async fn show_enrol(State(state): State<AppState>, ui: Ui, pending: PendingSession) -> Result<Response, WebError> {
    let secret = TotpSecret::generate();
    render_enrol(&state, &ui, &pending, &secret.to_base32(), FormState::new(), StatusCode::OK)
}

fn render_enrol(
    state: &AppState,
    ui: &Ui,
    pending: &PendingSession,
    secret: &str,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let uri =
        TotpSecret::from_base32(secret).map(|s| s.provisioning_uri("samla", &pending.user.email)).unwrap_or_default();
    let qr = qrcode::QrCode::new(uri.as_bytes())
        .map(|code| code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build())
        .map_err(|e| WebError::Internal(format!("QR code: {e}")))?;
    let qr_data_uri = format!("data:image/svg+xml;base64,{}", data_encoding::BASE64.encode(qr.as_bytes()));
    let grouped: Vec<String> = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    ui.render_status(
        state,
        None,
        status,
        "enrol_second_factor.html",
        "enrol-title",
        minijinja::context! {
            form => ui.form(state, &form),
            secret => secret,
            secret_grouped => grouped.join(" "),
            qr => qr_data_uri,
            required => pending.session.stage == "enrol_second_factor",
            replacing => pending.user.has_second_factor(),
        },
    )
}

pub async fn submit_enrol(
    State(state): State<AppState>,
    ui: Ui,
    pending: PendingSession,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    form: FormData,
) -> Result<Response, WebError> {
    if pending.session.stage == "second_factor" {
        return Ok(Redirect::to(&format!("/login/second-factor?next={}", crate::http::query_value("/account")))
            .into_response());
    }
    let secret = form.get("secret").to_string();
    match accounts::enrol_second_factor(
        &state,
        &pending,
        &secret,
        form.get("code"),
        user_agent(&headers),
        &request_id.0,
    )
    .await
    {
        Ok((codes, new_session)) => {
            let context = minijinja::context! { codes => codes };
            let page = ui.render(&state, None, "recovery_codes.html", "recovery-title", context)?;
            Ok(match new_session {
                Some(secret) => {
                    let mut page = page;
                    login_cookies(&state, &secret, pending.user.language.as_deref()).apply(page.headers_mut());
                    page
                }
                None => page,
            })
        }
        Err(WebError::Invalid(errors)) => render_enrol(
            &state,
            &ui,
            &pending,
            &secret,
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other),
    }
}
