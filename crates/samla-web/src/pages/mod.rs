//! Server-rendered pages, one module per feature. Each handler extracts, authorises
//! (through the actor), calls a service and renders.

mod access_requests;
mod account;
mod admin_audit;
mod calendar;
pub(crate) use admin_audit::parse_query as parse_audit_query;
mod admin_organisation;
mod admin_users;
mod course_sessions;
mod courses;
mod health;
mod home;
mod intake;
pub mod intake_labels;
mod language;
mod login;
mod outbox;
mod privacy;
mod processing;
mod programmes;
mod public_intake;
mod questionnaires;
mod reports;
mod retention;
mod running;
mod school_holidays;
mod second_factor;
mod setup;
mod staff_directory;
mod staffing;
mod statistics;

use crate::auth::session_cookie_name;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::FormState;
use crate::http::ids::id_of;
use crate::http::{CookieJar, CsrfToken, Lang, LANGUAGE_COOKIE};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::extract::{ConnectInfo, Path, Query};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::accounts::Language;
use samla_domain::Action;
use std::collections::HashMap;
use std::net::SocketAddr;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/static/samla.css", get(health::stylesheet))
        .route("/", get(home::show))
        .route("/organisation", post(home::switch_organisation))
        .route("/login", get(login::show).post(login::submit))
        .route("/login/second-factor", get(second_factor::show_check).post(second_factor::submit_check))
        .route("/logout", post(login::logout))
        .route("/language", post(language::choose))
        .route("/account", get(account::show))
        .route("/account/password", post(account::change_password))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/account/sessions/end", post(account::end_sessions))
        .route("/account/calendar", post(account::create_calendar_feed))
        .route("/account/calendar/revoke", post(account::revoke_calendar_feed))
        .route("/account/second-factor", get(second_factor::show_enrol).post(second_factor::submit_enrol))
        .route("/setup/{token}", get(setup::show_first_admin).post(setup::submit_first_admin))
        .route("/welcome/{token}", get(setup::show_welcome).post(setup::submit_welcome))
        .route("/admin/users", get(admin_users::list).post(admin_users::create))
        .route("/admin/users/new", get(admin_users::new_form))
        .route("/admin/users/{id}", get(admin_users::show).post(admin_users::update))
        .route("/admin/users/{id}/second-factor/reset", post(admin_users::reset_second_factor))
        .route("/admin/users/{id}/invitation", post(admin_users::reinvite))
        .route("/staff", get(staff_directory::show))
        .route("/admin/organisation", get(admin_organisation::show).post(admin_organisation::update))
        .route("/admin/audit", get(admin_audit::search))
        .route("/calendar/{file}", get(calendar::feed))
        .route("/programmes", get(programmes::library))
        .route("/programmes/import", get(programmes::import_form).post(programmes::import))
        .route("/programmes/{id}", get(programmes::show))
        .route("/programmes/{id}/edit", get(programmes::edit).post(programmes::update))
        .route("/programmes/{id}/archive", post(programmes::archive))
        .route("/programmes/{id}/unarchive", post(programmes::unarchive))
        .route("/programmes/{id}/certifications", post(programmes::certify))
        .route("/programmes/{id}/certifications/{user_id}/remove", post(programmes::uncertify))
        .route("/courses", get(courses::list).post(courses::create))
        .route("/courses/new", get(courses::new_form))
        .route("/courses/{id}", get(courses::show))
        .route("/courses/{id}/edit", get(courses::edit).post(courses::update))
        .route("/courses/{id}/status", post(courses::set_status))
        .route("/courses/{id}/staff", post(courses::add_staff))
        .route("/courses/{id}/staff/{staff_id}/remove", post(courses::remove_staff))
        .route("/courses/{id}/checklist/{item_id}", post(courses::update_checklist_item))
        .route("/courses/{id}/budget", get(courses::budget_form).post(courses::save_budget))
        .route("/courses/{id}/calendar", post(courses::create_feed))
        .route("/courses/{id}/calendar/revoke", post(courses::revoke_feed))
        .route("/courses/{id}/sessions", post(course_sessions::add))
        .route("/courses/{id}/sessions/new", get(course_sessions::new_form))
        .route("/courses/{id}/sessions/{session_id}", get(course_sessions::show))
        .route("/courses/{id}/sessions/{session_id}/move", post(course_sessions::move_session))
        .route("/courses/{id}/sessions/{session_id}/cancel", post(course_sessions::cancel_session))
        .route("/courses/{id}/sessions/{session_id}/staff", post(course_sessions::set_staff))
        .route("/school-holidays", get(school_holidays::list).post(school_holidays::add))
        .route("/school-holidays/{id}/remove", post(school_holidays::remove))
        .route("/outbox", get(outbox::list))
        .route("/outbox/{id}/retry", post(outbox::retry))
        .merge(public_intake_routes())
        .merge(intake_routes())
        .merge(running::routes())
        .merge(questionnaires::routes())
        .merge(reports::routes())
        .merge(statistics::routes())
        .merge(privacy::routes())
        .merge(retention::routes())
        .merge(access_requests::routes())
        .route("/record-of-processing", get(processing::show))
}

