//! SQL of the journal entries. Every write validates first, then runs in one transaction
//! that also keeps the tags, the skills and the search index in step with the entry.

use chrono::{NaiveDate, Utc};
use rusqlite::{named_params, params, OptionalExtension, Row, Transaction};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::Journal;
use crate::journal::{
    validate, Artifact, ArtifactInput, Decision, DecisionInput, EntryKind, Feedback, FeedbackInput,
    JournalOverview, Metric, MetricChange, MetricInput, Note, NoteInput, Project, ProjectDetail,
    ProjectInput, ProjectPage, ProjectSummary,
};
use crate::{Error, Result};

/// Tags and skills of the entry aliased `e`, as JSON arrays in the engineer's order.
macro_rules! labels_sql {
    () => {
        "(SELECT json_group_array(name) FROM (SELECT name FROM labels \
           WHERE entry_id = e.id AND kind = 'tag' ORDER BY position)), \
         (SELECT json_group_array(name) FROM (SELECT name FROM labels \
           WHERE entry_id = e.id AND kind = 'skill' ORDER BY position))"
    };
}

const PROJECT_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, p.title, p.organization, p.role, p.started_on, p.ended_on, p.scope, \
     p.status, p.summary, ",
    labels_sql!(),
    ", e.created_at, e.updated_at FROM projects p JOIN entries e ON e.id = p.id"
);
const METRIC_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, m.project_id, m.name, m.unit, m.baseline, m.result, m.better, \
     m.measured_on, m.evidence, ",
    labels_sql!(),
    " FROM metrics m JOIN entries e ON e.id = m.id"
);
const DECISION_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, d.project_id, d.title, d.context, d.options, d.chosen, d.tradeoffs, \
     d.expected, d.confidence, d.outcome, d.decided_on, d.review_on, ",
    labels_sql!(),
    " FROM decisions d JOIN entries e ON e.id = d.id"
);
const ARTIFACT_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, a.project_id, a.kind, a.title, a.url, a.date, ",
    labels_sql!(),
    " FROM artifacts a JOIN entries e ON e.id = a.id"
);
const FEEDBACK_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, f.project_id, f.source, f.date, f.text, f.rating, ",
    labels_sql!(),
    " FROM feedback f JOIN entries e ON e.id = f.id"
);
const NOTE_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, n.project_id, n.date, n.text, ",
    labels_sql!(),
    " FROM notes n JOIN entries e ON e.id = n.id"
);

/// An entry as kept in the trash or an export: identity, timestamps and its fields.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct StoredEntry {
    pub kind: EntryKind,
    pub id: i64,
    pub uuid: String,
    pub created_at: String,
    pub updated_at: String,
    pub fields: serde_json::Value,
}

/// What every kind of entry input knows about itself, so one write path serves them all.
pub(crate) trait Record: Serialize + DeserializeOwned + Sized {
    const KIND: EntryKind;
    type Full;
    fn validate(self) -> Result<Self>;
    fn project_id(&self) -> Option<i64>;
    /// Checks what the entry points at exists, and completes what depends on it.
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        if let Some(project) = self.project_id() {
            ensure_project(tx, project)?;
        }
        Ok(self)
    }
    fn labels(&self) -> (&[String], &[String]);
    /// The title and body the search index holds for this entry.
    fn search_text(&self) -> (String, String);
    /// Inserts or updates the row of the kind's own table.
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()>;
    fn get(tx: &rusqlite::Connection, id: i64) -> Result<Self::Full>;
    fn input_of(full: &Self::Full) -> Self;
    /// Every entry of the kind as (id, input), in one query: what an export reads.
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>>;
}

/// Every row of `select` as (id, input), for `all_inputs`.
fn all_of<F, I>(
    conn: &rusqlite::Connection,
    select: &str,
    row: fn(&Row) -> rusqlite::Result<F>,
    input: fn(&F) -> I,
    id: fn(&F) -> i64,
) -> Result<Vec<(i64, I)>> {
    let mut statement = conn.prepare_cached(select)?;
    let rows = statement.query_map([], row)?;
    let mut out = Vec::new();
    for full in rows {
        let full = full?;
        out.push((id(&full), input(&full)));
    }
    Ok(out)
}

