//! SQL of resume bullets and variants. Regeneration keeps every edit: an edited bullet
//! only learns its new generated wording, never loses the engineer's.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};

use super::journal::{found_named, metrics_by_id, projects_with_outcomes};
use super::Journal;
use crate::journal::{DecisionInput, DecisionOption, Labels, Metric, ProjectDetail};
use crate::resume::{
    candidates, learn_decision, lint_with, names_of, preview_bullet, Bullet, BulletPreview,
    Finding, Names, PreviewContext, PreviewEntry, Variant, VariantFilter, VariantSummary,
};
use crate::{Error, Result};

const BULLET_SELECT: &str = "SELECT b.id, b.uuid, b.project_id, b.key, b.text, b.generated_text, b.edited,
    b.included, b.position, b.sources, p.title, p.organization, p.role, p.started_on, p.ended_on,
    (SELECT json_group_array(name) FROM (SELECT name FROM labels WHERE entry_id = p.id AND kind = 'tag' ORDER BY position)),
    (SELECT json_group_array(name) FROM (SELECT name FROM labels WHERE entry_id = p.id AND kind = 'skill' ORDER BY position))
    FROM bullets b JOIN projects p ON p.id = b.project_id";

/// Every bullet, in resume order, with the project's labels left to `project_labels`:
/// two label subqueries per bullet cost more than the rest of the list.
const BULLET_LIST: &str =
    "SELECT b.id, b.uuid, b.project_id, b.key, b.text, b.generated_text, b.edited,
    b.included, b.position, b.sources, p.title, p.organization, p.role, p.started_on, p.ended_on,
    '[]', '[]' FROM bullets b JOIN projects p ON p.id = b.project_id
    WHERE b.included OR ?1 ORDER BY b.position, b.id";

/// The tags and skills of every project, in the engineer's order, in one query.
fn project_labels(conn: &rusqlite::Connection) -> Result<HashMap<i64, Labels>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.entry_id, l.kind, l.name FROM labels l JOIN projects p ON p.id = l.entry_id
         ORDER BY l.entry_id, l.kind, l.position",
    )?;
    let mut rows = statement.query([])?;
    let mut labels: HashMap<i64, Labels> = HashMap::new();
    while let Some(row) = rows.next()? {
        let kind: String = row.get(1)?;
        let entry = labels.entry(row.get(0)?).or_default();
        let list = if kind == "tag" { &mut entry.tags } else { &mut entry.skills };
        list.push(row.get(2)?);
    }
    Ok(labels)
}

fn json_list<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

fn bullet_row(r: &Row) -> rusqlite::Result<Bullet> {
    Ok(Bullet {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        key: r.get(3)?,
        text: r.get(4)?,
        generated_text: r.get(5)?,
        edited: r.get(6)?,
        included: r.get(7)?,
        position: r.get(8)?,
        sources: json_list(r, 9)?,
        project_title: r.get(10)?,
        organization: r.get(11)?,
        role: r.get(12)?,
        started_on: r.get(13)?,
        ended_on: r.get(14)?,
        tags: json_list(r, 15)?,
        skills: json_list(r, 16)?,
        findings: Vec::new(),
    })
}

const MAX_BULLET: usize = 1_000;

/// The index a 1-based place `to` takes in a list of `len` others: 0 and 1 are first,
/// anything past the end is last.
fn place(to: u32, len: usize) -> usize {
    (to.max(1) as usize - 1).min(len)
}

pub(super) fn check_text(text: &str) -> Result<String> {
    let text = text.trim().replace('\n', " ");
    if text.is_empty() {
        return Err(Error::invalid("text", "cannot be empty"));
    }
    if text.chars().count() > MAX_BULLET {
        return Err(Error::invalid("text", format!("the limit is {MAX_BULLET} characters")));
    }
    Ok(text)
}

pub(super) fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", "cannot be empty"));
    }
    if name.chars().count() > 80 {
        return Err(Error::invalid("name", "the limit is 80 characters"));
    }
    Ok(name.to_string())
}

pub(super) fn check_filter(filter: &VariantFilter) -> Result<()> {
    if let (Some(since), Some(until)) = (filter.since, filter.until) {
        if until < since {
            return Err(Error::invalid("until", "is before the start of the range (since)"));
        }
    }
    Ok(())
}

