//! Demo data: a realistic, synthetic career journal generated from a seed, for a new user
//! who wants to see the app full and for benchmarks. Pure: the store writes what this makes.
//!
//! The generator uses its own tiny PRNG (splitmix64), so a seed gives the same journal
//! whatever crate versions the build uses. Every date is fixed (2016-2025), never "today".

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::journal::{
    ArtifactInput, ArtifactKind, DecisionInput, DecisionOption, Direction, FeedbackInput, Labels,
    MetricInput, NoteInput, ProjectInput, ProjectStatus, Scope,
};
use crate::profile::{ExperienceBand, PrimaryRole, Profile, TargetRole};
use crate::stories::{Framework, RehearsalInput, StoryInput};
use crate::{paths, Journal, Result};

/// The seed `careerlog demo` uses when none is given.
pub const DEFAULT_SEED: u64 = 2016;

/// The most projects one demo fill writes.
pub const MAX_PROJECTS: u32 = 100_000;

/// The demo journal's file, beside the default journal: never the engineer's own.
pub const DEMO_FILE: &str = "demo.sqlite3";

/// How many projects "Try with demo data" fills the demo journal with.
pub const DEMO_PROJECTS: u32 = 40;

/// The demo journal under the platform data dir (`.../careerlog/demo.sqlite3`).
pub fn demo_journal_path() -> Result<PathBuf> {
    let journal = paths::default_journal_path()?;
    Ok(demo_path_beside(&journal))
}

/// The demo file in the folder of `journal`, under its own name.
pub fn demo_path_beside(journal: &Path) -> PathBuf {
    journal.with_file_name(DEMO_FILE)
}

/// Opens the demo journal at `path`, filling it first when it is new or empty; a demo
/// journal already filled (or written in since) is reused as it is.
pub fn prepare_demo_journal(path: &Path) -> Result<Journal> {
    let mut journal = Journal::open(path)?;
    if journal.entry_count()? == 0 {
        journal.fill_demo(DEFAULT_SEED, DEMO_PROJECTS)?;
    }
    Ok(journal)
}

/// The demo engineer: eight to twelve years in, a staff engineer aiming at principal.
pub fn profile() -> Profile {
    Profile {
        band: Some(ExperienceBand::Years8To11),
        role: Some(PrimaryRole::Backend),
        target_role: Some(TargetRole::PrincipalEngineer),
        name: Some("Alex Demo".into()),
        headline: Some("Staff Engineer (demo data)".into()),
        email: None,
        location: None,
        summary: None,
    }
}

/// The skills the guides know, used as demo skills.
const SKILLS: [&str; 4] = ["technical-leadership", "mentoring", "decision-making", "leadership"];

/// Namespace of the demo entries' UUIDs (v5 of seed, project and entry number).
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x8b1e_42a0_5c3d_4e7f_a1b2_c3d4_e5f6_0718);

/// splitmix64: a tiny, well-mixed PRNG whose output never changes with a crate version.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64 - 1) as usize]
    }

    /// `n` distinct items, in the order drawn.
    pub fn pick_distinct<T: Copy + PartialEq>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut out = Vec::new();
        while out.len() < n.min(items.len()) {
            let item = *self.pick(items);
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
}

/// An entry as the demo writes it: its input, a stable UUID and when it was logged.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamped<T> {
    pub input: T,
    pub uuid: String,
    /// RFC 3339, used as both created_at and updated_at.
    pub at: String,
}

/// One project and everything logged under it. Links between them (project ids, the
/// story's metric and decision) are filled in by the store as the entries get ids.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoProject {
    pub project: Stamped<ProjectInput>,
    pub metrics: Vec<Stamped<MetricInput>>,
    pub decisions: Vec<Stamped<DecisionInput>>,
    pub artifacts: Vec<Stamped<ArtifactInput>>,
    pub feedback: Vec<Stamped<FeedbackInput>>,
    pub notes: Vec<Stamped<NoteInput>>,
    pub story: Stamped<StoryInput>,
    /// The story cites the metric and the decision at these indexes.
    pub story_metric: Option<usize>,
    pub story_decision: Option<usize>,
    pub rehearsals: Vec<Stamped<RehearsalInput>>,
}

/// How many entries of each kind a demo fill wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoCounts {
    pub projects: u32,
    pub metrics: u32,
    pub decisions: u32,
    pub artifacts: u32,
    pub feedback: u32,
    pub notes: u32,
    pub stories: u32,
    pub rehearsals: u32,
    pub people: u32,
    pub one_on_ones: u32,
    pub actions: u32,
    pub goals: u32,
    pub entries: u32,
}

impl DemoCounts {
    pub fn add(&mut self, p: &DemoProject) {
        self.projects += 1;
        self.metrics += p.metrics.len() as u32;
        self.decisions += p.decisions.len() as u32;
        self.artifacts += p.artifacts.len() as u32;
        self.feedback += p.feedback.len() as u32;
        self.notes += p.notes.len() as u32;
        self.stories += 1;
        self.rehearsals += p.rehearsals.len() as u32;
        self.entries += p.entry_count();
    }
}

impl DemoProject {
    pub fn entry_count(&self) -> u32 {
        (2 + self.metrics.len()
            + self.decisions.len()
            + self.artifacts.len()
            + self.feedback.len()
            + self.notes.len()
            + self.rehearsals.len()) as u32
    }

    /// The resume bullets picked by default for this project: its improved metrics.
    pub fn strong_bullets(&self) -> u32 {
        self.metrics
            .iter()
            .filter(|m| {
                let m = &m.input;
                match (m.baseline, m.better) {
                    (Some(b), Some(Direction::Lower)) => m.result.is_some_and(|r| r < b),
                    (Some(b), Some(Direction::Higher)) => m.result.is_some_and(|r| r > b),
                    _ => false,
                }
            })
            .count() as u32
    }
}

