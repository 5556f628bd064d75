//! Whole-journal export and import, and the jrnl import: all in one transaction each,
//! links by UUID, idempotent by UUID, the newer side of each entry or variant winning.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;

use super::journal::{now, put, with_kind, without_labels, Record};
use super::Journal;
use crate::documents::packet::swap_key_ids;
use crate::form::{about, field_words, place_words, read};
use crate::journal::{EntryKind, Labels, Stored};
use crate::transfer::import::{
    profile_fills, Existing, ImportPlan, ImportPreview, ImportSource, PreviewItem, FIRST,
};
use crate::transfer::markdown::MarkdownReport;
use crate::transfer::{
    a_kind, entry_name, kind_rank, map_links, parse_journal_file, refuse_all, FileBullet,
    FileCheck, FileCycle, FileEntry, FilePacketEdit, FileTailoring, FileVariant, ImportReport,
    JournalFile, KindCount, FORMAT, VERSION,
};
use crate::{Error, Result};

fn refuse(reason: String) -> Error {
    Error::invalid("file", reason)
}

/// Every entry of kind `R` as a file entry, links still as local ids. The labels come
/// from `labels` (one query for the whole journal), not from two subqueries per row.
fn export_kind<R: Record>(
    conn: &rusqlite::Connection,
    meta: &HashMap<i64, (String, String, String)>,
    labels: &HashMap<i64, Labels>,
    out: &mut Vec<(i64, FileEntry)>,
) -> Result<()> {
    let mut statement = conn.prepare(&without_labels(R::SELECT))?;
    let rows = statement.query_map([], R::row)?;
    for full in rows {
        let full = full?;
        let id = full.id();
        let Some((uuid, created_at, updated_at)) = meta.get(&id).cloned() else {
            continue;
        };
        let mut fields = serde_json::to_value(full.to_input()).expect("entries serialise");
        if let (Some(found), Some(map)) = (labels.get(&id), fields.as_object_mut()) {
            if map.contains_key("tags") {
                map.insert("tags".into(), serde_json::json!(found.tags));
                map.insert("skills".into(), serde_json::json!(found.skills));
                if !found.person_ids.is_empty() {
                    map.insert("person_ids".into(), serde_json::json!(found.person_ids));
                }
            }
        }
        out.push((id, FileEntry { kind: R::KIND, uuid, created_at, updated_at, fields }));
    }
    Ok(())
}

/// The tags, skills and people of every entry that has any, each in the engineer's order.
fn all_labels(conn: &rusqlite::Connection) -> Result<HashMap<i64, Labels>> {
    let mut statement =
        conn.prepare("SELECT entry_id, kind, name FROM labels ORDER BY entry_id, kind, position")?;
    let mut rows = statement.query([])?;
    let mut labels: HashMap<i64, Labels> = HashMap::new();
    while let Some(row) = rows.next()? {
        let entry = labels.entry(row.get(0)?).or_default();
        let kind: String = row.get(1)?;
        let list = if kind == "tag" { &mut entry.tags } else { &mut entry.skills };
        list.push(row.get(2)?);
    }
    let mut statement =
        conn.prepare("SELECT entry_id, person_id FROM entry_people ORDER BY entry_id, position")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        labels.entry(row.get(0)?).or_default().person_ids.push(row.get(1)?);
    }
    Ok(labels)
}

/// Every problem of an entry's fields, each told as a sentence naming the entry.
fn entry_problems(name: &str, error: Error) -> Error {
    match error {
        Error::Invalid { errors, .. } => refuse_all(
            errors
                .iter()
                .map(|e| format!("{name}: {}", about(&field_words(&e.field), &e.reason)))
                .collect(),
        ),
        other => other,
    }
}

/// Reads an entry's fields as the input of its kind, telling every unreadable field.
fn decode<R: Record>(name: &str, fields: &Value) -> Result<R> {
    let mut fields = fields.clone();
    read::<R>(&mut fields).map_err(|(problems, _)| {
        refuse_all(
            problems
                .iter()
                .map(|p| format!("{name}: {}", about(&place_words(&p.path), &p.reason)))
                .collect(),
        )
    })
}