impl Journal {
    /// Brings the generated bullets up to date with the journal; returns how many changed.
    pub fn refresh_bullets(&mut self) -> Result<u32> {
        let state = self.write_state()?;
        if self.bullets_synced == Some(state) {
            return Ok(0);
        }
        let details = projects_with_outcomes(&self.conn)?;
        let names = names_of(&details);
        let tx = self.conn.transaction()?;
        let mut existing: HashMap<String, (i64, String, bool)> = HashMap::new();
        {
            let mut statement =
                tx.prepare_cached("SELECT key, id, generated_text, edited FROM bullets")?;
            let rows = statement.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })?;
            for row in rows {
                let (key, value) = row?;
                existing.insert(key, value);
            }
        }
        let mut next: u32 =
            tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM bullets", [], |r| r.get(0))?;
        let mut changed = 0;
        let sources_of = |c: &crate::resume::Candidate| {
            serde_json::to_string(&c.sources).expect("ids serialise")
        };
        for detail in &details {
            for candidate in candidates(detail, &names) {
                // Taken out as it is met: what is left afterwards was not generated again.
                match existing.remove(&candidate.key) {
                    Some((_, generated, _)) if generated == candidate.text => {}
                    Some((id, _, edited)) => {
                        changed += 1;
                        tx.prepare_cached(
                            "UPDATE bullets SET generated_text = ?2, sources = ?3,
                               text = CASE WHEN ?4 THEN text ELSE ?2 END WHERE id = ?1",
                        )?
                        .execute(params![
                            id,
                            candidate.text,
                            sources_of(&candidate),
                            edited
                        ])?;
                    }
                    None => {
                        changed += 1;
                        tx.prepare_cached(
                            "INSERT INTO bullets (uuid, project_id, key, text, generated_text, included, position, sources)
                             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)",
                        )?
                        .execute(params![
                            uuid::Uuid::new_v4().to_string(),
                            detail.project.id,
                            candidate.key,
                            candidate.text,
                            candidate.strong,
                            next,
                            sources_of(&candidate)
                        ])?;
                        next += 1;
                    }
                }
            }
        }
        // Unedited bullets of entries that are gone go too; a trashed project keeps its
        // bullets hidden until it is restored.
        for (id, _, edited) in existing.values() {
            if *edited {
                continue;
            }
            let project_present: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM bullets b JOIN projects p ON p.id = b.project_id WHERE b.id = ?1)")?
                .query_row([id], |r| r.get(0))?;
            if project_present {
                tx.prepare_cached("DELETE FROM bullets WHERE id = ?1")?.execute([id])?;
                changed += 1;
            }
        }
        tx.commit()?;
        self.bullets_synced = Some(self.write_state()?);
        Ok(changed)
    }

    /// Where the journal's writes stand: `data_version` moves with other connections'
    /// commits, `total_changes` with this one's rows written.
    fn write_state(&self) -> Result<(i64, u64)> {
        let version = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((version, self.conn.total_changes()))
    }

    /// Every bullet of the projects in the journal, in resume order, each with its lint.
    pub fn bullets(&self) -> Result<Vec<Bullet>> {
        self.with_findings(self.bullets_unlinted(true)?)
    }

    /// Every bullet (or only the picked ones) in resume order, without lint findings: what
    /// an export writes.
    fn bullets_unlinted(&self, all: bool) -> Result<Vec<Bullet>> {
        let mut statement = self.conn.prepare_cached(BULLET_LIST)?;
        let mut bullets: Vec<Bullet> =
            statement.query_map([all], bullet_row)?.collect::<rusqlite::Result<_>>()?;
        let labels = project_labels(&self.conn)?;
        for b in &mut bullets {
            if let Some(own) = labels.get(&b.project_id) {
                b.tags.clone_from(&own.tags);
                b.skills.clone_from(&own.skills);
            }
        }
        Ok(bullets)
    }

    /// The names the journal uses (organisations and roles, and the capitals of its titles,
    /// options, summaries and metric names), which the lint takes as names mid-sentence.
    pub fn names(&self) -> Result<Names> {
        let mut names = Names::new();
        let mut projects =
            self.conn.prepare_cached("SELECT organization, role, title, summary FROM projects")?;
        let mut rows = projects.query([])?;
        while let Some(r) = rows.next()? {
            for i in [0, 1] {
                if let Some(run) = r.get::<_, Option<String>>(i)? {
                    names.organization(&run);
                }
            }
            names.title(&r.get::<_, String>(2)?);
            if let Some(summary) = r.get::<_, Option<String>>(3)? {
                names.text(&summary);
            }
        }
        let mut metrics = self.conn.prepare_cached("SELECT name FROM metrics")?;
        let mut rows = metrics.query([])?;
        while let Some(r) = rows.next()? {
            names.text(&r.get::<_, String>(0)?);
        }
        let mut decisions = self.conn.prepare_cached(
            "SELECT title, options, chosen, goal, context, tradeoffs FROM decisions",
        )?;
        let mut rows = decisions.query([])?;
        while let Some(r) = rows.next()? {
            let options: Vec<DecisionOption> =
                serde_json::from_str(&r.get::<_, String>(1)?).unwrap_or_default();
            learn_decision(
                &mut names,
                &DecisionInput {
                    title: r.get(0)?,
                    options,
                    chosen: r.get(2)?,
                    goal: r.get(3)?,
                    context: r.get(4)?,
                    tradeoffs: r.get(5)?,
                    ..Default::default()
                },
            );
        }
        Ok(names)
    }

    /// The lint of text being typed, with the journal's names known.
    pub fn lint_text(&self, text: &str) -> Result<Vec<Finding>> {
        Ok(lint_with(text, &[], &self.names()?))
    }

    /// The bullet an entry being typed would make, and its lint. `id` is the entry being
    /// edited, if it is saved already: its saved version is not one of its project's others.
    pub fn preview_bullet(&self, id: Option<i64>, entry: &PreviewEntry) -> Result<BulletPreview> {
        let mut names = self.names()?;
        let project_id = match entry {
            PreviewEntry::Project(p) => {
                names.title(&p.title);
                for run in [&p.organization, &p.role].into_iter().flatten() {
                    names.organization(run);
                }
                None
            }
            PreviewEntry::Metric(m) => {
                names.text(&m.name);
                Some(m.project_id)
            }
            PreviewEntry::Decision(d) => {
                learn_decision(&mut names, d);
                d.project_id
            }
        };
        let detail = match project_id {
            Some(project) if project > 0 => Some(self.project_detail(project)?),
            _ => None,
        };
        let others: Vec<Metric> = detail
            .iter()
            .flat_map(|d| d.metrics.iter())
            .filter(|m| Some(m.id) != id)
            .cloned()
            .collect();
        let project = match entry {
            PreviewEntry::Project(p) => Some(p),
            _ => detail.as_ref().map(|d| &d.project.input),
        };
        Ok(preview_bullet(entry, &PreviewContext { project, metrics: &others, names: &names }))
    }

    fn with_findings(&self, mut bullets: Vec<Bullet>) -> Result<Vec<Bullet>> {
        let names = self.names()?;
        let mut cited: Vec<i64> = bullets.iter().flat_map(|b| b.sources.clone()).collect();
        cited.sort_unstable();
        cited.dedup();
        let metrics = metrics_by_id(&self.conn, &cited)?;
        for b in &mut bullets {
            let cited: Vec<Metric> =
                b.sources.iter().filter_map(|id| metrics.get(id).cloned()).collect();
            b.findings = lint_with(&b.text, &cited, &names);
        }
        Ok(bullets)
    }

    pub fn bullet(&self, id: i64) -> Result<Bullet> {
        let sql = format!("{BULLET_SELECT} WHERE b.id = ?1");
        let bullet = found_named(
            &format!("bullet {id}"),
            self.conn.prepare_cached(&sql)?.query_row([id], bullet_row),
        )?;
        Ok(self.with_findings(vec![bullet])?.remove(0))
    }

    /// Rewords a bullet; it keeps its sources and regeneration no longer overwrites it.
    pub fn edit_bullet(&mut self, id: i64, text: &str) -> Result<Bullet> {
        let text = check_text(text)?;
        self.bullet(id)?;
        self.conn
            .prepare_cached(
                "UPDATE bullets SET text = ?2, edited = (?2 != generated_text) WHERE id = ?1",
            )?
            .execute(params![id, text])?;
        self.bullet(id)
    }

    /// Back to the generated wording.
    pub fn reset_bullet(&mut self, id: i64) -> Result<Bullet> {
        self.bullet(id)?;
        self.conn
            .prepare_cached("UPDATE bullets SET text = generated_text, edited = 0 WHERE id = ?1")?
            .execute([id])?;
        self.bullet(id)
    }

    /// Picks a bullet for the resume, or leaves it out.
    pub fn include_bullet(&mut self, id: i64, included: bool) -> Result<Bullet> {
        self.bullet(id)?;
        self.conn
            .prepare_cached("UPDATE bullets SET included = ?2 WHERE id = ?1")?
            .execute(params![id, included])?;
        self.bullet(id)
    }

    /// Puts the bullets in the order given; bullets not listed keep their place after them.
    pub fn order_bullets(&mut self, ids: &[i64]) -> Result<Vec<Bullet>> {
        let tx = self.conn.transaction()?;
        let all: Vec<i64> = tx
            .prepare_cached("SELECT id FROM bullets ORDER BY position, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(unknown) = ids.iter().find(|id| !all.contains(id)) {
            return Err(Error::NotFound { what: format!("bullet {unknown}") });
        }
        let order = ids.iter().chain(all.iter().filter(|id| !ids.contains(id)));
        for (position, id) in order.enumerate() {
            tx.prepare_cached("UPDATE bullets SET position = ?2 WHERE id = ?1")?
                .execute(params![id, position as i64 + 1])?;
        }
        tx.commit()?;
        self.bullets()
    }

    /// Moves one bullet to place `to` (1 is first) of the resume order, as `bullets` lists
    /// them; a place past the end moves it last.
    pub fn move_bullet(&mut self, id: i64, to: u32) -> Result<Vec<Bullet>> {
        self.bullet(id)?;
        let mut order: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM bullets ORDER BY position, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        order.retain(|b| *b != id);
        order.insert(place(to, order.len()), id);
        self.order_bullets(&order)
    }

    /// Moves one of a variant's bullets to place `to` (1 is first) of the variant's order;
    /// the variant's own wording and exclusions stay.
    pub fn move_variant_bullet(&mut self, variant: i64, bullet: i64, to: u32) -> Result<Variant> {
        let mut order: Vec<i64> = self.variant(variant)?.bullets.iter().map(|b| b.id).collect();
        if !order.contains(&bullet) {
            self.bullet(bullet)?;
            return Err(Error::invalid(
                "bullet",
                format!(
                    "bullet {bullet} is not in this variant (its filters or picks leave it out)"
                ),
            ));
        }
        order.retain(|b| *b != bullet);
        order.insert(place(to, order.len()), bullet);
        let tx = self.conn.transaction()?;
        for (position, id) in order.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO variant_bullets (variant_id, bullet_id, position) VALUES (?1, ?2, ?3)
                 ON CONFLICT (variant_id, bullet_id) DO UPDATE SET position = excluded.position",
            )?
            .execute(params![variant, id, position as i64 + 1])?;
        }
        tx.commit()?;
        self.variant(variant)
    }

    /// The variant called `name` (any case), with its bullets.
    pub fn variant_named(&self, name: &str) -> Result<Variant> {
        let id = self.variant_id(name.trim())?;
        self.variant(id)
    }

    pub fn variants(&self) -> Result<Vec<VariantSummary>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, filter FROM variants WHERE deleted_at IS NULL ORDER BY name",
        )?;
        let rows = statement.query_map([], |r| {
            Ok(VariantSummary { id: r.get(0)?, name: r.get(1)?, filter: json_list(r, 2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates a variant, or renames and refilters the variant `id`.
    pub fn save_variant(
        &mut self,
        id: Option<i64>,
        name: &str,
        filter: &VariantFilter,
    ) -> Result<Variant> {
        let name = check_name(name)?;
        check_filter(filter)?;
        let taken: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM variants WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
            )?
            .query_row([&name], |r| r.get(0))
            .optional()?;
        if taken.is_some_and(|t| Some(t) != id) {
            return Err(Error::invalid(
                "name",
                format!("a variant called \"{name}\" already exists"),
            ));
        }
        let filter_json = serde_json::to_string(filter).expect("filters serialise");
        let id = match id {
            Some(id) => {
                let updated = self
                    .conn
                    .prepare_cached("UPDATE variants SET name = ?2, filter = ?3, updated_at = ?4 WHERE id = ?1 AND deleted_at IS NULL")?
                    .execute(params![id, name, filter_json, super::journal::now()])?;
                if updated == 0 {
                    return Err(Error::NotFound { what: format!("variant {id}") });
                }
                id
            }
            None => {
                self.conn
                    .prepare_cached("INSERT INTO variants (uuid, name, filter, updated_at) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(params![
                        uuid::Uuid::new_v4().to_string(),
                        name,
                        filter_json,
                        super::journal::now()
                    ])?;
                self.conn.last_insert_rowid()
            }
        };
        self.variant(id)
    }

    fn variant_id(&self, name: &str) -> Result<i64> {
        let id = self
            .conn
            .prepare_cached(
                "SELECT id FROM variants WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL",
            )?
            .query_row([name], |r| r.get(0))
            .optional()?;
        id.ok_or_else(|| Error::NotFound { what: format!("a variant called \"{name}\"") })
    }

    /// A variant with the bullets it takes, in its order and wording.
    pub fn variant(&self, id: i64) -> Result<Variant> {
        let summary = self
            .variants()?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| Error::NotFound { what: format!("variant {id}") })?;
        let mut overrides: HashMap<i64, (Option<u32>, Option<String>, bool)> = HashMap::new();
        {
            let mut statement = self
                .conn
                .prepare_cached("SELECT bullet_id, position, text, excluded FROM variant_bullets WHERE variant_id = ?1")?;
            for row in
                statement.query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
            {
                let (bullet, value) = row?;
                overrides.insert(bullet, value);
            }
        }
        let names = self.names()?;
        let mut bullets: Vec<(u32, Bullet)> = self
            .bullets()?
            .into_iter()
            .filter(|b| b.included && summary.filter.matches(b))
            .filter_map(|mut b| {
                let (position, text, excluded) =
                    overrides.get(&b.id).cloned().unwrap_or((None, None, false));
                if excluded {
                    return None;
                }
                if let Some(text) = text {
                    b.text = text;
                    b.edited = true;
                    b.findings = lint_with(&b.text, &[], &names);
                }
                Some((position.unwrap_or(b.position), b))
            })
            .collect();
        bullets.sort_by_key(|(position, b)| (*position, b.position, b.id));
        Ok(Variant {
            id,
            name: summary.name,
            filter: summary.filter,
            bullets: bullets.into_iter().map(|(_, b)| b).collect(),
        })
    }

    /// A variant's own wording, exclusion or place for one bullet; `text: None` keeps the
    /// bullet's own wording.
    pub fn tailor_bullet(
        &mut self,
        variant: i64,
        bullet: i64,
        text: Option<&str>,
        excluded: bool,
        position: Option<u32>,
    ) -> Result<Variant> {
        self.variant(variant)?;
        self.bullet(bullet)?;
        let text = text.map(check_text).transpose()?;
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO variant_bullets (variant_id, bullet_id, position, text, excluded) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (variant_id, bullet_id) DO UPDATE SET position = excluded.position,
               text = excluded.text, excluded = excluded.excluded",
        )?
        .execute(params![variant, bullet, position, text, excluded])?;
        // The tailoring is part of the variant: an import compares the variant's time.
        tx.prepare_cached("UPDATE variants SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![variant, super::journal::now()])?;
        tx.commit()?;
        self.variant(variant)
    }

    /// Deletes a variant, restorable with `restore_variant` until the journal is closed.
    pub fn delete_variant(&mut self, id: i64) -> Result<VariantSummary> {
        let variant = self.variant(id)?;
        self.conn
            .prepare_cached("UPDATE variants SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1")?
            .execute(params![id, super::journal::now()])?;
        Ok(VariantSummary { id, name: variant.name, filter: variant.filter })
    }

    pub fn restore_variant(&mut self, id: i64) -> Result<Variant> {
        let name: Option<String> = self
            .conn
            .prepare_cached("SELECT name FROM variants WHERE id = ?1 AND deleted_at IS NOT NULL")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let name = name.ok_or_else(|| Error::NotFound { what: format!("deleted variant {id}") })?;
        if self.variant_id(&name).is_ok() {
            return Err(Error::invalid(
                "name",
                format!("a variant called \"{name}\" exists again; rename it first"),
            ));
        }
        self.conn
            .prepare_cached("UPDATE variants SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1")?
            .execute(params![id, super::journal::now()])?;
        self.variant(id)
    }

    /// The bullets an export takes: a variant's, else every picked bullet; then the filters.
    pub fn bullets_for_export(
        &mut self,
        variant: Option<&str>,
        filter: &VariantFilter,
    ) -> Result<Vec<Bullet>> {
        self.refresh_bullets()?;
        let chosen = match variant {
            Some(name) => {
                let id = self.variant_id(name)?;
                self.variant(id)?.bullets
            }
            None => self.bullets_unlinted(false)?,
        };
        // A resume is made to be shared: a bullet that states a private entry (or sits in a
        // private project) stays in the Resume section but out of every export.
        let private: std::collections::HashSet<i64> = self
            .conn
            .prepare_cached("SELECT id FROM entries WHERE private = 1")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(chosen
            .into_iter()
            .filter(|b| filter.matches(b))
            .filter(|b| {
                !private.contains(&b.project_id) && !b.sources.iter().any(|s| private.contains(s))
            })
            .collect())
    }

    /// Every skill named anywhere in the journal, most used first.
    pub fn journal_skills(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT min(name) FROM labels WHERE kind = 'skill' GROUP BY lower(name) ORDER BY count(*) DESC, min(name)",
        )?;
        let rows = statement.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The projects active in a period, with everything under them, for a brag document.
    pub fn projects_between(
        &self,
        since: Option<chrono::NaiveDate>,
        until: Option<chrono::NaiveDate>,
    ) -> Result<Vec<ProjectDetail>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM projects
                 WHERE (?1 IS NULL OR coalesce(ended_on, '9999-12-31') >= ?1)
                   AND (?2 IS NULL OR coalesce(started_on, '0000-01-01') <= ?2)
                 ORDER BY coalesce(started_on, '9999') DESC, id DESC",
            )?
            .query_map(params![since, until], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.project_detail(id)).collect()
    }
}

