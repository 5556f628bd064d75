//! The trash: a deleted entry leaves the journal with everything under it, kept as a JSON
//! snapshot until the engineer restores it (same ids, same UUIDs) or empties the trash.

use rusqlite::{params, Transaction};

use super::journal::{entry_kind, insert_entry, put, with_kind, Record, StoredEntry, Unlinked};
use super::Journal;
use crate::journal::{EntryKind, Stored, TrashItem};
use crate::{Error, Result};

fn stored_as<R: Record>(tx: &Transaction, id: i64) -> Result<(StoredEntry, String)> {
    let input = R::get(tx, id)?.to_input();
    let (created_at, updated_at, uuid) = tx
        .prepare_cached("SELECT created_at, updated_at, uuid FROM entries WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let title = input.search_text().0;
    let fields = serde_json::to_value(&input).expect("entries serialise");
    let entry =
        StoredEntry { kind: R::KIND, id, uuid, created_at, updated_at, fields, unlinked: None };
    Ok((entry, title))
}

fn stored(tx: &Transaction, id: i64) -> Result<(StoredEntry, String)> {
    with_kind!(entry_kind(tx, id)?, R => stored_as::<R>(tx, id))
}

fn restore_as<R: Record>(tx: &Transaction, entry: &StoredEntry) -> Result<()> {
    let input: R = serde_json::from_value(entry.fields.clone()).map_err(|e| {
        Error::invalid("trash", format!("the trashed {} cannot be read: {e}", R::KIND.as_str()))
    })?;
    let input = input.prepare(tx)?;
    let exists = tx
        .prepare_cached("SELECT 1 FROM entries WHERE id = ?1 OR uuid = ?2")?
        .exists(params![entry.id, entry.uuid])?;
    if exists {
        return Err(Error::invalid(
            "trash",
            format!("{} {} is already in the journal", R::KIND.as_str(), entry.id),
        ));
    }
    insert_entry(tx, R::KIND, Some(entry))?;
    put(tx, entry.id, &input)?;
    if let Some(unlinked) = &entry.unlinked {
        relink(tx, entry.id, unlinked)?;
    }
    Ok(())
}

/// Takes a person out of the entries that stay behind when they go to the trash, noting
/// where they were so a restore puts them back.
fn unlink_person(tx: &Transaction, id: i64) -> Result<Unlinked> {
    let feedback: Vec<i64> = tx
        .prepare_cached("SELECT id FROM feedback WHERE person_id = ?1 ORDER BY id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached("UPDATE feedback SET person_id = NULL WHERE person_id = ?1")?
        .execute([id])?;
    let involved: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT entry_id, position FROM entry_people WHERE person_id = ?1 ORDER BY entry_id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // The rows go with the person's own (ON DELETE CASCADE).
    Ok(Unlinked { feedback, involved })
}

/// Links a restored person back into the entries still in the journal that had them.
fn relink(tx: &Transaction, id: i64, unlinked: &Unlinked) -> Result<()> {
    for feedback in &unlinked.feedback {
        tx.prepare_cached(
            "UPDATE feedback SET person_id = ?2 WHERE id = ?1 AND person_id IS NULL",
        )?
        .execute(params![feedback, id])?;
    }
    for (entry, position) in &unlinked.involved {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO entry_people (entry_id, person_id, position)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM entries WHERE id = ?1)",
        )?
        .execute(params![entry, id, position])?;
    }
    Ok(())
}

fn restore_entry(tx: &Transaction, entry: &StoredEntry) -> Result<()> {
    with_kind!(entry.kind, R => restore_as::<R>(tx, entry))
}

const TRASH_SELECT: &str = "SELECT id, kind, entry_id, title, deleted_at, children FROM trash";

fn trash_row(r: &rusqlite::Row) -> rusqlite::Result<TrashItem> {
    let kind: String = r.get(1)?;
    Ok(TrashItem {
        id: r.get(0)?,
        kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
        entry_id: r.get(2)?,
        title: r.get(3)?,
        deleted_at: r.get(4)?,
        children: r.get(5)?,
    })
}

impl Journal {
    /// Moves the entry `id` (and, for a project, everything under it) to the trash.
    pub fn delete_entry(&mut self, id: i64) -> Result<TrashItem> {
        let tx = self.conn.transaction()?;
        let item = trash_in(&tx, id)?;
        tx.commit()?;
        Ok(item)
    }
}

