//! `careerlog import json-resume|linkedin|dayone|markdown`: read the source, show what it
//! holds (`--dry-run`) or merge it, all or nothing.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use careerlog_core::transfer::import::{read_source, ImportSource};
use careerlog_core::Journal;

use super::{to_json, Output};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file (or, for `markdown`, the folder) to import.
    pub path: PathBuf,
    /// Print what the import would add, change and skip, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(
    journal: &mut Journal,
    source: ImportSource,
    args: ImportArgs,
) -> careerlog_core::Result<Output> {
    // Progress on a terminal only: scripts read the summary, not a moving line.
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |done: u64, total: u64| {
        if terminal && total > 1 {
            eprint!("\rReading {done} of {total}…");
            let _ = std::io::stderr().flush();
        }
    };
    let plan = read_source(source, &args.path, &mut progress);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    let preview = journal.import_plan(plan?, &args.path.display().to_string(), !args.dry_run)?;
    Ok((to_json(&preview), preview.in_words()))
}

/// `export markdown --out DIR`: the folder, and what changed in it.
pub fn export_markdown(journal: &Journal, out: &std::path::Path) -> careerlog_core::Result<Output> {
    let report = journal.export_markdown(out)?;
    let text = format!(
        "Wrote {} files in {} folders to {} ({} changed, {} removed)",
        report.files,
        report.folders,
        out.display(),
        report.changed,
        report.removed
    );
    Ok((to_json(&report), text))
}
