//! Moving a journal in and out whole: one JSON document with every entry by UUID (links
//! by UUID too, never by local id), and imports from other tools. Reading a file is all
//! or nothing: any problem refuses the whole file, says where in plain words, and
//! changes nothing.

mod archive;
mod dayone;
pub mod import;
pub(crate) mod jrnl;
mod json_resume;
mod linkedin;
pub mod markdown;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::form::{about, place_words, read, tidy, Step, Unreadable};
use crate::journal::EntryKind;
use crate::profile::Profile;
use crate::resume::VariantFilter;
use crate::{Error, Result};

pub use jrnl::{parse_jrnl, JrnlNote};

pub const FORMAT: &str = "careerlog-journal";
/// Version 2 added resume variants and the journal's settings. A Career Log that reads
/// only version 1 then says "update Career Log" instead of failing on the new fields.
pub const VERSION: u32 = 2;
/// The versions this Career Log reads.
pub const READS: std::ops::RangeInclusive<u32> = 1..=VERSION;
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
    /// Resume variants with their own order, wording and exclusions (version 2).
    #[serde(default)]
    pub variants: Vec<FileVariant>,
    /// The settings that belong to the journal, by key, as stored (version 2).
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// The engineer's note templates and their edits of shipped ones, by slug.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<crate::content::Template>,
    /// The engineer's wording of review-packet sentences, keys naming entries by UUID.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packet_edits: Vec<FilePacketEdit>,
}

/// One review-packet sentence in the engineer's words: `impact:metric:<uuid>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePacketEdit {
    pub key: String,
    pub text: String,
    pub generated_text: String,
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

/// A resume variant; the bullets it tailors are named by their UUIDs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileVariant {
    pub uuid: String,
    pub name: String,
    pub filter: VariantFilter,
    pub updated_at: String,
    pub bullets: Vec<FileTailoring>,
}

/// A variant's own place, wording or exclusion for one bullet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileTailoring {
    pub bullet: String,
    pub position: Option<u32>,
    pub text: Option<String>,
    pub excluded: bool,
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
    EntryKind::ALL.iter().position(|k| *k == kind).unwrap_or(usize::MAX)
}

/// Field names that hold links to other entries, one or many, with the kind they link to.
pub const LINK_FIELDS: &[(&str, EntryKind)] = &[
    ("project_id", EntryKind::Project),
    ("story_id", EntryKind::Story),
    ("person_id", EntryKind::Person),
    ("one_on_one_id", EntryKind::OneOnOne),
];
pub const LINK_LIST_FIELDS: &[(&str, EntryKind)] = &[
    ("project_ids", EntryKind::Project),
    ("metric_ids", EntryKind::Metric),
    ("decision_ids", EntryKind::Decision),
    ("feedback_ids", EntryKind::Feedback),
    ("person_ids", EntryKind::Person),
];

/// A link `map_links` could not follow: the field, and why in words that read after it.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenLink {
    pub field: &'static str,
    pub reason: String,
}

/// Rewrites the links in `fields` with `map` (local id to UUID on export, UUID to local
/// id on import), given the kind each link must point at. A link `map` cannot resolve is
/// an error naming the field.
pub fn map_links(
    fields: &mut serde_json::Value,
    mut map: impl FnMut(&serde_json::Value, EntryKind) -> std::result::Result<serde_json::Value, String>,
) -> std::result::Result<(), BrokenLink> {
    let Some(object) = fields.as_object_mut() else {
        return Err(BrokenLink {
            field: "fields",
            reason: "should be a group of named fields ({ ... })".into(),
        });
    };
    for (name, kind) in LINK_FIELDS {
        if let Some(value) = object.get_mut(*name) {
            if !value.is_null() {
                *value = map(value, *kind).map_err(|reason| BrokenLink { field: name, reason })?;
            }
        }
    }
    for (name, kind) in LINK_LIST_FIELDS {
        if let Some(serde_json::Value::Array(values)) = object.get_mut(*name) {
            for value in values.iter_mut() {
                *value = map(value, *kind).map_err(|reason| BrokenLink { field: name, reason })?;
            }
        }
    }
    Ok(())
}

