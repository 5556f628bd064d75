//! SQL of the journal entries. Every write validates first, then runs in one transaction
//! that also keeps the tags, the skills and the search index in step with the entry.

use chrono::{NaiveDate, Utc};
use rusqlite::{named_params, params, OptionalExtension, Row, Transaction};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::Journal;
use crate::journal::{
    validate, Artifact, ArtifactInput, Decision, DecisionInput, EntryHead, EntryKind, Feedback,
    FeedbackInput, JournalOverview, Labels, Metric, MetricInput, Note, NoteFilter, NoteInput,
    NotePage, NoteRow, Project, ProjectDetail, ProjectFilter, ProjectInput, ProjectPage,
    ProjectSort, ProjectSummary, Stored,
};
use crate::{Error, Result};

/// Tags, skills and people of the entry aliased `e`, as JSON arrays in the engineer's order.
macro_rules! labels_sql {
    () => {
        "(SELECT json_group_array(name) FROM (SELECT name FROM labels \
           WHERE entry_id = e.id AND kind = 'tag' ORDER BY position)), \
         (SELECT json_group_array(name) FROM (SELECT name FROM labels \
           WHERE entry_id = e.id AND kind = 'skill' ORDER BY position)), \
         (SELECT json_group_array(person_id) FROM (SELECT person_id FROM entry_people \
           WHERE entry_id = e.id ORDER BY position))"
    };
}

/// The columns every entry's SELECT starts with, read by `head` and `labels`; the kind's
/// own columns follow from index `OWN`.
macro_rules! entry_select {
    ($($rest:tt)+) => {
        concat!("SELECT e.id, e.uuid, e.created_at, e.updated_at, e.private, ", $crate::store::journal::labels_sql!(), ", ", $($rest)+)
    };
}
pub(crate) use {entry_select, labels_sql};

/// Index of the first column of the kind's own table in an `entry_select!`.
pub(crate) const OWN: usize = 8;

const PROJECT_SELECT: &str = entry_select!(
    "p.title, p.organization, p.role, p.started_on, p.ended_on, p.scope, p.status, p.summary \
     FROM projects p JOIN entries e ON e.id = p.id"
);
const METRIC_SELECT: &str = entry_select!(
    "m.project_id, m.name, m.unit, m.baseline, m.result, m.better, m.measured_on, m.evidence, \
     m.target, m.measure_by FROM metrics m JOIN entries e ON e.id = m.id"
);
const DECISION_SELECT: &str = entry_select!(
    "d.project_id, d.title, d.context, d.options, d.chosen, d.tradeoffs, d.expected, \
     d.confidence, d.outcome, d.decided_on, d.review_on, d.goal, d.outcome_on \
     FROM decisions d JOIN entries e ON e.id = d.id"
);
const ARTIFACT_SELECT: &str = entry_select!(
    "a.project_id, a.kind, a.title, a.url, a.date FROM artifacts a JOIN entries e ON e.id = a.id"
);
const FEEDBACK_SELECT: &str = entry_select!(
    "f.project_id, f.source, f.date, f.text, f.rating, f.person_id, f.direction \
     FROM feedback f JOIN entries e ON e.id = f.id"
);
const NOTE_SELECT: &str =
    entry_select!("n.project_id, n.date, n.text FROM notes n JOIN entries e ON e.id = n.id");

/// An entry as kept in the trash or an export: identity, timestamps and its fields.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredEntry {
    pub kind: EntryKind,
    pub id: i64,
    pub uuid: String,
    pub created_at: String,
    pub updated_at: String,
    pub fields: serde_json::Value,
    /// For a person: the entries that pointed at them and were unlinked, not deleted, when
    /// they went to the trash; linked again on restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlinked: Option<Unlinked>,
}

/// The links to a trashed person from entries that stay in the journal.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Unlinked {
    /// Feedback from or to them.
    pub feedback: Vec<i64>,
    /// Entries that involved them, with the person's position in each entry's list.
    pub involved: Vec<(i64, i64)>,
}

/// What every kind of entry input knows about itself, so one write path and one read path
/// serve them all. Sealed: the trait is public in a private module, so other crates can
/// call `Journal::save` and `Journal::entry` with any kind but implement none.
pub trait Record: Serialize + DeserializeOwned + Sized {
    const KIND: EntryKind;
    /// Every entry of the kind, one row each (`entry_select!`, aliasing `entries` as `e`).
    const SELECT: &'static str;
    /// What `Journal::save` answers with: the entry as read back.
    type Full: Stored<Input = Self>;
    /// One row of `SELECT` as the entry it holds.
    fn row(r: &Row) -> rusqlite::Result<Self::Full>;
    /// Tidies the input or names the first field that breaks a rule.
    fn validate(self) -> Result<Self>;
    fn project_id(&self) -> Option<i64> {
        None
    }
    /// Checks what the entry points at exists, and completes what depends on it. A kind
    /// with links of its own checks them too, and calls `ensure_common`.
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        ensure_common(tx, &self)?;
        Ok(self)
    }
    /// Sets what the journal records itself on the engineer's save (new when `id` is
    /// absent), never taken from the input; restores and imports keep what they carry.
    fn stamp(self, _tx: &Transaction, _id: Option<i64>) -> Result<Self> {
        Ok(self)
    }
    fn labels(&self) -> &Labels;
    /// The title and body the search index holds for this entry.
    fn search_text(&self) -> (String, String);
    /// Inserts or updates the row of the kind's own table.
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()>;
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Self::Full> {
        let sql = format!("{} WHERE e.id = ?1", Self::SELECT);
        found(Self::KIND, id, conn.prepare_cached(&sql)?.query_row([id], Self::row))
    }
    /// Every entry of the kind as (id, input), in one query: what an export reads.
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        let mut statement = conn.prepare_cached(Self::SELECT)?;
        let rows = statement.query_map([], Self::row)?;
        rows.map(|full| {
            let full = full?;
            Ok((full.id(), full.to_input()))
        })
        .collect()
    }
}

