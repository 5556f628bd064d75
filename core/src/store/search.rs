//! The search query over the FTS5 index: quoted tokens in, a ranked page of hits with
//! marked snippets and their projects out. bm25 weighs titles by the entry's kind
//! (`search::title_column`), then each block of hits puts a project's repeats last.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction};

use super::journal::{index_entry, with_kind, Record};
use super::Journal;
use crate::journal::EntryKind;
use crate::search::{
    fts_query, split_snippet, SearchHit, SearchPage, BLOCK, HIT_END, HIT_START, MAX_PAGE,
    PER_PROJECT, RANKED_AT_MOST,
};
use crate::Result;

/// Of the `?4` matches added last (FTS5 walks rowids down and stops there, scoring only
/// those), the ones from `?3` on, best first by bm25 (heading 12, title 6, minor 4, body 1,
/// labels 3), with their kind and project: those columns are read only for these rows.
const RANKED: &str = "WITH candidates AS MATERIALIZED (
    SELECT rowid AS id, bm25(search_index, 12.0, 6.0, 4.0, 1.0, 3.0) AS score
    FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?4
), top AS MATERIALIZED (
    SELECT id, score FROM candidates ORDER BY score, id LIMIT ?2 OFFSET ?3
)
SELECT top.id, s.kind, s.project_id FROM top JOIN search_index s ON s.rowid = top.id
ORDER BY top.score, top.id";

/// One block of hits in bm25 order, with each project's hits of one kind past the first
/// `PER_PROJECT` moved to the end, in their order.
fn repeats_last(block: &[(i64, String, Option<i64>)]) -> Vec<i64> {
    let mut seen: HashMap<(i64, &str), i64> = HashMap::new();
    let (mut first, mut repeats) = (Vec::new(), Vec::new());
    for (id, kind, project) in block {
        let repeat = match project {
            Some(project) if kind != EntryKind::Project.as_str() => {
                let n = seen.entry((*project, kind.as_str())).or_default();
                *n += 1;
                *n > PER_PROJECT
            }
            _ => false,
        };
        if repeat {
            repeats.push(*id);
        } else {
            first.push(*id);
        }
    }
    first.extend(repeats);
    first
}

impl Journal {
    /// One page of the entries matching every word of `text`, best first among the
    /// `RANKED_AT_MOST` added last; never an error for odd input. Only the blocks the page
    /// falls in are read past their ids.
    pub fn search(&self, text: &str, offset: u32, limit: u32) -> Result<SearchPage> {
        self.search_ranking(text, offset, limit, RANKED_AT_MOST)
    }

    pub(crate) fn search_ranking(
        &self,
        text: &str,
        offset: u32,
        limit: u32,
        at_most: u32,
    ) -> Result<SearchPage> {
        let empty = SearchPage { hits: Vec::new(), offset, total: 0, more: 0, capped: false };
        let Some(query) = fts_query(text) else {
            return Ok(empty);
        };
        // Counted up to one past the ranked ones: enough to say there are more.
        let found: u32 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM
                 (SELECT 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ?2)",
            )?
            .query_row(rusqlite::params![&query, i64::from(at_most) + 1], |r| r.get(0))?;
        let (total, capped) = (found.min(at_most), found > at_most);
        let empty = SearchPage { capped, ..empty };
        if total == 0 || offset >= total {
            return Ok(SearchPage { total, ..empty });
        }
        let limit = limit.clamp(1, MAX_PAGE) as usize;
        let start = offset as usize / BLOCK * BLOCK;
        let end = (offset as usize + limit).div_ceil(BLOCK) * BLOCK;
        let rows: Vec<(i64, String, Option<i64>)> = self
            .conn
            .prepare_cached(RANKED)?
            .query_map(
                rusqlite::params![query, (end - start) as i64, start as i64, at_most],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<i64> = rows
            .chunks(BLOCK)
            .flat_map(repeats_last)
            .skip(offset as usize - start)
            .take(limit)
            .collect();
        let hits = self.hits(&query, &ids)?;
        let more = total.saturating_sub(offset + hits.len() as u32);
        Ok(SearchPage { hits, offset, total, more, capped })
    }

    /// The hits `ids` in that order, with snippets (made only for the page, since a
    /// snippet costs more than ranking) and their projects' titles.
    fn hits(&self, query: &str, ids: &[i64]) -> Result<Vec<SearchHit>> {
        let page = serde_json::to_string(ids).expect("ids serialise");
        let mut statement = self.conn.prepare_cached(
            "SELECT rowid, kind, project_id, coalesce(heading, title, minor, ''),
                    snippet(search_index, -1, ?2, ?3, '…', 14)
             FROM search_index
             WHERE search_index MATCH ?1 AND rowid IN (SELECT value FROM json_each(?4))",
        )?;
        let rows = statement.query_map(
            rusqlite::params![query, HIT_START.to_string(), HIT_END.to_string(), page],
            |r| {
                let kind: String = r.get(1)?;
                let snippet: String = r.get(4)?;
                Ok(SearchHit {
                    id: r.get(0)?,
                    kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
                    project_id: r.get(2)?,
                    project_title: None,
                    title: r.get(3)?,
                    snippet: split_snippet(&snippet),
                })
            },
        )?;
        let mut found: HashMap<i64, SearchHit> = HashMap::new();
        for hit in rows {
            let hit = hit?;
            found.insert(hit.id, hit);
        }
        let projects: Vec<i64> = found.values().filter_map(|h| h.project_id).collect();
        let titles: HashMap<i64, String> = self
            .conn
            .prepare_cached(
                "SELECT id, title FROM projects WHERE id IN (SELECT value FROM json_each(?1))",
            )?
            .query_map([serde_json::to_string(&projects).expect("ids serialise")], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids
            .iter()
            .filter_map(|id| found.remove(id))
            .map(|mut hit| {
                hit.project_title = hit.project_id.and_then(|p| titles.get(&p).cloned());
                hit
            })
            .collect())
    }
}

/// Writes the search index anew from every entry, in one transaction: when a migration
/// left it empty (what it holds changed) and the journal has entries.
pub(crate) fn fill_empty_index(conn: &Connection) -> Result<()> {
    let empty: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entries) AND NOT EXISTS (SELECT 1 FROM search_index)",
        [],
        |r| r.get(0),
    )?;
    if empty {
        let tx = conn.unchecked_transaction()?;
        rebuild_index(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

pub(crate) fn rebuild_index(tx: &Transaction) -> Result<()> {
    tx.execute("DELETE FROM search_index", [])?;
    for kind in EntryKind::ALL {
        with_kind!(kind, R => {
            for (id, input) in R::all_inputs(tx)? {
                index_entry(tx, id, &input)?;
            }
        });
    }
    Ok(())
}
