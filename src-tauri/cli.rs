//! The headless face: clap subcommands over the core, with `--json` for scripts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use careerlog_core::{paths, Journal};
use clap::{Parser, Subcommand};
use serde::Serialize;

#[derive(Debug, Parser)]
#[command(
    name = "careerlog",
    version,
    about = "Career Log: a private career journal. Without a subcommand it opens the window."
)]
pub struct Args {
    /// The journal file (default: the platform data dir, created on first run).
    #[arg(long, global = true, env = "CAREERLOG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the journal file, its schema version and the app version.
    Info,
}

pub fn journal_path(args: &Args) -> careerlog_core::Result<PathBuf> {
    match &args.db {
        Some(path) => Ok(path.clone()),
        None => paths::default_journal_path(),
    }
}

pub fn run(command: Command, path: &Path, json: bool) -> ExitCode {
    let outcome = Journal::open(path).and_then(|journal| match command {
        Command::Info => journal.info().map(|info| {
            let text = format!(
                "journal: {}\nschema:  {}\nsqlite:  {}\nversion: {}",
                info.journal_path, info.schema_version, info.sqlite_version, info.version
            );
            (to_json(&info), text)
        }),
    });
    match outcome {
        Ok((json_text, text)) => {
            println!("{}", if json { json_text } else { text });
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error.to_string()),
    }
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("plain data always serialises")
}

/// Reports an error as one line on stderr and returns the failing exit code.
pub fn fail(message: &str) -> ExitCode {
    let line = message.lines().collect::<Vec<_>>().join(" ");
    eprintln!("careerlog: {line}");
    ExitCode::FAILURE
}

/// Help and version go to stdout as clap prints them; a usage mistake is one line.
pub fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!("careerlog: {}", first.trim_start_matches("error: "));
            ExitCode::from(2)
        }
    }
}
