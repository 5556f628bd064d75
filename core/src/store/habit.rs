//! SQL of the weekly habit: review entries, the week and period summaries, the guided
//! weekly review, the follow-up queue and the engineer's note templates.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{named_params, params, Row, Transaction};

use super::journal::{head, labels, now, save_in, Record, OWN};
use super::rows;
use super::{EntryCount, Journal};
use crate::content::{check_template, library, Template};
use crate::habit::{
    key, parse_key, period_markdown, ChecklistWorked, Clock, FollowUp, FollowUpKind, FollowUpMark,
    FollowUpQueue, Period, PeriodSummary, ProjectTouched, RehearsalsDone, WeekSummary,
    WeeklyReviewInput, WeeklyReviewSaved, Written, INTERVIEW_AHEAD_DAYS, MAX_FOLLOWUPS,
    REHEARSED_WITHIN_DAYS, SNOOZE_DAYS, STALE_AFTER_DAYS,
};
use crate::journal::{
    validate, Decision, DecisionInput, EntryKind, Feedback, FeedbackInput, Labels, Metric,
    MetricInput, NoteInput, PeriodKind, Project, ProjectInput, ProjectStatus, Review, ReviewInput,
};
use crate::macros::text_enum;
use crate::{Error, FieldError, Result};

const REVIEW_SELECT: &str = super::journal::entry_select!(
    "r.period, r.starts_on, r.ends_on, r.summary, r.went_well, r.to_improve, r.next_focus \
     FROM reviews r JOIN entries e ON e.id = r.id"
);

impl Record for ReviewInput {
    const KIND: EntryKind = EntryKind::Review;
    const SELECT: &'static str = REVIEW_SELECT;
    type Full = Review;

    fn row(r: &Row) -> rusqlite::Result<Review> {
        Ok(Review::new(
            head(r)?,
            ReviewInput {
                period: r.get(OWN)?,
                starts_on: r.get(OWN + 1)?,
                ends_on: r.get(OWN + 2)?,
                summary: r.get(OWN + 3)?,
                went_well: r.get(OWN + 4)?,
                to_improve: r.get(OWN + 5)?,
                next_focus: r.get(OWN + 6)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::review(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let title = review_title(self);
        let body = [
            Some(self.summary.as_str()),
            self.went_well.as_deref(),
            self.to_improve.as_deref(),
            self.next_focus.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
        (title, body)
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO reviews (id, period, starts_on, ends_on, summary, went_well, to_improve, next_focus)
             VALUES (:id, :period, :starts_on, :ends_on, :summary, :went_well, :to_improve, :next_focus)
             ON CONFLICT (id) DO UPDATE SET period = excluded.period, starts_on = excluded.starts_on,
               ends_on = excluded.ends_on, summary = excluded.summary, went_well = excluded.went_well,
               to_improve = excluded.to_improve, next_focus = excluded.next_focus",
        )?
        .execute(named_params! {
            ":id": id, ":period": self.period, ":starts_on": self.starts_on, ":ends_on": self.ends_on,
            ":summary": self.summary, ":went_well": self.went_well, ":to_improve": self.to_improve,
            ":next_focus": self.next_focus,
        })?;
        Ok(())
    }
}

/// A review's title, as search and the trash name it: "Quarter review, 2026-10-01 to 2026-12-31".
pub fn review_title(r: &ReviewInput) -> String {
    let kind = r.period.as_str();
    format!("{}{} review, {} to {}", kind[..1].to_uppercase(), &kind[1..], r.starts_on, r.ends_on)
}

text_enum!(
    /// Where a note template comes from: shipped with Career Log, shipped and edited by the
    /// engineer, or their own.
    TemplateSource {
        Shipped = "shipped",
        Edited = "edited",
        Own = "own",
    }
);

/// A note template as the engineer has it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct NoteTemplate {
    #[serde(flatten)]
    pub template: Template,
    pub source: TemplateSource,
}

/// The most templates of their own a journal keeps.
pub const MAX_TEMPLATES: usize = 200;

/// Every problem of the parts of a form, each field named inside its part.
fn collect(problems: &mut Vec<FieldError>, part: &str, result: Result<()>) -> Result<()> {
    match result {
        Ok(()) => Ok(()),
        Err(e @ Error::Invalid { .. }) => {
            if let Error::Invalid { errors, .. } = e.within(part) {
                problems.extend(errors);
            }
            Ok(())
        }
        Err(other) => Err(other),
    }
}

impl Journal {
    /// What the journal gained in the week `clock` is in, and when the review falls.
    pub fn week_summary(&self, clock: &Clock) -> Result<WeekSummary> {
        let settings = self.settings()?;
        let at = settings.review_at();
        let today = clock.today();
        let period = Period::containing(PeriodKind::Week, today, settings.fiscal_year_start);
        let from = clock.utc_start_of(period.starts_on);
        let to = clock.utc_start_of(period.ends_on + Days::new(1));
        let added: Vec<EntryCount> = rows(
            &self.conn,
            "SELECT kind, count(*) FROM entries WHERE created_at >= ?1 AND created_at < ?2
             GROUP BY kind",
            params![from, to],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)),
        )?
        .into_iter()
        .filter_map(|(kind, count)| EntryKind::parse(&kind).map(|kind| EntryCount { kind, count }))
        .collect();
        let mut added = added;
        added.sort_by_key(|c| crate::transfer::kind_rank(c.kind));
        let captures_accepted: u32 = self.conn.query_row(
            "SELECT count(*) FROM proposals p JOIN entries e ON e.id = p.entry_id
             WHERE p.state = 'accepted' AND p.created_entry = 1
               AND e.created_at >= ?1 AND e.created_at < ?2",
            params![from, to],
            |r| r.get(0),
        )?;
        let metrics = rows(
            &self.conn,
            &format!(
                "{} WHERE m.id IN (
                   SELECT id FROM entries WHERE created_at >= ?1 AND created_at < ?2 AND +kind = 'metric'
                   UNION SELECT id FROM metrics WHERE measured_on BETWEEN ?3 AND ?4)
                 ORDER BY e.created_at DESC, m.id DESC LIMIT 5",
                MetricInput::SELECT
            ),
            params![from, to, period.starts_on, period.ends_on],
            MetricInput::row,
        )?;
        let inbox_open: u32 = self.conn.query_row(
            "SELECT count(*) FROM proposals WHERE state = 'open'",
            [],
            |r| r.get(0),
        )?;
        let review = self.period_reviews(&period)?.into_iter().next();
        let this_week = at.in_week(period.starts_on, &clock.tz);
        let review_due = review.is_none() && this_week.timestamp() <= clock.now;
        Ok(WeekSummary {
            added_total: added.iter().map(|c| c.count).sum(),
            added,
            captures_accepted,
            metrics,
            followups: self.followups(today)?.total,
            inbox_open,
            review,
            review_at: at.describe(),
            next_review: crate::habit::schedule::rfc3339(&at.next_after(clock)),
            review_due,
            period,
        })
    }

