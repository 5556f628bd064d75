//! `careerlog person|one-on-one|action|goal ...` and `export report`: the people a career is
//! done through, their 1:1s with what each side agreed, and the goals a mentee reached.

use careerlog_core::habit::Clock;
use careerlog_core::journal::{Stored, TrashItem};
use careerlog_core::people::{
    ActionDraft, ActionItem, ActionOwner, Goal, GoalInput, OneOnOne, OneOnOneDetail, OneOnOneForm,
    OneOnOneInput, PeopleFilter, Person, PersonInput, PersonPage, Relationship, RelationshipSpan,
};
use careerlog_core::{Error, Journal, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::journal::{day, delete_as, missing, set, set_day, shown, Day, Describe, LabelFlags};
use super::{to_json, Output};

fn relationship(text: &str) -> std::result::Result<Relationship, String> {
    Relationship::parse(text)
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add someone you work with, with what they are to you now.
    Add(PersonFlags),
    /// Everyone, by name: their relationship now, team, 1:1s, when you last met, open items.
    List {
        /// Only people who are or were this: manager, skip-level, report, mentee, mentor,
        /// peer or stakeholder.
        #[arg(long, value_parser = relationship)]
        relationship: Option<Relationship>,
        /// Only people whose name or a team holds each of these words.
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
    },
    /// A person's page: relationships over time, open action items, goals, and everything
    /// linked to them on one timeline.
    Show { id: i64 },
    /// Change the given fields of a person; a --relationship given here is ADDED as a new
    /// span, and --ended DATE ends the open one.
    ///
    /// The new span takes --team, --from and --to, and starts today unless --from (or
    /// --ended, or --to for one already over) says otherwise; the old spans stay as their
    /// history. A peer who became your manager on 2024-02-01 is
    /// `careerlog person edit ID --ended 2024-01-31 --relationship manager --from 2024-02-01`.
    Edit {
        id: i64,
        /// The day the open relationship ended (sets its --to). With --relationship, the
        /// new one starts that day unless --from says otherwise.
        #[arg(long, value_parser = day, value_name = "DATE")]
        ended: Option<Day>,
        #[command(flatten)]
        flags: PersonFlags,
    },
    /// Move a person to the trash with their 1:1s, action items and goals; entries that
    /// named them stop naming them until they are restored.
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct PersonFlags {
    #[arg(long)]
    pub name: Option<String>,
    /// manager, skip-level, report, mentee, mentor, peer or stakeholder
    #[arg(long, value_parser = relationship)]
    pub relationship: Option<Relationship>,
    /// The team or organization they were in at the time (with --relationship).
    #[arg(long)]
    pub team: Option<String>,
    /// The day the relationship started (with --relationship).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub from: Option<Day>,
    /// The day it ended; leave it out while it lasts (with --relationship).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub to: Option<Day>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl PersonFlags {
    /// The new relationship span the flags describe, if any; `starts` is its start day
    /// when --from is not given.
    fn span(&self, starts: Option<chrono::NaiveDate>) -> Result<Option<RelationshipSpan>> {
        let Some(relationship) = self.relationship else {
            if self.team.is_some() || self.from.is_some() || self.to.is_some() {
                return Err(Error::invalid(
                    "relationship",
                    "--team, --from and --to describe a relationship: give --relationship too",
                ));
            }
            return Ok(None);
        };
        let team = self.team.clone().filter(|t| !t.trim().is_empty());
        let from = self.from.map_or(starts, |d| d.0);
        Ok(Some(RelationshipSpan { relationship, team, from, to: self.to.and_then(|d| d.0) }))
    }

    fn apply(self, input: &mut PersonInput, span: Option<RelationshipSpan>) {
        if let Some(name) = self.name {
            input.name = name;
        }
        set(&mut input.notes, self.notes);
        input.relationships.extend(span);
        self.labels.apply(&mut input.labels);
    }
}

impl PersonCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            PersonCommand::Add(flags) => {
                if flags.name.is_none() {
                    return Err(missing("name", "name"));
                }
                if flags.relationship.is_none() {
                    return Err(missing("relationship", "relationship"));
                }
                let span = flags.span(None)?;
                let mut input = PersonInput::default();
                flags.apply(&mut input, span);
                let added = j.add(input)?;
                Ok(shown(&added, format!("Added {}", added.describe())))
            }
            PersonCommand::List { relationship, search } => {
                let filter = PeopleFilter { text: search, relationship };
                list(j, &filter)
            }
            PersonCommand::Show { id } => {
                let page = j.person_page(id)?;
                Ok(shown(&page, page_text(&page)))
            }
            PersonCommand::Edit { id, ended, flags } => edit(j, id, ended, flags),
            PersonCommand::Delete { id } => delete(j, id),
        }
    }
}

