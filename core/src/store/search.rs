//! The search query over the FTS5 index: quoted tokens in, a ranked page of hits with
//! marked snippets and their projects out. Titles weigh more than bodies, labels in
//! between; kinds are weighed (`search::kind_weight`) and repeats within a project wait.

use std::collections::HashMap;

use rusqlite::Transaction;

use super::journal::{index_entry, with_kind, Record};
use super::Journal;
use crate::journal::EntryKind;
use crate::search::{
    fts_query, kind_weight, split_snippet, SearchHit, SearchPage, HIT_END, HIT_START, MAX_PAGE,
    PER_PROJECT,
};
use crate::Result;

/// Ranks every match and keeps one page: bm25 (title 6, body 1, labels 3) times the kind's
/// weight; the hits of one kind under one project past the first `PER_PROJECT` go last.
const RANKED_PAGE: &str = "WITH matched AS (
    SELECT rowid AS id, kind, project_id,
           bm25(search_index, 6.0, 1.0, 3.0) * CASE kind
               WHEN 'project' THEN :project WHEN 'decision' THEN :decision
               WHEN 'story' THEN :story WHEN 'artifact' THEN :artifact
               WHEN 'metric' THEN :metric WHEN 'rehearsal' THEN :rehearsal
               ELSE :other END AS score
    FROM search_index WHERE search_index MATCH :query
), ranked AS (
    SELECT id, kind, project_id, score,
           row_number() OVER (PARTITION BY project_id, kind ORDER BY score, id) AS nth
    FROM matched
)
SELECT id FROM ranked
ORDER BY (project_id IS NOT NULL AND kind != 'project' AND nth > :per_project), score, id
LIMIT :limit OFFSET :offset";

impl Journal {
    /// One page of the entries matching every word of `text`, best first; never an error
    /// for odd input.
    pub fn search(&self, text: &str, offset: u32, limit: u32) -> Result<SearchPage> {
        let empty = SearchPage {
            hits: Vec::new(),
            offset,
            total: 0,
            more: 0,
        };
        let Some(query) = fts_query(text) else {
            return Ok(empty);
        };
        let total: u32 = self
            .conn
            .prepare_cached("SELECT count(*) FROM search_index WHERE search_index MATCH ?1")?
            .query_row([&query], |r| r.get(0))?;
        if total == 0 || offset >= total {
            return Ok(SearchPage { total, ..empty });
        }
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(RANKED_PAGE)?
            .query_map(
                rusqlite::named_params! {
                    ":query": query,
                    ":project": kind_weight(EntryKind::Project),
                    ":decision": kind_weight(EntryKind::Decision),
                    ":story": kind_weight(EntryKind::Story),
                    ":artifact": kind_weight(EntryKind::Artifact),
                    ":metric": kind_weight(EntryKind::Metric),
                    ":rehearsal": kind_weight(EntryKind::Rehearsal),
                    ":other": kind_weight(EntryKind::Note),
                    ":per_project": PER_PROJECT,
                    ":limit": limit.clamp(1, MAX_PAGE),
                    ":offset": offset,
                },
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let hits = self.hits(&query, &ids)?;
        let more = total.saturating_sub(offset + hits.len() as u32);
        Ok(SearchPage {
            hits,
            offset,
            total,
            more,
        })
    }

    /// The hits `ids` in that order, with snippets (made only for the page, since a
    /// snippet costs more than ranking) and their projects' titles.
    fn hits(&self, query: &str, ids: &[i64]) -> Result<Vec<SearchHit>> {
        let page = serde_json::to_string(ids).expect("ids serialise");
        let mut statement = self.conn.prepare_cached(
            "SELECT rowid, kind, project_id, title, snippet(search_index, -1, ?2, ?3, '…', 14)
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
            .query_map(
                [serde_json::to_string(&projects).expect("ids serialise")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
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

/// Writes the search index anew from every entry: after a migration that changed what
/// it holds (numbers as text, say).
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