/// Runs `$body` with `$R` standing for the input type of the entry kind `$kind`: the one
/// place that maps each kind to its type, for code that handles every kind alike.
macro_rules! with_kind {
    ($kind:expr, $R:ident => $body:expr) => {{
        use $crate::journal::EntryKind as K;
        match $kind {
            K::Project => {
                type $R = $crate::journal::ProjectInput;
                $body
            }
            K::Metric => {
                type $R = $crate::journal::MetricInput;
                $body
            }
            K::Decision => {
                type $R = $crate::journal::DecisionInput;
                $body
            }
            K::Artifact => {
                type $R = $crate::journal::ArtifactInput;
                $body
            }
            K::Feedback => {
                type $R = $crate::journal::FeedbackInput;
                $body
            }
            K::Note => {
                type $R = $crate::journal::NoteInput;
                $body
            }
            K::Story => {
                type $R = $crate::stories::StoryInput;
                $body
            }
            K::Rehearsal => {
                type $R = $crate::stories::RehearsalInput;
                $body
            }
            K::Review => {
                type $R = $crate::journal::ReviewInput;
                $body
            }
            K::Person => {
                type $R = $crate::people::PersonInput;
                $body
            }
            K::OneOnOne => {
                type $R = $crate::people::OneOnOneInput;
                $body
            }
            K::Action => {
                type $R = $crate::people::ActionItemInput;
                $body
            }
            K::Goal => {
                type $R = $crate::people::GoalInput;
                $body
            }
        }
    }};
}
pub(crate) use with_kind;

pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) fn labels_of<T: DeserializeOwned>(row: &Row, index: usize) -> rusqlite::Result<Vec<T>> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

/// The identity and timestamps at the start of an `entry_select!` row.
pub(crate) fn head(r: &Row) -> rusqlite::Result<EntryHead> {
    Ok(EntryHead { id: r.get(0)?, uuid: r.get(1)?, created_at: r.get(2)?, updated_at: r.get(3)? })
}

/// The tags, skills, people and privacy of an `entry_select!` row.
pub(crate) fn labels(r: &Row) -> rusqlite::Result<Labels> {
    Ok(Labels {
        private: r.get(4)?,
        tags: labels_of(r, 5)?,
        skills: labels_of(r, 6)?,
        person_ids: labels_of(r, 7)?,
    })
}

fn join(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().copied().collect::<Vec<_>>().join("\n")
}

fn not_found(kind: EntryKind, id: i64) -> Error {
    Error::NotFound { what: format!("{} {id}", kind.as_str()) }
}

/// Like `found`, for things that are not journal entries.
pub(crate) fn found_named<T>(what: &str, row: rusqlite::Result<T>) -> Result<T> {
    row.optional()?.ok_or_else(|| Error::NotFound { what: what.to_string() })
}

pub(crate) fn found<T>(kind: EntryKind, id: i64, row: rusqlite::Result<T>) -> Result<T> {
    row.optional()?.ok_or_else(|| not_found(kind, id))
}

impl Record for ProjectInput {
    const KIND: EntryKind = EntryKind::Project;
    const SELECT: &'static str = PROJECT_SELECT;
    type Full = Project;

