//! Backups through SQLite's online backup API: a consistent copy while the journal stays
//! open, written beside the journal in `backups/`, rotated to a configurable number.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Journal;
use crate::{Error, Result};

/// How many backups are kept unless the settings say otherwise.
pub const DEFAULT_KEEP: u32 = 10;
/// An automatic backup is made at start when the newest is older than this.
pub const AUTOMATIC_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// One backup file; `id` is its creation time in milliseconds, stable across runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    pub id: i64,
    pub path: String,
    pub created_at: String,
    pub bytes: u64,
}

/// Pages copied so far and in total, as the window shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CopyProgress {
    pub done: u32,
    pub total: u32,
}

/// Pages copied so far and in total, for a progress bar.
pub type ProgressFn<'a> = &'a dyn Fn(u32, u32);

fn copy(from: &Connection, to: &mut Connection, progress: ProgressFn) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let mut busy = 0;
    loop {
        let step = backup.step(256)?;
        let p = backup.progress();
        let total = p.pagecount.max(0) as u32;
        progress(total.saturating_sub(p.remaining.max(0) as u32), total);
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                busy += 1;
                if busy > 50 {
                    return Err(Error::Locked);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            _ => {}
        }
    }
}

impl Journal {
    /// The folder the journal's backups live in: `backups/` beside the journal file.
    pub fn backup_dir(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join("backups")
    }

    fn backup_prefix(&self) -> String {
        let stem = self
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("journal");
        format!("{stem}-")
    }

