//! The rules of samla's synthetic national data set (`samla demo-data national`): which
//! organisations there are, how many courses they run a year and when, what people are
//! called and how old they are, how often they come. Each rule is a plain function of a
//! seeded random source, so the same seed gives the same data set on every machine; the
//! binary turns the draws into rows and writes them through the store.

use crate::calendar::Country;
use crate::organisations::{self, Region};
use crate::programmes::AgeBand;
use crate::running::attendance::Attendance;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};
use rand::Rng;

/// The data set's "today": everything in it happened before this day, and courses are
/// running and recruiting on it. Taken from the seed, never from the clock, so two runs
/// with the same seed are the same; always a term-time day in the first half of 2026.
pub fn reference_day(seed: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 12).expect("a valid date") + Duration::days((seed % 140) as i64)
}

/// The seed of one organisation's random source, from the data set's seed: each
/// organisation draws on its own, so one can be made without making those before it.
pub fn organisation_seed(seed: u64, number: u32) -> u64 {
    // SplitMix64's mixing of the two, so neighbouring numbers give unrelated seeds.
    let mut z = seed ^ u64::from(number).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationKind {
    Municipality,
    /// A hospital's learning and coping centre: mostly courses for adults.
    Hospital,
}

/// One organisation of the data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticOrganisation {
    pub slug: String,
    pub name: String,
    pub kind: OrganisationKind,
}

/// Every this many organisations one is a hospital; the others are municipalities.
pub const HOSPITAL_EVERY: u32 = 50;

/// The installation's own organisation, made with its first administrator, as at every
/// samla installation: it runs no courses.
pub const OPERATOR_SLUG: &str = "drift";
pub const OPERATOR_NAME: &str = "Samla drift";

/// The `number`th organisation (from 1). Each kind is numbered on its own: "Kommune 001",
/// "Kommune 002", …, "Sykehus 01", ….
pub fn organisation(number: u32) -> SyntheticOrganisation {
    let hospitals_so_far = number / HOSPITAL_EVERY;
    if number.is_multiple_of(HOSPITAL_EVERY) {
        SyntheticOrganisation {
            slug: format!("sykehus-{hospitals_so_far:02}"),
            name: format!("Sykehus {hospitals_so_far:02}"),
            kind: OrganisationKind::Hospital,
        }
    } else {
        let municipality = number - hospitals_so_far;
        SyntheticOrganisation {
            slug: format!("kommune-{municipality:03}"),
            name: format!("Kommune {municipality:03}"),
            kind: OrganisationKind::Municipality,
        }
    }
}

impl OrganisationKind {
    /// The kind of service national statistics count the organisation as.
    pub fn service_kind(self) -> organisations::OrganisationKind {
        match self {
            OrganisationKind::Municipality => organisations::OrganisationKind::Municipality,
            OrganisationKind::Hospital => organisations::OrganisationKind::Hospital,
        }
    }
}

/// The operator's organisation is the national centre: it owns the shipped programmes,
/// shares them, and every other organisation runs them in its programme networks.
pub const OPERATOR_REGION: Region = Region::Oslo;

/// Norway's counties, each with about as many municipalities as it has (2024): the
/// organisations are spread over the counties in these shares, so a county's tables are
/// as small or as large as a real one's.
const COUNTIES: [(Region, u32); 15] = [
    (Region::Oslo, 1),
    (Region::Rogaland, 23),
    (Region::MoreOgRomsdal, 26),
    (Region::Nordland, 41),
    (Region::Ostfold, 12),
    (Region::Akershus, 21),
    (Region::Buskerud, 18),
    (Region::Innlandet, 46),
    (Region::Vestfold, 6),
    (Region::Telemark, 17),
    (Region::Agder, 25),
    (Region::Vestland, 43),
    (Region::Trondelag, 38),
    (Region::Troms, 21),
    (Region::Finnmark, 18),
];

/// The county of the `number`th organisation (from 1): a function of the number alone,
/// like its name, so an organisation is in the same county whatever the seed.
pub fn region(number: u32) -> Region {
    let total: u32 = COUNTIES.iter().map(|(_, weight)| weight).sum();
    let mut draw = (organisation_seed(0, number) % u64::from(total)) as u32;
    for (region, weight) in COUNTIES {
        if draw < weight {
            return region;
        }
        draw -= weight;
    }
    COUNTIES[0].0
}

