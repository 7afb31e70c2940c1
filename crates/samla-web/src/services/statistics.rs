//! A programme's network and its statistics releases.
//!
//! An organisation joins the network of a programme another organisation owns (and
//! shares); the owner publishes a year's release of the network's courses once the year
//! is over; the owner's and the members' readers of aggregate statistics see the
//! published tables. Only what a release published is ever read back: the counts it
//! suppressed are not stored with it. Nobody sees a person here, so reads are not
//! audited; joining, leaving and publishing are.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit;
use crate::AppState;
use chrono::{Datelike, NaiveDate};
use samla_domain::calendar::Country;
use samla_domain::intake::household::Sex;
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::questionnaires::answers::Answers;
use samla_domain::questionnaires::rounds::{Audience, Mode, Timing};
use samla_domain::questionnaires::scoring::{Labels, Scores};
use samla_domain::reports::import;
use samla_domain::reports::national::{
    build, term_start, CountedUnit, CourseFact, Facts, Headline, LeaderFact, LeaderStanding, ParticipantFact,
    ReleaseContents, SubmittedCount, TableKind, WaitingFact,
};
use samla_domain::reports::pooled::MeasureFacts;
use samla_domain::reports::pooled_evaluation::EvaluationFacts;
use samla_domain::reports::session_attendance::SessionFacts;
use samla_domain::reports::submission;
use samla_domain::reports::tables::{Half, Level, Period, TableView, Term};
use samla_domain::running::attendance::Attendance;
use samla_domain::running::dropout::DropoutReason;
use samla_domain::validation::{FieldError, FieldErrors};
use samla_domain::Action;
use samla_storage::imported_courses;
use samla_storage::networks::{self, Member, NetworkCourse, NetworkProgramme};
use samla_storage::programmes::Programme;
use samla_storage::statistics::{self, ReleaseSummary, ResponseRow};
use samla_storage::{organisations, StoreError};
use std::collections::{HashMap, HashSet};

/// Sets the organisation's kind and region, which statistics count it by.
pub async fn set_placement(
    state: &AppState,
    actor: &Actor,
    kind: OrganisationKind,
    region: Region,
) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageOrganisationSettings).await?;
    if region.country() != actor.organisation.country {
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new("region", "error-region-country"))));
    }
    let mut tx = state.store.write().await?;
    organisations::set_placement(&mut tx.tx, actor.organisation.id, kind, region).await?;
    audit::commit_done(tx, actor, "organisation.placement", ("organisation", actor.organisation.id), state.clock.now())
        .await
}

/// The region statistics place the organisation in, if its administrator set one.
pub async fn own_region(state: &AppState, actor: &Actor) -> Result<Option<Region>, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(organisations::get(&mut conn, actor.organisation.id).await?.region)
}

/// Joins the network of a programme another organisation owns and shares.
pub async fn join(state: &AppState, actor: &Actor, programme: &str) -> Result<Programme, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    if programme.organisation_id == actor.organisation.id {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("programme", "error-network-own"))));
    }
    let mut tx = state.store.write().await?;
    let placed = organisations::get(&mut tx.tx, actor.organisation.id).await?;
    if placed.region.is_none() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("region", "error-network-no-region"))));
    }
    let now = state.clock.now();
    match networks::join(&mut tx.tx, programme.id, actor.organisation.id, actor.user_id, now).await {
        Err(StoreError::Taken(_)) => {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new("programme", "error-network-member"))))
        }
        other => other?,
    }
    audit::commit_done(tx, actor, "network.join", ("programme", programme.id), now).await?;
    Ok(programme)
}

/// Leaves a programme's network; its published releases keep what they counted.
pub async fn leave(state: &AppState, actor: &Actor, programme: &str) -> Result<(), WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    let refused = |message| WebError::Refused(FieldErrors::single(FieldError::new("programme", message)));
    if programme.organisation_id == actor.organisation.id {
        return Err(refused("error-network-own"));
    }
    let mut tx = state.store.write().await?;
    if !networks::leave(&mut tx.tx, programme.id, actor.organisation.id).await? {
        // The programme is there to be seen; only the membership is missing, so this is a conflict, not a 404.
        return Err(refused("error-network-not-member"));
    }
    audit::commit_done(tx, actor, "network.leave", ("programme", programme.id), state.clock.now()).await
}

