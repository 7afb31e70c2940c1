//! Statistics between installations. An organisation that runs a programme on its own
//! samla makes a signed submission of its exact yearly counts; the programme's owner
//! registers that installation (a name, kind and region to count it under, its public
//! key, and a token that may only submit) and receives the submission as an uploaded file
//! or pushed with the token. A changed byte, a key the owner did not register, the same
//! submission again or an older one is refused; a later one replaces the year's earlier
//! one, and both are kept. The counts are merged into the owner's releases (see
//! [`crate::services::statistics::publish`]), where disclosure control applies to them as
//! to the owner's own courses.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit;
use crate::services::statistics::facts_of_year;
use crate::AppState;
use chrono::Datelike;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::reports::submission::{self, Envelope, Opened, Problem, Submission};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::validation::{required_line, FieldError, FieldErrors};
use samla_domain::Action;
use samla_storage::programmes::{self, Programme};
use samla_storage::submissions::{self as stored, Installation, Listed, Received};
use samla_storage::{audit as audit_rows, networks, organisations, StoreError};

/// The field a submission's problems are named at.
const FIELD: &str = "submission";

/// A submission made, signed, to send to the programme's owner.
#[derive(Debug, Clone)]
pub struct Made {
    pub programme: Programme,
    pub submission: Submission,
    pub envelope: Envelope,
}

/// A year is submitted, like it is published, once it is over.
fn closed_year(actor: &Actor, state: &AppState, year: i32) -> Result<(), WebError> {
    let today = actor.organisation.today(&state.clock);
    if year >= today.year() || year < 2000 {
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new("year", "error-statistics-year-open"))));
    }
    Ok(())
}

/// The organisation's public key, which the owner registers; made on first use.
pub async fn public_key(state: &AppState, actor: &Actor) -> Result<String, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    if let Some((_, public)) = stored::signing_key(&mut conn, actor.organisation.id).await? {
        return Ok(public);
    }
    drop(conn);
    let mut tx = state.store.write().await?;
    let (_, public) = signing_key(&mut tx.tx, actor.organisation.id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(public)
}

async fn signing_key(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    now: i64,
) -> Result<([u8; 32], String), WebError> {
    if stored::signing_key(conn, organisation_id).await?.is_none() {
        let (secret, public) = submission::new_signing_key();
        let secret = data_encoding::BASE64.encode(&secret);
        stored::keep_signing_key(conn, organisation_id, &secret, &public, now).await?;
    }
    let (secret, public) = stored::signing_key(conn, organisation_id).await?.ok_or(StoreError::NotFound)?;
    let secret: [u8; 32] = data_encoding::BASE64
        .decode(secret.as_bytes())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| WebError::Internal("a stored signing key does not read".into()))?;
    Ok((secret, public))
}

/// The organisation's own counts of the programme in a year that is over, signed.
pub async fn make(state: &AppState, actor: &Actor, programme: &str, year: i32) -> Result<Made, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    closed_year(actor, state, year)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let facts = facts_of_year(&mut tx.tx, programme.id, year).await?;
    let (secret, _) = signing_key(&mut tx.tx, actor.organisation.id, now).await?;
    let made_at = stored::next_made_at(&mut tx.tx, actor.organisation.id, now).await?;
    let counts =
        submission::count(actor.organisation.id, &programme.slug, year, &actor.organisation.name, made_at, &facts);
    let envelope = submission::sign(&counts, &secret);
    audit::commit_done(tx, actor, "statistics.submission.make", ("programme", programme.id), now).await?;
    Ok(Made { programme, submission: counts, envelope })
}

/// The programme, if the actor's organisation owns it; another's is not found.
async fn owned(state: &AppState, actor: &Actor, programme: &str) -> Result<Programme, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    if programme.organisation_id != actor.organisation.id {
        return Err(WebError::NotFound);
    }
    Ok(programme)
}

/// What registering an installation gives: the organisation it is counted as, and the
/// token it pushes with (shown once, kept only as a hash).
#[derive(Debug, Clone)]
pub struct Registered {
    pub organisation_id: i64,
    pub name: String,
    pub token: String,
    /// The token replaces an earlier one (the installation was registered before).
    pub replaced: bool,
}

/// An installation to count, as the owner names and places it.
#[derive(Debug, Clone)]
pub struct NewInstallation<'a> {
    pub name: &'a str,
    /// `None` where what was chosen is none of the kinds (a page's select sent something else).
    pub kind: Option<OrganisationKind>,
    pub region: Option<Region>,
    pub public_key: &'a str,
}

