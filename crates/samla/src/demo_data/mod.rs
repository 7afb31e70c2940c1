//! `samla demo-data national`: a synthetic national database to measure samla on. Every
//! organisation is planned in memory from its own seeded random source (the rules are in
//! [`samla_domain::synthetic`]) and written through the store in one transaction, with the
//! audit rows the work would have left on the trail's chain; the next organisation is
//! planned while one is written. The installation's own organisation is the national
//! centre: it owns and shares the programmes, and every other organisation, placed in a
//! county, runs them in the centre's programme networks, so a year's statistics can be
//! published from them. The same arguments give the same data.

mod plan;
mod write;

use crate::audit_files;
use crate::config::Storage;
use anyhow::bail;
use clap::Args;
use plan::{Catalogue, Span};
use samla_domain::accounts::NewPassword;
use samla_domain::secrets::random_token;
use samla_domain::synthetic;
use samla_storage::{bulk, organisations, Store};
use std::sync::Arc;
use std::time::Instant;

#[derive(Args, Debug, Clone, Copy)]
pub struct NationalArgs {
    /// Organisations that run courses (municipalities, and every 50th a hospital), besides
    /// the installation's own.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=9999))]
    pub organisations: u32,
    /// Years of courses before the data set's last day.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub years: u32,
    /// The same seed gives the same data; it also chooses the data set's last day unless
    /// `--today` names it.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The data set's last day (YYYY-MM-DD), e.g. the real date, so that a leader's Today
    /// and this week's sessions have something to show. Courses run up to it and a little
    /// after, as on a real day.
    #[arg(long)]
    pub today: Option<chrono::NaiveDate>,
}

/// Progress is printed after every this many organisations.
const PROGRESS_EVERY: u32 = 10;

pub async fn national(storage: &Storage, store: &Store, args: NationalArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    {
        let mut conn = store.pool().acquire().await?;
        if bulk::has_courses(&mut conn).await? {
            bail!(
                "this database has courses already: demo data goes only into a new (or empty) database, so that it \
                 never mixes with real data"
            );
        }
        if organisations::find_by_slug(&mut conn, synthetic::OPERATOR_SLUG).await?.is_some() {
            bail!(
                "this database has an organisation `{}` already: demo data goes only into a new (or empty) database",
                synthetic::OPERATOR_SLUG
            );
        }
    }
    let today = args.today.unwrap_or_else(|| synthetic::reference_day(args.seed));
    let span = Span { today, years: args.years, organisations: args.organisations };
    println!(
        "writing {} organisations, courses of {} year(s) up to {} (seed {})",
        args.organisations, args.years, span.today, args.seed
    );
    let catalogue = Arc::new(Catalogue::shipped()?);
    // Nobody signs in as a generated person: one hash of a password nobody knows, made
    // once, serves every account.
    let password = NewPassword::parse("password", &random_token(24)).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let password_hash = password.hash();

    let operator = plan::operator(&span, args.seed);
    // The operator's organisation is the national centre whose shared programmes every
    // other organisation runs, in the centre's programme networks.
    let centre = write::organisation(store, &catalogue, &operator, password_hash.as_str(), None).await?.programmes;
    let plan_of = |number: u32| {
        let catalogue = catalogue.clone();
        tokio::task::spawn_blocking(move || plan::organisation(&catalogue, &span, args.seed, number))
    };
    let mut total = write::Written::default();
    let mut next = Some(plan_of(1));
    for number in 1..=args.organisations {
        let Some(planning) = next.take() else { break };
        let planned = planning.await?;
        next = (number < args.organisations).then(|| plan_of(number + 1));
        let written = write::organisation(store, &catalogue, &planned, password_hash.as_str(), Some(&centre)).await?;
        total.courses += written.courses;
        total.attendance += written.attendance;
        total.audit += written.audit;
        if number.is_multiple_of(PROGRESS_EVERY) || number == args.organisations {
            println!(
                "{number}/{} organisations: {} courses, {} attendance lines, {} audit rows, {:.1} s",
                args.organisations,
                total.courses,
                total.attendance,
                total.audit,
                started.elapsed().as_secs_f64()
            );
        }
    }
    store.refresh_statistics_after_bulk_load().await?;
    let anchor = samla_web::services::audit::anchor(store, samla_web::Clock::default().now()).await?;
    audit_files::write_anchor(&storage.data_dir, &anchor, "demo data written")?;
    let mut conn = store.pool().acquire().await?;
    for (table, rows) in bulk::counts(&mut conn).await? {
        println!("{table:<22} {rows:>10}");
    }
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
