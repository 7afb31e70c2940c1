use super::*;
use crate::organisations::OrganisationKind;
use crate::reports::disclosure::MIN_PERSONS;
use crate::reports::tables::Half;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn units() -> Vec<CountedUnit> {
    [
        (1, "Bergen", Region::Vestland),
        (2, "Voss", Region::Vestland),
        (3, "Oslo", Region::Oslo),
        (4, "Asker", Region::Akershus),
    ]
    .into_iter()
    .map(|(organisation_id, name, region)| CountedUnit {
        organisation_id,
        name: name.to_string(),
        region,
        kind: if organisation_id == 3 { OrganisationKind::Hospital } else { OrganisationKind::Municipality },
    })
    .collect()
}

/// `n` participants of one organisation's course that started on `start`, each born
/// `age` years before it, the first `dropped` of them dropped out.
fn group(organisation_id: i64, start: NaiveDate, age: i32, n: usize, dropped: usize) -> Vec<ParticipantFact> {
    let birth = NaiveDate::from_ymd_opt(start.year_ce().1 as i32 - age, 1, 1);
    (0..n)
        .map(|i| ParticipantFact {
            organisation_id,
            course_start: start,
            course_status: CourseStatus::Completed,
            birth_date: birth,
            dropped_out: i < dropped,
            channel: Some(["school", "gp", "their_own_poster"][i % 3].to_string()).filter(|_| i % 7 != 6),
            sex: [Some(Sex::Female), Some(Sex::Male), None][i % 3],
            applied_on: (i % 5 != 4).then(|| start - chrono::Duration::days(20 * i as i64)),
            dropout_reason: [Some(DropoutReason::Illness), Some(DropoutReason::Moved), None][i % 3],
            sessions_recorded: [10, 10, 8, 0][i % 4],
            sessions_attended: [10, 6, 7, 0][i % 4],
        })
        .collect()
}

use chrono::Datelike;

fn participants() -> Vec<ParticipantFact> {
    let spring = day(2025, 2, 3);
    let autumn = day(2025, 9, 1);
    [
        group(1, spring, 8, 70, 10),
        group(1, spring, 11, 60, 0),
        group(2, spring, 8, 3, 1),
        group(3, spring, 8, 120, 40),
        group(3, autumn, 14, 90, 20),
        group(4, autumn, 40, 20, 0),
        group(4, autumn, 35, 110, 30),
    ]
    .concat()
}

/// The year's facts: these participants, the courses above, nobody waiting.
fn counted(participants: Vec<ParticipantFact>) -> Facts {
    Facts { participants, courses: courses(), ..Facts::default() }
}

fn courses() -> Vec<CourseFact> {
    vec![
        CourseFact { organisation_id: 2, start: day(2025, 2, 3), status: CourseStatus::Completed },
        CourseFact { organisation_id: 2, start: day(2025, 9, 3), status: CourseStatus::Cancelled },
        CourseFact { organisation_id: 2, start: day(2025, 10, 3), status: CourseStatus::Draft },
    ]
}

#[test]
fn waits_are_counted_from_the_application_to_the_course_start() {
    let start = day(2025, 9, 1);
    assert_eq!(wait_band(None, start), "no_application");
    assert_eq!(wait_band(Some(day(2025, 9, 10)), start), "days_0_30", "joined a running course");
    assert_eq!(wait_band(Some(day(2025, 8, 2)), start), "days_0_30");
    assert_eq!(wait_band(Some(day(2025, 8, 1)), start), "days_31_90");
    assert_eq!(wait_band(Some(day(2025, 6, 3)), start), "days_31_90");
    assert_eq!(wait_band(Some(day(2025, 6, 2)), start), "days_91_180");
    assert_eq!(wait_band(Some(day(2025, 3, 5)), start), "days_91_180");
    assert_eq!(wait_band(Some(day(2025, 3, 4)), start), "days_181_plus");
}

