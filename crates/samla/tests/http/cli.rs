//! The `samla` binary as an operator uses it: organisations, people and tokens from
//! the command line, backup and restore, audit verification, the first-administrator
//! link, and a clean stop on SIGTERM. Each test gets its own data directory, and its
//! own PostgreSQL database when the run uses PostgreSQL.

use crate::common::cli::{text, Samla, PASSWORD};
use crate::common::{csrf_in, json_body, location, ScratchDatabase, TempDir};
use reqwest::StatusCode;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, ChildStdout};

impl Samla<'_> {
    /// Starts `serve` on a free port and waits until it is ready.
    pub(crate) async fn serve(&self) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bind = format!("127.0.0.1:{port}");
        let mut child = self
            .command(&["serve", "--bind", &bind])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let base_url = format!("http://{bind}");
        let client = reqwest::Client::new();
        let started = std::time::Instant::now();
        loop {
            if let Ok(response) = client.get(format!("{base_url}/readyz")).send().await {
                if response.status() == StatusCode::OK {
                    break;
                }
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("serve exited early with {status}");
            }
            assert!(started.elapsed() < Duration::from_secs(30), "serve did not become ready");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Server { child, stdout, base_url }
    }
}

pub(crate) struct Server {
    child: Child,
    stdout: BufReader<ChildStdout>,
    pub(crate) base_url: String,
}

impl Server {
    /// The next line on standard output holding `needle`.
    async fn line_with(&mut self, needle: &str) -> String {
        let mut lines = (&mut self.stdout).lines();
        let found = tokio::time::timeout(Duration::from_secs(10), async {
            while let Some(line) = lines.next_line().await.expect("stdout") {
                if line.contains(needle) {
                    return Some(line);
                }
            }
            None
        })
        .await
        .expect("output in time");
        found.unwrap_or_else(|| panic!("serve printed no line with {needle}"))
    }

    /// Sends SIGTERM and returns the exit code.
    pub(crate) async fn terminate(mut self) -> Option<i32> {
        let pid = self.child.id().expect("still running");
        let sent = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().expect("kill");
        assert!(sent.success());
        let status = tokio::time::timeout(Duration::from_secs(20), self.child.wait())
            .await
            .expect("the server stops within 20 s of SIGTERM")
            .expect("status");
        status.code()
    }
}

/// `samla user add` for Ada, an administrator of `sk`, with the password on stdin.
const ADD_ADA: [&str; 11] =
    ["user", "add", "--org", "sk", "--email", "ada@sk.no", "--name", "Ada", "--role", "admin", "--password-stdin"];

/// Logs in on the login page of the server at `base_url` with the test password.
async fn log_in(browser: &reqwest::Client, base_url: &str, email: &str) -> reqwest::Response {
    let page = browser.get(format!("{base_url}/login")).send().await.unwrap().text().await.unwrap();
    browser
        .post(format!("{base_url}/login"))
        .form(&[("csrf", csrf_in(&page).as_str()), ("email", email), ("password", PASSWORD), ("next", "/")])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_operator_sets_up_an_organisation_a_person_and_a_token() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let out = samla.ok(&["org", "add", "--slug", "sk", "--name", "Sørkommune", "--country", "NO"], None).await;
    assert!(out.contains("sk"), "{out}");

    // A common password is refused with a message saying why.
    let refused = samla.run(&ADD_ADA, Some("password1\n")).await;
    assert!(!refused.status.success(), "a common password must be refused");
    let message = text(&refused.stderr);
    assert!(message.contains("--password") && message.contains("common"), "a clear message: {message}");

    let out = samla.ok(&ADD_ADA, Some(&format!("{PASSWORD}\n"))).await;
    assert!(out.contains("ada@sk.no"), "{out}");

    // Unknown organisation and role are refused.
    let bad = samla
        .run(
            &[
                "user",
                "add",
                "--org",
                "nope",
                "--email",
                "x@sk.no",
                "--name",
                "X",
                "--role",
                "admin",
                "--password-stdin",
            ],
            Some(PASSWORD),
        )
        .await;
    assert!(!bad.status.success());
    let bad = samla
        .run(
            &["user", "add", "--org", "sk", "--email", "x@sk.no", "--name", "X", "--role", "boss", "--password-stdin"],
            Some(PASSWORD),
        )
        .await;
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("--role"), "{}", text(&bad.stderr));

    let out = samla.ok(&["token", "create", "--email", "ada@sk.no", "--label", "ci"], None).await;
    let token = out.trim_end().lines().last().expect("a last line").trim().to_string();
    assert!(token.starts_with("samla_") && !token.contains(' '), "the token alone on the last line: {out:?}");

    let server = samla.serve().await;
    let client = reqwest::Client::new();
    let me = json_body(client.get(format!("{}/api/v1/me", server.base_url)).bearer_auth(&token)).await;
    assert_eq!(me["email"], "ada@sk.no");
    assert_eq!(me["organisations"][0]["slug"], "sk");
    assert_eq!(me["organisations"][0]["roles"], serde_json::json!(["admin"]));
    // The person logs in with the password given on standard input.
    let browser =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let login = log_in(&browser, &server.base_url, "ada@sk.no").await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&login), "/account/second-factor", "a new organisation requires a second factor");

    assert_eq!(server.terminate().await, Some(0), "SIGTERM stops the server cleanly");
    let verify = samla.ok(&["audit", "verify"], None).await;
    assert!(verify.contains("intact"), "{verify}");
}

