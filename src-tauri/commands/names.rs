/// Every command the window may call, by name. `build.rs` declares each one in the app's
/// ACL manifest and `tauri.conf.json` grants each one to the main window by `allow-<name>`.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "settings_get",
    "settings_set",
    "journal_overview",
    "project_list",
    "project_get",
    "project_save",
    "metric_save",
    "decision_save",
    "artifact_save",
    "feedback_save",
    "note_save",
    "note_list",
    "entry_delete",
    "trash_list",
    "trash_restore",
    "trash_empty",
    "search",
];
