//! Encryption at rest with SQLCipher: the journal file, its WAL and its backups hold no
//! plain text. Turning encryption on, off, or changing the passphrase rewrites the journal
//! through `sqlcipher_export` into a new file that then replaces the old one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use super::{Journal, ProgressFn};
use crate::{Error, Result};

/// How often a conversion in progress is measured for its progress bar.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Progress through a conversion in kibibytes: of all the files to rewrite (the journal
/// and its backups), how much has been written so far.
struct Work<'a> {
    done: u64,
    total: u64,
    progress: ProgressFn<'a>,
}

fn kib(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}

impl Work<'_> {
    fn report(&self, extra: u64) {
        let done = (self.done + extra).min(self.total);
        let clip = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        (self.progress)(clip(done), clip(self.total));
    }

    /// Exports `conn` into `to` on a worker thread while this one reports how far the new
    /// file has grown against the old one's `size`; gives the connection back.
    fn export(
        &mut self,
        conn: Connection,
        to: &Path,
        key: Option<&str>,
        size: u64,
    ) -> (Connection, Result<()>) {
        let (conn, result) = std::thread::scope(|scope| {
            let worker = scope.spawn(move || {
                let result = export(&conn, to, key);
                (conn, result)
            });
            while !worker.is_finished() {
                let written = std::fs::metadata(to).map_or(0, |m| m.len());
                self.report(kib(written).min(size));
                std::thread::sleep(PROGRESS_EVERY);
            }
            worker.join()
        })
        .unwrap_or_else(|_| {
            // The connection went with the thread; the caller reopens the file.
            let lost = Connection::open_in_memory().expect("an in-memory database opens");
            let stopped = std::io::Error::other("its worker stopped unexpectedly");
            (lost, Err(Error::io("the conversion did not finish", stopped)))
        });
        self.done += size;
        self.report(0);
        (conn, result)
    }
}

/// The shortest passphrase accepted: long enough not to be guessed in an afternoon.
pub const MIN_PASSPHRASE: usize = 8;

pub(crate) fn apply_key(conn: &Connection, key: &str) -> Result<()> {
    conn.pragma_update(None, "key", key)?;
    Ok(())
}

/// A plain SQLite file starts with its magic header; a SQLCipher file is whole pages of
/// what looks like noise. Text or other files are neither.
pub(crate) fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let whole_pages = std::fs::metadata(path).is_ok_and(|m| m.len() >= 1024 && m.len() % 512 == 0);
    let mut header = [0u8; 64];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    let noisy = header.iter().any(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()));
    whole_pages && read.is_ok() && &header[..16] != b"SQLite format 3\0" && noisy
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Error::invalid(
            "passphrase",
            format!("use at least {MIN_PASSPHRASE} characters"),
        ));
    }
    Ok(())
}

fn sidecars(path: &Path) -> [PathBuf; 2] {
    let name = path.as_os_str().to_owned();
    let with = |suffix: &str| {
        let mut n = name.clone();
        n.push(suffix);
        PathBuf::from(n)
    };
    [with("-wal"), with("-shm")]
}

/// Copies the database open on `from` into a new file at `to`, keyed with `key` ("" for
/// plain), keeping its schema version and application id.
fn export(from: &Connection, to: &Path, key: Option<&str>) -> Result<()> {
    let _ = std::fs::remove_file(to);
    from.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        rusqlite::params![to.display().to_string(), key.unwrap_or("")],
    )?;
    let copied = (|| {
        from.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        let version: i64 = from.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        let id: i64 = from.query_row("PRAGMA main.application_id", [], |r| r.get(0))?;
        from.execute_batch(&format!(
            "PRAGMA converted.user_version = {version}; PRAGMA converted.application_id = {id};"
        ))?;
        Ok::<_, rusqlite::Error>(())
    })();
    from.execute("DETACH DATABASE converted", [])?;
    copied.map_err(Error::from)
}

impl Journal {
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Encrypts the journal with `next`, changes its passphrase, or (with `None`) stores it
    /// in the clear again; its backups are converted the same way. `current` must match.
    pub fn set_passphrase(&mut self, current: Option<&str>, next: Option<&str>) -> Result<()> {
        self.set_passphrase_with(current, next, &|_, _| {})
    }

    /// `set_passphrase`, reporting progress as (done, total) kibibytes of the journal and
    /// its backups rewritten, for a progress bar on a large journal.
    pub fn set_passphrase_with(
        &mut self,
        current: Option<&str>,
        next: Option<&str>,
        progress: ProgressFn,
    ) -> Result<()> {
        if self.key.as_deref() != current.filter(|c| !c.is_empty()) {
            return Err(match self.key {
                Some(_) => Error::invalid("current", "the current passphrase is not right"),
                None => Error::invalid("current", "this journal has no passphrase yet"),
            });
        }
        if let Some(next) = next {
            check_passphrase(next)?;
        }
        let converted = self.path.with_extension("converting.partial");
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let size = |path: &Path| kib(std::fs::metadata(path).map_or(0, |m| m.len()));
        let backups = self.backups()?;
        let own = size(&self.path);
        let mut work = Work {
            done: 0,
            total: own + backups.iter().map(|b| size(Path::new(&b.path))).sum::<u64>(),
            progress,
        };
        work.report(0);
        let conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let (conn, exported) = work.export(conn, &converted, next, own);
        if let Err(error) = exported {
            // The journal file is untouched: open it again as it was.
            drop(conn);
            let _ = std::fs::remove_file(&converted);
            let key = self.key.clone();
            *self = Journal::open_with(&self.path, key.as_deref())?;
            return Err(error);
        }
        // The old file goes only once the new one is complete.
        drop(conn);
        for sidecar in sidecars(&self.path) {
            let _ = std::fs::remove_file(sidecar);
        }
        std::fs::rename(&converted, &self.path)
            .map_err(|e| Error::io(format!("cannot replace {}", self.path.display()), e))?;
        let reopened = Journal::open_with(&self.path, next)?;
        let previous_key = self.key.clone();
        *self = reopened;
        self.convert_backups(previous_key.as_deref(), next, &mut work)
    }

