//! Turns what a scan read of a repository into proposals: the repository's project, a note
//! per week of work, an artifact per request and per added document, and stated metrics.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::git::{CommitRead, RefRead, RepoRead};
use super::phrases;
use super::{ProposalSource, ProposedEntry, RepoReport};
use crate::journal::{
    ArtifactInput, ArtifactKind, Labels, MetricInput, NoteInput, ProjectInput, ProjectStatus,
};
use crate::resume::grammar::listed;

/// A proposal before it is written: the entry, where it came from, and the keys of its
/// sources (never proposed twice).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Proposed {
    pub entry: ProposedEntry,
    pub source: ProposalSource,
    pub keys: Vec<String>,
    pub dated_on: NaiveDate,
}

/// A repository read, with what it proposes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RepoFound {
    pub key: String,
    pub name: String,
    pub path: String,
    pub web_url: Option<String>,
    pub proposals: Vec<Proposed>,
    pub refs: Vec<RefRead>,
    pub report: RepoReport,
}

/// The subjects a week's note names before "and N more".
const SUBJECTS_NAMED: usize = 5;
/// The areas a week's note names.
const AREAS_NAMED: usize = 3;

pub(crate) fn propose(read: RepoRead) -> RepoFound {
    let web_url = read.remote.as_ref().map(|r| r.web_url());
    let base = ProposalSource {
        repository: read.name.clone(),
        path: read.path.clone(),
        web_url: web_url.clone(),
        ..ProposalSource::default()
    };
    let commit_link = |id: &str| read.remote.as_ref().map(|r| r.commit_url(id));
    let mut proposals = Vec::new();
    let yours = read.commits.len() as u64;

    if let (Some(first), Some(last)) =
        (read.commits.iter().map(|c| c.day).min(), read.commits.iter().map(|c| c.day).max())
    {
        let count = read.commits.iter().filter(|c| !c.merge).count();
        let requests = read.commits.iter().filter(|c| c.request.is_some()).count();
        let mut summary = format!(
            "My work in the {} repository: {} from {} to {}",
            read.name,
            plural(count, "commit"),
            long_day(first),
            long_day(last)
        );
        if requests > 0 {
            summary.push_str(&format!(", {}", plural(requests, "pull request")));
        }
        summary.push('.');
        proposals.push(Proposed {
            entry: ProposedEntry::Project(ProjectInput {
                title: read.name.clone(),
                organization: read.remote.as_ref().and_then(|r| owner_of(&r.path)),
                role: None,
                started_on: Some(first),
                ended_on: None,
                scope: None,
                status: Some(ProjectStatus::Active),
                summary: Some(summary),
                labels: Labels::default(),
            }),
            source: ProposalSource {
                commits: read.commits.iter().take(20).map(|c| c.id.clone()).collect(),
                first_on: Some(first),
                last_on: Some(last),
                link: web_url.clone(),
                ..base.clone()
            },
            keys: vec![format!("repo:{}", read.key)],
            dated_on: last,
        });
    }

    // A week runs Monday to Sunday; its note is dated on its last day of work.
    let mut weeks: BTreeMap<NaiveDate, Vec<&CommitRead>> = BTreeMap::new();
    for commit in read.commits.iter().filter(|c| !c.merge) {
        weeks.entry(monday_of(commit.day)).or_default().push(commit);
    }
    for (monday, commits) in &weeks {
        let tags: Vec<&str> = read
            .tags
            .iter()
            .filter(|t| monday_of(t.day) == *monday)
            .map(|t| t.name.as_str())
            .collect();
        let last = commits.iter().map(|c| c.day).max().unwrap_or(*monday);
        let first = commits.iter().map(|c| c.day).min().unwrap_or(*monday);
        proposals.push(Proposed {
            entry: ProposedEntry::Note(NoteInput {
                project_id: None,
                date: Some(last),
                text: week_text(&read.name, *monday, commits, &tags),
                labels: Labels::default(),
            }),
            source: ProposalSource {
                commits: commits.iter().map(|c| c.id.clone()).collect(),
                first_on: Some(first),
                last_on: Some(last),
                link: commits.first().and_then(|c| commit_link(&c.id)),
                ..base.clone()
            },
            keys: commits.iter().map(|c| format!("commit:{}", c.id)).collect(),
            dated_on: last,
        });
    }

    let mut requests_seen = std::collections::HashSet::new();
    // An artifact of one commit: a request it merged, or a document it added.
    let artifact = |commit: &CommitRead, kind: ArtifactKind, title: String, url: Option<String>| {
        (
            ProposedEntry::Artifact(ArtifactInput {
                project_id: 0,
                kind: Some(kind),
                title,
                url: url.clone(),
                date: Some(commit.day),
                labels: Labels::default(),
            }),
            ProposalSource {
                commits: vec![commit.id.clone()],
                first_on: Some(commit.day),
                last_on: Some(commit.day),
                link: url.or_else(|| commit_link(&commit.id)),
                ..base.clone()
            },
        )
    };
    for commit in &read.commits {
        if let Some(request) = &commit.request {
            if !requests_seen.insert(request.number) {
                continue;
            }
            let url = read.remote.as_ref().map(|r| r.request_url(request.number));
            let title = if request.title.trim().is_empty() {
                format!("Request #{}", request.number)
            } else {
                request.title.clone()
            };
            let (entry, source) = artifact(commit, ArtifactKind::Pr, title, url);
            proposals.push(Proposed {
                entry,
                source: ProposalSource { request: Some(request.number), ..source },
                keys: vec![format!("request:{}:{}", read.key, request.number)],
                dated_on: commit.day,
            });
        }
        for doc in &commit.added_docs {
            let url = read.remote.as_ref().map(|r| r.file_url(&commit.id, &doc.path));
            let (entry, source) = artifact(commit, doc.kind, doc.title.clone(), url);
            proposals.push(Proposed {
                entry,
                source: ProposalSource { file: Some(doc.path.clone()), ..source },
                keys: vec![format!("path:{}:{}", read.key, doc.path)],
                dated_on: commit.day,
            });
        }
        for (n, found) in phrases::find_metrics(&commit.message).into_iter().enumerate() {
            let link = match &commit.request {
                Some(r) => read.remote.as_ref().map(|rem| rem.request_url(r.number)),
                None => None,
            }
            .or_else(|| commit_link(&commit.id));
            let evidence = link.clone().unwrap_or_else(|| {
                format!("commit {} in {}", &commit.id[..commit.id.len().min(10)], read.name)
            });
            proposals.push(Proposed {
                entry: ProposedEntry::Metric(MetricInput {
                    project_id: 0,
                    name: found.name,
                    unit: found.unit,
                    baseline: Some(found.baseline),
                    result: Some(found.result),
                    better: Some(found.better),
                    measured_on: Some(commit.day),
                    evidence: Some(evidence),
                    target: None,
                    measure_by: None,
                    labels: Labels::default(),
                }),
                source: ProposalSource {
                    commits: vec![commit.id.clone()],
                    first_on: Some(commit.day),
                    last_on: Some(commit.day),
                    request: commit.request.as_ref().map(|r| r.number),
                    phrase: Some(found.phrase),
                    link,
                    ..base.clone()
                },
                keys: vec![format!("metric:{}:{n}", commit.id)],
                dated_on: commit.day,
            });
        }
    }

    RepoFound {
        key: read.key,
        name: read.name.clone(),
        path: read.path.clone(),
        web_url,
        report: RepoReport {
            name: read.name,
            path: read.path,
            commits_read: read.commits_read,
            commits_yours: yours,
            proposed: 0,
            partly: read.partly,
        },
        proposals,
        refs: read.refs,
    }
}

