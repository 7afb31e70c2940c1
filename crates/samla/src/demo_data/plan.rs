//! One organisation's data as the years would have left it, made in memory from its own
//! seeded random source: the people with accounts, the courses with their sessions and
//! working groups, the families on them, the attendance sheets of the sessions held, and
//! the audit rows all that work left. Rows refer to each other by their place in these
//! lists; [`super::write`] turns places into ids.
//!
//! What samla does when a course is planned, staffed, filled and run is followed as the
//! services do it, with the domain's own rules: the schedule skips public holidays,
//! meetings are placed as the manual says, consents are the ones the consent rules ask
//! for, sheets list whom the session's audience expects, and a follow-up task is made
//! when a participant's absences in a row reach the organisation's threshold.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use samla_domain::calendar::Country;
use samla_domain::intake::consent::{self, Capacity, GuardianForConsent, PersonForConsent, Purpose};
use samla_domain::intake::household::HouseholdRole;
use samla_domain::organisations::{self as placement, Region};
use samla_domain::planning::checklist::due_date;
use samla_domain::planning::meetings::place;
use samla_domain::planning::schedule::{generate, ClosedDays, Interval, ScheduleRequest};
use samla_domain::planning::session::SessionKind;
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::Audience;
use samla_domain::programmes::{Manual, TargetGroup};
use samla_domain::running::attendance::Attendance;
use samla_domain::running::attendance_scope::SheetShape;
use samla_domain::running::attendance_scope::{expectation, guardians_expected, Candidate, Expectation, Gathering};
use samla_domain::running::follow_up::{task_due, KnownTask};
use samla_domain::running::meetings::{parse_kind, shares_with_network};
use samla_domain::synthetic::{self as rules, OrganisationKind};
use samla_domain::Role;
use samla_web::services::courses::StoredLine;

/// Organisations are Norwegian.
pub const COUNTRY: Country = Country::Norway;
/// Absences in a row that make a follow-up task (the organisation's default setting).
pub const FOLLOW_UP_AFTER: u32 = 2;
/// A child this old or older gives their own consent beside their guardians' (the
/// organisation's default setting).
const OWN_SAY_FROM_AGE: u32 = 12;

/// The shipped programmes, parsed once: every organisation has them.
pub struct Catalogue {
    pub programmes: Vec<(&'static str, Manual)>,
}

impl Catalogue {
    pub fn shipped() -> anyhow::Result<Catalogue> {
        let programmes = SHIPPED
            .iter()
            .map(|(slug, source)| {
                Manual::from_toml(source)
                    .map(|manual| (*slug, manual))
                    .map_err(|e| anyhow::anyhow!("shipped programme {slug} does not validate: {e}"))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Catalogue { programmes })
    }

    fn index(&self, slug: &str) -> usize {
        self.programmes.iter().position(|(s, _)| *s == slug).expect("the rules name shipped programmes")
    }
}

/// What the data set spans.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// The data set's "today": nothing happened on or after it.
    pub today: NaiveDate,
    pub years: u32,
    /// How many organisations run courses.
    pub organisations: u32,
}

impl Span {
    fn first_day(&self) -> NaiveDate {
        self.today - Duration::days(365 * i64::from(self.years))
    }

