//! The bullet lint: what makes a resume bullet weak or ungrammatical, each finding with why
//! it matters and how to fix it. Pure functions over the text, the metrics the bullet cites
//! and the names the journal uses; generated and hand-written bullets meet the same bar.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::grammar::{bare, plain_base_verb, verb, Form, Names};
use crate::journal::Metric;
use crate::macros::text_enum;

text_enum!(
    LintRule {
        NoNumber = "no-number",
        WeakOpening = "weak-opening",
        Buzzword = "buzzword",
        FirstPerson = "first-person",
        PassiveVoice = "passive-voice",
        TooLong = "too-long",
        NumberWithoutUnit = "number-without-unit",
        MetricWithoutEvidence = "metric-without-evidence",
        ClaimNotShown = "claim-not-shown",
        RepeatedPhrase = "repeated-phrase",
        StrayCapital = "stray-capital",
        VerbAfterVerb = "verb-after-verb",
        DanglingPreposition = "dangling-preposition",
        ManyColons = "many-colons",
    }
);

impl LintRule {
    /// The rules about the sentence itself rather than its content.
    pub const GRAMMAR: &'static [LintRule] = &[
        LintRule::RepeatedPhrase,
        LintRule::StrayCapital,
        LintRule::VerbAfterVerb,
        LintRule::DanglingPreposition,
        LintRule::ManyColons,
    ];
}

/// One problem with a bullet: which rule, why it matters, how to fix it, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub rule: LintRule,
    pub why: String,
    pub fix: String,
    /// The words the finding is about, as they appear in the bullet.
    pub excerpt: Option<String>,
}

pub const MAX_WORDS: usize = 32;
pub const MAX_CHARS: usize = 220;

const WEAK_OPENINGS: &[&str] = &[
    "responsible for", "helped", "helping", "worked on", "working on", "assisted",
    "participated in", "involved in", "tasked with", "duties included", "in charge of",
];

const BUZZWORDS: &[&str] = &[
    "synergy", "synergies", "synergize", "leveraged", "leverage", "leveraging", "results-driven",
    "results driven", "go-getter", "rockstar", "ninja", "guru", "thought leader",
    "think outside the box", "best-of-breed", "best of breed", "world-class", "cutting-edge",
    "bleeding-edge", "paradigm", "game-changer", "game changing", "detail-oriented", "team player",
    "hard-working", "self-starter", "dynamic", "passionate", "value-add", "move the needle",
];

const FIRST_PERSON: &[&str] = &["i", "me", "my", "mine", "we", "our", "us", "myself"];

/// Words after a number that say what it counts, beyond the ones with a symbol.
const UNIT_WORDS: &[&str] = &[
    "ms", "s", "sec", "seconds", "second", "min", "mins", "minutes", "minute", "h", "hours",
    "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "x", "points",
    "point", "pp", "users", "customers", "requests", "engineers", "people", "teams", "team",
    "services", "incidents", "deploys", "deployments", "releases", "pages", "alerts", "tickets",
    "bugs", "tests", "regions", "countries", "languages", "gb", "tb", "mb", "kb", "qps", "rps",
    "req/s", "percent", "k", "m", "million", "billion", "thousand", "hires", "interviews",
    "reports", "services,", "nodes", "machines", "servers", "clusters", "databases", "tables",
    "queries", "jobs", "pipelines", "repos", "repositories", "lines", "files", "apis", "endpoints",
    "features", "products", "projects",
];

fn words(text: &str) -> Vec<String> {
    // Commas end words but not numbers: "$52,000" is one token.
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | ':' | '(' | ')' | '"'))
        .map(|w| w.trim_end_matches([',', '.', '!', '?']))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn finding(rule: LintRule, why: &str, fix: &str, excerpt: Option<String>) -> Finding {
    Finding { rule, why: why.to_string(), fix: fix.to_string(), excerpt }
}

/// Every finding for `text` with only the built-in names (tools, clouds, languages) known;
/// `cited` are the metrics the bullet was made from.
pub fn lint(text: &str, cited: &[Metric]) -> Vec<Finding> {
    lint_with(text, cited, &Names::new())
}

