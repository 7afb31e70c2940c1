use super::Manual;
use crate::validation::{text, Lines};
use std::fmt;

/// One problem in a manual, at a path like `sessions[2].segments[0].minutes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ManualErrors(pub Vec<ManualError>);

impl fmt::Display for ManualErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{}: {}", error.path, error.message)?;
        }
        Ok(())
    }
}

impl ManualErrors {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ManualError { path: path.into(), message: message.into() });
    }

    pub(super) fn from_toml(error: toml::de::Error) -> Self {
        let place = error.span().map(|s| format!("byte {}", s.start)).unwrap_or_else(|| "document".into());
        ManualErrors(vec![ManualError { path: place, message: error.message().to_string() }])
    }

    pub(super) fn from_json(error: serde_json::Error) -> Self {
        ManualErrors(vec![ManualError {
            path: format!("line {} column {}", error.line(), error.column()),
            message: error.to_string(),
        }])
    }
}

fn valid_slug(slug: &str) -> bool {
    (2..=60).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Most characters in each kind of text of a manual.
pub const NAME_MAX_CHARS: usize = 200;
pub const SUMMARY_MAX_CHARS: usize = 4000;
pub const SOURCE_MAX_CHARS: usize = 500;
pub const ITEM_MAX_CHARS: usize = 1000;
/// The most group leaders or user representatives a programme may ask for at a session.
pub const MAX_STAFF_PER_SESSION: u32 = 20;
/// The most units a budget line may count at a fixed number.
pub const MAX_FIXED_UNITS: u32 = 1_000_000;

/// The text rule ([`crate::validation::text`]) applied to one text of a manual in place;
/// a problem is named by the text's path. `required`: empty after the rule is a problem.
fn apply_rule(errors: &mut ManualErrors, path: String, value: &mut String, lines: Lines, max: usize, required: bool) {
    match text(&path, value, lines, max) {
        Ok(Some(kept)) => *value = kept,
        Ok(None) if required => errors.push(path, "must not be empty"),
        Ok(None) => value.clear(),
        Err(error) if error.code == "error-too-long" => errors.push(path, format!("at most {max} characters")),
        Err(_) => errors.push(
            path,
            match lines {
                Lines::One => "must be one line without control characters",
                Lines::Several => "must not hold control characters other than tabs and line breaks",
            },
        ),
    }
}

/// As [`apply_rule`] for a text that may be left out: empty after the rule is `None`.
fn apply_rule_optional(errors: &mut ManualErrors, path: &str, value: &mut Option<String>, lines: Lines, max: usize) {
    if let Some(text) = value.as_mut() {
        apply_rule(errors, path.to_string(), text, lines, max, false);
    }
    if value.as_deref() == Some("") {
        *value = None;
    }
}

impl Manual {
    /// Every problem in the manual, each with its path.
    pub fn validate(&self) -> Result<(), ManualErrors> {
        self.clone().validated().map(|_| ())
    }

    /// The manual as it is stored: every text through the text rule (single-line titles,
    /// names and labels; multi-line summaries, descriptions, homework and notes), then
    /// every rule checked. Every problem comes back, each with its path.
    pub fn validated(mut self) -> Result<Manual, ManualErrors> {
        let mut errors = ManualErrors::default();
        self.apply_text_rule(&mut errors);
        self.check(&mut errors);
        if errors.0.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    fn apply_text_rule(&mut self, errors: &mut ManualErrors) {
        use Lines::{One, Several};
        apply_rule(errors, "name".into(), &mut self.name, One, NAME_MAX_CHARS, true);
        apply_rule(errors, "summary".into(), &mut self.summary, Several, SUMMARY_MAX_CHARS, true);
        apply_rule_optional(errors, "owner", &mut self.owner, One, NAME_MAX_CHARS);
        apply_rule(errors, "source".into(), &mut self.source, One, SOURCE_MAX_CHARS, true);
        apply_rule_optional(errors, "certification", &mut self.certification, One, SOURCE_MAX_CHARS);
        for (i, rating) in self.evidence.iter_mut().enumerate() {
            apply_rule(errors, format!("evidence[{i}].scheme"), &mut rating.scheme, One, NAME_MAX_CHARS, true);
            apply_rule(
                errors,
                format!("evidence[{i}].summary"),
                &mut rating.summary,
                Several,
                SUMMARY_MAX_CHARS,
                false,
            );
            apply_rule(errors, format!("evidence[{i}].source"), &mut rating.source, One, SOURCE_MAX_CHARS, false);
        }
        for (i, session) in self.sessions.iter_mut().enumerate() {
            let path = format!("sessions[{i}]");
            apply_rule(errors, format!("{path}.title"), &mut session.title, One, NAME_MAX_CHARS, true);
            for (j, segment) in session.segments.iter_mut().enumerate() {
                apply_rule(errors, format!("{path}.segments[{j}].name"), &mut segment.name, One, NAME_MAX_CHARS, true);
            }
            for (list, items) in [
                ("goals", &mut session.goals),
                ("content", &mut session.content),
                ("materials", &mut session.materials),
            ] {
                for (j, item) in items.iter_mut().enumerate() {
                    apply_rule(errors, format!("{path}.{list}[{j}]"), item, One, ITEM_MAX_CHARS, true);
                }
            }
            apply_rule_optional(errors, &format!("{path}.homework"), &mut session.homework, Several, SUMMARY_MAX_CHARS);
        }
        for (i, meeting) in self.meetings.iter_mut().enumerate() {
            let path = format!("meetings[{i}]");
            apply_rule(errors, format!("{path}.title"), &mut meeting.title, One, NAME_MAX_CHARS, true);
            let description = &mut meeting.description;
            apply_rule_optional(errors, &format!("{path}.description"), description, Several, SUMMARY_MAX_CHARS);
        }
        for (i, item) in self.checklist.iter_mut().enumerate() {
            apply_rule(errors, format!("checklist[{i}].task"), &mut item.task, One, SOURCE_MAX_CHARS, true);
        }
        for (i, line) in self.budget.iter_mut().enumerate() {
            apply_rule(errors, format!("budget[{i}].label"), &mut line.label, One, NAME_MAX_CHARS, true);
        }
        for (i, note) in self.notes.iter_mut().enumerate() {
            apply_rule(errors, format!("notes[{i}]"), note, Several, SUMMARY_MAX_CHARS, true);
        }
    }

    /// The rules besides the text rule.
    fn check(&self, errors: &mut ManualErrors) {
        if !valid_slug(&self.slug) {
            errors.push("slug", "use 2–60 lower-case letters, digits and dashes");
        }
        if !["nb", "nn", "da", "en", "sv"].contains(&self.language.as_str()) {
            errors.push("language", "one of nb, nn, da, en, sv");
        }
        if self.target_groups.is_empty() {
            errors.push("target_groups", "name at least one target group");
        }
        for (i, band) in self.age_bands.iter().enumerate() {
            if band.max.is_some_and(|max| max < band.min) || band.min > 120 {
                errors.push(format!("age_bands[{i}]"), "min must not be above max");
            }
            if band.max.is_some_and(|max| max > 120) {
                errors.push(format!("age_bands[{i}].max"), "0–120");
            }
        }
        let staffing = [
            ("staffing.min_group_leaders", self.staffing.min_group_leaders),
            ("staffing.min_user_representatives", self.staffing.min_user_representatives),
        ];
        for (field, count) in staffing {
            if count > MAX_STAFF_PER_SESSION {
                errors.push(field, format!("0–{MAX_STAFF_PER_SESSION}"));
            }
        }
        if let Some(size) = self.group_size {
            if size.min == 0 || size.max < size.min || size.max > 100 {
                errors.push("group_size", "1 ≤ min ≤ max ≤ 100");
            }
        }
        for (i, rating) in self.evidence.iter().enumerate() {
            if rating.level.is_some_and(|l| l > 5) {
                errors.push(format!("evidence[{i}].level"), "0–5");
            }
        }
        for (i, session) in self.sessions.iter().enumerate() {
            let path = format!("sessions[{i}]");
            if session.number != i as u32 + 1 {
                errors.push(format!("{path}.number"), format!("expected {} (sessions are numbered in order)", i + 1));
            }
            if session.duration_minutes == 0 || session.duration_minutes > 24 * 60 {
                errors.push(format!("{path}.duration_minutes"), "1–1440 minutes");
            }
            let segment_total: u64 = session.segments.iter().map(|s| u64::from(s.minutes)).sum();
            if segment_total > u64::from(session.duration_minutes) {
                errors.push(
                    format!("{path}.segments"),
                    format!(
                        "segments take {segment_total} minutes, more than the session's {}",
                        session.duration_minutes
                    ),
                );
            }
            for (j, segment) in session.segments.iter().enumerate() {
                if segment.minutes == 0 || segment.minutes > 24 * 60 {
                    errors.push(format!("{path}.segments[{j}].minutes"), "1–1440 minutes");
                }
            }
        }
        if self.default_session_count.is_some_and(|n| n == 0 || n > crate::planning::schedule::MAX_SESSIONS) {
            errors.push("default_session_count", "1–60");
        }
        for (i, meeting) in self.meetings.iter().enumerate() {
            let path = format!("meetings[{i}]");
            if meeting.duration_minutes == 0 || meeting.duration_minutes > 24 * 60 {
                errors.push(format!("{path}.duration_minutes"), "1–1440 minutes");
            }
            if meeting.days.unsigned_abs() > super::MAX_OFFSET_DAYS as u32 {
                errors.push(format!("{path}.days"), offset_range());
            }
            if meeting.session.is_some_and(|n| n == 0 || n > crate::planning::schedule::MAX_SESSIONS) {
                errors.push(format!("{path}.session"), "1–60");
            }
            match (meeting.anchor, meeting.session) {
                (super::Anchor::AfterSession, None) => {
                    errors.push(format!("{path}.session"), "name the session the meeting follows")
                }
                (super::Anchor::AfterSession, Some(n)) if !self.sessions.is_empty() && self.session(n).is_none() => {
                    errors.push(format!("{path}.session"), format!("there is no session {n}"))
                }
                _ => {}
            }
        }
        let roles = ["coordinator", "group_leader", "user_representative", "secretary", "admin", "network_contact"];
        for (i, item) in self.checklist.iter().enumerate() {
            if !roles.contains(&item.responsible.as_str()) {
                errors.push(format!("checklist[{i}].responsible"), format!("one of {}", roles.join(", ")));
            }
            if item.due_days.unsigned_abs() > super::MAX_OFFSET_DAYS as u32 {
                errors.push(format!("checklist[{i}].due_days"), offset_range());
            }
        }
        for (i, line) in self.budget.iter().enumerate() {
            if line.amount.is_sign_negative() {
                errors.push(format!("budget[{i}].amount"), "must not be negative");
            }
            if line.hours.is_some_and(|h| h.is_sign_negative()) {
                errors.push(format!("budget[{i}].hours"), "must not be negative");
            }
            if matches!(line.multiplier, crate::planning::budget::Multiplier::Fixed(n) if n > MAX_FIXED_UNITS) {
                errors.push(format!("budget[{i}].multiplier"), format!("at most {MAX_FIXED_UNITS} units"));
            }
        }
    }
}

fn offset_range() -> String {
    format!("from -{0} to {0} days", super::MAX_OFFSET_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::shipped::SHIPPED;

    fn mestringstreff() -> Manual {
        let (_, source) = SHIPPED.iter().find(|(slug, _)| *slug == "mestringstreff").expect("shipped");
        Manual::from_toml(source).expect("valid")
    }

    fn paths(errors: ManualErrors) -> Vec<String> {
        errors.0.into_iter().map(|e| e.path).collect()
    }

    #[test]
    fn counts_beyond_what_the_api_document_allows_are_named() {
        let mut typed = mestringstreff();
        typed.staffing.min_user_representatives = 2_147_483_648;
        typed.staffing.min_group_leaders = 21;
        typed.sessions[0].segments[0].minutes = u32::MAX;
        let long = typed.sessions[0].segments[0].clone();
        typed.sessions[0].segments.push(long);
        let found = paths(typed.validate().expect_err("refused"));
        for path in [
            "staffing.min_user_representatives",
            "staffing.min_group_leaders",
            "sessions[0].segments[0].minutes",
            "sessions[0].segments",
        ] {
            assert!(found.iter().any(|p| p == path), "{path} in {found:?}");
        }
        let mut typed = mestringstreff();
        if let Some(meeting) = typed.meetings.first_mut() {
            meeting.session = Some(2_147_483_648);
            assert!(paths(typed.validate().expect_err("refused")).contains(&"meetings[0].session".to_string()));
        }
        let mut typed = mestringstreff();
        typed.staffing.min_group_leaders = MAX_STAFF_PER_SESSION;
        assert!(typed.validate().is_ok());
    }

    #[test]
    fn every_text_of_a_manual_follows_the_text_rule() {
        let mut typed = mestringstreff();
        typed.name = "\u{a0}Mestringstreff\u{2003}".into();
        typed.summary = "Første linje\r\nandre linje\u{2029}".into();
        typed.owner = Some(" \u{a0} ".into());
        typed.sessions[0].title = " Hva er mestring? ".into();
        typed.sessions[0].homework = Some("\r\n".into());
        typed.notes = vec!["Et notat\r\n".into()];
        let stored = typed.validated().expect("valid after the rule");
        assert_eq!(stored.name, "Mestringstreff");
        assert_eq!(stored.summary, "Første linje\nandre linje");
        assert_eq!(stored.owner, None);
        assert_eq!(stored.sessions[0].title, "Hva er mestring?");
        assert_eq!(stored.sessions[0].homework, None);
        assert_eq!(stored.notes, vec!["Et notat".to_string()]);
        assert_eq!(stored.clone().validated(), Ok(stored));
    }

    #[test]
    fn a_manual_text_with_controls_or_nothing_left_is_named_by_its_path() {
        let mut typed = mestringstreff();
        typed.name = "Mestrings\u{b}treff".into();
        typed.summary = "\u{c}".into();
        typed.sessions[1].title = "En\ntittel".into();
        typed.sessions[1].goals[0] = "\u{a0}".into();
        typed.checklist[0].task = "x".repeat(SOURCE_MAX_CHARS + 1);
        let errors = typed.validated().unwrap_err();
        assert_eq!(
            paths(errors.clone()),
            ["name", "summary", "sessions[1].title", "sessions[1].goals[0]", "checklist[0].task"]
        );
        assert_eq!(errors.0[3].message, "must not be empty");
        assert_eq!(errors.0[4].message, format!("at most {SOURCE_MAX_CHARS} characters"));
    }
}
