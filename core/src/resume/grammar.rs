//! The small grammar bullets are built with and linted against: which words are verbs (with
//! their past and -ing forms), what shape a title or an option has, and which words are names.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A verb in its three forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub base: String,
    pub past: String,
    pub gerund: String,
    /// Also common as a noun or a modifier ("search relevance", "build times"): read as a
    /// verb only when what follows shows it is one.
    pub ambiguous: bool,
}

/// Which form of its verb a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    Past,
    Gerund,
}

/// Verbs engineers open titles, options and bullets with: `(base, irregular past)`.
const STRICT: &[(&str, &str)] = &[
    ("accelerate", ""),
    ("accept", ""),
    ("add", ""),
    ("adopt", ""),
    ("automate", ""),
    ("bring", "brought"),
    ("buy", "bought"),
    ("centralise", ""),
    ("centralize", ""),
    ("choose", "chose"),
    ("consolidate", ""),
    ("containerise", ""),
    ("containerize", ""),
    ("convert", ""),
    ("create", ""),
    ("cut", "cut"),
    ("decide", ""),
    ("decommission", ""),
    ("decouple", ""),
    ("define", ""),
    ("deliver", ""),
    ("deprecate", ""),
    ("drive", "drove"),
    ("eliminate", ""),
    ("enable", ""),
    ("encrypt", ""),
    ("enforce", ""),
    ("establish", ""),
    ("expand", ""),
    ("expose", ""),
    ("extend", ""),
    ("extract", ""),
    ("give", "gave"),
    ("grow", "grew"),
    ("halve", ""),
    ("harden", ""),
    ("implement", ""),
    ("improve", ""),
    ("instrument", ""),
    ("integrate", ""),
    ("introduce", ""),
    ("isolate", ""),
    ("keep", "kept"),
    ("leave", "left"),
    ("lower", ""),
    ("make", "made"),
    ("measure", ""),
    ("migrate", ""),
    ("modernise", ""),
    ("modernize", ""),
    ("modularise", ""),
    ("modularize", ""),
    ("move", ""),
    ("negotiate", ""),
    ("optimise", ""),
    ("optimize", ""),
    ("parallelise", ""),
    ("parallelize", ""),
    ("pick", ""),
    ("propose", ""),
    ("publish", ""),
    ("raise", ""),
    ("rearchitect", ""),
    ("rebuild", "rebuilt"),
    ("reduce", ""),
    ("remove", ""),
    ("rename", ""),
    ("reorganise", ""),
    ("reorganize", ""),
    ("replace", ""),
    ("restructure", ""),
    ("retire", ""),
    ("rewrite", "rewrote"),
    ("rework", ""),
    ("roll", ""),
    ("select", ""),
    ("shrink", "shrank"),
    ("simplify", ""),
    ("stabilise", ""),
    ("stabilize", ""),
    ("standardise", ""),
    ("standardize", ""),
    ("streamline", ""),
    ("sunset", ""),
    ("take", "took"),
    ("teach", "taught"),
    ("tear", "tore"),
    ("tighten", ""),
    ("triple", ""),
    ("unblock", ""),
    ("unify", ""),
    ("write", "wrote"),
    ("double", ""),
    ("redesign", ""),
    ("revamp", ""),
    ("overhaul", ""),
    ("replatform", ""),
];