#[test]
fn sex_and_wait_are_tables_of_persons_with_the_same_totals() {
    let release = build(2025, units(), &counted(participants()), None);
    let total_of = |kind: TableKind| {
        let view = release.view(kind, Level::Nation, Period::Year(2025)).expect("the nation's table");
        view.total.last().copied().flatten()
    };
    let everyone = total_of(TableKind::ParticipantsByAge);
    assert!(everyone.is_some());
    for kind in [TableKind::ParticipantsBySex, TableKind::ParticipantsByWait, TableKind::ParticipantsByDropoutReason] {
        assert!(kind.counts_persons());
        assert_eq!(total_of(kind), everyone, "{kind:?}");
        let view = release.view(kind, Level::Nation, Period::Year(2025)).unwrap();
        let counted: u64 = view.total[..kind.categories().len()].iter().map(|c| c.unwrap_or(0)).sum();
        assert!(counted <= everyone.unwrap(), "{kind:?}");
    }
    let sex = release.view(TableKind::ParticipantsBySex, Level::Nation, Period::Year(2025)).unwrap();
    assert!(sex.total[0].is_some_and(|female| female > 0), "female is a column: {:?}", sex.total);
    let outcome = release.view(TableKind::ParticipantsByOutcome, Level::Nation, Period::Year(2025)).unwrap();
    let reasons = release.view(TableKind::ParticipantsByDropoutReason, Level::Nation, Period::Year(2025)).unwrap();
    if let (Some(dropped), Some(stayed), Some(everyone)) = (outcome.total[1], reasons.total[0], everyone) {
        assert_eq!(stayed, everyone - dropped, "those who did not drop out, beside the outcome table");
    }
}

fn published_person_cells(release: &ReleaseContents) -> impl Iterator<Item = (TableKind, u64)> + '_ {
    release
        .tables
        .iter()
        .filter(|t| t.kind.counts_persons())
        .flat_map(|t| t.figures.iter().flatten().map(move |figure| (t.kind, *figure)))
}

#[test]
fn ages_are_counted_on_the_day_the_course_starts() {
    let start = day(2026, 3, 10);
    assert_eq!(age_band(Some(day(2020, 3, 10)), start), "6-9", "sixth birthday on the first day");
    assert_eq!(age_band(Some(day(2020, 3, 11)), start), "0-5", "sixth birthday the day after");
    assert_eq!(age_band(Some(day(2008, 3, 10)), start), "18-29");
    assert_eq!(age_band(Some(day(2008, 3, 11)), start), "13-17");
    assert_eq!(age_band(None, start), "unknown");
    assert_eq!(age_band(Some(day(2027, 1, 1)), start), "unknown", "born after the start is no age");
}

#[test]
fn a_release_publishes_no_small_count_of_persons_and_counts_courses_as_they_are() {
    let release = build(2025, units(), &counted(participants()), None);
    for (kind, figure) in published_person_cells(&release) {
        assert!(figure == 0 || figure >= MIN_PERSONS, "{kind:?} published {figure}");
    }
    let outcomes = release.view(TableKind::ParticipantsByOutcome, Level::Nation, Period::Year(2025));
    let outcomes = outcomes.expect("the nation");
    assert_eq!(outcomes.total, vec![Some(372), Some(101), Some(0), Some(473)], "every participant of the year");
    let voss = release.view(TableKind::ParticipantsByAge, Level::Organisation(2), Period::Year(2025)).expect("Voss");
    assert_eq!(voss.total[1], None, "three children of 6-9 in Voss are not shown: {voss:?}");
    assert_eq!(voss.total.last(), Some(&None), "nor is Voss's total");
    assert_eq!(voss.total[0], Some(0), "an empty column under a hidden total tells nothing");

    let courses = release.view(TableKind::CoursesByStatus, Level::Organisation(2), Period::Year(2025));
    let courses = courses.expect("Voss's courses");
    assert_eq!(courses.total, vec![Some(0), Some(0), Some(1), Some(1), Some(2)], "drafts are not counted");
}