pub(crate) fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) fn labels_of(row: &Row, index: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

fn join(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

fn not_found(kind: EntryKind, id: i64) -> Error {
    Error::NotFound {
        what: format!("{} {id}", kind.as_str()),
    }
}

/// Like `found`, for things that are not journal entries.
pub(crate) fn found_named<T>(what: &str, row: rusqlite::Result<T>) -> Result<T> {
    row.optional()?.ok_or_else(|| Error::NotFound {
        what: what.to_string(),
    })
}

pub(crate) fn found<T>(kind: EntryKind, id: i64, row: rusqlite::Result<T>) -> Result<T> {
    row.optional()?.ok_or_else(|| not_found(kind, id))
}

impl Record for ProjectInput {
    const KIND: EntryKind = EntryKind::Project;
    type Full = Project;

    fn validate(self) -> Result<Self> {
        validate::project(self)
    }
    fn project_id(&self) -> Option<i64> {
        None
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
    }
    fn search_text(&self) -> (String, String) {
        let body = join(&[
            self.organization.as_deref(),
            self.role.as_deref(),
            self.summary.as_deref(),
        ]);
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
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Project> {
        let sql = format!("{PROJECT_SELECT} WHERE p.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], project_row),
        )
    }
    fn input_of(full: &Project) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, PROJECT_SELECT, project_row, |f| f.into(), |f| f.id)
    }
}

fn project_row(r: &Row) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get(0)?,
        uuid: r.get(1)?,
        title: r.get(2)?,
        organization: r.get(3)?,
        role: r.get(4)?,
        started_on: r.get(5)?,
        ended_on: r.get(6)?,
        scope: r.get(7)?,
        status: r.get(8)?,
        summary: r.get(9)?,
        tags: labels_of(r, 10)?,
        skills: labels_of(r, 11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

impl Record for MetricInput {
    const KIND: EntryKind = EntryKind::Metric;
    type Full = Metric;

    fn validate(self) -> Result<Self> {
        validate::metric(self)
    }
    fn project_id(&self) -> Option<i64> {
        Some(self.project_id)
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
    }
    fn search_text(&self) -> (String, String) {
        let body = join(&[self.unit.as_deref(), self.evidence.as_deref()]);
        (self.name.clone(), body)
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO metrics (id, project_id, name, unit, baseline, result, better, measured_on, evidence)
             VALUES (:id, :project_id, :name, :unit, :baseline, :result, :better, :measured_on, :evidence)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, name = excluded.name,
               unit = excluded.unit, baseline = excluded.baseline, result = excluded.result,
               better = excluded.better, measured_on = excluded.measured_on, evidence = excluded.evidence",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":name": self.name, ":unit": self.unit,
            ":baseline": self.baseline, ":result": self.result, ":better": self.better,
            ":measured_on": self.measured_on, ":evidence": self.evidence,
        })?;
        Ok(())
    }
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Metric> {
        let sql = format!("{METRIC_SELECT} WHERE m.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], metric_row),
        )
    }
    fn input_of(full: &Metric) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, METRIC_SELECT, metric_row, |f| f.into(), |f| f.id)
    }
}

fn metric_row(r: &Row) -> rusqlite::Result<Metric> {
    let baseline: Option<f64> = r.get(5)?;
    let result: f64 = r.get(6)?;
    let better = r.get(7)?;
    let derived = MetricChange::of(baseline, result, better);
    Ok(Metric {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        name: r.get(3)?,
        unit: r.get(4)?,
        baseline,
        result,
        better,
        measured_on: r.get(8)?,
        evidence: r.get(9)?,
        tags: labels_of(r, 10)?,
        skills: labels_of(r, 11)?,
        change: derived.change,
        percent_change: derived.percent_change,
        improved: derived.improved,
    })
}

impl Record for DecisionInput {
    const KIND: EntryKind = EntryKind::Decision;
    type Full = Decision;