    /// Rewrites every backup under the new passphrase, so none stays readable without it.
    fn convert_backups(
        &self,
        previous: Option<&str>,
        next: Option<&str>,
        work: &mut Work,
    ) -> Result<()> {
        for backup in self.backups()? {
            let path = PathBuf::from(&backup.path);
            let from = Connection::open(&path)?;
            if let Some(key) = previous {
                apply_key(&from, key)?;
            }
            let converted = path.with_extension("converting.partial");
            let size = kib(std::fs::metadata(&path).map_or(0, |m| m.len()));
            let (from, exported) = work.export(from, &converted, next, size);
            exported?;
            drop(from);
            std::fs::rename(&converted, &path)
                .map_err(|e| Error::io(format!("cannot replace {}", path.display()), e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::NoteInput;

    const SECRET: &str = "Salary negotiation notes ZEBRA-7731";

    fn files_hold(dir: &Path, needle: &[u8]) -> Vec<String> {
        let mut hits = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle) {
                    hits.push(path.display().to_string());
                }
            }
        }
        hits
    }

    /// Turning encryption on and off reports progress across the journal and its backups,
    /// never going backwards and ending at the total.
    #[test]
    fn encryption_reports_its_progress() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut j = Journal::open(&path).unwrap();
        for n in 0..400 {
            j.add(NoteInput {
                text: format!("{n} {}", "a week of notes on the checkout rewrite ".repeat(20)),
                ..Default::default()
            })
            .unwrap();
        }
        j.create_backup(5, &|_, _| {}).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        j.set_passphrase_with(None, Some("correct horse battery"), &|done, total| {
            seen.borrow_mut().push((done, total))
        })
        .unwrap();
        let seen = seen.into_inner();
        assert!(seen.len() >= 3, "{seen:?}");
        let total = seen[0].1;
        assert!(total > 400, "the journal and its backup are counted: {total} KiB");
        assert!(seen.iter().all(|(done, t)| *t == total && done <= t));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        assert_eq!(*seen.last().unwrap(), (total, total));
        assert_eq!(j.list_notes(1_000).unwrap().len(), 400);

        let calls = std::cell::Cell::new(0);
        j.set_passphrase_with(Some("correct horse battery"), None, &|_, _| {
            calls.set(calls.get() + 1)
        })
        .unwrap();
        assert!(calls.get() >= 3);
        assert!(!j.is_encrypted());
        assert_eq!(j.list_notes(1_000).unwrap().len(), 400);
    }

    #[test]
    fn an_encrypted_journal_holds_no_plain_text_anywhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut j = Journal::open(&path).unwrap();
        j.add(NoteInput { text: SECRET.into(), ..Default::default() }).unwrap();
        j.create_backup(5, &|_, _| {}).unwrap();
        assert!(!files_hold(dir.path(), SECRET.as_bytes()).is_empty(), "plain at first");

        j.set_passphrase(None, Some("correct horse battery")).unwrap();
        assert!(j.is_encrypted());
        j.add(NoteInput { text: format!("{SECRET} again"), ..Default::default() }).unwrap();
        j.create_backup(5, &|_, _| {}).unwrap();
        assert_eq!(j.list_notes(10).unwrap().len(), 2, "nothing lost in the conversion");
        // With the journal still open, its WAL holds the latest write.
        assert_eq!(files_hold(dir.path(), SECRET.as_bytes()), Vec::<String>::new());
        assert_eq!(files_hold(dir.path(), b"SQLite format 3"), Vec::<String>::new());
        drop(j);

        assert!(matches!(Journal::open(&path), Err(Error::PassphraseNeeded)));
        assert!(matches!(
            Journal::open_with(&path, Some("wrong horse")),
            Err(Error::WrongPassphrase)
        ));
        let mut j = Journal::open_with(&path, Some("correct horse battery")).unwrap();
        assert_eq!(j.list_notes(10).unwrap().len(), 2);
        assert!(j.integrity_ok().unwrap());

        // A backup of the encrypted journal restores under the same passphrase.
        let oldest = j.backups().unwrap().last().unwrap().id;
        j.restore_backup(oldest, 5, &|_, _| {}).unwrap();
        assert_eq!(j.list_notes(10).unwrap().len(), 1);

        // Changing and removing the passphrase keep everything.
        assert!(matches!(
            j.set_passphrase(Some("nope"), Some("another one!")),
            Err(Error::Invalid { .. })
        ));
        assert!(matches!(
            j.set_passphrase(Some("correct horse battery"), Some("short")),
            Err(Error::Invalid { .. })
        ));
        j.set_passphrase(Some("correct horse battery"), Some("another long one")).unwrap();
        j.set_passphrase(Some("another long one"), None).unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert!(!j.is_encrypted());
        assert_eq!(j.list_notes(10).unwrap()[0].text, SECRET);
    }
}
