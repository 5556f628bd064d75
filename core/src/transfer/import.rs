//! Imports from other tools (JSON Resume, LinkedIn's data export, Day One) and from a
//! Markdown folder, all through one shape: a reader turns its source into an
//! [`ImportPlan`] (a whole-journal document whose entries carry UUIDs derived from the
//! source's own records, plus what it skipped and why), and the store merges the plan in
//! one transaction. A preview is the same merge rolled back, so what it counts is exactly
//! what confirming does; importing the same source twice adds nothing.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::{FileBullet, FileEntry, ImportReport, JournalFile, FORMAT, VERSION};
use crate::journal::EntryKind;
use crate::macros::text_enum;
use crate::profile::Profile;
use crate::{Error, Result};

text_enum!(
    /// Where an import comes from.
    ImportSource {
        Journal = "journal" ("Career Log journal"),
        Jrnl = "jrnl",
        JsonResume = "json-resume" ("JSON Resume"),
        Linkedin = "linkedin" ("LinkedIn data export"),
        Dayone = "dayone" ("Day One"),
        Markdown = "markdown" ("Markdown folder"),
    }
);

/// How an entry already in the journal (same UUID) meets the one in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// The side changed last wins (whole-journal files, and sources whose records carry
    /// a fixed time, so a re-import changes nothing and an entry edited here stays).
    NewerWins,
    /// The source wins wherever it says something else (a Markdown folder edited in
    /// another editor: its files are the engineer's latest words).
    SourceWins,
}

/// Something in the source that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Skip {
    /// Where: "Photos (3)", "archive file Connections.csv", "entry 4 (\"Trip\")".
    pub what: String,
    pub why: String,
}

/// A source read and ready to merge.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub source: ImportSource,
    pub file: JournalFile,
    pub existing: Existing,
    pub skipped: Vec<Skip>,
    /// Where each entry came from in the source, for messages ("work 2 (\"Staff…\")");
    /// parallel to `file.entries`, or empty to name entries by their place in the file.
    pub places: Vec<String>,
}

impl ImportPlan {
    /// An empty plan for `source`, to be filled by its reader.
    pub fn new(source: ImportSource, existing: Existing) -> ImportPlan {
        ImportPlan {
            source,
            file: JournalFile {
                format: FORMAT.to_string(),
                version: VERSION,
                entries: Vec::new(),
                bullets: Vec::new(),
                checklists: Vec::new(),
                profile: None,
                variants: Vec::new(),
                settings: Default::default(),
                templates: Vec::new(),
                packet_edits: Vec::new(),
            },
            existing,
            skipped: Vec::new(),
            places: Vec::new(),
        }
    }

    /// Adds an entry of `kind` whose UUID derives from `key` (stable across imports of
    /// the same source), stamped `at` (RFC 3339), found at `place` in the source;
    /// returns its UUID for links.
    pub fn entry(
        &mut self,
        kind: EntryKind,
        key: &str,
        at: &str,
        fields: Value,
        place: &str,
    ) -> String {
        let uuid = source_uuid(self.source, key);
        self.places.push(place.to_string());
        self.file.entries.push(FileEntry {
            kind,
            uuid: uuid.clone(),
            created_at: at.to_string(),
            updated_at: at.to_string(),
            fields,
        });
        uuid
    }

    /// A resume bullet in the engineer's own words (marked edited, so regenerating the
    /// bullets keeps it), stating `source` (`metric:UUID` or `note:UUID`) of `project`.
    pub fn bullet(&mut self, project: &str, source: &str, text: &str, position: u32) {
        let (_, source_uuid_part) = source.split_once(':').unwrap_or(("", source));
        self.file.bullets.push(FileBullet {
            uuid: source_uuid(self.source, &format!("bullet:{source}")),
            project: project.to_string(),
            source_key: source.to_string(),
            text: text.to_string(),
            generated_text: text.to_string(),
            edited: true,
            included: true,
            position,
            sources: vec![project.to_string(), source_uuid_part.to_string()],
        });
    }

    /// Whether an entry whose UUID derives from `key` is already in the plan: the same
    /// record met twice in one source.
    pub fn holds(&self, key: &str) -> bool {
        let uuid = source_uuid(self.source, key);
        self.file.entries.iter().any(|e| e.uuid == uuid)
    }

    pub fn skip(&mut self, what: impl Into<String>, why: impl Into<String>) {
        self.skipped.push(Skip { what: what.into(), why: why.into() });
    }