#[test]
fn channels_and_kinds_of_service_are_columns_of_their_own() {
    assert_eq!(channel(Some("school")), "school");
    assert_eq!(channel(Some("their_own_poster")), "other", "an organisation's own channel");
    assert_eq!(channel(Some("unknown")), "other", "a channel an organisation named unknown is its own");
    assert_eq!(channel(None), "unknown");
    let release = build(2025, units(), &counted(participants()), None);
    let kinds = release.view(TableKind::ParticipantsByServiceKind, Level::Nation, Period::Year(2025)).expect("kinds");
    assert_eq!(kinds.total[0], Some(263), "Bergen, Voss and Asker are municipalities");
    assert_eq!(kinds.total[1], Some(210), "Oslo here is a hospital");
    for (kind, figure) in published_person_cells(&release) {
        assert!(figure == 0 || figure >= MIN_PERSONS, "{kind:?} published {figure}");
    }
}

#[test]
fn the_tables_of_persons_hide_the_same_totals() {
    let release = build(2025, units(), &counted(participants()), None);
    let age = release.table(TableKind::ParticipantsByAge).expect("ages");
    let outcome = release.table(TableKind::ParticipantsByOutcome).expect("outcomes");
    assert!(!age.withheld && !outcome.withheld);
    let others = [TableKind::ParticipantsByChannel, TableKind::ParticipantsByServiceKind];
    for level in [Level::Nation, Level::Region(Region::Vestland), Level::Organisation(1), Level::Organisation(4)] {
        for period in [Period::Year(2025), Period::Term(Term { year: 2025, half: Half::Autumn })] {
            let a = release.view(TableKind::ParticipantsByAge, level, period).expect("age view");
            let o = release.view(TableKind::ParticipantsByOutcome, level, period).expect("outcome view");
            assert_eq!(a.total.last(), o.total.last(), "{level:?} {period:?}: one total, shown alike");
            for other in others {
                let view = release.view(other, level, period).expect("view");
                assert_eq!(a.total.last(), view.total.last(), "{other:?} {level:?} {period:?}");
            }
            for (a, o) in a.rows.iter().zip(&o.rows) {
                assert_eq!(a.cells.last(), o.cells.last(), "{level:?} {period:?} row {}", a.node);
            }
        }
    }
}

#[test]
fn a_correction_keeps_hidden_what_the_first_release_hid() {
    let first = build(2025, units(), &counted(participants()), None);
    let hidden = first.view(TableKind::ParticipantsByAge, Level::Organisation(2), Period::Year(2025));
    assert_eq!(hidden.expect("Voss").total.last(), Some(&None), "three in Voss: hidden");
    // Five more children in Voss were registered late: eight now, which alone could show.
    let mut corrected = participants();
    corrected.extend(group(2, day(2025, 2, 3), 8, 5, 0));
    let second = build(2025, units(), &counted(corrected.clone()), Some(&first));
    let voss = second.view(TableKind::ParticipantsByAge, Level::Organisation(2), Period::Year(2025)).expect("Voss");
    assert_eq!(voss.total.last(), Some(&None), "comparing the releases would tell the first count");
    let table = second.table(TableKind::ParticipantsByAge).expect("ages");
    assert!(table.shown.contains(&Shown::Suppressed(Why::EarlierRelease)));
    for kind in TableKind::ALL {
        let before = first.suppressed_keys(*kind);
        let after = second.suppressed_keys(*kind);
        assert!(before.is_subset(&after), "{kind:?}: a cell hidden in the first release shows in the second");
    }
}

#[test]
fn a_stored_release_reads_back_the_same() {
    let release = build(2025, units(), &counted(participants()), None);
    let stored = serde_json::to_string(&release).expect("JSON");
    let read: ReleaseContents = serde_json::from_str(&stored).expect("read back");
    assert_eq!(read, release);
    assert_eq!(read.regions(), vec![Region::Oslo, Region::Akershus, Region::Vestland]);
    assert!(!stored.contains("\"figures\":[3,"), "suppressed figures are not stored");
}

