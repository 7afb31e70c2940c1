//! The printable course report: one page with a section per table, laid out for paper
//! by its own stylesheet (no navigation, each section on a new page), printed with the
//! browser's own print command, so no script is needed.

use crate::error::WebError;
use crate::pages::questionnaires::results::{outcome_value, pending_value, round_value};
use crate::pages::Page;
use crate::pages::PathId;
use crate::services::reports::course_report as service;
use crate::AppState;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;

pub fn routes() -> Router<AppState> {
    Router::new().route("/courses/{id}/report", get(report)).route("/static/course-report.css", get(stylesheet))
}

/// The report's own layout for screen and paper, kept apart from samla.css.
async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../../static/course-report.css"),
    )
}

async fn report(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let report = service::course_report(&state, &actor, id, ui.lang.code()).await?;
    let rounds: Vec<Value> = report.evaluation.rounds.iter().map(|r| round_value(&state, ui.lang, r)).collect();
    let context = minijinja::context! {
        report => Value::from_serialize(&report),
        // The results pages' own values, so the report shows them with the same partial.
        rounds => rounds,
        comparisons => outcome_value(&state, ui.lang, &report.outcome_change),
        pending => pending_value(&report.outcome_change),
        threshold => report.evaluation.threshold,
        course => minijinja::context! { id => report.course.id, name => report.course.name.clone() },
    };
    ui.render(&state, Some(&actor), "course_report.html", "crep-title", context)
}

#[cfg(test)]
mod tests {
    use samla_domain::accounts::Language;

    /// The template's keys, written there only (the i18n test scans Rust, not templates).
    #[test]
    fn the_templates_keys_exist() {
        let i18n = crate::i18n::I18n::load();
        let source = include_str!("../../../templates/course_report.html");
        let keys: Vec<&str> = source
            .split("t(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|key| !key.ends_with('-'))
            .collect();
        assert!(keys.len() > 40, "found {} keys", keys.len());
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, key), "{key} missing in {}", language.code());
            }
        }
    }
}
