//! SQL of stories and rehearsals. A story's links to journal entries live in
//! `story_links`; reads join `entries`, so a trashed entry simply drops out of the story.

use rusqlite::{params, Row, Transaction};

use super::journal::{ensure, found, labels_of, Record};
use super::Journal;
use crate::journal::{EntryKind, Metric, Project};
use crate::stories::{
    follow_ups, validate, CoveringStory, Framework, QuestionCoverage, Rehearsal, RehearsalInput,
    Story, StoryDetail, StoryInput, StoryPreview,
};
use crate::Result;

/// Linked entry ids of one kind, for the story aliased `s`, in the engineer's order.
macro_rules! links_sql {
    ($kind:literal) => {
        concat!(
            "(SELECT json_group_array(entry_id) FROM (SELECT l.entry_id FROM story_links l \
             JOIN entries x ON x.id = l.entry_id WHERE l.story_id = s.id AND l.kind = '",
            $kind,
            "' ORDER BY l.position))"
        )
    };
}

const STORY_SELECT: &str = concat!(
    "SELECT e.id, e.uuid, s.title, s.framework, s.situation, s.task, s.context, s.action, s.result, \
     s.target_seconds, ",
    links_sql!("project"),
    ", ",
    links_sql!("metric"),
    ", ",
    links_sql!("decision"),
    ", (SELECT json_group_array(question) FROM (SELECT question FROM story_questions \
        WHERE story_id = s.id ORDER BY position)), ",
    "(SELECT json_group_array(name) FROM (SELECT name FROM labels \
       WHERE entry_id = e.id AND kind = 'tag' ORDER BY position)), \
     (SELECT json_group_array(name) FROM (SELECT name FROM labels \
       WHERE entry_id = e.id AND kind = 'skill' ORDER BY position)), \
     (SELECT count(*) FROM rehearsals r WHERE r.story_id = s.id), \
     (SELECT max(started_at) FROM rehearsals r WHERE r.story_id = s.id), \
     e.created_at, e.updated_at \
     FROM stories s JOIN entries e ON e.id = s.id"
);

const REHEARSAL_SELECT: &str = "SELECT e.id, e.uuid, r.story_id, r.started_at, r.total_ms, \
     r.section_ms, r.rating, r.note, r.target_seconds FROM rehearsals r JOIN entries e ON e.id = r.id";

fn json_of<T: serde::de::DeserializeOwned>(r: &Row, index: usize) -> rusqlite::Result<T> {
    let text: String = r.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

/// A story row before its linked entries are loaded.
struct StoryRow {
    id: i64,
    uuid: String,
    input: StoryInput,
    rehearsal_count: u32,
    last_rehearsed_at: Option<String>,
    created_at: String,
    updated_at: String,
}

fn story_row(r: &Row) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        input: StoryInput {
            title: r.get(2)?,
            framework: r.get(3)?,
            situation: r.get(4)?,
            task: r.get(5)?,
            context: r.get(6)?,
            action: r.get(7)?,
            result: r.get(8)?,
            target_seconds: r.get(9)?,
            project_ids: json_of(r, 10)?,
            metric_ids: json_of(r, 11)?,
            decision_ids: json_of(r, 12)?,
            questions: json_of(r, 13)?,
            tags: labels_of(r, 14)?,
            skills: labels_of(r, 15)?,
        },
        rehearsal_count: r.get(16)?,
        last_rehearsed_at: r.get(17)?,
        created_at: r.get(18)?,
        updated_at: r.get(19)?,
    })
}

fn rehearsal_row(r: &Row) -> rusqlite::Result<Rehearsal> {
    let total_ms = r.get::<_, i64>(4)?.max(0) as u64;
    let target_seconds: u32 = r.get(8)?;
    Ok(Rehearsal {
        id: r.get(0)?,
        uuid: r.get(1)?,
        story_id: r.get(2)?,
        started_at: r.get(3)?,
        total_ms,
        section_ms: json_of(r, 5)?,
        rating: r.get(6)?,
        note: r.get(7)?,
        target_seconds,
        over_target: total_ms > u64::from(target_seconds) * 1000,
    })
}

/// Builds the full story from its row: linked entries, estimate and plan.
fn story_of(conn: &rusqlite::Connection, row: StoryRow, words_per_minute: u32) -> Result<Story> {
    let preview = StoryPreview::of(&row.input, words_per_minute);
    let projects = row
        .input
        .project_ids
        .iter()
        .map(|id| crate::journal::ProjectInput::get(conn, *id))
        .collect::<Result<Vec<Project>>>()?;
    let metrics = row
        .input
        .metric_ids
        .iter()
        .map(|id| crate::journal::MetricInput::get(conn, *id))
        .collect::<Result<Vec<Metric>>>()?;
    let decisions = row
        .input
        .decision_ids
        .iter()
        .map(|id| crate::journal::DecisionInput::get(conn, *id))
        .collect::<Result<Vec<_>>>()?;
    Ok(Story {
        id: row.id,
        uuid: row.uuid,
        estimated_seconds: preview.estimated_seconds,
        estimate: preview.estimate,
        plan_seconds: preview.plan_seconds,
        projects,
        metrics,
        decisions,
        rehearsal_count: row.rehearsal_count,
        last_rehearsed_at: row.last_rehearsed_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        input: row.input,
    })
}