/// A decision written before the choice had to be one of its options keeps its choice,
/// as one more option, so an older export still imports whole.
fn keep_free_choice(fields: &mut Value) {
    let Some(chosen) = fields.get("chosen").and_then(Value::as_str).map(str::to_string) else {
        return;
    };
    let Some(Value::Array(options)) = fields.get_mut("options") else {
        return;
    };
    let named = |o: &Value| o.get("text").and_then(Value::as_str).map(str::to_string);
    let listed: Vec<String> = options.iter().filter_map(named).collect();
    let any_named = listed.iter().any(|t| !t.trim().is_empty());
    if any_named
        && !chosen.trim().is_empty()
        && !listed.iter().any(|t| crate::journal::validate::same_choice(t, &chosen))
    {
        options.push(serde_json::json!({ "text": chosen }));
    }
}

/// Writes one imported entry: new, newer (updated) or not newer (left alone).
fn merge<R: Record>(
    tx: &Transaction,
    name: &str,
    entry: &FileEntry,
    fields: &Value,
    local: Option<(i64, EntryKind, String)>,
    existing: Existing,
) -> Result<(Option<i64>, Outcome)> {
    let input: R = decode(name, fields)?;
    let at = |e: Error| entry_problems(name, e);
    let input = input.validate().map_err(at)?.prepare(tx).map_err(at)?;
    if let (Existing::SourceWins, Some((id, kind, _))) = (existing, &local) {
        if *kind == R::KIND {
            let stored = R::get(tx, *id)?.to_input();
            if serde_json::to_value(&stored).ok() == serde_json::to_value(&input).ok() {
                return Ok((Some(*id), Outcome::Unchanged));
            }
            put(tx, *id, &input)?;
            tx.prepare_cached("UPDATE entries SET updated_at = ?2 WHERE id = ?1")?
                .execute(params![id, now()])?;
            return Ok((Some(*id), Outcome::Updated));
        }
    }
    match local {
        Some((_, kind, _)) if kind != R::KIND => Err(refuse(format!(
            "{name}: its UUID {} is {} in this journal, not {}",
            entry.uuid,
            a_kind(kind.as_str()),
            a_kind(R::KIND.as_str())
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

/// The preview's line for an entry: its kind, title and day.
fn preview_item(entry: &FileEntry, outcome: Outcome) -> PreviewItem {
    let field = |k: &str| entry.fields.get(k).and_then(Value::as_str);
    let title = ["title", "name", "text", "source"]
        .iter()
        .find_map(|k| field(k))
        .map(|t| t.lines().find(|l| !l.trim().is_empty()).unwrap_or_default().trim())
        .map(|t| {
            let t = t.trim_start_matches('#').trim();
            if t.chars().count() > 80 {
                format!("{}…", t.chars().take(80).collect::<String>())
            } else {
                t.to_string()
            }
        })
        .unwrap_or_default();
    let date = ["date", "started_on", "measured_on", "on"]
        .iter()
        .find_map(|k| field(k))
        .map(str::to_string);
    PreviewItem { kind: entry.kind, title, date, updated: outcome == Outcome::Updated }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
}

impl ImportReport {
    fn tally(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Added => self.added += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }

    fn count(&mut self, kind: EntryKind, outcome: Outcome) {
        self.tally(outcome);
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
            let mut statement =
                self.conn.prepare_cached("SELECT id, uuid, created_at, updated_at FROM entries")?;
            for row in
                statement.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
            {
                let (id, value) = row?;
                meta.insert(id, value);
            }
        }
        let labels = all_labels(&self.conn)?;
        let mut entries: Vec<(i64, FileEntry)> = Vec::with_capacity(meta.len());
        for kind in EntryKind::ALL {
            with_kind!(kind, R => export_kind::<R>(&self.conn, &meta, &labels, &mut entries)?);
        }
        let uuid_of = |value: &Value, _: EntryKind| -> std::result::Result<Value, String> {
            let id = value.as_i64().ok_or("is not an id")?;
            meta.get(&id)
                .map(|m| Value::String(m.0.clone()))
                .ok_or_else(|| format!("links to entry {id}, which is missing"))
        };
        let mut entries: Vec<FileEntry> = entries
            .into_iter()
            .map(|(_, mut e)| {
                map_links(&mut e.fields, uuid_of).map_err(|broken| {
                    Error::invalid("export", format!("{}: {}", broken.field, broken.reason))
                })?;
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
        // Local bullet id to UUID, for the bullets that travel (a variant names them).
        let mut exported_bullets: HashMap<i64, String> = HashMap::new();
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT uuid, project_id, key, text, generated_text, edited, included, position, sources, id
                 FROM bullets ORDER BY position, uuid",
            )?;
            let rows = statement.query_map([], |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ),
                    (
                        r.get::<_, bool>(5)?,
                        r.get::<_, bool>(6)?,
                        r.get::<_, u32>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, i64>(9)?,
                    ),
                ))
            })?;
            for row in rows {
                let (
                    (uuid, project, key, text, generated_text),
                    (edited, included, position, sources, id),
                ) = row?;
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
                let sources =
                    sources.iter().filter_map(|id| meta.get(id).map(|m| m.0.clone())).collect();
                exported_bullets.insert(id, uuid.clone());
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
                    .map(|c| FileCheck { item: c.item, checked_at: c.checked_at })
                    .collect();
                cycle.checks.sort_by(|a, b| a.item.cmp(&b.item));
                checklists.push(cycle);
            }
        }
        let variants = self.export_variants(&exported_bullets)?;
        // Edits of sentences about entries that stay behind (in the trash) stay too.
        let uuid_of =
            |id: &str| id.parse().ok().and_then(|id: i64| meta.get(&id)).map(|m| m.0.clone());
        let packet_edits = super::rows(
            &self.conn,
            "SELECT key, text, generated_text FROM packet_edits ORDER BY key",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
        )?
        .into_iter()
        .filter_map(|(key, text, generated_text)| {
            swap_key_ids(&key, uuid_of).map(|key| FilePacketEdit { key, text, generated_text })
        })
        .collect();
        let settings = self.journal_settings()?;
        let profile = Some(self.profile()?).filter(|p| *p != crate::profile::Profile::default());
        Ok(JournalFile {
            format: FORMAT.to_string(),
            version: VERSION,
            entries,
            bullets,
            checklists,
            profile,
            variants,
            settings,
            templates: self.own_templates()?,
            packet_edits,
        })
    }

    /// The live variants (a deleted one stays behind, like the trash) with their
    /// tailoring of the bullets that travel, by UUID.
    fn export_variants(&self, bullets: &HashMap<i64, String>) -> Result<Vec<FileVariant>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, uuid, name, filter, updated_at FROM variants
             WHERE deleted_at IS NULL ORDER BY uuid",
        )?;
        let rows: Vec<(i64, String, String, String, String)> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tailored = self.conn.prepare_cached(
            "SELECT bullet_id, position, text, excluded FROM variant_bullets WHERE variant_id = ?1",
        )?;
        let mut variants = Vec::new();
        for (id, uuid, name, filter, updated_at) in rows {
            let mut tailoring: Vec<FileTailoring> = tailored
                .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .filter_map(|row| match row {
                    Ok((bullet, position, text, excluded)) => bullets.get(&bullet).map(|uuid| {
                        Ok(FileTailoring { bullet: uuid.clone(), position, text, excluded })
                    }),
                    Err(e) => Some(Err(e)),
                })
                .collect::<rusqlite::Result<_>>()?;
            tailoring.sort_by(|a, b| a.bullet.cmp(&b.bullet));
            variants.push(FileVariant {
                uuid,
                name,
                filter: serde_json::from_str(&filter).unwrap_or_default(),
                updated_at,
                bullets: tailoring,
            });
        }
        Ok(variants)
    }

    /// Merges a whole-journal document, all or nothing; entries and variants match by
    /// UUID, and the newer side of each wins. The profile and settings of this journal
    /// win where they are set; the file fills in the rest.
    pub fn import_journal(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        let mut plan = ImportPlan::new(ImportSource::Journal, Existing::NewerWins);
        plan.file = parse_journal_file(bytes)?;
        Ok(self.import_plan(plan, "", true)?.report)
    }

    /// Merges what a source was read into, all or nothing, and says what it did; with
    /// `commit` false nothing is kept (a preview: the same merge, rolled back).
    pub fn import_plan(
        &mut self,
        plan: ImportPlan,
        path: &str,
        commit: bool,
    ) -> Result<ImportPreview> {
        let file = &plan.file;
        let profile = file
            .profile
            .clone()
            .map(super::guides::validate_profile)
            .transpose()
            .map_err(|e| entry_problems("the profile", e))?;
        for (key, value) in &file.settings {
            crate::settings::check_setting(key, value)
                .map_err(|reason| refuse(format!("the setting \"{key}\" {reason}")))?;
        }
        let tx = self.conn.transaction()?;
        let mut first: Vec<(usize, PreviewItem)> = Vec::new();
        let mut fills = Vec::new();
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
            let name = match plan.places.get(index) {
                Some(place) => place.clone(),
                None => entry_name(index, Some(entry.kind.as_str()), Some(&entry.fields)),
            };
            let mut fields = entry.fields.clone();
            map_links(&mut fields, |value, kind| {
                let uuid = value.as_str().ok_or("should be the UUID of an entry, as text")?;
                match local.get(uuid) {
                    Some((id, found, _)) if *found == kind => Ok(Value::from(*id)),
                    Some((_, found, _)) => Err(format!(
                        "links to {uuid}, which is {}, not {}",
                        a_kind(found.as_str()),
                        a_kind(kind.as_str())
                    )),
                    None => Err(format!(
                        "links to {uuid}, which is neither in the file nor in this journal"
                    )),
                }
            })
            .map_err(|broken| {
                refuse(format!("{name}: {}", about(&field_words(broken.field), &broken.reason)))
            })?;
            if entry.kind == EntryKind::Decision {
                keep_free_choice(&mut fields);
            }
            let existing = local.get(&entry.uuid).cloned();
            let (id, outcome) = with_kind!(entry.kind, R => merge::<R>(&tx, &name, entry, &fields, existing, plan.existing)?);
            if outcome != Outcome::Unchanged && first.len() < FIRST * 4 {
                first.push((index, preview_item(entry, outcome)));
            }
            if let (Some(id), Outcome::Added) = (id, outcome) {
                local.insert(entry.uuid.clone(), (id, entry.kind, entry.updated_at.clone()));
            }
            report.count(entry.kind, outcome);
        }
        let mut bullets = 0;
        for (index, bullet) in file.bullets.iter().enumerate() {
            bullets += import_bullet(&tx, index, bullet, &local, plan.source)?;
        }
        for (index, edit) in file.packet_edits.iter().enumerate() {
            import_packet_edit(&tx, index, edit, &local)?;
        }
        for (index, variant) in file.variants.iter().enumerate() {
            let outcome = import_variant(&tx, index, variant)?;
            report.tally(outcome);
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
        super::habit::import_templates(&tx, &file.templates)?;
        for (key, value) in &file.settings {
            tx.prepare_cached("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)")?
                .execute(params![key, value])?;
        }
        if let Some(theirs) = profile {
            let mine = super::guides::read_profile(&tx)?;
            fills = profile_fills(&mine, &theirs);
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
            super::guides::write_profile(&tx, &merged)?;
        }
        let preview = ImportPreview {
            source: plan.source,
            path: path.to_string(),
            report,
            first: {
                first.sort_by_key(|(index, _)| *index);
                first.into_iter().take(FIRST).map(|(_, item)| item).collect()
            },
            bullets,
            profile: fills,
            skipped: plan.skipped.clone(),
            committed: commit,
        };
        if commit {
            tx.commit()?;
        }
        Ok(preview)
    }

    /// Imports jrnl's JSON export as notes, all or nothing; entries already imported
    /// (same date, time and text) are left alone.
    pub fn import_jrnl(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        let plan = crate::transfer::jrnl::plan(bytes)?;
        Ok(self.import_plan(plan, "", true)?.report)
    }
}

