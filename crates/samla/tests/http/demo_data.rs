//! `samla demo-data national`: a small national data set through the real binary, on both
//! databases. It has the counts its seed gives, its audit trail verifies, the same
//! arguments give the same rows in a fresh database, a database with courses is refused,
//! and the organisations run the national centre's programmes in its networks.

use crate::common::cli::{text, Samla};
use crate::common::ScratchDatabase;
use samla_storage::Store;
use sqlx::{Column, Row};
use std::hash::{DefaultHasher, Hash, Hasher};

const SMALL: [&str; 8] = ["demo-data", "national", "--organisations", "3", "--years", "1", "--seed", "7"];

/// The tables the command reports, with the rows the small data set has.
const EXPECTED: [(&str, i64); 16] = [
    ("organisations", 4),
    ("users", 29),
    ("programmes", 40),
    ("courses", 30),
    ("course_sessions", 399),
    ("course_staff", 129),
    ("session_staff", 1005),
    ("households", 206),
    ("persons", 375),
    ("consents", 216),
    ("course_participants", 375),
    ("attendance_sheets", 233),
    ("attendance_entries", 1881),
    ("attendance_guardians", 131),
    ("follow_up_tasks", 18),
    ("audit_log", 1643),
];

/// The rows the command writes, each table in a fixed order.
const TABLES: [(&str, &str); 24] = [
    ("organisations", "id"),
    ("users", "id"),
    ("memberships", "user_id, organisation_id, role"),
    ("certifications", "user_id, programme_id"),
    ("programmes", "id"),
    ("programme_versions", "id"),
    ("programme_network_members", "programme_id, organisation_id"),
    ("consent_texts", "id"),
    ("courses", "id"),
    ("course_sessions", "id"),
    ("checklist_items", "id"),
    ("budget_lines", "id"),
    ("course_staff", "id"),
    ("session_staff", "session_id, staff_id"),
    ("households", "id"),
    ("persons", "id"),
    ("consents", "id"),
    ("course_participants", "id"),
    ("attendance_sheets", "session_id"),
    ("attendance_entries", "session_id, participant_id"),
    ("attendance_guardians", "session_id, person_id"),
    ("attendance_staff", "session_id, staff_id"),
    ("follow_up_tasks", "id"),
    ("audit_log", "seq"),
];

/// What differs between two runs by design: the password hash (salted) and the audit
/// chain's hashes (each data directory has its own audit key).
const DIFFERING: [&str; 3] = ["password_hash", "prev_hash", "hash"];

async fn store(db: &ScratchDatabase) -> Store {
    let url = match &db.url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", db.dir.0.join("samla.db").display()),
    };
    Store::connect(&url).await.expect("the database")
}

/// (table, digest of its rows) for every table the command writes.
async fn digests(db: &ScratchDatabase) -> Vec<(&'static str, u64)> {
    let store = store(db).await;
    let mut out = Vec::new();
    for (table, order) in TABLES {
        let rows =
            sqlx::query(&format!("SELECT * FROM {table} ORDER BY {order}")).fetch_all(store.pool()).await.unwrap();
        let mut hasher = DefaultHasher::new();
        rows.len().hash(&mut hasher);
        for row in &rows {
            for (index, column) in row.columns().iter().enumerate() {
                if DIFFERING.contains(&column.name()) {
                    continue;
                }
                column.name().hash(&mut hasher);
                match row.try_get::<Option<i64>, _>(index) {
                    Ok(number) => number.hash(&mut hasher),
                    Err(_) => row
                        .try_get::<Option<String>, _>(index)
                        .unwrap_or_else(|e| panic!("{table}.{}: {e}", column.name()))
                        .hash(&mut hasher),
                }
            }
        }
        out.push((table, hasher.finish()));
    }
    store.close().await;
    out
}

/// (table, rows) from the counts the command prints at the end.
fn printed_counts(output: &str) -> Vec<(String, i64)> {
    output
        .lines()
        .filter_map(|line| {
            let (table, rows) = line.split_once(' ')?;
            Some((table.to_string(), rows.trim().parse().ok()?))
        })
        .collect()
}

