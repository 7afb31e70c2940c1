//! The links families get by mail: withdraw an application, answer an offer of a place,
//! give consent as the other guardian. A link that is used up, expired or unknown gets a
//! kind page that says what to do, never an error page.

use super::{named, render, PublicForm};
use crate::error::WebError;
use crate::forms::FormState;
use crate::pages::Ui;
use crate::services::intake::consents::{self, LinkState, LinkView};
use crate::services::intake::public::{self, OfferState, WithdrawState};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::Value;

fn page(
    state: &AppState,
    ui: &Ui,
    template: &str,
    title_key: &str,
    status: StatusCode,
    organisation: &str,
    data: Value,
) -> Result<Response, WebError> {
    render(state, ui, status, template, title_key, named(organisation), data)
}

fn withdraw_page(
    state: &AppState,
    ui: &Ui,
    shown: &str,
    reference: &str,
    organisation: &str,
) -> Result<Response, WebError> {
    let status = if shown == "unknown" { StatusCode::NOT_FOUND } else { StatusCode::OK };
    page(
        state,
        ui,
        "public_withdraw.html",
        &format!("public-withdraw-{shown}-title"),
        status,
        organisation,
        minijinja::context! { shown => shown, reference => reference, organisation => organisation },
    )
}

/// `GET /withdraw/{token}`: asks before withdrawing.
pub async fn show_withdraw(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match public::withdraw_state(&state, &token).await? {
        WithdrawState::Open { reference, organisation_name } => {
            withdraw_page(&state, &ui, "open", &reference, &organisation_name)
        }
        WithdrawState::AlreadyClosed { reference } => withdraw_page(&state, &ui, "closed", &reference, ""),
        WithdrawState::Unknown => withdraw_page(&state, &ui, "unknown", "", ""),
    }
}

/// `POST /withdraw/{token}`: withdraws at once.
pub async fn withdraw(State(state): State<AppState>, ui: Ui, Path(token): Path<String>) -> Result<Response, WebError> {
    match public::withdraw_state(&state, &token).await? {
        WithdrawState::Open { organisation_name, .. } => match public::withdraw(&state, &token).await? {
            WithdrawState::AlreadyClosed { reference } => {
                withdraw_page(&state, &ui, "done", &reference, &organisation_name)
            }
            WithdrawState::Open { reference, .. } => withdraw_page(&state, &ui, "closed", &reference, ""),
            WithdrawState::Unknown => withdraw_page(&state, &ui, "unknown", "", ""),
        },
        WithdrawState::AlreadyClosed { reference } => withdraw_page(&state, &ui, "closed", &reference, ""),
        WithdrawState::Unknown => withdraw_page(&state, &ui, "unknown", "", ""),
    }
}

fn offer_page(state: &AppState, ui: &Ui, offer: OfferState) -> Result<Response, WebError> {
    let mut organisation = String::new();
    let (shown, status, data) = match offer {
        OfferState::Open { course_name, first_date, venue, deadline_at, organisation_name } => {
            organisation = organisation_name;
            (
                "open",
                StatusCode::OK,
                minijinja::context! {
                    course_name => course_name,
                    first_date => first_date,
                    venue => venue,
                    deadline_at => deadline_at,
                },
            )
        }
        OfferState::Accepted { enrolled: true, .. } => ("enrolled", StatusCode::OK, minijinja::context! {}),
        OfferState::Accepted { missing, .. } => {
            ("accepted", StatusCode::OK, minijinja::context! { missing => missing.join(", ") })
        }
        OfferState::Declined => ("declined", StatusCode::OK, minijinja::context! {}),
        OfferState::Expired => ("expired", StatusCode::OK, minijinja::context! {}),
        OfferState::Unknown => ("unknown", StatusCode::NOT_FOUND, minijinja::context! {}),
    };
    page(
        state,
        ui,
        "public_offer.html",
        &format!("public-offer-{shown}-title"),
        status,
        &organisation,
        minijinja::context! { shown => shown, ..data },
    )
}

/// `GET /offer/{token}`: the place offered, and the two answers.
pub async fn show_offer(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let offer = public::offer_state(&state, &token).await?;
    offer_page(&state, &ui, offer)
}

/// `POST /offer/{token}`: `answer` is accept or decline; declining may keep the family on
/// the waiting list (`keep_waiting`).
pub async fn answer_offer(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    PublicForm(form): PublicForm,
) -> Result<Response, WebError> {
    let offer = match form.get("answer") {
        "accept" => public::respond_to_offer(&state, &token, true, false).await?,
        "decline" => public::respond_to_offer(&state, &token, false, form.checked("keep_waiting")).await?,
        // Neither button (a hand-made post): show the offer again.
        _ => public::offer_state(&state, &token).await?,
    };
    offer_page(&state, &ui, offer)
}

fn consent_page(
    state: &AppState,
    ui: &Ui,
    shown: &str,
    view: Option<&LinkView>,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let texts: Vec<Value> = view
        .map(|view| {
            view.texts
                .iter()
                .map(|text| {
                    let paragraphs: Vec<&str> =
                        text.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
                    minijinja::context! { purpose => text.purpose.clone(), paragraphs => paragraphs }
                })
                .collect()
        })
        .unwrap_or_default();
    page(
        state,
        ui,
        "public_consent.html",
        &format!("public-consent-{shown}-title"),
        status,
        view.map(|v| v.organisation_name.as_str()).unwrap_or(""),
        minijinja::context! {
            shown => shown,
            form => ui.form(state, &form),
            texts => texts,
            giver => view.map(|v| v.giver_name.clone()).unwrap_or_default(),
            child => view.map(|v| v.participant_first_name.clone()).unwrap_or_default(),
        },
    )
}

fn closed_consent_page(state: &AppState, ui: &Ui, link: &LinkState) -> Result<Response, WebError> {
    let (shown, status) = match link {
        LinkState::Used => ("used", StatusCode::OK),
        LinkState::Expired => ("expired", StatusCode::OK),
        _ => ("unknown", StatusCode::NOT_FOUND),
    };
    consent_page(state, ui, shown, None, FormState::new(), status)
}

/// `GET /consent/{token}`: the consent texts, each with its own box to tick.
pub async fn show_consent(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match consents::open_link(&state, &token).await? {
        LinkState::Open(view) => consent_page(&state, &ui, "open", Some(&view), FormState::new(), StatusCode::OK),
        other => closed_consent_page(&state, &ui, &other),
    }
}

/// `POST /consent/{token}`: records the consents ticked.
pub async fn give_consent(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    PublicForm(form): PublicForm,
) -> Result<Response, WebError> {
    let view = match consents::open_link(&state, &token).await? {
        LinkState::Open(view) => view,
        other => return closed_consent_page(&state, &ui, &other),
    };
    match consents::give_by_link(&state, &token, &form.all("consents")).await {
        // The link is used up by this answer: thank the giver.
        Ok(LinkState::Used) => consent_page(&state, &ui, "given", Some(&view), FormState::new(), StatusCode::OK),
        Ok(other) => closed_consent_page(&state, &ui, &other),
        Err(WebError::Invalid(errors)) => consent_page(
            &state,
            &ui,
            "open",
            Some(&view),
            form.kept().with_errors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => Err(other),
    }
}
