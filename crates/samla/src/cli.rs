use crate::audit_files;
use crate::config::Storage;
use crate::demo_data::{self, NationalArgs};
use crate::server::{self, ServeArgs};
use crate::store::open;
use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use samla_domain::audit::{utc_time, ChainBreak};
use samla_domain::programmes::Manual;
use samla_storage::Store;
use samla_web::services::{audit, programmes, setup};
use samla_web::WebError;
use std::io::Read;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "samla", version, about = "Group-based learning and coping programmes, from plan to report")]
pub struct Cli {
    #[command(flatten)]
    pub storage: StorageArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct StorageArgs {
    /// Where samla keeps its data (the SQLite database, backups).
    #[arg(long, global = true, env = "SAMLA_DATA_DIR", default_value = "./samla-data")]
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; unset means `samla.db` in the data directory.
    #[arg(long, global = true, env = "SAMLA_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Runs the web server (pages and API).
    Serve(ServeArgs),
    /// Creates or updates the database schema.
    Migrate,
    /// Organisations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// People with accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Personal access tokens for the API.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Copies the SQLite database to a file (for PostgreSQL use pg_dump).
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Restores a backup into an empty data directory.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// The programme library: import and export manuals.
    Programmes {
        #[command(subcommand)]
        command: ProgrammesCommand,
    },
    /// Synthetic data to measure samla on, written into a new (or empty) database.
    DemoData {
        #[command(subcommand)]
        command: DemoDataCommand,
    },
    /// Prints a country's public holidays, one `YYYY-MM-DD key` line each, in date order.
    Holidays {
        /// NO or DK.
        #[arg(long)]
        country: String,
        #[arg(long)]
        from_year: i32,
        #[arg(long)]
        to_year: i32,
    },
}

#[derive(Subcommand)]
pub enum DemoDataCommand {
    /// A national database: organisations with their staff, years of courses with their
    /// sessions, families and attendance, and the audit trail of that work. The same
    /// arguments give the same data; refused on a database that has courses.
    National(NationalArgs),
}

#[derive(Subcommand)]
pub enum ProgrammesCommand {
    /// Imports a manual (TOML or JSON) into an organisation: a new programme, or a new
    /// version of the organisation's own programme with the same slug. A file with
    /// errors imports nothing; every problem is printed with its place.
    Import {
        file: PathBuf,
        /// The organisation's slug.
        #[arg(long)]
        org: String,
        /// Shares the programme with every organisation.
        #[arg(long)]
        shared: bool,
    },
    /// Prints the current manual of a programme the organisation can see.
    Export {
        /// The organisation's slug.
        #[arg(long)]
        org: String,
        /// The programme's slug.
        #[arg(long)]
        slug: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Toml)]
        format: ExportFormat,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Toml,
    Json,
    /// A FHIR R4 PlanDefinition (JSON).
    Fhir,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    Add {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "NO")]
        country: String,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Adds a person with a role; the password is read from standard input.
    Add {
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Prints a new token alone on the last line.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        label: String,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Checks the audit trail against the audit key and the anchors: names the first row
    /// that was edited or removed, and says when rows were cut from the end.
    Verify {
        /// The anchors file to check against (default: `audit-anchors` in the data
        /// directory), e.g. a copy from another instance sharing the database.
        #[arg(long)]
        anchors: Option<PathBuf>,
    },
    /// Writes the trail's head to the anchors file and the log now (`samla serve` does so
    /// at start, daily and at stop).
    Anchor,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Holidays { country, from_year, to_year } = &cli.command {
        return print_holidays(country, *from_year, *to_year);
    }
    let storage = Storage::resolve(&cli.storage.data_dir, cli.storage.database_url.as_deref())?;
    match cli.command {
        Command::Serve(args) => server::serve(storage, args).await,
        Command::Restore { from } => restore(&storage, &from),
        command => {
            let store = open(&storage).await?;
            let result = run_admin(&storage, &store, command).await;
            store.close().await;
            result
        }
    }
}

fn now() -> i64 {
    samla_web::Clock::default().now()
}

