//! The `samla` binary: reads configuration, then serves or runs one administrative
//! command. Everything else lives in the library crates.

mod audit_files;
mod cli;
mod config;
mod demo_data;
mod server;
mod store;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("samla: cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("samla: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Structured logs to stderr; `SAMLA_LOG` (e.g. `debug`) sets the level, `SAMLA_LOG_FORMAT=json`
/// switches to JSON lines.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAMLA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if std::env::var("SAMLA_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}
