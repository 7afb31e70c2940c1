//! Who must consent before something may happen.
//!
//! Consent is per purpose: agreeing to take part is not agreeing to have information
//! shared with one's network, nor to take part in an evaluation. For a child, those with
//! parental responsibility decide, and from a configured age the child's own say is
//! needed too (in Norway the child's views must be heard from 7 and carry great weight
//! from 12; the organisation picks the age for its programmes, so it is a parameter).
//!
//! [`missing`] answers "what is still missing?" rather than "is it complete?", so the
//! screen can tell a coordinator exactly whom to ask.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The age of majority: under this age a person is a child and guardians decide.
pub const ADULT_AGE: u32 = 18;

/// What a consent is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Taking part in the programme.
    Participation,
    /// Sharing information with the person's network (school, health nurse, others).
    ShareWithNetwork,
    /// Answers and attendance used in an evaluation or research.
    Evaluation,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [Purpose::Participation, Purpose::ShareWithNetwork, Purpose::Evaluation];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Participation => "participation",
            Purpose::ShareWithNetwork => "share_with_network",
            Purpose::Evaluation => "evaluation",
        }
    }

    pub fn parse(raw: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == raw)
    }
}

/// In which role someone gave (or must give) consent. The same person can appear in
/// more than one role over time (a child who turns 18 consents as a participant), so
/// the role is part of the consent, not of the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    /// An adult participant deciding for themself.
    Participant,
    /// A guardian with parental responsibility deciding for a child.
    Guardian,
    /// A child old enough that their own agreement is required alongside the guardians'.
    ChildOwnSay,
}

impl Capacity {
    pub const ALL: [Capacity; 3] = [Capacity::Participant, Capacity::Guardian, Capacity::ChildOwnSay];

    pub fn as_str(self) -> &'static str {
        match self {
            Capacity::Participant => "participant",
            Capacity::Guardian => "guardian",
            Capacity::ChildOwnSay => "child_own_say",
        }
    }

    pub fn parse(raw: &str) -> Option<Capacity> {
        Capacity::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// The participant as far as consent is concerned, on the day being checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonForConsent {
    pub person_id: i64,
    pub name: String,
    /// Under 18 on the day being checked.
    pub is_child: bool,
    /// Age on that day, when known (it decides whether the child's own say is needed).
    pub age: Option<u32>,
}

/// A guardian of a child participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianForConsent {
    pub person_id: i64,
    pub name: String,
    /// Only guardians with parental responsibility (foreldreansvar) decide; others, such
    /// as a parent the child lives with part-time without it, are not asked.
    pub parental_responsibility: bool,
}

/// A consent that is currently valid: given, not withdrawn, not expired. The caller
/// filters; this module only matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Given {
    pub person_id: i64,
    pub capacity: Capacity,
    pub purpose: Purpose,
}

/// A consent that is still needed.
///
/// When a child has no guardian with parental responsibility on record, the entry has
/// `capacity: Guardian`, `person_id` = the child and an empty `name`, meaning "consent
/// from a guardian is missing" — and that a guardian has to be registered first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    pub person_id: i64,
    pub name: String,
    pub capacity: Capacity,
    pub purpose: Purpose,
}

impl Missing {
    /// Whether this is the "some guardian" placeholder rather than a named person.
    pub fn is_unknown_guardian(&self) -> bool {
        self.capacity == Capacity::Guardian && self.name.is_empty()
    }
}

