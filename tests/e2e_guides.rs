//! Guides in the real window: the first-run profile card, the reader with its contents and
//! the engineer's rows marked, the decision tree, a checklist whose checks survive a restart,
//! the readiness map and Home's card. `capture_guides` saves the screens for a person.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde_json::{json, Value};
use support::{App, Display, WINDOW};

async fn choose(app: &App, testid: &str, value: &str) {
    app.testid(testid)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} in {testid}: {e}"));
}

async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

/// Waits until nothing matches `css`.
async fn gone(app: &App, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(app, css).await > 0 {
        assert!(Instant::now() < deadline, "{css} is still shown");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of an element once it contains `expected`, or whatever it shows after a wait
/// (WebKit reports no text for an element drawn a moment ago).
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

/// Polls a script until it returns `true`.
async fn until(app: &App, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if app.client.execute(script, vec![]).await.unwrap() == json!(true) {
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn invoke(app: &App, command: &str, args: Value) -> Value {
    app.invoke(command, args)
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
}

async fn checkbox(app: &App, item: &str) -> Element {
    app.testid(&format!("checklist-item-{item}")).await
}

/// Clicks a control in the reader's rail, which scrolls on its own: WebKitWebDriver does
/// not scroll a nested scrolling box to reach an element, so the page does it first.
async fn click_in_rail(app: &App, testid: &str) {
    let element = app.testid(testid).await;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await
        .unwrap();
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {testid}: {e}"));
}

/// Answers the decision tree's question on screen and waits for the next step.
async fn answer(app: &App, index: usize, answered: usize) {
    app.click(&format!("tree-answer-{index}")).await;
    app.wait(&format!("[data-answered='{answered}']")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_reads_walks_and_keeps_its_checks_across_a_restart() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;

    // First run: three questions in a card on Home.
    app.testid("first-run").await;
    choose(&app, "profile-band", "5-8").await;
    choose(&app, "profile-role", "backend").await;
    choose(&app, "profile-target", "staff-engineer").await;
    app.click("profile-save").await;
    gone(&app, "[data-testid='first-run']").await;
    let profile = invoke(&app, "profile_get", json!({})).await;
    assert_eq!(
        (&profile["band"], &profile["role"], &profile["target_role"]),
        (&json!("5-8"), &json!("backend"), &json!("staff-engineer"))
    );

    // The library, then the guide: the text, its contents, the engineer's rows marked.
    app.click("nav-guides").await;
    app.testid("section-guides").await;
    app.click("guide-technical-leader").await;
    let reader = app.testid("guide-reader").await;
    assert!(reader
        .text()
        .await
        .unwrap()
        .contains("The progression framework"));
    let toc = app.testid("guide-toc").await;
    let contents = toc.text().await.unwrap();
    assert!(contents.contains("Role adaptation"), "{contents}");
    app.wait("[data-my-band='5-8'] tr[data-band='5-8']").await;
    app.wait("[data-my-role='backend'] tr[data-role='backend']")
        .await;
    let backgrounds = app
        .client
        .execute(
            "const bg = (css) => getComputedStyle(document.querySelector(css)).backgroundColor;
             return [bg(\"tr[data-band='5-8'] td\"), bg(\"tr[data-band='0-2'] td\"),
                     bg(\"tr[data-role='backend'] td\"), bg(\"tr[data-role='frontend'] td\")];",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(backgrounds[0], backgrounds[1], "the band row is marked");
    assert_ne!(backgrounds[2], backgrounds[3], "the role row is marked");
    assert!(app
        .text("highlight-legend")
        .await
        .contains("Highlighted: your band and role"));

    // Contents and in-page links scroll; nothing navigates the window.
    let url = app.client.current_url().await.unwrap();
    toc.find(Locator::Css("a[href='#role-adaptation']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        &app,
        "the heading to scroll into view",
        "const h = document.getElementById('role-adaptation').getBoundingClientRect();
         return h.top >= 0 && h.top < 200 && document.activeElement.id === 'role-adaptation';",
    )
    .await;
    assert_eq!(app.client.current_url().await.unwrap(), url);

    // An in-app link opens the question in the reader; Back returns to the guide.
    app.wait("[data-testid='guide-reader'] a[href='#/questions/how-do-you-mentor-engineers']")
        .await
        .click()
        .await
        .unwrap();
    until(
        &app,
        "the question page",
        "return document.querySelector('h1')?.textContent.trim() === 'How do you mentor engineers?';",
    )
    .await;
    assert_eq!(app.client.current_url().await.unwrap(), url);
    app.click("guides-back").await;
    app.testid("tree-answer-0").await;

    // The decision tree: three answers lead to a suggested path.
    answer(&app, 0, 1).await;
    answer(&app, 1, 2).await;
    answer(&app, 1, 3).await;
    let path = text_with(&app, "tree-path", "Staff or principal engineer").await;
    assert!(path.contains("Staff or principal engineer"), "{path}");

    // The checklist beside the guide: check an item, see the date.
    app.click("rail-checklist").await;
    let item = checkbox(&app, "place-yourself").await;
    assert!(!item.is_selected().await.unwrap());
    item.click().await.unwrap();
    let when = text_with(&app, "checklist-when-place-yourself", "Checked today").await;
    assert_eq!(when, "Checked today");
    assert!(checkbox(&app, "place-yourself")
        .await
        .is_selected()
        .await
        .unwrap());
    let progress = text_with(&app, "checklist-progress", "1 of 14").await;
    assert!(progress.contains("1 of 14 done"), "{progress}");
    app.close().await;

    // After a restart: still checked, with its date; no first-run card.
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    app.testid("section-home").await;
    app.click("nav-guides").await;
    let library = text_with(&app, "guide-technical-leader", "1 of 14").await;
    assert!(library.contains("1 of 14 done"), "{library}");
    assert_eq!(count(&app, "[data-testid='first-run']").await, 0);
    app.click("guide-technical-leader").await;
    app.click("rail-checklist").await;
    assert!(checkbox(&app, "place-yourself")
        .await
        .is_selected()
        .await
        .unwrap());
    assert_eq!(
        text_with(&app, "checklist-when-place-yourself", "Checked").await,
        "Checked today"
    );

    // A new cycle asks first, starts unchecked, and keeps the old one in the history.
    click_in_rail(&app, "checklist-new-cycle").await;
    app.click("checklist-new-cycle-confirm").await;
    let progress = text_with(&app, "checklist-progress", "0 of 14").await;
    assert!(progress.contains("0 of 14 done"), "{progress}");
    assert!(!checkbox(&app, "place-yourself")
        .await
        .is_selected()
        .await
        .unwrap());
    let history = text_with(&app, "checklist-history", "Cycle 1").await;
    assert!(
        history.contains("Cycle 1") && history.contains("1 of 14 checked"),
        "{history}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn later_puts_the_questions_off_and_home_leads_to_the_readiness_map() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    app.click("profile-later").await;
    gone(&app, "[data-testid='first-run']").await;

    let project = invoke(
        &app,
        "project_save",
        json!({"id": null, "input": {
            "title": "Search indexing service", "organization": "Acme", "role": "Owner",
            "started_on": "2025-01-06", "ended_on": null, "scope": "service",
            "status": "shipped", "summary": null, "tags": [], "skills": [],
        }}),
    )
    .await;
    // Home reloads on arrival: the card shows the current stage's missing proofs.
    app.click("nav-journal").await;
    app.click("nav-home").await;
    let missing = text_with(&app, "home-missing-proofs", "Foundation").await;
    assert!(
        missing.to_lowercase().contains("missing for foundation"),
        "{missing}"
    );
    assert!(
        !missing.contains("You carried a feature"),
        "a service project meets the feature proof: {missing}"
    );
    app.testid("home-due").await;
    app.click("home-proof-reviewable-prs").await;

    app.testid("readiness-map").await;
    let foundation = app.testid("stage-foundation").await;
    foundation
        .find(Locator::Css("[data-testid='you-are-here']"))
        .await
        .expect("the current stage is marked");
    let shipped = app.testid("proof-shipped-feature").await;
    assert_eq!(
        shipped.attr("data-met").await.unwrap().as_deref(),
        Some("true")
    );
    // textContent: WebDriver's visible text leaves out a title cut with an ellipsis.
    let evidence = app
        .client
        .execute(
            "return document.querySelector(\"[data-testid='proof-shipped-feature']\").textContent;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        evidence
            .as_str()
            .unwrap()
            .contains("Search indexing service"),
        "{evidence}"
    );
    // Evidence opens the project in the journal.
    app.click(&format!("evidence-{}", project["id"])).await;
    app.testid("section-journal").await;

    // The same questions in Settings, with the details exports use, checked by the core.
    app.click("nav-settings").await;
    let email = app.testid("profile-email").await;
    email.send_keys("dana at example").await.unwrap();
    app.click("profile-save").await;
    let refused = text_with(&app, "error-email", "not an email").await;
    assert!(refused.contains("not an email address"), "{refused}");
    email.clear().await.unwrap();
    email.send_keys("dana@example.com").await.unwrap();
    choose(&app, "profile-band", "3-5").await;
    choose(&app, "profile-role", "frontend").await;
    app.click("profile-save").await;
    app.testid("profile-saved").await;
    let profile = invoke(&app, "profile_get", json!({})).await;
    assert_eq!(
        (&profile["band"], &profile["email"]),
        (&json!("3-5"), &json!("dana@example.com"))
    );
    app.close().await;

    // "Later" holds for this journal after a restart.
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    app.testid("home-guides").await;
    assert_eq!(count(&app, "[data-testid='first-run']").await, 0);
    app.close().await;
}

/// Runs the CLI on the journal (the same binary, headless).
fn cli(db: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_careerlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Checklists with history: a closed quarter, and an open cycle nine days old with three
/// items checked and one overdue. The dates are moved back in the file (no command can).
fn seed_checklists(db: &Path) {
    cli(db, &["checklist", "show", "technical-leader"]);
    for item in [
        "set-band-and-role",
        "place-yourself",
        "log-recent-project",
        "add-a-metric",
    ] {
        cli(db, &["checklist", "check", "technical-leader", item]);
    }
    cli(db, &["checklist", "new-cycle", "technical-leader"]);
    for item in ["set-band-and-role", "place-yourself", "log-recent-project"] {
        cli(db, &["checklist", "check", "technical-leader", item]);
    }
    cli(db, &["checklist", "show", "tech-lead-roadmap"]);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-100 days'),
                closed_on = date('now', 'localtime', '-9 days')
          WHERE guide = 'technical-leader' AND number = 1;
         UPDATE checklist_checks SET checked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-80 days')
          WHERE cycle_id = (SELECT id FROM checklist_cycles WHERE guide = 'technical-leader' AND number = 1);
         UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-9 days')
          WHERE guide = 'technical-leader' AND number = 2;
         UPDATE checklist_checks SET checked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-6 days')
          WHERE cycle_id = (SELECT id FROM checklist_cycles WHERE guide = 'technical-leader' AND number = 2);
         UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-3 days')
          WHERE guide = 'tech-lead-roadmap';",
    )
    .unwrap();
}

/// A journal with the evidence a mid-career backend engineer would have logged.
async fn seed_journal(app: &App) {
    let project = |title: &str, org: &str, started: &str, scope: &str, summary: &str| {
        json!({"id": null, "input": {
            "title": title, "organization": org, "role": "Tech lead", "started_on": started,
            "ended_on": null, "scope": scope, "status": "shipped", "summary": summary,
            "tags": [], "skills": ["technical-leadership"],
        }})
    };
    let checkout = invoke(
        app,
        "project_save",
        project(
            "Checkout latency rewrite",
            "Acme Payments",
            "2025-01-08",
            "service",
            "Moved pricing out of the hot path.",
        ),
    )
    .await["id"]
        .clone();
    let events = invoke(
        app,
        "project_save",
        project(
            "Order events platform",
            "Acme Payments",
            "2025-06-02",
            "multi-team",
            "One stream of order events for three teams.",
        ),
    )
    .await["id"]
        .clone();
    for (project, name, unit, baseline, result, better) in [
        (
            &checkout,
            "p99 checkout latency",
            "ms",
            800.0,
            120.0,
            "lower",
        ),
        (&events, "Order status lag", "s", 300.0, 8.0, "lower"),
    ] {
        invoke(
            app,
            "metric_save",
            json!({"id": null, "input": {
                "project_id": project, "name": name, "unit": unit, "baseline": baseline,
                "result": result, "better": better, "measured_on": "2025-08-01",
                "evidence": "Grafana dashboard, 30-day p99", "tags": [], "skills": [],
            }}),
        )
        .await;
    }
    for (project, kind, title) in [
        (&checkout, "rfc", "RFC: in-process price cache"),
        (
            &checkout,
            "postmortem",
            "Postmortem: stale prices after the March deploy",
        ),
        (&checkout, "pr", "Price cache with bounded staleness"),
        (&checkout, "pr", "Checkout service extraction, part 1"),
        (&events, "pr", "Order events schema registry"),
    ] {
        invoke(
            app,
            "artifact_save",
            json!({"id": null, "input": {
                "project_id": project, "kind": kind, "title": title, "url": null,
                "date": "2025-03-01", "tags": [], "skills": [],
            }}),
        )
        .await;
    }
    invoke(
        app,
        "decision_save",
        json!({"id": null, "input": {
            "project_id": checkout, "title": "Cache prices in process instead of Redis",
            "context": "Pricing lookups were most of checkout latency.",
            "options": [
                {"text": "In-process cache", "pros": "No network hop", "cons": "Staleness"},
                {"text": "Redis cluster", "pros": "Shared", "cons": "Extra hop"},
            ],
            "chosen": "In-process cache", "tradeoffs": "Up to 60 s stale prices.",
            "expected": "p99 under 200 ms", "confidence": 75,
            "outcome": "p99 went to 120 ms; no stale-price complaints.",
            "decided_on": "2025-02-10", "review_on": "2025-08-10", "tags": [], "skills": [],
        }}),
    )
    .await;
    invoke(
        app,
        "feedback_save",
        json!({"id": null, "input": {
            "project_id": events, "source": "peer", "date": "2025-09-15",
            "text": "Pairing on the consumer design got me leading the schema review myself.",
            "rating": 5, "tags": [], "skills": ["mentoring"],
        }}),
    )
    .await;
}

/// Not a check: saves the Guides screens in both themes to `target/screenshots/` for a
/// person to look at (`cargo test --test e2e_guides capture -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_guides() {
    let _turn = WINDOW.lock().await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    seed_checklists(&db);
    cli(
        &db,
        &[
            "profile",
            "set",
            "--band",
            "5-8",
            "--role",
            "backend",
            "--target",
            "staff-engineer",
            "--name",
            "Dana Reyes",
            "--headline",
            "Senior backend engineer",
            "--location",
            "Lisbon",
        ],
    );

    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    seed_journal(&app).await;
    let pause = || tokio::time::sleep(Duration::from_millis(400));
    let shot = |name: String| out.join(format!("{name}.png"));

    for theme in ["light", "dark"] {
        app.click("nav-settings").await;
        app.click(&format!("theme-{theme}")).await;

        app.click("nav-home").await;
        app.testid("home-missing-proofs").await;
        app.client
            .execute(
                "document.querySelector(\"[data-testid='home-guides']\").scrollIntoView({block: 'center'})",
                vec![],
            )
            .await
            .unwrap();
        pause().await;
        app.screenshot(&shot(format!("guides-home-{theme}"))).await;

        app.click("nav-guides").await;
        app.click("library-open").await;
        app.testid("guide-technical-leader").await;
        pause().await;
        app.screenshot(&shot(format!("guides-library-{theme}")))
            .await;

        app.click("guide-technical-leader").await;
        app.testid("tree-answer-0").await;
        answer(&app, 0, 1).await;
        answer(&app, 1, 2).await;
        answer(&app, 1, 3).await;
        app.testid("tree-path").await;
        pause().await;
        app.screenshot(&shot(format!("guides-tree-{theme}"))).await;

        let toc = app.testid("guide-toc").await;
        toc.find(Locator::Css("a[href='#milestones-by-years-of-experience']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(900)).await;
        app.screenshot(&shot(format!("guides-reader-{theme}")))
            .await;

        toc.find(Locator::Css("a[href='#role-adaptation']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(900)).await;
        app.screenshot(&shot(format!("guides-roles-{theme}"))).await;

        app.click("rail-checklist").await;
        app.testid("checklist-progress").await;
        pause().await;
        app.screenshot(&shot(format!("guides-checklist-{theme}")))
            .await;

        app.wait("[data-testid='guide-reader'] a[href='#/questions/how-do-you-mentor-engineers']")
            .await
            .click()
            .await
            .unwrap();
        app.testid("question-coverage").await;
        pause().await;
        app.screenshot(&shot(format!("guides-question-{theme}")))
            .await;
        app.click("guides-back").await;
        app.click("guides-back").await;

        app.click("readiness-open").await;
        app.testid("readiness-map").await;
        pause().await;
        app.screenshot(&shot(format!("guides-readiness-{theme}")))
            .await;
        app.client
            .execute(
                "document.querySelector(\"[data-testid='stage-leverage']\").scrollIntoView({block: 'start'})",
                vec![],
            )
            .await
            .unwrap();
        pause().await;
        app.screenshot(&shot(format!("guides-readiness-stages-{theme}")))
            .await;

        app.click("nav-settings").await;
        app.testid("profile-band").await;
        pause().await;
        app.screenshot(&shot(format!("guides-profile-{theme}")))
            .await;
    }
    app.click("theme-system").await;
    app.close().await;

    // The first-run card, on a fresh journal.
    let fresh = dir.path().join("fresh.sqlite3");
    let app = App::launch(&display, &fresh, &[]).await;
    app.ready().await;
    app.testid("first-run").await;
    pause().await;
    app.screenshot(&shot("guides-first-run-light".into())).await;
    app.close().await;
}
