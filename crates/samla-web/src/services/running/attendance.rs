//! Running a session: what a leader sees of it (plan, who is expected, who said they will
//! be away, who of the staff is on it) and the attendance sheet, saved whole in one
//! transaction with optimistic concurrency and a one-time submission key.
//!
//! Who is on the sheet follows the session's audience (the children, their guardians by
//! name, or both; see [`samla_domain::running::attendance_scope`]). Names on the sheet,
//! the guardians' as the children's, need [`Action::ViewParticipantContacts`] and every
//! read of them is audited ("attendance.read"); the rest of the working group (user
//! representatives) sees counts only. Recording needs [`Action::RecordSessionWork`] on the
//! course.

mod plan;
mod today;

pub use plan::{session_plan, PlanView, PlannedSlot, Segment};
pub use today::{today, TodayView, TODAY_DAYS};

use super::access::is_closed;
pub use super::Replaces;
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::course_access::OnCourse;
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::audit::Outcome;
use samla_domain::planning::staffing::CourseRole;
use samla_domain::programmes::Manual;
use samla_domain::running::attendance::{self as rules, Attendance, GuardianEntry, Sheet, SheetEntry, SheetScope};
use samla_domain::running::attendance_scope::check_attendance_open;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::course_staff::{self, StaffMember};
use samla_storage::courses::{self, Course};
use samla_storage::running::attendance::{
    self as store, AbsenceNotice, Expected, NewSheet, RunningSession, SessionScope, StoredSheet,
};
use samla_storage::{audit, programmes, StoreError, WriteTx};
use sqlx::AnyConnection;

/// The course roles whose presence a sheet records.
pub const STAFF_ROLES: [CourseRole; 3] =
    [CourseRole::GroupLeader, CourseRole::UserRepresentative, CourseRole::Coordinator];

/// What the actor may do with a session's attendance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Take attendance and record absence notices.
    pub record: bool,
    /// See the participants' names and notes; without it, counts only.
    pub names: bool,
    /// Read the session's log and homework (the working group and coordinators).
    pub log: bool,
}

/// Everything the attendance page, the session API and the today page show of one
/// session. Without [`Access::names`], names and notes are blanked before anyone sees
/// the view.
pub struct SessionView {
    pub course: Course,
    pub session: RunningSession,
    /// 1, 2, 3 … among the course's sessions (meetings have none), as on the course page.
    pub number: Option<usize>,
    pub plan: Option<PlanView>,
    pub expected: Expected,
    pub notices: Vec<AbsenceNotice>,
    /// Coordinators, group leaders and user representatives of the course.
    pub roster: Vec<StaffMember>,
    /// Staff ids planned for the session.
    pub assigned_staff: Vec<i64>,
    pub sheet: Option<StoredSheet>,
    pub has_log: bool,
    pub access: Access,
    /// Why attendance cannot be taken now (a message key), if it cannot: the session is
    /// cancelled, its day has not come, or the course is closed.
    pub closed: Option<&'static str>,
    /// Absence notices can be recorded: the session is not cancelled and the course not
    /// closed.
    pub notices_open: bool,
}

impl SessionView {
    /// Participant ids expected at the session.
    pub fn expected_ids(&self) -> Vec<i64> {
        self.expected.participants.iter().map(|p| p.id).collect()
    }

    /// Person ids of the guardians expected at the session.
    pub fn guardian_ids(&self) -> Vec<i64> {
        self.expected.guardians.iter().map(|g| g.person_id).collect()
    }

    /// Whom the sheet must have a line for and what it counts.
    pub fn scope<'a>(&self, participants: &'a [i64], guardians: &'a [i64], staff: &'a [i64]) -> SheetScope<'a> {
        SheetScope { participants, guardians, staff, shape: self.expected.shape }
    }

    /// Whether a guardian's family said they will be away: a notice for one of the
    /// guardian's children at this session.
    pub fn guardian_notice(&self, guardian: &store::ExpectedGuardian) -> Option<&AbsenceNotice> {
        guardian.guardian_of.iter().find_map(|id| self.notice_for(*id))
    }

    pub fn staff_ids(&self) -> Vec<i64> {
        self.roster.iter().map(|m| m.id).collect()
    }

    /// The saved version (0: nothing saved yet).
    pub fn version(&self) -> i64 {
        self.sheet.as_ref().map_or(0, |s| s.header.version)
    }

    pub fn notice_for(&self, participant_id: i64) -> Option<&AbsenceNotice> {
        self.notices.iter().find(|n| n.participant_id == participant_id)
    }
}

