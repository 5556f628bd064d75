//! Settings and start-up in the real window: an encrypted journal unlocked with its
//! passphrase (a wrong one refused), encryption turned off from Settings, a backup made with
//! its progress and restored, and the number of backups kept surviving a restart.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::json;

use crate::support::{careerlog, seed, App, Turn};

const PASSPHRASE: &str = "correct horse battery";

async fn note_texts(app: &App) -> Vec<String> {
    app.invoke_ok("note_list", json!({"limit": 50}))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_encrypted_journal_asks_for_its_passphrase_and_opens_with_the_right_one() {
    let turn = Turn::take().await;
    let db = &turn.db;
    careerlog(db, &[], &["note", "add", "Offer talk: ask for staff band"]);
    careerlog(
        db,
        &[("CAREERLOG_NEW_PASSPHRASE", PASSPHRASE)],
        &["encryption", "on"],
    );

    let app = turn.launch().await;

    // Locked: the unlock screen, not the shell, and not the problem screen.
    app.testid("unlock-passphrase").await;
    assert!(!app.is_ready().await);
    app.fill("unlock-passphrase", "not the passphrase").await;
    app.click("unlock-submit").await;
    let refusal = app.text_with("unlock-error", "does not open").await;
    assert!(refusal.contains("does not open"), "{refusal}");
    assert!(!app.is_ready().await, "a wrong passphrase opens nothing");

    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.send_keys("unlock-passphrase", &Key::Enter).await;
    app.ready().await;
    app.testid("section-home").await;
    assert!(note_texts(&app)
        .await
        .iter()
        .any(|t| t.contains("staff band")));

    // Settings shows it encrypted; turning it off asks for the current passphrase.
    app.click("nav-settings").await;
    let status = app.text_with("encryption-status", "Encrypted").await;
    assert_eq!(status, "Encrypted");
    app.click("encryption-off").await;
    app.fill("encryption-current", "a wrong guess").await;
    app.click("encryption-save").await;
    let wrong = app.text_with("error-current", "not right").await;
    assert!(wrong.contains("not right"), "{wrong}");
    app.fill("encryption-current", PASSPHRASE).await;
    app.click("encryption-save").await;
    let status = app.text_with("encryption-status", "Not encrypted").await;
    assert_eq!(status, "Not encrypted");
    app.close().await;

    // The file opens without a passphrase now, with nothing lost.
    assert!(careerlog(db, &[], &["note", "list"]).contains("staff band"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_made_with_progress_restored_and_the_number_kept_survives_a_restart() {
    let turn = Turn::take().await;
    let db = &turn.db;
    careerlog(db, &[], &["note", "add", "Kept in the backup"]);

    let app = turn.open().await;
    app.click("nav-settings").await;

    app.click("backup-create").await;
    let progress = app
        .wait("[data-testid='backup-progress'][data-phase='done']")
        .await;
    let mut shown = String::new();
    for _ in 0..100 {
        shown = progress.text().await.unwrap_or_default();
        if shown.contains("100%") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        shown.contains("100%") && shown.contains("Backup made"),
        "{shown}"
    );
    let list = app.invoke_ok("backup_list", json!({})).await;
    let id = list[0]["id"].as_i64().expect("a backup is listed");
    app.testid(&format!("backup-{id}")).await;

    // A later note, then the backup put back: the window reloads on the older journal.
    let later = json!({"project_id": null, "date": null,
        "text": "Written after the backup", "tags": [], "skills": []});
    seed::save(&app, "note_save", later).await;
    app.execute("window.__beforeRestore = true", vec![]).await;
    app.click(&format!("backup-restore-{id}")).await;
    app.click("backup-restore-confirm").await;
    app.until(
        "the window to reload",
        "return !window.__beforeRestore && document.body.dataset.ready === 'true'",
    )
    .await;
    let notes = note_texts(&app).await;
    assert!(notes.iter().any(|t| t == "Kept in the backup"), "{notes:?}");
    assert!(
        !notes.iter().any(|t| t == "Written after the backup"),
        "{notes:?}"
    );

    // How many backups to keep: typed, saved on Enter, and read back after a restart.
    app.click("nav-settings").await;
    app.fill("backups-keep", "3").await;
    app.send_keys("backups-keep", &Key::Enter).await;
    app.text_with("backups-keep-saved", "Saved").await;
    assert_eq!(
        app.invoke_ok("settings_get", json!({})).await["backups_keep"],
        json!(3)
    );
    app.close().await;

    let app = turn.open().await;
    app.click("nav-settings").await;
    let keep = app.testid("backups-keep").await;
    let mut value = None;
    for _ in 0..50 {
        value = keep.prop("value").await.unwrap();
        if value.as_deref() == Some("3") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(value.as_deref(), Some("3"));
    app.close().await;
}

/// Not a check: saves Settings (each card) and the unlock screen, light and dark, to
/// `target/screenshots/settings-*.png` for a person to look at.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e settings::capture -- --ignored"]
async fn capture_settings() {
    let turn = Turn::take().await;
    let db = &turn.db;
    careerlog(db, &[], &["note", "add", "Led the migration review"]);
    careerlog(db, &[], &["backup", "create"]);
    careerlog(
        db,
        &[("CAREERLOG_NEW_PASSPHRASE", PASSPHRASE)],
        &["encryption", "on"],
    );
    let app = turn.launch().await;
    let shot = |name: String| {
        let app = &app;
        async move {
            tokio::time::sleep(Duration::from_millis(400)).await;
            app.shot(&format!("settings-{name}")).await;
        }
    };
    // Cards by their heading, scrolled to the top of the window (no heading: the page top).
    let scroll_to = |heading: &'static str| {
        let app = &app;
        async move {
            let script = if heading.is_empty() {
                "document.querySelector('main').scrollTop = 0".to_string()
            } else {
                format!(
                    "const h = [...document.querySelectorAll('h2')].find(h => h.textContent === '{heading}');
                     h.scrollIntoView({{block: 'start'}}); document.querySelector('main').scrollTop -= 24;"
                )
            };
            app.execute(&script, vec![]).await;
        }
    };

    app.testid("unlock-passphrase").await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        shot(format!("unlock-{theme}")).await;
    }
    app.fill("unlock-passphrase", "a wrong guess").await;
    app.click("unlock-submit").await;
    app.text_with("unlock-error", "does not open").await;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        shot(format!("unlock-refused-{theme}")).await;
    }
    app.fill("unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.ready().await;

    for theme in ["light", "dark"] {
        app.pick_theme(theme).await;
        app.click("backup-create").await;
        app.wait("[data-testid='backup-progress'][data-phase='done']")
            .await;
        for (name, heading) in [
            ("top", ""),
            ("appearance", "Appearance"),
            ("pace", "Speaking pace"),
            ("backups", "Backups"),
            ("encryption", "Encryption"),
            ("data", "Import and export"),
        ] {
            scroll_to(heading).await;
            shot(format!("{name}-{theme}")).await;
        }
        // The forms open: changing the passphrase, and a pace out of the band.
        app.click("encryption-change").await;
        app.fill("encryption-current", PASSPHRASE).await;
        app.fill("encryption-next", "short").await;
        app.fill("encryption-confirm", "short").await;
        app.click("encryption-save").await;
        scroll_to("Encryption").await;
        shot(format!("encryption-change-{theme}")).await;
        app.click("encryption-cancel").await;
        app.fill("pace-wpm", "185").await;
        app.send_keys("pace-wpm", &Key::Enter).await;
        scroll_to("Speaking pace").await;
        shot(format!("pace-fast-{theme}")).await;
        app.fill("pace-wpm", "140").await;
        app.send_keys("pace-wpm", &Key::Enter).await;
    }
    app.click("theme-system").await;
    app.close().await;
}
