//! SQL of the review packet: what a period holds that is made to be shared, the target's
//! readiness, and the engineer's edits of its sentences.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::journal::now;
use super::{rows, Journal};
use crate::content::library;
use crate::documents::packet::{
    packet_document, Packet, PacketRequest, PacketSection, PacketSectionId, PacketSentence,
    PacketSource, PacketTarget, PacketTargetKind,
};
use crate::documents::{Document, DocumentFormat};
use crate::guides::Readiness;
use crate::habit::period::day_words;
use crate::habit::{Period, PeriodSummary};
use crate::journal::{EntryKind, Labels, PeriodKind, Review};
use crate::resume::grammar::mid_sentence;
use crate::resume::names_of;
use crate::resume::wording::{decision_bullet, decision_choice};
use crate::resume::Names;
use crate::{Error, Result};

/// The sources cited so far, numbered in the order first cited.
#[derive(Default)]
struct Sources {
    list: Vec<PacketSource>,
    numbers: HashMap<i64, u32>,
}

impl Sources {
    fn cite(
        &mut self,
        id: i64,
        kind: EntryKind,
        title: &str,
        date: Option<NaiveDate>,
        project_id: Option<i64>,
    ) -> u32 {
        if let Some(&n) = self.numbers.get(&id) {
            return n;
        }
        let number = self.list.len() as u32 + 1;
        self.list.push(PacketSource {
            number,
            id,
            kind,
            title: title.to_string(),
            date,
            project_id,
        });
        self.numbers.insert(id, number);
        number
    }
}

fn sentence(key: String, text: String, sources: Vec<u32>) -> PacketSentence {
    PacketSentence {
        key,
        generated_text: text.clone(),
        text,
        edited: false,
        changed: false,
        group: None,
        quote_by: None,
        link: None,
        sources,
    }
}

