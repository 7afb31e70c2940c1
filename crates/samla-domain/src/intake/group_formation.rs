//! Proposing a group from the waitlist, with a reason for every decision.
//!
//! A coordinator forming a group has to be able to defend it to families who waited:
//! why this child and not mine? So [`propose`] does not just return a list; it returns a
//! [`Placement`] with a [`Reason`] for every candidate, in the order the candidates were
//! given, and the web layer can show "group full", "outside the age band" or "pinned in
//! by coordinator" next to each name.
//!
//! The proposal is a suggestion: the coordinator adjusts it with pins and runs it again.
//! Pins are adjustments within the rules, never around them: an age band or a full group
//! holds even against a pin.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// How siblings (children of the same household) are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SiblingRule {
    /// Siblings go together or not at all: one family, one group (e.g. for programmes
    /// where siblings share an experience and benefit from the same group).
    Together,
    /// At most one child per household, so each child has a space of their own.
    Apart,
}

impl SiblingRule {
    pub const ALL: [SiblingRule; 2] = [SiblingRule::Together, SiblingRule::Apart];

    pub fn as_str(self) -> &'static str {
        match self {
            SiblingRule::Together => "together",
            SiblingRule::Apart => "apart",
        }
    }

    pub fn parse(raw: &str) -> Option<SiblingRule> {
        SiblingRule::ALL.into_iter().find(|r| r.as_str() == raw)
    }
}

/// A coordinator's adjustment of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pin {
    /// No adjustment: placed by priority and waiting time.
    #[default]
    None,
    /// Considered before everyone else (still subject to the age band and capacity).
    Include,
    /// Never placed in this proposal.
    Exclude,
}

impl Pin {
    pub const ALL: [Pin; 3] = [Pin::None, Pin::Include, Pin::Exclude];

    pub fn as_str(self) -> &'static str {
        match self {
            Pin::None => "none",
            Pin::Include => "include",
            Pin::Exclude => "exclude",
        }
    }

    pub fn parse(raw: &str) -> Option<Pin> {
        Pin::ALL.into_iter().find(|p| p.as_str() == raw)
    }
}

/// One waitlisted application, as far as forming a group is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub application_id: i64,
    /// Children with the same household id are siblings for [`SiblingRule`].
    pub household_id: i64,
    /// Age on the group's start date, when known.
    pub age: Option<u32>,
    /// 1 = highest, 3 = lowest.
    pub priority: u8,
    /// When the application joined the waitlist (unix seconds): first come, first served
    /// within a priority.
    pub waiting_since: i64,
    pub pin: Pin,
}

/// The group's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRules {
    /// Places in the group; never exceeded.
    pub capacity: u32,
    /// Fewest participants for the group to run; reported, not enforced.
    pub minimum: u32,
    /// Youngest age allowed (inclusive), if any.
    pub age_min: Option<u32>,
    /// Oldest age allowed (inclusive), if any.
    pub age_max: Option<u32>,
    pub siblings: SiblingRule,
}

impl GroupRules {
    fn has_age_band(&self) -> bool {
        self.age_min.is_some() || self.age_max.is_some()
    }

    fn in_age_band(&self, age: u32) -> bool {
        self.age_min.is_none_or(|min| age >= min) && self.age_max.is_none_or(|max| age <= max)
    }
}

/// Why a candidate is in or out. Serialised with its [`Reason::code`] as `"code"`,
/// e.g. `{"code":"chosen","rank":2}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Reason {
    /// In, by priority and waiting time; `rank` is the 1-based position in the order
    /// places were filled (pinned-in candidates count, so ranks run 1..=size over all
    /// included candidates).
    Chosen { rank: u32 },
    /// In, because the coordinator pinned them in.
    PinnedIn,
    /// Out, because the coordinator pinned them out.
    PinnedOut,
    /// Out: the age is outside the group's age band. Holds even when pinned in.
    OutsideAgeBand { age: u32 },
    /// Out: the group has an age band and the age is not known. Without a band an
    /// unknown age is no obstacle.
    AgeUnknown,
    /// Out: no place left for this candidate (or, with siblings together, for any of
    /// the household's children).
    GroupFull,
    /// Out (siblings together): there are places left, but too few for all of the
    /// household's children.
    SiblingsDoNotFit,
    /// Out (siblings apart): a sibling already has the household's place.
    SiblingAlreadyInGroup,
    /// Out (siblings together): a sibling is out because of the age band or a pin, so
    /// the whole household stays out.
    SiblingOutsideRules,
}

