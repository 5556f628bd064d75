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
    let (turn, app) = Turn::opened().await;

    let project = seed::project(&app, &seed::story_project("Checkout rewrite")).await;
    let p99 = Metric::of(project, "p99 latency", "ms", (800.0, 120.0), "lower");
    let metric = seed::metric(&app, &p99).await;

    // The bank starts empty and invites the first story.
    app.click("nav-stories").await;
    app.testid("story-first").await;
    app.click("story-new").await;

    app.send_keys("story-title", "Cutting checkout latency").await;
    let sections = [
        ("situation", "Checkout p99 latency sat at 800 ms during the spring sale and carts were abandoned."),
        ("task", "I owned the checkout service and had six weeks to bring p99 under 200 ms."),
        ("action", "I profiled the slowest calls, moved tax lookups behind a cache, and split the pricing call so it ran in parallel with inventory."),
        ("result", "p99 fell to 120 ms and abandonment dropped."),
    ];
    for (section, text) in sections {
        app.send_keys(&format!("story-section-{section}"), text).await;
    }
    app.fill("story-target", "90").await;

    // Link the number the result cites: it shows beside the text with its real figures.
    app.click_centered(&format!("story-link-project-{project}")).await;
    app.click_centered(&format!("story-link-metric-{metric}")).await;
    let beside = app.text(&format!("linked-metric-{metric}")).await;
    assert!(beside.contains("800 ms → 120 ms"), "{beside}");
    assert!(beside.contains("\u{2212}85%"), "{beside}");

    // The core's estimate follows the typing, per section and in total.
    let total = app.text_until("story-estimate-total", |t| t != "≈ 0:00").await;
    assert!(total.starts_with("≈ 0:"), "{total}");
    // (The target typed last reaches the estimate a moment after the text does.)
    let estimate = app.text_with("story-estimate", "of a 1:30 target").await;
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
        .find_all(Locator::Css("[data-testid^='rehearsal-']:not([data-testid^='rehearsal-total'])"))
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
    let output = careerlog(&turn.db, &[], &["--json", "story", "show", &story.to_string()]);
    let shown: Value = serde_json::from_str(&output).unwrap();
    let rehearsals = shown["rehearsals"].as_array().expect("rehearsals");
    assert_eq!(rehearsals.len(), 1, "{shown}");
    let section_ms = rehearsals[0]["section_ms"].as_array().unwrap();
    assert_eq!(section_ms.len(), 4, "{shown}");
    assert!(section_ms.iter().all(|ms| ms.as_u64().unwrap() > 0), "{shown}");
    let sum: u64 = section_ms.iter().map(|ms| ms.as_u64().unwrap()).sum();
    assert_eq!(sum, rehearsals[0]["total_ms"].as_u64().unwrap());
    assert_eq!(rehearsals[0]["rating"], json!(4));
    assert_eq!(rehearsals[0]["note"], json!("Setup ran long"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_story_keeps_its_text_and_a_deleted_one_comes_back_with_undo() {
    let (_turn, app) = Turn::opened().await;

    app.click("nav-stories").await;
    app.click("story-new").await;
    app.send_keys("story-section-action", "Led the migration.").await;
    app.fill("story-target", "5").await;
    // No title: the core refuses and names the field; the text stays.
    app.click("story-save").await;
    app.testid("error-title").await;
    app.send_keys("story-title", "Migration").await;
    app.click("story-save").await;
    let refused = app.text("error-target_seconds").await;
    assert!(refused.contains("between 15 and 1800"), "{refused}");
    assert_eq!(
        app.testid("story-section-action").await.prop("value").await.unwrap().as_deref(),
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

#[tokio::test(flavor = "multi_thread")]
async fn a_short_story_reads_short_and_a_single_rehearsal_is_deleted_with_undo() {
    let (_turn, app) = Turn::opened().await;

    let project = seed::project(&app, &seed::story_project("Checkout rewrite")).await;
    let long_name = "Share of checkout sessions that finish payment within the first attempt";
    let metric =
        seed::metric(&app, &Metric::of(project, long_name, "%", (61.0, 66.0), "higher")).await;
    // About 0:46 of speech against a 3:00 target.
    let action = "I profiled the slowest calls, moved tax lookups behind a cache, split the \
        pricing call so it ran beside inventory, and rolled the change out behind a flag one \
        region at a time while watching the error budget and the conversion dashboard.";
    let story = id_of(
        &seed::save(
            &app,
            "story_save",
            json!({
                "title": "Faster checkout", "framework": "star",
                "situation": "Checkout was slow during the spring sale.",
                "task": "I owned the checkout service.", "context": "",
                "action": action, "result": "Payments finished on the first try more often.",
                "target_seconds": 180, "project_ids": [project], "metric_ids": [],
                "decision_ids": [], "questions": [], "tags": [], "skills": []
            }),
        )
        .await,
    );
    // Three takes, two of them on the same day.
    let mut takes = Vec::new();
    for at in ["2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z", "2026-03-04T18:00:00Z"] {
        let take = seed::save(
            &app,
            "rehearsal_save",
            json!({"story_id": story, "started_at": at, "total_ms": 50_000,
                   "section_ms": [], "rating": null, "note": null}),
        )
        .await;
        takes.push(id_of(&take));
    }
    let shown: Value = app.invoke_ok("story_get", json!({"id": story})).await;
    assert_eq!(shown["estimate"]["pace"], json!("short"), "{shown}");
    let pace_text = shown["estimate"]["pace_text"].as_str().unwrap().to_string();
    assert!(pace_text.starts_with("Short by"), "{pace_text}");

    // The bank says it is short, as a warning, never "Fits the target".
    app.click("nav-stories").await;
    let pace = app.testid(&format!("story-pace-{story}")).await;
    assert_eq!(pace.attr("data-pace").await.unwrap().as_deref(), Some("short"));
    assert_eq!(app.text_with(&format!("story-pace-{story}"), "Short").await, pace_text);
    let row = app.text(&format!("story-{story}")).await;
    assert!(!row.contains("Fits the target"), "{row}");

    // The story page too; the chart writes each day once under its axis.
    app.click(&format!("story-{story}")).await;
    assert_eq!(app.text_with("story-view-pace", "Short").await, pace_text);
    app.wait("[data-testid='history-chart'] canvas").await;
    let days = app
        .testid("history-chart-canvas")
        .await
        .attr("data-axis-days")
        .await
        .unwrap()
        .unwrap_or_default();
    let days: Vec<&str> = days.split('|').collect();
    assert_eq!(days.len(), 2, "{days:?}");
    assert_ne!(days[0], days[1], "{days:?}");

    // One rehearsal goes, with Undo; the others stay.
    app.click_centered(&format!("history-delete-{}", takes[1])).await;
    app.gone(&format!("rehearsal-{}", takes[1])).await;
    assert_eq!(app.count(&format!("rehearsal-{}", takes[0])).await, 1);
    let toast = app.text_with("toast", "Deleted the rehearsal").await;
    assert!(toast.contains("Deleted the rehearsal of"), "{toast}");
    let after: Value = app.invoke_ok("story_get", json!({"id": story})).await;
    assert_eq!(after["rehearsals"].as_array().unwrap().len(), 2, "{after}");
    app.click("toast-undo").await;
    app.testid(&format!("rehearsal-{}", takes[1])).await;
    let back: Value = app.invoke_ok("story_get", json!({"id": story})).await;
    assert_eq!(back["rehearsals"].as_array().unwrap().len(), 3, "{back}");

    // The link picker shows a long metric name whole, with the name in its title.
    // (The story links the project, so the editor shows its metrics.)
    app.click("story-edit").await;
    let name = app.testid(&format!("story-link-metric-name-{metric}")).await;
    assert_eq!(name.attr("title").await.unwrap().as_deref(), Some(long_name));
    let cut = app
        .execute(
            "const el = arguments[0]; return el.scrollWidth > el.clientWidth + 1;",
            vec![serde_json::to_value(&name).unwrap()],
        )
        .await;
    assert_eq!(cut, json!(false), "the metric name is cut");
    assert_eq!(name.text().await.unwrap(), long_name);

    // The framework select is wide enough for its whole label.
    let framework = app.testid("story-framework").await;
    let fits = app
        .execute(
            "const s = arguments[0]; const c = document.createElement('canvas').getContext('2d');
             const st = getComputedStyle(s); c.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
             const text = s.options[s.selectedIndex].text;
             const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
             return [text, Math.ceil(c.measureText(text).width), Math.floor(room)];",
            vec![serde_json::to_value(&framework).unwrap()],
        )
        .await;
    let (text, needed, room) = (
        fits[0].as_str().unwrap().to_string(),
        fits[1].as_i64().unwrap(),
        fits[2].as_i64().unwrap(),
    );
    assert!(needed <= room, "{text:?} needs {needed}px, has {room}px");
    app.close().await;
}

/// Not a check: saves screenshots of the Stories section in both themes to
/// `target/screenshots/` for a person to look at.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e stories::capture -- --ignored"]
async fn capture_stories() {
    let (_turn, app) = Turn::opened().await;
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
        app.execute("document.querySelector('main').scrollTo(0, 1e6)", vec![]).await;
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
    app.text_until("rehearse-cue", |t| t.starts_with("Over target")).await;
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

#[tokio::test(flavor = "multi_thread")]
async fn a_story_for_an_interview_shows_it_on_its_card_while_it_is_ahead() {
    let (_turn, app) = Turn::opened().await;
    let in_days = |days: i64| {
        let app = &app;
        async move {
            app.execute(
                "const d = new Date(); d.setDate(d.getDate() + arguments[0]);
                 return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'),
                         String(d.getDate()).padStart(2, '0')].join('-')",
                vec![json!(days)],
            )
            .await
            .as_str()
            .unwrap()
            .to_string()
        }
    };

    app.click("nav-stories").await;
    app.click("story-new").await;
    app.send_keys("story-title", "Leading the checkout rewrite").await;
    app.send_keys("story-section-action", "I split the pricing call and cached tax.").await;
    // A day that is not one is refused by its field.
    app.fill("story-interview-on", "next week").await;
    app.click("story-save").await;
    let refused = app.text_with("error-interview_on", "YYYY-MM-DD").await;
    assert!(refused.contains("YYYY-MM-DD"), "{refused}");
    let day = in_days(5).await;
    app.fill("story-interview-on", &day).await;
    app.click("story-save").await;
    let stories = app.invoke_ok("story_list", json!({})).await;
    let story = id_of(&stories[0]);
    assert_eq!(stories[0]["interview_on"], json!(day));

    // The bank says it is coming; once past, it says nothing.
    app.click("nav-home").await;
    app.click("nav-stories").await;
    let badge = app.text_with(&format!("story-interview-{story}"), "5 days").await;
    assert_eq!(badge, "Interview in 5 days");
    let mut input = json!({"interview_on": in_days(-1).await});
    let saved = app.invoke_ok("story_get", json!({"id": story})).await;
    for key in [
        "title", "framework", "situation", "task", "context", "action", "result", "target_seconds",
        "project_ids", "metric_ids", "decision_ids", "questions", "tags", "skills",
    ] {
        input[key] = saved[key].clone();
    }
    app.invoke_ok("story_save", json!({"id": story, "input": input})).await;
    app.click("nav-home").await;
    app.click("nav-stories").await;
    app.testid(&format!("story-{story}")).await;
    app.gone(&format!("story-interview-{story}")).await;
    app.close().await;
}
