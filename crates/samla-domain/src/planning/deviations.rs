//! When a course differs from its programme's rules. The staffing rule (so many group
//! leaders, certified or not, and user representatives at each session) is checked when a
//! course leaves draft; reality does not always follow it (in Mo i Rana the user
//! representative could come only once). A gap is then a deviation a coordinator may
//! accept with a written reason, kept with who accepted it and when; without a reason the
//! status change is refused with the list, so nothing is bent silently. An acceptance
//! covers the deviations as they were: one that grows (more sessions, fewer people) or a
//! new kind needs a reason of its own.

use super::lifecycle::CourseStatus;
use super::staffing::StaffingGap;
use crate::validation::{required_text, FieldError};
use serde::{Deserialize, Serialize};

/// Most characters in the reason for accepting deviations.
pub const REASON_MAX_CHARS: usize = 2000;

/// What about a course differs from its programme's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// Fewer group leaders at a session than the programme asks.
    GroupLeaders,
    /// Enough leaders, but fewer of them certified than the programme asks.
    CertifiedGroupLeaders,
    /// Fewer user representatives at a session than the programme asks.
    UserRepresentatives,
}

impl DeviationKind {
    pub const ALL: [DeviationKind; 3] =
        [DeviationKind::GroupLeaders, DeviationKind::CertifiedGroupLeaders, DeviationKind::UserRepresentatives];

    pub fn as_str(self) -> &'static str {
        match self {
            DeviationKind::GroupLeaders => "group_leaders",
            DeviationKind::CertifiedGroupLeaders => "certified_group_leaders",
            DeviationKind::UserRepresentatives => "user_representatives",
        }
    }

    pub fn parse(raw: &str) -> Option<DeviationKind> {
        DeviationKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// A translation key taking `sessions`, `fewest` and `needed`.
    pub fn message_key(self) -> &'static str {
        match self {
            DeviationKind::GroupLeaders => "deviation-group-leaders",
            DeviationKind::CertifiedGroupLeaders => "deviation-certified-group-leaders",
            DeviationKind::UserRepresentatives => "deviation-user-representatives",
        }
    }

    fn of(gap: &StaffingGap) -> (DeviationKind, u32, u32) {
        match *gap {
            StaffingGap::GroupLeaders { have, need } => (DeviationKind::GroupLeaders, have, need),
            StaffingGap::CertifiedGroupLeaders { have, need } => (DeviationKind::CertifiedGroupLeaders, have, need),
            StaffingGap::UserRepresentatives { have, need } => (DeviationKind::UserRepresentatives, have, need),
        }
    }
}

try_from_text!(DeviationKind, "deviation kind");

/// One kind of deviation over a course's planned sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deviation {
    pub kind: DeviationKind,
    /// Planned sessions that lack staff of this kind.
    pub sessions: u32,
    /// The fewest of this kind planned at one of them.
    pub fewest: u32,
    /// What the programme asks at each session.
    pub needed: u32,
}

/// The course's deviations from the gaps of each planned session, one per kind, in the
/// order of [`DeviationKind::ALL`].
pub fn deviations<'a>(per_session: impl IntoIterator<Item = &'a [StaffingGap]>) -> Vec<Deviation> {
    let mut found: Vec<Deviation> = Vec::new();
    for gaps in per_session {
        for gap in gaps {
            let (kind, have, need) = DeviationKind::of(gap);
            match found.iter_mut().find(|d| d.kind == kind) {
                Some(d) => {
                    d.sessions += 1;
                    d.fewest = d.fewest.min(have);
                    d.needed = d.needed.max(need);
                }
                None => found.push(Deviation { kind, sessions: 1, fewest: have, needed: need }),
            }
        }
    }
    found.sort_by_key(|d| d.kind);
    found
}