/// Moves the entry `id` to the trash within `tx` (see `Journal::delete_entry`).
pub(crate) fn trash_in(tx: &rusqlite::Transaction, id: i64) -> Result<TrashItem> {
    {
        let (mut entry, title) = stored(tx, id)?;
        let kind = entry.kind;
        if kind == EntryKind::Person {
            entry.unlinked = Some(unlink_person(tx, id)?);
        }
        let mut snapshot = vec![entry];
        let children_sql = match kind {
            EntryKind::Project => Some(
                "SELECT id FROM metrics WHERE project_id = ?1
                 UNION ALL SELECT id FROM decisions WHERE project_id = ?1
                 UNION ALL SELECT id FROM artifacts WHERE project_id = ?1
                 UNION ALL SELECT id FROM feedback WHERE project_id = ?1
                 UNION ALL SELECT id FROM notes WHERE project_id = ?1",
            ),
            EntryKind::Story => Some("SELECT id FROM rehearsals WHERE story_id = ?1 ORDER BY id"),
            // A person's 1:1s (each before its action items) and goals go with them.
            EntryKind::Person => Some(
                "SELECT id FROM (
                   SELECT o.id, o.date AS day, 0 AS rank, o.id AS meeting FROM one_on_ones o
                     WHERE o.person_id = ?1
                   UNION ALL SELECT a.id, o.date, 1, o.id FROM actions a
                     JOIN one_on_ones o ON o.id = a.one_on_one_id WHERE o.person_id = ?1
                   UNION ALL SELECT g.id, '9999', 2, 0 FROM goals g WHERE g.person_id = ?1)
                 ORDER BY day, meeting, rank, id",
            ),
            EntryKind::OneOnOne => {
                Some("SELECT id FROM actions WHERE one_on_one_id = ?1 ORDER BY id")
            }
            _ => None,
        };
        if let Some(sql) = children_sql {
            let children: Vec<i64> = tx
                .prepare_cached(sql)?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for child in children {
                snapshot.push(stored(tx, child)?.0);
            }
        }
        let ids: Vec<i64> = snapshot.iter().map(|e| e.id).collect();
        let children = (snapshot.len() - 1) as u32;
        let deleted_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        tx.prepare_cached(
            "INSERT INTO trash (kind, entry_id, title, deleted_at, children, snapshot)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            kind.as_str(),
            id,
            title,
            deleted_at,
            children,
            serde_json::to_string(&snapshot).expect("snapshots serialise"),
        ])?;
        let trash_id = tx.last_insert_rowid();
        // Children first: their kind rows point at the project's row.
        for entry_id in ids.iter().rev() {
            tx.prepare_cached("DELETE FROM entries WHERE id = ?1")?.execute([entry_id])?;
        }
        Ok(TrashItem { id: trash_id, kind, entry_id: id, title, deleted_at, children })
    }
}

impl Journal {
    /// What is in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashItem>> {
        let sql = format!("{TRASH_SELECT} ORDER BY id DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], trash_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts a trashed entry back with everything that went with it, all or nothing.
    pub fn restore(&mut self, trash_id: i64) -> Result<TrashItem> {
        let tx = self.conn.transaction()?;
        let sql = format!("{TRASH_SELECT} WHERE id = ?1");
        let item =
            tx.prepare_cached(&sql)?.query_row([trash_id], trash_row).map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    Error::NotFound { what: format!("trash item {trash_id}") }
                }
                other => other.into(),
            })?;
        let snapshot: String = tx
            .prepare_cached("SELECT snapshot FROM trash WHERE id = ?1")?
            .query_row([trash_id], |r| r.get(0))?;
        let entries: Vec<StoredEntry> = serde_json::from_str(&snapshot).map_err(|e| {
            Error::invalid("trash", format!("trash item {trash_id} cannot be read: {e}"))
        })?;
        for entry in &entries {
            restore_entry(&tx, entry)?;
        }
        tx.prepare_cached("DELETE FROM trash WHERE id = ?1")?.execute([trash_id])?;
        tx.commit()?;
        Ok(item)
    }

    /// Deletes everything in the trash for good; returns how many items went.
    pub fn empty_trash(&mut self) -> Result<u32> {
        let removed = self.conn.execute("DELETE FROM trash", [])?;
        Ok(removed as u32)
    }
}
