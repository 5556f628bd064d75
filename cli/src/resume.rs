//! `careerlog bullet ...` and `careerlog export bullets|brag`: resume bullets headless.

use std::path::PathBuf;

use careerlog_core::documents::packet::{PacketRequest, PacketWritten};
use careerlog_core::documents::DocumentFormat;
use careerlog_core::resume::{self, ExportFormat, ExportRequest, Variant, VariantFilter};
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
    /// Exits 1 when there are findings, as linters do.
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
    /// Move a bullet to place N of the resume order (1 is first), or of a variant's order.
    Move {
        id: i64,
        /// The place to move it to: 1 is first, in the order `bullet list` (or `variant show`)
        /// prints them.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        to: u32,
        /// Move it in this variant's own order instead of the resume's.
        #[arg(long, value_name = "NAME")]
        variant: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum VariantCommand {
    /// Name a selection of the picked bullets, by the projects' tags, skills, roles or dates.
    Add {
        name: String,
        #[command(flatten)]
        filter: VariantFlags,
    },
    /// The variants, by name, with their filters.
    List,
    /// A variant's bullets, in its order and wording.
    Show { name: String },
    /// Delete a variant; `careerlog variant restore ID` brings it back.
    Delete { name: String },
    /// Bring back a deleted variant, by the id `variant delete` printed.
    Restore { id: i64 },
}

/// Which bullets a variant takes; with none, every picked bullet.
#[derive(Debug, Args)]
pub struct VariantFlags {
    /// Bullets of projects with this tag; repeat for more (any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Bullets of projects with this skill; repeat for more.
    #[arg(long = "skill", value_name = "SKILL")]
    pub skills: Vec<String>,
    /// Bullets of projects where you had this role; repeat for more.
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Projects still running on or after this day.
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub since: Option<Day>,
    /// Projects started on or before this day.
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub until: Option<Day>,
}

#[derive(Debug, Args)]
pub struct BulletExport {
    /// markdown, text, json-resume, docx or pdf (docx and pdf need --out)
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
    /// markdown, docx or pdf
    #[arg(long, value_parser = DocumentFormat::parse, default_value = "markdown")]
    pub format: DocumentFormat,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub since: Option<Day>,
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub until: Option<Day>,
}

#[derive(Debug, Args)]
pub struct PacketExport {
    /// The first day of the review period.
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub since: Day,
    /// The last day of the review period.
    #[arg(long, value_parser = super::journal::day, value_name = "DATE")]
    pub until: Day,
    /// A stage of the progression framework (senior, staff, ...) or skill:NAME; by
    /// default the stage the readiness map says you are working toward.
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// markdown, docx or pdf
    #[arg(long, value_parser = DocumentFormat::parse, default_value = "markdown")]
    pub format: DocumentFormat,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
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
            BulletCommand::Lint { text } => lint(j, &text).map(|(output, _)| output),
            BulletCommand::Edit { id, text } => j.edit_bullet(id, &text).map(one),
            BulletCommand::Reset { id } => j.reset_bullet(id).map(one),
            BulletCommand::Include { id } => j.include_bullet(id, true).map(one),
            BulletCommand::Exclude { id } => j.include_bullet(id, false).map(one),
            BulletCommand::Move { id, to, variant: None } => {
                let bullets = j.move_bullet(id, to)?;
                let text = numbered(&bullets);
                Ok((super::to_json(&bullets), text))
            }
            BulletCommand::Move { id, to, variant: Some(name) } => {
                j.refresh_bullets()?;
                let variant = j.variant_named(&name)?;
                let moved = j.move_variant_bullet(variant.id, id, to)?;
                Ok((super::to_json(&moved), variant_text(&moved)))
            }
        }
    }
}

