use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a day")
}

fn sheet(header: &[&str], rows: &[&[&str]]) -> Sheet {
    Sheet {
        header: header.iter().map(|h| h.to_string()).collect(),
        rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
    }
}

fn known() -> Known {
    Known {
        programmes: vec!["smil".into(), "mestringsgrupper".into()],
        channels: vec!["school".into(), "gp".into()],
        today: day("2026-12-07"),
    }
}

fn courses() -> Sheet {
    sheet(
        &COURSE_COLUMNS,
        &[
            &["V24", "smil", "2024-02-05", "2024-04-15", "10", "2", ""],
            &["H24", "smil", "02.09.2024", "11.11.2024", "8", "2", "nei"],
        ],
    )
}

fn participants() -> Sheet {
    sheet(
        &PARTICIPANT_COLUMNS,
        &[
            &["V24", "A1", "2014", "", "female", "school", "9", "no", ""],
            &["V24", "A2", "", "11", "", "", "3", "ja", "moved"],
            &["H24", "A1", "", "", "male", "gp", "", "", ""],
        ],
    )
}

#[test]
fn a_good_workbook_reads_every_course_and_participant() {
    let import = read(&courses(), &participants(), &known()).expect("no problems");
    assert_eq!(import.courses.len(), 2);
    assert_eq!(import.courses[1].start, day("2024-09-02"), "Norwegian dates too");
    assert!(!import.courses[1].cancelled);
    let second = &import.participants[1];
    assert_eq!((second.age, second.dropped_out, second.dropout_reason), (Some(11), true, Some(DropoutReason::Moved)));
    assert_eq!(second.birth_date(day("2024-02-05")), Some(day("2013-02-05")), "eleven on the first day");
    assert_eq!(import.participants[0].birth_date(day("2024-02-05")), Some(day("2014-07-01")), "the middle of the year");
    assert_eq!(import.participants[2].sessions_attended, None, "not known");
    assert_eq!(import.participants[2].pseudonym, "A1", "the same code on another course is another participant");
}

#[test]
fn every_problem_is_named_by_sheet_row_and_column_and_nothing_is_read() {
    let courses = sheet(
        &COURSE_COLUMNS,
        &[
            &["V24", "ukjent", "2024-02-30", "2024-01-01", "0", "2", "kanskje"],
            &["V24", "smil", "2027-01-04", "2027-03-01", "10", "21", ""],
            &["", "", "", "", "", "", ""],
        ],
    );
    let participants = sheet(
        &PARTICIPANT_COLUMNS,
        &[
            &["X", "12345678901", "1850", "130", "f", "tv", "11", "no", "moved"],
            &["V24", "", "", "", "", "", "", "", ""],
        ],
    );
    let problems = read(&courses, &participants, &known()).expect_err("problems");
    let at = |sheet: SheetKind, row: usize, column: &str| {
        problems.iter().find(|p| p.sheet == sheet && p.row == row && p.column == column).map(|p| p.code)
    };
    use SheetKind::{Courses, Participants};
    assert_eq!(at(Courses, 2, "programme"), Some("import-error-programme"));
    assert_eq!(at(Courses, 2, "start_date"), Some("import-error-date"));
    assert_eq!(at(Courses, 2, "sessions"), Some("import-error-number"));
    assert_eq!(at(Courses, 2, "cancelled"), Some("import-error-yes-no"));
    assert_eq!(at(Courses, 3, "course"), Some("import-error-duplicate"));
    assert_eq!(at(Courses, 3, "start_date"), Some("import-error-not-past"));
    assert_eq!(at(Courses, 3, "leaders"), Some("import-error-number"));
    assert_eq!(at(Participants, 2, "course"), Some("import-error-course-unknown"));
    assert_eq!(at(Participants, 2, "participant"), Some("import-error-identity-number"));
    assert_eq!(at(Participants, 2, "birth_year"), Some("import-error-number"));
    assert_eq!(at(Participants, 2, "age"), Some("import-error-number"));
    assert_eq!(at(Participants, 2, "sex"), Some("import-error-choice"));
    assert_eq!(at(Participants, 2, "channel"), Some("import-error-channel"));
    assert_eq!(at(Participants, 2, "dropout_reason"), Some("import-error-reason-without-dropout"));
    assert_eq!(at(Participants, 3, "participant"), Some("import-error-required"));
    assert!(problems.iter().all(|p| p.row != 4), "the empty row is passed over: {problems:?}");
}

#[test]
fn a_missing_column_or_an_empty_sheet_is_named_once() {
    let courses = sheet(&["course", "programme"], &[&["V24", "smil"]]);
    let problems = read(&courses, &sheet(&PARTICIPANT_COLUMNS, &[]), &known()).expect_err("problems");
    let missing: Vec<&str> =
        problems.iter().filter(|p| p.code == "import-error-column-missing").map(|p| p.column.as_str()).collect();
    assert_eq!(missing, ["start_date", "end_date", "sessions", "leaders", "cancelled"]);
    let empty = read(&sheet(&COURSE_COLUMNS, &[]), &participants(), &known()).expect_err("no courses");
    assert!(empty.iter().any(|p| p.sheet == SheetKind::Courses && p.code == "import-error-empty"));
    let cancelled = sheet(&COURSE_COLUMNS, &[&["V23", "smil", "2023-02-06", "2023-04-17", "10", "2", "ja"]]);
    let alone = read(&cancelled, &sheet(&PARTICIPANT_COLUMNS, &[]), &known()).expect("a cancelled course alone");
    assert!(alone.courses[0].cancelled && alone.participants.is_empty());
}

#[test]
fn attended_sessions_cannot_pass_the_courses_sessions() {
    let participants = sheet(&PARTICIPANT_COLUMNS, &[&["H24", "B", "", "", "", "", "9", "", ""]]);
    let problems = read(&courses(), &participants, &known()).expect_err("eight sessions");
    assert_eq!(problems[0].column, "sessions_attended");
}
