//! Settings and start-up in the real window: an encrypted journal unlocked with its
//! passphrase (a wrong one refused), encryption turned off from Settings, a backup made with
//! its progress and restored, and the number of backups kept surviving a restart.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::{json, Value};
use support::{App, Display, WINDOW};

const PASSPHRASE: &str = "correct horse battery";

/// Runs the command-line face on `db` with exactly these passphrase variables.
fn careerlog(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careerlog"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CAREERLOG_DB")
        .env_remove("CAREERLOG_PASSPHRASE")
        .env_remove("CAREERLOG_NEW_PASSPHRASE")
        .envs(env.iter().copied());
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The window is launched through tauri-driver, which passes its environment on to the
/// app: a passphrase in this process's environment would unlock the journal by itself.
fn without_passphrase_in_env() {
    // Safe here: the window lock is held, so no other test of this file spawns meanwhile.
    std::env::remove_var("CAREERLOG_PASSPHRASE");
    std::env::remove_var("CAREERLOG_NEW_PASSPHRASE");
}

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
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = app.text(testid).await;
        if text.contains(expected) || Instant::now() > deadline {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn invoke(app: &App, command: &str, args: Value) -> Value {
    app.invoke(command, args)
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
}

async fn note_texts(app: &App) -> Vec<String> {
    invoke(app, "note_list", json!({"limit": 50}))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect()
}

async fn is_ready(app: &App) -> bool {
    app.client
        .execute("return document.body.dataset.ready ?? null", vec![])
        .await
        .unwrap()
        == json!("true")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_encrypted_journal_asks_for_its_passphrase_and_opens_with_the_right_one() {
    let _turn = WINDOW.lock().await;
    without_passphrase_in_env();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    careerlog(&db, &[], &["note", "add", "Offer talk: ask for staff band"]);
    careerlog(
        &db,
        &[("CAREERLOG_NEW_PASSPHRASE", PASSPHRASE)],
        &["encryption", "on"],
    );

    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;

    // Locked: the unlock screen, not the shell, and not the problem screen.
    app.testid("unlock-passphrase").await;
    assert!(!is_ready(&app).await);
    fill(&app, "unlock-passphrase", "not the passphrase").await;
    app.click("unlock-submit").await;
    let refusal = text_with(&app, "unlock-error", "does not open").await;
    assert!(refusal.contains("does not open"), "{refusal}");
    assert!(!is_ready(&app).await, "a wrong passphrase opens nothing");

    fill(&app, "unlock-passphrase", PASSPHRASE).await;
    app.testid("unlock-passphrase")
        .await
        .send_keys(&Key::Enter)
        .await
        .unwrap();
    app.ready().await;
    app.testid("section-home").await;
    assert!(note_texts(&app)
        .await
        .iter()
        .any(|t| t.contains("staff band")));

    // Settings shows it encrypted; turning it off asks for the current passphrase.
    app.click("nav-settings").await;
    let status = text_with(&app, "encryption-status", "Encrypted").await;
    assert_eq!(status, "Encrypted");
    app.click("encryption-off").await;
    fill(&app, "encryption-current", "a wrong guess").await;
    app.click("encryption-save").await;
    let wrong = text_with(&app, "error-current", "not right").await;
    assert!(wrong.contains("not right"), "{wrong}");
    fill(&app, "encryption-current", PASSPHRASE).await;
    app.click("encryption-save").await;
    let status = text_with(&app, "encryption-status", "Not encrypted").await;
    assert_eq!(status, "Not encrypted");
    app.close().await;

    // The file opens without a passphrase now, with nothing lost.
    assert!(careerlog(&db, &[], &["note", "list"]).contains("staff band"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_made_with_progress_restored_and_the_number_kept_survives_a_restart() {
    let _turn = WINDOW.lock().await;
    without_passphrase_in_env();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    careerlog(&db, &[], &["note", "add", "Kept in the backup"]);

    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
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
    let list = invoke(&app, "backup_list", json!({})).await;
    let id = list[0]["id"].as_i64().expect("a backup is listed");
    app.testid(&format!("backup-{id}")).await;

    // A later note, then the backup put back: the window reloads on the older journal.
    invoke(
        &app,
        "note_save",
        json!({"id": null, "input": {"project_id": null, "date": null,
            "text": "Written after the backup", "tags": [], "skills": []}}),
    )
    .await;
    app.client
        .execute("window.__beforeRestore = true", vec![])
        .await
        .unwrap();
    app.click(&format!("backup-restore-{id}")).await;
    app.click("backup-restore-confirm").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let reloaded = app
            .client
            .execute(
                "return !window.__beforeRestore && document.body.dataset.ready === 'true'",
                vec![],
            )
            .await
            .unwrap_or(json!(false));
        if reloaded == json!(true) {
            break;
        }
        assert!(Instant::now() < deadline, "the window did not reload");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let notes = note_texts(&app).await;
    assert!(notes.iter().any(|t| t == "Kept in the backup"), "{notes:?}");
    assert!(
        !notes.iter().any(|t| t == "Written after the backup"),
        "{notes:?}"
    );

    // How many backups to keep: typed, saved on Enter, and read back after a restart.
    app.click("nav-settings").await;
    fill(&app, "backups-keep", "3").await;
    app.testid("backups-keep")
        .await
        .send_keys(&Key::Enter)
        .await
        .unwrap();
    text_with(&app, "backups-keep-saved", "Saved").await;
    assert_eq!(
        invoke(&app, "settings_get", json!({})).await["backups_keep"],
        json!(3)
    );
    app.close().await;

    let app = App::launch(&display, &db, &[]).await;
    app.ready().await;
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
#[ignore = "a capture tool: cargo test --test e2e_settings capture -- --ignored"]
async fn capture_settings() {
    let _turn = WINDOW.lock().await;
    without_passphrase_in_env();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    careerlog(&db, &[], &["note", "add", "Led the migration review"]);
    careerlog(&db, &[], &["backup", "create"]);
    careerlog(
        &db,
        &[("CAREERLOG_NEW_PASSPHRASE", PASSPHRASE)],
        &["encryption", "on"],
    );
    let display = Display::start();
    let app = App::launch(&display, &db, &[]).await;
    let shot = |name: String| {
        let path = out.join(format!("settings-{name}.png"));
        let app = &app;
        async move {
            tokio::time::sleep(Duration::from_millis(400)).await;
            app.screenshot(&path).await;
        }
    };
    let set_theme = |theme: &'static str| {
        let app = &app;
        async move {
            let script = format!("document.documentElement.dataset.theme = '{theme}'");
            app.client.execute(&script, vec![]).await.unwrap();
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
            app.client.execute(&script, vec![]).await.unwrap();
        }
    };

    app.testid("unlock-passphrase").await;
    for theme in ["light", "dark"] {
        set_theme(theme).await;
        shot(format!("unlock-{theme}")).await;
    }
    fill(&app, "unlock-passphrase", "a wrong guess").await;
    app.click("unlock-submit").await;
    text_with(&app, "unlock-error", "does not open").await;
    for theme in ["light", "dark"] {
        set_theme(theme).await;
        shot(format!("unlock-refused-{theme}")).await;
    }
    fill(&app, "unlock-passphrase", PASSPHRASE).await;
    app.click("unlock-submit").await;
    app.ready().await;

    for theme in ["light", "dark"] {
        app.click("nav-settings").await;
        app.click(&format!("theme-{theme}")).await;
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
        fill(&app, "encryption-current", PASSPHRASE).await;
        fill(&app, "encryption-next", "short").await;
        fill(&app, "encryption-confirm", "short").await;
        app.click("encryption-save").await;
        scroll_to("Encryption").await;
        shot(format!("encryption-change-{theme}")).await;
        app.click("encryption-cancel").await;
        fill(&app, "pace-wpm", "185").await;
        app.testid("pace-wpm")
            .await
            .send_keys(&Key::Enter)
            .await
            .unwrap();
        scroll_to("Speaking pace").await;
        shot(format!("pace-fast-{theme}")).await;
        fill(&app, "pace-wpm", "140").await;
        app.testid("pace-wpm")
            .await
            .send_keys(&Key::Enter)
            .await
            .unwrap();
    }
    app.click("theme-system").await;
    app.close().await;
}
