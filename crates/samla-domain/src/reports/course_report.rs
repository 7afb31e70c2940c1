//! The figures of a course report, as the seeds' reports show them: participants by age
//! band, how they were recruited, attendance per session (children, parents, family),
//! attendance per participant as "attended x of y", and dropouts with their reasons.
//!
//! The report is for the course's working group, not anonymous statistics, so small
//! counts are shown as they are; but it names nobody: every function here takes dates,
//! ids and marks and gives back counts.

use crate::planning::session::SessionStatus;
use crate::running::attendance::Attendance;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// An age band. Children's bands follow the school stages the seeds' groups are made
/// for (SMIL: 8–13, Mestringsgrupper: 6–18); adults' are by decade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AgeBand {
    #[serde(rename = "0-5")]
    Under6,
    #[serde(rename = "6-8")]
    From6To8,
    #[serde(rename = "9-10")]
    From9To10,
    #[serde(rename = "11-12")]
    From11To12,
    #[serde(rename = "13-15")]
    From13To15,
    #[serde(rename = "16-17")]
    From16To17,
    #[serde(rename = "18-29")]
    From18To29,
    #[serde(rename = "30-39")]
    From30To39,
    #[serde(rename = "40-49")]
    From40To49,
    #[serde(rename = "50-59")]
    From50To59,
    #[serde(rename = "60-69")]
    From60To69,
    #[serde(rename = "70+")]
    From70,
}

impl AgeBand {
    pub const ALL: [AgeBand; 12] = [
        AgeBand::Under6,
        AgeBand::From6To8,
        AgeBand::From9To10,
        AgeBand::From11To12,
        AgeBand::From13To15,
        AgeBand::From16To17,
        AgeBand::From18To29,
        AgeBand::From30To39,
        AgeBand::From40To49,
        AgeBand::From50To59,
        AgeBand::From60To69,
        AgeBand::From70,
    ];

    /// The youngest and, except for the last band, the oldest age in the band.
    pub fn bounds(self) -> (u32, Option<u32>) {
        match self {
            AgeBand::Under6 => (0, Some(5)),
            AgeBand::From6To8 => (6, Some(8)),
            AgeBand::From9To10 => (9, Some(10)),
            AgeBand::From11To12 => (11, Some(12)),
            AgeBand::From13To15 => (13, Some(15)),
            AgeBand::From16To17 => (16, Some(17)),
            AgeBand::From18To29 => (18, Some(29)),
            AgeBand::From30To39 => (30, Some(39)),
            AgeBand::From40To49 => (40, Some(49)),
            AgeBand::From50To59 => (50, Some(59)),
            AgeBand::From60To69 => (60, Some(69)),
            AgeBand::From70 => (70, None),
        }
    }

    /// The band an age falls in.
    pub fn of(age: u32) -> AgeBand {
        AgeBand::ALL.into_iter().rev().find(|band| band.bounds().0 <= age).unwrap_or(AgeBand::Under6)
    }

    /// Whether the band is a child's (under 18).
    pub fn is_child(self) -> bool {
        self < AgeBand::From18To29
    }
}

/// Whole years between a birth date and a day: the age on that day. None when the
/// birth date is after the day (a typing error, counted as unknown rather than as 0).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> Option<u32> {
    if birth > day {
        return None;
    }
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// How many participants fall in one band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BandCount {
    pub band: AgeBand,
    pub count: u32,
}

/// Participants by age band on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeBands {
    /// Every band from the youngest participant's to the oldest's, empty ones in between
    /// included so the table reads as a distribution; none when no age is known.
    pub bands: Vec<BandCount>,
    /// Participants without a (plausible) birth date.
    pub unknown: u32,
}

/// Counts participants by their age band on `day` (the course's start: the age they
/// joined at, which does not change as the report is printed later).
pub fn age_bands(birth_dates: &[Option<NaiveDate>], day: NaiveDate) -> AgeBands {
    let mut counts: BTreeMap<AgeBand, u32> = BTreeMap::new();
    let mut unknown = 0;
    for birth in birth_dates {
        match birth.and_then(|b| age_on(b, day)) {
            Some(age) => *counts.entry(AgeBand::of(age)).or_default() += 1,
            None => unknown += 1,
        }
    }
    let bands = match (counts.keys().next(), counts.keys().next_back()) {
        (Some(&first), Some(&last)) => AgeBand::ALL
            .into_iter()
            .filter(|band| (first..=last).contains(band))
            .map(|band| BandCount { band, count: counts.get(&band).copied().unwrap_or(0) })
            .collect(),
        _ => Vec::new(),
    };
    AgeBands { bands, unknown }
}

