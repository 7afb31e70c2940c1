//! A release's attendance per session of the manual, pooled across the network's courses:
//! a chart of each session's share who came and the table beside it, with CSV and XLSX.

use super::{t, ReleaseQuery};
use crate::charts::{self, Bar};
use crate::error::WebError;
use crate::export::{Cell, Format};
use crate::pages::questionnaires::results::number;
use crate::pages::Page;
use crate::services::statistics::PublishedRelease;
use axum::extract::{Path, Query};
use axum::response::Response;
use minijinja::{context, Value};
use samla_domain::reports::session_attendance::SessionAttendance;

pub async fn attendance_per_session(
    page: Page,
    Path(path): Path<(String, String)>,
    Query(query): Query<ReleaseQuery>,
) -> Result<Response, WebError> {
    super::release_page(&page, path, &query, render, download).await
}

fn session_label(page: &Page, session: &SessionAttendance) -> String {
    page.state.i18n.text(page.ui.lang, "statistics-sessions-session", &[("number", session.number.to_string())])
}

fn render(page: &Page, found: &PublishedRelease) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let language = ui.lang;
    let percent = |rate: f64| format!("{} %", number(language, rate * 100.0, 0));
    let sessions = &found.contents.sessions;
    let bars: Vec<Bar> = sessions
        .iter()
        .filter_map(|s| Some(Bar { label: session_label(page, s), value: s.rate? * 100.0, shown: percent(s.rate?) }))
        .collect();
    let title = t(state, ui, "statistics-sessions-title");
    let chart = (!bars.is_empty())
        .then(|| charts::bar_chart("sessions-chart", &title, &t(state, ui, "statistics-sessions-chart"), &bars, 100.0));
    let rows: Vec<Value> = sessions
        .iter()
        .map(|s| {
            context! {
                label => session_label(page, s),
                courses => s.courses,
                recorded => s.recorded,
                attended => s.attended,
                rate => s.rate.map(percent),
                kept => s.kept,
            }
        })
        .collect();
    let context = context! {
        chart => chart,
        sessions => rows,
        ..super::pooled_context(page, found, super::Current::Sessions)
    };
    ui.render(state, Some(actor), "statistics_sessions.html", "statistics-sessions-title", context)
}

/// A row per session; hidden figures are empty, and a note says why.
fn download(page: &Page, found: &PublishedRelease, format: Format) -> Result<Response, WebError> {
    let header = [
        "statistics-sessions-number",
        "statistics-sessions-courses",
        "statistics-sessions-recorded",
        "statistics-sessions-attended",
        "statistics-sessions-rate",
    ];
    let count = |n: Option<u64>| Cell::from(n.and_then(|n| i64::try_from(n).ok()));
    let rows = found
        .contents
        .sessions
        .iter()
        .map(|s| {
            vec![
                Cell::from(i64::from(s.number)),
                count(Some(s.courses)),
                count(s.recorded),
                count(s.attended),
                Cell::from(s.rate),
            ]
        })
        .collect();
    let file = (format, &header[..], "statistics-sessions-download-note");
    super::pooled_download(page, found, super::Current::Sessions, file, rows)
}