/// The demo journal of `count` projects for `seed`, oldest first, made lazily.
pub fn projects(seed: u64, count: u32) -> impl Iterator<Item = DemoProject> {
    (0..count).map(move |index| project(seed, index, count))
}

/// How many projects the demo needs for `wanted` of what `measure` counts (entries,
/// bullets...), so a benchmark can ask for a journal of a given size.
pub fn projects_for(seed: u64, wanted: u64, measure: impl Fn(&DemoProject) -> u32) -> u32 {
    reach(seed, wanted, measure).0
}

/// How many projects make about `entries` entries for `seed` (`careerlog demo --entries`).
pub fn projects_for_entries(seed: u64, entries: u64) -> Result<u32> {
    if entries == 0 {
        return Err(crate::Error::invalid("entries", "must be at least 1"));
    }
    // The cast of people comes with every demo journal; the projects make up the rest.
    let cast = people(seed).iter().map(DemoPerson::entry_count).sum::<u32>();
    let (count, total) =
        reach(seed, entries.saturating_sub(u64::from(cast)).max(1), DemoProject::entry_count);
    let total = total + u64::from(cast);
    if total < entries {
        let reason = format!("must be at most {total} (the largest demo journal)");
        return Err(crate::Error::invalid("entries", reason));
    }
    Ok(count)
}

/// The projects needed for `wanted` of what `measure` counts, and what they count in all.
fn reach(seed: u64, wanted: u64, measure: impl Fn(&DemoProject) -> u32) -> (u32, u64) {
    let mut total = 0u64;
    let mut count = 0u32;
    // The timeline depends on the count, the size of each project does not.
    while total < wanted && count < MAX_PROJECTS {
        total += u64::from(measure(&project(seed, count, MAX_PROJECTS)));
        count += 1;
    }
    (count, total)
}

const FIRST_DAY: (i32, u32, u32) = (2016, 1, 4);
/// Projects start over about nine and a half years, so everything, rehearsals included,
/// is dated before 2026.
const TIMELINE_DAYS: u64 = 3_500;

fn day(offset: u64) -> NaiveDate {
    let (y, m, d) = FIRST_DAY;
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day") + Days::new(offset)
}

fn stamp(date: NaiveDate, rng: &mut SplitMix64) -> String {
    format!("{date}T{:02}:{:02}:{:02}.000Z", rng.range(8, 19), rng.range(0, 59), rng.range(0, 59))
}

/// A career of employers and roles along the timeline: a new step every two years or so.
const CAREER: [(&str, &str, &[Scope]); 5] = [
    ("Northwind Payments", "Software Engineer", &[Scope::Task, Scope::Feature]),
    ("Northwind Payments", "Senior Software Engineer", &[Scope::Feature, Scope::Service]),
    ("Lumen Health", "Senior Software Engineer", &[Scope::Service, Scope::Initiative]),
    ("Lumen Health", "Tech Lead", &[Scope::Service, Scope::Initiative, Scope::MultiTeam]),
    (
        "Fjord Logistics",
        "Staff Engineer",
        &[Scope::Initiative, Scope::MultiTeam, Scope::Organization],
    ),
];

const ACTIONS: [&str; 12] = [
    "Migrate", "Rebuild", "Speed up", "Harden", "Split out", "Roll out", "Consolidate",
    "Instrument", "Automate", "Redesign", "Scale", "Simplify",
];

/// Systems a project works on, with the tags that fit them.
const SYSTEMS: [(&str, &[&str]); 16] = [
    ("the billing service", &["billing", "backend"]),
    ("the checkout flow", &["checkout", "frontend"]),
    ("the search API", &["search", "api"]),
    ("the CI pipeline", &["ci", "developer-experience"]),
    ("the data warehouse loads", &["data", "etl"]),
    ("the mobile release process", &["mobile", "release"]),
    ("the notification fan-out", &["messaging", "backend"]),
    ("the auth gateway", &["security", "api"]),
    ("the on-call runbooks", &["on-call", "reliability"]),
    ("the feature flag platform", &["platform", "release"]),
    ("the reporting dashboards", &["analytics", "frontend"]),
    ("the Kubernetes clusters", &["infrastructure", "kubernetes"]),
    ("the order ledger", &["payments", "database"]),
    ("the inventory sync", &["integration", "backend"]),
    ("the design system", &["frontend", "ui"]),
    ("the observability stack", &["observability", "reliability"]),
];

const GOALS: [&str; 8] = [
    "so the team could ship 5 times a week instead of once",
    "after 2 incidents in one quarter traced back to it",
    "ahead of a 3x traffic forecast for the holiday season",
    "to cut a cloud bill that had grown 2x in a year",
    "so new engineers could ship in their first 5 days",
    "to unblock 3 product teams waiting on the same change",
    "to meet an audit requirement due in 90 days",
    "because it drew 30% of all support tickets",
];

/// What a metric measures: name, unit, which way is better, baseline range, and how far
/// a good project moves it (as a factor of the baseline).
struct MetricKind {
    name: &'static str,
    unit: &'static str,
    better: Direction,
    baseline: (f64, f64),
    moved: (f64, f64),
    decimals: i32,
}