/// Verbs that are as often nouns or modifiers at the start of a title.
const AMBIGUOUS: &[(&str, &str)] = &[
    ("archive", ""),
    ("audit", ""),
    ("backfill", ""),
    ("batch", ""),
    ("benchmark", ""),
    ("build", "built"),
    ("cache", ""),
    ("check", ""),
    ("clean", ""),
    ("coach", ""),
    ("design", ""),
    ("document", ""),
    ("drop", ""),
    ("export", ""),
    ("fix", ""),
    ("hire", ""),
    ("host", ""),
    ("import", ""),
    ("index", ""),
    ("launch", ""),
    ("lead", "led"),
    ("load", ""),
    ("lock", ""),
    ("log", ""),
    ("map", ""),
    ("mentor", ""),
    ("merge", ""),
    ("model", ""),
    ("monitor", ""),
    ("onboard", ""),
    ("open-source", ""),
    ("own", ""),
    ("page", ""),
    ("phase", ""),
    ("pilot", ""),
    ("plan", ""),
    ("port", ""),
    ("price", ""),
    ("profile", ""),
    ("prototype", ""),
    ("queue", ""),
    ("rate", ""),
    ("read", "read"),
    ("refactor", ""),
    ("release", ""),
    ("report", ""),
    ("review", ""),
    ("route", ""),
    ("run", "ran"),
    ("scale", ""),
    ("schedule", ""),
    ("search", ""),
    ("secure", ""),
    ("set", "set"),
    ("shard", ""),
    ("ship", ""),
    ("spin", "spun"),
    ("split", "split"),
    ("speed", "sped"),
    ("start", ""),
    ("stop", ""),
    ("store", ""),
    ("stream", ""),
    ("support", ""),
    ("switch", ""),
    ("sync", ""),
    ("tag", ""),
    ("test", ""),
    ("trace", ""),
    ("track", ""),
    ("triage", ""),
    ("tune", ""),
    ("update", ""),
    ("upgrade", ""),
    ("win", "won"),
    ("hold", "held"),
    ("land", ""),
    ("break", "broke"),
    ("wind", "wound"),
    ("trim", ""),
    ("alert", ""),
    ("deploy", ""),
];

/// Short verbs that double their last consonant: shipped, planning.
const DOUBLES: &[&str] = &[
    "ship", "plan", "stop", "drop", "trim", "map", "tag", "cut", "run", "set", "spin", "split",
    "put", "get", "shut", "swap", "begin", "log", "sunset",
];

fn regular_past(base: &str) -> String {
    if DOUBLES.contains(&base) {
        let last = base.chars().last().expect("a verb has letters");
        return format!("{base}{last}ed");
    }
    if base.ends_with('e') {
        return format!("{base}d");
    }
    if let Some(stem) = base.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ied");
        }
    }
    format!("{base}ed")
}

fn gerund_of(base: &str) -> String {
    if DOUBLES.contains(&base) {
        let last = base.chars().last().expect("a verb has letters");
        return format!("{base}{last}ing");
    }
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if let Some(stem) = base.strip_suffix('e') {
        if !stem.ends_with('e') {
            return format!("{stem}ing");
        }
    }
    format!("{base}ing")
}

struct Lexicon {
    verbs: Vec<Verb>,
    forms: HashMap<String, (usize, Form)>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs = Vec::new();
        let mut forms = HashMap::new();
        for (list, ambiguous) in [(STRICT, false), (AMBIGUOUS, true)] {
            for (base, past) in list {
                let past = if past.is_empty() { regular_past(base) } else { past.to_string() };
                let verb =
                    Verb { base: base.to_string(), gerund: gerund_of(base), past, ambiguous };
                let index = verbs.len();
                // The base form wins where a past equals it (cut, set, split).
                forms.insert(verb.gerund.clone(), (index, Form::Gerund));
                forms.insert(verb.past.clone(), (index, Form::Past));
                forms.insert(verb.base.clone(), (index, Form::Base));
                verbs.push(verb);
            }
        }
        Lexicon { verbs, forms }
    })
}

/// The verb `word` is a form of (any case), and which form.
pub fn verb(word: &str) -> Option<(&'static Verb, Form)> {
    let lexicon = lexicon();
    let lower = word.to_lowercase();
    lexicon.forms.get(lower.as_str()).map(|&(i, form)| (&lexicon.verbs[i], form))
}

/// A word the lexicon does not know, read as a regular verb in its base form because an
/// object follows it ("Rightsize the clusters", "Handle the spike").
fn guessed(word: &str, next: Option<&str>) -> Option<Verb> {
    let lower = word.to_lowercase();
    let object = next.is_some_and(|n| {
        matches!(
            n.to_lowercase().as_str(),
            "the" | "a" | "an" | "our" | "their" | "its" | "every" | "all"
        )
    });
    let plain = lower.len() > 2
        && lower.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !lower.ends_with("ing")
        && !lower.ends_with("ed")
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && !DETERMINERS.contains(&lower.as_str());
    (object && plain).then(|| Verb {
        past: regular_past(&lower),
        gerund: gerund_of(&lower),
        base: lower,
        ambiguous: false,
    })
}