    /// The journal's backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let dir = self.backup_dir();
        let prefix = self.backup_prefix();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(format!("cannot read {}", dir.display()), e)),
        };
        let mut backups: Vec<BackupInfo> = entries
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let id: i64 = name
                    .strip_prefix(&prefix)?
                    .strip_suffix(".sqlite3")?
                    .parse()
                    .ok()?;
                let created = Utc.timestamp_millis_opt(id).single()?;
                Some(BackupInfo {
                    id,
                    path: entry.path().display().to_string(),
                    created_at: created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                })
            })
            .collect();
        backups.sort_by_key(|b| std::cmp::Reverse(b.id));
        Ok(backups)
    }

    /// Copies the journal into a new backup, then keeps only the newest `keep`.
    pub fn create_backup(&self, keep: u32, progress: ProgressFn) -> Result<BackupInfo> {
        let dir = self.backup_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        // Milliseconds name the file; two backups in one millisecond wait a moment.
        let mut id = Utc::now().timestamp_millis();
        while self.backups()?.iter().any(|b| b.id >= id) {
            id += 1;
        }
        let name = format!("{}{id}.sqlite3", self.backup_prefix());
        let target = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        let result = (|| {
            let mut to = Connection::open_with_flags(
                &partial,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            )?;
            self.key_connection(&to)?;
            copy(&self.conn, &mut to, progress)?;
            to.pragma_update(None, "journal_mode", "DELETE")?;
            drop(to);
            std::fs::rename(&partial, &target)
                .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))
        })();
        if let Err(error) = result {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        for old in self.backups()?.iter().skip(keep.max(1) as usize) {
            let _ = std::fs::remove_file(&old.path);
        }
        self.backups()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound {
                what: format!("backup {id}"),
            })
    }

    /// Makes a backup when the newest is older than a day (or there is none).
    pub fn backup_if_due(&self, keep: u32, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        let newest = self.backups()?.into_iter().next();
        let due = newest
            .is_none_or(|b| now.timestamp_millis() - b.id >= AUTOMATIC_EVERY.as_millis() as i64);
        if due {
            self.create_backup(keep, &|_, _| {}).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Replaces the journal with backup `id`, after backing up the current state first.
    pub fn restore_backup(
        &mut self,
        id: i64,
        keep: u32,
        progress: ProgressFn,
    ) -> Result<BackupInfo> {
        let chosen = self
            .backups()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound {
                what: format!("backup {id}"),
            })?;
        let safety = self.create_backup(keep.max(2), &|_, _| {})?;
        let from = Connection::open_with_flags(&chosen.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| {
                Error::io(
                    format!("cannot open the backup {}", chosen.path),
                    std::io::Error::other(e),
                )
            })?;
        self.key_connection(&from)?;
        let ok: String = from
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|_| {
                Error::invalid(
                    "backup",
                    format!("the backup {} cannot be read", chosen.path),
                )
            })?;
        if ok != "ok" {
            return Err(Error::invalid(
                "backup",
                format!("the backup {} is damaged ({ok})", chosen.path),
            ));
        }
        copy(&from, &mut self.conn, progress)?;
        // The backup API's writes are not counted as changes: regenerate bullets next time.
        self.bullets_synced = None;
        super::migrations::migrate(&mut self.conn)?;
        let _ = safety;
        Ok(chosen)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::journal::NoteInput;

    fn journal() -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
        (dir, journal)
    }

    fn note(j: &mut Journal, text: &str) {
        j.add(NoteInput {
            text: text.into(),
            ..Default::default()
        })
        .unwrap();
    }

    #[test]
    fn a_backup_restores_the_journal_as_it_was() {
        let (dir, mut j) = journal();
        note(&mut j, "before the backup");
        let calls = Cell::new(0);
        let backup = j
            .create_backup(10, &|done, total| {
                calls.set(calls.get() + 1);
                assert!(done <= total);
            })
            .unwrap();
        assert!(calls.get() > 0, "progress is reported");
        assert!(Path::new(&backup.path).starts_with(dir.path().join("backups")));
        assert!(backup.bytes > 0);
        note(&mut j, "after the backup");
        assert_eq!(j.list_notes(10).unwrap().len(), 2);

        j.restore_backup(backup.id, 10, &|_, _| {}).unwrap();
        let notes = j.list_notes(10).unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "before the backup");
        assert!(j.integrity_ok().unwrap());
        assert_eq!(
            j.backups().unwrap().len(),
            2,
            "the state before the restore was backed up first"
        );
        // The safety backup holds the note written after the first backup.
        let safety = j.backups().unwrap()[0].id;
        j.restore_backup(safety, 10, &|_, _| {}).unwrap();
        assert_eq!(j.list_notes(10).unwrap().len(), 2);
        drop(j);
        let reopened = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
        assert_eq!(
            reopened.list_notes(10).unwrap().len(),
            2,
            "a restore survives reopening"
        );
    }

    #[test]
    fn backups_rotate_and_the_automatic_one_waits_a_day() {
        let (_dir, j) = journal();
        for _ in 0..5 {
            j.create_backup(3, &|_, _| {}).unwrap();
        }
        let kept = j.backups().unwrap();
        assert_eq!(kept.len(), 3);
        assert!(
            kept.windows(2).all(|w| w[0].id > w[1].id),
            "newest first, distinct ids"
        );
        let now = Utc::now();
        assert!(
            j.backup_if_due(3, now).unwrap().is_none(),
            "one was made moments ago"
        );
        let tomorrow = now + chrono::Duration::hours(25);
        assert!(j.backup_if_due(3, tomorrow).unwrap().is_some());
        assert!(matches!(j.backups().unwrap().len(), 3));
    }

    #[test]
    fn a_damaged_or_missing_backup_is_refused_and_nothing_changes() {
        let (_dir, mut j) = journal();
        note(&mut j, "keep me");
        let backup = j.create_backup(10, &|_, _| {}).unwrap();
        std::fs::write(&backup.path, b"not a database at all").unwrap();
        assert!(j.restore_backup(backup.id, 10, &|_, _| {}).is_err());
        assert!(matches!(
            j.restore_backup(42, 10, &|_, _| {}),
            Err(Error::NotFound { .. })
        ));
        assert_eq!(j.list_notes(10).unwrap()[0].text, "keep me");
    }
}
