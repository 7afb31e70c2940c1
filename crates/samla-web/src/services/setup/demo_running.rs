//! The demo's running children's group: seven invented children (each with a guardian who
//! has an e-mail address) enrolled, attendance saved for the sessions already held (some
//! absences, two in a row for one child), homework given at the second session, a session
//! today and one absence said ahead. Beside it a small running Mestringstreff for adults,
//! without participants, whose one held session waits for its log: its plan has parts
//! (start, main part, ending), so the log's "done as planned" can be ticked.
//!
//! The families are written in one transaction and the sheets go through the attendance
//! service as the demo group leader would save them, so everything that follows from a
//! saved sheet follows here too.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::courses as course_service;
use crate::services::running::attendance::{self as attendance, NoticeInput, Replaces, SheetInput, STAFF_ROLES};
use crate::services::running::logs;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use samla_domain::audit::Outcome;
use samla_domain::intake::enrolment::ParticipantRole;
use samla_domain::planning::commands::{CourseRole, JoinWorkingGroup, Member, PlanCourse};
use samla_domain::planning::schedule::Interval;
use samla_domain::programmes::Audience;
use samla_domain::running::attendance::{Attendance, GuardianEntry, Sheet, SheetEntry};
use samla_storage::intake::consents::{self, NewConsent};
use samla_storage::intake::participants;
use samla_storage::{accounts, audit, course_staff, courses, programmes, StoreError};

/// (child, age, guardian, guardian's e-mail, agreed to share with the network). Invented.
const FAMILIES: [(&str, i32, &str, &str, bool); 7] = [
    ("Emil Strand", 10, "Hanne Strand", "hanne.strand@demo.samla.test", true),
    ("Maja Solberg", 9, "Tor Solberg", "tor.solberg@demo.samla.test", false),
    ("Noah Berntsen", 11, "Lise Berntsen", "lise.berntsen@demo.samla.test", true),
    ("Ella Vik", 12, "Jon Vik", "jon.vik@demo.samla.test", false),
    ("Oskar Haugland", 8, "Marte Haugland", "marte.haugland@demo.samla.test", true),
    ("Selma Dahl", 10, "Ingrid Dahl", "ingrid.dahl@demo.samla.test", false),
    ("Lukas Aas", 11, "Per Aas", "per.aas@demo.samla.test", false),
];

/// Who was not simply present at the held sessions, in order: (child, how).
const HELD: [&[(&str, Attendance)]; 3] = [
    &[("Maja Solberg", Attendance::Late)],
    &[("Lukas Aas", Attendance::AbsentWithNotice), ("Ella Vik", Attendance::LeftEarly)],
    &[("Lukas Aas", Attendance::AbsentWithoutNotice), ("Oskar Haugland", Attendance::AbsentWithNotice)],
];

/// The homework given at the second held session (reviewed at the third, in the log).
const HOMEWORK: &str = "Tegn eller skriv ned én ting som gjorde deg glad denne uka, og ta den med neste gang.";

/// The small running Mestringstreff: its name, and how many weeks ago its one session was
/// (before the children's group started, so that course stays first in the course list).
const ADULTS_COURSE: (&str, i64) = ("Mestringstreff – kveldsgruppe", 5);

/// The child whose family said ahead that they will be away today, and why.
const AWAY_TODAY: (&str, &str) = ("Noah Berntsen", "Hos tannlegen");

pub(super) async fn seed(
    state: &crate::AppState,
    coordinator: &Actor,
    leader: &Actor,
    course_id: i64,
    today: NaiveDate,
) -> Result<(), WebError> {
    let today_session = session_today(state, course_id, today).await?;
    let children = enrol(state, coordinator, course_id, today).await?;
    let id_of = |name: &str| children.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let held: Vec<(i64, Audience)> = courses::sessions(&mut conn, course_id)
        .await?
        .into_iter()
        .filter(|s| s.kind.is_session() && s.status.is_planned() && s.date < today.to_string())
        .map(|s| (s.id, s.audience))
        .collect();
    let staff: Vec<i64> = course_staff::members(&mut conn, course_id)
        .await?
        .into_iter()
        .filter(|m| STAFF_ROLES.contains(&m.course_role) && m.course_role != CourseRole::Coordinator)
        .map(|m| m.id)
        .collect();
    drop(conn);
    for ((session_id, _), marks) in held.iter().zip(HELD.iter().cycle()) {
        // Who the sheet has a line for follows the session's audience, as on the page.
        let view = attendance::load(state, leader, Some(course_id), *session_id).await?;
        let mark_of = |name: &str| marks.iter().find(|(n, _)| *n == name).map_or(Attendance::Present, |(_, a)| *a);
        let entries: Vec<SheetEntry> = view
            .expected
            .participants
            .iter()
            .map(|p| SheetEntry { participant_id: p.id, attendance: mark_of(&p.name), note: String::new() })
            .collect();
        // A child away means the family was away; otherwise their guardian came.
        let guardians: Vec<GuardianEntry> = view
            .expected
            .guardians
            .iter()
            .map(|g| {
                let child = view.expected.families.iter().find(|p| g.guardian_of.contains(&p.id));
                let attendance = child.map_or(Attendance::Present, |p| mark_of(&p.name));
                let attendance = if attendance.attended() { Attendance::Present } else { attendance };
                GuardianEntry { person_id: g.person_id, attendance, note: String::new() }
            })
            .collect();
        let shape = view.expected.shape;
        // At a family gathering a step-parent and the siblings came as well.
        let parents = if shape.parents_count && shape.family_members_count { 1 } else { 0 };
        let family_members = if shape.family_members_count { 4 } else { 0 };
        let sheet = Sheet { entries, guardians, parents, family_members, staff_present: staff.clone() };
        let input = SheetInput { sheet, expected_version: Some(Replaces::Version(0)), submission_key: None };
        attendance::save_sheet(state, leader, Some(course_id), *session_id, &input).await?;
    }
    if let Some((session_id, _)) = held.get(1) {
        logs::add_homework(state, leader, course_id, *session_id, HOMEWORK).await?;
    }
    if let (Some(session_id), Some(participant_id)) = (today_session, id_of(AWAY_TODAY.0)) {
        let notice = NoticeInput { participant_id: Some(participant_id), note: AWAY_TODAY.1.into() };
        attendance::record_notice(state, leader, Some(course_id), session_id, &notice).await?;
    }
    adults_course(state, coordinator, leader, today).await?;
    Ok(())
}

