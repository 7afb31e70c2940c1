//! Meetings of a course besides its sessions: parent meetings, family sessions, the
//! network meeting with the school, the closing conversation with each family and the
//! follow-up some weeks after the end.
//!
//! A meeting may be about one participant. Its title is seen by the whole working group
//! (user representatives included) on the schedule and in calendar feeds, so a title
//! must never name the participant. A network meeting shares information with people
//! outside the organisation: only participants whose family consented to that may be
//! named in it, and its record is checked for names of the others.

use crate::programmes::{Audience, MeetingKind};
use crate::validation::{optional_line, optional_text, required_line, FieldError, FieldErrors};
use chrono::{Duration, NaiveTime};

/// Most characters in each of a meeting's agenda, minutes and agreements.
pub const RECORD_MAX_CHARS: usize = 20_000;
/// Most characters in a meeting's title, a guest's name or a guest's organisation.
pub const LINE_MAX_CHARS: usize = 200;
/// Shortest and longest closing conversation that can be planned in one go.
pub const CONVERSATION_MINUTES: (u32, u32) = (15, 240);

pub const KINDS: [MeetingKind; 8] = [
    MeetingKind::ParentMeeting,
    MeetingKind::FamilySession,
    MeetingKind::NetworkMeeting,
    MeetingKind::ClosingConversation,
    MeetingKind::FollowUp,
    MeetingKind::InformationMeeting,
    MeetingKind::PreConversation,
    MeetingKind::Supervision,
];

pub fn parse_kind(raw: &str) -> Option<MeetingKind> {
    KINDS.into_iter().find(|k| k.as_str() == raw)
}

pub const AUDIENCES: [Audience; 4] = [Audience::Participants, Audience::Parents, Audience::Family, Audience::Network];

pub fn parse_audience(raw: &str) -> Option<Audience> {
    Audience::parse(raw)
}

/// Whom a meeting of this kind is usually for, when the planner does not say.
pub fn default_audience(kind: MeetingKind) -> Audience {
    match kind {
        MeetingKind::ParentMeeting | MeetingKind::InformationMeeting => Audience::Parents,
        MeetingKind::NetworkMeeting => Audience::Network,
        MeetingKind::FamilySession
        | MeetingKind::ClosingConversation
        | MeetingKind::FollowUp
        | MeetingKind::PreConversation => Audience::Family,
        MeetingKind::Supervision => Audience::Participants,
    }
}

/// Whether a meeting of this kind can be about one participant and their family. Parent
/// meetings, information meetings and supervision are for the whole group.
pub fn may_be_about_one_participant(kind: MeetingKind) -> bool {
    matches!(
        kind,
        MeetingKind::FamilySession
            | MeetingKind::NetworkMeeting
            | MeetingKind::ClosingConversation
            | MeetingKind::FollowUp
            | MeetingKind::PreConversation
    )
}

/// Whether the meeting shares information with the participants' network (the school,
/// the health nurse): then only participants with consent to that may be named in it.
pub fn shares_with_network(kind: Option<MeetingKind>, audience: Option<Audience>) -> bool {
    kind == Some(MeetingKind::NetworkMeeting) || audience == Some(Audience::Network)
}

/// The words of a text, lower-cased, split at anything that is not a letter or digit.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The parts of a name that identify someone: every word of two letters or more.
fn name_parts(name: &str) -> Vec<String> {
    words(name).into_iter().filter(|w| w.chars().count() >= 2).collect()
}

/// Whether `text` contains any part of `name` (first name, middle name or surname) as a
/// whole word, ignoring case: "Nora" and "NORDMANN" both name Nora Nordmann, "Noraskogen"
/// does not.
pub fn mentions(text: &str, name: &str) -> bool {
    let said = words(text);
    name_parts(name).iter().any(|part| said.contains(part))
}

/// How many of `not_shareable` a text names, counting only name parts no shareable
/// participant also has (two children called Emma: "Emma" alone names neither for sure).
pub fn unshareable_mentions(text: &str, shareable: &[&str], not_shareable: &[&str]) -> usize {
    let said = words(text);
    let shared_parts: Vec<String> = shareable.iter().flat_map(|n| name_parts(n)).collect();
    not_shareable
        .iter()
        .filter(|name| name_parts(name).iter().any(|part| !shared_parts.contains(part) && said.contains(part)))
        .count()
}