/// The programme, if the actor may read its network's statistics: its owner or a member.
async fn network_programme(state: &AppState, actor: &Actor, programme: &str) -> Result<Programme, WebError> {
    actor.authorize(state, Action::ViewAggregateStatistics).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    if programme.organisation_id == actor.organisation.id {
        return Ok(programme);
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    if networks::is_member(&mut conn, programme.id, actor.organisation.id).await? {
        Ok(programme)
    } else {
        Err(WebError::NotFound)
    }
}

/// A programme's network: the programme, its owner's name and the members; for the
/// owner, also the network's courses and each organisation's certified leaders.
#[derive(Debug, Clone)]
pub struct Network {
    pub programme: Programme,
    pub owner: String,
    pub members: Vec<Member>,
    /// The owner's view only (members see who is in the network, not each other's work):
    /// courses from the start of last year on.
    pub courses: Option<Vec<NetworkCourse>>,
    /// The owner's view only: (organisation id, certified leaders).
    pub certified_leaders: Option<Vec<(i64, i64)>>,
}

impl Network {
    /// The leaders an organisation of the network has certified for the programme, for
    /// the owner's view (none in a member's).
    pub fn certified_leaders_of(&self, organisation_id: i64) -> Option<i64> {
        let all = self.certified_leaders.as_ref()?;
        Some(all.iter().find(|(id, _)| *id == organisation_id).map_or(0, |(_, n)| *n))
    }
}

/// The network of a programme the actor's organisation owns or is in.
pub async fn network(state: &AppState, actor: &Actor, programme: &str) -> Result<Network, WebError> {
    let programme = network_programme(state, actor, programme).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let members = networks::members(&mut conn, programme.id).await?;
    let owner = organisations::get(&mut conn, programme.organisation_id).await?.name;
    let (courses, certified_leaders) = if programme.organisation_id == actor.organisation.id {
        let from = format!("{:04}-01-01", actor.organisation.today(&state.clock).year() - 1);
        let courses = networks::courses(&mut conn, programme.id, &from).await?;
        (Some(courses), Some(networks::certified_leaders(&mut conn, programme.id).await?))
    } else {
        (None, None)
    };
    Ok(Network { programme, owner, members, courses, certified_leaders })
}

/// The programme's releases, newest first.
pub async fn releases(
    state: &AppState,
    actor: &Actor,
    programme: &str,
) -> Result<(Programme, Vec<ReleaseSummary>), WebError> {
    let programme = network_programme(state, actor, programme).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let releases = statistics::list(&mut conn, programme.id).await?;
    Ok((programme, releases))
}

/// Each year's headline figures from its latest release, oldest year first: the trend
/// the programme's page draws.
pub async fn trend(state: &AppState, actor: &Actor, programme: &str) -> Result<Vec<Headline>, WebError> {
    let programme = network_programme(state, actor, programme).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut years: Vec<i64> = statistics::list(&mut conn, programme.id).await?.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut headlines = Vec::with_capacity(years.len());
    for year in years {
        if let Some(release) = statistics::get(&mut conn, programme.id, year, None).await? {
            headlines.push(read_contents(&release.tables)?.headline());
        }
    }
    Ok(headlines)
}

/// What [`publish`] made.
#[derive(Debug, Clone)]
pub struct Published {
    pub programme: Programme,
    pub year: i32,
    pub number: i64,
    pub contents: ReleaseContents,
    /// Organisations of the network not counted, for want of a region.
    pub not_placed: Vec<String>,
}

/// Publishes the release of a year that is over, for the programme the actor's
/// organisation owns; a year released before gets its next, corrected release.
pub async fn publish(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    year: i32,
    note: &str,
) -> Result<Published, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    if programme.organisation_id != actor.organisation.id {
        return Err(WebError::NotFound);
    }
    let today = actor.organisation.today(&state.clock);
    let mut errors = FieldErrors::new();
    if year >= today.year() || year < 2000 {
        errors.push(FieldError::new("year", "error-statistics-year-open"));
    }
    let note = errors.take(samla_domain::validation::optional_text("note", note, 2000));
    let note = errors.finish(|| note.unwrap_or_default()).map_err(WebError::Invalid)?;
    let mut tx = state.store.write().await?;
    let counted = statistics::counted_organisations(&mut tx.tx, programme.id).await?;
    let (units, not_placed): (Vec<_>, Vec<_>) = counted.into_iter().partition(|o| o.region.is_some());
    let units: Vec<CountedUnit> = units
        .into_iter()
        .filter_map(|o| {
            let region = Region::parse(o.region.as_deref()?)?;
            Some(CountedUnit { organisation_id: o.id, name: o.name, region, kind: o.kind })
        })
        .collect();
    let mut facts = facts_of_year(&mut tx.tx, programme.id, year).await?;
    facts.submitted = submitted_counts(&mut tx.tx, programme.id, year).await?;
    let earlier = statistics::get(&mut tx.tx, programme.id, i64::from(year), None).await?;
    let earlier = earlier.map(|release| read_contents(&release.tables)).transpose()?;
    let contents = build(year, units, &facts, earlier.as_ref());
    let json = serde_json::to_string(&contents).map_err(|e| WebError::Internal(e.to_string()))?;
    let now = state.clock.now();
    let number =
        statistics::insert(&mut tx.tx, programme.id, i64::from(year), &json, &note, actor.user_id, now).await?;
    audit::commit_done(tx, actor, "statistics.publish", ("programme", programme.id), now).await?;
    Ok(Published { programme, year, number, contents, not_placed: not_placed.into_iter().map(|o| o.name).collect() })
}

