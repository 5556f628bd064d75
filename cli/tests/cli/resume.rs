//! Resume bullets headless: list, lint, edit, and every export format to a file.

use serde_json::Value;

use crate::support::Cli;

fn seed(cli: &Cli) -> String {
    let project = cli.json(&[
        "project",
        "add",
        "--title",
        "Checkout rewrite",
        "--org",
        "Acme",
        "--role",
        "Tech lead",
        "--started",
        "2024-01-10",
        "--ended",
        "2024-06-30",
        "--tag",
        "backend",
        "--skill",
        "technical leadership",
    ]);
    let id = project["id"].to_string();
    cli.json(&[
        "metric",
        "add",
        "--project",
        &id,
        "--name",
        "p99 latency",
        "--unit",
        "ms",
        "--baseline",
        "800",
        "--result",
        "120",
        "--better",
        "lower",
        "--evidence",
        "Grafana",
    ]);
    cli.json(&[
        "profile",
        "set",
        "--name",
        "Ada Lovelace",
        "--headline",
        "Staff engineer",
        "--email",
        "ada@example.com",
    ]);
    id
}

#[test]
fn bullets_are_listed_edited_and_exported_in_every_format() {
    let cli = Cli::new();
    seed(&cli);
    let bullets = cli.json(&["bullet", "list"]);
    let cut = bullets
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"].as_str().unwrap().starts_with("metric:"))
        .unwrap();
    assert_eq!(
        cut["text"],
        "Cut p99 latency by 85% (800 ms → 120 ms) in Checkout rewrite"
    );
    assert_eq!(cut["included"], true);
    let id = cut["id"].to_string();

    let edited = cli.json(&[
        "bullet",
        "edit",
        &id,
        "--text",
        "Cut p99 latency 85% (800 → 120 ms) with a write queue",
    ]);
    assert_eq!(edited["edited"], true);
    assert_eq!(
        edited["sources"], cut["sources"],
        "an edit keeps its sources"
    );

    let md = cli.path("resume.md");
    let written = cli.json(&["export", "bullets", "--format", "markdown", "--out", &md]);
    assert_eq!(written["bullets"], 1);
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(markdown.contains("# Ada Lovelace"));
    assert!(
        markdown.contains("- Cut p99 latency 85% (800 → 120 ms) with a write queue"),
        "{markdown}"
    );

    let text = cli.text(&["export", "bullets", "--format", "text"]);
    assert!(text.contains("TECH LEAD, ACME") && text.contains("with a write queue"));

    let json_path = cli.path("resume.json");
    cli.text(&[
        "export",
        "bullets",
        "--format",
        "json-resume",
        "--out",
        &json_path,
    ]);
    let resume: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(resume["basics"]["name"], "Ada Lovelace");
    assert_eq!(resume["work"][0]["startDate"], "2024-01-10");
    assert_eq!(
        resume["work"][0]["highlights"][0],
        "Cut p99 latency 85% (800 → 120 ms) with a write queue"
    );
    assert_eq!(resume["skills"][0]["name"], "technical leadership");

    let none = cli.text(&[
        "export", "bullets", "--format", "markdown", "--tag", "frontend",
    ]);
    assert!(!none.contains("Cut p99"), "the tag filter applies");
    let since = cli.text(&[
        "export",
        "bullets",
        "--format",
        "markdown",
        "--since",
        "2025-01-01",
    ]);
    assert!(!since.contains("Cut p99"), "the date filter applies");

    cli.json(&["bullet", "reset", &id]);
    assert_eq!(cli.json(&["bullet", "exclude", &id])["included"], false);
}

#[test]
fn a_brag_document_and_the_lint() {
    let cli = Cli::new();
    seed(&cli);
    let brag = cli.path("brag.md");
    let written = cli.json(&[
        "export",
        "brag",
        "--out",
        &brag,
        "--since",
        "2024-01-01",
        "--until",
        "2024-12-31",
    ]);
    assert_eq!(written["projects"], 1);
    let doc = std::fs::read_to_string(&brag).unwrap();
    assert!(doc.contains("## Checkout rewrite") && doc.contains("800 ms → 120 ms"));

    let findings = cli.json(&["bullet", "lint", "Responsible for leveraging synergy"]);
    let rules: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["no-number", "weak-opening", "buzzword", "buzzword"]
    );
    assert!(findings[0]["why"].is_string() && findings[0]["fix"].is_string());
    assert_eq!(
        cli.json(&["bullet", "lint", "Cut p99 latency by 85% (800 ms → 120 ms)"]),
        serde_json::json!([])
    );

    assert!(cli
        .fails(&["export", "bullets", "--format", "pdf"])
        .contains("choose one of: markdown, text, json-resume"));
    assert!(cli
        .fails(&[
            "export",
            "bullets",
            "--format",
            "markdown",
            "--variant",
            "nope"
        ])
        .contains("not found"));
    assert!(cli
        .fails(&["bullet", "edit", "999", "--text", "x"])
        .contains("not found"));
}
