/// Every command the window may call, by name. `build.rs` declares each one in the app's
/// ACL manifest and `tauri.conf.json` grants each one to the main window by `allow-<name>`.
pub const COMMANDS: &[&str] = &["app_info", "settings_get", "settings_set"];
