//! Recruitment, referral and intake over JSON: applications and their stages,
//! consents, households, waitlists, group proposals, course participants, recruitment
//! channels, consent texts and the intake settings. Handlers check that a request is
//! what the schema states, ask the intake services and shape the answer; the rules,
//! the authorisation and the audit live in the services.
//!
//! Another system (a municipality's case system, a referral portal) can do the whole
//! intake of a participant through these operations.

use super::courses::whole;
use super::extract::Id;
use super::{ApiJson, ApiQuery, IfMatch, Items, OrgCaller, Page, Problem, Versioned};
use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use axum::http::header::LOCATION;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use chrono::NaiveDate;
use samla_domain::accounts::Email;
use samla_domain::validation::{optional_text, required_line, required_text};
use samla_domain::{Action, FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

// ---------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------

/// A closed set of names as the API writes them, with the stored code of each.
macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Deserialize, Serialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        #[allow(dead_code)]
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The name of a stored code; the first name for anything unknown.
            pub fn parse(raw: &str) -> $name {
                Self::ALL.iter().copied().find(|n| n.code() == raw).unwrap_or(Self::ALL[0])
            }
        }
    };
}

names!(
    /// Where an application is: received → contacted → pre_conversation → waitlisted →
    /// offered → enrolled, or closed as referred_elsewhere, declined, withdrawn or merged.
    StageName {
        Received = "received",
        Contacted = "contacted",
        PreConversation = "pre_conversation",
        Offered = "offered",
        Waitlisted = "waitlisted",
        ReferredElsewhere = "referred_elsewhere",
        Declined = "declined",
        Enrolled = "enrolled",
        Withdrawn = "withdrawn",
        Merged = "merged",
    }
);

names!(
    /// A stage an application can be moved to. `offered` is reached through a group
    /// proposal, `merged` through merging, so neither is a move.
    MoveTarget {
        Contacted = "contacted",
        PreConversation = "pre_conversation",
        Waitlisted = "waitlisted",
        ReferredElsewhere = "referred_elsewhere",
        Declined = "declined",
        Enrolled = "enrolled",
        Withdrawn = "withdrawn",
    }
);

names!(
    /// Who filled in the application: an adult for themself, a guardian, a
    /// professional's referral, or staff (a call, a paper form, another system).
    ApplicationKindName {
        Myself = "self",
        Guardian = "guardian",
        Referral = "referral",
        Staff = "staff",
    }
);

names!(
    /// A participant's sex as the family states it; left out when not stated. Counted
    /// in the programme's anonymous statistics only.
    SexName {
        Female = "female",
        Male = "male",
        Other = "other",
    }
);

names!(
    ParticipantTypeName {
        Child = "child",
        Adult = "adult",
    }
);

names!(
    /// What a consent covers: taking part, sharing with the school and network, use in
    /// evaluations.
    PurposeName {
        Participation = "participation",
        ShareWithNetwork = "share_with_network",
        Evaluation = "evaluation",
    }
);

names!(
    /// In which capacity a consent is given: an adult participant for themself, a
    /// guardian for a child, or a child's own say (from the age the organisation sets).
    CapacityName {
        Participant = "participant",
        Guardian = "guardian",
        ChildOwnSay = "child_own_say",
    }
);

names!(
    /// How a consent was given.
    ConsentMethodName {
        Web = "web",
        Paper = "paper",
        InConversation = "in_conversation",
        Api = "api",
    }
);

names!(
    /// How a consent recorded through the API was given (left out: `api`).
    RecordMethodName {
        Api = "api",
        Paper = "paper",
        InConversation = "in_conversation",
    }
);

names!(
    HouseholdRoleName {
        Child = "child",
        Guardian = "guardian",
        Adult = "adult",
    }
);
name_from!(samla_domain::intake::household::HouseholdRole => HouseholdRoleName { Child, Guardian, Adult });

names!(
    /// What a pre-conversation concluded: `continue` (more talks or a decision later),
    /// `offer` (ready for a place), `waitlist`, `not_suitable` (declined) or
    /// `referred_elsewhere`.
    PreConversationOutcomeName {
        Continue = "continue",
        Offer = "offer",
        Waitlist = "waitlist",
        NotSuitable = "not_suitable",
        ReferredElsewhere = "referred_elsewhere",
    }
);

names!(
    OfferStatusName {
        Open = "open",
        Accepted = "accepted",
        Declined = "declined",
        Lapsed = "lapsed",
        Withdrawn = "withdrawn",
    }
);
name_from!(samla_domain::intake::enrolment::OfferStatus => OfferStatusName {
    Open, Accepted, Declined, Lapsed, Withdrawn,
});

