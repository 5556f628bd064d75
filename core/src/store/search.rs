//! The search query over the FTS5 index: quoted tokens in, ranked hits with marked
//! snippets out. Titles weigh more than bodies, labels in between.

use super::Journal;
use crate::journal::EntryKind;
use crate::search::{fts_query, split_snippet, SearchHit, HIT_END, HIT_START};
use crate::Result;

impl Journal {
    /// Entries matching every word of `text`, best first; never an error for odd input.
    pub fn search(&self, text: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT rowid, kind, project_id, title,
                    snippet(search_index, -1, ?2, ?3, '…', 14)
             FROM search_index WHERE search_index MATCH ?1
             ORDER BY bm25(search_index, 6.0, 1.0, 3.0) LIMIT ?4",
        )?;
        let rows = statement.query_map(
            rusqlite::params![
                query,
                HIT_START.to_string(),
                HIT_END.to_string(),
                limit.clamp(1, 200)
            ],
            |r| {
                let kind: String = r.get(1)?;
                let snippet: String = r.get(4)?;
                Ok(SearchHit {
                    id: r.get(0)?,
                    kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
                    project_id: r.get(2)?,
                    title: r.get(3)?,
                    snippet: split_snippet(&snippet),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
