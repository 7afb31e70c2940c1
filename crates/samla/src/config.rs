use std::path::{Path, PathBuf};

/// Where the data lives and which database to use.
#[derive(Debug, Clone)]
pub struct Storage {
    pub database_url: String,
    /// Where the audit key and the audit anchors are kept (besides the SQLite file).
    pub data_dir: PathBuf,
}

impl Storage {
    /// The database URL from `SAMLA_DATABASE_URL`, else the SQLite file `samla.db` in
    /// the data directory (created if missing).
    pub fn resolve(data_dir: &Path, database_url: Option<&str>) -> anyhow::Result<Storage> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| anyhow::anyhow!("cannot create the data directory {}: {e}", data_dir.display()))?;
        let database_url = match database_url.filter(|u| !u.is_empty()) {
            Some(url) => url.to_string(),
            None => format!("sqlite://{}", data_dir.join("samla.db").display()),
        };
        Ok(Storage { database_url, data_dir: data_dir.to_path_buf() })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self.database_url.strip_prefix("sqlite://").or_else(|| self.database_url.strip_prefix("sqlite:"))?;
        Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
    }
}
