//! Career Log's core: the journal file, its schema and every rule about the user's data.
//! It knows nothing of windows; the desktop shell and the CLI are thin faces over it.

mod macros;

pub mod capture;
pub mod content;
pub mod demo;
pub mod documents;
pub mod error;
pub mod files;
pub mod form;
pub mod guides;
pub mod habit;
pub mod info;
pub mod journal;
pub mod paths;
pub mod people;
pub mod profile;
pub mod rendering;
pub mod resume;
pub mod search;
pub mod settings;
pub mod store;
pub mod stories;
pub mod transfer;

#[cfg(test)]
mod bindings;

pub use error::{Error, ErrorKind, FieldError, FieldMessage, IpcError, Result};
pub use form::Form;
pub use info::{AppInfo, Boot};
pub use rendering::Rendering;
pub use settings::{Settings, Theme};
pub use store::Journal;

/// The version of Career Log, shared by the core, the CLI and the window.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod parsers_fuzz;

#[cfg(test)]
mod test_support;
