//! Reads what a commit or pull-request message says: metrics given as a before and an after,
//! the pull/merge request a merge or squash commit names, and the message's subject line.

use crate::journal::Direction;

/// Only this much of a message is read, so a huge message costs bounded work.
const MAX_SCAN: usize = 64 * 1024;
/// A message claiming more wins than this is a table, not a story; keep the first few.
const MAX_METRICS: usize = 5;
/// Subjects and titles longer than this are cut for display.
const MAX_LINE_CHARS: usize = 200;
/// How far back before a number we look for the metric's name.
const LEAD_WINDOW: usize = 240;
/// At most this many words make a metric's name.
const MAX_NAME_WORDS: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct FoundMetric {
    /// What was measured, in the message's words, trimmed: "p99", "build time", "memory".
    pub name: String,
    pub baseline: f64,
    pub result: f64,
    /// Normalised unit ("ms", "s", "min", "h", "%", "MB", "rps", ...), None when unitless.
    pub unit: Option<String>,
    /// Which way is better for this metric.
    pub better: Direction,
    /// The matched text, for showing where it came from.
    pub phrase: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestKind {
    /// GitHub / Bitbucket "pull request".
    Pull,
    /// GitLab "merge request".
    Merge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub number: u64,
    pub kind: RequestKind,
    pub title: String,
}

/// Cuts `text` to at most `MAX_SCAN` bytes on a char boundary.
fn capped(text: &str) -> &str {
    let mut end = text.len().min(MAX_SCAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

// ---------------------------------------------------------------------------------------------
// Units and numbers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Time,
    Bytes,
    Percent,
    Rate,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    family: Family,
    /// Size of one of this unit in the family's base (seconds, bytes).
    scale: f64,
    name: &'static str,
}

fn unit_of(word: &str) -> Option<Unit> {
    use Family::{Bytes, Percent, Rate, Time};
    // A lone capital M is the million suffix, not minutes.
    if word == "M" {
        return None;
    }
    let (family, scale, name) = match word.to_lowercase().as_str() {
        "us" | "µs" | "μs" | "microsecond" | "microseconds" => (Time, 1e-6, "µs"),
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => (Time, 1e-3, "ms"),
        "s" | "sec" | "secs" | "second" | "seconds" => (Time, 1.0, "s"),
        "m" | "min" | "mins" | "minute" | "minutes" => (Time, 60.0, "min"),
        "h" | "hr" | "hrs" | "hour" | "hours" => (Time, 3600.0, "h"),
        "day" | "days" => (Time, 86400.0, "days"),
        "b" | "byte" | "bytes" => (Bytes, 1.0, "B"),
        "kb" | "kib" | "kilobytes" => (Bytes, 1024.0, "KB"),
        "mb" | "mib" | "megabytes" => (Bytes, 1_048_576.0, "MB"),
        "gb" | "gib" | "gigabytes" => (Bytes, 1_073_741_824.0, "GB"),
        "tb" | "tib" | "terabytes" => (Bytes, 1_099_511_627_776.0, "TB"),
        "%" | "percent" | "pct" => (Percent, 1.0, "%"),
        "rps" | "req/s" | "reqs/s" | "req/sec" | "requests/s" | "requests/sec" | "r/s" => {
            (Rate, 1.0, "rps")
        }
        "qps" | "queries/s" | "queries/sec" => (Rate, 1.0, "qps"),
        "ops/s" | "ops/sec" | "op/s" => (Rate, 1.0, "ops/s"),
        "tps" => (Rate, 1.0, "tps"),
        _ => return None,
    };
    Some(Unit { family, scale, name })
}

/// Words that, followed by " per second", make a rate unit.
fn per_second_unit(word: &str) -> Option<Unit> {
    match word.to_lowercase().as_str() {
        "requests" | "request" | "reqs" | "req" => unit_of("rps"),
        "queries" | "query" => unit_of("qps"),
        "ops" | "operations" => unit_of("ops/s"),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
struct Num {
    /// Byte offsets of the number including its unit.
    start: usize,
    end: usize,
    value: f64,
    unit: Option<Unit>,
}

fn is_unit_char(c: char) -> bool {
    c.is_alphabetic() || c == '%'
}

/// Finds the plain quantities in `text`; version strings, clock times, references ("#12"),
/// identifiers ("v2", "x86") and signed numbers are left out so they cannot pair up.
fn scan_numbers(text: &str) -> Vec<Num> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let at = |i: usize| cs.get(i).map(|&(_, c)| c);
    let byte = |i: usize| cs.get(i).map_or(text.len(), |&(b, _)| b);
    let is_digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    // A unit run: letters and '%', with '/' allowed inside ("req/s").
    let unit_run = |mut j: usize| {
        while let Some(c) = at(j) {
            let slash = c == '/' && at(j + 1).is_some_and(char::is_alphabetic) && j > 0;
            if is_unit_char(c) || slash {
                j += 1;
            } else {
                break;
            }
        }
        j
    };
    let slice = |a: usize, b: usize| -> String { cs[a..b].iter().map(|&(_, c)| c).collect() };

    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        let prev = if i > 0 { at(i - 1) } else { None };
        let mut ok = !prev.is_some_and(|p| p.is_alphanumeric() || ".#_/:@!\\$-+,'\"€£".contains(p));
        let mut digits = String::new();
        let mut j = i;
        while let Some(c) = at(j).filter(char::is_ascii_digit) {
            digits.push(c);
            j += 1;
        }
        // Thousands separators: "1,200" but not "1,2".
        if digits.len() <= 3 {
            while at(j) == Some(',')
                && (1..=3).all(|k| is_digit(j + k))
                && !is_digit(j + 4)
                && digits.len() < 16
            {
                digits.push_str(&slice(j + 1, j + 4));
                j += 4;
            }
        }
        if at(j) == Some('.') && is_digit(j + 1) {
            digits.push('.');
            j += 1;
            while let Some(c) = at(j).filter(char::is_ascii_digit) {
                digits.push(c);
                j += 1;
            }
        }
        // More separators followed by digits: a version, a time of day, a date, a fraction.
        while matches!(at(j), Some('.' | ':' | ',' | '/' | '-')) && is_digit(j + 1) {
            ok = false;
            j += 1;
            while is_digit(j) {
                j += 1;
            }
        }
        if digits.len() > 18 {
            ok = false;
        }
        let tail_start = j;
        j = unit_run(j);
        let tail = slice(tail_start, j);
        if at(j).is_some_and(char::is_alphanumeric) {
            ok = false;
        }
        let mut mult = 1.0;
        let mut unit = None;
        if !tail.is_empty() {
            if let Some(u) = unit_of(&tail) {
                unit = Some(u);
            } else {
                let mut chars = tail.chars();
                let first = chars.next();
                let rest = chars.as_str();
                match first {
                    Some('k' | 'K') => mult = 1e3,
                    Some('M') => mult = 1e6,
                    _ => ok = false,
                }
                if ok && !rest.is_empty() {
                    match unit_of(rest) {
                        Some(u) => unit = Some(u),
                        None => ok = false,
                    }
                }
            }
        }
        if ok && unit.is_none() {
            // A unit written as the next word: "200 ms", "3,400 requests/s".
            let mut k = j;
            while matches!(at(k), Some(' ' | '\t' | '\u{a0}')) && k - j < 2 {
                k += 1;
            }
            if k > j {
                let w_end = unit_run(k);
                let word = slice(k, w_end);
                if !word.is_empty() && !at(w_end).is_some_and(char::is_alphanumeric) {
                    if let Some(u) = unit_of(&word) {
                        unit = Some(u);
                        j = w_end;
                    } else if let Some(u) = per_second_unit(&word) {
                        let look: String = slice(w_end, (w_end + 12).min(n)).to_lowercase();
                        for phrase in [" per second", " per sec", " a second"] {
                            let len = phrase.chars().count();
                            let after = at(w_end + len);
                            if look.starts_with(phrase) && !after.is_some_and(char::is_alphabetic) {
                                unit = Some(u);
                                j = w_end + len;
                                break;
                            }
                        }
                    }
                }
            }
        }
        if ok {
            if let Ok(v) = digits.parse::<f64>() {
                let value = v * mult;
                if value.is_finite() && value >= 0.0 {
                    out.push(Num { start: byte(start), end: byte(j), value, unit });
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// True when the text between two numbers says "changed into": "to", "->", "down to", ...
fn is_connector(between: &str) -> bool {
    if between.len() > 48 {
        return false;
    }
    let mut linked = false;
    for tok in between.split_whitespace() {
        match tok.to_lowercase().as_str() {
            "to" | "->" | "=>" | "→" | "-->" | "==>" | "⇒" | "⟶" | "➡" | "➔" | "➜" | "—>"
            | "–>" | "~>" => linked = true,
            "down" | "up" | "just" | "only" | "about" | "around" | "roughly" | "~" | "≈"
            | "under" | "below" | "nearly" | "almost" | "approximately" | "approx" | "barely"
            | "all" | "the" | "way" => {}
            _ => return false,
        }
    }
    linked
}

/// Rounds away float noise from unit conversion (1.2 s -> 1200 ms, not 1199.9999999).
fn tidy(x: f64) -> f64 {
    if x.abs() < 1e9 {
        (x * 1e6).round() / 1e6
    } else {
        x
    }
}

/// Puts both numbers in one unit; None when their units cannot be compared.
fn combine(a: &Num, b: &Num) -> Option<(f64, f64, Option<Unit>)> {
    match (a.unit, b.unit) {
        (None, None) => Some((a.value, b.value, None)),
        (Some(u), None) | (None, Some(u)) => Some((a.value, b.value, Some(u))),
        (Some(ua), Some(ub)) => {
            if ua.family != ub.family || (ua.family == Family::Rate && ua.name != ub.name) {
                return None;
            }
            let small = if ub.scale < ua.scale { ub } else { ua };
            let conv = |v: f64, u: Unit| tidy(v * (u.scale / small.scale));
            Some((conv(a.value, ua), conv(b.value, ub), Some(small)))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Words around a number

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// cut, reduce, drop, bring down, ...
    Lower,
    /// increase, raise, boost, ...
    Higher,
    /// speed up, accelerate: a time goes down.
    SpeedUp,
    /// improve, optimise: better, in whichever way the metric counts as better.
    Improve,
    /// set, change, bump, scale, ...: a setting changed, not a result.
    Config,
}

fn verb_class(w: &str) -> Option<Verb> {
    let v = match w {
        "cut" | "cuts" | "cutting" | "reduce" | "reduces" | "reduced" | "reducing" | "lower"
        | "lowers" | "lowered" | "lowering" | "drop" | "drops" | "dropped" | "dropping"
        | "shrink" | "shrinks" | "shrank" | "shrunk" | "shrinking" | "decrease" | "decreases"
        | "decreased" | "decreasing" | "trim" | "trims" | "trimmed" | "trimming" | "slash"
        | "slashes" | "slashed" | "halve" | "halves" | "halved" | "minimize" | "minimise"
        | "minimized" | "minimised" | "fell" | "falls" | "fall" | "fallen" | "shorten"
        | "shortens" | "shortened" | "lessen" | "lessened" => Verb::Lower,
        "increase" | "increases" | "increased" | "increasing" | "raise" | "raises" | "raised"
        | "raising" | "boost" | "boosts" | "boosted" | "boosting" | "grow" | "grows" | "grew"
        | "grown" | "growing" | "rose" | "rise" | "rises" | "double" | "doubled" | "doubles"
        | "triple" | "tripled" | "lift" | "lifts" | "lifted" | "maximize" | "maximise" => {
            Verb::Higher
        }
        "accelerate" | "accelerates" | "accelerated" | "speedup" => Verb::SpeedUp,
        "improve" | "improves" | "improved" | "improving" | "optimize" | "optimise"
        | "optimized" | "optimised" | "optimizes" | "optimises" | "optimizing" | "optimising" => {
            Verb::Improve
        }
        "set" | "sets" | "setting" | "change" | "changes" | "changed" | "changing"
        | "configure" | "configured" | "configures" | "scale" | "scales" | "scaled" | "bump"
        | "bumps" | "bumped" | "update" | "updates" | "updated" | "upgrade" | "upgrades"
        | "upgraded" | "downgrade" | "downgrades" | "downgraded" | "rename" | "renames"
        | "renamed" | "move" | "moves" | "moved" | "pin" | "pins" | "pinned" | "migrate"
        | "migrates" | "migrated" | "switch" | "switches" | "switched" | "adjust" | "adjusts"
        | "adjusted" | "tweak" | "tweaks" | "tweaked" | "revert" | "reverts" | "reverted"
        | "extend" | "extends" | "extended" | "resize" | "resized" | "allow" | "allows"
        | "require" | "requires" => Verb::Config,
        _ => return None,
    };
    Some(v)
}

/// Verbs like "went" or "is" that sit between a name and its numbers but say nothing.
fn is_neutral_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "went"
            | "goes"
            | "go"
            | "going"
            | "got"
            | "gets"
            | "get"
            | "now"
            | "down"
            | "up"
            | "saw"
            | "see"
            | "sees"
            | "takes"
            | "took"
            | "makes"
            | "made"
            | "measured"
            | "brings"
            | "brought"
            | "bring"
    )
}

/// Words that end a metric's name when reading backwards.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "our"
            | "my"
            | "your"
            | "their"
            | "its"
            | "his"
            | "her"
            | "this"
            | "that"
            | "these"
            | "those"
            | "all"
            | "some"
            | "any"
            | "each"
            | "every"
            | "we"
            | "i"
            | "it"
            | "they"
            | "you"
            | "which"
            | "who"
            | "in"
            | "on"
            | "of"
            | "for"
            | "with"
            | "at"
            | "by"
            | "to"
            | "into"
            | "and"
            | "or"
            | "but"
            | "so"
            | "while"
            | "when"
            | "where"
            | "after"
            | "before"
            | "as"
            | "than"
            | "via"
            | "from"
            | "over"
            | "also"
            | "then"
            | "thus"
            | "pr"
            | "commit"
            | "patch"
    ) || is_neutral_verb(w)
        || verb_class(w).is_some()
}

fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "our" | "my" | "your" | "their" | "its" | "this" | "these")
}

/// A particle verb read backwards: "speed up", "bring down".
fn particle_verb(verb: &str, particle: &str) -> Option<Verb> {
    match (verb, particle) {
        ("speed" | "speeds" | "sped" | "speeding", "up") => Some(Verb::SpeedUp),
        (
            "bring" | "brings" | "brought" | "bringing" | "cut" | "cuts" | "slim" | "slims"
            | "slimmed" | "drive" | "drives" | "drove" | "knock" | "knocks" | "knocked" | "pare"
            | "pared" | "pull" | "pulled" | "push" | "pushed" | "get" | "got" | "keep" | "kept",
            "down",
        ) => Some(Verb::Lower),
        ("scale" | "scaled" | "scales" | "ramp" | "ramped" | "ramps", "up" | "down") => {
            Some(Verb::Config)
        }
        _ => None,
    }
}

/// Nouns that name settings or places, not measurements: "timeout", "port", "page".
fn is_setting_word(w: &str) -> bool {
    matches!(
        w,
        "timeout"
            | "timeouts"
            | "limit"
            | "limits"
            | "replica"
            | "replicas"
            | "port"
            | "ports"
            | "retry"
            | "retries"
            | "max"
            | "maximum"
            | "min"
            | "minimum"
            | "default"
            | "defaults"
            | "threshold"
            | "thresholds"
            | "interval"
            | "ttl"
            | "version"
            | "versions"
            | "pool"
            | "workers"
            | "worker"
            | "threads"
            | "thread"
            | "concurrency"
            | "batch"
            | "capacity"
            | "quota"
            | "connections"
            | "line"
            | "lines"
            | "step"
            | "steps"
            | "issue"
            | "issues"
            | "chapter"
            | "section"
            | "row"
            | "rows"
            | "column"
            | "columns"
            | "level"
            | "width"
            | "height"
            | "node"
            | "python"
            | "java"
            | "go"
            | "ruby"
            | "rust"
            | "dependency"
            | "dependencies"
            | "deps"
            | "v"
            | "retention"
            | "expiry"
            | "expiration"
            | "window"
            | "deadline"
            | "schedule"
            | "cron"
            | "sleep"
            | "backoff"
            | "poll"
            | "polling"
            | "debounce"
            | "throttle"
    )
}

/// Which way is better for a metric with this name, if the name tells.
fn name_direction(name: &str) -> Option<Direction> {
    let lower = name.to_lowercase();
    for p in ["hit rate", "hit ratio", "success rate", "pass rate", "cache hits"] {
        if lower.contains(p) {
            return Some(Direction::Higher);
        }
    }
    for p in ["error rate", "miss rate", "failure rate", "cold start", "page load"] {
        if lower.contains(p) {
            return Some(Direction::Lower);
        }
    }
    // The head noun usually comes last: "test coverage", "memory usage".
    for w in lower.split(|c: char| !c.is_alphanumeric()).rev() {
        let higher = matches!(
            w,
            "throughput"
                | "rps"
                | "qps"
                | "tps"
                | "coverage"
                | "uptime"
                | "availability"
                | "conversion"
                | "conversions"
                | "adoption"
                | "performance"
                | "speed"
                | "score"
                | "bandwidth"
        );
        if higher {
            return Some(Direction::Higher);
        }
        let is_percentile = w.len() >= 3
            && w.len() <= 5
            && w.starts_with('p')
            && w[1..].chars().all(|c| c.is_ascii_digit());
        let lower_better = is_percentile
            || w.ends_with("time")
            || w.ends_with("times")
            || matches!(
                w,
                "latency"
                    | "latencies"
                    | "duration"
                    | "durations"
                    | "memory"
                    | "mem"
                    | "ram"
                    | "rss"
                    | "heap"
                    | "size"
                    | "error"
                    | "errors"
                    | "cost"
                    | "costs"
                    | "flaky"
                    | "flakes"
                    | "flakiness"
                    | "failure"
                    | "failures"
                    | "incident"
                    | "incidents"
                    | "cpu"
                    | "usage"
                    | "startup"
                    | "ttfb"
                    | "lcp"
                    | "fcp"
                    | "tti"
                    | "warning"
                    | "warnings"
                    | "allocations"
                    | "allocs"
                    | "queries"
                    | "bugs"
                    | "alerts"
                    | "crashes"
                    | "misses"
                    | "lag"
                    | "jitter"
                    | "overhead"
                    | "downtime"
                    | "footprint"
                    | "delay"
                    | "wait"
                    | "build"
                    | "builds"
                    | "trips"
                    | "roundtrips"
                    | "calls"
                    | "lookups"
                    | "renders"
                    | "rerenders"
                    | "re-renders"
            );
        if lower_better {
            return Some(Direction::Lower);
        }
    }
    None
}

/// What precedes a number: the metric's name and the verb that governs it.
#[derive(Debug, Default)]
struct Lead {
    name: String,
    /// Byte offset where the shown phrase starts (verb or name), if any words were taken.
    start: Option<usize>,
    verb: Option<Verb>,
    setting: bool,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Newlines in the whitespace just before this token.
    newlines_before: usize,
}

fn tokens(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut newlines = 0;
    let mut cur: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let i = i + from;
        if c.is_whitespace() {
            if let Some(s) = cur.take() {
                out.push(Token { start: s, end: i, newlines_before: newlines });
                newlines = 0;
            }
            if c == '\n' {
                newlines += 1;
            }
        } else if cur.is_none() {
            cur = Some(i);
        }
    }
    if let Some(s) = cur {
        out.push(Token { start: s, end: to, newlines_before: newlines });
    }
    out
}

/// The word just before `pos`, skipping spaces, with its start offset.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = text[..pos].trim_end();
    let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let w = &head[start..];
    if w.is_empty() {
        None
    } else {
        Some((start, w))
    }
}

/// Reads the name of a metric backwards from `anchor` (where "from" or the number starts).
fn read_lead(text: &str, anchor: usize) -> Lead {
    let mut from = anchor.saturating_sub(LEAD_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut toks = tokens(text, from, anchor);
    // A token cut by the window's edge is not a whole word.
    if from > 0 && !text[..from].ends_with(char::is_whitespace) && !toks.is_empty() {
        toks.remove(0);
    }
    let mut lead = Lead::default();
    let gap = toks.last().map_or(&text[from..anchor], |t| &text[t.end..anchor]);
    if gap.matches('\n').count() >= 2 {
        return lead;
    }
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut idx = toks.len();
    let mut nearest = true;
    while idx > 0 {
        idx -= 1;
        let t = toks[idx];
        let raw = &text[t.start..t.end];
        let trimmed_front = raw.trim_start_matches(['*', '`', '"', '\'', '(', '[', '_', '<']);
        let opens = trimmed_front.len() != raw.len()
            && raw.starts_with(['(', '[', '"', '\'', '<', '*', '`', '_']);
        let w_start = t.start + (raw.len() - trimmed_front.len());
        let mut word = trimmed_front.trim_end_matches(['*', '`', '"', '\'', '_']);
        if nearest {
            // "p99 (800ms -> 120ms)": a bare bracket between name and numbers is skipped.
            if raw.chars().all(|c| "([".contains(c)) {
                continue;
            }
            word = word.trim_end_matches([':', '=']);
        }
        nearest = false;
        let stops_here = idx == 0 || t.newlines_before >= 2;
        if word.is_empty()
            || word.ends_with([',', '.', ';', '!', '?', ')', ']', '}', ':', '='])
            || !word.chars().any(char::is_alphabetic)
            || !word.chars().all(|c| c.is_alphanumeric() || "-_/+.".contains(c))
        {
            break;
        }
        let lw = word.to_lowercase();
        if words.is_empty() && (lw == "at" || is_neutral_verb(&lw) || verb_class(&lw).is_some()) {
            // "latency dropped from", "memory reduced by": the verb follows the name.
            if let Some(v) = verb_class(&lw) {
                lead.verb.get_or_insert(v);
            }
            if stops_here {
                break;
            }
            continue;
        }
        if is_stop_word(&lw) {
            let mut verb = verb_class(&lw);
            let mut verb_start = t.start;
            let mut at_tok = idx;
            // "reduce the p99", "bring down our error rate": the verb is one word further back.
            if is_determiner(&lw) && idx > 0 {
                let p = toks[idx - 1];
                let pw = text[p.start..p.end].to_lowercase();
                if let Some(v) = verb_class(&pw) {
                    verb = Some(v);
                    verb_start = p.start;
                } else if pw == "up" || pw == "down" {
                    at_tok = idx - 1;
                }
            }
            let particle = text[toks[at_tok].start..toks[at_tok].end].to_lowercase();
            if (particle == "up" || particle == "down") && at_tok > 0 {
                let p = toks[at_tok - 1];
                let pw = text[p.start..p.end].to_lowercase();
                if let Some(v) = particle_verb(&pw, &particle) {
                    verb = Some(v);
                    verb_start = p.start;
                }
            }
            if let Some(v) = verb {
                lead.verb = Some(v);
                if v != Verb::Config && !words.is_empty() {
                    lead.start = Some(verb_start);
                }
            }
            break;
        }
        if is_setting_word(&lw) {
            lead.setting = true;
        }
        words.push((w_start, word.to_string()));
        if opens || stops_here || words.len() >= MAX_NAME_WORDS {
            break;
        }
    }
    words.reverse();
    if let Some((s, _)) = words.first() {
        lead.start = Some(lead.start.map_or(*s, |v| v.min(*s)));
    }
    lead.name = words.into_iter().map(|(_, w)| w).collect::<Vec<_>>().join(" ");
    lead
}

fn unit_name(u: Unit) -> Option<&'static str> {
    match u.family {
        Family::Time => Some("time"),
        Family::Bytes => Some("size"),
        Family::Rate => Some("throughput"),
        Family::Percent => None,
    }
}

fn unit_direction(u: Option<Unit>) -> Option<Direction> {
    match u?.family {
        Family::Time | Family::Bytes => Some(Direction::Lower),
        Family::Rate => Some(Direction::Higher),
        Family::Percent => None,
    }
}

/// "NAME from A to B", "NAME A -> B".
fn pair_metric(text: &str, a: &Num, b: &Num) -> Option<FoundMetric> {
    let (from_start, anchor) = match word_before(text, a.start) {
        Some((s, w)) if w.eq_ignore_ascii_case("from") => (Some(s), s),
        _ => (None, a.start),
    };
    let lead = read_lead(text, anchor);
    if lead.setting || lead.verb == Some(Verb::Config) {
        return None;
    }
    // "from 10s to 30s timeout": the setting is named after the numbers.
    let after = text[b.end..].split_whitespace().next().unwrap_or("");
    let after = after.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if is_setting_word(&after) {
        return None;
    }
    let (baseline, result, unit) = combine(a, b)?;
    if !baseline.is_finite() || !result.is_finite() || baseline == result {
        return None;
    }
    let name_dir = name_direction(&lead.name);
    // Without a unit only a name we know as a measurement makes it one ("flaky tests 40 -> 5").
    if unit.is_none() && name_dir.is_none() {
        return None;
    }
    let name = if lead.name.is_empty() { unit.and_then(unit_name)?.to_string() } else { lead.name };
    let better = match lead.verb {
        Some(Verb::Lower) => Direction::Lower,
        Some(Verb::Higher) => Direction::Higher,
        Some(Verb::SpeedUp) if unit.is_some_and(|u| u.family == Family::Rate) => Direction::Higher,
        Some(Verb::SpeedUp) => Direction::Lower,
        _ => name_dir.or_else(|| unit_direction(unit)).unwrap_or(if result < baseline {
            Direction::Lower
        } else {
            Direction::Higher
        }),
    };
    let start = [lead.start, from_start, Some(a.start)].into_iter().flatten().min()?;
    Some(FoundMetric {
        name,
        baseline,
        result,
        unit: unit.map(|u| u.name.to_string()),
        better,
        phrase: text.get(start..b.end)?.to_string(),
    })
}

/// "cut memory by 35%", "increase cache hit rate by 20%": a relative change against 100.
fn by_percent_metric(text: &str, n: &Num) -> Option<FoundMetric> {
    if n.unit.map(|u| u.family) != Some(Family::Percent) {
        return None;
    }
    let (by_start, w) = word_before(text, n.start)?;
    if !w.eq_ignore_ascii_case("by") {
        return None;
    }
    let lead = read_lead(text, by_start);
    if lead.setting || lead.name.is_empty() {
        return None;
    }
    let better = match lead.verb? {
        Verb::Lower | Verb::SpeedUp => Direction::Lower,
        Verb::Higher => Direction::Higher,
        Verb::Improve => name_direction(&lead.name)?,
        Verb::Config => return None,
    };
    let pct = n.value;
    let result = match better {
        Direction::Lower if pct <= 100.0 => 100.0 - pct,
        Direction::Higher => 100.0 + pct,
        Direction::Lower => return None,
    };
    if pct <= 0.0 || !result.is_finite() {
        return None;
    }
    let start = lead.start.unwrap_or(by_start);
    Some(FoundMetric {
        name: lead.name,
        baseline: 100.0,
        result: tidy(result),
        unit: Some("%".to_string()),
        better,
        phrase: text.get(start..n.end)?.to_string(),
    })
}

/// Metrics the message states as a before and an after, in the order they appear (at most 5).
pub fn find_metrics(text: &str) -> Vec<FoundMetric> {
    let text = capped(text);
    let nums = scan_numbers(text);
    let mut found: Vec<(usize, FoundMetric)> = Vec::new();
    let mut used = vec![false; nums.len()];
    let mut k = 0;
    while k + 1 < nums.len() {
        let (a, b) = (&nums[k], &nums[k + 1]);
        if is_connector(&text[a.end..b.start]) {
            // Paired numbers are spent either way, so "3 to 5 to 9" cannot chain.
            used[k] = true;
            used[k + 1] = true;
            if let Some(m) = pair_metric(text, a, b) {
                found.push((a.start, m));
            }
            k += 2;
        } else {
            k += 1;
        }
    }
    for (n, _) in nums.iter().zip(&used).filter(|(_, u)| !**u) {
        if let Some(m) = by_percent_metric(text, n) {
            found.push((n.start, m));
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().take(MAX_METRICS).map(|(_, m)| m).collect()
}

// ---------------------------------------------------------------------------------------------
// Requests and subjects

/// Trims a line and cuts it to `MAX_LINE_CHARS` chars, marking the cut with "…".
fn clip_line(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() <= MAX_LINE_CHARS {
        return line.to_string();
    }
    let mut out: String = line.chars().take(MAX_LINE_CHARS - 1).collect();
    out.push('…');
    out
}

/// The first non-empty line, trimmed, at most 200 chars.
pub fn subject(message: &str) -> String {
    capped(message)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(clip_line)
        .unwrap_or_default()
}

fn parse_number(digits: &str) -> Option<u64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok().filter(|n| *n > 0)
}

/// The body's lines after the subject, trimmed and non-empty.
fn body_lines(message: &str) -> impl Iterator<Item = &str> {
    message.lines().map(str::trim).filter(|l| !l.is_empty()).skip(1)
}

fn title_or(body: Option<&str>, fallback: &str) -> String {
    clip_line(body.unwrap_or(fallback))
}

/// The pull or merge request a merge or squash commit names.
///
/// A plain `Revert "Add x (#12)"` is not taken as a request: the number belongs to the commit
/// being reverted, not to a request this commit merged (GitHub's own revert PR would add its
/// own ` (#N)` after the closing quote, and that is taken).
pub fn request(message: &str) -> Option<Request> {
    let message = capped(message);
    let subj = message.lines().map(str::trim).find(|l| !l.is_empty())?;

    // GitHub merge commit (Bitbucket Server writes the same words).
    if let Some(rest) = subj.strip_prefix("Merge pull request #") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let number = parse_number(&digits)?;
        let after = &rest[digits.len()..];
        if !(after.is_empty() || after.starts_with(' ')) {
            return None;
        }
        let branch = after
            .split_once(" from ")
            .map(|(_, b)| b.split(" to ").next().unwrap_or(b).trim())
            .unwrap_or("");
        // GitHub writes "owner/branch"; the branch alone reads better as a title.
        let branch = branch.split_once('/').map_or(branch, |(_, b)| b);
        let title = title_or(body_lines(message).next(), branch);
        return Some(Request { number, kind: RequestKind::Pull, title });
    }

    // Bitbucket Cloud merge commit.
    if let Some(rest) = subj.strip_prefix("Merged in ") {
        let (branch, tail) = rest.split_once(" (pull request #")?;
        let number = parse_number(tail.strip_suffix(')')?)?;
        let title = title_or(body_lines(message).next(), branch.trim());
        return Some(Request { number, kind: RequestKind::Pull, title });
    }

    // GitLab merge commit: the number is only on the "See merge request" line.
    if let Some(rest) = subj.strip_prefix("Merge branch '") {
        let branch = rest.split_once('\'').map_or("", |(b, _)| b);
        let mut number = None;
        let mut title = None;
        for line in body_lines(message) {
            if let Some(reference) = line.strip_prefix("See merge request ") {
                let digits = reference.trim().rsplit_once('!').map_or("", |(_, n)| n);
                number = parse_number(digits.trim_end_matches('.'));
            } else if title.is_none() {
                title = Some(line);
            }
        }
        return Some(Request {
            number: number?,
            kind: RequestKind::Merge,
            title: title_or(title, branch),
        });
    }

    // GitHub squash commit: "Title (#123)".
    let open = subj.strip_suffix(')')?.rfind(" (#")?;
    let number = parse_number(&subj[open + 3..subj.len() - 1])?;
    let title = subj[..open].trim();
    if title.is_empty() {
        return None;
    }
    Some(Request { number, kind: RequestKind::Pull, title: clip_line(title) })
}

#[cfg(test)]
#[path = "phrases_tests.rs"]
mod tests;
