//! Whole-journal export and import, and the jrnl import, from the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn careerlog(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careerlog"))
        .arg("--db")
        .arg(db)
        .arg("--json")
        .args(args)
        .env_remove("CAREERLOG_DB")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> Value {
    let output = careerlog(db, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn paths(dir: &Path) -> (PathBuf, PathBuf, String) {
    (
        dir.join("a.sqlite3"),
        dir.join("b.sqlite3"),
        dir.join("journal.json").display().to_string(),
    )
}

#[test]
fn a_journal_moves_whole_and_a_second_import_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, file) = paths(dir.path());
    let project = ok(&a, &["project", "add", "--title", "Checkout"]);
    let id = project["id"].to_string();
    ok(
        &a,
        &[
            "metric",
            "add",
            "--project",
            &id,
            "--name",
            "p99",
            "--unit",
            "ms",
            "--baseline",
            "800",
            "--result",
            "120",
        ],
    );
    ok(&a, &["note", "add", "kickoff", "--project", &id]);
    assert_eq!(ok(&a, &["export", "journal", "--out", &file])["entries"], 3);

    let first = ok(&b, &["import", "journal", &file]);
    assert_eq!(first["added"], 3);
    let again = ok(&b, &["import", "journal", &file]);
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(3))
    );
    let shown = ok(&b, &["project", "list"]);
    assert_eq!(shown[0]["uuid"], project["uuid"]);
    assert_eq!(shown[0]["best_metric"]["percent_change"], -85.0);

    std::fs::write(
        &file,
        b"{\"format\": \"careerlog-journal\", \"version\": 7, \"entries\": []}",
    )
    .unwrap();
    let refused = careerlog(&b, &["import", "journal", &file]);
    assert!(!refused.status.success());
    let line = String::from_utf8(refused.stderr).unwrap();
    assert!(
        line.contains("version 7") && line.lines().count() == 1,
        "{line}"
    );
}

#[test]
fn jrnl_users_bring_their_entries() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _, _) = paths(dir.path());
    let file = dir.path().join("jrnl.json");
    std::fs::write(
        &file,
        r#"{"tags": {"@work": 1}, "entries": [{"title": "Shipped the queue.", "body": "p99 down", "date": "2024-03-01", "time": "09:15", "tags": ["@work"], "starred": false}]}"#,
    )
    .unwrap();
    let report = ok(&db, &["import", "jrnl", file.to_str().unwrap()]);
    assert_eq!(report["added"], 1);
    let notes = ok(&db, &["note", "list"]);
    assert_eq!(notes[0]["date"], "2024-03-01");
    assert_eq!(notes[0]["tags"], serde_json::json!(["work"]));
    let missing = careerlog(&db, &["import", "jrnl", "/no/such/file.json"]);
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("cannot read"));
}

#[test]
fn backups_are_made_listed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    ok(&db, &["note", "add", "first"]);
    let made = ok(&db, &["backup", "create"]);
    let id = made["id"].as_i64().unwrap().to_string();
    assert!(made["path"].as_str().unwrap().contains("backups"));
    ok(&db, &["note", "add", "second"]);
    let list = ok(&db, &["backup", "list"]);
    assert_eq!(list[0]["id"], made["id"]);

    ok(&db, &["backup", "restore", &id]);
    let notes = ok(&db, &["note", "list"]);
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["text"], "first");
    assert_eq!(
        ok(&db, &["backup", "list"]).as_array().unwrap().len(),
        2,
        "the state before was backed up"
    );
    let missing = careerlog(&db, &["backup", "restore", "12345"]);
    assert!(!missing.status.success());
}
