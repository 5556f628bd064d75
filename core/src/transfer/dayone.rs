//! Day One's JSON export (its `Journal.json`, alone or in the ZIP Day One writes) as an
//! import plan: each entry a dated note, on the day it was written where it was written
//! (its own time zone), with its tags, and "starred" as one more tag. Photos, audio, video
//! and PDFs are counted and reported; their entries' text comes in.

use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Value};

use super::archive::{self, file_name};
use super::import::{
    read_file, Existing, ImportPlan, ImportSource, Progress, MAX_ENTRIES, MAX_TEXT,
};
use super::refuse;
use crate::journal::EntryKind;
use crate::{Error, Result};

#[derive(Debug, Deserialize)]
struct DayOneFile {
    entries: Vec<DayOneEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayOneEntry {
    #[serde(default)]
    uuid: Option<String>,
    creation_date: String,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    photos: Vec<Value>,
    #[serde(default)]
    audios: Vec<Value>,
    #[serde(default)]
    videos: Vec<Value>,
    #[serde(default)]
    pdf_attachments: Vec<Value>,
}

/// Day One's Markdown as plain Markdown: its backslash escapes undone, its image lines
/// (`![](dayone-moment://…)`) left out.
pub fn tidy_text(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.contains("dayone-moment:/")).collect();
    let mut out = String::with_capacity(text.len());
    let joined = lines.join("\n");
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if "\\.-!#*_()[]{}+`>|~".contains(next) {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out.trim().to_string()
}

pub fn plan(path: &Path, progress: Progress) -> Result<ImportPlan> {
    let mut plan = ImportPlan::new(ImportSource::Dayone, Existing::NewerWins);
    let bytes = read_file(path)?;
    let journals: Vec<(String, Vec<u8>)> = if archive::is_zip(&bytes) {
        drop(bytes);
        let members = archive::read(path, &|name| name.ends_with(".json"), progress)?;
        let mut attachments = 0;
        let mut journals = Vec::new();
        for member in members {
            match member.bytes {
                Some(bytes) => journals.push((member.name, bytes)),
                None if ["photos/", "audios/", "videos/", "pdfs/"]
                    .iter()
                    .any(|d| member.name.starts_with(d)) =>
                {
                    attachments += 1
                }
                None => plan
                    .skip(format!("archive file {}", member.name), "Career Log does not import it"),
            }
        }
        if attachments > 0 {
            plan.skip(
                format!("attachment files ({attachments})"),
                "photos, audio, video and PDFs are not imported; the text of their entries is",
            );
        }
        if journals.is_empty() {
            return Err(refuse(format!(
                "{} holds no journal JSON file: is it Day One's export?",
                path.display()
            )));
        }
        journals
    } else {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        vec![(name, bytes)]
    };
    let (mut photos, mut audios, mut others) = (0usize, 0usize, 0usize);
    for (name, bytes) in &journals {
        let file: DayOneFile = super::read_json(bytes, Some("Day One's JSON export"))
            .map_err(|e| in_file(e, name, journals.len()))?;
        if file.entries.len() + plan.file.entries.len() > MAX_ENTRIES {
            return Err(refuse(format!("{name} has more than {MAX_ENTRIES} entries")));
        }
        for (index, entry) in file.entries.into_iter().enumerate() {
            let text = tidy_text(&entry.text);
            let at = {
                let named = super::entry_name(index, None, Some(&json!({ "text": text })));
                if journals.len() > 1 {
                    format!("{file_name}: {named}", file_name = file_name(name))
                } else {
                    named
                }
            };
            let written = chrono::DateTime::parse_from_rfc3339(&entry.creation_date).map_err(|_| {
                refuse(format!(
                    "{at}: the creation date is not a date and time (\"{}\"; Day One writes 2024-03-01T09:30:00Z)",
                    entry.creation_date
                ))
            })?;
            let day = match entry.time_zone.as_deref().filter(|z| !z.is_empty()) {
                None => written.date_naive(),
                Some(zone) => {
                    let tz = jiff::tz::TimeZone::get(zone).map_err(|_| {
                        refuse(format!(
                            "{at}: the time zone \"{zone}\" is not one this computer knows"
                        ))
                    })?;
                    let instant =
                        jiff::Timestamp::from_second(written.timestamp()).map_err(|e| {
                            refuse(format!("{at}: the creation date is out of range ({e})"))
                        })?;
                    let local = instant.to_zoned_datetime(tz).date();
                    chrono::NaiveDate::from_ymd_opt(
                        local.year().into(),
                        local.month() as u32,
                        local.day() as u32,
                    )
                    .unwrap_or_else(|| written.date_naive())
                }
            };
            photos += entry.photos.len();
            audios += entry.audios.len();
            others += entry.videos.len() + entry.pdf_attachments.len();
            if text.is_empty() {
                plan.skip(at, "it has no text (only attachments, perhaps)");
                continue;
            }
            if text.len() > MAX_TEXT {
                return Err(refuse(format!(
                    "{at}: the text is {} KB; the limit is {} KB",
                    text.len() >> 10,
                    MAX_TEXT >> 10
                )));
            }
            let mut tags: Vec<String> =
                entry.tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
            if entry.starred {
                tags.push("starred".into());
            }
            let key = match &entry.uuid {
                Some(uuid) => format!("entry|{uuid}"),
                None => format!("entry|{}|{text}", entry.creation_date),
            };
            let stamp = written
                .with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            plan.entry(
                EntryKind::Note,
                &key,
                &stamp,
                json!({ "project_id": Value::Null, "date": day, "text": text, "tags": tags, "skills": [] }),
                &at,
            );
        }
    }
    for (count, what) in
        [(photos, "photos"), (audios, "audio recordings"), (others, "videos and PDFs")]
    {
        if count > 0 {
            plan.skip(
                format!("{what} ({count})"),
                "attachments are not imported; the text of their entries is",
            );
        }
    }
    Ok(plan)
}

/// A refusal of one journal file of several, naming the file.
fn in_file(error: Error, name: &str, files: usize) -> Error {
    if files <= 1 {
        return error;
    }
    match error {
        Error::Invalid { errors, .. } => super::refuse_all(
            errors.into_iter().map(|e| format!("{}: {}", file_name(name), e.reason)).collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
#[path = "archives_tests.rs"]
mod tests;
