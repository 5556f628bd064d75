//! What the core's tests share: a fresh journal in a temporary folder, and days written
//! as text.

use chrono::NaiveDate;

use crate::Journal;

/// A new journal file in its own temporary folder (kept while the folder lives).
pub fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    (dir, journal)
}

/// A day from "YYYY-MM-DD".
pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}
