//! Extractors that turn bad input into problem documents naming where it is wrong.

use crate::auth::{Actor, ApiCaller};
use crate::error::WebError;
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::header::{CONTENT_TYPE, IF_MATCH, IF_NONE_MATCH};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::{DeserializeOwned, IntoDeserializer, Visitor};

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

    /// Whether the save asks for whatever is stored (`If-Match: *`), to be compared where
    /// it is written.
    pub fn any_saved(&self) -> bool {
        matches!(self.if_match, IfMatch::Any) && !self.only_if_none
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

/// A record's JSON with its version as the `ETag` (what `If-Match` then names):
/// `Ok(Versioned(view.version, view_json(&view)))`.
pub struct Versioned<T>(pub i64, pub T);

impl<T: serde::Serialize> IntoResponse for Versioned<T> {
    fn into_response(self) -> Response {
        ([(axum::http::header::ETAG, etag(self.0))], axum::Json(self.1)).into_response()
    }
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

/// What a handler under `/organisations/{org}` starts from: the app's state, the caller
/// acting in the organisation the path's `{org}` names, and the path's other parameters
/// as [`OrgPath`] reads them: `OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>`.
/// It answers as a handler taking `ApiCaller` and then `Path` and first calling
/// [`ApiCaller::in_organisation`] did: 401 without a valid token, 400 for a path that
/// cannot be read, then 404 for an organisation that does not exist or is not the
/// caller's.
pub struct OrgCaller<P = ()>(pub AppState, pub Actor, pub P);

impl<P: DeserializeOwned + Send> FromRequestParts<AppState> for OrgCaller<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = ApiCaller::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let OrgPath(org, path) = OrgPath::from_request_parts(parts, state).await?;
        let actor = caller.in_organisation(state, &org).await.map_err(IntoResponse::into_response)?;
        Ok(OrgCaller(state.clone(), actor, path))
    }
}

/// The path of a route under `/organisations/{org}`: the slug, and the other parameters
/// in order as `P` (`()`, an [`Id`], a `String`, or a tuple of them). For a handler that
/// must check something else before it looks the organisation up; the others take
/// [`OrgCaller`]. Unlike axum's `Path`, utoipa infers no parameters from it, so the
/// operation's `OrgSlug` describes `{org}` alone.
pub struct OrgPath<P = ()>(pub String, pub P);

impl<S: Send + Sync, P: DeserializeOwned + Send> FromRequestParts<S> for OrgPath<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let mut params = params.iter();
        let Some(("org", org)) = params.next() else {
            return Err(WebError::Internal("OrgPath on a route not under {org}".into()).into_response());
        };
        let org = org.to_string();
        match P::deserialize(RestOfPath(params.map(|(_, value)| value.to_string()).collect())) {
            Ok(path) => Ok(OrgPath(org, path)),
            // As `Path` answers: a value that cannot be read is the request's fault, a
            // route with another number of parameters than the handler reads is ours.
            Err(RestOfPathError::Value) => Err(StatusCode::BAD_REQUEST.into_response()),
            Err(RestOfPathError::Count) => {
                Err(WebError::Internal("OrgPath reads another number of path parameters".into()).into_response())
            }
        }
    }
}

/// The values of the path's parameters after `{org}`, read as `()`, one value, or a tuple.
struct RestOfPath(Vec<String>);

/// Why the rest of a path could not be read.
#[derive(Debug)]
enum RestOfPathError {
    /// Another number of values than the handler reads: the route and handler disagree.
    Count,
    /// A value is not what it should be (text for an id, say).
    Value,
}

impl std::fmt::Display for RestOfPathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RestOfPathError::Count => "another number of path parameters",
            RestOfPathError::Value => "an unreadable path parameter",
        })
    }
}

impl std::error::Error for RestOfPathError {}

impl serde::de::Error for RestOfPathError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        RestOfPathError::Value
    }
}