/// A file refused for `reason`, said beside the control that chose it.
pub(crate) fn refuse(reason: String) -> Error {
    Error::invalid("file", reason)
}

/// Every problem of a file at once, each as a sentence of its own.
pub(crate) fn refuse_all(reasons: Vec<String>) -> Error {
    Error::fields(
        reasons.into_iter().map(|reason| crate::FieldError::new("file", reason)).collect(),
    )
}

/// "a metric", "an artifact".
pub fn a_kind(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {kind}")
}

/// What an entry is called in messages: `entry 13 (a metric, "p99 latency")`, counted
/// from 1 as people count.
pub fn entry_name(index: usize, kind: Option<&str>, fields: Option<&Value>) -> String {
    let title = fields.and_then(|f| {
        ["title", "name", "text", "source"]
            .iter()
            .find_map(|k| f.get(*k).and_then(Value::as_str))
            .map(|t| t.lines().next().unwrap_or_default().trim().to_string())
            .filter(|t| !t.is_empty())
    });
    let title = title.map(|t| {
        if t.chars().count() > 40 {
            format!("{}…", t.chars().take(40).collect::<String>())
        } else {
            t
        }
    });
    match (kind, title) {
        (Some(kind), Some(title)) => format!("entry {} ({}, \"{title}\")", index + 1, a_kind(kind)),
        (Some(kind), None) => format!("entry {} ({})", index + 1, a_kind(kind)),
        (None, Some(title)) => format!("entry {} (\"{title}\")", index + 1),
        (None, None) => format!("entry {}", index + 1),
    }
}

/// Names a place of the whole-journal document in words: which entry, bullet, cycle or
/// variant, and which of its fields.
fn file_place(document: &Value, path: &[Step]) -> (String, Option<String>) {
    let item = |list: &str, index: usize| document.get(list).and_then(|l| l.get(index));
    match path {
        [Step::Key(list), Step::Index(index), rest @ ..] if list == "entries" => {
            let entry = item(list, *index);
            let kind = entry.and_then(|e| e.get("kind")).and_then(Value::as_str);
            let name = entry_name(*index, kind, entry.and_then(|e| e.get("fields")));
            let rest = match rest {
                [Step::Key(fields), inner @ ..] if fields == "fields" && !inner.is_empty() => inner,
                other => other,
            };
            (name, (!rest.is_empty()).then(|| place_words(rest)))
        }
        [Step::Key(list), Step::Index(index), rest @ ..] => {
            let thing = match list.as_str() {
                "bullets" => "resume bullet",
                "checklists" => "checklist cycle",
                "variants" => "resume variant",
                _ => list.as_str(),
            };
            let title = item(list, *index)
                .and_then(|v| v.get("name").or_else(|| v.get("text")).or_else(|| v.get("guide")))
                .and_then(Value::as_str)
                .map(|t| format!(" (\"{}\")", t.chars().take(40).collect::<String>()))
                .unwrap_or_default();
            (format!("{thing} {}{title}", index + 1), (!rest.is_empty()).then(|| place_words(rest)))
        }
        [Step::Key(thing), rest @ ..] if thing == "profile" || thing == "settings" => {
            (format!("the {thing}"), (!rest.is_empty()).then(|| place_words(rest)))
        }
        [] => ("the file".to_string(), None),
        _ => ("the file".to_string(), Some(place_words(path))),
    }
}

/// One sentence for a problem at a place of the document.
fn told(document: &Value, problem: &Unreadable) -> String {
    if let [Step::Key(key)] = problem.path.as_slice() {
        return top_level(key, &problem.reason);
    }
    let (what, field) = file_place(document, &problem.path);
    match field {
        Some(field) => format!("{what}: {}", about(&field, &problem.reason)),
        None => format!("{what} {}", problem.reason),
    }
}