/// Who is expected at the session. A gathering with the network names only participants
/// for whom every consent to share is in force, by the rule the meeting records use.
async fn expected_at(
    conn: &mut AnyConnection,
    organisation_id: i64,
    session: &RunningSession,
) -> Result<Expected, WebError> {
    let with_network = samla_domain::running::meetings::shares_with_network(
        session.meeting_kind.as_deref().and_then(samla_domain::running::meetings::parse_kind),
        Some(session.audience),
    );
    let shareable: Vec<i64> = match crate::services::courses::parse_date(&session.date) {
        Some(_) if with_network => {
            crate::services::running::meetings::network_sharing_in(conn, organisation_id, session.course_id)
                .await?
                .shareable
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        }
        _ => Vec::new(),
    };
    Ok(store::expected(conn, SessionScope::of(session), &shareable).await?)
}

/// Why attendance cannot be taken at this session now, if it cannot.
fn closed_reason(course: &Course, session: &RunningSession, today: NaiveDate) -> Option<FieldError> {
    let date = crate::services::courses::parse_date(&session.date).unwrap_or(today);
    check_attendance_open(date, session.status.is_cancelled(), is_closed(course), today).err()
}

fn parse_manual(raw: &str) -> Result<Manual, WebError> {
    serde_json::from_str(raw).map_err(|e| WebError::Internal(e.to_string()))
}

/// The session's number among the course's sessions.
fn session_number(all: &[RunningSession], session_id: i64) -> Option<usize> {
    let mut number = 0;
    for row in all {
        if row.kind.is_session() {
            number += 1;
        }
        if row.id == session_id {
            return row.kind.is_session().then_some(number);
        }
    }
    None
}

/// Blanks what a person without access to names must not see.
fn counts_only(view: &mut SessionView) {
    for p in &mut view.expected.participants {
        p.name.clear();
    }
    for g in &mut view.expected.guardians {
        g.name.clear();
    }
    for p in &mut view.expected.families {
        p.name.clear();
    }
    for n in &mut view.notices {
        n.name.clear();
        n.note.clear();
    }
    if let Some(sheet) = &mut view.sheet {
        for e in &mut sheet.entries {
            e.name.clear();
            e.note.clear();
        }
        for e in &mut sheet.guardians {
            e.name.clear();
            e.note.clear();
        }
    }
}

/// What every session of one course shares on the way to its view.
struct CourseContext {
    course: OnCourse,
    manual: Manual,
    all: Vec<RunningSession>,
    access: Access,
    roster: Vec<StaffMember>,
    /// (session id, staff id, substitute) of the whole course.
    assignments: Vec<(i64, i64, i64)>,
}

async fn course_context(
    state: &AppState,
    conn: &mut AnyConnection,
    actor: &Actor,
    course: OnCourse,
) -> Result<CourseContext, WebError> {
    let access = Access {
        record: actor.may_on_course(&state.clock, &mut *conn, Action::RecordSessionWork, course.id).await?,
        names: actor.may_on_course(&state.clock, &mut *conn, Action::ViewParticipantContacts, course.id).await?,
        log: actor.may_on_course(&state.clock, &mut *conn, Action::ViewSessionRecords, course.id).await?,
    };
    let manual = parse_manual(&programmes::version_by_id(conn, course.programme_version_id).await?.manual)?;
    let all = store::course_sessions(conn, course.id).await?;
    let roster = course_staff::members(conn, course.id)
        .await?
        .into_iter()
        .filter(|m| STAFF_ROLES.contains(&m.course_role))
        .collect();
    let assignments = course_staff::assignments(conn, course.id).await?;
    Ok(CourseContext { course, manual, all, access, roster, assignments })
}

/// The view of one session of the course, names and notes blanked when the actor may not
/// see them (the caller audits the read when they may).
async fn session_view(
    conn: &mut AnyConnection,
    context: &CourseContext,
    session: RunningSession,
    today: NaiveDate,
) -> Result<SessionView, WebError> {
    let session_id = session.id;
    let slots: Vec<PlannedSlot> = context.all.iter().map(PlannedSlot::from).collect();
    let course = &context.course;
    let mut view = SessionView {
        number: session_number(&context.all, session_id),
        plan: session_plan(&context.manual, &slots, session_id),
        expected: expected_at(conn, course.organisation_id, &session).await?,
        notices: store::notices(conn, session_id).await?,
        roster: context.roster.clone(),
        assigned_staff: context
            .assignments
            .iter()
            .filter(|(sid, _, _)| *sid == session_id)
            .map(|(_, staff_id, _)| *staff_id)
            .collect(),
        sheet: store::sheet(conn, session_id).await?,
        has_log: store::has_log(conn, session_id).await?,
        access: context.access,
        closed: closed_reason(course, &session, today).map(|e| e.code),
        notices_open: notices_closed(course, &session).is_none(),
        course: course.course().clone(),
        session,
    };
    if !view.access.names {
        counts_only(&mut view);
    }
    Ok(view)
}