impl<'de> serde::Deserializer<'de> for RestOfPath {
    type Error = RestOfPathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match <[String; 1]>::try_from(self.0) {
            Ok([value]) => value.into_deserializer().deserialize_any(visitor),
            Err(_) => Err(RestOfPathError::Count),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.0.is_empty() {
            visitor.visit_unit()
        } else {
            Err(RestOfPathError::Count)
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Self::Error> {
        if self.0.len() != len {
            return Err(RestOfPathError::Count);
        }
        visitor.visit_seq(serde::de::value::SeqDeserializer::new(self.0.into_iter()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit_struct newtype_struct seq tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::{Id, OrgPath};
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    async fn answer(router: Router, uri: &str) -> (StatusCode, String) {
        let response = router.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    fn router() -> Router {
        Router::new()
            .route("/organisations/{org}", get(|OrgPath(org, ()): OrgPath| async move { org }))
            .route(
                "/organisations/{org}/courses/{course_id}",
                get(|OrgPath(org, id): OrgPath<Id>| async move { format!("{org} {}", id.0) }),
            )
            .route(
                "/organisations/{org}/courses/{course_id}/sessions/{session_id}",
                get(|OrgPath(org, (course, session)): OrgPath<(Id, Id)>| async move {
                    format!("{org} {} {}", course.0, session.0)
                }),
            )
            .route(
                "/organisations/{org}/programmes/{programme}",
                get(|OrgPath(org, key): OrgPath<String>| async move { format!("{org} {key}") }),
            )
            .route(
                "/organisations/{org}/wrong/{a}/{b}",
                get(|OrgPath(_, id): OrgPath<Id>| async move { id.0.to_string() }),
            )
    }

    #[tokio::test]
    async fn org_path_reads_the_slug_and_the_rest_in_order() {
        assert_eq!(answer(router(), "/organisations/org-a").await, (StatusCode::OK, "org-a".into()));
        assert_eq!(answer(router(), "/organisations/org-a/courses/7").await, (StatusCode::OK, "org-a 7".into()));
        assert_eq!(answer(router(), "/organisations/org-a/courses/7.0").await, (StatusCode::OK, "org-a 7".into()));
        assert_eq!(
            answer(router(), "/organisations/org-a/courses/7/sessions/9").await,
            (StatusCode::OK, "org-a 7 9".into())
        );
        assert_eq!(
            answer(router(), "/organisations/org%20a/programmes/mestring%2Dx").await,
            (StatusCode::OK, "org a mestring-x".into())
        );
    }

    #[tokio::test]
    async fn org_path_answers_as_path_does() {
        use axum::extract::Path;
        let with_path = Router::new()
            .route(
                "/organisations/{org}/courses/{course_id}",
                get(|Path((org, id)): Path<(String, Id)>| async move { format!("{org} {}", id.0) }),
            )
            .route(
                "/organisations/{org}/courses/{course_id}/sessions/{session_id}",
                get(|Path((org, course, session)): Path<(String, Id, Id)>| async move {
                    format!("{org} {} {}", course.0, session.0)
                }),
            )
            .route(
                "/organisations/{org}/wrong/{a}/{b}",
                get(|Path((_, id)): Path<(String, Id)>| async move { id.0.to_string() }),
            );
        for uri in [
            "/organisations/org-a/courses/7",
            "/organisations/org-a/courses/7.5",
            "/organisations/org-a/courses/x",
            "/organisations/org-a/courses/-7",
            "/organisations/org-a/courses/99999999999999999999",
            "/organisations/org-a/courses/7/sessions/x",
            "/organisations/%FF/courses/7",
            "/organisations/org-a/courses/%FF",
            "/organisations/org-a/wrong/1/2",
        ] {
            let expected = answer(with_path.clone(), uri).await.0;
            assert_eq!(answer(router(), uri).await.0, expected, "{uri}");
        }
        assert_eq!(answer(router(), "/organisations/org-a/courses/x").await.0, StatusCode::BAD_REQUEST);
        assert_eq!(answer(router(), "/organisations/org-a/wrong/1/2").await.0, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
