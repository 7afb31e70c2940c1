//! Times the queries a year's statistics releases gather their facts with (the ones
//! `services::statistics::publish` runs), for every programme an organisation owns, on
//! the database at a URL; prints the figures as one JSON object. The benchmark
//! `scripts/bench/national_statistics.py` runs it beside DuckDB's equivalents.
//!
//!     statistics_queries DATABASE_URL OWNER_SLUG YEAR RUNS
//!
//! Each run asks every query once per programme; a query's figure is the median over the
//! runs of its time summed over the programmes (a warm-up run first is not counted).

use chrono::NaiveDate;
use samla_domain::calendar::Country;
use samla_domain::reports::national::term_start;
use samla_domain::reports::tables::{Half, Term};
use samla_storage::{db, imported_courses, organisations, statistics, Store};
use sqlx::AnyConnection;
use std::collections::BTreeMap;
use std::time::Instant;

type Failure = Box<dyn std::error::Error>;

/// One query group as the benchmark names it: (seconds, rows it returned), per programme
/// summed.
#[derive(Default, Clone, Copy)]
struct Figure {
    seconds: f64,
    rows: usize,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, owner, year, runs] = args.as_slice() else {
        return Err("usage: statistics_queries DATABASE_URL OWNER_SLUG YEAR RUNS".into());
    };
    let year: i32 = year.parse()?;
    let runs: usize = runs.parse()?;
    let store = Store::connect(url).await?;
    let mut conn = store.pool().acquire().await?;
    let owner = organisations::find_by_slug(&mut conn, owner).await?.ok_or("no such organisation")?;
    let programmes: Vec<(i64,)> =
        db::all(&mut *conn, "SELECT id FROM programmes WHERE organisation_id = $1 ORDER BY id", (owner.id,)).await?;
    let programmes: Vec<i64> = programmes.into_iter().map(|(id,)| id).collect();
    let mut samples: BTreeMap<&'static str, Vec<Figure>> = BTreeMap::new();
    for run in 0..=runs {
        let mut totals: BTreeMap<&'static str, Figure> = BTreeMap::new();
        for programme in &programmes {
            for (name, figure) in one_programme(&mut conn, *programme, year).await? {
                let total = totals.entry(name).or_default();
                total.seconds += figure.seconds;
                total.rows += figure.rows;
            }
        }
        if run > 0 {
            for (name, figure) in totals {
                samples.entry(name).or_default().push(figure);
            }
        }
    }
    let mut out = serde_json::Map::new();
    for (name, mut figures) in samples {
        figures.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        let median = figures[figures.len() / 2];
        out.insert(name.to_string(), serde_json::json!({ "seconds": median.seconds, "rows": median.rows }));
    }
    out.insert("programmes".to_string(), programmes.len().into());
    println!("{}", serde_json::Value::Object(out));
    Ok(())
}

/// Each query group's time and rows for one programme's year.
async fn one_programme(
    conn: &mut AnyConnection,
    programme: i64,
    year: i32,
) -> Result<Vec<(&'static str, Figure)>, Failure> {
    let (first, next) = (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1));
    let (first, next) = (first.as_str(), next.as_str());
    let mut figures = Vec::new();

    let started = Instant::now();
    let units = statistics::counted_organisations(conn, programme).await?.len();
    figures.push(("counted_organisations", Figure { seconds: started.elapsed().as_secs_f64(), rows: units }));

    let started = Instant::now();
    let rows = statistics::participants(conn, programme, first, next).await?.len()
        + imported_courses::counted_participants(conn, programme, first, next).await?.len();
    figures.push(("participants", Figure { seconds: started.elapsed().as_secs_f64(), rows }));

    let started = Instant::now();
    let rows = statistics::attendance(conn, programme, first, next).await?.len();
    figures.push(("attendance", Figure { seconds: started.elapsed().as_secs_f64(), rows }));

    let started = Instant::now();
    let rows = statistics::courses(conn, programme, first, next).await?.len()
        + imported_courses::counted_courses(conn, programme, first, next).await?.len();
    figures.push(("courses", Figure { seconds: started.elapsed().as_secs_f64(), rows }));

    let started = Instant::now();
    let rows = statistics::leaders(conn, programme, first, next).await?.len();
    figures.push(("leaders", Figure { seconds: started.elapsed().as_secs_f64(), rows }));

    let started = Instant::now();
    let mut rows = 0;
    for half in [Half::Spring, Half::Autumn] {
        for country in Country::ALL {
            let Some(at) = local_midnight(term_start(Term { year, half }), country) else { continue };
            rows += statistics::waiting_at(conn, programme, country, at).await?.len();
        }
    }
    figures.push(("waiting", Figure { seconds: started.elapsed().as_secs_f64(), rows }));

    let started = Instant::now();
    let rows = statistics::released_responses(conn, programme, first, next).await?.len();
    figures.push(("responses", Figure { seconds: started.elapsed().as_secs_f64(), rows }));
    Ok(figures)
}

/// The first moment of a day where an organisation of `country` is, as the statistics
/// service asks the waitlist at.
fn local_midnight(day: NaiveDate, country: Country) -> Option<i64> {
    Some(day.and_hms_opt(0, 0, 0)?.and_local_timezone(country.timezone()).earliest()?.timestamp())
}
