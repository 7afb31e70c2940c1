//! The migrations, built into the binary: one folder per backend, kept in step.
//!
//! They are listed here instead of read by sqlx's `migrate!` macro, so that nothing here
//! depends on sqlx's query macros (enabled only for a helper of its `FromRow` derive, see
//! Cargo.toml, and to be dropped again). A test checks the list against the folders, so a
//! new migration cannot be forgotten.

use sqlx::migrate::{Migration, MigrationType, Migrator};
use std::borrow::Cow;
use std::sync::LazyLock;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        const SQLITE: &[(&str, &str)] =
            &[$(($name, include_str!(concat!("../migrations/sqlite/", $name, ".sql")))),*];
        const POSTGRES: &[(&str, &str)] =
            &[$(($name, include_str!(concat!("../migrations/postgres/", $name, ".sql")))),*];
    };
}

embedded!(
    "0001_foundation",
    "0002_planning",
    "0003_outbox",
    "0004_intake",
    "0005_running",
    "0006_questionnaires",
    "0007_reminder_opt_outs",
    "0008_round_results_release",
    "0009_integrity",
    "0010_shipped_programmes",
    "0011_audiences_and_deviations",
    "0012_foreign_key_indexes",
    "0013_programme_networks",
    "0014_audit_chains",
    "0015_statistics_fields",
    "0016_imported_courses",
    "0017_statistics_submissions",
    "0018_statistics_indexes",
    "0019_emergency_access",
    "0020_retention",
    "0021_access_requests",
);

/// A migrator over `files` (`NNNN_description`, SQL), checksummed as sqlx does, so
/// databases migrated by earlier builds stay valid.
fn migrator(files: &'static [(&'static str, &'static str)]) -> Migrator {
    let migrations = files
        .iter()
        .map(|(name, sql)| {
            let (version, description) = name.split_once('_').unwrap_or((name, name));
            Migration::new(
                version.parse().unwrap_or_default(),
                Cow::Owned(description.replace('_', " ")),
                MigrationType::Simple,
                Cow::Borrowed(sql),
                false,
            )
        })
        .collect::<Vec<_>>();
    Migrator { migrations: Cow::Owned(migrations), ..Migrator::DEFAULT }
}

pub(crate) static SQLITE_MIGRATIONS: LazyLock<Migrator> = LazyLock::new(|| migrator(SQLITE));
pub(crate) static POSTGRES_MIGRATIONS: LazyLock<Migrator> = LazyLock::new(|| migrator(POSTGRES));

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn folder(backend: &str) -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".sql").map(str::to_string))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_migration_in_the_folders_is_listed_in_order() {
        let listed: Vec<String> = SQLITE.iter().map(|(name, _)| name.to_string()).collect();
        assert_eq!(folder("sqlite"), listed, "crates/samla-storage/migrations/sqlite");
        assert_eq!(folder("postgres"), listed, "crates/samla-storage/migrations/postgres");
    }

    #[test]
    fn versions_count_up_from_one() {
        for (index, migration) in SQLITE_MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, index as i64 + 1);
            assert!(!migration.description.is_empty());
        }
    }
}
