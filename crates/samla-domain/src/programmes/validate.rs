use super::Manual;
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

impl Manual {
    /// Every problem in the manual, each with its path.
    pub fn validate(&self) -> Result<(), ManualErrors> {
        let mut errors = ManualErrors::default();
        if !valid_slug(&self.slug) {
            errors.push("slug", "use 2–60 lower-case letters, digits and dashes");
        }
        for (path, value, max) in
            [("name", &self.name, 200), ("summary", &self.summary, 4000), ("source", &self.source, 500)]
        {
            if value.trim().is_empty() {
                errors.push(path, "must not be empty");
            } else if value.chars().count() > max {
                errors.push(path, format!("at most {max} characters"));
            }
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
            if rating.scheme.trim().is_empty() {
                errors.push(format!("evidence[{i}].scheme"), "must not be empty");
            }
        }
        for (i, session) in self.sessions.iter().enumerate() {
            let path = format!("sessions[{i}]");
            if session.number != i as u32 + 1 {
                errors.push(format!("{path}.number"), format!("expected {} (sessions are numbered in order)", i + 1));
            }
            if session.title.trim().is_empty() {
                errors.push(format!("{path}.title"), "must not be empty");
            }
            if session.duration_minutes == 0 || session.duration_minutes > 24 * 60 {
                errors.push(format!("{path}.duration_minutes"), "1–1440 minutes");
            }
            let segment_total: u32 = session.segments.iter().map(|s| s.minutes).sum();
            if segment_total > session.duration_minutes {
                errors.push(
                    format!("{path}.segments"),
                    format!(
                        "segments take {segment_total} minutes, more than the session's {}",
                        session.duration_minutes
                    ),
                );
            }
            for (j, segment) in session.segments.iter().enumerate() {
                if segment.minutes == 0 {
                    errors.push(format!("{path}.segments[{j}].minutes"), "must be above 0");
                }
            }
        }
        if self.default_session_count.is_some_and(|n| n == 0 || n > crate::planning::schedule::MAX_SESSIONS) {
            errors.push("default_session_count", "1–60");
        }
        for (i, meeting) in self.meetings.iter().enumerate() {
            let path = format!("meetings[{i}]");
            if meeting.title.trim().is_empty() {
                errors.push(format!("{path}.title"), "must not be empty");
            }
            if meeting.duration_minutes == 0 || meeting.duration_minutes > 24 * 60 {
                errors.push(format!("{path}.duration_minutes"), "1–1440 minutes");
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
            if item.task.trim().is_empty() {
                errors.push(format!("checklist[{i}].task"), "must not be empty");
            }
            if !roles.contains(&item.responsible.as_str()) {
                errors.push(format!("checklist[{i}].responsible"), format!("one of {}", roles.join(", ")));
            }
        }
        for (i, line) in self.budget.iter().enumerate() {
            if line.label.trim().is_empty() {
                errors.push(format!("budget[{i}].label"), "must not be empty");
            }
            if line.amount.is_sign_negative() {
                errors.push(format!("budget[{i}].amount"), "must not be negative");
            }
            if line.hours.is_some_and(|h| h.is_sign_negative()) {
                errors.push(format!("budget[{i}].hours"), "must not be negative");
            }
        }
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
