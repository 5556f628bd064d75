//! `careerlog capture ...` and `careerlog inbox ...`: scans of the engineer's git history
//! and the triage of the proposals they leave in the inbox, without a window.

use std::path::PathBuf;

use careerlog_core::capture::{Cancel, CaptureSettings, Proposal, ScanReport, ScanRequest, Triage};
use careerlog_core::{Journal, Result};
use clap::Subcommand;

use super::journal::{day, Day};
use super::{to_json, Output};

#[derive(Debug, Subcommand)]
pub enum CaptureCommand {
    /// Scan git repositories for your work and fill the inbox with what it proposes.
    /// Without PATH, the folders of the settings; a PATH the settings do not name is
    /// scanned once, not added to them.
    Git {
        /// Folders to search for repositories, or repositories.
        paths: Vec<PathBuf>,
        /// Commits on or after this day (default: a year ago).
        #[arg(long, value_parser = day, value_name = "DATE")]
        since: Option<Day>,
        /// Commits on or before this day.
        #[arg(long, value_parser = day, value_name = "DATE")]
        until: Option<Day>,
        /// An email (or name) whose commits are yours, instead of the settings'; repeat
        /// for each.
        #[arg(long = "author", value_name = "EMAIL")]
        authors: Vec<String>,
    },
    /// Where capture looks and whose work it is.
    Settings,
    /// Add a folder to scan (a full path).
    AddFolder {
        path: PathBuf,
    },
    /// Stop scanning a folder.
    RemoveFolder {
        path: PathBuf,
    },
    /// Add an email or name your commits carry.
    AddIdentity {
        identity: String,
    },
    RemoveIdentity {
        identity: String,
    },
    /// Never enter folders of this name (replaces the defaults once you set one).
    AddExclusion {
        name: String,
    },
    RemoveExclusion {
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum InboxCommand {
    /// The proposals waiting in the inbox, newest work first.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// One proposal with everything it proposes and where it came from.
    Show { id: i64 },
    /// Accept proposals as proposed; `--project` puts them under that project (for a
    /// repository's project proposal: maps the repository to that existing project).
    Accept {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long, value_name = "ID")]
        project: Option<i64>,
    },
    /// Dismiss proposals: their sources are never proposed again.
    Dismiss {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Merge two or more proposed notes into one.
    Merge {
        #[arg(required = true, num_args = 2..)]
        ids: Vec<i64>,
    },
    /// Take back an accept, a dismiss or a merge.
    Undo {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
}

impl CaptureCommand {
    pub fn run(self, journal: &mut Journal) -> Result<Output> {
        let edit = |journal: &mut Journal, change: &dyn Fn(&mut CaptureSettings)| {
            let mut settings = journal.capture_settings()?;
            change(&mut settings);
            let saved = journal.save_capture_settings(settings)?;
            Ok((to_json(&saved), settings_text(journal, &saved)))
        };
        let text = |p: &PathBuf| p.display().to_string();
        match self {
            CaptureCommand::Git { paths, since, until, authors } => {
                let request = ScanRequest {
                    paths,
                    since: since.and_then(|d| d.0),
                    until: until.and_then(|d| d.0),
                    authors,
                };
                let today = chrono::Local::now().date_naive();
                let mut shown = Progress::new();
                let report =
                    journal.capture_git(&request, today, &mut |p| shown.show(p), &Cancel::new());
                shown.clear();
                let report = report?;
                Ok((to_json(&report), report_text(&report)))
            }
            CaptureCommand::Settings => {
                let settings = journal.capture_settings()?;
                Ok((to_json(&journal.capture_setup()?), settings_text(journal, &settings)))
            }
            CaptureCommand::AddFolder { path } => edit(journal, &|s| s.folders.push(text(&path))),
            CaptureCommand::RemoveFolder { path } => {
                edit(journal, &|s| s.folders.retain(|f| *f != text(&path)))
            }
            CaptureCommand::AddIdentity { identity } => {
                edit(journal, &|s| s.identities.push(identity.clone()))
            }
            CaptureCommand::RemoveIdentity { identity } => {
                edit(journal, &|s| s.identities.retain(|i| *i != identity))
            }
            CaptureCommand::AddExclusion { name } => {
                edit(journal, &|s| s.exclusions.push(name.clone()))
            }
            CaptureCommand::RemoveExclusion { name } => {
                edit(journal, &|s| s.exclusions.retain(|x| *x != name))
            }
        }
    }
}

/// A scan's progress on one line of a terminal's stderr, at most ten times a second;
/// nothing when stderr is not a terminal (a script or a log).
struct Progress {
    terminal: bool,
    last: Option<std::time::Instant>,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        Progress { terminal: std::io::stderr().is_terminal(), last: None }
    }

    fn show(&mut self, p: &careerlog_core::capture::ScanProgress) {
        let due = self.last.is_none_or(|t| t.elapsed() >= std::time::Duration::from_millis(100));
        if !self.terminal || !due {
            return;
        }
        self.last = Some(std::time::Instant::now());
        let current = p.current.as_deref().unwrap_or("looking for repositories");
        eprint!(
            "\r\x1b[2K{} of {} repositories, {} commits read: {current}",
            p.repositories_read, p.repositories_found, p.commits_read
        );
    }

    fn clear(&self) {
        if self.terminal && self.last.is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

fn settings_text(journal: &Journal, s: &CaptureSettings) -> String {
    let setup = journal.capture_setup().ok();
    let list = |items: &[String], fallback: Option<(&str, Vec<String>)>| match (items, fallback) {
        ([], Some((why, defaults))) if !defaults.is_empty() => {
            format!("{} ({why})", defaults.join(", "))
        }
        ([], _) => "none".to_string(),
        (items, _) => items.join(", "),
    };
    format!(
        "folders:    {}\nidentities: {}\nexclusions: {}",
        list(&s.folders, None),
        list(
            &s.identities,
            setup
                .as_ref()
                .map(|x| ("from your git configuration", x.configured_identities.clone()))
        ),
        list(&s.exclusions, setup.as_ref().map(|x| ("the defaults", x.default_exclusions.clone()))),
    )
}

fn report_text(report: &ScanReport) -> String {
    let mut lines = Vec::new();
    let range = match (report.since, report.until) {
        (Some(s), Some(u)) => format!("from {s} to {u}"),
        (Some(s), None) => format!("since {s}"),
        (None, Some(u)) => format!("until {u}"),
        (None, None) => "all history".to_string(),
    };
    lines.push(format!(
        "Scanned {} {range} for {}",
        count(report.repositories.len(), "repository", "repositories"),
        report.identities.join(", ")
    ));
    for r in &report.repositories {
        let mut line = format!(
            "  {}: {} read, {} yours, {} proposed",
            r.name,
            count(r.commits_read as usize, "commit", "commits"),
            r.commits_yours,
            r.proposed
        );
        if let Some(partly) = &r.partly {
            line.push_str(&format!(" (read in part: {partly})"));
        }
        lines.push(line);
    }
    let p = report.proposed;
    lines.push(format!(
        "Proposed {}: {}, {}, {}, {}",
        p.total(),
        count(p.project as usize, "project", "projects"),
        count(p.note as usize, "note", "notes"),
        count(p.artifact as usize, "artifact", "artifacts"),
        count(p.metric as usize, "metric", "metrics")
    ));
    if report.already_proposed > 0 {
        lines.push(format!(
            "Not proposed again: {} (accepted, dismissed or already in the inbox)",
            report.already_proposed
        ));
    }
    for s in &report.skipped {
        lines.push(format!("Skipped {}: {}", s.path, s.reason));
    }
    if p.total() > 0 {
        lines.push("Review them with `careerlog inbox list`.".to_string());
    }
    lines.join("\n")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line of the inbox: id, kind, what, from where.
fn line(p: &Proposal) -> String {
    let what = match &p.told {
        // A metric's numbers as the journal words them.
        Some(told) => {
            let from = told.from.as_deref().map(|f| format!("{f} -> ")).unwrap_or_default();
            format!("{}: {from}{}", p.entry.title(), told.to)
        }
        None => p.entry.title(),
    };
    let day = p.source.last_on.map(|d| d.to_string()).unwrap_or_default();
    format!("{:>6}  {:<8}  {day}  {what}  [{}]", p.id, p.entry.kind().as_str(), p.source.repository)
}

fn show(p: &Proposal) -> String {
    let mut lines = vec![line(p), format!("state:      {}", p.state.as_str())];
    let fields = serde_json::to_value(&p.entry).map(|v| v["fields"].clone()).unwrap_or_default();
    if let Some(fields) = fields.as_object() {
        for (key, value) in fields {
            if value.is_null() || value.as_array().is_some_and(|a| a.is_empty()) {
                continue;
            }
            let value = value.as_str().map(str::to_string).unwrap_or_else(|| value.to_string());
            lines.push(format!("{key:<11} {}", value.replace('\n', "\n            ")));
        }
    }
    let s = &p.source;
    lines.push(format!("repository: {} ({})", s.repository, s.path));
    if let Some(project) = &p.project_title {
        lines.push(format!("project:    {project}"));
    }
    if !s.commits.is_empty() {
        let short: Vec<&str> = s.commits.iter().take(8).map(|c| &c[..c.len().min(10)]).collect();
        let more = s.commits.len().saturating_sub(8);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        lines.push(format!("commits:    {}{more}", short.join(" ")));
    }
    for (label, value) in [
        ("request:", s.request.map(|n| format!("#{n}"))),
        ("file:", s.file.clone()),
        ("phrase:", s.phrase.clone().map(|p| format!("\"{p}\""))),
        ("link:", s.link.clone()),
    ] {
        if let Some(value) = value {
            lines.push(format!("{label:<11} {value}"));
        }
    }
    lines.join("\n")
}

fn triage_text(verb: &str, t: &Triage) -> String {
    let mut lines: Vec<String> = t
        .proposals
        .iter()
        .map(|p| match p.entry_id {
            Some(entry) => format!("{verb} {} as {} {entry}", p.id, p.entry.kind().as_str()),
            None => format!("{verb} {}", p.id),
        })
        .collect();
    lines.push(format!("{} left in the inbox", count(t.open as usize, "proposal", "proposals")));
    lines.join("\n")
}

impl InboxCommand {
    pub fn run(self, journal: &mut Journal) -> Result<Output> {
        match self {
            InboxCommand::List { limit, offset } => {
                let page = journal.inbox_page(offset, limit)?;
                let text = if page.total == 0 {
                    "The inbox is empty. Fill it with `careerlog capture git [PATH]`.".to_string()
                } else {
                    let mut lines: Vec<String> = page.proposals.iter().map(line).collect();
                    lines.push(format!(
                        "{} of {} open",
                        page.proposals.len(),
                        count(page.total as usize, "proposal", "proposals")
                    ));
                    lines.join("\n")
                };
                Ok((to_json(&page.proposals), text))
            }
            InboxCommand::Show { id } => {
                let p = journal.proposal(id)?;
                Ok((to_json(&p), show(&p)))
            }
            InboxCommand::Accept { ids, project } => {
                let t = journal.accept_proposals(&ids, project)?;
                Ok((to_json(&t), triage_text("Accepted", &t)))
            }
            InboxCommand::Dismiss { ids } => {
                let t = journal.dismiss_proposals(&ids)?;
                Ok((to_json(&t), triage_text("Dismissed", &t)))
            }
            InboxCommand::Merge { ids } => {
                let t = journal.merge_proposals(&ids)?;
                Ok((to_json(&t), triage_text("Merged into", &t)))
            }
            InboxCommand::Undo { ids } => {
                let t = journal.undo_proposals(&ids)?;
                Ok((to_json(&t), triage_text("Back in the inbox:", &t)))
            }
        }
    }
}
