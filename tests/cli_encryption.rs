//! Encryption at rest from the command line: passphrases only from the environment, a
//! wrong or missing one refused with one line, and the journal kept whole through it all.

use std::path::Path;
use std::process::{Command, Output};

fn careerlog(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careerlog"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CAREERLOG_DB")
        .env_remove("CAREERLOG_PASSPHRASE")
        .env_remove("CAREERLOG_NEW_PASSPHRASE");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

fn ok(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let output = careerlog(db, env, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn refused(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let output = careerlog(db, env, args);
    assert!(!output.status.success(), "{args:?} should fail");
    let line = String::from_utf8(output.stderr).unwrap();
    assert_eq!(line.trim_end().lines().count(), 1, "{line}");
    line
}

#[test]
fn a_journal_is_encrypted_opened_with_its_passphrase_and_decrypted_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    ok(
        &db,
        &[],
        &["note", "add", "Compensation talk: ask for band 6"],
    );
    assert!(refused(&db, &[], &["encryption", "on"]).contains("CAREERLOG_NEW_PASSPHRASE"));
    assert!(refused(
        &db,
        &[("CAREERLOG_NEW_PASSPHRASE", "short")],
        &["encryption", "on"]
    )
    .contains("at least 8"));
    ok(
        &db,
        &[("CAREERLOG_NEW_PASSPHRASE", "a long passphrase")],
        &["encryption", "on"],
    );

    let bytes = std::fs::read(&db).unwrap();
    assert!(
        !bytes.windows(11).any(|w| w == b"Compensatio"),
        "no plain text in the file"
    );
    assert!(refused(&db, &[], &["note", "list"]).contains("encrypted"));
    assert!(refused(
        &db,
        &[("CAREERLOG_PASSPHRASE", "wrong passphrase")],
        &["note", "list"]
    )
    .contains("passphrase does not open"));
    let key = [("CAREERLOG_PASSPHRASE", "a long passphrase")];
    assert!(ok(&db, &key, &["note", "list"]).contains("band 6"));
    assert!(ok(&db, &key, &["--json", "info"]).contains("\"encrypted\": true"));

    ok(
        &db,
        &[
            ("CAREERLOG_PASSPHRASE", "a long passphrase"),
            ("CAREERLOG_NEW_PASSPHRASE", "another long one"),
        ],
        &["encryption", "change"],
    );
    ok(
        &db,
        &[("CAREERLOG_PASSPHRASE", "another long one")],
        &["encryption", "off"],
    );
    assert!(ok(&db, &[], &["note", "list"]).contains("band 6"));
}
