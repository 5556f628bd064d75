//! Journal section: projects and the entries under them, the trash, and Home's overview.

use careerlog_core::journal::{
    Artifact, ArtifactInput, Decision, DecisionInput, Feedback, FeedbackInput, JournalOverview,
    Metric, MetricInput, Note, NoteInput, Project, ProjectDetail, ProjectInput, ProjectPage,
    TrashItem,
};
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

/// Saves an entry: a new one when `id` is absent, else the entry `id`.
macro_rules! save_command {
    ($name:ident, $input:ty, $full:ty, $add:ident, $update:ident) => {
        #[tauri::command]
        pub async fn $name(
            journal: State<'_, JournalState>,
            id: Option<i64>,
            input: $input,
        ) -> Result<$full, IpcError> {
            journal
                .run(move |j| match id {
                    None => j.$add(input),
                    Some(id) => j.$update(id, input),
                })
                .await
        }
    };
}

save_command!(
    project_save,
    ProjectInput,
    Project,
    add_project,
    update_project
);
save_command!(metric_save, MetricInput, Metric, add_metric, update_metric);
save_command!(
    decision_save,
    DecisionInput,
    Decision,
    add_decision,
    update_decision
);
save_command!(
    artifact_save,
    ArtifactInput,
    Artifact,
    add_artifact,
    update_artifact
);
save_command!(
    feedback_save,
    FeedbackInput,
    Feedback,
    add_feedback,
    update_feedback
);
save_command!(note_save, NoteInput, Note, add_note, update_note);

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
