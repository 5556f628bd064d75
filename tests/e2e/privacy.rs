//! People and privacy in the entry forms, in the real window: feedback given to a person
//! (the source left for the core to fill), a project marked private and its people picked
//! by keyboard, both kept through an edit, and the brag document that leaves the private
//! project out; a deleted person named in the trash and restored. `capture_privacy` saves
//! the forms for a person to look at.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::support::seed::{self, Metric, Project};
use crate::support::{id_of, App, Turn};

/// A person in the journal, with what they are to the engineer since 2025; their id.
async fn person(app: &App, name: &str, relationship: &str, team: &str) -> i64 {
    let input = json!({
        "name": name,
        "relationships": [{"relationship": relationship, "team": team, "from": "2025-01-06"}],
        "notes": null, "tags": [], "skills": [],
    });
    id_of(&seed::save(app, "person_save", input).await)
}

/// A shipped project with one measured metric, so it makes bullets; its id.
async fn project_with_metric(app: &App, title: &'static str, metric: &'static str) -> i64 {
    let project = seed::project(
        app,
        &Project {
            title,
            organization: Some("Northwind Freight"),
            role: Some("Tech lead"),
            started_on: Some("2025-02-03"),
            ended_on: Some("2025-09-26"),
            ..Project::shipped()
        },
    )
    .await;
    let m = Metric::of(project, metric, "ms", (900.0, 210.0), "lower").measured("2025-09-20");
    seed::metric(app, &m).await;
    project
}

async fn project_of(app: &App, id: i64) -> Value {
    app.invoke_ok("project_get", json!({"id": id})).await
}

/// Whether the checkbox with this test id is ticked.
async fn checked(app: &App, id: &str) -> bool {
    app.testid(id).await.prop("checked").await.unwrap().as_deref() == Some("true")
}

