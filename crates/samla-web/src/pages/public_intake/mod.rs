//! The pages families and referrers reach without an account: an organisation's
//! catalogue of upcoming courses, the registration and referral forms with their
//! receipt, and the links sent by mail (withdraw, answer an offer, give consent).
//! No staff navigation; the organisation's name stands in the header.

mod apply;
mod links;

pub use apply::{show_form, submit_form, Refer, Register};
pub use links::{answer_offer, give_consent, show_consent, show_offer, show_withdraw, withdraw};

use super::Ui;
use crate::error::WebError;
use crate::forms::FormData;
use crate::org::OrgContext;
use crate::services::intake::public::{self, CatalogueEntry};
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::Value;
use samla_domain::privacy::retention::RetentionKind;

/// The largest body a public form may send; larger posts get 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A public form's body, read within the route's [`axum::extract::DefaultBodyLimit`].
pub struct PublicForm(pub FormData);

impl<S: Send + Sync> FromRequest<S> for PublicForm {
    type Rejection = WebError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                WebError::PayloadTooLarge
            } else {
                WebError::BadRequest { detail_key: "problem-form-detail", location: String::new() }
            }
        })?;
        Ok(PublicForm(FormData::from_request(Request::new(Body::from(bytes)), state).await?))
    }
}

/// What every public page shows in its header: the organisation's name, linking to its
/// catalogue.
fn organisation_value(organisation: &OrgContext) -> Value {
    minijinja::context! { name => organisation.name.clone(), slug => organisation.slug.clone() }
}

/// The organisation's name alone, for pages reached by a link (no catalogue link).
fn named(name: &str) -> Option<Value> {
    (!name.is_empty()).then(|| minijinja::context! { name => name, slug => "" })
}

/// The public phone and e-mail, with the phone also as a `tel:` address.
fn contact_value(phone: &str, email: &str) -> Value {
    let tel: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    minijinja::context! { phone => phone, tel => tel, email => email }
}

/// A catalogue entry as the templates show it.
fn course_value(entry: &CatalogueEntry) -> Value {
    let weekdays: Vec<&str> = entry.weekdays.split(',').map(str::trim).filter(|d| !d.is_empty()).collect();
    let age_bands: Vec<Value> =
        entry.age_bands.iter().map(|(min, max)| minijinja::context! { min => min, max => max }).collect();
    minijinja::context! {
        id => entry.course_id,
        name => entry.name.clone(),
        programme_name => entry.programme_name.clone(),
        summary => entry.summary.clone(),
        target_groups => entry.target_groups.clone(),
        age_bands => age_bands,
        venue => entry.venue.clone(),
        first_date => entry.first_date.clone(),
        last_date => entry.last_date.clone(),
        weekdays => weekdays,
        start_time => entry.start_time.clone(),
        session_count => entry.session_count,
        for_children => entry.for_children,
    }
}

/// Renders a public page: no staff navigation, the organisation in the header.
fn render(
    state: &AppState,
    ui: &Ui,
    status: StatusCode,
    template: &str,
    title_key: &str,
    organisation: Option<Value>,
    data: Value,
) -> Result<Response, WebError> {
    let data = minijinja::context! { public_org => organisation, ..data };
    ui.render_status(state, None, status, template, title_key, data)
}

/// `GET /o/{slug}`: the organisation's upcoming courses and how to join them.
pub async fn catalogue(State(state): State<AppState>, ui: Ui, Path(slug): Path<String>) -> Result<Response, WebError> {
    let catalogue = public::catalogue(&state, &slug).await?;
    let courses: Vec<Value> = catalogue.entries.iter().map(course_value).collect();
    render(
        &state,
        &ui,
        StatusCode::OK,
        "public_catalogue.html",
        "public-catalogue-title",
        Some(organisation_value(&catalogue.organisation)),
        minijinja::context! {
            courses => courses,
            contact => contact_value(&catalogue.public_phone, &catalogue.public_email),
        },
    )
}

/// `GET /o/{slug}/privacy`: what the organisation keeps about a family, for how long, and
/// whom to ask, in plain words.
pub async fn privacy(State(state): State<AppState>, ui: Ui, Path(slug): Path<String>) -> Result<Response, WebError> {
    let notice = public::privacy_notice(&state, &slug).await?;
    let months =
        |kind: RetentionKind| notice.rules.iter().find(|r| r.kind == kind).map_or(kind.default_months(), |r| r.months);
    render(
        &state,
        &ui,
        StatusCode::OK,
        "public_privacy.html",
        "public-privacy-title",
        Some(organisation_value(&notice.organisation)),
        minijinja::context! {
            applications_months => months(RetentionKind::UnplacedApplications),
            mail_months => months(RetentionKind::SentMail),
            observations_months => months(RetentionKind::Observations),
            contact => contact_value(&notice.public_phone, &notice.public_email),
        },
    )
}

/// A course id from the path; anything else is a course that does not exist.
fn course_id(raw: &str) -> Result<i64, WebError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(WebError::NotFound)
}

#[cfg(test)]
mod tests {
    use crate::i18n::I18n;
    use samla_domain::accounts::Language;
    use samla_domain::intake::consent::Purpose;

    /// Keys the public templates and handlers build from a value exist for every value.
    #[test]
    fn keys_built_from_values_exist() {
        let i18n = I18n::load();
        let mut keys: Vec<String> = Vec::new();
        for purpose in Purpose::ALL {
            keys.push(format!("public-purpose-{}", purpose.as_str()));
            keys.push(format!("public-agree-{}", purpose.as_str()));
        }
        for shown in ["open", "done", "closed", "unknown"] {
            keys.push(format!("public-withdraw-{shown}-title"));
        }
        for shown in ["open", "enrolled", "accepted", "declined", "expired", "unknown"] {
            keys.push(format!("public-offer-{shown}-title"));
        }
        for shown in ["open", "given", "used", "expired", "unknown"] {
            keys.push(format!("public-consent-{shown}-title"));
        }
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, &key), "{key} missing in {}", language.code());
            }
        }
    }
}
