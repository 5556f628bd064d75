//! `careerlog guide|checklist|question|readiness|profile|export ics`: the guides as a
//! working tool without a window.

use std::path::Path;

use careerlog_core::content::library;
use careerlog_core::guides::{readable_text, to_ics, Checklist};
use careerlog_core::profile::{ExperienceBand, PrimaryRole, Profile, TargetRole};
use careerlog_core::{Error, Journal, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Output;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[derive(Debug, Subcommand)]
pub enum GuideCommand {
    /// The guides in the library.
    List,
    /// Read a guide in the terminal.
    Show { slug: String },
}

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// A guide's checklist in its current cycle, with due dates and the items the journal
    /// already proves. Reading it starts no cycle.
    Show { slug: String },
    /// Check an item (by its id) in the current cycle; the first check starts a cycle.
    Check { slug: String, item: String },
    /// Uncheck an item in the current cycle.
    Uncheck { slug: String, item: String },
    /// Close the current cycle (kept in the history) and start a new one today, or start
    /// the first.
    NewCycle { slug: String },
}

#[derive(Debug, Subcommand)]
pub enum QuestionCommand {
    /// The interview questions the guides prepare for.
    List,
    /// How to answer a question: what is looked for, an outline, follow-ups.
    Show { slug: String },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Set the experience band, primary role and target role.
    Set(ProfileFlags),
    /// Show the profile.
    Show,
}

#[derive(Debug, Args)]
pub struct ProfileFlags {
    /// Years of experience: 0-2, 3-4, 5-7, 8-11 or 12+
    #[arg(long, value_parser = ExperienceBand::read)]
    pub band: Option<ExperienceBand>,
    /// backend, frontend, devops-sre, ai-ml, staff-plus or engineering-manager
    #[arg(long, value_parser = PrimaryRole::parse)]
    pub role: Option<PrimaryRole>,
    /// senior-engineer, tech-lead, staff-engineer, principal-engineer or engineering-manager
    #[arg(long, value_parser = TargetRole::parse)]
    pub target: Option<TargetRole>,
    /// Your name, for exports.
    #[arg(long)]
    pub name: Option<String>,
    /// A one-line headline, for exports.
    #[arg(long)]
    pub headline: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub location: Option<String>,
}

fn checklist_text(list: &Checklist) -> String {
    let cycle = match &list.cycle {
        Some(c) => format!("cycle {}, started {}", c.number, c.started_on),
        None => "not started: the first check starts a cycle".to_string(),
    };
    let mut lines = vec![format!("{}: {} of {} done ({cycle})", list.title, list.done, list.total)];
    for item in &list.items {
        let mark = if item.checked { "[x]" } else { "[ ]" };
        let due = match (item.due, item.overdue) {
            (Some(d), true) => format!("  (overdue since {d})"),
            (Some(d), false) if !item.checked => format!("  (due {d})"),
            _ => String::new(),
        };
        lines.push(format!("  {mark} {:<28} {}{due}", item.id, item.text));
        if let Some(found) = &item.suggested {
            lines.push(format!(
                "      done? the journal has {} {} \"{}\" (check it to accept)",
                found.kind.as_str(),
                found.id,
                found.title
            ));
        }
    }
    lines.join("\n")
}

/// The JSON of a checklist for scripts: items with `id`, `text`, `checked`, `checked_at`, `due`.
fn checklist_output(list: &Checklist) -> Output {
    (super::to_json(list), checklist_text(list))
}

impl GuideCommand {
    pub fn run(self) -> Result<Output> {
        let command = self;
        match command {
            GuideCommand::List => {
                let guides = library().guide_summaries();
                let text = guides
                    .iter()
                    .map(|g| format!("{:<30} {}\n{:<30} {}", g.slug, g.title, "", g.summary))
                    .collect::<Vec<_>>()
                    .join("\n");
                Ok((super::to_json(&guides), text))
            }
            GuideCommand::Show { slug } => {
                let guide = library()
                    .guide(&slug)
                    .ok_or_else(|| Error::NotFound { what: format!("the guide \"{slug}\"") })?;
                let text = format!(
                    "{}\n\n{}\n\n{}",
                    guide.title,
                    guide.summary,
                    readable_text(&guide.html)
                );
                Ok((super::to_json(guide), text))
            }
        }
    }
}

