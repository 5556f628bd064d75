//! Evidence queries: which journal entries satisfy a proof of readiness. One query per
//! proof, counting all matches and returning the most recent few.

use super::Journal;
use crate::content::{library, Evidence};
use crate::guides::{EvidenceEntry, Readiness};
use crate::journal::{EntryKind, Scope};
use crate::{Error, Result};

/// How many matching entries a proof lists.
const SHOWN: usize = 5;

/// The entries matching `evidence`, as (id, kind, title, project) rows, newest first.
fn evidence_sql(evidence: &Evidence) -> (&'static str, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    // A skill slug matches labels written with spaces or dashes, in any case.
    match evidence {
        Evidence::ProjectScope { at_least } => {
            let rank = Scope::ALL.iter().position(|s| s == at_least).unwrap_or(0);
            let wide: Vec<&str> = Scope::ALL[rank..].iter().map(|s| s.as_str()).collect();
            (
                "SELECT p.id AS id, 'project', p.title, p.id FROM projects p
                 WHERE p.scope IN (SELECT value FROM json_each(?1)) ORDER BY p.id DESC",
                vec![Value::Text(serde_json::to_string(&wide).expect("names serialise"))],
            )
        }
        Evidence::MetricImproved { unit } => (
            "SELECT m.id AS id, 'metric', m.name, m.project_id FROM metrics m
             WHERE m.baseline IS NOT NULL
               AND ((m.better = 'lower' AND m.result < m.baseline) OR (m.better = 'higher' AND m.result > m.baseline))
               AND (?1 IS NULL OR lower(m.unit) = lower(?1))
             ORDER BY m.id DESC",
            vec![unit.clone().map_or(Value::Null, Value::Text)],
        ),
        Evidence::Artifact { artifact } => (
            "SELECT a.id AS id, 'artifact', a.title, a.project_id FROM artifacts a WHERE a.kind = ?1 ORDER BY a.id DESC",
            vec![Value::Text(artifact.as_str().to_string())],
        ),
        Evidence::DecisionWithOptions { min_options } => (
            "SELECT d.id AS id, 'decision', d.title, d.project_id FROM decisions d
             WHERE json_array_length(d.options) >= ?1 ORDER BY d.id DESC",
            vec![Value::Integer(i64::from(*min_options))],
        ),
        Evidence::DecisionReviewed => (
            "SELECT d.id AS id, 'decision', d.title, d.project_id FROM decisions d
             WHERE d.outcome IS NOT NULL AND ?1 IS NULL ORDER BY d.id DESC",
            vec![Value::Null],
        ),
        Evidence::FeedbackSkill { skill } => (
            // The skill may be among the feedback's skills or its tags.
            "SELECT DISTINCT f.id AS id, 'feedback', 'Feedback from ' || f.source, f.project_id
             FROM feedback f JOIN labels l ON l.entry_id = f.id
             WHERE replace(lower(l.name), ' ', '-') = ?1 ORDER BY f.id DESC",
            vec![Value::Text(skill.clone())],
        ),
        Evidence::Skill { skill } => (
            "SELECT DISTINCT e.id AS id, e.kind,
               coalesce(p.title, m.name, d.title, a.title, 'Feedback from ' || f.source, n.text, s.title, ''),
               coalesce(p.id, m.project_id, d.project_id, a.project_id, f.project_id, n.project_id)
             FROM labels l JOIN entries e ON e.id = l.entry_id
             LEFT JOIN projects p ON p.id = e.id LEFT JOIN metrics m ON m.id = e.id
             LEFT JOIN decisions d ON d.id = e.id LEFT JOIN artifacts a ON a.id = e.id
             LEFT JOIN feedback f ON f.id = e.id LEFT JOIN notes n ON n.id = e.id
             LEFT JOIN stories s ON s.id = e.id
             WHERE replace(lower(l.name), ' ', '-') = ?1 ORDER BY e.id DESC",
            vec![Value::Text(skill.clone())],
        ),
        Evidence::FeedbackRating { min } => (
            "SELECT f.id AS id, 'feedback', 'Feedback from ' || f.source, f.project_id FROM feedback f
             WHERE f.rating >= ?1 ORDER BY f.id DESC",
            vec![Value::Integer(i64::from(*min))],
        ),
        Evidence::Project => (
            "SELECT p.id AS id, 'project', p.title, p.id FROM projects p
             WHERE ?1 IS NULL ORDER BY p.id DESC",
            vec![Value::Null],
        ),
        Evidence::MetricWithBaseline => (
            "SELECT m.id AS id, 'metric', m.name, m.project_id FROM metrics m
             WHERE m.baseline IS NOT NULL AND ?1 IS NULL ORDER BY m.id DESC",
            vec![Value::Null],
        ),
        Evidence::AnyArtifact => (
            "SELECT a.id AS id, 'artifact', a.title, a.project_id FROM artifacts a
             WHERE ?1 IS NULL ORDER BY a.id DESC",
            vec![Value::Null],
        ),
        Evidence::StoryRehearsed { question } => (
            // The story's newest rehearsal stands for it; the story is what is named.
            "SELECT s.id AS id, 'story', s.title, NULL FROM stories s
             WHERE EXISTS (SELECT 1 FROM rehearsals r WHERE r.story_id = s.id)
               AND (?1 IS NULL OR EXISTS (SELECT 1 FROM story_questions q
                                          WHERE q.story_id = s.id AND q.question = ?1))
             ORDER BY s.id DESC",
            vec![question.clone().map_or(Value::Null, Value::Text)],
        ),
        Evidence::MentoringOutcome => (
            "SELECT g.id AS id, 'goal', p.name || ': ' || g.text, NULL FROM goals g
               JOIN people p ON p.id = g.person_id
             WHERE g.reached_on IS NOT NULL AND ?1 IS NULL ORDER BY g.reached_on DESC, g.id DESC",
            vec![Value::Null],
        ),
        Evidence::SuccessorTrained => (
            "SELECT g.id AS id, 'goal', p.name || ': ' || g.text, NULL FROM goals g
               JOIN people p ON p.id = g.person_id
             WHERE g.took_over = 1 AND g.reached_on IS NOT NULL AND ?1 IS NULL
             ORDER BY g.reached_on DESC, g.id DESC",
            vec![Value::Null],
        ),
    }
}

