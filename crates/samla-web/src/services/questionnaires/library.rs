//! The questionnaire library of an organisation: the shipped questionnaires installed into
//! every organisation, imports of FHIR R4 Questionnaire JSON (one or more languages) with
//! optional scoring rules, versions and exports.
//!
//! An import is one new version of the questionnaire with the definitions' `url`. The
//! languages of one version must agree in structure (url, version, linkIds, types, codes,
//! conditions), since answers in either are counted together and one set of scoring rules
//! serves all. Every problem is reported with its JSON path, prefixed with where it is in
//! the request (`definitions[1].item[0].linkId`, `scoring.scales[0].items[2]`), and nothing
//! is stored when there is any. Importing the same content as the newest version makes no
//! new version; old versions stay, since rounds and responses keep theirs.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::questionnaires::definition::{AnswerOption, EnableAnswer, EnableWhen, Item, ItemKind};
use samla_domain::questionnaires::scoring::{self, ScoringRules};
use samla_domain::questionnaires::shipped::SHIPPED;
use samla_domain::questionnaires::{self as domain, Problem, Questionnaire};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::questionnaires::definitions::{self as store, NewVersion, StoredQuestionnaire, StoredVersion};
use samla_storage::{audit, StoreError, WriteTx};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use std::collections::BTreeMap;

/// Most language definitions in one import.
pub const MAX_DEFINITIONS: usize = 10;

/// One version with its definitions read back into domain types.
#[derive(Debug, Clone)]
pub struct LoadedVersion {
    pub version_id: i64,
    pub questionnaire_id: i64,
    pub number: i64,
    pub url: String,
    pub scoring: Option<ScoringRules>,
    /// language code -> definition; never empty
    pub definitions: BTreeMap<String, Questionnaire>,
}

impl LoadedVersion {
    /// The definition in `language`, else nb, else the first.
    pub fn definition(&self, language: &str) -> &Questionnaire {
        self.definitions
            .get(language)
            .or_else(|| self.definitions.get("nb"))
            .or_else(|| self.definitions.values().next())
            .expect("a stored version has at least one definition")
    }

    pub fn title(&self, language: &str) -> &str {
        &self.definition(language).title
    }

    /// The language `definition(language)` answers in.
    pub fn language_for(&self, language: &str) -> String {
        if self.definitions.contains_key(language) {
            language.to_string()
        } else if self.definitions.contains_key("nb") {
            "nb".to_string()
        } else {
            self.definitions.keys().next().cloned().unwrap_or_else(|| "nb".to_string())
        }
    }
}

/// Reads one version with its definitions and scoring rules.
pub async fn load_version(conn: &mut AnyConnection, version_id: i64) -> Result<LoadedVersion, WebError> {
    let version = store::version(conn, version_id).await?;
    let url: String = sqlx::query_scalar("SELECT url FROM questionnaires WHERE id = $1")
        .bind(version.questionnaire_id)
        .fetch_one(&mut *conn)
        .await
        .map_err(StoreError::from)?;
    let texts = store::texts(conn, version_id).await?;
    let mut definitions = BTreeMap::new();
    for text in texts {
        // Stored definitions were checked on import; one that no longer reads is a bug.
        let definition = domain::import(&text.definition).map_err(|problems| {
            WebError::Internal(format!("stored questionnaire version {version_id} ({}): {problems:?}", text.language))
        })?;
        definitions.insert(text.language, definition);
    }
    if definitions.is_empty() {
        return Err(WebError::Internal(format!("questionnaire version {version_id} has no definition")));
    }
    let scoring = match &version.scoring {
        Some(json) => Some(
            scoring::parse_rules(json)
                .map_err(|p| WebError::Internal(format!("stored scoring of version {version_id}: {p:?}")))?,
        ),
        None => None,
    };
    Ok(LoadedVersion {
        version_id,
        questionnaire_id: version.questionnaire_id,
        number: version.number,
        url,
        scoring,
        definitions,
    })
}

/// The newest version of a questionnaire of the organisation (404 if not the org's or archived).
pub async fn latest_version_id(
    conn: &mut AnyConnection,
    organisation_id: i64,
    questionnaire_id: i64,
) -> Result<i64, WebError> {
    let questionnaire = store::get(conn, organisation_id, questionnaire_id).await?;
    if questionnaire.is_archived() {
        return Err(WebError::NotFound);
    }
    store::latest_version(conn, questionnaire_id).await?.map(|v| v.id).ok_or(WebError::NotFound)
}

