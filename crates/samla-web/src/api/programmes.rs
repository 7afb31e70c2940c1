//! The programme library over JSON: list, read (any version), import, edit (a new
//! version) and export (TOML, JSON or a FHIR R4 PlanDefinition).

use super::extract::etag;
use super::{ApiJson, ApiQuery, IfMatch, Items, OrgCaller, Page, Problem, Versioned};
use crate::api::conventions::{
    ManualErrors, NoValidToken, NotAllowed, OrgSlug, OrganisationProblems, ProgrammeIfMatch, ProgrammeNotFound,
    ProgrammePath, ProgrammeVersionProblems, SharedProgrammeProblems,
};
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::programmes::{self, ProgrammeView};
use crate::AppState;
use axum::http::header::{CONTENT_TYPE, ETAG, LOCATION};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use samla_domain::programmes::Manual;
use samla_domain::validation::{optional_line, Lines};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::programmes::Programme;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

// ---------------------------------------------------------------------------------
// The manual's schema. The API reads and writes `samla_domain::programmes::Manual`;
// these types only describe it (the format is documented in data/programmes/README.md)
// and are checked against the shipped manuals in the tests below.
// ---------------------------------------------------------------------------------

/// A programme's manual: what the programme is, its sessions, meetings, staffing rule,
/// planning checklist and budget template. Unknown fields are refused; every text follows
/// the text rule (SingleLineText or MultiLineText).
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeManual {
    /// Lower-case letters, digits and dashes; unique in the organisation.
    #[schema(min_length = 2, max_length = 60, pattern = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    pub slug: String,
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    pub language: ManualLanguage,
    #[schema(max_length = 4000, format = "required_text")]
    pub summary: String,
    /// Who owns or distributes the programme.
    #[serde(default)]
    #[schema(max_length = 200, format = "optional_line")]
    pub owner: Option<String>,
    /// The document the content was written from.
    #[schema(max_length = 500, format = "required_line")]
    pub source: String,
    #[schema(min_items = 1)]
    pub target_groups: Vec<TargetGroupName>,
    #[serde(default)]
    pub age_bands: Vec<ManualAgeBand>,
    #[serde(default)]
    pub group_size: Option<ManualGroupSize>,
    pub prevention_levels: Vec<PreventionLevelName>,
    #[serde(default)]
    pub evidence: Vec<ManualEvidence>,
    /// In order, numbered 1, 2, 3 …
    #[serde(default)]
    pub sessions: Vec<ManualSession>,
    /// Sessions per course when `sessions` is empty or a course usually has another number.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 60)]
    pub default_session_count: Option<u32>,
    #[serde(default)]
    pub meetings: Vec<ManualMeeting>,
    #[serde(default)]
    pub staffing: ManualStaffing,
    /// The training leaders need, when the programme requires one.
    #[serde(default)]
    #[schema(max_length = 500, format = "optional_line")]
    pub certification: Option<String>,
    #[serde(default)]
    pub checklist: Vec<ManualChecklistItem>,
    #[serde(default)]
    pub budget: Vec<ManualBudgetLine>,
    #[serde(default)]
    pub notes: Vec<ManualNote>,
}

