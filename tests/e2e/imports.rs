//! Imports in the real window: on a new journal's first run, a JSON Resume is chosen,
//! previewed (counts by kind, the first entries, what is left out) and imported on
//! confirmation; the Journal shows its positions and the Resume its highlights as
//! bullets. A broken file is refused in the dialog and writes nothing. `capture_imports`
//! saves the screens for a person to look at.

use serde_json::json;

use crate::support::{careerlog, App, Turn};

/// The invented resume the core's tests read too.
const SAMPLE: &str = include_str!("../../core/tests/samples/resume.json");

async fn preview_resume(app: &App) -> String {
    app.testid("start-from").await;
    app.click("import-from-json-resume").await;
    app.testid("import-preview").await;
    app.text_until("import-preview-counts", |t| t.contains("11 entries")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_resume_on_the_first_run_is_previewed_then_imported_into_journal_and_resume() {
    let turn = Turn::take().await;
    std::fs::write(turn.import_file(), SAMPLE).unwrap();
    let app = turn.open().await;

    let counts = preview_resume(&app).await;
    assert!(counts.contains("3 projects") && counts.contains("2 metrics"), "{counts}");
    assert!(counts.contains("6 resume bullets"), "{counts}");
    assert!(counts.contains("name, headline, email, location and summary"), "{counts}");
    // Read as text content: the titles are cut with an ellipsis to fit.
    let first = app
        .execute(
            "return document.querySelector(\"[data-testid='import-preview-first']\").textContent",
            vec![],
        )
        .await
        .to_string();
    assert!(first.contains("Senior Backend Engineer at Northwind Payments"), "{first}");
    let skipped = app.text("import-preview-skipped").await;
    assert!(skipped.contains("education (1): Career Log has no place for it yet"), "{skipped}");
    // Nothing is written while the preview is up.
    let page = app.invoke_ok("project_list", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(page["total"], json!(0));

    // Cancel forgets it; choosing again previews again.
    app.click("import-cancel").await;
    assert_eq!(app.count("import-dialog").await, 0);
    preview_resume(&app).await;
    app.click("import-confirm").await;
    app.until(
        "the dialog to close",
        "return !document.querySelector(\"[data-testid='import-dialog']\")",
    )
    .await;

    // Home has left its first-run state; the journal holds the positions.
    app.click("nav-journal").await;
    let journal = app
        .text_until("section-journal", |t| t.contains("Backend Engineer at Contoso Retail"))
        .await;
    assert!(journal.contains("Senior Backend Engineer at Northwind Payments"), "{journal}");
    assert!(journal.contains("Open-source rate limiter"), "{journal}");

    app.click("nav-resume").await;
    let resume = app
        .text_until("section-resume", |t| {
            t.contains("Cut checkout p99 latency from 800 ms to 120 ms")
        })
        .await;
    assert!(resume.contains("Wrote the on-call runbook the team still uses"), "{resume}");

    let profile = app.invoke_ok("profile_get", json!({})).await;
    assert_eq!(profile["name"], json!("Robin Okafor"));

    // The same file again, from Settings: nothing new.
    app.click("nav-settings").await;
    app.click("import-from-json-resume").await;
    let again = app.text_until("import-preview-counts", |t| t.contains("already")).await;
    assert!(
        again.contains("No new entries") && again.contains("11 entries are already"),
        "{again}"
    );
    app.click("import-cancel").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_resume_is_refused_in_the_dialog_saying_where() {
    let turn = Turn::take().await;
    let broken = json!({"work": [{"name": "Contoso", "startDate": "March 2020"}]});
    std::fs::write(turn.import_file(), broken.to_string()).unwrap();
    let app = turn.open().await;
    app.click("import-from-json-resume").await;
    let error = app.text_with("import-error", "March 2020").await;
    assert!(
        error.contains("Nothing was imported")
            && error
                .contains("Work 1 (\"Contoso\"): the start date is not a date (\"March 2020\")"),
        "{error}"
    );
    app.click("import-close").await;
    assert_eq!(app.count("import-dialog").await, 0);
    let page = app.invoke_ok("project_list", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(page["total"], json!(0));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_journal_goes_out_as_a_markdown_folder_and_an_edited_file_comes_back() {
    let turn = Turn::take().await;
    let resume = turn.path("resume.json");
    std::fs::write(&resume, SAMPLE).unwrap();
    careerlog(&turn.db, &[], &["import", "json-resume", &resume.display().to_string()]);
    let app = turn.open().await;
    app.click("nav-settings").await;
    app.click("markdown-export").await;
    let said = app.text_with("data-result", "Wrote").await;
    let folder = turn.exports().join("career-log-markdown");
    assert!(said.contains(&format!("folders to {}", folder.display())), "{said}");
    let file = folder.join("projects/2019/backend-engineer-at-contoso-retail.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("---\nkind: \"project\"\n"), "{text}");

    // Edited in another editor, then the folder imported back: that entry changes.
    std::fs::write(
        &file,
        text.replace("Built the order pipeline.", "Built the order pipeline on Kafka."),
    )
    .unwrap();
    std::fs::remove_file(turn.import_file()).ok();
    std::fs::rename(&folder, turn.import_file()).unwrap();
    app.click("import-from-markdown").await;
    let counts = app.text_until("import-preview-counts", |t| t.contains("1 entry")).await;
    assert!(counts.contains("1 entry (1 changed): 1 project"), "{counts}");
    app.click("import-confirm").await;
    app.until("the import", "return !document.querySelector(\"[data-testid='import-dialog']\")")
        .await;
    let page = app.invoke_ok("project_list", json!({"offset": 0, "limit": 10})).await;
    let contoso = page["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "Backend Engineer at Contoso Retail")
        .unwrap();
    assert_eq!(contoso["summary"], "Built the order pipeline on Kafka.");
    app.close().await;
}

/// The first run's sources, the preview and the journal after it, in both themes, saved to
/// `target/screenshots/` (`cargo test --test e2e imports::capture_imports -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_imports() {
    let turn = Turn::take().await;
    std::fs::write(turn.import_file(), SAMPLE).unwrap();
    let app = turn.open().await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        app.testid("start-from").await;
        app.execute(
            "document.querySelector(\"[data-testid='start-from']\").scrollIntoView()",
            vec![],
        )
        .await;
        app.shot(&format!("import-start-{theme}")).await;
        preview_resume(&app).await;
        app.shot(&format!("import-preview-{theme}")).await;
        app.click("import-cancel").await;
    }
    preview_resume(&app).await;
    app.click("import-confirm").await;
    app.until("the import", "return !document.querySelector(\"[data-testid='import-dialog']\")")
        .await;
    for (page, shows) in [("journal", "Contoso Retail"), ("resume", "Cut checkout")] {
        app.click(&format!("nav-{page}")).await;
        app.text_until(&format!("section-{page}"), |t| t.contains(shows)).await;
        for theme in ["light", "dark"] {
            app.set_theme(theme).await;
            app.shot(&format!("import-{page}-{theme}")).await;
        }
    }
    app.close().await;
}
