//! Results of rounds: one round's summary, a course's evaluation (every round), and the
//! change in scored scales between the identified rounds before and at the end (or the
//! follow-up) of a course.
//!
//! Read with `ViewEvaluationResults` on the course (coordinators and analysts all courses,
//! group leaders and user representatives the courses they work on). Whether anonymous or
//! not, a round shows its count of answers only
//! - until its results are released, when it closes (closed by staff, or its closing day
//!   has passed in the organisation's time zone): results that changed with every answer
//!   would tell, read before and after one more answer, what that answer was — and who has
//!   answered is known, for reminders. Released results never change: the round takes no
//!   answer after (see `rounds::release_closed`);
//! - when it has fewer than [`MIN_ANSWERS_SHOWN`] responses: a distribution of a few
//!   answers tells staff who know who answered what each one said.
//!
//! The outcome change is computed from released rounds only, for the same reason.
//! Nothing here names a respondent, so reads are not audited.
//!
//! Every result is `Serialize` so the course report can embed it as it is.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::course_access::OnCourse;
use crate::services::questionnaires::library::{load_version, LoadedVersion};
use crate::services::questionnaires::rounds::release_closed;
use crate::AppState;
use samla_domain::questionnaires::answers::Answers;
use samla_domain::questionnaires::rounds::{Audience, Mode, Timing};
use samla_domain::questionnaires::scoring::Scores;
use samla_domain::reports::evaluation::{self, ScaleChange, Summary, Withheld, MIN_ANSWERS_SHOWN};
use samla_domain::Action;
use samla_storage::questionnaires::results as store;
use samla_storage::questionnaires::rounds::{self, Round};
use samla_storage::StoreError;
use serde::Serialize;
use sqlx::AnyConnection;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The language results are given in when the caller names none.
pub const DEFAULT_LANGUAGE: &str = "nb";

/// A round as results describe it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundInfo {
    pub id: i64,
    pub course_id: i64,
    pub session_id: Option<i64>,
    pub questionnaire_id: i64,
    pub version_id: i64,
    pub version_number: i64,
    /// The questionnaire's title in the language asked for.
    pub title: String,
    /// `participants`, `guardians` or `staff`.
    pub audience: String,
    /// `anonymous` or `identified`.
    pub mode: String,
    /// `session`, `before`, `end`, `follow_up` or `other`.
    pub timing: String,
    #[schema(value_type = String, format = Date)]
    pub opens_on: String,
    /// The last day to answer; results are released when it has passed (in the
    /// organisation's time zone), or sooner when staff close the round.
    #[schema(value_type = String, format = Date)]
    pub closes_on: String,
    /// Whether the round takes no more answers: closed by staff or past its last day.
    pub closed: bool,
    /// Whether the results are released: the round has closed, and they never change after.
    /// Until then only the count of answers is given.
    pub results_released: bool,
}

/// One round's results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundResults {
    pub round: RoundInfo,
    /// The count of answers always (`responses`); items and scales only once the round has
    /// closed and its results are released (`released`), and then only from `threshold`
    /// responses on (`shown`). `withheld` says why they are not shown: `not_released` or
    /// `too_few_responses`. Released results never change.
    #[schema(value_type = Object)]
    pub summary: Summary,
}

/// Every round of a course with its results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseEvaluation {
    pub course_id: i64,
    pub course_name: String,
    /// Results are shown once a round has closed, from this many responses on.
    pub threshold: usize,
    pub rounds: Vec<RoundResults>,
}

/// The change of one questionnaire's scales, for one audience, from before the course to
/// its end or follow-up.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Comparison {
    pub questionnaire_id: i64,
    pub title: String,
    pub audience: String,
    /// `end` or `follow_up`.
    pub to: String,
    pub before_rounds: Vec<i64>,
    pub after_rounds: Vec<i64>,
    /// Per scale and subscale: n, mean change with its 95 % CI, t-test, Wilcoxon, d_z;
    /// a withheld figure is null with its reason's code beside it.
    #[schema(value_type = Vec<Object>)]
    pub scales: Vec<ScaleChange>,
}

/// An identified round before, at the end or at the follow-up that is still open: it
/// takes part in the outcome change once it has closed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PendingRound {
    pub id: i64,
    pub title: String,
    pub audience: String,
    /// `before`, `end` or `follow_up`.
    pub timing: String,
    /// The last day to answer.
    #[schema(value_type = String, format = Date)]
    pub closes_on: String,
}