/// The small running Mestringstreff with the demo group leader and user representative
/// and one held session, planned and started through the same services as the pages.
async fn adults_course(
    state: &crate::AppState,
    coordinator: &Actor,
    leader: &Actor,
    today: NaiveDate,
) -> Result<(), WebError> {
    let (name, weeks_ago) = ADULTS_COURSE;
    let start = today - Duration::weeks(weeks_ago);
    let course = PlanCourse {
        name: name.into(),
        venue: "Frivilligsentralen".into(),
        room: "Storsalen".into(),
        start_date: start,
        start_time: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
        weekdays: vec![start.weekday()],
        interval: Interval::Weekly,
        duration_minutes: None,
        session_count: Some(1),
        capacity: Some(10),
    };
    let course_id = course_service::create(state, coordinator, "mestringstreff", course).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let representative =
        accounts::find_by_email(&mut conn, "user-representative@demo.samla.test").await?.ok_or(WebError::NotFound)?.id;
    drop(conn);
    for (user_id, role) in [(leader.user_id, CourseRole::GroupLeader), (representative, CourseRole::UserRepresentative)]
    {
        let staff = JoinWorkingGroup { member: Member::Account { user_id }, role, on_every_session: true };
        course_service::add_staff(state, coordinator, course_id, staff).await?;
    }
    let mut version = 1;
    for status in ["ready", "recruiting", "running"] {
        version = course_service::set_status(state, coordinator, course_id, status, "", version).await?;
    }
    Ok(())
}

/// Makes sure the course meets today (a generated schedule skips public holidays and
/// school breaks): the next session is moved to today if none falls on it.
async fn session_today(state: &crate::AppState, course_id: i64, today: NaiveDate) -> Result<Option<i64>, WebError> {
    let day = today.to_string();
    let mut tx = state.store.write().await?;
    let sessions = courses::sessions(&mut tx.tx, course_id).await?;
    let planned = |s: &&courses::CourseSession| s.kind.is_session() && s.status.is_planned();
    if let Some(found) = sessions.iter().filter(planned).find(|s| s.date == day) {
        return Ok(Some(found.id));
    }
    let Some(next) = sessions.iter().filter(planned).find(|s| s.date > day) else { return Ok(None) };
    courses::move_session(&mut tx.tx, next.id, &day, &next.start_time, &next.end_time, &next.room, next.version)
        .await?;
    tx.commit().await?;
    Ok(Some(next.id))
}

/// Enrols the families in one transaction; returns (child's name, participant id).
async fn enrol(
    state: &crate::AppState,
    coordinator: &Actor,
    course_id: i64,
    today: NaiveDate,
) -> Result<Vec<(&'static str, i64)>, WebError> {
    let organisation_id = coordinator.organisation.id;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let course = courses::get(&mut tx.tx, organisation_id, course_id).await?;
    let programme_id = programmes::version_by_id(&mut tx.tx, course.programme_version_id).await?.programme_id;
    let participation = consents::current_text(&mut tx.tx, organisation_id, programme_id, "participation").await?;
    let network = consents::current_text(&mut tx.tx, organisation_id, programme_id, "share_with_network").await?;
    for (child, age, guardian, email, shares) in FAMILIES {
        let born = format!("{}-{:02}-10", today.year() - age, 1 + (age as u32 % 12));
        let (guardian_id, child_id) =
            super::demo_family(&mut tx.tx, organisation_id, (guardian, email), (child, &born), now).await?;
        let texts = [(participation.as_ref(), true), (network.as_ref(), shares)];
        for text in texts.iter().filter(|(_, wanted)| *wanted).filter_map(|(text, _)| *text) {
            let consent = NewConsent {
                organisation_id,
                giver_id: guardian_id,
                participant_id: child_id,
                consent_text_id: text.id,
                purpose: &text.purpose,
                capacity: "guardian",
                method: "paper",
                recorded_by: Some(coordinator.user_id),
            };
            consents::record(&mut tx.tx, &consent, now).await?;
        }
        participants::enrol(&mut tx.tx, course_id, child_id, None, ParticipantRole::Participant, None, now).await?;
        participants::enrol(&mut tx.tx, course_id, guardian_id, None, ParticipantRole::Parent, None, now).await?;
    }
    let enrolled = participants::for_course(&mut tx.tx, course_id).await?;
    let event = coordinator.event("demo.running.enrol", Outcome::Success).record("course", course_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(FAMILIES
        .iter()
        .filter_map(|(child, ..)| {
            enrolled.iter().find(|p| p.role.is_participant() && p.name == *child).map(|p| (*child, p.id))
        })
        .collect())
}