/// One session for running it. `course_id`, when given (page paths carry it), must be the
/// session's course. A read of names is audited.
pub async fn load(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
) -> Result<SessionView, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let session = store::session(&mut conn, actor.organisation.id, session_id).await?;
    if course_id.is_some_and(|id| id != session.course_id) {
        return Err(WebError::NotFound);
    }
    drop(conn);
    let course = actor.on_course(state, Action::ViewCourses, session.course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let context = course_context(state, &mut conn, actor, course).await?;
    let names = context.access.names;
    let today = actor.organisation.today(&state.clock);
    // The connection goes back to the pool as soon as the read is done, never held while
    // the audit row waits for its commit (which needs a connection of its own).
    let read = async move { session_view(&mut conn, &context, session, today).await };
    if names {
        actor.recording_read(state, "attendance.read", ("session", session_id), read).await
    } else {
        read.await
    }
}

/// The version of a session's sheet (0: nothing saved), without reading the sheet.
pub async fn current_version(state: &AppState, session_id: i64) -> Result<i64, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(store::version(&mut conn, session_id).await?)
}

/// A whole sheet as sent, with the version the sender saw and the one-time key of the
/// submission.
pub struct SheetInput {
    pub sheet: Sheet,
    /// `None` when an API caller named no version although one is saved (answered with
    /// 428 unless it repeats a save).
    pub expected_version: Option<Replaces>,
    pub submission_key: Option<String>,
}

/// What a save came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOutcome {
    pub version: i64,
    /// The same submission was saved before; nothing was written this time.
    pub repeated: bool,
}

/// A sheet just written, inside its transaction: what else a save leads to reads this.
pub struct SavedSheet<'a> {
    pub course: &'a OnCourse,
    pub session: &'a RunningSession,
    pub sheet: &'a Sheet,
    pub version: i64,
}

/// The session and course for recording, if the actor may record on it; a refusal for
/// another course is audited against the session.
pub async fn recordable(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
) -> Result<(OnCourse, RunningSession), WebError> {
    let recording = actor.course_scope(state, Action::RecordSessionWork).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let session = store::session(&mut conn, actor.organisation.id, session_id).await?;
    if course_id.is_some_and(|id| id != session.course_id) {
        return Err(WebError::NotFound);
    }
    let course = courses::get(&mut conn, actor.organisation.id, session.course_id).await?;
    drop(conn);
    let course = recording.found(state, actor, course, ("session", session_id)).await?;
    Ok((course, session))
}

/// The sheet in the form it is stored and compared: notes under the text rule, lines by participant,
/// staff sorted.
fn normalised(sheet: &Sheet) -> Sheet {
    let mut entries: Vec<SheetEntry> = sheet
        .entries
        .iter()
        .map(|e| SheetEntry {
            participant_id: e.participant_id,
            attendance: e.attendance,
            note: samla_domain::validation::normalise(&e.note),
        })
        .collect();
    entries.sort_by_key(|e| e.participant_id);
    let mut guardians: Vec<GuardianEntry> = sheet
        .guardians
        .iter()
        .map(|e| GuardianEntry { person_id: e.person_id, attendance: e.attendance, note: e.note.trim().into() })
        .collect();
    guardians.sort_by_key(|e| e.person_id);
    let mut staff_present = sheet.staff_present.clone();
    staff_present.sort_unstable();
    Sheet { entries, guardians, parents: sheet.parents, family_members: sheet.family_members, staff_present }
}

/// A stored sheet back in the domain's terms.
fn as_sheet(stored: &StoredSheet) -> Sheet {
    Sheet {
        entries: stored
            .entries
            .iter()
            .filter_map(|e| {
                Some(SheetEntry {
                    participant_id: e.participant_id,
                    attendance: Attendance::parse(&e.attendance)?,
                    note: e.note.clone(),
                })
            })
            .collect(),
        guardians: stored
            .guardians
            .iter()
            .filter_map(|e| {
                Some(GuardianEntry {
                    person_id: e.person_id,
                    attendance: Attendance::parse(&e.attendance)?,
                    note: e.note.clone(),
                })
            })
            .collect(),
        parents: u32::try_from(stored.header.parents).unwrap_or(0),
        family_members: u32::try_from(stored.header.family_members).unwrap_or(0),
        staff_present: stored.staff_present.clone(),
    }
}

