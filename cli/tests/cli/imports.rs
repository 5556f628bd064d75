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
    assert!(
        dry.contains(
            "4 added, 0 updated, 0 already there (1 person, 2 projects and 1 feedback entry)"
        ),
        "{dry}"
    );
    assert!(dry.contains("fills the profile's name, headline, location and summary"), "{dry}");
    assert!(
        dry.contains(
            "archive file Basic_LinkedInDataExport/Connections.csv: Career Log does not import it"
        ),
        "{dry}"
    );
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

/// Every `.md` file under `dir`, by its path inside it.
fn markdown_files(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for child in std::fs::read_dir(&folder).unwrap() {
            let path = child.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_markdown_folder_goes_out_comes_back_into_an_empty_journal_and_carries_an_edit() {
    let cli = Cli::new();
    cli.json(&["import", "json-resume", RESUME]);
    let out = cli.path("career-log-markdown");
    let first = cli.json(&["export", "markdown", "--out", &out]);
    assert_eq!(first["changed"], 0);
    let files = markdown_files(std::path::Path::new(&out));
    assert_eq!(first["files"], files.len(), "{files:?}");
    assert!(files.contains(&"README.md".to_string()), "{files:?}");
    let project = files
        .iter()
        .find(|f| f.starts_with("projects/2022/") && f.contains("northwind"))
        .unwrap_or_else(|| panic!("no Northwind project file in {files:?}"));

    // Exporting again over the same folder changes nothing; the text says so.
    let again = cli.text(&["export", "markdown", "--out", &out]);
    assert!(again.contains("(0 changed, 0 removed)"), "{again}");

    // Into an empty journal: every entry comes back, and a second import adds nothing.
    let other = cli.path("other.sqlite3");
    let back = cli.on(&other).json(&["import", "markdown", &out]);
    assert_eq!(
        (back["committed"].clone(), back["report"]["added"].clone()),
        (true.into(), 11.into())
    );
    assert_eq!(cli.on(&other).json(&["import", "markdown", &out])["report"]["added"], 0);

    // A body edited in another editor updates its entry.
    let file = std::path::Path::new(&out).join(project);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{}\nAlso ran the on-call rotation.\n", text.trim_end()))
        .unwrap();
    let edited = cli.on(&other).json(&["import", "markdown", &out]);
    assert_eq!(
        (edited["report"]["added"].clone(), edited["report"]["updated"].clone()),
        (0.into(), 1.into())
    );
    let projects = cli.on(&other).json(&["project", "list"]);
    let northwind = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"].as_str().unwrap_or("").contains("Northwind"))
        .expect("the Northwind project");
    assert_eq!(
        northwind["summary"],
        "Owned the checkout and ledger services.\nAlso ran the on-call rotation."
    );
}

#[test]
fn a_markdown_export_refuses_a_folder_it_did_not_write() {
    let cli = Cli::new();
    let out = cli.path("photos");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(std::path::Path::new(&out).join("holiday.jpg"), b"not ours").unwrap();
    let line = cli.fails(&["export", "markdown", "--out", &out]);
    assert!(line.contains("is not empty and is not a Career Log Markdown export"), "{line}");
    assert_eq!(std::fs::read(std::path::Path::new(&out).join("holiday.jpg")).unwrap(), b"not ours");
}
