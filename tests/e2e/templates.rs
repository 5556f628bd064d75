//! Note templates and the weekly habit's forms in the real window (issue 15): a note started
//! from a template keeps its text and tags, typed text is replaced only when the engineer
//! says so, templates are edited, reset, added and removed in Settings with Undo; and the
//! capture tool for those screens.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::support::seed::{self, Project};
use crate::support::{id_of, App, Turn};

/// The templates as the window's command lists them.
async fn templates(app: &App) -> Vec<Value> {
    app.invoke_ok("template_list", json!({})).await.as_array().expect("a list").clone()
}

async fn template(app: &App, slug: &str) -> Value {
    templates(app).await.into_iter().find(|t| t["slug"] == json!(slug)).expect("the template")
}

/// The value of a text field, once it satisfies `ok` (or what it holds after a wait).
async fn value_until(app: &App, id: &str, ok: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = app.testid(id).await.prop("value").await.unwrap().unwrap_or_default();
        if ok(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{id} never held what was expected; last: {last:?}");
}

/// Scrolls a card, by its heading, to the top of the page.
async fn scroll_to_card(app: &App, heading: &str) {
    let script = format!(
        "const h = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === '{heading}');
         h.scrollIntoView({{block: 'start'}}); document.querySelector('main').scrollTop -= 24;"
    );
    app.execute(&script, vec![]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_started_from_the_incident_template_keeps_its_text_and_tags() {
    let (_turn, app) = Turn::opened().await;
    let incident = template(&app, "incident").await;
    let body = incident["body"].as_str().unwrap().to_string();
    let project =
        seed::opened_project(&app, &Project { title: "Payments gateway", ..Project::shipped() })
            .await;

    // Words typed first are not replaced without asking; "Keep my text" keeps them.
    app.click("note-new").await;
    app.fill("note-text", "The card vault timed out at 14:02").await;
    app.fill("note-tags", "payments").await;
    app.choose("note-template", "incident").await;
    app.testid("note-template-replace").await;
    app.click("confirm-cancel").await;
    app.gone("note-template-replace").await;
    let kept = value_until(&app, "note-text", |v| !v.is_empty()).await;
    assert_eq!(kept, "The card vault timed out at 14:02");
    let picked = app.testid("note-template").await.prop("value").await.unwrap();
    assert_eq!(picked.as_deref(), Some(""), "the picker goes back to no template");

    // Replacing: the body and the template's tags beside those typed.
    app.choose("note-template", "incident").await;
    app.click("note-template-replace").await;
    let text = value_until(&app, "note-text", |v| v.contains("## What happened")).await;
    // The same Markdown, each paragraph on one line so it wraps to the box.
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&text), words(&body));
    assert!(text.contains("users or orders affected"), "{text}");
    let tags = value_until(&app, "note-tags", |v| v.contains("incident")).await;
    assert_eq!(tags, "payments, incident");
    app.click("note-save").await;
    app.gone("note-form").await;

    let notes = app.invoke_ok("note_list", json!({"limit": 10})).await;
    let note = &notes.as_array().unwrap()[0];
    assert_eq!(note["project_id"], json!(project));
    assert_eq!(note["text"].as_str().unwrap().trim(), text.trim());
    assert_eq!(note["tags"], json!(["payments", "incident"]));

    // An empty note takes a template at once, without asking; editing a note offers none.
    app.click("note-new").await;
    app.choose("note-template", "one-on-one").await;
    value_until(&app, "note-text", |v| !v.is_empty()).await;
    assert_eq!(app.count("note-template-replace").await, 0);
    app.click("note-cancel").await;
    app.click("discard-confirm").await;
    app.gone("note-form").await;
    app.click(&format!("edit-{}", id_of(note))).await;
    app.testid("note-text").await;
    assert_eq!(app.count("note-template").await, 0);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn templates_are_edited_reset_added_and_removed_in_settings_with_undo() {
    let (_turn, app) = Turn::opened().await;
    app.click("nav-settings").await;
    app.testid("settings-templates").await;
    app.testid("template-incident").await;
    assert_eq!(app.text("template-source-incident").await, "Shipped");
    assert_eq!(app.count("template-remove-incident").await, 0, "a shipped one stays");

    // Editing a shipped template makes it edited; a blank title is refused by its field.
    app.click_centered("template-edit-incident").await;
    app.fill("template-title", " ").await;
    app.click("template-save").await;
    let error = app.text_with("error-title", "blank").await;
    assert!(error.contains("blank"), "{error}");
    app.fill("template-title", "Incident review").await;
    app.click("template-save").await;
    app.gone("template-form").await;
    app.text_with("template-source-incident", "Edited").await;
    assert_eq!(template(&app, "incident").await["title"], json!("Incident review"));

    // Reset to shipped, then Undo brings the edit back.
    app.click_centered("template-reset-incident").await;
    app.text_with("template-source-incident", "Shipped").await;
    assert_eq!(template(&app, "incident").await["title"], json!("Incident"));
    let toast = app.text_with("toast", "Reset").await;
    assert!(toast.contains("Reset “Incident review”"), "{toast}");
    app.click("toast-undo").await;
    app.text_with("template-source-incident", "Edited").await;
    assert_eq!(template(&app, "incident").await["title"], json!("Incident review"));

    // A new one: the slug follows the title; each refusal is by its field.
    app.click("template-new").await;
    app.fill("template-title", "Design review").await;
    let slug = value_until(&app, "template-slug", |v| !v.is_empty()).await;
    assert_eq!(slug, "design-review");
    app.fill("template-tags", "design, Bad Tag").await;
    app.click("template-save").await;
    app.text_with("error-body", "blank").await;
    let tags_error = app.text_with("error-tags", "kebab").await;
    assert!(tags_error.contains("Bad Tag"), "{tags_error}");
    app.fill("template-tags", "design, review").await;
    app.fill("template-description", "After a design review, while the options are fresh.").await;
    app.fill("template-body", "## The options\n\n## The choice and why").await;
    app.click("template-save").await;
    app.gone("template-form").await;
    app.text_with("template-source-design-review", "Your own").await;
    let own = template(&app, "design-review").await;
    assert_eq!(own["source"], json!("own"));
    assert_eq!(own["tags"], json!(["design", "review"]));

    // Taking a slug there is would overwrite it: refused before the core is asked.
    app.click("template-new").await;
    app.fill("template-title", "Design review").await;
    app.fill("template-body", "Something else").await;
    app.click("template-save").await;
    app.text_with("error-slug", "taken").await;
    app.send_keys("template-body", &Key::Escape).await;
    app.click("discard-confirm").await;
    app.gone("template-form").await;

    // Removed with Undo.
    app.click_centered("template-remove-design-review").await;
    app.gone("template-design-review").await;
    app.text_with("toast", "Removed").await;
    app.click("toast-undo").await;
    app.testid("template-design-review").await;
    assert_eq!(templates(&app).await.len(), 7);
    app.close().await;
}

/// Not a check: saves the habit's forms in both themes to `target/screenshots/templates-*.png`:
/// Settings' weekly-review and templates cards, the template editor (and its refusals), the
/// note form started from a template, the metric form measuring later and the waiting metric.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e templates::capture -- --ignored"]
async fn capture() {
    let (_turn, app) = Turn::opened().await;
    let project = seed::project(
        &app,
        &Project {
            title: "Checkout latency rewrite",
            organization: Some("Acme Payments"),
            role: Some("Tech lead"),
            ..Project::shipped()
        },
    )
    .await;
    seed::metric(
        &app,
        &seed::Metric::of(project, "p99 checkout latency", "ms", (800.0, 120.0), "lower")
            .measured("2026-10-02"),
    )
    .await;
    let waiting = json!({"project_id": project, "name": "checkout conversion", "unit": "%",
        "baseline": 2.1, "result": null, "target": 2.6, "measure_by": "2027-01-31",
        "better": "higher", "measured_on": null, "evidence": null, "tags": [], "skills": []});
    seed::save(&app, "metric_save", waiting).await;
    let own = json!({"slug": "design-review", "title": "Design review",
        "description": "After a design review, while the options are fresh.",
        "tags": ["design"], "body": "## The options\n\n## The choice and why\n"});
    app.invoke_ok("template_save", json!({"template": own})).await;
    let mut edited = template(&app, "one-on-one").await;
    edited["title"] = json!("One-on-one with my manager");
    edited.as_object_mut().unwrap().remove("source");
    app.invoke_ok("template_save", json!({"template": edited})).await;

    let shot = |name: String| {
        let app = &app;
        async move {
            tokio::time::sleep(Duration::from_millis(400)).await;
            app.shot(&format!("templates-{name}")).await;
        }
    };

    for theme in ["light", "dark"] {
        app.pick_theme(theme).await;
        app.testid("settings-templates").await;
        scroll_to_card(&app, "Weekly review").await;
        shot(format!("settings-review-{theme}")).await;
        app.fill("settings-review-time", "16:75").await;
        app.send_keys("settings-review-time", &Key::Enter).await;
        app.testid("error-review_time").await;
        shot(format!("settings-review-error-{theme}")).await;
        app.fill("settings-review-time", "16:00").await;
        app.send_keys("settings-review-time", &Key::Enter).await;
        app.gone("error-review_time").await;

        scroll_to_card(&app, "Note templates").await;
        shot(format!("settings-templates-{theme}")).await;
        app.click_centered("template-edit-incident").await;
        app.testid("template-body").await;
        shot(format!("editor-{theme}")).await;
        app.click("template-cancel").await;
        app.gone("template-form").await;
        app.click("template-new").await;
        app.fill("template-title", "Postmortem").await;
        app.fill("template-tags", "Incident Review").await;
        app.click("template-save").await;
        app.testid("error-body").await;
        shot(format!("editor-errors-{theme}")).await;
        app.click("template-cancel").await;
        app.click("discard-confirm").await;
        app.gone("template-form").await;

        app.click("nav-journal").await;
        app.click(&format!("project-{project}")).await;
        app.testid("project-page").await;
        shot(format!("project-waiting-{theme}")).await;

        app.click("note-new").await;
        app.fill("note-text", "Card vault timed out").await;
        app.choose("note-template", "incident").await;
        app.testid("note-template-replace").await;
        shot(format!("note-replace-{theme}")).await;
        app.click("note-template-replace").await;
        value_until(&app, "note-text", |v| v.contains("##")).await;
        shot(format!("note-form-{theme}")).await;
        app.click("note-cancel").await;
        app.click("discard-confirm").await;
        app.gone("note-form").await;

        app.click("metric-new").await;
        app.fill("metric-name", "checkout error rate").await;
        app.fill("metric-baseline", "1.8").await;
        app.fill("metric-unit", "%").await;
        app.choose("metric-better", "lower").await;
        app.fill("metric-target", "0.5").await;
        app.fill("metric-measure-by", "2027-02-15").await;
        shot(format!("metric-form-{theme}")).await;
        app.click("metric-cancel").await;
        app.click("discard-confirm").await;
        app.gone("metric-form").await;

        app.click("nav-settings").await;
    }
    app.pick_theme("system").await;
    app.close().await;
}