/// Text of a manual under the text rule, each a type with its own schema: how many
/// lines it may have and at most how many characters.
macro_rules! manual_text {
    ($($(#[$doc:meta])* $name:ident($lines:expr, $max_chars:literal);)*) => {
        $(
            $(#[$doc])*
            #[allow(dead_code)]
            #[derive(Serialize, Deserialize)]
            pub struct $name(String);

            impl utoipa::PartialSchema for $name {
                fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                    super::conventions::text_schema($lines, true, $max_chars)
                }
            }

            impl ToSchema for $name {}
        )*
    };
}

manual_text! {
    /// One line of a list in a manual (a goal, a part of the content, a material).
    ManualListItem(Lines::One, 1000);
    /// A note in a manual, on one or more lines.
    ManualNote(Lines::Several, 4000);
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum ManualLanguage {
    Nb,
    Nn,
    Da,
    En,
    Sv,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroupName {
    Children,
    Adolescents,
    Adults,
    Parents,
    Families,
}

impl TargetGroupName {
    fn as_str(self) -> &'static str {
        match self {
            TargetGroupName::Children => "children",
            TargetGroupName::Adolescents => "adolescents",
            TargetGroupName::Adults => "adults",
            TargetGroupName::Parents => "parents",
            TargetGroupName::Families => "families",
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum PreventionLevelName {
    Universal,
    Selective,
    Indicated,
}

/// Years; no `max` means no upper limit.
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualAgeBand {
    #[schema(minimum = 0, maximum = 120)]
    pub min: u32,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 120)]
    pub max: Option<u32>,
}

/// Participants per group, 1 ≤ min ≤ max ≤ 100.
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualGroupSize {
    #[schema(minimum = 1, maximum = 100)]
    pub min: u32,
    #[schema(minimum = 1, maximum = 100)]
    pub max: u32,
}

#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualEvidence {
    /// The rating scheme, e.g. `Ungsinn`.
    #[schema(max_length = 200, format = "required_line")]
    pub scheme: String,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 5)]
    pub level: Option<u32>,
    #[schema(max_length = 4000, format = "optional_text")]
    pub summary: String,
    #[schema(max_length = 500, format = "optional_line")]
    pub source: String,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub date: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum AudienceName {
    Participants,
    Parents,
    Family,
    Network,
}

#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualSession {
    /// 1, 2, 3 … in order.
    #[schema(minimum = 1)]
    pub number: u32,
    #[schema(max_length = 200, format = "required_line")]
    pub title: String,
    pub audience: AudienceName,
    #[schema(minimum = 1, maximum = 1440)]
    pub duration_minutes: u32,
    /// Together no longer than the session.
    #[serde(default)]
    pub segments: Vec<ManualSegment>,
    #[serde(default)]
    pub goals: Vec<ManualListItem>,
    #[serde(default)]
    pub content: Vec<ManualListItem>,
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub homework: Option<String>,
    #[serde(default)]
    pub materials: Vec<ManualListItem>,
}

#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualSegment {
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    #[schema(minimum = 1, maximum = 1440)]
    pub minutes: u32,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKindName {
    PreConversation,
    InformationMeeting,
    ParentMeeting,
    FamilySession,
    NetworkMeeting,
    ClosingConversation,
    FollowUp,
    Supervision,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum AnchorName {
    Start,
    AfterSession,
    End,
}

#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualMeeting {
    pub kind: MeetingKindName,
    #[schema(max_length = 200, format = "required_line")]
    pub title: String,
    pub audience: AudienceName,
    #[schema(minimum = 1, maximum = 1440)]
    pub duration_minutes: u32,
    /// `start`: days before the first session; `after_session`: days after `session`;
    /// `end`: days after the last session.
    pub anchor: AnchorName,
    /// The session the meeting follows (with `after_session`).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 60)]
    pub session: Option<u32>,
    /// Days from the anchor; negative is before (at most two years either way).
    #[serde(default)]
    #[schema(minimum = -730, maximum = 730)]
    pub days: i32,
    #[serde(default)]
    #[schema(max_length = 4000, format = "optional_text")]
    pub description: Option<String>,
}

/// Who must be present at each session.
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ManualStaffing {
    #[schema(maximum = 20)]
    pub min_group_leaders: u32,
    #[schema(maximum = 20)]
    pub min_user_representatives: u32,
    pub leaders_need_certification: bool,
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleRole {
    Coordinator,
    GroupLeader,
    UserRepresentative,
    Secretary,
    Admin,
    NetworkContact,
}

#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualChecklistItem {
    #[schema(max_length = 500, format = "required_line")]
    pub task: String,
    pub responsible: ResponsibleRole,
    /// Days relative to the first session: -56 is eight weeks before (at most two years
    /// either way).
    #[schema(minimum = -730, maximum = 730)]
    pub due_days: i32,
}

/// A line's total is `amount × hours (if given) × units`, in exact decimals.
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualBudgetLine {
    #[schema(max_length = 200, format = "required_line")]
    pub label: String,
    /// A decimal number with a dot, not negative: a sum, or an hourly rate with `hours`.
    #[schema(pattern = r"^[0-9]{1,12}(\.[0-9]{1,6})?$")]
    pub amount: String,
    #[serde(default)]
    #[schema(pattern = r"^[0-9]{1,12}(\.[0-9]{1,6})?$")]
    pub hours: Option<String>,
    pub multiplier: Multiplier,
}

/// How many units a budget line counts: `{"per": "fixed", "count": N}`, or once per
/// leader, session or participant.
#[allow(dead_code)]
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case", tag = "per", content = "count")]
pub enum Multiplier {
    Fixed(u32),
    Leader,
    Session,
    Participant,
}

// ---------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------

/// A programme in the library.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeSummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub target_groups: Vec<TargetGroupName>,
    /// Shared with every organisation.
    pub shared: bool,
    /// Whether the organisation asked about owns it (and may edit it).
    pub own: bool,
    pub current_version: i64,
    /// Installed from samla's shipped manual: a new edition samla ships becomes its next
    /// version while the organisation leaves it unchanged (an edit or archiving stops that).
    pub shipped: bool,
    /// Archived: out of the library, takes no new courses and no shipped editions; its
    /// courses keep it.
    pub archived: bool,
}