fn list(j: &Journal, filter: &PeopleFilter) -> Result<Output> {
    let page = j.people(filter)?;
    let mut lines: Vec<String> = page
        .people
        .iter()
        .map(|row| {
            let p = &row.person;
            let (what, team) = match &p.current {
                Some(r) => (r.relationship.in_words(), r.team.as_deref().unwrap_or("")),
                None => ("", ""),
            };
            let met = row.last_met_on.map_or_else(|| "never".to_string(), |d| d.to_string());
            format!(
                "{:>5}  {:<24}  {what:<18}  {team:<16}  {:>3} 1:1s  last met {met:<10}  {} open",
                p.id, p.name, row.one_on_ones, row.open_actions
            )
        })
        .collect();
    if page.total == 0 && filter == &PeopleFilter::default() {
        lines.push(
            "No people yet: add one with `careerlog person add --name ... --relationship ...`"
                .into(),
        );
    } else if page.total == 0 {
        lines.push("No people match".into());
    } else {
        lines.push(format!("{} {}", page.total, if page.total == 1 { "person" } else { "people" }));
    }
    Ok((to_json(&page.people), lines.join("\n")))
}

/// "peer (Payments), 2021-03-01 to 2024-01-31", "manager, since 2024-02-01".
fn span_line(r: &RelationshipSpan) -> String {
    let team = r.team.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
    let when = match (r.from, r.to) {
        (Some(from), Some(to)) => format!(", {from} to {to}"),
        (Some(from), None) => format!(", since {from}"),
        (None, Some(to)) => format!(", until {to}"),
        (None, None) => String::new(),
    };
    format!("{}{team}{when}", r.relationship.in_words())
}

fn page_text(page: &PersonPage) -> String {
    let p = &page.person;
    let mut lines = vec![p.describe()];
    lines.extend(p.relationships.iter().map(|r| format!("  {}", span_line(r))));
    if let Some(notes) = &p.notes {
        lines.push(format!("  {notes}"));
    }
    if p.labels.private {
        lines.push("  (private)".into());
    }
    lines.push(format!("{} 1:1{}", page.one_on_ones, if page.one_on_ones == 1 { "" } else { "s" }));
    if !page.open_actions.is_empty() {
        lines.push("Open action items:".into());
        lines.extend(page.open_actions.iter().map(|a| format!("  {}", a.describe())));
    }
    if !page.goals.is_empty() {
        lines.push("Goals:".into());
        lines.extend(page.goals.iter().map(|g| format!("  {}", g.describe())));
    }
    if page.timeline.is_empty() {
        lines.push(format!(
            "Nothing linked to them yet: `careerlog one-on-one add --person {}`, or --with {} on any entry",
            p.id, p.id
        ));
    } else {
        lines.push("Timeline:".into());
        lines.extend(page.timeline.iter().map(|t| {
            let date = t.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
            let detail = t.detail.as_deref().map(|d| format!(": {d}")).unwrap_or_default();
            let private = if t.private { " (private)" } else { "" };
            format!(
                "  {date:<10}  {:<18} {} {}: {}{detail}{private}",
                t.role.in_words(),
                t.kind.as_str(),
                t.id,
                t.title
            )
        }));
    }
    lines.join("\n")
}

