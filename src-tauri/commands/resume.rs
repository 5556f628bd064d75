//! Resume section: bullets, their lint, variants and the exports.

use careerlog_core::resume::{
    lint, Bullet, ExportRequest, Finding, Variant, VariantFilter, VariantSummary,
};
use careerlog_core::IpcError;
use chrono::NaiveDate;
use tauri::{AppHandle, Runtime, State};

use super::JournalState;

/// The bullets, brought up to date with the journal first.
#[tauri::command]
pub async fn bullet_list(journal: State<'_, JournalState>) -> Result<Vec<Bullet>, IpcError> {
    journal
        .run(|j| {
            j.refresh_bullets()?;
            j.bullets()
        })
        .await
}

#[tauri::command]
pub async fn bullet_edit(
    journal: State<'_, JournalState>,
    id: i64,
    text: String,
) -> Result<Bullet, IpcError> {
    journal.run(move |j| j.edit_bullet(id, &text)).await
}

#[tauri::command]
pub async fn bullet_reset(journal: State<'_, JournalState>, id: i64) -> Result<Bullet, IpcError> {
    journal.run(move |j| j.reset_bullet(id)).await
}

#[tauri::command]
pub async fn bullet_include(
    journal: State<'_, JournalState>,
    id: i64,
    included: bool,
) -> Result<Bullet, IpcError> {
    journal.run(move |j| j.include_bullet(id, included)).await
}

#[tauri::command]
pub async fn bullet_order(
    journal: State<'_, JournalState>,
    ids: Vec<i64>,
) -> Result<Vec<Bullet>, IpcError> {
    journal.run(move |j| j.order_bullets(&ids)).await
}

/// Lint findings for text being typed (no journal needed).
#[tauri::command]
pub fn bullet_lint(text: String) -> Vec<Finding> {
    lint(&text, &[])
}

#[tauri::command]
pub async fn variant_list(
    journal: State<'_, JournalState>,
) -> Result<Vec<VariantSummary>, IpcError> {
    journal.run(|j| j.variants()).await
}

#[tauri::command]
pub async fn variant_get(journal: State<'_, JournalState>, id: i64) -> Result<Variant, IpcError> {
    journal
        .run(move |j| {
            j.refresh_bullets()?;
            j.variant(id)
        })
        .await
}

#[tauri::command]
pub async fn variant_save(
    journal: State<'_, JournalState>,
    id: Option<i64>,
    name: String,
    filter: VariantFilter,
) -> Result<Variant, IpcError> {
    journal
        .run(move |j| j.save_variant(id, &name, &filter))
        .await
}

/// A variant's own wording (`text`), exclusion or place for one bullet.
#[tauri::command]
pub async fn variant_tailor(
    journal: State<'_, JournalState>,
    variant: i64,
    bullet: i64,
    text: Option<String>,
    excluded: bool,
    position: Option<u32>,
) -> Result<Variant, IpcError> {
    journal
        .run(move |j| j.tailor_bullet(variant, bullet, text.as_deref(), excluded, position))
        .await
}

#[tauri::command]
pub async fn variant_delete(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<VariantSummary, IpcError> {
    journal.run(move |j| j.delete_variant(id)).await
}

#[tauri::command]
pub async fn variant_restore(
    journal: State<'_, JournalState>,
    id: i64,
) -> Result<Variant, IpcError> {
    journal.run(move |j| j.restore_variant(id)).await
}

/// The export as text, for the preview and the clipboard.
#[tauri::command]
pub async fn export_preview(
    journal: State<'_, JournalState>,
    request: ExportRequest,
) -> Result<String, IpcError> {
    journal
        .run(move |j| j.export_bullets(&request).map(|(document, _)| document))
        .await
}

/// Saves the export through the native save dialog; the saved path, or null if cancelled.
#[tauri::command]
pub async fn export_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    request: ExportRequest,
) -> Result<Option<String>, IpcError> {
    let format = request.format;
    let (document, _) = journal.run(move |j| j.export_bullets(&request)).await?;
    let name = match format {
        careerlog_core::resume::ExportFormat::JsonResume => "resume.json".to_string(),
        other => format!("resume.{}", other.extension()),
    };
    super::files::save(
        &app,
        &name,
        (format.as_str(), &[format.extension()]),
        document.into_bytes(),
    )
    .await
}

/// Saves a brag document of the period through the native save dialog.
#[tauri::command]
pub async fn brag_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<Option<String>, IpcError> {
    let (document, _) = journal.run(move |j| j.brag(since, until)).await?;
    super::files::save(
        &app,
        "brag-document.md",
        ("Markdown", &["md"]),
        document.into_bytes(),
    )
    .await
}
