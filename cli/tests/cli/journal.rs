//! The journal's headless face: every kind through add, show, edit and delete with
//! `--json`, search with hostile text, and the trash.

use serde_json::Value;

use crate::support::{id, Cli};

#[test]
fn a_project_with_everything_under_it_round_trips_as_json() {
    let cli = Cli::new();
    let project = cli.json(&[
        "project", "add", "--title", "Checkout rewrite", "--org", "Acme", "--role", "Tech lead",
        "--started", "2024-01-10", "--scope", "multi-team", "--status", "shipped", "--summary",
        "Moved checkout to async writes", "--tag", "payments", "--skill", "technical leadership",
    ]);
    let pid = id(&project);
    assert_eq!(project["scope"], "multi-team");
    assert_eq!(project["started_on"], "2024-01-10");
    assert_eq!(project["tags"], serde_json::json!(["payments"]));
    assert_eq!(project["uuid"].as_str().unwrap().len(), 36);

    let metric = cli.latency(&pid, &["--measured", "2024-04-01", "--evidence", "Grafana board"]);
    assert_eq!(metric["change"], -680.0);
    assert_eq!(metric["percent_change"], -85.0);
    assert_eq!(metric["improved"], true);

    let decision = cli.json(&[
        "decision", "add", "--title", "Queue writes", "--project", &pid, "--context", "timeouts",
        "--option", "Kafka", "--option", "Outbox", "--chosen", "Kafka", "--tradeoffs", "ops cost",
        "--expected", "no timeouts", "--confidence", "70", "--decided", "2024-02-01", "--review",
        "2024-05-01",
    ]);
    assert_eq!(decision["options"][1]["text"], "Outbox");
    assert_eq!(decision["review_due"], true);
    let artifact = cli.json(&[
        "artifact", "add", "--project", &pid, "--kind", "design-doc", "--title", "Async checkout",
        "--url", "https://docs.example.com/async", "--date", "2024-01-20",
    ]);
    assert_eq!(artifact["kind"], "design-doc");
    let feedback = cli.json(&[
        "feedback", "add", "--project", &pid, "--source", "manager", "--text", "Clear plan",
        "--rating", "5", "--date", "2024-05-02",
    ]);
    assert_eq!(feedback["rating"], 5);
    let note = cli.json(&[
        "note", "add", "Cut over 10%", "--project", &pid, "--tag", "rollout", "--date",
        "2024-03-01",
    ]);
    assert_eq!(note["date"], "2024-03-01");

    let shown = cli.json(&["project", "show", &pid]);
    assert_eq!(shown["title"], "Checkout rewrite");
    for key in ["metrics", "decisions", "artifacts", "feedback", "notes"] {
        assert_eq!(shown[key].as_array().unwrap().len(), 1, "{key}");
    }
    let list = cli.json(&["project", "list"]);
    assert_eq!(list[0]["best_metric"]["id"], metric["id"]);

    // Edit changes only the flags given.
    let edited =
        cli.json(&["project", "edit", &pid, "--status", "active", "--ended", "2024-06-30"]);
    assert_eq!(edited["status"], "active");
    assert_eq!(edited["title"], "Checkout rewrite");
    assert_eq!(edited["ended_on"], "2024-06-30");
    assert_eq!(edited["uuid"], project["uuid"]);
    let cleared = cli.json(&["project", "edit", &pid, "--ended", ""]);
    assert_eq!(cleared["ended_on"], Value::Null);
    let m = cli.json(&["metric", "edit", &id(&metric), "--baseline", "100"]);
    assert_eq!(m["percent_change"], 20.0);
    assert_eq!(m["improved"], false);
    let d = cli.json(&["decision", "edit", &id(&decision), "--outcome", "held at 3x load"]);
    assert_eq!(d["review_due"], false);
    assert_eq!(
        cli.json(&["artifact", "edit", &id(&artifact), "--title", "Async checkout v2"])["title"],
        "Async checkout v2"
    );
    assert_eq!(cli.json(&["feedback", "edit", &id(&feedback), "--rating", "4"])["rating"], 4);
    assert_eq!(
        cli.json(&["note", "edit", &id(&note), "--text", "Cut over 25%"])["text"],
        "Cut over 25%"
    );
    assert_eq!(cli.json(&["note", "list"]).as_array().unwrap().len(), 1);
    for (kind, entry) in [
        ("metric", &metric),
        ("decision", &decision),
        ("artifact", &artifact),
        ("feedback", &feedback),
        ("note", &note),
    ] {
        assert_eq!(cli.json(&[kind, "show", &id(entry)])["id"], entry["id"]);
    }
}