/// Counts equal keys: (key, count) with the largest count first, equal counts in key
/// order (so a printed report is the same every time).
pub fn count_by<K: Ord + Clone>(keys: impl IntoIterator<Item = K>) -> Vec<(K, u32)> {
    let mut counts: BTreeMap<K, u32> = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    let mut found: Vec<(K, u32)> = counts.into_iter().collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found
}

/// What became of a planned session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Its attendance sheet is saved.
    Held,
    Cancelled,
    /// Planned, with no sheet (yet): in the future, or not recorded.
    NotRecorded,
}

impl SessionState {
    /// A cancelled session is cancelled even if a sheet was saved before it was.
    pub fn of(status: SessionStatus, has_sheet: bool) -> SessionState {
        match (status, has_sheet) {
            (SessionStatus::Cancelled, _) => SessionState::Cancelled,
            (_, true) => SessionState::Held,
            _ => SessionState::NotRecorded,
        }
    }
}

/// The children (participants) at one held session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SessionCount {
    /// Present, late or left early.
    pub attended: u32,
    /// On the sheet: everyone expected.
    pub expected: u32,
}

/// Counts one sheet's marks.
pub fn session_count(marks: &[Attendance]) -> SessionCount {
    SessionCount { attended: marks.iter().filter(|a| a.attended()).count() as u32, expected: marks.len() as u32 }
}

/// One held session's figures, for the totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeldFigures {
    pub attended: u32,
    pub expected: u32,
    /// The session was for the parents only: the children were not expected, so it does
    /// not lower the children's mean.
    pub parents_only: bool,
    pub guardians_attended: u32,
    pub guardians_expected: u32,
    pub parents: u32,
    pub family_members: u32,
}

/// The attendance table's totals over the held sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct AttendanceTotals {
    pub held: u32,
    pub attended: u32,
    pub expected: u32,
    pub guardians_attended: u32,
    pub guardians_expected: u32,
    pub parents: u32,
    pub family_members: u32,
    /// Children per held session that expected them, to one decimal; none before any is
    /// held.
    pub mean_attended: Option<f64>,
    /// Attended of expected in per cent, whole; none when nobody was expected.
    pub attendance_percent: Option<u32>,
}

pub fn attendance_totals(held: &[HeldFigures]) -> AttendanceTotals {
    let sum = |f: fn(&HeldFigures) -> u32| held.iter().map(f).sum::<u32>();
    let (attended, expected) = (sum(|h| h.attended), sum(|h| h.expected));
    let for_children = held.iter().filter(|h| !h.parents_only).count();
    AttendanceTotals {
        held: held.len() as u32,
        attended,
        expected,
        guardians_attended: sum(|h| h.guardians_attended),
        guardians_expected: sum(|h| h.guardians_expected),
        parents: sum(|h| h.parents),
        family_members: sum(|h| h.family_members),
        mean_attended: (for_children > 0).then(|| round1(f64::from(attended) / for_children as f64)),
        attendance_percent: (expected > 0).then(|| percent(attended, expected)),
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// `part` of `whole` in whole per cent, halves rounded up.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((u64::from(part) * 200 + u64::from(whole)) / (u64::from(whole) * 2)) as u32
}

/// How many participants attended `attended` of the `held` sessions they were expected
/// at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AttendedOf {
    pub attended: u32,
    pub held: u32,
    pub participants: u32,
}

/// "Attended x of y" as a distribution over the participants: the most sessions
/// expected first, then the most attended. Names nobody, unlike the attendance overview.
pub fn attended_distribution(summaries: &[(u32, u32)]) -> Vec<AttendedOf> {
    let mut found: Vec<AttendedOf> = count_by(summaries.iter().map(|&(attended, held)| (held, attended)))
        .into_iter()
        .map(|((held, attended), participants)| AttendedOf { attended, held, participants })
        .collect();
    found.sort_by(|a, b| b.held.cmp(&a.held).then(b.attended.cmp(&a.attended)));
    found
}

/// How many gave one reason for dropping out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// As typed (the alphabetically first of the spellings that fold together); none when
    /// no reason was given.
    pub reason: Option<String>,
    pub count: u32,
}

/// The reasons' own words, with spacing and letter case folded so that "Flyttet" and
/// "flyttet " count as one.
fn reason_key(reason: &str) -> String {
    reason.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Dropout reasons with how many gave each, the most common first, reasons not given
/// last.
pub fn dropout_reasons<'a>(reasons: impl IntoIterator<Item = Option<&'a str>>) -> Vec<ReasonCount> {
    let mut spellings: BTreeMap<String, String> = BTreeMap::new();
    let mut keys = Vec::new();
    let mut missing = 0;
    for reason in reasons {
        let tidy = reason.map(|r| r.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|r| !r.is_empty());
        match tidy {
            Some(tidy) => {
                let key = reason_key(&tidy);
                let spelling = spellings.entry(key.clone()).or_insert_with(|| tidy.clone());
                if tidy < *spelling {
                    *spelling = tidy;
                }
                keys.push(key);
            }
            None => missing += 1,
        }
    }
    let mut found: Vec<ReasonCount> = count_by(keys)
        .into_iter()
        .map(|(key, count)| ReasonCount { reason: spellings.get(&key).cloned(), count })
        .collect();
    if missing > 0 {
        found.push(ReasonCount { reason: None, count: missing });
    }
    found
}