    fn validate(self) -> Result<Self> {
        validate::decision(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
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
            "INSERT INTO decisions (id, project_id, title, context, options, chosen, tradeoffs, expected,
               confidence, outcome, decided_on, review_on)
             VALUES (:id, :project_id, :title, :context, :options, :chosen, :tradeoffs, :expected,
               :confidence, :outcome, :decided_on, :review_on)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, title = excluded.title,
               context = excluded.context, options = excluded.options, chosen = excluded.chosen,
               tradeoffs = excluded.tradeoffs, expected = excluded.expected,
               confidence = excluded.confidence, outcome = excluded.outcome,
               decided_on = excluded.decided_on, review_on = excluded.review_on",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":title": self.title, ":context": self.context,
            ":options": options, ":chosen": self.chosen, ":tradeoffs": self.tradeoffs,
            ":expected": self.expected, ":confidence": self.confidence, ":outcome": self.outcome,
            ":decided_on": self.decided_on, ":review_on": self.review_on,
        })?;
        Ok(())
    }
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Decision> {
        let sql = format!("{DECISION_SELECT} WHERE d.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], decision_row),
        )
    }
    fn input_of(full: &Decision) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, DECISION_SELECT, decision_row, |f| f.into(), |f| f.id)
    }
}

fn decision_row(r: &Row) -> rusqlite::Result<Decision> {
    let options: String = r.get(5)?;
    let outcome: Option<String> = r.get(10)?;
    let review_on: Option<NaiveDate> = r.get(12)?;
    Ok(Decision {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        title: r.get(3)?,
        context: r.get(4)?,
        options: serde_json::from_str(&options).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
        })?,
        chosen: r.get(6)?,
        tradeoffs: r.get(7)?,
        expected: r.get(8)?,
        confidence: r.get(9)?,
        review_due: outcome.is_none() && review_on.is_some_and(|day| day <= today()),
        outcome,
        decided_on: r.get(11)?,
        review_on,
        tags: labels_of(r, 13)?,
        skills: labels_of(r, 14)?,
    })
}

impl Record for ArtifactInput {
    const KIND: EntryKind = EntryKind::Artifact;
    type Full = Artifact;

    fn validate(self) -> Result<Self> {
        validate::artifact(self)
    }
    fn project_id(&self) -> Option<i64> {
        Some(self.project_id)
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
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
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Artifact> {
        let sql = format!("{ARTIFACT_SELECT} WHERE a.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], artifact_row),
        )
    }
    fn input_of(full: &Artifact) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, ARTIFACT_SELECT, artifact_row, |f| f.into(), |f| f.id)
    }
}

fn artifact_row(r: &Row) -> rusqlite::Result<Artifact> {
    Ok(Artifact {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        kind: r.get(3)?,
        title: r.get(4)?,
        url: r.get(5)?,
        date: r.get(6)?,
        tags: labels_of(r, 7)?,
        skills: labels_of(r, 8)?,
    })
}

impl Record for FeedbackInput {
    const KIND: EntryKind = EntryKind::Feedback;
    type Full = Feedback;

    fn validate(self) -> Result<Self> {
        validate::feedback(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
    }
    fn search_text(&self) -> (String, String) {
        (format!("Feedback from {}", self.source), self.text.clone())
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO feedback (id, project_id, source, date, text, rating)
             VALUES (:id, :project_id, :source, :date, :text, :rating)
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, source = excluded.source,
               date = excluded.date, text = excluded.text, rating = excluded.rating",
        )?
        .execute(named_params! {
            ":id": id, ":project_id": self.project_id, ":source": self.source,
            ":date": self.date.unwrap_or_else(today), ":text": self.text, ":rating": self.rating,
        })?;
        Ok(())
    }
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Feedback> {
        let sql = format!("{FEEDBACK_SELECT} WHERE f.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], feedback_row),
        )
    }
    fn input_of(full: &Feedback) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, FEEDBACK_SELECT, feedback_row, |f| f.into(), |f| f.id)
    }
}

