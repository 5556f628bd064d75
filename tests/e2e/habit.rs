//! The weekly habit on Home in the real window: a weekly review that writes a project, a
//! metric and a note (and refuses a result in letters next to its field, writing nothing);
//! the follow-up queue with a decision due and a metric waiting for its result, each cleared
//! by its own button, and a snooze undone; the screenshots of it all.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::support::seed::{self, Project};
use crate::support::{id_of, App, Turn};

/// Clicks `inner` (a test id) inside the element with test id `outer`.
async fn click_in(app: &App, outer: &str, inner: &str) {
    let css = format!("[data-testid='{outer}'] [data-testid='{inner}']");
    app.wait(&css).await.click().await.unwrap_or_else(|e| panic!("click {inner} in {outer}: {e}"));
}

/// Types into a field once it is scrolled into view (a dialog's body scrolls on its own).
async fn fill(app: &App, id: &str, text: &str) {
    app.execute(
        "document.querySelector(`[data-testid='${arguments[0]}']`)?.scrollIntoView({block: 'center'})",
        vec![json!(id)],
    )
    .await;
    app.fill(id, text).await;
}

/// Home read afresh (its cards reload on arrival).
async fn back_home(app: &App) {
    app.click("nav-journal").await;
    app.click("nav-home").await;
    app.testid("week-card").await;
}

async fn decision(app: &App, project: Option<i64>, title: &str, review_on: &str) -> i64 {
    let review: chrono::NaiveDate = review_on.parse().unwrap();
    let decided_on = (review - chrono::Duration::days(90)).to_string();
    let input = json!({
        "project_id": project, "title": title, "context": null, "goal": null,
        "options": [{"text": "A durable queue", "pros": "replayable", "cons": "one more system"},
                    {"text": "Cron polling", "pros": "", "cons": "minutes of lag"}],
        "chosen": "A durable queue", "tradeoffs": null,
        "expected": "Failed payments are retried within a minute, none lost",
        "confidence": 70, "outcome": null, "outcome_on": null,
        "decided_on": decided_on, "review_on": review_on, "tags": [], "skills": [],
    });
    id_of(&seed::save(app, "decision_save", input).await)
}

/// A metric with its baseline and no result yet (measured later).
async fn waiting_metric(app: &App, project: i64, name: &str, measure_by: &str) -> i64 {
    let input = json!({
        "project_id": project, "name": name, "unit": "ms", "baseline": 820.0, "result": null,
        "better": "lower", "measured_on": null, "evidence": null, "target": 250.0,
        "measure_by": measure_by, "tags": [], "skills": [],
    });
    id_of(&seed::save(app, "metric_save", input).await)
}

async fn projects(app: &App) -> Vec<Value> {
    let page = app.invoke_ok("project_list", json!({"offset": 0, "limit": 100})).await;
    page["projects"].as_array().unwrap().clone()
}

