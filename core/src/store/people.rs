//! SQL of people, 1:1s, action items and goals: their rows, the People list, a person's
//! page (everything linked to them on one timeline) and a 1:1 saved with its action items.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{named_params, params, Row, Transaction};

use super::journal::{
    ensure, ensure_common, entry_select, head, labels, save_in, today, Record, OWN,
};
use super::rows;
use super::Journal;
use crate::journal::{EntryKind, Feedback, FeedbackDirection, FeedbackInput, Labels, Stored};
use crate::people::{
    validate, ActionItem, ActionItemInput, Goal, GoalInput, OneOnOne, OneOnOneDetail, OneOnOneForm,
    OneOnOneInput, PeopleFilter, PeoplePage, Person, PersonInput, PersonName, PersonPage,
    PersonRow, ProgressReport, TimelineItem, TimelineRole,
};
use crate::{Error, Result};

const PERSON_SELECT: &str =
    entry_select!("p.name, p.relationships, p.notes FROM people p JOIN entries e ON e.id = p.id");
const ONE_ON_ONE_SELECT: &str = entry_select!(
    "o.person_id, o.date, o.agenda, o.notes FROM one_on_ones o JOIN entries e ON e.id = o.id"
);
const ACTION_SELECT: &str = entry_select!(
    "a.one_on_one_id, a.text, a.owner, a.done_on, o.person_id, o.date \
     FROM actions a JOIN entries e ON e.id = a.id JOIN one_on_ones o ON o.id = a.one_on_one_id"
);
const GOAL_SELECT: &str = entry_select!(
    "g.person_id, g.text, g.set_on, g.reached_on, g.took_over \
     FROM goals g JOIN entries e ON e.id = g.id"
);

