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
                "SELECT p.id, 'project', p.title, p.id FROM projects p
                 WHERE p.scope IN (SELECT value FROM json_each(?1)) ORDER BY p.id DESC",
                vec![Value::Text(serde_json::to_string(&wide).expect("names serialise"))],
            )
        }
        Evidence::MetricImproved { unit } => (
            "SELECT m.id, 'metric', m.name, m.project_id FROM metrics m
             WHERE m.baseline IS NOT NULL
               AND ((m.better = 'lower' AND m.result < m.baseline) OR (m.better = 'higher' AND m.result > m.baseline))
               AND (?1 IS NULL OR lower(m.unit) = lower(?1))
             ORDER BY m.id DESC",
            vec![unit.clone().map_or(Value::Null, Value::Text)],
        ),
        Evidence::Artifact { artifact } => (
            "SELECT a.id, 'artifact', a.title, a.project_id FROM artifacts a WHERE a.kind = ?1 ORDER BY a.id DESC",
            vec![Value::Text(artifact.as_str().to_string())],
        ),
        Evidence::DecisionWithOptions { min_options } => (
            "SELECT d.id, 'decision', d.title, d.project_id FROM decisions d
             WHERE json_array_length(d.options) >= ?1 ORDER BY d.id DESC",
            vec![Value::Integer(i64::from(*min_options))],
        ),
        Evidence::DecisionReviewed => (
            "SELECT d.id, 'decision', d.title, d.project_id FROM decisions d
             WHERE d.outcome IS NOT NULL AND ?1 IS NULL ORDER BY d.id DESC",
            vec![Value::Null],
        ),
        Evidence::FeedbackSkill { skill } => (
            // The skill may be among the feedback's skills or its tags.
            "SELECT DISTINCT f.id, 'feedback', 'Feedback from ' || f.source, f.project_id
             FROM feedback f JOIN labels l ON l.entry_id = f.id
             WHERE replace(lower(l.name), ' ', '-') = ?1 ORDER BY f.id DESC",
            vec![Value::Text(skill.clone())],
        ),
        Evidence::Skill { skill } => (
            "SELECT DISTINCT e.id, e.kind,
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
            "SELECT f.id, 'feedback', 'Feedback from ' || f.source, f.project_id FROM feedback f
             WHERE f.rating >= ?1 ORDER BY f.id DESC",
            vec![Value::Integer(i64::from(*min))],
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

    /// The progression framework of the technical leader guide, measured on this journal.
    pub fn readiness(&self) -> Result<Readiness> {
        let guide = library()
            .guides
            .iter()
            .find(|g| !g.stages.is_empty())
            .ok_or_else(|| Error::NotFound {
                what: "a guide with progression stages".into(),
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
