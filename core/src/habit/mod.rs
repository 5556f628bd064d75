//! The weekly habit: when the review falls, what the week and a period held, the guided
//! weekly review that turns answers into entries, and the queue of what needs a follow-up.
//! Pure types and functions; the SQL is in `store::habit`.

pub mod period;
pub mod schedule;
mod summary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{
    Decision, DecisionInput, EntryKind, Feedback, FeedbackInput, Metric, MetricInput, Project,
    Review,
};
use crate::macros::text_enum;
use crate::store::EntryCount;

pub use period::{Period, FISCAL_START_RANGE};
pub use schedule::{
    week_start, Clock, ReviewAt, ReviewDay, DEFAULT_REVIEW_DAY, DEFAULT_REVIEW_TIME,
};
pub use summary::period_markdown;

/// A project with no entry for this many days is stale (six weeks).
pub const STALE_AFTER_DAYS: u64 = 42;
/// A story linked to an interview this many days ahead, or fewer, wants a rehearsal.
pub const INTERVIEW_AHEAD_DAYS: u64 = 14;
/// ...unless it was rehearsed within this many days.
pub const REHEARSED_WITHIN_DAYS: u64 = 7;
/// A snoozed follow-up comes back after this many days.
pub const SNOOZE_DAYS: u64 = 7;
/// The most follow-ups one call returns; `FollowUpQueue.total` counts them all.
pub const MAX_FOLLOWUPS: usize = 100;

/// What the journal gained this week, for Home's "This week" card and `careerlog review week`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekSummary {
    pub period: Period,
    /// Entries added this week by kind, kinds with none left out.
    pub added: Vec<EntryCount>,
    pub added_total: u32,
    /// Capture proposals accepted into the journal this week.
    pub captures_accepted: u32,
    /// Metrics added or measured this week, newest first (at most five).
    pub metrics: Vec<Metric>,
    /// Follow-ups waiting in the queue.
    pub followups: u32,
    /// Capture proposals waiting in the inbox.
    pub inbox_open: u32,
    /// This week's weekly review, once written.
    pub review: Option<Review>,
    /// The review slot, "Friday at 16:00".
    pub review_at: String,
    /// The next review, local time with its offset (RFC 3339).
    pub next_review: String,
    /// This week's review time has passed and no review was written.
    pub review_due: bool,
}

/// The "what shipped" step: an existing project marked shipped, or a new one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ShippedInput {
    /// An existing project; its status becomes shipped and, without one, its end today.
    pub project_id: Option<i64>,
    /// A new project's title, when no project is chosen.
    pub title: Option<String>,
    /// What shipped, in a sentence: a new project's summary, or a note on an existing one.
    pub summary: Option<String>,
}

/// The guided weekly review. A step left out (absent) writes nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct WeeklyReviewInput {
    pub shipped: Option<ShippedInput>,
    /// A metric that moved; `project_id` 0 means the project of the shipped step.
    pub moved: Option<MetricInput>,
    /// A decision made; without a project it stays unattached.
    pub decision: Option<DecisionInput>,
    /// Feedback received or given.
    pub feedback: Option<FeedbackInput>,
    /// One thing learned: a note.
    pub learned: Option<String>,
}

/// An entry a weekly review wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Written {
    pub kind: EntryKind,
    pub id: i64,
    pub title: String,
    /// The project it is under, for a link into the journal.
    pub project_id: Option<i64>,
}

/// What a weekly review wrote: its entries and the review entry that records it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeeklyReviewSaved {
    pub review: Review,
    pub written: Vec<Written>,
}

/// A project with work logged in a period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectTouched {
    pub project: Project,
    /// Entries under it dated (or added) in the period.
    pub entries: u32,
}

/// A checklist cycle with items checked in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChecklistWorked {
    pub guide: String,
    pub guide_title: String,
    pub cycle: u32,
    pub checked: u32,
    pub items: u32,
}

/// Rehearsals in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RehearsalsDone {
    pub count: u32,
    /// Distinct stories rehearsed, by title, most rehearsed first.
    pub stories: Vec<String>,
    pub minutes: u32,
}

/// What the journal holds for a period: the generated part of a quarter, half or year review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodSummary {
    pub period: Period,
    pub projects: Vec<ProjectTouched>,
    /// Metrics measured in the period, with their numbers (waiting ones left out).
    pub metrics: Vec<Metric>,
    /// Decisions made in the period, with the outcome when one was written since.
    pub decisions: Vec<Decision>,
    pub feedback: Vec<Feedback>,
    pub checklists: Vec<ChecklistWorked>,
    pub rehearsals: RehearsalsDone,
    /// Reviews already written for this period.
    pub reviews: Vec<Review>,
    /// The summary as Markdown: what a saved review keeps.
    pub markdown: String,
    /// Nothing was logged in the period.
    pub empty: bool,
}

text_enum!(
    /// Why an entry is in the follow-up queue.
    FollowUpKind {
        DecisionReview = "decision-review" ("decision to review"),
        MetricResult = "metric-result" ("metric without a result"),
        StoryRehearsal = "story-rehearsal" ("story to rehearse"),
        MetricEvidence = "metric-evidence" ("metric without evidence"),
        StaleProject = "stale-project" ("quiet project"),
        YearAgo = "year-ago" ("a year ago"),
    }
);

/// One thing to follow up, with what acting on it needs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FollowUp {
    /// Stable while the reason holds: `metric-result:12`. Snooze and dismiss name it.
    pub key: String,
    pub kind: FollowUpKind,
    pub entry_kind: EntryKind,
    pub entry_id: i64,
    pub project_id: Option<i64>,
    pub title: String,
    /// Why, in a sentence: "Review was due on 20 November", "Measure by 1 December".
    pub detail: String,
    /// The day it became (or becomes) due, when it has one.
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// The queue, most urgent first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FollowUpQueue {
    pub items: Vec<FollowUp>,
    /// Every follow-up due, when `items` was cut at `MAX_FOLLOWUPS`.
    pub total: u32,
    /// Follow-ups snoozed and not back yet.
    pub snoozed: u32,
}

text_enum!(
    /// What the engineer did with a follow-up they did not act on; `clear` (undo) puts it
    /// back in the queue.
    FollowUpMark {
        Snooze = "snooze",
        Dismiss = "dismiss",
        Clear = "clear",
    }
);

/// Checks a follow-up key is one the queue makes: `<kind>:<entry id>`.
pub fn parse_key(key: &str) -> crate::Result<(FollowUpKind, i64)> {
    let wrong = || crate::Error::invalid("key", format!("\"{key}\" is not a follow-up"));
    let (kind, id) = key.split_once(':').ok_or_else(wrong)?;
    let kind = FollowUpKind::parse(kind).map_err(|_| wrong())?;
    let id: i64 = id.parse().map_err(|_| wrong())?;
    Ok((kind, id))
}

pub fn key(kind: FollowUpKind, id: i64) -> String {
    format!("{}:{id}", kind.as_str())
}
