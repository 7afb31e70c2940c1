//! Reading scoring rules and checking them against the questionnaire they score.

use super::{Band, Labels, Scale, ScoringRules};
use crate::questionnaires::definition::{ItemKind, Questionnaire};
use crate::questionnaires::problem::{index, join, Problem, ProblemCode};
use std::collections::HashSet;

/// Reads the rules' JSON. A document that does not fit the format gives one problem, at the
/// path where reading stopped.
pub fn parse_rules(json: &str) -> Result<ScoringRules, Vec<Problem>> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![Problem::new(path, ProblemCode::ScoringJson).with_arg("detail", error.inner())]
    })
}

/// [`parse_rules`], then [`validate_rules`]: nothing is imported on any problem.
pub fn import_rules(json: &str, definition: &Questionnaire) -> Result<ScoringRules, Vec<Problem>> {
    let rules = parse_rules(json)?;
    validate_rules(&rules, definition)?;
    Ok(rules)
}

/// Every problem with the rules as rules for this questionnaire, each with its path.
pub fn validate_rules(rules: &ScoringRules, definition: &Questionnaire) -> Result<(), Vec<Problem>> {
    let mut check = Check { definition, problems: Vec::new(), ids: HashSet::new() };
    if rules.questionnaire != definition.url {
        let problem = Problem::new("questionnaire", ProblemCode::ScoringQuestionnaire);
        check.problems.push(problem.with_arg("expected", &definition.url).with_arg("found", &rules.questionnaire));
    }
    if rules.scales.is_empty() {
        check.problems.push(Problem::new("scales", ProblemCode::ScoringNoScales));
    }
    for (i, scale) in rules.scales.iter().enumerate() {
        check.scale(scale, &index("", "scales", i));
    }
    if check.problems.is_empty() {
        Ok(())
    } else {
        Err(check.problems)
    }
}

struct Check<'a> {
    definition: &'a Questionnaire,
    problems: Vec<Problem>,
    ids: HashSet<&'a str>,
}

impl<'a> Check<'a> {
    fn push(&mut self, path: String, code: ProblemCode) {
        self.problems.push(Problem::new(path, code));
    }

    fn scale(&mut self, scale: &'a Scale, path: &str) {
        self.id(&scale.id, path);
        self.label(&scale.label, path);
        if !(scale.min.is_finite() && scale.max.is_finite() && scale.min < scale.max) {
            self.push(join(path, "min"), ProblemCode::ScoringMinAboveMax);
        }
        self.items(&scale.items, path, |check, link_id, here| check.item(scale, link_id, here));
        for (k, link_id) in scale.reverse.iter().enumerate() {
            if !scale.items.contains(link_id) {
                let problem = Problem::new(index(path, "reverse", k), ProblemCode::ScoringReverseNotInScale);
                self.problems.push(problem.with_arg("link_id", link_id));
            }
        }
        self.missing(scale.max_missing, scale.items.len(), path);
        self.bands(&scale.bands, scale.range(scale.method, scale.items.len()), path);
        for (j, subscale) in scale.subscales.iter().enumerate() {
            let here = index(path, "subscales", j);
            self.id(&subscale.id, &here);
            self.label(&subscale.label, &here);
            self.items(&subscale.items, &here, |check, link_id, item_path| {
                if !scale.items.iter().any(|i| i == link_id) {
                    let problem = Problem::new(item_path, ProblemCode::ScoringSubscaleItem);
                    check.problems.push(problem.with_arg("link_id", link_id));
                }
            });
            self.missing(subscale.max_missing, subscale.items.len(), &here);
            self.bands(&subscale.bands, scale.range(subscale.method, subscale.items.len()), &here);
        }
    }

    fn id(&mut self, id: &'a str, path: &str) {
        if !is_slug(id) {
            self.push(join(path, "id"), ProblemCode::ScoringId);
        } else if !self.ids.insert(id) {
            self.problems.push(Problem::new(join(path, "id"), ProblemCode::ScoringIdDuplicate).with_arg("id", id));
        }
    }