/// The counts the network's installations of their own submitted for `year`: each one's
/// latest, checked again as it was when received.
async fn submitted_counts(
    conn: &mut sqlx::AnyConnection,
    programme_id: i64,
    year: i32,
) -> Result<Vec<SubmittedCount>, WebError> {
    let mut counts = Vec::new();
    for (organisation_id, envelope) in samla_storage::submissions::counted(conn, programme_id, i64::from(year)).await? {
        let unreadable = |why: &str| WebError::Internal(format!("a kept submission does not read: {why}"));
        let opened = submission::open(envelope.as_bytes()).map_err(|p| unreadable(p.code))?;
        let read = submission::read(&opened.submission, organisation_id);
        counts.extend(read.map_err(|problems| unreadable(problems.first().map_or("", |p| p.code)))?);
    }
    Ok(counts)
}

/// What the release of `year` counts: the participants of the courses that started in it,
/// with their attendance; the courses; and who was on the waitlist as each term began.
pub(crate) async fn facts_of_year(
    conn: &mut sqlx::AnyConnection,
    programme_id: i64,
    year: i32,
) -> Result<Facts, WebError> {
    let (first, next) = (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1));
    let mut attendance: HashMap<i64, (u32, u32)> = HashMap::new();
    for (participant, kind, sessions) in statistics::attendance(conn, programme_id, &first, &next).await? {
        let sessions = u32::try_from(sessions).unwrap_or(0);
        let counts = attendance.entry(participant).or_default();
        counts.0 += sessions;
        if Attendance::parse(&kind).is_some_and(Attendance::attended) {
            counts.1 += sessions;
        }
    }
    let participants = statistics::participants(conn, programme_id, &first, &next).await?;
    let participants: Vec<ParticipantFact> = participants
        .into_iter()
        .filter_map(|row| {
            let (sessions_recorded, sessions_attended) =
                attendance.get(&row.participant_id).copied().unwrap_or_default();
            Some(ParticipantFact {
                organisation_id: row.organisation_id,
                course_start: NaiveDate::parse_from_str(&row.course_start, "%Y-%m-%d").ok()?,
                course_status: row.course_status,
                birth_date: row.birth_date.and_then(|b| NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok()),
                dropped_out: row.dropped_out == 1,
                channel: row.channel,
                sex: row.sex.as_deref().and_then(Sex::parse),
                applied_on: row.applied_at.and_then(|at| local_day(at, row.country)),
                dropout_reason: row.dropout_reason_kind.as_deref().and_then(DropoutReason::parse),
                sessions_recorded,
                sessions_attended,
            })
        })
        .collect();
    let courses = statistics::courses(conn, programme_id, &first, &next).await?;
    let courses: Vec<CourseFact> = courses
        .into_iter()
        .filter_map(|row| {
            Some(CourseFact {
                organisation_id: row.organisation_id,
                start: NaiveDate::parse_from_str(&row.start_date, "%Y-%m-%d").ok()?,
                status: row.status,
            })
        })
        .collect();
    let mut waiting = Vec::new();
    for half in [Half::Spring, Half::Autumn] {
        let term = Term { year, half };
        for country in Country::ALL {
            let Some(at) = local_midnight(term_start(term), country) else { continue };
            let mut counted = HashSet::new();
            for row in statistics::waiting_at(conn, programme_id, country, at).await? {
                // A person with two applications waiting counts once.
                if counted.insert((row.organisation_id, row.person_id)) {
                    let Some(applied_on) = local_day(row.applied_at, country) else { continue };
                    waiting.push(WaitingFact { organisation_id: row.organisation_id, term, applied_on });
                }
            }
        }
    }
    let responses = statistics::released_responses(conn, programme_id, &first, &next).await?;
    let measures = measures_of_year(conn, &responses).await?;
    let evaluations = evaluations_of_year(conn, &responses).await?;
    let leaders = leaders_of_year(conn, programme_id, &first, &next).await?;
    let sessions = statistics::session_attendance(conn, programme_id, &first, &next)
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(SessionFacts {
                number: u32::try_from(row.number).ok()?,
                courses: u64::try_from(row.courses).ok()?,
                recorded: u64::try_from(row.recorded).ok()?,
                attended: u64::try_from(row.attended).ok()?,
            })
        })
        .collect();
    let mut facts = Facts {
        participants,
        courses,
        waiting,
        measures,
        evaluations,
        leaders,
        sessions,
        imported_courses: 0,
        submitted: Vec::new(),
    };
    add_imported(conn, programme_id, (&first, &next), &mut facts).await?;
    Ok(facts)
}

