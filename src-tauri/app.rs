//! The window face of Career Log: builds the Tauri app around an opened journal.

use std::path::PathBuf;

use careerlog_core::rendering::{choose, probe};
use careerlog_core::{Boot, ErrorKind, Journal};

use tauri::Manager;

use crate::commands::{self, JournalState};
use crate::rendering::RenderingState;
use crate::startup::Startup;

/// Builds the main window from its configuration, able to load only the app's own pages,
/// with the first screen's data in its initialization script and the chosen rendering path.
fn open_main_window<R: tauri::Runtime>(
    app: &mut tauri::App<R>,
    boot: Option<&Boot>,
    rendering: &RenderingState,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .expect("tauri.conf.json declares the main window");
    let mut builder =
        tauri::WebviewWindowBuilder::from_config(app, &config)?.on_navigation(is_own_page);
    if let Some(boot) = boot {
        builder = builder.initialization_script(boot_script(boot));
    }
    let window = builder.build()?;
    rendering.apply(&window)
}

/// Sets `window.__CAREERLOG_BOOT__` for the page's first load only: a reload (after a
/// restore, say) finds the journal changed since the window opened, so it asks over IPC.
fn boot_script(boot: &Boot) -> String {
    let data = serde_json::to_string(boot).unwrap_or_else(|_| "null".into());
    format!(
        "(function () {{\n\
         try {{\n\
           var nav = performance.getEntriesByType('navigation')[0];\n\
           if ((nav && nav.type !== 'navigate') || sessionStorage.getItem('careerlog.booted')) return;\n\
           sessionStorage.setItem('careerlog.booted', '1');\n\
         }} catch (e) {{ return; }}\n\
         window.__CAREERLOG_BOOT__ = {data};\n\
         }})();"
    )
}

/// The app's own pages; anything else (a remote site, a file) is never loaded.
pub fn is_own_page(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" => {
            url.host_str() == Some("tauri.localhost")
                || (cfg!(dev) && url.host_str() == Some("localhost"))
        }
        _ => false,
    }
}

/// Opens the window on the journal at `path` and runs until it is closed.
/// A journal that cannot be opened is reported inside the window, not by a crash.
pub fn run(path: PathBuf, began: std::time::Instant) -> Result<(), tauri::Error> {
    let listener = match crate::single::claim(&path) {
        Ok(crate::single::Claim::First(listener)) => Some(listener),
        Ok(crate::single::Claim::AlreadyOpen) => {
            eprintln!("careerlog: Career Log is already open on this journal; its window was brought to the front");
            return Ok(());
        }
        // Without the socket the window still opens; only the second-launch check is lost.
        Err(error) => {
            eprintln!("careerlog: cannot check for another window on this journal: {error}");
            None
        }
    };
    let socket = crate::single::socket_path(&path);
    let closing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (closing_on_exit, socket_on_exit) = (closing.clone(), socket.clone());
    let startup = Startup::new(began);
    let passphrase = std::env::var("CAREERLOG_PASSPHRASE").ok();
    let journal = JournalState::new(path.clone(), Journal::open_with(&path, passphrase.as_deref()));
    startup.reached("core opened");
    // A locked journal has no settings or data to pass yet: automatic, and IPC after unlock.
    let boot = journal.now(|j| j.boot()).ok();
    let setting = boot.as_ref().map(|b| b.settings.rendering).unwrap_or_default();
    let rendering = RenderingState::new(choose(&probe(), setting), setting);
    startup.reached("boot data read");
    let background = journal.clone();
    let reminding = journal.clone();
    let window_rendering = rendering.clone();
    tauri::Builder::default()
        .setup(move |app| {
            open_main_window(app, boot.as_ref(), &window_rendering)?;
            if let Some(listener) = listener {
                let handle = app.handle().clone();
                crate::single::serve(listener, socket, closing, move || {
                    if let Some(window) = handle.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                });
            }
            app.state::<Startup>().reached("window created");
            crate::reminder::spawn(app.handle().clone(), reminding);
            // The daily backup waits until the window is up, off the start-up path, and
            // for an encrypted journal until the engineer has unlocked it.
            tauri::async_runtime::spawn(async move {
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(10)).await;
                    let made = background
                        .run(|j| {
                            let keep = j.settings()?.backups_keep;
                            j.backup_if_due(keep, chrono::Utc::now())
                        })
                        .await;
                    match made {
                        Err(e)
                            if matches!(
                                e.kind,
                                ErrorKind::PassphraseNeeded | ErrorKind::WrongPassphrase
                            ) =>
                        {
                            continue
                        }
                        Err(error) => {
                            eprintln!("careerlog: the daily backup failed: {}", error.message)
                        }
                        Ok(_) => {}
                    }
                    break;
                }
            });
            Ok(())
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(journal)
        .manage(startup)
        .manage(rendering)
        .manage(commands::backup::BackupProgress::default())
        .manage(commands::capture::CaptureScan::default())
        .manage(commands::transfer::ImportState::default())
        .manage(commands::settings::EncryptionProgress::default())
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())?
        .run(move |_app, event| {
            if let tauri::RunEvent::ExitRequested { .. } | tauri::RunEvent::Exit = event {
                // From here on a new launch on this journal opens its own window.
                closing_on_exit.store(true, std::sync::atomic::Ordering::SeqCst);
                let _ = std::fs::remove_file(&socket_on_exit);
            }
        });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_own_page;

    #[test]
    fn only_the_apps_own_pages_load() {
        for own in ["tauri://localhost/", "tauri://localhost/index.html", "http://tauri.localhost/"]
        {
            assert!(is_own_page(&own.parse().unwrap()), "{own}");
        }
        for other in [
            "https://example.com/", "http://evil.localhost.example/", "file:///etc/passwd",
            "javascript:alert(1)", "data:text/html,hi",
        ] {
            assert!(!is_own_page(&other.parse().unwrap()), "{other}");
        }
    }
}