async fn run_admin(storage: &Storage, store: &Store, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Migrate => println!("database is up to date"),
        Command::Org { command: OrgCommand::Add { slug, name, country } } => {
            let id = setup::add_organisation(store, &slug, &name, &country, now()).await.map_err(explain)?;
            println!("organisation {slug} created (id {id})");
        }
        Command::User { command: UserCommand::Add { org, email, name, role, .. } } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password).context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']);
            let id = setup::add_user(store, &org, &email, &name, &role, setup::InitialPassword::Typed(password), now())
                .await
                .map_err(explain)?;
            println!("user {email} has role {role} in {org} (id {id})");
        }
        Command::Token { command: TokenCommand::Create { email, label } } => {
            let token = setup::create_token_for(store, &email, &label, now()).await.map_err(explain)?;
            println!("token created for {email}; it is shown once:");
            println!("{token}");
        }
        Command::Backup { to } => {
            if !storage.is_sqlite() {
                bail!("backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see the README)");
            }
            if to.exists() {
                bail!("{} exists already; choose a new file", to.display());
            }
            store.backup_sqlite(&to.to_string_lossy()).await?;
            println!("backup written to {}", to.display());
        }
        Command::Audit { command: AuditCommand::Verify { anchors } } => {
            let path = anchors.unwrap_or_else(|| audit_files::anchors_path(&storage.data_dir));
            verify_audit(store, &path).await?;
        }
        Command::Audit { command: AuditCommand::Anchor } => {
            let anchor = audit::anchor(store, now()).await?;
            audit_files::write_anchor(&storage.data_dir, &anchor, "asked for")?;
            println!("{}", anchor.line());
        }
        Command::Programmes { command: ProgrammesCommand::Import { file, org, shared } } => {
            let manual = read_manual(&file)?;
            let imported = programmes::import_file(store, &org, manual, shared, now()).await.map_err(explain)?;
            let unchanged = if imported.outcome == programmes::ImportOutcome::Unchanged { ", unchanged" } else { "" };
            println!("programme imported into {org} (id {}, version {}{unchanged})", imported.id, imported.version);
        }
        Command::Programmes { command: ProgrammesCommand::Export { org, slug, format } } => {
            let (manual, version) = programmes::export_file_version(store, &org, &slug).await.map_err(explain)?;
            let text = match format {
                ExportFormat::Toml => manual.to_toml(),
                ExportFormat::Json => serde_json::to_string_pretty(&manual)? + "\n",
                ExportFormat::Fhir => {
                    serde_json::to_string_pretty(&samla_domain::programmes::fhir::plan_definition(&manual, version))?
                        + "\n"
                }
            };
            print!("{text}");
        }
        Command::DemoData { command: DemoDataCommand::National(args) } => {
            demo_data::national(storage, store, args).await?;
        }
        Command::Serve(_) | Command::Restore { .. } | Command::Holidays { .. } => unreachable!("handled in run"),
    }
    Ok(())
}

/// `samla audit verify`: the trail against the key, the seal and the anchors at `path`.
async fn verify_audit(store: &Store, path: &std::path::Path) -> anyhow::Result<()> {
    let lines = audit_files::read_anchors(path)?;
    let mut anchors = Vec::new();
    for (line, anchor) in lines.iter().flatten() {
        match anchor {
            Some(anchor) => anchors.push((*line, anchor.clone())),
            None => bail!("audit trail cannot be checked: {}", ChainBreak::AnchorUnreadable { line: *line }),
        }
    }
    let verified = match audit::verify(store, anchors).await? {
        Ok(verified) => verified,
        Err(broken) => bail!("audit trail broken: {broken}"),
    };
    if lines.is_none() && verified.rows > 0 {
        bail!(
            "audit trail rows 1 to {} verify with the audit key, but there are no anchors at {}, so rows cut from \
             the end cannot be detected. Point --anchors at the anchors file of the data directory the database \
             ran with, or start anchoring anew with `samla audit anchor`",
            verified.rows,
            path.display()
        );
    }
    println!("audit trail intact: {} rows", verified.rows);
    if verified.legacy_rows > 0 {
        println!(
            "rows 1 to {} were written before the audit key: they keep their unkeyed hashes, pinned by the seal",
            verified.legacy_rows
        );
    }
    match &verified.last_anchor {
        Some(last) => println!(
            "anchors: {} in {}; the last, of {}, covers {} rows; {} rows written since",
            verified.anchors,
            path.display(),
            utc_time(last.at),
            last.rows(),
            verified.unanchored_rows()
        ),
        None => println!("anchors: none yet in {}", path.display()),
    }
    Ok(())
}

