//! Encryption at rest with SQLCipher: the journal file, its WAL and its backups hold no
//! plain text. Turning encryption on, off, or changing the passphrase rewrites the journal
//! through `sqlcipher_export` into a new file that then replaces the old one.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::Journal;
use crate::{Error, Result};

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
    let noisy = header
        .iter()
        .any(|b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()));
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
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        export(&self.conn, &converted, next)?;
        // The old file goes only once the new one is complete.
        let placeholder = Connection::open_in_memory()?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        drop(old);
        for sidecar in sidecars(&self.path) {
            let _ = std::fs::remove_file(sidecar);
        }
        std::fs::rename(&converted, &self.path)
            .map_err(|e| Error::io(format!("cannot replace {}", self.path.display()), e))?;
        let reopened = Journal::open_with(&self.path, next)?;
        let previous_key = self.key.clone();
        *self = reopened;
        self.convert_backups(previous_key.as_deref(), next)
    }

    /// Rewrites every backup under the new passphrase, so none stays readable without it.
    fn convert_backups(&self, previous: Option<&str>, next: Option<&str>) -> Result<()> {
        for backup in self.backups()? {
            let path = PathBuf::from(&backup.path);
            let from = Connection::open(&path)?;
            if let Some(key) = previous {
                apply_key(&from, key)?;
            }
            let converted = path.with_extension("converting.partial");
            export(&from, &converted, next)?;
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
                } else if std::fs::read(&path)
                    .unwrap()
                    .windows(needle.len())
                    .any(|w| w == needle)
                {
                    hits.push(path.display().to_string());
                }
            }
        }
        hits
    }

    #[test]
    fn an_encrypted_journal_holds_no_plain_text_anywhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.sqlite3");
        let mut j = Journal::open(&path).unwrap();
        j.add(NoteInput {
            text: SECRET.into(),
            ..Default::default()
        })
        .unwrap();
        j.create_backup(5, &|_, _| {}).unwrap();
        assert!(
            !files_hold(dir.path(), SECRET.as_bytes()).is_empty(),
            "plain at first"
        );

        j.set_passphrase(None, Some("correct horse battery"))
            .unwrap();
        assert!(j.is_encrypted());
        j.add(NoteInput {
            text: format!("{SECRET} again"),
            ..Default::default()
        })
        .unwrap();
        j.create_backup(5, &|_, _| {}).unwrap();
        assert_eq!(
            j.list_notes(10).unwrap().len(),
            2,
            "nothing lost in the conversion"
        );
        // With the journal still open, its WAL holds the latest write.
        assert_eq!(
            files_hold(dir.path(), SECRET.as_bytes()),
            Vec::<String>::new()
        );
        assert_eq!(
            files_hold(dir.path(), b"SQLite format 3"),
            Vec::<String>::new()
        );
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
        j.set_passphrase(Some("correct horse battery"), Some("another long one"))
            .unwrap();
        j.set_passphrase(Some("another long one"), None).unwrap();
        drop(j);
        let j = Journal::open(&path).unwrap();
        assert!(!j.is_encrypted());
        assert_eq!(j.list_notes(10).unwrap()[0].text, SECRET);
    }
}
