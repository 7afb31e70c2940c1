use super::*;
use crate::intake::household::Sex;
use crate::organisations::{OrganisationKind, Region};
use crate::planning::lifecycle::CourseStatus;
use crate::reports::national::{
    build, CountedUnit, CourseFact, LeaderFact, LeaderStanding, ParticipantFact, WaitingFact,
};
use crate::reports::tables::{Half, Level};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn units() -> Vec<CountedUnit> {
    [(1, "Bergen", Region::Vestland), (2, "Voss", Region::Vestland), (3, "Oslo", Region::Oslo)]
        .into_iter()
        .map(|(organisation_id, name, region)| CountedUnit {
            organisation_id,
            name: name.to_string(),
            region,
            kind: if organisation_id == 2 { OrganisationKind::Hospital } else { OrganisationKind::Municipality },
        })
        .collect()
}

/// `n` participants of a course of `organisation_id` that started on `start`, varied in
/// every column the tables count.
fn group(organisation_id: i64, start: NaiveDate, n: usize) -> Vec<ParticipantFact> {
    (0..n)
        .map(|i| ParticipantFact {
            organisation_id,
            course_start: start,
            course_status: [CourseStatus::Completed, CourseStatus::Running][i % 2],
            birth_date: NaiveDate::from_ymd_opt(2025 - 7 - (i as i32 % 9), 3, 1),
            dropped_out: i % 4 == 3,
            channel: Some(["school", "gp", "their_own"][i % 3].to_string()).filter(|_| i % 5 != 4),
            sex: [Some(Sex::Female), Some(Sex::Male), None][i % 3],
            applied_on: (i % 6 != 5).then(|| start - chrono::Duration::days(25 * i as i64)),
            dropout_reason: [Some(crate::running::dropout::DropoutReason::Moved), None][i % 2],
            sessions_recorded: 10,
            sessions_attended: [10, 8, 4, 0][i % 4],
        })
        .collect()
}

fn facts() -> Facts {
    let (spring, autumn) = (day(2025, 2, 3), day(2025, 9, 1));
    let participants =
        [group(1, spring, 40), group(1, autumn, 33), group(2, spring, 26), group(3, autumn, 51)].concat();
    let courses = [(1, spring), (1, autumn), (2, spring), (3, autumn), (3, day(2025, 10, 1))]
        .into_iter()
        .enumerate()
        .map(|(i, (organisation_id, start))| CourseFact {
            organisation_id,
            start,
            status: [CourseStatus::Completed, CourseStatus::Cancelled, CourseStatus::Draft][i % 3],
        })
        .collect();
    let leaders = (0..9)
        .map(|i| LeaderFact {
            organisation_id: 1 + i % 3,
            first_course_start: [spring, autumn][(i % 2) as usize],
            standing: [LeaderStanding::Certified, LeaderStanding::External][(i % 2) as usize],
        })
        .collect();
    let waiting = (0..30)
        .map(|i| WaitingFact {
            organisation_id: 1 + i % 3,
            term: Term { year: 2025, half: [Half::Spring, Half::Autumn][(i % 2) as usize] },
            applied_on: day(2024, 12, 1) - chrono::Duration::days(i * 9),
        })
        .collect();
    Facts { participants, courses, leaders, waiting, ..Facts::default() }
}

/// The facts without those of `organisation_id`, as its own installation would leave them out.
fn without(facts: &Facts, organisation_id: i64) -> Facts {
    Facts {
        participants: facts.participants.iter().filter(|f| f.organisation_id != organisation_id).cloned().collect(),
        courses: facts.courses.iter().filter(|f| f.organisation_id != organisation_id).cloned().collect(),
        leaders: facts.leaders.iter().filter(|f| f.organisation_id != organisation_id).cloned().collect(),
        waiting: facts.waiting.iter().filter(|f| f.organisation_id != organisation_id).cloned().collect(),
        ..Facts::default()
    }
}

#[test]
fn a_release_counting_a_submission_is_the_release_of_the_same_courses_run_here() {
    let everything = facts();
    let here = build(2025, units(), &everything, None);
    for sender in [1, 2, 3] {
        let submission = count(sender, "smil", 2025, "Their own", 1_767_000_000, &everything);
        assert!(submission.tables.iter().all(|t| t.table != "participants_by_service_kind"));
        let counts = read(&submission, sender).expect("the counts read back");
        let submitted = Facts { submitted: counts, ..without(&everything, sender) };
        let merged = build(2025, units(), &submitted, None);
        assert_eq!(merged, here, "the release with organisation {sender} submitted");
    }
    // And the merged counts are not nothing: the sender's line has its figures.
    let view = here.view(TableKind::ParticipantsByOutcome, Level::Organisation(1), Period::Year(2025)).unwrap();
    assert_eq!(view.total.last().copied().flatten(), Some(73));
}

