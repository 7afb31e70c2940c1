//! The test harness: every test starts the real application on a random port against
//! a fresh database and talks HTTP to it, as a browser or an API client would.
//!
//! The backend is SQLite in a temporary directory, unless `SAMLA_TEST_POSTGRES_URL`
//! names a PostgreSQL server (e.g. `postgres://postgres@127.0.0.1:5432/postgres`): then
//! each test gets its own new database there, dropped when the test ends.

#![allow(dead_code)]

pub mod cli;
pub mod data;
pub mod questionnaires;
pub mod running;
mod template;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use samla_storage::db::{self, Binds};
use samla_storage::Store;
use samla_web::services::setup;
use samla_web::{AppState, Clock, MailSettings, WebConfig};
use sqlx::any::AnyRow;
use std::net::SocketAddr;
use std::path::PathBuf;

pub const PASSWORD: &str = "stille vann har dyp bunn";

/// [`PASSWORD`] hashed once for every person the tests add: a hash costs as much as a
/// sign-in, and the tests add some two thousand people.
pub fn password_hash() -> setup::InitialPassword<'static> {
    static HASH: std::sync::OnceLock<samla_domain::accounts::PasswordHash> = std::sync::OnceLock::new();
    setup::InitialPassword::Hashed(HASH.get_or_init(|| {
        samla_domain::accounts::NewPassword::parse("password", PASSWORD).expect("a good password").hash()
    }))
}

pub struct TestApp {
    pub base_url: String,
    pub state: AppState,
    pub database_url: String,
    _dir: TempDir,
    postgres_db: Option<(String, String)>,
}

/// A temporary directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let path = std::env::temp_dir()
            .join(format!("samla-test-{}", samla_domain::secrets::random_token(9).replace(['-', '_'], "x")));
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn backend_is_postgres() -> bool {
    std::env::var("SAMLA_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty())
}

async fn fresh_database(dir: &TempDir) -> (String, Option<(String, String)>) {
    match std::env::var("SAMLA_TEST_POSTGRES_URL").ok().filter(|v| !v.is_empty()) {
        Some(admin_url) => {
            let name = format!(
                "samla_test_{}",
                samla_domain::secrets::random_token(9).to_lowercase().replace(['-', '_'], "x")
            );
            let admin = Store::connect(&admin_url).await.expect("PostgreSQL reachable");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.pool()).await.expect("create database");
            admin.close().await;
            let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin_url.clone());
            (format!("{base}/{name}"), Some((admin_url, name)))
        }
        None => (format!("sqlite://{}", dir.0.join("samla.db").display()), None),
    }
}

/// A fresh database with every migration applied, copied from the process's template.
async fn migrated_database(dir: &TempDir) -> (String, Option<(String, String)>) {
    match std::env::var("SAMLA_TEST_POSTGRES_URL").ok().filter(|v| !v.is_empty()) {
        Some(admin_url) => {
            let template = template::postgres(&admin_url);
            let name = format!(
                "samla_test_{}",
                samla_domain::secrets::random_token(9).to_lowercase().replace(['-', '_'], "x")
            );
            let admin = Store::connect(&admin_url).await.expect("PostgreSQL reachable");
            sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .execute(admin.pool())
                .await
                .expect("create database");
            admin.close().await;
            let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin_url.clone());
            (format!("{base}/{name}"), Some((admin_url, name)))
        }
        None => {
            let path = dir.0.join("samla.db");
            std::fs::copy(template::sqlite(), &path).expect("copy of the template");
            (format!("sqlite://{}", path.display()), None)
        }
    }
}

