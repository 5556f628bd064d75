//! The window face of Career Log: builds the Tauri app around an opened journal.

use std::path::PathBuf;

use careerlog_core::Journal;

use crate::commands::{self, JournalState};

/// Opens the window on the journal at `path` and runs until it is closed.
/// A journal that cannot be opened is reported inside the window, not by a crash.
pub fn run(path: PathBuf) -> Result<(), tauri::Error> {
    let journal = JournalState::new(Journal::open(&path));
    tauri::Builder::default()
        .manage(journal)
        .invoke_handler(tauri::generate_handler![
            commands::settings::app_info,
            commands::settings::settings_get,
            commands::settings::settings_set,
        ])
        .run(tauri::generate_context!())
}