#[test]
fn a_correction_after_a_member_joined_cannot_be_subtracted_from_the_first_release() {
    // The first release: Bergen alone in Vestland.
    let bergen_only: Vec<CountedUnit> = units().into_iter().filter(|u| u.organisation_id != 2).collect();
    let without_voss: Vec<ParticipantFact> = participants().into_iter().filter(|p| p.organisation_id != 2).collect();
    let first = build(2025, bergen_only, &counted(without_voss.clone()), None);
    // Voss joins with its three children; Bergen's figures are as they were.
    let second = build(2025, units(), &counted(participants()), Some(&first));
    for table in TableKind::ALL.iter().filter(|k| k.counts_participants()) {
        let before: std::collections::HashMap<Key, u64> = first.published(*table).into_iter().collect();
        let after: std::collections::HashMap<Key, u64> = second.published(*table).into_iter().collect();
        let withheld = second.table(*table).is_some_and(|t| t.withheld);
        for (key, figure) in &before {
            let holds = matches!(key.0, Level::Organisation(1) | Level::Region(Region::Oslo) | Level::Organisation(3));
            if holds && !withheld {
                assert_eq!(after.get(key), Some(figure), "{table:?} {key:?}: published before, hidden now");
            }
        }
        if second.table(*table).is_some_and(|t| t.kept_from.is_some()) {
            // Kept as the first release published it: Voss is not in it to subtract.
            assert_eq!(second.view(*table, Level::Organisation(2), Period::Year(2025)), None, "{table:?}");
            continue;
        }
        let voss = second.view(*table, Level::Organisation(2), Period::Year(2025)).expect("Voss");
        let bergen = second.view(*table, Level::Organisation(1), Period::Year(2025)).expect("Bergen");
        let vestland = second.view(*table, Level::Region(Region::Vestland), Period::Year(2025)).expect("Vestland");
        if let (Some(Some(region)), Some(Some(bergen))) = (vestland.total.last(), bergen.total.last()) {
            panic!("{table:?}: Vestland {region} less Bergen {bergen} tells Voss's {:?}", voss.total.last());
        }
    }
}

#[test]
fn a_correction_that_cannot_be_protected_keeps_the_table_as_first_published() {
    let first = build(2025, units(), &counted(participants()), None);
    // One late registration in Voss: its hidden three become four.
    let mut corrected = participants();
    corrected.extend(group(2, day(2025, 2, 3), 8, 1, 0));
    let second = build(2025, units(), &counted(corrected.clone()), Some(&first));
    for table in second.tables.iter().filter(|t| t.kind.counts_persons()) {
        assert!(!table.withheld, "{:?}: a correction never withholds a table the first release published", table.kind);
        if table.kept_from.is_some() {
            let earlier = first.table(table.kind).expect("the first release's table");
            assert_eq!(table.figures, earlier.figures, "{:?}: kept as first published", table.kind);
        }
        for figure in table.figures.iter().flatten() {
            assert!(*figure == 0 || *figure >= MIN_PERSONS, "{:?} published {figure}", table.kind);
        }
    }
    let stored: ReleaseContents = serde_json::from_str(&serde_json::to_string(&second).expect("JSON")).expect("back");
    assert_eq!(stored, second);
    let voss = second.view(TableKind::ParticipantsByAge, Level::Organisation(2), Period::Year(2025)).expect("Voss");
    assert_eq!(voss.total.last(), Some(&None), "still hidden");
}

#[test]
fn attendance_is_banded_by_the_share_of_recorded_sessions_attended() {
    assert_eq!(attendance_band(0, 0), "attended_none_recorded");
    assert_eq!(attendance_band(8, 8), "attended_all");
    assert_eq!(attendance_band(8, 6), "attended_75_99", "exactly three quarters");
    assert_eq!(attendance_band(8, 5), "attended_50_74");
    assert_eq!(attendance_band(8, 4), "attended_50_74", "exactly half");
    assert_eq!(attendance_band(8, 3), "attended_under_50");
    assert_eq!(attendance_band(8, 0), "attended_under_50");
    assert_eq!(attendance_band(u32::MAX, u32::MAX - 1), "attended_75_99", "no overflow");
}