    fn row(r: &Row) -> rusqlite::Result<Project> {
        Ok(Project::new(
            head(r)?,
            ProjectInput {
                title: r.get(OWN)?,
                organization: r.get(OWN + 1)?,
                role: r.get(OWN + 2)?,
                started_on: r.get(OWN + 3)?,
                ended_on: r.get(OWN + 4)?,
                scope: r.get(OWN + 5)?,
                status: r.get(OWN + 6)?,
                summary: r.get(OWN + 7)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::project(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let body =
            join(&[self.organization.as_deref(), self.role.as_deref(), self.summary.as_deref()]);
        (self.title.clone(), body)
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO projects (id, title, organization, role, started_on, ended_on, scope, status, summary)
             VALUES (:id, :title, :organization, :role, :started_on, :ended_on, :scope, :status, :summary)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, organization = excluded.organization,
               role = excluded.role, started_on = excluded.started_on, ended_on = excluded.ended_on,
               scope = excluded.scope, status = excluded.status, summary = excluded.summary",
        )?
        .execute(named_params! {
            ":id": id, ":title": self.title, ":organization": self.organization, ":role": self.role,
            ":started_on": self.started_on, ":ended_on": self.ended_on, ":scope": self.scope,
            ":status": self.status, ":summary": self.summary,
        })?;
        Ok(())
    }
}

impl Record for MetricInput {
    const KIND: EntryKind = EntryKind::Metric;
    const SELECT: &'static str = METRIC_SELECT;
    type Full = Metric;

    fn row(r: &Row) -> rusqlite::Result<Metric> {
        let input = MetricInput {
            project_id: r.get(OWN)?,
            name: r.get(OWN + 1)?,
            unit: r.get(OWN + 2)?,
            baseline: r.get(OWN + 3)?,
            result: r.get(OWN + 4)?,
            better: r.get(OWN + 5)?,
            measured_on: r.get(OWN + 6)?,
            evidence: r.get(OWN + 7)?,
            target: r.get(OWN + 8)?,
            measure_by: r.get(OWN + 9)?,
            labels: labels(r)?,
        };
        Ok(Metric::derived(head(r)?, input))
    }
    fn validate(self) -> Result<Self> {
        validate::metric(self)
    }
    fn project_id(&self) -> Option<i64> {
        Some(self.project_id)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let change = self.change();
        let numbers = crate::search::metric_numbers(
            self.baseline,
            self.result,
            self.unit.as_deref(),
            change.percent_change,
        );
        let body = join(&[Some(&numbers), self.evidence.as_deref()]);
        (self.name.clone(), body)
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO metrics (id, project_id, name, unit, baseline, result, better, measured_on,
               evidence, target, measure_by)
             VALUES (:id, :project_id, :name, :unit, :baseline, :result, :better, :measured_on,
               :evidence, :target, :measure_by)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, name = excluded.name,
               unit = excluded.unit, baseline = excluded.baseline, result = excluded.result,
               better = excluded.better, measured_on = excluded.measured_on, evidence = excluded.evidence,
               target = excluded.target, measure_by = excluded.measure_by",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":name": self.name, ":unit": self.unit,
            ":baseline": self.baseline, ":result": self.result, ":better": self.better,
            ":measured_on": self.measured_on, ":evidence": self.evidence, ":target": self.target,
            ":measure_by": self.measure_by,
        })?;
        Ok(())
    }
}

impl Record for DecisionInput {
    const KIND: EntryKind = EntryKind::Decision;
    const SELECT: &'static str = DECISION_SELECT;
    type Full = Decision;

    fn row(r: &Row) -> rusqlite::Result<Decision> {
        let options: String = r.get(OWN + 3)?;
        let input = DecisionInput {
            project_id: r.get(OWN)?,
            title: r.get(OWN + 1)?,
            context: r.get(OWN + 2)?,
            goal: r.get(OWN + 11)?,
            options: serde_json::from_str(&options).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    OWN + 3,
                    rusqlite::types::Type::Text,
                    e.into(),
                )
            })?,
            chosen: r.get(OWN + 4)?,
            tradeoffs: r.get(OWN + 5)?,
            expected: r.get(OWN + 6)?,
            confidence: r.get(OWN + 7)?,
            outcome: r.get(OWN + 8)?,
            decided_on: r.get(OWN + 9)?,
            review_on: r.get(OWN + 10)?,
            outcome_on: r.get(OWN + 12)?,
            labels: labels(r)?,
        };
        Ok(Decision::derived(head(r)?, input, today()))
    }
    fn validate(self) -> Result<Self> {
        validate::decision(self)
    }
    /// The outcome's day is the journal's to set: kept while the outcome stays the same,
    /// today when it is first written or changed, cleared with it.
    fn stamp(mut self, tx: &Transaction, id: Option<i64>) -> Result<Self> {
        let before: Option<(Option<String>, Option<NaiveDate>)> = match id {
            Some(id) => tx
                .prepare_cached("SELECT outcome, outcome_on FROM decisions WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            None => None,
        };
        self.outcome_on = match (&self.outcome, before) {
            (None, _) => None,
            (Some(now), Some((Some(was), on))) if *now == was => on,
            (Some(_), _) => Some(today()),
        };
        Ok(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let options: Vec<String> = self
            .options
            .iter()
            .map(|o| join(&[Some(&o.text), Some(&o.pros), Some(&o.cons)]))
            .collect();
        let options = options.join("\n");
        let body = join(&[
            self.context.as_deref(),
            self.goal.as_deref(),
            Some(&options),
            Some(&self.chosen),
            self.tradeoffs.as_deref(),
            self.expected.as_deref(),
            self.outcome.as_deref(),
        ]);
        (self.title.clone(), body)
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        let options = serde_json::to_string(&self.options).expect("options serialise");
        tx.prepare_cached(
            "INSERT INTO decisions (id, project_id, title, context, goal, options, chosen, tradeoffs,
               expected, confidence, outcome, decided_on, review_on, outcome_on)
             VALUES (:id, :project_id, :title, :context, :goal, :options, :chosen, :tradeoffs,
               :expected, :confidence, :outcome, :decided_on, :review_on, :outcome_on)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, title = excluded.title,
               context = excluded.context, goal = excluded.goal, options = excluded.options,
               chosen = excluded.chosen,
               tradeoffs = excluded.tradeoffs, expected = excluded.expected,
               confidence = excluded.confidence, outcome = excluded.outcome,
               decided_on = excluded.decided_on, review_on = excluded.review_on,
               outcome_on = excluded.outcome_on",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":title": self.title, ":context": self.context,
            ":goal": self.goal, ":options": options, ":chosen": self.chosen, ":tradeoffs": self.tradeoffs,
            ":expected": self.expected, ":confidence": self.confidence, ":outcome": self.outcome,
            ":decided_on": self.decided_on, ":review_on": self.review_on,
            // A day without an outcome (an odd import) is not kept.
            ":outcome_on": self.outcome.as_ref().and(self.outcome_on),
        })?;
        Ok(())
    }
}

