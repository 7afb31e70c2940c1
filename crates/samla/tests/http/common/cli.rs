//! The `samla` binary run by the tests, pointed at a scratch database, as an operator
//! runs it.

use super::ScratchDatabase;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

/// The password of the administrator [`Samla::add_organisation_with_admin`] makes.
pub const PASSWORD: &str = "lange netter ved fjorden";

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The binary pointed at one data directory (and database).
pub struct Samla<'a> {
    pub data_dir: &'a Path,
    pub database_url: Option<&'a str>,
}

impl<'a> Samla<'a> {
    pub fn new(db: &'a ScratchDatabase) -> Samla<'a> {
        Samla { data_dir: &db.dir.0, database_url: db.url.as_deref() }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_samla"));
        command.arg("--data-dir").arg(self.data_dir).args(args);
        for name in [
            "SAMLA_DATA_DIR",
            "SAMLA_DATABASE_URL",
            "SAMLA_BIND",
            "SAMLA_PUBLIC_URL",
            "SAMLA_LOG_FORMAT",
            "SAMLA_AUDIT_KEY",
        ] {
            command.env_remove(name);
        }
        if let Some(url) = self.database_url {
            command.env("SAMLA_DATABASE_URL", url);
        }
        command.env("SAMLA_LOG", "warn").kill_on_drop(true);
        command
    }

    pub async fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the samla binary starts");
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).await.unwrap();
        }
        drop(input);
        tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
            .await
            .expect("the command finishes")
            .expect("output")
    }

    /// Runs a command that must succeed; returns its standard output.
    pub async fn ok(&self, args: &[&str], stdin: Option<&str>) -> String {
        let output = self.run(args, stdin).await;
        assert!(output.status.success(), "samla {args:?} failed: {}", text(&output.stderr));
        text(&output.stdout)
    }

    /// Organisation `sk` with the administrator ada@sk.no (password [`PASSWORD`]).
    pub async fn add_organisation_with_admin(&self) {
        self.ok(&["org", "add", "--slug", "sk", "--name", "Sørkommune"], None).await;
        let admin = ["user", "add", "--org", "sk", "--email", "ada@sk.no", "--name", "Ada", "--role", "admin"];
        self.ok(&[&admin[..], &["--password-stdin"]].concat(), Some(PASSWORD)).await;
    }
}
