//! `careerlog review ...`, `careerlog followups`, `careerlog template ...`, notes from a
//! template, metrics logged before their result, and the weekly review in the calendar.

use crate::support::{id, Cli};

#[test]
fn a_metric_can_wait_for_its_result_and_the_queue_asks_for_it() {
    let cli = Cli::new();
    let p = id(&cli.json(&["project", "add", "--title", "Checkout", "--status", "active"]));
    let waiting = cli.json(&[
        "metric", "add", "--project", &p, "--name", "p99 latency", "--unit", "ms", "--baseline",
        "800", "--target", "200", "--measure-by", "2026-01-15", "--better", "lower",
    ]);
    assert!(waiting["result"].is_null() && waiting["told"].is_null(), "{waiting}");
    assert_eq!(waiting["target"], 200.0);
    assert_eq!(waiting["waiting"], "800 ms → not measured yet · target 200 ms · by 2026-01-15");
    cli.json(&[
        "decision", "add", "--project", &p, "--title", "Queue checkout writes", "--option",
        "Kafka", "--option", "SQS", "--chosen", "Kafka", "--review", "2026-01-10",
    ]);
    let queue = cli.json(&["followups"]);
    let kinds: Vec<&str> =
        queue["items"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["decision-review", "metric-result"], "{queue}");
    assert_eq!(queue["items"][1]["key"], format!("metric-result:{}", waiting["id"]));
    let text = cli.text(&["followups"]);
    assert!(text.contains("metric without a result") && text.contains("p99 latency"), "{text}");

    // The result written, the metric leaves the queue and makes a bullet.
    cli.json(&["metric", "edit", &id(&waiting), "--result", "120"]);
    let queue = cli.json(&["followups"]);
    assert!(queue["items"].as_array().unwrap().iter().all(|f| f["kind"] != "metric-result"));
    // Neither a result nor a baseline is told plainly.
    let error = cli.fails(&["metric", "add", "--project", &p, "--name", "cost"]);
    assert!(error.contains("result: is missing: enter it, or log the baseline now"), "{error}");
}

#[test]
fn the_week_and_the_quarter_in_a_terminal() {
    let cli = Cli::new();
    let quiet = cli.text(&["review", "week", "--date", "2026-12-01"]);
    assert!(quiet.starts_with("Week of 30 November 2026 (2026-11-30 to 2026-12-06)"), "{quiet}");
    assert!(quiet.contains("Weekly review: Friday at 16:00"), "{quiet}");

    let p = id(&cli.json(&["project", "add", "--title", "Checkout", "--started", "2026-10-01"]));
    cli.latency(&p, &["--measured", "2026-11-03"]);
    let week = cli.json(&["review", "week"]);
    assert_eq!(week["period"]["kind"], "week");
    assert_eq!(week["added_total"], 2);
    assert_eq!(week["metrics"][0]["name"], "p99 latency");
    let quarter = cli.json(&["review", "quarter", "--date", "2026-11-20"]);
    assert_eq!(quarter["period"]["label"], "Q4 2026");
    assert_eq!(quarter["projects"][0]["project"]["title"], "Checkout");
    let text = cli.text(&["review", "quarter", "--date", "2026-11-20"]);
    assert!(text.contains("## Q4 2026 (2026-10-01 to 2026-12-31)"), "{text}");
    assert!(text.contains("- p99 latency: 800 ms → 120 ms"), "{text}");
    let year = cli.json(&["review", "year", "--date", "2026-11-20"]);
    assert_eq!(year["period"]["starts_on"], "2026-01-01");
    let half = cli.json(&["review", "half", "--date", "2026-03-01"]);
    assert_eq!(half["period"]["label"], "H1 2026");
    assert!(cli.fails(&["review", "quarter", "--date", "2026-13-01"]).contains("2026-13-01"));
}

#[test]
fn notes_start_from_templates() {
    let cli = Cli::new();
    let all = cli.json(&["template", "list"]);
    let slugs: Vec<&str> =
        all.as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap()).collect();
    for expected in [
        "incident", "launch", "mentoring-session", "one-on-one", "weekly-review",
        "promotion-conversation",
    ] {
        assert!(slugs.contains(&expected), "{expected} in {slugs:?}");
    }
    let incident = cli.json(&["template", "show", "incident"]);
    assert_eq!(incident["source"], "shipped");
    let body = cli.text(&["template", "show", "incident"]);
    assert!(body.starts_with("## "), "{body}");

    let note = cli.json(&["note", "add", "Checkout outage on Tuesday", "--template", "incident"]);
    let text = note["text"].as_str().unwrap();
    assert!(text.starts_with("Checkout outage on Tuesday\n\n## "), "{text}");
    assert_eq!(note["tags"], serde_json::json!(["incident"]));
    let bare = cli.json(&["note", "add", "--template", "one-on-one"]);
    assert!(bare["text"].as_str().unwrap().starts_with("## "));
    let unknown = cli.fails(&["note", "add", "--template", "nope"]);
    assert!(unknown.contains("the template \"nope\"") && unknown.contains("incident"), "{unknown}");
    assert!(cli.fails(&["note", "add"]).contains("give the note's text"));
}

#[test]
fn the_calendar_carries_the_weekly_review() {
    let cli = Cli::new();
    let out = cli.path("career.ics");
    let written = cli.json(&["export", "ics", "--out", &out]);
    assert_eq!(written["review"], "Friday at 16:00");
    let ics = std::fs::read_to_string(&out).unwrap();
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=FR\r\n"), "{ics}");
    assert!(ics.contains("BEGIN:VALARM\r\n") && ics.contains("TRIGGER:PT0M\r\n"), "{ics}");
    assert!(ics.contains("UID:weekly-review@careerlog.local\r\n"));
}