/// How many people with accounts an organisation has besides its one coordinator and
/// one secretary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffSize {
    pub group_leaders: u32,
    pub user_representatives: u32,
}

pub fn staff_size(kind: OrganisationKind, rng: &mut impl Rng) -> StaffSize {
    match kind {
        OrganisationKind::Municipality => {
            StaffSize { group_leaders: rng.gen_range(3..=6), user_representatives: rng.gen_range(1..=2) }
        }
        OrganisationKind::Hospital => {
            StaffSize { group_leaders: rng.gen_range(5..=8), user_representatives: rng.gen_range(2..=3) }
        }
    }
}

/// How many courses an organisation starts in one year: ten on average.
pub fn courses_in_year(kind: OrganisationKind, rng: &mut impl Rng) -> u32 {
    match kind {
        OrganisationKind::Municipality => rng.gen_range(6..=14),
        OrganisationKind::Hospital => rng.gen_range(8..=16),
    }
}

/// Courses an organisation has planned beyond the reference day, as a share of a year's.
pub const PLANNED_AHEAD_DAYS: i64 = 56;

/// (shipped programme slug, weight): what municipalities run, mostly groups for children
/// and parents…
const MUNICIPALITY_PROGRAMMES: [(&str, u32); 10] = [
    ("smil", 18),
    ("mestringsgrupper", 14),
    ("boernegrupper", 8),
    ("mestringstreff", 10),
    ("cos", 8),
    ("icdp", 12),
    ("de-utrolige-arene", 10),
    ("pmto", 6),
    ("fortsatt-foreldre", 8),
    ("godt-samliv", 6),
];

/// …and hospitals, mostly coping courses for adults.
const HOSPITAL_PROGRAMMES: [(&str, u32); 4] =
    [("mestringstreff", 50), ("mestringsgrupper", 20), ("smil", 15), ("boernegrupper", 15)];

/// The shipped programme (by slug) a new course is planned from.
pub fn programme(kind: OrganisationKind, rng: &mut impl Rng) -> &'static str {
    let table: &[(&'static str, u32)] = match kind {
        OrganisationKind::Municipality => &MUNICIPALITY_PROGRAMMES,
        OrganisationKind::Hospital => &HOSPITAL_PROGRAMMES,
    };
    let total: u32 = table.iter().map(|(_, weight)| weight).sum();
    let mut draw = rng.gen_range(0..total);
    for (slug, weight) in table {
        if draw < *weight {
            return slug;
        }
        draw -= weight;
    }
    table[0].0
}

/// The number of sessions of a course whose manual leaves it to each course.
pub fn session_count_left_open(rng: &mut impl Rng) -> u32 {
    rng.gen_range(10..=14)
}

/// The first day of a course starting within `days` days from `from`: outside the summer
/// break (late June to mid August) and Christmas, on a Monday to Thursday.
pub fn course_start(from: NaiveDate, days: i64, rng: &mut impl Rng) -> NaiveDate {
    let mut day = from + Duration::days(rng.gen_range(0..days.max(1)));
    let summer = (day.month() == 6 && day.day() >= 25) || day.month() == 7 || (day.month() == 8 && day.day() < 15);
    if summer {
        day = NaiveDate::from_ymd_opt(day.year(), 8, 15).expect("a valid date") + Duration::days(rng.gen_range(0..21));
    } else if (day.month() == 12 && day.day() >= 15) || (day.month() == 1 && day.day() < 6) {
        let year = if day.month() == 12 { day.year() + 1 } else { day.year() };
        day = NaiveDate::from_ymd_opt(year, 1, 6).expect("a valid date") + Duration::days(rng.gen_range(0..21));
    }
    let weekday = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu][rng.gen_range(0..4)];
    let ahead = (7 + weekday.num_days_from_monday() as i64 - day.weekday().num_days_from_monday() as i64) % 7;
    day + Duration::days(ahead)
}