fn target_groups(raw: &str) -> Vec<TargetGroupName> {
    let all = [
        TargetGroupName::Children,
        TargetGroupName::Adolescents,
        TargetGroupName::Adults,
        TargetGroupName::Parents,
        TargetGroupName::Families,
    ];
    raw.split(',').filter_map(|part| all.into_iter().find(|g| g.as_str() == part.trim())).collect()
}

fn summary(programme: &Programme, organisation_id: i64) -> ProgrammeSummary {
    ProgrammeSummary {
        id: programme.id,
        slug: programme.slug.clone(),
        name: programme.name.clone(),
        summary: programme.summary.clone(),
        target_groups: target_groups(&programme.target_groups),
        shared: programme.shared != 0,
        own: programme.organisation_id == organisation_id,
        current_version: programme.current_version,
        shipped: programme.shipped != 0,
        archived: programme.archived_at.is_some(),
    }
}

/// A programme with the manual of one version.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeDetail {
    #[serde(flatten)]
    pub programme: ProgrammeSummary,
    /// The version shown.
    pub version: i64,
    #[schema(value_type = ProgrammeManual)]
    pub manual: serde_json::Value,
}

fn detail(view: ProgrammeView, organisation_id: i64) -> Result<ProgrammeDetail, WebError> {
    Ok(ProgrammeDetail {
        programme: summary(&view.programme, organisation_id),
        version: view.version,
        manual: serde_json::to_value(&view.manual).map_err(|e| WebError::Internal(e.to_string()))?,
    })
}

fn location(org: &str, id: i64) -> String {
    format!("/api/v1/organisations/{org}/programmes/{id}")
}

/// A visible programme by id or slug, after checking the caller may read the library.
async fn found(state: &AppState, actor: &Actor, key: &str) -> Result<Programme, WebError> {
    actor.authorize(state, Action::ViewProgrammes).await?;
    if key.is_empty() || key.len() > 60 || key.chars().any(char::is_control) {
        return Err(WebError::NotFound);
    }
    programmes::find(state, actor, key).await
}

/// Text in a manual never holds U+0000 (databases cannot store it); the first such
/// string is named by its path.
fn refuse_nul(value: &serde_json::Value, path: &str) -> Result<(), WebError> {
    let here = |field: String| {
        WebError::Invalid(FieldErrors::single(
            FieldError::new(field.clone(), "error-manual")
                .with_arg("path", &field)
                .with_arg("message", "contains the character U+0000"),
        ))
    };
    match value {
        serde_json::Value::String(text) if text.contains('\0') => Err(here(path.to_string())),
        serde_json::Value::Array(items) => {
            items.iter().enumerate().try_for_each(|(i, item)| refuse_nul(item, &format!("{path}[{i}]")))
        }
        serde_json::Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            if key.contains('\0') {
                return Err(here(path.to_string()));
            }
            refuse_nul(item, &if path.is_empty() { key.clone() } else { format!("{path}.{key}") })
        }),
        _ => Ok(()),
    }
}

