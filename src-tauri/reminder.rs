//! The weekly review's reminder while the window runs: a desktop notification at the review
//! time (freedesktop notifications over D-Bus), once per review, not when the week's review
//! is already written. Clicking it brings the window up and opens the weekly review. When
//! should be is the core's (`ReviewAt::reminder_due`, tested with a fake clock).

use careerlog_core::habit::Clock;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::JournalState;

/// The event the window listens for to open the weekly review.
pub const OPEN_WEEKLY_REVIEW: &str = "open-weekly-review";

/// Looks once a minute (or at the review time, if sooner) whether a reminder is due.
pub fn spawn<R: Runtime>(app: AppHandle<R>, journal: JournalState) {
    tauri::async_runtime::spawn(async move {
        let mut reminded = None;
        loop {
            let clock = Clock::system();
            let looked = clock.clone();
            let wait = match journal.run(move |j| j.reminder_state(&looked)).await {
                Ok((at, written)) => {
                    if let Some(review) = at.reminder_due(&clock, written, reminded) {
                        reminded = Some(review);
                        notify(app.clone());
                    }
                    at.wait(&clock)
                }
                // A locked journal (or one that failed to open) has nothing to remind of yet.
                Err(_) => std::time::Duration::from_secs(60),
            };
            tokio::time::sleep(wait).await;
        }
    });
}

/// Shows the notification and waits, on its own thread, for the engineer to click it.
fn notify<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let shown = notify_rust::Notification::new()
            .appname("Career Log")
            .summary("Time for your weekly review")
            .body(
                "Five minutes: what shipped, what moved, a decision, feedback, one thing learned.",
            )
            .action("default", "Start the weekly review")
            .action("open", "Start the weekly review")
            .show();
        match shown {
            Ok(handle) => handle.wait_for_action(|action| {
                if action == "default" || action == "open" {
                    open_review(&app);
                }
            }),
            // No notification service (a bare X session): the Home card still says it is due.
            Err(error) => eprintln!("careerlog: the weekly review reminder was not shown: {error}"),
        }
    });
}

fn open_review<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let _ = app.emit(OPEN_WEEKLY_REVIEW, ());
}
