//! Results pages: one round's results, a course's evaluation (every round) and its outcome
//! change, each with charts drawn on the server beside their tables, and downloads as CSV
//! or XLSX. Read with `ViewEvaluationResults` on the course.

use crate::charts::{self, Bar, Change};
use crate::error::WebError;
use crate::export::Format;
use crate::http::ids::id_of;
use crate::pages::Page;
use crate::pages::PathId;
use crate::services::questionnaires::results::{self as service, OutcomeChange, RoundResults};
use crate::AppState;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use minijinja::{context, Value};
use samla_domain::accounts::Language;
use samla_domain::reports::evaluation::{PositiveRule, MIN_ANSWERS_SHOWN};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/questionnaire-rounds/{id}/results", get(round))
        .route("/questionnaire-rounds/{id}/results/export", get(export_round))
        .route("/courses/{id}/evaluation", get(course))
        .route("/courses/{id}/evaluation/export", get(export_course))
        .route("/courses/{id}/outcome-change", get(outcome))
}

/// A number with `decimals` decimals, with a decimal comma in Norwegian.
pub(in crate::pages) fn number(language: Language, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text[1..].to_string()
    } else {
        text
    };
    match language {
        Language::NorwegianBokmal => text.replace('.', ",").replacen('-', "−", 1),
        Language::English => text.replacen('-', "−", 1),
    }
}

pub(in crate::pages) fn optional(language: Language, value: Option<f64>, decimals: usize) -> Option<String> {
    value.map(|v| number(language, v, decimals))
}

fn percent(language: Language, proportion: f64) -> String {
    format!("{}\u{a0}%", number(language, proportion * 100.0, 0))
}

/// A p-value as "= 0.123", or "< 0.001" when smaller.
fn p_value(language: Language, p: f64) -> String {
    if p < 0.001 {
        format!("< {}", number(language, 0.001, 3))
    } else {
        format!("= {}", number(language, p, 3))
    }
}

pub(in crate::pages) fn round_value(state: &AppState, language: Language, results: &RoundResults) -> Value {
    let i18n = &state.i18n;
    let round = &results.round;
    let summary = &results.summary;
    let items: Vec<Value> = summary
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let chart = (!item.options.is_empty()).then(|| {
                let bars: Vec<Bar> = item
                    .options
                    .iter()
                    .map(|o| Bar {
                        label: option_label(state, language, &o.display, item.kind),
                        value: o.count as f64,
                        shown: match o.proportion {
                            Some(p) => format!("{} ({})", o.count, percent(language, p)),
                            None => o.count.to_string(),
                        },
                    })
                    .collect();
                let description = i18n.text(language, "qres-chart-distribution", &[("n", item.n.to_string())]);
                charts::bar_chart(
                    &format!("round-{}-item-{index}", round.id),
                    &item.text,
                    &description,
                    &bars,
                    item.n as f64,
                )
            });
            let descriptives = item.descriptives.as_ref();
            context! {
                index => index,
                link_id => item.link_id.clone(),
                text => item.text.clone(),
                kind => item.kind,
                n => item.n,
                options => item.options.iter().map(|o| context! {
                    label => option_label(state, language, &o.display, item.kind),
                    ordinal => optional(language, o.ordinal, 0),
                    count => o.count,
                    share => o.proportion.map(|p| percent(language, p)),
                }).collect::<Vec<_>>(),
                mean => optional(language, descriptives.and_then(|d| d.mean), 2),
                sd => optional(language, descriptives.and_then(|d| d.sd), 2),
                median => optional(language, descriptives.and_then(|d| d.median), 1),
                positive => item.share_positive.as_ref().map(|s| context! {
                    share => percent(language, s.proportion),
                    count => s.count,
                    n => s.n,
                    rule => match s.rule {
                        PositiveRule::TopTwo => "top-two",
                        PositiveRule::TopOne => "top-one",
                        PositiveRule::Yes => "yes",
                        PositiveRule::True => "true",
                    },
                }),
                free_text => item.free_text.clone(),
                chart => chart,
            }
        })
        .collect();
    let scales: Vec<Value> = summary
        .scales
        .iter()
        .map(|s| {
            context! {
                label => s.label.clone(),
                subscale => s.parent.is_some(),
                n => s.descriptives.n,
                mean => optional(language, s.descriptives.mean, 2),
                sd => optional(language, s.descriptives.sd, 2),
                median => optional(language, s.descriptives.median, 1),
                not_scored => s.not_scored,
            }
        })
        .collect();
    context! {
        id => round.id,
        title => round.title.clone(),
        audience => round.audience.clone(),
        mode => round.mode.clone(),
        timing => round.timing.clone(),
        opens_on => round.opens_on.clone(),
        closes_on => round.closes_on.clone(),
        closed => round.closed,
        released => summary.released,
        responses => summary.responses,
        shown => summary.shown,
        items => items,
        scales => scales,
    }
}

/// Booleans' options are `true`/`false`; show them as yes and no.
fn option_label(state: &AppState, language: Language, display: &str, kind: &str) -> String {
    match (kind, display) {
        ("boolean", "true") => state.i18n.text(language, "qres-yes", &[]),
        ("boolean", "false") => state.i18n.text(language, "qres-no", &[]),
        _ => display.to_string(),
    }
}