/// Reads a manual from a JSON value: a wrong shape names its place; then every
/// problem the rules find, each with its path.
fn parse_manual(mut value: serde_json::Value) -> Result<Manual, WebError> {
    whole_numbers(&mut value);
    refuse_nul(&value, "")?;
    let manual: Manual = serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." || path.is_empty() { "manual".to_string() } else { path };
        WebError::Invalid(FieldErrors::single(
            FieldError::new(path.clone(), "error-manual")
                .with_arg("path", &path)
                .with_arg("message", error.inner().to_string()),
        ))
    })?;
    manual.validated().map_err(|errors| {
        WebError::Invalid(FieldErrors(
            errors
                .0
                .iter()
                .map(|e| {
                    FieldError::new(e.path.clone(), "error-manual")
                        .with_arg("path", &e.path)
                        .with_arg("message", &e.message)
                })
                .collect(),
        ))
    })
}

/// `90.0` is the integer 90 in JSON Schema; the manual's types take it as such.
fn whole_numbers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.fract() == 0.0 && f.abs() < 9.0e18 {
                *value = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        serde_json::Value::Object(map) => map.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------

page_params! {
    pub struct ProgrammeParams {
        /// Words in the name, summary or slug.
        #[param(max_length = 200, format = "optional_line")]
        pub q: Option<String>,
        pub target_group: Option<TargetGroupName>,
        /// Also the organisation's archived programmes (default false).
        pub archived: Option<bool>,
    }
}

/// The programmes the organisation can use: its own (samla's shipped manuals among
/// them) and those shared with everyone, by name; archived ones only when asked for.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes", operation_id = "listProgrammes", tag = "programmes",
    params(OrgSlug, ProgrammeParams),
    responses(
        (status = 200, description = "A page of programmes", body = Page<ProgrammeSummary>),
        OrganisationProblems,
        (status = 422, description = "Invalid search or paging", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_programmes(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<ProgrammeParams>,
) -> Result<Json<Page<ProgrammeSummary>>, WebError> {
    let mut errors = FieldErrors::new();
    let query =
        errors.take(optional_line("q", params.q.as_deref().unwrap_or_default(), 200)).flatten().unwrap_or_default();
    let bounds = params.page_bounds();
    if let Err(WebError::Invalid(more)) = &bounds {
        errors.0.extend(more.0.iter().cloned());
    }
    errors.finish(|| ())?;
    let (limit, offset) = bounds?;
    let group = params.target_group.map(TargetGroupName::as_str).unwrap_or("");
    let all = programmes::library_with(&state, &actor, &query, group, params.archived.unwrap_or(false)).await?;
    Ok(Json(Page::of_slice(&all, offset, limit, |p| summary(p, actor.organisation.id))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParams {
    /// A version number; the current one when left out.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

/// One programme with its current manual, or the manual of an earlier version.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}", operation_id = "getProgramme", tag = "programmes",
    params(ProgrammePath, VersionParams),
    responses(
        (status = 200, description = "The programme; ETag carries the current version", body = ProgrammeDetail,
            headers(("ETag" = String, description = "The current version, for If-Match on updateProgramme"))),
        ProgrammeVersionProblems,
    ))]
pub async fn get_programme(
    OrgCaller(state, actor, key): OrgCaller<String>,
    ApiQuery(params): ApiQuery<VersionParams>,
) -> Result<impl IntoResponse, WebError> {
    let programme = found(&state, &actor, &key).await?;
    let view = programmes::view(&state, &actor, programme.id, params.version).await?;
    let current = view.programme.current_version;
    Ok(Versioned(current, detail(view, actor.organisation.id)?))
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeVersion {
    pub version: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub current: bool,
}

/// Every version of a programme's manual, newest first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/versions", operation_id = "listProgrammeVersions", tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "The versions", body = Items<ProgrammeVersion>),
        NoValidToken, NotAllowed,
        ProgrammeNotFound,
    ))]
pub async fn list_programme_versions(
    OrgCaller(state, actor, key): OrgCaller<String>,
) -> Result<Json<Items<ProgrammeVersion>>, WebError> {
    let programme = found(&state, &actor, &key).await?;
    let view = programmes::view(&state, &actor, programme.id, None).await?;
    let current = view.programme.current_version;
    Ok(Json(Items {
        items: view
            .versions
            .into_iter()
            .map(|(version, created_at)| ProgrammeVersion { version, created_at, current: version == current })
            .collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Shares the programme with every organisation (default: only this one).
    pub shared: Option<bool>,
}

/// Imports a manual: a new programme (201), or the next version of the organisation's
/// own programme with the same slug (200; a manual exactly like the current version
/// saves nothing and answers with that version). A manual with errors imports nothing,
/// and the answer lists every problem with its path under `errors` (`field` is the path).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes", operation_id = "importProgramme", tag = "programmes",
    params(OrgSlug, ImportParams),
    request_body = ProgrammeManual,
    responses(
        (status = 200, description = "Saved as the next version of the organisation's programme", body = ProgrammeDetail,
            headers(("ETag" = String, description = "The new version"))),
        (status = 201, description = "A new programme", body = ProgrammeDetail,
            headers(("Location" = String, description = "The new programme"), ("ETag" = String, description = "Its version"))),
        OrganisationProblems,
        ManualErrors,
    ))]
pub async fn import_programme(
    OrgCaller(state, actor, _): OrgCaller,
    ApiQuery(params): ApiQuery<ImportParams>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageProgrammes).await?;
    let manual = parse_manual(body)?;
    let imported = programmes::import(&state, &actor, manual, params.shared.unwrap_or(false)).await?;
    let (id, version) = (imported.id, imported.version);
    let view = programmes::view(&state, &actor, id, None).await?;
    let body = Json(detail(view, actor.organisation.id)?);
    Ok(if imported.outcome == programmes::ImportOutcome::Created {
        (StatusCode::CREATED, [(LOCATION, location(&actor.organisation.slug, id)), (ETAG, etag(version))], body)
            .into_response()
    } else {
        ([(ETAG, etag(version))], body).into_response()
    })
}

/// Saves an edited manual as the next version of one of the organisation's own
/// programmes; the slug cannot change. Courses keep the version they were planned from.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/programmes/{programme}", operation_id = "updateProgramme", tag = "programmes",
    params(ProgrammePath, ProgrammeIfMatch),
    request_body = ProgrammeManual,
    responses(
        (status = 200, description = "Saved as a new version", body = ProgrammeDetail,
            headers(("ETag" = String, description = "The new version"))),
        SharedProgrammeProblems,
        (status = 412, description = "Another version was saved since read", body = Problem, content_type = "application/problem+json"),
        ManualErrors,
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_programme(
    OrgCaller(state, actor, key): OrgCaller<String>,
    if_match: IfMatch,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageProgrammes).await?;
    let programme = found(&state, &actor, &key).await?;
    let expected = if_match.expected(programme.current_version)?;
    if programme.organisation_id != actor.organisation.id {
        return Err(WebError::Forbidden);
    }
    let manual = parse_manual(body)?;
    let version = programmes::update(&state, &actor, programme.id, manual, expected).await?;
    let view = programmes::view(&state, &actor, programme.id, None).await?;
    Ok(Versioned(version, detail(view, actor.organisation.id)?))
}

/// Archives one of the organisation's own programmes: it leaves the library, takes no
/// new courses and no new editions samla ships; its courses keep it. Archiving twice
/// changes nothing.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/archive", operation_id = "archiveProgramme", tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "Archived", body = ProgrammeDetail),
        SharedProgrammeProblems,
    ))]
