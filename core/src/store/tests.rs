use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;

use super::*;
use crate::{Settings, Theme};

fn temp_journal() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("journal.sqlite3");
    (dir, path)
}

fn pragma(path: &Path, name: &str) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_fresh_journal_is_created_with_its_folder_and_migrated() {
    let (_dir, path) = temp_journal();
    let journal = Journal::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(journal.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(journal.integrity_ok().unwrap());
    drop(journal);
    assert_eq!(pragma(&path, "journal_mode"), "wal");
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID.to_string());
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION.to_string());
}

#[test]
fn the_connection_runs_with_foreign_keys_and_full_sync() {
    let (_dir, path) = temp_journal();
    let journal = Journal::open(&path).unwrap();
    let get = |name: &str| -> i64 {
        journal.conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).unwrap()
    };
    assert_eq!(get("foreign_keys"), 1);
    assert_eq!(get("synchronous"), 2, "synchronous=FULL");
}

#[test]
fn reopening_keeps_the_schema_and_the_data() {
    let (_dir, path) = temp_journal();
    let mut journal = Journal::open(&path).unwrap();
    journal.save_settings(&Settings { theme: Theme::Dark, ..Settings::default() }).unwrap();
    drop(journal);
    let journal = Journal::open(&path).unwrap();
    assert_eq!(journal.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(journal.settings().unwrap().theme, Theme::Dark);
}

#[test]
fn a_journal_from_a_newer_version_is_refused_and_left_untouched() {
    let (_dir, path) = temp_journal();
    drop(Journal::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x); PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let error = Journal::open(&path).err().expect("a newer journal must be refused");
    match &error {
        Error::NewerJournal { found, supported } => {
            assert_eq!(*found, SCHEMA_VERSION + 7);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerJournal, got {other:?}"),
    }
    assert!(error.to_string().contains("newer Career Log"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change");
    assert_eq!(pragma(&path, "journal_mode"), "delete", "not even switched to WAL");
}

#[test]
fn a_database_of_another_program_is_refused_untouched() {
    let (_dir, path) = temp_journal();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE invoices (id);").unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = Journal::open(&path).err().unwrap();
    assert!(matches!(error, Error::NotAJournal { .. }), "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let (_dir, path) = temp_journal();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = b"these are my notes, not a database, and they are long enough".repeat(40);
    std::fs::write(&path, &text).unwrap();
    let error = Journal::open(&path).err().unwrap();
    assert!(matches!(error, Error::NotAJournal { .. }), "{error:?}");
    assert!(error.to_string().contains("not a SQLite file"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), text);
}

#[test]
fn a_folder_is_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let error = Journal::open(dir.path()).err().unwrap();
    assert!(matches!(error, Error::NotAJournal { .. }), "{error:?}");
}

#[test]
fn settings_default_to_the_system_theme_and_round_trip() {
    let (_dir, path) = temp_journal();
    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(
        journal.settings().unwrap(),
        Settings {
            theme: Theme::System,
            words_per_minute: 140,
            backups_keep: 10,
            first_run_put_off: false,
            rendering: crate::Rendering::Auto,
            review_day: crate::habit::ReviewDay::Friday,
            review_time: "16:00".into(),
            fiscal_year_start: 1,
        }
    );
    for theme in [Theme::Light, Theme::Dark, Theme::System] {
        assert_eq!(
            journal.save_settings(&Settings { theme, ..Settings::default() }).unwrap().theme,
            theme
        );
        assert_eq!(journal.settings().unwrap().theme, theme);
    }
}

#[test]
fn the_rendering_setting_is_kept_and_an_unknown_value_reads_as_automatic() {
    let (_dir, path) = temp_journal();
    let mut journal = Journal::open(&path).unwrap();
    for rendering in
        [crate::Rendering::Software, crate::Rendering::Hardware, crate::Rendering::Auto]
    {
        journal.save_settings(&Settings { rendering, ..Settings::default() }).unwrap();
        assert_eq!(Journal::open(&path).unwrap().settings().unwrap().rendering, rendering);
    }
    journal
        .conn
        .execute("UPDATE settings SET value = 'vulkan' WHERE key = 'rendering'", [])
        .unwrap();
    assert_eq!(journal.settings().unwrap().rendering, crate::Rendering::Auto);
    assert!(crate::settings::check_setting("rendering", "vulkan")
        .unwrap_err()
        .contains("auto, hardware or software"));
}

#[test]
fn putting_the_first_run_questions_off_is_kept_in_the_journal() {
    let (_dir, path) = temp_journal();
    let mut journal = Journal::open(&path).unwrap();
    assert!(!journal.settings().unwrap().first_run_put_off);
    let saved =
        journal.save_settings(&Settings { theme: Theme::Dark, ..Settings::default() }).unwrap();
    assert!(!saved.first_run_put_off);
    let put_off = journal.put_off_first_run().unwrap();
    assert!(put_off.first_run_put_off);
    assert_eq!(put_off.theme, Theme::Dark, "the other settings stay");
    drop(journal);
    let journal = Journal::open(&path).unwrap();
    assert!(
        journal.settings().unwrap().first_run_put_off,
        "it follows the journal, not the window"
    );
    // A window that does not know the setting yet sends settings without it.
    let older: Settings =
        serde_json::from_str(r#"{"theme":"light","words_per_minute":140,"backups_keep":10}"#)
            .unwrap();
    assert!(!older.first_run_put_off);
}

#[test]
fn an_unknown_stored_theme_falls_back_to_the_default() {
    let (_dir, path) = temp_journal();
    let journal = Journal::open(&path).unwrap();
    journal.conn.execute("INSERT INTO settings VALUES ('theme', 'sepia')", []).unwrap();
    assert_eq!(journal.settings().unwrap().theme, Theme::System);
}

#[test]
fn info_names_the_file_and_versions() {
    let (_dir, path) = temp_journal();
    let info = Journal::open(&path).unwrap().info().unwrap();
    assert_eq!(info.journal_path, path.display().to_string());
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(info.version, crate::VERSION);
    assert!(info.sqlite_version.starts_with('3'), "{}", info.sqlite_version);
}

/// A journal from before migration 0008: its overlapping band reads as the band that
/// starts at the same year, and its decisions gain an empty outcome day.
#[test]
fn migration_0008_keeps_old_bands_and_outcomes_readable() {
    let (_dir, path) = temp_journal();
    let mut journal = Journal::open(&path).unwrap();
    let decision = journal
        .add(crate::journal::DecisionInput {
            title: "Queue or cron".into(),
            chosen: "Queue".into(),
            outcome: Some("The queue held".into()),
            ..Default::default()
        })
        .unwrap();
    drop(journal);
    let conn = Connection::open(&path).unwrap();
    // Back to how version 7 left it (0008 and after not applied yet).
    conn.execute_batch(crate::test_support::UNDO_SINCE_CAPTURE).unwrap();
    conn.execute_batch(
        "ALTER TABLE decisions DROP COLUMN outcome_on;
         DROP INDEX entries_by_kind;
         INSERT INTO profile (id, band) VALUES (1, '8-12');
         PRAGMA user_version = 7;",
    )
    .unwrap();
    drop(conn);

    let journal = Journal::open(&path).unwrap();
    assert_eq!(journal.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(journal.profile().unwrap().band, Some(crate::profile::ExperienceBand::Years8To11));
    let read = journal.entry::<crate::journal::Decision>(decision.id).unwrap();
    assert_eq!(read.outcome.as_deref(), Some("The queue held"));
    assert_eq!(read.outcome_on, None, "no day is guessed for an old outcome");
    drop(journal);
    assert_eq!(
        Connection::open(&path)
            .unwrap()
            .query_row("SELECT band FROM profile", [], |r| r.get::<_, String>(0))
            .unwrap(),
        "8-11"
    );
}
