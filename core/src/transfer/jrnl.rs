//! jrnl's JSON export (`jrnl --format json`): entries with a date, a time, a title, a body
//! and `@tags`, read into dated notes so jrnl users can move over.

use chrono::NaiveDate;
use serde::Deserialize;

use super::refuse;
use crate::Result;

#[derive(Debug, Deserialize)]
struct JrnlFile {
    entries: Vec<JrnlEntry>,
    #[serde(default)]
    #[allow(dead_code)]
    tags: serde_json::Value,
}

#[derive(Debug, Deserialize)]
struct JrnlEntry {
    date: String,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// A jrnl entry as a note: its date, its text and its tags, with a UUID derived from its
/// content so importing the same file twice adds nothing the second time.
#[derive(Debug, Clone, PartialEq)]
pub struct JrnlNote {
    pub uuid: String,
    pub date: NaiveDate,
    pub created_at: String,
    pub text: String,
    pub tags: Vec<String>,
}

/// Namespace for the content-derived UUIDs of imported jrnl entries.
const JRNL_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x5f0c_6a2e_8d1b_4c3f_9a77_1e2d_3c4b_5a69);

pub fn parse_jrnl(bytes: &[u8]) -> Result<Vec<JrnlNote>> {
    let file: JrnlFile = super::read_json(bytes, Some("jrnl's JSON export"))?;
    file.entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let name =
                super::entry_name(index, None, Some(&serde_json::json!({ "title": entry.title })));
            let date = NaiveDate::parse_from_str(entry.date.trim(), "%Y-%m-%d").map_err(|_| {
                refuse(format!(
                    "{name}: the date is not a date (\"{}\"); write it as YYYY-MM-DD",
                    entry.date
                ))
            })?;
            let time = entry.time.as_deref().unwrap_or("00:00").trim().to_string();
            let clock = chrono::NaiveTime::parse_from_str(&time, "%H:%M").map_err(|_| {
                refuse(format!(
                    "{name}: the time is not a time of day (\"{time}\"); write it as HH:MM"
                ))
            })?;
            let title = entry.title.trim();
            let body = entry.body.trim();
            let text = match (title.is_empty(), body.is_empty()) {
                (false, false) => format!("{title}\n\n{body}"),
                (false, true) => title.to_string(),
                (true, false) => body.to_string(),
                (true, true) => {
                    return Err(refuse(format!("{name} has no text: neither a title nor a body")))
                }
            };
            let mut tags: Vec<String> = entry
                .tags
                .iter()
                .map(|t| t.trim().trim_start_matches(['@', '#']).to_string())
                .filter(|t| !t.is_empty())
                .collect();
            if entry.starred {
                tags.push("starred".into());
            }
            let identity = format!("{}|{time}|{text}", date);
            Ok(JrnlNote {
                uuid: uuid::Uuid::new_v5(&JRNL_NAMESPACE, identity.as_bytes()).to_string(),
                date,
                created_at: format!("{}T{}:00.000Z", date, clock.format("%H:%M")),
                text,
                tags,
            })
        })
        .collect()
}

/// jrnl's export as an import plan: one note per entry, by its content-derived UUID,
/// stamped with its own day and time (so a re-import, or a note edited here since,
/// changes nothing).
pub fn plan(bytes: &[u8]) -> Result<super::import::ImportPlan> {
    use super::import::{Existing, ImportPlan, ImportSource};
    let mut plan = ImportPlan::new(ImportSource::Jrnl, Existing::NewerWins);
    for (index, note) in parse_jrnl(bytes)?.into_iter().enumerate() {
        plan.places.push(super::entry_name(
            index,
            None,
            Some(&serde_json::json!({ "text": note.text })),
        ));
        plan.file.entries.push(super::FileEntry {
            kind: crate::journal::EntryKind::Note,
            uuid: note.uuid,
            created_at: note.created_at.clone(),
            updated_at: note.created_at,
            fields: serde_json::json!({ "date": note.date, "text": note.text, "tags": note.tags }),
        });
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "tags": {"@work": 2},
      "entries": [
        {"title": "Shipped the queue.", "body": "p99 fell to 120 ms. @work", "date": "2024-03-01", "time": "09:15", "tags": ["@work"], "starred": true},
        {"title": "1:1 with Dana", "body": "", "date": "2024-03-04", "time": "14:00", "tags": ["@work", "@mentoring"], "starred": false}
      ]
    }"#;

    #[test]
    fn jrnl_entries_become_dated_notes_with_tags() {
        let notes = parse_jrnl(SAMPLE.as_bytes()).unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].text, "Shipped the queue.\n\np99 fell to 120 ms. @work");
        assert_eq!(notes[0].tags, vec!["work", "starred"]);
        assert_eq!(notes[0].created_at, "2024-03-01T09:15:00.000Z");
        assert_eq!(notes[1].tags, vec!["work", "mentoring"]);
        assert_eq!(
            parse_jrnl(SAMPLE.as_bytes()).unwrap()[0].uuid,
            notes[0].uuid,
            "stable identity"
        );
    }

    #[test]
    fn a_bad_jrnl_file_says_where() {
        let cases = [
            (&b"\xff\xfe"[..], "not UTF-8"),
            (b"{\"entries\": [{\"date\": \"yesterday\", \"title\": \"x\"}]}", "entry 1 (\"x\"): the date is not a date (\"yesterday\"); write it as YYYY-MM-DD"),
            (b"{\"entries\": [{\"date\": 5}]}", "entry 1: the date should be text: is it jrnl's JSON export?"),
            (b"{\"entries\": [{\"date\": \"2024-01-01\", \"time\": \"25:99\", \"title\": \"x\"}]}", "entry 1 (\"x\"): the time is not a time of day (\"25:99\")"),
            (b"{\"entries\": [{\"date\": \"2024-01-01\"}]}", "entry 1 has no text"),
            (b"{\"entries\": [{\"title\": \"x\"}]}", "entry 1 (\"x\"): the date is missing"),
            (b"{\"notes\": []}", "the file has no \"entries\""),
            (b"[1, 2", "ends too early, at line 1"),
        ];
        for (bytes, needle) in cases {
            let message = parse_jrnl(bytes).unwrap_err().to_string();
            assert!(message.contains(needle), "{needle}: {message}");
        }
    }
}
