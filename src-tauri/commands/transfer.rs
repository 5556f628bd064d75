//! Settings section, the journal's data: export and import whole journals, import jrnl.

use careerlog_core::transfer::ImportReport;
use careerlog_core::{Error, IpcError};
use serde::Deserialize;
use tauri::{AppHandle, Runtime, State};

use super::JournalState;

/// Saves the whole journal as one JSON document through the native save dialog.
#[tauri::command]
pub async fn journal_export_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
) -> Result<Option<String>, IpcError> {
    let document = journal.run(|j| j.export_journal()).await?;
    let bytes = serde_json::to_vec_pretty(&document).expect("the journal serialises");
    super::files::save(&app, "career-log-journal.json", ("Career Log journal", &["json"]), bytes)
        .await
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    Journal,
    Jrnl,
}

/// Asks for a file and imports it, all or nothing; null when the engineer cancels.
#[tauri::command]
pub async fn journal_import_pick<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    source: ImportSource,
) -> Result<Option<ImportReport>, IpcError> {
    let Some(path) = super::files::pick(&app, ("JSON", &["json"])).await? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path)
        .map_err(|e| IpcError::from(Error::io(format!("cannot read {}", path.display()), e)))?;
    journal
        .run(move |j| match source {
            ImportSource::Journal => j.import_journal(&bytes),
            ImportSource::Jrnl => j.import_jrnl(&bytes),
        })
        .await
        .map(Some)
}
