//! A programme's statistics release for one year: the predefined tables of the courses its
//! network ran, every count of persons under disclosure control, frozen as published.
//!
//! A release keeps only what it published: each cell's figure where it is shown, and why
//! where it is not. Counts that were suppressed are never stored in it, so no later
//! reading can show them. A correction is a new release of the same year: every cell
//! suppressed in the earlier one stays suppressed ([`Why::EarlierRelease`]), and every
//! figure it published that still holds stays published and counts as public, so no
//! protection of the correction rests on hiding what is known: comparing the two tells
//! nothing the rules hide. Where a table of the correction cannot be protected that way,
//! the correction keeps the table as the earlier release published it.
//!
//! The tables of persons share their totals (all participants of a unit in a term): a
//! total suppressed in one is suppressed in the others ([`Why::SuppressedElsewhere`]),
//! repeated until none suppresses more, so one table cannot undo another's.

use super::disclosure::{primary, suppress, Cell, Cube, Given, Publication, Shown, Why};
use super::pooled::{pool, MeasureFacts, PooledChange};
use super::pooled_evaluation::{pool_evaluations, EvaluationFacts, PooledEvaluation};
use super::session_attendance::{attendance_per_session, SessionAttendance, SessionFacts};
use super::tables::{Half, Layout, Level, Period, TableView, Term, Unit};
use crate::intake::household::Sex;
use crate::organisations::{OrganisationKind, Region};
use crate::planning::lifecycle::CourseStatus;
use crate::running::dropout::DropoutReason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

stored_enum! {
    /// The predefined tables of a release.
    pub enum TableKind ("statistics table") {
        /// Participants by their age when the course started.
        ParticipantsByAge = "participants_by_age",
        /// Participants by how their course ended for them.
        ParticipantsByOutcome = "participants_by_outcome",
        /// Participants by how they came to the course (the recruitment channel).
        ParticipantsByChannel = "participants_by_channel",
        /// Participants by the kind of service that ran their course.
        ParticipantsByServiceKind = "participants_by_service_kind",
        /// Participants by their sex as stated (or not) when they applied.
        ParticipantsBySex = "participants_by_sex",
        /// Participants by the time from their application to their course's start.
        ParticipantsByWait = "participants_by_wait",
        /// Participants by the group of their reason for dropping out (or that they did not).
        ParticipantsByDropoutReason = "participants_by_dropout_reason",
        /// Participants by the share of their recorded sessions they attended.
        ParticipantsByAttendance = "participants_by_attendance",
        /// Persons on the waitlist at the start of each term, by how long they had waited.
        WaitlistAtTermStart = "waitlist_at_term_start",
        /// Courses by how far they came.
        CoursesByStatus = "courses_by_status",
        /// The courses' group leaders, each once a year, by whether they were certified.
        LeadersByCertification = "leaders_by_certification",
    }
}

impl TableKind {
    /// The columns, as codes the translations name.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            TableKind::ParticipantsByAge => &AGE_BANDS,
            TableKind::ParticipantsByOutcome => &["completed", "dropped_out", "ongoing"],
            TableKind::ParticipantsByChannel => &CHANNELS,
            TableKind::ParticipantsByServiceKind => &SERVICE_KINDS,
            TableKind::ParticipantsBySex => &["female", "male", "other", "unknown"],
            TableKind::ParticipantsByWait => &WAITS,
            TableKind::ParticipantsByDropoutReason => &DROPOUT_REASONS,
            TableKind::ParticipantsByAttendance => &ATTENDANCE_BANDS,
            TableKind::WaitlistAtTermStart => &WAITS[..4],
            TableKind::CoursesByStatus => &["planned", "running", "completed", "cancelled"],
            TableKind::LeadersByCertification => &["certified", "not_certified", "external", "not_known"],
        }
    }

    /// Whether the table counts persons (and so is under disclosure control). Courses are
    /// not persons, and the staff who lead them are counted in the open, as the network's
    /// own staffing.
    pub fn counts_persons(self) -> bool {
        !matches!(self, TableKind::CoursesByStatus | TableKind::LeadersByCertification)
    }

    /// Whether the table counts the participants of the year's courses, so that its
    /// totals are the same figures as every other such table's.
    pub fn counts_participants(self) -> bool {
        self.counts_persons() && self != TableKind::WaitlistAtTermStart
    }
}