/// Whether `stored` is what this submission saved: its key, and the same content.
fn repeats(stored: Option<&StoredSheet>, input: &SheetInput) -> bool {
    match (stored, &input.submission_key) {
        (Some(stored), Some(key)) => {
            stored.header.submission_key.as_deref() == Some(key.as_str())
                && normalised(&as_sheet(stored)) == normalised(&input.sheet)
        }
        _ => false,
    }
}

/// Saves the whole sheet of a session in one transaction, with its audit row. Every
/// problem is reported at once, each named by its field. A submission whose key and
/// content equal the saved sheet's answers as the first save did and writes nothing; a
/// save on top of someone else's is [`WebError::Stale`].
pub async fn save_sheet(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
    input: &SheetInput,
) -> Result<SaveOutcome, WebError> {
    save(state, actor, course_id, session_id, input, false).await.map(|(outcome, _)| outcome)
}

/// [`save_sheet`], answered with the sheet as it is now stored. After a write, the sheet is
/// read in the save's own transaction and the read's audit row commits with the save: one
/// commit for both, not two. A repeated submission writes nothing and reads as [`load`] does.
pub async fn save_sheet_and_read(
    state: &AppState,
    actor: &Actor,
    session_id: i64,
    input: &SheetInput,
) -> Result<(SaveOutcome, SessionView), WebError> {
    match save(state, actor, None, session_id, input, true).await? {
        (outcome, Some(view)) => Ok((outcome, view)),
        (outcome, None) => Ok((outcome, load(state, actor, None, session_id).await?)),
    }
}

async fn save(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
    input: &SheetInput,
    read_back: bool,
) -> Result<(SaveOutcome, Option<SessionView>), WebError> {
    let (course, session) = recordable(state, actor, course_id, session_id).await?;
    if let Some(reason) = closed_reason(&course, &session, actor.organisation.today(&state.clock)) {
        return Err(FieldErrors::single(reason).into());
    }
    let mut tx = state.store.write().await?;
    store::hold_sheet(&mut tx, session_id).await?;
    let stored = store::sheet(&mut tx.tx, session_id).await?;
    if repeats(stored.as_ref(), input) {
        return Ok((SaveOutcome { version: stored.map_or(0, |s| s.header.version), repeated: true }, None));
    }
    let found = stored.as_ref().map_or(0, |s| s.header.version);
    let expected_version = match input.expected_version.ok_or(WebError::PreconditionRequired)? {
        Replaces::AnySaved if found > 0 => found,
        Replaces::AnySaved => return Err(WebError::Stale),
        Replaces::Version(version) => version,
    };
    if expected_version != found {
        return Err(WebError::Stale);
    }
    let expected = expected_at(&mut tx.tx, course.organisation_id, &session).await?;
    let participants: Vec<i64> = expected.participants.iter().map(|p| p.id).collect();
    let guardians: Vec<i64> = expected.guardians.iter().map(|g| g.person_id).collect();
    let staff: Vec<i64> = course_staff::members(&mut tx.tx, course.id)
        .await?
        .into_iter()
        .filter(|m| STAFF_ROLES.contains(&m.course_role))
        .map(|m| m.id)
        .collect();
    let scope = SheetScope { participants: &participants, guardians: &guardians, staff: &staff, shape: expected.shape };
    rules::validate_sheet(&input.sheet, &scope).map_err(|problems| rules::field_errors(&problems))?;
    let version = match write_sheet(&mut tx, state, actor, session_id, expected_version, input).await {
        Ok(version) => version,
        Err(WebError::Stale) => {
            // Another save got in between; if it was this same submission, that is our answer.
            drop(tx);
            return repeated_or_stale(state, session_id, input).await.map(|outcome| (outcome, None));
        }
        Err(other) => return Err(other),
    };
    let saved = SavedSheet { course: &course, session: &session, sheet: &input.sheet, version };
    after_save(&mut tx, state, actor, &saved).await?;
    let view = if read_back {
        let today = actor.organisation.today(&state.clock);
        let session = store::session(&mut tx.tx, actor.organisation.id, session_id).await?;
        let context = course_context(state, &mut tx.tx, actor, course).await?;
        let view = session_view(&mut tx.tx, &context, session, today).await?;
        if view.access.names {
            let read = actor.event("attendance.read", Outcome::Success).record("session", session_id);
            audit::append(&mut tx, &read, state.clock.now()).await?;
        }
        Some(view)
    } else {
        None
    };
    tx.commit().await?;
    Ok((SaveOutcome { version, repeated: false }, view))
}

