//! The career journal's entries: projects and what hangs off them (metrics, decisions,
//! artifacts, feedback, notes). Types here are shared with the window through ts-rs.

mod derived;
pub mod told;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use derived::MetricChange;
pub use told::{ChangeTold, Telling, Verdict};

use crate::macros::{entry_type, text_enum};

/// The most projects one page of the journal list holds; a larger page is cut to it.
pub const MAX_PAGE: u32 = 500;

/// Every kind of entry the journal keeps; each has its own integer id and UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Person,
    Project,
    Metric,
    Decision,
    Artifact,
    Feedback,
    Note,
    Story,
    Rehearsal,
    Review,
    OneOnOne,
    Action,
    Goal,
}

impl EntryKind {
    /// Every kind, in the order an import writes them: a kind comes after the kinds it
    /// links to (people before the projects they worked on, 1:1s before their actions).
    pub const ALL: [EntryKind; 13] = [
        EntryKind::Person,
        EntryKind::Project,
        EntryKind::Metric,
        EntryKind::Decision,
        EntryKind::Artifact,
        EntryKind::Feedback,
        EntryKind::Note,
        EntryKind::Story,
        EntryKind::Rehearsal,
        EntryKind::Review,
        EntryKind::OneOnOne,
        EntryKind::Action,
        EntryKind::Goal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Project => "project",
            EntryKind::Metric => "metric",
            EntryKind::Decision => "decision",
            EntryKind::Artifact => "artifact",
            EntryKind::Feedback => "feedback",
            EntryKind::Note => "note",
            EntryKind::Story => "story",
            EntryKind::Rehearsal => "rehearsal",
            EntryKind::Review => "review",
            EntryKind::Person => "person",
            EntryKind::OneOnOne => "one_on_one",
            EntryKind::Action => "action",
            EntryKind::Goal => "goal",
        }
    }

    pub fn parse(text: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The kind in words, one and many: ("1:1", "1:1s"), ("person", "people").
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            EntryKind::Project => ("project", "projects"),
            EntryKind::Metric => ("metric", "metrics"),
            EntryKind::Decision => ("decision", "decisions"),
            EntryKind::Artifact => ("artifact", "artifacts"),
            EntryKind::Feedback => ("feedback entry", "feedback entries"),
            EntryKind::Note => ("note", "notes"),
            EntryKind::Story => ("story", "stories"),
            EntryKind::Rehearsal => ("rehearsal", "rehearsals"),
            EntryKind::Review => ("review", "reviews"),
            EntryKind::Person => ("person", "people"),
            EntryKind::OneOnOne => ("1:1", "1:1s"),
            EntryKind::Action => ("action item", "action items"),
            EntryKind::Goal => ("goal", "goals"),
        }
    }

    /// "3 projects", "1 feedback entry".
    pub fn count(self, n: u32) -> String {
        let (one, many) = self.words();
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }
}

text_enum!(
    /// How far a project's reach went: the ladder interviewers use to judge scope.
    Scope {
        Task = "task",
        Feature = "feature",
        Service = "service",
        Initiative = "initiative",
        MultiTeam = "multi-team",
        Organization = "organization",
    }
);

text_enum!(
    ProjectStatus {
        Planned = "planned",
        Active = "active",
        Shipped = "shipped",
        Paused = "paused",
        Cancelled = "cancelled",
    }
);

text_enum!(
    /// Which way a metric should move to count as an improvement.
    Direction {
        Lower = "lower",
        Higher = "higher",
    }
);

text_enum!(
    ArtifactKind {
        Rfc = "rfc" ("RFC"),
        Pr = "pr" ("pull request"),
        Postmortem = "postmortem",
        DesignDoc = "design-doc" ("design doc"),
        Adr = "adr" ("ADR"),
        Runbook = "runbook",
        Demo = "demo",
        Talk = "talk",
    }
);

/// What every entry carries besides its own fields: tags, skills, the people it involved
/// (worked with on a project, consulted on a decision...) and whether it is private. A
/// form or file may leave any of them out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Labels {
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// Ids of the people the entry involved, in the engineer's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<i64>>", optional)]
    pub person_ids: Vec<i64>,
    /// Kept out of everything made to be shared: the brag document, the progress report
    /// for a mentor, the review packet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub private: bool,
}

/// The identity and timestamps every entry has, as the store reads them.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntryHead {
    pub id: i64,
    pub uuid: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A full entry as read back, for code that works on any kind: its id and the input it
/// was saved from.
pub trait Stored {
    type Input;
    fn id(&self) -> i64;
    fn to_input(&self) -> Self::Input;
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProjectInput {
    pub title: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub scope: Option<Scope>,
    pub status: Option<ProjectStatus>,
    pub summary: Option<String>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(Project(ProjectInput) {});

/// A row of the journal list: the project and the metric that tells its story best.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectSummary {
    #[serde(flatten)]
    pub project: Project,
    pub best_metric: Option<Metric>,
    pub metric_count: u32,
    pub decision_count: u32,
}

/// One page of the journal list, in the order asked for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectPage {
    pub projects: Vec<ProjectSummary>,
    /// How many projects the filter keeps, on every page (all of them without a filter).
    pub total: u32,
}