/// The recruitment channels every organisation starts with; an organisation's own
/// channels count as `other`, a participant without one as `unknown`.
const CHANNELS: [&str; 18] = [
    "user_organisation",
    "poster_advert",
    "internet",
    "family_friends",
    "municipality",
    "hospital",
    "gp",
    "school_nurse",
    "school",
    "child_welfare",
    "ppt",
    "family_counselling",
    "family_centre",
    "mental_health_clinic",
    "substance_abuse_service",
    "nav",
    "other",
    "unknown",
];

const SERVICE_KINDS: [&str; 5] = ["municipality", "hospital", "regional_centre", "national_centre", "other"];

/// The column of a participant's recruitment channel.
pub fn channel(code: Option<&str>) -> &'static str {
    match code {
        None => "unknown",
        Some(code) => CHANNELS.iter().find(|c| **c == code && **c != "unknown").copied().unwrap_or("other"),
    }
}

const DROPOUT_REASONS: [&str; 8] =
    ["did_not_drop_out", "illness", "practical", "did_not_suit", "family_situation", "moved", "other", "not_given"];

const WAITS: [&str; 5] = ["days_0_30", "days_31_90", "days_91_180", "days_181_plus", "no_application"];

/// How long a participant waited: from the day their application came to the day their
/// course started. Someone who joined a course already running waited up to 30 days;
/// someone added by staff without an application has no wait to count.
pub fn wait_band(applied_on: Option<NaiveDate>, course_start: NaiveDate) -> &'static str {
    let Some(applied) = applied_on else {
        return "no_application";
    };
    match (course_start - applied).num_days() {
        ..=30 => "days_0_30",
        31..=90 => "days_31_90",
        91..=180 => "days_91_180",
        _ => "days_181_plus",
    }
}

const ATTENDANCE_BANDS: [&str; 5] =
    ["attended_all", "attended_75_99", "attended_50_74", "attended_under_50", "attended_none_recorded"];

/// How much of the course a participant attended: of the sessions whose attendance was
/// recorded with them on the list, the share they came to (late or leaving early counts).
pub fn attendance_band(recorded: u32, attended: u32) -> &'static str {
    let (recorded, attended) = (u64::from(recorded), u64::from(attended));
    if recorded == 0 {
        "attended_none_recorded"
    } else if attended >= recorded {
        "attended_all"
    } else if 4 * attended >= 3 * recorded {
        "attended_75_99"
    } else if 2 * attended >= recorded {
        "attended_50_74"
    } else {
        "attended_under_50"
    }
}

const AGE_BANDS: [&str; 9] = ["0-5", "6-9", "10-12", "13-17", "18-29", "30-49", "50-66", "67+", "unknown"];

/// The age band of a person born on `birth` on the day `on`.
pub fn age_band(birth: Option<NaiveDate>, on: NaiveDate) -> &'static str {
    let Some(age) = birth.and_then(|birth| on.years_since(birth)) else {
        return "unknown";
    };
    match age {
        0..=5 => "0-5",
        6..=9 => "6-9",
        10..=12 => "10-12",
        13..=17 => "13-17",
        18..=29 => "18-29",
        30..=49 => "30-49",
        50..=66 => "50-66",
        _ => "67+",
    }
}

/// One participant of a course of the programme.
#[derive(Debug, Clone)]
pub struct ParticipantFact {
    pub organisation_id: i64,
    pub course_start: NaiveDate,
    pub course_status: CourseStatus,
    pub birth_date: Option<NaiveDate>,
    pub dropped_out: bool,
    /// The recruitment channel's code, if the participant came by one.
    pub channel: Option<String>,
    /// As stated when they applied.
    pub sex: Option<Sex>,
    /// The day their application came (in the organisation's time zone), if they applied.
    pub applied_on: Option<NaiveDate>,
    /// The group of the reason they dropped out for, where one was given.
    pub dropout_reason: Option<DropoutReason>,
    /// Sessions whose attendance was recorded with them on the list, and of those the
    /// sessions they came to.
    pub sessions_recorded: u32,
    pub sessions_attended: u32,
}