impl Record for ArtifactInput {
    const KIND: EntryKind = EntryKind::Artifact;
    const SELECT: &'static str = ARTIFACT_SELECT;
    type Full = Artifact;

    fn row(r: &Row) -> rusqlite::Result<Artifact> {
        Ok(Artifact::new(
            head(r)?,
            ArtifactInput {
                project_id: r.get(OWN)?,
                kind: r.get(OWN + 1)?,
                title: r.get(OWN + 2)?,
                url: r.get(OWN + 3)?,
                date: r.get(OWN + 4)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::artifact(self)
    }
    fn project_id(&self) -> Option<i64> {
        Some(self.project_id)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let kind = self.kind.map(|k| k.as_str());
        (self.title.clone(), join(&[kind, self.url.as_deref()]))
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO artifacts (id, project_id, kind, title, url, date)
             VALUES (:id, :project_id, :kind, :title, :url, :date)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, kind = excluded.kind,
               title = excluded.title, url = excluded.url, date = excluded.date",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":kind": self.kind, ":title": self.title,
            ":url": self.url, ":date": self.date,
        })?;
        Ok(())
    }
}

impl Record for FeedbackInput {
    const KIND: EntryKind = EntryKind::Feedback;
    const SELECT: &'static str = FEEDBACK_SELECT;
    type Full = Feedback;

