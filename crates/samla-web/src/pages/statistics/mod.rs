//! The statistics pages: the programmes whose network the organisation owns or is in and
//! their published releases, joining a network, publishing a year (a programme's owner),
//! and one table of a release at a level and period, with CSV and XLSX downloads.

use crate::charts::{self, Bar};
use crate::error::WebError;
use crate::export::{Cell, Format, Table};
use crate::forms::{FormData, FormState};
use crate::pages::{Page, Ui};
use crate::services::statistics::{self as service, Overview, PublishedRelease, PublishedTable, TableAsked};
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::reports::national::Headline;
use samla_domain::reports::national::TableKind;
use samla_domain::reports::tables::{Half, Level, Period, Term};
use samla_domain::FieldErrors;
use samla_storage::programmes::Programme;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/statistics", get(overview))
        .route("/statistics/join", post(join))
        .route("/statistics/leave", post(leave))
        .route("/statistics/publish", post(publish))
        .route("/statistics/find", get(find))
        .route("/statistics/import", get(imports::show).post(imports::upload))
        .route("/statistics/import/template", get(imports::template))
        .route("/statistics/{programme}", get(programme_page))
        .route("/statistics/{programme}/send", get(submissions::send_page).post(submissions::send))
        .route(
            "/statistics/{programme}/installations",
            get(submissions::installations_page).post(submissions::register),
        )
        .route("/statistics/{programme}/submissions", post(submissions::upload))
        .route("/statistics/{programme}/installations/{organisation}/token", post(submissions::replace_token))
        .route("/statistics/{programme}/installations/{organisation}/remove", post(submissions::remove))
        .route("/statistics/{programme}/{year}/outcome-change", get(outcomes::outcome_change))
        .route("/statistics/{programme}/{year}/evaluation", get(evaluations::evaluation))
        .route("/statistics/{programme}/{year}/attendance-per-session", get(sessions::attendance_per_session))
        .route("/statistics/{programme}/{year}/{table}", get(table))
}

mod evaluations;
mod imports;
mod outcomes;
mod sessions;
mod submissions;

/// Which of a release's pages a link list is on.
#[derive(Clone, Copy, PartialEq)]
enum Current<'q> {
    /// A table, with the level and period asked for (`?level=…&period=…`).
    Table(TableKind, &'q str),
    OutcomeChange,
    Evaluation,
    Sessions,
}

/// A page of a year's release other than a table: the release asked for, shown or as a
/// file. A year that is not one names no page.
async fn release_page(
    page: &Page,
    (programme, year): (String, String),
    query: &ReleaseQuery,
    render: fn(&Page, &PublishedRelease) -> Result<Response, WebError>,
    download: fn(&Page, &PublishedRelease, Format) -> Result<Response, WebError>,
) -> Result<Response, WebError> {
    let year: i32 = year.parse().ok().filter(|y| (2000..=9999).contains(y)).ok_or(WebError::NotFound)?;
    let found = service::release(&page.state, &page.actor, &programme, year, query.number()?).await?;
    match query.format.as_deref() {
        None | Some("") => render(page, &found),
        Some(format) => download(page, &found, Format::parse(format).ok_or(WebError::NotFound)?),
    }
}

/// What a pooled measure is called: the questionnaire, who answered, and when.
fn measure_title(page: &Page, title: &str, audience: &str, timing: &str) -> String {
    let Page { state, ui, .. } = page;
    let audience = t(state, ui, &format!("qround-audience-{audience}"));
    let timing = t(state, ui, &format!("qround-timing-{timing}"));
    state.i18n.text(
        ui.lang,
        "statistics-outcome-measure",
        &[("title", title.to_string()), ("audience", audience), ("to", timing)],
    )
}

/// The release as the pages under a table name it.
fn release_value(ui: &Ui, actor: &crate::auth::Actor, release: &samla_storage::statistics::ReleaseSummary) -> Value {
    minijinja::context! {
        year => release.year, number => release.number, note => release.note.clone(),
        published => crate::views::format_datetime(ui.lang, actor.organisation.timezone(), release.published_at),
    }
}

