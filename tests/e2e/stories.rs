//! The Stories section in the real window: a story written from the journal's numbers,
//! rehearsed through every section with the keyboard, saved, drilled, and kept.

use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::seed::{self, Metric};
use crate::support::{careerlog, id_of, Turn};

#[tokio::test(flavor = "multi_thread")]
async fn a_story_is_written_rehearsed_through_every_section_and_kept() {
    let turn = Turn::take().await;
    let app = turn.open().await;

    let project = seed::project(&app, &seed::story_project("Checkout rewrite")).await;
    let p99 = Metric::of(project, "p99 latency", "ms", (800.0, 120.0), "lower");
    let metric = seed::metric(&app, &p99).await;

    // The bank starts empty and invites the first story.
    app.click("nav-stories").await;
    app.testid("story-first").await;
    app.click("story-new").await;

    app.send_keys("story-title", "Cutting checkout latency")
        .await;
    let sections = [
        ("situation", "Checkout p99 latency sat at 800 ms during the spring sale and carts were abandoned."),
        ("task", "I owned the checkout service and had six weeks to bring p99 under 200 ms."),
        ("action", "I profiled the slowest calls, moved tax lookups behind a cache, and split the pricing call so it ran in parallel with inventory."),
        ("result", "p99 fell to 120 ms and abandonment dropped."),
    ];
    for (section, text) in sections {
        app.send_keys(&format!("story-section-{section}"), text)
            .await;
    }
    app.fill("story-target", "90").await;

    // Link the number the result cites: it shows beside the text with its real figures.
    app.click_centered(&format!("story-link-project-{project}"))
        .await;
    app.click_centered(&format!("story-link-metric-{metric}"))
        .await;
    let beside = app.text(&format!("linked-metric-{metric}")).await;
    assert!(beside.contains("800 ms → 120 ms"), "{beside}");
    assert!(beside.contains("\u{2212}85%"), "{beside}");

    // The core's estimate follows the typing, per section and in total.
    let total = app
        .text_until("story-estimate-total", |t| t != "≈ 0:00")
        .await;
    assert!(total.starts_with("≈ 0:"), "{total}");
    let estimate = app.text("story-estimate").await;
    assert!(estimate.contains("of a 1:30 target"), "{estimate}");
    assert!(estimate.contains("Action"), "{estimate}");

    app.click("story-save").await;
    app.testid("rehearse-open").await;
    let stories = app.invoke_ok("story_list", json!({})).await;
    let story = id_of(&stories[0]);
    assert_eq!(stories[0]["metric_ids"], json!([metric]));
    let numbers = app.text("linked-numbers").await;
    assert!(numbers.contains("p99 latency"), "{numbers}");

    // Rehearse: Space starts and moves on through the four STAR sections, Escape stops.
    app.click("rehearse-open").await;
    app.testid("rehearse-start").await;
    assert_eq!(app.text("rehearse-clock").await, "00:00");
    app.press(Key::Space).await;
    app.testid("rehearse-next-section").await;
    for section in ["Task", "Action", "Result"] {
        tokio::time::sleep(Duration::from_millis(350)).await;
        app.press(Key::Space).await;
        app.text_until("rehearse-section", |t| t == section).await;
    }
    tokio::time::sleep(Duration::from_millis(350)).await;
    app.press(Key::Escape).await;
    app.testid("rehearse-review").await;
    let told = app.text("review-total").await;
    assert!(told.starts_with("0:0"), "{told}");

    app.click("rehearse-rating-4").await;
    app.send_keys("rehearse-note", "Setup ran long").await;
    app.click("rehearse-save").await;

    // The follow-up drill asks about the number the story cites.
    let question = app.text("drill-question").await;
    assert!(!question.is_empty());
    app.click("drill-done").await;

    // The rehearsal is in the history, with the chart drawn by uPlot under the CSP.
    let history = app.testid("story-history").await;
    let rows = history
        .find_all(Locator::Css(
            "[data-testid^='rehearsal-']:not([data-testid^='rehearsal-total'])",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let row = rows[0].text().await.unwrap();
    assert!(row.contains("★★★★☆"), "{row}");
    assert!(row.contains("Setup ran long"), "{row}");
    app.wait("[data-testid='history-chart'] canvas").await;

    // Back in the bank, the story shows its rehearsal.
    app.press(Key::Escape).await;
    let listed = app.text(&format!("story-{story}")).await;
    assert!(listed.contains("1 rehearsal"), "{listed}");
    assert!(listed.contains("\u{2212}85%"), "{listed}");
    app.close().await;

    // And the journal file has it, per section, as the CLI reads it.
    let output = careerlog(
        &turn.db,
        &[],
        &["--json", "story", "show", &story.to_string()],
    );
    let shown: Value = serde_json::from_str(&output).unwrap();
    let rehearsals = shown["rehearsals"].as_array().expect("rehearsals");
    assert_eq!(rehearsals.len(), 1, "{shown}");
    let section_ms = rehearsals[0]["section_ms"].as_array().unwrap();
    assert_eq!(section_ms.len(), 4, "{shown}");
    assert!(
        section_ms.iter().all(|ms| ms.as_u64().unwrap() > 0),
        "{shown}"
    );
    let sum: u64 = section_ms.iter().map(|ms| ms.as_u64().unwrap()).sum();
    assert_eq!(sum, rehearsals[0]["total_ms"].as_u64().unwrap());
    assert_eq!(rehearsals[0]["rating"], json!(4));
    assert_eq!(rehearsals[0]["note"], json!("Setup ran long"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_story_keeps_its_text_and_a_deleted_one_comes_back_with_undo() {
    let turn = Turn::take().await;
    let app = turn.open().await;

    app.click("nav-stories").await;
    app.click("story-new").await;
    app.send_keys("story-section-action", "Led the migration.")
        .await;
    app.fill("story-target", "5").await;
    // No title: the core refuses and names the field; the text stays.
    app.click("story-save").await;
    app.testid("error-title").await;
    app.send_keys("story-title", "Migration").await;
    app.click("story-save").await;
    let refused = app.text("error-target_seconds").await;
    assert!(refused.contains("between 15 and 1800"), "{refused}");
    assert_eq!(
        app.testid("story-section-action")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Led the migration.")
    );
    app.fill("story-target", "2:00").await;
    app.click("story-save").await;
    app.click("story-delete").await;

    app.testid("story-first").await;
    app.click("toast-undo").await;
    let stories = app.invoke_ok("story_list", json!({})).await;
    let story = id_of(&stories[0]);
    app.testid(&format!("story-{story}")).await;
    app.close().await;
}

/// Not a check: saves screenshots of the Stories section in both themes to
/// `target/screenshots/` for a person to look at.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e stories::capture -- --ignored"]
async fn capture_stories() {
    let turn = Turn::take().await;
    let app = turn.open().await;
    let stories = seed::story_bank(&app).await;
    let [latency, migration, _mentoring, quick] = stories;

    let set_theme = |theme: &'static str| {
        let app = &app;
        async move {
            app.set_theme(theme).await;
            tokio::time::sleep(Duration::from_millis(600)).await;
        }
    };

    app.click("nav-stories").await;
    for theme in ["light", "dark"] {
        set_theme(theme).await;
        app.click("nav-home").await;
        app.click("nav-stories").await;
        app.testid(&format!("story-{latency}")).await;
        app.shot(&format!("stories-bank-{theme}")).await;

        app.click(&format!("story-{latency}")).await;
        app.wait("[data-testid='history-chart'] canvas").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.shot(&format!("stories-view-{theme}")).await;
        app.execute(
            "document.querySelector('[data-testid=story-history]').scrollIntoView()",
            vec![],
        )
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.shot(&format!("stories-history-{theme}")).await;

        app.click("story-back").await;
        app.click(&format!("story-{migration}")).await;
        app.click("story-edit").await;
        app.testid("story-estimate-total").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        app.shot(&format!("stories-editor-{theme}")).await;
        app.execute("document.querySelector('main').scrollTo(0, 1e6)", vec![])
            .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.shot(&format!("stories-editor-links-{theme}")).await;
        app.click("story-cancel").await;
        app.click("story-back").await;

        app.click("coverage-open").await;
        app.testid("coverage-summary").await;
        app.shot(&format!("stories-coverage-{theme}")).await;
        app.click("coverage-back").await;
    }

    // Rehearse mode mid-run, past a short target, in both themes.
    set_theme("light").await;
    app.click(&format!("story-{quick}")).await;
    app.click("rehearse-open").await;
    app.click("rehearse-start").await;
    tokio::time::sleep(Duration::from_millis(4_000)).await;
    app.click("rehearse-next-section").await;
    tokio::time::sleep(Duration::from_millis(3_000)).await;
    app.click("rehearse-next-section").await;
    tokio::time::sleep(Duration::from_millis(5_000)).await;
    app.shot("stories-rehearse-light").await;
    tokio::time::sleep(Duration::from_millis(5_000)).await;
    app.text_until("rehearse-cue", |t| t.starts_with("Over target"))
        .await;
    app.shot("stories-rehearse-over-light").await;
    set_theme("dark").await;
    app.shot("stories-rehearse-over-dark").await;
    app.click("rehearse-stop").await;
    app.testid("rehearse-review").await;
    app.click("rehearse-rating-3").await;
    app.shot("stories-review-dark").await;
    app.click("rehearse-save").await;
    app.testid("drill-done").await;
    app.shot("stories-drill-dark").await;
    set_theme("light").await;
    app.shot("stories-drill-light").await;
    app.close().await;
}