/// Which projects the journal list shows. Absent fields and blank text do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProjectFilter {
    /// Words that must each appear in the title, organization or role (any case).
    pub text: Option<String>,
    pub status: Option<ProjectStatus>,
    pub scope: Option<Scope>,
    /// A tag the project carries (any case).
    pub tag: Option<String>,
}

text_enum!(
    /// The order of the journal list: latest start first (undated projects, still being
    /// written up, on top); earliest first (undated last); by title, ignoring case; most
    /// metrics first, then newest.
    ProjectSort {
        Newest = "newest",
        Oldest = "oldest",
        Title = "title",
        MostMetrics = "most-metrics",
    }
);

// `text_enum!` takes no `#[default]` on a variant, so the default is written out.
#[allow(clippy::derivable_impls)]
impl Default for ProjectSort {
    fn default() -> Self {
        ProjectSort::Newest
    }
}

/// A project with everything logged under it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: Project,
    pub metrics: Vec<Metric>,
    pub decisions: Vec<Decision>,
    pub artifacts: Vec<Artifact>,
    pub feedback: Vec<Feedback>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricInput {
    pub project_id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    /// Absent while the metric waits to be measured (logged with its baseline first); such
    /// a metric makes no bullet until its result is written.
    pub result: Option<f64>,
    pub better: Option<Direction>,
    pub measured_on: Option<NaiveDate>,
    pub evidence: Option<String>,
    /// The number aimed for, when there is one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub target: Option<f64>,
    /// The day the result should be measured by; the follow-up queue asks for it after.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub measure_by: Option<NaiveDate>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(
    /// A measured number, with its change from the baseline derived on read.
    Metric(MetricInput) {
        /// `result - baseline`; absent without a baseline.
        pub change: Option<f64>,
        /// The change as a percentage of the baseline; absent without a non-zero baseline.
        pub percent_change: Option<f64>,
        /// Whether the change went the better way; absent without a direction or baseline.
        pub improved: Option<bool>,
        /// The change in words, as every surface tells it (see `told`); absent while the
        /// result is not measured yet.
        pub told: Option<ChangeTold>,
        /// While the result is not measured yet, what the metric waits for on one line:
        /// "800 ms → not measured yet · target 200 ms · by 2027-01-31".
        pub waiting: Option<String>,
    }
);

impl MetricInput {
    /// Everything about the metric's change, before a surface puts it into words; absent
    /// while the result is not measured yet.
    pub fn telling(&self) -> Option<Telling> {
        let result = self.result?;
        Some(Telling::of(self.baseline, result, self.unit.as_deref(), self.better))
    }

    /// How the metric moved; nothing moved while the result is not measured yet.
    pub fn change(&self) -> MetricChange {
        match self.result {
            Some(result) => MetricChange::of(self.baseline, result, self.better),
            None => MetricChange { change: None, percent_change: None, improved: None },
        }
    }
}

impl MetricInput {
    /// What a metric still waiting for its result says on one line: "800 ms → not measured
    /// yet · target 200 ms · by 2027-01-31".
    pub fn waiting(&self) -> String {
        let unit = self.unit.as_deref();
        let mut parts = vec![match self.baseline {
            Some(b) => format!("{} → not measured yet", told::with_unit(b, unit)),
            None => "not measured yet".to_string(),
        }];
        if let Some(target) = self.target {
            parts.push(format!("target {}", told::with_unit(target, unit)));
        }
        if let Some(day) = self.measure_by {
            parts.push(format!("by {day}"));
        }
        parts.join(" · ")
    }
}

impl Metric {
    /// The metric on one line: its change as every list tells it, or what it waits for.
    pub fn line(&self) -> String {
        match (&self.told, &self.waiting) {
            (Some(told), _) => told.short.clone(),
            (None, Some(waiting)) => waiting.clone(),
            (None, None) => self.input.waiting(),
        }
    }

    /// The metric with its change from the baseline derived.
    pub(crate) fn derived(head: EntryHead, input: MetricInput) -> Metric {
        let change = input.change();
        let told = input.telling().map(|t| t.told());
        let waiting = told.is_none().then(|| input.waiting());
        Metric::new(
            head, input, change.change, change.percent_change, change.improved, told, waiting,
        )
    }
}

/// An option weighed in a decision, with what spoke for and against it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DecisionOption {
    pub text: String,
    #[serde(default)]
    pub pros: String,
    #[serde(default)]
    pub cons: String,
}

