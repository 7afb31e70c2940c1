//! A release's outcome change pooled across the network's courses: per measure a chart of
//! each scale's mean change with its interval and the table beside it, with CSV and XLSX.

use super::{period_label, t, ReleaseQuery};
use crate::charts::{self, Change};
use crate::error::WebError;
use crate::export::{Cell, Format, Table};
use crate::pages::questionnaires::results::{number, optional};
use crate::pages::Page;
use crate::services::statistics::PublishedRelease;
use axum::extract::{Path, Query};
use axum::response::Response;
use minijinja::{context, Value};
use samla_domain::accounts::Language;
use samla_domain::reports::evaluation::label_in;
use samla_domain::reports::pooled::{PooledChange, PooledScale};
use samla_domain::reports::tables::Period;

pub async fn outcome_change(
    page: Page,
    Path(path): Path<(String, String)>,
    Query(query): Query<ReleaseQuery>,
) -> Result<Response, WebError> {
    super::release_page(&page, path, &query, render, download).await
}

fn title_of(page: &Page, change: &PooledChange) -> String {
    let title = label_in(&change.title, page.ui.lang.code(), &change.questionnaire);
    super::measure_title(page, &title, change.audience.as_str(), change.to.as_str())
}

fn interval(language: Language, scale: &PooledScale) -> Option<String> {
    let f = scale.figures.as_ref()?;
    Some(format!("{} – {}", number(language, f.ci_lower?, 2), number(language, f.ci_upper?, 2)))
}

fn render(page: &Page, found: &PublishedRelease) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let language = ui.lang;
    let measures: Vec<Value> = found
        .contents
        .outcomes
        .iter()
        .enumerate()
        .map(|(index, change)| {
            let title = title_of(page, change);
            let label = |s: &PooledScale| label_in(&s.label, language.code(), &s.scale_id);
            let bars: Vec<Change> = change
                .scales
                .iter()
                .filter_map(|s| {
                    let f = s.figures.as_ref()?;
                    let mean = f.mean_change?;
                    Some(Change {
                        label: label(s),
                        mean,
                        lower: f.ci_lower,
                        upper: f.ci_upper,
                        shown: number(language, mean, 2),
                    })
                })
                .collect();
            let chart = (!bars.is_empty()).then(|| {
                charts::change_chart(
                    &format!("pooled-{index}"),
                    &title,
                    &t(state, ui, "statistics-outcome-chart"),
                    &bars,
                )
            });
            let scales: Vec<Value> = change
                .scales
                .iter()
                .map(|s| {
                    let f = s.figures.as_ref();
                    context! {
                        label => label(s),
                        subscale => s.parent.is_some(),
                        n => f.map(|f| f.n),
                        mean_change => optional(language, f.and_then(|f| f.mean_change), 2),
                        ci => interval(language, s),
                        dz => optional(language, f.and_then(|f| f.cohens_dz), 2),
                        kept => s.kept,
                    }
                })
                .collect();
            context! { index => index, title => title, chart => chart, scales => scales }
        })
        .collect();
    let base = format!("/statistics/{}/{}/outcome-change", found.programme.id, found.release.year);
    let query = format!("release={}", found.release.number);
    let context = context! {
        programme => context! { id => found.programme.id, name => found.programme.name.clone() },
        release => super::release_value(ui, actor, &found.release),
        period_label => period_label(state, ui, Period::Year(found.release.year as i32)),
        tables => super::table_links(&found.programme, found.release.year as i32, super::Current::OutcomeChange),
        measures => measures,
        csv => format!("{base}?{query}&format=csv"),
        xlsx => format!("{base}?{query}&format=xlsx"),
    };
    ui.render(state, Some(actor), "statistics_outcomes.html", "statistics-outcome-title", context)
}

/// A row per scale of each measure; hidden figures are empty, and a note says why.
fn download(page: &Page, found: &PublishedRelease, format: Format) -> Result<Response, WebError> {
    let Page { state, ui, .. } = page;
    let language = ui.lang;
    let header: Vec<String> = [
        "statistics-outcome-measure-column",
        "statistics-outcome-scale",
        "statistics-outcome-pairs",
        "statistics-outcome-mean-change",
        "statistics-outcome-ci-lower",
        "statistics-outcome-ci-upper",
        "statistics-outcome-dz",
    ]
    .iter()
    .map(|key| t(state, ui, key))
    .collect();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for change in &found.contents.outcomes {
        let title = title_of(page, change);
        for scale in &change.scales {
            let f = scale.figures.as_ref();
            rows.push(vec![
                Cell::from(title.clone()),
                Cell::from(label_in(&scale.label, language.code(), &scale.scale_id)),
                Cell::from(f.map(|f| f.n as i64)),
                Cell::from(f.and_then(|f| f.mean_change)),
                Cell::from(f.and_then(|f| f.ci_lower)),
                Cell::from(f.and_then(|f| f.ci_upper)),
                Cell::from(f.and_then(|f| f.cohens_dz)),
            ]);
        }
    }
    rows.push(vec![Cell::from(t(state, ui, "statistics-outcome-download-note"))]);
    let table = Table { sheet: "outcome_change".to_string(), header, rows };
    let bytes = crate::export::write(format, &[table])?;
    let stem = format!("{}-{}-outcome-change", found.programme.slug, found.release.year);
    Ok(crate::services::questionnaires::results::Download {
        bytes,
        content_type: format.content_type(),
        file_name: crate::services::questionnaires::results::file_name(&stem, format),
    }
    .into_response())
}
