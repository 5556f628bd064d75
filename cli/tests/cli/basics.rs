//! The headless face of the binary: journal location, JSON output and one-line errors.

use std::process::Output;

use serde_json::Value;

use crate::support::Cli;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn version_prints_without_a_window() {
    let output = Cli::new().without_db().raw(&["--version"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.trim(), format!("careerlog {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_fresh_journal_is_created_in_the_data_dir_on_first_run() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let output = Cli::new()
        .without_db()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .raw(&["info", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = data.join("careerlog").join("journal.sqlite3");
    assert!(expected.is_file(), "no journal at {}", expected.display());
    let info: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(info["journal_path"], expected.display().to_string());
    assert_eq!(info["schema_version"], careerlog_core::store::SCHEMA_VERSION);
}

#[test]
fn db_flag_and_environment_choose_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let by_flag = dir.path().join("flag.sqlite3");
    let by_env = dir.path().join("env.sqlite3");
    let home = dir.path().join("home");
    let cli = Cli::new();

    let output = cli.without_db().env("HOME", &home).env("XDG_DATA_HOME", &home).raw(&[
        "--db",
        by_flag.to_str().unwrap(),
        "--json",
        "info",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(by_flag.is_file());

    let output = cli.without_db().env("CAREERLOG_DB", &by_env).env("HOME", &home).raw(&["info"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(by_env.is_file());
    assert!(String::from_utf8(output.stdout).unwrap().contains(by_env.to_str().unwrap()));
    assert!(!home.join("careerlog").exists(), "the default journal must not be touched");
}

#[test]
fn a_newer_journal_is_refused_with_one_line_and_left_untouched() {
    let cli = Cli::new();
    let db = cli.db();
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.pragma_update(None, "application_id", careerlog_core::store::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 4242).unwrap();
    }
    let before = std::fs::read(db).unwrap();
    let output = cli.raw(&["info"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("newer Career Log (schema 4242"), "{message}");
    assert_eq!(std::fs::read(db).unwrap(), before);
}

#[test]
fn a_usage_mistake_is_one_line_and_exit_code_two() {
    let output = Cli::new().without_db().raw(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("careerlog: "), "{message}");
}