/// A release's pages beside its tables: which, at what path, under what title.
const POOLED_PAGES: [(Current<'static>, &str, &str); 3] = [
    (Current::OutcomeChange, "outcome-change", "statistics-outcome-title"),
    (Current::Evaluation, "evaluation", "statistics-evaluation-title"),
    (Current::Sessions, "attendance-per-session", "statistics-sessions-title"),
];

fn pooled_path(current: Current) -> &'static str {
    POOLED_PAGES.iter().find(|(page, ..)| *page == current).map_or("", |(_, path, _)| path)
}

/// What every release page beside the tables shows: the programme, the release and its
/// period, the links to the release's other pages, and this page's downloads.
fn pooled_context(page: &Page, found: &PublishedRelease, current: Current) -> Value {
    let Page { state, ui, actor } = page;
    let base = format!("/statistics/{}/{}/{}", found.programme.id, found.release.year, pooled_path(current));
    let query = format!("release={}", found.release.number);
    minijinja::context! {
        programme => minijinja::context! { id => found.programme.id, name => found.programme.name.clone() },
        release => release_value(ui, actor, &found.release),
        period_label => period_label(state, ui, Period::Year(found.release.year as i32)),
        tables => table_links(&found.programme, found.release.year as i32, current),
        csv => format!("{base}?{query}&format=csv"),
        xlsx => format!("{base}?{query}&format=xlsx"),
    }
}

/// A release page beside the tables as a file: the header's translation keys, the rows,
/// and a last row saying why figures are empty.
fn pooled_download(
    page: &Page,
    found: &PublishedRelease,
    current: Current,
    (format, header, note): (Format, &[&str], &str),
    mut rows: Vec<Vec<Cell>>,
) -> Result<Response, WebError> {
    let Page { state, ui, .. } = page;
    let path = pooled_path(current);
    rows.push(vec![Cell::from(t(state, ui, note))]);
    let header = header.iter().map(|key| t(state, ui, key)).collect();
    let table = Table { sheet: path.replace('-', "_"), header, rows };
    let bytes = crate::export::write(format, &[table])?;
    let stem = format!("{}-{}-{path}", found.programme.slug, found.release.year);
    Ok(crate::services::questionnaires::results::Download {
        bytes,
        content_type: format.content_type(),
        file_name: crate::services::questionnaires::results::file_name(&stem, format),
    }
    .into_response())
}

/// Which release of a year, and whether as a file.
#[derive(Deserialize)]
struct ReleaseQuery {
    release: Option<String>,
    format: Option<String>,
}

impl ReleaseQuery {
    /// The release asked for; `None` for the latest. Not a number: no such page.
    fn number(&self) -> Result<Option<i64>, WebError> {
        match self.release.as_deref().filter(|r| !r.is_empty()) {
            None => Ok(None),
            Some(text) => text.parse::<i64>().map(Some).map_err(|_| WebError::NotFound),
        }
    }
}

/// The links to a release's tables, its outcome change and its evaluation; a table's
/// link keeps the level and period asked for.
fn table_links(programme: &Programme, year: i32, current: Current) -> Vec<Value> {
    let query = match current {
        Current::Table(_, query) => query,
        _ => "",
    };
    let mut links: Vec<Value> = TableKind::ALL
        .iter()
        .map(|k| {
            minijinja::context! {
                href => format!("/statistics/{}/{}/{}{}", programme.id, year, k.as_str(), query),
                key => format!("statistics-table-{}", k.as_str()),
                current => matches!(current, Current::Table(kind, _) if kind == *k),
            }
        })
        .collect();
    for (page, path, key) in POOLED_PAGES {
        links.push(minijinja::context! {
            href => format!("/statistics/{}/{}/{path}", programme.id, year),
            key => key,
            current => current == page,
        });
    }
    links
}

fn t(state: &AppState, ui: &Ui, key: &str) -> String {
    state.i18n.text(ui.lang, key, &[])
}