/// A problem with a field of the document itself: `the file has no "entries"`.
fn top_level(key: &str, reason: &str) -> String {
    if reason == "is missing" {
        format!("the file has no \"{key}\"")
    } else {
        format!("the file's \"{key}\" {reason}")
    }
}

/// Reads a whole-journal file, refusing anything that is not exactly one.
pub fn parse_journal_file(bytes: &[u8]) -> Result<JournalFile> {
    let mut document = read_value(bytes)?;
    let what = "a Career Log journal (one JSON object with \"format\": \"careerlog-journal\", a \"version\" and \"entries\")";
    let Some(top) = document.as_object() else {
        return Err(refuse(format!("the file holds {}, not {what}", a_json_kind(&document))));
    };
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(format)) => {
            return Err(refuse(format!(
            "the file's \"format\" is \"{format}\": it is not a Career Log journal (\"{FORMAT}\")"
        )))
        }
        _ => return Err(refuse(format!("the file has no \"format\": it is not {what}"))),
    }
    match top.get("version") {
        Some(Value::Number(n))
            if n
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .is_some_and(|v| READS.contains(&v)) => {}
        Some(Value::Number(n)) => {
            return Err(refuse(format!(
                "the file's format version {n} is not one this Career Log reads (it reads versions {} to {VERSION}); update Career Log",
                READS.start()
            )))
        }
        Some(other) => {
            return Err(refuse(format!(
                "the file's format version should be a whole number, not {}",
                a_json_kind(other)
            )))
        }
        None => return Err(refuse("the file has no format \"version\"".to_string())),
    }
    let named = document.clone();
    let file: JournalFile = read(&mut document)
        .map_err(|(problems, _)| refuse_all(problems.iter().map(|p| told(&named, p)).collect()))?;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let name = |index: usize| {
        let entry = &file.entries[index];
        entry_name(index, Some(entry.kind.as_str()), Some(&entry.fields))
    };
    for (index, entry) in file.entries.iter().enumerate() {
        if uuid::Uuid::parse_str(&entry.uuid).is_err() {
            return Err(refuse(format!(
                "{}: the UUID \"{}\" is not a UUID",
                name(index),
                entry.uuid
            )));
        }
        if let Some(first) = seen.insert(entry.uuid.as_str(), index) {
            return Err(refuse(format!(
                "{}: the UUID {} is also used by {}",
                name(index),
                entry.uuid,
                name(first)
            )));
        }
        for (field, stamp) in [("created_at", &entry.created_at), ("updated_at", &entry.updated_at)]
        {
            if chrono::DateTime::parse_from_rfc3339(stamp).is_err() {
                return Err(refuse(format!(
                    "{}: {}",
                    name(index),
                    about(
                        &crate::form::field_words(field),
                        &format!("is not a date and time (\"{stamp}\"; like 2024-03-01T09:30:00Z)")
                    )
                )));
            }
        }
    }
    let mut bullets: HashMap<&str, usize> = HashMap::new();
    for (index, bullet) in file.bullets.iter().enumerate() {
        if let Some(first) = bullets.insert(bullet.uuid.as_str(), index) {
            return Err(refuse(format!(
                "resume bullet {}: the UUID {} is also used by resume bullet {}",
                index + 1,
                bullet.uuid,
                first + 1
            )));
        }
    }
    let mut variants: HashMap<&str, usize> = HashMap::new();
    for (index, variant) in file.variants.iter().enumerate() {
        let name = format!("resume variant {} (\"{}\")", index + 1, variant.name);
        if uuid::Uuid::parse_str(&variant.uuid).is_err() {
            return Err(refuse(format!("{name}: the UUID \"{}\" is not a UUID", variant.uuid)));
        }
        if let Some(first) = variants.insert(variant.uuid.as_str(), index) {
            return Err(refuse(format!(
                "{name}: the UUID {} is also used by resume variant {}",
                variant.uuid,
                first + 1
            )));
        }
        if chrono::DateTime::parse_from_rfc3339(&variant.updated_at).is_err() {
            return Err(refuse(format!(
                "{name}: the time it was last changed is not a date and time (\"{}\")",
                variant.updated_at
            )));
        }
    }
    Ok(file)
}