/// A course's outcome change: every comparison its closed identified rounds allow.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutcomeChange {
    pub course_id: i64,
    pub course_name: String,
    pub comparisons: Vec<Comparison>,
    /// Identified rounds still open, left out until they close.
    pub pending_rounds: Vec<PendingRound>,
}

async fn connection(state: &AppState) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, WebError> {
    Ok(state.store.pool().acquire().await.map_err(StoreError::from)?)
}

/// The round and its course, if the actor may see the course's results (404 for a round of
/// another organisation, 403 outside the actor's courses).
pub async fn round_for_results(state: &AppState, actor: &Actor, round_id: i64) -> Result<(OnCourse, Round), WebError> {
    let results = actor.course_scope(state, Action::ViewEvaluationResults).await?;
    let round = rounds::get(&mut *connection(state).await?, actor.organisation.id, round_id).await?;
    let course = results.course(state, actor, round.course_id).await?;
    Ok((course, round))
}

/// One round's results, in nb.
pub async fn round_results(state: &AppState, actor: &Actor, round_id: i64) -> Result<RoundResults, WebError> {
    round_results_in(state, actor, round_id, DEFAULT_LANGUAGE).await
}

/// One round's results, texts in `language` where the questionnaire has it.
pub async fn round_results_in(
    state: &AppState,
    actor: &Actor,
    round_id: i64,
    language: &str,
) -> Result<RoundResults, WebError> {
    let (_, round) = round_for_results(state, actor, round_id).await?;
    let mut rounds = [round];
    release_closed(state, actor, &mut rounds).await?;
    let mut conn = connection(state).await?;
    let mut versions = HashMap::new();
    summarise_round(&mut conn, &mut versions, &rounds[0], language).await
}

/// Every round of the course with its results, in nb.
pub async fn course_evaluation(state: &AppState, actor: &Actor, course_id: i64) -> Result<CourseEvaluation, WebError> {
    course_evaluation_in(state, actor, course_id, DEFAULT_LANGUAGE).await
}

pub async fn course_evaluation_in(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    language: &str,
) -> Result<CourseEvaluation, WebError> {
    let (course_name, rounds, mut conn) = released_of_course(state, actor, course_id).await?;
    let mut versions = HashMap::new();
    let mut results = Vec::new();
    for round in &rounds {
        results.push(summarise_round(&mut conn, &mut versions, round, language).await?);
    }
    Ok(CourseEvaluation { course_id, course_name, threshold: MIN_ANSWERS_SHOWN, rounds: results })
}

/// The course's outcome change, in nb.
pub async fn course_outcome_change(state: &AppState, actor: &Actor, course_id: i64) -> Result<OutcomeChange, WebError> {
    course_outcome_change_in(state, actor, course_id, DEFAULT_LANGUAGE).await
}

