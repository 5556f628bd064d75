//! A Markdown folder out and back in: one file per entry, in folders by kind and year,
//! each file YAML front matter (kind, UUID, dates, tags, skills, links by UUID and every
//! other field, so nothing is lost) above the entry's main text in Markdown. Obsidian and
//! any editor read it; Career Log reads it back, the files' words winning over the
//! journal's, entries keeping their UUIDs. The tree is a pure function of the journal
//! document, so exporting twice gives identical folders.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::import::{day_stamp, Existing, ImportPlan, ImportSource, Progress, EPOCH, MAX_ENTRIES};
use super::refuse;
use super::{FileEntry, JournalFile};
use crate::journal::EntryKind;
use crate::profile::Profile;
use crate::{Error, Result};

/// The first line of the folder's README.md: how a later export knows the folder is its own.
pub const MARKER: &str = "<!-- careerlog-markdown-export: written by Career Log; safe to edit -->";
/// The longest file name made from a title, in bytes, before the `.md`.
pub const MAX_NAME: usize = 80;
/// Larger files are refused before they are read: no entry is this long.
pub const MAX_FILE_BYTES: u64 = 4 << 20;
/// How deeply a front-matter value may nest lists and groups.
pub const MAX_DEPTH: usize = 8;
/// How deeply folders are read below the folder given.
const MAX_FOLDERS: usize = 8;

/// Where a Markdown folder was written (as the window says it), and what went into it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct MarkdownExport {
    pub path: String,
    pub report: MarkdownReport,
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct MarkdownReport {
    /// Files in the folder after the export (entries, README.md, profile.md).
    pub files: u32,
    /// Folders under it (kinds and years).
    pub folders: u32,
    /// Files of a previous export that were written again because they changed.
    pub changed: u32,
    /// Files of a previous export removed because their entry is gone or was renamed.
    pub removed: u32,
}

/// The folder each kind's files go in.
pub fn folder(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Project => "projects",
        EntryKind::Metric => "metrics",
        EntryKind::Decision => "decisions",
        EntryKind::Artifact => "artifacts",
        EntryKind::Feedback => "feedback",
        EntryKind::Note => "notes",
        EntryKind::Story => "stories",
        EntryKind::Rehearsal => "rehearsals",
        EntryKind::Review => "reviews",
        EntryKind::Person => "people",
        EntryKind::OneOnOne => "one-on-ones",
        EntryKind::Action => "actions",
        EntryKind::Goal => "goals",
    }
}