/// The courses imported from spreadsheets count as completed (or cancelled) courses, with
/// their pseudonymous participants and as many leaders of unknown standing as they had.
async fn add_imported(
    conn: &mut sqlx::AnyConnection,
    programme_id: i64,
    (first, next): (&str, &str),
    facts: &mut Facts,
) -> Result<(), WebError> {
    let status = |cancelled: i64| if cancelled == 1 { CourseStatus::Cancelled } else { CourseStatus::Completed };
    for course in imported_courses::counted_courses(conn, programme_id, first, next).await? {
        let Ok(start) = NaiveDate::parse_from_str(&course.start_date, "%Y-%m-%d") else { continue };
        facts.imported_courses += 1;
        facts.courses.push(CourseFact {
            organisation_id: course.organisation_id,
            start,
            status: status(course.cancelled),
        });
        let leader = LeaderFact {
            organisation_id: course.organisation_id,
            first_course_start: start,
            standing: LeaderStanding::NotKnown,
        };
        facts.leaders.extend(std::iter::repeat_n(leader, usize::try_from(course.leaders).unwrap_or(0)));
    }
    for row in imported_courses::counted_participants(conn, programme_id, first, next).await? {
        let Ok(start) = NaiveDate::parse_from_str(&row.start_date, "%Y-%m-%d") else { continue };
        let number = |n: Option<i64>| n.and_then(|n| u32::try_from(n).ok());
        let birth_year = row.birth_year.and_then(|y| i32::try_from(y).ok());
        let attended = number(row.sessions_attended);
        facts.participants.push(ParticipantFact {
            organisation_id: row.organisation_id,
            course_start: start,
            course_status: status(row.cancelled),
            birth_date: import::birth_date(number(row.age), birth_year, start),
            dropped_out: row.dropped_out == 1,
            channel: row.channel,
            sex: row.sex.as_deref().and_then(Sex::parse),
            applied_on: None,
            dropout_reason: row.dropout_reason_kind.as_deref().and_then(DropoutReason::parse),
            sessions_recorded: attended.map_or(0, |_| number(Some(row.sessions)).unwrap_or(0)),
            sessions_attended: attended.unwrap_or(0),
        });
    }
    Ok(())
}

