//! SQL of stories and rehearsals. A story's links to journal entries live in
//! `story_links`; reads join `entries`, so a trashed entry simply drops out of the story.

use rusqlite::{params, Row, Transaction};

use super::journal::{ensure, entry_select, head, labels, Record, OWN};
use super::Journal;
use crate::journal::{
    DecisionInput, EntryKind, FeedbackInput, Labels, MetricInput, ProjectInput, Stored,
};
use crate::macros::entry_type;
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

const STORY_SELECT: &str = entry_select!(
    "s.title, s.framework, s.situation, s.task, s.context, s.action, s.result, s.target_seconds, ",
    links_sql!("project"),
    ", ",
    links_sql!("metric"),
    ", ",
    links_sql!("decision"),
    ", ",
    links_sql!("feedback"),
    ", (SELECT json_group_array(question) FROM (SELECT question FROM story_questions \
        WHERE story_id = s.id ORDER BY position)), \
     (SELECT count(*) FROM rehearsals r WHERE r.story_id = s.id), \
     (SELECT max(started_at) FROM rehearsals r WHERE r.story_id = s.id), s.interview_on \
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

entry_type!(
    /// A story as its row holds it, before its linked entries and estimate are loaded.
    StoryRow(StoryInput) {
        pub rehearsal_count: u32,
        pub last_rehearsed_at: Option<String>,
    }
);

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
    fn each<R: Record>(conn: &rusqlite::Connection, ids: &[i64]) -> Result<Vec<R::Full>> {
        ids.iter().map(|id| R::get(conn, *id)).collect()
    }
    Ok(Story {
        id: row.id,
        uuid: row.uuid,
        estimated_seconds: preview.estimated_seconds,
        estimate: preview.estimate,
        plan_seconds: preview.plan_seconds,
        projects: each::<ProjectInput>(conn, &row.input.project_ids)?,
        metrics: each::<MetricInput>(conn, &row.input.metric_ids)?,
        decisions: each::<DecisionInput>(conn, &row.input.decision_ids)?,
        feedback: each::<FeedbackInput>(conn, &row.input.feedback_ids)?,
        rehearsal_count: row.rehearsal_count,
        last_rehearsed_at: row.last_rehearsed_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        input: row.input,
    })
}

fn words_per_minute(conn: &rusqlite::Connection) -> u32 {
    conn.query_row("SELECT value FROM settings WHERE key = 'words_per_minute'", [], |r| {
        r.get::<_, String>(0)
    })
    .ok()
    .and_then(|v| v.parse().ok())
    .filter(|v| crate::settings::WORDS_PER_MINUTE_RANGE.contains(v))
    .unwrap_or(crate::stories::DEFAULT_WORDS_PER_MINUTE)
}

impl Record for StoryInput {
    const KIND: EntryKind = EntryKind::Story;
    const SELECT: &'static str = STORY_SELECT;
    /// The story as its row holds it; `Journal::story` adds what it links to.
    type Full = StoryRow;

    fn row(r: &Row) -> rusqlite::Result<StoryRow> {
        let input = StoryInput {
            title: r.get(OWN)?,
            framework: r.get(OWN + 1)?,
            situation: r.get(OWN + 2)?,
            task: r.get(OWN + 3)?,
            context: r.get(OWN + 4)?,
            action: r.get(OWN + 5)?,
            result: r.get(OWN + 6)?,
            target_seconds: r.get(OWN + 7)?,
            project_ids: json_of(r, OWN + 8)?,
            metric_ids: json_of(r, OWN + 9)?,
            decision_ids: json_of(r, OWN + 10)?,
            feedback_ids: json_of(r, OWN + 11)?,
            questions: json_of(r, OWN + 12)?,
            interview_on: r.get(OWN + 15)?,
            labels: labels(r)?,
        };
        Ok(StoryRow::new(head(r)?, input, r.get(OWN + 13)?, r.get(OWN + 14)?))
    }
    fn validate(self) -> Result<Self> {
        validate::story(self)
    }
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        for (kind, field, ids) in [
            (EntryKind::Project, "project_ids", &self.project_ids),
            (EntryKind::Metric, "metric_ids", &self.metric_ids),
            (EntryKind::Decision, "decision_ids", &self.decision_ids),
            (EntryKind::Feedback, "feedback_ids", &self.feedback_ids),
        ] {
            for id in ids {
                ensure(tx, kind, field, *id)?;
            }
        }
        super::journal::ensure_common(tx, &self)?;
        if let Some(unknown) =
            self.questions.iter().find(|slug| crate::content::library().question(slug).is_none())
        {
            return Err(crate::Error::invalid(
                "questions",
                format!("there is no interview question \"{unknown}\" in the guides"),
            ));
        }
        Ok(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        (self.title.clone(), self.texts().join("\n"))
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO stories (id, title, framework, situation, task, context, action, result,
               target_seconds, interview_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, framework = excluded.framework,
               situation = excluded.situation, task = excluded.task, context = excluded.context,
               action = excluded.action, result = excluded.result,
               target_seconds = excluded.target_seconds, interview_on = excluded.interview_on",
        )?
        .execute(params![
            id, self.title, self.framework, self.situation, self.task, self.context, self.action,
            self.result, self.target_seconds, self.interview_on
        ])?;
        tx.prepare_cached("DELETE FROM story_links WHERE story_id = ?1")?.execute([id])?;
        let mut link = tx.prepare_cached(
            "INSERT INTO story_links (story_id, entry_id, kind, position) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (kind, ids) in [
            ("project", &self.project_ids),
            ("metric", &self.metric_ids),
            ("decision", &self.decision_ids),
            ("feedback", &self.feedback_ids),
        ] {
            for (position, entry) in ids.iter().enumerate() {
                link.execute(params![id, entry, kind, position as i64])?;
            }
        }
        tx.prepare_cached("DELETE FROM story_questions WHERE story_id = ?1")?.execute([id])?;
        let mut question = tx.prepare_cached(
            "INSERT INTO story_questions (story_id, question, position) VALUES (?1, ?2, ?3)",
        )?;
        for (position, slug) in self.questions.iter().enumerate() {
            question.execute(params![id, slug, position as i64])?;
        }
        Ok(())
    }
}

