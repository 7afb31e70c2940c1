use crate::cli::{open, ServeArgs};
use crate::config::Storage;
use anyhow::Context;
use samla_web::services::setup;
use samla_web::{AppState, Clock, WebConfig};
use std::net::SocketAddr;

pub async fn serve(storage: Storage, args: ServeArgs) -> anyhow::Result<()> {
    let store = open(&storage).await?;
    let clock = Clock::default();
    let listener =
        tokio::net::TcpListener::bind(&args.bind).await.with_context(|| format!("cannot listen on {}", args.bind))?;
    let local = listener.local_addr()?;
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{local}"));

    let config = WebConfig { public_url: public_url.clone(), test_clock: false };
    let state = AppState::new(store.clone(), config, clock.clone());
    if args.demo {
        let accounts = setup::seed_demo(&store, clock.now()).await.map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
        setup::seed_demo_planning(&state).await.map_err(|e| anyhow::anyhow!("demo: {e:?}"))?;
        println!("samla demo at {public_url} — log in with any of these (new passwords at every start):");
        for (role, email, password) in accounts {
            println!("demo account: role={role} email={email} password={password}");
        }
    }
    if let Some(secret) = setup::setup_link_if_needed(&store, clock.now()).await? {
        tracing::warn!("no administrator yet");
        println!(
            "No administrator yet. Within {} minutes, open {public_url}/setup/{secret} to create the first one \
             (or use `samla user add`).",
            setup::SETUP_LINK_SECONDS / 60
        );
    }

    let app = samla_web::app(state);
    tracing::info!(address = %local, "samla is listening");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    store.close().await;
    tracing::info!("samla stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish before exit.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
