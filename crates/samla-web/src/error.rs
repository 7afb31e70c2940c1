//! The web layer's one error type. Handlers return it; `http::errors` turns it into
//! `application/problem+json` for the API and a friendly translated page for people.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samla_domain::FieldErrors;
use samla_storage::StoreError;

#[derive(Debug)]
pub enum WebError {
    /// No valid session or token.
    Unauthenticated,
    /// Known caller, not allowed. Already audited by the policy check.
    Forbidden,
    /// Missing, or belongs to another organisation (the two look alike on purpose).
    NotFound,
    /// Input that does not parse; every problem named by field.
    Invalid(FieldErrors),
    /// Well-formed input that a rule refuses in the current state (e.g. removing one's
    /// own administrator role); named by field like [`WebError::Invalid`].
    Refused(FieldErrors),
    /// Request that cannot be understood (e.g. malformed JSON), with a detail key and
    /// where the problem is.
    BadRequest {
        detail_key: &'static str,
        location: String,
    },
    /// A unique value already in use.
    Taken(&'static str),
    /// `If-Match` names a version that is no longer current.
    Stale,
    /// An update without `If-Match`.
    PreconditionRequired,
    PayloadTooLarge,
    /// A JSON body sent with another `Content-Type` (RFC 9110 §15.5.16).
    UnsupportedMediaType,
    /// The link was used, expired or never existed.
    Gone,
    Internal(String),
}

/// What the error renderer needs, carried from the handler to the one mapping.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub title_key: &'static str,
    pub detail_key: &'static str,
    pub location: Option<String>,
    pub field_errors: FieldErrors,
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthenticated => StatusCode::UNAUTHORIZED,
            WebError::Forbidden => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Refused(_) => StatusCode::CONFLICT,
            WebError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            WebError::Taken(_) => StatusCode::CONFLICT,
            WebError::Stale => StatusCode::PRECONDITION_FAILED,
            WebError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            WebError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::Gone => StatusCode::GONE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn info(self) -> ErrorInfo {
        let (title_key, detail_key, location, field_errors) = match self {
            WebError::Invalid(errors) => ("problem-invalid", "problem-invalid-detail", None, errors),
            WebError::Refused(errors) => ("problem-refused", "problem-refused-detail", None, errors),
            WebError::Taken(field) => (
                "problem-taken",
                "problem-taken-detail",
                None,
                FieldErrors::single(samla_domain::FieldError::new(field, "error-taken")),
            ),
            WebError::BadRequest { detail_key, location } => {
                ("problem-bad-request", detail_key, Some(location), FieldErrors::new())
            }
            other => {
                let (title, detail) = keys_for(other.status());
                (title, detail, None, FieldErrors::new())
            }
        };
        ErrorInfo { title_key, detail_key, location, field_errors }
    }
}

/// Title and detail keys for a status without a more specific story.
pub fn keys_for(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("problem-bad-request", "problem-bad-request-detail"),
        401 => ("problem-unauthenticated", "problem-unauthenticated-detail"),
        403 => ("problem-forbidden", "problem-forbidden-detail"),
        404 => ("problem-not-found", "problem-not-found-detail"),
        405 => ("problem-method", "problem-method-detail"),
        406 => ("problem-not-acceptable", "problem-not-acceptable-detail"),
        409 => ("problem-taken", "problem-taken-detail"),
        410 => ("problem-gone", "problem-gone-detail"),
        412 => ("problem-stale", "problem-stale-detail"),
        413 => ("problem-too-large", "problem-too-large-detail"),
        415 => ("problem-media-type", "problem-media-type-detail"),
        422 => ("problem-invalid", "problem-invalid-detail"),
        428 => ("problem-precondition", "problem-precondition-detail"),
        429 => ("problem-throttled", "problem-throttled-detail"),
        _ if status.is_client_error() => ("problem-bad-request", "problem-bad-request-detail"),
        _ => ("problem-internal", "problem-internal-detail"),
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(message) = &self {
            tracing::error!(error = %message, "internal error");
        }
        let status = self.status();
        let mut response = status.into_response();
        response.extensions_mut().insert(self.info());
        response
    }
}

impl From<StoreError> for WebError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => WebError::NotFound,
            StoreError::Taken(field) => WebError::Taken(field),
            StoreError::Stale => WebError::Stale,
            other => WebError::Internal(other.to_string()),
        }
    }
}

/// A command given already typed cannot fail to be read.
impl From<std::convert::Infallible> for WebError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl From<FieldErrors> for WebError {
    fn from(errors: FieldErrors) -> Self {
        WebError::Invalid(errors)
    }
}

impl From<minijinja::Error> for WebError {
    fn from(error: minijinja::Error) -> Self {
        WebError::Internal(format!("template: {error:#}"))
    }
}