async fn write_sheet(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    session_id: i64,
    expected_version: i64,
    input: &SheetInput,
) -> Result<i64, WebError> {
    let sheet = normalised(&input.sheet);
    let lines: Vec<(i64, &str, &str)> =
        sheet.entries.iter().map(|e| (e.participant_id, e.attendance.as_str(), e.note.as_str())).collect();
    let guardian_lines: Vec<(i64, &str, &str)> =
        sheet.guardians.iter().map(|e| (e.person_id, e.attendance.as_str(), e.note.as_str())).collect();
    let sheet = NewSheet {
        parents: i64::from(sheet.parents),
        family_members: i64::from(sheet.family_members),
        entries: &lines,
        guardians: &guardian_lines,
        staff_present: &sheet.staff_present,
        submission_key: input.submission_key.as_deref(),
        saved_by: Some(actor.user_id),
    };
    let now = state.clock.now();
    let version = store::save(&mut tx.tx, session_id, expected_version, &sheet, now).await?;
    audit::append(tx, &actor.event("attendance.save", Outcome::Success).record("session", session_id), now).await?;
    Ok(version)
}

/// What follows from a saved sheet, written in the same transaction.
async fn after_save(tx: &mut WriteTx, state: &AppState, actor: &Actor, saved: &SavedSheet<'_>) -> Result<(), WebError> {
    crate::services::running::overview::open_follow_up_tasks(
        tx,
        actor.organisation.id,
        saved.course.id,
        state.clock.now(),
    )
    .await?;
    Ok(())
}

async fn repeated_or_stale(state: &AppState, session_id: i64, input: &SheetInput) -> Result<SaveOutcome, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let stored = store::sheet(&mut conn, session_id).await?;
    if repeats(stored.as_ref(), input) {
        return Ok(SaveOutcome { version: stored.map_or(0, |s| s.header.version), repeated: true });
    }
    Err(WebError::Stale)
}

/// An absence notice as typed.
pub struct NoticeInput {
    /// None: nobody was chosen.
    pub participant_id: Option<i64>,
    pub note: String,
}

/// Records that a participant will be away (or changes the note of that notice); true
/// when the notice is new. Only participants whose family takes part in the session (at a
/// session for parents, a notice for a child says the child's guardians will be away), and
/// not at a cancelled session or a closed course.
pub async fn record_notice(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
    input: &NoticeInput,
) -> Result<bool, WebError> {
    let (course, session) = recordable(state, actor, course_id, session_id).await?;
    let mut errors = FieldErrors::new();
    if let Some(closed) = notices_closed(&course, &session) {
        errors.push(closed);
    }
    let mut tx = state.store.write().await?;
    let expected = expected_at(&mut tx.tx, course.organisation_id, &session).await?;
    match input.participant_id {
        None => errors.push(FieldError::new("participant_id", "error-attendance-choose-participant")),
        Some(id) if !expected.families.iter().any(|p| p.id == id) => {
            errors.push(FieldError::new("participant_id", "error-attendance-unknown"))
        }
        Some(_) => {}
    }
    let note = errors
        .take(samla_domain::validation::optional_line("note", &input.note, rules::NOTE_MAX_CHARS))
        .flatten()
        .unwrap_or_default();
    let participant_id = errors.finish(|| input.participant_id.unwrap_or_default())?;
    let now = state.clock.now();
    let created = store::record_notice(&mut tx.tx, session_id, participant_id, &note, Some(actor.user_id), now).await?;
    let event = actor.event("attendance.notice.record", Outcome::Success).record("session", session_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(created)
}

/// Why absence notices of this session cannot be changed, if they cannot: the session is
/// cancelled or the course closed.
fn notices_closed(course: &Course, session: &RunningSession) -> Option<FieldError> {
    if session.status.is_cancelled() {
        Some(FieldError::new("session", "error-attendance-session-cancelled"))
    } else if is_closed(course) {
        Some(FieldError::new("session", "error-course-closed"))
    } else {
        None
    }
}

/// Removes a notice (the family will come after all); not at a cancelled session or on a
/// closed course, where notices stay as they were.
pub async fn remove_notice(
    state: &AppState,
    actor: &Actor,
    course_id: Option<i64>,
    session_id: i64,
    participant_id: i64,
) -> Result<(), WebError> {
    let (course, session) = recordable(state, actor, course_id, session_id).await?;
    if let Some(closed) = notices_closed(&course, &session) {
        return Err(FieldErrors::single(closed).into());
    }
    let mut tx = state.store.write().await?;
    if !store::remove_notice(&mut tx.tx, session_id, participant_id).await? {
        return Err(WebError::NotFound);
    }
    let now = state.clock.now();
    let event = actor.event("attendance.notice.remove", Outcome::Success).record("session", session_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}
