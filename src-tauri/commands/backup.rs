//! Settings section, backups: list, create and restore, with progress the window polls.

use std::sync::{Arc, Mutex};

use careerlog_core::store::{BackupInfo, CopyProgress, RestoredBackup};
use careerlog_core::IpcError;
use tauri::State;

use super::JournalState;

/// Pages copied and in total while a backup or restore runs; `None` when idle.
#[derive(Default, Clone)]
pub struct BackupProgress(Arc<Mutex<Option<(u32, u32)>>>);

impl BackupProgress {
    pub(crate) fn set(&self, value: Option<(u32, u32)>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = value;
    }

    pub(crate) fn get(&self) -> Option<CopyProgress> {
        let value = *self.0.lock().unwrap_or_else(|p| p.into_inner());
        value.map(|(done, total)| CopyProgress { done, total })
    }
}

journal_commands! {
    backup_list() -> Vec<BackupInfo> = |j| j.backups();
}

#[tauri::command]
pub async fn backup_create(
    journal: State<'_, JournalState>,
    progress: State<'_, BackupProgress>,
) -> Result<BackupInfo, IpcError> {
    let shared = progress.inner().clone();
    let result = journal
        .run(move |j| {
            let keep = j.settings()?.backups_keep;
            j.create_backup(keep, &|done, total| shared.set(Some((done, total))))
        })
        .await;
    progress.set(None);
    result
}

#[tauri::command]
pub async fn backup_restore(
    journal: State<'_, JournalState>,
    progress: State<'_, BackupProgress>,
    id: i64,
) -> Result<RestoredBackup, IpcError> {
    let shared = progress.inner().clone();
    let result = journal
        .run(move |j| {
            let keep = j.settings()?.backups_keep;
            j.restore_backup(id, keep, &|done, total| shared.set(Some((done, total))))
        })
        .await;
    progress.set(None);
    result
}

/// How far the running backup or restore is; null when none runs.
#[tauri::command]
pub fn backup_progress(progress: State<'_, BackupProgress>) -> Option<CopyProgress> {
    progress.get()
}