    /// The first moment that has not happened yet.
    fn cutoff(&self) -> i64 {
        at(self.today, 0, 0)
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> i64 {
    rules::moment(COUNTRY, day, NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time"))
}

const DAY: i64 = 24 * 60 * 60;

pub struct User {
    pub email: String,
    pub name: String,
    pub role: Role,
}

pub struct Person {
    pub household: usize,
    pub role: HouseholdRole,
    pub responsible: bool,
    pub name: String,
    pub birth_date: NaiveDate,
    pub phone: String,
    pub email: String,
    pub created_at: i64,
}

pub struct Consent {
    pub giver: usize,
    pub participant: usize,
    pub purpose: Purpose,
    pub capacity: Capacity,
    pub method: &'static str,
    pub given_at: i64,
    pub recorded_by: usize,
}

pub struct Session {
    pub kind: SessionKind,
    pub programme_session: Option<i64>,
    pub meeting_kind: Option<&'static str>,
    pub title: String,
    pub audience: Audience,
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
}

pub struct ChecklistItem {
    pub task: String,
    pub responsible: String,
    pub due: NaiveDate,
    /// When and by which user it was ticked off.
    pub done: Option<(i64, usize)>,
}

pub struct Staff {
    pub user: usize,
    pub course_role: &'static str,
    /// On every session of the course.
    pub on_sessions: bool,
}

pub struct Enrolment {
    pub person: usize,
    /// `participant` or `parent`.
    pub role: &'static str,
    pub enrolled_at: i64,
    /// The last day they were there, and why they left.
    pub dropped_out: Option<(NaiveDate, &'static str)>,
}

pub struct Sheet {
    pub session: usize,
    pub parents: i64,
    pub family_members: i64,
    pub saved_at: i64,
    pub saved_by: usize,
    /// (enrolment, mark).
    pub entries: Vec<(usize, Attendance)>,
    /// (person, mark).
    pub guardians: Vec<(usize, Attendance)>,
    /// Places in the working group.
    pub staff_present: Vec<usize>,
}

pub struct Task {
    pub enrolment: usize,
    pub absences: i64,
    pub created_at: i64,
    /// (when, by which user, what came of it).
    pub done: Option<(i64, usize, &'static str)>,
}

pub struct Course {
    pub programme: usize,
    pub name: String,
    pub venue: &'static str,
    pub room: &'static str,
    pub start_date: NaiveDate,
    pub weekday: String,
    pub start_time: String,
    pub duration_minutes: i64,
    pub session_count: i64,
    pub capacity: i64,
    pub status: &'static str,
    pub cancel_reason: Option<&'static str>,
    pub version: i64,
    pub created_at: i64,
    pub sessions: Vec<Session>,
    pub checklist: Vec<ChecklistItem>,
    pub budget: Vec<StoredLine>,
    pub staff: Vec<Staff>,
    pub enrolments: Vec<Enrolment>,
    pub sheets: Vec<Sheet>,
    pub tasks: Vec<Task>,
}

/// What an audit row is about.
#[derive(Debug, Clone, Copy)]
pub enum Record {
    Organisation,
    User(usize),
    Course(usize),
    /// (course, session).
    Session(usize, usize),
    Consent(usize),
    /// (course, enrolment).
    Enrolment(usize, usize),
    /// (course, task).
    Task(usize, usize),
    /// A programme of the national centre, by its place in the catalogue.
    CentreProgramme(usize),
}

pub struct Event {
    pub at: i64,
    /// The user who did it; none for the operator's commands.
    pub actor: Option<usize>,
    pub action: &'static str,
    pub record: Record,
    pub request_id: Option<String>,
    /// Whether the row names the organisation (`samla org add`'s own row does not).
    pub names_organisation: bool,
}

pub struct Organisation {
    pub slug: String,
    pub name: String,
    pub created_at: i64,
    /// The kind of service and the county national statistics count it by.
    pub placement: (placement::OrganisationKind, Region),
    /// Whether it shares its programmes with every organisation (the national centre).
    pub shares_programmes: bool,
    /// The national centre's programmes (places in the catalogue) whose networks the
    /// organisation joined, when and by which user; its courses run on the centre's
    /// programmes, and its leaders are certified for those.
    pub joins: Vec<(usize, i64, usize)>,
    pub users: Vec<User>,
    /// (user, programme, day).
    pub certifications: Vec<(usize, usize, NaiveDate)>,
    /// When each household was first recorded.
    pub households: Vec<i64>,
    pub persons: Vec<Person>,
    pub consents: Vec<Consent>,
    pub courses: Vec<Course>,
    /// In time order.
    pub events: Vec<Event>,
}

impl Organisation {
    fn event(&mut self, at: i64, actor: Option<usize>, action: &'static str, record: Record, rng: &mut StdRng) {
        let request_id = actor.map(|_| rules::request_id(rng));
        let names_organisation = action != "cli.organisation.create";
        self.events.push(Event { at, actor, action, record, request_id, names_organisation });
    }
}

/// The installation's own organisation, with its first administrator, an analyst and a
/// coordinator, made before any other: the national centre.
pub fn operator(span: &Span, seed: u64) -> Organisation {
    let mut rng = StdRng::seed_from_u64(rules::organisation_seed(seed, 0));
    let created_at = at(span.first_day() - Duration::days(160), 9, 0);
    let mut organisation = empty(rules::OPERATOR_SLUG, rules::OPERATOR_NAME, created_at);
    organisation.placement = (placement::OrganisationKind::NationalCentre, rules::OPERATOR_REGION);
    organisation.shares_programmes = true;
    let surname = rules::surname(&mut rng);
    organisation.users.push(User {
        email: format!("admin@{}.samla.test", rules::OPERATOR_SLUG),
        name: rules::person_name(surname, &mut rng),
        role: Role::Admin,
    });
    organisation.event(created_at, Some(0), "setup.first_admin", Record::User(0), &mut rng);
    let surname = rules::surname(&mut rng);
    organisation.users.push(User {
        email: format!("analytiker@{}.samla.test", rules::OPERATOR_SLUG),
        name: rules::person_name(surname, &mut rng),
        role: Role::Analyst,
    });
    organisation.event(created_at + 600, None, "cli.user.add", Record::User(1), &mut rng);
    // The national centre's coordinator publishes each year's statistics of its networks.
    let surname = rules::surname(&mut rng);
    organisation.users.push(User {
        email: format!("koordinator@{}.samla.test", rules::OPERATOR_SLUG),
        name: rules::person_name(surname, &mut rng),
        role: Role::Coordinator,
    });
    organisation.event(created_at + 1200, None, "cli.user.add", Record::User(2), &mut rng);
    organisation
}

fn empty(slug: &str, name: &str, created_at: i64) -> Organisation {
    Organisation {
        slug: slug.to_string(),
        name: name.to_string(),
        created_at,
        placement: (placement::OrganisationKind::Other, rules::OPERATOR_REGION),
        shares_programmes: false,
        joins: Vec::new(),
        users: Vec::new(),
        certifications: Vec::new(),
        households: Vec::new(),
        persons: Vec::new(),
        consents: Vec::new(),
        courses: Vec::new(),
        events: Vec::new(),
    }
}

/// The people with accounts in an organisation, by role.
struct People {
    coordinator: usize,
    secretary: usize,
    leaders: Vec<usize>,
    representatives: Vec<usize>,
}

/// The `number`th organisation (from 1) with everything it did within the span.
pub fn organisation(catalogue: &Catalogue, span: &Span, seed: u64, number: u32) -> Organisation {
    let mut rng = StdRng::seed_from_u64(rules::organisation_seed(seed, number));
    let made = rules::organisation(number);
    // The operator adds the organisations one after another in the months before the span.
    let offset = i64::from(number) * 60 / i64::from(span.organisations.max(1));
    let created_day = span.first_day() - Duration::days(150 - offset);
    let created_at = at(created_day, 9, 0) + i64::from(number);
    let mut organisation = empty(&made.slug, &made.name, created_at);
    // The operator places each organisation as it adds it (the placement is the
    // organisation's administrator's to change later).
    organisation.placement = (made.kind.service_kind(), rules::region(number));
    organisation.event(created_at, None, "cli.organisation.create", Record::Organisation, &mut rng);
    let people = staff(&mut organisation, made.kind, created_at, &mut rng);
    for (programme, (_, manual)) in catalogue.programmes.iter().enumerate() {
        if !manual.staffing.leaders_need_certification {
            continue;
        }
        for (n, leader) in people.leaders.iter().enumerate() {
            organisation.certifications.push((*leader, programme, created_day + Duration::days(1)));
            let when = at(created_day + Duration::days(1), 10, 0) + 60 * n as i64;
            organisation.event(
                when,
                Some(people.coordinator),
                "programme.certification.set",
                Record::User(*leader),
                &mut rng,
            );
        }
    }
    let mut starts = Vec::new();
    for year in 0..span.years {
        let from = span.first_day() + Duration::days(365 * i64::from(year));
        for _ in 0..rules::courses_in_year(made.kind, &mut rng) {
            starts.push(rules::course_start(from, 365, &mut rng));
        }
    }
    let ahead = (rules::courses_in_year(made.kind, &mut rng) as i64 * rules::PLANNED_AHEAD_DAYS + 182) / 365;
    for _ in 0..ahead {
        starts.push(rules::course_start(span.today, rules::PLANNED_AHEAD_DAYS, &mut rng));
    }
    starts.sort_unstable();
    for start in starts {
        let slug = rules::programme(made.kind, &mut rng);
        course(&mut organisation, catalogue, catalogue.index(slug), &people, span, start, made.kind, &mut rng);
    }
    join_networks(&mut organisation, &people, created_day, &mut rng);
    organisation.events.sort_by_key(|e| e.at);
    organisation
}

/// The coordinator joins the network of each of the centre's programmes the organisation
/// runs courses of, the day after the organisation was added (before its first course).
/// Drawn after everything else, so the rest of the organisation's data is what it was
/// before organisations joined networks.
fn join_networks(organisation: &mut Organisation, people: &People, created_day: NaiveDate, rng: &mut StdRng) {
    let mut programmes: Vec<usize> = organisation.courses.iter().map(|c| c.programme).collect();
    programmes.sort_unstable();
    programmes.dedup();
    for (n, programme) in programmes.into_iter().enumerate() {
        let when = at(created_day + Duration::days(1), 11, 0) + 60 * n as i64;
        organisation.joins.push((programme, when, people.coordinator));
        organisation.event(when, Some(people.coordinator), "network.join", Record::CentreProgramme(programme), rng);
    }
}

fn staff(organisation: &mut Organisation, kind: OrganisationKind, created_at: i64, rng: &mut StdRng) -> People {
    let size = rules::staff_size(kind, rng);
    let slug = organisation.slug.clone();
    let add = |organisation: &mut Organisation, local: String, role: Role, rng: &mut StdRng| {
        let surname = rules::surname(rng);
        let name = rules::person_name(surname, rng);
        organisation.users.push(User { email: format!("{local}@{slug}.samla.test"), name, role });
        let user = organisation.users.len() - 1;
        organisation.event(created_at + 60 * (user as i64 + 1), None, "cli.user.add", Record::User(user), rng);
        user
    };
    let coordinator = add(organisation, "koordinator".into(), Role::Coordinator, rng);
    let secretary = add(organisation, "sekretaer".into(), Role::Secretary, rng);
    let leaders = (1..=size.group_leaders)
        .map(|n| add(organisation, format!("gruppeleder{n}"), Role::GroupLeader, rng))
        .collect();
    let representatives = (1..=size.user_representatives)
        .map(|n| add(organisation, format!("brukerrepresentant{n}"), Role::UserRepresentative, rng))
        .collect();
    People { coordinator, secretary, leaders, representatives }
}

const VENUES: [&str; 4] = ["Frivilligsentralen", "Familiens hus", "Helsestasjonen", "Kulturhuset"];
const ROOMS: [&str; 4] = ["Grupperom 1", "Grupperom 2", "Storsalen", "Møterom 3"];
const CANCEL_REASON: &str = "For få påmeldte";
const FOLLOW_UP_OUTCOMES: [&str; 3] = [
    "Snakket med familien, kommer neste gang",
    "Ringte, fikk ikke svar; sendte melding",
    "Avtalt samtale med foreldrene",
];

/// When each step of a course's life happened (those not yet happened are left out).
struct Timeline {
    created_at: i64,
    ready_at: i64,
    recruiting_at: i64,
    confirmed_at: i64,
    cancelled_at: Option<i64>,
    running_at: i64,
    completed_at: i64,
    archived_at: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
fn course(
    organisation: &mut Organisation,
    catalogue: &Catalogue,
    programme: usize,
    people: &People,
    span: &Span,
    start: NaiveDate,
    kind: OrganisationKind,
    rng: &mut StdRng,
) {
    let cutoff = span.cutoff();
    let manual = &catalogue.programmes[programme].1;
    let children = manual.target_groups.iter().any(|g| matches!(g, TargetGroup::Children | TargetGroup::Adolescents));
    let start_time = rules::start_time(children, rng);
    let count = manual.session_count().unwrap_or_else(|| rules::session_count_left_open(rng));
    let capacity = manual.group_size.map_or(10, |g| g.max);
    let request = ScheduleRequest { start, weekdays: vec![start.weekday()], interval: Interval::Weekly, count };
    let closed = ClosedDays { country: COUNTRY, periods: &[] };
    let Ok(planned) = generate(&request, &closed) else { return };
    let Some(first) = planned.dates.first().copied() else { return };
    let duration = manual.sessions.first().map_or(120, |s| s.duration_minutes);
    let hhmm = |time: NaiveTime| time.format("%H:%M").to_string();
    let mut sessions: Vec<Session> = planned
        .dates
        .iter()
        .enumerate()
        .map(|(index, date)| {
            let plan = manual.session(index as u32 + 1);
            let minutes = plan.map_or(duration, |p| p.duration_minutes);
            Session {
                kind: SessionKind::Session,
                programme_session: plan.map(|p| i64::from(p.number)),
                meeting_kind: None,
                title: plan.map(|p| p.title.clone()).unwrap_or_default(),
                audience: plan.map_or(Audience::Participants, |p| p.audience),
                date: *date,
                start: hhmm(start_time),
                end: hhmm(start_time + Duration::minutes(i64::from(minutes))),
            }
        })
        .collect();
    for meeting in &manual.meetings {
        let Some(date) = place(meeting, &planned.dates, &closed) else { continue };
        sessions.push(Session {
            kind: SessionKind::Meeting,
            programme_session: None,
            meeting_kind: Some(meeting.kind.as_str()),
            title: meeting.title.clone(),
            audience: meeting.audience,
            date,
            start: hhmm(start_time),
            end: hhmm(start_time + Duration::minutes(i64::from(meeting.duration_minutes))),
        });
    }
    let last = sessions.iter().map(|s| s.date).max().unwrap_or(first);
    let created_day = first - Duration::days(rng.gen_range(42..=70));
    let ready_day = created_day + Duration::days(rng.gen_range(1..=7));
    let completed_at = at(last + Duration::days(rng.gen_range(1..=14)), 10, rng.gen_range(0..60));
    let timeline = Timeline {
        created_at: at(created_day, 10, rng.gen_range(0..60)),
        ready_at: at(ready_day, 11, rng.gen_range(0..60)),
        recruiting_at: at(ready_day + Duration::days(rng.gen_range(0..=2)), 13, rng.gen_range(0..60)),
        confirmed_at: at(first - Duration::days(rng.gen_range(3..=7)), 14, rng.gen_range(0..60)),
        cancelled_at: rng.gen_bool(0.03).then(|| at(first - Duration::days(7), 12, 0)),
        running_at: at(first, 9, rng.gen_range(0..60)),
        completed_at,
        archived_at: rng.gen_bool(0.5).then(|| completed_at + rng.gen_range(180..=400) * DAY),
    };
    if timeline.created_at >= cutoff {
        return;
    }
    let index = organisation.courses.len();
    let coordinator = Some(people.coordinator);
    organisation.event(timeline.created_at, coordinator, "course.create", Record::Course(index), rng);

    let mut leaders = people.leaders.clone();
    let first_leader = leaders.swap_remove(rng.gen_range(0..leaders.len()));
    let second_leader = leaders[rng.gen_range(0..leaders.len())];
    let representative = people.representatives[rng.gen_range(0..people.representatives.len())];
    let mut staff = vec![
        Staff { user: first_leader, course_role: "group_leader", on_sessions: true },
        Staff { user: second_leader, course_role: "group_leader", on_sessions: true },
        Staff { user: representative, course_role: "user_representative", on_sessions: true },
        Staff { user: people.coordinator, course_role: "coordinator", on_sessions: false },
    ];
    if rng.gen_bool(0.4) {
        staff.push(Staff { user: people.secretary, course_role: "secretary", on_sessions: false });
    }
    for n in 0..staff.len() {
        let when = timeline.created_at + 120 * (n as i64 + 1);
        organisation.event(when, coordinator, "course.staff.add", Record::Course(index), rng);
    }

    // The lifecycle, as far as it got before the cutoff.
    let mut status = "draft";
    let mut version = 1;
    let mut step = |organisation: &mut Organisation, when: i64, to: &'static str, rng: &mut StdRng| {
        if when >= cutoff {
            return false;
        }
        organisation.event(when, coordinator, status_action(to), Record::Course(index), rng);
        status = to;
        version += 1;
        true
    };
    let mut cancel_reason = None;
    let mut took_in = false;
    if step(organisation, timeline.ready_at, "ready", rng)
        && step(organisation, timeline.recruiting_at, "recruiting", rng)
    {
        match timeline.cancelled_at {
            Some(when) => {
                if step(organisation, when, "cancelled", rng) {
                    cancel_reason = Some(CANCEL_REASON);
                }
            }
            None => {
                took_in = timeline.confirmed_at < cutoff;
                if step(organisation, timeline.running_at, "running", rng)
                    && step(organisation, timeline.completed_at, "completed", rng)
                {
                    if let Some(when) = timeline.archived_at {
                        step(organisation, when, "archived", rng);
                    }
                }
            }
        }
    }
    let stopped_at = timeline.cancelled_at.filter(|when| *when < cutoff).unwrap_or(cutoff);

    let checklist = manual
        .checklist
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let due = due_date(item, first);
            let done_at = at(due, 10, 0) + 60 * n as i64;
            let done =
                (done_at >= timeline.created_at && done_at < stopped_at).then_some((done_at, people.coordinator));
            if let Some((when, _)) = done {
                organisation.event(when, coordinator, "course.checklist.update", Record::Course(index), rng);
            }
            ChecklistItem { task: item.task.clone(), responsible: item.responsible.clone(), due, done }
        })
        .collect();

    let programme_name = &manual.name;
    let mut course = Course {
        programme,
        name: rules::course_name(programme_name, first),
        venue: match kind {
            OrganisationKind::Municipality => VENUES[rng.gen_range(0..VENUES.len())],
            OrganisationKind::Hospital => "Lærings- og mestringssenteret",
        },
        room: ROOMS[rng.gen_range(0..ROOMS.len())],
        start_date: first,
        weekday: first.weekday().to_string().to_lowercase(),
        start_time: hhmm(start_time),
        duration_minutes: i64::from(duration),
        session_count: planned.dates.len() as i64,
        capacity: i64::from(capacity),
        status,
        cancel_reason,
        version,
        created_at: timeline.created_at,
        sessions,
        checklist,
        budget: manual.budget.iter().map(StoredLine::from_domain).collect(),
        staff,
        enrolments: Vec::new(),
        sheets: Vec::new(),
        tasks: Vec::new(),
    };
    if took_in {
        let families = take_in(organisation, &mut course, index, manual, people, &timeline, children, rng);
        run(organisation, &mut course, index, &families, span, rng);
    }
    organisation.courses.push(course);
}

fn status_action(status: &str) -> &'static str {
    match status {
        "ready" => "course.status.ready",
        "recruiting" => "course.status.recruiting",
        "running" => "course.status.running",
        "completed" => "course.status.completed",
        "archived" => "course.status.archived",
        _ => "course.status.cancelled",
    }
}

/// A family on a course: the participant's enrolment, their guardians (persons), how
/// often they are away, and whether they agreed to share with the network.
struct Family {
    enrolment: usize,
    child: bool,
    guardians: Vec<usize>,
    absence_rate: f64,
    shares: bool,
}

/// The families who took part: households, persons, the consents the rules ask for, and
/// the places on the course (the guardians of a child join the parent sessions).
#[allow(clippy::too_many_arguments)]
fn take_in(
    organisation: &mut Organisation,
    course: &mut Course,
    index: usize,
    manual: &Manual,
    people: &People,
    timeline: &Timeline,
    children: bool,
    rng: &mut StdRng,
) -> Vec<Family> {
    let (youngest, oldest) = if children {
        rules::child_ages(&manual.age_bands, rng)
    } else if manual.target_groups.contains(&TargetGroup::Adults) {
        (25, 70)
    } else {
        (25, 50)
    };
    let first = course.start_date;
    let mut families = Vec::new();
    for _ in 0..rules::participants(course.capacity as u32, rng) {
        let heard_at = rng.gen_range(timeline.recruiting_at..timeline.confirmed_at.max(timeline.recruiting_at + 1));
        organisation.households.push(heard_at);
        let household = organisation.households.len() - 1;
        let surname = rules::surname(rng);
        let age = rng.gen_range(youngest..=oldest);
        let participant = organisation.persons.len();
        organisation.persons.push(Person {
            household,
            role: if children { HouseholdRole::Child } else { HouseholdRole::Adult },
            responsible: false,
            name: rules::person_name(surname, rng),
            birth_date: rules::birth_date(age, first, rng),
            phone: if children { String::new() } else { rules::phone(rng) },
            email: if children || rng.gen_bool(0.3) {
                String::new()
            } else {
                format!("deltaker{participant}.{}@eksempel.test", organisation.slug)
            },
            created_at: heard_at,
        });
        let mut guardians = Vec::new();
        if children {
            for _ in 0..if rng.gen_bool(0.7) { 2 } else { 1 } {
                let person = organisation.persons.len();
                let guardian_age = age + rng.gen_range(24..=40);
                organisation.persons.push(Person {
                    household,
                    role: HouseholdRole::Guardian,
                    responsible: true,
                    name: rules::person_name(surname, rng),
                    birth_date: rules::birth_date(guardian_age, first, rng),
                    phone: rules::phone(rng),
                    email: if rng.gen_bool(0.7) {
                        format!("forelder{person}.{}@eksempel.test", organisation.slug)
                    } else {
                        String::new()
                    },
                    created_at: heard_at,
                });
                guardians.push(person);
            }
        }
        let shares = rng.gen_bool(0.5);
        let purposes: &[Purpose] =
            if shares { &[Purpose::Participation, Purpose::ShareWithNetwork] } else { &[Purpose::Participation] };
        let asked = PersonForConsent {
            person_id: participant as i64,
            name: String::new(),
            is_child: children,
            age: Some(consent::age_on(organisation.persons[participant].birth_date, first)),
        };
        let deciding: Vec<GuardianForConsent> = guardians
            .iter()
            .map(|g| GuardianForConsent { person_id: *g as i64, name: String::new(), parental_responsibility: true })
            .collect();
        for purpose in purposes {
            for needed in consent::missing(*purpose, &asked, &deciding, &[], OWN_SAY_FROM_AGE) {
                if needed.is_unknown_guardian() {
                    continue;
                }
                let given_at = (heard_at + rng.gen_range(600..3 * DAY)).min(timeline.confirmed_at - 60).max(heard_at);
                let recorded_by = if rng.gen_bool(0.5) { people.coordinator } else { people.secretary };
                organisation.consents.push(Consent {
                    giver: needed.person_id as usize,
                    participant,
                    purpose: *purpose,
                    capacity: needed.capacity,
                    method: if rng.gen_bool(0.6) { "paper" } else { "in_conversation" },
                    given_at,
                    recorded_by,
                });
                let consent = organisation.consents.len() - 1;
                organisation.event(given_at, Some(recorded_by), "consent.record", Record::Consent(consent), rng);
            }
        }
        course.enrolments.push(Enrolment {
            person: participant,
            role: "participant",
            enrolled_at: timeline.confirmed_at,
            dropped_out: None,
        });
        let enrolment = course.enrolments.len() - 1;
        for guardian in &guardians {
            course.enrolments.push(Enrolment {
                person: *guardian,
                role: "parent",
                enrolled_at: timeline.confirmed_at,
                dropped_out: None,
            });
        }
        families.push(Family { enrolment, child: children, guardians, absence_rate: rules::absence_rate(rng), shares });
    }
    organisation.event(timeline.confirmed_at, Some(people.coordinator), "group.confirm", Record::Course(index), rng);
    families
}

/// The held sessions: each sheet saved by one of the leaders after the session, with the
/// reads that go with it, dropouts, and the follow-up tasks absences call for.
fn run(
    organisation: &mut Organisation,
    course: &mut Course,
    index: usize,
    families: &[Family],
    span: &Span,
    rng: &mut StdRng,
) {
    let cutoff = span.cutoff();
    let coordinator = course.staff.iter().find(|s| s.course_role == "coordinator").map(|s| s.user);
    let leaders: Vec<usize> = course.staff.iter().filter(|s| s.course_role == "group_leader").map(|s| s.user).collect();
    let held: Vec<usize> = course
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SessionKind::Session && s.date < span.today)
        .map(|(n, _)| n)
        .collect();
    // Some leave after a session of their own choosing, and a leader records it the next day.
    for family in families {
        if held.len() < 3 || !rng.gen_bool(rules::DROPOUT_RATE) {
            continue;
        }
        let last_there = course.sessions[held[rng.gen_range(1..held.len() - 1)]].date;
        let recorded_at = at(last_there + Duration::days(1), 12, rng.gen_range(0..60));
        if recorded_at < cutoff {
            let reason = rules::DROPOUT_REASONS[rng.gen_range(0..rules::DROPOUT_REASONS.len())];
            course.enrolments[family.enrolment].dropped_out = Some((last_there, reason));
            let leader = Some(leaders[rng.gen_range(0..leaders.len())]);
            organisation.event(
                recorded_at,
                leader,
                "participant.dropout",
                Record::Enrolment(index, family.enrolment),
                rng,
            );
        }
    }
    let dropout_recorded = |family: &Family| {
        course.enrolments[family.enrolment].dropped_out.map(|(day, _)| at(day + Duration::days(1), 12, 0))
    };
    // (saved at, mark) of each family's lines so far.
    let mut history: Vec<Vec<(i64, Attendance)>> = vec![Vec::new(); families.len()];
    for session_index in held {
        let session = &course.sessions[session_index];
        let start = NaiveTime::parse_from_str(&session.start, "%H:%M").unwrap_or_default();
        let end = NaiveTime::parse_from_str(&session.end, "%H:%M").unwrap_or_default();
        let began = at(session.date, start.hour(), start.minute());
        let saved_at = at(session.date, end.hour(), end.minute()) + 60 * rng.gen_range(5..=90);
        if saved_at >= cutoff {
            continue;
        }
        let leader = leaders[rng.gen_range(0..leaders.len())];
        organisation.event(began - 900, Some(leader), "course.view", Record::Course(index), rng);
        organisation.event(began - 600, Some(leader), "attendance.read", Record::Session(index, session_index), rng);
        organisation.event(saved_at, Some(leader), "attendance.save", Record::Session(index, session_index), rng);
        let looked_at = at(session.date + Duration::days(1), 9, rng.gen_range(0..60));
        if looked_at < cutoff {
            organisation.event(looked_at, coordinator, "course.view", Record::Course(index), rng);
        }
        let shape = SheetShape::of(session.audience);
        let gathering = Gathering {
            date: session.date,
            about: None,
            shares_with_network: shares_with_network(session.meeting_kind.and_then(parse_kind), Some(session.audience)),
            shape,
        };
        let mut sheet = Sheet {
            session: session_index,
            parents: if shape.parents_count { rng.gen_range(0..=2) } else { 0 },
            family_members: if shape.family_members_count { rng.gen_range(0..=5) } else { 0 },
            saved_at,
            saved_by: leader,
            entries: Vec::new(),
            guardians: Vec::new(),
            staff_present: Vec::new(),
        };
        for (n, family) in families.iter().enumerate() {
            let enrolment = &course.enrolments[family.enrolment];
            let candidate = Candidate {
                participant_id: family.enrolment as i64,
                active: enrolment.dropped_out.is_none(),
                dropped_out_on: enrolment.dropped_out.map(|(day, _)| day),
                shares_with_network: family.shares,
                child: family.child,
            };
            let mark = rules::attendance(family.absence_rate, rng);
            if expectation(&candidate, &gathering) == Expectation::Expected {
                sheet.entries.push((family.enrolment, mark));
                history[n].push((saved_at, mark));
            }
            if guardians_expected(&candidate, &gathering) {
                for guardian in &family.guardians {
                    // With their child, a family comes or stays away together.
                    let theirs = match (shape.children, mark.attended()) {
                        (true, true) => Attendance::Present,
                        (true, false) => mark,
                        (false, _) => rules::attendance(family.absence_rate, rng),
                    };
                    sheet.guardians.push((*guardian, theirs));
                }
            }
        }
        sheet.staff_present = course
            .staff
            .iter()
            .enumerate()
            .filter(|(_, s)| s.on_sessions && rng.gen_bool(0.95))
            .map(|(n, _)| n)
            .collect();
        course.sheets.push(sheet);
        // The save makes the follow-up tasks the attendance now calls for.
        for (n, family) in families.iter().enumerate() {
            if dropout_recorded(family).is_some_and(|when| when <= saved_at) {
                continue;
            }
            let marks: Vec<Option<Attendance>> = history[n].iter().map(|(_, mark)| Some(*mark)).collect();
            let last_attended = history[n].iter().rev().find(|(_, mark)| mark.attended()).map(|(when, _)| *when);
            let known: Vec<KnownTask> = course
                .tasks
                .iter()
                .filter(|t| t.enrolment == family.enrolment)
                .map(|t| KnownTask {
                    created_at: t.created_at,
                    open: t.done.is_none_or(|(when, _, _)| when > saved_at),
                })
                .collect();
            let Some(absences) = task_due(&marks, FOLLOW_UP_AFTER, last_attended, &known) else { continue };
            let contacted_at = saved_at + rng.gen_range(1..=3) * DAY;
            let contacted_at = at(organisation_day(contacted_at), 10, rng.gen_range(0..60));
            let done = match dropout_recorded(family) {
                // Dropping out closes the open tasks, with the reason as what came of them.
                Some(left) if left <= contacted_at => (left < cutoff).then(|| {
                    let reason = course.enrolments[family.enrolment].dropped_out.map_or("", |(_, reason)| reason);
                    (left, leader, reason)
                }),
                _ => (contacted_at < cutoff)
                    .then(|| (contacted_at, leader, FOLLOW_UP_OUTCOMES[rng.gen_range(0..FOLLOW_UP_OUTCOMES.len())])),
            };
            course.tasks.push(Task {
                enrolment: family.enrolment,
                absences: i64::from(absences),
                created_at: saved_at,
                done,
            });
            let task = course.tasks.len() - 1;
            if let Some((when, by, _)) = done {
                if dropout_recorded(family) != Some(when) {
                    organisation.event(when, Some(by), "follow_up.complete", Record::Task(index, task), rng);
                }
            }
        }
    }
}

/// The organisation's local day of a moment.
fn organisation_day(unix: i64) -> NaiveDate {
    COUNTRY.timezone().timestamp_opt(unix, 0).single().map(|t| t.date_naive()).unwrap_or_default()
}