/// The consents still needed for `purpose`, in the order they should be shown:
/// participant or guardians first (in the order given), then the child's own say.
///
/// - An adult participant must have consented as [`Capacity::Participant`].
/// - For a child, every guardian with parental responsibility must have consented as
///   [`Capacity::Guardian`]; guardians without it are not asked. A guardian listed twice
///   is asked once.
/// - A child with no guardian with parental responsibility on record gets one
///   placeholder entry (see [`Missing`]): nobody can consent for them yet.
/// - If the child's age is known and at least `child_own_say_from_age`, the child's own
///   say ([`Capacity::ChildOwnSay`]) is needed too. With an unknown age it is not
///   demanded here; the caller should make sure the age is known.
///
/// A consent only counts for the same person, capacity and purpose.
pub fn missing(
    purpose: Purpose,
    participant: &PersonForConsent,
    guardians: &[GuardianForConsent],
    given: &[Given],
    child_own_say_from_age: u32,
) -> Vec<Missing> {
    let has = |person_id: i64, capacity: Capacity| {
        given.iter().any(|g| g.person_id == person_id && g.capacity == capacity && g.purpose == purpose)
    };
    let needed = |person_id: i64, name: &str, capacity: Capacity| Missing {
        person_id,
        name: name.to_string(),
        capacity,
        purpose,
    };
    let mut out = Vec::new();

    if !participant.is_child {
        if !has(participant.person_id, Capacity::Participant) {
            out.push(needed(participant.person_id, &participant.name, Capacity::Participant));
        }
        return out;
    }

    let mut asked: Vec<i64> = Vec::new();
    for guardian in guardians.iter().filter(|g| g.parental_responsibility) {
        if asked.contains(&guardian.person_id) {
            continue;
        }
        asked.push(guardian.person_id);
        if !has(guardian.person_id, Capacity::Guardian) {
            out.push(needed(guardian.person_id, &guardian.name, Capacity::Guardian));
        }
    }
    if asked.is_empty() {
        out.push(needed(participant.person_id, "", Capacity::Guardian));
    }

    if participant.age.is_some_and(|age| age >= child_own_say_from_age)
        && !has(participant.person_id, Capacity::ChildOwnSay)
    {
        out.push(needed(participant.person_id, &participant.name, Capacity::ChildOwnSay));
    }
    out
}

/// The day a course's age rules are measured on — who is a child, the programme's age
/// band, the child's own say: the course's first session, or its start date while it has
/// none. Never the day someone happens to type: a course recorded years after it ran
/// takes the children it had, and a child who turns old enough for their own say before
/// the course begins is asked.
pub fn course_age_day(first_session: Option<NaiveDate>, course_start: NaiveDate) -> NaiveDate {
    first_session.unwrap_or(course_start)
}

/// Age in whole years on `day`; 0 for a day before the birth date.
///
/// Someone born on 29 February becomes a year older on 1 March in years without
/// a 29 February (they have not yet reached 29 February on the 28th).
pub fn age_on(birth_date: NaiveDate, day: NaiveDate) -> u32 {
    if day <= birth_date {
        return 0;
    }
    let years = day.year() - birth_date.year();
    let before_birthday = (day.month(), day.day()) < (birth_date.month(), birth_date.day());
    (years - i32::from(before_birthday)) as u32
}

