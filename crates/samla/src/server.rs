use crate::audit_files;
use crate::config::Storage;
use crate::store::open;
use anyhow::Context;
use clap::Args;
use samla_domain::audit::anchor::anchor_due;
use samla_web::services::{outbox, setup};
use samla_web::{outbox_worker, AppState, Clock, MailSettings, WebConfig};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SAMLA_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Fills the database with a demo organisation and one account per role.
    #[arg(long)]
    pub demo: bool,
    /// The address people use, e.g. https://samla.kommune.no (defaults to http://BIND).
    #[arg(long, env = "SAMLA_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The SMTP server mail is sent through: smtp://HOST:PORT, smtp://HOST:587?tls=required
    /// (STARTTLS) or smtps://USER:PASSWORD@HOST (TLS). Unset: mail stays in the outbox.
    #[arg(long, env = "SAMLA_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of every mail.
    #[arg(long, env = "SAMLA_MAIL_FROM", default_value = samla_web::outbox_worker::DEFAULT_FROM)]
    pub mail_from: String,
    /// How often (seconds) the outbox is checked for due mail besides when mail is queued.
    #[arg(long, env = "SAMLA_OUTBOX_POLL_SECONDS", default_value_t = samla_web::outbox_worker::DEFAULT_POLL_SECONDS,
        value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub outbox_poll_seconds: u64,
}

/// How long a stopping server waits for the outbox worker to finish the message it is
/// sending; a message cut off is sent again when its lease runs out.
const HOUSEKEEPING_SECONDS: u64 = 300;
const WORKER_STOP_SECONDS: u64 = 10;

pub async fn serve(storage: Storage, args: ServeArgs) -> anyhow::Result<()> {
    let shutdown = shutdown_signal();
    let store = open(&storage).await?;
    let clock = Clock::default();
    let listener =
        tokio::net::TcpListener::bind(&args.bind).await.with_context(|| format!("cannot listen on {}", args.bind))?;
    let local = listener.local_addr()?;
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{local}"));

    let config = WebConfig { public_url: public_url.clone(), test_clock: false };
    let mail = MailSettings {
        smtp_url: args.smtp_url.clone().filter(|url| !url.trim().is_empty()),
        from: args.mail_from.clone(),
        poll_seconds: args.outbox_poll_seconds,
    };
    let sends_mail = mail.smtp_url.is_some();
    let state = AppState::new(store.clone(), config, clock.clone()).with_mail(mail).map_err(anyhow::Error::msg)?;
    // Every organisation gets the shipped questionnaires, and a changed shipped file a new
    // version of its questionnaire (before the demo, whose evaluations use them; a new demo
    // organisation gets them when it is made).
    samla_web::services::questionnaires::library::install_shipped_everywhere(&state)
        .await
        .map_err(|e| anyhow::anyhow!("installing the shipped questionnaires: {e:?}"))?;
    // …and the shipped programme manuals, a new edition reaching every copy left as shipped.
    let started = std::time::Instant::now();
    let installed = samla_web::services::programmes::install_shipped_everywhere(
        &store,
        samla_domain::programmes::shipped::SHIPPED,
        clock.now(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("installing the shipped programmes: {e:?}"))?;
    tracing::info!(installed, elapsed_ms = started.elapsed().as_millis() as u64, "shipped programmes are up to date");
    if args.demo {
        let accounts = setup::seed_demo(&store, clock.now()).await.map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
        setup::seed_demo_planning(&state).await.map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
        seed_demo_outbox(&state).await.map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
        println!("samla demo at {public_url} — log in with any of these (new passwords at every start):");
        for (role, email, password) in accounts {
            println!("demo account: role={role} email={email} password={password}");
        }
    }
    refresh_statistics(&store).await;
    if let Some(secret) = setup::setup_link_if_needed(&store, clock.now()).await? {
        tracing::warn!("no administrator yet");
        println!(
            "No administrator yet. Within {} minutes, open {public_url}/setup/{secret} to create the first one \
             (or use `samla user add`).",
            setup::SETUP_LINK_SECONDS / 60
        );
    }

    if sends_mail {
        tracing::info!(poll_seconds = args.outbox_poll_seconds, "outbox: mail is sent over SMTP");
    } else {
        tracing::warn!("SAMLA_SMTP_URL is not set: mail stays queued in the outbox and is not sent");
    }
    let stop_worker = Arc::new(Notify::new());
    let mut worker = tokio::spawn(outbox_worker::run(state.clone(), {
        let stop = stop_worker.clone();
        async move { stop.notified().await }
    }));

    // The trail's head as the server starts, daily while it runs (housekeeping) and as
    // it stops.
    write_anchor(&state, &storage, "start").await?;
    let housekeeping = tokio::spawn(housekeeping(state.clone(), storage.clone()));
    let app = samla_web::app(state.clone());
    tracing::info!(address = %local, "samla is listening");
    let served = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await;
    // A stored permit: the worker stops at its next wait even if it is sending now.
    stop_worker.notify_one();
    if tokio::time::timeout(Duration::from_secs(WORKER_STOP_SECONDS), &mut worker).await.is_err() {
        worker.abort();
        tracing::warn!("outbox: the worker did not stop in time; unsent mail stays queued");
    }
    // Each round is one transaction, so stopping between or during rounds loses nothing.
    housekeeping.abort();
    let _ = housekeeping.await;
    let anchored = write_anchor(&state, &storage, "stop").await;
    served?;
    anchored?;
    store.close().await;
    tracing::info!("samla stopped");
    Ok(())
}

/// Rules that take effect with time: offers not answered by their deadline lapse,
/// reminders and questionnaire invitations go out, the results of questionnaire rounds
/// past their last day are released, the texts of mail that failed over a week ago are
/// erased, saved answers to retried API calls are forgotten after a day, and once a day
/// the records past their retention rule are removed, the audit trail's head is anchored
/// and the database's statistics refreshed.
async fn housekeeping(state: AppState, storage: Storage) {
    let mut anchored_at = state.clock.now();
    // At start too: a server restarted more often than daily still removes what is due.
    let mut retention_at: Option<i64> = None;
    loop {
        if retention_at.is_none_or(|at| anchor_due(at, state.clock.now())) {
            retention_at = Some(state.clock.now());
            match samla_web::services::privacy::retention::remove_due(&state).await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(removed, "retention: records past their rule removed"),
                Err(error) => tracing::error!(?error, "retention: removing records failed; trying again tomorrow"),
            }
        }
        if anchor_due(anchored_at, state.clock.now()) {
            refresh_statistics(&state.store).await;
            match write_anchor(&state, &storage, "daily").await {
                Ok(()) => anchored_at = state.clock.now(),
                Err(error) => {
                    tracing::error!(error = %format!("{error:#}"), "audit: anchoring failed; trying again later")
                }
            }
        }
        match samla_web::services::intake::group::lapse_overdue_offers(&state).await {
            Ok(0) => {}
            Ok(lapsed) => tracing::info!(lapsed, "intake: offers past their deadline went back to the waitlist"),
            Err(error) => tracing::error!(?error, "intake: lapsing offers failed; trying again later"),
        }
        match samla_web::services::running::reminders::send_due(&state).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "running: reminders queued"),
            Err(error) => tracing::error!(?error, "running: sending reminders failed; trying again later"),
        }
        match samla_web::services::questionnaires::rounds::send_due(&state).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "questionnaires: invitations and reminders queued"),
            Err(error) => tracing::error!(?error, "questionnaires: sending invitations failed; trying again later"),
        }
        match samla_web::services::questionnaires::rounds::release_due(&state).await {
            Ok(0) => {}
            Ok(released) => tracing::info!(released, "questionnaires: results of closed rounds released"),
            Err(error) => tracing::error!(?error, "questionnaires: releasing results failed; trying again later"),
        }
        match outbox::erase_expired(&state).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "outbox: texts of messages failed over a week ago erased"),
            Err(error) => tracing::error!(?error, "outbox: erasing old texts failed; trying again later"),
        }
        match samla_web::services::idempotency::forget_expired(&state).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::debug!(forgotten, "api: saved answers to retried calls forgotten"),
            Err(error) => tracing::error!(?error, "api: forgetting saved answers failed; trying again later"),
        }
        tokio::time::sleep(Duration::from_secs(HOUSEKEEPING_SECONDS)).await;
    }
}