impl TestApp {
    /// A fresh application with one organisation (`org-a`) and nobody in it.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with_mail_settings(MailSettings::default()).await
    }

    /// [`TestApp::spawn`] with the outbox delivered as `mail` says (see [`MailServer`]).
    pub async fn spawn_with_mail_settings(mail: MailSettings) -> TestApp {
        // `SAMLA_TEST_LOG=warn` (or any filter) shows the server's log in failing tests.
        if let Ok(filter) = std::env::var("SAMLA_TEST_LOG") {
            let _ = tracing_subscriber::fmt().with_env_filter(filter).with_test_writer().try_init();
        }
        let dir = TempDir::new();
        let (database_url, postgres_db) = migrated_database(&dir).await;
        let store = Store::connect(&database_url)
            .await
            .expect("database")
            .with_audit_key(samla_domain::audit::AuditKey::generate());
        samla_storage::audit::adopt_key(&store, Clock::default().now()).await.expect("the audit key seals the trail");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
        let address = listener.local_addr().expect("address");
        let base_url = format!("http://{address}");
        let config = WebConfig { public_url: base_url.clone(), test_clock: true };
        let state = AppState::new(store, config, Clock::default()).with_mail(mail).expect("mail settings");
        let app = samla_web::app(state.clone());
        tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.expect("server");
        });
        let app = TestApp { base_url, state, database_url, _dir: dir, postgres_db };
        app.add_organisation("org-a", "Kommune A", "NO").await;
        app
    }

    /// [`TestApp::spawn`] with one person in `org-a` (password [`PASSWORD`]), who logs in
    /// without a second factor (see [`TestApp::relax_second_factor`]).
    pub async fn spawn_with_user(email: &str, role: &str) -> TestApp {
        let app = TestApp::spawn().await;
        app.relax_second_factor("org-a").await;
        app.add_user("org-a", email, role).await;
        app
    }

    pub fn now(&self) -> i64 {
        self.state.clock.now()
    }

    pub async fn add_organisation(&self, slug: &str, name: &str, country: &str) -> i64 {
        setup::add_organisation(&self.state.store, slug, name, country, self.now()).await.expect("organisation")
    }

    /// Adds a person with a role (in `org`), password [`PASSWORD`].
    pub async fn add_user(&self, org: &str, email: &str, role: &str) -> i64 {
        setup::add_user(&self.state.store, org, email, "Test Person", role, password_hash(), self.now())
            .await
            .expect("user")
    }

    /// Turns off the second-factor requirement of an organisation, as the demo does.
    pub async fn relax_second_factor(&self, org: &str) {
        sqlx::query("UPDATE organisations SET require_second_factor = 0 WHERE slug = $1")
            .bind(org)
            .execute(self.state.store.pool())
            .await
            .expect("relax");
    }

    pub async fn token_for(&self, email: &str) -> String {
        setup::create_token_for(&self.state.store, email, "test", self.now()).await.expect("token")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// A browser: keeps cookies, does not follow redirects (tests look at them).
    pub fn browser(&self) -> Browser {
        let client = Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client");
        Browser { client, base_url: self.base_url.clone() }
    }

    /// A browser already logged in with a password (the organisation must not require
    /// a second factor for the role, see [`TestApp::relax_second_factor`]).
    pub async fn logged_in(&self, email: &str) -> Browser {
        let browser = self.browser();
        let response = browser.login(email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "login of {email} should redirect");
        assert_eq!(location(&response), "/", "login of {email} should land on the home page");
        browser
    }

    pub fn api(&self, token: &str) -> Api {
        Api { client: Client::new(), base_url: self.base_url.clone(), token: token.to_string() }
    }

    /// Audit rows with this action, oldest first.
    pub async fn audit_rows(&self, action: &str) -> Vec<(Option<i64>, Option<String>, Option<String>, String)> {
        sqlx::query_as(
            "SELECT actor_user_id, record_type, record_id, outcome FROM audit_log WHERE action = $1 ORDER BY seq",
        )
        .bind(action)
        .fetch_all(self.state.store.pool())
        .await
        .expect("audit rows")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop_postgres_database(self.postgres_db.take());
    }
}

