//! Programme networks and their published statistics as JSON: where an organisation
//! stands (kind, region), joining a programme's network, publishing a year's release
//! (the programme's owner) and reading its tables (owner and members).

use crate::api::conventions::{OrgSlug, OrganisationProblems, ProgrammePath, ProgrammeProblems};
use crate::api::courses::CourseStatusName;
use crate::api::{ApiJson, ApiQuery, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::statistics::{self as service, TableAsked};
use crate::AppState;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::reports::disclosure::Shown;
use samla_domain::reports::national::suppression_summary;
use samla_domain::reports::tables::Level;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisations/{org}/placement", put(put_placement))
        .route(
            "/organisations/{org}/programmes/{programme}/network",
            get(get_network).post(join_network).delete(leave_network),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/releases",
            get(list_releases).post(publish_release),
        )
        .route(
            "/organisations/{org}/programmes/{programme}/statistics/releases/{year}/tables/{table}",
            get(get_statistics_table),
        )
}

#[derive(OpenApi)]
#[openapi(paths(
    put_placement,
    get_network,
    join_network,
    leave_network,
    list_releases,
    publish_release,
    get_statistics_table
))]
pub struct Doc;

/// Where national statistics place the organisation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    #[schema(schema_with = kind_schema)]
    pub kind: OrganisationKind,
    /// A Norwegian county or Danish region of the organisation's country.
    #[schema(schema_with = region_schema)]
    pub region: Region,
}

fn text_choice(values: impl IntoIterator<Item = &'static str>) -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values)).build()
}

pub(super) fn kind_schema() -> utoipa::openapi::schema::Object {
    text_choice(OrganisationKind::ALL.iter().map(|kind| kind.as_str()))
}

pub(super) fn region_schema() -> utoipa::openapi::schema::Object {
    text_choice(Region::ALL.iter().map(|region| region.as_str()))
}