#[test]
fn deleting_goes_to_the_trash_and_restores_with_children() {
    let cli = Cli::new();
    let pid = id(&cli.json(&["project", "add", "--title", "Search revamp"]));
    let mid = id(&cli.json(&[
        "metric", "add", "--project", &pid, "--name", "CTR", "--unit", "%", "--baseline", "4.0",
        "--result", "5.2", "--better", "higher",
    ]));
    let nid = id(&cli.json(&["note", "add", "standalone"]));

    // A kind's delete only deletes entries of that kind.
    assert!(cli.fails(&["metric", "delete", &pid]).contains("not found"));
    let gone = cli.json(&["note", "delete", &nid]);
    assert_eq!(gone["kind"], "note");
    let item = cli.json(&["project", "delete", &pid]);
    assert_eq!(item["children"], 1);
    assert!(cli.fails(&["project", "show", &pid]).contains("not found"));
    let trash = cli.json(&["trash", "list"]);
    assert_eq!(trash.as_array().unwrap().len(), 2);
    assert_eq!(trash[0]["id"], item["id"], "most recent first");

    cli.json(&["trash", "restore", &id(&item)]);
    let shown = cli.json(&["project", "show", &pid]);
    assert_eq!(id(&shown["metrics"][0]), mid);
    assert_eq!(shown["metrics"][0]["percent_change"], 30.0);
    assert!(cli.fails(&["trash", "restore", &id(&item)]).contains("not found"));
    assert_eq!(cli.json(&["trash", "empty"])["removed"], 1);
    assert_eq!(cli.json(&["trash", "list"]), serde_json::json!([]));
}

#[test]
fn search_takes_hostile_text_literally() {
    let cli = Cli::new();
    cli.json(&["note", "add", "Ran the \"NEAR(\" AND title:x drill; DROP TABLE notes"]);
    cli.json(&["project", "add", "--title", "Payments migration"]);
    let page = cli.json(&["search", "payments"]);
    let hits = &page["hits"];
    assert_eq!(hits[0]["kind"], "project");
    assert!(hits[0]["snippet"].as_array().unwrap().iter().any(|p| p["hit"] == true));
    for hostile in
        ["\"", "NEAR(", "a AND", "*", "title:x", "'; DROP TABLE entries; --", "(", "^", "\"\""]
    {
        let output = cli.raw(&["--json", "search", hostile]);
        assert!(output.status.success(), "{hostile}: {}", String::from_utf8_lossy(&output.stderr));
        let _: Value = serde_json::from_slice(&output.stdout).unwrap();
    }
    assert_eq!(cli.json(&["search", "\"NEAR(\" AND"])["total"], 1);
    assert_eq!(cli.json(&["search", "drop table"])["total"], 1);
}