/// "3 projects", "1 decision".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "once", "twice", "3 times".
fn times_said(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// A bullet's words as a sentence: ending with a full stop.
fn full_stop(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// A design document of the period: id, project, kind, title, address, day, private.
type WritingRow = (i64, i64, String, String, Option<String>, Option<NaiveDate>, bool);
/// A goal reached in the period: id, person, their name, the goal, the day, taken over,
/// private (the goal or the person).
type GoalRow = (i64, i64, String, String, NaiveDate, bool, bool);

/// What a packet is being built from, and the sources and private entries counted so far.
struct Draft<'a> {
    since: NaiveDate,
    until: NaiveDate,
    filter: Target,
    sources: Sources,
    left_out: usize,
    names: Names,
    project_labels: HashMap<i64, &'a Labels>,
    project_title: HashMap<i64, &'a str>,
    /// The period without private entries, and with them (to count what is left out).
    shared: &'a PeriodSummary,
    everything: &'a PeriodSummary,
}

/// A stage, or a skill whose entries the packet keeps.
enum Target {
    Stage(String),
    Skill(String),
}

impl Target {
    fn takes(&self, labels: &Labels, project: Option<&Labels>) -> bool {
        match self {
            Target::Stage(_) => true,
            Target::Skill(skill) => [Some(labels), project]
                .into_iter()
                .flatten()
                .any(|l| l.skills.iter().any(|s| s.eq_ignore_ascii_case(skill))),
        }
    }
}

impl Journal {
    /// What a packet can argue for: the guide's progression stages, then every skill the
    /// journal names.
    pub fn packet_targets(&self) -> Result<Vec<PacketTarget>> {
        // The stages the readiness map measures: the first guide that has them.
        let stages = library().guides.iter().find(|g| !g.stages.is_empty()).into_iter();
        let stages = stages.flat_map(|g| &g.stages);
        let mut targets: Vec<PacketTarget> = stages
            .map(|s| PacketTarget {
                id: s.id.clone(),
                kind: PacketTargetKind::Stage,
                name: s.name.clone(),
            })
            .collect();
        targets.extend(self.journal_skills()?.into_iter().map(|skill| PacketTarget {
            id: format!("skill:{skill}"),
            kind: PacketTargetKind::Skill,
            name: skill,
        }));
        Ok(targets)
    }

    fn packet_target(
        &self,
        wanted: Option<&str>,
        readiness: &Readiness,
    ) -> Result<Option<PacketTarget>> {
        let wanted = match wanted.map(str::trim).filter(|w| !w.is_empty()) {
            Some(w) => w.to_string(),
            None => match &readiness.current_stage {
                Some(stage) => stage.clone(),
                None => return Ok(None),
            },
        };
        let targets = self.packet_targets()?;
        let key = |t: &str| t.to_lowercase();
        targets.iter().find(|t| key(&t.id) == key(&wanted)).cloned().map(Some).ok_or_else(|| {
            let stages: Vec<&str> = targets
                .iter()
                .filter(|t| t.kind == PacketTargetKind::Stage)
                .map(|t| t.id.as_str())
                .collect();
            Error::invalid(
                "target",
                format!(
                    "no stage or skill \"{wanted}\": choose a stage ({}) or skill:NAME",
                    stages.join(", ")
                ),
            )
        })
    }

    /// The packet for a period and target, with the engineer's edits over the journal's
    /// wording; private entries left out (and counted).
    pub fn packet(&mut self, request: &PacketRequest) -> Result<Packet> {
        let (since, until) = (request.since, request.until);
        if until < since {
            return Err(Error::invalid("until", "must be on or after the start of the period"));
        }
        let readiness = self.readiness()?;
        let target = self.packet_target(request.target.as_deref(), &readiness)?;
        let filter = match &target {
            Some(t) if t.kind == PacketTargetKind::Skill => Target::Skill(t.name.clone()),
            Some(t) => Target::Stage(t.id.clone()),
            None => Target::Stage(String::new()),
        };
        self.refresh_bullets()?;
        let bullets: HashMap<String, String> =
            rows(&self.conn, "SELECT key, text FROM bullets", [], |r| Ok((r.get(0)?, r.get(1)?)))?
                .into_iter()
                .collect();
        let label = format!("{} to {}", day_words(since), day_words(until));
        let period = Period {
            kind: PeriodKind::Year,
            starts_on: since,
            ends_on: until,
            label: label.clone(),
        };
        let everything = self.summary_of(period.clone(), false)?;
        let shared = self.summary_of(period, true)?;
        let left_out = (everything.projects.len() - shared.projects.len())
            + (everything.metrics.len() - shared.metrics.len())
            + (everything.decisions.len() - shared.decisions.len())
            + (everything.feedback.len() - shared.feedback.len());

        let details = shared
            .projects
            .iter()
            .map(|p| self.project_detail(p.project.id))
            .collect::<Result<Vec<_>>>()?;
        let mut draft = Draft {
            since,
            until,
            filter,
            sources: Sources::default(),
            left_out,
            names: names_of(&details),
            project_labels: details.iter().map(|d| (d.project.id, &d.project.labels)).collect(),
            project_title: details
                .iter()
                .map(|d| (d.project.id, d.project.title.as_str()))
                .collect(),
            shared: &shared,
            everything: &everything,
        };
        let (impact, projects_cited) = draft.impact(&bullets);
        let leadership = draft.leadership(&self.conn)?;
        let people = draft.people(&self.conn)?;
        let growth = draft.growth(&self.conn)?;
        let reviews = self.reviews_between(Some(since), Some(until))?;
        let goals_next = draft.next_period(&self.conn, &reviews)?;

        // Gaps: the target stage's proofs still missing (for a skill, the current stage's).
        let stage_id = match &draft.filter {
            Target::Stage(id) => Some(id.clone()),
            Target::Skill(_) => readiness.current_stage.clone(),
        };
        let stage = readiness.stages.iter().find(|s| Some(&s.id) == stage_id.as_ref());
        let mut gaps = Vec::new();
        if let Some(stage) = stage {
            for proof in stage.proofs.iter().filter(|p| !p.met) {
                gaps.push(sentence(
                    format!("gaps:{}:{}", stage.id, proof.id),
                    full_stop(&format!(
                        "{} Still needed: {}",
                        full_stop(&proof.text),
                        proof.missing
                    )),
                    Vec::new(),
                ));
            }
            if gaps.is_empty() {
                gaps.push(sentence(
                    format!("gaps:{}:none", stage.id),
                    format!("Every proof of {} is in the journal.", stage.name),
                    Vec::new(),
                ));
            }
        }

        // Summary: what the period holds, and how far the target is.
        let mut summary = Vec::new();
        let metric_count = impact.iter().filter(|s| s.key.starts_with("impact:metric:")).count();
        let decisions = leadership.iter().filter(|s| s.key.contains(":decision:")).count();
        let feedback = people.iter().filter(|s| s.quote_by.is_some()).count();
        let parts: Vec<String> = [
            (projects_cited.len(), "project", "projects"),
            (metric_count, "measured result", "measured results"),
            (decisions, "decision", "decisions"),
            (feedback, "piece of feedback received", "pieces of feedback received"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        let said = match parts.as_slice() {
            [] => "Nothing in the journal is dated in this period yet.".to_string(),
            [one] => format!("From {label}: {one}."),
            [first, last] => format!("From {label}: {first} and {last}."),
            [rest @ .., last] => format!("From {label}: {}, and {last}.", rest.join(", ")),
        };
        summary.push(sentence(format!("summary:{since}:{until}"), said, projects_cited.clone()));
        if let (Some(stage), Some(t)) = (stage, &target) {
            let toward = if t.kind == PacketTargetKind::Skill {
                format!("This packet puts the work with {} first, toward {}", t.name, stage.name)
            } else {
                format!("This packet makes the case for {}", stage.name)
            };
            summary.push(sentence(
                format!("summary:target:{}", t.id),
                format!(
                    "{toward}: {} of its {} proofs are in the journal.",
                    stage.met, stage.total
                ),
                Vec::new(),
            ));
        }

        let mut sections: Vec<PacketSection> = [
            (PacketSectionId::Summary, summary),
            (PacketSectionId::Impact, impact),
            (PacketSectionId::Leadership, leadership),
            (PacketSectionId::People, people),
            (PacketSectionId::Growth, growth),
            (PacketSectionId::Gaps, gaps),
            (PacketSectionId::Goals, goals_next),
        ]
        .into_iter()
        .map(|(id, sentences)| PacketSection { id, title: id.title().to_string(), sentences })
        .collect();
        let edits: HashMap<String, (String, String)> =
            rows(&self.conn, "SELECT key, text, generated_text FROM packet_edits", [], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
            })?
            .into_iter()
            .collect();
        for s in sections.iter_mut().flat_map(|s| s.sentences.iter_mut()) {
            if let Some((text, over)) = edits.get(&s.key) {
                s.changed = *over != s.generated_text;
                s.text = text.clone();
                s.edited = true;
            }
        }
        Ok(Packet {
            since,
            until,
            label,
            target,
            sections,
            sources: draft.sources.list,
            left_out: draft.left_out as u32,
        })
    }

    /// Keeps the engineer's wording of one sentence of the packet; it stays through
    /// regeneration until reset. Returns the packet with it.
    pub fn edit_packet_sentence(
        &mut self,
        request: &PacketRequest,
        key: &str,
        text: &str,
    ) -> Result<Packet> {
        let packet = self.packet(request)?;
        let found = packet.sentence(key).ok_or_else(|| Error::NotFound {
            what: format!("a sentence \"{key}\" in this packet"),
        })?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid("text", "write the sentence, or reset it to the journal's"));
        }
        if text.chars().count() > 2000 {
            return Err(Error::invalid("text", "keep a sentence under 2,000 characters"));
        }
        if text == found.generated_text {
            return self.reset_packet_sentence(request, key);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO packet_edits (key, text, generated_text, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET text = ?2, generated_text = ?3, updated_at = ?4",
            )?
            .execute(params![key, text, found.generated_text, now()])?;
        self.packet(request)
    }

    /// Back to the journal's wording for one sentence.
    pub fn reset_packet_sentence(&mut self, request: &PacketRequest, key: &str) -> Result<Packet> {
        self.conn.prepare_cached("DELETE FROM packet_edits WHERE key = ?1")?.execute([key])?;
        self.packet(request)
    }

    /// The packet as a document, with the engineer's name on it.
    pub fn packet_document(&mut self, request: &PacketRequest) -> Result<(Document, Packet)> {
        let packet = self.packet(request)?;
        let profile = self.profile()?;
        Ok((packet_document(&packet, profile.name.as_deref()), packet))
    }

    /// The packet written in `format`, and the packet it was written from.
    pub fn export_packet(
        &mut self,
        request: &PacketRequest,
        format: DocumentFormat,
    ) -> Result<(Vec<u8>, Packet)> {
        let (document, packet) = self.packet_document(request)?;
        Ok((format.render(&document), packet))
    }
}

impl Draft<'_> {
    /// Per project, the metrics that moved, in the words of their bullets; and the
    /// projects cited.
    fn impact(&mut self, bullets: &HashMap<String, String>) -> (Vec<PacketSentence>, Vec<u32>) {
        let mut impact = Vec::new();
        let mut projects_cited = Vec::new();
        for touched in &self.shared.projects {
            let p = &touched.project;
            if !self.filter.takes(&p.labels, None) {
                continue;
            }
            let metrics: Vec<_> =
                self.shared.metrics.iter().filter(|m| m.project_id == p.id).collect();
            let project_ref =
                self.sources.cite(p.id, EntryKind::Project, &p.title, p.started_on, Some(p.id));
            projects_cited.push(project_ref);
            let mut said = Vec::new();
            // A metric makes a claim only through its bullet: one that moved the wrong way
            // (or has no baseline) has none, and stays in the brag document.
            for m in metrics {
                let Some(text) = bullets.get(&format!("metric:{}", m.id)).map(|t| full_stop(t))
                else {
                    continue;
                };
                let metric_ref =
                    self.sources.cite(m.id, EntryKind::Metric, &m.name, m.measured_on, Some(p.id));
                said.push(sentence(
                    format!("impact:metric:{}", m.id),
                    text,
                    vec![project_ref, metric_ref],
                ));
            }
            if said.is_empty() {
                let text =
                    bullets.get(&format!("project:{}", p.id)).map(|t| full_stop(t)).unwrap_or_else(
                        || p.summary.clone().unwrap_or_else(|| format!("Worked on {}.", p.title)),
                    );
                said.push(sentence(format!("impact:project:{}", p.id), text, vec![project_ref]));
            }
            for s in &mut said {
                s.group = Some(p.title.clone());
            }
            impact.extend(said);
        }

        (impact, projects_cited)
    }

    /// Decisions with their options and outcomes, and design writing.
    fn leadership(&mut self, conn: &Connection) -> Result<Vec<PacketSentence>> {
        let mut leadership = Vec::new();
        for d in &self.shared.decisions {
            let project = d.project_id.and_then(|id| self.project_labels.get(&id).copied());
            if !self.filter.takes(&d.labels, project) {
                continue;
            }
            let mut text =
                decision_bullet(d, &self.names).map(|t| full_stop(&t)).unwrap_or_else(|| {
                    let choice = decision_choice(d, &self.names);
                    format!("{}: {choice}.", d.title.trim_end_matches('.'))
                });
            if let Some(outcome) = d.outcome.as_deref().filter(|o| !o.trim().is_empty()) {
                text = full_stop(&format!("{text} Outcome: {}", outcome.trim()));
            }
            let n =
                self.sources.cite(d.id, EntryKind::Decision, &d.title, d.decided_on, d.project_id);
            leadership.push(sentence(format!("leadership:decision:{}", d.id), text, vec![n]));
        }
        let writing: Vec<WritingRow> = rows(
            conn,
            "SELECT a.id, a.project_id, a.kind, a.title, a.url, a.date, e.private
               FROM artifacts a JOIN entries e ON e.id = a.id
             WHERE a.kind IN ('rfc', 'design-doc', 'adr')
               AND coalesce(a.date, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
             ORDER BY coalesce(a.date, substr(e.created_at, 1, 10)), a.id",
            params![self.since, self.until],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )?;
        for (id, project_id, kind, title, url, date, private) in writing {
            let project = self.project_labels.get(&project_id).copied();
            if private
                || project.is_none()
                    && self.everything.projects.iter().any(|p| p.project.id == project_id)
            {
                self.left_out += 1;
                continue;
            }
            if !matches!(self.filter, Target::Stage(_))
                && !project.is_some_and(|l| self.filter.takes(l, None))
            {
                continue;
            }
            let kind = crate::journal::ArtifactKind::parse(&kind)
                .map_or(kind, |k| k.in_words().to_string());
            // "RFC: Harden the fan-out" is said "the RFC “Harden the fan-out”".
            let named = title
                .split_once(':')
                .filter(|(head, _)| head.trim().eq_ignore_ascii_case(&kind))
                .map_or(title.as_str(), |(_, rest)| rest.trim());
            let of = self
                .project_title
                .get(&project_id)
                .filter(|t| !t.eq_ignore_ascii_case(named))
                .map(|t| format!(" for {t}"))
                .unwrap_or_default();
            let n = self.sources.cite(id, EntryKind::Artifact, &title, date, Some(project_id));
            let mut s = sentence(
                format!("leadership:artifact:{id}"),
                format!("Wrote the {kind} “{named}”{of}."),
                vec![n],
            );
            s.link = url;
            leadership.push(s);
        }

        Ok(leadership)
    }

    /// Mentoring outcomes, feedback received in the giver's words, feedback given.
    fn people(&mut self, conn: &Connection) -> Result<Vec<PacketSentence>> {
        let mut people = Vec::new();
        let goals: Vec<GoalRow> = rows(
            conn,
            "SELECT g.id, g.person_id, p.name, g.text, g.reached_on, g.took_over,
                    e.private OR pe.private
               FROM goals g JOIN entries e ON e.id = g.id
               JOIN people p ON p.id = g.person_id JOIN entries pe ON pe.id = p.id
             WHERE g.reached_on BETWEEN ?1 AND ?2 ORDER BY g.reached_on, g.id",
            params![self.since, self.until],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )?;
        if matches!(self.filter, Target::Stage(_)) {
            for (id, person_id, name, text, reached, took_over, private) in goals {
                if private {
                    self.left_out += 1;
                    continue;
                }
                let goal = text.trim().trim_end_matches('.');
                let said = if took_over {
                    format!("Trained {name} to take over: {goal}.")
                } else {
                    format!("Helped {name} reach their goal: {goal}.")
                };
                let g = self.sources.cite(id, EntryKind::Goal, goal, Some(reached), None);
                let p = self.sources.cite(person_id, EntryKind::Person, &name, None, None);
                people.push(sentence(format!("people:goal:{id}"), said, vec![g, p]));
            }
        }
        let received = crate::journal::FeedbackDirection::Received;
        let mut given = Vec::new();
        for f in &self.shared.feedback {
            let project = f.project_id.and_then(|id| self.project_labels.get(&id).copied());
            if !self.filter.takes(&f.labels, project) {
                continue;
            }
            if f.direction.unwrap_or(received) != received {
                given.push(f);
                continue;
            }
            let title = format!("from {}", f.source);
            let n = self.sources.cite(f.id, EntryKind::Feedback, &title, f.date, f.project_id);
            let mut s =
                sentence(format!("people:feedback:{}", f.id), f.text.trim().to_string(), vec![n]);
            s.quote_by =
                Some(f.date.map_or_else(|| f.source.clone(), |d| format!("{}, {d}", f.source)));
            people.push(s);
        }
        if !given.is_empty() {
            let mut to: Vec<&str> = Vec::new();
            for f in &given {
                if !to.contains(&f.source.as_str()) {
                    to.push(&f.source);
                }
            }
            let refs = given
                .iter()
                .map(|f| {
                    let title = format!("to {}", f.source);
                    self.sources.cite(f.id, EntryKind::Feedback, &title, f.date, f.project_id)
                })
                .collect();
            people.push(sentence(
                "people:feedback-given".to_string(),
                format!("Gave feedback {} ({}).", times_said(given.len()), to.join(", ")),
                refs,
            ));
        }

        Ok(people)
    }

    /// Checklists worked and stories rehearsed.
    fn growth(&mut self, conn: &Connection) -> Result<Vec<PacketSentence>> {
        let mut growth = Vec::new();
        for c in &self.shared.checklists {
            growth.push(sentence(
                format!("growth:checklist:{}:{}", c.guide, c.cycle),
                format!(
                    "Worked through {} of {} items of the “{}” checklist.",
                    c.checked, c.items, c.guide_title
                ),
                Vec::new(),
            ));
        }
        let stories: Vec<(i64, String, u32, i64)> = rows(
            conn,
            "SELECT s.id, s.title, count(*), coalesce(sum(r.total_ms), 0) FROM rehearsals r
               JOIN stories s ON s.id = r.story_id JOIN entries e ON e.id = s.id
             WHERE substr(r.started_at, 1, 10) BETWEEN ?1 AND ?2 AND e.private = 0
             GROUP BY s.id ORDER BY count(*) DESC, s.title",
            params![self.since, self.until],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        for (id, title, times, ms) in stories {
            let minutes = ((ms + 30_000) / 60_000).max(1);
            let n = self.sources.cite(id, EntryKind::Story, &title, None, None);
            growth.push(sentence(
                format!("growth:story:{id}"),
                format!(
                    "Rehearsed the story “{title}” {} ({}).",
                    times_said(times as usize),
                    count(minutes as usize, "minute", "minutes")
                ),
                vec![n],
            ));
        }

        Ok(growth)
    }

    /// The reviews' next focus, results still to measure, mentees' open goals.
    fn next_period(
        &mut self,
        conn: &Connection,
        reviews: &[Review],
    ) -> Result<Vec<PacketSentence>> {
        let mut goals_next = Vec::new();
        for r in reviews.iter().filter(|r| !r.labels.private) {
            if let Some(focus) = r.next_focus.as_deref().filter(|f| !f.trim().is_empty()) {
                let title = crate::store::review_title(&r.input);
                let n = self.sources.cite(r.id, EntryKind::Review, &title, Some(r.ends_on), None);
                goals_next.push(sentence(
                    format!("goals:review:{}", r.id),
                    focus.trim().to_string(),
                    vec![n],
                ));
            }
        }
        let waiting: Vec<(i64, i64, String, String, Option<NaiveDate>)> = rows(
            conn,
            "SELECT m.id, m.project_id, m.name, p.title, m.measure_by
               FROM metrics m JOIN entries e ON e.id = m.id
               JOIN projects p ON p.id = m.project_id JOIN entries pe ON pe.id = p.id
             WHERE m.result IS NULL AND e.private = 0 AND pe.private = 0
               AND (m.measure_by IS NULL OR m.measure_by > ?1)
             ORDER BY m.measure_by IS NULL, m.measure_by, m.id LIMIT 5",
            [self.until],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        for (id, project_id, name, title, by) in waiting {
            if let Target::Skill(_) = self.filter {
                if !self.project_labels.get(&project_id).is_some_and(|l| self.filter.takes(l, None))
                {
                    continue;
                }
            }
            let when = by.map(|d| format!(" by {}", day_words(d))).unwrap_or_default();
            let n = self.sources.cite(id, EntryKind::Metric, &name, None, Some(project_id));
            goals_next.push(sentence(
                format!("goals:metric:{id}"),
                format!("Measure {} for {title}{when}.", mid_sentence(&name, &self.names)),
                vec![n],
            ));
        }

        // The mentees' goals still open: the people side of the next period.
        let open: Vec<(i64, i64, String, String)> = rows(
            conn,
            "SELECT g.id, g.person_id, p.name, g.text FROM goals g JOIN entries e ON e.id = g.id
               JOIN people p ON p.id = g.person_id JOIN entries pe ON pe.id = p.id
             WHERE g.reached_on IS NULL AND coalesce(g.set_on, substr(e.created_at, 1, 10)) <= ?1
               AND e.private = 0 AND pe.private = 0
             ORDER BY coalesce(g.set_on, substr(e.created_at, 1, 10)), g.id LIMIT 5",
            [self.until],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        if matches!(self.filter, Target::Stage(_)) {
            for (id, person_id, name, text) in open {
                let goal = text.trim().trim_end_matches('.');
                let g = self.sources.cite(id, EntryKind::Goal, goal, None, None);
                let p = self.sources.cite(person_id, EntryKind::Person, &name, None, None);
                goals_next.push(sentence(
                    format!("goals:goal:{id}"),
                    format!("Help {name} reach their goal: {goal}."),
                    vec![g, p],
                ));
            }
        }

        Ok(goals_next)
    }
}