/// One group leader of the year's courses at one organisation, counted in the term of
/// their first course of the year (so a year adds its terms without counting anyone twice).
#[derive(Debug, Clone)]
pub struct LeaderFact {
    pub organisation_id: i64,
    pub first_course_start: NaiveDate,
    pub standing: LeaderStanding,
}

/// Whether a leader was certified for the programme when their first course of the year
/// started, or came from outside the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaderStanding {
    Certified,
    NotCertified,
    External,
    /// A leader of an imported course: only how many there were is known.
    NotKnown,
}

impl LeaderStanding {
    pub fn column(self) -> &'static str {
        match self {
            LeaderStanding::Certified => "certified",
            LeaderStanding::NotCertified => "not_certified",
            LeaderStanding::External => "external",
            LeaderStanding::NotKnown => "not_known",
        }
    }
}

/// One person on the programme's waitlist at the start of a term.
#[derive(Debug, Clone)]
pub struct WaitingFact {
    pub organisation_id: i64,
    pub term: Term,
    /// The day their application came, in the organisation's time zone.
    pub applied_on: NaiveDate,
}

/// The first day of a term.
pub fn term_start(term: Term) -> NaiveDate {
    let month = match term.half {
        Half::Spring => 1,
        Half::Autumn => 7,
    };
    NaiveDate::from_ymd_opt(term.year, month, 1).unwrap_or_default()
}

/// What a release counts: the year's participants and courses, and who waited.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub participants: Vec<ParticipantFact>,
    pub courses: Vec<CourseFact>,
    pub waiting: Vec<WaitingFact>,
    /// The outcome measures the courses used before and after.
    pub measures: Vec<MeasureFacts>,
    /// The answers of the courses' rounds, by questionnaire version, audience and time.
    pub evaluations: Vec<EvaluationFacts>,
    /// The courses' group leaders.
    pub leaders: Vec<LeaderFact>,
    /// Attendance recorded at each session number of the manual, across the courses.
    pub sessions: Vec<SessionFacts>,
    /// How many of the courses were imported from a spreadsheet (they are in the facts
    /// above too).
    pub imported_courses: u64,
    /// Exact counts another installation submitted for an organisation that runs the
    /// programme on its own samla.
    pub submitted: Vec<SubmittedCount>,
}

/// One cell an installation of its own submitted: how many it counted of a table's
/// category in a term. A submission has no table by kind of service: the organisation's
/// kind is known here, so its participants are counted from the table by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmittedCount {
    pub organisation_id: i64,
    pub kind: TableKind,
    pub term: Term,
    pub category: &'static str,
    pub count: u64,
}

impl Facts {
    /// The submitted counts of a table, one item per person or course, as the table's own
    /// facts are.
    fn submitted_to<'a>(
        &'a self,
        kind: TableKind,
        service_kind: impl Fn(i64) -> &'static str + 'a,
    ) -> impl Iterator<Item = (i64, Term, &'static str)> + 'a {
        let from = if kind == TableKind::ParticipantsByServiceKind { TableKind::ParticipantsByOutcome } else { kind };
        self.submitted.iter().filter(move |s| s.kind == from).flat_map(move |s| {
            let category = if kind == from { s.category } else { service_kind(s.organisation_id) };
            std::iter::repeat_n((s.organisation_id, s.term, category), usize::try_from(s.count).unwrap_or(0))
        })
    }
}

/// One course of the programme.
#[derive(Debug, Clone)]
pub struct CourseFact {
    pub organisation_id: i64,
    pub start: NaiveDate,
    pub status: CourseStatus,
}

fn outcome(fact: &ParticipantFact) -> &'static str {
    if fact.dropped_out {
        "dropped_out"
    } else if matches!(fact.course_status, CourseStatus::Completed | CourseStatus::Archived) {
        "completed"
    } else {
        "ongoing"
    }
}