    /// Puts each skill (a name and the keywords that also name it) on every position or
    /// project whose words name it; a skill named nowhere goes on the latest one, so the
    /// journal's skills and the resume's Skills list both hold it. With nothing to carry
    /// them, the skills are reported as not imported.
    pub fn place_skills(&mut self, carriers: &[Carrier], skills: &[(String, Vec<String>)]) {
        let latest = carriers
            .iter()
            .max_by_key(|c| (c.ended.is_none(), c.ended, c.started))
            .map(|c| c.uuid.clone());
        let mut unplaced = Vec::new();
        for (name, keywords) in skills {
            let mut on_any = false;
            for c in carriers {
                if mentions(&c.text, name) || keywords.iter().any(|k| mentions(&c.text, k.trim())) {
                    self.add_skill(&c.uuid, name);
                    on_any = true;
                }
            }
            if !on_any {
                match &latest {
                    Some(uuid) => self.add_skill(uuid, name),
                    None => unplaced.push(name.clone()),
                }
            }
        }
        if !unplaced.is_empty() {
            self.skip(
                format!("skills ({})", unplaced.join(", ")),
                "there is no position or project to carry them",
            );
        }
    }

    fn add_skill(&mut self, entry: &str, skill: &str) {
        let Some(entry) = self.file.entries.iter_mut().find(|e| e.uuid == entry) else {
            return;
        };
        if let Some(Value::Array(skills)) = entry.fields.get_mut("skills") {
            let taken =
                skills.iter().any(|s| s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(skill)));
            if !taken {
                skills.push(Value::String(skill.to_string()));
            }
        }
    }
}

/// A position or project of a source that can carry skills: its UUID in the plan, its
/// words (title, summary, highlights) and its dates.
#[derive(Debug, Clone)]
pub struct Carrier {
    pub uuid: String,
    pub text: String,
    pub ended: Option<chrono::NaiveDate>,
    pub started: Option<chrono::NaiveDate>,
}

/// Whether `text` names `word` as a whole word, in any case.
pub fn mentions(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    if word.is_empty() {
        return false;
    }
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        edge(before) && edge(after)
    })
}

/// Namespace of the UUIDs derived from imported records.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x2b5d_91c4_7e0a_4f6b_8c3d_6a1f_0e9b_7d24);

/// The UUID of the record `key` of a source: the same on every import of it.
pub fn source_uuid(source: ImportSource, key: &str) -> String {
    uuid::Uuid::new_v5(&NAMESPACE, format!("{}\u{1f}{key}", source.as_str()).as_bytes()).to_string()
}

/// One entry an import adds or changes, as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewItem {
    pub kind: EntryKind,
    pub title: String,
    /// The entry's day, when it has one (YYYY-MM-DD).
    #[ts(optional = nullable)]
    pub date: Option<String>,
    pub updated: bool,
}

/// What an import does (a preview) or did: the same counts either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub source: ImportSource,
    /// The file or folder read, as given.
    pub path: String,
    pub report: ImportReport,
    /// The first entries added or changed, in the source's order (at most `FIRST`).
    pub first: Vec<PreviewItem>,
    /// Resume bullets it adds (or for a journal file, adds or rewrites), in the
    /// engineer's words.
    pub bullets: u32,
    /// The profile fields it fills (only those empty here): "name", "headline"...
    pub profile: Vec<String>,
    pub skipped: Vec<Skip>,
    /// False for a preview (`--dry-run`): nothing was written.
    pub committed: bool,
}

/// How many entries a preview lists by name.
pub const FIRST: usize = 8;

/// Limits every reader keeps to: a source bigger than this is refused before it is read.
pub const MAX_ENTRIES: usize = 200_000;
pub const MAX_TEXT: usize = 100_000;

/// How far a running read of a source is, as the window shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgress {
    /// Files or rows read so far, of `total`.
    pub done: u64,
    pub total: u64,
}

/// Progress of a long read: `done` of `total` steps (files of an archive, rows).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Reads `path` as `source`: a file, or for a Markdown folder a directory.
pub fn read_source(source: ImportSource, path: &Path, progress: Progress) -> Result<ImportPlan> {
    match source {
        ImportSource::Journal => {
            let bytes = read_file(path)?;
            let mut plan = ImportPlan::new(source, Existing::NewerWins);
            plan.file = super::parse_journal_file(&bytes)?;
            Ok(plan)
        }
        ImportSource::Jrnl => super::jrnl::plan(&read_file(path)?),
        ImportSource::JsonResume => super::json_resume::plan(&read_file(path)?),
        ImportSource::Linkedin => super::linkedin::plan(path, progress),
        ImportSource::Dayone => super::dayone::plan(path, progress),
        ImportSource::Markdown => super::markdown::plan(path, progress),
    }
}

/// A file's bytes, refusing what is too big to be a journal before reading it.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?
        .len();
    if size > super::MAX_BYTES as u64 {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is {} MB; the limit is {} MB",
                path.display(),
                size >> 20,
                super::MAX_BYTES >> 20
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}

