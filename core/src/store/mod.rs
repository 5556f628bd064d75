//! The journal file: opening it safely, its pragmas and its migrations.
//! All SQL of the core lives under this module, next to the migration that made its table.

mod backup;
mod bullets;
mod capture;
mod demo;
mod encryption;
mod guides;
mod habit;
pub(crate) mod journal;
mod migrations;
mod packet;
mod people;
mod readiness;
mod search;
mod settings;
mod stories;
mod transfer;
mod trash;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::{AppInfo, Error, Result};

pub use backup::{
    BackupInfo, BackupReason, CopyProgress, EntryCount, ProgressFn, RestoredBackup,
    AUTOMATIC_EVERY, DEFAULT_KEEP,
};
pub use encryption::MIN_PASSPHRASE;
pub use guides::{Check, Cycle};
pub use habit::{review_title, NoteTemplate, TemplateSource, MAX_TEMPLATES};
pub use journal::{best_metric, Record};
pub use migrations::SCHEMA_VERSION;

/// Marks a SQLite file as a Career Log journal ("CLog"), so a foreign database is refused.
pub const APPLICATION_ID: i32 = 0x434C_6F67;

/// An open journal: one SQLite connection in WAL mode with foreign keys on.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// The passphrase of an encrypted journal; `None` for a plain one.
    key: Option<String>,
    /// The write state (`data_version`, `total_changes`) the bullets were last brought up
    /// to date at, so an export of an unchanged journal skips regeneration.
    bullets_synced: Option<(i64, u64)>,
}

impl Journal {
    /// Opens the journal at `path`, creating it (and its folder) when missing and
    /// migrating it to the current schema. A file from a newer Career Log, or one that
    /// is not a journal, is refused before anything is written to it.
    pub fn open(path: impl AsRef<Path>) -> Result<Journal> {
        Journal::open_with(path, None)
    }

    /// Opens the journal with its passphrase when it is encrypted (see `encryption.rs`).
    pub fn open_with(path: impl AsRef<Path>, passphrase: Option<&str>) -> Result<Journal> {
        let path = path.as_ref().to_path_buf();
        let key = passphrase.filter(|p| !p.is_empty()).map(str::to_string);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
        }
        if path.is_dir() {
            return Err(not_a_journal(&path, "it is a folder"));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let classify = |e| classify(&path, key.is_some(), e);
        let conn = Connection::open_with_flags(&path, flags).map_err(classify)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // The store has over a hundred cached statements; rusqlite keeps 16 by default,
        // so the window's usual round (Home, list, project, search) would re-prepare.
        conn.set_prepared_statement_cache_capacity(128);
        // Refusals are reported as errors of ours; SQLCipher need not log them to stderr.
        conn.execute_batch("PRAGMA cipher_log_level = NONE;").map_err(classify)?;
        if let Some(key) = &key {
            encryption::apply_key(&conn, key)?;
        }

        inspect(&conn, &path, key.is_some())?;
        // Only now, with the file known to be ours and not newer, may anything be written.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(classify)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate_connection(&conn).map_err(|e| match e {
            Error::Storage(e) => classify(e),
            other => other,
        })?;
        // A migration that changed what the index holds leaves it empty to be refilled.
        search::fill_empty_index(&conn)?;
        let journal = Journal { conn, path: path.clone(), key, bullets_synced: None };
        Ok(journal)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32> {
        migrations::user_version(&self.conn)
    }

    pub fn info(&self) -> Result<AppInfo> {
        Ok(AppInfo {
            version: crate::VERSION.to_string(),
            journal_path: self.path.display().to_string(),
            schema_version: self.schema_version()?,
            sqlite_version: rusqlite::version().to_string(),
            encrypted: self.key.is_some(),
        })
    }

    /// The journal facts, settings and Home's overview, read together for the window's start.
    pub fn boot(&self) -> Result<crate::info::Boot> {
        Ok(crate::info::Boot {
            info: self.info()?,
            settings: self.settings()?,
            overview: self.overview()?,
        })
    }

    /// Applies the journal's key to another connection (a backup being written or read).
    pub(crate) fn key_connection(&self, conn: &Connection) -> Result<()> {
        match &self.key {
            Some(key) => encryption::apply_key(conn, key),
            None => Ok(()),
        }
    }

    /// Runs SQLite's own consistency check; `true` when the file is sound.
    pub fn integrity_ok(&self) -> Result<bool> {
        let verdict: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(verdict == "ok")
    }
}

/// Refuses a file that is not a Career Log journal or was written by a newer version.
/// Every row `sql` finds, each read by `row`.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    values: impl rusqlite::Params,
    row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let found = statement.query_map(values, row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

fn inspect(conn: &Connection, path: &Path, keyed: bool) -> Result<()> {
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let application_id = read("PRAGMA application_id").map_err(|e| classify(path, keyed, e))?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_schema")?;
    if application_id != i64::from(APPLICATION_ID) && (application_id != 0 || tables > 0) {
        return Err(not_a_journal(path, "it is a SQLite database of another program"));
    }
    let found = u32::try_from(version).unwrap_or(u32::MAX);
    if found > SCHEMA_VERSION {
        return Err(Error::NewerJournal { found, supported: SCHEMA_VERSION });
    }
    Ok(())
}

fn not_a_journal(path: &Path, reason: &str) -> Error {
    Error::NotAJournal { path: path.display().to_string(), reason: reason.to_string() }
}

/// Turns SQLite's codes for a foreign or busy file into errors a user can act on.
fn classify(path: &Path, keyed: bool, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if keyed => Error::WrongPassphrase,
        // A SQLCipher file looks like random bytes: no SQLite header.
        Some(ErrorCode::NotADatabase) if encryption::looks_encrypted(path) => {
            Error::PassphraseNeeded
        }
        Some(ErrorCode::NotADatabase) => not_a_journal(path, "it is not a SQLite file"),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked,
        Some(ErrorCode::CannotOpen) => Error::io(
            format!("cannot open {}", path.display()),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        ),
        _ => Error::Storage(error),
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod journal_tests;

#[cfg(test)]
mod stories_tests;

#[cfg(test)]
mod transfer_tests;

#[cfg(test)]
mod search_tests;

#[cfg(test)]
mod habit_tests;
#[cfg(test)]
mod markdown_tests;
#[cfg(test)]
mod packet_tests;
#[cfg(test)]
mod people_tests;