/// Drops a test's own PostgreSQL database (`(admin URL, name)`), if it has one.
///
/// Drop cannot await; a short-lived runtime on another thread does the cleanup. It must
/// not wait for the app's pool to close: the test's runtime is blocked here, so a
/// connection still on its way back to the pool (sqlx returns them in a spawned task)
/// would never arrive. `WITH (FORCE)` ends those connections.
fn drop_postgres_database(database: Option<(String, String)>) {
    let Some((admin_url, name)) = database else { return };
    let _ = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            if let Ok(admin) = Store::connect(&admin_url).await {
                let _ =
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin.pool()).await;
                admin.close().await;
            }
        });
    })
    .join();
}

/// Sends a request and reads its answer as JSON.
pub async fn json_body(request: reqwest::RequestBuilder) -> serde_json::Value {
    request.send().await.expect("request").json().await.expect("a JSON body")
}

/// A form sent back as 422 Unprocessable Entity: the page and its error summary.
pub async fn refused_form(response: Response) -> (String, String) {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("a page");
    let summary = error_summary(&html).expect("an error summary");
    (html, summary)
}

pub fn location(response: &Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
}

/// The value of `name="csrf"` in a page.
pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("page has a csrf field") + marker.len();
    html[start..].split('"').next().unwrap_or("").to_string()
}

/// The text content of the element with this id (first match, tags stripped).
pub fn element_text(html: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\"");
    let start = html.find(&marker)?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</")?;
    Some(html[open_end..close].trim().to_string())
}

/// The HTML from the element with this id to the first `end` after it (inclusive).
pub fn section(html: &str, id: &str, end: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no element {id}"));
    let start = html[..start].rfind('<').unwrap();
    let stop = start + html[start..].find(end).map_or(html.len() - start, |at| at + end.len());
    html[start..stop].to_string()
}

/// Whether the radio or check box with this id is checked.
pub fn is_checked(html: &str, id: &str) -> bool {
    let marker = format!("id=\"{id}\"");
    let Some(at) = html.find(&marker) else { panic!("no element {id}") };
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    html[start..end].contains(" checked")
}

pub struct Browser {
    pub client: Client,
    pub base_url: String,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.client.get(format!("{}{path}", self.base_url)).send().await.expect("GET")
    }

    pub async fn get_html(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// Submits a form the way a browser does: fetches `page` for its CSRF token first.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let (_, html) = self.get_html(page).await;
        let csrf = csrf_in(&html);
        let mut body: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        body.extend_from_slice(fields);
        self.client.post(format!("{}{action}", self.base_url)).form(&body).send().await.expect("POST")
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.submit("/login", "/login", &[("email", email), ("password", password), ("next", "/")]).await
    }
}

pub struct Api {
    pub client: Client,
    pub base_url: String,
    pub token: String,
}

impl Api {
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}/api/v1{path}", self.base_url)).bearer_auth(&self.token)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(reqwest::Method::GET, path).send().await.expect("GET")
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Pages through `path` with `?limit=`: the first page is full and says where the
    /// next one starts, and the next one starts with another item (told apart by `id`).
    pub async fn assert_pages(&self, path: &str, limit: usize, id: &str) {
        let (_, first) = self.get_json(&format!("{path}?limit={limit}")).await;
        assert_eq!(first["items"].as_array().unwrap().len(), limit);
        let cursor = first["next_cursor"].as_str().expect("more pages");
        let (_, second) = self.get_json(&format!("{path}?limit={limit}&cursor={cursor}")).await;
        assert_ne!(first["items"][0][id], second["items"][0][id]);
    }

    /// The JSON body of a GET that must answer 200 OK.
    pub async fn get_ok(&self, path: &str) -> serde_json::Value {
        let (status, body) = self.get_json(path).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body
    }
}

// ---------------------------------------------------------------------------------
// Helpers shared by the foundation suite.
// ---------------------------------------------------------------------------------

/// Every `Set-Cookie` header of a response.
pub fn set_cookies(response: &Response) -> Vec<String> {
    response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect()
}