/// Identified rounds are grouped by questionnaire and audience (a parent's form about a
/// child and the child's own form are different measurements of the same subject); each
/// group with a `before` round is compared with its `end` rounds and its `follow_up` rounds.
pub async fn course_outcome_change_in(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    language: &str,
) -> Result<OutcomeChange, WebError> {
    let (course_name, rounds, mut conn) = released_of_course(state, actor, course_id).await?;
    let mut versions: HashMap<i64, LoadedVersion> = HashMap::new();
    let mut groups: Vec<OutcomeGroup> = Vec::new();
    let mut pending_rounds = Vec::new();
    for round in rounds {
        if round.mode != Mode::Identified || !matches!(round.timing, Timing::Before | Timing::End | Timing::FollowUp) {
            continue;
        }
        if round.results_released_at.is_none() {
            let title = version(&mut conn, &mut versions, round.version_id).await?.title(language).to_string();
            pending_rounds.push(PendingRound {
                id: round.id,
                title,
                audience: round.audience.as_str().to_string(),
                timing: round.timing.as_str().to_string(),
                closes_on: round.closes_on.clone(),
            });
            continue;
        }
        let questionnaire_id = store::questionnaire_of_version(&mut conn, round.version_id).await?;
        let mut scores = Vec::new();
        for (subject, json) in store::scores_by_subject(&mut conn, round.id).await? {
            scores.push((subject, parse_scores(&json)?));
        }
        let key = (questionnaire_id, round.audience);
        let index = match groups.iter().position(|g| g.key == key) {
            Some(index) => index,
            None => {
                groups.push(OutcomeGroup { key, by_timing: HashMap::new(), version_id: round.version_id });
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        if round.timing == Timing::Before {
            // The rules of the latest before round name the scales.
            group.version_id = round.version_id;
        }
        group.by_timing.entry(round.timing).or_default().push((round.id, scores));
    }
    let mut comparisons = Vec::new();
    for OutcomeGroup { key: (questionnaire_id, audience), by_timing, version_id } in groups {
        let Some(before) = by_timing.get(&Timing::Before) else { continue };
        let version = version(&mut conn, &mut versions, version_id).await?;
        let title = version.title(language).to_string();
        let rules = version.scoring.clone();
        let before_scores: Vec<(i64, Scores)> = before.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        for to in [Timing::End, Timing::FollowUp] {
            let Some(after) = by_timing.get(&to) else { continue };
            let after_scores: Vec<(i64, Scores)> = after.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
            let scales = evaluation::outcome_change(rules.as_ref(), language, &before_scores, &after_scores)
                .map_err(|e| WebError::Internal(format!("stored scores out of range: {e:?}")))?;
            comparisons.push(Comparison {
                questionnaire_id,
                title: title.clone(),
                audience: audience.as_str().to_string(),
                to: to.as_str().to_string(),
                before_rounds: before.iter().map(|(id, _)| *id).collect(),
                after_rounds: after.iter().map(|(id, _)| *id).collect(),
                scales,
            });
        }
    }
    Ok(OutcomeChange { course_id, course_name, comparisons, pending_rounds })
}

/// The course's rounds (of the actor's organisation), those that have closed released first.
/// What the course's result pages read: the course's name (for one who may see its
/// results), its released rounds and a connection to read their answers.
async fn released_of_course(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
) -> Result<(String, Vec<Round>, sqlx::pool::PoolConnection<sqlx::Any>), WebError> {
    let course = actor.on_course(state, Action::ViewEvaluationResults, course_id).await?;
    let rounds = released_rounds_of(state, actor, course_id).await?;
    Ok((course.into_course().name, rounds, connection(state).await?))
}

async fn released_rounds_of(state: &AppState, actor: &Actor, course_id: i64) -> Result<Vec<Round>, WebError> {
    let mut rounds = store::rounds_of_course(&mut *connection(state).await?, actor.organisation.id, course_id).await?;
    release_closed(state, actor, &mut rounds).await?;
    Ok(rounds)
}

/// A round's id with its scores by subject.
type RoundScores = (i64, Vec<(i64, Scores)>);

/// The identified rounds of one questionnaire and audience, by timing, each with its
/// scores by subject; `version_id` is the version whose rules name the scales.
struct OutcomeGroup {
    key: (i64, Audience),
    by_timing: HashMap<Timing, Vec<RoundScores>>,
    version_id: i64,
}

async fn version<'v>(
    conn: &mut AnyConnection,
    versions: &'v mut HashMap<i64, LoadedVersion>,
    version_id: i64,
) -> Result<&'v LoadedVersion, WebError> {
    if let std::collections::hash_map::Entry::Vacant(entry) = versions.entry(version_id) {
        entry.insert(load_version(conn, version_id).await?);
    }
    Ok(&versions[&version_id])
}

fn parse_scores(json: &str) -> Result<Scores, WebError> {
    serde_json::from_str(json).map_err(|e| WebError::Internal(format!("stored scores do not read: {e}")))
}

async fn summarise_round(
    conn: &mut AnyConnection,
    versions: &mut HashMap<i64, LoadedVersion>,
    round: &Round,
    language: &str,
) -> Result<RoundResults, WebError> {
    let version = version(conn, versions, round.version_id).await?;
    let released = round.results_released_at.is_some();
    let summary = if released {
        let responses = samla_storage::questionnaires::responses::list_for_round(conn, round.id).await?;
        let mut answers = Vec::with_capacity(responses.len());
        let mut scores = Vec::new();
        for response in &responses {
            let parsed: Answers = serde_json::from_str(&response.answers).map_err(|e| {
                WebError::Internal(format!("stored answers of response {} do not read: {e}", response.id))
            })?;
            answers.push(parsed);
            if let Some(json) = &response.scores {
                scores.push(parse_scores(json)?);
            }
        }
        evaluation::summarise(version.definition(language), version.scoring.as_ref(), language, true, &answers, &scores)
    } else {
        // An open round's answers are not even read: only their count is given.
        let count = store::response_count(conn, round.id).await?;
        evaluation::unreleased(usize::try_from(count).unwrap_or_default())
    };
    Ok(RoundResults {
        round: RoundInfo {
            id: round.id,
            course_id: round.course_id,
            session_id: round.session_id,
            questionnaire_id: version.questionnaire_id,
            version_id: round.version_id,
            version_number: version.number,
            title: version.title(language).to_string(),
            audience: round.audience.as_str().to_string(),
            mode: round.mode.as_str().to_string(),
            timing: round.timing.as_str().to_string(),
            opens_on: round.opens_on.clone(),
            closes_on: round.closes_on.clone(),
            // Every read releases a round past its last day first, so released means closed then.
            closed: round.closed_at.is_some() || released,
            results_released: released,
        },
        summary,
    })
}