/// A verb that is plainly one in its base form ("migrate", not "search"): what the lint
/// looks for after a verb or a preposition.
pub fn plain_base_verb(word: &str) -> bool {
    matches!(verb(word), Some((v, Form::Base)) if !v.ambiguous)
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "its", "their", "his", "her", "my", "your", "this", "that", "these",
    "those", "all", "every", "each", "both", "some", "any", "no", "it", "them", "us", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "most",
    "more", "less", "fewer", "half", "another", "other", "whole",
];

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "to", "for", "with", "from", "into", "onto", "over", "behind", "off",
    "through", "across", "under", "between", "without", "by", "via", "out", "up", "down", "away",
    "back", "around", "before", "after", "against", "toward", "towards", "of", "about", "than",
    "within",
];

/// Words that are never names, whatever their case.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "into", "over", "as", "is", "are", "was", "were", "it", "its", "we", "our", "this",
    "that", "these", "those", "so", "if", "then", "than", "not", "no", "vs",
];

pub fn is_determiner(word: &str) -> bool {
    let lower = word.to_lowercase();
    DETERMINERS.contains(&lower.as_str())
        || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word.to_lowercase().as_str())
}

/// Heads that make a title a noun phrase ("checkout rewrite", "search relevance tuning").
const NOUN_HEADS: &[&str] = &[
    "rewrite", "rebuild", "rollout", "cleanup", "clean-up", "overhaul", "upgrade", "redesign",
    "revamp", "refactor", "speedup", "fix", "fixes", "push", "work", "effort", "project",
    "program", "programme", "initiative", "launch", "review", "audit", "build-out", "cutover",
    "cut-over", "spike", "pilot",
];
/// Endings of nouns, which make a title a noun phrase ("search relevance").
const NOUN_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ance", "ence", "ity", "ness", "ing", "ure", "ics", "ism", "ship",
    "age", "ency",
];
/// Endings of nouns that name a piece of work ("migration", "tuning").
const WORK_SUFFIXES: &[&str] = &["tion", "sion", "ment", "ing"];

/// A noun at the end of a title that makes it a noun phrase.
fn is_noun_end(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOUN_HEADS.contains(&lower.as_str()) || NOUN_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// An action noun: the phrase names a piece of work ("the checkout rewrite").
pub fn is_action_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOUN_HEADS.contains(&lower.as_str()) || WORK_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

fn plural(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
}

/// The shape of a title, an option or a summary's first clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape<'a> {
    /// Led by a verb ("Simplify the CI pipeline", "Migrated billing", "Moving to Kafka"):
    /// the verb and the words after it.
    Verbal { verb: Verb, form: Form, rest: &'a str },
    /// Anything else: "Checkout rewrite", "Postgres outbox", "Kafka".
    Noun,
}

fn split_first(text: &str) -> (&str, &str) {
    let text = text.trim();
    match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim_start()),
        None => (text, ""),
    }
}

fn clean_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Reads `text` as a verb phrase when its first word is a verb and what follows agrees.
pub fn shape(text: &str) -> Shape<'_> {
    let (first, rest) = split_first(text);
    let words: Vec<&str> = rest.split_whitespace().map(clean_word).collect();
    let next = words.first().copied();
    let (verb, form) = match verb(clean_word(first)) {
        Some((verb, form)) => (verb.clone(), form),
        None => match guessed(clean_word(first), next) {
            Some(verb) => (verb, Form::Base),
            None => return Shape::Noun,
        },
    };
    if next.is_some_and(|n| n.eq_ignore_ascii_case("of")) {
        return Shape::Noun;
    }
    let ambiguous = verb.ambiguous;
    let verbal = Shape::Verbal { verb, form, rest };
    if !ambiguous {
        return verbal;
    }
    // An ambiguous word is a verb when an object or a particle follows it ("Scale the
    // clusters", "Speed up search", "Build on the config service"), or two words that do
    // not end in a noun of work ("Queue checkout writes", not "Search relevance tuning").
    let Some(next) = next else {
        return Shape::Noun;
    };
    if is_determiner(next) || is_preposition(next) {
        return verbal;
    }
    let last = words.last().copied().unwrap_or(next);
    if words.len() >= 2 && !plural(next) && !is_noun_end(last) {
        return verbal;
    }
    Shape::Noun
}

