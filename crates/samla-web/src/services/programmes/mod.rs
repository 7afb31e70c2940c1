//! The programme library: browsing, importing, editing (each edit a new version),
//! archiving and exporting manuals, including as a FHIR R4 PlanDefinition; the shipped
//! manuals are installed into every organisation and kept up to date ([`shipped`]).

mod shipped;

pub use shipped::{install_shipped_everywhere, install_shipped_in};

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::programmes::{Manual, ManualErrors};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::programmes::{self, Listing, Programme};
use samla_storage::{audit, Store, StoreError, WriteTx};

/// A programme with the manual of the version asked for.
pub struct ProgrammeView {
    pub programme: Programme,
    pub version: i64,
    pub manual: Manual,
    pub versions: Vec<(i64, i64)>,
}

pub fn manual_errors_to_fields(errors: &ManualErrors) -> FieldErrors {
    FieldErrors(
        errors
            .0
            .iter()
            .map(|e| {
                FieldError::new("manual", "error-manual").with_arg("path", &e.path).with_arg("message", &e.message)
            })
            .collect(),
    )
}

fn parse_stored(json: &str) -> Result<Manual, WebError> {
    serde_json::from_str(json).map_err(|e| WebError::Internal(format!("stored manual does not parse: {e}")))
}

/// The library the organisation plans from (archived programmes left out).
pub async fn library(
    state: &AppState,
    actor: &Actor,
    query: &str,
    target_group: &str,
) -> Result<Vec<Programme>, WebError> {
    library_with(state, actor, query, target_group, false).await
}

/// The library, with the organisation's archived programmes too when `archived`.
pub async fn library_with(
    state: &AppState,
    actor: &Actor,
    query: &str,
    target_group: &str,
    archived: bool,
) -> Result<Vec<Programme>, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ViewProgrammes).await?;
    Ok(programmes::list_visible(&mut conn, actor.organisation.id, query.trim(), target_group, archived).await?)
}

pub async fn view(state: &AppState, actor: &Actor, id: i64, version: Option<i64>) -> Result<ProgrammeView, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ViewProgrammes).await?;
    let programme = programmes::get_visible(&mut conn, actor.organisation.id, id).await?;
    let version = version.unwrap_or(programme.current_version);
    let stored = programmes::version(&mut conn, id, version).await?;
    let versions = programmes::versions(&mut conn, id).await?;
    Ok(ProgrammeView { manual: parse_stored(&stored.manual)?, version, programme, versions })
}

/// A visible programme by id or slug.
pub async fn find(state: &AppState, actor: &Actor, id_or_slug: &str) -> Result<Programme, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let found = match id_or_slug.parse::<i64>() {
        Ok(id) => programmes::get_visible(&mut conn, actor.organisation.id, id).await.ok(),
        Err(_) => programmes::find_visible_by_slug(&mut conn, actor.organisation.id, id_or_slug).await?,
    };
    found.ok_or(WebError::NotFound)
}

fn listing(manual: &Manual) -> (String, Vec<String>) {
    let groups: Vec<String> = manual.target_groups.iter().map(|g| g.as_str().to_string()).collect();
    (groups.join(","), groups)
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new programme.
    Created,
    /// The next version of the organisation's programme with the slug.
    NewVersion,
    /// The manual is exactly the current version: nothing new was saved.
    Unchanged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub id: i64,
    /// The programme's current version after the import.
    pub version: i64,
    pub outcome: ImportOutcome,
}

/// Stores a manual in the organisation: a new programme, or the next version of the
/// organisation's own programme with that slug — unless it is exactly the current
/// version, which stays (a manual imported twice is one version).
async fn store_manual(
    tx: &mut WriteTx,
    organisation_id: i64,
    manual: &Manual,
    shared: bool,
    user_id: Option<i64>,
    now: i64,
) -> Result<Imported, WebError> {
    let json = serde_json::to_string(manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let (groups, _) = listing(manual);
    let row = Listing { slug: &manual.slug, name: &manual.name, summary: &manual.summary, target_groups: &groups };
    let Some(existing) = programmes::own_by_slug(&mut tx.tx, organisation_id, &manual.slug).await? else {
        let id = programmes::create(&mut tx.tx, organisation_id, &row, shared, &json, user_id, now).await?;
        return Ok(Imported { id, version: 1, outcome: ImportOutcome::Created });
    };
    if shared && existing.shared == 0 {
        programmes::set_shared(&mut tx.tx, existing.id, true).await?;
    }
    if current_manual(tx, &existing).await? == *manual {
        return Ok(Imported { id: existing.id, version: existing.current_version, outcome: ImportOutcome::Unchanged });
    }
    let version =
        programmes::add_version(&mut tx.tx, existing.id, existing.current_version, &row, &json, user_id, now).await?;
    Ok(Imported { id: existing.id, version, outcome: ImportOutcome::NewVersion })
}

async fn current_manual(tx: &mut WriteTx, programme: &Programme) -> Result<Manual, WebError> {
    let stored = programmes::version(&mut tx.tx, programme.id, programme.current_version).await?;
    parse_stored(&stored.manual)
}

/// Imports a manual (new programme or new version of the organisation's own).
pub async fn import(state: &AppState, actor: &Actor, manual: Manual, shared: bool) -> Result<Imported, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let imported = store_manual(&mut tx, actor.organisation.id, &manual, shared, Some(actor.user_id), now).await?;
    let event = actor.event("programme.import", Outcome::Success).record("programme", imported.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(imported)
}

/// A write transaction on one of the organisation's own programmes, for one who may manage
/// programmes: one shared by another organisation is theirs to change, read-only here.
async fn own_programme_tx(state: &AppState, actor: &Actor, id: i64) -> Result<(WriteTx, Programme), WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let mut tx = state.store.write().await?;
    let programme = programmes::get_visible(&mut tx.tx, actor.organisation.id, id).await?;
    if programme.organisation_id != actor.organisation.id {
        return Err(WebError::Forbidden);
    }
    Ok((tx, programme))
}

