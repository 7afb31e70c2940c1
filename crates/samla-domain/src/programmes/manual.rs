use crate::planning::budget::BudgetLine;
use crate::planning::checklist::ChecklistTemplateItem;
use crate::planning::staffing::StaffingRule;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A programme's manual, as shipped, imported, exported and versioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manual {
    /// Lower-case letters, digits and dashes; unique within an organisation.
    pub slug: String,
    pub name: String,
    /// The language the manual is written in: `nb`, `nn`, `da` or `en`.
    pub language: String,
    pub summary: String,
    /// Who owns or distributes the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The document the content was written from.
    pub source: String,
    pub target_groups: Vec<TargetGroup>,
    #[serde(default)]
    pub age_bands: Vec<AgeBand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_size: Option<GroupSize>,
    pub prevention_levels: Vec<PreventionLevel>,
    #[serde(default)]
    pub evidence: Vec<EvidenceRating>,
    /// The sessions in order; empty when the source does not describe them, and the
    /// number of sessions is then chosen per course.
    #[serde(default)]
    pub sessions: Vec<SessionPlan>,
    /// Sessions per course when `sessions` is empty or a course may use fewer or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_session_count: Option<u32>,
    #[serde(default)]
    pub meetings: Vec<MeetingPlan>,
    #[serde(default)]
    pub staffing: StaffingRule,
    /// The training leaders need, when the programme requires one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<String>,
    #[serde(default)]
    pub checklist: Vec<ChecklistTemplateItem>,
    #[serde(default)]
    pub budget: Vec<BudgetLine>,
    /// Other facts from the source worth keeping (findings, lessons, conditions).
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Children,
    Adolescents,
    Adults,
    Parents,
    Families,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 5] = [
        TargetGroup::Children,
        TargetGroup::Adolescents,
        TargetGroup::Adults,
        TargetGroup::Parents,
        TargetGroup::Families,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TargetGroup::Children => "children",
            TargetGroup::Adolescents => "adolescents",
            TargetGroup::Adults => "adults",
            TargetGroup::Parents => "parents",
            TargetGroup::Families => "families",
        }
    }

    pub fn parse(raw: &str) -> Option<TargetGroup> {
        TargetGroup::ALL.into_iter().find(|t| t.as_str() == raw)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    pub min: u32,
    /// None: no upper limit (e.g. adults 18+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSize {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreventionLevel {
    Universal,
    Selective,
    Indicated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRating {
    /// The rating scheme, e.g. `Ungsinn`.
    pub scheme: String,
    /// The level on the scheme's scale, where it has one (Ungsinn: 0–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    pub summary: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Participants,
    Parents,
    Family,
    Network,
}

impl Audience {
    pub const ALL: [Audience; 4] = [Audience::Participants, Audience::Parents, Audience::Family, Audience::Network];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Participants => "participants",
            Audience::Parents => "parents",
            Audience::Family => "family",
            Audience::Network => "network",
        }
    }

    pub fn parse(raw: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == raw)
    }
}

// A session's audience is stored as this text.
try_from_text!(Audience, "session audience");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub name: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionPlan {
    /// 1, 2, 3 … in order.
    pub number: u32,
    pub title: String,
    pub audience: Audience,
    pub duration_minutes: u32,
    #[serde(default)]
    pub segments: Vec<Segment>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub content: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homework: Option<String>,
    #[serde(default)]
    pub materials: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    PreConversation,
    InformationMeeting,
    ParentMeeting,
    FamilySession,
    NetworkMeeting,
    ClosingConversation,
    FollowUp,
    Supervision,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::PreConversation => "pre_conversation",
            MeetingKind::InformationMeeting => "information_meeting",
            MeetingKind::ParentMeeting => "parent_meeting",
            MeetingKind::FamilySession => "family_session",
            MeetingKind::NetworkMeeting => "network_meeting",
            MeetingKind::ClosingConversation => "closing_conversation",
            MeetingKind::FollowUp => "follow_up",
            MeetingKind::Supervision => "supervision",
        }
    }
}

/// When a meeting happens, relative to the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// `days` before the first session (give a negative number).
    Start,
    /// `days` after session number `session`.
    AfterSession,
    /// `days` after the last session.
    End,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingPlan {
    pub kind: MeetingKind,
    pub title: String,
    pub audience: Audience,
    pub duration_minutes: u32,
    pub anchor: Anchor,
    /// The session the meeting follows, for `after_session`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// Days from the anchor; negative is before.
    #[serde(default)]
    pub days: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Manual {
    /// Reads a manual from TOML (the shipped format) and validates it.
    pub fn from_toml(source: &str) -> Result<Manual, super::ManualErrors> {
        let manual: Manual = toml::from_str(source).map_err(super::ManualErrors::from_toml)?;
        manual.validated()
    }

    /// Reads a manual from JSON (the API format) and validates it.
    pub fn from_json(source: &[u8]) -> Result<Manual, super::ManualErrors> {
        let manual: Manual = serde_json::from_slice(source).map_err(super::ManualErrors::from_json)?;
        manual.validated()
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Sessions a course gets unless the coordinator chooses another number.
    pub fn session_count(&self) -> Option<u32> {
        self.default_session_count.or_else(|| (!self.sessions.is_empty()).then_some(self.sessions.len() as u32))
    }

    pub fn session(&self, number: u32) -> Option<&SessionPlan> {
        self.sessions.iter().find(|s| s.number == number)
    }
}
