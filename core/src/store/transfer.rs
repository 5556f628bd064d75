//! Whole-journal export and import, and the jrnl import: all in one transaction each,
//! links by UUID, idempotent by UUID.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

use super::journal::{now, put, with_kind, Record};
use super::Journal;
use crate::journal::{EntryKind, Labels, NoteInput};
use crate::transfer::{
    kind_rank, map_links, parse_journal_file, parse_jrnl, FileBullet, FileCheck, FileCycle,
    FileEntry, ImportReport, JournalFile, KindCount, FORMAT, VERSION,
};
use crate::{Error, Result};

fn refuse(reason: String) -> Error {
    Error::invalid("file", reason)
}

/// Every entry of kind `R` as a file entry, links still as local ids.
fn export_kind<R: Record>(
    conn: &rusqlite::Connection,
    meta: &HashMap<i64, (String, String, String)>,
    out: &mut Vec<(i64, FileEntry)>,
) -> Result<()> {
    for (id, input) in R::all_inputs(conn)? {
        let Some((uuid, created_at, updated_at)) = meta.get(&id).cloned() else {
            continue;
        };
        let fields = serde_json::to_value(&input).expect("entries serialise");
        out.push((
            id,
            FileEntry {
                kind: R::KIND,
                uuid,
                created_at,
                updated_at,
                fields,
            },
        ));
    }
    Ok(())
}

/// Decodes an entry's fields as the input of its kind, naming the failing field.
fn decode<R: Record>(index: usize, fields: &Value) -> Result<R> {
    serde_path_to_error::deserialize::<_, R>(fields.clone()).map_err(|e| {
        refuse(format!(
            "entries[{index}].fields.{}: {}",
            e.path(),
            e.inner()
        ))
    })
}