fn edit(j: &mut Journal, id: i64, ended: Option<Day>, flags: PersonFlags) -> Result<Output> {
    let person = j.entry::<Person>(id)?;
    let mut input = person.to_input();
    let mut starts = None;
    if let Some(Day(day)) = ended {
        let Some(day) = day else {
            return Err(Error::invalid("ended", "give the day it ended (YYYY-MM-DD)"));
        };
        let open = input.relationships.iter_mut().filter(|r| r.to.is_none()).max_by_key(|r| r.from);
        let Some(open) = open else {
            return Err(Error::invalid(
                "ended",
                "none of their relationships is open: each has its end day already",
            ));
        };
        open.to = Some(day);
        starts = Some(day);
    } else if flags.to.is_none() {
        // A span added now is the current one, not an undated one from long ago.
        starts = Some(Clock::system().today());
    }
    let span = flags.span(starts)?;
    let added = span.is_some();
    flags.apply(&mut input, span);
    let updated = j.update(id, input)?;
    let mut text = format!("Updated {}", updated.describe());
    if added || ended.is_some() {
        for r in &updated.relationships {
            text.push_str(&format!("\n  {}", span_line(r)));
        }
    }
    Ok(shown(&updated, text))
}

fn delete(j: &mut Journal, id: i64) -> Result<Output> {
    let page = j.person_page(id)?;
    // What stays behind and stops naming them: feedback from or to them, entries they were in.
    let unlinked = page
        .timeline
        .iter()
        .filter(|t| {
            !matches!(
                t.kind,
                careerlog_core::journal::EntryKind::OneOnOne
                    | careerlog_core::journal::EntryKind::Goal
            )
        })
        .count() as u32;
    let item = j.delete_entry(id)?;
    let goals = page.goals.len() as u32;
    let actions = item.children.saturating_sub(page.one_on_ones + goals);
    let mut went = vec![count(page.one_on_ones, "1:1", "1:1s")];
    if actions > 0 {
        went.push(count(actions, "action item", "action items"));
    }
    if goals > 0 {
        went.push(count(goals, "goal", "goals"));
    }
    let text = format!(
        "Moved person {} \"{}\" to the trash with {}; {} no longer name{} them.\n\
         Restore them with all of it, and the links, with `careerlog trash restore {}`",
        item.entry_id,
        item.title,
        went.join(", "),
        count(unlinked, "entry", "entries"),
        if unlinked == 1 { "s" } else { "" },
        item.id
    );
    #[derive(Serialize)]
    struct Deleted {
        #[serde(flatten)]
        item: TrashItem,
        one_on_ones: u32,
        action_items: u32,
        goals: u32,
        unlinked: u32,
    }
    let deleted =
        Deleted { item, one_on_ones: page.one_on_ones, action_items: actions, goals, unlinked };
    Ok(shown(&deleted, text))
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Describe for Person {
    fn describe(&self) -> String {
        format!("person {}: {}", self.id, self.line())
    }
}

impl Describe for ActionItem {
    fn describe(&self) -> String {
        let mark = if self.done_on.is_some() { "[x]" } else { "[ ]" };
        let done = self.done_on.map(|d| format!(", done {d}")).unwrap_or_default();
        format!(
            "{mark} action {}: {} ({}; agreed {}{done})",
            self.id,
            self.text,
            owner_words(self.owner),
            self.agreed_on
        )
    }
}

fn owner_words(owner: ActionOwner) -> &'static str {
    match owner {
        ActionOwner::Me => "yours",
        ActionOwner::Them => "theirs",
    }
}

impl Describe for Goal {
    fn describe(&self) -> String {
        let mut when = Vec::new();
        if let Some(set) = self.set_on {
            when.push(format!("set {set}"));
        }
        match self.reached_on {
            Some(reached) => when.push(format!("reached {reached}")),
            None => when.push("open".into()),
        }
        if self.took_over {
            when.push("took over work you used to carry".into());
        }
        format!("goal {}: {} ({})", self.id, self.text, when.join("; "))
    }
}

