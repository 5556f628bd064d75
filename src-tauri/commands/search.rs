//! Search palette: full-text search over every entry.

use careerlog_core::search::SearchPage;

journal_commands! {
    /// One page of hits from `offset` (0 when absent), with how many more there are.
    search(query: String, offset: Option<u32>, limit: u32) -> SearchPage =
        |j| j.search(&query, offset.unwrap_or(0), limit);
}
