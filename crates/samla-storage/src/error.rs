use thiserror::Error;

/// What can go wrong in storage, in terms the web layer can act on. Database text
/// never leaves this layer except in logs.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique value is already taken; names the form field it came from.
    #[error("already taken: {0}")]
    Taken(&'static str),
    /// The record changed since the caller read it (optimistic concurrency).
    #[error("stale version")]
    Stale,
    #[error("database URL must start with sqlite: or postgres:")]
    UnsupportedUrl,
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// An audit row was to be written by a store without the audit key.
    #[error("no audit key")]
    NoAuditKey,
    /// The audit key cannot verify the database's seal: it is not this database's key.
    #[error("the audit key is not this database's")]
    AuditKeyMismatch,
}

/// Unique constraints and the field each belongs to.
const UNIQUE_FIELDS: &[(&str, &str)] = &[
    ("users.email", "email"),
    ("users_email_key", "email"),
    ("organisations.slug", "slug"),
    ("organisations_slug_key", "slug"),
    ("programmes.organisation_id, programmes.slug", "slug"),
    ("programmes_organisation_id_slug_key", "slug"),
    ("course_staff.course_id, course_staff.user_id, course_staff.course_role", "user_id"),
    ("course_staff_course_id_user_id_course_role_key", "user_id"),
    ("programme_network_members.programme_id, programme_network_members.organisation_id", "programme"),
    ("programme_network_members_pkey", "programme"),
    ("submitting_installations.programme_id, submitting_installations.public_key", "key"),
    ("submitting_installations_programme_id_public_key_key", "key"),
    ("statistics_submissions.installation_id, statistics_submissions.year, statistics_submissions.made_at", "made_at"),
    ("statistics_submissions_installation_id_year_made_at_key", "made_at"),
    ("statistics_submissions.installation_id, statistics_submissions.year", "current"),
    ("statistics_submissions_current", "current"),
];

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                let message = db.message();
                let constraint = db.constraint().unwrap_or("");
                UNIQUE_FIELDS
                    .iter()
                    .find(|(name, _)| constraint == *name || message.contains(name))
                    .map(|(_, field)| StoreError::Taken(field))
                    .unwrap_or(StoreError::Database(error))
            }
            _ => StoreError::Database(error),
        }
    }
}
