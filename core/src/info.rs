//! What the window shows about the running app and its journal file.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub journal_path: String,
    pub schema_version: u32,
    pub sqlite_version: String,
    /// The journal is encrypted at rest (SQLCipher).
    pub encrypted: bool,
}

/// What the window's first screen needs, handed to the page with its initialization script
/// so Home draws without waiting for three IPC round trips.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Boot {
    pub info: AppInfo,
    pub settings: crate::Settings,
    pub overview: crate::journal::JournalOverview,
}