/// The whole `Set-Cookie` header that sets `name`, if the response sets it.
pub fn set_cookie_header(response: &Response, name: &str) -> Option<String> {
    set_cookies(response).into_iter().find(|c| c.starts_with(&format!("{name}=")))
}

/// The value a response gives the cookie `name`.
pub fn cookie_value(response: &Response, name: &str) -> Option<String> {
    set_cookie_header(response, name)
        .and_then(|c| c.split(';').next().map(str::to_string))
        .and_then(|pair| pair.split_once('=').map(|(_, v)| v.to_string()))
}

/// Text without tags, whitespace collapsed.
pub fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the form's error summary box (`.error-summary`), if the page has one.
pub fn error_summary(html: &str) -> Option<String> {
    let start = html.find("class=\"error-summary\"")?;
    let end = start + html[start..].find("</div>")?;
    let open_end = start + html[start..end].find('>')? + 1;
    Some(strip_tags(&html[open_end..end]))
}

/// Undoes the HTML escaping templates apply (`/` becomes `&#x2f;`, and so on).
pub fn unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `value` of the first `<input>` with this name; `None` without one or without a value.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\"");
    let at = html.find(&marker)?;
    let tag_start = html[..at].rfind("<input")?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let value_at = tag.find(" value=\"")? + " value=\"".len();
    Some(unescape(tag[value_at..].split('"').next().unwrap_or("")))
}

/// Every link target (`href`) in a piece of HTML, unescaped.
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(unescape).collect()
}

/// The `<nav>` element of a page (empty when the page has none).
pub fn nav_of(html: &str) -> String {
    match (html.find("<nav"), html.find("</nav>")) {
        (Some(start), Some(end)) if end > start => html[start..end].to_string(),
        _ => String::new(),
    }
}

/// The TOTP code an authenticator app shows at `unix_seconds`.
pub fn totp_code(secret_base32: &str, unix_seconds: i64) -> String {
    samla_domain::accounts::totp::TotpSecret::from_base32(secret_base32)
        .expect("a valid TOTP secret")
        .code_at(unix_seconds)
}

/// A six-digit code that is none of the codes valid around `unix_seconds`.
pub fn wrong_totp_code(secret_base32: &str, unix_seconds: i64) -> String {
    let near: Vec<String> = (-3..=3).map(|step| totp_code(secret_base32, unix_seconds + step * 30)).collect();
    (0..1_000_000u32)
        .map(|n| format!("{:06}", (n * 7_919 + 123_457) % 1_000_000))
        .find(|candidate| !near.contains(candidate))
        .expect("a wrong code")
}

impl TestApp {
    /// Adds a person with several roles in `org`.
    pub async fn add_user_with_roles(&self, org: &str, email: &str, roles: &[&str]) -> i64 {
        let mut id = 0;
        for role in roles {
            id = self.add_user(org, email, role).await;
        }
        id
    }

    /// An administrator of `org` and an API client with their token.
    pub async fn admin_api(&self, org: &str, email: &str) -> (i64, Api) {
        let id = self.add_user(org, email, "admin").await;
        let token = self.token_for(email).await;
        (id, self.api(&token))
    }

    /// How many audit rows match; `None` for a column means "any value".
    pub async fn audit_count(
        &self,
        action: &str,
        record: Option<(&str, &str)>,
        outcome: &str,
        actor: Option<i64>,
    ) -> i64 {
        let (record_type, record_id) = record.unwrap_or(("", ""));
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND outcome = $2
               AND ($3 = '' OR record_type = $3) AND ($4 = '' OR record_id = $4)
               AND ($5 < 0 OR actor_user_id = $5)",
        )
        .bind(action)
        .bind(outcome)
        .bind(record_type)
        .bind(record_id)
        .bind(actor.unwrap_or(-1))
        .fetch_one(self.state.store.pool())
        .await
        .expect("audit count")
    }

    pub async fn audit_total(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(self.state.store.pool()).await.expect("count")
    }

    /// A client that sends no cookies except the ones given by hand.
    pub fn bare_client(&self) -> Client {
        Client::builder().redirect(Policy::none()).build().expect("client")
    }
}