/// The public intake pages (no login); their forms may send at most 64 KiB.
fn public_intake_routes() -> Router<AppState> {
    use axum::extract::DefaultBodyLimit;
    use public_intake::{show_form, submit_form, Refer, Register};
    Router::new()
        .route("/o/{slug}", get(public_intake::catalogue))
        .route("/o/{slug}/privacy", get(public_intake::privacy))
        .route("/o/{slug}/courses/{course_id}/register", get(show_form::<Register>).post(submit_form::<Register>))
        .route("/o/{slug}/courses/{course_id}/refer", get(show_form::<Refer>).post(submit_form::<Refer>))
        .route("/withdraw/{token}", get(public_intake::show_withdraw).post(public_intake::withdraw))
        .route("/offer/{token}", get(public_intake::show_offer).post(public_intake::answer_offer))
        .route("/consent/{token}", get(public_intake::show_consent).post(public_intake::give_consent))
        .layer(DefaultBodyLimit::max(public_intake::BODY_LIMIT))
}

/// The staff's intake pages: the board, applications, households, waitlists, the group
/// proposal for a course and the settings.
fn intake_routes() -> Router<AppState> {
    use intake::{application, board, group, household, new, settings, waitlist};
    Router::new()
        .route("/intake", get(board::show))
        .route("/intake/new", get(new::show).post(new::submit))
        .route("/intake/waitlist", get(waitlist::show))
        .route("/intake/settings", get(settings::show).post(settings::update))
        .route("/intake/settings/channels", post(settings::add_channel))
        .route("/intake/settings/channels/{id}/archive", post(settings::archive_channel))
        .route("/intake/settings/channels/{id}/unarchive", post(settings::unarchive_channel))
        .route("/intake/settings/consent-texts", post(settings::add_text))
        .route("/intake/households/{id}", get(household::show))
        .route("/intake/households/{id}/adults", post(household::add_adult))
        .route("/intake/applications/{id}", get(application::show))
        .route("/intake/applications/{id}/move", post(application::move_stage))
        .route("/intake/applications/{id}/pre-conversations", post(application::pre_conversation))
        .route("/intake/applications/{id}/details", post(application::details))
        .route("/intake/applications/{id}/consents", post(application::record_consent))
        .route("/intake/applications/{id}/consents/{consent_id}/withdraw", post(application::withdraw_consent))
        .route("/intake/applications/{id}/consent-link", post(application::consent_link))
        .route("/intake/applications/{id}/merge", post(application::merge))
        .route("/courses/{id}/group", get(group::show))
        .route("/courses/{id}/group/confirm", post(group::confirm))
}

/// What every page needs from the request: language, the form token and where we are.
pub struct Ui {
    pub lang: Language,
    pub csrf: String,
    pub path: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Ui {
            lang: parts.extensions.get::<Lang>().map(|l| l.0).unwrap_or_default(),
            csrf: parts.extensions.get::<CsrfToken>().map(|c| c.0.clone()).unwrap_or_default(),
            path: parts.uri.path().to_string(),
        })
    }
}

