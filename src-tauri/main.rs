//! Career Log: one binary, two faces. With no subcommand it opens the window; with one it
//! works headless on the same core and exits (0 on success, 1 with a one-line error).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod cli;
mod commands;
mod single;
mod startup;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let began = std::time::Instant::now();
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(error) => return cli::usage_error(error),
    };
    let path = match cli::journal_path(&args) {
        Ok(path) => path,
        Err(error) => return cli::fail(&error.to_string()),
    };
    match args.command {
        Some(command) => cli::run(command, &path, args.json),
        None => match app::run(path, began) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => cli::fail(&format!("the window could not start: {error}")),
        },
    }
}