/// The column of a participant in a table of participants; `service_kind` is what the
/// participant's organisation is.
pub(super) fn participant_category(
    kind: TableKind,
    fact: &ParticipantFact,
    service_kind: &'static str,
) -> &'static str {
    match kind {
        TableKind::ParticipantsByAge => age_band(fact.birth_date, fact.course_start),
        TableKind::ParticipantsByChannel => channel(fact.channel.as_deref()),
        TableKind::ParticipantsByServiceKind => service_kind,
        TableKind::ParticipantsBySex => fact.sex.map_or("unknown", Sex::as_str),
        TableKind::ParticipantsByWait => wait_band(fact.applied_on, fact.course_start),
        TableKind::ParticipantsByDropoutReason if !fact.dropped_out => "did_not_drop_out",
        TableKind::ParticipantsByDropoutReason => fact.dropout_reason.map_or("not_given", DropoutReason::as_str),
        TableKind::ParticipantsByAttendance => attendance_band(fact.sessions_recorded, fact.sessions_attended),
        _ => outcome(fact),
    }
}

/// Where a person on the waitlist is counted: organisation, term, how long they had waited.
pub(super) fn waiting_category(fact: &WaitingFact) -> (i64, Term, &'static str) {
    (fact.organisation_id, fact.term, wait_band(Some(fact.applied_on), term_start(fact.term)))
}

/// Where a course is counted, unless it is a draft.
pub(super) fn course_of(fact: &CourseFact) -> Option<(i64, Term, &'static str)> {
    Some((fact.organisation_id, Term::of(fact.start), course_category(fact.status)?))
}

/// Where a leader is counted.
pub(super) fn leader_of(fact: &LeaderFact) -> (i64, Term, &'static str) {
    (fact.organisation_id, Term::of(fact.first_course_start), fact.standing.column())
}

/// Drafts are plans nobody has committed to; they are not counted.
fn course_category(status: CourseStatus) -> Option<&'static str> {
    match status {
        CourseStatus::Draft => None,
        CourseStatus::Ready | CourseStatus::Recruiting => Some("planned"),
        CourseStatus::Running => Some("running"),
        CourseStatus::Completed | CourseStatus::Archived => Some("completed"),
        CourseStatus::Cancelled => Some("cancelled"),
    }
}

/// An organisation as the release counts it, named as it was when published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountedUnit {
    pub organisation_id: i64,
    pub name: String,
    pub region: Region,
    /// What kind of service it was when published.
    pub kind: OrganisationKind,
}

/// One table as published: a cell per cell of its cube, the figure only where shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleasedTable {
    pub kind: TableKind,
    /// No protection could be found: nothing of the table is published.
    pub withheld: bool,
    pub shown: Vec<Shown>,
    pub figures: Vec<Option<u64>>,
    /// A correction that could not be protected keeps the table as an earlier release
    /// published it: that release's number, and the organisations it counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_from: Option<KeptTable>,
}

/// Where a table kept from an earlier release comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptTable {
    pub year: i32,
    pub units: Vec<CountedUnit>,
}

/// What one release holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseContents {
    pub year: i32,
    pub units: Vec<CountedUnit>,
    pub tables: Vec<ReleasedTable>,
    /// Outcome change pooled across the network's courses (releases before it was
    /// counted have none).
    #[serde(default)]
    pub outcomes: Vec<PooledChange>,
    /// Evaluation answers pooled across the network's courses.
    #[serde(default)]
    pub evaluations: Vec<PooledEvaluation>,
    /// Attendance per session number across the network's courses.
    #[serde(default)]
    pub sessions: Vec<SessionAttendance>,
    /// How many of the courses counted were imported from a spreadsheet.
    #[serde(default)]
    pub imported_courses: u64,
}

