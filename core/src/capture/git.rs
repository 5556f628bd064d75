//! Reads one repository's history with gitoxide, read-only: the engineer's commits in a
//! date range, the requests they merged, the documents they added and the tags they made.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use gix::bstr::ByteSlice;
use gix::ObjectId;

use super::phrases::{self, Request};
use super::remote::Remote;
use super::Cancel;
use crate::journal::ArtifactKind;

/// The days a scan covers; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Range {
    fn holds(&self, day: NaiveDate) -> bool {
        self.since.is_none_or(|s| day >= s) && self.until.is_none_or(|u| day <= u)
    }
}

/// What a scan read of one ref: its tip and the days it covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RefRead {
    pub ref_name: String,
    pub tip: String,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl RefRead {
    /// Whether what was read from this tip covers `range`: then nothing behind the tip
    /// needs reading again.
    fn covers(&self, range: Range) -> bool {
        let since_ok = match (self.since, range.since) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(old), Some(new)) => old <= new,
        };
        since_ok && self.until.is_none()
    }
}

/// A document added under a well-known path: an RFC, an ADR, a design doc...
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AddedDoc {
    pub path: String,
    pub kind: ArtifactKind,
    pub title: String,
}

/// One of the engineer's commits (or a request merged by them), as capture needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CommitRead {
    pub id: String,
    pub day: NaiveDate,
    pub subject: String,
    /// The message, cut to what the phrase parser reads.
    pub message: String,
    pub files_changed: u32,
    /// The folders the change touched (`api`, `services/billing`), most touched first.
    pub areas: Vec<(String, u32)>,
    pub added_docs: Vec<AddedDoc>,
    pub request: Option<Request>,
    /// A merge commit: it names a request, and its files are the branch's, not counted.
    pub merge: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagRead {
    pub name: String,
    pub day: NaiveDate,
}

/// What a scan read of one repository.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RepoRead {
    /// Its identity across scans and clones: the remote's host and path, else its folder.
    pub key: String,
    pub name: String,
    pub path: String,
    pub remote: Option<Remote>,
    /// The engineer's commits read, newest first.
    pub commits: Vec<CommitRead>,
    pub tags: Vec<TagRead>,
    /// The tips read, to remember for the next scan.
    pub refs: Vec<RefRead>,
    pub commits_read: u64,
    pub partly: Option<String>,
}

/// Why a repository was not read.
#[derive(Debug)]
pub(crate) enum Unreadable {
    Cancelled,
    Skip(String),
}

/// The most of a message read: a 5 MB message is read for its first 64 KiB.
const MESSAGE_CAP: usize = 64 * 1024;
/// A document's title is looked for in its first bytes only.
const TITLE_CAP: usize = 16 * 1024;
/// The cache of decoded objects of each thread reading a repository.
const OBJECT_CACHE: usize = 32 * 1024 * 1024;
/// Files one commit's change is counted to; a vendoring commit of 100,000 files stops here.
const FILES_CAP: u32 = 20_000;

pub(crate) fn configured_identities() -> Vec<String> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut paths = Vec::new();
    if let Some(global) = std::env::var_os("GIT_CONFIG_GLOBAL") {
        paths.push(PathBuf::from(global));
    } else {
        let xdg = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".config")));
        if let Some(xdg) = xdg {
            paths.push(xdg.join("git/config"));
        }
        if let Some(home) = &home {
            paths.push(home.join(".gitconfig"));
        }
    }
    let mut found = Vec::new();
    for path in paths.into_iter().filter(|p| p.is_file()) {
        let Ok(file) = gix::config::File::from_path_no_includes(path, gix::config::Source::User)
        else {
            continue;
        };
        for key in ["user.email", "user.name"] {
            if let Some(value) = file.string(key) {
                let value = value.to_str_lossy().trim().to_string();
                if !value.is_empty() && !found.contains(&value) {
                    found.push(value);
                }
            }
        }
    }
    found
}

/// Whose work a commit is: an email matches an email, a name a name, in any case.
struct Identities {
    emails: Vec<String>,
    names: HashSet<String>,
}

