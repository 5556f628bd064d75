//! The Resume section in the real window: a bullet generated from a metric, reworded and
//! exported with the edit in the file; lint findings on a weak bullet; a variant by tag.
//! `capture_resume` saves the screens for a person to look at.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::json;

use crate::support::seed::{self, bullet_for, Metric, Project};
use crate::support::{id_of, App, Turn};

async fn open_resume(app: &App) {
    app.click("nav-home").await;
    app.testid("section-home").await;
    app.click("nav-resume").await;
    app.testid("section-resume").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_generated_bullet_is_edited_and_the_export_holds_the_edit() {
    let (turn, app) = Turn::opened().await;

    // An empty journal points to the Journal.
    app.click("nav-resume").await;
    app.testid("resume-empty").await;

    let p = seed::project(
        &app,
        &Project {
            title: "Checkout latency rewrite",
            organization: Some("Acme Payments"),
            role: Some("Tech lead"),
            started_on: Some("2024-01-08"),
            ended_on: Some("2024-06-30"),
            tags: &["backend"],
            ..Project::shipped()
        },
    )
    .await;
    let m = Metric::of(p, "p99 checkout latency", "ms", (800.0, 120.0), "lower")
        .measured("2024-06-20")
        .evidence("Grafana: checkout p99");
    let m = seed::metric(&app, &m).await;

    // The generated bullet appears with its number and where it came from, picked.
    open_resume(&app).await;
    let id = bullet_for(&app, &format!("metric:{m}")).await;
    let wording = app.text_with(&format!("bullet-wording-{id}"), "85%").await;
    assert!(wording.contains("85%") && wording.contains("800 ms → 120 ms"), "{wording}");
    let sources = app.text_with(&format!("bullet-sources-{id}"), "p99 checkout latency").await;
    assert_eq!(sources, "from metric p99 checkout latency");
    assert_eq!(
        app.testid(&format!("bullet-include-{id}")).await.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );

    // Reworded in place; the live lint follows the typing.
    let edited = "Cut p99 checkout latency 85% (800 ms → 120 ms) by moving pricing lookups into a warmed cache";
    app.click(&format!("bullet-edit-{id}")).await;
    app.fill("bullet-text", "Helped with latency").await;
    app.testid("finding-live-weak-opening").await;
    app.fill("bullet-text", edited).await;
    app.testid("bullet-live-clean").await;
    app.click("bullet-save").await;
    app.gone("bullet-text").await;
    app.testid(&format!("bullet-edited-{id}")).await;
    assert_eq!(app.text_with(&format!("bullet-wording-{id}"), "warmed cache").await, edited);

    // Exported as Markdown: the preview and the saved file hold the edit.
    app.click("export-open").await;
    let preview = app.text_with("export-preview", "warmed cache").await;
    assert!(preview.contains(&format!("- {edited}")), "{preview}");
    assert!(preview.contains("## Tech lead, Acme Payments"), "{preview}");
    app.click("export-copy").await;
    let copied = app.text_with("export-copied", "Copied").await;
    assert!(copied.contains("Copied"), "{copied}");
    app.click("export-save").await;
    let saved = app.text_with("export-saved", "Saved to").await;
    let file = turn.exports().join("resume.md");
    assert!(saved.contains(&file.display().to_string()), "{saved}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains(&format!("- {edited}")), "{written}");

    // Escape (outside a field) goes back to the bullets.
    app.send_keys("export-save", &Key::Escape).await;
    app.testid(&format!("bullet-{id}")).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weak_bullet_shows_its_findings_and_a_variant_takes_only_its_tag() {
    let (_turn, app) = Turn::opened().await;

    let staff = |title, started, ended, summary, tags: &'static [&'static str]| Project {
        title,
        organization: Some("Acme Payments"),
        role: Some("Staff engineer"),
        started_on: Some(started),
        ended_on: Some(ended),
        summary,
        tags,
        ..Project::shipped()
    };
    let backend = seed::project(
        &app,
        &staff(
            "Order queue on Kafka",
            "2023-02-01",
            "2023-09-30",
            Some("Moved order events from cron polling onto Kafka."),
            &["backend"],
        ),
    )
    .await;
    let paging = Metric::of(backend, "Paging incidents a month", "incidents", (14.0, 3.0), "lower");
    let backend_metric = seed::metric(&app, &paging.measured("2024-06-20")).await;
    let frontend = seed::project(
        &app,
        &staff("Checkout redesign", "2023-10-01", "2024-03-31", None, &["frontend"]),
    )
    .await;
    let conversion = Metric::of(frontend, "Checkout conversion", "%", (71.2, 74.9), "higher")
        .measured("2024-06-20")
        .evidence("Experiment report");
    let frontend_metric = seed::metric(&app, &conversion).await;
    let weak = bullet_for(&app, &format!("metric:{backend_metric}")).await;
    let strong = bullet_for(&app, &format!("metric:{frontend_metric}")).await;
    app.invoke_ok(
        "bullet_edit",
        json!({"id": weak, "text": "Responsible for leveraging synergy across teams"}),
    )
    .await;

    // The weak bullet's findings, each with why and how to fix; the summary counts them.
    app.click("nav-resume").await;
    for rule in ["no-number", "weak-opening", "buzzword", "metric-without-evidence"] {
        let finding = app.text_with(&format!("finding-{weak}-{rule}"), "How to fix").await;
        assert!(finding.contains("How to fix"), "{rule}: {finding}");
    }
    let buzz = app.text(&format!("finding-{weak}-buzzword")).await;
    assert!(buzz.contains("leveraging") && buzz.contains("synergy"), "{buzz}");
    let summary = app.text_with("lint-summary", "1 bullet needs a number").await;
    assert!(summary.contains("1 bullet needs a number"), "{summary}");
    assert!(summary.contains("1 bullet opens weakly"), "{summary}");
    app.testid(&format!("bullet-clean-{strong}")).await;
    assert_eq!(app.count(&format!("finding-{strong}-no-number")).await, 0);

    // Alt+Down moves a bullet within its project from the keyboard.
    let project_bullet = bullet_for(&app, &format!("project:{backend}")).await;
    app.execute(
        "document.querySelector(arguments[0]).focus()",
        vec![json!(format!("[data-testid='bullet-include-{weak}']"))],
    )
    .await;
    app.chord(&[Key::Alt.into(), Key::Down.into()]).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let bullets = app.invoke_ok("bullet_list", json!({})).await;
        let order: Vec<i64> = bullets.as_array().unwrap().iter().map(id_of).collect();
        let at = |id: i64| order.iter().position(|x| *x == id).unwrap();
        if at(weak) > at(project_bullet) {
            break;
        }
        assert!(Instant::now() < deadline, "Alt+Down did not move it: {order:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let focused = app.execute("return document.activeElement.dataset.testid", vec![]).await;
    assert_eq!(focused, json!(format!("bullet-include-{weak}")));

    // A variant by tag takes only the backend bullet.
    app.click("variant-new").await;
    app.fill("variant-name", "Staff backend").await;
    app.fill("variant-tags", "backend").await;
    app.click("variant-save").await;
    app.gone("variant-form").await;
    let filter = app.text_with("variant-filter", "#backend").await;
    assert!(filter.contains("tagged #backend"), "{filter}");
    app.testid(&format!("bullet-{weak}")).await;
    assert_eq!(app.count(&format!("bullet-{strong}")).await, 0);

    // A variant whose filter takes nothing says which filter it was.
    app.click("variant-new").await;
    app.fill("variant-name", "Mobile").await;
    app.fill("variant-tags", "mobile").await;
    app.click("variant-save").await;
    let empty = app.text_with("variant-empty", "#mobile").await;
    assert!(empty.contains("No picked bullet is tagged #mobile"), "{empty}");

    // Deleted with Undo.
    app.click("variant-delete").await;
    app.text_with("toast", "Deleted the variant").await;
    app.click("toast-undo").await;
    app.text_with("variant-empty", "#mobile").await;
    app.close().await;
}

/// How many bullet rows the page shows now.
async fn rows(app: &App) -> usize {
    app.client
        .find_all(fantoccini::Locator::Css("[data-testid^='bullet-include-']"))
        .await
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_journal_pages_its_bullets_and_picks_filters_and_exports_over_all_of_them() {
    let turn = Turn::take().await;
    seed::demo(&turn.db, 400);
    let app = turn.open().await;
    let bullets = app.invoke_ok("bullet_list", json!({})).await;
    let bullets = bullets.as_array().unwrap();
    let total = bullets.len();
    assert!(total > 1_000, "{total} bullets");
    let all = careerlog_core::journal::told::number(total as f64);

    // Fifty at a time, with which of how many.
    open_resume(&app).await;
    let count = app.text_with("bullet-page-count", "of").await;
    assert_eq!(count, format!("1–50 of {all}"));
    assert_eq!(rows(&app).await, 50);

    // The next page, by keyboard: Enter on Next; the keyboard lands on its first bullet.
    app.send_keys("bullet-page-next", &Key::Enter).await;
    app.text_until("bullet-page-count", |t| t.starts_with("51–100")).await;
    assert_eq!(rows(&app).await, 50);
    let focused =
        app.execute("return document.activeElement?.dataset.testid ?? null", vec![]).await;
    assert!(focused.as_str().is_some_and(|t| t.starts_with("bullet-include-")), "{focused}");

    // Its bullets say where they came from by name (read as the page shows them).
    app.until(
        "the sources of page two named",
        "const all = [...document.querySelectorAll(\"[data-testid^='bullet-sources-']\")].map(s => s.textContent);
         return all.length > 0 && all.some(t => t.startsWith('from metric ')) && !all.some(t => /^from an? (metric|decision)$/.test(t));",
    )
    .await;

    // A bullet on page two, not picked yet: picked there, it is picked in the journal.
    let on_page = app
        .execute(
            "return [...document.querySelectorAll(\"[data-testid^='bullet-include-']\")]
               .filter(b => !b.checked).map(b => Number(b.dataset.testid.slice(15)))[0] ?? null",
            vec![],
        )
        .await;
    let id = on_page.as_i64().expect("an unpicked bullet on page two");
    app.click_centered(&format!("bullet-include-{id}")).await;
    let wording = app.text(&format!("bullet-wording-{id}")).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = app.invoke_ok("bullet_list", json!({})).await;
        let picked =
            now.as_array().unwrap().iter().any(|b| id_of(b) == id && b["included"] == json!(true));
        if picked {
            break;
        }
        assert!(Instant::now() < deadline, "bullet {id} was not picked");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The filter narrows the whole list, back to its first page.
    app.fill("bullet-filter", &wording).await;
    let count = app.text_until("bullet-page-count", |t| t.starts_with("1–")).await;
    assert!(!count.ends_with(&format!("of {all}")), "{count}");
    app.testid(&format!("bullet-{id}")).await;
    app.fill("bullet-filter", "no bullet says this zqxv").await;
    app.testid("bullet-filter-empty").await;
    app.click("bullet-filter-clear").await;
    app.text_with("bullet-page-count", &format!("1–50 of {all}")).await;

    // Grouped by role (groups far longer than a page), the last bullet of page one moves
    // down into page two, and the page follows it.
    app.click("group-role").await;
    app.text_with("bullet-page-count", &format!("1–50 of {all}")).await;
    let last = app
        .execute(
            "const rows = [...document.querySelectorAll(\"[data-testid^='bullet-down-']\")];
             const last = rows[rows.length - 1];
             return last.disabled ? null : Number(last.dataset.testid.slice(12));",
            vec![],
        )
        .await;
    let last = last.as_i64().expect("the first page ends inside a role");
    let before = app.invoke_ok("bullet_list", json!({})).await;
    let at = |list: &serde_json::Value, id: i64| {
        list.as_array().unwrap().iter().position(|b| id_of(b) == id).unwrap()
    };
    let was = at(&before, last);
    app.click_centered(&format!("bullet-down-{last}")).await;
    app.text_until("bullet-page-count", |t| t.starts_with("51–100")).await;
    app.testid(&format!("bullet-{last}")).await;
    let after = app.invoke_ok("bullet_list", json!({})).await;
    assert!(at(&after, last) > was, "bullet {last} did not move down");

    // Reworded on page two: the wording is saved and stays on the page.
    let reworded =
        "Cut p99 checkout latency 85% (800 ms → 120 ms) by caching tax lookups at the edge";
    app.click_centered(&format!("bullet-edit-{last}")).await;
    app.fill("bullet-text", reworded).await;
    app.click("bullet-save").await;
    assert_eq!(app.text_with(&format!("bullet-wording-{last}"), "edge").await, reworded);
    assert!(app.text("bullet-page-count").await.starts_with("51–100"));

    // The export takes every picked bullet, the one from page two among them.
    app.click("export-open").await;
    let preview = app.text_with("export-preview", &wording).await;
    assert!(preview.contains(&wording), "{wording}");
    app.close().await;
}

/// Not a check: saves the Resume section in both themes to `target/screenshots/` for a
/// person to look at (`cargo test --test e2e resume::capture -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_resume() {
    let (turn, app) = Turn::opened().await;
    let seeded = seed::resume_journal(&app).await;

    let set_theme = |theme: &'static str| {
        let app = &app;
        async move {
            app.set_theme(theme).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
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
            client.execute("document.querySelector('main').scrollTo(0, 0)", vec![]).await.unwrap();
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    };

    for theme in ["light", "dark"] {
        set_theme(theme).await;
        open_resume(&app).await;
        app.click("group-project").await;
        app.text_with("lint-summary", "bullet").await;
        app.text_with(&format!("bullet-sources-{}", seeded.latency), "metric").await;
        app.shot(&format!("resume-bullets-{theme}")).await;
        scroll_to(format!("bullet-{}", seeded.weak)).await;
        app.shot(&format!("resume-findings-{theme}")).await;

        app.click(&format!("bullet-edit-{}", seeded.weak)).await;
        app.fill("bullet-text", "Helped the team by leveraging synergy").await;
        app.testid("finding-live-weak-opening").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.shot(&format!("resume-editor-{theme}")).await;
        app.click("bullet-cancel").await;

        app.click("group-role").await;
        to_top().await;
        app.shot(&format!("resume-by-role-{theme}")).await;
        app.click("group-project").await;

        app.testid("variant-select").await.select_by_label("Staff backend").await.unwrap();
        app.testid("variant-view").await;
        to_top().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.shot(&format!("resume-variant-{theme}")).await;
        scroll_to("variant-left-out".into()).await;
        app.shot(&format!("resume-variant-left-out-{theme}")).await;
        to_top().await;
        app.click("variant-new").await;
        app.fill("variant-name", "Engineering manager").await;
        app.fill("variant-skills", "mentoring").await;
        app.fill("variant-since", "2023-01-01").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.shot(&format!("resume-variant-form-{theme}")).await;
        app.click("variant-cancel").await;
        app.testid("variant-select").await.select_by_label("Frontend only").await.unwrap();
        app.testid("variant-empty").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.shot(&format!("resume-variant-empty-{theme}")).await;
        app.testid("variant-select").await.select_by_value("").await.unwrap();

        app.click("export-open").await;
        app.text_with("export-preview", "##").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.shot(&format!("resume-export-{theme}")).await;
        app.testid("export-format").await.select_by_value("json-resume").await.unwrap();
        app.text_with("export-preview", "\"work\"").await;
        app.click("export-save").await;
        app.text_with("export-saved", "Saved to").await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        app.shot(&format!("resume-export-json-{theme}")).await;
        app.testid("export-format").await.select_by_value("markdown").await.unwrap();
        app.click("export-back").await;
    }

    // The empty state of a new journal.
    app.close().await;
    let app = turn.open_on(&turn.path("empty.sqlite3")).await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        app.click("nav-resume").await;
        app.testid("resume-empty").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.shot(&format!("resume-empty-{theme}")).await;
        app.click("nav-home").await;
    }
    app.close().await;
}

/// Not a check: the Resume section on the ordinary demo journal (`careerlog demo`), top,
/// middle and the pager at the end, in both themes, saved to `target/screenshots/`
/// (`cargo test --test e2e resume::capture_demo_resume -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_demo_resume() {
    let turn = Turn::take().await;
    seed::demo(&turn.db, 40);
    let app = turn.open().await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        open_resume(&app).await;
        app.text_with("bullet-page-count", "of").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        app.shot(&format!("resume-demo-top-{theme}")).await;
        for (name, at) in [("middle", 0.45), ("end", 1.0)] {
            app.execute(
                "const m = document.querySelector('main'); m.scrollTo(0, (m.scrollHeight - m.clientHeight) * arguments[0]);",
                vec![json!(at)],
            )
            .await;
            tokio::time::sleep(Duration::from_millis(250)).await;
            app.shot(&format!("resume-demo-{name}-{theme}")).await;
        }
    }
    app.close().await;
}
