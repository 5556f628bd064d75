//! `careerlog bullet ...` and `careerlog export bullets|brag`: resume bullets headless.

use std::path::PathBuf;

use careerlog_core::resume::{self, ExportFormat, ExportRequest};
use careerlog_core::{Journal, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::Day;
use super::Output;

#[derive(Debug, Subcommand)]
pub enum BulletCommand {
    /// The bullets generated from the journal, in resume order, with lint findings.
    List,
    /// Check a bullet's wording: numbers, weak openings, buzzwords, voice, length.
    Lint { text: String },
    /// Reword a bullet; it keeps its sources and regeneration will not overwrite it.
    Edit {
        id: i64,
        #[arg(long)]
        text: String,
    },
    /// Go back to the generated wording.
    Reset { id: i64 },
    /// Pick a bullet for the resume.
    Include { id: i64 },
    /// Leave a bullet out of the resume.
    Exclude { id: i64 },
}

#[derive(Debug, Args)]
pub struct BulletExport {
    /// markdown, text or json-resume
    #[arg(long, value_parser = ExportFormat::parse)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Export a named variant's bullets, order and wording.
    #[arg(long)]
    pub variant: Option<String>,
    /// Only bullets of projects with this tag; repeat for more.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub since: Option<Day>,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub until: Option<Day>,
}

#[derive(Debug, Args)]
pub struct BragExport {
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub since: Option<Day>,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub until: Option<Day>,
}

fn describe(b: &resume::Bullet) -> String {
    let mark = if b.included { "[x]" } else { "[ ]" };
    let edited = if b.edited { " (edited)" } else { "" };
    let mut line = format!("{mark} {:>4}  {}{edited}", b.id, b.text);
    for f in &b.findings {
        line.push_str(&format!("\n           ! {}: {}", f.rule.as_str(), f.fix));
    }
    line
}

impl BulletCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        let one = |b: resume::Bullet| (super::to_json(&b), describe(&b));
        match command {
            BulletCommand::List => {
                j.refresh_bullets()?;
                let bullets = j.bullets()?;
                let text = if bullets.is_empty() {
                    "No bullets yet: log a project with a metric (baseline and result) first"
                        .to_string()
                } else {
                    bullets.iter().map(describe).collect::<Vec<_>>().join("\n")
                };
                Ok((super::to_json(&bullets), text))
            }
            BulletCommand::Lint { text } => {
                let findings = j.lint_text(&text)?;
                let lines = if findings.is_empty() {
                    "No findings: the bullet states an action and a number.".to_string()
                } else {
                    findings
                        .iter()
                        .map(|f| {
                            let at = f
                                .excerpt
                                .as_deref()
                                .map(|e| format!(" (\"{e}\")"))
                                .unwrap_or_default();
                            format!("{}{at}: {}\n  fix: {}", f.rule.as_str(), f.why, f.fix)
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                Ok((super::to_json(&findings), lines))
            }
            BulletCommand::Edit { id, text } => j.edit_bullet(id, &text).map(one),
            BulletCommand::Reset { id } => j.reset_bullet(id).map(one),
            BulletCommand::Include { id } => j.include_bullet(id, true).map(one),
            BulletCommand::Exclude { id } => j.include_bullet(id, false).map(one),
        }
    }
}

#[derive(Serialize)]
struct Written {
    path: String,
    bullets: usize,
}

pub fn export_bullets(j: &mut Journal, flags: BulletExport) -> Result<Output> {
    let request = ExportRequest {
        format: flags.format,
        variant: flags.variant,
        tags: flags.tags,
        since: flags.since.and_then(|d| d.0),
        until: flags.until.and_then(|d| d.0),
    };
    let (document, count) = j.export_bullets(&request)?;
    match flags.out {
        None => Ok((
            document.trim_end().to_string(),
            document.trim_end().to_string(),
        )),
        Some(out) => {
            super::write_file(&out, document.as_bytes())?;
            let written = Written {
                path: out.display().to_string(),
                bullets: count,
            };
            Ok((
                super::to_json(&written),
                format!("Wrote {count} bullets to {}", out.display()),
            ))
        }
    }
}

pub fn export_brag(j: &mut Journal, flags: BragExport) -> Result<Output> {
    let (since, until) = (flags.since.and_then(|d| d.0), flags.until.and_then(|d| d.0));
    let (document, projects) = j.brag(since, until)?;
    super::write_file(&flags.out, document.as_bytes())?;
    #[derive(Serialize)]
    struct Brag {
        path: String,
        projects: usize,
    }
    let text = format!(
        "Wrote a brag document of {projects} projects to {}",
        flags.out.display()
    );
    Ok((
        super::to_json(&Brag {
            path: flags.out.display().to_string(),
            projects,
        }),
        text,
    ))
}