impl Journal {
    /// The entries that satisfy `evidence`: how many, and the newest few.
    pub fn evidence(&self, evidence: &Evidence) -> Result<(u32, Vec<EvidenceEntry>)> {
        let (sql, values) = evidence_sql(evidence);
        let mut statement = self.conn.prepare_cached(sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let mut found = 0u32;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            found += 1;
            if entries.len() < SHOWN {
                let kind: String = row.get(1)?;
                let title: String = row.get(2)?;
                entries.push(EvidenceEntry {
                    id: row.get(0)?,
                    kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
                    title: crate::store::journal::note_title(&title),
                    project_id: row.get(3)?,
                });
            }
        }
        Ok((found, entries))
    }

    /// The newest entry matching `evidence` that was written or changed on or after
    /// `since` (a story counts from its latest rehearsal), or any time without `since`.
    pub fn newest_evidence(
        &self,
        evidence: &Evidence,
        since: Option<chrono::NaiveDate>,
    ) -> Result<Option<EvidenceEntry>> {
        let (sql, mut values) = evidence_sql(evidence);
        // Every evidence query binds exactly ?1 and names its first column `id`.
        let sql = format!(
            "SELECT q.* FROM ({sql}) q WHERE max(
               (SELECT updated_at FROM entries WHERE id = q.id),
               coalesce((SELECT max(started_at) FROM rehearsals WHERE story_id = q.id), '')
             ) >= ?2 ORDER BY q.id DESC LIMIT 1"
        );
        values.push(rusqlite::types::Value::Text(since.map(|d| d.to_string()).unwrap_or_default()));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let kind: String = row.get(1)?;
        let title: String = row.get(2)?;
        Ok(Some(EvidenceEntry {
            id: row.get(0)?,
            kind: EntryKind::parse(&kind).unwrap_or(EntryKind::Note),
            title: crate::store::journal::note_title(&title),
            project_id: row.get(3)?,
        }))
    }

    /// The progression framework of the technical leader guide, measured on this journal.
    pub fn readiness(&self) -> Result<Readiness> {
        let guide =
            library().guides.iter().find(|g| !g.stages.is_empty()).ok_or_else(|| {
                Error::NotFound { what: "a guide with progression stages".into() }
            })?;
        let band = self.profile()?.band;
        let mut failure = None;
        let readiness = crate::guides::readiness::assemble(
            &guide.stages,
            |evidence| match self.evidence(evidence) {
                Ok(found) => found,
                Err(error) => {
                    failure.get_or_insert(error);
                    (0, Vec::new())
                }
            },
            band,
        );
        match failure {
            Some(error) => Err(error),
            None => Ok(readiness),
        }
    }
}