pub async fn archive_programme(
    OrgCaller(state, actor, key): OrgCaller<String>,
) -> Result<Json<ProgrammeDetail>, WebError> {
    set_archived(state, actor, key, true).await
}

/// Takes an archived programme back into use (and into the shipped editions, if it is
/// samla's and unchanged).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/unarchive", operation_id = "unarchiveProgramme", tag = "programmes",
    params(ProgrammePath),
    responses(
        (status = 200, description = "In use again", body = ProgrammeDetail),
        SharedProgrammeProblems,
    ))]
pub async fn unarchive_programme(
    OrgCaller(state, actor, key): OrgCaller<String>,
) -> Result<Json<ProgrammeDetail>, WebError> {
    set_archived(state, actor, key, false).await
}

async fn set_archived(
    state: AppState,
    actor: Actor,
    key: String,
    archived: bool,
) -> Result<Json<ProgrammeDetail>, WebError> {
    actor.authorize(&state, Action::ManageProgrammes).await?;
    let programme = found(&state, &actor, &key).await?;
    programmes::set_archived(&state, &actor, programme.id, archived).await?;
    let view = programmes::view(&state, &actor, programme.id, None).await?;
    Ok(Json(detail(view, actor.organisation.id)?))
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy, Default)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The shipped manual format.
    Toml,
    /// The manual as JSON, as importProgramme takes it.
    #[default]
    Json,
    /// A FHIR R4 PlanDefinition.
    Fhir,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `json` (default), `toml` or `fhir`.
    #[param(inline)]
    pub format: Option<ExportFormat>,
    /// A version number; the current one when left out.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