/// "a list", "a number": what a JSON value is, for messages.
fn a_json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Reads one JSON document of at most `MAX_BYTES` as a value: not UTF-8, not JSON, cut
/// short or followed by more are each told with the line and column.
pub(crate) fn read_value(bytes: &[u8]) -> Result<Value> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "the file is {} MB; the limit is {} MB",
            bytes.len() >> 20,
            MAX_BYTES >> 20
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(format!("the file is not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
    })?;
    if text.trim().is_empty() {
        return Err(refuse("the file is empty (line 1)".to_string()));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Value::deserialize(&mut deserializer).map_err(|e| {
        let at = format!("line {} column {}", e.line(), e.column());
        let message = tidy(&e.to_string());
        refuse(if message.starts_with("EOF while parsing") {
            format!("the file ends too early, at {at}: is it cut short?")
        } else if message.starts_with("recursion limit") {
            format!("the file nests lists or objects too deeply, at {at}")
        } else {
            format!("the file is not valid JSON at {at}: {}", json_mistake(&message))
        })
    })?;
    deserializer.end().map_err(|e| {
        refuse(format!(
            "there is more after the end of the document (trailing text at line {} column {})",
            e.line(),
            e.column()
        ))
    })?;
    Ok(value)
}

/// serde_json's syntax errors as what to look for in the file.
fn json_mistake(message: &str) -> &'static str {
    const MISTAKES: &[(&str, &str)] = &[
        ("expected `,` or", "a comma or a closing bracket is missing"),
        ("expected `:`", "a colon is missing after a name"),
        ("trailing comma", "a comma stands before a closing bracket"),
        ("key must be a string", "a name is not in double quotes"),
        ("invalid escape", "a backslash escape is not valid"),
        ("invalid unicode code point", "a backslash escape is not valid"),
        ("invalid number", "a number is not written as JSON writes numbers"),
        ("number out of range", "a number is too large"),
        ("control character", "a text holds a control character (a raw tab or line break)"),
        ("lone leading surrogate", "a backslash escape is not valid"),
    ];
    MISTAKES
        .iter()
        .find(|(serde, _)| message.starts_with(serde))
        .map_or("a value is missing or is not JSON", |(_, told)| told)
}

/// Reads one JSON document of at most `MAX_BYTES`, all or nothing, naming where it breaks
/// and, when given, what the file should have been ("jrnl's JSON export").
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    expected: Option<&str>,
) -> Result<T> {
    let mut value = read_value(bytes)?;
    let named = value.clone();
    read(&mut value).map_err(|(problems, _)| {
        refuse_all(
            problems
                .iter()
                .map(|p| {
                    let sentence = match p.path.as_slice() {
                        [Step::Key(list), Step::Index(index), rest @ ..] if list == "entries" => {
                            let entry = named.get(list).and_then(|l| l.get(*index));
                            let name = entry_name(*index, None, entry);
                            if rest.is_empty() {
                                format!("{name} {}", p.reason)
                            } else {
                                format!("{name}: {}", about(&place_words(rest), &p.reason))
                            }
                        }
                        [Step::Key(key)] => top_level(key, &p.reason),
                        [] => format!("the file {}", p.reason),
                        path => about(&place_words(path), &p.reason),
                    };
                    match expected {
                        Some(what) => format!("{sentence}: is it {what}?"),
                        None => sentence,
                    }
                })
                .collect(),
        )
    })
}