/// Registers an installation of the programme's network: an organisation of its own here,
/// with no user, a member of the network, known by its public key.
pub async fn register(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    new: &NewInstallation<'_>,
) -> Result<Registered, WebError> {
    let programme = owned(state, actor, programme).await?;
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", new.name, 200));
    if new.kind.is_none() {
        errors.push(FieldError::new("kind", "error-choice"));
    }
    if new.region.is_none() {
        errors.push(FieldError::new("region", "error-choice"));
    }
    let key = submission::canonical_key(new.public_key);
    if key.is_none() {
        errors.push(FieldError::new("public_key", "submission-error-key"));
    }
    let (name, key, kind, region) = match (name, key, new.kind, new.region) {
        (Some(name), Some(key), Some(kind), Some(region)) if errors.is_empty() => (name, key, kind, region),
        _ => return Err(WebError::Invalid(errors)),
    };
    let now = state.clock.now();
    let token = random_token(32);
    let mut tx = state.store.write().await?;
    // The owner's own counts are in its releases already; its own key would count them twice.
    if stored::signing_key(&mut tx.tx, actor.organisation.id).await?.is_some_and(|(_, own)| own == key) {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("public_key", "submission-error-own-key"))));
    }
    let slug = format!("installation-{}", random_token(9).to_ascii_lowercase().replace(['-', '_'], "x"));
    let organisation_id = organisations::create(&mut tx.tx, &slug, &name, region.country(), now).await?;
    organisations::set_placement(&mut tx.tx, organisation_id, kind, region).await?;
    networks::join(&mut tx.tx, programme.id, organisation_id, actor.user_id, now).await?;
    let registered =
        stored::register(&mut tx.tx, programme.id, organisation_id, &key, &hash_secret(&token), actor.user_id, now)
            .await;
    match registered {
        Err(StoreError::Taken(_)) => {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new(
                "public_key",
                "submission-error-key-taken",
            ))))
        }
        other => other?,
    };
    audit::commit_done(tx, actor, "network.installation.register", ("organisation", organisation_id), now).await?;
    Ok(Registered { organisation_id, name, token, replaced: false })
}

/// A new token for an installation whose token may have leaked: the old one stops working
/// at once. The installation is named by the organisation it is counted as.
pub async fn replace_token(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    organisation_id: i64,
) -> Result<Registered, WebError> {
    let programme = owned(state, actor, programme).await?;
    let token = random_token(32);
    let mut tx = state.store.write().await?;
    if !stored::replace_token(&mut tx.tx, programme.id, organisation_id, &hash_secret(&token)).await? {
        return Err(WebError::NotFound);
    }
    let name = organisations::get(&mut tx.tx, organisation_id).await?.name;
    let now = state.clock.now();
    audit::commit_done(tx, actor, "network.installation.token", ("organisation", organisation_id), now).await?;
    Ok(Registered { organisation_id, name, token, replaced: true })
}

/// Removes an installation from the programme's network: it is no longer counted in
/// releases made from now on, its token stops working, and what it submitted is kept. Its
/// key stays taken, so a removed installation comes back only with a new key.
pub async fn remove(state: &AppState, actor: &Actor, programme: &str, organisation_id: i64) -> Result<(), WebError> {
    let programme = owned(state, actor, programme).await?;
    let mut tx = state.store.write().await?;
    if !stored::disable_token(&mut tx.tx, programme.id, organisation_id).await? {
        return Err(WebError::NotFound);
    }
    networks::leave(&mut tx.tx, programme.id, organisation_id).await?;
    let now = state.clock.now();
    audit::commit_done(tx, actor, "network.installation.remove", ("organisation", organisation_id), now).await
}

/// The programme's installations and the submissions received from them (its owner).
pub async fn received(
    state: &AppState,
    actor: &Actor,
    programme: &str,
) -> Result<(Programme, Vec<Installation>, Vec<Listed>), WebError> {
    let programme = owned(state, actor, programme).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let installations = stored::installations(&mut conn, programme.id).await?;
    let listed = stored::received(&mut conn, programme.id).await?;
    Ok((programme, installations, listed))
}

