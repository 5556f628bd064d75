//! Capture: the journal fills itself from the engineer's own git history. A scan reads
//! repositories (read-only, no network) and proposes entries to an inbox they triage.

mod discover;
#[cfg(test)]
pub(crate) mod fixture;
mod git;
mod group;
pub mod phrases;
pub mod remote;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{ArtifactInput, ChangeTold, EntryKind, MetricInput, NoteInput, ProjectInput};
use crate::{Error, Result};

pub use discover::DEFAULT_EXCLUSIONS;
pub(crate) use git::RefRead;
pub(crate) use group::RepoFound;

/// The most proposals one page of the inbox holds; a larger page is cut to it.
pub const MAX_INBOX_PAGE: u32 = 500;

/// How far back a scan reads when no `since` is given: a year of work.
pub const DEFAULT_DAYS_BACK: i64 = 365;

/// Where capture looks and whose work it is: kept in the journal, edited in Settings and
/// by `careerlog capture`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaptureSettings {
    /// Folders scanned for repositories, nested ones too.
    pub folders: Vec<String>,
    /// Folder names never entered (`node_modules`, `target`, vendored trees...).
    pub exclusions: Vec<String>,
    /// The engineer's emails and names as their commits carry them; empty means the
    /// identity of their git configuration.
    pub identities: Vec<String>,
}

/// Capture's settings with the defaults that stand in for what they leave empty, for the
/// Settings card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaptureSetup {
    pub settings: CaptureSettings,
    /// The identities of the git configuration, used while `settings.identities` is empty.
    pub configured_identities: Vec<String>,
    /// The folder names passed over while `settings.exclusions` is empty.
    pub default_exclusions: Vec<String>,
}

/// What one scan reads: the settings' folders and identities, or what the command names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ScanRequest {
    /// Folders or repositories to read; empty reads the settings' folders. A path the
    /// settings do not name is read once, not added to them.
    #[ts(type = "Array<string>")]
    pub paths: Vec<PathBuf>,
    /// Commits on or after this day; a year back when absent.
    pub since: Option<NaiveDate>,
    /// Commits on or before this day.
    pub until: Option<NaiveDate>,
    /// Authors whose commits are read, instead of the settings' identities.
    pub authors: Vec<String>,
}

/// How far a scan has come, as it goes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ScanProgress {
    /// Repositories found so far in the folders.
    pub repositories_found: u32,
    /// Repositories read to the end (or skipped).
    pub repositories_read: u32,
    /// Commits read so far, in every repository.
    pub commits_read: u64,
    /// The repository being read.
    pub current: Option<String>,
}

/// Lets the window stop a scan; checked between commits, so a cancel lands at once.
#[derive(Debug, Default)]
pub struct Cancel(AtomicBool);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    /// `Err(Cancelled)` once cancelled: for work that must not go on after a cancel.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// A folder or repository passed over, and why, in the engineer's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// What a scan read of one repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RepoReport {
    pub name: String,
    pub path: String,
    /// Commits read (new since the last scan).
    pub commits_read: u64,
    /// Of those, the engineer's.
    pub commits_yours: u64,
    /// Proposals it added to the inbox.
    pub proposed: u32,
    /// Read only in part, and why (a shallow clone, a missing object...).
    pub partly: Option<String>,
}

/// What a scan found and what it passed over; nothing is written when it fails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScanReport {
    pub repositories: Vec<RepoReport>,
    pub skipped: Vec<Skipped>,
    /// Proposals added, by the kind of entry they propose.
    pub proposed: ProposalCounts,
    /// Proposals not added because their source was proposed before (accepted,
    /// dismissed or still in the inbox).
    pub already_proposed: u32,
    /// The identities the commits were matched against.
    pub identities: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposalCounts {
    pub project: u32,
    pub note: u32,
    pub artifact: u32,
    pub metric: u32,
}

