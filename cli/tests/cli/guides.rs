//! Guides, checklists, questions, readiness, profile and the calendar export, headless.

use serde_json::Value;

use crate::support::Cli;

#[test]
fn guides_and_questions_read_in_the_terminal() {
    let cli = Cli::new();
    let guides = cli.json(&["guide", "list"]);
    let slugs: Vec<&str> =
        guides.as_array().unwrap().iter().map(|g| g["slug"].as_str().unwrap()).collect();
    for slug in [
        "technical-leader", "tech-lead-roadmap", "staff-engineer-roadmap",
        "engineering-manager-roadmap",
    ] {
        assert!(slugs.contains(&slug), "{slug}");
    }
    let text = cli.text(&["guide", "show", "technical-leader"]);
    assert!(text.len() > 5_000 && !text.contains("<p>"), "readable text, not HTML");
    assert!(cli.fails(&["guide", "show", "nope"]).contains("not found"));

    let questions = cli.json(&["question", "list"]);
    assert_eq!(questions.as_array().unwrap().len(), 5);
    let mentor = cli.json(&["question", "show", "how-do-you-mentor-engineers"]);
    assert!(!mentor["follow_ups"].as_array().unwrap().is_empty());
    assert!(cli.text(&["question", "show", "how-do-you-mentor-engineers"]).contains("mentor"));
}

#[test]
fn checklists_persist_across_runs_with_cycles_and_a_calendar() {
    let cli = Cli::new();
    let list = cli.json(&["checklist", "show", "technical-leader"]);
    let first = &list["items"][0];
    for key in ["id", "text", "checked", "checked_at", "due"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    let item = first["id"].as_str().unwrap().to_string();
    assert_eq!(first["checked"], false);

    let checked = cli.json(&["checklist", "check", "technical-leader", &item]);
    assert_eq!(checked["done"], 1);
    let again = cli.json(&["checklist", "show", "technical-leader"]);
    assert_eq!(again["items"][0]["checked"], true, "a later run still sees the check");
    assert!(again["items"][0]["checked_at"].is_string());
    assert_eq!(cli.json(&["checklist", "uncheck", "technical-leader", &item])["done"], 0);
    cli.json(&["checklist", "check", "technical-leader", &item]);
    let fresh = cli.json(&["checklist", "new-cycle", "technical-leader"]);
    assert_eq!(fresh["cycle"]["number"], 2);
    assert_eq!(fresh["done"], 0);
    assert_eq!(fresh["history"][1]["checked"], 1);
    assert!(cli
        .fails(&["checklist", "check", "technical-leader", "no-such-item"])
        .contains("not found"));

    let out = cli.path("due.ics");
    let written = cli.json(&["export", "ics", "--out", &out]);
    let ics = std::fs::read_to_string(&out).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count() as u64, written["events"].as_u64().unwrap());
    assert!(written["events"].as_u64().unwrap() > 0);
    let missing_dir = cli.path("no/such/dir/due.ics");
    assert!(cli.fails(&["export", "ics", "--out", &missing_dir]).contains("cannot write"));
}

#[test]
fn readiness_and_profile() {
    let cli = Cli::new();
    let map = cli.json(&["readiness"]);
    assert!(map["stages"].as_array().unwrap().len() >= 3);
    assert_eq!(map["current_stage"], map["stages"][0]["id"]);
    let p = cli.json(&["project", "add", "--title", "Checkout", "--scope", "service"]);
    let id = p["id"].to_string();
    cli.json(&["artifact", "add", "--project", &id, "--kind", "rfc", "--title", "RFC-1"]);
    let map = cli.json(&["readiness"]);
    let proofs: Vec<&Value> = map["stages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["proofs"].as_array().unwrap())
        .collect();
    assert!(proofs.iter().any(|p| p["met"] == true && p["entries"][0]["title"] == "RFC-1"));

    // The overlapping band names of earlier versions still read: "5-8" is 5-7 years.
    let profile = cli.json(&[
        "profile", "set", "--band", "5-8", "--role", "backend", "--target", "staff-engineer",
    ]);
    assert_eq!(
        (profile["band"].as_str(), profile["role"].as_str()),
        (Some("5-7"), Some("backend"))
    );
    let kept = cli.json(&["profile", "set", "--role", "devops/sre"]);
    assert_eq!(kept["band"], "5-7", "unset flags keep their value");
    assert_eq!(kept["role"], "devops-sre");
    assert!(cli
        .fails(&["profile", "set", "--band", "20"])
        .contains("0-2, 3-4, 5-7, 8-11, 12-plus"));
    assert!(cli.text(&["profile", "set", "--band", "8-11"]).contains("8-11 years"));
}

/// `checklist show` starts no cycle; an item the journal proves is offered with the entry
/// named; accepting is a check, which starts the cycle.
#[test]
fn a_checklist_is_read_without_starting_a_cycle_and_offers_what_the_journal_proves() {
    let cli = Cli::new();
    let list = cli.json(&["checklist", "show", "technical-leader"]);
    assert!(list["cycle"].is_null());
    assert!(cli
        .text(&["checklist", "show", "technical-leader"])
        .contains("not started: the first check starts a cycle"));
    assert!(cli.json(&["checklist", "show", "technical-leader"])["history"]
        .as_array()
        .unwrap()
        .is_empty());

    let project = cli.json(&["project", "add", "--title", "Checkout rewrite"]);
    let list = cli.json(&["checklist", "show", "technical-leader"]);
    let item =
        list["items"].as_array().unwrap().iter().find(|i| i["id"] == "log-recent-project").unwrap();
    assert_eq!(item["checked"], false);
    assert_eq!(item["suggested"]["kind"], "project");
    assert_eq!(item["suggested"]["id"], project["id"]);
    assert_eq!(item["suggested"]["title"], "Checkout rewrite");
    assert!(cli
        .text(&["checklist", "show", "technical-leader"])
        .contains("done? the journal has project"));

    let accepted = cli.json(&["checklist", "check", "technical-leader", "log-recent-project"]);
    assert_eq!(accepted["cycle"]["number"], 1);
    assert_eq!(accepted["done"], 1);
}

/// `careerlog help` names only commands that exist.
#[test]
fn help_names_no_guide_read() {
    let cli = Cli::new();
    let help = cli.text(&["help"]);
    assert!(!help.contains("read."), "{help}");
    assert!(help.contains("Career guides: list, show"));
    assert!(cli.fails(&["guide", "read", "technical-leader"]).contains("unrecognized"));
    assert!(cli.text(&["help", "guide"]).contains("show"));
}