fn words_per_minute(conn: &rusqlite::Connection) -> u32 {
    conn.query_row(
        "SELECT value FROM settings WHERE key = 'words_per_minute'",
        [],
        |r| r.get::<_, String>(0),
    )
    .ok()
    .and_then(|v| v.parse().ok())
    .filter(|v| crate::settings::WORDS_PER_MINUTE_RANGE.contains(v))
    .unwrap_or(crate::stories::DEFAULT_WORDS_PER_MINUTE)
}

impl Record for StoryInput {
    const KIND: EntryKind = EntryKind::Story;
    type Full = Story;

    fn validate(self) -> Result<Self> {
        validate::story(self)
    }
    fn project_id(&self) -> Option<i64> {
        None
    }
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        for (kind, field, ids) in [
            (EntryKind::Project, "project_ids", &self.project_ids),
            (EntryKind::Metric, "metric_ids", &self.metric_ids),
            (EntryKind::Decision, "decision_ids", &self.decision_ids),
        ] {
            for id in ids {
                ensure(tx, kind, field, *id)?;
            }
        }
        if let Some(unknown) = self
            .questions
            .iter()
            .find(|slug| crate::content::library().question(slug).is_none())
        {
            return Err(crate::Error::invalid(
                "questions",
                format!("there is no interview question \"{unknown}\" in the guides"),
            ));
        }
        Ok(self)
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&self.tags, &self.skills)
    }
    fn search_text(&self) -> (String, String) {
        (self.title.clone(), self.texts().join("\n"))
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO stories (id, title, framework, situation, task, context, action, result, target_seconds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, framework = excluded.framework,
               situation = excluded.situation, task = excluded.task, context = excluded.context,
               action = excluded.action, result = excluded.result,
               target_seconds = excluded.target_seconds",
        )?
        .execute(params![
            id,
            self.title,
            self.framework,
            self.situation,
            self.task,
            self.context,
            self.action,
            self.result,
            self.target_seconds
        ])?;
        tx.prepare_cached("DELETE FROM story_links WHERE story_id = ?1")?
            .execute([id])?;
        let mut link = tx.prepare_cached(
            "INSERT INTO story_links (story_id, entry_id, kind, position) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (kind, ids) in [
            ("project", &self.project_ids),
            ("metric", &self.metric_ids),
            ("decision", &self.decision_ids),
        ] {
            for (position, entry) in ids.iter().enumerate() {
                link.execute(params![id, entry, kind, position as i64])?;
            }
        }
        tx.prepare_cached("DELETE FROM story_questions WHERE story_id = ?1")?
            .execute([id])?;
        let mut question = tx.prepare_cached(
            "INSERT INTO story_questions (story_id, question, position) VALUES (?1, ?2, ?3)",
        )?;
        for (position, slug) in self.questions.iter().enumerate() {
            question.execute(params![id, slug, position as i64])?;
        }
        Ok(())
    }
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Story> {
        let sql = format!("{STORY_SELECT} WHERE s.id = ?1");
        let row = found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], story_row),
        )?;
        story_of(conn, row, words_per_minute(conn))
    }
    fn input_of(full: &Story) -> Self {
        full.input.clone()
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        let mut statement = conn.prepare_cached(STORY_SELECT)?;
        let rows = statement.query_map([], story_row)?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            out.push((row.id, row.input));
        }
        Ok(out)
    }
}

impl Record for RehearsalInput {
    const KIND: EntryKind = EntryKind::Rehearsal;
    type Full = Rehearsal;