impl Reason {
    /// A stable code for translations and API responses.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Chosen { .. } => "chosen",
            Reason::PinnedIn => "pinned-in",
            Reason::PinnedOut => "pinned-out",
            Reason::OutsideAgeBand { .. } => "outside-age-band",
            Reason::AgeUnknown => "age-unknown",
            Reason::GroupFull => "group-full",
            Reason::SiblingsDoNotFit => "siblings-do-not-fit",
            Reason::SiblingAlreadyInGroup => "sibling-already-in-group",
            Reason::SiblingOutsideRules => "sibling-outside-rules",
        }
    }

    /// Whether this reason puts the candidate in the group.
    pub fn is_inclusion(&self) -> bool {
        matches!(self, Reason::Chosen { .. } | Reason::PinnedIn)
    }
}

/// The decision for one candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub application_id: i64,
    pub included: bool,
    pub reason: Reason,
}

/// A proposed group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// One per candidate, in the same order as the candidates given to [`propose`].
    pub placements: Vec<Placement>,
    /// How many are included.
    pub size: u32,
    /// Whether `size >= minimum`: if not, the group may have to wait or be merged.
    pub meets_minimum: bool,
}

impl Proposal {
    /// The application ids of the included candidates, in input order.
    pub fn included_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.placements.iter().filter(|p| p.included).map(|p| p.application_id)
    }
}

/// Why a candidate cannot be in the group whatever else happens: outside the age band,
/// age unknown with a band, or pinned out. The age band is checked first because it is
/// a rule of the group, a pin only an adjustment.
fn own_exclusion(candidate: &Candidate, rules: &GroupRules) -> Option<Reason> {
    if rules.has_age_band() {
        match candidate.age {
            None => return Some(Reason::AgeUnknown),
            Some(age) if !rules.in_age_band(age) => return Some(Reason::OutsideAgeBand { age }),
            Some(_) => {}
        }
    }
    (candidate.pin == Pin::Exclude).then_some(Reason::PinnedOut)
}

