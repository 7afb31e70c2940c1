//! Extractors that turn bad input into problem documents naming where it is wrong.

use crate::error::WebError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{CONTENT_TYPE, IF_MATCH, IF_NONE_MATCH};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// A JSON body; another `Content-Type` is a 415, malformed JSON or a wrong type a 400
/// naming the place.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = WebError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(WebError::UnsupportedMediaType);
        }
        let bytes = axum::body::to_bytes(request.into_body(), crate::http::MAX_BODY_BYTES)
            .await
            .map_err(|_| WebError::PayloadTooLarge)?;
        // Every request body of the API is an object; serde would also read a struct from an
        // array of its fields in order, so `[]` could pass for a body of optional fields.
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err(WebError::BadRequest { detail_key: "problem-json-object", location: String::new() });
        }
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize(&mut deserializer) {
            Ok(value) => match deserializer.end() {
                Ok(()) => Ok(ApiJson(value)),
                Err(trailing) => Err(WebError::BadRequest {
                    detail_key: "problem-json-detail",
                    location: format!("line {} column {}", trailing.line(), trailing.column()),
                }),
            },
            Err(error) => {
                let inner = error.inner();
                let path = error.path().to_string();
                let location = if path == "." || path.is_empty() {
                    format!("line {} column {}", inner.line(), inner.column())
                } else {
                    format!("{path} (line {} column {})", inner.line(), inner.column())
                };
                Err(WebError::BadRequest { detail_key: "problem-json-detail", location })
            }
        }
    }
}

/// Query parameters; a wrong one is a 400 naming it.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded_parse(query));
        serde_path_to_error::deserialize(deserializer).map(ApiQuery).map_err(|error| WebError::BadRequest {
            detail_key: "problem-query-detail",
            location: error.path().to_string(),
        })
    }
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

/// The `If-Match` of an update. Read after the record is found, so a missing record
/// answers 404 before a missing precondition answers 428.
pub enum IfMatch {
    Missing,
    /// `*`: whatever the current version is.
    Any,
    /// `"v3"`; a malformed tag matches no version.
    Version(i64),
}

impl IfMatch {
    /// The version the update must find, given the current one.
    pub fn expected(&self, current: i64) -> Result<i64, WebError> {
        match self {
            IfMatch::Missing => Err(WebError::PreconditionRequired),
            IfMatch::Any => Ok(current),
            IfMatch::Version(version) => Ok(*version),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(raw) = parts.headers.get(IF_MATCH) else {
            return Ok(IfMatch::Missing);
        };
        let raw = raw.to_str().unwrap_or("").trim();
        if raw == "*" {
            return Ok(IfMatch::Any);
        }
        let version = raw
            .trim_start_matches("W/")
            .strip_prefix("\"v")
            .and_then(|v| v.strip_suffix('"'))
            .and_then(|v| v.parse::<i64>().ok());
        Ok(IfMatch::Version(version.unwrap_or(0)))
    }
}

/// The preconditions of a save that may create its record (a session's first attendance
/// sheet, log or meeting record): while nothing is stored, no header or `If-None-Match: *`
/// will do; once something is, `If-Match` as for any update.
pub struct CreateOrReplace {
    if_match: IfMatch,
    only_if_none: bool,
}

impl CreateOrReplace {
    /// The version the save must find, given the stored one (0: nothing stored yet).
    pub fn expected(&self, current: i64) -> Result<i64, WebError> {
        match self.if_match {
            _ if self.only_if_none => Ok(0),
            IfMatch::Missing if current == 0 => Ok(0),
            // `*` asks for an existing record, and there is none.
            IfMatch::Any if current == 0 => Err(WebError::Stale),
            ref other => other.expected(current),
        }
    }

    /// As [`Self::expected`], except that a save naming no version over a stored record
    /// gives `None` instead of 428: the caller first checks whether the save repeats the
    /// one stored (a resend after a lost answer, answered as the first save was) and
    /// refuses it with 428 only when it does not.
    pub fn expected_unless_repeat(&self, current: i64) -> Result<Option<i64>, WebError> {
        match self.expected(current) {
            Err(WebError::PreconditionRequired) => Ok(None),
            other => other.map(Some),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CreateOrReplace {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let if_match = IfMatch::from_request_parts(parts, state).await?;
        let only_if_none =
            parts.headers.get(IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() == "*");
        Ok(Self { if_match, only_if_none })
    }
}

pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// A numeric id in a path, read as [`crate::http::ids::whole_number_or_zero_fraction`];
/// any other fraction, or text, is a 400 like any unparsable path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub i64);

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        crate::http::ids::whole_number_or_zero_fraction(&raw)
            .map(Id)
            .ok_or_else(|| serde::de::Error::custom("expected a whole number"))
    }
}
