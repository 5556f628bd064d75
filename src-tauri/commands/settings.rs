//! Settings section: the app and journal facts, and the user's preferences.

use careerlog_core::store::CopyProgress;
use careerlog_core::{AppInfo, Form, IpcError, Settings};
use tauri::State;

use super::backup::BackupProgress;
use super::JournalState;
use careerlog_core::rendering::RenderingInUse;

use crate::rendering::RenderingState;
use crate::startup::Startup;

/// Kibibytes rewritten and in total while encryption is turned on, off or changed; `None`
/// when no conversion runs. The same shape as a backup's progress.
#[derive(Default, Clone)]
pub struct EncryptionProgress(BackupProgress);

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
    rendering: State<'_, RenderingState>,
    origin: Option<f64>,
    marks: Option<Vec<(String, f64)>>,
) {
    startup.reached("painted");
    if let (Some(origin), Some(marks)) = (origin, marks) {
        startup.ui_marks(origin, &marks);
    }
    let exit = crate::startup::exit_after_paint();
    if exit || crate::startup::log_startup() {
        let choice = rendering.in_use().choice;
        eprintln!("{}", startup.report());
        eprintln!(
            "careerlog: rendering {} ({}: {})",
            choice.path.as_str(),
            choice.source.as_str(),
            choice.reason
        );
    }
    if exit {
        app.exit(0);
    }
}

/// The rendering path the window took at start, for Settings.
#[tauri::command]
pub fn rendering_in_use(state: State<'_, RenderingState>) -> RenderingInUse {
    state.in_use()
}

journal_commands! {
    settings_get() -> Settings = |j| j.settings();

    settings_set(settings: Form<Settings>) -> Settings = |j| j.save_settings(&settings.decode()?);

    /// "Later" on the first-run questions, kept in the journal's settings.
    first_run_put_off() -> Settings = |j| j.put_off_first_run();
}

/// Turns encryption on (`current` null), changes the passphrase, or turns it off (`next`
/// null); the journal and its backups are rewritten without loss, with progress polled
/// through `encryption_progress`.
#[tauri::command]
pub async fn encryption_set(
    journal: State<'_, JournalState>,
    progress: State<'_, EncryptionProgress>,
    current: Option<String>,
    next: Option<String>,
) -> Result<AppInfo, IpcError> {
    let shared = progress.0.clone();
    let result = journal
        .run(move |j| {
            j.set_passphrase_with(current.as_deref(), next.as_deref(), &|done, total| {
                shared.set(Some((done, total)))
            })?;
            j.info()
        })
        .await;
    progress.0.set(None);
    result
}

/// How far turning encryption on or off is, in kibibytes; null when none runs.
#[tauri::command]
pub fn encryption_progress(progress: State<'_, EncryptionProgress>) -> Option<CopyProgress> {
    progress.0.get()
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