/// Reads a manual from a TOML or JSON file (by extension, else by content) and validates
/// it; every problem is printed on its own line with its place.
fn read_manual(file: &std::path::Path) -> anyhow::Result<Manual> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let is_json = match extension.as_str() {
        "json" => true,
        "toml" => false,
        _ => bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
    };
    let parsed = if is_json {
        Manual::from_json(&bytes)
    } else {
        let text = String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", file.display()))?;
        Manual::from_toml(&text)
    };
    parsed.map_err(|errors| {
        for error in &errors.0 {
            eprintln!("{}: {}: {}", file.display(), error.path, error.message);
        }
        anyhow::anyhow!("{} has {} problem(s); nothing was imported", file.display(), errors.0.len())
    })
}

/// `samla holidays`: public holidays, computed as schedules use them.
fn print_holidays(country: &str, from_year: i32, to_year: i32) -> anyhow::Result<()> {
    use std::io::Write;
    let Some(country) = samla_domain::calendar::Country::parse(country) else {
        bail!("--country: NO or DK");
    };
    if !(1583..=9999).contains(&from_year) || !(from_year..=9999).contains(&to_year) {
        bail!("--from-year and --to-year: Gregorian years from 1583 to 9999, the first not after the last");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for year in from_year..=to_year {
        for holiday in samla_domain::calendar::public_holidays(country, year) {
            writeln!(out, "{} {}", holiday.date.format("%Y-%m-%d"), holiday.key)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Restores a SQLite backup into a data directory that has no database yet.
fn restore(storage: &Storage, from: &std::path::Path) -> anyhow::Result<()> {
    let Some(target) = storage.sqlite_path() else {
        bail!("restore fills the embedded SQLite database; for PostgreSQL use pg_restore (see the README)");
    };
    if target.exists() {
        bail!("{} exists already; restore only into an empty data directory", target.display());
    }
    if !from.is_file() {
        bail!("{} is not a file", from.display());
    }
    std::fs::copy(from, &target).with_context(|| format!("cannot copy {}", from.display()))?;
    println!("restored {} into {}", from.display(), target.display());
    let key = audit_files::key_path(&storage.data_dir);
    if !key.exists() && std::env::var(audit_files::KEY_VARIABLE).map_or(true, |v| v.trim().is_empty()) {
        println!(
            "the audit trail is kept with its audit key: copy the key you keep apart from the backups to {} (or set \
             {}) before the next command, and the anchors file to {} to check for rows lost since",
            key.display(),
            audit_files::KEY_VARIABLE,
            audit_files::anchors_path(&storage.data_dir).display()
        );
    }
    Ok(())
}

/// A readable message for a refused command.
fn explain(error: WebError) -> anyhow::Error {
    match error {
        WebError::Invalid(errors) => {
            let i18n = samla_web::I18n::load();
            let lines: Vec<String> = errors
                .0
                .iter()
                .map(|e| {
                    let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
                    format!(
                        "--{}: {}",
                        e.field.replace('_', "-"),
                        i18n.text(samla_domain::accounts::Language::English, e.code, &args)
                    )
                })
                .collect();
            anyhow::anyhow!("{}", lines.join("; "))
        }
        WebError::Taken(field) => anyhow::anyhow!("--{field} is already in use"),
        WebError::NotFound => anyhow::anyhow!("not found"),
        other => anyhow::anyhow!("{other:?}"),
    }
}