const METRICS: [MetricKind; 12] = [
    MetricKind {
        name: "p99 latency",
        unit: "ms",
        better: Direction::Lower,
        baseline: (180.0, 1_800.0),
        moved: (0.25, 0.8),
        decimals: 0,
    },
    MetricKind {
        name: "Error rate",
        unit: "%",
        better: Direction::Lower,
        baseline: (0.4, 6.0),
        moved: (0.1, 0.7),
        decimals: 2,
    },
    MetricKind {
        name: "Deploys per week",
        unit: "deploys",
        better: Direction::Higher,
        baseline: (1.0, 12.0),
        moved: (1.5, 6.0),
        decimals: 0,
    },
    MetricKind {
        name: "CI build time",
        unit: "min",
        better: Direction::Lower,
        baseline: (12.0, 55.0),
        moved: (0.2, 0.7),
        decimals: 1,
    },
    MetricKind {
        name: "Monthly infrastructure cost",
        unit: "USD",
        better: Direction::Lower,
        baseline: (8_000.0, 240_000.0),
        moved: (0.5, 0.9),
        decimals: -2,
    },
    MetricKind {
        name: "Test coverage",
        unit: "%",
        better: Direction::Higher,
        baseline: (35.0, 70.0),
        moved: (1.1, 1.35),
        decimals: 0,
    },
    MetricKind {
        name: "Pages per on-call week",
        unit: "pages",
        better: Direction::Lower,
        baseline: (6.0, 45.0),
        moved: (0.15, 0.6),
        decimals: 0,
    },
    MetricKind {
        name: "Checkout conversion",
        unit: "%",
        better: Direction::Higher,
        baseline: (1.8, 4.5),
        moved: (1.04, 1.25),
        decimals: 2,
    },
    MetricKind {
        name: "Time to first merged PR",
        unit: "days",
        better: Direction::Lower,
        baseline: (6.0, 30.0),
        moved: (0.2, 0.6),
        decimals: 0,
    },
    MetricKind {
        name: "Mean time to recovery",
        unit: "min",
        better: Direction::Lower,
        baseline: (40.0, 300.0),
        moved: (0.2, 0.7),
        decimals: 0,
    },
    MetricKind {
        name: "Peak throughput",
        unit: "req/s",
        better: Direction::Higher,
        baseline: (800.0, 20_000.0),
        moved: (1.5, 5.0),
        decimals: -1,
    },
    MetricKind {
        name: "Nightly job duration",
        unit: "h",
        better: Direction::Lower,
        baseline: (2.0, 9.0),
        moved: (0.15, 0.6),
        decimals: 1,
    },
];

/// A decision with the options that were really on the table. Each option carries what
/// choosing it traded (what it cost for what it bought), so the trade-off a decision logs
/// is the one of the option chosen.
struct DecisionKind {
    title: &'static str,
    context: &'static str,
    /// What the choice was for, said after "to".
    goal: &'static str,
    /// (name, pros, cons, trade-off when chosen)
    options: [(&'static str, &'static str, &'static str, &'static str); 3],
    expected: &'static str,
    outcome: &'static str,
}

const DECISIONS: [DecisionKind; 8] = [
    DecisionKind {
        title: "Pick a queue for the background jobs",
        context: "Jobs ran in request threads and timed out under load.",
        goal: "stop the 5% of background jobs that timed out on request threads",
        options: [
            (
                "Postgres with SKIP LOCKED",
                "no new infrastructure",
                "polling load on the primary",
                "50% less throughput headroom for far less to operate",
            ),
            (
                "Kafka",
                "replay and high volume",
                "a cluster nobody on the team had run",
                "a cluster nobody had run for replay and 10x headroom",
            ),
            (
                "A managed queue service",
                "nothing to operate",
                "vendor lock-in and per-message cost",
                "vendor lock-in and $0.40 per million messages for nothing to operate",
            ),
        ],
        expected: "Job timeouts gone within a month, no new on-call burden.",
        outcome: "Timeouts went to zero; the queue table needed one index added in month two.",
    },
    DecisionKind {
        title: "Split the monolith or modularise it in place",
        context: "Three teams kept colliding in the same deploy.",
        goal: "stop 3 teams colliding in one deploy",
        options: [
            (
                "Modules with enforced boundaries",
                "one deploy, cheap to undo",
                "teams still share a release",
                "2 more quarters to independence for a migration that could stop halfway",
            ),
            (
                "Extract two services",
                "independent deploys",
                "network calls and data ownership work",
                "network calls and data ownership work for 3 independent deploy pipelines",
            ),
            (
                "Keep the monolith and add a merge queue", "no migration",
                "does not fix the coupling", "the old coupling for 0 weeks of migration",
            ),
        ],
        expected: "Fewer cross-team rollbacks within two quarters.",
        outcome: "Rollbacks caused by another team dropped from six to one a quarter.",
    },
    DecisionKind {
        title: "Build or buy the feature flag system",
        context: "Flags lived in config files and needed a deploy to flip.",
        goal: "let all 12 teams flip flags without a deploy",
        options: [
            (
                "Buy a hosted flag service",
                "ready in a week",
                "recurring cost and data leaves the network",
                "a recurring bill and data leaving the network for flags within 1 week",
            ),
            (
                "Build on the existing config service",
                "fits our auth and audit",
                "a quarter of work",
                "25% of one engineer's time for control over audit data",
            ),
            (
                "A self-hosted open-source service", "no licence fee", "another service to run",
                "another service to run for a $0 licence fee",
            ),
        ],
        expected: "Flags flipped without deploys by every team within six months.",
        outcome: "Adopted by nine of eleven teams; the other two had no need for flags.",
    },
    DecisionKind {
        title: "Choose the database for the new ledger",
        context: "The ledger needed strict ordering and a full audit trail.",
        goal: "keep strict ordering and a full audit trail for 2 million ledger rows a day",
        options: [
            (
                "PostgreSQL",
                "transactions and the team knows it",
                "manual sharding later",
                "sharding work past 10 TB in exchange for correctness today",
            ),
            (
                "DynamoDB",
                "scales without effort",
                "no multi-row transactions then",
                "multi-row transactions for scale past 10 TB without effort",
            ),
            (
                "An event store",
                "audit trail built in",
                "a new model for every consumer",
                "a new data model in each of 6 consumers in exchange for a built-in audit trail",
            ),
        ],
        expected: "No reconciliation breaks in the first year.",
        outcome: "One reconciliation break in a year, caused upstream, caught within a day.",
    },
    DecisionKind {
        title: "Roll out gradually or in one cut-over",
        context: "The new pipeline replaced one that four teams depended on.",
        goal: "replace a pipeline 4 teams depended on without an outage",
        options: [
            (
                "A percentage rollout behind a flag",
                "small blast radius",
                "two systems to run for weeks",
                "6 weeks of running both pipelines for a safe rollback path",
            ),
            (
                "A weekend cut-over", "done in one go", "one bad night affects everyone",
                "1 risky night for a switch done in one go",
            ),
            (
                "Per-team opt-in",
                "teams move when ready",
                "the long tail never moves",
                "a 3-month tail of late movers for teams moving when ready",
            ),
        ],
        expected: "No customer-visible incident during the migration.",
        outcome: "Two rollbacks at 10%, none customer-visible; finished a week late.",
    },
    DecisionKind {
        title: "Standardise the service template",
        context: "Every new service reinvented logging, metrics and deploys.",
        goal: "cut a new service's setup from 2 weeks to 1 day",
        options: [
            (
                "A maintained template repository", "fast start", "drifts after creation",
                "drift after creation for a 1-day start",
            ),
            (
                "A shared library",
                "updates reach everyone",
                "version upgrades across teams",
                "library upgrades across 12 teams in exchange for consistency",
            ),
            (
                "Documentation only",
                "no code to maintain",
                "nobody follows it under deadline",
                "guidance skipped under deadline for 0 lines of code to maintain",
            ),
        ],
        expected: "New services production-ready in days, not weeks.",
        outcome: "Five new services started from it; setup went from three weeks to four days.",
    },
    DecisionKind {
        title: "Cache at the edge or in the service",
        context: "Read traffic tripled and most of it was the same few pages.",
        goal: "absorb 3x read traffic before the peak season",
        options: [
            (
                "A CDN edge cache",
                "offloads the most traffic",
                "invalidation is coarse",
                "up to 60 s of staleness for 80% of the load off the origin",
            ),
            (
                "An in-service Redis cache",
                "fine-grained control",
                "another dependency on the hot path",
                "1 more dependency on the hot path for fine-grained control",
            ),
            (
                "Read replicas", "no staleness logic", "does not cut compute",
                "a 2x compute bill for no staleness logic",
            ),
        ],
        expected: "Origin load halved before the peak season.",
        outcome: "Origin load fell by 70%; two pages needed explicit purges.",
    },
    DecisionKind {
        title: "Choose a branching model for the team",
        context: "Long-lived branches made every merge a day of conflicts.",
        goal: "end merge conflicts that cost each team 1 day a week",
        options: [
            (
                "Trunk-based development with flags",
                "small merges daily",
                "needs discipline and flags",
                "a learning curve and flag clean-up for merges within 1 day",
            ),
            (
                "Keep git-flow with stricter reviews",
                "familiar",
                "does not fix long branches",
                "branches that lived 2 weeks for a process everyone knew",
            ),
            (
                "Release branches only",
                "stable releases",
                "hotfixes twice",
                "every hotfix landing twice for 1 stable release a month",
            ),
        ],
        expected: "Merge conflicts rare within a quarter.",
        outcome: "Average branch age fell from nine days to one; two flags were left stale.",
    },
];

