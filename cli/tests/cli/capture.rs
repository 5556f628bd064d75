//! `careerlog capture ...` and `careerlog inbox ...` over real repositories.

use crate::fixture::{Commit, Repo, ME, PEER};
use crate::support::{id, Cli};

/// A folder holding one repository of two weeks of work (a metric stated in one commit)
/// and a folder that is not a repository.
fn workspace(cli: &Cli) -> String {
    let root = cli.path("src");
    let mut repo = Repo::init(&std::path::Path::new(&root).join("ledger"));
    repo.remote("https://gitlab.com/acme/platform/ledger.git");
    repo.commit(&[
        Commit::new(ME, "2026-11-02", "Add the ledger writer").file("writer/mod.rs", "w"),
        Commit::new(PEER, "2026-11-03", "Fix a typo").file("README.md", "r"),
        Commit::new(ME, "2026-11-10", "Batch the ledger writes\n\nBuild time 12m -> 4m.")
            .file("writer/batch.rs", "b"),
        Commit::new(ME, "2026-11-12", "Merge branch 'batch' into 'main'\n\nBatch the writes\n\nSee merge request acme/platform/ledger!45")
            .file("writer/batch.rs", "b2"),
    ]);
    std::fs::create_dir_all(std::path::Path::new(&root).join("notes-not-a-repo")).unwrap();
    root
}

#[test]
fn a_scan_fills_the_inbox_and_reports_what_it_skipped() {
    let cli = Cli::new();
    let root = workspace(&cli);
    let plain = format!("{root}/notes-not-a-repo");
    let text =
        cli.text(&["capture", "git", &root, &plain, "--author", ME.email, "--since", "2026-01-01"]);
    assert!(text.contains("Scanned 1 repository since 2026-01-01 for robin@example.com"), "{text}");
    assert!(text.contains("ledger: 4 commits read, 3 yours"), "{text}");
    assert!(text.contains(&format!("Skipped {plain}: holds no git repository")), "{text}");

    let listed = cli.json(&["inbox", "list"]);
    let kinds: Vec<&str> =
        listed.as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "note").count(), 2, "{kinds:?}");
    assert!(kinds.contains(&"project") && kinds.contains(&"metric"), "{kinds:?}");
    for p in listed.as_array().unwrap() {
        assert!(
            p["id"].is_i64() && p["source"]["repository"] == "ledger" && p["fields"].is_object(),
            "{p}"
        );
    }
    let metric = listed.as_array().unwrap().iter().find(|p| p["kind"] == "metric").unwrap();
    assert_eq!(metric["fields"]["baseline"], 12.0);
    assert_eq!(metric["fields"]["result"], 4.0);
    assert_eq!(metric["fields"]["unit"], "min");
    assert_eq!(metric["fields"]["better"], "lower");
    assert!(metric["source"]["link"]
        .as_str()
        .unwrap()
        .starts_with("https://gitlab.com/acme/platform/ledger/-/commit/"));
    let request = listed.as_array().unwrap().iter().find(|p| p["fields"]["kind"] == "pr").unwrap();
    assert_eq!(
        request["fields"]["url"],
        "https://gitlab.com/acme/platform/ledger/-/merge_requests/45"
    );

    let shown = cli.text(&["inbox", "show", &id(metric)]);
    assert!(shown.contains("phrase:") && shown.contains("Build time 12m -> 4m"), "{shown}");
    // A path the settings do not name is scanned once, not kept.
    assert_eq!(cli.json(&["capture", "settings"])["settings"]["folders"], serde_json::json!([]));
}

#[test]
fn accepting_and_dismissing_and_nothing_comes_back() {
    let cli = Cli::new();
    let root = workspace(&cli);
    cli.json(&["capture", "git", &root, "--author", ME.email]);
    let listed = cli.json(&["inbox", "list"]);
    let find =
        |kind: &str| listed.as_array().unwrap().iter().find(|p| p["kind"] == kind).unwrap().clone();

    let line = cli.fails(&["inbox", "accept", &id(&find("metric"))]);
    assert!(line.contains("project_id") && line.contains("ledger"), "{line}");
    let project = cli.json(&["project", "add", "--title", "Ledger"]);
    let accepted =
        cli.json(&["inbox", "accept", &id(&find("project")), "--project", &id(&project)]);
    assert_eq!(accepted["proposals"][0]["entry_id"], project["id"]);
    let metric = cli.json(&["inbox", "accept", &id(&find("metric"))]);
    let metric_id = metric["proposals"][0]["entry_id"].to_string();
    let shown = cli.json(&["project", "show", &id(&project)]);
    assert_eq!(shown["metrics"][0]["id"].to_string(), metric_id);
    assert_eq!(shown["metrics"][0]["percent_change"].as_f64().map(f64::round), Some(-67.0));

    let dismissed = cli.json(&["inbox", "dismiss", &id(&find("note"))]);
    assert_eq!(dismissed["proposals"][0]["state"], "dismissed");
    let open = dismissed["open"].as_u64().unwrap();

    let again = cli.json(&["capture", "git", &root, "--author", ME.email]);
    assert_eq!(again["proposed"]["note"], 0);
    assert_eq!(again["repositories"][0]["commits_read"], 0);
    assert_eq!(cli.json(&["inbox", "list"]).as_array().unwrap().len() as u64, open);

    // Undo brings the dismissed note back.
    let undone = cli.json(&["inbox", "undo", &id(&find("note"))]);
    assert_eq!(undone["open"].as_u64(), Some(open + 1));
}

#[test]
fn settings_are_edited_from_the_command_line_and_bad_input_is_refused() {
    let cli = Cli::new();
    let root = workspace(&cli);
    let empty = cli.fails(&["capture", "git"]);
    assert!(empty.contains("name a folder to scan"), "{empty}");
    cli.json(&["capture", "add-folder", &root]);
    cli.json(&["capture", "add-identity", ME.email]);
    let settings = cli.json(&["capture", "add-exclusion", "generated"]);
    assert_eq!(settings["folders"], serde_json::json!([root]));
    assert_eq!(settings["identities"], serde_json::json!([ME.email]));
    // The settings' folders and identities are what a bare `capture git` reads.
    let report = cli.json(&["capture", "git", "--since", "2026-01-01"]);
    assert_eq!(report["repositories"][0]["commits_yours"], 3);

    let relative = cli.fails(&["capture", "add-folder", "src"]);
    assert!(relative.contains("not a full path"), "{relative}");
    let backwards =
        cli.fails(&["capture", "git", "--since", "2026-05-01", "--until", "2026-04-01"]);
    assert!(backwards.contains("after the end of the range"), "{backwards}");
    let output = cli.raw(&["capture", "git", "--since", "May"]);
    assert_eq!(output.status.code(), Some(2));
    let missing = cli.fails(&["inbox", "show", "999"]);
    assert!(missing.contains("proposal 999 was not found"), "{missing}");
    let empty_inbox = Cli::new();
    assert!(empty_inbox.text(&["inbox", "list"]).contains("The inbox is empty"));
    cli.json(&["capture", "remove-folder", &root]);
    assert_eq!(cli.json(&["capture", "settings"])["settings"]["folders"], serde_json::json!([]));
}