/// Every finding for `text`, knowing the journal's own `names`.
pub fn lint_with(text: &str, cited: &[Metric], names: &Names) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lower = text.trim().to_lowercase();
    let tokens = words(text);
    let lower_tokens: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();

    if !text.chars().any(|c| c.is_ascii_digit()) {
        findings.push(finding(
            LintRule::NoNumber,
            "Without a number the reader cannot tell how big the result was.",
            "Add the measured outcome: a before and after, a percentage, a count or money saved.",
            None,
        ));
    }
    if let Some(opening) = WEAK_OPENINGS.iter().find(|o| lower.starts_with(*o)) {
        findings.push(finding(
            LintRule::WeakOpening,
            "It describes a duty or a supporting part, not what you did.",
            "Start with a strong verb for your own action: led, cut, built, designed, migrated.",
            Some(text.trim()[..opening.len()].to_string()),
        ));
    }
    for buzz in BUZZWORDS {
        let hit = if buzz.contains(' ') || buzz.contains('-') {
            lower.contains(buzz)
        } else {
            lower_tokens.iter().any(|w| w == buzz)
        };
        if hit {
            findings.push(finding(
                LintRule::Buzzword,
                "Buzzwords read as filler and make reviewers skim.",
                "Replace it with the concrete thing you did or the result it had.",
                Some(buzz.to_string()),
            ));
        }
    }
    if let Some(word) = tokens.iter().find(|w| FIRST_PERSON.contains(&w.to_lowercase().as_str())) {
        findings.push(finding(
            LintRule::FirstPerson,
            "Resume bullets are written without pronouns; they read as notes otherwise.",
            "Drop the pronoun and start with the verb: \"Led the migration...\".",
            Some(word.clone()),
        ));
    }
    for pair in lower_tokens.windows(2) {
        let auxiliary =
            matches!(pair[0].as_str(), "was" | "were" | "been" | "being" | "is" | "are");
        let participle = pair[1].len() > 3 && (pair[1].ends_with("ed") || pair[1].ends_with("en"));
        if auxiliary && participle {
            findings.push(finding(
                LintRule::PassiveVoice,
                "Passive voice hides who acted, and on a resume that should be you.",
                "Name the action with you as the subject: \"Cut latency\" rather than \"latency was cut\".",
                Some(format!("{} {}", pair[0], pair[1])),
            ));
            break;
        }
    }
    let word_count = tokens.len();
    let char_count = text.trim().chars().count();
    if word_count > MAX_WORDS || char_count > MAX_CHARS {
        findings.push(finding(
            LintRule::TooLong,
            "Long bullets get skimmed; the number at the end may never be read.",
            &format!("Keep it under {MAX_WORDS} words: one action, one result. Move detail to the interview."),
            Some(format!("{word_count} words")),
        ));
    }
    for i in 0..tokens.len() {
        if let Some(bare) = bare_number(&tokens, i) {
            findings.push(finding(
                LintRule::NumberWithoutUnit,
                "A number without a unit leaves the reader guessing what moved.",
                "Say what it counts: ms, %, requests/s, engineers, dollars...",
                Some(bare),
            ));
            break;
        }
    }
    for metric in cited.iter().filter(|m| m.evidence.is_none()) {
        findings.push(finding(
            LintRule::MetricWithoutEvidence,
            "The journal has no evidence for this number; you may be asked where it came from.",
            "Add evidence to the metric in the journal: a dashboard, a query, a report.",
            Some(metric.name.clone()),
        ));
    }
    for metric in cited.iter().filter(|m| m.improved == Some(false)) {
        if let Some(claim) = claimed(text, metric) {
            findings.push(finding(
                LintRule::ClaimNotShown,
                "The bullet words this change as a win, but the journal shows the metric got worse or did not move.",
                "Say what happened (\"Held … while …\"), or leave this number out of the bullet.",
                Some(claim),
            ));
        }
    }
    grammar(text, names, &mut findings);
    findings
}

/// Verbs that claim a metric moved the better way.
const CLAIMS: &[&str] = &[
    "cut", "cutting", "reduce", "reduced", "reducing", "raise", "raised", "raising", "increase",
    "increased", "increasing", "grew", "growing", "grow", "improve", "improved", "improving",
    "lower", "lowered", "lowering", "boosted", "boosting", "doubled", "halved", "tripled",
    "lifted", "slashed", "shrank", "decreased", "decreasing", "dropped", "sped", "accelerated",
    "trimmed", "expanded", "eliminated", "minimised", "minimized", "maximised", "maximized",
];

/// Where `text` claims `metric` improved: a claiming verb just before its name, or a
/// bullet opening with one that quotes its figures.
fn claimed(text: &str, metric: &Metric) -> Option<String> {
    let lower = text.to_lowercase();
    let name = metric.name.trim().to_lowercase();
    let words: Vec<String> = lower.split_whitespace().map(|w| bare(w).to_string()).collect();
    if let Some(at) = (!name.is_empty()).then(|| lower.find(&name)).flatten() {
        let before = lower[..at].split_whitespace().count();
        let window = &words[before.saturating_sub(3)..before.min(words.len())];
        if let Some(claim) = window.iter().rev().find(|w| CLAIMS.contains(&w.as_str())) {
            return Some(format!("{claim} {}", metric.name.trim()));
        }
    }
    let figures = metric.told.as_ref().is_some_and(|told| {
        told.from.as_deref().is_some_and(|from| text.contains(from) && text.contains(&told.to))
    });
    let opens = words.first().is_some_and(|w| CLAIMS.contains(&w.as_str()));
    (figures && opens).then(|| format!("{} {}", words[0], metric.name.trim()))
}