impl Journal {
    /// The file an export request asks for, and how many bullets it holds.
    pub fn export_bullets(
        &mut self,
        request: &crate::resume::ExportRequest,
    ) -> Result<(Vec<u8>, usize)> {
        use crate::resume::{json_resume, plain_text, resume_document, ExportFormat};
        let filter = VariantFilter {
            tags: request.tags.clone(),
            since: request.since,
            until: request.until,
            ..Default::default()
        };
        let bullets = self.bullets_for_export(request.variant.as_deref(), &filter)?;
        let profile = self.profile()?;
        let file = match request.format.document() {
            Some(format) => format.render(&resume_document(&bullets, &profile)),
            None if request.format == ExportFormat::JsonResume => {
                let resume = json_resume(&bullets, &profile, &self.journal_skills()?);
                (serde_json::to_string_pretty(&resume).expect("json serialises") + "\n")
                    .into_bytes()
            }
            None => plain_text(&bullets, &profile).into_bytes(),
        };
        Ok((file, bullets.len()))
    }

    /// The export as text to read in the window: the file itself for the text formats,
    /// the Markdown of the same document for DOCX and PDF.
    pub fn export_preview(&mut self, request: &crate::resume::ExportRequest) -> Result<String> {
        let mut request = request.clone();
        if request.format.document().is_some() {
            request.format = crate::resume::ExportFormat::Markdown;
        }
        let (file, _) = self.export_bullets(&request)?;
        Ok(String::from_utf8(file).expect("the text formats are UTF-8"))
    }

