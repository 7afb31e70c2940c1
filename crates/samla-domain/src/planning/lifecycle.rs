//! A course's lifecycle: draft → ready → recruiting → running → completed → archived, or
//! cancelled (with a reason) before it is completed.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    Draft,
    Ready,
    Recruiting,
    Running,
    Completed,
    Archived,
    Cancelled,
}

impl CourseStatus {
    pub const ALL: [CourseStatus; 7] = [
        CourseStatus::Draft,
        CourseStatus::Ready,
        CourseStatus::Recruiting,
        CourseStatus::Running,
        CourseStatus::Completed,
        CourseStatus::Archived,
        CourseStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CourseStatus::Draft => "draft",
            CourseStatus::Ready => "ready",
            CourseStatus::Recruiting => "recruiting",
            CourseStatus::Running => "running",
            CourseStatus::Completed => "completed",
            CourseStatus::Archived => "archived",
            CourseStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<CourseStatus> {
        CourseStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The statuses a course may move to from this one.
    pub fn next(self) -> &'static [CourseStatus] {
        use CourseStatus::*;
        match self {
            Draft => &[Ready, Cancelled],
            Ready => &[Draft, Recruiting, Cancelled],
            Recruiting => &[Ready, Running, Cancelled],
            Running => &[Completed, Cancelled],
            Completed => &[Archived],
            Archived | Cancelled => &[],
        }
    }

    pub fn may_become(self, next: CourseStatus) -> bool {
        self.next().contains(&next)
    }

    /// Whether leaving draft requires every session to be staffed by the rules.
    pub fn needs_full_staffing(self) -> bool {
        matches!(self, CourseStatus::Ready | CourseStatus::Recruiting | CourseStatus::Running)
    }

    /// Archived or cancelled: nothing about the course changes any more.
    pub fn is_closed(self) -> bool {
        matches!(self, CourseStatus::Archived | CourseStatus::Cancelled)
    }
}

try_from_text!(CourseStatus, "course status");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_path_and_cancellation() {
        use CourseStatus::*;
        let path = [Draft, Ready, Recruiting, Running, Completed, Archived];
        for pair in path.windows(2) {
            assert!(pair[0].may_become(pair[1]), "{:?} → {:?}", pair[0], pair[1]);
        }
        assert!(Running.may_become(Cancelled));
        assert!(!Completed.may_become(Cancelled));
        assert!(!Cancelled.may_become(Draft));
        assert!(!Draft.may_become(Running));
        for status in CourseStatus::ALL {
            assert_eq!(CourseStatus::parse(status.as_str()), Some(status));
        }
    }
}