type Key = (Level, Option<&'static str>, Period);

impl ReleaseContents {
    fn layout(&self, kind: TableKind) -> Layout<&'static str> {
        match self.table(kind).and_then(|t| t.kept_from.as_ref()) {
            Some(kept) => layout(&kept.units, kind, kept.year),
            None => layout(&self.units, kind, self.year),
        }
    }

    pub fn table(&self, kind: TableKind) -> Option<&ReleasedTable> {
        self.tables.iter().find(|table| table.kind == kind)
    }

    /// One table at a level and period as published; `None` where the release has no
    /// such level or period.
    pub fn view(&self, kind: TableKind, level: Level, period: Period) -> Option<TableView> {
        let table = self.table(kind)?;
        let layout = self.layout(kind);
        let shape = layout.shape();
        layout.read(&shape, level, period, |cell| table.figures.get(cell).copied().flatten())
    }

    /// What a row of a table read at `level` stands for: a region of the nation, an
    /// organisation of a region.
    pub fn row_level(&self, kind: TableKind, level: Level, node: usize) -> Option<Level> {
        let layout = self.layout(kind);
        match level {
            Level::Nation => layout.region_of(node).map(Level::Region),
            Level::Region(_) => layout.organisation_of(node).map(Level::Organisation),
            Level::Organisation(_) => None,
        }
    }

    /// An organisation as the release counts it.
    pub fn organisation(&self, id: i64) -> Option<&CountedUnit> {
        let kept = self.tables.iter().filter_map(|t| t.kept_from.as_ref()).flat_map(|k| k.units.iter());
        self.units.iter().chain(kept).find(|unit| unit.organisation_id == id)
    }

    /// The regions the release counts, in their official order.
    pub fn regions(&self) -> Vec<Region> {
        let mut regions: Vec<Region> = self.units.iter().map(|unit| unit.region).collect();
        regions.sort_by_key(|region| region.number());
        regions.dedup();
        regions
    }

    /// The keys of the cells a table suppressed: what a correction must keep suppressed.
    /// The table as this release published it, to stand unchanged in a later one.
    fn kept(&self, kind: TableKind) -> Option<ReleasedTable> {
        let table = self.table(kind).filter(|t| !t.withheld)?;
        let from = table.kept_from.clone().unwrap_or(KeptTable { year: self.year, units: self.units.clone() });
        Some(ReleasedTable { kept_from: Some(from), ..table.clone() })
    }

    /// The figures a table published, by key.
    fn published(&self, kind: TableKind) -> Vec<(Key, u64)> {
        let (Some(table), layout) = (self.table(kind), self.layout(kind)) else {
            return Vec::new();
        };
        let shape = layout.shape();
        (0..shape.len())
            .filter_map(|cell| Some((layout.key(&shape, cell)?, table.figures.get(cell).copied().flatten()?)))
            .collect()
    }

    fn suppressed_keys(&self, kind: TableKind) -> HashSet<Key> {
        let (Some(table), layout) = (self.table(kind), self.layout(kind)) else {
            return HashSet::new();
        };
        let shape = layout.shape();
        (0..shape.len())
            .filter(|cell| table.withheld || matches!(table.shown.get(*cell), Some(Shown::Suppressed(_))))
            .filter_map(|cell| layout.key(&shape, cell))
            .collect()
    }
}

fn layout(units: &[CountedUnit], kind: TableKind, year: i32) -> Layout<&'static str> {
    let units: Vec<Unit> =
        units.iter().map(|u| Unit { organisation_id: u.organisation_id, region: u.region }).collect();
    Layout::new(&units, kind.categories().to_vec(), &[year])
}

