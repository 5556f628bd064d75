//! Interview stories told from the journal's own record, and the rehearsals of them.
//! A story is a journal entry (it has a UUID, tags, search and trash); so is a rehearsal.

mod drill;
mod pace;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{Decision, Labels, Metric, Project};
use crate::macros::text_enum;

pub use drill::follow_ups;
pub use pace::{
    clock, estimate, plan, words, Estimate, Pace, SectionEstimate, DEFAULT_WORDS_PER_MINUTE,
    SHORT_BELOW,
};

text_enum!(
    /// How the story is told: Situation-Task-Action-Result, or Context-Action-Result.
    Framework {
        Star = "star",
        Car = "car",
    }
);

text_enum!(
    Section {
        Situation = "situation",
        Task = "task",
        Context = "context",
        Action = "action",
        Result = "result",
    }
);

impl Framework {
    pub fn sections(self) -> &'static [Section] {
        match self {
            Framework::Star => {
                &[Section::Situation, Section::Task, Section::Action, Section::Result]
            }
            Framework::Car => &[Section::Context, Section::Action, Section::Result],
        }
    }

    /// The usual share of the time per section when there is no text to go by yet:
    /// most of it on what the engineer did.
    pub fn default_split(self) -> &'static [f64] {
        match self {
            Framework::Star => &[0.15, 0.15, 0.60, 0.10],
            Framework::Car => &[0.30, 0.60, 0.10],
        }
    }
}

pub const DEFAULT_TARGET_SECONDS: u32 = 120;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoryInput {
    pub title: String,
    pub framework: Framework,
    pub situation: Option<String>,
    pub task: Option<String>,
    pub context: Option<String>,
    pub action: Option<String>,
    pub result: Option<String>,
    pub target_seconds: u32,
    pub project_ids: Vec<i64>,
    pub metric_ids: Vec<i64>,
    pub decision_ids: Vec<i64>,
    /// Feedback the engineer gave, for the "how do you give feedback" question.
    #[serde(default)]
    #[ts(as = "Option<Vec<i64>>", optional)]
    pub feedback_ids: Vec<i64>,
    /// Slugs of interview questions from the guides.
    pub questions: Vec<String>,
    /// The day of the interview the story is being prepared for; the follow-up queue asks
    /// for a rehearsal in the week before it.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub interview_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub labels: Labels,
}

impl Default for StoryInput {
    fn default() -> Self {
        StoryInput {
            title: String::new(),
            framework: Framework::Star,
            situation: None,
            task: None,
            context: None,
            action: None,
            result: None,
            target_seconds: DEFAULT_TARGET_SECONDS,
            project_ids: Vec::new(),
            metric_ids: Vec::new(),
            decision_ids: Vec::new(),
            feedback_ids: Vec::new(),
            questions: Vec::new(),
            interview_on: None,
            labels: Labels::default(),
        }
    }
}

impl StoryInput {
    pub fn section_text(&self, section: Section) -> Option<&str> {
        match section {
            Section::Situation => self.situation.as_deref(),
            Section::Task => self.task.as_deref(),
            Section::Context => self.context.as_deref(),
            Section::Action => self.action.as_deref(),
            Section::Result => self.result.as_deref(),
        }
    }

    /// The text of each of the framework's sections, in telling order.
    pub fn texts(&self) -> Vec<&str> {
        self.framework
            .sections()
            .iter()
            .map(|s| self.section_text(*s).unwrap_or_default())
            .collect()
    }
}

/// A story with the journal entries it cites, its speaking-time estimate and its pacing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Story {
    pub id: i64,
    pub uuid: String,
    #[serde(flatten)]
    pub input: StoryInput,
    pub projects: Vec<Project>,
    pub metrics: Vec<Metric>,
    pub decisions: Vec<Decision>,
    pub feedback: Vec<crate::journal::Feedback>,
    pub estimate: Estimate,
    /// The estimate in whole seconds at the engineer's speaking pace.
    pub estimated_seconds: u32,
    /// How long each section should take to land on the target.
    pub plan_seconds: Vec<f64>,
    pub rehearsal_count: u32,
    pub last_rehearsed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the story editor shows while the engineer types: the estimate and the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoryPreview {
    pub estimate: Estimate,
    pub estimated_seconds: u32,
    pub plan_seconds: Vec<f64>,
}

impl StoryPreview {
    pub fn of(input: &StoryInput, words_per_minute: u32) -> StoryPreview {
        let texts = input.texts();
        let estimate = estimate(input.framework, &texts, words_per_minute, input.target_seconds);
        StoryPreview {
            estimated_seconds: estimate.total_seconds.round() as u32,
            plan_seconds: plan(input.framework, &texts, input.target_seconds),
            estimate,
        }
    }
}

/// A story with its rehearsals, oldest first (the history chart's order).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoryDetail {
    #[serde(flatten)]
    pub story: Story,
    pub rehearsals: Vec<Rehearsal>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RehearsalInput {
    pub story_id: i64,
    /// RFC 3339; now when absent.
    pub started_at: Option<String>,
    pub total_ms: u64,
    /// Time per section of the story's framework, in telling order; empty when not timed.
    pub section_ms: Vec<u64>,
    /// Self-rating 1-5.
    pub rating: Option<u8>,
    pub note: Option<String>,
    /// The story's target when rehearsed; the story's current target when absent.
    pub target_seconds: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rehearsal {
    pub id: i64,
    pub uuid: String,
    pub story_id: i64,
    pub started_at: String,
    pub total_ms: u64,
    pub section_ms: Vec<u64>,
    pub rating: Option<u8>,
    pub note: Option<String>,
    pub target_seconds: u32,
    pub over_target: bool,
}

/// An interview question and the stories that answer it, for the coverage view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuestionCoverage {
    pub question: String,
    pub stories: Vec<CoveringStory>,
    /// At least one linked story has been rehearsed.
    pub rehearsed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CoveringStory {
    pub id: i64,
    pub title: String,
    pub rehearsal_count: u32,
}

/// The follow-ups interviewers ask after the given questions, from the guides' content.
pub fn question_follow_ups(questions: &[String]) -> Vec<String> {
    questions
        .iter()
        .filter_map(|slug| crate::content::library().question(slug))
        .flat_map(|q| q.follow_ups.iter().cloned())
        .collect()
}

/// The date part of an RFC 3339 timestamp, for charts and lists.
pub fn day_of(timestamp: &str) -> Option<NaiveDate> {
    timestamp.get(..10)?.parse().ok()
}
