//! samla's shipped manuals in every organisation, as the shipped questionnaires are:
//! installed in the transaction that makes an organisation, and at every start for all
//! of them, so organisations made before get the library and a new edition reaches every
//! copy left as samla shipped it (never one the organisation changed or archived — see
//! [`samla_domain::programmes::shipped::decide`]). A start is one transaction; content
//! already installed is recognised by its hash and skipped.

use super::{listing, parse_stored};
use crate::error::WebError;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::programmes::shipped::{content_hash, decide, Existing, Install, SHIPPED};
use samla_domain::programmes::Manual;
use samla_storage::programmes::{self, Listing, ShippedSlugCopy};
use samla_storage::{audit, Store, WriteTx};
use std::sync::OnceLock;

/// A shipped manual, parsed, with its content hash and the JSON a version stores.
struct ShippedManual {
    manual: Manual,
    hash: String,
    json: String,
}

fn parse(shipped: &[(&str, &str)]) -> Result<Vec<ShippedManual>, String> {
    shipped
        .iter()
        .map(|(slug, source)| {
            let manual =
                Manual::from_toml(source).map_err(|e| format!("shipped programme {slug} does not validate: {e}"))?;
            let json = serde_json::to_string(&manual).map_err(|e| e.to_string())?;
            Ok(ShippedManual { hash: content_hash(&manual), manual, json })
        })
        .collect()
}

/// The manuals compiled into this binary, parsed once.
fn compiled_in() -> Result<&'static [ShippedManual], WebError> {
    static PARSED: OnceLock<Result<Vec<ShippedManual>, String>> = OnceLock::new();
    match PARSED.get_or_init(|| parse(SHIPPED)) {
        Ok(manuals) => Ok(manuals),
        Err(error) => Err(WebError::Internal(error.clone())),
    }
}

/// Installs the shipped manuals into a new organisation, in the transaction that makes it.
pub async fn install_shipped_in(tx: &mut WriteTx, organisation_id: i64, now: i64) -> Result<usize, WebError> {
    install(tx, compiled_in()?, &[organisation_id], now).await
}

/// Installs `shipped` ((slug, TOML) pairs; at start, [`SHIPPED`]) into every
/// organisation in one transaction. Returns how many programmes were added, updated or
/// recognised as samla's.
pub async fn install_shipped_everywhere(store: &Store, shipped: &[(&str, &str)], now: i64) -> Result<usize, WebError> {
    let manuals = parse(shipped).map_err(WebError::Internal)?;
    let mut tx = store.write().await?;
    programmes::lock_shipped_install(&mut tx).await?;
    let organisations = programmes::organisation_ids(&mut tx.tx).await?;
    let changed = install(&mut tx, &manuals, &organisations, now).await?;
    tx.commit().await?;
    Ok(changed)
}

async fn install(
    tx: &mut WriteTx,
    manuals: &[ShippedManual],
    organisations: &[i64],
    now: i64,
) -> Result<usize, WebError> {
    let slugs: Vec<&str> = manuals.iter().map(|m| m.manual.slug.as_str()).collect();
    let copies = programmes::with_slugs(&mut tx.tx, &slugs).await?;
    let mut total = 0;
    for organisation_id in organisations {
        let mut changed = 0;
        for shipped in manuals {
            let copy = copies.iter().find(|c| c.organisation_id == *organisation_id && c.slug == shipped.manual.slug);
            let (groups, _) = listing(&shipped.manual);
            let row = Listing {
                slug: &shipped.manual.slug,
                name: &shipped.manual.name,
                summary: &shipped.manual.summary,
                target_groups: &groups,
            };
            match (decide(copy.map(existing).as_ref(), &shipped.hash), copy) {
                (Install::Create, _) => {
                    let id =
                        programmes::create(&mut tx.tx, *organisation_id, &row, false, &shipped.json, None, now).await?;
                    programmes::mark_shipped(&mut tx.tx, id, 1, &shipped.hash).await?;
                }
                (Install::NewVersion, Some(copy)) => {
                    let version = programmes::add_version(
                        &mut tx.tx,
                        copy.id,
                        copy.current_version,
                        &row,
                        &shipped.json,
                        None,
                        now,
                    )
                    .await?;
                    programmes::mark_shipped(&mut tx.tx, copy.id, version, &shipped.hash).await?;
                }
                (Install::Adopt, Some(copy)) => {
                    programmes::mark_shipped(&mut tx.tx, copy.id, copy.current_version, &shipped.hash).await?;
                }
                _ => continue,
            }
            changed += 1;
        }
        if changed > 0 {
            let mut event =
                AuditEvent::new("programme.install_shipped", Outcome::Success).record("organisation", organisation_id);
            event.organisation_id = Some(*organisation_id);
            audit::append(tx, &event, now).await?;
        }
        total += changed;
    }
    Ok(total)
}

/// The organisation's copy as the rule sees it. The content of a programme not known as
/// samla's is hashed so an import of exactly the shipped manual is recognised.
fn existing(copy: &ShippedSlugCopy) -> Existing {
    let current_content_hash = if copy.shipped == 0 {
        parse_stored(&copy.manual).map(|m| content_hash(&m)).unwrap_or_default()
    } else {
        String::new()
    };
    Existing {
        shipped: copy.shipped != 0,
        archived: copy.archived_at.is_some(),
        current_shipped_hash: copy.shipped_hash.clone(),
        current_content_hash,
    }
}