/// A dilemma ("Build or buy the feature flag system", "Cache at the edge or in the
/// service"): its title names the options, not what the choice was for.
pub fn dilemma(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase());
    [" or ", " vs ", " vs. ", " versus "].iter().any(|s| lower.contains(s))
}

/// What a choice was about, from a title such as "Pick a queue for the background jobs":
/// "the queue for the background jobs".
pub fn choice_object(text: &str) -> Option<String> {
    let Shape::Verbal { verb, rest, .. } = shape(text) else {
        return None;
    };
    if !matches!(verb.base.as_str(), "pick" | "choose" | "select" | "decide") {
        return None;
    }
    let rest = rest.strip_prefix("on ").or_else(|| rest.strip_prefix("upon ")).unwrap_or(rest);
    let (first, tail) = split_first(rest);
    match first.to_lowercase().as_str() {
        "a" | "an" | "the" if !tail.is_empty() => Some(format!("the {tail}")),
        _ => None,
    }
}

/// Capitalises the first letter: sentences start here.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Built-in names: tools, clouds and languages engineers write with capitals.
const KNOWN_NAMES: &[&str] = &[
    "Airflow", "Akamai", "Android", "Ansible", "Argo", "Auth0", "Aurora", "Azure", "BigQuery",
    "Bazel", "Buildkite", "Cassandra", "Celery", "ClickHouse", "Cloudflare", "CockroachDB",
    "Consul", "Confluence", "Databricks", "Datadog", "Debian", "Deno", "Django", "Docker",
    "DynamoDB", "Elasticsearch", "Envoy", "Fastly", "Figma", "Flask", "Flink", "Flutter", "Git",
    "GitHub", "GitLab", "Go", "Gradle", "Grafana", "GraphQL", "Hadoop", "Helm", "Heroku", "Istio",
    "Java", "JavaScript", "Jenkins", "Jira", "Kafka", "Kibana", "Kinesis", "Kotlin", "Kubernetes",
    "Lambda", "LaunchDarkly", "Linkerd", "Linux", "Looker", "Maven", "Memcached", "MongoDB",
    "MySQL", "NATS", "Netlify", "Nginx", "Node", "Okta", "OpenSearch", "OpenTelemetry",
    "PagerDuty", "Postgres", "PostgreSQL", "Prometheus", "Pulsar", "Python", "RabbitMQ", "Rails",
    "React", "Redis", "Redshift", "Ruby", "Rust", "Scala", "Sentry", "Sidekiq", "Slack",
    "Snowflake", "Spark", "Splunk", "Spring", "SQLite", "Stripe", "Svelte", "Swift", "Temporal",
    "Terraform", "TypeScript", "Ubuntu", "Vault", "Vercel", "Vitess", "Vue", "Webpack", "Windows",
    "Zookeeper", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn known() -> &'static HashSet<&'static str> {
    static KNOWN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    KNOWN.get_or_init(|| KNOWN_NAMES.iter().copied().collect())
}

/// Shaped like a name whatever the journal says: an acronym ("CI", "SKIP"), inner capitals
/// ("PostgreSQL", "iOS"), or digits ("P99", "S3").
pub fn name_shaped(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if word.chars().any(|c| c.is_ascii_digit()) && !letters.is_empty() {
        return true;
    }
    letters.len() >= 2
        && (letters.iter().all(|c| c.is_uppercase())
            || letters.iter().skip(1).any(|c| c.is_uppercase()))
}

/// The capitalised words a journal uses as names: its organisations, and words its own
/// titles, options and summaries capitalise where a sentence does not start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    learned: HashSet<String>,
    /// Words that are names only after another name: "Payments" in "Northwind Payments",
    /// an ordinary word elsewhere ("the payments platform").
    followers: HashSet<String>,
}