    fn row(r: &Row) -> rusqlite::Result<Feedback> {
        Ok(Feedback::new(
            head(r)?,
            FeedbackInput {
                project_id: r.get(OWN)?,
                source: r.get(OWN + 1)?,
                date: r.get(OWN + 2)?,
                text: r.get(OWN + 3)?,
                rating: r.get(OWN + 4)?,
                person_id: r.get(OWN + 5)?,
                direction: r.get(OWN + 6)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::feedback(self)
    }
    /// A feedback's person must be in the journal; a blank source takes their name.
    fn prepare(mut self, tx: &Transaction) -> Result<Self> {
        ensure_common(tx, &self)?;
        if let Some(person) = self.person_id {
            ensure(tx, EntryKind::Person, "person_id", person)?;
            if self.source.is_empty() {
                self.source = tx
                    .prepare_cached("SELECT name FROM people WHERE id = ?1")?
                    .query_row([person], |r| r.get(0))?;
            }
        }
        Ok(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let title = match self.direction {
            Some(crate::journal::FeedbackDirection::Given) => {
                format!("Feedback to {}", self.source)
            }
            _ => format!("Feedback from {}", self.source),
        };
        (title, self.text.clone())
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO feedback (id, project_id, source, date, text, rating, person_id, direction)
             VALUES (:id, :project_id, :source, :date, :text, :rating, :person_id, :direction)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, source = excluded.source,
               date = excluded.date, text = excluded.text, rating = excluded.rating,
               person_id = excluded.person_id, direction = excluded.direction",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":source": self.source,
            ":date": self.date.unwrap_or_else(today), ":text": self.text, ":rating": self.rating,
            ":person_id": self.person_id, ":direction": self.direction,
        })?;
        Ok(())
    }
}

impl Record for NoteInput {
    const KIND: EntryKind = EntryKind::Note;
    const SELECT: &'static str = NOTE_SELECT;
    type Full = Note;

    fn row(r: &Row) -> rusqlite::Result<Note> {
        Ok(Note::new(
            head(r)?,
            NoteInput {
                project_id: r.get(OWN)?,
                date: r.get(OWN + 1)?,
                text: r.get(OWN + 2)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::note(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        (note_title(&self.text), self.text.clone())
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO notes (id, project_id, date, text) VALUES (:id, :project_id, :date, :text)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, date = excluded.date,
               text = excluded.text",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id,
            ":date": self.date.unwrap_or_else(today), ":text": self.text,
        })?;
        Ok(())
    }
}

/// A note's title: its first line, cut at a word near 80 characters.
pub fn note_title(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    let cut: String = line.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The kind of the entry `id`, or `NotFound`.
pub(crate) fn entry_kind(conn: &rusqlite::Connection, id: i64) -> Result<EntryKind> {
    let kind: Option<String> = conn
        .prepare_cached("SELECT kind FROM entries WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    kind.and_then(|k| EntryKind::parse(&k))
        .ok_or_else(|| Error::NotFound { what: format!("entry {id}") })
}

/// Checks the links every kind may have: its project and the people it involved.
pub(crate) fn ensure_common<R: Record>(tx: &Transaction, input: &R) -> Result<()> {
    if let Some(project) = input.project_id() {
        ensure_project(tx, project)?;
    }
    for person in &input.labels().person_ids {
        ensure(tx, EntryKind::Person, "person_ids", *person)?;
    }
    Ok(())
}

pub(crate) fn ensure_project(tx: &Transaction, id: i64) -> Result<()> {
    ensure(tx, EntryKind::Project, "project_id", id)
}

/// Refuses a link to an entry that is not in the journal (or not of the expected kind).
pub(crate) fn ensure(tx: &Transaction, kind: EntryKind, field: &str, id: i64) -> Result<()> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM entries WHERE id = ?1 AND kind = ?2")?
        .exists(params![id, kind.as_str()])?;
    if exists {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "there is no {} with id {id} (if it was deleted, restore it from the trash first)",
                kind.as_str()
            ),
        ))
    }
}

/// Writes the kind's row, its labels and its search entry for an entry that exists.
pub(crate) fn put<R: Record>(tx: &Transaction, id: i64, input: &R) -> Result<()> {
    put_unindexed(tx, id, input, false)?;
    index_entry(tx, id, input)
}

/// The kind's row and its labels, without the search entry; a `new` entry has no labels
/// to replace yet.
fn put_unindexed<R: Record>(tx: &Transaction, id: i64, input: &R, new: bool) -> Result<()> {
    input.upsert(tx, id)?;
    // The project it is in (or is) was logged in just now, or when the entry says.
    let project =
        input.project_id().filter(|p| *p != 0).or((R::KIND == EntryKind::Project).then_some(id));
    if let Some(project) = project {
        tx.prepare_cached(
            "UPDATE projects SET last_logged_at = max(coalesce(last_logged_at, ''),
               (SELECT updated_at FROM entries WHERE id = ?2)) WHERE id = ?1",
        )?
        .execute(params![project, id])?;
    }
    let Labels { tags, skills, person_ids, private } = input.labels();
    if !new {
        tx.prepare_cached("DELETE FROM labels WHERE entry_id = ?1")?.execute([id])?;
        tx.prepare_cached("DELETE FROM entry_people WHERE entry_id = ?1")?.execute([id])?;
    }
    if *private || !new {
        tx.prepare_cached("UPDATE entries SET private = ?2 WHERE id = ?1")?
            .execute(params![id, private])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO labels (entry_id, kind, name, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (kind, names) in [("tag", tags), ("skill", skills)] {
        for (position, name) in names.iter().enumerate() {
            insert.execute(params![id, kind, name, position as i64])?;
        }
    }
    let mut person = tx.prepare_cached(
        "INSERT INTO entry_people (entry_id, person_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, person_id) in person_ids.iter().enumerate() {
        person.execute(params![id, person_id, position as i64])?;
    }
    Ok(())
}

/// Search entries of new entries written many at a time (one statement per batch): FTS5
/// writes its pending terms out at the start of every statement of a transaction, so an
/// insert per entry makes a segment per entry and merging them costs most of a bulk write.
pub(crate) struct SearchBatch {
    /// `[rowid, heading, title, minor, body, labels, kind, project_id]` per entry.
    rows: Vec<serde_json::Value>,
}

impl SearchBatch {
    /// Entries per statement: enough that merging segments costs little, few enough
    /// that the batch's JSON stays a few megabytes.
    const SIZE: usize = 20_000;

    pub(crate) fn new() -> SearchBatch {
        SearchBatch { rows: Vec::with_capacity(Self::SIZE) }
    }

    /// Writes the kind's row and its labels now, and its search entry with the batch: for
    /// an entry just created, which has no search entry yet.
    pub(crate) fn put<R: Record>(&mut self, tx: &Transaction, id: i64, input: &R) -> Result<()> {
        put_unindexed(tx, id, input, true)?;
        let (title, body, labels, project_id) = search_fields(id, input);
        let column = crate::search::title_column(R::KIND);
        let slot = |name: &str| {
            if name == column {
                title.as_str().into()
            } else {
                serde_json::Value::Null
            }
        };
        self.rows.push(serde_json::json!([
            id,
            slot("heading"),
            slot("title"),
            slot("minor"),
            body,
            labels,
            R::KIND.as_str(),
            project_id
        ]));
        if self.rows.len() >= Self::SIZE {
            self.write(tx)?;
        }
        Ok(())
    }

    /// Writes the search entries gathered so far, in one statement.
    pub(crate) fn write(&mut self, tx: &Transaction) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = serde_json::to_string(&self.rows).expect("search rows serialise");
        self.rows.clear();
        tx.prepare_cached(
            "INSERT INTO search_index (rowid, heading, title, minor, body, labels, kind, project_id)
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
                    value ->> 6, value ->> 7
             FROM json_each(?1)",
        )?
        .execute([rows])?;
        Ok(())
    }
}

/// What the search index holds of an entry: its title, body, labels and project.
fn search_fields<R: Record>(id: i64, input: &R) -> (String, String, String, Option<i64>) {
    let Labels { tags, skills, .. } = input.labels();
    let (title, body) = input.search_text();
    let labels = tags.iter().chain(skills).cloned().collect::<Vec<_>>().join(" ");
    let project_id = if R::KIND == EntryKind::Project { Some(id) } else { input.project_id() };
    (title, body, labels, project_id)
}

/// Writes the search entry of the entry `id` from its input: title, body, labels.
pub(crate) fn index_entry<R: Record>(tx: &Transaction, id: i64, input: &R) -> Result<()> {
    let (title, body, labels, project_id) = search_fields(id, input);
    tx.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?.execute([id])?;
    // The title goes in its kind's column, so bm25 weighs it as the kind deserves.
    let sql = format!(
        "INSERT INTO search_index (rowid, {}, body, labels, kind, project_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        crate::search::title_column(R::KIND)
    );
    tx.prepare_cached(&sql)?.execute(params![
        id,
        title,
        body,
        labels,
        R::KIND.as_str(),
        project_id
    ])?;
    Ok(())
}

/// Creates the `entries` row; `stored` keeps the identity of an entry being restored.
pub(crate) fn insert_entry(
    tx: &Transaction,
    kind: EntryKind,
    stored: Option<&StoredEntry>,
) -> Result<i64> {
    let stamp = now();
    let (id, uuid, created, updated) = match stored {
        Some(s) => (Some(s.id), s.uuid.clone(), s.created_at.clone(), s.updated_at.clone()),
        None => (None, uuid::Uuid::new_v4().to_string(), stamp.clone(), stamp),
    };
    tx.prepare_cached(
        "INSERT INTO entries (id, uuid, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, uuid, kind.as_str(), created, updated])?;
    Ok(tx.last_insert_rowid())
}

/// Writes a validated entry within `tx`: a new one without `id`, else an update.
pub(crate) fn save_in<R: Record>(tx: &Transaction, id: Option<i64>, input: R) -> Result<R::Full> {
    let input = input.prepare(tx)?.stamp(tx, id)?;
    let id = match id {
        None => insert_entry(tx, R::KIND, None)?,
        Some(id) => {
            let touched = tx
                .prepare_cached("UPDATE entries SET updated_at = ?2 WHERE id = ?1 AND kind = ?3")?
                .execute(params![id, now(), R::KIND.as_str()])?;
            if touched == 0 {
                return Err(not_found(R::KIND, id));
            }
            id
        }
    };
    put(tx, id, &input)?;
    R::get(tx, id)
}

impl Journal {
    /// Validates and writes an entry of any kind: a new one without `id`, else an update.
    pub fn save<R: Record>(&mut self, id: Option<i64>, input: R) -> Result<R::Full> {
        let input = input.validate()?;
        let tx = self.conn.transaction()?;
        let full = save_in(&tx, id, input)?;
        tx.commit()?;
        Ok(full)
    }

    /// Adds a new entry of the input's kind.
    pub fn add<R: Record>(&mut self, input: R) -> Result<R::Full> {
        self.save(None, input)
    }

    /// Replaces the fields of the entry `id`, which must be of the input's kind.
    pub fn update<R: Record>(&mut self, id: i64, input: R) -> Result<R::Full> {
        self.save(Some(id), input)
    }

    /// The entry `id` of the kind `F` (`journal.entry::<Metric>(id)`), or `NotFound`.
    pub fn entry<F>(&self, id: i64) -> Result<F>
    where
        F: Stored,
        F::Input: Record<Full = F>,
    {
        F::Input::get(&self.conn, id)
    }

    /// The entries of the kind `R` under the project `project_id`, in `order`.
    fn children<R: Record>(&self, project_id: i64, order: &str) -> Result<Vec<R::Full>> {
        let sql = format!("{} WHERE project_id = ?1 ORDER BY {order}", R::SELECT);
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([project_id], R::row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A project with its metrics, decisions, artifacts, feedback and notes: one query each.
    pub fn project_detail(&self, id: i64) -> Result<ProjectDetail> {
        Ok(ProjectDetail {
            project: self.entry(id)?,
            metrics: self.children::<MetricInput>(id, "m.measured_on DESC, m.id")?,
            decisions: self.children::<DecisionInput>(id, "d.decided_on DESC, d.id DESC")?,
            artifacts: self.children::<ArtifactInput>(id, "a.date DESC, a.id DESC")?,
            feedback: self.children::<FeedbackInput>(id, "f.date DESC, f.id DESC")?,
            notes: self.children::<NoteInput>(id, "n.date DESC, n.id DESC")?,
        })
    }

    /// A page of the journal list, newest first, each project with its best metric.
    pub fn list_projects(&self, offset: u32, limit: u32) -> Result<ProjectPage> {
        self.find_projects(&ProjectFilter::default(), ProjectSort::default(), offset, limit)
    }

    /// A page of the projects the filter keeps, in the order asked for, each with its best
    /// metric; `total` counts the whole filtered set.
    pub fn find_projects(
        &self,
        filter: &ProjectFilter,
        sort: ProjectSort,
        offset: u32,
        limit: u32,
    ) -> Result<ProjectPage> {
        let limit = limit.clamp(1, crate::journal::MAX_PAGE);
        let (conditions, values) = project_conditions(filter);
        let named: Vec<(&str, &dyn rusqlite::ToSql)> =
            values.iter().map(|(name, value)| (*name, value as &dyn rusqlite::ToSql)).collect();
        let total: u32 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM projects p {conditions}"))?
            .query_row(&*named, |r| r.get(0))?;
        let order = match sort {
            ProjectSort::Newest => "coalesce(p.started_on, '9999') DESC, p.id DESC",
            ProjectSort::Oldest => "coalesce(p.started_on, '9999'), p.id",
            ProjectSort::Title => "p.title COLLATE NOCASE, p.id",
            ProjectSort::MostMetrics => {
                "(SELECT count(*) FROM metrics m WHERE m.project_id = p.id) DESC, \
                 coalesce(p.started_on, '9999') DESC, p.id DESC"
            }
        };
        // The page's ids come from the projects alone (for the plain list, a walk of the
        // `projects_newest` index): skipping the rows before a middle page then costs no
        // join per skipped row. Every project has its `entries` row, so the page is the same.
        let sql = format!(
            "{PROJECT_SELECT} WHERE p.id IN (SELECT p.id FROM projects p {conditions} \
               ORDER BY {order} LIMIT :limit OFFSET :offset) \
             ORDER BY {order}"
        );
        let mut page = named.clone();
        page.push((":limit", &limit));
        page.push((":offset", &offset));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let projects: Vec<Project> =
            statement.query_map(&*page, ProjectInput::row)?.collect::<rusqlite::Result<_>>()?;
        let ids: Vec<i64> = projects.iter().map(|p| p.id).collect();
        let ids = serde_json::to_string(&ids).expect("ids serialise");
        // One query for the metrics of the whole page, one for the decision counts.
        let sql = format!(
            "{METRIC_SELECT} WHERE m.project_id IN (SELECT value FROM json_each(?1)) ORDER BY m.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let metrics: Vec<Metric> =
            statement.query_map([&ids], MetricInput::row)?.collect::<rusqlite::Result<_>>()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT project_id, count(*) FROM decisions
             WHERE project_id IN (SELECT value FROM json_each(?1)) GROUP BY project_id",
        )?;
        let decisions: Vec<(i64, u32)> = statement
            .query_map([&ids], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let projects = projects
            .into_iter()
            .map(|project| {
                let own: Vec<&Metric> =
                    metrics.iter().filter(|m| m.project_id == project.id).collect();
                let best_metric = best_metric(&own).cloned();
                ProjectSummary {
                    best_metric,
                    metric_count: own.len() as u32,
                    decision_count: decisions
                        .iter()
                        .find(|(id, _)| *id == project.id)
                        .map_or(0, |(_, n)| *n),
                    project,
                }
            })
            .collect();
        Ok(ProjectPage { projects, total })
    }

    /// Notes, newest first.
    pub fn list_notes(&self, limit: u32) -> Result<Vec<Note>> {
        let sql = format!("{NOTE_SELECT} ORDER BY n.date DESC, n.id DESC LIMIT ?1");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let notes = statement.query_map([limit.clamp(1, 10_000)], NoteInput::row)?;
        Ok(notes.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of the notes the filter keeps, newest first, each with its project's title;
    /// `total` counts the whole filtered set.
    pub fn note_page(&self, filter: &NoteFilter, offset: u32, limit: u32) -> Result<NotePage> {
        if filter.without_project && filter.project_id.is_some() {
            return Err(Error::invalid(
                "project_id",
                "choose a project or notes without one, not both",
            ));
        }
        if let (Some(since), Some(until)) = (filter.since, filter.until) {
            if until < since {
                return Err(Error::invalid(
                    "until",
                    format!("the end ({until}) is before the start ({since})"),
                ));
            }
        }
        let limit = limit.clamp(1, crate::journal::MAX_PAGE);
        let conditions = "WHERE (:tag IS NULL OR n.id IN \
              (SELECT entry_id FROM labels WHERE kind = 'tag' AND name = :tag)) \
            AND (:since IS NULL OR n.date >= :since) AND (:until IS NULL OR n.date <= :until) \
            AND (:project IS NULL OR n.project_id = :project) \
            AND (NOT :loose OR n.project_id IS NULL)";
        let tag = filter
            .tag
            .as_deref()
            .map(|t| t.trim().trim_start_matches('#').trim())
            .filter(|t| !t.is_empty());
        let params = named_params! {
            ":tag": tag, ":since": filter.since, ":until": filter.until,
            ":project": filter.project_id, ":loose": filter.without_project,
        };
        let total: u32 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM notes n {conditions}"))?
            .query_row(params, |r| r.get(0))?;
        let sql = format!(
            "SELECT x.*, p.title FROM ({NOTE_SELECT} {conditions} \
               ORDER BY n.date DESC, n.id DESC LIMIT :limit OFFSET :offset) x \
             LEFT JOIN projects p ON p.id = x.project_id"
        );
        let mut paged: Vec<(&str, &dyn rusqlite::ToSql)> = params.to_vec();
        paged.push((":limit", &limit));
        paged.push((":offset", &offset));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let notes = statement.query_map(&*paged, |r| {
            Ok(NoteRow { note: NoteInput::row(r)?, project_title: r.get(OWN + 3)? })
        })?;
        Ok(NotePage { notes: notes.collect::<rusqlite::Result<_>>()?, total })
    }

    /// Decisions past their review date with no outcome written yet, oldest review first.
    pub fn reviews_due(&self, today: NaiveDate) -> Result<Vec<Decision>> {
        let sql = format!(
            "{DECISION_SELECT} WHERE d.outcome IS NULL AND d.review_on <= ?1 ORDER BY d.review_on, d.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([today], DecisionInput::row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What Home shows: counts, the open decision reviews and the latest notes.
    pub fn overview(&self) -> Result<JournalOverview> {
        let (project_count, entry_count, inbox_open) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM entries),
                    (SELECT count(*) FROM proposals WHERE state = 'open')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(JournalOverview {
            project_count,
            entry_count,
            inbox_open,
            reviews_due: self.reviews_due(today())?,
            recent_notes: self.list_notes(5)?,
        })
    }
}

/// The WHERE clause of the journal list for `filter` and its named values; empty when
/// nothing filters, so the plain list stays a walk of its index.
fn project_conditions(
    filter: &ProjectFilter,
) -> (String, Vec<(&'static str, rusqlite::types::Value)>) {
    use rusqlite::types::Value;
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    // Each word, as a LIKE pattern with its own % and _ taken literally.
    let words: Vec<String> = filter
        .text
        .as_deref()
        .unwrap_or_default()
        .split_whitespace()
        .map(|w| {
            let literal = w.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            format!("%{literal}%")
        })
        .collect();
    if !words.is_empty() {
        conditions.push(
            "NOT EXISTS (SELECT 1 FROM json_each(:words) w WHERE NOT (\
               p.title LIKE w.value ESCAPE '\\' OR coalesce(p.organization, '') LIKE w.value ESCAPE '\\' \
               OR coalesce(p.role, '') LIKE w.value ESCAPE '\\'))",
        );
        let words = serde_json::to_string(&words).expect("words serialise");
        values.push((":words", Value::Text(words)));
    }
    if let Some(status) = filter.status {
        conditions.push("p.status = :status");
        values.push((":status", Value::Text(status.as_str().into())));
    }
    if let Some(scope) = filter.scope {
        conditions.push("p.scope = :scope");
        values.push((":scope", Value::Text(scope.as_str().into())));
    }
    let tag = filter.tag.as_deref().map(|t| t.trim().trim_start_matches('#').trim());
    if let Some(tag) = tag.filter(|t| !t.is_empty()) {
        conditions.push("p.id IN (SELECT entry_id FROM labels WHERE kind = 'tag' AND name = :tag)");
        values.push((":tag", Value::Text(tag.into())));
    }
    if conditions.is_empty() {
        (String::new(), values)
    } else {
        (format!("WHERE {}", conditions.join(" AND ")), values)
    }
}

/// The metric that argues best for a project: the largest improvement, else the latest.
pub fn best_metric<'a>(metrics: &[&'a Metric]) -> Option<&'a Metric> {
    let strength = |m: &Metric| m.change().strength();
    metrics.iter().copied().max_by(|a, b| strength(a).total_cmp(&strength(b)).then(a.id.cmp(&b.id)))
}

/// `select` with its tags and skills read as empty: for bulk reads that never show them,
/// where the two label subqueries per row cost most of the query.
pub(crate) fn without_labels(select: &str) -> String {
    select.replace(labels_sql!(), "'[]', '[]', '[]'")
}

/// The metrics with these ids, in one query (tags and skills left empty).
pub(crate) fn metrics_by_id(
    conn: &rusqlite::Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Metric>> {
    let sql = format!(
        "{} WHERE m.id IN (SELECT value FROM json_each(?1))",
        without_labels(METRIC_SELECT)
    );
    let ids = serde_json::to_string(ids).expect("ids serialise");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([ids], MetricInput::row)?;
    rows.map(|m| m.map(|m| (m.id, m)).map_err(Error::from)).collect()
}

/// The columns of `PROJECT_SELECT`, `METRIC_SELECT` and `DECISION_SELECT` that bullet
/// wording reads; the others come back empty, so a whole-journal read allocates little.
const PROJECT_OUTCOMES: &str = "SELECT p.id, '', '', '', \
     (SELECT private FROM entries WHERE id = p.id), '[]', '[]', '[]', p.title, p.organization, \
     p.role, p.started_on, p.ended_on, p.scope, p.status, p.summary FROM projects p \
     ORDER BY coalesce(p.started_on, '9999') DESC, p.id DESC";
const METRIC_OUTCOMES: &str = "SELECT m.id, '', '', '', \
     (SELECT private FROM entries WHERE id = m.id), '[]', '[]', '[]', m.project_id, m.name, m.unit, \
     m.baseline, m.result, m.better, m.measured_on, NULL, m.target, m.measure_by FROM metrics m \
     ORDER BY m.id";
const DECISION_OUTCOMES: &str =
    "SELECT d.id, '', '', '', (SELECT private FROM entries WHERE id = d.id), '[]', '[]', '[]', \
     d.project_id, d.title, NULL, \
     d.options, d.chosen, d.tradeoffs, NULL, d.confidence, NULL, d.decided_on, NULL, d.goal, NULL \
     FROM decisions d WHERE d.project_id IS NOT NULL ORDER BY d.id";

/// Every project with its metrics and decisions, newest first, in three queries: what
/// bullet generation reads. Only what the wording uses is filled in (see
/// `PROJECT_OUTCOMES`); artifacts, feedback and notes are left empty.
pub(crate) fn projects_with_outcomes(conn: &rusqlite::Connection) -> Result<Vec<ProjectDetail>> {
    let projects: Vec<Project> = conn
        .prepare_cached(PROJECT_OUTCOMES)?
        .query_map([], ProjectInput::row)?
        .collect::<rusqlite::Result<_>>()?;
    let metrics: Vec<Metric> = conn
        .prepare_cached(METRIC_OUTCOMES)?
        .query_map([], MetricInput::row)?
        .collect::<rusqlite::Result<_>>()?;
    let decisions: Vec<Decision> = conn
        .prepare_cached(DECISION_OUTCOMES)?
        .query_map([], DecisionInput::row)?
        .collect::<rusqlite::Result<_>>()?;
    // Each project's place in the list, so metrics and decisions go straight to it.
    let place: std::collections::HashMap<i64, usize> =
        projects.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut details: Vec<ProjectDetail> = projects
        .into_iter()
        .map(|project| ProjectDetail {
            project,
            metrics: Vec::new(),
            decisions: Vec::new(),
            artifacts: Vec::new(),
            feedback: Vec::new(),
            notes: Vec::new(),
        })
        .collect();
    for m in metrics {
        if let Some(&i) = place.get(&m.project_id) {
            details[i].metrics.push(m);
        }
    }
    for x in decisions {
        if let Some(&i) = x.project_id.and_then(|id| place.get(&id)) {
            details[i].decisions.push(x);
        }
    }
    Ok(details)
}
