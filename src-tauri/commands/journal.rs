//! Journal section: projects and the entries under them, the trash, and Home's overview.

use careerlog_core::journal::{
    ArtifactInput, DecisionInput, FeedbackInput, JournalOverview, MetricInput, Note, NoteFilter,
    NoteInput, NotePage, ProjectDetail, ProjectFilter, ProjectInput, ProjectPage, ProjectSort,
    TrashItem,
};
use careerlog_core::store::Record;
use careerlog_core::{Form, IpcError};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::JournalState;

journal_commands! {
    journal_overview() -> JournalOverview = |j| j.overview();

    /// A page of the journal list; `filter` and `sort` may be left out (all, newest first).
    project_list(
        offset: u32,
        limit: u32,
        filter: Option<ProjectFilter>,
        sort: Option<ProjectSort>,
    ) -> ProjectPage = |j|
        j.find_projects(&filter.unwrap_or_default(), sort.unwrap_or_default(), offset, limit);

    note_list(limit: u32) -> Vec<Note> = |j| j.list_notes(limit);

    /// A page of the notes, newest first, with their projects' titles and the total.
    note_page(offset: u32, limit: u32, filter: Option<NoteFilter>) -> NotePage = |j|
        j.note_page(&filter.unwrap_or_default(), offset, limit);

    entry_delete(id: i64) -> TrashItem = |j| j.delete_entry(id);

    trash_list() -> Vec<TrashItem> = |j| j.trash();

    trash_restore(id: i64) -> TrashItem = |j| j.restore(id);

    trash_empty() -> u32 = |j| j.empty_trash();
}

#[tauri::command]
pub async fn project_get(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<ProjectDetail, IpcError> {
    journal.run(move |j| j.project_detail(id)).await
}

/// Saves an entry of any kind: a new one when `id` is absent, else the entry `id`. The
/// input is read in the core, so a value of the wrong type is a field error like any.
async fn save<R>(
    journal: State<'_, JournalState>,
    id: Option<i64>,
    input: Form<R>,
) -> Result<R::Full, IpcError>
where
    R: Record + Send + 'static,
    R::Full: Send + 'static,
{
    journal.run(move |j| j.save(id, input.decode_entry()?)).await
}

/// A window command for `save` of one kind (a command cannot be generic over its input).
macro_rules! save_command {
    ($($name:ident: $input:ty),+ $(,)?) => {$(
        #[tauri::command]
        pub async fn $name(
            journal: State<'_, JournalState>,
            id: Option<i64>,
            input: Form<$input>,
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

/// Opens an artifact's link in the system browser, on an explicit click. Only a web
/// address (http or https) is opened; anything else (`javascript:`, `file:`) is refused
/// as the journal refuses it on save, so the window never launches a local program.
#[tauri::command]
pub async fn link_open<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), IpcError> {
    let url = careerlog_core::journal::validate::url("url", url.trim()).map_err(IpcError::from)?;
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        IpcError::new(
            careerlog_core::ErrorKind::Io,
            format!("the browser could not be opened: {e}"),
        )
    })
}