/// Each group leader of the year's courses once per organisation, at their first course
/// of the year (drafts left out): certified for the programme by then, or not, or from
/// outside the organisation (known by name only).
async fn leaders_of_year(
    conn: &mut sqlx::AnyConnection,
    programme_id: i64,
    first: &str,
    next: &str,
) -> Result<Vec<LeaderFact>, WebError> {
    // Who (organisation, account, or name from outside) → (first start, certified on).
    type Leader = (i64, Option<i64>, String);
    let mut first_courses: HashMap<Leader, (NaiveDate, Option<NaiveDate>)> = HashMap::new();
    for row in statistics::leaders(conn, programme_id, first, next).await? {
        let Ok(start) = NaiveDate::parse_from_str(&row.start_date, "%Y-%m-%d") else { continue };
        if row.course_status == CourseStatus::Draft {
            continue;
        }
        let who = (row.organisation_id, row.user_id, row.external_name.unwrap_or_default().trim().to_lowercase());
        let certified = row.certified_on.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        let entry = first_courses.entry(who).or_insert((start, certified));
        entry.0 = entry.0.min(start);
    }
    Ok(first_courses
        .into_iter()
        .map(|((organisation_id, user_id, _), (start, certified))| LeaderFact {
            organisation_id,
            first_course_start: start,
            standing: match (user_id, certified) {
                (None, _) => LeaderStanding::External,
                (Some(_), Some(on)) if on <= start => LeaderStanding::Certified,
                (Some(_), _) => LeaderStanding::NotCertified,
            },
        })
        .collect())
}

/// The answers of the year's released rounds, by questionnaire version (its content, so
/// every organisation's copy of a version counts together), audience and time.
async fn evaluations_of_year(
    conn: &mut sqlx::AnyConnection,
    responses: &[ResponseRow],
) -> Result<Vec<EvaluationFacts>, WebError> {
    type Key = (String, Audience, Timing);
    let mut groups: Vec<(Key, i64, HashSet<i64>, Vec<Answers>)> = Vec::new();
    for row in responses {
        let answers: Answers = serde_json::from_str(&row.answers)
            .map_err(|e| WebError::Internal(format!("stored answers do not read: {e}")))?;
        let key = (row.content_hash.clone(), row.audience, row.timing);
        let at = match groups.iter().position(|(k, ..)| *k == key) {
            Some(at) => at,
            None => {
                groups.push((key, row.version_id, HashSet::new(), Vec::new()));
                groups.len() - 1
            }
        };
        groups[at].2.insert(row.course_id);
        groups[at].3.push(answers);
    }
    let mut facts = Vec::with_capacity(groups.len());
    for ((version, audience, timing), version_id, courses, answers) in groups {
        let loaded = crate::services::questionnaires::library::load_version(conn, version_id).await?;
        facts.push(EvaluationFacts {
            version,
            audience,
            timing,
            definitions: loaded.definitions,
            answers,
            courses: courses.len(),
        });
    }
    Ok(facts)
}