/// The record id in a page's path (`/courses/{id}`): a whole number, or the page is not
/// found.
pub struct PathId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        id_of(&raw).map(PathId).map_err(IntoResponse::into_response)
    }
}

/// The `N` record ids in a page's path, in order (`/courses/{id}/sessions/{session_id}`):
/// each a whole number, or the page is not found.
pub struct PathIds<const N: usize>(pub [i64; N]);

impl<S: Send + Sync, const N: usize> FromRequestParts<S> for PathIds<N> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) =
            Path::<Vec<String>>::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let ids = raw
            .iter()
            .map(|r| id_of(r))
            .collect::<Result<Vec<i64>, WebError>>()
            .map_err(IntoResponse::into_response)?;
        let ids: [i64; N] = ids.try_into().map_err(|_| WebError::NotFound.into_response())?;
        Ok(PathIds(ids))
    }
}

/// The notice a redirect after a change asks its page to show (`?saved=…`), as sent.
pub struct Saved(pub Option<String>);

impl Saved {
    /// The notice, if it is one of those the page knows.
    pub fn known(&self, known: &[&'static str]) -> Option<&'static str> {
        self.0.as_deref().and_then(|n| known.iter().find(|k| **k == n).copied())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Saved {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(mut query) = Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Saved(query.remove("saved")))
    }
}

/// What a signed-in page takes from every request: the application, the page's
/// language and form token, and who is asking (rejected as unauthenticated when no one
/// is signed in).
pub struct Page {
    pub state: AppState,
    pub ui: Ui,
    pub actor: Actor,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ui = Ui::from_request_parts(parts, state).await?;
        let actor = Actor::from_request_parts(parts, state).await?;
        Ok(Page { state: state.clone(), ui, actor })
    }
}

impl Ui {
    pub fn form(&self, state: &AppState, form: &FormState) -> Value {
        form.to_value(&state.i18n, self.lang)
    }

    /// Renders a page inside the common frame (header, navigation, language switcher).
    pub fn render(
        &self,
        state: &AppState,
        actor: Option<&Actor>,
        template: &str,
        title_key: &str,
        data: Value,
    ) -> Result<Response, WebError> {
        self.render_status(state, actor, StatusCode::OK, template, title_key, data)
    }

    pub fn render_status(
        &self,
        state: &AppState,
        actor: Option<&Actor>,
        status: StatusCode,
        template: &str,
        title_key: &str,
        data: Value,
    ) -> Result<Response, WebError> {
        let user = actor.map(|a| {
            minijinja::context! {
                name => a.name.clone(),
                organisation => a.organisation.name.clone(),
                nav => navigation(a, &self.path),
            }
        });
        let context = minijinja::context! {
            lang => self.lang.code(),
            csrf => self.csrf.clone(),
            path => self.path.clone(),
            title_key => title_key,
            tz => actor.map_or_else(|| crate::org::HOME_COUNTRY.timezone(), |a| a.organisation.timezone()).name(),
            user => user,
            ..data
        };
        let html = state.views.render(template, context)?;
        Ok((status, Html(html)).into_response())
    }
}

/// A page drawn around one form: its template and the key of its title. It is shown
/// first empty (or filled from what is stored), and again with what was typed and its
/// errors when the form is refused.
pub struct FormPage {
    pub template: &'static str,
    pub title_key: &'static str,
}

impl FormPage {
    /// The page with `form` as the template's `form`.
    pub fn show(
        &self,
        state: &AppState,
        ui: &Ui,
        actor: &Actor,
        form: FormState,
        status: StatusCode,
    ) -> Result<Response, WebError> {
        self.show_with(state, ui, actor, form, status, minijinja::context! {})
    }

    /// The page with `form` as the template's `form`, and `data` besides.
    pub fn show_with(
        &self,
        state: &AppState,
        ui: &Ui,
        actor: &Actor,
        form: FormState,
        status: StatusCode,
        data: Value,
    ) -> Result<Response, WebError> {
        self.draw(state, ui, Some(actor), form, status, data)
    }