fn render_overview(
    page: &Page,
    overview: &Overview,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let programme = |p: &samla_storage::networks::NetworkProgramme| {
        minijinja::context! {
            id => p.programme_id,
            name => p.name.clone(),
            owner => p.owner_name.clone(),
            own => p.owner_id == actor.organisation.id,
            member => p.member == 1,
            releases => p.releases,
        }
    };
    let publishable: Vec<Value> =
        overview.publishable.iter().map(|p| minijinja::context! { value => p.id, label => p.name.clone() }).collect();
    let years: Vec<Value> =
        overview.years.iter().map(|y| minijinja::context! { value => y, label => y.to_string() }).collect();
    let context = minijinja::context! {
        networks => overview.networks.iter().map(programme).collect::<Vec<_>>(),
        joinable => overview.joinable.iter().map(programme).collect::<Vec<_>>(),
        publishable => publishable,
        years => years,
        placed => overview.placed,
        may_import => actor.roles.may(samla_domain::Action::PlanCourses),
        form => ui.form(state, &form),
    };
    ui.render_status(state, Some(actor), status, "statistics.html", "statistics-title", context)
}

async fn overview(page: Page) -> Result<Response, WebError> {
    let overview = service::overview(&page.state, &page.actor).await?;
    let form = FormState::new().with_value("year", overview.years.first().copied().unwrap_or_default());
    render_overview(&page, &overview, form, StatusCode::OK)
}

/// A refusal shown on the overview, the form kept.
async fn refused(page: &Page, form: FormState, errors: FieldErrors, status: StatusCode) -> Result<Response, WebError> {
    let overview = service::overview(&page.state, &page.actor).await?;
    render_overview(page, &overview, form.with_errors(errors), status)
}

async fn join(page: Page, form: FormData) -> Result<Response, WebError> {
    match service::join(&page.state, &page.actor, form.get("programme")).await {
        Ok(_) => Ok(Redirect::to("/statistics").into_response()),
        Err(WebError::Refused(errors)) => refused(&page, form.kept(), errors, StatusCode::CONFLICT).await,
        Err(other) => Err(other),
    }
}

async fn leave(page: Page, form: FormData) -> Result<Response, WebError> {
    service::leave(&page.state, &page.actor, form.get("programme")).await?;
    Ok(Redirect::to("/statistics").into_response())
}