impl<T: Into<String>> From<T> for DecisionOption {
    /// An option known only by its name.
    fn from(text: T) -> Self {
        DecisionOption { text: text.into(), ..Default::default() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DecisionInput {
    pub project_id: Option<i64>,
    pub title: String,
    pub context: Option<String>,
    /// What the choice was for, as a purpose: "keep checkout writes replayable" (said "to
    /// keep checkout writes replayable"); stored without the leading "to".
    pub goal: Option<String>,
    pub options: Vec<DecisionOption>,
    pub chosen: String,
    pub tradeoffs: Option<String>,
    pub expected: Option<String>,
    /// How sure the engineer was, 0-100.
    pub confidence: Option<u8>,
    pub outcome: Option<String>,
    /// The day the outcome was first written or last changed. The journal sets it on every
    /// save (what the input says is ignored); absent without an outcome, and for outcomes
    /// written before Career Log kept the day.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub outcome_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub review_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(Decision(DecisionInput) {
    /// Past its review date with no outcome written: the decision-journal loop is open.
    pub review_due: bool,
});

impl DecisionInput {
    /// The options weighed and not chosen, in the engineer's order.
    pub fn rejected(&self) -> Vec<&str> {
        self.options
            .iter()
            .map(|o| o.text.as_str())
            .filter(|o| !o.eq_ignore_ascii_case(&self.chosen))
            .collect()
    }
}

impl Decision {
    /// The decision with whether its review is due on `today`.
    pub(crate) fn derived(head: EntryHead, input: DecisionInput, today: NaiveDate) -> Decision {
        let review_due = input.outcome.is_none() && input.review_on.is_some_and(|day| day <= today);
        Decision::new(head, input, review_due)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ArtifactInput {
    pub project_id: i64,
    /// Required; absent only in what a form sends before the engineer chose.
    pub kind: Option<ArtifactKind>,
    pub title: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(Artifact(ArtifactInput) {});

text_enum!(
    /// Which way feedback went: to the engineer, or from the engineer to someone else.
    FeedbackDirection {
        Received = "received",
        Given = "given",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackInput {
    pub project_id: Option<i64>,
    /// Who gave it (a peer, a manager, a mock interviewer...), or for feedback given, who
    /// it went to; the person's name when left blank with a person.
    pub source: String,
    /// The person it came from or went to, when they are in the journal.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub person_id: Option<i64>,
    /// Received when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub direction: Option<FeedbackDirection>,
    /// The day it was given; today when absent, so a saved entry always has one.
    pub date: Option<NaiveDate>,
    pub text: String,
    /// 1-5.
    pub rating: Option<u8>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(Feedback(FeedbackInput) {});

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NoteInput {
    pub project_id: Option<i64>,
    /// Today when absent, so a saved note always has one.
    pub date: Option<NaiveDate>,
    pub text: String,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(
    /// A dated free-text entry: the quick "what happened this week" log.
    Note(NoteInput) {}
);

/// Which notes the notes list shows. Absent fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NoteFilter {
    /// A tag the note carries (any case).
    pub tag: Option<String>,
    /// Notes dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Notes dated on or before this day.
    pub until: Option<NaiveDate>,
    /// Only the notes under this project.
    pub project_id: Option<i64>,
    /// Only the notes under no project (quick notes, jrnl imports); with `project_id`,
    /// refused as a contradiction.
    pub without_project: bool,
}

/// A note as the notes list shows it: with the title of its project, if it has one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NoteRow {
    #[serde(flatten)]
    pub note: Note,
    pub project_title: Option<String>,
}

/// One page of notes, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NotePage {
    pub notes: Vec<NoteRow>,
    /// How many notes the filter keeps, on every page.
    pub total: u32,
}

/// An entry waiting in the trash, restorable with everything that was under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrashItem {
    pub id: i64,
    pub kind: EntryKind,
    pub entry_id: i64,
    pub title: String,
    pub deleted_at: String,
    /// How many entries under it (metrics, decisions...) went to the trash with it.
    pub children: u32,
}

text_enum!(
    /// The stretch of time a review looks back over.
    PeriodKind {
        Week = "week",
        Quarter = "quarter",
        Half = "half",
        Year = "year",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewInput {
    pub period: PeriodKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// What the journal held for the period when the review was written (Markdown), kept
    /// as it was so the review reads the same later.
    pub summary: String,
    pub went_well: Option<String>,
    pub to_improve: Option<String>,
    pub next_focus: Option<String>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(
    /// A look back over a week, quarter, half or year, with the engineer's reflection.
    Review(ReviewInput) {}
);

/// What Home shows: open decision loops and the latest notes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct JournalOverview {
    pub project_count: u32,
    pub entry_count: u32,
    /// Capture proposals waiting in the inbox.
    pub inbox_open: u32,
    pub reviews_due: Vec<Decision>,
    pub recent_notes: Vec<Note>,
}