#[tokio::test]
async fn audit_verify_succeeds_on_a_fresh_database() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let output = samla.run(&["audit", "verify"], None).await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("intact: 0 rows"), "{}", text(&output.stdout));
}

#[tokio::test]
async fn backup_and_restore_into_an_empty_data_directory() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    samla.add_organisation_with_admin().await;
    let elsewhere = TempDir::new();
    let file = elsewhere.0.join("samla-backup.db");
    let file_arg = file.to_string_lossy().to_string();

    if crate::common::backend_is_postgres() {
        // The embedded backup is for SQLite; PostgreSQL has its own tools.
        let refused = samla.run(&["backup", "--to", &file_arg], None).await;
        assert!(!refused.status.success());
        assert!(text(&refused.stderr).contains("pg_dump"), "{}", text(&refused.stderr));
        assert!(!file.exists());
        return;
    }

    let out = samla.ok(&["backup", "--to", &file_arg], None).await;
    assert!(out.contains("backup written"), "{out}");
    assert!(file.is_file());
    let again = samla.run(&["backup", "--to", &file_arg], None).await;
    assert!(!again.status.success(), "an existing backup is never overwritten");

    let restored_dir = TempDir::new();
    let restored = Samla { data_dir: &restored_dir.0, database_url: None };
    let out = restored.ok(&["restore", "--from", &file_arg], None).await;
    assert!(out.contains("audit.key"), "the restore says the key must come along: {out}");
    // A backup without its audit key cannot be verified, nor written to.
    let verify = restored.run(&["audit", "verify"], None).await;
    assert_eq!(verify.status.code(), Some(1));
    assert!(text(&verify.stderr).contains("audit.key"), "{}", text(&verify.stderr));
    assert!(!restored_dir.0.join("audit.key").exists(), "no new key is made for a keyed database");
    std::fs::copy(db.dir.0.join("audit.key"), restored_dir.0.join("audit.key")).unwrap();
    // Without the anchors, rows cut from the end could not be told: said, and refused.
    let verify = restored.run(&["audit", "verify"], None).await;
    assert_eq!(verify.status.code(), Some(1));
    assert!(text(&verify.stderr).contains("no anchors"), "{}", text(&verify.stderr));
    std::fs::copy(db.dir.0.join("audit-anchors"), restored_dir.0.join("audit-anchors")).unwrap();
    let verify = restored.run(&["audit", "verify"], None).await;
    assert_eq!(verify.status.code(), Some(0), "{}", text(&verify.stderr));
    let rows = text(&verify.stdout);
    assert!(rows.contains("intact") && !rows.contains(": 0 rows"), "{rows}");
    // The person is there: a token can be made for them.
    let token = restored.ok(&["token", "create", "--email", "ada@sk.no", "--label", "after restore"], None).await;
    assert!(token.trim_end().lines().last().unwrap().starts_with("samla_"));
    let missing = restored.run(&["token", "create", "--email", "nobody@sk.no", "--label", "x"], None).await;
    assert!(!missing.status.success());

    // Restoring over an existing database is refused.
    let over = restored.run(&["restore", "--from", &file_arg], None).await;
    assert!(!over.status.success(), "restore only into an empty data directory");
    assert!(text(&over.stderr).contains("exists"), "{}", text(&over.stderr));
}

#[tokio::test]
async fn serve_without_an_administrator_prints_a_setup_link() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let mut server = samla.serve().await;
    let line = server.line_with("/setup/").await;
    let link = line
        .split_whitespace()
        .find(|word| word.starts_with("http") && word.contains("/setup/"))
        .unwrap_or_else(|| panic!("a link in {line:?}"))
        .trim_end_matches([',', '.', ')'])
        .to_string();
    assert!(link.starts_with(&server.base_url), "{link}");

    let browser =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = browser.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    let form = [
        ("csrf", csrf_in(&page)),
        ("organisation_name", "Nordkommune".to_string()),
        ("slug", "nk".to_string()),
        ("country", "NO".to_string()),
        ("name", "Ada Admin".to_string()),
        ("email", "ada@nk.no".to_string()),
        ("password", PASSWORD.to_string()),
    ];
    let created = browser.post(&link).form(&form).send().await.unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&created), "/login?welcome=1");

    // The link is used up, and the new administrator can log in.
    assert_eq!(browser.get(&link).send().await.unwrap().status(), StatusCode::GONE);
    let login = log_in(&browser, &server.base_url, "ada@nk.no").await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&login), "/account/second-factor");

    assert_eq!(server.terminate().await, Some(0));
    // The next start has an administrator and needs no link; the trail verifies.
    let verify = samla.ok(&["audit", "verify"], None).await;
    assert!(verify.contains("intact"), "{verify}");
}
