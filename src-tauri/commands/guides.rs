//! Guides section: the library, checklists with progress, readiness, the profile.

use careerlog_core::content::{
    library, Guide, GuideSummary, Question, QuestionSummary, Skill, Step,
};
use careerlog_core::guides::{Checklist, DueItem, Readiness};
use careerlog_core::profile::Profile;
use careerlog_core::{Error, Form, IpcError};
use chrono::NaiveDate;
use tauri::State;

use super::JournalState;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn not_found(what: String) -> IpcError {
    IpcError::from(Error::NotFound { what })
}

#[tauri::command]
pub fn guide_list() -> Vec<GuideSummary> {
    library().guide_summaries()
}

#[tauri::command]
pub fn guide_get(slug: String) -> Result<Guide, IpcError> {
    library().guide(&slug).cloned().ok_or_else(|| not_found(format!("the guide \"{slug}\"")))
}

#[tauri::command]
pub fn question_list() -> Vec<QuestionSummary> {
    library().question_summaries()
}

#[tauri::command]
pub fn question_get(slug: String) -> Result<Question, IpcError> {
    library().question(&slug).cloned().ok_or_else(|| not_found(format!("the question \"{slug}\"")))
}

#[tauri::command]
pub fn skill_get(slug: String) -> Result<Skill, IpcError> {
    library().skill(&slug).cloned().ok_or_else(|| not_found(format!("the skill \"{slug}\"")))
}

/// Walks a guide's next-move decision tree with the answers given so far.
#[tauri::command]
pub fn tree_walk(slug: String, answers: Vec<usize>) -> Result<Step, IpcError> {
    library()
        .guide(&slug)
        .and_then(|g| g.tree.as_ref())
        .map(|tree| tree.walk(&answers))
        .ok_or_else(|| not_found(format!("a decision tree in the guide \"{slug}\"")))
}

journal_commands! {
    checklist_get(slug: String) -> Checklist = |j| j.checklist(&slug, today());

    checklist_set(slug: String, item: String, checked: bool) -> Checklist = |j|
        j.set_checked(&slug, &item, checked, today());

    checklist_new_cycle(slug: String) -> Checklist = |j| j.start_new_cycle(&slug, today());

    due_items() -> Vec<DueItem> = |j| j.due_items(today());

    readiness_get() -> Readiness = |j| j.readiness();

    profile_get() -> Profile = |j| j.profile();

    profile_set(profile: Form<Profile>) -> Profile = |j| j.save_profile(profile.decode()?);
}

/// Saves the due checklist items as an .ics file through the native save dialog.
#[tauri::command]
pub async fn export_ics<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    journal: State<'_, JournalState>,
) -> Result<Option<String>, IpcError> {
    let clock = careerlog_core::habit::Clock::system();
    let (items, review) =
        journal.run(move |j| Ok((j.due_items(today())?, j.review_event(&clock)?))).await?;
    let ics = careerlog_core::guides::to_ics(&items, Some(review), chrono::Utc::now().naive_utc());
    super::files::save(&app, "career-log-checklists.ics", ("Calendar", &["ics"]), ics.into_bytes())
        .await
}
