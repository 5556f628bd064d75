//! Settings section: the app and journal facts, and the user's preferences.

use careerlog_core::{AppInfo, Form, IpcError, Settings};
use tauri::State;

use super::JournalState;
use crate::startup::Startup;

#[tauri::command]
pub async fn app_info(
    journal: State<'_, JournalState>,
    startup: State<'_, Startup>,
) -> Result<AppInfo, IpcError> {
    let info = journal.run(|j| j.info()).await;
    startup.reached("first IPC answered");
    info
}

/// The UI drew Home with the journal's data: log the start-up phases (with the web view's
/// own marks: `origin` is its `performance.timeOrigin`), and exit when the start-up probe
/// asked for it.
#[tauri::command]
pub fn startup_painted<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    startup: State<'_, Startup>,
    origin: Option<f64>,
    marks: Option<Vec<(String, f64)>>,
) {
    startup.reached("painted");
    if let (Some(origin), Some(marks)) = (origin, marks) {
        startup.ui_marks(origin, &marks);
    }
    if crate::startup::exit_after_paint() {
        eprintln!("{}", startup.report());
        app.exit(0);
    } else if crate::startup::log_startup() {
        eprintln!("{}", startup.report());
    }
}

journal_commands! {
    settings_get() -> Settings = |j| j.settings();

    settings_set(settings: Form<Settings>) -> Settings = |j| j.save_settings(&settings.decode()?);

    /// Turns encryption on (`current` null), changes the passphrase, or turns it off (`next`
    /// null); the journal and its backups are rewritten without loss.
    encryption_set(current: Option<String>, next: Option<String>) -> AppInfo = |j| {
        j.set_passphrase(current.as_deref(), next.as_deref())?;
        j.info()
    };
}

/// Opens an encrypted journal with its passphrase; the journal's facts when it opens.
#[tauri::command]
pub async fn journal_unlock(
    journal: State<'_, JournalState>,
    passphrase: String,
) -> Result<AppInfo, IpcError> {
    journal.unlock(passphrase).await?;
    journal.run(|j| j.info()).await
}