    fn label(&mut self, label: &Labels, path: &str) {
        if label.is_empty() || label.iter().any(|(language, text)| language.trim().is_empty() || text.trim().is_empty())
        {
            self.push(join(path, "label"), ProblemCode::ScoringLabel);
        }
    }

    /// Checks a list of linkIds: not empty, no repeats, then `each` on every new one.
    fn items(&mut self, items: &[String], path: &str, mut each: impl FnMut(&mut Self, &str, String)) {
        if items.is_empty() {
            self.push(join(path, "items"), ProblemCode::ScoringNoItems);
        }
        let mut seen = HashSet::new();
        for (k, link_id) in items.iter().enumerate() {
            let here = index(path, "items", k);
            if !seen.insert(link_id) {
                self.problems.push(Problem::new(here, ProblemCode::ScoringItemDuplicate).with_arg("link_id", link_id));
                continue;
            }
            each(self, link_id, here);
        }
    }

    fn item(&mut self, scale: &Scale, link_id: &str, path: String) {
        let problem = |code| Problem::new(path.clone(), code).with_arg("link_id", link_id);
        let Some(item) = self.definition.item(link_id) else {
            self.problems.push(problem(ProblemCode::ScoringUnknownItem));
            return;
        };
        if item.repeats {
            self.problems.push(problem(ProblemCode::ScoringItemRepeats));
        }
        let range = match &item.kind {
            ItemKind::Integer { min: Some(min), max: Some(max) } => (*min as f64, *max as f64),
            ItemKind::Decimal { min: Some(min), max: Some(max) } => (*min, *max),
            ItemKind::Integer { .. } | ItemKind::Decimal { .. } => {
                self.problems.push(problem(ProblemCode::ScoringItemUnbounded));
                return;
            }
            ItemKind::Choice(options) if options.iter().all(|o| o.ordinal.is_some()) => {
                let ordinals = options.iter().filter_map(|o| o.ordinal);
                (ordinals.clone().fold(f64::INFINITY, f64::min), ordinals.fold(f64::NEG_INFINITY, f64::max))
            }
            _ => {
                self.problems.push(problem(ProblemCode::ScoringItemNotNumeric));
                return;
            }
        };
        if range.0 < scale.min || range.1 > scale.max {
            let problem = problem(ProblemCode::ScoringItemOutOfRange);
            self.problems.push(problem.with_arg("min", scale.min).with_arg("max", scale.max));
        }
    }

    fn missing(&mut self, max_missing: usize, items: usize, path: &str) {
        if items > 0 && max_missing >= items {
            let problem = Problem::new(join(path, "max_missing"), ProblemCode::ScoringMissingTooMany);
            self.problems.push(problem.with_arg("max", items - 1));
        }
    }

    fn bands(&mut self, bands: &[Band], (least, most): (f64, f64), path: &str) {
        let mut codes = HashSet::new();
        for (k, band) in bands.iter().enumerate() {
            let here = index(path, "bands", k);
            if !is_slug(&band.code) {
                self.push(join(&here, "code"), ProblemCode::ScoringId);
            } else if !codes.insert(band.code.as_str()) {
                let problem = Problem::new(join(&here, "code"), ProblemCode::ScoringIdDuplicate);
                self.problems.push(problem.with_arg("id", &band.code));
            }
            self.label(&band.label, &here);
            if k > 0 && band.from <= bands[k - 1].from {
                self.push(join(&here, "from"), ProblemCode::ScoringBandOrder);
            }
            if !(least..=most).contains(&band.from) {
                let problem = Problem::new(join(&here, "from"), ProblemCode::ScoringBandOutOfRange);
                self.problems.push(problem.with_arg("min", least).with_arg("max", most));
            }
        }
    }
}

fn is_slug(text: &str) -> bool {
    (1..=60).contains(&text.len())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}