/// The lint of a bullet as printed, and whether it found anything (exit 1, as linters do).
pub fn lint(j: &Journal, text: &str) -> Result<(Output, bool)> {
    let findings = j.lint_text(text)?;
    let lines = if findings.is_empty() {
        "No findings: the bullet states an action and a number.".to_string()
    } else {
        findings
            .iter()
            .map(|f| {
                let at = f.excerpt.as_deref().map(|e| format!(" (\"{e}\")")).unwrap_or_default();
                format!("{}{at}: {}\n  fix: {}", f.rule.as_str(), f.why, f.fix)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(((super::to_json(&findings), lines), !findings.is_empty()))
}

/// Bullets with their place in the order: what `bullet move --to N` counts.
fn numbered(bullets: &[resume::Bullet]) -> String {
    bullets
        .iter()
        .enumerate()
        .map(|(i, b)| format!("{:>3}. {}", i + 1, describe(b)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn filter_text(f: &VariantFilter) -> String {
    let mut parts = Vec::new();
    for (what, list) in [("tags", &f.tags), ("skills", &f.skills), ("roles", &f.roles)] {
        if !list.is_empty() {
            parts.push(format!("{what} {}", list.join(", ")));
        }
    }
    if let Some(since) = f.since {
        parts.push(format!("since {since}"));
    }
    if let Some(until) = f.until {
        parts.push(format!("until {until}"));
    }
    if parts.is_empty() {
        "every picked bullet".to_string()
    } else {
        parts.join("; ")
    }
}

fn variant_text(v: &Variant) -> String {
    let mut lines = vec![format!(
        "variant {} \"{}\": {} ({} bullets)",
        v.id,
        v.name,
        filter_text(&v.filter),
        v.bullets.len()
    )];
    if v.bullets.is_empty() {
        lines.push("  No picked bullet matches its filters".to_string());
    } else {
        lines.push(numbered(&v.bullets));
    }
    lines.join("\n")
}

impl VariantCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            VariantCommand::Add { name, filter } => {
                let filter = VariantFilter {
                    tags: filter.tags,
                    skills: filter.skills,
                    roles: filter.roles,
                    since: filter.since.and_then(|d| d.0),
                    until: filter.until.and_then(|d| d.0),
                };
                j.refresh_bullets()?;
                let made = j.save_variant(None, &name, &filter)?;
                let text = format!("Added {}", variant_text(&made));
                Ok((super::to_json(&made), text))
            }
            VariantCommand::List => {
                let all = j.variants()?;
                let text = if all.is_empty() {
                    "No variants yet: add one with `careerlog variant add NAME --tag ...`"
                        .to_string()
                } else {
                    all.iter()
                        .map(|v| format!("{:>4}  {}  ({})", v.id, v.name, filter_text(&v.filter)))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                Ok((super::to_json(&all), text))
            }
            VariantCommand::Show { name } => {
                j.refresh_bullets()?;
                let variant = j.variant_named(&name)?;
                Ok((super::to_json(&variant), variant_text(&variant)))
            }
            VariantCommand::Delete { name } => {
                let id = j.variant_named(&name)?.id;
                let gone = j.delete_variant(id)?;
                let text = format!(
                    "Deleted the variant \"{}\" (restore with `careerlog variant restore {}`)",
                    gone.name, gone.id
                );
                Ok((super::to_json(&gone), text))
            }
            VariantCommand::Restore { id } => {
                j.refresh_bullets()?;
                let back = j.restore_variant(id)?;
                Ok((super::to_json(&back), format!("Restored {}", variant_text(&back))))
            }
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
    let binary = matches!(request.format, ExportFormat::Docx | ExportFormat::Pdf);
    if binary && flags.out.is_none() {
        return Err(careerlog_core::Error::invalid(
            "out",
            format!("a {} file is not text: give --out FILE", request.format.in_words()),
        ));
    }
    let (document, count) = j.export_bullets(&request)?;
    match flags.out {
        None => {
            let text = String::from_utf8_lossy(&document).trim_end().to_string();
            Ok((text.clone(), text))
        }
        Some(out) => {
            super::write_file(&out, &document)?;
            let written = Written { path: out.display().to_string(), bullets: count };
            Ok((super::to_json(&written), format!("Wrote {count} bullets to {}", out.display())))
        }
    }
}

pub fn export_brag(j: &mut Journal, flags: BragExport) -> Result<Output> {
    let (since, until) = (flags.since.and_then(|d| d.0), flags.until.and_then(|d| d.0));
    let (document, projects) = j.brag_document(since, until)?;
    super::write_file(&flags.out, &flags.format.render(&document))?;
    #[derive(Serialize)]
    struct Brag {
        path: String,
        projects: usize,
    }
    let text = format!("Wrote a brag document of {projects} projects to {}", flags.out.display());
    Ok((super::to_json(&Brag { path: flags.out.display().to_string(), projects }), text))
}

pub fn export_packet(j: &mut Journal, flags: PacketExport) -> Result<Output> {
    let day = |d: Day, field: &str| {
        d.0.ok_or_else(|| careerlog_core::Error::invalid(field, "give a day (YYYY-MM-DD)"))
    };
    let request = PacketRequest {
        since: day(flags.since, "since")?,
        until: day(flags.until, "until")?,
        target: flags.target,
    };
    let (file, packet) = j.export_packet(&request, flags.format)?;
    super::write_file(&flags.out, &file)?;
    let written = PacketWritten {
        path: flags.out.display().to_string(),
        target: packet.target.as_ref().map(|t| t.id.clone()),
        sections: packet.sections.len(),
        sentences: packet.sentence_count(),
        sources: packet.sources.len(),
        left_out: packet.left_out,
    };
    let toward = packet.target.as_ref().map(|t| format!(" toward {}", t.name)).unwrap_or_default();
    let private = match packet.left_out {
        0 => String::new(),
        n => format!("; {n} private entries left out"),
    };
    let text = format!(
        "Wrote a review packet of {}{toward} to {}: {} sentences citing {} entries{private}",
        packet.label, written.path, written.sentences, written.sources
    );
    Ok((super::to_json(&written), text))
}