fn capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word with the punctuation around it removed and a possessive dropped.
pub fn bare(word: &str) -> &str {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    fn add(&mut self, word: &str) {
        let word = bare(word);
        if capital(word) && !FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) {
            self.learned.insert(word.to_string());
        }
    }

    /// A run of capitalised words ("Northwind Payments"): the first is a name, the others
    /// are names after it.
    fn add_run(&mut self, run: &[&str]) {
        if let Some((first, rest)) = run.split_first() {
            self.add(first);
            for word in rest {
                let word = bare(word);
                if capital(word) && !self.is_name(word) {
                    self.followers.insert(word.to_string());
                }
            }
        }
    }

    /// An organisation's name: its first word is a name, the rest are names after it.
    pub fn organization(&mut self, name: &str) {
        let words: Vec<&str> = name.split_whitespace().filter(|w| capital(bare(w))).collect();
        self.add_run(&words);
    }

    /// Words capitalised where no sentence starts. Text in title case ("Checkout Flow
    /// Rewrite") teaches nothing: its capitals are style, not names.
    pub fn text(&mut self, text: &str) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let lettered: Vec<&&str> =
            words.iter().filter(|w| w.chars().any(char::is_alphabetic)).collect();
        if lettered.len() >= 3 && lettered.iter().all(|w| capital(w)) {
            return;
        }
        let mut starts = true;
        let mut run: Vec<&str> = Vec::new();
        for word in &words {
            let named = !starts && !word.starts_with(['"', '“', '\'']) && capital(bare(word));
            if named {
                run.push(word);
            } else if !run.is_empty() {
                self.add_run(&run);
                run.clear();
            }
            starts = word.ends_with(['.', '!', '?', ':']);
            if starts && !run.is_empty() {
                self.add_run(&run);
                run.clear();
            }
        }
        self.add_run(&run);
    }

    /// A project's title: one in title case is style, unless it is a short proper name
    /// ("Project Atlas"), whose words all count as names.
    pub fn title(&mut self, title: &str) {
        let words: Vec<&str> = title.split_whitespace().collect();
        if words.len() >= 2 && words.iter().all(|w| capital(w)) {
            if proper_title(&words) {
                words.iter().for_each(|w| self.add(w));
            }
            return;
        }
        self.text(title);
    }

    /// An option's name: a one-word option that is no verb is a name ("Kafka").
    pub fn option(&mut self, text: &str) {
        self.text(text);
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [one] = words.as_slice() {
            if verb(bare(one)).is_none() {
                self.add(one);
            }
        }
    }

    /// Whether `word` is a name when it follows a name ("Payments" after "Northwind").
    pub fn follows_a_name(&self, word: &str) -> bool {
        let word = bare(word);
        self.followers.contains(word) || self.is_name(word)
    }

    /// Whether `word` (as it appears, punctuation aside) is a name.
    pub fn is_name(&self, word: &str) -> bool {
        let word = bare(word);
        if word.is_empty() {
            return false;
        }
        let check = |w: &str| name_shaped(w) || known().contains(w) || self.learned.contains(w);
        check(word) || word.split('-').next().is_some_and(check)
    }
}

/// Lowers the first word of a phrase used mid-sentence, unless it is a name: "Keep
/// git-flow" -> "keep git-flow", "A managed queue" -> "a managed queue", "Kafka" stays.
pub fn mid_sentence(text: &str, names: &Names) -> String {
    let text = text.trim();
    let (first, rest) = split_first(text);
    if names.is_name(first) {
        return text.to_string();
    }
    let lowered = first.to_lowercase();
    if rest.is_empty() {
        lowered
    } else {
        format!("{lowered} {rest}")
    }
}

/// A verb phrase in the past tense ("Leave it and add a merge queue" -> "left it and added
/// a merge queue"), or in the -ing form; each verb after an "and" follows.
pub fn verbal(text: &str, form: Form) -> Option<String> {
    let Shape::Verbal { verb: lead, rest, .. } = shape(text) else {
        return None;
    };
    let head = match form {
        Form::Past => &lead.past,
        Form::Gerund => &lead.gerund,
        Form::Base => &lead.base,
    };
    let mut words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
    for i in 1..words.len() {
        if words[i - 1].eq_ignore_ascii_case("and") {
            if let Some((v, Form::Base)) = verb(&words[i]) {
                if !v.ambiguous || words.get(i + 1).is_some_and(|n| is_determiner(n)) {
                    words[i] = match form {
                        Form::Past => v.past.clone(),
                        Form::Gerund => v.gerund.clone(),
                        Form::Base => v.base.clone(),
                    };
                }
            }
        }
    }
    let rest = words.join(" ");
    Some(if rest.is_empty() { head.clone() } else { format!("{head} {rest}") })
}

