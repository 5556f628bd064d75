//! Resume bullets headless: list, lint, edit, and every export format to a file.

use serde_json::Value;

use crate::support::Cli;

fn seed(cli: &Cli) -> String {
    let project = cli.json(&[
        "project", "add", "--title", "Checkout rewrite", "--org", "Acme", "--role", "Tech lead",
        "--started", "2024-01-10", "--ended", "2024-06-30", "--tag", "backend", "--skill",
        "technical leadership",
    ]);
    let id = project["id"].to_string();
    cli.latency(&id, &["--evidence", "Grafana", "--measured", "2024-05-20"]);
    cli.json(&[
        "profile", "set", "--name", "Robin Vale", "--headline", "Staff engineer", "--email",
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
        "Cut p99 latency by 85% (800 ms → 120 ms) through the checkout rewrite"
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
    assert_eq!(edited["sources"], cut["sources"], "an edit keeps its sources");

    let md = cli.path("resume.md");
    let written = cli.json(&["export", "bullets", "--format", "markdown", "--out", &md]);
    assert_eq!(written["bullets"], 1);
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(markdown.contains("# Robin Vale"));
    assert!(
        markdown.contains("- Cut p99 latency 85% (800 → 120 ms) with a write queue"),
        "{markdown}"
    );

    let text = cli.text(&["export", "bullets", "--format", "text"]);
    assert!(text.contains("TECH LEAD, ACME") && text.contains("with a write queue"));

    let json_path = cli.path("resume.json");
    cli.text(&["export", "bullets", "--format", "json-resume", "--out", &json_path]);
    let resume: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(resume["basics"]["name"], "Robin Vale");
    assert_eq!(resume["work"][0]["startDate"], "2024-01-10");
    assert_eq!(
        resume["work"][0]["highlights"][0],
        "Cut p99 latency 85% (800 → 120 ms) with a write queue"
    );
    assert_eq!(resume["skills"][0]["name"], "technical leadership");

    let none = cli.text(&["export", "bullets", "--format", "markdown", "--tag", "frontend"]);
    assert!(!none.contains("Cut p99"), "the tag filter applies");
    let since = cli.text(&["export", "bullets", "--format", "markdown", "--since", "2025-01-01"]);
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
        "export", "brag", "--out", &brag, "--since", "2024-01-01", "--until", "2024-12-31",
    ]);
    assert_eq!(written["projects"], 1);
    let doc = std::fs::read_to_string(&brag).unwrap();
    assert!(doc.contains("## Checkout rewrite") && doc.contains("800 ms → 120 ms"));

    // Findings exit 1, as linters do; the JSON on stdout is the same.
    let linted = cli.raw(&["--json", "bullet", "lint", "Responsible for leveraging synergy"]);
    assert_eq!(linted.status.code(), Some(1));
    assert!(linted.stderr.is_empty());
    let findings: serde_json::Value = serde_json::from_slice(&linted.stdout).unwrap();
    let rules: Vec<&str> =
        findings.as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["no-number", "weak-opening", "buzzword", "buzzword"]);
    assert!(findings[0]["why"].is_string() && findings[0]["fix"].is_string());
    assert_eq!(
        cli.json(&["bullet", "lint", "Cut p99 latency by 85% (800 ms → 120 ms)"]),
        serde_json::json!([])
    );
    let text = cli.raw(&["bullet", "lint", "Responsible for leveraging synergy"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(String::from_utf8(text.stdout).unwrap().contains("weak-opening"));

    assert!(cli
        .fails(&["export", "bullets", "--format", "odt"])
        .contains("choose one of: markdown, text, json-resume, DOCX, PDF"));
    assert!(cli
        .fails(&["export", "bullets", "--format", "markdown", "--variant", "nope"])
        .contains("not found"));
    assert!(cli.fails(&["bullet", "edit", "999", "--text", "x"]).contains("not found"));
}

/// A decision's goal is its bullet's purpose; a metric reads the same in the list as in
/// every other place; typed text is linted with the journal's own names.
#[test]
fn a_goal_words_the_decision_and_a_change_is_told_one_way() {
    let cli = Cli::new();
    let project = seed(&cli);
    let decision = cli.json(&[
        "decision",
        "add",
        "--project",
        &project,
        "--title",
        "Queue checkout writes",
        "--goal",
        "To keep checkout writes replayable.",
        "--option",
        "Kafka",
        "--option",
        "A Postgres outbox",
        "--chosen",
        "Kafka",
        "--tradeoffs",
        "more moving parts for replay when a consumer fails",
    ]);
    assert_eq!(decision["goal"], "keep checkout writes replayable");
    let id = decision["id"].to_string();
    let bullets = cli.json(&["bullet", "list"]);
    let worded =
        bullets.as_array().unwrap().iter().find(|b| b["key"] == format!("decision:{id}")).unwrap();
    assert_eq!(
        worded["text"],
        "Chose Kafka over a Postgres outbox to keep checkout writes replayable, trading more moving parts for replay when a consumer fails"
    );
    let edited = cli.json(&["decision", "edit", &id, "--goal", "survive a consumer outage"]);
    assert_eq!(edited["goal"], "survive a consumer outage");

    cli.json(&[
        "metric", "add", "--project", &project, "--name", "Checkout conversion", "--unit", "%",
        "--baseline", "2.1", "--result", "2.6", "--better", "higher",
    ]);
    let shown = cli.text(&["project", "show", &project]);
    assert!(
        shown.contains("Checkout conversion: 2.1% → 2.6% · +0.5 points (+24%) · better"),
        "{shown}"
    );
    assert!(shown.contains("p99 latency: 800 ms → 120 ms · −85% · better"), "{shown}");
    let json = cli.json(&["project", "show", &project]);
    let conversion = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Checkout conversion")
        .unwrap();
    assert_eq!(conversion["told"]["delta"], "+0.5 points (+24%)");
    assert_eq!(conversion["percent_change"].as_f64().map(f64::round), Some(24.0));

    let linted =
        cli.raw(&["--json", "bullet", "lint", "Delivered Simplify the CI pipeline at Acme"]);
    assert_eq!(linted.status.code(), Some(1), "findings exit 1");
    let findings: Value = serde_json::from_slice(&linted.stdout).unwrap();
    let rules: Vec<&str> =
        findings.as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["no-number", "stray-capital", "verb-after-verb"]);
}