impl ProposalCounts {
    pub fn total(&self) -> u32 {
        self.project + self.note + self.artifact + self.metric
    }
    pub(crate) fn add(&mut self, kind: EntryKind) {
        match kind {
            EntryKind::Project => self.project += 1,
            EntryKind::Note => self.note += 1,
            EntryKind::Artifact => self.artifact += 1,
            _ => self.metric += 1,
        }
    }
}

/// The entry a proposal would become, with the fields the journal's form for its kind
/// edits. The project of a note, artifact or metric is the one its repository maps to
/// (`0` or absent until it maps to one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "fields", rename_all = "snake_case")]
pub enum ProposedEntry {
    Project(ProjectInput),
    Note(NoteInput),
    Artifact(ArtifactInput),
    Metric(MetricInput),
}

impl ProposedEntry {
    pub fn kind(&self) -> EntryKind {
        match self {
            ProposedEntry::Project(_) => EntryKind::Project,
            ProposedEntry::Note(_) => EntryKind::Note,
            ProposedEntry::Artifact(_) => EntryKind::Artifact,
            ProposedEntry::Metric(_) => EntryKind::Metric,
        }
    }

    /// The entry under the project `project` (none for a project proposal).
    pub(crate) fn under(mut self, project: Option<i64>) -> ProposedEntry {
        match &mut self {
            ProposedEntry::Project(_) => {}
            ProposedEntry::Note(n) => n.project_id = project,
            ProposedEntry::Artifact(a) => a.project_id = project.unwrap_or(0),
            ProposedEntry::Metric(m) => m.project_id = project.unwrap_or(0),
        }
        self
    }

    /// A proposed metric's numbers in words, as the journal tells a metric's.
    pub fn told(&self) -> Option<ChangeTold> {
        match self {
            ProposedEntry::Metric(m) => m.telling().map(|t| t.told()),
            _ => None,
        }
    }

    /// The line the inbox shows for it.
    pub fn title(&self) -> String {
        match self {
            ProposedEntry::Project(p) => p.title.clone(),
            ProposedEntry::Note(n) => crate::store::journal::note_title(&n.text),
            ProposedEntry::Artifact(a) => a.title.clone(),
            ProposedEntry::Metric(m) => m.name.clone(),
        }
    }
}

crate::macros::text_enum!(
    /// Where a proposal is in its triage.
    ProposalState {
        Open = "open",
        Accepted = "accepted",
        Dismissed = "dismissed",
        Merged = "merged",
    }
);

/// Where a proposal came from: the repository, the commits, and what in them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposalSource {
    /// The repository's name (its folder, or its remote's).
    pub repository: String,
    /// The repository's folder on this machine.
    pub path: String,
    /// Its web page, built from the remote's URL; absent for a local-only repository.
    pub web_url: Option<String>,
    /// The commits it was made from, newest first (full ids).
    pub commits: Vec<String>,
    /// The first and last day of that work.
    pub first_on: Option<NaiveDate>,
    pub last_on: Option<NaiveDate>,
    /// The pull or merge request number, for a request's artifact.
    pub request: Option<u64>,
    /// The file, for an added RFC, ADR, design doc, postmortem or runbook.
    pub file: Option<String>,
    /// The words a metric was read from.
    pub phrase: Option<String>,
    /// A link to the request, commit or file.
    pub link: Option<String>,
}

/// A proposal in the inbox.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Proposal {
    pub id: i64,
    #[serde(flatten)]
    pub entry: ProposedEntry,
    pub state: ProposalState,
    pub source: ProposalSource,
    /// A metric's numbers in words, as the journal tells them ("800 ms", "120 ms"...);
    /// absent for the other kinds.
    pub told: Option<ChangeTold>,
    /// The project its repository maps to, if it does yet.
    pub project_id: Option<i64>,
    pub project_title: Option<String>,
    /// The entry it became, once accepted.
    pub entry_id: Option<i64>,
    pub created_at: String,
}

