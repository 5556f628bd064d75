//! Journal section: projects and the entries under them, the trash, and Home's overview.

use careerlog_core::journal::{
    ArtifactInput, DecisionInput, FeedbackInput, JournalOverview, MetricInput, Note, NoteInput,
    ProjectDetail, ProjectInput, ProjectPage, TrashItem,
};
use careerlog_core::store::Record;
use careerlog_core::IpcError;
use tauri::State;

use super::JournalState;

#[tauri::command]
pub async fn journal_overview(
    journal: State<'_, JournalState>,
) -> Result<JournalOverview, IpcError> {
    journal.run(|j| j.overview()).await
}

#[tauri::command]
pub async fn project_list(
    journal: State<'_, JournalState>,
    offset: u32,
    limit: u32,
) -> Result<ProjectPage, IpcError> {
    journal.run(move |j| j.list_projects(offset, limit)).await
}

#[tauri::command]
pub async fn project_get(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<ProjectDetail, IpcError> {
    journal.run(move |j| j.project_detail(id)).await
}

/// Saves an entry of any kind: a new one when `id` is absent, else the entry `id`.
async fn save<R>(
    journal: State<'_, JournalState>,
    id: Option<i64>,
    input: R,
) -> Result<R::Full, IpcError>
where
    R: Record + Send + 'static,
    R::Full: Send + 'static,
{
    journal.run(move |j| j.save(id, input)).await
}

/// A window command for `save` of one kind (a command cannot be generic over its input).
macro_rules! save_command {
    ($($name:ident: $input:ty),+ $(,)?) => {$(
        #[tauri::command]
        pub async fn $name(
            journal: State<'_, JournalState>,
            id: Option<i64>,
            input: $input,
        ) -> Result<<$input as Record>::Full, IpcError> {
            save(journal, id, input).await
        }
    )+};
}

save_command!(
    project_save: ProjectInput,
    metric_save: MetricInput,
    decision_save: DecisionInput,
    artifact_save: ArtifactInput,
    feedback_save: FeedbackInput,
    note_save: NoteInput,
);

#[tauri::command]
pub async fn note_list(
    journal: State<'_, JournalState>,
    limit: u32,
) -> Result<Vec<Note>, IpcError> {
    journal.run(move |j| j.list_notes(limit)).await
}

#[tauri::command]
pub async fn entry_delete(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<TrashItem, IpcError> {
    journal.run(move |j| j.delete_entry(id)).await
}

#[tauri::command]
pub async fn trash_list(journal: State<'_, JournalState>) -> Result<Vec<TrashItem>, IpcError> {
    journal.run(|j| j.trash()).await
}

#[tauri::command]
pub async fn trash_restore(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<TrashItem, IpcError> {
    journal.run(move |j| j.restore(id)).await
}

#[tauri::command]
pub async fn trash_empty(journal: State<'_, JournalState>) -> Result<u32, IpcError> {
    journal.run(|j| j.empty_trash()).await
}
