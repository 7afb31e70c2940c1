//! A release's outcome change pooled across the network's courses: per measure a chart of
//! each scale's mean change with its interval and the table beside it, with CSV and XLSX.

use super::{t, ReleaseQuery};
use crate::charts::{self, Change};
use crate::error::WebError;
use crate::export::{Cell, Format};
use crate::pages::questionnaires::results::{number, optional};
use crate::pages::Page;
use crate::services::statistics::PublishedRelease;
use axum::extract::{Path, Query};
use axum::response::Response;
use minijinja::{context, Value};
use samla_domain::accounts::Language;
use samla_domain::reports::evaluation::label_in;
use samla_domain::reports::pooled::{PooledChange, PooledScale};

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
    let context =
        context! { measures => measures, ..super::pooled_context(page, found, super::Current::OutcomeChange) };
    ui.render(state, Some(actor), "statistics_outcomes.html", "statistics-outcome-title", context)
}

/// A row per scale of each measure; hidden figures are empty, and a note says why.
fn download(page: &Page, found: &PublishedRelease, format: Format) -> Result<Response, WebError> {
    let language = page.ui.lang;
    let header = [
        "statistics-outcome-measure-column",
        "statistics-outcome-scale",
        "statistics-outcome-pairs",
        "statistics-outcome-mean-change",
        "statistics-outcome-ci-lower",
        "statistics-outcome-ci-upper",
        "statistics-outcome-dz",
    ];
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
    let file = (format, &header[..], "statistics-outcome-download-note");
    super::pooled_download(page, found, super::Current::OutcomeChange, file, rows)
}
