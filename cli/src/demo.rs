//! `careerlog demo --projects N | --entries N [--seed S]`: fills a new, empty journal with
//! realistic synthetic entries, the same for the same seed. A journal with entries is refused.

use careerlog_core::demo::{self, DEFAULT_SEED};
use careerlog_core::{Journal, Result};
use clap::Args;

use super::{to_json, Output};

#[derive(Debug, Args)]
pub struct DemoFlags {
    /// How many projects to generate (each with metrics, decisions, artifacts, feedback,
    /// notes, and a story with rehearsals).
    #[arg(long, default_value_t = 40)]
    pub projects: u32,
    /// Or about how many entries in all: as many projects as reach this count (the last
    /// project may pass it by a few entries).
    #[arg(long, conflicts_with = "projects")]
    pub entries: Option<u64>,
    /// The seed: the same seed always gives the same journal.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
}

pub fn demo(journal: &mut Journal, flags: DemoFlags) -> Result<Output> {
    let projects = match flags.entries {
        Some(entries) => demo::projects_for_entries(flags.seed, entries)?,
        None => flags.projects,
    };
    let counts = journal.fill_demo(flags.seed, projects)?;
    let text = format!(
        "Filled {} with demo data (seed {}): {} entries: {} projects, {} metrics, {} decisions, \
         {} artifacts, {} feedback, {} notes, {} stories, {} rehearsals",
        journal.path().display(),
        flags.seed,
        counts.entries,
        counts.projects,
        counts.metrics,
        counts.decisions,
        counts.artifacts,
        counts.feedback,
        counts.notes,
        counts.stories,
        counts.rehearsals
    );
    Ok((to_json(&counts), text))
}