/// The note of a week's work, in plain words: how much, where, and on what.
fn week_text(repo: &str, monday: NaiveDate, commits: &[&CommitRead], tags: &[&str]) -> String {
    let files: u32 = commits.iter().map(|c| c.files_changed).sum();
    let mut areas: BTreeMap<&str, u32> = BTreeMap::new();
    for commit in commits {
        for (area, n) in &commit.areas {
            *areas.entry(area.as_str()).or_default() += n;
        }
    }
    let mut areas: Vec<(&str, u32)> = areas.into_iter().collect();
    areas.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let named: Vec<String> = areas
        .iter()
        .take(AREAS_NAMED)
        .map(
            |(a, _)| {
                if *a == "(top level)" {
                    "the top level".to_string()
                } else {
                    format!("{a}/")
                }
            },
        )
        .collect();

    let mut text =
        format!("Week of {} in {repo}: {}", long_day(monday), plural(commits.len(), "commit"));
    if files > 0 {
        text.push_str(&format!(", {}", plural(files as usize, "file")));
        text.push_str(" changed");
        if !named.is_empty() {
            let most = if areas.len() > named.len() { "mostly in" } else { "in" };
            text.push_str(&format!(", {most} {}", listed(&named, false)));
        }
    }
    text.push_str(".\n\n");
    // Oldest first, as the work happened; the same subject twice is named once.
    let mut subjects: Vec<String> = Vec::new();
    for commit in commits.iter().rev() {
        let subject = commit.subject.trim_end_matches('.').to_string();
        if !subject.is_empty() && !subjects.iter().any(|s| s.eq_ignore_ascii_case(&subject)) {
            subjects.push(subject);
        }
    }
    for subject in subjects.iter().take(SUBJECTS_NAMED) {
        text.push_str(&format!("- {subject}\n"));
    }
    if subjects.len() > SUBJECTS_NAMED {
        text.push_str(&format!("- and {} more\n", subjects.len() - SUBJECTS_NAMED));
    }
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        text.push_str(&format!("\nTagged {}.\n", listed(&tags, false)));
    }
    text.trim_end().to_string()
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

fn long_day(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", crate::journal::told::number(n as f64))
    }
}

/// The owner of a remote path (`acme` of `acme/payments`), as the project's organization.
fn owner_of(path: &str) -> Option<String> {
    path.split('/').next().filter(|o| !o.is_empty()).map(str::to_string)
}