const FEEDBACK: [(&str, &str, &str); 8] = [
    ("manager", "Your design review kept the discussion on the trade-offs instead of preferences; the team left with a decision they could defend.", "decision-making"),
    ("peer", "Pairing with you on the migration plan taught me how to slice risky work into reversible steps.", "mentoring"),
    ("skip-level", "You are already operating at the next level on scope; the gap is writing down your reasoning before the meeting, not after.", "technical-leadership"),
    ("mentee", "The weekly one-on-ones gave me a plan for the on-call rotation I was dreading; I led the last incident review.", "mentoring"),
    ("peer", "You said no to the scope creep in a way that kept product on side. I want to learn how you did that.", "leadership"),
    ("mock interview", "Strong story on the outage, but the result came late and without a number; lead with the impact next time.", "leadership"),
    ("manager", "The RFC landed because you talked to the three sceptical teams before it was published.", "technical-leadership"),
    ("product manager", "Your estimates came with the risks attached, which made the roadmap conversation honest.", "decision-making"),
];

const NOTES: [&str; 10] = [
    "Weekly: unblocked {who} on the {system} rollout plan; next step is the load test on Thursday.",
    "1:1 with {who}: they want to lead the next design review. Agreed to shadow them once, then hand over.",
    "Incident on {system} this morning; wrote the timeline while it was fresh. Action items owned by the team, not me.",
    "Spent the afternoon reading the {system} dashboards with {who}. The slow path is the retry storm, not the database.",
    "Said no to adding the export feature to this quarter; wrote down why in the planning doc.",
    "Ran the architecture review for {system}. Two open questions: ownership of the schema, and the rollback window.",
    "Paired with {who} on the flaky tests; they found the ordering bug before I did.",
    "Demo day: showed the {system} work to the wider org. Questions were about cost, not features: note for next time.",
    "Retro: the estimate was off by two weeks because of the vendor API. Add integration spikes to the template.",
    "Wrote the brag doc entries for this month while they were fresh.",
];

const PEOPLE: [&str; 10] =
    ["Amara", "Jonas", "Priya", "Mateo", "Hana", "Oluwaseun", "Lena", "Rafael", "Sofia", "Kenji"];

const QUESTIONS: [&str; 5] = [
    "tell-me-about-your-leadership-experience", "walk-me-through-an-architecture-decision",
    "how-do-you-influence-without-authority", "how-do-you-mentor-engineers",
    "how-do-you-give-constructive-feedback",
];