/// Prepositions a bare verb cannot follow ("for move", "in Rebuild").
const PREPOSITIONS: &[&str] = &[
    "for", "of", "with", "over", "from", "in", "on", "at", "into", "onto", "by", "about", "than",
    "via", "without", "across", "after", "before", "through", "under", "between", "toward",
    "towards", "against",
];

/// Words after which "to" is a preposition, so a bare verb cannot follow it.
const TO_AS_PREPOSITION: &[&str] = &[
    "due", "thanks", "contributed", "moved", "migrated", "switched", "ported", "converted",
    "addition", "compared", "related", "according", "prior", "committed", "dedicated", "devoted",
];

/// Verbs that take a bare verb after them ("helped ship", "let teams deploy").
const TAKES_A_VERB: &[&str] = &["help", "helped", "let", "make", "made", "have", "had"];

/// The checks for what generation can get wrong and hand-writing too: a repeated phrase,
/// a capital that is no name, two verbs in a row, a preposition before a bare verb, and
/// more than one colon.
fn grammar(text: &str, names: &Names, findings: &mut Vec<Finding>) {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let plain: Vec<String> = raw.iter().map(|w| bare(w).to_lowercase()).collect();

    let mut seen: std::collections::HashMap<&[String], usize> = std::collections::HashMap::new();
    let lettered = |w: &String| w.chars().any(char::is_alphabetic);
    for (i, window) in plain.windows(3).enumerate() {
        if !window.iter().all(lettered) {
            continue;
        }
        match seen.get(window) {
            Some(&first) if i >= first + 3 => {
                findings.push(finding(
                    LintRule::RepeatedPhrase,
                    "The same words twice read as a pasted field and spend words the bullet does not have.",
                    "Say it once, where it carries the action or the result.",
                    Some(raw[i..i + 3].join(" ")),
                ));
                break;
            }
            Some(_) => {}
            None => {
                seen.insert(window, i);
            }
        }
    }

    let mut flagged: Vec<&str> = Vec::new();
    let mut starts = true;
    let mut after_name = false;
    for word in &raw {
        let core = bare(word);
        let opens_quote = word.starts_with(['"', '“', '\'']);
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        let named = names.is_name(core) || (after_name && names.follows_a_name(core));
        after_name = capital && (named || starts) && !word.ends_with([',', ';', ':', '.']);
        let stray = !starts && !opens_quote && capital && core != "I" && !named;
        if stray && !flagged.contains(&core) {
            flagged.push(core);
            findings.push(finding(
                LintRule::StrayCapital,
                "A capital mid-sentence reads as a name; on an ordinary word it looks like a pasted title.",
                "Lower-case it, unless it is a name: a product, a tool, a company, a person.",
                Some(core.to_string()),
            ));
        }
        starts = word.ends_with(['.', '!', '?', ':']);
    }

    for i in 1..raw.len() {
        let joined = !raw[i - 1].ends_with([',', ';', ':', '.', ')']);
        let first = plain[i - 1].as_str();
        let is_verb = matches!(verb(first), Some((_, Form::Base | Form::Past)));
        if joined && is_verb && !TAKES_A_VERB.contains(&first) && plain_base_verb(&plain[i]) {
            findings.push(finding(
                LintRule::VerbAfterVerb,
                "Two verbs in a row (\"Delivered Simplify\") mean a title sits where the object should be.",
                "Keep one verb and make the rest its object: \"Simplified the CI pipeline\".",
                Some(format!("{} {}", bare(raw[i - 1]), bare(raw[i]))),
            ));
            break;
        }
    }

    for i in 1..raw.len() {
        let preposition = plain[i - 1].as_str();
        let dangling = PREPOSITIONS.contains(&preposition)
            || (preposition == "to"
                && i >= 2
                && TO_AS_PREPOSITION.contains(&plain[i - 2].as_str()));
        if dangling && !raw[i - 1].ends_with([',', ';', ':']) && plain_base_verb(&plain[i]) {
            findings.push(finding(
                LintRule::DanglingPreposition,
                "A preposition before a bare verb (\"for move\") does not parse, and the reader stumbles.",
                "Put a noun after it (\"for the move\"), an -ing form (\"by moving\"), or say \"to move\".",
                Some(format!("{} {}", bare(raw[i - 1]), bare(raw[i]))),
            ));
            break;
        }
    }

    let colons = text
        .char_indices()
        .filter(|&(i, c)| {
            let next = text[i + c.len_utf8()..].chars().next();
            let prev = text[..i].chars().next_back();
            c == ':'
                && !next.is_some_and(|n| n == '/' || n.is_ascii_digit())
                && !prev
                    .is_some_and(|p| p.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
        })
        .count();
    if colons > 1 {
        findings.push(finding(
            LintRule::ManyColons,
            "More than one colon breaks a bullet into pieces that no longer read as one sentence.",
            "Keep one colon at most; make the rest a clause (\"to …\", \"by …\", \"while …\").",
            Some(format!("{colons} colons")),
        ));
    }
}

fn is_number(token: &str) -> bool {
    let digits = token.trim_start_matches(['~', '+', '-', '−']);
    digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn is_year(token: &str) -> bool {
    token.len() == 4 && (token.starts_with("19") || token.starts_with("20")) && is_number(token)
}

/// Whether the word after a number says what it counts.
fn counts(next: Option<&str>) -> bool {
    next.map(str::to_lowercase).is_some_and(|n| {
        UNIT_WORDS.contains(&n.as_str())
            || n.starts_with('%')
            || n.starts_with('x')
            || n.contains('/')
    })
}

fn joins(word: Option<&str>) -> bool {
    word.is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "to" | "from" | "and" | "by" | "→" | "->" | "in" | "of" | "for" | "at"
        )
    })
}