#[test]
fn bad_input_is_one_line_and_writes_nothing() {
    let cli = Cli::new();
    let pid = id(&cli.json(&["project", "add", "--title", "Real"]));
    let cases: &[(&[&str], &str)] = &[
        (&["project", "add", "--title", "  "], "title"),
        (&["project", "add"], "title"),
        (
            &["project", "add", "--title", "x", "--started", "2024-05-01", "--ended", "2024-01-01"],
            "ended_on",
        ),
        (&["project", "add", "--title", "x", "--started", "1066-10-14"], "started_on"),
        (&["project", "add", "--title", "x", "--started", "yesterday"], "not a date"),
        (
            &["project", "add", "--title", "x", "--scope", "galaxy"],
            "choose one of: task, feature, service, initiative, multi-team, organization",
        ),
        (
            &["metric", "add", "--project", "999", "--name", "x", "--result", "1"],
            "no project with id 999",
        ),
        (&["metric", "add", "--project", &pid, "--name", "x", "--result", "lots"], "not a number"),
        (&["metric", "add", "--project", &pid, "--name", "x", "--result", "inf"], "finite"),
        (&["metric", "add", "--project", &pid, "--name", "x"], "result"),
        (&["decision", "add", "--title", "x", "--chosen", "y", "--confidence", "101"], "101"),
        (&["decision", "add", "--title", "x"], "chosen"),
        (
            &[
                "artifact", "add", "--project", &pid, "--kind", "pr", "--title", "x", "--url",
                "not a url",
            ],
            "web address",
        ),
        (
            &["artifact", "add", "--project", &pid, "--kind", "blog", "--title", "x"],
            "choose one of: RFC, pull request, postmortem, design doc, ADR, runbook, demo, talk",
        ),
        (&["feedback", "add", "--source", "peer", "--text", "x", "--rating", "9"], "9"),
        (&["note", "add", ""], "text"),
        (&["project", "edit", "12345", "--title", "x"], "not found"),
        (&["trash", "restore", "77"], "not found"),
    ];
    for (args, expected) in cases {
        let line = cli.fails(args);
        assert!(line.contains(expected), "{args:?}: {line}");
    }
    let list = cli.json(&["project", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "nothing was written");
    assert_eq!(cli.json(&["note", "list"]), serde_json::json!([]));
}

#[test]
fn a_word_in_more_entries_than_are_ranked_says_so() {
    let cli = Cli::new();
    cli.json(&["demo", "--projects", "150", "--seed", "3"]);
    let page = cli.json(&["search", "the", "--limit", "5"]);
    assert_eq!((page["total"].as_u64(), page["capped"].as_bool()), (Some(1000), Some(true)));
    let text = cli.text(&["search", "the", "--limit", "5"]);
    assert!(
        text.trim_end().ends_with("995 more (of 1000+): careerlog search the --offset 5"),
        "{text}"
    );
    let last = cli.text(&["search", "the", "--offset", "990"]);
    assert!(last.contains("the 1000 added last were ranked"), "{last}");
    let few = cli.json(&["search", "migration"]);
    assert_eq!(few["capped"], false);
}

#[test]
fn search_pages_tells_each_hits_project_and_finds_numbers() {
    let cli = Cli::new();
    let mut projects = Vec::new();
    for team in ["Checkout", "Billing"] {
        let pid = id(&cli.json(&["project", "add", "--title", &format!("{team} speed-up")]));
        for week in 0..6 {
            cli.json(&[
                "metric",
                "add",
                "--project",
                &pid,
                "--name",
                "p99 latency",
                "--unit",
                "ms",
                "--baseline",
                &(800 + week).to_string(),
                "--result",
                "120",
            ]);
        }
        projects.push(pid);
    }
    let page = cli.json(&["search", "latency", "--limit", "5"]);
    assert_eq!(page["offset"], 0);
    assert_eq!(page["total"], 12);
    assert_eq!(page["more"], 7);
    let hits = page["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    for hit in hits {
        assert_eq!(hit["kind"], "metric");
        assert!(hit["project_title"].as_str().unwrap().ends_with("speed-up"));
    }
    // At most three alike rows of one project before the other project's.
    let first_four: Vec<&Value> = hits[..4].iter().map(|h| &h["project_id"]).collect();
    assert!(first_four.iter().any(|p| **p != *first_four[0]), "{first_four:?}");

    let text = cli.text(&["search", "latency", "--limit", "5"]);
    assert!(text.contains("metric "), "{text}");
    assert!(text.contains("p99 latency  (in Checkout speed-up)"), "{text}");
    assert!(
        text.trim_end().ends_with("7 more (of 12): careerlog search latency --offset 5"),
        "{text}"
    );
    let last = cli.json(&["search", "latency", "--limit", "5", "--offset", "10"]);
    assert_eq!((last["hits"].as_array().unwrap().len(), last["more"].as_u64()), (2, Some(0)));
    let past = cli.text(&["search", "latency", "--offset", "40"]);
    assert!(
        past.contains("No more matches for \"latency\": all 12 are before --offset 40"),
        "{past}"
    );
    let two_words = cli.text(&["search", "p99 latency", "--limit", "1"]);
    assert!(two_words.contains("careerlog search 'p99 latency' --offset 1"), "{two_words}");

    let found = cli.json(&["search", "805"]);
    assert_eq!(found["total"], 2, "the baseline 805, as a number, in both projects");
    assert_eq!(found["hits"][0]["kind"], "metric");
}

#[test]
fn every_problem_of_an_entry_is_told_on_one_line_in_plain_words() {
    let cli = Cli::new();
    let line = cli.fails(&[
        "project", "add", "--title", " ", "--started", "2024-05-01", "--ended", "2024-01-01",
    ]);
    assert_eq!(
        line.trim_end(),
        "careerlog: title: cannot be empty (and 1 more problem: ended_on: is before the start (2024-01-01 is before 2024-05-01))"
    );
    let line = cli.fails(&[
        "decision", "add", "--title", "Branching", "--option", "Keep git-flow", "--option",
        "Trunk-based", "--chosen", "Release branches",
    ]);
    assert!(
        line.contains("chosen: \"Release branches\" is not one of the options (Keep git-flow, Trunk-based); pick one of them or add it as an option"),
        "{line}"
    );
    let chosen = cli.json(&[
        "decision", "add", "--title", "Branching", "--option", "Keep git-flow", "--option",
        "Trunk-based", "--chosen", " trunk-BASED ",
    ]);
    assert_eq!(chosen["chosen"], "Trunk-based", "spelled as the option is");
    let free = cli.json(&["decision", "add", "--title", "Cache", "--chosen", "Redis"]);
    assert_eq!(free["chosen"], "Redis", "with no options listed, any choice stands");
}

/// `project list` says how many more there are past its page and how to see them, and
/// filters and sorts as the window's list does; its JSON stays the list of projects.
#[test]
fn demo_takes_an_entry_count_or_says_why_not() {
    let cli = Cli::new();
    let counts = cli.json(&["demo", "--entries", "100"]);
    let entries = counts["entries"].as_u64().unwrap();
    assert!((100..130).contains(&entries), "{counts}");
    let fresh = Cli::new();
    assert!(fresh.fails(&["demo", "--entries", "0"]).contains("must be at least 1"));
    assert!(fresh.fails(&["demo", "--entries", "9", "--projects", "3"]).contains("--projects"));
    assert_eq!(fresh.json(&["project", "list"]), serde_json::json!([]), "nothing was written");
}

#[test]
fn project_list_says_how_many_more_and_filters() {
    let cli = Cli::new();
    cli.json(&["demo", "--projects", "103"]);
    let text = cli.text(&["project", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 101, "100 projects and the line about the rest");
    assert_eq!(
        lines[100],
        "Showing 1-100 of 103 projects; 3 more: add --offset 100 to see the next"
    );
    assert_eq!(cli.json(&["project", "list"]).as_array().unwrap().len(), 100);
    let rest = cli.text(&["project", "list", "--offset", "100"]);
    assert!(rest.ends_with("Showing 101-103 of 103 projects\n"), "{rest}");
    let small = cli.text(&["project", "list", "--limit", "200"]);
    assert!(small.ends_with("\n103 projects\n"), "{small}");

    let fresh = Cli::new();
    for (title, status, tag) in [
        ("Simplify the CI pipeline", "shipped", "platform"),
        ("Rebuild the checkout flow", "active", "payments"),
        ("Instrument billing", "active", "payments"),
    ] {
        fresh.json(&["project", "add", "--title", title, "--status", status, "--tag", tag]);
    }
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["project", "list"];
        all.extend_from_slice(args);
        fresh
            .json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&["--search", "CHECKOUT"]), vec!["Rebuild the checkout flow"]);
    assert_eq!(
        titles(&["--status", "active", "--sort", "title"]),
        vec!["Instrument billing", "Rebuild the checkout flow"]
    );
    assert_eq!(titles(&["--tag", "platform"]), vec!["Simplify the CI pipeline"]);
    assert!(fresh.text(&["project", "list", "--search", "nothing"]).contains("No projects match"));
    assert!(fresh
        .fails(&["project", "list", "--sort", "random"])
        .contains("choose one of: newest, oldest, title, most-metrics"));
}