/// One review-packet sentence in the engineer's words; the file's wording wins.
fn import_packet_edit(
    tx: &Transaction,
    index: usize,
    edit: &FilePacketEdit,
    local: &HashMap<String, (i64, EntryKind, String)>,
) -> Result<()> {
    let name = format!("review packet edit {}", index + 1);
    let key = swap_key_ids(&edit.key, |uuid| local.get(uuid).map(|l| l.0.to_string())).ok_or_else(
        || {
            refuse(format!(
                "{name}: the entry its key \"{}\" names is neither in the file nor in this journal",
                edit.key
            ))
        },
    )?;
    if edit.text.trim().is_empty() {
        return Err(refuse(format!("{name}: the text cannot be empty")));
    }
    tx.prepare_cached(
        "INSERT INTO packet_edits (key, text, generated_text, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET text = ?2, generated_text = ?3, updated_at = ?4",
    )?
    .execute(params![key, edit.text, edit.generated_text, now()])?;
    Ok(())
}

/// Writes one imported bullet, matched by what it was generated from; the file's wording
/// and choices win, as they always have (bullets have no time of their own).
fn import_bullet(
    tx: &Transaction,
    index: usize,
    bullet: &FileBullet,
    local: &HashMap<String, (i64, EntryKind, String)>,
    source: ImportSource,
) -> Result<u32> {
    let name = format!("resume bullet {}", index + 1);
    // From another tool, a bullet already here is the engineer's since: it stays.
    let on_conflict = if source == ImportSource::Journal {
        "(key) DO UPDATE SET uuid = excluded.uuid, text = excluded.text,
           generated_text = excluded.generated_text, edited = excluded.edited,
           included = excluded.included, position = excluded.position, sources = excluded.sources"
    } else {
        "DO NOTHING"
    };
    let position = if source == ImportSource::Journal {
        bullet.position
    } else {
        tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM bullets", [], |r| r.get(0))?
    };
    let id_of = |uuid: &str| local.get(uuid).map(|l| l.0);
    let project = id_of(&bullet.project).ok_or_else(|| {
        refuse(format!(
            "{name}: its project {} is neither in the file nor in this journal",
            bullet.project
        ))
    })?;
    let key = match bullet.source_key.split_once(':') {
        Some((kind, uuid)) => match id_of(uuid) {
            Some(id) => format!("{kind}:{id}"),
            None => {
                return Err(refuse(format!(
                    "{name}: the entry it was generated from ({uuid}) is neither in the file nor in this journal"
                )))
            }
        },
        None => {
            return Err(refuse(format!(
                "{name}: what it was generated from (\"{}\") should read kind:UUID, like metric:1b4e…",
                bullet.source_key
            )))
        }
    };
    let sources: Vec<i64> = bullet.sources.iter().filter_map(|u| id_of(u)).collect();
    if bullet.text.trim().is_empty() {
        return Err(refuse(format!("{name}: the text cannot be empty")));
    }
    let written = tx.prepare_cached(&format!(
        "INSERT INTO bullets (uuid, project_id, key, text, generated_text, edited, included, position, sources)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT {on_conflict}"
    ))?
    .execute(params![
        bullet.uuid,
        project,
        key,
        bullet.text,
        bullet.generated_text,
        bullet.edited,
        bullet.included,
        position,
        serde_json::to_string(&sources).expect("ids serialise")
    ])
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => refuse(format!(
            "{name}: its UUID {} belongs to another bullet here",
            bullet.uuid
        )),
        _ => e.into(),
    })?;
    Ok(u32::from(written > 0))
}

