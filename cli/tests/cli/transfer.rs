//! Whole-journal export and import, and the jrnl import, from the command line.

use crate::support::Cli;

#[test]
fn a_journal_moves_whole_and_a_second_import_adds_nothing() {
    let cli = Cli::new();
    let b = cli.on(cli.path("b.sqlite3"));
    let file = cli.path("journal.json");
    let project = cli.json(&["project", "add", "--title", "Checkout"]);
    let id = project["id"].to_string();
    cli.latency(&id, &[]);
    cli.json(&["note", "add", "kickoff", "--project", &id]);
    assert_eq!(cli.json(&["export", "journal", "--out", &file])["entries"], 3);

    let first = b.json(&["import", "journal", &file]);
    assert_eq!(first["added"], 3);
    let again = b.json(&["import", "journal", &file]);
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(3)));
    let shown = b.json(&["project", "list"]);
    assert_eq!(shown[0]["uuid"], project["uuid"]);
    assert_eq!(shown[0]["best_metric"]["percent_change"], -85.0);

    std::fs::write(&file, b"{\"format\": \"careerlog-journal\", \"version\": 7, \"entries\": []}")
        .unwrap();
    let line = b.fails(&["--json", "import", "journal", &file]);
    assert!(line.contains("version 7") && line.lines().count() == 1, "{line}");
}

#[test]
fn jrnl_users_bring_their_entries() {
    let cli = Cli::new();
    let file = cli.path("jrnl.json");
    std::fs::write(
        &file,
        r#"{"tags": {"@work": 1}, "entries": [{"title": "Shipped the queue.", "body": "p99 down", "date": "2024-03-01", "time": "09:15", "tags": ["@work"], "starred": false}]}"#,
    )
    .unwrap();
    let report = cli.json(&["import", "jrnl", &file]);
    assert_eq!(report["added"], 1);
    let notes = cli.json(&["note", "list"]);
    assert_eq!(notes[0]["date"], "2024-03-01");
    assert_eq!(notes[0]["tags"], serde_json::json!(["work"]));
    let missing = cli.fails(&["--json", "import", "jrnl", "/no/such/file.json"]);
    assert!(missing.contains("cannot read"));
}

#[test]
fn backups_are_made_listed_and_restored() {
    let cli = Cli::new();
    cli.json(&["note", "add", "first"]);
    let made = cli.json(&["backup", "create"]);
    let id = made["id"].as_i64().unwrap().to_string();
    assert!(made["path"].as_str().unwrap().contains("backups"));
    cli.json(&["note", "add", "second"]);
    let list = cli.json(&["backup", "list"]);
    assert_eq!(list[0]["id"], made["id"]);

    cli.json(&["backup", "restore", &id]);
    let notes = cli.json(&["note", "list"]);
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["text"], "first");
    assert_eq!(
        cli.json(&["backup", "list"]).as_array().unwrap().len(),
        2,
        "the state before was backed up"
    );
    cli.fails(&["--json", "backup", "restore", "12345"]);
}

#[test]
fn a_bad_journal_file_names_the_entry_and_field_in_words() {
    let cli = Cli::new();
    let file = cli.path("journal.json");
    let pid = cli.json(&["project", "add", "--title", "Checkout"])["id"].to_string();
    cli.json(&["metric", "add", "--project", &pid, "--name", "p99 latency", "--result", "120"]);
    cli.json(&["export", "journal", "--out", &file]);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["variants"], serde_json::json!([]));
    doc["entries"][1]["fields"].as_object_mut().unwrap().remove("result");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let b = cli.on(cli.path("b.sqlite3"));
    let line = b.fails(&["import", "journal", &file]);
    assert_eq!(
        line.trim_end(),
        "careerlog: file: entry 2 (a metric, \"p99 latency\"): the result is missing: enter it, or log the baseline now and the result when it is measured"
    );
    assert_eq!(b.json(&["project", "list"]), serde_json::json!([]));
}

/// Each backup says why it was made, and a restore says what it restored, from when, and
/// which backup undoes it.
#[test]
fn backups_say_why_and_a_restore_says_what_came_back() {
    let cli = Cli::new();
    cli.json(&["project", "add", "--title", "Checkout rewrite"]);
    cli.json(&["note", "add", "first"]);
    let made = cli.json(&["backup", "create"]);
    assert_eq!(made["reason"], "manual");
    cli.json(&["note", "add", "second"]);

    let id = made["id"].as_i64().unwrap().to_string();
    let restored = cli.json(&["backup", "restore", &id]);
    assert_eq!(restored["id"], made["id"], "the backup's fields, as before");
    assert_eq!(restored["created_at"], made["created_at"]);
    assert_eq!(restored["entry_count"], 2);
    assert_eq!(
        restored["entries"],
        serde_json::json!([{"kind": "project", "count": 1}, {"kind": "note", "count": 1}])
    );
    assert_eq!(restored["safety"]["reason"], "before_restore");

    let list = cli.text(&["backup", "list"]);
    assert!(list.lines().next().unwrap().contains("before restore"), "{list}");
    assert!(list.lines().nth(1).unwrap().contains("manual"), "{list}");
    let safety = restored["safety"]["id"].to_string();
    let undo = cli.text(&["backup", "restore", &safety]);
    assert!(undo.contains("Restored the copy made before a restore of "), "{undo}");
    assert!(undo.contains("the journal now holds 1 project, 2 notes."), "{undo}");
}