/// Proposes a group: fills places greedily in order of consideration and explains every
/// decision.
///
/// Order of consideration: pinned-in first, then priority (1 before 3), then longest
/// waiting, then lowest application id (so the result is deterministic).
///
/// - Age band and pins out: see [`Reason::OutsideAgeBand`], [`Reason::AgeUnknown`],
///   [`Reason::PinnedOut`]. The age band holds even for pinned-in candidates.
/// - Capacity is never exceeded. Greedy: a unit that does not fit does not stop a smaller
///   later one from being taken, so places are not left empty needlessly.
/// - [`SiblingRule::Together`]: a household is one unit, considered at the position of its
///   best-ranked member. If any member is out for age or pin, all are out (the others with
///   [`Reason::SiblingOutsideRules`]); if the unit does not fit, all are out with
///   [`Reason::SiblingsDoNotFit`] — or [`Reason::GroupFull`] when no place is left at all,
///   or the household is a single child.
/// - [`SiblingRule::Apart`]: the first-ranked child of a household who can be placed is;
///   later siblings get [`Reason::SiblingAlreadyInGroup`]. A sibling who is out for age or
///   pin does not block the next one.
pub fn propose(candidates: &[Candidate], rules: &GroupRules) -> Proposal {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| {
        let c = &candidates[i];
        (c.pin != Pin::Include, c.priority, c.waiting_since, c.application_id)
    });

    let mut reasons: Vec<Option<Reason>> = vec![None; candidates.len()];
    let mut size: u32 = 0;
    // Records an inclusion with the next rank.
    let mut include = |i: usize, reasons: &mut Vec<Option<Reason>>| {
        size += 1;
        reasons[i] =
            Some(if candidates[i].pin == Pin::Include { Reason::PinnedIn } else { Reason::Chosen { rank: size } });
    };

    match rules.siblings {
        SiblingRule::Together => {
            // Households in order of their best-ranked member, members in rank order.
            let mut households: Vec<Vec<usize>> = Vec::new();
            let mut index_of: HashMap<i64, usize> = HashMap::new();
            for &i in &order {
                let slot = *index_of.entry(candidates[i].household_id).or_insert_with(|| {
                    households.push(Vec::new());
                    households.len() - 1
                });
                households[slot].push(i);
            }
            let mut taken: u32 = 0;
            for members in households {
                let own: Vec<Option<Reason>> = members.iter().map(|&i| own_exclusion(&candidates[i], rules)).collect();
                if own.iter().any(Option::is_some) {
                    for (&i, reason) in members.iter().zip(own) {
                        reasons[i] = Some(reason.unwrap_or(Reason::SiblingOutsideRules));
                    }
                    continue;
                }
                let unit = members.len() as u32;
                let left = rules.capacity.saturating_sub(taken);
                if unit <= left {
                    taken += unit;
                    for &i in &members {
                        include(i, &mut reasons);
                    }
                } else {
                    let reason = if left == 0 || unit == 1 { Reason::GroupFull } else { Reason::SiblingsDoNotFit };
                    for &i in &members {
                        reasons[i] = Some(reason);
                    }
                }
            }
        }
        SiblingRule::Apart => {
            let mut placed_households: Vec<i64> = Vec::new();
            let mut taken: u32 = 0;
            for &i in &order {
                let candidate = &candidates[i];
                reasons[i] = if let Some(reason) = own_exclusion(candidate, rules) {
                    Some(reason)
                } else if placed_households.contains(&candidate.household_id) {
                    Some(Reason::SiblingAlreadyInGroup)
                } else if taken >= rules.capacity {
                    Some(Reason::GroupFull)
                } else {
                    taken += 1;
                    placed_households.push(candidate.household_id);
                    include(i, &mut reasons);
                    continue;
                };
            }
        }
    }

    let placements: Vec<Placement> = candidates
        .iter()
        .zip(reasons)
        .map(|(c, reason)| {
            let reason = reason.expect("every candidate is decided");
            Placement { application_id: c.application_id, included: reason.is_inclusion(), reason }
        })
        .collect();
    let size = placements.iter().filter(|p| p.included).count() as u32;
    Proposal { placements, size, meets_minimum: size >= rules.minimum }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A candidate in its own household, age 10, priority 2, waiting since `id`.
    fn cand(id: i64) -> Candidate {
        Candidate {
            application_id: id,
            household_id: id,
            age: Some(10),
            priority: 2,
            waiting_since: id,
            pin: Pin::None,
        }
    }

    fn rules(capacity: u32) -> GroupRules {
        GroupRules { capacity, minimum: 0, age_min: None, age_max: None, siblings: SiblingRule::Together }
    }

    fn reasons(p: &Proposal) -> Vec<(i64, Reason)> {
        p.placements.iter().map(|pl| (pl.application_id, pl.reason)).collect()
    }

    #[test]
    fn names_and_codes() {
        assert_names_round_trip!(SiblingRule);
        for p in Pin::ALL {
            assert_eq!(Pin::parse(p.as_str()), Some(p));
        }
        let all = [
            (Reason::Chosen { rank: 1 }, "chosen"),
            (Reason::PinnedIn, "pinned-in"),
            (Reason::PinnedOut, "pinned-out"),
            (Reason::OutsideAgeBand { age: 4 }, "outside-age-band"),
            (Reason::AgeUnknown, "age-unknown"),
            (Reason::GroupFull, "group-full"),
            (Reason::SiblingsDoNotFit, "siblings-do-not-fit"),
            (Reason::SiblingAlreadyInGroup, "sibling-already-in-group"),
            (Reason::SiblingOutsideRules, "sibling-outside-rules"),
        ];
        for (reason, code) in all {
            assert_eq!(reason.code(), code);
            let json = serde_json::to_value(reason).unwrap();
            assert_eq!(json["code"], code, "{json}");
        }
        assert_eq!(serde_json::to_string(&Reason::Chosen { rank: 2 }).unwrap(), r#"{"code":"chosen","rank":2}"#);
    }

    #[test]
    fn empty_waitlist() {
        let p = propose(&[], &GroupRules { minimum: 1, ..rules(8) });
        assert_eq!(p, Proposal { placements: vec![], size: 0, meets_minimum: false });
        assert!(propose(&[], &rules(8)).meets_minimum);
    }

    #[test]
    fn chosen_by_priority_then_waiting_then_id() {
        let candidates = [
            Candidate { priority: 3, waiting_since: 0, ..cand(1) },
            Candidate { priority: 1, waiting_since: 500, ..cand(2) },
            Candidate { priority: 2, waiting_since: 100, ..cand(3) },
            Candidate { priority: 2, waiting_since: 50, ..cand(4) },
            Candidate { priority: 2, waiting_since: 50, ..cand(5) },
        ];
        let p = propose(&candidates, &rules(4));
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::GroupFull),
                (2, Reason::Chosen { rank: 1 }),
                (3, Reason::Chosen { rank: 4 }),
                (4, Reason::Chosen { rank: 2 }),
                (5, Reason::Chosen { rank: 3 }),
            ]
        );
        assert_eq!(p.size, 4);
        assert_eq!(p.included_ids().collect::<Vec<_>>(), [2, 3, 4, 5]);
    }

    #[test]
    fn pinned_in_goes_first() {
        let candidates = [
            Candidate { priority: 1, ..cand(1) },
            Candidate { priority: 3, waiting_since: 9999, pin: Pin::Include, ..cand(2) },
        ];
        let p = propose(&candidates, &rules(1));
        assert_eq!(reasons(&p), [(1, Reason::GroupFull), (2, Reason::PinnedIn)]);
        let p = propose(&candidates, &rules(2));
        assert_eq!(reasons(&p), [(1, Reason::Chosen { rank: 2 }), (2, Reason::PinnedIn)]);
    }

    #[test]
    fn pinned_in_still_needs_a_place() {
        let candidates = [Candidate { pin: Pin::Include, ..cand(1) }, Candidate { pin: Pin::Include, ..cand(2) }];
        let p = propose(&candidates, &rules(1));
        assert_eq!(reasons(&p), [(1, Reason::PinnedIn), (2, Reason::GroupFull)]);
        assert_eq!(p.size, 1);
    }

    #[test]
    fn pinned_out() {
        let candidates = [Candidate { priority: 1, pin: Pin::Exclude, ..cand(1) }, cand(2)];
        let p = propose(&candidates, &rules(5));
        assert_eq!(reasons(&p), [(1, Reason::PinnedOut), (2, Reason::Chosen { rank: 1 })]);
    }

    #[test]
    fn age_band_holds_even_when_pinned_in() {
        let band = GroupRules { age_min: Some(8), age_max: Some(12), ..rules(10) };
        let candidates = [
            Candidate { age: Some(7), ..cand(1) },
            Candidate { age: Some(8), ..cand(2) },
            Candidate { age: Some(12), ..cand(3) },
            Candidate { age: Some(13), pin: Pin::Include, ..cand(4) },
            Candidate { age: None, ..cand(5) },
            Candidate { age: Some(5), pin: Pin::Exclude, ..cand(6) },
        ];
        let p = propose(&candidates, &band);
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::OutsideAgeBand { age: 7 }),
                (2, Reason::Chosen { rank: 1 }),
                (3, Reason::Chosen { rank: 2 }),
                (4, Reason::OutsideAgeBand { age: 13 }),
                (5, Reason::AgeUnknown),
                (6, Reason::OutsideAgeBand { age: 5 }), // the rule is reported before the pin
            ]
        );
    }

    #[test]
    fn one_sided_age_bands_and_no_band() {
        let candidates = [
            Candidate { age: Some(6), ..cand(1) },
            Candidate { age: Some(16), ..cand(2) },
            Candidate { age: None, ..cand(3) },
        ];
        let from_ten = propose(&candidates, &GroupRules { age_min: Some(10), ..rules(10) });
        assert_eq!(
            reasons(&from_ten),
            [(1, Reason::OutsideAgeBand { age: 6 }), (2, Reason::Chosen { rank: 1 }), (3, Reason::AgeUnknown)]
        );
        let up_to_ten = propose(&candidates, &GroupRules { age_max: Some(10), ..rules(10) });
        assert_eq!(
            reasons(&up_to_ten),
            [(1, Reason::Chosen { rank: 1 }), (2, Reason::OutsideAgeBand { age: 16 }), (3, Reason::AgeUnknown)]
        );
        // Without a band, an unknown age is no obstacle.
        assert_eq!(propose(&candidates, &rules(10)).size, 3);
    }

    #[test]
    fn group_full_and_minimum() {
        let candidates: Vec<Candidate> = (1..=5).map(cand).collect();
        let p = propose(&candidates, &GroupRules { minimum: 3, ..rules(2) });
        assert_eq!(p.size, 2);
        assert!(!p.meets_minimum);
        assert_eq!(p.placements[2].reason, Reason::GroupFull);
        assert!(propose(&candidates, &GroupRules { minimum: 3, ..rules(3) }).meets_minimum);
        let none = propose(&candidates, &rules(0));
        assert!(none.placements.iter().all(|p| p.reason == Reason::GroupFull));
    }

    #[test]
    fn together_siblings_ride_with_their_best_ranked_member() {
        // Household 10: a priority 1 child and a priority 3 sibling.
        let candidates = [
            Candidate { household_id: 10, priority: 3, ..cand(1) },
            Candidate { priority: 2, ..cand(2) },
            Candidate { household_id: 10, priority: 1, ..cand(3) },
        ];
        let p = propose(&candidates, &rules(2));
        assert_eq!(
            reasons(&p),
            [(1, Reason::Chosen { rank: 2 }), (2, Reason::GroupFull), (3, Reason::Chosen { rank: 1 })]
        );
    }

    #[test]
    fn together_siblings_that_do_not_fit_leave_room_for_others() {
        let candidates = [
            cand(1),
            Candidate { household_id: 10, ..cand(2) },
            Candidate { household_id: 10, ..cand(3) },
            Candidate { household_id: 10, ..cand(4) },
            cand(5),
            cand(6),
        ];
        let p = propose(&candidates, &rules(3));
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::Chosen { rank: 1 }),
                (2, Reason::SiblingsDoNotFit),
                (3, Reason::SiblingsDoNotFit),
                (4, Reason::SiblingsDoNotFit),
                (5, Reason::Chosen { rank: 2 }),
                (6, Reason::Chosen { rank: 3 }),
            ]
        );
        // With no place left at all, the household is told the group is full.
        let full = propose(&candidates, &rules(1));
        assert_eq!(full.placements[1].reason, Reason::GroupFull);
    }

    #[test]
    fn together_a_sibling_outside_the_rules_keeps_the_household_out() {
        let band = GroupRules { age_min: Some(8), age_max: Some(12), ..rules(10) };
        let candidates = [
            Candidate { household_id: 10, age: Some(10), pin: Pin::Include, ..cand(1) },
            Candidate { household_id: 10, age: Some(15), ..cand(2) },
            Candidate { household_id: 20, ..cand(3) },
            Candidate { household_id: 20, pin: Pin::Exclude, ..cand(4) },
            cand(5),
        ];
        let p = propose(&candidates, &band);
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::SiblingOutsideRules),
                (2, Reason::OutsideAgeBand { age: 15 }),
                (3, Reason::SiblingOutsideRules),
                (4, Reason::PinnedOut),
                (5, Reason::Chosen { rank: 1 }),
            ]
        );
    }

    #[test]
    fn together_pinned_in_sibling_brings_the_household() {
        let candidates = [
            cand(1),
            Candidate { household_id: 10, priority: 3, pin: Pin::Include, ..cand(2) },
            Candidate { household_id: 10, priority: 3, ..cand(3) },
        ];
        let p = propose(&candidates, &rules(2));
        assert_eq!(reasons(&p), [(1, Reason::GroupFull), (2, Reason::PinnedIn), (3, Reason::Chosen { rank: 2 })]);
    }

    #[test]
    fn apart_one_child_per_household() {
        let apart = GroupRules { siblings: SiblingRule::Apart, ..rules(10) };
        let candidates = [
            Candidate { household_id: 10, priority: 3, ..cand(1) },
            Candidate { household_id: 10, priority: 1, ..cand(2) },
            cand(3),
            Candidate { household_id: 10, priority: 2, ..cand(4) },
        ];
        let p = propose(&candidates, &apart);
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::SiblingAlreadyInGroup),
                (2, Reason::Chosen { rank: 1 }),
                (3, Reason::Chosen { rank: 2 }),
                (4, Reason::SiblingAlreadyInGroup),
            ]
        );
    }

    #[test]
    fn apart_a_sibling_out_for_rules_does_not_block_the_next() {
        let apart = GroupRules { siblings: SiblingRule::Apart, age_max: Some(12), ..rules(10) };
        let candidates = [
            Candidate { household_id: 10, priority: 1, age: Some(14), ..cand(1) },
            Candidate { household_id: 10, priority: 2, pin: Pin::Exclude, ..cand(2) },
            Candidate { household_id: 10, priority: 3, ..cand(3) },
        ];
        let p = propose(&candidates, &apart);
        assert_eq!(
            reasons(&p),
            [(1, Reason::OutsideAgeBand { age: 14 }), (2, Reason::PinnedOut), (3, Reason::Chosen { rank: 1 })]
        );
    }

    #[test]
    fn apart_pinned_in_siblings_still_one_per_household() {
        let apart = GroupRules { siblings: SiblingRule::Apart, ..rules(10) };
        let candidates = [
            Candidate { household_id: 10, pin: Pin::Include, ..cand(1) },
            Candidate { household_id: 10, pin: Pin::Include, ..cand(2) },
        ];
        let p = propose(&candidates, &apart);
        assert_eq!(reasons(&p), [(1, Reason::PinnedIn), (2, Reason::SiblingAlreadyInGroup)]);
    }

    // ---- properties ----

    fn pin() -> impl Strategy<Value = Pin> {
        prop_oneof![6 => Just(Pin::None), 2 => Just(Pin::Include), 2 => Just(Pin::Exclude)]
    }

    /// 0–30 candidates in households of 1–3, shuffled so siblings are not adjacent.
    fn candidates() -> impl Strategy<Value = Vec<Candidate>> {
        prop::collection::vec(1usize..=3, 0..=20).prop_flat_map(|sizes| {
            let households: Vec<i64> =
                sizes.iter().enumerate().flat_map(|(h, &n)| std::iter::repeat_n(h as i64 + 100, n)).take(30).collect();
            let n = households.len();
            let attributes = (prop::option::weighted(0.85, 5u32..=17), 1u8..=3, 0i64..5, pin());
            (Just(households), prop::collection::vec(attributes, n))
                .prop_map(|(households, attributes)| {
                    households
                        .into_iter()
                        .zip(attributes)
                        .enumerate()
                        .map(|(i, (household_id, (age, priority, waiting_since, pin)))| Candidate {
                            application_id: i as i64 + 1,
                            household_id,
                            age,
                            priority,
                            waiting_since,
                            pin,
                        })
                        .collect::<Vec<_>>()
                })
                .prop_shuffle()
        })
    }

    fn group_rules() -> impl Strategy<Value = GroupRules> {
        (
            0u32..=12,
            0u32..=12,
            prop::option::of(5u32..=17),
            prop::option::of(5u32..=17),
            prop_oneof![Just(SiblingRule::Together), Just(SiblingRule::Apart)],
        )
            .prop_map(|(capacity, minimum, age_min, age_max, siblings)| GroupRules {
                capacity,
                minimum,
                age_min,
                age_max,
                siblings,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn proposals_always_follow_the_rules(candidates in candidates(), rules in group_rules()) {
            let p = propose(&candidates, &rules);

            // Every candidate exactly once, in input order.
            prop_assert_eq!(p.placements.len(), candidates.len());
            for (c, pl) in candidates.iter().zip(&p.placements) {
                prop_assert_eq!(c.application_id, pl.application_id);
                prop_assert_eq!(pl.included, pl.reason.is_inclusion());
            }

            let included: Vec<&Candidate> =
                candidates.iter().zip(&p.placements).filter(|(_, pl)| pl.included).map(|(c, _)| c).collect();
            prop_assert_eq!(p.size as usize, included.len());
            prop_assert!(p.size <= rules.capacity);
            prop_assert_eq!(p.meets_minimum, p.size >= rules.minimum);

            // Ranks of those chosen are distinct positions within the group.
            let mut ranks: Vec<u32> =
                p.placements.iter().filter_map(|pl| match pl.reason { Reason::Chosen { rank } => Some(rank), _ => None }).collect();
            ranks.sort_unstable();
            ranks.dedup();
            prop_assert_eq!(ranks.len(), p.placements.iter().filter(|pl| matches!(pl.reason, Reason::Chosen { .. })).count());
            prop_assert!(ranks.iter().all(|&r| (1..=p.size).contains(&r)));

            let household_size = |h: i64| candidates.iter().filter(|c| c.household_id == h).count() as u32;
            for (c, pl) in candidates.iter().zip(&p.placements) {
                if pl.included && (rules.age_min.is_some() || rules.age_max.is_some()) {
                    let age = c.age.expect("included with a band means the age is known");
                    prop_assert!(rules.age_min.is_none_or(|min| age >= min) && rules.age_max.is_none_or(|max| age <= max));
                }
                if c.pin == Pin::Exclude {
                    prop_assert!(!pl.included);
                }
                prop_assert_eq!(pl.reason == Reason::PinnedIn, pl.included && c.pin == Pin::Include);

                let siblings: Vec<(&Candidate, &Placement)> = candidates
                    .iter()
                    .zip(&p.placements)
                    .filter(|(s, _)| s.household_id == c.household_id && !std::ptr::eq(*s, c))
                    .collect();
                match rules.siblings {
                    SiblingRule::Together => {
                        prop_assert!(siblings.iter().all(|(_, s)| s.included == pl.included));
                    }
                    SiblingRule::Apart => {
                        if pl.included {
                            prop_assert!(siblings.iter().all(|(_, s)| !s.included));
                        }
                    }
                }

                // Every exclusion is justified.
                let unit = match rules.siblings {
                    SiblingRule::Together => household_size(c.household_id),
                    SiblingRule::Apart => 1,
                };
                match pl.reason {
                    Reason::GroupFull | Reason::SiblingsDoNotFit => {
                        prop_assert!(p.size + unit > rules.capacity, "{:?} would fit", c);
                    }
                    Reason::SiblingAlreadyInGroup => {
                        prop_assert_eq!(rules.siblings, SiblingRule::Apart);
                        prop_assert!(siblings.iter().any(|(_, s)| s.included));
                    }
                    Reason::SiblingOutsideRules => {
                        prop_assert_eq!(rules.siblings, SiblingRule::Together);
                        let sibling_out_for_rules = siblings.iter().any(|(_, s)| {
                            matches!(s.reason, Reason::OutsideAgeBand { .. } | Reason::AgeUnknown | Reason::PinnedOut)
                        });
                        prop_assert!(sibling_out_for_rules);
                    }
                    Reason::PinnedOut => prop_assert_eq!(c.pin, Pin::Exclude),
                    Reason::OutsideAgeBand { age } => prop_assert_eq!(c.age, Some(age)),
                    Reason::AgeUnknown => prop_assert!(c.age.is_none()),
                    Reason::Chosen { .. } | Reason::PinnedIn => {}
                }
            }
        }

        #[test]
        fn input_order_does_not_change_the_decisions(candidates in candidates(), rules in group_rules()) {
            let forward = propose(&candidates, &rules);
            let mut reversed_input = candidates.clone();
            reversed_input.reverse();
            let mut backward = propose(&reversed_input, &rules).placements;
            backward.reverse();
            prop_assert_eq!(forward.placements, backward);
        }
    }
}
