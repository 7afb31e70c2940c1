//! Two processes on one database: `samla serve` taking writes from several API clients
//! while an operator runs CLI writes against the same database. On SQLite both used to
//! fail with "database is locked" (a transaction that read first could not take the
//! write lock later, and the busy timeout does not help then); every write transaction
//! now takes the write lock when it begins, so the other process waits its turn.

use crate::common::cli::Samla;
use crate::common::ScratchDatabase;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the server is kept under load while the CLI writes.
const LOAD: Duration = Duration::from_secs(4);
const API_CLIENTS: usize = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cli_writes_and_server_writes_wait_for_each_other() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    samla.add_organisation_with_admin().await;
    let out = samla.ok(&["token", "create", "--email", "ada@sk.no", "--label", "load"], None).await;
    let token = out.trim_end().lines().last().expect("a token").trim().to_string();
    let server = samla.serve().await;

    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for client_number in 0..API_CLIENTS {
        let (stop, written, token) = (stop.clone(), written.clone(), token.clone());
        let base_url = server.base_url.clone();
        clients.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut refused = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                // A new token (a write and its audit row), then an audited read (a write
                // of its own: the audit row).
                let created = client
                    .post(format!("{base_url}/api/v1/me/tokens"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({ "label": format!("c{client_number}-{n}") }))
                    .send()
                    .await
                    .expect("the server answers");
                let listed = client
                    .get(format!("{base_url}/api/v1/organisations/sk/users"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("the server answers");
                for (what, status) in [("createToken", created.status()), ("listUsers", listed.status())] {
                    if status.is_success() {
                        written.fetch_add(1, Ordering::Relaxed);
                    } else {
                        refused.push(format!("{what}: {status}"));
                    }
                }
            }
            refused
        }));
    }

    let started = Instant::now();
    let mut cli_runs = 0;
    let mut cli_failures = Vec::new();
    while started.elapsed() < LOAD {
        cli_runs += 1;
        let output =
            samla.run(&["token", "create", "--email", "ada@sk.no", "--label", &format!("cli {cli_runs}")], None).await;
        if !output.status.success() {
            cli_failures.push(String::from_utf8_lossy(&output.stderr).trim().to_string());
        }
    }
    stop.store(true, Ordering::Relaxed);
    let mut server_refusals = Vec::new();
    for client in clients {
        server_refusals.extend(client.await.expect("client task"));
    }
    let written = written.load(Ordering::Relaxed);

    assert!(
        cli_failures.is_empty(),
        "{} of {cli_runs} CLI writes failed, e.g. {:?}",
        cli_failures.len(),
        &cli_failures[..cli_failures.len().min(3)]
    );
    assert!(
        server_refusals.is_empty(),
        "the server refused {} of {} writes, e.g. {:?}",
        server_refusals.len(),
        written + server_refusals.len(),
        &server_refusals[..server_refusals.len().min(3)]
    );
    assert!(cli_runs >= 5 && written >= 50, "a real load: {cli_runs} CLI writes, {written} API writes");
    assert_eq!(server.terminate().await, Some(0));
    // Every write of both processes is in one unbroken audit trail.
    let verify = samla.ok(&["audit", "verify"], None).await;
    assert!(verify.contains("intact"), "{verify}");
}