impl Identities {
    fn new(identities: &[String]) -> Identities {
        let mut emails = Vec::new();
        let mut names = HashSet::new();
        for identity in identities {
            let identity = identity.trim().trim_start_matches('<').trim_end_matches('>');
            if identity.contains('@') {
                emails.push(identity.to_lowercase());
            } else {
                names.insert(identity.to_lowercase());
            }
        }
        Identities { emails, names }
    }

    fn matches(&self, name: &[u8], email: &[u8]) -> bool {
        // Emails are ASCII in practice: compared without allocating, once per commit.
        let email = email.trim();
        if self.emails.iter().any(|e| e.as_bytes().eq_ignore_ascii_case(email)) {
            return true;
        }
        if !email.is_ascii() && self.emails.contains(&email.to_str_lossy().to_lowercase()) {
            return true;
        }
        !self.names.is_empty() && self.names.contains(&name.to_str_lossy().trim().to_lowercase())
    }

    fn is_empty(&self) -> bool {
        self.emails.is_empty() && self.names.is_empty()
    }
}

/// The day of a signature in the signer's own time zone.
fn day_of(time: gix::date::Time) -> Option<NaiveDate> {
    let local = time.seconds.checked_add(i64::from(time.offset))?;
    DateTime::from_timestamp(local, 0).map(|t| t.date_naive())
}

/// Opens the repository with only its own configuration, no environment, and never the
/// git binary: what is read is the same on every machine, and nothing runs.
fn open(path: &Path) -> gix::Result<gix::Repository> {
    gix::open_opts(path, gix::open::Options::isolated().strict_config(false))
}