impl ChecklistCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        let list = match command {
            ChecklistCommand::Show { slug } => j.checklist(&slug, today())?,
            ChecklistCommand::Check { slug, item } => j.set_checked(&slug, &item, true, today())?,
            ChecklistCommand::Uncheck { slug, item } => {
                j.set_checked(&slug, &item, false, today())?
            }
            ChecklistCommand::NewCycle { slug } => j.start_new_cycle(&slug, today())?,
        };
        Ok(checklist_output(&list))
    }
}

impl QuestionCommand {
    pub fn run(self) -> Result<Output> {
        let command = self;
        match command {
            QuestionCommand::List => {
                let questions = library().question_summaries();
                let text = questions
                    .iter()
                    .map(|q| format!("{:<45} {}", q.slug, q.title))
                    .collect::<Vec<_>>()
                    .join("\n");
                Ok((super::to_json(&questions), text))
            }
            QuestionCommand::Show { slug } => {
                let question = library()
                    .question(&slug)
                    .ok_or_else(|| Error::NotFound { what: format!("the question \"{slug}\"") })?;
                let text = format!("{}\n\n{}", question.title, readable_text(&question.html));
                Ok((super::to_json(question), text))
            }
        }
    }
}

pub fn readiness(j: &Journal) -> Result<Output> {
    let map = j.readiness()?;
    let mut lines = Vec::new();
    for stage in &map.stages {
        let here = if map.current_stage.as_deref() == Some(stage.id.as_str()) {
            "  <- you are here"
        } else {
            ""
        };
        lines.push(format!(
            "{} ({}): {} of {} proofs{here}",
            stage.name, stage.years, stage.met, stage.total
        ));
        for proof in &stage.proofs {
            let mark = if proof.met { "[x]" } else { "[ ]" };
            let detail = if proof.met {
                proof.entries.iter().map(|e| e.title.as_str()).collect::<Vec<_>>().join(", ")
            } else {
                format!("missing: {}", proof.missing)
            };
            lines.push(format!("  {mark} {}  ({detail})", proof.text));
        }
    }
    Ok((super::to_json(&map), lines.join("\n")))
}

impl ProfileCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        let profile = match command {
            ProfileCommand::Show => j.profile()?,
            ProfileCommand::Set(flags) => {
                let current = j.profile()?;
                j.save_profile(Profile {
                    band: flags.band.or(current.band),
                    role: flags.role.or(current.role),
                    target_role: flags.target.or(current.target_role),
                    name: flags.name.or(current.name),
                    headline: flags.headline.or(current.headline),
                    email: flags.email.or(current.email),
                    location: flags.location.or(current.location),
                    summary: current.summary,
                })?
            }
        };
        let name = |v: Option<&str>| v.unwrap_or("not set").to_string();
        let text = format!(
            "band:   {}\nrole:   {}\ntarget: {}",
            name(profile.band.map(|b| b.label())),
            name(profile.role.map(|r| r.as_str())),
            name(profile.target_role.map(|t| t.as_str()))
        );
        Ok((super::to_json(&profile), text))
    }
}

/// Writes the due checklist items as an iCalendar file.
pub fn export_ics(j: &Journal, out: &Path) -> Result<Output> {
    let items = j.due_items(today())?;
    let review = j.review_event(&careerlog_core::habit::Clock::system())?;
    let ics = to_ics(&items, Some(review), chrono::Utc::now().naive_utc());
    super::write_file(out, ics.as_bytes())?;
    #[derive(Serialize)]
    struct Written<'a> {
        path: String,
        events: usize,
        items: &'a [careerlog_core::guides::DueItem],
        /// The weekly review's slot, recurring in the calendar with an alarm.
        review: String,
    }
    let text = format!(
        "Wrote {} due items and the weekly review ({}, weekly) to {}",
        items.len(),
        review.at.describe(),
        out.display()
    );
    Ok((
        super::to_json(&Written {
            path: out.display().to_string(),
            events: items.len() + 1,
            items: &items,
            review: review.at.describe(),
        }),
        text,
    ))
}