/// One page of the inbox's open proposals, newest work first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct InboxPage {
    pub proposals: Vec<Proposal>,
    /// Open proposals in all, on every page.
    pub total: u32,
}

/// What became of proposals acted on together; `undo` puts them back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Triage {
    pub proposals: Vec<Proposal>,
    /// Open proposals left in the inbox.
    pub open: u32,
}

/// The identities of the git configuration: `user.email` and `user.name` of the
/// engineer's global git config, the default when the settings name none.
pub fn configured_identities() -> Vec<String> {
    git::configured_identities()
}

/// What a scan needs from the journal, read before it starts so the journal is free
/// while the repositories are read: the settings, and what earlier scans read.
#[derive(Debug, Clone, Default)]
pub struct ScanPlan {
    pub(crate) settings: CaptureSettings,
    pub(crate) reads: std::collections::HashMap<String, Vec<RefRead>>,
}

/// What a scan read, not yet in the inbox: `Journal::add_scan` writes it.
#[derive(Debug, Clone)]
pub struct ScanFound {
    pub(crate) repos: Vec<RepoFound>,
    pub(crate) report: ScanReport,
}

/// Reads the repositories a request names (or the settings' folders) and groups the
/// engineer's work into proposals; writes nothing, so it can run beside the journal.
pub fn scan(
    plan: &ScanPlan,
    request: &ScanRequest,
    today: NaiveDate,
    progress: &mut dyn FnMut(&ScanProgress),
    cancel: &Cancel,
) -> Result<ScanFound> {
    let settings = &plan.settings;
    let reads = |key: &str| plan.reads.get(key).cloned().unwrap_or_default();
    let since = request.since.or(Some(today - chrono::Duration::days(DEFAULT_DAYS_BACK)));
    let until = request.until;
    if let (Some(s), Some(u)) = (since, until) {
        if s > u {
            return Err(Error::invalid("since", format!("{s} is after the end of the range, {u}")));
        }
    }
    let identities = if !request.authors.is_empty() {
        request.authors.clone()
    } else if !settings.identities.is_empty() {
        settings.identities.clone()
    } else {
        configured_identities()
    };
    let identities: Vec<String> =
        identities.into_iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).collect();
    let folders: Vec<PathBuf> = if request.paths.is_empty() {
        settings.folders.iter().map(PathBuf::from).collect()
    } else {
        // Relative to where the command runs; kept as given otherwise (links not resolved).
        request.paths.iter().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone())).collect()
    };
    if folders.is_empty() {
        return Err(Error::invalid(
            "folders",
            "name a folder to scan: add one in Settings > Capture, or pass a path",
        ));
    }
    let exclusions: Vec<String> = if settings.exclusions.is_empty() {
        DEFAULT_EXCLUSIONS.iter().map(|s| s.to_string()).collect()
    } else {
        settings.exclusions.clone()
    };
    let mut report = ScanReport { since, until, ..ScanReport::default() };
    let mut state = ScanProgress::default();
    let found = discover::repositories(&folders, &exclusions, &mut report.skipped, cancel, |n| {
        state.repositories_found = n;
        progress(&state);
    })?;
    let range = git::Range { since, until };
    let mut repos = Vec::new();
    for path in found {
        cancel.check()?;
        state.current = Some(discover::display_name(&path));
        progress(&state);
        let before = state.commits_read;
        let read = git::read(&path, &identities, range, &reads, cancel, &mut |n| {
            state.commits_read = before + n;
            progress(&state);
        });
        state.repositories_read += 1;
        match read {
            Ok(read) => repos.push(group::propose(read)),
            Err(git::Unreadable::Cancelled) => return Err(Error::Cancelled),
            Err(git::Unreadable::Skip(reason)) => {
                report.skipped.push(Skipped { path: path.display().to_string(), reason })
            }
        }
        progress(&state);
    }
    report.identities = identities;
    Ok(ScanFound { repos, report })
}
