//! Settings section and the first run, the journal's data: export and import whole
//! journals and jrnl files; import from other tools (JSON Resume, LinkedIn, Day One, a
//! Markdown folder) in two steps: a preview of what the source holds, then on
//! confirmation the same merge, committed.

use std::sync::{Arc, Mutex};

use careerlog_core::transfer::import::{self, ImportPlan, ImportPreview, ImportProgress};
use careerlog_core::transfer::markdown::MarkdownExport;
use careerlog_core::transfer::ImportReport;
use careerlog_core::{Error, ErrorKind, IpcError};
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

#[derive(Default)]
struct Pending {
    /// Set while a source is being read.
    reading: Option<ImportProgress>,
    /// The source read and previewed, waiting for the engineer's confirmation.
    plan: Option<(ImportPlan, String)>,
}

/// The import between its preview and its confirmation.
#[derive(Default, Clone)]
pub struct ImportState(Arc<Mutex<Pending>>);

impl ImportState {
    fn with<T>(&self, f: impl FnOnce(&mut Pending) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Asks for the source (a file, or a folder for Markdown), reads it and says what
/// importing it would do; null when the engineer cancels. Nothing is written yet.
#[tauri::command]
pub async fn import_preview<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    imports: State<'_, ImportState>,
    source: import::ImportSource,
) -> Result<Option<ImportPreview>, IpcError> {
    let chosen = match source {
        import::ImportSource::Markdown => super::files::pick_folder(&app).await?,
        import::ImportSource::Linkedin => {
            super::files::pick(&app, ("LinkedIn data export", &["zip"])).await?
        }
        import::ImportSource::Dayone => {
            super::files::pick(&app, ("Day One export", &["zip", "json"])).await?
        }
        _ => super::files::pick(&app, ("JSON", &["json"])).await?,
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let busy = imports.with(|p| {
        let busy = p.reading.is_some();
        if !busy {
            p.reading = Some(ImportProgress::default());
            p.plan = None;
        }
        busy
    });
    if busy {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            "another file is being read: wait for it".to_string(),
        ));
    }
    let shared = imports.inner().clone();
    let read_path = path.clone();
    let read = tauri::async_runtime::spawn_blocking(move || {
        let mut progress = |done, total| {
            shared.with(|p| p.reading = Some(ImportProgress { done, total }));
        };
        import::read_source(source, &read_path, &mut progress)
    })
    .await
    .unwrap_or_else(|e| Err(Error::invalid("file", format!("reading it stopped: {e}"))));
    let shown = path.display().to_string();
    let result = match read {
        Err(e) => Err(IpcError::from(e)),
        Ok(plan) => {
            let kept = plan.clone();
            let named = shown.clone();
            journal.run(move |j| j.import_plan(plan, &named, false)).await.inspect(|_| {
                imports.with(|p| p.plan = Some((kept, shown)));
            })
        }
    };
    imports.with(|p| p.reading = None);
    result.map(Some)
}

/// Writes the journal as a Markdown folder where the engineer picks (native folder
/// dialog; `CAREERLOG_EXPORT_DIR` names its parent instead); null when cancelled.
#[tauri::command]
pub async fn markdown_export_pick<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
) -> Result<Option<MarkdownExport>, IpcError> {
    let dir = match std::env::var_os("CAREERLOG_EXPORT_DIR") {
        Some(parent) => Some(std::path::PathBuf::from(parent).join("career-log-markdown")),
        None => super::files::choose_folder(&app).await?,
    };
    let Some(dir) = dir else {
        return Ok(None);
    };
    let path = dir.display().to_string();
    let report = journal.run(move |j| j.export_markdown(&dir)).await?;
    Ok(Some(MarkdownExport { path, report }))
}

/// How far the running read is; null when none runs.
#[tauri::command]
pub fn import_progress(imports: State<'_, ImportState>) -> Option<ImportProgress> {
    imports.with(|p| p.reading)
}

/// Imports the source last previewed, all or nothing, and says what it did.
#[tauri::command]
pub async fn import_confirm(
    journal: State<'_, JournalState>,
    imports: State<'_, ImportState>,
) -> Result<ImportPreview, IpcError> {
    let Some((plan, path)) = imports.with(|p| p.plan.take()) else {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            "there is no import waiting for confirmation: choose the file again".to_string(),
        ));
    };
    journal.run(move |j| j.import_plan(plan, &path, true)).await
}

/// Forgets the source last previewed (the engineer cancelled).
#[tauri::command]
pub fn import_discard(imports: State<'_, ImportState>) {
    imports.with(|p| p.plan = None);
}
