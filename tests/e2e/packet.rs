//! The review packet in the real window: built for a period from a project's metrics, a
//! decision and feedback received; a sentence reworded in place, saved as Markdown with the
//! edit in the file, and the edit still there after the period changes and comes back.
//! `capture_packet` saves the screens for a person to look at.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::json;

use crate::support::seed::{self, Metric, Project};
use crate::support::{App, Turn};

async fn open_packet(app: &App) {
    app.click("nav-home").await;
    app.testid("section-home").await;
    app.click("nav-resume").await;
    app.testid("section-resume").await;
    app.click("resume-packet").await;
    app.testid("packet-view").await;
}

/// A half of work at an invented company: a project with two metrics that moved, a decision
/// with its options, and a manager's feedback received.
async fn seed_half(app: &App) -> i64 {
    let p = seed::project(
        app,
        &Project {
            title: "Checkout latency rewrite",
            organization: Some("Acme Payments"),
            role: Some("Tech lead"),
            started_on: Some("2024-01-08"),
            ended_on: Some("2024-06-30"),
            summary: Some("Rebuilt the pricing path behind checkout with a warmed cache."),
            skills: &["technical leadership"],
            ..Project::shipped()
        },
    )
    .await;
    let latency = Metric::of(p, "p99 checkout latency", "ms", (800.0, 120.0), "lower")
        .measured("2024-06-20")
        .evidence("Grafana: checkout p99");
    seed::metric(app, &latency).await;
    let conversion = Metric::of(p, "Checkout conversion", "%", (71.2, 74.9), "higher")
        .measured("2024-06-24")
        .evidence("Experiment report Q2");
    seed::metric(app, &conversion).await;
    seed::save(
        app,
        "decision_save",
        json!({
            "project_id": p, "title": "Cache pricing lookups in the checkout service",
            "context": "Tax and discount lookups were on the request path.",
            "options": [
                {"text": "A warmed read-through cache", "pros": "no request-path calls", "cons": "invalidation"},
                {"text": "Bigger database replicas", "pros": "no code change", "cons": "cost, same tail"}
            ],
            "chosen": "A warmed read-through cache",
            "tradeoffs": "Stale prices for up to a minute after a change; the pricing team signed off.",
            "expected": null, "confidence": 70, "outcome": "p99 fell to 120 ms", "decided_on": "2024-02-01",
            "review_on": null, "tags": [], "skills": []
        }),
    )
    .await;
    seed::save(
        app,
        "feedback_save",
        json!({
            "project_id": p, "source": "Manager", "person_id": null, "direction": "received",
            "date": "2024-06-28",
            "text": "The latency write-up made the trade-offs obvious to the whole org.",
            "rating": null, "tags": [], "skills": []
        }),
    )
    .await;
    p
}

const IMPACT: &str = "[data-testid='packet-section-impact'] [data-testid='packet-sentence']";

/// The key and the words of the first impact sentence (the latency metric's).
async fn first_impact(app: &App) -> (String, String) {
    let sentence = app.wait(IMPACT).await;
    let key = sentence.attr("data-key").await.unwrap().expect("a sentence has a key");
    let words =
        app.wait(&format!("{IMPACT} [data-testid='packet-text']")).await.text().await.unwrap();
    (key, words)
}

async fn sentence_text(app: &App, key: &str) -> String {
    let css = format!("[data-key='{key}'] [data-testid='packet-text']");
    app.wait(&css).await.text().await.unwrap()
}

