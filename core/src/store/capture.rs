//! The capture inbox's SQL: proposals and their source keys, the repositories read and
//! what was read of each ref. A scan's proposals go in in one transaction, or none do.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::journal::{ensure_project, now, save_in, Record};
use super::Journal;
use crate::capture::{
    self, Cancel, CaptureSettings, CaptureSetup, InboxPage, Proposal, ProposalCounts,
    ProposalSource, ProposalState, ProposedEntry, RefRead, ScanFound, ScanPlan, ScanProgress,
    ScanReport, ScanRequest, Triage,
};
use crate::journal::{EntryKind, NoteInput, Stored};
use crate::{Error, Form, Result};

/// The settings row capture keeps its sources in (machine paths: it does not travel).
const SETTINGS_KEY: &str = "capture";

const SELECT: &str = "SELECT p.id, p.kind, p.state, p.fields, p.source, r.project_id, pr.title,
        p.entry_id, p.created_at
    FROM proposals p
    LEFT JOIN capture_repos r ON r.key = p.repo_key
    LEFT JOIN projects pr ON pr.id = r.project_id";

fn proposal_row(r: &Row) -> rusqlite::Result<Proposal> {
    let kind: String = r.get(1)?;
    let fields: String = r.get(3)?;
    let source: String = r.get(4)?;
    let project_id: Option<i64> = r.get(5)?;
    let bad = |e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
    };
    let entry: ProposedEntry = serde_json::from_value(serde_json::json!({
        "kind": kind,
        "fields": serde_json::from_str::<serde_json::Value>(&fields).map_err(bad)?,
    }))
    .map_err(bad)?;
    Ok(Proposal {
        id: r.get(0)?,
        told: entry.told(),
        entry: entry.under(project_id),
        state: r.get(2)?,
        source: serde_json::from_str(&source).map_err(bad)?,
        project_id,
        project_title: r.get(6)?,
        entry_id: r.get(7)?,
        created_at: r.get(8)?,
    })
}

fn fields_json(entry: &ProposedEntry) -> String {
    let json = match entry {
        ProposedEntry::Project(f) => serde_json::to_string(f),
        ProposedEntry::Note(f) => serde_json::to_string(f),
        ProposedEntry::Artifact(f) => serde_json::to_string(f),
        ProposedEntry::Metric(f) => serde_json::to_string(f),
    };
    json.expect("proposals serialise")
}

fn get(conn: &rusqlite::Connection, id: i64) -> Result<Proposal> {
    conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?
        .query_row([id], proposal_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { what: format!("proposal {id}") })
}

fn open_count(conn: &rusqlite::Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM proposals WHERE state = 'open'")?
        .query_row([], |r| r.get(0))?)
}

fn set_state(
    tx: &Transaction,
    id: i64,
    state: ProposalState,
    entry_id: Option<i64>,
    created: bool,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE proposals SET state = ?2, entry_id = ?3, created_entry = ?4 WHERE id = ?1",
    )?
    .execute(params![id, state, entry_id, created])?;
    Ok(())
}

/// The open proposal `id`, or why it cannot be acted on.
fn open_one(tx: &Transaction, id: i64) -> Result<Proposal> {
    let proposal = get(tx, id)?;
    if proposal.state != ProposalState::Open {
        return Err(Error::invalid(
            "proposal",
            format!("proposal {id} was already {}", proposal.state.as_str()),
        ));
    }
    Ok(proposal)
}

