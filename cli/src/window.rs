//! `careerlog` with no subcommand: replaces itself with the window binary installed beside
//! it, on the same journal, so the command line never links GTK or WebKit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The window binary's name; `make build` and the `.deb` put it beside `careerlog`.
pub const WINDOW_BINARY: &str = "careerlog-desktop";

/// Where the window binary is: beside this program (`target/release/`, `/usr/bin/`).
fn window_binary() -> std::io::Result<PathBuf> {
    Ok(std::env::current_exe()?.with_file_name(WINDOW_BINARY))
}

/// Starts the window on `db` (the journal the flag or `CAREERLOG_DB` named, else the
/// default one) with this process's environment; returns only if it could not start.
pub fn open(db: Option<&Path>) -> ExitCode {
    let binary = match window_binary() {
        Ok(binary) => binary,
        Err(error) => return super::fail(&format!("cannot find this program's folder: {error}")),
    };
    if !binary.is_file() {
        return super::fail(&format!(
            "the window is not installed: {} is missing (build it with `make build`, or \
             install the careerlog .deb)",
            binary.display()
        ));
    }
    let mut command = std::process::Command::new(&binary);
    if let Some(db) = db {
        command.arg("--db").arg(db);
    }
    exec(command, &binary)
}

#[cfg(unix)]
fn exec(mut command: std::process::Command, binary: &Path) -> ExitCode {
    use std::os::unix::process::CommandExt;
    // Same process, same pid: a launcher waiting on `careerlog` waits on the window.
    let error = command.exec();
    super::fail(&format!("cannot start {}: {error}", binary.display()))
}

#[cfg(not(unix))]
fn exec(mut command: std::process::Command, binary: &Path) -> ExitCode {
    match command.status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => super::fail(&format!("cannot start {}: {error}", binary.display())),
    }
}
