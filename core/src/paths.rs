//! Where the journal lives when the user names no file: the platform data dir
//! (`$XDG_DATA_HOME/careerlog/journal.sqlite3` on Linux).

use std::path::PathBuf;

use crate::{Error, Result};

pub const APP_DIR: &str = "careerlog";
pub const JOURNAL_FILE: &str = "journal.sqlite3";

/// The default journal file; its folder is created by `Journal::open`.
pub fn default_journal_path() -> Result<PathBuf> {
    let base = dirs::data_dir().ok_or_else(|| {
        Error::io(
            "no data directory for this user (set HOME or XDG_DATA_HOME, or pass --db PATH)",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })?;
    Ok(base.join(APP_DIR).join(JOURNAL_FILE))
}