/// Who hands a submission in: staff of the owner uploading the file to a programme, or
/// the installation pushing it with its token.
pub enum HandedIn<'a> {
    Upload { actor: &'a Actor, programme: &'a str },
    Push { token: &'a str },
}

/// What a received submission counts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub id: i64,
    pub installation: String,
    pub year: i32,
    /// Whether it replaced the year's earlier submission.
    pub corrects: bool,
}

fn refused(code: &'static str) -> WebError {
    WebError::Refused(FieldErrors::single(FieldError::new(FIELD, code)))
}

fn invalid(problems: Vec<Problem>) -> WebError {
    WebError::Invalid(FieldErrors(
        problems.into_iter().map(|p| FieldError::new(FIELD, p.code).with_arg("at", p.at.unwrap_or_default())).collect(),
    ))
}

/// Receives a signed submission: the installation is known by its key (an upload) or its
/// token (a push, which must carry the key registered with it).
pub async fn receive(state: &AppState, from: HandedIn<'_>, bytes: &[u8]) -> Result<Accepted, WebError> {
    // Who it comes from is settled before what it says: no answer about a submission to
    // a caller who may not hand one in.
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let (programme, pushed_by, actor) = match from {
        HandedIn::Upload { actor, programme } => (owned(state, actor, programme).await?, None, Some(actor)),
        HandedIn::Push { token } => {
            let installation = stored::by_token(&mut conn, &hash_secret(token)).await?;
            let installation = installation.ok_or(WebError::Unauthenticated)?;
            (programmes::get(&mut conn, installation.programme_id).await?, Some(installation), None)
        }
    };
    let opened = submission::open(bytes).map_err(|problem| invalid(vec![problem]))?;
    let installation = match pushed_by {
        Some(installation) if submission::same_key(&installation.public_key, &opened.key) => installation,
        Some(_) => return Err(refused("submission-error-unknown-key")),
        None => {
            let key = submission::canonical_key(&opened.key).unwrap_or_default();
            let installation = stored::by_key(&mut conn, programme.id, &key).await?;
            installation.ok_or_else(|| refused("submission-error-unknown-key"))?
        }
    };
    if installation.member == 0 {
        return Err(refused("submission-error-removed"));
    }
    let owner = organisations::get(&mut conn, programme.organisation_id).await?;
    drop(conn);
    let Opened { submission: counts, digest, .. } = &opened;
    if counts.programme != programme.slug {
        return Err(invalid(vec![Problem { code: "submission-error-programme", at: Some(counts.programme.clone()) }]));
    }
    submission::read(counts, installation.organisation_id).map_err(invalid)?;
    if counts.year >= crate::org::today_in(owner.country, &state.clock).year() {
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new("year", "error-statistics-year-open"))));
    }
    let now = state.clock.now();
    let year = i64::from(counts.year);
    let mut tx = state.store.write().await?;
    let current = stored::current(&mut tx.tx, installation.id, year).await?;
    if let Some((_, made_at, held)) = &current {
        if held == digest {
            return Err(refused("submission-error-already-received"));
        }
        if counts.made_at <= *made_at {
            return Err(refused("submission-error-replayed"));
        }
    }
    let envelope = String::from_utf8_lossy(bytes);
    let received = Received {
        installation_id: installation.id,
        year,
        made_at: counts.made_at,
        digest,
        envelope: &envelope,
        received_by: actor.map(|a| a.user_id),
    };
    let id = match stored::receive(&mut tx.tx, &received, now).await {
        // An earlier, replaced submission made at the same moment: this is it again.
        Err(StoreError::Taken("made_at")) => return Err(refused("submission-error-replayed")),
        // Another submission of the year was taken in at this very moment (PostgreSQL lets
        // two transactions read the same current one): one year counts one submission.
        Err(StoreError::Taken(_)) => return Err(refused("submission-error-at-once")),
        other => other?,
    };
    let action = if current.is_some() { "statistics.submission.correct" } else { "statistics.submission.receive" };
    let event = match actor {
        Some(actor) => actor.event(action, Outcome::Success),
        None => {
            let mut event = AuditEvent::new(action, Outcome::Success);
            event.actor_role = Some("submitting_installation".into());
            event.organisation_id = Some(programme.organisation_id);
            event
        }
    };
    audit_rows::append(&mut tx, &event.record("statistics_submission", id), now).await?;
    tx.commit().await?;
    Ok(Accepted { id, installation: installation.name, year: counts.year, corrects: current.is_some() })
}
