//! `careerlog-desktop`: Career Log's window on one journal. The command line is `careerlog`
//! (the `cli/` package), which starts this binary when it is given no subcommand.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod commands;
mod reminder;
mod rendering;
mod single;
mod startup;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "careerlog-desktop",
    version,
    about = "Career Log's window. For the command line, run `careerlog help`."
)]
struct Args {
    /// The journal file (default: the platform data dir, created on first run).
    #[arg(long, env = "CAREERLOG_DB", value_name = "PATH")]
    db: Option<PathBuf>,
}

fn fail(message: &str) -> ExitCode {
    eprintln!("careerlog: {}", message.lines().collect::<Vec<_>>().join(" "));
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let began = std::time::Instant::now();
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) if error.use_stderr() => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            return fail(&format!(
                "{} (the window takes only --db; the command line is `careerlog`)",
                first.trim_start_matches("error: ")
            ));
        }
        Err(error) => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
    };
    let path = match args.db {
        Some(path) => path,
        None => match careerlog_core::paths::default_journal_path() {
            Ok(path) => path,
            Err(error) => return fail(&error.to_string()),
        },
    };
    match app::run(path, began) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&format!("the window could not start: {error}")),
    }
}
