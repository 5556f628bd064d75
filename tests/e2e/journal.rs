//! The journal in the real window: forms with inline validation, the derived metric change,
//! the Ctrl+K palette, delete with undo, and the quick note on Home.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::seed::{self, Project};
use crate::support::{id_of, App, Turn};

async fn projects(app: &App) -> Vec<Value> {
    let page = app.invoke_ok("project_list", json!({"offset": 0, "limit": 50})).await;
    page["projects"].as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_with_a_metric_and_a_decision_is_found_deleted_and_restored() {
    let (_turn, app) = Turn::opened().await;

    // An empty title is refused under the field, and nothing is written.
    app.click("nav-journal").await;
    app.click("project-new").await;
    app.fill("project-organization", "Acme Payments").await;
    app.click("project-save").await;
    let error = app.text_with("error-title", "empty").await;
    assert!(error.contains("empty"), "{error}");
    assert_eq!(
        app.testid("project-organization").await.prop("value").await.unwrap().as_deref(),
        Some("Acme Payments"),
        "the form keeps what was typed"
    );
    assert!(projects(&app).await.is_empty());

    // The same form, completed; Enter in a one-line field saves it.
    app.fill("project-title", "Checkout latency rewrite").await;
    app.fill("project-role", "Tech lead").await;
    app.fill("project-started", "2024-01-08").await;
    app.choose("project-scope", "service").await;
    app.choose("project-status", "shipped").await;
    app.fill("project-tags", "performance, payments").await;
    app.send_keys("project-role", &Key::Enter).await;
    app.testid("project-page").await;
    let saved = projects(&app).await;
    assert_eq!(saved.len(), 1);
    let project = saved[0]["id"].as_i64().unwrap();

    // A metric: the change comes from the core, worded by the window.
    app.click("metric-new").await;
    app.fill("metric-name", "p99 checkout latency").await;
    app.fill("metric-baseline", "800").await;
    app.fill("metric-result", "120").await;
    app.fill("metric-unit", "ms").await;
    app.choose("metric-better", "lower").await;
    app.click("metric-save").await;
    app.gone("metric-form").await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let metric = detail["metrics"][0]["id"].as_i64().unwrap();
    let change = app.text_with(&format!("metric-change-{metric}"), "85%").await;
    assert!(change.contains("85%"), "{change}");
    assert!(change.contains("800 ms") && change.contains("120 ms"), "{change}");

    // A decision with two options weighed.
    app.click("decision-new").await;
    app.fill("decision-title", "Move order events onto Kafka").await;
    app.fill("decision-option-0", "Kafka").await;
    app.fill("decision-pros-0", "replay, ordering").await;
    app.fill("decision-option-1", "Cron polling").await;
    app.fill("decision-cons-1", "minutes of lag").await;
    app.choose("decision-chosen", "Kafka").await;
    app.fill("decision-confidence", "70").await;
    app.click("decision-save").await;
    app.gone("decision-form").await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let decision = detail["decisions"][0]["id"].as_i64().unwrap();
    assert_eq!(detail["decisions"][0]["options"].as_array().unwrap().len(), 2);
    app.testid(&format!("decision-{decision}")).await;

    // Ctrl+K from Home finds the decision with the word marked; Enter opens its project.
    app.click("nav-home").await;
    app.testid("section-home").await;
    app.chord(&[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    app.fill("search-input", "kafka").await;
    let hit = app.testid(&format!("search-hit-{decision}")).await;
    let marked = hit.find(Locator::Css("mark")).await.unwrap();
    assert_eq!(marked.text().await.unwrap().to_lowercase(), "kafka");
    app.send_keys("search-input", &Key::Enter).await;
    app.gone("search-palette").await;
    app.testid("project-page").await;
    app.testid(&format!("decision-{decision}")).await;

    // Hostile input is searched for as text: no match, no error.
    app.chord(&[Key::Control.into(), 'k']).await;
    app.fill("search-input", "\"NEAR( AND * title:x").await;
    app.testid("search-empty").await;
    app.send_keys("search-input", &Key::Escape).await;
    app.gone("search-palette").await;

    // Delete goes to the trash; Undo brings the project back with its entries.
    app.click("project-delete").await;
    app.testid("section-journal").await;
    app.gone(&format!("project-{project}")).await;
    let toast = app.text_with("toast", "Deleted").await;
    assert!(toast.contains("Deleted “Checkout latency rewrite”"), "{toast}");
    app.click("toast-undo").await;
    app.click(&format!("project-{project}")).await;
    app.testid(&format!("metric-{metric}")).await;
    app.testid(&format!("decision-{decision}")).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quick_note_on_home_is_listed_at_once() {
    let (_turn, app) = Turn::opened().await;

    // Ctrl+K works from a text field too.
    app.click("quick-note-text").await;
    app.chord(&[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    app.send_keys("search-input", &Key::Escape).await;
    app.gone("search-palette").await;

    // Usable on an empty journal; an empty note is refused in place.
    app.click("quick-note-save").await;
    app.testid("error-text").await;
    app.fill("quick-note-text", "Paired with Priya on the <b>rollout</b> plan").await;
    app.click("quick-note-save").await;

    let notes = app.invoke_ok("note_list", json!({"limit": 10})).await;
    let note = notes[0]["id"].as_i64().expect("the note was saved");
    let shown = app.text_with(&format!("recent-note-{note}"), "rollout").await;
    // What was typed is shown as text, never as markup.
    assert!(shown.contains("<b>rollout</b>"), "{shown}");
    let field = app.testid("quick-note-text").await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(""));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_kind_of_entry_is_added_checked_and_trashed() {
    let (_turn, app) = Turn::opened().await;
    let project =
        seed::opened_project(&app, &Project { title: "Search relevance", ..Project::default() })
            .await;
    app.testid("project-page").await;

    // An artifact with a link that is not one: refused under the field, form kept.
    app.click("artifact-new").await;
    app.choose("artifact-kind", "rfc").await;
    app.fill("artifact-title", "RFC: learning to rank").await;
    app.fill("artifact-url", "javascript:alert(1)").await;
    app.click("artifact-save").await;
    let error = app.text_with("error-url", "web address").await;
    assert!(error.contains("web address"), "{error}");
    app.fill("artifact-url", "https://example.org/rfc/ltr").await;
    app.click("artifact-save").await;
    app.gone("artifact-form").await;

    app.click("feedback-new").await;
    app.fill("feedback-source", "Manager").await;
    app.fill("feedback-text", "Clear write-up of the offline evaluation.").await;
    app.choose("feedback-rating", "4").await;
    app.click("feedback-save").await;
    app.gone("feedback-form").await;

    app.click("note-new").await;
    app.fill("note-text", "Offline NDCG up 6 points on the holdout set").await;
    app.fill("note-date", "2024-02-30").await;
    app.click("note-save").await;
    app.text_with("error-date", "calendar").await;
    app.fill("note-date", "2024-02-28").await;
    app.click("note-save").await;
    app.gone("note-form").await;

    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let artifact = detail["artifacts"][0]["id"].as_i64().unwrap();
    let feedback = detail["feedback"][0]["id"].as_i64().unwrap();
    let note = detail["notes"][0]["id"].as_i64().unwrap();
    assert_eq!(detail["artifacts"][0]["url"], json!("https://example.org/rfc/ltr"));
    assert_eq!(detail["feedback"][0]["rating"], json!(4));
    assert_eq!(detail["notes"][0]["date"], json!("2024-02-28"));
    // The link is text to copy, never a link the window would follow.
    let url = app.testid(&format!("artifact-url-{artifact}")).await;
    assert_eq!(url.prop("tagName").await.unwrap().as_deref(), Some("CODE"));
    app.testid(&format!("feedback-{feedback}")).await;

    // Edit keeps the entry; delete sends it to the trash, where it can be restored.
    app.click(&format!("edit-{note}")).await;
    app.fill("note-text", "Offline NDCG up 6 points; online test next").await;
    app.click("note-save").await;
    app.text_with(&format!("note-{note}"), "online test next").await;
    app.click(&format!("delete-{note}")).await;
    app.gone(&format!("note-{note}")).await;

    // Escape leads back to the list, and the trash is one click from there.
    app.chord(&[Key::Escape.into()]).await;
    app.testid(&format!("project-{project}")).await;
    app.click("trash-open").await;
    let trashed = app.invoke_ok("trash_list", json!({})).await;
    let item = trashed[0]["id"].as_i64().unwrap();
    app.click(&format!("trash-restore-{item}")).await;
    app.gone(&format!("trash-item-{item}")).await;

    // Emptying the trash asks first, and Cancel keeps everything.
    app.invoke_ok("entry_delete", json!({"id": feedback})).await;
    app.click("trash-back").await;
    app.click("trash-open").await;
    app.click("trash-empty").await;
    app.testid("trash-empty-confirm").await;
    app.chord(&[Key::Escape.into()]).await;
    app.gone("trash-empty-confirm").await;
    assert_eq!(app.invoke_ok("trash_list", json!({})).await.as_array().unwrap().len(), 1);
    app.click("trash-empty").await;
    app.click("trash-empty-confirm").await;
    app.gone("trash-empty").await;
    assert!(app.invoke_ok("trash_list", json!({})).await.as_array().unwrap().is_empty());
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    assert_eq!(detail["notes"][0]["id"], json!(note), "the restored note is back");
    app.close().await;
}

/// The test id of the element that has the keyboard.
async fn focused(app: &App) -> String {
    app.execute("return document.activeElement?.dataset?.testid ?? ''", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Fills a field after scrolling it to the middle of its form (one at a form's foot is
/// hidden behind the buttons for WebDriver).
async fn fill_seen(app: &App, id: &str, text: &str) {
    app.execute(
        &format!(
            "document.querySelector('[data-testid={id}]').scrollIntoView({{block: 'center'}})"
        ),
        vec![],
    )
    .await;
    app.fill(id, text).await;
}

/// Empties a field as typing would (the page hears the keys, not only the value change).
async fn empty(app: &App, id: &str) {
    fill_seen(app, id, "x").await;
    app.send_keys(id, &Key::Backspace).await;
}

/// A decision saved in `project` (`extra` adds to or replaces the plain fields).
async fn decision(app: &App, project: i64, extra: Value) -> i64 {
    let mut input = json!({
        "project_id": project, "title": "Move order events onto a queue", "context": null,
        "goal": null, "options": [{"text": "Queue", "pros": "replay", "cons": ""},
        {"text": "Cron polling", "pros": "", "cons": "lag"}], "chosen": "Queue",
        "tradeoffs": null, "expected": "Checkout writes can be replayed", "confidence": 70,
        "outcome": null, "outcome_on": null, "decided_on": "2024-01-10", "review_on": null,
        "tags": [], "skills": [],
    });
    for (key, value) in extra.as_object().unwrap() {
        input[key] = value.clone();
    }
    id_of(&seed::save(app, "decision_save", input).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_is_not_thrown_away_by_escape_or_the_close_button() {
    let (_turn, app) = Turn::opened().await;
    app.click("nav-journal").await;

    // Nothing typed: Escape closes at once.
    app.click("project-new").await;
    app.send_keys("project-title", &Key::Escape).await;
    app.gone("project-form").await;
    assert_eq!(app.count("confirm-dialog").await, 0);

    // Something typed: Escape asks, with Keep editing on the keyboard, and keeps the draft.
    app.click("project-new").await;
    app.fill("project-title", "Checkout latency rewrite").await;
    app.send_keys("project-title", &Key::Escape).await;
    let asked = app.text_with("confirm-dialog", "Discard your changes?").await;
    assert!(asked.contains("Discard your changes?"), "{asked}");
    assert_eq!(focused(&app).await, "confirm-cancel");
    assert_eq!(app.text("confirm-cancel").await, "Keep editing");
    app.press(Key::Enter).await;
    app.gone("confirm-dialog").await;
    let title = app.testid("project-title").await;
    assert_eq!(title.prop("value").await.unwrap().as_deref(), Some("Checkout latency rewrite"));

    // The close button asks too; Escape in the question keeps editing.
    app.execute(
        "document.querySelector('[data-testid=project-form] button[aria-label=Close]').click()",
        vec![],
    )
    .await;
    app.testid("discard-confirm").await;
    app.press(Key::Escape).await;
    app.gone("confirm-dialog").await;
    app.testid("project-form").await;

    // Discard throws it away: nothing is saved.
    app.click("project-cancel").await;
    app.click("discard-confirm").await;
    app.gone("project-form").await;
    assert!(projects(&app).await.is_empty());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_shows_every_refusal_chooses_among_its_options_and_previews_its_bullet() {
    let (_turn, app) = Turn::opened().await;
    let project =
        seed::opened_project(&app, &Project { title: "Order pipeline", ..Project::shipped() })
            .await;
    app.click("decision-new").await;

    // Typed values the window cannot read: each refused by its own field, the first focused.
    app.fill("decision-confidence", "101").await;
    app.fill("decision-review", "soon").await;
    app.click("decision-save").await;
    let confidence = app.text_with("error-confidence", "whole number").await;
    assert!(confidence.contains("whole number"), "{confidence}");
    let review = app.text_with("error-review_on", "YYYY-MM-DD").await;
    assert!(review.starts_with("Use the form"), "{review}");
    assert_eq!(focused(&app).await, "decision-confidence");

    // The core's refusal: every field it names, in the user's words.
    app.fill("decision-confidence", "70").await;
    empty(&app, "decision-review").await;
    app.click("decision-save").await;
    let title = app.text_with("error-title", "empty").await;
    assert!(title.starts_with("Cannot be empty"), "{title}");
    app.testid("error-chosen").await;
    assert_eq!(focused(&app).await, "decision-title");

    // With options typed, the choice is a select among them.
    app.fill("decision-title", "Move order events onto a queue").await;
    app.fill("decision-option-0", "Kafka").await;
    app.fill("decision-option-1", "Cron polling").await;
    let chosen = app.testid("decision-chosen").await;
    assert_eq!(chosen.prop("tagName").await.unwrap().as_deref(), Some("SELECT"));
    app.choose("decision-chosen", "Kafka").await;

    // The bullet it will make, live beside the fields, with what to add.
    let hint = app.text_with("bullet-preview-hint", "goal").await;
    assert!(hint.to_lowercase().contains("goal"), "{hint}");
    app.fill("decision-goal", "keep checkout writes replayable").await;
    let bullet = app.text_with("bullet-preview-text", "replayable").await;
    assert!(bullet.contains("Kafka") && bullet.contains("replayable"), "{bullet}");
    shot(&app, "decision-preview".into()).await;

    // An option renamed after the choice: the core's refusal shows by the choice.
    app.fill("decision-option-0", "Kafka Streams").await;
    app.click("decision-save").await;
    let refused = app.text_with("error-chosen", "not one of the options").await;
    assert!(refused.contains("not one of the options"), "{refused}");
    app.choose("decision-chosen", "Kafka Streams").await;
    app.click("decision-save").await;
    app.gone("decision-form").await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    assert_eq!(detail["decisions"][0]["chosen"], json!("Kafka Streams"));
    app.close().await;
}

/// "2024-03-05" as the window writes it: "5 Mar 2024".
fn day(date: &str) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<usize> = date.split('-').map(|p| p.parse().unwrap()).collect();
    format!("{} {} {}", parts[2], MONTHS[parts[1] - 1], parts[0])
}

#[tokio::test(flavor = "multi_thread")]
async fn a_review_from_home_opens_on_the_outcome_and_the_decision_tells_when_it_was_reviewed() {
    let (_turn, app) = Turn::opened().await;
    let project =
        seed::project(&app, &Project { title: "Order pipeline", ..Project::shipped() }).await;
    let id = decision(&app, project, json!({"review_on": "2024-03-01"})).await;
    app.click("nav-journal").await;
    app.click("nav-home").await;

    // The follow-up queue's "Write the outcome" opens the decision's form on its outcome,
    // right there.
    let due = format!("followup-decision-review:{id}");
    let act = format!("[data-testid='{due}'] [data-testid='followup-act']");
    app.wait(&act).await.click().await.unwrap();
    app.testid("decision-form").await;
    assert_eq!(focused(&app).await, "decision-outcome");
    fill_seen(&app, "decision-outcome", "Replays saved two incidents").await;
    app.click("decision-save").await;
    app.gone("decision-form").await;
    app.gone(&due).await;

    // The decision says the day its outcome was written, not the review date.
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let written =
        detail["decisions"][0]["outcome_on"].as_str().expect("the outcome's day").to_string();
    app.click("nav-journal").await;
    app.click(&format!("project-{project}")).await;
    let reviewed = app.text_with(&format!("decision-reviewed-{id}"), "Reviewed").await;
    assert_eq!(reviewed, format!("Reviewed {}", day(&written)));
    assert!(
        !app.text(&format!("decision-{id}")).await.contains("1 Mar 2024"),
        "the review date is not shown as the day it was reviewed"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_metric_tells_its_change_as_the_core_does_and_previews_its_bullet() {
    let (_turn, app) = Turn::opened().await;
    let project =
        seed::opened_project(&app, &Project { title: "Checkout conversion", ..Project::shipped() })
            .await;
    app.click("metric-new").await;
    app.fill("metric-name", "checkout conversion").await;
    app.fill("metric-baseline", "2.1").await;
    app.fill("metric-result", "2.6").await;
    app.fill("metric-unit", "%").await;
    app.choose("metric-better", "higher").await;
    let bullet = app.text_with("bullet-preview-text", "2.6%").await;
    assert!(bullet.to_lowercase().contains("checkout conversion"), "{bullet}");
    app.click("metric-save").await;
    app.gone("metric-form").await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let metric = id_of(&detail["metrics"][0]);
    let told = detail["metrics"][0]["told"]["delta"].as_str().unwrap();
    assert_eq!(told, "+0.5 points (+24%)");
    // A percentage moves in points, worded by the core (the window once said "+0.5 pp").
    let change = app.text_with(&format!("metric-change-{metric}"), "points").await;
    assert!(change.contains("2.1% → 2.6%"), "{change}");
    assert!(change.contains("+0.5 points (+24%)"), "{change}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_artifact_link_opens_in_the_browser_only_when_it_is_a_web_address() {
    // A fake browser first on the app's PATH: it writes the link it was given to a file.
    let turn = Turn::take_with(|dir| {
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let opened = dir.join("opened.txt");
        let script = bin.join("xdg-open");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", opened.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let joined =
            std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path))).unwrap();
        vec![("PATH", PathBuf::from(joined))]
    })
    .await;
    let opened = turn.path("opened.txt");
    let app = turn.open().await;
    let project =
        seed::opened_project(&app, &Project { title: "Search relevance", ..Project::default() })
            .await;

    // A link typed without its scheme is kept as https.
    app.click("artifact-new").await;
    app.choose("artifact-kind", "rfc").await;
    app.fill("artifact-title", "RFC: learning to rank").await;
    app.fill("artifact-url", "example.com/x").await;
    app.click("artifact-save").await;
    app.gone("artifact-form").await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let artifact = id_of(&detail["artifacts"][0]);
    let shown = app.text_with(&format!("artifact-url-{artifact}"), "https://").await;
    assert_eq!(shown, "https://example.com/x");
    assert!(!opened.exists(), "nothing opens before the click");

    // An explicit click hands it to the system browser.
    app.click(&format!("artifact-open-{artifact}")).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !opened.exists() && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let got = std::fs::read_to_string(&opened).expect("the browser was asked to open the link");
    assert_eq!(got.trim(), "https://example.com/x");

    // Anything but a web address is refused, and the page cannot reach the opener itself.
    for url in ["javascript:alert(1)", "file:///etc/passwd"] {
        let refused = app.invoke("link_open", json!({"url": url})).await.expect_err(url);
        assert_eq!(refused["kind"], json!("invalid"), "{url}: {refused}");
        assert_eq!(refused["field"], json!("url"), "{url}: {refused}");
    }
    assert!(app
        .invoke("plugin:opener|open_url", json!({"url": "https://example.com/y"}))
        .await
        .is_err());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got = std::fs::read_to_string(&opened).unwrap();
    assert_eq!(got.lines().count(), 1, "only the one click opened: {got}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_probe_times_each_page_of_the_project_list() {
    let (_turn, app) = Turn::on_demo(120).await;
    app.click("nav-journal").await;
    let pages = "(window.__careerlogProbe?.samples ?? [])
        .filter((s) => s.name === 'list-page')
        .map((s) => [s.label, s.ms])";
    // "Load more" twice: a sample each, from the click to the paint after the new rows,
    // labelled with the rows shown before it.
    for n in 1..=2 {
        app.click_centered("project-more").await;
        app.until("a sample for the page", &format!("return {pages}.length >= {n}")).await;
    }
    let seen = app.execute(&format!("return {pages}"), vec![]).await;
    let seen = seen.as_array().unwrap();
    let labels: Vec<&str> = seen.iter().map(|s| s[0].as_str().unwrap()).collect();
    assert_eq!(labels, ["50", "100"], "{seen:?}");
    assert!(seen.iter().all(|s| (0.0..30_000.0).contains(&s[1].as_f64().unwrap())), "{seen:?}");
    assert_eq!(app.count("project-more").await, 0, "120 projects are all shown after two pages");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_project_list_is_searched_filtered_and_sorted_and_keeps_its_filter() {
    let (_turn, app) = Turn::opened().await;
    let latency = seed::project(
        &app,
        &Project {
            title: "Checkout latency rewrite",
            tags: &["performance"],
            ..Project::shipped()
        },
    )
    .await;
    let search = seed::project(
        &app,
        &Project {
            title: "Search relevance",
            status: Some("active"),
            tags: &["ranking"],
            ..Project::default()
        },
    )
    .await;
    let billing = seed::project(
        &app,
        &Project { title: "Billing export", tags: &["performance"], ..Project::shipped() },
    )
    .await;
    seed::metric(&app, &seed::Metric::of(search, "NDCG@10", None::<&str>, (0.41, 0.47), "higher"))
        .await;
    app.click("nav-journal").await;
    app.testid(&format!("project-{latency}")).await;

    // Words in the title.
    app.fill("project-search", "latency").await;
    app.gone(&format!("project-{search}")).await;
    app.testid(&format!("project-{latency}")).await;
    assert_eq!(app.count(&format!("project-{billing}")).await, 0);

    // A tag and a status, on top of clearing the words.
    empty(&app, "project-search").await;
    app.testid(&format!("project-{search}")).await;
    app.choose("project-filter-tag", "performance").await;
    app.gone(&format!("project-{search}")).await;
    app.choose("project-filter-status", "active").await;
    app.testid("project-no-match").await;

    // Clear filters brings every project back.
    app.click("project-filters-clear").await;
    app.testid(&format!("project-{search}")).await;
    app.testid(&format!("project-{billing}")).await;
    let tag = app.testid("project-filter-tag").await;
    assert_eq!(tag.prop("value").await.unwrap().as_deref(), Some(""));

    // Sorted by title, and by metrics.
    app.choose("project-sort", "title").await;
    app.until(
        "sorted by title",
        &format!("return document.querySelector('[aria-label=Projects] li [data-testid]')?.dataset.testid === 'project-{billing}'"),
    )
    .await;
    app.choose("project-sort", "most-metrics").await;
    app.until(
        "sorted by metrics",
        &format!("return document.querySelector('[aria-label=Projects] li [data-testid]')?.dataset.testid === 'project-{search}'"),
    )
    .await;

    // The filter stays while a project is open and after coming back.
    app.choose("project-filter-scope", "service").await;
    app.gone(&format!("project-{search}")).await;
    app.click(&format!("project-{latency}")).await;
    app.testid("project-page").await;
    app.click("project-back").await;
    app.testid(&format!("project-{latency}")).await;
    assert_eq!(app.count(&format!("project-{search}")).await, 0);
    let scope = app.testid("project-filter-scope").await;
    assert_eq!(scope.prop("value").await.unwrap().as_deref(), Some("service"));
    let sort = app.testid("project-sort").await;
    assert_eq!(sort.prop("value").await.unwrap().as_deref(), Some("most-metrics"));
    app.close().await;
}

/// A screenshot for the journal captures, once the page has settled.
async fn shot(app: &App, name: String) {
    tokio::time::sleep(Duration::from_millis(400)).await;
    app.shot(&format!("journal-{name}")).await;
}

/// Not a check: saves the empty states, then on a journal a dozen projects full
/// (`careerlog demo`) the journal list, a project page, the forms, the palette with results,
/// the trash and Home, in both themes, to `target/screenshots/journal-*.png`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e journal::capture -- --ignored"]
async fn capture_journal_screenshots() {
    let (turn, app) = Turn::opened().await;

    // A new journal first: the empty states.
    for name in ["light", "dark"] {
        app.pick_theme(name).await;
        app.click("nav-journal").await;
        app.testid("project-new").await;
        shot(&app, format!("empty-{name}")).await;
        app.click("nav-home").await;
        app.testid("quick-note-text").await;
        shot(&app, format!("home-empty-{name}")).await;
    }
    app.close().await;

    let full = turn.path("demo.sqlite3");
    seed::demo(&full, 12);
    let app = turn.open_on(&full).await;
    let featured = id_of(&projects(&app).await[0]);
    let detail = app.invoke_ok("project_get", json!({"id": featured})).await;
    let metric = detail["metrics"][0]["id"].as_i64().unwrap();
    let decision = detail["decisions"][0]["id"].as_i64().unwrap();
    let loose = app.invoke_ok("note_list", json!({"limit": 1})).await[0]["id"].clone();
    app.invoke_ok("entry_delete", json!({"id": loose})).await;
    let scroll_to = |id: &'static str| {
        let app = &app;
        async move {
            let script = format!("document.getElementById('{id}').scrollIntoView()");
            app.execute(&script, vec![]).await;
        }
    };

    for name in ["light", "dark"] {
        app.pick_theme(name).await;
        app.click("nav-journal").await;
        app.testid(&format!("project-{featured}")).await;
        shot(&app, format!("list-{name}")).await;

        app.click(&format!("project-{featured}")).await;
        app.testid("project-page").await;
        shot(&app, format!("project-{name}")).await;
        scroll_to("heading-decisions").await;
        shot(&app, format!("project-decisions-{name}")).await;
        scroll_to("heading-artifacts").await;
        shot(&app, format!("project-more-{name}")).await;

        app.click(&format!("edit-{decision}")).await;
        app.testid("decision-form").await;
        shot(&app, format!("decision-form-{name}")).await;
        app.click("decision-cancel").await;
        app.gone("decision-form").await;

        // Ended before it started (the demo's dates are 2016 to 2025).
        app.click("project-edit").await;
        app.fill("project-ended", "2015-12-31").await;
        app.click("project-save").await;
        app.testid("error-ended_on").await;
        shot(&app, format!("project-form-error-{name}")).await;
        app.click("project-cancel").await;
        app.gone("project-form").await;

        app.click(&format!("delete-{metric}")).await;
        app.testid("toast-undo").await;
        shot(&app, format!("toast-{name}")).await;
        app.click("toast-undo").await;
        app.testid(&format!("metric-{metric}")).await;

        app.chord(&[Key::Control.into(), 'k']).await;
        app.fill("search-input", "latency").await;
        app.wait("[data-testid^='search-hit-']").await;
        shot(&app, format!("palette-{name}")).await;
        app.send_keys("search-input", &Key::Escape).await;
        app.gone("search-palette").await;

        app.click("project-back").await;
        app.click("trash-open").await;
        app.testid("trash-empty").await;
        shot(&app, format!("trash-{name}")).await;
        app.click("trash-empty").await;
        app.testid("trash-empty-confirm").await;
        shot(&app, format!("trash-confirm-{name}")).await;
        app.execute("document.activeElement.click()", vec![]).await;
        app.gone("trash-empty-confirm").await;

        app.click("nav-home").await;
        app.testid("quick-note-text").await;
        shot(&app, format!("home-{name}")).await;
    }
    app.pick_theme("system").await;
    app.close().await;
}

// The Notes view (issue 12): every note, loose ones too, as a weekly log.

/// A note as `note_save` takes it; its id.
async fn note(app: &App, project: Option<i64>, date: &str, text: &str, tags: &[&str]) -> i64 {
    let input = json!({"project_id": project, "date": date, "text": text,
        "tags": tags, "skills": []});
    id_of(&seed::save(app, "note_save", input).await)
}

/// The ids of the notes listed in the Notes view, top to bottom.
async fn listed_notes(app: &App) -> Vec<i64> {
    let ids = app
        .execute(
            "return [...document.querySelectorAll(\"[data-testid^='notes-row-']\")]
               .map(r => Number(r.dataset.testid.slice('notes-row-'.length)))",
            vec![],
        )
        .await;
    serde_json::from_value(ids).unwrap()
}

/// Empties a text box as typing would (WebDriver's clear sends no input event).
async fn empty_field(app: &App, id: &str) {
    let field = app.testid(id).await;
    app.execute(
        "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        vec![serde_json::to_value(&field).unwrap()],
    )
    .await;
}

/// The text of an element once it contains `expected`: the Notes view redraws rows as
/// its pages come in, so an element found a moment ago may be gone; it is found again.
async fn text_of(app: &App, id: &str, expected: &str) -> String {
    let css = format!("[data-testid='{id}']");
    let mut last = String::new();
    for _ in 0..150 {
        if let Ok(element) = app.client.find(Locator::Css(&css)).await {
            if let Ok(text) = element.text().await {
                if text.contains(expected) {
                    return text;
                }
                last = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{id} never read {expected:?}; last: {last:?}");
}

/// Waits until the Notes view lists `ok` notes.
async fn notes_until(app: &App, what: &str, ok: impl Fn(&[i64]) -> bool) -> Vec<i64> {
    let mut last = Vec::new();
    for _ in 0..100 {
        last = listed_notes(app).await;
        if ok(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the notes never showed {what}; last: {last:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn notes_are_listed_by_week_filtered_paged_edited_moved_and_deleted() {
    let (_turn, app) = Turn::opened().await;
    app.click("profile-later").await;

    // Before any note: the view says what will be here.
    app.click("nav-journal").await;
    app.click("notes-open").await;
    let empty = text_of(&app, "notes-empty", "No notes yet").await;
    assert!(empty.contains("No notes yet"), "{empty}");

    let project =
        seed::project(&app, &Project { title: "Checkout rewrite", ..Project::shipped() }).await;
    for day in 1..=52 {
        let date = format!("2023-{:02}-{:02}", 1 + day % 12, 1 + day % 28);
        note(&app, None, &date, &format!("Weekly sync {day}"), &[]).await;
    }
    let oncall =
        note(&app, None, "2024-05-06", "Handed over the on-call rotation", &["oncall"]).await;
    let runbook = note(&app, None, "2024-05-08", "Wrote the migration runbook", &["docs"]).await;
    let mentoring =
        note(&app, None, "2024-04-30", "Mentored Sam on code review", &["mentoring"]).await;
    let load = note(&app, Some(project), "2024-05-07", "Load test passed at 3x", &["oncall"]).await;

    // From Home's recent notes to all of them: newest first, cut into weeks, fifty at a time.
    // From the keyboard: Home's cards still move as they load, so no click by position.
    app.click("nav-home").await;
    app.testid(&format!("recent-note-{load}")).await;
    let all = app.testid("recent-notes-all").await;
    app.execute("arguments[0].focus()", vec![serde_json::to_value(&all).unwrap()]).await;
    app.press(Key::Enter).await;
    app.testid("section-notes").await;
    let shown = notes_until(&app, "the first page", |ids| ids.len() == 50).await;
    assert_eq!(shown[..4], [runbook, load, oncall, mentoring]);
    let week_text = text_of(&app, "notes-week-2024-05-06", "3").await.to_lowercase();
    assert!(
        week_text.contains("week of 6 may 2024") && week_text.contains("3 notes"),
        "{week_text}"
    );
    app.testid("notes-week-2024-04-29").await;
    text_of(&app, "notes-count", "56 notes").await;
    let project_link = text_of(&app, &format!("notes-project-{load}"), "Checkout").await;
    assert_eq!(project_link, "Checkout rewrite");
    app.click("notes-more").await;
    notes_until(&app, "the second page", |ids| ids.len() == 56).await;

    // Outside any project, by tag, by days; an end before the start is said by the field.
    app.click("notes-scope-loose").await;
    notes_until(&app, "the loose notes", |ids| ids.len() == 50 && !ids.contains(&load)).await;
    app.fill("notes-tag", "oncall").await;
    notes_until(&app, "the loose on-call note", |ids| ids == [oncall]).await;
    app.click("notes-scope-all").await;
    notes_until(&app, "both on-call notes", |ids| ids == [load, oncall]).await;
    app.click("notes-clear").await;
    app.fill("notes-since", "2024-05-01").await;
    app.fill("notes-until", "2024-05-07").await;
    notes_until(&app, "the first week of May", |ids| ids == [load, oncall]).await;
    app.fill("notes-since", "2024-05-09").await;
    let refused = text_of(&app, "error-until", "before").await;
    assert!(refused.contains("before the start"), "{refused}");
    app.fill("notes-tag", "no-such-tag").await;
    empty_field(&app, "notes-since").await;
    let none = text_of(&app, "notes-empty", "No notes match").await;
    assert!(none.contains("No notes match"), "{none}");
    app.click("notes-clear").await;
    notes_until(&app, "every note again", |ids| ids.len() == 50).await;

    // Edit in place.
    app.click(&format!("edit-{mentoring}")).await;
    app.fill("note-text", "Mentored Sam on reviews of risky migrations").await;
    app.click("note-save").await;
    app.gone("note-form").await;
    let row = text_of(&app, &format!("notes-row-{mentoring}"), "risky migrations").await;
    assert!(row.contains("risky migrations"), "{row}");

    // Attach a loose note to the project, then take it out again.
    app.click(&format!("attach-{oncall}")).await;
    app.choose("note-attach-project", &project.to_string()).await;
    app.click("note-attach-save").await;
    app.gone("note-attach-form").await;
    let link = text_of(&app, &format!("notes-project-{oncall}"), "Checkout").await;
    assert_eq!(link, "Checkout rewrite");
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let under: Vec<i64> = detail["notes"].as_array().unwrap().iter().map(id_of).collect();
    assert!(under.contains(&oncall), "{under:?}");
    app.click(&format!("attach-{oncall}")).await;
    app.choose("note-attach-project", "").await;
    app.click("note-attach-save").await;
    app.gone(&format!("notes-project-{oncall}")).await;
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    assert_eq!(detail["notes"].as_array().unwrap().len(), 1);

    // Delete, then Undo from the toast.
    app.click(&format!("delete-{runbook}")).await;
    let toast = text_of(&app, "toast", "Deleted").await;
    assert!(toast.contains("Deleted"), "{toast}");
    notes_until(&app, "the note gone", |ids| !ids.contains(&runbook)).await;
    app.click("toast-undo").await;
    notes_until(&app, "the note back", |ids| ids.first() == Some(&runbook)).await;

    // Escape goes back to the journal; its Notes entry comes back here.
    app.execute("document.activeElement?.blur()", vec![]).await;
    app.press(Key::Escape).await;
    app.testid("section-journal").await;
    app.click("notes-open").await;
    app.testid("section-notes").await;
    app.close().await;
}

/// Not a check: the Notes view on a demo journal, light and dark, to
/// `target/screenshots/notes-*.png` (`cargo test --test e2e journal::capture_notes -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool"]
async fn capture_notes() {
    let turn = Turn::take().await;
    crate::support::careerlog(&turn.db, &[], &["demo", "--projects", "40"]);
    let app = turn.open().await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        app.click("nav-home").await;
        shot(&app, format!("notes-home-{theme}")).await;
        app.click("recent-notes-all").await;
        notes_until(&app, "the first page", |ids| !ids.is_empty()).await;
        shot(&app, format!("notes-{theme}")).await;
        let first = listed_notes(&app).await[0];
        app.click(&format!("attach-{first}")).await;
        app.testid("note-attach-form").await;
        shot(&app, format!("notes-attach-{theme}")).await;
        app.click("note-attach-cancel").await;
        app.click("notes-scope-loose").await;
        app.fill("notes-since", "2024-05-09").await;
        app.fill("notes-until", "2024-05-01").await;
        app.testid("error-until").await;
        shot(&app, format!("notes-refused-{theme}")).await;
        app.fill("notes-tag", "no-such-tag").await;
        empty_field(&app, "notes-since").await;
        app.testid("notes-empty").await;
        shot(&app, format!("notes-empty-{theme}")).await;
        app.click("notes-clear").await;
        app.click("nav-journal").await;
        shot(&app, format!("notes-journal-{theme}")).await;
    }
    app.close().await;
}

// Measure later (issue 15): a metric logged with its baseline before the result is known.

#[tokio::test(flavor = "multi_thread")]
async fn a_metric_logged_before_its_result_reads_as_waiting_until_the_result_is_written() {
    let (_turn, app) = Turn::opened().await;
    let project =
        seed::opened_project(&app, &Project { title: "Checkout latency", ..Project::shipped() })
            .await;

    // The result is left empty; a measure-by day that is not a day is refused by its field.
    app.click("metric-new").await;
    app.fill("metric-name", "p99 checkout latency").await;
    app.fill("metric-baseline", "800").await;
    app.fill("metric-unit", "ms").await;
    app.choose("metric-better", "lower").await;
    app.fill("metric-target", "200").await;
    fill_seen(&app, "metric-measure-by", "2027-02-30").await;
    app.click("metric-save").await;
    let error = app.text_with("error-measure_by", "calendar").await;
    assert!(error.contains("calendar"), "{error}");
    fill_seen(&app, "metric-measure-by", "2027-01-31").await;
    app.click("metric-save").await;
    app.gone("metric-form").await;

    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let saved = &detail["metrics"][0];
    assert_eq!(saved["result"], Value::Null, "{saved}");
    assert_eq!(saved["baseline"].as_f64(), Some(800.0));
    assert_eq!(saved["target"].as_f64(), Some(200.0));
    assert_eq!(saved["measure_by"], json!("2027-01-31"));
    assert_eq!(saved["told"], Value::Null);
    let waiting = saved["waiting"].as_str().expect("a waiting line").to_string();
    let metric = id_of(saved);

    // The project page says it waits, in the core's words, with a badge.
    app.testid(&format!("metric-change-{metric}-waiting")).await;
    let shown = app.text_with(&format!("metric-change-{metric}"), "not measured yet").await;
    assert!(shown.contains(&waiting), "{shown:?} should show {waiting:?}");

    // Its form opens with the result empty (not "null"); writing it ends the wait.
    app.click(&format!("edit-{metric}")).await;
    let result = app.testid("metric-result").await.prop("value").await.unwrap();
    assert_eq!(result.as_deref(), Some(""));
    app.fill("metric-result", "120").await;
    app.click("metric-save").await;
    app.gone("metric-form").await;
    let change = app.text_with(&format!("metric-change-{metric}"), "85%").await;
    assert!(change.contains("800 ms") && change.contains("120 ms"), "{change}");
    app.gone(&format!("metric-change-{metric}-waiting")).await;
    app.close().await;
}