impl Record for RehearsalInput {
    const KIND: EntryKind = EntryKind::Rehearsal;
    const SELECT: &'static str = REHEARSAL_SELECT;
    type Full = Rehearsal;

    fn row(r: &Row) -> rusqlite::Result<Rehearsal> {
        rehearsal_row(r)
    }
    fn validate(self) -> Result<Self> {
        Ok(self)
    }
    /// Checks the times against the story's framework and fills in the defaults.
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        ensure(tx, EntryKind::Story, "story_id", self.story_id)?;
        let (framework, target): (Framework, u32) = tx
            .prepare_cached("SELECT framework, target_seconds FROM stories WHERE id = ?1")?
            .query_row([self.story_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let checked = validate::rehearsal(self, framework)?;
        Ok(RehearsalInput {
            started_at: Some(checked.started_at.clone().unwrap_or_else(super::journal::now)),
            target_seconds: Some(checked.target_seconds.unwrap_or(target)),
            ..checked
        })
    }
    fn labels(&self) -> &Labels {
        static NONE: Labels =
            Labels { tags: Vec::new(), skills: Vec::new(), person_ids: Vec::new(), private: false };
        &NONE
    }
    fn search_text(&self) -> (String, String) {
        let at = self.started_at.as_deref().unwrap_or_default();
        (format!("Rehearsal {}", at.get(..10).unwrap_or(at)), self.note.clone().unwrap_or_default())
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
}

impl Stored for Rehearsal {
    type Input = RehearsalInput;
    fn id(&self) -> i64 {
        self.id
    }
    fn to_input(&self) -> RehearsalInput {
        RehearsalInput {
            story_id: self.story_id,
            started_at: Some(self.started_at.clone()),
            total_ms: self.total_ms,
            section_ms: self.section_ms.clone(),
            rating: self.rating,
            note: self.note.clone(),
            target_seconds: Some(self.target_seconds),
        }
    }
}

impl Journal {
    /// Saves a story (a new one without `id`) and answers with what it links to.
    pub fn save_story(&mut self, id: Option<i64>, input: StoryInput) -> Result<Story> {
        let saved = self.save(id, input)?;
        story_of(&self.conn, saved, words_per_minute(&self.conn))
    }

    /// The estimate and plan of a story being written, at the engineer's pace.
    pub fn preview_story(&self, input: &StoryInput) -> StoryPreview {
        StoryPreview::of(input, words_per_minute(&self.conn))
    }

    pub fn story(&self, id: i64) -> Result<Story> {
        let row = StoryInput::get(&self.conn, id)?;
        story_of(&self.conn, row, words_per_minute(&self.conn))
    }

    /// A story with its rehearsals, oldest first.
    pub fn story_detail(&self, id: i64) -> Result<StoryDetail> {
        let story = self.story(id)?;
        let sql = format!("{REHEARSAL_SELECT} WHERE r.story_id = ?1 ORDER BY r.started_at, r.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rehearsals =
            statement.query_map([id], rehearsal_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(StoryDetail { story, rehearsals })
    }

    /// The story bank, most recently changed first.
    pub fn list_stories(&self) -> Result<Vec<Story>> {
        let sql = format!("{STORY_SELECT} ORDER BY e.updated_at DESC, e.id DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows: Vec<StoryRow> =
            statement.query_map([], StoryInput::row)?.collect::<rusqlite::Result<_>>()?;
        let pace = words_per_minute(&self.conn);
        rows.into_iter().map(|row| story_of(&self.conn, row, pace)).collect()
    }

    /// The drill after a rehearsal of story `id`: its linked questions' follow-ups and
    /// questions drawn from its own record.
    pub fn drill(&self, id: i64) -> Result<Vec<String>> {
        let story = self.story(id)?;
        let asked = crate::stories::question_follow_ups(&story.input.questions);
        Ok(follow_ups(&asked, &story.metrics, &story.decisions, story.rehearsal_count))
    }

    /// The questions to drill after a rehearsal of story `id`, rotating with each rehearsal.
    pub fn follow_ups(&self, id: i64, question_follow_ups: &[String]) -> Result<Vec<String>> {
        let story = self.story(id)?;
        Ok(follow_ups(question_follow_ups, &story.metrics, &story.decisions, story.rehearsal_count))
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