/// Rounds to `decimals` places (negative: to tens, hundreds...).
fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join("-")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The project `index` of a demo journal of `count` projects.
pub fn project(seed: u64, index: u32, count: u32) -> DemoProject {
    let mut rng = SplitMix64::new(seed ^ u64::from(index).wrapping_mul(0xD1B5_4A32_D192_ED03));
    rng.next_u64();
    let mut serial = 0u32;
    let mut uuid = || {
        serial += 1;
        entry_uuid(seed, index, serial)
    };

    // Spread over the timeline, oldest first, a few days of jitter.
    let position = u64::from(index) * TIMELINE_DAYS / u64::from(count.max(1));
    let started = day(position + rng.range(0, 6));
    let length = rng.range(21, 160);
    let ended = started + Days::new(length);
    let stage = (position * CAREER.len() as u64 / TIMELINE_DAYS) as usize;
    let (organization, role, scopes) = CAREER[stage.min(CAREER.len() - 1)];
    let recent = index + 3 >= count;

    let (system, system_tags) = *rng.pick(&SYSTEMS);
    let action = *rng.pick(&ACTIONS);
    let title = format!("{action} {system}");
    let goal = *rng.pick(&GOALS);
    let mut tags: Vec<String> = system_tags.iter().map(|t| t.to_string()).collect();
    if rng.chance(0.4) {
        tags.push(
            rng.pick(&["performance", "cost", "migration", "hiring", "incident"]).to_string(),
        );
    }
    let skill_count = rng.range(1, 2) as usize;
    let skills: Vec<String> =
        rng.pick_distinct(&SKILLS, skill_count).into_iter().map(String::from).collect();
    let scope = *rng.pick(scopes);
    let team = rng.range(3, 14);
    // Drawn for every project, so the size of a project never depends on the count.
    let cancelled = rng.chance(0.06);
    let project = Stamped {
        at: stamp(started, &mut rng),
        uuid: uuid(),
        input: ProjectInput {
            title: title.clone(),
            organization: Some(organization.to_string()),
            role: Some(role.to_string()),
            started_on: Some(started),
            ended_on: (!recent).then_some(ended),
            scope: Some(scope),
            status: Some(if recent {
                ProjectStatus::Active
            } else if cancelled {
                ProjectStatus::Cancelled
            } else {
                ProjectStatus::Shipped
            }),
            summary: Some(format!(
                "{action} {system} {goal}. Worked with a team of {team} across {} weeks.",
                length / 7
            )),
            labels: Labels { tags: tags.clone(), skills: skills.clone(), ..Default::default() },
        },
    };

    let measured = ended;
    let kinds: Vec<usize> = (0..METRICS.len()).collect();
    let wanted = rng.range(1, 4) as usize;
    let metrics: Vec<Stamped<MetricInput>> = rng
        .pick_distinct(&kinds, wanted)
        .into_iter()
        .map(|k| {
            let kind = &METRICS[k];
            let (low, high) = kind.baseline;
            let baseline = round(low + (high - low) * rng.unit(), kind.decimals).max(1.0);
            // Not every number moves the right way; journals keep those too.
            let improved = rng.chance(0.9);
            let factor = match (improved, kind.better) {
                (true, _) => kind.moved.0 + (kind.moved.1 - kind.moved.0) * rng.unit(),
                // Some hold within noise (a bullet says "held"), most got plainly worse.
                (false, Direction::Lower) => 1.01 + 0.24 * rng.unit(),
                (false, Direction::Higher) => 0.76 + 0.23 * rng.unit(),
            };
            let mut result = round(baseline * factor, kind.decimals);
            if result == baseline {
                let step = 10f64.powi(-kind.decimals);
                let up = improved == (kind.better == Direction::Higher);
                result = if up { baseline + step } else { baseline - step };
            }
            Stamped {
                at: stamp(measured, &mut rng),
                uuid: uuid(),
                input: MetricInput {
                    project_id: 0,
                    name: kind.name.to_string(),
                    unit: Some(kind.unit.to_string()),
                    baseline: Some(baseline),
                    result: Some(result),
                    better: Some(kind.better),
                    measured_on: Some(measured),
                    evidence: Some(format!(
                        "https://grafana.example.com/d/{}/{}",
                        slug(system),
                        slug(kind.name)
                    )),
                    target: None,
                    measure_by: None,
                    labels: Labels {
                        tags: vec![tags[0].clone()],
                        skills: Vec::new(),
                        ..Default::default()
                    },
                },
            }
        })
        .collect();

    let decisions: Vec<Stamped<DecisionInput>> = (0..rng.range(1, 2))
        .map(|n| {
            let kind = rng.pick(&DECISIONS);
            let decided = started + Days::new(rng.range(3, 20) + n * 7);
            let chosen = rng.range(0, 2) as usize;
            // Only the latest projects still wait for their review: a few, not hundreds.
            let open = recent;
            Stamped {
                at: stamp(decided, &mut rng),
                uuid: uuid(),
                input: DecisionInput {
                    project_id: None,
                    title: kind.title.to_string(),
                    context: Some(format!("{} This was on {system}.", kind.context)),
                    // One decision in four keeps to the older shape without a goal, so the
                    // demo shows both (drawn without the PRNG: the journal stays the same).
                    goal: (index % 4 != 3).then(|| kind.goal.to_string()),
                    options: kind
                        .options
                        .iter()
                        .map(|(text, pros, cons, _)| DecisionOption {
                            text: text.to_string(),
                            pros: pros.to_string(),
                            cons: cons.to_string(),
                        })
                        .collect(),
                    chosen: kind.options[chosen].0.to_string(),
                    tradeoffs: Some(kind.options[chosen].3.to_string()),
                    expected: Some(kind.expected.to_string()),
                    confidence: Some(rng.range(5, 9) as u8 * 10),
                    outcome: (!open).then(|| kind.outcome.to_string()),
                    // Written up at the review, three months on.
                    outcome_on: (!open).then(|| decided + Days::new(90)),
                    decided_on: Some(decided),
                    review_on: Some(decided + Days::new(90)),
                    labels: Labels {
                        tags: vec!["architecture".into()],
                        skills: vec!["decision-making".into()],
                        ..Default::default()
                    },
                },
            }
        })
        .collect();

    let repo = slug(system);
    let org = slug(organization);
    let artifacts: Vec<Stamped<ArtifactInput>> = (0..rng.range(1, 3))
        .map(|n| {
            let date = started + Days::new(rng.range(1, length));
            // The kinds the demo was first written with, so its journals stay as they were.
            let kind = *rng.pick(&[
                ArtifactKind::Rfc,
                ArtifactKind::Pr,
                ArtifactKind::Postmortem,
                ArtifactKind::DesignDoc,
                ArtifactKind::Demo,
                ArtifactKind::Talk,
            ]);
            let number = rng.range(120, 9_800);
            let (name, url) = match kind {
                ArtifactKind::Rfc => (
                    format!("RFC: {title}"),
                    format!("https://docs.example.com/{org}/rfc-{number}"),
                ),
                ArtifactKind::Pr => (
                    format!("PR #{number}: {} {}", lower_first(action), repo),
                    format!("https://git.example.com/{org}/{repo}/pull/{number}"),
                ),
                ArtifactKind::Postmortem => (
                    format!("Postmortem: {system} outage"),
                    format!("https://docs.example.com/{org}/postmortem-{number}"),
                ),
                ArtifactKind::DesignDoc => (
                    format!("Design doc: {title}"),
                    format!("https://docs.example.com/{org}/design-{number}"),
                ),
                ArtifactKind::Adr => (
                    format!("ADR: {title}"),
                    format!("https://git.example.com/{org}/{repo}/adr-{number}"),
                ),
                ArtifactKind::Runbook => (
                    format!("Runbook: {system}"),
                    format!("https://docs.example.com/{org}/runbook-{number}"),
                ),
                ArtifactKind::Demo => (
                    format!("Demo recording: {title}"),
                    format!("https://video.example.com/{org}/{number}"),
                ),
                ArtifactKind::Talk => (
                    format!("Internal talk: lessons from {system}"),
                    format!("https://video.example.com/{org}/talk-{number}-{n}"),
                ),
            };
            Stamped {
                at: stamp(date, &mut rng),
                uuid: uuid(),
                input: ArtifactInput {
                    project_id: 0,
                    kind: Some(kind),
                    title: name,
                    url: Some(url),
                    date: Some(date),
                    labels: Labels { tags: Vec::new(), skills: Vec::new(), ..Default::default() },
                },
            }
        })
        .collect();

    let feedback: Vec<Stamped<FeedbackInput>> = (0..u64::from(rng.chance(0.6)))
        .map(|_| {
            let (source, text, skill) = *rng.pick(&FEEDBACK);
            let date = ended + Days::new(rng.range(1, 20));
            Stamped {
                at: stamp(date, &mut rng),
                uuid: uuid(),
                input: FeedbackInput {
                    project_id: Some(0),
                    source: source.to_string(),
                    date: Some(date),
                    text: text.to_string(),
                    rating: Some(rng.range(3, 5) as u8),
                    person_id: None,
                    direction: None,
                    labels: Labels {
                        tags: Vec::new(),
                        skills: vec![skill.to_string()],
                        ..Default::default()
                    },
                },
            }
        })
        .collect();

    let notes: Vec<Stamped<NoteInput>> = (0..rng.range(1, 2))
        .map(|_| {
            let date = started + Days::new(rng.range(1, length));
            let template = *rng.pick(&NOTES);
            let who = *rng.pick(&PEOPLE);
            let text = template
                .replace("{who}", who)
                .replace("{system}", system.trim_start_matches("the "));
            Stamped {
                at: stamp(date, &mut rng),
                uuid: uuid(),
                input: NoteInput {
                    project_id: Some(0),
                    date: Some(date),
                    text,
                    labels: Labels {
                        tags: vec!["weekly".into()],
                        skills: Vec::new(),
                        ..Default::default()
                    },
                },
            }
        })
        .collect();

    let story_metric = (!metrics.is_empty()).then_some(0);
    let story_decision = (!decisions.is_empty()).then_some(0);
    let headline = metrics
        .first()
        .map(|m| {
            let m = &m.input;
            format!(
                "{} went from {} to {} {}",
                lower_first(&m.name),
                m.baseline.unwrap_or_default(),
                m.result.unwrap_or_default(),
                m.unit.as_deref().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| "the work shipped on time".into());
    let decision_line = decisions
        .first()
        .map(|d| {
            format!(
                "I framed the options for \"{}\" and we chose {}.",
                lower_first(&d.input.title),
                d.input.chosen
            )
        })
        .unwrap_or_default();
    let question = *rng.pick(&QUESTIONS);
    let target = *rng.pick(&[90u32, 120, 150, 180]);
    let story = Stamped {
        at: stamp(ended + Days::new(rng.range(20, 60)), &mut rng),
        uuid: uuid(),
        input: StoryInput {
            title: format!("How we {} {system}", lower_first(action)),
            framework: Framework::Star,
            situation: Some(format!(
                "At {organization}, {system} needed work {goal}. I was the {} on a team of {team}.",
                role.to_lowercase()
            )),
            task: Some(format!(
                "I owned the plan: {} within {} weeks without stopping feature work.",
                lower_first(&title),
                length / 7
            )),
            context: None,
            action: Some(format!(
                "I wrote the design doc, ran the review with the teams it touched and split the work into reversible steps. {decision_line} I paired with {} on the riskiest part so the knowledge did not sit with me.",
                rng.pick(&PEOPLE)
            )),
            result: Some(format!("{}: {headline}.", title)),
            target_seconds: target,
            project_ids: Vec::new(),
            metric_ids: Vec::new(),
            decision_ids: Vec::new(),
            feedback_ids: Vec::new(),
            questions: vec![question.to_string()],
            interview_on: None,
            labels: Labels { tags: vec!["interview".into()], skills: skills.clone(), ..Default::default() },
        },
    };

    let rehearsals: Vec<Stamped<RehearsalInput>> = (0..rng.range(1, 3))
        .map(|n| {
            let date = ended + Days::new(60 + n * rng.range(2, 9));
            let total = u64::from(target) * 1000 * rng.range(80, 135) / 100;
            let split = Framework::Star.default_split();
            let mut section_ms: Vec<u64> =
                split.iter().map(|s| (total as f64 * s) as u64).collect();
            let assigned: u64 = section_ms.iter().sum();
            section_ms[2] += total - assigned;
            let at = stamp(date, &mut rng);
            Stamped {
                at: at.clone(),
                uuid: uuid(),
                input: RehearsalInput {
                    story_id: 0,
                    started_at: Some(at),
                    total_ms: total,
                    section_ms,
                    rating: Some(rng.range(2, 5) as u8),
                    note: (n == 0)
                        .then(|| "Result came too late; lead with the number.".to_string()),
                    target_seconds: Some(target),
                },
            }
        })
        .collect();

    DemoProject {
        project,
        metrics,
        decisions,
        artifacts,
        feedback,
        notes,
        story,
        story_metric,
        story_decision,
        rehearsals,
    }
}

/// One person of the demo cast, with their 1:1s (each with its action items) and goals.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoPerson {
    pub person: Stamped<crate::people::PersonInput>,
    pub meetings:
        Vec<(Stamped<crate::people::OneOnOneInput>, Vec<Stamped<crate::people::ActionItemInput>>)>,
    pub goals: Vec<Stamped<crate::people::GoalInput>>,
    /// Feedback the engineer gave them.
    pub feedback_given: Vec<Stamped<FeedbackInput>>,
}

impl DemoPerson {
    /// The person, their 1:1s with the items agreed, their goals and the feedback given.
    pub fn entry_count(&self) -> u32 {
        let items: usize = self.meetings.iter().map(|(_, items)| 1 + items.len()).sum();
        (1 + items + self.goals.len() + self.feedback_given.len()) as u32
    }
}

/// The people of the demo career (all invented): a manager who was a peer first, a
/// skip-level, two mentees and a mentor, over the timeline's last years.
pub fn people(seed: u64) -> Vec<DemoPerson> {
    use crate::people::{
        ActionItemInput, ActionOwner, GoalInput, OneOnOneInput, PersonInput, Relationship,
        RelationshipSpan,
    };
    let mut rng = SplitMix64::new(seed ^ 0x5EED_0F9E_0F1E);
    let span = |relationship, team: &str, from: u64, to: Option<u64>| RelationshipSpan {
        relationship,
        team: Some(team.to_string()),
        from: Some(day(from)),
        to: to.map(day),
    };
    let cast: [(&str, Vec<RelationshipSpan>, &str); 5] = [
        (
            "Ingrid Solberg",
            vec![
                span(Relationship::Peer, "Platform", 2_400, Some(2_919)),
                span(Relationship::Manager, "Platform", 2_920, None),
            ],
            "Prefers written updates before the 1:1; cares about on-call health.",
        ),
        (
            "Marcus Oyelaran",
            vec![span(Relationship::SkipLevel, "Engineering", 2_920, None)],
            "Quarterly skip-level; asks about cross-team work.",
        ),
        (
            "Yuki Tanaka",
            vec![span(Relationship::Mentee, "Platform", 2_980, None)],
            "Wants to lead incidents and write the next RFC.",
        ),
        (
            "Diego Ferraz",
            vec![span(Relationship::Mentee, "Data", 3_050, None)],
            "New to the team; working toward owning the ingestion service.",
        ),
        (
            "Beatrix Holm",
            vec![span(Relationship::Mentor, "Outside the company", 2_700, None)],
            "Staff engineer elsewhere; monthly call.",
        ),
    ];
    let agendas = [
        "Progress on the migration; what is blocking review",
        "Career goals for the next half",
        "Feedback on the last incident review",
        "Priorities for the quarter",
    ];
    let mine = [
        "Send the draft RFC", "Share the on-call runbook", "Introduce them to the data team lead",
        "Write up the promotion case",
    ];
    let theirs = [
        "Lead the next incident review", "Pair on the schema change", "Draft the rollout plan",
        "Present at the demo day",
    ];
    let goals = [
        ("Yuki Tanaka", "Lead an incident from page to postmortem", Some(3_300), true),
        ("Yuki Tanaka", "Write and land an RFC", None, false),
        ("Diego Ferraz", "Own the ingestion service's on-call", Some(3_420), true),
    ];
    cast.iter()
        .enumerate()
        .map(|(k, (name, relationships, notes))| {
            let index = u32::MAX - k as u32;
            let mut serial = 0u32;
            let mut uuid = || {
                serial += 1;
                entry_uuid(seed, index, serial)
            };
            let first = relationships.iter().filter_map(|r| r.from).min().expect("dated");
            let person = Stamped {
                uuid: uuid(),
                at: stamp(first, &mut rng),
                input: PersonInput {
                    name: name.to_string(),
                    relationships: relationships.clone(),
                    notes: Some(notes.to_string()),
                    labels: Labels::default(),
                },
            };
            let count = rng.range(2, 4);
            let meetings = (0..count)
                .map(|m| {
                    let date = day(TIMELINE_DAYS - 120 + m * 28 + rng.range(0, 3));
                    let meeting = Stamped {
                        uuid: uuid(),
                        at: stamp(date, &mut rng),
                        input: OneOnOneInput {
                            person_id: 0,
                            date: Some(date),
                            agenda: Some(rng.pick(&agendas).to_string()),
                            notes: Some("Notes kept short: decisions and follow-ups only.".into()),
                            labels: Labels::default(),
                        },
                    };
                    // Earlier items are done by now; the latest 1:1's stay open.
                    let done = (m + 1 < count).then(|| date + Days::new(7));
                    let items = [(ActionOwner::Me, *rng.pick(&mine)), (ActionOwner::Them, *rng.pick(&theirs))]
                        .into_iter()
                        .map(|(owner, text)| Stamped {
                            uuid: uuid(),
                            at: stamp(date, &mut rng),
                            input: ActionItemInput {
                                one_on_one_id: 0,
                                text: text.to_string(),
                                owner,
                                done_on: done,
                                labels: Labels::default(),
                            },
                        })
                        .collect();
                    (meeting, items)
                })
                .collect();
            let goals = goals
                .iter()
                .filter(|g| g.0 == *name)
                .map(|(_, text, reached, took_over)| Stamped {
                    uuid: uuid(),
                    at: stamp(day(3_000), &mut rng),
                    input: GoalInput {
                        person_id: 0,
                        text: text.to_string(),
                        set_on: Some(day(3_000)),
                        reached_on: reached.map(day),
                        took_over: *took_over,
                        labels: Labels::default(),
                    },
                })
                .collect();
            let mentee = relationships.iter().any(|r| r.relationship == Relationship::Mentee);
            let feedback_given = mentee
                .then(|| Stamped {
                    uuid: uuid(),
                    at: stamp(day(3_200), &mut rng),
                    input: FeedbackInput {
                        project_id: None,
                        source: String::new(),
                        person_id: Some(0),
                        direction: Some(crate::journal::FeedbackDirection::Given),
                        date: Some(day(3_200)),
                        text: "Your incident timeline was clear; next time, name the owner of each follow-up in the doc.".into(),
                        rating: None,
                        labels: Labels { skills: vec!["mentoring".into()], ..Default::default() },
                    },
                })
                .into_iter()
                .collect();
            DemoPerson { person, meetings, goals, feedback_given }
        })
        .collect()
}

fn entry_uuid(seed: u64, index: u32, serial: u32) -> String {
    uuid::Uuid::new_v5(&NAMESPACE, format!("{seed}/{index}/{serial}").as_bytes()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_its_reference_values() {
        // The first outputs for seed 0 of Vigna's reference splitmix64.c.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn a_seed_always_gives_the_same_projects() {
        let a: Vec<DemoProject> = projects(7, 20).collect();
        let b: Vec<DemoProject> = projects(7, 20).collect();
        assert_eq!(a, b);
        let c: Vec<DemoProject> = projects(8, 20).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn every_generated_entry_passes_validation() {
        use crate::journal::validate;
        for p in projects(DEFAULT_SEED, 300) {
            validate::project(p.project.input.clone()).unwrap();
            for m in &p.metrics {
                validate::metric(m.input.clone()).unwrap();
                assert_ne!(m.input.baseline, m.input.result, "{:?}", m.input);
            }
            for d in &p.decisions {
                let d = validate::decision(d.input.clone()).unwrap();
                assert!(d.options.iter().any(|o| o.text == d.chosen));
            }
            for a in &p.artifacts {
                validate::artifact(a.input.clone()).unwrap();
            }
            for f in &p.feedback {
                validate::feedback(f.input.clone()).unwrap();
            }
            for n in &p.notes {
                validate::note(n.input.clone()).unwrap();
            }
            crate::stories::validate::story(p.story.input.clone()).unwrap();
            for r in &p.rehearsals {
                crate::stories::validate::rehearsal(r.input.clone(), Framework::Star).unwrap();
            }
            assert!(p.project.input.started_on.unwrap() < day(TIMELINE_DAYS + 10));
        }
    }

    #[test]
    fn only_the_latest_projects_have_decisions_waiting_for_review() {
        let all: Vec<DemoProject> = projects(3, 50).collect();
        let open: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| p.decisions.iter().any(|d| d.input.outcome.is_none()))
            .map(|(i, _)| i)
            .collect();
        assert!(!open.is_empty());
        assert!(open.iter().all(|i| *i >= 47), "{open:?}");
    }

    #[test]
    fn the_demo_journal_is_its_own_file_beside_the_default_one() {
        let journal = Path::new("/home/ada/.local/share/careerlog/journal.sqlite3");
        let demo = demo_path_beside(journal);
        assert_eq!(demo, Path::new("/home/ada/.local/share/careerlog/demo.sqlite3"));
        assert_ne!(demo, journal);
        let default = demo_journal_path().unwrap();
        assert_eq!(default.file_name().unwrap(), DEMO_FILE);
        assert_ne!(default, paths::default_journal_path().unwrap());
    }

    #[test]
    fn the_demo_journal_is_filled_once_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("careerlog").join(DEMO_FILE);
        let first = prepare_demo_journal(&path).unwrap();
        let filled = first.entry_count().unwrap();
        assert_eq!(first.list_projects(0, 100).unwrap().total, DEMO_PROJECTS);
        drop(first);
        let mut again = prepare_demo_journal(&path).unwrap();
        assert_eq!(again.entry_count().unwrap(), filled);
        // Entries written into the demo journal stay; it is never refilled over them.
        again
            .add(crate::journal::NoteInput { text: "tried a note".into(), ..Default::default() })
            .unwrap();
        drop(again);
        let reused = prepare_demo_journal(&path).unwrap();
        assert_eq!(reused.entry_count().unwrap(), filled + 1);
    }

    #[test]
    fn sizes_can_be_asked_for() {
        let n = projects_for(1, 1_000, DemoProject::entry_count);
        let made: u32 = projects(1, n).map(|p| p.entry_count()).sum();
        let fewer: u32 = projects(1, n - 1).map(|p| p.entry_count()).sum();
        assert!(made >= 1_000 && fewer < 1_000, "{n}: {fewer} {made}");
    }

    #[test]
    fn an_entry_count_gives_its_projects_or_a_clear_refusal() {
        // The cast of people counts toward the entries; the projects make up the rest.
        let cast: u32 = people(1).iter().map(DemoPerson::entry_count).sum();
        assert!(cast > 0);
        assert_eq!(
            projects_for_entries(1, 1_000).unwrap(),
            projects_for(1, 1_000 - u64::from(cast), DemoProject::entry_count)
        );
        let refused = |entries| match projects_for_entries(1, entries).unwrap_err() {
            crate::Error::Invalid { field, reason, .. } => (field, reason),
            other => panic!("{other}"),
        };
        assert_eq!(refused(0), ("entries".to_string(), "must be at least 1".to_string()));
        let (field, reason) = refused(u64::MAX);
        assert_eq!(field, "entries");
        assert!(reason.starts_with("must be at most 1"), "{reason}");
    }
}