/// Whether an accepted deviation covers a current one: the same kind, on no more sessions,
/// with no fewer people, under the same need.
fn covers(accepted: &Deviation, current: &Deviation) -> bool {
    accepted.kind == current.kind
        && accepted.needed == current.needed
        && current.sessions <= accepted.sessions
        && current.fewest >= accepted.fewest
}

/// The current deviations no earlier acceptance covers.
pub fn uncovered(current: &[Deviation], accepted: &[Deviation]) -> Vec<Deviation> {
    current.iter().filter(|d| !accepted.iter().any(|a| covers(a, d))).copied().collect()
}

/// What a status change that needs the programme's rules met comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Nothing (more) to accept: go ahead.
    Proceed,
    /// Go ahead, recording these deviations as accepted for this reason.
    Accept { deviations: Vec<Deviation>, reason: String },
    /// Refused: these deviations are not accepted, and the reason is missing or invalid.
    Refuse { deviations: Vec<Deviation>, reason_error: FieldError },
}

/// Decides a status change to a status that needs the programme's rules met, given the
/// course's current deviations, those accepted before and the reason the coordinator gave
/// (empty: none). An acceptance records every current deviation, so later steps pass as
/// long as nothing grows. A reason given when there is nothing to accept is not needed
/// and not kept.
pub fn decide(current: &[Deviation], accepted: &[Deviation], reason: &str) -> Decision {
    let open = uncovered(current, accepted);
    if open.is_empty() {
        return Decision::Proceed;
    }
    match required_text("deviation_reason", reason, REASON_MAX_CHARS) {
        Ok(reason) => Decision::Accept { deviations: current.to_vec(), reason },
        Err(error) => {
            let reason_error = if error.code == "error-required" {
                FieldError::new("deviation_reason", "error-deviation-reason-required")
            } else {
                error
            };
            Decision::Refuse { deviations: open, reason_error }
        }
    }
}

/// A programme's courses and the deviations accepted on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviationStatistics {
    /// Courses that left draft and were not cancelled: ready to running, completed and
    /// archived.
    pub courses: u32,
    /// Of `courses`: those with at least one accepted deviation.
    pub with_accepted_deviations: u32,
    /// Per kind (every kind, in the order of [`DeviationKind::ALL`]): courses with an
    /// accepted deviation of that kind.
    pub by_kind: Vec<(DeviationKind, u32)>,
}

