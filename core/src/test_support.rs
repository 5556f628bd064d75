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

/// Takes a journal's schema back to before migration 0010 (capture), 0011 (the weekly
/// habit), 0012 (people) and 0013 (review packet edits), for tests that open a journal written by an older Career Log.
pub const UNDO_SINCE_CAPTURE: &str = "
    DROP TABLE packet_edits;
    DROP TABLE entry_people; DROP TABLE goals; DROP TABLE actions; DROP TABLE one_on_ones;
    DROP TABLE people; DROP INDEX feedback_by_person; ALTER TABLE feedback DROP COLUMN person_id;
    ALTER TABLE feedback DROP COLUMN direction; ALTER TABLE entries DROP COLUMN private;
    DROP TABLE capture_reads; DROP TABLE capture_repos; DROP TABLE capture_keys;
    DROP TABLE proposals;
    DROP INDEX stories_by_interview; DROP INDEX projects_quiet; DROP INDEX metrics_unproven;
    DROP INDEX metrics_by_day; DROP INDEX decisions_by_day; DROP INDEX feedback_by_day;
    DROP INDEX artifacts_by_day; DROP INDEX projects_by_start;
    ALTER TABLE projects DROP COLUMN last_logged_at;
    DROP INDEX metrics_pending; ALTER TABLE metrics DROP COLUMN target;
    ALTER TABLE metrics DROP COLUMN measure_by; ALTER TABLE stories DROP COLUMN interview_on;
    DROP INDEX entries_by_created; DROP TABLE reviews; DROP TABLE templates;
    DROP TABLE followup_marks;";
