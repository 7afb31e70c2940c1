//! The audit key and the audit anchors: files in the data directory, outside the
//! database, so that someone who can change the database cannot also recompute the
//! trail's hashes or hide rows cut from its end.
//!
//! - `audit.key`: the key (64 hexadecimal digits), made at the first start with a
//!   database that has no seal yet, readable by its owner only. `SAMLA_AUDIT_KEY` takes
//!   its place; instances sharing one PostgreSQL database must share it.
//! - `audit-anchors`: one signed line per anchor, only ever appended to.

use anyhow::{bail, Context};
use samla_domain::audit::{AuditKey, SignedAnchor};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const KEY_FILE: &str = "audit.key";
pub const ANCHORS_FILE: &str = "audit-anchors";
pub const KEY_VARIABLE: &str = "SAMLA_AUDIT_KEY";

/// Where the key came from, for messages.
#[derive(Debug, Clone)]
pub enum KeySource {
    Environment,
    File(PathBuf),
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Environment => write!(f, "{KEY_VARIABLE}"),
            KeySource::File(path) => write!(f, "{}", path.display()),
        }
    }
}

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(KEY_FILE)
}

pub fn anchors_path(data_dir: &Path) -> PathBuf {
    data_dir.join(ANCHORS_FILE)
}

/// The key from `SAMLA_AUDIT_KEY`, else from `audit.key` in the data directory; `None`
/// when neither is there.
pub fn configured_key(data_dir: &Path) -> anyhow::Result<Option<(AuditKey, KeySource)>> {
    if let Some(text) = std::env::var(KEY_VARIABLE).ok().filter(|v| !v.trim().is_empty()) {
        let key = AuditKey::from_hex(&text).map_err(|e| anyhow::anyhow!("{KEY_VARIABLE}: {e}"))?;
        return Ok(Some((key, KeySource::Environment)));
    }
    let path = key_path(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            warn_if_others_can_read(&path);
            let key = AuditKey::from_hex(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Ok(Some((key, KeySource::File(path))))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).with_context(|| format!("cannot read the audit key {}", path.display())),
    }
}

/// Makes a new key in `audit.key`, readable by its owner only. When another process
/// made one at the same moment, that one is used: the file is written whole under
/// another name and then linked into place, which fails if it exists.
pub fn create_key(data_dir: &Path) -> anyhow::Result<(AuditKey, KeySource)> {
    let path = key_path(data_dir);
    let temporary = data_dir.join(format!(".{KEY_FILE}.{}", std::process::id()));
    let key = AuditKey::generate();
    // Left over by a process of the same id that stopped halfway.
    let _ = std::fs::remove_file(&temporary);
    {
        let mut file = private_file(&temporary)?;
        file.write_all(format!("{}\n", key.to_hex()).as_bytes())?;
        file.sync_all()?;
    }
    let linked = std::fs::hard_link(&temporary, &path);
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Ok(()) => {
            tracing::warn!(
                path = %path.display(),
                "audit: a new audit key was made; back it up apart from the database (without it the audit trail \
                 cannot be verified)"
            );
            Ok((key, KeySource::File(path)))
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => match configured_key(data_dir)? {
            Some(found) => Ok(found),
            None => bail!("{} appeared and vanished again", path.display()),
        },
        Err(error) => Err(error).with_context(|| format!("cannot write the audit key {}", path.display())),
    }
}

#[cfg(unix)]
fn private_file(path: &Path) -> anyhow::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(unix)]
fn warn_if_others_can_read(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.permissions().mode() & 0o077 != 0 {
            tracing::warn!(path = %path.display(), "audit: the audit key can be read by others; chmod 600 it");
        }
    }
}

#[cfg(not(unix))]
fn warn_if_others_can_read(_path: &Path) {}

/// Appends `anchor` to the anchors file (made if missing) and writes it to the log.
pub fn write_anchor(data_dir: &Path, anchor: &SignedAnchor, why: &str) -> anyhow::Result<()> {
    let path = anchors_path(data_dir);
    let line = anchor.line();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .with_context(|| format!("cannot open the audit anchors {}", path.display()))?;
    file.write_all(format!("{line}\n").as_bytes())
        .and_then(|()| file.sync_data())
        .with_context(|| format!("cannot write to the audit anchors {}", path.display()))?;
    tracing::info!(anchor = %line, why, "audit: chain head anchored");
    Ok(())
}

/// The lines of an anchors file by line number, each read as an anchor (`None`: it is not one).
pub type AnchorLines = Vec<(usize, Option<SignedAnchor>)>;

/// Every non-empty line of the anchors file at `path` with its line number; `None` when
/// there is no such file.
pub fn read_anchors(path: &Path) -> anyhow::Result<Option<AnchorLines>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error).with_context(|| format!("cannot read the audit anchors {}", path.display())),
    };
    Ok(Some(
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| (index + 1, SignedAnchor::parse(line)))
            .collect(),
    ))
}
