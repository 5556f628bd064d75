//! The shell in the real window: navigation, themes, the journal problem screen and the ACL.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::support::seed::{self, Metric, Project};
use crate::support::{id_of, App, Turn};

const SECTIONS: [(&str, &str); 8] = [
    ("home", "Home"),
    ("inbox", "Inbox"),
    ("journal", "Journal"),
    ("guides", "Guides"),
    ("stories", "Stories"),
    ("resume", "Resume"),
    ("people", "People"),
    ("settings", "Settings"),
];

#[tokio::test(flavor = "multi_thread")]
async fn navigation_reaches_every_section_and_shows_it() {
    let turn = Turn::take().await;
    let db = &turn.db;
    let app = turn.open().await;

    assert_eq!(app.client.title().await.unwrap(), "Career Log");
    // A new user lands on Home, which says what to do first and where the journal lives.
    app.testid("section-home").await;
    let footer = app.text("home-journal-path").await;
    assert!(footer.contains(&db.display().to_string()), "{footer}");

    for (name, heading) in SECTIONS.iter().rev() {
        app.click(&format!("nav-{name}")).await;
        let section = app.testid(&format!("section-{name}")).await;
        let h1 = section.find(fantoccini::Locator::Css("h1")).await.unwrap();
        assert_eq!(h1.text().await.unwrap(), *heading);
        let current = app.testid(&format!("nav-{name}")).await;
        assert_eq!(current.attr("aria-current").await.unwrap().as_deref(), Some("page"));
        // Only one section is shown at a time.
        let shown = app.client.find_all(fantoccini::Locator::Css("[data-testid^='section-']"));
        assert_eq!(shown.await.unwrap().len(), 1, "{name}");
    }
    app.click("nav-settings").await;
    assert_eq!(app.text("settings-journal-path").await, db.display().to_string());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chosen_theme_applies_and_survives_a_restart() {
    let (turn, app) = Turn::opened().await;
    app.pick_theme("dark").await;
    let theme = "return document.documentElement.dataset.theme";
    let mut applied = json!(null);
    for _ in 0..50 {
        applied = app.execute(theme, vec![]).await;
        if applied == json!("dark") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(applied, json!("dark"));
    app.close().await;

    let app = turn.open().await;
    assert_eq!(app.execute(theme, vec![]).await, json!("dark"));
    app.click("nav-settings").await;
    assert!(app.testid("theme-dark").await.is_selected().await.unwrap());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn commands_outside_the_capability_are_refused() {
    let turn = Turn::take().await;
    let db = &turn.db;
    let app = turn.open().await;

    // Granted: the app's own command answers.
    let info = app.invoke("app_info", json!({})).await.expect("app_info is granted");
    assert_eq!(info["journal_path"], json!(db.display().to_string()));

    // Not granted to this window: core commands the app never uses, and the dialog
    // plugin's own commands (the app opens its dialogs from Rust, never from the page).
    for command in [
        "plugin:app|version", "plugin:path|resolve_directory", "plugin:event|emit",
        "plugin:dialog|save", "plugin:dialog|open",
    ] {
        let refused = app.invoke(command, json!({})).await.expect_err(command);
        let message = refused.to_string();
        assert!(message.contains("not allowed"), "{command}: {message}");
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_never_leaves_the_app_and_never_runs_typed_html() {
    let (_turn, app) = Turn::opened().await;

    // Text that would run as script if it were ever treated as HTML.
    let hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let project = seed::project(
        &app,
        &Project { title: hostile, summary: Some(hostile), ..Project::default() },
    )
    .await;
    app.click("nav-journal").await;
    let row = app.testid(&format!("project-{project}")).await;
    let mut shown = String::new();
    for _ in 0..50 {
        shown = row.text().await.unwrap_or_default();
        if shown.contains("<script>") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(shown.contains("<img src=x"), "shown as text: {shown}");
    app.click("nav-home").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let pwned = app.execute("return window.__pwned ?? null", vec![]).await;
    assert_eq!(pwned, json!(null), "no typed HTML ran");

    // Navigation away from the app's own pages is refused by the window.
    let before = app.execute("return location.href", vec![]).await;
    app.client.execute("location.href = 'https://example.com/'; return true", vec![]).await.ok();
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let after = app.execute("return location.href", vec![]).await;
    assert_eq!(after, before, "the window stayed on the app");
    app.testid("section-home").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_on_the_same_journal_brings_the_first_window_forward() {
    let (turn, app) = Turn::opened().await;

    let second = turn.launch_again().output();
    let second = tokio::time::timeout(std::time::Duration::from_secs(20), second)
        .await
        .expect("the second launch returns at once")
        .unwrap();
    assert!(second.status.success());
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(said.contains("already open on this journal"), "{said}");

    // The first window carries on.
    app.click("nav-settings").await;
    app.testid("section-settings").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_journal_from_a_newer_version_is_explained_in_the_window() {
    let turn = Turn::take().await;
    let db = &turn.db;
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.pragma_update(None, "application_id", careerlog_core::store::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 9999).unwrap();
    }
    let before = std::fs::read(db).unwrap();
    let app = turn.launch().await;
    let problem = app.text("journal-problem").await;
    assert!(problem.contains("newer Career Log"), "{problem}");
    app.close().await;
    assert_eq!(std::fs::read(db).unwrap(), before, "the newer journal stays untouched");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_section_has_the_same_content_width() {
    let turn = Turn::take().await;
    seed::demo(&turn.db, 3);
    let app = turn.open().await;
    let mut widths = Vec::new();
    for (name, _) in SECTIONS {
        app.click(&format!("nav-{name}")).await;
        app.testid(&format!("section-{name}")).await;
        let width = app
            .execute(
                "return Math.round(document.querySelector(`[data-testid='section-${arguments[0]}']`).getBoundingClientRect().width)",
                vec![json!(name)],
            )
            .await;
        widths.push((name, width.as_i64().unwrap()));
    }
    let first = widths[0].1;
    assert!(widths.iter().all(|(_, w)| *w == first), "sections differ in width: {widths:?}");
    app.close().await;
}

/// The scoped classes (`svelte-…`) under `root` that no loaded stylesheet styles yet: an
/// element would be drawn unstyled. Svelte gives the class only to elements its rules select.
const UNSTYLED: &str = r#"
    window.__unstyledUnder = (root) => {
        const known = new Set();
        const walk = (rules) => {
            for (const rule of rules) {
                for (const m of rule.cssText.matchAll(/svelte-[a-z0-9]+/g)) known.add(m[0]);
                if (rule.cssRules) walk(rule.cssRules);
            }
        };
        for (const sheet of document.styleSheets) walk(sheet.cssRules);
        const used = [...root.querySelectorAll('*')].flatMap((el) => [...el.classList]);
        return [...new Set(used.filter((c) => c.startsWith('svelte-') && !known.has(c)))];
    };
    // Checked as the element with this test id is first put in the DOM, before a frame is drawn.
    window.__watchUnstyled = (testid) => {
        window.__unstyled = null;
        const observer = new MutationObserver(() => {
            const root = document.querySelector(`[data-testid='${testid}']`);
            if (!root) return;
            observer.disconnect();
            window.__unstyled = window.__unstyledUnder(root);
        });
        observer.observe(document.body, { childList: true, subtree: true });
    };
    return true;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn each_section_brings_its_own_styles_before_it_shows() {
    let (_turn, app) = Turn::on_demo(3).await;
    app.testid("section-home").await;
    app.execute(UNSTYLED, vec![]).await;
    let sheets = "return document.styleSheets.length";
    let at_start = app.execute(sheets, vec![]).await.as_u64().unwrap();
    // Home is drawn from the stylesheets index.html links, with nothing missing.
    let home = "return window.__unstyledUnder(document.body)";
    assert_eq!(app.execute(home, vec![]).await, json!([]), "Home has unstyled elements");

    let mut targets: Vec<(String, String)> = SECTIONS[1..]
        .iter()
        .map(|(name, _)| (format!("nav-{name}"), format!("section-{name}")))
        .collect();
    targets.push(("search".into(), "search-palette".into()));
    for (open, shown) in &targets {
        app.execute("window.__watchUnstyled(arguments[0]); return true", vec![json!(shown)]).await;
        if open == "search" {
            app.chord(&[Key::Control.into(), 'k']).await;
        } else {
            app.click(open).await;
        }
        app.testid(shown).await;
        app.until(shown, "return window.__unstyled !== null").await;
        let missing = app.execute("return window.__unstyled", vec![]).await;
        assert_eq!(missing, json!([]), "{shown} showed before its styles were loaded");
        if open == "search" {
            app.press(Key::Escape).await;
            app.gone(shown).await;
        }
    }
    // The sections' styles were not part of the first paint: they came with them.
    let at_end = app.execute(sheets, vec![]).await.as_u64().unwrap();
    assert!(
        at_end >= at_start + targets.len() as u64,
        "{at_start} stylesheets at start, {at_end} at the end"
    );
    app.close().await;
}

/// A turn on a demo journal of `projects` projects, with the search palette open on it.
async fn palette_on_demo(projects: u32) -> (Turn, App) {
    let (turn, app) = Turn::on_demo(projects).await;
    app.chord(&[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    (turn, app)
}

#[tokio::test(flavor = "multi_thread")]
async fn search_hits_name_their_kind_and_project_and_page_with_more_results() {
    let (_turn, app) = palette_on_demo(200).await;

    // Many metric rows read alike ("p99 latency"): each hit says what it is and where.
    app.fill("search-input", "latency").await;
    app.wait("[data-testid^='search-hit-kind-']").await;
    let page = app.invoke_ok("search", json!({"query": "latency", "offset": 0, "limit": 20})).await;
    let total = page["total"].as_u64().unwrap();
    assert!(total > 20, "the demo journal has many latency hits: {page}");
    let hits = page["hits"].as_array().unwrap();
    let metric = hits.iter().find(|h| h["kind"] == "metric").expect("a metric hit");
    let id = id_of(metric);
    assert_eq!(app.text(&format!("search-hit-kind-{id}")).await.to_lowercase(), "metric");
    let project = metric["project_title"].as_str().unwrap();
    assert_eq!(app.text(&format!("search-hit-project-{id}")).await, format!("in {project}"));
    let count = app.text_with("search-count", "of").await;
    assert_eq!(count, format!("20 of {total} matches"));

    // "More results" adds the next page below and keeps the first.
    let shown = || async {
        app.client.find_all(Locator::Css("[data-testid^='search-hit-kind-']")).await.unwrap().len()
    };
    assert_eq!(shown().await, 20);
    app.click("search-more").await;
    let expected =
        if total > 40 { format!("40 of {total} matches") } else { format!("{total} matches") };
    app.text_until("search-count", |t| t == expected).await;
    assert_eq!(shown().await as u64, 40.min(total));
    app.testid(&format!("search-hit-{id}")).await;

    // A word in more entries than are ranked says so.
    app.fill("search-input", "the").await;
    app.text_until("search-count", |t| t == "20 of 1,000+ matches").await;
    app.send_keys("search-input", &Key::Escape).await;
    app.gone("search-palette").await;

    // A number is found as text.
    let checkout =
        seed::project(&app, &Project { title: "Warehouse scanner rollout", ..Project::shipped() })
            .await;
    let m = Metric::of(checkout, "Scans a shift", "scans", (800.0, 1250.0), "higher");
    let m = seed::metric(&app, &m).await;
    app.chord(&[Key::Control.into(), 'k']).await;
    app.fill("search-input", "800").await;
    app.wait("[data-testid^='search-hit-kind-']").await;
    for _ in 0..20 {
        if app.count(&format!("search-hit-{m}")).await > 0 {
            break;
        }
        app.click("search-more").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let hit = app.text(&format!("search-hit-{m}")).await;
    assert!(hit.contains("Scans a shift"), "{hit}");
    assert_eq!(app.text(&format!("search-hit-project-{m}")).await, "in Warehouse scanner rollout");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_probe_times_every_keystroke_in_the_palette() {
    let (_turn, app) = palette_on_demo(20).await;
    let samples = "(window.__careerlogProbe?.samples ?? [])
        .filter((s) => s.name === 'search')
        .map((s) => [s.label, s.ms, s.startedAt, s.drawnAt])";

    // A word letter by letter, then back over its end; one sample per keystroke, each from
    // the key going down to the paint after its answer, in the order typed.
    let back: &str = &Key::Backspace;
    let mut typed = Vec::new();
    let mut query = String::new();
    for key in ["l", "a", "t", "e", "n", "c", "y", back, back] {
        if key == back {
            query.pop();
        } else {
            query.push_str(key);
        }
        typed.push(query.clone());
        app.send_keys("search-input", key).await;
        let n = typed.len();
        app.until("a sample for the keystroke", &format!("return {samples}.length >= {n}")).await;
    }
    let seen = app.execute(&format!("return {samples}"), vec![]).await;
    let seen = seen.as_array().unwrap();
    let labels: Vec<&str> = seen.iter().map(|s| s[0].as_str().unwrap()).collect();
    assert_eq!(labels, typed, "{seen:?}");
    for sample in seen {
        let (ms, started, drawn) =
            (sample[1].as_f64().unwrap(), sample[2].as_f64().unwrap(), sample[3].as_f64().unwrap());
        assert!(ms > 0.0 && ms < 30_000.0, "{sample:?}");
        assert!((drawn - started - ms).abs() < 0.01, "{sample:?}");
    }
    // The key's time is on the page's clock: the samples come before the page's "now".
    let now = app.execute("return performance.now()", vec![]).await.as_f64().unwrap();
    assert!(seen.iter().all(|s| s[3].as_f64().unwrap() <= now), "{seen:?} after {now}");
    app.close().await;
}

/// Not a check: saves a screenshot of every section in both themes to
/// `target/screenshots/` for a person to look at (`make screenshots`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by `make screenshots`"]
async fn capture_screenshots() {
    let turn = Turn::take().await;
    let db = std::env::var_os("CAREERLOG_DB").map(std::path::PathBuf::from).unwrap_or_else(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        dir.join("journal.sqlite3")
    });
    let app = turn.open_on(&db).await;
    for theme in ["light", "dark"] {
        app.pick_theme(theme).await;
        for (name, _) in SECTIONS {
            app.click(&format!("nav-{name}")).await;
            app.testid(&format!("section-{name}")).await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            app.shot(&format!("{name}-{theme}")).await;
        }
    }
    app.pick_theme("system").await;
    app.close().await;
}

/// Not a check: the search palette on a large demo journal, before and after "More
/// results", in both themes (`cargo test --test e2e shell::capture_search -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_search() {
    let turn = Turn::take().await;
    seed::demo(&turn.db, 200);
    let app = turn.open().await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        app.chord(&[Key::Control.into(), 'k']).await;
        app.fill("search-input", "latency").await;
        app.text_with("search-count", "of").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.shot(&format!("search-{theme}")).await;
        app.click("search-more").await;
        app.text_with("search-count", "40 of").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        app.shot(&format!("search-more-{theme}")).await;
        app.send_keys("search-input", &Key::Escape).await;
        app.gone("search-palette").await;
    }
    app.close().await;
}