/// Adds up a programme's courses: each course's status and the kinds of deviation
/// accepted on it (in any order, repeats allowed).
pub fn statistics(courses: &[(CourseStatus, Vec<DeviationKind>)]) -> DeviationStatistics {
    let counted: Vec<&Vec<DeviationKind>> = courses
        .iter()
        .filter(|(status, _)| !matches!(status, CourseStatus::Draft | CourseStatus::Cancelled))
        .map(|(_, kinds)| kinds)
        .collect();
    DeviationStatistics {
        courses: counted.len() as u32,
        with_accepted_deviations: counted.iter().filter(|kinds| !kinds.is_empty()).count() as u32,
        by_kind: DeviationKind::ALL
            .into_iter()
            .map(|kind| (kind, counted.iter().filter(|kinds| kinds.contains(&kind)).count() as u32))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeviationKind::*;

    fn rep_gap() -> Vec<StaffingGap> {
        vec![StaffingGap::UserRepresentatives { have: 0, need: 1 }]
    }

    /// Mo i Rana: nine sessions, the user representative at the first only.
    fn mo_i_rana() -> Vec<Vec<StaffingGap>> {
        let mut sessions = vec![vec![]];
        sessions.extend(std::iter::repeat_n(rep_gap(), 8));
        sessions
    }

    fn of(sessions: &[Vec<StaffingGap>]) -> Vec<Deviation> {
        deviations(sessions.iter().map(Vec::as_slice))
    }

    #[test]
    fn gaps_add_up_to_one_deviation_per_kind() {
        let mut sessions = mo_i_rana();
        sessions[3].push(StaffingGap::GroupLeaders { have: 1, need: 2 });
        sessions[4] = vec![StaffingGap::GroupLeaders { have: 0, need: 2 }];
        assert_eq!(
            of(&sessions),
            vec![
                Deviation { kind: GroupLeaders, sessions: 2, fewest: 0, needed: 2 },
                Deviation { kind: UserRepresentatives, sessions: 7, fewest: 0, needed: 1 },
            ]
        );
        assert_eq!(of(&[vec![], vec![]]), vec![]);
    }

    #[test]
    fn without_a_reason_the_deviations_are_listed_and_refused() {
        let current = of(&mo_i_rana());
        for blank in ["", "   ", "\n"] {
            match decide(&current, &[], blank) {
                Decision::Refuse { deviations, reason_error } => {
                    assert_eq!(
                        deviations,
                        vec![Deviation { kind: UserRepresentatives, sessions: 8, fewest: 0, needed: 1 }]
                    );
                    assert_eq!(
                        (reason_error.field.as_str(), reason_error.code),
                        ("deviation_reason", "error-deviation-reason-required")
                    );
                }
                other => panic!("{other:?}"),
            }
        }
        let long = "x".repeat(REASON_MAX_CHARS + 1);
        assert!(
            matches!(decide(&current, &[], &long), Decision::Refuse { reason_error, .. } if reason_error.code == "error-too-long")
        );
    }

    #[test]
    fn a_written_reason_accepts_every_current_deviation() {
        let current = of(&mo_i_rana());
        let reason = "  Brukerrepresentanten kan bare komme én gang; de andre samlingene har tre ledere.  ";
        assert_eq!(
            decide(&current, &[], reason),
            Decision::Accept { deviations: current.clone(), reason: reason.trim().to_string() }
        );
        assert_eq!(decide(&[], &[], ""), Decision::Proceed, "nothing to accept");
        assert_eq!(decide(&[], &[], "unneeded"), Decision::Proceed, "a reason for nothing is not kept");
    }

    #[test]
    fn an_acceptance_covers_the_same_or_less_and_not_more() {
        let accepted = of(&mo_i_rana());
        assert_eq!(decide(&accepted, &accepted, ""), Decision::Proceed, "the next step passes");
        let fewer = Deviation { sessions: 5, ..accepted[0] };
        assert!(uncovered(&[fewer], &accepted).is_empty());
        let more = Deviation { sessions: 9, ..accepted[0] };
        assert_eq!(uncovered(&[more], &accepted), vec![more]);
        let leaders = Deviation { kind: GroupLeaders, sessions: 1, fewest: 1, needed: 2 };
        assert_eq!(uncovered(&[accepted[0], leaders], &accepted), vec![leaders], "a new kind needs a reason");
        let worse = Deviation { kind: GroupLeaders, sessions: 1, fewest: 0, needed: 2 };
        assert_eq!(uncovered(&[worse], &[leaders]), vec![worse], "fewer people than accepted");
    }

    #[test]
    fn statistics_count_the_courses_that_left_draft() {
        use CourseStatus::*;
        let found = statistics(&[
            (Completed, vec![UserRepresentatives, UserRepresentatives]),
            (Running, vec![GroupLeaders, UserRepresentatives]),
            (Ready, vec![]),
            (Draft, vec![GroupLeaders]),
            (Cancelled, vec![UserRepresentatives]),
        ]);
        assert_eq!(found.courses, 3);
        assert_eq!(found.with_accepted_deviations, 2);
        assert_eq!(found.by_kind, vec![(GroupLeaders, 1), (CertifiedGroupLeaders, 0), (UserRepresentatives, 2)]);
        assert_eq!(statistics(&[]).by_kind.len(), 3, "every kind, also at 0");
    }

    #[test]
    fn kinds_round_trip() {
        assert_names_round_trip!(DeviationKind);
        assert_eq!(DeviationKind::parse("capacity"), None);
    }
}