    /// Whether the week `clock` is in has its weekly review written, and the review's slot:
    /// what the reminder needs, in two small reads.
    pub fn reminder_state(&self, clock: &Clock) -> Result<(crate::habit::ReviewAt, bool)> {
        let settings = self.settings()?;
        let week = Period::containing(PeriodKind::Week, clock.today(), settings.fiscal_year_start);
        let written = !self.period_reviews(&week)?.is_empty();
        Ok((settings.review_at(), written))
    }

    /// The quarter, half and year reviews of periods that overlap `since..until`, oldest
    /// first: what a brag document closes with.
    pub fn reviews_between(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<Review>> {
        rows(
            &self.conn,
            &format!(
                "{REVIEW_SELECT} WHERE r.period != 'week'
                   AND (?1 IS NULL OR r.ends_on >= ?1) AND (?2 IS NULL OR r.starts_on <= ?2)
                 ORDER BY r.starts_on, e.id"
            ),
            params![since, until],
            ReviewInput::row,
        )
    }

    /// The weekly review for the calendar export: its slot and its next day.
    pub fn review_event(&self, clock: &Clock) -> Result<crate::guides::ReviewEvent> {
        let at = self.settings()?.review_at();
        let first = crate::habit::schedule::naive_date(at.next_after(clock).date());
        Ok(crate::guides::ReviewEvent { at, first })
    }

    /// The reviews written for exactly this period, newest first.
    fn period_reviews(&self, period: &Period) -> Result<Vec<Review>> {
        rows(
            &self.conn,
            &format!("{REVIEW_SELECT} WHERE r.period = ?1 AND r.starts_on = ?2 ORDER BY e.id DESC"),
            params![period.kind, period.starts_on],
            ReviewInput::row,
        )
    }

    /// Writes the weekly review's answers as their own entries, and a review entry that
    /// lists them, in one transaction; a step left out writes nothing. Every problem of
    /// every step is told at once, named inside its step ("moved.result").
    pub fn save_weekly_review(
        &mut self,
        input: WeeklyReviewInput,
        clock: &Clock,
    ) -> Result<WeeklyReviewSaved> {
        let today = clock.today();
        let fiscal = self.settings()?.fiscal_year_start;
        let week = Period::containing(PeriodKind::Week, today, fiscal);
        let mut problems = Vec::new();

        let shipped = input.shipped.filter(|s| {
            s.project_id.is_some()
                || s.title.as_deref().is_some_and(|t| !t.trim().is_empty())
                || s.summary.as_deref().is_some_and(|t| !t.trim().is_empty())
        });
        let mut new_project = None;
        if let Some(s) = &shipped {
            if s.project_id.is_none() {
                let project = ProjectInput {
                    title: s.title.clone().unwrap_or_default(),
                    summary: s.summary.clone(),
                    status: Some(ProjectStatus::Shipped),
                    ended_on: Some(today),
                    labels: Labels {
                        tags: vec!["weekly-review".into()],
                        skills: Vec::new(),
                        ..Default::default()
                    },
                    ..Default::default()
                };
                match project.validate() {
                    Ok(p) => new_project = Some(p),
                    Err(e) => collect(&mut problems, "shipped", Err(e))?,
                }
            }
        }
        let mut moved = None;
        if let Some(mut m) = input.moved {
            let shipped_project = shipped.as_ref().and_then(|s| s.project_id);
            if m.project_id == 0 {
                match (shipped_project, &new_project) {
                    (Some(id), _) => m.project_id = id,
                    (None, Some(_)) => {}
                    (None, None) => problems.push(FieldError::new(
                        "moved.project_id",
                        "choose the project the metric belongs to, or name what shipped first",
                    )),
                }
            }
            if m.measured_on.is_none() && m.result.is_some() {
                m.measured_on = Some(today);
            }
            match m.validate() {
                Ok(m) => moved = Some(m),
                Err(e) => collect(&mut problems, "moved", Err(e))?,
            }
        }
        let mut decision = None;
        if let Some(mut d) = input.decision {
            d.decided_on = d.decided_on.or(Some(today));
            match d.validate() {
                Ok(d) => decision = Some(d),
                Err(e) => collect(&mut problems, "decision", Err(e))?,
            }
        }
        let mut feedback = None;
        if let Some(mut f) = input.feedback {
            f.date = f.date.or(Some(today));
            match f.validate() {
                Ok(f) => feedback = Some(f),
                Err(e) => collect(&mut problems, "feedback", Err(e))?,
            }
        }
        let mut learned = None;
        if let Some(text) = input.learned.filter(|t| !t.trim().is_empty()) {
            let note = NoteInput {
                project_id: None,
                date: Some(today),
                text,
                labels: Labels {
                    tags: vec!["learned".into()],
                    skills: Vec::new(),
                    ..Default::default()
                },
            };
            match note.validate() {
                Ok(n) => learned = Some(n),
                Err(e) => match e.rename("text", "learned") {
                    Error::Invalid { errors, .. } => problems.extend(errors),
                    other => return Err(other),
                },
            }
        }
        if !problems.is_empty() {
            return Err(Error::fields(problems));
        }

        let tx = self.conn.transaction()?;
        let mut written = Vec::new();
        let mut lines = Vec::new();
        let mut shipped_id = None;
        if let Some(s) = shipped {
            let project = match (s.project_id, new_project) {
                (Some(id), _) => {
                    let current = ProjectInput::get(&tx, id).map_err(|_| {
                        Error::invalid(
                            "shipped.project_id",
                            format!("there is no project with id {id}"),
                        )
                    })?;
                    let mut input = current.input.clone();
                    input.status = Some(ProjectStatus::Shipped);
                    input.ended_on = input.ended_on.or(Some(today));
                    let project = save_in(&tx, Some(id), input)?;
                    if let Some(summary) = s.summary.filter(|t| !t.trim().is_empty()) {
                        let note = NoteInput {
                            project_id: Some(id),
                            date: Some(today),
                            text: summary,
                            labels: Labels {
                                tags: vec!["shipped".into()],
                                skills: Vec::new(),
                                ..Default::default()
                            },
                        }
                        .validate()
                        .map_err(|e| e.rename("text", "summary").within("shipped"))?;
                        let note = save_in(&tx, None, note)?;
                        written.push(Written {
                            kind: EntryKind::Note,
                            id: note.id,
                            title: super::journal::note_title(&note.text),
                            project_id: Some(id),
                        });
                    }
                    project
                }
                (None, Some(input)) => save_in(&tx, None, input)?,
                (None, None) => unreachable!("a shipped step has a project or a new one"),
            };
            lines.push(format!("Shipped: {}", project.title));
            written.insert(
                0,
                Written {
                    kind: EntryKind::Project,
                    id: project.id,
                    title: project.title.clone(),
                    project_id: Some(project.id),
                },
            );
            shipped_id = Some(project.id);
        }
        if let Some(mut m) = moved {
            if m.project_id == 0 {
                m.project_id = shipped_id.unwrap_or_default();
            }
            let metric = save_in(&tx, None, m)?;
            lines.push(format!("Moved: {}: {}", metric.name, metric.line()));
            written.push(Written {
                kind: EntryKind::Metric,
                id: metric.id,
                title: metric.name.clone(),
                project_id: Some(metric.project_id),
            });
        }
        if let Some(d) = decision {
            let decision = save_in(&tx, None, d)?;
            lines.push(format!("Decided: {} (chose {})", decision.title, decision.chosen));
            written.push(Written {
                kind: EntryKind::Decision,
                id: decision.id,
                title: decision.title.clone(),
                project_id: decision.project_id,
            });
        }
        if let Some(f) = feedback {
            let feedback = save_in(&tx, None, f)?;
            lines.push(format!("Feedback from {}: {}", feedback.source, feedback.text));
            written.push(Written {
                kind: EntryKind::Feedback,
                id: feedback.id,
                title: format!("Feedback from {}", feedback.source),
                project_id: feedback.project_id,
            });
        }
        if let Some(n) = learned {
            let note = save_in(&tx, None, n)?;
            lines.push(format!("Learned: {}", note.text));
            written.push(Written {
                kind: EntryKind::Note,
                id: note.id,
                title: super::journal::note_title(&note.text),
                project_id: None,
            });
        }
        let summary = if lines.is_empty() {
            "A quiet week: nothing new to log.".to_string()
        } else {
            lines.iter().map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n")
        };
        let review = ReviewInput {
            period: PeriodKind::Week,
            starts_on: week.starts_on,
            ends_on: week.ends_on,
            summary,
            went_well: None,
            to_improve: None,
            next_focus: None,
            labels: Labels::default(),
        }
        .validate()?;
        let review = save_in(&tx, None, review)?;
        tx.commit()?;
        Ok(WeeklyReviewSaved { review, written })
    }

    /// What the journal holds for the period of `kind` around `day`: projects touched,
    /// metrics measured, decisions made (with outcomes written since), feedback, checklist
    /// work and rehearsals, with the Markdown a saved review keeps.
    pub fn period_summary(&self, kind: PeriodKind, day: NaiveDate) -> Result<PeriodSummary> {
        let fiscal = self.settings()?.fiscal_year_start;
        self.summary_of(Period::containing(kind, day, fiscal), false)
    }

    /// What the journal holds for `period`; `shared` leaves out private entries (and what
    /// is under a private project), for what is made to be shared.
    pub(crate) fn summary_of(&self, period: Period, shared: bool) -> Result<PeriodSummary> {
        let (s, e) = (period.starts_on, period.ends_on);
        let touched: Vec<(i64, u32)> = rows(
            &self.conn,
            "SELECT project_id, sum(w) FROM (
               SELECT p.id AS project_id, 0 AS w FROM projects p JOIN entries e ON e.id = p.id
                 WHERE p.started_on BETWEEN ?1 AND ?2 OR p.ended_on BETWEEN ?1 AND ?2
                    OR substr(e.created_at, 1, 10) BETWEEN ?1 AND ?2
               UNION ALL SELECT m.project_id, 1 FROM metrics m JOIN entries e ON e.id = m.id
                 WHERE coalesce(m.measured_on, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
               UNION ALL SELECT d.project_id, 1 FROM decisions d JOIN entries e ON e.id = d.id
                 WHERE d.project_id IS NOT NULL
                   AND coalesce(d.decided_on, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
               UNION ALL SELECT a.project_id, 1 FROM artifacts a JOIN entries e ON e.id = a.id
                 WHERE coalesce(a.date, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
               UNION ALL SELECT project_id, 1 FROM feedback
                 WHERE project_id IS NOT NULL AND date BETWEEN ?1 AND ?2
               UNION ALL SELECT project_id, 1 FROM notes
                 WHERE project_id IS NOT NULL AND date BETWEEN ?1 AND ?2
             ) GROUP BY project_id",
            params![s, e],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let counts: HashMap<i64, u32> = touched.iter().copied().collect();
        let ids = serde_json::to_string(&touched.iter().map(|t| t.0).collect::<Vec<_>>())
            .expect("ids serialise");
        let mut projects: Vec<ProjectTouched> = rows(
            &self.conn,
            &format!("{} WHERE p.id IN (SELECT value FROM json_each(?1))", ProjectInput::SELECT),
            [ids],
            ProjectInput::row,
        )?
        .into_iter()
        .map(|project: Project| ProjectTouched { entries: counts[&project.id], project })
        .collect();
        projects.sort_by(|a, b| {
            b.entries.cmp(&a.entries).then_with(|| a.project.title.cmp(&b.project.title))
        });
        let metrics: Vec<Metric> = rows(
            &self.conn,
            &format!(
                "{} WHERE m.result IS NOT NULL
                   AND coalesce(m.measured_on, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
                 ORDER BY coalesce(m.measured_on, substr(e.created_at, 1, 10)), m.id",
                MetricInput::SELECT
            ),
            params![s, e],
            MetricInput::row,
        )?;
        let decisions: Vec<Decision> = rows(
            &self.conn,
            &format!(
                "{} WHERE coalesce(d.decided_on, substr(e.created_at, 1, 10)) BETWEEN ?1 AND ?2
                 ORDER BY coalesce(d.decided_on, substr(e.created_at, 1, 10)), d.id",
                DecisionInput::SELECT
            ),
            params![s, e],
            DecisionInput::row,
        )?;
        let feedback: Vec<Feedback> = rows(
            &self.conn,
            &format!(
                "{} WHERE f.date BETWEEN ?1 AND ?2 ORDER BY f.date, f.id",
                FeedbackInput::SELECT
            ),
            params![s, e],
            FeedbackInput::row,
        )?;
        let checklists: Vec<ChecklistWorked> = rows(
            &self.conn,
            "SELECT c.guide, c.number, count(*) FROM checklist_checks k
               JOIN checklist_cycles c ON c.id = k.cycle_id
             WHERE substr(k.checked_at, 1, 10) BETWEEN ?1 AND ?2
             GROUP BY c.id ORDER BY c.guide, c.number",
            params![s, e],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get::<_, u32>(2)?)),
        )?
        .into_iter()
        .map(|(guide, cycle, checked)| {
            let found = library().guide(&guide);
            ChecklistWorked {
                guide_title: found.map_or_else(|| guide.clone(), |g| g.title.clone()),
                items: found.map_or(checked, |g| g.checklist.len() as u32),
                guide,
                cycle,
                checked,
            }
        })
        .collect();
        let (count, ms): (u32, i64) = self.conn.query_row(
            "SELECT count(*), coalesce(sum(r.total_ms), 0) FROM rehearsals r
               JOIN entries e ON e.id = r.story_id
             WHERE substr(r.started_at, 1, 10) BETWEEN ?1 AND ?2 AND (?3 = 0 OR e.private = 0)",
            params![s, e, shared],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let stories: Vec<String> = rows(
            &self.conn,
            "SELECT s.title FROM rehearsals r JOIN stories s ON s.id = r.story_id
               JOIN entries e ON e.id = s.id
             WHERE substr(r.started_at, 1, 10) BETWEEN ?1 AND ?2 AND (?3 = 0 OR e.private = 0)
             GROUP BY s.id ORDER BY count(*) DESC, s.title",
            params![s, e, shared],
            |r| r.get(0),
        )?;
        let rehearsals =
            RehearsalsDone { count, stories, minutes: ((ms + 30_000) / 60_000) as u32 };
        let (mut projects, mut metrics, mut decisions, mut feedback) =
            (projects, metrics, decisions, feedback);
        if shared {
            let private_project: Vec<i64> = rows(
                &self.conn,
                "SELECT p.id FROM projects p JOIN entries e ON e.id = p.id WHERE e.private = 1",
                [],
                |r| r.get(0),
            )?;
            let open = |private: bool, project: Option<i64>| {
                !private && project.is_none_or(|p| !private_project.contains(&p))
            };
            projects.retain(|p| !p.project.labels.private);
            metrics.retain(|m| open(m.labels.private, Some(m.project_id)));
            decisions.retain(|d| open(d.labels.private, d.project_id));
            feedback.retain(|f| open(f.labels.private, f.project_id));
        }
        let empty = projects.is_empty()
            && metrics.is_empty()
            && decisions.is_empty()
            && feedback.is_empty()
            && checklists.is_empty()
            && rehearsals.count == 0;
        let mut summary = PeriodSummary {
            reviews: self.period_reviews(&period)?,
            period,
            projects,
            metrics,
            decisions,
            feedback,
            checklists,
            rehearsals,
            markdown: String::new(),
            empty,
        };
        summary.markdown = period_markdown(&summary);
        Ok(summary)
    }

    /// The follow-up queue on `today`, most urgent first: decisions past their review,
    /// metrics past their measure-by day, stories for an interview soon and not rehearsed
    /// this week, metrics still waiting for a result, metrics without evidence, quiet
    /// projects, and what was logged on this day in earlier years. Snoozed (until their day)
    /// and dismissed ones are left out.
    pub fn followups(&self, today: NaiveDate) -> Result<FollowUpQueue> {
        let marks: HashMap<String, (Option<NaiveDate>, Option<NaiveDate>)> = rows(
            &self.conn,
            "SELECT key, snoozed_until, substr(dismissed_at, 1, 10) FROM followup_marks",
            [],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))),
        )?
        .into_iter()
        .collect();
        let mut items: Vec<FollowUp> = Vec::new();
        let fmt = crate::habit::period::day_words;

        for d in self.reviews_due(today)? {
            items.push(FollowUp {
                key: key(FollowUpKind::DecisionReview, d.id),
                kind: FollowUpKind::DecisionReview,
                entry_kind: EntryKind::Decision,
                entry_id: d.id,
                project_id: d.project_id,
                title: d.title.clone(),
                detail: format!(
                    "Its review was due on {}: write what happened.",
                    fmt(d.review_on.unwrap_or(today))
                ),
                due_on: d.review_on,
                overdue: true,
            });
        }
        let waiting: Vec<Metric> = rows(
            &self.conn,
            &format!(
                "{} WHERE m.result IS NULL ORDER BY m.measure_by IS NULL, m.measure_by, m.id",
                MetricInput::SELECT
            ),
            [],
            MetricInput::row,
        )?;
        let (late, pending): (Vec<&Metric>, Vec<&Metric>) =
            waiting.iter().partition(|m| m.measure_by.is_some_and(|d| d <= today));
        let metric_item = |m: &Metric, overdue: bool| FollowUp {
            key: key(FollowUpKind::MetricResult, m.id),
            kind: FollowUpKind::MetricResult,
            entry_kind: EntryKind::Metric,
            entry_id: m.id,
            project_id: Some(m.project_id),
            title: m.name.clone(),
            detail: match m.measure_by {
                Some(d) if overdue => {
                    format!("It was to be measured by {}: add the result.", fmt(d))
                }
                Some(d) => format!("Measure by {}: {}.", fmt(d), m.waiting()),
                None => format!("Waiting for its result: {}.", m.waiting()),
            },
            due_on: m.measure_by,
            overdue,
        };
        items.extend(late.iter().map(|m| metric_item(m, true)));

        let soon = today + Days::new(INTERVIEW_AHEAD_DAYS);
        let rehearsed_since = today - Days::new(REHEARSED_WITHIN_DAYS);
        let stories: Vec<(i64, String, NaiveDate, Option<String>)> = rows(
            &self.conn,
            "SELECT s.id, s.title, s.interview_on,
                    (SELECT max(r.started_at) FROM rehearsals r WHERE r.story_id = s.id)
             FROM stories s WHERE s.interview_on BETWEEN ?1 AND ?2 ORDER BY s.interview_on, s.id",
            params![today, soon],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        for (id, title, interview, last) in stories {
            if last.as_deref().is_some_and(|l| l >= rehearsed_since.to_string().as_str()) {
                continue;
            }
            let days = (interview - today).num_days();
            let when = match days {
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("in {n} days ({})", fmt(interview)),
            };
            items.push(FollowUp {
                key: key(FollowUpKind::StoryRehearsal, id),
                kind: FollowUpKind::StoryRehearsal,
                entry_kind: EntryKind::Story,
                entry_id: id,
                project_id: None,
                title,
                detail: format!("The interview is {when} and it was not rehearsed this week."),
                due_on: Some(interview),
                overdue: days <= 2,
            });
        }
        items.extend(pending.iter().map(|m| metric_item(m, false)));

        let no_evidence: Vec<Metric> = rows(
            &self.conn,
            &format!(
                "{} WHERE m.result IS NOT NULL AND m.evidence IS NULL
                 ORDER BY m.measured_on DESC, m.id DESC LIMIT ?1",
                MetricInput::SELECT
            ),
            [MAX_FOLLOWUPS as i64 * 2],
            MetricInput::row,
        )?;
        for m in &no_evidence {
            items.push(FollowUp {
                key: key(FollowUpKind::MetricEvidence, m.id),
                kind: FollowUpKind::MetricEvidence,
                entry_kind: EntryKind::Metric,
                entry_id: m.id,
                project_id: Some(m.project_id),
                title: m.name.clone(),
                detail: format!(
                    "{}: add a link or a note that shows it, before someone asks.",
                    m.line()
                ),
                due_on: None,
                overdue: false,
            });
        }

        let quiet_since = (today - Days::new(STALE_AFTER_DAYS)).to_string();
        let stale: Vec<(i64, String, String)> = rows(
            &self.conn,
            "SELECT id, title, last_logged_at FROM projects
             WHERE coalesce(status, 'active') IN ('active', 'planned') AND last_logged_at < ?1
             ORDER BY last_logged_at LIMIT ?2",
            params![quiet_since, MAX_FOLLOWUPS as i64 * 2],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        for (id, title, last) in stale {
            let day = last.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
            items.push(FollowUp {
                key: key(FollowUpKind::StaleProject, id),
                kind: FollowUpKind::StaleProject,
                entry_kind: EntryKind::Project,
                entry_id: id,
                project_id: Some(id),
                title,
                detail: match day {
                    Some(d) => format!(
                        "Nothing logged since {}: add what happened, or mark it shipped or paused.",
                        fmt(d)
                    ),
                    None => "Nothing logged for six weeks.".to_string(),
                },
                due_on: day,
                overdue: false,
            });
        }

        // This day in each earlier year, back to 1950: one index lookup per table and year.
        let days: Vec<String> = (1950..today.year())
            .rev()
            .filter_map(|y| today.with_year(y))
            .map(|d| d.to_string())
            .collect();
        let days = serde_json::to_string(&days).expect("days serialise");
        let year_ago: Vec<(i64, String, String, NaiveDate, Option<i64>)> = rows(
            &self.conn,
            "WITH days(day) AS (SELECT value FROM json_each(?1))
             SELECT id, kind, title, day, project_id FROM (
               SELECT n.id, 'note' AS kind, n.text AS title, n.date AS day, n.project_id FROM notes n
                 WHERE n.date IN (SELECT day FROM days)
               UNION ALL SELECT f.id, 'feedback', 'Feedback from ' || f.source, f.date, f.project_id
                 FROM feedback f WHERE f.date IN (SELECT day FROM days)
               UNION ALL SELECT d.id, 'decision', d.title, d.decided_on, d.project_id FROM decisions d
                 WHERE d.decided_on IN (SELECT day FROM days)
               UNION ALL SELECT p.id, 'project', p.title, p.started_on, p.id FROM projects p
                 WHERE p.started_on IN (SELECT day FROM days)
               UNION ALL SELECT m.id, 'metric', m.name, m.measured_on, m.project_id FROM metrics m
                 WHERE m.measured_on IN (SELECT day FROM days)
               UNION ALL SELECT a.id, 'artifact', a.title, a.date, a.project_id FROM artifacts a
                 WHERE a.date IN (SELECT day FROM days)
             ) ORDER BY day DESC, id LIMIT 20",
            [days],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        for (id, kind, title, day, project_id) in year_ago {
            let years = today.year() - day.year();
            let ago =
                if years == 1 { "A year ago".to_string() } else { format!("{years} years ago") };
            let what = match kind.as_str() {
                "project" => "you started it",
                "note" => "you wrote this",
                "feedback" => "you got this feedback",
                "decision" => "you made this decision",
                "metric" => "you measured this",
                _ => "you logged this",
            };
            let Some(entry_kind) = EntryKind::parse(&kind) else { continue };
            items.push(FollowUp {
                key: key(FollowUpKind::YearAgo, id),
                kind: FollowUpKind::YearAgo,
                entry_kind,
                entry_id: id,
                project_id,
                title: if kind == "note" { super::journal::note_title(&title) } else { title },
                detail: format!("{ago} today, {what}."),
                due_on: Some(day),
                overdue: false,
            });
        }

        // A year-ago item dismissed last year comes back this year; the others stay dismissed.
        let forgotten = today - Days::new(300);
        let mut snoozed = 0;
        items.retain(|item| match marks.get(&item.key) {
            Some((_, Some(dismissed))) => {
                item.kind == FollowUpKind::YearAgo && *dismissed < forgotten
            }
            Some((Some(until), None)) if *until > today => {
                snoozed += 1;
                false
            }
            _ => true,
        });
        let total = items.len() as u32;
        items.truncate(MAX_FOLLOWUPS);
        Ok(FollowUpQueue { items, total, snoozed })
    }

    /// Snoozes (a week), dismisses or puts back (undo) the follow-up `key` on `today`.
    pub fn mark_followup(
        &mut self,
        key: &str,
        mark: FollowUpMark,
        today: NaiveDate,
    ) -> Result<FollowUpQueue> {
        parse_key(key)?;
        match mark {
            FollowUpMark::Snooze => {
                self.conn.execute(
                    "INSERT INTO followup_marks (key, snoozed_until, dismissed_at) VALUES (?1, ?2, NULL)
                     ON CONFLICT (key) DO UPDATE SET snoozed_until = excluded.snoozed_until, dismissed_at = NULL",
                    params![key, today + Days::new(SNOOZE_DAYS)],
                )?;
            }
            FollowUpMark::Dismiss => {
                self.conn.execute(
                    "INSERT INTO followup_marks (key, snoozed_until, dismissed_at) VALUES (?1, NULL, ?2)
                     ON CONFLICT (key) DO UPDATE SET snoozed_until = NULL, dismissed_at = excluded.dismissed_at",
                    params![key, today.to_string()],
                )?;
            }
            FollowUpMark::Clear => {
                self.conn.execute("DELETE FROM followup_marks WHERE key = ?1", [key])?;
            }
        }
        self.followups(today)
    }

    /// The note templates: the shipped ones (as the engineer edited them), then their own
    /// by title.
    pub fn templates(&self) -> Result<Vec<NoteTemplate>> {
        let mut own: HashMap<String, Template> = rows(
            &self.conn,
            "SELECT slug, title, description, tags, body FROM templates WHERE removed_at IS NULL",
            [],
            template_row,
        )?
        .into_iter()
        .map(|t| (t.slug.clone(), t))
        .collect();
        let mut out: Vec<NoteTemplate> = library()
            .templates
            .iter()
            .map(|shipped| match own.remove(&shipped.slug) {
                Some(edited) => NoteTemplate { template: edited, source: TemplateSource::Edited },
                None => NoteTemplate { template: shipped.clone(), source: TemplateSource::Shipped },
            })
            .collect();
        let mut rest: Vec<Template> = own.into_values().collect();
        rest.sort_by(|a, b| {
            a.title.to_lowercase().cmp(&b.title.to_lowercase()).then(a.slug.cmp(&b.slug))
        });
        out.extend(
            rest.into_iter().map(|t| NoteTemplate { template: t, source: TemplateSource::Own }),
        );
        Ok(out)
    }

    /// The template `slug`, or `NotFound` naming the ones there are.
    pub fn template(&self, slug: &str) -> Result<NoteTemplate> {
        let all = self.templates()?;
        let names: Vec<String> = all.iter().map(|t| t.template.slug.clone()).collect();
        all.into_iter().find(|t| t.template.slug == slug.trim()).ok_or_else(|| Error::NotFound {
            what: format!("the template \"{slug}\" (there are: {})", names.join(", ")),
        })
    }

    /// Saves a template: an edit of a shipped one (same slug), or one of the engineer's own.
    pub fn save_template(&mut self, template: Template) -> Result<NoteTemplate> {
        let template = Template {
            slug: template.slug.trim().to_string(),
            title: template.title.trim().to_string(),
            description: template.description.trim().to_string(),
            tags: template
                .tags
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            body: template.body.trim_end().to_string() + "\n",
        };
        check_template(&template).map_err(|problems| {
            Error::fields(problems.into_iter().map(|(f, r)| FieldError::new(f, r)).collect())
        })?;
        let exists: bool = self
            .conn
            .prepare_cached("SELECT 1 FROM templates WHERE slug = ?1 AND removed_at IS NULL")?
            .exists([&template.slug])?;
        let shipped = library().template(&template.slug).is_some();
        if !exists && !shipped {
            let count: i64 = self.conn.query_row(
                "SELECT count(*) FROM templates WHERE removed_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            if count as usize >= MAX_TEMPLATES {
                return Err(Error::invalid(
                    "slug",
                    format!("a journal keeps at most {MAX_TEMPLATES} templates of its own"),
                ));
            }
        }
        let tags = serde_json::to_string(&template.tags).expect("tags serialise");
        self.conn.execute(
            "INSERT INTO templates (slug, title, description, tags, body, updated_at, removed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)
             ON CONFLICT (slug) DO UPDATE SET title = excluded.title, description = excluded.description,
               tags = excluded.tags, body = excluded.body, updated_at = excluded.updated_at, removed_at = NULL",
            params![template.slug, template.title, template.description, tags, template.body, now()],
        )?;
        self.template(&template.slug)
    }

    /// Removes one of the engineer's templates, or their edit of a shipped one (which then
    /// reads as shipped again); `restore_template` undoes it.
    pub fn remove_template(&mut self, slug: &str) -> Result<NoteTemplate> {
        let removed = self.conn.execute(
            "UPDATE templates SET removed_at = ?2 WHERE slug = ?1 AND removed_at IS NULL",
            params![slug, now()],
        )?;
        if removed == 0 {
            return Err(if library().template(slug).is_some() {
                Error::invalid("slug", "a template shipped with Career Log stays; edit it instead")
            } else {
                Error::NotFound { what: format!("the template \"{slug}\"") }
            });
        }
        let row = self.conn.query_row(
            "SELECT slug, title, description, tags, body FROM templates WHERE slug = ?1",
            [slug],
            template_row,
        )?;
        let source = if library().template(slug).is_some() {
            TemplateSource::Edited
        } else {
            TemplateSource::Own
        };
        Ok(NoteTemplate { template: row, source })
    }

    /// Brings back a removed template (undo).
    pub fn restore_template(&mut self, slug: &str) -> Result<NoteTemplate> {
        let restored = self.conn.execute(
            "UPDATE templates SET removed_at = NULL WHERE slug = ?1 AND removed_at IS NOT NULL",
            [slug],
        )?;
        if restored == 0 {
            return Err(Error::NotFound { what: format!("a removed template \"{slug}\"") });
        }
        self.template(slug)
    }

    /// The templates of the engineer's own and their edits, for a whole-journal export.
    pub(crate) fn own_templates(&self) -> Result<Vec<Template>> {
        rows(
            &self.conn,
            "SELECT slug, title, description, tags, body FROM templates WHERE removed_at IS NULL ORDER BY slug",
            [],
            template_row,
        )
    }
}

/// Adds the templates an import brings, keeping the journal's own where both have a slug.
pub(crate) fn import_templates(tx: &Transaction, templates: &[Template]) -> Result<()> {
    for (index, t) in templates.iter().enumerate() {
        check_template(t).map_err(|problems| {
            let (field, reason) =
                problems.into_iter().next().unwrap_or(("template", "is not valid".into()));
            Error::invalid(
                "import",
                format!("template {} (\"{}\"): {field} {reason}", index + 1, t.slug),
            )
        })?;
        let tags = serde_json::to_string(&t.tags).expect("tags serialise");
        tx.prepare_cached(
            "INSERT OR IGNORE INTO templates (slug, title, description, tags, body, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![t.slug, t.title, t.description, tags, t.body, now()])?;
    }
    Ok(())
}

fn template_row(r: &Row) -> rusqlite::Result<Template> {
    let tags: String = r.get(3)?;
    Ok(Template {
        slug: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        body: r.get(4)?,
    })
}
