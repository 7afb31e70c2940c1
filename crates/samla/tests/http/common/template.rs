//! A migrated database made once and copied for every test: running every migration again
//! for each of some 250 tests was most of a PostgreSQL test's setup time.
//!
//! The copy is named by the schema's fingerprint (every migration's checksum), so it is
//! reused by later runs while the migrations are unchanged and made anew when one changes.
//! PostgreSQL copies it with `CREATE DATABASE … TEMPLATE`; SQLite copies the file.

use samla_storage::Store;
use std::future::Future;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Runs `work` to completion on a runtime of its own: the template is made once for the
/// whole process, while the test that first asks for it runs on its own runtime.
fn on_own_runtime<F>(work: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime").block_on(work)
    })
    .join()
    .expect("template thread")
}

/// The name of the migrated PostgreSQL template database on the server of `admin_url`.
pub fn postgres(admin_url: &str) -> String {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    let admin_url = admin_url.to_string();
    TEMPLATE.get_or_init(|| on_own_runtime(build_postgres(admin_url))).clone()
}

async fn build_postgres(admin_url: String) -> String {
    let admin = Store::connect(&admin_url).await.expect("PostgreSQL reachable");
    let name = format!("samla_tpl_{}", admin.schema_fingerprint());
    let mut conn = admin.pool().acquire().await.expect("connection");
    // Test processes running at once take turns, so only one of them builds it.
    sqlx::query("SELECT pg_advisory_lock(74110)").execute(&mut *conn).await.expect("lock");
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut *conn)
        .await
        .expect("pg_database");
    if exists.is_none() {
        let building = format!("{name}_building");
        for statement in
            [format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"), format!("CREATE DATABASE {building}")]
        {
            sqlx::query(&statement).execute(&mut *conn).await.expect("template database");
        }
        let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin_url.clone());
        let store = Store::connect(&format!("{base}/{building}")).await.expect("template");
        store.migrate().await.expect("migrations");
        store.close().await;
        // Renamed only once complete, so no process ever copies a half-migrated one.
        sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {name}")).execute(&mut *conn).await.expect("rename");
    }
    sqlx::query("SELECT pg_advisory_unlock(74110)").execute(&mut *conn).await.expect("unlock");
    drop(conn);
    admin.close().await;
    name
}

/// A migrated SQLite file to copy.
pub fn sqlite() -> PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| on_own_runtime(build_sqlite())).clone()
}

async fn build_sqlite() -> PathBuf {
    let temp = std::env::temp_dir();
    let building = temp.join(format!(
        "samla-test-template-{}-{}.db",
        std::process::id(),
        samla_domain::secrets::random_token(6).replace(['-', '_'], "x")
    ));
    let store = Store::connect(&format!("sqlite://{}", building.display())).await.expect("template");
    let path = temp.join(format!("samla-test-template-{}.db", store.schema_fingerprint()));
    if !path.exists() {
        store.migrate().await.expect("migrations");
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(store.pool()).await.expect("checkpoint");
    }
    store.close().await;
    if path.exists() {
        let _ = std::fs::remove_file(&building);
    } else {
        // A rename is atomic: a process running at once sees the whole file or none.
        std::fs::rename(&building, &path).expect("template file");
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", building.display()));
    }
    path
}