fn repo_key_of(tx: &Transaction, id: i64) -> Result<String> {
    Ok(tx
        .prepare_cached("SELECT repo_key FROM proposals WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

fn map_repo(tx: &Transaction, repo_key: &str, project: Option<i64>) -> Result<()> {
    tx.prepare_cached("UPDATE capture_repos SET project_id = ?2 WHERE key = ?1")?
        .execute(params![repo_key, project])?;
    Ok(())
}

/// Writes the entry a proposal becomes; its id.
fn write_entry(tx: &Transaction, entry: ProposedEntry) -> Result<i64> {
    Ok(match entry {
        ProposedEntry::Project(input) => save_in(tx, None, input.validate()?)?.id(),
        ProposedEntry::Note(input) => save_in(tx, None, input.validate()?)?.id(),
        ProposedEntry::Artifact(input) => save_in(tx, None, input.validate()?)?.id(),
        ProposedEntry::Metric(input) => save_in(tx, None, input.validate()?)?.id(),
    })
}

/// Accepts the open proposal `id` within `tx`: as proposed or as `edited`, under
/// `project` (or its repository's project). A project proposal with `project` maps the
/// repository to that project instead of creating one.
fn accept_in(
    tx: &Transaction,
    id: i64,
    edited: Option<ProposedEntry>,
    project: Option<i64>,
) -> Result<()> {
    let proposal = open_one(tx, id)?;
    let repo_key = repo_key_of(tx, id)?;
    let entry = match edited {
        Some(edited) if edited.kind() != proposal.entry.kind() => {
            return Err(Error::invalid(
                "kind",
                format!(
                    "proposal {id} proposes a {}, not a {}",
                    proposal.entry.kind().as_str(),
                    edited.kind().as_str()
                ),
            ))
        }
        Some(edited) => edited,
        None => proposal.entry,
    };
    if let ProposedEntry::Project(_) = entry {
        if let Some(existing) = project {
            ensure_project(tx, existing)?;
            map_repo(tx, &repo_key, Some(existing))?;
            return set_state(tx, id, ProposalState::Accepted, Some(existing), false);
        }
        let new = write_entry(tx, entry)?;
        if proposal.project_id.is_none() {
            map_repo(tx, &repo_key, Some(new))?;
        }
        return set_state(tx, id, ProposalState::Accepted, Some(new), true);
    }
    let under = match project.or(proposal.project_id) {
        Some(p) => Some(p),
        // A note may stand alone; a metric or an artifact belongs to a project.
        None if entry.kind() == EntryKind::Note => None,
        None => {
            return Err(Error::invalid(
                "project_id",
                format!(
                    "choose the project this {} belongs to (or accept the {} repository's project first)",
                    entry.kind().as_str(),
                    proposal.source.repository
                ),
            ))
        }
    };
    let new = write_entry(tx, entry.under(under))?;
    set_state(tx, id, ProposalState::Accepted, Some(new), true)
}

impl Journal {
    /// Where capture looks and whose work it is.
    pub fn capture_settings(&self) -> Result<CaptureSettings> {
        let stored = self.setting(SETTINGS_KEY)?;
        // A row this build cannot read (from a newer one) reads as no settings yet.
        Ok(stored.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
    }

    /// The settings with the defaults that stand in for what they leave empty.
    pub fn capture_setup(&self) -> Result<CaptureSetup> {
        Ok(CaptureSetup {
            settings: self.capture_settings()?,
            configured_identities: capture::configured_identities(),
            default_exclusions: capture::DEFAULT_EXCLUSIONS.iter().map(|s| s.to_string()).collect(),
        })
    }

    /// Saves capture's folders, exclusions and identities, tidied: blanks and repeats go.
    pub fn save_capture_settings(&mut self, settings: CaptureSettings) -> Result<CaptureSettings> {
        let tidy = |items: Vec<String>| {
            let mut kept: Vec<String> = Vec::new();
            for item in items {
                let item = item.trim().to_string();
                if !item.is_empty() && !kept.contains(&item) {
                    kept.push(item);
                }
            }
            kept
        };
        let settings = CaptureSettings {
            folders: tidy(settings.folders),
            exclusions: tidy(settings.exclusions),
            identities: tidy(settings.identities),
        };
        for folder in &settings.folders {
            if !std::path::Path::new(folder).is_absolute() {
                return Err(Error::invalid(
                    "folders",
                    format!("\"{folder}\" is not a full path (it should start with /)"),
                ));
            }
        }
        if let Some(bad) = settings.exclusions.iter().find(|x| x.contains('/')) {
            return Err(Error::invalid(
                "exclusions",
                format!("\"{bad}\" is a path: exclusions are folder names, like node_modules"),
            ));
        }
        let value = serde_json::to_string(&settings).expect("settings serialise");
        super::settings::put_setting(&self.conn, SETTINGS_KEY, &value)?;
        Ok(settings)
    }

    /// What a scan needs from the journal: the settings and what earlier scans read.
    pub fn scan_plan(&self) -> Result<ScanPlan> {
        let mut reads: HashMap<String, Vec<RefRead>> = HashMap::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT repo_key, ref_name, tip, since, until FROM capture_reads")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                RefRead { ref_name: r.get(1)?, tip: r.get(2)?, since: r.get(3)?, until: r.get(4)? },
            ))
        })?;
        for row in rows {
            let (key, read) = row?;
            reads.entry(key).or_default().push(read);
        }
        Ok(ScanPlan { settings: self.capture_settings()?, reads })
    }

    /// Scans for the engineer's work and adds what it proposes to the inbox, all in one
    /// transaction: a cancel or a failure leaves the inbox as it was.
    pub fn capture_git(
        &mut self,
        request: &ScanRequest,
        today: NaiveDate,
        progress: &mut dyn FnMut(&ScanProgress),
        cancel: &Cancel,
    ) -> Result<ScanReport> {
        let found = capture::scan(&self.scan_plan()?, request, today, progress, cancel)?;
        cancel.check()?;
        self.add_scan(found)
    }

    /// Writes a scan's proposals, skipping every source proposed before.
    pub fn add_scan(&mut self, found: ScanFound) -> Result<ScanReport> {
        let ScanFound { repos, mut report } = found;
        let tx = self.conn.transaction()?;
        let created_at = now();
        let mut counts = ProposalCounts::default();
        for repo in repos {
            tx.prepare_cached(
                "INSERT INTO capture_repos (key, name, path, web_url) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET name = excluded.name, path = excluded.path,
                    web_url = excluded.web_url",
            )?
            .execute(params![repo.key, repo.name, repo.path, repo.web_url])?;
            let mapped: Option<i64> = tx
                .prepare_cached("SELECT project_id FROM capture_repos WHERE key = ?1")?
                .query_row([&repo.key], |r| r.get(0))?;
            // Which of the scan's sources were proposed before, in one query; keys are
            // then written in one statement: a first scan adds tens of thousands.
            let mut known: HashSet<String> = {
                let keys: Vec<&String> = repo.proposals.iter().flat_map(|p| &p.keys).collect();
                let keys = serde_json::to_string(&keys).expect("keys serialise");
                let mut statement = tx.prepare_cached(
                    "SELECT key FROM capture_keys WHERE key IN (SELECT value FROM json_each(?1))",
                )?;
                let rows = statement.query_map([keys], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let mut new_keys: Vec<(String, i64)> = Vec::new();
            let mut proposed = 0;
            for p in repo.proposals {
                let kind = p.entry.kind();
                let seen = p.keys.iter().any(|k| known.contains(k));
                if seen || (kind == EntryKind::Project && mapped.is_some()) {
                    report.already_proposed += 1;
                    continue;
                }
                tx.prepare_cached(
                    "INSERT INTO proposals (kind, repo_key, fields, source, dated_on, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    kind.as_str(),
                    repo.key,
                    fields_json(&p.entry),
                    serde_json::to_string(&p.source).expect("sources serialise"),
                    p.dated_on,
                    created_at,
                ])?;
                let id = tx.last_insert_rowid();
                for key in p.keys {
                    known.insert(key.clone());
                    new_keys.push((key, id));
                }
                counts.add(kind);
                proposed += 1;
            }
            tx.prepare_cached(
                "INSERT OR IGNORE INTO capture_keys (key, proposal_id)
                 SELECT value ->> 0, value ->> 1 FROM json_each(?1)",
            )?
            .execute([serde_json::to_string(&new_keys).expect("keys serialise")])?;
            for read in &repo.refs {
                tx.prepare_cached(
                    "INSERT INTO capture_reads (repo_key, ref_name, tip, since, until)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (repo_key, ref_name) DO UPDATE SET tip = excluded.tip,
                        since = excluded.since, until = excluded.until",
                )?
                .execute(params![repo.key, read.ref_name, read.tip, read.since, read.until])?;
            }
            report.repositories.push(capture::RepoReport { proposed, ..repo.report });
        }
        tx.commit()?;
        report.proposed = counts;
        Ok(report)
    }

    /// How many proposals wait in the inbox.
    pub fn inbox_count(&self) -> Result<u32> {
        open_count(&self.conn)
    }

    /// A page of the open proposals, newest work first.
    pub fn inbox_page(&self, offset: u32, limit: u32) -> Result<InboxPage> {
        let limit = limit.min(capture::MAX_INBOX_PAGE);
        let mut statement = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE p.state = 'open' ORDER BY p.dated_on DESC, p.id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let proposals = statement
            .query_map(params![limit, offset], proposal_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(InboxPage { proposals, total: open_count(&self.conn)? })
    }

    /// The proposal `id`, whatever its state.
    pub fn proposal(&self, id: i64) -> Result<Proposal> {
        get(&self.conn, id)
    }

    fn triage(
        &mut self,
        ids: &[i64],
        act: impl Fn(&Transaction, i64) -> Result<()>,
    ) -> Result<Triage> {
        if ids.is_empty() {
            return Err(Error::invalid("proposals", "choose at least one proposal"));
        }
        let tx = self.conn.transaction()?;
        for &id in ids {
            act(&tx, id)?;
        }
        let proposals = ids.iter().map(|&id| get(&tx, id)).collect::<Result<Vec<_>>>()?;
        let open = open_count(&tx)?;
        tx.commit()?;
        Ok(Triage { proposals, open })
    }

    /// Accepts the proposal `id` as proposed, or as `edited` (the same kind, from its
    /// form), under `project` when given.
    pub fn accept_proposal(
        &mut self,
        id: i64,
        edited: Option<ProposedEntry>,
        project: Option<i64>,
    ) -> Result<Triage> {
        let edited = std::cell::RefCell::new(edited);
        self.triage(&[id], |tx, id| accept_in(tx, id, edited.borrow_mut().take(), project))
    }

    /// Accepts the proposal `id` as its kind's form sent it (`input`, read and checked as
    /// the journal's own forms are), or as proposed when `input` is absent.
    pub fn accept_proposal_form(
        &mut self,
        id: i64,
        input: Option<serde_json::Value>,
        project: Option<i64>,
    ) -> Result<Triage> {
        let edited = match input {
            None => None,
            Some(value) => Some(match self.proposal(id)?.entry.kind() {
                EntryKind::Project => ProposedEntry::Project(Form::new(value).decode_entry()?),
                EntryKind::Note => ProposedEntry::Note(Form::new(value).decode_entry()?),
                EntryKind::Artifact => ProposedEntry::Artifact(Form::new(value).decode_entry()?),
                _ => ProposedEntry::Metric(Form::new(value).decode_entry()?),
            }),
        };
        self.accept_proposal(id, edited, project)
    }

    /// Accepts every proposal of `ids` as proposed: all of them, or none when one cannot be.
    pub fn accept_proposals(&mut self, ids: &[i64], project: Option<i64>) -> Result<Triage> {
        // Projects first, so the notes and metrics of the same repository land under them.
        let mut ordered: Vec<(bool, i64)> = Vec::new();
        for &id in ids {
            ordered.push((self.proposal(id)?.entry.kind() != EntryKind::Project, id));
        }
        ordered.sort();
        let ordered: Vec<i64> = ordered.into_iter().map(|(_, id)| id).collect();
        let mut triage = self.triage(&ordered, |tx, id| accept_in(tx, id, None, project))?;
        triage.proposals.sort_by_key(|p| ids.iter().position(|&i| i == p.id));
        Ok(triage)
    }

    /// Dismisses the proposals `ids`: their sources are never proposed again.
    pub fn dismiss_proposals(&mut self, ids: &[i64]) -> Result<Triage> {
        self.triage(ids, |tx, id| {
            open_one(tx, id)?;
            set_state(tx, id, ProposalState::Dismissed, None, false)
        })
    }

    /// Merges the notes `ids` into one proposed note that carries all their sources; the
    /// merged ones leave the inbox. Undo brings them back.
    pub fn merge_proposals(&mut self, ids: &[i64]) -> Result<Triage> {
        if ids.len() < 2 {
            return Err(Error::invalid("proposals", "choose two or more notes to merge"));
        }
        let tx = self.conn.transaction()?;
        let mut parts = Vec::new();
        for &id in ids {
            let p = open_one(&tx, id)?;
            if p.entry.kind() != EntryKind::Note {
                return Err(Error::invalid(
                    "proposals",
                    format!(
                        "only notes merge into one; proposal {id} is a {}",
                        p.entry.kind().as_str()
                    ),
                ));
            }
            parts.push((p, repo_key_of(&tx, id)?));
        }
        // Oldest first, as the work happened.
        parts.sort_by_key(|(p, _)| (p.source.last_on, p.id));
        let texts: Vec<String> = parts
            .iter()
            .filter_map(|(p, _)| match &p.entry {
                ProposedEntry::Note(n) => Some(n.text.clone()),
                _ => None,
            })
            .collect();
        let last = parts.iter().filter_map(|(p, _)| p.source.last_on).max();
        let first = parts.iter().filter_map(|(p, _)| p.source.first_on).min();
        let mut repositories: Vec<String> = Vec::new();
        let mut commits: Vec<String> = Vec::new();
        for (p, _) in &parts {
            if !repositories.contains(&p.source.repository) {
                repositories.push(p.source.repository.clone());
            }
            commits.extend(p.source.commits.iter().cloned());
        }
        let (head, repo_key) = (&parts[parts.len() - 1].0, parts[parts.len() - 1].1.clone());
        let note = ProposedEntry::Note(NoteInput {
            project_id: None,
            date: last,
            text: texts.join("\n\n"),
            labels: Default::default(),
        });
        let source = ProposalSource {
            repository: repositories.join(", "),
            commits,
            first_on: first,
            last_on: last,
            request: None,
            file: None,
            phrase: None,
            ..head.source.clone()
        };
        tx.prepare_cached(
            "INSERT INTO proposals (kind, repo_key, fields, source, dated_on, created_at)
             VALUES ('note', ?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            repo_key,
            fields_json(&note),
            serde_json::to_string(&source).expect("sources serialise"),
            last.unwrap_or_else(|| chrono::Utc::now().date_naive()),
            now(),
        ])?;
        let merged = tx.last_insert_rowid();
        for (p, _) in &parts {
            tx.prepare_cached(
                "UPDATE proposals SET state = 'merged', merged_into = ?2 WHERE id = ?1",
            )?
            .execute(params![p.id, merged])?;
        }
        let proposal = get(&tx, merged)?;
        let open = open_count(&tx)?;
        tx.commit()?;
        Ok(Triage { proposals: vec![proposal], open })
    }

    /// Takes back what was done to the proposals `ids`: an accepted one's entry goes to
    /// the trash (a repository mapped to an existing project is unmapped), a dismissed one
    /// comes back, a merge is split into the proposals it was made of.
    pub fn undo_proposals(&mut self, ids: &[i64]) -> Result<Triage> {
        let mut back = Vec::new();
        let tx = self.conn.transaction()?;
        for &id in ids {
            let p = get(&tx, id)?;
            let (created, repo_key): (bool, String) = tx
                .prepare_cached("SELECT created_entry, repo_key FROM proposals WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            match p.state {
                ProposalState::Accepted => {
                    if p.entry.kind() == EntryKind::Project {
                        map_repo(&tx, &repo_key, None)?;
                    }
                    if let (true, Some(entry)) = (created, p.entry_id) {
                        // Gone already (deleted since) is no reason to refuse the undo.
                        match super::trash::trash_in(&tx, entry) {
                            Ok(_) | Err(Error::NotFound { .. }) => {}
                            Err(e) => return Err(e),
                        }
                    }
                    set_state(&tx, id, ProposalState::Open, None, false)?;
                    back.push(id);
                }
                ProposalState::Dismissed => {
                    set_state(&tx, id, ProposalState::Open, None, false)?;
                    back.push(id);
                }
                ProposalState::Open => {
                    // A merged proposal: its parts come back and it goes.
                    let parts: Vec<i64> = tx
                        .prepare_cached("SELECT id FROM proposals WHERE merged_into = ?1")?
                        .query_map([id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    if parts.is_empty() {
                        return Err(Error::invalid(
                            "proposal",
                            format!("proposal {id} is in the inbox: there is nothing to undo"),
                        ));
                    }
                    tx.prepare_cached(
                        "UPDATE proposals SET state = 'open', merged_into = NULL WHERE merged_into = ?1",
                    )?
                    .execute([id])?;
                    tx.prepare_cached("DELETE FROM proposals WHERE id = ?1")?.execute([id])?;
                    back.extend(parts);
                }
                ProposalState::Merged => {
                    return Err(Error::invalid(
                        "proposal",
                        format!("proposal {id} was merged: undo the merge instead"),
                    ))
                }
            }
        }
        let proposals = back.iter().map(|&id| get(&tx, id)).collect::<Result<Vec<_>>>()?;
        let open = open_count(&tx)?;
        tx.commit()?;
        Ok(Triage { proposals, open })
    }
}
