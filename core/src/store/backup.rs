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
    /// Why it was made; absent for backups made before Career Log recorded it.
    pub reason: Option<BackupReason>,
}

/// Why a backup was made, kept in its file name (`journal-<id>-daily.sqlite3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The engineer asked for it.
    Manual,
    /// The automatic one, made when the newest backup is a day old.
    Daily,
    /// The safety copy of the journal as it was just before a restore replaced it.
    BeforeRestore,
}

impl BackupReason {
    const ALL: [BackupReason; 3] =
        [BackupReason::Manual, BackupReason::Daily, BackupReason::BeforeRestore];

    /// The name's tail after the id: `manual`, `daily`, `before-restore`.
    fn suffix(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Daily => "daily",
            BackupReason::BeforeRestore => "before-restore",
        }
    }
}

/// How many entries of one kind a journal held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EntryCount {
    pub kind: crate::journal::EntryKind,
    pub count: u32,
}

/// What a restore did: the backup put back (its fields flattened, as before), what the
/// journal holds now, and the safety copy of what it held just before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoredBackup {
    #[serde(flatten)]
    pub backup: BackupInfo,
    /// Entries by kind as restored, the kinds with none left out.
    pub entries: Vec<EntryCount>,
    /// All entries as restored.
    pub entry_count: u32,
    /// The "before restore" backup: restoring it undoes this restore.
    pub safety: BackupInfo,
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
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or("journal");
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
                let (id, reason) = parse_name(name.strip_prefix(&prefix)?)?;
                let created = Utc.timestamp_millis_opt(id).single()?;
                Some(BackupInfo {
                    id,
                    path: entry.path().display().to_string(),
                    created_at: created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                    reason,
                })
            })
            .collect();
        backups.sort_by_key(|b| std::cmp::Reverse(b.id));
        Ok(backups)
    }

    /// Copies the journal into a new backup the engineer asked for, then keeps only the
    /// newest `keep`.
    pub fn create_backup(&self, keep: u32, progress: ProgressFn) -> Result<BackupInfo> {
        self.backup_for(BackupReason::Manual, keep, progress)
    }

    /// Copies the journal into a new backup made for `reason`, then keeps the newest `keep`.
    pub fn backup_for(
        &self,
        reason: BackupReason,
        keep: u32,
        progress: ProgressFn,
    ) -> Result<BackupInfo> {
        let dir = self.backup_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        // Milliseconds name the file; two backups in one millisecond wait a moment.
        let mut id = Utc::now().timestamp_millis();
        while self.backups()?.iter().any(|b| b.id >= id) {
            id += 1;
        }
        let name = format!("{}{id}-{}.sqlite3", self.backup_prefix(), reason.suffix());
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
            .ok_or_else(|| Error::NotFound { what: format!("backup {id}") })
    }

    /// Makes a backup when the newest is older than a day (or there is none).
    pub fn backup_if_due(&self, keep: u32, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
        let newest = self.backups()?.into_iter().next();
        let due = newest
            .is_none_or(|b| now.timestamp_millis() - b.id >= AUTOMATIC_EVERY.as_millis() as i64);
        if due {
            self.backup_for(BackupReason::Daily, keep, &|_, _| {}).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Replaces the journal with backup `id`, after backing up the current state first;
    /// says what the journal now holds and which backup undoes the restore.
    pub fn restore_backup(
        &mut self,
        id: i64,
        keep: u32,
        progress: ProgressFn,
    ) -> Result<RestoredBackup> {
        let chosen = self
            .backups()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound { what: format!("backup {id}") })?;
        let safety = self.backup_for(BackupReason::BeforeRestore, keep.max(2), &|_, _| {})?;
        let from = Connection::open_with_flags(&chosen.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| {
                Error::io(
                    format!("cannot open the backup {}", chosen.path),
                    std::io::Error::other(e),
                )
            })?;
        self.key_connection(&from)?;
        let ok: String =
            from.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|_| {
                Error::invalid("backup", format!("the backup {} cannot be read", chosen.path))
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
        let entries = self.entry_counts()?;
        Ok(RestoredBackup {
            backup: chosen,
            entry_count: entries.iter().map(|e| e.count).sum(),
            entries,
            safety,
        })
    }

    /// How many entries of each kind the journal holds, in the kinds' usual order.
    pub fn entry_counts(&self) -> Result<Vec<EntryCount>> {
        let mut statement =
            self.conn.prepare_cached("SELECT kind, count(*) FROM entries GROUP BY kind")?;
        let counted: Vec<(String, u32)> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(crate::journal::EntryKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let (_, count) = counted.iter().find(|(k, _)| k == kind.as_str())?;
                Some(EntryCount { kind, count: *count })
            })
            .collect())
    }
}

