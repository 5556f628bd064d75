//! The review packet: its targets, the packet of a period, sentence edits, the saved file.

use careerlog_core::documents::packet::{Packet, PacketRequest, PacketTarget};
use careerlog_core::documents::DocumentFormat;
use careerlog_core::{Form, IpcError};
use tauri::{AppHandle, Runtime, State};

use super::JournalState;

journal_commands! {
    /// The stages and skills a packet can argue for.
    packet_targets() -> Vec<PacketTarget> = |j| j.packet_targets();

    /// The packet of a period for a target, with the engineer's edits.
    packet_get(request: Form<PacketRequest>) -> Packet = |j| j.packet(&request.decode()?);

    /// Keeps the engineer's wording of one sentence; the packet with it.
    packet_edit(request: Form<PacketRequest>, key: String, text: String) -> Packet = |j|
        j.edit_packet_sentence(&request.decode()?, &key, &text);

    /// Back to the journal's wording of one sentence.
    packet_reset(request: Form<PacketRequest>, key: String) -> Packet = |j|
        j.reset_packet_sentence(&request.decode()?, &key);
}

/// Saves the packet in `format` through the native save dialog; the path, or null if
/// cancelled.
#[tauri::command]
pub async fn packet_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    request: Form<PacketRequest>,
    format: DocumentFormat,
) -> Result<Option<String>, IpcError> {
    let request = request.decode()?;
    let name =
        format!("review-packet-{}-to-{}.{}", request.since, request.until, format.extension());
    let (file, _) = journal.run(move |j| j.export_packet(&request, format)).await?;
    super::files::save(&app, &name, (format.filter_name(), &[format.extension()]), file).await
}
