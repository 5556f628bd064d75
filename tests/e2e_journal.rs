//! The journal in the real window: forms with inline validation, the derived metric change,
//! the Ctrl+K palette, delete with undo, and the quick note on Home.

mod support;

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use support::{App, Display, WINDOW};

/// Types `text` into the field with this test id.
async fn fill(app: &App, testid: &str, text: &str) {
    let field = app.testid(testid).await;
    field.clear().await.unwrap();
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {testid}: {e}"));
}

async fn choose(app: &App, testid: &str, value: &str) {
    app.testid(testid)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} in {testid}: {e}"));
}

/// Presses keys as a chord: all down in order, then all up in reverse.
async fn chord(app: &App, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down { value: *key });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: *key });
    }
    app.client.perform_actions(actions).await.unwrap();
}

/// The text of an element once it contains `expected`, or whatever it shows after a wait
/// (WebKit reports no text for an element inserted a moment ago, before its layout).
async fn text_with(app: &App, testid: &str, expected: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = app.text(testid).await;
        if text.contains(expected) || Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn count(app: &App, testid: &str) -> usize {
    app.client
        .find_all(Locator::Css(&format!("[data-testid='{testid}']")))
        .await
        .unwrap()
        .len()
}

/// Waits until no element has this test id.
async fn gone(app: &App, testid: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(app, testid).await > 0 {
        assert!(Instant::now() < deadline, "{testid} is still shown");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn invoke(app: &App, command: &str, args: Value) -> Value {
    app.invoke(command, args)
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
}

async fn projects(app: &App) -> Vec<Value> {
    let page = invoke(app, "project_list", json!({"offset": 0, "limit": 50})).await;
    page["projects"].as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_with_a_metric_and_a_decision_is_found_deleted_and_restored() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;

    // An empty title is refused under the field, and nothing is written.
    app.click("nav-journal").await;
    app.click("project-new").await;
    fill(&app, "project-organization", "Acme Payments").await;
    app.click("project-save").await;
    let error = text_with(&app, "error-title", "empty").await;
    assert!(error.contains("empty"), "{error}");
    assert_eq!(
        app.testid("project-organization")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Acme Payments"),
        "the form keeps what was typed"
    );
    assert!(projects(&app).await.is_empty());

    // The same form, completed; Enter in a one-line field saves it.
    fill(&app, "project-title", "Checkout latency rewrite").await;
    fill(&app, "project-role", "Tech lead").await;
    fill(&app, "project-started", "2024-01-08").await;
    choose(&app, "project-scope", "service").await;
    choose(&app, "project-status", "shipped").await;
    fill(&app, "project-tags", "performance, payments").await;
    app.testid("project-role")
        .await
        .send_keys(&Key::Enter)
        .await
        .unwrap();
    app.testid("project-page").await;
    let saved = projects(&app).await;
    assert_eq!(saved.len(), 1);
    let project = saved[0]["id"].as_i64().unwrap();

    // A metric: the change comes from the core, worded by the window.
    app.click("metric-new").await;
    fill(&app, "metric-name", "p99 checkout latency").await;
    fill(&app, "metric-baseline", "800").await;
    fill(&app, "metric-result", "120").await;
    fill(&app, "metric-unit", "ms").await;
    choose(&app, "metric-better", "lower").await;
    app.click("metric-save").await;
    gone(&app, "metric-form").await;
    let detail = invoke(&app, "project_get", json!({"id": project})).await;
    let metric = detail["metrics"][0]["id"].as_i64().unwrap();
    let change = text_with(&app, &format!("metric-change-{metric}"), "85%").await;
    assert!(change.contains("85%"), "{change}");
    assert!(
        change.contains("800 ms") && change.contains("120 ms"),
        "{change}"
    );

    // A decision with two options weighed.
    app.click("decision-new").await;
    fill(&app, "decision-title", "Move order events onto Kafka").await;
    fill(&app, "decision-option-0", "Kafka").await;
    fill(&app, "decision-pros-0", "replay, ordering").await;
    fill(&app, "decision-option-1", "Cron polling").await;
    fill(&app, "decision-cons-1", "minutes of lag").await;
    fill(&app, "decision-chosen", "Kafka").await;
    fill(&app, "decision-confidence", "70").await;
    app.click("decision-save").await;
    gone(&app, "decision-form").await;
    let detail = invoke(&app, "project_get", json!({"id": project})).await;
    let decision = detail["decisions"][0]["id"].as_i64().unwrap();
    assert_eq!(
        detail["decisions"][0]["options"].as_array().unwrap().len(),
        2
    );
    app.testid(&format!("decision-{decision}")).await;

    // Ctrl+K from Home finds the decision with the word marked; Enter opens its project.
    app.click("nav-home").await;
    app.testid("section-home").await;
    chord(&app, &[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    fill(&app, "search-input", "kafka").await;
    let hit = app.testid(&format!("search-hit-{decision}")).await;
    let marked = hit.find(Locator::Css("mark")).await.unwrap();
    assert_eq!(marked.text().await.unwrap().to_lowercase(), "kafka");
    app.testid("search-input")
        .await
        .send_keys(&Key::Enter)
        .await
        .unwrap();
    gone(&app, "search-palette").await;
    app.testid("project-page").await;
    app.testid(&format!("decision-{decision}")).await;

    // Hostile input is searched for as text: no match, no error.
    chord(&app, &[Key::Control.into(), 'k']).await;
    fill(&app, "search-input", "\"NEAR( AND * title:x").await;
    app.testid("search-empty").await;
    app.testid("search-input")
        .await
        .send_keys(&Key::Escape)
        .await
        .unwrap();
    gone(&app, "search-palette").await;

    // Delete goes to the trash; Undo brings the project back with its entries.
    app.click("project-delete").await;
    app.testid("section-journal").await;
    gone(&app, &format!("project-{project}")).await;
    let toast = text_with(&app, "toast", "Deleted").await;
    assert!(
        toast.contains("Deleted “Checkout latency rewrite”"),
        "{toast}"
    );
    app.click("toast-undo").await;
    app.click(&format!("project-{project}")).await;
    app.testid(&format!("metric-{metric}")).await;
    app.testid(&format!("decision-{decision}")).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quick_note_on_home_is_listed_at_once() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;

    // Ctrl+K works from a text field too.
    app.click("quick-note-text").await;
    chord(&app, &[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    app.testid("search-input")
        .await
        .send_keys(&Key::Escape)
        .await
        .unwrap();
    gone(&app, "search-palette").await;

    // Usable on an empty journal; an empty note is refused in place.
    app.click("quick-note-save").await;
    app.testid("error-text").await;
    fill(
        &app,
        "quick-note-text",
        "Paired with Priya on the <b>rollout</b> plan",
    )
    .await;
    app.click("quick-note-save").await;

    let notes = invoke(&app, "note_list", json!({"limit": 10})).await;
    let note = notes[0]["id"].as_i64().expect("the note was saved");
    let shown = text_with(&app, &format!("recent-note-{note}"), "rollout").await;
    // What was typed is shown as text, never as markup.
    assert!(shown.contains("<b>rollout</b>"), "{shown}");
    let field = app.testid("quick-note-text").await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(""));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_kind_of_entry_is_added_checked_and_trashed() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    let project = invoke(
        &app,
        "project_save",
        json!({"id": null, "input": {
            "title": "Search relevance", "organization": null, "role": null,
            "started_on": null, "ended_on": null, "scope": null, "status": null,
            "summary": null, "tags": [], "skills": [],
        }}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    app.click("nav-journal").await;
    app.click(&format!("project-{project}")).await;
    app.testid("project-page").await;

    // An artifact with a link that is not one: refused under the field, form kept.
    app.click("artifact-new").await;
    choose(&app, "artifact-kind", "rfc").await;
    fill(&app, "artifact-title", "RFC: learning to rank").await;
    fill(&app, "artifact-url", "javascript:alert(1)").await;
    app.click("artifact-save").await;
    let error = text_with(&app, "error-url", "web address").await;
    assert!(error.contains("web address"), "{error}");
    fill(&app, "artifact-url", "https://example.org/rfc/ltr").await;
    app.click("artifact-save").await;
    gone(&app, "artifact-form").await;

    app.click("feedback-new").await;
    fill(&app, "feedback-source", "Manager").await;
    fill(
        &app,
        "feedback-text",
        "Clear write-up of the offline evaluation.",
    )
    .await;
    choose(&app, "feedback-rating", "4").await;
    app.click("feedback-save").await;
    gone(&app, "feedback-form").await;

    app.click("note-new").await;
    fill(
        &app,
        "note-text",
        "Offline NDCG up 6 points on the holdout set",
    )
    .await;
    fill(&app, "note-date", "2024-02-30").await;
    app.click("note-save").await;
    text_with(&app, "error-date", "calendar").await;
    fill(&app, "note-date", "2024-02-28").await;
    app.click("note-save").await;
    gone(&app, "note-form").await;

    let detail = invoke(&app, "project_get", json!({"id": project})).await;
    let artifact = detail["artifacts"][0]["id"].as_i64().unwrap();
    let feedback = detail["feedback"][0]["id"].as_i64().unwrap();
    let note = detail["notes"][0]["id"].as_i64().unwrap();
    assert_eq!(
        detail["artifacts"][0]["url"],
        json!("https://example.org/rfc/ltr")
    );
    assert_eq!(detail["feedback"][0]["rating"], json!(4));
    assert_eq!(detail["notes"][0]["date"], json!("2024-02-28"));
    // The link is text to copy, never a link the window would follow.
    let url = app.testid(&format!("artifact-url-{artifact}")).await;
    assert_eq!(url.prop("tagName").await.unwrap().as_deref(), Some("CODE"));
    app.testid(&format!("feedback-{feedback}")).await;

    // Edit keeps the entry; delete sends it to the trash, where it can be restored.
    app.click(&format!("edit-{note}")).await;
    fill(
        &app,
        "note-text",
        "Offline NDCG up 6 points; online test next",
    )
    .await;
    app.click("note-save").await;
    text_with(&app, &format!("note-{note}"), "online test next").await;
    app.click(&format!("delete-{note}")).await;
    gone(&app, &format!("note-{note}")).await;

    // Escape leads back to the list, and the trash is one click from there.
    chord(&app, &[Key::Escape.into()]).await;
    app.testid(&format!("project-{project}")).await;
    app.click("trash-open").await;
    let trashed = invoke(&app, "trash_list", json!({})).await;
    let item = trashed[0]["id"].as_i64().unwrap();
    app.click(&format!("trash-restore-{item}")).await;
    gone(&app, &format!("trash-item-{item}")).await;

    // Emptying the trash asks first, and Cancel keeps everything.
    invoke(&app, "entry_delete", json!({"id": feedback})).await;
    app.click("trash-back").await;
    app.click("trash-open").await;
    app.click("trash-empty").await;
    app.testid("trash-empty-confirm").await;
    chord(&app, &[Key::Escape.into()]).await;
    gone(&app, "trash-empty-confirm").await;
    assert_eq!(
        invoke(&app, "trash_list", json!({}))
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app.click("trash-empty").await;
    app.click("trash-empty-confirm").await;
    gone(&app, "trash-empty").await;
    assert!(invoke(&app, "trash_list", json!({}))
        .await
        .as_array()
        .unwrap()
        .is_empty());
    let detail = invoke(&app, "project_get", json!({"id": project})).await;
    assert_eq!(
        detail["notes"][0]["id"],
        json!(note),
        "the restored note is back"
    );
    app.close().await;
}

/// Not a check: seeds a realistic journal and saves the journal list, a project page, the
/// forms, the palette with results, the trash and Home, in both themes, to
/// `target/screenshots/journal-*.png`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e_journal capture -- --ignored"]
async fn capture_journal_screenshots() {
    let _turn = WINDOW.lock().await;
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    let shot = |name: String| {
        let path = out.join(format!("journal-{name}.png"));
        let app = &app;
        async move {
            tokio::time::sleep(Duration::from_millis(400)).await;
            app.screenshot(&path).await;
        }
    };
    let scroll_to = |id: &'static str| {
        let app = &app;
        async move {
            let script = format!("document.getElementById('{id}').scrollIntoView()");
            app.client.execute(&script, vec![]).await.unwrap();
        }
    };
    let theme = |name: &'static str| {
        let app = &app;
        async move {
            app.click("nav-settings").await;
            app.click(&format!("theme-{name}")).await;
        }
    };

    // A new journal first: the empty states.
    for name in ["light", "dark"] {
        theme(name).await;
        app.click("nav-journal").await;
        app.testid("project-new").await;
        shot(format!("empty-{name}")).await;
        app.click("nav-home").await;
        app.testid("quick-note-text").await;
        shot(format!("home-empty-{name}")).await;
    }

    let featured = seed(&app).await;
    let detail = invoke(&app, "project_get", json!({"id": featured})).await;
    let metric = detail["metrics"][0]["id"].as_i64().unwrap();
    let decision = detail["decisions"][0]["id"].as_i64().unwrap();
    let loose = invoke(&app, "note_list", json!({"limit": 1})).await[0]["id"].clone();
    invoke(&app, "entry_delete", json!({"id": loose})).await;

    for name in ["light", "dark"] {
        theme(name).await;
        app.click("nav-journal").await;
        app.testid(&format!("project-{featured}")).await;
        shot(format!("list-{name}")).await;

        app.click(&format!("project-{featured}")).await;
        app.testid("project-page").await;
        shot(format!("project-{name}")).await;
        scroll_to("heading-decisions").await;
        shot(format!("project-decisions-{name}")).await;
        scroll_to("heading-artifacts").await;
        shot(format!("project-more-{name}")).await;

        app.click(&format!("edit-{decision}")).await;
        app.testid("decision-form").await;
        shot(format!("decision-form-{name}")).await;
        app.click("decision-cancel").await;
        gone(&app, "decision-form").await;

        app.click("project-edit").await;
        fill(&app, "project-ended", "2025-01-01").await;
        app.click("project-save").await;
        app.testid("error-ended_on").await;
        shot(format!("project-form-error-{name}")).await;
        app.click("project-cancel").await;
        gone(&app, "project-form").await;

        app.click(&format!("delete-{metric}")).await;
        app.testid("toast-undo").await;
        shot(format!("toast-{name}")).await;
        app.click("toast-undo").await;
        app.testid(&format!("metric-{metric}")).await;

        chord(&app, &[Key::Control.into(), 'k']).await;
        fill(&app, "search-input", "latency").await;
        app.wait("[data-testid^='search-hit-']").await;
        shot(format!("palette-{name}")).await;
        app.testid("search-input")
            .await
            .send_keys(&Key::Escape)
            .await
            .unwrap();
        gone(&app, "search-palette").await;

        app.click("project-back").await;
        app.click("trash-open").await;
        app.testid("trash-empty").await;
        shot(format!("trash-{name}")).await;
        app.click("trash-empty").await;
        app.testid("trash-empty-confirm").await;
        shot(format!("trash-confirm-{name}")).await;
        app.client
            .execute("document.activeElement.click()", vec![])
            .await
            .unwrap();
        gone(&app, "trash-empty-confirm").await;

        app.click("nav-home").await;
        app.testid("quick-note-text").await;
        shot(format!("home-{name}")).await;
    }
    theme("system").await;
    app.close().await;
}

/// A dozen projects of a backend engineer's last few years, saved through the window's
/// own commands. Returns the project to show on its page.
async fn seed(app: &App) -> i64 {
    struct Seed {
        title: &'static str,
        org: &'static str,
        role: &'static str,
        started: &'static str,
        ended: Option<&'static str>,
        scope: &'static str,
        status: &'static str,
        summary: &'static str,
        tags: &'static [&'static str],
        skills: &'static [&'static str],
        /// name, unit, baseline, result, better
        metrics: &'static [(&'static str, &'static str, f64, f64, &'static str)],
    }

    let seeds = [
        Seed {
            title: "Checkout latency rewrite",
            org: "Acme Payments",
            role: "Tech lead",
            started: "2025-01-13",
            ended: Some("2025-06-27"),
            scope: "service",
            status: "shipped",
            summary: "Rebuilt the checkout API's pricing path: moved tax and discount lookups out of the request path into a warmed cache, and split the monolith's checkout handler into a service with its own database.",
            tags: &["performance", "payments", "caching"],
            skills: &["technical leadership", "system design"],
            metrics: &[
                ("p99 checkout latency", "ms", 800.0, 120.0, "lower"),
                ("Checkout conversion", "%", 71.2, 74.9, "higher"),
                ("Pricing service cost", "$", 42000.0, 30500.0, "lower"),
                ("Pages per week from checkout", "pages", 9.0, 1.0, "lower"),
            ],
        },
        Seed {
            title: "Event-driven order pipeline",
            org: "Acme Payments",
            role: "Tech lead",
            started: "2025-07-07",
            ended: None,
            scope: "multi-team",
            status: "active",
            summary: "Replacing cron-driven order polling with events on Kafka, with three teams consuming them.",
            tags: &["kafka", "orders"],
            skills: &["decision making", "cross-team alignment"],
            metrics: &[
                ("Order status lag", "s", 300.0, 4.0, "lower"),
                ("Teams consuming order events", "teams", 0.0, 3.0, "higher"),
            ],
        },
        Seed {
            title: "On-call health program",
            org: "Acme Payments",
            role: "Senior engineer",
            started: "2024-09-02",
            ended: Some("2024-12-20"),
            scope: "initiative",
            status: "shipped",
            summary: "Runbooks for the top twenty alerts, alert deduplication, and a weekly review of pages with the team.",
            tags: &["on-call", "reliability"],
            skills: &["mentoring", "operational excellence"],
            metrics: &[
                ("Pages per on-call week", "pages", 31.0, 8.0, "lower"),
                ("Mean time to acknowledge", "min", 14.0, 3.5, "lower"),
                ("Alerts with a runbook", "%", 22.0, 95.0, "higher"),
            ],
        },
        Seed {
            title: "Search relevance overhaul",
            org: "Shopwise",
            role: "Senior engineer",
            started: "2024-02-05",
            ended: Some("2024-08-16"),
            scope: "feature",
            status: "shipped",
            summary: "Learning-to-rank on top of BM25, with an offline evaluation set built with the merchandising team.",
            tags: &["search", "ranking"],
            skills: &["experimentation", "data analysis"],
            metrics: &[
                ("Search click-through", "%", 31.5, 38.2, "higher"),
                ("Zero-result searches", "%", 8.4, 3.1, "lower"),
                ("Query p95 latency", "ms", 180.0, 210.0, "lower"),
            ],
        },
        Seed {
            title: "Monorepo CI speed-up",
            org: "Shopwise",
            role: "Senior engineer",
            started: "2023-10-02",
            ended: Some("2024-01-26"),
            scope: "initiative",
            status: "shipped",
            summary: "Remote build cache and test sharding for the 400-package monorepo.",
            tags: &["ci", "developer experience"],
            skills: &["influence without authority"],
            metrics: &[
                ("Median CI time", "min", 38.0, 11.0, "lower"),
                ("Flaky test reruns per day", "reruns", 120.0, 18.0, "lower"),
            ],
        },
        Seed {
            title: "Payments provider migration",
            org: "Shopwise",
            role: "Engineer",
            started: "2023-03-06",
            ended: Some("2023-09-29"),
            scope: "service",
            status: "shipped",
            summary: "Moved card payments to a second provider behind a routing layer, with zero downtime.",
            tags: &["payments", "migration"],
            skills: &["risk management"],
            metrics: &[
                ("Payment authorization rate", "%", 92.1, 94.6, "higher"),
                ("Processing fees per month", "$", 118000.0, 96000.0, "lower"),
            ],
        },
        Seed {
            title: "Mentoring two new engineers",
            org: "Acme Payments",
            role: "Tech lead",
            started: "2025-03-03",
            ended: None,
            scope: "task",
            status: "active",
            summary: "Weekly 1:1s, paired design reviews and a reading list; both now own a service.",
            tags: &["mentoring"],
            skills: &["mentoring", "coaching"],
            metrics: &[
                ("Weeks to first solo on-call", "weeks", 12.0, 7.0, "lower"),
                ("Design docs written by mentees", "docs", 0.0, 4.0, "higher"),
            ],
        },
        Seed {
            title: "Data retention policy",
            org: "Acme Payments",
            role: "Tech lead",
            started: "2025-09-15",
            ended: None,
            scope: "organization",
            status: "planned",
            summary: "A retention schedule for every table holding personal data, agreed with legal.",
            tags: &["privacy", "compliance"],
            skills: &["stakeholder management"],
            metrics: &[("Tables with a retention rule", "tables", 12.0, 64.0, "higher")],
        },
        Seed {
            title: "Inventory sync service",
            org: "Shopwise",
            role: "Engineer",
            started: "2022-06-01",
            ended: Some("2022-12-16"),
            scope: "service",
            status: "shipped",
            summary: "Near-real-time stock levels from three warehouse systems.",
            tags: &["inventory"],
            skills: &["system design"],
            metrics: &[
                ("Oversold orders per month", "orders", 420.0, 35.0, "lower"),
                ("Sync delay", "min", 60.0, 2.0, "lower"),
            ],
        },
        Seed {
            title: "GraphQL gateway",
            org: "Shopwise",
            role: "Engineer",
            started: "2022-01-10",
            ended: Some("2022-05-20"),
            scope: "feature",
            status: "cancelled",
            summary: "A federated gateway for the mobile apps; stopped when the mobile team moved to a BFF.",
            tags: &["api"],
            skills: &["knowing when to stop"],
            metrics: &[("Mobile round trips per screen", "requests", 7.0, 3.0, "lower")],
        },
        Seed {
            title: "Fraud rules engine",
            org: "Acme Payments",
            role: "Senior engineer",
            started: "2024-05-06",
            ended: None,
            scope: "service",
            status: "paused",
            summary: "Moving hard-coded fraud checks into rules that the risk team can change without a deploy.",
            tags: &["fraud", "rules"],
            skills: &["domain modelling"],
            metrics: &[
                ("Rule changes needing a deploy", "%", 100.0, 40.0, "lower"),
                ("Chargebacks per 10k orders", "chargebacks", 6.1, 5.4, "lower"),
            ],
        },
        Seed {
            title: "Internal tech talk series",
            org: "Acme Payments",
            role: "Organizer",
            started: "2025-02-03",
            ended: None,
            scope: "organization",
            status: "active",
            summary: "A monthly talk by an engineer, recorded, with a written summary.",
            tags: &["community"],
            skills: &["communication"],
            metrics: &[
                ("Talks given", "talks", 0.0, 9.0, "higher"),
                ("Average attendance", "people", 25.0, 62.0, "higher"),
            ],
        },
    ];

    let mut ids = Vec::new();
    for s in &seeds {
        let project = invoke(
            app,
            "project_save",
            json!({"id": null, "input": {
                "title": s.title, "organization": s.org, "role": s.role,
                "started_on": s.started, "ended_on": s.ended, "scope": s.scope,
                "status": s.status, "summary": s.summary, "tags": s.tags, "skills": s.skills,
            }}),
        )
        .await;
        let id = project["id"].as_i64().unwrap();
        ids.push(id);
        for (name, unit, baseline, result, better) in s.metrics {
            invoke(
                app,
                "metric_save",
                json!({"id": null, "input": {
                    "project_id": id, "name": name, "unit": unit, "baseline": baseline,
                    "result": result, "better": better, "measured_on": s.ended,
                    "evidence": null, "tags": [], "skills": [],
                }}),
            )
            .await;
        }
    }
    let checkout = ids[0];
    let pipeline = ids[1];
    let oncall = ids[2];

    let decision = |project: i64,
                    title: &str,
                    context: &str,
                    options: Value,
                    chosen: &str,
                    tradeoffs: &str,
                    expected: &str,
                    confidence: u8,
                    outcome: Option<&str>,
                    decided: &str,
                    review: &str| {
        json!({"id": null, "input": {
            "project_id": project, "title": title, "context": context, "options": options,
            "chosen": chosen, "tradeoffs": tradeoffs, "expected": expected,
            "confidence": confidence, "outcome": outcome, "decided_on": decided,
            "review_on": review, "tags": [], "skills": ["decision making"],
        }})
    };
    for args in [
        decision(
            checkout,
            "Cache prices in process instead of Redis",
            "Pricing lookups were 60% of checkout latency; Redis added a network hop per item.",
            json!([
                {"text": "In-process cache", "pros": "No network hop; simple", "cons": "Memory per pod; staleness"},
                {"text": "Redis cluster", "pros": "Shared, consistent", "cons": "Extra hop; another system to run"},
                {"text": "Precompute at deploy", "pros": "Fastest reads", "cons": "Price changes need a deploy"},
            ]),
            "In-process cache",
            "Prices can be up to 60 s stale; acceptable per finance.",
            "p99 under 200 ms without new infrastructure.",
            75,
            Some("p99 went to 120 ms; no stale-price complaints in six months."),
            "2025-02-10",
            "2025-08-10",
        ),
        decision(
            checkout,
            "Split checkout into its own service",
            "The monolith's deploy queue held checkout fixes for days.",
            json!([
                {"text": "Separate service", "pros": "Own deploys and on-call", "cons": "Network boundary, data migration"},
                {"text": "Module inside the monolith", "pros": "No migration", "cons": "Still the shared deploy queue"},
            ]),
            "Separate service",
            "Two months of dual writes during the migration.",
            "Checkout deploys daily, independent of the monolith.",
            60,
            None,
            "2025-03-03",
            "2025-09-01",
        ),
        decision(
            pipeline,
            "Kafka over SQS for order events",
            "Three teams need the same order events, with replay for backfills.",
            json!([
                {"text": "Kafka", "pros": "Replay, ordering per key, many consumers", "cons": "Operational load"},
                {"text": "SQS with SNS fan-out", "pros": "Managed, cheap", "cons": "No replay, weaker ordering"},
            ]),
            "Kafka",
            "We take on running a cluster; the platform team agreed to co-own it.",
            "Order status lag under 10 s and backfills without one-off scripts.",
            70,
            None,
            "2025-07-21",
            "2099-01-15",
        ),
        decision(
            oncall,
            "Page only on customer-facing symptoms",
            "Most pages were for causes (CPU, queue depth) that never hurt customers.",
            json!([
                {"text": "Symptom-based paging", "pros": "Fewer, more meaningful pages", "cons": "Later warning for slow burns"},
                {"text": "Tune thresholds", "pros": "Small change", "cons": "Noise comes back"},
            ]),
            "Symptom-based paging",
            "Cause alerts become tickets, reviewed weekly.",
            "Pages per week under 10.",
            80,
            Some("Down to 8 a week; one slow-burn incident caught by the weekly review."),
            "2024-09-16",
            "2024-12-16",
        ),
    ] {
        invoke(app, "decision_save", args).await;
    }

    for (project, kind, title, url, date) in [
        (
            checkout,
            "rfc",
            "RFC: Checkout as a service",
            Some("https://docs.example.internal/rfc/checkout-service"),
            "2025-02-03",
        ),
        (
            checkout,
            "pr",
            "Pricing cache with warm-up on deploy",
            Some("https://git.example.internal/checkout/pull/1842"),
            "2025-04-11",
        ),
        (
            checkout,
            "postmortem",
            "Stale discount codes after cache warm-up",
            None,
            "2025-05-02",
        ),
        (
            checkout,
            "talk",
            "How we cut checkout p99 by 85%",
            None,
            "2025-07-17",
        ),
        (
            pipeline,
            "design-doc",
            "Order events: schema and ownership",
            None,
            "2025-07-14",
        ),
    ] {
        invoke(
            app,
            "artifact_save",
            json!({"id": null, "input": {
                "project_id": project, "kind": kind, "title": title, "url": url, "date": date,
                "tags": [], "skills": [],
            }}),
        )
        .await;
    }

    for (project, source, text, rating, date) in [
        (
            checkout,
            "Manager",
            "You turned a vague latency complaint into a plan the whole team could follow, and you kept finance in the loop on the staleness trade-off. That is staff-level scoping.",
            Some(5),
            "2025-07-01",
        ),
        (
            checkout,
            "Peer",
            "The RFC review was the clearest one this year. I would have liked the migration plan earlier.",
            Some(4),
            "2025-02-20",
        ),
        (
            oncall,
            "Skip-level",
            "On-call went from the top complaint in the survey to a non-topic.",
            None,
            "2025-01-15",
        ),
    ] {
        invoke(
            app,
            "feedback_save",
            json!({"id": null, "input": {
                "project_id": project, "source": source, "date": date, "text": text,
                "rating": rating, "tags": [], "skills": [],
            }}),
        )
        .await;
    }

    for (project, text, date, tags) in [
        (
            Some(checkout),
            "Load test at 3x Black Friday traffic held p99 at 140 ms. Cache hit ratio 97%.",
            "2025-05-20",
            json!(["load test"]),
        ),
        (
            Some(checkout),
            "Finance signed off on 60 s price staleness, in writing.",
            "2025-02-12",
            json!([]),
        ),
        (
            None,
            "Walked the new hires through the checkout architecture; drew the cache invalidation flow on the whiteboard and they asked the right questions.",
            "2025-11-18",
            json!(["mentoring"]),
        ),
        (
            None,
            "Asked for the staff promotion packet template; need three cross-team examples.",
            "2025-11-10",
            json!(["promotion"]),
        ),
        (
            None,
            "Kafka consumer lag alert fired twice this week; both were the analytics consumer.",
            "2025-11-03",
            json!(["kafka"]),
        ),
    ] {
        invoke(
            app,
            "note_save",
            json!({"id": null, "input": {
                "project_id": project, "date": date, "text": text, "tags": tags, "skills": [],
            }}),
        )
        .await;
    }
    checkout
}