fn json_column<T: serde::de::DeserializeOwned>(r: &Row, index: usize) -> rusqlite::Result<T> {
    let text: String = r.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

fn join(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().copied().collect::<Vec<_>>().join("\n")
}

impl Record for PersonInput {
    const KIND: EntryKind = EntryKind::Person;
    const SELECT: &'static str = PERSON_SELECT;
    type Full = Person;

    fn row(r: &Row) -> rusqlite::Result<Person> {
        let input = PersonInput {
            name: r.get(OWN)?,
            relationships: json_column(r, OWN + 1)?,
            notes: r.get(OWN + 2)?,
            labels: labels(r)?,
        };
        Ok(Person::derived(head(r)?, input, today()))
    }
    fn validate(self) -> Result<Self> {
        validate::person(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let spans: Vec<String> = self
            .relationships
            .iter()
            .map(|r| join(&[Some(r.relationship.in_words()), r.team.as_deref()]))
            .collect();
        let spans = spans.join("\n");
        (self.name.clone(), join(&[Some(&spans), self.notes.as_deref()]))
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        let relationships =
            serde_json::to_string(&self.relationships).expect("relationships serialise");
        tx.prepare_cached(
            "INSERT INTO people (id, name, relationships, notes) VALUES (:id, :name, :relationships, :notes)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
               relationships = excluded.relationships, notes = excluded.notes",
        )?
        .execute(named_params! {
            ":id": id, ":name": self.name, ":relationships": relationships, ":notes": self.notes,
        })?;
        Ok(())
    }
}

impl Record for OneOnOneInput {
    const KIND: EntryKind = EntryKind::OneOnOne;
    const SELECT: &'static str = ONE_ON_ONE_SELECT;
    type Full = OneOnOne;

    fn row(r: &Row) -> rusqlite::Result<OneOnOne> {
        Ok(OneOnOne::new(
            head(r)?,
            OneOnOneInput {
                person_id: r.get(OWN)?,
                date: r.get(OWN + 1)?,
                agenda: r.get(OWN + 2)?,
                notes: r.get(OWN + 3)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::one_on_one(self)
    }
    fn prepare(mut self, tx: &Transaction) -> Result<Self> {
        ensure(tx, EntryKind::Person, "person_id", self.person_id)?;
        ensure_common(tx, &self)?;
        self.date.get_or_insert_with(today);
        Ok(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        let day = self.date.map(|d| format!(", {d}")).unwrap_or_default();
        (format!("1:1{day}"), join(&[self.agenda.as_deref(), self.notes.as_deref()]))
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO one_on_ones (id, person_id, date, agenda, notes)
             VALUES (:id, :person_id, :date, :agenda, :notes)
             ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, date = excluded.date,
               agenda = excluded.agenda, notes = excluded.notes",
        )?
        .execute(named_params! {
            ":id": id, ":person_id": self.person_id, ":date": self.date.unwrap_or_else(today),
            ":agenda": self.agenda, ":notes": self.notes,
        })?;
        Ok(())
    }
}

impl Record for ActionItemInput {
    const KIND: EntryKind = EntryKind::Action;
    const SELECT: &'static str = ACTION_SELECT;
    type Full = ActionItem;

    fn row(r: &Row) -> rusqlite::Result<ActionItem> {
        let input = ActionItemInput {
            one_on_one_id: r.get(OWN)?,
            text: r.get(OWN + 1)?,
            owner: r.get(OWN + 2)?,
            done_on: r.get(OWN + 3)?,
            labels: labels(r)?,
        };
        Ok(ActionItem::new(head(r)?, input, r.get(OWN + 4)?, r.get(OWN + 5)?))
    }
    fn validate(self) -> Result<Self> {
        validate::action(self)
    }
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        ensure(tx, EntryKind::OneOnOne, "one_on_one_id", self.one_on_one_id)?;
        ensure_common(tx, &self)?;
        Ok(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        (self.text.clone(), String::new())
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO actions (id, one_on_one_id, text, owner, done_on)
             VALUES (:id, :one_on_one_id, :text, :owner, :done_on)
             ON CONFLICT (id) DO UPDATE SET one_on_one_id = excluded.one_on_one_id,
               text = excluded.text, owner = excluded.owner, done_on = excluded.done_on",
        )?
        .execute(named_params! {
            ":id": id, ":one_on_one_id": self.one_on_one_id, ":text": self.text,
            ":owner": self.owner, ":done_on": self.done_on,
        })?;
        Ok(())
    }
}

impl Record for GoalInput {
    const KIND: EntryKind = EntryKind::Goal;
    const SELECT: &'static str = GOAL_SELECT;
    type Full = Goal;

    fn row(r: &Row) -> rusqlite::Result<Goal> {
        Ok(Goal::new(
            head(r)?,
            GoalInput {
                person_id: r.get(OWN)?,
                text: r.get(OWN + 1)?,
                set_on: r.get(OWN + 2)?,
                reached_on: r.get(OWN + 3)?,
                took_over: r.get(OWN + 4)?,
                labels: labels(r)?,
            },
        ))
    }
    fn validate(self) -> Result<Self> {
        validate::goal(self)
    }
    fn prepare(self, tx: &Transaction) -> Result<Self> {
        ensure(tx, EntryKind::Person, "person_id", self.person_id)?;
        ensure_common(tx, &self)?;
        Ok(self)
    }
    fn labels(&self) -> &Labels {
        &self.labels
    }
    fn search_text(&self) -> (String, String) {
        (self.text.clone(), String::new())
    }
    fn upsert(&self, tx: &Transaction, id: i64) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO goals (id, person_id, text, set_on, reached_on, took_over)
             VALUES (:id, :person_id, :text, :set_on, :reached_on, :took_over)
             ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, text = excluded.text,
               set_on = excluded.set_on, reached_on = excluded.reached_on,
               took_over = excluded.took_over",
        )?
        .execute(named_params! {
            ":id": id, ":person_id": self.person_id, ":text": self.text, ":set_on": self.set_on,
            ":reached_on": self.reached_on, ":took_over": self.took_over,
        })?;
        Ok(())
    }
}

/// The open action items of `person_id`'s 1:1s, oldest first; with `before`, only those
/// agreed at 1:1s that came before that one (by day, then by id).
fn open_actions(
    conn: &rusqlite::Connection,
    person_id: i64,
    before: Option<(NaiveDate, i64)>,
) -> Result<Vec<ActionItem>> {
    let (day, meeting) = before.map_or((None, None), |(d, m)| (Some(d), Some(m)));
    rows(
        conn,
        &format!(
            "{ACTION_SELECT} WHERE o.person_id = ?1 AND a.done_on IS NULL
               AND (?2 IS NULL OR o.date < ?2 OR (o.date = ?2 AND o.id < ?3))
             ORDER BY o.date, a.id"
        ),
        params![person_id, day, meeting],
        ActionItemInput::row,
    )
}

impl Journal {
    /// The People list, by name (any case), with how often and how lately they were met.
    pub fn people(&self, filter: &PeopleFilter) -> Result<PeoplePage> {
        let found: Vec<Person> = rows(
            &self.conn,
            &format!("{PERSON_SELECT} ORDER BY p.name COLLATE NOCASE, p.id"),
            [],
            PersonInput::row,
        )?;
        let words: Vec<String> = filter
            .text
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let kept: Vec<Person> = found
            .into_iter()
            .filter(|p| {
                let haystack = std::iter::once(p.name.as_str())
                    .chain(p.relationships.iter().filter_map(|r| r.team.as_deref()))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                words.iter().all(|w| haystack.contains(w.as_str()))
                    && filter
                        .relationship
                        .is_none_or(|k| p.relationships.iter().any(|r| r.relationship == k))
            })
            .collect();
        let met: HashMap<i64, (u32, Option<NaiveDate>)> = rows(
            &self.conn,
            "SELECT person_id, count(*), max(date) FROM one_on_ones GROUP BY person_id",
            [],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))),
        )?
        .into_iter()
        .collect();
        let open: HashMap<i64, u32> = rows(
            &self.conn,
            "SELECT o.person_id, count(*) FROM actions a JOIN one_on_ones o ON o.id = a.one_on_one_id
             WHERE a.done_on IS NULL GROUP BY o.person_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .collect();
        let people: Vec<PersonRow> = kept
            .into_iter()
            .map(|person| {
                let (one_on_ones, last_met_on) = met.get(&person.id).copied().unwrap_or_default();
                PersonRow {
                    one_on_ones,
                    last_met_on,
                    open_actions: open.get(&person.id).copied().unwrap_or(0),
                    person,
                }
            })
            .collect();
        Ok(PeoplePage { total: people.len() as u32, people })
    }

    /// The names of these people, for entries that show who they involved; people not in
    /// the journal are left out.
    pub fn person_names(&self, ids: &[i64]) -> Result<Vec<PersonName>> {
        let ids_json = serde_json::to_string(ids).expect("ids serialise");
        let found: HashMap<i64, String> = rows(
            &self.conn,
            "SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?1))",
            [ids_json],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .into_iter()
        .collect();
        Ok(ids
            .iter()
            .filter_map(|id| found.get(id).map(|name| PersonName { id: *id, name: name.clone() }))
            .collect())
    }

    /// Everything linked to one person, on one timeline.
    pub fn person_page(&self, id: i64) -> Result<PersonPage> {
        let person = self.entry::<Person>(id)?;
        let mut timeline: Vec<TimelineItem> = Vec::new();
        let meetings: Vec<OneOnOne> = rows(
            &self.conn,
            &format!("{ONE_ON_ONE_SELECT} WHERE o.person_id = ?1 ORDER BY o.date DESC, o.id DESC"),
            [id],
            OneOnOneInput::row,
        )?;
        for m in &meetings {
            timeline.push(TimelineItem {
                id: m.id,
                kind: EntryKind::OneOnOne,
                role: TimelineRole::OneOnOne,
                date: m.date,
                title: "1:1".into(),
                detail: m.agenda.as_deref().or(m.notes.as_deref()).map(first_line),
                project_id: None,
                private: m.labels.private,
            });
        }
        let feedback: Vec<Feedback> = rows(
            &self.conn,
            &format!(
                "{} WHERE f.person_id = ?1 ORDER BY f.date DESC, f.id DESC",
                FeedbackInput::SELECT
            ),
            [id],
            FeedbackInput::row,
        )?;
        for f in &feedback {
            let given = f.direction == Some(FeedbackDirection::Given);
            timeline.push(TimelineItem {
                id: f.id,
                kind: EntryKind::Feedback,
                role: if given {
                    TimelineRole::FeedbackGiven
                } else {
                    TimelineRole::FeedbackReceived
                },
                date: f.date,
                title: if given { "Feedback you gave".into() } else { "Feedback from them".into() },
                detail: Some(first_line(&f.text)),
                project_id: f.project_id,
                private: f.labels.private,
            });
        }
        let goals: Vec<Goal> = rows(
            &self.conn,
            &format!(
                "{GOAL_SELECT} WHERE g.person_id = ?1
                 ORDER BY g.reached_on IS NOT NULL, coalesce(g.reached_on, g.set_on) DESC, g.id DESC"
            ),
            [id],
            GoalInput::row,
        )?;
        for g in &goals {
            let reached = g.reached_on.is_some();
            timeline.push(TimelineItem {
                id: g.id,
                kind: EntryKind::Goal,
                role: if reached { TimelineRole::GoalReached } else { TimelineRole::GoalSet },
                date: g.reached_on.or(g.set_on),
                title: g.text.clone(),
                detail: g.took_over.then(|| "Took over work you used to carry".to_string()),
                project_id: None,
                private: g.labels.private,
            });
        }
        // Entries that name the person among the people they involved.
        type Linked = (i64, String, String, Option<String>, Option<i64>, bool);
        let linked: Vec<Linked> = rows(
            &self.conn,
            "SELECT e.id, e.kind,
               coalesce(p.title, d.title, m.name, a.title, s.title, n.text, 'Feedback from ' || f.source, ''),
               coalesce(p.started_on, d.decided_on, m.measured_on, a.date, n.date, f.date,
                        substr(e.created_at, 1, 10)),
               coalesce(p.id, d.project_id, m.project_id, a.project_id, n.project_id, f.project_id),
               e.private
             FROM entry_people l JOIN entries e ON e.id = l.entry_id
             LEFT JOIN projects p ON p.id = e.id LEFT JOIN decisions d ON d.id = e.id
             LEFT JOIN metrics m ON m.id = e.id LEFT JOIN artifacts a ON a.id = e.id
             LEFT JOIN stories s ON s.id = e.id LEFT JOIN notes n ON n.id = e.id
             LEFT JOIN feedback f ON f.id = e.id
             WHERE l.person_id = ?1 AND e.kind NOT IN ('one_on_one', 'goal')
             ORDER BY e.id",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
        for (entry, kind, title, date, project_id, private) in linked {
            if timeline.iter().any(|t| t.id == entry) {
                continue;
            }
            let kind = EntryKind::parse(&kind).unwrap_or(EntryKind::Note);
            let role = match kind {
                EntryKind::Project => TimelineRole::Together,
                EntryKind::Decision => TimelineRole::Consulted,
                _ => TimelineRole::Linked,
            };
            timeline.push(TimelineItem {
                id: entry,
                kind,
                role,
                date: date.and_then(|d| d.parse().ok()),
                title: super::journal::note_title(&title),
                detail: None,
                project_id,
                private,
            });
        }
        timeline.sort_by(|a, b| match (a.date, b.date) {
            (Some(x), Some(y)) => y.cmp(&x).then(b.id.cmp(&a.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.id.cmp(&a.id),
        });
        Ok(PersonPage {
            open_actions: open_actions(&self.conn, id, None)?,
            one_on_ones: meetings.len() as u32,
            person,
            timeline,
            goals,
            feedback,
        })
    }

    /// A 1:1 with its own action items and the open ones carried from earlier 1:1s.
    pub fn one_on_one(&self, id: i64) -> Result<OneOnOneDetail> {
        let meeting = self.entry::<OneOnOne>(id)?;
        detail(&self.conn, meeting)
    }

    /// The 1:1s with one person, newest first.
    pub fn one_on_ones(&self, person_id: i64) -> Result<Vec<OneOnOne>> {
        self.entry::<Person>(person_id)?;
        rows(
            &self.conn,
            &format!("{ONE_ON_ONE_SELECT} WHERE o.person_id = ?1 ORDER BY o.date DESC, o.id DESC"),
            [person_id],
            OneOnOneInput::row,
        )
    }

    /// What a new 1:1 with `person_id` starts with: the open items of the 1:1s before.
    pub fn carried_actions(&self, person_id: i64) -> Result<Vec<ActionItem>> {
        self.entry::<Person>(person_id)?;
        open_actions(&self.conn, person_id, None)
    }

    /// Saves a 1:1 and its own action items in one write (new without `id`): drafts with an
    /// id update that item, those without are added, and the meeting's items left out go
    /// to the trash. A draft marked done is dated today unless it was done already.
    pub fn save_one_on_one(
        &mut self,
        id: Option<i64>,
        form: OneOnOneForm,
    ) -> Result<OneOnOneDetail> {
        let meeting = form.meeting.validate()?;
        let mut drafts = Vec::with_capacity(form.actions.len());
        let mut problems = crate::journal::validate::Problems::default();
        for (index, draft) in form.actions.into_iter().enumerate() {
            let checked = ActionItemInput {
                one_on_one_id: 0,
                text: draft.text.clone(),
                owner: draft.owner,
                done_on: None,
                labels: Labels::default(),
            }
            .validate();
            match checked {
                Ok(input) => drafts.push((draft, input)),
                Err(_) => problems.add(
                    "actions",
                    format!("item {} needs its text (up to 200 characters)", index + 1),
                ),
            }
        }
        problems.done(())?;
        let tx = self.conn.transaction()?;
        let saved = save_in(&tx, id, meeting)?;
        let existing: Vec<ActionItem> = rows(
            &tx,
            &format!("{ACTION_SELECT} WHERE a.one_on_one_id = ?1"),
            [saved.id],
            ActionItemInput::row,
        )?;
        let mut kept: Vec<i64> = Vec::new();
        for (draft, mut input) in drafts {
            input.one_on_one_id = saved.id;
            let before = draft.id.map(|d| existing.iter().find(|e| e.id == d)).map(|found| {
                found.ok_or_else(|| {
                    Error::invalid(
                        "actions",
                        format!("action item {} is not in this 1:1", draft.id.unwrap_or(0)),
                    )
                })
            });
            let before = before.transpose()?;
            input.done_on = match (draft.done, before) {
                (false, _) => None,
                (true, Some(b)) if b.done_on.is_some() => b.done_on,
                (true, _) => Some(today()),
            };
            if let Some(b) = before {
                input.labels = b.labels.clone();
                kept.push(b.id);
            }
            save_in(&tx, draft.id, input)?;
        }
        for gone in existing.iter().filter(|e| !kept.contains(&e.id)) {
            super::trash::trash_in(&tx, gone.id)?;
        }
        let detail = detail(&tx, saved)?;
        tx.commit()?;
        Ok(detail)
    }

    /// Marks an action item done today (or open again); done items keep their day.
    pub fn mark_action(&mut self, id: i64, done: bool) -> Result<ActionItem> {
        let item = self.entry::<ActionItem>(id)?;
        let mut input = item.to_input();
        input.done_on = match (done, item.done_on) {
            (false, _) => None,
            (true, Some(day)) => Some(day),
            (true, None) => Some(today()),
        };
        self.update(id, input)
    }
}

/// The 1:1's person, own action items and what it carries from the 1:1s before.
fn detail(conn: &rusqlite::Connection, meeting: OneOnOne) -> Result<OneOnOneDetail> {
    let person = PersonInput::get(conn, meeting.person_id)?;
    let actions = rows(
        conn,
        &format!("{ACTION_SELECT} WHERE a.one_on_one_id = ?1 ORDER BY a.id"),
        [meeting.id],
        ActionItemInput::row,
    )?;
    let day = meeting.date.unwrap_or_else(today);
    let carried = open_actions(conn, meeting.person_id, Some((day, meeting.id)))?;
    Ok(OneOnOneDetail { meeting, person, actions, carried })
}

fn first_line(text: &str) -> String {
    super::journal::note_title(text)
}

impl Journal {
    /// The progress report for a mentor (or anyone the engineer shares progress with):
    /// projects, metrics moved, checklist progress and stories rehearsed between `since`
    /// and `until`, with every private entry left out.
    pub fn progress_report(
        &self,
        person_id: i64,
        since: NaiveDate,
        until: NaiveDate,
    ) -> Result<ProgressReport> {
        if until < since {
            return Err(Error::invalid(
                "until",
                format!("is before the start ({until} is before {since})"),
            ));
        }
        let person = self.entry::<Person>(person_id)?;
        let period = crate::habit::Period {
            kind: crate::journal::PeriodKind::Quarter,
            starts_on: since,
            ends_on: until,
            label: format!("{since} to {until}"),
        };
        let everything = self.summary_of(period.clone(), false)?;
        let shared = self.summary_of(period, true)?;
        let left_out = (everything.projects.len() - shared.projects.len())
            + (everything.metrics.len() - shared.metrics.len())
            + (everything.rehearsals.stories.len() - shared.rehearsals.stories.len());
        let profile = self.profile()?;
        Ok(ProgressReport {
            markdown: crate::people::report::progress_markdown(
                &person,
                profile.name.as_deref(),
                &shared,
            ),
            projects: shared.projects.len() as u32,
            metrics: shared.metrics.len() as u32,
            checklists: shared.checklists.len() as u32,
            rehearsals: shared.rehearsals.count,
            private_left_out: left_out as u32,
        })
    }
}

impl Journal {
    /// The person whose page shows the entry `id`: a person itself, the person of a 1:1,
    /// of an action item's 1:1, of a goal, or of feedback from or to someone.
    pub fn person_of(&self, id: i64) -> Result<i64> {
        let kind = super::journal::entry_kind(&self.conn, id)?;
        let sql = match kind {
            EntryKind::Person => return Ok(id),
            EntryKind::OneOnOne => "SELECT person_id FROM one_on_ones WHERE id = ?1",
            EntryKind::Action => {
                "SELECT o.person_id FROM actions a JOIN one_on_ones o ON o.id = a.one_on_one_id
                 WHERE a.id = ?1"
            }
            EntryKind::Goal => "SELECT person_id FROM goals WHERE id = ?1",
            EntryKind::Feedback => "SELECT person_id FROM feedback WHERE id = ?1",
            _ => "SELECT person_id FROM entry_people WHERE entry_id = ?1 ORDER BY position LIMIT 1",
        };
        let found: Option<Option<i64>> = rusqlite::OptionalExtension::optional(
            self.conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)),
        )?;
        found
            .flatten()
            .ok_or_else(|| Error::NotFound { what: format!("a person for {} {id}", kind.as_str()) })
    }
}