/// Whether someone born on `birth_date` is a child (under [`ADULT_AGE`]) on `day`.
pub fn is_child_on(birth_date: NaiveDate, day: NaiveDate) -> bool {
    age_on(birth_date, day) < ADULT_AGE
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHILD: i64 = 1;
    const MOTHER: i64 = 2;
    const FATHER: i64 = 3;
    const STEPFATHER: i64 = 4;
    const OWN_SAY_FROM: u32 = 12;

    fn child(age: Option<u32>) -> PersonForConsent {
        PersonForConsent { person_id: CHILD, name: "Ada".into(), is_child: true, age }
    }

    fn adult() -> PersonForConsent {
        PersonForConsent { person_id: CHILD, name: "Kari".into(), is_child: false, age: Some(40) }
    }

    fn guardian(person_id: i64, name: &str, parental_responsibility: bool) -> GuardianForConsent {
        GuardianForConsent { person_id, name: name.into(), parental_responsibility }
    }

    fn parents() -> Vec<GuardianForConsent> {
        vec![guardian(MOTHER, "Mor", true), guardian(FATHER, "Far", true), guardian(STEPFATHER, "Ste", false)]
    }

    fn given(person_id: i64, capacity: Capacity, purpose: Purpose) -> Given {
        Given { person_id, capacity, purpose }
    }

    /// (person, capacity) pairs of the missing consents, for compact assertions.
    fn who(missing: &[Missing]) -> Vec<(i64, Capacity)> {
        missing.iter().map(|m| (m.person_id, m.capacity)).collect()
    }

    use Capacity::*;
    use Purpose::*;

    #[test]
    fn names_round_trip() {
        assert_names_round_trip!(Purpose, Capacity);
        assert_eq!(Purpose::parse("share-with-network"), None);
        assert_eq!(Capacity::parse("Guardian"), None);
    }

    #[test]
    fn adult_must_consent_themself() {
        let out = missing(Participation, &adult(), &[], &[], OWN_SAY_FROM);
        assert_eq!(
            out,
            vec![Missing { person_id: CHILD, name: "Kari".into(), capacity: Participant, purpose: Participation }]
        );
        assert!(
            missing(Participation, &adult(), &[], &[given(CHILD, Participant, Participation)], OWN_SAY_FROM).is_empty()
        );
    }

    #[test]
    fn consent_counts_only_for_its_purpose_and_capacity() {
        let other_purpose = [given(CHILD, Participant, Evaluation)];
        assert_eq!(who(&missing(Participation, &adult(), &[], &other_purpose, OWN_SAY_FROM)), [(CHILD, Participant)]);
        let wrong_capacity = [given(CHILD, ChildOwnSay, Participation)];
        assert_eq!(who(&missing(Participation, &adult(), &[], &wrong_capacity, OWN_SAY_FROM)), [(CHILD, Participant)]);
        // A guardian's consent for another purpose does not count either.
        let out = missing(ShareWithNetwork, &child(None), &parents(), &[given(MOTHER, Guardian, Participation)], 12);
        assert_eq!(who(&out), [(MOTHER, Guardian), (FATHER, Guardian)]);
        assert!(out.iter().all(|m| m.purpose == ShareWithNetwork));
    }

    #[test]
    fn adult_guardians_are_irrelevant() {
        let out = missing(Participation, &adult(), &parents(), &[given(MOTHER, Guardian, Participation)], 12);
        assert_eq!(who(&out), [(CHILD, Participant)]);
    }

    #[test]
    fn every_guardian_with_parental_responsibility_decides() {
        let out = missing(Participation, &child(Some(8)), &parents(), &[], OWN_SAY_FROM);
        assert_eq!(who(&out), [(MOTHER, Guardian), (FATHER, Guardian)]);
        assert_eq!(out[0].name, "Mor");
        let out = missing(Participation, &child(Some(8)), &parents(), &[given(FATHER, Guardian, Participation)], 12);
        assert_eq!(who(&out), [(MOTHER, Guardian)]);
        let both = [given(MOTHER, Guardian, Participation), given(FATHER, Guardian, Participation)];
        assert!(missing(Participation, &child(Some(8)), &parents(), &both, OWN_SAY_FROM).is_empty());
    }

    #[test]
    fn guardians_without_parental_responsibility_are_not_asked() {
        let guardians = [guardian(MOTHER, "Mor", true), guardian(STEPFATHER, "Ste", false)];
        let out = missing(Participation, &child(Some(8)), &guardians, &[given(MOTHER, Guardian, Participation)], 12);
        assert!(out.is_empty(), "{out:?}");
        // And their consent does not stand in for a guardian with responsibility.
        let out =
            missing(Participation, &child(Some(8)), &guardians, &[given(STEPFATHER, Guardian, Participation)], 12);
        assert_eq!(who(&out), [(MOTHER, Guardian)]);
    }

    #[test]
    fn no_guardian_on_record_means_a_guardian_is_missing() {
        for guardians in [vec![], vec![guardian(STEPFATHER, "Ste", false)]] {
            let out = missing(Participation, &child(Some(8)), &guardians, &[], OWN_SAY_FROM);
            assert_eq!(
                out,
                vec![Missing { person_id: CHILD, name: String::new(), capacity: Guardian, purpose: Participation }]
            );
            assert!(out[0].is_unknown_guardian());
        }
        // Even a guardian consent from someone unlisted does not fill the gap.
        let out = missing(Participation, &child(Some(8)), &[], &[given(MOTHER, Guardian, Participation)], 12);
        assert_eq!(who(&out), [(CHILD, Guardian)]);
    }

    #[test]
    fn a_guardian_listed_twice_is_asked_once() {
        let guardians = [guardian(MOTHER, "Mor", true), guardian(MOTHER, "Mor", true)];
        let out = missing(Participation, &child(Some(8)), &guardians, &[], OWN_SAY_FROM);
        assert_eq!(who(&out), [(MOTHER, Guardian)]);
    }

    #[test]
    fn childs_own_say_from_the_configured_age() {
        let both = [given(MOTHER, Guardian, Participation), given(FATHER, Guardian, Participation)];
        let cases = [(Some(11), false), (Some(12), true), (Some(17), true), (None, false)];
        for (age, needed) in cases {
            let out = missing(Participation, &child(age), &parents(), &both, OWN_SAY_FROM);
            let expected: &[(i64, Capacity)] = if needed { &[(CHILD, ChildOwnSay)] } else { &[] };
            assert_eq!(who(&out), expected, "age {age:?}");
            if needed {
                assert_eq!(out[0].name, "Ada");
            }
        }
        let mut all = both.to_vec();
        all.push(given(CHILD, ChildOwnSay, Participation));
        assert!(missing(Participation, &child(Some(14)), &parents(), &all, OWN_SAY_FROM).is_empty());
    }

    #[test]
    fn everything_missing_is_listed_guardians_first() {
        let out = missing(Evaluation, &child(Some(15)), &parents(), &[], OWN_SAY_FROM);
        assert_eq!(who(&out), [(MOTHER, Guardian), (FATHER, Guardian), (CHILD, ChildOwnSay)]);
        let out = missing(Evaluation, &child(Some(15)), &[], &[], OWN_SAY_FROM);
        assert_eq!(who(&out), [(CHILD, Guardian), (CHILD, ChildOwnSay)]);
        assert!(out[0].is_unknown_guardian() && !out[1].is_unknown_guardian());
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_courses_ages_are_measured_at_its_first_session() {
        let start = ymd(2012, 9, 5);
        let first = ymd(2012, 9, 12);
        assert_eq!(course_age_day(Some(first), start), first);
        assert_eq!(course_age_day(None, start), start, "no sessions yet: the start date");
        // A child of 8 then is a child for that course, whatever their age today.
        assert!(is_child_on(ymd(2004, 3, 15), course_age_day(Some(first), start)));
        assert!(!is_child_on(ymd(2004, 3, 15), ymd(2026, 11, 25)));
    }

    #[test]
    fn ages_in_whole_years() {
        let born = ymd(2010, 6, 15);
        let cases = [
            (ymd(2010, 6, 15), 0),
            (ymd(2011, 6, 14), 0),
            (ymd(2011, 6, 15), 1),
            (ymd(2028, 6, 14), 17),
            (ymd(2028, 6, 15), 18),
            (ymd(2028, 12, 31), 18),
            (ymd(2000, 1, 1), 0), // before birth
        ];
        for (day, age) in cases {
            assert_eq!(age_on(born, day), age, "{day}");
        }
        assert!(is_child_on(born, ymd(2028, 6, 14)));
        assert!(!is_child_on(born, ymd(2028, 6, 15)));
    }

    #[test]
    fn leap_day_birthdays() {
        let born = ymd(2008, 2, 29);
        assert_eq!(age_on(born, ymd(2009, 2, 28)), 0);
        assert_eq!(age_on(born, ymd(2009, 3, 1)), 1);
        assert_eq!(age_on(born, ymd(2012, 2, 28)), 3);
        assert_eq!(age_on(born, ymd(2012, 2, 29)), 4);
        assert_eq!(age_on(born, ymd(2026, 2, 28)), 17);
        assert_eq!(age_on(born, ymd(2026, 3, 1)), 18);
        // Someone born on 28 February is a day ahead in every year.
        assert_eq!(age_on(ymd(2008, 2, 28), ymd(2026, 2, 28)), 18);
    }
}
