//! Stories section: the story bank, rehearsals and the follow-up drill.

use careerlog_core::stories::{
    QuestionCoverage, Rehearsal, RehearsalInput, Story, StoryDetail, StoryInput, StoryPreview,
};
use careerlog_core::IpcError;
use tauri::State;

use super::JournalState;

#[tauri::command]
pub async fn story_list(journal: State<'_, JournalState>) -> Result<Vec<Story>, IpcError> {
    journal.run(|j| j.list_stories()).await
}

#[tauri::command]
pub async fn story_get(journal: State<'_, JournalState>, id: i64) -> Result<StoryDetail, IpcError> {
    journal.run(move |j| j.story_detail(id)).await
}

/// Saves a story: a new one when `id` is absent, else the story `id`.
#[tauri::command]
pub async fn story_save(
    journal: State<'_, JournalState>,
    id: Option<i64>,
    input: StoryInput,
) -> Result<Story, IpcError> {
    journal.run(move |j| j.save_story(id, input)).await
}

/// The estimate and pacing plan of a story while it is being written.
#[tauri::command]
pub async fn story_preview(
    journal: State<'_, JournalState>,
    input: StoryInput,
) -> Result<StoryPreview, IpcError> {
    journal.run(move |j| Ok(j.preview_story(&input))).await
}

#[tauri::command]
pub async fn rehearsal_save(
    journal: State<'_, JournalState>,
    input: RehearsalInput,
) -> Result<Rehearsal, IpcError> {
    journal.run(move |j| j.add(input)).await
}

/// One or two follow-up questions for the story, from its question and its own record.
#[tauri::command]
pub async fn story_follow_ups(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<Vec<String>, IpcError> {
    journal.run(move |j| j.drill(id)).await
}

/// Which of the given questions have a story, and whether it was rehearsed.
#[tauri::command]
pub async fn question_coverage(
    journal: State<'_, JournalState>,
    questions: Vec<String>,
) -> Result<Vec<QuestionCoverage>, IpcError> {
    journal
        .run(move |j| {
            let slugs: Vec<&str> = questions.iter().map(String::as_str).collect();
            j.question_coverage(&slugs)
        })
        .await
}
