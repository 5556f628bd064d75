//! Inbox section and Settings > Capture: scans of the engineer's git history (progress
//! polled, cancellable) and the triage of what they propose.

use std::sync::{Arc, Mutex};

use careerlog_core::capture::{
    self, Cancel, CaptureSettings, CaptureSetup, InboxPage, Proposal, ScanProgress, ScanReport,
    ScanRequest, Triage,
};
use careerlog_core::{Form, IpcError};
use tauri::State;

use super::JournalState;

/// How far the running scan is, and its cancel; `None` when none runs.
type Running = Option<(ScanProgress, Arc<Cancel>)>;

/// The scan running now, shared by the scan and the commands that poll or cancel it.
#[derive(Default, Clone)]
pub struct CaptureScan(Arc<Mutex<Running>>);

impl CaptureScan {
    fn with<T>(&self, f: impl FnOnce(&mut Running) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

journal_commands! {
    capture_setup_get() -> CaptureSetup = |j| j.capture_setup();

    capture_settings_set(settings: Form<CaptureSettings>) -> CaptureSetup = |j| {
        j.save_capture_settings(settings.decode()?)?;
        j.capture_setup()
    };

    inbox_page(offset: u32, limit: u32) -> InboxPage = |j| j.inbox_page(offset, limit);

    inbox_get(id: i64) -> Proposal = |j| j.proposal(id);

    /// Accepts a proposal as proposed (`input` absent) or as its kind's form sent it.
    inbox_accept(id: i64, input: Option<serde_json::Value>, project_id: Option<i64>) -> Triage =
        |j| j.accept_proposal_form(id, input, project_id);

    inbox_accept_many(ids: Vec<i64>, project_id: Option<i64>) -> Triage =
        |j| j.accept_proposals(&ids, project_id);

    inbox_dismiss(ids: Vec<i64>) -> Triage = |j| j.dismiss_proposals(&ids);

    inbox_merge(ids: Vec<i64>) -> Triage = |j| j.merge_proposals(&ids);

    inbox_undo(ids: Vec<i64>) -> Triage = |j| j.undo_proposals(&ids);
}

/// Scans the settings' folders (or `request`'s paths) and fills the inbox. The journal is
/// only held to read the plan and to write the result in one transaction, so the window
/// stays usable while the repositories are read.
#[tauri::command]
pub async fn capture_scan(
    journal: State<'_, JournalState>,
    scan: State<'_, CaptureScan>,
    request: Option<Form<ScanRequest>>,
) -> Result<ScanReport, IpcError> {
    let request = match request {
        Some(r) => r.decode().map_err(IpcError::from)?,
        None => ScanRequest::default(),
    };
    let cancel = Arc::new(Cancel::new());
    let busy = scan.with(|running| {
        if running.is_some() {
            return true;
        }
        *running = Some((ScanProgress::default(), cancel.clone()));
        false
    });
    if busy {
        return Err(IpcError::new(
            careerlog_core::ErrorKind::Invalid,
            "a scan is already running: wait for it or cancel it".to_string(),
        ));
    }
    let plan = journal.run(|j| j.scan_plan()).await;
    let shared = scan.inner().clone();
    let read = match plan {
        Err(e) => Err(e),
        Ok(plan) => {
            let cancel = cancel.clone();
            tauri::async_runtime::spawn_blocking(move || {
                let today = chrono::Local::now().date_naive();
                capture::scan(
                    &plan,
                    &request,
                    today,
                    &mut |p| {
                        shared.with(|r| {
                            if let Some((progress, _)) = r {
                                *progress = p.clone();
                            }
                        })
                    },
                    &cancel,
                )
                .map_err(IpcError::from)
            })
            .await
            .unwrap_or_else(|e| {
                Err(IpcError::new(careerlog_core::ErrorKind::Io, format!("the scan stopped: {e}")))
            })
        }
    };
    let result = match read {
        Ok(found) => {
            let cancel = cancel.clone();
            journal
                .run(move |j| {
                    cancel.check()?;
                    j.add_scan(found)
                })
                .await
        }
        Err(e) => Err(e),
    };
    scan.with(|r| *r = None);
    result
}

/// How far the running scan is; null when none runs.
#[tauri::command]
pub fn capture_progress(scan: State<'_, CaptureScan>) -> Option<ScanProgress> {
    scan.with(|r| r.as_ref().map(|(p, _)| p.clone()))
}

/// Stops the running scan; the inbox stays as it was before it.
#[tauri::command]
pub fn capture_cancel(scan: State<'_, CaptureScan>) {
    scan.with(|r| {
        if let Some((_, cancel)) = r {
            cancel.cancel();
        }
    });
}
