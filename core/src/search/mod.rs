//! Full-text search over every entry. What the engineer types is never FTS5 syntax:
//! each word becomes a quoted token, so quotes, `NEAR(`, `AND`, `*`, `col:value` and SQL
//! are searched for literally and can never make the query fail.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::EntryKind;

/// Marks the start and end of a matched word in FTS5 snippets: private-use characters
/// that cannot clash with anything the engineer typed into an entry they search.
pub(crate) const HIT_START: char = '\u{E000}';
pub(crate) const HIT_END: char = '\u{E001}';

/// The longest query taken into account; beyond it, words are ignored.
const MAX_TOKENS: usize = 16;

/// One result: which entry, where it lives, and a snippet with the matches marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: i64,
    pub kind: EntryKind,
    /// The project to open for this entry (the entry itself for a project).
    pub project_id: Option<i64>,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
}

/// A piece of a snippet; `hit` pieces are the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// Turns typed text into an FTS5 query of quoted tokens (all must match). The last word
/// also matches as a prefix while the engineer is still typing it. `None` when nothing
/// searchable is left.
pub fn fts_query(text: &str) -> Option<String> {
    let still_typing = !text.ends_with(char::is_whitespace);
    let words: Vec<&str> = text
        .split_whitespace()
        // A token with no letter or digit would be an empty phrase: it can match nothing.
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_TOKENS)
        .collect();
    let last = words.len().checked_sub(1)?;
    let tokens: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let quoted = format!("\"{}\"", word.replace('"', "\"\""));
            if i == last && still_typing {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect();
    Some(tokens.join(" "))
}

/// Splits a snippet marked with `HIT_START`/`HIT_END` into plain and matched parts.
pub(crate) fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut current = String::new();
    for c in marked.chars() {
        let toggle = match c {
            HIT_START => Some(true),
            HIT_END => Some(false),
            _ => None,
        };
        match toggle {
            Some(next) => {
                if !current.is_empty() {
                    parts.push(SnippetPart {
                        text: std::mem::take(&mut current),
                        hit,
                    });
                }
                hit = next;
            }
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_tokens() {
        let cases = [
            ("latency", Some(r#""latency"*"#)),
            ("latency ", Some(r#""latency""#)),
            ("p99 latency", Some(r#""p99" "latency"*"#)),
            (r#"say "hi""#, Some(r#""say" """hi"""*"#)),
            ("NEAR(a b)", Some(r#""NEAR(a" "b)"*"#)),
            ("a AND b", Some(r#""a" "AND" "b"*"#)),
            ("title:rfc", Some(r#""title:rfc"*"#)),
            ("*", None),
            ("\"\" -- ;", None),
            ("", None),
            ("   ", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(fts_query(typed).as_deref(), expected, "{typed:?}");
        }
    }

    #[test]
    fn snippets_split_into_parts() {
        let marked = format!("cut {HIT_START}latency{HIT_END} by half");
        assert_eq!(
            split_snippet(&marked),
            vec![
                SnippetPart {
                    text: "cut ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "latency".into(),
                    hit: true
                },
                SnippetPart {
                    text: " by half".into(),
                    hit: false
                },
            ]
        );
        assert!(split_snippet("").is_empty());
    }
}
