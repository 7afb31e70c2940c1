//! A release's evaluation answers pooled across the network's courses: per measure each
//! question's answers with small counts hidden, with CSV and XLSX.

use super::{t, ReleaseQuery};
use crate::error::WebError;
use crate::export::{Cell, Format};
use crate::pages::questionnaires::results::{number, optional};
use crate::pages::Page;
use crate::services::statistics::PublishedRelease;
use axum::extract::{Path, Query};
use axum::response::Response;
use minijinja::{context, Value};
use samla_domain::reports::evaluation::label_in;
use samla_domain::reports::pooled_evaluation::PooledEvaluation;

pub async fn evaluation(
    page: Page,
    Path(path): Path<(String, String)>,
    Query(query): Query<ReleaseQuery>,
) -> Result<Response, WebError> {
    super::release_page(&page, path, &query, render, download).await
}

fn title_of(page: &Page, measure: &PooledEvaluation) -> String {
    let title = label_in(&measure.title, page.ui.lang.code(), &measure.version);
    super::measure_title(page, &title, measure.audience.as_str(), measure.timing.as_str())
}

fn percent(language: samla_domain::accounts::Language, share: Option<f64>) -> Option<String> {
    share.map(|s| format!("{}\u{a0}%", number(language, s * 100.0, 0)))
}

fn render(page: &Page, found: &PublishedRelease) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let language = ui.lang;
    let code = language.code();
    let measures: Vec<Value> = found
        .contents
        .evaluations
        .iter()
        .enumerate()
        .map(|(index, measure)| {
            let items: Vec<Value> = measure
                .items
                .iter()
                .map(|item| {
                    context! {
                        text => label_in(&item.text, code, &item.link_id),
                        answered => item.answered,
                        options => item.options.iter().map(|o| context! {
                            display => label_in(&o.display, code, &o.code), count => o.count,
                        }).collect::<Vec<_>>(),
                        share => percent(language, item.share_positive),
                        mean => optional(language, item.mean, 2),
                    }
                })
                .collect();
            context! {
                index => index,
                title => title_of(page, measure),
                courses => measure.courses,
                responses => measure.responses,
                kept => measure.kept,
                items => items,
            }
        })
        .collect();
    let context = context! { measures => measures, ..super::pooled_context(page, found, super::Current::Evaluation) };
    ui.render(state, Some(actor), "statistics_evaluations.html", "statistics-evaluation-title", context)
}

/// A row per answer option of each question; hidden counts are empty, and a note says why.
fn download(page: &Page, found: &PublishedRelease, format: Format) -> Result<Response, WebError> {
    let Page { state, ui, .. } = page;
    let code = ui.lang.code();
    let header = [
        "statistics-outcome-measure-column",
        "statistics-evaluation-question",
        "statistics-evaluation-answer",
        "statistics-evaluation-count",
    ];
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for measure in &found.contents.evaluations {
        let title = title_of(page, measure);
        for item in &measure.items {
            let text = label_in(&item.text, code, &item.link_id);
            for option in &item.options {
                rows.push(vec![
                    Cell::from(title.clone()),
                    Cell::from(text.clone()),
                    Cell::from(label_in(&option.display, code, &option.code)),
                    Cell::from(option.count.map(|n| n as i64)),
                ]);
            }
            rows.push(vec![
                Cell::from(title.clone()),
                Cell::from(text),
                Cell::from(t(state, ui, "statistics-evaluation-answered")),
                Cell::from(item.answered.map(|n| n as i64)),
            ]);
        }
    }
    let file = (format, &header[..], "statistics-download-note");
    super::pooled_download(page, found, super::Current::Evaluation, file, rows)
}
