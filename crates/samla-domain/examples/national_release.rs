//! Benchmark (prints figures; not a test): building a programme's yearly statistics
//! release at national size, with disclosure control on every table of persons, then a
//! correction of it. Run by `scripts/bench/statistics.sh`.
//!
//!   national_release [ORGANISATIONS] [COURSES_PER_ORGANISATION]   (default 300 and 8)
//!
//! The data are synthetic and seeded (the same every run): organisations spread over the
//! fifteen Norwegian counties, each with courses in spring and autumn of five to twelve
//! participants, mostly children, a tenth dropping out, recruitment channels drawn from
//! the defaults and now and then none.

use chrono::NaiveDate;
use samla_domain::intake::household::Sex;
use samla_domain::organisations::{OrganisationKind, Region};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::reports::disclosure::Shown;
use samla_domain::reports::national::{
    build, CountedUnit, CourseFact, Facts, ParticipantFact, ReleaseContents, WaitingFact,
};
use samla_domain::reports::tables::{Half, Term};
use samla_domain::running::dropout::DropoutReason;
use std::time::Instant;

/// A small seeded generator (xorshift64*), so the figures do not depend on a crate.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const CHANNELS: [&str; 8] =
    ["school", "gp", "school_nurse", "internet", "family_friends", "child_welfare", "nav", "own"];

fn data(organisations: i64, courses_per: u64, year: i32) -> (Vec<CountedUnit>, Facts) {
    let mut random = Seeded(0x5eed_2026);
    let regions: Vec<Region> = Region::of(samla_domain::calendar::Country::Norway).collect();
    let units: Vec<CountedUnit> = (1..=organisations)
        .map(|id| CountedUnit {
            organisation_id: id,
            name: format!("Organisasjon {id}"),
            region: regions[random.below(regions.len() as u64) as usize],
            kind: if id % 20 == 0 { OrganisationKind::Hospital } else { OrganisationKind::Municipality },
        })
        .collect();
    let mut participants = Vec::new();
    let mut courses = Vec::new();
    for unit in &units {
        for course in 0..courses_per {
            let month = if course % 2 == 0 { 2 } else { 9 };
            let start = NaiveDate::from_ymd_opt(year, month, 1 + random.below(25) as u32).expect("a day");
            courses.push(CourseFact { organisation_id: unit.organisation_id, start, status: CourseStatus::Completed });
            for _ in 0..5 + random.below(8) {
                let age = if random.below(10) < 8 { 6 + random.below(12) } else { 20 + random.below(45) } as i32;
                let birth = NaiveDate::from_ymd_opt(year - age, 1 + random.below(12) as u32, 1);
                let channel = random.below(10);
                participants.push(ParticipantFact {
                    organisation_id: unit.organisation_id,
                    course_start: start,
                    course_status: CourseStatus::Completed,
                    birth_date: birth,
                    dropped_out: random.below(10) == 0,
                    channel: CHANNELS.get(channel as usize).map(|c| c.to_string()),
                    sex: [Some(Sex::Female), Some(Sex::Male), None, Some(Sex::Other)][random.below(4) as usize],
                    applied_on: Some(start - chrono::Duration::days(random.below(300) as i64)),
                    dropout_reason: DropoutReason::ALL.get(random.below(8) as usize).copied(),
                    sessions_recorded: 10,
                    sessions_attended: random.below(11) as u32,
                });
            }
        }
    }
    let mut waiting = Vec::new();
    for unit in &units {
        for half in [Half::Spring, Half::Autumn] {
            let term = Term { year, half };
            let first = samla_domain::reports::national::term_start(term);
            for _ in 0..random.below(12) {
                let applied_on = first - chrono::Duration::days(1 + random.below(400) as i64);
                waiting.push(WaitingFact { organisation_id: unit.organisation_id, term, applied_on });
            }
        }
    }
    (units, Facts { participants, courses, waiting, ..Facts::default() })
}

fn summary(release: &ReleaseContents) -> String {
    release
        .tables
        .iter()
        .map(|t| {
            let published = t.shown.iter().filter(|s| **s == Shown::Published).count();
            let suppressed = t.shown.iter().filter(|s| matches!(s, Shown::Suppressed(_))).count();
            let withheld = if t.withheld {
                ", WITHHELD"
            } else if t.kept_from.is_some() {
                ", kept as first published"
            } else {
                ""
            };
            format!("    {:<30} {published:>7} published {suppressed:>7} suppressed{withheld}", t.kind.as_str())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let organisations: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(300);
    let courses_per: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(8);
    let year = 2025;
    let (units, facts) = data(organisations, courses_per, year);
    println!(
        "national release: {organisations} organisations, {} courses, {} participants, {} waiting",
        facts.courses.len(),
        facts.participants.len(),
        facts.waiting.len()
    );
    let started = Instant::now();
    let first = build(year, units.clone(), &facts, None);
    println!("  first release built in {:.2} s", started.elapsed().as_secs_f64());
    println!("{}", summary(&first));
    let stored = serde_json::to_string(&first).expect("JSON");
    println!("  stored as {} kB of JSON", stored.len() / 1024);

    // A correction: one participant more at every tenth organisation.
    let mut corrected = facts.clone();
    corrected.participants.extend(
        facts.participants.iter().filter(|p| p.organisation_id % 10 == 0).take(organisations as usize / 10).cloned(),
    );
    let started = Instant::now();
    let second = build(year, units, &corrected, Some(&first));
    println!("  correction built in {:.2} s", started.elapsed().as_secs_f64());
    println!("{}", summary(&second));
}