    fn validate(self) -> Result<Self> {
        Ok(self)
    }
    fn project_id(&self) -> Option<i64> {
        None
    }
    /// Checks the times against the story's framework and fills in the defaults.
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        ensure(tx, EntryKind::Story, "story_id", self.story_id)?;
        let (framework, target): (Framework, u32) = tx
            .prepare_cached("SELECT framework, target_seconds FROM stories WHERE id = ?1")?
            .query_row([self.story_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let checked = validate::rehearsal(self, framework)?;
        Ok(RehearsalInput {
            started_at: Some(
                checked
                    .started_at
                    .clone()
                    .unwrap_or_else(super::journal::now),
            ),
            target_seconds: Some(checked.target_seconds.unwrap_or(target)),
            ..checked
        })
    }
    fn labels(&self) -> (&[String], &[String]) {
        (&[], &[])
    }
    fn search_text(&self) -> (String, String) {
        let at = self.started_at.as_deref().unwrap_or_default();
        (
            format!("Rehearsal {}", at.get(..10).unwrap_or(at)),
            self.note.clone().unwrap_or_default(),
        )
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO rehearsals (id, story_id, started_at, total_ms, section_ms, rating, note, target_seconds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id,
               started_at = excluded.started_at, total_ms = excluded.total_ms,
               section_ms = excluded.section_ms, rating = excluded.rating, note = excluded.note,
               target_seconds = excluded.target_seconds",
        )?
        .execute(params![
            id,
            self.story_id,
            self.started_at,
            self.total_ms as i64,
            serde_json::to_string(&self.section_ms).expect("times serialise"),
            self.rating,
            self.note,
            self.target_seconds
        ])?;
        Ok(())
    }
    fn get(conn: &rusqlite::Connection, id: i64) -> Result<Rehearsal> {
        let sql = format!("{REHEARSAL_SELECT} WHERE r.id = ?1");
        found(
            Self::KIND,
            id,
            conn.prepare_cached(&sql)?.query_row([id], rehearsal_row),
        )
    }
    fn input_of(full: &Rehearsal) -> Self {
        RehearsalInput {
            story_id: full.story_id,
            started_at: Some(full.started_at.clone()),
            total_ms: full.total_ms,
            section_ms: full.section_ms.clone(),
            rating: full.rating,
            note: full.note.clone(),
            target_seconds: Some(full.target_seconds),
        }
    }
    fn all_inputs(conn: &rusqlite::Connection) -> Result<Vec<(i64, Self)>> {
        let mut statement = conn.prepare_cached(REHEARSAL_SELECT)?;
        let rows = statement.query_map([], rehearsal_row)?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            out.push((row.id, Self::input_of(&row)));
        }
        Ok(out)
    }
}

impl Journal {
    pub fn add_story(&mut self, input: StoryInput) -> Result<Story> {
        self.save(None, input)
    }
    pub fn update_story(&mut self, id: i64, input: StoryInput) -> Result<Story> {
        self.save(Some(id), input)
    }
    pub fn add_rehearsal(&mut self, input: RehearsalInput) -> Result<Rehearsal> {
        self.save(None, input)
    }

    /// The estimate and plan of a story being written, at the engineer's pace.
    pub fn preview_story(&self, input: &StoryInput) -> StoryPreview {
        StoryPreview::of(input, words_per_minute(&self.conn))
    }

    pub fn story(&self, id: i64) -> Result<Story> {
        StoryInput::get(&self.conn, id)
    }

    /// A story with its rehearsals, oldest first.
    pub fn story_detail(&self, id: i64) -> Result<StoryDetail> {
        let story = self.story(id)?;
        let sql = format!("{REHEARSAL_SELECT} WHERE r.story_id = ?1 ORDER BY r.started_at, r.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rehearsals = statement
            .query_map([id], rehearsal_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(StoryDetail { story, rehearsals })
    }

    /// The story bank, most recently changed first.
    pub fn list_stories(&self) -> Result<Vec<Story>> {
        let sql = format!("{STORY_SELECT} ORDER BY e.updated_at DESC, e.id DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows: Vec<StoryRow> = statement
            .query_map([], story_row)?
            .collect::<rusqlite::Result<_>>()?;
        let pace = words_per_minute(&self.conn);
        rows.into_iter()
            .map(|row| story_of(&self.conn, row, pace))
            .collect()
    }

    /// The drill after a rehearsal of story `id`: its linked questions' follow-ups and
    /// questions drawn from its own record.
    pub fn drill(&self, id: i64) -> Result<Vec<String>> {
        let story = self.story(id)?;
        let asked = crate::stories::question_follow_ups(&story.input.questions);
        Ok(follow_ups(
            &asked,
            &story.metrics,
            &story.decisions,
            story.rehearsal_count,
        ))
    }

    /// The questions to drill after a rehearsal of story `id`, rotating with each rehearsal.
    pub fn follow_ups(&self, id: i64, question_follow_ups: &[String]) -> Result<Vec<String>> {
        let story = self.story(id)?;
        Ok(follow_ups(
            question_follow_ups,
            &story.metrics,
            &story.decisions,
            story.rehearsal_count,
        ))
    }

    /// For each question slug given, the stories linked to it and whether one was rehearsed.
    pub fn question_coverage(&self, questions: &[&str]) -> Result<Vec<QuestionCoverage>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT q.story_id, s.title, (SELECT count(*) FROM rehearsals r WHERE r.story_id = q.story_id)
             FROM story_questions q JOIN stories s ON s.id = q.story_id
             WHERE q.question = ?1 ORDER BY s.title",
        )?;
        questions
            .iter()
            .map(|question| {
                let stories: Vec<CoveringStory> = statement
                    .query_map([question], |r| {
                        Ok(CoveringStory {
                            id: r.get(0)?,
                            title: r.get(1)?,
                            rehearsal_count: r.get(2)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(QuestionCoverage {
                    question: question.to_string(),
                    rehearsed: stories.iter().any(|s| s.rehearsal_count > 0),
                    stories,
                })
            })
            .collect()
    }

    /// Every question slug any story links to, for checking them against the guides.
    pub fn linked_questions(&self) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT DISTINCT question FROM story_questions ORDER BY question")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
