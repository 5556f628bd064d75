//! Search palette: full-text search over every entry.

use careerlog_core::search::SearchHit;
use careerlog_core::IpcError;
use tauri::State;

use super::JournalState;

#[tauri::command]
pub async fn search(
    journal: State<'_, JournalState>,
    query: String,
    limit: u32,
) -> Result<Vec<SearchHit>, IpcError> {
    journal.run(move |j| j.search(&query, limit)).await
}