    /// The page for someone not signed in (logging in, choosing a password), with `data`.
    pub fn show_signed_out(
        &self,
        state: &AppState,
        ui: &Ui,
        form: FormState,
        status: StatusCode,
        data: Value,
    ) -> Result<Response, WebError> {
        self.draw(state, ui, None, form, status, data)
    }

    fn draw(
        &self,
        state: &AppState,
        ui: &Ui,
        actor: Option<&Actor>,
        form: FormState,
        status: StatusCode,
        data: Value,
    ) -> Result<Response, WebError> {
        let context = minijinja::context! { form => ui.form(state, &form), ..data };
        ui.render_status(state, actor, status, self.template, self.title_key, context)
    }
}

/// The links a person's roles lead to, decided by the policy.
fn navigation(actor: &Actor, path: &str) -> Vec<Value> {
    let mut items = vec![("/", "nav-home")];
    if actor.roles.may(Action::ViewCourses) {
        items.push(("/today", "nav-today"));
    }
    if actor.roles.may(Action::ViewProgrammes) {
        items.push(("/programmes", "nav-programmes"));
    }
    if actor.roles.may(Action::ViewCourses) {
        items.push(("/courses", "nav-courses"));
    }
    if actor.roles.may(Action::ManageIntake) {
        items.push(("/intake", "nav-intake"));
    }
    if actor.roles.may(Action::ReportConcerns) {
        items.push(("/concerns", "nav-concerns"));
    }
    if actor.roles.may(Action::ManageUsers) {
        items.push(("/admin/users", "nav-users"));
    } else if actor.roles.may(Action::ViewStaffDirectory) {
        // Administrators find everyone under People; the directory is for planners.
        items.push(("/staff", "nav-staff"));
    }
    if actor.roles.may(Action::ManageOrganisationSettings) {
        items.push(("/admin/organisation", "nav-organisation"));
    }
    if actor.roles.may(Action::ViewAggregateStatistics) {
        items.push(("/statistics", "nav-statistics"));
    }
    if actor.roles.may(Action::ViewAuditLog) {
        items.push(("/admin/audit", "nav-audit"));
    }
    if crate::services::outbox::may_see_outbox(&actor.roles) {
        items.push(("/outbox", "nav-outbox"));
    }
    items.push(("/account", "nav-account"));
    items
        .into_iter()
        .map(|(href, key)| {
            let current = path == href || (href != "/" && path.starts_with(href));
            minijinja::context! { href => href, key => key, current => current }
        })
        .collect()
}

/// Where to go after logging in: only a path on this site (and one that fits in a
/// `Location` header: no control characters).
pub fn safe_next(raw: &str) -> String {
    if raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.starts_with("/login")
        && !raw.chars().any(char::is_control)
    {
        raw.to_string()
    } else {
        "/".to_string()
    }
}

/// The client's address, for throttling.
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let address = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ClientAddress(address.unwrap_or_else(|| "unknown".to_string())))
    }
}

/// The browser's description, kept to show a person their sessions.
pub fn user_agent(headers: &axum::http::HeaderMap) -> &str {
    headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// Sets the session cookie (ends with the browser) and the language cookie.
pub fn login_cookies(state: &AppState, session_secret: &str, language: Option<&str>) -> CookieJar {
    let mut jar = CookieJar::default();
    let secure = state.config.uses_tls();
    jar.add(session_cookie_name(state), session_secret, None, secure, false);
    if let Some(language) = language.and_then(Language::parse) {
        jar.add(LANGUAGE_COOKIE, language.code(), Some(365 * 24 * 3600), secure, false);
    }
    jar
}

/// A redirect that also sets cookies.
pub fn redirect_with(jar: CookieJar, to: &str) -> Response {
    let mut response = axum::response::Redirect::to(to).into_response();
    jar.apply(response.headers_mut());
    response
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/admin/users"), "/admin/users");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil"), "/");
        assert_eq!(safe_next("/login"), "/");
        assert_eq!(safe_next("/account\r\nSet-Cookie: x=1"), "/");
    }
}