names!(
    /// heard (how people heard of the course), referral (who refers) or both.
    ChannelKindName {
        Heard = "heard",
        Referral = "referral",
        Both = "both",
    }
);
name_from!(samla_domain::intake::ChannelKind => ChannelKindName { Heard, Referral, Both });

names!(
    /// guardian (a parent or other guardian) or adult (another adult at home).
    AdultRoleName {
        Guardian = "guardian",
        Adult = "adult",
    }
);

mod applications;
mod consents;
mod group;
mod households;
mod settings;

pub use applications::*;
pub use consents::*;
pub use group::*;
pub use households::*;
pub use settings::*;

// ---------------------------------------------------------------------------------
// Answers shared by the operations
// ---------------------------------------------------------------------------------

/// A record named by id, with its name.
#[derive(Serialize, ToSchema)]
pub struct NamedRef {
    pub id: i64,
    pub name: String,
}

/// A person of a household: a child, a guardian or another adult.
#[derive(Serialize, ToSchema)]
pub struct HouseholdPerson {
    pub id: i64,
    pub household_id: i64,
    pub household_role: HouseholdRoleName,
    /// For a guardian: whether they have parental responsibility (and so must consent).
    pub parental_responsibility: bool,
    pub name: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub birth_date: Option<String>,
    /// The national identity number: in full for those who may see sensitive data,
    /// otherwise masked (the six birth-date digits and `•••••`).
    pub national_id: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// As stated on the application; none where not stated.
    pub sex: Option<SexName>,
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

fn person_json(p: &samla_storage::intake::households::Person) -> HouseholdPerson {
    HouseholdPerson {
        id: p.id,
        household_id: p.household_id,
        household_role: p.household_role.into(),
        parental_responsibility: p.parental_responsibility == 1,
        name: p.name.clone(),
        birth_date: p.birth_date.clone(),
        national_id: p.national_id.clone(),
        phone: non_empty(&p.phone),
        email: non_empty(&p.email),
        sex: p.sex.as_deref().map(SexName::parse),
    }
}

/// One application in a list.
#[derive(Serialize, ToSchema)]
pub struct ApplicationSummary {
    pub id: i64,
    pub reference: String,
    pub stage: StageName,
    pub kind: ApplicationKindName,
    /// 1 (highest) to 3.
    pub priority: i64,
    pub programme_id: i64,
    pub programme_name: String,
    pub course_id: Option<i64>,
    pub channel_id: Option<i64>,
    pub participant_id: i64,
    pub participant_name: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub participant_birth_date: Option<String>,
    pub household_id: i64,
    /// Unix seconds.
    pub waitlisted_at: Option<i64>,
    /// Unix seconds.
    pub last_contact_at: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub version: i64,
}

fn summary_json(s: &samla_storage::intake::applications::Summary) -> ApplicationSummary {
    ApplicationSummary {
        id: s.id,
        reference: s.reference.clone(),
        stage: StageName::parse(&s.stage),
        kind: ApplicationKindName::parse(&s.kind),
        priority: s.priority,
        programme_id: s.programme_id,
        programme_name: s.programme_name.clone(),
        course_id: s.course_id,
        channel_id: s.channel_id,
        participant_id: s.participant_id,
        participant_name: s.participant_name.clone(),
        participant_birth_date: s.participant_birth_date.clone(),
        household_id: s.household_id,
        waitlisted_at: s.waitlisted_at,
        last_contact_at: s.last_contact_at,
        created_at: s.created_at,
        version: s.version,
    }
}

/// A consent, withdrawn or not; withdrawn consents stay on record.
#[derive(Serialize, ToSchema)]
pub struct Consent {
    pub id: i64,
    /// The person who gave it.
    pub giver_id: i64,
    pub giver_name: String,
    /// The person it is about.
    pub participant_id: i64,
    pub purpose: PurposeName,
    pub capacity: CapacityName,
    pub method: ConsentMethodName,
    /// The consent text (and its version) the consent was given under.
    pub consent_text_id: i64,
    pub text_version: i64,
    /// Unix seconds.
    pub given_at: i64,
    /// The staff member who recorded it; none when given on the web.
    pub recorded_by: Option<i64>,
    pub recorded_by_name: Option<String>,
    pub withdrawn: bool,
    /// Unix seconds.
    pub withdrawn_at: Option<i64>,
    pub withdrawn_by: Option<i64>,
    /// staff, web (the family's own link) …
    pub withdrawal_method: Option<String>,
}

fn consent_json(c: &samla_storage::intake::consents::Consent) -> Consent {
    Consent {
        id: c.id,
        giver_id: c.giver_id,
        giver_name: c.giver_name.clone(),
        participant_id: c.participant_id,
        purpose: PurposeName::parse(&c.purpose),
        capacity: CapacityName::parse(&c.capacity),
        method: ConsentMethodName::parse(&c.method),
        consent_text_id: c.consent_text_id,
        text_version: c.text_version,
        given_at: c.given_at,
        recorded_by: c.recorded_by,
        recorded_by_name: c.recorded_by_name.clone(),
        withdrawn: c.withdrawn_at.is_some(),
        withdrawn_at: c.withdrawn_at,
        withdrawn_by: c.withdrawn_by,
        withdrawal_method: c.withdrawal_method.clone(),
    }
}

/// A recruitment channel: how people heard of the course, or who referred them.
#[derive(Serialize, ToSchema)]
pub struct RecruitmentChannel {
    pub id: i64,
    /// The stable code of a channel every organisation starts with (e.g. `school_nurse`;
    /// its display name comes from the client's own translations); none for one the
    /// organisation added.
    pub code: Option<String>,
    /// The name of a channel the organisation added.
    pub name: Option<String>,
    pub kind: ChannelKindName,
    pub position: i64,
    /// Archived channels stay on the records that name them but are no longer offered.
    pub archived: bool,
}

fn channel_json(c: &samla_storage::intake::channels::Channel) -> RecruitmentChannel {
    RecruitmentChannel {
        id: c.id,
        code: c.code.clone(),
        name: c.name.clone(),
        kind: c.kind.into(),
        position: c.position,
        archived: c.archived == 1,
    }
}

// ---------------------------------------------------------------------------------
// Checks: the API accepts exactly what its schemas state. Each names its field with
// the same message the services use; the services then apply the domain's rules.
// ---------------------------------------------------------------------------------

/// A single line under the text rule (SINGLE_LINE_PATTERN and maxLength `max`), when given.
fn check_line(errors: &mut FieldErrors, field: &str, raw: Option<&str>, max: usize) {
    if let Some(raw) = raw {
        errors.take(required_line(field, raw, max));
    }
}

/// Free text on several lines under the text rule, at most `max` characters as sent;
/// `required`: something left after the rule.
fn check_text(errors: &mut FieldErrors, field: &str, raw: Option<&str>, max: usize, required: bool) {
    let Some(raw) = raw else { return };
    if required {
        errors.take(required_text(field, raw, max));
    } else {
        errors.take(optional_text(field, raw, max));
    }
}

/// A phone number: an optional leading `+`, then 5 to 15 digits among spaces,
/// parentheses, dots and dashes; 30 characters at most.
fn check_phone(errors: &mut FieldErrors, field: &str, raw: Option<&str>) {
    let Some(raw) = raw else { return };
    let rest = raw.strip_prefix('+').unwrap_or(raw);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let fits = raw.chars().count() <= 30
        && rest.chars().all(|c| c.is_ascii_digit() || " ().-".contains(c))
        && (5..=15).contains(&digits);
    if !fits {
        errors.push(FieldError::new(field, "error-phone"));
    }
}

fn check_email(errors: &mut FieldErrors, field: &str, raw: Option<&str>) {
    let Some(raw) = raw else { return };
    if raw.chars().count() > 254 {
        errors.push(FieldError::new(field, "error-too-long").with_arg("max", 254));
    } else {
        errors.take(Email::parse(field, raw));
    }
}

/// A day written YYYY-MM-DD (RFC 3339 full-date).
fn check_day(errors: &mut FieldErrors, field: &str, raw: Option<&str>) -> Option<NaiveDate> {
    let raw = raw?;
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let day = shaped
        .then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
        .flatten()
        .filter(|d| chrono::Datelike::year(d) >= 1);
    if day.is_none() {
        errors.push(FieldError::new(field, "error-date"));
    }
    day
}

/// A programme's slug or id (as in the programme operations).
fn check_programme(errors: &mut FieldErrors, field: &str, raw: Option<&str>) {
    if let Some(raw) = raw {
        if !is_slug(raw) {
            errors.push(FieldError::new(field, "error-programme-unknown"));
        }
    }
}

fn is_slug(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 60
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes[0] != b'-'
        && bytes[bytes.len() - 1] != b'-'
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

fn number(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------

fn application_location(org: &str, id: i64) -> String {
    format!("/api/v1/organisations/{org}/applications/{id}")
}

/// A programme named in a path, by slug or id; anything no programme can be called is
/// simply not found.
async fn programme_of(
    state: &AppState,
    actor: &Actor,
    key: &str,
) -> Result<samla_storage::programmes::Programme, WebError> {
    if key.is_empty() || key.len() > 60 || key.chars().any(char::is_control) {
        return Err(WebError::NotFound);
    }
    crate::services::programmes::find(state, actor, key).await
}