/// The label of the field with this test id, and the line under it (its hint or error),
/// once the label reads `label`.
async fn field_text(app: &App, id: &str, label: &str) -> (String, String) {
    let script = "const e = document.querySelector(`[data-testid='${arguments[0]}']`);
        if (!e) return null;
        const under = e.getAttribute('aria-describedby');
        return [document.querySelector(`label[for='${e.id}']`)?.textContent.trim() ?? '',
                under ? document.getElementById(under)?.textContent.trim() ?? '' : ''];";
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let answer = app.execute(script, vec![json!(id)]).await;
        let pair = answer.as_array().map(|a| {
            (
                a[0].as_str().unwrap_or_default().to_string(),
                a[1].as_str().unwrap_or_default().to_string(),
            )
        });
        if let Some(pair) = pair {
            if pair.0 == label || std::time::Instant::now() > deadline {
                return pair;
            }
        }
        assert!(std::time::Instant::now() < deadline, "{id} never appeared");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn feedback_given_to_a_person_and_a_private_project_stay_out_of_the_brag_document() {
    let (turn, app) = Turn::opened().await;
    let shared = project_with_metric(&app, "Route planner rewrite", "p95 route planning").await;
    let private =
        project_with_metric(&app, "Carrier contract renegotiation", "p95 quote time").await;

    // With nobody in the journal, the project form says so instead of an empty picker.
    app.click("nav-journal").await;
    app.click(&format!("project-{private}")).await;
    app.click("project-edit").await;
    app.testid("project-people-none").await;
    app.click("project-cancel").await;
    app.gone("project-form").await;

    let avery = person(&app, "Avery Quill", "report", "Routing").await;
    let bram = person(&app, "Bram Okafor", "peer", "Pricing").await;

    // Feedback given to Avery from the shared project's page, the source left blank.
    app.click("project-back").await;
    app.click(&format!("project-{shared}")).await;
    app.click("feedback-new").await;
    app.testid("feedback-form").await;
    assert_eq!(field_text(&app, "feedback-source", "From").await, ("From".into(), String::new()));
    assert_eq!(field_text(&app, "feedback-text", "What they said").await.0, "What they said");
    app.choose("feedback-direction", "given").await;
    assert_eq!(field_text(&app, "feedback-source", "To").await.0, "To");
    assert_eq!(field_text(&app, "feedback-text", "What you said").await.0, "What you said");
    app.choose("feedback-person", &avery.to_string()).await;
    let (_, hint) = field_text(&app, "feedback-source", "To").await;
    assert_eq!(hint, "Leave empty to use their name");
    app.fill(
        "feedback-text",
        "Your design review was thorough; send the summary before the meeting next time.",
    )
    .await;
    app.click("feedback-save").await;
    app.gone("feedback-form").await;
    let feedback = &project_of(&app, shared).await["feedback"][0];
    assert_eq!(feedback["direction"], json!("given"), "{feedback}");
    assert_eq!(feedback["person_id"], json!(avery), "{feedback}");
    assert_eq!(feedback["source"], json!("Avery Quill"), "{feedback}");
    let feedback_id = id_of(feedback);

    // Editing it keeps the person and the direction.
    app.click(&format!("edit-{feedback_id}")).await;
    app.fill("feedback-text", "Thorough design review; send the summary a day ahead.").await;
    app.click("feedback-save").await;
    app.gone("feedback-form").await;
    let feedback = &project_of(&app, shared).await["feedback"][0];
    assert_eq!((&feedback["direction"], &feedback["person_id"]), (&json!("given"), &json!(avery)));

    // The other project: private, with the people picked by keyboard.
    app.click("project-back").await;
    app.click(&format!("project-{private}")).await;
    app.click("project-edit").await;
    app.testid("project-form").await;
    assert!(!checked(&app, "project-private").await);
    app.click_centered("project-private").await;
    app.send_keys("project-people", "okaf").await;
    app.testid(&format!("project-people-option-{bram}")).await;
    app.send_keys("project-people", &Key::Enter).await;
    app.testid(&format!("project-people-chip-{bram}")).await;
    // The form stays open: Enter picked the person, it did not save.
    app.testid("project-form").await;
    app.send_keys("project-people", "Routing").await;
    app.send_keys("project-people", &Key::Down).await;
    app.send_keys("project-people", &Key::Enter).await;
    app.testid(&format!("project-people-chip-{avery}")).await;
    // Backspace on the empty box takes the last one off; the mouse puts them back.
    app.send_keys("project-people", &Key::Backspace).await;
    app.gone(&format!("project-people-chip-{avery}")).await;
    app.send_keys("project-people", "avery").await;
    app.click(&format!("project-people-option-{avery}")).await;
    app.testid(&format!("project-people-chip-{avery}")).await;
    app.click("project-save").await;
    app.gone("project-form").await;
    let saved = project_of(&app, private).await;
    assert_eq!(saved["private"], json!(true), "{saved}");
    assert_eq!(saved["person_ids"], json!([bram, avery]), "{saved}");

    // An edit of something else keeps both; the form opens with them.
    app.click("project-edit").await;
    assert!(checked(&app, "project-private").await);
    app.testid(&format!("project-people-chip-{bram}")).await;
    app.fill("project-summary", "Renegotiated rates with three carriers.").await;
    app.click("project-save").await;
    app.gone("project-form").await;
    let saved = project_of(&app, private).await;
    assert_eq!(saved["summary"], json!("Renegotiated rates with three carriers."));
    assert_eq!((&saved["private"], &saved["person_ids"]), (&json!(true), &json!([bram, avery])));

    // The journal's list marks it.
    app.click("project-back").await;
    let row = app.text_with(&format!("project-{private}"), "Private").await;
    assert!(row.contains("Private"), "{row}");
    assert!(!app.text(&format!("project-{shared}")).await.contains("Private"));

    // The brag document has the shared project (with the feedback under the person's name)
    // and not the private one.
    app.click("nav-resume").await;
    app.click("export-open").await;
    app.click("brag-save").await;
    app.text_with("brag-saved", "Saved to").await;
    let brag = std::fs::read_to_string(turn.exports().join("brag-document.md")).unwrap();
    assert!(brag.contains("## Route planner rewrite"), "{brag}");
    assert!(brag.contains("- Avery Quill ("), "{brag}");
    assert!(!brag.contains("Carrier contract"), "{brag}");
    assert!(!brag.contains("p95 quote time"), "{brag}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_person_and_a_deleted_one_on_one_are_named_in_the_trash_and_restored() {
    let (_turn, app) = Turn::opened().await;
    let dana = person(&app, "Dana Lindqvist", "mentee", "Payments").await;
    let form = json!({
        "meeting": {"person_id": dana, "date": "2026-11-24", "agenda": "Career goals", "notes": null,
                    "tags": [], "skills": []},
        "actions": [],
    });
    let meeting = app.invoke_ok("one_on_one_save", json!({"id": null, "form": form})).await
        ["meeting"]["id"]
        .as_i64()
        .expect("the 1:1's id");
    let one_on_one = app.invoke_ok("entry_delete", json!({"id": meeting})).await;
    let gone = app.invoke_ok("entry_delete", json!({"id": dana})).await;

    app.click("nav-journal").await;
    app.click("trash-open").await;
    let item = |v: &Value| format!("trash-item-{}", id_of(v));
    let shown = app.text_with(&item(&gone), "Dana Lindqvist").await;
    // The kind is drawn in capitals; the text is the kind map's.
    assert!(shown.to_lowercase().starts_with("person dana lindqvist"), "{shown}");
    assert!(shown.contains("Dana Lindqvist"), "{shown}");
    let shown = app.text_with(&item(&one_on_one), "1:1").await;
    assert!(shown.starts_with("1:1"), "{shown}");

    app.click(&format!("trash-restore-{}", id_of(&gone))).await;
    app.gone(&item(&gone)).await;
    let people =
        app.invoke_ok("person_list", json!({"filter": {"text": null, "relationship": null}})).await;
    assert_eq!(people["people"][0]["name"], json!("Dana Lindqvist"), "{people}");
    app.click(&format!("trash-restore-{}", id_of(&one_on_one))).await;
    app.gone(&item(&one_on_one)).await;
    let meetings = app.invoke_ok("one_on_one_list", json!({"personId": dana})).await;
    assert_eq!(meetings.as_array().map(Vec::len), Some(1), "{meetings}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a tool: saves screenshots for a person to look at"]
async fn capture_privacy() {
    let turn = Turn::take_with(|_| vec![("WEBKIT_FORCE_COMPOSITING_MODE", "1".into())]).await;
    let app = turn.open().await;
    let shots = |name: &'static str| {
        let app = &app;
        async move {
            // The first snapshot after a select changes can show the frame before it: one
            // is taken and thrown away first.
            tokio::time::sleep(Duration::from_millis(400)).await;
            app.screenshot(&std::env::temp_dir().join("careerlog-privacy-warmup.png")).await;
            for theme in ["light", "dark"] {
                app.set_theme(theme).await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                app.shot(&format!("privacy-{name}-{theme}")).await;
            }
        }
    };
    let shared = project_with_metric(&app, "Route planner rewrite", "p95 route planning").await;
    let avery = person(&app, "Avery Quill", "report", "Routing").await;
    let bram = person(&app, "Bram Okafor", "peer", "Pricing").await;
    person(&app, "Cleo Avendaño", "manager", "Logistics").await;
    person(&app, "Dana Lindqvist", "mentee", "Payments").await;

    app.click("nav-journal").await;
    app.click(&format!("project-{shared}")).await;
    app.click("feedback-new").await;
    app.choose("feedback-direction", "given").await;
    app.choose("feedback-person", &avery.to_string()).await;
    app.fill(
        "feedback-text",
        "Your design review was thorough; send the summary before the meeting next time.",
    )
    .await;
    shots("feedback-form").await;
    app.click("feedback-save").await;
    app.gone("feedback-form").await;

    app.click("project-edit").await;
    app.click_centered("project-private").await;
    app.send_keys("project-people", "okaf").await;
    app.send_keys("project-people", &Key::Enter).await;
    app.testid(&format!("project-people-chip-{bram}")).await;
    app.send_keys("project-people", "a").await;
    app.execute(
        "document.querySelector(`[data-testid='project-people']`).scrollIntoView({block: 'center'})",
        vec![],
    )
    .await;
    shots("project-form").await;
    app.click("project-cancel").await;
    app.click("discard-confirm").await;
    app.gone("project-form").await;

    // A new story offers the feedback given, to link for the give-feedback question.
    app.click("nav-stories").await;
    app.click("story-new").await;
    app.fill("story-title", "Coaching a new reviewer").await;
    let feedback = project_of(&app, shared).await["feedback"][0]["id"].as_i64().unwrap();
    app.click_centered(&format!("story-link-feedback-{feedback}")).await;
    shots("story-feedback").await;
    app.close().await;
}