/// How many dropped out after a number of held sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DropoutTiming {
    /// Sessions held before the day they dropped out.
    pub after_sessions: u32,
    pub count: u32,
}

/// When in the course participants dropped out, counted by the sessions held before
/// that day (a session on the dropout day itself is not counted as before).
pub fn dropout_timing(held_on: &[NaiveDate], dropped_out_on: &[NaiveDate]) -> Vec<DropoutTiming> {
    let mut found: Vec<DropoutTiming> =
        count_by(dropped_out_on.iter().map(|day| held_on.iter().filter(|held| *held < day).count() as u32))
            .into_iter()
            .map(|(after_sessions, count)| DropoutTiming { after_sessions, count })
            .collect();
    found.sort_by_key(|t| t.after_sessions);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_age_is_whole_years_and_a_birthday_counts_on_the_day() {
        assert_eq!(age_on(day("2016-03-14"), day("2026-03-13")), Some(9));
        assert_eq!(age_on(day("2016-03-14"), day("2026-03-14")), Some(10));
        assert_eq!(age_on(day("2016-02-29"), day("2027-02-28")), Some(10));
        assert_eq!(age_on(day("2016-02-29"), day("2027-03-01")), Some(11));
        assert_eq!(age_on(day("2026-01-01"), day("2026-01-01")), Some(0));
        assert_eq!(age_on(day("2026-01-02"), day("2026-01-01")), None, "born after the day");
    }

    #[test]
    fn every_age_has_exactly_one_band_and_bands_follow_each_other() {
        for age in 0..120 {
            let band = AgeBand::of(age);
            let (from, to) = band.bounds();
            assert!(from <= age && to.is_none_or(|to| age <= to), "{age} in {band:?}");
        }
        for pair in AgeBand::ALL.windows(2) {
            assert_eq!(pair[0].bounds().1.map(|to| to + 1), Some(pair[1].bounds().0));
        }
        assert_eq!(AgeBand::of(8), AgeBand::From6To8);
        assert_eq!(AgeBand::of(9), AgeBand::From9To10);
        assert_eq!(AgeBand::of(17), AgeBand::From16To17);
        assert_eq!(AgeBand::of(18), AgeBand::From18To29);
        assert_eq!(AgeBand::of(95), AgeBand::From70);
        assert!(AgeBand::From16To17.is_child() && !AgeBand::From18To29.is_child());
        assert_eq!(serde_json::to_value(AgeBand::From70).unwrap(), "70+");
    }

    #[test]
    fn bands_run_from_the_youngest_to_the_oldest_with_unknown_apart() {
        let start = day("2027-01-04");
        let births = [
            Some(day("2018-06-01")), // 8
            Some(day("2014-01-04")), // 13, birthday on the start day
            Some(day("2014-01-05")), // 12
            None,
            Some(day("2030-01-01")), // after the start: unknown
            Some(day("2018-12-31")), // 8
        ];
        let found = age_bands(&births, start);
        let counts: Vec<(AgeBand, u32)> = found.bands.iter().map(|b| (b.band, b.count)).collect();
        assert_eq!(
            counts,
            [(AgeBand::From6To8, 2), (AgeBand::From9To10, 0), (AgeBand::From11To12, 1), (AgeBand::From13To15, 1)]
        );
        assert_eq!(found.unknown, 2);
        let nobody = age_bands(&[None, None], start);
        assert!(nobody.bands.is_empty());
        assert_eq!(nobody.unknown, 2);
        assert_eq!(age_bands(&[], start), AgeBands { bands: Vec::new(), unknown: 0 });
    }

    #[test]
    fn counts_put_the_largest_first_and_ties_in_key_order() {
        assert_eq!(
            count_by([Some(3), None, Some(1), Some(3), Some(1), Some(2)]),
            [(Some(1), 2), (Some(3), 2), (None, 1), (Some(2), 1)]
        );
        assert!(count_by(Vec::<i64>::new()).is_empty());
    }

    #[test]
    fn a_cancelled_session_stays_cancelled_and_a_sheet_makes_it_held() {
        use SessionStatus::*;
        assert_eq!(SessionState::of(Planned, true), SessionState::Held);
        assert_eq!(SessionState::of(Planned, false), SessionState::NotRecorded);
        assert_eq!(SessionState::of(Cancelled, true), SessionState::Cancelled);
        assert_eq!(SessionState::of(Cancelled, false), SessionState::Cancelled);
    }

    #[test]
    fn late_and_left_early_count_as_attended() {
        use Attendance::*;
        let marks = [Present, Late, LeftEarly, AbsentWithNotice, AbsentWithoutNotice];
        assert_eq!(session_count(&marks), SessionCount { attended: 3, expected: 5 });
        assert_eq!(session_count(&[]), SessionCount::default());
    }

    #[test]
    fn totals_add_up_the_held_sessions() {
        let held = [
            HeldFigures { attended: 7, expected: 9, parents: 3, ..Default::default() },
            HeldFigures { attended: 9, expected: 9, parents: 10, ..Default::default() },
            HeldFigures { attended: 8, expected: 9, family_members: 11, ..Default::default() },
        ];
        let totals = attendance_totals(&held);
        assert_eq!((totals.held, totals.attended, totals.expected), (3, 24, 27));
        assert_eq!((totals.parents, totals.family_members), (13, 11));
        assert_eq!(totals.mean_attended, Some(8.0));
        assert_eq!(totals.attendance_percent, Some(89));
        let none = attendance_totals(&[]);
        assert_eq!((none.mean_attended, none.attendance_percent), (None, None));
        let nobody = attendance_totals(&[HeldFigures::default()]);
        assert_eq!((nobody.mean_attended, nobody.attendance_percent), (Some(0.0), None));
        let third = attendance_totals(&[
            HeldFigures { attended: 1, expected: 3, ..Default::default() },
            HeldFigures { attended: 1, expected: 3, ..Default::default() },
            HeldFigures { attended: 2, expected: 3, ..Default::default() },
        ]);
        assert_eq!(third.mean_attended, Some(1.3));
    }

    #[test]
    fn a_parents_session_counts_its_guardians_and_leaves_the_childrens_mean_alone() {
        let held = [
            HeldFigures { attended: 8, expected: 9, ..Default::default() },
            HeldFigures {
                parents_only: true,
                guardians_attended: 9,
                guardians_expected: 12,
                parents: 1,
                ..Default::default()
            },
            HeldFigures {
                attended: 8,
                expected: 9,
                guardians_attended: 10,
                guardians_expected: 12,
                family_members: 11,
                ..Default::default()
            },
        ];
        let totals = attendance_totals(&held);
        assert_eq!(totals.held, 3);
        assert_eq!(totals.mean_attended, Some(8.0), "the parents' session is no session without children");
        assert_eq!((totals.guardians_attended, totals.guardians_expected), (19, 24));
        assert_eq!((totals.parents, totals.family_members), (1, 11));
        assert_eq!(attendance_totals(&held[1..2]).mean_attended, None);
    }

    #[test]
    fn per_cent_rounds_halves_up() {
        assert_eq!(percent(1, 8), 13); // 12.5
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(3, 3), 100);
        assert_eq!(percent(0, 0), 0);
    }

    #[test]
    fn attendance_per_participant_is_a_distribution() {
        let found = attended_distribution(&[(12, 12), (10, 12), (12, 12), (3, 4), (0, 12), (10, 12)]);
        let rows: Vec<(u32, u32, u32)> = found.iter().map(|r| (r.attended, r.held, r.participants)).collect();
        assert_eq!(rows, [(12, 12, 2), (10, 12, 2), (0, 12, 1), (3, 4, 1)]);
        assert!(attended_distribution(&[]).is_empty());
    }

    #[test]
    fn dropout_reasons_fold_spacing_and_case_and_missing_reasons_come_last() {
        let found = dropout_reasons([
            Some("flyttet "),
            None,
            Some("Flyttet"),
            Some("  "),
            Some("For slitsomt"),
            Some("FLYTTET"),
        ]);
        assert_eq!(
            found,
            [
                ReasonCount { reason: Some("FLYTTET".into()), count: 3 },
                ReasonCount { reason: Some("For slitsomt".into()), count: 1 },
                ReasonCount { reason: None, count: 2 },
            ]
        );
        assert!(dropout_reasons([]).is_empty());
    }

    #[test]
    fn dropouts_are_placed_after_the_sessions_held_before_their_day() {
        let held = [day("2027-01-04"), day("2027-01-11"), day("2027-01-18")];
        let found =
            dropout_timing(&held, &[day("2027-01-11"), day("2027-01-03"), day("2027-01-12"), day("2027-02-01")]);
        assert_eq!(
            found,
            [
                DropoutTiming { after_sessions: 0, count: 1 },
                DropoutTiming { after_sessions: 1, count: 1 },
                DropoutTiming { after_sessions: 2, count: 1 },
                DropoutTiming { after_sessions: 3, count: 1 },
            ]
        );
    }
}