/// Sets the organisation's kind and region (administrators). An organisation needs a
/// region to join a programme network: statistics count it there.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/placement", operation_id = "setOrganisationPlacement", tag = "statistics",
    params(OrgSlug),
    request_body = Placement,
    responses(
        (status = 204, description = "Saved"),
        OrganisationProblems,
        (status = 422, description = "A region of another country", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_placement(
    OrgCaller(state, actor, ()): OrgCaller,
    ApiJson(body): ApiJson<Placement>,
) -> Result<StatusCode, WebError> {
    service::set_placement(&state, &actor, body.kind, body.region).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A member organisation of a programme network. Organisations only: never a person.
#[derive(Serialize, ToSchema)]
pub struct NetworkMember {
    pub slug: String,
    pub name: String,
    pub region: Option<String>,
    /// Unix seconds.
    pub joined_at: i64,
    /// Leaders the organisation has certified for the programme; for the programme's
    /// owner only.
    pub certified_leaders: Option<i64>,
}

/// A course of the programme in the network, as the owner follows it: no person.
#[derive(Serialize, ToSchema)]
pub struct NetworkCourse {
    /// The organisation that runs it.
    pub organisation: String,
    pub organisation_name: String,
    pub name: String,
    #[schema(value_type = String, format = Date)]
    pub start_date: String,
    pub status: CourseStatusName,
    /// Kinds of staffing deviation accepted for the course.
    pub accepted_deviations: i64,
}

/// A programme's network: the owner and the organisations that joined.
#[derive(Serialize, ToSchema)]
pub struct Network {
    pub programme_id: i64,
    pub slug: String,
    pub members: Vec<NetworkMember>,
    /// For the owner: leaders it has certified for the programme itself.
    pub own_certified_leaders: Option<i64>,
    /// For the owner: the network's courses from the start of last year, drafts left out.
    pub courses: Option<Vec<NetworkCourse>>,
}

pub(super) fn checked(programme: &str) -> Result<&str, WebError> {
    if programme.is_empty() || programme.len() > 60 || programme.chars().any(char::is_control) {
        return Err(WebError::NotFound);
    }
    Ok(programme)
}

/// The network of a programme the organisation owns or is a member of.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/network", operation_id = "getProgrammeNetwork", tag = "statistics",
    params(ProgrammePath),
    responses((status = 200, description = "The network", body = Network), ProgrammeProblems))]
pub async fn get_network(OrgCaller(state, actor, programme): OrgCaller<String>) -> Result<Json<Network>, WebError> {
    let network = service::network(&state, &actor, checked(&programme)?).await?;
    Ok(Json(Network {
        programme_id: network.programme.id,
        slug: network.programme.slug.clone(),
        members: network
            .members
            .iter()
            .map(|m| NetworkMember {
                slug: m.slug.clone(),
                name: m.name.clone(),
                region: m.region.clone(),
                joined_at: m.joined_at,
                certified_leaders: network.certified_leaders_of(m.organisation_id),
            })
            .collect(),
        own_certified_leaders: network.certified_leaders_of(network.programme.organisation_id),
        courses: network.courses.as_ref().map(|courses| {
            courses
                .iter()
                .map(|c| NetworkCourse {
                    organisation: c.organisation_slug.clone(),
                    organisation_name: c.organisation_name.clone(),
                    name: c.name.clone(),
                    start_date: c.start_date.clone(),
                    status: c.status.into(),
                    accepted_deviations: c.deviations,
                })
                .collect()
        }),
    }))
}

/// Joins the network of a programme another organisation owns and shares: the
/// organisation's courses of the programme count in the owner's statistics from then on.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/network", operation_id = "joinProgrammeNetwork", tag = "statistics",
    params(ProgrammePath),
    responses(
        (status = 204, description = "Joined"),
        ProgrammeProblems,
        (status = 409, description = "The organisation owns the programme, is a member already, or has no region yet", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn join_network(OrgCaller(state, actor, programme): OrgCaller<String>) -> Result<StatusCode, WebError> {
    service::join(&state, &actor, checked(&programme)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leaves a programme's network. Releases published before keep what they counted.
#[utoipa::path(delete, path = "/api/v1/organisations/{org}/programmes/{programme}/network", operation_id = "leaveProgrammeNetwork", tag = "statistics",
    params(ProgrammePath),
    responses(
        (status = 204, description = "Left"),
        (status = 409, description = "The organisation owns the programme or is not a member of its network", body = Problem, content_type = "application/problem+json"),
        ProgrammeProblems))]
pub async fn leave_network(OrgCaller(state, actor, programme): OrgCaller<String>) -> Result<StatusCode, WebError> {
    service::leave(&state, &actor, checked(&programme)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A published release of a year.
#[derive(Serialize, ToSchema)]
pub struct Release {
    pub year: i64,
    /// 1 for the first release of the year; a correction is the next number.
    pub number: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub note: String,
}

/// The programme's releases, newest year first and each year's newest first.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases", operation_id = "listStatisticsReleases", tag = "statistics",
    params(ProgrammePath),
    responses((status = 200, description = "The releases", body = Vec<Release>), ProgrammeProblems))]
pub async fn list_releases(
    OrgCaller(state, actor, programme): OrgCaller<String>,
) -> Result<Json<Vec<Release>>, WebError> {
    let (_, releases) = service::releases(&state, &actor, checked(&programme)?).await?;
    Ok(Json(
        releases
            .into_iter()
            .map(|r| Release { year: r.year, number: r.number, published_at: r.published_at, note: r.note })
            .collect(),
    ))
}

/// A year to publish.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRelease {
    /// A year that is over.
    #[serde(deserialize_with = "crate::api::courses::whole::required")]
    #[schema(minimum = 2000, maximum = 9999)]
    pub year: i32,
    /// What the release is, e.g. why a correction was made.
    #[serde(default)]
    #[schema(max_length = 2000, format = "optional_text")]
    pub note: String,
}

/// How much of one table a release published.
#[derive(Serialize, ToSchema)]
pub struct TableSummary {
    /// participants_by_age, participants_by_outcome, participants_by_channel, participants_by_service_kind, participants_by_sex, participants_by_wait, participants_by_dropout_reason, participants_by_attendance, waitlist_at_term_start, courses_by_status or leaders_by_certification.
    pub table: String,
    #[schema(minimum = 0)]
    pub published_cells: u64,
    #[schema(minimum = 0)]
    pub suppressed_cells: u64,
}

/// What a publication made.
#[derive(Serialize, ToSchema)]
pub struct PublishedRelease {
    pub year: i32,
    pub number: i64,
    pub tables: Vec<TableSummary>,
    /// Members of the network not counted because they have no region yet.
    pub not_counted: Vec<String>,
}

/// Publishes a year's statistics of the programme's network (coordinators of the
/// programme's owner). The tables count persons only under disclosure control; a year
/// published before gets a corrected release that keeps hidden what the first hid.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases", operation_id = "publishStatisticsRelease", tag = "statistics",
    params(ProgrammePath),
    request_body = NewRelease,
    responses(
        (status = 201, description = "Published", body = PublishedRelease),
        ProgrammeProblems,
        (status = 422, description = "A year that is not over yet", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn publish_release(
    OrgCaller(state, actor, programme): OrgCaller<String>,
    ApiJson(body): ApiJson<NewRelease>,
) -> Result<(StatusCode, Json<PublishedRelease>), WebError> {
    let published = service::publish(&state, &actor, checked(&programme)?, body.year, &body.note).await?;
    let tables = suppression_summary(&published.contents)
        .into_iter()
        .map(|(table, published, suppressed)| TableSummary {
            table: table.as_str().to_string(),
            published_cells: published as u64,
            suppressed_cells: suppressed as u64,
        })
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(PublishedRelease {
            year: published.year,
            number: published.number,
            tables,
            not_counted: published.not_placed,
        }),
    ))
}

/// Which view of a table.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TableQuery {
    /// `nation` (the whole network, by region; the default), `region:<code>` (by
    /// organisation) or `organisation:<id>`.
    #[param(max_length = 50, pattern = r"^(nation|region:[a-z_]{1,30}|organisation:[0-9]{1,18})$")]
    pub level: Option<String>,
    /// `2025`, `2025-spring` or `2025-autumn`; the release's year by default.
    #[param(max_length = 11, pattern = r"^[0-9]{4}(-spring|-autumn)?$")]
    pub period: Option<String>,
    /// A release of the year by number; the latest by default.
    #[param(minimum = 1, maximum = 1000000)]
    pub release: Option<i64>,
}

/// One line of a table: a cell per column and the total last; `null` where not published.
#[derive(Serialize, ToSchema)]
pub struct TableLine {
    /// The region's code or the organisation's id, as `level` takes it.
    pub level: String,
    pub name: String,
    pub cells: Vec<Option<u64>>,
}

/// A published table.
#[derive(Serialize, ToSchema)]
pub struct StatisticsTable {
    /// participants_by_age, participants_by_outcome, participants_by_channel, participants_by_service_kind, participants_by_sex, participants_by_wait, participants_by_dropout_reason, participants_by_attendance, waitlist_at_term_start, courses_by_status or leaders_by_certification.
    pub table: String,
    pub year: i64,
    pub release: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub level: String,
    pub period: String,
    /// The columns' codes, then `total`.
    pub columns: Vec<String>,
    pub rows: Vec<TableLine>,
    pub total: TableLine,
    /// Nothing of the table could be published safely.
    pub withheld: bool,
    /// A correction could not change this table without revealing a small group, so it
    /// stands as the year's earlier release published it.
    pub as_first_published: bool,
    /// How many of the courses the release counts were imported from spreadsheets.
    pub imported_courses: u64,
}

/// A table of a published release, at a level and period. Cells not published are
/// `null`: counts of 1–4 persons, and whatever would let one be worked out.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/programmes/{programme}/statistics/releases/{year}/tables/{table}", operation_id = "getStatisticsTable", tag = "statistics",
    params(
        ProgrammePath,
        ("year" = i32, Path, description = "The release's year", minimum = 2000, maximum = 9999),
        ("table" = String, Path, description = "participants_by_age, participants_by_outcome, participants_by_channel, participants_by_service_kind, participants_by_sex, participants_by_wait, participants_by_dropout_reason, participants_by_attendance, waitlist_at_term_start, courses_by_status or leaders_by_certification", max_length = 40),
        TableQuery,
    ),
    responses(
        (status = 200, description = "The table", body = StatisticsTable),
        ProgrammeProblems,
    ))]
