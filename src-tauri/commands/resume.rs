//! Resume section: bullets, their lint, variants and the exports.

use careerlog_core::documents::DocumentFormat;
use careerlog_core::resume::{
    Bullet, BulletPreview, ExportRequest, Finding, PreviewEntry, Variant, VariantFilter,
    VariantSummary,
};
use careerlog_core::{Form, IpcError};
use chrono::NaiveDate;
use tauri::{AppHandle, Runtime, State};

use super::JournalState;

journal_commands! {
    /// The bullets, brought up to date with the journal first.
    bullet_list() -> Vec<Bullet> = |j| {
        j.refresh_bullets()?;
        j.bullets()
    };

    bullet_edit(id: i64, text: String) -> Bullet = |j| j.edit_bullet(id, &text);

    bullet_reset(id: i64) -> Bullet = |j| j.reset_bullet(id);

    bullet_include(id: i64, included: bool) -> Bullet = |j| j.include_bullet(id, included);

    bullet_order(ids: Vec<i64>) -> Vec<Bullet> = |j| j.order_bullets(&ids);

    /// Lint findings for text being typed, with the journal's own names (its organisations,
    /// options, titles) known as names.
    bullet_lint(text: String) -> Vec<Finding> = |j| j.lint_text(&text);

    /// The bullet an entry being typed would make, its lint and a hint of what to add;
    /// `id` is the entry being edited, when it is saved already.
    bullet_preview(id: Option<i64>, entry: PreviewEntry) -> BulletPreview = |j|
        j.preview_bullet(id, &entry);

    /// Moves one bullet to place `to` (1 is first) of the resume order.
    bullet_move(id: i64, to: u32) -> Vec<Bullet> = |j| j.move_bullet(id, to);

    variant_list() -> Vec<VariantSummary> = |j| j.variants();

    variant_get(id: i64) -> Variant = |j| {
        j.refresh_bullets()?;
        j.variant(id)
    };

    variant_save(id: Option<i64>, name: String, filter: Form<VariantFilter>) -> Variant = |j|
        j.save_variant(id, &name, &filter.decode()?);

    /// A variant's own wording (`text`), exclusion or place for one bullet.
    variant_tailor(
        variant: i64,
        bullet: i64,
        text: Option<String>,
        excluded: bool,
        position: Option<u32>,
    ) -> Variant = |j| j.tailor_bullet(variant, bullet, text.as_deref(), excluded, position);

    /// Moves one of a variant's bullets to place `to` (1 is first) of its own order,
    /// keeping its wording and exclusions.
    variant_move(variant: i64, bullet: i64, to: u32) -> Variant = |j| {
        j.refresh_bullets()?;
        j.move_variant_bullet(variant, bullet, to)
    };

    variant_delete(id: i64) -> VariantSummary = |j| j.delete_variant(id);

    variant_restore(id: i64) -> Variant = |j| j.restore_variant(id);

    /// The export as text, for the preview and the clipboard.
    export_preview(request: Form<ExportRequest>) -> String = |j|
        j.export_preview(&request.decode()?);
}

/// Saves the export through the native save dialog; the saved path, or null if cancelled.
#[tauri::command]
pub async fn export_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    request: Form<ExportRequest>,
) -> Result<Option<String>, IpcError> {
    let request = request.decode()?;
    let format = request.format;
    let (document, _) = journal.run(move |j| j.export_bullets(&request)).await?;
    let name = match format {
        careerlog_core::resume::ExportFormat::JsonResume => "resume.json".to_string(),
        other => format!("resume.{}", other.extension()),
    };
    super::files::save(&app, &name, (format.in_words(), &[format.extension()]), document).await
}

/// Saves a brag document of the period through the native save dialog.
#[tauri::command]
pub async fn brag_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    since: Form<Option<NaiveDate>>,
    until: Form<Option<NaiveDate>>,
    format: Option<DocumentFormat>,
) -> Result<Option<String>, IpcError> {
    let (since, until) = (since.decode_as("since")?, until.decode_as("until")?);
    let format = format.unwrap_or(DocumentFormat::Markdown);
    let (document, _) = journal.run(move |j| j.brag_document(since, until)).await?;
    let name = format!("brag-document.{}", format.extension());
    let filter = (format.filter_name(), &[format.extension()][..]);
    super::files::save(&app, &name, filter, format.render(&document)).await
}