#[tokio::test]
async fn a_small_data_set_has_its_counts_an_intact_trail_and_refuses_to_run_twice() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let output = samla.ok(&SMALL, None).await;
    assert!(output.contains("3/3 organisations"), "progress is printed: {output}");
    assert!(output.contains("done in"), "{output}");
    let expected: Vec<(String, i64)> = EXPECTED.iter().map(|(t, n)| (t.to_string(), *n)).collect();
    assert_eq!(printed_counts(&output), expected);

    let verified = samla.ok(&["audit", "verify"], None).await;
    assert!(verified.contains(&format!("audit trail intact: {} rows", EXPECTED[15].1)), "{verified}");
    assert!(verified.contains("0 rows written since"), "the command anchors what it wrote: {verified}");

    let again = samla.run(&SMALL, None).await;
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("this database has courses already"), "{}", text(&again.stderr));
    let store = store(&db).await;
    let courses: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM courses").fetch_one(store.pool()).await.unwrap();
    assert_eq!(courses, 30, "nothing was added");
    // The planners have statistics of what was written, so the first queries plan well.
    let analysed: i64 = if crate::common::backend_is_postgres() {
        sqlx::query_scalar("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'course_sessions'")
            .fetch_one(store.pool())
            .await
            .unwrap()
    } else {
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'course_sessions'")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    assert!(analysed > 0, "statistics of course_sessions: {analysed}");
    store.close().await;
}

#[tokio::test]
async fn the_organisations_run_the_national_centres_programmes_in_its_networks() {
    let db = ScratchDatabase::new().await;
    Samla::new(&db).ok(&SMALL, None).await;
    let store = store(&db).await;
    let pool = store.pool();
    let placed: Vec<(String, String, String)> =
        sqlx::query_as("SELECT slug, kind, region FROM organisations WHERE region IS NOT NULL ORDER BY id")
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(placed.len(), 4, "every organisation is placed: {placed:?}");
    assert_eq!((placed[0].0.as_str(), placed[0].1.as_str()), ("drift", "national_centre"));
    assert!(placed[1..].iter().all(|(_, kind, _)| kind == "municipality"), "{placed:?}");
    let shared: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM programmes p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.shared = 1 AND o.slug = 'drift'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(shared, 10, "the centre shares every shipped programme");
    let elsewhere: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM courses c JOIN programme_versions v ON v.id = c.programme_version_id
         JOIN programmes p ON p.id = v.programme_id JOIN organisations o ON o.id = p.organisation_id
         WHERE o.slug <> 'drift'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(elsewhere, 0, "every course runs on a programme of the centre");
    let outside: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM courses c JOIN programme_versions v ON v.id = c.programme_version_id
         WHERE NOT EXISTS (SELECT 1 FROM programme_network_members m
                           WHERE m.programme_id = v.programme_id AND m.organisation_id = c.organisation_id)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(outside, 0, "every course's organisation is in its programme's network");
    let memberships: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM programme_network_members").fetch_one(pool).await.unwrap();
    let joined: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'network.join'")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(memberships >= 3, "{memberships}");
    assert_eq!(joined, memberships, "each join left its audit row");
    let certified_elsewhere: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM certifications c JOIN programmes p ON p.id = c.programme_id
         JOIN organisations o ON o.id = p.organisation_id WHERE o.slug <> 'drift'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(certified_elsewhere, 0, "leaders are certified for the programmes they run");
    store.close().await;
}

#[tokio::test]
async fn the_same_arguments_give_the_same_data() {
    let first = ScratchDatabase::new().await;
    let second = ScratchDatabase::new().await;
    Samla::new(&first).ok(&SMALL, None).await;
    Samla::new(&second).ok(&SMALL, None).await;
    let (first, second) = (digests(&first).await, digests(&second).await);
    for ((table, one), (_, other)) in first.iter().zip(&second) {
        assert_eq!(one, other, "{table} differs between two runs");
    }
    let third = ScratchDatabase::new().await;
    Samla::new(&third)
        .ok(&["demo-data", "national", "--organisations", "3", "--years", "1", "--seed", "8"], None)
        .await;
    let other_seed = digests(&third).await;
    assert_ne!(first.iter().find(|(t, _)| *t == "persons"), other_seed.iter().find(|(t, _)| *t == "persons"));
}