/// A programme's manual as a file: JSON, the TOML format of the shipped manuals, or a
/// FHIR R4 PlanDefinition (`application/fhir+json`).
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/export", operation_id = "exportProgramme", tag = "programmes",
    params(ProgrammePath, ExportParams),
    responses(
        (status = 200, description = "The manual in the format asked for", content(
            (ProgrammeManual = "application/json"),
            (Object = "application/fhir+json"),
            (String = "application/toml"),
        )),
        ProgrammeVersionProblems,
    ))]
pub async fn export_programme(
    OrgCaller(state, actor, key): OrgCaller<String>,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, WebError> {
    let programme = found(&state, &actor, &key).await?;
    let view = programmes::view(&state, &actor, programme.id, params.version).await?;
    let internal = |e: serde_json::Error| WebError::Internal(e.to_string());
    let (content_type, body) = match params.format.unwrap_or_default() {
        ExportFormat::Toml => ("application/toml", view.manual.to_toml()),
        ExportFormat::Json => ("application/json", serde_json::to_string_pretty(&view.manual).map_err(internal)?),
        ExportFormat::Fhir => (
            "application/fhir+json",
            serde_json::to_string_pretty(&samla_domain::programmes::fhir::plan_definition(&view.manual, view.version))
                .map_err(internal)?,
        ),
    };
    Ok(([(CONTENT_TYPE, content_type)], body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema types accept every shipped manual and keep all of it: they describe
    /// the format the API reads and writes.
    #[test]
    fn the_manual_schema_covers_the_shipped_manuals() {
        for (slug, source) in samla_domain::programmes::shipped::SHIPPED {
            let manual = Manual::from_toml(source).unwrap();
            let json = serde_json::to_value(&manual).unwrap();
            let described: ProgrammeManual =
                serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{slug}: {e}"));
            let mut again = serde_json::to_value(&described).unwrap();
            // The description writes out empty optional fields as null; the manual leaves them out.
            strip_nulls(&mut again);
            assert_eq!(again, json, "{slug}");
        }
    }

    fn strip_nulls(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(strip_nulls);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip_nulls),
            _ => {}
        }
    }

    #[test]
    fn text_with_u0000_is_refused_at_its_path() {
        let mut manual =
            serde_json::to_value(Manual::from_toml(samla_domain::programmes::shipped::SHIPPED[2].1).unwrap()).unwrap();
        manual["sessions"][1]["goals"][0] = serde_json::json!("a\u{0}b");
        let WebError::Invalid(errors) = parse_manual(manual).unwrap_err() else { panic!("422 expected") };
        assert_eq!(errors.0[0].field, "sessions[1].goals[0]");
    }

    #[test]
    fn a_wrong_shape_names_its_path() {
        let error = parse_manual(serde_json::json!({"slug": "x", "sessions": [{"number": "one"}]})).unwrap_err();
        let WebError::Invalid(errors) = error else { panic!("422 expected") };
        assert_eq!(errors.0[0].field, "sessions[0].number");
    }
}