/// Writes one imported variant, matched by UUID; the newer side wins, and a name taken
/// here by another variant gets " (imported)" so neither is lost.
fn import_variant(tx: &Transaction, index: usize, variant: &FileVariant) -> Result<Outcome> {
    let name = format!("resume variant {} (\"{}\")", index + 1, variant.name);
    let told = |e: Error| entry_problems(&name, e);
    let wanted = super::bullets::check_name(&variant.name).map_err(told)?;
    super::bullets::check_filter(&variant.filter).map_err(told)?;
    let local: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, updated_at FROM variants WHERE uuid = ?1")?
        .query_row([&variant.uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (id, outcome) = match local {
        Some((id, updated_at)) if variant.updated_at > updated_at => (id, Outcome::Updated),
        Some(_) => return Ok(Outcome::Unchanged),
        None => (0, Outcome::Added),
    };
    let free = free_variant_name(tx, &wanted, id)?;
    let filter = serde_json::to_string(&variant.filter).expect("filters serialise");
    let id = if outcome == Outcome::Added {
        tx.prepare_cached(
            "INSERT INTO variants (uuid, name, filter, updated_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![variant.uuid, free, filter, variant.updated_at])?;
        tx.last_insert_rowid()
    } else {
        tx.prepare_cached(
            "UPDATE variants SET name = ?2, filter = ?3, updated_at = ?4, deleted_at = NULL WHERE id = ?1",
        )?
        .execute(params![id, free, filter, variant.updated_at])?;
        tx.prepare_cached("DELETE FROM variant_bullets WHERE variant_id = ?1")?.execute([id])?;
        id
    };
    let mut seen = HashSet::new();
    for (n, tailoring) in variant.bullets.iter().enumerate() {
        let bullet: Option<i64> = tx
            .prepare_cached("SELECT id FROM bullets WHERE uuid = ?1")?
            .query_row([&tailoring.bullet], |r| r.get(0))
            .optional()?;
        let Some(bullet) = bullet else {
            return Err(refuse(format!(
                "{name}: its bullet {} ({}) is neither in the file nor in this journal",
                n + 1,
                tailoring.bullet
            )));
        };
        if !seen.insert(bullet) {
            return Err(refuse(format!(
                "{name}: the bullet {} is tailored twice",
                tailoring.bullet
            )));
        }
        let text =
            tailoring.text.as_deref().map(super::bullets::check_text).transpose().map_err(told)?;
        tx.prepare_cached(
            "INSERT INTO variant_bullets (variant_id, bullet_id, position, text, excluded)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![id, bullet, tailoring.position, text, tailoring.excluded])?;
    }
    Ok(outcome)
}

/// `name`, or `name (imported)`, `name (imported 2)`... when another live variant has it.
fn free_variant_name(tx: &Transaction, name: &str, own: i64) -> Result<String> {
    let mut candidate = name.to_string();
    for n in 1.. {
        let taken = tx
            .prepare_cached(
                "SELECT 1 FROM variants WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL AND id != ?2",
            )?
            .exists(params![candidate, own])?;
        if !taken {
            break;
        }
        candidate =
            if n == 1 { format!("{name} (imported)") } else { format!("{name} (imported {n})") };
    }
    Ok(candidate)
}

impl Journal {
    /// Writes the journal as a Markdown folder into `dir` (empty, absent, or a previous
    /// export, which it brings up to date), one file per entry; says what it wrote.
    pub fn export_markdown(&self, dir: &std::path::Path) -> Result<MarkdownReport> {
        let file = self.export_journal()?;
        crate::transfer::markdown::write(dir, &crate::transfer::markdown::tree(&file))
    }
}