async fn publish(page: Page, form: FormData) -> Result<Response, WebError> {
    let year: i32 = form.get("year").trim().parse().unwrap_or(0);
    match service::publish(&page.state, &page.actor, form.get("programme"), year, form.get("note")).await {
        Ok(published) => Ok(Redirect::to(&format!(
            "/statistics/{}/{}/participants_by_age?release={}",
            published.programme.id, published.year, published.number
        ))
        .into_response()),
        Err(WebError::Invalid(errors)) => refused(&page, form.kept(), errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(other) => Err(other),
    }
}

/// A programme's releases and the organisations in its network.
async fn programme_page(page: Page, Path(programme): Path<String>) -> Result<Response, WebError> {
    let Page { state, ui, actor } = &page;
    let (_, releases) = service::releases(state, actor, &programme).await?;
    let network = service::network(state, actor, &programme).await?;
    let trend = service::trend(state, actor, &programme).await?;
    let zone = actor.organisation.timezone();
    let releases: Vec<Value> = releases
        .iter()
        .map(|r| {
            minijinja::context! {
                year => r.year, number => r.number, note => r.note.clone(),
                published => crate::views::format_datetime(ui.lang, zone, r.published_at),
            }
        })
        .collect();
    let members: Vec<Value> = network
        .members
        .iter()
        .map(|m| {
            let region = m.region.as_deref().and_then(samla_domain::organisations::Region::parse);
            minijinja::context! {
                name => m.name.clone(),
                region => region.map(|r| r.name()).unwrap_or_default(),
                joined => crate::views::format_datetime(ui.lang, zone, m.joined_at),
                leaders => network.certified_leaders_of(m.organisation_id),
            }
        })
        .collect();
    let courses: Option<Vec<Value>> = network.courses.as_ref().map(|courses| {
        courses
            .iter()
            .map(|c| {
                minijinja::context! {
                    organisation => c.organisation_name.clone(),
                    name => c.name.clone(),
                    start => c.start_date.clone(),
                    status => t(state, ui, &format!("status-{}", c.status.as_str())),
                    deviations => c.deviations,
                }
            })
            .collect()
    });
    let context = minijinja::context! {
        programme => minijinja::context! { id => network.programme.id, name => network.programme.name.clone() },
        own => network.programme.organisation_id == actor.organisation.id,
        may_send => matches!(actor.roles.decide(samla_domain::Action::ManageProgrammes), samla_domain::Decision::Allow(_)),
        owner => network.owner.clone(),
        releases => releases,
        members => members,
        own_leaders => network.certified_leaders_of(network.programme.organisation_id),
        courses => courses,
        trend => trend.iter().map(|h| minijinja::context! {
            year => h.year, courses => h.courses, participants => h.participants,
            completed => h.completed, dropped_out => h.dropped_out,
        }).collect::<Vec<_>>(),
        trend_chart => trend_chart(state, ui, &trend),
    };
    ui.render(state, Some(actor), "statistics_programme.html", "statistics-programme-title", context)
}

/// Participants per year as bars; a year whose figure is hidden says so in its place.
fn trend_chart(state: &AppState, ui: &Ui, trend: &[Headline]) -> Option<String> {
    if trend.is_empty() {
        return None;
    }
    let bars: Vec<Bar> = trend
        .iter()
        .map(|h| Bar {
            label: h.year.to_string(),
            value: h.participants.unwrap_or(0) as f64,
            shown: h.participants.map_or_else(|| t(state, ui, "statistics-hidden"), |n| n.to_string()),
        })
        .collect();
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let title = t(state, ui, "statistics-trend-chart");
    Some(charts::bar_chart("trend-chart", &title, &t(state, ui, "statistics-trend-chart-description"), &bars, max))
}

/// The line's figures per column as bars, beside the table that holds them.
fn line_chart(state: &AppState, ui: &Ui, found: &PublishedTable, line: &[Option<u64>]) -> String {
    let names = column_names(state, ui, found.kind);
    let bars: Vec<Bar> = names
        .iter()
        .zip(line)
        .take(found.kind.categories().len())
        .map(|(name, figure)| Bar {
            label: name.clone(),
            value: figure.unwrap_or(0) as f64,
            shown: figure.map_or_else(|| t(state, ui, "statistics-hidden"), |n| n.to_string()),
        })
        .collect();
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let title = format!(
        "{}: {}",
        t(state, ui, &format!("statistics-table-{}", found.kind.as_str())),
        found.line_name(found.level)
    );
    charts::bar_chart("table-chart", &title, &t(state, ui, "statistics-table-chart-description"), &bars, max)
}

/// What the home page's filters ask for.
#[derive(Deserialize)]
struct Find {
    programme: Option<String>,
    year: Option<String>,
    /// `year`, `spring` or `autumn`.
    period: Option<String>,
    /// A table's code, `outcome-change`, `evaluation` or `attendance-per-session`.
    table: Option<String>,
    /// `nation`, `regions` (the organisation's own region) or `own`.
    level: Option<String>,
}

/// Opens the table the filters ask for; where the year has no release the programme's
/// page lists those there are, and where the release does not count the organisation
/// (or its region) the network's line is shown.
async fn find(page: Page, Query(find): Query<Find>) -> Result<Response, WebError> {
    let Page { state, actor, .. } = &page;
    let programme = find.programme.unwrap_or_default();
    let year: i32 = find.year.as_deref().and_then(|y| y.parse().ok()).unwrap_or(0);
    let found = match service::release(state, actor, &programme, year, None).await {
        Ok(found) => found,
        Err(WebError::NotFound) => {
            // The programme's releases, or 404 where the programme is not one to see.
            let (programme, _) = service::releases(state, actor, &programme).await?;
            return Ok(Redirect::to(&format!("/statistics/{}", programme.id)).into_response());
        }
        Err(other) => return Err(other),
    };
    let base = format!("/statistics/{}/{}", found.programme.id, year);
    let table = find.table.unwrap_or_default();
    if ["outcome-change", "evaluation", "attendance-per-session"].contains(&table.as_str()) {
        return Ok(Redirect::to(&format!("{base}/{table}")).into_response());
    }
    let kind = TableKind::parse(&table).ok_or(WebError::NotFound)?;
    let period = match find.period.as_deref() {
        Some("spring") => Period::Term(Term { year, half: Half::Spring }),
        Some("autumn") => Period::Term(Term { year, half: Half::Autumn }),
        _ => Period::Year(year),
    };
    let level = match find.level.as_deref() {
        Some("own") => Level::Organisation(actor.organisation.id),
        Some("regions") => service::own_region(state, actor).await?.map_or(Level::Nation, Level::Region),
        _ => Level::Nation,
    };
    let level = if found.contents.view(kind, level, period).is_some() { level } else { Level::Nation };
    let to = format!("{base}/{}?level={}&period={}", kind.as_str(), level.code(), period.code());
    Ok(Redirect::to(&to).into_response())
}

#[derive(Deserialize)]
struct TableQuery {
    level: Option<String>,
    period: Option<String>,
    #[serde(flatten)]
    release: ReleaseQuery,
}

async fn table(
    page: Page,
    Path((programme, year, kind)): Path<(String, String, String)>,
    Query(query): Query<TableQuery>,
) -> Result<Response, WebError> {
    let release = query.release.number()?;
    let asked = TableAsked::parse(&year, &kind, query.level.as_deref(), query.period.as_deref(), release)
        .ok_or(WebError::NotFound)?;
    let found = service::table(&page.state, &page.actor, &programme, asked).await?;
    match query.release.format.as_deref() {
        None | Some("") => render_table(&page, &found),
        Some(format) => download(&page, &found, Format::parse(format).ok_or(WebError::NotFound)?),
    }
}

/// The translation key of a column: the channels and kinds of service keep the names
/// they have elsewhere in samla.
fn column_key(kind: TableKind, category: &str) -> String {
    match (kind, category) {
        (TableKind::ParticipantsByChannel, "unknown") => "statistics-column-no-channel".to_string(),
        (TableKind::ParticipantsByChannel, code) => format!("channel-{}", code.replace('_', "-")),
        (TableKind::ParticipantsByServiceKind, code) => format!("organisation-kind-{code}"),
        (TableKind::ParticipantsBySex, "unknown") => "statistics-column-sex-unknown".to_string(),
        (TableKind::ParticipantsBySex, code) => format!("sex-{code}"),
        (TableKind::ParticipantsByDropoutReason, "not_given") => "dropout-reason-none".to_string(),
        (TableKind::ParticipantsByDropoutReason, "did_not_drop_out") => {
            "statistics-column-did_not_drop_out".to_string()
        }
        (TableKind::ParticipantsByDropoutReason, code) => format!("dropout-reason-{}", code.replace('_', "-")),
        (_, code) => format!("statistics-column-{}", code.replace('+', "-plus")),
    }
}

fn column_names(state: &AppState, ui: &Ui, kind: TableKind) -> Vec<String> {
    kind.categories()
        .iter()
        .map(|c| t(state, ui, &column_key(kind, c)))
        .chain([t(state, ui, "statistics-column-total")])
        .collect()
}

fn period_label(state: &AppState, ui: &Ui, period: Period) -> String {
    match period {
        Period::Year(year) => year.to_string(),
        Period::Term(Term { year, half: Half::Spring }) => {
            state.i18n.text(ui.lang, "statistics-spring", &[("year", year.to_string())])
        }
        Period::Term(Term { year, half: Half::Autumn }) => {
            state.i18n.text(ui.lang, "statistics-autumn", &[("year", year.to_string())])
        }
    }
}

fn render_table(page: &Page, found: &PublishedTable) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let base = format!("/statistics/{}/{}/{}", found.programme.id, found.release.year, found.kind.as_str());
    let link = |level: Level| format!("{base}?level={}&period={}", level.code(), found.period.code());
    let rows: Vec<Value> = found
        .view
        .rows
        .iter()
        .filter_map(|row| {
            let level = found.contents.row_level(found.kind, found.level, row.node)?;
            Some(
                minijinja::context! { name => found.line_name(level), href => link(level), cells => row.cells.clone() },
            )
        })
        .collect();
    let year = found.release.year as i32;
    let periods: Vec<Value> = [
        Period::Year(year),
        Period::Term(Term { year, half: Half::Spring }),
        Period::Term(Term { year, half: Half::Autumn }),
    ]
    .into_iter()
    .map(|p| minijinja::context! { value => p.code(), label => period_label(state, ui, p) })
    .collect();
    let mut levels = vec![minijinja::context! { value => "nation", label => found.programme.name.clone() }];
    levels.extend(found.contents.regions().into_iter().map(|region| {
        minijinja::context! { value => Level::Region(region).code(), label => region.name() }
    }));
    levels.extend(found.contents.units.iter().map(|unit| {
        minijinja::context! { value => Level::Organisation(unit.organisation_id).code(), label => unit.name.clone() }
    }));
    let kept_query = format!("?level={}&period={}", found.level.code(), found.period.code());
    let tables = table_links(&found.programme, year, Current::Table(found.kind, &kept_query));
    let withheld = found.contents.table(found.kind).is_some_and(|t| t.withheld);
    let kept = found.contents.table(found.kind).is_some_and(|t| t.kept_from.is_some());
    let query = format!("level={}&period={}&release={}", found.level.code(), found.period.code(), found.release.number);
    let context = minijinja::context! {
        programme => minijinja::context! { id => found.programme.id, name => found.programme.name.clone() },
        release => release_value(ui, actor, &found.release),
        table_key => format!("statistics-table-{}", found.kind.as_str()),
        tables => tables,
        columns => column_names(state, ui, found.kind),
        rows => rows,
        total => minijinja::context! { name => found.line_name(found.level), cells => found.view.total.clone() },
        level => found.level.code(),
        level_name => found.line_name(found.level),
        period => found.period.code(),
        period_label => period_label(state, ui, found.period),
        levels => levels,
        periods => periods,
        chart => line_chart(state, ui, found, &found.view.total),
        counts_persons => found.kind.counts_persons(),
        waitlist => found.kind == TableKind::WaitlistAtTermStart,
        leaders => found.kind == TableKind::LeadersByCertification,
        imported_courses => found.contents.imported_courses,
        withheld => withheld,
        kept => kept,
        csv => format!("{base}?{query}&format=csv"),
        xlsx => format!("{base}?{query}&format=xlsx"),
        action => base,
    };
    ui.render(state, Some(actor), "statistics_table.html", "statistics-table-title", context)
}