/// When a course's sessions start: in the afternoon for children, in the evening for
/// grown-ups.
pub fn start_time(children: bool, rng: &mut impl Rng) -> NaiveTime {
    let choices: &[(u32, u32)] =
        if children { &[(14, 15), (15, 0), (15, 30), (16, 0)] } else { &[(17, 0), (17, 30), (18, 0), (18, 30)] };
    let (hour, minute) = choices[rng.gen_range(0..choices.len())];
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time")
}

/// How many participants a course takes in: about nine, never more than its capacity.
pub fn participants(capacity: u32, rng: &mut impl Rng) -> u32 {
    rng.gen_range(7..=11).min(capacity).max(1)
}

const FIRST_NAMES: [&str; 60] = [
    "Emma", "Nora", "Sofie", "Olivia", "Ella", "Maja", "Ingrid", "Leah", "Sara", "Selma", "Frida", "Astrid", "Hedda",
    "Ada", "Amalie", "Anna", "Aurora", "Emilie", "Ida", "Julie", "Kari", "Hanne", "Marte", "Lise", "Ane", "Silje",
    "Camilla", "Tone", "Amina", "Fatima", "Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lukas", "Henrik",
    "Oskar", "Aksel", "Theodor", "Isak", "Magnus", "Elias", "Johannes", "Sander", "Tobias", "Jonas", "Per", "Tor",
    "Jon", "Ola", "Lars", "Knut", "Erik", "Anders", "Kristian", "Ali", "Mohammad", "Adam",
];

const SURNAMES: [&str; 60] = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Moen",
    "Gundersen",
    "Iversen",
    "Strand",
    "Solberg",
    "Svendsen",
    "Eide",
    "Knutsen",
    "Martinsen",
    "Paulsen",
    "Bakken",
    "Mathisen",
    "Lie",
    "Amundsen",
    "Nguyen",
    "Rasmussen",
    "Ali",
    "Lunde",
    "Solheim",
    "Berge",
    "Moe",
    "Nygård",
    "Bakke",
    "Holm",
    "Lien",
    "Hauge",
    "Næss",
    "Vik",
    "Haugland",
    "Berntsen",
    "Aas",
    "Ahmed",
    "Khan",
    "Ødegård",
    "Sandvik",
];

pub fn surname(rng: &mut impl Rng) -> &'static str {
    SURNAMES[rng.gen_range(0..SURNAMES.len())]
}

/// A person's full name; members of one household share `surname`.
pub fn person_name(surname: &str, rng: &mut impl Rng) -> String {
    format!("{} {surname}", FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())])
}

/// A child's age for a course with these age bands (one band is chosen for the group; a
/// manual without bands is taken as for 8 to 12 year olds).
pub fn child_ages(bands: &[AgeBand], rng: &mut impl Rng) -> (u32, u32) {
    match bands.get(rng.gen_range(0..bands.len().max(1))) {
        Some(band) => (band.min, band.max.unwrap_or(band.min + 4).max(band.min)),
        None => (8, 12),
    }
}

/// The birth date of someone `age` years old on `day`.
pub fn birth_date(age: u32, day: NaiveDate, rng: &mut impl Rng) -> NaiveDate {
    let birthday = day.with_year(day.year() - age as i32).unwrap_or(day - Duration::days(365 * age as i64));
    // Up to a year before the birthday, so they are still `age` on `day`.
    birthday - Duration::days(rng.gen_range(0..365))
}

/// A Norwegian mobile number as people write it.
pub fn phone(rng: &mut impl Rng) -> String {
    let first = if rng.gen_bool(0.5) { 4 } else { 9 };
    format!("{first}{:02} {:02} {:03}", rng.gen_range(0..100), rng.gen_range(0..100), rng.gen_range(0..1000))
}

/// How often a participant is away: most come nearly always, some often miss.
pub fn absence_rate(rng: &mut impl Rng) -> f64 {
    match rng.gen_range(0..10) {
        0 => 0.30,
        1..=3 => 0.10,
        _ => 0.03,
    }
}

/// One mark on an attendance sheet for someone away at `absence_rate`.
pub fn attendance(absence_rate: f64, rng: &mut impl Rng) -> Attendance {
    if rng.gen_bool(absence_rate) {
        if rng.gen_bool(0.65) {
            Attendance::AbsentWithNotice
        } else {
            Attendance::AbsentWithoutNotice
        }
    } else {
        match rng.gen_range(0..100) {
            0..=3 => Attendance::Late,
            4..=5 => Attendance::LeftEarly,
            _ => Attendance::Present,
        }
    }
}