/// The outcome measures of the year's courses: per questionnaire (by its URL, which every
/// organisation's copy shares) and audience, the scores before paired with those at the
/// end and at follow-up; the latest version used before names the scales.
async fn measures_of_year(
    conn: &mut sqlx::AnyConnection,
    responses: &[ResponseRow],
) -> Result<Vec<MeasureFacts>, WebError> {
    type ByTiming = HashMap<Timing, Vec<(i64, Scores)>>;
    let mut measures: Vec<((String, Audience), i64, ByTiming)> = Vec::new();
    let measured = responses
        .iter()
        .filter(|r| r.mode == Mode::Identified && matches!(r.timing, Timing::Before | Timing::End | Timing::FollowUp));
    for row in measured {
        let (Some(subject), Some(scores)) = (row.subject, row.scores.as_deref()) else { continue };
        let scores: Scores =
            serde_json::from_str(scores).map_err(|e| WebError::Internal(format!("stored scores do not read: {e}")))?;
        let key = (row.url.clone(), row.audience);
        let at = match measures.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                measures.push((key, 0, HashMap::new()));
                measures.len() - 1
            }
        };
        let (_, version_id, by_timing) = &mut measures[at];
        if row.timing == Timing::Before {
            *version_id = row.version_id;
        }
        by_timing.entry(row.timing).or_default().push((subject, scores));
    }
    let mut facts = Vec::new();
    for ((url, audience), version_id, by_timing) in measures {
        let Some(before) = by_timing.get(&Timing::Before) else { continue };
        let version = crate::services::questionnaires::library::load_version(conn, version_id).await?;
        let title: Labels = version.definitions.iter().map(|(lang, d)| (lang.clone(), d.title.clone())).collect();
        for to in [Timing::End, Timing::FollowUp] {
            let Some(after) = by_timing.get(&to) else { continue };
            facts.push(MeasureFacts {
                questionnaire: url.clone(),
                title: title.clone(),
                audience,
                to,
                rules: version.scoring.clone(),
                before: before.clone(),
                after: after.clone(),
            });
        }
    }
    Ok(facts)
}

/// The first moment (Unix seconds) of a day where an organisation of `country` is.
fn local_midnight(day: NaiveDate, country: Country) -> Option<i64> {
    let midnight = day.and_hms_opt(0, 0, 0)?;
    Some(midnight.and_local_timezone(country.timezone()).earliest()?.timestamp())
}

/// The day of a moment (Unix seconds) where an organisation of `country` is.
fn local_day(at: i64, country: Country) -> Option<NaiveDate> {
    Some(chrono::DateTime::from_timestamp(at, 0)?.with_timezone(&country.timezone()).date_naive())
}

fn read_contents(json: &str) -> Result<ReleaseContents, WebError> {
    serde_json::from_str(json).map_err(|e| WebError::Internal(format!("a stored statistics release: {e}")))
}

/// One published table, read as asked.
#[derive(Debug, Clone)]
pub struct PublishedTable {
    pub programme: Programme,
    pub release: ReleaseSummary,
    pub contents: ReleaseContents,
    pub kind: TableKind,
    pub level: Level,
    pub period: Period,
    pub view: TableView,
}

impl PublishedTable {
    /// A line's name: the network (the programme), a region, or an organisation as the
    /// release names it.
    pub fn line_name(&self, level: Level) -> String {
        match level {
            Level::Nation => self.programme.name.clone(),
            Level::Region(region) => region.name().to_string(),
            Level::Organisation(id) => self.contents.organisation(id).map(|u| u.name.clone()).unwrap_or_default(),
        }
    }
}

/// A table as an address asks for it: the release's year, the table, the level and
/// period (the nation and the whole year when not given) and a release's number (the
/// latest when not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableAsked {
    pub year: i32,
    pub kind: TableKind,
    pub level: Level,
    pub period: Period,
    pub release: Option<i64>,
}

