//! The window's commands, one module per section of the UI map. Each parses its input,
//! calls the core off the UI thread and maps the error; no rules live here.

/// The command list in `list.rs`, as the names the ACL knows and as the handler.
macro_rules! app_commands {
    ($($module:ident: $($name:ident),+;)+) => {
        /// Every command the window may call, by name.
        #[cfg(test)]
        pub const COMMANDS: &[&str] = &[$($(stringify!($name)),+),+];

        /// Routes each command of the list to its function.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($($module::$name),+),+]
        }
    };
}
include!("list.rs");

/// Window commands that run one piece of core work on the journal, off the UI thread:
/// `name(args) -> Answer = |j| work;` declares `#[tauri::command] async fn name`.
macro_rules! journal_commands {
    ($(
        $(#[$meta:meta])*
        $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty = |$j:ident| $work:expr;
    )+) => {$(
        $(#[$meta])*
        #[tauri::command]
        pub async fn $name(
            journal: tauri::State<'_, $crate::commands::JournalState>,
            $($arg: $ty),*
        ) -> Result<$out, careerlog_core::IpcError> {
            journal.run(move |$j| $work).await
        }
    )+};
}

pub mod backup;
pub mod capture;
pub mod demo;
pub mod files;
pub mod guides;
pub mod habit;
pub mod journal;
pub mod packet;
pub mod people;
pub mod resume;
pub mod search;
pub mod settings;
pub mod stories;
pub mod transfer;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use careerlog_core::{ErrorKind, IpcError, Journal};

type Opened = Result<Arc<Mutex<Journal>>, IpcError>;

/// The journal the window works on, or why it could not be opened (shown by the UI). An
/// encrypted journal starts locked until the window gives its passphrase.
#[derive(Clone)]
pub struct JournalState {
    path: PathBuf,
    current: Arc<RwLock<Opened>>,
}

fn stopped(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::Io, format!("the journal task stopped: {e}"))
}

impl JournalState {
    pub fn new(path: PathBuf, opened: careerlog_core::Result<Journal>) -> Self {
        let opened = opened.map(|j| Arc::new(Mutex::new(j))).map_err(IpcError::from);
        JournalState { path, current: Arc::new(RwLock::new(opened)) }
    }

    fn journal(&self) -> Opened {
        self.current.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Runs `work` on the journal on a blocking thread, so SQLite never stalls the UI.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Journal) -> careerlog_core::Result<T> + Send + 'static,
    {
        let journal = self.journal()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic elsewhere poisons the lock but cannot leave SQLite half-written.
            let mut journal = journal.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut journal).map_err(IpcError::from)
        })
        .await
        .map_err(stopped)?
    }

    /// Runs `work` on the journal right here, blocking: only for the window's start, before
    /// the page exists, where waiting for a worker thread would gain nothing.
    pub fn now<T>(
        &self,
        work: impl FnOnce(&mut Journal) -> careerlog_core::Result<T>,
    ) -> Result<T, IpcError> {
        let journal = self.journal()?;
        let mut journal = journal.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut journal).map_err(IpcError::from)
    }

    /// Opens a locked (encrypted) journal with its passphrase.
    pub async fn unlock(&self, passphrase: String) -> Result<(), IpcError> {
        if self.journal().is_ok() {
            return Ok(());
        }
        let path = self.path.clone();
        let opened = tauri::async_runtime::spawn_blocking(move || {
            Journal::open_with(&path, Some(&passphrase))
        })
        .await
        .map_err(stopped)?
        .map_err(IpcError::from)?;
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Ok(Arc::new(Mutex::new(opened)));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    /// The main window's one capability grants the app's default permission, which
    /// `build.rs` writes from the command list: exactly the declared commands, and of the
    /// core only listening for events (the review reminder's click opens the weekly review).
    #[test]
    fn the_capability_grants_exactly_the_declared_commands() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let capabilities = config["app"]["security"]["capabilities"].as_array().unwrap();
        assert_eq!(capabilities.len(), 1);
        assert_eq!(capabilities[0]["windows"], serde_json::json!(["main"]));
        assert_eq!(
            capabilities[0]["permissions"],
            serde_json::json!(["default", "core:event:allow-listen", "core:event:allow-unlisten"])
        );
        let default = include_str!("../../permissions/default.toml");
        let mut granted: Vec<&str> = default
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix("\","))
            .collect();
        let mut expected: Vec<String> =
            COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
        granted.sort();
        expected.sort();
        assert_eq!(granted, expected);
    }

    /// `ui/src/lib/commands.ts` names every command, so `api.ts` calling one that does not
    /// exist fails the UI's type check. `UPDATE_BINDINGS=1` rewrites it.
    #[test]
    fn command_names_for_the_ui_are_fresh() {
        let names: Vec<String> = COMMANDS.iter().map(|c| format!("  | '{c}'")).collect();
        let expected = format!(
            "// Generated by `cargo test -p careerlog command_names` from \
             src-tauri/commands/list.rs. Do not edit.\n\n\
             export type CommandName =\n{};\n",
            names.join("\n")
        );
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/commands.ts");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            found == expected,
            "{} is stale; run `make bindings`\n--- expected\n{expected}",
            path.display()
        );
    }
}