/// Notes outside a project are listed, filtered, paged with their total, moved into a
/// project and back out.
#[test]
fn notes_are_filtered_paged_and_moved_between_projects() {
    let cli = Cli::new();
    let project = cli.json(&["project", "add", "--title", "Checkout rewrite"]);
    let pid = id(&project);
    for (date, tag) in [("2024-01-05", "weekly"), ("2024-02-05", "weekly"), ("2024-03-05", "jrnl")]
    {
        cli.json(&["note", "add", &format!("Week of {date}"), "--date", date, "--tag", tag]);
    }
    cli.json(&["note", "add", "Under the project", "--date", "2024-03-06", "--project", &pid]);

    let weekly = cli.json(&[
        "note", "list", "--tag", "weekly", "--since", "2024-01-01", "--until", "2024-02-28",
    ]);
    let texts: Vec<&str> =
        weekly.as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert_eq!(texts, vec!["Week of 2024-02-05", "Week of 2024-01-05"]);
    let page = cli.text(&["note", "list", "--limit", "2"]);
    assert!(page.contains("Under the project  [Checkout rewrite]"), "{page}");
    assert!(
        page.ends_with("Showing 1-2 of 4 notes; 2 more: add --offset 2 to see the next\n"),
        "{page}"
    );
    let second = cli.text(&["note", "list", "--limit", "2", "--offset", "2"]);
    assert!(second.contains("Week of 2024-01-05") && second.ends_with("Showing 3-4 of 4 notes\n"));
    let loose = cli.json(&["note", "list", "--no-project"]);
    assert_eq!(loose.as_array().unwrap().len(), 3);
    let quick = id(&loose[0]);

    let moved = cli.json(&["note", "edit", &quick, "--project", &pid]);
    assert_eq!(moved["project_id"].as_i64().unwrap().to_string(), pid);
    assert_eq!(cli.json(&["note", "list", "--project", &pid]).as_array().unwrap().len(), 2);
    let out = cli.json(&["note", "edit", &quick, "--no-project"]);
    assert!(out["project_id"].is_null());
    assert_eq!(cli.json(&["note", "list", "--no-project"]).as_array().unwrap().len(), 3);
    assert!(cli.text(&["note", "list", "--tag", "nothing"]).contains("No notes match"));
    cli.fails(&["note", "list", "--project", &pid, "--no-project"]);
}