/// Builds the release of `year` from the facts of the courses that started in it and of
/// who waited at its terms' starts, keeping suppressed whatever `earlier` (the year's last
/// release) suppressed.
pub fn build(year: i32, units: Vec<CountedUnit>, facts: &Facts, earlier: Option<&ReleaseContents>) -> ReleaseContents {
    let kinds: std::collections::HashMap<i64, &'static str> =
        units.iter().map(|u| (u.organisation_id, u.kind.as_str())).collect();
    let service_kind = |organisation_id: i64| kinds.get(&organisation_id).copied().unwrap_or("other");
    let cubes: Vec<_> = TableKind::ALL
        .iter()
        .filter(|kind| kind.counts_participants())
        .map(|kind| {
            let layout = layout(&units, *kind, year);
            let counted = facts.participants.iter().map(|f| {
                (
                    f.organisation_id,
                    Term::of(f.course_start),
                    participant_category(*kind, f, service_kind(f.organisation_id)),
                )
            });
            let cube = layout.cube(counted.chain(facts.submitted_to(*kind, service_kind)));
            (*kind, layout, cube)
        })
        .collect();
    // Totals suppressed by either table, by key, grown until both agree.
    let mut shared: HashSet<Key> = HashSet::new();
    let mut published: Vec<Publication>;
    loop {
        published = Vec::new();
        let mut grown = shared.clone();
        for (kind, layout, cube) in &cubes {
            let publication = protect(*kind, layout, cube, earlier, &shared);
            // A correction that cannot protect a table keeps the earlier one (below),
            // whose hidden totals every table keeps hidden already.
            let keeps_earlier = earlier.is_some_and(|e| e.table(*kind).is_some_and(|t| !t.withheld));
            let suppressed_totals = (0..cube.len()).filter(|cell| match &publication {
                Publication::Withheld => !keeps_earlier,
                Publication::Cells { shown, .. } => matches!(shown[*cell], Shown::Suppressed(_)),
            });
            grown.extend(
                suppressed_totals
                    .filter_map(|cell| layout.key(cube, cell))
                    .filter(|(_, category, _)| category.is_none()),
            );
            published.push(publication);
        }
        if grown == shared {
            break;
        }
        shared = grown;
    }
    let mut tables: Vec<ReleasedTable> = cubes
        .iter()
        .zip(published)
        .map(|((kind, _, cube), publication)| released_or_kept(*kind, cube, &publication, earlier))
        .collect();

    // Who waited are other persons than who took part: the waitlist has totals of its own.
    let kind = TableKind::WaitlistAtTermStart;
    let waiting_layout = layout(&units, kind, year);
    let facts_waiting = facts.waiting.iter().map(waiting_category);
    let cube = waiting_layout.cube(facts_waiting.chain(facts.submitted_to(kind, service_kind)));
    let publication = protect(kind, &waiting_layout, &cube, earlier, &HashSet::new());
    tables.push(released_or_kept(kind, &cube, &publication, earlier));

    let course_facts = facts.courses.iter().filter_map(course_of);
    let submitted = facts.submitted_to(TableKind::CoursesByStatus, service_kind);
    tables.push(in_the_open(TableKind::CoursesByStatus, &units, year, course_facts.chain(submitted)));
    let leader_facts = facts.leaders.iter().map(leader_of);
    let submitted = facts.submitted_to(TableKind::LeadersByCertification, service_kind);
    tables.push(in_the_open(TableKind::LeadersByCertification, &units, year, leader_facts.chain(submitted)));
    let outcomes = pool(&facts.measures, earlier.map_or(&[][..], |e| &e.outcomes));
    let evaluations = pool_evaluations(&facts.evaluations, earlier.map_or(&[][..], |e| &e.evaluations));
    let sessions = attendance_per_session(&facts.sessions, earlier.map_or(&[][..], |e| &e.sessions));
    ReleaseContents { year, units, tables, outcomes, evaluations, sessions, imported_courses: facts.imported_courses }
}