/// The word a phrase is about: the last before its first preposition ("migration" in
/// "Migration of billing to Stripe", "rewrite" in "Checkout rewrite").
fn head<'a>(words: &[&'a str]) -> &'a str {
    let end =
        words.iter().skip(1).position(|w| is_preposition(bare(w))).map_or(words.len(), |i| i + 1);
    words.get(end.saturating_sub(1)).map_or("", |w| bare(w))
}

/// A title in title case of at most two words that names no piece of work: a proper
/// name, such as "Project Atlas".
fn proper_title(words: &[&str]) -> bool {
    words.len() <= 2 && words.iter().all(|w| capital(w)) && !is_action_noun(head(words))
}

/// A title as the object of a sentence: "Checkout rewrite" -> "the checkout rewrite",
/// "Search relevance" -> "the search relevance project", "Project Atlas" stays.
pub fn noun_phrase(text: &str, names: &Names) -> String {
    noun(text, names, true)
}

/// A title as a thing, never as a project: "Ledger database" -> "the ledger database".
pub fn thing(text: &str, names: &Names) -> String {
    noun(text, names, false)
}

fn noun(text: &str, names: &Names, project: bool) -> String {
    let text = text.trim().trim_end_matches(['.', '?', '!']);
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return String::new();
    };
    if proper_title(&words) {
        return text.to_string();
    }
    let determined = is_determiner(first) && !first.starts_with(|c: char| c.is_ascii_digit());
    let title_case = words.len() >= 2 && words.iter().all(|w| capital(w));
    let body: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let function = FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
            if (i == 0 || title_case || function) && !names.is_name(w) {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect();
    let body = body.join(" ");
    let work = is_action_noun(head(&words)) || !project;
    match (determined, work) {
        (true, true) => body,
        (true, false) => format!("{body} project"),
        (false, true) => format!("the {body}"),
        (false, false) => format!("the {body} project"),
    }
}

/// A list as a sentence says it: "A", "A and B", "A, B and C"; with `or` when an item has
/// an "and" of its own, so the reader can tell the items apart.
pub fn listed(items: &[String], or: bool) -> String {
    let joint = if or { "or" } else { "and" };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {joint} {last}", init.join(", ")),
    }
}

/// The first clause of a text, without its full stop: up to a sentence end, a semicolon,
/// a colon or a line break ("3.5x" keeps its point).
pub fn first_clause(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        if matches!(c, ';' | ':' | '\n') || (matches!(c, '.' | '!' | '?') && next_is_space) {
            end = i;
            break;
        }
    }
    text[..end].trim()
}