impl Browser {
    /// Uploads files with a multipart form as a browser does, with the CSRF token of `page`.
    pub async fn upload(&self, page: &str, action: &str, files: &[(&str, &str, Vec<u8>)]) -> Response {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf(page).await);
        for (field, file_name, bytes) in files {
            form = form.part(
                field.to_string(),
                reqwest::multipart::Part::bytes(bytes.clone()).file_name(file_name.to_string()),
            );
        }
        self.client.post(format!("{}{action}", self.base_url)).multipart(form).send().await.expect("POST")
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_form(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(format!("{}{action}", self.base_url)).form(fields).send().await.expect("POST")
    }

    /// The CSRF token the browser holds (from any page it can open).
    pub async fn csrf(&self, page: &str) -> String {
        let (_, html) = self.get_html(page).await;
        csrf_in(&html)
    }

    /// Logs out with the CSRF token of a page anyone can open.
    pub async fn logout(&self) -> Response {
        self.submit("/login", "/logout", &[]).await
    }
}

impl Api {
    /// A JSON request with a body.
    pub async fn send_json(&self, method: reqwest::Method, path: &str, body: &serde_json::Value) -> Response {
        self.request(method, path).json(body).send().await.expect("request")
    }

    /// [`Api::send_json`] with one more header (`If-Match`, `Idempotency-Key`, …).
    pub async fn send_json_with(
        &self,
        method: reqwest::Method,
        path: &str,
        (name, value): (&str, impl AsRef<str>),
        body: &serde_json::Value,
    ) -> Response {
        self.request(method, path).header(name, value.as_ref()).json(body).send().await.expect("request")
    }

    /// createUser: invites a person to the organisation.
    pub async fn create_user(&self, org: &str, body: &serde_json::Value) -> Response {
        self.send_json(reqwest::Method::POST, &format!("/organisations/{org}/users"), body).await
    }

    /// updateUser over the version in `if_match`.
    pub async fn update_user(&self, org: &str, user_id: i64, if_match: &str, body: &serde_json::Value) -> Response {
        let path = format!("/organisations/{org}/users/{user_id}");
        self.send_json_with(reqwest::Method::PUT, &path, ("If-Match", if_match), body).await
    }

    pub async fn json_of(response: Response) -> (StatusCode, serde_json::Value) {
        let status = response.status();
        (status, response.json().await.unwrap_or(serde_json::Value::Null))
    }
}

/// Sends a JSON request: the status and the JSON answer (null when there is none).
pub async fn send(
    api: &Api,
    method: reqwest::Method,
    path: &str,
    body: &serde_json::Value,
) -> (StatusCode, serde_json::Value) {
    Api::json_of(api.send_json(method, path, body).await).await
}