/// The token at `i` when it is a plain number with nothing saying what it counts; in
/// "from 2 to 10 deploys" the unit after the second number covers the first.
fn bare_number(tokens: &[String], i: usize) -> Option<String> {
    let token = tokens[i].as_str();
    if !is_number(token) || is_year(token) {
        return None;
    }
    let word = |at: usize| tokens.get(at).map(String::as_str);
    if i > 0 && word(i - 1).is_some_and(|p| p.ends_with(['$', '€', '£'])) {
        return None;
    }
    if counts(word(i + 1)) {
        return None;
    }
    // In "2 → 10" the metric named before the pair says what is counted.
    let arrow = |w: Option<&str>| matches!(w, Some("→" | "->"));
    if arrow(word(i + 1)) || (i > 0 && arrow(word(i - 1))) {
        return None;
    }
    if joins(word(i + 1)) && word(i + 2).is_some_and(is_number) && counts(word(i + 3)) {
        return None;
    }
    (word(i + 1).is_none() || joins(word(i + 1))).then(|| token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<LintRule> {
        lint(text, &[]).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_strong_bullet_passes() {
        assert_eq!(
            rules("Cut p99 checkout latency by 85% (800 ms → 120 ms) by moving writes to a queue"),
            vec![]
        );
        assert_eq!(rules("Grew deploys per week 5x (2 → 10 deploys) across 4 teams"), vec![]);
        assert_eq!(rules("Saved $120,000 a year by rightsizing 40 clusters in 2024"), vec![]);
    }

    #[test]
    fn each_rule_catches_its_weakness() {
        use LintRule::*;
        let cases: &[(&str, &[LintRule])] = &[
            ("Responsible for the payments service", &[NoNumber, WeakOpening]),
            ("Helped the team ship 3 features", &[WeakOpening]),
            ("Worked on search relevance", &[NoNumber, WeakOpening]),
            ("Leveraged synergy to deliver 4 services", &[Buzzword, Buzzword]),
            ("Results-driven lead of 5 engineers", &[Buzzword]),
            ("I led the migration of 12 services", &[FirstPerson]),
            ("Latency was reduced by 40%", &[PassiveVoice]),
            ("Reduced latency from 800 to 120", &[NumberWithoutUnit]),
            ("Reduced incidents by 12", &[NumberWithoutUnit]),
        ];
        for (text, expected) in cases {
            assert_eq!(rules(text), expected.to_vec(), "{text}");
        }
        let long = format!(
            "Led {} with 3 teams",
            (1..=40).map(|i| format!("part{i}")).collect::<Vec<_>>().join(" ")
        );
        assert_eq!(rules(&long), vec![TooLong]);
    }

    #[test]
    fn findings_say_why_and_how() {
        for finding in lint("Responsible for synergy; I was tasked", &[]) {
            assert!(finding.why.len() > 20 && finding.fix.len() > 20, "{finding:?}");
        }
    }
}
