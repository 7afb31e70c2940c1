//! The planning commands of the `samla` binary: importing and exporting programme
//! manuals, printing public holidays, and the demo's planning data.

use crate::common::cli::Samla;
use crate::common::{ScratchDatabase, TempDir};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Manual;
use samla_storage::Store;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};

impl Samla<'_> {
    /// Starts `serve --demo`, waits until the demo accounts are printed (the database is
    /// filled by then), and stops it.
    async fn demo(&self) {
        let mut child = self
            .command(&["serve", "--demo", "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("samla serve starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let waited = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if line.contains("demo account: role=analyst") {
                    return;
                }
            }
            panic!("serve --demo ended without printing the demo accounts");
        })
        .await;
        assert!(waited.is_ok(), "serve --demo did not finish seeding in time");
        child.kill().await.unwrap();
    }

    async fn store(&self) -> Store {
        let url = match self.database_url {
            Some(url) => url.to_string(),
            None => format!("sqlite://{}", self.data_dir.join("samla.db").display()),
        };
        Store::connect(&url).await.unwrap()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[tokio::test]
async fn programmes_import_and_export_in_every_format() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    samla.ok(&["org", "add", "--slug", "org-a", "--name", "Kommune A"], None).await;
    for (slug, _) in SHIPPED {
        // Every organisation has the shipped manuals: importing one again saves nothing.
        let path = format!("{}/../../data/programmes/{slug}.toml", env!("CARGO_MANIFEST_DIR"));
        let out = samla.ok(&["programmes", "import", &path, "--org", "org-a"], None).await;
        assert!(out.contains("version 1, unchanged"), "{out}");
    }
    let files = TempDir::new();
    for (slug, source) in SHIPPED {
        let manual = Manual::from_toml(source).unwrap();
        let toml = samla.ok(&["programmes", "export", "--org", "org-a", "--slug", slug], None).await;
        assert_eq!(Manual::from_toml(&toml).unwrap(), manual, "{slug}: TOML round trip");
        let json =
            samla.ok(&["programmes", "export", "--org", "org-a", "--slug", slug, "--format", "json"], None).await;
        assert_eq!(Manual::from_json(json.as_bytes()).unwrap(), manual, "{slug}: JSON round trip");
        let fhir =
            samla.ok(&["programmes", "export", "--org", "org-a", "--slug", slug, "--format", "fhir"], None).await;
        let plan: serde_json::Value = serde_json::from_str(&fhir).unwrap();
        assert_eq!(plan["resourceType"], "PlanDefinition");
        assert_eq!(plan["version"], "1");

        // The JSON export imports again, by its extension or by its content; a changed
        // manual becomes the next version.
        let by_extension = write(&files.0, &format!("{slug}.json"), &json);
        let out = samla.ok(&["programmes", "import", &by_extension, "--org", "org-a"], None).await;
        assert!(out.contains("version 1, unchanged"), "{out}");
        let mut changed: serde_json::Value = serde_json::from_str(&json).unwrap();
        changed["name"] = serde_json::json!(format!("{} (lokal)", manual.name));
        let by_content = write(&files.0, slug, &changed.to_string());
        let out = samla.ok(&["programmes", "import", &by_content, "--org", "org-a", "--shared"], None).await;
        assert!(out.contains("version 2") && !out.contains("unchanged"), "{out}");
    }
    let unknown = samla.run(&["programmes", "export", "--org", "org-a", "--slug", "finnes-ikke"], None).await;
    assert!(!unknown.status.success());
}

#[tokio::test]
async fn an_import_file_with_errors_reports_each_and_imports_nothing() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    samla.ok(&["org", "add", "--slug", "org-a", "--name", "Kommune A"], None).await;
    let (_, source) = SHIPPED.iter().find(|(slug, _)| *slug == "mestringstreff").unwrap();
    let broken = source
        .replacen("slug = \"mestringstreff\"", "slug = \"feil-\"", 1)
        .replacen("number = 2", "number = 5", 1)
        .replacen("duration_minutes = 150", "duration_minutes = 0", 1);
    let files = TempDir::new();
    let path = write(&files.0, "broken.toml", &broken);
    let output = samla.run(&["programmes", "import", &path, "--org", "org-a"], None).await;
    assert!(!output.status.success());
    let errors = String::from_utf8_lossy(&output.stderr);
    for place in ["slug:", "sessions[1].number:", "sessions[0].duration_minutes:"] {
        assert!(errors.contains(place), "{place} in {errors}");
    }
    assert!(errors.contains("nothing was imported"), "{errors}");
    let not_there = samla.run(&["programmes", "export", "--org", "org-a", "--slug", "feil-"], None).await;
    assert!(!not_there.status.success());
    let syntax = write(&files.0, "syntax.toml", "slug = \"x\"\nname = ");
    let output = samla.run(&["programmes", "import", &syntax, "--org", "org-a"], None).await;
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("byte"), "a syntax error names its place");
    let json = write(&files.0, "wrong.json", "{\"slug\": 5}");
    let output = samla.run(&["programmes", "import", &json, "--org", "org-a"], None).await;
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 1"));
}

#[tokio::test]
async fn holidays_are_printed_one_per_line() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let norway = samla.ok(&["holidays", "--country", "NO", "--from-year", "2026", "--to-year", "2026"], None).await;
    let lines: Vec<&str> = norway.lines().collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(lines[0], "2026-01-01 holiday-new-year");
    assert!(lines.contains(&"2026-04-02 holiday-maundy-thursday"));
    assert!(lines.contains(&"2026-05-17 holiday-constitution-day-no"));
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(sorted, lines, "in date order");
    let denmark = samla.ok(&["holidays", "--country", "DK", "--from-year", "2023", "--to-year", "2024"], None).await;
    assert!(denmark.contains("2023-05-05 holiday-great-prayer-day"));
    assert_eq!(denmark.matches("great-prayer-day").count(), 1, "abolished from 2024");
    assert!(!samla
        .run(&["holidays", "--country", "SE", "--from-year", "2026", "--to-year", "2026"], None)
        .await
        .status
        .success());
    assert!(!samla
        .run(&["holidays", "--country", "NO", "--from-year", "2027", "--to-year", "2026"], None)
        .await
        .status
        .success());
}

#[tokio::test]
async fn the_demo_plans_courses_in_every_stage_once() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    samla.demo().await;
    samla.demo().await;
    let store = samla.store().await;
    let statuses: Vec<String> =
        sqlx::query_scalar("SELECT status FROM courses ORDER BY status").fetch_all(store.pool()).await.unwrap();
    // Two running: the children's group and a small evening group whose plan has parts to tick.
    let mut expected = vec!["archived", "cancelled", "completed", "draft", "ready", "recruiting", "running", "running"];
    expected.sort();
    assert_eq!(statuses, expected, "every stage, not duplicated by a second start");
    // The demo organisation has the shipped programmes as every organisation does, its own.
    let shipped: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM programmes p JOIN organisations o ON o.id = p.organisation_id
         WHERE o.slug = 'demo' AND p.shipped = 1 AND p.shared = 0 AND p.current_version = 1",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(shipped, SHIPPED.len() as i64);
    let holidays: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM school_holidays").fetch_one(store.pool()).await.unwrap();
    assert_eq!(holidays, 3);
    // The demo group leader and user representative work on every course.
    let staffed: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT s.course_id) FROM course_staff s JOIN users u ON u.id = s.user_id
         WHERE u.email IN ('group-leader@demo.samla.test', 'user-representative@demo.samla.test')",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(staffed, 8);
    store.close().await;
}