/// Words of a text, without punctuation, lower-cased: what phrase comparisons work on.
pub fn plain_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| bare(w).to_lowercase()).filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_have_their_forms() {
        let cases = [
            ("simplify", "simplified", "simplifying"),
            ("migrate", "migrated", "migrating"),
            ("ship", "shipped", "shipping"),
            ("build", "built", "building"),
            ("split", "split", "splitting"),
            ("speed", "sped", "speeding"),
            ("keep", "kept", "keeping"),
            ("leave", "left", "leaving"),
            ("instrument", "instrumented", "instrumenting"),
            ("harden", "hardened", "hardening"),
            ("buy", "bought", "buying"),
            ("unify", "unified", "unifying"),
        ];
        for (base, past, gerund) in cases {
            let (v, form) = verb(base).unwrap();
            assert_eq!(form, Form::Base);
            assert_eq!((v.past.as_str(), v.gerund.as_str()), (past, gerund));
            assert_eq!(verb(past).unwrap().0.base, base);
            assert_eq!(verb(gerund).unwrap().0.base, base);
        }
    }

    #[test]
    fn a_title_is_read_as_a_verb_phrase_or_a_noun_phrase() {
        let verbal_titles = [
            "Simplify the CI pipeline", "Speed up the search API", "Split out the auth gateway",
            "Scale the Kubernetes clusters", "Queue checkout writes",
            "Build on the existing config service", "Migrated billing to Stripe",
            "Migrating billing to Stripe", "Keep git-flow with stricter reviews",
            "Extract two services", "Cache product pages", "Rightsize the Kubernetes clusters",
            "Handle the traffic spike", "Onboarding the new hires",
        ];
        for title in verbal_titles {
            assert!(matches!(shape(title), Shape::Verbal { .. }), "{title}");
        }
        let noun_titles = [
            "Checkout rewrite", "Search relevance", "Search relevance tuning",
            "Release branches only", "Build times", "Deploy pipeline", "Redesign of the checkout",
            "Kafka", "Postgres with SKIP LOCKED", "Modules with enforced boundaries",
            "Test coverage push", "Read replicas", "Checkout rewrites",
        ];
        for title in noun_titles {
            assert_eq!(shape(title), Shape::Noun, "{title}");
        }
    }

    #[test]
    fn phrases_change_form() {
        assert_eq!(
            verbal("Leave it and add a merge queue", Form::Past).unwrap(),
            "left it and added a merge queue"
        );
        assert_eq!(
            verbal("Buy a hosted flag service", Form::Gerund).unwrap(),
            "buying a hosted flag service"
        );
        assert_eq!(
            verbal("Speed up the search API", Form::Gerund).unwrap(),
            "speeding up the search API"
        );
        assert_eq!(verbal("Checkout rewrite", Form::Past), None);
        let names = Names::new();
        assert_eq!(noun_phrase("Checkout rewrite", &names), "the checkout rewrite");
        assert_eq!(noun_phrase("Search relevance", &names), "the search relevance project");
        assert_eq!(noun_phrase("Kubernetes migration", &names), "the Kubernetes migration");
        assert_eq!(
            noun_phrase("Payments Platform Migration", &names),
            "the payments platform migration"
        );
        assert_eq!(noun_phrase("The new ledger", &names), "the new ledger project");
        assert_eq!(
            noun_phrase("Migration of billing to Stripe", &names),
            "the migration of billing to Stripe"
        );
        assert_eq!(noun_phrase("Checkout Rewrite", &names), "the checkout rewrite");
        assert_eq!(noun_phrase("Project Atlas", &names), "Project Atlas");
        let mut atlas = Names::new();
        atlas.title("Project Atlas");
        atlas.title("Checkout Rewrite");
        assert!(atlas.is_name("Project") && atlas.is_name("Atlas") && !atlas.is_name("Rewrite"));
        assert_eq!(
            choice_object("Pick a queue for the background jobs").as_deref(),
            Some("the queue for the background jobs")
        );
        assert_eq!(choice_object("Standardise the service template"), None);
        assert!(dilemma("Build or buy the feature flag system"));
        assert!(dilemma("Cache at the edge or in the service"));
        assert!(!dilemma("Standardise the service template"));
        assert_eq!(first_clause("Grew 3.5x. Then more"), "Grew 3.5x");
        assert_eq!(listed(&["a".into(), "b".into(), "c".into()], false), "a, b and c");
        assert_eq!(listed(&["a".into(), "b and c".into()], true), "a or b and c");
    }

    #[test]
    fn names_come_from_the_journal_and_their_shape() {
        let mut names = Names::new();
        names.organization("Fjord Logistics");
        names.option("Kafka");
        names.option("Keep git-flow with stricter reviews");
        names.option("Trunk-based development with Flagsmith");
        names.text("Rebuild The Checkout Flow Completely");
        for name in [
            "Fjord", "Kafka", "Flagsmith", "CI", "PostgreSQL", "P99", "Redis", "Kafka-based",
            "Fjord's",
        ] {
            assert!(names.is_name(name), "{name}");
        }
        assert!(!names.is_name("Logistics") && names.follows_a_name("Logistics"));
        for word in ["Keep", "Trunk-based", "Rebuild", "The", "Checkout", "Simplify", "A"] {
            assert!(!names.is_name(word), "{word}");
        }
        assert_eq!(
            mid_sentence("Keep git-flow with stricter reviews", &names),
            "keep git-flow with stricter reviews"
        );
        assert_eq!(mid_sentence("Postgres with SKIP LOCKED", &names), "Postgres with SKIP LOCKED");
        assert_eq!(mid_sentence("A managed queue", &names), "a managed queue");
    }
}