/// The planner's statistics, at start and daily: only a cost when they fail, so a failure
/// is logged and the server goes on.
async fn refresh_statistics(store: &samla_storage::Store) {
    let started = std::time::Instant::now();
    match store.refresh_statistics().await {
        Ok(()) => tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "database statistics refreshed"),
        Err(error) => tracing::warn!(?error, "refreshing the database's statistics failed; queries may plan worse"),
    }
}

/// Writes the audit trail's head, signed, to the anchors file and the log.
async fn write_anchor(state: &AppState, storage: &Storage, why: &str) -> anyhow::Result<()> {
    let anchor = samla_web::services::audit::anchor(&state.store, state.clock.now()).await?;
    audit_files::write_anchor(&storage.data_dir, &anchor, why)
}

/// The demo organisation's outbox gets one example message (once).
async fn seed_demo_outbox(state: &AppState) -> Result<(), samla_web::WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(samla_storage::StoreError::from)?;
    let organisation = samla_storage::organisations::find_by_slug(&mut conn, setup::DEMO_SLUG)
        .await?
        .ok_or(samla_web::WebError::NotFound)?;
    drop(conn);
    outbox::seed_demo(state, organisation.id, &organisation.name).await
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish before exit. The
/// handlers are installed when this is called, not when the future is first polled
/// (axum polls it in a task of its own), so a signal that comes as soon as the server
/// answers still stops it cleanly.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let (mut terminate, mut interrupt) = {
        use tokio::signal::unix::{signal, SignalKind};
        (signal(SignalKind::terminate()).ok(), signal(SignalKind::interrupt()).ok())
    };
    async move {
        #[cfg(unix)]
        {
            let terminate = async {
                match terminate.as_mut() {
                    Some(signal) => signal.recv().await,
                    None => std::future::pending().await,
                }
            };
            let interrupt = async {
                match interrupt.as_mut() {
                    Some(signal) => signal.recv().await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = terminate => {},
                _ = interrupt => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutting down");
    }
}
