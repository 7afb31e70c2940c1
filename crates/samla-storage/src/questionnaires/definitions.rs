//! The questionnaire library: questionnaires of an organisation (known by their FHIR url),
//! their versions and each version's definition per language. A version is never changed
//! once written: rounds and responses point at the version they were made with.

use crate::db;
use crate::{Result, StoreError};
use sqlx::{AnyConnection, FromRow};

/// One questionnaire of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StoredQuestionnaire {
    pub id: i64,
    pub organisation_id: i64,
    pub url: String,
    /// Set on the ones samla ships.
    pub shipped_slug: Option<String>,
    /// 0 or 1 (an integer on both databases).
    pub archived: i64,
    pub created_at: i64,
}

impl StoredQuestionnaire {
    pub fn is_archived(&self) -> bool {
        self.archived != 0
    }
}

/// One version of a questionnaire, without its texts.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StoredVersion {
    pub id: i64,
    pub questionnaire_id: i64,
    /// 1, 2, 3 … within the questionnaire.
    pub number: i64,
    /// The definitions' FHIR `version`, if they give one.
    pub fhir_version: Option<String>,
    /// The scoring rules as JSON, if any.
    pub scoring: Option<String>,
    pub content_hash: String,
    pub created_by: Option<i64>,
    /// The importer's name; none for shipped versions or once the account is gone.
    pub creator_name: Option<String>,
    pub created_at: i64,
}

/// A version's definition in one language.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StoredText {
    pub version_id: i64,
    pub language: String,
    pub title: String,
    /// FHIR JSON as samla exports it.
    pub definition: String,
}

/// A questionnaire as the library lists it, with its newest version.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ListedQuestionnaire {
    pub id: i64,
    pub url: String,
    pub shipped_slug: Option<String>,
    pub archived: i64,
    pub created_at: i64,
    pub latest_version_id: i64,
    pub latest_number: i64,
    pub latest_created_at: i64,
}

/// A version about to be written.
pub struct NewVersion<'a> {
    pub fhir_version: Option<&'a str>,
    pub scoring: Option<&'a str>,
    pub content_hash: &'a str,
    pub created_by: Option<i64>,
    /// (language, title, FHIR JSON); never empty.
    pub texts: &'a [(String, String, String)],
}

const QUESTIONNAIRE_COLUMNS: &str = "id, organisation_id, url, shipped_slug, archived, created_at";
/// Reads questionnaire versions with their creator's name; the caller adds the condition.
const VERSIONS: &str = "SELECT v.id, v.questionnaire_id, v.number, v.fhir_version, v.scoring, v.content_hash, \
     v.created_by, u.name AS creator_name, v.created_at \
     FROM questionnaire_versions v LEFT JOIN users u ON u.id = v.created_by";

