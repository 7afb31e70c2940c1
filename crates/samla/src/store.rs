//! Opening the database as every command and the server do: migrated, with the audit key.

use crate::audit_files;
use crate::config::Storage;
use anyhow::{bail, Context};
use samla_storage::audit::Adoption;
use samla_storage::{Store, StoreError};
use samla_web::services::audit;

/// Opens and migrates the database, with the audit key: from `SAMLA_AUDIT_KEY` or the
/// data directory, made there at the first start of a database that has none yet. A
/// key that is not the database's is refused, and so is a start without the key of a
/// database that has one.
pub async fn open(storage: &Storage) -> anyhow::Result<Store> {
    let store = Store::connect(&storage.database_url).await.context("cannot open the database")?;
    store.migrate().await.context("cannot migrate the database")?;
    let (key, source) = match audit_files::configured_key(&storage.data_dir)? {
        Some(found) => found,
        None => {
            let mut conn = store.pool().acquire().await.context("cannot open the database")?;
            let sealed = samla_storage::audit::seal(&mut conn).await?.is_some();
            drop(conn);
            if sealed {
                bail!(
                    "this database's audit trail is kept with an audit key, and neither {} nor {} holds it. Put the \
                     key back from where you keep it apart from the backups (or set {}); without it nothing can \
                     be written and the trail cannot be verified",
                    audit_files::KEY_VARIABLE,
                    audit_files::key_path(&storage.data_dir).display(),
                    audit_files::KEY_VARIABLE
                );
            }
            audit_files::create_key(&storage.data_dir)?
        }
    };
    let store = store.with_audit_key(key);
    match samla_storage::audit::adopt_key(&store, now()).await {
        Ok(Adoption::Known(_)) => {}
        Ok(Adoption::Sealed(seal)) => {
            if seal.legacy_rows() > 0 {
                tracing::warn!(
                    earlier_rows = seal.legacy_rows(),
                    "audit: the trail is kept with the audit key from now on; its earlier rows keep their unkeyed \
                     hashes and are pinned by the seal"
                );
            }
            let anchor = audit::anchor(&store, now()).await?;
            audit_files::write_anchor(&storage.data_dir, &anchor, "the audit key was introduced")?;
        }
        Err(StoreError::AuditKeyMismatch) => bail!(
            "the audit key from {source} is not the key this database's audit trail is kept with. Use the \
             database's key; instances sharing one database must share one key ({})",
            audit_files::KEY_VARIABLE
        ),
        Err(error) => return Err(error).context("cannot check the audit key"),
    }
    Ok(store)
}

fn now() -> i64 {
    samla_web::Clock::default().now()
}
