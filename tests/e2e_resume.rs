//! The Resume section in the real window: a bullet generated from a metric, reworded and
//! exported with the edit in the file; lint findings on a weak bullet; a variant by tag.
//! `capture_resume` saves the screens for a person to look at.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use support::{App, Display, WINDOW};

async fn fill(app: &App, testid: &str, text: &str) {
    let field = app.testid(testid).await;
    field.clear().await.unwrap();
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {testid}: {e}"));
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

fn id_of(value: &Value) -> i64 {
    value["id"].as_i64().expect("an id")
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

fn key(k: Key) -> char {
    k.into()
}

#[allow(clippy::too_many_arguments)]
fn project(
    title: &str,
    organization: &str,
    role: &str,
    started: &str,
    ended: Option<&str>,
    summary: Option<&str>,
    tags: &[&str],
    skills: &[&str],
) -> Value {
    json!({"id": null, "input": {
        "title": title, "organization": organization, "role": role,
        "started_on": started, "ended_on": ended, "scope": "service", "status": "shipped",
        "summary": summary, "tags": tags, "skills": skills
    }})
}

#[allow(clippy::too_many_arguments)]
fn metric(
    project: i64,
    name: &str,
    unit: Option<&str>,
    baseline: f64,
    result: f64,
    better: &str,
    evidence: Option<&str>,
) -> Value {
    json!({"id": null, "input": {
        "project_id": project, "name": name, "unit": unit, "baseline": baseline,
        "result": result, "better": better, "measured_on": "2024-06-20", "evidence": evidence,
        "tags": [], "skills": []
    }})
}

/// The id of the bullet generated from this entry (`metric:12`).
async fn bullet_for(app: &App, key: &str) -> i64 {
    let bullets = invoke(app, "bullet_list", json!({})).await;
    bullets
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == key)
        .map(id_of)
        .unwrap_or_else(|| panic!("no bullet for {key}: {bullets}"))
}

async fn open_resume(app: &App) {
    app.click("nav-home").await;
    app.testid("section-home").await;
    app.click("nav-resume").await;
    app.testid("section-resume").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_generated_bullet_is_edited_and_the_export_holds_the_edit() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let display = Display::start_with_env(&[("CAREERLOG_EXPORT_DIR", &exports)]);
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;

    // An empty journal points to the Journal.
    app.click("nav-resume").await;
    app.testid("resume-empty").await;

    let p = id_of(
        &invoke(
            &app,
            "project_save",
            project(
                "Checkout latency rewrite",
                "Acme Payments",
                "Tech lead",
                "2024-01-08",
                Some("2024-06-30"),
                None,
                &["backend"],
                &[],
            ),
        )
        .await,
    );
    let m = id_of(
        &invoke(
            &app,
            "metric_save",
            metric(
                p,
                "p99 checkout latency",
                Some("ms"),
                800.0,
                120.0,
                "lower",
                Some("Grafana: checkout p99"),
            ),
        )
        .await,
    );

    // The generated bullet appears with its number and where it came from, picked.
    open_resume(&app).await;
    let id = bullet_for(&app, &format!("metric:{m}")).await;
    let wording = text_with(&app, &format!("bullet-wording-{id}"), "85%").await;
    assert!(
        wording.contains("85%") && wording.contains("800 ms → 120 ms"),
        "{wording}"
    );
    let sources = text_with(
        &app,
        &format!("bullet-sources-{id}"),
        "p99 checkout latency",
    )
    .await;
    assert_eq!(sources, "from metric p99 checkout latency");
    assert_eq!(
        app.testid(&format!("bullet-include-{id}"))
            .await
            .prop("checked")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );

    // Reworded in place; the live lint follows the typing.
    let edited = "Cut p99 checkout latency 85% (800 ms → 120 ms) by moving pricing lookups into a warmed cache";
    app.click(&format!("bullet-edit-{id}")).await;
    fill(&app, "bullet-text", "Helped with latency").await;
    app.testid("finding-live-weak-opening").await;
    fill(&app, "bullet-text", edited).await;
    app.testid("bullet-live-clean").await;
    app.click("bullet-save").await;
    gone(&app, "bullet-text").await;
    app.testid(&format!("bullet-edited-{id}")).await;
    assert_eq!(
        text_with(&app, &format!("bullet-wording-{id}"), "warmed cache").await,
        edited
    );

    // Exported as Markdown: the preview and the saved file hold the edit.
    app.click("export-open").await;
    let preview = text_with(&app, "export-preview", "warmed cache").await;
    assert!(preview.contains(&format!("- {edited}")), "{preview}");
    assert!(preview.contains("## Tech lead, Acme Payments"), "{preview}");
    app.click("export-copy").await;
    let copied = text_with(&app, "export-copied", "Copied").await;
    assert!(copied.contains("Copied"), "{copied}");
    app.click("export-save").await;
    let saved = text_with(&app, "export-saved", "Saved to").await;
    let file = exports.join("resume.md");
    assert!(saved.contains(&file.display().to_string()), "{saved}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains(&format!("- {edited}")), "{written}");

    // Escape (outside a field) goes back to the bullets.
    app.testid("export-save")
        .await
        .send_keys(&Key::Escape)
        .await
        .unwrap();
    app.testid(&format!("bullet-{id}")).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weak_bullet_shows_its_findings_and_a_variant_takes_only_its_tag() {
    let _turn = WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;

    let backend = id_of(
        &invoke(
            &app,
            "project_save",
            project(
                "Order queue on Kafka",
                "Acme Payments",
                "Staff engineer",
                "2023-02-01",
                Some("2023-09-30"),
                Some("Moved order events from cron polling onto Kafka."),
                &["backend"],
                &[],
            ),
        )
        .await,
    );
    let backend_metric = id_of(
        &invoke(
            &app,
            "metric_save",
            metric(
                backend,
                "Paging incidents a month",
                Some("incidents"),
                14.0,
                3.0,
                "lower",
                None,
            ),
        )
        .await,
    );
    let frontend = id_of(
        &invoke(
            &app,
            "project_save",
            project(
                "Checkout redesign",
                "Acme Payments",
                "Staff engineer",
                "2023-10-01",
                Some("2024-03-31"),
                None,
                &["frontend"],
                &[],
            ),
        )
        .await,
    );
    let frontend_metric = id_of(
        &invoke(
            &app,
            "metric_save",
            metric(
                frontend,
                "Checkout conversion",
                Some("%"),
                71.2,
                74.9,
                "higher",
                Some("Experiment report"),
            ),
        )
        .await,
    );
    let weak = bullet_for(&app, &format!("metric:{backend_metric}")).await;
    let strong = bullet_for(&app, &format!("metric:{frontend_metric}")).await;
    invoke(
        &app,
        "bullet_edit",
        json!({"id": weak, "text": "Responsible for leveraging synergy across teams"}),
    )
    .await;

    // The weak bullet's findings, each with why and how to fix; the summary counts them.
    app.click("nav-resume").await;
    for rule in [
        "no-number",
        "weak-opening",
        "buzzword",
        "metric-without-evidence",
    ] {
        let finding = text_with(&app, &format!("finding-{weak}-{rule}"), "How to fix").await;
        assert!(finding.contains("How to fix"), "{rule}: {finding}");
    }
    let buzz = app.text(&format!("finding-{weak}-buzzword")).await;
    assert!(
        buzz.contains("leveraging") && buzz.contains("synergy"),
        "{buzz}"
    );
    let summary = text_with(&app, "lint-summary", "1 bullet needs a number").await;
    assert!(summary.contains("1 bullet needs a number"), "{summary}");
    assert!(summary.contains("1 bullet opens weakly"), "{summary}");
    app.testid(&format!("bullet-clean-{strong}")).await;
    assert_eq!(count(&app, &format!("finding-{strong}-no-number")).await, 0);

    // Alt+Down moves a bullet within its project from the keyboard.
    let project_bullet = bullet_for(&app, &format!("project:{backend}")).await;
    app.client
        .execute(
            "document.querySelector(arguments[0]).focus()",
            vec![json!(format!("[data-testid='bullet-include-{weak}']"))],
        )
        .await
        .unwrap();
    chord(&app, &[key(Key::Alt), key(Key::Down)]).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let bullets = invoke(&app, "bullet_list", json!({})).await;
        let order: Vec<i64> = bullets.as_array().unwrap().iter().map(id_of).collect();
        let at = |id: i64| order.iter().position(|x| *x == id).unwrap();
        if at(weak) > at(project_bullet) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Alt+Down did not move it: {order:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let focused = app
        .client
        .execute("return document.activeElement.dataset.testid", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!(format!("bullet-include-{weak}")));

    // A variant by tag takes only the backend bullet.
    app.click("variant-new").await;
    fill(&app, "variant-name", "Staff backend").await;
    fill(&app, "variant-tags", "backend").await;
    app.click("variant-save").await;
    gone(&app, "variant-form").await;
    let filter = text_with(&app, "variant-filter", "#backend").await;
    assert!(filter.contains("tagged #backend"), "{filter}");
    app.testid(&format!("bullet-{weak}")).await;
    assert_eq!(count(&app, &format!("bullet-{strong}")).await, 0);

    // A variant whose filter takes nothing says which filter it was.
    app.click("variant-new").await;
    fill(&app, "variant-name", "Mobile").await;
    fill(&app, "variant-tags", "mobile").await;
    app.click("variant-save").await;
    let empty = text_with(&app, "variant-empty", "#mobile").await;
    assert!(
        empty.contains("No picked bullet is tagged #mobile"),
        "{empty}"
    );

    // Deleted with Undo.
    app.click("variant-delete").await;
    text_with(&app, "toast", "Deleted the variant").await;
    app.click("toast-undo").await;
    text_with(&app, "variant-empty", "#mobile").await;
    app.close().await;
}

/// Not a check: saves the Resume section in both themes to `target/screenshots/` for a
/// person to look at (`cargo test --test e2e_resume capture -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_resume() {
    let _turn = WINDOW.lock().await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let exports = dir.path().join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let display = Display::start_with_env(&[("CAREERLOG_EXPORT_DIR", &exports)]);
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
    let seeded = seed_journal(&app).await;

    let set_theme = |theme: &'static str| {
        let client = app.client.clone();
        async move {
            client
                .execute(
                    "document.documentElement.dataset.theme = arguments[0]",
                    vec![json!(theme)],
                )
                .await
                .unwrap();
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
    };
    let shot = |name: String| {
        let app = &app;
        let path = out.join(format!("{name}.png"));
        async move { app.screenshot(&path).await }
    };
    let scroll_to = |testid: String| {
        let client = app.client.clone();
        async move {
            client
                .execute(
                    // The section scrolls, never the window: scrollIntoView would move both.
                    "const el = document.querySelector(`[data-testid='${arguments[0]}']`);
                     const main = document.querySelector('main');
                     main.scrollTo(0, el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - 24);",
                    vec![json!(testid)],
                )
                .await
                .unwrap();
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    };

    let to_top = || {
        let client = app.client.clone();
        async move {
            client
                .execute("document.querySelector('main').scrollTo(0, 0)", vec![])
                .await
                .unwrap();
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    };

    for theme in ["light", "dark"] {
        set_theme(theme).await;
        open_resume(&app).await;
        app.click("group-project").await;
        text_with(&app, "lint-summary", "bullet").await;
        text_with(
            &app,
            &format!("bullet-sources-{}", seeded.latency),
            "metric",
        )
        .await;
        shot(format!("resume-bullets-{theme}")).await;
        scroll_to(format!("bullet-{}", seeded.weak)).await;
        shot(format!("resume-findings-{theme}")).await;

        app.click(&format!("bullet-edit-{}", seeded.weak)).await;
        fill(&app, "bullet-text", "Helped the team by leveraging synergy").await;
        app.testid("finding-live-weak-opening").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        shot(format!("resume-editor-{theme}")).await;
        app.click("bullet-cancel").await;

        app.click("group-role").await;
        to_top().await;
        shot(format!("resume-by-role-{theme}")).await;
        app.click("group-project").await;

        app.testid("variant-select")
            .await
            .select_by_label("Staff backend")
            .await
            .unwrap();
        app.testid("variant-view").await;
        to_top().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        shot(format!("resume-variant-{theme}")).await;
        scroll_to("variant-left-out".into()).await;
        shot(format!("resume-variant-left-out-{theme}")).await;
        to_top().await;
        app.click("variant-new").await;
        fill(&app, "variant-name", "Engineering manager").await;
        fill(&app, "variant-skills", "mentoring").await;
        fill(&app, "variant-since", "2023-01-01").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        shot(format!("resume-variant-form-{theme}")).await;
        app.click("variant-cancel").await;
        app.testid("variant-select")
            .await
            .select_by_label("Frontend only")
            .await
            .unwrap();
        app.testid("variant-empty").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        shot(format!("resume-variant-empty-{theme}")).await;
        app.testid("variant-select")
            .await
            .select_by_value("")
            .await
            .unwrap();

        app.click("export-open").await;
        text_with(&app, "export-preview", "##").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        shot(format!("resume-export-{theme}")).await;
        app.testid("export-format")
            .await
            .select_by_value("json-resume")
            .await
            .unwrap();
        text_with(&app, "export-preview", "\"work\"").await;
        app.click("export-save").await;
        text_with(&app, "export-saved", "Saved to").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        shot(format!("resume-export-json-{theme}")).await;
        app.testid("export-format")
            .await
            .select_by_value("markdown")
            .await
            .unwrap();
        app.click("export-back").await;
    }

    // The empty state of a new journal.
    let empty_db = dir.path().join("empty.sqlite3");
    app.close().await;
    let app = App::launch(&display, &empty_db, &[]).await;
    app.ready().await;
    for theme in ["light", "dark"] {
        app.client
            .execute(
                "document.documentElement.dataset.theme = arguments[0]",
                vec![json!(theme)],
            )
            .await
            .unwrap();
        app.click("nav-resume").await;
        app.testid("resume-empty").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.screenshot(&out.join(format!("resume-empty-{theme}.png")))
            .await;
        app.click("nav-home").await;
    }
    app.close().await;
}

struct Seeded {
    latency: i64,
    weak: i64,
}

/// A realistic journal: two organizations, metrics in ms, %, $ and counts, decisions with
/// options, one metric without evidence, and one deliberately weak edited bullet.
async fn seed_journal(app: &App) -> Seeded {
    let save = |command: &'static str, args: Value| async move {
        id_of(&invoke(app, command, args).await)
    };

    let checkout = save(
        "project_save",
        project(
            "Checkout latency rewrite",
            "Acme Payments",
            "Tech lead",
            "2024-01-08",
            Some("2024-06-30"),
            Some("Rebuilt the pricing path behind checkout with a warmed cache."),
            &["backend", "performance"],
            &["technical leadership", "system design"],
        ),
    )
    .await;
    let latency = save(
        "metric_save",
        metric(
            checkout,
            "p99 checkout latency",
            Some("ms"),
            800.0,
            120.0,
            "lower",
            Some("Grafana: checkout p99"),
        ),
    )
    .await;
    save(
        "metric_save",
        metric(
            checkout,
            "Checkout conversion",
            Some("%"),
            71.2,
            74.9,
            "higher",
            Some("Experiment report Q2"),
        ),
    )
    .await;
    save(
        "decision_save",
        json!({"id": null, "input": {
            "project_id": checkout, "title": "Cache pricing lookups in the checkout service",
            "context": "Tax and discount lookups were on the request path.",
            "options": [
                {"text": "A warmed read-through cache", "pros": "no request-path calls", "cons": "invalidation"},
                {"text": "Bigger database replicas", "pros": "no code change", "cons": "cost, same tail"}
            ],
            "chosen": "A warmed read-through cache",
            "tradeoffs": "Stale prices for up to a minute after a change; the pricing team signed off.",
            "expected": null, "confidence": 70, "outcome": null, "decided_on": "2024-02-01",
            "review_on": null, "tags": [], "skills": []
        }}),
    )
    .await;

    let cloud = save(
        "project_save",
        project(
            "Cloud cost programme",
            "Acme Payments",
            "Tech lead",
            "2023-06-01",
            Some("2023-12-15"),
            Some("Rightsized clusters and moved batch jobs to spot capacity."),
            &["infrastructure", "cost"],
            &["decision making"],
        ),
    )
    .await;
    save(
        "metric_save",
        metric(
            cloud,
            "Monthly cloud spend",
            Some("$"),
            52000.0,
            31000.0,
            "lower",
            None,
        ),
    )
    .await;

    let kafka = save(
        "project_save",
        project(
            "Order events on Kafka",
            "Initech",
            "Senior engineer",
            "2021-03-01",
            Some("2022-02-28"),
            Some("Moved order events from cron polling onto Kafka."),
            &["backend"],
            &["mentoring"],
        ),
    )
    .await;
    let paging = save(
        "metric_save",
        metric(
            kafka,
            "Paging incidents a month",
            Some("incidents"),
            14.0,
            3.0,
            "lower",
            Some("PagerDuty report"),
        ),
    )
    .await;
    let deploys = save(
        "metric_save",
        metric(
            kafka,
            "Deploys per week",
            None,
            2.0,
            10.0,
            "higher",
            Some("CI dashboard"),
        ),
    )
    .await;

    let onboarding = save(
        "project_save",
        project(
            "Onboarding guide for new hires",
            "Initech",
            "Senior engineer",
            "2021-09-01",
            Some("2021-12-01"),
            Some("Wrote the service map and paired with each new engineer."),
            &["people"],
            &["mentoring"],
        ),
    )
    .await;
    let weak_metric = save(
        "metric_save",
        metric(
            onboarding,
            "Days to first deploy",
            Some("days"),
            21.0,
            6.0,
            "lower",
            Some("HR onboarding survey"),
        ),
    )
    .await;

    let weak = bullet_for(app, &format!("metric:{weak_metric}")).await;
    invoke(
        app,
        "bullet_edit",
        json!({"id": weak, "text": "Responsible for leveraging synergy across teams"}),
    )
    .await;
    let latency_bullet = bullet_for(app, &format!("metric:{latency}")).await;
    let paging_bullet = bullet_for(app, &format!("metric:{paging}")).await;
    // Pick the cache decision too; its project bullet stays unpicked.
    let bullets = invoke(app, "bullet_list", json!({})).await;
    for b in bullets.as_array().unwrap() {
        if b["key"].as_str().unwrap().starts_with("decision:") {
            invoke(
                app,
                "bullet_include",
                json!({"id": id_of(b), "included": true}),
            )
            .await;
        }
    }

    let backend = invoke(
        app,
        "variant_save",
        json!({"id": null, "name": "Staff backend",
               "filter": {"tags": ["backend"], "skills": [], "roles": [], "since": null, "until": null}}),
    )
    .await;
    let variant = id_of(&backend);
    invoke(
        app,
        "variant_tailor",
        json!({"variant": variant, "bullet": paging_bullet,
               "text": "Cut paging incidents 79% (14 → 3 a month) by moving order events onto Kafka",
               "excluded": false, "position": 1}),
    )
    .await;
    invoke(
        app,
        "variant_tailor",
        json!({"variant": variant, "bullet": latency_bullet, "text": null, "excluded": false, "position": 2}),
    )
    .await;
    let deploys_bullet = bullet_for(app, &format!("metric:{deploys}")).await;
    invoke(
        app,
        "variant_tailor",
        json!({"variant": variant, "bullet": deploys_bullet, "text": null, "excluded": true, "position": null}),
    )
    .await;
    invoke(
        app,
        "variant_save",
        json!({"id": null, "name": "Frontend only",
               "filter": {"tags": ["frontend"], "skills": [], "roles": [], "since": null, "until": null}}),
    )
    .await;
    invoke(
        app,
        "profile_set",
        json!({"profile": {"band": "8-12", "role": "backend", "target_role": "staff-engineer",
            "name": "Sam Rivera", "headline": "Staff engineer, payments", "email": "sam@example.org",
            "location": "Lisbon", "summary": null}}),
    )
    .await;
    Seeded {
        latency: latency_bullet,
        weak,
    }
}
