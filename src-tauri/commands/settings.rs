//! Settings section: the app and journal facts, and the user's preferences.

use careerlog_core::{AppInfo, IpcError, Settings};
use tauri::State;

use super::JournalState;

#[tauri::command]
pub async fn app_info(journal: State<'_, JournalState>) -> Result<AppInfo, IpcError> {
    journal.run(|j| j.info()).await
}

#[tauri::command]
pub async fn settings_get(journal: State<'_, JournalState>) -> Result<Settings, IpcError> {
    journal.run(|j| j.settings()).await
}

#[tauri::command]
pub async fn settings_set(
    journal: State<'_, JournalState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    journal.run(move |j| j.save_settings(&settings)).await
}
