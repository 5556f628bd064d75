//! Encryption at rest from the command line: passphrases only from the environment, a
//! wrong or missing one refused with one line, and the journal kept whole through it all.

use crate::support::Cli;

#[test]
fn a_journal_is_encrypted_opened_with_its_passphrase_and_decrypted_without_loss() {
    let cli = Cli::new();
    cli.text(&["note", "add", "Compensation talk: ask for band 6"]);
    assert!(cli.fails(&["encryption", "on"]).contains("CAREERLOG_NEW_PASSPHRASE"));
    assert!(cli
        .env("CAREERLOG_NEW_PASSPHRASE", "short")
        .fails(&["encryption", "on"])
        .contains("at least 8"));
    cli.env("CAREERLOG_NEW_PASSPHRASE", "a long passphrase").text(&["encryption", "on"]);

    let bytes = std::fs::read(cli.db()).unwrap();
    assert!(!bytes.windows(11).any(|w| w == b"Compensatio"), "no plain text in the file");
    assert!(cli.fails(&["note", "list"]).contains("encrypted"));
    assert!(cli
        .env("CAREERLOG_PASSPHRASE", "wrong passphrase")
        .fails(&["note", "list"])
        .contains("passphrase does not open"));
    let key = || cli.env("CAREERLOG_PASSPHRASE", "a long passphrase");
    assert!(key().text(&["note", "list"]).contains("band 6"));
    assert!(key().text(&["--json", "info"]).contains("\"encrypted\": true"));

    key().env("CAREERLOG_NEW_PASSPHRASE", "another long one").text(&["encryption", "change"]);
    cli.env("CAREERLOG_PASSPHRASE", "another long one").text(&["encryption", "off"]);
    assert!(cli.text(&["note", "list"]).contains("band 6"));
}