async fn round(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let results = service::round_results_in(&state, &actor, id, ui.lang.code()).await?;
    let (course, _) = service::round_for_results(&state, &actor, id).await?;
    let context = context! {
        course => context! { id => course.id, name => course.name.clone() },
        r => round_value(&state, ui.lang, &results),
        threshold => MIN_ANSWERS_SHOWN,
    };
    ui.render(&state, Some(&actor), "questionnaire_results.html", "qres-round-title", context)
}

async fn course(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let evaluation = service::course_evaluation_in(&state, &actor, id, ui.lang.code()).await?;
    let rounds: Vec<Value> = evaluation.rounds.iter().map(|r| round_value(&state, ui.lang, r)).collect();
    let context = context! {
        course => context! { id => evaluation.course_id, name => evaluation.course_name.clone() },
        rounds => rounds,
        threshold => MIN_ANSWERS_SHOWN,
    };
    ui.render(&state, Some(&actor), "questionnaire_results_course.html", "qres-course-title", context)
}

pub(in crate::pages) fn outcome_value(state: &AppState, language: Language, change: &OutcomeChange) -> Vec<Value> {
    let i18n = &state.i18n;
    let reason = |code: Option<&str>| code.map(|c| i18n.text(language, &format!("qres-{c}"), &[]));
    change
        .comparisons
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let to = i18n.text(language, &format!("qres-to-{}", c.to.replace('_', "-")), &[]);
            let bars: Vec<Change> = c
                .scales
                .iter()
                .filter_map(|s| {
                    let f = &s.figures;
                    Some(Change {
                        label: s.label.clone(),
                        mean: f.mean_change?,
                        lower: f.ci_lower,
                        upper: f.ci_upper,
                        shown: number(language, f.mean_change?, 2),
                    })
                })
                .collect();
            let chart = (!bars.is_empty()).then(|| {
                let title = format!("{} – {}", c.title, to);
                let description = i18n.text(language, "qres-chart-change", &[]);
                charts::change_chart(&format!("change-{index}"), &title, &description, &bars)
            });
            context! {
                index => index,
                title => c.title.clone(),
                audience => c.audience.clone(),
                to => to,
                chart => chart,
                scales => c.scales.iter().map(|s| {
                    let f = &s.figures;
                    context! {
                        label => s.label.clone(),
                        subscale => s.parent.is_some(),
                        n => f.n,
                        unpaired => s.unpaired,
                        mean_before => optional(language, f.mean_before, 2),
                        mean_after => optional(language, f.mean_after, 2),
                        mean_change => optional(language, f.mean_change, 2),
                        ci => match (f.ci_lower, f.ci_upper) {
                            (Some(l), Some(u)) => Some(format!("{} – {}", number(language, l, 2), number(language, u, 2))),
                            _ => None,
                        },
                        ci_withheld => reason(f.ci_withheld),
                        t => f.t.map(|t| number(language, t, 2)),
                        df => f.df,
                        t_p => f.t_p.map(|p| p_value(language, p)),
                        t_withheld => reason(f.t_withheld),
                        wilcoxon_p => f.wilcoxon_p.map(|p| p_value(language, p)),
                        wilcoxon_withheld => reason(f.wilcoxon_withheld),
                        dz => optional(language, f.cohens_dz, 2),
                        dz_withheld => reason(f.cohens_dz_withheld),
                    }
                }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

/// The identified rounds still open, which the outcome change leaves out until they close.
pub(in crate::pages) fn pending_value(change: &OutcomeChange) -> Vec<Value> {
    change
        .pending_rounds
        .iter()
        .map(|p| {
            context! {
                id => p.id,
                title => p.title.clone(),
                audience => p.audience.clone(),
                timing => p.timing.replace('_', "-"),
                closes_on => p.closes_on.clone(),
            }
        })
        .collect()
}

async fn outcome(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let change = service::course_outcome_change_in(&state, &actor, id, ui.lang.code()).await?;
    let context = context! {
        course => context! { id => change.course_id, name => change.course_name.clone() },
        comparisons => outcome_value(&state, ui.lang, &change),
        pending => pending_value(&change),
    };
    ui.render(&state, Some(&actor), "questionnaire_results_outcome.html", "qres-outcome-title", context)
}

/// The format of a download; anything but csv or xlsx is not a page.
fn format_of(query: &HashMap<String, String>) -> Result<Format, WebError> {
    query.get("format").and_then(|f| Format::parse(f)).ok_or(WebError::NotFound)
}

async fn export_round(
    Page { state, ui, actor }: Page,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let format = format_of(&query)?;
    Ok(service::export_round(&state, &actor, id_of(&id)?, format, ui.lang.code()).await?.into_response())
}

async fn export_course(
    Page { state, ui, actor }: Page,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let format = format_of(&query)?;
    Ok(service::export_course(&state, &actor, id_of(&id)?, format, ui.lang.code()).await?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Language::NorwegianBokmal, 2.345, 2), "2,35");
        assert_eq!(number(Language::English, -0.5, 1), "−0.5");
        assert_eq!(number(Language::English, -0.001, 2), "0.00");
        assert_eq!(percent(Language::English, 0.6), "60\u{a0}%");
        assert_eq!(p_value(Language::English, 0.0001), "< 0.001");
    }
}