pub async fn get_statistics_table(
    OrgCaller(state, actor, (programme, year, table)): OrgCaller<(String, String, String)>,
    ApiQuery(query): ApiQuery<TableQuery>,
) -> Result<Json<StatisticsTable>, WebError> {
    let asked = TableAsked::parse(&year, &table, query.level.as_deref(), query.period.as_deref(), query.release)
        .ok_or(WebError::NotFound)?;
    let (kind, level, period) = (asked.kind, asked.level, asked.period);
    let found = service::table(&state, &actor, checked(&programme)?, asked).await?;
    let contents = &found.contents;
    let line =
        |level: Level, cells: Vec<Option<u64>>| TableLine { level: level.code(), name: found.line_name(level), cells };
    let rows = found
        .view
        .rows
        .iter()
        .filter_map(|row| Some(line(contents.row_level(kind, level, row.node)?, row.cells.clone())))
        .collect();
    let withheld = contents.table(kind).is_some_and(|t| t.withheld || t.shown.iter().all(|s| *s != Shown::Published));
    Ok(Json(StatisticsTable {
        table: kind.as_str().to_string(),
        year: found.release.year,
        release: found.release.number,
        published_at: found.release.published_at,
        level: level.code(),
        period: period.code(),
        columns: kind.categories().iter().map(|c| c.to_string()).chain(["total".to_string()]).collect(),
        rows,
        total: line(level, found.view.total.clone()),
        withheld,
        as_first_published: contents.table(kind).is_some_and(|t| t.kept_from.is_some()),
        imported_courses: contents.imported_courses,
    }))
}
