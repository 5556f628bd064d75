//! Home's "Try with demo data": opens a second Career Log on a separate demo journal,
//! created and filled on first use, so the engineer's own journal is never touched.

use careerlog_core::demo;
use careerlog_core::{ErrorKind, IpcError};

fn io_error(message: String) -> IpcError {
    IpcError::new(ErrorKind::Io, message)
}

/// Prepares the demo journal and starts Career Log on it; answers with its path.
#[tauri::command]
pub async fn demo_open() -> Result<String, IpcError> {
    let path = tauri::async_runtime::spawn_blocking(|| {
        let path = demo::demo_journal_path()?;
        demo::prepare_demo_journal(&path)?;
        Ok::<_, careerlog_core::Error>(path)
    })
    .await
    .map_err(|e| io_error(format!("the demo journal task stopped: {e}")))??;
    let exe = std::env::current_exe()
        .map_err(|e| io_error(format!("cannot find the Career Log program: {e}")))?;
    let mut child = std::process::Command::new(exe)
        .arg("--db")
        .arg(&path)
        .spawn()
        .map_err(|e| io_error(format!("cannot start Career Log on the demo journal: {e}")))?;
    // Reaps the second window's process when it is closed.
    std::thread::spawn(move || child.wait());
    Ok(path.display().to_string())
}
