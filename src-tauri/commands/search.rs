//! Search palette: full-text search over every entry.

use careerlog_core::search::SearchHit;

journal_commands! {
    search(query: String, limit: u32) -> Vec<SearchHit> = |j| j.search(&query, limit);
}