/// Installs samla's shipped questionnaires into an organisation (idempotent; a changed shipped file makes a new version).
pub async fn install_shipped(state: &AppState, organisation_id: i64) -> Result<(), WebError> {
    let mut tx = state.store.write().await?;
    install_shipped_in(&mut tx, organisation_id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// [`install_shipped`] inside a transaction that is already open, such as the one that
/// creates the organisation.
pub async fn install_shipped_in(tx: &mut WriteTx, organisation_id: i64, now: i64) -> Result<(), WebError> {
    for (slug, checked) in checked_shipped()? {
        install_one(tx, organisation_id, slug, &checked, now).await?;
    }
    Ok(())
}

/// The shipped questionnaires, checked as any import is (they are built into the binary,
/// so a problem is samla's own).
fn checked_shipped() -> Result<Vec<(&'static str, CheckedImport)>, WebError> {
    SHIPPED
        .iter()
        .map(|shipped| {
            let definitions: Vec<String> = shipped.definitions.iter().map(|(_, json)| json.to_string()).collect();
            let checked = check_import(&definitions, shipped.scoring).map_err(|errors| {
                WebError::Internal(format!("shipped questionnaire {} does not import: {errors:?}", shipped.slug))
            })?;
            Ok((shipped.slug, checked))
        })
        .collect()
}

/// One shipped questionnaire into one organisation, unless a version was ever made from
/// exactly this content (so an organisation's own edit of it is not overwritten again).
async fn install_one(
    tx: &mut WriteTx,
    organisation_id: i64,
    slug: &str,
    checked: &CheckedImport,
    now: i64,
) -> Result<(), WebError> {
    let questionnaire = store::find_or_create(&mut tx.tx, organisation_id, &checked.url, Some(slug), now).await?;
    if store::has_content(&mut tx.tx, questionnaire.id, &checked.content_hash).await? {
        return Ok(());
    }
    let texts = checked.texts();
    let version = NewVersion {
        fhir_version: checked.fhir_version(),
        scoring: checked.scoring_json.as_deref(),
        content_hash: &checked.content_hash,
        created_by: None,
        texts: &texts,
    };
    store::add_version(&mut tx.tx, questionnaire.id, &version, now).await?;
    Ok(())
}

/// Installs the shipped questionnaires into every organisation (at server start). Which
/// organisations lack a shipped file's content is asked once per file, not once per
/// organisation, and what is missing is written in one transaction: a start with nothing
/// new writes nothing, however many organisations there are.
pub async fn install_shipped_everywhere(state: &AppState) -> Result<(), WebError> {
    let shipped = checked_shipped()?;
    let mut missing: Vec<(i64, &str, &CheckedImport)> = Vec::new();
    {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        for (slug, checked) in &shipped {
            for organisation_id in
                store::organisations_without_content(&mut conn, &checked.url, &checked.content_hash).await?
            {
                missing.push((organisation_id, slug, checked));
            }
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    missing.sort_by_key(|(organisation_id, _, _)| *organisation_id);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    for (organisation_id, slug, checked) in missing {
        install_one(&mut tx, organisation_id, slug, checked, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// An import that passed every check, ready to store.
#[derive(Debug, Clone)]
pub struct CheckedImport {
    pub url: String,
    /// language -> definition, in the order given.
    pub definitions: Vec<(String, Questionnaire)>,
    pub scoring: Option<ScoringRules>,
    /// The rules as samla writes them.
    pub scoring_json: Option<String>,
    /// sha256 over the definitions as samla exports them and the rules: the same content
    /// written with other spacing or key order gives the same hash.
    pub content_hash: String,
}

impl CheckedImport {
    fn texts(&self) -> Vec<(String, String, String)> {
        self.definitions
            .iter()
            .map(|(language, q)| (language.clone(), q.title.clone(), domain::export(q).to_string()))
            .collect()
    }

    fn fhir_version(&self) -> Option<&str> {
        self.definitions.first().and_then(|(_, q)| q.version.as_deref())
    }
}

fn prefixed(prefix: &str, problem: &Problem) -> FieldError {
    let mut error = problem.to_field_error();
    error.field = if problem.path.is_empty() { prefix.to_string() } else { format!("{prefix}.{}", problem.path) };
    error
}

/// Checks one import: every definition, that they are in different languages and agree in
/// structure, and the scoring rules against the first. Every problem is returned.
pub fn check_import(definitions: &[String], scoring: Option<&str>) -> Result<CheckedImport, FieldErrors> {
    let mut errors = FieldErrors::new();
    if definitions.is_empty() {
        errors.push(FieldError::new("definitions", "qlib-error-no-definitions"));
        return Err(errors);
    }
    if definitions.len() > MAX_DEFINITIONS {
        errors.push(FieldError::new("definitions", "qlib-error-too-many-definitions").with_arg("max", MAX_DEFINITIONS));
        return Err(errors);
    }
    let mut read: Vec<(usize, String, Questionnaire)> = Vec::new();
    for (index, json) in definitions.iter().enumerate() {
        let prefix = format!("definitions[{index}]");
        match domain::import(json) {
            Ok(q) => {
                let Some(language) = q.language.clone() else {
                    errors.push(FieldError::new(format!("{prefix}.language"), "qlib-error-language-missing"));
                    continue;
                };
                if read.iter().any(|(_, l, _)| *l == language) {
                    errors.push(
                        FieldError::new(format!("{prefix}.language"), "qlib-error-language-twice")
                            .with_arg("language", &language),
                    );
                    continue;
                }
                read.push((index, language, q));
            }
            Err(problems) => errors.0.extend(problems.iter().map(|p| prefixed(&prefix, p))),
        }
    }
    if let Some((first_index, _, first)) = read.first() {
        for (index, _, other) in read.iter().skip(1) {
            structure_differences(first, *first_index, other, *index, &mut errors);
        }
    }
    let mut rules = None;
    if let Some(json) = scoring.filter(|s| !s.trim().is_empty()) {
        match read.first() {
            Some((_, _, first)) => match scoring::import_rules(json, first) {
                Ok(r) => rules = Some(r),
                Err(problems) => errors.0.extend(problems.iter().map(|p| prefixed("scoring", p))),
            },
            // Without a definition the rules can only be checked for their own form.
            None => {
                if let Err(problems) = scoring::parse_rules(json) {
                    errors.0.extend(problems.iter().map(|p| prefixed("scoring", p)));
                }
            }
        }
    }
    if !errors.0.is_empty() {
        return Err(errors);
    }
    let url = read[0].2.url.clone();
    let definitions: Vec<(String, Questionnaire)> = read.into_iter().map(|(_, l, q)| (l, q)).collect();
    let scoring_json = rules.as_ref().map(|r| serde_json::to_string(r).expect("rules serialise"));
    let content_hash = content_hash(&definitions, scoring_json.as_deref());
    Ok(CheckedImport { url, definitions, scoring: rules, scoring_json, content_hash })
}

fn content_hash(definitions: &[(String, Questionnaire)], scoring: Option<&str>) -> String {
    let mut sorted: Vec<&(String, Questionnaire)> = definitions.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hasher = Sha256::new();
    for (language, q) in sorted {
        hasher.update(language.as_bytes());
        hasher.update([0]);
        hasher.update(domain::export(q).to_string().as_bytes());
        hasher.update([0]);
    }
    hasher.update(scoring.unwrap_or("").as_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Reports where `other` differs from `first` in anything but its texts.
fn structure_differences(
    first: &Questionnaire,
    first_index: usize,
    other: &Questionnaire,
    index: usize,
    errors: &mut FieldErrors,
) {
    let prefix = format!("definitions[{index}]");
    let first_name = format!("definitions[{first_index}]");
    let differs = |path: String, what: &str| {
        FieldError::new(path, "qlib-error-structure-differs")
            .with_arg("what", what)
            .with_arg("first", first_name.clone())
    };
    if first.url != other.url {
        errors.push(differs(format!("{prefix}.url"), "url"));
    }
    if first.version != other.version {
        errors.push(differs(format!("{prefix}.version"), "version"));
    }
    compare_items(&first.items, &other.items, &format!("{prefix}.item"), &differs, errors);
}

fn compare_items(
    first: &[Item],
    other: &[Item],
    path: &str,
    differs: &dyn Fn(String, &str) -> FieldError,
    errors: &mut FieldErrors,
) {
    if first.len() != other.len() {
        errors.push(differs(path.to_string(), "item"));
    }
    for (i, (a, b)) in first.iter().zip(other.iter()).enumerate() {
        let here = format!("{path}[{i}]");
        if a.link_id != b.link_id {
            errors.push(differs(format!("{here}.linkId"), "linkId"));
        }
        if a.kind.type_code() != b.kind.type_code() {
            errors.push(differs(format!("{here}.type"), "type"));
            continue;
        }
        if a.required != b.required {
            errors.push(differs(format!("{here}.required"), "required"));
        }
        if a.repeats != b.repeats {
            errors.push(differs(format!("{here}.repeats"), "repeats"));
        }
        if conditions(a) != conditions(b) || a.enable_behavior != b.enable_behavior {
            errors.push(differs(format!("{here}.enableWhen"), "enableWhen"));
        }
        match (&a.kind, &b.kind) {
            (ItemKind::Group(x), ItemKind::Group(y)) => compare_items(x, y, &format!("{here}.item"), differs, errors),
            (ItemKind::Choice(x), ItemKind::Choice(y)) => compare_options(x, y, &here, differs, errors),
            (x, y) => {
                if x != y {
                    errors.push(differs(format!("{here}.extension"), "extension"));
                }
            }
        }
    }
}

/// An item's conditions without the display texts of codings, which are per language.
fn conditions(item: &Item) -> Vec<EnableWhen> {
    let mut conditions = item.enable_when.clone();
    for condition in &mut conditions {
        if let EnableAnswer::Coding(coding) = &mut condition.answer {
            coding.display = None;
        }
    }
    conditions
}

fn compare_options(
    first: &[AnswerOption],
    other: &[AnswerOption],
    here: &str,
    differs: &dyn Fn(String, &str) -> FieldError,
    errors: &mut FieldErrors,
) {
    if first.len() != other.len() {
        errors.push(differs(format!("{here}.answerOption"), "answerOption"));
    }
    for (j, (x, y)) in first.iter().zip(other.iter()).enumerate() {
        if x.code != y.code || x.system != y.system {
            errors.push(differs(format!("{here}.answerOption[{j}].valueCoding.code"), "code"));
        }
        if x.ordinal != y.ordinal {
            errors.push(differs(format!("{here}.answerOption[{j}].extension"), "ordinalValue"));
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub questionnaire_id: i64,
    pub version_id: i64,
    pub number: i64,
    /// False when the content was the same as the newest version's, so nothing was added.
    pub created: bool,
}

/// Imports one version: checks everything, then stores it in one transaction with its
/// audit row. The same content as the newest version adds nothing.
pub async fn import(
    state: &AppState,
    actor: &Actor,
    definitions: &[String],
    scoring: Option<&str>,
) -> Result<Imported, WebError> {
    actor.authorize(state, Action::ManageQuestionnaires).await?;
    let checked = check_import(definitions, scoring).map_err(WebError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let questionnaire = store::find_or_create(&mut tx.tx, actor.organisation.id, &checked.url, None, now).await?;
    if let Some(latest) = store::latest_version(&mut tx.tx, questionnaire.id).await? {
        if latest.content_hash == checked.content_hash {
            return Ok(Imported {
                questionnaire_id: questionnaire.id,
                version_id: latest.id,
                number: latest.number,
                created: false,
            });
        }
    }
    let texts = checked.texts();
    let version = NewVersion {
        fhir_version: checked.fhir_version(),
        scoring: checked.scoring_json.as_deref(),
        content_hash: &checked.content_hash,
        created_by: Some(actor.user_id),
        texts: &texts,
    };
    let (version_id, number) = store::add_version(&mut tx.tx, questionnaire.id, &version, now).await?;
    let event = actor.event("questionnaire.import", Outcome::Success).record("questionnaire_version", version_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(Imported { questionnaire_id: questionnaire.id, version_id, number, created: true })
}

/// Archives or brings back a questionnaire.
pub async fn set_archived(
    state: &AppState,
    actor: &Actor,
    questionnaire_id: i64,
    archived: bool,
) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageQuestionnaires).await?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    store::set_archived(&mut tx.tx, actor.organisation.id, questionnaire_id, archived).await?;
    let action = if archived { "questionnaire.archive" } else { "questionnaire.unarchive" };
    commit_done(tx, actor, action, ("questionnaire", questionnaire_id), now).await?;
    Ok(())
}

/// One questionnaire of the library as lists show it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub id: i64,
    pub url: String,
    pub slug: Option<String>,
    pub archived: bool,
    /// The newest version's title in the asked language (else nb, else any).
    pub title: String,
    pub latest_version_id: i64,
    pub latest_number: i64,
    pub latest_created_at: i64,
    /// Languages of the newest version.
    pub languages: Vec<String>,
}

/// The organisation's library, for anyone who may view programmes.
pub async fn list(state: &AppState, actor: &Actor, language: &str) -> Result<Vec<Summary>, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ViewProgrammes).await?;
    let rows = store::list(&mut conn, actor.organisation.id).await?;
    let titles = store::titles(&mut conn, actor.organisation.id).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let mine: Vec<&(i64, String, String)> =
                titles.iter().filter(|(v, _, _)| *v == row.latest_version_id).collect();
            let title = mine
                .iter()
                .find(|(_, l, _)| l == language)
                .or_else(|| mine.iter().find(|(_, l, _)| l == "nb"))
                .or_else(|| mine.first())
                .map(|(_, _, t)| t.clone())
                .unwrap_or_else(|| row.url.clone());
            let mut languages: Vec<String> = mine.iter().map(|(_, l, _)| l.clone()).collect();
            languages.sort();
            Summary {
                id: row.id,
                url: row.url,
                slug: row.shipped_slug,
                archived: row.archived != 0,
                title,
                latest_version_id: row.latest_version_id,
                latest_number: row.latest_number,
                latest_created_at: row.latest_created_at,
                languages,
            }
        })
        .collect())
}

/// One questionnaire with all its versions (newest first) and the chosen version loaded.
#[derive(Debug, Clone)]
pub struct Detail {
    pub questionnaire: StoredQuestionnaire,
    pub versions: Vec<StoredVersion>,
    /// The version asked for, or the newest.
    pub shown: LoadedVersion,
}

/// One questionnaire of the organisation; `version` is a version number (the newest if none).
pub async fn detail(
    state: &AppState,
    actor: &Actor,
    questionnaire_id: i64,
    version: Option<i64>,
) -> Result<Detail, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ViewProgrammes).await?;
    let questionnaire = store::get(&mut conn, actor.organisation.id, questionnaire_id).await?;
    let versions = store::versions(&mut conn, questionnaire_id).await?;
    let chosen = match version {
        Some(number) => versions.iter().find(|v| v.number == number).ok_or(WebError::NotFound)?,
        None => versions.first().ok_or(WebError::NotFound)?,
    };
    let shown = load_version(&mut conn, chosen.id).await?;
    Ok(Detail { questionnaire, versions, shown })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(slug: &str) -> Vec<String> {
        let shipped = SHIPPED.iter().find(|s| s.slug == slug).expect("shipped");
        shipped.definitions.iter().map(|(_, json)| json.to_string()).collect()
    }

    #[test]
    fn every_shipped_questionnaire_passes_the_import_check() {
        for shipped in SHIPPED {
            let definitions: Vec<String> = shipped.definitions.iter().map(|(_, j)| j.to_string()).collect();
            let checked = check_import(&definitions, shipped.scoring).expect(shipped.slug);
            assert_eq!(checked.definitions.len(), 2);
            assert_eq!(checked.scoring.is_some(), shipped.scoring.is_some());
        }
    }

    #[test]
    fn the_hash_ignores_spacing_and_language_order_but_not_content() {
        let definitions = shipped("smil-parents");
        let a = check_import(&definitions, None).unwrap().content_hash;
        let pretty: Vec<String> = definitions
            .iter()
            .rev()
            .map(|d| serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(d).unwrap()).unwrap())
            .collect();
        assert_eq!(check_import(&pretty, None).unwrap().content_hash, a);
        let changed = vec![definitions[0].replacen("\"title\": \"", "\"title\": \"X", 1), definitions[1].clone()];
        assert_ne!(check_import(&changed, None).unwrap().content_hash, a);
    }

    #[test]
    fn languages_that_differ_in_structure_are_named_by_path() {
        let definitions = shipped("session-evaluation");
        let mut en: serde_json::Value = serde_json::from_str(&definitions[1]).unwrap();
        en["url"] = serde_json::json!("urn:samla:questionnaire:other");
        let errors = check_import(&[definitions[0].clone(), en.to_string()], None).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["definitions[1].url"]);
        assert_eq!(errors.0[0].code, "qlib-error-structure-differs");
    }

    #[test]
    fn nothing_to_import_is_a_problem() {
        assert_eq!(check_import(&[], None).unwrap_err().0[0].code, "qlib-error-no-definitions");
    }
}