    /// A brag document (Markdown) of the projects active between `since` and `until`,
    /// without private entries.
    pub fn brag(
        &self,
        since: Option<chrono::NaiveDate>,
        until: Option<chrono::NaiveDate>,
    ) -> Result<(String, usize)> {
        let (document, projects) = self.brag_document(since, until)?;
        Ok((crate::documents::markdown(&document), projects))
    }

    /// The brag document of the projects active between `since` and `until`, without
    /// private entries, and how many projects it covers.
    pub fn brag_document(
        &self,
        since: Option<chrono::NaiveDate>,
        until: Option<chrono::NaiveDate>,
    ) -> Result<(crate::documents::Document, usize)> {
        // Made to be shared: private entries stay out, and so does all of a private project.
        let mut projects = self.projects_between(since, until)?;
        projects.retain(|p| !p.project.labels.private);
        for p in &mut projects {
            p.metrics.retain(|e| !e.labels.private);
            p.decisions.retain(|e| !e.labels.private);
            p.artifacts.retain(|e| !e.labels.private);
            p.feedback.retain(|e| !e.labels.private);
            p.notes.retain(|e| !e.labels.private);
        }
        let mut reviews = self.reviews_between(since, until)?;
        reviews.retain(|r| !r.labels.private);
        let entries =
            crate::resume::BragEntries { since, until, projects: &projects, reviews: &reviews };
        Ok((crate::resume::brag(&entries, &self.profile()?), projects.len()))
    }
}
