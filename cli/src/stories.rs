//! `careerlog story ...` and `careerlog rehearsal add`: the story bank without a window.

use careerlog_core::stories::{Framework, Rehearsal, RehearsalInput, Story, StoryInput};
use careerlog_core::{Journal, Result};
use clap::{Args, Subcommand};

use super::journal::{delete, Describe, LabelFlags};
use super::Output;

fn framework(text: &str) -> std::result::Result<Framework, String> {
    Framework::parse(text)
}

/// Seconds as typed: a non-negative number, decimals allowed.
pub fn seconds(text: &str) -> std::result::Result<f64, String> {
    let value: f64 =
        text.trim().parse().map_err(|_| format!("\"{text}\" is not a number of seconds"))?;
    if !value.is_finite() || value < 0.0 {
        return Err(format!("\"{text}\" is not a duration; times cannot be negative"));
    }
    Ok(value)
}

/// `a,b,c,d`: seconds per section.
#[derive(Debug, Clone)]
pub struct SectionSeconds(Vec<f64>);

pub fn section_seconds(text: &str) -> std::result::Result<SectionSeconds, String> {
    text.split(',').map(seconds).collect::<std::result::Result<_, _>>().map(SectionSeconds)
}

#[derive(Debug, Subcommand)]
pub enum StoryCommand {
    /// Write a story (STAR: --situation --task --action --result; CAR: --context --action --result).
    Add(StoryFlags),
    /// The story bank with estimates and rehearsal counts.
    List,
    /// A story with its linked numbers, its estimate and its rehearsals.
    Show { id: i64 },
    /// Change the given fields of a story.
    Edit {
        id: i64,
        #[command(flatten)]
        flags: StoryFlags,
    },
    /// Move a story and its rehearsals to the trash.
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct StoryFlags {
    #[arg(long)]
    pub title: Option<String>,
    /// star or car
    #[arg(long, value_parser = framework)]
    pub framework: Option<Framework>,
    #[arg(long)]
    pub situation: Option<String>,
    #[arg(long)]
    pub task: Option<String>,
    #[arg(long)]
    pub context: Option<String>,
    #[arg(long)]
    pub action: Option<String>,
    #[arg(long)]
    pub result: Option<String>,
    /// How long the story should take to tell (default 120).
    #[arg(long, value_name = "N")]
    pub target_seconds: Option<u32>,
    /// A project the story is about; repeat for each.
    #[arg(long = "project", value_name = "ID")]
    pub projects: Vec<i64>,
    /// A metric the story cites; repeat for each.
    #[arg(long = "metric", value_name = "ID")]
    pub metrics: Vec<i64>,
    /// A decision the story tells; repeat for each.
    #[arg(long = "decision", value_name = "ID")]
    pub decisions: Vec<i64>,
    /// Feedback you gave that the story tells (for "how do you give feedback?"); repeat
    /// for each.
    #[arg(long = "feedback", value_name = "ID")]
    pub feedback: Vec<i64>,
    /// An interview question the story answers (its slug); repeat for each.
    #[arg(long = "question", value_name = "SLUG")]
    pub questions: Vec<String>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl StoryFlags {
    fn apply(self, input: &mut StoryInput) {
        if let Some(title) = self.title {
            input.title = title;
        }
        if let Some(framework) = self.framework {
            input.framework = framework;
        }
        for (field, flag) in [
            (&mut input.situation, self.situation),
            (&mut input.task, self.task),
            (&mut input.context, self.context),
            (&mut input.action, self.action),
            (&mut input.result, self.result),
        ] {
            if flag.is_some() {
                *field = flag;
            }
        }
        if let Some(target) = self.target_seconds {
            input.target_seconds = target;
        }
        for (field, flag) in [
            (&mut input.project_ids, self.projects),
            (&mut input.metric_ids, self.metrics),
            (&mut input.decision_ids, self.decisions),
            (&mut input.feedback_ids, self.feedback),
        ] {
            if !flag.is_empty() {
                *field = flag;
            }
        }
        if !self.questions.is_empty() {
            input.questions = self.questions;
        }
        self.labels.apply(&mut input.labels);
    }
}

#[derive(Debug, Subcommand)]
pub enum RehearsalCommand {
    /// Record a rehearsal done away from the app.
    Add(RehearsalFlags),
    /// Move one rehearsal to the trash (its id is in `story show`); the story's count follows.
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct RehearsalFlags {
    #[arg(long, value_name = "ID")]
    pub story: i64,
    /// How long the telling took, in seconds.
    #[arg(long, value_parser = seconds, value_name = "N", allow_hyphen_values = true)]
    pub seconds: f64,
    /// Seconds per section, comma-separated in telling order (a,b,c,d for STAR).
    #[arg(long, value_parser = section_seconds, value_name = "A,B,C,D", allow_hyphen_values = true)]
    pub sections: Option<SectionSeconds>,
    /// How it went, 1-5.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub rating: Option<u8>,
    #[arg(long)]
    pub note: Option<String>,
}

fn describe(s: &Story) -> String {
    let rehearsed = match s.rehearsal_count {
        0 => "not rehearsed yet".to_string(),
        1 => "rehearsed once".to_string(),
        n => format!("rehearsed {n} times"),
    };
    let pace = s.estimate.pace_text.to_lowercase();
    format!(
        "story {}: {} [{}] ~{} s of {} s ({pace}), {rehearsed}",
        s.id,
        s.input.title,
        s.input.framework.as_str().to_uppercase(),
        s.estimated_seconds,
        s.input.target_seconds
    )
}

fn ms(seconds: f64) -> u64 {
    (seconds * 1000.0).round() as u64
}

impl StoryCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        match command {
            StoryCommand::Add(flags) => {
                if flags.title.is_none() {
                    return Err(careerlog_core::Error::invalid(
                        "title", "is required: pass --title",
                    ));
                }
                let mut input = StoryInput::default();
                flags.apply(&mut input);
                let s = j.save_story(None, input)?;
                Ok((super::to_json(&s), format!("Added {}", describe(&s))))
            }
            StoryCommand::List => {
                let stories = j.list_stories()?;
                let text = if stories.is_empty() {
                    "No stories yet: write one with `careerlog story add --title ...`".to_string()
                } else {
                    stories.iter().map(describe).collect::<Vec<_>>().join("\n")
                };
                Ok((super::to_json(&stories), text))
            }
            StoryCommand::Show { id } => {
                let detail = j.story_detail(id)?;
                let s = &detail.story;
                let mut lines = vec![describe(s)];
                for (section, text) in s.input.framework.sections().iter().zip(s.input.texts()) {
                    lines.push(format!("  {}: {text}", section.as_str()));
                }
                for m in &s.metrics {
                    lines.push(format!("  cites {}", super::describe_metric(m)));
                }
                for f in &s.feedback {
                    lines.push(format!("  tells {}", f.describe()));
                }
                for r in &detail.rehearsals {
                    let rating = r.rating.map(|r| format!(", rated {r}/5")).unwrap_or_default();
                    lines.push(format!(
                        "  rehearsal {} on {}: {:.0} s of {} s{rating}",
                        r.id,
                        &r.started_at[..10.min(r.started_at.len())],
                        r.total_ms as f64 / 1000.0,
                        r.target_seconds
                    ));
                }
                Ok((super::to_json(&detail), lines.join("\n")))
            }
            StoryCommand::Edit { id, flags } => {
                let mut input = j.story(id)?.input;
                flags.apply(&mut input);
                let s = j.save_story(Some(id), input)?;
                Ok((super::to_json(&s), format!("Updated {}", describe(&s))))
            }
            StoryCommand::Delete { id } => {
                j.story(id)?;
                delete(j, id)
            }
        }
    }
}

impl RehearsalCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        match command {
            RehearsalCommand::Add(flags) => {
                let r = j.add(RehearsalInput {
                    story_id: flags.story,
                    started_at: None,
                    total_ms: ms(flags.seconds),
                    section_ms: flags
                        .sections
                        .map(|s| s.0)
                        .unwrap_or_default()
                        .into_iter()
                        .map(ms)
                        .collect(),
                    rating: flags.rating,
                    note: flags.note,
                    target_seconds: None,
                })?;
                let text = format!(
                    "Recorded a rehearsal of story {}: {:.0} s of {} s",
                    r.story_id,
                    r.total_ms as f64 / 1000.0,
                    r.target_seconds
                );
                Ok((super::to_json(&r), text))
            }
            RehearsalCommand::Delete { id } => {
                j.entry::<Rehearsal>(id)?;
                delete(j, id)
            }
        }
    }
}