#[derive(Debug, Subcommand)]
pub enum OneOnOneCommand {
    /// Log a 1:1 with its action items; prints what is still open from the 1:1s before.
    Add {
        /// Who you met (`careerlog person list`).
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        /// The day of the 1:1 (default today).
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
        #[arg(long, value_name = "TEXT")]
        agenda: Option<String>,
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// Something you agreed to do; repeat for each.
        #[arg(long = "action", value_name = "TEXT")]
        actions: Vec<String>,
        /// Something they agreed to do; repeat for each.
        #[arg(long = "their-action", value_name = "TEXT")]
        their_actions: Vec<String>,
        #[command(flatten)]
        labels: LabelFlags,
    },
    /// The 1:1s with one person, newest first.
    List {
        /// Whose 1:1s (`careerlog person list`).
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
    },
    /// One 1:1 with its action items and what it carried over from before.
    Show { id: i64 },
    /// Move a 1:1 and its action items to the trash.
    Delete { id: i64 },
}

impl OneOnOneCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            OneOnOneCommand::Add {
                person,
                date,
                agenda,
                notes,
                actions,
                their_actions,
                labels,
            } => {
                let Some(person_id) = person else {
                    return Err(missing("person_id", "person"));
                };
                let mut meeting = OneOnOneInput { person_id, ..Default::default() };
                set_day(&mut meeting.date, date);
                meeting.agenda = agenda;
                meeting.notes = notes;
                labels.apply(&mut meeting.labels);
                let draft = |owner| move |text| ActionDraft { id: None, text, owner, done: false };
                let actions = actions
                    .into_iter()
                    .map(draft(ActionOwner::Me))
                    .chain(their_actions.into_iter().map(draft(ActionOwner::Them)))
                    .collect();
                let saved = j.save_one_on_one(None, OneOnOneForm { meeting, actions })?;
                let text = format!("Added {}", detail_text(&saved));
                Ok(shown(&saved, text))
            }
            OneOnOneCommand::List { person } => {
                let Some(person_id) = person else {
                    return Err(missing("person_id", "person"));
                };
                let person = j.entry::<Person>(person_id)?;
                let meetings = j.one_on_ones(person_id)?;
                let mut lines = vec![format!("1:1s with {}", person.name)];
                lines.extend(meetings.iter().map(|m| {
                    let date = m.date.map(|d| d.to_string()).unwrap_or_default();
                    let about = m.agenda.as_deref().or(m.notes.as_deref()).unwrap_or("");
                    let about = about.lines().next().unwrap_or("");
                    format!("{:>5}  {date}  {about}", m.id)
                }));
                if meetings.is_empty() {
                    lines.push(format!(
                        "None yet: `careerlog one-on-one add --person {person_id} --agenda ...`"
                    ));
                }
                Ok(shown(&meetings, lines.join("\n")))
            }
            OneOnOneCommand::Show { id } => {
                let d = j.one_on_one(id)?;
                Ok(shown(&d, detail_text(&d)))
            }
            OneOnOneCommand::Delete { id } => delete_as::<OneOnOne>(j, id),
        }
    }
}

fn detail_text(d: &OneOnOneDetail) -> String {
    let m = &d.meeting;
    let date = m.date.map(|d| format!(", {d}")).unwrap_or_default();
    let private = if m.labels.private { " (private)" } else { "" };
    let mut lines = vec![format!("1:1 {} with {}{date}{private}", m.id, d.person.name)];
    if let Some(agenda) = &m.agenda {
        lines.push(format!("  Agenda: {agenda}"));
    }
    if let Some(notes) = &m.notes {
        lines.push(format!("  Notes: {notes}"));
    }
    if !d.actions.is_empty() {
        lines.push("Agreed:".into());
        lines.extend(d.actions.iter().map(|a| format!("  {}", a.describe())));
    }
    if d.carried.is_empty() {
        lines.push("Nothing open from the 1:1s before.".into());
    } else {
        lines.push("Carried over from before:".into());
        lines.extend(d.carried.iter().map(|a| format!("  {}", a.describe())));
    }
    lines.join("\n")
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Mark an action item done today; it stops being carried to later 1:1s.
    Done { id: i64 },
    /// Open a done action item again; it is carried to later 1:1s again.
    Reopen { id: i64 },
}

impl ActionCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let (id, done) = match self {
            ActionCommand::Done { id } => (id, true),
            ActionCommand::Reopen { id } => (id, false),
        };
        let item = j.mark_action(id, done)?;
        let said = if done { "Done" } else { "Open again" };
        Ok(shown(&item, format!("{said}: {}", item.describe())))
    }
}