/// A table published as it is: it counts no person of a course.
fn in_the_open(
    kind: TableKind,
    units: &[CountedUnit],
    year: i32,
    facts: impl IntoIterator<Item = (i64, Term, &'static str)>,
) -> ReleasedTable {
    let layout = layout(units, kind, year);
    let cube = layout.cube(facts);
    let given = layout.given(&cube);
    let shown = (0..cube.len())
        .map(|cell| if given.left_out.contains(&cell) { Shown::LeftOut } else { Shown::Published })
        .collect();
    let everything = Publication::Cells { shown, protections: Vec::new() };
    released(kind, cube.len(), &everything, |cell| cube.value(cell))
}

/// One table of persons under disclosure control: what the earlier release suppressed
/// stays suppressed, `shared` totals are suppressed too, and what the earlier release
/// published and still holds stays published.
fn protect(
    kind: TableKind,
    layout: &Layout<&'static str>,
    cube: &Cube,
    earlier: Option<&ReleaseContents>,
    shared: &HashSet<Key>,
) -> Publication {
    let mut given = layout.given(cube);
    for key in earlier.map(|e| e.suppressed_keys(kind)).unwrap_or_default() {
        if let Some(cell) = layout.cell_at(cube, key) {
            given.suppressed.insert(cell, Why::EarlierRelease);
        }
    }
    for key in shared {
        if let Some(cell) = layout.cell_at(cube, *key) {
            given.suppressed.entry(cell).or_insert(Why::SuppressedElsewhere);
        }
    }
    // What the earlier release published and still holds is public: it stays
    // published, and no protection may count on hiding it.
    for (key, figure) in earlier.map(|e| e.published(kind)).unwrap_or_default() {
        if let Some(cell) = layout.cell_at(cube, key).filter(|cell| cube.value(*cell) == figure) {
            given.suppressed.remove(&cell);
            given.published_elsewhere.insert(cell);
        }
    }
    suppress_below_the_top(layout, cube, given)
}

/// The table as published, or, where it could not be protected, as the earlier release
/// published it.
fn released_or_kept(
    kind: TableKind,
    cube: &Cube,
    publication: &Publication,
    earlier: Option<&ReleaseContents>,
) -> ReleasedTable {
    let kept = earlier.filter(|_| *publication == Publication::Withheld).and_then(|e| e.kept(kind));
    kept.unwrap_or_else(|| released(kind, cube.len(), publication, |cell| cube.value(cell)))
}

/// Suppresses as the rules say, protecting hidden cells with cells below the network's
/// own line where that is possible: its totals are what everyone reads first.
fn suppress_below_the_top(layout: &Layout<&'static str>, cube: &Cube, given: Given) -> Publication {
    let hidden_anyway = primary(cube, &given);
    let mut keep_top = given.clone();
    keep_top.published_elsewhere.extend((0..cube.len()).filter(|cell| {
        !given.left_out.contains(cell)
            && !hidden_anyway.contains_key(cell)
            && matches!(layout.key(cube, *cell), Some((Level::Nation, _, _)))
    }));
    match suppress(cube, &keep_top) {
        Publication::Withheld => suppress(cube, &given),
        publication => publication,
    }
}

fn released(kind: TableKind, cells: usize, publication: &Publication, value: impl Fn(Cell) -> u64) -> ReleasedTable {
    let shown: Vec<Shown> = (0..cells).map(|cell| publication.shown(cell)).collect();
    let figures = shown.iter().enumerate().map(|(cell, s)| (*s == Shown::Published).then(|| value(cell))).collect();
    ReleasedTable { kind, withheld: matches!(publication, Publication::Withheld), shown, figures, kept_from: None }
}

/// A year's headline figures at the network's own line, as its release published them:
/// what a trend over the years is drawn from. `None` where the release hid the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Headline {
    pub year: i32,
    /// Courses counted (planned, running, completed or cancelled).
    pub courses: Option<u64>,
    pub participants: Option<u64>,
    pub completed: Option<u64>,
    pub dropped_out: Option<u64>,
}

impl ReleaseContents {
    pub fn headline(&self) -> Headline {
        let figure = |kind: TableKind, column: Option<&str>| {
            let view = self.view(kind, Level::Nation, Period::Year(self.year))?;
            let at = match column {
                Some(code) => kind.categories().iter().position(|c| *c == code)?,
                None => kind.categories().len(),
            };
            view.total.get(at).copied().flatten()
        };
        Headline {
            year: self.year,
            courses: figure(TableKind::CoursesByStatus, None),
            participants: figure(TableKind::ParticipantsByOutcome, None),
            completed: figure(TableKind::ParticipantsByOutcome, Some("completed")),
            dropped_out: figure(TableKind::ParticipantsByOutcome, Some("dropped_out")),
        }
    }
}

/// How many cells each table published and suppressed, for the publisher's summary.
pub fn suppression_summary(contents: &ReleaseContents) -> Vec<(TableKind, usize, usize)> {
    contents
        .tables
        .iter()
        .map(|table| {
            let suppressed = table.shown.iter().filter(|s| matches!(s, Shown::Suppressed(_))).count();
            let published = table.shown.iter().filter(|s| **s == Shown::Published).count();
            (table.kind, published, suppressed)
        })
        .collect()
}

#[cfg(test)]
mod tests;