#[test]
fn the_waitlist_has_totals_of_its_own_under_the_same_rules() {
    let spring = Term { year: 2025, half: Half::Spring };
    let autumn = Term { year: 2025, half: Half::Autumn };
    assert_eq!(term_start(autumn), day(2025, 7, 1));
    let waited = |organisation_id, term, days, n| {
        (0..n).map(move |_| WaitingFact {
            organisation_id,
            term,
            applied_on: term_start(term) - chrono::Duration::days(days),
        })
    };
    let waiting: Vec<WaitingFact> = waited(1, spring, 40, 30)
        .chain(waited(1, autumn, 200, 12))
        .chain(waited(2, spring, 10, 2))
        .chain(waited(3, spring, 100, 25))
        .collect();
    let facts = Facts { waiting, ..counted(participants()) };
    let release = build(2025, units(), &facts, None);
    let kind = TableKind::WaitlistAtTermStart;
    assert!(kind.counts_persons());
    let view = release.view(kind, Level::Nation, Period::Term(spring)).expect("the waitlist");
    let everyone = release.view(TableKind::ParticipantsByAge, Level::Nation, Period::Term(spring)).unwrap();
    assert_ne!(view.total.last(), everyone.total.last(), "not the participants' totals");
    for period in [Period::Year(2025), Period::Term(spring), Period::Term(autumn)] {
        for level in [Level::Nation, Level::Region(Region::Vestland), Level::Organisation(2)] {
            let view = release.view(kind, level, period).expect("a view");
            for line in view.rows.iter().map(|r| &r.cells).chain([&view.total]) {
                assert!(line.iter().flatten().all(|n| *n == 0 || *n >= MIN_PERSONS), "{level:?} {line:?}");
                assert_ne!(line.iter().filter(|c| c.is_none()).count(), 1, "{level:?} {period:?} {line:?}");
            }
        }
    }
    let voss = release.view(kind, Level::Organisation(2), Period::Term(spring)).unwrap();
    assert_eq!((voss.total[0], voss.total[4]), (None, None), "Voss's two are hidden: {voss:?}");
    let autumn_view = release.view(kind, Level::Nation, Period::Term(autumn)).unwrap();
    assert_eq!(autumn_view.total, vec![Some(0), Some(0), Some(0), Some(12), Some(12)]);
}

#[test]
fn a_years_headline_is_read_from_the_networks_published_line() {
    let release = build(2025, units(), &counted(participants()), None);
    let headline = release.headline();
    let outcome = release.view(TableKind::ParticipantsByOutcome, Level::Nation, Period::Year(2025)).unwrap();
    assert_eq!(headline.year, 2025);
    assert_eq!(headline.participants, outcome.total[3]);
    assert_eq!(headline.participants, Some(473), "every participant of the year");
    assert_eq!(headline.dropped_out, outcome.total[1]);
    assert_eq!(headline.completed, outcome.total[0]);
    assert_eq!(headline.courses, Some(2), "the draft is not counted");
}

#[test]
fn leaders_are_counted_once_a_year_in_the_open() {
    let leader = |organisation_id, start, standing| LeaderFact { organisation_id, first_course_start: start, standing };
    let leaders = vec![
        leader(1, day(2025, 2, 3), LeaderStanding::Certified),
        leader(1, day(2025, 2, 3), LeaderStanding::NotCertified),
        leader(1, day(2025, 9, 1), LeaderStanding::Certified),
        leader(2, day(2025, 2, 3), LeaderStanding::External),
    ];
    let facts = Facts { leaders, ..counted(participants()) };
    let release = build(2025, units(), &facts, None);
    let kind = TableKind::LeadersByCertification;
    assert!(!kind.counts_persons(), "staff, not participants");
    let year = release.view(kind, Level::Nation, Period::Year(2025)).unwrap();
    assert_eq!(year.total, vec![Some(2), Some(1), Some(1), Some(0), Some(4)], "small counts are shown: {year:?}");
    let autumn =
        release.view(kind, Level::Organisation(1), Period::Term(Term { year: 2025, half: Half::Autumn })).unwrap();
    assert_eq!(autumn.total, vec![Some(1), Some(0), Some(0), Some(0), Some(1)]);
}
