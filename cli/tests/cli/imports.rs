//! `careerlog import json-resume|linkedin|dayone|markdown` and `export markdown`: the
//! dry run prints what the import would do and writes nothing; the import itself is all or
//! nothing and idempotent.

use crate::support::Cli;

const RESUME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/samples/resume.json");

#[test]
fn a_json_resume_dry_run_says_what_would_come_in_and_writes_nothing() {
    let cli = Cli::new();
    let text = cli.text(&["import", "json-resume", RESUME, "--dry-run"]);
    assert!(text.starts_with("Would import from "), "{text}");
    assert!(text.contains("11 added, 0 updated, 0 already there (3 projects, 2 metrics, 1 feedback entry and 5 notes)"), "{text}");
    assert!(text.contains("6 resume bullets in your words"), "{text}");
    assert!(
        text.contains("  project    Senior Backend Engineer at Northwind Payments  2022-03-01"),
        "{text}"
    );
    assert!(
        text.contains("Not imported:\n  education (1): Career Log has no place for it yet"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("Nothing was written (--dry-run)."), "{text}");
    assert_eq!(cli.json(&["project", "list"]), serde_json::json!([]));

    let preview = cli.json(&["import", "json-resume", RESUME, "--dry-run"]);
    assert_eq!(preview["committed"], false);
    assert_eq!(preview["report"]["added"], 11);
    assert_eq!(preview["bullets"], 6);
    assert_eq!(preview["source"], "json-resume");
}

#[test]
fn a_json_resume_imports_once() {
    let cli = Cli::new();
    let done = cli.json(&["import", "json-resume", RESUME]);
    assert_eq!(
        (done["committed"].clone(), done["report"]["added"].clone()),
        (true.into(), 11.into())
    );
    let projects = cli.json(&["project", "list"]);
    assert_eq!(projects.as_array().unwrap().len(), 3);
    let again = cli.json(&["import", "json-resume", RESUME]);
    assert_eq!(again["report"]["added"], 0);
    assert_eq!(again["report"]["unchanged"], 11);
    assert_eq!(again["bullets"], 0);
    let bullets = cli.json(&["bullet", "list"]);
    assert!(bullets.as_array().unwrap().iter().any(|b| b["text"]
        == "Cut checkout p99 latency from 800 ms to 120 ms by moving card lookups to a read-through cache"
        && b["edited"] == true));
}

#[test]
fn a_bad_source_is_refused_with_where_and_nothing_written() {
    let cli = Cli::new();
    let bad = cli.path("resume.json");
    std::fs::write(&bad, r#"{"work": [{"name": "Contoso", "startDate": "2021-02-30"}]}"#).unwrap();
    let line = cli.fails(&["import", "json-resume", &bad]);
    assert_eq!(
        line.trim_end(),
        "careerlog: file: work 1 (\"Contoso\"): the start date is not a date (\"2021-02-30\"); JSON Resume writes 2024-03-01, 2024-03 or 2024"
    );
    let missing = cli.fails(&["import", "json-resume", &cli.path("nowhere.json")]);
    assert!(missing.contains("cannot read") && missing.contains("nowhere.json"), "{missing}");
    assert_eq!(cli.json(&["project", "list"]), serde_json::json!([]));
}

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/tests/samples");

#[test]
fn a_linkedin_export_and_a_day_one_journal_import_with_what_they_left_out() {
    let cli = Cli::new();
    let zip = format!("{SAMPLES}/linkedin.zip");
    let dry = cli.text(&["import", "linkedin", &zip, "--dry-run"]);
    assert!(dry.contains("4 added, 0 updated, 0 already there (1 person, 2 projects and 1 feedback entry)"), "{dry}");
    assert!(dry.contains("fills the profile's name, headline, location and summary"), "{dry}");
    assert!(dry.contains("archive file Basic_LinkedInDataExport/Connections.csv: Career Log does not import it"), "{dry}");
    let done = cli.json(&["import", "linkedin", &zip]);
    assert_eq!(done["report"]["added"], 4);
    assert_eq!(cli.json(&["import", "linkedin", &zip])["report"]["added"], 0);

    let dayone = format!("{SAMPLES}/dayone/Journal.json");
    let done = cli.json(&["import", "dayone", &dayone]);
    assert_eq!(done["report"]["by_kind"], serde_json::json!([{"kind": "note", "count": 2}]));
    let notes = cli.json(&["note", "list", "--tag", "starred"]);
    assert_eq!(notes[0]["date"], "2024-03-01", "the evening in Los Angeles");

    let line = cli.fails(&["import", "linkedin", &dayone]);
    assert!(line.contains("is not a ZIP archive"), "{line}");
}