/// The table as a file: a row per line, suppressed cells empty, and a note saying why.
fn download(page: &Page, found: &PublishedTable, format: Format) -> Result<Response, WebError> {
    let Page { state, ui, .. } = page;
    let mut header = vec![t(state, ui, "statistics-column-unit")];
    header.extend(column_names(state, ui, found.kind));
    let line = |name: String, cells: &[Option<u64>]| -> Vec<Cell> {
        std::iter::once(Cell::from(name)).chain(cells.iter().map(|c| Cell::from(c.map(|v| v as i64)))).collect()
    };
    let mut rows: Vec<Vec<Cell>> = found
        .view
        .rows
        .iter()
        .filter_map(|row| {
            let level = found.contents.row_level(found.kind, found.level, row.node)?;
            Some(line(found.line_name(level), &row.cells))
        })
        .collect();
    rows.push(line(found.line_name(found.level), &found.view.total));
    rows.push(vec![Cell::from(t(state, ui, "statistics-download-note"))]);
    let table = Table { sheet: found.kind.as_str().to_string(), header, rows };
    let bytes = crate::export::write(format, &[table])?;
    let stem =
        format!("{}-{}-{}-{}", found.programme.slug, found.release.year, found.kind.as_str(), found.period.code());
    Ok(crate::services::questionnaires::results::Download {
        bytes,
        content_type: format.content_type(),
        file_name: crate::services::questionnaires::results::file_name(&stem, format),
    }
    .into_response())
}