async fn notes(app: &App) -> Vec<Value> {
    app.invoke_ok("note_list", json!({"limit": 100})).await.as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weekly_review_writes_a_project_a_metric_and_a_note_and_the_week_card_shows_them() {
    let (_turn, app) = Turn::opened().await;
    seed::project(
        &app,
        &Project { title: "Search indexer rewrite", status: Some("active"), ..Project::default() },
    )
    .await;
    back_home(&app).await;
    app.click("weekly-review-start").await;

    // Shipped: a new project (the picker offers the active one; blank is a new project).
    app.testid("weekly-step-shipped").await;
    app.wait("[data-testid='weekly-shipped-project'] option").await;
    fill(&app, "weekly-shipped-title", "Payment retries on a durable queue").await;
    fill(&app, "weekly-shipped-summary", "Failed card payments retry from a queue.").await;
    app.click("weekly-next").await;

    // Moved: a result in letters, which the last step's save refuses by its field.
    app.testid("weekly-step-moved").await;
    fill(&app, "weekly-moved-name", "Failed checkouts").await;
    fill(&app, "weekly-moved-unit", "%").await;
    fill(&app, "weekly-moved-baseline", "2.4").await;
    fill(&app, "weekly-moved-result", "about half").await;
    app.choose("weekly-moved-better", "lower").await;
    // Enter in a one-line field goes on.
    app.send_keys("weekly-moved-unit", &Key::Enter).await;
    app.testid("weekly-step-decision").await;
    app.click("weekly-skip").await;
    app.testid("weekly-step-feedback").await;
    app.click("weekly-skip").await;
    fill(&app, "weekly-learned", "Retries belong behind an idempotency key, not in the client.")
        .await;
    app.click("weekly-review-save").await;

    let refused = app.text_with("error-moved.result", "number").await;
    assert!(refused.contains("Must be a number"), "{refused}");
    app.testid("weekly-step-moved").await;
    assert_eq!(projects(&app).await.len(), 1, "nothing written");
    assert!(notes(&app).await.is_empty(), "nothing written");

    // Fixed, the dots lead back to the last step, which saves.
    fill(&app, "weekly-moved-result", "0.6").await;
    app.click("weekly-dot-learned").await;
    app.click("weekly-review-save").await;
    app.testid("weekly-done").await;

    let all = projects(&app).await;
    let shipped = all
        .iter()
        .find(|p| p["title"] == "Payment retries on a durable queue")
        .unwrap_or_else(|| panic!("the new project: {all:?}"));
    assert_eq!(shipped["status"], json!("shipped"));
    let project = id_of(shipped);
    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    let metric = &detail["metrics"][0];
    assert_eq!(metric["name"], json!("Failed checkouts"));
    assert_eq!((metric["baseline"].as_f64(), metric["result"].as_f64()), (Some(2.4), Some(0.6)));
    let learned = notes(&app).await;
    assert!(
        learned
            .iter()
            .any(|n| n["text"] == "Retries belong behind an idempotency key, not in the client."),
        "{learned:?}"
    );
    app.testid(&format!("weekly-written-project-{project}")).await;
    app.testid(&format!("weekly-written-metric-{}", id_of(metric))).await;

    // Each entry written opens where it lives: the metric on its project's page.
    app.click(&format!("weekly-written-metric-{}", id_of(metric))).await;
    app.gone("weekly-review").await;
    let page = app.text_with("project-page", "Payment retries").await;
    assert!(page.contains("Failed checkouts"), "{page}");

    // Home shows what the week gained and that the review is written.
    app.click("nav-home").await;
    let added = app.text_with("week-added", "metric").await;
    assert!(
        added.contains("project") && added.contains("metric") && added.contains("note"),
        "{added}"
    );
    let line = app.text_with(&format!("week-metric-{}", id_of(metric)), "0.6").await;
    assert!(
        line.contains("Failed checkouts") && line.contains("2.4") && line.contains("0.6"),
        "{line}"
    );
    let state = app.text_with("week-review-state", "written").await;
    assert!(state.contains("written on"), "{state}");

    // Opened again with nothing typed, Escape closes at once.
    app.click("weekly-review-start").await;
    app.testid("weekly-step-shipped").await;
    app.press(Key::Escape).await;
    app.gone("weekly-review").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_may_listen_for_the_reminder_but_still_not_emit() {
    let (_turn, app) = Turn::opened().await;
    // The reminder's click arrives as the `open-weekly-review` event, which the page listens for.
    let handler =
        app.execute("return window.__TAURI_INTERNALS__.transformCallback(() => {})", vec![]).await;
    let listen =
        json!({"event": "open-weekly-review", "target": {"kind": "Any"}, "handler": handler});
    let listened = app.invoke("plugin:event|listen", listen).await;
    assert!(listened.is_ok(), "listen is granted: {listened:?}");
    let emit = json!({"event": "open-weekly-review", "payload": null});
    let refused = app.invoke("plugin:event|emit", emit).await.expect_err("emit is not granted");
    assert!(refused.to_string().contains("not allowed"), "{refused}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_a_weekly_review_asks_first_and_the_journals_refusal_shows_on_its_step() {
    let (_turn, app) = Turn::opened().await;
    app.testid("week-card").await;
    app.click("weekly-review-start").await;
    fill(&app, "weekly-shipped-title", "Search facets").await;
    app.press(Key::Escape).await;
    app.testid("discard-confirm").await;
    app.click("confirm-cancel").await;
    // Back keeps the answers.
    app.click("weekly-next").await;
    app.click("weekly-back").await;
    assert_eq!(
        app.testid("weekly-shipped-title").await.prop("value").await.unwrap().as_deref(),
        Some("Search facets")
    );
    app.press(Key::Escape).await;
    app.click("discard-confirm").await;
    app.gone("weekly-review").await;
    assert!(projects(&app).await.is_empty());

    // What shipped, said without naming it: the journal's refusal, by the title, on step 1.
    app.click("weekly-review-start").await;
    fill(&app, "weekly-shipped-summary", "Search facets for the catalogue").await;
    app.click("weekly-dot-learned").await;
    app.click("weekly-review-save").await;
    let refused = app.text_with("error-shipped.title", "empty").await;
    assert!(refused.contains("empty"), "{refused}");
    app.testid("weekly-step-shipped").await;
    assert!(projects(&app).await.is_empty(), "nothing written");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_follow_up_queue_clears_a_decision_due_and_a_metric_without_its_result() {
    let (_turn, app) = Turn::opened().await;
    let project = seed::project(
        &app,
        &Project { title: "Payment retries", status: Some("active"), ..Project::default() },
    )
    .await;
    let decided =
        decision(&app, Some(project), "How failed payments are retried", "2026-01-15").await;
    let metric = waiting_metric(&app, project, "Retry p95", "2026-02-01").await;
    back_home(&app).await;

    let due = format!("followup-decision-review:{decided}");
    let waiting = format!("followup-metric-result:{metric}");
    app.testid(&due).await;
    app.testid(&waiting).await;
    let text = app.text_with(&due, "Decision").await;
    assert!(text.contains("How failed payments are retried"), "{text}");
    app.wait(&format!("[data-testid='{waiting}'] [data-testid='followup-overdue']")).await;

    // Snoozed, it leaves; Undo brings it back.
    click_in(&app, &waiting, "followup-snooze").await;
    app.gone(&waiting).await;
    let toast = app.text_with("toast", "Snoozed").await;
    assert!(toast.contains("for a week"), "{toast}");
    app.click("toast-undo").await;
    app.testid(&waiting).await;

    // The decision's outcome, in its form, opened from the queue.
    click_in(&app, &due, "followup-act").await;
    app.testid("decision-form").await;
    fill(&app, "decision-outcome", "No payment lost since; two retry storms absorbed.").await;
    app.click("decision-save").await;
    app.gone("decision-form").await;
    app.gone(&due).await;

    // The metric's result, right in the queue; letters are refused by the field first.
    click_in(&app, &waiting, "followup-act").await;
    fill(&app, "followup-result", "fast").await;
    app.click("followup-save").await;
    let refused = app.text_with("error-result", "number").await;
    assert!(refused.contains("Must be a number"), "{refused}");
    fill(&app, "followup-result", "240").await;
    app.click("followup-save").await;
    app.gone(&waiting).await;

    // Measured, it wants its evidence next: added in the queue, that one leaves too.
    let evidence = format!("followup-metric-evidence:{metric}");
    click_in(&app, &evidence, "followup-act").await;
    fill(&app, "followup-evidence", "https://grafana.internal/d/payments-retries").await;
    app.click("followup-save").await;
    app.gone(&evidence).await;

    let detail = app.invoke_ok("project_get", json!({"id": project})).await;
    assert_eq!(
        detail["metrics"][0]["evidence"],
        json!("https://grafana.internal/d/payments-retries")
    );
    assert_eq!(
        detail["decisions"][0]["outcome"],
        json!("No payment lost since; two retry storms absorbed.")
    );
    assert_eq!(detail["metrics"][0]["result"].as_f64(), Some(240.0));
    assert_eq!(detail["metrics"][0]["target"].as_f64(), Some(250.0), "the rest of the metric kept");
    let queue = app.invoke_ok("followup_list", json!({})).await;
    let keys: Vec<&str> =
        queue["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert!(!keys.contains(&&due["followup-".len()..]), "{keys:?}");
    assert!(!keys.contains(&&waiting["followup-".len()..]), "{keys:?}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quarter_review_shows_the_journal_and_saves_the_reflection() {
    let (_turn, app) = Turn::opened().await;
    let today = chrono::Local::now().date_naive().to_string();
    let project = seed::project(
        &app,
        &Project {
            title: "Checkout latency budget",
            started_on: Some(&today),
            ..Project::shipped()
        },
    )
    .await;
    let input = json!({"project_id": project, "name": "Checkout p95", "unit": "ms", "baseline": 820.0,
        "result": 310.0, "better": "lower", "measured_on": today, "evidence": null, "tags": [], "skills": []});
    seed::save(&app, "metric_save", input).await;
    back_home(&app).await;
    app.click("period-review-open").await;
    let metrics = app.text_with("period-metrics", "310").await;
    assert!(metrics.contains("Checkout p95") && metrics.contains("820 ms"), "{metrics}");
    app.testid("period-projects").await;

    fill(&app, "period-went-well", "Checkout p95 under budget.").await;
    fill(&app, "period-next-focus", "Mentoring.").await;
    app.click("period-review-save").await;
    app.testid("period-review-saved").await;
    let summary = app.invoke_ok("period_summary", json!({"kind": "quarter", "date": null})).await;
    let reviews = summary["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0]["went_well"], json!("Checkout p95 under budget."));
    assert_eq!(reviews[0]["to_improve"], json!(null));
    assert!(reviews[0]["summary"].as_str().unwrap().contains("Checkout p95"));
    let review = id_of(&reviews[0]);
    app.testid(&format!("period-review-{review}")).await;

    // Search finds the review by its reflection and opens it on its quarter.
    back_home(&app).await;
    app.chord(&[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    app.fill("search-input", "under budget").await;
    app.testid(&format!("search-hit-{review}")).await;
    app.send_keys("search-input", &Key::Enter).await;
    app.gone("search-palette").await;
    app.testid(&format!("period-review-{review}")).await;
    app.text_with("period-review", "Checkout p95").await;

    // The year before has nothing; Escape goes back to Home.
    app.click("period-kind-year").await;
    app.click("period-prev").await;
    app.text_with("period-review", "Nothing logged").await;
    app.press(Key::Escape).await;
    app.testid("week-card").await;
    app.close().await;
}

/// A journal a few months into the habit: projects, metrics measured and waiting,
/// decisions due, feedback, notes from a year ago, a story for an interview next week.
async fn seed_a_season(app: &App) -> (i64, i64) {
    let today = chrono::Local::now().date_naive();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).to_string();
    let quarter_day = |offset: i64| {
        // A day of the current quarter, `offset` days after its start but not after today.
        let month0 = (chrono::Datelike::month0(&today) / 3) * 3;
        let start =
            chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), month0 + 1, 1).unwrap();
        (start + chrono::Duration::days(offset)).min(today).to_string()
    };
    let checkout = seed::project(
        app,
        &Project {
            title: "Checkout latency budget",
            organization: Some("Larkspur Commerce"),
            status: Some("active"),
            scope: Some("service"),
            started_on: Some("2026-08-03"),
            ..Project::default()
        },
    )
    .await;
    let payments = seed::project(
        app,
        &Project {
            title: "Payment retries on a durable queue",
            organization: Some("Larkspur Commerce"),
            status: Some("active"),
            scope: Some("feature"),
            started_on: Some("2026-09-14"),
            ..Project::default()
        },
    )
    .await;
    seed::project(
        app,
        &Project {
            title: "On-call handbook for the payments team",
            status: Some("shipped"),
            scope: Some("initiative"),
            ended_on: Some(&quarter_day(20)),
            ..Project::default()
        },
    )
    .await;
    let measured = |project: i64,
                    name: &'static str,
                    unit: &'static str,
                    b: f64,
                    r: f64,
                    better: &'static str,
                    on: String| {
        json!({"project_id": project, "name": name, "unit": unit, "baseline": b, "result": r,
               "better": better, "measured_on": on, "evidence": null, "tags": [], "skills": []})
    };
    seed::save(
        app,
        "metric_save",
        measured(checkout, "Checkout p95 latency", "ms", 820.0, 310.0, "lower", quarter_day(30)),
    )
    .await;
    seed::save(
        app,
        "metric_save",
        measured(
            payments,
            "Payments lost to timeouts",
            "per week",
            37.0,
            2.0,
            "lower",
            quarter_day(45),
        ),
    )
    .await;
    let _waiting = waiting_metric(app, checkout, "Cart abandonment at payment", &day(-6)).await;
    decision(app, Some(payments), "How failed payments are retried", &day(-9)).await;
    let decided = json!({
        "project_id": checkout, "title": "Cache tax lookups at the edge", "context": null, "goal": null,
        "options": [{"text": "Edge cache", "pros": "", "cons": ""}, {"text": "Precompute nightly", "pros": "", "cons": ""}],
        "chosen": "Edge cache", "tradeoffs": null, "expected": null, "confidence": 60,
        "outcome": "Tax lookups fell from 180 ms to 9 ms; no stale rates reported in six weeks.",
        "outcome_on": null, "decided_on": quarter_day(12), "review_on": null, "tags": [], "skills": [],
    });
    seed::save(app, "decision_save", decided).await;
    let feedback = |source: &str, text: &str, date: String| json!({"project_id": null, "source": source, "date": date, "text": text, "rating": null, "tags": [], "skills": []});
    seed::save(app, "feedback_save", feedback("Manager", "The latency write-up was the clearest design doc on the team this quarter; the budget per hop made the trade-offs obvious.", quarter_day(40))).await;
    seed::save(
        app,
        "feedback_save",
        feedback(
            "Peer (payments)",
            "Pairing on the retry consumer taught me more about idempotency than any doc.",
            quarter_day(55),
        ),
    )
    .await;
    let note = |text: &str, date: String| json!({"project_id": null, "date": date, "text": text, "tags": [], "skills": []});
    let year_ago = (today - chrono::Months::new(12)).to_string();
    seed::save(app, "note_save", note("Ran my first incident review as facilitator: kept it blameless, got three action items owned.", year_ago)).await;
    let story = json!({
        "title": "Cutting checkout latency by 60%", "framework": "star",
        "situation": "Checkout p95 sat at 820 ms and three teams touched the path.",
        "task": "Get p95 under 350 ms in a quarter without freezing feature work.",
        "context": null,
        "action": "I traced a week of requests, wrote a latency budget per hop and walked the teams through it.",
        "result": "p95 fell to 310 ms; the budget is now the release gate.",
        "target_seconds": 120, "project_ids": [checkout], "metric_ids": [], "decision_ids": [],
        "questions": [], "interview_on": day(6), "tags": [], "skills": [],
    });
    seed::save(app, "story_save", story).await;
    (checkout, payments)
}

/// Not a check: saves the This week card (empty, then full), each weekly review step, a
/// refusal, the done screen, the quarter review and the follow-up queue, light and dark, to
/// `target/screenshots/habit-*.png` for a person to look at.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e habit::capture -- --ignored"]
async fn capture_habit() {
    let turn = Turn::take_with(|_| vec![("WEBKIT_FORCE_COMPOSITING_MODE", "1".into())]).await;
    seed::checklist_history(&turn.db);
    let app = turn.open().await;
    let shots = |name: &'static str| {
        let app = &app;
        async move {
            for theme in ["light", "dark"] {
                app.set_theme(theme).await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                app.shot(&format!("habit-{name}-{theme}")).await;
            }
        }
    };
    let scroll_to = |id: &'static str| {
        let app = &app;
        async move {
            app.execute(
                "const e = document.querySelector(`[data-testid='${arguments[0]}']`);
                 e.scrollIntoView({block: 'start'}); document.querySelector('main').scrollTop -= 24;",
                vec![json!(id)],
            )
            .await;
        }
    };

    // "Later" on the first-run questions, so Home starts with its own cards.
    app.click("profile-later").await;
    app.gone("first-run").await;
    // A journal months into the habit, its entries written weeks ago: this week is empty.
    seed_a_season(&app).await;
    let quiet = seed::project(
        &app,
        &Project {
            title: "Search indexer rewrite",
            status: Some("active"),
            scope: Some("service"),
            ..Project::default()
        },
    )
    .await;
    age_entries(&turn.db, 20, None);
    age_entries(&turn.db, 60, Some(quiet));
    // The review slot earlier in the week, so this week's review is due now.
    let mut settings = app.invoke_ok("settings_get", json!({})).await;
    settings["review_day"] = json!("monday");
    settings["review_time"] = json!("09:00");
    app.invoke_ok("settings_set", json!({"settings": settings})).await;
    back_home(&app).await;
    app.testid("week-empty").await;
    app.testid("followups").await;
    shots("week-empty").await;
    scroll_to("followups").await;
    shots("followups").await;
    let queue = app.invoke_ok("followup_list", json!({})).await;
    let waiting = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "metric-result")
        .map(|i| format!("followup-{}", i["key"].as_str().unwrap()))
        .expect("a metric waiting");
    click_in(&app, &waiting, "followup-act").await;
    fill(&app, "followup-result", "3.1x").await;
    app.click("followup-save").await;
    app.testid("error-result").await;
    scroll_to("followups").await;
    shots("followups-result").await;
    app.click("followup-cancel").await;

    // Two entries this week, then the week card tells them.
    let checkout: i64 = queue_project(&app, "Checkout latency budget").await.parse().unwrap();
    let today = chrono::Local::now().date_naive().to_string();
    seed::save(
        &app,
        "metric_save",
        json!({"project_id": checkout, "name": "Tax lookup p95", "unit": "ms",
        "baseline": 180.0, "result": 9.0, "better": "lower", "measured_on": today, "evidence": null,
        "tags": [], "skills": []}),
    )
    .await;
    seed::save(&app, "note_save", json!({"project_id": checkout, "date": today,
        "text": "Walked the storefront team through the latency budget; they will own the image hop.",
        "tags": [], "skills": []})).await;
    back_home(&app).await;
    app.testid("week-added").await;
    shots("week").await;

    app.execute("document.querySelector('main').scrollTop = 0", vec![]).await;
    app.click("weekly-review-start").await;
    app.testid("weekly-step-shipped").await;
    app.choose(
        "weekly-shipped-project",
        &queue_project(&app, "Payment retries on a durable queue").await,
    )
    .await;
    fill(
        &app,
        "weekly-shipped-summary",
        "Failed card payments now retry from a durable queue, in every region.",
    )
    .await;
    shots("step-shipped").await;
    app.click("weekly-next").await;
    fill(&app, "weekly-moved-name", "Payments lost to timeouts").await;
    fill(&app, "weekly-moved-baseline", "37").await;
    fill(&app, "weekly-moved-target", "0").await;
    fill(&app, "weekly-moved-measure-by", "2027-01-15").await;
    fill(&app, "weekly-moved-unit", "per week").await;
    app.choose("weekly-moved-better", "lower").await;
    shots("step-moved").await;
    fill(&app, "weekly-moved-baseline", "thirty-seven").await;
    app.click("weekly-dot-learned").await;
    app.click("weekly-review-save").await;
    app.testid("error-moved.baseline").await;
    shots("step-moved-refused").await;
    fill(&app, "weekly-moved-baseline", "37").await;
    app.click("weekly-next").await;
    fill(&app, "weekly-decision-title", "Where retries are scheduled").await;
    fill(&app, "weekly-decision-chosen", "A delay queue per region").await;
    let others = format!("One global retry queue{}Client-side backoff", char::from(Key::Enter));
    fill(&app, "weekly-decision-others", &others).await;
    fill(
        &app,
        "weekly-decision-context",
        "A regional outage must not delay retries everywhere else.",
    )
    .await;
    shots("step-decision").await;
    app.click("weekly-next").await;
    fill(&app, "weekly-feedback-source", "Manager").await;
    fill(&app, "weekly-feedback-text", "The rollout plan for retries was calm and well communicated; the payments team knew every step before it happened.").await;
    shots("step-feedback").await;
    app.click("weekly-next").await;
    fill(&app, "weekly-learned", "A retry is only safe when the request carries its own idempotency key; the queue cannot know that for you.").await;
    shots("step-learned").await;
    app.click("weekly-review-save").await;
    app.testid("weekly-done").await;
    shots("done").await;
    app.click("weekly-done-close").await;
    app.gone("weekly-review").await;
    app.execute("document.querySelector('main').scrollTop = 0", vec![]).await;
    shots("week-reviewed").await;

    app.click("period-review-open").await;
    app.testid("period-projects").await;
    shots("quarter").await;
    scroll_to("period-decisions").await;
    shots("quarter-decisions").await;
    fill(
        &app,
        "period-went-well",
        "Checkout p95 under budget, and payment retries shipped without a lost payment.",
    )
    .await;
    fill(
        &app,
        "period-to-improve",
        "Write decisions down the week they are made, not at the end of the quarter.",
    )
    .await;
    fill(&app, "period-next-focus", "Mentor Priya through her first design review.").await;
    app.click("period-review-save").await;
    app.testid("period-review-saved").await;
    app.execute("document.querySelector('main').scrollTop = 1e6", vec![]).await;
    shots("quarter-saved").await;
    app.click("period-kind-year").await;
    app.click("period-prev").await;
    app.testid("period-review").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.execute("document.querySelector('main').scrollTop = 0", vec![]).await;
    shots("year-empty").await;
    app.close().await;
}

/// Moves entries' creation (and last change) back `days`: all of them, or one project's.
fn age_entries(db: &std::path::Path, days: u32, project: Option<i64>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let stamp = format!("strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now', '-{days} days')");
    let only = project.map(|id| format!("WHERE id = {id}")).unwrap_or_default();
    conn.execute_batch(&format!(
        "UPDATE entries SET created_at = {stamp}, updated_at = {stamp} {only};"
    ))
    .unwrap();
}

/// A project's id as the pickers' option value.
async fn queue_project(app: &App, title: &str) -> String {
    let all = projects(app).await;
    let found = all.iter().find(|p| p["title"] == title).expect("the project");
    id_of(found).to_string()
}
