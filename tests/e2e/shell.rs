//! The shell in the real window: navigation, themes, the journal problem screen and the ACL.

use serde_json::json;

use crate::support::seed::{self, Project};
use crate::support::Turn;

const SECTIONS: [(&str, &str); 6] = [
    ("home", "Home"),
    ("journal", "Journal"),
    ("guides", "Guides"),
    ("stories", "Stories"),
    ("resume", "Resume"),
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
        assert_eq!(
            current.attr("aria-current").await.unwrap().as_deref(),
            Some("page")
        );
        // Only one section is shown at a time.
        let shown = app
            .client
            .find_all(fantoccini::Locator::Css("[data-testid^='section-']"));
        assert_eq!(shown.await.unwrap().len(), 1, "{name}");
    }
    app.click("nav-settings").await;
    assert_eq!(
        app.text("settings-journal-path").await,
        db.display().to_string()
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chosen_theme_applies_and_survives_a_restart() {
    let turn = Turn::take().await;
    let app = turn.open().await;
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
    let info = app
        .invoke("app_info", json!({}))
        .await
        .expect("app_info is granted");
    assert_eq!(info["journal_path"], json!(db.display().to_string()));

    // Not granted to this window: core commands the app never uses, and the dialog
    // plugin's own commands (the app opens its dialogs from Rust, never from the page).
    for command in [
        "plugin:app|version",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
        "plugin:dialog|save",
        "plugin:dialog|open",
    ] {
        let refused = app.invoke(command, json!({})).await.expect_err(command);
        let message = refused.to_string();
        assert!(message.contains("not allowed"), "{command}: {message}");
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_never_leaves_the_app_and_never_runs_typed_html() {
    let turn = Turn::take().await;
    let app = turn.open().await;

    // Text that would run as script if it were ever treated as HTML.
    let hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let project = seed::project(
        &app,
        &Project {
            title: hostile,
            summary: Some(hostile),
            ..Project::default()
        },
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
    app.client
        .execute(
            "location.href = 'https://example.com/'; return true",
            vec![],
        )
        .await
        .ok();
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let after = app.execute("return location.href", vec![]).await;
    assert_eq!(after, before, "the window stayed on the app");
    app.testid("section-home").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_on_the_same_journal_brings_the_first_window_forward() {
    let turn = Turn::take().await;
    let app = turn.open().await;

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
        conn.pragma_update(
            None,
            "application_id",
            careerlog_core::store::APPLICATION_ID,
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 9999).unwrap();
    }
    let before = std::fs::read(db).unwrap();
    let app = turn.launch().await;
    let problem = app.text("journal-problem").await;
    assert!(problem.contains("newer Career Log"), "{problem}");
    app.close().await;
    assert_eq!(
        std::fs::read(db).unwrap(),
        before,
        "the newer journal stays untouched"
    );
}

/// Not a check: saves a screenshot of every section in both themes to
/// `target/screenshots/` for a person to look at (`make screenshots`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by `make screenshots`"]
async fn capture_screenshots() {
    let turn = Turn::take().await;
    let db = std::env::var_os("CAREERLOG_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
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