/// The column names of a results export (stable, in English, for scripts that read them).
pub const EXPORT_HEADER: [&str; 17] = [
    "round_id",
    "questionnaire",
    "timing",
    "mode",
    "responses",
    "row",
    "link_id",
    "question",
    "answer",
    "ordinal",
    "count",
    "proportion",
    "n",
    "mean",
    "sd",
    "median",
    "share_positive",
];

/// One round's results as rows of an export: per item a row with its n, mean and share
/// positive, then a row per option, then a row per free text; per scale a row with its
/// scores described. Before the round's results are released, or below the threshold, one
/// `withheld` row with the count only.
pub fn export_rows(results: &RoundResults) -> Vec<Vec<crate::export::Cell>> {
    use crate::export::Cell;
    let round = &results.round;
    let summary = &results.summary;
    let lead = |row: &str| -> Vec<Cell> {
        vec![
            Cell::from(round.id),
            Cell::from(round.title.as_str()),
            Cell::from(round.timing.as_str()),
            Cell::from(round.mode.as_str()),
            Cell::from(summary.responses),
            Cell::from(row),
        ]
    };
    let mut rows = Vec::new();
    if !summary.shown {
        // The count only, and why in the `answer` column: not_released or too_few_responses.
        let mut row = lead("withheld");
        let reason = match summary.withheld {
            Some(Withheld::NotReleased) => "not_released",
            Some(Withheld::TooFewResponses) | None => "too_few_responses",
        };
        row.extend([Cell::Empty, Cell::Empty, Cell::from(reason)]);
        rows.push(row);
        return rows;
    }
    for item in &summary.items {
        let d = item.descriptives.as_ref();
        let stats = [
            Cell::from(item.n),
            Cell::from(d.and_then(|d| d.mean)),
            Cell::from(d.and_then(|d| d.sd)),
            Cell::from(d.and_then(|d| d.median)),
            Cell::from(item.share_positive.as_ref().map(|s| s.proportion)),
        ];
        rows.push(descriptives_row(lead("item"), &item.link_id, &item.text, stats));
        for option in &item.options {
            let mut row = lead("option");
            row.extend([
                Cell::from(item.link_id.as_str()),
                Cell::from(item.text.as_str()),
                Cell::from(option.display.as_str()),
                Cell::from(option.ordinal),
                Cell::from(option.count),
                Cell::from(option.proportion),
                Cell::from(item.n),
            ]);
            rows.push(row);
        }
        for text in &item.free_text {
            let mut row = lead("free_text");
            row.extend([Cell::from(item.link_id.as_str()), Cell::from(item.text.as_str()), Cell::from(text.as_str())]);
            rows.push(row);
        }
    }
    for scale in &summary.scales {
        let d = &scale.descriptives;
        let stats = [Cell::from(d.n), Cell::from(d.mean), Cell::from(d.sd), Cell::from(d.median)];
        rows.push(descriptives_row(lead("scale"), &scale.id, &scale.label, stats));
    }
    rows
}

