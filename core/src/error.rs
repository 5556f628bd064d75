//! The one error type of the core, with variants a user can act on.
//! `IpcError` is its serialisable face for the window: `{ kind, message, field }`.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} was not found")]
    NotFound { what: String },

    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error(
        "this journal was written by a newer Career Log (schema {found}; this version knows up to {supported}); \
         it was left untouched: update Career Log to open it"
    )]
    NewerJournal { found: u32, supported: u32 },

    #[error("{path} is not a Career Log journal ({reason}); it was left untouched")]
    NotAJournal { path: String, reason: String },

    #[error("the journal is busy in another process; close the other Career Log and try again")]
    Locked,

    #[error("this journal is encrypted: give its passphrase (CAREERLOG_PASSPHRASE for the command line)")]
    PassphraseNeeded,

    #[error("the passphrase does not open this journal; check it and try again")]
    WrongPassphrase,

    #[error("journal storage failed: {0}")]
    Storage(#[from] rusqlite::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::NewerJournal { .. } => ErrorKind::NewerJournal,
            Error::NotAJournal { .. } => ErrorKind::NotAJournal,
            Error::Locked => ErrorKind::Locked,
            Error::PassphraseNeeded => ErrorKind::PassphraseNeeded,
            Error::WrongPassphrase => ErrorKind::WrongPassphrase,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Io { .. } => ErrorKind::Io,
        }
    }
}

/// What went wrong, in a form the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    Invalid,
    NewerJournal,
    NotAJournal,
    Locked,
    PassphraseNeeded,
    WrongPassphrase,
    Storage,
    Io,
}

/// An error as it crosses to the window; `field` names the input to mark.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for IpcError {
    fn from(error: &Error) -> Self {
        let (message, field) = match error {
            Error::Invalid { field, reason } => (reason.clone(), Some(field.clone())),
            other => (other.to_string(), None),
        };
        IpcError {
            kind: error.kind(),
            message,
            field,
        }
    }
}

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        IpcError::from(&error)
    }
}
