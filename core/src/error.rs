//! The one error type of the core, with variants a user can act on.
//! `IpcError` is its serialisable face for the window: `{ kind, message, field, errors }`.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} was not found")]
    NotFound { what: String },

    /// Input that breaks a rule. `field` and `reason` are the first problem; `errors`
    /// holds every problem found, that one first, so a form can mark them all at once.
    #[error("{field}: {reason}{}", more_problems(.errors))]
    Invalid { field: String, reason: String, errors: Vec<FieldError> },

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

    /// The engineer stopped a long piece of work (a capture scan); nothing was written.
    #[error("cancelled: nothing was changed")]
    Cancelled,

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// One broken rule of an input: the field it concerns and why, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub reason: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        FieldError { field: field.into(), reason: reason.into() }
    }
}

/// What the one-line message adds after the first problem: the others, briefly.
fn more_problems(errors: &[FieldError]) -> String {
    match errors.len() {
        0 | 1 => String::new(),
        n => {
            // A problem of the same field as the first needs no name again ("file: ...").
            let rest: Vec<String> = errors[1..]
                .iter()
                .map(|e| {
                    if e.field == errors[0].field {
                        e.reason.clone()
                    } else {
                        format!("{}: {}", e.field, e.reason)
                    }
                })
                .collect();
            let problems = if n == 2 { "problem" } else { "problems" };
            format!(" (and {} more {problems}: {})", n - 1, rest.join("; "))
        }
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::fields(vec![FieldError::new(field, reason)])
    }

    /// The same problems with their fields named inside `part` ("moved.result"), for an
    /// input that is one part of a larger form.
    pub fn within(self, part: &str) -> Self {
        match self {
            Error::Invalid { errors, .. } => Error::fields(
                errors
                    .into_iter()
                    .map(|e| FieldError::new(format!("{part}.{}", e.field), e.reason))
                    .collect(),
            ),
            other => other,
        }
    }

    /// The same problems with the field `from` called `to`: an input's field as the form
    /// that asked for it names it.
    pub fn rename(self, from: &str, to: &str) -> Self {
        match self {
            Error::Invalid { errors, .. } => Error::fields(
                errors
                    .into_iter()
                    .map(|e| {
                        let field = if e.field == from { to.to_string() } else { e.field };
                        FieldError::new(field, e.reason)
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    /// Every problem of one input at once; `problems` must not be empty.
    pub fn fields(problems: Vec<FieldError>) -> Self {
        let first =
            problems.first().cloned().unwrap_or_else(|| FieldError::new("input", "is not valid"));
        Error::Invalid {
            field: first.field,
            reason: first.reason,
            errors: if problems.is_empty() {
                vec![FieldError::new("input", "is not valid")]
            } else {
                problems
            },
        }
    }

    /// Every field problem this error holds: none unless it is `Invalid`.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Invalid { errors, .. } => errors,
            _ => &[],
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
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
            Error::Cancelled => ErrorKind::Cancelled,
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
    Cancelled,
}

/// An error as it crosses to the window; `field` names the input to mark and `message`
/// says why (the first problem), and `errors` lists every field problem, that one first.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
    pub errors: Vec<FieldMessage>,
}

/// One field problem as the window shows it beside its input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

impl IpcError {
    /// An error of the window's own (no field to mark).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        IpcError { kind, message: message.into(), field: None, errors: Vec::new() }
    }
}

impl From<&Error> for IpcError {
    fn from(error: &Error) -> Self {
        let (message, field) = match error {
            Error::Invalid { field, reason, .. } => (reason.clone(), Some(field.clone())),
            other => (other.to_string(), None),
        };
        IpcError {
            kind: error.kind(),
            message,
            field,
            errors: error
                .field_errors()
                .iter()
                .map(|e| FieldMessage { field: e.field.clone(), message: e.reason.clone() })
                .collect(),
        }
    }
}

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        IpcError::from(&error)
    }
}