fn feedback_row(r: &Row) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        source: r.get(3)?,
        date: r.get(4)?,
        text: r.get(5)?,
        rating: r.get(6)?,
        tags: labels_of(r, 7)?,
        skills: labels_of(r, 8)?,
    })
}

impl Record for NoteInput {
    const KIND: EntryKind = EntryKind::Note;
    type Full = Note;

    fn validate(self) -> Result<Self> {
        validate::note(self)
    }
    fn project_id(&self) -> Option<i64> {
        self.project_id
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
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
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Note> {
        let sql = format!("{NOTE_SELECT} WHERE n.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], note_row),
        )
    }
    fn input_of(full: &Note) -> Self {
        full.into()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        all_of(conn, NOTE_SELECT, note_row, |f| f.into(), |f| f.id)
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

fn note_row(r: &Row) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        date: r.get(3)?,
        text: r.get(4)?,
        tags: labels_of(r, 5)?,
        skills: labels_of(r, 6)?,
    })
}

/// The kind of the entry `id`, or `NotFound`.
pub(crate) fn entry_kind(conn: &rusqlite::Connection, id: i64) -> Result<EntryKind> {
    let kind: Option<String> = conn
        .prepare_cached("SELECT kind FROM entries WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    kind.and_then(|k| EntryKind::parse(&k))
        .ok_or_else(|| Error::NotFound {
            what: format!("entry {id}"),
        })
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
    input.upsert(tx, id)?;
    let (tags, skills) = input.labels();
    tx.prepare_cached("DELETE FROM labels WHERE entry_id = ?1")?
        .execute([id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO labels (entry_id, kind, name, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (kind, names) in [("tag", tags), ("skill", skills)] {
        for (position, name) in names.iter().enumerate() {
            insert.execute(params![id, kind, name, position as i64])?;
        }
    }
    let (title, body) = input.search_text();
    let labels = tags
        .iter()
        .chain(skills)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let project_id = if R::KIND == EntryKind::Project {
        Some(id)
    } else {
        input.project_id()
    };
    tx.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
        .execute([id])?;
    tx.prepare_cached(
        "INSERT INTO search_index (rowid, title, body, labels, kind, project_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
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
        Some(s) => (
            Some(s.id),
            s.uuid.clone(),
            s.created_at.clone(),
            s.updated_at.clone(),
        ),
        None => (None, uuid::Uuid::new_v4().to_string(), stamp.clone(), stamp),
    };
    tx.prepare_cached(
        "INSERT INTO entries (id, uuid, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, uuid, kind.as_str(), created, updated])?;
    Ok(tx.last_insert_rowid())
}

impl Journal {
    /// Validates and writes an entry of any kind: a new one without `id`, else an update.
    pub(crate) fn save<R: Record>(&mut self, id: Option<i64>, input: R) -> Result<R::Full> {
        let input = input.validate()?;
        let tx = self.conn.transaction()?;
        let input = input.prepare(&tx)?;
        let id = match id {
            None => insert_entry(&tx, R::KIND, None)?,
            Some(id) => {
                let touched = tx
                    .prepare_cached(
                        "UPDATE entries SET updated_at = ?2 WHERE id = ?1 AND kind = ?3",
                    )?
                    .execute(params![id, now(), R::KIND.as_str()])?;
                if touched == 0 {
                    return Err(not_found(R::KIND, id));
                }
                id
            }
        };
        put(&tx, id, &input)?;
        let full = R::get(&tx, id)?;
        tx.commit()?;
        Ok(full)
    }

    pub fn add_project(&mut self, input: ProjectInput) -> Result<Project> {
        self.save(None, input)
    }
    pub fn update_project(&mut self, id: i64, input: ProjectInput) -> Result<Project> {
        self.save(Some(id), input)
    }
    pub fn add_metric(&mut self, input: MetricInput) -> Result<Metric> {
        self.save(None, input)
    }
    pub fn update_metric(&mut self, id: i64, input: MetricInput) -> Result<Metric> {
        self.save(Some(id), input)
    }
    pub fn add_decision(&mut self, input: DecisionInput) -> Result<Decision> {
        self.save(None, input)
    }
    pub fn update_decision(&mut self, id: i64, input: DecisionInput) -> Result<Decision> {
        self.save(Some(id), input)
    }
    pub fn add_artifact(&mut self, input: ArtifactInput) -> Result<Artifact> {
        self.save(None, input)
    }
    pub fn update_artifact(&mut self, id: i64, input: ArtifactInput) -> Result<Artifact> {
        self.save(Some(id), input)
    }
    pub fn add_feedback(&mut self, input: FeedbackInput) -> Result<Feedback> {
        self.save(None, input)
    }
    pub fn update_feedback(&mut self, id: i64, input: FeedbackInput) -> Result<Feedback> {
        self.save(Some(id), input)
    }
    pub fn add_note(&mut self, input: NoteInput) -> Result<Note> {
        self.save(None, input)
    }
    pub fn update_note(&mut self, id: i64, input: NoteInput) -> Result<Note> {
        self.save(Some(id), input)
    }

    pub fn project(&self, id: i64) -> Result<Project> {
        ProjectInput::get(&self.conn, id)
    }
    pub fn metric(&self, id: i64) -> Result<Metric> {
        MetricInput::get(&self.conn, id)
    }
    pub fn decision(&self, id: i64) -> Result<Decision> {
        DecisionInput::get(&self.conn, id)
    }
    pub fn artifact(&self, id: i64) -> Result<Artifact> {
        ArtifactInput::get(&self.conn, id)
    }
    pub fn feedback(&self, id: i64) -> Result<Feedback> {
        FeedbackInput::get(&self.conn, id)
    }
    pub fn note(&self, id: i64) -> Result<Note> {
        NoteInput::get(&self.conn, id)
    }

    /// A project with its metrics, decisions, artifacts, feedback and notes: one query each.
    pub fn project_detail(&self, id: i64) -> Result<ProjectDetail> {
        let project = self.project(id)?;
        Ok(ProjectDetail {
            metrics: self.children(
                METRIC_SELECT,
                "m",
                "m.measured_on DESC, m.id",
                id,
                metric_row,
            )?,
            decisions: self.children(
                DECISION_SELECT,
                "d",
                "d.decided_on DESC, d.id DESC",
                id,
                decision_row,
            )?,
            artifacts: self.children(
                ARTIFACT_SELECT,
                "a",
                "a.date DESC, a.id DESC",
                id,
                artifact_row,
            )?,
            feedback: self.children(
                FEEDBACK_SELECT,
                "f",
                "f.date DESC, f.id DESC",
                id,
                feedback_row,
            )?,
            notes: self.children(NOTE_SELECT, "n", "n.date DESC, n.id DESC", id, note_row)?,
            project,
        })
    }

    fn children<T>(
        &self,
        select: &str,
        alias: &str,
        order: &str,
        project_id: i64,
        row: fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let sql = format!("{select} WHERE {alias}.project_id = ?1 ORDER BY {order}");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([project_id], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of the journal list, newest first, each project with its best metric.
    pub fn list_projects(&self, offset: u32, limit: u32) -> Result<ProjectPage> {
        let limit = limit.clamp(1, 500);
        let total: u32 = self
            .conn
            .prepare_cached("SELECT count(*) FROM projects")?
            .query_row([], |r| r.get(0))?;
        let sql = format!(
            "{PROJECT_SELECT} ORDER BY coalesce(p.started_on, '9999') DESC, p.id DESC LIMIT ?1 OFFSET ?2"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let projects: Vec<Project> = statement
            .query_map([limit, offset], project_row)?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<i64> = projects.iter().map(|p| p.id).collect();
        let ids = serde_json::to_string(&ids).expect("ids serialise");
        // One query for the metrics of the whole page, one for the decision counts.
        let sql = format!(
            "{METRIC_SELECT} WHERE m.project_id IN (SELECT value FROM json_each(?1)) ORDER BY m.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let metrics: Vec<Metric> = statement
            .query_map([&ids], metric_row)?
            .collect::<rusqlite::Result<_>>()?;
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
                let own: Vec<&Metric> = metrics
                    .iter()
                    .filter(|m| m.project_id == project.id)
                    .collect();
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
        let notes = statement.query_map([limit.clamp(1, 10_000)], note_row)?;
        Ok(notes.collect::<rusqlite::Result<_>>()?)
    }

    /// Decisions past their review date with no outcome written yet, oldest review first.
    pub fn reviews_due(&self, today: NaiveDate) -> Result<Vec<Decision>> {
        let sql = format!(
            "{DECISION_SELECT} WHERE d.outcome IS NULL AND d.review_on <= ?1 ORDER BY d.review_on, d.id"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([today], decision_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What Home shows: counts, the open decision reviews and the latest notes.
    pub fn overview(&self) -> Result<JournalOverview> {
        let (project_count, entry_count) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM entries)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(JournalOverview {
            project_count,
            entry_count,
            reviews_due: self.reviews_due(today())?,
            recent_notes: self.list_notes(5)?,
        })
    }
}

/// The metric that argues best for a project: the largest improvement, else the latest.
pub fn best_metric<'a>(metrics: &[&'a Metric]) -> Option<&'a Metric> {
    let strength = |m: &Metric| MetricChange::of(m.baseline, m.result, m.better).strength();
    metrics
        .iter()
        .copied()
        .max_by(|a, b| strength(a).total_cmp(&strength(b)).then(a.id.cmp(&b.id)))
}

/// `select` with its tags and skills read as empty: for bulk reads that never show them,
/// where the two label subqueries per row cost most of the query.
fn without_labels(select: &str) -> String {
    select.replace(labels_sql!(), "'[]', '[]'")
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
    let rows = statement.query_map([ids], metric_row)?;
    rows.map(|m| m.map(|m| (m.id, m)).map_err(Error::from))
        .collect()
}

/// The columns of `PROJECT_SELECT`, `METRIC_SELECT` and `DECISION_SELECT` that bullet
/// wording reads; the others come back empty, so a whole-journal read allocates little.
const PROJECT_OUTCOMES: &str = "SELECT p.id, '', p.title, p.organization, p.role, p.started_on, \
     p.ended_on, p.scope, p.status, p.summary, '[]', '[]', '', '' FROM projects p \
     ORDER BY coalesce(p.started_on, '9999') DESC, p.id DESC";
const METRIC_OUTCOMES: &str = "SELECT m.id, '', m.project_id, m.name, m.unit, m.baseline, \
     m.result, m.better, m.measured_on, NULL, '[]', '[]' FROM metrics m ORDER BY m.id";
const DECISION_OUTCOMES: &str = "SELECT d.id, '', d.project_id, d.title, NULL, d.options, \
     d.chosen, d.tradeoffs, NULL, d.confidence, NULL, d.decided_on, NULL, '[]', '[]' \
     FROM decisions d WHERE d.project_id IS NOT NULL ORDER BY d.id";

/// Every project with its metrics and decisions, newest first, in three queries: what
/// bullet generation reads. Only what the wording uses is filled in (see
/// `PROJECT_OUTCOMES`); artifacts, feedback and notes are left empty.
pub(crate) fn projects_with_outcomes(conn: &rusqlite::Connection) -> Result<Vec<ProjectDetail>> {
    let projects: Vec<Project> = conn
        .prepare_cached(PROJECT_OUTCOMES)?
        .query_map([], project_row)?
        .collect::<rusqlite::Result<_>>()?;
    let metrics: Vec<Metric> = conn
        .prepare_cached(METRIC_OUTCOMES)?
        .query_map([], metric_row)?
        .collect::<rusqlite::Result<_>>()?;
    let decisions: Vec<Decision> = conn
        .prepare_cached(DECISION_OUTCOMES)?
        .query_map([], decision_row)?
        .collect::<rusqlite::Result<_>>()?;
    // Each project's place in the list, so metrics and decisions go straight to it.
    let place: std::collections::HashMap<i64, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
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
