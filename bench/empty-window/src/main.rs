//! An empty Tauri window: the anchor Career Log's start-up and memory are measured against.
//! With `CAREERLOG_EXIT_AFTER_PAINT=1` it exits 0 once the page reports its first paint;
//! with `CAREERLOG_STARTUP_LOG=1` it logs the time and keeps running.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

struct Began(Instant);

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

/// Called by the page after its first frame has been painted.
#[tauri::command]
fn painted<R: tauri::Runtime>(app: tauri::AppHandle<R>, began: tauri::State<'_, Began>) {
    let ms = began.0.elapsed().as_secs_f64() * 1000.0;
    if flag("CAREERLOG_EXIT_AFTER_PAINT") {
        eprintln!("empty-window: startup {ms:>8.1} ms painted");
        app.exit(0);
    } else if flag("CAREERLOG_STARTUP_LOG") {
        eprintln!("empty-window: startup {ms:>8.1} ms painted");
    }
}

fn main() {
    let began = Began(Instant::now());
    tauri::Builder::default()
        .manage(began)
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
