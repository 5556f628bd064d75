//! Saving exports: the native save dialog opens from Rust, so the window never hands the
//! app a path to write to. `CAREERLOG_EXPORT_DIR` skips the dialog and saves into that
//! folder under the suggested name, for scripted use and the end-to-end tests; likewise
//! `CAREERLOG_IMPORT_FILE` skips the open dialog and opens that file.

use std::path::PathBuf;

use careerlog_core::{ErrorKind, IpcError};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks where to save `bytes` (suggesting `name`) and writes them there; `None` when the
/// engineer cancels.
pub async fn save<R: Runtime>(
    app: &AppHandle<R>,
    name: &str,
    filter: (&str, &[&str]),
    bytes: Vec<u8>,
) -> Result<Option<String>, IpcError> {
    let target: Option<PathBuf> = match std::env::var_os("CAREERLOG_EXPORT_DIR") {
        Some(dir) => Some(PathBuf::from(dir).join(name)),
        None => {
            let dialog = app.dialog().file().set_file_name(name).add_filter(filter.0, filter.1);
            let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
                .await
                .map_err(|e| {
                    IpcError::new(ErrorKind::Io, format!("the save dialog failed: {e}"))
                })?;
            chosen.and_then(|path| path.into_path().ok())
        }
    };
    let Some(path) = target else {
        return Ok(None);
    };
    careerlog_core::files::write_atomically(&path, &bytes).map_err(IpcError::from)?;
    Ok(Some(path.display().to_string()))
}

/// Asks which file to open; `None` when the engineer cancels.
pub async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, IpcError> {
    if let Some(file) = std::env::var_os("CAREERLOG_IMPORT_FILE") {
        return Ok(Some(PathBuf::from(file)));
    }
    let dialog = app.dialog().file().add_filter(filter.0, filter.1);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Io, format!("the open dialog failed: {e}")))?;
    Ok(chosen.and_then(|path| path.into_path().ok()))
}

/// Asks which folder to open; `None` when the engineer cancels. `CAREERLOG_IMPORT_FILE`
/// names it instead, as it does a file.
pub async fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, IpcError> {
    if let Some(folder) = std::env::var_os("CAREERLOG_IMPORT_FILE") {
        return Ok(Some(PathBuf::from(folder)));
    }
    choose_folder(app).await
}

/// The system's folder dialog; `None` when the engineer cancels.
pub async fn choose_folder<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, IpcError> {
    let dialog = app.dialog().file();
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .map_err(|e| IpcError::new(ErrorKind::Io, format!("the folder dialog failed: {e}")))?;
    Ok(chosen.and_then(|path| path.into_path().ok()))
}