/// The organisation's questionnaires with their newest version, archived ones included,
/// in the order they were added.
pub async fn list(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<ListedQuestionnaire>> {
    db::all(
        conn,
        "SELECT q.id, q.url, q.shipped_slug, q.archived, q.created_at,
                v.id AS latest_version_id, v.number AS latest_number, v.created_at AS latest_created_at
         FROM questionnaires q
         JOIN questionnaire_versions v ON v.questionnaire_id = q.id
         WHERE q.organisation_id = $1
           AND v.number = (SELECT MAX(w.number) FROM questionnaire_versions w WHERE w.questionnaire_id = q.id)
         ORDER BY q.id",
        (organisation_id,),
    )
    .await
}

/// A questionnaire of the organisation; another organisation's is [`StoreError::NotFound`].
pub async fn get(conn: &mut AnyConnection, organisation_id: i64, questionnaire_id: i64) -> Result<StoredQuestionnaire> {
    db::one(
        conn,
        &format!("SELECT {QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE id = $1 AND organisation_id = $2"),
        (questionnaire_id, organisation_id),
    )
    .await
}

/// A questionnaire of the organisation by its FHIR url.
pub async fn by_url(conn: &mut AnyConnection, organisation_id: i64, url: &str) -> Result<Option<StoredQuestionnaire>> {
    db::optional(
        conn,
        &format!("SELECT {QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE organisation_id = $1 AND url = $2"),
        (organisation_id, url),
    )
    .await
}

/// The questionnaire with this url, made if the organisation has none yet. A questionnaire
/// made here has no version until [`add_version`] writes one, in the same transaction.
pub async fn find_or_create(
    conn: &mut AnyConnection,
    organisation_id: i64,
    url: &str,
    shipped_slug: Option<&str>,
    now: i64,
) -> Result<StoredQuestionnaire> {
    // Two installs at once (server start and a new organisation): the second finds the row.
    db::execute(
        &mut *conn,
        "INSERT INTO questionnaires (organisation_id, url, shipped_slug, archived, created_at)
         VALUES ($1, $2, $3, 0, $4) ON CONFLICT (organisation_id, url) DO NOTHING",
        (organisation_id, url, shipped_slug, now),
    )
    .await?;
    by_url(conn, organisation_id, url).await?.ok_or(StoreError::NotFound)
}

/// Every version of a questionnaire, newest first.
pub async fn versions(conn: &mut AnyConnection, questionnaire_id: i64) -> Result<Vec<StoredVersion>> {
    db::all(conn, &format!("{VERSIONS} WHERE v.questionnaire_id = $1 ORDER BY v.number DESC"), (questionnaire_id,))
        .await
}

/// The newest version of a questionnaire, if it has any.
pub async fn latest_version(conn: &mut AnyConnection, questionnaire_id: i64) -> Result<Option<StoredVersion>> {
    db::optional(
        conn,
        &format!("{VERSIONS} WHERE v.questionnaire_id = $1 ORDER BY v.number DESC LIMIT 1"),
        (questionnaire_id,),
    )
    .await
}

/// One version by id, whatever organisation it belongs to (callers reach it through a
/// round or questionnaire they have already scoped).
pub async fn version(conn: &mut AnyConnection, version_id: i64) -> Result<StoredVersion> {
    db::one(conn, &format!("{VERSIONS} WHERE v.id = $1"), (version_id,)).await
}

/// One version of one questionnaire by its number.
pub async fn version_by_number(conn: &mut AnyConnection, questionnaire_id: i64, number: i64) -> Result<StoredVersion> {
    db::one(conn, &format!("{VERSIONS} WHERE v.questionnaire_id = $1 AND v.number = $2"), (questionnaire_id, number))
        .await
}

/// A version's definitions, one per language, ordered by language code.
pub async fn texts(conn: &mut AnyConnection, version_id: i64) -> Result<Vec<StoredText>> {
    db::all(
        conn,
        "SELECT version_id, language, title, definition FROM questionnaire_texts
         WHERE version_id = $1 ORDER BY language",
        (version_id,),
    )
    .await
}

/// Titles of many versions at once (for lists): (version_id, language, title).
pub async fn titles(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<(i64, String, String)>> {
    db::all(
        conn,
        "SELECT t.version_id, t.language, t.title FROM questionnaire_texts t
         JOIN questionnaire_versions v ON v.id = t.version_id
         JOIN questionnaires q ON q.id = v.questionnaire_id
         WHERE q.organisation_id = $1",
        (organisation_id,),
    )
    .await
}

/// Writes the next version of a questionnaire with its texts. Returns (id, number).
pub async fn add_version(
    conn: &mut AnyConnection,
    questionnaire_id: i64,
    version: &NewVersion<'_>,
    now: i64,
) -> Result<(i64, i64)> {
    let number: i64 = db::scalar(
        &mut *conn,
        "SELECT COALESCE(MAX(number), 0) + 1 FROM questionnaire_versions WHERE questionnaire_id = $1",
        (questionnaire_id,),
    )
    .await?;
    let id: i64 = db::scalar(
        &mut *conn,
        "INSERT INTO questionnaire_versions
             (questionnaire_id, number, fhir_version, scoring, content_hash, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        (
            questionnaire_id,
            number,
            version.fhir_version,
            version.scoring,
            version.content_hash,
            version.created_by,
            now,
        ),
    )
    .await?;
    for (language, title, definition) in version.texts {
        db::execute(
            &mut *conn,
            "INSERT INTO questionnaire_texts (version_id, language, title, definition) VALUES ($1, $2, $3, $4)",
            (id, language, title, definition),
        )
        .await?;
    }
    Ok((id, number))
}

/// Archives or brings back a questionnaire of the organisation. Archived questionnaires
/// keep their versions (rounds use them) but are not offered for new rounds.
pub async fn set_archived(
    conn: &mut AnyConnection,
    organisation_id: i64,
    questionnaire_id: i64,
    archived: bool,
) -> Result<()> {
    db::execute_found(
        conn,
        "UPDATE questionnaires SET archived = $1 WHERE id = $2 AND organisation_id = $3",
        (i64::from(archived), questionnaire_id, organisation_id),
    )
    .await
}

/// The organisations none of whose versions of the questionnaire `url` was made from
/// exactly this content (those without the questionnaire at all among them).
pub async fn organisations_without_content(
    conn: &mut AnyConnection,
    url: &str,
    content_hash: &str,
) -> Result<Vec<i64>> {
    db::scalars(
        conn,
        "SELECT o.id FROM organisations o
          WHERE NOT EXISTS (SELECT 1 FROM questionnaires q
                              JOIN questionnaire_versions v ON v.questionnaire_id = q.id
                             WHERE q.organisation_id = o.id AND q.url = $1 AND v.content_hash = $2)
          ORDER BY o.id",
        (url, content_hash),
    )
    .await
}

/// Whether any version of the questionnaire was made from exactly this content.
pub async fn has_content(conn: &mut AnyConnection, questionnaire_id: i64, content_hash: &str) -> Result<bool> {
    let count: i64 = db::scalar(
        conn,
        "SELECT COUNT(*) FROM questionnaire_versions WHERE questionnaire_id = $1 AND content_hash = $2",
        (questionnaire_id, content_hash),
    )
    .await?;
    Ok(count > 0)
}