/// Writes one imported entry: new, newer (updated) or not newer (left alone).
fn merge<R: Record>(
    tx: &Transaction,
    index: usize,
    entry: &FileEntry,
    fields: &Value,
    local: Option<(i64, EntryKind, String)>,
) -> Result<(Option<i64>, Outcome)> {
    let input: R = decode(index, fields)?;
    let at = |e: Error| match e {
        Error::Invalid { field, reason } => refuse(format!(
            "entries[{index}] ({} {}): {field}: {reason}",
            R::KIND.as_str(),
            entry.uuid
        )),
        other => other,
    };
    let input = input.validate().map_err(at)?.prepare(tx).map_err(at)?;
    match local {
        Some((_, kind, _)) if kind != R::KIND => Err(refuse(format!(
            "entries[{index}]: the UUID {} is a {} in this journal, not a {}",
            entry.uuid,
            kind.as_str(),
            R::KIND.as_str()
        ))),
        Some((id, _, updated_at)) if entry.updated_at > updated_at => {
            put(tx, id, &input)?;
            tx.prepare_cached("UPDATE entries SET updated_at = ?2 WHERE id = ?1")?
                .execute(params![id, entry.updated_at])?;
            Ok((Some(id), Outcome::Updated))
        }
        Some((id, _, _)) => Ok((Some(id), Outcome::Unchanged)),
        None => {
            tx.prepare_cached(
                "INSERT INTO entries (uuid, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                entry.uuid,
                R::KIND.as_str(),
                entry.created_at,
                entry.updated_at
            ])?;
            let id = tx.last_insert_rowid();
            put(tx, id, &input)?;
            Ok((Some(id), Outcome::Added))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
}

impl ImportReport {
    fn count(&mut self, kind: EntryKind, outcome: Outcome) {
        match outcome {
            Outcome::Added => self.added += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
        if outcome != Outcome::Unchanged {
            match self.by_kind.iter_mut().find(|k| k.kind == kind) {
                Some(k) => k.count += 1,
                None => self.by_kind.push(KindCount { kind, count: 1 }),
            }
        }
    }
}

impl Journal {
    /// The whole journal as one document, in a deterministic order.
    pub fn export_journal(&self) -> Result<JournalFile> {
        let mut meta: HashMap<i64, (String, String, String)> = HashMap::new();
        {
            let mut statement = self
                .conn
                .prepare_cached("SELECT id, uuid, created_at, updated_at FROM entries")?;
            for row in
                statement.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
            {
                let (id, value) = row?;
                meta.insert(id, value);
            }
        }
        let mut entries: Vec<(i64, FileEntry)> = Vec::new();
        for kind in EntryKind::ALL {
            with_kind!(kind, R => export_kind::<R>(&self.conn, &meta, &mut entries)?);
        }
        let uuid_of = |value: &Value| -> std::result::Result<Value, String> {
            let id = value.as_i64().ok_or("not an id")?;
            meta.get(&id)
                .map(|m| Value::String(m.0.clone()))
                .ok_or_else(|| format!("entry {id} is missing"))
        };
        let mut entries: Vec<FileEntry> = entries
            .into_iter()
            .map(|(_, mut e)| {
                map_links(&mut e.fields, uuid_of)
                    .map_err(|reason| Error::invalid("export", reason))?;
                Ok(e)
            })
            .collect::<Result<_>>()?;
        entries.sort_by(|a, b| {
            (kind_rank(a.kind), &a.created_at, &a.uuid).cmp(&(
                kind_rank(b.kind),
                &b.created_at,
                &b.uuid,
            ))
        });

        let mut bullets = Vec::new();
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT uuid, project_id, key, text, generated_text, edited, included, position, sources
                 FROM bullets ORDER BY position, uuid",
            )?;
            let rows = statement.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, bool>(5)?,
                    r.get::<_, bool>(6)?,
                    r.get::<_, u32>(7)?,
                    r.get::<_, String>(8)?,
                ))
            })?;
            for row in rows {
                let (uuid, project, key, text, generated_text, edited, included, position, sources) =
                    row?;
                // Bullets of a trashed project stay behind, like the project.
                let Some(project) = meta.get(&project).map(|m| m.0.clone()) else {
                    continue;
                };
                let source_key = match key.split_once(':') {
                    Some((kind, id)) => match id.parse().ok().and_then(|id: i64| meta.get(&id)) {
                        Some(m) => format!("{kind}:{}", m.0),
                        None => continue,
                    },
                    None => continue,
                };
                let sources: Vec<i64> = serde_json::from_str(&sources).unwrap_or_default();
                let sources = sources
                    .iter()
                    .filter_map(|id| meta.get(id).map(|m| m.0.clone()))
                    .collect();
                bullets.push(FileBullet {
                    uuid,
                    project,
                    source_key,
                    text,
                    generated_text,
                    edited,
                    included,
                    position,
                    sources,
                });
            }
        }

        let mut checklists = Vec::new();
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT id, guide, number, started_on, closed_on FROM checklist_cycles ORDER BY guide, number",
            )?;
            let cycles: Vec<(i64, FileCycle)> = statement
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        FileCycle {
                            guide: r.get(1)?,
                            number: r.get(2)?,
                            started_on: r.get(3)?,
                            closed_on: r.get(4)?,
                            checks: Vec::new(),
                        },
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (id, mut cycle) in cycles {
                cycle.checks = self
                    .checks(id)?
                    .into_iter()
                    .map(|c| FileCheck {
                        item: c.item,
                        checked_at: c.checked_at,
                    })
                    .collect();
                cycle.checks.sort_by(|a, b| a.item.cmp(&b.item));
                checklists.push(cycle);
            }
        }
        let profile = Some(self.profile()?).filter(|p| *p != crate::profile::Profile::default());
        Ok(JournalFile {
            format: FORMAT.to_string(),
            version: VERSION,
            entries,
            bullets,
            checklists,
            profile,
        })
    }

    /// Merges a whole-journal document, all or nothing; entries match by UUID, and the
    /// newer side of each wins.
    pub fn import_journal(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        let file = parse_journal_file(bytes)?;
        let tx = self.conn.transaction()?;
        let mut local: HashMap<String, (i64, EntryKind, String)> = HashMap::new();
        {
            let mut statement =
                tx.prepare_cached("SELECT uuid, id, kind, updated_at FROM entries")?;
            let rows = statement.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            for row in rows {
                let (uuid, id, kind, updated) = row?;
                if let Some(kind) = EntryKind::parse(&kind) {
                    local.insert(uuid, (id, kind, updated));
                }
            }
        }
        let mut order: Vec<usize> = (0..file.entries.len()).collect();
        order.sort_by_key(|&i| kind_rank(file.entries[i].kind));
        let mut report = ImportReport::default();
        for index in order {
            let entry = &file.entries[index];
            let mut fields = entry.fields.clone();
            map_links(&mut fields, |value| {
                let uuid = value.as_str().ok_or("a link must be a UUID string")?;
                local.get(uuid).map(|l| Value::from(l.0)).ok_or_else(|| {
                    format!("no entry with the UUID {uuid} in the file or the journal")
                })
            })
            .map_err(|reason| refuse(format!("entries[{index}].fields.{reason}")))?;
            let existing = local.get(&entry.uuid).cloned();
            let (id, outcome) =
                with_kind!(entry.kind, R => merge::<R>(&tx, index, entry, &fields, existing)?);
            if let (Some(id), Outcome::Added) = (id, outcome) {
                local.insert(
                    entry.uuid.clone(),
                    (id, entry.kind, entry.updated_at.clone()),
                );
            }
            report.count(entry.kind, outcome);
        }
        for (index, bullet) in file.bullets.iter().enumerate() {
            let id_of = |uuid: &str| local.get(uuid).map(|l| l.0);
            let project = id_of(&bullet.project).ok_or_else(|| {
                refuse(format!(
                    "bullets[{index}].project: no entry with the UUID {}",
                    bullet.project
                ))
            })?;
            let key = match bullet.source_key.split_once(':') {
                Some((kind, uuid)) => match id_of(uuid) {
                    Some(id) => format!("{kind}:{id}"),
                    None => {
                        return Err(refuse(format!(
                            "bullets[{index}].source_key: no entry with the UUID {uuid}"
                        )))
                    }
                },
                None => {
                    return Err(refuse(format!(
                        "bullets[{index}].source_key: \"{}\" is not kind:uuid",
                        bullet.source_key
                    )))
                }
            };
            let sources: Vec<i64> = bullet.sources.iter().filter_map(|u| id_of(u)).collect();
            if bullet.text.trim().is_empty() {
                return Err(refuse(format!("bullets[{index}].text: cannot be empty")));
            }
            tx.prepare_cached(
                "INSERT INTO bullets (uuid, project_id, key, text, generated_text, edited, included, position, sources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (key) DO UPDATE SET uuid = excluded.uuid, text = excluded.text,
                   generated_text = excluded.generated_text, edited = excluded.edited,
                   included = excluded.included, position = excluded.position, sources = excluded.sources",
            )?
            .execute(params![
                bullet.uuid,
                project,
                key,
                bullet.text,
                bullet.generated_text,
                bullet.edited,
                bullet.included,
                bullet.position,
                serde_json::to_string(&sources).expect("ids serialise")
            ])
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    refuse(format!("bullets[{index}]: the UUID {} belongs to another bullet here", bullet.uuid))
                }
                _ => e.into(),
            })?;
        }
        for cycle in &file.checklists {
            let existing: Option<i64> = tx
                .prepare_cached("SELECT id FROM checklist_cycles WHERE guide = ?1 AND number = ?2")?
                .query_row(params![cycle.guide, cycle.number], |r| r.get(0))
                .optional()?;
            let id = match existing {
                Some(id) => id,
                None => {
                    tx.prepare_cached("INSERT INTO checklist_cycles (guide, number, started_on, closed_on) VALUES (?1, ?2, ?3, ?4)")?
                        .execute(params![cycle.guide, cycle.number, cycle.started_on, cycle.closed_on])?;
                    tx.last_insert_rowid()
                }
            };
            for check in &cycle.checks {
                tx.prepare_cached("INSERT OR IGNORE INTO checklist_checks (cycle_id, item, checked_at) VALUES (?1, ?2, ?3)")?
                    .execute(params![id, check.item, check.checked_at])?;
            }
        }
        tx.commit()?;
        if let Some(theirs) = file.profile {
            let mine = self.profile()?;
            let merged = crate::profile::Profile {
                band: mine.band.or(theirs.band),
                role: mine.role.or(theirs.role),
                target_role: mine.target_role.or(theirs.target_role),
                name: mine.name.or(theirs.name),
                headline: mine.headline.or(theirs.headline),
                email: mine.email.or(theirs.email),
                location: mine.location.or(theirs.location),
                summary: mine.summary.or(theirs.summary),
            };
            if merged != self.profile()? {
                self.save_profile(merged)?;
            }
        }
        Ok(report)
    }

    /// Imports jrnl's JSON export as notes, all or nothing; entries already imported
    /// (same date, time and text) are left alone.
    pub fn import_jrnl(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        let notes = parse_jrnl(bytes)?;
        let tx = self.conn.transaction()?;
        let mut report = ImportReport::default();
        for (index, note) in notes.iter().enumerate() {
            let exists = tx
                .prepare_cached("SELECT 1 FROM entries WHERE uuid = ?1")?
                .exists([&note.uuid])?;
            if exists {
                report.count(EntryKind::Note, Outcome::Unchanged);
                continue;
            }
            let input = NoteInput {
                project_id: None,
                date: Some(note.date),
                text: note.text.clone(),
                labels: Labels {
                    tags: note.tags.clone(),
                    skills: Vec::new(),
                },
            }
            .validate()
            .map_err(|e| refuse(format!("entries[{index}]: {e}")))?;
            tx.prepare_cached("INSERT INTO entries (uuid, kind, created_at, updated_at) VALUES (?1, 'note', ?2, ?3)")?
                .execute(params![note.uuid, note.created_at, now()])?;
            let id = tx.last_insert_rowid();
            put(&tx, id, &input)?;
            report.count(EntryKind::Note, Outcome::Added);
        }
        tx.commit()?;
        Ok(report)
    }
}
