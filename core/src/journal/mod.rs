//! The career journal's entries: projects and what hangs off them (metrics, decisions,
//! artifacts, feedback, notes). Types here are shared with the window through ts-rs.

mod derived;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use derived::MetricChange;

use crate::macros::text_enum;

/// Every kind of entry the journal keeps; each has its own integer id and UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Project,
    Metric,
    Decision,
    Artifact,
    Feedback,
    Note,
    Story,
    Rehearsal,
}

impl EntryKind {
    pub const ALL: [EntryKind; 8] = [
        EntryKind::Project,
        EntryKind::Metric,
        EntryKind::Decision,
        EntryKind::Artifact,
        EntryKind::Feedback,
        EntryKind::Note,
        EntryKind::Story,
        EntryKind::Rehearsal,
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
        }
    }

    pub fn parse(text: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.as_str() == text)
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
        Rfc = "rfc",
        Pr = "pr",
        Postmortem = "postmortem",
        DesignDoc = "design-doc",
        Demo = "demo",
        Talk = "talk",
    }
);

/// Tags and skills, carried by every entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Labels {
    pub tags: Vec<String>,
    pub skills: Vec<String>,
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
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Project {
    pub id: i64,
    pub uuid: String,
    pub title: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub scope: Option<Scope>,
    pub status: Option<ProjectStatus>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A row of the journal list: the project and the metric that tells its story best.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectSummary {
    #[serde(flatten)]
    pub project: Project,
    pub best_metric: Option<Metric>,
    pub metric_count: u32,
    pub decision_count: u32,
}

/// One page of the journal list, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectPage {
    pub projects: Vec<ProjectSummary>,
    pub total: u32,
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
    pub result: f64,
    pub better: Option<Direction>,
    pub measured_on: Option<NaiveDate>,
    pub evidence: Option<String>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

/// A measured number, with its change from the baseline derived on read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Metric {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub result: f64,
    pub better: Option<Direction>,
    pub measured_on: Option<NaiveDate>,
    pub evidence: Option<String>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    /// `result - baseline`; absent without a baseline.
    pub change: Option<f64>,
    /// The change as a percentage of the baseline; absent without a non-zero baseline.
    pub percent_change: Option<f64>,
    /// Whether the change went the better way; absent without a direction or baseline.
    pub improved: Option<bool>,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DecisionInput {
    pub project_id: Option<i64>,
    pub title: String,
    pub context: Option<String>,
    pub options: Vec<DecisionOption>,
    pub chosen: String,
    pub tradeoffs: Option<String>,
    pub expected: Option<String>,
    /// How sure the engineer was, 0-100.
    pub confidence: Option<u8>,
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub review_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Decision {
    pub id: i64,
    pub uuid: String,
    pub project_id: Option<i64>,
    pub title: String,
    pub context: Option<String>,
    pub options: Vec<DecisionOption>,
    pub chosen: String,
    pub tradeoffs: Option<String>,
    pub expected: Option<String>,
    pub confidence: Option<u8>,
    pub outcome: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub review_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    /// Past its review date with no outcome written: the decision-journal loop is open.
    pub review_due: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ArtifactInput {
    pub project_id: i64,
    pub kind: Option<ArtifactKind>,
    pub title: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Artifact {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub kind: ArtifactKind,
    pub title: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackInput {
    pub project_id: Option<i64>,
    /// Who gave it: a peer, a manager, a mock interviewer...
    pub source: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    /// 1-5.
    pub rating: Option<u8>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Feedback {
    pub id: i64,
    pub uuid: String,
    pub project_id: Option<i64>,
    pub source: String,
    pub date: NaiveDate,
    pub text: String,
    pub rating: Option<u8>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct NoteInput {
    pub project_id: Option<i64>,
    pub date: Option<NaiveDate>,
    pub text: String,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
}

/// A dated free-text entry: the quick "what happened this week" log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: i64,
    pub uuid: String,
    pub project_id: Option<i64>,
    pub date: NaiveDate,
    pub text: String,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
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

/// What Home shows: open decision loops and the latest notes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct JournalOverview {
    pub project_count: u32,
    pub entry_count: u32,
    pub reviews_due: Vec<Decision>,
    pub recent_notes: Vec<Note>,
}

impl From<&Project> for ProjectInput {
    fn from(p: &Project) -> Self {
        ProjectInput {
            title: p.title.clone(),
            organization: p.organization.clone(),
            role: p.role.clone(),
            started_on: p.started_on,
            ended_on: p.ended_on,
            scope: p.scope,
            status: p.status,
            summary: p.summary.clone(),
            tags: p.tags.clone(),
            skills: p.skills.clone(),
        }
    }
}

impl From<&Metric> for MetricInput {
    fn from(m: &Metric) -> Self {
        MetricInput {
            project_id: m.project_id,
            name: m.name.clone(),
            unit: m.unit.clone(),
            baseline: m.baseline,
            result: m.result,
            better: m.better,
            measured_on: m.measured_on,
            evidence: m.evidence.clone(),
            tags: m.tags.clone(),
            skills: m.skills.clone(),
        }
    }
}

impl From<&Decision> for DecisionInput {
    fn from(d: &Decision) -> Self {
        DecisionInput {
            project_id: d.project_id,
            title: d.title.clone(),
            context: d.context.clone(),
            options: d.options.clone(),
            chosen: d.chosen.clone(),
            tradeoffs: d.tradeoffs.clone(),
            expected: d.expected.clone(),
            confidence: d.confidence,
            outcome: d.outcome.clone(),
            decided_on: d.decided_on,
            review_on: d.review_on,
            tags: d.tags.clone(),
            skills: d.skills.clone(),
        }
    }
}

impl From<&Artifact> for ArtifactInput {
    fn from(a: &Artifact) -> Self {
        ArtifactInput {
            project_id: a.project_id,
            kind: Some(a.kind),
            title: a.title.clone(),
            url: a.url.clone(),
            date: a.date,
            tags: a.tags.clone(),
            skills: a.skills.clone(),
        }
    }
}

impl From<&Feedback> for FeedbackInput {
    fn from(f: &Feedback) -> Self {
        FeedbackInput {
            project_id: f.project_id,
            source: f.source.clone(),
            date: Some(f.date),
            text: f.text.clone(),
            rating: f.rating,
            tags: f.tags.clone(),
            skills: f.skills.clone(),
        }
    }
}

impl From<&Note> for NoteInput {
    fn from(n: &Note) -> Self {
        NoteInput {
            project_id: n.project_id,
            date: Some(n.date),
            text: n.text.clone(),
            tags: n.tags.clone(),
            skills: n.skills.clone(),
        }
    }
}