/// The share of participants who drop out of a course.
pub const DROPOUT_RATE: f64 = 0.05;

pub const DROPOUT_REASONS: [&str; 4] =
    ["Flyttet fra kommunen", "Passet ikke med skole og arbeid", "Sykdom i familien", "Ønsket ikke å fortsette"];

/// The name of a course: its programme and term, e.g. "SMIL, høst 2019".
pub fn course_name(programme_name: &str, start: NaiveDate) -> String {
    let term = if start.month() >= 7 { "høst" } else { "vår" };
    format!("{programme_name}, {term} {}", start.year())
}

/// Unix seconds of a wall-clock time on a day in the organisation's country.
pub fn moment(country: Country, day: NaiveDate, time: NaiveTime) -> i64 {
    let zone = country.timezone();
    let local = day.and_time(time);
    zone.from_local_datetime(&local)
        .earliest()
        // In the hour skipped when clocks go forward, the hour after.
        .or_else(|| zone.from_local_datetime(&(local + Duration::hours(1))).earliest())
        .map_or_else(|| local.and_utc().timestamp(), |at| at.timestamp())
}

/// A request id as the web layer makes them (12 random bytes, URL-safe base64), from the
/// data set's random source.
pub fn request_id(rng: &mut impl Rng) -> String {
    let mut bytes = [0u8; 12];
    rng.fill(&mut bytes);
    data_encoding::BASE64URL_NOPAD.encode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_reference_day_comes_from_the_seed_alone() {
        assert_eq!(reference_day(1), reference_day(1));
        assert_eq!(reference_day(1), day(2026, 1, 13));
        for seed in [0, 7, 139, 140, u64::MAX] {
            let today = reference_day(seed);
            assert!(today >= day(2026, 1, 12) && today < day(2026, 6, 1), "{today}");
        }
    }

    #[test]
    fn each_organisation_draws_from_its_own_seed() {
        assert_eq!(organisation_seed(1, 5), organisation_seed(1, 5));
        let seeds: std::collections::BTreeSet<u64> =
            (0..300).flat_map(|n| [organisation_seed(1, n), organisation_seed(2, n)]).collect();
        assert_eq!(seeds.len(), 600);
    }

    #[test]
    fn organisations_are_municipalities_with_a_hospital_every_fiftieth() {
        assert_eq!(
            organisation(1),
            SyntheticOrganisation {
                slug: "kommune-001".into(),
                name: "Kommune 001".into(),
                kind: OrganisationKind::Municipality
            }
        );
        assert_eq!(organisation(50).name, "Sykehus 01");
        assert_eq!(organisation(50).kind, OrganisationKind::Hospital);
        assert_eq!(organisation(51).name, "Kommune 050");
        assert_eq!(organisation(300).slug, "sykehus-06");
        let slugs: std::collections::BTreeSet<String> = (1..=300).map(|n| organisation(n).slug).collect();
        assert_eq!(slugs.len(), 300, "every slug is its own");
        assert!(!slugs.contains(OPERATOR_SLUG));
        let hospitals = (1..=300).filter(|n| organisation(*n).kind == OrganisationKind::Hospital).count();
        assert_eq!(hospitals, 6);
    }

    #[test]
    fn organisations_are_spread_over_norways_counties_by_their_municipalities() {
        assert_eq!(region(7), region(7), "the same number, the same county");
        let placed: Vec<Region> = (1..=300).map(region).collect();
        assert!(placed.iter().all(|r| r.country() == Country::Norway));
        let count = |wanted: Region| placed.iter().filter(|r| **r == wanted).count();
        assert!(count(Region::Innlandet) > 20, "many municipalities, many organisations");
        assert!(count(Region::Vestfold) < 15, "few municipalities, few organisations");
        let empty: Vec<Region> = Region::of(Country::Norway).filter(|r| count(*r) == 0).collect();
        assert!(empty.iter().all(|r| *r == Region::Oslo), "only Oslo (one municipality) may be left out: {empty:?}");
        assert_eq!(OrganisationKind::Hospital.service_kind(), organisations::OrganisationKind::Hospital);
    }

    #[test]
    fn about_ten_courses_a_year_from_programmes_the_kind_runs() {
        let mut rng = StdRng::seed_from_u64(3);
        let draws: Vec<u32> = (0..2000).map(|_| courses_in_year(OrganisationKind::Municipality, &mut rng)).collect();
        let mean = draws.iter().sum::<u32>() as f64 / draws.len() as f64;
        assert!((9.5..=10.5).contains(&mean), "{mean}");
        for _ in 0..200 {
            let slug = programme(OrganisationKind::Hospital, &mut rng);
            assert!(HOSPITAL_PROGRAMMES.iter().any(|(s, _)| *s == slug));
        }
        let shipped: Vec<&str> = crate::programmes::shipped::SHIPPED.iter().map(|(slug, _)| *slug).collect();
        for (slug, _) in MUNICIPALITY_PROGRAMMES.iter().chain(HOSPITAL_PROGRAMMES.iter()) {
            assert!(shipped.contains(slug), "{slug} is shipped");
        }
    }

    #[test]
    fn courses_start_on_a_weekday_in_term_time() {
        let mut rng = StdRng::seed_from_u64(5);
        for _ in 0..2000 {
            let start = course_start(day(2020, 1, 1), 365, &mut rng);
            assert!(start.weekday().num_days_from_monday() < 4, "{start}");
            assert_ne!(start.month(), 7, "{start}");
            assert!(!(start.month() == 12 && start.day() > 21), "{start}");
        }
    }

    #[test]
    fn ages_follow_the_bands_and_birth_dates_give_that_age() {
        let mut rng = StdRng::seed_from_u64(11);
        let bands = [AgeBand { min: 8, max: Some(12) }, AgeBand { min: 12, max: Some(16) }];
        for _ in 0..100 {
            let (low, high) = child_ages(&bands, &mut rng);
            assert!((low, high) == (8, 12) || (low, high) == (12, 16));
        }
        assert_eq!(child_ages(&[], &mut rng), (8, 12));
        assert_eq!(child_ages(&[AgeBand { min: 18, max: None }], &mut rng), (18, 22));
        let on = day(2024, 3, 1);
        for age in [8, 12, 40] {
            for _ in 0..50 {
                let born = birth_date(age, on, &mut rng);
                assert_eq!(crate::intake::consent::age_on(born, on), age);
            }
        }
    }

    #[test]
    fn most_marks_are_present_and_the_rate_decides_the_absences() {
        let mut rng = StdRng::seed_from_u64(13);
        let marks: Vec<Attendance> = (0..10_000).map(|_| attendance(0.10, &mut rng)).collect();
        let away = marks.iter().filter(|a| a.is_absence()).count() as f64 / marks.len() as f64;
        assert!((0.08..=0.12).contains(&away), "{away}");
        assert!(marks.iter().filter(|a| **a == Attendance::Present).count() > 8000);
    }

    #[test]
    fn moments_are_in_the_organisations_time_zone() {
        let five = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
        // 17:00 in Oslo is 16:00 UTC in winter and 15:00 UTC in summer.
        assert_eq!(moment(Country::Norway, day(2026, 1, 13), five), 1_768_320_000);
        assert_eq!(moment(Country::Norway, day(2026, 6, 16), five), 1_781_622_000);
        let skipped = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(
            moment(Country::Norway, day(2026, 3, 29), skipped),
            moment(Country::Norway, day(2026, 3, 29), NaiveTime::from_hms_opt(3, 30, 0).unwrap())
        );
    }

    #[test]
    fn the_same_seed_draws_the_same() {
        let draw = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            (person_name(surname(&mut rng), &mut rng), phone(&mut rng), request_id(&mut rng))
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
        assert_eq!(draw(1).2.len(), 16);
    }

    #[test]
    fn course_names_say_the_term() {
        assert_eq!(course_name("SMIL", day(2019, 9, 2)), "SMIL, høst 2019");
        assert_eq!(course_name("SMIL", day(2020, 1, 13)), "SMIL, vår 2020");
    }
}