/// An export row of an item's or a scale's descriptives: after `row`'s leading columns its
/// id and text, the four answer columns empty, then `stats` (n, mean, sd, median and for an
/// item the share of positive answers).
fn descriptives_row<const N: usize>(
    mut row: Vec<crate::export::Cell>,
    id: &str,
    text: &str,
    stats: [crate::export::Cell; N],
) -> Vec<crate::export::Cell> {
    use crate::export::Cell;
    row.extend([Cell::from(id), Cell::from(text), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
    row.extend(stats);
    row
}

/// One round's results as an export table.
pub fn round_table(results: &RoundResults) -> crate::export::Table {
    crate::export::Table {
        sheet: format!("{} {}", results.round.id, results.round.title),
        header: EXPORT_HEADER.iter().map(|h| h.to_string()).collect(),
        rows: export_rows(results),
    }
}

/// The outcome change as an export table: a row per comparison and scale.
pub fn outcome_table(change: &OutcomeChange) -> crate::export::Table {
    use crate::export::Cell;
    let header = [
        "questionnaire",
        "audience",
        "to",
        "scale",
        "label",
        "n",
        "unpaired",
        "mean_before",
        "mean_after",
        "mean_change",
        "sd_change",
        "ci_lower",
        "ci_upper",
        "t",
        "df",
        "t_p",
        "wilcoxon_statistic",
        "wilcoxon_p",
        "cohens_dz",
        "withheld",
    ];
    let mut rows = Vec::new();
    for c in &change.comparisons {
        for s in &c.scales {
            let f = &s.figures;
            let withheld: Vec<&str> = [f.ci_withheld, f.t_withheld, f.wilcoxon_withheld, f.cohens_dz_withheld]
                .into_iter()
                .flatten()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            rows.push(vec![
                Cell::from(c.title.as_str()),
                Cell::from(c.audience.as_str()),
                Cell::from(c.to.as_str()),
                Cell::from(s.scale_id.as_str()),
                Cell::from(s.label.as_str()),
                Cell::from(f.n),
                Cell::from(s.unpaired),
                Cell::from(f.mean_before),
                Cell::from(f.mean_after),
                Cell::from(f.mean_change),
                Cell::from(f.sd_change),
                Cell::from(f.ci_lower),
                Cell::from(f.ci_upper),
                Cell::from(f.t),
                Cell::from(f.df),
                Cell::from(f.t_p),
                Cell::from(f.wilcoxon_statistic),
                Cell::from(f.wilcoxon_p),
                Cell::from(f.cohens_dz),
                Cell::from(withheld.join(" ")),
            ]);
        }
    }
    crate::export::Table {
        sheet: "Outcome change".into(),
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

/// The course's evaluation as export tables: every round in one table (the CSV), then one
/// sheet per round and the outcome change (the XLSX).
pub fn evaluation_tables(evaluation: &CourseEvaluation, change: &OutcomeChange) -> Vec<crate::export::Table> {
    let mut tables = vec![crate::export::Table {
        sheet: "Evaluation".into(),
        header: EXPORT_HEADER.iter().map(|h| h.to_string()).collect(),
        rows: evaluation.rounds.iter().flat_map(export_rows).collect(),
    }];
    tables.extend(evaluation.rounds.iter().map(round_table));
    tables.push(outcome_table(change));
    tables
}

/// A file name for a download: the stem's letters and digits, dashes for the rest.
pub fn file_name(stem: &str, format: crate::export::Format) -> String {
    let cleaned: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let cleaned = cleaned.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    format!("{}.{}", if cleaned.is_empty() { "results" } else { &cleaned }, format.extension())
}

/// The bytes, content type and file name of a download.
pub struct Download {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

/// One round's results as a download.
pub async fn export_round(
    state: &AppState,
    actor: &Actor,
    round_id: i64,
    format: crate::export::Format,
    language: &str,
) -> Result<Download, WebError> {
    let results = round_results_in(state, actor, round_id, language).await?;
    let bytes = crate::export::write(format, &[round_table(&results)])?;
    Ok(Download {
        bytes,
        content_type: format.content_type(),
        file_name: file_name(&format!("round-{round_id}-results"), format),
    })
}

/// A course's evaluation (every round, and the outcome change in XLSX) as a download.
pub async fn export_course(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    format: crate::export::Format,
    language: &str,
) -> Result<Download, WebError> {
    let evaluation = course_evaluation_in(state, actor, course_id, language).await?;
    let change = course_outcome_change_in(state, actor, course_id, language).await?;
    let bytes = crate::export::write(format, &evaluation_tables(&evaluation, &change))?;
    Ok(Download {
        bytes,
        content_type: format.content_type(),
        file_name: file_name(&format!("course-{course_id}-evaluation"), format),
    })
}

impl Download {
    /// The download as a response with its type and an attachment file name.
    pub fn into_response(self) -> axum::response::Response {
        use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
        use axum::response::IntoResponse;
        (
            [
                (CONTENT_TYPE, self.content_type.to_string()),
                (CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", self.file_name)),
                (CACHE_CONTROL, "no-store".to_string()),
            ],
            self.bytes,
        )
            .into_response()
    }
}