#[test]
fn a_submission_holds_counts_and_no_person() {
    let submission = count(1, "smil", 2025, "Bergen", 1, &facts());
    let json = serde_json::to_string(&submission).unwrap();
    for person_field in ["birth", "applied", "pseudonym", "name\"", "organisation_id"] {
        assert!(!json.contains(person_field), "{person_field} in {json}");
    }
    let by_age = submission.tables.iter().find(|t| t.table == "participants_by_age").unwrap();
    assert_eq!(by_age.cells.iter().map(|c| c.count).sum::<u64>(), 73);
}

#[test]
fn a_signed_submission_opens_and_any_changed_byte_is_found() {
    let (secret, public) = new_signing_key();
    let envelope = sign(&count(1, "smil", 2025, "Bergen", 5, &facts()), &secret);
    assert_eq!(envelope.key, public);
    let bytes = serde_json::to_vec(&envelope).unwrap();
    let opened = open(&bytes).expect("it opens");
    assert_eq!(opened.submission.year, 2025);
    assert!(same_key(&opened.key, &public));

    // Raise one count by one and sign nothing again: the signature no longer holds.
    let mut altered = opened.submission.clone();
    altered.tables[0].cells[0].count += 1;
    let forged = Envelope { payload: BASE64.encode(&serde_json::to_vec(&altered).unwrap()), ..envelope.clone() };
    assert_eq!(open(&serde_json::to_vec(&forged).unwrap()).unwrap_err().code, "submission-error-signature");

    // Signed by someone else with their key in the envelope: it opens, but under their key.
    let (other_secret, other_public) = new_signing_key();
    let theirs = sign(&altered, &other_secret);
    let opened = open(&serde_json::to_vec(&theirs).unwrap()).unwrap();
    assert!(!same_key(&opened.key, &public) && same_key(&opened.key, &other_public));

    // The signature of one submission on another's payload.
    let swapped = Envelope { signature: theirs.signature.clone(), ..envelope.clone() };
    assert_eq!(open(&serde_json::to_vec(&swapped).unwrap()).unwrap_err().code, "submission-error-signature");
    assert_eq!(open(b"{\"format\": 1}").unwrap_err().code, "submission-error-unreadable");
    let no_key = Envelope { key: "AAAA".into(), ..envelope };
    assert_eq!(open(&serde_json::to_vec(&no_key).unwrap()).unwrap_err().code, "submission-error-key");
}

#[test]
fn every_problem_of_a_submission_is_named_at_its_cell() {
    let mut submission = count(1, "smil", 2025, "Bergen", 5, &facts());
    submission.tables[0].cells[0].term = "2024-spring".into();
    submission.tables[0].cells[1].category = "a hundred".into();
    submission.tables[1].cells[0].count = MAX_COUNT + 1;
    let twice = submission.tables[2].cells[0].clone();
    submission.tables[2].cells.push(twice);
    submission.tables.push(SubmittedTable { table: "participants_by_service_kind".into(), cells: vec![] });
    let problems = read(&submission, 1).unwrap_err();
    let codes: Vec<(&str, Option<&str>)> = problems.iter().map(|p| (p.code, p.at.as_deref())).collect();
    let (age, outcome, channel) =
        (&submission.tables[0].table, &submission.tables[1].table, &submission.tables[2].table);
    let last = submission.tables[2].cells.len() - 1;
    assert_eq!(
        codes,
        vec![
            ("submission-error-term", Some(format!("{age}[0]").as_str())),
            ("submission-error-category", Some(format!("{age}[1]").as_str())),
            ("submission-error-count", Some(format!("{outcome}[0]").as_str())),
            ("submission-error-cell-twice", Some(format!("{channel}[{last}]").as_str())),
            ("submission-error-table", Some("participants_by_service_kind")),
        ]
    );
}

#[test]
fn tables_of_participants_that_count_different_persons_are_refused() {
    let mut submission = count(1, "smil", 2025, "Bergen", 5, &facts());
    let sex = submission.tables.iter_mut().find(|t| t.table == "participants_by_sex").unwrap();
    sex.cells[0].count += 1;
    assert_eq!(read(&submission, 1).unwrap_err(), vec![Problem::new("submission-error-totals")]);
    // Left out, a table counted nobody, which disagrees too.
    let mut submission = count(1, "smil", 2025, "Bergen", 5, &facts());
    submission.tables.retain(|t| t.table != "participants_by_wait");
    assert_eq!(read(&submission, 1).unwrap_err(), vec![Problem::new("submission-error-totals")]);
    // The waitlist has totals of its own.
    let mut submission = count(1, "smil", 2025, "Bergen", 5, &facts());
    submission.tables.retain(|t| t.table != "waitlist_at_term_start");
    assert!(read(&submission, 1).is_ok());
}
