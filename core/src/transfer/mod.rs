//! Moving a journal in and out whole: one JSON document with every entry by UUID (links
//! by UUID too, never by local id), and imports from other tools. Reading a file is all
//! or nothing: any problem refuses the whole file with where it is, and changes nothing.

mod jrnl;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::EntryKind;
use crate::profile::Profile;
use crate::{Error, Result};

pub use jrnl::{parse_jrnl, JrnlNote};

pub const FORMAT: &str = "careerlog-journal";
pub const VERSION: u32 = 1;
/// Larger files are refused before parsing: no journal is this big.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// The whole-journal document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalFile {
    pub format: String,
    pub version: u32,
    pub entries: Vec<FileEntry>,
    #[serde(default)]
    pub bullets: Vec<FileBullet>,
    #[serde(default)]
    pub checklists: Vec<FileCycle>,
    #[serde(default)]
    pub profile: Option<Profile>,
}

/// An entry with its identity; links inside `fields` are UUIDs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub kind: EntryKind,
    pub uuid: String,
    pub created_at: String,
    pub updated_at: String,
    pub fields: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileBullet {
    pub uuid: String,
    pub project: String,
    /// What it was generated from, by UUID: `metric:<uuid>`.
    pub source_key: String,
    pub text: String,
    pub generated_text: String,
    pub edited: bool,
    pub included: bool,
    pub position: u32,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCycle {
    pub guide: String,
    pub number: u32,
    pub started_on: chrono::NaiveDate,
    pub closed_on: Option<chrono::NaiveDate>,
    pub checks: Vec<FileCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCheck {
    pub item: String,
    pub checked_at: String,
}

/// What an import did, per kind of entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub by_kind: Vec<KindCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KindCount {
    pub kind: EntryKind,
    pub count: u32,
}

/// The order entries are written and read in: what a link points at comes first.
pub fn kind_rank(kind: EntryKind) -> usize {
    EntryKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

/// Field names that hold links to other entries, one or many.
pub const LINK_FIELDS: &[&str] = &["project_id", "story_id"];
pub const LINK_LIST_FIELDS: &[&str] = &["project_ids", "metric_ids", "decision_ids"];

/// Rewrites the links in `fields` with `map` (local id to UUID on export, UUID to local
/// id on import). A link `map` cannot resolve is an error naming the field.
pub fn map_links(
    fields: &mut serde_json::Value,
    mut map: impl FnMut(&serde_json::Value) -> std::result::Result<serde_json::Value, String>,
) -> std::result::Result<(), String> {
    let Some(object) = fields.as_object_mut() else {
        return Err("fields must be an object".into());
    };
    for name in LINK_FIELDS {
        if let Some(value) = object.get_mut(*name) {
            if !value.is_null() {
                *value = map(value).map_err(|e| format!("{name}: {e}"))?;
            }
        }
    }
    for name in LINK_LIST_FIELDS {
        if let Some(serde_json::Value::Array(values)) = object.get_mut(*name) {
            for value in values.iter_mut() {
                *value = map(value).map_err(|e| format!("{name}: {e}"))?;
            }
        }
    }
    Ok(())
}

fn refuse(reason: String) -> Error {
    Error::invalid("file", reason)
}

/// Reads a whole-journal file, refusing anything that is not exactly one.
pub fn parse_journal_file(bytes: &[u8]) -> Result<JournalFile> {
    let file: JournalFile = read_json(bytes, None)?;
    if file.format != FORMAT {
        return Err(refuse(format!(
            "\"format\" is \"{}\", not a Career Log journal (\"{FORMAT}\")",
            file.format
        )));
    }
    if file.version != VERSION {
        return Err(refuse(format!(
            "format version {} is not one this Career Log reads (it reads version {VERSION}); update Career Log",
            file.version
        )));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, entry) in file.entries.iter().enumerate() {
        if uuid::Uuid::parse_str(&entry.uuid).is_err() {
            return Err(refuse(format!(
                "entries[{index}]: \"{}\" is not a UUID",
                entry.uuid
            )));
        }
        if let Some(first) = seen.insert(entry.uuid.as_str(), index) {
            return Err(refuse(format!(
                "entries[{index}]: the UUID {} is also used by entries[{first}]",
                entry.uuid
            )));
        }
        for (name, stamp) in [
            ("created_at", &entry.created_at),
            ("updated_at", &entry.updated_at),
        ] {
            if chrono::DateTime::parse_from_rfc3339(stamp).is_err() {
                return Err(refuse(format!(
                    "entries[{index}].{name}: \"{stamp}\" is not an RFC 3339 time"
                )));
            }
        }
    }
    let mut bullets: HashMap<&str, usize> = HashMap::new();
    for (index, bullet) in file.bullets.iter().enumerate() {
        if let Some(first) = bullets.insert(bullet.uuid.as_str(), index) {
            return Err(refuse(format!(
                "bullets[{index}]: the UUID {} is also used by bullets[{first}]",
                bullet.uuid
            )));
        }
    }
    Ok(file)
}

/// serde's messages end with " at line 1 column 2"; the place is already given.
/// Reads one JSON document of at most `MAX_BYTES`, all or nothing, naming where it breaks
/// and, when given, what the file should have been ("not jrnl's JSON export").
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    expected: Option<&str>,
) -> Result<T> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "the file is {} MB; the limit is {} MB",
            bytes.len() >> 20,
            MAX_BYTES >> 20
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = format!("line {} column {}", inner.line(), inner.column());
        let place = if path == "." || path.is_empty() {
            at
        } else {
            format!("{path} ({at})")
        };
        let problem = tidy(&inner.to_string());
        refuse(match expected {
            Some(what) => format!("{place}: not {what} ({problem})"),
            None => format!("{place}: {problem}"),
        })
    })?;
    deserializer.end().map_err(|e| {
        refuse(format!(
            "trailing characters after the document at line {} column {}",
            e.line(),
            e.column()
        ))
    })?;
    Ok(value)
}

fn tidy(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
