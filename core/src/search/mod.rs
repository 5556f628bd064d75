//! Full-text search over every entry. What the engineer types is never FTS5 syntax:
//! each word becomes a quoted token, so quotes, `NEAR(`, `AND`, `*`, `col:value` and SQL
//! are searched for literally and can never make the query fail. Numbers are indexed as
//! people write them, and results come in pages, projects and decisions first.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::EntryKind;

/// Marks the start and end of a matched word in FTS5 snippets: private-use characters
/// that cannot clash with anything the engineer typed into an entry they search.
pub(crate) const HIT_START: char = '\u{E000}';
pub(crate) const HIT_END: char = '\u{E001}';

/// The longest query taken into account; beyond it, words are ignored.
const MAX_TOKENS: usize = 16;

/// The most hits one page holds; a larger page is cut to it.
pub const MAX_PAGE: u32 = 200;

/// How many hits of one kind under one project rank among the best of each `BLOCK`; the
/// rest of them (the tenth "p99 latency" of a project) come at the end of that block.
pub const PER_PROJECT: i64 = 3;

/// Hits are ranked by bm25 and then, in blocks of this many, a project's repeats wait:
/// fixed blocks keep the order the same whatever the page size.
pub const BLOCK: usize = MAX_PAGE as usize;

/// Search ranks at most this many matches, the ones added last: a word in thousands of
/// entries still answers in a few milliseconds on a journal of a million. Beyond it the page
/// says `capped` and the best of these are shown; a journal this rarely reaches for a word
/// of any weight ranks every match, as before.
pub const RANKED_AT_MOST: u32 = 1000;

/// One result: which entry, where it lives, and a snippet with the matches marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: i64,
    pub kind: EntryKind,
    /// The project to open for this entry (the entry itself for a project).
    pub project_id: Option<i64>,
    /// That project's title, so hits that look alike can be told apart.
    pub project_title: Option<String>,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
}

/// One page of results, best first: the hits from `offset` on, how many match in all,
/// and how many come after this page. `capped`: more entries match than the
/// `RANKED_AT_MOST` ranked ones, which `total` then counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    pub offset: u32,
    pub total: u32,
    pub more: u32,
    pub capped: bool,
}

/// The index column an entry's title goes in, whose bm25 weight is the kind's: a project
/// or a decision names the work (`heading`, 12), a metric's name repeats in every project
/// and a rehearsal's is a date (`minor`, 4), other titles weigh 6; bodies 1, labels 3.
pub fn title_column(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Project | EntryKind::Decision | EntryKind::Person => "heading",
        EntryKind::Metric | EntryKind::Rehearsal | EntryKind::Action => "minor",
        EntryKind::Story
        | EntryKind::Artifact
        | EntryKind::Feedback
        | EntryKind::Note
        | EntryKind::Review
        | EntryKind::OneOnOne
        | EntryKind::Goal => "title",
    }
}

/// A number as people write it: "1547", and with separators "1,547"; decimals kept as
/// typed ("2.6"), never float noise ("2.6000000000000001").
pub fn number_spellings(value: f64) -> Vec<String> {
    if !value.is_finite() {
        return Vec::new();
    }
    let plain = format!("{:.6}", value.abs());
    let plain = plain.trim_end_matches('0').trim_end_matches('.').to_string();
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut spellings = vec![plain.clone()];
    if whole.len() > 3 {
        let digits: Vec<char> = whole.chars().collect();
        let mut grouped = String::new();
        for (i, digit) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(*digit);
        }
        if !fraction.is_empty() {
            grouped = format!("{grouped}.{fraction}");
        }
        spellings.push(grouped);
    }
    spellings
}

/// The searchable text of a metric's numbers: "800 → 120 ms (-85%)", then the other
/// spellings ("1,547") so any of them finds it.
pub fn metric_numbers(
    baseline: Option<f64>,
    result: Option<f64>,
    unit: Option<&str>,
    percent_change: Option<f64>,
) -> String {
    let unit = match unit {
        Some(u) if u.starts_with('%') => u.to_string(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    };
    let first = |v: f64| number_spellings(v).into_iter().next().unwrap_or_default();
    let signed = |v: f64| {
        if v < 0.0 {
            format!("-{}", first(v))
        } else {
            first(v)
        }
    };
    let mut line = match (baseline, result) {
        (Some(b), Some(r)) => format!("{} → {}{unit}", signed(b), signed(r)),
        (None, Some(r)) => format!("{}{unit}", signed(r)),
        (Some(b), None) => format!("{}{unit} → not measured yet", signed(b)),
        (None, None) => "not measured yet".to_string(),
    };
    if let Some(p) = percent_change {
        line.push_str(&format!(" ({:+.0}%)", p).replace("+-", "-"));
    }
    let others: Vec<String> = baseline
        .into_iter()
        .chain(result)
        .flat_map(|v| number_spellings(v).into_iter().skip(1))
        .collect();
    if others.is_empty() {
        line
    } else {
        format!("{line}\n{}", others.join(" "))
    }
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
                    parts.push(SnippetPart { text: std::mem::take(&mut current), hit });
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
    fn numbers_are_spelled_as_people_write_them() {
        let cases: [(f64, &[&str]); 7] = [
            (800.0, &["800"]),
            (1547.0, &["1547", "1,547"]),
            (2.6, &["2.6"]),
            (0.1 + 0.2, &["0.3"]),
            (-1_234_567.5, &["1234567.5", "1,234,567.5"]),
            (0.0, &["0"]),
            (f64::NAN, &[]),
        ];
        for (value, expected) in cases {
            assert_eq!(number_spellings(value), expected, "{value}");
        }
        assert_eq!(
            metric_numbers(Some(1547.0), Some(1001.0), Some("ms"), Some(-35.3)),
            "1547 → 1001 ms (-35%)\n1,547 1,001"
        );
        assert_eq!(metric_numbers(None, Some(2.6), Some("%"), None), "2.6%");
    }

    #[test]
    fn snippets_split_into_parts() {
        let marked = format!("cut {HIT_START}latency{HIT_END} by half");
        assert_eq!(
            split_snippet(&marked),
            vec![
                SnippetPart { text: "cut ".into(), hit: false },
                SnippetPart { text: "latency".into(), hit: true },
                SnippetPart { text: " by half".into(), hit: false },
            ]
        );
        assert!(split_snippet("").is_empty());
    }
}