/// The profile fields `theirs` fills that `mine` leaves empty, by name.
pub fn profile_fills(mine: &Profile, theirs: &Profile) -> Vec<String> {
    let pairs: [(&str, bool, bool); 8] = [
        ("name", mine.name.is_none(), theirs.name.is_some()),
        ("headline", mine.headline.is_none(), theirs.headline.is_some()),
        ("email", mine.email.is_none(), theirs.email.is_some()),
        ("location", mine.location.is_none(), theirs.location.is_some()),
        ("summary", mine.summary.is_none(), theirs.summary.is_some()),
        ("experience", mine.band.is_none(), theirs.band.is_some()),
        ("role", mine.role.is_none(), theirs.role.is_some()),
        ("target role", mine.target_role.is_none(), theirs.target_role.is_some()),
    ];
    pairs.iter().filter(|(_, empty, given)| *empty && *given).map(|(n, ..)| n.to_string()).collect()
}

/// "Staff Engineer at Fabrikam": a job's title from its role and organization, or
/// whichever of the two the source gives; `None` with neither.
pub fn job_title(role: Option<&str>, organization: Option<&str>) -> Option<String> {
    match (role, organization) {
        (Some(role), Some(organization)) => Some(format!("{role} at {organization}")),
        (Some(only), None) | (None, Some(only)) => Some(only.to_string()),
        (None, None) => None,
    }
}

/// A job or project another tool lists, as it becomes a project entry.
pub struct Position<'a> {
    pub title: &'a str,
    pub organization: Option<&'a str>,
    pub role: Option<&'a str>,
    pub started: Option<chrono::NaiveDate>,
    pub ended: Option<chrono::NaiveDate>,
    pub summary: Option<&'a str>,
}

impl Position<'_> {
    /// The project entry's fields, with `skills`: shipped once it has ended.
    pub fn fields(&self, skills: &[&str]) -> Value {
        serde_json::json!({
            "title": self.title,
            "organization": self.organization,
            "role": self.role,
            "started_on": self.started,
            "ended_on": self.ended,
            "status": if self.ended.is_some() { "shipped" } else { "active" },
            "summary": self.summary,
            "tags": [],
            "skills": skills,
        })
    }

    /// Its stamp: the day it started, or ended.
    pub fn stamp(&self) -> String {
        day_stamp(self.started.or(self.ended).unwrap_or(EPOCH))
    }
}

/// Refuses a span that ends before it starts, saying where (`at`) and both days.
pub fn in_order(
    at: &str,
    started: Option<chrono::NaiveDate>,
    ended: Option<chrono::NaiveDate>,
) -> Result<()> {
    match (started, ended) {
        (Some(s), Some(e)) if e < s => {
            Err(super::refuse(format!("{at}: the end date ({e}) is before the start date ({s})")))
        }
        _ => Ok(()),
    }
}

/// The stamp of a record with no day at all.
pub const EPOCH: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();

/// A day as the stamp of a record that has no time of its own: midnight UTC.
pub fn day_stamp(day: chrono::NaiveDate) -> String {
    format!("{}T00:00:00.000Z", day.format("%Y-%m-%d"))
}

/// "a, b and c".
fn listed(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl ImportPreview {
    /// The preview as the CLI prints it: what it adds (or added), the first entries,
    /// what it skipped and why.
    pub fn in_words(&self) -> String {
        let r = &self.report;
        let kinds: Vec<String> = r.by_kind.iter().map(|k| k.kind.count(k.count)).collect();
        let from = match self.path.as_str() {
            "" => self.source.in_words().to_string(),
            path => format!("{path} ({})", self.source.in_words()),
        };
        let verb = if self.committed { "Imported" } else { "Would import" };
        let mut out = format!(
            "{verb} from {from}: {} added, {} updated, {} already there",
            r.added, r.updated, r.unchanged
        );
        if !kinds.is_empty() {
            out.push_str(&format!(" ({})", listed(&kinds)));
        }
        if self.bullets > 0 {
            out.push_str(&format!("; {} resume bullets in your words", self.bullets));
        }
        if !self.profile.is_empty() {
            out.push_str(&format!("; fills the profile's {}", listed(&self.profile)));
        }
        out.push('.');
        if !self.first.is_empty() {
            out.push_str("\nFirst:");
            for item in &self.first {
                let date = item.date.as_deref().map(|d| format!("  {d}")).unwrap_or_default();
                let updated = if item.updated { "  (updated)" } else { "" };
                out.push_str(&format!(
                    "\n  {:<10} {}{date}{updated}",
                    item.kind.words().0,
                    item.title
                ));
            }
        }
        if !self.skipped.is_empty() {
            out.push_str("\nNot imported:");
            for skip in &self.skipped {
                out.push_str(&format!("\n  {}: {}", skip.what, skip.why));
            }
        }
        if !self.committed {
            out.push_str("\nNothing was written (--dry-run).");
        }
        out
    }
}
