use super::*;
use proptest::prelude::*;

fn facts(number: u32, recorded: u64, attended: u64) -> SessionFacts {
    SessionFacts { number, courses: 3, recorded, attended }
}

#[test]
fn a_session_shows_its_rate_when_no_count_is_small() {
    let published = attendance_per_session(&[facts(2, 40, 30), facts(1, 40, 36)], &[]);
    assert_eq!(published.iter().map(|s| s.number).collect::<Vec<_>>(), [1, 2], "in the manual's order");
    assert_eq!(published[1].recorded, Some(40));
    assert_eq!(published[1].attended, Some(30));
    assert_eq!(published[1].rate, Some(0.75));
    assert!(!published[1].kept);
}

#[test]
fn few_who_came_or_few_who_did_not_hide_the_count_and_the_rate() {
    let published = attendance_per_session(&[facts(1, 40, 37), facts(2, 40, 3), facts(3, 40, 40), facts(4, 4, 4)], &[]);
    assert_eq!((published[0].recorded, published[0].attended, published[0].rate), (Some(40), None, None));
    assert_eq!((published[1].recorded, published[1].attended, published[1].rate), (Some(40), None, None));
    assert_eq!(published[2].attended, Some(40), "nobody missing is no small count");
    assert_eq!((published[3].recorded, published[3].attended), (None, None), "four recorded show nothing");
    assert_eq!(published[3].courses, 3, "how many courses is not a count of persons");
}

#[test]
fn a_correction_by_a_few_persons_keeps_the_first_figures() {
    let first = attendance_per_session(&[facts(1, 40, 30)], &[]);
    // One latecomer added to the list, who came: subtracting would tell.
    let corrected = attendance_per_session(&[facts(1, 41, 31)], &first);
    assert_eq!(corrected[0], SessionAttendance { kept: true, ..first[0] });
    // One mark changed from absent to present, the list the same.
    let corrected = attendance_per_session(&[facts(1, 40, 31)], &first);
    assert!(corrected[0].kept);
    // Five more persons, three of whom came: those who did not come moved by two.
    let corrected = attendance_per_session(&[facts(1, 45, 33)], &first);
    assert!(corrected[0].kept);
    // Ten more, five who came and five who did not: published anew.
    let corrected = attendance_per_session(&[facts(1, 50, 35)], &first);
    assert_eq!((corrected[0].attended, corrected[0].kept), (Some(35), false));
    // The same counts again: nothing to keep.
    let again = attendance_per_session(&[facts(1, 40, 30)], &first);
    assert_eq!(again, first);
}

#[test]
fn a_session_the_correction_adds_is_published_as_it_is() {
    let first = attendance_per_session(&[facts(1, 40, 30)], &[]);
    let corrected = attendance_per_session(&[facts(1, 40, 30), facts(2, 20, 10)], &first);
    assert_eq!(corrected[1].attended, Some(10));
}

proptest! {
    /// Whatever the counts, no published count of persons is one to four, nor is the
    /// count it leaves out of those recorded; and a rate is shown only with its counts.
    #[test]
    fn no_published_figure_tells_a_small_group(
        rows in prop::collection::vec((1u32..20, 0u64..60, 0u64..60), 0..12),
        corrections in prop::collection::vec((0u64..12, 0u64..12), 12),
    ) {
        let rows: std::collections::BTreeMap<u32, (u64, u64)> = rows.into_iter().map(|(n, a, b)| (n, (a, b))).collect();
        let first_facts: Vec<SessionFacts> = rows.iter().map(|(n, (a, b))| facts(*n, a + b, *a)).collect();
        let first = attendance_per_session(&first_facts, &[]);
        let second_facts: Vec<SessionFacts> = first_facts
            .iter()
            .zip(&corrections)
            .map(|(f, (more_came, more_missed))| facts(f.number, f.recorded + more_came + more_missed, f.attended + more_came))
            .collect();
        let second = attendance_per_session(&second_facts, &first);
        for release in [&first, &second] {
            for s in release.iter() {
                if let Some(recorded) = s.recorded {
                    prop_assert!(recorded >= MIN_PERSONS);
                }
                if let Some(attended) = s.attended {
                    let recorded = s.recorded.expect("counts come with their total");
                    prop_assert!(!few(attended) && !few(recorded - attended));
                    prop_assert!(s.rate.is_some());
                } else {
                    prop_assert!(s.rate.is_none());
                }
            }
        }
        // Between the releases, no published count of a session moved by one to four.
        for later in &second {
            let Some(earlier) = first.iter().find(|e| e.number == later.number) else { continue };
            for (a, b) in [(earlier.recorded, later.recorded), (earlier.attended, later.attended)] {
                if let (Some(a), Some(b)) = (a, b) {
                    prop_assert!(!few(a.abs_diff(b)), "session {} moved {a} → {b}", later.number);
                }
            }
            if let (Some(r0), Some(a0), Some(r1), Some(a1)) = (earlier.recorded, earlier.attended, later.recorded, later.attended) {
                prop_assert!(!few((r0 - a0).abs_diff(r1 - a1)));
            }
        }
    }
}