#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Set a goal of a mentee or report; reaching it is an outcome of the mentoring.
    Add {
        /// The mentee or report whose goal it is (`careerlog person list`).
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        /// "Lead the on-call rotation", "promoted to senior".
        #[arg(long)]
        text: Option<String>,
        /// The day the goal was set.
        #[arg(long, value_parser = day, value_name = "DATE")]
        set: Option<Day>,
        /// The day they reached it.
        #[arg(long, value_parser = day, value_name = "DATE")]
        reached: Option<Day>,
        /// They took over work you used to carry: a successor trained (needs --reached).
        #[arg(long)]
        took_over: bool,
        #[command(flatten)]
        labels: LabelFlags,
    },
    /// Mark a goal reached (today unless --date says otherwise).
    Reached {
        id: i64,
        #[arg(long, value_parser = day, value_name = "DATE")]
        date: Option<Day>,
        /// They took over work you used to carry: a successor trained.
        #[arg(long)]
        took_over: bool,
    },
    /// Move a goal to the trash.
    Delete { id: i64 },
}

impl GoalCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            GoalCommand::Add { person, text, set, reached, took_over, labels } => {
                let Some(person_id) = person else {
                    return Err(missing("person_id", "person"));
                };
                let Some(text) = text else {
                    return Err(missing("text", "text"));
                };
                let mut input = GoalInput { person_id, text, took_over, ..Default::default() };
                set_day(&mut input.set_on, set);
                set_day(&mut input.reached_on, reached);
                labels.apply(&mut input.labels);
                let added = j.add(input)?;
                Ok(shown(&added, format!("Added {}", added.describe())))
            }
            GoalCommand::Reached { id, date, took_over } => {
                let mut input = j.entry::<Goal>(id)?.to_input();
                let day = date.and_then(|d| d.0).unwrap_or_else(|| Clock::system().today());
                input.reached_on = Some(day);
                input.took_over |= took_over;
                let updated = j.update(id, input)?;
                Ok(shown(&updated, format!("Reached: {}", updated.describe())))
            }
            GoalCommand::Delete { id } => delete_as::<Goal>(j, id),
        }
    }
}

/// `export report`: what the progress report for one person holds.
#[derive(Debug, Args)]
pub struct ReportExport {
    /// Who it is for: a mentor, a manager (`careerlog person list`).
    #[arg(long, value_name = "ID")]
    pub person: Option<i64>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub since: Option<Day>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub until: Option<Day>,
    #[arg(long, value_name = "FILE")]
    pub out: std::path::PathBuf,
}

pub fn export_report(j: &Journal, flags: ReportExport) -> Result<Output> {
    let Some(person_id) = flags.person else {
        return Err(missing("person_id", "person"));
    };
    let Some(since) = flags.since.and_then(|d| d.0) else {
        return Err(missing("since", "since"));
    };
    let Some(until) = flags.until.and_then(|d| d.0) else {
        return Err(missing("until", "until"));
    };
    let report = j.progress_report(person_id, since, until)?;
    super::write_file(&flags.out, report.markdown.as_bytes())?;
    let person = j.entry::<Person>(person_id)?;
    #[derive(Serialize)]
    struct Written {
        projects: u32,
        metrics: u32,
        checklists: u32,
        rehearsals: u32,
        private_left_out: u32,
        path: String,
    }
    let written = Written {
        projects: report.projects,
        metrics: report.metrics,
        checklists: report.checklists,
        rehearsals: report.rehearsals,
        private_left_out: report.private_left_out,
        path: flags.out.display().to_string(),
    };
    let left_out = match written.private_left_out {
        0 => String::new(),
        n => format!("; {} left out", count(n, "private entry", "private entries")),
    };
    let text = format!(
        "Wrote the progress report for {} ({since} to {until}) to {}: {}, {}, {}, {}{left_out}",
        person.name,
        written.path,
        count(written.projects, "project", "projects"),
        count(written.metrics, "metric", "metrics"),
        count(written.checklists, "checklist", "checklists"),
        count(written.rehearsals, "rehearsal", "rehearsals"),
    );
    Ok((to_json(&written), text))
}
