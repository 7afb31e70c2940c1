//! Scoring rules kept beside a questionnaire, and the scores they give a set of answers.
//!
//! FHIR has no standard for scoring, so samla keeps its own JSON document per questionnaire
//! (in `data/questionnaires/<slug>.scoring.json` for the shipped ones). One document serves
//! every language of the questionnaire, since they share url and linkIds:
//!
//! ```json
//! {
//!   "questionnaire": "urn:samla:questionnaire:example",
//!   "scales": [{
//!     "id": "wellbeing",
//!     "label": { "nb": "Trivsel", "en": "Well-being" },
//!     "items": ["q1", "q2", "q3", "q4"],
//!     "method": "sum",
//!     "min": 0, "max": 2,
//!     "reverse": ["q3"],
//!     "max_missing": 1,
//!     "bands": [
//!       { "code": "low", "label": { "nb": "Lav", "en": "Low" }, "from": 0 },
//!       { "code": "high", "label": { "nb": "Høy", "en": "High" }, "from": 6 }
//!     ],
//!     "subscales": [{
//!       "id": "wellbeing-home", "label": { "nb": "Hjemme", "en": "At home" },
//!       "items": ["q1", "q2"], "method": "mean", "max_missing": 0
//!     }]
//!   }]
//! }
//! ```
//!
//! - `questionnaire`: the url of the questionnaire the rules are for.
//! - `items`: linkIds of integer or decimal items with minValue and maxValue, or of choices
//!   with an ordinal value on every option; none may repeat. An item counts as its number or
//!   its chosen option's ordinal value.
//! - `method`: `sum` or `mean` of the items' values.
//! - `min`, `max`: the least and greatest value any item of the scale can have. A
//!   `reverse` item counts as `min + max - value`, so a 0–2 item answered 0 counts 2.
//! - `max_missing` (default 0): with at most this many items unanswered the score is
//!   prorated: a sum becomes `sum × items / answered`, a mean is the mean of the answered
//!   items. With more missing there is no score. It must leave at least one item.
//! - `bands` (optional): cut-offs in rising order of `from`; a score gets the last band whose
//!   `from` it reaches, and no band below the first.
//! - `subscales` (optional): scales on some of the scale's items, with their own method,
//!   missing rule and bands; they share the scale's `min`, `max` and `reverse`.
//! - `id` and band `code` are 1–60 lower-case letters, digits and dashes; ids are unique in
//!   the document. `label` maps language codes to display texts.
//!
//! Scores are not rounded here; pages round when they show them.

mod check;
mod compute;
#[cfg(test)]
mod tests;

pub use check::{import_rules, parse_rules, validate_rules};
pub use compute::{score, Outcome, ScaleScore, Scores};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Language code → text.
pub type Labels = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    pub questionnaire: String,
    pub scales: Vec<Scale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub label: Labels,
    pub items: Vec<String>,
    pub method: Method,
    pub min: f64,
    pub max: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reverse: Vec<String>,
    #[serde(default)]
    pub max_missing: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscales: Vec<Subscale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    pub id: String,
    pub label: Labels,
    pub items: Vec<String>,
    pub method: Method,
    #[serde(default)]
    pub max_missing: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Sum,
    Mean,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub code: String,
    pub label: Labels,
    /// The least score in the band.
    pub from: f64,
}

impl Scale {
    /// The least and greatest score of a scale of `count` items.
    pub(crate) fn range(&self, method: Method, count: usize) -> (f64, f64) {
        match method {
            Method::Sum => (self.min * count as f64, self.max * count as f64),
            Method::Mean => (self.min, self.max),
        }
    }
}