/// The text of a PDF as poppler's `pdftotext` reads it (`make deps-test` installs it).
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils (make deps-test)");
    assert!(
        out.status.success(),
        "pdftotext {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of a DOCX's paragraphs, in order.
fn docx_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"PK"), "{} is a zip", path.display());
    let out = std::process::Command::new("unzip")
        .args(["-p"])
        .arg(path)
        .arg("word/document.xml")
        .output()
        .expect("unzip runs");
    let xml = String::from_utf8(out.stdout).unwrap();
    // The runs' text, without the markup between them.
    let mut text = String::new();
    for part in xml.split("<w:t").skip(1) {
        let run = part.split_once('>').map_or("", |(_, rest)| rest);
        text.push_str(run.split("</w:t>").next().unwrap_or(""));
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn a_packet_is_built_for_a_period_edited_and_saved_with_the_edit() {
    let (turn, app) = Turn::opened().await;
    let project = seed_half(&app).await;

    // Arrival: the heading has the keyboard, and the last full year (nothing in it) says so.
    open_packet(&app).await;
    app.until("the heading focused", "return document.activeElement?.id === 'heading-resume'")
        .await;
    app.testid("packet-empty").await;
    app.testid("packet-to-journal").await;

    // A backwards period is refused beside the field.
    app.fill("packet-since", "2024-07-01").await;
    app.fill("packet-until", "2024-01-01").await;
    let refused = app.text_with("error-until", "on or after").await;
    assert!(refused.contains("on or after"), "{refused}");

    // The half: the impact sentence with its numbers and its sources.
    app.fill("packet-since", "2024-01-01").await;
    app.fill("packet-until", "2024-06-30").await;
    let period = app.text_with("packet-period", "January 2024").await;
    assert!(period.contains("1 January 2024") && period.contains("30 June 2024"), "{period}");
    let impact = app.text_with("packet-section-impact", "85%").await;
    assert!(impact.contains("Checkout latency rewrite"), "{impact}");
    assert!(impact.contains("800 ms") && impact.contains("120 ms"), "{impact}");
    let (key, words) = first_impact(&app).await;
    assert!(words.contains("85%"), "{words}");
    let refs = app.wait(&format!("[data-key='{key}'] .refs")).await.text().await.unwrap();
    assert!(!refs.trim().is_empty(), "the impact sentence names its sources: {refs:?}");
    let leadership = app.text_with("packet-section-leadership", "cache").await;
    assert!(leadership.to_lowercase().contains("cache"), "{leadership}");
    let people = app.text_with("packet-section-people", "trade-offs obvious").await;
    assert!(people.contains("trade-offs obvious"), "{people}");
    let sources = app.text_with("packet-sources", "p99 checkout latency").await;
    assert!(sources.contains("p99 checkout latency"), "{sources}");

    // Edited in place: Enter on the words opens the editor, Save keeps the new words.
    let edited = "Took checkout p99 from 800 ms to 120 ms (85% faster) by caching pricing lookups";
    app.wait(&format!("[data-key='{key}'] [data-testid='packet-text']"))
        .await
        .send_keys(&Key::Enter)
        .await
        .unwrap();
    app.fill("packet-edit-text", edited).await;
    app.click("packet-edit-save").await;
    app.gone("packet-edit-text").await;
    assert_eq!(sentence_text(&app, &key).await, edited);
    app.wait(&format!("[data-key='{key}'] [data-testid='packet-edited']")).await;

    // Saved as Markdown: the file holds the edit and the numbered sources.
    app.click("packet-save-markdown").await;
    let saved = app.text_with("packet-saved", "Saved to").await;
    let file = turn.exports().join("review-packet-2024-01-01-to-2024-06-30.md");
    assert!(saved.contains(&file.display().to_string()), "{saved}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains(edited), "{written}");
    assert!(written.contains("p99 checkout latency"), "{written}");

    // As a PDF, the text in it (read by poppler) holds the edit with its numbers; as a
    // Word document, its paragraphs do.
    app.click("packet-save-pdf").await;
    app.text_with("packet-saved", ".pdf").await;
    let pdf = turn.exports().join("review-packet-2024-01-01-to-2024-06-30.pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("Took checkout p99 from 800 ms to 120 ms (85% faster)"), "{text}");
    app.click("packet-save-docx").await;
    app.text_with("packet-saved", ".docx").await;
    let docx = turn.exports().join("review-packet-2024-01-01-to-2024-06-30.docx");
    let xml = docx_text(&docx);
    assert!(xml.contains(edited), "{xml}");

    // Another period, then back: the packet is built again and the edit is still shown.
    app.fill("packet-since", "2024-04-01").await;
    app.text_with("packet-period", "1 April 2024").await;
    app.fill("packet-since", "2024-01-01").await;
    app.text_with("packet-period", "1 January 2024").await;
    assert_eq!(sentence_text(&app, &key).await, edited);

    // Reset goes back to the journal's words; Undo in the message puts the edit back.
    app.wait(&format!("[data-key='{key}'] [data-testid='packet-reset']"))
        .await
        .click()
        .await
        .unwrap();
    app.text_until("packet-section-impact", |t| !t.contains(edited)).await;
    assert_eq!(sentence_text(&app, &key).await, words);
    app.click("toast-undo").await;
    app.text_with("packet-section-impact", edited).await;
    assert_eq!(sentence_text(&app, &key).await, edited);

    // Escape goes back to the bullets; a source opens its project's page.
    app.send_keys("packet-build", &Key::Escape).await;
    app.testid("export-open").await;
    app.click("resume-packet").await;
    app.click("packet-source-1").await;
    app.testid("section-journal").await;
    app.testid("project-page").await;
    let page = app.text_with("project-page", "Rebuilt the pricing path").await;
    assert!(page.contains("Rebuilt the pricing path"), "project {project}: {page}");
    app.close().await;
}

/// Not a check: the packet view on the demo journal (`careerlog demo`) for a fiscal year,
/// target Leverage, in both themes, with a sentence being edited and the empty state, saved
/// to `target/screenshots/` (`cargo test --test e2e packet::capture_packet -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_packet() {
    let turn = Turn::take().await;
    seed::demo(&turn.db, 12);
    let app = turn.open().await;
    let settle = || tokio::time::sleep(Duration::from_millis(400));
    let scroll_to = |testid: &'static str| {
        let client = app.client.clone();
        async move {
            client
                .execute(
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
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        open_packet(&app).await;
        app.fill("packet-since", "2024-07-01").await;
        app.fill("packet-until", "2025-06-30").await;
        app.choose("packet-target", "leverage").await;
        app.text_with("packet-period", "1 July 2024").await;
        settle().await;
        app.shot(&format!("packet-{theme}")).await;
        scroll_to("packet-section-leadership").await;
        app.shot(&format!("packet-leadership-{theme}")).await;
        scroll_to("packet-sources").await;
        app.shot(&format!("packet-sources-{theme}")).await;

        let (key, _) = first_impact(&app).await;
        app.wait(&format!("[data-key='{key}'] [data-testid='packet-edit']"))
            .await
            .click()
            .await
            .unwrap();
        app.testid("packet-edit-text").await;
        scroll_to("packet-section-impact").await;
        app.shot(&format!("packet-editing-{theme}")).await;
        app.click("packet-edit-cancel").await;
        app.wait(&format!("[data-key='{key}'] [data-testid='packet-edit']"))
            .await
            .click()
            .await
            .unwrap();
        app.fill("packet-edit-text", "Held test coverage at 36% while peak throughput grew 4.2x, so the faster pipeline shipped no riskier code").await;
        app.click("packet-edit-save").await;
        app.wait(&format!("[data-key='{key}'] [data-testid='packet-edited']")).await;
        settle().await;
        app.shot(&format!("packet-edited-{theme}")).await;
        app.wait(&format!("[data-key='{key}'] [data-testid='packet-reset']"))
            .await
            .click()
            .await
            .unwrap();
        app.gone("packet-edited").await;
        app.wait("[data-testid='toast'] .close").await.click().await.unwrap();
        app.gone("toast").await;

        app.click("packet-last-half").await;
        app.testid("packet-empty").await;
        settle().await;
        app.shot(&format!("packet-empty-{theme}")).await;
        app.click("packet-back").await;

        // The export panel with a Word document chosen: its Markdown previewed, Copy off.
        app.click("export-open").await;
        app.choose("export-format", "docx").await;
        app.testid("export-binary-note").await;
        app.text_with("export-preview", "##").await;
        app.choose("brag-format", "pdf").await;
        settle().await;
        app.shot(&format!("export-docx-{theme}")).await;
        app.choose("export-format", "markdown").await;
        app.click("export-back").await;
    }
    app.close().await;
}