/// Each option of a decision carries its pros and cons (`NAME|PROS|CONS`); an edit that
/// names an option again without them keeps them. The outcome's day is the journal's.
#[test]
fn decisions_record_pros_and_cons_per_option_and_when_the_outcome_was_written() {
    let cli = Cli::new();
    let help = cli.text(&["decision", "add", "--help"]);
    assert!(help.contains("NAME|PROS|CONS"), "{help}");
    let decision = cli.json(&[
        "decision", "add", "--title", "Queue checkout writes", "--option",
        "Kafka|replayable|ops cost", "--option", "Postgres outbox | simple", "--option", "Cron",
        "--chosen", "Kafka",
    ]);
    assert_eq!(
        decision["options"],
        serde_json::json!([
            {"text": "Kafka", "pros": "replayable", "cons": "ops cost"},
            {"text": "Postgres outbox", "pros": "simple", "cons": ""},
            {"text": "Cron", "pros": "", "cons": ""},
        ])
    );
    assert!(decision["outcome_on"].is_null());
    let did = id(&decision);
    let edited =
        cli.json(&["decision", "edit", &did, "--option", "kafka", "--option", "Cron||no replay"]);
    assert_eq!(
        edited["options"],
        serde_json::json!([
            {"text": "kafka", "pros": "replayable", "cons": "ops cost"},
            {"text": "Cron", "pros": "", "cons": "no replay"},
        ])
    );
    assert!(cli
        .fails(&["decision", "add", "--title", "x", "--chosen", "y", "--option", "|pros only"])
        .contains("no name"));
    assert!(cli
        .fails(&["decision", "add", "--title", "x", "--chosen", "y", "--option", "a|b|c|d"])
        .contains("NAME|PROS|CONS"));

    let today = chrono::Local::now().date_naive().to_string();
    let reviewed = cli.json(&["decision", "edit", &did, "--outcome", "Replays saved an incident"]);
    assert_eq!(reviewed["outcome_on"], today.as_str());
    assert!(cli.text(&["decision", "show", &did]).contains(&format!("(outcome written {today})")));
}

/// Artifact links typed without a scheme are kept as https; other schemes are refused.
#[test]
fn artifact_links_without_a_scheme_become_https() {
    let cli = Cli::new();
    let pid = id(&cli.json(&["project", "add", "--title", "Checkout rewrite"]));
    let artifact = cli.json(&[
        "artifact", "add", "--project", &pid, "--kind", "rfc", "--title", "RFC-12", "--url",
        "example.com/rfc/12",
    ]);
    assert_eq!(artifact["url"], "https://example.com/rfc/12");
    let refused = cli.fails(&[
        "artifact", "add", "--project", &pid, "--kind", "rfc", "--title", "RFC-13", "--url",
        "ftp://example.com/x",
    ]);
    assert!(refused.contains("only web addresses (http:// or https://)"), "{refused}");
}