impl TableAsked {
    /// `None` where any part is not one (the address names no table: 404).
    pub fn parse(
        year: &str,
        table: &str,
        level: Option<&str>,
        period: Option<&str>,
        release: Option<i64>,
    ) -> Option<TableAsked> {
        let year: i32 = year.parse().ok().filter(|y| (2000..=9999).contains(y))?;
        let level = match level.filter(|l| !l.is_empty()) {
            None => Level::Nation,
            Some(text) => Level::parse(text)?,
        };
        let period = match period.filter(|p| !p.is_empty()) {
            None => Period::Year(year),
            Some(text) => Period::parse(text)?,
        };
        if release.is_some_and(|n| n < 1) {
            return None;
        }
        Some(TableAsked { year, kind: TableKind::parse(table)?, level, period, release })
    }
}

/// A table of a year's release at a level and period; 404 where the release has no
/// such level or period.
pub async fn table(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    asked: TableAsked,
) -> Result<PublishedTable, WebError> {
    let TableAsked { year, kind, level, period, release: number } = asked;
    let PublishedRelease { programme, release, contents } = release(state, actor, programme, year, number).await?;
    let view = contents.view(kind, level, period).ok_or(WebError::NotFound)?;
    Ok(PublishedTable { programme, release, contents, kind, level, period, view })
}

/// A year's release as published, with its programme.
#[derive(Debug, Clone)]
pub struct PublishedRelease {
    pub programme: Programme,
    pub release: ReleaseSummary,
    pub contents: ReleaseContents,
}

/// Release `number` of a year (the latest when `None`), for the programme's owner and
/// the members of its network who read aggregate statistics; 404 where there is none.
pub async fn release(
    state: &AppState,
    actor: &Actor,
    programme: &str,
    year: i32,
    number: Option<i64>,
) -> Result<PublishedRelease, WebError> {
    if number.is_some_and(|n| n < 1) {
        return Err(WebError::NotFound);
    }
    let programme = network_programme(state, actor, programme).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let release = statistics::get(&mut conn, programme.id, i64::from(year), number).await?.ok_or(WebError::NotFound)?;
    let contents = read_contents(&release.tables)?;
    let summary = ReleaseSummary {
        id: release.id,
        year: release.year,
        number: release.number,
        published_at: release.published_at,
        note: release.note,
    };
    Ok(PublishedRelease { programme, release: summary, contents })
}

/// What the statistics page shows an organisation.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Programmes with a network the organisation owns or is in, or releases it made.
    pub networks: Vec<NetworkProgramme>,
    /// Shared programmes of others the organisation could join (for those who may).
    pub joinable: Vec<NetworkProgramme>,
    /// The organisation's own programmes it may publish a year of (for those who may).
    pub publishable: Vec<Programme>,
    /// Years that are over, newest first, to publish.
    pub years: Vec<i32>,
    /// Whether the organisation has a region (needed to join a network).
    pub placed: bool,
}

/// The statistics overview: for readers of aggregate statistics and for coordinators.
pub async fn overview(state: &AppState, actor: &Actor) -> Result<Overview, WebError> {
    let reads = actor.roles.may(Action::ViewAggregateStatistics);
    let manages = actor.roles.may(Action::ManageProgrammes);
    if !reads && !manages {
        actor.authorize(state, Action::ViewAggregateStatistics).await?;
    }
    let own = actor.organisation.id;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let visible = networks::visible(&mut conn, own).await?;
    let placed = organisations::get(&mut conn, own).await?.region.is_some();
    drop(conn);
    let (networks, joinable): (Vec<_>, Vec<_>) = visible.into_iter().partition(|p| p.owner_id == own || p.member == 1);
    let networks = if reads { networks } else { Vec::new() };
    let joinable = if manages { joinable } else { Vec::new() };
    let publishable = if manages {
        crate::services::programmes::library(state, actor, "", "")
            .await?
            .into_iter()
            .filter(|p| p.organisation_id == own)
            .collect()
    } else {
        Vec::new()
    };
    let this_year = actor.organisation.today(&state.clock).year();
    let years = (1..=5).map(|back| this_year - back).collect();
    Ok(Overview { networks, joinable, publishable, years, placed })
}