/// Sends a request the API must refuse as unprocessable (422): the fields its problem
/// document names.
pub async fn refused_fields(api: &Api, method: reqwest::Method, path: &str, body: &serde_json::Value) -> Vec<String> {
    let (status, problem) = send(api, method, path, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {problem}");
    data::error_fields(&problem)
}

/// [`send`] with an `If-Match` header.
pub async fn send_if_match(
    api: &Api,
    method: reqwest::Method,
    path: &str,
    if_match: &str,
    body: &serde_json::Value,
) -> (StatusCode, serde_json::Value) {
    Api::json_of(api.send_json_with(method, path, ("If-Match", if_match), body).await).await
}

/// A database of its own for a test that runs the `samla` binary: a SQLite file in
/// `dir` (pass `--data-dir`), or a new PostgreSQL database when the run uses one
/// (pass `url` as `SAMLA_DATABASE_URL`).
pub struct ScratchDatabase {
    pub dir: TempDir,
    pub url: Option<String>,
    postgres_db: Option<(String, String)>,
}

impl ScratchDatabase {
    pub async fn new() -> ScratchDatabase {
        let dir = TempDir::new();
        let (url, postgres_db) = fresh_database(&dir).await;
        let url = postgres_db.as_ref().map(|_| url);
        ScratchDatabase { dir, url, postgres_db }
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        drop_postgres_database(self.postgres_db.take());
    }
}

/// An actor for calling the services directly, as if this person were signed in to
/// `org` with a token.
pub async fn actor_in(
    app: &TestApp,
    org: &str,
    user_id: i64,
    email: &str,
    name: &str,
    roles: Vec<samla_domain::Role>,
    request_id: &str,
) -> samla_web::auth::Actor {
    let mut conn = app.state.store.pool().acquire().await.expect("connection");
    let organisation =
        samla_storage::organisations::find_by_slug(&mut conn, org).await.expect("query").expect("organisation");
    samla_web::auth::Actor {
        user_id,
        email: email.into(),
        name: name.into(),
        has_second_factor: false,
        organisation: organisation.into(),
        roles: samla_domain::RoleSet::new(roles),
        via: samla_web::auth::Via::Token { id: 0 },
        request_id: request_id.into(),
    }
}

// ---------------------------------------------------------------------------------
// Straight to the database: one statement with its values as a tuple (see
// `samla_storage::db`); a failing statement fails the test, naming it.
// ---------------------------------------------------------------------------------

impl TestApp {
    /// The first column of the one row `sql` returns.
    pub async fn scalar<'q, O>(&self, sql: &'q str, binds: impl Binds<'q>) -> O
    where
        (O,): for<'r> sqlx::FromRow<'r, AnyRow>,
        O: Send + Unpin,
    {
        db::scalar(self.state.store.pool(), sql, binds).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// The first column of every row `sql` returns.
    pub async fn scalars<'q, O>(&self, sql: &'q str, binds: impl Binds<'q>) -> Vec<O>
    where
        (O,): for<'r> sqlx::FromRow<'r, AnyRow>,
        O: Send + Unpin,
    {
        db::scalars(self.state.store.pool(), sql, binds).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// The one row `sql` returns.
    pub async fn row<'q, O>(&self, sql: &'q str, binds: impl Binds<'q>) -> O
    where
        O: for<'r> sqlx::FromRow<'r, AnyRow> + Send + Unpin,
    {
        db::one(self.state.store.pool(), sql, binds).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Every row `sql` returns.
    pub async fn rows<'q, O>(&self, sql: &'q str, binds: impl Binds<'q>) -> Vec<O>
    where
        O: for<'r> sqlx::FromRow<'r, AnyRow> + Send + Unpin,
    {
        db::all(self.state.store.pool(), sql, binds).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Runs `sql` for what it changes: how many rows it changed.
    pub async fn execute<'q>(&self, sql: &'q str, binds: impl Binds<'q>) -> u64 {
        db::changed(self.state.store.pool(), sql, binds).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

// ---------------------------------------------------------------------------------
// Mail: a real SMTP server (Python's aiosmtpd) on loopback, and apps that send to it.
// ---------------------------------------------------------------------------------

impl TestApp {
    /// A fresh application whose outbox goes to a real SMTP server started for the
    /// test, with the delivery worker running as in `samla serve` (woken when mail is
    /// queued; it polls only once an hour, so a test sees the wake-up, not the poll).
    pub async fn spawn_with_mail() -> (TestApp, MailServer) {
        let server = MailServer::start().await;
        let app = TestApp::spawn_with_smtp(&server.url()).await;
        app.start_outbox_worker();
        (app, server)
    }

    /// A fresh application that sends to `smtp_url`, without a background worker: the
    /// test delivers with [`TestApp::deliver_due`], so it decides when attempts happen.
    pub async fn spawn_with_smtp(smtp_url: &str) -> TestApp {
        TestApp::spawn_with_mail_settings(MailSettings {
            smtp_url: Some(smtp_url.to_string()),
            poll_seconds: 3600,
            ..MailSettings::default()
        })
        .await
    }

    /// Runs the delivery worker in the background until the test ends.
    pub fn start_outbox_worker(&self) {
        tokio::spawn(samla_web::outbox_worker::run(self.state.clone(), std::future::pending::<()>()));
    }

    /// One delivery round, as the worker runs it: how many messages went out.
    pub async fn deliver_due(&self) -> usize {
        samla_web::outbox_worker::deliver_due(&self.state).await.expect("delivery round")
    }

    pub async fn organisation_id(&self, slug: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_one(self.state.store.pool())
            .await
            .expect("organisation id")
    }

    /// One outbox row, straight from the database.
    pub async fn outbox_message(&self, id: i64) -> samla_storage::outbox::OutboxMessage {
        let mut conn = self.state.store.pool().acquire().await.expect("connection");
        let organisation_id: Option<i64> =
            sqlx::query_scalar("SELECT organisation_id FROM outbox_messages WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await
                .expect("outbox row");
        samla_storage::outbox::get(&mut conn, organisation_id.unwrap_or(0), id).await.expect("outbox message")
    }
}

impl TestApp {
    /// Waits until the worker has marked every message sent or failed (after the SMTP
    /// server accepted them, the mark follows).
    pub async fn wait_until_outbox_is_empty(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox_messages WHERE status = 'queued'")
                .fetch_one(self.state.store.pool())
                .await
                .expect("queued messages");
            if queued == 0 {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "{queued} messages still queued after 20 s");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Every queued or sent mail's (subject, plain-text body): one at least (`why` there
    /// is), and none that carries anything `leaks` finds.
    pub async fn mails_without(&self, leaks: fn(&str) -> Vec<&'static str>, why: &str) -> Vec<(String, String)> {
        let mails: Vec<(String, String)> = self.rows("SELECT subject, body_text FROM outbox_messages", ()).await;
        assert!(!mails.is_empty(), "{why}");
        for (subject, body) in &mails {
            assert!(leaks(subject).is_empty() && leaks(body).is_empty(), "mail carries {:?}", leaks(body));
        }
        mails
    }

    /// Every text the outbox table holds, all rows and columns, as one string.
    pub async fn outbox_table_text(&self) -> String {
        let rows: Vec<(String, String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT to_address, subject, body_text, template, language, last_error FROM outbox_messages ORDER BY id",
        )
        .fetch_all(self.state.store.pool())
        .await
        .expect("outbox rows");
        rows.into_iter()
            .map(|r| format!("{}|{}|{}|{}|{}|{}\n", r.0, r.1, r.2, r.3, r.4, r.5.unwrap_or_default()))
            .collect()
    }
}

/// The secret part of the first link in `text` that starts with `prefix` (e.g.
/// `/withdraw/`): what follows the prefix up to white space.
pub fn link_secret(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in {text}")) + prefix.len();
    let secret: String = text[start..].chars().take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<').collect();
    assert!(secret.len() >= 16, "a secret after {prefix}: {secret:?}");
    secret
}

/// A port on loopback that nothing listens on (just now).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("address").port()
}

/// The Python the mail tests run aiosmtpd with: `SAMLA_TEST_PYTHON`, else the venv
/// `scripts/test` makes (tests/python/requirements.txt) if it exists, else `python3`.
pub fn test_python() -> String {
    if let Some(python) = std::env::var("SAMLA_TEST_PYTHON").ok().filter(|p| !p.is_empty()) {
        return python;
    }
    let cache = std::env::var("XDG_CACHE_HOME")
        .ok()
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var("HOME").ok().map(|home| PathBuf::from(home).join(".cache")));
    let venv = std::env::var("SAMLA_PYTHON_VENV")
        .ok()
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| cache.map(|c| c.join("samla-python-checks-venv")));
    match venv.map(|v| v.join("bin/python")) {
        Some(python) if python.exists() => python.display().to_string(),
        _ => "python3".to_string(),
    }
}

/// Fails the test, never skips it, when aiosmtpd cannot be imported.
fn require_aiosmtpd(python: &str) {
    static CHECKED: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    let result =
        CHECKED.get_or_init(|| match std::process::Command::new(python).args(["-c", "import aiosmtpd"]).output() {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
            Err(error) => Err(error.to_string()),
        });
    if let Err(error) = result {
        panic!(
            "the mail tests run a real SMTP server, Python's aiosmtpd, and `{python}` cannot import it ({error}). \
             Run scripts/test (it makes a venv from tests/python/requirements.txt), or make one yourself: \
             python3 -m venv V && V/bin/pip install -r tests/python/requirements.txt, then set SAMLA_TEST_PYTHON=V/bin/python"
        );
    }
}

/// A real SMTP server: `python -m aiosmtpd` on loopback, storing each message it
/// accepts in a Maildir, stopped when dropped.
pub struct MailServer {
    pub port: u16,
    dir: TempDir,
    child: std::process::Child,
}

/// A message as it arrived at the SMTP server.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// The `To` header.
    pub to: String,
    /// The envelope recipients (`RCPT TO`), as aiosmtpd records them.
    pub envelope_to: String,
    pub from: String,
    /// Decoded (RFC 2047).
    pub subject: String,
    /// The text body, decoded, with `\n` line ends.
    pub body: String,
    pub message_id: String,
    pub content_type: String,
}

impl MailServer {
    /// On a free port.
    pub async fn start() -> MailServer {
        MailServer::start_on(free_port()).await
    }

    /// On `port` (e.g. one an app was told about while nothing listened there yet).
    pub async fn start_on(port: u16) -> MailServer {
        let python = test_python();
        require_aiosmtpd(&python);
        let dir = TempDir::new();
        let log = std::fs::File::create(dir.0.join("aiosmtpd.log")).expect("log file");
        let child = std::process::Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.0.join("maildir"))
            .stdin(std::process::Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {python} -m aiosmtpd: {e}"));
        let mut server = MailServer { port, dir, child };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("aiosmtpd on port {port} exited ({status}): {}", server.log());
            }
            if std::time::Instant::now() > deadline {
                panic!("aiosmtpd did not accept connections on port {port} within 20 s: {}", server.log());
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.0.join("aiosmtpd.log")).unwrap_or_default()
    }

    /// Every message that has arrived, oldest first.
    pub fn received(&self) -> Vec<ReceivedMail> {
        let Ok(entries) = std::fs::read_dir(self.dir.0.join("maildir").join("new")) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), e.path()))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|(_, path)| {
                let raw = std::fs::read(&path).expect("a stored message");
                let mail =
                    mailparse::parse_mail(&raw).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
                let header = |name: &str| {
                    mailparse::MailHeaderMap::get_first_value(mail.headers.as_slice(), name).unwrap_or_default()
                };
                ReceivedMail {
                    to: header("To"),
                    envelope_to: header("X-RcptTo"),
                    from: header("From"),
                    subject: header("Subject"),
                    body: mail.get_body().expect("a text body").replace("\r\n", "\n"),
                    message_id: header("Message-ID"),
                    content_type: mail.ctype.mimetype.clone(),
                }
            })
            .collect()
    }

    /// Waits until at least `count` messages have arrived (failing the test after
    /// `deadline`) and returns them all.
    pub async fn wait_for(&self, count: usize, deadline: std::time::Duration) -> Vec<ReceivedMail> {
        let until = std::time::Instant::now() + deadline;
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            if std::time::Instant::now() > until {
                panic!(
                    "expected {count} messages at the SMTP server within {deadline:?}, got {}: {received:?}",
                    received.len()
                );
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PUT of `body` with `If-Match: *`: its status.
pub async fn put_over_any(api: &Api, path: &str, body: &serde_json::Value) -> reqwest::StatusCode {
    api.send_json_with(reqwest::Method::PUT, path, ("If-Match", "*"), body).await.status()
}

/// RFC 4180 fields (quotes doubled inside quoted fields), header row left out.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows.into_iter().skip(1).collect()
}