/// A meeting's title as typed: optional (the kind's name is shown instead), one line,
/// and never naming the participant the meeting is about.
pub fn parse_title(raw: &str, about: Option<&str>) -> Result<String, FieldError> {
    let title = optional_line("title", raw, LINE_MAX_CHARS)?.unwrap_or_default();
    if about.is_some_and(|name| mentions(&title, name)) {
        return Err(FieldError::new("title", "error-meeting-title-names-participant"));
    }
    Ok(title)
}

/// Agenda, minutes and agreements of one meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingRecord {
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
}

impl MeetingRecord {
    pub fn fields(&self) -> [(&'static str, &str); 3] {
        [("agenda", &self.agenda), ("minutes", &self.minutes), ("agreements", &self.agreements)]
    }
}

/// Reads a record as typed: each part under the text rule (several lines) and may be
/// empty, but not all three. For a network meeting, pass the
/// names of the participants who may and may not be named: a part naming one who may
/// not is refused, saying how many it names (never which).
pub fn parse_record(
    agenda: &str,
    minutes: &str,
    agreements: &str,
    network: Option<(&[&str], &[&str])>,
) -> Result<MeetingRecord, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut part = |field: &'static str, raw: &str| {
        let text = errors.take(optional_text(field, raw, RECORD_MAX_CHARS))?;
        if let Some((shareable, not_shareable)) = network {
            let named = unshareable_mentions(&text, shareable, not_shareable);
            if named > 0 {
                errors.push(FieldError::new(field, "error-meeting-names-without-consent").with_arg("count", named));
                return None;
            }
        }
        Some(text)
    };
    let agenda = part("agenda", agenda);
    let minutes = part("minutes", minutes);
    let agreements = part("agreements", agreements);
    // Nothing written after the text rule is not a record, as a blank session log is not a log.
    if [&agenda, &minutes, &agreements].iter().all(|part| part.as_deref() == Some("")) {
        errors.push(FieldError::new("agenda", "error-record-blank"));
    }
    errors.finish(|| MeetingRecord {
        agenda: agenda.unwrap_or_default(),
        minutes: minutes.unwrap_or_default(),
        agreements: agreements.unwrap_or_default(),
    })
}

/// Someone from outside the organisation at a meeting: name and (optional) organisation.
pub fn parse_guest(name: &str, organisation: &str) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", name, LINE_MAX_CHARS));
    let organisation = errors.take(optional_line("organisation", organisation, LINE_MAX_CHARS));
    errors.finish(|| (name.unwrap_or_default(), organisation.flatten().unwrap_or_default()))
}