/// Saves an edited manual as the next version of an own programme, if nobody saved
/// another version since `expected_version`.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: i64,
    manual: Manual,
    expected_version: i64,
) -> Result<i64, WebError> {
    let now = state.clock.now();
    let (mut tx, programme) = own_programme_tx(state, actor, id).await?;
    if manual.slug != programme.slug {
        return Err(FieldErrors::single(FieldError::new("slug", "error-slug-fixed")).into());
    }
    let json = serde_json::to_string(&manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let (groups, _) = listing(&manual);
    let row = Listing { slug: &manual.slug, name: &manual.name, summary: &manual.summary, target_groups: &groups };
    let version =
        programmes::add_version(&mut tx.tx, id, expected_version, &row, &json, Some(actor.user_id), now).await?;
    commit_done(tx, actor, "programme.update", ("programme", id), now).await?;
    Ok(version)
}

/// Archives one of the organisation's own programmes (it leaves the library, takes no
/// new courses and no shipped updates; its courses keep it), or takes it back into use.
pub async fn set_archived(state: &AppState, actor: &Actor, id: i64, archived: bool) -> Result<(), WebError> {
    let now = state.clock.now();
    let (mut tx, programme) = own_programme_tx(state, actor, id).await?;
    if programme.archived_at.is_some() != archived {
        programmes::set_archived(&mut tx.tx, id, archived.then_some(now)).await?;
    }
    let action = if archived { "programme.archive" } else { "programme.unarchive" };
    commit_done(tx, actor, action, ("programme", id), now).await?;
    Ok(())
}

/// `samla programmes import FILE` into an organisation by slug.
pub async fn import_file(
    store: &Store,
    organisation_slug: &str,
    manual: Manual,
    shared: bool,
    now: i64,
) -> Result<Imported, WebError> {
    let mut tx = store.write().await?;
    let organisation =
        samla_storage::organisations::find_by_slug(&mut tx.tx, organisation_slug).await?.ok_or(WebError::NotFound)?;
    let imported = store_manual(&mut tx, organisation.id, &manual, shared, None, now).await?;
    let mut event = AuditEvent::new("cli.programme.import", Outcome::Success).record("programme", imported.id);
    event.organisation_id = Some(organisation.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(imported)
}

/// `samla programmes export`: the current manual of a programme by slug.
pub async fn export_file(store: &Store, organisation_slug: &str, slug: &str) -> Result<Manual, WebError> {
    Ok(export_file_version(store, organisation_slug, slug).await?.0)
}

/// `samla programmes export`: the current manual of a programme by slug, with its
/// version number (for the FHIR PlanDefinition).
pub async fn export_file_version(
    store: &Store,
    organisation_slug: &str,
    slug: &str,
) -> Result<(Manual, i64), WebError> {
    let mut conn = store.pool().acquire().await.map_err(StoreError::from)?;
    let organisation =
        samla_storage::organisations::find_by_slug(&mut conn, organisation_slug).await?.ok_or(WebError::NotFound)?;
    let programme =
        programmes::find_visible_by_slug(&mut conn, organisation.id, slug).await?.ok_or(WebError::NotFound)?;
    let stored = programmes::version(&mut conn, programme.id, programme.current_version).await?;
    Ok((parse_stored(&stored.manual)?, programme.current_version))
}

/// A person certified to lead a programme.
pub struct Certified {
    pub user_id: i64,
    pub name: String,
    pub certified_on: String,
}

/// Who holds the programme's certification in the organisation (planners only).
pub async fn certifications(state: &AppState, actor: &Actor, programme_id: i64) -> Result<Vec<Certified>, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::PlanCourses).await?;
    programmes::get_visible(&mut conn, actor.organisation.id, programme_id).await?;
    Ok(programmes::certifications(&mut conn, actor.organisation.id, programme_id)
        .await?
        .into_iter()
        .map(|(user_id, name, certified_on)| Certified { user_id, name, certified_on })
        .collect())
}

/// Records that a person in the organisation holds the programme's certification
/// (since `certified_on`, YYYY-MM-DD), or with `None` that they no longer do.
pub async fn set_certification(
    state: &AppState,
    actor: &Actor,
    programme_id: i64,
    user_id: i64,
    certified_on: Option<&str>,
) -> Result<(), WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let day = match certified_on {
        Some(raw) => Some(samla_domain::validation::day("certified_on", raw).map_err(FieldErrors::single)?.to_string()),
        None => None,
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    programmes::get_visible(&mut tx.tx, actor.organisation.id, programme_id).await?;
    if samla_storage::accounts::roles_in(&mut tx.tx, user_id, actor.organisation.id).await?.is_empty() {
        return Err(WebError::NotFound);
    }
    programmes::set_certified(&mut tx.tx, user_id, programme_id, actor.organisation.id, day.as_deref()).await?;
    let action = if day.is_some() { "programme.certification.set" } else { "programme.certification.remove" };
    commit_done(tx, actor, action, ("user", user_id), now).await?;
    Ok(())
}
