//! samla's storage: one data access layer over SQLite (embedded default) and PostgreSQL.
//!
//! Queries are written once in the SQL both databases understand and run through sqlx's
//! `Any` driver; each backend has its own migrations, kept in step. Every business
//! operation is one transaction ([`Store::write`]), and its audit row is written in the
//! same transaction.

pub mod accounts;
pub mod audit;
pub mod budgets;
pub mod bulk;
pub mod calendar_feeds;
pub mod checklists;
pub mod course_deviations;
pub mod course_staff;
pub mod courses;
pub mod db;
mod error;
pub mod holidays;
pub mod idempotency;
pub mod imported_courses;
pub mod intake;
mod migrations;
pub mod networks;
pub mod organisations;
pub mod outbox;
pub mod privacy;
pub mod programmes;
pub mod questionnaires;
pub mod reports;
pub mod running;
pub mod sessions;
pub mod staff_directory;
pub mod statistics;
pub mod submissions;
pub mod tokens;

pub use error::StoreError;

use samla_domain::audit::AuditKey;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Executor};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

pub type Tx = sqlx::Transaction<'static, Any>;
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, shared by every request.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite allows one writer; within this process writers take turns here, so a
    /// waiting writer holds no pooled connection. PostgreSQL needs no such gate.
    write_gate: Arc<Mutex<()>>,
    /// What audit rows are hashed with ([`Store::with_audit_key`]); without it, writing
    /// an audit row fails.
    audit_key: Option<Arc<AuditKey>>,
}

/// One business operation: every write and its audit row commit or roll back together.
pub struct WriteTx {
    pub tx: Tx,
    backend: Backend,
    _gate: Option<OwnedMutexGuard<()>>,
    after_commit: Vec<Box<dyn FnOnce() + Send + Sync>>,
    audit_key: Option<Arc<AuditKey>>,
}

impl WriteTx {
    /// Commits, then runs what [`WriteTx::after_commit`] registered (nothing runs after
    /// a rollback or a failed commit).
    pub async fn commit(self) -> Result<()> {
        let WriteTx { tx, backend: _, _gate: gate, after_commit, audit_key: _ } = self;
        tx.commit().await?;
        drop(gate);
        for hook in after_commit {
            hook();
        }
        Ok(())
    }

    /// Runs `hook` once this operation has committed, e.g. to wake a worker that must
    /// only look once the rows it is woken for are visible to other connections.
    pub fn after_commit(&mut self, hook: impl FnOnce() + Send + Sync + 'static) {
        self.after_commit.push(Box::new(hook));
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }
}

impl Store {
    /// Connects to `sqlite://…` or `postgres://…`; a SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // The busy timeout first, so the others wait for a writer
                        // in another process too.
                        for pragma in [
                            "PRAGMA busy_timeout = 5000",
                            "PRAGMA journal_mode = WAL",
                            "PRAGMA synchronous = FULL",
                            "PRAGMA foreign_keys = ON",
                            // What retention removes is overwritten, not left in free pages.
                            "PRAGMA secure_delete = ON",
                        ] {
                            conn.execute(pragma).await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store { pool, backend, write_gate: Arc::new(Mutex::new(())), audit_key: None })
    }

    /// This store with the key audit rows are hashed with (see [`audit::adopt_key`],
    /// which checks it is the database's key).
    pub fn with_audit_key(mut self, key: AuditKey) -> Store {
        self.audit_key = Some(Arc::new(key));
        self
    }

    pub fn audit_key(&self) -> Option<&AuditKey> {
        self.audit_key.as_deref()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &migrations::SQLITE_MIGRATIONS,
            Backend::Postgres => &migrations::POSTGRES_MIGRATIONS,
        }
    }

    pub async fn migrate(&self) -> Result<()> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    /// Keeps the query planner's table statistics current, so a lookup keeps using the
    /// index that starts from the organisation or course as other organisations' rows grow
    /// (without statistics SQLite guessed, and one query chose a nationwide index). SQLite
    /// analyses only the tables whose size changed much since they were last analysed, with
    /// a bounded sample, so this is cheap to call daily. PostgreSQL's autovacuum analyses on
    /// its own.
    /// [`Self::refresh_statistics`] after rows were written in bulk: on PostgreSQL too
    /// (`ANALYZE`), whose autovacuum would otherwise plan the first queries over the new
    /// rows without statistics (seen: a course page at 125 ms instead of 12), and with
    /// `VACUUM`, which marks the new rows visible to all so that an index holding every
    /// column a query reads answers it alone, as in a database autovacuum has long kept (a
    /// year's statistics at national size: the attendance marks' query 0.44 s → 0.25 s).
    pub async fn refresh_statistics_after_bulk_load(&self) -> Result<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("VACUUM ANALYZE").execute(&self.pool).await?;
            return Ok(());
        }
        self.refresh_statistics().await
    }

    pub async fn refresh_statistics(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            let mut tx = self.write().await?;
            // 0x10002: every table, not only those this one connection has queried.
            sqlx::query("PRAGMA optimize = 0x10002").execute(&mut *tx.tx).await?;
            tx.commit().await?;
        }
        Ok(())
    }

    /// Names the schema this binary migrates to (its backend and every migration's
    /// checksum), so a migrated copy can be reused while the migrations are unchanged.
    pub fn schema_fingerprint(&self) -> String {
        let mut fingerprint: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.migrator().iter().flat_map(|m| m.checksum.iter()) {
            fingerprint = (fingerprint ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        format!("{}{fingerprint:016x}", if self.backend == Backend::Sqlite { "s" } else { "p" })
    }

    /// True when the database answers and every migration this binary knows is applied.
    pub async fn is_ready(&self) -> bool {
        let expected = self.migrator().iter().filter(|m| m.migration_type.is_up_migration()).count() as i64;
        let applied: std::result::Result<i64, _> =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_one(&self.pool)
                .await;
        matches!(applied, Ok(n) if n == expected)
    }

    /// Begins one business operation.
    ///
    /// On SQLite the transaction takes the database's write lock as it begins (`BEGIN
    /// IMMEDIATE`): a transaction that read first and wrote later could not wait for
    /// another process's writer (the busy timeout does not apply to that upgrade), so a
    /// CLI command beside the server failed with "database is locked". Taken at the
    /// start, the lock is waited for like any other.
    pub async fn write(&self) -> Result<WriteTx> {
        let (gate, tx) = match self.backend {
            Backend::Sqlite => {
                let gate = self.write_gate.clone().lock_owned().await;
                (Some(gate), self.pool.begin_with("BEGIN IMMEDIATE").await?)
            }
            Backend::Postgres => (None, self.pool.begin().await?),
        };
        Ok(WriteTx {
            tx,
            backend: self.backend,
            _gate: gate,
            after_commit: Vec::new(),
            audit_key: self.audit_key.clone(),
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Copies the whole SQLite database to `path` as one consistent snapshot.
    pub async fn backup_sqlite(&self, path: &str) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.pool).await?;
        Ok(())
    }
}