/// Back-to-back slots for `count` conversations of `minutes` each from `start`; all must
/// end on the same day.
pub fn back_to_back(start: NaiveTime, minutes: u32, count: usize) -> Result<Vec<(NaiveTime, NaiveTime)>, FieldError> {
    let (min, max) = CONVERSATION_MINUTES;
    if !(min..=max).contains(&minutes) {
        return Err(FieldError::new("minutes", "error-number-range").with_arg("min", min).with_arg("max", max));
    }
    let mut slots = Vec::with_capacity(count);
    let mut from = start;
    for _ in 0..count {
        let (to, wrapped) = from.overflowing_add_signed(Duration::minutes(minutes as i64));
        if wrapped != 0 || to == NaiveTime::MIN {
            return Err(FieldError::new("start_time", "error-meeting-slots-past-midnight"));
        }
        slots.push((from, to));
        from = to;
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn kinds_and_audiences_round_trip() {
        for kind in KINDS {
            assert_eq!(parse_kind(kind.as_str()), Some(kind));
        }
        assert_eq!(parse_kind("party"), None);
        assert_eq!(parse_audience("network"), Some(Audience::Network));
        assert_eq!(default_audience(MeetingKind::NetworkMeeting), Audience::Network);
        assert_eq!(default_audience(MeetingKind::ParentMeeting), Audience::Parents);
        assert!(may_be_about_one_participant(MeetingKind::ClosingConversation));
        assert!(!may_be_about_one_participant(MeetingKind::ParentMeeting));
        assert!(shares_with_network(Some(MeetingKind::NetworkMeeting), None));
        assert!(shares_with_network(Some(MeetingKind::FollowUp), Some(Audience::Network)));
        assert!(!shares_with_network(Some(MeetingKind::ParentMeeting), Some(Audience::Parents)));
    }

    #[test]
    fn a_name_is_mentioned_by_any_of_its_parts_as_a_whole_word() {
        assert!(mentions("Samtale med Nora", "Nora Nordmann"));
        assert!(mentions("familien NORDMANN", "Nora Nordmann"));
        assert!(mentions("Ærlig talt: Øyvind", "Øyvind Ås"));
        assert!(!mentions("Noraskogen skole", "Nora Nordmann"));
        assert!(!mentions("Avsluttende samtale", "Nora Nordmann"));
        // One-letter initials are not a name.
        assert!(!mentions("Plan A", "A Berg"));
    }

    #[test]
    fn titles_never_name_the_participant() {
        assert_eq!(parse_title("  Avslutning  ", Some("Nora Nordmann")).unwrap(), "Avslutning");
        assert_eq!(parse_title("", Some("Nora Nordmann")).unwrap(), "");
        assert_eq!(
            parse_title("Avslutning Nora", Some("Nora Nordmann")).unwrap_err().code,
            "error-meeting-title-names-participant"
        );
        assert_eq!(parse_title("Nora", None).unwrap(), "Nora");
        assert_eq!(parse_title("a\nb", None).unwrap_err().code, "error-invalid-characters");
    }

    #[test]
    fn network_records_may_not_name_participants_without_consent() {
        let shareable = ["Emma Berg", "Jonas Lie"];
        let not_shareable = ["Emma Dahl", "Ali Khan"];
        let network = Some((&shareable[..], &not_shareable[..]));
        assert!(parse_record("Jonas og Emma", "", "", network).is_ok(), "Emma is shared by a consenting child");
        let refused = parse_record("", "Ali var urolig. Dahl også.", "", network).unwrap_err();
        assert_eq!(refused.0.len(), 1);
        assert_eq!(refused.0[0].field, "minutes");
        assert_eq!(refused.0[0].code, "error-meeting-names-without-consent");
        assert_eq!(refused.0[0].args, vec![("count", "2".to_string())]);
        // Outside a network meeting, names are the working group's own business.
        assert!(parse_record("", "Ali var urolig.", "", None).is_ok());
        let long = "x".repeat(RECORD_MAX_CHARS + 1);
        assert_eq!(parse_record(&long, "", &long, None).unwrap_err().0.len(), 2);
        let blank = parse_record(" ", "\u{a0}\r\n", "\u{2029}", None).unwrap_err();
        assert_eq!(blank.0, vec![FieldError::new("agenda", "error-record-blank")]);
        assert_eq!(parse_record("", "a\u{b}", "", None).unwrap_err().0[0].code, "error-invalid-characters");
    }

    #[test]
    fn guests_need_a_name() {
        assert_eq!(parse_guest(" Lærer Li ", "").unwrap(), ("Lærer Li".to_string(), String::new()));
        assert_eq!(parse_guest("", "Skolen").unwrap_err().0[0].field, "name");
    }

    #[test]
    fn conversations_follow_each_other_within_the_day() {
        assert_eq!(
            back_to_back(t(14, 0), 45, 3).unwrap(),
            vec![(t(14, 0), t(14, 45)), (t(14, 45), t(15, 30)), (t(15, 30), t(16, 15))]
        );
        assert_eq!(back_to_back(t(22, 30), 60, 2).unwrap_err().code, "error-meeting-slots-past-midnight");
        assert_eq!(back_to_back(t(23, 0), 60, 1).unwrap_err().code, "error-meeting-slots-past-midnight");
        assert_eq!(back_to_back(t(14, 0), 5, 1).unwrap_err().field, "minutes");
        assert!(back_to_back(t(14, 0), 45, 0).unwrap().is_empty());
    }
}