/// Variants from the command line: add with filters, list, show, move a bullet in the
/// variant's own order, delete to a restorable state and restore. `bullet move` changes
/// the resume order.
#[test]
fn variants_and_bullet_order_have_commands() {
    let cli = Cli::new();
    seed(&cli);
    let other = cli.json(&[
        "project", "add", "--title", "Design system", "--role", "Frontend lead", "--started",
        "2023-01-01", "--tag", "frontend",
    ]);
    let other = other["id"].to_string();
    cli.json(&[
        "metric", "add", "--project", &other, "--name", "bundle size", "--unit", "KB",
        "--baseline", "900", "--result", "300", "--better", "lower",
    ]);
    let picked = |v: &Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|b| b["included"] == true)
            .map(|b| b["id"].as_i64().unwrap())
            .collect()
    };
    let order = picked(&cli.json(&["bullet", "list"]));
    assert!(order.len() >= 2, "{order:?}");

    let backend =
        cli.json(&["variant", "add", "Backend roles", "--tag", "backend", "--since", "2024-01-01"]);
    assert_eq!(backend["name"], "Backend roles");
    assert_eq!(backend["filter"]["tags"], serde_json::json!(["backend"]));
    assert_eq!(backend["filter"]["since"], "2024-01-01");
    let taken = backend["bullets"].as_array().unwrap();
    assert!(!taken.is_empty() && taken.iter().all(|b| b["tags"] == serde_json::json!(["backend"])));
    cli.json(&["variant", "add", "Everything"]);
    let names: Vec<String> = cli
        .json(&["variant", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, vec!["Backend roles", "Everything"]);
    assert!(cli.text(&["variant", "list"]).contains("tags backend; since 2024-01-01"));
    assert_eq!(cli.json(&["variant", "show", "backend ROLES"])["id"], backend["id"]);
    assert!(cli.fails(&["variant", "add", "everything"]).contains("already exists"));

    // The last bullet of "Everything" goes first there; the resume order stays.
    let everything: Vec<i64> = cli.json(&["variant", "show", "Everything"])["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .collect();
    let last = everything.last().unwrap().to_string();
    let moved = cli.json(&["bullet", "move", &last, "--to", "1", "--variant", "Everything"]);
    assert_eq!(moved["bullets"][0]["id"].to_string(), last);
    assert_eq!(picked(&cli.json(&["bullet", "list"])), order);
    let shown = cli.text(&["variant", "show", "Everything"]);
    assert!(shown.lines().nth(1).unwrap().starts_with("  1. "), "{shown}");

    // In the resume itself.
    let second = order[1].to_string();
    let moved = cli.json(&["bullet", "move", &second, "--to", "1"]);
    assert_eq!(moved[0]["id"].to_string(), second);
    assert_eq!(picked(&cli.json(&["bullet", "list"]))[0].to_string(), second);
    let past_the_end = cli.json(&["bullet", "move", &second, "--to", "99"]);
    assert_eq!(past_the_end.as_array().unwrap().last().unwrap()["id"].to_string(), second);
    cli.fails(&["bullet", "move", &second, "--to", "0"]);
    assert!(cli.fails(&["bullet", "move", "999", "--to", "1"]).contains("not found"));

    let deleted = cli.text(&["variant", "delete", "Backend roles"]);
    let restore_id = backend["id"].to_string();
    assert!(
        deleted.contains(&format!("restore with `careerlog variant restore {restore_id}`")),
        "{deleted}"
    );
    assert_eq!(cli.json(&["variant", "list"]).as_array().unwrap().len(), 1);
    assert!(cli.fails(&["variant", "show", "Backend roles"]).contains("not found"));
    let back = cli.json(&["variant", "restore", &restore_id]);
    assert_eq!(back["name"], "Backend roles");
    assert_eq!(cli.json(&["variant", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_review_packet_is_written_in_every_format_with_its_sources() {
    let cli = Cli::new();
    let project = seed(&cli);
    cli.json(&[
        "feedback", "add", "--project", &project, "--source", "Priya Shah", "--date", "2024-05-02",
        "--text", "Calm and clear through the cut-over.",
    ]);
    let packet = cli.path("packet.md");
    let written = cli.json(&[
        "export", "packet", "--since", "2024-01-01", "--until", "2024-12-31", "--target",
        "leverage", "--format", "markdown", "--out", &packet,
    ]);
    assert_eq!(written["path"], packet.as_str());
    assert_eq!(written["target"], "leverage");
    assert_eq!(written["sections"], 7);
    assert_eq!(written["left_out"], 0);
    assert!(written["sentences"].as_u64().unwrap() >= 3, "{written}");
    let doc = std::fs::read_to_string(&packet).unwrap();
    assert!(doc.starts_with("# Review packet: Robin Vale\n\n1 January 2024 to 31 December 2024\n"));
    assert!(
        doc.contains(
            "Cut p99 latency by 85% (800 ms → 120 ms) through the checkout rewrite.[^1][^2]"
        ),
        "{doc}"
    );
    assert!(doc.contains("> — Priya Shah, 2024-05-02[^3]"), "{doc}");
    assert!(doc.contains("[^2]: Metric “p99 latency”"), "{doc}");

    for (format, magic) in [("docx", &b"PK"[..]), ("pdf", &b"%PDF"[..])] {
        let out = cli.path(&format!("packet.{format}"));
        cli.json(&[
            "export", "packet", "--since", "2024-01-01", "--until", "2024-12-31", "--format",
            format, "--out", &out,
        ]);
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{format}");
        let brag = cli.path(&format!("brag.{format}"));
        cli.json(&["export", "brag", "--format", format, "--out", &brag]);
        assert!(std::fs::read(&brag).unwrap().starts_with(magic), "brag {format}");
        let resume = cli.path(&format!("resume.{format}"));
        let bullets = cli.json(&["export", "bullets", "--format", format, "--out", &resume]);
        assert_eq!(bullets["bullets"], 1);
        assert!(std::fs::read(&resume).unwrap().starts_with(magic), "resume {format}");
    }
}

#[test]
fn a_packet_or_a_binary_export_asked_for_wrongly_is_told_what_to_give() {
    let cli = Cli::new();
    seed(&cli);
    let out = cli.path("p.md");
    let backwards = cli.fails(&[
        "export", "packet", "--since", "2024-12-31", "--until", "2024-01-01", "--out", &out,
    ]);
    assert!(backwards.contains("until") && backwards.contains("on or after"), "{backwards}");
    let nowhere = cli.fails(&[
        "export", "packet", "--since", "2024-01-01", "--until", "2024-12-31", "--target",
        "astronaut", "--out", &out,
    ]);
    assert!(nowhere.contains("astronaut") && nowhere.contains("leverage"), "{nowhere}");
    assert!(!std::path::Path::new(&out).exists(), "nothing written");
    let to_terminal = cli.fails(&["export", "bullets", "--format", "pdf"]);
    assert!(to_terminal.contains("--out"), "{to_terminal}");
}