/// Reads the repository at `path`; `progress` hears the count of commits read.
pub(crate) fn read(
    path: &Path,
    identities: &[String],
    range: Range,
    reads: &dyn Fn(&str) -> Vec<RefRead>,
    cancel: &Cancel,
    progress: &mut dyn FnMut(u64),
) -> Result<RepoRead, Unreadable> {
    let who = Identities::new(identities);
    if who.is_empty() {
        return Err(Unreadable::Skip(
            "no identity to match commits against: add your email in Settings > Capture".into(),
        ));
    }
    let mut repo = match open(path) {
        Ok(repo) => repo,
        Err(e) => {
            return Err(Unreadable::Skip(format!("is not a git repository we can read ({e})")))
        }
    };
    repo.object_cache_size_if_unset(OBJECT_CACHE);
    let remote = remote_of(&repo);
    let key = match &remote {
        Some(r) => format!("{}/{}", r.host, r.path.to_lowercase()),
        None => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
        }
    };
    let name = remote
        .as_ref()
        .and_then(|r| r.path.rsplit('/').next().map(str::to_string))
        .unwrap_or_else(|| super::discover::display_name(path));

    let mut partly = Vec::new();
    let tips = tips(&repo, &mut partly);
    if tips.is_empty() {
        return Err(Unreadable::Skip("has no commits yet".into()));
    }
    let earlier = reads(&key);
    let hidden: Vec<ObjectId> = earlier
        .iter()
        .filter(|r| r.covers(range))
        .filter_map(|r| ObjectId::from_hex(r.tip.as_bytes()).ok())
        .filter(|id| repo.has_object(id))
        .collect();
    let shallow = repo.is_shallow().unwrap_or(false);
    if shallow {
        partly.push("a shallow clone: history before its cut is not here".to_string());
    }

    // Committer time is never before author time, so a cut a day before `since` loses
    // nothing in range.
    let cutoff = range
        .since
        .and_then(|since| since.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp() - 14 * 3600);
    let mut walk = Walk::new(&repo, cutoff);
    for id in &hidden {
        walk.push(*id, true);
    }
    for (_, id) in &tips {
        walk.push(*id, false);
    }

    // Commits are read here, in walk order; their changes are counted on other threads
    // (a tree comparison reads about as many objects as the walk itself).
    let mut commits: Vec<CommitRead> = Vec::new();
    let mut commits_read = 0u64;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let (jobs, queue) = std::sync::mpsc::channel::<(usize, Job)>();
    let queue = std::sync::Mutex::new(queue);
    let (counted_tx, counted) = std::sync::mpsc::channel::<(usize, Result<Counted, String>)>();
    let walked = std::thread::scope(|scope| {
        for _ in 0..workers {
            let (queue, counted_tx) = (&queue, counted_tx.clone());
            scope.spawn(move || {
                // Each thread opens the repository for itself (gix's handles are per thread).
                let Ok(mut repo) = open(path) else { return };
                repo.object_cache_size_if_unset(OBJECT_CACHE);
                loop {
                    let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((index, job)) = job else { break };
                    if cancel.is_cancelled() {
                        break;
                    }
                    if counted_tx.send((index, count_change(&repo, job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(counted_tx);
        // Moved in, so it is dropped when the walk ends (or is cancelled): the workers
        // then finish what is queued and stop.
        let jobs = jobs;
        while let Some(next) = walk.next() {
            if commits_read.is_multiple_of(256) {
                if cancel.is_cancelled() {
                    return Err(Unreadable::Cancelled);
                }
                progress(commits_read);
            }
            commits_read += 1;
            match read_commit(&repo, &next, &who, range) {
                Ok(Some((commit, job))) => {
                    if let Some(job) = job {
                        // A worker gone means a panic there; the scope reports it.
                        let _ = jobs.send((commits.len(), job));
                    }
                    commits.push(commit);
                }
                Ok(None) => {}
                Err(e) => {
                    partly.push(format!("commit {} could not be read ({e})", short(&next.id)))
                }
            }
        }
        Ok(())
    });
    walked?;
    let mut failed = Vec::new();
    for (index, result) in counted.try_iter() {
        match result {
            Ok(c) => {
                let commit = &mut commits[index];
                (commit.files_changed, commit.areas, commit.added_docs) =
                    (c.files, c.areas, c.docs);
            }
            Err(e) => failed.push((index, e)),
        }
    }
    failed.sort();
    for (index, e) in failed.into_iter().rev() {
        let commit = commits.remove(index);
        partly.push(format!("commit {} could not be read ({e})", &commit.id[..8]));
    }
    if let Some(missing) = walk.missing {
        // Past a shallow clone's cut, commits are missing by design: said once above.
        if !shallow {
            partly.push(format!("history stops at a missing or damaged commit ({missing})"));
        }
    }
    progress(commits_read);
    let tags = tags(&repo, &who, range);
    let refs = tips
        .iter()
        .map(|(name, id)| RefRead {
            ref_name: name.clone(),
            tip: id.to_string(),
            since: range.since,
            until: range.until,
        })
        .collect();
    partly.truncate(3);
    Ok(RepoRead {
        key,
        name,
        path: path.display().to_string(),
        remote,
        commits,
        tags,
        refs,
        commits_read,
        partly: (!partly.is_empty()).then(|| partly.join("; ")),
    })
}

fn short(id: &gix::oid) -> String {
    id.to_hex_with_len(8).to_string()
}

/// The web address of the repository: its `origin`, else its first remote with a URL.
fn remote_of(repo: &gix::Repository) -> Option<Remote> {
    let config = repo.config_snapshot();
    let mut names: Vec<String> =
        repo.remote_names().into_iter().map(|n| n.to_str_lossy().into_owned()).collect();
    names.sort_by_key(|n| n != "origin");
    names.into_iter().find_map(|name| {
        let url = config.string(format!("remote.{name}.url").as_str())?;
        Remote::parse(&url.to_str_lossy())
    })
}

/// Where history is read from: every local and remote branch, and HEAD when detached.
fn tips(repo: &gix::Repository, partly: &mut Vec<String>) -> Vec<(String, ObjectId)> {
    let mut tips = Vec::new();
    if let Ok(head) = repo.head() {
        if head.is_detached() {
            if let Some(id) = head.id() {
                tips.push(("HEAD".to_string(), id.detach()));
            }
        }
    }
    let Ok(platform) = repo.references() else {
        partly.push("its references cannot be read".into());
        return tips;
    };
    let lists = [platform.local_branches(), platform.remote_branches()];
    for list in lists {
        let Ok(list) = list else { continue };
        for reference in list {
            let Ok(mut reference) = reference else { continue };
            let name = reference.name().as_bstr().to_str_lossy().into_owned();
            if name.ends_with("/HEAD") {
                continue;
            }
            match reference.peel_to_id() {
                // A tip names its ref even when another ref points at the same commit.
                Ok(id) => tips.push((name, id.detach())),
                Err(_) => partly.push(format!("{name} points at a missing commit")),
            }
        }
    }
    tips.sort();
    tips
}

/// A commit read once and queued by its committer time, with what the walk needs of it.
struct Queued<'repo> {
    commit: gix::Commit<'repo>,
    parents: Vec<ObjectId>,
    tree: ObjectId,
    /// Reachable from a tip an earlier scan read: walked through, not yielded.
    hidden: bool,
    /// Older than the range: yielded no further down.
    old: bool,
}

/// A commit the walk yields, with its first parent's tree when the walk read it already.
pub(crate) struct Walked<'repo> {
    id: ObjectId,
    commit: gix::Commit<'repo>,
    parents: Vec<ObjectId>,
    first_parent_tree: Option<ObjectId>,
}

/// History newest first by committer time, from the tips down, each commit read once
/// (its data kept from being queued to being yielded); commits reachable from a hidden
/// tip are walked through but not yielded, and the walk ends when only they are left.
/// git's own `rev-list` works the same way.
struct Walk<'repo> {
    repo: &'repo gix::Repository,
    cutoff: Option<i64>,
    heap: std::collections::BinaryHeap<(i64, ObjectId)>,
    queued: std::collections::HashMap<ObjectId, Queued<'repo>>,
    seen: HashSet<ObjectId>,
    /// Queued commits that are not hidden: the walk ends when there are none.
    visible: usize,
    /// A commit that could not be read (past a shallow cut, or missing).
    missing: Option<String>,
}

impl<'repo> Walk<'repo> {
    fn new(repo: &'repo gix::Repository, cutoff: Option<i64>) -> Walk<'repo> {
        Walk {
            repo,
            cutoff,
            heap: Default::default(),
            queued: Default::default(),
            seen: HashSet::new(),
            visible: 0,
            missing: None,
        }
    }

    fn push(&mut self, id: ObjectId, hidden: bool) {
        if !self.seen.insert(id) {
            // Reached again from a hidden tip: hide it if it still waits.
            if let Some(q) = self.queued.get_mut(&id).filter(|q| hidden && !q.hidden) {
                q.hidden = true;
                self.visible -= 1;
            }
            return;
        }
        let read = self.repo.find_commit(id).map_err(|e| e.to_string()).and_then(|commit| {
            let (time, parents, tree) = {
                let decoded = commit.decode().map_err(|e| e.to_string())?;
                let time = decoded.committer().map_err(|e| e.to_string())?.seconds();
                (time, decoded.parents().collect(), decoded.tree())
            };
            Ok((time, parents, tree, commit))
        });
        match read {
            Ok((time, parents, tree, commit)) => {
                let old = self.cutoff.is_some_and(|cut| time < cut);
                self.heap.push((time, id));
                self.queued.insert(id, Queued { commit, parents, tree, hidden, old });
                if !hidden {
                    self.visible += 1;
                }
            }
            Err(e) => {
                if self.missing.is_none() && !hidden {
                    self.missing = Some(format!("{}: {e}", short(&id)));
                }
            }
        }
    }

    fn next(&mut self) -> Option<Walked<'repo>> {
        while self.visible > 0 {
            let (_, id) = self.heap.pop()?;
            let Some(q) = self.queued.remove(&id) else { continue };
            if !q.hidden {
                self.visible -= 1;
            }
            // Hidden commits carry the mark down; commits older than the range end there.
            if q.hidden || !q.old {
                for parent in &q.parents {
                    self.push(*parent, q.hidden);
                }
            }
            if q.hidden || q.old {
                continue;
            }
            let first_parent_tree =
                q.parents.first().and_then(|p| self.queued.get(p)).map(|p| p.tree);
            return Some(Walked { id, commit: q.commit, parents: q.parents, first_parent_tree });
        }
        None
    }
}

/// Two trees whose difference is a commit's change.
struct Job {
    old: Option<ObjectId>,
    new: ObjectId,
}

/// A commit's change counted: files, the folders they are in, documents added.
struct Counted {
    files: u32,
    areas: Vec<(String, u32)>,
    docs: Vec<AddedDoc>,
}

/// The commit when it is the engineer's work in `range`, with the trees to compare for
/// its change (none for a merge, or when its parent is not in the repository).
fn read_commit(
    repo: &gix::Repository,
    walked: &Walked<'_>,
    who: &Identities,
    range: Range,
) -> Result<Option<(CommitRead, Option<Job>)>, String> {
    let id = walked.id;
    let decoded = walked.commit.decode().map_err(|e| e.to_string())?;
    let author = decoded.author().map_err(|e| e.to_string())?;
    let parents = &walked.parents;
    let merge = parents.len() > 1;
    let mine = who.matches(author.name, author.email);
    // Most commits of a shared repository are someone else's: passed over before any work.
    if !merge && !mine {
        return Ok(None);
    }
    let Some(day) = author.time().ok().and_then(day_of) else { return Ok(None) };
    if !range.holds(day) {
        return Ok(None);
    }
    let raw = decoded.message;
    let cut = &raw[..raw.len().min(MESSAGE_CAP)];
    let message = cut.to_str_lossy().into_owned();
    let request = phrases::request(&message);
    if merge {
        // A merge tells of a request; it is theirs when they merged it or wrote its branch.
        let Some(request) = request else { return Ok(None) };
        let branch_mine = mine
            || parents.get(1).is_some_and(|p| {
                repo.find_commit(*p).ok().is_some_and(|c| {
                    c.decode()
                        .ok()
                        .and_then(|d| d.author().ok().map(|a| who.matches(a.name, a.email)))
                        .unwrap_or(false)
                })
            });
        if !branch_mine {
            return Ok(None);
        }
        return Ok(Some((
            CommitRead { merge: true, ..bare(id, day, message, Some(request)) },
            None,
        )));
    }
    if !mine {
        return Ok(None);
    }
    let tree = decoded.tree();
    let parent_tree = match (parents.first(), walked.first_parent_tree) {
        (None, _) => None,
        (Some(_), Some(tree)) => Some(tree),
        (Some(p), None) => match repo.find_commit(*p).and_then(|c| Ok(c.tree_id()?.detach())) {
            Ok(t) => Some(t),
            // The parent is past a shallow cut or missing: count the change as unknown.
            Err(_) => return Ok(Some((bare(id, day, message, request), None))),
        },
    };
    Ok(Some((bare(id, day, message, request), Some(Job { old: parent_tree, new: tree }))))
}

/// Counts a commit's change: the files, the folders they are in, the documents added.
fn count_change(repo: &gix::Repository, job: Job) -> Result<Counted, String> {
    let mut change = Change::default();
    if let Err(e) = diff(repo, job.old, Some(job.new), "", &mut change) {
        if change.files == 0 {
            return Err(e);
        }
    }
    let mut areas: Vec<(String, u32)> = change.areas.into_iter().collect();
    areas.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let added_docs = change
        .added
        .into_iter()
        .filter_map(|(path, blob)| {
            let kind = doc_kind(&path)?;
            let title = doc_title(repo, blob).unwrap_or_else(|| title_from_name(&path));
            Some(AddedDoc { path, kind, title })
        })
        .collect();
    Ok(Counted { files: change.files, areas, docs: added_docs })
}

/// A commit without its change counted: a merge, or a commit whose parent is not in the
/// repository (past a shallow cut).
fn bare(id: ObjectId, day: NaiveDate, message: String, request: Option<Request>) -> CommitRead {
    CommitRead {
        id: id.to_string(),
        day,
        subject: phrases::subject(&message),
        message,
        files_changed: 0,
        areas: Vec::new(),
        added_docs: Vec::new(),
        request,
        merge: false,
    }
}

#[derive(Default)]
struct Change {
    files: u32,
    areas: std::collections::HashMap<String, u32>,
    /// Files added under a folder that may hold documents, with their blob.
    added: Vec<(String, ObjectId)>,
}

/// Folders whose children are the areas: `services/billing` says more than `services`.
const AREA_ROOTS: &[&str] =
    &["apps", "crates", "libs", "packages", "services", "cmd", "internal", "pkg", "modules", "src"];

fn area_of(path: &str) -> String {
    let mut parts = path.split('/');
    let first = parts.next().unwrap_or_default();
    let second = parts.next();
    match (second, parts.next()) {
        // A file at the top level: the repository's root.
        (None, _) => "(top level)".to_string(),
        (Some(second), Some(_)) if AREA_ROOTS.contains(&first) => format!("{first}/{second}"),
        _ => first.to_string(),
    }
}

/// Counts what changed between two trees, walking only the subtrees that differ.
fn diff(
    repo: &gix::Repository,
    old: Option<ObjectId>,
    new: Option<ObjectId>,
    prefix: &str,
    change: &mut Change,
) -> Result<(), String> {
    if change.files >= FILES_CAP {
        return Ok(());
    }
    let find = |id: Option<ObjectId>| id.map(|id| repo.find_tree(id)).transpose();
    let (old_tree, new_tree) = (find(old), find(new));
    let (old_tree, new_tree) =
        (old_tree.map_err(|e| e.to_string())?, new_tree.map_err(|e| e.to_string())?);
    // Entries borrowed from the trees' bytes: nothing is copied per entry.
    let (old_entries, new_entries) = (entries(&old_tree)?, entries(&new_tree)?);
    let (mut i, mut j) = (0, 0);
    while i < old_entries.len() || j < new_entries.len() {
        // Both lists are in git's order; names compared as bytes keep them in step well
        // enough (a name that sorts apart only costs a delete and an add).
        let ordering = match (old_entries.get(i), new_entries.get(j)) {
            (Some(a), Some(b)) => a.name.cmp(b.name),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let (before, after) = match ordering {
            std::cmp::Ordering::Less => {
                i += 1;
                (old_entries.get(i - 1), None)
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                (None, new_entries.get(j - 1))
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                (old_entries.get(i - 1), new_entries.get(j - 1))
            }
        };
        if let (Some(a), Some(b)) = (before, after) {
            if a.id == b.id && a.tree == b.tree {
                continue;
            }
        }
        let name = before.or(after).map(|e| e.name.to_str_lossy()).unwrap_or_default();
        let path = if prefix.is_empty() { name.into_owned() } else { format!("{prefix}/{name}") };
        let tree_of = |e: Option<&Entry>| e.filter(|e| e.tree).map(|e| e.id);
        let (old_sub, new_sub) = (tree_of(before), tree_of(after));
        if old_sub.is_some() || new_sub.is_some() {
            diff(repo, old_sub, new_sub, &path, change)?;
        }
        let file_of = |e: Option<&Entry>| e.filter(|e| !e.tree).map(|e| e.id);
        let (old_file, new_file) = (file_of(before), file_of(after));
        if old_file.is_some() || new_file.is_some() {
            change.files += 1;
            let area = area_of(&path);
            match change.areas.get_mut(&area) {
                Some(n) => *n += 1,
                None => {
                    change.areas.insert(area, 1);
                }
            }
            if let (None, Some(blob)) = (old_file, new_file) {
                if could_be_doc(&path) {
                    change.added.push((path, blob));
                }
            }
            if change.files >= FILES_CAP {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// A tree's entries borrowed from its bytes (nothing copied per entry), gitlinks left out.
fn entries<'t>(tree: &'t Option<gix::Tree<'_>>) -> Result<Vec<Entry<'t>>, String> {
    let Some(tree) = tree else { return Ok(Vec::new()) };
    let decoded = tree.decode().map_err(|e| e.to_string())?;
    Ok(decoded
        .entries
        .iter()
        .filter(|e| !e.mode.is_commit())
        .map(|e| Entry { name: e.filename.as_ref(), tree: e.mode.is_tree(), id: e.oid.to_owned() })
        .collect())
}

/// A tree entry as the comparison needs it (gitlinks of submodules left out).
struct Entry<'a> {
    name: &'a [u8],
    tree: bool,
    id: ObjectId,
}

fn could_be_doc(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".md", ".markdown", ".rst", ".adoc", ".txt", ".org"].iter().any(|ext| lower.ends_with(ext))
}

/// The kind of document a path holds by the conventions teams use for them.
pub(crate) fn doc_kind(path: &str) -> Option<ArtifactKind> {
    let lower = path.to_lowercase();
    if !could_be_doc(&lower) {
        return None;
    }
    let (folders, file) = match lower.rsplit_once('/') {
        Some((folders, file)) => (folders.to_string(), file.to_string()),
        None => (String::new(), lower.clone()),
    };
    let stem = file.split('.').next().unwrap_or_default();
    let generic = ["readme", "index", "_index", "summary", "changelog", "license", "contributing"];
    if generic.contains(&stem) || stem.contains("template") {
        return None;
    }
    let has = |names: &[&str]| folders.split('/').any(|f| names.contains(&f));
    if has(&["adr", "adrs", "decisions", "decision-records", "architecture-decisions"])
        || stem.starts_with("adr-")
        || stem.starts_with("adr_")
    {
        Some(ArtifactKind::Adr)
    } else if has(&["rfc", "rfcs", "proposals", "kep", "keps"])
        || stem.starts_with("rfc-")
        || stem.starts_with("rfc_")
    {
        Some(ArtifactKind::Rfc)
    } else if has(&["postmortem", "postmortems", "post-mortems", "incidents", "incident-reviews"]) {
        Some(ArtifactKind::Postmortem)
    } else if has(&["runbook", "runbooks", "playbooks"]) {
        Some(ArtifactKind::Runbook)
    } else if has(&["design", "designs", "design-docs", "design_docs", "design-documents"])
        || stem.ends_with("-design")
        || stem.starts_with("design-")
    {
        Some(ArtifactKind::DesignDoc)
    } else {
        None
    }
}

/// A document's first heading: `# Title`, a `title:` in front matter, or an underlined line.
fn doc_title(repo: &gix::Repository, blob: ObjectId) -> Option<String> {
    let object = repo.find_object(blob).ok()?;
    let text = object.data[..object.data.len().min(TITLE_CAP)].to_str_lossy().into_owned();
    title_in(&text)
}

pub(crate) fn title_in(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().take(60).collect();
    let clean = |t: &str| -> Option<String> {
        let t = t.trim().trim_matches(['"', '\'']).trim();
        (!t.is_empty()).then(|| t.chars().take(200).collect())
    };
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some(title) = trimmed.strip_prefix("title:") {
            if let Some(t) = clean(title) {
                return Some(t);
            }
        }
        if let Some(title) = trimmed.strip_prefix("# ") {
            return clean(title);
        }
        if let Some(next) = lines.get(n + 1) {
            let next = next.trim();
            if !trimmed.is_empty()
                && next.len() >= 3
                && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-'))
                && n < 10
            {
                return clean(trimmed);
            }
        }
    }
    None
}

/// "0007-use-postgres-for-the-ledger.md" -> "Use postgres for the ledger".
pub(crate) fn title_from_name(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let stem = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
    let words = stem.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => file.to_string(),
    }
}

/// Annotated tags the engineer made in `range`.
fn tags(repo: &gix::Repository, who: &Identities, range: Range) -> Vec<TagRead> {
    let Ok(platform) = repo.references() else { return Vec::new() };
    let Ok(list) = platform.tags() else { return Vec::new() };
    let mut found = Vec::new();
    for reference in list.flatten().take(10_000) {
        let Ok(object) = repo.find_object(reference.id().detach()) else { continue };
        if object.kind != gix::object::Kind::Tag {
            continue;
        }
        let Ok(tag) = object.try_to_tag_ref() else { continue };
        let Ok(Some(tagger)) = tag.tagger() else { continue };
        if !who.matches(tagger.name, tagger.email) {
            continue;
        }
        let Some(day) = tagger.time().ok().and_then(day_of) else { continue };
        if range.holds(day) {
            found.push(TagRead { name: tag.name.to_str_lossy().into_owned(), day });
        }
    }
    found.sort_by(|a, b| b.day.cmp(&a.day).then_with(|| a.name.cmp(&b.name)));
    found
}
