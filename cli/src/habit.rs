//! `careerlog review week|quarter|half|year`, `careerlog followups` and
//! `careerlog template list|show`: the weekly habit from a terminal, a cron job or a shell
//! prompt.

use careerlog_core::habit::{Clock, FollowUpQueue, WeekSummary};
use careerlog_core::journal::PeriodKind;
use careerlog_core::{Journal, Result};
use clap::Subcommand;

use super::journal::{day, Day};
use super::{entries_of, to_json, Output};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// What the journal gained this week, what is due, and when the weekly review falls.
    Week {
        /// A day of the week to look at (default today).
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
    },
    /// The quarter's summary: projects, metrics moved, decisions, feedback, checklists, rehearsals.
    Quarter {
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
    },
    /// The half year's summary (the fiscal year's start month is a setting).
    Half {
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
    },
    /// The year's summary (the fiscal year's start month is a setting).
    Year {
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// The note templates: shipped ones (as edited) and your own.
    List,
    /// One template's text, as a note made from it starts.
    Show { name: String },
}

fn clock_for(date: Option<Day>) -> Clock {
    match date.and_then(|d| d.0) {
        Some(day) => Clock::noon_of(day),
        None => Clock::system(),
    }
}

impl ReviewCommand {
    pub fn run(self, j: &Journal) -> Result<Output> {
        let (kind, date) = match self {
            ReviewCommand::Week { date } => {
                let week = j.week_summary(&clock_for(date))?;
                return Ok((to_json(&week), week_text(&week)));
            }
            ReviewCommand::Quarter { date } => (PeriodKind::Quarter, date),
            ReviewCommand::Half { date } => (PeriodKind::Half, date),
            ReviewCommand::Year { date } => (PeriodKind::Year, date),
        };
        let summary = j.period_summary(kind, clock_for(date).today())?;
        let mut text = summary.markdown.trim_end().to_string();
        if let Some(review) = summary.reviews.first() {
            text.push_str(&format!(
                "\n\nA review of this period was written on {} (entry {}).",
                &review.created_at[..10.min(review.created_at.len())],
                review.id
            ));
        }
        Ok((to_json(&summary), text))
    }
}

fn week_text(w: &WeekSummary) -> String {
    let p = &w.period;
    let mut lines = vec![format!("{} ({} to {})", p.label, p.starts_on, p.ends_on)];
    if w.added_total == 0 {
        lines.push(
            "Nothing logged yet this week: `careerlog note add \"...\"`, or the weekly review in the window."
                .into(),
        );
    } else {
        let added: Vec<String> = w.added.iter().map(|c| entries_of(c.kind, c.count)).collect();
        let mut line = format!("Added: {}", added.join(", "));
        if w.captures_accepted > 0 {
            line.push_str(&format!("; {} accepted from the inbox", w.captures_accepted));
        }
        lines.push(line);
    }
    for m in &w.metrics {
        lines.push(format!("  {}: {}", m.name, m.line()));
    }
    let mut waiting = Vec::new();
    if w.followups > 0 {
        waiting.push(format!(
            "{} follow-up{} (`careerlog followups`)",
            w.followups,
            plural(w.followups)
        ));
    }
    if w.inbox_open > 0 {
        waiting.push(format!("{} proposal{} in the inbox", w.inbox_open, plural(w.inbox_open)));
    }
    if !waiting.is_empty() {
        lines.push(format!("Waiting: {}", waiting.join(", ")));
    }
    lines.push(match (&w.review, w.review_due) {
        (Some(r), _) => format!(
            "Weekly review: written on {} ({}).",
            &r.created_at[..10.min(r.created_at.len())],
            w.review_at
        ),
        (None, true) => format!("Weekly review: due now ({}).", w.review_at),
        (None, false) => format!("Weekly review: {}, next {}.", w.review_at, w.next_review),
    });
    lines.join("\n")
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `careerlog followups`: the queue, most urgent first.
pub fn followups(j: &Journal) -> Result<Output> {
    let queue: FollowUpQueue = j.followups(Clock::system().today())?;
    let mut lines: Vec<String> = queue
        .items
        .iter()
        .map(|f| {
            let mark = if f.overdue { "! " } else { "  " };
            format!(
                "{mark}{:<24} {} {}: {} {}",
                f.kind.in_words(),
                f.entry_kind.as_str(),
                f.entry_id,
                f.title,
                f.detail
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push("Nothing to follow up.".into());
    }
    if queue.total as usize > queue.items.len() {
        lines.push(format!("... and {} more", queue.total as usize - queue.items.len()));
    }
    if queue.snoozed > 0 {
        lines.push(format!("{} snoozed for now.", queue.snoozed));
    }
    Ok((to_json(&queue), lines.join("\n")))
}

impl TemplateCommand {
    pub fn run(self, j: &Journal) -> Result<Output> {
        match self {
            TemplateCommand::List => {
                let all = j.templates()?;
                let text = all
                    .iter()
                    .map(|t| {
                        format!(
                            "{:<24} {:<8} {}: {}",
                            t.template.slug,
                            t.source.as_str(),
                            t.template.title,
                            t.template.description
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                Ok((to_json(&all), text))
            }
            TemplateCommand::Show { name } => {
                let t = j.template(&name)?;
                let text = t.template.body.trim_end().to_string();
                Ok((to_json(&t), text))
            }
        }
    }
}