/// The id and reason in a backup's file name after the journal's prefix: `<id>.sqlite3`
/// (made before reasons were kept) or `<id>-<reason>.sqlite3`; anything else is not ours.
fn parse_name(rest: &str) -> Option<(i64, Option<BackupReason>)> {
    let stem = rest.strip_suffix(".sqlite3")?;
    let (id, reason) = match stem.split_once('-') {
        None => (stem, None),
        Some((id, suffix)) => {
            let reason = BackupReason::ALL.into_iter().find(|r| r.suffix() == suffix)?;
            (id, Some(reason))
        }
    };
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((id.parse().ok()?, reason))
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::journal::NoteInput;

    use crate::test_support::journal;

    fn note(j: &mut Journal, text: &str) {
        j.add(NoteInput { text: text.into(), ..Default::default() }).unwrap();
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
        assert_eq!(reopened.list_notes(10).unwrap().len(), 2, "a restore survives reopening");
    }

    #[test]
    fn backups_rotate_and_the_automatic_one_waits_a_day() {
        let (_dir, j) = journal();
        for _ in 0..5 {
            j.create_backup(3, &|_, _| {}).unwrap();
        }
        let kept = j.backups().unwrap();
        assert_eq!(kept.len(), 3);
        assert!(kept.windows(2).all(|w| w[0].id > w[1].id), "newest first, distinct ids");
        let now = Utc::now();
        assert!(j.backup_if_due(3, now).unwrap().is_none(), "one was made moments ago");
        let tomorrow = now + chrono::Duration::hours(25);
        assert!(j.backup_if_due(3, tomorrow).unwrap().is_some());
        assert!(matches!(j.backups().unwrap().len(), 3));
    }

    /// Each backup says why it was made; a restore says what came back and from when, and
    /// names the "before restore" copy that undoes it.
    #[test]
    fn backups_say_why_and_a_restore_says_what_it_restored() {
        let (dir, mut j) = journal();
        note(&mut j, "first");
        let project = j
            .add(crate::journal::ProjectInput {
                title: "Checkout rewrite".into(),
                ..Default::default()
            })
            .unwrap();
        let manual = j.create_backup(10, &|_, _| {}).unwrap();
        assert_eq!(manual.reason, Some(BackupReason::Manual));
        assert!(manual.path.ends_with("-manual.sqlite3"), "{}", manual.path);
        let later = Utc::now() + chrono::Duration::hours(25);
        let daily = j.backup_if_due(10, later).unwrap().unwrap();
        assert_eq!(daily.reason, Some(BackupReason::Daily));
        note(&mut j, "second");
        note(&mut j, "third");

        let restored = j.restore_backup(manual.id, 10, &|_, _| {}).unwrap();
        assert_eq!(restored.backup, manual, "the backup's own fields, as before");
        assert_eq!(restored.backup.created_at, manual.created_at);
        use crate::journal::EntryKind;
        assert_eq!(
            restored.entries,
            vec![
                EntryCount { kind: EntryKind::Project, count: 1 },
                EntryCount { kind: EntryKind::Note, count: 1 },
            ]
        );
        assert_eq!(restored.entry_count, 2);
        assert_eq!(restored.safety.reason, Some(BackupReason::BeforeRestore));
        let json = serde_json::to_value(&restored).unwrap();
        for field in ["id", "path", "created_at", "bytes", "reason", "entries", "safety"] {
            assert!(json.get(field).is_some(), "{field}");
        }
        assert_eq!(json["reason"], "manual");
        assert_eq!(json["safety"]["reason"], "before_restore");

        let listed: Vec<Option<BackupReason>> =
            j.backups().unwrap().iter().map(|b| b.reason).collect();
        assert_eq!(
            listed,
            vec![
                Some(BackupReason::BeforeRestore),
                Some(BackupReason::Daily),
                Some(BackupReason::Manual)
            ]
        );
        let undone = j.restore_backup(restored.safety.id, 10, &|_, _| {}).unwrap();
        assert_eq!(undone.entry_count, 4, "the safety copy held the notes written after");
        assert!(j.entry::<crate::journal::Project>(project.id).is_ok());

        // A backup from before reasons were kept still lists (and restores), unlabelled;
        // files that only look alike are not taken for backups.
        let old = dir.path().join("backups/journal-1700000000000.sqlite3");
        std::fs::copy(&manual.path, &old).unwrap();
        for stranger in
            ["journal-12-weekly.sqlite3", "journal-x-manual.sqlite3", "journal--manual.sqlite3"]
        {
            std::fs::write(dir.path().join("backups").join(stranger), b"").unwrap();
        }
        let all = j.backups().unwrap();
        assert_eq!(all.len(), 5);
        let oldest = all.last().unwrap();
        assert_eq!((oldest.id, oldest.reason), (1_700_000_000_000, None));
        let json = serde_json::to_value(oldest).unwrap();
        assert_eq!(json["reason"], serde_json::Value::Null);
        assert_eq!(j.restore_backup(oldest.id, 10, &|_, _| {}).unwrap().entry_count, 2);
    }

    #[test]
    fn a_damaged_or_missing_backup_is_refused_and_nothing_changes() {
        let (_dir, mut j) = journal();
        note(&mut j, "keep me");
        let backup = j.create_backup(10, &|_, _| {}).unwrap();
        std::fs::write(&backup.path, b"not a database at all").unwrap();
        assert!(j.restore_backup(backup.id, 10, &|_, _| {}).is_err());
        assert!(matches!(j.restore_backup(42, 10, &|_, _| {}), Err(Error::NotFound { .. })));
        assert_eq!(j.list_notes(10).unwrap()[0].text, "keep me");
    }
}