/// Where an entry's main text goes: into the file's body.
#[derive(Clone, Copy)]
enum Body {
    /// This field; `true` when it may be unset (an empty body leaves it unset).
    Field(&'static str, bool),
    /// A story's sections, each under its heading.
    Story,
    /// Everything is in the front matter.
    Nothing,
}

fn body_of(kind: EntryKind) -> Body {
    match kind {
        EntryKind::Project => Body::Field("summary", true),
        EntryKind::Metric => Body::Field("evidence", true),
        EntryKind::Decision => Body::Field("context", true),
        EntryKind::Artifact => Body::Nothing,
        EntryKind::Feedback | EntryKind::Note | EntryKind::Action | EntryKind::Goal => {
            Body::Field("text", false)
        }
        EntryKind::Story => Body::Story,
        EntryKind::Rehearsal => Body::Field("note", true),
        EntryKind::Review => Body::Field("summary", false),
        EntryKind::Person | EntryKind::OneOnOne => Body::Field("notes", true),
    }
}

/// A story's sections in the order they are written, with their headings.
const SECTIONS: &[(&str, &str)] = &[
    ("situation", "Situation"),
    ("task", "Task"),
    ("context", "Context"),
    ("action", "Action"),
    ("result", "Result"),
];

/// Kinds whose `title` is a field of their own; the others get one for Obsidian only.
const TITLED: &[EntryKind] =
    &[EntryKind::Project, EntryKind::Decision, EntryKind::Artifact, EntryKind::Story];

/// Fields named differently in the front matter: links read as what they point at, and an
/// artifact's kind is not the entry's.
const RENAMED: &[(&str, &str)] = &[
    ("project_id", "project"),
    ("story_id", "story"),
    ("person_id", "person"),
    ("one_on_one_id", "one_on_one"),
    ("project_ids", "projects"),
    ("metric_ids", "metrics"),
    ("decision_ids", "decisions"),
    ("feedback_ids", "feedback"),
    ("person_ids", "people"),
    ("kind", "artifact_kind"),
];

/// Keys every entry's front matter starts with, in this order.
const HEADER: &[&str] = &["kind", "uuid", "title", "created", "updated"];

/// Fields that hold an entry's own day, the first one set deciding its year folder.
const DAYS: &[&str] = &[
    "date", "started_on", "starts_on", "measured_on", "decided_on", "set_on", "interview_on",
    "started_at",
];

/// The whole folder for `file`: (path with `/`, contents) for every entry, the README
/// and the profile, sorted by path. Resume bullets, variants, checklists, templates and
/// settings stay out (the README says so; the journal file carries them).
pub fn tree(file: &JournalFile) -> Vec<(String, String)> {
    let mut entries: Vec<&FileEntry> = file.entries.iter().collect();
    entries.sort_by(|a, b| a.uuid.cmp(&b.uuid));
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out: Vec<(String, String)> = Vec::with_capacity(entries.len() + 2);
    for entry in entries {
        let dir = format!("{}/{}", folder(entry.kind), year(entry));
        let name = slug(&title_of(entry));
        let mut path = format!("{dir}/{name}.md");
        if !taken.insert(path.clone()) {
            let short: String = entry.uuid.chars().filter(|c| *c != '-').take(8).collect();
            path = format!("{dir}/{name}-{short}.md");
            let mut more = 8;
            while !taken.insert(path.clone()) {
                more += 4;
                let longer: String = entry.uuid.chars().filter(|c| *c != '-').take(more).collect();
                path = format!("{dir}/{name}-{longer}.md");
                if more > 40 {
                    break;
                }
            }
        }
        out.push((path, entry_file(entry)));
    }
    out.push(("README.md".to_string(), readme()));
    if let Some(profile) = &file.profile {
        out.push(("profile.md".to_string(), profile_file(profile)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The year folder of an entry: its own day's year, else the year it was written.
fn year(entry: &FileEntry) -> String {
    let from = |text: &str| -> Option<String> {
        let day = text.get(..10)?;
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().map(|d| d.format("%Y").to_string())
    };
    DAYS.iter()
        .find_map(|k| entry.fields.get(*k).and_then(Value::as_str).and_then(from))
        .or_else(|| from(&entry.created_at))
        .unwrap_or_else(|| "undated".to_string())
}

/// What an entry is called: its title or name, else the first line of its text.
fn title_of(entry: &FileEntry) -> String {
    let field = |k: &str| entry.fields.get(k).and_then(Value::as_str);
    let first_line = |t: &str| {
        t.lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_string()
    };
    let mut candidates: Vec<&str> = vec!["title", "name", "text", "source", "agenda"];
    if let Body::Field(body, _) = body_of(entry.kind) {
        candidates.push(body);
    }
    let found = candidates.into_iter().filter_map(field).map(first_line).find(|t| !t.is_empty());
    found.unwrap_or_else(|| {
        let day = DAYS
            .iter()
            .find_map(|k| field(k))
            .or_else(|| entry.created_at.get(..10))
            .unwrap_or_default();
        format!("{} {day}", entry.kind.as_str().replace('_', "-")).trim().to_string()
    })
}

/// A file name from a title: lowercase ASCII letters, digits and dashes, at most
/// `MAX_NAME` bytes, never a name Windows reserves, never empty.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some("a".into()),
            'ç' => Some("c".into()),
            'è' | 'é' | 'ê' | 'ë' => Some("e".into()),
            'ì' | 'í' | 'î' | 'ï' => Some("i".into()),
            'ñ' => Some("n".into()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => Some("o".into()),
            'ù' | 'ú' | 'û' | 'ü' => Some("u".into()),
            'ý' | 'ÿ' => Some("y".into()),
            'ß' => Some("ss".into()),
            'æ' => Some("ae".into()),
            'œ' => Some("oe".into()),
            _ => None,
        };
        match plain {
            Some(p) => out.push_str(&p),
            None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            None => {}
        }
        if out.len() >= MAX_NAME {
            break;
        }
    }
    out.truncate(MAX_NAME);
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        return "untitled".to_string();
    }
    let reserved = matches!(out.as_str(), "con" | "prn" | "aux" | "nul")
        || ((out.starts_with("com") || out.starts_with("lpt"))
            && out.len() == 4
            && out.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("{out}-entry")
    } else {
        out
    }
}

/// A front-matter value: JSON, which YAML 1.2 reads as the same value (strings quoted
/// and escaped, lists and groups in flow style).
fn yaml(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

/// One entry's file.
fn entry_file(entry: &FileEntry) -> String {
    let mut fields: Map<String, Value> = entry.fields.as_object().cloned().unwrap_or_default();
    let mut body = String::new();
    match body_of(entry.kind) {
        Body::Field(name, optional) => {
            match fields.get(name) {
                Some(Value::String(text)) if !text.is_empty() => {
                    body = text.clone();
                    fields.remove(name);
                }
                // An empty text of a field that may be unset stays in the front matter, so
                // it does not come back unset.
                Some(Value::String(_)) if !optional => {
                    fields.remove(name);
                }
                _ => {}
            }
        }
        Body::Story => {
            let present: Vec<(&str, &str, String)> = SECTIONS
                .iter()
                .filter_map(|(key, heading)| {
                    fields
                        .get(*key)
                        .and_then(Value::as_str)
                        .map(|t| (*key, *heading, t.to_string()))
                })
                .collect();
            // A section holding a line that reads as a heading would split on the way
            // back: then the sections stay in the front matter.
            let clash = present.iter().any(|(_, _, text)| {
                text.lines().any(|l| SECTIONS.iter().any(|(_, h)| l == format!("## {h}")))
            });
            if !clash && !present.is_empty() {
                let blocks: Vec<String> = present
                    .iter()
                    .map(|(_, heading, text)| format!("## {heading}\n\n{text}"))
                    .collect();
                body = blocks.join("\n\n");
                for (key, ..) in &present {
                    fields.remove(*key);
                }
            }
        }
        Body::Nothing => {}
    }
    let mut out = String::from("---\n");
    let line = |out: &mut String, key: &str, value: &Value| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&yaml(value));
        out.push('\n');
    };
    line(&mut out, "kind", &Value::String(entry.kind.as_str().to_string()));
    line(&mut out, "uuid", &Value::String(entry.uuid.clone()));
    let title = fields.remove("title").unwrap_or_else(|| Value::String(title_of(entry)));
    line(&mut out, "title", &title);
    line(&mut out, "created", &Value::String(entry.created_at.clone()));
    line(&mut out, "updated", &Value::String(entry.updated_at.clone()));
    let mut rest: BTreeMap<String, Value> = BTreeMap::new();
    for (key, value) in fields {
        if value.is_null() {
            continue;
        }
        let key =
            RENAMED.iter().find(|(from, _)| *from == key).map_or(key, |(_, to)| to.to_string());
        rest.insert(key, value);
    }
    for (key, value) in &rest {
        line(&mut out, key, value);
    }
    out.push_str("---\n\n");
    out.push_str(&body);
    out.push('\n');
    out
}

/// The profile's file: its fields above, its summary as the body.
fn profile_file(profile: &Profile) -> String {
    let mut out = String::from("---\nkind: \"profile\"\n");
    let value = serde_json::to_value(profile).unwrap_or_default();
    let mut summary = String::new();
    if let Some(map) = value.as_object() {
        for (key, value) in map {
            match value {
                Value::Null => {}
                Value::String(text) if key == "summary" && !text.is_empty() => {
                    summary = text.clone()
                }
                other => {
                    out.push_str(&format!("{key}: {}\n", yaml(other)));
                }
            }
        }
    }
    out.push_str("---\n\n");
    out.push_str(&summary);
    out.push('\n');
    out
}

fn readme() -> String {
    format!(
        "{MARKER}\n\n# Career Log journal\n\n\
This folder is a Career Log journal written out as Markdown: one file per entry, in a\n\
folder per kind (projects, metrics, decisions, notes, people, ...) and a folder per year.\n\
Each file starts with YAML front matter (its kind, UUID, dates, tags, skills and the\n\
entries it links to, by UUID) above the entry's main text. Obsidian shows the front\n\
matter as properties; any editor can change the text.\n\n\
## Bringing it back\n\n\
`careerlog import markdown FOLDER` reads the folder back. A file whose text was edited\n\
updates its entry (the file wins); an unchanged file changes nothing; a file without a\n\
`uuid` is a new entry. Keep the `uuid` lines: they are how Career Log knows each entry.\n\
`profile.md` holds the profile; this README is not read.\n\n\
## What is not here\n\n\
Resume bullets and variants, checklists, note templates, review-packet wording and the\n\
journal's settings stay in Career Log (export the journal file for a complete copy).\n\
Exporting again into this folder rewrites it: files of entries that are gone are removed.\n"
    )
}

/// Refuses a problem in a file of the folder, naming the file and line.
fn at(path: &str, line: usize, what: impl std::fmt::Display) -> Error {
    Error::invalid("file", format!("{path} line {line}: {what}"))
}

/// A file's front matter as values by key, with the line of each, and its body.
struct Parsed {
    keys: Vec<(String, Value, usize)>,
    body: String,
    /// The line the body starts on, for messages.
    body_line: usize,
}

/// Splits a file into front matter and body, reading the front matter's YAML: one
/// `key: value` a line, values as JSON, plain or quoted scalars, or block lists of
/// scalars (`- item` lines, as Obsidian writes them).
fn parse(path: &str, text: &str) -> Result<Parsed> {
    let text =
        if text.starts_with("---\r\n") { text.replace("\r\n", "\n") } else { text.to_string() };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let Some(rest) = text.strip_prefix("---\n") else {
        let body = text.strip_suffix('\n').unwrap_or(&text).to_string();
        return Ok(Parsed { keys: Vec::new(), body, body_line: 1 });
    };
    let mut keys: Vec<(String, Value, usize)> = Vec::new();
    let mut offset = 0;
    let mut number = 1;
    let mut closed = None;
    for raw in rest.split_inclusive('\n') {
        number += 1;
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        offset += raw.len();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            closed = Some(offset);
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t', '-']) {
            let item = line.trim_start();
            let Some(item) = item.strip_prefix('-') else {
                return Err(at(
                    path,
                    number,
                    "this line is indented, but only list items (\"- item\") may be",
                ));
            };
            let Some((key, value, _)) = keys.last_mut() else {
                return Err(at(path, number, "a list item comes before any property"));
            };
            let item = scalar(path, number, key, item.trim())?;
            match value {
                Value::Null => *value = Value::Array(vec![item]),
                Value::Array(items) if items_from_block(items) => items.push(item),
                _ => {
                    return Err(at(
                        path,
                        number,
                        format!("a list item follows \"{key}\", which already has a value"),
                    ))
                }
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(at(
                path,
                number,
                "this line should be a property, like \"title: Standup\"",
            ));
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(at(
                path,
                number,
                format!("\"{key}\" is not a property name (letters, digits and _)"),
            ));
        }
        if let Some((_, _, first)) = keys.iter().find(|(k, ..)| k == key) {
            return Err(at(
                path,
                number,
                format!("\"{key}\" is given twice (also on line {first})"),
            ));
        }
        let value = value.trim();
        let value = if value.is_empty() { Value::Null } else { scalar(path, number, key, value)? };
        if depth(&value) > MAX_DEPTH {
            return Err(at(
                path,
                number,
                format!("\"{key}\" nests lists or groups more than {MAX_DEPTH} deep"),
            ));
        }
        keys.push((key.to_string(), value, number));
    }
    let Some(end) = closed else {
        return Err(at(
            path,
            1,
            "the front matter that starts here never ends (no closing \"---\" line)",
        ));
    };
    let body = &rest[end..];
    let body_line = number + 1 + usize::from(body.starts_with('\n'));
    let body = body.strip_prefix('\n').unwrap_or(body);
    let body = body.strip_suffix('\n').unwrap_or(body);
    Ok(Parsed { keys, body: body.to_string(), body_line })
}

/// Lists built from `- item` lines hold only scalars; a flow list never takes more items.
fn items_from_block(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|v| !v.is_array() && !v.is_object())
}

fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// One YAML value as the front matter writes it or an editor may: JSON (quoted strings,
/// flow lists and groups), single-quoted text, or a plain scalar.
fn scalar(path: &str, line: usize, key: &str, text: &str) -> Result<Value> {
    if text.starts_with(['"', '[', '{']) {
        return serde_json::from_str(text).or_else(|e| {
            if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                if !inner.contains(['[', '{', '"', '\'']) {
                    return inner
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| scalar(path, line, key, t))
                        .collect::<Result<Vec<_>>>()
                        .map(Value::Array);
                }
            }
            Err(at(
                path,
                line,
                format!(
                    "the value of \"{key}\" is not readable YAML ({})",
                    crate::form::tidy(&e.to_string())
                ),
            ))
        });
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let Some(inner) = inner.strip_suffix('\'') else {
            return Err(at(
                path,
                line,
                format!("the value of \"{key}\" opens a quote it does not close"),
            ));
        };
        return Ok(Value::String(inner.replace("''", "'")));
    }
    Ok(match text {
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        "null" | "Null" | "NULL" | "~" => Value::Null,
        _ => match serde_json::from_str::<serde_json::Number>(text) {
            Ok(number) => Value::Number(number),
            Err(_) => Value::String(text.to_string()),
        },
    })
}

/// Reads a Markdown folder written by `tree` (or by hand, or edited in another editor)
/// into a plan: every `.md` file below `dir` is an entry, except README.md and
/// profile.md at its top; other files, hidden folders and links are skipped and said
/// so. All or nothing: a bad file refuses the whole folder, naming the file and line.
pub fn plan(dir: &Path, progress: Progress) -> Result<ImportPlan> {
    let meta = std::fs::metadata(dir)
        .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?;
    if !meta.is_dir() {
        return Err(refuse(format!(
            "{} is not a folder: give the folder a Markdown export was written to",
            dir.display()
        )));
    }
    let mut plan = ImportPlan::new(ImportSource::Markdown, Existing::SourceWins);
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    walk(dir, "", 0, &mut files, &mut plan)?;
    files.sort();
    if files.len() > MAX_ENTRIES {
        return Err(refuse(format!(
            "{} holds {} Markdown files; the limit is {MAX_ENTRIES}",
            dir.display(),
            files.len()
        )));
    }
    let total = files.len() as u64;
    let mut seen: HashMap<String, String> = HashMap::new();
    for (done, (name, full)) in files.iter().enumerate() {
        progress(done as u64, total);
        if name == "README.md" {
            continue;
        }
        let size =
            std::fs::metadata(full).map_err(|e| Error::io(format!("cannot read {name}"), e))?.len();
        if size > MAX_FILE_BYTES {
            return Err(refuse(format!(
                "{name} is {} MB; the limit for one entry's file is {} MB",
                size >> 20,
                MAX_FILE_BYTES >> 20
            )));
        }
        let bytes = std::fs::read(full).map_err(|e| Error::io(format!("cannot read {name}"), e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            refuse(format!(
                "{name} is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        let parsed = parse(name, &text)?;
        if name == "profile.md" {
            plan.file.profile = Some(read_profile(name, parsed)?);
            continue;
        }
        let mut entry = read_entry(name, parsed)?;
        if entry.uuid.is_empty() {
            entry.uuid = super::import::source_uuid(ImportSource::Markdown, name);
        }
        if let Some(first) = seen.insert(entry.uuid.clone(), name.clone()) {
            return Err(refuse(format!(
                "{name}: its uuid {} is also the uuid of {first}",
                entry.uuid
            )));
        }
        plan.places.push(name.clone());
        plan.file.entries.push(entry);
    }
    progress(total, total);
    Ok(plan)
}

/// Collects the `.md` files below `dir` as (path from the top with `/`, full path),
/// never following a link.
fn walk(
    dir: &Path,
    prefix: &str,
    level: usize,
    files: &mut Vec<(String, PathBuf)>,
    plan: &mut ImportPlan,
) -> Result<()> {
    let read = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?;
    let mut children: Vec<(String, PathBuf)> = Vec::new();
    for child in read {
        let child = child.map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?;
        let name = child.file_name().to_string_lossy().into_owned();
        children.push((name, child.path()));
    }
    children.sort();
    for (name, full) in children {
        let shown = format!("{prefix}{name}");
        let kind = std::fs::symlink_metadata(&full)
            .map_err(|e| Error::io(format!("cannot read {shown}"), e))?
            .file_type();
        if kind.is_symlink() {
            plan.skip(shown, "it is a link; links are not followed");
        } else if name.starts_with('.') {
            if kind.is_dir() {
                plan.skip(
                    format!("folder {shown}"),
                    "hidden folders (an editor's settings) are not read",
                );
            }
        } else if kind.is_dir() {
            if level + 1 >= MAX_FOLDERS {
                plan.skip(
                    format!("folder {shown}"),
                    format!("it is more than {MAX_FOLDERS} folders deep"),
                );
            } else {
                walk(&full, &format!("{shown}/"), level + 1, files, plan)?;
            }
        } else if name.to_ascii_lowercase().ends_with(".md") {
            files.push((shown, full));
        } else {
            plan.skip(shown, "only Markdown files (.md) are read");
        }
    }
    Ok(())
}

/// The profile from profile.md.
fn read_profile(path: &str, parsed: Parsed) -> Result<Profile> {
    let mut map = Map::new();
    for (key, value, line) in parsed.keys {
        if key == "kind" {
            continue;
        }
        if !value.is_null() && !value.is_string() {
            return Err(at(path, line, format!("the profile's \"{key}\" should be text")));
        }
        map.insert(key, value);
    }
    let body = parsed.body.trim_end_matches('\n');
    if !body.is_empty() {
        map.insert("summary".into(), Value::String(parsed.body.clone()));
    }
    serde_json::from_value(Value::Object(map)).map_err(|e| {
        refuse(format!(
            "{path}: the profile is not readable: {}",
            crate::form::tidy(&e.to_string())
        ))
    })
}

/// An entry from its file; its `uuid` is empty when the file has none (the plan derives
/// one from the path).
fn read_entry(path: &str, parsed: Parsed) -> Result<FileEntry> {
    let get = |name: &str| -> Option<(Value, usize)> {
        let index = parsed.keys.iter().position(|(k, ..)| k == name)?;
        let (_, value, line) = parsed.keys[index].clone();
        Some((value, line))
    };
    let kind = match get("kind") {
        Some((Value::String(kind), line)) => {
            EntryKind::parse(&kind.replace('-', "_")).ok_or_else(|| {
                let kinds: Vec<&str> = EntryKind::ALL.iter().map(|k| k.as_str()).collect();
                at(path, line, format!("\"{kind}\" is not a kind of entry ({})", kinds.join(", ")))
            })?
        }
        Some((_, line)) => return Err(at(path, line, "the kind should be text, like \"note\"")),
        None => {
            let top = path.split('/').next().unwrap_or_default();
            EntryKind::ALL.into_iter().find(|k| folder(*k) == top).unwrap_or(EntryKind::Note)
        }
    };
    let uuid = match get("uuid") {
        Some((Value::String(uuid), line)) => {
            if uuid::Uuid::parse_str(&uuid).is_err() {
                return Err(at(path, line, format!("the uuid \"{uuid}\" is not a UUID")));
            }
            uuid
        }
        Some((Value::Null, _)) | None => String::new(),
        Some((_, line)) => return Err(at(path, line, "the uuid should be text")),
    };
    let stamp = |name: &str, words: &str| -> Result<Option<String>> {
        match get_value(&parsed, name) {
            Some((Value::String(s), line)) => {
                if chrono::DateTime::parse_from_rfc3339(&s).is_err() {
                    return Err(at(path, line, format!("the time it was {words} is not a date and time (\"{s}\"; like 2024-03-01T09:30:00Z)")));
                }
                Ok(Some(s))
            }
            Some((Value::Null, _)) | None => Ok(None),
            Some((_, line)) => Err(at(
                path,
                line,
                format!("the time it was {words} should be text, like 2024-03-01T09:30:00Z"),
            )),
        }
    };
    let created = stamp("created", "created")?;
    let updated = stamp("updated", "last changed")?;
    let mut fields = Map::new();
    for (key, value, line) in &parsed.keys {
        if HEADER.contains(&key.as_str()) && key != "title" {
            continue;
        }
        if key == "title" && !TITLED.contains(&kind) {
            continue;
        }
        let name = RENAMED
            .iter()
            .find(|(_, to)| to == key)
            .map_or(key.clone(), |(from, _)| from.to_string());
        if let (true, Value::String(day)) = (name == "date" || name.ends_with("_on"), value) {
            if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err() {
                return Err(at(
                    path,
                    *line,
                    format!(
                        "the {} is not a date (\"{day}\"; like 2024-03-01)",
                        crate::form::field_words(&name)
                    ),
                ));
            }
        }
        fields.insert(name, value.clone());
    }
    let body = parsed.body.as_str();
    match body_of(kind) {
        Body::Field(name, optional) => {
            if !body.is_empty() {
                fields.insert(name.to_string(), Value::String(body.to_string()));
            } else if !fields.contains_key(name) {
                // An emptied body clears the field, or leaves the text empty.
                let empty = if optional { Value::Null } else { Value::String(String::new()) };
                fields.insert(name.to_string(), empty);
            }
        }
        Body::Story => {
            if !body.trim().is_empty() {
                for (key, text) in sections(path, parsed.body_line, body)? {
                    fields.insert(key.to_string(), Value::String(text));
                }
            }
        }
        Body::Nothing => {
            if !body.trim().is_empty() {
                return Err(refuse(format!(
                    "{path}: {} keeps everything in its front matter; the text below it would be lost",
                    super::a_kind(kind.as_str())
                )));
            }
        }
    }
    let stamp = created.clone().or_else(|| updated.clone()).unwrap_or_else(|| {
        let day = DAYS
            .iter()
            .find_map(|k| fields.get(*k).and_then(Value::as_str))
            .and_then(|d| d.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or(EPOCH);
        day_stamp(day)
    });
    Ok(FileEntry {
        kind,
        uuid,
        created_at: created.unwrap_or_else(|| stamp.clone()),
        updated_at: updated.unwrap_or(stamp),
        fields: Value::Object(fields),
    })
}

fn get_value(parsed: &Parsed, name: &str) -> Option<(Value, usize)> {
    parsed.keys.iter().find(|(k, ..)| k == name).map(|(_, v, l)| (v.clone(), *l))
}

/// A story's body split at its `## Situation` ... headings, the sections' text exact.
fn sections(path: &str, first_line: usize, body: &str) -> Result<Vec<(&'static str, String)>> {
    let mut starts: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        if let Some((key, _)) = SECTIONS.iter().find(|(_, h)| bare == format!("## {h}")) {
            starts.push((offset, offset + line.len(), key));
        }
        offset += line.len();
    }
    let before = &body[..starts.first().map_or(body.len(), |s| s.0)];
    if !before.trim().is_empty() {
        let line = first_line
            + before.chars().take_while(|c| c.is_whitespace()).filter(|c| *c == '\n').count();
        return Err(at(
            path,
            line,
            "a story's text goes under its headings (## Situation, ## Task, ## Action, ## Result, or ## Context for CAR)",
        ));
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, (_, content, key)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(body.len(), |next| next.0);
        let mut text = &body[*content..end];
        text = text.strip_prefix('\n').unwrap_or(text);
        if i + 1 < starts.len() {
            text = text.strip_suffix("\n\n").unwrap_or(text);
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(refuse(format!(
                "{path}: the story has two \"## {}\" sections",
                heading(key)
            )));
        }
        out.push((*key, text.to_string()));
    }
    Ok(out)
}

fn heading(key: &str) -> &'static str {
    SECTIONS.iter().find(|(k, _)| *k == key).map_or("", |(_, h)| h)
}

/// Writes `tree` into `dir`: an empty or absent folder, or one a previous export wrote
/// (its README.md starts with `MARKER`); anything else is refused untouched. Files are
/// written atomically, unchanged ones left alone, and the `.md` files of a previous
/// export that are not in the tree are removed, with the folders they leave empty.
pub fn write(dir: &Path, tree: &[(String, String)]) -> Result<MarkdownReport> {
    let shown = dir.display();
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            return Err(refuse(format!(
                "{shown} is a file, not a folder: give a folder to write the Markdown into"
            )));
        }
        Ok(_) => {
            let mut children =
                std::fs::read_dir(dir).map_err(|e| Error::io(format!("cannot read {shown}"), e))?;
            if children.next().is_some() {
                let readme = std::fs::read_to_string(dir.join("README.md")).unwrap_or_default();
                if !readme.starts_with(MARKER) {
                    return Err(refuse(format!(
                        "{shown} is not empty and is not a Career Log Markdown export (no Career Log README.md): choose an empty folder"
                    )));
                }
            }
        }
        Err(_) => std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create {shown}"), e))?,
    }
    let mut report = MarkdownReport::default();
    let mut folders: BTreeSet<String> = BTreeSet::new();
    for (path, text) in tree {
        let full = dir.join(path);
        let mut parent = path.as_str();
        while let Some((up, _)) = parent.rsplit_once('/') {
            folders.insert(up.to_string());
            parent = up;
        }
        if let Some(up) = full.parent() {
            std::fs::create_dir_all(up)
                .map_err(|e| Error::io(format!("cannot create {}", up.display()), e))?;
        }
        match std::fs::read(&full) {
            Ok(old) if old == text.as_bytes() => {}
            found => {
                if found.is_ok() {
                    report.changed += 1;
                }
                crate::files::write_atomically(&full, text.as_bytes())?;
            }
        }
        report.files += 1;
    }
    report.folders = u32::try_from(folders.len()).unwrap_or(u32::MAX);
    let keep: BTreeSet<&str> = tree.iter().map(|(p, _)| p.as_str()).collect();
    report.removed = prune(dir, "", &keep)?;
    Ok(report)
}

/// Removes the `.md` files below `dir` not in `keep`, then the folders left empty;
/// hidden folders and links are left alone. Returns how many files it removed.
fn prune(dir: &Path, prefix: &str, keep: &BTreeSet<&str>) -> Result<u32> {
    let mut removed = 0;
    let read = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?;
    for child in read {
        let child = child.map_err(|e| Error::io(format!("cannot read {}", dir.display()), e))?;
        let name = child.file_name().to_string_lossy().into_owned();
        let full = child.path();
        let shown = format!("{prefix}{name}");
        let Ok(meta) = std::fs::symlink_metadata(&full) else { continue };
        if name.starts_with('.') || meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            removed += prune(&full, &format!("{shown}/"), keep)?;
            if std::fs::read_dir(&full).map(|mut d| d.next().is_none()).unwrap_or(false) {
                let _ = std::fs::remove_dir(&full);
            }
        } else if name.ends_with(".md") && !keep.contains(shown.as_str()) {
            std::fs::remove_file(&full)
                .map_err(|e| Error::io(format!("cannot remove {}", full.display()), e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
